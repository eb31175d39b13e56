//! Demand from population rasters in the planner (GeoTIFF, Esri ASCII grid, XYZ text; see
//! [`crate::core::io::raster`]): the files a planner chooses are read in one window, the layers
//! counted as older people are added cell by cell, and layers kept as an extra weight (80岁以上 …)
//! are added into one extra count. Each cell with people becomes a demand point at its centre,
//! with the cell's area for density.
//!
//! **The window.** A population raster is often a whole country or province (WorldPop publishes
//! one file per country, age band and sex), so only the study area is read: the loaded boundary's
//! rectangle (the demand outside the boundary is left out anyway), else the candidate sites'
//! extent widened by the service radius (a person further from every candidate than that cannot
//! be covered), else — nothing loaded yet to say where the study is — the whole file, if it has
//! at most [`MAX_CELLS`] cells; a larger file waits for the candidates or a boundary. The window is
//! worked out again when either arrives or the radius changes, and the file read again if it moved.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use super::super::data::Demand;
use crate::core::geo::LonLat;
use crate::core::io::boundary::Boundary;
use std::io::Read;

use crate::core::io::raster::{
    self, read_ascii_grid, read_geotiff, read_geotiff_from, read_xyz, RasterCells, RasterError, TextProblem, Window,
};
use crate::core::io::stream::{RangeReader, SliceReader, Slices};
use crate::core::io::text::decode;
use crate::core::Locale;

pub use crate::core::io::raster::MAX_CELLS;

/// The largest GeoTIFF the planner takes: 16 GiB. A GeoTIFF is read by ranges — its header, its
/// directory, and the strips or tiles in the study's window (at most [`MAX_CELLS`] cells) — so its
/// size costs no memory; the limit is set above a raster of mainland China (about 73–135° E,
/// 18–54° N) at WorldPop's 3 arc-seconds stored uncompressed as 32-bit floats: 62° × 36° at 1,200
/// cells a degree is 74,400 × 43,200 cells, 12.9 GB. ASCII rasters have no index and are read
/// whole: together at most [`super::MAX_FILE_BYTES`].
pub const MAX_RASTER_FILE_BYTES: u64 = 16 << 30;

/// One raster file as the page sends it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RasterLayer {
    /// Its name.
    pub name: String,
    /// Its content.
    pub bytes: Vec<u8>,
    /// Kept as the extra weight instead of being added to the older people.
    pub extra: bool,
}

/// A raster file's content in the worker: the bytes a request carried, or a file read by ranges
/// (a browser `File` the page passed, a file on disk), of which only what the window needs is
/// read (a GeoTIFF's header, directory and the strips or tiles in the window; an ASCII raster,
/// which has no index, is read whole).
pub enum LayerData {
    /// Bytes in memory.
    Bytes(Vec<u8>),
    /// A file read by position.
    File(Box<dyn Slices>),
}

/// One raster file in the worker: its name, its content, and whether it is the extra weight.
pub struct LayerSource {
    /// Its name.
    pub name: String,
    /// Its content.
    pub data: LayerData,
    /// Kept as the extra weight instead of being added to the older people.
    pub extra: bool,
}

impl From<RasterLayer> for LayerSource {
    fn from(l: RasterLayer) -> LayerSource {
        LayerSource { name: l.name, data: LayerData::Bytes(l.bytes), extra: l.extra }
    }
}

/// Where the window read came from.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub enum WindowFrom {
    /// The loaded boundary's rectangle.
    Boundary,
    /// The candidate sites' extent, widened by this many metres (the service radius).
    Candidates {
        /// The margin, metres.
        reach_m: f64,
    },
    /// The whole file (no candidates or boundary yet).
    WholeFile,
}

/// A rectangle in WGS84 degrees, as the report carries it.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Extent {
    /// Western edge, degrees east.
    pub west: f64,
    /// Southern edge, degrees north.
    pub south: f64,
    /// Eastern edge, degrees east.
    pub east: f64,
    /// Northern edge, degrees north.
    pub north: f64,
}

impl From<Window> for Extent {
    fn from(w: Window) -> Extent {
        Extent { west: w.west, south: w.south, east: w.east, north: w.north }
    }
}

/// The window to read: the boundary's rectangle, else the candidates' extent widened by
/// `reach_m`, else none (the whole file).
///
/// ```
/// use zhucan::core::geo::LonLat;
/// use zhucan::core::planner::session::population::{study_window, WindowFrom};
/// let (w, from) = study_window(None, &[LonLat::new(113.0, 23.0)], 0.0);
/// assert_eq!((w.map(|w| w.west), from), (Some(113.0), WindowFrom::Candidates { reach_m: 0.0 }));
/// assert_eq!(study_window(None, &[], 1000.0), (None, WindowFrom::WholeFile));
/// ```
pub fn study_window(boundary: Option<&Boundary>, candidates: &[LonLat], reach_m: f64) -> (Option<Window>, WindowFrom) {
    if let Some(b) = boundary {
        return (Some(b.window()), WindowFrom::Boundary);
    }
    match Window::around(candidates, reach_m) {
        Some(w) => (Some(w), WindowFrom::Candidates { reach_m }),
        None => (None, WindowFrom::WholeFile),
    }
}

/// What was read, for the file card.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RasterReport {
    /// The files in the order sent, each with whether it is the extra weight.
    pub layers: Vec<(String, bool)>,
    /// The extra weight's name (when there are extra files).
    pub extra_name: Option<String>,
    /// Where the window came from.
    pub from: WindowFrom,
    /// The rectangle read: the window, or the whole file's extent.
    pub extent: Extent,
    /// Cells looked at, every file counted.
    pub read: u64,
    /// Demand points made (cells with people).
    pub points: usize,
    /// Older people in them.
    pub people: f64,
    /// The extra weight's people.
    pub extra_people: f64,
    /// Cells marked "no data" (or not a number), skipped.
    pub nodata: u64,
    /// Cells below zero, skipped.
    pub negative: u64,
    /// Cells with nobody, skipped.
    pub empty: u64,
}

impl RasterReport {
    /// The files' names joined, as the card and the report name the demand data.
    pub fn name(&self) -> String {
        self.layers.iter().map(|(n, _)| n.as_str()).collect::<Vec<_>>().join(" + ")
    }

    /// The files added up as older people.
    pub fn people_files(&self) -> Vec<String> {
        self.layers.iter().filter(|(_, extra)| !extra).map(|(n, _)| n.clone()).collect()
    }

    /// The files added up as the extra weight.
    pub fn extra_files(&self) -> Vec<String> {
        self.layers.iter().filter(|(_, extra)| *extra).map(|(n, _)| n.clone()).collect()
    }
}

/// What is wrong on a line of an ASCII raster (as [`TextProblem`], with owned words so it crosses
/// the worker boundary).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum LineProblem {
    /// A header key is missing.
    MissingHeader(String),
    /// Not a number.
    NotANumber(String),
    /// A row with the wrong number of values.
    WrongCount {
        /// Values expected.
        expected: usize,
        /// Values found.
        found: usize,
    },
    /// Fewer rows than the header says.
    TooFewRows {
        /// Rows expected.
        expected: u32,
        /// Rows found.
        found: u32,
    },
    /// Not three numbers.
    NotXyz,
    /// A bad cell size.
    BadCellSize,
}

/// Why rasters could not be read (as [`RasterError`], serializable, and text that is not text).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum RasterProblem {
    /// Not a TIFF.
    NotTiff,
    /// Damaged, or an unsupported compression.
    Damaged,
    /// More than one band.
    NotOneBand {
        /// Bands found.
        bands: u16,
    },
    /// No georeferencing.
    NoGeoreference,
    /// Rotated or sheared.
    Rotated,
    /// Not longitude/latitude on WGS84.
    NotLonLat {
        /// The EPSG code the file gives, if any.
        epsg: Option<u32>,
    },
    /// The window misses the raster.
    OutsideWindow,
    /// Too many cells in the window.
    TooManyCells {
        /// Cells in the window.
        cells: u64,
    },
    /// A problem on a line of an ASCII raster.
    Text {
        /// The line (1-based).
        line: usize,
        /// What is wrong.
        problem: LineProblem,
    },
    /// Layers on different grids.
    GridsDiffer,
    /// An ASCII raster that is not text (nor a TIFF).
    NotText,
    /// Every file is kept as the extra weight: none counts the older people.
    OnlyExtra,
}

impl From<RasterError> for RasterProblem {
    fn from(e: RasterError) -> RasterProblem {
        match e {
            RasterError::NotTiff => RasterProblem::NotTiff,
            RasterError::Damaged => RasterProblem::Damaged,
            RasterError::NotOneBand { bands } => RasterProblem::NotOneBand { bands },
            RasterError::NoGeoreference => RasterProblem::NoGeoreference,
            RasterError::Rotated => RasterProblem::Rotated,
            RasterError::NotLonLat { epsg } => RasterProblem::NotLonLat { epsg },
            RasterError::OutsideWindow => RasterProblem::OutsideWindow,
            RasterError::TooManyCells { cells } => RasterProblem::TooManyCells { cells },
            RasterError::GridsDiffer => RasterProblem::GridsDiffer,
            RasterError::Text { line, problem } => RasterProblem::Text {
                line,
                problem: match problem {
                    TextProblem::MissingHeader(k) => LineProblem::MissingHeader(k.to_string()),
                    TextProblem::NotANumber(s) => LineProblem::NotANumber(s),
                    TextProblem::WrongCount { expected, found } => LineProblem::WrongCount { expected, found },
                    TextProblem::TooFewRows { expected, found } => LineProblem::TooFewRows { expected, found },
                    TextProblem::NotXyz => LineProblem::NotXyz,
                    TextProblem::BadCellSize => LineProblem::BadCellSize,
                },
            },
        }
    }
}

/// The words this module adds to the raster reader's.
pub struct PopulationWords {
    /// An ASCII raster that is not text.
    pub not_text: &'static str,
    /// Every file is kept as the extra weight.
    pub only_extra: &'static str,
}

/// 简体中文.
pub const ZH_CN: PopulationWords = PopulationWords {
    not_text: "这个文件既不是GeoTIFF栅格，也不是文本格式的栅格（Esri ASCII栅格.asc或XYZ文本）。",
    only_extra: "所有文件都设成了额外权重；至少要有一个文件计入老年人口。",
};

/// English.
pub const EN: PopulationWords = PopulationWords {
    not_text: "This file is neither a GeoTIFF raster nor a raster as text (an Esri ASCII grid, .asc, or XYZ text).",
    only_extra: "Every file is set as the extra weight; at least one must count the older people.",
};

/// The table for a language.
pub fn words(l: Locale) -> &'static PopulationWords {
    match l {
        Locale::ZhCn => &ZH_CN,
        Locale::En => &EN,
    }
}

impl RasterProblem {
    /// The problem in words (the raster reader's words, [`crate::core::io::raster::words`]).
    pub fn message(&self, l: Locale) -> String {
        let w = raster::words(l);
        let error = match self {
            RasterProblem::NotTiff => RasterError::NotTiff,
            RasterProblem::Damaged => RasterError::Damaged,
            RasterProblem::NotOneBand { bands } => RasterError::NotOneBand { bands: *bands },
            RasterProblem::NoGeoreference => RasterError::NoGeoreference,
            RasterProblem::Rotated => RasterError::Rotated,
            RasterProblem::NotLonLat { epsg } => RasterError::NotLonLat { epsg: *epsg },
            RasterProblem::OutsideWindow => RasterError::OutsideWindow,
            RasterProblem::TooManyCells { cells } => RasterError::TooManyCells { cells: *cells },
            RasterProblem::GridsDiffer => RasterError::GridsDiffer,
            RasterProblem::NotText => return words(l).not_text.to_string(),
            RasterProblem::OnlyExtra => return words(l).only_extra.to_string(),
            RasterProblem::Text { line, problem } => {
                let what = match problem {
                    LineProblem::MissingHeader(k) => (w.missing_header)(k),
                    LineProblem::NotANumber(s) => (w.not_a_number)(s),
                    LineProblem::WrongCount { expected, found } => (w.wrong_count)(*expected, *found),
                    LineProblem::TooFewRows { expected, found } => (w.too_few_rows)(*expected, *found),
                    LineProblem::NotXyz => w.not_xyz.to_string(),
                    LineProblem::BadCellSize => w.bad_cell_size.to_string(),
                };
                return (w.on_line)(*line, &what);
            }
        };
        error.message(l)
    }
}

/// A TIFF or BigTIFF in either byte order.
fn is_tiff(bytes: &[u8]) -> bool {
    matches!(bytes.get(..4), Some(b"II*\0" | b"MM\0*" | b"II+\0" | b"MM\0+"))
}

/// Reads one file in `window` (the whole file without one): a TIFF by its first bytes, an Esri
/// ASCII grid by its header (or the name `.asc`), anything else as XYZ text. A TIFF in a file is
/// read by ranges ([`read_geotiff_from`]); an ASCII raster is read whole.
pub fn read_layer(layer: &LayerSource, window: Option<&Window>) -> Result<RasterCells, RasterProblem> {
    let lower = layer.name.to_ascii_lowercase();
    let named_tiff = lower.ends_with(".tif") || lower.ends_with(".tiff");
    let whole;
    let bytes: &[u8] = match &layer.data {
        LayerData::Bytes(b) => b,
        LayerData::File(file) => {
            let mut head = [0u8; 4];
            let n = file.read_at(0, &mut head).map_err(|_| RasterProblem::Damaged)?;
            if is_tiff(&head[..n]) || named_tiff {
                return read_geotiff_from(RangeReader::new(&**file), window).map_err(Into::into);
            }
            let mut all = Vec::with_capacity(usize::try_from(file.byte_len()).unwrap_or(0));
            SliceReader::new(&**file).read_to_end(&mut all).map_err(|_| RasterProblem::NotText)?;
            whole = all;
            &whole
        }
    };
    if is_tiff(bytes) || named_tiff {
        return read_geotiff(bytes, window).map_err(Into::into);
    }
    let (text, _) = decode(bytes).map_err(|_| RasterProblem::NotText)?;
    let first_word = text.trim_start_matches('\u{feff}').split_whitespace().next().unwrap_or("").to_ascii_lowercase();
    let grid_header = ["ncols", "nrows", "xllcorner", "xllcenter", "yllcorner", "yllcenter", "cellsize"].contains(&first_word.as_str());
    if grid_header || layer.name.to_ascii_lowercase().ends_with(".asc") {
        read_ascii_grid(&text, window).map_err(Into::into)
    } else {
        read_xyz(&text, window).map_err(Into::into)
    }
}

/// Adds up layers (at least one), naming all of them if they are not on one grid.
fn sum(layers: Vec<RasterCells>) -> Result<RasterCells, RasterProblem> {
    raster::sum(layers).map_err(Into::into)
}

/// The grids of two sums are the same (checked by the reader's own rule, on empty layers).
fn same_grid(a: &RasterCells, b: &RasterCells) -> bool {
    let empty = |c: &RasterCells| RasterCells {
        grid: c.grid,
        cells: Vec::new(),
        points: Vec::new(),
        values: Vec::new(),
        areas_m2: Vec::new(),
        read: 0,
        nodata: 0,
        negative: 0,
        empty: 0,
    };
    raster::sum(vec![empty(a), empty(b)]).is_ok()
}

/// The demand from the cells of the older people and, if any, of the extra weight (on the same
/// grid): one point per cell with people in either; a cell with only extra people counts 0 older
/// people and its extra.
pub fn demand_from_cells(people: RasterCells, extra: Option<(RasterCells, String)>) -> Demand {
    let n = people.points.len();
    let mut demand = Demand {
        points: people.points,
        counts: people.values,
        area_m2: people.areas_m2,
        names: std::iter::repeat_n("", n).collect(),
        ..Demand::default()
    };
    if let Some((extra, name)) = extra {
        let at: HashMap<u64, usize> = people.cells.iter().enumerate().map(|(i, &c)| (c, i)).collect();
        let mut values = vec![0.0; n];
        for i in 0..extra.cells.len() {
            match at.get(&extra.cells[i]) {
                Some(&j) => values[j] += extra.values[i],
                None => {
                    demand.points.push(extra.points[i]);
                    demand.counts.push(0.0);
                    demand.area_m2.push(extra.areas_m2[i]);
                    demand.names.push("");
                    values.push(extra.values[i]);
                }
            }
        }
        demand.extras = vec![values];
        demand.extra_names = vec![name];
    }
    demand
}

/// Reads every layer in `window` and makes the demand and its report; a problem names the file
/// (or every file, when they are not on one grid).
pub fn read_demand(
    layers: &[LayerSource],
    extra_name: &str,
    window: Option<&Window>,
    from: WindowFrom,
) -> Result<(Demand, RasterReport), (String, RasterProblem)> {
    let mut people = Vec::new();
    let mut extra = Vec::new();
    for layer in layers {
        let cells = read_layer(layer, window).map_err(|p| (layer.name.clone(), p))?;
        if layer.extra {
            extra.push(cells);
        } else {
            people.push(cells);
        }
    }
    let all = || layers.iter().map(|l| l.name.clone()).collect::<Vec<_>>().join(" + ");
    if people.is_empty() {
        // Only extra layers: nothing says how many older people there are.
        return Err((all(), RasterProblem::OnlyExtra));
    }
    let people = sum(people).map_err(|p| (all(), p))?;
    let extra = if extra.is_empty() { None } else { Some(sum(extra).map_err(|p| (all(), p))?) };
    if let Some(e) = &extra {
        if !same_grid(&people, e) {
            return Err((all(), RasterProblem::GridsDiffer));
        }
    }
    let g = people.grid;
    let extent = match window {
        Some(w) => Extent::from(*w),
        None => Extent {
            west: g.west,
            south: g.north - f64::from(g.rows) * g.cell_lat,
            east: g.west + f64::from(g.cols) * g.cell_lon,
            north: g.north,
        },
    };
    let mut report = RasterReport {
        layers: layers.iter().map(|l| (l.name.clone(), l.extra)).collect(),
        extra_name: extra.as_ref().map(|_| extra_name.to_string()),
        from,
        extent,
        read: people.read,
        points: 0,
        people: people.total(),
        extra_people: extra.as_ref().map_or(0.0, RasterCells::total),
        nodata: people.nodata,
        negative: people.negative,
        empty: people.empty,
    };
    if let Some(e) = &extra {
        report.read += e.read;
        report.nodata += e.nodata;
        report.negative += e.negative;
        report.empty += e.empty;
    }
    let demand = demand_from_cells(people, extra.map(|e| (e, extra_name.to_string())));
    report.points = demand.points.len();
    Ok((demand, report))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// tests/data/raster/README.md: 4 × 3 cells of 0.01° from 113.00° E, 23.05° N; row by row
    /// 1, 2, nodata, 4 / 5, −6, 0, 8 / 9, 10, 11, 12.
    const HANDMADE: &[u8] = include_bytes!("../../../../tests/data/raster/handmade-4x3.tif");

    fn layer(name: &str, bytes: &[u8], extra: bool) -> LayerSource {
        RasterLayer { name: name.into(), bytes: bytes.to_vec(), extra }.into()
    }

    /// A file read by position: the bytes behind the [`Slices`] a browser `File` gives.
    fn file_layer(name: &str, bytes: &[u8], extra: bool) -> LayerSource {
        struct InMemory(Vec<u8>);
        impl Slices for InMemory {
            fn byte_len(&self) -> u64 {
                self.0.len() as u64
            }
            fn read_at(&self, start: u64, out: &mut [u8]) -> std::io::Result<usize> {
                self.0.read_at(start, out)
            }
        }
        LayerSource { name: name.into(), data: LayerData::File(Box::new(InMemory(bytes.to_vec()))), extra }
    }

    #[test]
    fn files_read_by_position_give_what_bytes_give() {
        // The handmade GeoTIFF (read by ranges) and an ASCII grid (read whole), whole and in a
        // window: the same cells as from the bytes.
        let grid = "ncols 2\nnrows 1\nxllcorner 113\nyllcorner 23\ncellsize 0.01\nNODATA_value -1\n3 -1\n";
        let w = Window { west: 113.015, south: 23.025, east: 113.025, north: 23.035 };
        for (name, bytes) in [("a.tif", HANDMADE), ("g.asc", grid.as_bytes())] {
            for window in [None, Some(&w)] {
                let from_bytes = read_layer(&layer(name, bytes, false), window);
                assert_eq!(read_layer(&file_layer(name, bytes, false), window), from_bytes, "{name} {window:?}");
            }
        }
        // The handmade file in the window: −6, 0, 10, 11 read; 10 + 11 = 21 people.
        let cells = read_layer(&file_layer("a.tif", HANDMADE, false), Some(&w)).expect("reads");
        assert_eq!((cells.read, cells.total()), (4, 21.0));
        // A TIFF cut short is damaged, read either way.
        assert_eq!(read_layer(&file_layer("a.tif", &HANDMADE[..200], false), None).map(|_| ()), Err(RasterProblem::Damaged));
    }

    #[test]
    fn the_handmade_geotiff_whole() {
        let (demand, report) = read_demand(&[layer("a.tif", HANDMADE, false)], "", None, WindowFrom::WholeFile).expect("reads");
        // 1 + 2 + 4 + 5 + 8 + 9 + 10 + 11 + 12 = 62 people in 9 cells; one no-data cell, one
        // negative (−6), one empty (0): 12 read.
        assert_eq!((report.read, report.points, report.people), (12, 9, 62.0));
        assert_eq!((report.nodata, report.negative, report.empty), (1, 1, 1));
        assert_eq!(report.extent, Extent { west: 113.0, south: 23.02, east: 113.04, north: 23.05 });
        assert_eq!(report.name(), "a.tif");
        assert_eq!(demand.counts, vec![1.0, 2.0, 4.0, 5.0, 8.0, 9.0, 10.0, 11.0, 12.0]);
        // The first cell's centre, half a cell in from the corner.
        assert!((demand.points[0].lon - 113.005).abs() < 1e-9 && (demand.points[0].lat - 23.045).abs() < 1e-9);
        // Its area: R² · 0.01° in radians · (sin 23.05° − sin 23.04°) with R = 6,371,008.8 m:
        // 6371008.8² × 1.7453293e-4 × (0.3915343 − 0.3913737) ≈ 1,137,760 m² (about 1,023 m ×
        // 1,112 m: a degree of latitude is 111.2 km, of longitude that × cos 23.045°).
        assert!((demand.area_m2[0] - 1_137_760.0).abs() < 500.0, "{}", demand.area_m2[0]);
        assert!(demand.extras.is_empty());
    }

    #[test]
    fn two_files_add_up_and_one_can_be_the_extra_weight() {
        let both = [layer("m.tif", HANDMADE, false), layer("f.tif", HANDMADE, false)];
        let (demand, report) = read_demand(&both, "", None, WindowFrom::WholeFile).expect("reads");
        assert_eq!((report.read, report.points, report.people), (24, 9, 124.0));
        assert_eq!((report.nodata, report.negative, report.empty), (2, 2, 2));
        assert_eq!(demand.counts[8], 24.0);
        assert_eq!(report.name(), "m.tif + f.tif");

        let extra = [layer("60.tif", HANDMADE, false), layer("80.tif", HANDMADE, true)];
        let (demand, report) = read_demand(&extra, "80岁以上", None, WindowFrom::WholeFile).expect("reads");
        assert_eq!((report.people, report.extra_people, report.points), (62.0, 62.0, 9));
        assert_eq!(
            (report.people_files(), report.extra_files(), report.extra_name.as_deref()),
            (vec!["60.tif".to_string()], vec!["80.tif".to_string()], Some("80岁以上"))
        );
        assert_eq!(demand.extra_names, vec!["80岁以上".to_string()]);
        assert_eq!(demand.extras, vec![demand.counts.clone()]);

        let only = [layer("80.tif", HANDMADE, true)];
        assert_eq!(read_demand(&only, "80+", None, WindowFrom::WholeFile).map(|_| ()), Err(("80.tif".into(), RasterProblem::OnlyExtra)));
    }

    #[test]
    fn an_extra_cell_without_older_people_is_a_point_of_its_own() {
        // Two cells of 0.01°: the older people "1 0", the extra "0 3".
        let grid = |values: &str| format!("ncols 2\nnrows 1\nxllcorner 113\nyllcorner 23\ncellsize 0.01\n{values}\n");
        let layers = [layer("a.asc", grid("1 0").as_bytes(), false), layer("b.asc", grid("0 3").as_bytes(), true)];
        let (demand, report) = read_demand(&layers, "x", None, WindowFrom::WholeFile).expect("reads");
        assert_eq!((demand.counts.clone(), demand.extras.clone()), (vec![1.0, 0.0], vec![vec![0.0, 3.0]]));
        assert_eq!((report.points, report.people, report.extra_people, report.empty), (2, 1.0, 3.0, 2));
        // On another grid: refused, naming both files.
        let other = "ncols 3\nnrows 1\nxllcorner 113\nyllcorner 23\ncellsize 0.01\n1 2 3\n";
        let layers = [layer("a.asc", grid("1 0").as_bytes(), false), layer("c.asc", other.as_bytes(), true)];
        assert_eq!(
            read_demand(&layers, "x", None, WindowFrom::WholeFile).map(|_| ()),
            Err(("a.asc + c.asc".into(), RasterProblem::GridsDiffer))
        );
    }

    #[test]
    fn only_the_window_is_read() {
        // Around the first cell's centre with no margin: that cell alone (1 person).
        let (w, from) = study_window(None, &[LonLat::new(113.005, 23.045)], 0.0);
        let (_, report) = read_demand(&[layer("a.tif", HANDMADE, false)], "", w.as_ref(), from).expect("reads");
        assert_eq!((report.read, report.people, report.from), (1, 1.0, WindowFrom::Candidates { reach_m: 0.0 }));
        // A boundary's rectangle wins over the candidates: here the raster's bottom row and a half
        // (23.02–23.035 north), so the two bottom rows are read: 8 cells, 5 + 8 + 9 + 10 + 11 + 12.
        let b = crate::core::io::boundary::read(
            r#"{"type":"Polygon","coordinates":[[[113.0,23.02],[113.04,23.02],[113.04,23.035],[113.0,23.035],[113.0,23.02]]]}"#,
            crate::core::io::crs::Crs::Wgs84,
        )
        .expect("boundary");
        let (w, from) = study_window(Some(&b), &[LonLat::new(113.005, 23.045)], 1000.0);
        assert_eq!(from, WindowFrom::Boundary);
        let (_, report) = read_demand(&[layer("a.tif", HANDMADE, false)], "", w.as_ref(), from).expect("reads");
        assert_eq!((report.read, report.people), (8, 55.0));
        // A window away from the raster.
        let (w, from) = study_window(None, &[LonLat::new(100.0, 30.0)], 1000.0);
        assert_eq!(
            read_demand(&[layer("a.tif", HANDMADE, false)], "", w.as_ref(), from).map(|_| ()),
            Err(("a.tif".into(), RasterProblem::OutsideWindow))
        );
    }

    #[test]
    fn problems_are_typed_and_worded_like_the_readers() {
        let png = layer("x.xyz", b"\x89PNG\r\n\x1a\n\x00\x00\xff\xfe\x00", false);
        assert_eq!(read_layer(&png, None).map(|_| ()), Err(RasterProblem::NotText));
        assert!(RasterProblem::NotText.message(Locale::ZhCn).contains("GeoTIFF"));
        // An ASCII grid without its cell size, line 1: the reader's own words.
        let bad = layer("g.asc", b"ncols 2\nnrows 1\nxllcorner 113\nyllcorner 23\n1 2\n", false);
        let problem = read_layer(&bad, None).map(|_| ()).expect_err("no cellsize");
        assert_eq!(problem, RasterProblem::Text { line: 1, problem: LineProblem::MissingHeader("cellsize".into()) });
        assert_eq!(problem.message(Locale::ZhCn), "第1行：文件头缺少“cellsize”。");
        assert_eq!(problem.message(Locale::En), "Line 1: The header lacks “cellsize”.");
        // A projected GeoTIFF names its EPSG code in both languages.
        let projected = include_bytes!("../../../../tests/data/raster/austrian_capitals_model_tie_point_and_pixel_scale_pixel_is_area.tif");
        let problem = read_layer(&layer("at.tif", projected, false), None).map(|_| ()).expect_err("projected");
        assert_eq!(problem, RasterProblem::NotLonLat { epsg: Some(3035) });
        assert!(problem.message(Locale::ZhCn).contains("EPSG:3035"));
        assert!(problem.message(Locale::En).contains("EPSG:3035"));
        // Cut short: damaged.
        assert_eq!(read_layer(&layer("a.tif", &HANDMADE[..200], false), None).map(|_| ()), Err(RasterProblem::Damaged));
    }
}
