//! Policy files as officials edit them: parse and validate, then use whatever parsed — run the
//! file's own worked cases, assess a few people, simulate a month. Never a panic or a hang; an
//! assessment repeats exactly; a month never pays more than the entitlement or past a daily cap.
#![no_main]

use std::collections::BTreeMap;

use libfuzzer_sys::fuzz_target;
use zhucan::core::calendar::Calendar;
use zhucan::core::date::Date;
use zhucan::core::money::Fen;
use zhucan::core::policy::sample::synthetic_roster;
use zhucan::core::policy::{assess, parse_policy, run_cases, simulate_month, Meal, MealPlan};

fuzz_target!(|data: &[u8]| {
    // The app reads policy files as UTF-8 text (bad bytes replaced, as in the UI).
    let text = String::from_utf8_lossy(data);
    let policy = match parse_policy(&text) {
        Ok(policy) => policy,
        Err(errors) => {
            assert!(!errors.is_empty(), "a refused policy names at least one error");
            return;
        }
    };
    let calendar = Calendar::builtin();
    let _ = run_cases(&policy, calendar);
    let Some(date) = Date::new(2025, 3, 4) else { return };
    let meal = Meal::lunch(date);
    for person in synthetic_roster(4, data.len() as u64) {
        let a = assess(&policy, &person, &meal, calendar);
        assert_eq!(a, assess(&policy, &person, &meal, calendar), "assessment repeats");
        let Some(version) = policy.version_on(date) else { continue };
        let plan = MealPlan::every_covered_meal(version, &meal);
        let m = simulate_month(&policy, &person, &plan, 2025, 3, calendar);
        let total: Fen = m.meals.iter().map(|x| x.subsidy).sum();
        assert_eq!(total, m.total_subsidy);
        assert!(m.total_subsidy <= m.entitlement);
        let mut per_day: BTreeMap<Date, u32> = BTreeMap::new();
        for meal in m.meals.iter().filter(|x| !x.subsidy.is_zero()) {
            *per_day.entry(meal.date).or_default() += 1;
        }
        for (day, n) in per_day {
            if let Some(cap) = policy.version_on(day).and_then(|v| v.caps.per_day.as_ref()).and_then(|(cap, _)| cap.at(day)) {
                assert!(n <= *cap, "{n} meals paid on {day}, cap {cap}");
            }
        }
    }
});
