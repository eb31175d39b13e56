//! The policy studio's writer: a [`PolicyDraft`] as the text of a policy file — readable, with a
//! short comment above each table in the user's language ([`super::draft_words`]), the keys in
//! the order of `docs/policy-format.md`, and strings escaped for TOML.
//!
//! What the user typed is written so that the loader judges it: a value that reads as the kind
//! the key wants is written bare (`subsidy = 3`, `from = 2024-07-01`); anything else is written as a
//! quoted string (`subsidy = "三元"`), so the loader reports it with its own message; a blank
//! value leaves its key out (a required key is then "missing"). Every list item is written, even
//! an empty one, so the loader's paths (`version[0].component[1]`) are the draft's indices.
//!
//! Several conditions that must all hold are written as one table when their keys differ and
//! come in the file's order (`{ age_at_least = 60, hukou = "local" }`); otherwise as
//! `{ all = [ … ] }`. The writer records where that makes the loader's path differ from the
//! draft's (`….when.hukou` is the draft's `….when.all[1].hukou`) for [`super::draft_check`].

use super::draft::{BenefitKind, DraftCondition, DraftDated, DraftPerMeal, DraftText, DraftVersion, PolicyDraft};
use super::draft_words::{draft_words, DraftWords};
use crate::core::date::Date;
use crate::core::money::Fen;
use crate::core::Locale;

/// The draft as the text of a policy file, with comments in `locale`.
pub fn write_toml(draft: &PolicyDraft, locale: Locale) -> String {
    write(draft, locale).text
}

/// A written draft, and where the loader's paths differ from the draft's.
pub(super) struct Written {
    /// The file's text.
    pub(super) text: String,
    /// `(loader path, draft path)`: a problem whose path starts with the first names the field
    /// whose path starts with the second.
    pub(super) paths: Vec<(String, String)>,
}

/// Writes the draft.
pub(super) fn write(draft: &PolicyDraft, locale: Locale) -> Written {
    let mut w = Writer { out: String::new(), paths: Vec::new(), words: draft_words(locale) };
    w.policy(draft);
    Written { text: w.out, paths: w.paths }
}

/// A TOML basic string: `"…"` with `\` `"` and control characters escaped.
pub fn quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", u32::from(c))),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// An amount in yuan: bare when it is one (`10.5`), else quoted for the loader to report.
fn money(s: &str) -> String {
    let t = s.trim();
    match Fen::parse_yuan(t) {
        Ok(f) if f.0 >= 0 => f.to_string(),
        _ => quote(t),
    }
}

/// A whole number: bare when it is one (`80`), else quoted.
fn int(s: &str) -> String {
    let t = s.trim();
    match t.parse::<u64>() {
        Ok(n) if t.chars().all(|c| c.is_ascii_digit()) => n.to_string(),
        _ => quote(t),
    }
}

/// A date: bare when it is one (`2025-03-04`), else quoted.
fn date(s: &str) -> String {
    let t = s.trim();
    match t.parse::<Date>() {
        Ok(d) => d.to_string(),
        Err(_) => quote(t),
    }
}

/// A code or id: always quoted (trimmed).
fn code(s: &str) -> String {
    quote(s.trim())
}

fn blank(s: &str) -> bool {
    s.trim().is_empty()
}

/// Text: a plain string when the English is blank or the same, else `{ zh = …, en = … }`.
fn text(t: &DraftText) -> String {
    let (chinese, english) = (t.zh.trim(), t.en.trim());
    if english.is_empty() || english == chinese {
        quote(chinese)
    } else if chinese.is_empty() {
        format!("{{ en = {} }}", quote(english))
    } else {
        format!("{{ zh = {}, en = {} }}", quote(chinese), quote(english))
    }
}

/// A dated value, or `None` when blank.
fn dated(d: &DraftDated, value: fn(&str) -> String) -> Option<String> {
    if d.is_blank() {
        return None;
    }
    if let Some(v) = d.plain_value() {
        return Some(value(v));
    }
    let steps: Vec<String> = d
        .steps
        .iter()
        .map(|s| {
            let mut parts = Vec::new();
            if !blank(&s.from) {
                parts.push(format!("from = {}", date(&s.from)));
            }
            if !blank(&s.value) {
                parts.push(format!("value = {}", value(&s.value)));
            }
            inline(&parts)
        })
        .collect();
    Some(format!("[{}]", steps.join(", ")))
}

/// An amount per meal, or `None` when blank.
fn per_meal(m: &DraftPerMeal, value: fn(&str) -> String) -> Option<String> {
    if !m.per_meal {
        return dated(&m.all, value);
    }
    let parts: Vec<String> = [("breakfast", &m.breakfast), ("lunch", &m.lunch), ("dinner", &m.dinner)]
        .into_iter()
        .filter_map(|(k, d)| dated(d, value).map(|v| format!("{k} = {v}")))
        .collect();
    (!parts.is_empty()).then(|| inline(&parts))
}

/// `{ a = 1, b = 2 }` (or `{}`).
fn inline(parts: &[String]) -> String {
    if parts.is_empty() {
        "{}".into()
    } else {
        format!("{{ {} }}", parts.join(", "))
    }
}

/// A list of strings as codes.
fn codes(items: &[String]) -> String {
    format!("[{}]", items.iter().map(|s| code(s)).collect::<Vec<_>>().join(", "))
}

/// One line for a comment (names may hold line breaks).
fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

struct Writer {
    out: String,
    paths: Vec<(String, String)>,
    words: &'static DraftWords,
}

impl Writer {
    fn line(&mut self, indent: &str, s: &str) {
        self.out.push_str(indent);
        self.out.push_str(s);
        self.out.push('\n');
    }

    fn comment(&mut self, indent: &str, s: &str) {
        self.line(indent, &format!("# {}", one_line(s)));
    }

    /// `key = value`.
    fn key(&mut self, indent: &str, key: &str, value: String) {
        self.line(indent, &format!("{key} = {value}"));
    }

    /// `key = value` unless blank.
    fn opt(&mut self, indent: &str, key: &str, raw: &str, value: fn(&str) -> String) {
        if !blank(raw) {
            self.key(indent, key, value(raw));
        }
    }

    fn opt_text(&mut self, indent: &str, key: &str, t: &DraftText) {
        if !t.is_blank() {
            self.key(indent, key, text(t));
        }
    }

    fn texts(&mut self, indent: &str, key: &str, list: &[DraftText]) {
        if !list.is_empty() {
            let items: Vec<String> = list.iter().map(text).collect();
            self.key(indent, key, format!("[{}]", items.join(", ")));
        }
    }

    fn header(&mut self, indent: &str, comment: &str, header: &str) {
        self.out.push('\n');
        self.comment(indent, comment);
        self.line(indent, header);
    }

    fn policy(&mut self, d: &PolicyDraft) {
        for head in self.words.file_head {
            self.comment("", head);
        }
        self.out.push('\n');
        self.line("", "format = 1");
        self.header("", self.words.policy, "[policy]");
        self.opt("", "id", &d.id, code);
        self.opt_text("", "name", &d.name);
        self.opt_text("", "region", &d.region);
        self.opt_text("", "summary", &d.summary);
        self.texts("", "gaps", &d.gaps);
        for c in &d.categories {
            self.header("", self.words.category, "[[category]]");
            self.opt("", "id", &c.id, code);
            self.opt_text("", "name", &c.name);
            self.opt_text("", "explain", &c.explain);
        }
        for s in &d.sources {
            self.header("", self.words.source, "[[source]]");
            self.opt("", "id", &s.id, code);
            self.opt("", "title", &s.title, quote);
            self.opt("", "issuer", &s.issuer, quote);
            self.opt("", "number", &s.number, quote);
            self.opt("", "date", &s.date, date);
            self.opt("", "url", &s.url, code);
            self.opt("", "confidence", &s.confidence, code);
            self.opt_text("", "note", &s.note);
        }
        for c in &d.clauses {
            self.header("", self.words.clause, "[[clause]]");
            self.opt("", "id", &c.id, code);
            self.opt("", "source", &c.source, code);
            self.opt("", "text", &c.text, quote);
            if !c.verbatim {
                self.key("", "verbatim", "false".into());
            }
            self.opt_text("", "note", &c.note);
        }
        for (i, v) in d.versions.iter().enumerate() {
            self.version(i, v);
        }
        for (i, c) in d.cases.iter().enumerate() {
            let name = if blank(&c.name) { (i + 1).to_string() } else { c.name.clone() };
            self.header("", &(self.words.case)(&name), "[[case]]");
            self.opt("", "name", &c.name, quote);
            let p = &c.person;
            let mut person = Vec::new();
            let add = |parts: &mut Vec<String>, key: &str, raw: &str, value: fn(&str) -> String| {
                if !blank(raw) {
                    parts.push(format!("{key} = {}", value(raw)));
                }
            };
            add(&mut person, "age", &p.age, int);
            add(&mut person, "birth_date", &p.birth_date, date);
            add(&mut person, "care_level", &p.care_level, code);
            add(&mut person, "disability_grade", &p.disability_grade, int);
            add(&mut person, "hardship", &p.hardship, code);
            if !p.groups.is_empty() {
                person.push(format!("groups = {}", codes(&p.groups)));
            }
            if !p.flags.is_empty() {
                person.push(format!("flags = {}", codes(&p.flags)));
            }
            add(&mut person, "hukou", &p.hukou, code);
            if p.in_care_home {
                person.push("in_care_home = true".into());
            }
            add(&mut person, "area", &p.area, code);
            add(&mut person, "income", &p.income, money);
            self.key("", "person", inline(&person));
            let m = &c.meal;
            let mut meal = Vec::new();
            add(&mut meal, "date", &m.date, date);
            add(&mut meal, "meal", &m.meal, code);
            add(&mut meal, "price", &m.price, money);
            if m.delivery {
                meal.push("delivery = true".into());
            }
            add(&mut meal, "place", &m.place, code);
            self.key("", "meal", inline(&meal));
            let e = &c.expect;
            let mut expect = Vec::new();
            if let Some(b) = e.eligible {
                expect.push(format!("eligible = {b}"));
            }
            add(&mut expect, "subsidy", &e.subsidy, money);
            add(&mut expect, "pay", &e.pay, money);
            add(&mut expect, "delivery", &e.delivery, money);
            add(&mut expect, "delivery_fee", &e.delivery_fee, money);
            if let Some(t) = &e.tier {
                expect.push(format!("tier = {}", code(t)));
            }
            if let Some(v) = &e.version {
                expect.push(format!("version = {}", code(v)));
            }
            self.key("", "expect", inline(&expect));
            self.opt("", "why", &c.why, quote);
        }
    }

    fn version(&mut self, i: usize, v: &DraftVersion) {
        let label = if v.label.is_blank() { v.id.clone() } else { v.label.zh.clone() };
        self.header("", &(self.words.version)(&label), "[[version]]");
        let path = format!("version[{i}]");
        self.opt("", "id", &v.id, code);
        self.opt_text("", "label", &v.label);
        if v.from.trim() == super::model::UNKNOWN_START {
            self.key("", "from", quote(super::model::UNKNOWN_START));
        } else {
            self.opt("", "from", &v.from, date);
        }
        self.opt("", "from_clause", &v.from_clause, code);
        self.opt("", "until", &v.until, date);
        self.opt_text("", "dates_note", &v.dates_note);
        let all_meals: Vec<String> = super::person::MealKind::ALL.iter().map(|m| m.code().to_string()).collect();
        if !blank(&v.meals_clause) || v.meals != all_meals {
            self.key("", "meals", codes(&v.meals));
        }
        self.opt("", "meals_clause", &v.meals_clause, code);
        if v.workdays_only {
            self.key("", "workdays_only", "true".into());
            self.opt("", "workdays_clause", &v.workdays_clause, code);
        }
        if let Some(price) = dated(&v.reference_price, money) {
            self.key("", "reference_price", price);
            self.opt("", "reference_price_clause", &v.reference_price_clause, code);
        }
        if let Some(c) = &v.eligibility {
            let value = self.condition(c, &format!("{path}.eligibility"));
            self.key("", "eligibility", value);
            self.opt("", "eligibility_clause", &v.eligibility_clause, code);
        }
        let caps = &v.caps;
        let mut parts = Vec::new();
        for (key, cap, value) in [
            ("per_day", &caps.per_day, int as fn(&str) -> String),
            ("per_week", &caps.per_week, int),
            ("per_month", &caps.per_month, int),
            ("money_per_week", &caps.money_per_week, money),
            ("money_per_month", &caps.money_per_month, money),
        ] {
            if let Some(val) = dated(&cap.value, value) {
                parts.push(format!("{key} = {val}"));
                if !blank(&cap.clause) {
                    parts.push(format!("{key}_clause = {}", code(&cap.clause)));
                }
            }
        }
        if !parts.is_empty() {
            if !blank(&caps.clause) {
                parts.push(format!("clause = {}", code(&caps.clause)));
            }
            self.key("", "caps", inline(&parts));
        }
        if let Some(dibao) = &v.dibao {
            let mut parts = Vec::new();
            if let Some(u) = dated(&dibao.urban, money) {
                parts.push(format!("urban = {u}"));
            }
            if let Some(r) = dated(&dibao.rural, money) {
                parts.push(format!("rural = {r}"));
            }
            if !blank(&dibao.clause) {
                parts.push(format!("clause = {}", code(&dibao.clause)));
            }
            self.key("", "dibao", inline(&parts));
        }
        self.texts("", "notes", &v.notes);
        if let Some(fee) = &v.delivery_fee {
            let mut parts = Vec::new();
            if let Some(a) = dated(&fee.amount, money) {
                parts.push(format!("amount = {a}"));
            }
            if !blank(&fee.clause) {
                parts.push(format!("clause = {}", code(&fee.clause)));
            }
            if let Some(c) = &fee.free_when {
                parts.push(format!("free_when = {}", self.condition(c, &format!("{path}.delivery_fee.free_when"))));
                if !blank(&fee.free_clause) {
                    parts.push(format!("free_clause = {}", code(&fee.free_clause)));
                }
            }
            self.key("", "delivery_fee", inline(&parts));
        }
        for inc in &v.income {
            self.header("  ", self.words.income, "[[version.income]]");
            self.opt("  ", "hardship", &inc.hardship, code);
            let key = if inc.below { "below_dibao_percent" } else { "at_most_dibao_percent" };
            self.opt("  ", key, &inc.percent, int);
            self.opt("  ", "clause", &inc.clause, code);
        }
        for (c_i, c) in v.components.iter().enumerate() {
            let name = if c.name.is_blank() { c.id.clone() } else { c.name.zh.clone() };
            self.header("  ", &(self.words.component)(&name), "[[version.component]]");
            self.opt("  ", "id", &c.id, code);
            self.opt_text("  ", "name", &c.name);
            if !blank(&c.level) {
                self.key("  ", "level", code(&c.level));
                self.opt("  ", "level_clause", &c.level_clause, code);
            }
            if !blank(&c.select) && c.select.trim() != "best" {
                self.key("  ", "select", code(&c.select));
            }
            let spend_key = match c.spend.trim() {
                "above" => Some("spend_above"),
                "at_least" => Some("spend_at_least"),
                _ => None,
            };
            if let Some(key) = spend_key {
                self.key("  ", key, if blank(&c.spend_amount) { quote("") } else { money(&c.spend_amount) });
                self.opt("  ", "spend_clause", &c.spend_clause, code);
            }
            for (t_i, t) in c.tiers.iter().enumerate() {
                let name = if t.name.is_blank() { t.id.clone() } else { t.name.zh.clone() };
                self.header("    ", &(self.words.tier)(&name), "[[version.component.tier]]");
                self.opt("    ", "id", &t.id, code);
                self.opt_text("    ", "name", &t.name);
                if let Some(when) = &t.when {
                    let value = self.condition(when, &format!("{path}.component[{c_i}].tier[{t_i}].when"));
                    self.key("    ", "when", value);
                }
                let amount = match t.benefit {
                    BenefitKind::Percent => per_meal(&t.amount, int),
                    BenefitKind::Subsidy | BenefitKind::Pay => per_meal(&t.amount, money),
                };
                if let Some(a) = amount {
                    self.key("    ", t.benefit.key(), a);
                }
                if t.benefit == BenefitKind::Percent {
                    if let Some(max) = per_meal(&t.at_most, money) {
                        self.key("    ", "percent_at_most", max);
                    }
                }
                self.opt("    ", "clause", &t.clause, code);
            }
        }
        for (d_i, d) in v.delivery.iter().enumerate() {
            self.header("  ", self.words.delivery, "[[version.delivery]]");
            self.opt("  ", "id", &d.id, code);
            self.opt_text("  ", "name", &d.name);
            if let Some(when) = &d.when {
                let value = self.condition(when, &format!("{path}.delivery[{d_i}].when"));
                self.key("  ", "when", value);
            }
            if let Some(a) = dated(&d.amount, money) {
                self.key("  ", "amount", a);
            }
            self.opt("  ", "paid_to", &d.paid_to, code);
            self.opt("  ", "clause", &d.clause, code);
        }
        for o in &v.operators {
            self.header("  ", self.words.operator, "[[version.operator]]");
            self.opt("  ", "id", &o.id, code);
            self.opt_text("  ", "name", &o.name);
            if let Some(a) = dated(&o.amount, money) {
                self.key("  ", "amount", a);
            }
            self.opt("  ", "per", &o.per, code);
            if !o.subsidised_diners_only {
                self.key("  ", "subsidised_diners_only", "false".into());
            }
            self.opt("  ", "clause", &o.clause, code);
        }
    }

    /// A condition at `path` (the same in the file and the draft at the top).
    fn condition(&mut self, c: &DraftCondition, path: &str) -> String {
        self.node(c, path, path)
    }

    /// A condition node as an inline table; its keys are at `loader.key` in the file and
    /// `draft.key` in the draft.
    fn node(&mut self, c: &DraftCondition, loader: &str, draft: &str) -> String {
        match c {
            DraftCondition::All(items) if mergeable(items) => {
                let mut parts = Vec::new();
                for (i, item) in items.iter().enumerate() {
                    let key = item.kind().key();
                    let child = format!("{draft}.all[{i}]");
                    self.paths.push((format!("{loader}.{key}"), format!("{child}.{key}")));
                    let value = self.value(item, loader, &child);
                    parts.push(format!("{key} = {value}"));
                }
                inline(&parts)
            }
            _ => {
                let value = self.value(c, loader, draft);
                format!("{{ {} = {value} }}", c.kind().key())
            }
        }
    }

    /// The value of a node's key.
    fn value(&mut self, c: &DraftCondition, loader: &str, draft: &str) -> String {
        match c {
            DraftCondition::AgeAtLeast(s) | DraftCondition::AgeBelow(s) | DraftCondition::IncomeAtMostDibaoPercent(s) => int(s),
            DraftCondition::CareAtLeast(s) | DraftCondition::Flag(s) | DraftCondition::Hukou(s) => code(s),
            DraftCondition::DisabilityGradeIn(g) => format!("[{}]", g.iter().map(|s| int(s)).collect::<Vec<_>>().join(", ")),
            DraftCondition::HardshipIn(list) | DraftCondition::GroupAny(list) => codes(list),
            DraftCondition::InCareHome(b) => b.to_string(),
            DraftCondition::All(items) | DraftCondition::Any(items) => {
                let key = c.kind().key();
                let mut out = Vec::new();
                for (j, item) in items.iter().enumerate() {
                    out.push(self.node(item, &format!("{loader}.{key}[{j}]"), &format!("{draft}.{key}[{j}]")));
                }
                format!("[{}]", out.join(", "))
            }
            DraftCondition::Not(inner) => self.node(inner, &format!("{loader}.not"), &format!("{draft}.not")),
        }
    }
}

/// Conditions that can share one table: two or more, each key once, in the file's key order
/// (the loader reads a table's keys in that order, so the list comes back the same).
fn mergeable(items: &[DraftCondition]) -> bool {
    items.len() >= 2 && items.windows(2).all(|w| w[0].kind().key() < w[1].kind().key())
}
