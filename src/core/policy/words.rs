//! The calculator's figures in plain words: what each day, week and month figure assumes, which
//! month a month total is for (this month, a month already over, or one to come), and the answers
//! the figures were worked out from ("您填写的情况"), so a family member or the community office
//! can check them. Pure: `today` is passed in. The words themselves are in
//! [`super::figure_words`].

use super::assess::Limits;
use super::assess::{Limit, MoneyCapStep};
use super::explain::{care_name, date, group_name, hardship_name, hukou_name, meal_name, money, place_name};
use super::explain_words::explain_words;
use super::figure_words::{figure_words, MoneyCapWords};
use super::model::{ClauseRef, Policy};
use super::person::{AgeInput, Meal, MealKind, PersonAnswers};
use super::simulate::MonthResult;
use crate::core::date::Date;
use crate::core::money::Fen;
use crate::core::Locale;

/// Where a month lies relative to today.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum When {
    /// Today's month.
    ThisMonth,
    /// A month already over.
    Past,
    /// A month still to come.
    Future,
}

/// Where month `month` of `year` lies relative to `today`.
pub fn month_when(year: i32, month: u8, today: Date) -> When {
    match (year, month).cmp(&(today.year(), today.month())) {
        std::cmp::Ordering::Equal => When::ThisMonth,
        std::cmp::Ordering::Less => When::Past,
        std::cmp::Ordering::Greater => When::Future,
    }
}

/// A month by name, said relative to today: `本月（2026年11月）`, `2025年3月（已经过去的月份）`,
/// `2027年1月` / `this month (November 2026)`, `March 2025 (a month already over)`, `January 2027`.
pub fn month_name(year: i32, month: u8, today: Date, locale: Locale) -> String {
    (figure_words(locale).month_name)(year, month, month_when(year, month, today))
}

/// Days of the week in words: `每天`, `每个星期一至星期五`, `每个星期一、星期三` / `every day`,
/// `every Monday to Friday`, `every Monday and Wednesday`.
pub fn days_text(days: &[bool; 7], locale: Locale) -> String {
    let w = figure_words(locale);
    let chosen: Vec<usize> = (0..7).filter(|i| days[*i]).collect();
    if chosen.len() == 7 {
        return w.every_day.into();
    }
    let (Some(&first), Some(&last)) = (chosen.first(), chosen.last()) else {
        return w.no_day.into();
    };
    // A run of three or more days in a row: "Monday to Friday".
    if chosen.len() >= 3 && last - first + 1 == chosen.len() {
        return (w.days_run)(w.weekdays[first], w.weekdays[last]);
    }
    let list: Vec<&str> = chosen.iter().map(|i| w.weekdays[*i]).collect();
    (w.days_list)(&list)
}

/// Meals in words: `午餐`, `午餐和晚餐`, `早餐、午餐和晚餐` / `lunch`, `lunch and dinner`.
pub fn meals_text(meals: &[MealKind], locale: Locale) -> String {
    let names: Vec<&str> = meals.iter().map(|m| meal_name(*m, locale)).collect();
    match names.split_last() {
        None => String::new(),
        Some((last, [])) => (*last).to_string(),
        Some((last, init)) => (figure_words(locale).and_list)(init, last),
    }
}

/// The month under the person's habits, in words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MonthWords {
    /// `按您的就餐习惯，本月（2026年11月）`.
    pub heading: String,
    /// What the figures assume: `如果本月每个星期一至星期五都在食堂吃午餐（每餐12元），那么：`.
    pub assumption: String,
    /// The label of the policy's most for the month, with what it assumes.
    pub max_label: String,
    /// That the most is a ceiling, not money the person is missing.
    pub max_note: String,
}

/// The month's figures in words. `covered` are the meals the policy covers, `workdays_only` its
/// working-day rule, `price` the price each meal is valued at (the user's or the policy's).
pub fn month_words(
    m: &MonthResult,
    covered: &[MealKind],
    workdays_only: bool,
    price: Option<Fen>,
    today: Date,
    locale: Locale,
) -> MonthWords {
    let w = figure_words(locale);
    let that = (w.that_month)(month_when(m.year, m.month, today));
    let days = days_text(&m.plan_days, locale);
    let meals = meals_text(&m.plan_meals, locale);
    let price = price.map(|p| money(p, locale));
    let every = if workdays_only { w.every_working_day } else { w.every_day };
    MonthWords {
        heading: (w.heading)(&month_name(m.year, m.month, today, locale)),
        assumption: (w.assumption)(that, &days, &meals, price.as_deref()),
        max_label: (w.max_label)(that, every, &meals_text(covered, locale)),
        max_note: w.max_note.into(),
    }
}

/// One line of the limits: what it is, the amount, and what it assumes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LimitLine {
    /// `每天最多`.
    pub label: String,
    /// The amount.
    pub amount: Fen,
    /// `（一天里早餐、午餐和晚餐都在食堂吃，每天最多补贴2餐）`.
    pub assumes: String,
}

/// The day, week and (when `with_month`) month limits, each with what it assumes. `today` says
/// whether the month is this month, past or to come.
pub fn limit_lines(lim: &Limits, month: (i32, u8), with_month: bool, today: Date, locale: Locale) -> Vec<LimitLine> {
    let w = figure_words(locale);
    let meals = meals_text(&lim.meals, locale);
    let days = if lim.workdays_only { w.every_working_day } else { w.every_day };
    let mut out = vec![
        LimitLine { label: w.per_day.into(), amount: lim.max_day, assumes: (w.day_assumes)(&meals, lim.meals.len() > 1, lim.per_day) },
        LimitLine {
            label: w.per_week.into(),
            amount: lim.max_week,
            assumes: (w.week_assumes)(days, &meals, lim.per_week, lim.money_per_week.map(|f| money(f, locale)).as_deref()),
        },
    ];
    if with_month {
        let (y, m) = month;
        let that = (w.that_month)(month_when(y, m, today));
        out.push(LimitLine {
            label: (w.per_month)(&month_name(y, m, today, locale)),
            amount: lim.max_month,
            assumes: (w.month_assumes)(that, days, &meals, lim.per_month, lim.money_per_month.map(|f| money(f, locale)).as_deref()),
        });
    }
    out
}

/// Where a money cap cut the month's meals, step by step, each with the clause that sets the cap:
/// `2025年3月31日午餐：政策每月最多补贴150元，之前已补贴148元，这一餐只补剩下的2元（原本5元）`.
pub fn money_cap_lines(steps: &[MoneyCapStep], locale: Locale) -> Vec<(String, ClauseRef)> {
    let w = figure_words(locale);
    steps
        .iter()
        .map(|s: &MoneyCapStep| {
            let meal = (w.meal_on)(&date(s.date, locale), meal_name(s.meal, locale));
            let monday = (s.limit == Limit::MoneyPerWeek).then(|| date(s.period_start, locale));
            let (cap, used, uncapped) = (money(s.cap, locale), money(s.used_before, locale), money(s.uncapped, locale));
            let granted = (!s.granted.is_zero()).then(|| money(s.granted, locale));
            let words = MoneyCapWords {
                meal: &meal,
                week_of: monday.as_deref(),
                cap: &cap,
                used: &used,
                granted: granted.as_deref(),
                uncapped: &uncapped,
                after: s.nothing_after,
            };
            ((w.money_cap_step)(&words), s.clause)
        })
        .collect()
}

fn reference_price(policy: &Policy, on: Date) -> Option<Fen> {
    let version = policy.version_on(on)?;
    version.reference_price.as_ref().and_then(|(p, _)| p.at(on)).copied()
}

/// One answer the figures were worked out from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AnswerLine {
    /// The question, short: `年龄`, `困难类别`.
    pub label: String,
    /// The answer: `85周岁`, `低保对象`, `不确定`.
    pub value: String,
}

/// The answers in words ("您填写的情况"), in the form's order, for the result and the print view.
/// `None` answers were "not sure".
pub fn answer_lines(answers: &PersonAnswers, meal: &Meal, policy: &Policy, locale: Locale) -> Vec<AnswerLine> {
    let w = figure_words(locale);
    let x = explain_words(locale);
    let q = &w.labels;
    let unsure = w.unsure;
    let mut out = Vec::new();
    let mut push = |label: &str, value: String| out.push(AnswerLine { label: label.into(), value });
    push(q.policy, policy.name.get(locale).to_string());
    match answers.age {
        AgeInput::Years(n) => push(q.age, (w.age_years)(n)),
        AgeInput::BirthDate(b) => {
            let born = date(b, locale);
            let value = match answers.age.age_on(meal.date) {
                Some(n) => (w.born_aged)(&born, n),
                None => born,
            };
            push(q.birth_date, value);
        }
    }
    push(q.hukou, answers.hukou.map_or(unsure.into(), |h| hukou_name(h, locale).into()));
    push(q.hardship, answers.hardship.map_or(unsure.into(), |h| hardship_name(h, locale).into()));
    for line in super::income::answer_lines(answers, locale) {
        push(&line.label, line.value);
    }
    push(q.care, answers.care_level.map_or(unsure.into(), |c| care_name(c, locale).into()));
    let grade = match answers.disability_grade {
        None => unsure.to_string(),
        Some(0) => x.no_certificate.into(),
        Some(g) => (x.grade)(g),
    };
    push(q.disability, grade);
    let mut groups: Vec<String> = answers.groups.iter().map(|g| group_name(*g, locale).to_string()).collect();
    groups.extend(answers.groups_unsure.iter().map(|g| (w.unsure_of)(group_name(*g, locale))));
    push(q.groups, if groups.is_empty() { w.no_groups.into() } else { groups.join(x.list_sep) });
    for c in &policy.categories {
        let value = if answers.flags.contains(&c.id) {
            (w.in_category)(true)
        } else if answers.flags_unsure.contains(&c.id) {
            unsure
        } else {
            (w.in_category)(false)
        };
        push(c.name.get(locale), value.into());
    }
    push(q.lives, answers.in_care_home.map_or(unsure, w.lives).into());
    push(q.meal_date, date(meal.date, locale));
    push(q.meal, meal_name(meal.kind, locale).into());
    push(
        q.price,
        match (meal.price, reference_price(policy, meal.date)) {
            (Some(p), _) => money(p, locale),
            (None, Some(r)) => (w.price_reference)(&money(r, locale)),
            (None, None) => w.price_not_given.into(),
        },
    );
    push(q.delivery, (w.delivery)(meal.delivery).into());
    push(q.place, place_name(meal.place, locale).into());
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::policy::form::{validate, FormInput, UNSURE};
    use crate::core::policy::presets::load_preset;

    fn d(s: &str) -> Date {
        s.parse().expect("date")
    }

    #[test]
    fn a_month_is_named_relative_to_today() {
        let today = d("2026-11-30");
        assert_eq!(month_name(2026, 11, today, Locale::ZhCn), "本月（2026年11月）");
        assert_eq!(month_name(2025, 3, today, Locale::ZhCn), "2025年3月（已经过去的月份）");
        assert_eq!(month_name(2026, 10, today, Locale::ZhCn), "2026年10月（已经过去的月份）");
        assert_eq!(month_name(2027, 1, today, Locale::ZhCn), "2027年1月");
        assert_eq!(month_name(2025, 3, today, Locale::En), "March 2025 (a month already over)");
        assert_eq!(month_name(2026, 11, today, Locale::En), "this month (November 2026)");
    }

    #[test]
    fn days_and_meals_in_words() {
        let weekdays = [true, true, true, true, true, false, false];
        assert_eq!(days_text(&weekdays, Locale::ZhCn), "每个星期一至星期五");
        assert_eq!(days_text(&weekdays, Locale::En), "every Monday to Friday");
        assert_eq!(days_text(&[true; 7], Locale::ZhCn), "每天");
        let mon_wed = [true, false, true, false, false, false, false];
        assert_eq!(days_text(&mon_wed, Locale::ZhCn), "每个星期一、星期三");
        assert_eq!(days_text(&mon_wed, Locale::En), "every Monday and Wednesday");
        assert_eq!(meals_text(MealKind::ALL, Locale::ZhCn), "早餐、午餐和晚餐");
        assert_eq!(meals_text(&[MealKind::Lunch], Locale::En), "lunch");
    }

    #[test]
    fn the_guangzhou_father_s_month_says_what_it_assumes() {
        // Guangzhou, 低保, 70, eating in another district: the city's 3 yuan only ("跨区就餐不能享受
        // 区级补贴", and not the town's either), each of breakfast, lunch and dinner (no `meals` line
        // in the preset, so every meal). November 2026: 30 days, weekdays 2–6, 9–13, 16–20, 23–27,
        // 30 = 21. Weekday lunches: 21 × 3 = 63 yuan; he pays 21 × (12 − 3) = 189. Every meal every
        // day: 30 × 3 × 3 = 270.
        let policy = load_preset("guangzhou-2020").and_then(Result::ok).expect("preset");
        let mut form = FormInput::new("guangzhou-2020", d("2026-11-30"));
        form.age = "70".into();
        form.hardship = "dibao".into();
        form.place = "same_city".into();
        let m = crate::core::policy::calc::month_plan(&policy, &form, crate::core::calendar::Calendar::builtin()).expect("month");
        assert_eq!((m.subsidised_meals, m.total_subsidy, m.total_pay, m.entitlement), (21, Fen::yuan(63), Fen::yuan(189), Fen::yuan(270)));
        let w = month_words(&m, MealKind::ALL, false, Some(Fen::yuan(12)), d("2026-11-30"), Locale::ZhCn);
        assert_eq!(w.heading, "按您的就餐习惯，本月（2026年11月）");
        assert_eq!(w.assumption, "如果本月每个星期一至星期五都在食堂吃午餐（每餐12元），那么本月：");
        assert_eq!(w.max_label, "政策的上限（本月每天都在食堂吃早餐、午餐和晚餐）");
        assert!(w.max_note.contains("不是您少拿的钱"));
        // The same month seen a month later is over.
        let later = month_words(&m, MealKind::ALL, false, Some(Fen::yuan(12)), d("2026-12-01"), Locale::ZhCn);
        assert_eq!(later.heading, "按您的就餐习惯，2026年11月（已经过去的月份）");
        assert_eq!(later.assumption, "如果那个月每个星期一至星期五都在食堂吃午餐（每餐12元），那么那个月：");
    }

    #[test]
    fn each_limit_says_what_it_assumes() {
        // Shenzhen, 85: 5 yuan of a 15-yuan working-day lunch ("户籍年龄在70至99岁老年人以每餐5元为上限").
        // A day: one lunch, 5; a week: five working days, 25.
        let policy = load_preset("shenzhen-2025").and_then(Result::ok).expect("preset");
        let meal = Meal { price: Some(Fen::yuan(15)), ..Meal::lunch(d("2025-03-04")) };
        let a =
            crate::core::policy::assess(&policy, &crate::core::policy::Person::aged(85), &meal, crate::core::calendar::Calendar::builtin());
        let lines = limit_lines(&a.limits, (2025, 3), false, d("2026-11-30"), Locale::ZhCn);
        assert_eq!(lines.len(), 2);
        assert_eq!((lines[0].label.as_str(), lines[0].amount), ("每天最多", Fen::yuan(5)));
        assert_eq!(lines[0].assumes, "（一天在食堂吃午餐）");
        assert_eq!((lines[1].label.as_str(), lines[1].amount), ("每周最多", Fen::yuan(25)));
        assert_eq!(lines[1].assumes, "（每个工作日都在食堂吃午餐）");
        let with_month = limit_lines(&a.limits, (2025, 3), true, d("2026-11-30"), Locale::ZhCn);
        assert_eq!(with_month[2].label, "2025年3月（已经过去的月份）最多");
    }

    #[test]
    fn the_answers_are_listed_for_checking() {
        let policy = load_preset("guangzhou-2020").and_then(Result::ok).expect("preset");
        let mut form = FormInput::new("guangzhou-2020", d("2026-11-30"));
        form.age = "70".into();
        form.hardship = "dibao".into();
        form.care_level = "moderate".into();
        form.place = "same_city".into();
        form.disability_grade = UNSURE.into();
        let (answers, meal) = validate(&form).expect("valid");
        let lines = answer_lines(&answers, &meal, &policy, Locale::ZhCn);
        let find = |label: &str| lines.iter().find(|l| l.label == label).map(|l| l.value.clone()).unwrap_or_default();
        assert_eq!(find("年龄"), "70周岁");
        assert_eq!(find("户籍"), "本地户籍");
        assert_eq!(find("困难类别"), "低保对象");
        assert_eq!(find("失能程度"), "中度失能");
        assert_eq!(find("残疾证等级"), "不确定");
        assert_eq!(find("优抚对象"), "不是");
        assert_eq!(find("哪一餐"), "午餐");
        assert_eq!(find("在哪里吃"), "本市的其他区");
        assert_eq!(find("就餐日期"), "2026年11月30日");
        // No price typed: the guide's 12-yuan meal ("此表按照12元/餐标准进行补贴").
        assert_eq!(find("餐费"), "没有填写（按政策的标准餐价12元计算）");
    }
}
