//! The planner at city scale: a seeded SIMULATED city of 1,000,000 demand points and 5,000
//! candidate sites, 1 km radius, k = 200. Prints the coverage build time, the selection time, peak
//! memory and the covered weight with its certified bound. `cargo bench --bench plan`.

use std::time::Instant;

use zhucan::core::geo::LonLat;
use zhucan::core::planner::data::Sites;
use zhucan::core::planner::plan::prepare;
use zhucan::core::planner::sample::{candidates_near, city};
use zhucan::core::planner::score::weights;
use zhucan::core::planner::select::{Search, SelectOptions, SelectionInput};

mod common;
use common::peak_memory_mb;

fn main() {
    let n: usize = std::env::var("ZHUCAN_BENCH_POINTS").ok().and_then(|s| s.parse().ok()).unwrap_or(1_000_000);
    let m: usize = std::env::var("ZHUCAN_BENCH_SITES").ok().and_then(|s| s.parse().ok()).unwrap_or(5_000);
    let k = 200;
    let radius = 1000.0;
    let t = Instant::now();
    let demand = city(LonLat::new(113.30, 23.12), 60.0, n, 120, 2025);
    let candidates = candidates_near(&demand, m, 7, "site");
    println!("site planner benchmark (SIMULATED city, seeded): {n} demand points, {m} candidates, radius {radius} m, k = {k}");
    let generate_s = t.elapsed().as_secs_f64();
    println!("generate data          {:>8.3} s", generate_s);

    let t = Instant::now();
    let prepared = prepare(&demand, &candidates, &Sites::default(), radius);
    let coverage_s = t.elapsed().as_secs_f64();
    println!("coverage build         {:>8.3} s   ({} pairs)", coverage_s, prepared.candidates.pairs());

    let w = weights(&demand, &[]);
    let input = SelectionInput { coverage: &prepared.candidates, weights: &w, precovered: None, locked: &[], excluded: &[] };
    // One search, timed by stage: greedy and the swap search (the answer the planner sees at
    // once), then the dual steps that tighten the bound and improve the plan.
    let t = Instant::now();
    let mut search = Search::new(&input, k, SelectOptions::default());
    let first = search.progress();
    let first_s = t.elapsed().as_secs_f64();
    println!(
        "selection, greedy + swaps {:>8.3} s   greedy {:.0}, after swaps {:.0}",
        first_s,
        search.selection().greedy_weight,
        first.covered_weight
    );
    let mut certified_998 = None;
    while !search.done() {
        let at = search.step(50);
        if certified_998.is_none() && at.guarantee() >= 0.998 {
            certified_998 = Some(t.elapsed().as_secs_f64());
        }
    }
    let select_s = t.elapsed().as_secs_f64();
    let s = search.selection();
    println!(
        "selection, whole search {:>8.3} s   covered {:.0}, bound {:.0}: at least {:.2} % of the best possible ({} swaps, {} bound iterations)",
        select_s,
        s.covered_weight,
        s.upper_bound,
        100.0 * s.guarantee(),
        s.swaps,
        s.bound_iterations
    );
    match certified_998 {
        Some(at) => println!("certified 99.8 % after {at:.3} s"),
        None => println!("certified 99.8 %: not reached"),
    }
    println!("total (generate + coverage + selection) {:>8.3} s", generate_s + coverage_s + select_s);
    println!("total weight {:.0}, uncoverable {:.0}", s.total_weight, s.uncoverable_weight);
    if let Some(mb) = peak_memory_mb() {
        println!("peak memory            {mb:>8.0} MB");
    }
}
