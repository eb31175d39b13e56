//! The month simulator: apply a meal plan (which days, which meals) to a policy's caps and report
//! what a month brings, and what entitlement goes unused.
//!
//! The caps are applied in time order by the month run of the engine's limits
//! (`policy/assess/limits.rs`: a natural week begun last month counts that month's meals; nothing
//! is carried over); this module adds the entitlement: what eating every meal every day would have
//! brought. It imports the engine; the engine never imports it.

pub use super::assess::limits::{Limit, MealPlan, MonthResult, SimulatedMeal};

use super::assess::limits::run_month;
use super::model::Policy;
use super::person::{MealKind, Person};
use crate::core::calendar::Calendar;

/// Applies `plan` to month `month` of `year`.
///
/// ```
/// use zhucan::core::calendar::Calendar;
/// use zhucan::core::policy::{parse_policy, simulate_month, MealPlan, Person};
/// let tianjin = parse_policy(include_str!("../../../static/policies/tianjin.toml")).unwrap();
/// let plan = MealPlan { weekdays: [true; 7], ..MealPlan::weekday_lunches(None) };
/// let m = simulate_month(&tianjin, &Person::aged(85), &plan, 2025, 3, Calendar::builtin());
/// // 2022+ rules: at most 5 subsidised meals per natural week.
/// assert!(m.subsidised_meals <= 5 * 5);
/// ```
pub fn simulate_month(policy: &Policy, person: &Person, plan: &MealPlan, year: i32, month: u8, calendar: &Calendar) -> MonthResult {
    let result = run_month(policy, person, plan, plan, year, month, calendar);
    // The most this month could give, with the same meals as the plan before the 1st (a week begun
    // last month has already used part of its allowance either way).
    let everything = MealPlan { weekdays: [true; 7], meals: MealKind::ALL.to_vec(), ..plan.clone() };
    let entitlement = if plan.weekdays == everything.weekdays && plan.meals == everything.meals {
        result.total_subsidy
    } else {
        run_month(policy, person, plan, &everything, year, month, calendar).total_subsidy
    };
    MonthResult { entitlement, unused: entitlement.saturating_sub(result.total_subsidy), ..result }
}
