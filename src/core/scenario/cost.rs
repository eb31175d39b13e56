//! The costing: what one user in each group receives in a year under a policy (the policy engine's
//! month simulator, never a second implementation of the rules), and what a plan of sites costs.

use serde::{Deserialize, Serialize};

use super::mix::{groups, Group, Shares};
use crate::core::calendar::Calendar;
use crate::core::date::{next_weekday, Date};
use crate::core::money::Fen;
use crate::core::policy::model::{FundingLevel, OperatorPer, Policy};
use crate::core::policy::simulate::{simulate_month, MealPlan};
use crate::core::policy::{assess_figures, Meal, MealKind, Place};

/// How people use the canteens.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Assumptions {
    /// Share of covered older people who eat at the canteen (default 22.1 %: the MCA survey share
    /// needing meal help).
    pub uptake: f64,
    /// Days a week a user eats there (lunch; Monday first).
    pub days_per_week: u32,
    /// Price of a meal (`None`: each policy's reference price).
    pub price: Option<Fen>,
    /// The year costed (holidays and policy versions of that year).
    pub year: i32,
}

impl Default for Assumptions {
    fn default() -> Self {
        Assumptions { uptake: 0.221, days_per_week: 5, price: None, year: 2025 }
    }
}

/// What one user in a group receives in a year.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct GroupCost {
    /// The group.
    pub group: Group,
    /// Subsidy per user per year.
    pub subsidy_year: Fen,
    /// Subsidised meals per user per year.
    pub meals_year: u32,
    /// Share of the subsidy paid by each funding level (city, district, town; other).
    pub by_level: [f64; 4],
    /// Operator subsidy per user per year.
    pub operator_year: Fen,
}

fn plan_for(a: &Assumptions) -> MealPlan {
    let mut weekdays = [false; 7];
    for d in weekdays.iter_mut().take(a.days_per_week.min(7) as usize) {
        *d = true;
    }
    MealPlan { weekdays, meals: vec![MealKind::Lunch], price: a.price, delivery: false, place: Place::SameTown }
}

/// Each group's yearly subsidy per user under `policy`.
pub fn group_costs(policy: &Policy, shares: &Shares, a: &Assumptions, calendar: &Calendar) -> Vec<GroupCost> {
    let plan = plan_for(a);
    groups(shares)
        .into_iter()
        .map(|g| {
            let person = g.person();
            let (mut subsidy, mut meals, mut planned) = (Fen::ZERO, 0u32, 0u32);
            for month in 1..=12u8 {
                let m = simulate_month(policy, &person, &plan, a.year, month, calendar);
                subsidy += m.total_subsidy;
                meals += m.subsidised_meals;
                planned += m.meals.len() as u32;
            }
            // Funding-level split and operator subsidy from a typical meal mid-year.
            let date = Date::new(a.year, 6, 15).unwrap_or(Date::MIN);
            let typical =
                assess_figures(policy, &person, &Meal { date: next_weekday(date), price: a.price, ..Meal::lunch(date) }, calendar);
            let mut by_level = [0.0; 4];
            let total: f64 = typical.parts.iter().map(|p| p.amount.0 as f64).sum();
            for p in &typical.parts {
                let slot = match p.level {
                    Some(FundingLevel::City) => 0,
                    Some(FundingLevel::District) => 1,
                    Some(FundingLevel::Town) => 2,
                    None => 3,
                };
                if total > 0.0 {
                    by_level[slot] += p.amount.0 as f64 / total;
                }
            }
            // Operator subsidies: per meal or per person-day (one lunch a day here), for subsidised
            // diners only or for all diners, as each rule says.
            let operator_year = policy
                .version_on(date)
                .map(|v| {
                    v.operator
                        .iter()
                        .filter(|o| matches!(o.per, OperatorPer::Meal | OperatorPer::PersonDay))
                        .filter_map(|o| o.amount.at(date).map(|amt| amt.times(if o.subsidised_diners_only { meals } else { planned })))
                        .sum::<Fen>()
                })
                .unwrap_or(Fen::ZERO);
            GroupCost { group: g, subsidy_year: subsidy, meals_year: meals, by_level, operator_year }
        })
        .collect()
}

/// What a site costs in a year.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SiteCost {
    /// Older people the site newly covers.
    pub covered: f64,
    /// Users (covered × uptake).
    pub users: f64,
    /// Expected meals per day, before the capacity cap.
    pub meals_per_day: f64,
    /// Capacity (meals per day), if known.
    pub capacity: Option<f64>,
    /// Share of users the capacity allows (1 when it is enough).
    pub served_share: f64,
    /// Meal subsidies per year, yuan.
    pub subsidy_year: f64,
    /// Operator subsidies per year, yuan.
    pub operator_year: f64,
}

/// A plan's cost under a policy.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PlanCost {
    /// Per site, in the plan's order.
    pub sites: Vec<SiteCost>,
    /// Meal subsidies per year, yuan.
    pub subsidy_year: f64,
    /// Split by funding level: city, district, town, not split.
    pub by_level_year: [f64; 4],
    /// Operator subsidies per year, yuan.
    pub operator_year: f64,
    /// (Meal + operator) subsidies per covered older person per year, yuan.
    pub per_covered_person_year: f64,
    /// Older people covered.
    pub covered: f64,
    /// Older people not covered.
    pub uncovered: f64,
    /// Each group's yearly subsidy per user.
    pub groups: Vec<GroupCost>,
}

impl PlanCost {
    /// Meals served a day across the plan, after the capacity caps.
    pub fn served_meals(&self) -> f64 {
        self.sites.iter().map(|s| s.meals_per_day * s.served_share).sum()
    }
}

/// A yearly amount per user, in yuan, averaged over the groups by their shares.
fn per_user(groups: &[GroupCost], amount: impl Fn(&GroupCost) -> Fen) -> f64 {
    let share_sum: f64 = groups.iter().map(|g| g.group.share).sum::<f64>().max(1e-12);
    groups.iter().map(|g| g.group.share * amount(g).0 as f64 / 100.0).sum::<f64>() / share_sum
}

/// Meal subsidies a year against coverage, for k = 1, 2, …: `covered[k-1]` is what the best k
/// sites cover (with existing canteens), `existing` what existing canteens cover alone, `total`
/// everyone. Returns (k, covered share, yuan a year for the newly covered). Capacity is not
/// applied here.
pub fn cost_curve(groups: &[GroupCost], covered: &[f64], existing: f64, total: f64, uptake: f64) -> Vec<(usize, f64, f64)> {
    if total <= 0.0 {
        return Vec::new();
    }
    let subsidy = per_user(groups, |g| g.subsidy_year);
    covered.iter().enumerate().map(|(i, c)| (i + 1, c / total, (c - existing).max(0.0) * uptake * subsidy)).collect()
}

/// Costs a plan: `sites` gives, for each chosen site, the older people it newly covers and its
/// capacity; `total` is the whole older population.
pub fn cost_plan(groups: &[GroupCost], sites: &[(f64, Option<f64>)], total: f64, a: &Assumptions) -> PlanCost {
    let subsidy_per_user = per_user(groups, |g| g.subsidy_year);
    let operator_per_user = per_user(groups, |g| g.operator_year);
    let mut level_share = [0.0; 4];
    let subsidy_weight: f64 = groups.iter().map(|g| g.group.share * g.subsidy_year.0 as f64).sum();
    if subsidy_weight > 0.0 {
        for g in groups {
            for (k, s) in g.by_level.iter().enumerate() {
                level_share[k] += g.group.share * g.subsidy_year.0 as f64 * s / subsidy_weight;
            }
        }
    }
    let mut out = PlanCost {
        sites: Vec::new(),
        subsidy_year: 0.0,
        by_level_year: [0.0; 4],
        operator_year: 0.0,
        per_covered_person_year: 0.0,
        covered: 0.0,
        uncovered: 0.0,
        groups: groups.to_vec(),
    };
    for &(covered, capacity) in sites {
        let users = covered * a.uptake;
        let meals_per_day = users * f64::from(a.days_per_week.min(7)) / 7.0;
        let served_share = match capacity {
            Some(c) if c > 0.0 && meals_per_day > c => c / meals_per_day,
            _ => 1.0,
        };
        let subsidy_year = users * served_share * subsidy_per_user;
        let operator_year = users * served_share * operator_per_user;
        out.subsidy_year += subsidy_year;
        out.operator_year += operator_year;
        out.covered += covered;
        out.sites.push(SiteCost { covered, users, meals_per_day, capacity, served_share, subsidy_year, operator_year });
    }
    for (year, share) in out.by_level_year.iter_mut().zip(level_share) {
        *year = out.subsidy_year * share;
    }
    out.uncovered = (total - out.covered).max(0.0);
    out.per_covered_person_year = if out.covered > 0.0 { (out.subsidy_year + out.operator_year) / out.covered } else { 0.0 };
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::policy::presets::load_preset;

    fn preset(id: &str) -> Policy {
        load_preset(id).and_then(Result::ok).expect("preset")
    }

    #[test]
    fn a_year_of_tianjin_lunches_by_hand() {
        // Tianjin 2024 rules in 2025: 3 yuan a meal, 1 a day, 5 a week. An 85-year-old eating
        // Monday–Friday lunch: every working-day lunch… but holidays are not excluded by Tianjin
        // (no working-days rule), so every Monday–Friday of 2025 counts: 2025 has 261 weekdays.
        let shares = Shares { age: [0.0, 0.0, 0.0, 1.0, 0.0], ..Shares::default() };
        let a = Assumptions { uptake: 1.0, days_per_week: 5, price: None, year: 2025 };
        let g = group_costs(&preset("tianjin"), &shares, &a, Calendar::builtin());
        assert_eq!(g.len(), 1);
        assert_eq!(g[0].meals_year, 261);
        assert_eq!(g[0].subsidy_year, Fen::yuan(3 * 261));
    }

    #[test]
    fn the_cost_curve_prices_the_newly_covered_by_hand() {
        // All 85-year-olds under Tianjin: 783 yuan a year each (above). 20 % come. Existing
        // canteens cover 100 of 1,000; the best 1 and 2 sites reach 400 and 600.
        let shares = Shares { age: [0.0, 0.0, 0.0, 1.0, 0.0], ..Shares::default() };
        let a = Assumptions { uptake: 0.2, days_per_week: 5, price: None, year: 2025 };
        let g = group_costs(&preset("tianjin"), &shares, &a, Calendar::builtin());
        let curve = cost_curve(&g, &[400.0, 600.0], 100.0, 1000.0, 0.2);
        // k = 1: 300 newly covered × 0.2 × 783 = 46,980; k = 2: 500 × 0.2 × 783 = 78,300.
        assert_eq!(curve.len(), 2);
        assert_eq!((curve[0].0, curve[1].0), (1, 2));
        assert!((curve[0].1 - 0.4).abs() < 1e-12 && (curve[1].1 - 0.6).abs() < 1e-12);
        assert!((curve[0].2 - 46_980.0).abs() < 1e-6, "{}", curve[0].2);
        assert!((curve[1].2 - 78_300.0).abs() < 1e-6, "{}", curve[1].2);
        assert!(cost_curve(&g, &[400.0], 100.0, 0.0, 0.2).is_empty());
    }

    #[test]
    fn meals_served_after_the_capacity_caps_by_hand() {
        // Everyone under Tianjin (783 yuan a year). 20 % come, 7 days a week, so meals a day equal
        // users. Site 1: 1,000 covered → 200 users, 200 meals a day, capacity 150 → 150 served.
        // Site 2: 500 covered → 100 users, capacity 300 is enough → 100 served. 150 + 100 = 250.
        let shares = Shares { age: [0.0, 0.0, 0.0, 1.0, 0.0], ..Shares::default() };
        let a = Assumptions { uptake: 0.2, days_per_week: 7, price: None, year: 2025 };
        let g = group_costs(&preset("tianjin"), &shares, &a, Calendar::builtin());
        let c = cost_plan(&g, &[(1000.0, Some(150.0)), (500.0, Some(300.0))], 2000.0, &a);
        assert!((c.sites[0].served_share - 0.75).abs() < 1e-12);
        assert!((c.served_meals() - 250.0).abs() < 1e-9, "{}", c.served_meals());
    }
}
