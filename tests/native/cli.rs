//! The `zhucan` binary, run as a user would.

use std::process::Command;

/// Runs zhucan with no language in the environment (so its messages are in English unless a test
/// asks with `--lang`), whatever the machine running the tests is set to.
fn zhucan(args: &[&str]) -> std::process::Output {
    zhucan_with_lang(args, None)
}

fn zhucan_with_lang(args: &[&str], lang_env: Option<&str>) -> std::process::Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_zhucan"));
    cmd.args(args).env_remove("LC_ALL").env_remove("LC_MESSAGES").env_remove("LANG");
    if let Some(lang) = lang_env {
        cmd.env("LANG", lang);
    }
    cmd.output().expect("the zhucan binary runs")
}

#[test]
fn version_names_the_crate_version() {
    let out = zhucan(&["--version"]);
    assert!(out.status.success());
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(stdout.trim(), format!("zhucan {}", env!("CARGO_PKG_VERSION")));
}

#[test]
fn no_command_prints_help_and_fails() {
    let out = zhucan(&[]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("subsidy"));
}

#[test]
fn unknown_option_fails_and_names_it() {
    let out = zhucan(&["--no-such-option"]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("--no-such-option"), "stderr was: {stderr}");
}

fn write(dir: &std::path::Path, name: &str, text: &str) -> String {
    let path = dir.join(name);
    std::fs::write(&path, text).expect("write test file");
    path.to_string_lossy().into_owned()
}

fn temp_dir(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("zhucan-cli-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

#[test]
fn subsidy_prints_the_documented_json() {
    let dir = temp_dir("subsidy");
    let person = write(&dir, "p.json", r#"{"birth_date": "1944-05-01", "hardship": "dibao", "hukou": "local"}"#);
    let meal = write(&dir, "m.json", r#"{"date": "2025-03-04", "meal": "lunch", "price_fen": 1200}"#);
    let out = zhucan(&["subsidy", "--policy", "guangzhou-2020", "--person", &person, "--meal", &meal]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON output");
    // Guangzhou table: 困难老人 get 11 of a 12-yuan meal and pay 1.
    assert_eq!(v["eligible"], true);
    assert_eq!(v["subsidy_fen"], 1100);
    assert_eq!(v["pay_fen"], 100);
    assert_eq!(v["delivery_subsidy_fen"], 0);
    assert_eq!(v["tier"], "city+district+hardship");
    assert_eq!(v["version"], "2020-03");
    let trace = v["trace"].as_array().expect("trace array");
    assert!(trace.iter().any(|s| s["clause"]["text"].as_str().is_some_and(|t| t.contains("市财政每餐补贴3元"))));
}

#[test]
fn subsidy_on_overrides_the_date_and_policy_files_load_from_disk() {
    let dir = temp_dir("on");
    let person = write(&dir, "p.json", r#"{"age": 75, "groups": ["living_alone"]}"#);
    let policy = write(&dir, "tj.toml", include_str!("../../static/policies/tianjin.toml"));
    let run = |on: &str| {
        let out = zhucan(&["subsidy", "--policy", &policy, "--person", &person, "--on", on]);
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        serde_json::from_slice::<serde_json::Value>(&out.stdout).expect("JSON")
    };
    // 2023 (2022 rules): living alone at 75 is not covered; 2025 (2024 plan): it is, 3 yuan.
    assert_eq!(run("2023-03-07")["subsidy_fen"], 0);
    assert_eq!(run("2023-03-07")["version"], "2022");
    assert_eq!(run("2025-03-04")["subsidy_fen"], 300);
    assert_eq!(run("2025-03-04")["version"], "2024");
}

#[test]
fn invalid_person_fails_and_names_the_field() {
    let dir = temp_dir("bad");
    let person = write(&dir, "p.json", r#"{"age": 80, "care_level": "medium"}"#);
    let out = zhucan(&["subsidy", "--policy", "shenzhen-2025", "--person", &person, "--on", "2025-03-04"]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("care_level") && stderr.contains("medium"), "{stderr}");
    let typo = write(&dir, "q.json", r#"{"age": 80, "hukuo": "local"}"#);
    let out = zhucan(&["subsidy", "--policy", "shenzhen-2025", "--person", &typo]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("hukuo"));
}

#[test]
fn roster_writes_one_row_per_person_and_flags_bad_rows() {
    let dir = temp_dir("roster");
    let roster = write(&dir, "roster.csv", "\u{feff}id,age,hardship,hukou\nA,85,,local\nB,65,dibao,local\nC,65,,local\nD,abc,,local\n");
    let out = zhucan(&[
        "subsidy",
        "--policy",
        "shenzhen-2025",
        "--people",
        &roster,
        "--on",
        "2025-03-04",
        "--meal",
        &write(&dir, "m.json", r#"{"price_fen": 1500}"#),
    ]);
    assert_eq!(out.status.code(), Some(1), "one bad row makes the exit code 1");
    let text = String::from_utf8_lossy(&out.stdout);
    let rows: Vec<&str> = text.lines().collect();
    assert_eq!(rows[0], "line,id,eligible,subsidy_fen,pay_fen,delivery_subsidy_fen,tier,version,error");
    // Shenzhen 2025 (clause "amounts"), a 15-yuan working-day lunch: A, 85 and registered, is in the
    // 70–99 tier: 5 yuan, pays 10. B, 65 on the minimum-living allowance, is a priority person: up to
    // 15 yuan, so the whole 15, pays 0. C, 65 with no hardship, is in no tier: 0, pays 15. D's age
    // is not a number: an error on its line (5, after the header).
    assert_eq!(rows[1], "2,A,true,500,1000,0,age-70-99,2025-01,");
    assert_eq!(rows[2], "3,B,true,1500,0,0,priority,2025-01,");
    assert_eq!(rows[3], "4,C,false,0,1500,0,,2025-01,");
    assert!(rows[4].starts_with("5,D,,,,,,,") && rows[4].contains("age"), "{}", rows[4]);
    assert!(String::from_utf8_lossy(&out.stderr).contains("line 5"));
}

#[test]
fn policy_check_runs_the_cases() {
    let out = zhucan(&["policy", "check", "dandong-2024"]);
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(v["cases_failed"], 0);
    assert!(v["cases"].as_u64().is_some_and(|n| n >= 9));
    let dir = temp_dir("check");
    let wrong = include_str!("../../static/policies/dandong-2024.toml").replace("subsidy = 4, pay = 6", "subsidy = 5, pay = 5");
    let out = zhucan(&["policy", "check", &write(&dir, "d.toml", &wrong)]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("subsidy expected 5, got 4"));
}

#[test]
fn subsidy_month_applies_the_plan() {
    let dir = temp_dir("month");
    let person = write(&dir, "p.json", r#"{"age": 85}"#);
    // Tianjin, March 2025, lunch and dinner every day: per day 1, per natural week 5; the week of
    // 24 February has used its 5 by 1 March → 21 meals × 3 = 63 yuan (see tests/native/simulate.rs).
    let out = zhucan(&[
        "subsidy",
        "--policy",
        "tianjin",
        "--person",
        &person,
        "--on",
        "2025-03-04",
        "--month",
        "--weekdays",
        "mon,tue,wed,thu,fri,sat,sun",
        "--meals",
        "lunch,dinner",
    ]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(v["month"]["subsidised_meals"], 21);
    assert_eq!(v["month"]["total_subsidy_fen"], 6300);
    let bad = zhucan(&["subsidy", "--policy", "tianjin", "--person", &person, "--month", "--weekdays", "mon,someday"]);
    assert_eq!(bad.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("someday"));
}

#[test]
fn roster_summary_totals_a_month_by_category() {
    let dir = temp_dir("summary");
    // Tianjin, March 2025, lunch Monday–Friday: an 85-year-old gets 21 × 3 = 63 yuan (see
    // tests/native/simulate.rs); a 70-year-old with no category gets nothing; a 65-year-old 低保
    // recipient with severe care need is not covered in 2025 (that group is from 2019–2022).
    let roster = write(&dir, "r.csv", "id,age,hardship,care_level\nA,85,,\nB,70,,\nC,65,dibao,severe\n");
    let out = zhucan(&["subsidy", "--policy", "tianjin", "--people", &roster, "--summary", "--on", "2025-03-04"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(v["people"], 3);
    assert_eq!(v["total_subsidy_fen"], 6300);
    assert_eq!(v["people_with_subsidy"], 1);
    assert_eq!(v["by_age"]["80_99"]["subsidy_fen"], 6300);
    assert_eq!(v["by_hardship"]["dibao"]["people"], 1);
    assert_eq!(v["by_hardship"]["dibao"]["subsidy_fen"], 0);
}

/// `zhucan plan --roads`: a river along y = 0 with one bridge at x = 0 (streets on both banks at
/// y = ±50 m from x = -1000 to 1000). Person A (50 people) at (600, 60) is 120 m from the site at
/// (600, -60) in a straight line but 10 + 600 + 100 + 600 + 10 = 1,320 m on foot; person B (20) at
/// (500, -80) is on the site's bank: 30 + 100 + 10 = 140 m. A 15-minute walk at 60 m a minute is
/// 900 m on foot (692 m in a straight line with the 1.3 detour): straight line covers both (70),
/// on foot only B (20), so 50 / 70 of the straight-line reach is lost to the river.
#[test]
fn plan_walks_along_roads_and_says_what_the_river_costs() {
    use zhucan::core::geo::{LocalProjection, LonLat};
    let proj = LocalProjection::new(LonLat::new(113.3, 23.1));
    let p = |x: f64, y: f64| {
        let q = proj.inverse(x, y);
        format!("[{:.9},{:.9}]", q.lon, q.lat)
    };
    let row = |x: f64, y: f64| {
        let q = proj.inverse(x, y);
        format!("{:.9},{:.9}", q.lon, q.lat)
    };
    let dir = temp_dir("plan-roads");
    let line = |a: String, b: String, tags: &str| {
        format!(r#"{{"type":"Feature","properties":{tags},"geometry":{{"type":"LineString","coordinates":[{a},{b}]}}}}"#)
    };
    let roads = format!(
        r#"{{"type":"FeatureCollection","features":[{},{},{},{}]}}"#,
        line(p(-1000.0, -50.0), p(1000.0, -50.0), r#"{"highway":"residential"}"#),
        line(p(-1000.0, 50.0), p(1000.0, 50.0), r#"{"highway":"residential"}"#),
        line(p(0.0, -50.0), p(0.0, 50.0), r#"{"highway":"footway","bridge":"yes"}"#),
        // A motorway across the river further east: not walkable, so no short cut.
        line(p(700.0, -50.0), p(700.0, 50.0), r#"{"highway":"motorway"}"#),
    );
    let roads = write(&dir, "roads.geojson", &roads);
    let demand = write(&dir, "demand.csv", &format!("name,lng,lat,count\nA,{},50\nB,{},20\n", row(600.0, 60.0), row(500.0, -80.0)));
    let sites = write(&dir, "sites.csv", &format!("name,lng,lat\nsite,{}\n", row(600.0, -60.0)));
    let straight = zhucan(&["plan", "--demand", &demand, "--candidates", &sites, "--walk-minutes", "15", "--k", "1"]);
    assert!(straight.status.success(), "{}", String::from_utf8_lossy(&straight.stderr));
    let v: serde_json::Value = serde_json::from_slice(&straight.stdout).expect("json");
    assert_eq!(v["covered_weight"], 70.0);
    assert_eq!(v["distance_model"], "straight_line");
    let walked = zhucan(&["plan", "--demand", &demand, "--candidates", &sites, "--walk-minutes", "15", "--k", "1", "--roads", &roads]);
    assert!(walked.status.success(), "{}", String::from_utf8_lossy(&walked.stderr));
    let v: serde_json::Value = serde_json::from_slice(&walked.stdout).expect("json");
    assert_eq!(v["distance_model"], "on_foot");
    assert_eq!(v["covered_weight"], 20.0, "only B, on the same bank");
    let n = &v["network"];
    // Two streets, one on each bank, each split where the footbridge meets it: 3 + 3 nodes and
    // 2 + 2 segments, plus the bridge itself = 5; the motorway is not walkable and is dropped.
    assert_eq!((n["nodes"].as_u64(), n["segments"].as_u64(), n["ways_not_walkable"].as_u64()), (Some(6), Some(5), Some(1)));
    assert_eq!(
        (n["limit_on_foot_m"].as_f64(), n["demand_unsnapped"].as_u64(), n["sites_unsnapped"].as_u64()),
        (Some(900.0), Some(0), Some(0))
    );
    let site = &n["per_candidate"][0];
    assert_eq!((site["straight_line"].as_f64(), site["on_foot"].as_f64()), (Some(70.0), Some(20.0)));
    assert!((site["lost_share"].as_f64().unwrap_or_default() - 50.0 / 70.0).abs() < 1e-9);
    assert!(v["timings"]["network_build_s"].is_number());
    // A 25-minute walk (1,500 m) reaches A over the bridge too.
    let longer = zhucan(&["plan", "--demand", &demand, "--candidates", &sites, "--walk-minutes", "25", "--k", "1", "--roads", &roads]);
    let v: serde_json::Value = serde_json::from_slice(&longer.stdout).expect("json");
    assert_eq!(v["covered_weight"], 70.0);
    // Another provider on the north bank at (600, 40) walks along the roads too: 10 m onto the
    // street, 10 m off it to A (50 people); B is 600 + 100 + 500 + 30 = 1,230 m away over the
    // bridge, beyond 900 m. So it already serves A's 50, not B's 20.
    let others = write(
        &dir,
        "others.csv",
        &format!(
            "name,lng,lat
restaurant,{}
",
            row(600.0, 40.0)
        ),
    );
    let with_others = zhucan(&[
        "plan",
        "--demand",
        &demand,
        "--candidates",
        &sites,
        "--walk-minutes",
        "15",
        "--k",
        "1",
        "--roads",
        &roads,
        "--competitors",
        &others,
    ]);
    assert!(with_others.status.success(), "{}", String::from_utf8_lossy(&with_others.stderr));
    let v: serde_json::Value = serde_json::from_slice(&with_others.stdout).expect("json");
    let c = &v["competitors"];
    assert_eq!((c["sites"].as_u64(), c["people"].as_f64()), (Some(1), Some(50.0)), "{v}");
}

/// A demand file with a word where a longitude should be (line 3, column 经度): the file, the line
/// and the column are named in the language asked for, and nothing is planned.
fn bad_demand_files(name: &str) -> (String, String) {
    let dir = temp_dir(name);
    let demand = write(&dir, "demand.csv", "名称,经度,纬度,60岁以上\n甲,113.30,23.10,1200\n乙,abc,23.11,800\n");
    let sites = write(&dir, "sites.csv", "名称,经度,纬度\n候选点1,113.30,23.10\n");
    (demand, sites)
}

#[test]
fn a_bad_row_is_named_in_chinese() {
    let (demand, sites) = bad_demand_files("bad-row-zh");
    let out = zhucan(&["plan", "--demand", &demand, "--candidates", &sites, "--lang", "zh"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty(), "no plan is printed");
    let stderr = String::from_utf8_lossy(&out.stderr);
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(
        lines,
        [
            format!("{demand}：第 3 行，“经度”：不是数字（“abc”）"),
            format!("zhucan：{demand}：2 行中有 1 行有问题（见上）；请改正，或者加上 --skip-bad-rows 跳过这些行"),
        ]
    );
}

#[test]
fn a_bad_row_is_named_in_english() {
    let (demand, sites) = bad_demand_files("bad-row-en");
    let out = zhucan(&["plan", "--demand", &demand, "--candidates", &sites, "--lang", "en"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty(), "no plan is printed");
    let stderr = String::from_utf8_lossy(&out.stderr);
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(
        lines,
        [
            format!("{demand}: line 3, “经度”: is not a number (“abc”)"),
            format!("zhucan: {demand}: 1 of 2 rows have problems (listed above); fix them or pass --skip-bad-rows"),
        ]
    );
}

#[test]
fn skipping_bad_rows_says_so_in_the_language_asked_for() {
    let (demand, sites) = bad_demand_files("skip-zh");
    let out = zhucan(&["plan", "--demand", &demand, "--candidates", &sites, "--skip-bad-rows", "--lang", "zh", "--k", "1"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains(&format!("{demand}：跳过了 2 行中的 1 行")), "{stderr}");
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    // Only 甲 (1,200 people, at the site itself) is left.
    assert_eq!(v["covered_weight"], 1200.0);
}

#[test]
fn the_language_comes_from_the_environment_unless_lang_is_given() {
    let (demand, sites) = bad_demand_files("env-lang");
    let args = ["plan", "--demand", demand.as_str(), "--candidates", sites.as_str()];
    let chinese = format!("{demand}：第 3 行，“经度”：不是数字（“abc”）");
    let english = format!("{demand}: line 3, “经度”: is not a number (“abc”)");
    let first_line = |out: std::process::Output| String::from_utf8_lossy(&out.stderr).lines().next().unwrap_or_default().to_string();
    assert_eq!(first_line(zhucan_with_lang(&args, Some("zh_CN.UTF-8"))), chinese);
    assert_eq!(first_line(zhucan_with_lang(&args, Some("C.UTF-8"))), english);
    assert_eq!(first_line(zhucan_with_lang(&args, Some("en_US.UTF-8"))), english);
    assert_eq!(first_line(zhucan_with_lang(&args, None)), english);
    let mut asked = args.to_vec();
    asked.extend(["--lang", "en"]);
    assert_eq!(first_line(zhucan_with_lang(&asked, Some("zh_CN.UTF-8"))), english);
}

#[test]
fn help_and_usage_errors_speak_the_language_asked_for() {
    let out = zhucan(&["plan", "--help", "--lang", "zh"]);
    assert!(out.status.success());
    let help = String::from_utf8_lossy(&out.stdout);
    assert!(help.contains("跳过有问题的行（在标准错误里列出），而不是停下"), "{help}");
    let out = zhucan(&["plan", "--help"]);
    let help = String::from_utf8_lossy(&out.stdout);
    assert!(help.contains("Leave out bad rows (listed on standard error) instead of stopping"), "{help}");
    let out = zhucan(&["--lang", "fr", "policy", "check", "tianjin"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(String::from_utf8_lossy(&out.stderr).trim(), "zhucan: --lang must be zh or en, not \"fr\"");
    let out = zhucan(&["subsidy", "--policy", "tianjin", "--person", "p.json", "--on", "2025-02-30", "--lang", "zh"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(String::from_utf8_lossy(&out.stderr).trim(), "zhucan：--on：2025-02-30 不是真实存在的日期");
}

/// `zhucan plan --demand-raster`: an Esri ASCII grid of four 0.01° cells in a row from 113.00° E,
/// 23.00° N (centres at 113.005 … 113.035° E, 23.005° N) holding 10, 20, no data and 40 people.
/// Adjacent centres are 0.01° × 111,195 m × cos 23.005° = 1,023.5 m apart. One candidate at the
/// first centre with a 1,500 m radius reaches the first two cells: 10 + 20 = 30 people. Only the
/// cells within 1,500 m of the candidate are read (113.0053 ± 0.0147° E: columns 0 and 1), so the
/// no-data cell and the 40 are never looked at.
#[test]
fn plan_reads_demand_from_a_population_raster_around_the_candidates() {
    let dir = temp_dir("raster");
    let grid =
        write(&dir, "pop.asc", "ncols 4\nnrows 1\nxllcorner 113.0\nyllcorner 23.0\ncellsize 0.01\nNODATA_value -9999\n10 20 -9999 40\n");
    let sites = write(&dir, "sites.csv", "名称,经度,纬度\nA,113.005,23.005\n");
    let out = zhucan(&["plan", "--demand-raster", &grid, "--candidates", &sites, "--radius-m", "1500", "--k", "1"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!((v["total_weight"].as_f64(), v["covered_weight"].as_f64()), (Some(30.0), Some(30.0)));
    let r = &v["raster"];
    assert_eq!((r["cells_read"].as_u64(), r["cells_with_people"].as_u64(), r["cells_no_data"].as_u64()), (Some(2), Some(2), Some(0)));
    // Two layers on the same grid (men and women) add up cell by cell: 2 × 30.
    let twice =
        zhucan(&["plan", "--demand-raster", &grid, "--demand-raster", &grid, "--candidates", &sites, "--radius-m", "1500", "--k", "1"]);
    let v: serde_json::Value = serde_json::from_slice(&twice.stdout).expect("json");
    assert_eq!(v["covered_weight"].as_f64(), Some(60.0));
    // A raster in metres (a projected system) is refused in the person's language, naming the file.
    let metres = write(&dir, "utm.asc", "ncols 2\nnrows 1\nxllcorner 500000\nyllcorner 2500000\ncellsize 100\n1 2\n");
    let zh = zhucan(&["--lang", "zh", "plan", "--demand-raster", &metres, "--candidates", &sites]);
    assert_eq!(zh.status.code(), Some(1), "{}", String::from_utf8_lossy(&zh.stderr));
    let err = String::from_utf8_lossy(&zh.stderr);
    assert!(err.contains("utm.asc") && err.contains("不是经纬度（WGS84，EPSG:4326）"), "{err}");
}

/// A flag the policy does not define is an error naming it and the policy's own categories (it was
/// silently ignored, so a misspelling gave a smaller subsidy without a word); and every trace step
/// is printed (steps testing a flag came out as `null`).
#[test]
fn subsidy_refuses_a_misspelt_flag_and_traces_every_step() {
    let dir = temp_dir("flags");
    let meal = write(&dir, "m.json", r#"{"price_fen": 1300}"#);
    let typo = write(&dir, "typo.json", r#"{"age": 85, "hukou": "local", "flags": ["jujia_butei"]}"#);
    let out = zhucan(&["subsidy", "--policy", "tianjin", "--person", &typo, "--meal", &meal, "--on", "2025-03-04"]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("jujia_butei") && err.contains("jujia_butie") && err.contains("kunnan_canji"), "{err}");
    let zh = zhucan(&["--lang", "zh", "subsidy", "--policy", "tianjin", "--person", &typo, "--meal", &meal, "--on", "2025-03-04"]);
    assert!(String::from_utf8_lossy(&zh.stderr).contains("这份政策没有类别 “jujia_butei”"), "{}", String::from_utf8_lossy(&zh.stderr));
    let right = write(&dir, "right.json", r#"{"age": 85, "hukou": "local", "flags": ["jujia_butie"]}"#);
    let out = zhucan(&["subsidy", "--policy", "tianjin", "--person", &right, "--meal", &meal, "--on", "2025-03-04"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    let trace = v["trace"].as_array().expect("a trace");
    assert!(!trace.is_empty());
    for step in trace {
        assert!(step["step"].is_string() && step["text"].is_string(), "a step printed as {step}");
    }
}

#[test]
fn subsidy_says_what_an_income_suggests_and_the_figures_with_and_without_recognition() {
    // The test-only policy: urban 低保 standard 612, 低保边缘 at most 1.5 × 612 = 918. Aged 70,
    // income 900 a month, urban, no category: 2 (basic) + 1 (income at most 2 × 612) = 3 now; if
    // recognised as 低保边缘, 2 + 3 = 5.
    let dir = temp_dir("income");
    let person = write(&dir, "p.json", r#"{"age": 70, "area": "urban", "income": 900}"#);
    let meal = write(&dir, "m.json", r#"{"date": "2025-03-04", "price_fen": 1200}"#);
    let policy = "tests/data/policy/income-test.toml";
    let out = zhucan(&["subsidy", "--policy", policy, "--person", &person, "--meal", &meal, "--lang", "zh"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(v["subsidy_fen"], 300, "today's figure: no category is assumed");
    let income = &v["income"];
    assert_eq!(income["income_fen"], 90000);
    assert_eq!(income["suggestions"][0]["hardship"], "dibao_edge");
    assert_eq!(income["suggestions"][0]["likelihood"], "suggested");
    assert_eq!(income["suggestions"][0]["limit_fen"], 91800);
    assert_eq!(income["suggestions"][0]["clause"]["id"], "edge-def");
    assert_eq!(income["without"]["subsidy_fen"], 300);
    assert_eq!(income["with"][0]["hardship"], "dibao_edge");
    assert_eq!((income["with"][0]["subsidy_fen"].clone(), income["with"][0]["pay_fen"].clone()), (500.into(), 700.into()));
    let text = income["text"].to_string();
    assert!(text.contains("可能属于低保边缘家庭，需要向社区申请认定"), "{text}");
    assert_eq!(income["figures_text"][1], serde_json::json!(["如经认定为低保边缘家庭", "每餐补贴5元，您支付7元"]));

    // Without an income there is nothing to suggest; with a category given, nothing either.
    let none = write(&dir, "q.json", r#"{"age": 70}"#);
    let out = zhucan(&["subsidy", "--policy", policy, "--person", &none, "--meal", &meal]);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert!(v.get("income").is_none());
    let edge = write(&dir, "r.json", r#"{"age": 70, "area": "urban", "income": 900, "hardship": "dibao_edge"}"#);
    let out = zhucan(&["subsidy", "--policy", policy, "--person", &edge, "--meal", &meal, "--lang", "en"]);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!((v["subsidy_fen"].clone(), v.get("income")), (500.into(), None));
}

#[test]
fn subsidy_reports_the_delivery_fee_the_version_notes_and_the_month_s_money_cap() {
    // tests/data/policy/new-keys.toml, 2024 rules: "按餐费七五折优惠，每餐最高优惠5元"; 16-yuan
    // meals: 16 × 25% = 4. "上门送餐费为2元，由服务对象个人自付": 16 − 4 + 2 = 14.
    let dir = temp_dir("new-keys");
    let policy = write(&dir, "new-keys.toml", include_str!("../data/policy/new-keys.toml"));
    let person = write(&dir, "p.json", r#"{"age": 70}"#);
    let meal = write(&dir, "m.json", r#"{"date": "2025-03-04", "price_fen": 1600, "delivery": true}"#);
    let out = zhucan(&[
        "subsidy",
        "--lang",
        "zh",
        "--policy",
        &policy,
        "--person",
        &person,
        "--meal",
        &meal,
        "--month",
        "--weekdays",
        "mon,tue,wed,thu,fri,sat,sun",
        "--meals",
        "lunch,dinner",
    ]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!((v["subsidy_fen"].as_i64(), v["pay_fen"].as_i64(), v["delivery_fee_fen"].as_i64()), (Some(400), Some(1400), Some(200)));
    assert_eq!(v["delivery_fee_payer"]["payer"], "person");
    assert_eq!(v["version_notes"], serde_json::json!(["实施办法自2024年7月1日起施行。"]));
    let trace: Vec<&str> = v["trace"].as_array().expect("trace").iter().filter_map(|s| s["text"].as_str()).collect();
    assert!(trace.contains(&"送餐费每次2元，由您自付"), "{trace:?}");
    // March 2025, lunch and dinner every day at 4 yuan, "每人每月最多150元": meals 1–37 (to 19 March
    // lunch) get 4 = 148; 19 March dinner gets the 2 left; the 24 meals of 20–31 March nothing.
    // Total 150 from 38 meals.
    assert_eq!((v["month"]["total_subsidy_fen"].as_i64(), v["month"]["subsidised_meals"].as_i64()), (Some(15_000), Some(38)));
    let caps = v["month"]["money_caps"].as_array().expect("money caps");
    assert_eq!(caps.len(), 1);
    assert_eq!(
        caps[0]["text"],
        "2025年3月19日晚餐：政策每月最多补贴150元，之前已补贴148元，这一餐只补剩下的2元（原本4元）；这个月之后的24餐也没有补贴"
    );
    assert_eq!(caps[0]["clause"]["text"], "助餐补贴每人每月最多150元。");
}

/// Capacitated coverage, a competitor and home delivery on a hand-made district along a meridian
/// (WGS84, 113° E; y metres north of 23° N). Need share 0.5, so A (100 people) needs 50 meals, B
/// (60) 30 and Z (20, all 失能) 10. A competitor 200 m from A already serves A. Candidate C0
/// (at A, 10 meals) reaches only A; C1 (at B, 50 meals) reaches B on foot and Z, 2,000 m away,
/// by delivery (3,000 m). k = 1: C1 in both objectives. Coverage: the competitor's 100 + B 60 +
/// Z 20 = 180 of 180. Meals: C1 serves B 30 + Z 10 = 40 of its 50 (utilisation 0.8); the 50 meals
/// of A are the competitor's, counted once.
#[test]
fn plan_chooses_by_served_meals_with_a_competitor_and_delivery() {
    let dir = temp_dir("capacity");
    let lat = |y: f64| format!("{:.9}", 23.0 + (y / 6_371_008.8f64).to_degrees());
    let demand = write(
        &dir,
        "demand.csv",
        &format!("名称,经度,纬度,60岁以上,失能\nA,113,{},100,0\nB,113,{},60,0\nZ,113,{},20,20\n", lat(0.0), lat(5000.0), lat(7000.0)),
    );
    let candidates =
        write(&dir, "candidates.csv", &format!("名称,经度,纬度,日供餐能力\nC0,113,{},10\nC1,113,{},50\n", lat(0.0), lat(5000.0)));
    let competitors = write(&dir, "competitors.csv", &format!("名称,经度,纬度\n餐馆,113,{}\n", lat(200.0)));
    let args = [
        "plan",
        "--demand",
        &demand,
        "--candidates",
        &candidates,
        "--competitors",
        &competitors,
        "--radius-m",
        "1000",
        "--k",
        "1",
        "--need-share",
        "0.5",
        "--capacitated",
        "--delivery-column",
        "失能",
    ];
    let out = zhucan(&args);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(v["chosen"], serde_json::json!([1]));
    assert_eq!((v["covered_weight"].as_f64(), v["total_weight"].as_f64()), (Some(180.0), Some(180.0)));
    assert_eq!((v["competitors"]["sites"].as_u64(), v["competitors"]["people"].as_f64()), (Some(1), Some(100.0)));
    let d = &v["delivery"];
    assert_eq!((d["column"].as_str(), d["radius_m"].as_f64()), (Some("失能"), Some(3000.0)));
    assert_eq!((d["people"].as_f64(), d["reached"].as_f64(), d["beyond_walk"].as_f64()), (Some(20.0), Some(20.0), Some(20.0)));
    assert_eq!((v["walk_in"]["people"].as_f64(), v["walk_in"]["reached"].as_f64()), (Some(160.0), Some(60.0)));
    let c = &v["capacitated"];
    assert_eq!((c["chosen"].clone(), c["chosen_names"].clone()), (serde_json::json!([1]), serde_json::json!(["C1"])));
    let num = |x: &serde_json::Value| x.as_f64().unwrap_or(f64::NAN);
    assert_eq!([num(&c["need"]), num(&c["by_competitors"]), num(&c["covered"]), num(&c["served"])], [90.0, 50.0, 40.0, 40.0]);
    assert_eq!([num(&c["walk_in"]["served"]), num(&c["delivery"]["served"]), num(&c["covered_unserved"])], [30.0, 10.0, 0.0]);
    let site = &c["sites"][0];
    assert_eq!(
        (site["role"].as_str(), site["name"].as_str(), site["capacity_from_file"].as_bool()),
        (Some("chosen"), Some("C1"), Some(true))
    );
    assert_eq!([num(&site["assigned"]), num(&site["utilisation"]), num(&site["assigned_delivery"])], [40.0, 0.8, 10.0]);
    // Without the competitor, the coverage objective takes C0 (A's 100 people > B 60 + Z 20), but
    // C0 cooks only 10 of A's 50 meals while C1 serves 40: the capacitated choice is still C1.
    let alone: Vec<&str> = args.iter().enumerate().filter(|(i, _)| !(5..7).contains(i)).map(|(_, a)| *a).collect();
    let v: serde_json::Value = serde_json::from_slice(&zhucan(&alone).stdout).expect("json");
    assert_eq!((v["chosen"].clone(), v["capacitated"]["chosen"].clone()), (serde_json::json!([0]), serde_json::json!([1])));
    assert_eq!(v["capacitated"]["served"].as_f64(), Some(40.0));
}

#[test]
fn plan_refuses_bad_model_settings_in_the_language_asked_for() {
    let dir = temp_dir("capacity-errors");
    let demand = write(&dir, "demand.csv", "名称,经度,纬度,60岁以上,失能\nA,113,23,100,3\n");
    let candidates = write(&dir, "candidates.csv", "名称,经度,纬度\nC,113,23\n");
    let run = |extra: &[&str]| {
        let mut args = vec!["plan", "--demand", &demand, "--candidates", &candidates, "--radius-m", "1000"];
        args.extend_from_slice(extra);
        let out = zhucan(&args);
        (out.status.code(), String::from_utf8_lossy(&out.stderr).into_owned())
    };
    let (code, err) = run(&["--delivery-column", "disabled"]);
    assert_eq!(code, Some(1));
    assert!(err.contains("no column \"disabled\"") && err.contains("失能"), "{err}");
    let (code, err) = run(&["--delivery-column", "失能", "--delivery-radius-m", "800"]);
    assert_eq!(code, Some(1));
    assert!(err.contains("at least the walk-in radius (1000 m)"), "{err}");
    let (code, err) = run(&["--delivery-radius-m", "3000"]);
    assert_eq!(code, Some(1));
    assert!(err.contains("needs --delivery-column") && err.contains("失能"), "{err}");
    let (code, err) = run(&["--need-share", "1.5"]);
    assert_eq!(code, Some(1));
    assert!(err.contains("--need-share"), "{err}");
    let (code, err) = run(&["--lang", "zh", "--need-share", "0"]);
    assert_eq!(code, Some(1));
    assert!(err.contains("必须在 0 和 1 之间"), "{err}");
}
