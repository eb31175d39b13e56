//! Household income and the hardship categories it *suggests*.
//!
//! Most older people do not know whether their household counts as 低保边缘 or 低收入, but they
//! know roughly what it lives on. From the household income per person per month (an amount or a
//! range) and urban or rural, this module compares the income with the local minimum-living
//! standards in the policy version in force (`dibao`) and with the policy's own definitions of the
//! categories (`[[version.income]]`: "低保边缘家庭：人均收入不超过低保标准的1.5倍", each with its
//! clause), and says which categories the income suggests — never more than a suggestion: only the
//! community (社区) or sub-district (街道) recognises a household, after checking its income and
//! property. A multiple the file does not give is never assumed.
//!
//! For each suggested category it also works out the figure with that recognition, beside today's
//! figure without it ("如经认定为低保边缘家庭：每餐补贴5元").
//!
//! The words are in [`super::income_words`].

use serde::Serialize;

use super::assess::assess_figures;
use super::condition::Condition;
use super::explain::money;
use super::form::{validate, FormInput};
use super::income_words::income_words;
use super::model::{ClauseRef, IncomeDefinition, Policy, Version};
use super::person::{Area, Hardship, Meal, PersonAnswers};
use super::range::assess_range;
use super::words::AnswerLine;
use crate::core::calendar::Calendar;
use crate::core::money::Fen;
use crate::core::Locale;

/// Does any condition of the policy test income (`income_at_most_dibao_percent`)?
pub fn tests_income(policy: &Policy) -> bool {
    fn tests(c: &Condition) -> bool {
        match c {
            Condition::IncomeAtMostDibaoPercent(_) => true,
            Condition::All(items) | Condition::Any(items) => items.iter().any(tests),
            Condition::Not(inner) => tests(inner),
            _ => false,
        }
    }
    policy.versions.iter().any(|v| {
        v.eligibility.as_ref().is_some_and(|e| tests(&e.when))
            || v.components.iter().flat_map(|c| &c.tiers).any(|t| tests(&t.when))
            || v.delivery.iter().any(|d| tests(&d.when))
    })
}

/// Should the calculator ask for the household income (and urban or rural)? When the policy tests
/// income, gives minimum-living standards, or defines categories by income.
pub fn asks_income(policy: &Policy) -> bool {
    tests_income(policy) || policy.versions.iter().any(|v| v.dibao.is_some() || !v.income.is_empty())
}

/// The answers as `policy` needs them: a range of income and an unanswered urban / rural are open
/// questions only when its conditions test income (otherwise they change no figure, and would
/// only turn a figure into a "range" of one amount).
pub fn for_policy(policy: &Policy, mut answers: PersonAnswers) -> PersonAnswers {
    answers.income_tested = tests_income(policy);
    answers
}

/// How sure a suggestion is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Likelihood {
    /// The whole income given is within the category's limit and no tighter one.
    Suggested,
    /// Part of the range given is: "may".
    Possible,
}

/// One definition applied to one area's standard.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Limit {
    /// The category.
    pub hardship: Hardship,
    /// The standard it is a share of (per person per month).
    pub standard: Fen,
    /// The share, in percent (150 = 1.5 times).
    pub percent: u32,
    /// Strictly below (`true`) or at most (`false`).
    pub below: bool,
    /// The standard × the share.
    pub limit: Fen,
    /// The clause that defines the category.
    pub clause: ClauseRef,
}

impl Limit {
    /// Does an income meet it?
    pub fn met_by(&self, income: Fen) -> bool {
        if self.below {
            income < self.limit
        } else {
            income <= self.limit
        }
    }
}

/// A category the income suggests.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Suggestion {
    /// The limit the income was compared with.
    pub limit: Limit,
    /// Whether the whole income given is within it, or only part of a range.
    pub likelihood: Likelihood,
}

/// The comparison under one area's standard.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct AreaFinding {
    /// Urban or rural.
    pub area: Area,
    /// The standard in force (`None`: the file has none for this area).
    pub standard: Option<Fen>,
    /// The categories the income suggests, tightest limit first.
    pub suggestions: Vec<Suggestion>,
    /// When the whole income is above every limit: the loosest of them.
    pub above: Option<Limit>,
}

/// Figures for one meal: the subsidy and what the person pays, as ranges (equal ends when every
/// answer is given).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Figures {
    /// The subsidy, lowest and highest.
    pub subsidy: (Fen, Fen),
    /// What the person pays, lowest and highest, when the price is known.
    pub pay: Option<(Fen, Fen)>,
}

/// Today's figure, and the figure if recognised as each suggested category.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Recognition {
    /// Without any recognition (the person's answers with no category).
    pub without: Figures,
    /// With each suggested category, in the order suggested.
    pub with: Vec<(Hardship, Figures)>,
}

/// What the income says, for one person and meal.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct IncomeCheck {
    /// The income: (low, high), equal for an amount.
    pub income: (Fen, Fen),
    /// Urban or rural, if answered.
    pub area: Option<Area>,
    /// The clause giving the standards (`None`: the version has no standards).
    pub standards_clause: Option<ClauseRef>,
    /// The categories the version defines by income, lowest limit first (empty: none).
    pub defined: Vec<Hardship>,
    /// The comparison under each area considered: the one answered, or both.
    pub areas: Vec<AreaFinding>,
    /// The figures with and without recognition, when something is suggested.
    pub recognition: Option<Recognition>,
}

impl IncomeCheck {
    /// Every category suggested (or possible), once each, in the order first suggested.
    pub fn suggested(&self) -> Vec<Hardship> {
        let mut out: Vec<Hardship> = Vec::new();
        for h in self.areas.iter().flat_map(|a| a.suggestions.iter().map(|s| s.limit.hardship)) {
            if !out.contains(&h) {
                out.push(h);
            }
        }
        out
    }
}

/// The standard of `area` in `version` on the meal's date.
fn standard(version: &Version, area: Area, meal: &Meal) -> Option<Fen> {
    let (urban, rural, _) = version.dibao.as_ref()?;
    let lines = match area {
        Area::Urban => urban,
        Area::Rural => rural,
    };
    lines.as_ref().and_then(|d| d.at(meal.date)).copied()
}

/// The categories an income between `lo` and `hi` suggests under `standard`: each income's
/// category is the one with the tightest limit it meets (a household under the 低保 line is a
/// 低保 household, not a 低保边缘 one), so a range suggests every category from the low end's to
/// the high end's.
fn find(area: Area, standard: Option<Fen>, definitions: &[IncomeDefinition], (lo, hi): (Fen, Fen)) -> AreaFinding {
    let Some(std) = standard else { return AreaFinding { area, standard, suggestions: Vec::new(), above: None } };
    let mut limits: Vec<Limit> = definitions
        .iter()
        .map(|d| Limit {
            hardship: d.hardship,
            standard: std,
            percent: d.percent,
            below: d.below,
            limit: std.percent(d.percent),
            clause: d.clause,
        })
        .collect();
    // Tightest first: a lower limit, and at one limit "below" before "at most".
    crate::core::sort::sort_by(&mut limits, |a, b| (a.limit, !a.below).cmp(&(b.limit, !b.below)));
    let tightest = |income: Fen| limits.iter().position(|l| l.met_by(income)).unwrap_or(limits.len());
    let (first, last) = (tightest(lo), tightest(hi));
    let likelihood = if first == last { Likelihood::Suggested } else { Likelihood::Possible };
    let suggestions = limits.iter().take(last + 1).skip(first).map(|&limit| Suggestion { limit, likelihood }).collect();
    let above = if first == limits.len() { limits.last().copied() } else { None };
    AreaFinding { area, standard, suggestions, above }
}

/// The subsidy and pay for the answers: one figure, or the range over the "not sure" answers.
fn figures(policy: &Policy, answers: &PersonAnswers, meal: &Meal, calendar: &Calendar) -> Option<Figures> {
    if answers.open_questions().is_empty() {
        let a = assess_figures(policy, &answers.baseline(), meal, calendar);
        return Some(Figures { subsidy: (a.subsidy, a.subsidy), pay: a.pay.map(|p| (p, p)) });
    }
    let r = assess_range(policy, answers, meal, calendar)?;
    Some(Figures { subsidy: (r.min.subsidy, r.max.subsidy), pay: r.max.pay.zip(r.min.pay) })
}

/// What the income given suggests, for a person and a meal. `None` when no income is given, when
/// the person has said which category they are in (recognised already: nothing to suggest), or
/// when no version is in force on the meal's date.
pub fn check(policy: &Policy, answers: &PersonAnswers, meal: &Meal, calendar: &Calendar) -> Option<IncomeCheck> {
    let lo = answers.income_per_month?;
    let income = (lo, answers.income_to.unwrap_or(lo).max(lo));
    if answers.hardship.is_some_and(|h| h != Hardship::None) {
        return None;
    }
    let version = policy.version_on(meal.date)?;
    let areas: Vec<Area> = match answers.area {
        Some(a) => vec![a],
        None => Area::ALL.to_vec(),
    };
    let found: Vec<AreaFinding> = match &version.dibao {
        Some(_) => areas.iter().map(|&a| find(a, standard(version, a, meal), &version.income, income)).collect(),
        None => Vec::new(),
    };
    let mut check = IncomeCheck {
        income,
        area: answers.area,
        standards_clause: version.dibao.as_ref().map(|(_, _, c)| *c),
        defined: {
            let mut defs = version.income.clone();
            crate::core::sort::sort_by(&mut defs, |a, b| (a.percent, !a.below).cmp(&(b.percent, !b.below)));
            defs.iter().map(|d| d.hardship).collect()
        },
        areas: found,
        recognition: None,
    };
    let suggested = check.suggested();
    if !suggested.is_empty() {
        let as_category = |h: Hardship| PersonAnswers { hardship: Some(h), ..answers.clone() };
        let without = figures(policy, &as_category(Hardship::None), meal, calendar);
        let with: Option<Vec<(Hardship, Figures)>> =
            suggested.iter().map(|&h| figures(policy, &as_category(h), meal, calendar).map(|f| (h, f))).collect();
        if let (Some(without), Some(with)) = (without, with) {
            check.recognition = Some(Recognition { without, with });
        }
    }
    Some(check)
}

/// [`check`] for the calculator's form as typed (nothing while the form has problems).
pub fn for_form(policy: &Policy, form: &FormInput, calendar: &Calendar) -> Option<IncomeCheck> {
    let (answers, meal) = validate(form).ok()?;
    check(policy, &for_policy(policy, answers), &meal, calendar)
}

// ---- In words ----------------------------------------------------------------------------------

/// One sentence of the estimate, with the clause it rests on (the standards' or the definition's).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IncomeLine {
    /// The sentence.
    pub text: String,
    /// The clause behind it.
    pub clause: Option<ClauseRef>,
}

/// The estimate in words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IncomeText {
    /// `按收入估计（不是认定）`.
    pub heading: &'static str,
    /// The income given, the standards, and what they suggest.
    pub lines: Vec<IncomeLine>,
    /// (label, value): today's figure, then the figure with each recognition.
    pub figures: Vec<(String, String)>,
    /// Who decides, and what applies until then.
    pub note: &'static str,
}

/// A share in percent as a multiple: `1.5`, `2`, `1.33`; `None` for 100 (the standard itself).
fn multiple(percent: u32) -> Option<String> {
    let (whole, part) = (percent / 100, percent % 100);
    match part {
        _ if percent == 100 => None,
        0 => Some(whole.to_string()),
        p if p % 10 == 0 => Some(format!("{whole}.{}", p / 10)),
        p => Some(format!("{whole}.{p:02}")),
    }
}

/// An amount, or a range of two.
fn span(lo: Fen, hi: Fen, locale: Locale) -> String {
    if lo == hi {
        money(lo, locale)
    } else {
        (income_words(locale).range)(&money(lo, locale), &money(hi, locale))
    }
}

fn figures_text(f: &Figures, locale: Locale) -> String {
    let pay = f.pay.map(|(lo, hi)| span(lo, hi, locale));
    (income_words(locale).figures)(&span(f.subsidy.0, f.subsidy.1, locale), pay.as_deref())
}

/// The estimate in words: the income, each area's standard, the categories it suggests (each with
/// its clause), today's figure and the figure with each recognition, and who decides.
pub fn income_text(check: &IncomeCheck, locale: Locale) -> IncomeText {
    let w = income_words(locale);
    let mut lines = vec![IncomeLine { text: (w.income_is)(&span(check.income.0, check.income.1, locale)), clause: None }];
    let mut say = |text: String, clause: Option<ClauseRef>| lines.push(IncomeLine { text, clause });
    match check.standards_clause {
        None => say(w.no_standards.into(), None),
        Some(standards) => {
            if check.area.is_none() {
                say(w.both_areas.into(), None);
            }
            for a in &check.areas {
                match a.standard {
                    Some(s) => say((w.standard)(a.area, &money(s, locale)), Some(standards)),
                    None => say((w.no_standard_for)(a.area), None),
                }
            }
            if check.defined.is_empty() {
                say(w.no_definitions.into(), None);
            }
            for a in &check.areas {
                let phrase =
                    |l: &Limit| (w.limit)(a.area, &money(l.standard, locale), multiple(l.percent).as_deref(), &money(l.limit, locale));
                for s in &a.suggestions {
                    let sentence = match s.likelihood {
                        Likelihood::Suggested => w.suggested,
                        Likelihood::Possible => w.possible,
                    };
                    say(sentence(s.limit.below, &phrase(&s.limit), s.limit.hardship), Some(s.limit.clause));
                }
                if let Some(l) = &a.above {
                    say((w.above)(l.below, &phrase(l), &check.defined), Some(l.clause));
                }
            }
        }
    }
    let mut figures = Vec::new();
    if let Some(r) = &check.recognition {
        figures.push((w.without.to_string(), figures_text(&r.without, locale)));
        for (h, f) in &r.with {
            let value = if *f == r.without { (w.unchanged)(&span(f.subsidy.0, f.subsidy.1, locale)) } else { figures_text(f, locale) };
            figures.push(((w.with)(*h), value));
        }
    }
    IncomeText { heading: w.heading, lines, figures, note: w.note }
}

/// The income answers for "您填写的情况": the income and urban / rural, when an income is given.
pub fn answer_lines(answers: &PersonAnswers, locale: Locale) -> Vec<AnswerLine> {
    let Some(lo) = answers.income_per_month else { return Vec::new() };
    let w = income_words(locale);
    let field = |f: super::form::FormField| f.label(locale).to_string();
    vec![
        AnswerLine { label: field(super::form::FormField::Income), value: span(lo, answers.income_to.unwrap_or(lo).max(lo), locale) },
        AnswerLine { label: field(super::form::FormField::Area), value: answers.area.map_or(w.unsure, w.area_name).to_string() },
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::policy::cases::run_cases;
    use crate::core::policy::form::{IncomeMode, UNSURE};
    use crate::core::policy::parse_policy;
    use crate::core::policy::person::Person;

    const TEST_POLICY: &str = include_str!("../../../tests/data/policy/income-test.toml");

    fn policy() -> Policy {
        parse_policy(TEST_POLICY).unwrap_or_else(|e| panic!("{e:?}"))
    }

    fn lunch() -> Meal {
        let mut meal = Meal::lunch("2025-03-04".parse().expect("date"));
        meal.price = Some(Fen::yuan(12));
        meal
    }

    /// A 70-year-old, registered locally, no category given, with this income and area.
    fn answers(lo: i64, hi: Option<i64>, area: Option<Area>) -> PersonAnswers {
        let mut p = Person::aged(70);
        p.area = area;
        p.income_per_month = Some(Fen::yuan(lo));
        let mut a = PersonAnswers::from_person(&p);
        a.income_to = hi.map(Fen::yuan);
        for_policy(&policy(), a)
    }

    fn run(lo: i64, hi: Option<i64>, area: Option<Area>) -> IncomeCheck {
        check(&policy(), &answers(lo, hi, area), &lunch(), Calendar::builtin()).expect("an income check")
    }

    fn suggested(c: &IncomeCheck) -> Vec<(Hardship, Likelihood)> {
        c.areas.iter().flat_map(|a| a.suggestions.iter().map(|s| (s.limit.hardship, s.likelihood))).collect()
    }

    #[test]
    fn the_test_policy_loads_and_its_cases_pass() {
        let p = policy();
        let results = run_cases(&p, Calendar::builtin());
        assert!(results.len() >= 6);
        let failed: Vec<_> = results.iter().filter(|r| !r.passed()).map(|r| (&r.name, &r.mismatches)).collect();
        assert!(failed.is_empty(), "{failed:?}");
        assert!(asks_income(&p) && tests_income(&p));
    }

    #[test]
    fn an_income_at_or_under_one_and_a_half_times_the_standard_suggests_the_edge() {
        // Urban standard 612; 低保 below 612, 低保边缘 at most 1.5 × 612 = 918, 低收入 at most
        // 2 × 612 = 1224.
        let c = run(900, None, Some(Area::Urban));
        assert_eq!(suggested(&c), vec![(Hardship::DibaoEdge, Likelihood::Suggested)]);
        let limit = c.areas[0].suggestions[0].limit;
        assert_eq!((limit.standard, limit.percent, limit.limit), (Fen::yuan(612), 150, Fen::yuan(918)));
        assert_eq!(
            suggested(&run(918, None, Some(Area::Urban))),
            vec![(Hardship::DibaoEdge, Likelihood::Suggested)],
            "at most: 918 counts"
        );
        assert_eq!(suggested(&run(919, None, Some(Area::Urban))), vec![(Hardship::LowIncome, Likelihood::Suggested)]);
        assert_eq!(suggested(&run(1225, None, Some(Area::Urban))), vec![]);
        assert_eq!(run(1225, None, Some(Area::Urban)).areas[0].above.map(|l| l.limit), Some(Fen::yuan(1224)));
        // 低保 is "低于": 612 itself is not under it, 611.99 is.
        assert_eq!(suggested(&run(612, None, Some(Area::Urban))), vec![(Hardship::DibaoEdge, Likelihood::Suggested)]);
        let mut a = answers(611, None, Some(Area::Urban));
        a.income_per_month = Some(Fen(61_199));
        let c = check(&policy(), &a, &lunch(), Calendar::builtin()).expect("check");
        assert_eq!(suggested(&c), vec![(Hardship::Dibao, Likelihood::Suggested)]);
    }

    #[test]
    fn a_range_across_a_limit_says_may() {
        // 850–1000 straddles 918: 低保边缘 below it, 低收入 above.
        let c = run(850, Some(1000), Some(Area::Urban));
        assert_eq!(suggested(&c), vec![(Hardship::DibaoEdge, Likelihood::Possible), (Hardship::LowIncome, Likelihood::Possible)]);
        // 700–900 stays within 612 … 918: still a suggestion, not a "may".
        assert_eq!(suggested(&run(700, Some(900), Some(Area::Urban))), vec![(Hardship::DibaoEdge, Likelihood::Suggested)]);
        // 1200–1300 straddles 1224, the loosest limit: 低收入 "may", nothing above it is named.
        let c = run(1200, Some(1300), Some(Area::Urban));
        assert_eq!(suggested(&c), vec![(Hardship::LowIncome, Likelihood::Possible)]);
        assert_eq!(c.areas[0].above, None);
    }

    #[test]
    fn the_rural_standard_applies_to_a_rural_household_and_both_when_not_said() {
        // Rural standard 445: 1.5 × 445 = 667.50, 2 × 445 = 890.
        assert_eq!(suggested(&run(660, None, Some(Area::Rural))), vec![(Hardship::DibaoEdge, Likelihood::Suggested)]);
        assert_eq!(run(660, None, Some(Area::Rural)).areas[0].suggestions[0].limit.limit, Fen(66_750));
        assert_eq!(suggested(&run(900, None, Some(Area::Rural))), vec![]);
        // Not said: urban says 低保边缘 (≤ 918), rural says nothing (> 890).
        let c = run(900, None, None);
        assert_eq!(c.areas.iter().map(|a| a.area).collect::<Vec<_>>(), vec![Area::Urban, Area::Rural]);
        assert_eq!(c.areas[0].suggestions.len(), 1);
        assert_eq!(c.areas[1].suggestions.len(), 0);
        assert_eq!(c.areas[1].above.map(|l| l.limit), Some(Fen::yuan(890)));
    }

    #[test]
    fn with_and_without_recognition() {
        // Age 70, income 900 urban, no category: basic 2 yuan + the income part 1 yuan (income at
        // most 200 % of 612 = 1224) = 3; recognised as 低保边缘: 2 + the edge tier's 3 (the best of
        // the hardship component) = 5; pays 12 − 5 = 7.
        let c = run(900, None, Some(Area::Urban));
        let r = c.recognition.expect("figures with and without");
        assert_eq!(r.without, Figures { subsidy: (Fen::yuan(3), Fen::yuan(3)), pay: Some((Fen::yuan(9), Fen::yuan(9))) });
        assert_eq!(
            r.with,
            vec![(Hardship::DibaoEdge, Figures { subsidy: (Fen::yuan(5), Fen::yuan(5)), pay: Some((Fen::yuan(7), Fen::yuan(7))) })]
        );
        // Above every limit: nothing suggested, no figures.
        assert_eq!(run(1300, None, Some(Area::Urban)).recognition, None);
    }

    #[test]
    fn a_recognised_category_or_no_income_gets_no_suggestion() {
        let mut a = answers(900, None, Some(Area::Urban));
        a.hardship = Some(Hardship::Dibao);
        assert_eq!(check(&policy(), &a, &lunch(), Calendar::builtin()), None, "already recognised");
        a.hardship = None;
        assert!(check(&policy(), &a, &lunch(), Calendar::builtin()).is_some(), "not sure of the category: suggested");
        a.income_per_month = None;
        assert_eq!(check(&policy(), &a, &lunch(), Calendar::builtin()), None);
    }

    #[test]
    fn a_policy_without_standards_or_definitions_says_so_and_guesses_no_multiple() {
        let mut p = policy();
        p.versions[0].income.clear();
        let c = check(&p, &answers(900, None, Some(Area::Urban)), &lunch(), Calendar::builtin()).expect("check");
        assert!(c.defined.is_empty() && c.standards_clause.is_some());
        assert_eq!(c.areas[0].standard, Some(Fen::yuan(612)));
        assert!(c.areas[0].suggestions.is_empty() && c.areas[0].above.is_none(), "no multiple is guessed");
        assert_eq!(c.recognition, None);
        p.versions[0].dibao = None;
        let c = check(&p, &answers(900, None, Some(Area::Urban)), &lunch(), Calendar::builtin()).expect("check");
        assert_eq!((c.standards_clause, c.areas.len()), (None, 0));
        // Only an urban standard: a rural household's income is compared with nothing.
        let mut p = policy();
        if let Some((_, rural, _)) = &mut p.versions[0].dibao {
            *rural = None;
        }
        let c = check(&p, &answers(600, None, Some(Area::Rural)), &lunch(), Calendar::builtin()).expect("check");
        assert_eq!(c.areas[0].standard, None);
        assert!(c.areas[0].suggestions.is_empty());
    }

    #[test]
    fn a_range_of_income_is_a_question_only_where_a_condition_tests_income() {
        // The test policy's income part pays 1 yuan at most 1224 (urban): 1200–1300 decides it.
        let mut form = FormInput::new("income-test", "2025-03-04".parse().expect("date"));
        form.age = "70".into();
        form.price = "12".into();
        form.income_mode = IncomeMode::Range;
        form.income = "1200".into();
        form.income_to = "1300".into();
        form.area = "urban".into();
        let p = policy();
        let outcome = crate::core::policy::calc::calculate(&p, (0, 1), &form, Calendar::builtin());
        let crate::core::policy::calc::Outcome::Range(r) = outcome else { panic!("a range: {outcome:?}") };
        assert_eq!((r.min.subsidy, r.max.subsidy), (Fen::yuan(2), Fen::yuan(3)));
        assert_eq!(r.deciding, vec![crate::core::policy::Question::Income { from: Fen::yuan(1200), to: Fen::yuan(1300) }]);
        // Shenzhen tests no income: the same answers give one figure.
        let sz = crate::core::policy::presets::load_preset("shenzhen-2025").and_then(Result::ok).expect("preset");
        form.policy = "shenzhen-2025".into();
        form.age = "85".into();
        assert!(matches!(
            crate::core::policy::calc::calculate(&sz, (0, 1), &form, Calendar::builtin()),
            crate::core::policy::calc::Outcome::Single(_)
        ));
        // Urban or rural not said, with a definite income: it decides the income part (900 ≤ 1224
        // urban, > 890 rural).
        let mut form = FormInput::new("income-test", "2025-03-04".parse().expect("date"));
        form.age = "70".into();
        form.price = "12".into();
        form.income = "900".into();
        assert_eq!(form.area, UNSURE);
        let crate::core::policy::calc::Outcome::Range(r) = crate::core::policy::calc::calculate(&p, (0, 1), &form, Calendar::builtin())
        else {
            panic!("a range")
        };
        assert_eq!(r.deciding, vec![crate::core::policy::Question::Area]);
        assert_eq!((r.min.subsidy, r.max.subsidy), (Fen::yuan(2), Fen::yuan(3)));
    }

    fn texts(c: &IncomeCheck, l: Locale) -> Vec<String> {
        income_text(c, l).lines.into_iter().map(|line| line.text).collect()
    }

    #[test]
    fn the_suggestion_in_words_says_it_needs_recognition() {
        let c = run(900, None, Some(Area::Urban));
        assert_eq!(
            texts(&c, Locale::ZhCn),
            vec![
                "您填写的家庭人均月收入：900元。",
                "当地城镇低保标准：每人每月612元。",
                "您家人均月收入不超过当地城镇低保标准612元的1.5倍（918元），可能属于低保边缘家庭，需要向社区申请认定。",
            ]
        );
        assert_eq!(
            texts(&c, Locale::En)[2],
            "Your household income per person is at most 1.5 times the local urban minimum-living standard of ¥612 (¥918): your \
             household may count as a marginal low-income household, which needs recognition by your community office."
        );
        let t = income_text(&c, Locale::ZhCn);
        assert_eq!(
            t.figures,
            vec![
                ("现在（未经认定）".to_string(), "每餐补贴3元，您支付9元".to_string()),
                ("如经认定为低保边缘家庭".to_string(), "每餐补贴5元，您支付7元".to_string()),
            ]
        );
        assert!(t.note.contains("不是认定"));
        // The sentences rest on the clauses: the standards', then the definition's.
        let p = policy();
        let clause = |i: usize| t.lines[i].clause.and_then(|c| p.clause(c)).map(|c| c.id.as_str());
        assert_eq!((clause(0), clause(1), clause(2)), (None, Some("dibao-std"), Some("edge-def")));
    }

    #[test]
    fn a_range_in_words_says_if_and_the_standard_itself_has_no_multiple() {
        let c = run(850, Some(1000), Some(Area::Urban));
        let chinese = texts(&c, Locale::ZhCn);
        assert_eq!(chinese[0], "您填写的家庭人均月收入：850元到1000元。");
        assert_eq!(chinese[2], "如果您家人均月收入不超过当地城镇低保标准612元的1.5倍（918元），可能属于低保边缘家庭，需要向社区申请认定。");
        assert_eq!(chinese[3], "如果您家人均月收入不超过当地城镇低保标准612元的2倍（1224元），可能属于低收入家庭，需要向社区申请认定。");
        assert!(texts(&c, Locale::En)[2].starts_with("If your household income per person is at most 1.5 times"));
        let c = run(500, None, Some(Area::Urban));
        assert_eq!(texts(&c, Locale::ZhCn)[2], "您家人均月收入低于当地城镇低保标准（612元），可能属于低保家庭，需要向社区申请认定。");
        let c = run(1300, None, Some(Area::Urban));
        assert_eq!(
            texts(&c, Locale::ZhCn)[2],
            "您家人均月收入高于当地城镇低保标准612元的2倍（1224元），按这份政策文件写的收入标准，不属于低保家庭、低保边缘家庭、低收入家庭。"
        );
        assert!(income_text(&c, Locale::ZhCn).figures.is_empty(), "nothing suggested: no figures with a recognition");
        assert_eq!(multiple(133), Some("1.33".into()));
        assert_eq!(multiple(250), Some("2.5".into()));
        assert_eq!(multiple(100), None);
    }

    #[test]
    fn no_standards_no_definitions_and_both_areas_are_said_plainly() {
        let mut p = policy();
        p.versions[0].income.clear();
        let c = check(&p, &answers(900, None, None), &lunch(), Calendar::builtin()).expect("check");
        let chinese = texts(&c, Locale::ZhCn);
        assert_eq!(chinese[1], "您没有选城镇还是农村，下面两种标准都列出来。");
        assert_eq!(chinese[2], "当地城镇低保标准：每人每月612元。");
        assert_eq!(chinese[3], "当地农村低保标准：每人每月445元。");
        assert!(chinese[4].starts_with("这份政策文件没有写当地按收入认定"), "{}", chinese[4]);
        assert_eq!(chinese.len(), 5, "no multiple is guessed: {chinese:?}");
        p.versions[0].dibao = None;
        let c = check(&p, &answers(900, None, None), &lunch(), Calendar::builtin()).expect("check");
        assert_eq!(texts(&c, Locale::En)[1], crate::core::policy::income_words::EN.no_standards);
    }

    #[test]
    fn every_sentence_reads_in_its_language_with_its_own_punctuation() {
        use crate::core::policy::error_words::check::{assert_chinese, assert_english};
        let mut p = policy();
        let mut checks =
            vec![run(900, None, Some(Area::Urban)), run(850, Some(1000), None), run(1300, None, Some(Area::Rural)), run(500, None, None)];
        p.versions[0].income.clear();
        checks.push(check(&p, &answers(900, None, None), &lunch(), Calendar::builtin()).expect("check"));
        p.versions[0].dibao = None;
        checks.push(check(&p, &answers(900, None, None), &lunch(), Calendar::builtin()).expect("check"));
        for c in &checks {
            let chinese = income_text(c, Locale::ZhCn);
            let english = income_text(c, Locale::En);
            for t in chinese.lines.iter().map(|l| l.text.as_str()).chain([chinese.heading, chinese.note]) {
                assert_chinese(t, &[]);
            }
            for (label, value) in &chinese.figures {
                assert_chinese(label, &[]);
                assert_chinese(value, &[]);
            }
            for t in english.lines.iter().map(|l| l.text.as_str()).chain([english.heading, english.note]) {
                assert_english(t);
            }
            for (label, value) in &english.figures {
                assert_english(label);
                assert_english(value);
            }
        }
    }

    #[test]
    fn the_answers_list_the_income_and_the_area() {
        let lines = answer_lines(&answers(850, Some(1000), None), Locale::ZhCn);
        let pairs: Vec<(&str, &str)> = lines.iter().map(|l| (l.label.as_str(), l.value.as_str())).collect();
        assert_eq!(pairs, vec![("家庭人均月收入", "850元到1000元"), ("城镇或农村", "不确定")]);
        let lines = answer_lines(&answers(900, None, Some(Area::Rural)), Locale::En);
        assert_eq!(lines[1].value, "rural");
        assert!(answer_lines(&PersonAnswers::from_person(&Person::aged(70)), Locale::ZhCn).is_empty());
    }

    #[test]
    fn a_bad_income_definition_is_named_with_its_line_and_path() {
        use crate::core::policy::error::{ErrorKind, Expected, Thing};
        let edge = "  hardship = \"dibao_edge\"\n  at_most_dibao_percent = 150\n  clause = \"edge-def\"";
        assert!(TEST_POLICY.contains(edge));
        let line_of_edge = TEST_POLICY[..TEST_POLICY.find(edge).expect("edge")].lines().count() + 1;
        let errors = |replacement: &str| parse_policy(&TEST_POLICY.replace(edge, replacement)).expect_err("a problem");

        let both =
            errors("  hardship = \"dibao_edge\"\n  at_most_dibao_percent = 150\n  below_dibao_percent = 150\n  clause = \"edge-def\"");
        assert_eq!(both.len(), 1, "{both:?}");
        assert_eq!(both[0].path, "version[0].income[1]");
        assert_eq!(both[0].kind, ErrorKind::ExactlyOne { keys: vec!["at_most_dibao_percent", "below_dibao_percent"] });

        let neither = errors("  hardship = \"dibao_edge\"\n  clause = \"edge-def\"");
        assert!(matches!(neither[0].kind, ErrorKind::ExactlyOne { .. }), "{neither:?}");

        let tekun = errors("  hardship = \"tekun\"\n  at_most_dibao_percent = 150\n  clause = \"edge-def\"");
        assert_eq!((tekun[0].line, tekun[0].path.as_str()), (line_of_edge, "version[0].income[1].hardship"));
        assert_eq!(
            tekun[0].kind,
            ErrorKind::BadValue { expected: Expected::OneOf(vec!["dibao", "dibao_edge", "low_income"]), found: "\"tekun\"".into() }
        );

        let twice = errors("  hardship = \"dibao\"\n  at_most_dibao_percent = 150\n  clause = \"edge-def\"");
        assert_eq!(twice[0].kind, ErrorKind::Duplicate { what: Thing::Category, id: "dibao".into() });

        let no_clause = errors("  hardship = \"dibao_edge\"\n  at_most_dibao_percent = 150");
        assert_eq!(no_clause[0].kind, ErrorKind::NoClause { key: "clause" });

        let zero = errors("  hardship = \"dibao_edge\"\n  at_most_dibao_percent = 0\n  clause = \"edge-def\"");
        assert_eq!(zero[0].path, "version[0].income[1].at_most_dibao_percent");
        assert_eq!(zero.len(), 1, "one problem, not also 'exactly one of': {zero:?}");

        let typo = errors("  hardship = \"dibao_edge\"\n  at_most_dibao_pct = 150\n  clause = \"edge-def\"");
        assert!(typo.iter().any(|e| matches!(&e.kind, ErrorKind::UnknownKey { key, .. } if key == "at_most_dibao_pct")), "{typo:?}");
    }
}
