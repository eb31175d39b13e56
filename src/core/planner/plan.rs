//! The planning pipeline: [`prepare`] (or [`prepare_on_foot`]) builds the coverage lists, [`run`]
//! scores every candidate, chooses the sites and draws the coverage curve into a [`PlanResult`].
//!
//! The settings live in [`super::settings`] and the per-site scores in [`super::score`]; both are
//! re-exported here, so `plan::Settings`, `plan::weights` and the like still name them.

use serde::Serialize;

use super::coverage::{Coverage, PointIndex};
use super::data::{Demand, Sites};
use super::network::{RoadNetwork, SnapReport, SnappedDemand};
pub use super::score::{scores, weights, SiteScore};
use super::select::{coverage_curve, fewest_sites, select, SelectOptions, Selection, SelectionInput};
pub use super::settings::{Choices, Decay, Radius, Settings};

/// Everything a run produces.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PlanResult {
    /// Radius used, metres.
    pub radius_m: f64,
    /// Older people in all.
    pub total_count: f64,
    /// Weighted demand in all.
    pub total_weighted: f64,
    /// Weighted demand existing canteens already serve.
    pub existing_weighted: f64,
    /// Each candidate's score.
    pub scores: Vec<SiteScore>,
    /// The chosen sites.
    pub selection: Selection,
    /// Coverage-vs-k (weighted), entry i for k = locked + i + 1.
    pub curve: Vec<f64>,
    /// Fewest sites reaching the target share, if reachable.
    pub fewest: Option<Vec<usize>>,
    /// (site, point) pairs within the radius.
    pub pairs: usize,
}

/// The index and coverage lists: the expensive, settings-independent part (except the radius).
pub struct Prepared {
    /// Coverage of the candidates.
    pub candidates: Coverage,
    /// Coverage of the existing canteens.
    pub existing: Coverage,
}

/// Builds the spatial index and the coverage lists.
pub fn prepare(demand: &Demand, candidates: &Sites, existing: &Sites, radius_m: f64) -> Prepared {
    let index = PointIndex::new(&demand.points, radius_m);
    Prepared {
        candidates: Coverage::build(&index, demand.points.len(), &candidates.points, radius_m),
        existing: Coverage::build(&index, demand.points.len(), &existing.points, radius_m),
    }
}

/// The same lists walking along the roads of `net` ([`super::network`]): a site covers a point
/// when the walk between them, road and the walks onto it included, is at most `limit_m` metres;
/// a point or site farther than `max_snap_m` from every road falls back to the straight line ×
/// `detour`. Also says how many did.
pub fn prepare_on_foot(
    demand: &Demand,
    candidates: &Sites,
    existing: &Sites,
    net: &RoadNetwork,
    limit_m: f64,
    max_snap_m: f64,
    detour: f64,
) -> (Prepared, SnapReport) {
    prepare_snapped(&SnappedDemand::new(net, &demand.points, limit_m, max_snap_m, detour), candidates, existing)
}

/// [`prepare_on_foot`] from demand already snapped (once per plan, for the candidates, the
/// existing canteens and any other providers alike).
pub fn prepare_snapped(snapped: &SnappedDemand, candidates: &Sites, existing: &Sites) -> (Prepared, SnapReport) {
    let (cand, cand_unsnapped) = snapped.cover(&candidates.points);
    let (exist, existing_unsnapped) = snapped.cover(&existing.points);
    let report = SnapReport { demand_unsnapped: snapped.unsnapped(), sites_unsnapped: cand_unsnapped + existing_unsnapped };
    (Prepared { candidates: cand, existing: exist }, report)
}

/// Runs everything after [`prepare`].
pub fn run(
    demand: &Demand,
    candidates: &Sites,
    prepared: &Prepared,
    settings: &Settings,
    choices: &Choices,
    options: SelectOptions,
) -> PlanResult {
    let w = weights(demand, &settings.extra_weights);
    let precovered = prepared.existing.covered_mask();
    let scores = scores(demand, candidates, prepared, &w, &precovered, settings);
    let input = SelectionInput {
        coverage: &prepared.candidates,
        weights: &w,
        precovered: Some(&precovered),
        locked: &choices.locked,
        excluded: &choices.excluded,
    };
    let selection = select(&input, settings.k, options);
    let curve = coverage_curve(&input, settings.curve_max_k.min(prepared.candidates.n_sites()));
    let fewest = fewest_sites(&input, settings.target_share);
    PlanResult {
        radius_m: prepared.candidates.radius_m,
        total_count: demand.counts.iter().sum(),
        total_weighted: w.iter().sum(),
        existing_weighted: selection.existing_weight,
        scores,
        selection,
        curve,
        fewest,
        pairs: prepared.candidates.pairs(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::geo::LonLat;

    fn demand() -> Demand {
        // Three points on a line, 0.005° apart (≈ 511 m at 23°N): A (100 people, 20 over 80),
        // B (50, 40), C (200, 0).
        Demand {
            points: vec![LonLat::new(113.000, 23.0), LonLat::new(113.005, 23.0), LonLat::new(113.020, 23.0)],
            counts: vec![100.0, 50.0, 200.0],
            extras: vec![vec![20.0, 40.0, 0.0]],
            extra_names: vec!["80岁以上".into()],
            names: ["A", "B", "C"].into_iter().collect(),
            area_m2: vec![f64::NAN; 3],
            rows: Vec::new(),
        }
    }

    fn sites(points: &[(f64, f64)], capacity: f64) -> Sites {
        let n = points.len();
        Sites {
            points: points.iter().map(|&(x, y)| LonLat::new(x, y)).collect(),
            names: (0..n).map(|i| format!("S{i}")).collect(),
            capacity: vec![capacity; n],
            cost: vec![f64::NAN; n],
            rows: Vec::new(),
        }
    }

    #[test]
    fn scores_add_up_by_hand() {
        let d = demand();
        // Site 0 at A covers A and B (511 m); site 1 at C covers C only.
        let c = sites(&[(113.000, 23.0), (113.020, 23.0)], 20.0);
        // An existing canteen at B covers A and B already.
        let e = sites(&[(113.005, 23.0)], f64::NAN);
        let settings = Settings { radius: Radius::Metres { metres: 600.0 }, k: 1, extra_weights: vec![1.0], ..Settings::default() };
        let p = prepare(&d, &c, &e, 600.0);
        let r = run(&d, &c, &p, &settings, &Choices::default(), SelectOptions::default());
        let s0 = &r.scores[0];
        assert_eq!((s0.points, s0.covered, s0.covered_weighted), (2, 150.0, 210.0)); // 150 + 1 × (20 + 40)
        assert_eq!((s0.new_covered, s0.new_weighted), (0.0, 0.0)); // the existing canteen serves both
        assert_eq!(s0.extras, vec![60.0]);
        let area = std::f64::consts::PI * 0.36; // km²
        assert!((s0.density_per_km2 - 150.0 / area).abs() < 1e-9);
        let s1 = &r.scores[1];
        assert_eq!((s1.new_covered, s1.new_weighted), (200.0, 200.0));
        // 200 × 22.1 % × 1 meal = 44.2 meals a day, against a capacity of 20.
        assert!((s1.expected_meals - 44.2).abs() < 1e-9);
        assert!((s1.capacity_fit.expect("capacity") - 2.21).abs() < 1e-9);
        // With one site to add, C (200 new) beats A (0 new): covered = existing 210 + 200.
        assert_eq!(r.selection.chosen, vec![1]);
        assert_eq!((r.existing_weighted, r.selection.covered_weight), (210.0, 410.0));
        assert_eq!(r.total_weighted, 410.0);
    }

    #[test]
    fn linear_decay_weights_by_distance() {
        let d = demand();
        let c = sites(&[(113.0, 23.0)], f64::NAN);
        let settings = Settings { decay: Decay::Linear, ..Settings::default() };
        let p = prepare(&d, &c, &Sites::default(), 1000.0);
        let r = run(&d, &c, &p, &settings, &Choices::default(), SelectOptions::default());
        let b_dist = crate::core::geo::distance_m(d.points[0], d.points[1]);
        let expected = 100.0 + 50.0 * (1.0 - b_dist / 1000.0);
        assert!((r.scores[0].accessibility - expected).abs() < 1e-3, "{} vs {expected}", r.scores[0].accessibility);
        assert_eq!(r.scores[0].capacity_fit, None);
    }

    #[test]
    fn locked_and_excluded_sites_are_respected() {
        let d = demand();
        let c = sites(&[(113.000, 23.0), (113.020, 23.0), (113.005, 23.0)], f64::NAN);
        let p = prepare(&d, &c, &Sites::default(), 600.0);
        let settings = Settings { k: 2, ..Settings::default() };
        let choices = Choices { locked: vec![2], excluded: vec![1] };
        let r = run(&d, &c, &p, &settings, &choices, SelectOptions::default());
        assert_eq!(r.selection.chosen[0], 2, "locked site first");
        assert!(!r.selection.chosen.contains(&1), "excluded site never chosen");
        assert_eq!(r.selection.uncoverable_weight, 200.0, "only the excluded site reaches C");
    }
}
