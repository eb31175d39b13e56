//! The `zhucan` binary, run as a user would.

use std::process::Command;

fn zhucan(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_zhucan"))
        .args(args)
        .output()
        .expect("the zhucan binary runs")
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
    let roster = write(
        &dir,
        "roster.csv",
        "\u{feff}id,age,hardship,hukou\nA,85,,local\nB,65,dibao,local\nC,65,,local\nD,abc,,local\n",
    );
    let out = zhucan(&["subsidy", "--policy", "shenzhen-2025", "--people", &roster, "--on", "2025-03-04", "--meal", &write(&dir, "m.json", r#"{"price_fen": 1500}"#)]);
    assert_eq!(out.status.code(), Some(1), "one bad row makes the exit code 1");
    let text = String::from_utf8_lossy(&out.stdout);
    let rows: Vec<&str> = text.lines().collect();
    assert_eq!(rows[0], "line,id,eligible,subsidy_fen,pay_fen,delivery_subsidy_fen,tier,version,error");
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
        "subsidy", "--policy", "tianjin", "--person", &person, "--on", "2025-03-04", "--month",
        "--weekdays", "mon,tue,wed,thu,fri,sat,sun", "--meals", "lunch,dinner",
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
