//! The format's newer keys, in one made-up policy file (tests/data/policy/new-keys.toml): a
//! delivery fee with free groups, money caps, a percentage with a ceiling, a version whose start
//! is unknown, a delivery subsidy whose recipient is not stated, version notes, and plain 特困
//! counted by where the person lives. The file's own [[case]]s are worked by hand from its
//! clauses; the explanations are checked here in both languages.

use zhucan::core::calendar::Calendar;
use zhucan::core::money::Fen;
use zhucan::core::policy::explain::{step_text, version_notes};
use zhucan::core::policy::{assess, parse_policy, run_cases, Hardship, Meal, Person, Policy, StepKind};
use zhucan::core::Locale;

const FILE: &str = include_str!("../data/policy/new-keys.toml");

fn policy() -> Policy {
    parse_policy(FILE).unwrap_or_else(|errors| {
        let list: Vec<String> = errors.iter().map(|e| e.display(Locale::En)).collect();
        panic!("new-keys.toml has problems:\n{}", list.join("\n"))
    })
}

fn meal(date: &str, price: i64, delivery: bool) -> Meal {
    Meal { price: Some(Fen::yuan(price)), delivery, ..Meal::lunch(date.parse().expect("date")) }
}

/// The explanation of a meal, one line a step.
fn steps(p: &Policy, person: &Person, m: &Meal, l: Locale) -> Vec<String> {
    assess(p, person, m, Calendar::builtin()).steps.iter().map(|s| step_text(s, p, l)).collect()
}

#[test]
fn the_file_loads_and_its_hand_worked_cases_pass() {
    let p = policy();
    let results = run_cases(&p, Calendar::builtin());
    assert_eq!(results.len(), 10);
    let failed: Vec<String> =
        results.iter().filter(|r| !r.passed()).map(|r| format!("line {} {}: {:?}", r.line, r.name, r.mismatches)).collect();
    assert!(failed.is_empty(), "{}", failed.join("\n"));
    // What the file says, kept as written (a policy studio writes it back out).
    assert_eq!(p.versions[0].from, None);
    assert_eq!(p.versions[1].from, Some("2024-07-01".parse().expect("date")));
    assert_eq!(p.versions[0].delivery[0].paid_to, None);
    let fee = p.versions[1].delivery_fee.as_ref().expect("a fee");
    assert_eq!(p.clauses[fee.clause].id, "fee");
    assert_eq!(p.clauses[fee.free.as_ref().expect("free groups").clause].id, "free");
    let (cap, clause) = p.versions[1].caps.money_per_month.as_ref().expect("a month cap");
    assert_eq!((cap.first(), p.clauses[*clause].id.as_str()), (Some(&Fen::yuan(150)), "month-cap"));
}

#[test]
fn the_percentage_and_its_ceiling_are_explained() {
    // "按餐费七五折优惠，每餐最高优惠5元": 24 × 25% = 6, so 5; 16 × 25% = 4.
    let p = policy();
    let at = |price, l| steps(&p, &Person::aged(70), &meal("2025-03-04", price, false), l);
    assert!(at(24, Locale::ZhCn)
        .contains(&"助餐补贴：符合“60周岁及以上七五折”，按餐价的25%补贴，最高5元：餐价24元的25%是6元，按最高5元补贴".to_string()));
    assert!(at(16, Locale::ZhCn)
        .contains(&"助餐补贴：符合“60周岁及以上七五折”，按餐价的25%补贴，最高5元：餐价16元的25%是4元，即补贴4元".to_string()));
    assert!(at(24, Locale::En)
        .contains(&"Meal subsidy: you are in “Aged 60 and over: 25% off”: 25% of the meal price, at most ¥5: 25% of ¥24 is ¥6, so the subsidy is the most, ¥5".to_string()));
}

#[test]
fn who_pays_the_delivery_fee_is_said() {
    let p = policy();
    // 70, no hardship: the person pays the 2 yuan ("由服务对象个人自付"); 12 + 2 = 14.
    let zh = steps(&p, &Person::aged(70), &meal("2025-03-04", 16, true), Locale::ZhCn);
    assert!(zh.contains(&"送餐费每次2元，由您自付".to_string()), "{zh:?}");
    assert!(zh.contains(&"连同送餐费，这一餐您共支付14元：餐费12元，加送餐费2元".to_string()), "{zh:?}");
    // 低保: free ("免费享受送餐上门服务"), and which test made it free.
    let dibao = Person { hardship: Hardship::Dibao, ..Person::aged(70) };
    let zh = steps(&p, &dibao, &meal("2025-03-04", 16, true), Locale::ZhCn);
    assert!(zh.contains(&"送餐费每次2元：您可以免费享受送餐上门（特困人员或低保对象（您：低保对象）），不用付".to_string()), "{zh:?}");
    let en = steps(&p, &dibao, &meal("2025-03-04", 16, true), Locale::En);
    assert!(en.iter().any(|s| s.starts_with("Delivery fee: ¥2 each time, but delivery is free for you (")), "{en:?}");
    // 85: 1 yuan to the provider, the rest (1) paid by the person.
    let zh = steps(&p, &Person::aged(85), &meal("2025-03-04", 16, true), Locale::ZhCn);
    assert!(zh.contains(&"送餐费每次2元，其中1元由送餐补贴付给送餐机构，其余1元由您自付".to_string()), "{zh:?}");
    // The trial rules do not say who receives their 1 yuan: said so, and the fee is not reduced.
    let zh = steps(&p, &Person::aged(70), &meal("2024-03-05", 10, true), Locale::ZhCn);
    assert!(zh.contains(&"送餐补贴：每次1元，来源没有说明这笔补贴付给谁".to_string()), "{zh:?}");
    assert!(zh.contains(&"送餐费每次2元，由您自付".to_string()), "{zh:?}");
    let en = steps(&p, &Person::aged(70), &meal("2024-03-05", 10, true), Locale::En);
    assert!(en.contains(&"Delivery subsidy: ¥1 per delivery, the source does not say who receives it".to_string()), "{en:?}");
}

#[test]
fn someone_not_in_a_free_group_is_told_what_free_delivery_needs() {
    let p = policy();
    let a = assess(&p, &Person::aged(70), &meal("2025-03-04", 16, true), Calendar::builtin());
    let hints: Vec<String> = a.hints.iter().map(|h| zhucan::core::policy::explain::hint_text(h, &p, Locale::ZhCn)).collect();
    assert!(hints.contains(&"免费送餐（每次不用付2元送餐费）需要：特困人员或低保对象（您：以上都不是）".to_string()), "{hints:?}");
}

#[test]
fn a_version_whose_start_is_unknown_says_so_and_gives_way_to_the_next() {
    let p = policy();
    let version_step = |date: &str, l| {
        let a = assess(&p, &Person::aged(70), &meal(date, 10, false), Calendar::builtin());
        let s = a.steps.iter().find(|s| matches!(s.kind, StepKind::Version { .. })).expect("a version step");
        step_text(s, &p, l)
    };
    assert_eq!(
        version_step("2024-03-05", Locale::ZhCn),
        "适用政策版本：试行办法（开始日期不详，来源没有写明；2024年7月1日起施行新版本，在此之前的日期都按这个版本计算）"
    );
    assert_eq!(
        version_step("2024-03-05", Locale::En),
        "Policy version: Trial rules (start date not stated in the source; used for every date before 1 July 2024, when the next version starts)"
    );
    // The day the 2024 rules start, they apply.
    assert_eq!(version_step("2024-07-01", Locale::ZhCn), "适用政策版本：2024年实施办法（2024年7月1日起施行）");
}

#[test]
fn the_version_s_notes_are_shown_with_the_result() {
    let p = policy();
    let a = assess(&p, &Person::aged(70), &meal("2024-03-05", 10, false), Calendar::builtin());
    let notes: Vec<&str> = version_notes(&a, &p).iter().map(|n| n.get(Locale::ZhCn)).collect();
    assert_eq!(notes, vec!["试行办法只找到了条文，没有找到印发日期。"]);
    let a = assess(&p, &Person::aged(70), &meal("2025-03-04", 10, false), Calendar::builtin());
    let notes: Vec<&str> = version_notes(&a, &p).iter().map(|n| n.get(Locale::En)).collect();
    assert_eq!(notes, vec!["The rules are in force from 1 July 2024."]);
}

#[test]
fn plain_tekun_is_counted_by_where_the_person_lives_and_the_step_says_so() {
    let p = policy();
    let tekun = Person { hardship: Hardship::Tekun, ..Person::aged(70) };
    let zh = steps(&p, &tekun, &meal("2025-03-04", 24, false), Locale::ZhCn);
    assert!(
        zh.contains(&"助餐补贴：符合“分散供养特困人员”，每餐补贴8元（您是特困人员，没有入住养老机构，按分散供养计算）".to_string()),
        "{zh:?}"
    );
    let en = steps(&p, &tekun, &meal("2025-03-04", 24, false), Locale::En);
    assert!(
        en.contains(
            &"Meal subsidy: you are in “Dispersed tekun support”: ¥8 per meal (you are an extremely poor person under state support, not living in a care institution, so counted as dispersed support)"
                .to_string()
        ),
        "{en:?}"
    );
    // In a care home: centralised, so not in the dispersed tier; the hint says how they were counted.
    let in_home = Person { in_care_home: true, ..tekun };
    let a = assess(&p, &in_home, &meal("2025-03-04", 24, false), Calendar::builtin());
    assert_eq!(a.subsidy, Fen::yuan(5));
    let hints: Vec<String> = a.hints.iter().map(|h| zhucan::core::policy::explain::hint_text(h, &p, Locale::ZhCn)).collect();
    assert!(hints.iter().any(|h| h.contains("（您：特困人员，住在养老机构，按集中供养计算）")), "{hints:?}");
}
