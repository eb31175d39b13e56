//! The planning report CSV's words ([`super::report::report_csv`]), in each language: one table
//! per language ([`ZH_CN`], [`EN`]), one accessor ([`words`]).

use crate::core::Locale;

/// The planning report's words in one language.
pub struct ReportWords {
    /// The header row: section, item, value, note.
    pub header: [&'static str; 4],
    /// Section: what the plan was made from.
    pub sec_conditions: &'static str,
    /// Section: the headline indicators.
    pub sec_indicators: &'static str,
    /// Section: fairness.
    pub sec_fairness: &'static str,
    /// Section: the open sites.
    pub sec_sites: &'static str,
    /// Section: per 街道.
    pub sec_areas: &'static str,
    /// Section: the assumptions and their sources.
    pub sec_assumptions: &'static str,
    /// The date of the report.
    pub date: &'static str,
    /// A data file (its role).
    pub data_file: fn(&str) -> String,
    /// A data file's value: its name, rows in use, coordinate system.
    pub data_file_value: fn(&str, usize, &str) -> String,
    /// The simulated demo district (no files).
    pub demo: &'static str,
    /// The role words of the files: demand, candidates, existing canteens.
    pub roles: [&'static str; 4],
    /// The coordinate system of the positions.
    pub crs: &'static str,
    /// Its note.
    pub crs_note: &'static str,
    /// The objective.
    pub objective: &'static str,
    /// People within reach.
    pub objective_covered: &'static str,
    /// Meals served within capacity.
    pub objective_capacitated: &'static str,
    /// Sites chosen.
    pub sites_chosen: &'static str,
    /// Walk-in coverage rate.
    pub rate_walk: &'static str,
    /// Its note (reached of people).
    pub rate_walk_note: fn(f64, f64) -> String,
    /// Delivery coverage rate.
    pub rate_delivery: &'static str,
    /// Its note (column, radius, reached of people).
    pub rate_delivery_note: fn(&str, f64, f64, f64) -> String,
    /// Coverage with delivery.
    pub rate_total: &'static str,
    /// Older people already served by other providers.
    pub by_others: &'static str,
    /// Its note (providers, meals a day they cover).
    pub by_others_note: fn(usize, f64) -> String,
    /// Meals needed a day.
    pub meals_need: &'static str,
    /// Meals served a day.
    pub meals_served: &'static str,
    /// Meals needed within reach and not served (sites full).
    pub meals_unserved_covered: &'static str,
    /// Meals needed beyond every site's reach.
    pub meals_uncovered: &'static str,
    /// Capacity of the open sites.
    pub capacity_open: &'static str,
    /// Overall supply-demand ratio.
    pub ratio_overall: &'static str,
    /// Its note.
    pub ratio_note: &'static str,
    /// Gini before the plan.
    pub gini_before: &'static str,
    /// Gini after.
    pub gini_after: &'static str,
    /// Gini's note.
    pub gini_note: &'static str,
    /// Mean accessibility before.
    pub mean_before: &'static str,
    /// After.
    pub mean_after: &'static str,
    /// Share within minutes on foot, before the plan (minutes).
    pub within_before: fn(f64) -> String,
    /// After.
    pub within_after: fn(f64) -> String,
    /// The per-site header: name, role, capacity, meals assigned, of which delivered,
    /// utilisation, unserved, need within reach, supply-demand ratio, people within reach.
    pub site_header: [&'static str; 10],
    /// The role words: existing, locked, chosen.
    pub site_roles: [&'static str; 3],
    /// The capacity was the default.
    pub default_marker: &'static str,
    /// The per-街道 header: name, older people, meals needed, open sites, capacity, ratio.
    pub area_header: [&'static str; 6],
    /// The assumptions: each an item, its value (a fn of the figure) and its source.
    pub a_radius: &'static str,
    /// Radius source.
    pub a_radius_source: &'static str,
    /// Need share.
    pub a_need: &'static str,
    /// Need share source.
    pub a_need_source: &'static str,
    /// Meals a day.
    pub a_meals: &'static str,
    /// Meals source.
    pub a_meals_source: &'static str,
    /// Default capacity.
    pub a_capacity: &'static str,
    /// Default capacity source.
    pub a_capacity_source: &'static str,
    /// Delivery radius.
    pub a_delivery: &'static str,
    /// Delivery radius source.
    pub a_delivery_source: &'static str,
    /// Accessibility method.
    pub a_access: &'static str,
    /// Its value (catchment metres).
    pub a_access_value: fn(f64) -> String,
    /// Its source.
    pub a_access_source: &'static str,
    /// Walking pace for the minutes.
    pub a_walk: &'static str,
    /// Its value (speed, detour).
    pub a_walk_value: fn(f64, f64) -> String,
    /// How the minutes were measured.
    pub a_minutes: &'static str,
    /// Along the roads.
    pub a_minutes_roads: &'static str,
    /// In a straight line.
    pub a_minutes_line: &'static str,
    /// Its source.
    pub a_walk_source: &'static str,
    /// Existing canteens.
    pub a_existing: &'static str,
    /// Counted.
    pub a_existing_yes: &'static str,
    /// Left out.
    pub a_existing_no: &'static str,
}

/// Chinese.
pub const ZH_CN: ReportWords = ReportWords {
    header: ["部分", "项目", "数值", "说明"],
    sec_conditions: "规划条件",
    sec_indicators: "主要指标",
    sec_fairness: "公平程度",
    sec_sites: "开放的助餐点",
    sec_areas: "各街道",
    sec_assumptions: "假设与来源",
    date: "日期",
    data_file: |role| format!("数据文件（{role}）"),
    data_file_value: |name, rows, crs| format!("{name}（使用 {rows} 行，{crs}）"),
    demo: "模拟示例区（非真实数据）",
    roles: ["需求", "候选点", "现有食堂", "其他助餐点"],
    crs: "坐标系",
    crs_note: "本报告位置为各文件原坐标系；计算距离前统一换算为 WGS84",
    objective: "选址目标",
    objective_covered: "覆盖人数",
    objective_capacitated: "能吃上饭的人数（按容量）",
    sites_chosen: "新选助餐点数",
    rate_walk: "步行覆盖率",
    rate_walk_note: |reached, people| format!("能走去的 {people:.0} 位老人中 {reached:.0} 位在服务半径内"),
    rate_delivery: "送餐覆盖率",
    rate_delivery_note: |column, radius, reached, people| {
        format!("{people:.0} 位{column}老人中 {reached:.0} 位在送餐半径 {radius:.0} 米内")
    },
    rate_total: "含送餐的总覆盖率",
    by_others: "已由其他助餐点服务的老人",
    by_others_note: |sites, meals| format!("{sites} 个其他助餐点（不由本次规划选址）步行范围内，每天约 {meals:.1} 餐不计入本规划"),
    meals_need: "每天需要的餐数",
    meals_served: "每天能供应的餐数",
    meals_unserved_covered: "在服务范围内但助餐点已满、未能供应的餐数",
    meals_uncovered: "不在任何助餐点范围内的餐数",
    capacity_open: "开放助餐点日供餐能力合计",
    ratio_overall: "总供需比",
    ratio_note: "日供餐能力 ÷ 需要的餐数；小于 1 表示供不应求",
    gini_before: "基尼系数（规划前）",
    gini_after: "基尼系数（规划后）",
    gini_note: "可达性在老人中的分布，0 为完全均衡，越小越均衡",
    mean_before: "平均可达性（规划前）",
    mean_after: "平均可达性（规划后）",
    within_before: |m| format!("步行 {m:.0} 分钟内有助餐点的老人比例（规划前）"),
    within_after: |m| format!("步行 {m:.0} 分钟内有助餐点的老人比例（规划后）"),
    site_header: [
        "助餐点",
        "类型",
        "日供餐能力",
        "每天分配餐数",
        "其中送餐",
        "使用率",
        "已满未能供应的餐数",
        "范围内需要的餐数",
        "供需比",
        "范围内老人数",
    ],
    site_roles: ["现有食堂", "锁定", "新选"],
    default_marker: "（默认）",
    area_header: ["街道", "老人数", "每天需要的餐数", "开放助餐点数", "日供餐能力", "供需比"],
    a_radius: "服务半径（米）",
    a_radius_source: "北京：每个养老助餐点服务半径不超过 1000 米（关于提升北京市养老助餐服务管理水平的实施意见，2022）",
    a_need: "需要助餐的老人比例",
    a_need_source: "民政部调查：22.1% 的老年人有助餐需求（中国日报，2024-11-07；可信度中）",
    a_meals: "每人每天餐数",
    a_meals_source: "一顿正餐（补贴多按午餐计）",
    a_capacity: "未填写容量的助餐点日供餐能力（餐）",
    a_capacity_source: "上海 2025 年目标每天 25 万餐，400 个社区长者食堂和 2000 个助餐点，平均每处约 104 餐（上海实施意见）",
    a_delivery: "送餐半径（米）",
    a_delivery_source:
        "未找到规定送餐距离的政策；报道的送餐时间为 10–15 分钟（雅安、上海）；3000 米为城市外卖 3–5 公里配送范围的下限（推理，非规定）",
    a_access: "可达性计算方法",
    a_access_value: |m| format!("高斯两步移动搜索法，搜索半径 {m:.0} 米"),
    a_access_source: "Dai 2010，Health & Place 16(5)；陶卓霖等 2023，地理学报 78(2)",
    a_walk: "步行速度与绕行系数",
    a_walk_value: |speed, detour| format!("每分钟 {speed} 米，绕行系数 {detour}"),
    a_minutes: "步行分钟的算法",
    a_minutes_roads: "沿道路文件中的道路（离道路太远的点按直线乘绕行系数）",
    a_minutes_line: "直线距离乘绕行系数",
    a_walk_source: "老年人谨慎步速（每秒 1.0 米），城市路网常见绕行系数",
    a_existing: "现有食堂",
    a_existing_yes: "始终开放，覆盖和容量计入",
    a_existing_no: "未计入",
};

/// English.
pub const EN: ReportWords = ReportWords {
    header: ["Section", "Item", "Value", "Note"],
    sec_conditions: "Conditions",
    sec_indicators: "Main indicators",
    sec_fairness: "Fairness",
    sec_sites: "Open sites",
    sec_areas: "Sub-districts",
    sec_assumptions: "Assumptions and sources",
    date: "Date",
    data_file: |role| format!("Data file ({role})"),
    data_file_value: |name, rows, crs| format!("{name} ({rows} rows in use, {crs})"),
    demo: "Simulated demo district (not real data)",
    roles: ["demand", "candidates", "existing canteens", "other meal providers"],
    crs: "Coordinate system",
    crs_note: "Positions in each file's own system; converted to WGS84 before distances are measured",
    objective: "Sites chosen for",
    objective_covered: "People within reach",
    objective_capacitated: "People who can get a meal (by capacity)",
    sites_chosen: "New sites chosen",
    rate_walk: "Walk-in coverage",
    rate_walk_note: |reached, people| format!("{reached:.0} of the {people:.0} older people who can walk within the service radius"),
    rate_delivery: "Delivery coverage",
    rate_delivery_note: |column, radius, reached, people| format!("{reached:.0} of {people:.0} people counted as {column} within the delivery radius of {radius:.0} m"),
    rate_total: "Coverage with delivery",
    by_others: "Older people already served by other providers",
    by_others_note: |sites, meals| format!("Within walking reach of the other meal providers (not chosen by this plan; {sites} of them); about {meals:.1} meals a day left out of this plan"),
    meals_need: "Meals needed a day",
    meals_served: "Meals served a day",
    meals_unserved_covered: "Meals needed within reach but not served (sites full)",
    meals_uncovered: "Meals needed beyond every site's reach",
    capacity_open: "Capacity of the open sites",
    ratio_overall: "Supply-demand ratio overall",
    ratio_note: "Meals a day the sites can cook ÷ meals needed; below 1: not enough",
    gini_before: "Gini coefficient (before)",
    gini_after: "Gini coefficient (after)",
    gini_note: "How access is spread among older people: 0 is perfectly even; smaller is fairer",
    mean_before: "Mean accessibility (before)",
    mean_after: "Mean accessibility (after)",
    within_before: |m| format!("Older people within {m:.0} minutes' walk of a site (before)"),
    within_after: |m| format!("Older people within {m:.0} minutes' walk of a site (after)"),
    site_header: [
        "Site",
        "Kind",
        "Meals a day it can cook",
        "Meals a day assigned",
        "Of which delivered",
        "Use",
        "Meals not served (full)",
        "Meals needed within reach",
        "Supply-demand ratio",
        "Older people within reach",
    ],
    site_roles: ["Existing canteen", "Locked", "New"],
    default_marker: " (default)",
    area_header: ["Sub-district", "Older people", "Meals needed a day", "Open sites", "Meals a day they can cook", "Supply-demand ratio"],
    a_radius: "Service radius (m)",
    a_radius_source: "Beijing: a meal point serves within 1,000 m (关于提升北京市养老助餐服务管理水平的实施意见, 2022)",
    a_need: "Share of older people needing meals",
    a_need_source: "Ministry of Civil Affairs survey: 22.1% of older people need meal services (China Daily, 2024-11-07; confidence medium)",
    a_meals: "Meals a day per person",
    a_meals_source: "One main meal (most subsidies are per lunch)",
    a_capacity: "Meals a day of a site without a capacity",
    a_capacity_source: "Shanghai's 2025 target: 250,000 meals a day from 400 community canteens and 2,000 meal points, about 104 per place (Shanghai 实施意见)",
    a_delivery: "Delivery radius (m)",
    a_delivery_source: "No policy found sets a delivery distance; reported delivery times are 10–15 minutes (Ya'an, Shanghai); 3,000 m is the low end of city food delivery's 3–5 km (reasoning, not a rule)",
    a_access: "Accessibility method",
    a_access_value: |m| format!("Gaussian two-step floating catchment area, catchment {m:.0} m"),
    a_access_source: "Dai 2010, Health & Place 16(5); Tao et al. 2023, Acta Geographica Sinica 78(2)",
    a_walk: "Walking pace and detour",
    a_walk_value: |speed, detour| format!("{speed} m a minute, detour {detour}"),
    a_minutes: "Walking minutes measured",
    a_minutes_roads: "Along the streets of the road file (straight line × detour for points too far from a road)",
    a_minutes_line: "Straight line × detour",
    a_walk_source: "A cautious pace for older pedestrians (1.0 m/s); a detour typical of city streets",
    a_existing: "Existing canteens",
    a_existing_yes: "Always open; their reach and capacity count",
    a_existing_no: "Left out",
};

/// The words in `locale`.
pub fn words(locale: Locale) -> &'static ReportWords {
    match locale {
        Locale::ZhCn => &ZH_CN,
        Locale::En => &EN,
    }
}
