//! Walking along streets at city scale (issue 13's goal): a seeded SIMULATED street grid of more
//! than 300,000 nodes (streets every 100 m over 60 km, a river crossed on a bridge every 1.5 km,
//! 5 % of blocks missing), 1,000,000 demand points and 5,000 candidates, a 15-minute walk at
//! 60 m a minute (900 m on foot). Prints the network build, snapping and search times, pairs,
//! what the streets cost against the straight line, and peak memory. `cargo bench --bench network`.

use std::time::Instant;

use zhucan::core::geo::LonLat;
use zhucan::core::planner::coverage::{Coverage, PointIndex};
use zhucan::core::planner::network::{network_coverage, RoadNetwork};
use zhucan::core::planner::sample::{candidates_near, city, street_grid};

mod common;
use common::peak_memory_mb;

fn main() {
    let n: usize = std::env::var("ZHUCAN_BENCH_POINTS").ok().and_then(|s| s.parse().ok()).unwrap_or(1_000_000);
    let m: usize = std::env::var("ZHUCAN_BENCH_SITES").ok().and_then(|s| s.parse().ok()).unwrap_or(5_000);
    let center = LonLat::new(113.30, 23.12);
    let (limit, speed, minutes, detour) = (900.0, 60.0, 15.0, 1.3);
    let t = Instant::now();
    let ways = street_grid(center, 60.0, 100.0, 15, 0.05, 2026);
    let demand = city(center, 60.0, n, 120, 2025);
    let candidates = candidates_near(&demand, m, 7, "site");
    println!("walking benchmark (SIMULATED city and streets, seeded): {n} demand points, {m} candidates, {minutes} min at {speed} m/min = {limit} m on foot");
    println!("generate data          {:>8.3} s   ({} ways)", t.elapsed().as_secs_f64(), ways.len());

    let t = Instant::now();
    let net = RoadNetwork::build(&ways);
    drop(ways);
    println!(
        "network build          {:>8.3} s   ({} nodes, {} segments, {:.0} km of street, {} pieces)",
        t.elapsed().as_secs_f64(),
        net.n_nodes(),
        net.n_segments(),
        net.total_length_m() / 1000.0,
        net.n_components()
    );

    let t = Instant::now();
    let (walk, report) = network_coverage(&net, &demand.points, &candidates.points, limit, 300.0, detour);
    let walk_s = t.elapsed().as_secs_f64();
    println!(
        "snap + network coverage {:>7.3} s   ({} pairs; {} points and {} sites beyond 300 m of a street)",
        walk_s,
        walk.pairs(),
        report.demand_unsnapped,
        report.sites_unsnapped
    );

    let t = Instant::now();
    let straight_m = minutes * speed / detour;
    let straight = Coverage::build(&PointIndex::new(&demand.points, straight_m), demand.points.len(), &candidates.points, straight_m);
    println!(
        "straight-line coverage {:>8.3} s   ({} pairs at {straight_m:.0} m = the walk ÷ detour {detour})",
        t.elapsed().as_secs_f64(),
        straight.pairs()
    );
    let covered = |c: &Coverage| c.covered_mask().iter().filter(|x| **x).count();
    println!("points any site reaches: on foot {}, straight line × detour {}", covered(&walk), covered(&straight));
    if let Some(mb) = peak_memory_mb() {
        println!("peak memory            {mb:>8.0} MB");
    }
}
