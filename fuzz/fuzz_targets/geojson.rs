//! GeoJSON files (points and polygons, any properties): the planner's open → import → run path.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    zhucan_fuzz::through_the_planner(data, "demand.geojson");
});
