//! The explanation in words: steps, checks, hints and notes rendered in Chinese or English, and the
//! names and plain-words explanations of every category (shared by the form and the CLI). The
//! words themselves are in [`super::explain_words`].
//!
//! Terms follow `docs/glossary.md`.

use super::assess::{Advice, Assessment, Change, FeePayer, Hint, HintTarget, Limit, Note, Step, StepKind};
use super::condition::{Check, Condition, Found, Verdict};
use super::explain_words::explain_words;
use super::model::{FundingLevel, Policy, SpendRule, Text};
use super::person::{CareLevel, Group, Hardship, Hukou, MealKind, Place};
use crate::core::date::Date;
use crate::core::money::Fen;
use crate::core::Locale;

/// An amount for people: `3元`, `10.5元` / `¥3`, `¥10.50`.
pub fn money(f: Fen, locale: Locale) -> String {
    (explain_words(locale).money)(f)
}

/// A date for people: `2027年3月4日` / `4 March 2027`.
pub fn date(d: Date, locale: Locale) -> String {
    (explain_words(locale).date)(d)
}

/// A note without its final full stop, for use inside brackets (in English, from a small letter
/// unless it starts with a name or an acronym).
fn trim_stop(s: &str) -> String {
    let s = s.trim_end_matches(['。', '.']);
    let mut chars = s.chars();
    match (chars.next(), chars.next()) {
        (Some(first), Some(second)) if first.is_ascii_uppercase() && second.is_ascii_lowercase() => {
            first.to_ascii_lowercase().to_string() + &s[1..]
        }
        _ => s.to_string(),
    }
}

/// Name of a care level.
pub fn care_name(c: CareLevel, locale: Locale) -> &'static str {
    (explain_words(locale).care_name)(c)
}

/// Name of a hardship category.
pub fn hardship_name(h: Hardship, locale: Locale) -> &'static str {
    (explain_words(locale).hardship_name)(h)
}

/// A plain-words explanation of a hardship category (from the glossary).
pub fn hardship_explain(h: Hardship, locale: Locale) -> &'static str {
    (explain_words(locale).hardship_explain)(h)
}

/// Name of a special group.
pub fn group_name(g: Group, locale: Locale) -> &'static str {
    (explain_words(locale).group_name)(g)
}

/// A plain-words explanation of a special group.
pub fn group_explain(g: Group, locale: Locale) -> &'static str {
    (explain_words(locale).group_explain)(g)
}

/// Name of a hukou value.
pub fn hukou_name(h: Hukou, locale: Locale) -> &'static str {
    (explain_words(locale).hukou_name)(h)
}

/// Name of a meal.
pub fn meal_name(m: MealKind, locale: Locale) -> &'static str {
    (explain_words(locale).meal_name)(m)
}

/// Name of a place.
pub fn place_name(p: Place, locale: Locale) -> &'static str {
    (explain_words(locale).place_name)(p)
}

/// Name of a funding level.
pub fn level_name(l: FundingLevel, locale: Locale) -> &'static str {
    (explain_words(locale).level_name)(l)
}

fn list(items: impl IntoIterator<Item = String>, locale: Locale) -> String {
    let items: Vec<String> = items.into_iter().collect();
    items.join(explain_words(locale).list_sep)
}

fn or_list(items: impl IntoIterator<Item = String>, locale: Locale) -> String {
    let items: Vec<String> = items.into_iter().collect();
    items.join(explain_words(locale).or_sep)
}

/// A test in words, with what the person has: `年满80周岁（您现在79周岁，将于2027年3月4日满80周岁）`.
pub fn check_text(check: &Check, policy: &Policy, locale: Locale) -> String {
    let w = explain_words(locale);
    let requirement = requirement(&check.test, policy, locale);
    let requirement = if check.negated { (w.negated)(&requirement) } else { requirement };
    let found = found_text(&check.test, &check.found, locale);
    if found.is_empty() {
        requirement
    } else {
        (w.with_found)(&requirement, &found)
    }
}

fn requirement(c: &Condition, policy: &Policy, locale: Locale) -> String {
    let w = explain_words(locale);
    match c {
        Condition::AgeAtLeast(n) => (w.age_at_least)(*n),
        Condition::AgeBelow(n) => (w.age_below)(*n),
        Condition::CareAtLeast(level) => (w.care_at_least)((w.care_name)(*level)),
        Condition::DisabilityGradeIn(grades) => (w.disability_grade_in)(&or_list(grades.iter().map(|g| g.to_string()), locale)),
        Condition::HardshipIn(list_) => or_list(list_.iter().map(|h| (w.hardship_name)(*h).to_string()), locale),
        Condition::GroupAny(groups) => (w.group_any)(&or_list(groups.iter().map(|g| (w.group_name)(*g).to_string()), locale)),
        Condition::Flag(f) => policy.category(f).map_or_else(|| f.clone(), |c| c.name.get(locale).to_string()),
        Condition::Hukou(h) => (w.hukou_name)(*h).to_string(),
        Condition::InCareHome(yes) => (w.in_care_home)(*yes).to_string(),
        Condition::IncomeAtMostDibaoPercent(p) => (w.income_at_most)(*p),
        Condition::All(_) | Condition::Any(_) | Condition::Not(_) => String::new(),
    }
}

fn found_text(test: &Condition, found: &Found, locale: Locale) -> String {
    let w = explain_words(locale);
    match found {
        Found::Age { age: Some(age), reaches_on: Some(on) } => {
            let target = match test {
                Condition::AgeAtLeast(n) => *n,
                _ => *age,
            };
            (w.found_age_reaches)(*age, target, &(w.date)(*on))
        }
        Found::Age { age: Some(age), reaches_on: None } => (w.found_age)(*age),
        Found::Age { age: None, .. } => w.found_born_after.into(),
        Found::Care(c) => (w.found_you)((w.care_name)(*c)),
        Found::Disability(0) => (w.found_you)(w.no_certificate),
        Found::Disability(g) => (w.found_you)(&(w.grade)(*g)),
        Found::Hardship(h) => (w.found_you)((w.hardship_name)(*h)),
        Found::TekunCounted { in_care_home } => (w.found_you)((w.found_tekun_counted)(*in_care_home)),
        Found::Groups(gs) if gs.is_empty() => (w.found_you)(w.found_no_groups),
        Found::Groups(gs) => (w.found_you)(&list(gs.iter().map(|g| (w.group_name)(*g).to_string()), locale)),
        Found::Flag(yes) => (w.found_you)((w.found_flag)(*yes)),
        Found::Hukou(h) => (w.found_you)((w.hukou_name)(*h)),
        Found::InCareHome(yes) => (w.found_you)((w.found_in_care_home)(*yes)),
        Found::Income { income, limit, area } => {
            let mut parts = Vec::new();
            match (area, limit) {
                (None, _) => parts.push(w.found_no_area.to_string()),
                (Some(a), Some(l)) => parts.push((w.found_limit)((w.area_name)(*a), &(w.money)(*l))),
                (Some(_), None) => parts.push(w.found_no_standard.into()),
            }
            parts.push(match income {
                Some(i) => (w.found_income)(&(w.money)(*i)),
                None => w.found_no_income.into(),
            });
            parts.join(w.found_sep)
        }
    }
}

/// One step in words.
pub fn step_text(step: &Step, policy: &Policy, locale: Locale) -> String {
    let w = explain_words(locale);
    let m = w.money;
    let ds = w.date;
    match &step.kind {
        // A start the source does not state: said so, with the dates the version is used for.
        StepKind::Version { label, from: None, until, gives_way, dates_note, .. } => {
            let note = dates_note.as_ref().map(|n| trim_stop(n.get(locale)));
            (w.version_unknown_start)(label.get(locale), until.map(ds).as_deref(), gives_way.map(ds).as_deref(), note.as_deref())
        }
        StepKind::Version { label, from: Some(from), until, dates_note: None, .. } => {
            (w.version)(label.get(locale), &ds(*from), until.map(ds).as_deref())
        }
        // Dates that are inferred or not certain: one statement that says so, never "起施行".
        StepKind::Version { label, from: Some(from), until, dates_note: Some(note), .. } => {
            (w.version_roughly)(label.get(locale), &ds(*from), until.map(ds).as_deref(), &trim_stop(note.get(locale)))
        }
        StepKind::NoVersion { date: d, starts, ended } => match (ended, starts) {
            (Some(e), _) => (w.no_version_ended)(&ds(*d), &ds(*e)),
            (None, Some(st)) => (w.no_version_starts)(&ds(*d), &ds(*st)),
            (None, None) => (w.no_version)(&ds(*d)),
        },
        StepKind::Price { price, reference: true } => (w.price_reference)(&m(*price)),
        StepKind::Price { price, reference: false } => (w.price)(&m(*price)),
        StepKind::MealNotCovered { meal, covered } => {
            let c = list(covered.iter().map(|k| (w.meal_name)(*k).to_string()), locale);
            (w.meal_not_covered)(&c, (w.meal_name)(*meal))
        }
        StepKind::WorkingDay { date: d, day } => (w.working_day)(&ds(*d), &day.kind),
        StepKind::Eligibility { passed, checks } => {
            let shown: Vec<String> = checks.iter().filter(|c| c.passed == *passed).map(|c| check_text(c, policy, locale)).collect();
            (w.eligibility)(*passed, &list(shown, locale))
        }
        StepKind::Tier { component, tier, computed, checks, .. } => {
            let text = (w.tier)(component.get(locale), tier.get(locale), computed);
            // Plain 特困 counted as a support type by where the person lives: said in the step.
            match checks.iter().find_map(|c| match c.found {
                Found::TekunCounted { in_care_home } if c.passed => Some(in_care_home),
                _ => None,
            }) {
                Some(in_care_home) => (w.tier_counted)(&text, (w.found_tekun_counted)(in_care_home)),
                None => text,
            }
        }
        StepKind::NoTier { component } => (w.no_tier)(component.get(locale)),
        StepKind::LevelLost { component, level, place, lost } => {
            (w.level_lost)(component.get(locale), (w.level_name)(*level), (w.place_name)(*place), &m(*lost))
        }
        StepKind::BelowSpendThreshold { component, rule, price } => {
            let (t, above) = spend_threshold(rule);
            (w.below_spend)(component.get(locale), &m(t), &m(*price), above)
        }
        StepKind::SpendRuleAssumed { component, rule } => {
            let (t, above) = spend_threshold(rule);
            (w.spend_assumed)(component.get(locale), &m(t), above)
        }
        StepKind::CappedAtPrice { before, price } => (w.capped_at_price)(&m(*before), &m(*price)),
        StepKind::CappedByMoney { before, cap, limit } => (w.capped_by_money)(&m(*before), &m(*cap), *limit == Limit::MoneyPerWeek),
        StepKind::Total { subsidy, pay } => (w.total)(&m(*subsidy), pay.map(m).as_deref()),
        StepKind::Delivery { name, amount, paid_to } => {
            (w.delivery)(name.get(locale), &m(*amount), paid_to.map_or(w.paid_to_unknown, w.paid_to))
        }
        StepKind::NoDelivery => w.no_delivery.into(),
        StepKind::DeliveryFee { fee, payer, person_pays, checks } => match payer {
            FeePayer::Person => (w.fee_person)(&m(*fee)),
            FeePayer::Free => {
                let tests: Vec<String> = checks.iter().map(|c| check_text(c, policy, locale)).collect();
                (w.fee_free)(&m(*fee), &list(tests, locale))
            }
            FeePayer::Subsidised { covered } => {
                let rest = (!person_pays.is_zero()).then(|| m(*person_pays));
                (w.fee_subsidised)(&m(*fee), &m(*covered), rest.as_deref())
            }
        },
        StepKind::PayWithDelivery { meal, fee, pay } => (w.pay_with_delivery)(&m(*meal), &m(*fee), &m(*pay)),
        StepKind::Operator { name, amount, per } => (w.operator)(name.get(locale), &m(*amount), (w.operator_per)(*per)),
    }
}

/// A spending rule's threshold, and whether the meal must cost more than it (rather than at least).
fn spend_threshold(rule: &SpendRule) -> (Fen, bool) {
    match rule {
        SpendRule::Above(t) => (*t, true),
        SpendRule::AtLeast(t) => (*t, false),
    }
}

/// What is missing, in words: `all` items joined with "and", `any` items as "one of".
pub fn missing_text(v: &Verdict, policy: &Policy, locale: Locale) -> String {
    let w = explain_words(locale);
    match v {
        Verdict::Leaf(check) => check_text(check, policy, locale),
        Verdict::All(items) => {
            let parts: Vec<String> = items.iter().map(|i| nested(i, policy, locale)).collect();
            parts.join(w.all_sep)
        }
        Verdict::Any(items) => {
            let parts: Vec<String> = items.iter().map(|i| nested(i, policy, locale)).collect();
            (w.any_of)(&parts.join(w.any_sep))
        }
    }
}

fn nested(v: &Verdict, policy: &Policy, locale: Locale) -> String {
    match v {
        Verdict::Leaf(_) => missing_text(v, policy, locale),
        _ => (explain_words(locale).nested)(&missing_text(v, policy, locale)),
    }
}

/// A hint ("why not / when") in words.
pub fn hint_text(hint: &Hint, policy: &Policy, locale: Locale) -> String {
    let w = explain_words(locale);
    let failed = missing_text(&hint.missing, policy, locale);
    match &hint.target {
        HintTarget::Eligibility => (w.hint_eligibility)(&failed),
        HintTarget::Tier { component, tier, amount } => {
            (w.hint_tier)(component.get(locale), tier.get(locale), &(w.money)(*amount), &failed)
        }
        HintTarget::Delivery { name, amount } => (w.hint_delivery)(name.get(locale), &(w.money)(*amount), &failed),
        HintTarget::FreeDelivery { fee } => (w.hint_free_delivery)(&(w.money)(*fee), &failed),
    }
}

/// What would give the full subsidy, in words: `在自己的镇街吃，每餐补贴11元` /
/// `Eat in your own town or sub-district: ¥11 per meal`.
pub fn advice_text(advice: &Advice, locale: Locale) -> String {
    let w = explain_words(locale);
    (w.advice)(&advice_phrases(advice, locale), &(w.money)(advice.subsidy))
}

/// Each change as an instruction.
fn advice_phrases(advice: &Advice, locale: Locale) -> Vec<String> {
    let w = explain_words(locale);
    advice
        .changes
        .iter()
        .map(|c| match c {
            Change::Place { place, .. } => (w.place_advice)(*place).to_string(),
            Change::Meal { meals } => (w.advice_meal)(&or_list(meals.iter().map(|m| (w.meal_name)(*m).to_string()), locale)),
            Change::WorkingDay { next } => (w.advice_working_day)(&(w.date)(*next)),
        })
        .collect()
}

/// The advice for a range ("not sure"), the same changes with the lowest and the highest amount:
/// `在自己的镇街吃，每餐补贴7元 – 11元`.
pub fn advice_range_text(lowest: &Advice, highest: &Advice, locale: Locale) -> String {
    if lowest.subsidy == highest.subsidy {
        return advice_text(highest, locale);
    }
    let w = explain_words(locale);
    let both = (w.range)(&(w.money)(lowest.subsidy), &(w.money)(highest.subsidy));
    (w.advice)(&advice_phrases(highest, locale), &both)
}

/// The notes of the version the assessment used (`[[version]] notes`), shown with the result.
pub fn version_notes<'p>(a: &Assessment, policy: &'p Policy) -> &'p [Text] {
    a.version.as_deref().and_then(|id| policy.version(id)).map_or(&[], |v| v.notes.as_slice())
}

/// A note in words.
pub fn note_text(note: &Note, locale: Locale) -> String {
    let w = explain_words(locale);
    match note {
        Note::CalendarFallback { year } => (w.calendar_fallback)(*year),
        Note::PriceUnknown => w.price_unknown.into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::calendar::Calendar;
    use crate::core::policy::person::{Meal, Person};
    use crate::core::policy::presets::load_preset;

    fn version_step(id: &str, on: &str, locale: Locale) -> String {
        let policy = load_preset(id).and_then(Result::ok).expect("preset");
        let meal = Meal::lunch(on.parse().expect("date"));
        let a = crate::core::policy::assess(&policy, &Person::aged(85), &meal, Calendar::builtin());
        let step = a.steps.iter().find(|s| matches!(s.kind, StepKind::Version { .. })).expect("version step");
        step_text(step, &policy, locale)
    }

    #[test]
    fn an_inferred_start_date_is_one_statement_never_in_force_from() {
        // shenzhen-2025: from = 2025-01-20 with dates_note "从来源页面的发布日算起；具体施行日期未找到。".
        assert_eq!(
            version_step("shenzhen-2025", "2025-03-04", Locale::ZhCn),
            "适用政策版本：2025年1月标准（约自2025年1月20日起；从来源页面的发布日算起；具体施行日期未找到）"
        );
        assert_eq!(
            version_step("shenzhen-2025", "2025-03-04", Locale::En),
            "Policy version: January 2025 standard (roughly from 20 January 2025; from the source page's date; the standard's own start date was not found)"
        );
        // dandong-2024: from 2024-10-18 until 2026-10-17 ("有效期两年"), both inferred.
        let dandong = version_step("dandong-2024", "2025-03-04", Locale::ZhCn);
        assert!(dandong.starts_with("适用政策版本："), "{dandong}");
        assert!(dandong.contains("约自2024年10月18日起，至"), "{dandong}");
        assert!(!dandong.contains("起施行"), "{dandong}");
    }

    #[test]
    fn not_sure_of_the_hardship_category_gives_the_advice_as_a_range() {
        // guangzhou-2020, 70, in another district: 3 yuan (the city's part) whatever the hardship;
        // in his own town 7 (60–79周岁 政府补贴7元) or 11 (困难老人 政府补贴11元).
        use crate::core::policy::form::{validate, FormInput, UNSURE};
        let policy = load_preset("guangzhou-2020").and_then(Result::ok).expect("preset");
        let mut form = FormInput::new("guangzhou-2020", "2025-03-04".parse().expect("date"));
        form.age = "70".into();
        form.place = "same_city".into();
        form.hardship = UNSURE.into();
        let (answers, meal) = validate(&form).expect("valid");
        let r = crate::core::policy::assess_range(&policy, &answers, &meal, Calendar::builtin()).expect("range");
        assert_eq!((r.min.subsidy, r.max.subsidy), (crate::core::money::Fen::yuan(3), crate::core::money::Fen::yuan(3)));
        let (lo, hi) = r.advice.expect("advice for everyone");
        assert_eq!(advice_range_text(&lo, &hi, Locale::ZhCn), "在自己的镇街吃，每餐补贴7元 – 11元");
        // Not sure of the hukou: someone registered elsewhere gains nothing by moving, so no advice.
        form.hukou = UNSURE.into();
        let (answers, meal) = validate(&form).expect("valid");
        let r = crate::core::policy::assess_range(&policy, &answers, &meal, Calendar::builtin()).expect("range");
        assert_eq!(r.advice, None);
    }

    #[test]
    fn the_dates_note_is_not_repeated_among_the_notes() {
        let policy = load_preset("guangzhou-2020").and_then(Result::ok).expect("preset");
        let a =
            crate::core::policy::assess(&policy, &Person::aged(85), &Meal::lunch("2025-03-04".parse().expect("date")), Calendar::builtin());
        let notes: Vec<String> = a.notes.iter().map(|n| note_text(n, Locale::ZhCn)).collect();
        assert!(!notes.iter().any(|n| n.contains("施行日期")), "{notes:?}");
    }
}
