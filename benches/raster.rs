//! Population rasters at country scale (issue 14's goal): a seeded SIMULATED WorldPop-style
//! GeoTIFF of 10,000 × 10,000 cells of 3 arc-seconds (about 90 m; 8.3° × 8.3°, a province),
//! 32-bit floats, LZW, one row per strip, no data over a "sea" in the south-east and people in
//! clusters, then clipped to a city window of 30 km around Guangzhou. Prints the time to write it,
//! its size, the time to read the window and what it held, and peak memory.
//! `cargo bench --bench raster`.

use std::time::Instant;

use zhucan::core::geo::LonLat;
use zhucan::core::io::raster::{read_geotiff, read_geotiff_from, Window};
use zhucan::core::io::stream::{RangeReader, Slices};
use zhucan::core::rng::Rng;

mod common;
use common::peak_memory_mb;

const CELL: f64 = 1.0 / 1200.0; // 3 arc-seconds
/// The city the window is cut around: Guangzhou, at the raster's centre.
const CITY: (f64, f64) = (113.264, 23.129);

fn main() {
    let n: u32 = std::env::var("ZHUCAN_BENCH_RASTER").ok().and_then(|s| s.parse().ok()).unwrap_or(10_000);
    let t = Instant::now();
    let (west, north) = (CITY.0 - f64::from(n) / 2.0 * CELL, CITY.1 + f64::from(n) / 2.0 * CELL);
    let bytes = generate(n, west, north);
    println!("raster benchmark (SIMULATED WorldPop-style GeoTIFF, seeded): {n} × {n} cells of 3″, float32, Deflate, one row a strip");
    println!(
        "write raster           {:>8.3} s   ({:.1} MB on disk, {:.0} MB uncompressed)",
        t.elapsed().as_secs_f64(),
        bytes.len() as f64 / 1e6,
        f64::from(n) * f64::from(n) * 4.0 / 1e6
    );

    let city = [LonLat::new(CITY.0, CITY.1)];
    let window = Window::around(&city, 15_000.0).expect("a point");
    let t = Instant::now();
    let cells = read_geotiff(&bytes, Some(&window)).expect("reads");
    println!(
        "read a 30 km window    {:>8.3} s   ({} cells looked at, {} with people, {:.0} people, {} no data, {} empty)",
        t.elapsed().as_secs_f64(),
        cells.read,
        cells.values.len(),
        cells.total(),
        cells.nodata,
        cells.empty
    );
    if let Some(mb) = peak_memory_mb() {
        println!("peak memory            {mb:>8.0} MB (the file held in memory)");
    }

    // The same file on disk, read by ranges as the CLI reads it (and the planner's worker reads
    // the browser's `File`): the header, the directory and the window's strips only.
    let path = std::path::PathBuf::from(format!("target/bench-data/raster-{n}.tif"));
    let _ = std::fs::create_dir_all("target/bench-data");
    std::fs::write(&path, &bytes).expect("writes the raster");
    let size = bytes.len() as u64;
    let whole = cells;
    drop(bytes);
    reset_peak();
    let file = std::fs::File::open(&path).expect("opens the raster");
    let counted = Counted { file, read: std::cell::Cell::new(0) };
    let t = Instant::now();
    let cells = read_geotiff_from(RangeReader::new(&counted), Some(&window)).expect("reads by ranges");
    let seconds = t.elapsed().as_secs_f64();
    assert_eq!(cells, whole, "the same cells read by ranges as from memory");
    let read = counted.read.get();
    println!(
        "the window from disk, by ranges {:>5.3} s   ({:.1} MB of the {:.1} MB file read: {:.2} %; the same {} cells)",
        seconds,
        read as f64 / 1e6,
        size as f64 / 1e6,
        read as f64 * 100.0 / size as f64,
        cells.values.len()
    );
    if let Some(mb) = peak_memory_mb() {
        println!("peak memory            {mb:>8.0} MB (reading by ranges; the file is not held)");
    }
    let _ = std::fs::remove_file(&path);
}

/// A file read by position, counting the bytes read.
struct Counted {
    file: std::fs::File,
    read: std::cell::Cell<u64>,
}

impl Slices for Counted {
    fn byte_len(&self) -> u64 {
        self.file.byte_len()
    }

    fn read_at(&self, start: u64, out: &mut [u8]) -> std::io::Result<usize> {
        let n = self.file.read_at(start, out)?;
        self.read.set(self.read.get() + n as u64);
        Ok(n)
    }
}

/// Starts the peak-memory count afresh (Linux: writing 5 to clear_refs resets `VmHWM`).
fn reset_peak() {
    let _ = std::fs::write("/proc/self/clear_refs", "5");
}

/// People per cell: clusters around towns, fading with distance; no data south-east of a
/// diagonal "coast". Written as a classic little-endian TIFF with one Deflate-compressed strip per
/// row, by hand: the `tiff` crate's encoder writes strips one at a time only uncompressed (its
/// `write_strip` leaves LZW/Deflate data uncompressed while the tag says compressed, in 0.10), and
/// holding 400 MB of floats to write them at once would swamp the memory figure.
fn generate(n: u32, west: f64, north: f64) -> Vec<u8> {
    use flate2::write::ZlibEncoder;
    use std::io::Write;
    let mut rng = Rng::new(2026);
    let towns: Vec<(f64, f64, f64)> = (0..400)
        .map(|_| (rng.unit() * f64::from(n), rng.unit() * f64::from(n), 5.0 + rng.unit() * 60.0))
        .chain([(f64::from(n) / 2.0, f64::from(n) / 2.0, 300.0)])
        .collect();
    let mut out = vec![b'I', b'I', 42, 0, 0, 0, 0, 0];
    let (mut offsets, mut counts) = (Vec::with_capacity(n as usize), Vec::with_capacity(n as usize));
    let mut row = vec![0f32; n as usize];
    let mut raw = Vec::with_capacity(n as usize * 4);
    for y in 0..n {
        // The towns near this row (within 400 cells), so a row costs little.
        let near: Vec<&(f64, f64, f64)> = towns.iter().filter(|t| (t.1 - f64::from(y)).abs() < 400.0).collect();
        for (x, v) in row.iter_mut().enumerate() {
            let (fx, fy) = (x as f64, f64::from(y));
            *v = if fx + fy > 1.6 * f64::from(n) {
                -99_999.0
            } else {
                let mut p = 0.0;
                for t in &near {
                    let d2 = (fx - t.0).powi(2) + (fy - t.1).powi(2);
                    if d2 < 160_000.0 {
                        p += 0.05 * t.2 * (-d2 / (2.0 * (t.2 * 2.0).powi(2))).exp();
                    }
                }
                // Quantised like WorldPop's published floats.
                ((p * 100.0).round() / 100.0) as f32
            };
        }
        raw.clear();
        raw.extend(row.iter().flat_map(|v| v.to_le_bytes()));
        let mut z = ZlibEncoder::new(Vec::new(), flate2::Compression::fast());
        z.write_all(&raw).expect("deflate");
        let strip = z.finish().expect("deflate");
        offsets.push(out.len() as u32);
        counts.push(strip.len() as u32);
        out.extend(strip);
    }
    let put = |out: &mut Vec<u8>, bytes: &[u8]| {
        let at = out.len() as u32;
        out.extend_from_slice(bytes);
        at
    };
    let offsets_at = put(&mut out, &offsets.iter().flat_map(|v| v.to_le_bytes()).collect::<Vec<u8>>());
    let counts_at = put(&mut out, &counts.iter().flat_map(|v| v.to_le_bytes()).collect::<Vec<u8>>());
    let scale_at = put(&mut out, &[CELL, CELL, 0.0].iter().flat_map(|v| v.to_le_bytes()).collect::<Vec<u8>>());
    let tie_at = put(&mut out, &[0.0, 0.0, 0.0, west, north, 0.0].iter().flat_map(|v: &f64| v.to_le_bytes()).collect::<Vec<u8>>());
    let keys: [u16; 12] = [1, 1, 0, 2, 1024, 0, 1, 2, 2048, 0, 1, 4326];
    let keys_at = put(&mut out, &keys.iter().flat_map(|v| v.to_le_bytes()).collect::<Vec<u8>>());
    let nodata_at = put(&mut out, b"-99999\0");
    let ifd_at = out.len() as u32;
    out[4..8].copy_from_slice(&ifd_at.to_le_bytes());
    // (tag, type, count, value or offset): ASCII = 2, SHORT = 3, LONG = 4, DOUBLE = 12.
    let entries: [(u16, u16, u32, u32); 15] = [
        (256, 4, 1, n),
        (257, 4, 1, n),
        (258, 3, 1, 32),
        (259, 3, 1, 8), // Deflate
        (262, 3, 1, 1),
        (273, 4, n, offsets_at),
        (277, 3, 1, 1),
        (278, 4, 1, 1),
        (279, 4, n, counts_at),
        (339, 3, 1, 3), // floating point
        (33550, 12, 3, scale_at),
        (33922, 12, 6, tie_at),
        (34735, 3, 12, keys_at),
        (42113, 2, 7, nodata_at),
        (0, 0, 0, 0),
    ];
    let entries = &entries[..14];
    out.extend((entries.len() as u16).to_le_bytes());
    for &(tag, ty, count, value) in entries {
        out.extend(tag.to_le_bytes());
        out.extend(ty.to_le_bytes());
        out.extend(count.to_le_bytes());
        out.extend(value.to_le_bytes());
    }
    out.extend(0u32.to_le_bytes());
    out
}
