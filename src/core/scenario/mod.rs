//! Scenarios: what a plan of canteens will cost under a policy, and who gains or loses when the
//! policy changes.
//!
//! The population is split into groups of people whom every policy treats alike: age bands cut at
//! every age edge the presets use (60, 65, 70, 80, 100), hardship category, care level and hukou.
//! Each group is one representative [`Person`](crate::core::policy::Person) that the policy engine
//! assesses for a whole year with the month simulator (caps, working days and holidays included) —
//! never a second implementation of the rules. Dimensions are taken as independent: the share of
//! 80-year-olds among 低保 recipients is the overall share of 80-year-olds. Shares come from the
//! planner (or from the demand data's columns); the only default is the census age split below.
//!
//! Census: 60+ 264,018,766 and 65+ 190,635,280 people (第七次全国人口普查公报第五号, 国家统计局,
//! 2021-05-11), so 65+ are 72.20 % of the 60+ and 60–64 year-olds 27.80 %.
//!
//! One file per thing: `mix` (the population's shares and groups, and the 80+ share from the data,
//! its column found by `age_column`), `cost` (a year of meals per group, a plan's cost), `compare`
//! (who gains and who loses), `form` (the form as typed), `policies` (the presets, parsed once),
//! `estimate` (a plan costed as the form says, and the section's state), `display` and `report`
//! (the estimate written out on screen and as CSV, in the words of `words`), `sample` (a simulated
//! district for benchmarks).

mod age_column;
mod compare;
mod cost;
mod display;
mod estimate;
mod form;
mod mix;
mod policies;
mod report;
mod sample;
pub mod words;

pub use age_column::{age_span, AgeSpan};
pub use compare::{changes_by_age_and_hardship, compare, ChangeRow, GroupChange};
pub use cost::{cost_curve, cost_plan, group_costs, Assumptions, GroupCost, PlanCost, SiteCost};
pub use display::{policy_choices, ChartText, ComparisonText, EstimateText, PlansText, PolicyText, SiteLine};
pub use estimate::{Estimate, Outcome, ScenarioAction, ScenarioState};
pub use form::{Field, ScenarioForm};
pub use mix::{groups, share_80_plus, Group, Shares, AGE_BANDS, BAND_80_PLUS, CENSUS_SHARE_65_PLUS};
pub use policies::{preset_policies, preset_policy};
pub use report::report_csv;
pub use sample::sample_district;
pub use words::{words, ScenarioWords};

/// Small plans built by hand for the tests.
#[cfg(test)]
pub(crate) mod test_view {
    use super::ScenarioForm;
    use crate::core::planner::plan::{Settings, SiteScore};
    use crate::core::planner::session::{DensityGrid, PlanView, SiteRow};

    /// A chosen site: its name, the older people it newly covers (counted there only), all it
    /// reaches, and its capacity.
    pub(crate) fn site(name: &str, assigned: f64, covered: f64, capacity: Option<f64>) -> SiteRow {
        SiteRow {
            index: 0,
            name: name.into(),
            lon: 0.0,
            lat: 0.0,
            x: 0.0,
            y: 0.0,
            rank: None,
            capacity,
            cost: None,
            score: SiteScore { covered, ..SiteScore::default() },
            assigned,
        }
    }

    /// A plan that chose `sites` in order, out of `total` older people, at a 500 m radius, no
    /// existing canteens; its coverage curve adds up the sites' new coverage.
    pub(crate) fn view(sites: Vec<SiteRow>, total: f64) -> PlanView {
        let curve: Vec<f64> = sites
            .iter()
            .scan(0.0, |sum, s| {
                *sum += s.assigned;
                Some(*sum)
            })
            .collect();
        let sites: Vec<SiteRow> = sites.into_iter().enumerate().map(|(i, s)| SiteRow { index: i, rank: Some(i), ..s }).collect();
        PlanView {
            radius_m: 500.0,
            k: sites.len(),
            total_count: total,
            total_weighted: total,
            existing_weighted: 0.0,
            covered_weighted: curve.last().copied().unwrap_or(0.0),
            upper_bound: curve.last().copied().unwrap_or(0.0),
            uncoverable_weighted: 0.0,
            chosen: (0..sites.len()).collect(),
            sites,
            existing: Vec::new(),
            curve,
            fewest: None,
            target_share: 0.8,
            grid: DensityGrid::default(),
            extra_names: Vec::new(),
            pairs: 0,
            input_crs: Default::default(),
            settings: Settings::default(),
            sources: Vec::new(),
            origin: None,
            boundary: Vec::new(),
            study_area: None,
            models: None,
        }
    }

    /// Everyone aged 80–99 (represented at 85), local, no hardship or care need; 20 % come, five
    /// lunches a week at the reference price, in 2025.
    pub(crate) fn everyone_85(policy: &str) -> ScenarioForm {
        ScenarioForm {
            uptake: "20".into(),
            age: ["0".into(), "0".into(), "0".into(), "100".into(), "0".into()],
            ..ScenarioForm::new(policy, None)
        }
    }
}
