//! The month simulator against months counted by hand on a calendar.

use zhucan::core::calendar::Calendar;
use zhucan::core::money::Fen;
use zhucan::core::policy::presets::load_preset;
use zhucan::core::policy::simulate::Limit;
use zhucan::core::policy::{simulate_month, MealKind, MealPlan, Person, Policy};

fn preset(id: &str) -> Policy {
    match load_preset(id) {
        Some(Ok(p)) => p,
        other => panic!("{id}: {other:?}"),
    }
}

fn every_day(meals: &[MealKind]) -> MealPlan {
    MealPlan { weekdays: [true; 7], meals: meals.to_vec(), ..MealPlan::weekday_lunches(None) }
}

#[test]
fn tianjin_weekly_cap_counts_the_week_begun_in_february() {
    // March 2025 starts on a Saturday. Lunch and dinner every day, at most 1 a day and 5 per natural
    // week (2022+ rules, in force in 2025 as the 2024 version):
    //   Mon 24 Feb – Sun 2 Mar: Feb 24–28 use the 5, so Sat 1 and Sun 2 March get nothing;
    //   3–9, 10–16, 17–23, 24–30 March: 5 each = 20;  Mon 31 March: 1.  Total 21 meals × 3 yuan = 63.
    let m = simulate_month(
        &preset("tianjin"),
        &Person::aged(85),
        &every_day(&[MealKind::Lunch, MealKind::Dinner]),
        2025,
        3,
        Calendar::builtin(),
    );
    assert_eq!(m.subsidised_meals, 21);
    assert_eq!(m.total_subsidy, Fen::yuan(63));
    let first = m.meals.iter().find(|x| x.date.to_string() == "2025-03-01").expect("1 March planned");
    assert_eq!(first.limited_by, Some(Limit::PerWeek));
    assert_eq!(first.subsidy, Fen::ZERO);
    // Lunch and dinner on the same day: the second hits the daily limit.
    let limited_by_day = m.meals.iter().filter(|x| x.limited_by == Some(Limit::PerDay)).count();
    assert!(limited_by_day > 0);
    // The plan already takes everything; nothing is left unused.
    assert_eq!(m.unused, Fen::ZERO);
}

#[test]
fn tianjin_no_carry_over_between_weeks() {
    // Lunch only on Monday and Tuesday: 2 per week; unused ones are not carried to the next week.
    // March 2025 Mondays and Tuesdays: 3,4,10,11,17,18,24,25,31 → 9 meals × 3 = 27 yuan.
    let plan = MealPlan { weekdays: [true, true, false, false, false, false, false], ..MealPlan::weekday_lunches(None) };
    let m = simulate_month(&preset("tianjin"), &Person::aged(85), &plan, 2025, 3, Calendar::builtin());
    assert_eq!(m.subsidised_meals, 9);
    assert_eq!(m.total_subsidy, Fen::yuan(27));
    // Entitlement: every meal every day from 1 March, after the same Monday and Tuesday lunches in
    // February (24, 25 use 2 of that week's 5): Sat 1 and Sun 2 March still get 2; then 4 weeks × 5
    // and Mon 31 → 23 meals × 3 = 69 yuan; 69 − 27 = 42 unused.
    assert_eq!(m.entitlement, Fen::yuan(69));
    assert_eq!(m.unused, Fen::yuan(42));
}

#[test]
fn shenzhen_working_day_lunches_around_national_day() {
    // October 2025: 1–8 off; working days 9, 10, Sat 11 (make-up), 13–17, 20–24, 27–31 = 18.
    // An 85-year-old registered resident: 5 yuan per working-day lunch → 90 yuan.
    let m = simulate_month(&preset("shenzhen-2025"), &Person::aged(85), &every_day(&[MealKind::Lunch]), 2025, 10, Calendar::builtin());
    assert_eq!(m.subsidised_meals, 18);
    assert_eq!(m.total_subsidy, Fen::yuan(90));
    // With a price, what the person pays is counted too: 18 × (15 − 5) + 13 days × 15 on days off.
    let priced = MealPlan { price: Some(Fen::yuan(15)), ..every_day(&[MealKind::Lunch]) };
    let m = simulate_month(&preset("shenzhen-2025"), &Person::aged(85), &priced, 2025, 10, Calendar::builtin());
    assert_eq!(m.total_pay, Fen::yuan(18 * 10 + 13 * 15));
}

#[test]
fn dandong_two_meals_a_day_additive() {
    // February 2025 has 28 days. A 70-year-old 低保 recipient eating three meals a day gets 2 of them
    // subsidised at (2 + 2) yuan: 28 × 2 × 4 = 224 yuan.
    let mut person = Person::aged(70);
    person.hardship = zhucan::core::policy::Hardship::Dibao;
    let m = simulate_month(&preset("dandong-2024"), &person, &every_day(MealKind::ALL), 2025, 2, Calendar::builtin());
    assert_eq!(m.subsidised_meals, 56);
    assert_eq!(m.total_subsidy, Fen::yuan(224));
}
