//! Population rasters: any bytes as a GeoTIFF, and as text as an Esri ASCII grid and XYZ, with and
//! without a window. No panic, hang or runaway memory whatever the file holds (a TIFF header can
//! claim any size: only the window's strips or tiles are decoded, and at most MAX_CELLS cells).
#![no_main]

use libfuzzer_sys::fuzz_target;
use zhucan::core::io::raster::{read_ascii_grid, read_geotiff, read_xyz, Window, MAX_CELLS};

fuzz_target!(|data: &[u8]| {
    let window = Window { west: 113.0, south: 23.0, east: 113.2, north: 23.2 };
    for w in [None, Some(&window)] {
        if let Ok(cells) = read_geotiff(data, w) {
            assert!(cells.read <= MAX_CELLS);
            assert_eq!(cells.points.len(), cells.values.len());
            assert!(cells.values.iter().all(|v| *v > 0.0 && v.is_finite()));
        }
        if let Ok(text) = std::str::from_utf8(data) {
            for cells in [read_ascii_grid(text, w), read_xyz(text, w)].into_iter().flatten() {
                assert_eq!(cells.points.len(), cells.areas_m2.len());
                assert!(cells.values.iter().all(|v| *v > 0.0 && v.is_finite()));
            }
        }
    }
});
