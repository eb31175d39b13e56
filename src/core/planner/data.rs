//! Demand and sites from imported files: a CSV table or GeoJSON, a column mapping and a
//! coordinate system in; checked arrays in WGS84 out, with every bad row reported by line (or
//! feature) and field. Bad rows are left out of the data; the caller decides, with the user,
//! whether to go on without them or to stop.
//!
//! The position comes from a longitude and a latitude column, from one column holding both
//! ([`crate::core::io::location`]: 高德's `location`, `经纬度`, WKT `POINT(…)`), or from a
//! GeoJSON feature's geometry.
//!
//! Rows that share a position are different rows (two compounds geocoded to one point, or two
//! older people at one address) and are all kept. Only a row that repeats an earlier row exactly —
//! every column the same, and a name to say it is the same place — is counted once, and all such
//! rows are reported together as one [`FileWarning::ExactDuplicates`], not as bad rows.

use std::borrow::Cow;

use xxhash_rust::xxh3::xxh3_128_with_seed;

use serde::{Deserialize, Serialize};

use super::words::words;
use crate::core::geo::LonLat;
use crate::core::io::columns::{auto_map, auto_map_sampled, crs_hint, ColumnMap};
use crate::core::io::crs::{in_china, Crs};
use crate::core::io::geojson_in::GeoTable;
use crate::core::io::location::{self, LocationError};
use crate::core::io::stream::{trim, CsvStream, Reopen, Row};
use crate::core::io::table::{preview_of, TableError};
use crate::core::Locale;

/// Where a row is in its file. Numbers of 32 bits (a file of at most [`super::session::MAX_TABLE_BYTES`]
/// has fewer lines than that): a 5-million-row file keeps one per row, 8 bytes instead of 16.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RowRef {
    /// A CSV line (1-based, the header is line 1).
    Line(u32),
    /// A GeoJSON feature (0-based index).
    Feature(u32),
}

/// What is wrong with a row.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Problem {
    /// A required value is empty.
    Missing,
    /// Not a number.
    NotANumber {
        /// The text found (shortened).
        found: String,
    },
    /// NaN or infinite.
    NotFinite,
    /// Latitude beyond ±90°.
    LatOutOfRange,
    /// Longitude beyond ±180°.
    LonOutOfRange,
    /// Longitude and latitude look swapped (a Chinese latitude in the longitude column).
    Swapped,
    /// A negative count.
    Negative,
    /// The same position and name as an earlier row. Imports no longer report this (rows at one
    /// position are kept, and exact repeats are summed up in [`FileWarning::ExactDuplicates`]);
    /// kept so that its words stay available.
    Duplicate {
        /// The earlier row.
        first: RowRef,
    },
    /// A GeoJSON feature with no usable geometry.
    NoGeometry,
    /// A column of both coordinates whose cell is not two numbers.
    NotTwoNumbers {
        /// The text found (shortened).
        found: String,
    },
    /// A column of both coordinates holding a WKT geometry other than a point.
    NotAPoint {
        /// Its type (`LINESTRING`, `POLYGON` …).
        found: String,
    },
}

/// One bad row (left out of the data).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RowIssue {
    /// Which row.
    pub row: RowRef,
    /// The column (header name) at fault.
    pub field: String,
    /// What is wrong.
    pub problem: Problem,
}

/// Something about the whole file.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FileWarning {
    /// The header names suggest another coordinate system than the one chosen.
    CrsMismatch {
        /// Chosen.
        chosen: Crs,
        /// Suggested by the headers.
        hinted: Crs,
    },
    /// GCJ-02/BD-09 chosen, but some points are outside mainland China (where no offset applies).
    OutsideChina {
        /// How many points.
        points: usize,
    },
    /// Most rows look like longitude and latitude are swapped: swap the column mapping.
    MostlySwapped,
    /// Most rows of a column of both coordinates give the latitude first ("23.13,113.26").
    MostlyLatitudeFirst,
    /// Rows that repeat an earlier row exactly, left out: each record counts once.
    ExactDuplicates {
        /// How many rows were left out.
        rows: usize,
        /// The first few of them.
        first: Vec<RowRef>,
    },
}

impl RowRef {
    /// Where the row is, in words: "第 3 行", "line 3"; a feature is counted from 1 ("第 1 个要素",
    /// "feature 1").
    pub fn text(self, locale: Locale) -> String {
        let w = words(locale);
        match self {
            RowRef::Line(n) => (w.row_line)(u64::from(n)),
            RowRef::Feature(i) => (w.row_feature)(i as usize + 1),
        }
    }
}

impl Problem {
    /// What is wrong, in words ("不是数字（“abc”）", "is not a number (“abc”)").
    pub fn message(&self, locale: Locale) -> String {
        let w = words(locale);
        match self {
            Problem::Missing => w.problem_missing.to_string(),
            Problem::NotANumber { found } => (w.problem_not_a_number)(found),
            Problem::NotFinite => w.problem_not_finite.to_string(),
            Problem::LatOutOfRange => w.problem_lat_out_of_range.to_string(),
            Problem::LonOutOfRange => w.problem_lon_out_of_range.to_string(),
            Problem::Swapped => w.problem_swapped.to_string(),
            Problem::Negative => w.problem_negative.to_string(),
            Problem::Duplicate { first } => (w.problem_duplicate)(&first.text(locale)),
            Problem::NoGeometry => w.problem_no_geometry.to_string(),
            Problem::NotTwoNumbers { found } => (w.problem_not_two_numbers)(found),
            Problem::NotAPoint { found } => (w.problem_not_a_point)(found),
        }
    }
}

impl FileWarning {
    /// The words for the warnings the core itself puts in words: exact duplicates
    /// ("5 行与前面的行完全相同（第 12、40、77 行…），只算一次") and latitude first in one column.
    /// `None` for the others, which the page and the CLI word themselves (each says what to do
    /// there: the mapping step's choices, or `--crs`).
    pub fn core_message(&self, locale: Locale) -> Option<String> {
        let w = words(locale);
        match self {
            FileWarning::ExactDuplicates { rows, first } => Some(match first.first() {
                Some(RowRef::Feature(_)) => {
                    let numbers: Vec<usize> =
                        first.iter().filter_map(|r| if let RowRef::Feature(i) = r { Some(*i as usize + 1) } else { None }).collect();
                    (w.warn_duplicate_features)(*rows, &numbers)
                }
                _ => {
                    let numbers: Vec<u64> =
                        first.iter().filter_map(|r| if let RowRef::Line(n) = r { Some(u64::from(*n)) } else { None }).collect();
                    (w.warn_duplicate_lines)(*rows, &numbers)
                }
            }),
            FileWarning::MostlyLatitudeFirst => Some(w.warn_latitude_first.to_string()),
            FileWarning::CrsMismatch { .. } | FileWarning::OutsideChina { .. } | FileWarning::MostlySwapped => None,
        }
    }
}

impl RowIssue {
    /// The bad row in words, with its place and column: "第 3 行，“经度”：不是数字（“abc”）",
    /// "line 3, “经度”: is not a number (“abc”)".
    pub fn message(&self, locale: Locale) -> String {
        (words(locale).row_issue)(&self.row.text(locale), &self.field, &self.problem.message(locale))
    }
}

/// A required column is not mapped.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum MappingError {
    /// No longitude/latitude columns (and no geometry).
    NoPosition,
    /// No count column in a demand file.
    NoCount,
    /// The CSV could not be read.
    Table(String),
}

impl MappingError {
    /// The message in `locale`.
    pub fn message(&self, locale: Locale) -> String {
        let w = words(locale);
        match self {
            MappingError::NoPosition => w.map_no_position.to_string(),
            MappingError::NoCount => w.map_no_count.to_string(),
            MappingError::Table(detail) => (w.map_table)(detail),
        }
    }
}

/// The English message.
impl std::fmt::Display for MappingError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(Locale::En))
    }
}

impl std::error::Error for MappingError {}

/// Demand: where older people live, and how many.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Demand {
    /// Positions (WGS84).
    pub points: Vec<LonLat>,
    /// Older people at each point.
    pub counts: Vec<f64>,
    /// Extra counts per point, one vector per extra column.
    pub extras: Vec<Vec<f64>>,
    /// Names of the extra columns.
    pub extra_names: Vec<String>,
    /// Names (empty when none).
    pub names: Names,
    /// Cell area in m² for polygons (NaN for points); empty when the file cannot have any (a
    /// CSV table: 44 MB of NaN saved on a 5.5-million-row file).
    pub area_m2: Vec<f64>,
    /// Where each point came from.
    pub rows: Vec<RowRef>,
}

/// Many rows' names in one string: a 5-million-row file's names cost their text and one offset
/// each, not a `String` (24 bytes and an allocation) each.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Names {
    text: String,
    ends: Vec<usize>,
}

impl Names {
    /// Adds a name.
    pub fn push(&mut self, name: &str) {
        self.text.push_str(name);
        self.ends.push(self.text.len());
    }

    /// Name `i` ("" past the end).
    pub fn get(&self, i: usize) -> &str {
        let Some(&end) = self.ends.get(i) else { return "" };
        let start = if i == 0 { 0 } else { self.ends[i - 1] };
        &self.text[start..end]
    }

    /// How many names.
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    /// No names?
    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// The names in order.
    pub fn iter(&self) -> impl Iterator<Item = &str> + '_ {
        (0..self.len()).map(|i| self.get(i))
    }

    /// Room for `more` names of about `bytes_each` bytes.
    fn reserve_exact(&mut self, more: usize, bytes_each: usize) {
        self.ends.reserve_exact(more);
        self.text.reserve_exact(more.saturating_mul(bytes_each));
    }

    /// Without the names at `places` (ascending).
    fn without(&self, places: &[u32]) -> Names {
        let mut kept = Names::default();
        let mut next = 0;
        for (i, name) in self.iter().enumerate() {
            if places.get(next) == Some(&(i as u32)) {
                next += 1;
            } else {
                kept.push(name);
            }
        }
        kept
    }
}

impl<'a> FromIterator<&'a str> for Names {
    fn from_iter<I: IntoIterator<Item = &'a str>>(iter: I) -> Self {
        let mut names = Names::default();
        for name in iter {
            names.push(name);
        }
        names
    }
}

impl Serialize for Names {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.iter())
    }
}

impl Demand {
    /// Room for `rows` points in every column (the areas only if `areas`).
    fn reserve(&mut self, rows: usize, areas: bool) {
        let more = rows.saturating_sub(self.points.len());
        self.points.reserve_exact(more);
        self.counts.reserve_exact(more);
        for extra in &mut self.extras {
            extra.reserve_exact(more);
        }
        // Names of the rows so far, on average, and a quarter more (names further on are often
        // longer).
        let name_bytes = if self.names.is_empty() { 0 } else { (self.names.text.len() * 5 / 4).div_ceil(self.names.len()) };
        self.names.reserve_exact(more, name_bytes);
        if areas {
            self.area_m2.reserve_exact(more);
        }
        self.rows.reserve_exact(more);
    }

    /// Every column at its length: the room reserved and not used is given back (untouched, so
    /// it cost no memory, only address space that later work can use).
    fn shrink_to_fit(&mut self) {
        self.points.shrink_to_fit();
        self.counts.shrink_to_fit();
        for extra in &mut self.extras {
            extra.shrink_to_fit();
        }
        self.names.text.shrink_to_fit();
        self.names.ends.shrink_to_fit();
        self.area_m2.shrink_to_fit();
        self.rows.shrink_to_fit();
    }
}

/// Candidate sites or existing canteens.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Sites {
    /// Positions (WGS84).
    pub points: Vec<LonLat>,
    /// Names.
    pub names: Vec<String>,
    /// Capacity, meals per day (NaN when not given).
    pub capacity: Vec<f64>,
    /// Cost (NaN when not given).
    pub cost: Vec<f64>,
    /// Where each site came from.
    pub rows: Vec<RowRef>,
}

/// The result of an import.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Imported<T> {
    /// The good rows.
    pub data: T,
    /// The rows left out, and why (at most [`MAX_ISSUES`] listed).
    pub issues: Vec<RowIssue>,
    /// How many rows were left out in all.
    pub bad_rows: usize,
    /// How many rows the file has.
    pub total_rows: usize,
    /// About the whole file.
    pub warnings: Vec<FileWarning>,
}

/// Issues listed per import (the count of bad rows is always exact).
pub const MAX_ISSUES: usize = 1000;

/// Where a row's fields are.
enum Cells<'a> {
    /// A CSV row.
    Csv(&'a Row<'a>),
    /// A GeoJSON feature's properties.
    Geo(&'a [String]),
}

/// One row's fields, however the file stores them.
struct Fields<'a> {
    row: RowRef,
    cells: Cells<'a>,
    geometry: Option<(Option<LonLat>, Option<f64>)>,
    /// On one early row, how many rows the whole file is expected to have (from its size), so
    /// that the columns grow once instead of doubling (which would briefly hold them twice).
    rows_expected: Option<usize>,
    /// The share of the file read so far (0–1), to estimate the rows again if the first estimate
    /// was short.
    read: f64,
}

/// Room for the rows of a file of which `rows` rows are `read` (0–1) of its bytes: those over the
/// share read, and a quarter more. Rows further on are often longer (the numbers and names grow:
/// "格9" then "格4000000"), and too little room makes each column grow by doubling, which in
/// WebAssembly keeps both copies in memory for good (its memory never shrinks). Room reserved and
/// never used costs address space, not memory — its pages are never touched — and the columns are
/// shrunk to their length at the end.
fn room_for(rows: usize, read: f64) -> usize {
    if read <= 0.0 {
        return rows;
    }
    ((rows as f64 / read.min(1.0)) * 1.25).min(1e9) as usize
}

impl Fields<'_> {
    /// Column `i`'s text, trimmed ("" where the row is shorter).
    fn get(&self, i: usize) -> Cow<'_, str> {
        match &self.cells {
            Cells::Csv(r) => r.text(i),
            Cells::Geo(values) => Cow::Borrowed(values.get(i).map_or("", |v| v.as_str())),
        }
    }
}

/// A number as the standard library reads it, read faster: `fast_float2` first, the standard
/// library for anything it refuses (so nothing the standard library reads is lost).
fn parse_f64(t: &str) -> Result<f64, std::num::ParseFloatError> {
    fast_float2::parse::<f64, _>(t).or_else(|_| t.parse::<f64>())
}

fn number(text: &str) -> Result<Option<f64>, Problem> {
    let t = trim(text);
    if t.is_empty() {
        return Ok(None);
    }
    // The usual cell, "113.264385" or "210": no separators to take out, so no copy.
    if t.bytes().all(|b| b.is_ascii() && b != b',' && b != b'_' && !b.is_ascii_whitespace()) {
        return match parse_f64(t) {
            Ok(v) if v.is_finite() => Ok(Some(v)),
            Ok(_) => Err(Problem::NotFinite),
            Err(_) => Err(Problem::NotANumber { found: t.chars().take(30).collect() }),
        };
    }
    let cleaned: String = t.chars().filter(|c| *c != ',' && *c != '_' && !c.is_whitespace()).collect();
    match cleaned.parse::<f64>() {
        Ok(v) if v.is_finite() => Ok(Some(v)),
        Ok(_) => Err(Problem::NotFinite),
        Err(_) => Err(Problem::NotANumber { found: t.chars().take(30).collect() }),
    }
}

/// The columns a planner may weight as extra counts (80岁以上, 失能 …): those not used for the
/// position, count, name, capacity or cost, whose sample values are numbers (blanks allowed, at
/// least one number). Names and coordinates are not counts of people.
pub fn weightable_columns(n_columns: usize, sample: &[Vec<String>], map: &ColumnMap) -> Vec<usize> {
    let used = [map.lon, map.lat, map.lonlat, map.count, map.name, map.capacity, map.cost];
    (0..n_columns)
        .filter(|i| !used.contains(&Some(*i)))
        .filter(|&i| {
            let values: Vec<&str> = sample.iter().filter_map(|row| row.get(i)).map(|v| v.as_str()).collect();
            let numbers = values.iter().filter(|v| matches!(number(v), Ok(Some(_)))).count();
            numbers > 0 && values.iter().all(|v| number(v).is_ok())
        })
        .collect()
}

/// Exact duplicates listed by their place in the summary (the count is always exact).
pub const DUPLICATES_LISTED: usize = 3;

/// What an import finds row by row: problems, counts, and the rows already read.
#[derive(Default)]
struct Collector {
    issues: Vec<RowIssue>,
    bad_rows: usize,
    total_rows: usize,
    swapped: usize,
    outside_china: usize,
    /// Fingerprints of the named rows kept, with their places (see [`exact_repeats`]).
    prints: Vec<[u64; 2]>,
    /// Rows left out as exact repeats of an earlier row.
    duplicates: usize,
    /// The first of them.
    duplicate_rows: Vec<RowRef>,
}

/// A 128-bit fingerprint of a whole row: a CSV row's fields as written (and where each ends), a
/// feature's properties, geometry's position and area, so that the rows themselves need not be
/// kept. XXH3-128 over the fields, seeded with the rest; 96 of its bits are compared: for rows not
/// made on purpose to collide, the chance that any two different rows of a 10-million-row file
/// share them is about 5 × 10¹³ pairs × 2⁻⁹⁶ ≈ 6 × 10⁻¹⁶.
fn fingerprint(f: &Fields<'_>, p: LonLat) -> u128 {
    let mut seed = 0u64;
    let mut mix = |x: u64| {
        seed = (seed ^ x).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        seed ^= seed >> 29;
    };
    mix(p.lon.to_bits());
    mix(p.lat.to_bits());
    if let Some(area) = f.geometry.and_then(|(_, area)| area) {
        mix(area.to_bits());
    }
    match &f.cells {
        Cells::Csv(row) => {
            let (data, ends) = row.raw();
            for &end in ends {
                mix(end as u64);
            }
            xxh3_128_with_seed(data, seed)
        }
        Cells::Geo(values) => {
            let mut all = Vec::new();
            for v in values.iter() {
                all.extend_from_slice(v.as_bytes());
                all.push(0xFF);
            }
            xxh3_128_with_seed(&all, seed)
        }
    }
}

/// The rows that repeat an earlier row exactly, by their place in the data (ascending): every
/// named row's fingerprint is noted as `[high 64 bits, next 32 bits << 32 | place]`, and sorting
/// them puts repeats side by side, the first of each (the one kept) in front. Sorting a list
/// written in order costs less than a hash set's random look-ups on 5 million rows, and half
/// the memory.
fn exact_repeats(mut prints: Vec<[u64; 2]>) -> Vec<u32> {
    // By the high 64 bits only (one comparison, not two): equal ones are rare, and sorted fully
    // below.
    prints.sort_unstable_by_key(|p| p[0]);
    let mut repeats = Vec::new();
    for group in prints.chunk_by_mut(|a, b| a[0] == b[0]) {
        if group.len() > 1 {
            group.sort_unstable();
            for same in group.chunk_by(|a, b| a[1] >> 32 == b[1] >> 32) {
                repeats.extend(same[1..].iter().map(|p| p[1] as u32));
            }
        }
    }
    repeats.sort_unstable();
    repeats
}

/// Drops the items at `places` (ascending) from `v`.
fn drop_places<T>(v: &mut Vec<T>, places: &[u32]) {
    if places.is_empty() {
        return;
    }
    let (mut i, mut next) = (0u32, 0usize);
    v.retain(|_| {
        let drop = places.get(next) == Some(&i);
        next += usize::from(drop);
        i += 1;
        !drop
    });
}

/// Columns of rows, from which exact repeats are taken out after the import.
trait Rows {
    fn point(&self, i: usize) -> LonLat;
    fn row(&self, i: usize) -> RowRef;
    fn drop_rows(&mut self, places: &[u32]);
}

impl Rows for Demand {
    fn point(&self, i: usize) -> LonLat {
        self.points[i]
    }

    fn row(&self, i: usize) -> RowRef {
        self.rows[i]
    }

    fn drop_rows(&mut self, places: &[u32]) {
        drop_places(&mut self.points, places);
        drop_places(&mut self.counts, places);
        for extra in &mut self.extras {
            drop_places(extra, places);
        }
        self.names = self.names.without(places);
        drop_places(&mut self.area_m2, places);
        drop_places(&mut self.rows, places);
    }
}

impl Rows for Sites {
    fn point(&self, i: usize) -> LonLat {
        self.points[i]
    }

    fn row(&self, i: usize) -> RowRef {
        self.rows[i]
    }

    fn drop_rows(&mut self, places: &[u32]) {
        drop_places(&mut self.points, places);
        drop_places(&mut self.names, places);
        drop_places(&mut self.capacity, places);
        drop_places(&mut self.cost, places);
        drop_places(&mut self.rows, places);
    }
}

impl Collector {
    /// Records a good row, at `place` in the data: its fingerprint if it has a name (rows without
    /// one may be different people at one address), for [`exact_repeats`] after the import; and
    /// whether it is outside China.
    fn keep(&mut self, f: &Fields<'_>, p: LonLat, name: &str, place: usize) {
        if !trim(name).is_empty() {
            let print = fingerprint(f, p);
            self.prints.push([(print >> 64) as u64, (((print >> 32) as u64) << 32) | place as u64]);
        }
        if !in_china(p) {
            self.outside_china += 1;
        }
    }

    fn bad(&mut self, row: RowRef, field: &str, problem: Problem) {
        if problem == Problem::Swapped {
            self.swapped += 1;
        }
        self.bad_rows += 1;
        if self.issues.len() < MAX_ISSUES {
            self.issues.push(RowIssue { row, field: field.to_string(), problem });
        }
    }
}

fn header(headers: &[String], i: Option<usize>, fallback: &str) -> String {
    i.and_then(|i| headers.get(i)).cloned().unwrap_or_else(|| fallback.to_string())
}

/// A column of both coordinates' problem as a bad row's.
fn location_problem(e: LocationError, text: &str) -> Problem {
    match e {
        LocationError::NotTwoNumbers => Problem::NotTwoNumbers { found: text.trim().chars().take(30).collect() },
        LocationError::NotFinite => Problem::NotFinite,
        LocationError::NotAPoint(found) => Problem::NotAPoint { found },
    }
}

/// The row's position, checked and converted; `Err` with the field at fault.
fn position(f: &Fields<'_>, map: &ColumnMap, headers: &[String], crs: Crs) -> Result<LonLat, (String, Problem)> {
    // Column names only for a row at fault: this runs for every row of a big file.
    let lon_name = || header(headers, map.lonlat.or(map.lon), "lon");
    let lat_name = || header(headers, map.lonlat.or(map.lat), "lat");
    let p = match (map.lonlat, map.lon, map.lat, &f.geometry) {
        // One column of both coordinates: its problems are the column's.
        (Some(col), ..) => {
            let text = f.get(col);
            match location::parse(&text) {
                Ok(Some(p)) => p,
                Ok(None) => return Err((lon_name(), Problem::Missing)),
                Err(e) => return Err((lon_name(), location_problem(e, &text))),
            }
        }
        (None, Some(lo), Some(la), _) => {
            let lon = number(&f.get(lo)).map_err(|p| (lon_name(), p))?.ok_or_else(|| (lon_name(), Problem::Missing))?;
            let lat = number(&f.get(la)).map_err(|p| (lat_name(), p))?.ok_or_else(|| (lat_name(), Problem::Missing))?;
            LonLat::new(lon, lat)
        }
        (None, _, _, Some((Some(p), _))) => *p,
        (None, _, _, Some((None, _))) => return Err(("geometry".into(), Problem::NoGeometry)),
        _ => return Err((lon_name(), Problem::Missing)),
    };
    // A Chinese latitude in the longitude column and a Chinese longitude in the latitude column.
    if (15.0..=56.0).contains(&p.lon) && (70.0..=138.0).contains(&p.lat) {
        return Err((lat_name(), Problem::Swapped));
    }
    if p.lat.abs() > 90.0 {
        return Err((lat_name(), Problem::LatOutOfRange));
    }
    if p.lon.abs() > 180.0 {
        return Err((lon_name(), Problem::LonOutOfRange));
    }
    Ok(crs.to_wgs84(p))
}

fn finish<T: Rows>(mut data: T, mut c: Collector, crs: Crs, headers: &[String], map: &ColumnMap) -> Imported<T> {
    let repeats = exact_repeats(std::mem::take(&mut c.prints));
    if !repeats.is_empty() {
        c.duplicates = repeats.len();
        c.duplicate_rows = repeats.iter().take(DUPLICATES_LISTED).map(|&i| data.row(i as usize)).collect();
        c.outside_china -= repeats.iter().filter(|&&i| !in_china(data.point(i as usize))).count();
        data.drop_rows(&repeats);
    }
    let mut warnings = Vec::new();
    if let Some(hinted) = crs_hint(headers) {
        if hinted != crs {
            warnings.push(FileWarning::CrsMismatch { chosen: crs, hinted });
        }
    }
    if crs != Crs::Wgs84 && c.outside_china > 0 {
        warnings.push(FileWarning::OutsideChina { points: c.outside_china });
    }
    if c.total_rows > 0 && c.swapped * 2 > c.total_rows {
        // Two columns can be swapped in the mapping; one column of both has to be split.
        warnings.push(if map.lonlat.is_some() { FileWarning::MostlyLatitudeFirst } else { FileWarning::MostlySwapped });
    }
    if c.duplicates > 0 {
        warnings.push(FileWarning::ExactDuplicates { rows: c.duplicates, first: c.duplicate_rows });
    }
    Imported { data, issues: c.issues, bad_rows: c.bad_rows, total_rows: c.total_rows, warnings }
}

/// Rows between two progress reports.
const PROGRESS_EVERY: u64 = 100_000;

/// Rows read before the file's row count is estimated from its size.
const ROWS_BEFORE_ESTIMATE: u64 = 16_384;

fn rows_of(source: &Source<'_>, progress: &mut dyn FnMut(u8), mut each: impl FnMut(Fields<'_>)) -> Result<(), MappingError> {
    let percent = |done: f64| ((done * 100.0) as u8).min(99);
    match source {
        Source::Csv { data, .. } => {
            let table = |e: TableError| MappingError::Table(e.to_string());
            let mut stream = CsvStream::open(*data).map_err(table)?;
            let mut n = 0u64;
            loop {
                n += 1;
                if n.is_multiple_of(PROGRESS_EVERY) {
                    progress(percent(stream.fraction()));
                }
                // Rows so far over the share of the file read, and 2 % more for rows that are
                // longer than the first ones.
                let fraction = stream.fraction();
                let rows_expected = (n == ROWS_BEFORE_ESTIMATE && fraction > 0.0).then(|| room_for(n as usize, fraction));
                let Some(row) = stream.next_row().map_err(table)? else { break };
                each(Fields {
                    row: RowRef::Line(u32::try_from(row.line).unwrap_or(u32::MAX)),
                    cells: Cells::Csv(&row),
                    geometry: None,
                    rows_expected,
                    read: fraction,
                });
            }
        }
        Source::GeoJson(table) => {
            for (k, r) in table.rows.iter().enumerate() {
                if k > 0 && (k as u64).is_multiple_of(PROGRESS_EVERY) {
                    progress(percent(k as f64 / table.rows.len().max(1) as f64));
                }
                let rows_expected = (k == 0).then_some(table.rows.len());
                each(Fields {
                    row: RowRef::Feature(u32::try_from(r.index).unwrap_or(u32::MAX)),
                    cells: Cells::Geo(&r.values),
                    geometry: Some((r.position, r.area_m2)),
                    rows_expected,
                    read: k as f64 / table.rows.len().max(1) as f64,
                });
            }
        }
    }
    Ok(())
}

/// An imported file's content.
pub enum Source<'a> {
    /// A CSV file (read as a stream, in any encoding [`CsvStream`] reads) and its header names.
    Csv {
        /// The file.
        data: &'a dyn Reopen,
        /// Its headers.
        headers: Vec<String>,
    },
    /// A GeoJSON table.
    GeoJson(&'a GeoTable),
}

impl Source<'_> {
    /// The column names.
    pub fn headers(&self) -> &[String] {
        match self {
            Source::Csv { headers, .. } => headers,
            Source::GeoJson(t) => &t.headers,
        }
    }

    fn has_geometry(&self) -> bool {
        matches!(self, Source::GeoJson(_))
    }

    /// Up to `n` first rows, as the column-mapping step shows them (none if the CSV cannot be
    /// read: the import says why).
    pub fn sample(&self, n: usize) -> Vec<Vec<String>> {
        match self {
            Source::Csv { data, .. } => preview_of(*data, n).map(|p| p.sample).unwrap_or_default(),
            Source::GeoJson(t) => t.rows.iter().take(n).map(|r| r.values.clone()).collect(),
        }
    }

    /// The automatic column mapping for this file: the header names, and for a CSV the first rows
    /// too, for a column of both coordinates ([`auto_map_sampled`]). A GeoJSON feature's position
    /// is its geometry (or a longitude and a latitude property), never a property of both.
    pub fn auto_map(&self) -> ColumnMap {
        match self {
            Source::Csv { headers, .. } => auto_map_sampled(headers, &self.sample(5)),
            Source::GeoJson(t) => ColumnMap { lonlat: None, ..auto_map(&t.headers) },
        }
    }
}

/// Is a position mapped (two columns, one column of both, or a GeoJSON geometry)?
fn has_position(source: &Source<'_>, map: &ColumnMap) -> bool {
    (map.lon.is_some() && map.lat.is_some()) || map.lonlat.is_some() || source.has_geometry()
}

/// Reads demand: positions, counts and extra counts.
pub fn import_demand(source: &Source<'_>, map: &ColumnMap, crs: Crs) -> Result<Imported<Demand>, MappingError> {
    import_demand_reporting(source, map, crs, &mut |_| {})
}

/// [`import_demand`], calling `progress(percent)` every 100,000 rows (for big files).
pub fn import_demand_reporting(
    source: &Source<'_>,
    map: &ColumnMap,
    crs: Crs,
    progress: &mut dyn FnMut(u8),
) -> Result<Imported<Demand>, MappingError> {
    let headers = source.headers().to_vec();
    if !has_position(source, map) {
        return Err(MappingError::NoPosition);
    }
    let Some(count_col) = map.count else { return Err(MappingError::NoCount) };
    let mut d = Demand { extra_names: map.extras.iter().map(|&i| header(&headers, Some(i), "extra")).collect(), ..Demand::default() };
    d.extras = vec![Vec::new(); map.extras.len()];
    let mut c = Collector::default();
    let count_name = header(&headers, Some(count_col), "count");
    // Only a GeoJSON feature can be a polygon with an area.
    let areas = source.has_geometry();
    rows_of(source, progress, |f| {
        // Room for the rows expected; if that was short, for the rows expected now (never by
        // doubling: see [`room_for`]).
        let full = d.points.len() == d.points.capacity() && d.points.len() as u64 >= ROWS_BEFORE_ESTIMATE;
        if let Some(n) = f.rows_expected.or_else(|| full.then(|| room_for(d.points.len(), f.read).max(d.points.len() + d.points.len() / 8)))
        {
            d.reserve(n, areas);
            c.prints.reserve_exact(n.saturating_sub(c.prints.len()));
        }
        c.total_rows += 1;
        let p = match position(&f, map, &headers, crs) {
            Ok(p) => p,
            Err((field, problem)) => return c.bad(f.row, &field, problem),
        };
        let count = match number(&f.get(count_col)) {
            Ok(Some(v)) if v < 0.0 => return c.bad(f.row, &count_name, Problem::Negative),
            Ok(Some(v)) => v,
            Ok(None) => return c.bad(f.row, &count_name, Problem::Missing),
            Err(problem) => return c.bad(f.row, &count_name, problem),
        };
        let mut extras = Vec::with_capacity(map.extras.len());
        for (&col, name) in map.extras.iter().zip(&d.extra_names) {
            match number(&f.get(col)) {
                Ok(Some(v)) if v < 0.0 => return c.bad(f.row, name, Problem::Negative),
                Ok(v) => extras.push(v.unwrap_or(0.0)),
                Err(problem) => return c.bad(f.row, name, problem),
            }
        }
        let name = map.name.map(|i| f.get(i)).unwrap_or_default();
        if d.names.text.len() + name.len() > d.names.text.capacity() && d.points.len() as u64 >= ROWS_BEFORE_ESTIMATE {
            // The names are longer than the first ones said: room for the rest at the length
            // of those so far, and a quarter more (not by doubling).
            let rest = room_for(d.points.len(), f.read).max(d.points.len() + d.points.len() / 8) - d.points.len();
            let each = (d.names.text.len() * 5 / 4).div_ceil(d.points.len());
            d.names.text.reserve_exact(rest.saturating_mul(each).max(name.len()));
        }
        c.keep(&f, p, &name, d.points.len());
        d.points.push(p);
        d.counts.push(count);
        for (k, v) in extras.into_iter().enumerate() {
            d.extras[k].push(v);
        }
        d.names.push(&name);
        if areas {
            d.area_m2.push(f.geometry.and_then(|(_, a)| a).unwrap_or(f64::NAN));
        }
        d.rows.push(f.row);
    })?;
    d.shrink_to_fit();
    Ok(finish(d, c, crs, &headers, map))
}

/// Reads sites: positions, and names, capacity and cost when mapped.
pub fn import_sites(source: &Source<'_>, map: &ColumnMap, crs: Crs) -> Result<Imported<Sites>, MappingError> {
    import_sites_reporting(source, map, crs, &mut |_| {})
}

/// [`import_sites`], calling `progress(percent)` every 100,000 rows (for big files).
pub fn import_sites_reporting(
    source: &Source<'_>,
    map: &ColumnMap,
    crs: Crs,
    progress: &mut dyn FnMut(u8),
) -> Result<Imported<Sites>, MappingError> {
    let headers = source.headers().to_vec();
    if !has_position(source, map) {
        return Err(MappingError::NoPosition);
    }
    let mut s = Sites::default();
    let mut c = Collector::default();
    rows_of(source, progress, |f| {
        c.total_rows += 1;
        let p = match position(&f, map, &headers, crs) {
            Ok(p) => p,
            Err((field, problem)) => return c.bad(f.row, &field, problem),
        };
        let optional = |col: Option<usize>, fallback: &str| -> Result<f64, (String, Problem)> {
            let Some(col) = col else { return Ok(f64::NAN) };
            let name = header(&headers, Some(col), fallback);
            match number(&f.get(col)) {
                Ok(Some(v)) if v < 0.0 => Err((name, Problem::Negative)),
                Ok(v) => Ok(v.unwrap_or(f64::NAN)),
                Err(problem) => Err((name, problem)),
            }
        };
        let capacity = match optional(map.capacity, "capacity") {
            Ok(v) => v,
            Err((field, problem)) => return c.bad(f.row, &field, problem),
        };
        let cost = match optional(map.cost, "cost") {
            Ok(v) => v,
            Err((field, problem)) => return c.bad(f.row, &field, problem),
        };
        let name = map.name.map(|i| f.get(i).into_owned()).unwrap_or_default();
        c.keep(&f, p, &name, s.points.len());
        s.points.push(p);
        s.names.push(name);
        s.capacity.push(capacity);
        s.cost.push(cost);
        s.rows.push(f.row);
    })?;
    Ok(finish(s, c, crs, &headers, map))
}

/// The biggest file (in bytes, 50 MiB) the planner keeps on the device so that a reload brings it
/// back. Keeping a file there makes the browser copy it (about twice its size in the browser's own
/// process while copying: +440 MB for a 200 MB CSV, measured by `tools/big-file-bench.mjs`), which
/// alone would break the 1 GB budget for big files; above this size the planner keeps only the
/// settings and mapping, says so, and asks for the file again after a reload.
pub const KEPT_ON_DEVICE_MAX: u64 = 50 << 20;

/// Whether a file of `bytes` bytes is kept on the device (at most [`KEPT_ON_DEVICE_MAX`]).
pub fn kept_on_device(bytes: u64) -> bool {
    bytes <= KEPT_ON_DEVICE_MAX
}

#[cfg(test)]
mod kept_tests {
    use super::*;

    #[test]
    fn files_up_to_fifty_mebibytes_are_kept_on_the_device() {
        // 50 × 1024 × 1024 = 52,428,800 bytes is the last size kept.
        assert!(kept_on_device(0));
        assert!(kept_on_device(52_428_800));
        assert!(!kept_on_device(52_428_801));
        // The benchmark's 200 MB demand file (209,715,200 bytes) is not.
        assert!(!kept_on_device(209_715_200));
    }
}

#[cfg(test)]
mod weightable_tests {
    use super::*;

    #[test]
    fn only_unused_numeric_columns_can_be_weighted() {
        // 小区名称, 经度, 纬度, 60岁以上, 80岁以上, 备注, 失能 (one blank)
        let sample: Vec<Vec<String>> =
            [["和平里", "113.30", "23.10", "120", "30", "近地铁", "4"], ["东风苑", "113.31", "23.11", "1,200", "250", "", ""]]
                .iter()
                .map(|r| r.iter().map(|v| v.to_string()).collect())
                .collect();
        let map = ColumnMap { name: Some(0), lon: Some(1), lat: Some(2), count: Some(3), ..ColumnMap::default() };
        // Name, longitude, latitude and the count are in use; 备注 is text: 80岁以上 and 失能 remain.
        assert_eq!(weightable_columns(7, &sample, &map), vec![4, 6]);
        // Unmapped coordinates are numbers, so they stay offered until mapped.
        assert_eq!(weightable_columns(7, &sample, &ColumnMap { name: Some(0), ..ColumnMap::default() }), vec![1, 2, 3, 4, 6]);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A big file reports how far it has got every 100,000 rows, as the share of its bytes read.
    /// 250,001 rows of 31 bytes after a 17-byte header (7,750,048 bytes): row 100,000 starts at
    /// byte 17 + 99,999 × 31 = 3,099,986 → 39 %; row 200,000 at 6,199,986 → 79 %.
    #[test]
    fn big_imports_report_progress() {
        let mut text = String::from("name,lon,lat,pop\n");
        for i in 0..250_001 {
            text.push_str(&format!("{i:07},113.000000,23.000000,5\n"));
        }
        assert_eq!(text.len(), 7_750_048);
        let (source, map) = csv_source(&text);
        let mut seen = Vec::new();
        let imp = import_demand_reporting(&source, &map, Crs::Wgs84, &mut |p| seen.push(p)).expect("mapped");
        assert_eq!(imp.total_rows, 250_001);
        assert_eq!(seen, vec![39, 79]);
    }

    fn csv_source(data: &dyn Reopen) -> (Source<'_>, ColumnMap) {
        let headers = preview_of(data, 0).expect("headers").headers;
        let map = auto_map(&headers);
        (Source::Csv { data, headers }, map)
    }

    /// Line 8 repeats line 2 exactly (every column, and a name): left out and summed up, no
    /// longer a bad row.
    #[test]
    fn good_rows_in_bad_rows_out_each_with_line_and_field() {
        let text = "社区,经度,纬度,60岁以上,80岁以上\n\
            甲,113.30,23.10,1200,300\n\
            乙,abc,23.11,800,100\n\
            丙,113.32,NaN,500,50\n\
            丁,23.12,113.33,400,40\n\
            戊,113.34,23.14,-5,0\n\
            己,113.35,23.15,,10\n\
            甲,113.30,23.10,1200,300\n\
            庚,113.36,23.16,\"1,050\",105\n";
        let (source, map) = csv_source(&text);
        let imp = import_demand(&source, &map, Crs::Wgs84).expect("mapped");
        assert_eq!(imp.total_rows, 8);
        assert_eq!(imp.data.counts, vec![1200.0, 1050.0]);
        assert_eq!(imp.data.extras, vec![vec![300.0, 105.0]]);
        assert_eq!(imp.data.extra_names, vec!["80岁以上"]);
        let found: Vec<(RowRef, &str, &Problem)> = imp.issues.iter().map(|i| (i.row, i.field.as_str(), &i.problem)).collect();
        assert_eq!(
            found,
            vec![
                (RowRef::Line(3), "经度", &Problem::NotANumber { found: "abc".into() }),
                (RowRef::Line(4), "纬度", &Problem::NotFinite),
                (RowRef::Line(5), "纬度", &Problem::Swapped),
                (RowRef::Line(6), "60岁以上", &Problem::Negative),
                (RowRef::Line(7), "60岁以上", &Problem::Missing),
            ]
        );
        assert_eq!(imp.bad_rows, 5);
        assert_eq!(imp.warnings, vec![FileWarning::ExactDuplicates { rows: 1, first: vec![RowRef::Line(8)] }]);
    }

    /// Real geocoded data: two compounds at one point, the same compound with two counts, two
    /// unnamed rows at one address — all kept. Only rows identical in every column (with a name)
    /// are left out, counted once and reported as one summary.
    #[test]
    fn numbers_read_fast_are_read_as_the_standard_library_reads_them() {
        let cells = [
            "0",
            "-0",
            "1",
            "+1",
            "1.",
            ".5",
            "1e5",
            "1E-5",
            "113.264385",
            "23.129163",
            "007",
            "1e400",
            "-1e400",
            "4.9e-324",
            "nan",
            "NaN",
            "inf",
            "-inf",
            "Infinity",
            "",
            "1e",
            "e5",
            "--1",
            "1.2.3",
            "0x10",
            "1,5",
            "１２",
        ];
        for cell in cells {
            let fast = parse_f64(cell).ok().map(|v| if v.is_nan() { u64::MAX } else { v.to_bits() });
            let std = cell.parse::<f64>().ok().map(|v| if v.is_nan() { u64::MAX } else { v.to_bits() });
            assert_eq!(fast, std, "{cell:?}");
        }
    }

    #[test]
    fn exact_repeats_keep_the_first_of_each_and_tell_near_misses_apart() {
        // Places 0, 2 and 5 share a whole fingerprint (0 is kept); 1 and 4 too (1 is kept); 3
        // shares only the high 64 bits with 0 (a different row).
        let print = |hi: u64, next: u64, place: u64| [hi, (next << 32) | place];
        let prints = vec![print(5, 7, 0), print(3, 1, 1), print(5, 7, 2), print(5, 8, 3), print(3, 1, 4), print(5, 7, 5)];
        assert_eq!(exact_repeats(prints), vec![2, 4, 5]);
        assert_eq!(exact_repeats(Vec::new()), Vec::<u32>::new());
        let mut v = vec!['a', 'b', 'c', 'd', 'e', 'f'];
        drop_places(&mut v, &[2, 4, 5]);
        assert_eq!(v, vec!['a', 'b', 'd']);
    }

    #[test]
    fn a_rows_place_costs_8_bytes() {
        // A tag and a 32-bit number, kept for each of millions of rows.
        assert_eq!(std::mem::size_of::<RowRef>(), 8);
        assert_eq!(RowRef::Line(u32::MAX).text(Locale::En), "line 4294967295");
        assert_eq!(RowRef::Feature(0).text(Locale::ZhCn), "第 1 个要素");
    }

    #[test]
    fn names_are_one_string() {
        let names: Names = ["和平里", "", "B栋"].into_iter().collect();
        assert_eq!((names.len(), names.get(0), names.get(1), names.get(2), names.get(3)), (3, "和平里", "", "B栋", ""));
        assert_eq!(names.without(&[0]).iter().collect::<Vec<_>>(), vec!["", "B栋"]);
        assert_eq!(serde_json::to_string(&names).expect("json"), r#"["和平里","","B栋"]"#);
    }

    #[test]
    fn rows_sharing_a_position_are_kept_and_only_exact_repeats_counted_once() {
        let text = "名称,经度,纬度,60岁以上\n\
            和平里,113.30,23.10,100\n\
            东风苑,113.30,23.10,80\n\
            和平里,113.30,23.10,100\n\
            和平里,113.30,23.10,90\n\
            ,113.31,23.11,1\n\
            ,113.31,23.11,1\n\
            和平里,113.30,23.10,100\n\
            东风苑,113.30,23.10,80\n\
            和平里,113.30,23.10,100\n\
            和平里,113.30,23.10,100\n";
        let (source, map) = csv_source(&text);
        let imp = import_demand(&source, &map, Crs::Wgs84).expect("mapped");
        // Kept: lines 2, 3, 5, 6, 7 = 100 + 80 + 90 + 1 + 1 = 272 people. Left out: lines 4, 8,
        // 9, 10, 11 (5 rows; the first three listed).
        assert_eq!((imp.total_rows, imp.bad_rows), (10, 0));
        assert!(imp.issues.is_empty());
        assert_eq!(imp.data.counts, vec![100.0, 80.0, 90.0, 1.0, 1.0]);
        assert_eq!(imp.data.counts.iter().sum::<f64>(), 272.0);
        assert_eq!(imp.data.rows, [2, 3, 5, 6, 7].map(RowRef::Line));
        let summary = FileWarning::ExactDuplicates { rows: 5, first: vec![RowRef::Line(4), RowRef::Line(8), RowRef::Line(9)] };
        assert_eq!(imp.warnings, vec![summary.clone()]);
        assert_eq!(summary.core_message(Locale::ZhCn).as_deref(), Some("5 行与前面的行完全相同（第 4、8、9 行…），只算一次"));

        // A different id (an unmapped column) makes a different row.
        let text = "id,name,lng,lat,count\nB001,甲,113.3,23.1,5\nB002,甲,113.3,23.1,5\nB001,甲,113.3,23.1,5\n";
        let (source, map) = csv_source(&text);
        let imp = import_demand(&source, &map, Crs::Wgs84).expect("mapped");
        assert_eq!(imp.data.counts, vec![5.0, 5.0]);
        assert_eq!(imp.warnings, vec![FileWarning::ExactDuplicates { rows: 1, first: vec![RowRef::Line(4)] }]);

        // Candidate sites: the same.
        let text = "候选点,经度,纬度\nA,113.3,23.1\nB,113.3,23.1\nA,113.3,23.1\n";
        let (source, map) = csv_source(&text);
        let imp = import_sites(&source, &map, Crs::Wgs84).expect("mapped");
        assert_eq!(imp.data.names, vec!["A", "B"]);
        assert_eq!((imp.bad_rows, imp.warnings.len()), (0, 1));
    }

    #[test]
    fn exact_repeats_of_geojson_features_are_counted_once() {
        let feature = |name: &str, lon: f64| {
            format!(
                r#"{{"type":"Feature","properties":{{"name":"{name}","pop":7}},"geometry":{{"type":"Point","coordinates":[{lon},23.1]}}}}"#
            )
        };
        let text = format!(
            r#"{{"type":"FeatureCollection","features":[{},{},{},{}]}}"#,
            feature("甲", 113.3),
            feature("甲", 113.3),
            feature("乙", 113.3),
            feature("甲", 113.4)
        );
        let table = crate::core::io::geojson_in::read(&text).expect("GeoJSON");
        let source = Source::GeoJson(&table);
        let map = ColumnMap { name: Some(0), count: Some(1), ..ColumnMap::default() };
        let imp = import_demand(&source, &map, Crs::Wgs84).expect("mapped");
        // The second feature (index 1) repeats the first; the third has another name, the fourth
        // another position: 3 × 7 = 21 people.
        assert_eq!(imp.data.counts.iter().sum::<f64>(), 21.0);
        assert_eq!(imp.warnings, vec![FileWarning::ExactDuplicates { rows: 1, first: vec![RowRef::Feature(1)] }]);
    }

    #[test]
    fn areas_only_where_a_file_can_have_them() {
        // A CSV table: no column of areas at all (it would be NaN on every row).
        let text = "名称,经度,纬度,60岁以上\n甲,113.3,23.1,5\n乙,113.4,23.2,6\n";
        let (source, map) = csv_source(&text);
        let imp = import_demand(&source, &map, Crs::Wgs84).expect("mapped");
        assert_eq!((imp.data.points.len(), imp.data.area_m2.len()), (2, 0));
        // GeoJSON: a point (NaN) and a square of 0.01° at 23° N — about 1.11 km × 1.02 km, so
        // between 1.1 and 1.2 km².
        let text = r#"{"type":"FeatureCollection","features":[
            {"type":"Feature","properties":{"pop":3},"geometry":{"type":"Point","coordinates":[113.3,23.1]}},
            {"type":"Feature","properties":{"pop":4},"geometry":{"type":"Polygon","coordinates":[[[113.0,23.0],[113.01,23.0],[113.01,23.01],[113.0,23.01],[113.0,23.0]]]}}]}"#;
        let table = crate::core::io::geojson_in::read(text).expect("GeoJSON");
        let imp =
            import_demand(&Source::GeoJson(&table), &ColumnMap { count: Some(0), ..ColumnMap::default() }, Crs::Wgs84).expect("mapped");
        assert_eq!(imp.data.area_m2.len(), 2);
        assert!(imp.data.area_m2[0].is_nan());
        assert!((1.1e6..1.2e6).contains(&imp.data.area_m2[1]), "{}", imp.data.area_m2[1]);
    }

    /// A 高德-style POI export: the position in one `location` column, in every form, and each
    /// way a cell can be wrong, named by its line and the column.
    #[test]
    fn one_column_of_both_coordinates() {
        let text = "name,type,location,人口\n\
            A,住宅区,\"113.264385,23.129112\",120\n\
            B,住宅区,113.27 23.13,80\n\
            C,住宅区,113.28，23.14,60\n\
            D,住宅区,113.29,50\n\
            E,住宅区,\"23.13,113.30\",40\n\
            F,住宅区,\"113.31,95.5\",30\n\
            G,住宅区,POINT(113.32 23.15),20\n\
            H,住宅区,,10\n\
            I,住宅区,\"LINESTRING(113 23,114 24)\",5\n\
            J,住宅区,\"NaN,23\",5\n\
            K,住宅区,\"190.1,23.1\",5\n";
        let (source, map) = csv_source(&text);
        assert_eq!((map.lonlat, map.lon, map.lat, map.count), (Some(2), None, None, Some(3)));
        assert_eq!(source.auto_map(), map);
        let imp = import_demand(&source, &map, Crs::Wgs84).expect("mapped");
        assert_eq!(imp.total_rows, 11);
        assert_eq!(imp.data.counts, vec![120.0, 80.0, 60.0, 20.0]);
        let at = |i: usize| (imp.data.points[i].lon, imp.data.points[i].lat);
        assert_eq!((at(0), at(1), at(2), at(3)), ((113.264385, 23.129112), (113.27, 23.13), (113.28, 23.14), (113.32, 23.15)));
        let found: Vec<(RowRef, &str, &Problem)> = imp.issues.iter().map(|i| (i.row, i.field.as_str(), &i.problem)).collect();
        assert_eq!(
            found,
            vec![
                (RowRef::Line(5), "location", &Problem::NotTwoNumbers { found: "113.29".into() }),
                (RowRef::Line(6), "location", &Problem::Swapped),
                (RowRef::Line(7), "location", &Problem::LatOutOfRange),
                (RowRef::Line(9), "location", &Problem::Missing),
                (RowRef::Line(10), "location", &Problem::NotAPoint { found: "LINESTRING".into() }),
                (RowRef::Line(11), "location", &Problem::NotFinite),
                (RowRef::Line(12), "location", &Problem::LonOutOfRange),
            ]
        );
        assert_eq!(imp.bad_rows, 7);
        // One swapped row of eleven is not "most rows".
        assert!(imp.warnings.is_empty(), "{:?}", imp.warnings);
    }

    #[test]
    fn one_column_is_converted_like_two_and_latitude_first_is_named() {
        // The same GCJ-02 (and then BD-09) positions in two columns and in one: the same WGS84 points.
        let two = "name,lng,lat,count\nA,113.264385,23.129112,1\nB,113.3296,23.1265,2\n";
        let one = "name,location,count\nA,\"113.264385,23.129112\",1\nB,POINT(113.3296 23.1265),2\n";
        for crs in [Crs::Gcj02, Crs::Bd09] {
            let (s2, m2) = csv_source(&two);
            let (s1, m1) = csv_source(&one);
            let a = import_demand(&s2, &m2, crs).expect("mapped");
            let b = import_demand(&s1, &m1, crs).expect("mapped");
            assert_eq!(a.data.points, b.data.points);
            // And they did move: GCJ-02 and BD-09 are some hundreds of metres off WGS84.
            let moved = crate::core::geo::distance_m(b.data.points[0], LonLat::new(113.264385, 23.129112));
            assert!(moved > 100.0, "{moved}");
        }
        // Every row latitude first: split the column (not "swap the two columns").
        let text = "name,经纬度,count\nA,\"23.13,113.26\",1\nB,\"23.14,113.27\",2\n";
        let (source, map) = csv_source(&text);
        let imp = import_demand(&source, &map, Crs::Wgs84).expect("mapped");
        assert_eq!(imp.bad_rows, 2);
        assert_eq!(imp.warnings, vec![FileWarning::MostlyLatitudeFirst]);
        // Unmapped: no position at all.
        let none = ColumnMap { count: Some(2), ..ColumnMap::default() };
        assert_eq!(import_demand(&source, &none, Crs::Wgs84).err(), Some(MappingError::NoPosition));
    }

    #[test]
    fn gcj02_is_converted_and_a_mismatch_is_flagged() {
        let text = "name,gcj_lng,gcj_lat,elderly\nA,113.3296,23.1265,100\n";
        let (source, map) = csv_source(&text);
        let as_wgs = import_demand(&source, &map, Crs::Wgs84).expect("mapped");
        assert_eq!(as_wgs.warnings, vec![FileWarning::CrsMismatch { chosen: Crs::Wgs84, hinted: Crs::Gcj02 }]);
        let as_gcj = import_demand(&source, &map, Crs::Gcj02).expect("mapped");
        assert!(as_gcj.warnings.is_empty());
        let moved = crate::core::geo::distance_m(as_wgs.data.points[0], as_gcj.data.points[0]);
        assert!((300.0..700.0).contains(&moved), "{moved}");
    }

    #[test]
    fn mostly_swapped_files_are_recognised() {
        let text = "lon,lat,count\n23.1,113.3,1\n23.2,113.4,2\n";
        let (source, map) = csv_source(&text);
        let imp = import_demand(&source, &map, Crs::Wgs84).expect("mapped");
        assert_eq!(imp.bad_rows, 2);
        assert!(imp.warnings.contains(&FileWarning::MostlySwapped));
    }

    #[test]
    fn sites_with_capacity_and_unmapped_files() {
        let text = "候选点,经度,纬度,日供餐能力,建设成本\nA,113.3,23.1,200,50\nB,113.4,23.2,,\n";
        let (source, map) = csv_source(&text);
        let imp = import_sites(&source, &map, Crs::Wgs84).expect("mapped");
        assert_eq!(imp.data.names, vec!["A", "B"]);
        assert_eq!(imp.data.capacity[0], 200.0);
        assert!(imp.data.capacity[1].is_nan());
        let (source, _) = csv_source(&"a,b\n1,2\n");
        assert_eq!(import_sites(&source, &ColumnMap::default(), Crs::Wgs84).err(), Some(MappingError::NoPosition));
        assert_eq!(
            import_demand(&source, &ColumnMap { lon: Some(0), lat: Some(1), ..ColumnMap::default() }, Crs::Wgs84).err(),
            Some(MappingError::NoCount)
        );
    }
}
