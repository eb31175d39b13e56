//! Cost arithmetic of scenarios, worked out by hand: a small district (everyone aged 85, local
//! hukou, no hardship), two policies (Tianjin, Guangzhou), two plans, 20 % uptake, lunch Monday to
//! Friday in 2025.

use zhucan::core::calendar::Calendar;
use zhucan::core::money::Fen;
use zhucan::core::policy::presets::load_preset;
use zhucan::core::policy::Policy;
use zhucan::core::scenario::{compare, cost_plan, group_costs, Assumptions, Shares};

fn preset(id: &str) -> Policy {
    load_preset(id).and_then(Result::ok).expect("preset")
}

fn all_85() -> Shares {
    Shares { age: [0.0, 0.0, 0.0, 1.0, 0.0], ..Shares::default() }
}

fn assumptions(price: Option<Fen>) -> Assumptions {
    Assumptions { uptake: 0.2, days_per_week: 5, price, year: 2025 }
}

// 2025 has 261 weekdays (52 weeks + Wednesday 1 January).
// Tianjin: 3 yuan a lunch, at most 1 a day and 5 a week, no working-day rule: 261 × 3 = 783 yuan.
// Guangzhou: 9 yuan for 80+ (city 3 + district 3 + town 3), no caps: 261 × 9 = 2,349 yuan.
// Plan A: one site covering 1,000 people, capacity 100 meals a day.
//   users 200; meals a day 200 × 5 / 7 = 142.857… > 100 → served share 100 / 142.857 = 0.7.
// Plan B: two sites covering 600 and 700, no capacity: users 120 + 140 = 260.
// District total: 2,000 older people.

#[test]
fn plan_a_and_b_under_tianjin() {
    let g = group_costs(&preset("tianjin"), &all_85(), &assumptions(None), Calendar::builtin());
    assert_eq!(g[0].subsidy_year, Fen::yuan(783));
    let a = cost_plan(&g, &[(1000.0, Some(100.0))], 2000.0, &assumptions(None));
    assert!((a.sites[0].served_share - 0.7).abs() < 1e-12);
    assert!((a.subsidy_year - 200.0 * 0.7 * 783.0).abs() < 1e-6, "{}", a.subsidy_year); // 109,620
    assert!((a.per_covered_person_year - 109.62).abs() < 1e-9);
    assert_eq!(a.uncovered, 1000.0);
    let b = cost_plan(&g, &[(600.0, None), (700.0, None)], 2000.0, &assumptions(None));
    assert!((b.subsidy_year - 260.0 * 783.0).abs() < 1e-6); // 203,580
    assert_eq!(b.uncovered, 700.0);
    assert_eq!(b.by_level_year, [0.0, 0.0, 0.0, b.subsidy_year], "Tianjin is not split by level");
}

#[test]
fn plan_b_under_guangzhou_split_by_level_and_the_change_from_tianjin() {
    let gz = group_costs(&preset("guangzhou-2020"), &all_85(), &assumptions(None), Calendar::builtin());
    assert_eq!(gz[0].subsidy_year, Fen::yuan(2349));
    let b = cost_plan(&gz, &[(600.0, None), (700.0, None)], 2000.0, &assumptions(None));
    assert!((b.subsidy_year - 610_740.0).abs() < 1e-6);
    for level in 0..3 {
        assert!((b.by_level_year[level] - 203_580.0).abs() < 1e-6, "level {level}: {}", b.by_level_year[level]);
    }
    let tj = group_costs(&preset("tianjin"), &all_85(), &assumptions(None), Calendar::builtin());
    let change = compare(&tj, &gz);
    assert_eq!(change[0].change(), Fen::yuan(2349 - 783)); // +1,566 yuan a year per user
    let a_tj = cost_plan(&tj, &[(1000.0, Some(100.0))], 2000.0, &assumptions(None));
    let a_gz = cost_plan(&gz, &[(1000.0, Some(100.0))], 2000.0, &assumptions(None));
    assert!((a_gz.subsidy_year - a_tj.subsidy_year - 200.0 * 0.7 * 1566.0).abs() < 1e-6);
}

#[test]
fn shenzhen_working_days_and_operator_subsidy() {
    // Shenzhen pays 5 yuan (70–99) on working-day lunches only, and 2 yuan per subsidised meal to
    // the canteen. 2025's holidays on weekdays: 1 Jan; 28–31 Jan, 3–4 Feb; 4 Apr; 1, 2, 5 May;
    // 2 Jun; 1–3, 6–8 Oct = 1 + 6 + 1 + 3 + 1 + 6 = 18, so 261 − 18 = 243 working-day lunches;
    // but the 2025 standard is in force from 20 January, so the 12 working days before it
    // (2–3, 6–10, 13–17 January) pay nothing: 231 lunches.
    // 231 × 5 = 1,155 yuan to the person, 231 × 2 = 462 yuan to the canteen.
    let g = group_costs(&preset("shenzhen-2025"), &all_85(), &assumptions(Some(Fen::yuan(15))), Calendar::builtin());
    assert_eq!(g[0].meals_year, 231);
    assert_eq!(g[0].subsidy_year, Fen::yuan(1155));
    assert_eq!(g[0].operator_year, Fen::yuan(462));
    let c = cost_plan(&g, &[(100.0, None)], 100.0, &assumptions(Some(Fen::yuan(15))));
    assert!((c.operator_year - 20.0 * 462.0).abs() < 1e-6);
    assert!((c.per_covered_person_year - 20.0 * (1155.0 + 462.0) / 100.0).abs() < 1e-9);
}
