//! Invariants of the engine over random people, meals and plans (proptest, seeded by proptest's
//! own deterministic runner configuration).

use proptest::prelude::*;
use std::collections::BTreeMap;

use zhucan::core::calendar::Calendar;
use zhucan::core::date::Date;
use zhucan::core::money::Fen;
use zhucan::core::policy::presets::{load_preset, PRESETS};
use zhucan::core::policy::{
    assess, assess_figures, simulate_month, AgeInput, CareLevel, Group, Hardship, Hukou, Meal, MealKind, MealPlan, Person, Place, Policy,
};

fn policies() -> Vec<Policy> {
    PRESETS.iter().map(|p| load_preset(p.id).and_then(Result::ok).expect("valid preset")).collect()
}

fn person() -> impl Strategy<Value = Person> {
    (
        50u32..105,
        prop::sample::select(CareLevel::ALL.to_vec()),
        0u8..5,
        prop::sample::select(Hardship::ALL.to_vec()),
        prop::collection::btree_set(prop::sample::select(Group::ALL.to_vec()), 0..3),
        prop::sample::select(vec!["sanshu_wulao", "youfu", "jiben_yanglao", "jujia_butie", "kunnan_canji"]),
        any::<bool>(),
        prop::sample::select(Hukou::ALL.to_vec()),
        any::<bool>(),
    )
        .prop_map(|(age, care, grade, hardship, groups, flag, has_flag, hukou, care_home)| {
            let mut p = Person::aged(age);
            p.care_level = care;
            p.disability_grade = grade;
            p.hardship = hardship;
            p.groups = groups;
            if has_flag {
                p.flags.insert(flag.to_string());
            }
            p.hukou = hukou;
            p.in_care_home = care_home;
            p
        })
}

fn meal() -> impl Strategy<Value = Meal> {
    (
        0i64..(365 * 7),
        prop::sample::select(MealKind::ALL.to_vec()),
        prop::option::of(0i64..4000),
        any::<bool>(),
        prop::sample::select(Place::ALL.to_vec()),
    )
        .prop_map(|(offset, kind, price, delivery, place)| {
            let start = Date::new(2019, 6, 1).expect("date");
            Meal { date: start.add_days(offset).unwrap_or(start), kind, price: price.map(Fen), delivery, place }
        })
}

/// Hardship categories ordered by how hard a situation each is, as every shipped policy treats
/// them: "none" is lowest. (The categories themselves are not ranked against each other, since
/// policies legitimately list some and not others.)
fn harder_hardship(from: Hardship) -> Vec<Hardship> {
    if from == Hardship::None {
        Hardship::ALL.iter().copied().filter(|h| *h != Hardship::None).collect()
    } else {
        Vec::new()
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn a_hardship_category_never_lowers_the_subsidy(p in person(), m in meal()) {
        for policy in policies() {
            let base = assess(&policy, &p, &m, Calendar::builtin()).subsidy;
            for h in harder_hardship(p.hardship) {
                let harder = Person { hardship: h, ..p.clone() };
                let got = assess(&policy, &harder, &m, Calendar::builtin()).subsidy;
                prop_assert!(got >= base, "{}: {:?} → {:?} lowered {} → {}", policy.id, p.hardship, h, base, got);
            }
        }
    }

    #[test]
    fn more_care_need_never_lowers_the_subsidy(p in person(), m in meal()) {
        for policy in policies() {
            let mut prev = None;
            for &care in CareLevel::ALL {
                let got = assess(&policy, &Person { care_level: care, ..p.clone() }, &m, Calendar::builtin());
                if let Some(prev) = prev {
                    prop_assert!(got.subsidy >= prev, "{}: care {:?} lowered the subsidy", policy.id, care);
                }
                prev = Some(got.subsidy);
            }
        }
    }

    #[test]
    fn the_subsidy_never_exceeds_the_price(p in person(), m in meal()) {
        for policy in policies() {
            let a = assess(&policy, &p, &m, Calendar::builtin());
            if let Some(price) = a.price {
                prop_assert!(a.subsidy <= price, "{}: subsidy {} > price {}", policy.id, a.subsidy, price);
                prop_assert_eq!(a.pay, Some(price - a.subsidy));
            }
            prop_assert!(a.subsidy >= Fen::ZERO);
            if !a.eligible {
                prop_assert_eq!(a.subsidy, Fen::ZERO);
            }
        }
    }

    #[test]
    fn the_fast_path_gives_the_same_figures(p in person(), m in meal()) {
        for policy in policies() {
            let full = assess(&policy, &p, &m, Calendar::builtin());
            let fast = assess_figures(&policy, &p, &m, Calendar::builtin());
            prop_assert_eq!(
                (full.eligible, full.subsidy, full.pay, full.delivery_subsidy, &full.tier, &full.version, &full.parts),
                (fast.eligible, fast.subsidy, fast.pay, fast.delivery_subsidy, &fast.tier, &fast.version, &fast.parts),
                "{}", policy.id
            );
            prop_assert!(fast.steps.is_empty() && fast.hints.is_empty());
        }
    }

    /// Every shipped policy's tiers rise with age (60+, 70+, 80+, …): a birthday never takes
    /// money away. (Replaces a determinism check, which could not fail: the engine has no randomness.)
    #[test]
    fn growing_older_never_lowers_the_subsidy(p in person(), m in meal(), extra in 1u32..30) {
        let AgeInput::Years(age) = p.age else { return Ok(()) };
        let older = Person { age: AgeInput::Years(age + extra), ..p.clone() };
        for policy in policies() {
            let young = assess(&policy, &p, &m, Calendar::builtin());
            let old = assess(&policy, &older, &m, Calendar::builtin());
            prop_assert!(old.subsidy >= young.subsidy, "{}: {} → {} years lowered the subsidy ({:?} → {:?})",
                policy.id, age, age + extra, young.subsidy, old.subsidy);
        }
    }

    #[test]
    fn the_month_simulator_never_exceeds_a_cap(
        p in person(),
        weekdays in prop::array::uniform7(any::<bool>()),
        meals in prop::collection::vec(prop::sample::select(MealKind::ALL.to_vec()), 1..4),
        year in 2019i32..2027,
        month in 1u8..13,
    ) {
        let mut meals = meals;
        meals.sort();
        meals.dedup();
        let plan = MealPlan { weekdays, meals, price: None, delivery: false, place: Place::SameTown };
        for policy in policies() {
            let m = simulate_month(&policy, &Person { age: AgeInput::Years(85), ..p.clone() }, &plan, year, month, Calendar::builtin());
            let mut per_day: BTreeMap<Date, u32> = BTreeMap::new();
            let mut per_week: BTreeMap<Date, u32> = BTreeMap::new();
            for meal in m.meals.iter().filter(|x| !x.subsidy.is_zero()) {
                *per_day.entry(meal.date).or_default() += 1;
                *per_week.entry(meal.date.week_start()).or_default() += 1;
            }
            let total: Fen = m.meals.iter().map(|x| x.subsidy).sum();
            prop_assert_eq!(total, m.total_subsidy);
            prop_assert!(m.total_subsidy <= m.entitlement);
            for (date, n) in per_day {
                let version = policy.version_on(date).expect("a version paid it");
                if let Some((cap, _)) = &version.caps.per_day {
                    prop_assert!(n <= *cap.at(date).expect("cap"), "{}: {} meals on {}", policy.id, n, date);
                }
            }
            for (monday, n) in per_week {
                // Weeks partly outside the month count only this month's meals, so ≤ still must hold.
                if let Some(version) = policy.version_on(monday.add_days(6).unwrap_or(monday)) {
                    if let Some((cap, _)) = &version.caps.per_week {
                        prop_assert!(n <= *cap.at(monday).unwrap_or(&u32::MAX), "{}: {} meals in week of {}", policy.id, n, monday);
                    }
                }
            }
        }
    }
}
