//! What a policy file contains: the `[policy]` table, `[[source]]`, `[[clause]]`, `[[category]]`,
//! `[[version]]` (with its components, tiers, caps, delivery and operator subsidies) and the
//! `[[case]]` checks (person, meal, expect), read into the [`Policy`] model with every reference
//! resolved. Each `read_*` function knows one table's keys; the values are read by
//! [`super::reader`]. The format is documented in `docs/policy-format.md`.

use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;

use super::reader::{
    array, as_table, boolean, code, codes, date, dated, ident, integer, money, required, string, tables, tables_len, text, texts, uint,
    unique, Reader, Table, Value,
};
use crate::core::money::{Fen, MAX_FEN};
use crate::core::policy::condition::Condition;
use crate::core::policy::error::{ErrorKind, Expected, Thing};
use crate::core::policy::model::*;
use crate::core::policy::person::{
    income_per_month, AgeInput, Area, CareLevel, Group, Hardship, Hukou, IncomeProblem, Meal, MealKind, Person, Place, PERSON_KEYS,
};
use crate::core::sort::set;
use crate::core::toml::{self, Kind};

/// Ids of sources, clauses and categories, for resolving references.
#[derive(Default)]
struct Ids {
    sources: BTreeMap<String, usize>,
    clauses: BTreeMap<String, usize>,
    categories: BTreeSet<String>,
}

/// Reads a clause reference `key = "clause-id"`; records an error when missing (figures need
/// a source) or unknown.
fn clause_ref(r: &mut Reader<'_>, t: &Table<'_, '_>, key: &'static str, ids: &Ids, required: bool) -> Option<ClauseRef> {
    let Some(v) = t.get(key) else {
        if required {
            r.error(&t.span, &t.path, ErrorKind::NoClause { key });
        }
        return None;
    };
    let id = string(r, v, &t.path(key))?;
    match ids.clauses.get(&id) {
        Some(i) => Some(*i),
        None => {
            r.error(&v.span, &t.path(key), ErrorKind::UnknownRef { what: Thing::Clause, id });
            None
        }
    }
}

/// The whole file: reads every table, resolves references, and gives the policy if nothing
/// essential is missing (the caller checks `r.errors`).
pub(super) fn read_policy(r: &mut Reader<'_>, root: &toml::Table<'_>, span: &Range<usize>) -> Option<Policy> {
    let top = Table { map: root, span: span.clone(), path: String::new() };
    top.check_keys(r, &["format", "policy", "category", "source", "clause", "version", "case"]);
    if let Some(v) = top.get("format") {
        integer(r, v, "format", 1, 1);
    }

    let meta = required(r, &top, "policy").and_then(|v| as_table(r, v, "policy".into()));
    let meta = meta.and_then(|t| read_meta(r, &t));

    let mut ids = Ids::default();
    let sources = top.get("source").map(|v| read_sources(r, v, &mut ids)).unwrap_or_default();
    if top.get("source").is_none() {
        top.missing(r, "source");
    }
    let clauses = top.get("clause").map(|v| read_clauses(r, v, &mut ids)).unwrap_or_default();
    let categories = top.get("category").map(|v| read_categories(r, v, &mut ids)).unwrap_or_default();

    let versions = match top.get("version") {
        Some(v) => read_versions(r, v, &ids),
        None => {
            top.missing(r, "version");
            Vec::new()
        }
    };
    let cases = top.get("case").map(|v| read_cases(r, v, &ids)).unwrap_or_default();
    let (id, name, region, summary, gaps) = meta?;
    Some(Policy { id, name, region, summary, categories, sources, clauses, versions, gaps, cases })
}

type Meta = (String, Text, Text, Option<Text>, Vec<Text>);

fn read_meta(r: &mut Reader<'_>, t: &Table<'_, '_>) -> Option<Meta> {
    t.check_keys(r, &["id", "name", "region", "summary", "gaps"]);
    let id = ident(r, t, "id");
    let name = required(r, t, "name").and_then(|v| text(r, v, &t.path("name")));
    let region = required(r, t, "region").and_then(|v| text(r, v, &t.path("region")));
    let summary = t.get("summary").and_then(|v| text(r, v, &t.path("summary")));
    let gaps = t.get("gaps").map(|v| texts(r, v, &t.path("gaps"))).unwrap_or_default();
    Some((id?, name?, region?, summary, gaps))
}

fn read_sources(r: &mut Reader<'_>, v: &Value<'_>, ids: &mut Ids) -> Vec<Source> {
    let mut out = Vec::new();
    let mut seen = BTreeSet::new();
    for t in tables(r, v, "source") {
        t.check_keys(r, &["id", "title", "issuer", "number", "date", "url", "confidence", "note"]);
        let id = ident(r, &t, "id");
        let title = required(r, &t, "title").and_then(|v| string(r, v, &t.path("title")));
        let issuer = t.get("issuer").and_then(|v| string(r, v, &t.path("issuer")));
        let number = t.get("number").and_then(|v| string(r, v, &t.path("number")));
        let date = t.get("date").and_then(|v| date(r, v, &t.path("date")));
        let url = t.get("url").and_then(|v| string(r, v, &t.path("url")));
        let confidence = t.get("confidence").and_then(|v| {
            code(r, v, &t.path("confidence"), &[Confidence::High, Confidence::Medium, Confidence::Low], |c| match c {
                Confidence::High => "high",
                Confidence::Medium => "medium",
                Confidence::Low => "low",
            })
        });
        let note = t.get("note").and_then(|v| text(r, v, &t.path("note")));
        if url.is_none() && number.is_none() && t.get("url").is_none() && t.get("number").is_none() {
            r.error(&t.span, &t.path, ErrorKind::SourceUnlocatable);
        }
        if let (Some(id), Some(title)) = (id, title) {
            if unique(r, &mut seen, &id, &t, Thing::Source) {
                ids.sources.insert(id.clone(), out.len());
                out.push(Source { id, title, issuer, number, date, url, confidence, note });
            }
        }
    }
    if out.is_empty() && r.errors.is_empty() {
        r.error(&v.span, "source", ErrorKind::Empty { key: "source" });
    }
    out
}

fn read_clauses(r: &mut Reader<'_>, v: &Value<'_>, ids: &mut Ids) -> Vec<Clause> {
    let mut out = Vec::new();
    let mut seen = BTreeSet::new();
    for t in tables(r, v, "clause") {
        t.check_keys(r, &["id", "source", "text", "verbatim", "note"]);
        let id = ident(r, &t, "id");
        let source = required(r, &t, "source").and_then(|v| {
            let sid = string(r, v, &t.path("source"))?;
            let found = ids.sources.get(&sid).copied();
            if found.is_none() {
                r.error(&v.span, &t.path("source"), ErrorKind::UnknownRef { what: Thing::Source, id: sid });
            }
            found
        });
        let body = required(r, &t, "text").and_then(|v| string(r, v, &t.path("text")));
        let verbatim = t.get("verbatim").and_then(|v| boolean(r, v, &t.path("verbatim"))).unwrap_or(true);
        let note = t.get("note").and_then(|v| text(r, v, &t.path("note")));
        if let (Some(id), Some(source), Some(text)) = (id, source, body) {
            if unique(r, &mut seen, &id, &t, Thing::Clause) {
                ids.clauses.insert(id.clone(), out.len());
                out.push(Clause { id, source, text, verbatim, note });
            }
        }
    }
    out
}

fn read_categories(r: &mut Reader<'_>, v: &Value<'_>, ids: &mut Ids) -> Vec<Category> {
    let mut out = Vec::new();
    let mut seen = BTreeSet::new();
    for t in tables(r, v, "category") {
        t.check_keys(r, &["id", "name", "explain"]);
        let id = ident(r, &t, "id");
        let name = required(r, &t, "name").and_then(|v| text(r, v, &t.path("name")));
        let explain = t.get("explain").and_then(|v| text(r, v, &t.path("explain")));
        if let (Some(id), Some(name)) = (id, name) {
            if unique(r, &mut seen, &id, &t, Thing::Category) {
                ids.categories.insert(id.clone());
                out.push(Category { id, name, explain });
            }
        }
    }
    out
}

const CONDITION_KEYS: [&str; 13] = [
    "age_at_least",
    "age_below",
    "care_level_at_least",
    "disability_grade_in",
    "hardship_in",
    "group_any",
    "flag",
    "hukou",
    "in_care_home",
    "income_at_most_dibao_percent",
    "all",
    "any",
    "not",
];

/// A condition: an inline table whose keys are tests; several keys mean all of them.
fn condition(r: &mut Reader<'_>, v: &Value<'_>, path: &str, ids: &Ids) -> Option<Condition> {
    let Kind::Table(map) = &v.kind else {
        r.bad(v, path, Expected::Condition);
        return None;
    };
    let t = Table { map, span: v.span.clone(), path: path.to_string() };
    t.check_keys(r, &CONDITION_KEYS);
    if map.is_empty() {
        r.bad(v, path, Expected::Condition);
        return None;
    }
    let mut parts = Vec::new();
    let mut ok = true;
    for (key, value) in map.iter() {
        let key = key.name.as_ref();
        let p = t.path(key);
        let part = match key {
            "age_at_least" => uint(r, value, &p, 0, 150).map(Condition::AgeAtLeast),
            "age_below" => uint(r, value, &p, 1, 151).map(Condition::AgeBelow),
            "care_level_at_least" => code(r, value, &p, CareLevel::ALL, CareLevel::code).map(Condition::CareAtLeast),
            "disability_grade_in" => array(r, value, &p).and_then(|items| {
                let grades: Option<Vec<u8>> = items
                    .iter()
                    .enumerate()
                    .map(|(i, g)| integer(r, g, &format!("{p}[{i}]"), 1, 4).and_then(|n| u8::try_from(n).ok()))
                    .collect();
                grades.map(Condition::DisabilityGradeIn)
            }),
            "hardship_in" => codes(r, value, &p, &Hardship::ALL[1..], Hardship::code).map(Condition::HardshipIn),
            "group_any" => codes(r, value, &p, Group::ALL, Group::code).map(Condition::GroupAny),
            "flag" => string(r, value, &p).and_then(|f| {
                if ids.categories.contains(&f) {
                    Some(Condition::Flag(f))
                } else {
                    r.error(&value.span, &p, ErrorKind::UnknownRef { what: Thing::Category, id: f });
                    None
                }
            }),
            "hukou" => code(r, value, &p, Hukou::ALL, Hukou::code).map(Condition::Hukou),
            "in_care_home" => boolean(r, value, &p).map(Condition::InCareHome),
            "income_at_most_dibao_percent" => uint(r, value, &p, 1, 1000).map(Condition::IncomeAtMostDibaoPercent),
            "all" | "any" => array(r, value, &p).and_then(|items| {
                let inner: Option<Vec<Condition>> =
                    items.iter().enumerate().map(|(i, c)| condition(r, c, &format!("{p}[{i}]"), ids)).collect();
                inner.map(|list| if key == "all" { Condition::All(list) } else { Condition::Any(list) })
            }),
            "not" => condition(r, value, &p, ids).map(|c| Condition::Not(Box::new(c))),
            _ => None, // reported by check_keys
        };
        match part {
            Some(c) => parts.push(c),
            None => ok = false,
        }
    }
    if !ok {
        return None;
    }
    Some(if parts.len() == 1 { parts.remove(0) } else { Condition::All(parts) })
}

fn per_meal<T: Clone>(
    r: &mut Reader<'_>,
    v: &Value<'_>,
    path: &str,
    read: &dyn Fn(&mut Reader<'_>, &Value<'_>, &str) -> Option<T>,
) -> Option<PerMeal<Dated<T>>> {
    let Kind::Table(_) = &v.kind else {
        return dated(r, v, path, read).map(PerMeal::all);
    };
    let t = as_table(r, v, path.to_string())?;
    t.check_keys(r, &["breakfast", "lunch", "dinner"]);
    let mut get = |key: &str| t.get(key).and_then(|v| dated(r, v, &t.path(key), read));
    let out = PerMeal { breakfast: get("breakfast"), lunch: get("lunch"), dinner: get("dinner") };
    Some(out)
}

fn read_versions(r: &mut Reader<'_>, v: &Value<'_>, ids: &Ids) -> Vec<Version> {
    let mut out: Vec<(Version, Range<usize>, String)> = Vec::new();
    let mut seen = BTreeSet::new();
    for t in tables(r, v, "version") {
        if let Some(version) = read_version(r, &t, ids) {
            if unique(r, &mut seen, &version.id, &t, Thing::Version) {
                out.push((version, t.span.clone(), t.path.clone()));
            }
        }
    }
    if out.is_empty() && tables_len(v) == 0 {
        r.error(&v.span, "version", ErrorKind::Empty { key: "version" });
    }
    // In order, and never two in force on one day.
    for pair in out.windows(2) {
        let (a, _, _) = &pair[0];
        let (b, span, path) = &pair[1];
        let Some(b_from) = b.from else {
            // Only the first version may start on an unknown day.
            r.error(span, &format!("{path}.from"), ErrorKind::UnknownStartNotFirst { id: b.id.clone() });
            continue;
        };
        match a.from {
            Some(a_from) if b_from <= a_from => {
                r.error(span, &format!("{path}.from"), ErrorKind::DatesOutOfOrder { first: a_from, then: b_from });
            }
            // An unknown start with no end gives way to the next version: no overlap.
            None if a.until.is_none() => {}
            _ if a.until.is_none_or(|u| b_from <= u) => {
                r.error(span, path, ErrorKind::VersionsOverlap { a: a.id.clone(), b: b.id.clone() });
            }
            _ => {}
        }
    }
    out.into_iter().map(|(v, _, _)| v).collect()
}

fn read_version(r: &mut Reader<'_>, t: &Table<'_, '_>, ids: &Ids) -> Option<Version> {
    t.check_keys(
        r,
        &[
            "id",
            "label",
            "from",
            "from_clause",
            "until",
            "dates_note",
            "meals",
            "meals_clause",
            "workdays_only",
            "workdays_clause",
            "reference_price",
            "reference_price_clause",
            "eligibility",
            "eligibility_clause",
            "caps",
            "dibao",
            "income",
            "notes",
            "component",
            "delivery",
            "delivery_fee",
            "operator",
        ],
    );
    let id = ident(r, t, "id");
    let label = required(r, t, "label").and_then(|v| text(r, v, &t.path("label")));
    // A date, or "unknown" when the source does not state it (`None`).
    let from = required(r, t, "from").and_then(|v| match &v.kind {
        Kind::String(s) if s.as_ref() == UNKNOWN_START => Some(None),
        Kind::String(s) if s.parse::<crate::core::date::Date>().is_ok() => date(r, v, &t.path("from")).map(Some),
        Kind::Datetime(_) => date(r, v, &t.path("from")).map(Some),
        _ => {
            r.bad(v, &t.path("from"), Expected::DateOrUnknown);
            None
        }
    });
    let from_clause = clause_ref(r, t, "from_clause", ids, false);
    let until = t.get("until").and_then(|v| date(r, v, &t.path("until")));
    if let (Some(Some(f)), Some(u), Some(v)) = (from, until, t.get("until")) {
        if u < f {
            r.error(&v.span, &t.path("until"), ErrorKind::DatesOutOfOrder { first: f, then: u });
        }
    }
    let dates_note = t.get("dates_note").and_then(|v| text(r, v, &t.path("dates_note")));
    let meals_list = match t.get("meals") {
        Some(v) => codes(r, v, &t.path("meals"), MealKind::ALL, MealKind::code),
        None => Some(MealKind::ALL.to_vec()),
    };
    if let (Some(list), Some(v)) = (&meals_list, t.get("meals")) {
        if list.is_empty() {
            r.error(&v.span, &t.path("meals"), ErrorKind::Empty { key: "meals" });
        }
    }
    let meals_clause = clause_ref(r, t, "meals_clause", ids, t.get("meals").is_some());
    let workdays = t.get("workdays_only").and_then(|v| boolean(r, v, &t.path("workdays_only"))).unwrap_or(false);
    let workdays_clause = clause_ref(r, t, "workdays_clause", ids, workdays);
    let reference_price = t.get("reference_price").and_then(|v| dated(r, v, &t.path("reference_price"), &money));
    let reference_price_clause = clause_ref(r, t, "reference_price_clause", ids, t.get("reference_price").is_some());
    let eligibility = t.get("eligibility").and_then(|v| condition(r, v, &t.path("eligibility"), ids));
    let eligibility_clause = clause_ref(r, t, "eligibility_clause", ids, t.get("eligibility").is_some());
    let caps = t.get("caps").and_then(|v| read_caps(r, v, &t.path("caps"), ids)).unwrap_or_default();
    let dibao = t.get("dibao").and_then(|v| read_dibao(r, v, &t.path("dibao"), ids));
    let income = t.get("income").map(|v| read_income(r, v, &t.path("income"), ids)).unwrap_or_default();
    let notes = t.get("notes").map(|v| texts(r, v, &t.path("notes"))).unwrap_or_default();

    let components = match t.get("component") {
        Some(v) => read_components(r, v, &t.path("component"), ids),
        None => Vec::new(),
    };
    let delivery = match t.get("delivery") {
        Some(v) => read_deliveries(r, v, &t.path("delivery"), ids),
        None => Vec::new(),
    };
    let operator = match t.get("operator") {
        Some(v) => read_operators(r, v, &t.path("operator"), ids),
        None => Vec::new(),
    };
    let delivery_fee = t.get("delivery_fee").and_then(|v| read_delivery_fee(r, v, &t.path("delivery_fee"), ids));
    if t.get("component").is_none() && t.get("delivery").is_none() {
        t.missing(r, "component");
    }

    Some(Version {
        id: id?,
        label: label?,
        from: from?,
        from_clause,
        until,
        dates_note,
        meals: (meals_list?, meals_clause),
        workdays_only: if workdays { Some(workdays_clause?) } else { None },
        reference_price: match reference_price {
            Some(p) => Some((p, reference_price_clause?)),
            None => None,
        },
        eligibility: match eligibility {
            Some(when) => Some(Eligibility { when, clause: eligibility_clause? }),
            None => None,
        },
        components,
        caps,
        delivery,
        delivery_fee,
        operator,
        dibao,
        income,
        notes,
    })
}

/// `delivery_fee = { amount = 2, clause = "…", free_when = { … }, free_clause = "…" }`.
fn read_delivery_fee(r: &mut Reader<'_>, v: &Value<'_>, path: &str, ids: &Ids) -> Option<DeliveryFee> {
    let t = as_table(r, v, path.to_string())?;
    t.check_keys(r, &["amount", "clause", "free_when", "free_clause"]);
    let amount = required(r, &t, "amount").and_then(|v| dated(r, v, &t.path("amount"), &money));
    let clause = clause_ref(r, &t, "clause", ids, true);
    let free_when = t.get("free_when").and_then(|v| condition(r, v, &t.path("free_when"), ids));
    let free_clause = clause_ref(r, &t, "free_clause", ids, t.get("free_when").is_some());
    if t.get("free_when").is_none() && t.get("free_clause").is_some() {
        r.error(&t.span, &t.path("free_clause"), ErrorKind::OnlyWith { key: "free_clause", needs: "free_when" });
    }
    let free = match (t.get("free_when"), free_when, free_clause) {
        (None, _, _) => None,
        (Some(_), Some(when), Some(clause)) => Some(FreeDelivery { when, clause }),
        // Reported above: a bad condition or a missing clause.
        (Some(_), _, _) => return None,
    };
    Some(DeliveryFee { amount: amount?, clause: clause?, free })
}

fn read_caps(r: &mut Reader<'_>, v: &Value<'_>, path: &str, ids: &Ids) -> Option<Caps> {
    let t = as_table(r, v, path.to_string())?;
    t.check_keys(
        r,
        &[
            "per_day",
            "per_week",
            "per_month",
            "money_per_week",
            "money_per_month",
            "clause",
            "per_day_clause",
            "per_week_clause",
            "per_month_clause",
            "money_per_week_clause",
            "money_per_month_clause",
        ],
    );
    let general = clause_ref(r, &t, "clause", ids, false);
    let count = |r: &mut Reader<'_>, v: &Value<'_>, p: &str| uint(r, v, p, 1, 100);
    let mut ok = true;
    // Each cap's own clause, else the general one; a cap with neither is an error.
    fn read<T>(
        r: &mut Reader<'_>,
        t: &Table<'_, '_>,
        ids: &Ids,
        general: Option<ClauseRef>,
        ok: &mut bool,
        (key, clause_key): (&'static str, &'static str),
        value: &dyn Fn(&mut Reader<'_>, &Value<'_>, &str) -> Option<T>,
    ) -> Option<(Dated<T>, ClauseRef)> {
        let v = t.get(key)?;
        let value = dated(r, v, &t.path(key), value);
        let clause = clause_ref(r, t, clause_key, ids, false).or(general);
        if clause.is_none() {
            *ok = false;
            r.error(&t.span, &t.path, ErrorKind::NoClause { key: clause_key });
        }
        if value.is_none() {
            *ok = false;
        }
        Some((value?, clause?))
    }
    let caps = Caps {
        per_day: read(r, &t, ids, general, &mut ok, ("per_day", "per_day_clause"), &count),
        per_week: read(r, &t, ids, general, &mut ok, ("per_week", "per_week_clause"), &count),
        per_month: read(r, &t, ids, general, &mut ok, ("per_month", "per_month_clause"), &count),
        money_per_week: read(r, &t, ids, general, &mut ok, ("money_per_week", "money_per_week_clause"), &money),
        money_per_month: read(r, &t, ids, general, &mut ok, ("money_per_month", "money_per_month_clause"), &money),
    };
    ok.then_some(caps)
}

type DibaoEntry = (Option<Dated<Fen>>, Option<Dated<Fen>>, ClauseRef);

fn read_dibao(r: &mut Reader<'_>, v: &Value<'_>, path: &str, ids: &Ids) -> Option<DibaoEntry> {
    let t = as_table(r, v, path.to_string())?;
    t.check_keys(r, &["urban", "rural", "clause"]);
    let urban = t.get("urban").and_then(|v| dated(r, v, &t.path("urban"), &money));
    let rural = t.get("rural").and_then(|v| dated(r, v, &t.path("rural"), &money));
    let clause = clause_ref(r, &t, "clause", ids, true)?;
    Some((urban, rural, clause))
}

/// `[[version.income]]`: the hardship categories a version defines by income, each with exactly
/// one of `at_most_dibao_percent` ("不超过") and `below_dibao_percent` ("低于"), and its clause;
/// one entry per category.
fn read_income(r: &mut Reader<'_>, v: &Value<'_>, path: &str, ids: &Ids) -> Vec<IncomeDefinition> {
    const DEFINED_BY_INCOME: [Hardship; 3] = [Hardship::Dibao, Hardship::DibaoEdge, Hardship::LowIncome];
    let mut out: Vec<IncomeDefinition> = Vec::new();
    for t in tables(r, v, path) {
        t.check_keys(r, &["hardship", "at_most_dibao_percent", "below_dibao_percent", "clause"]);
        let hardship = required(r, &t, "hardship").and_then(|v| code(r, v, &t.path("hardship"), &DEFINED_BY_INCOME, Hardship::code));
        let limit = match (t.get("at_most_dibao_percent"), t.get("below_dibao_percent")) {
            (Some(v), None) => uint(r, v, &t.path("at_most_dibao_percent"), 1, 1000).map(|p| (p, false)),
            (None, Some(v)) => uint(r, v, &t.path("below_dibao_percent"), 1, 1000).map(|p| (p, true)),
            _ => {
                r.error(&t.span, &t.path, ErrorKind::ExactlyOne { keys: vec!["at_most_dibao_percent", "below_dibao_percent"] });
                None
            }
        };
        let clause = clause_ref(r, &t, "clause", ids, true);
        if let (Some(h), Some(v)) = (hardship, t.get("hardship")) {
            if out.iter().any(|d| d.hardship == h) {
                r.error(&v.span, &t.path("hardship"), ErrorKind::Duplicate { what: Thing::Category, id: h.code().into() });
                continue;
            }
        }
        if let (Some(hardship), Some((percent, below)), Some(clause)) = (hardship, limit, clause) {
            out.push(IncomeDefinition { hardship, percent, below, clause });
        }
    }
    out
}

fn read_components(r: &mut Reader<'_>, v: &Value<'_>, path: &str, ids: &Ids) -> Vec<Component> {
    let mut out = Vec::new();
    let mut seen = BTreeSet::new();
    for t in tables(r, v, path) {
        t.check_keys(r, &["id", "name", "level", "level_clause", "select", "spend_above", "spend_at_least", "spend_clause", "tier"]);
        let id = ident(r, &t, "id");
        let name = required(r, &t, "name").and_then(|v| text(r, v, &t.path("name")));
        let level = t.get("level").and_then(|v| {
            code(r, v, &t.path("level"), &[FundingLevel::City, FundingLevel::District, FundingLevel::Town], FundingLevel::code)
        });
        // Optional: older files give the level without the clause that says where it is lost.
        let level_clause = clause_ref(r, &t, "level_clause", ids, false);
        let select = t
            .get("select")
            .and_then(|v| {
                code(r, v, &t.path("select"), &[Select::Best, Select::First], |s| match s {
                    Select::Best => "best",
                    Select::First => "first",
                })
            })
            .unwrap_or(Select::Best);
        let above = t.get("spend_above").and_then(|v| money(r, v, &t.path("spend_above")));
        let at_least = t.get("spend_at_least").and_then(|v| money(r, v, &t.path("spend_at_least")));
        let rule = match (above, at_least) {
            (Some(a), None) => Some(SpendRule::Above(a)),
            (None, Some(a)) => Some(SpendRule::AtLeast(a)),
            (None, None) => None,
            (Some(_), Some(_)) => {
                r.error(&t.span, &t.path, ErrorKind::ExactlyOne { keys: vec!["spend_above", "spend_at_least"] });
                None
            }
        };
        let spend_clause = clause_ref(r, &t, "spend_clause", ids, rule.is_some());
        let tiers = match t.get("tier") {
            Some(v) => read_tiers(r, v, &t.path("tier"), ids),
            None => {
                t.missing(r, "tier");
                Vec::new()
            }
        };
        check_overlaps(r, &t, &tiers);
        if let (Some(id), Some(name)) = (id, name) {
            if unique(r, &mut seen, &id, &t, Thing::Component) {
                let spend_rule = match (rule, spend_clause) {
                    (Some(rule), Some(c)) => Some((rule, c)),
                    _ => None,
                };
                out.push(Component { id, name, level, level_clause, select, spend_rule, tiers });
            }
        }
    }
    out
}

/// Two tiers with equal non-age conditions whose age bands intersect: someone would match both.
fn check_overlaps(r: &mut Reader<'_>, t: &Table<'_, '_>, tiers: &[Tier]) {
    for (i, a) in tiers.iter().enumerate() {
        for b in &tiers[i + 1..] {
            let (Some((alo, ahi)), Some((blo, bhi))) = (a.when.age_band(), b.when.age_band()) else {
                continue;
            };
            if a.when.without_age() != b.when.without_age() || !a.when.mentions_age() || !b.when.mentions_age() {
                continue;
            }
            let (lo, hi) = (alo.max(blo), ahi.min(bhi));
            if lo < hi {
                r.error(
                    &t.span,
                    &t.path("tier"),
                    ErrorKind::TiersOverlap { a: a.id.clone(), b: b.id.clone(), from_age: lo, to_age: (hi != u32::MAX).then(|| hi - 1) },
                );
            }
        }
    }
}

fn read_tiers(r: &mut Reader<'_>, v: &Value<'_>, path: &str, ids: &Ids) -> Vec<Tier> {
    let mut out = Vec::new();
    let mut seen = BTreeSet::new();
    for t in tables(r, v, path) {
        t.check_keys(r, &["id", "name", "when", "subsidy", "pay", "percent", "percent_at_most", "clause"]);
        let id = ident(r, &t, "id");
        let name = required(r, &t, "name").and_then(|v| text(r, v, &t.path("name")));
        let when = match t.get("when") {
            Some(v) => condition(r, v, &t.path("when"), ids),
            None => Some(Condition::All(Vec::new())),
        };
        let given: Vec<&str> = ["subsidy", "pay", "percent"].into_iter().filter(|k| t.get(k).is_some()).collect();
        let benefit = match given.as_slice() {
            ["subsidy"] => t.get("subsidy").and_then(|v| per_meal(r, v, &t.path("subsidy"), &money)).map(Benefit::Subsidy),
            ["pay"] => t.get("pay").and_then(|v| per_meal(r, v, &t.path("pay"), &money)).map(Benefit::Pay),
            ["percent"] => {
                let pct = |r: &mut Reader<'_>, v: &Value<'_>, p: &str| uint(r, v, p, 0, 100);
                let percent = t.get("percent").and_then(|v| per_meal(r, v, &t.path("percent"), &pct));
                let at_most = match t.get("percent_at_most") {
                    Some(v) => Some(per_meal(r, v, &t.path("percent_at_most"), &money)),
                    None => None,
                };
                match (percent, at_most) {
                    (Some(percent), None) => Some(Benefit::Percent { percent, at_most: None }),
                    (Some(percent), Some(Some(at_most))) => Some(Benefit::Percent { percent, at_most: Some(at_most) }),
                    _ => None,
                }
            }
            _ => {
                r.error(&t.span, &t.path, ErrorKind::ExactlyOne { keys: vec!["subsidy", "pay", "percent"] });
                None
            }
        };
        if t.get("percent_at_most").is_some() && t.get("percent").is_none() {
            r.error(&t.span, &t.path("percent_at_most"), ErrorKind::OnlyWith { key: "percent_at_most", needs: "percent" });
        }
        let clause = clause_ref(r, &t, "clause", ids, true);
        if let (Some(id), Some(name), Some(when), Some(benefit), Some(clause)) = (id, name, when, benefit, clause) {
            if unique(r, &mut seen, &id, &t, Thing::Tier) {
                out.push(Tier { id, name, when, benefit, clause });
            }
        }
    }
    out
}

fn read_deliveries(r: &mut Reader<'_>, v: &Value<'_>, path: &str, ids: &Ids) -> Vec<Delivery> {
    let mut out = Vec::new();
    let mut seen = BTreeSet::new();
    for t in tables(r, v, path) {
        t.check_keys(r, &["id", "name", "when", "amount", "paid_to", "clause"]);
        let id = ident(r, &t, "id");
        let name = required(r, &t, "name").and_then(|v| text(r, v, &t.path("name")));
        let when = match t.get("when") {
            Some(v) => condition(r, v, &t.path("when"), ids),
            None => Some(Condition::All(Vec::new())),
        };
        let amount = required(r, &t, "amount").and_then(|v| dated(r, v, &t.path("amount"), &money));
        // Optional: a source may not say who receives it (`None`), and the app says so.
        let paid_to = match t.get("paid_to") {
            Some(v) => code(r, v, &t.path("paid_to"), &[PaidTo::Provider, PaidTo::Person], PaidTo::code).map(Some),
            None => Some(None),
        };
        let clause = clause_ref(r, &t, "clause", ids, true);
        if let (Some(id), Some(name), Some(when), Some(amount), Some(paid_to), Some(clause)) = (id, name, when, amount, paid_to, clause) {
            if unique(r, &mut seen, &id, &t, Thing::Delivery) {
                out.push(Delivery { id, name, when, amount, paid_to, clause });
            }
        }
    }
    out
}

fn read_operators(r: &mut Reader<'_>, v: &Value<'_>, path: &str, ids: &Ids) -> Vec<OperatorSubsidy> {
    let mut out = Vec::new();
    let mut seen = BTreeSet::new();
    for t in tables(r, v, path) {
        t.check_keys(r, &["id", "name", "amount", "per", "subsidised_diners_only", "clause"]);
        let id = ident(r, &t, "id");
        let name = required(r, &t, "name").and_then(|v| text(r, v, &t.path("name")));
        let amount = required(r, &t, "amount").and_then(|v| dated(r, v, &t.path("amount"), &money));
        let per = required(r, &t, "per").and_then(|v| {
            code(r, v, &t.path("per"), &[OperatorPer::Meal, OperatorPer::PersonDay], |p| match p {
                OperatorPer::Meal => "meal",
                OperatorPer::PersonDay => "person_day",
            })
        });
        let only = t.get("subsidised_diners_only").and_then(|v| boolean(r, v, &t.path("subsidised_diners_only"))).unwrap_or(true);
        let clause = clause_ref(r, &t, "clause", ids, true);
        if let (Some(id), Some(name), Some(amount), Some(per), Some(clause)) = (id, name, amount, per, clause) {
            if unique(r, &mut seen, &id, &t, Thing::Operator) {
                out.push(OperatorSubsidy { id, name, amount, per, subsidised_diners_only: only, clause });
            }
        }
    }
    out
}

fn read_cases(r: &mut Reader<'_>, v: &Value<'_>, ids: &Ids) -> Vec<Case> {
    let mut out = Vec::new();
    for t in tables(r, v, "case") {
        t.check_keys(r, &["name", "person", "meal", "expect", "why"]);
        let name = required(r, &t, "name").and_then(|v| string(r, v, &t.path("name")));
        let person = required(r, &t, "person").and_then(|v| read_person(r, v, &t.path("person"), ids));
        let meal = required(r, &t, "meal").and_then(|v| read_meal(r, v, &t.path("meal")));
        let expect = required(r, &t, "expect").and_then(|v| read_expect(r, v, &t.path("expect")));
        let why = t.get("why").and_then(|v| string(r, v, &t.path("why")));
        let line = r.position(t.span.start).0;
        if let (Some(name), Some(person), Some(meal), Some(expect)) = (name, person, meal, expect) {
            out.push(Case { name, person, meal, expect, why, line });
        }
    }
    out
}

fn read_person(r: &mut Reader<'_>, v: &Value<'_>, path: &str, ids: &Ids) -> Option<Person> {
    let t = as_table(r, v, path.to_string())?;
    t.check_keys(r, &PERSON_KEYS);
    let age = match (t.get("birth_date"), t.get("age")) {
        (Some(v), None) => date(r, v, &t.path("birth_date")).map(AgeInput::BirthDate),
        (None, Some(v)) => uint(r, v, &t.path("age"), 0, 150).map(AgeInput::Years),
        _ => {
            r.error(&t.span, &t.path, ErrorKind::ExactlyOne { keys: vec!["birth_date", "age"] });
            None
        }
    };
    let mut p = Person::aged(0);
    if let Some(v) = t.get("care_level") {
        p.care_level = code(r, v, &t.path("care_level"), CareLevel::ALL, CareLevel::code)?;
    }
    if let Some(v) = t.get("disability_grade") {
        p.disability_grade = u8::try_from(integer(r, v, &t.path("disability_grade"), 0, 4)?).ok()?;
    }
    if let Some(v) = t.get("hardship") {
        p.hardship = code(r, v, &t.path("hardship"), Hardship::ALL, Hardship::code)?;
    }
    if let Some(v) = t.get("groups") {
        p.groups = set(codes(r, v, &t.path("groups"), Group::ALL, Group::code)?);
    }
    if let Some(v) = t.get("flags") {
        let items = array(r, v, &t.path("flags"))?;
        for (i, item) in items.iter().enumerate() {
            let p_i = format!("{}[{i}]", t.path("flags"));
            let flag = string(r, item, &p_i)?;
            if !ids.categories.contains(&flag) {
                r.error(&item.span, &p_i, ErrorKind::UnknownRef { what: Thing::Category, id: flag.clone() });
            }
            p.flags.insert(flag);
        }
    }
    if let Some(v) = t.get("hukou") {
        p.hukou = code(r, v, &t.path("hukou"), Hukou::ALL, Hukou::code)?;
    }
    if let Some(v) = t.get("in_care_home") {
        p.in_care_home = boolean(r, v, &t.path("in_care_home"))?;
    }
    if let Some(v) = t.get("area") {
        p.area = Some(code(r, v, &t.path("area"), Area::ALL, Area::code)?);
    }
    // `income` in yuan or `income_fen` in fen (not both), as in PERSON.json.
    let yuan = match t.get("income") {
        Some(v) => Some(money(r, v, &t.path("income"))?),
        None => None,
    };
    let fen = match t.get("income_fen") {
        Some(v) => Some(integer(r, v, &t.path("income_fen"), 0, MAX_FEN)?),
        None => None,
    };
    match income_per_month(yuan, fen) {
        Ok(income) => p.income_per_month = income,
        // `money` and the range above refuse negative amounts, so only `Both` is left.
        Err(IncomeProblem::Both | IncomeProblem::Negative(_)) => {
            r.error(&t.span, &t.path, ErrorKind::ExactlyOne { keys: vec!["income", "income_fen"] });
            return None;
        }
    }
    p.age = age?;
    Some(p)
}

fn read_meal(r: &mut Reader<'_>, v: &Value<'_>, path: &str) -> Option<Meal> {
    let t = as_table(r, v, path.to_string())?;
    t.check_keys(r, &["date", "meal", "price", "delivery", "place"]);
    let date = required(r, &t, "date").and_then(|v| date(r, v, &t.path("date")));
    let kind = match t.get("meal") {
        Some(v) => code(r, v, &t.path("meal"), MealKind::ALL, MealKind::code),
        None => Some(MealKind::Lunch),
    };
    let price = match t.get("price") {
        Some(v) => Some(money(r, v, &t.path("price"))?),
        None => None,
    };
    let delivery = match t.get("delivery") {
        Some(v) => boolean(r, v, &t.path("delivery")),
        None => Some(false),
    };
    let place = match t.get("place") {
        Some(v) => code(r, v, &t.path("place"), Place::ALL, Place::code),
        None => Some(Place::SameTown),
    };
    Some(Meal { date: date?, kind: kind?, price, delivery: delivery?, place: place? })
}

fn read_expect(r: &mut Reader<'_>, v: &Value<'_>, path: &str) -> Option<Expect> {
    let t = as_table(r, v, path.to_string())?;
    t.check_keys(r, &["eligible", "subsidy", "pay", "delivery", "delivery_fee", "tier", "version"]);
    let mut e = Expect::default();
    let mut ok = true;
    if let Some(v) = t.get("eligible") {
        e.eligible = boolean(r, v, &t.path("eligible"));
        ok &= e.eligible.is_some();
    }
    for (key, slot) in
        [("subsidy", &mut e.subsidy), ("pay", &mut e.pay), ("delivery", &mut e.delivery), ("delivery_fee", &mut e.delivery_fee)]
    {
        if let Some(v) = t.get(key) {
            *slot = money(r, v, &t.path(key));
            ok &= slot.is_some();
        }
    }
    for (key, slot) in [("tier", &mut e.tier), ("version", &mut e.version)] {
        if let Some(v) = t.get(key) {
            *slot = string(r, v, &t.path(key));
            ok &= slot.is_some();
        }
    }
    if t.map.is_empty() {
        r.error(&t.span, &t.path, ErrorKind::Empty { key: "expect" });
        ok = false;
    }
    ok.then_some(e)
}
