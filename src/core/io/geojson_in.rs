//! GeoJSON input: each feature becomes a row — its properties as columns, its position the point
//! itself or a polygon's centroid (with the polygon's area, for density).

use geo::{Centroid, ChamberlainDuquetteArea, Geometry};
use serde::Serialize;

use super::words::words;
use crate::core::geo::LonLat;
use crate::core::Locale;

/// One feature as a row.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct FeatureRow {
    /// Index of the feature in the collection (0-based).
    pub index: usize,
    /// Point, or polygon centroid. `None` for a feature without usable geometry.
    pub position: Option<LonLat>,
    /// Area of a polygon, m².
    pub area_m2: Option<f64>,
    /// Property values, in the order of [`GeoTable::headers`] (empty when absent).
    pub values: Vec<String>,
}

/// A FeatureCollection as a table.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct GeoTable {
    /// Property names, in order of first appearance.
    pub headers: Vec<String>,
    /// The features.
    pub rows: Vec<FeatureRow>,
}

/// Why a GeoJSON file could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum GeoJsonError {
    /// Not valid JSON / GeoJSON (what the parser said, in English).
    Invalid(String),
    /// Valid GeoJSON without features.
    NoFeatures,
}

impl GeoJsonError {
    /// The message in `locale`.
    pub fn message(&self, locale: Locale) -> String {
        let w = words(locale);
        match self {
            GeoJsonError::Invalid(detail) => (w.geojson_invalid)(detail),
            GeoJsonError::NoFeatures => w.geojson_no_features.to_string(),
        }
    }
}

/// The English message.
impl std::fmt::Display for GeoJsonError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(Locale::En))
    }
}

impl std::error::Error for GeoJsonError {}

fn value_text(v: &serde_json::Value) -> String {
    match v {
        serde_json::Value::String(s) => s.clone(),
        serde_json::Value::Null => String::new(),
        other => other.to_string(),
    }
}

/// Reads a FeatureCollection (or a single Feature, or a bare geometry).
pub fn read(text: &str) -> Result<GeoTable, GeoJsonError> {
    read_with(&mut serde_json::Deserializer::from_str(text))
}

/// [`read`] from a stream (a file on disk): a FeatureCollection's features are read one at a
/// time and each becomes a row at once, so neither the text nor the parsed collection is ever
/// held whole — only the rows.
/// A UTF-8 byte-order mark (Windows tools write one) is skipped.
pub fn read_from(reader: impl std::io::Read) -> Result<GeoTable, GeoJsonError> {
    use std::io::BufRead;
    let mut reader = std::io::BufReader::with_capacity(1 << 20, reader);
    let bom = reader.fill_buf().map_err(invalid)?.starts_with(&[0xEF, 0xBB, 0xBF]);
    if bom {
        reader.consume(3);
    }
    read_with(&mut serde_json::Deserializer::from_reader(reader))
}

fn invalid(e: impl std::fmt::Display) -> GeoJsonError {
    GeoJsonError::Invalid(e.to_string().chars().take(200).collect())
}

fn read_with<'de, R: serde_json::de::Read<'de>>(de: &mut serde_json::Deserializer<R>) -> Result<GeoTable, GeoJsonError> {
    let mut table = Collect::default();
    let top = serde::de::DeserializeSeed::deserialize(TopLevel(&mut table), &mut *de).map_err(invalid)?;
    de.end().map_err(invalid)?;
    match top {
        // A FeatureCollection: its features are rows already.
        None => {}
        // Anything else: small, so read as a whole.
        Some(object) => {
            let features = match serde_json::from_value::<geojson::GeoJson>(serde_json::Value::Object(object)).map_err(invalid)? {
                geojson::GeoJson::FeatureCollection(fc) => fc.features,
                geojson::GeoJson::Feature(f) => vec![f],
                geojson::GeoJson::Geometry(g) => vec![geojson::Feature { geometry: Some(g), ..Default::default() }],
            };
            for f in &features {
                table.add(f);
            }
        }
    }
    if table.rows.is_empty() {
        return Err(GeoJsonError::NoFeatures);
    }
    Ok(table.finish())
}

/// The table as the features arrive: property names in order of first appearance, each row's
/// values in that order (rows read before a name first appeared are filled in at the end).
#[derive(Default)]
struct Collect {
    headers: Vec<String>,
    rows: Vec<FeatureRow>,
}

impl Collect {
    fn add(&mut self, f: &geojson::Feature) {
        for key in f.properties.iter().flat_map(|p| p.keys()) {
            if !self.headers.contains(key) {
                self.headers.push(key.clone());
            }
        }
        let geom: Option<Geometry<f64>> =
            f.geometry.as_ref().filter(|g| positions_ok(g)).and_then(|g| Geometry::<f64>::try_from(g.clone()).ok());
        let (position, area_m2) = match &geom {
            Some(Geometry::Point(p)) => (Some(LonLat::new(p.x(), p.y())), None),
            Some(g @ (Geometry::Polygon(_) | Geometry::MultiPolygon(_))) => {
                let c = g.centroid().map(|c| LonLat::new(c.x(), c.y()));
                (c, Some(g.chamberlain_duquette_unsigned_area()))
            }
            Some(other) => (other.centroid().map(|c| LonLat::new(c.x(), c.y())), None),
            None => (None, None),
        };
        let values =
            self.headers.iter().map(|h| f.properties.as_ref().and_then(|p| p.get(h)).map(value_text).unwrap_or_default()).collect();
        self.rows.push(FeatureRow { index: self.rows.len(), position, area_m2, values });
    }

    fn finish(mut self) -> GeoTable {
        let n = self.headers.len();
        for row in &mut self.rows {
            row.values.resize(n, String::new());
        }
        GeoTable { headers: self.headers, rows: self.rows }
    }
}

/// The top-level value: a FeatureCollection's `features` go straight into the table (`None`
/// back); any other object comes back whole.
struct TopLevel<'a>(&'a mut Collect);

impl<'de> serde::de::DeserializeSeed<'de> for TopLevel<'_> {
    type Value = Option<serde_json::Map<String, serde_json::Value>>;

    fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de> serde::de::Visitor<'de> for TopLevel<'_> {
    type Value = Option<serde_json::Map<String, serde_json::Value>>;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a GeoJSON object")
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut rest = serde_json::Map::new();
        let mut streamed = false;
        while let Some(key) = map.next_key::<String>()? {
            if key == "features" && !streamed {
                map.next_value_seed(Features(&mut *self.0))?;
                streamed = true;
            } else {
                let value: serde_json::Value = map.next_value()?;
                rest.insert(key, value);
            }
        }
        if !streamed {
            return Ok(Some(rest));
        }
        match rest.get("type").and_then(|t| t.as_str()) {
            Some("FeatureCollection") => Ok(None),
            _ => Err(serde::de::Error::custom("an object with \"features\" must be a FeatureCollection")),
        }
    }
}

/// A FeatureCollection's `features`, one feature at a time.
struct Features<'a>(&'a mut Collect);

impl<'de> serde::de::DeserializeSeed<'de> for Features<'_> {
    type Value = ();

    fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_seq(self)
    }
}

impl<'de> serde::de::Visitor<'de> for Features<'_> {
    type Value = ();

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a list of features")
    }

    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        while let Some(feature) = seq.next_element::<geojson::Feature>()? {
            self.0.add(&feature);
        }
        Ok(())
    }
}

/// Every position has at least two numbers (longitude, latitude). The geojson crate's conversion
/// to geo types indexes `[0]` and `[1]` unchecked, so a position such as `[113.3]` panicked there
/// (found by fuzzing); such a geometry is now treated as missing, and the row is reported.
fn positions_ok(g: &geojson::Geometry) -> bool {
    use geojson::GeometryValue as V;
    let ok = |p: &geojson::Position| p.len() >= 2;
    match &g.value {
        V::Point { coordinates } => ok(coordinates),
        V::MultiPoint { coordinates } | V::LineString { coordinates } => coordinates.iter().all(ok),
        V::MultiLineString { coordinates } | V::Polygon { coordinates } => coordinates.iter().flatten().all(ok),
        V::MultiPolygon { coordinates } => coordinates.iter().flatten().flatten().all(ok),
        V::GeometryCollection { geometries } => geometries.iter().all(positions_ok),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Found by fuzzing: a one-number position inside a polygon's hole panicked in the geojson
    /// crate (which refuses it in a Point, but not inside polygons or collections). Now that
    /// feature has no position (the import reports the row) and the rest reads.
    #[test]
    fn a_position_with_one_number_is_a_missing_geometry_not_a_panic() {
        let text = r#"{"type":"FeatureCollection","features":[
            {"type":"Feature","properties":{"n":1},"geometry":{"type":"Polygon","coordinates":[[[113.3,23.1],[113.31,23.1],[113.31,23.11],[113.3,23.1]],[[113.302,23.102],[113.3],[13.102]]]}},
            {"type":"Feature","properties":{"n":3},"geometry":{"type":"GeometryCollection","geometries":[{"type":"LineString","coordinates":[[1,2],[3]]}]}},
            {"type":"Feature","properties":{"n":4},"geometry":{"type":"Point","coordinates":[113.3,23.1]}}
        ]}"#;
        let t = read(text).expect("the file reads");
        assert_eq!(t.rows.iter().map(|r| r.position.is_some()).collect::<Vec<_>>(), vec![false, false, true]);
    }

    #[test]
    fn points_and_polygons() {
        let text = r#"{"type":"FeatureCollection","features":[
            {"type":"Feature","properties":{"name":"A","老年人口":120},"geometry":{"type":"Point","coordinates":[113.3,23.1]}},
            {"type":"Feature","properties":{"name":"cell","老年人口":"80"},"geometry":{"type":"Polygon","coordinates":[[[113.0,23.0],[113.01,23.0],[113.01,23.01],[113.0,23.01],[113.0,23.0]]]}},
            {"type":"Feature","properties":{"name":"nothing"},"geometry":null}
        ]}"#;
        let t = read(text).expect("valid");
        assert_eq!(t.headers, vec!["name", "老年人口"]);
        assert_eq!(t.rows[0].position, Some(LonLat::new(113.3, 23.1)));
        assert_eq!(t.rows[0].values, vec!["A", "120"]);
        let c = t.rows[1].position.expect("centroid");
        assert!((c.lon - 113.005).abs() < 1e-9 && (c.lat - 23.005).abs() < 1e-9);
        // 0.01° × 0.01° at 23°N ≈ 1.113 km × 1.024 km ≈ 1.14 km².
        let a = t.rows[1].area_m2.expect("area");
        assert!((a - 1.14e6).abs() < 0.02e6, "{a}");
        assert_eq!(t.rows[2].position, None);
    }

    /// The whole collection parsed by the geojson crate, then made rows (how files were read
    /// before streaming): the streamed reading must give the same table.
    fn read_whole(text: &str) -> Result<GeoTable, GeoJsonError> {
        let features = match text.parse::<geojson::GeoJson>().map_err(invalid)? {
            geojson::GeoJson::FeatureCollection(fc) => fc.features,
            geojson::GeoJson::Feature(f) => vec![f],
            geojson::GeoJson::Geometry(g) => vec![geojson::Feature { geometry: Some(g), ..Default::default() }],
        };
        let mut table = Collect::default();
        for f in &features {
            table.add(f);
        }
        if table.rows.is_empty() {
            return Err(GeoJsonError::NoFeatures);
        }
        Ok(table.finish())
    }

    #[test]
    fn streamed_as_read_whole_with_late_properties_and_keys_in_any_order() {
        let files = [
            // "type" after "features"; a property first seen on the second feature.
            r#"{"features":[{"type":"Feature","properties":{"b":1},"geometry":{"type":"Point","coordinates":[113.3,23.1]}},
                {"type":"Feature","properties":{"a":"x","b":2},"geometry":null}],"type":"FeatureCollection","name":"layer"}"#,
            r#"{"type":"Feature","properties":{"n":"one"},"geometry":{"type":"Point","coordinates":[113.3,23.1]}}"#,
            r#"{"type":"Point","coordinates":[113.3,23.1]}"#,
        ];
        for text in files {
            let streamed = read_from(text.as_bytes()).expect("streams");
            let bom = [&[0xEF, 0xBB, 0xBF][..], text.as_bytes()].concat();
            assert_eq!(read_from(bom.as_slice()).as_ref(), Ok(&streamed));
            assert_eq!(Ok(&streamed), read_whole(text).as_ref(), "{text}");
            assert_eq!(read(text).as_ref(), Ok(&streamed));
        }
        let t = read(files[0]).expect("reads");
        assert_eq!(t.headers, vec!["b", "a"]);
        assert_eq!(t.rows[0].values, vec!["1", ""]);
        assert_eq!(t.rows[1].values, vec!["2", "x"]);
        // An object with features that says it is something else is not a collection.
        let odd = r#"{"type":"Feature","features":[]}"#;
        assert!(matches!(read(odd), Err(GeoJsonError::Invalid(_))));
    }

    #[test]
    fn broken_and_empty_files() {
        assert!(matches!(read(r#"{"type":"FeatureCollection","features":[{"type":"Feature""#), Err(GeoJsonError::Invalid(_))));
        assert_eq!(read(r#"{"type":"FeatureCollection","features":[]}"#), Err(GeoJsonError::NoFeatures));
        assert!(matches!(read("[1,2,3]"), Err(GeoJsonError::Invalid(_))));
    }
}
