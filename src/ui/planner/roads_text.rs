//! The words of the planner's road file — its card, the maximum snap distance, walking along the
//! roads in the results and on the map — in Chinese and English. Field names say what each string is.
#![allow(missing_docs)]

use crate::core::io::osm::PbfError;
use crate::core::planner::session::roads::{RoadsProblem, SnapDistanceError, MAX_SNAP_M, MIN_SNAP_M};
use crate::core::Locale;

pub struct RoadsTexts {
    pub title: &'static str,
    pub hint: &'static str,
    pub use_button: &'static str,
    /// While the network is built (file name).
    pub building: fn(&str) -> String,
    /// The roads in use (file name, walkable lines, km).
    pub in_use: fn(&str, usize, &str) -> String,
    /// Nodes, segments and pieces of the network.
    pub network: fn(usize, usize, usize) -> String,
    /// Pieces not joined to the rest (how many pieces in all).
    pub pieces_note: fn(usize) -> String,
    /// Lines left out as not walkable.
    pub not_walkable: fn(usize) -> String,
    /// Features that are not lines.
    pub not_lines: fn(usize) -> String,
    /// When the roads are used.
    pub when_used: &'static str,
    /// A road file not used (its name, why).
    pub failed: fn(&str, &str) -> String,
    pub still_in_use: &'static str,
    /// The maximum snap distance field.
    pub snap_heading: &'static str,
    pub snap_label: &'static str,
    pub snap_help: &'static str,
    pub snap_not_number: &'static str,
    pub snap_out_of_range: fn(f64, f64) -> String,
    /// The results: which distance model (walk metres, file name).
    pub model_on_foot: fn(&str, &str) -> String,
    /// Points that fell back to the straight line (points, of, detour, snap metres).
    pub fallback: fn(usize, usize, &str, &str) -> String,
    /// Sites and canteens off the roads.
    pub sites_fallback: fn(usize) -> String,
    /// Table column: straight line → on foot.
    pub th_on_foot: &'static str,
    /// Table cell (straight, on foot, lost %).
    pub cell_on_foot: fn(&str, &str, &str) -> String,
    /// Site details rows.
    pub detail_straight: fn(&str) -> String,
    pub detail_on_foot: &'static str,
    pub detail_lost: &'static str,
    /// The map's legend (the model's label ends with its colon).
    pub legend_streets: &'static str,
    pub legend_area: &'static str,
    pub legend_model: &'static str,
    /// The basemap's water, railways and parks, and the existing canteens' walking service areas.
    pub legend_water: &'static str,
    pub legend_rail: &'static str,
    pub legend_parks: &'static str,
    pub legend_existing_area: &'static str,
    /// The distance models in the legend (walk metres; straight radius metres).
    pub model_network: fn(&str) -> String,
    pub model_straight: fn(&str) -> String,
    /// Why a road file was refused (size MB, limit MB).
    pub too_large: fn(u64, u64) -> String,
    pub empty: &'static str,
    pub not_text: &'static str,
    /// What the GeoJSON reader said.
    pub not_geojson: fn(&str) -> String,
    pub no_features: &'static str,
    /// Lines not walkable, features not lines.
    pub no_roads: fn(usize, usize) -> String,
    /// An `.osm.pbf` file that cannot be read (its words are the core reader's).
    pub pbf: fn(&PbfError) -> String,
    /// The browser could not read the file (moved or changed since it was chosen).
    pub unreadable: fn(&str) -> String,
}

impl RoadsTexts {
    /// Why a road file was refused.
    pub fn problem(&self, p: &RoadsProblem) -> String {
        match p {
            RoadsProblem::TooLarge { mb, limit_mb } => (self.too_large)(*mb, *limit_mb),
            RoadsProblem::Empty => self.empty.to_string(),
            RoadsProblem::NotText => self.not_text.to_string(),
            RoadsProblem::NotGeoJson { detail } => (self.not_geojson)(detail),
            RoadsProblem::NoFeatures => self.no_features.to_string(),
            RoadsProblem::Pbf(e) => (self.pbf)(e),
            RoadsProblem::Unreadable { detail } => (self.unreadable)(detail),
            RoadsProblem::NoRoads { not_walkable, not_lines } => (self.no_roads)(*not_walkable, *not_lines),
        }
    }

    /// Why a maximum snap distance was refused.
    pub fn snap_error(&self, e: SnapDistanceError) -> String {
        match e {
            SnapDistanceError::NotANumber => self.snap_not_number.to_string(),
            SnapDistanceError::OutOfRange => (self.snap_out_of_range)(MIN_SNAP_M, MAX_SNAP_M),
        }
    }
}

/// Kilometres with one decimal, for the card.
pub fn length_km(m: f64) -> String {
    format!("{:.1}", m / 1000.0)
}

static ZH_CN: RoadsTexts = RoadsTexts {
    title: "道路文件（可选）",
    hint: "城市道路：开放街道地图（OpenStreetMap）城市数据（.osm.pbf，例如 BBBike、Geofabrik 下载的城市范围数据），或 GeoJSON 道路线（QGIS、ArcGIS 导出的道路图层）。服务半径按步行时间设置时，沿真实道路计算步行距离；地图上显示街道。",
    use_button: "使用这个道路文件",
    building: |name| format!("正在读取{name}并建立步行路网……"),
    in_use: |name, lines, km| format!("正在使用道路文件：{name}（{lines}条可步行道路，共{km}公里）"),
    network: |nodes, segments, pieces| format!("路网：{nodes}个节点，{segments}段道路，连通部分{pieces}个。"),
    pieces_note: |n| format!("有{n}个部分互不相连：不同部分之间走不通，请检查道路是否完整。"),
    not_walkable: |n| format!("{n}条线不可步行（高速路、禁止行人、私有道路），没有使用。"),
    not_lines: |n| format!("{n}个要素不是线（点或面），没有使用。"),
    when_used: "服务半径设为步行时间时，沿道路计算步行距离；设为米数时仍按直线距离。",
    failed: |name, why| format!("道路文件{name}没有使用：{why}"),
    still_in_use: "之前的道路文件仍在使用。",
    snap_heading: "沿道路步行",
    snap_label: "最大接入距离（米）",
    snap_help: "老人住处或站点离最近道路超过这个距离时，不接入路网，改按直线距离乘绕行系数计算，结果会说明有多少个。默认300米，约为老人步行5分钟：更远的点很可能不在道路文件覆盖范围内，或坐标系有误。",
    snap_not_number: "请输入数字（米）。",
    snap_out_of_range: |lo, hi| format!("请输入{lo}到{hi}之间的米数。"),
    model_on_foot: |walk, name| format!("距离计算：沿道路步行{walk}米（道路文件：{name}）。"),
    fallback: |n, of, detour, snap| {
        format!("{of}个需求点中有{n}个离道路超过{snap}米，按直线距离乘绕行系数{detour}计算。")
    },
    sites_fallback: |n| format!("{n}个候选地点或现有食堂离道路太远，按直线距离乘绕行系数计算。"),
    th_on_foot: "直线→步行可达（减少）",
    cell_on_foot: |straight, foot, lost| format!("{straight}→{foot}（−{lost}%）"),
    detail_straight: |m| format!("直线{m}米内老人"),
    detail_on_foot: "沿道路步行可达老人",
    detail_lost: "因河流、铁路、围墙和绕行减少",
    legend_streets: "街道",
    legend_area: "步行服务范围（可达街道）",
    legend_model: "距离计算：",
    legend_water: "水体（河流、湖泊）",
    legend_rail: "铁路",
    legend_parks: "公园",
    legend_existing_area: "现有食堂的步行服务范围（可达街道）",
    model_network: |m| format!("沿道路步行{m}米"),
    model_straight: |m| format!("直线距离{m}米"),
    too_large: |mb, limit| format!("文件有{mb} MB，超过上限{limit} MB。"),
    empty: "文件是空的。",
    not_text: "既不是开放街道地图（OpenStreetMap）.osm.pbf 文件，也不是 GeoJSON 文本文件。",
    pbf: |e| e.message(Locale::ZhCn),
    unreadable: |_detail| "读取道路文件时出错：文件可能在选择后被移动或修改了，请重新选择这个文件。".to_string(),
    not_geojson: |detail| format!("不是有效的 GeoJSON 文件（{detail}）。"),
    no_features: "文件里没有要素。",
    no_roads: |walk, lines| format!("没有可步行的道路线：{walk}条线不可步行（高速路、禁止行人、私有道路），{lines}个要素不是线。"),
};

static EN: RoadsTexts = RoadsTexts {
    title: "Road file (optional)",
    hint: "The city's roads: an OpenStreetMap extract (.osm.pbf, such as a BBBike or Geofabrik city extract) or GeoJSON road lines (a roads layer exported from QGIS or ArcGIS): when the service radius is a walk time, walks are measured along the real roads; the map shows the streets.",
    use_button: "Use this road file",
    building: |name| format!("Reading {name} and building the walking network…"),
    in_use: |name, lines, km| format!("Road file in use: {name} ({lines} walkable roads, {km} km in all)"),
    network: |nodes, segments, pieces| format!("Network: {nodes} nodes, {segments} road segments, connected parts: {pieces}."),
    pieces_note: |n| format!("{n} pieces are not joined to each other: nobody can walk between them. Check that the roads are complete."),
    not_walkable: |n| match n {
        1 => "1 line is not walkable (a motorway, no pedestrians, a private road) and was left out.".into(),
        n => format!("{n} lines are not walkable (motorways, no pedestrians, private roads) and were left out."),
    },
    not_lines: |n| match n {
        1 => "1 feature is not a line (a point or an area) and was left out.".into(),
        n => format!("{n} features are not lines (points or areas) and were left out."),
    },
    when_used: "When the service radius is a walk time, walks follow the roads; a radius in metres stays a straight line.",
    failed: |name, why| format!("Road file {name} was not used: {why}"),
    still_in_use: "The road file used before is still in use.",
    snap_heading: "Walking along the roads",
    snap_label: "Maximum distance to a road (metres)",
    snap_help: "A home or site farther than this from every road is not put on the network: its distance is the straight line times the detour factor, and the results say how many were. Default 300 m, about 5 minutes at an older person's pace: a point farther away is likely outside the road file or in the wrong coordinate system.",
    snap_not_number: "Enter a number (metres).",
    snap_out_of_range: |lo, hi| format!("Enter metres between {lo} and {hi}."),
    model_on_foot: |walk, name| format!("Distances: on foot along the roads, {walk} m (road file: {name})."),
    fallback: |n, of, detour, snap| {
        format!("{n} of {of} demand points are more than {snap} m from a road: straight line times the detour factor {detour}.")
    },
    sites_fallback: |n| match n {
        1 => "1 candidate site or existing canteen is too far from a road: straight line times the detour factor.".into(),
        n => format!("{n} candidate sites or existing canteens are too far from a road: straight line times the detour factor."),
    },
    th_on_foot: "Straight line → on foot (lost)",
    cell_on_foot: |straight, foot, lost| format!("{straight} → {foot} (−{lost}%)"),
    detail_straight: |m| format!("Older people within {m} m in a straight line"),
    detail_on_foot: "Older people reached on foot along the roads",
    detail_lost: "Lost to rivers, railways, walls and detours",
    legend_streets: "Streets",
    legend_area: "Walking service area (streets reached)",
    legend_model: "Distances: ",
    legend_water: "Water (rivers, lakes)",
    legend_rail: "Railways",
    legend_parks: "Parks",
    legend_existing_area: "Existing canteens' walking service areas (streets reached)",
    model_network: |m| format!("on foot along the roads, {m} m"),
    model_straight: |m| format!("straight line, {m} m"),
    too_large: |mb, limit| format!("The file is {mb} MB, over the {limit} MB limit."),
    empty: "The file is empty.",
    not_text: "Neither an OpenStreetMap .osm.pbf file nor a GeoJSON text file.",
    pbf: |e| e.message(Locale::En),
    unreadable: |detail| format!("The road file could not be read ({detail}): was it moved or changed after it was chosen? Choose it again."),
    not_geojson: |detail| format!("Not a valid GeoJSON file ({detail})."),
    no_features: "The file has no features.",
    no_roads: |walk, lines| {
        format!("No walkable road lines: {walk} lines are not walkable (motorways, no pedestrians, private roads) and {lines} features are not lines.")
    },
};

/// The road texts in `locale`.
pub fn roads_texts(locale: Locale) -> &'static RoadsTexts {
    match locale {
        Locale::ZhCn => &ZH_CN,
        Locale::En => &EN,
    }
}
