//! Exports a planner can paste into a report: CSV (UTF-8 with a byte-order mark, so Excel opens it
//! correctly) and GeoJSON. Text that a spreadsheet would read as a formula (`=`, `+`, `-`, `@`,
//! tab, carriage return at the start) is prefixed with `'`, as OWASP advises against CSV injection.

use serde_json::{json, Value};

use super::session::PlanView;
use super::words::words;
use crate::core::geo::LonLat;
use crate::core::io::crs::Crs;
use crate::core::Locale;

/// Makes a cell safe for spreadsheets (OWASP "CSV injection").
///
/// ```
/// use zhucan::core::planner::export::spreadsheet_safe;
/// assert_eq!(spreadsheet_safe("=cmd|' /C calc'!A0"), "'=cmd|' /C calc'!A0");
/// assert_eq!(spreadsheet_safe("和平里"), "和平里");
/// ```
pub fn spreadsheet_safe(text: &str) -> String {
    match text.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{text}"),
        _ => text.to_string(),
    }
}

fn round(v: f64, digits: i32) -> String {
    if !v.is_finite() {
        return String::new();
    }
    let f = 10f64.powi(digits);
    let r = (v * f).round() / f;
    if digits == 0 {
        format!("{r:.0}")
    } else {
        format!("{r}")
    }
}

/// The name a coordinate system goes by in column headers and on screen.
pub fn crs_name(crs: Crs) -> &'static str {
    match crs {
        Crs::Wgs84 => "WGS84",
        Crs::Gcj02 => "GCJ-02",
        Crs::Bd09 => "BD-09",
    }
}

/// A site's position as the details panel shows it: in `crs` (the candidates file's own system
/// by default), six decimals (about 0.1 m).
///
/// ```
/// use zhucan::core::io::crs::Crs;
/// use zhucan::core::planner::export::position_text;
/// assert_eq!(position_text(113.264385, 23.129112, Crs::Wgs84), "113.264385, 23.129112");
/// ```
pub fn position_text(lon: f64, lat: f64, crs: Crs) -> String {
    let p = crs.from_wgs84(LonLat::new(lon, lat));
    format!("{:.6}, {:.6}", p.lon, p.lat)
}

/// Every candidate with its scores, chosen ones first in order; UTF-8 with BOM. Positions are in
/// `crs` (the planner works in WGS84; the default export is the system the file came in, so the
/// sites land where they were when pasted back into the map they came from), and the position
/// headers name it: `经度(GCJ-02)`.
pub fn csv(view: &PlanView, locale: Locale, crs: Crs) -> String {
    let t = words(locale);
    let mut header = (t.csv_header)(crs_name(crs));
    header.extend(view.extra_names.iter().map(|n| spreadsheet_safe(n)));
    let mut w = csv::WriterBuilder::new().from_writer(Vec::new());
    let _ = w.write_record(&header);
    for s in view.ranked_sites() {
        let p = crs.from_wgs84(LonLat::new(s.lon, s.lat));
        let mut row = vec![
            s.rank.map(|r| (r + 1).to_string()).unwrap_or_default(),
            spreadsheet_safe(&s.name),
            format!("{:.6}", p.lon),
            format!("{:.6}", p.lat),
            if s.rank.is_some() { t.csv_yes } else { t.csv_no }.to_string(),
            round(s.score.covered, 0),
            round(s.score.new_covered, 0),
            round(s.score.covered_weighted, 1),
            round(s.score.density_per_km2, 0),
            round(s.score.expected_meals, 1),
            s.capacity.map(|c| round(c, 0)).unwrap_or_default(),
            s.score.capacity_fit.map(|f| round(f, 2)).unwrap_or_default(),
            s.cost.map(|c| round(c, 2)).unwrap_or_default(),
        ];
        row.extend(s.score.extras.iter().map(|e| round(*e, 0)));
        let _ = w.write_record(&row);
    }
    let body = String::from_utf8(w.into_inner().unwrap_or_default()).unwrap_or_default();
    format!("\u{feff}{body}")
}

/// Chosen sites (and the rest, flagged) as a GeoJSON FeatureCollection of points, in WGS84 as
/// the GeoJSON standard (RFC 7946) requires.
pub fn geojson(view: &PlanView) -> String {
    let features: Vec<Value> = view
        .sites
        .iter()
        .map(|s| {
            json!({
                "type": "Feature",
                "geometry": {"type": "Point", "coordinates": [s.lon, s.lat]},
                "properties": {
                    "name": s.name,
                    "chosen": s.rank.is_some(),
                    "rank": s.rank.map(|r| r + 1),
                    "covered": s.score.covered,
                    "newly_covered": s.score.new_covered,
                    "weighted_covered": s.score.covered_weighted,
                    "density_per_km2": s.score.density_per_km2,
                    "expected_meals_per_day": s.score.expected_meals,
                    "capacity": s.capacity,
                    "capacity_fit": s.score.capacity_fit,
                    "radius_m": view.radius_m,
                }
            })
        })
        .collect();
    json!({"type": "FeatureCollection", "features": features}).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn demo_view() -> PlanView {
        crate::core::planner::session::demo_plan(5)
    }

    #[test]
    fn csv_has_bom_header_and_chosen_first() {
        let v = demo_view();
        let text = csv(&v, Locale::ZhCn, Crs::Wgs84);
        assert!(text.starts_with('\u{feff}'));
        let lines: Vec<&str> = text.lines().collect();
        assert!(lines[0].trim_start_matches('\u{feff}').starts_with("排名,名称,经度(WGS84),纬度(WGS84),是否选中"));
        assert_eq!(lines.len(), 1 + v.sites.len());
        assert!(lines[1].starts_with("1,"), "{}", lines[1]);
        assert!(lines[5].starts_with("5,") && lines[6].starts_with(','));
    }

    #[test]
    fn formula_injection_is_defused() {
        let mut v = demo_view();
        v.sites[0].name = "=HYPERLINK(\"http://evil\")".into();
        v.sites[1].name = "@SUM(A1)".into();
        let text = csv(&v, Locale::En, Crs::Wgs84);
        assert!(!text
            .lines()
            .any(|l| l.split(',').any(|cell| cell.trim_matches('"').starts_with('=') || cell.trim_matches('"').starts_with('@'))));
        assert!(text.contains("'=HYPERLINK"));
        for bad in ["-1+1", "+1", "\tx", "\rx"] {
            assert!(spreadsheet_safe(bad).starts_with('\''), "{bad:?}");
        }
    }

    /// The newcomer's case: a site given in GCJ-02 (Amap) at 113.312222, 23.115867 is held as
    /// WGS84 (about 113.3068, 23.1185, some 600 m away) and must be exported in GCJ-02 again.
    #[test]
    fn csv_exports_in_the_system_asked_for_and_names_it() {
        let mut v = demo_view();
        let gcj = LonLat::new(113.312222, 23.115867);
        let wgs = Crs::Gcj02.to_wgs84(gcj);
        // The offset is real (hundreds of metres), so the test can tell the systems apart.
        assert!((wgs.lon - gcj.lon).abs() > 0.003 && (wgs.lat - gcj.lat).abs() > 0.001, "{wgs:?}");
        let first = v.chosen[0];
        v.sites[first].lon = wgs.lon;
        v.sites[first].lat = wgs.lat;
        let text = csv(&v, Locale::ZhCn, Crs::Gcj02);
        let lines: Vec<&str> = text.lines().collect();
        assert!(lines[0].contains(",经度(GCJ-02),纬度(GCJ-02),"), "{}", lines[0]);
        let cells: Vec<&str> = lines[1].split(',').collect();
        assert_eq!((cells[2], cells[3]), ("113.312222", "23.115867"));
        let english = csv(&v, Locale::En, Crs::Wgs84);
        let line = english.lines().nth(1).unwrap_or_default().to_string();
        assert!(english.lines().next().unwrap_or_default().contains(",longitude (WGS84),latitude (WGS84),"));
        assert!(line.contains(&format!("{:.6},{:.6}", wgs.lon, wgs.lat)), "{line}");
    }

    #[test]
    fn geojson_round_trips_through_the_reader() {
        let v = demo_view();
        let text = geojson(&v);
        let table = crate::core::io::geojson_in::read(&text).expect("valid GeoJSON");
        assert_eq!(table.rows.len(), v.sites.len());
        assert!(table.headers.contains(&"chosen".to_string()));
    }
}
