//! The planning pipeline: settings, per-site scores with their breakdown, and the choice of sites.
//!
//! Defaults and their reasons:
//! - **Service radius 1000 m**: Beijing's norm, "每個養老助餐點服務半徑不超過1000米" (关于提升北京市
//!   养老助餐服务管理水平的实施意见, 2022; see `static/policies/beijing-2022.toml`'s source).
//! - **Walking**: 60 m per minute (1.0 m/s), a cautious pace for older pedestrians, slower than the
//!   1.2–1.3 m/s usually measured for healthy adults; a detour factor of 1.3 between street distance
//!   and straight-line distance, typical of urban grids. 15 minutes → 900 m walked → 692 m radius.
//!   Both are settings, shown next to the result.
//! - **Share needing meal help 22.1 %**: the Ministry of Civil Affairs survey figure (China Daily
//!   2024-11-07, in `shared/policies/README.md` §A.0).

use serde::{Deserialize, Serialize};

use super::coverage::{Coverage, PointIndex};
use super::data::{Demand, Sites};
use super::network::{network_coverage, RoadNetwork, SnapReport};
use super::select::{coverage_curve, fewest_sites, select, SelectOptions, Selection, SelectionInput};

/// How the service radius is given.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Radius {
    /// Straight-line metres.
    Metres {
        /// Metres.
        metres: f64,
    },
    /// Walking minutes.
    Walking {
        /// Minutes on foot.
        minutes: f64,
        /// Walking speed, metres per minute.
        speed_m_per_min: f64,
        /// Street distance ÷ straight-line distance (≥ 1).
        detour: f64,
    },
}

impl Radius {
    /// The straight-line radius in metres.
    ///
    /// ```
    /// use zhucan::core::planner::plan::Radius;
    /// let r = Radius::Walking { minutes: 15.0, speed_m_per_min: 60.0, detour: 1.3 };
    /// assert!((r.metres() - 692.3).abs() < 0.1);
    /// ```
    pub fn metres(self) -> f64 {
        match self {
            Radius::Metres { metres } => metres,
            Radius::Walking { minutes, speed_m_per_min, detour } => minutes * speed_m_per_min / detour.max(1.0),
        }
    }

    /// The distance walked along streets, metres: minutes × speed for a walk time (no detour: the
    /// streets are the detour), the radius itself otherwise.
    ///
    /// ```
    /// use zhucan::core::planner::plan::Radius;
    /// assert_eq!(Radius::Walking { minutes: 15.0, speed_m_per_min: 60.0, detour: 1.3 }.on_foot_m(), 900.0);
    /// assert_eq!(Radius::Metres { metres: 800.0 }.on_foot_m(), 800.0);
    /// ```
    pub fn on_foot_m(self) -> f64 {
        match self {
            Radius::Metres { metres } => metres,
            Radius::Walking { minutes, speed_m_per_min, .. } => minutes * speed_m_per_min,
        }
    }

    /// Street distance ÷ straight-line distance assumed where there are no roads (1 for metres).
    pub fn detour(self) -> f64 {
        match self {
            Radius::Metres { .. } => 1.0,
            Radius::Walking { detour, .. } => detour.max(1.0),
        }
    }
}

/// Distance decay for the accessibility score (not for the coverage objective).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Decay {
    /// Everyone within the radius counts fully.
    #[default]
    None,
    /// Counts fall linearly from 1 at the site to 0 at the radius.
    Linear,
}

/// Everything the planner sets.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Settings {
    /// Service radius.
    pub radius: Radius,
    /// Sites to choose (existing canteens are extra; locked sites count towards k).
    pub k: usize,
    /// Additional weight per person in each extra column (0: counted like everyone else).
    pub extra_weights: Vec<f64>,
    /// Share of older people who need meal help.
    pub need_share: f64,
    /// Meals per day for each person who uses the canteen.
    pub meals_per_day: f64,
    /// Distance decay for the accessibility score.
    pub decay: Decay,
    /// Target share of all (weighted) demand for "fewest sites".
    pub target_share: f64,
    /// The coverage-vs-k curve goes up to this k.
    pub curve_max_k: usize,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            radius: Radius::Metres { metres: 1000.0 },
            k: 10,
            extra_weights: Vec::new(),
            need_share: 0.221,
            meals_per_day: 1.0,
            decay: Decay::None,
            target_share: 0.8,
            curve_max_k: 50,
        }
    }
}

/// Sites the planner fixes.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Choices {
    /// Candidates that must be chosen.
    pub locked: Vec<usize>,
    /// Candidates that must not be chosen.
    pub excluded: Vec<usize>,
}

/// One candidate's score, with its breakdown (it also crosses to the page in the plan's view).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct SiteScore {
    /// Demand points within the radius.
    pub points: u32,
    /// Older people within the radius.
    pub covered: f64,
    /// Weighted (extra weights applied).
    pub covered_weighted: f64,
    /// Older people within the radius not already served by an existing canteen.
    pub new_covered: f64,
    /// The same, weighted.
    pub new_weighted: f64,
    /// Each extra column's count within the radius.
    pub extras: Vec<f64>,
    /// Older people per km² of the service area.
    pub density_per_km2: f64,
    /// Expected meals per day: new older people × need share × meals per day.
    pub expected_meals: f64,
    /// Expected meals ÷ capacity (`None` when no capacity is given).
    pub capacity_fit: Option<f64>,
    /// Older people with distance decay applied.
    pub accessibility: f64,
}

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

/// Weights: count plus extra weight × extra count.
pub fn weights(demand: &Demand, extra_weights: &[f64]) -> Vec<f64> {
    let mut w = demand.counts.clone();
    for (k, extra) in demand.extras.iter().enumerate() {
        let m = extra_weights.get(k).copied().unwrap_or(0.0);
        if m != 0.0 {
            for (wi, e) in w.iter_mut().zip(extra) {
                *wi += m * e;
            }
        }
    }
    w
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
    let (cand, report) = network_coverage(net, &demand.points, &candidates.points, limit_m, max_snap_m, detour);
    let (exist, existing_report) = network_coverage(net, &demand.points, &existing.points, limit_m, max_snap_m, detour);
    let report = SnapReport { sites_unsnapped: report.sites_unsnapped + existing_report.sites_unsnapped, ..report };
    (Prepared { candidates: cand, existing: exist }, report)
}

/// Scores every candidate.
pub fn scores(
    demand: &Demand,
    candidates: &Sites,
    prepared: &Prepared,
    w: &[f64],
    precovered: &[bool],
    settings: &Settings,
) -> Vec<SiteScore> {
    let r = prepared.candidates.radius_m;
    let area_km2 = std::f64::consts::PI * r * r / 1e6;
    (0..prepared.candidates.n_sites())
        .map(|s| {
            let list = prepared.candidates.of(s);
            let dist = prepared.candidates.distances(s);
            let mut sc = SiteScore { points: list.len() as u32, extras: vec![0.0; demand.extras.len()], ..SiteScore::default() };
            for (&i, &d) in list.iter().zip(dist) {
                let i = i as usize;
                let count = demand.counts[i];
                sc.covered += count;
                sc.covered_weighted += w[i];
                if !precovered[i] {
                    sc.new_covered += count;
                    sc.new_weighted += w[i];
                }
                for (k, extra) in demand.extras.iter().enumerate() {
                    sc.extras[k] += extra[i];
                }
                sc.accessibility += match settings.decay {
                    Decay::None => count,
                    Decay::Linear => count * (1.0 - f64::from(d) / r).max(0.0),
                };
            }
            sc.density_per_km2 = if area_km2 > 0.0 { sc.covered / area_km2 } else { 0.0 };
            sc.expected_meals = sc.new_covered * settings.need_share * settings.meals_per_day;
            let cap = candidates.capacity.get(s).copied().unwrap_or(f64::NAN);
            sc.capacity_fit = (cap.is_finite() && cap > 0.0).then(|| sc.expected_meals / cap);
            sc
        })
        .collect()
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
    use crate::core::planner::geometry::LonLat;

    fn demand() -> Demand {
        // Three points on a line, 0.005° apart (≈ 511 m at 23°N): A (100 people, 20 over 80),
        // B (50, 40), C (200, 0).
        Demand {
            points: vec![LonLat::new(113.000, 23.0), LonLat::new(113.005, 23.0), LonLat::new(113.020, 23.0)],
            counts: vec![100.0, 50.0, 200.0],
            extras: vec![vec![20.0, 40.0, 0.0]],
            extra_names: vec!["80岁以上".into()],
            names: vec!["A".into(), "B".into(), "C".into()],
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
        let b_dist = crate::core::planner::distance_m(d.points[0], d.points[1]);
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
