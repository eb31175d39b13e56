//! Road files (GeoJSON lines with any properties, and OpenStreetMap `.osm.pbf` extracts, seeds
//! `corpus/roads/seed*.osm.pbf` written by pyosmium, zlib and raw): read through the one entry
//! point with the basemap, build the network, snap points and walk from them. No panic, hang or
//! runaway memory whatever the file holds.
#![no_main]

use libfuzzer_sys::fuzz_target;
use zhucan::core::geo::LonLat;
use zhucan::core::io::crs::Crs;
use zhucan::core::io::osm::looks_like_pbf;
use zhucan::core::io::roads::{read_any_with_basemap, read_geojson};
use zhucan::core::planner::network::{network_coverage, RoadNetwork};

fuzz_target!(|data: &[u8]| {
    let mut read = Vec::new();
    if looks_like_pbf(data) {
        if let Ok((roads, map)) = read_any_with_basemap(data, Crs::Wgs84) {
            assert!(map.roads.iter().all(|(_, l)| l.len() >= 2 && l.iter().all(|p| p.is_valid())));
            read.push(roads);
        }
    } else if let Ok(text) = std::str::from_utf8(data) {
        for crs in [Crs::Wgs84, Crs::Gcj02] {
            let Ok(roads) = read_geojson(text, crs) else { return };
            read.push(roads);
        }
        // The entry point with the basemap reads the same ways.
        if let (Ok((roads, _)), Some(first)) = (read_any_with_basemap(data, Crs::Wgs84), read.first()) {
            assert_eq!(roads.ways.len(), first.ways.len());
        }
    }
    for roads in read {
        let net = RoadNetwork::build(&roads.ways);
        // Points at the first vertices and beside them, as demand and as sites.
        let points: Vec<LonLat> =
            roads.ways.iter().flatten().take(8).flat_map(|p| [*p, LonLat::new(p.lon + 0.001, p.lat - 0.001)]).collect();
        let (coverage, report) = network_coverage(&net, &points, &points, 2_000.0, 300.0, 1.3);
        assert_eq!(coverage.n_sites(), points.len());
        assert!(report.demand_unsnapped <= points.len());
    }
});
