//! Which column is which: automatic mapping of Chinese and English header names, which the planner
//! confirms or corrects in the column-mapping step.

use serde::{Deserialize, Serialize};

use super::crs::Crs;

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
pub fn auto_map(headers: &[String]) -> ColumnMap {
    let mut m = ColumnMap::default();
    for (i, raw) in headers.iter().enumerate() {
        let h = normalise(raw);
        if h.is_empty() {
            continue;
        }
        if m.lon.is_none() && is_lon(&h) {
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
    fn unknown_headers_stay_unmapped() {
        let m = auto_map(&h(&["a", "b", "c"]));
        assert_eq!(m, ColumnMap::default());
    }
}
