//! Accessibility and fairness (issue 15, item 3): a Gaussian two-step floating catchment area
//! (2SFCA) score for every demand point, with the sites' capacities as supply; the
//! population-weighted Gini coefficient and Lorenz curve of that score over the older population;
//! and the share of older people with a site within the radius, before the plan (existing
//! canteens alone) and after it (existing + chosen sites).
//!
//! **The model.** Supply `S_j` is site `j`'s capacity in meals a day (from its file, or
//! [`DEFAULT_CAPACITY`] where the file has none); demand `P_k` is the older people at point `k`
//! times the share who need meal help ([`super::settings::Settings::need_share`], 22.1 % by
//! default), so a score of 1 means "one meal a day for every older person who needs one", the
//! supply-demand ratio (供需比) seen from where people live.
//! - Step 1, each site's ratio: `R_j = S_j / Σ_{k: d_kj ≤ d0} G(d_kj) P_k` (0 when nobody is in
//!   its catchment);
//! - Step 2, each point's score: `A_i = Σ_{j: d_ij ≤ d0} G(d_ij) R_j`.
//!
//! **The decay** is the Gaussian of Dai (2010, *Health & Place* 16(5):1038–1052, the "Gaussian
//! 2SFCA"), the form also used for older people's facilities in Chinese cities by 陶卓霖 et al.
//! (2023, 地理学报 78(2)):
//! `G(d) = (e^{-½(d/d0)²} − e^{-½}) / (1 − e^{-½})` for `d ≤ d0`, else 0. Why this one: it is 1
//! at the site, falls slowly at first (a canteen 200 m away is almost as reachable as one next
//! door, which is how people choose between nearby canteens) and reaches exactly 0 at the
//! catchment's edge, so a person just inside the radius and one just outside differ by almost
//! nothing, unlike the original 2SFCA's all-or-nothing catchment (Luo & Wang 2003).
//!
//! **The catchment** `d0` is the service radius by default (the distance a planner already
//! accepts as "served"; 1,000 m by Beijing's norm, see [`super::settings`]); with walking along
//! streets it is the walk's length on foot, the distances being on foot too. The pairs come from
//! the coverage lists ([`super::coverage::Coverage`], built through the spatial index with
//! great-circle distances from [`crate::core::geo`]), so the work grows with the pairs within the
//! catchment, not with demand × sites: one pass over the pairs per step.
//!
//! **Fairness.** The Gini coefficient is computed from the Lorenz curve of the scores over the
//! older population (points sorted by score, each weighted by its older people):
//! `G = 1 − Σ (x_i − x_{i−1}) (y_i + y_{i−1})`, twice the area between the curve and the line of
//! equality; 0 when everyone has the same score, `(n − 1) / n` when one of `n` equal points has
//! it all. It is undefined (`None`) when nobody has any access.

use serde::{Deserialize, Serialize};

use super::coverage::Coverage;
use super::data::{Demand, Sites};
use super::plan::Prepared;

/// Meals a day a site supplies when its file gives no capacity: 100. Shanghai's 2025 target of
/// 250,000 meals a day from 400 community canteens (长者食堂) and 2,000 meal points (助餐点)
/// (`docs/policy-sources.md`, Shanghai 实施意见) is 250,000 ÷ 2,400 ≈ 104 a day per place,
/// rounded to 100. A planner who knows a site's real capacity should give it in the file.
pub const DEFAULT_CAPACITY: f64 = 100.0;

/// Points of the Lorenz curve reported for a chart: x = 0, 0.05, …, 1.
pub const LORENZ_POINTS: usize = 21;

/// The Gaussian decay: `(e^{-½(d/d0)²} − e^{-½}) / (1 − e^{-½})` for `0 ≤ d ≤ d0`, else 0.
///
/// ```
/// use zhucan::core::planner::access::gaussian;
/// assert_eq!(gaussian(0.0, 1000.0), 1.0);
/// assert_eq!(gaussian(1000.0, 1000.0), 0.0);
/// assert_eq!(gaussian(1200.0, 1000.0), 0.0);
/// ```
pub fn gaussian(d: f64, d0: f64) -> f64 {
    if !(d0 > 0.0) || !(d >= 0.0) || d > d0 {
        return 0.0;
    }
    let edge = (-0.5f64).exp();
    let g = ((-0.5 * (d / d0) * (d / d0)).exp() - edge) / (1.0 - edge);
    g.clamp(0.0, 1.0)
}

/// One set of open sites: their coverage lists, which of them are open, and each one's supply.
#[derive(Clone, Copy, Debug)]
pub struct Supply<'a> {
    /// The coverage lists of the sites (pairs within the catchment must all be there).
    pub coverage: &'a Coverage,
    /// The open sites (indices into `coverage`).
    pub open: &'a [usize],
    /// Each site's supply, meals a day (indexed like `coverage`; missing or not a positive
    /// number: no supply).
    pub capacity: &'a [f64],
}

/// The Gaussian 2SFCA score of every demand point (`demand[k]` is `P_k`, the people who need
/// meals), over all the open sites of `supply`, with catchment `catchment_m` (pairs farther than
/// it, or than a coverage list's own radius, do not count).
pub fn two_step(demand: &[f64], supply: &[Supply<'_>], catchment_m: f64) -> Vec<f64> {
    let mut score = vec![0.0; demand.len()];
    let mut decay: Vec<f64> = Vec::new();
    let people = |k: u32| demand.get(k as usize).copied().filter(|p| p.is_finite() && *p > 0.0).unwrap_or(0.0);
    for set in supply {
        for &j in set.open {
            if j >= set.coverage.n_sites() {
                continue;
            }
            let s = set.capacity.get(j).copied().filter(|c| c.is_finite() && *c > 0.0).unwrap_or(0.0);
            let (list, dist) = (set.coverage.of(j), set.coverage.distances(j));
            // The decay of each pair, computed once for both steps.
            decay.clear();
            decay.extend(dist.iter().map(|&d| gaussian(f64::from(d), catchment_m)));
            // Step 1: the site's supply over the decayed demand in its catchment.
            let reached: f64 = list.iter().zip(&decay).map(|(&k, g)| g * people(k)).sum();
            if !(s > 0.0 && reached > 0.0) {
                continue;
            }
            let ratio = s / reached;
            // Step 2: every point in the catchment gets its decayed share of that ratio.
            for (&i, g) in list.iter().zip(&decay) {
                if let Some(a) = score.get_mut(i as usize) {
                    *a += g * ratio;
                }
            }
        }
    }
    score
}

/// Which demand points have at least one open site of `supply` in their coverage lists (within
/// the radius the lists were built for).
pub fn within_reach(n_demand: usize, supply: &[Supply<'_>]) -> Vec<bool> {
    let mut reached = vec![false; n_demand];
    for set in supply {
        for &j in set.open.iter().filter(|&&j| j < set.coverage.n_sites()) {
            for &i in set.coverage.of(j) {
                if let Some(r) = reached.get_mut(i as usize) {
                    *r = true;
                }
            }
        }
    }
    reached
}

/// The Lorenz curve's corners: `(0, 0)`, then for the points sorted by value (ascending), the
/// cumulative share of weight and of weight × value. `None` when the total weight or the total
/// weight × value is zero. Points with a weight or value that is not a finite number ≥ 0 count as
/// weight 0.
fn lorenz_corners(values: &[f64], weights: &[f64]) -> Option<Vec<(f64, f64)>> {
    let ok = |x: f64| x.is_finite() && x >= 0.0;
    let mut items: Vec<(f64, f64)> =
        values.iter().zip(weights).filter(|(v, w)| ok(**v) && ok(**w) && **w > 0.0).map(|(v, w)| (*v, *w)).collect();
    let total_w: f64 = items.iter().map(|(_, w)| w).sum();
    let total_s: f64 = items.iter().map(|(v, w)| v * w).sum();
    if !(total_w > 0.0 && total_s > 0.0) {
        return None;
    }
    items.sort_unstable_by(|a, b| a.0.total_cmp(&b.0));
    let mut corners = Vec::with_capacity(items.len() + 1);
    corners.push((0.0, 0.0));
    let (mut cw, mut cs) = (0.0, 0.0);
    for (v, w) in items {
        cw += w;
        cs += v * w;
        corners.push((cw / total_w, cs / total_s));
    }
    if let Some(last) = corners.last_mut() {
        *last = (1.0, 1.0);
    }
    Some(corners)
}

/// The population-weighted Gini coefficient of `values` (`weights[i]` people have `values[i]`),
/// in [0, 1]; `None` when there is no weight or nobody has anything.
///
/// ```
/// use zhucan::core::planner::access::gini;
/// assert_eq!(gini(&[2.0, 2.0], &[5.0, 5.0]), Some(0.0));
/// assert_eq!(gini(&[0.0, 0.0, 0.0, 9.0], &[1.0; 4]), Some(0.75));
/// assert_eq!(gini(&[0.0, 0.0], &[1.0, 1.0]), None);
/// ```
pub fn gini(values: &[f64], weights: &[f64]) -> Option<f64> {
    let corners = lorenz_corners(values, weights)?;
    let area2: f64 = corners.windows(2).map(|p| (p[1].0 - p[0].0) * (p[1].1 + p[0].1)).sum();
    Some((1.0 - area2).clamp(0.0, 1.0))
}

/// The Lorenz curve at `n` evenly spaced population shares `x = 0, 1/(n−1), …, 1`: `[x, y]` with
/// `y` the share of the total (weight × value) held by the poorest `x` of the weight, read off the
/// straight lines between the curve's corners. Empty when [`gini`] is `None` or `n < 2`.
pub fn lorenz(values: &[f64], weights: &[f64], n: usize) -> Vec<[f64; 2]> {
    let Some(corners) = lorenz_corners(values, weights) else { return Vec::new() };
    if n < 2 {
        return Vec::new();
    }
    let mut out = Vec::with_capacity(n);
    let mut seg = 1;
    for t in 0..n {
        let x = t as f64 / (n - 1) as f64;
        while seg < corners.len() - 1 && corners[seg].0 < x {
            seg += 1;
        }
        let (a, b) = (corners[seg - 1], corners[seg]);
        let y = if b.0 > a.0 { a.1 + (b.1 - a.1) * ((x - a.0) / (b.0 - a.0)).clamp(0.0, 1.0) } else { b.1 };
        out.push([x, y.clamp(0.0, 1.0)]);
    }
    out
}

/// Accessibility over the older population for one set of sites.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AccessSummary {
    /// Gini coefficient of the scores over the older population (`None`: nobody has access).
    pub gini: Option<f64>,
    /// The Lorenz curve at [`LORENZ_POINTS`] population shares, `[x, y]` (empty with no Gini).
    pub lorenz: Vec<[f64; 2]>,
    /// Share of older people with at least one site within the radius.
    pub share_within_radius: f64,
    /// Mean score per older person (meals a day per older person who needs meals).
    pub mean: f64,
}

/// Sums up per-point `scores` over `people` (older people per point), `within` saying who has a
/// site within the radius.
pub fn summarise(scores: &[f64], people: &[f64], within: &[bool]) -> AccessSummary {
    let ok = |x: f64| x.is_finite() && x > 0.0;
    let total: f64 = people.iter().copied().filter(|p| ok(*p)).sum();
    let reached: f64 = people.iter().zip(within).filter(|(p, w)| ok(**p) && **w).map(|(p, _)| p).sum();
    let weighted: f64 = people.iter().zip(scores).filter(|(p, a)| ok(**p) && a.is_finite()).map(|(p, a)| p * a).sum();
    AccessSummary {
        gini: gini(scores, people),
        lorenz: lorenz(scores, people, LORENZ_POINTS),
        share_within_radius: if total > 0.0 { reached / total } else { 0.0 },
        mean: if total > 0.0 { weighted / total } else { 0.0 },
    }
}

/// What the accessibility figures assume.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct AccessOptions {
    /// The catchment `d0`, metres (by default the coverage lists' radius: the service radius, or
    /// the walk's length on foot).
    pub catchment_m: Option<f64>,
    /// Supply of a site whose file gives no capacity, meals a day ([`DEFAULT_CAPACITY`]).
    pub default_capacity: f64,
    /// Share of older people who need meals (demand = older people × this).
    pub need_share: f64,
}

impl Default for AccessOptions {
    fn default() -> Self {
        AccessOptions { catchment_m: None, default_capacity: DEFAULT_CAPACITY, need_share: 0.221 }
    }
}

/// Accessibility before and after the plan.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Access {
    /// The catchment used, metres.
    pub catchment_m: f64,
    /// Existing canteens alone.
    pub before: AccessSummary,
    /// Existing canteens and the chosen sites.
    pub after: AccessSummary,
    /// Each demand point's score before the plan.
    pub scores_before: Vec<f64>,
    /// Each demand point's score after it.
    pub scores_after: Vec<f64>,
}

/// Each site's supply: its capacity where it is a positive number, else `default_capacity`.
pub fn capacities(sites: &Sites, default_capacity: f64) -> Vec<f64> {
    (0..sites.points.len())
        .map(|i| sites.capacity.get(i).copied().filter(|c| c.is_finite() && *c > 0.0).unwrap_or(default_capacity))
        .collect()
}

/// Accessibility for the existing canteens alone and with the `chosen` candidates added, over the
/// coverage lists of `prepared` (so the catchment cannot exceed their radius: a larger one is cut
/// to it).
pub fn before_after(
    demand: &Demand,
    candidates: &Sites,
    existing: &Sites,
    prepared: &Prepared,
    chosen: &[usize],
    options: &AccessOptions,
) -> Access {
    let radius = prepared.candidates.radius_m;
    let catchment_m = options.catchment_m.filter(|c| c.is_finite() && *c > 0.0).map_or(radius, |c| c.min(radius));
    let need: Vec<f64> = demand.counts.iter().map(|c| c * options.need_share).collect();
    let cap_existing = capacities(existing, options.default_capacity);
    let cap_candidates = capacities(candidates, options.default_capacity);
    let all_existing: Vec<usize> = (0..existing.points.len()).collect();
    let old = Supply { coverage: &prepared.existing, open: &all_existing, capacity: &cap_existing };
    let new = Supply { coverage: &prepared.candidates, open: chosen, capacity: &cap_candidates };
    let n = demand.points.len();
    let scores_before = two_step(&need, &[old], catchment_m);
    let scores_after = two_step(&need, &[old, new], catchment_m);
    Access {
        catchment_m,
        before: summarise(&scores_before, &demand.counts, &within_reach(n, &[old])),
        after: summarise(&scores_after, &demand.counts, &within_reach(n, &[old, new])),
        scores_before,
        scores_after,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gaussian_at_the_middle_of_the_catchment_by_hand() {
        // d = d0 / 2: e^{-1/8} = 0.8824969, e^{-1/2} = 0.6065307;
        // (0.8824969 − 0.6065307) / (1 − 0.6065307) = 0.2759662 / 0.3934693 = 0.7013670.
        assert!((gaussian(500.0, 1000.0) - 0.701367).abs() < 1e-6);
        assert_eq!(gaussian(-1.0, 1000.0), 0.0);
        assert_eq!(gaussian(f64::NAN, 1000.0), 0.0);
        assert_eq!(gaussian(10.0, 0.0), 0.0);
    }

    #[test]
    fn lorenz_of_a_small_weighted_case_by_hand() {
        // Values 1 (weight 3) and 3 (weight 1): total weight 4, total 3 + 3 = 6. Corners (0, 0),
        // (0.75, 0.5), (1, 1). At x = 0.5: 0.5 / 0.75 × 0.5 = 1/3; at x = 0.9: 0.5 + 0.6 × 0.5 = 0.8.
        let curve = lorenz(&[3.0, 1.0], &[1.0, 3.0], 11);
        assert_eq!(curve.len(), 11);
        assert!((curve[5][1] - 1.0 / 3.0).abs() < 1e-12);
        assert!((curve[9][1] - 0.8).abs() < 1e-12);
        assert_eq!(curve[0], [0.0, 0.0]);
        assert_eq!(curve[10], [1.0, 1.0]);
        assert!(lorenz(&[1.0], &[1.0], 1).is_empty());
    }
}
