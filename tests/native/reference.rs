//! The planner against the independent reference checker (HiGHS exact optimum) on the public cases
//! in `tests/data/reference`: per-candidate covered weight equal to the reference's, plain greedy
//! equal to the reference's greedy, the chosen k ≥ 99.9 % of the proven optimum, and an upper bound
//! that is never below it.

use std::path::Path;

use serde_json::Value;
use zhucan::core::geo::distance_m;
use zhucan::core::planner::problem::{CheckedProblem, Problem};
use zhucan::core::planner::select::covered_by;
use zhucan::core::planner::{fewest_sites, select, Coverage, PointIndex, SelectOptions, SelectionInput};

fn load(name: &str) -> (CheckedProblem, Value) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/reference");
    let read = |file: String| std::fs::read_to_string(dir.join(&file)).unwrap_or_else(|e| panic!("{file}: {e}"));
    let problem: Problem = serde_json::from_str(&read(format!("{name}.json"))).expect("problem JSON");
    let result: Value = serde_json::from_str(&read(format!("{name}.result.json"))).expect("result JSON");
    (problem.check().expect("valid problem"), result)
}

fn numbers(v: &Value) -> Vec<f64> {
    v.as_array().expect("array").iter().map(|x| x.as_f64().expect("number")).collect()
}

fn check_case(name: &str) {
    let (p, r) = load(name);
    let index = PointIndex::new(&p.demand, p.radius_m);
    let cov = Coverage::build(&index, p.demand.len(), &p.candidates, p.radius_m);

    // 1. Per-candidate covered weight, as the reference computes it. A difference is allowed only
    //    where a demand point lies within 1 cm of the radius (the reference's `boundary_pairs`).
    let expected = numbers(&r["per_candidate_weight"]);
    let boundary_pairs = r["boundary_pairs"].as_u64().expect("boundary_pairs");
    let mut explained = 0u64;
    for (c, want) in expected.iter().enumerate() {
        let got: f64 = cov.of(c).iter().map(|&i| p.weights[i as usize]).sum();
        if got != *want {
            let diff = (got - want).abs();
            let near: Vec<f64> = (0..p.demand.len())
                .filter(|&i| (distance_m(p.candidates[c], p.demand[i]) - p.radius_m).abs() <= 0.01)
                .map(|i| p.weights[i])
                .collect();
            assert!(
                near.iter().any(|w| (w - diff).abs() < 1e-9),
                "{name}: candidate {c}: {got} vs {want}, not explained by a boundary pair"
            );
            explained += 1;
        }
    }
    assert!(explained <= boundary_pairs, "{name}: {explained} differences but only {boundary_pairs} boundary pairs");
    let pair_diff = (cov.pairs() as i64 - r["coverage_pairs"].as_i64().expect("pairs")).unsigned_abs();
    assert!(pair_diff <= boundary_pairs, "{name}: {} pairs vs the reference's {}", cov.pairs(), r["coverage_pairs"]);

    // 2. Selection.
    let input = SelectionInput { coverage: &cov, weights: &p.weights, precovered: None, locked: &p.fixed, excluded: &[] };
    let s = select(&input, p.k, SelectOptions::default());
    let optimum = r["mclp"]["objective"].as_f64().expect("objective");
    assert_eq!(r["mclp"]["proven_optimal"], true);
    assert_eq!(s.greedy_weight, r["greedy_mclp"]["covered_weight"].as_f64().expect("greedy"), "{name}: greedy (lowest index wins ties)");
    assert_eq!(s.chosen.len(), p.k, "{name}: k sites");
    assert_eq!(covered_by(&input, &s.chosen), s.covered_weight, "{name}: reported weight is the chosen sites' weight");
    assert!(s.covered_weight >= 0.999 * optimum, "{name}: {} < 99.9% of the optimum {optimum}", s.covered_weight);
    assert!(s.covered_weight <= optimum, "{name}: {} beats the proven optimum {optimum}: coverage is wrong", s.covered_weight);
    assert!(s.upper_bound >= optimum - 1e-6, "{name}: bound {} below the optimum {optimum}", s.upper_bound);
    assert!(s.upper_bound >= s.covered_weight);
    assert_eq!(s.total_weight, r["total_weight"].as_f64().expect("total"));
    println!(
        "{name}: covered {} of optimum {optimum} ({:.4} %), greedy {}, bound {} (guarantee {:.4} %), {} swaps, {} bound iterations",
        s.covered_weight,
        100.0 * s.covered_weight / optimum,
        s.greedy_weight,
        s.upper_bound,
        100.0 * s.guarantee(),
        s.swaps,
        s.bound_iterations
    );

    // 3. Fewest sites for the reference's target share: never fewer than its proven minimum.
    let target = r["psclp"]["target_fraction"].as_f64().expect("target");
    let minimum = r["psclp"]["min_sites"].as_u64().expect("min_sites") as usize;
    let sites = fewest_sites(&input, target).expect("target reachable");
    assert!(sites.len() >= minimum, "{name}: {} sites beat the proven minimum {minimum}", sites.len());
    assert!(covered_by(&input, &sites) >= target * s.total_weight - 1e-6);
    println!("{name}: {} sites reach {target} (proven minimum {minimum})", sites.len());
}

#[test]
fn us_georgia_elderly() {
    check_case("us_georgia_elderly");
}

#[test]
fn cn_guangdong_small() {
    check_case("cn_guangdong_small");
}

#[test]
fn synthetic_prd_100k_c1000() {
    check_case("synthetic_prd_100k_c1000");
}
