//! Eligibility conditions: leaf tests on a person, combined with all / any / not.
//!
//! Evaluation keeps every leaf's result and what the person had, so the explanation can say which
//! condition failed and how close the person is ("需年满80周岁；您将于2027年3月4日满80周岁").

use serde::Serialize;

use super::person::{Area, CareLevel, Group, Hardship, Hukou, Person};
use crate::core::date::Date;
use crate::core::money::Fen;

/// A condition on a person.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Condition {
    /// Age in full years on the meal's date ≥ n.
    AgeAtLeast(u32),
    /// Age in full years on the meal's date < n.
    AgeBelow(u32),
    /// 失能 level at least this.
    CareAtLeast(CareLevel),
    /// Disability certificate grade is one of these (1 = most severe).
    DisabilityGradeIn(Vec<u8>),
    /// Hardship category is within one of these.
    HardshipIn(Vec<Hardship>),
    /// In at least one of these groups.
    GroupAny(Vec<Group>),
    /// In this policy-defined category.
    Flag(String),
    /// Registered residence is this.
    Hukou(Hukou),
    /// Lives in a care institution (true) or not (false).
    InCareHome(bool),
    /// Household income per person per month at most `percent`% of the local minimum-living
    /// standard (城市/农村低保标准) in force.
    IncomeAtMostDibaoPercent(u32),
    /// Every one holds (an empty list holds).
    All(Vec<Condition>),
    /// At least one holds (an empty list does not).
    Any(Vec<Condition>),
    /// The inner condition does not hold.
    Not(Box<Condition>),
}

/// What a leaf test found in the person.
// Adjacently tagged: an internally tagged enum cannot serialise a variant holding a bare value
// (`Flag(bool)`, `Care(CareLevel)`), and the CLI's trace came out as `null` for those.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", content = "value", rename_all = "snake_case")]
pub enum Found {
    /// The person's age, and when they reach the age asked for (if a birth date is known and the
    /// age is in the future).
    Age {
        /// Age in full years on the meal date (`None`: born after it).
        age: Option<u32>,
        /// When the required age is reached.
        reaches_on: Option<Date>,
    },
    /// The person's care level.
    Care(CareLevel),
    /// The person's disability grade.
    Disability(u8),
    /// The person's hardship category.
    Hardship(Hardship),
    /// The person is 特困 with the support type not given, and was counted by where they live:
    /// 分散供养 when not in a care home, 集中供养 when in one.
    TekunCounted {
        /// Lives in a care institution.
        in_care_home: bool,
    },
    /// The person's groups.
    Groups(Vec<Group>),
    /// Whether the person has the flag.
    Flag(bool),
    /// The person's hukou.
    Hukou(Hukou),
    /// Whether the person lives in a care institution.
    InCareHome(bool),
    /// Income, and the limit it was compared with (`None` when unknown).
    Income {
        /// The person's income per month.
        income: Option<Fen>,
        /// The limit: standard × percent.
        limit: Option<Fen>,
        /// Which standard applied.
        area: Option<Area>,
    },
}

/// One leaf test and its result.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Check {
    /// The leaf condition tested.
    pub test: Condition,
    /// Did it hold (after any enclosing `not`)?
    pub passed: bool,
    /// Was it under an odd number of `not`s?
    pub negated: bool,
    /// What the person had.
    pub found: Found,
}

/// The local minimum-living standards in force, for income tests.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct DibaoStandards {
    /// 城市低保标准, per person per month.
    pub urban: Option<Fen>,
    /// 农村低保标准, per person per month.
    pub rural: Option<Fen>,
}

/// Everything a condition needs besides the person.
#[derive(Clone, Copy, Debug)]
pub struct EvalContext {
    /// The meal's date (ages are counted on it).
    pub on: Date,
    /// Minimum-living standards in force on that date.
    pub dibao: DibaoStandards,
}

/// A condition evaluated for one person, as a tree: `not` is pushed down to the leaves (De
/// Morgan), so every node is a leaf, an `all` or an `any`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", content = "of", rename_all = "snake_case")]
pub enum Verdict {
    /// One test.
    Leaf(Check),
    /// Every item must hold.
    All(Vec<Verdict>),
    /// One item must hold.
    Any(Vec<Verdict>),
}

impl Verdict {
    /// Does it hold?
    pub fn passed(&self) -> bool {
        match self {
            Verdict::Leaf(c) => c.passed,
            Verdict::All(items) => items.iter().all(Verdict::passed),
            Verdict::Any(items) => items.iter().any(Verdict::passed),
        }
    }

    /// Every leaf test, in order.
    pub fn checks(&self) -> Vec<Check> {
        match self {
            Verdict::Leaf(c) => vec![c.clone()],
            Verdict::All(items) | Verdict::Any(items) => items.iter().flat_map(Verdict::checks).collect(),
        }
    }

    /// What is missing for it to hold: for `all`, the failed items; for `any`, every item (one of
    /// them would do). `None` when it holds. Single-item nodes collapse, and an `any` inside an
    /// `any` merges into it.
    pub fn missing(&self) -> Option<Verdict> {
        if self.passed() {
            return None;
        }
        match self {
            Verdict::Leaf(_) => Some(self.clone()),
            Verdict::All(items) => {
                let mut failed: Vec<Verdict> = items.iter().filter_map(Verdict::missing).collect();
                if failed.len() == 1 {
                    failed.pop()
                } else {
                    Some(Verdict::All(failed))
                }
            }
            Verdict::Any(items) => {
                let mut options = Vec::new();
                for item in items.iter().filter_map(Verdict::missing) {
                    match item {
                        Verdict::Any(inner) => options.extend(inner),
                        other => options.push(other),
                    }
                }
                if options.len() == 1 {
                    options.pop()
                } else {
                    Some(Verdict::Any(options))
                }
            }
        }
    }
}

impl Condition {
    /// Evaluates the condition for a person, keeping every test's result.
    pub fn verdict(&self, person: &Person, ctx: &EvalContext) -> Verdict {
        self.verdict_inner(person, ctx, false)
    }

    fn verdict_inner(&self, person: &Person, ctx: &EvalContext, negated: bool) -> Verdict {
        let items = |list: &[Condition]| list.iter().map(|c| c.verdict_inner(person, ctx, negated)).collect();
        match (self, negated) {
            (Condition::All(list), false) | (Condition::Any(list), true) => Verdict::All(items(list)),
            (Condition::Any(list), false) | (Condition::All(list), true) => Verdict::Any(items(list)),
            (Condition::Not(inner), _) => inner.verdict_inner(person, ctx, !negated),
            (leaf, _) => {
                let (value, found) = leaf.leaf(person, ctx);
                Verdict::Leaf(Check { test: leaf.clone(), passed: value != negated, negated, found })
            }
        }
    }

    /// Does the person meet the condition? Every leaf's result goes into `checks`.
    pub fn eval(&self, person: &Person, ctx: &EvalContext, checks: &mut Vec<Check>) -> bool {
        let verdict = self.verdict(person, ctx);
        checks.extend(verdict.checks());
        verdict.passed()
    }

    /// Does the person meet the condition? Evaluated directly, without recording anything (the
    /// fast path for batches and simulations).
    pub fn holds(&self, person: &Person, ctx: &EvalContext) -> bool {
        match self {
            Condition::All(items) => items.iter().all(|c| c.holds(person, ctx)),
            Condition::Any(items) => items.iter().any(|c| c.holds(person, ctx)),
            Condition::Not(inner) => !inner.holds(person, ctx),
            leaf => leaf.leaf_value(person, ctx),
        }
    }

    /// A leaf test's value, without describing what was found.
    fn leaf_value(&self, person: &Person, ctx: &EvalContext) -> bool {
        let age = || person.age.age_on(ctx.on);
        match self {
            Condition::AgeAtLeast(n) => age().is_some_and(|a| a >= *n),
            Condition::AgeBelow(n) => age().is_some_and(|a| a < *n),
            Condition::CareAtLeast(level) => person.care_level >= *level,
            Condition::DisabilityGradeIn(grades) => grades.contains(&person.disability_grade),
            Condition::HardshipIn(list) => list.iter().any(|h| person.hardship_within(*h)),
            Condition::GroupAny(list) => list.iter().any(|g| person.groups.contains(g)),
            Condition::Flag(flag) => person.flags.contains(flag),
            Condition::Hukou(h) => person.hukou == *h,
            Condition::InCareHome(v) => person.in_care_home == *v,
            Condition::IncomeAtMostDibaoPercent(percent) => {
                let standard = match person.area {
                    Some(Area::Urban) => ctx.dibao.urban,
                    Some(Area::Rural) => ctx.dibao.rural,
                    None => None,
                };
                matches!((person.income_per_month, standard), (Some(i), Some(s)) if i <= s.percent(*percent))
            }
            Condition::All(_) | Condition::Any(_) | Condition::Not(_) => self.holds(person, ctx),
        }
    }

    fn leaf(&self, person: &Person, ctx: &EvalContext) -> (bool, Found) {
        let age = person.age.age_on(ctx.on);
        match self {
            Condition::AgeAtLeast(n) => {
                let value = age.is_some_and(|a| a >= *n);
                let reaches_on = if value { None } else { person.age.date_of_age(*n) };
                (value, Found::Age { age, reaches_on })
            }
            Condition::AgeBelow(n) => (age.is_some_and(|a| a < *n), Found::Age { age, reaches_on: None }),
            Condition::CareAtLeast(level) => (person.care_level >= *level, Found::Care(person.care_level)),
            Condition::DisabilityGradeIn(grades) => (grades.contains(&person.disability_grade), Found::Disability(person.disability_grade)),
            Condition::HardshipIn(list) => {
                let value = list.iter().any(|h| person.hardship_within(*h));
                // Plain 特困 read as a support type: say how it was counted.
                let by_support = person.hardship == Hardship::Tekun
                    && !list.contains(&Hardship::Tekun)
                    && list.iter().any(|h| matches!(h, Hardship::TekunDispersed | Hardship::TekunCentralised));
                let found =
                    if by_support { Found::TekunCounted { in_care_home: person.in_care_home } } else { Found::Hardship(person.hardship) };
                (value, found)
            }
            Condition::GroupAny(list) => {
                (list.iter().any(|g| person.groups.contains(g)), Found::Groups(person.groups.iter().copied().collect()))
            }
            Condition::Flag(flag) => {
                let has = person.flags.contains(flag);
                (has, Found::Flag(has))
            }
            Condition::Hukou(h) => (person.hukou == *h, Found::Hukou(person.hukou)),
            Condition::InCareHome(v) => (person.in_care_home == *v, Found::InCareHome(person.in_care_home)),
            Condition::IncomeAtMostDibaoPercent(percent) => {
                let standard = match person.area {
                    Some(Area::Urban) => ctx.dibao.urban,
                    Some(Area::Rural) => ctx.dibao.rural,
                    None => None,
                };
                let limit = standard.map(|s| s.percent(*percent));
                let value = matches!((person.income_per_month, limit), (Some(i), Some(l)) if i <= l);
                (value, Found::Income { income: person.income_per_month, limit, area: person.area })
            }
            Condition::All(_) | Condition::Any(_) | Condition::Not(_) => (false, Found::Flag(false)),
        }
    }

    /// The age band `[lo, hi)` this condition demands, when its age tests are all at the top
    /// level (the condition itself, or items of a top-level `all`). `None` when an age test sits
    /// under `any` or `not`, where no single band describes it.
    pub fn age_band(&self) -> Option<(u32, u32)> {
        let items: &[Condition] = match self {
            Condition::All(items) => items,
            single => std::slice::from_ref(single),
        };
        let mut band = (0u32, u32::MAX);
        for item in items {
            match item {
                Condition::AgeAtLeast(n) => band.0 = band.0.max(*n),
                Condition::AgeBelow(n) => band.1 = band.1.min(*n),
                other if other.mentions_age() => return None,
                _ => {}
            }
        }
        Some(band)
    }

    /// The top-level tests other than age, in order: two tiers with equal `without_age()` differ
    /// only in their age band.
    pub fn without_age(&self) -> Vec<&Condition> {
        let items: &[Condition] = match self {
            Condition::All(items) => items,
            single => std::slice::from_ref(single),
        };
        items.iter().filter(|c| !matches!(c, Condition::AgeAtLeast(_) | Condition::AgeBelow(_))).collect()
    }

    /// Does any age test appear anywhere inside?
    pub fn mentions_age(&self) -> bool {
        match self {
            Condition::AgeAtLeast(_) | Condition::AgeBelow(_) => true,
            Condition::All(items) | Condition::Any(items) => items.iter().any(Condition::mentions_age),
            Condition::Not(inner) => inner.mentions_age(),
            _ => false,
        }
    }

    /// Every policy-defined flag the condition refers to.
    pub fn flags(&self) -> Vec<&str> {
        match self {
            Condition::Flag(f) => vec![f.as_str()],
            Condition::All(items) | Condition::Any(items) => items.iter().flat_map(Condition::flags).collect(),
            Condition::Not(inner) => inner.flags(),
            _ => Vec::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ctx(on: &str) -> EvalContext {
        EvalContext { on: on.parse().expect("date"), dibao: DibaoStandards::default() }
    }

    fn born(date: &str) -> Person {
        let mut p = Person::aged(0);
        p.age = super::super::person::AgeInput::BirthDate(date.parse().expect("date"));
        p
    }

    #[test]
    fn age_is_counted_on_the_meal_date_and_reports_when_it_is_reached() {
        let person = born("1947-03-04");
        let cond = Condition::AgeAtLeast(80);
        let mut checks = Vec::new();
        assert!(!cond.eval(&person, &ctx("2027-03-03"), &mut checks));
        assert_eq!(checks[0].found, Found::Age { age: Some(79), reaches_on: Some("2027-03-04".parse().expect("date")) });
        assert!(cond.holds(&person, &ctx("2027-03-04")));
        assert!(Condition::AgeBelow(80).holds(&person, &ctx("2027-03-03")));
        assert!(!Condition::AgeBelow(80).holds(&person, &ctx("2027-03-04")));
    }

    #[test]
    fn all_reports_every_failing_leaf() {
        let cond = Condition::All(vec![
            Condition::AgeAtLeast(60),
            Condition::Hukou(Hukou::Local),
            Condition::HardshipIn(vec![Hardship::Dibao]),
            Condition::CareAtLeast(CareLevel::Severe),
        ]);
        let mut person = Person::aged(59);
        person.hukou = Hukou::Nonlocal;
        let mut checks = Vec::new();
        assert!(!cond.eval(&person, &ctx("2025-01-01"), &mut checks));
        assert_eq!(checks.len(), 4);
        assert_eq!(checks.iter().filter(|c| !c.passed).count(), 4);
    }

    #[test]
    fn any_and_not() {
        let cond = Condition::Any(vec![Condition::AgeAtLeast(80), Condition::Not(Box::new(Condition::InCareHome(false)))]);
        let mut person = Person::aged(70);
        assert!(!cond.holds(&person, &ctx("2025-01-01")));
        person.in_care_home = true;
        assert!(cond.holds(&person, &ctx("2025-01-01")));
        let mut checks = Vec::new();
        Condition::Not(Box::new(Condition::InCareHome(true))).eval(&person, &ctx("2025-01-01"), &mut checks);
        assert!(checks[0].negated && !checks[0].passed);
        assert!(!Condition::Any(vec![]).holds(&person, &ctx("2025-01-01")));
        assert!(Condition::All(vec![]).holds(&person, &ctx("2025-01-01")));
    }

    #[test]
    fn income_is_compared_with_the_standard_for_the_persons_area() {
        let ctx = EvalContext {
            on: "2025-01-01".parse().expect("date"),
            dibao: DibaoStandards { urban: Some(Fen::yuan(612)), rural: Some(Fen::yuan(445)) },
        };
        let cond = Condition::IncomeAtMostDibaoPercent(150); // 1.5 × 612 = 918; 1.5 × 445 = 667.5
        let mut p = Person::aged(70);
        p.area = Some(Area::Urban);
        p.income_per_month = Some(Fen::yuan(918));
        assert!(cond.holds(&p, &ctx));
        p.income_per_month = Some(Fen(91_801));
        assert!(!cond.holds(&p, &ctx));
        p.area = Some(Area::Rural);
        p.income_per_month = Some(Fen(66_750));
        assert!(cond.holds(&p, &ctx));
        p.area = None;
        assert!(!cond.holds(&p, &ctx), "unknown area: not proven");
    }

    #[test]
    fn missing_keeps_the_structure_of_any() {
        // hukou local AND (age >= 100 OR (age >= 60 AND (dibao OR flag)))
        let cond = Condition::All(vec![
            Condition::Hukou(Hukou::Local),
            Condition::Any(vec![
                Condition::AgeAtLeast(100),
                Condition::All(vec![
                    Condition::AgeAtLeast(60),
                    Condition::Any(vec![Condition::HardshipIn(vec![Hardship::Dibao]), Condition::Flag("f".into())]),
                ]),
            ]),
        ]);
        let person = Person::aged(77);
        let missing = cond.verdict(&person, &ctx("2025-01-01")).missing().expect("fails");
        let Verdict::Any(options) = &missing else { panic!("expected one-of, got {missing:?}") };
        let tests: Vec<&Condition> = options
            .iter()
            .map(|o| match o {
                Verdict::Leaf(c) => &c.test,
                other => panic!("expected leaves, got {other:?}"),
            })
            .collect();
        assert_eq!(tests, vec![&Condition::AgeAtLeast(100), &Condition::HardshipIn(vec![Hardship::Dibao]), &Condition::Flag("f".into())]);
        let mut ok = person.clone();
        ok.flags.insert("f".into());
        assert!(cond.verdict(&ok, &ctx("2025-01-01")).missing().is_none());
    }

    #[test]
    fn not_is_pushed_to_the_leaves() {
        // not (dibao or in care home) == not dibao and not in care home
        let cond =
            Condition::Not(Box::new(Condition::Any(vec![Condition::HardshipIn(vec![Hardship::Dibao]), Condition::InCareHome(true)])));
        let mut person = Person::aged(70);
        person.in_care_home = true;
        let v = cond.verdict(&person, &ctx("2025-01-01"));
        assert!(!v.passed());
        let Some(Verdict::Leaf(check)) = v.missing() else { panic!("one failing leaf") };
        assert_eq!(check.test, Condition::InCareHome(true));
        assert!(check.negated);
    }

    #[test]
    fn age_bands() {
        let band = Condition::All(vec![Condition::AgeAtLeast(65), Condition::AgeBelow(80), Condition::Hukou(Hukou::Local)]);
        assert_eq!(band.age_band(), Some((65, 80)));
        assert_eq!(band.without_age(), vec![&Condition::Hukou(Hukou::Local)]);
        assert_eq!(Condition::AgeAtLeast(80).age_band(), Some((80, u32::MAX)));
        let nested = Condition::Any(vec![Condition::AgeAtLeast(100), Condition::Flag("x".into())]);
        assert_eq!(nested.age_band(), None);
        assert_eq!(Condition::Flag("x".into()).age_band(), Some((0, u32::MAX)));
    }

    #[test]
    fn plain_tekun_counts_as_dispersed_at_home_and_centralised_in_a_care_home() {
        // 特困 with the support type not given: living at home is 分散供养, in a care home 集中供养.
        let dispersed = Condition::HardshipIn(vec![Hardship::TekunDispersed]);
        let centralised = Condition::HardshipIn(vec![Hardship::TekunCentralised]);
        let mut person = Person::aged(70);
        person.hardship = Hardship::Tekun;
        let on = ctx("2025-01-01");
        assert!(dispersed.holds(&person, &on) && !centralised.holds(&person, &on));
        let mut checks = Vec::new();
        assert!(dispersed.eval(&person, &on, &mut checks));
        assert_eq!(checks[0].found, Found::TekunCounted { in_care_home: false });
        person.in_care_home = true;
        assert!(!dispersed.holds(&person, &on) && centralised.holds(&person, &on));
        // A list that names plain 特困 needs no counting: what was found is the category itself.
        let mut checks = Vec::new();
        assert!(Condition::HardshipIn(vec![Hardship::Tekun]).eval(&person, &on, &mut checks));
        assert_eq!(checks[0].found, Found::Hardship(Hardship::Tekun));
        // Someone recorded as centralised stays centralised wherever the form says they live.
        person.hardship = Hardship::TekunCentralised;
        person.in_care_home = false;
        assert!(!dispersed.holds(&person, &on));
    }
}
