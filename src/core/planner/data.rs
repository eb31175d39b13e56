//! Demand and sites from imported files: a CSV table or GeoJSON, a column mapping and a
//! coordinate system in; checked arrays in WGS84 out, with every bad row reported by line (or
//! feature) and field. Bad rows are left out of the data; the caller decides, with the user,
//! whether to go on without them or to stop.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use super::words::words;
use crate::core::geo::LonLat;
use crate::core::io::columns::{crs_hint, ColumnMap};
use crate::core::io::crs::{in_china, Crs};
use crate::core::io::geojson_in::GeoTable;
use crate::core::io::table::{for_each_row, TableError};
use crate::core::Locale;

/// Where a row is in its file.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RowRef {
    /// A CSV line (1-based, the header is line 1).
    Line(u64),
    /// A GeoJSON feature (0-based index).
    Feature(usize),
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
    /// The same position and name as an earlier row.
    Duplicate {
        /// The earlier row.
        first: RowRef,
    },
    /// A GeoJSON feature with no usable geometry.
    NoGeometry,
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
}

impl RowRef {
    /// Where the row is, in words: "第 3 行", "line 3"; a feature is counted from 1 ("第 1 个要素",
    /// "feature 1").
    pub fn text(self, locale: Locale) -> String {
        let w = words(locale);
        match self {
            RowRef::Line(n) => (w.row_line)(n),
            RowRef::Feature(i) => (w.row_feature)(i + 1),
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
    pub names: Vec<String>,
    /// Cell area in m² for polygons (NaN for points).
    pub area_m2: Vec<f64>,
    /// Where each point came from.
    pub rows: Vec<RowRef>,
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

/// One row's fields, however the file stores them.
struct Fields<'a> {
    row: RowRef,
    get: Box<dyn Fn(usize) -> &'a str + 'a>,
    geometry: Option<(Option<LonLat>, Option<f64>)>,
}

fn number(text: &str) -> Result<Option<f64>, Problem> {
    let t = text.trim();
    if t.is_empty() {
        return Ok(None);
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
    let used = [map.lon, map.lat, map.count, map.name, map.capacity, map.cost];
    (0..n_columns)
        .filter(|i| !used.contains(&Some(*i)))
        .filter(|&i| {
            let values: Vec<&str> = sample.iter().filter_map(|row| row.get(i)).map(|v| v.as_str()).collect();
            let numbers = values.iter().filter(|v| matches!(number(v), Ok(Some(_)))).count();
            numbers > 0 && values.iter().all(|v| number(v).is_ok())
        })
        .collect()
}

/// What an import finds row by row: problems, counts, and the rows already read.
#[derive(Default)]
struct Collector {
    issues: Vec<RowIssue>,
    bad_rows: usize,
    total_rows: usize,
    swapped: usize,
    outside_china: usize,
    /// First row at each position with each name.
    seen: HashMap<(u64, u64, String), RowRef>,
}

impl Collector {
    /// Records a row's position and name. `false` (and the row counted bad, on `field`) if an
    /// earlier row had both; otherwise notes a position outside China.
    fn first_at(&mut self, row: RowRef, p: LonLat, name: &str, field: &str) -> bool {
        let key = (p.lon.to_bits(), p.lat.to_bits(), name.to_string());
        if let Some(&first) = self.seen.get(&key) {
            self.bad(row, field, Problem::Duplicate { first });
            return false;
        }
        self.seen.insert(key, row);
        if !in_china(p) {
            self.outside_china += 1;
        }
        true
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

/// The row's position, checked and converted; `Err` with the field at fault.
fn position(f: &Fields<'_>, map: &ColumnMap, headers: &[String], crs: Crs) -> Result<LonLat, (String, Problem)> {
    // Column names only for a row at fault: this runs for every row of a big file.
    let lon_name = || header(headers, map.lon, "lon");
    let lat_name = || header(headers, map.lat, "lat");
    let p = match (map.lon, map.lat, &f.geometry) {
        (Some(lo), Some(la), _) => {
            let lon = number((f.get)(lo)).map_err(|p| (lon_name(), p))?.ok_or_else(|| (lon_name(), Problem::Missing))?;
            let lat = number((f.get)(la)).map_err(|p| (lat_name(), p))?.ok_or_else(|| (lat_name(), Problem::Missing))?;
            LonLat::new(lon, lat)
        }
        (_, _, Some((Some(p), _))) => *p,
        (_, _, Some((None, _))) => return Err(("geometry".into(), Problem::NoGeometry)),
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

fn finish<T>(data: T, c: Collector, crs: Crs, headers: &[String]) -> Imported<T> {
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
        warnings.push(FileWarning::MostlySwapped);
    }
    Imported { data, issues: c.issues, bad_rows: c.bad_rows, total_rows: c.total_rows, warnings }
}

/// Rows between two progress reports.
const PROGRESS_EVERY: u64 = 100_000;

fn rows_of<'a>(source: &'a Source<'a>, progress: &mut dyn FnMut(u8), mut each: impl FnMut(Fields<'_>)) -> Result<(), MappingError> {
    let percent = |done: usize, all: usize| (done.saturating_mul(100) / all.max(1)).min(99) as u8;
    match source {
        Source::Csv { text, .. } => {
            let mut n = 0u64;
            for_each_row(text, |line, record| {
                n += 1;
                if n.is_multiple_of(PROGRESS_EVERY) {
                    progress(percent(record.position().map_or(0, |p| p.byte() as usize), text.len()));
                }
                let get = move |i: usize| record.get(i).unwrap_or("");
                each(Fields { row: RowRef::Line(line), get: Box::new(get), geometry: None });
            })
            .map_err(|e: TableError| MappingError::Table(e.to_string()))?;
        }
        Source::GeoJson(table) => {
            for (k, r) in table.rows.iter().enumerate() {
                if k > 0 && (k as u64).is_multiple_of(PROGRESS_EVERY) {
                    progress(percent(k, table.rows.len()));
                }
                let get = move |i: usize| r.values.get(i).map_or("", String::as_str);
                each(Fields { row: RowRef::Feature(r.index), get: Box::new(get), geometry: Some((r.position, r.area_m2)) });
            }
        }
    }
    Ok(())
}

/// An imported file's content.
pub enum Source<'a> {
    /// CSV text and its header names.
    Csv {
        /// The decoded text.
        text: &'a str,
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
    if (map.lon.is_none() || map.lat.is_none()) && !source.has_geometry() {
        return Err(MappingError::NoPosition);
    }
    let Some(count_col) = map.count else { return Err(MappingError::NoCount) };
    let mut d = Demand { extra_names: map.extras.iter().map(|&i| header(&headers, Some(i), "extra")).collect(), ..Demand::default() };
    d.extras = vec![Vec::new(); map.extras.len()];
    let mut c = Collector::default();
    let duplicate_field = header(&headers, map.name.or(map.lon), "position");
    let count_name = header(&headers, Some(count_col), "count");
    rows_of(source, progress, |f| {
        c.total_rows += 1;
        let p = match position(&f, map, &headers, crs) {
            Ok(p) => p,
            Err((field, problem)) => return c.bad(f.row, &field, problem),
        };
        let count = match number((f.get)(count_col)) {
            Ok(Some(v)) if v < 0.0 => return c.bad(f.row, &count_name, Problem::Negative),
            Ok(Some(v)) => v,
            Ok(None) => return c.bad(f.row, &count_name, Problem::Missing),
            Err(problem) => return c.bad(f.row, &count_name, problem),
        };
        let mut extras = Vec::with_capacity(map.extras.len());
        for (&col, name) in map.extras.iter().zip(&d.extra_names) {
            match number((f.get)(col)) {
                Ok(Some(v)) if v < 0.0 => return c.bad(f.row, name, Problem::Negative),
                Ok(v) => extras.push(v.unwrap_or(0.0)),
                Err(problem) => return c.bad(f.row, name, problem),
            }
        }
        let name = map.name.map(|i| (f.get)(i).to_string()).unwrap_or_default();
        if !c.first_at(f.row, p, &name, &duplicate_field) {
            return;
        }
        d.points.push(p);
        d.counts.push(count);
        for (k, v) in extras.into_iter().enumerate() {
            d.extras[k].push(v);
        }
        d.names.push(name);
        d.area_m2.push(f.geometry.and_then(|(_, a)| a).unwrap_or(f64::NAN));
        d.rows.push(f.row);
    })?;
    Ok(finish(d, c, crs, &headers))
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
    if (map.lon.is_none() || map.lat.is_none()) && !source.has_geometry() {
        return Err(MappingError::NoPosition);
    }
    let mut s = Sites::default();
    let mut c = Collector::default();
    let duplicate_field = header(&headers, map.name.or(map.lon), "position");
    rows_of(source, progress, |f| {
        c.total_rows += 1;
        let p = match position(&f, map, &headers, crs) {
            Ok(p) => p,
            Err((field, problem)) => return c.bad(f.row, &field, problem),
        };
        let optional = |col: Option<usize>, fallback: &str| -> Result<f64, (String, Problem)> {
            let Some(col) = col else { return Ok(f64::NAN) };
            let name = header(&headers, Some(col), fallback);
            match number((f.get)(col)) {
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
        let name = map.name.map(|i| (f.get)(i).to_string()).unwrap_or_default();
        if !c.first_at(f.row, p, &name, &duplicate_field) {
            return;
        }
        s.points.push(p);
        s.names.push(name);
        s.capacity.push(capacity);
        s.cost.push(cost);
        s.rows.push(f.row);
    })?;
    Ok(finish(s, c, crs, &headers))
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
    use crate::core::io::columns::auto_map;
    use crate::core::io::table::preview;

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

    fn csv_source(text: &str) -> (Source<'_>, ColumnMap) {
        let headers = preview(text, 0).expect("headers").headers;
        let map = auto_map(&headers);
        (Source::Csv { text, headers }, map)
    }

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
        let (source, map) = csv_source(text);
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
                (RowRef::Line(8), "社区", &Problem::Duplicate { first: RowRef::Line(2) }),
            ]
        );
        assert_eq!(imp.bad_rows, 6);
    }

    #[test]
    fn gcj02_is_converted_and_a_mismatch_is_flagged() {
        let text = "name,gcj_lng,gcj_lat,elderly\nA,113.3296,23.1265,100\n";
        let (source, map) = csv_source(text);
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
        let (source, map) = csv_source(text);
        let imp = import_demand(&source, &map, Crs::Wgs84).expect("mapped");
        assert_eq!(imp.bad_rows, 2);
        assert!(imp.warnings.contains(&FileWarning::MostlySwapped));
    }

    #[test]
    fn sites_with_capacity_and_unmapped_files() {
        let text = "候选点,经度,纬度,日供餐能力,建设成本\nA,113.3,23.1,200,50\nB,113.4,23.2,,\n";
        let (source, map) = csv_source(text);
        let imp = import_sites(&source, &map, Crs::Wgs84).expect("mapped");
        assert_eq!(imp.data.names, vec!["A", "B"]);
        assert_eq!(imp.data.capacity[0], 200.0);
        assert!(imp.data.capacity[1].is_nan());
        let (source, _) = csv_source("a,b\n1,2\n");
        assert_eq!(import_sites(&source, &ColumnMap::default(), Crs::Wgs84).err(), Some(MappingError::NoPosition));
        assert_eq!(
            import_demand(&source, &ColumnMap { lon: Some(0), lat: Some(1), ..ColumnMap::default() }, Crs::Wgs84).err(),
            Some(MappingError::NoCount)
        );
    }
}
