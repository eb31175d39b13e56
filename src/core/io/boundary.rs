//! Study-area boundaries: a district's or 街道's outline as GeoJSON (Polygon or MultiPolygon
//! features, with their names), used to keep only the demand and candidate sites inside the area.
//!
//! A polygon is its outer ring and any holes; a point is inside when a ray from it crosses the
//! polygon's rings an odd number of times (the even-odd rule, so a hole's inside is outside the
//! polygon). The rings' edges are indexed by bands of latitude, so a test looks only at the edges
//! that cross its point's band: a 街道 outline of thousands of vertices costs a few edges per point.
//!
//! Positions are WGS84 degrees inside; a boundary drawn in GCJ-02 (高德, DataV.GeoAtlas) or BD-09
//! (百度) is converted vertex by vertex, as the planner chooses.

use serde_json::Value;

use crate::core::geo::LonLat;
use crate::core::io::crs::Crs;
use crate::core::io::raster::Window;
use crate::core::Locale;

/// One polygon: an outer ring and its holes, with an index of its edges by latitude.
#[derive(Clone, Debug, PartialEq)]
pub struct Polygon {
    /// The rings, outer first, then holes; each ring's last point joins its first.
    pub rings: Vec<Vec<LonLat>>,
    bounds: Window,
    /// Height of a band, degrees.
    band: f64,
    /// For each band from the south, the edges that cross it.
    bands: Vec<Vec<(LonLat, LonLat)>>,
}

impl Polygon {
    /// A polygon from its rings (outer first); `None` if the outer ring has fewer than three
    /// distinct points.
    pub fn new(rings: Vec<Vec<LonLat>>) -> Option<Polygon> {
        let outer = rings.first()?;
        let mut distinct = outer.clone();
        distinct.dedup();
        if distinct.first() == distinct.last() && distinct.len() > 1 {
            distinct.pop();
        }
        if distinct.len() < 3 {
            return None;
        }
        let mut bounds = Window { west: f64::INFINITY, south: f64::INFINITY, east: f64::NEG_INFINITY, north: f64::NEG_INFINITY };
        for p in outer {
            bounds.west = bounds.west.min(p.lon);
            bounds.east = bounds.east.max(p.lon);
            bounds.south = bounds.south.min(p.lat);
            bounds.north = bounds.north.max(p.lat);
        }
        let edges: Vec<(LonLat, LonLat)> =
            rings.iter().filter(|r| r.len() >= 2).flat_map(|r| (0..r.len()).map(move |i| (r[i], r[(i + 1) % r.len()]))).collect();
        let n = (edges.len() / 8).clamp(1, 1024);
        let height = (bounds.north - bounds.south).max(1e-12);
        let band = height / n as f64;
        let mut bands = vec![Vec::new(); n];
        let index = |lat: f64| (((lat - bounds.south) / band).floor().max(0.0) as usize).min(n - 1);
        for (a, b) in edges {
            if a.lat == b.lat {
                continue; // a level edge never crosses a level ray
            }
            for list in &mut bands[index(a.lat.min(b.lat))..=index(a.lat.max(b.lat))] {
                list.push((a, b));
            }
        }
        Some(Polygon { rings, bounds, band, bands })
    }

    /// Whether `p` is inside (in the outer ring and in no hole). Points exactly on an edge may
    /// fall either way.
    pub fn contains(&self, p: LonLat) -> bool {
        let b = &self.bounds;
        if !(p.lon >= b.west && p.lon <= b.east && p.lat >= b.south && p.lat <= b.north) {
            return false;
        }
        let i = (((p.lat - b.south) / self.band).floor().max(0.0) as usize).min(self.bands.len() - 1);
        let mut inside = false;
        for &(a, c) in &self.bands[i] {
            if (a.lat > p.lat) != (c.lat > p.lat) {
                let lon = a.lon + (p.lat - a.lat) * (c.lon - a.lon) / (c.lat - a.lat);
                if p.lon < lon {
                    inside = !inside;
                }
            }
        }
        inside
    }
}

/// One named area (a feature): one or more polygons.
#[derive(Clone, Debug, PartialEq)]
pub struct Area {
    /// Its name from the feature's properties (empty without one).
    pub name: String,
    /// Its polygons.
    pub polygons: Vec<Polygon>,
}

/// A study area: every polygon of every feature of the file.
#[derive(Clone, Debug, PartialEq)]
pub struct Boundary {
    /// The areas, in the file's order.
    pub areas: Vec<Area>,
    /// Features that were not polygons (points, lines), left out.
    pub skipped: usize,
}

impl Boundary {
    /// Whether `p` is inside any area.
    pub fn contains(&self, p: LonLat) -> bool {
        self.areas.iter().flat_map(|a| &a.polygons).any(|poly| poly.contains(p))
    }

    /// For each point, whether it is inside.
    pub fn inside(&self, points: &[LonLat]) -> Vec<bool> {
        points.iter().map(|&p| self.contains(p)).collect()
    }

    /// The smallest rectangle holding every area.
    pub fn window(&self) -> Window {
        let mut w = Window { west: f64::INFINITY, south: f64::INFINITY, east: f64::NEG_INFINITY, north: f64::NEG_INFINITY };
        for b in self.areas.iter().flat_map(|a| &a.polygons).map(|p| p.bounds) {
            w.west = w.west.min(b.west);
            w.south = w.south.min(b.south);
            w.east = w.east.max(b.east);
            w.north = w.north.max(b.north);
        }
        w
    }

    /// The areas' names that are not empty, in order.
    pub fn names(&self) -> Vec<String> {
        self.areas.iter().map(|a| a.name.clone()).filter(|n| !n.is_empty()).collect()
    }
}

/// Why a boundary file was refused.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum BoundaryError {
    /// Not JSON (what the reader said, in English).
    NotJson(String),
    /// JSON, but no Polygon or MultiPolygon in it.
    NoPolygons,
    /// A feature (1-based) whose coordinates are not lists of numbers.
    BadCoordinates {
        /// The feature.
        feature: usize,
    },
    /// A feature (1-based) with a ring of fewer than three distinct points.
    BadRing {
        /// The feature.
        feature: usize,
    },
    /// A feature (1-based) with positions beyond ±180° / ±90°: metres of a projected system.
    NotLonLat {
        /// The feature.
        feature: usize,
    },
}

/// Property names that hold an area's name, most likely first.
const NAME_KEYS: [&str; 12] = ["name", "名称", "NAME", "Name", "街道", "街道名称", "乡镇", "镇街", "区县", "区", "district", "street"];

fn area_name(props: Option<&Value>) -> String {
    let Some(Value::Object(map)) = props else { return String::new() };
    for key in NAME_KEYS {
        if let Some(Value::String(s)) = map.get(key) {
            if !s.trim().is_empty() {
                return s.trim().to_string();
            }
        }
    }
    // Otherwise the first property holding words.
    map.values()
        .find_map(|v| v.as_str().map(str::trim).filter(|s| !s.is_empty() && s.parse::<f64>().is_err()).map(String::from))
        .unwrap_or_default()
}

fn ring(v: &Value, crs: Crs, feature: usize) -> Result<Vec<LonLat>, BoundaryError> {
    let bad = BoundaryError::BadCoordinates { feature };
    let positions = v.as_array().ok_or(bad.clone())?;
    let mut out = Vec::with_capacity(positions.len());
    for p in positions {
        let xy = p.as_array().ok_or(bad.clone())?;
        let (Some(lon), Some(lat)) = (xy.first().and_then(Value::as_f64), xy.get(1).and_then(Value::as_f64)) else {
            return Err(bad);
        };
        let p = LonLat::new(lon, lat);
        if !p.is_valid() {
            return Err(BoundaryError::NotLonLat { feature });
        }
        out.push(crs.to_wgs84(p));
    }
    Ok(out)
}

fn polygon(rings: &Value, crs: Crs, feature: usize) -> Result<Polygon, BoundaryError> {
    let list = rings.as_array().ok_or(BoundaryError::BadCoordinates { feature })?;
    let rings = list.iter().map(|r| ring(r, crs, feature)).collect::<Result<Vec<_>, _>>()?;
    Polygon::new(rings).ok_or(BoundaryError::BadRing { feature })
}

/// The polygons of a geometry (none for points and lines).
fn polygons(geometry: &Value, crs: Crs, feature: usize) -> Result<Option<Vec<Polygon>>, BoundaryError> {
    let coords = geometry.get("coordinates");
    match (geometry.get("type").and_then(Value::as_str), coords) {
        (Some("Polygon"), Some(c)) => Ok(Some(vec![polygon(c, crs, feature)?])),
        (Some("MultiPolygon"), Some(c)) => {
            let list = c.as_array().ok_or(BoundaryError::BadCoordinates { feature })?;
            Ok(Some(list.iter().map(|p| polygon(p, crs, feature)).collect::<Result<Vec<_>, _>>()?))
        }
        (Some("GeometryCollection"), _) => {
            let mut out = Vec::new();
            for g in geometry.get("geometries").and_then(Value::as_array).into_iter().flatten() {
                out.extend(polygons(g, crs, feature)?.unwrap_or_default());
            }
            Ok((!out.is_empty()).then_some(out))
        }
        _ => Ok(None),
    }
}

/// Reads a boundary: a GeoJSON FeatureCollection, one Feature, or a bare Polygon or MultiPolygon,
/// in the coordinate system `crs` (converted to WGS84). Features that are not polygons are left
/// out and counted.
///
/// ```
/// use zhucan::core::io::boundary::read;
/// use zhucan::core::io::crs::Crs;
/// use zhucan::core::geo::LonLat;
/// let b = read(r#"{"type":"Polygon","coordinates":[[[0,0],[2,0],[2,2],[0,2],[0,0]]]}"#, Crs::Wgs84).expect("a square");
/// assert!(b.contains(LonLat::new(1.0, 1.0)));
/// assert!(!b.contains(LonLat::new(3.0, 1.0)));
/// ```
pub fn read(text: &str, crs: Crs) -> Result<Boundary, BoundaryError> {
    let root: Value = serde_json::from_str(text.trim_start_matches('\u{feff}')).map_err(|e| BoundaryError::NotJson(e.to_string()))?;
    let features: Vec<&Value> = match root.get("type").and_then(Value::as_str) {
        Some("FeatureCollection") => root.get("features").and_then(Value::as_array).map(|f| f.iter().collect()).unwrap_or_default(),
        Some(_) => vec![&root],
        None => Vec::new(),
    };
    let mut areas = Vec::new();
    let mut skipped = 0;
    for (i, f) in features.into_iter().enumerate() {
        let (geometry, props) = match f.get("type").and_then(Value::as_str) {
            Some("Feature") => (f.get("geometry"), f.get("properties")),
            _ => (Some(f), None),
        };
        match geometry.map(|g| polygons(g, crs, i + 1)).transpose()?.flatten() {
            Some(polygons) => areas.push(Area { name: area_name(props), polygons }),
            None => skipped += 1,
        }
    }
    if areas.is_empty() {
        return Err(BoundaryError::NoPolygons);
    }
    Ok(Boundary { areas, skipped })
}

/// The words for a boundary's problems, in one language.
pub struct BoundaryWords {
    /// Not JSON (the reader's detail).
    pub not_json: fn(&str) -> String,
    /// No polygons.
    pub no_polygons: &'static str,
    /// Coordinates that are not numbers (the feature).
    pub bad_coordinates: fn(usize) -> String,
    /// A ring too small (the feature).
    pub bad_ring: fn(usize) -> String,
    /// Not longitude/latitude (the feature).
    pub not_lonlat: fn(usize) -> String,
}

/// 简体中文.
pub const ZH_CN: BoundaryWords = BoundaryWords {
    not_json: |detail| format!("这不是GeoJSON边界文件（{detail}）。"),
    no_polygons: "文件里没有面要素：边界须是区、街道的范围面，而不是点或线。",
    bad_coordinates: |n| format!("第{n}个要素的坐标不是数字列表。"),
    bad_ring: |n| format!("第{n}个要素有一个面少于3个不同的点。"),
    not_lonlat: |n| {
        format!("第{n}个要素的坐标超出了经纬度的范围，可能是投影坐标（米）。请先在GIS软件里转换为经纬度（WGS84、GCJ-02或BD-09）。")
    },
};

/// English.
pub const EN: BoundaryWords = BoundaryWords {
    not_json: |detail| format!("This is not a GeoJSON boundary file ({detail})."),
    no_polygons:
        "The file has no areas (Polygon or MultiPolygon): a boundary is the outline of a district or subdistrict, not points or lines.",
    bad_coordinates: |n| format!("Feature {n}'s coordinates are not lists of numbers."),
    bad_ring: |n| format!("Feature {n} has a ring of fewer than 3 distinct points."),
    not_lonlat: |n| {
        format!(
            "Feature {n}'s coordinates are beyond longitude and latitude, perhaps projected (metres). Convert it to longitude/latitude (WGS84, GCJ-02 or BD-09) in a GIS first."
        )
    },
};

/// The table for a language.
pub fn words(l: Locale) -> &'static BoundaryWords {
    match l {
        Locale::ZhCn => &ZH_CN,
        Locale::En => &EN,
    }
}

impl BoundaryError {
    /// The problem in words.
    pub fn message(&self, l: Locale) -> String {
        let w = words(l);
        match self {
            BoundaryError::NotJson(detail) => (w.not_json)(detail),
            BoundaryError::NoPolygons => w.no_polygons.to_string(),
            BoundaryError::BadCoordinates { feature } => (w.bad_coordinates)(*feature),
            BoundaryError::BadRing { feature } => (w.bad_ring)(*feature),
            BoundaryError::NotLonLat { feature } => (w.not_lonlat)(*feature),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A 4 × 4 square (0..4 east, 0..4 north) with a 2 × 2 hole in its middle (1..3), and a
    /// separate triangle east of it: (6,0), (8,0), (6,2).
    const SQUARE_WITH_HOLE: &str = r#"{"type":"FeatureCollection","features":[
        {"type":"Feature","properties":{"name":"和平街道","人口":"12000"},"geometry":{"type":"Polygon","coordinates":[
            [[0,0],[4,0],[4,4],[0,4],[0,0]],
            [[1,1],[1,3],[3,3],[3,1],[1,1]]]}},
        {"type":"Feature","properties":{"code":"440106","名称":"东风街道"},"geometry":{"type":"MultiPolygon","coordinates":[
            [[[6,0],[8,0],[6,2],[6,0]]]]}},
        {"type":"Feature","properties":{"name":"街道办"},"geometry":{"type":"Point","coordinates":[2,2]}}]}"#;

    #[test]
    fn inside_the_ring_outside_the_hole() {
        let b = read(SQUARE_WITH_HOLE, Crs::Wgs84).expect("reads");
        assert_eq!(b.names(), vec!["和平街道".to_string(), "东风街道".to_string()]);
        assert_eq!(b.skipped, 1, "the point feature");
        let at = |lon, lat| b.contains(LonLat::new(lon, lat));
        // In the square's band around the hole.
        assert!(at(0.5, 0.5));
        assert!(at(0.5, 2.0), "west of the hole, at its latitude");
        assert!(at(3.5, 2.0), "east of the hole");
        assert!(at(2.0, 3.5), "north of the hole");
        // In the hole: outside.
        assert!(!at(2.0, 2.0));
        assert!(!at(1.5, 2.5));
        // Beyond the square.
        assert!(!at(-0.5, 2.0));
        assert!(!at(4.5, 2.0));
        assert!(!at(2.0, 4.5));
        // The triangle: (6.5, 0.5) is under its slanted side (lon + lat < 8), (7.5, 1.0) above.
        assert!(at(6.5, 0.5));
        assert!(at(7.0, 0.9), "7.0 + 0.9 < 8");
        assert!(!at(7.5, 1.0), "7.5 + 1.0 > 8");
        assert!(!at(5.0, 1.0), "between the two areas");
        // One mask for many points: 2 of these 5 are inside.
        let mask =
            b.inside(&[LonLat::new(0.5, 0.5), LonLat::new(2.0, 2.0), LonLat::new(6.5, 0.5), LonLat::new(9.0, 0.0), LonLat::new(5.0, 5.0)]);
        assert_eq!(mask, vec![true, false, true, false, false]);
        // The window holds both areas.
        assert_eq!(b.window(), Window { west: 0.0, south: 0.0, east: 8.0, north: 4.0 });
    }

    #[test]
    fn many_edges_use_the_bands_and_agree_with_the_shape() {
        // A circle of radius 1 around (0, 0) with 400 vertices (50 bands) and a hole of radius
        // 0.5: inside means 0.5 < distance < 1 (away from the edges, where a polygon of 400 sides
        // and the circle differ by less than 1 − cos(π/400) ≈ 0.00003).
        let circle = |r: f64| -> Vec<LonLat> {
            (0..=400).map(|i| std::f64::consts::TAU * i as f64 / 400.0).map(|a| LonLat::new(r * a.cos(), r * a.sin())).collect()
        };
        let poly = Polygon::new(vec![circle(1.0), circle(0.5)]).expect("a ring");
        assert!(poly.bands.len() > 10, "{}", poly.bands.len());
        for i in 0..40 {
            for j in 0..40 {
                let p = LonLat::new(-1.1 + 0.055 * i as f64 + 0.001, -1.1 + 0.055 * j as f64 + 0.002);
                let d = p.lon.hypot(p.lat);
                if (d - 1.0).abs() < 0.001 || (d - 0.5).abs() < 0.001 {
                    continue;
                }
                assert_eq!(poly.contains(p), d > 0.5 && d < 1.0, "{p:?} at {d}");
            }
        }
    }

    #[test]
    fn a_bare_geometry_and_a_gcj02_boundary() {
        // A bare Polygon, in GCJ-02: its vertices move about 0.0054° west and 0.0026° north (the
        // offset near Guangzhou, tools/sample-reference.py: GCJ-02 113.312222, 23.115867 is WGS84
        // 113.306835, 23.118496), so a point 0.003° inside its eastern edge in WGS84 is outside.
        let square = r#"{"type":"Polygon","coordinates":[[[113.30,23.10],[113.32,23.10],[113.32,23.12],[113.30,23.12],[113.30,23.10]]]}"#;
        let gcj = read(square, Crs::Gcj02).expect("reads");
        let wgs = read(square, Crs::Wgs84).expect("reads");
        let p = LonLat::new(113.317, 23.11);
        assert!(wgs.contains(p));
        assert!(!gcj.contains(p), "the GCJ-02 square's eastern edge is at about 113.3146 in WGS84");
        assert_eq!(gcj.names(), Vec::<String>::new(), "no properties, no name");
    }

    #[test]
    fn bad_files_say_why() {
        assert!(matches!(read("not json", Crs::Wgs84), Err(BoundaryError::NotJson(_))));
        assert_eq!(read(r#"{"type":"FeatureCollection","features":[]}"#, Crs::Wgs84), Err(BoundaryError::NoPolygons));
        assert_eq!(read(r#"{"type":"Point","coordinates":[1,2]}"#, Crs::Wgs84), Err(BoundaryError::NoPolygons));
        assert_eq!(
            read(r#"{"type":"Polygon","coordinates":[[[0,0],[1,"a"],[1,1],[0,0]]]}"#, Crs::Wgs84),
            Err(BoundaryError::BadCoordinates { feature: 1 })
        );
        assert_eq!(
            read(r#"{"type":"Polygon","coordinates":[[[0,0],[1,0],[0,0]]]}"#, Crs::Wgs84),
            Err(BoundaryError::BadRing { feature: 1 })
        );
        let metres = r#"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":{"type":"Polygon",
            "coordinates":[[[4302000,2621000],[4809000,2621000],[4809000,2811000],[4302000,2621000]]]}}]}"#;
        assert_eq!(read(metres, Crs::Wgs84), Err(BoundaryError::NotLonLat { feature: 1 }));
        assert!(BoundaryError::NotLonLat { feature: 1 }.message(Locale::ZhCn).contains("第1个要素"));
        assert!(BoundaryError::NoPolygons.message(Locale::En).contains("Polygon or MultiPolygon"));
    }
}
