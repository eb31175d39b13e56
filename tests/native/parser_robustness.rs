//! Robustness of every parser against arbitrary and mutated input (proptest, on the stable
//! toolchain, every `cargo test`): policy TOML, CSV and GeoJSON through the planner's whole
//! open → import → run path, text decoding, the calculator's share-link fragment, and project
//! files. The property is the one that keeps the page alive: a value or an error, never a panic.
//! Coverage-guided fuzzing of the same parsers is in `fuzz/` (cargo-fuzz; see docs/reliability.md).

use proptest::prelude::*;
use zhucan::core::date::Date;
use zhucan::core::io::text::decode;
use zhucan::core::planner::project;
use zhucan::core::planner::session::Reply;
use zhucan::core::policy::form::decode_fragment;
use zhucan::core::policy::parse_policy;
use zhucan::core::policy::presets::PRESETS;

use crate::planner_path::{replies_for, CANDIDATES};

/// A real file with a few bytes changed, removed or repeated: closer to what people break than
/// uniformly random bytes.
fn mutated(base: &'static str) -> impl Strategy<Value = Vec<u8>> {
    let len = base.len().max(1);
    prop::collection::vec((0..len, any::<u8>(), 0u8..3), 1..12).prop_map(move |edits| {
        let mut bytes = base.as_bytes().to_vec();
        for (at, byte, kind) in edits {
            let at = at.min(bytes.len());
            match kind {
                0 if at < bytes.len() => bytes[at] = byte,
                1 if at < bytes.len() => {
                    bytes.truncate(at);
                }
                _ => bytes.insert(at, byte),
            }
        }
        bytes
    })
}

/// A small valid CSV (the candidate file of every run doubles as the demand file to break).
const CSV: &str = CANDIDATES;
const GEOJSON: &str = r#"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"name":"甲","elderly":12},"geometry":{"type":"Point","coordinates":[113.3,23.1]}},{"type":"Feature","properties":{"name":"乙","elderly":7},"geometry":{"type":"Polygon","coordinates":[[[113.3,23.1],[113.31,23.1],[113.31,23.11],[113.3,23.1]]]}}]}"#;

/// A study area around the candidates, with a hole.
const BOUNDARY: &str = r#"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"name":"甲街道"},"geometry":{"type":"Polygon","coordinates":[[[113.2,23.0],[113.4,23.0],[113.4,23.2],[113.2,23.2],[113.2,23.0]],[[113.25,23.05],[113.28,23.05],[113.28,23.08],[113.25,23.05]]]}}]}"#;
/// A population raster as an Esri ASCII grid over the candidates: no data, a negative and an empty cell.
const ASCII_GRID: &str = "ncols 3\nnrows 2\nxllcorner 113.25\nyllcorner 23.05\ncellsize 0.05\nNODATA_value -9999\n1 2 -9999\n4 -5 0\n";

/// A raster as the demand, the candidates, a boundary, then a run; every reply.
fn raster_and_boundary(grid: Vec<u8>, boundary: Vec<u8>) -> Vec<Reply> {
    use zhucan::core::planner::plan::{Choices, Settings};
    use zhucan::core::planner::session::population::RasterLayer;
    use zhucan::core::planner::session::{Request, Role, Session};
    let mut s = Session::new();
    let mut replies = Vec::new();
    let mut send = |r: Reply| replies.push(r);
    s.handle(Request::open(Role::Candidates, "c.csv", CSV.as_bytes().to_vec()), &mut send);
    let map = zhucan::core::io::columns::auto_map(&["名称", "经度", "纬度", "60岁以上", "80岁以上"].map(String::from));
    s.handle(Request::Import { role: Role::Candidates, map, crs: Default::default(), skip_bad_rows: true }, &mut send);
    let layers = vec![RasterLayer { name: "g.asc".into(), bytes: grid, extra: false }];
    s.handle(Request::ImportRaster { layers, extra_name: String::new(), reach_m: 1000.0 }, &mut send);
    s.handle(Request::Boundary { name: "b.geojson".into(), bytes: boundary, crs: Default::default() }, &mut send);
    s.handle(Request::Run { settings: Settings { k: 2, ..Settings::default() }, choices: Choices::default() }, &mut send);
    replies
}

/// Opens, imports and (if both files are in) runs; returns how many replies came back.
fn through_the_planner(demand: Vec<u8>, name: &str) -> usize {
    replies_for(demand, name).len()
}

/// The unbroken files go all the way to a plan: the properties below exercise the whole path.
#[test]
fn unbroken_files_reach_a_plan() {
    for (bytes, name) in [(CSV, "d.csv"), (GEOJSON, "d.geojson")] {
        let replies = replies_for(bytes.as_bytes().to_vec(), name);
        assert!(replies.iter().any(|r| matches!(r, Reply::Planned(_))), "{name}: {} replies, no plan", replies.len());
    }
    let replies = raster_and_boundary(ASCII_GRID.as_bytes().to_vec(), BOUNDARY.as_bytes().to_vec());
    assert!(replies.iter().any(|r| matches!(r, Reply::RasterRead(_))), "the raster is read: {replies:?}");
    assert!(replies.iter().any(|r| matches!(r, Reply::Boundary(_))), "the boundary is used: {replies:?}");
    assert!(replies.iter().any(|r| matches!(r, Reply::Planned(_))), "a plan: {replies:?}");
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn policy_files_never_panic(bytes in mutated(PRESETS[0].toml)) {
        let text = String::from_utf8_lossy(&bytes);
        // Either a policy or a non-empty list of located errors.
        if let Err(errors) = parse_policy(&text) {
            prop_assert!(!errors.is_empty());
        }
    }

    #[test]
    fn arbitrary_text_is_not_a_policy(text in ".{0,400}") {
        let _ = parse_policy(&text);
    }

    #[test]
    fn rasters_and_boundaries_never_panic_the_session(grid in mutated(ASCII_GRID), boundary in mutated(BOUNDARY)) {
        prop_assert!(!raster_and_boundary(grid, boundary).is_empty());
    }

    #[test]
    fn csv_files_never_panic_through_open_and_import(bytes in mutated(CSV)) {
        prop_assert!(through_the_planner(bytes, "d.csv") >= 1);
    }

    #[test]
    fn geojson_files_never_panic_through_open_and_import(bytes in mutated(GEOJSON)) {
        prop_assert!(through_the_planner(bytes, "d.geojson") >= 1);
    }

    #[test]
    fn arbitrary_bytes_decode_or_are_refused(bytes in prop::collection::vec(any::<u8>(), 0..600)) {
        let _ = decode(&bytes);
        prop_assert!(through_the_planner(bytes, "x.csv") >= 1);
    }

    #[test]
    fn share_link_fragments_never_panic(fragment in "#?[a-z0-9=&%.,~-]{0,200}") {
        let today = Date::new(2025, 3, 4).expect("a date");
        let _ = decode_fragment(&fragment, &today);
    }

    #[test]
    fn project_files_never_panic(bytes in mutated(r#"{"format":"zhucan-project","version":1,"saved":{"demo":false,"files":[],"form":null,"choices":{"locked":[1],"excluded":[]},"had_result":true},"data":[{"role":"demand","name":"a","base64":"Zm9v"}]}"#)) {
        let _ = project::from_json(&String::from_utf8_lossy(&bytes));
    }
}
