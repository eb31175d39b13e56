//! The policy studio's core (issue 17): every preset and the template opened as a draft, written
//! and loaded again gives the same policy; writing is idempotent; a blank draft gives the loader's
//! "missing" messages beside the right fields; strings are escaped for TOML.

use zhucan::core::calendar::Calendar;
use zhucan::core::policy::draft::{
    check, draft_from_policy, draft_from_toml, validate, write_toml, BenefitKind, DraftCap, DraftClause, DraftCondition, DraftDated,
    DraftDeliveryFee, DraftPerMeal, DraftStep, DraftText, PolicyDraft,
};
use zhucan::core::policy::model::Policy;
use zhucan::core::policy::parse_policy;
use zhucan::core::policy::presets::PRESETS;
use zhucan::core::Locale;

const TEMPLATE: &str = include_str!("../../static/policies/template.toml");

/// The policy without the cases' line numbers (which move when the file is rewritten).
fn without_lines(mut p: Policy) -> Policy {
    for c in &mut p.cases {
        c.line = 0;
    }
    p
}

fn load(name: &str, text: &str) -> Policy {
    parse_policy(text).unwrap_or_else(|e| {
        let list: Vec<String> = e.iter().map(|e| e.display(Locale::En)).collect();
        panic!("{name} does not load:\n{}\n---\n{text}", list.join("\n"))
    })
}

fn files() -> Vec<(&'static str, &'static str)> {
    let mut all: Vec<(&str, &str)> = PRESETS.iter().map(|p| (p.id, p.toml)).collect();
    all.push(("template", TEMPLATE));
    all
}

#[test]
fn every_preset_and_the_template_round_trip_through_the_studio() {
    assert_eq!(files().len(), 16);
    for (name, text) in files() {
        let original = load(name, text);
        for locale in [Locale::ZhCn, Locale::En] {
            let written = write_toml(&draft_from_policy(&original), locale);
            let again = load(name, &written);
            assert_eq!(without_lines(again.clone()), without_lines(original.clone()), "{name} changed in the round trip");
            // Writing what was written gives the same text.
            assert_eq!(write_toml(&draft_from_policy(&again), locale), written, "{name}: writing is not idempotent");
            assert_eq!(draft_from_toml(&written), Ok(draft_from_policy(&original)), "{name}: the draft changed");
        }
    }
}

#[test]
fn every_preset_checks_clean_with_its_cases_passing() {
    for (name, text) in files() {
        let draft = draft_from_toml(text).unwrap_or_else(|e| panic!("{name}: {e:?}"));
        assert_eq!(validate(&draft, Locale::ZhCn), Vec::new(), "{name}");
        let checked = check(&draft, Locale::ZhCn, Calendar::builtin());
        assert!(checked.ok(), "{name}: {:?}", checked.cases.iter().filter(|c| !c.passed()).collect::<Vec<_>>());
        assert_eq!(checked.cases.len(), load(name, text).cases.len(), "{name}: every case ran");
    }
}

fn fields(problems: &[zhucan::core::policy::draft::Problem]) -> Vec<String> {
    let mut f: Vec<String> = problems.iter().map(|p| p.field.clone()).collect();
    f.sort();
    f
}

#[test]
fn a_blank_draft_is_written_and_gets_the_loaders_missing_messages_beside_its_fields() {
    let problems = validate(&PolicyDraft::blank(), Locale::ZhCn);
    let mut expected = vec![
        "policy.id",
        "policy.name",
        "policy.region",
        "source[0].id",
        "source[0].title",
        "source[0]",
        "clause[0].id",
        "clause[0].source",
        "clause[0].text",
        "version[0].id",
        "version[0].label",
        "version[0].from",
        "version[0].component[0].id",
        "version[0].component[0].name",
        "version[0].component[0].tier[0].id",
        "version[0].component[0].tier[0].name",
        "version[0].component[0].tier[0]",
        "version[0].component[0].tier[0].clause",
        "case[0].name",
        "case[0].person",
        "case[0].meal.date",
        "case[0].expect",
    ];
    expected.sort();
    assert_eq!(fields(&problems), expected);
    let name = problems.iter().find(|p| p.field == "policy.name").map(|p| p.message.as_str());
    assert_eq!(name, Some("缺少必填项 “name”"));
    let unlocatable = problems.iter().find(|p| p.field == "source[0]").map(|p| p.message.as_str());
    assert_eq!(unlocatable, Some("来源必须写明网址（url）或文号（number），读者才能找到原文"));
    // An empty draft (no tables at all) is refused too, without a panic.
    let empty = fields(&validate(&PolicyDraft::default(), Locale::En));
    assert_eq!(empty, vec!["policy.id", "policy.name", "policy.region", "source", "version"]);
}

/// The template, opened in the studio.
fn template() -> PolicyDraft {
    draft_from_toml(TEMPLATE).unwrap_or_else(|e| panic!("{e:?}"))
}

#[test]
fn problems_inside_conditions_name_the_drafts_own_node() {
    let mut d = template();
    // Written as one table `{ age_at_least = "六十", hukou = "local" }`: the loader says
    // `….when.age_at_least`, the draft's field is the first item of the `all`.
    d.versions[0].components[0].tiers[0].when =
        Some(DraftCondition::All(vec![DraftCondition::AgeAtLeast("六十".into()), DraftCondition::Hukou("local".into())]));
    // Not in the file's key order: written as `{ all = [ … ] }`, the paths agree.
    d.versions[0].components[0].tiers[1].when =
        Some(DraftCondition::All(vec![DraftCondition::Hukou("local".into()), DraftCondition::AgeAtLeast("x".into())]));
    // A merged table inside an `any`, with an unknown category.
    d.versions[0].eligibility = Some(DraftCondition::Any(vec![DraftCondition::All(vec![
        DraftCondition::AgeAtLeast("60".into()),
        DraftCondition::Flag("youfu".into()),
    ])]));
    let problems = validate(&d, Locale::En);
    assert_eq!(
        fields(&problems),
        vec![
            "version[0].component[0].tier[0].when.all[0].age_at_least",
            "version[0].component[0].tier[1].when.all[1].age_at_least",
            "version[0].eligibility.any[0].all[1].flag",
        ]
    );
    let text = write_toml(&d, Locale::En);
    assert!(text.contains("when = { age_at_least = \"六十\", hukou = \"local\" }"), "{text}");
    assert!(text.contains("when = { all = [{ hukou = \"local\" }, { age_at_least = \"x\" }] }"), "{text}");
    assert!(text.contains("eligibility = { any = [{ age_at_least = 60, flag = \"youfu\" }] }"), "{text}");
}

#[test]
fn the_cases_run_and_a_wrong_expectation_says_what_the_policy_gives() {
    let mut d = template();
    // The template's first case: 82 years old, a 10-yuan lunch; 80 and over get 4 yuan.
    d.cases[0].expect.subsidy = "5".into();
    d.cases[0].expect.pay = "6".into();
    let checked = check(&d, Locale::ZhCn, Calendar::builtin());
    assert!(checked.problems.is_empty(), "{:?}", checked.problems);
    assert!(!checked.ok());
    assert!(checked.cases.len() >= 2);
    let first = &checked.cases[0];
    assert_eq!((first.index, first.name.as_str()), (0, "本地户籍82周岁，午餐10元"));
    assert_eq!(first.mismatches.len(), 1, "{:?}", first.mismatches);
    let m = &first.mismatches[0];
    assert_eq!((m.field.as_str(), m.key, m.expected.as_str(), m.got.as_str()), ("case[0].expect.subsidy", "subsidy", "5", "4"));
    assert!(checked.cases[1..].iter().all(|c| c.passed()));
    // A problem in the file: no policy, no cases run.
    d.versions[0].components[0].tiers[0].amount = DraftPerMeal::plain("两元");
    let broken = check(&d, Locale::ZhCn, Calendar::builtin());
    assert!(broken.policy.is_none() && broken.cases.is_empty());
    assert_eq!(fields(&broken.problems), vec!["version[0].component[0].tier[0].subsidy"]);
}

#[test]
fn strings_are_escaped_and_come_back_unchanged() {
    let mut d = template();
    let tricky = "他说：\"按\\每餐\"\n第二行\t完";
    d.name = DraftText { zh: tricky.into(), en: "Quote \" and backslash \\".into() };
    d.clauses[0].text = "一\r\n二\u{1}".into();
    let text = write_toml(&d, Locale::ZhCn);
    assert!(text.contains(r#"name = { zh = "他说：\"按\\每餐\"\n第二行\t完", en = "Quote \" and backslash \\" }"#), "{text}");
    assert!(text.contains(r#"text = "一\r\n二\u0001""#), "{text}");
    let p = load("escaped", &text);
    assert_eq!(p.name.zh, tricky);
    assert_eq!(p.name.en, "Quote \" and backslash \\");
    assert_eq!(p.clauses[0].text, "一\r\n二\u{1}");
}

#[test]
fn a_small_draft_is_written_in_the_formats_order_with_comments() {
    let mut d = PolicyDraft::blank();
    d.id = "t".into();
    d.name = DraftText::new("测试市");
    d.region = DraftText { zh: "测试省".into(), en: "Test".into() };
    d.gaps = vec![DraftText::new("一"), DraftText { zh: "二".into(), en: "two".into() }];
    d.sources[0].id = "s".into();
    d.sources[0].title = "文件".into();
    d.sources[0].number = "测〔2024〕1号".into();
    d.clauses[0].id = "c".into();
    d.clauses[0].source = "s".into();
    d.clauses[0].text = "原文".into();
    d.clauses[0].verbatim = false;
    let v = &mut d.versions[0];
    v.id = "v".into();
    v.label = DraftText::new("v");
    v.from = "unknown".into();
    v.caps.per_week = DraftCap { value: DraftDated::plain("5"), clause: String::new() };
    v.caps.money_per_month = DraftCap {
        value: DraftDated {
            steps: vec![
                DraftStep { from: "2024-01-01".into(), value: "150".into() },
                DraftStep { from: "2025-01-01".into(), value: "152.50".into() },
            ],
        },
        clause: String::new(),
    };
    v.caps.clause = "c".into();
    v.delivery_fee = Some(DraftDeliveryFee {
        amount: DraftDated::plain("2"),
        clause: "c".into(),
        free_when: Some(DraftCondition::HardshipIn(vec!["dibao".into(), "tekun".into()])),
        free_clause: "c".into(),
    });
    v.components[0].id = "m".into();
    v.components[0].name = DraftText::new("基本");
    let tier = &mut v.components[0].tiers[0];
    tier.id = "all".into();
    tier.name = DraftText::new("所有人");
    tier.benefit = BenefitKind::Percent;
    tier.amount = DraftPerMeal::plain(" 25 ");
    tier.at_most = DraftPerMeal { per_meal: true, lunch: DraftDated::plain("5"), ..DraftPerMeal::default() };
    tier.clause = "c".into();
    let c = &mut d.cases[0];
    c.name = "70岁低保".into();
    c.person.age = "70".into();
    c.person.hardship = "dibao".into();
    c.meal.date = "2025-03-04".into();
    c.meal.price = "10".into();
    c.meal.delivery = true;
    c.expect.subsidy = "2.5".into();
    c.expect.tier = Some("all".into());
    let expected = r#"# Meal-subsidy policy file (made with the policy studio)
# Format: docs/policy-format.md; lines starting with # are notes and do not change any figure.

format = 1

# Policy: id, name, region
[policy]
id = "t"
name = "测试市"
region = { zh = "测试省", en = "Test" }
gaps = [
  "一",
  { zh = "二", en = "two" },
]

# Source: the policy document (title, number or address)
[[source]]
id = "s"
title = "文件"
number = "测〔2024〕1号"

# Clause: the document's own words
[[clause]]
id = "c"
source = "s"
text = "原文"
verbatim = false

# Version: v
[[version]]
id = "v"
label = "v"
from = "unknown"
caps = { per_week = 5, money_per_month = [{ from = 2024-01-01, value = 150 }, { from = 2025-01-01, value = 152.5 }], clause = "c" }
delivery_fee = { amount = 2, clause = "c", free_when = { hardship_in = ["dibao", "tekun"] }, free_clause = "c" }

  # Part of the subsidy: 基本
  [[version.component]]
  id = "m"
  name = "基本"

    # Tier: 所有人
    [[version.component.tier]]
    id = "all"
    name = "所有人"
    percent = 25
    percent_at_most = { lunch = 5 }
    clause = "c"

# Test case: 70岁低保
[[case]]
name = "70岁低保"
person = { age = 70, hardship = "dibao" }
meal = { date = 2025-03-04, meal = "lunch", price = 10, delivery = true }
expect = { subsidy = 2.5, tier = "all" }
"#;
    assert_eq!(write_toml(&d, Locale::En), expected);
    let p = load("small", expected);
    assert_eq!(p.versions[0].from, None);
    assert_eq!(p.gaps.len(), 2);
}

#[test]
fn the_cli_writes_a_file_out_as_the_studio_does() {
    let run = |args: &[&str]| {
        std::process::Command::new(env!("CARGO_BIN_EXE_zhucan"))
            .args(args)
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .env_remove("LANG")
            .output()
            .expect("the zhucan binary runs")
    };
    let out = run(&["--lang", "zh", "policy", "fmt", "tianjin"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let text = String::from_utf8(out.stdout).expect("UTF-8");
    let tianjin = PRESETS.iter().find(|p| p.id == "tianjin").map(|p| p.toml).unwrap_or_default();
    let draft = draft_from_toml(tianjin).unwrap_or_else(|e| panic!("{e:?}"));
    assert_eq!(text, write_toml(&draft, Locale::ZhCn));
    assert!(text.contains("\n# 政策：编号、名称、地区\n[policy]\nid = \"tianjin\"\n"), "{text}");
    assert_eq!(without_lines(load("fmt", &text)), without_lines(load("tianjin", tianjin)));
    let missing = run(&["--lang", "en", "policy", "fmt", "no-such-city"]);
    assert_eq!(missing.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&missing.stderr).contains("no-such-city: no such file, and not a preset"));
}

#[test]
fn a_duplicate_id_and_an_unknown_reference_name_their_own_fields() {
    let mut d = template();
    let copy = d.sources[0].clone();
    d.sources.push(copy);
    // A second clause from a source that does not exist (the first is what the figures quote:
    // with its source unknown, every figure quoting it would be reported too).
    d.clauses.push(DraftClause { id: "extra".into(), source: "nowhere".into(), text: "……".into(), ..DraftClause::default() });
    d.versions[0].components[0].tiers[1].clause = "no-such-clause".into();
    let problems = validate(&d, Locale::ZhCn);
    assert_eq!(fields(&problems), vec!["clause[1].source", "source[1].id", "version[0].component[0].tier[1].clause"]);
    let unknown = problems.iter().find(|p| p.field == "clause[1].source").map(|p| p.message.clone()).unwrap_or_default();
    assert!(unknown.contains("nowhere"), "{unknown}");
    assert!(problems.iter().all(|p| p.line > 0 && p.is_under(p.field.split('.').next().unwrap_or(""))));
}
