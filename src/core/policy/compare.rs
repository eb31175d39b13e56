//! The comparison across policies ("对比所有城市") in words: for one policy, the same person's
//! figures as labelled rows — the version by its label, the tiers by their names from the policy
//! (never their ids) — and, wherever a figure is zero or cannot be shown, why, in plain words
//! taken from the engine's own explanation (the step that decided it).
//!
//! The calculator's comparison view only lays these rows out.

use super::assess::{Assessment, Computed, HintTarget, Note, StepKind};
use super::calc::Outcome;
use super::compare_words::compare_words;
use super::explain::{date, hint_text, money, note_text, step_text};
use super::form::FormField;
use super::model::Policy;
use super::person::Question;
use crate::core::money::Fen;
use crate::core::Locale;

/// What a row of a policy's comparison entry shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RowKind {
    /// The version in force on the meal's date.
    Version,
    /// The subsidy for this meal.
    Subsidy,
    /// What the person pays.
    Pay,
    /// The tier(s) the person is in, by name.
    Tier,
    /// The most this month.
    Month,
}

/// One labelled figure of a policy's entry.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    /// Which figure.
    pub kind: RowKind,
    /// The figure in words; `None` when there is none (the UI shows its own "none" word, and
    /// `why` says why).
    pub value: Option<String>,
    /// Why the figure is zero or missing (or what it depends on), in plain words; empty when the
    /// figure speaks for itself.
    pub why: Vec<String>,
}

fn span(lo: Fen, hi: Fen, l: Locale) -> String {
    if lo == hi {
        money(lo, l)
    } else {
        (compare_words(l).span)(&money(lo, l), &money(hi, l))
    }
}

/// The name of a "not sure" question, as the form asks it.
pub fn question_name(q: &Question, policy: &Policy, l: Locale) -> String {
    match q {
        Question::CareLevel => FormField::CareLevel.label(l).into(),
        Question::DisabilityGrade => FormField::DisabilityGrade.label(l).into(),
        Question::Hardship => FormField::Hardship.label(l).into(),
        Question::Hukou => FormField::Hukou.label(l).into(),
        Question::Group(g) => super::explain::group_name(*g, l).into(),
        Question::Flag(id) => policy.category(id).map_or_else(|| id.clone(), |c| c.name.get(l).to_string()),
        Question::InCareHome => compare_words(l).in_care_home.into(),
        Question::Income { .. } => FormField::Income.label(l).into(),
        Question::Area => FormField::Area.label(l).into(),
    }
}

/// The version's label, or why no version is in force on the meal's date.
fn version_row(a: &Assessment, policy: &Policy, l: Locale) -> Row {
    let version = a.version.as_ref().and_then(|id| policy.versions.iter().find(|v| &v.id == id));
    match version {
        Some(v) => Row { kind: RowKind::Version, value: Some(v.label.get(l).to_string()), why: Vec::new() },
        None => {
            let w = compare_words(l);
            let mut why = Vec::new();
            for step in &a.steps {
                if let StepKind::NoVersion { starts, ended, .. } = &step.kind {
                    why.push(match (ended, starts) {
                        (Some(e), _) => (w.ended)(&date(*e, l)),
                        (None, Some(s)) => (w.starts)(&date(*s, l)),
                        (None, None) => w.no_dates.into(),
                    });
                }
            }
            why.push(w.ask_office.into());
            Row { kind: RowKind::Version, value: None, why }
        }
    }
}

/// Why this meal's subsidy is zero: the steps that decided it, each in words, and for a part the
/// person is in no tier of, what its first tier needs.
pub fn zero_reasons(a: &Assessment, policy: &Policy, l: Locale) -> Vec<String> {
    let mut why = Vec::new();
    for step in &a.steps {
        match &step.kind {
            StepKind::Eligibility { passed: false, .. }
            | StepKind::MealNotCovered { .. }
            | StepKind::LevelLost { .. }
            | StepKind::BelowSpendThreshold { .. }
            | StepKind::Tier { computed: Computed::NeedsPrice | Computed::NoFigure, .. } => why.push(step_text(step, policy, l)),
            StepKind::WorkingDay { day, .. } if !day.is_workday() => why.push(step_text(step, policy, l)),
            StepKind::NoTier { component } => {
                why.push(step_text(step, policy, l));
                let first = a.hints.iter().find(|h| matches!(&h.target, HintTarget::Tier { component: c, .. } if c == component));
                if let Some(h) = first {
                    why.push(hint_text(h, policy, l));
                }
            }
            _ => {}
        }
    }
    if why.is_empty() {
        why.push(compare_words(l).no_subsidy.into());
    }
    why
}

fn price_unknown(l: Locale) -> String {
    note_text(&Note::PriceUnknown, l)
}

/// The matched tiers by their names, with their part's name when the version has several parts.
fn tier_names(a: &Assessment, policy: &Policy, l: Locale) -> Option<String> {
    let version = a.version.as_ref().and_then(|id| policy.versions.iter().find(|v| &v.id == id))?;
    let several = version.components.len() > 1;
    let w = compare_words(l);
    let names: Vec<String> = a
        .parts
        .iter()
        .filter_map(|p| {
            let c = version.components.get(p.component)?;
            let t = c.tiers.get(p.tier)?;
            Some(if several { (w.part_tier)(c.name.get(l), t.name.get(l)) } else { t.name.get(l).to_string() })
        })
        .collect();
    (!names.is_empty()).then(|| names.join(w.tier_separator))
}

fn single_rows(a: &Assessment, policy: &Policy, l: Locale) -> Vec<Row> {
    let version = version_row(a, policy, l);
    if version.value.is_none() {
        // Nothing else applies on a day without rules; the version row says why.
        return vec![version];
    }
    let mut rows = vec![version];
    let why = if a.subsidy.is_zero() { zero_reasons(a, policy, l) } else { Vec::new() };
    rows.push(Row { kind: RowKind::Subsidy, value: Some(money(a.subsidy, l)), why });
    rows.push(match a.pay {
        Some(p) => Row { kind: RowKind::Pay, value: Some(money(p, l)), why: Vec::new() },
        None => Row { kind: RowKind::Pay, value: None, why: vec![price_unknown(l)] },
    });
    if let Some(names) = tier_names(a, policy, l) {
        rows.push(Row { kind: RowKind::Tier, value: Some(names), why: Vec::new() });
    }
    if !a.limits.max_month.is_zero() {
        rows.push(Row { kind: RowKind::Month, value: Some(money(a.limits.max_month, l)), why: Vec::new() });
    }
    rows
}

/// One policy's entry in the comparison, or `None` when the answers give no figure under any
/// policy (nothing entered yet, or something to correct: the same for every policy).
pub fn compare_rows(policy: &Policy, outcome: &Outcome, l: Locale) -> Option<Vec<Row>> {
    let w = compare_words(l);
    match outcome {
        Outcome::Empty | Outcome::Invalid(_) => None,
        Outcome::Single(a) => Some(single_rows(a, policy, l)),
        Outcome::Range(r) => {
            let version = version_row(&r.max, policy, l);
            if version.value.is_none() {
                return Some(vec![version]);
            }
            let deciding: Vec<String> = r.deciding.iter().map(|q| question_name(q, policy, l)).collect();
            let mut why = Vec::new();
            if !deciding.is_empty() {
                why.push((w.depends_on)(&deciding));
            }
            if r.min.subsidy.is_zero() {
                why.extend(zero_reasons(&r.min, policy, l).iter().map(|reason| (w.at_lowest)(reason)));
            }
            let mut rows = vec![version, Row { kind: RowKind::Subsidy, value: Some(span(r.min.subsidy, r.max.subsidy, l)), why }];
            rows.push(match (r.max.pay, r.min.pay) {
                (Some(lo), Some(hi)) => Row { kind: RowKind::Pay, value: Some(span(lo, hi, l)), why: Vec::new() },
                _ => Row { kind: RowKind::Pay, value: None, why: vec![price_unknown(l)] },
            });
            if !r.max.limits.max_month.is_zero() {
                rows.push(Row {
                    kind: RowKind::Month,
                    value: Some(span(r.min.limits.max_month, r.max.limits.max_month, l)),
                    why: Vec::new(),
                });
            }
            Some(rows)
        }
        Outcome::Blocked { failed, total } => {
            Some(vec![Row { kind: RowKind::Subsidy, value: None, why: vec![(w.blocked)(*failed, *total)] }])
        }
        Outcome::TooManyUnknowns => Some(vec![Row { kind: RowKind::Subsidy, value: None, why: vec![w.too_many_unknowns.into()] }]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::calendar::Calendar;
    use crate::core::policy::calc::calculate;
    use crate::core::policy::form::{FormInput, UNSURE};
    use crate::core::policy::presets::load_preset;

    fn preset(id: &str) -> Policy {
        load_preset(id).and_then(Result::ok).expect("preset")
    }

    fn form(policy: &str, age: &str, date: &str, price: &str) -> FormInput {
        let mut f = FormInput::new(policy, date.parse().expect("date"));
        f.age = age.into();
        f.price = price.into();
        f
    }

    fn rows(id: &str, f: &FormInput, l: Locale) -> Vec<Row> {
        let p = preset(id);
        let outcome = calculate(&p, (0, 0), f, Calendar::builtin());
        compare_rows(&p, &outcome, l).expect("rows")
    }

    fn row(rows: &[Row], kind: RowKind) -> Option<&Row> {
        rows.iter().find(|r| r.kind == kind)
    }

    #[test]
    fn tiers_are_named_from_the_policy_never_by_id() {
        // Guangzhou, 85, registered, 13-yuan lunch on Tuesday 4 March 2025: the city, district and
        // town parts each pay their 80+ tier ("city+district+…" must not show).
        let r = rows("guangzhou-2020", &form("guangzhou-2020", "85", "2025-03-04", "13"), Locale::ZhCn);
        let tiers = row(&r, RowKind::Tier).and_then(|r| r.value.clone()).expect("tier names");
        assert!(tiers.contains("市级补贴："), "{tiers}");
        assert!(!tiers.contains('+') && !tiers.contains("age-"), "{tiers}");
        // Dandong, one component of two matched (80+, no hardship): only the tier's name.
        let d = rows("dandong-2024", &form("dandong-2024", "85", "2025-03-04", "13"), Locale::En);
        assert_eq!(row(&d, RowKind::Tier).and_then(|r| r.value.clone()).as_deref(), Some("Basic meal subsidy: Aged 80 and over"));
    }

    #[test]
    fn a_day_without_a_version_says_when_the_policy_ended() {
        // Dandong's trial scheme: "有效期两年", inferred to end on 17 October 2026.
        let r = rows("dandong-2024", &form("dandong-2024", "85", "2026-11-30", ""), Locale::ZhCn);
        assert_eq!(r.len(), 1, "only the version row: nothing else applies");
        assert_eq!(r[0].value, None);
        assert!(r[0].why[0].contains("已于2026年10月17日到期"), "{:?}", r[0].why);
        let en = rows("dandong-2024", &form("dandong-2024", "85", "2024-09-30", ""), Locale::En);
        assert!(en[0].why[0].contains("starts on 18 October 2024"), "{:?}", en[0].why);
    }

    #[test]
    fn zero_says_why() {
        // Beijing, 85, not a basic elderly-care recipient: "居家养老的基本养老服务对象" only.
        let r = rows("beijing-2022", &form("beijing-2022", "85", "2025-03-04", "13"), Locale::ZhCn);
        let s = row(&r, RowKind::Subsidy).expect("subsidy");
        assert_eq!(s.value.as_deref(), Some("0元"));
        assert!(s.why.iter().any(|w| w.contains("您不符合任何一档")), "{:?}", s.why);
        assert!(s.why.iter().any(|w| w.contains("基本养老服务对象（您：不是）")), "{:?}", s.why);
        assert_eq!(row(&r, RowKind::Tier), None, "no tier row when none matched");
        // Shenzhen pays on working days only: Saturday 8 March 2025 is a weekend day.
        let sat = rows("shenzhen-2025", &form("shenzhen-2025", "85", "2025-03-08", "13"), Locale::En);
        let s = row(&sat, RowKind::Subsidy).expect("subsidy");
        assert_eq!(s.value.as_deref(), Some("¥0"));
        assert!(s.why.iter().any(|w| w.contains("is a weekend day")), "{:?}", s.why);
    }

    #[test]
    fn a_missing_price_says_why() {
        // Dandong has no standard meal price: with no price given, what one pays is unknown.
        let r = rows("dandong-2024", &form("dandong-2024", "85", "2025-03-04", ""), Locale::ZhCn);
        let pay = row(&r, RowKind::Pay).expect("pay");
        assert_eq!(pay.value, None);
        assert!(pay.why[0].contains("未填写餐价"), "{:?}", pay.why);
    }

    #[test]
    fn a_range_names_the_deciding_question() {
        // Shenzhen, registered, 65, 20-yuan lunch, hardship not sure: 0 (no category) to 15.
        let mut f = form("shenzhen-2025", "65", "2025-03-04", "20");
        f.hardship = UNSURE.into();
        let r = rows("shenzhen-2025", &f, Locale::ZhCn);
        let s = row(&r, RowKind::Subsidy).expect("subsidy");
        assert_eq!(s.value.as_deref(), Some("0元 – 15元"));
        assert!(s.why[0].contains("困难类别"), "{:?}", s.why);
    }

    #[test]
    fn nothing_entered_gives_no_entry() {
        let p = preset("tianjin");
        let f = form("tianjin", "", "2025-03-04", "");
        assert_eq!(compare_rows(&p, &calculate(&p, (0, 0), &f, Calendar::builtin()), Locale::ZhCn), None);
    }
}
