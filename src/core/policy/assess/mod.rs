//! The engine: what one person gets for one meal under one policy, and why.
//!
//! Pure: the date is the meal's, the calendar is passed in, money is integer fen. The result holds
//! the figures, a trace of steps (each pointing at its clause), the conditions that kept the person
//! out of a better tier ("why not / when"), advice when a place, meal or day rule cut the subsidy,
//! and notes about anything assumed.
//!
//! This module is the one meal: [`assess`] (with its explanation) and [`assess_figures`] (the
//! figures alone). The day, week and month limits shown with it ([`Limits`]: caps applied over
//! days, weeks and a month, also used by the month simulator) are in `limits.rs`.

pub(super) mod limits;

use serde::Serialize;

use super::condition::{Check, DibaoStandards, EvalContext, Verdict};
use super::model::*;
use super::person::{Meal, MealKind, Person, Place};
use crate::core::calendar::{Calendar, DayInfo};
use crate::core::date::Date;
use crate::core::money::Fen;
use crate::core::sort::sort_by;

pub use limits::{Limit, Limits, MoneyCapStep};

/// How a tier's amount for this meal was worked out.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Computed {
    /// A fixed subsidy per meal.
    Fixed {
        /// The subsidy.
        amount: Fen,
    },
    /// The person pays a fixed price; the subsidy is the rest of the meal price.
    PayFixed {
        /// What the person pays.
        pay: Fen,
        /// The meal price it was taken from.
        price: Fen,
        /// The resulting subsidy.
        amount: Fen,
    },
    /// A percentage of the meal price, up to a ceiling if the tier has one.
    Percent {
        /// The percentage.
        percent: u32,
        /// The meal price.
        price: Fen,
        /// The most it gives per meal ("最高5元"), if the tier sets one.
        at_most: Option<Fen>,
        /// The resulting subsidy (the percentage of the price, or the ceiling if that is less).
        amount: Fen,
    },
    /// The tier needs the meal price and none is known.
    NeedsPrice,
    /// The tier has no figure for this meal (e.g. breakfast) or on this date.
    NoFigure,
}

impl Computed {
    /// The subsidy this gives (0 when it cannot be worked out).
    pub fn amount(&self) -> Fen {
        match self {
            Computed::Fixed { amount } | Computed::PayFixed { amount, .. } | Computed::Percent { amount, .. } => *amount,
            Computed::NeedsPrice | Computed::NoFigure => Fen::ZERO,
        }
    }
}

/// One step of the explanation.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "step", rename_all = "snake_case")]
pub enum StepKind {
    /// The version in force on the meal's date.
    Version {
        /// Version id.
        id: String,
        /// Version label.
        label: Text,
        /// First day in force (`None`: the source does not state it).
        from: Option<Date>,
        /// Last day in force.
        until: Option<Date>,
        /// For a version whose start is not stated and that has no `until`: the day the next
        /// version starts, before which this one is used.
        gives_way: Option<Date>,
        /// What is known or inferred about the dates (then `from`/`until` are not certain).
        dates_note: Option<Text>,
    },
    /// No version is in force on the date.
    NoVersion {
        /// The meal's date.
        date: Date,
        /// First day of the earliest version.
        starts: Option<Date>,
        /// Last day of the latest version, if it has ended.
        ended: Option<Date>,
    },
    /// The price used.
    Price {
        /// The price.
        price: Fen,
        /// Taken from the policy's reference price (the user gave none).
        reference: bool,
    },
    /// The meal is not one the policy subsidises.
    MealNotCovered {
        /// The meal.
        meal: MealKind,
        /// The meals it does cover.
        covered: Vec<MealKind>,
    },
    /// The policy pays on working days only: this day's kind.
    WorkingDay {
        /// The date.
        date: Date,
        /// Its kind, and whether from an official schedule.
        day: DayInfo,
    },
    /// The overall eligibility condition.
    Eligibility {
        /// Did the person meet it?
        passed: bool,
        /// Every test made.
        checks: Vec<Check>,
    },
    /// A tier of a component matched and gives this amount.
    Tier {
        /// Component name.
        component: Text,
        /// Tier id.
        tier_id: String,
        /// Tier name.
        tier: Text,
        /// How the amount was worked out.
        computed: Computed,
        /// The tests the person passed.
        checks: Vec<Check>,
    },
    /// No tier of a component matched.
    NoTier {
        /// Component name.
        component: Text,
    },
    /// The component is paid by a level whose area the meal is outside.
    LevelLost {
        /// Component name.
        component: Text,
        /// The paying level.
        level: FundingLevel,
        /// Where the meal is eaten.
        place: Place,
        /// The amount lost.
        lost: Fen,
    },
    /// The component pays only above a spend threshold, and the meal is not above it.
    BelowSpendThreshold {
        /// Component name.
        component: Text,
        /// The rule.
        rule: SpendRule,
        /// The meal price.
        price: Fen,
    },
    /// The component has a spend rule but the price is unknown; assumed met.
    SpendRuleAssumed {
        /// Component name.
        component: Text,
        /// The rule.
        rule: SpendRule,
    },
    /// The subsidy was reduced to the meal price: it is a discount, not cash.
    CappedAtPrice {
        /// The subsidy before.
        before: Fen,
        /// The meal price.
        price: Fen,
    },
    /// The subsidy of this one meal is more than a week's or month's money cap: reduced to it.
    CappedByMoney {
        /// The subsidy before.
        before: Fen,
        /// The cap.
        cap: Fen,
        /// Which cap (`MoneyPerWeek` or `MoneyPerMonth`).
        limit: limits::Limit,
    },
    /// The result for this meal.
    Total {
        /// Subsidy.
        subsidy: Fen,
        /// What the person pays (`None`: price unknown).
        pay: Option<Fen>,
    },
    /// A delivery subsidy applies.
    Delivery {
        /// Rule name.
        name: Text,
        /// Amount.
        amount: Fen,
        /// Paid to (`None`: the source does not say).
        paid_to: Option<PaidTo>,
    },
    /// Delivery was asked for, but no delivery rule covers the person.
    NoDelivery,
    /// The delivery fee, and who pays it.
    DeliveryFee {
        /// The fee per delivery.
        fee: Fen,
        /// Who pays it.
        payer: FeePayer,
        /// What the person pays of it.
        person_pays: Fen,
        /// For a free delivery: the tests the person passed.
        checks: Vec<Check>,
    },
    /// What the person pays for the meal and its delivery together.
    PayWithDelivery {
        /// For the meal.
        meal: Fen,
        /// For the delivery.
        fee: Fen,
        /// Together.
        pay: Fen,
    },
    /// An operator subsidy applies.
    Operator {
        /// Name.
        name: Text,
        /// Amount.
        amount: Fen,
        /// Counted per.
        per: OperatorPer,
    },
}

/// Who pays a delivery fee.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "payer", rename_all = "snake_case")]
pub enum FeePayer {
    /// The person pays it all ("由服务对象个人自付").
    Person,
    /// Nobody: delivery is free for the person's group ("免费享受送餐上门服务").
    Free,
    /// The delivery subsidy paid to the provider for this person covers `covered` of it; the
    /// person pays the rest ("超出部分由服务对象自付"), possibly nothing.
    Subsidised {
        /// The part the subsidy to the provider covers.
        covered: Fen,
    },
}

/// A step and the clause it rests on.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Step {
    /// What happened.
    #[serde(flatten)]
    pub kind: StepKind,
    /// The clause, if the step rests on one.
    pub clause: Option<ClauseRef>,
}

/// A better outcome the person missed, and what they lack for it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Hint {
    /// What was missed.
    pub target: HintTarget,
    /// What is missing: the failed tests, with `all`/`any` structure.
    pub missing: Verdict,
    /// The clause of the missed rule.
    pub clause: Option<ClauseRef>,
}

/// What a hint is about.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum HintTarget {
    /// The policy's overall eligibility.
    Eligibility,
    /// A tier that would give more.
    Tier {
        /// Component name.
        component: Text,
        /// Tier name.
        tier: Text,
        /// What it would give for this meal.
        amount: Fen,
    },
    /// A delivery subsidy.
    Delivery {
        /// Rule name.
        name: Text,
        /// Amount.
        amount: Fen,
    },
    /// Free delivery (the person pays the fee now).
    FreeDelivery {
        /// The fee they would not pay.
        fee: Fen,
    },
}

/// One component's share of the subsidy.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Part {
    /// Index of the component in its version.
    pub component: usize,
    /// Paying level.
    pub level: Option<FundingLevel>,
    /// Index of the matched tier in the component.
    pub tier: usize,
    /// Amount paid for this meal (after place and spend rules, before the price cap).
    pub amount: Fen,
}

/// Something assumed, or not known, that the user should see.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "note", rename_all = "snake_case")]
pub enum Note {
    /// No official working-day schedule is loaded for this year; Monday–Friday was assumed.
    CalendarFallback {
        /// The year.
        year: i32,
    },
    /// No price was given and the policy has no reference price, so what the person pays is not known.
    PriceUnknown,
}

/// Everything the engine says about one meal.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Assessment {
    /// Policy id.
    pub policy: String,
    /// Version in force (id), if any.
    pub version: Option<String>,
    /// The meal's date.
    pub date: Date,
    /// The meal.
    pub meal: MealKind,
    /// The person qualifies under the policy (some tier matches), whether or not this particular
    /// meal is subsidised (it may be a holiday, or a meal the policy does not cover).
    pub eligible: bool,
    /// Price used.
    pub price: Option<Fen>,
    /// Subsidy for this meal.
    pub subsidy: Fen,
    /// What the person pays for this meal (`None`: price unknown).
    pub pay: Option<Fen>,
    /// Delivery subsidy for this meal.
    pub delivery_subsidy: Fen,
    /// Who receives the delivery subsidy (`None`: no subsidy, or the source does not say).
    pub delivery_paid_to: Option<PaidTo>,
    /// The delivery fee the person pays for this meal (included in `pay`).
    pub delivery_fee: Fen,
    /// Who pays the delivery fee (`None`: not delivered, or the policy states no fee).
    pub delivery_fee_payer: Option<FeePayer>,
    /// Operator subsidy per meal, paid to the canteen for this meal.
    pub operator_per_meal: Fen,
    /// Operator subsidy per person-day, paid to the canteen.
    pub operator_per_day: Fen,
    /// Matched tier ids, `+`-joined in component order.
    pub tier: Option<String>,
    /// Each component's part.
    pub parts: Vec<Part>,
    /// Day, week and month limits.
    pub limits: Limits,
    /// The explanation.
    pub steps: Vec<Step>,
    /// Better outcomes missed, and why.
    pub hints: Vec<Hint>,
    /// Assumptions and unknowns.
    pub notes: Vec<Note>,
    /// When a place, meal or day rule cut this meal's subsidy: what would give the full amount.
    pub advice: Option<Advice>,
}

/// One change to where, which meal or when the person eats.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "change", rename_all = "snake_case")]
pub enum Change {
    /// Eat within this area: the widest place where every part of the subsidy is paid.
    Place {
        /// Where to eat.
        place: Place,
        /// Where the meal is eaten now.
        now: Place,
    },
    /// Eat one of the meals the policy covers.
    Meal {
        /// The covered meal that gives most (first).
        meals: Vec<MealKind>,
    },
    /// Eat on a working day.
    WorkingDay {
        /// The next working day on or after the meal's date (within the version).
        next: Date,
    },
}

/// What would give the full subsidy when a place, meal or day rule cut it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Advice {
    /// What to change (all of them together give `subsidy`).
    pub changes: Vec<Change>,
    /// The subsidy per meal with these changes.
    pub subsidy: Fen,
    /// The clauses of the rules that cut it.
    pub clauses: Vec<ClauseRef>,
}

/// What one person gets for one meal.
///
/// ```
/// use zhucan::core::calendar::Calendar;
/// use zhucan::core::money::Fen;
/// use zhucan::core::policy::{assess, parse_policy, Meal, Person};
/// let dandong = parse_policy(include_str!("../../../../static/policies/dandong-2024.toml")).unwrap();
/// let meal = Meal::lunch("2025-03-04".parse().unwrap());
/// // "80周岁及以上老年人，每餐补贴3元" — plus 2 yuan for a 低保 recipient ("可与基本助餐补贴兼得").
/// let mut person = Person::aged(82);
/// person.hardship = zhucan::core::policy::Hardship::Dibao;
/// let a = assess(&dandong, &person, &meal, Calendar::builtin());
/// assert_eq!(a.subsidy, Fen::yuan(5));
/// ```
pub fn assess(policy: &Policy, person: &Person, meal: &Meal, calendar: &Calendar) -> Assessment {
    let mut a = assess_meal(policy, person, meal, calendar, true);
    if let Some(version) = policy.version_on(meal.date) {
        a.limits = limits::limits(policy, version, person, meal, calendar);
        a.advice = advice(policy, version, person, meal, calendar, a.subsidy);
    }
    a
}

/// The advice alone (see [`Assessment::advice`]): what would give the full subsidy for this meal.
pub(crate) fn advice_for(policy: &Policy, person: &Person, meal: &Meal, calendar: &Calendar) -> Option<Advice> {
    let version = policy.version_on(meal.date)?;
    let got = assess_figures(policy, person, meal, calendar).subsidy;
    advice(policy, version, person, meal, calendar, got)
}

/// The widest place, first: a component paid by a level is lost outside that level's area.
const PLACES_WIDEST_FIRST: [Place; 4] = [Place::Elsewhere, Place::SameCity, Place::SameDistrict, Place::SameTown];

/// When the place, the meal or the day (working days only) cut the subsidy: the changes that
/// give the full amount, each rule changed only if it cut something, and what that amount is.
fn advice(policy: &Policy, version: &Version, person: &Person, meal: &Meal, calendar: &Calendar, got: Fen) -> Option<Advice> {
    let mut better = meal.clone();
    let mut changes = Vec::new();
    let mut clauses = Vec::new();
    // Place: a part paid by a level whose area the meal is outside.
    let lost: Vec<&Component> = version.components.iter().filter(|c| c.level.is_some_and(|l| !l.pays_at(meal.place))).collect();
    if !lost.is_empty() {
        let pays_all = |p: Place| version.components.iter().all(|c| c.level.is_none_or(|l| l.pays_at(p)));
        let place = PLACES_WIDEST_FIRST.into_iter().find(|p| pays_all(*p)).unwrap_or(Place::SameTown);
        better.place = place;
        changes.push(Change::Place { place, now: meal.place });
        // The clause that says where each part is lost (else the part's own clause).
        clauses.extend(lost.iter().filter_map(|c| c.level_clause.or_else(|| c.tiers.first().map(|t| t.clause))));
    }
    // Meal: one the policy does not cover.
    let (covered, meals_clause) = &version.meals;
    if !covered.contains(&meal.kind) && !covered.is_empty() {
        let mut by_amount: Vec<(MealKind, Fen)> =
            covered.iter().map(|k| (*k, assess_figures(policy, person, &Meal { kind: *k, ..better.clone() }, calendar).subsidy)).collect();
        // Most first; equal amounts in the day's order.
        sort_by(&mut by_amount, |x, y| y.1.cmp(&x.1).then(x.0.cmp(&y.0)));
        if let Some((best, _)) = by_amount.first() {
            better.kind = *best;
        }
        changes.push(Change::Meal { meals: by_amount.iter().map(|(k, _)| *k).collect() });
        clauses.extend(*meals_clause);
    }
    // Day: not a working day under a working-days-only rule.
    if let Some(clause) = version.workdays_only {
        if !calendar.day(meal.date).is_workday() {
            let next = next_working_day(meal.date, calendar).filter(|d| version.until.is_none_or(|u| *d <= u))?;
            better.date = next;
            changes.push(Change::WorkingDay { next });
            clauses.push(clause);
        }
    }
    if changes.is_empty() {
        return None;
    }
    let subsidy = assess_figures(policy, person, &better, calendar).subsidy;
    clauses.dedup();
    (subsidy > got).then_some(Advice { changes, subsidy, clauses })
}

/// The first working day after `d` (official calendar), within a month.
fn next_working_day(d: Date, calendar: &Calendar) -> Option<Date> {
    let mut day = d;
    for _ in 0..31 {
        day = day.add_days(1)?;
        if calendar.day(day).is_workday() {
            return Some(day);
        }
    }
    None
}

/// Pushes a step only when the explanation is wanted; the step (and the texts it clones) is not
/// even built otherwise.
macro_rules! trace {
    ($detail:expr, $a:ident, $kind:expr, $clause:expr $(,)?) => {
        if $detail {
            $a.steps.push(Step { kind: $kind, clause: $clause });
        }
    };
}

/// Only the figures for one meal: no explanation, no hints, no day/week/month limits. The fast
/// path for rosters, simulations and ranges; the figures are exactly those of [`assess`].
pub fn assess_figures(policy: &Policy, person: &Person, meal: &Meal, calendar: &Calendar) -> Assessment {
    assess_meal(policy, person, meal, calendar, false)
}

/// The assessment without the day/week/month limits; `detail` adds the explanation.
pub(crate) fn assess_meal(policy: &Policy, person: &Person, meal: &Meal, calendar: &Calendar, detail: bool) -> Assessment {
    let mut a = Assessment {
        policy: policy.id.clone(),
        version: None,
        date: meal.date,
        meal: meal.kind,
        eligible: false,
        price: meal.price,
        subsidy: Fen::ZERO,
        pay: meal.price,
        delivery_subsidy: Fen::ZERO,
        delivery_paid_to: None,
        delivery_fee: Fen::ZERO,
        delivery_fee_payer: None,
        operator_per_meal: Fen::ZERO,
        operator_per_day: Fen::ZERO,
        tier: None,
        parts: Vec::new(),
        limits: Limits::default(),
        steps: Vec::new(),
        hints: Vec::new(),
        notes: Vec::new(),
        advice: None,
    };

    let Some(version) = policy.version_on(meal.date) else {
        let starts = policy.versions.first().and_then(|v| v.from);
        let ended = policy.versions.last().and_then(|v| v.until).filter(|u| *u < meal.date);
        trace!(detail, a, StepKind::NoVersion { date: meal.date, starts, ended }, None);
        return a;
    };
    a.version = Some(version.id.clone());
    // The dates note belongs to the version step (one statement about the dates, not two).
    trace!(
        detail,
        a,
        StepKind::Version {
            id: version.id.clone(),
            label: version.label.clone(),
            from: version.from,
            until: version.until,
            gives_way: if version.from.is_none() && version.until.is_none() { policy.next_start(&version.id) } else { None },
            dates_note: version.dates_note.clone(),
        },
        version.from_clause,
    );

    // The price.
    let reference = version.reference_price.as_ref().and_then(|(p, c)| p.at(meal.date).map(|p| (*p, *c)));
    let price = match (meal.price, reference) {
        (Some(p), _) => {
            trace!(detail, a, StepKind::Price { price: p, reference: false }, None);
            Some(p)
        }
        (None, Some((p, clause))) => {
            trace!(detail, a, StepKind::Price { price: p, reference: true }, Some(clause));
            Some(p)
        }
        (None, None) => {
            a.notes.push(Note::PriceUnknown);
            None
        }
    };
    a.price = price;
    a.pay = price;

    let ctx = EvalContext { on: meal.date, dibao: dibao_on(version, meal.date) };

    // Who may receive anything.
    let mut eligible = true;
    if let Some(rule) = &version.eligibility {
        if detail {
            let verdict = rule.when.verdict(person, &ctx);
            eligible = verdict.passed();
            if let Some(missing) = verdict.missing() {
                a.hints.push(Hint { target: HintTarget::Eligibility, missing, clause: Some(rule.clause) });
            }
            trace!(detail, a, StepKind::Eligibility { passed: eligible, checks: verdict.checks() }, Some(rule.clause));
        } else {
            eligible = rule.when.holds(person, &ctx);
        }
    }

    // Is this meal on this day covered at all?
    let (covered_meals, meals_clause) = &version.meals;
    let meal_covered = covered_meals.contains(&meal.kind);
    if !meal_covered {
        trace!(detail, a, StepKind::MealNotCovered { meal: meal.kind, covered: covered_meals.clone() }, *meals_clause);
    }
    let mut day_ok = true;
    if let Some(clause) = version.workdays_only {
        let day = calendar.day(meal.date);
        if !day.official {
            a.notes.push(Note::CalendarFallback { year: meal.date.year() });
        }
        day_ok = day.is_workday();
        trace!(detail, a, StepKind::WorkingDay { date: meal.date, day }, Some(clause));
    }

    // Components: each picks its tier; parts add up.
    let mut any_tier = false;
    let mut tier_ids = Vec::new();
    if eligible {
        for (ci, component) in version.components.iter().enumerate() {
            let matched = best_tier(component, person, &ctx, meal, price, detail);
            let Some((ti, tier, computed, checks)) = matched else {
                trace!(detail, a, StepKind::NoTier { component: component.name.clone() }, None);
                if detail {
                    add_tier_hints(&mut a, component, person, &ctx, meal, price, Fen::ZERO);
                }
                continue;
            };
            any_tier = true;
            tier_ids.push(tier.id.clone());
            let mut amount = computed.amount();
            trace!(
                detail,
                a,
                StepKind::Tier {
                    component: component.name.clone(),
                    tier_id: tier.id.clone(),
                    tier: tier.name.clone(),
                    computed: computed.clone(),
                    checks,
                },
                Some(tier.clause),
            );
            if detail {
                add_tier_hints(&mut a, component, person, &ctx, meal, price, amount);
            }
            if let Some(level) = component.level {
                if !level.pays_at(meal.place) {
                    trace!(
                        detail,
                        a,
                        StepKind::LevelLost { component: component.name.clone(), level, place: meal.place, lost: amount },
                        Some(component.level_clause.unwrap_or(tier.clause)),
                    );
                    amount = Fen::ZERO;
                }
            }
            if let Some((rule, clause)) = component.spend_rule {
                match price {
                    Some(p) if !spend_ok(rule, p) => {
                        trace!(
                            detail,
                            a,
                            StepKind::BelowSpendThreshold { component: component.name.clone(), rule, price: p },
                            Some(clause),
                        );
                        amount = Fen::ZERO;
                    }
                    Some(_) => {}
                    None => trace!(detail, a, StepKind::SpendRuleAssumed { component: component.name.clone(), rule }, Some(clause)),
                }
            }
            a.parts.push(Part { component: ci, level: component.level, tier: ti, amount });
        }
    }
    a.eligible = eligible && any_tier;
    a.tier = (!tier_ids.is_empty()).then(|| tier_ids.join("+"));

    let mut subsidy: Fen = a.parts.iter().map(|p| p.amount).sum();
    if !(meal_covered && day_ok) {
        subsidy = Fen::ZERO;
    }
    if let Some(p) = price {
        if subsidy > p {
            trace!(detail, a, StepKind::CappedAtPrice { before: subsidy, price: p }, None);
            subsidy = p;
        }
    }
    // One meal never gets more than a week's or a month's money cap.
    if let Some((cap, limit, clause)) = limits::money_caps_on(version, meal.date).smallest() {
        if subsidy > cap {
            trace!(detail, a, StepKind::CappedByMoney { before: subsidy, cap, limit }, Some(clause));
            subsidy = cap;
        }
    }
    a.subsidy = subsidy;
    a.pay = price.map(|p| p.saturating_sub(subsidy));
    let pay = a.pay;
    trace!(detail, a, StepKind::Total { subsidy, pay }, None);

    // Delivery: the best matching rule.
    if meal.delivery {
        let mut best: Option<(&Delivery, Fen)> = None;
        for d in &version.delivery {
            let Some(amount) = d.amount.at(meal.date).copied() else { continue };
            let missing = if detail {
                d.when.verdict(person, &ctx).missing()
            } else if d.when.holds(person, &ctx) {
                None
            } else {
                continue;
            };
            match missing {
                None if eligible && best.is_none_or(|(_, b)| amount > b) => best = Some((d, amount)),
                None => {}
                Some(missing) => {
                    a.hints.push(Hint { target: HintTarget::Delivery { name: d.name.clone(), amount }, missing, clause: Some(d.clause) })
                }
            }
        }
        match best {
            Some((d, amount)) => {
                a.delivery_subsidy = amount;
                a.delivery_paid_to = d.paid_to;
                a.hints.retain(|h| !matches!(&h.target, HintTarget::Delivery { amount: x, .. } if *x <= amount));
                trace!(detail, a, StepKind::Delivery { name: d.name.clone(), amount, paid_to: d.paid_to }, Some(d.clause));
            }
            None if version.delivery.is_empty() => {}
            None => trace!(detail, a, StepKind::NoDelivery, None),
        }
        if let Some(fee) = &version.delivery_fee {
            delivery_fee(&mut a, fee, eligible, person, &ctx, detail);
        }
    }

    // Operator subsidies (to the canteen).
    for op in &version.operator {
        let Some(amount) = op.amount.at(meal.date).copied() else { continue };
        if op.subsidised_diners_only && a.subsidy.is_zero() {
            continue;
        }
        match op.per {
            OperatorPer::Meal => a.operator_per_meal += amount,
            OperatorPer::PersonDay => a.operator_per_day += amount,
        }
        trace!(detail, a, StepKind::Operator { name: op.name.clone(), amount, per: op.per }, Some(op.clause));
    }
    a
}

/// The delivery fee for a delivered meal: free for the person's group (if they pass the version's
/// eligibility), else the fee less what a delivery subsidy paid to the provider covers; added to
/// what the person pays.
fn delivery_fee(a: &mut Assessment, fee: &DeliveryFee, eligible: bool, person: &Person, ctx: &EvalContext, detail: bool) {
    let Some(amount) = fee.amount.at(a.date).copied() else { return };
    let mut checks = Vec::new();
    let free = match &fee.free {
        Some(free) if detail => {
            let verdict = free.when.verdict(person, ctx);
            match verdict.missing() {
                None => checks = verdict.checks().into_iter().filter(|c| c.passed).collect(),
                Some(missing) if eligible && !amount.is_zero() => {
                    a.hints.push(Hint { target: HintTarget::FreeDelivery { fee: amount }, missing, clause: Some(free.clause) })
                }
                Some(_) => {}
            }
            (eligible && verdict.passed()).then_some(free.clause)
        }
        Some(free) => (eligible && free.when.holds(person, ctx)).then_some(free.clause),
        None => None,
    };
    let (payer, person_pays, clause) = match free {
        Some(clause) => (FeePayer::Free, Fen::ZERO, clause),
        None => {
            // Only a subsidy paid to the provider is known to go towards the fee.
            let covered = if a.delivery_paid_to == Some(PaidTo::Provider) { a.delivery_subsidy.min(amount) } else { Fen::ZERO };
            let payer = if covered.is_zero() { FeePayer::Person } else { FeePayer::Subsidised { covered } };
            (payer, amount.saturating_sub(covered), fee.clause)
        }
    };
    a.delivery_fee = person_pays;
    a.delivery_fee_payer = Some(payer);
    let meal_pay = a.pay;
    a.pay = a.pay.map(|p| p + person_pays);
    trace!(detail, a, StepKind::DeliveryFee { fee: amount, payer, person_pays, checks }, Some(clause));
    if let (Some(meal), Some(pay)) = (meal_pay, a.pay) {
        if !person_pays.is_zero() {
            trace!(detail, a, StepKind::PayWithDelivery { meal, fee: person_pays, pay }, None);
        }
    }
}

fn dibao_on(version: &Version, on: Date) -> DibaoStandards {
    match &version.dibao {
        Some((urban, rural, _)) => {
            DibaoStandards { urban: urban.as_ref().and_then(|d| d.at(on)).copied(), rural: rural.as_ref().and_then(|d| d.at(on)).copied() }
        }
        None => DibaoStandards::default(),
    }
}

fn spend_ok(rule: SpendRule, price: Fen) -> bool {
    match rule {
        SpendRule::Above(t) => price > t,
        SpendRule::AtLeast(t) => price >= t,
    }
}

/// What a tier gives for this meal.
fn compute(tier: &Tier, meal: &Meal, price: Option<Fen>) -> Computed {
    match &tier.benefit {
        Benefit::Subsidy(per) => match per.get(meal.kind).and_then(|d| d.at(meal.date)) {
            Some(amount) => Computed::Fixed { amount: *amount },
            None => Computed::NoFigure,
        },
        Benefit::Pay(per) => match (per.get(meal.kind).and_then(|d| d.at(meal.date)), price) {
            (Some(pay), Some(price)) => Computed::PayFixed { pay: *pay, price, amount: price.saturating_sub(*pay) },
            (Some(_), None) => Computed::NeedsPrice,
            (None, _) => Computed::NoFigure,
        },
        Benefit::Percent { percent, at_most } => match (percent.get(meal.kind).and_then(|d| d.at(meal.date)), price) {
            (Some(pct), Some(price)) => {
                let at_most = at_most.as_ref().and_then(|m| m.get(meal.kind)).and_then(|d| d.at(meal.date)).copied();
                let raw = price.percent(*pct);
                Computed::Percent { percent: *pct, price, at_most, amount: at_most.map_or(raw, |m| raw.min(m)) }
            }
            (Some(_), None) => Computed::NeedsPrice,
            (None, _) => Computed::NoFigure,
        },
    }
}

type Matched<'p> = (usize, &'p Tier, Computed, Vec<Check>);

fn best_tier<'p>(
    component: &'p Component,
    person: &Person,
    ctx: &EvalContext,
    meal: &Meal,
    price: Option<Fen>,
    detail: bool,
) -> Option<Matched<'p>> {
    let mut best: Option<Matched<'p>> = None;
    for (i, tier) in component.tiers.iter().enumerate() {
        let mut checks = Vec::new();
        let holds = if detail { tier.when.eval(person, ctx, &mut checks) } else { tier.when.holds(person, ctx) };
        if !holds {
            continue;
        }
        let computed = compute(tier, meal, price);
        match component.select {
            Select::First => return Some((i, tier, computed, checks)),
            Select::Best => {
                if best.as_ref().is_none_or(|(_, _, b, _)| computed.amount() > b.amount()) {
                    best = Some((i, tier, computed, checks));
                }
            }
        }
    }
    best
}

/// Tiers of `component` that would give more than `got`, with the tests the person failed.
fn add_tier_hints(
    a: &mut Assessment,
    component: &Component,
    person: &Person,
    ctx: &EvalContext,
    meal: &Meal,
    price: Option<Fen>,
    got: Fen,
) {
    for tier in &component.tiers {
        let amount = compute(tier, meal, price).amount();
        if amount <= got {
            continue;
        }
        if let Some(missing) = tier.when.verdict(person, ctx).missing() {
            a.hints.push(Hint {
                target: HintTarget::Tier { component: component.name.clone(), tier: tier.name.clone(), amount },
                missing,
                clause: Some(tier.clause),
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::policy::explain::advice_text;
    use crate::core::policy::person::Hardship;
    use crate::core::policy::presets::load_preset;
    use crate::core::Locale;

    fn preset(id: &str) -> Policy {
        load_preset(id).and_then(Result::ok).expect("preset")
    }

    fn d(s: &str) -> Date {
        s.parse().expect("date")
    }

    fn dibao(age: u32) -> Person {
        Person { hardship: Hardship::Dibao, ..Person::aged(age) }
    }

    #[test]
    fn the_guangzhou_father_eating_in_another_district_is_told_to_eat_in_his_own_town() {
        // guangzhou-2020, clause "notes": "市财政每餐补贴3元,区财政每餐补贴3元 … 跨镇街就餐不能享受镇级
        // 补贴,跨区就餐不能享受区级补贴"; clause "table": 困难老人（低保）政府补贴11元. In another
        // district only the city's 3 yuan is left; in his own town all 11.
        let gz = preset("guangzhou-2020");
        let meal = Meal { place: Place::SameCity, ..Meal::lunch(d("2025-03-04")) };
        let a = assess(&gz, &dibao(70), &meal, Calendar::builtin());
        assert_eq!(a.subsidy, Fen::yuan(3));
        let advice = a.advice.expect("advice");
        assert_eq!(advice.subsidy, Fen::yuan(11));
        assert_eq!(advice.changes, vec![Change::Place { place: Place::SameTown, now: Place::SameCity }]);
        assert_eq!(advice_text(&advice, Locale::ZhCn), "在自己的镇街吃，每餐补贴11元");
        assert_eq!(advice_text(&advice, Locale::En), "Eat in your own town or sub-district: ¥11 per meal");
        let notes = gz.clauses.iter().position(|c| c.id == "notes").expect("notes clause");
        assert!(advice.clauses.contains(&notes), "the place rule's clause is quoted");
    }

    #[test]
    fn eating_in_another_town_of_the_district_loses_only_the_town_part() {
        // 85, not in hardship: 3 + 3 + 3 = 9 at home ("80周岁以上政府补贴9元"); in another town of the
        // district the town's 3 is lost ("跨镇街就餐不能享受镇级补贴"): 6.
        let gz = preset("guangzhou-2020");
        let meal = Meal { place: Place::SameDistrict, ..Meal::lunch(d("2025-03-04")) };
        let a = assess(&gz, &Person::aged(85), &meal, Calendar::builtin());
        assert_eq!(a.subsidy, Fen::yuan(6));
        let advice = a.advice.expect("advice");
        assert_eq!(advice.subsidy, Fen::yuan(9));
        assert_eq!(advice_text(&advice, Locale::ZhCn), "在自己的镇街吃，每餐补贴9元");
    }

    #[test]
    fn shenzhen_s_district_rule_sends_the_person_back_to_their_own_district() {
        // shenzhen-2025: "原则上在户籍所在区长者饭堂或长者助餐点用餐才能享受补贴"; 85: 5 yuan
        // ("户籍年龄在70至99岁老年人以每餐5元为上限"). Another district: nothing; own district: 5.
        let sz = preset("shenzhen-2025");
        let meal = Meal { place: Place::SameCity, price: Some(Fen::yuan(15)), ..Meal::lunch(d("2025-03-04")) };
        let a = assess(&sz, &Person::aged(85), &meal, Calendar::builtin());
        assert_eq!(a.subsidy, Fen::ZERO);
        let advice = a.advice.expect("advice");
        assert_eq!(advice.changes, vec![Change::Place { place: Place::SameDistrict, now: Place::SameCity }]);
        assert_eq!(advice_text(&advice, Locale::ZhCn), "在自己的区吃，每餐补贴5元");
    }

    #[test]
    fn a_lost_part_quotes_the_clause_that_says_where_it_is_lost() {
        // shenzhen-2025 `level_clause = "own-district"`: "原则上在户籍所在区长者饭堂或长者助餐点用餐才能享受补贴".
        let sz = preset("shenzhen-2025");
        let own = sz.clauses.iter().position(|c| c.id == "own-district").expect("clause");
        let meal = Meal { place: Place::SameCity, price: Some(Fen::yuan(15)), ..Meal::lunch(d("2025-03-04")) };
        let a = assess(&sz, &Person::aged(85), &meal, Calendar::builtin());
        let lost = a.steps.iter().find(|s| matches!(s.kind, StepKind::LevelLost { .. })).expect("a lost part");
        assert_eq!(lost.clause, Some(own));
        assert_eq!(a.advice.expect("advice").clauses, vec![own]);
        // guangzhou-2020: the town part lost in another town of the district quotes "notes"
        // ("跨镇街就餐不能享受镇级补贴"), not the table of amounts.
        let gz = preset("guangzhou-2020");
        let notes = gz.clauses.iter().position(|c| c.id == "notes").expect("clause");
        let meal = Meal { place: Place::SameDistrict, ..Meal::lunch(d("2025-03-04")) };
        let a = assess(&gz, &Person::aged(85), &meal, Calendar::builtin());
        assert_eq!(a.advice.expect("advice").clauses, vec![notes]);
    }

    #[test]
    fn a_meal_the_policy_does_not_cover_is_pointed_to_the_one_it_does() {
        // shenzhen-2025, "补贴工作日午餐": dinner gets nothing; lunch 5 yuan for an 85-year-old.
        let sz = preset("shenzhen-2025");
        let meal = Meal { kind: MealKind::Dinner, price: Some(Fen::yuan(15)), ..Meal::lunch(d("2025-03-04")) };
        let a = assess(&sz, &Person::aged(85), &meal, Calendar::builtin());
        assert_eq!(a.subsidy, Fen::ZERO);
        let advice = a.advice.expect("advice");
        assert_eq!(advice.changes, vec![Change::Meal { meals: vec![MealKind::Lunch] }]);
        assert_eq!(advice.subsidy, Fen::yuan(5));
        assert_eq!(advice_text(&advice, Locale::ZhCn), "吃午餐（本政策只补贴午餐），每餐补贴5元");
    }

    #[test]
    fn a_weekend_or_holiday_meal_is_pointed_to_the_next_working_day() {
        // shenzhen-2025, working-day lunches only. Saturday 8 March 2025 → Monday 10 March: 5 yuan.
        let sz = preset("shenzhen-2025");
        let meal = Meal { price: Some(Fen::yuan(15)), ..Meal::lunch(d("2025-03-08")) };
        let a = assess(&sz, &Person::aged(85), &meal, Calendar::builtin());
        assert_eq!(a.subsidy, Fen::ZERO);
        let advice = a.advice.expect("advice");
        assert_eq!(advice.changes, vec![Change::WorkingDay { next: d("2025-03-10") }]);
        assert_eq!(advice.subsidy, Fen::yuan(5));
        assert_eq!(advice_text(&advice, Locale::ZhCn), "在工作日吃（周末和法定节假日不补贴；下一个工作日是2025年3月10日），每餐补贴5元");
        // Labour Day 2025: 1–5 May are holidays, so the next working day is Tuesday 6 May.
        let a = assess(&sz, &Person::aged(85), &Meal { date: d("2025-05-01"), ..meal }, Calendar::builtin());
        assert_eq!(a.advice.expect("advice").changes, vec![Change::WorkingDay { next: d("2025-05-06") }]);
    }

    #[test]
    fn no_advice_when_nothing_was_cut_or_nothing_would_help() {
        let gz = preset("guangzhou-2020");
        // Own town: already the full amount.
        let a = assess(&gz, &dibao(70), &Meal::lunch(d("2025-03-04")), Calendar::builtin());
        assert_eq!((a.subsidy, a.advice), (Fen::yuan(11), None));
        // Not registered in Guangzhou ("限本市户籍"): eating at home would not help either.
        let person = Person { hukou: crate::core::policy::person::Hukou::Nonlocal, ..dibao(70) };
        let a = assess(&gz, &person, &Meal { place: Place::SameCity, ..Meal::lunch(d("2025-03-04")) }, Calendar::builtin());
        assert_eq!((a.subsidy, a.advice), (Fen::ZERO, None));
    }
}

#[cfg(test)]
mod format_tests {
    //! The newer keys of the format, each on a small policy written here, with the amounts worked
    //! by hand from the quoted clause.
    use super::*;
    use crate::core::policy::explain::step_text;
    use crate::core::policy::load::parse_policy;
    use crate::core::policy::person::Hardship;
    use crate::core::Locale;

    fn d(s: &str) -> Date {
        s.parse().expect("date")
    }

    const HEAD: &str = r#"
[policy]
id = "t"
name = "测试"
region = "测试"
[[source]]
id = "s"
title = "测试文件"
number = "测1号"
[[clause]]
id = "c"
source = "s"
text = "……"
[[clause]]
id = "fee"
source = "s"
text = "上门送餐费为2元，由服务对象个人自付。"
[[clause]]
id = "free"
source = "s"
text = "低保对象免费享受送餐上门服务。"
"#;

    fn policy(version: &str) -> Policy {
        parse_policy(&format!("{HEAD}{version}")).unwrap_or_else(|e| panic!("{e:?}"))
    }

    fn lunch(price: i64, delivery: bool) -> Meal {
        Meal { price: Some(Fen::yuan(price)), delivery, ..Meal::lunch(d("2025-03-04")) }
    }

    const PERCENT: &str = r#"
[[version]]
id = "v"
label = "v"
from = 2025-01-01
  [[version.component]]
  id = "m"
  name = "补贴"
    [[version.component.tier]]
    id = "qiwu"
    name = "七五折"
    percent = 25
    percent_at_most = { lunch = 5 }
    clause = "c"
"#;

    #[test]
    fn a_percentage_is_held_to_its_ceiling() {
        // "七五折，最高5元": 25 % of 16 = 4; of 20 = 5 (the ceiling exactly); of 24 = 6, so 5.
        // The ceiling is given for lunch only: a 24-yuan dinner gets the full 6.
        let p = policy(PERCENT);
        let at = |price| assess(&p, &Person::aged(70), &lunch(price, false), Calendar::builtin());
        assert_eq!((at(16).subsidy, at(20).subsidy, at(24).subsidy), (Fen::yuan(4), Fen::yuan(5), Fen::yuan(5)));
        let a = at(24);
        let StepKind::Tier { computed, .. } = &a.steps.iter().find(|s| matches!(s.kind, StepKind::Tier { .. })).expect("tier").kind else {
            unreachable!()
        };
        assert_eq!(computed, &Computed::Percent { percent: 25, price: Fen::yuan(24), at_most: Some(Fen::yuan(5)), amount: Fen::yuan(5) });
        let dinner = Meal { kind: MealKind::Dinner, ..lunch(24, false) };
        assert_eq!(assess(&p, &Person::aged(70), &dinner, Calendar::builtin()).subsidy, Fen::yuan(6));
    }

    /// Shenzhen-like: 5 yuan a meal; a delivery subsidy of `subsidy` paid to `paid_to` (or not
    /// said) for those 80 and over; a 2-yuan fee free for 低保 recipients; eligibility 60+.
    fn delivery_policy(subsidy: &str, paid_to: &str) -> Policy {
        policy(&format!(
            r#"
[[version]]
id = "v"
label = "v"
from = 2025-01-01
eligibility = {{ age_at_least = 60 }}
eligibility_clause = "c"
delivery_fee = {{ amount = 2, clause = "fee", free_when = {{ hardship_in = ["dibao"] }}, free_clause = "free" }}
  [[version.component]]
  id = "m"
  name = "补贴"
    [[version.component.tier]]
    id = "all"
    name = "所有人"
    subsidy = 5
    clause = "c"
  [[version.delivery]]
  id = "d"
  name = "送餐补贴"
  when = {{ age_at_least = 80 }}
  amount = {subsidy}
  {paid_to}
  clause = "c"
"#
        ))
    }

    #[test]
    fn the_delivery_fee_is_added_to_what_the_person_pays() {
        // 70, 12-yuan lunch delivered: 12 − 5 = 7 for the meal, plus the 2-yuan fee ("由服务对象
        // 个人自付") = 9. Not delivered: no fee, 7.
        let p = delivery_policy("1", r#"paid_to = "provider""#);
        let a = assess(&p, &Person::aged(70), &lunch(12, true), Calendar::builtin());
        assert_eq!(
            (a.subsidy, a.pay, a.delivery_fee, a.delivery_fee_payer),
            (Fen::yuan(5), Some(Fen::yuan(9)), Fen::yuan(2), Some(FeePayer::Person))
        );
        let fee = p.clauses.iter().position(|c| c.id == "fee").expect("clause");
        let step = a.steps.iter().find(|s| matches!(s.kind, StepKind::DeliveryFee { .. })).expect("fee step");
        assert_eq!(step.clause, Some(fee));
        let a = assess(&p, &Person::aged(70), &lunch(12, false), Calendar::builtin());
        assert_eq!((a.pay, a.delivery_fee, a.delivery_fee_payer), (Some(Fen::yuan(7)), Fen::ZERO, None));
    }

    #[test]
    fn delivery_is_free_for_the_named_group_but_only_within_the_policy() {
        // 低保, 70: "免费享受送餐上门服务": pays 12 − 5 = 7 and no fee.
        let p = delivery_policy("1", r#"paid_to = "provider""#);
        let dibao = Person { hardship: Hardship::Dibao, ..Person::aged(70) };
        let a = assess(&p, &dibao, &lunch(12, true), Calendar::builtin());
        assert_eq!((a.pay, a.delivery_fee, a.delivery_fee_payer), (Some(Fen::yuan(7)), Fen::ZERO, Some(FeePayer::Free)));
        let free = p.clauses.iter().position(|c| c.id == "free").expect("clause");
        assert_eq!(a.steps.iter().find(|s| matches!(s.kind, StepKind::DeliveryFee { .. })).and_then(|s| s.clause), Some(free));
        // A 低保 recipient of 55 is outside the policy (60+): no subsidy, and the fee is theirs to pay.
        let young = Person { hardship: Hardship::Dibao, ..Person::aged(55) };
        let a = assess(&p, &young, &lunch(12, true), Calendar::builtin());
        assert_eq!((a.subsidy, a.pay, a.delivery_fee_payer), (Fen::ZERO, Some(Fen::yuan(14)), Some(FeePayer::Person)));
    }

    #[test]
    fn a_delivery_subsidy_to_the_provider_pays_the_fee_first() {
        // 85: a 1-yuan subsidy to the provider covers 1 of the 2-yuan fee; the person pays the
        // other 1 ("超出部分由服务对象自付"): 7 + 1 = 8. A 3-yuan subsidy covers all of it: 7.
        let p = delivery_policy("1", r#"paid_to = "provider""#);
        let a = assess(&p, &Person::aged(85), &lunch(12, true), Calendar::builtin());
        assert_eq!((a.pay, a.delivery_fee), (Some(Fen::yuan(8)), Fen::yuan(1)));
        assert_eq!(a.delivery_fee_payer, Some(FeePayer::Subsidised { covered: Fen::yuan(1) }));
        let p = delivery_policy("3", r#"paid_to = "provider""#);
        let a = assess(&p, &Person::aged(85), &lunch(12, true), Calendar::builtin());
        assert_eq!((a.pay, a.delivery_fee), (Some(Fen::yuan(7)), Fen::ZERO));
        let step = a.steps.iter().find(|s| matches!(s.kind, StepKind::DeliveryFee { .. })).expect("fee step");
        assert_eq!(step_text(step, &p, Locale::ZhCn), "送餐费每次2元，由送餐补贴付给送餐机构，您不用付");
        assert_eq!(
            step_text(step, &p, Locale::En),
            "Delivery fee: ¥2 each time, covered by the delivery subsidy paid to the provider; you pay nothing"
        );
    }

    #[test]
    fn a_subsidy_to_the_person_or_to_no_one_known_does_not_reduce_the_fee() {
        // Paid to the person ("补给您本人"), or the source does not say: the person pays the whole
        // 2-yuan fee at the counter: 7 + 2 = 9.
        for paid_to in [r#"paid_to = "person""#, ""] {
            let p = delivery_policy("1", paid_to);
            let a = assess(&p, &Person::aged(85), &lunch(12, true), Calendar::builtin());
            assert_eq!((a.pay, a.delivery_subsidy, a.delivery_fee), (Some(Fen::yuan(9)), Fen::yuan(1), Fen::yuan(2)), "{paid_to}");
        }
        let p = delivery_policy("1", "");
        assert_eq!(assess(&p, &Person::aged(85), &lunch(12, true), Calendar::builtin()).delivery_paid_to, None);
    }

    /// Two tiers that both give `first` and `second` yuan to a 70-year-old.
    fn two_tiers(first: &str, second: &str) -> Policy {
        policy(&format!(
            r#"
[[version]]
id = "v"
label = "v"
from = 2025-01-01
  [[version.component]]
  id = "m"
  name = "补贴"
  select = "best"
    [[version.component.tier]]
    id = "{first}"
    name = "{first}"
    when = {{ age_at_least = 60 }}
    subsidy = 3
    clause = "c"
    [[version.component.tier]]
    id = "{second}"
    name = "{second}"
    when = {{ hukou = "local" }}
    subsidy = 3
    clause = "c"
"#
        ))
    }

    #[test]
    fn best_breaks_a_tie_by_file_order() {
        // Both tiers give 3 yuan: the one written first wins, whichever it is (calc: only a tier
        // worth strictly more replaces the one already chosen).
        let a = assess(&two_tiers("age", "local"), &Person::aged(70), &lunch(12, false), Calendar::builtin());
        assert_eq!((a.tier.as_deref(), a.subsidy), (Some("age"), Fen::yuan(3)));
        let a = assess(&two_tiers("local", "age"), &Person::aged(70), &lunch(12, false), Calendar::builtin());
        assert_eq!((a.tier.as_deref(), a.subsidy), (Some("local"), Fen::yuan(3)));
    }

    #[test]
    fn a_version_without_a_known_start_is_used_until_the_next_begins() {
        // "unknown" then 2024-07-01: 30 June 2024 and 2 January 2001 are under the first, 1 July
        // 2024 under the second.
        let p = policy(
            r#"
[[version]]
id = "old"
label = "旧办法"
from = "unknown"
  [[version.component]]
  id = "m"
  name = "补贴"
    [[version.component.tier]]
    id = "old"
    name = "旧"
    subsidy = 2
    clause = "c"
[[version]]
id = "new"
label = "新办法"
from = 2024-07-01
  [[version.component]]
  id = "m"
  name = "补贴"
    [[version.component.tier]]
    id = "new"
    name = "新"
    subsidy = 3
    clause = "c"
"#,
        );
        let on = |s: &str| p.version_on(d(s)).map(|v| v.id.as_str());
        assert_eq!(
            (on("2001-01-02"), on("2024-06-30"), on("2024-07-01"), on("2030-01-01")),
            (Some("old"), Some("old"), Some("new"), Some("new"))
        );
        let a = assess(&p, &Person::aged(70), &Meal { date: d("2024-06-30"), ..lunch(12, false) }, Calendar::builtin());
        assert_eq!(a.subsidy, Fen::yuan(2));
        let step = a.steps.iter().find(|s| matches!(s.kind, StepKind::Version { .. })).expect("version step");
        assert!(matches!(step.kind, StepKind::Version { from: None, gives_way: Some(g), .. } if g == d("2024-07-01")));
    }
}
