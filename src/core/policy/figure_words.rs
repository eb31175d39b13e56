//! The words of the calculator's figures ([`super::words`]) in each language: days and months,
//! what the month's figures and the limits assume, and the answers the figures were worked out
//! from. One table per language; [`figure_words`] chooses.

use super::explain_words::MONTHS_EN;
use super::words::When;
use crate::core::Locale;

/// The labels of the answers ("您填写的情况"), short.
pub struct AnswerLabels {
    /// `政策`.
    pub policy: &'static str,
    /// `年龄`.
    pub age: &'static str,
    /// `出生日期`.
    pub birth_date: &'static str,
    /// `户籍`.
    pub hukou: &'static str,
    /// `困难类别`.
    pub hardship: &'static str,
    /// `失能程度`.
    pub care: &'static str,
    /// `残疾证等级`.
    pub disability: &'static str,
    /// `特殊情况`.
    pub groups: &'static str,
    /// `住在哪里`.
    pub lives: &'static str,
    /// `就餐日期`.
    pub meal_date: &'static str,
    /// `哪一餐`.
    pub meal: &'static str,
    /// `餐费`.
    pub price: &'static str,
    /// `送餐上门`.
    pub delivery: &'static str,
    /// `在哪里吃`.
    pub place: &'static str,
}

/// A money cap cutting one meal of the month, in words ([`FigureWords::money_cap_step`]).
pub struct MoneyCapWords<'a> {
    /// The meal: `2025年3月31日午餐` (from [`FigureWords::meal_on`]).
    pub meal: &'a str,
    /// For a week's cap, the week's Monday (a date in words); `None` for the month's cap.
    pub week_of: Option<&'a str>,
    /// The cap.
    pub cap: &'a str,
    /// Already received in the week or month before this meal.
    pub used: &'a str,
    /// What the meal got: what was left (`None`: nothing was left).
    pub granted: Option<&'a str>,
    /// What it would have got without the cap.
    pub uncapped: &'a str,
    /// Planned meals after it in the same week or month that got nothing.
    pub after: u32,
}

/// The figures' words in one language.
pub struct FigureWords {
    /// The days of the week, Monday first.
    pub weekdays: [&'static str; 7],
    /// A month (year, month 1–12) said relative to today: `本月（2026年11月）`.
    pub month_name: fn(i32, u8, When) -> String,
    /// `每天`.
    pub every_day: &'static str,
    /// `每个工作日`.
    pub every_working_day: &'static str,
    /// No day of the week chosen.
    pub no_day: &'static str,
    /// A run of days in a row, first and last: `每个星期一至星期五`.
    pub days_run: fn(&str, &str) -> String,
    /// Some days of the week (at least one): `每个星期一、星期三`.
    pub days_list: fn(&[&str]) -> String,
    /// Items (at least one) and the last one: `早餐、午餐和晚餐`.
    pub and_list: fn(&[&str], &str) -> String,
    /// The month referred back to: `本月`, `那个月`.
    pub that_month: fn(When) -> &'static str,

    /// The month heading: `按您的就餐习惯，{month}`.
    pub heading: fn(&str) -> String,
    /// What the figures assume: that month, days, meals, the price of a meal if known.
    pub assumption: fn(&str, &str, &str, Option<&str>) -> String,
    /// The policy's most for the month: that month, every day or working day, the meals covered.
    pub max_label: fn(&str, &str, &str) -> String,
    /// A meal on a day: the date, the meal (`2025年3月31日午餐`).
    pub meal_on: fn(&str, &str) -> String,
    /// A money cap cutting a meal of the month, and the meals after it.
    pub money_cap_step: fn(&MoneyCapWords<'_>) -> String,
    /// The most is a ceiling, not money the person is missing.
    pub max_note: &'static str,

    /// `每天最多`.
    pub per_day: &'static str,
    /// `每周最多`.
    pub per_week: &'static str,
    /// The most for a month: `{month}最多`.
    pub per_month: fn(&str) -> String,
    /// What a day's most assumes, bracketed: the meals, whether there are several, the policy's
    /// meals a day.
    pub day_assumes: fn(&str, bool, Option<u32>) -> String,
    /// What a week's most assumes, bracketed: the days, the meals, the policy's meals and money
    /// a week.
    pub week_assumes: fn(&str, &str, Option<u32>, Option<&str>) -> String,
    /// What a month's most assumes, bracketed: that month, the days, the meals, the policy's
    /// meals and money a month.
    pub month_assumes: fn(&str, &str, &str, Option<u32>, Option<&str>) -> String,

    /// The answers' labels.
    pub labels: AnswerLabels,
    /// An answer left as "not sure".
    pub unsure: &'static str,
    /// An age in years: `{n}周岁`.
    pub age_years: fn(u32) -> String,
    /// A birth date and the age on the meal's day.
    pub born_aged: fn(&str, u32) -> String,
    /// Something the person is not sure of: `{name}（不确定）`.
    pub unsure_of: fn(&str) -> String,
    /// In none of the special groups.
    pub no_groups: &'static str,
    /// In a policy's category (true) or not.
    pub in_category: fn(bool) -> &'static str,
    /// Lives in a care institution (true) or at home.
    pub lives: fn(bool) -> &'static str,
    /// No price given; the policy's standard price is used.
    pub price_reference: fn(&str) -> String,
    /// No price given.
    pub price_not_given: &'static str,
    /// Delivered (true) or not.
    pub delivery: fn(bool) -> &'static str,
}

/// The figures' words in `l`.
pub fn figure_words(l: Locale) -> &'static FigureWords {
    match l {
        Locale::ZhCn => &ZH_CN,
        Locale::En => &EN,
    }
}

/// The policy's meals per period, after what an assumption says (Chinese).
fn cap_zh(n: Option<u32>, period: &str) -> String {
    n.map_or_else(String::new, |n| format!("；政策{period}最多补贴{n}餐"))
}

/// The policy's meals per period, after what an assumption says (English).
fn cap_en(n: Option<u32>, period: &str) -> String {
    n.map_or_else(String::new, |n| format!("; the policy pays for at most {n} meals {period}"))
}

/// The policy's money per period, after what an assumption says (Chinese).
fn money_cap_zh(amount: Option<&str>, period: &str) -> String {
    amount.map_or_else(String::new, |a| format!("；政策{period}最多补贴{a}"))
}

/// The policy's money per period, after what an assumption says (English).
fn money_cap_en(amount: Option<&str>, period: &str) -> String {
    amount.map_or_else(String::new, |a| format!("; the policy pays at most {a} {period}"))
}

/// Chinese.
pub const ZH_CN: FigureWords = FigureWords {
    weekdays: ["星期一", "星期二", "星期三", "星期四", "星期五", "星期六", "星期日"],
    month_name: |year, month, when| match when {
        When::ThisMonth => format!("本月（{year}年{month}月）"),
        When::Past => format!("{year}年{month}月（已经过去的月份）"),
        When::Future => format!("{year}年{month}月"),
    },
    every_day: "每天",
    every_working_day: "每个工作日",
    no_day: "哪天都不",
    days_run: |first, last| format!("每个{first}至{last}"),
    days_list: |days| format!("每个{}", days.join("、")),
    and_list: |init, last| format!("{}和{last}", init.join("、")),
    that_month: |when| match when {
        When::ThisMonth => "本月",
        When::Past | When::Future => "那个月",
    },

    heading: |name| format!("按您的就餐习惯，{name}"),
    assumption: |that, days, meals, price| {
        let at_price = price.map_or_else(String::new, |p| format!("（每餐{p}）"));
        format!("如果{that}{days}都在食堂吃{meals}{at_price}，那么{that}：")
    },
    max_label: |that, every, covered| format!("政策的上限（{that}{every}都在食堂吃{covered}）"),
    meal_on: |date, meal| format!("{date}{meal}"),
    money_cap_step: |c| {
        let period = if c.week_of.is_some() { "这一周" } else { "这个月" };
        let cap = match c.week_of {
            Some(monday) => format!("{monday}起的这一周最多补贴{}", c.cap),
            None => format!("每月最多补贴{}", c.cap),
        };
        let got = match c.granted {
            Some(g) => format!("之前已补贴{}，这一餐只补剩下的{g}（原本{}）", c.used, c.uncapped),
            None => format!("之前已补贴{}，已经补满，这一餐没有补贴（原本{}）", c.used, c.uncapped),
        };
        let after = if c.after > 0 { format!("；{period}之后的{}餐也没有补贴", c.after) } else { String::new() };
        format!("{}：政策{cap}，{got}{after}", c.meal)
    },
    max_note: "上限只是政策允许的最多，不是您少拿的钱：没去吃的餐没有补贴，也不用付钱。",

    per_day: "每天最多",
    per_week: "每周最多",
    per_month: |name| format!("{name}最多"),
    day_assumes: |meals, several, cap| {
        if several {
            format!("（一天里{meals}都在食堂吃{}）", cap_zh(cap, "每天"))
        } else {
            format!("（一天在食堂吃{meals}{}）", cap_zh(cap, "每天"))
        }
    },
    week_assumes: |days, meals, cap, money| format!("（{days}都在食堂吃{meals}{}{}）", cap_zh(cap, "每周"), money_cap_zh(money, "每周")),
    month_assumes: |that, days, meals, cap, money| {
        format!("（{that}{days}都在食堂吃{meals}{}{}）", cap_zh(cap, "每月"), money_cap_zh(money, "每月"))
    },

    labels: AnswerLabels {
        policy: "政策",
        age: "年龄",
        birth_date: "出生日期",
        hukou: "户籍",
        hardship: "困难类别",
        care: "失能程度",
        disability: "残疾证等级",
        groups: "特殊情况",
        lives: "住在哪里",
        meal_date: "就餐日期",
        meal: "哪一餐",
        price: "餐费",
        delivery: "送餐上门",
        place: "在哪里吃",
    },
    unsure: "不确定",
    age_years: |n| format!("{n}周岁"),
    born_aged: |born, n| format!("{born}（就餐那天{n}周岁）"),
    unsure_of: |name| format!("{name}（不确定）"),
    no_groups: "都没有",
    in_category: |yes| if yes { "是" } else { "不是" },
    lives: |in_care_home| if in_care_home { "住在养老机构" } else { "住在家里" },
    price_reference: |p| format!("没有填写（按政策的标准餐价{p}计算）"),
    price_not_given: "没有填写",
    delivery: |yes| if yes { "是" } else { "否" },
};

/// English.
pub const EN: FigureWords = FigureWords {
    weekdays: ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"],
    month_name: |year, month, when| {
        let plain = format!("{} {year}", MONTHS_EN[usize::from(month.clamp(1, 12) - 1)]);
        match when {
            When::ThisMonth => format!("this month ({plain})"),
            When::Past => format!("{plain} (a month already over)"),
            When::Future => plain,
        }
    },
    every_day: "every day",
    every_working_day: "every working day",
    no_day: "on no day",
    days_run: |first, last| format!("every {first} to {last}"),
    days_list: |days| match days.split_last() {
        Some((last, init)) if !init.is_empty() => format!("every {} and {last}", init.join(", ")),
        _ => format!("every {}", days.join(", ")),
    },
    and_list: |init, last| format!("{} and {last}", init.join(", ")),
    that_month: |when| match when {
        When::ThisMonth => "this month",
        When::Past | When::Future => "that month",
    },

    heading: |name| format!("With your eating habits, {name}"),
    assumption: |that, days, meals, price| {
        let at_price = price.map_or_else(String::new, |p| format!(" (at {p} a meal)"));
        format!("If you eat {meals} at the canteen {days}{at_price} {that}, then {that}:")
    },
    max_label: |that, every, covered| format!("The policy's most ({covered} at the canteen {every} {that})"),
    meal_on: |date, meal| format!("{date}, {meal}"),
    money_cap_step: |c| {
        let period = if c.week_of.is_some() { "week" } else { "month" };
        let cap = match c.week_of {
            Some(monday) => format!("the policy pays at most {} in the week from {monday}", c.cap),
            None => format!("the policy pays at most {} a month", c.cap),
        };
        let got = match c.granted {
            Some(g) => format!("{} was already paid, so this meal gets only the {g} left (instead of {})", c.used, c.uncapped),
            None => format!("{} was already paid, which is all of it, so this meal gets nothing (instead of {})", c.used, c.uncapped),
        };
        let after = match c.after {
            0 => String::new(),
            1 => format!("; the meal after it in the {period} gets nothing either"),
            n => format!("; the {n} meals after it in the {period} get nothing either"),
        };
        format!("{}: {cap}; {got}{after}", c.meal)
    },
    max_note: "The most is only what the policy allows, not money you are missing: a meal you do not eat there has no subsidy and costs you nothing.",

    per_day: "Per day, at most",
    per_week: "Per week, at most",
    per_month: |name| format!("In {name}, at most"),
    day_assumes: |meals, _several, cap| format!(" (eating {meals} at the canteen in one day{})", cap_en(cap, "a day")),
    week_assumes: |days, meals, cap, money| {
        format!(" (eating {meals} at the canteen {days}{}{})", cap_en(cap, "a week"), money_cap_en(money, "a week"))
    },
    month_assumes: |that, days, meals, cap, money| {
        format!(" (eating {meals} at the canteen {days} {that}{}{})", cap_en(cap, "a month"), money_cap_en(money, "a month"))
    },

    labels: AnswerLabels {
        policy: "Policy",
        age: "Age",
        birth_date: "Date of birth",
        hukou: "Household registration",
        hardship: "Hardship category",
        care: "Care need",
        disability: "Disability certificate",
        groups: "Special circumstances",
        lives: "Lives",
        meal_date: "Meal date",
        meal: "Meal",
        price: "Meal price",
        delivery: "Home delivery",
        place: "Where you eat",
    },
    unsure: "not sure",
    age_years: |n| format!("{n}"),
    born_aged: |born, n| format!("{born} (aged {n} on the day of the meal)"),
    unsure_of: |name| format!("{name} (not sure)"),
    no_groups: "none",
    in_category: |yes| if yes { "yes" } else { "no" },
    lives: |in_care_home| if in_care_home { "lives in a care institution" } else { "lives at home" },
    price_reference: |p| format!("not given (the policy's standard price, {p}, is used)"),
    price_not_given: "not given",
    delivery: |yes| if yes { "yes" } else { "no" },
};

#[cfg(test)]
mod tests {
    use super::super::explain_words::assert_in_language;
    use super::*;

    /// Every word of both tables, with values in the same language, is in that language alone.
    #[test]
    fn every_word_is_in_its_own_language() {
        for l in Locale::ALL {
            let w = figure_words(l);
            let x = super::super::explain_words::explain_words(l);
            let amount = (x.money)(super::super::super::money::Fen(1200));
            let meal = (x.meal_name)(super::super::person::MealKind::Lunch);
            let day = w.weekdays[0];
            let mut all: Vec<(&str, String)> = Vec::new();
            for d in w.weekdays {
                all.push(("weekdays", d.into()));
            }
            for when in [When::ThisMonth, When::Past, When::Future] {
                all.push(("month_name", (w.month_name)(2026, 11, when)));
                all.push(("that_month", (w.that_month)(when).into()));
            }
            let q = &w.labels;
            for s in [
                w.every_day,
                w.every_working_day,
                w.no_day,
                w.max_note,
                w.per_day,
                w.per_week,
                w.unsure,
                w.no_groups,
                w.price_not_given,
                q.policy,
                q.age,
                q.birth_date,
                q.hukou,
                q.hardship,
                q.care,
                q.disability,
                q.groups,
                q.lives,
                q.meal_date,
                q.meal,
                q.price,
                q.delivery,
                q.place,
            ] {
                all.push(("fixed words", s.into()));
            }
            for yes in [true, false] {
                all.push(("in_category", (w.in_category)(yes).into()));
                all.push(("lives", (w.lives)(yes).into()));
                all.push(("delivery", (w.delivery)(yes).into()));
                all.push(("day_assumes", (w.day_assumes)(meal, yes, Some(2))));
            }
            all.push(("days_run", (w.days_run)(day, day)));
            all.push(("days_list", (w.days_list)(&[day, day, day])));
            all.push(("and_list", (w.and_list)(&[meal, meal], meal)));
            all.push(("heading", (w.heading)(meal)));
            for price in [None, Some(amount.as_str())] {
                all.push(("assumption", (w.assumption)(meal, day, meal, price)));
            }
            all.push(("max_label", (w.max_label)(meal, day, meal)));
            all.push(("per_month", (w.per_month)(meal)));
            for cap in [None, Some(5)] {
                for money in [None, Some(amount.as_str())] {
                    all.push(("week_assumes", (w.week_assumes)(day, meal, cap, money)));
                    all.push(("month_assumes", (w.month_assumes)(meal, day, meal, cap, money)));
                }
            }
            all.push(("meal_on", (w.meal_on)(day, meal)));
            for week_of in [None, Some(day)] {
                for granted in [None, Some(amount.as_str())] {
                    for after in [0, 1, 3] {
                        let c = MoneyCapWords { meal, week_of, cap: &amount, used: &amount, granted, uncapped: &amount, after };
                        all.push(("money_cap_step", (w.money_cap_step)(&c)));
                    }
                }
            }
            all.push(("age_years", (w.age_years)(85)));
            all.push(("born_aged", (w.born_aged)(meal, 85)));
            all.push(("unsure_of", (w.unsure_of)(meal)));
            all.push(("price_reference", (w.price_reference)(&amount)));
            for (what, s) in &all {
                assert_in_language(l, s, what);
            }
        }
    }
}
