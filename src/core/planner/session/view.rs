//! The view model: what the page shows after a run (the ranked sites, the totals, the curve, the
//! density grid, the report's conditions), built from a plan's result.

use serde::{Deserialize, Serialize};

use super::super::data::{Demand, Sites};
use super::super::plan::{PlanResult, Prepared};
use super::super::score::SiteScore;
use super::super::settings::Settings;
use super::area::BoundaryReport;
use super::density::{density_grid, DensityGrid};
use super::protocol::Role;
use crate::core::geo::{LocalProjection, LonLat};
use crate::core::io::crs::Crs;

/// One candidate's line in the result table.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SiteRow {
    /// Candidate index.
    pub index: usize,
    /// Name.
    pub name: String,
    /// Position.
    pub lon: f64,
    /// Position.
    pub lat: f64,
    /// Map position, metres east of the map centre.
    pub x: f64,
    /// Map position, metres north of the map centre.
    pub y: f64,
    /// Chosen (0 = first chosen), if chosen.
    pub rank: Option<usize>,
    /// Capacity, meals per day.
    pub capacity: Option<f64>,
    /// Cost.
    pub cost: Option<f64>,
    /// Score breakdown.
    pub score: SiteScore,
    /// For chosen sites: older people counted at this site only — each person once, at the first
    /// chosen site (in rank order) that reaches them, and not if an existing canteen does.
    pub assigned: f64,
}

/// What the page shows after a run.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PlanView {
    /// Radius, metres.
    pub radius_m: f64,
    /// Sites asked for.
    pub k: usize,
    /// Older people in all.
    pub total_count: f64,
    /// Weighted demand in all.
    pub total_weighted: f64,
    /// Weighted demand served by existing canteens.
    pub existing_weighted: f64,
    /// Weighted demand covered by the plan (with existing canteens).
    pub covered_weighted: f64,
    /// Upper bound on what any plan of the same size covers.
    pub upper_bound: f64,
    /// Weighted demand no site reaches.
    pub uncoverable_weighted: f64,
    /// Chosen candidates, in order.
    pub chosen: Vec<usize>,
    /// Every candidate.
    pub sites: Vec<SiteRow>,
    /// Existing canteens on the map (x, y, name).
    pub existing: Vec<(f64, f64, String)>,
    /// Coverage-vs-k (weighted).
    pub curve: Vec<f64>,
    /// Fewest sites for the target share.
    pub fewest: Option<Vec<usize>>,
    /// Target share used.
    pub target_share: f64,
    /// Demand density.
    pub grid: DensityGrid,
    /// Names of the extra count columns.
    pub extra_names: Vec<String>,
    /// (site, point) pairs.
    pub pairs: usize,
    /// The coordinate system the candidates' file was in (exports use it by default).
    #[serde(default)]
    pub input_crs: Crs,
    /// The settings the plan was made with.
    #[serde(default)]
    pub settings: Settings,
    /// The data it was made from (empty for the simulated demo district).
    #[serde(default)]
    pub sources: Vec<SourceFile>,
    /// The map projection's origin: map x and y are metres east and north of it (WGS84).
    #[serde(default)]
    pub origin: Option<LonLat>,
    /// The study area's rings (outer rings and holes) in map metres, when a boundary is in use.
    #[serde(default)]
    pub boundary: Vec<Vec<(f64, f64)>>,
    /// What the boundary left out of this plan, when one is in use.
    #[serde(default)]
    pub study_area: Option<BoundaryReport>,
    /// Capacity, home delivery, accessibility and fairness, supply-demand ratios (issue 15).
    #[serde(default)]
    pub models: Option<Box<super::models::ModelsView>>,
}

/// A data file a plan was made from, for the report.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SourceFile {
    /// Which file.
    pub role: Role,
    /// Its name.
    pub name: String,
    /// Points or sites in use.
    pub rows: usize,
    /// Its coordinate system.
    pub crs: Crs,
}

impl PlanView {
    /// Other meal providers (x, y in metres from the origin, name), when a file of them was in use.
    pub fn competitor_points(&self) -> &[(f64, f64, String)] {
        self.models.as_deref().and_then(|m| m.competitors.as_ref()).map_or(&[], |c| &c.points)
    }

    /// The chosen sites, in rank order.
    pub fn chosen_sites(&self) -> impl Iterator<Item = &SiteRow> {
        self.chosen.iter().filter_map(|&i| self.sites.get(i))
    }

    /// Every candidate in the one order the result table and the CSV export list them: the chosen
    /// sites in rank order (as [`PlanView::chosen_sites`], which the map numbers and names), then
    /// the others by the (weighted) older people they would newly reach, most first, equal ones by
    /// index.
    pub fn ranked_sites(&self) -> Vec<&SiteRow> {
        let mut order: Vec<&SiteRow> = self.sites.iter().collect();
        order.sort_by(|a, b| match (a.rank, b.rank) {
            (Some(x), Some(y)) => x.cmp(&y),
            (Some(_), None) => std::cmp::Ordering::Less,
            (None, Some(_)) => std::cmp::Ordering::Greater,
            (None, None) => b.score.new_weighted.total_cmp(&a.score.new_weighted).then(a.index.cmp(&b.index)),
        });
        order
    }

    /// The plan covers at least this share (0–1) of what the best plan of the same size could.
    pub fn guarantee(&self) -> f64 {
        super::super::select::guarantee(self.covered_weighted, self.upper_bound)
    }

    /// [`PlanView::guarantee`] as the percent the page shows ("at least …%"): rounded DOWN to a
    /// tenth and kept within 0–100, so the claim stays true. It is 100 only when the plan covers
    /// its bound (covered above the bound by floating error included); 99.96 % shows as 99.9, never
    /// as 100. A figure that is not a number claims nothing: 0.
    pub fn guarantee_percent(&self) -> f64 {
        percent_at_least(self.covered_weighted, self.upper_bound)
    }

    /// No plan of the same size covers even one more (weighted) older person: the bound is less
    /// than half a person above what the plan covers, so both round to the same whole number.
    pub fn proven_best(&self) -> bool {
        self.upper_bound - self.covered_weighted < 0.5
    }
}

/// `covered ÷ upper_bound` as the percent the page shows ("at least …%"): see
/// [`PlanView::guarantee_percent`] (also for [`super::protocol::Certificate`]).
pub fn percent_at_least(covered: f64, upper_bound: f64) -> f64 {
    if !(covered.is_finite() && upper_bound.is_finite()) {
        return 0.0;
    }
    let share = super::super::select::guarantee(covered, upper_bound);
    if share >= 1.0 {
        return 100.0;
    }
    if !(share > 0.0) {
        return 0.0;
    }
    // Tenths of a percent. An exact tenth can come out a hair below itself (0.7 ÷ 10 × 1000 =
    // 69.99999999999999): that is still the tenth, so it is taken before rounding down.
    let tenths = share * 1000.0;
    let whole = tenths.round();
    let tenths = if (tenths - whole).abs() < 1e-9 { whole } else { tenths.floor() };
    // Below the bound is below 100 %, however close.
    (tenths / 10.0).min(99.9)
}

/// The demand's centre, for the map projection.
pub(super) fn center(points: &[LonLat]) -> LonLat {
    if points.is_empty() {
        return LonLat::new(0.0, 0.0);
    }
    let n = points.len() as f64;
    LonLat::new(points.iter().map(|p| p.lon).sum::<f64>() / n, points.iter().map(|p| p.lat).sum::<f64>() / n)
}

/// Older people assigned to each chosen site: once each, to the first chosen site reaching them.
fn assigned_counts(demand: &Demand, prepared: &Prepared, chosen: &[usize]) -> Vec<f64> {
    let mut taken = prepared.existing.covered_mask();
    let mut out = vec![0.0; prepared.candidates.n_sites()];
    for &s in chosen {
        for &i in prepared.candidates.of(s) {
            let i = i as usize;
            if !taken[i] {
                taken[i] = true;
                out[s] += demand.counts[i];
            }
        }
    }
    out
}

pub(super) fn view(
    demand: &Demand,
    candidates: &Sites,
    existing: &Sites,
    prepared: &Prepared,
    r: &PlanResult,
    settings: &Settings,
) -> PlanView {
    let origin = center(&demand.points);
    let proj = LocalProjection::new(origin);
    let assigned = assigned_counts(demand, prepared, &r.selection.chosen);
    let finite = |v: f64| v.is_finite().then_some(v);
    let sites = (0..candidates.points.len())
        .map(|i| {
            let p = candidates.points[i];
            let (x, y) = proj.forward(p);
            SiteRow {
                index: i,
                name: candidates.names.get(i).cloned().unwrap_or_default(),
                lon: p.lon,
                lat: p.lat,
                x,
                y,
                rank: r.selection.chosen.iter().position(|&c| c == i),
                capacity: candidates.capacity.get(i).copied().and_then(finite),
                cost: candidates.cost.get(i).copied().and_then(finite),
                score: r.scores.get(i).cloned().unwrap_or_default(),
                assigned: assigned[i],
            }
        })
        .collect();
    let existing_xy = existing
        .points
        .iter()
        .zip(&existing.names)
        .map(|(p, n)| {
            let (x, y) = proj.forward(*p);
            (x, y, n.clone())
        })
        .collect();
    PlanView {
        radius_m: r.radius_m,
        k: settings.k,
        total_count: r.total_count,
        total_weighted: r.total_weighted,
        existing_weighted: r.existing_weighted,
        covered_weighted: r.selection.covered_weight,
        upper_bound: r.selection.upper_bound,
        uncoverable_weighted: r.selection.uncoverable_weight,
        chosen: r.selection.chosen.clone(),
        sites,
        existing: existing_xy,
        curve: r.curve.clone(),
        fewest: r.fewest.clone(),
        target_share: settings.target_share,
        grid: density_grid(demand, &proj, 120),
        extra_names: demand.extra_names.clone(),
        pairs: r.pairs,
        input_crs: Crs::Wgs84,
        settings: settings.clone(),
        sources: Vec::new(),
        origin: Some(origin),
        boundary: Vec::new(),
        study_area: None,
        models: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A candidate's row with only what the ranking reads.
    fn row(index: usize, rank: Option<usize>, new_weighted: f64) -> SiteRow {
        SiteRow {
            index,
            name: format!("S{index}"),
            lon: 0.0,
            lat: 0.0,
            x: 0.0,
            y: 0.0,
            rank,
            capacity: None,
            cost: None,
            score: SiteScore { new_weighted, ..SiteScore::default() },
            assigned: 0.0,
        }
    }

    #[test]
    fn chosen_sites_come_first_in_rank_order_then_the_rest_by_new_reach() {
        let mut v = super::super::demo_plan(1);
        // Chosen: site 3 first, site 1 second. The rest: 2 (9 new), then 0 and 4 (5 each, by index).
        v.sites = vec![row(0, None, 5.0), row(1, Some(1), 1.0), row(2, None, 9.0), row(3, Some(0), 0.0), row(4, None, 5.0)];
        v.chosen = vec![3, 1];
        let order: Vec<usize> = v.ranked_sites().iter().map(|s| s.index).collect();
        assert_eq!(order, vec![3, 1, 2, 0, 4]);
    }

    #[test]
    fn the_guarantee_is_a_percent_rounded_down_within_0_to_100() {
        let mut v = super::super::demo_plan(1);
        let mut percent = |covered: f64, bound: f64| {
            v.covered_weighted = covered;
            v.upper_bound = bound;
            v.guarantee_percent()
        };
        assert_eq!(percent(90.0, 100.0), 90.0);
        // 150 of 160 = 93.75 %: down to 93.7, not up to 93.8.
        assert_eq!(percent(150.0, 160.0), 93.7);
        // 2 of 3 = 66.66… %: 66.6, not 66.7.
        assert_eq!(percent(2.0, 3.0), 66.6);
        // 0.7 of 10 (weighted people) is exactly 7.0 %, though 0.7 ÷ 10 × 1000 is a hair under 70
        // in floating point: 7.0, not 6.9.
        assert_eq!(percent(0.7, 10.0), 7.0);
        // 9,996 of 10,000 = 99.96 %: 99.9, never "100 %" for a plan not proven best.
        assert_eq!(percent(9_996.0, 10_000.0), 99.9);
        // 999,999.9 of 1,000,000 = 99.99999 %: still 99.9.
        assert_eq!(percent(999_999.9, 1_000_000.0), 99.9);
        // One short of ten million million: 99.99999999999 %, so close that the tenths round to
        // 1000, and still shown as 99.9.
        assert_eq!(percent(9_999_999_999_999.0, 10_000_000_000_000.0), 99.9);
        // Covered a hair above the bound by floating error: 100, not 100.0000001.
        assert_eq!(percent(100.000_000_1, 100.0), 100.0);
        assert_eq!(percent(100.0, 100.0), 100.0);
        // Nothing can be covered at all: the plan is as good as any.
        assert_eq!(percent(0.0, 0.0), 100.0);
        assert_eq!(percent(0.0, 50.0), 0.0);
        // Never below 0, and nothing claimed from a figure that is not a number.
        assert_eq!(percent(-1.0, 50.0), 0.0);
        assert_eq!(percent(f64::NAN, 50.0), 0.0);
        assert_eq!(percent(50.0, f64::NAN), 0.0);
    }
}
