//! Population rasters: the GeoTIFFs WorldPop publishes per age band and sex (100 m, 3 arc-seconds,
//! one band of 32-bit floats, EPSG:4326), and the two ASCII forms it also offers (the Esri ASCII
//! grid and "X,Y,Z" text). Each cell with people becomes a demand point at the cell's centre,
//! carrying the cell's area for density.
//!
//! Only the window the study needs is read: a GeoTIFF is stored in strips or tiles, and only the
//! ones that overlap the window are decompressed, so a country-sized file costs what the city
//! costs. Cells marked "no data", cells below zero and non-numbers are skipped and counted;
//! empty (zero) cells are skipped. Several layers on the same grid (WorldPop's 60–64, 65–69, …
//! files, men and women) add up with [`sum`].
//!
//! The TIFF container (strips, tiles, LZW, Deflate, BigTIFF, byte orders) is read by the `tiff`
//! crate of the image-rs project; the georeferencing (GeoTIFF's ModelTiepoint, ModelPixelScale and
//! GeoKey directory tags) is read here, because no maintained crate reads it without pulling in
//! GDAL.

use std::io::{Cursor, Read, Seek, SeekFrom};

use tiff::decoder::{ChunkType, Decoder, DecodingResult, Limits};
use tiff::tags::Tag;
use tiff::ColorType;

use crate::core::geo::{LonLat, EARTH_RADIUS_M};
use crate::core::Locale;

/// The most cells one read may return (a window of 100 m cells 30 km × 30 km is 90,000 cells; a
/// whole province at 100 m is tens of millions, which a browser tab cannot plan with).
pub const MAX_CELLS: u64 = 20_000_000;

/// A rectangle in WGS84 degrees.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Window {
    /// Western edge, degrees east.
    pub west: f64,
    /// Southern edge, degrees north.
    pub south: f64,
    /// Eastern edge, degrees east.
    pub east: f64,
    /// Northern edge, degrees north.
    pub north: f64,
}

impl Window {
    /// The smallest window holding every valid point, widened by `margin_m` metres on every side
    /// (the service radius, so people just outside the candidates' extent still count). `None`
    /// without a valid point.
    ///
    /// ```
    /// use zhucan::core::io::raster::Window;
    /// use zhucan::core::geo::LonLat;
    /// let w = Window::around(&[LonLat::new(113.3, 23.1), LonLat::new(113.4, 23.2)], 0.0).expect("points");
    /// assert_eq!((w.west, w.south, w.east, w.north), (113.3, 23.1, 113.4, 23.2));
    /// ```
    pub fn around(points: &[LonLat], margin_m: f64) -> Option<Window> {
        let valid = points.iter().filter(|p| p.is_valid());
        let mut w: Option<Window> = None;
        for p in valid {
            let e = w.get_or_insert(Window { west: p.lon, south: p.lat, east: p.lon, north: p.lat });
            e.west = e.west.min(p.lon);
            e.east = e.east.max(p.lon);
            e.south = e.south.min(p.lat);
            e.north = e.north.max(p.lat);
        }
        let mut w = w?;
        let margin = margin_m.max(0.0);
        let dlat = (margin / EARTH_RADIUS_M).to_degrees();
        // The widest degree of longitude needed: at the edge nearer the pole.
        let cos = w.south.abs().max(w.north.abs()).min(89.0).to_radians().cos();
        let dlon = dlat / cos;
        w.west -= dlon;
        w.east += dlon;
        w.south = (w.south - dlat).max(-90.0);
        w.north = (w.north + dlat).min(90.0);
        Some(w)
    }

    fn contains(&self, p: LonLat) -> bool {
        p.lon >= self.west && p.lon <= self.east && p.lat >= self.south && p.lat <= self.north
    }
}

/// How a raster sits on the Earth: north up, cells of equal size in degrees.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Grid {
    /// Cells from west to east.
    pub cols: u32,
    /// Cells from north to south.
    pub rows: u32,
    /// Western edge of the first column, degrees east.
    pub west: f64,
    /// Northern edge of the first row, degrees north.
    pub north: f64,
    /// A cell's width, degrees of longitude.
    pub cell_lon: f64,
    /// A cell's height, degrees of latitude.
    pub cell_lat: f64,
}

impl Grid {
    /// The centre of a cell.
    pub fn centre(&self, col: u32, row: u32) -> LonLat {
        LonLat::new(self.west + (f64::from(col) + 0.5) * self.cell_lon, self.north - (f64::from(row) + 0.5) * self.cell_lat)
    }

    /// A cell's area in square metres, on the sphere: R² · Δλ · (sin φ₁ − sin φ₂) for the cell's
    /// row (cells shrink towards the poles).
    pub fn cell_area_m2(&self, row: u32) -> f64 {
        let top = (self.north - f64::from(row) * self.cell_lat).clamp(-90.0, 90.0).to_radians();
        let bottom = (self.north - f64::from(row + 1) * self.cell_lat).clamp(-90.0, 90.0).to_radians();
        EARTH_RADIUS_M * EARTH_RADIUS_M * self.cell_lon.to_radians() * (top.sin() - bottom.sin()).abs()
    }

    /// The columns `c0..c1` and rows `r0..r1` whose cells overlap the window; `None` if none do.
    fn cells_in(&self, w: &Window) -> Option<(u32, u32, u32, u32)> {
        let col = |lon: f64| (lon - self.west) / self.cell_lon;
        let row = |lat: f64| (self.north - lat) / self.cell_lat;
        let clamp = |v: f64, n: u32| v.clamp(0.0, f64::from(n)) as u32;
        let (c0, c1) = (clamp(col(w.west).floor(), self.cols), clamp(col(w.east).ceil(), self.cols));
        let (r0, r1) = (clamp(row(w.north).floor(), self.rows), clamp(row(w.south).ceil(), self.rows));
        (c0 < c1 && r0 < r1).then_some((c0, c1, r0, r1))
    }

    /// The columns and rows to read: those overlapping the window (all without one), at most
    /// [`MAX_CELLS`] of them.
    fn cells_to_read(&self, window: Option<&Window>) -> Result<(u32, u32, u32, u32), RasterError> {
        let (c0, c1, r0, r1) = match window {
            Some(w) => self.cells_in(w).ok_or(RasterError::OutsideWindow)?,
            None => (0, self.cols, 0, self.rows),
        };
        let cells = u64::from(c1 - c0) * u64::from(r1 - r0);
        if cells > MAX_CELLS {
            return Err(RasterError::TooManyCells { cells });
        }
        Ok((c0, c1, r0, r1))
    }

    fn same_as(&self, other: &Grid) -> bool {
        let close = |a: f64, b: f64, cell: f64| (a - b).abs() <= cell * 1e-6;
        self.cols == other.cols
            && self.rows == other.rows
            && close(self.west, other.west, self.cell_lon)
            && close(self.north, other.north, self.cell_lat)
            && close(self.cell_lon, other.cell_lon, self.cell_lon)
            && close(self.cell_lat, other.cell_lat, self.cell_lat)
    }
}

/// The cells read from a raster: one demand point per cell with people in it.
#[derive(Clone, Debug, PartialEq)]
pub struct RasterCells {
    /// The raster's grid (for XYZ text: the grid the points lie on, as far as they show it).
    pub grid: Grid,
    /// Each kept cell's position in the grid, `row * cols + col`.
    pub cells: Vec<u64>,
    /// Each kept cell's centre.
    pub points: Vec<LonLat>,
    /// Each kept cell's value (people).
    pub values: Vec<f64>,
    /// Each kept cell's area, square metres.
    pub areas_m2: Vec<f64>,
    /// Cells looked at (those in the window).
    pub read: u64,
    /// Cells marked "no data", or not a number.
    pub nodata: u64,
    /// Cells below zero (skipped).
    pub negative: u64,
    /// Cells with nobody (skipped).
    pub empty: u64,
}

impl RasterCells {
    fn new(grid: Grid) -> RasterCells {
        RasterCells {
            grid,
            cells: Vec::new(),
            points: Vec::new(),
            values: Vec::new(),
            areas_m2: Vec::new(),
            read: 0,
            nodata: 0,
            negative: 0,
            empty: 0,
        }
    }

    /// Looks at one cell's value and keeps the cell if people live there.
    fn take(&mut self, col: u32, row: u32, value: f64, nodata: Option<f64>) {
        self.read += 1;
        if !value.is_finite() || nodata.is_some_and(|n| value == n || (value - n).abs() <= n.abs() * 1e-6) {
            self.nodata += 1;
        } else if value < 0.0 {
            self.negative += 1;
        } else if value == 0.0 {
            self.empty += 1;
        } else {
            self.cells.push(u64::from(row) * u64::from(self.grid.cols) + u64::from(col));
            self.points.push(self.grid.centre(col, row));
            self.values.push(value);
            self.areas_m2.push(self.grid.cell_area_m2(row));
        }
    }

    /// People in all kept cells.
    pub fn total(&self) -> f64 {
        self.values.iter().sum()
    }
}

/// Why a raster could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RasterError {
    /// Not a TIFF file (nor BigTIFF).
    NotTiff,
    /// A TIFF whose contents could not be decoded (cut short, or a compression not supported:
    /// LZW, Deflate and uncompressed are).
    Damaged,
    /// More than one band (an RGB picture, or a multi-band raster): population is one band.
    NotOneBand {
        /// Bands found.
        bands: u16,
    },
    /// No GeoTIFF georeferencing (ModelTiepoint and ModelPixelScale tags).
    NoGeoreference,
    /// The raster is rotated or sheared (a ModelTransformation with rotation).
    Rotated,
    /// Not in longitude/latitude on WGS84 (e.g. a projected system in metres).
    NotLonLat {
        /// The EPSG code the file gives, if any.
        epsg: Option<u32>,
    },
    /// The window does not overlap the raster.
    OutsideWindow,
    /// The window holds more cells than one read may return.
    TooManyCells {
        /// Cells in the window.
        cells: u64,
    },
    /// An ASCII grid or XYZ file with a problem on a line (1-based).
    Text {
        /// The line.
        line: usize,
        /// What is wrong.
        problem: TextProblem,
    },
    /// Layers to add up are not on the same grid.
    GridsDiffer,
}

/// What is wrong on a line of an ASCII raster.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TextProblem {
    /// A header key of the Esri ASCII grid is missing (`ncols`, `nrows`, `xllcorner`, …).
    MissingHeader(&'static str),
    /// Not a number.
    NotANumber(String),
    /// A row of the grid has the wrong number of values.
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
    /// An XYZ line without three numbers.
    NotXyz,
    /// A cell size that is not a positive number.
    BadCellSize,
}

const GEO_MODEL_TYPE: u16 = 1024;
const GEO_RASTER_TYPE: u16 = 1025;
const GEO_GEOGRAPHIC_TYPE: u16 = 2048;
const GEO_PROJECTED_TYPE: u16 = 3072;
/// GeoTIFF's "user-defined" code.
const USER_DEFINED: u16 = 32767;
/// Geographic systems read as WGS84: WGS84 itself, and China's CGCS2000 (the two differ by
/// centimetres, far below a 100 m cell).
const LONLAT_WGS84: [u16; 2] = [4326, 4490];

fn tiff_err(e: tiff::TiffError) -> RasterError {
    match e {
        tiff::TiffError::FormatError(tiff::TiffFormatError::TiffSignatureNotFound) => RasterError::NotTiff,
        _ => RasterError::Damaged,
    }
}

/// Reads the georeferencing from GeoTIFF's tags.
fn geo_grid<R: std::io::Read + std::io::Seek>(d: &mut Decoder<R>, cols: u32, rows: u32) -> Result<Grid, RasterError> {
    let keys = d.find_tag(Tag::GeoKeyDirectoryTag).map_err(tiff_err)?.map(|v| v.into_u16_vec()).transpose().map_err(tiff_err)?;
    let key = |id: u16| -> Option<u16> {
        let keys = keys.as_ref()?;
        // Header: version, revision, minor revision, number of keys; then 4 shorts per key:
        // id, where the value is (0 = in the entry), count, value.
        keys.get(4..)?.chunks_exact(4).find(|k| k[0] == id && k[1] == 0).map(|k| k[3])
    };
    if key(GEO_MODEL_TYPE) == Some(1) {
        return Err(RasterError::NotLonLat { epsg: key(GEO_PROJECTED_TYPE).filter(|&c| c != USER_DEFINED).map(u32::from) });
    }
    if let Some(code) = key(GEO_GEOGRAPHIC_TYPE).filter(|&c| c != USER_DEFINED) {
        if !LONLAT_WGS84.contains(&code) {
            return Err(RasterError::NotLonLat { epsg: Some(u32::from(code)) });
        }
    }
    let f64s = |d: &mut Decoder<R>, tag: Tag| -> Result<Option<Vec<f64>>, RasterError> {
        d.find_tag(tag).map_err(tiff_err)?.map(|v| v.into_f64_vec()).transpose().map_err(tiff_err)
    };
    let (west, north, cell_lon, cell_lat) = match (f64s(d, Tag::ModelTiepointTag)?, f64s(d, Tag::ModelPixelScaleTag)?) {
        (Some(tie), Some(scale)) if tie.len() >= 6 && scale.len() >= 2 => {
            let (i, j, x, y) = (tie[0], tie[1], tie[3], tie[4]);
            (x - i * scale[0], y + j * scale[1], scale[0], scale[1])
        }
        _ => match f64s(d, Tag::ModelTransformationTag)? {
            Some(m) if m.len() >= 8 => {
                if m[1] != 0.0 || m[4] != 0.0 {
                    return Err(RasterError::Rotated);
                }
                (m[3], m[7], m[0], -m[5])
            }
            _ => return Err(RasterError::NoGeoreference),
        },
    };
    // A "point" raster's tie point is a cell's centre, not its corner.
    let (west, north) = if key(GEO_RASTER_TYPE) == Some(2) { (west - cell_lon / 2.0, north + cell_lat / 2.0) } else { (west, north) };
    let grid = Grid { cols, rows, west, north, cell_lon, cell_lat };
    let east = west + f64::from(cols) * cell_lon;
    let south = north - f64::from(rows) * cell_lat;
    let plausible = [west, north, cell_lon, cell_lat].iter().all(|v| v.is_finite())
        && cell_lon > 0.0
        && cell_lat > 0.0
        && west >= -180.5
        && east <= 360.5
        && north <= 90.5
        && south >= -90.5;
    if !plausible {
        // Metres or feet with no GeoKey saying so.
        return Err(RasterError::NotLonLat { epsg: None });
    }
    Ok(grid)
}

fn values(r: DecodingResult) -> Vec<f64> {
    match r {
        DecodingResult::U8(v) => v.into_iter().map(f64::from).collect(),
        DecodingResult::U16(v) => v.into_iter().map(f64::from).collect(),
        DecodingResult::U32(v) => v.into_iter().map(f64::from).collect(),
        DecodingResult::U64(v) => v.into_iter().map(|x| x as f64).collect(),
        DecodingResult::F16(v) => v.into_iter().map(f64::from).collect(),
        DecodingResult::F32(v) => v.into_iter().map(f64::from).collect(),
        DecodingResult::F64(v) => v,
        DecodingResult::I8(v) => v.into_iter().map(f64::from).collect(),
        DecodingResult::I16(v) => v.into_iter().map(f64::from).collect(),
        DecodingResult::I32(v) => v.into_iter().map(f64::from).collect(),
        DecodingResult::I64(v) => v.into_iter().map(|x| x as f64).collect(),
    }
}

/// Tags whose value lists the `tiff` crate (0.10) indexes without checking they are not empty:
/// BitsPerSample, StripOffsets, StripByteCounts, TileOffsets, TileByteCounts, SampleFormat. A file
/// where one of them has no value made it panic (found by fuzzing); so did one whose value is typed
/// as text (ASCII, type 2: a lone NUL reads as an empty list). These tags hold numbers; such a file
/// is damaged.
const NON_EMPTY_TAGS: [u16; 6] = [258, 273, 279, 324, 325, 339];
/// TIFF's field type for text.
const ASCII: u16 = 2;

/// `n` bytes at `at` (`None` if the file ends first or cannot be read).
fn bytes_at<R: Read + Seek>(r: &mut R, at: u64, n: usize) -> Option<Vec<u8>> {
    r.seek(SeekFrom::Start(at)).ok()?;
    let mut b = vec![0; n];
    r.read_exact(&mut b).ok()?;
    Some(b)
}

/// An unsigned number of `n` bytes (2, 4 or 8) at `at`, in the file's byte order.
fn uint_at<R: Read + Seek>(r: &mut R, at: u64, n: usize, little: bool) -> Option<u64> {
    let b = bytes_at(r, at, n)?;
    let mut v = [0u8; 8];
    if little {
        v[..n].copy_from_slice(&b);
        Some(u64::from_le_bytes(v))
    } else {
        v[8 - n..].copy_from_slice(&b);
        Some(u64::from_be_bytes(v))
    }
}

/// Checks the first image directory before the `tiff` crate reads it: every tag in
/// [`NON_EMPTY_TAGS`] that is present has at least one value and is not typed as text. Anything this cannot read is left
/// to the crate, which reports it. Reads the header and the directory's entries only.
fn first_directory_is_sane<R: Read + Seek>(r: &mut R) -> bool {
    let little = match bytes_at(r, 0, 2).as_deref() {
        Some(b"II") => true,
        Some(b"MM") => false,
        _ => return true,
    };
    let mut check = || -> Option<bool> {
        match uint_at(r, 2, 2, little)? {
            42 => {
                let ifd = uint_at(r, 4, 4, little)?;
                let n = uint_at(r, ifd, 2, little)?;
                for k in 0..n {
                    let e = ifd + 2 + 12 * k;
                    let tag = uint_at(r, e, 2, little)? as u16;
                    if NON_EMPTY_TAGS.contains(&tag)
                        && (uint_at(r, e + 4, 4, little)? == 0 || uint_at(r, e + 2, 2, little)? == u64::from(ASCII))
                    {
                        return Some(false);
                    }
                }
                Some(true)
            }
            43 => {
                let ifd = uint_at(r, 8, 8, little)?;
                let n = uint_at(r, ifd, 8, little)?.min(1 << 16);
                for k in 0..n {
                    let e = ifd.checked_add(8)?.checked_add(20u64.checked_mul(k)?)?;
                    let tag = uint_at(r, e, 2, little)? as u16;
                    if NON_EMPTY_TAGS.contains(&tag)
                        && (uint_at(r, e + 4, 8, little)? == 0 || uint_at(r, e + 2, 2, little)? == u64::from(ASCII))
                    {
                        return Some(false);
                    }
                }
                Some(true)
            }
            _ => Some(true),
        }
    };
    check().unwrap_or(true)
}

/// Reads a single-band GeoTIFF in WGS84 longitude/latitude: the cells inside `window` (the whole
/// raster without one).
pub fn read_geotiff(bytes: &[u8], window: Option<&Window>) -> Result<RasterCells, RasterError> {
    read_geotiff_from(Cursor::new(bytes), window)
}

/// [`read_geotiff`] from a file read by position (a [`std::fs::File`], or a browser `File` read by
/// ranges through [`crate::core::io::stream::RangeReader`]): only the header, the directory and
/// its tag values, and the strips or tiles that overlap the window are read, so the file can be
/// far bigger than the memory — a country read for a city.
pub fn read_geotiff_from<R: Read + Seek>(mut source: R, window: Option<&Window>) -> Result<RasterCells, RasterError> {
    if !first_directory_is_sane(&mut source) {
        return Err(RasterError::Damaged);
    }
    source.seek(SeekFrom::Start(0)).map_err(|_| RasterError::Damaged)?;
    let mut d = Decoder::new(source).map_err(tiff_err)?.with_limits(Limits::default());
    let (cols, rows) = d.dimensions().map_err(tiff_err)?;
    match d.colortype().map_err(tiff_err)? {
        ColorType::Gray(_) => {}
        ColorType::Multiband { num_samples, .. } => return Err(RasterError::NotOneBand { bands: num_samples }),
        ColorType::GrayA(_) => return Err(RasterError::NotOneBand { bands: 2 }),
        ColorType::RGB(_) | ColorType::YCbCr(_) => return Err(RasterError::NotOneBand { bands: 3 }),
        ColorType::RGBA(_) | ColorType::CMYK(_) => return Err(RasterError::NotOneBand { bands: 4 }),
        ColorType::CMYKA(_) => return Err(RasterError::NotOneBand { bands: 5 }),
        // A palette image is a picture, not counts; and whatever later versions of the format add.
        _ => return Err(RasterError::NotOneBand { bands: 3 }),
    }
    let grid = geo_grid(&mut d, cols, rows)?;
    let nodata = match d.find_tag(Tag::GdalNodata).map_err(tiff_err)? {
        Some(v) => v.into_string().ok().and_then(|s| s.trim().trim_end_matches('\0').parse::<f64>().ok()),
        None => None,
    };
    let (c0, c1, r0, r1) = grid.cells_to_read(window)?;
    let mut out = RasterCells::new(grid);
    let (cw, ch) = d.chunk_dimensions();
    if cw == 0 || ch == 0 {
        return Err(RasterError::Damaged);
    }
    let across = match d.get_chunk_type() {
        ChunkType::Strip => 1,
        ChunkType::Tile => cols.div_ceil(cw),
    };
    let chunks = match d.get_chunk_type() {
        ChunkType::Strip => d.strip_count().map_err(tiff_err)?,
        ChunkType::Tile => d.tile_count().map_err(tiff_err)?,
    };
    for ty in r0 / ch..r1.div_ceil(ch) {
        for tx in c0 / cw..c1.div_ceil(cw).min(across) {
            let index = ty * across + tx;
            if index >= chunks {
                return Err(RasterError::Damaged);
            }
            let (dw, dh) = d.chunk_data_dimensions(index);
            let data = values(d.read_chunk(index).map_err(tiff_err)?);
            if data.len() < dw as usize * dh as usize {
                return Err(RasterError::Damaged);
            }
            let (x0, y0) = (tx * cw, ty * ch);
            for row in r0.max(y0)..r1.min(y0 + dh) {
                for col in c0.max(x0)..c1.min(x0 + dw) {
                    let v = data[(row - y0) as usize * dw as usize + (col - x0) as usize];
                    out.take(col, row, v, nodata);
                }
            }
        }
    }
    Ok(out)
}

fn number(s: &str, line: usize) -> Result<f64, RasterError> {
    s.trim().parse::<f64>().map_err(|_| RasterError::Text { line, problem: TextProblem::NotANumber(s.trim().chars().take(40).collect()) })
}

/// Reads an Esri ASCII grid (`.asc`): a header (`ncols`, `nrows`, `xllcorner` or `xllcenter`,
/// `yllcorner` or `yllcenter`, `cellsize` or `dx`/`dy`, optional `NODATA_value`), then the rows
/// from north to south. Only the rows that cross the window are parsed.
pub fn read_ascii_grid(text: &str, window: Option<&Window>) -> Result<RasterCells, RasterError> {
    let mut lines = text.lines().enumerate().map(|(i, l)| (i + 1, l)).peekable();
    let mut header: Vec<(String, f64, usize)> = Vec::new();
    while let Some(&(line, l)) = lines.peek() {
        let mut parts = l.split_whitespace();
        let (key, value) = match (parts.next(), parts.next()) {
            (None, _) => {
                lines.next(); // a blank line
                continue;
            }
            (Some(key), Some(value)) if key.starts_with(|c: char| c.is_ascii_alphabetic()) => (key, value),
            _ => break, // the first row of values
        };
        header.push((key.to_ascii_lowercase(), number(value, line)?, line));
        lines.next();
    }
    let get = |k: &str| header.iter().find(|(key, _, _)| key == k).map(|(_, v, _)| *v);
    let need = |k: &'static str, line: usize| get(k).ok_or(RasterError::Text { line, problem: TextProblem::MissingHeader(k) });
    let first = header.first().map_or(1, |h| h.2);
    let cols = need("ncols", first)?;
    let rows = need("nrows", first)?;
    let (dx, dy) = match (get("cellsize"), get("dx"), get("dy")) {
        (Some(c), _, _) => (c, c),
        (None, Some(x), Some(y)) => (x, y),
        _ => return Err(RasterError::Text { line: first, problem: TextProblem::MissingHeader("cellsize") }),
    };
    if !(dx > 0.0 && dy > 0.0 && cols >= 1.0 && rows >= 1.0 && cols <= f64::from(u32::MAX) && rows <= f64::from(u32::MAX)) {
        return Err(RasterError::Text { line: first, problem: TextProblem::BadCellSize });
    }
    let (cols, rows) = (cols as u32, rows as u32);
    let west = match (get("xllcorner"), get("xllcenter")) {
        (Some(x), _) => x,
        (None, Some(x)) => x - dx / 2.0,
        _ => return Err(RasterError::Text { line: first, problem: TextProblem::MissingHeader("xllcorner") }),
    };
    let south = match (get("yllcorner"), get("yllcenter")) {
        (Some(y), _) => y,
        (None, Some(y)) => y - dy / 2.0,
        _ => return Err(RasterError::Text { line: first, problem: TextProblem::MissingHeader("yllcorner") }),
    };
    let grid = Grid { cols, rows, west, north: south + f64::from(rows) * dy, cell_lon: dx, cell_lat: dy };
    if !(west >= -180.5 && west + f64::from(cols) * dx <= 360.5 && south >= -90.5 && grid.north <= 90.5) {
        return Err(RasterError::NotLonLat { epsg: None });
    }
    let nodata = get("nodata_value");
    let (c0, c1, r0, r1) = grid.cells_to_read(window)?;
    let mut out = RasterCells::new(grid);
    let mut row = 0u32;
    for (line, l) in lines {
        if l.trim().is_empty() {
            continue;
        }
        if row >= r1 {
            break;
        }
        if row >= r0 {
            let mut n = 0usize;
            for (col, v) in l.split_whitespace().enumerate() {
                n += 1;
                let col = col as u32;
                if col >= c0 && col < c1 {
                    out.take(col, row, number(v, line)?, nodata);
                }
            }
            if n != cols as usize {
                return Err(RasterError::Text { line, problem: TextProblem::WrongCount { expected: cols as usize, found: n } });
            }
        }
        row += 1;
    }
    if row < r1 {
        return Err(RasterError::Text { line: text.lines().count(), problem: TextProblem::TooFewRows { expected: rows, found: row } });
    }
    Ok(out)
}

/// Reads XYZ text: one cell a line, its centre's longitude and latitude and its value, separated
/// by commas, tabs or spaces; a first line of words (`X,Y,Z`) is a header. The cell size is the
/// smallest step between distinct longitudes (and latitudes), so the cells' areas are known.
pub fn read_xyz(text: &str, window: Option<&Window>) -> Result<RasterCells, RasterError> {
    let mut xyz: Vec<(f64, f64, f64)> = Vec::new();
    for (i, l) in text.lines().enumerate() {
        let line = i + 1;
        let l = l.trim().trim_start_matches('\u{feff}');
        if l.is_empty() {
            continue;
        }
        let parts: Vec<&str> = l.split([',', '\t', ' ', ';']).filter(|s| !s.is_empty()).collect();
        if parts.len() < 3 {
            return Err(RasterError::Text { line, problem: TextProblem::NotXyz });
        }
        if xyz.is_empty() && parts[0].parse::<f64>().is_err() && parts[0].starts_with(|c: char| c.is_alphabetic()) {
            continue; // the header line
        }
        let (x, y) = (number(parts[0], line)?, number(parts[1], line)?);
        // "NaN" or "nodata" words in the value column are no data, not an error.
        let z = parts[2].trim().parse::<f64>().unwrap_or(f64::NAN);
        xyz.push((x, y, z));
    }
    let step = |mut v: Vec<f64>| -> f64 {
        v.sort_by(f64::total_cmp);
        v.dedup();
        v.windows(2).map(|w| w[1] - w[0]).filter(|d| *d > 1e-12).fold(f64::INFINITY, f64::min)
    };
    let dx = step(xyz.iter().map(|p| p.0).collect());
    let dy = step(xyz.iter().map(|p| p.1).collect());
    // One row or one column: the other step stands in (square cells).
    let (dx, dy) = match (dx.is_finite(), dy.is_finite()) {
        (true, true) => (dx, dy),
        (true, false) => (dx, dx),
        (false, true) => (dy, dy),
        (false, false) => (0.0, 0.0),
    };
    let (west, north) = xyz.iter().fold((f64::INFINITY, f64::NEG_INFINITY), |(w, n), p| (w.min(p.0), n.max(p.1)));
    let east = xyz.iter().map(|p| p.0).fold(f64::NEG_INFINITY, f64::max);
    let south = xyz.iter().map(|p| p.1).fold(f64::INFINITY, f64::min);
    if xyz.is_empty() {
        return Ok(RasterCells::new(Grid { cols: 0, rows: 0, west: 0.0, north: 0.0, cell_lon: 0.0, cell_lat: 0.0 }));
    }
    if !(west >= -180.5 && east <= 360.5 && south >= -90.5 && north <= 90.5) {
        return Err(RasterError::NotLonLat { epsg: None });
    }
    let (cw, ch) = if dx > 0.0 { (dx, dy) } else { (1e-3, 1e-3) };
    let grid = Grid {
        cols: (((east - west) / cw).round() as u32).saturating_add(1),
        rows: (((north - south) / ch).round() as u32).saturating_add(1),
        west: west - cw / 2.0,
        north: north + ch / 2.0,
        cell_lon: cw,
        cell_lat: ch,
    };
    let mut out = RasterCells::new(grid);
    for (x, y, z) in xyz {
        let p = LonLat::new(x, y);
        if window.is_some_and(|w| !w.contains(p)) {
            continue;
        }
        let col = ((x - grid.west) / cw).floor().max(0.0) as u32;
        let row = ((grid.north - y) / ch).floor().max(0.0) as u32;
        out.take(col, row, z, None);
    }
    Ok(out)
}

/// Adds layers on the same grid cell by cell (WorldPop's files per age band and sex into one
/// demand layer). The counts of skipped cells add up too.
pub fn sum(layers: Vec<RasterCells>) -> Result<RasterCells, RasterError> {
    let mut layers = layers.into_iter();
    let Some(mut out) = layers.next() else { return Err(RasterError::GridsDiffer) };
    for layer in layers {
        if !out.grid.same_as(&layer.grid) {
            return Err(RasterError::GridsDiffer);
        }
        let mut at: std::collections::HashMap<u64, usize> = out.cells.iter().enumerate().map(|(i, &c)| (c, i)).collect();
        for i in 0..layer.cells.len() {
            match at.get(&layer.cells[i]) {
                Some(&j) => out.values[j] += layer.values[i],
                None => {
                    at.insert(layer.cells[i], out.cells.len());
                    out.cells.push(layer.cells[i]);
                    out.points.push(layer.points[i]);
                    out.values.push(layer.values[i]);
                    out.areas_m2.push(layer.areas_m2[i]);
                }
            }
        }
        out.read += layer.read;
        out.nodata += layer.nodata;
        out.negative += layer.negative;
        out.empty += layer.empty;
    }
    Ok(out)
}

/// The words for a raster's problems, in one language.
pub struct RasterWords {
    /// Not a TIFF.
    pub not_tiff: &'static str,
    /// Cut short or an unsupported compression.
    pub damaged: &'static str,
    /// More than one band.
    pub not_one_band: fn(u16) -> String,
    /// No georeferencing.
    pub no_georeference: &'static str,
    /// Rotated.
    pub rotated: &'static str,
    /// Not longitude/latitude on WGS84.
    pub not_lonlat: fn(Option<u32>) -> String,
    /// The window misses the raster.
    pub outside_window: &'static str,
    /// Too many cells in the window.
    pub too_many_cells: fn(u64) -> String,
    /// A problem on a line of an ASCII raster: the line and the problem's words.
    pub on_line: fn(usize, &str) -> String,
    /// A missing header key.
    pub missing_header: fn(&str) -> String,
    /// Not a number.
    pub not_a_number: fn(&str) -> String,
    /// A row with the wrong number of values.
    pub wrong_count: fn(usize, usize) -> String,
    /// Fewer rows than the header says.
    pub too_few_rows: fn(u32, u32) -> String,
    /// Not three numbers.
    pub not_xyz: &'static str,
    /// A bad cell size.
    pub bad_cell_size: &'static str,
    /// Layers on different grids.
    pub grids_differ: &'static str,
}

/// 简体中文.
pub const ZH_CN: RasterWords = RasterWords {
    not_tiff: "这不是GeoTIFF栅格文件。",
    damaged: "栅格文件已损坏或不完整，或者用了不支持的压缩方式（支持LZW、Deflate和不压缩）。",
    not_one_band: |n| format!("这个栅格有{n}个波段；人口栅格只能有一个波段（每个格子一个人数）。"),
    no_georeference: "栅格文件里没有地理坐标信息（GeoTIFF的坐标标签），无法知道它在地图上的位置。",
    rotated: "这个栅格是旋转过的，请先在GIS软件里把它转成正北方向的栅格。",
    not_lonlat: |epsg| match epsg {
        Some(code) => format!("这个栅格的坐标系是EPSG:{code}，不是经纬度（WGS84，EPSG:4326）。请先在GIS软件里转换到EPSG:4326。"),
        None => "这个栅格的坐标不是经纬度（WGS84，EPSG:4326）。请先在GIS软件里转换到EPSG:4326。".to_string(),
    },
    outside_window: "栅格覆盖的范围和研究区域（候选点周围）不重叠。",
    too_many_cells: |n| format!("研究区域内有{n}个格子，太多了；请缩小范围（例如先导入候选点）。"),
    on_line: |line, what| format!("第{line}行：{what}"),
    missing_header: |key| format!("文件头缺少“{key}”。"),
    not_a_number: |s| format!("“{s}”不是数字。"),
    wrong_count: |expected, found| format!("应有{expected}个数值，实际有{found}个。"),
    too_few_rows: |expected, found| format!("应有{expected}行数据，实际只有{found}行。"),
    not_xyz: "每行应有经度、纬度和数值三项。",
    bad_cell_size: "格子大小或行列数不是正数。",
    grids_differ: "这几个栅格的格网不一致（范围或格子大小不同），不能相加。",
};

/// English.
pub const EN: RasterWords = RasterWords {
    not_tiff: "This is not a GeoTIFF raster.",
    damaged: "The raster is damaged or incomplete, or uses a compression that is not supported (LZW, Deflate and none are).",
    not_one_band: |n| format!("This raster has {n} bands; a population raster has one (a number of people per cell)."),
    no_georeference: "The raster has no georeferencing (GeoTIFF's coordinate tags), so its place on the map is unknown.",
    rotated: "This raster is rotated; turn it north-up in a GIS first.",
    not_lonlat: |epsg| match epsg {
        Some(code) => {
            format!("This raster is in EPSG:{code}, not longitude/latitude (WGS84, EPSG:4326). Reproject it to EPSG:4326 in a GIS first.")
        }
        None => "This raster is not in longitude/latitude (WGS84, EPSG:4326). Reproject it to EPSG:4326 in a GIS first.".to_string(),
    },
    outside_window: "The raster does not overlap the study area (around the candidate sites).",
    too_many_cells: |n| format!("The study area holds {n} cells, too many; make it smaller (for example, import the candidates first)."),
    on_line: |line, what| format!("Line {line}: {what}"),
    missing_header: |key| format!("The header lacks “{key}”."),
    not_a_number: |s| format!("“{s}” is not a number."),
    wrong_count: |expected, found| format!("{expected} values expected, {found} found."),
    too_few_rows: |expected, found| format!("{expected} rows of data expected, only {found} found."),
    not_xyz: "Each line needs a longitude, a latitude and a value.",
    bad_cell_size: "The cell size or the number of rows or columns is not a positive number.",
    grids_differ: "These rasters are not on the same grid (extent or cell size differ), so they cannot be added up.",
};

/// The table for a language.
pub fn words(l: Locale) -> &'static RasterWords {
    match l {
        Locale::ZhCn => &ZH_CN,
        Locale::En => &EN,
    }
}

impl RasterError {
    /// The problem in words.
    pub fn message(&self, l: Locale) -> String {
        let w = words(l);
        match self {
            RasterError::NotTiff => w.not_tiff.to_string(),
            RasterError::Damaged => w.damaged.to_string(),
            RasterError::NotOneBand { bands } => (w.not_one_band)(*bands),
            RasterError::NoGeoreference => w.no_georeference.to_string(),
            RasterError::Rotated => w.rotated.to_string(),
            RasterError::NotLonLat { epsg } => (w.not_lonlat)(*epsg),
            RasterError::OutsideWindow => w.outside_window.to_string(),
            RasterError::TooManyCells { cells } => (w.too_many_cells)(*cells),
            RasterError::GridsDiffer => w.grids_differ.to_string(),
            RasterError::Text { line, problem } => {
                let what = match problem {
                    TextProblem::MissingHeader(k) => (w.missing_header)(k),
                    TextProblem::NotANumber(s) => (w.not_a_number)(s),
                    TextProblem::WrongCount { expected, found } => (w.wrong_count)(*expected, *found),
                    TextProblem::TooFewRows { expected, found } => (w.too_few_rows)(*expected, *found),
                    TextProblem::NotXyz => w.not_xyz.to_string(),
                    TextProblem::BadCellSize => w.bad_cell_size.to_string(),
                };
                (w.on_line)(*line, &what)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tiff::encoder::compression::DeflateLevel;
    use tiff::encoder::{colortype, Compression, TiffEncoder, TiffKind, TiffKindBig, TiffKindStandard};

    /// GeoKeys: geographic model (2) on WGS84 (4326), or projected (1) on `projected`.
    fn geokeys(projected: Option<u16>, point: bool) -> Vec<u16> {
        let mut keys = vec![1, 1, 0, 0];
        match projected {
            None => keys.extend([1024, 0, 1, 2, 2048, 0, 1, 4326]),
            Some(code) => keys.extend([1024, 0, 1, 1, 3072, 0, 1, code]),
        }
        if point {
            keys.extend([1025, 0, 1, 2]);
        }
        keys[3] = ((keys.len() - 4) / 4) as u16;
        keys
    }

    struct Tif {
        compression: Compression,
        big: bool,
        rows_per_strip: u32,
        projected: Option<u16>,
        point: bool,
        georef: bool,
        nodata: Option<&'static str>,
    }

    impl Default for Tif {
        fn default() -> Tif {
            Tif {
                compression: Compression::Lzw,
                big: false,
                rows_per_strip: 1,
                projected: None,
                point: false,
                georef: true,
                nodata: Some("-99999"),
            }
        }
    }

    fn write<K: TiffKind>(enc: TiffEncoder<&mut Cursor<Vec<u8>>, K>, t: &Tif, cols: u32, rows: u32, data: &[f32]) {
        let mut enc = enc.with_compression(t.compression);
        let mut img = enc.new_image::<colortype::Gray32Float>(cols, rows).expect("image");
        img.rows_per_strip(t.rows_per_strip).expect("rows per strip");
        if t.georef {
            // Cells of 0.01°; the top-left corner of the top-left cell at 113.00° E, 23.05° N.
            img.encoder().write_tag(Tag::ModelPixelScaleTag, &[0.01f64, 0.01, 0.0][..]).expect("scale");
            img.encoder().write_tag(Tag::ModelTiepointTag, &[0.0f64, 0.0, 0.0, 113.0, 23.05, 0.0][..]).expect("tie");
            img.encoder().write_tag(Tag::GeoKeyDirectoryTag, &geokeys(t.projected, t.point)[..]).expect("keys");
        }
        if let Some(n) = t.nodata {
            img.encoder().write_tag(Tag::GdalNodata, n).expect("nodata");
        }
        img.write_data(data).expect("data");
    }

    fn tif(t: Tif, cols: u32, rows: u32, data: &[f32]) -> Vec<u8> {
        let mut buf = Cursor::new(Vec::new());
        if t.big {
            write(TiffEncoder::<_, TiffKindBig>::new_generic(&mut buf).expect("big"), &t, cols, rows, data);
        } else {
            write(TiffEncoder::<_, TiffKindStandard>::new_generic(&mut buf).expect("tiff"), &t, cols, rows, data);
        }
        buf.into_inner()
    }

    /// A 4 × 3 raster: row 0 = 1, 2, nodata, 4; row 1 = 5, −6, 0, 8; row 2 = 9, 10, 11, 12.
    const CELLS: [f32; 12] = [1.0, 2.0, -99999.0, 4.0, 5.0, -6.0, 0.0, 8.0, 9.0, 10.0, 11.0, 12.0];

    fn near(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9
    }

    #[test]
    fn a_whole_geotiff_becomes_points_at_cell_centres() {
        let r = read_geotiff(&tif(Tif::default(), 4, 3, &CELLS), None).expect("reads");
        assert_eq!((r.grid.cols, r.grid.rows), (4, 3));
        assert!(near(r.grid.west, 113.0) && near(r.grid.north, 23.05) && near(r.grid.cell_lon, 0.01));
        // 12 cells: one no data, one negative, one empty; 9 kept, 1+2+4+5+8+9+10+11+12 = 62 people.
        assert_eq!((r.read, r.nodata, r.negative, r.empty, r.values.len()), (12, 1, 1, 1, 9));
        assert!(near(r.total(), 62.0));
        // The first cell's centre: half a cell east and south of the corner.
        assert!(near(r.points[0].lon, 113.005) && near(r.points[0].lat, 23.045));
        // The value 12 is at column 3, row 2: 113.035° E, 23.025° N.
        let i = r.values.iter().position(|&v| v == 12.0).expect("12 kept");
        assert!(near(r.points[i].lon, 113.035) && near(r.points[i].lat, 23.025));
        assert_eq!(r.cells[i], 2 * 4 + 3);
    }

    #[test]
    fn only_the_window_is_read() {
        // Columns 1–2 (113.01–113.03° E) and rows 1–2 (23.04–23.02° N, rows run south from
        // 23.05° N): the cells −6, 0, 10, 11.
        let w = Window { west: 113.015, south: 23.025, east: 113.025, north: 23.035 };
        for t in [
            Tif::default(),
            Tif { compression: Compression::Deflate(DeflateLevel::Balanced), rows_per_strip: 2, ..Tif::default() },
            Tif { compression: Compression::Uncompressed, big: true, rows_per_strip: 3, ..Tif::default() },
        ] {
            let r = read_geotiff(&tif(t, 4, 3, &CELLS), Some(&w)).expect("reads");
            assert_eq!((r.read, r.negative, r.empty), (4, 1, 1));
            assert_eq!(r.values, vec![10.0, 11.0]);
        }
    }

    /// Bytes read by position, counting how many are asked for.
    struct Counted<'a> {
        bytes: &'a [u8],
        read: std::cell::Cell<u64>,
    }

    impl crate::core::io::stream::Slices for Counted<'_> {
        fn byte_len(&self) -> u64 {
            self.bytes.len() as u64
        }

        fn read_at(&self, start: u64, out: &mut [u8]) -> std::io::Result<usize> {
            let n = self.bytes.read_at(start, out)?;
            self.read.set(self.read.get() + n as u64);
            Ok(n)
        }
    }

    #[test]
    fn a_window_of_a_big_file_read_by_ranges_reads_a_small_part_of_it() {
        use crate::core::io::stream::{RangeReader, Slices};
        // 2,000 × 2,000 cells of 0.01° from 113.00° E, 23.05° N, uncompressed, one row per strip:
        // 16 MB of cells. Cell (col, row) holds col + row · 2000 + 1 (so every cell is kept).
        let (cols, rows) = (2000u32, 2000u32);
        let data: Vec<f32> = (0..cols * rows).map(|i| (i + 1) as f32).collect();
        for t in [
            Tif { compression: Compression::Uncompressed, nodata: None, ..Tif::default() },
            Tif { compression: Compression::Uncompressed, big: true, rows_per_strip: 4, nodata: None, ..Tif::default() },
        ] {
            let bytes = tif(t, cols, rows, &data);
            // Columns 700–719 (120.00–120.20° E) and rows 1305–1324 (9.999–9.801° N): 20 × 20.
            let w = Window { west: 120.001, south: 9.801, east: 120.199, north: 9.999 };
            let counted = Counted { bytes: &bytes, read: std::cell::Cell::new(0) };
            let by_ranges = read_geotiff_from(RangeReader::new(&counted), Some(&w)).expect("reads by ranges");
            assert_eq!(by_ranges, read_geotiff(&bytes, Some(&w)).expect("reads from memory"));
            // North edge 9.999° N is row (23.05 − 9.999) / 0.01 = 1305.1 → 1305; west edge 120.001°
            // E is column 700.1 → 700: 20 × 20 cells, the first (700, 1305) holding
            // 700 + 1305 · 2000 + 1 = 2,610,701.
            assert_eq!((by_ranges.read, by_ranges.values.len()), (400, 400));
            assert_eq!(by_ranges.values[0], 2_610_701.0);
            // The cells' rows, 20 × 8,000 bytes (or 5 strips of 4 rows): 160 KB, and the header,
            // the directory and the strips' offsets and lengths (16 or 8 KB), each read in blocks
            // of 64 KB: about 0.4 MB of the 16 MB.
            let read = counted.read.get();
            assert!(read * 20 < bytes.len() as u64, "{read} of {} bytes read", bytes.len());
            assert!(read >= 20 * 8000, "{read} bytes: fewer than the cells themselves");
            assert_eq!(counted.byte_len(), bytes.len() as u64);
        }
    }

    #[test]
    fn a_point_raster_is_shifted_by_half_a_cell() {
        // PixelIsPoint: the tie point is the first cell's centre, so its corner is half a cell
        // further west and north.
        let r = read_geotiff(&tif(Tif { point: true, ..Tif::default() }, 4, 3, &CELLS), None).expect("reads");
        assert!(near(r.grid.west, 112.995) && near(r.grid.north, 23.055));
        assert!(near(r.points[0].lon, 113.0) && near(r.points[0].lat, 23.05));
    }

    #[test]
    fn rasters_that_are_not_population_in_lonlat_are_refused_clearly() {
        let projected = read_geotiff(&tif(Tif { projected: Some(32650), ..Tif::default() }, 4, 3, &CELLS), None);
        assert_eq!(projected, Err(RasterError::NotLonLat { epsg: Some(32650) }));
        let message = projected.expect_err("refused").message(Locale::ZhCn);
        assert!(message.contains("EPSG:32650") && message.contains("EPSG:4326"), "{message}");
        assert_eq!(read_geotiff(&tif(Tif { georef: false, ..Tif::default() }, 4, 3, &CELLS), None), Err(RasterError::NoGeoreference));
        assert_eq!(read_geotiff(b"not a tiff at all", None), Err(RasterError::NotTiff));
        let whole = tif(Tif::default(), 4, 3, &CELLS);
        assert!(read_geotiff(&whole[..whole.len() / 2], None).is_err(), "cut short");
        let mut rgb = Cursor::new(Vec::new());
        TiffEncoder::new(&mut rgb).expect("tiff").write_image::<colortype::RGB8>(2, 2, &[0u8; 12]).expect("rgb");
        assert_eq!(read_geotiff(&rgb.into_inner(), None), Err(RasterError::NotOneBand { bands: 3 }));
        let far = Window { west: 0.0, south: 0.0, east: 1.0, north: 1.0 };
        assert_eq!(read_geotiff(&whole, Some(&far)), Err(RasterError::OutsideWindow));
    }

    /// A tiled TIFF written by hand (the encoder writes strips only): 20 × 18 float cells in 16 × 16
    /// tiles (2 across, 2 down, the right and bottom ones padded), cell (col, row) = 100·row + col + 1.
    fn tiled() -> Vec<u8> {
        let (cols, rows, tile) = (20u32, 18u32, 16u32);
        let mut tiles: Vec<Vec<u8>> = Vec::new();
        for ty in 0..2 {
            for tx in 0..2 {
                let mut t = Vec::new();
                for y in 0..tile {
                    for x in 0..tile {
                        let (col, row) = (tx * tile + x, ty * tile + y);
                        let v = if col < cols && row < rows { (100 * row + col + 1) as f32 } else { 0.0 };
                        t.extend(v.to_le_bytes());
                    }
                }
                tiles.push(t);
            }
        }
        let scale: Vec<u8> = [0.01f64, 0.01, 0.0].iter().flat_map(|v| v.to_le_bytes()).collect();
        let tie: Vec<u8> = [0.0f64, 0.0, 0.0, 113.0, 23.05, 0.0].iter().flat_map(|v| v.to_le_bytes()).collect();
        let keys: Vec<u8> = geokeys(None, false).iter().flat_map(|v| v.to_le_bytes()).collect();
        // Layout: header (8), then the arrays, then the tiles, then the directory.
        let mut out = vec![b'I', b'I', 42, 0, 0, 0, 0, 0];
        let mut put = |bytes: &[u8]| {
            let at = out.len() as u32;
            out.extend_from_slice(bytes);
            at
        };
        let (scale_at, tie_at, keys_at) = (put(&scale), put(&tie), put(&keys));
        let tile_at: Vec<u32> = tiles.iter().map(|t| put(t)).collect();
        let offsets: Vec<u8> = tile_at.iter().flat_map(|v| v.to_le_bytes()).collect();
        let counts: Vec<u8> = tiles.iter().flat_map(|t| (t.len() as u32).to_le_bytes()).collect();
        let (offsets_at, counts_at) = (put(&offsets), put(&counts));
        let ifd_at = out.len() as u32;
        out[4..8].copy_from_slice(&ifd_at.to_le_bytes());
        // (tag, type, count, value or offset): SHORT = 3, LONG = 4, DOUBLE = 12.
        let entries: [(u16, u16, u32, u32); 13] = [
            (256, 4, 1, cols),
            (257, 4, 1, rows),
            (258, 3, 1, 32),
            (259, 3, 1, 1),
            (262, 3, 1, 1),
            (277, 3, 1, 1),
            (322, 4, 1, tile),
            (323, 4, 1, tile),
            (324, 4, 4, offsets_at),
            (325, 4, 4, counts_at),
            (339, 3, 1, 3),
            (33550, 12, 3, scale_at),
            (33922, 12, 6, tie_at),
        ];
        let mut dir = Vec::new();
        dir.extend(((entries.len() + 1) as u16).to_le_bytes());
        for (tag, ty, count, value) in entries {
            dir.extend(tag.to_le_bytes());
            dir.extend(ty.to_le_bytes());
            dir.extend(count.to_le_bytes());
            dir.extend(value.to_le_bytes());
        }
        dir.extend(34735u16.to_le_bytes());
        dir.extend(3u16.to_le_bytes());
        dir.extend(((keys.len() / 2) as u32).to_le_bytes());
        dir.extend(keys_at.to_le_bytes());
        dir.extend(0u32.to_le_bytes());
        out.extend(dir);
        out
    }

    #[test]
    fn a_tiled_geotiff_reads_across_tile_edges() {
        let bytes = tiled();
        let all = read_geotiff(&bytes, None).expect("reads");
        // 360 cells, all positive: Σ (100·row + col + 1) = 100·20·Σrow + 18·Σ(col+1)
        // = 2000·153 + 18·210 = 306,000 + 3,780 = 309,780.
        assert_eq!((all.read, all.values.len()), (360, 360));
        assert!(near(all.total(), 309_780.0));
        // Columns 14–17 and rows 13–16 straddle all four tiles.
        let w = Window { west: 113.145, south: 23.05 - 0.165, east: 113.175, north: 23.05 - 0.135 };
        let r = read_geotiff(&bytes, Some(&w)).expect("reads");
        let mut got: Vec<(u64, f64)> = r.cells.iter().copied().zip(r.values.iter().copied()).collect();
        got.sort_by_key(|c| c.0);
        let want: Vec<(u64, f64)> =
            (13..17u64).flat_map(|row| (14..18u64).map(move |col| (row * 20 + col, (100 * row + col + 1) as f64))).collect();
        assert_eq!(got, want);
    }

    #[test]
    fn a_tag_without_values_is_damage_not_a_crash() {
        // Found by fuzzing: a SampleFormat tag (339) with no value made the tiff crate index an
        // empty list. The handmade file with that tag's count set to 0 is refused as damaged.
        let mut bytes = include_bytes!("../../../tests/data/raster/handmade-4x3.tif").to_vec();
        let ifd = u32::from_le_bytes([bytes[4], bytes[5], bytes[6], bytes[7]]) as usize;
        let n = usize::from(u16::from_le_bytes([bytes[ifd], bytes[ifd + 1]]));
        let entry =
            (0..n).map(|k| ifd + 2 + 12 * k).find(|&e| u16::from_le_bytes([bytes[e], bytes[e + 1]]) == 339).expect("a SampleFormat tag");
        bytes[entry + 4..entry + 8].copy_from_slice(&0u32.to_le_bytes());
        assert_eq!(read_geotiff(&bytes, None), Err(RasterError::Damaged));
        // Found by fuzzing in CI: the same tag typed as text (2), one character, a NUL in the
        // entry, which the crate reads as an empty list.
        bytes[entry + 2..entry + 4].copy_from_slice(&2u16.to_le_bytes());
        bytes[entry + 4..entry + 8].copy_from_slice(&1u32.to_le_bytes());
        bytes[entry + 8..entry + 12].copy_from_slice(&[0; 4]);
        assert_eq!(read_geotiff(&bytes, None), Err(RasterError::Damaged));
        let crash = include_bytes!("../../../fuzz/corpus/raster/crash-empty-sampleformat.tif");
        assert!(read_geotiff(crash, None).is_err());
    }

    #[test]
    fn files_written_elsewhere() {
        // Written by hand with Python's struct (tests/data/raster/README.md): 9 cells with people,
        // 1 + 2 + 4 + 5 + 8 + 9 + 10 + 11 + 12 = 62; one no data, one negative, one empty.
        let r = read_geotiff(include_bytes!("../../../tests/data/raster/handmade-4x3.tif"), None).expect("reads");
        assert_eq!((r.read, r.nodata, r.negative, r.empty, r.values.len()), (12, 1, 1, 1, 9));
        assert!(near(r.total(), 62.0));
        assert!(near(r.grid.west, 113.0) && near(r.grid.north, 23.05) && near(r.grid.cell_lon, 0.01));
        // The georust geotiff crate's Austrian test raster is in ETRS89-LAEA metres (EPSG:3035).
        let austria = include_bytes!("../../../tests/data/raster/austrian_capitals_model_tie_point_and_pixel_scale_pixel_is_area.tif");
        let e = read_geotiff(austria, None).expect_err("projected");
        assert_eq!(e, RasterError::NotLonLat { epsg: Some(3035) });
        assert!(e.message(Locale::En).contains("EPSG:3035"));
    }

    #[test]
    fn esri_ascii_grid() {
        // 3 columns × 2 rows of 0.5° from (100° E, 20° N) at the lower-left corner: the top row is
        // 20.5–21.0° N.
        let text = "ncols 3\nnrows 2\nxllcorner 100\nyllcorner 20\ncellsize 0.5\nNODATA_value -9999\n1 -9999 3\n0 -2 6\n";
        let r = read_ascii_grid(text, None).expect("reads");
        assert_eq!((r.read, r.nodata, r.negative, r.empty), (6, 1, 1, 1));
        assert_eq!(r.values, vec![1.0, 3.0, 6.0]);
        assert!(near(r.points[0].lon, 100.25) && near(r.points[0].lat, 20.75));
        assert!(near(r.points[2].lon, 101.25) && near(r.points[2].lat, 20.25));
        // The window holds only the east column.
        let w = Window { west: 100.9, south: 20.0, east: 101.4, north: 21.0 };
        assert_eq!(read_ascii_grid(text, Some(&w)).expect("reads").values, vec![3.0, 6.0]);
        // xllcenter: the corner is half a cell further west.
        let centre = text.replace("xllcorner 100", "xllcenter 100.25");
        assert!(near(read_ascii_grid(&centre, None).expect("reads").grid.west, 100.0));
        let short = "ncols 3\nnrows 2\nxllcorner 100\nyllcorner 20\ncellsize 0.5\n1 2\n";
        assert_eq!(
            read_ascii_grid(short, None),
            Err(RasterError::Text { line: 6, problem: TextProblem::WrongCount { expected: 3, found: 2 } })
        );
        let bad = "ncols 3\nnrows 1\nxllcorner 100\nyllcorner 20\ncellsize 0.5\n1 x 3\n";
        let e = read_ascii_grid(bad, None).expect_err("refused");
        assert_eq!(e.message(Locale::ZhCn), "第6行：“x”不是数字。");
        assert_eq!(e.message(Locale::En), "Line 6: “x” is not a number.");
        let missing = "ncols 3\nnrows 1\nyllcorner 20\ncellsize 0.5\n1 2 3\n";
        assert_eq!(read_ascii_grid(missing, None), Err(RasterError::Text { line: 1, problem: TextProblem::MissingHeader("xllcorner") }));
    }

    #[test]
    fn xyz_text() {
        let text = "X,Y,Z\n113.005,23.045,5\n113.015,23.045,nan\n113.005,23.035,-1\n113.015,23.035,7.5\n";
        let r = read_xyz(text, None).expect("reads");
        assert_eq!((r.read, r.nodata, r.negative), (4, 1, 1));
        assert_eq!(r.values, vec![5.0, 7.5]);
        assert!(near(r.grid.cell_lon, 0.01) && near(r.grid.cell_lat, 0.01));
        assert!(near(r.points[1].lon, 113.015) && near(r.points[1].lat, 23.035));
        assert_eq!(read_xyz("X,Y,Z\n113.0,23.0\n", None), Err(RasterError::Text { line: 2, problem: TextProblem::NotXyz }));
    }

    #[test]
    fn layers_add_up_cell_by_cell() {
        let men = read_geotiff(&tif(Tif::default(), 4, 3, &CELLS), None).expect("reads");
        let women = men.clone();
        let both = sum(vec![men, women]).expect("same grid");
        assert!(near(both.total(), 124.0));
        assert_eq!(both.values.len(), 9);
        let other = read_ascii_grid("ncols 1\nnrows 1\nxllcorner 0\nyllcorner 0\ncellsize 1\n5\n", None).expect("reads");
        assert_eq!(sum(vec![both, other]), Err(RasterError::GridsDiffer));
    }

    #[test]
    fn cell_area_on_the_sphere() {
        // A 1° × 1° cell at the equator: R² · (π/180) · sin 1° = 6,371,008.8² × 0.0174533 × 0.0174524
        // ≈ 1.23637 × 10¹⁰ m² (about 12,364 km²); at 60° N it is about half (cos 60° = 0.5).
        let g = Grid { cols: 1, rows: 1, west: 0.0, north: 1.0, cell_lon: 1.0, cell_lat: 1.0 };
        assert!((g.cell_area_m2(0) / 1e10 - 1.23637).abs() < 1e-4, "{}", g.cell_area_m2(0));
        let north = Grid { north: 60.5, ..g };
        assert!((north.cell_area_m2(0) / g.cell_area_m2(0) - 0.5).abs() < 0.01);
    }

    #[test]
    fn every_problem_has_words_in_both_languages() {
        let all = [
            RasterError::NotTiff,
            RasterError::Damaged,
            RasterError::NotOneBand { bands: 3 },
            RasterError::NoGeoreference,
            RasterError::Rotated,
            RasterError::NotLonLat { epsg: None },
            RasterError::OutsideWindow,
            RasterError::TooManyCells { cells: 5 },
            RasterError::GridsDiffer,
            RasterError::Text { line: 2, problem: TextProblem::NotXyz },
            RasterError::Text { line: 2, problem: TextProblem::BadCellSize },
            RasterError::Text { line: 2, problem: TextProblem::TooFewRows { expected: 3, found: 1 } },
        ];
        for e in all {
            let chinese = e.message(Locale::ZhCn);
            let en = e.message(Locale::En);
            assert!(chinese.ends_with('。') && !chinese.contains(['(', ')', ',']), "{chinese}");
            assert!(en.ends_with('.') && !en.contains(['（', '）', '，', '。']), "{en}");
        }
    }
}
