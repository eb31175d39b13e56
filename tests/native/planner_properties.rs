//! Property tests for the planner's core (proptest): coordinate conversions round-trip within
//! centimetres; coverage grows with the radius and with the population; the chosen sites never
//! cover less than plain greedy; the upper bound is never below what is achieved.

use proptest::prelude::*;
use zhucan::core::geo::{distance_m, LonLat};
use zhucan::core::io::crs::{bd09_to_gcj02, gcj02_to_bd09, gcj02_to_wgs84, wgs84_to_gcj02};
use zhucan::core::planner::data::Sites;
use zhucan::core::planner::plan::prepare;
use zhucan::core::planner::sample::{candidates_near, city};
use zhucan::core::planner::score::weights;
use zhucan::core::planner::select::{covered_by, select, SelectOptions, SelectionInput};

/// Points in mainland China's populated box (where GCJ-02 applies).
fn china() -> impl Strategy<Value = LonLat> {
    (100.0f64..125.0, 20.0f64..45.0).prop_map(|(lon, lat)| LonLat::new(lon, lat))
}

fn covered(demand: &zhucan::core::planner::data::Demand, sites: &Sites, radius: f64, k: usize) -> (f64, f64, f64) {
    let p = prepare(demand, sites, &Sites::default(), radius);
    let w = weights(demand, &[]);
    let input = SelectionInput { coverage: &p.candidates, weights: &w, precovered: None, locked: &[], excluded: &[] };
    let s = select(&input, k, SelectOptions::default());
    (s.covered_weight, s.greedy_weight, s.upper_bound)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn gcj02_round_trips_within_centimetres(p in china()) {
        let back = gcj02_to_wgs84(wgs84_to_gcj02(p));
        prop_assert!(distance_m(p, back) < 0.05, "{p:?} -> {back:?}: {} m", distance_m(p, back));
    }

    #[test]
    fn bd09_round_trips_within_centimetres(p in china()) {
        let back = bd09_to_gcj02(gcj02_to_bd09(p));
        prop_assert!(distance_m(p, back) < 0.05, "{p:?} -> {back:?}: {} m", distance_m(p, back));
    }

    #[test]
    fn selection_is_at_least_greedy_and_at_most_the_bound(seed in 0u64..1_000, k in 1usize..8, radius in 300.0f64..1500.0) {
        let demand = city(LonLat::new(113.3, 23.1), 6.0, 400, 6, seed);
        let sites = candidates_near(&demand, 25, seed + 1, "s");
        let (chosen, greedy, bound) = covered(&demand, &sites, radius, k);
        prop_assert!(chosen + 1e-6 >= greedy, "chosen {chosen} < greedy {greedy}");
        prop_assert!(bound + 1e-6 >= chosen, "bound {bound} < chosen {chosen}");
        let total: f64 = demand.counts.iter().sum();
        prop_assert!(chosen <= total + 1e-6);
    }

    #[test]
    fn coverage_grows_with_the_radius(seed in 0u64..1_000, k in 1usize..6, r in 200.0f64..1200.0, extra in 1.0f64..800.0) {
        let demand = city(LonLat::new(113.3, 23.1), 6.0, 300, 5, seed);
        let sites = candidates_near(&demand, 20, seed + 7, "s");
        // For a fixed set of sites (all of them), what they cover can only grow with the radius.
        let all: Vec<usize> = (0..sites.points.len()).collect();
        let cover = |radius: f64| {
            let p = prepare(&demand, &sites, &Sites::default(), radius);
            let w = weights(&demand, &[]);
            let input = SelectionInput { coverage: &p.candidates, weights: &w, precovered: None, locked: &[], excluded: &[] };
            covered_by(&input, &all)
        };
        prop_assert!(cover(r + extra) + 1e-6 >= cover(r));
        // And the best k at a larger radius is at least as good (its bound too).
        let (small, _, small_bound) = covered(&demand, &sites, r, k);
        let (_, _, big_bound) = covered(&demand, &sites, r + extra, k);
        prop_assert!(big_bound + 1e-6 >= small, "bound at a larger radius {big_bound} < {small}");
        prop_assert!(small_bound + 1e-6 >= small);
    }

    #[test]
    fn coverage_grows_with_the_population(seed in 0u64..1_000, factor in 1.0f64..3.0, which in 0usize..300) {
        let demand = city(LonLat::new(113.3, 23.1), 6.0, 300, 5, seed);
        let sites = candidates_near(&demand, 20, seed + 3, "s");
        let mut more = demand.clone();
        more.counts[which] *= factor;
        let all: Vec<usize> = (0..sites.points.len()).collect();
        let cover = |d: &zhucan::core::planner::data::Demand| {
            let p = prepare(d, &sites, &Sites::default(), 800.0);
            let w = weights(d, &[]);
            let input = SelectionInput { coverage: &p.candidates, weights: &w, precovered: None, locked: &[], excluded: &[] };
            covered_by(&input, &all)
        };
        prop_assert!(cover(&more) + 1e-6 >= cover(&demand));
    }
}

/// Points within about 2 km of a centre in Guangzhou.
fn nearby() -> impl Strategy<Value = LonLat> {
    (113.28f64..113.32, 23.08f64..23.12).prop_map(|(lon, lat)| LonLat::new(lon, lat))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    /// On foot is never shorter than the straight line, and so a walking limit never covers more
    /// than the same metres in a straight line (every fallback walk is the straight line × a
    /// detour ≥ 1).
    #[test]
    fn walking_never_beats_the_straight_line(
        ways in prop::collection::vec(prop::collection::vec(nearby(), 2..6), 1..12),
        demand in prop::collection::vec(nearby(), 1..40),
        sites in prop::collection::vec(nearby(), 1..6),
        limit in 200.0f64..3000.0,
    ) {
        use zhucan::core::planner::coverage::{Coverage, PointIndex};
        use zhucan::core::planner::network::{network_coverage, RoadNetwork};
        let net = RoadNetwork::build(&ways);
        let (walk, _) = network_coverage(&net, &demand, &sites, limit, 300.0, 1.3);
        let straight = Coverage::build(&PointIndex::new(&demand, limit), demand.len(), &sites, limit);
        for (s, &site) in sites.iter().enumerate() {
            for (i, d) in walk.of(s).iter().zip(walk.distances(s)) {
                let line = distance_m(site, demand[*i as usize]);
                prop_assert!(f64::from(*d) >= line - 0.01, "site {s} → point {i}: on foot {d} m, straight {line} m");
                prop_assert!(straight.of(s).contains(i), "site {s} covers point {i} on foot but not in a straight line");
            }
        }
    }

    /// Snapping only the points near a few sites (the planning models' walk from the chosen
    /// sites) gives the same lists, in the caller's ids, as snapping every point.
    #[test]
    fn snapping_only_near_the_sites_changes_nothing(
        ways in prop::collection::vec(prop::collection::vec(nearby(), 2..6), 1..12),
        demand in prop::collection::vec(nearby(), 1..60),
        sites in prop::collection::vec(nearby(), 1..4),
        limit in 200.0f64..2000.0,
        max_snap in 20.0f64..400.0,
    ) {
        use zhucan::core::planner::network::{RoadNetwork, SnappedDemand};
        let net = RoadNetwork::build(&ways);
        let (all, unsnapped_all) = SnappedDemand::new(&net, &demand, limit, max_snap, 1.3).cover(&sites);
        let (near, unsnapped_near) = SnappedDemand::near(&net, &demand, &sites, limit, max_snap, 1.3).cover(&sites);
        prop_assert_eq!(unsnapped_all, unsnapped_near);
        prop_assert_eq!(near.n_demand, demand.len());
        for s in 0..sites.len() {
            prop_assert_eq!(all.of(s), near.of(s), "site {}", s);
            prop_assert_eq!(all.distances(s), near.distances(s), "site {}", s);
        }
    }
}
