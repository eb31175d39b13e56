//! The month simulator: apply a meal plan (which days, which meals) to a policy's caps and report
//! what a month brings, and what entitlement goes unused.
//!
//! Caps are applied in time order, as a canteen's card system would: a meal beyond the day's,
//! week's or month's limit gets nothing. Within a day the meals that give most are counted first.
//! A natural week (Monday–Sunday) that began in the previous month counts that month's meals too,
//! and unused meals are never carried over (Tianjin: "不累计入下一自然周").

use serde::Serialize;

use super::assess::assess_figures;
use super::model::{Policy, Version};
use super::person::{Meal, MealKind, Person, Place};
use crate::core::calendar::Calendar;
use crate::core::date::{days_in_month, Date, Weekday};
use crate::core::money::Fen;

/// When and what the person eats.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MealPlan {
    /// Days of the week the person eats at the canteen (Monday first).
    pub weekdays: [bool; 7],
    /// Meals eaten on those days.
    pub meals: Vec<MealKind>,
    /// Price per meal (`None`: the policy's reference price).
    pub price: Option<Fen>,
    /// Delivered to the home.
    pub delivery: bool,
    /// Where the meals are eaten.
    pub place: Place,
}

impl MealPlan {
    /// Every meal the version covers, every day, at this meal's price and place: the most one
    /// could claim.
    pub fn every_covered_meal(version: &Version, meal: &Meal) -> MealPlan {
        MealPlan { weekdays: [true; 7], meals: version.meals.0.clone(), price: meal.price, delivery: meal.delivery, place: meal.place }
    }

    /// Lunch on Monday to Friday.
    pub fn weekday_lunches(price: Option<Fen>) -> MealPlan {
        MealPlan {
            weekdays: [true, true, true, true, true, false, false],
            meals: vec![MealKind::Lunch],
            price,
            delivery: false,
            place: Place::SameTown,
        }
    }

    fn eats_on(&self, day: Weekday) -> bool {
        self.weekdays[day.index()]
    }
}

/// Why a planned meal got less than it would without caps.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Limit {
    /// The day's meal limit was reached.
    PerDay,
    /// The week's meal limit was reached.
    PerWeek,
    /// The month's meal limit was reached.
    PerMonth,
}

/// One planned meal in the month.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct SimulatedMeal {
    /// Date.
    pub date: Date,
    /// Meal.
    pub meal: MealKind,
    /// Subsidy received.
    pub subsidy: Fen,
    /// What the person pays (`None`: price unknown).
    pub pay: Option<Fen>,
    /// Subsidy it would have had without the caps.
    pub uncapped: Fen,
    /// The cap that stopped it, if any.
    pub limited_by: Option<Limit>,
}

/// A month under a plan.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct MonthResult {
    /// Year.
    pub year: i32,
    /// Month 1–12.
    pub month: u8,
    /// Each planned meal in the month, in order.
    pub meals: Vec<SimulatedMeal>,
    /// Total subsidy.
    pub total_subsidy: Fen,
    /// Total paid by the person (meals with a known price).
    pub total_pay: Fen,
    /// Meals that received a subsidy.
    pub subsidised_meals: u32,
    /// Most the person could receive this month, eating every covered meal every day.
    pub entitlement: Fen,
    /// Entitlement not used by this plan.
    pub unused: Fen,
    /// The plan's days of the week (Monday first).
    pub plan_days: [bool; 7],
    /// The plan's meals.
    pub plan_meals: Vec<MealKind>,
    /// The plan's price per meal (`None`: the policy's reference price, or unknown).
    pub plan_price: Option<Fen>,
}

struct Counters {
    week_start: Option<Date>,
    week: u32,
    month: u32,
}

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
    let result = run(policy, person, plan, plan, year, month, calendar);
    // The most this month could give, with the same meals as the plan before the 1st (a week begun
    // last month has already used part of its allowance either way).
    let everything = MealPlan { weekdays: [true; 7], meals: MealKind::ALL.to_vec(), ..plan.clone() };
    let entitlement = if plan.weekdays == everything.weekdays && plan.meals == everything.meals {
        result.total_subsidy
    } else {
        run(policy, person, plan, &everything, year, month, calendar).total_subsidy
    };
    MonthResult { entitlement, unused: entitlement.saturating_sub(result.total_subsidy), ..result }
}

/// Simulates the month under `plan`; days before the 1st (in a week that began last month) follow
/// `before`.
fn run(policy: &Policy, person: &Person, before: &MealPlan, plan: &MealPlan, year: i32, month: u8, calendar: &Calendar) -> MonthResult {
    let mut out = MonthResult {
        year,
        month,
        meals: Vec::new(),
        total_subsidy: Fen::ZERO,
        total_pay: Fen::ZERO,
        subsidised_meals: 0,
        entitlement: Fen::ZERO,
        unused: Fen::ZERO,
        plan_days: plan.weekdays,
        plan_meals: plan.meals.clone(),
        plan_price: plan.price,
    };
    let (Some(first), Some(last)) = (Date::new(year, month, 1), Date::new(year, month, days_in_month(year, month))) else {
        return out;
    };
    let mut counters = Counters { week_start: None, week: 0, month: 0 };
    // Start on the Monday of the first week, so a week begun last month is counted whole.
    let mut day = first.week_start();
    while day <= last {
        if counters.week_start != Some(day.week_start()) {
            counters.week_start = Some(day.week_start());
            counters.week = 0;
        }
        let in_month = day >= first;
        if in_month && day == first {
            counters.month = 0;
        }
        let today_plan = if in_month { plan } else { before };
        if today_plan.eats_on(day.weekday()) {
            let meals = day_meals(policy, person, today_plan, day, calendar, &mut counters);
            if in_month {
                for m in meals {
                    out.total_subsidy += m.subsidy;
                    out.total_pay += m.pay.unwrap_or(Fen::ZERO);
                    if !m.subsidy.is_zero() {
                        out.subsidised_meals += 1;
                    }
                    out.meals.push(m);
                }
            }
        }
        match day.add_days(1) {
            Some(next) => day = next,
            None => break,
        }
    }
    out
}

fn day_meals(
    policy: &Policy,
    person: &Person,
    plan: &MealPlan,
    day: Date,
    calendar: &Calendar,
    counters: &mut Counters,
) -> Vec<SimulatedMeal> {
    let Some(version) = policy.version_on(day) else {
        return plan
            .meals
            .iter()
            .map(|kind| SimulatedMeal {
                date: day,
                meal: *kind,
                subsidy: Fen::ZERO,
                pay: plan.price,
                uncapped: Fen::ZERO,
                limited_by: None,
            })
            .collect();
    };
    let cap = |c: &Option<(super::model::Dated<u32>, usize)>| c.as_ref().and_then(|(d, _)| d.at(day)).copied();
    let (per_day, per_week, per_month) = (cap(&version.caps.per_day), cap(&version.caps.per_week), cap(&version.caps.per_month));

    let assessed: Vec<(MealKind, Fen, Option<Fen>)> = plan
        .meals
        .iter()
        .map(|kind| {
            let meal = Meal { date: day, kind: *kind, price: plan.price, delivery: plan.delivery, place: plan.place };
            let a = assess_figures(policy, person, &meal, calendar);
            (*kind, a.subsidy, a.price)
        })
        .collect();
    // Count the meals that give most first.
    let mut order: Vec<usize> = (0..assessed.len()).collect();
    order.sort_by(|&i, &j| assessed[j].1.cmp(&assessed[i].1).then(assessed[i].0.cmp(&assessed[j].0)));
    let mut today = 0u32;
    let mut granted = vec![None; assessed.len()];
    for i in order {
        let uncapped = assessed[i].1;
        if uncapped.is_zero() {
            granted[i] = Some((Fen::ZERO, None));
            continue;
        }
        let limit = if per_day.is_some_and(|n| today >= n) {
            Some(Limit::PerDay)
        } else if per_week.is_some_and(|n| counters.week >= n) {
            Some(Limit::PerWeek)
        } else if per_month.is_some_and(|n| counters.month >= n) {
            Some(Limit::PerMonth)
        } else {
            None
        };
        if limit.is_none() {
            today += 1;
            counters.week += 1;
            counters.month += 1;
        }
        granted[i] = Some((if limit.is_some() { Fen::ZERO } else { uncapped }, limit));
    }
    let mut out: Vec<SimulatedMeal> = assessed
        .iter()
        .zip(granted)
        .map(|((kind, uncapped, price), g)| {
            let (subsidy, limited_by) = g.unwrap_or((Fen::ZERO, None));
            SimulatedMeal {
                date: day,
                meal: *kind,
                subsidy,
                pay: price.map(|p| p.saturating_sub(subsidy)),
                uncapped: *uncapped,
                limited_by,
            }
        })
        .collect();
    out.sort_by_key(|m| m.meal);
    out
}
