//! Who is reached, and how: walk-in and home delivery as two layers of demand, and the roles of the
//! sites around them (issue 15, items 2 and 4). [`layers`] builds the layers once; the coverage
//! objective runs on them in [`coverage_plan`], the capacitated one in [`super::capacity`].
//!
//! **Roles.** Candidates are chosen (or locked, or excluded: [`Choices`]). Existing canteens are
//! *required*: always open; in the coverage objective the people within their reach count as
//! covered from the start, and in the capacitated one their capacity counts. *Competitors* (other
//! providers the plan does not run: a private restaurant with an elder menu, another programme's
//! canteen) are never chosen and have no capacity here: the walk-in people within their reach are
//! counted as already served by them — covered from the start in the coverage objective, no meals
//! to find in the capacitated one — and reported on their own, so nothing is counted twice. Their
//! reach is the walk-in radius; they are not assumed to deliver.
//!
//! **Home delivery.** The planner names one extra column of the demand file whose people cannot
//! walk to a canteen (失能, by default none) and a delivery radius. Those people are moved from the
//! walk-in layer to a delivery layer: a point's walk-in layer holds its older people minus that
//! column, its delivery layer the column, so each person is counted once. A site reaches the
//! delivery layer within the delivery radius (a straight line from the site, as a delivery rider
//! rides; the walk may be on foot along the roads), which must be at least the walk-in radius, so
//! turning delivery on never loses anyone a plan reached. The weights of the coverage objective
//! move with the people: the delivery layer weighs `(1 + m) × column` where `m` is the column's
//! extra weight, the walk-in layer the rest of the point's weight, so the total weight is the
//! same with delivery on or off.
//!
//! **The delivery radius, 3,000 m by default** ([`DELIVERY_RADIUS_M`]) is reasoning, not a figure
//! from a rule: no policy or standard found states a delivery radius for meal assistance (searched
//! for "老年助餐 送餐 服务半径", "送餐服务半径不超过", "助餐点 送餐上门 配送半径"; the national
//! action plan 民发〔2023〕58号 and the local policies in `docs/policy-sources.md` give delivery
//! subsidies, not distances). What was found are delivery *times*: a community canteen in 雅安
//! 名山区 delivers "一般保证在15分钟以内" to keep the meal hot (川观新闻, 2024-11-15, one canteen,
//! low confidence); 上海金山卫镇 "从饭菜出锅到端上餐桌，仅用了不到十分钟" (东方网, 2025-03-13);
//! 上海普陀 riders on electric bikes, "车行十来分钟" (人民日报, 2025-04-27). The usual radius of
//! commercial food delivery in cities is described as 3 to 5 km (web explainers, low confidence).
//! 3 km is the low end of that range, chosen because a canteen's own staff or volunteers keep a
//! hot meal within the 10–15 minutes above: three times the 1,000 m walk-in norm. It is a
//! setting; a district that knows its riders' range should set it.

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

use super::coverage::Coverage;
use super::data::Demand;
use super::plan::Prepared;
use super::score::weights;
use super::select::{coverage_curve, fewest_sites, select, SelectOptions, Selection, SelectionInput};
use super::settings::{Choices, Settings};

/// The default delivery radius, metres (the reasoning is in the module doc: no rule found).
pub const DELIVERY_RADIUS_M: f64 = 3000.0;

/// Home delivery: the people of one extra column, reached within a radius.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Delivery {
    /// The extra column (index into [`Demand::extras`]) whose people need meals brought home.
    pub column: usize,
    /// The delivery radius, metres (at least the walk-in radius).
    pub radius_m: f64,
}

/// The coverage lists the models need: built by the caller with [`super::plan::prepare`] (or
/// on foot), so the page and the command line share them.
#[derive(Clone, Copy)]
pub struct Lists<'a> {
    /// Candidates and existing canteens at the walk-in radius.
    pub walk: &'a Prepared,
    /// Candidates and existing canteens at the delivery radius (`None`: no delivery).
    pub delivery: Option<&'a Prepared>,
    /// Competitors at the walk-in radius (`None`: none).
    pub competitors: Option<&'a Coverage>,
}

/// Which layer a point of [`Layers`] is in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Layer {
    /// People who walk to a canteen.
    WalkIn,
    /// People who get meals brought home.
    Delivery,
}

/// Demand in layers. Layer points `0..n` are the walk-in layer of demand points `0..n`; with
/// delivery, `n..2n` are their delivery layer.
#[derive(Clone, Debug)]
pub struct Layers<'a> {
    /// Demand points.
    pub n_points: usize,
    /// Whether there is a delivery layer.
    pub delivery: bool,
    /// Older people at each layer point.
    pub people: Vec<f64>,
    /// Each layer point's weight in the coverage objective.
    pub weights: Vec<f64>,
    /// The candidates' coverage lists over the layer points (walk-in radius for the walk-in
    /// layer, delivery radius for the delivery layer).
    pub candidates: Cow<'a, Coverage>,
    /// The existing canteens' lists, the same way.
    pub existing: Cow<'a, Coverage>,
    /// Layer points already served by a competitor (walk-in layer only).
    pub by_competitors: Vec<bool>,
}

impl Layers<'_> {
    /// The layer of layer point `v`.
    pub fn layer(&self, v: usize) -> Layer {
        if v < self.n_points {
            Layer::WalkIn
        } else {
            Layer::Delivery
        }
    }

    /// The demand point of layer point `v`.
    pub fn point(&self, v: usize) -> usize {
        v % self.n_points.max(1)
    }

    /// Number of layer points.
    pub fn len(&self) -> usize {
        self.people.len()
    }

    /// Whether there are no layer points.
    pub fn is_empty(&self) -> bool {
        self.people.is_empty()
    }
}

/// The people of `column` at each point: finite, at least 0, at most the point's older people
/// (the column counts some of them). A column that does not exist has nobody.
pub fn delivery_people(demand: &Demand, column: usize) -> Vec<f64> {
    let col = demand.extras.get(column);
    (0..demand.counts.len())
        .map(|i| {
            let count = demand.counts[i];
            let x = col.and_then(|c| c.get(i)).copied().unwrap_or(0.0);
            if x.is_finite() && x > 0.0 && count.is_finite() {
                x.min(count.max(0.0))
            } else {
                0.0
            }
        })
        .collect()
}

/// Both lists of each site one after the other: `walk` over ids `0..n`, `delivery` over `n..2n`.
fn stacked(walk: &Coverage, delivery: &Coverage, n: usize) -> Coverage {
    let lists = (0..walk.n_sites())
        .map(|s| {
            let mut list: Vec<(u32, f32)> = walk.of(s).iter().copied().zip(walk.distances(s).iter().copied()).collect();
            if s < delivery.n_sites() {
                list.extend(delivery.of(s).iter().zip(delivery.distances(s)).map(|(&i, &d)| (i + n as u32, d)));
            }
            list
        })
        .collect();
    Coverage::from_lists(walk.radius_m, 2 * n, lists)
}

/// The layers of `demand` for these lists, extra weights and delivery (`None` or no delivery lists:
/// one walk-in layer, the lists borrowed as they are).
pub fn layers<'a>(demand: &Demand, extra_weights: &[f64], lists: &Lists<'a>, delivery: Option<&Delivery>) -> Layers<'a> {
    let n = demand.points.len();
    let w = weights(demand, extra_weights);
    let positive = |x: f64| if x.is_finite() && x > 0.0 { x } else { 0.0 };
    let mut by_competitors = vec![false; n];
    if let Some(comp) = lists.competitors {
        for s in 0..comp.n_sites() {
            for &i in comp.of(s) {
                if let Some(b) = by_competitors.get_mut(i as usize) {
                    *b = true;
                }
            }
        }
    }
    match (delivery, lists.delivery) {
        (Some(d), Some(far)) => {
            let moved = delivery_people(demand, d.column);
            let m = extra_weights.get(d.column).copied().filter(|m| m.is_finite()).unwrap_or(0.0);
            let mut people: Vec<f64> = demand.counts.iter().zip(&moved).map(|(c, x)| (positive(*c) - x).max(0.0)).collect();
            people.extend(&moved);
            let mut weights: Vec<f64> = w.iter().zip(&moved).map(|(w, x)| (positive(*w) - (1.0 + m) * x).max(0.0)).collect();
            weights.extend(moved.iter().map(|x| ((1.0 + m) * x).max(0.0)));
            by_competitors.resize(2 * n, false);
            Layers {
                n_points: n,
                delivery: true,
                people,
                weights,
                candidates: Cow::Owned(stacked(&lists.walk.candidates, &far.candidates, n)),
                existing: Cow::Owned(stacked(&lists.walk.existing, &far.existing, n)),
                by_competitors,
            }
        }
        _ => Layers {
            n_points: n,
            delivery: false,
            people: demand.counts.iter().map(|c| positive(*c)).collect(),
            weights: w.iter().map(|w| positive(*w)).collect(),
            candidates: Cow::Borrowed(&lists.walk.candidates),
            existing: Cow::Borrowed(&lists.walk.existing),
            by_competitors,
        },
    }
}

/// People and weight of one layer, and how many of them a plan reaches.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Reach {
    /// Older people in the layer.
    pub people: f64,
    /// Their weight.
    pub weight: f64,
    /// People within reach of an existing canteen or a chosen site.
    pub reached: f64,
    /// Their weight.
    pub reached_weight: f64,
    /// People within reach of an existing canteen alone.
    pub existing_reached: f64,
    /// People within reach of a competitor (walk-in layer; 0 in the delivery layer).
    pub by_competitors: f64,
    /// Their weight.
    pub by_competitors_weight: f64,
    /// Delivery layer: people reached by delivery who are beyond the walk-in radius of every
    /// existing canteen and chosen site (0 in the walk-in layer).
    pub beyond_walk: f64,
}

/// The coverage objective on the layers: the chosen sites and how far they reach, by layer.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CoveragePlan {
    /// The choice over both layers (weights as in [`super::plan::PlanResult`]; "existing" are the
    /// existing canteens and the competitors together).
    pub selection: Selection,
    /// Weight covered after each greedy pick (as [`super::select::coverage_curve`]).
    pub curve: Vec<f64>,
    /// Fewest sites reaching the target share, if reachable.
    pub fewest: Option<Vec<usize>>,
    /// The walk-in layer.
    pub walk_in: Reach,
    /// The delivery layer, if there is one.
    pub delivery: Option<Reach>,
}

/// Which layer points the open sites reach: existing canteens all, candidates in `chosen`.
pub fn reached(layers: &Layers<'_>, chosen: &[usize]) -> Vec<bool> {
    let mut mask = layers.existing.covered_mask();
    for &s in chosen.iter().filter(|&&s| s < layers.candidates.n_sites()) {
        for &v in layers.candidates.of(s) {
            mask[v as usize] = true;
        }
    }
    mask
}

/// The reach of one layer (points `range`) given the masks.
fn reach(layers: &Layers<'_>, range: std::ops::Range<usize>, open: &[bool], existing: &[bool]) -> Reach {
    let mut r = Reach::default();
    let n = layers.n_points;
    for v in range {
        let (p, w) = (layers.people[v], layers.weights[v]);
        r.people += p;
        r.weight += w;
        if open[v] {
            r.reached += p;
            r.reached_weight += w;
            if v >= n && !open[v - n] {
                r.beyond_walk += p;
            }
        }
        if existing[v] {
            r.existing_reached += p;
        }
        if layers.by_competitors[v] {
            r.by_competitors += p;
            r.by_competitors_weight += w;
        }
    }
    r
}

/// The walk-in and delivery reach of a set of chosen candidates (existing canteens always open).
pub fn reach_of(layers: &Layers<'_>, chosen: &[usize]) -> (Reach, Option<Reach>) {
    let open = reached(layers, chosen);
    let existing = layers.existing.covered_mask();
    let n = layers.n_points;
    let walk_in = reach(layers, 0..n, &open, &existing);
    let delivery = layers.delivery.then(|| reach(layers, n..2 * n, &open, &existing));
    (walk_in, delivery)
}

/// The best `settings.k` sites for the coverage objective over the layers: existing canteens and
/// competitors count as covered from the start; the delivery layer counts when a chosen site or
/// existing canteen is within the delivery radius. With one walk-in layer and no competitors this
/// is exactly [`super::plan::run`]'s choice.
pub fn coverage_plan(layers: &Layers<'_>, settings: &Settings, choices: &Choices, options: SelectOptions) -> CoveragePlan {
    let mut precovered = layers.existing.covered_mask();
    for (p, c) in precovered.iter_mut().zip(&layers.by_competitors) {
        *p |= *c;
    }
    let input = SelectionInput {
        coverage: &layers.candidates,
        weights: &layers.weights,
        precovered: Some(&precovered),
        locked: &choices.locked,
        excluded: &choices.excluded,
    };
    let selection = select(&input, settings.k, options);
    let curve = coverage_curve(&input, settings.curve_max_k.min(layers.candidates.n_sites()));
    let fewest = fewest_sites(&input, settings.target_share);
    let (walk_in, delivery) = reach_of(layers, &selection.chosen);
    CoveragePlan { selection, curve, fewest, walk_in, delivery }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::geo::LonLat;
    use crate::core::planner::capacity::{capacitated, CapacitySettings};
    use crate::core::planner::data::Sites;
    use crate::core::planner::plan::{prepare, run};

    /// A point `y` metres north of (113° E, 23° N) on the meridian.
    fn north(y: f64) -> LonLat {
        LonLat::new(113.0, 23.0 + (y / 6_371_008.8).to_degrees())
    }

    /// Points at `y` with (older people, 失能 among them).
    fn demand(at: &[(f64, f64, f64)]) -> Demand {
        Demand {
            points: at.iter().map(|&(y, _, _)| north(y)).collect(),
            counts: at.iter().map(|&(_, c, _)| c).collect(),
            extras: vec![at.iter().map(|&(_, _, x)| x).collect()],
            extra_names: vec!["失能".into()],
            ..Demand::default()
        }
    }

    fn sites(ys: &[f64]) -> Sites {
        let n = ys.len();
        Sites {
            points: ys.iter().map(|&y| north(y)).collect(),
            names: vec![String::new(); n],
            capacity: vec![f64::NAN; n],
            cost: vec![f64::NAN; n],
            rows: Vec::new(),
        }
    }

    #[test]
    fn competitors_coverage_is_not_counted_again() {
        // Candidate 0 (y = 0) reaches X (100 people), candidate 1 (y = 5000) reaches Y (60). A
        // competitor at y = 200 already serves X. Without it, 0 is the better site (100 > 60);
        // with it, X gains nothing and 1 is chosen: covered = X 100 (by the competitor) + Y 60.
        let d = demand(&[(0.0, 100.0, 0.0), (5000.0, 60.0, 0.0)]);
        let c = sites(&[0.0, 5000.0]);
        let p = prepare(&d, &c, &Sites::default(), 1000.0);
        let comp = prepare(&d, &sites(&[200.0]), &Sites::default(), 1000.0).candidates;
        let settings = Settings { k: 1, ..Settings::default() };
        let alone = layers(&d, &[], &Lists { walk: &p, delivery: None, competitors: None }, None);
        assert_eq!(coverage_plan(&alone, &settings, &Choices::default(), SelectOptions::default()).selection.chosen, vec![0]);
        let l = layers(&d, &[], &Lists { walk: &p, delivery: None, competitors: Some(&comp) }, None);
        let plan = coverage_plan(&l, &settings, &Choices::default(), SelectOptions::default());
        assert_eq!(plan.selection.chosen, vec![1]);
        assert_eq!((plan.selection.existing_weight, plan.selection.covered_weight), (100.0, 160.0));
        assert_eq!((plan.walk_in.by_competitors, plan.walk_in.reached), (100.0, 60.0));
        // Capacitated (need share 1, the default 100 meals a day): X needs nothing from the plan;
        // the competitor's 100 meals are counted once, as theirs.
        let one = Settings { need_share: 1.0, k: 1, ..Settings::default() };
        let cap = capacitated(&l, &c, &Sites::default(), &one, &Choices::default(), &CapacitySettings::default());
        assert_eq!(cap.chosen, vec![1]);
        let t = &cap.assignment.total;
        assert_eq!((t.need, t.by_competitors, t.covered, t.served), (160.0, 100.0, 60.0, 60.0));
    }

    #[test]
    fn delivery_reaches_a_disabled_person_the_walk_radius_does_not() {
        // A (30 people) at y = 0 and B (20) at y = 10,000 walk in; Z (15 people, all 失能) at
        // y = 12,000 is 2,000 m from candidate 1 (y = 10,000): beyond the 1,000 m walk, within the
        // 3,000 m delivery radius. Walk-in alone: candidate 0 (30) beats 1 (20). With delivery,
        // candidate 1 reaches B by walking and Z by delivery: 20 + 15 = 35 > 30.
        let d = demand(&[(0.0, 30.0, 0.0), (10_000.0, 20.0, 0.0), (12_000.0, 15.0, 15.0)]);
        let c = sites(&[0.0, 10_000.0]);
        let walk = prepare(&d, &c, &Sites::default(), 1000.0);
        let far = prepare(&d, &c, &Sites::default(), DELIVERY_RADIUS_M);
        let settings = Settings { k: 1, ..Settings::default() };
        let off = layers(&d, &[], &Lists { walk: &walk, delivery: None, competitors: None }, None);
        assert_eq!(coverage_plan(&off, &settings, &Choices::default(), SelectOptions::default()).selection.chosen, vec![0]);
        let delivery = Delivery { column: 0, radius_m: DELIVERY_RADIUS_M };
        let l = layers(&d, &[], &Lists { walk: &walk, delivery: Some(&far), competitors: None }, Some(&delivery));
        // Z's walk-in layer is empty (all 15 are 失能), its delivery layer holds them.
        assert_eq!(l.people, vec![30.0, 20.0, 0.0, 0.0, 0.0, 15.0]);
        let plan = coverage_plan(&l, &settings, &Choices::default(), SelectOptions::default());
        assert_eq!(plan.selection.chosen, vec![1]);
        assert_eq!(plan.selection.covered_weight, 35.0);
        assert_eq!(plan.selection.total_weight, 65.0, "the same total as without delivery");
        assert_eq!((plan.walk_in.people, plan.walk_in.reached), (50.0, 20.0));
        let del = plan.delivery.expect("a delivery layer");
        assert_eq!((del.people, del.reached, del.beyond_walk), (15.0, 15.0, 15.0));
        // Capacitated, need share 1: candidate 1 serves 20 walk-in and 15 delivered meals.
        let one = Settings { need_share: 1.0, k: 1, ..Settings::default() };
        let cap = capacitated(&l, &c, &Sites::default(), &one, &Choices::default(), &CapacitySettings::default());
        assert_eq!(cap.chosen, vec![1]);
        let site = &cap.assignment.sites[0];
        assert_eq!((site.assigned_walk_in, site.assigned_delivery), (20.0, 15.0));
        assert_eq!(cap.assignment.delivery.as_ref().map(|m| m.served), Some(15.0));
        assert_eq!(cap.assignment.point_served, vec![0.0, 20.0, 15.0]);
    }

    #[test]
    fn a_disabled_person_within_the_walk_radius_is_reached_by_delivery_not_beyond_it() {
        // 10 older people at y = 300, 4 of them 失能, extra weight 1 on the column: weight
        // 10 + 4 = 14, of which the delivery layer holds (1 + 1) × 4 = 8 and walk-in 6.
        let d = demand(&[(300.0, 10.0, 4.0)]);
        let c = sites(&[0.0]);
        let walk = prepare(&d, &c, &Sites::default(), 1000.0);
        let far = prepare(&d, &c, &Sites::default(), 3000.0);
        let delivery = Delivery { column: 0, radius_m: 3000.0 };
        let l = layers(&d, &[1.0], &Lists { walk: &walk, delivery: Some(&far), competitors: None }, Some(&delivery));
        assert_eq!((l.people.clone(), l.weights.clone()), (vec![6.0, 4.0], vec![6.0, 8.0]));
        let (walk_in, del) = reach_of(&l, &[0]);
        let del = del.expect("a delivery layer");
        assert_eq!((walk_in.reached, del.reached, del.beyond_walk), (6.0, 4.0, 0.0));
    }

    #[test]
    fn one_walk_in_layer_without_competitors_chooses_as_the_plain_run() {
        let d = demand(&[(0.0, 100.0, 20.0), (500.0, 50.0, 40.0), (2000.0, 200.0, 0.0), (2600.0, 80.0, 5.0)]);
        let c = sites(&[0.0, 2000.0, 400.0, 2500.0]);
        let e = sites(&[450.0]);
        let p = prepare(&d, &c, &e, 600.0);
        let settings = Settings { k: 2, extra_weights: vec![1.0], ..Settings::default() };
        let choices = Choices { locked: vec![3], excluded: vec![0] };
        let plain = run(&d, &c, &p, &settings, &choices, SelectOptions::default());
        let l = layers(&d, &[1.0], &Lists { walk: &p, delivery: None, competitors: None }, None);
        let plan = coverage_plan(&l, &settings, &choices, SelectOptions::default());
        assert_eq!(plan.selection, plain.selection);
        assert_eq!((plan.curve, plan.fewest), (plain.curve, plain.fewest));
        assert!(plan.delivery.is_none());
    }
}
