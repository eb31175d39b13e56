//! The scenario's words in each language: the labels the core writes into the estimate's figures
//! and its CSV report (the interface reads the shared ones, such as the form's labels, from here
//! too), and the messages that take values.

use crate::core::Locale;

/// Every word and message the scenario shows, in one language.
pub struct ScenarioWords {
    /// The first policy (form label, report).
    pub policy_a: &'static str,
    /// The policy compared with.
    pub policy_b: &'static str,
    /// The uptake, percent.
    pub uptake: &'static str,
    /// Lunches a week.
    pub days: &'static str,
    /// The meal price.
    pub price: &'static str,
    /// What an empty price means.
    pub price_default: &'static str,
    /// The age bands of [`super::AGE_BANDS`].
    pub age_bands: [&'static str; 5],
    /// The hardship categories of the form.
    pub hardships: [&'static str; 4],
    /// The care levels of the form.
    pub cares: [&'static str; 2],
    /// The non-local share.
    pub nonlocal: &'static str,
    /// The shares are taken as independent.
    pub independence: &'static str,
    /// Groups from a policy's own list count as not belonging.
    pub flag_note: &'static str,
    /// Column: the site's name.
    pub col_name: &'static str,
    /// Column: older people newly covered.
    pub col_new: &'static str,
    /// Column: users.
    pub col_users: &'static str,
    /// Column: meals a day.
    pub col_meals: &'static str,
    /// Column: capacity.
    pub col_capacity: &'static str,
    /// Column: the share of users the capacity allows.
    pub col_served: &'static str,
    /// Column: subsidy a year.
    pub col_subsidy: &'static str,
    /// Subsidy a year.
    pub year_total: &'static str,
    /// The funding levels: city, district, town, not split.
    pub levels: [&'static str; 4],
    /// Operator subsidy a year.
    pub operator: &'static str,
    /// Per covered older person a year.
    pub per_person: &'static str,
    /// Older people not covered.
    pub uncovered: &'static str,
    /// The report's label for the change in the yearly total.
    pub cost_change_label: &'static str,
    /// The plans compared: sites chosen.
    pub cmp_sites: &'static str,
    /// The plans compared: the service radius.
    pub cmp_radius: &'static str,
    /// The plans compared: older people newly covered.
    pub cmp_covered: &'static str,
    /// The plans compared: meals a day.
    pub cmp_meals: &'static str,
    /// No figure (no capacity given).
    pub no_figure: &'static str,
    /// An amount of yuan (the amount written out).
    pub yuan: fn(&str) -> String,
    /// A percentage (the number written out).
    pub percent: fn(&str) -> String,
    /// The change in the yearly total (the amount in yuan written out).
    pub cost_change: fn(&str) -> String,
    /// One row of who gains and who loses: (age band, hardship category).
    pub group: fn(&str, &str) -> String,
    /// A policy and its year: (name, year).
    pub policy_year: fn(&str, &str) -> String,
    /// A policy by region and name: (region, name).
    pub policy_label: fn(&str, &str) -> String,
    /// A policy by region, name and year: (region, name, year).
    pub policy_region_year: fn(&str, &str, &str) -> String,
    /// The comparison table's caption: (first policy and year, second policy and year).
    pub compare_caption: fn(&str, &str) -> String,
    /// The two plans' table caption: (the policy's name).
    pub plans_caption: fn(&str) -> String,
    /// The chart's cost axis, with its top value (ten thousands of yuan written out).
    pub chart_top: fn(&str) -> String,
    /// A source in the report: (title, address or "").
    pub source: fn(&str, &str) -> String,
    /// The sources in the report, one after another.
    pub sources: fn(&[String]) -> String,
}

/// Simplified Chinese.
pub const ZH_CN: ScenarioWords = ScenarioWords {
    policy_a: "补贴政策",
    policy_b: "对比的政策（可选）",
    uptake: "实际来吃的老年人比例（%）",
    days: "每人每周吃几天午餐",
    price: "每餐价格（元，可不填）",
    price_default: "按各政策的标准餐价",
    age_bands: ["60–64岁", "65–69岁", "70–79岁", "80–99岁", "100岁以上"],
    hardships: ["特困（分散供养）", "低保", "低保边缘", "低收入"],
    cares: ["中度失能", "重度失能"],
    nonlocal: "外地户籍",
    independence: "估算假设各类比例互相独立（例如低保对象中80岁以上的比例与总体相同）。",
    flag_note: "注意：依靠政策自己名单的人群（如北京的“基本养老服务对象”、深圳的“三属五老”）没有比例可填，按不属于计算，结果可能偏低。",
    col_name: "名称",
    col_new: "新增覆盖老年人",
    col_users: "来吃的人数",
    col_meals: "每日餐数",
    col_capacity: "日供餐能力（餐）",
    col_served: "容量能满足",
    col_subsidy: "每年补贴（元）",
    year_total: "每年补贴",
    levels: ["市级财政", "区级财政", "镇街", "未分级"],
    operator: "食堂运营补贴（每年）",
    per_person: "每位覆盖老年人每年（补贴加运营补贴）",
    uncovered: "没有覆盖到的老年人",
    cost_change_label: "每年总补贴的变化：",
    cmp_sites: "选出的网点数",
    cmp_radius: "服务半径（米）",
    cmp_covered: "新覆盖的老年人",
    cmp_meals: "每天供餐份数（按容量封顶后）",
    no_figure: "—",
    yuan: |n| format!("{n}元"),
    percent: |n| format!("{n}%"),
    cost_change: |n| format!("每年总补贴的变化：{n}元"),
    group: |band, hardship| format!("{band}，{hardship}"),
    policy_year: |name, year| format!("{name}（{year}）"),
    policy_label: |region, name| format!("{region} · {name}"),
    policy_region_year: |region, name, year| format!("{region} · {name}（{year}）"),
    compare_caption: |a, b| format!("每位来吃的老年人每年能拿到的补贴（元）：{a} → {b}"),
    plans_caption: |policy| format!("保留的方案与当前方案（{policy}）"),
    chart_top: |max| format!("每年补贴（万元） {max}"),
    source: |title, url| format!("{title} {url}"),
    sources: |list| list.join("; "),
};

/// English.
pub const EN: ScenarioWords = ScenarioWords {
    policy_a: "Subsidy policy",
    policy_b: "Compare with (optional)",
    uptake: "Share of covered older people who eat there (%)",
    days: "Lunches per person per week",
    price: "Meal price (yuan, optional)",
    price_default: "Each policy's reference meal price",
    age_bands: ["Aged 60–64", "65–69", "70–79", "80–99", "100+"],
    hardships: ["Extreme poverty (at home)", "Minimum-living allowance", "Marginal low-income household", "Low income"],
    cares: ["Moderately disabled", "Severely disabled"],
    nonlocal: "Registered elsewhere",
    independence: "The estimate takes the shares as independent (e.g. the share of people over 80 among allowance recipients equals the overall share).",
    flag_note: "Note: groups defined by a policy's own list (Beijing's basic elderly-care recipients, Shenzhen's 三属五老) have no share to enter and count as not belonging, so the estimate may be low.",
    col_name: "Name",
    col_new: "Older people newly covered",
    col_users: "Users",
    col_meals: "Meals per day",
    col_capacity: "Capacity (meals per day)",
    col_served: "Capacity allows",
    col_subsidy: "Subsidy per year (yuan)",
    year_total: "Subsidy per year",
    levels: ["City", "District", "Town", "Not split"],
    operator: "Canteen operating subsidy (per year)",
    per_person: "Per covered older person per year (subsidy and operating subsidy)",
    uncovered: "Older people not covered",
    cost_change_label: "Change in total subsidy per year: ",
    cmp_sites: "Sites chosen",
    cmp_radius: "Service radius (m)",
    cmp_covered: "Older people newly covered",
    cmp_meals: "Meals a day (after capacity caps)",
    no_figure: "—",
    yuan: |n| format!("{n} yuan"),
    percent: |n| format!("{n}%"),
    cost_change: |n| format!("Change in total subsidy per year: {n} yuan"),
    group: |band, hardship| format!("{band}, {hardship}"),
    policy_year: |name, year| format!("{name} ({year})"),
    policy_label: |region, name| format!("{region} · {name}"),
    policy_region_year: |region, name, year| format!("{region} · {name} ({year})"),
    compare_caption: |a, b| format!("Subsidy per user per year (yuan): {a} → {b}"),
    plans_caption: |policy| format!("The kept plan and the current plan ({policy})"),
    chart_top: |max| format!("Subsidy per year (10,000 yuan) {max}"),
    source: |title, url| format!("{title} {url}"),
    sources: |list| list.join("; "),
};

/// The scenario's words in `l`.
pub fn words(l: Locale) -> &'static ScenarioWords {
    match l {
        Locale::ZhCn => &ZH_CN,
        Locale::En => &EN,
    }
}
