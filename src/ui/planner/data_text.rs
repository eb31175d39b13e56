//! The words of the planner's data step beyond tables — population rasters, a workbook's sheets,
//! the study-area boundary — in Chinese and English. Field names say what each string is.
#![allow(missing_docs)]

use crate::core::locale::thousands;
use crate::core::Locale;

pub struct DataTexts {
    /// The other providers' file card: title, hint, short name (in lists), map legend.
    pub role_competitors: &'static str,
    pub role_competitors_hint: &'static str,
    pub competitors_short: &'static str,
    pub legend_competitors: &'static str,
    /// The results' line: older people already served by other providers (people, providers,
    /// meals a day).
    pub by_others: fn(&str, usize, &str) -> String,
    /// The sheet choice's label.
    pub sheet_label: &'static str,
    /// The workbook's sheet in use.
    pub sheet_in_use: fn(&str) -> String,
    /// Above the sheet choice (how many sheets hold data).
    pub sheet_hint: fn(usize) -> String,
    /// Several files chosen, not all rasters.
    pub mixed_files: &'static str,
    /// Several rasters together over the size limit (their MB, the limit).
    pub rasters_too_large: fn(u64, u64) -> String,
    /// Above the list of rasters chosen (how many).
    pub raster_title: fn(usize) -> String,
    /// What each file counts: the choice's hint.
    pub raster_counts_hint: &'static str,
    pub raster_counts_people: &'static str,
    pub raster_counts_extra: &'static str,
    pub raster_extra_name_label: &'static str,
    /// The extra weight's name when the planner gives none.
    pub raster_extra_default: &'static str,
    /// Which cells are read (the most cells one read takes).
    pub raster_window_help: fn(u64) -> String,
    /// The rasters in use (files, demand points).
    pub raster_in_use: fn(usize, usize) -> String,
    /// The files added up.
    pub raster_files: fn(&[String]) -> String,
    /// The files kept as the extra weight (its name, the files).
    pub raster_extra_files: fn(&str, &[String]) -> String,
    /// The window: around the candidates (metres, extent).
    pub window_candidates: fn(&str, &str) -> String,
    /// The window: the boundary's rectangle (extent).
    pub window_boundary: fn(&str) -> String,
    /// The window: the whole file (extent).
    pub window_whole: fn(&str) -> String,
    /// An extent: west, east, south, north in degrees.
    pub extent: fn(f64, f64, f64, f64) -> String,
    /// Cells read, cells with people, people.
    pub raster_cells: fn(u64, usize, &str) -> String,
    /// Cells skipped: no data, negative, empty.
    pub raster_skipped: fn(u64, u64, u64) -> String,
    /// The extra weight's people (its name, people).
    pub raster_extra_people: fn(&str, &str) -> String,
    /// A whole file too large to read without a window (cells, the most one read takes).
    pub raster_needs_window: fn(u64, u64) -> String,
    /// A raster that could not be read (its name, why).
    pub raster_failed: fn(&str, &str) -> String,
    /// The rasters read before stay in use.
    pub raster_still_in_use: &'static str,
    pub boundary_title: &'static str,
    pub boundary_hint: &'static str,
    pub boundary_use: &'static str,
    /// The boundary in use (file name, areas' names or how many).
    pub boundary_in_use: fn(&str, &str) -> String,
    /// How many areas, when they have no names.
    pub boundary_areas: fn(usize) -> String,
    /// The areas' names, listed.
    pub boundary_names: fn(&[String]) -> String,
    /// Demand outside (points outside, of, people).
    pub boundary_demand_outside: fn(usize, usize, &str) -> String,
    /// Candidates outside (outside, of, first names).
    pub boundary_candidates_outside: fn(usize, usize, &[String]) -> String,
    /// Nothing outside (of demand points, of candidates).
    pub boundary_all_inside: &'static str,
    /// Features that are not polygons (how many).
    pub boundary_skipped: fn(usize) -> String,
    /// A boundary file not read (its name, why).
    pub boundary_failed: fn(&str, &str) -> String,
    pub boundary_still_in_use: &'static str,
    pub nothing_inside: &'static str,
    /// The report's line for the study area.
    pub cond_area: &'static str,
    /// Its value: the boundary, its areas, what it left out (demand points, people, candidates).
    pub cond_area_value: fn(&str, &str, usize, &str, usize) -> String,
    pub legend_boundary: &'static str,
}

fn list_zh(items: &[String]) -> String {
    items.join("、")
}

fn list_en(items: &[String]) -> String {
    items.join(", ")
}

/// "s" for any count but one (English plurals).
fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

pub const ZH_CN: DataTexts = DataTexts {
    role_competitors: "其他助餐点（不由本次规划选址）",
    role_competitors_hint: "可选。别人办的助餐点（如餐馆的老人餐、其他项目的食堂）：不会被选中，步行范围内的老人算作已有人服务，不计入本次规划。",
    competitors_short: "其他助餐点",
    legend_competitors: "其他助餐点（不由本次规划选址）",
    by_others: |people, sites, meals| format!("已由其他助餐点服务：{people} 位老人在 {sites} 个其他助餐点的步行范围内（每天约 {meals} 餐），不计入本次规划。"),
    sheet_label: "工作表",
    sheet_in_use: |sheet| format!("读取的工作表：{sheet}"),
    sheet_hint: |n| format!("这个工作簿有{n}个有数据的工作表，请选择要导入的一个。"),
    mixed_files: "一次选多个文件时，只能都是人口栅格（.tif、.asc、.xyz）；表格文件请一次选一个。",
    rasters_too_large: |mb, limit| format!("这些栅格文件一共{mb} MB，超过了{limit} MB的上限。请在GIS软件里先裁剪到研究区域。"),
    raster_title: |n| format!("已选择{n}个人口栅格文件"),
    raster_counts_hint: "每个文件计入什么：计入老年人口的文件逐格相加（例如60岁以上各年龄段、男女各一个文件）；设为额外权重的文件加在一起，作为一项可加权的人数（例如80岁以上）。",
    raster_counts_people: "老年人口（逐格相加）",
    raster_counts_extra: "额外权重（如80岁以上）",
    raster_extra_name_label: "额外权重的名称",
    raster_extra_default: "80岁以上",
    raster_window_help: |max| {
        format!(
            "只读取研究范围里的格子：已载入研究范围边界时，读边界所在的范围；否则读候选地点周围服务半径以内；两者都还没有时，读整个文件（最多{}个格子）。候选地点或边界导入后，会自动按它们重新读取。栅格须是经纬度坐标（WGS84，EPSG:4326），例如 WorldPop 网站的人口栅格。",
            thousands(max as f64)
        )
    },
    raster_in_use: |files, points| format!("正在使用：{files}个栅格文件，{}个有人的格子", thousands(points as f64)),
    raster_files: |files| format!("计入老年人口的文件：{}", list_zh(files)),
    raster_extra_files: |name, files| format!("额外权重“{name}”的文件：{}", list_zh(files)),
    window_candidates: |m, extent| format!("读取范围：候选地点周围{m}米以内（{extent}）"),
    window_boundary: |extent| format!("读取范围：研究范围边界（{extent}）"),
    window_whole: |extent| format!("读取范围：整个文件（{extent}）。导入候选地点或边界后，只读取它们周围的格子。"),
    extent: |w, e, s, n| format!("东经{w:.3}°至{e:.3}°，北纬{s:.3}°至{n:.3}°"),
    raster_cells: |read, points, people| format!("读取了{}个格子：{}个有人，共{people}人。", thousands(read as f64), thousands(points as f64)),
    raster_skipped: |nodata, negative, empty| {
        format!(
            "跳过的格子：无数据{}个，负数{}个，0人{}个。",
            thousands(nodata as f64),
            thousands(negative as f64),
            thousands(empty as f64)
        )
    },
    raster_extra_people: |name, people| format!("额外权重“{name}”：共{people}人。"),
    raster_needs_window: |cells, max| {
        format!(
            "这个栅格共有{}个格子，一次最多读取{}个。请先导入候选地点或研究范围边界，再点“导入”：那时只读取它们周围的格子。",
            thousands(cells as f64),
            thousands(max as f64)
        )
    },
    raster_failed: |name, why| format!("{name} 没有读取：{why}"),
    raster_still_in_use: "仍在使用之前读取的格子。",
    boundary_title: "研究范围边界（可选）",
    boundary_hint: "区或街道的边界（GeoJSON 面要素，可带名称）：只计算边界里面的老年人口和候选地点，边界外的会列出数量，不参与计算。现有食堂不受影响。",
    boundary_use: "使用这个边界",
    boundary_in_use: |name, areas| format!("正在使用边界：{name}（{areas}）"),
    boundary_areas: |n| format!("{n}个区域"),
    boundary_names: list_zh,
    boundary_demand_outside: |outside, of, people| {
        format!("边界外的老年人口：{}个点（共{}个），{people}人，不参与计算。", thousands(outside as f64), thousands(of as f64))
    },
    boundary_candidates_outside: |outside, of, names| {
        let named = if names.is_empty() { String::new() } else { format!("：{}", list_zh(names)) };
        format!("边界外的候选地点：{}个（共{}个）{named}，不参与计算。", thousands(outside as f64), thousands(of as f64))
    },
    boundary_all_inside: "已导入的老年人口和候选地点都在边界里。",
    boundary_skipped: |n| format!("文件里有{n}个要素不是面（点或线），没有使用。"),
    boundary_failed: |name, why| format!("{name} 没有读取：{why}"),
    boundary_still_in_use: "仍在使用之前的边界。",
    nothing_inside: "研究范围边界里没有老年人口或候选地点：请检查边界的坐标系，或换一个边界。",
    cond_area: "研究范围",
    cond_area_value: |name, areas, points, people, sites| {
        format!("{name}（{areas}）；边界外的{points}个人口点（{people}人）和{sites}个候选地点未参与计算")
    },
    legend_boundary: "研究范围边界",
};

pub const EN: DataTexts = DataTexts {
    role_competitors: "Other meal providers (not chosen by this plan)",
    role_competitors_hint: "Optional. Meal providers others run (a restaurant's elder menu, another programme's canteen): never chosen; older people within walking reach of them count as already served and are left out of this plan.",
    competitors_short: "Other meal providers",
    legend_competitors: "Other meal provider (not chosen by this plan)",
    by_others: |people, sites, meals| {
        format!("Already served by others: {people} older people live within walking reach of the other meal providers ({sites} of them; about {meals} meals a day), left out of this plan.")
    },
    sheet_label: "Sheet",
    sheet_in_use: |sheet| format!("Sheet read: {sheet}"),
    sheet_hint: |n| format!("This workbook has {n} sheets with data; choose the one to import."),
    mixed_files: "Several files at once must all be population rasters (.tif, .asc, .xyz); choose a table one file at a time.",
    rasters_too_large: |mb, limit| format!("These raster files come to {mb} MB together, over the {limit} MB limit. Clip them to the study area in a GIS first."),
    raster_title: |n| format!("{n} population raster file{} chosen", plural(n)),
    raster_counts_hint: "What each file counts: files counted as older people are added cell by cell (e.g. one file per 60+ age band and sex); files set as the extra weight are added into one count that can be weighted (e.g. 80+).",
    raster_counts_people: "older people (added cell by cell)",
    raster_counts_extra: "extra weight (e.g. 80+)",
    raster_extra_name_label: "Name of the extra weight",
    raster_extra_default: "80+",
    raster_window_help: |max| {
        format!(
            "Only the cells of the study area are read: the boundary's extent when a study-area boundary is loaded; otherwise the service radius around the candidate sites; with neither yet, the whole file (at most {} cells). When candidates or a boundary are imported, the raster is read again around them. Rasters must be in longitude/latitude (WGS84, EPSG:4326), as WorldPop's GeoTIFFs are.",
            thousands(max as f64)
        )
    },
    raster_in_use: |files, points| format!("In use: {files} raster file{}, {} cell{} with people", plural(files), thousands(points as f64), plural(points)),
    raster_files: |files| format!("Files counted as older people: {}", list_en(files)),
    raster_extra_files: |name, files| format!("Files of the extra weight “{name}”: {}", list_en(files)),
    window_candidates: |m, extent| format!("Area read: within {m} m of the candidate sites ({extent})"),
    window_boundary: |extent| format!("Area read: the study-area boundary ({extent})"),
    window_whole: |extent| format!("Area read: the whole file ({extent}). Once candidates or a boundary are imported, only the cells around them are read."),
    extent: |w, e, s, n| format!("{w:.3}° to {e:.3}° E, {s:.3}° to {n:.3}° N"),
    raster_cells: |read, points, people| {
        format!("{} cell{} read: {} with people, {people} people in all.", thousands(read as f64), plural(read as usize), thousands(points as f64))
    },
    raster_skipped: |nodata, negative, empty| {
        format!(
            "Cells skipped: {} no data, {} negative, {} with nobody.",
            thousands(nodata as f64),
            thousands(negative as f64),
            thousands(empty as f64)
        )
    },
    raster_extra_people: |name, people| format!("Extra weight “{name}”: {people} people in all."),
    raster_needs_window: |cells, max| {
        format!(
            "This raster has {} cells; one read takes at most {}. Import the candidate sites or a study-area boundary first, then press “Import”: only the cells around them will be read.",
            thousands(cells as f64),
            thousands(max as f64)
        )
    },
    raster_failed: |name, why| format!("{name} was not read: {why}"),
    raster_still_in_use: "The cells read before are still in use.",
    boundary_title: "Study-area boundary (optional)",
    boundary_hint: "A district's or subdistrict's outline (GeoJSON Polygon or MultiPolygon, with names if any): only the older people and candidate sites inside it are planned for; those outside are counted and left out. Existing canteens are kept.",
    boundary_use: "Use this boundary",
    boundary_in_use: |name, areas| format!("Boundary in use: {name} ({areas})"),
    boundary_areas: |n| format!("{n} area{}", plural(n)),
    boundary_names: list_en,
    boundary_demand_outside: |outside, of, people| {
        format!(
            "Older people outside the boundary: {} point{} (of {}), {people} people, left out.",
            thousands(outside as f64),
            plural(outside),
            thousands(of as f64)
        )
    },
    boundary_candidates_outside: |outside, of, names| {
        let named = if names.is_empty() { String::new() } else { format!(": {}", list_en(names)) };
        format!("Candidate sites outside the boundary: {} (of {}){named}, left out.", thousands(outside as f64), thousands(of as f64))
    },
    boundary_all_inside: "The older people and candidate sites imported are all inside the boundary.",
    boundary_skipped: |n| format!("{n} feature{} of the file {} not areas (points or lines), not used.", plural(n), if n == 1 { "is" } else { "are" }),
    boundary_failed: |name, why| format!("{name} was not read: {why}"),
    boundary_still_in_use: "The previous boundary is still in use.",
    nothing_inside: "No older people or no candidate sites lie inside the study-area boundary: check the boundary's coordinate system, or use another boundary.",
    cond_area: "Study area",
    cond_area_value: |name, areas, points, people, sites| {
        format!("{name} ({areas}); {points} demand points ({people} people) and {sites} candidate sites outside it were left out")
    },
    legend_boundary: "Study-area boundary",
};

/// The table for a language.
pub fn data_texts(locale: Locale) -> &'static DataTexts {
    match locale {
        Locale::ZhCn => &ZH_CN,
        Locale::En => &EN,
    }
}
