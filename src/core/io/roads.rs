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
use crate::core::geo::{LocalProjection, LonLat};
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
    read_either(bytes, crs, false).map(|(roads, _)| roads)
}

/// [`read_any`], and the lines the basemap draws from the same file: every road (walkable or not,
/// with its class), and from an OpenStreetMap extract also water, railways and parks.
///
/// ```
/// use zhucan::core::io::crs::Crs;
/// use zhucan::core::io::roads::{read_any_with_basemap, RoadClass};
/// let text = br#"{"type":"FeatureCollection","features":[
///   {"type":"Feature","properties":{"highway":"motorway"},"geometry":{"type":"LineString","coordinates":[[113.3,23.1],[113.31,23.1]]}},
///   {"type":"Feature","properties":{"waterway":"river"},"geometry":{"type":"LineString","coordinates":[[113.3,23.2],[113.31,23.2]]}}]}"#;
/// let (roads, map) = read_any_with_basemap(text, Crs::Wgs84).unwrap();
/// // Left out of the walk: the motorway, and the river, which is no road.
/// assert_eq!((roads.ways.len(), roads.not_walkable), (0, 2));
/// assert_eq!((map.roads.len(), map.roads[0].0, map.water.len()), (1, RoadClass::Major, 1));
/// ```
pub fn read_any_with_basemap(bytes: &[u8], crs: Crs) -> Result<(Roads, Basemap), RoadsError> {
    read_either(bytes, crs, true)
}

fn read_either(bytes: &[u8], crs: Crs, basemap: bool) -> Result<(Roads, Basemap), RoadsError> {
    if bytes.len() > MAX_ROAD_BYTES {
        return Err(RoadsError::TooLarge { mb: (bytes.len() / 1_048_576) as u64, limit_mb: (MAX_ROAD_BYTES / 1_048_576) as u64 });
    }
    if osm::looks_like_pbf(bytes) {
        return if basemap { osm::read_with_basemap(bytes) } else { osm::read(bytes).map(|r| (r, Basemap::default())) }
            .map_err(RoadsError::Pbf);
    }
    let (text, _) = text::decode(bytes).map_err(RoadsError::Text)?;
    let mut map = Basemap::default();
    let roads = read_geojson_into(&text, crs, basemap.then_some(&mut map)).map_err(RoadsError::GeoJson)?;
    Ok((roads, map))
}

/// How a road is drawn on the basemap, from its `highway` tag.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum RoadClass {
    /// Motorways, trunk and primary roads (and their links).
    Major,
    /// Secondary and tertiary roads.
    Street,
    /// Residential, living, service and unclassified streets, tracks; a GIS line without tags.
    Minor,
    /// Footways, paths, pedestrian streets, steps, cycleways.
    Path,
}

/// The class a `highway` value is drawn as; `None` for roads not drawn (proposed, under
/// construction, platforms, bus stops …).
///
/// ```
/// use zhucan::core::io::roads::{road_class, RoadClass};
/// assert_eq!(road_class("trunk_link"), Some(RoadClass::Major));
/// assert_eq!(road_class("steps"), Some(RoadClass::Path));
/// assert_eq!(road_class("proposed"), None);
/// ```
pub fn road_class(highway: &str) -> Option<RoadClass> {
    Some(match highway {
        "motorway" | "motorway_link" | "trunk" | "trunk_link" | "primary" | "primary_link" => RoadClass::Major,
        "secondary" | "secondary_link" | "tertiary" | "tertiary_link" => RoadClass::Street,
        "residential" | "living_street" | "service" | "unclassified" | "road" | "track" => RoadClass::Minor,
        "footway" | "path" | "pedestrian" | "steps" | "cycleway" | "corridor" | "bridleway" => RoadClass::Path,
        _ => return None,
    })
}

/// Lines for a basemap drawn from the road file (WGS84, each at least two points, simplified to
/// within a metre): no tile server needed.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Basemap {
    /// Every road, walkable or not (a motorway is a barrier worth seeing), with its class.
    pub roads: Vec<(RoadClass, Vec<LonLat>)>,
    /// Rivers, streams, canals (`waterway`, open lines) and the outlines of water areas
    /// (`natural=water`, `water=*`, `waterway=riverbank`: closed rings, first point = last, where
    /// the file has the whole outline; in an `.osm.pbf` also multipolygon relations' outer rings).
    pub water: Vec<Vec<LonLat>>,
    /// Railways (`railway=rail`, light rail, narrow gauge, tram, monorail; not subways).
    pub rail: Vec<Vec<LonLat>>,
    /// The outlines of parks (`leisure=park`; ways, polygons' outer rings, multipolygons' outer rings).
    pub parks: Vec<Vec<LonLat>>,
}

/// A line without the vertices that change it by less than `tolerance_m` (Douglas–Peucker, in
/// metres on a local projection), broken at invalid positions into pieces of at least two points.
///
/// ```
/// use zhucan::core::geo::LonLat;
/// use zhucan::core::io::roads::simplify;
/// // The middle vertex is 0.1 m off the straight line: dropped; the NaN breaks the line.
/// let line = [LonLat::new(113.0, 23.0), LonLat::new(113.0005, 23.0000009), LonLat::new(113.001, 23.0),
///             LonLat::new(f64::NAN, f64::NAN), LonLat::new(113.1, 23.0)];
/// assert_eq!(simplify(&line, 1.0), vec![vec![LonLat::new(113.0, 23.0), LonLat::new(113.001, 23.0)]]);
/// ```
pub fn simplify(line: &[LonLat], tolerance_m: f64) -> Vec<Vec<LonLat>> {
    line.split(|p| !p.is_valid()).filter(|piece| piece.len() >= 2).map(|piece| douglas_peucker(piece, tolerance_m)).collect()
}

fn douglas_peucker(line: &[LonLat], tolerance_m: f64) -> Vec<LonLat> {
    let projection = LocalProjection::new(line[0]);
    let xy: Vec<(f64, f64)> = line.iter().map(|p| projection.forward(*p)).collect();
    let mut keep = vec![false; line.len()];
    keep[0] = true;
    keep[line.len() - 1] = true;
    let mut stack = vec![(0, line.len() - 1)];
    while let Some((a, b)) = stack.pop() {
        let ((ax, ay), (bx, by)) = (xy[a], xy[b]);
        let (dx, dy) = (bx - ax, by - ay);
        let len2 = dx * dx + dy * dy;
        let mut far = (0.0, a);
        for (i, &(px, py)) in xy.iter().enumerate().take(b).skip(a + 1) {
            let t = if len2 > 0.0 { (((px - ax) * dx + (py - ay) * dy) / len2).clamp(0.0, 1.0) } else { 0.0 };
            let d = (px - ax - t * dx).hypot(py - ay - t * dy);
            if d > far.0 {
                far = (d, i);
            }
        }
        if far.0 > tolerance_m {
            keep[far.1] = true;
            stack.push((a, far.1));
            stack.push((far.1, b));
        }
    }
    line.iter().zip(&keep).filter(|(_, k)| **k).map(|(p, _)| *p).collect()
}

/// Whether a way may be walked, from its tags (`highway`, `foot`, `access`, `sidewalk`).
///
/// Walkable: footways, paths, pedestrian streets, steps, living streets, residential, service and
/// unclassified roads, tracks, and tertiary to primary roads (Chinese cities' arterials have
/// pavements). Motorways and trunk roads only with `foot=yes`/`designated`/`permissive` or a
/// tagged sidewalk. Never with `foot=no`, or `access=no`/`private` unless `foot` allows it. A line
/// without a `highway` tag (a GIS export of a roads layer) counts as walkable in GeoJSON unless it
/// is tagged as something else (`waterway`, `railway`, `barrier`, `power` …); in an
/// OpenStreetMap extract, where most ways are buildings and land use, only ways with a `highway`
/// tag are roads.
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
/// assert!(!walkable(&tags(&[("name", "珠江"), ("waterway", "river")])));
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
    let Some(highway) = get("highway") else {
        // A line of another kind in an OpenStreetMap export (ogr2ogr's `lines` layer has rivers,
        // railways, barriers, power lines beside the roads) is no road.
        return !NOT_ROADS.iter().any(|key| get(key).is_some());
    };
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

/// Keys that make an untagged-highway line something other than a road.
const NOT_ROADS: [&str; 12] =
    ["waterway", "railway", "natural", "landuse", "building", "barrier", "power", "aerialway", "man_made", "leisure", "boundary", "route"];

/// The roads read from a file.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Roads {
    /// Each walkable way's vertices (WGS84).
    pub ways: Vec<Vec<LonLat>>,
    /// Line features left out as not walkable (motorways, `foot=no`, private …, and in GeoJSON
    /// lines tagged as something other than a road: rivers, railways …).
    pub not_walkable: usize,
    /// Features that are not lines (points, polygons) or have no usable geometry.
    pub not_lines: usize,
}

fn tags(properties: Option<&geojson::JsonObject>) -> Vec<(String, String)> {
    properties
        // A null property (ogr2ogr writes `"highway": null` on a waterway) is no tag.
        .map(|p| {
            p.iter()
                .filter(|(_, v)| !v.is_null())
                .map(|(k, v)| (k.clone(), v.as_str().map(str::to_string).unwrap_or_else(|| v.to_string())))
                .collect()
        })
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
    read_geojson_into(text, crs, None)
}

/// [`read_geojson`], and the basemap's lines into `map`: roads with a class (a line without a
/// `highway` tag is a minor road), water, railways and parks (lines, and polygons' outer rings).
fn read_geojson_into(text: &str, crs: Crs, mut map: Option<&mut Basemap>) -> Result<Roads, GeoJsonError> {
    // A FeatureCollection is read feature by feature, each added and dropped before the next (a
    // city's file parsed whole held every feature's coordinates and tags at once); anything else,
    // or a file the streaming read refuses, is parsed whole as before (the same messages).
    let mut roads = Roads::default();
    let mut streamed = Basemap::default();
    let keep_map = map.is_some();
    if let Some(n) = stream_collection(text, |f| add_feature(&mut roads, keep_map.then_some(&mut streamed), &f, crs)) {
        if n == 0 {
            return Err(GeoJsonError::NoFeatures);
        }
        if let Some(map) = map {
            *map = streamed;
        }
        return Ok(roads);
    }
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
        add_feature(&mut roads, map.as_deref_mut(), f, crs);
    }
    Ok(roads)
}

/// One feature's walkable lines into `roads`, and its basemap lines into `map`.
fn add_feature(roads: &mut Roads, map: Option<&mut Basemap>, f: &geojson::Feature, crs: Crs) {
    let tags = tags(f.properties.as_ref());
    if let Some(map) = map {
        add_to_basemap(map, &tags, f.geometry.as_ref().map(|g| &g.value), crs);
    }
    let lines: Vec<Vec<LonLat>> = match f.geometry.as_ref().map(|g| &g.value) {
        Some(GeometryValue::LineString { coordinates }) => vec![line(coordinates, crs)],
        Some(GeometryValue::MultiLineString { coordinates }) => coordinates.iter().map(|c| line(c, crs)).collect(),
        _ => {
            roads.not_lines += 1;
            return;
        }
    };
    if !walkable(&tags) {
        roads.not_walkable += 1;
        return;
    }
    roads.ways.extend(lines.into_iter().filter(|l| l.iter().filter(|p| p.is_valid()).count() >= 2));
}

/// Streams a GeoJSON FeatureCollection's features to `each`, one at a time; the number of
/// features, or `None` when the text is not a FeatureCollection this read accepts.
fn stream_collection(text: &str, mut each: impl FnMut(geojson::Feature)) -> Option<usize> {
    use serde::de::{DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};

    struct Collection<'f>(&'f mut dyn FnMut(geojson::Feature));
    struct Features<'f>(&'f mut dyn FnMut(geojson::Feature));

    impl<'de> DeserializeSeed<'de> for Collection<'_> {
        type Value = (Option<String>, Option<usize>);
        fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
            d.deserialize_map(self)
        }
    }
    impl<'de> Visitor<'de> for Collection<'_> {
        type Value = (Option<String>, Option<usize>);
        fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str("a GeoJSON object")
        }
        fn visit_map<A: MapAccess<'de>>(self, mut m: A) -> Result<Self::Value, A::Error> {
            let (mut kind, mut count) = (None, None);
            while let Some(key) = m.next_key::<String>()? {
                match key.as_str() {
                    "type" => kind = Some(m.next_value::<String>()?),
                    "features" => count = Some(m.next_value_seed(Features(&mut *self.0))?),
                    _ => {
                        m.next_value::<IgnoredAny>()?;
                    }
                }
            }
            Ok((kind, count))
        }
    }
    impl<'de> DeserializeSeed<'de> for Features<'_> {
        type Value = usize;
        fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<usize, D::Error> {
            d.deserialize_seq(self)
        }
    }
    impl<'de> Visitor<'de> for Features<'_> {
        type Value = usize;
        fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str("a list of GeoJSON features")
        }
        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<usize, A::Error> {
            let mut n = 0;
            while let Some(f) = seq.next_element::<geojson::Feature>()? {
                (self.0)(f);
                n += 1;
            }
            Ok(n)
        }
    }

    let mut de = serde_json::Deserializer::from_str(text);
    let (kind, count) = Collection(&mut each).deserialize(&mut de).ok()?;
    de.end().ok()?;
    count.filter(|_| kind.as_deref() == Some("FeatureCollection"))
}

/// A GeoJSON feature's lines on the basemap, by its tags.
fn add_to_basemap(map: &mut Basemap, tags: &[(String, String)], geometry: Option<&GeometryValue>, crs: Crs) {
    let get = |key: &str| tags.iter().find(|(k, _)| k == key).map(|(_, v)| v.as_str());
    let lines: Vec<Vec<LonLat>> = match geometry {
        Some(GeometryValue::LineString { coordinates }) => vec![line(coordinates, crs)],
        Some(GeometryValue::MultiLineString { coordinates }) => coordinates.iter().map(|c| line(c, crs)).collect(),
        Some(GeometryValue::Polygon { coordinates }) => coordinates.first().map(|ring| line(ring, crs)).into_iter().collect(),
        Some(GeometryValue::MultiPolygon { coordinates }) => {
            coordinates.iter().filter_map(|p| p.first()).map(|ring| line(ring, crs)).collect()
        }
        _ => return,
    };
    let pieces = || lines.iter().flat_map(|l| simplify(l, 1.0));
    let is_line = matches!(geometry, Some(GeometryValue::LineString { .. } | GeometryValue::MultiLineString { .. }));
    match get("highway") {
        Some(highway) => {
            if let Some(class) = road_class(highway) {
                map.roads.extend(pieces().map(|l| (class, l)));
            }
        }
        None if get("natural") == Some("water") || get("water").is_some() || get("waterway").is_some() => map.water.extend(pieces()),
        None if get("railway").is_some_and(|r| matches!(r, "rail" | "light_rail" | "narrow_gauge" | "tram" | "monorail")) => {
            map.rail.extend(pieces())
        }
        None if get("leisure") == Some("park") => map.parks.extend(pieces()),
        // A roads layer exported from a GIS, without OpenStreetMap's tags.
        None if is_line && walkable(tags) => map.roads.extend(pieces().map(|l| (RoadClass::Minor, l))),
        None => {}
    }
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
    fn water_and_parks_from_polygons() {
        // A lake (water=lake, no natural tag) with an island, a park of two polygons, a river
        // line, a railway, a building polygon (not drawn) and a subway (not drawn).
        let text = r#"{"type":"FeatureCollection","features":[
          {"type":"Feature","properties":{"water":"lake"},"geometry":{"type":"Polygon","coordinates":[
            [[113.40,23.00],[113.41,23.00],[113.41,23.01],[113.40,23.00]],
            [[113.402,23.002],[113.404,23.002],[113.403,23.004],[113.402,23.002]]]}},
          {"type":"Feature","properties":{"leisure":"park","name":"越秀公园"},"geometry":{"type":"MultiPolygon","coordinates":[
            [[[113.42,23.00],[113.43,23.00],[113.42,23.01],[113.42,23.00]]],
            [[[113.44,23.00],[113.45,23.00],[113.44,23.01],[113.44,23.00]]]]}},
          {"type":"Feature","properties":{"waterway":"river"},"geometry":{"type":"LineString","coordinates":[[113.5,23.0],[113.6,23.0]]}},
          {"type":"Feature","properties":{"railway":"rail"},"geometry":{"type":"LineString","coordinates":[[113.5,23.1],[113.6,23.1]]}},
          {"type":"Feature","properties":{"railway":"subway"},"geometry":{"type":"LineString","coordinates":[[113.5,23.2],[113.6,23.2]]}},
          {"type":"Feature","properties":{"building":"yes"},"geometry":{"type":"Polygon","coordinates":[[[113.5,23.3],[113.6,23.3],[113.6,23.4],[113.5,23.3]]]}}]}"#;
        let (roads, map) = read_any_with_basemap(text.as_bytes(), Crs::Wgs84).expect("valid");
        let p = LonLat::new;
        // No road: the river and railways are lines of other things, the polygons are not lines.
        assert_eq!((roads.ways.len(), roads.not_walkable, roads.not_lines), (0, 3, 3));
        // The lake's outer ring (closed) and the river; the island is not drawn.
        assert_eq!(
            map.water,
            vec![vec![p(113.40, 23.00), p(113.41, 23.00), p(113.41, 23.01), p(113.40, 23.00)], vec![p(113.5, 23.0), p(113.6, 23.0)]]
        );
        assert_eq!(
            map.parks,
            vec![
                vec![p(113.42, 23.00), p(113.43, 23.00), p(113.42, 23.01), p(113.42, 23.00)],
                vec![p(113.44, 23.00), p(113.45, 23.00), p(113.44, 23.01), p(113.44, 23.00)]
            ]
        );
        assert_eq!(map.rail, vec![vec![p(113.5, 23.1), p(113.6, 23.1)]]);
        assert!(map.roads.is_empty());
    }

    #[test]
    fn a_collection_streamed_in_any_key_order_and_a_lone_feature_read_whole() {
        // "features" before "type": two footways (2 and 3 vertices) and a point.
        let text = r#"{"features":[
            {"type":"Feature","properties":{"highway":"footway"},"geometry":{"type":"LineString","coordinates":[[113.3,23.1],[113.301,23.1]]}},
            {"type":"Feature","properties":{"highway":"footway"},"geometry":{"type":"LineString","coordinates":[[113.3,23.1],[113.3,23.101],[113.301,23.101]]}},
            {"type":"Feature","properties":{},"geometry":{"type":"Point","coordinates":[113.3,23.1]}}],"type":"FeatureCollection"}"#;
        let roads = read_geojson(text, Crs::Wgs84).expect("valid");
        assert_eq!((roads.ways.len(), roads.ways[1].len(), roads.not_lines), (2, 3, 1));
        let lone = r#"{"type":"Feature","properties":{"highway":"path"},"geometry":{"type":"LineString","coordinates":[[113.3,23.1],[113.301,23.1]]}}"#;
        assert_eq!(read_geojson(lone, Crs::Wgs84).expect("valid").ways.len(), 1);
    }

    #[test]
    fn not_geojson_is_an_error() {
        assert!(matches!(read_geojson("{\"type\":", Crs::Wgs84), Err(GeoJsonError::Invalid(_))));
        assert_eq!(read_geojson(r#"{"type":"FeatureCollection","features":[]}"#, Crs::Wgs84), Err(GeoJsonError::NoFeatures));
    }
}
