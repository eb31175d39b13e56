//! What the command line says to people, in each language: its help texts (clap's own words, such as
//! "Usage" and "Print help", are clap's), its errors and its summaries. One table per language
//! ([`ZH_CN`], [`EN`]) and one accessor ([`words`]). The language is `--lang zh|en`, else the
//! environment's (`LC_ALL`, then `LC_MESSAGES`, then `LANG`: `zh…` is Chinese, anything else English).

use clap::Command;
use zhucan::core::Locale;

/// The command line's words in one language.
pub struct CliWords {
    /// What zhucan is (`zhucan --help`).
    pub about: &'static str,
    /// `--lang`.
    pub help_lang: &'static str,
    /// `zhucan subsidy`.
    pub about_subsidy: &'static str,
    /// `zhucan plan`.
    pub about_plan: &'static str,
    /// `zhucan demo-data`.
    pub about_demo: &'static str,
    /// `zhucan policy`.
    pub about_policy: &'static str,
    /// `zhucan policy check`.
    pub about_check: &'static str,
    /// `zhucan policy fmt`.
    pub about_fmt: &'static str,
    /// `subsidy --policy`.
    pub help_subsidy_policy: &'static str,
    /// `subsidy --person`.
    pub help_subsidy_person: &'static str,
    /// `subsidy --people`.
    pub help_subsidy_people: &'static str,
    /// `subsidy --meal`.
    pub help_subsidy_meal: &'static str,
    /// `subsidy --on`.
    pub help_subsidy_on: &'static str,
    /// `subsidy --month`.
    pub help_subsidy_month: &'static str,
    /// `subsidy --weekdays`.
    pub help_subsidy_weekdays: &'static str,
    /// `subsidy --meals`.
    pub help_subsidy_meals: &'static str,
    /// `subsidy --summary`.
    pub help_subsidy_summary: &'static str,
    /// `plan --problem`.
    pub help_plan_problem: &'static str,
    /// `plan --demand`.
    pub help_plan_demand: &'static str,
    /// `plan --candidates`.
    pub help_plan_candidates: &'static str,
    /// `plan --existing`.
    pub help_plan_existing: &'static str,
    /// `plan --crs`.
    pub help_plan_crs: &'static str,
    /// `plan --radius-m`.
    pub help_plan_radius_m: &'static str,
    /// `plan --walk-minutes`.
    pub help_plan_walk_minutes: &'static str,
    /// `plan --walk-speed`.
    pub help_plan_walk_speed: &'static str,
    /// `plan --detour`.
    pub help_plan_detour: &'static str,
    /// `plan --k`.
    pub help_plan_k: &'static str,
    /// `plan --target-share`.
    pub help_plan_target_share: &'static str,
    /// `plan --skip-bad-rows`.
    pub help_plan_skip_bad_rows: &'static str,
    /// `plan --roads`.
    pub help_plan_roads: &'static str,
    /// `plan --demand-raster`.
    pub help_plan_demand_raster: &'static str,
    /// `plan --max-snap-m`.
    pub help_plan_max_snap_m: &'static str,
    /// `plan --access`.
    pub help_plan_access: &'static str,
    /// `plan --default-capacity`.
    pub help_plan_default_capacity: &'static str,
    /// `plan --capacitated`.
    pub help_plan_capacitated: &'static str,
    /// `plan --need-share`.
    pub help_plan_need_share: &'static str,
    /// `plan --competitors`.
    pub help_plan_competitors: &'static str,
    /// `plan --delivery-column`.
    pub help_plan_delivery_column: &'static str,
    /// `plan --delivery-radius-m`.
    pub help_plan_delivery_radius_m: &'static str,
    /// `demo-data --out`.
    pub help_demo_out: &'static str,
    /// `demo-data --points`.
    pub help_demo_points: &'static str,
    /// `policy check FILE`.
    pub help_check_file: &'static str,
    /// `policy fmt FILE`.
    pub help_fmt_file: &'static str,

    /// An error line on standard error (the message).
    pub error_line: fn(&str) -> String,
    /// `--lang` is neither language (the value given).
    pub bad_lang: fn(&str) -> String,
    /// Something about a file (its path, the message).
    pub in_file: fn(&str, &str) -> String,
    /// Something about a line of a file (the path, the line, the message).
    pub at_line: fn(&str, usize, &str) -> String,
    /// Several problems of one row, in one line.
    pub join_problems: fn(&[String]) -> String,
    /// A file that is not UTF-8 text.
    pub not_utf8: &'static str,
    /// A preset policy, as named in messages (its id).
    pub preset_name: fn(&str) -> String,
    /// `--policy` is neither a file nor a preset (the value, the presets' ids).
    pub no_policy: fn(&str, &[&str]) -> String,
    /// A policy's own test case gives another figure (file, line, case, field, expected, actual).
    pub case_mismatch: fn(&str, usize, &str, &str, &str, &str) -> String,
    /// The sample data was written (the directory).
    pub demo_written: fn(&str) -> String,

    /// `--crs` is not a coordinate system (the value).
    pub bad_crs: fn(&str) -> String,
    /// Neither a problem file nor demand and candidates.
    pub need_inputs: &'static str,
    /// `--radius-m` is not a positive number.
    pub bad_radius: &'static str,
    /// `--max-snap-m` is not a distance.
    pub bad_snap: &'static str,
    /// `--default-capacity` is not a positive number.
    pub bad_default_capacity: &'static str,
    /// `--need-share` is not a share in (0, 1].
    pub bad_need_share: &'static str,
    /// `--delivery-radius-m` is not a distance of at least the walk-in radius (that radius, metres).
    pub bad_delivery_radius: fn(f64) -> String,
    /// `--delivery-column` names no extra column of the demand file (the name, the extra columns).
    pub no_delivery_column: fn(&str, &[String]) -> String,
    /// `--delivery-radius-m` without `--delivery-column` (the extra columns).
    pub delivery_needs_column: fn(&[String]) -> String,
    /// A roads file without walkable roads (ways not walkable, features not lines).
    pub no_walkable_roads: fn(usize, usize) -> String,
    /// A warning about a file (its path, the warning).
    pub warning: fn(&str, &str) -> String,
    /// The column names suggest another coordinate system (the one given, the one suggested).
    pub warn_crs_mismatch: fn(&str, &str) -> String,
    /// Points outside mainland China with GCJ-02/BD-09 (how many).
    pub warn_outside_china: fn(usize) -> String,
    /// Longitude and latitude look swapped in most rows.
    pub warn_mostly_swapped: &'static str,
    /// No longitude and latitude columns were recognised.
    pub no_position_columns: &'static str,
    /// No column with the number of older people was recognised.
    pub no_count_column: &'static str,
    /// Bad rows stop the run (bad, total).
    pub bad_rows: fn(usize, usize) -> String,
    /// Bad rows are left out (bad, total).
    pub leaving_out: fn(usize, usize) -> String,

    /// `--weekdays` has an unknown day (the day, the days allowed).
    pub bad_weekday: fn(&str, &[&str]) -> String,
    /// `--meals` has an unknown meal (the meal).
    pub bad_meal: fn(&str) -> String,
    /// `--on` is not a date (why).
    pub bad_on: fn(&str) -> String,
    /// A field of a person or meal is wrong (the field, what is wrong).
    pub field_problem: fn(&str, &str) -> String,
    /// What the meal is called in messages when no MEAL.json is given.
    pub no_meal_file: &'static str,
}

/// Simplified Chinese.
pub const ZH_CN: CliWords = CliWords {
    about: "助餐（zhucan）：老年助餐补贴计算，和老年助餐食堂的选址规划",
    help_lang: "说明和提示用的语言：zh（中文）或 en（英文）。不写时看环境变量 LC_ALL、LC_MESSAGES、LANG：以 zh 开头用中文，其他用英文",
    about_subsidy: "按一项政策，算一个人一餐（或一份名单里每个人）能得到的补贴",
    about_plan: "选择助餐食堂的地点：最好的 k 个（附可证明的上限），以及达到目标覆盖比例最少要几个",
    about_demo: "把模拟的示例区县写成 CSV 文件（中文列名，GCJ-02 坐标）",
    about_policy: "处理政策文件",
    about_check: "检查政策文件（或预设政策的编号）：列出每个问题和它所在的行，再运行文件里的测试案例",
    about_fmt: "把政策文件（或预设政策）按政策编辑器的格式重新写出：固定的顺序，每个表前有一行中文说明；内容不变",
    help_subsidy_policy: "政策文件，或预设政策的编号，例如 tianjin（编号写错时会列出全部预设）",
    help_subsidy_person: "个人情况的 JSON 文件，例如 {\"birth_date\": \"1944-05-01\", \"care_level\": \"none\", \"hardship\": \"dibao\", …}",
    help_subsidy_people: "名单 CSV 文件，每行一个人（列名和个人 JSON 的字段名相同）；输出 CSV",
    help_subsidy_meal: "用餐情况的 JSON 文件，例如 {\"date\": \"2025-03-04\", \"meal\": \"lunch\", \"price_fen\": 1200, \"delivery\": false, \"place\": \"same_town\"}",
    help_subsidy_on: "用餐日期，格式 YYYY-MM-DD（优先于用餐 JSON 里的日期；不写就是今天）",
    help_subsidy_month: "同时按就餐安排模拟用餐日期所在的整个月（见 --weekdays 和 --meals）",
    help_subsidy_weekdays: "配合 --month：哪几天吃，用逗号分隔 mon,tue,wed,thu,fri,sat,sun",
    help_subsidy_meals: "配合 --month：那几天吃哪几餐，用逗号分隔 breakfast,lunch,dinner",
    help_subsidy_summary: "配合 --people：不逐人输出 CSV，而是输出用餐日期所在月份的一份 JSON 费用汇总（每个人都按 --weekdays 和 --meals 就餐）",
    help_plan_problem: "参考检查程序格式的 JSON 问题文件（demand、candidates、radius_m、k、fixed）",
    help_plan_demand: "老年人口：CSV（UTF-8 或 GBK）或 GeoJSON，含经度、纬度和老年人数",
    help_plan_candidates: "候选地点：CSV 或 GeoJSON，含经度和纬度（可选名称、供餐能力、成本）",
    help_plan_existing: "现有食堂：保留并计入覆盖",
    help_plan_crs: "CSV/GeoJSON 文件的坐标系：wgs84、gcj02（高德、腾讯）或 bd09（百度）",
    help_plan_radius_m: "服务半径，单位米（默认 1000，或问题文件里的 radius_m）",
    help_plan_walk_minutes: "改用步行分钟数表示服务半径（见 --walk-speed 和 --detour）",
    help_plan_walk_speed: "步行速度，米每分钟",
    help_plan_detour: "绕行系数：街道距离 ÷ 直线距离",
    help_plan_k: "要选的地点数（默认 10，或问题文件里的 k）",
    help_plan_target_share: "“最少地点数”要达到的老年人口覆盖比例",
    help_plan_skip_bad_rows: "跳过有问题的行（在标准错误里列出），而不是停下",
    help_plan_demand_raster: "人口栅格代替 --demand：GeoTIFF（.tif，单波段，经纬度 WGS84，例如 WorldPop 的分年龄段人口）、Esri ASCII 栅格（.asc）或 XYZ 文本；可给多个同一格网的文件，逐格相加（例如 60 岁以上各年龄段、男女）。只读取候选点周围服务半径内的格子",
    help_plan_roads: "沿这些道路步行，而不是走直线：OpenStreetMap 的 .osm.pbf 数据提取文件（WGS84），或 LineString / MultiLineString 要素的 GeoJSON 文件（有 OpenStreetMap 标签的作为属性，坐标系同 --crs）。步行上限是 --walk-minutes × --walk-speed 米（或按 --radius-m 步行）",
    help_plan_max_snap_m: "配合 --roads：离所有道路都超过这个距离（米）的点，按直线距离 × --detour 计算",
    help_plan_access: "同时输出可达性与公平性（access）：高斯两步移动搜索法（2SFCA）得分的基尼系数、洛伦兹曲线、服务半径内老年人比例和平均值，规划前（仅现有食堂）与规划后（加上选中的地点）",
    help_plan_default_capacity: "文件里没有供餐能力的地点，每天按这么多餐计算（默认 100：上海 2025 年目标 400 个长者食堂和 2000 个助餐点每天供餐 25 万客，平均每处约 104 客）",
    help_plan_capacitated: "同时按供餐能力选址（capacitated）：每个地点每天最多供应它的供餐能力那么多餐，需要用餐的人（老年人 × --need-share）分到步行范围内（和送餐范围内）有空位的地点，先近后远，再调整到供应的餐数最多；选出供应餐数最多的 k 个地点，列出每个地点分到的餐数、使用率，以及因为满了而没吃上的人",
    help_plan_need_share: "需要助餐服务的老年人比例，0 到 1 之间（默认 0.221：民政部调查中 22.1% 的老年人有助餐需求，中国日报 2024-11-07）",
    help_plan_competitors: "其他供餐者（不由本规划开办的食堂、餐馆）：CSV 或 GeoJSON，含经度和纬度；它们步行范围内的老年人算作已有人服务，不再计入新增，也不会被选中",
    help_plan_delivery_column: "需要送餐上门的人所在的列（人口文件里的一个附加列，例如 失能）：这些人不算步行用餐，在送餐半径内有地点就算送餐覆盖，另行列出",
    help_plan_delivery_radius_m: "送餐半径，单位米，不小于步行服务半径（默认 3000：没有找到规定送餐半径的文件；食堂送餐一般在 10 到 15 分钟内送到，取城市外卖常见的 3 到 5 公里的下限）",
    help_demo_out: "写入 demand.csv、candidates.csv 和 existing.csv 的目录",
    help_demo_points: "老年人口点的个数",
    help_check_file: "政策文件，或预设政策的编号，例如 shenzhen-2025",
    help_fmt_file: "政策文件，或预设政策的编号，例如 shenzhen-2025；结果写到标准输出",

    error_line: |message| format!("zhucan：{message}"),
    bad_lang: |value| format!("--lang 只能是 zh 或 en，不能是“{value}”"),
    in_file: |path, message| format!("{path}：{message}"),
    at_line: |path, line, message| format!("{path}：第 {line} 行：{message}"),
    join_problems: |problems| problems.join("；"),
    not_utf8: "不是 UTF-8 编码的文字",
    preset_name: |id| format!("预设政策 {id}"),
    no_policy: |spec, ids| format!("{spec}：没有这个文件，也不是预设政策（预设政策有 {}）", ids.join("、")),
    case_mismatch: |file, line, case, field, expected, actual| {
        format!("{file}：第 {line} 行：案例“{case}”：{field} 应为 {expected}，实际为 {actual}")
    },
    demo_written: |dir| format!("已把模拟的示例数据（GCJ-02 坐标）写到 {dir}"),

    bad_crs: |value| format!("--crs 只能是 wgs84、gcj02 或 bd09，不能是“{value}”"),
    need_inputs: "请给出 --problem 文件，或者 --demand 文件和 --candidates 文件",
    bad_radius: "--radius-m 必须是正数（米）",
    bad_snap: "--max-snap-m 必须是不小于 0 的距离（米）",
    bad_default_capacity: "--default-capacity 必须是正数（每天餐数）",
    bad_need_share: "--need-share 必须在 0 和 1 之间（例如 0.221 就是 22.1%）",
    bad_delivery_radius: |walk| format!("--delivery-radius-m 必须是不小于步行服务半径（{walk} 米）的距离"),
    no_delivery_column: |name, columns| {
        if columns.is_empty() {
            format!("--delivery-column：人口文件里没有附加列，找不到“{name}”")
        } else {
            format!("--delivery-column：人口文件里没有“{name}”这一列（附加列有 {}）", columns.join("、"))
        }
    },
    delivery_needs_column: |columns| {
        if columns.is_empty() {
            "--delivery-radius-m 需要 --delivery-column 指明需要送餐的人所在的列，但人口文件里没有附加列".to_string()
        } else {
            format!("--delivery-radius-m 需要 --delivery-column 指明需要送餐的人所在的列（附加列有 {}）", columns.join("、"))
        }
    },
    no_walkable_roads: |not_walkable, not_lines| format!("没有可以步行的道路（{not_walkable} 条不能步行，{not_lines} 个要素不是线）"),
    warning: |path, what| format!("{path}：注意：{what}"),
    warn_crs_mismatch: |chosen, hinted| format!("列名看起来是 {hinted} 坐标，但 --crs 是 {chosen}（偏差会有几百米）"),
    warn_outside_china: |points| format!("有 {points} 个点在中国大陆以外，GCJ-02/BD-09 的偏移对它们不适用"),
    warn_mostly_swapped: "大多数行的经度和纬度好像填反了",
    no_position_columns: "找不到经度列和纬度列（列名请用“经度”和“纬度”），也没有同时写着经纬度的列（如 location、经纬度）",
    no_count_column: "找不到老年人数的列（列名请用“老年人口”或“60岁以上”之类）",
    bad_rows: |bad, total| format!("{total} 行中有 {bad} 行有问题（见上）；请改正，或者加上 --skip-bad-rows 跳过这些行"),
    leaving_out: |bad, total| format!("跳过了 {total} 行中的 {bad} 行"),

    bad_weekday: |day, days| format!("--weekdays：“{day}”不是 {} 中的一个", days.join(",")),
    bad_meal: |meal| format!("--meals：“{meal}”不是 breakfast、lunch 或 dinner"),
    bad_on: |why| format!("--on：{why}"),
    field_problem: |field, problem| format!("字段“{field}”：{problem}"),
    no_meal_file: "用餐情况",
};

/// English.
pub const EN: CliWords = CliWords {
    about: "zhucan (助餐): elderly meal-assistance subsidy calculator and senior-canteen site planner",
    help_lang: "Language of explanations and messages: zh or en (default: from LC_ALL, LC_MESSAGES or LANG; zh… is Chinese, anything else English)",
    about_subsidy: "What one person gets for one meal (or a whole roster) under a policy",
    about_plan: "Choose canteen sites: the best k, with a certified bound, the fewest for a target share",
    about_demo: "Write the SIMULATED sample district as CSV files (Chinese headers, GCJ-02)",
    about_policy: "Work with policy files",
    about_check: "Check a policy file (or preset id): every problem with its line, then its test cases",
    about_fmt: "Write a policy file (or preset) out again as the policy studio does: a fixed order, a comment above each table; the content unchanged",
    help_subsidy_policy: "A policy file, or a preset id such as tianjin (a wrong id lists them all)",
    help_subsidy_person: "PERSON.json: {\"birth_date\": \"1944-05-01\", \"care_level\": \"none\", \"hardship\": \"dibao\", …}",
    help_subsidy_people: "A roster CSV with one person per row (same column names as PERSON.json); writes CSV",
    help_subsidy_meal: "MEAL.json: {\"date\": \"2025-03-04\", \"meal\": \"lunch\", \"price_fen\": 1200, \"delivery\": false, \"place\": \"same_town\"}",
    help_subsidy_on: "The meal's date, YYYY-MM-DD (overrides MEAL.json's date; default today)",
    help_subsidy_month: "Also simulate the meal date's month under a meal plan (see --weekdays, --meals)",
    help_subsidy_weekdays: "Days eaten, for --month: comma-separated mon,tue,wed,thu,fri,sat,sun",
    help_subsidy_meals: "Meals eaten on those days, for --month: comma-separated breakfast,lunch,dinner",
    help_subsidy_summary: "With --people: print one JSON cost summary for the meal date's month (each person eating by --weekdays and --meals) instead of one CSV row per person",
    help_plan_problem: "A problem in the reference checker's JSON format (demand, candidates, radius_m, k, fixed)",
    help_plan_demand: "Demand: CSV (UTF-8 or GBK) or GeoJSON, with longitude, latitude and the number of older people",
    help_plan_candidates: "Candidate sites: CSV or GeoJSON with longitude and latitude (optional name, capacity, cost)",
    help_plan_existing: "Existing canteens, kept and counted",
    help_plan_crs: "Coordinate system of the CSV/GeoJSON files: wgs84, gcj02 (Amap/Tencent) or bd09 (Baidu)",
    help_plan_radius_m: "Service radius in metres (default 1000, or the problem's radius_m)",
    help_plan_walk_minutes: "Service radius as walking minutes instead (see --walk-speed and --detour)",
    help_plan_walk_speed: "Walking speed, metres per minute",
    help_plan_detour: "Street distance ÷ straight-line distance",
    help_plan_k: "Sites to choose (default 10, or the problem's k)",
    help_plan_target_share: "Target share of demand for the fewest-sites answer",
    help_plan_skip_bad_rows: "Leave out bad rows (listed on standard error) instead of stopping",
    help_plan_demand_raster: "Population rasters instead of --demand: GeoTIFF (.tif, one band, longitude/latitude on WGS84, e.g. WorldPop's age bands), Esri ASCII grid (.asc) or XYZ text; several files on one grid are added cell by cell (e.g. every 60+ band, men and women). Only the cells within the service radius of a candidate are read",
    help_plan_roads: "Walk along these roads instead of a straight line: an OpenStreetMap .osm.pbf extract (WGS84), or a GeoJSON file of LineString / MultiLineString features (OpenStreetMap tags as properties where present, in --crs). The limit is --walk-minutes × --walk-speed metres on foot (or --radius-m on foot)",
    help_plan_max_snap_m: "With --roads: points farther than this from every road walk in a straight line × --detour",
    help_plan_access: "Also print accessibility and fairness (access): the Gini coefficient, Lorenz curve, share of older people within the radius and mean of the Gaussian two-step floating catchment area (2SFCA) score, before the plan (existing canteens alone) and after it (with the chosen sites)",
    help_plan_default_capacity: "Meals a day for sites whose file gives no capacity (default 100: Shanghai's 2025 target of 250,000 meals a day from 400 community canteens and 2,000 meal points is about 104 per place)",
    help_plan_capacitated: "Also choose by capacity (capacitated): a site serves at most its capacity in meals a day; the older people who need meals (× --need-share) are assigned to sites with room within the walk (and the delivery radius), nearest first, then moved until the most are served; the k sites serving the most meals are chosen, with each site's meals, utilisation and the people left unserved because it is full",
    help_plan_need_share: "Share of older people who need meal-assistance services, between 0 and 1 (default 0.221: 22.1 % in the Ministry of Civil Affairs survey, China Daily 2024-11-07)",
    help_plan_competitors: "Other providers the plan does not run (canteens, restaurants): CSV or GeoJSON with longitude and latitude; older people within their walk-in reach count as already served, never again, and they are never chosen",
    help_plan_delivery_column: "The demand file's extra column of people who need meals brought home (e.g. 失能): they are not counted as walk-in, but as reached by delivery when a site is within the delivery radius, listed apart",
    help_plan_delivery_radius_m: "Delivery radius in metres, at least the walk-in radius (default 3000: no document sets a delivery radius; canteens deliver within 10 to 15 minutes, and 3 km is the low end of the 3 to 5 km usual for city food delivery)",
    help_demo_out: "Directory to write demand.csv, candidates.csv and existing.csv into",
    help_demo_points: "Demand points",
    help_check_file: "A policy file, or a preset id such as shenzhen-2025",
    help_fmt_file: "A policy file, or a preset id such as shenzhen-2025; the result goes to standard output",

    error_line: |message| format!("zhucan: {message}"),
    bad_lang: |value| format!("--lang must be zh or en, not {value:?}"),
    in_file: |path, message| format!("{path}: {message}"),
    at_line: |path, line, message| format!("{path}: line {line}: {message}"),
    join_problems: |problems| problems.join("; "),
    not_utf8: "not UTF-8 text",
    preset_name: |id| format!("preset {id}"),
    no_policy: |spec, ids| format!("{spec}: no such file, and not a preset ({})", ids.join(", ")),
    case_mismatch: |file, line, case, field, expected, actual| {
        format!("{file}: line {line}: case “{case}”: {field} expected {expected}, got {actual}")
    },
    demo_written: |dir| format!("wrote SIMULATED sample data (GCJ-02) to {dir}"),

    bad_crs: |value| format!("--crs must be wgs84, gcj02 or bd09, not {value:?}"),
    need_inputs: "give --problem FILE, or --demand FILE and --candidates FILE",
    bad_radius: "--radius-m must be a positive number of metres",
    bad_snap: "--max-snap-m must be a distance in metres, 0 or more",
    bad_default_capacity: "--default-capacity must be a positive number of meals a day",
    bad_need_share: "--need-share must be a share between 0 and 1 (0.221 is 22.1 %)",
    bad_delivery_radius: |walk| format!("--delivery-radius-m must be a distance of at least the walk-in radius ({walk} m)"),
    no_delivery_column: |name, columns| {
        if columns.is_empty() {
            format!("--delivery-column: the demand file has no extra columns, so no {name:?}")
        } else {
            format!("--delivery-column: the demand file has no column {name:?} (its extra columns: {})", columns.join(", "))
        }
    },
    delivery_needs_column: |columns| {
        if columns.is_empty() {
            "--delivery-radius-m needs --delivery-column naming the column of people who need meals brought home, but the demand file has no extra columns".to_string()
        } else {
            format!("--delivery-radius-m needs --delivery-column naming the column of people who need meals brought home (its extra columns: {})", columns.join(", "))
        }
    },
    no_walkable_roads: |not_walkable, not_lines| format!("no walkable roads ({not_walkable} not walkable, {not_lines} not lines)"),
    warning: |path, what| format!("{path}: warning: {what}"),
    warn_crs_mismatch: |chosen, hinted| {
        format!("the column names suggest {hinted} coordinates, but --crs is {chosen} (a difference of a few hundred metres)")
    },
    warn_outside_china: |points| format!("{points} points are outside mainland China, where the GCJ-02/BD-09 offset does not apply"),
    warn_mostly_swapped: "longitude and latitude look swapped in most rows",
    no_position_columns: "no longitude and latitude columns found (name them lng and lat, or 经度 and 纬度), nor one column holding both (such as location or 经纬度)",
    no_count_column: "no column with the number of older people found (name it elderly or count, or 老年人口, 60岁以上 …)",
    bad_rows: |bad, total| format!("{bad} of {total} rows have problems (listed above); fix them or pass --skip-bad-rows"),
    leaving_out: |bad, total| format!("leaving out {bad} of {total} rows"),

    bad_weekday: |day, days| format!("--weekdays: {day:?} is not one of {}", days.join(",")),
    bad_meal: |meal| format!("--meals: {meal:?} is not breakfast, lunch or dinner"),
    bad_on: |why| format!("--on: {why}"),
    field_problem: |field, problem| format!("field `{field}`: {problem}"),
    no_meal_file: "meal",
};

/// The command line's words in `locale`.
pub fn words(locale: Locale) -> &'static CliWords {
    match locale {
        Locale::ZhCn => &ZH_CN,
        Locale::En => &EN,
    }
}

impl CliWords {
    /// The description of a command, by its path ("" for zhucan itself, "policy check").
    fn about_of(&self, command: &str) -> Option<&'static str> {
        Some(match command {
            "" => self.about,
            "subsidy" => self.about_subsidy,
            "plan" => self.about_plan,
            "demo-data" => self.about_demo,
            "policy" => self.about_policy,
            "policy check" => self.about_check,
            "policy fmt" => self.about_fmt,
            _ => return None,
        })
    }

    /// The help text of an argument, by its command's path and its id.
    fn help_of(&self, command: &str, arg: &str) -> Option<&'static str> {
        Some(match (command, arg) {
            ("", "lang") => self.help_lang,
            ("subsidy", "policy") => self.help_subsidy_policy,
            ("subsidy", "person") => self.help_subsidy_person,
            ("subsidy", "people") => self.help_subsidy_people,
            ("subsidy", "meal") => self.help_subsidy_meal,
            ("subsidy", "on") => self.help_subsidy_on,
            ("subsidy", "month") => self.help_subsidy_month,
            ("subsidy", "weekdays") => self.help_subsidy_weekdays,
            ("subsidy", "meals") => self.help_subsidy_meals,
            ("subsidy", "summary") => self.help_subsidy_summary,
            ("plan", "problem") => self.help_plan_problem,
            ("plan", "demand") => self.help_plan_demand,
            ("plan", "candidates") => self.help_plan_candidates,
            ("plan", "existing") => self.help_plan_existing,
            ("plan", "crs") => self.help_plan_crs,
            ("plan", "radius_m") => self.help_plan_radius_m,
            ("plan", "walk_minutes") => self.help_plan_walk_minutes,
            ("plan", "walk_speed") => self.help_plan_walk_speed,
            ("plan", "detour") => self.help_plan_detour,
            ("plan", "k") => self.help_plan_k,
            ("plan", "target_share") => self.help_plan_target_share,
            ("plan", "skip_bad_rows") => self.help_plan_skip_bad_rows,
            ("plan", "roads") => self.help_plan_roads,
            ("plan", "demand_raster") => self.help_plan_demand_raster,
            ("plan", "max_snap_m") => self.help_plan_max_snap_m,
            ("plan", "access") => self.help_plan_access,
            ("plan", "default_capacity") => self.help_plan_default_capacity,
            ("plan", "capacitated") => self.help_plan_capacitated,
            ("plan", "need_share") => self.help_plan_need_share,
            ("plan", "competitors") => self.help_plan_competitors,
            ("plan", "delivery_column") => self.help_plan_delivery_column,
            ("plan", "delivery_radius_m") => self.help_plan_delivery_radius_m,
            ("demo-data", "out") => self.help_demo_out,
            ("demo-data", "points") => self.help_demo_points,
            ("policy check", "file") => self.help_check_file,
            ("policy fmt", "file") => self.help_fmt_file,
            _ => return None,
        })
    }

    /// The command line with these help texts on every command and argument of ours.
    pub fn localize(&'static self, cmd: Command) -> Command {
        self.localize_at(cmd, "")
    }

    fn localize_at(&'static self, cmd: Command, path: &str) -> Command {
        let cmd = match self.about_of(path) {
            Some(about) => cmd.about(about),
            None => cmd,
        };
        let cmd = cmd.mut_args(|a| match self.help_of(path, a.get_id().as_str()) {
            Some(help) => a.help(help),
            None => a,
        });
        cmd.mut_subcommands(|sub| {
            let sub_path = if path.is_empty() { sub.get_name().to_string() } else { format!("{path} {}", sub.get_name()) };
            self.localize_at(sub, &sub_path)
        })
    }
}

/// The language the environment asks for: the first of `LC_ALL`, `LC_MESSAGES` and `LANG` that is
/// set and not empty decides (as POSIX orders them); `zh`, `zh_CN.UTF-8`, `zh-TW` … are Chinese,
/// anything else (`C`, `POSIX`, `en_GB.UTF-8`, `fr_FR`) English, as is no setting at all.
pub fn env_locale(var: impl Fn(&str) -> Option<String>) -> Locale {
    let chosen = ["LC_ALL", "LC_MESSAGES", "LANG"].into_iter().filter_map(var).find(|v| !v.trim().is_empty());
    match chosen {
        Some(v) if is_chinese(&v) => Locale::ZhCn,
        _ => Locale::En,
    }
}

fn is_chinese(setting: &str) -> bool {
    let s = setting.trim().to_ascii_lowercase();
    s.strip_prefix("zh").is_some_and(|rest| rest.chars().next().is_none_or(|c| !c.is_ascii_alphanumeric()))
}

/// What `--lang` says: `zh`, `zh-CN`, `zh_CN` … or `en`, `en-GB` …; `None` for anything else.
pub fn parse_lang(value: &str) -> Option<Locale> {
    Locale::parse(value)
}

/// The value of the first `--lang` among the arguments (`--lang zh` or `--lang=zh`), looked at
/// before clap reads them so that the help is in that language.
pub fn lang_arg(args: &[std::ffi::OsString]) -> Option<String> {
    let mut it = args.iter().skip(1).map(|a| a.to_string_lossy());
    while let Some(a) = it.next() {
        if a == "--" {
            return None;
        }
        if a == "--lang" {
            return it.next().map(|v| v.into_owned());
        }
        if let Some(v) = a.strip_prefix("--lang=") {
            return Some(v.to_string());
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env(pairs: &'static [(&'static str, &'static str)]) -> impl Fn(&str) -> Option<String> {
        move |k| pairs.iter().find(|(name, _)| *name == k).map(|(_, v)| v.to_string())
    }

    #[test]
    fn the_environment_chooses_chinese_only_for_zh() {
        assert_eq!(env_locale(env(&[])), Locale::En);
        assert_eq!(env_locale(env(&[("LANG", "zh_CN.UTF-8")])), Locale::ZhCn);
        assert_eq!(env_locale(env(&[("LANG", "zh")])), Locale::ZhCn);
        assert_eq!(env_locale(env(&[("LANG", "C.UTF-8")])), Locale::En);
        assert_eq!(env_locale(env(&[("LANG", "en_US.UTF-8")])), Locale::En);
        // LC_ALL before LC_MESSAGES before LANG; an empty one is as if unset.
        assert_eq!(env_locale(env(&[("LANG", "zh_CN.UTF-8"), ("LC_ALL", "en_GB.UTF-8")])), Locale::En);
        assert_eq!(env_locale(env(&[("LANG", "en_GB.UTF-8"), ("LC_MESSAGES", "zh_TW.UTF-8")])), Locale::ZhCn);
        assert_eq!(env_locale(env(&[("LANG", "zh_CN.UTF-8"), ("LC_ALL", "")])), Locale::ZhCn);
        // Not Chinese: a language whose code merely starts with the letters z, h.
        assert_eq!(env_locale(env(&[("LANG", "zhx_XX")])), Locale::En);
    }

    #[test]
    fn lang_is_found_before_clap_reads_the_arguments() {
        let args = |v: &[&str]| v.iter().map(std::ffi::OsString::from).collect::<Vec<_>>();
        assert_eq!(lang_arg(&args(&["zhucan", "plan", "--lang", "zh"])).as_deref(), Some("zh"));
        assert_eq!(lang_arg(&args(&["zhucan", "--lang=en", "plan"])).as_deref(), Some("en"));
        assert_eq!(lang_arg(&args(&["zhucan", "plan", "--", "--lang", "zh"])), None);
        assert_eq!(lang_arg(&args(&["zhucan", "plan"])), None);
        assert_eq!(parse_lang("zh"), Some(Locale::ZhCn));
        assert_eq!(parse_lang("en"), Some(Locale::En));
        assert_eq!(parse_lang("fr"), None);
    }

    /// Every command and argument of ours has its help in both languages; the Chinese help uses
    /// Chinese punctuation, not ", ", ": " or " (".
    #[test]
    fn every_command_and_argument_has_help_in_both_languages() {
        use clap::CommandFactory;
        fn walk(cmd: &Command, path: &str, out: &mut Vec<(String, Option<String>)>) {
            out.push((format!("{path} (about)"), cmd.get_about().map(|s| s.to_string())));
            for a in cmd.get_arguments() {
                out.push((format!("{path} --{}", a.get_id()), a.get_help().map(|s| s.to_string())));
            }
            for sub in cmd.get_subcommands() {
                let p = if path.is_empty() { sub.get_name().to_string() } else { format!("{path} {}", sub.get_name()) };
                walk(sub, &p, out);
            }
        }
        for (locale, chinese) in [(Locale::ZhCn, true), (Locale::En, false)] {
            let cmd = words(locale).localize(crate::Cli::command());
            let mut all = Vec::new();
            walk(&cmd, "", &mut all);
            assert!(all.len() >= 33, "{}", all.len());
            for (what, help) in &all {
                let help = help.as_deref().unwrap_or_default();
                assert!(!help.is_empty(), "{locale:?}: {what} has no help");
                // One line each, without a closing full stop, as clap writes its own.
                assert!(!help.ends_with('.') && !help.ends_with('。') && !help.contains('\n'), "{what}: {help}");
                // JSON examples ({"meal": "lunch", …}) keep JSON's punctuation.
                let prose: String = help.split('{').map(|part| part.rsplit_once('}').map_or(part, |(_, after)| after)).collect();
                if chinese {
                    assert!(!prose.contains(": ") && !prose.contains(", ") && !prose.contains(" ("), "{what}: {help}");
                }
            }
        }
    }

    #[test]
    fn messages_carry_their_own_punctuation() {
        assert_eq!((ZH_CN.at_line)("a.csv", 3, "x"), "a.csv：第 3 行：x");
        assert_eq!((EN.at_line)("a.csv", 3, "x"), "a.csv: line 3: x");
        assert_eq!((ZH_CN.bad_rows)(2, 10), "10 行中有 2 行有问题（见上）；请改正，或者加上 --skip-bad-rows 跳过这些行");
        assert_eq!((EN.bad_rows)(2, 10), "2 of 10 rows have problems (listed above); fix them or pass --skip-bad-rows");
        assert_eq!((ZH_CN.join_problems)(&["a".into(), "b".into()]), "a；b");
        assert_eq!((EN.no_policy)("x", &["a", "b"]), "x: no such file, and not a preset (a, b)");
        assert_eq!((ZH_CN.no_policy)("x", &["a", "b"]), "x：没有这个文件，也不是预设政策（预设政策有 a、b）");
    }
}
