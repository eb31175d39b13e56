//! Each candidate's score with its breakdown: the people within its radius (all, weighted, not yet
//! served by an existing canteen), the extra columns, density, expected meals against capacity and
//! the distance-decayed accessibility.

use serde::{Deserialize, Serialize};

use super::data::{Demand, Sites};
use super::plan::Prepared;
use super::settings::{Decay, Settings};

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
