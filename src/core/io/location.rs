//! One cell holding both coordinates, as point-of-interest exports and hand-kept lists write them:
//!
//! - 高德 (Amap) exports' `location`: `113.264385,23.129112` (longitude first);
//! - `经纬度` / `坐标` typed by hand: `113.26 23.13`, `113.26，23.13` (a full-width comma),
//!   `(113.26, 23.13)`, full-width digits;
//! - labelled pairs, as Baidu's and Tencent's place searches return them:
//!   `{"lat":23.13,"lng":113.26}`, `lng=113.26;lat=23.13`, `经度:113.26 纬度:23.13`, and
//!   hemispheres: `23.13°N, 113.26°E`;
//! - WKT points: `POINT(113.26 23.13)`, `point (113.26 23.13)`, `SRID=4326;POINT(…)`,
//!   `POINT Z (113.26 23.13 10)`.
//!
//! Text in, a longitude and a latitude out, as the text gives them (an unlabelled pair is
//! longitude first, as in WKT and GeoJSON). Whether they are in range or look swapped, and which
//! coordinate system they are in, is the importer's business.
//!
//! ```
//! use zhucan::core::io::location::{parse, LocationError};
//! let p = parse("113.264385,23.129112").expect("a position").expect("not empty");
//! assert_eq!((p.lon, p.lat), (113.264385, 23.129112));
//! let p = parse("SRID=4326;point (113.26 23.13)").expect("a position").expect("not empty");
//! assert_eq!((p.lon, p.lat), (113.26, 23.13));
//! assert_eq!(parse(" "), Ok(None));
//! assert_eq!(parse("113.26"), Err(LocationError::NotTwoNumbers));
//! ```

use std::borrow::Cow;

use crate::core::geo::LonLat;
use crate::core::text_input::half_width;

/// Why a cell is not one position.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LocationError {
    /// Not two numbers (one, three, words, or labels that are not a longitude and a latitude).
    NotTwoNumbers,
    /// A number that is NaN or infinite.
    NotFinite,
    /// A WKT geometry that is not a point (its type, upper case: `LINESTRING`, `POLYGON` …).
    NotAPoint(String),
}

/// WKT geometry types other than a point, which a cell may hold instead of one.
const OTHER_WKT: [&str; 7] = ["LINESTRING", "POLYGON", "MULTIPOINT", "MULTILINESTRING", "MULTIPOLYGON", "GEOMETRYCOLLECTION", "TRIANGLE"];

/// Reads one cell: `Ok(None)` when it is empty (or a WKT `POINT EMPTY`).
pub fn parse(text: &str) -> Result<Option<LonLat>, LocationError> {
    let t = text.trim();
    if t.is_empty() {
        return Ok(None);
    }
    // Most cells are ASCII; only the others pay for the full-width clean-up.
    let t: Cow<'_, str> = if t.is_ascii() { Cow::Borrowed(t) } else { Cow::Owned(half_width_all(t)) };
    let t = t.trim();
    if let Some(wkt) = wkt(t) {
        return wkt;
    }
    let t = t.trim_start_matches(['(', '[', '{']).trim_end_matches([')', ']', '}']);
    let tokens: Vec<&str> = t
        .split(|c: char| c == ',' || c == ';' || c == ':' || c == '=' || c == '"' || c == '\'' || c.is_whitespace())
        .filter(|s| !s.is_empty())
        .collect();
    let labelled = tokens.iter().any(|s| s.parse::<f64>().is_err() && label(s).is_some());
    if labelled {
        return by_labels(&tokens).map(Some);
    }
    let [a, b] = tokens.as_slice() else { return Err(LocationError::NotTwoNumbers) };
    match (hemisphere(a)?, hemisphere(b)?) {
        // "23.13°N, 113.26°E": the letters say which is which.
        ((x, Some(Axis::Lat)), (y, Some(Axis::Lon))) => Ok(Some(LonLat::new(y, x))),
        ((x, Some(Axis::Lon) | None), (y, Some(Axis::Lat) | None)) => Ok(Some(LonLat::new(x, y))),
        _ => Err(LocationError::NotTwoNumbers),
    }
}

/// Is `text` a position a column of positions would hold: two finite numbers with decimals, one of
/// them a possible latitude and both possible longitudes (in either order, so that a column
/// written latitude first is still recognised and then reported row by row as swapped)? The
/// decimals keep counts written with a separator ("1,200", or "12,5" with a decimal comma) out.
pub fn plausible(text: &str) -> bool {
    if !text.contains(['.', '．']) {
        return false;
    }
    match parse(text) {
        Ok(Some(p)) => p.lon.abs() <= 180.0 && p.lat.abs() <= 180.0 && (p.lat.abs() <= 90.0 || p.lon.abs() <= 90.0),
        _ => false,
    }
}

/// The full-width forms people type in Chinese text, as ASCII.
fn half_width_all(t: &str) -> String {
    half_width(t)
        .chars()
        .map(|c| match c {
            '；' => ';',
            '：' => ':',
            '（' => '(',
            '）' => ')',
            '【' | '［' => '[',
            '】' | '］' => ']',
            '“' | '”' => '"',
            '‘' | '’' => '\'',
            '、' => ',',
            c => c,
        })
        .collect()
}

/// A WKT geometry (after an optional `SRID=…;`): `None` when the cell is not WKT.
fn wkt(t: &str) -> Option<Result<Option<LonLat>, LocationError>> {
    let body = match t.get(..5) {
        Some(p) if p.eq_ignore_ascii_case("srid=") => match t.split_once(';') {
            Some((srid, rest)) if srid[5..].trim().parse::<u32>().is_ok() => rest.trim_start(),
            _ => return Some(Err(LocationError::NotTwoNumbers)),
        },
        _ => t,
    };
    let word_end = body.find(|c: char| !c.is_ascii_alphabetic()).unwrap_or(body.len());
    let word = body[..word_end].to_ascii_uppercase();
    if OTHER_WKT.contains(&word.as_str()) {
        return Some(Err(LocationError::NotAPoint(word)));
    }
    if word != "POINT" {
        return None;
    }
    let mut rest = body[word_end..].trim_start();
    // POINT Z, POINT M, POINT ZM: the extra numbers are ignored.
    let tag_end = rest.find(|c: char| !c.is_ascii_alphabetic()).unwrap_or(rest.len());
    let tag = rest[..tag_end].to_ascii_uppercase();
    if tag == "EMPTY" {
        return Some(Ok(None));
    }
    let extra = match tag.as_str() {
        "" | "Z" | "M" => 1,
        "ZM" => 2,
        _ => return Some(Err(LocationError::NotTwoNumbers)),
    };
    rest = rest[tag_end..].trim();
    let Some(inner) = rest.strip_prefix('(').and_then(|r| r.strip_suffix(')')) else { return Some(Err(LocationError::NotTwoNumbers)) };
    let numbers: Vec<&str> = inner.split_whitespace().collect();
    if !(2..=2 + extra).contains(&numbers.len()) {
        return Some(Err(LocationError::NotTwoNumbers));
    }
    let lon_lat = || Ok(Some(LonLat::new(number(numbers[0])?, number(numbers[1])?)));
    Some(lon_lat())
}

fn number(s: &str) -> Result<f64, LocationError> {
    match s.parse::<f64>() {
        Ok(v) if v.is_finite() => Ok(v),
        Ok(_) => Err(LocationError::NotFinite),
        Err(_) => Err(LocationError::NotTwoNumbers),
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Axis {
    Lon,
    Lat,
}

/// Which coordinate a label names (`lng`, `lat`, `经度` …).
fn label(s: &str) -> Option<Axis> {
    match s.to_ascii_lowercase().as_str() {
        "lng" | "lon" | "long" | "longitude" | "x" | "经度" | "东经" => Some(Axis::Lon),
        "lat" | "latitude" | "y" | "纬度" | "北纬" => Some(Axis::Lat),
        _ => None,
    }
}

/// `lng 113.26 lat 23.13` in any order: each label followed by its number.
fn by_labels(tokens: &[&str]) -> Result<LonLat, LocationError> {
    let (mut lon, mut lat) = (None, None);
    let mut it = tokens.iter();
    while let Some(key) = it.next() {
        let slot = match label(key) {
            Some(Axis::Lon) => &mut lon,
            Some(Axis::Lat) => &mut lat,
            None => return Err(LocationError::NotTwoNumbers),
        };
        let Some(value) = it.next() else { return Err(LocationError::NotTwoNumbers) };
        if slot.replace(number(value)?).is_some() {
            return Err(LocationError::NotTwoNumbers);
        }
    }
    match (lon, lat) {
        (Some(lon), Some(lat)) => Ok(LonLat::new(lon, lat)),
        _ => Err(LocationError::NotTwoNumbers),
    }
}

/// A number with an optional degree sign and hemisphere letter (`113.26°E`, `N23.13`, `23.13`):
/// west and south are negative.
fn hemisphere(s: &str) -> Result<(f64, Option<Axis>), LocationError> {
    // A plain number first: "NaN" is not north of anything.
    if let Ok(v) = s.parse::<f64>() {
        return if v.is_finite() { Ok((v, None)) } else { Err(LocationError::NotFinite) };
    }
    let mut t = s.trim_end_matches('°');
    let mut axis = None;
    let mut sign = 1.0;
    let letter = |c: char| match c.to_ascii_uppercase() {
        'E' => Some((Axis::Lon, 1.0)),
        'W' => Some((Axis::Lon, -1.0)),
        'N' => Some((Axis::Lat, 1.0)),
        'S' => Some((Axis::Lat, -1.0)),
        _ => None,
    };
    if let Some((a, sg)) = t.chars().next_back().and_then(letter) {
        t = t[..t.len() - 1].trim_end_matches('°');
        (axis, sign) = (Some(a), sg);
    } else if let Some((a, sg)) = t.chars().next().and_then(letter) {
        // "E113.26", but not "e5" alone (which is not a number anyway).
        t = &t[1..];
        (axis, sign) = (Some(a), sg);
    }
    let v = number(t.trim_end_matches('°'))?;
    if axis.is_some() && v < 0.0 {
        // "-23.13S" says south twice: refuse rather than guess.
        return Err(LocationError::NotTwoNumbers);
    }
    Ok((sign * v, axis))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str) -> (f64, f64) {
        match parse(text) {
            Ok(Some(p)) => (p.lon, p.lat),
            other => panic!("{text:?} gave {other:?}"),
        }
    }

    #[test]
    fn pairs_as_exports_and_people_write_them() {
        // 高德's location, a space, a full-width comma, a comma and a space, brackets.
        assert_eq!(at("113.264385,23.129112"), (113.264385, 23.129112));
        assert_eq!(at("113.26 23.13"), (113.26, 23.13));
        assert_eq!(at("113.26，23.13"), (113.26, 23.13));
        assert_eq!(at(" 113.26, 23.13 "), (113.26, 23.13));
        assert_eq!(at("(113.26, 23.13)"), (113.26, 23.13));
        assert_eq!(at("[113.26,23.13]"), (113.26, 23.13));
        assert_eq!(at("（113.26，23.13）"), (113.26, 23.13));
        // Full-width digits and point, an ideographic space, a semicolon.
        assert_eq!(at("１１３．２６\u{3000}２３．１３"), (113.26, 23.13));
        assert_eq!(at("113.26;23.13"), (113.26, 23.13));
        assert_eq!(at("-73.98,40.75"), (-73.98, 40.75));
    }

    #[test]
    fn labelled_pairs_in_either_order() {
        // Baidu's and Tencent's place search: latitude first, labelled.
        assert_eq!(at(r#"{"lat":23.129112,"lng":113.264385}"#), (113.264385, 23.129112));
        assert_eq!(at("{'lng': 113.26, 'lat': 23.13}"), (113.26, 23.13));
        assert_eq!(at("lng=113.26;lat=23.13"), (113.26, 23.13));
        assert_eq!(at("经度:113.26 纬度:23.13"), (113.26, 23.13));
        assert_eq!(at("纬度：23.13，经度：113.26"), (113.26, 23.13));
        assert_eq!(at("23.13°N, 113.26°E"), (113.26, 23.13));
        assert_eq!(at("E113.26 N23.13"), (113.26, 23.13));
        assert_eq!(at("40.75N 73.98W"), (-73.98, 40.75));
        assert_eq!(parse(r#"{"lat":23.13,"lat":23.14}"#), Err(LocationError::NotTwoNumbers));
        assert_eq!(parse("lng:113.26"), Err(LocationError::NotTwoNumbers));
        assert_eq!(parse("lng:113.26,alt:23"), Err(LocationError::NotTwoNumbers));
        assert_eq!(parse("23.13N 40.75N"), Err(LocationError::NotTwoNumbers));
    }

    #[test]
    fn wkt_points_in_any_case_with_or_without_a_srid() {
        assert_eq!(at("POINT(113.26 23.13)"), (113.26, 23.13));
        assert_eq!(at("POINT (113.26 23.13)"), (113.26, 23.13));
        assert_eq!(at("point(113.26 23.13)"), (113.26, 23.13));
        assert_eq!(at("SRID=4326;POINT(113.26 23.13)"), (113.26, 23.13));
        assert_eq!(at("srid=4490; Point ( 113.26  23.13 )"), (113.26, 23.13));
        assert_eq!(at("POINT Z (113.26 23.13 12.5)"), (113.26, 23.13));
        assert_eq!(at("POINT ZM (113.26 23.13 12.5 3)"), (113.26, 23.13));
        assert_eq!(parse("POINT EMPTY"), Ok(None));
        assert_eq!(parse("POINT(113.26)"), Err(LocationError::NotTwoNumbers));
        assert_eq!(parse("POINT(113.26 23.13 1 2)"), Err(LocationError::NotTwoNumbers));
        assert_eq!(parse("POINT(113.26,23.13)"), Err(LocationError::NotTwoNumbers));
        assert_eq!(parse("SRID=abc;POINT(113.26 23.13)"), Err(LocationError::NotTwoNumbers));
        assert_eq!(parse("LINESTRING(113.26 23.13, 113.27 23.14)"), Err(LocationError::NotAPoint("LINESTRING".into())));
        assert_eq!(parse("polygon((0 0,1 0,1 1,0 0))"), Err(LocationError::NotAPoint("POLYGON".into())));
    }

    #[test]
    fn what_is_not_one_position() {
        assert_eq!(parse(""), Ok(None));
        assert_eq!(parse("113.26"), Err(LocationError::NotTwoNumbers));
        assert_eq!(parse("113.26,23.13,0"), Err(LocationError::NotTwoNumbers));
        assert_eq!(parse("天河区"), Err(LocationError::NotTwoNumbers));
        assert_eq!(parse("113.26,abc"), Err(LocationError::NotTwoNumbers));
        assert_eq!(parse("NaN,23.13"), Err(LocationError::NotFinite));
        assert_eq!(parse("113.26,inf"), Err(LocationError::NotFinite));
    }

    #[test]
    fn plausible_positions_for_recognising_a_column() {
        assert!(plausible("113.26,23.13"));
        // Latitude first is still a column of positions (its rows are then reported as swapped).
        assert!(plausible("23.13,113.26"));
        // Counts with a thousands separator are not: 200 and 500 are no latitude.
        assert!(!plausible("1,200"));
        assert!(!plausible("1,500"));
        assert!(!plausible("200,300"));
        assert!(!plausible("12,5"));
        assert!(plausible("POINT(113.26 23.13)"));
        assert!(!plausible("113.26"));
        assert!(!plausible("GCJ-02"));
    }
}
