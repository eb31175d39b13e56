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
