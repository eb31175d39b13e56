//! The day, week and month limits: a version's caps (meals per day, per natural week, per month)
//! as they stand on a day, and what they allow over days, weeks and a month.
//!
//! Caps are applied in time order, as a canteen's card system would: a meal beyond the day's,
//! week's or month's limit gets nothing. A money cap ("每人每月最多150元") gives the meal that
//! crosses it only what is left, and the meals after it nothing; each such cut is recorded as a
//! [`MoneyCapStep`] for the explanation. Within a day the meals that give most are counted first.
//! A natural week (Monday–Sunday) that began in the previous month counts that month's meals too,
//! and unused meals are never carried over (Tianjin: "不累计入下一自然周").
//!
//! Each meal is valued by the one-meal engine ([`super::assess_figures`]). [`run_month`] takes a
//! [`MealPlan`] through a month; the engine's [`Limits`] use it with every covered meal, and the
//! month simulator ([`crate::core::policy::simulate`]) with the person's own plan.

use serde::Serialize;

use super::assess_figures;
use crate::core::calendar::Calendar;
use crate::core::date::{days_in_month, next_weekday, Date, Weekday};
use crate::core::money::Fen;
use crate::core::policy::model::{ClauseRef, Dated, Policy, Version};
use crate::core::policy::person::{Meal, MealKind, Person, Place};
use crate::core::sort::sort_by;

/// How many meals and how much money the person can get in a day, week and month.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Limits {
    /// Meals covered.
    pub meals: Vec<MealKind>,
    /// Working days only.
    pub workdays_only: bool,
    /// Meals per day.
    pub per_day: Option<u32>,
    /// Meals per natural week.
    pub per_week: Option<u32>,
    /// Meals per month.
    pub per_month: Option<u32>,
    /// Subsidy money per natural week.
    pub money_per_week: Option<Fen>,
    /// Subsidy money per month.
    pub money_per_month: Option<Fen>,
    /// Most subsidy in one day (eating every covered meal at this price).
    pub max_day: Fen,
    /// Most subsidy in one full natural week.
    pub max_week: Fen,
    /// Most subsidy in the meal's month, with the caps and (if so) working days applied.
    pub max_month: Fen,
}

/// The limits of `version` for `person`, valued at `meal`'s price and place.
pub(super) fn limits(policy: &Policy, version: &Version, person: &Person, meal: &Meal, calendar: &Calendar) -> Limits {
    let on = meal.date;
    let meals = version.meals.0.clone();
    let CapsOn { per_day, per_week, per_month } = caps_on(version, on);

    // A day with every covered meal, ignoring the working-day rule: the most one day can give.
    let mut day_amounts: Vec<Fen> = meals
        .iter()
        .map(|kind| {
            let m = Meal { kind: *kind, ..meal.clone() };
            // Valued on a working day when the policy pays on working days only.
            let m = if version.workdays_only.is_some() { Meal { date: next_weekday(m.date), ..m } } else { m };
            assess_figures(policy, person, &m, &Calendar::weekdays_only()).subsidy
        })
        .collect();
    sort_by(&mut day_amounts, |x, y| y.cmp(x));
    let money = money_caps_on(version, on);
    // No day or week gives more than a week's or a month's money cap.
    let within_money = |f: Fen| money.smallest().map_or(f, |(cap, _, _)| f.min(cap));
    let per_day_n = per_day.map_or(day_amounts.len(), |n| n as usize);
    let max_day: Fen = within_money(day_amounts.iter().take(per_day_n).copied().sum());
    let days_in_week: u32 = if version.workdays_only.is_some() { 5 } else { 7 };
    let week_meals = days_in_week as usize * per_day_n.min(day_amounts.len());
    let week_n = per_week.map_or(week_meals, |n| (n as usize).min(week_meals));
    // The best meals of each day first.
    let mut week: Vec<Fen> = (0..days_in_week).flat_map(|_| day_amounts.iter().take(per_day_n).copied()).collect();
    sort_by(&mut week, |x, y| y.cmp(x));
    let max_week: Fen = within_money(week.iter().take(week_n).copied().sum());

    // Every covered meal every day, through the meal's month (the caps applied in time order).
    let plan = MealPlan::every_covered_meal(version, meal);
    let month = run_month(policy, person, &plan, &plan, on.year(), on.month(), calendar);
    Limits {
        meals,
        workdays_only: version.workdays_only.is_some(),
        per_day,
        per_week,
        per_month,
        money_per_week: money.week.map(|(f, _)| f),
        money_per_month: money.month.map(|(f, _)| f),
        max_day,
        max_week,
        max_month: month.total_subsidy,
    }
}

/// The money caps of a version in force on one day, with their clauses.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct MoneyCapsOn {
    /// Per natural week.
    pub(crate) week: Option<(Fen, ClauseRef)>,
    /// Per month.
    pub(crate) month: Option<(Fen, ClauseRef)>,
}

impl MoneyCapsOn {
    /// The smaller of the two caps (the week's when equal), with which it is and its clause.
    pub(crate) fn smallest(&self) -> Option<(Fen, Limit, ClauseRef)> {
        let week = self.week.map(|(f, c)| (f, Limit::MoneyPerWeek, c));
        let month = self.month.map(|(f, c)| (f, Limit::MoneyPerMonth, c));
        match (week, month) {
            (Some(w), Some(m)) => Some(if m.0 < w.0 { m } else { w }),
            (w, m) => w.or(m),
        }
    }
}

/// The money caps of `version` in force on `day`.
pub(crate) fn money_caps_on(version: &Version, day: Date) -> MoneyCapsOn {
    let cap = |c: &Option<(Dated<Fen>, ClauseRef)>| c.as_ref().and_then(|(d, clause)| d.at(day).map(|f| (*f, *clause)));
    MoneyCapsOn { week: cap(&version.caps.money_per_week), month: cap(&version.caps.money_per_month) }
}

/// The caps of a version as they stand on one day (`None`: no cap).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct CapsOn {
    per_day: Option<u32>,
    per_week: Option<u32>,
    per_month: Option<u32>,
}

/// The meals-per-day, per-natural-week and per-month caps of `version` in force on `day`.
fn caps_on(version: &Version, day: Date) -> CapsOn {
    let cap = |c: &Option<(Dated<u32>, ClauseRef)>| c.as_ref().and_then(|(d, _)| d.at(day)).copied();
    CapsOn { per_day: cap(&version.caps.per_day), per_week: cap(&version.caps.per_week), per_month: cap(&version.caps.per_month) }
}

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
    /// The week's money cap was reached (the meal got what was left, or nothing).
    MoneyPerWeek,
    /// The month's money cap was reached (the meal got what was left, or nothing).
    MoneyPerMonth,
}

/// A money cap cutting the month's meals, for the explanation: the first meal of a week or month
/// that the cap cut (it gets what is left of the cap, perhaps nothing), and how many planned meals
/// after it in the same week or month get nothing.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct MoneyCapStep {
    /// Which cap: [`Limit::MoneyPerWeek`] or [`Limit::MoneyPerMonth`].
    pub limit: Limit,
    /// The cap.
    pub cap: Fen,
    /// The clause that sets it.
    pub clause: ClauseRef,
    /// The first day of the week (its Monday) or of the month the cap counts.
    pub period_start: Date,
    /// The meal that crossed the cap.
    pub date: Date,
    /// Which meal.
    pub meal: MealKind,
    /// Subsidy already received in that week or month before this meal.
    pub used_before: Fen,
    /// What the meal would have had without the cap.
    pub uncapped: Fen,
    /// What it got: what was left of the cap.
    pub granted: Fen,
    /// Planned meals after it in the same week or month that got nothing because of the cap.
    pub nothing_after: u32,
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
    /// Where a money cap cut the month's meals, in time order.
    pub money_caps: Vec<MoneyCapStep>,
}

struct Counters {
    week_start: Option<Date>,
    week: u32,
    month: u32,
    /// Subsidy money received this week and this month.
    week_money: Fen,
    month_money: Fen,
}

/// Runs `plan` through month `month` of `year`, the caps applied in time order; days before the
/// 1st (in a week that began last month) follow `before`. `entitlement` and `unused` are left at
/// zero (the month simulator fills them in).
pub(crate) fn run_month(
    policy: &Policy,
    person: &Person,
    before: &MealPlan,
    plan: &MealPlan,
    year: i32,
    month: u8,
    calendar: &Calendar,
) -> MonthResult {
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
        money_caps: Vec::new(),
    };
    let (Some(first), Some(last)) = (Date::new(year, month, 1), Date::new(year, month, days_in_month(year, month))) else {
        return out;
    };
    let mut counters = Counters { week_start: None, week: 0, month: 0, week_money: Fen::ZERO, month_money: Fen::ZERO };
    // Start on the Monday of the first week, so a week begun last month is counted whole.
    let mut day = first.week_start();
    while day <= last {
        if counters.week_start != Some(day.week_start()) {
            counters.week_start = Some(day.week_start());
            counters.week = 0;
            counters.week_money = Fen::ZERO;
        }
        let in_month = day >= first;
        if in_month && day == first {
            counters.month = 0;
            counters.month_money = Fen::ZERO;
        }
        let today_plan = if in_month { plan } else { before };
        if today_plan.eats_on(day.weekday()) {
            let steps = if in_month { Some(&mut out.money_caps) } else { None };
            let meals = day_meals(policy, person, today_plan, day, calendar, &mut counters, steps);
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
    mut steps: Option<&mut Vec<MoneyCapStep>>,
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
    let CapsOn { per_day, per_week, per_month } = caps_on(version, day);
    let money = money_caps_on(version, day);

    // Each meal: its subsidy, its price, and the delivery fee the person pays.
    let assessed: Vec<(MealKind, Fen, Option<Fen>, Fen)> = plan
        .meals
        .iter()
        .map(|kind| {
            let meal = Meal { date: day, kind: *kind, price: plan.price, delivery: plan.delivery, place: plan.place };
            let a = assess_figures(policy, person, &meal, calendar);
            (*kind, a.subsidy, a.price, a.delivery_fee)
        })
        .collect();
    // Count the meals that give most first.
    let mut order: Vec<usize> = (0..assessed.len()).collect();
    sort_by(&mut order, |&i, &j| assessed[j].1.cmp(&assessed[i].1).then(assessed[i].0.cmp(&assessed[j].0)));
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
        if limit.is_some() {
            granted[i] = Some((Fen::ZERO, limit));
            continue;
        }
        // Money caps: what is left of the week's and the month's (the smaller decides).
        let left_week = money.week.map(|(cap, clause)| (cap.saturating_sub(counters.week_money), Limit::MoneyPerWeek, cap, clause));
        let left_month = money.month.map(|(cap, clause)| (cap.saturating_sub(counters.month_money), Limit::MoneyPerMonth, cap, clause));
        let tightest = match (left_week, left_month) {
            (Some(w), Some(m)) => Some(if m.0 < w.0 { m } else { w }),
            (w, m) => w.or(m),
        };
        let (subsidy, by) = match tightest {
            Some((left, which, cap, clause)) if left < uncapped => {
                if let Some(steps) = steps.as_deref_mut() {
                    let (used_before, period_start) = match which {
                        Limit::MoneyPerWeek => (counters.week_money, day.week_start()),
                        _ => (counters.month_money, Date::new(day.year(), day.month(), 1).unwrap_or(day)),
                    };
                    match steps.iter_mut().rev().find(|s| s.limit == which && s.period_start == period_start) {
                        Some(step) => step.nothing_after += 1,
                        None => steps.push(MoneyCapStep {
                            limit: which,
                            cap,
                            clause,
                            period_start,
                            date: day,
                            meal: assessed[i].0,
                            used_before,
                            uncapped,
                            granted: left,
                            nothing_after: 0,
                        }),
                    }
                }
                (left, Some(which))
            }
            _ => (uncapped, None),
        };
        if !subsidy.is_zero() {
            today += 1;
            counters.week += 1;
            counters.month += 1;
            counters.week_money += subsidy;
            counters.month_money += subsidy;
        }
        granted[i] = Some((subsidy, by));
    }
    let mut out: Vec<SimulatedMeal> = assessed
        .iter()
        .zip(granted)
        .map(|((kind, uncapped, price, fee), g)| {
            let (subsidy, limited_by) = g.unwrap_or((Fen::ZERO, None));
            SimulatedMeal {
                date: day,
                meal: *kind,
                subsidy,
                pay: price.map(|p| p.saturating_sub(subsidy) + *fee),
                uncapped: *uncapped,
                limited_by,
            }
        })
        .collect();
    sort_by(&mut out, |a, b| a.meal.cmp(&b.meal));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::policy::assess::assess;
    use crate::core::policy::presets::load_preset;

    fn preset(id: &str) -> Policy {
        load_preset(id).and_then(Result::ok).expect("preset")
    }

    fn d(s: &str) -> Date {
        s.parse().expect("date")
    }

    #[test]
    fn tianjin_caps_one_meal_a_day_and_five_a_week() {
        // tianjin, version 2024 (from 2024-05-17): lunch and dinner, `per_day = 1`, `per_week = 5`,
        // 3 yuan a meal from 80 ("age-80"). A day: 1 × 3 = 3 yuan; a week: 5 × 3 = 15. March 2025
        // begins on a Saturday and the week of Monday 24 February has used its 5 by Friday 28, so
        // 1–2 March get nothing; 3–9, 10–16, 17–23, 24–30 March give 5 each and Monday 31 one:
        // 21 meals × 3 = 63 yuan.
        let tianjin = preset("tianjin");
        let version = tianjin.version_on(d("2025-03-04")).expect("in force");
        assert_eq!(caps_on(version, d("2025-03-04")), CapsOn { per_day: Some(1), per_week: Some(5), per_month: None });
        let a = assess(&tianjin, &Person::aged(85), &Meal::lunch(d("2025-03-04")), Calendar::builtin());
        let expected = Limits {
            meals: vec![MealKind::Lunch, MealKind::Dinner],
            workdays_only: false,
            per_day: Some(1),
            per_week: Some(5),
            per_month: None,
            money_per_week: None,
            money_per_month: None,
            max_day: Fen::yuan(3),
            max_week: Fen::yuan(15),
            max_month: Fen::yuan(63),
        };
        assert_eq!(a.limits, expected);
    }

    #[test]
    fn shenzhen_working_day_lunches_are_valued_on_a_weekday() {
        // shenzhen-2025: working-day lunches only, no caps, 5 yuan from 70 at a 15-yuan meal. Asked on
        // Saturday 8 March 2025 (no subsidy that day), a day is still worth 5 yuan (valued on
        // Monday 10 March), a week 5 × 5 = 25, and March 2025 has 21 working days (3–7, 10–14,
        // 17–21, 24–28 and 31; no holiday): 21 × 5 = 105 yuan.
        let shenzhen = preset("shenzhen-2025");
        let meal = Meal { price: Some(Fen::yuan(15)), ..Meal::lunch(d("2025-03-08")) };
        let a = assess(&shenzhen, &Person::aged(85), &meal, Calendar::builtin());
        assert_eq!(a.subsidy, Fen::ZERO);
        assert_eq!((a.limits.workdays_only, a.limits.per_day, a.limits.per_week), (true, None, None));
        assert_eq!((a.limits.max_day, a.limits.max_week, a.limits.max_month), (Fen::yuan(5), Fen::yuan(25), Fen::yuan(105)));
    }
}

#[cfg(test)]
mod money_cap_tests {
    use super::*;
    use crate::core::policy::assess::assess;
    use crate::core::policy::load::parse_policy;
    use crate::core::policy::words::money_cap_lines;
    use crate::core::Locale;

    fn d(s: &str) -> Date {
        s.parse().expect("date")
    }

    /// A lunch-only policy: 5 yuan a meal for everyone, a 12-yuan standard meal, and `caps`.
    fn policy(caps: &str) -> Policy {
        let text = format!(
            r#"
[policy]
id = "cap-test"
name = "上限测试"
region = "测试"
[[source]]
id = "s"
title = "测试文件"
number = "测1号"
[[clause]]
id = "amount"
source = "s"
text = "每餐补贴5元，标准餐价12元。"
[[clause]]
id = "cap"
source = "s"
text = "每人每月最多150元。"
[[version]]
id = "v"
label = "测试"
from = 2025-01-01
meals = ["lunch"]
meals_clause = "amount"
reference_price = 12
reference_price_clause = "amount"
caps = {caps}
  [[version.component]]
  id = "c"
  name = "补贴"
    [[version.component.tier]]
    id = "all"
    name = "所有人"
    subsidy = 5
    clause = "amount"
"#
        );
        parse_policy(&text).unwrap_or_else(|e| panic!("{e:?}"))
    }

    fn every_day_lunch() -> MealPlan {
        MealPlan { weekdays: [true; 7], ..MealPlan::weekday_lunches(None) }
    }

    #[test]
    fn a_month_cap_of_150_stops_the_31st_lunch() {
        // "每人每月最多150元", 12-yuan lunches with 5 yuan each, every day of March 2025 (31 days):
        // lunches 1–30 get 5 = 150 yuan, and lunch 31 (31 March) gets 150 − 150 = 0.
        // Paid: 30 × (12 − 5) + 12 = 222.
        let p = policy(r#"{ money_per_month = 150, clause = "cap" }"#);
        let m = run_month(&p, &Person::aged(70), &every_day_lunch(), &every_day_lunch(), 2025, 3, Calendar::builtin());
        assert_eq!((m.total_subsidy, m.subsidised_meals, m.total_pay), (Fen::yuan(150), 30, Fen::yuan(222)));
        let last = m.meals.last().expect("31 lunches");
        assert_eq!(
            (last.date, last.subsidy, last.uncapped, last.limited_by),
            (d("2025-03-31"), Fen::ZERO, Fen::yuan(5), Some(Limit::MoneyPerMonth))
        );
        assert_eq!(m.money_caps.len(), 1);
        let step = &m.money_caps[0];
        assert_eq!((step.date, step.used_before, step.granted, step.nothing_after), (d("2025-03-31"), Fen::yuan(150), Fen::ZERO, 0));
        let lines = money_cap_lines(&m.money_caps, Locale::ZhCn);
        assert_eq!(lines[0].0, "2025年3月31日午餐：政策每月最多补贴150元，之前已补贴150元，已经补满，这一餐没有补贴（原本5元）");
        let cap = p.clauses.iter().position(|c| c.id == "cap").expect("clause");
        assert_eq!(lines[0].1, cap);
    }

    #[test]
    fn a_month_cap_of_152_gives_the_31st_lunch_what_is_left() {
        // The same month with a 152-yuan cap: lunch 31 gets 152 − 150 = 2 (the partial last
        // payment). Total 152; paid 30 × 7 + (12 − 2) = 220.
        let p = policy(r#"{ money_per_month = 152, money_per_month_clause = "cap" }"#);
        let m = run_month(&p, &Person::aged(70), &every_day_lunch(), &every_day_lunch(), 2025, 3, Calendar::builtin());
        assert_eq!((m.total_subsidy, m.subsidised_meals, m.total_pay), (Fen::yuan(152), 31, Fen::yuan(220)));
        let last = m.meals.last().expect("31 lunches");
        assert_eq!((last.subsidy, last.pay, last.limited_by), (Fen::yuan(2), Some(Fen::yuan(10)), Some(Limit::MoneyPerMonth)));
        let lines = money_cap_lines(&m.money_caps, Locale::ZhCn);
        assert_eq!(lines.len(), 1);
        assert_eq!(lines[0].0, "2025年3月31日午餐：政策每月最多补贴152元，之前已补贴150元，这一餐只补剩下的2元（原本5元）");
        let en = money_cap_lines(&m.money_caps, Locale::En);
        assert_eq!(
            en[0].0,
            "31 March 2025, lunch: the policy pays at most ¥152 a month; ¥150 was already paid, so this meal gets only the ¥2 left (instead of ¥5)"
        );
    }

    #[test]
    fn lunch_and_dinner_the_crossing_meal_is_partial_and_the_rest_of_the_month_gets_nothing() {
        // Lunch and dinner every day at 5 yuan, cap 152: days 1–15 give 30 meals = 150; 16 March
        // lunch (lunch is counted before dinner on an equal amount) gets 2; 16 March dinner and
        // both meals of 17–31 March (15 days) get nothing: 1 + 30 = 31 meals after it.
        let mut p = policy(r#"{ money_per_month = 152, clause = "cap" }"#);
        p.versions[0].meals.0 = vec![MealKind::Lunch, MealKind::Dinner];
        let plan = MealPlan { meals: vec![MealKind::Lunch, MealKind::Dinner], ..every_day_lunch() };
        let m = run_month(&p, &Person::aged(70), &plan, &plan, 2025, 3, Calendar::builtin());
        assert_eq!((m.total_subsidy, m.subsidised_meals), (Fen::yuan(152), 31));
        let step = &m.money_caps[0];
        assert_eq!((step.date, step.meal, step.granted, step.nothing_after), (d("2025-03-16"), MealKind::Lunch, Fen::yuan(2), 31));
        let chinese = money_cap_lines(&m.money_caps, Locale::ZhCn);
        assert_eq!(
            chinese[0].0,
            "2025年3月16日午餐：政策每月最多补贴152元，之前已补贴150元，这一餐只补剩下的2元（原本5元）；这个月之后的31餐也没有补贴"
        );
    }

    #[test]
    fn a_week_cap_gives_each_week_s_third_lunch_the_remainder() {
        // "每人每周最多12元", weekday lunches at 5 yuan: Monday 5, Tuesday 5, Wednesday 12 − 10 = 2,
        // Thursday and Friday nothing. March 2025 starts on a Saturday: the week of 3, 10, 17 and
        // 24 March each give 12; Monday 31 March 5. Total 4 × 12 + 5 = 53, from 4 × 3 + 1 = 13 meals.
        let p = policy(r#"{ money_per_week = 12, clause = "cap" }"#);
        let plan = MealPlan::weekday_lunches(None);
        let m = run_month(&p, &Person::aged(70), &plan, &plan, 2025, 3, Calendar::builtin());
        assert_eq!((m.total_subsidy, m.subsidised_meals), (Fen::yuan(53), 13));
        let cut: Vec<(Date, Date, Fen, u32)> = m.money_caps.iter().map(|s| (s.period_start, s.date, s.granted, s.nothing_after)).collect();
        assert_eq!(
            cut,
            vec![
                (d("2025-03-03"), d("2025-03-05"), Fen::yuan(2), 2),
                (d("2025-03-10"), d("2025-03-12"), Fen::yuan(2), 2),
                (d("2025-03-17"), d("2025-03-19"), Fen::yuan(2), 2),
                (d("2025-03-24"), d("2025-03-26"), Fen::yuan(2), 2),
            ]
        );
        let chinese = money_cap_lines(&m.money_caps, Locale::ZhCn);
        assert_eq!(chinese[0].0, "2025年3月5日午餐：政策2025年3月3日起的这一周最多补贴12元，之前已补贴10元，这一餐只补剩下的2元（原本5元）；这一周之后的2餐也没有补贴");
        // The limits (every lunch, every day): a day 5, a week 12 (not 7 × 5 = 35); in March the
        // week of Monday 24 February has used its 12 by Wednesday 26 (5 + 5 + 2), so Saturday 1 and
        // Sunday 2 March get nothing; then 4 weeks × 12 and Monday 31 March 5 = 53.
        let a = assess(&p, &Person::aged(70), &Meal::lunch(d("2025-03-04")), Calendar::builtin());
        assert_eq!((a.limits.max_day, a.limits.max_week, a.limits.money_per_week), (Fen::yuan(5), Fen::yuan(12), Some(Fen::yuan(12))));
        assert_eq!(a.limits.max_month, Fen::yuan(53));
        // The week's line says the cap it assumes.
        let lines = crate::core::policy::words::limit_lines(&a.limits, (2025, 3), false, d("2026-11-30"), Locale::ZhCn);
        assert_eq!((lines[1].amount, lines[1].assumes.as_str()), (Fen::yuan(12), "（每天都在食堂吃午餐；政策每周最多补贴12元）"));
        let lines = crate::core::policy::words::limit_lines(&a.limits, (2025, 3), false, d("2026-11-30"), Locale::En);
        assert_eq!(lines[1].assumes, " (eating lunch at the canteen every day; the policy pays at most ¥12 a week)");
    }

    #[test]
    fn one_meal_never_gets_more_than_the_cap() {
        // A week cap of 3 yuan below the 5-yuan subsidy: even the first meal of the week gets 3.
        let p = policy(r#"{ money_per_week = 3, clause = "cap" }"#);
        let a = assess(&p, &Person::aged(70), &Meal::lunch(d("2025-03-04")), Calendar::builtin());
        assert_eq!((a.subsidy, a.pay), (Fen::yuan(3), Some(Fen::yuan(9))));
        let step = a.steps.iter().find(|s| matches!(s.kind, crate::core::policy::assess::StepKind::CappedByMoney { .. })).expect("said");
        assert_eq!(crate::core::policy::explain::step_text(step, &p, Locale::ZhCn), "政策每周最多补贴3元，一餐也不能超过：5元减为3元");
    }
}
