//! Walking along streets at city scale (issue 13's goal): a seeded SIMULATED street grid of more
//! than 300,000 nodes (streets every 100 m over 60 km, a river crossed on a bridge every 1.5 km,
//! 5 % of blocks missing), 1,000,000 demand points and 5,000 candidates, a 15-minute walk at
//! 60 m a minute (900 m on foot). Prints the network build, snapping and search times, pairs,
//! what the streets cost against the straight line, and peak memory. `cargo bench --bench network`.
//! Also reads the same streets written as an OpenStreetMap `.osm.pbf` extract (seeded; a square
//! building of four nodes beside every second vertex of every street, as a city extract has
//! buildings; zlib-packed blocks of 8,000 as osmium writes), and the real Helsinki extract of
//! tests/data/network.

use std::collections::HashMap;
use std::io::Write;
use std::time::Instant;

use zhucan::core::geo::LonLat;
use zhucan::core::io::crs::Crs;
use zhucan::core::io::roads::{read_any, read_any_with_basemap};
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
    let (pbf, n_nodes, n_buildings) = write_pbf(&ways);
    let write_s = t.elapsed().as_secs_f64();
    let t = Instant::now();
    let roads = read_any(&pbf, Crs::Wgs84).expect("the written extract reads");
    let read_s = t.elapsed().as_secs_f64();
    assert_eq!(roads.ways.len(), ways.len());
    let t = Instant::now();
    let (_, map) = read_any_with_basemap(&pbf, Crs::Wgs84).expect("the written extract reads");
    println!(
        "read .osm.pbf          {:>8.3} s   ({:.1} MB written in {write_s:.2} s: {n_nodes} nodes, {} streets, {n_buildings} buildings; with the basemap {:.3} s)",
        read_s,
        pbf.len() as f64 / 1e6,
        roads.ways.len(),
        t.elapsed().as_secs_f64(),
    );
    assert_eq!(map.roads.len(), ways.len());
    drop((pbf, roads, map));
    let helsinki = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/network/helsinki.osm.pbf")).expect("the test extract");
    let t = Instant::now();
    let real = read_any(&helsinki, Crs::Wgs84).expect("the test extract reads");
    println!(
        "read helsinki.osm.pbf  {:>8.3} s   ({:.2} MB, {} walkable ways; real OpenStreetMap data)",
        t.elapsed().as_secs_f64(),
        helsinki.len() as f64 / 1e6,
        real.ways.len()
    );

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

// A minimal OpenStreetMap PBF writer: a header block, then blocks of up to 8,000 dense nodes and
// of up to 8,000 ways, zlib-packed. Streets are `highway=residential`; every second street has a
// square building of four nodes of its own beside it.
fn varint(mut n: u64, out: &mut Vec<u8>) {
    while n >= 0x80 {
        out.push((n as u8) | 0x80);
        n >>= 7;
    }
    out.push(n as u8);
}
fn field_bytes(field: u64, data: &[u8], out: &mut Vec<u8>) {
    varint((field << 3) | 2, out);
    varint(data.len() as u64, out);
    out.extend_from_slice(data);
}
fn field_int(field: u64, n: u64, out: &mut Vec<u8>) {
    varint(field << 3, out);
    varint(n, out);
}
fn zz(n: i64) -> u64 {
    ((n << 1) ^ (n >> 63)) as u64
}
fn packed_deltas(field: u64, values: impl Iterator<Item = i64>, out: &mut Vec<u8>) {
    let (mut data, mut last) = (Vec::new(), 0i64);
    for v in values {
        varint(zz(v - last), &mut data);
        last = v;
    }
    field_bytes(field, &data, out);
}
fn block(kind: &str, data: &[u8], out: &mut Vec<u8>) {
    let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
    z.write_all(data).expect("in memory");
    let mut blob = Vec::new();
    field_int(2, data.len() as u64, &mut blob);
    field_bytes(3, &z.finish().expect("in memory"), &mut blob);
    let mut header = Vec::new();
    field_bytes(1, kind.as_bytes(), &mut header);
    field_int(3, blob.len() as u64, &mut header);
    out.extend((header.len() as u32).to_be_bytes());
    out.extend(header);
    out.extend(blob);
}
/// The file, its number of nodes and of buildings.
fn write_pbf(ways: &[Vec<LonLat>]) -> (Vec<u8>, usize, usize) {
    let mut ids: HashMap<(u64, u64), i64> = HashMap::new();
    let mut nodes: Vec<(i64, LonLat)> = Vec::new();
    let mut id_of = |p: LonLat, nodes: &mut Vec<(i64, LonLat)>| {
        *ids.entry((p.lon.to_bits(), p.lat.to_bits())).or_insert_with(|| {
            nodes.push((nodes.len() as i64 + 1, p));
            nodes.len() as i64
        })
    };
    // (building?, node ids)
    let mut out_ways: Vec<(bool, Vec<i64>)> = Vec::new();
    for way in ways {
        out_ways.push((false, way.iter().map(|p| id_of(*p, &mut nodes)).collect()));
        for p in way.iter().step_by(2) {
            let c = LonLat::new(p.lon + 0.0002, p.lat + 0.0002);
            let corners = [(0.0, 0.0), (0.0001, 0.0), (0.0001, 0.0001), (0.0, 0.0001)].map(|(dx, dy)| {
                nodes.push((nodes.len() as i64 + 1, LonLat::new(c.lon + dx, c.lat + dy)));
                nodes.len() as i64
            });
            out_ways.push((true, vec![corners[0], corners[1], corners[2], corners[3], corners[0]]));
        }
    }
    let (n_nodes, n_buildings) = (nodes.len(), out_ways.len() - ways.len());
    let mut file = Vec::new();
    let mut header = Vec::new();
    field_bytes(4, b"OsmSchema-V0.6", &mut header);
    field_bytes(4, b"DenseNodes", &mut header);
    block("OSMHeader", &header, &mut file);
    let mut strings = Vec::new();
    for s in ["", "highway", "residential", "building", "yes"] {
        field_bytes(1, s.as_bytes(), &mut strings);
    }
    let e7 = |deg: f64| (deg * 1e7).round() as i64;
    for chunk in nodes.chunks(8_000) {
        let mut dense = Vec::new();
        packed_deltas(1, chunk.iter().map(|n| n.0), &mut dense);
        packed_deltas(8, chunk.iter().map(|n| e7(n.1.lat)), &mut dense);
        packed_deltas(9, chunk.iter().map(|n| e7(n.1.lon)), &mut dense);
        let mut group = Vec::new();
        field_bytes(2, &dense, &mut group);
        let mut data = Vec::new();
        field_bytes(1, &strings, &mut data);
        field_bytes(2, &group, &mut data);
        block("OSMData", &data, &mut file);
    }
    for (c, chunk) in out_ways.chunks(8_000).enumerate() {
        let mut group = Vec::new();
        for (i, (building, refs)) in chunk.iter().enumerate() {
            let mut way = Vec::new();
            field_int(1, (c * 8_000 + i + 1) as u64, &mut way);
            let (k, v) = if *building { (3, 4) } else { (1, 2) };
            field_bytes(2, &[k], &mut way);
            field_bytes(3, &[v], &mut way);
            packed_deltas(8, refs.iter().copied(), &mut way);
            field_bytes(3, &way, &mut group);
        }
        let mut data = Vec::new();
        field_bytes(1, &strings, &mut data);
        field_bytes(2, &group, &mut data);
        block("OSMData", &data, &mut file);
    }
    (file, n_nodes, n_buildings)
}
