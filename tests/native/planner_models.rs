//! The planner's models (issue 15, items 1, 2 and 4: `core::planner::capacity` and
//! `core::planner::layers`): properties over small random districts (proptest), each checked
//! against brute force written here from the definitions, not from the flow code:
//! - the meals served by a set of open sites equal the minimum cut
//!   `min over Y ⊆ open of capacity(open \ Y) + need(reach(Y))` (max flow = min cut);
//! - served ≤ covered ≤ need, served ≤ the open capacity; adding capacity never lowers what a set
//!   of sites serves; existing canteens and locked candidates are always open;
//! - the chosen sites serve no more than the best `k` sites (brute force over every choice), and
//!   the upper bound is never below that best;
//! - delivery never loses anyone a plan reached on foot.
//!
//! And the independent pure-Python reference `tools/capacity-reference.py` (standard library
//! only; served meals by the min-cut formula for every choice of sites) on a seeded SIMULATED case:
//!
//! ```sh
//! python3 tools/capacity-reference.py make-case tests/data/capacity/case.json
//! python3 tools/capacity-reference.py compute tests/data/capacity/case.json > tests/data/capacity/expected.json
//! ```

use proptest::prelude::*;
use zhucan::core::geo::{distance_m, LonLat};
use zhucan::core::planner::capacity::{assign, capacitated, CapacitySettings, Role};
use zhucan::core::planner::data::{Demand, Sites};
use zhucan::core::planner::layers::{layers, reach_of, Delivery, Lists};
use zhucan::core::planner::plan::prepare;
use zhucan::core::planner::settings::{Choices, Settings};

/// A small district: points within about 2 km of (113.3° E, 23.1° N).
#[derive(Clone, Debug)]
struct District {
    demand: Demand,
    candidates: Sites,
    existing: Sites,
    competitors: Sites,
}

fn spot() -> impl Strategy<Value = LonLat> {
    (-0.01f64..0.01, -0.01f64..0.01).prop_map(|(x, y)| LonLat::new(113.3 + x, 23.1 + y))
}

/// A capacity, or none (NaN: the default applies).
fn capacity() -> impl Strategy<Value = f64> {
    prop_oneof![3 => (1u32..60).prop_map(f64::from), 1 => Just(f64::NAN)]
}

fn sites_of(points: Vec<(LonLat, f64)>) -> Sites {
    let n = points.len();
    Sites {
        names: (0..n).map(|i| format!("S{i}")).collect(),
        capacity: points.iter().map(|p| p.1).collect(),
        cost: vec![f64::NAN; n],
        rows: Vec::new(),
        points: points.into_iter().map(|p| p.0).collect(),
    }
}

fn district() -> impl Strategy<Value = District> {
    (
        prop::collection::vec((spot(), 1u32..40, 0u32..10), 3..12),
        prop::collection::vec((spot(), capacity()), 2..7),
        prop::collection::vec((spot(), capacity()), 0..3),
        prop::collection::vec((spot(), Just(f64::NAN)), 0..2),
    )
        .prop_map(|(demand, candidates, existing, competitors)| District {
            demand: Demand {
                points: demand.iter().map(|d| d.0).collect(),
                counts: demand.iter().map(|d| f64::from(d.1)).collect(),
                // 失能: at most the older people at the point.
                extras: vec![demand.iter().map(|d| f64::from(d.2.min(d.1))).collect()],
                extra_names: vec!["失能".into()],
                ..Demand::default()
            },
            candidates: sites_of(candidates),
            existing: sites_of(existing),
            competitors: sites_of(competitors),
        })
}

const WALK: f64 = 800.0;
const DELIVERY: f64 = 1600.0;
const DEFAULT_CAPACITY: f64 = 25.0;

/// Need share 1 and one meal a day, so meals are people.
fn settings(k: usize) -> Settings {
    Settings { need_share: 1.0, k, ..Settings::default() }
}

fn cap_of(sites: &Sites, i: usize) -> f64 {
    let c = sites.capacity[i];
    if c.is_finite() && c > 0.0 {
        c
    } else {
        DEFAULT_CAPACITY
    }
}

/// Brute force from the definitions: the meals `chosen` candidates and every existing canteen
/// serve, by the minimum cut over every subset of the open sites. The layers: walk-in people
/// (older people − 失能) within `WALK` and not within `WALK` of a competitor; 失能 within
/// `DELIVERY` (when `delivery`).
fn min_cut(d: &District, chosen: &[usize], delivery: bool) -> f64 {
    let open: Vec<(LonLat, f64)> = (0..d.existing.points.len())
        .map(|i| (d.existing.points[i], cap_of(&d.existing, i)))
        .chain(chosen.iter().map(|&i| (d.candidates.points[i], cap_of(&d.candidates, i))))
        .collect();
    // (position, need, reach radius) of each layer point with a need.
    let mut nodes: Vec<(LonLat, f64, f64)> = Vec::new();
    for i in 0..d.demand.points.len() {
        let p = d.demand.points[i];
        let disabled = if delivery { d.demand.extras[0][i] } else { 0.0 };
        let by_competitor = d.competitors.points.iter().any(|c| distance_m(*c, p) <= WALK);
        if !by_competitor {
            nodes.push((p, d.demand.counts[i] - disabled, WALK));
        }
        if delivery {
            nodes.push((p, disabled, DELIVERY));
        }
    }
    let mut best = f64::INFINITY;
    for y in 0u32..(1 << open.len()) {
        let inside = |j: usize| y & (1 << j) != 0;
        let cut_sites: f64 = (0..open.len()).filter(|&j| !inside(j)).map(|j| open[j].1).sum();
        let cut_need: f64 =
            nodes.iter().filter(|(p, _, r)| (0..open.len()).any(|j| inside(j) && distance_m(open[j].0, *p) <= *r)).map(|n| n.1).sum();
        best = best.min(cut_sites + cut_need);
    }
    best
}

/// Every choice of `k` of `n` candidates (or all of them when `n ≤ k`) that includes `locked`.
fn choices_of(n: usize, k: usize, locked: &[usize]) -> Vec<Vec<usize>> {
    let mut out = Vec::new();
    for mask in 0u32..(1 << n) {
        let set: Vec<usize> = (0..n).filter(|&i| mask & (1 << i) != 0).collect();
        if set.len() == k.min(n) && locked.iter().all(|l| set.contains(l)) {
            out.push(set);
        }
    }
    out
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-6 * b.abs().max(1.0)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn served_meals_are_the_minimum_cut_and_within_need_and_capacity(d in district(), delivery in any::<bool>(), pick in 0u32..64) {
        let walk = prepare(&d.demand, &d.candidates, &d.existing, WALK);
        let far = prepare(&d.demand, &d.candidates, &d.existing, DELIVERY);
        let comp = prepare(&d.demand, &d.competitors, &Sites::default(), WALK).candidates;
        let lists = Lists { walk: &walk, delivery: delivery.then_some(&far), competitors: Some(&comp) };
        let del = Delivery { column: 0, radius_m: DELIVERY };
        let l = layers(&d.demand, &[], &lists, delivery.then_some(&del));
        let options = CapacitySettings { default_capacity: DEFAULT_CAPACITY, ..CapacitySettings::default() };
        let chosen: Vec<usize> = (0..d.candidates.points.len()).filter(|i| pick & (1 << i) != 0).collect();
        let a = assign(&l, &d.candidates, &d.existing, &chosen, &settings(chosen.len()), &options);
        let t = &a.total;
        prop_assert!(close(t.served, min_cut(&d, &chosen, delivery)), "served {} vs min cut {}", t.served, min_cut(&d, &chosen, delivery));
        prop_assert!(t.served <= t.covered + 1e-9 && t.covered <= t.need - t.by_competitors + 1e-9);
        prop_assert!(t.served <= a.capacity_open + 1e-9);
        let per_site: f64 = a.sites.iter().map(|s| s.assigned).sum();
        let per_point: f64 = a.point_served.iter().sum();
        prop_assert!(close(per_site, t.served) && close(per_point, t.served));
        for s in &a.sites {
            prop_assert!(s.assigned <= s.capacity + 1e-9);
            prop_assert!(close(s.assigned_walk_in + s.assigned_delivery, s.assigned));
            // People left unserved within a site's reach only when it is full.
            prop_assert!(s.covered_unserved == 0.0 || s.full);
        }
        // Adding capacity to one open site never lowers what they serve.
        if !d.existing.points.is_empty() || !chosen.is_empty() {
            let mut more = d.clone();
            match chosen.first() {
                Some(&s) => more.candidates.capacity[s] = cap_of(&d.candidates, s) + 17.0,
                None => more.existing.capacity[0] = cap_of(&d.existing, 0) + 17.0,
            }
            let b = assign(&l, &more.candidates, &more.existing, &chosen, &settings(chosen.len()), &options);
            prop_assert!(b.total.served + 1e-9 >= t.served, "{} < {}", b.total.served, t.served);
        }
    }

    #[test]
    fn the_choice_is_within_the_best_and_the_bound_above_it(d in district(), k in 1usize..4, lock in any::<bool>(), delivery in any::<bool>()) {
        let walk = prepare(&d.demand, &d.candidates, &d.existing, WALK);
        let far = prepare(&d.demand, &d.candidates, &d.existing, DELIVERY);
        let comp = prepare(&d.demand, &d.competitors, &Sites::default(), WALK).candidates;
        let lists = Lists { walk: &walk, delivery: delivery.then_some(&far), competitors: Some(&comp) };
        let del = Delivery { column: 0, radius_m: DELIVERY };
        let l = layers(&d.demand, &[], &lists, delivery.then_some(&del));
        let options = CapacitySettings { default_capacity: DEFAULT_CAPACITY, ..CapacitySettings::default() };
        let locked: Vec<usize> = if lock { vec![d.candidates.points.len() - 1] } else { Vec::new() };
        let choices = Choices { locked: locked.clone(), excluded: Vec::new() };
        let plan = capacitated(&l, &d.candidates, &d.existing, &settings(k), &choices, &options);
        let served = plan.assignment.total.served;
        let best = choices_of(d.candidates.points.len(), k, &locked).iter().map(|c| min_cut(&d, c, delivery)).fold(0.0, f64::max);
        prop_assert!(served <= best + 1e-6, "served {served} > best {best}");
        prop_assert!(plan.upper_bound + 1e-6 >= best, "bound {} < best {best}", plan.upper_bound);
        prop_assert!(served + 1e-6 >= plan.greedy_served && served + 1e-6 >= plan.existing_served);
        // Its own figure is the min cut of what it chose.
        prop_assert!(close(served, min_cut(&d, &plan.chosen, delivery)));
        // Required sites: locked first, every existing canteen open.
        prop_assert!(plan.chosen.len() <= k.max(locked.len()));
        prop_assert!(plan.chosen.starts_with(&locked));
        let existing: Vec<usize> = plan.assignment.sites.iter().filter(|s| s.role == Role::Existing).map(|s| s.index).collect();
        prop_assert_eq!(existing, (0..d.existing.points.len()).collect::<Vec<_>>());
    }

    #[test]
    fn delivery_never_loses_anyone_the_walk_reached(d in district(), pick in 0u32..64) {
        let walk = prepare(&d.demand, &d.candidates, &d.existing, WALK);
        let far = prepare(&d.demand, &d.candidates, &d.existing, DELIVERY);
        let chosen: Vec<usize> = (0..d.candidates.points.len()).filter(|i| pick & (1 << i) != 0).collect();
        let off = layers(&d.demand, &[], &Lists { walk: &walk, delivery: None, competitors: None }, None);
        let del = Delivery { column: 0, radius_m: DELIVERY };
        let on = layers(&d.demand, &[], &Lists { walk: &walk, delivery: Some(&far), competitors: None }, Some(&del));
        let (before, _) = reach_of(&off, &chosen);
        let (walk_in, delivered) = reach_of(&on, &chosen);
        let delivered = delivered.expect("a delivery layer");
        prop_assert!(walk_in.reached + delivered.reached + 1e-9 >= before.reached);
        prop_assert!(close(walk_in.people + delivered.people, before.people));
    }
}

fn sites_from(rows: &serde_json::Value) -> Sites {
    let rows = rows.as_array().cloned().unwrap_or_default();
    sites_of(
        rows.iter()
            .map(|r| {
                let p = LonLat::new(r[0].as_f64().unwrap_or(f64::NAN), r[1].as_f64().unwrap_or(f64::NAN));
                (p, r.get(2).and_then(serde_json::Value::as_f64).unwrap_or(f64::NAN))
            })
            .collect(),
    )
}

/// zhucan against `tools/capacity-reference.py` (see the module doc): the meals served by the
/// choice it makes, by the existing canteens alone and by every candidate open are the
/// reference's minimum cuts; the choice is the best of the 56 (C(8, 3)), unique on this case, and
/// the bound is at least that best.
#[test]
fn capacitated_plan_matches_the_independent_reference() {
    let case: serde_json::Value = serde_json::from_str(include_str!("../data/capacity/case.json")).expect("case");
    let expected: serde_json::Value = serde_json::from_str(include_str!("../data/capacity/expected.json")).expect("expected");
    let num = |v: &serde_json::Value| v.as_f64().unwrap_or(f64::NAN);
    let rows = case["demand"].as_array().cloned().unwrap_or_default();
    let demand = Demand {
        points: rows.iter().map(|r| LonLat::new(num(&r[0]), num(&r[1]))).collect(),
        counts: rows.iter().map(|r| num(&r[2])).collect(),
        extras: vec![rows.iter().map(|r| num(&r[3])).collect()],
        extra_names: vec!["失能".into()],
        ..Demand::default()
    };
    let (candidates, existing, competitors) =
        (sites_from(&case["candidates"]), sites_from(&case["existing"]), sites_from(&case["competitors"]));
    let (walk_r, far_r) = (num(&case["radius_m"]), num(&case["delivery_radius_m"]));
    let walk = prepare(&demand, &candidates, &existing, walk_r);
    let far = prepare(&demand, &candidates, &existing, far_r);
    let comp = prepare(&demand, &competitors, &Sites::default(), walk_r).candidates;
    let del = Delivery { column: 0, radius_m: far_r };
    let l = layers(&demand, &[], &Lists { walk: &walk, delivery: Some(&far), competitors: Some(&comp) }, Some(&del));
    let k = case["k"].as_u64().unwrap_or(0) as usize;
    let settings = Settings { need_share: num(&case["need_share"]), k, ..Settings::default() };
    let options = CapacitySettings { default_capacity: num(&case["default_capacity"]), ..CapacitySettings::default() };
    let plan = capacitated(&l, &candidates, &existing, &settings, &Choices::default(), &options);
    let mut key = plan.chosen.clone();
    key.sort_unstable();
    let key = key.iter().map(usize::to_string).collect::<Vec<_>>().join(",");
    let t = &plan.assignment.total;
    assert!(close(t.served, num(&expected["served"][&key])), "{key}: {} vs {}", t.served, expected["served"][&key]);
    assert!(close(t.served, num(&expected["best"])), "served {} < best {}", t.served, expected["best"]);
    assert_eq!(expected["best_choices"], serde_json::json!([key]));
    assert!(plan.upper_bound + 1e-6 >= num(&expected["best"]));
    assert!(close(t.need, num(&expected["need"])) && close(t.by_competitors, num(&expected["by_competitors"])));
    assert!(close(plan.existing_served, num(&expected["existing_only"])));
    let all: Vec<usize> = (0..candidates.points.len()).collect();
    assert!(close(assign(&l, &candidates, &existing, &all, &settings, &options).total.served, num(&expected["all_open"])));
    // Every one of the 56 choices, evaluated alone.
    let table = expected["served"].as_object().cloned().unwrap_or_default();
    assert_eq!(table.len(), 56);
    for (choice, value) in &table {
        let chosen: Vec<usize> = choice.split(',').filter_map(|x| x.parse().ok()).collect();
        let got = assign(&l, &candidates, &existing, &chosen, &settings, &options).total.served;
        assert!(close(got, num(value)), "{choice}: {got} vs {value}");
    }
}
