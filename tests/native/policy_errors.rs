//! A policy file with many mistakes: every one is reported at once, with its line and column, in
//! both languages. Line numbers below are counted by hand from the text.

use zhucan::core::policy::error::ErrorKind;
use zhucan::core::policy::parse_policy;
use zhucan::core::Locale;

const BROKEN: &str = r#"format = 1
[policy]
id = "broken"
name = "坏文件"
region = "某市"
colour = "red"

[[source]]
id = "s1"
title = "某文件"

[[clause]]
id = "c1"
source = "s1"
text = "每餐补贴3元"

[[clause]]
id = "c2"
source = "nowhere"
text = "……"

[[version]]
id = "v1"
label = "第一版"
from = 2024-05-01
until = 2024-01-01

  [[version.component]]
  id = "base"
  name = "基本补贴"

    [[version.component.tier]]
    id = "a"
    name = "60–70"
    when = { age_at_least = 60, age_below = 71 }
    subsidy = 2
    clause = "c1"

    [[version.component.tier]]
    id = "b"
    name = "70+"
    when = { age_at_least = 70 }
    subsidy = 3
    clause = "c1"

    [[version.component.tier]]
    id = "c"
    name = "bad"
    when = { hardship_in = ["poor"], flag = "nope" }
    subsidyy = 1
    clause = "c9"

  [[version.delivery]]
  id = "d"
  name = "送餐"
  amount = 2
  paid_to = "provider"
"#;

#[test]
fn every_problem_is_reported_with_its_line() {
    let errors = parse_policy(BROKEN).expect_err("the file is broken");
    let found: Vec<(usize, String)> = errors
        .iter()
        .map(|e| {
            let kind = match &e.kind {
                ErrorKind::UnknownKey { key, .. } => format!("unknown key {key}"),
                ErrorKind::SourceUnlocatable => "source unlocatable".into(),
                ErrorKind::UnknownRef { id, .. } => format!("unknown ref {id}"),
                ErrorKind::DatesOutOfOrder { .. } => "dates out of order".into(),
                ErrorKind::NoClause { .. } => "no clause".into(),
                ErrorKind::TiersOverlap { a, b, from_age, to_age } => format!("overlap {a} {b} {from_age}-{to_age:?}"),
                ErrorKind::BadValue { found, .. } => format!("bad value {found}"),
                ErrorKind::ExactlyOne { .. } => "exactly one".into(),
                other => format!("{other:?}"),
            };
            (e.line, kind)
        })
        .collect();
    let expected: Vec<(usize, String)> = vec![
        (6, "unknown key colour".into()),
        (8, "source unlocatable".into()), // [[source]] without url or number
        (19, "unknown ref nowhere".into()),
        (26, "dates out of order".into()),      // until before from
        (28, "overlap a b 70-Some(70)".into()), // ages 60–70 and 70+ share age 70
        (53, "no clause".into()),               // the delivery rule: a figure without its source
        (46, "exactly one".into()),             // tier c: no subsidy/pay/percent (the key is misspelt)
        (49, "bad value \"poor\"".into()),
        (49, "unknown ref nope".into()),
        (50, "unknown key subsidyy".into()),
        (51, "unknown ref c9".into()),
    ];
    let mut found_sorted = found.clone();
    found_sorted.sort();
    let mut expected_sorted = expected.clone();
    expected_sorted.sort();
    assert_eq!(found_sorted, expected_sorted, "all reported: {found:#?}");
}

#[test]
fn messages_are_in_both_languages_with_line_and_column() {
    let errors = parse_policy(BROKEN).expect_err("broken");
    let first = errors.iter().find(|e| matches!(e.kind, ErrorKind::UnknownKey { .. })).expect("unknown key");
    assert_eq!((first.line, first.column), (6, 1));
    assert!(first.display(Locale::ZhCn).starts_with("第 6 行第 1 列（policy）：不认识的键 “colour”"), "{}", first.display(Locale::ZhCn));
    assert!(first.display(Locale::En).starts_with("line 6, column 1 (policy): unknown key “colour”"), "{}", first.display(Locale::En));
}

#[test]
fn syntax_errors_point_at_the_place() {
    let text = "[policy]\nid = \"x\"\nname = \"未闭合\n";
    let errors = parse_policy(text).expect_err("syntax error");
    assert_eq!(errors.len(), 1);
    assert!(matches!(errors[0].kind, ErrorKind::Syntax { .. }));
    assert_eq!(errors[0].line, 3);
}

#[test]
fn overlapping_versions_are_refused() {
    let text = include_str!("../../static/policies/tianjin.toml").replace("until = 2022-07-11", "until = 2022-12-31");
    let errors = parse_policy(&text).expect_err("2019 now runs into 2022");
    assert!(errors.iter().any(|e| matches!(&e.kind, ErrorKind::VersionsOverlap { a, b } if a == "2019" && b == "2022")));
}

#[test]
fn empty_and_huge_files_get_a_clear_message() {
    let errors = parse_policy("").expect_err("empty");
    assert!(errors.iter().any(|e| matches!(e.kind, ErrorKind::MissingKey { key: "policy" })));
    let huge = "#".repeat(zhucan::core::policy::load::MAX_POLICY_BYTES + 1);
    let errors = parse_policy(&huge).expect_err("too large");
    assert!(matches!(errors[0].kind, ErrorKind::TooLarge { .. }));
}
