//! The explanation in words: steps, checks, hints and notes rendered in Chinese or English, and the
//! names and plain-words explanations of every category (shared by the form and the CLI).
//!
//! Terms follow `shared/GLOSSARY.md`.

use super::assess::{Advice, Change, Computed, Hint, HintTarget, Note, Step, StepKind};
use super::condition::{Check, Condition, Found, Verdict};
use super::model::{FundingLevel, OperatorPer, PaidTo, Policy, SpendRule};
use super::person::{Area, CareLevel, Group, Hardship, Hukou, MealKind, Place};
use crate::core::calendar::DayKind;
use crate::core::date::Date;
use crate::core::money::Fen;
use crate::core::Locale;

/// An amount for people: `3元`, `10.5元` / `¥3`, `¥10.50`.
pub fn money(f: Fen, locale: Locale) -> String {
    match locale {
        Locale::ZhCn => format!("{f}元"),
        Locale::En => {
            let sign = if f.0 < 0 { "-" } else { "" };
            let abs = f.0.unsigned_abs();
            if abs.is_multiple_of(100) {
                format!("{sign}¥{}", abs / 100)
            } else {
                format!("{sign}¥{}.{:02}", abs / 100, abs % 100)
            }
        }
    }
}

/// A date for people: `2027年3月4日` / `4 March 2027`.
pub fn date(d: Date, locale: Locale) -> String {
    const MONTHS: [&str; 12] =
        ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
    match locale {
        Locale::ZhCn => format!("{}年{}月{}日", d.year(), d.month(), d.day()),
        Locale::En => format!("{} {} {}", d.day(), MONTHS[usize::from(d.month() - 1)], d.year()),
    }
}

/// A note without its final full stop, for use inside brackets (in English, from a small letter
/// unless it starts with a name or an acronym).
fn trim_stop(s: &str) -> String {
    let s = s.trim_end_matches(['。', '.']);
    let mut chars = s.chars();
    match (chars.next(), chars.next()) {
        (Some(first), Some(second)) if first.is_ascii_uppercase() && second.is_ascii_lowercase() => {
            first.to_ascii_lowercase().to_string() + &s[1..]
        }
        _ => s.to_string(),
    }
}

fn pick(locale: Locale, zh: &'static str, en: &'static str) -> &'static str {
    match locale {
        Locale::ZhCn => zh,
        Locale::En => en,
    }
}

/// Name of a care level.
pub fn care_name(c: CareLevel, locale: Locale) -> &'static str {
    match c {
        CareLevel::None => pick(locale, "未失能（生活能自理）", "no care need (can look after themselves)"),
        CareLevel::Mild => pick(locale, "轻度失能", "mildly disabled"),
        CareLevel::Moderate => pick(locale, "中度失能", "moderately disabled"),
        CareLevel::Severe => pick(locale, "重度失能", "severely disabled"),
    }
}

/// Name of a hardship category.
pub fn hardship_name(h: Hardship, locale: Locale) -> &'static str {
    match h {
        Hardship::None => pick(locale, "以上都不是", "none of these"),
        Hardship::Tekun => pick(locale, "特困人员", "extremely poor person under state support"),
        Hardship::TekunDispersed => {
            pick(locale, "特困人员（分散供养，住在家里）", "extremely poor person under state support, living at home")
        }
        Hardship::TekunCentralised => {
            pick(locale, "特困人员（集中供养，住在供养机构）", "extremely poor person under state support, living in an institution")
        }
        Hardship::Dibao => pick(locale, "低保对象", "minimum-living-allowance recipient"),
        Hardship::DibaoEdge => pick(locale, "低保边缘家庭成员", "member of a marginal low-income household"),
        Hardship::LowIncome => pick(locale, "低收入人口", "low-income person"),
        Hardship::ExpenditureHardship => pick(locale, "支出型困难家庭成员", "member of an expenditure-hardship household"),
    }
}

/// A plain-words explanation of a hardship category (from the glossary).
pub fn hardship_explain(h: Hardship, locale: Locale) -> &'static str {
    match h {
        Hardship::None => pick(locale, "没有被认定为下面任何一类困难人员。", "Not recognised in any of the hardship categories."),
        Hardship::Tekun | Hardship::TekunDispersed | Hardship::TekunCentralised => pick(
            locale,
            "没有收入、没有劳动能力、也没有法定赡养人，由国家供养的人。",
            "No income, no ability to work and no one legally bound to support them; supported by the state.",
        ),
        Hardship::Dibao => pick(
            locale,
            "家庭人均收入低于当地最低生活保障标准，正在领取低保金的人。",
            "Household income per person is below the local minimum-living standard, and the person receives the allowance.",
        ),
        Hardship::DibaoEdge => pick(
            locale,
            "家庭人均收入略高于低保标准（一般不超过低保标准的1.5–2倍），被民政部门认定为低保边缘家庭。",
            "Household income per person is a little above the minimum-living standard (usually up to 1.5–2 times it), and the civil-affairs office has recognised the household.",
        ),
        Hardship::LowIncome => pick(
            locale,
            "被当地认定为低收入人口（标准各地不同）。",
            "Recognised locally as a low-income person (the standard differs by place).",
        ),
        Hardship::ExpenditureHardship => pick(
            locale,
            "收入不算低，但看病、上学等必要开支太大，被认定为支出型困难家庭。",
            "Income is not low, but essential costs such as medical care or schooling push the household into hardship, and it has been recognised as such.",
        ),
    }
}

/// Name of a special group.
pub fn group_name(g: Group, locale: Locale) -> &'static str {
    match g {
        Group::LivingAlone => pick(locale, "独居", "living alone"),
        Group::EmptyNest => pick(locale, "空巢", "empty-nest"),
        Group::LeftBehind => pick(locale, "留守", "left-behind"),
        Group::Solitary => pick(locale, "孤寡", "widowed or single without children"),
        Group::FamilyPlanningSpecial => pick(locale, "计划生育特殊家庭", "special family-planning household"),
    }
}

/// A plain-words explanation of a special group.
pub fn group_explain(g: Group, locale: Locale) -> &'static str {
    match g {
        Group::LivingAlone => pick(locale, "一个人住，身边没有家人同住。", "Lives alone, with no family member in the home."),
        Group::EmptyNest => pick(
            locale,
            "子女不在身边，只有老人（或老两口）自己住。",
            "The children live elsewhere; only the older person or couple lives at home.",
        ),
        Group::LeftBehind => pick(
            locale,
            "子女长期在外地工作，老人留在家里。",
            "The children work far away for long periods; the older person stays at home.",
        ),
        Group::Solitary => pick(locale, "没有配偶，也没有子女。", "Has no spouse and no children."),
        Group::FamilyPlanningSpecial => pick(
            locale,
            "独生子女去世，或独生子女三级以上残疾的家庭。",
            "Lost their only child, or their only child has a grade 1–3 disability.",
        ),
    }
}

/// Name of a hukou value.
pub fn hukou_name(h: Hukou, locale: Locale) -> &'static str {
    match h {
        Hukou::Local => pick(locale, "本地户籍", "local household registration (hukou)"),
        Hukou::Nonlocal => pick(locale, "外地户籍（在本地常住）", "registered elsewhere (living here)"),
    }
}

/// Name of a meal.
pub fn meal_name(m: MealKind, locale: Locale) -> &'static str {
    match m {
        MealKind::Breakfast => pick(locale, "早餐", "breakfast"),
        MealKind::Lunch => pick(locale, "午餐", "lunch"),
        MealKind::Dinner => pick(locale, "晚餐", "dinner"),
    }
}

/// Name of a place.
pub fn place_name(p: Place, locale: Locale) -> &'static str {
    match p {
        Place::SameTown => pick(locale, "户籍所在镇街", "your own town or sub-district"),
        Place::SameDistrict => pick(locale, "本区的其他镇街", "another town in your district"),
        Place::SameCity => pick(locale, "本市的其他区", "another district of your city"),
        Place::Elsewhere => pick(locale, "外市", "another city"),
    }
}

/// Name of a funding level.
pub fn level_name(l: FundingLevel, locale: Locale) -> &'static str {
    match l {
        FundingLevel::City => pick(locale, "市级财政", "the city"),
        FundingLevel::District => pick(locale, "区级财政", "the district"),
        FundingLevel::Town => pick(locale, "镇街", "the town"),
    }
}

fn area_name(a: Area, locale: Locale) -> &'static str {
    match a {
        Area::Urban => pick(locale, "城市", "urban"),
        Area::Rural => pick(locale, "农村", "rural"),
    }
}

fn list(items: impl IntoIterator<Item = String>, locale: Locale) -> String {
    let items: Vec<String> = items.into_iter().collect();
    items.join(pick(locale, "、", ", "))
}

fn or_list(items: impl IntoIterator<Item = String>, locale: Locale) -> String {
    let items: Vec<String> = items.into_iter().collect();
    match locale {
        Locale::ZhCn => items.join("或"),
        Locale::En => items.join(" or "),
    }
}

/// A test in words, with what the person has: `年满80周岁（您现在79周岁，将于2027年3月4日满80周岁）`.
pub fn check_text(check: &Check, policy: &Policy, locale: Locale) -> String {
    let zh = locale == Locale::ZhCn;
    let (requirement, negated) = (requirement(&check.test, policy, locale), check.negated);
    let requirement = match (negated, zh) {
        (false, _) => requirement,
        (true, true) => format!("不属于：{requirement}"),
        (true, false) => format!("not: {requirement}"),
    };
    let found = found_text(&check.test, &check.found, locale);
    if found.is_empty() {
        requirement
    } else if zh {
        format!("{requirement}（{found}）")
    } else {
        format!("{requirement} ({found})")
    }
}

fn requirement(c: &Condition, policy: &Policy, locale: Locale) -> String {
    let zh = locale == Locale::ZhCn;
    match c {
        Condition::AgeAtLeast(n) => {
            if zh {
                format!("年满{n}周岁")
            } else {
                format!("aged {n} or over")
            }
        }
        Condition::AgeBelow(n) => {
            if zh {
                format!("未满{n}周岁")
            } else {
                format!("under {n}")
            }
        }
        Condition::CareAtLeast(level) => {
            if zh {
                format!("经评估为{}及以上", care_name(*level, locale))
            } else {
                format!("assessed as {} or more", care_name(*level, locale))
            }
        }
        Condition::DisabilityGradeIn(grades) => {
            let g = or_list(grades.iter().map(|g| g.to_string()), locale);
            if zh {
                format!("持有{g}级残疾证")
            } else {
                format!("holds a grade {g} disability certificate")
            }
        }
        Condition::HardshipIn(list_) => or_list(list_.iter().map(|h| hardship_name(*h, locale).to_string()), locale),
        Condition::GroupAny(groups) => {
            let g = or_list(groups.iter().map(|g| group_name(*g, locale).to_string()), locale);
            if zh {
                format!("{g}老年人")
            } else {
                format!("belongs to: {g}")
            }
        }
        Condition::Flag(f) => policy.category(f).map_or_else(|| f.clone(), |c| c.name.get(locale).to_string()),
        Condition::Hukou(h) => hukou_name(*h, locale).to_string(),
        Condition::InCareHome(true) => pick(locale, "入住养老机构", "living in a care institution").to_string(),
        Condition::InCareHome(false) => pick(locale, "没有入住养老机构", "not living in a care institution").to_string(),
        Condition::IncomeAtMostDibaoPercent(p) => {
            if zh {
                format!("家庭人均月收入不超过低保标准的{p}%")
            } else {
                format!("household income per person at most {p}% of the minimum-living standard")
            }
        }
        Condition::All(_) | Condition::Any(_) | Condition::Not(_) => String::new(),
    }
}

fn found_text(test: &Condition, found: &Found, locale: Locale) -> String {
    let zh = locale == Locale::ZhCn;
    match found {
        Found::Age { age: Some(age), reaches_on: Some(on) } => {
            let target = match test {
                Condition::AgeAtLeast(n) => *n,
                _ => *age,
            };
            if zh {
                format!("您现在{age}周岁，将于{}满{target}周岁", date(*on, locale))
            } else {
                format!("you are {age}; you turn {target} on {}", date(*on, locale))
            }
        }
        Found::Age { age: Some(age), reaches_on: None } => {
            if zh {
                format!("您{age}周岁")
            } else {
                format!("you are {age}")
            }
        }
        Found::Age { age: None, .. } => pick(locale, "出生日期晚于就餐日期", "born after the meal's date").into(),
        Found::Care(c) => format!("{}{}", pick(locale, "您：", "you: "), care_name(*c, locale)),
        Found::Disability(0) => pick(locale, "您：没有残疾证", "you: no disability certificate").into(),
        Found::Disability(g) => {
            if zh {
                format!("您：{g}级")
            } else {
                format!("you: grade {g}")
            }
        }
        Found::Hardship(h) => format!("{}{}", pick(locale, "您：", "you: "), hardship_name(*h, locale)),
        Found::Groups(gs) if gs.is_empty() => pick(locale, "您：都不是", "you: none").into(),
        Found::Groups(gs) => {
            format!("{}{}", pick(locale, "您：", "you: "), list(gs.iter().map(|g| group_name(*g, locale).to_string()), locale))
        }
        Found::Flag(true) => pick(locale, "您：是", "you: yes").into(),
        Found::Flag(false) => pick(locale, "您：不是", "you: no").into(),
        Found::Hukou(h) => format!("{}{}", pick(locale, "您：", "you: "), hukou_name(*h, locale)),
        Found::InCareHome(true) => pick(locale, "您：住在养老机构", "you: living in a care institution").into(),
        Found::InCareHome(false) => pick(locale, "您：住在家里", "you: living at home").into(),
        Found::Income { income, limit, area } => {
            let mut parts = Vec::new();
            match (area, limit) {
                (None, _) => parts.push(pick(locale, "未填写城乡", "urban or rural not given").to_string()),
                (Some(a), Some(l)) => parts.push(if zh {
                    format!("{}标准的上限为{}", area_name(*a, locale), money(*l, locale))
                } else {
                    format!("the {} limit is {}", area_name(*a, locale), money(*l, locale))
                }),
                (Some(_), None) => parts.push(pick(locale, "政策未给出该标准", "the policy gives no standard for it").into()),
            }
            parts.push(match income {
                Some(i) => {
                    if zh {
                        format!("您填写的是{}", money(*i, locale))
                    } else {
                        format!("you entered {}", money(*i, locale))
                    }
                }
                None => pick(locale, "未填写收入", "income not given").into(),
            });
            parts.join(pick(locale, "，", "; "))
        }
    }
}

/// One step in words.
pub fn step_text(step: &Step, policy: &Policy, locale: Locale) -> String {
    let zh = locale == Locale::ZhCn;
    let m = |f: Fen| money(f, locale);
    match &step.kind {
        StepKind::Version { label, from, until, dates_note: None, .. } => match (until, zh) {
            (Some(u), true) => format!("适用政策版本：{}（{}起施行，至{}）", label.zh, date(*from, locale), date(*u, locale)),
            (None, true) => format!("适用政策版本：{}（{}起施行）", label.zh, date(*from, locale)),
            (Some(u), false) => format!("Policy version: {} (in force from {} to {})", label.en, date(*from, locale), date(*u, locale)),
            (None, false) => format!("Policy version: {} (in force from {})", label.en, date(*from, locale)),
        },
        // Dates that are inferred or not certain: one statement that says so, never "起施行".
        StepKind::Version { label, from, until, dates_note: Some(note), .. } => match (until, zh) {
            (Some(u), true) => {
                format!(
                    "适用政策版本：{}（约自{}起，至{}；{}）",
                    label.zh,
                    date(*from, locale),
                    date(*u, locale),
                    trim_stop(note.get(locale))
                )
            }
            (None, true) => format!("适用政策版本：{}（约自{}起；{}）", label.zh, date(*from, locale), trim_stop(note.get(locale))),
            (Some(u), false) => format!(
                "Policy version: {} (roughly from {} to {}; {})",
                label.en,
                date(*from, locale),
                date(*u, locale),
                trim_stop(note.get(locale))
            ),
            (None, false) => {
                format!("Policy version: {} (roughly from {}; {})", label.en, date(*from, locale), trim_stop(note.get(locale)))
            }
        },
        StepKind::NoVersion { date: d, starts, ended } => {
            let mut s = if zh {
                format!("{}没有有效的政策版本", date(*d, locale))
            } else {
                format!("No version of this policy is in force on {}", date(*d, locale))
            };
            if let Some(e) = ended {
                s += &if zh {
                    format!("：该政策已于{}到期", date(*e, locale))
                } else {
                    format!(": it ended on {}", date(*e, locale))
                };
            } else if let Some(st) = starts {
                s += &if zh {
                    format!("：该政策自{}起施行", date(*st, locale))
                } else {
                    format!(": it starts on {}", date(*st, locale))
                };
            }
            s
        }
        StepKind::Price { price, reference: true } => {
            if zh {
                format!("每餐价格按政策的标准餐价{}计算", m(*price))
            } else {
                format!("Meal price: the policy's standard meal price, {}", m(*price))
            }
        }
        StepKind::Price { price, reference: false } => {
            if zh {
                format!("每餐价格：{}", m(*price))
            } else {
                format!("Meal price: {}", m(*price))
            }
        }
        StepKind::MealNotCovered { meal, covered } => {
            let c = list(covered.iter().map(|k| meal_name(*k, locale).to_string()), locale);
            if zh {
                format!("本政策只补贴{c}，{}不在补贴范围内", meal_name(*meal, locale))
            } else {
                format!("This policy covers {c} only; {} is not covered", meal_name(*meal, locale))
            }
        }
        StepKind::WorkingDay { date: d, day } => {
            let ds = date(*d, locale);
            match (&day.kind, zh) {
                (DayKind::Workday, true) => format!("本政策只在工作日补贴：{ds}是工作日"),
                (DayKind::MakeUpWorkday, true) => format!("本政策只在工作日补贴：{ds}是调休上班日，算工作日"),
                (DayKind::Weekend, true) => format!("本政策只在工作日补贴：{ds}是周末，不补贴"),
                (DayKind::Holiday { zh: name, .. }, true) => format!("本政策只在工作日补贴：{ds}是{name}假期，不补贴"),
                (DayKind::Workday, false) => format!("This policy pays on working days only: {ds} is a working day"),
                (DayKind::MakeUpWorkday, false) => {
                    format!("This policy pays on working days only: {ds} is a make-up working day")
                }
                (DayKind::Weekend, false) => format!("This policy pays on working days only: {ds} is a weekend day, so no subsidy"),
                (DayKind::Holiday { en: name, .. }, false) => {
                    format!("This policy pays on working days only: {ds} is a public holiday ({name}), so no subsidy")
                }
            }
        }
        StepKind::Eligibility { passed, checks } => {
            let shown: Vec<String> = checks.iter().filter(|c| c.passed == *passed).map(|c| check_text(c, policy, locale)).collect();
            let detail = list(shown, locale);
            match (passed, zh) {
                (true, true) => format!("符合补贴对象条件：{detail}"),
                (false, true) => format!("不符合补贴对象条件：{detail}"),
                (true, false) => format!("You are among those the policy covers: {detail}"),
                (false, false) => format!("You are not among those the policy covers: {detail}"),
            }
        }
        StepKind::Tier { component, tier, computed, .. } => {
            let c = component.get(locale);
            let t = tier.get(locale);
            match (computed, zh) {
                (Computed::Fixed { amount }, true) => format!("{c}：符合“{t}”，每餐补贴{}", m(*amount)),
                (Computed::PayFixed { pay, price, amount }, true) => {
                    format!("{c}：符合“{t}”，个人每餐支付{}，餐价{}，即补贴{}", m(*pay), m(*price), m(*amount))
                }
                (Computed::Percent { percent, price, amount }, true) => {
                    format!("{c}：符合“{t}”，补贴餐价{}的{percent}%，即{}", m(*price), m(*amount))
                }
                (Computed::NeedsPrice, true) => format!("{c}：符合“{t}”，但需要知道餐价才能计算补贴"),
                (Computed::NoFigure, true) => format!("{c}：符合“{t}”，但该档对这一餐没有补贴标准"),
                (Computed::Fixed { amount }, false) => format!("{c}: you are in “{t}”: {} per meal", m(*amount)),
                (Computed::PayFixed { pay, price, amount }, false) => {
                    format!("{c}: you are in “{t}”: you pay {} of the {} meal, so the subsidy is {}", m(*pay), m(*price), m(*amount))
                }
                (Computed::Percent { percent, price, amount }, false) => {
                    format!("{c}: you are in “{t}”: {percent}% of the {} price, that is {}", m(*price), m(*amount))
                }
                (Computed::NeedsPrice, false) => format!("{c}: you are in “{t}”, but the meal price is needed to work out the subsidy"),
                (Computed::NoFigure, false) => format!("{c}: you are in “{t}”, but it has no figure for this meal"),
            }
        }
        StepKind::NoTier { component } => {
            if zh {
                format!("{}：您不符合任何一档", component.zh)
            } else {
                format!("{}: you are in none of its tiers", component.en)
            }
        }
        StepKind::LevelLost { component, level, place, lost } => {
            if zh {
                format!(
                    "{}由{}支付，在{}就餐不能享受这部分（{}）",
                    component.zh,
                    level_name(*level, locale),
                    place_name(*place, locale),
                    m(*lost)
                )
            } else {
                format!(
                    "{} is paid by {}, and is lost when eating in {} ({})",
                    component.en,
                    level_name(*level, locale),
                    place_name(*place, locale),
                    m(*lost)
                )
            }
        }
        StepKind::BelowSpendThreshold { component, rule, price } => match (rule, zh) {
            (SpendRule::Above(t), true) => format!("{}：就餐消费超过{}才能享受，本餐{}，不补贴", component.zh, m(*t), m(*price)),
            (SpendRule::AtLeast(t), true) => format!("{}：就餐消费满{}才能享受，本餐{}，不补贴", component.zh, m(*t), m(*price)),
            (SpendRule::Above(t), false) => {
                format!("{}: paid only when the meal costs more than {}; this meal costs {}, so nothing", component.en, m(*t), m(*price))
            }
            (SpendRule::AtLeast(t), false) => {
                format!("{}: paid only when the meal costs at least {}; this meal costs {}, so nothing", component.en, m(*t), m(*price))
            }
        },
        StepKind::SpendRuleAssumed { component, rule } => {
            let (t, above) = match rule {
                SpendRule::Above(t) => (*t, true),
                SpendRule::AtLeast(t) => (*t, false),
            };
            match (above, zh) {
                (true, true) => format!("{}：就餐消费超过{}才能享受（未填写餐价，按已超过计算）", component.zh, m(t)),
                (false, true) => format!("{}：就餐消费满{}才能享受（未填写餐价，按已满计算）", component.zh, m(t)),
                (true, false) => format!("{}: paid only when the meal costs more than {} (no price given; assumed so)", component.en, m(t)),
                (false, false) => format!("{}: paid only when the meal costs at least {} (no price given; assumed so)", component.en, m(t)),
            }
        }
        StepKind::CappedAtPrice { before, price } => {
            if zh {
                format!("补贴不超过实际消费：{}减为餐价{}", m(*before), m(*price))
            } else {
                format!("A subsidy never exceeds what the meal costs: {} reduced to the price, {}", m(*before), m(*price))
            }
        }
        StepKind::Total { subsidy, pay } => match (pay, zh) {
            (Some(p), true) => format!("这一餐补贴{}，您支付{}", m(*subsidy), m(*p)),
            (None, true) => format!("这一餐补贴{}（未填写餐价，无法算出您要付多少）", m(*subsidy)),
            (Some(p), false) => format!("For this meal the subsidy is {} and you pay {}", m(*subsidy), m(*p)),
            (None, false) => format!("For this meal the subsidy is {} (no price given, so what you pay is not known)", m(*subsidy)),
        },
        StepKind::Delivery { name, amount, paid_to } => {
            let to = match (paid_to, zh) {
                (PaidTo::Provider, true) => "付给送餐机构",
                (PaidTo::Person, true) => "补给您本人",
                (PaidTo::Provider, false) => "paid to the delivery provider",
                (PaidTo::Person, false) => "paid to you",
            };
            if zh {
                format!("{}：每次{}，{to}", name.zh, m(*amount))
            } else {
                format!("{}: {} per delivery, {to}", name.en, m(*amount))
            }
        }
        StepKind::NoDelivery => pick(locale, "您不符合送餐上门补贴的条件", "You do not qualify for a home-delivery subsidy").into(),
        StepKind::Operator { name, amount, per } => {
            let per = match (per, zh) {
                (OperatorPer::Meal, true) => "每餐",
                (OperatorPer::PersonDay, true) => "每人每天",
                (OperatorPer::Meal, false) => "per meal",
                (OperatorPer::PersonDay, false) => "per person per day",
            };
            if zh {
                format!("另外，{}：政府{per}补贴食堂{}（不影响您支付的金额）", name.zh, m(*amount))
            } else {
                format!("Also, {}: the government pays the canteen {} {per} (this does not change what you pay)", name.en, m(*amount))
            }
        }
    }
}

/// What is missing, in words: `all` items joined with "and", `any` items as "one of".
pub fn missing_text(v: &Verdict, policy: &Policy, locale: Locale) -> String {
    let zh = locale == Locale::ZhCn;
    match v {
        Verdict::Leaf(check) => check_text(check, policy, locale),
        Verdict::All(items) => {
            let parts: Vec<String> = items.iter().map(|i| nested(i, policy, locale)).collect();
            parts.join(if zh { "，并且" } else { "; and " })
        }
        Verdict::Any(items) => {
            let parts: Vec<String> = items.iter().map(|i| nested(i, policy, locale)).collect();
            if zh {
                format!("以下任一项：{}", parts.join("；或"))
            } else {
                format!("one of: {}", parts.join("; or "))
            }
        }
    }
}

fn nested(v: &Verdict, policy: &Policy, locale: Locale) -> String {
    match v {
        Verdict::Leaf(_) => missing_text(v, policy, locale),
        _ => match locale {
            Locale::ZhCn => format!("（{}）", missing_text(v, policy, locale)),
            Locale::En => format!("({})", missing_text(v, policy, locale)),
        },
    }
}

/// A hint ("why not / when") in words.
pub fn hint_text(hint: &Hint, policy: &Policy, locale: Locale) -> String {
    let zh = locale == Locale::ZhCn;
    let failed = missing_text(&hint.missing, policy, locale);
    match (&hint.target, zh) {
        (HintTarget::Eligibility, true) => format!("享受补贴需要：{failed}"),
        (HintTarget::Eligibility, false) => format!("To receive the subsidy you need: {failed}"),
        (HintTarget::Tier { component, tier, amount }, true) => {
            format!("{}“{}”（每餐{}）需要：{failed}", component.zh, tier.zh, money(*amount, locale))
        }
        (HintTarget::Tier { component, tier, amount }, false) => {
            format!("{} “{}” ({} per meal) needs: {failed}", component.en, tier.en, money(*amount, locale))
        }
        (HintTarget::Delivery { name, amount }, true) => format!("{}（每次{}）需要：{failed}", name.zh, money(*amount, locale)),
        (HintTarget::Delivery { name, amount }, false) => format!("{} ({} each) needs: {failed}", name.en, money(*amount, locale)),
    }
}

/// Where to eat for the full subsidy, as an instruction: `在自己的镇街吃` / `eat in your own town`.
fn place_advice(p: Place, locale: Locale) -> &'static str {
    match p {
        Place::SameTown => pick(locale, "在自己的镇街吃", "eat in your own town or sub-district"),
        Place::SameDistrict => pick(locale, "在自己的区吃", "eat in your own district"),
        Place::SameCity => pick(locale, "在本市吃", "eat in your own city"),
        Place::Elsewhere => pick(locale, "在任何地方吃", "eat anywhere"),
    }
}

/// What would give the full subsidy, in words: `在自己的镇街吃，每餐补贴11元` /
/// `Eat in your own town or sub-district: ¥11 per meal`.
pub fn advice_text(advice: &Advice, locale: Locale) -> String {
    advice_sentence(&advice_phrases(advice, locale), &money(advice.subsidy, locale), locale)
}

/// Each change as an instruction.
fn advice_phrases(advice: &Advice, locale: Locale) -> Vec<String> {
    let zh = locale == Locale::ZhCn;
    advice
        .changes
        .iter()
        .map(|c| match c {
            Change::Place { place, .. } => place_advice(*place, locale).to_string(),
            Change::Meal { meals } => {
                let names = or_list(meals.iter().map(|m| meal_name(*m, locale).to_string()), locale);
                if zh {
                    format!("吃{names}（本政策只补贴{names}）")
                } else {
                    format!("have {names} (the only meals this policy covers)")
                }
            }
            Change::WorkingDay { next } => {
                if zh {
                    format!("在工作日吃（周末和法定节假日不补贴；下一个工作日是{}）", date(*next, locale))
                } else {
                    format!("eat on a working day (not at weekends or on public holidays; the next is {})", date(*next, locale))
                }
            }
        })
        .collect()
}

/// The advice for a range ("not sure"), the same changes with the lowest and the highest amount:
/// `在自己的镇街吃，每餐补贴7元 – 11元`.
pub fn advice_range_text(lowest: &Advice, highest: &Advice, locale: Locale) -> String {
    if lowest.subsidy == highest.subsidy {
        return advice_text(highest, locale);
    }
    let both = format!("{} – {}", money(lowest.subsidy, locale), money(highest.subsidy, locale));
    advice_sentence(&advice_phrases(highest, locale), &both, locale)
}

fn advice_sentence(phrases: &[String], amount: &str, locale: Locale) -> String {
    let zh = locale == Locale::ZhCn;
    if zh {
        format!("{}，每餐补贴{amount}", phrases.join("，"))
    } else {
        let joined = phrases.join(", ");
        let mut first = joined.chars();
        let capital = first.next().map(|c| c.to_uppercase().collect::<String>() + first.as_str()).unwrap_or_default();
        format!("{capital}: {amount} per meal")
    }
}

/// A note in words.
pub fn note_text(note: &Note, locale: Locale) -> String {
    match (note, locale) {
        (Note::CalendarFallback { year }, Locale::ZhCn) => {
            format!("尚未收录{year}年国务院的节假日安排，暂按周一至周五为工作日计算。")
        }
        (Note::CalendarFallback { year }, Locale::En) => {
            format!("The official holiday schedule for {year} is not loaded; Monday to Friday are taken as working days.")
        }
        (Note::PriceUnknown, Locale::ZhCn) => "未填写餐价，政策也没有标准餐价，无法算出您要付多少。".into(),
        (Note::PriceUnknown, Locale::En) => {
            "No meal price was given and the policy has no standard price, so what you pay cannot be worked out.".into()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::calendar::Calendar;
    use crate::core::policy::person::{Meal, Person};
    use crate::core::policy::presets::load_preset;

    fn version_step(id: &str, on: &str, locale: Locale) -> String {
        let policy = load_preset(id).and_then(Result::ok).expect("preset");
        let meal = Meal::lunch(on.parse().expect("date"));
        let a = crate::core::policy::assess(&policy, &Person::aged(85), &meal, Calendar::builtin());
        let step = a.steps.iter().find(|s| matches!(s.kind, StepKind::Version { .. })).expect("version step");
        step_text(step, &policy, locale)
    }

    #[test]
    fn an_inferred_start_date_is_one_statement_never_in_force_from() {
        // shenzhen-2025: from = 2025-01-20 with dates_note "从来源页面的发布日算起；具体施行日期未找到。".
        assert_eq!(
            version_step("shenzhen-2025", "2025-03-04", Locale::ZhCn),
            "适用政策版本：2025年1月标准（约自2025年1月20日起；从来源页面的发布日算起；具体施行日期未找到）"
        );
        assert_eq!(
            version_step("shenzhen-2025", "2025-03-04", Locale::En),
            "Policy version: January 2025 standard (roughly from 20 January 2025; from the source page's date; the standard's own start date was not found)"
        );
        // dandong-2024: from 2024-10-18 until 2026-10-17 ("有效期两年"), both inferred.
        let dandong = version_step("dandong-2024", "2025-03-04", Locale::ZhCn);
        assert!(dandong.starts_with("适用政策版本："), "{dandong}");
        assert!(dandong.contains("约自2024年10月18日起，至"), "{dandong}");
        assert!(!dandong.contains("起施行"), "{dandong}");
    }

    #[test]
    fn not_sure_of_the_hardship_category_gives_the_advice_as_a_range() {
        // guangzhou-2020, 70, in another district: 3 yuan (the city's part) whatever the hardship;
        // in his own town 7 (60–79周岁 政府补贴7元) or 11 (困难老人 政府补贴11元).
        use crate::core::policy::form::{validate, FormInput, UNSURE};
        let policy = load_preset("guangzhou-2020").and_then(Result::ok).expect("preset");
        let mut form = FormInput::new("guangzhou-2020", "2025-03-04".parse().expect("date"));
        form.age = "70".into();
        form.place = "same_city".into();
        form.hardship = UNSURE.into();
        let (answers, meal) = validate(&form).expect("valid");
        let r = crate::core::policy::assess_range(&policy, &answers, &meal, Calendar::builtin()).expect("range");
        assert_eq!((r.min.subsidy, r.max.subsidy), (crate::core::money::Fen::yuan(3), crate::core::money::Fen::yuan(3)));
        let (lo, hi) = r.advice.expect("advice for everyone");
        assert_eq!(advice_range_text(&lo, &hi, Locale::ZhCn), "在自己的镇街吃，每餐补贴7元 – 11元");
        // Not sure of the hukou: someone registered elsewhere gains nothing by moving, so no advice.
        form.hukou = UNSURE.into();
        let (answers, meal) = validate(&form).expect("valid");
        let r = crate::core::policy::assess_range(&policy, &answers, &meal, Calendar::builtin()).expect("range");
        assert_eq!(r.advice, None);
    }

    #[test]
    fn the_dates_note_is_not_repeated_among_the_notes() {
        let policy = load_preset("guangzhou-2020").and_then(Result::ok).expect("preset");
        let a =
            crate::core::policy::assess(&policy, &Person::aged(85), &Meal::lunch("2025-03-04".parse().expect("date")), Calendar::builtin());
        let notes: Vec<String> = a.notes.iter().map(|n| note_text(n, Locale::ZhCn)).collect();
        assert!(!notes.iter().any(|n| n.contains("施行日期")), "{notes:?}");
    }
}
