//! Road files (GeoJSON lines with any properties): read, build the network, snap points and walk
//! from them. No panic, hang or runaway memory whatever the file holds.
#![no_main]

use libfuzzer_sys::fuzz_target;
use zhucan::core::geo::LonLat;
use zhucan::core::io::crs::Crs;
use zhucan::core::io::roads::read_geojson;
use zhucan::core::planner::network::{network_coverage, RoadNetwork};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    for crs in [Crs::Wgs84, Crs::Gcj02] {
        let Ok(roads) = read_geojson(text, crs) else { return };
        let net = RoadNetwork::build(&roads.ways);
        // Points at the first vertices and beside them, as demand and as sites.
        let points: Vec<LonLat> =
            roads.ways.iter().flatten().take(8).flat_map(|p| [*p, LonLat::new(p.lon + 0.001, p.lat - 0.001)]).collect();
        let (coverage, report) = network_coverage(&net, &points, &points, 2_000.0, 300.0, 1.3);
        assert_eq!(coverage.n_sites(), points.len());
        assert!(report.demand_unsnapped <= points.len());
    }
});
