//! Road lines for walking distances: an OpenStreetMap extract (`.osm.pbf`, read by [`super::osm`])
//! or a GeoJSON layer of LineString / MultiLineString features (the roads layer QGIS or ArcGIS
//! exports, or an OpenStreetMap extract converted with osmium/ogr2ogr), with OpenStreetMap's tags
//! as properties where it has them. Only walkable ways are kept ([`walkable`]); what was left out
//! is counted, so the planner can be told. [`read_any`] is the one entry point for both formats.

use geojson::{GeoJson, GeometryValue, Position};

use super::crs::Crs;
use super::geojson_in::GeoJsonError;
use super::osm::{self, PbfError};
use super::text::{self, TextError};
use super::words::words;
use crate::core::geo::LonLat;
use crate::core::Locale;

/// The largest road file read, bytes: the same limit as the planner's other data files.
pub const MAX_ROAD_BYTES: usize = 256 * 1024 * 1024;

/// Why a road file could not be read.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub enum RoadsError {
    /// The file is over [`MAX_ROAD_BYTES`].
    TooLarge {
        /// The file's size, MB.
        mb: u64,
        /// The limit, MB.
        limit_mb: u64,
    },
    /// A GeoJSON file whose bytes are not text.
    Text(TextError),
    /// A GeoJSON file that cannot be read.
    GeoJson(GeoJsonError),
    /// An OpenStreetMap `.osm.pbf` file that cannot be read.
    Pbf(PbfError),
}

impl RoadsError {
    /// The message in `locale`.
    pub fn message(&self, locale: Locale) -> String {
        match self {
            RoadsError::TooLarge { mb, limit_mb } => (words(locale).roads_too_large)(*mb, *limit_mb),
            RoadsError::Text(e) => e.message(locale),
            RoadsError::GeoJson(e) => e.message(locale),
            RoadsError::Pbf(e) => e.message(locale),
        }
    }
}

/// The English message.
impl std::fmt::Display for RoadsError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(Locale::En))
    }
}

impl std::error::Error for RoadsError {}

/// Reads the walkable roads of a road file, whichever its format: an OpenStreetMap `.osm.pbf`
/// extract (recognised by its first bytes, [`osm::looks_like_pbf`]; always WGS84 as OpenStreetMap
/// is, so `crs` does not apply) or GeoJSON text (UTF-8, UTF-16 or GBK) whose positions are in `crs`.
///
/// ```
/// use zhucan::core::io::crs::Crs;
/// use zhucan::core::io::roads::{read_any, RoadsError};
/// let text = br#"{"type":"Feature","properties":{"highway":"footway"},"geometry":{"type":"LineString","coordinates":[[113.3,23.1],[113.31,23.1]]}}"#;
/// assert_eq!(read_any(text, Crs::Wgs84).unwrap().ways.len(), 1);
/// assert!(matches!(read_any(b"", Crs::Wgs84), Err(RoadsError::Text(_))));
/// ```
pub fn read_any(bytes: &[u8], crs: Crs) -> Result<Roads, RoadsError> {
    if bytes.len() > MAX_ROAD_BYTES {
        return Err(RoadsError::TooLarge { mb: (bytes.len() / 1_048_576) as u64, limit_mb: (MAX_ROAD_BYTES / 1_048_576) as u64 });
    }
    if osm::looks_like_pbf(bytes) {
        return osm::read(bytes).map_err(RoadsError::Pbf);
    }
    let (text, _) = text::decode(bytes).map_err(RoadsError::Text)?;
    read_geojson(&text, crs).map_err(RoadsError::GeoJson)
}

/// Whether a way may be walked, from its tags (`highway`, `foot`, `access`, `sidewalk`).
///
/// Walkable: footways, paths, pedestrian streets, steps, living streets, residential, service and
/// unclassified roads, tracks, and tertiary to primary roads (Chinese cities' arterials have
/// pavements). Motorways and trunk roads only with `foot=yes`/`designated`/`permissive` or a
/// tagged sidewalk. Never with `foot=no`, or `access=no`/`private` unless `foot` allows it. A line
/// without a `highway` tag (a GIS export of a roads layer) counts as walkable.
///
/// ```
/// use zhucan::core::io::roads::walkable;
/// let tags = |pairs: &[(&str, &str)]| pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect::<Vec<_>>();
/// assert!(walkable(&tags(&[("highway", "footway")])));
/// assert!(!walkable(&tags(&[("highway", "motorway")])));
/// assert!(walkable(&tags(&[("highway", "trunk"), ("sidewalk", "both")])));
/// assert!(!walkable(&tags(&[("highway", "residential"), ("access", "private")])));
/// assert!(walkable(&tags(&[("highway", "service"), ("access", "private"), ("foot", "yes")])));
/// assert!(!walkable(&tags(&[("highway", "path"), ("foot", "no")])));
/// assert!(walkable(&tags(&[("name", "沿江路")])));
/// ```
pub fn walkable(tags: &[(String, String)]) -> bool {
    let get = |key: &str| tags.iter().find(|(k, _)| k == key).map(|(_, v)| v.as_str());
    let foot = get("foot");
    let foot_allowed = matches!(foot, Some("yes" | "designated" | "permissive"));
    if foot == Some("no") {
        return false;
    }
    if matches!(get("access"), Some("no" | "private")) && !foot_allowed {
        return false;
    }
    let Some(highway) = get("highway") else { return true };
    match highway {
        "footway" | "path" | "pedestrian" | "steps" | "living_street" | "residential" | "service" | "unclassified" | "track"
        | "corridor" | "cycleway" | "road" | "tertiary" | "tertiary_link" | "secondary" | "secondary_link" | "primary" | "primary_link" => {
            true
        }
        "motorway" | "motorway_link" | "trunk" | "trunk_link" => {
            foot_allowed || matches!(get("sidewalk"), Some("both" | "left" | "right" | "yes" | "separate"))
        }
        _ => false,
    }
}

/// The roads read from a file.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Roads {
    /// Each walkable way's vertices (WGS84).
    pub ways: Vec<Vec<LonLat>>,
    /// Line features left out as not walkable (motorways, `foot=no`, private …).
    pub not_walkable: usize,
    /// Features that are not lines (points, polygons) or have no usable geometry.
    pub not_lines: usize,
}

fn tags(properties: Option<&geojson::JsonObject>) -> Vec<(String, String)> {
    properties
        .map(|p| p.iter().map(|(k, v)| (k.clone(), v.as_str().map(str::to_string).unwrap_or_else(|| v.to_string()))).collect())
        .unwrap_or_default()
}

fn line(coords: &[Position], crs: Crs) -> Vec<LonLat> {
    coords
        .iter()
        .map(|c| match c.as_slice() {
            [lon, lat, ..] => crs.to_wgs84(LonLat::new(*lon, *lat)),
            // A position with fewer than two numbers: an invalid point, which breaks the line there.
            _ => LonLat::new(f64::NAN, f64::NAN),
        })
        .collect()
}

/// Reads the walkable roads of a GeoJSON file whose positions are in `crs`.
///
/// ```
/// use zhucan::core::io::crs::Crs;
/// use zhucan::core::io::roads::read_geojson;
/// let text = r#"{"type":"FeatureCollection","features":[
///   {"type":"Feature","properties":{"highway":"residential"},"geometry":{"type":"LineString","coordinates":[[113.3,23.1],[113.31,23.1]]}},
///   {"type":"Feature","properties":{"highway":"motorway"},"geometry":{"type":"LineString","coordinates":[[113.3,23.2],[113.31,23.2]]}},
///   {"type":"Feature","properties":{},"geometry":{"type":"Point","coordinates":[113.3,23.1]}}]}"#;
/// let roads = read_geojson(text, Crs::Wgs84).unwrap();
/// assert_eq!((roads.ways.len(), roads.not_walkable, roads.not_lines), (1, 1, 1));
/// ```
pub fn read_geojson(text: &str, crs: Crs) -> Result<Roads, GeoJsonError> {
    let gj: GeoJson = text.parse().map_err(|e: geojson::Error| GeoJsonError::Invalid(e.to_string().chars().take(200).collect()))?;
    let features = match gj {
        GeoJson::FeatureCollection(fc) => fc.features,
        GeoJson::Feature(f) => vec![f],
        GeoJson::Geometry(g) => vec![geojson::Feature { geometry: Some(g), ..Default::default() }],
    };
    if features.is_empty() {
        return Err(GeoJsonError::NoFeatures);
    }
    let mut roads = Roads::default();
    for f in &features {
        let lines: Vec<Vec<LonLat>> = match f.geometry.as_ref().map(|g| &g.value) {
            Some(GeometryValue::LineString { coordinates }) => vec![line(coordinates, crs)],
            Some(GeometryValue::MultiLineString { coordinates }) => coordinates.iter().map(|c| line(c, crs)).collect(),
            _ => {
                roads.not_lines += 1;
                continue;
            }
        };
        if !walkable(&tags(f.properties.as_ref())) {
            roads.not_walkable += 1;
            continue;
        }
        roads.ways.extend(lines.into_iter().filter(|l| l.iter().filter(|p| p.is_valid()).count() >= 2));
    }
    Ok(roads)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_filter_and_coordinates_convert() {
        let text = r#"{"type":"FeatureCollection","features":[
          {"type":"Feature","properties":{"highway":"footway","name":"沿江步道"},"geometry":{"type":"MultiLineString","coordinates":[[[113.3,23.1],[113.301,23.1]],[[113.302,23.1],[113.303,23.1]]]}},
          {"type":"Feature","properties":{"highway":"path","foot":"no"},"geometry":{"type":"LineString","coordinates":[[113.3,23.1],[113.31,23.1]]}},
          {"type":"Feature","properties":{"highway":"service","access":"private"},"geometry":{"type":"LineString","coordinates":[[113.3,23.1],[113.31,23.1]]}},
          {"type":"Feature","properties":{"highway":"trunk","sidewalk":"both"},"geometry":{"type":"LineString","coordinates":[[113.3,23.1],[113.31,23.1]]}},
          {"type":"Feature","properties":{"highway":"residential"},"geometry":{"type":"LineString","coordinates":[[113.3,23.1],[113.3]]}},
          {"type":"Feature","properties":{"highway":"residential"},"geometry":null}]}"#;
        let roads = read_geojson(text, Crs::Wgs84).expect("valid");
        // Two lines of the footway, the trunk road with pavements; the one-number position leaves
        // a line of one point, which is no road.
        assert_eq!(roads.ways.len(), 3);
        assert_eq!((roads.not_walkable, roads.not_lines), (2, 1));
        let gcj = read_geojson(text, Crs::Gcj02).expect("valid");
        let moved = crate::core::geo::distance_m(roads.ways[0][0], gcj.ways[0][0]);
        assert!(moved > 300.0 && moved < 700.0, "GCJ-02 positions are converted: {moved} m");
    }

    #[test]
    fn not_geojson_is_an_error() {
        assert!(matches!(read_geojson("{\"type\":", Crs::Wgs84), Err(GeoJsonError::Invalid(_))));
        assert_eq!(read_geojson(r#"{"type":"FeatureCollection","features":[]}"#, Crs::Wgs84), Err(GeoJsonError::NoFeatures));
    }
}
