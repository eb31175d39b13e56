//! Everything the planner's core writes for people, in each language: the map's scale bar and
//! corner positions, the exported table's header, the settings form's range message, project-file
//! errors, bad rows of imported files and problems in a reference problem file.
//!
//! One table per language ([`ZH_CN`], [`EN`]) and one accessor ([`words`]); the code that uses a
//! message calls `words(locale).field`, so a third language cannot be added without all of them.

use crate::core::Locale;

/// The planner core's words in one language.
pub struct PlannerWords {
    /// The scale bar's length in metres: "500 米", "500 m".
    pub scale_metres: fn(f64) -> String,
    /// The scale bar's length in kilometres: "2 公里", "2 km".
    pub scale_km: fn(f64) -> String,
    /// A position (longitude, latitude) to four decimals: "北纬 23.1000°，东经 113.3000°",
    /// "23.1000° N, 113.3000° E".
    pub position: fn(f64, f64) -> String,

    /// The exported CSV's header row, the positions in the named coordinate system.
    pub csv_header: fn(&str) -> Vec<String>,
    /// "Chosen" in the exported CSV: yes.
    pub csv_yes: &'static str,
    /// "Chosen" in the exported CSV: no.
    pub csv_no: &'static str,

    /// Not a project file (the reason).
    pub project_not_a_project: fn(&str) -> String,
    /// A project saved by a newer zhucan (its format version).
    pub project_newer: fn(u32) -> String,
    /// A data file in the project is damaged (its name).
    pub project_damaged: fn(&str) -> String,
    /// A data file the project uses is missing (its name).
    pub project_missing: fn(&str) -> String,

    /// A CSV line (its number).
    pub row_line: fn(u64) -> String,
    /// A GeoJSON feature (its number, counted from 1).
    pub row_feature: fn(usize) -> String,
    /// A bad row: where, the column, what is wrong.
    pub row_issue: fn(&str, &str, &str) -> String,
    /// A required value is empty.
    pub problem_missing: &'static str,
    /// Not a number (the text found).
    pub problem_not_a_number: fn(&str) -> String,
    /// NaN or infinite.
    pub problem_not_finite: &'static str,
    /// Latitude beyond ±90°.
    pub problem_lat_out_of_range: &'static str,
    /// Longitude beyond ±180°.
    pub problem_lon_out_of_range: &'static str,
    /// Longitude and latitude look swapped.
    pub problem_swapped: &'static str,
    /// A negative count.
    pub problem_negative: &'static str,
    /// The same as an earlier row (that row, in words).
    pub problem_duplicate: fn(&str) -> String,
    /// A GeoJSON feature without usable geometry.
    pub problem_no_geometry: &'static str,
    /// A column of both coordinates whose cell is not two numbers (the text found).
    pub problem_not_two_numbers: fn(&str) -> String,
    /// A column of both coordinates holding a WKT geometry other than a point (its type).
    pub problem_not_a_point: fn(&str) -> String,

    /// Rows that repeat earlier rows exactly, left out: how many, the first few line numbers.
    pub warn_duplicate_lines: fn(usize, &[u64]) -> String,
    /// GeoJSON features that repeat earlier features exactly: how many, the first few (from 1).
    pub warn_duplicate_features: fn(usize, &[usize]) -> String,
    /// Most rows of a column of both coordinates give the latitude first.
    pub warn_latitude_first: &'static str,

    /// No longitude/latitude columns chosen.
    pub map_no_position: &'static str,
    /// No count column chosen.
    pub map_no_count: &'static str,
    /// The table could not be read (what the reader said).
    pub map_table: fn(&str) -> String,

    /// A bad demand row in a reference problem file (its index).
    pub reference_demand: fn(usize) -> String,
    /// A bad candidate row in a reference problem file (its index).
    pub reference_candidate: fn(usize) -> String,
    /// The radius of a reference problem is not a positive number.
    pub reference_radius: &'static str,
    /// A fixed index that is not a candidate (its position in `fixed`).
    pub reference_fixed: fn(usize) -> String,
}

/// Simplified Chinese.
pub const ZH_CN: PlannerWords = PlannerWords {
    scale_metres: |m| format!("{m} 米"),
    scale_km: |km| format!("{km} 公里"),
    position: |lon, lat| {
        let ns = if lat < 0.0 { "南纬" } else { "北纬" };
        let ew = if lon < 0.0 { "西经" } else { "东经" };
        format!("{ns} {:.4}°，{ew} {:.4}°", lat.abs(), lon.abs())
    },

    csv_header: |system| {
        vec![
            "排名".to_string(),
            "名称".to_string(),
            format!("经度({system})"),
            format!("纬度({system})"),
            "是否选中".to_string(),
            "覆盖老年人".to_string(),
            "新增覆盖老年人".to_string(),
            "加权覆盖".to_string(),
            "老年人口密度（人/平方公里）".to_string(),
            "预计每日就餐（餐）".to_string(),
            "日供餐能力".to_string(),
            "容量匹配".to_string(),
            "成本".to_string(),
        ]
    },
    csv_yes: "是",
    csv_no: "否",

    project_not_a_project: |why| format!("这不是助餐的项目文件（{why}）。"),
    project_newer: |v| format!("这个项目文件是新版助餐保存的（格式版本 {v}），请更新本页面后再打开。"),
    project_damaged: |name| format!("项目文件里的“{name}”已损坏。"),
    project_missing: |name| format!("项目文件里缺少“{name}”的内容。"),

    row_line: |n| format!("第 {n} 行"),
    row_feature: |n| format!("第 {n} 个要素"),
    row_issue: |row, field, what| format!("{row}，“{field}”：{what}"),
    problem_missing: "是空的",
    problem_not_a_number: |found| format!("不是数字（“{found}”）"),
    problem_not_finite: "不是有效数字（NaN 或无穷大）",
    problem_lat_out_of_range: "纬度超出 ±90°",
    problem_lon_out_of_range: "经度超出 ±180°",
    problem_swapped: "经度和纬度好像填反了",
    problem_negative: "是负数",
    problem_duplicate: |first| format!("和{first}重复"),
    problem_no_geometry: "没有几何位置",
    problem_not_two_numbers: |found| format!("不是经度和纬度两个数（“{found}”）"),
    problem_not_a_point: |found| format!("是 {found} 图形，不是一个点（POINT）"),

    warn_duplicate_lines: |n, lines| {
        let list: Vec<String> = lines.iter().map(u64::to_string).collect();
        let more = if n > lines.len() { "…" } else { "" };
        format!("{n} 行与前面的行完全相同（第 {} 行{more}），只算一次", list.join("、"))
    },
    warn_duplicate_features: |n, features| {
        let list: Vec<String> = features.iter().map(usize::to_string).collect();
        let more = if n > features.len() { "…" } else { "" };
        format!("{n} 个要素与前面的要素完全相同（第 {} 个{more}），只算一次", list.join("、"))
    },
    warn_latitude_first: "大多数行的坐标好像是纬度在前（如“23.13,113.26”），而这一列应该是经度在前：\
        请把它拆成“经度”和“纬度”两列（Excel 的“分列”可以做到）再导入。",

    map_no_position: "请选择经度列和纬度列，或者同时写着经纬度的那一列。",
    map_no_count: "请选择老年人数所在的列。",
    map_table: |detail| format!("读取表格时出错：{detail}"),

    reference_demand: |i| format!("demand[{i}]：应为 [经度, 纬度, 权重]，经纬度是有效的 WGS84 度数，权重不小于 0"),
    reference_candidate: |i| format!("candidates[{i}]：应为 [经度, 纬度]，是有效的 WGS84 度数"),
    reference_radius: "radius_m 必须是正数（米）",
    reference_fixed: |i| format!("fixed[{i}] 不是候选点的编号"),
};

/// English.
pub const EN: PlannerWords = PlannerWords {
    scale_metres: |m| format!("{m} m"),
    scale_km: |km| format!("{km} km"),
    position: |lon, lat| {
        let ns = if lat < 0.0 { "S" } else { "N" };
        let ew = if lon < 0.0 { "W" } else { "E" };
        format!("{:.4}° {ns}, {:.4}° {ew}", lat.abs(), lon.abs())
    },

    csv_header: |system| {
        vec![
            "rank".to_string(),
            "name".to_string(),
            format!("longitude ({system})"),
            format!("latitude ({system})"),
            "chosen".to_string(),
            "older people covered".to_string(),
            "newly covered".to_string(),
            "weighted covered".to_string(),
            "density (per km²)".to_string(),
            "expected meals per day".to_string(),
            "capacity (meals/day)".to_string(),
            "capacity fit".to_string(),
            "cost".to_string(),
        ]
    },
    csv_yes: "yes",
    csv_no: "no",

    project_not_a_project: |why| format!("This is not a zhucan project file ({why})."),
    project_newer: |v| format!("This project was saved by a newer zhucan (format version {v}); please update this page first."),
    project_damaged: |name| format!("“{name}” in the project file is damaged."),
    project_missing: |name| format!("The project file lacks the contents of “{name}”."),

    row_line: |n| format!("line {n}"),
    row_feature: |n| format!("feature {n}"),
    row_issue: |row, field, what| format!("{row}, “{field}”: {what}"),
    problem_missing: "is empty",
    problem_not_a_number: |found| format!("is not a number (“{found}”)"),
    problem_not_finite: "is not a valid number (NaN or infinite)",
    problem_lat_out_of_range: "latitude beyond ±90°",
    problem_lon_out_of_range: "longitude beyond ±180°",
    problem_swapped: "longitude and latitude look swapped",
    problem_negative: "is negative",
    problem_duplicate: |first| format!("repeats {first}"),
    problem_no_geometry: "has no geometry",
    problem_not_two_numbers: |found| format!("is not two numbers, a longitude and a latitude (“{found}”)"),
    problem_not_a_point: |found| format!("is a {found}, not a point (POINT)"),

    warn_duplicate_lines: |n, lines| {
        let list: Vec<String> = lines.iter().map(u64::to_string).collect();
        let more = if n > lines.len() { ", …" } else { "" };
        if n == 1 {
            format!("1 row repeats an earlier row exactly (line {}) and counts once", list.join(", "))
        } else {
            format!("{n} rows repeat earlier rows exactly (lines {}{more}); each record counts once", list.join(", "))
        }
    },
    warn_duplicate_features: |n, features| {
        let list: Vec<String> = features.iter().map(usize::to_string).collect();
        let more = if n > features.len() { ", …" } else { "" };
        if n == 1 {
            format!("1 feature repeats an earlier feature exactly (feature {}) and counts once", list.join(", "))
        } else {
            format!("{n} features repeat earlier features exactly (features {}{more}); each counts once", list.join(", "))
        }
    },
    warn_latitude_first: "In most rows the coordinates look like latitude first (as in “23.13,113.26”), but this column must give \
        longitude first: split it into a longitude and a latitude column (Excel's Text to Columns does this) and import again.",

    map_no_position: "Choose the longitude and latitude columns, or the one column holding both.",
    map_no_count: "Choose the column with the number of older people.",
    map_table: |detail| format!("The table could not be read: {detail}"),

    reference_demand: |i| format!("demand[{i}]: expected [lon, lat, weight] with valid WGS84 degrees and weight >= 0"),
    reference_candidate: |i| format!("candidates[{i}]: expected [lon, lat] in valid WGS84 degrees"),
    reference_radius: "radius_m must be a positive number of metres",
    reference_fixed: |i| format!("fixed[{i}] is not a candidate index"),
};

/// The planner core's words in `locale`.
pub fn words(locale: Locale) -> &'static PlannerWords {
    match locale {
        Locale::ZhCn => &ZH_CN,
        Locale::En => &EN,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::planner::data::{FileWarning, MappingError, Problem, RowIssue, RowRef};
    use crate::core::planner::form::{SettingsError, SettingsField};
    use crate::core::planner::problem::ProblemError;
    use crate::core::planner::project::ProjectError;

    #[test]
    fn a_bad_row_names_its_line_and_column_in_each_language() {
        let issue = RowIssue { row: RowRef::Line(3), field: "经度".into(), problem: Problem::NotANumber { found: "abc".into() } };
        assert_eq!(issue.message(Locale::ZhCn), "第 3 行，“经度”：不是数字（“abc”）");
        assert_eq!(issue.message(Locale::En), "line 3, “经度”: is not a number (“abc”)");
        // Features are counted from 1 in words (index 4 is the fifth).
        let dup = RowIssue { row: RowRef::Feature(4), field: "name".into(), problem: Problem::Duplicate { first: RowRef::Feature(0) } };
        assert_eq!(dup.message(Locale::ZhCn), "第 5 个要素，“name”：和第 1 个要素重复");
        assert_eq!(dup.message(Locale::En), "feature 5, “name”: repeats feature 1");
        assert_eq!(Problem::Swapped.message(Locale::ZhCn), "经度和纬度好像填反了");
        assert_eq!(Problem::NotFinite.message(Locale::En), "is not a valid number (NaN or infinite)");
    }

    #[test]
    fn one_column_of_both_coordinates_and_exact_duplicates_in_each_language() {
        let issue = RowIssue { row: RowRef::Line(7), field: "location".into(), problem: Problem::NotTwoNumbers { found: "113.26".into() } };
        assert_eq!(issue.message(Locale::ZhCn), "第 7 行，“location”：不是经度和纬度两个数（“113.26”）");
        assert_eq!(issue.message(Locale::En), "line 7, “location”: is not two numbers, a longitude and a latitude (“113.26”)");
        let wkt = RowIssue { row: RowRef::Line(2), field: "wkt".into(), problem: Problem::NotAPoint { found: "POLYGON".into() } };
        assert_eq!(wkt.message(Locale::ZhCn), "第 2 行，“wkt”：是 POLYGON 图形，不是一个点（POINT）");
        assert_eq!(wkt.message(Locale::En), "line 2, “wkt”: is a POLYGON, not a point (POINT)");

        // Five rows left out, the first three listed: more follow ("…").
        let five = FileWarning::ExactDuplicates { rows: 5, first: vec![RowRef::Line(12), RowRef::Line(40), RowRef::Line(77)] };
        assert_eq!(five.core_message(Locale::ZhCn).as_deref(), Some("5 行与前面的行完全相同（第 12、40、77 行…），只算一次"));
        assert_eq!(
            five.core_message(Locale::En).as_deref(),
            Some("5 rows repeat earlier rows exactly (lines 12, 40, 77, …); each record counts once")
        );
        // All listed: no "…".
        let two = FileWarning::ExactDuplicates { rows: 2, first: vec![RowRef::Line(3), RowRef::Line(9)] };
        assert_eq!(two.core_message(Locale::ZhCn).as_deref(), Some("2 行与前面的行完全相同（第 3、9 行），只算一次"));
        let one = FileWarning::ExactDuplicates { rows: 1, first: vec![RowRef::Line(4)] };
        assert_eq!(one.core_message(Locale::En).as_deref(), Some("1 row repeats an earlier row exactly (line 4) and counts once"));
        // Features are counted from 1 (index 1 is the second).
        let features = FileWarning::ExactDuplicates { rows: 4, first: vec![RowRef::Feature(1), RowRef::Feature(4), RowRef::Feature(8)] };
        assert_eq!(features.core_message(Locale::ZhCn).as_deref(), Some("4 个要素与前面的要素完全相同（第 2、5、9 个…），只算一次"));
        assert_eq!(
            features.core_message(Locale::En).as_deref(),
            Some("4 features repeat earlier features exactly (features 2, 5, 9, …); each counts once")
        );
        assert!(FileWarning::MostlyLatitudeFirst.core_message(Locale::ZhCn).is_some_and(|m| m.starts_with("大多数行的坐标好像是纬度在前")));
        assert_eq!(FileWarning::MostlySwapped.core_message(Locale::ZhCn), None);
    }

    #[test]
    fn errors_in_each_language() {
        let range =
            SettingsError { field: SettingsField::RadiusM, problem: crate::core::form::Problem::NotInRange { min: 50.0, max: 50_000.0 } };
        assert_eq!(range.message(Locale::ZhCn), "请填写 50 到 50000 之间的数");
        assert_eq!(range.message(Locale::En), "Please enter a number from 50 to 50000");
        let damaged = ProjectError::Damaged("点.csv".into());
        assert_eq!(damaged.message(Locale::ZhCn), "项目文件里的“点.csv”已损坏。");
        assert_eq!(damaged.message(Locale::En), "“点.csv” in the project file is damaged.");
        assert_eq!(MappingError::Table("x".into()).message(Locale::ZhCn), "读取表格时出错：x");
        assert_eq!(MappingError::NoCount.to_string(), "Choose the column with the number of older people.");
        assert_eq!(ProblemError::Fixed(2).message(Locale::ZhCn), "fixed[2] 不是候选点的编号");
        assert_eq!(ProblemError::Fixed(2).to_string(), "fixed[2] is not a candidate index");
        assert_eq!(ProblemError::Radius.to_string(), "radius_m must be a positive number of metres");
    }

    #[test]
    fn the_export_header_names_the_coordinate_system() {
        let chinese = (ZH_CN.csv_header)("BD-09");
        let english = (EN.csv_header)("BD-09");
        assert_eq!((chinese.len(), english.len()), (13, 13));
        assert_eq!(chinese[..4], ["排名", "名称", "经度(BD-09)", "纬度(BD-09)"]);
        assert_eq!(english[..4], ["rank", "name", "longitude (BD-09)", "latitude (BD-09)"]);
    }
}
