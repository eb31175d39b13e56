//! The policy-file template offered under "我的城市不在列表里" (static/policies/template.toml) loads
//! as it is, with no problem, and its own hand-worked example cases pass — so a resident who
//! loads it unchanged sees how a policy file works, and one who edits it starts from a file that
//! is right.

use zhucan::core::calendar::Calendar;
use zhucan::core::money::Fen;
use zhucan::core::policy::{assess, parse_policy, run_cases, Meal, Person};
use zhucan::core::Locale;

const TEMPLATE: &str = include_str!("../../static/policies/template.toml");

#[test]
fn the_template_loads_and_its_cases_pass() {
    let policy = parse_policy(TEMPLATE).unwrap_or_else(|errors| {
        let list: Vec<String> = errors.iter().map(|e| e.display(Locale::ZhCn)).collect();
        panic!("template.toml has problems:\n{}", list.join("\n"))
    });
    assert_eq!(policy.id, "example-city");
    let results = run_cases(&policy, Calendar::builtin());
    assert!(results.len() >= 2, "at least one example case for each outcome");
    let failed: Vec<String> =
        results.iter().filter(|r| !r.passed()).map(|r| format!("line {} {}: {:?}", r.line, r.name, r.mismatches)).collect();
    assert!(failed.is_empty(), "{}", failed.join("\n"));
    // Its quoted clause: "80周岁及以上老年人每餐补贴4元" — an 85-year-old gets 4 yuan of a 12-yuan lunch.
    let mut meal = Meal::lunch("2025-03-04".parse().expect("date"));
    meal.price = Some(Fen::yuan(12));
    let a = assess(&policy, &Person::aged(85), &meal, Calendar::builtin());
    assert_eq!((a.subsidy, a.pay), (Fen::yuan(4), Some(Fen::yuan(8))));
}

#[test]
fn the_template_explains_itself_in_both_languages() {
    // Every key a newcomer must change is introduced by a comment, in Chinese and English.
    for words in ["怎么用", "How to use it", "社区", "docs/policy-format.md", "[[clause]]", "[[case]]"] {
        assert!(TEMPLATE.contains(words), "the template mentions {words}");
    }
}

/// Commented lines that stand for another line rather than add to it, each with the line it
/// displaces (active or commented): a second `from`, caps in meals instead of money, a percentage
/// with a ceiling instead of a subsidy in yuan.
const ALTERNATIVES: [(&str, &str); 4] = [
    ("# from = \"unknown\"", "from = 2024-01-01"),
    ("# caps = { per_day = 1, per_week = 5", "# caps = { per_day = 1, money_per_week"),
    ("# percent = 25", "subsidy = 2 "),
    ("# percent_at_most = 5", "subsidy = 2 "),
];

/// The template with its commented key examples turned on (`# key = …` and `# [[table]]` lines;
/// notes stay notes), and with the `chosen` alternatives in place of the lines they displace.
fn uncommented(chosen: bool) -> String {
    let mut out = String::new();
    for line in TEMPLATE.lines() {
        let body = line.trim_start();
        let indent = &line[..line.len() - body.len()];
        let alternative = ALTERNATIVES.iter().find(|(alt, _)| body.starts_with(alt));
        let displaced = chosen && ALTERNATIVES.iter().any(|(_, d)| body.starts_with(d));
        let example = body.strip_prefix("# ").filter(|rest| {
            rest.starts_with("[[")
                || rest.split_once(" = ").is_some_and(|(k, _)| !k.is_empty() && k.chars().all(|c| c.is_ascii_lowercase() || c == '_'))
        });
        match example {
            _ if displaced => continue,
            Some(_) if alternative.is_some() && !chosen => out.push_str(line),
            Some(rest) => {
                out.push_str(indent);
                out.push_str(rest);
            }
            None => out.push_str(line),
        }
        out.push('\n');
    }
    out
}

fn loads_and_passes(text: &str) -> usize {
    let policy = parse_policy(text).unwrap_or_else(|errors| {
        let list: Vec<String> = errors.iter().map(|e| e.display(Locale::En)).collect();
        panic!("the template's examples, turned on, have problems:\n{}\n{text}", list.join("\n"))
    });
    let results = run_cases(&policy, Calendar::builtin());
    let failed: Vec<String> =
        results.iter().filter(|r| !r.passed()).map(|r| format!("line {} {}: {:?}", r.line, r.name, r.mismatches)).collect();
    assert!(failed.is_empty(), "{}", failed.join("\n"));
    results.len()
}

#[test]
fn every_commented_example_in_the_template_is_a_valid_key_when_turned_on() {
    // All the examples at once: money caps, delivery fee and subsidy, dibao and income, a hardship
    // tier, dates_note, notes … and the commented third case (82, delivered: 10 − 4 + (2 − 1) = 7).
    let all = uncommented(false);
    for key in ["\ndibao = ", "\n  [[version.income]]", "\ndelivery_fee = ", "\n  paid_to = ", "money_per_month = 150", "\n  select = "] {
        assert!(all.contains(key), "turned on: {key}");
    }
    assert_eq!(loads_and_passes(&all), 3);
    // The alternatives: an unknown start, caps in meals, a percentage with a ceiling.
    let other = uncommented(true);
    for key in ["\nfrom = \"unknown\"", "\ncaps = { per_day = 1, per_week = 5", "\n    percent_at_most = 5"] {
        assert!(other.contains(key), "turned on: {key}");
    }
    assert!(!other.contains("\nfrom = 2024-01-01") && !other.contains("money_per_week = 50, money_per_month = 150, clause"));
    assert_eq!(loads_and_passes(&other), 3);
}
