//! Scenarios: what a plan of canteens will cost under a policy, and who gains or loses when the
//! policy changes.
//!
//! The population is split into groups of people whom every policy treats alike: age bands cut at
//! every age edge the presets use (60, 65, 70, 80, 100), hardship category, care level and hukou.
//! Each group is one representative [`Person`] that the policy engine assesses for a whole year
//! with the month simulator (caps, working days and holidays included) — never a second
//! implementation of the rules. Dimensions are taken as independent: the share of 80-year-olds
//! among 低保 recipients is the overall share of 80-year-olds. Shares come from the planner (or
//! from the demand data's columns); the only default is the census age split below.
//!
//! Census: 60+ 264,018,766 and 65+ 190,635,280 people (第七次全国人口普查公报第五号, 国家统计局,
//! 2021-05-11), so 65+ are 72.20 % of the 60+ and 60–64 year-olds 27.80 %.

use serde::{Deserialize, Serialize};

use crate::core::calendar::Calendar;
use crate::core::money::Fen;
use crate::core::policy::model::{FundingLevel, OperatorPer, Policy};
use crate::core::policy::simulate::{simulate_month, MealPlan};
use crate::core::policy::{assess_figures, CareLevel, Hardship, Hukou, Meal, MealKind, Person, Place};

/// Share of 65+ among the 60+ (census 2020).
pub const CENSUS_SHARE_65_PLUS: f64 = 190_635_280.0 / 264_018_766.0;

/// Age bands, cut at every edge the presets use.
pub const AGE_BANDS: [(u32, u32, u32); 5] = [(60, 64, 62), (65, 69, 67), (70, 79, 75), (80, 99, 85), (100, 150, 100)];

/// Shares of the older population (60+) in each category. Unset shares are 0.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Shares {
    /// Share in each age band of [`AGE_BANDS`] (sums to 1).
    pub age: [f64; 5],
    /// Shares of 特困 (dispersed), 低保, 低保边缘, 低收入; the rest have no hardship category.
    pub hardship: [f64; 4],
    /// Shares assessed moderately and severely disabled; the rest none or mild.
    pub care: [f64; 2],
    /// Share registered elsewhere (外地户籍).
    pub nonlocal: f64,
}

impl Default for Shares {
    /// The census age split (60–64 vs 65+); 65+ counted as 65–69 until the planner sets the
    /// older bands; no hardship, care or non-local shares.
    fn default() -> Self {
        Shares { age: [1.0 - CENSUS_SHARE_65_PLUS, CENSUS_SHARE_65_PLUS, 0.0, 0.0, 0.0], hardship: [0.0; 4], care: [0.0; 2], nonlocal: 0.0 }
    }
}

const HARDSHIPS: [Hardship; 4] = [Hardship::TekunDispersed, Hardship::Dibao, Hardship::DibaoEdge, Hardship::LowIncome];
const CARES: [CareLevel; 2] = [CareLevel::Moderate, CareLevel::Severe];

/// One group of people the policies treat alike.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Group {
    /// Index into [`AGE_BANDS`].
    pub age_band: usize,
    /// Hardship category.
    pub hardship: Hardship,
    /// Care level.
    pub care: CareLevel,
    /// Registered residence.
    pub hukou: Hukou,
    /// Share of the older population.
    pub share: f64,
}

impl Group {
    /// The representative person.
    pub fn person(&self) -> Person {
        let mut p = Person::aged(AGE_BANDS[self.age_band].2);
        p.hardship = self.hardship;
        p.care_level = self.care;
        p.hukou = self.hukou;
        p
    }
}

/// Every group with a share above zero (independent dimensions).
pub fn groups(s: &Shares) -> Vec<Group> {
    let none_hardship = (1.0 - s.hardship.iter().sum::<f64>()).max(0.0);
    let hardship: Vec<(Hardship, f64)> =
        std::iter::once((Hardship::None, none_hardship)).chain(HARDSHIPS.iter().copied().zip(s.hardship)).collect();
    let none_care = (1.0 - s.care.iter().sum::<f64>()).max(0.0);
    let care: Vec<(CareLevel, f64)> = std::iter::once((CareLevel::None, none_care)).chain(CARES.iter().copied().zip(s.care)).collect();
    let hukou = [(Hukou::Local, (1.0 - s.nonlocal).max(0.0)), (Hukou::Nonlocal, s.nonlocal)];
    let mut out = Vec::new();
    for (age_band, &a) in s.age.iter().enumerate() {
        for &(h, hs) in &hardship {
            for &(c, cs) in &care {
                for &(k, ks) in &hukou {
                    let share = a * hs * cs * ks;
                    if share > 0.0 {
                        out.push(Group { age_band, hardship: h, care: c, hukou: k, share });
                    }
                }
            }
        }
    }
    out
}

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
            let date = crate::core::date::Date::new(a.year, 6, 15).unwrap_or(crate::core::date::Date::MIN);
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

fn next_weekday(d: crate::core::date::Date) -> crate::core::date::Date {
    let mut day = d;
    while day.weekday().is_weekend() {
        day = day.add_days(1).unwrap_or(day);
    }
    day
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

/// Who gains and who loses between two policies: per group, the yearly subsidy per user under
/// each, and the difference.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct GroupChange {
    /// The group.
    pub group: Group,
    /// Per user per year under the first policy.
    pub before: Fen,
    /// Under the second.
    pub after: Fen,
}

impl GroupChange {
    /// After minus before.
    pub fn change(&self) -> Fen {
        self.after - self.before
    }
}

/// Compares two costings of the same groups (same shares and assumptions).
pub fn compare(before: &[GroupCost], after: &[GroupCost]) -> Vec<GroupChange> {
    before.iter().zip(after).map(|(b, a)| GroupChange { group: b.group.clone(), before: b.subsidy_year, after: a.subsidy_year }).collect()
}

/// A SIMULATED district for benchmarks: `people` older people spread over `sites` sites (seeded
/// sizes, capacities 300–700 meals a day) and a plausible mix of categories.
pub fn sample_district(people: f64, sites: usize, seed: u64) -> (Shares, Vec<(f64, Option<f64>)>) {
    let shares = Shares { age: [0.278, 0.25, 0.28, 0.18, 0.012], hardship: [0.005, 0.03, 0.02, 0.02], care: [0.04, 0.03], nonlocal: 0.1 };
    let mut rng = crate::core::rng::Rng::new(seed);
    let raw: Vec<f64> = (0..sites).map(|_| 1.0 + rng.unit()).collect();
    let scale = people / raw.iter().sum::<f64>().max(1e-12);
    let sites = raw.iter().map(|r| (r * scale, Some(300.0 + 400.0 * rng.unit()))).collect();
    (shares, sites)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::policy::presets::load_preset;

    fn preset(id: &str) -> Policy {
        load_preset(id).and_then(Result::ok).expect("preset")
    }

    #[test]
    fn groups_partition_the_population() {
        let s = Shares { age: [0.3, 0.2, 0.3, 0.18, 0.02], hardship: [0.01, 0.05, 0.02, 0.0], care: [0.04, 0.03], nonlocal: 0.1 };
        let g = groups(&s);
        let total: f64 = g.iter().map(|x| x.share).sum();
        assert!((total - 1.0).abs() < 1e-12, "{total}");
        // 5 ages × 4 hardship (low income 0) × 3 care × 2 hukou.
        assert_eq!(g.len(), 5 * 4 * 3 * 2);
        assert!((CENSUS_SHARE_65_PLUS - 0.72205).abs() < 1e-5);
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
}

/// The scenario form as typed: percentages and counts as text.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ScenarioForm {
    /// Policy id.
    pub policy_a: String,
    /// Policy id to compare with ("" for none).
    pub policy_b: String,
    /// Year for the first policy.
    pub year_a: String,
    /// Year for the second.
    pub year_b: String,
    /// Uptake, percent.
    pub uptake: String,
    /// Lunches a week.
    pub days: String,
    /// Price, yuan ("" for the reference price).
    pub price: String,
    /// Age band shares, percent (60–64 is what remains).
    pub age: [String; 5],
    /// Hardship shares, percent.
    pub hardship: [String; 4],
    /// Care shares, percent.
    pub care: [String; 2],
    /// Non-local share, percent.
    pub nonlocal: String,
}

impl ScenarioForm {
    /// Defaults: census age split, 80+ share from the data if known, MCA uptake.
    pub fn new(policy: &str, share_80_plus: Option<f64>) -> ScenarioForm {
        let s65 = CENSUS_SHARE_65_PLUS * 100.0;
        let s80 = share_80_plus.unwrap_or(0.0).clamp(0.0, CENSUS_SHARE_65_PLUS) * 100.0;
        let f = |v: f64| format!("{v:.1}");
        ScenarioForm {
            policy_a: policy.into(),
            policy_b: String::new(),
            year_a: "2025".into(),
            year_b: "2025".into(),
            uptake: "22.1".into(),
            days: "5".into(),
            price: String::new(),
            age: [f(100.0 - s65), f(s65 - s80), "0".into(), f(s80), "0".into()],
            hardship: ["0".into(), "0".into(), "0".into(), "0".into()],
            care: ["0".into(), "0".into()],
            nonlocal: "0".into(),
        }
    }

    /// Checks the numbers: shares in 0–100 with age bands adding up to 100 (60–64 takes up any
    /// rounding), 1–7 days, a year 2000–2100, a price in yuan.
    pub fn validate(&self) -> Option<(Shares, Assumptions, Option<Assumptions>)> {
        let pct = |s: &str| -> Option<f64> {
            s.trim().parse::<f64>().ok().filter(|v| v.is_finite() && (0.0..=100.0).contains(v)).map(|v| v / 100.0)
        };
        let mut age = [0.0; 5];
        for (i, a) in self.age.iter().enumerate() {
            age[i] = pct(a)?;
        }
        let older: f64 = age[1..].iter().sum();
        if older > 1.0 + 1e-9 {
            return None;
        }
        age[0] = 1.0 - older;
        let mut hardship = [0.0; 4];
        for (i, h) in self.hardship.iter().enumerate() {
            hardship[i] = pct(h)?;
        }
        let mut care = [0.0; 2];
        for (i, c) in self.care.iter().enumerate() {
            care[i] = pct(c)?;
        }
        if hardship.iter().sum::<f64>() > 1.0 + 1e-9 || care.iter().sum::<f64>() > 1.0 + 1e-9 {
            return None;
        }
        let shares = Shares { age, hardship, care, nonlocal: pct(&self.nonlocal)? };
        let days: u32 = self.days.trim().parse().ok().filter(|d| (1..=7).contains(d))?;
        let year = |s: &str| s.trim().parse::<i32>().ok().filter(|y| (2000..=2100).contains(y));
        let price = if self.price.trim().is_empty() { None } else { Some(Fen::parse_yuan(&self.price).ok().filter(|p| p.0 > 0)?) };
        let a = Assumptions { uptake: pct(&self.uptake)?, days_per_week: days, price, year: year(&self.year_a)? };
        let b = if self.policy_b.is_empty() { None } else { Some(Assumptions { year: year(&self.year_b)?, ..a.clone() }) };
        Some((shares, a, b))
    }
}

#[cfg(test)]
mod form_tests {
    use super::*;

    #[test]
    fn defaults_validate_and_bad_numbers_do_not() {
        let f = ScenarioForm::new("tianjin", Some(0.18));
        let (s, a, b) = f.validate().expect("defaults are valid");
        assert!((s.age.iter().sum::<f64>() - 1.0).abs() < 1e-9);
        assert!((s.age[3] - 0.18).abs() < 1e-9);
        assert_eq!((a.days_per_week, a.year, b), (5, 2025, None));
        assert!(ScenarioForm { days: "8".into(), ..f.clone() }.validate().is_none());
        assert!(ScenarioForm { uptake: "abc".into(), ..f.clone() }.validate().is_none());
        assert!(ScenarioForm { age: ["0".into(), "60".into(), "50".into(), "0".into(), "0".into()], ..f.clone() }.validate().is_none());
        let with_b = ScenarioForm { policy_b: "dandong-2024".into(), year_b: "2026".into(), ..f };
        assert_eq!(with_b.validate().and_then(|(_, _, b)| b).map(|b| b.year), Some(2026));
    }
}
