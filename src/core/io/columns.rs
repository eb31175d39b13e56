//! Which column is which: automatic mapping of Chinese and English header names (and, for a
//! column holding both coordinates, of the first rows' contents), which the planner confirms or
//! corrects in the column-mapping step.

use serde::{Deserialize, Serialize};

use super::crs::Crs;
use super::location;

/// The role of each column in a demand or site file.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ColumnMap {
    /// Longitude.
    pub lon: Option<usize>,
    /// Latitude.
    pub lat: Option<usize>,
    /// Number of older people (demand files).
    pub count: Option<usize>,
    /// Name.
    pub name: Option<usize>,
    /// Capacity in meals per day (site files).
    pub capacity: Option<usize>,
    /// Cost (site files).
    pub cost: Option<usize>,
    /// Extra counts the planner can weight (80岁以上, 失能, 低保, 独居 …).
    pub extras: Vec<usize>,
    /// One column holding both coordinates (高德's `location` "113.26,23.13", `经纬度`, WKT
    /// `POINT(113.26 23.13)`; see [`location`]). When set it is used instead of `lon` and `lat`.
    /// `None` in projects saved before it existed. Always written (never skipped when `None`):
    /// the worker's messages are bincode, which reads fields by position.
    #[serde(default)]
    pub lonlat: Option<usize>,
}

fn normalise(h: &str) -> String {
    h.trim().to_lowercase().chars().filter(|c| !matches!(c, ' ' | '_' | '-' | '(' | ')' | '（' | '）' | '[' | ']')).collect()
}

const LON: [&str; 8] = ["经度", "lon", "lng", "long", "longitude", "x", "东经", "longitud"];
const LAT: [&str; 6] = ["纬度", "lat", "latitude", "y", "北纬", "latitud"];
const EXTRA: [&str; 22] = [
    "80岁以上",
    "80周岁以上",
    "80岁及以上",
    "高龄",
    "失能",
    "半失能",
    "低保",
    "特困",
    "低收入",
    "独居",
    "空巢",
    "留守",
    "残疾",
    "重残",
    "over80",
    "aged80",
    "age80",
    "disabled",
    "dibao",
    "livingalone",
    "emptynest",
    "lowincome",
];
const COUNT: [&str; 16] = [
    "老年人口",
    "老年人数",
    "老人数",
    "老年人",
    "60岁以上",
    "60周岁以上",
    "60岁及以上",
    "65岁以上",
    "elderly",
    "elderlycount",
    "older",
    "count",
    "population",
    "pop",
    "weight",
    "人口",
];
const NAME: [&str; 11] = ["名称", "地点", "站点", "社区", "小区", "name", "site", "label", "候选点", "地址", "食堂"];
const CAPACITY: [&str; 6] = ["容量", "供餐能力", "日供餐", "capacity", "mealsperday", "餐位"];
const COST: [&str; 5] = ["成本", "费用", "造价", "投资", "cost"];

fn matches_any(h: &str, aliases: &[&str]) -> bool {
    aliases.iter().any(|a| h == *a || (a.chars().count() > 2 && h.contains(a)) || (a.chars().all(|c| !c.is_ascii()) && h.contains(a)))
}

fn is_lon(h: &str) -> bool {
    matches_any(h, &LON) || h.ends_with("lng") || h.ends_with("lon") || h.starts_with("lng") || h.starts_with("lon")
}

fn is_lat(h: &str) -> bool {
    matches_any(h, &LAT) || h.ends_with("lat") || h.starts_with("lat")
}

/// Names of one column holding both coordinates.
const LONLAT: [&str; 12] =
    ["location", "坐标", "坐标点", "位置坐标", "coordinates", "coordinate", "coords", "coord", "wkt", "geom", "thegeom", "geometry"];

/// A header naming both coordinates at once: `经纬度`, `lnglat`, `location`, `坐标`, `wkt` … but
/// not `坐标系` (the system), `坐标X`, `coord_y` or `高德坐标经度` (one coordinate each).
fn is_lonlat(h: &str) -> bool {
    if h.contains("坐标系") {
        return false;
    }
    let both = ["经纬度", "经纬", "lnglat", "lonlat", "longlat"].iter().any(|a| h.contains(a));
    // `坐标x`, `coord_y`: a name of both with an axis letter after it.
    let axis_letter = h.strip_suffix(['x', 'y']).is_some_and(|rest| LONLAT.iter().any(|a| rest.ends_with(a)));
    let one_axis = is_lon(h) || is_lat(h) || axis_letter;
    both || (matches_any(h, &LONLAT) && !one_axis)
}

/// Maps header names to roles. Extra counts are recognised before the total count, so "80岁以上"
/// never becomes the elderly total.
///
/// ```
/// use zhucan::core::io::columns::auto_map;
/// let headers: Vec<String> = ["社区", "经度", "纬度", "60岁以上", "80岁以上", "失能"].iter().map(|s| s.to_string()).collect();
/// let m = auto_map(&headers);
/// assert_eq!((m.name, m.lon, m.lat, m.count), (Some(0), Some(1), Some(2), Some(3)));
/// assert_eq!(m.extras, vec![4, 5]);
/// ```
///
/// A column holding both coordinates (`location`, `经纬度`, `坐标`, `lnglat`, `wkt` …) is mapped
/// as such unless a longitude and a latitude column are both found:
///
/// ```
/// use zhucan::core::io::columns::auto_map;
/// let headers: Vec<String> = ["id", "name", "type", "location"].iter().map(|s| s.to_string()).collect();
/// let m = auto_map(&headers);
/// assert_eq!((m.name, m.lonlat, m.lon, m.lat), (Some(1), Some(3), None, None));
/// ```
pub fn auto_map(headers: &[String]) -> ColumnMap {
    let mut m = ColumnMap::default();
    for (i, raw) in headers.iter().enumerate() {
        let h = normalise(raw);
        if h.is_empty() {
            continue;
        }
        if m.lonlat.is_none() && is_lonlat(&h) {
            m.lonlat = Some(i);
        } else if m.lon.is_none() && is_lon(&h) {
            m.lon = Some(i);
        } else if m.lat.is_none() && is_lat(&h) {
            m.lat = Some(i);
        } else if matches_any(&h, &EXTRA) {
            m.extras.push(i);
        } else if m.count.is_none() && matches_any(&h, &COUNT) {
            m.count = Some(i);
        } else if m.capacity.is_none() && matches_any(&h, &CAPACITY) {
            m.capacity = Some(i);
        } else if m.cost.is_none() && matches_any(&h, &COST) {
            m.cost = Some(i);
        } else if m.name.is_none() && matches_any(&h, &NAME) {
            m.name = Some(i);
        }
    }
    one_position(&mut m);
    m
}

/// A longitude and a latitude column win over a column of both; a column of both clears a lone
/// longitude or latitude.
fn one_position(m: &mut ColumnMap) {
    if m.lon.is_some() && m.lat.is_some() {
        m.lonlat = None;
    } else if m.lonlat.is_some() {
        m.lon = None;
        m.lat = None;
    }
}

/// [`auto_map`], then the first rows (`sample`, as the mapping step shows them) decide about a
/// column of both coordinates: one named so none of whose values is a position (a `坐标` column of
/// "GCJ-02") is dropped, and without a longitude and latitude column the first unused column most
/// of whose values are positions ("113.26,23.13", `POINT(…)`), whatever its name, is taken.
///
/// ```
/// use zhucan::core::io::columns::auto_map_sampled;
/// let headers: Vec<String> = ["名称", "位置", "老人数"].iter().map(|s| s.to_string()).collect();
/// let sample = vec![vec!["和平里".to_string(), "113.264385,23.129112".to_string(), "120".to_string()]];
/// let m = auto_map_sampled(&headers, &sample);
/// assert_eq!((m.name, m.lonlat, m.count), (Some(0), Some(1), Some(2)));
/// ```
pub fn auto_map_sampled(headers: &[String], sample: &[Vec<String>]) -> ColumnMap {
    let mut m = auto_map(headers);
    if sample.is_empty() {
        return m;
    }
    // How many of the column's non-blank sample values are positions, of how many.
    let positions = |i: usize| {
        let values: Vec<&str> = sample.iter().filter_map(|row| row.get(i)).map(|v| v.trim()).filter(|v| !v.is_empty()).collect();
        (values.iter().filter(|v| location::plausible(v)).count(), values.len())
    };
    // Named so: kept unless its values are there and none is a position (bad cells are then
    // reported row by row). Found by its values alone: more than half of them are positions.
    if m.lonlat.is_some_and(|i| matches!(positions(i), (0, n) if n > 0)) {
        m.lonlat = None;
    }
    let holds_positions = |i: usize| matches!(positions(i), (p, n) if p > 0 && p * 2 > n);
    if m.lonlat.is_none() && (m.lon.is_none() || m.lat.is_none()) {
        let used = [m.lon, m.lat, m.count, m.name, m.capacity, m.cost];
        m.lonlat = (0..headers.len()).filter(|i| !used.contains(&Some(*i)) && !m.extras.contains(i)).find(|&i| holds_positions(i));
        one_position(&mut m);
    }
    m
}

/// A coordinate system suggested by the header names (`gcj_lng`, `高德经度`, `bd_lat` …).
pub fn crs_hint(headers: &[String]) -> Option<Crs> {
    let all: Vec<String> = headers.iter().map(|h| normalise(h)).collect();
    let any = |keys: &[&str]| all.iter().any(|h| keys.iter().any(|k| h.contains(k)));
    if any(&["gcj", "gaode", "高德", "amap", "腾讯", "tencent", "火星"]) {
        Some(Crs::Gcj02)
    } else if any(&["bd09", "bdlng", "bdlat", "bd", "baidu", "百度"]) {
        Some(Crs::Bd09)
    } else if any(&["wgs", "gps"]) {
        Some(Crs::Wgs84)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn h(names: &[&str]) -> Vec<String> {
        names.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn english_headers() {
        let m = auto_map(&h(&["id", "Longitude", "Latitude", "elderly_count", "over80", "name"]));
        assert_eq!((m.lon, m.lat, m.count, m.name), (Some(1), Some(2), Some(3), Some(5)));
        assert_eq!(m.extras, vec![4]);
        let m = auto_map(&h(&["lng", "lat", "capacity", "cost", "site"]));
        assert_eq!((m.lon, m.lat, m.capacity, m.cost, m.name), (Some(0), Some(1), Some(2), Some(3), Some(4)));
    }

    #[test]
    fn chinese_headers_with_units_and_systems() {
        let m = auto_map(&h(&["候选点名称", "高德经度", "高德纬度", "日供餐能力（餐）", "建设成本（万元）"]));
        assert_eq!((m.name, m.lon, m.lat, m.capacity, m.cost), (Some(0), Some(1), Some(2), Some(3), Some(4)));
        assert_eq!(crs_hint(&h(&["高德经度", "高德纬度"])), Some(Crs::Gcj02));
        assert_eq!(crs_hint(&h(&["bd_lng", "bd_lat"])), Some(Crs::Bd09));
        assert_eq!(crs_hint(&h(&["wgs84_lon", "wgs84_lat"])), Some(Crs::Wgs84));
        assert_eq!(crs_hint(&h(&["经度", "纬度"])), None);
    }

    #[test]
    fn one_column_of_both_coordinates_by_its_name() {
        // 高德's POI export.
        let m = auto_map(&h(&["id", "name", "type", "typecode", "address", "location", "pname", "cityname", "adname"]));
        assert_eq!((m.name, m.lonlat, m.lon, m.lat), (Some(1), Some(5), None, None));
        for name in ["经纬度", "坐标", "lnglat", "LngLat", "WKT", "geom", "高德坐标", "经纬度(GCJ-02)", "the_geom", "百度坐标"]
        {
            let m = auto_map(&h(&["名称", name, "老年人口"]));
            assert_eq!((m.lonlat, m.lon, m.lat, m.count), (Some(1), None, None, Some(2)), "{name}");
        }
        // One coordinate each, or the name of the system: not both coordinates.
        let m = auto_map(&h(&["坐标X", "坐标Y", "坐标系"]));
        assert_eq!(m.lonlat, None);
        let m = auto_map(&h(&["coord_x", "coord_y", "geometry"]));
        assert_eq!(m.lonlat, Some(2));
        let m = auto_map(&h(&["高德坐标经度", "高德坐标纬度"]));
        assert_eq!((m.lon, m.lat, m.lonlat), (Some(0), Some(1), None));
        // A longitude and a latitude column win over a column of both.
        let m = auto_map(&h(&["location", "lng", "lat"]));
        assert_eq!((m.lon, m.lat, m.lonlat), (Some(1), Some(2), None));
        // A column of both clears a lone coordinate column.
        let m = auto_map(&h(&["x", "location"]));
        assert_eq!((m.lon, m.lat, m.lonlat), (None, None, Some(1)));
    }

    fn rows(rows: &[&[&str]]) -> Vec<Vec<String>> {
        rows.iter().map(|r| r.iter().map(|v| v.to_string()).collect()).collect()
    }

    #[test]
    fn one_column_of_both_coordinates_by_its_contents() {
        // An unhelpful name; the values are positions (one blank, one typo: still more than half).
        let sample = rows(&[
            &["甲", "113.26,23.13", "5"],
            &["乙", "", "6"],
            &["丙", "POINT(113.27 23.14)", "7"],
            &["丁", "113.28", "8"],
            &["戊", "113.29 23.15", "9"],
        ]);
        let m = auto_map_sampled(&h(&["名称", "位置", "人口"]), &sample);
        assert_eq!((m.name, m.lonlat, m.count), (Some(0), Some(1), Some(2)));
        // Counts written with thousands separators are not positions.
        let sample = rows(&[&["1,200", "35"], &["1,050", "40"]]);
        assert_eq!(auto_map_sampled(&h(&["a", "b"]), &sample), ColumnMap::default());
        // Named as positions but holding the system's name: dropped.
        let sample = rows(&[&["GCJ-02", "113.26", "23.13"]]);
        let m = auto_map_sampled(&h(&["坐标", "lng", "lat"]), &sample);
        assert_eq!((m.lonlat, m.lon, m.lat), (None, Some(1), Some(2)));
        let m = auto_map_sampled(&h(&["坐标", "备注"]), &rows(&[&["GCJ-02", "近地铁"]]));
        assert_eq!(m.lonlat, None);
        // A longitude and a latitude column are kept even when another column holds positions.
        let sample = rows(&[&["113.26", "23.13", "113.26,23.13"]]);
        let m = auto_map_sampled(&h(&["lng", "lat", "备份"]), &sample);
        assert_eq!((m.lon, m.lat, m.lonlat), (Some(0), Some(1), None));
        // No sample: the names alone. Named so, one position in the sample is enough (the bad
        // cells are reported row by row); found by the values alone, one of two is not.
        assert_eq!(auto_map_sampled(&h(&["location"]), &[]).lonlat, Some(0));
        let sample = rows(&[&["113.26,23.13"], &["113.27"]]);
        assert_eq!(auto_map_sampled(&h(&["location"]), &sample).lonlat, Some(0));
        assert_eq!(auto_map_sampled(&h(&["位置"]), &sample).lonlat, None);
    }

    #[test]
    fn saved_mappings_without_the_column_of_both_still_load() {
        // A project saved before the field existed.
        let old = r#"{"lon":1,"lat":2,"count":3,"name":0,"capacity":null,"cost":null,"extras":[4]}"#;
        let m: ColumnMap = serde_json::from_str(old).expect("an old mapping loads");
        assert_eq!((m.lon, m.lat, m.lonlat, m.extras.clone()), (Some(1), Some(2), None, vec![4]));
        // Saved with the field (older pages ignore it), and read back.
        let saved = serde_json::to_string(&m).expect("saved");
        assert_eq!(saved, old.replace("[4]}", r#"[4],"lonlat":null}"#));
        let new = ColumnMap { lonlat: Some(5), ..ColumnMap::default() };
        let text = serde_json::to_string(&new).expect("saved");
        assert!(text.ends_with(r#""extras":[],"lonlat":5}"#), "{text}");
        assert_eq!(serde_json::from_str::<ColumnMap>(&text).expect("loads"), new);
    }

    #[test]
    fn unknown_headers_stay_unmapped() {
        let m = auto_map(&h(&["a", "b", "c"]));
        assert_eq!(m, ColumnMap::default());
    }
}
