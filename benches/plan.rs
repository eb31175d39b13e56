//! The planner at city scale: a seeded SIMULATED city of 1,000,000 demand points and 5,000
//! candidate sites, 1 km radius, k = 200. Prints the coverage build time, the selection time, peak
//! memory and the covered weight with its certified bound. `cargo bench --bench plan`.

use std::time::Instant;

use zhucan::core::geo::LonLat;
use zhucan::core::planner::data::Sites;
use zhucan::core::planner::plan::prepare;
use zhucan::core::planner::sample::{candidates_near, city};
use zhucan::core::planner::score::weights;
use zhucan::core::planner::select::{select, SelectOptions, SelectionInput};

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
    println!("generate data          {:>8.3} s", t.elapsed().as_secs_f64());

    let t = Instant::now();
    let prepared = prepare(&demand, &candidates, &Sites::default(), radius);
    let coverage_s = t.elapsed().as_secs_f64();
    println!("coverage build         {:>8.3} s   ({} pairs)", coverage_s, prepared.candidates.pairs());

    let w = weights(&demand, &[]);
    let input = SelectionInput { coverage: &prepared.candidates, weights: &w, precovered: None, locked: &[], excluded: &[] };
    let t = Instant::now();
    let greedy_only = select(&input, k, SelectOptions { swap_passes: 0, bound_iterations: 0 });
    let greedy_s = t.elapsed().as_secs_f64();
    let t = Instant::now();
    let searched = select(&input, k, SelectOptions { bound_iterations: 0, ..SelectOptions::default() });
    let searched_s = t.elapsed().as_secs_f64();
    let t = Instant::now();
    let s = select(&input, k, SelectOptions::default());
    let select_s = t.elapsed().as_secs_f64();
    println!("selection, greedy      {:>8.3} s   covered {:.0}", greedy_s, greedy_only.covered_weight);
    println!("selection, + swaps     {:>8.3} s   covered {:.0} ({} swaps)", searched_s, searched.covered_weight, searched.swaps);
    println!(
        "selection, + Lagrangian bound {:>8.3} s   covered {:.0}, bound {:.0}: at least {:.2} % of the best possible ({} swaps, {} bound iterations)",
        select_s,
        s.covered_weight,
        s.upper_bound,
        100.0 * s.guarantee(),
        s.swaps,
        s.bound_iterations
    );
    println!("total weight {:.0}, uncoverable {:.0}", s.total_weight, s.uncoverable_weight);
    if let Some(mb) = peak_memory_mb() {
        println!("peak memory            {mb:>8.0} MB");
    }
}
