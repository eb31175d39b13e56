//! The words of the explanation ([`super::explain`]) in each language: amounts and dates, the names
//! and plain-words explanations of every category, and every sentence of the steps, checks, hints,
//! advice and notes, with its punctuation. One table per language; [`explain_words`] chooses.
//!
//! Sentences take their values already in words (`&str`: an amount, a date, a name), so a table
//! only decides the order and the words around them.

use super::assess::Computed;
use super::model::{FundingLevel, OperatorPer, PaidTo};
use super::person::{Area, CareLevel, Group, Hardship, Hukou, MealKind, Place};
use crate::core::calendar::DayKind;
use crate::core::date::Date;
use crate::core::money::Fen;
use crate::core::Locale;

/// The months in English, January first.
pub(super) const MONTHS_EN: [&str; 12] =
    ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/// The explanation's words in one language.
pub struct ExplainWords {
    /// An amount: `3元`, `10.5元` / `¥3`, `¥10.50`.
    pub money: fn(Fen) -> String,
    /// A date: `2027年3月4日` / `4 March 2027`.
    pub date: fn(Date) -> String,
    /// A range of two amounts: `7元 – 11元`.
    pub range: fn(&str, &str) -> String,

    /// Name of a care level.
    pub care_name: fn(CareLevel) -> &'static str,
    /// Name of a hardship category.
    pub hardship_name: fn(Hardship) -> &'static str,
    /// A hardship category in plain words (from the glossary).
    pub hardship_explain: fn(Hardship) -> &'static str,
    /// Name of a special group.
    pub group_name: fn(Group) -> &'static str,
    /// A special group in plain words.
    pub group_explain: fn(Group) -> &'static str,
    /// Name of a hukou value.
    pub hukou_name: fn(Hukou) -> &'static str,
    /// Name of a meal.
    pub meal_name: fn(MealKind) -> &'static str,
    /// Name of a place.
    pub place_name: fn(Place) -> &'static str,
    /// Name of a funding level.
    pub level_name: fn(FundingLevel) -> &'static str,
    /// Name of an area (urban or rural).
    pub area_name: fn(Area) -> &'static str,
    /// Where to eat for the full subsidy, as an instruction: `在自己的镇街吃`.
    pub place_advice: fn(Place) -> &'static str,
    /// Who a delivery subsidy is paid to: `付给送餐机构`.
    pub paid_to: fn(PaidTo) -> &'static str,
    /// The source does not say who receives a delivery subsidy.
    pub paid_to_unknown: &'static str,
    /// What an operator subsidy is counted by: `每餐`.
    pub operator_per: fn(OperatorPer) -> &'static str,

    /// Between the items of a list: `、`.
    pub list_sep: &'static str,
    /// Between alternatives: `或`.
    pub or_sep: &'static str,

    /// A test the person must not meet: `不属于：{requirement}`.
    pub negated: fn(&str) -> String,
    /// A test with what the person has: `{requirement}（{found}）`.
    pub with_found: fn(&str, &str) -> String,
    /// `年满{n}周岁`.
    pub age_at_least: fn(u32) -> String,
    /// `未满{n}周岁`.
    pub age_below: fn(u32) -> String,
    /// `经评估为{care level}及以上`.
    pub care_at_least: fn(&str) -> String,
    /// `持有{grades}级残疾证`.
    pub disability_grade_in: fn(&str) -> String,
    /// `{groups}老年人`.
    pub group_any: fn(&str) -> String,
    /// Living in a care institution (true) or not: `入住养老机构`.
    pub in_care_home: fn(bool) -> &'static str,
    /// `家庭人均月收入不超过低保标准的{p}%`.
    pub income_at_most: fn(u32) -> String,

    /// Age and the day the age asked for is reached: `您现在{age}周岁，将于{date}满{target}周岁`.
    pub found_age_reaches: fn(u32, u32, &str) -> String,
    /// `您{age}周岁`.
    pub found_age: fn(u32) -> String,
    /// The birth date is after the meal's.
    pub found_born_after: &'static str,
    /// What the person answered: `您：{answer}`.
    pub found_you: fn(&str) -> String,
    /// No disability certificate: `没有残疾证`.
    pub no_certificate: &'static str,
    /// A disability grade: `{g}级`.
    pub grade: fn(u8) -> String,
    /// In none of the groups: `都不是`.
    pub found_no_groups: &'static str,
    /// In a policy's category (true) or not: `是`.
    pub found_flag: fn(bool) -> &'static str,
    /// Living in a care institution (true) or at home: `住在养老机构`.
    pub found_in_care_home: fn(bool) -> &'static str,
    /// A plain 特困 counted as a support type by where the person lives (true: in a care home).
    pub found_tekun_counted: fn(bool) -> &'static str,
    /// Urban or rural was not answered.
    pub found_no_area: &'static str,
    /// `{area}标准的上限为{amount}`.
    pub found_limit: fn(&str, &str) -> String,
    /// The policy has no standard for the area.
    pub found_no_standard: &'static str,
    /// `您填写的是{amount}`.
    pub found_income: fn(&str) -> String,
    /// The income was not answered.
    pub found_no_income: &'static str,
    /// Between the parts of an income finding: `，`.
    pub found_sep: &'static str,

    /// The version in force: label, from, until.
    pub version: fn(&str, &str, Option<&str>) -> String,
    /// A version whose dates are inferred: label, from, until, the note on the dates.
    pub version_roughly: fn(&str, &str, Option<&str>, &str) -> String,
    /// A version whose start the source does not state: label, until, the day the next version
    /// starts (before which this one is used), the note on the dates.
    pub version_unknown_start: fn(&str, Option<&str>, Option<&str>, Option<&str>) -> String,
    /// No version in force on a date.
    pub no_version: fn(&str) -> String,
    /// No version in force on a date (first), the policy having ended on another (second).
    pub no_version_ended: fn(&str, &str) -> String,
    /// No version in force on a date (first), the policy starting on another (second).
    pub no_version_starts: fn(&str, &str) -> String,
    /// The price is the policy's standard price.
    pub price_reference: fn(&str) -> String,
    /// The price given.
    pub price: fn(&str) -> String,
    /// The meals covered (first) and the meal that is not (second).
    pub meal_not_covered: fn(&str, &str) -> String,
    /// A working-day rule and the kind of the date given.
    pub working_day: fn(&str, &DayKind) -> String,
    /// Among those covered (true) or not, with the tests.
    pub eligibility: fn(bool, &str) -> String,
    /// A component's tier and what it gives: component, tier, the figures.
    pub tier: fn(&str, &str, &Computed) -> String,
    /// A tier's step (first) and how a plain 特困 was counted for it (second, from
    /// [`ExplainWords::found_tekun_counted`]).
    pub tier_counted: fn(&str, &str) -> String,
    /// In none of a component's tiers.
    pub no_tier: fn(&str) -> String,
    /// A level's part lost by where the meal is eaten: component, level, place, amount.
    pub level_lost: fn(&str, &str, &str, &str) -> String,
    /// Below a spending threshold: component, threshold, price, and whether the rule is "more than".
    pub below_spend: fn(&str, &str, &str, bool) -> String,
    /// A spending threshold assumed met, no price given: component, threshold, "more than".
    pub spend_assumed: fn(&str, &str, bool) -> String,
    /// The subsidy cut to the price: before, price.
    pub capped_at_price: fn(&str, &str) -> String,
    /// One meal's subsidy cut to a money cap: before, the cap, whether it is the week's (else the month's).
    pub capped_by_money: fn(&str, &str, bool) -> String,
    /// The meal's total: subsidy, what the person pays (if known).
    pub total: fn(&str, Option<&str>) -> String,
    /// A delivery subsidy: name, amount, who it is paid to.
    pub delivery: fn(&str, &str, &str) -> String,
    /// No delivery subsidy.
    pub no_delivery: &'static str,
    /// The delivery fee, paid by the person: the fee.
    pub fee_person: fn(&str) -> String,
    /// The delivery fee, free for the person: the fee, the tests that make it free (may be empty).
    pub fee_free: fn(&str, &str) -> String,
    /// The delivery fee, covered by the subsidy to the provider: the fee, the part covered, the
    /// rest the person pays (`None`: nothing).
    pub fee_subsidised: fn(&str, &str, Option<&str>) -> String,
    /// What the person pays with the delivery: for the meal, for the delivery, together.
    pub pay_with_delivery: fn(&str, &str, &str) -> String,
    /// An operator subsidy: name, amount, what it is counted by.
    pub operator: fn(&str, &str, &str) -> String,

    /// Between tests that must all hold: `，并且`.
    pub all_sep: &'static str,
    /// Tests of which one must hold, already joined: `以下任一项：{items}`.
    pub any_of: fn(&str) -> String,
    /// Between tests of which one must hold: `；或`.
    pub any_sep: &'static str,
    /// A group of tests inside another: `（{items}）`.
    pub nested: fn(&str) -> String,

    /// What the subsidy needs.
    pub hint_eligibility: fn(&str) -> String,
    /// What a tier needs: component, tier, amount, what is missing.
    pub hint_tier: fn(&str, &str, &str, &str) -> String,
    /// What a delivery subsidy needs: name, amount, what is missing.
    pub hint_delivery: fn(&str, &str, &str) -> String,
    /// What free delivery needs: the fee, what is missing.
    pub hint_free_delivery: fn(&str, &str) -> String,

    /// Have the meals the policy covers: `吃{meals}（本政策只补贴{meals}）`.
    pub advice_meal: fn(&str) -> String,
    /// Eat on a working day; the next is given.
    pub advice_working_day: fn(&str) -> String,
    /// The changes and the amount they give, as one sentence.
    pub advice: fn(&[String], &str) -> String,

    /// No holiday schedule for the year.
    pub calendar_fallback: fn(i32) -> String,
    /// Neither a price nor a standard price.
    pub price_unknown: &'static str,
}

/// The explanation's words in `l`.
pub fn explain_words(l: Locale) -> &'static ExplainWords {
    match l {
        Locale::ZhCn => &ZH_CN,
        Locale::En => &EN,
    }
}

fn money_zh(f: Fen) -> String {
    format!("{f}元")
}

fn money_en(f: Fen) -> String {
    let sign = if f.0 < 0 { "-" } else { "" };
    let abs = f.0.unsigned_abs();
    if abs.is_multiple_of(100) {
        format!("{sign}¥{}", abs / 100)
    } else {
        format!("{sign}¥{}.{:02}", abs / 100, abs % 100)
    }
}

/// Chinese.
pub const ZH_CN: ExplainWords = ExplainWords {
    money: money_zh,
    date: |d| format!("{}年{}月{}日", d.year(), d.month(), d.day()),
    range: |a, b| format!("{a} – {b}"),

    care_name: |c| match c {
        CareLevel::None => "未失能（生活能自理）",
        CareLevel::Mild => "轻度失能",
        CareLevel::Moderate => "中度失能",
        CareLevel::Severe => "重度失能",
    },
    hardship_name: |h| match h {
        Hardship::None => "以上都不是",
        Hardship::Tekun => "特困人员",
        Hardship::TekunDispersed => "特困人员（分散供养，住在家里）",
        Hardship::TekunCentralised => "特困人员（集中供养，住在供养机构）",
        Hardship::Dibao => "低保对象",
        Hardship::DibaoEdge => "低保边缘家庭成员",
        Hardship::LowIncome => "低收入人口",
        Hardship::ExpenditureHardship => "支出型困难家庭成员",
    },
    hardship_explain: |h| match h {
        Hardship::None => "没有被认定为下面任何一类困难人员。",
        Hardship::Tekun | Hardship::TekunDispersed | Hardship::TekunCentralised => {
            "没有收入、没有劳动能力、也没有法定赡养人，由国家供养的人。"
        }
        Hardship::Dibao => "家庭人均收入低于当地最低生活保障标准，正在领取低保金的人。",
        Hardship::DibaoEdge => "家庭人均收入略高于低保标准（一般不超过低保标准的1.5–2倍），被民政部门认定为低保边缘家庭。",
        Hardship::LowIncome => "被当地认定为低收入人口（标准各地不同）。",
        Hardship::ExpenditureHardship => "收入不算低，但看病、上学等必要开支太大，被认定为支出型困难家庭。",
    },
    group_name: |g| match g {
        Group::LivingAlone => "独居",
        Group::EmptyNest => "空巢",
        Group::LeftBehind => "留守",
        Group::Solitary => "孤寡",
        Group::FamilyPlanningSpecial => "计划生育特殊家庭",
    },
    group_explain: |g| match g {
        Group::LivingAlone => "一个人住，身边没有家人同住。",
        Group::EmptyNest => "子女不在身边，只有老人（或老两口）自己住。",
        Group::LeftBehind => "子女长期在外地工作，老人留在家里。",
        Group::Solitary => "没有配偶，也没有子女。",
        Group::FamilyPlanningSpecial => "独生子女去世，或独生子女三级以上残疾的家庭。",
    },
    hukou_name: |h| match h {
        Hukou::Local => "本地户籍",
        Hukou::Nonlocal => "外地户籍（在本地常住）",
    },
    meal_name: |m| match m {
        MealKind::Breakfast => "早餐",
        MealKind::Lunch => "午餐",
        MealKind::Dinner => "晚餐",
    },
    place_name: |p| match p {
        Place::SameTown => "户籍所在镇街",
        Place::SameDistrict => "本区的其他镇街",
        Place::SameCity => "本市的其他区",
        Place::Elsewhere => "外市",
    },
    level_name: |l| match l {
        FundingLevel::City => "市级财政",
        FundingLevel::District => "区级财政",
        FundingLevel::Town => "镇街",
    },
    area_name: |a| match a {
        Area::Urban => "城市",
        Area::Rural => "农村",
    },
    place_advice: |p| match p {
        Place::SameTown => "在自己的镇街吃",
        Place::SameDistrict => "在自己的区吃",
        Place::SameCity => "在本市吃",
        Place::Elsewhere => "在任何地方吃",
    },
    paid_to: |p| match p {
        PaidTo::Provider => "付给送餐机构",
        PaidTo::Person => "补给您本人",
    },
    paid_to_unknown: "来源没有说明这笔补贴付给谁",
    operator_per: |p| match p {
        OperatorPer::Meal => "每餐",
        OperatorPer::PersonDay => "每人每天",
    },

    list_sep: "、",
    or_sep: "或",

    negated: |r| format!("不属于：{r}"),
    with_found: |r, f| format!("{r}（{f}）"),
    age_at_least: |n| format!("年满{n}周岁"),
    age_below: |n| format!("未满{n}周岁"),
    care_at_least: |c| format!("经评估为{c}及以上"),
    disability_grade_in: |g| format!("持有{g}级残疾证"),
    group_any: |g| format!("{g}老年人"),
    in_care_home: |yes| if yes { "入住养老机构" } else { "没有入住养老机构" },
    income_at_most: |p| format!("家庭人均月收入不超过低保标准的{p}%"),

    found_age_reaches: |age, target, on| format!("您现在{age}周岁，将于{on}满{target}周岁"),
    found_age: |age| format!("您{age}周岁"),
    found_born_after: "出生日期晚于就餐日期",
    found_you: |a| format!("您：{a}"),
    no_certificate: "没有残疾证",
    grade: |g| format!("{g}级"),
    found_no_groups: "都不是",
    found_flag: |yes| if yes { "是" } else { "不是" },
    found_in_care_home: |yes| if yes { "住在养老机构" } else { "住在家里" },
    found_tekun_counted: |in_care_home| {
        if in_care_home {
            "特困人员，住在养老机构，按集中供养计算"
        } else {
            "特困人员，没有入住养老机构，按分散供养计算"
        }
    },
    found_no_area: "未填写城乡",
    found_limit: |area, limit| format!("{area}标准的上限为{limit}"),
    found_no_standard: "政策未给出该标准",
    found_income: |i| format!("您填写的是{i}"),
    found_no_income: "未填写收入",
    found_sep: "，",

    version: |label, from, until| match until {
        Some(u) => format!("适用政策版本：{label}（{from}起施行，至{u}）"),
        None => format!("适用政策版本：{label}（{from}起施行）"),
    },
    version_roughly: |label, from, until, note| match until {
        Some(u) => format!("适用政策版本：{label}（约自{from}起，至{u}；{note}）"),
        None => format!("适用政策版本：{label}（约自{from}起；{note}）"),
    },
    version_unknown_start: |label, until, gives_way, note| {
        let used = match (until, gives_way) {
            (Some(u), _) => format!("到{u}为止的日期都按这个版本计算"),
            (None, Some(next)) => format!("{next}起施行新版本，在此之前的日期都按这个版本计算"),
            (None, None) => "所有日期都按这个版本计算".to_string(),
        };
        let note = note.map_or_else(String::new, |n| format!("；{n}"));
        format!("适用政策版本：{label}（开始日期不详，来源没有写明；{used}{note}）")
    },
    no_version: |d| format!("{d}没有有效的政策版本"),
    no_version_ended: |d, e| format!("{d}没有有效的政策版本：该政策已于{e}到期"),
    no_version_starts: |d, s| format!("{d}没有有效的政策版本：该政策自{s}起施行"),
    price_reference: |p| format!("每餐价格按政策的标准餐价{p}计算"),
    price: |p| format!("每餐价格：{p}"),
    meal_not_covered: |covered, meal| format!("本政策只补贴{covered}，{meal}不在补贴范围内"),
    working_day: |ds, kind| match kind {
        DayKind::Workday => format!("本政策只在工作日补贴：{ds}是工作日"),
        DayKind::MakeUpWorkday => format!("本政策只在工作日补贴：{ds}是调休上班日，算工作日"),
        DayKind::Weekend => format!("本政策只在工作日补贴：{ds}是周末，不补贴"),
        DayKind::Holiday { zh: name, .. } => format!("本政策只在工作日补贴：{ds}是{name}假期，不补贴"),
    },
    eligibility: |passed, detail| {
        if passed {
            format!("符合补贴对象条件：{detail}")
        } else {
            format!("不符合补贴对象条件：{detail}")
        }
    },
    tier: |c, t, computed| match computed {
        Computed::Fixed { amount } => format!("{c}：符合“{t}”，每餐补贴{}", money_zh(*amount)),
        Computed::PayFixed { pay, price, amount } => {
            format!("{c}：符合“{t}”，个人每餐支付{}，餐价{}，即补贴{}", money_zh(*pay), money_zh(*price), money_zh(*amount))
        }
        Computed::Percent { percent, price, at_most: None, amount } => {
            format!("{c}：符合“{t}”，补贴餐价{}的{percent}%，即{}", money_zh(*price), money_zh(*amount))
        }
        Computed::Percent { percent, price, at_most: Some(max), amount } => {
            let raw = price.percent(*percent);
            let then = if raw > *max { format!("按最高{}补贴", money_zh(*max)) } else { format!("即补贴{}", money_zh(*amount)) };
            format!(
                "{c}：符合“{t}”，按餐价的{percent}%补贴，最高{}：餐价{}的{percent}%是{}，{then}",
                money_zh(*max),
                money_zh(*price),
                money_zh(raw)
            )
        }
        Computed::NeedsPrice => format!("{c}：符合“{t}”，但需要知道餐价才能计算补贴"),
        Computed::NoFigure => format!("{c}：符合“{t}”，但该档对这一餐没有补贴标准"),
    },
    tier_counted: |step, counted| format!("{step}（您是{counted}）"),
    no_tier: |c| format!("{c}：您不符合任何一档"),
    level_lost: |c, level, place, lost| format!("{c}由{level}支付，在{place}就餐不能享受这部分（{lost}）"),
    below_spend: |c, t, price, above| {
        if above {
            format!("{c}：就餐消费超过{t}才能享受，本餐{price}，不补贴")
        } else {
            format!("{c}：就餐消费满{t}才能享受，本餐{price}，不补贴")
        }
    },
    spend_assumed: |c, t, above| {
        if above {
            format!("{c}：就餐消费超过{t}才能享受（未填写餐价，按已超过计算）")
        } else {
            format!("{c}：就餐消费满{t}才能享受（未填写餐价，按已满计算）")
        }
    },
    capped_at_price: |before, price| format!("补贴不超过实际消费：{before}减为餐价{price}"),
    capped_by_money: |before, cap, week| {
        let period = if week { "每周" } else { "每月" };
        format!("政策{period}最多补贴{cap}，一餐也不能超过：{before}减为{cap}")
    },
    total: |subsidy, pay| match pay {
        Some(p) => format!("这一餐补贴{subsidy}，您支付{p}"),
        None => format!("这一餐补贴{subsidy}（未填写餐价，无法算出您要付多少）"),
    },
    delivery: |name, amount, to| format!("{name}：每次{amount}，{to}"),
    no_delivery: "您不符合送餐上门补贴的条件",
    fee_person: |fee| format!("送餐费每次{fee}，由您自付"),
    fee_free: |fee, tests| {
        if tests.is_empty() {
            format!("送餐费每次{fee}：您可以免费享受送餐上门，不用付")
        } else {
            format!("送餐费每次{fee}：您可以免费享受送餐上门（{tests}），不用付")
        }
    },
    fee_subsidised: |fee, covered, rest| match rest {
        None => format!("送餐费每次{fee}，由送餐补贴付给送餐机构，您不用付"),
        Some(rest) => format!("送餐费每次{fee}，其中{covered}由送餐补贴付给送餐机构，其余{rest}由您自付"),
    },
    pay_with_delivery: |meal, fee, pay| format!("连同送餐费，这一餐您共支付{pay}：餐费{meal}，加送餐费{fee}"),
    operator: |name, amount, per| format!("另外，{name}：政府{per}补贴食堂{amount}（不影响您支付的金额）"),

    all_sep: "，并且",
    any_of: |items| format!("以下任一项：{items}"),
    any_sep: "；或",
    nested: |items| format!("（{items}）"),

    hint_eligibility: |failed| format!("享受补贴需要：{failed}"),
    hint_tier: |c, t, amount, failed| format!("{c}“{t}”（每餐{amount}）需要：{failed}"),
    hint_delivery: |name, amount, failed| format!("{name}（每次{amount}）需要：{failed}"),
    hint_free_delivery: |fee, failed| format!("免费送餐（每次不用付{fee}送餐费）需要：{failed}"),

    advice_meal: |names| format!("吃{names}（本政策只补贴{names}）"),
    advice_working_day: |next| format!("在工作日吃（周末和法定节假日不补贴；下一个工作日是{next}）"),
    advice: |phrases, amount| format!("{}，每餐补贴{amount}", phrases.join("，")),

    calendar_fallback: |year| format!("尚未收录{year}年国务院的节假日安排，暂按周一至周五为工作日计算。"),
    price_unknown: "未填写餐价，政策也没有标准餐价，无法算出您要付多少。",
};

/// English.
pub const EN: ExplainWords = ExplainWords {
    money: money_en,
    date: |d| format!("{} {} {}", d.day(), MONTHS_EN[usize::from(d.month() - 1)], d.year()),
    range: |a, b| format!("{a} – {b}"),

    care_name: |c| match c {
        CareLevel::None => "no care need (can look after themselves)",
        CareLevel::Mild => "mildly disabled",
        CareLevel::Moderate => "moderately disabled",
        CareLevel::Severe => "severely disabled",
    },
    hardship_name: |h| match h {
        Hardship::None => "none of these",
        Hardship::Tekun => "extremely poor person under state support",
        Hardship::TekunDispersed => "extremely poor person under state support, living at home",
        Hardship::TekunCentralised => "extremely poor person under state support, living in an institution",
        Hardship::Dibao => "minimum-living-allowance recipient",
        Hardship::DibaoEdge => "member of a marginal low-income household",
        Hardship::LowIncome => "low-income person",
        Hardship::ExpenditureHardship => "member of an expenditure-hardship household",
    },
    hardship_explain: |h| {
        match h {
        Hardship::None => "Not recognised in any of the hardship categories.",
        Hardship::Tekun | Hardship::TekunDispersed | Hardship::TekunCentralised => {
            "No income, no ability to work and no one legally bound to support them; supported by the state."
        }
        Hardship::Dibao => "Household income per person is below the local minimum-living standard, and the person receives the allowance.",
        Hardship::DibaoEdge => {
            "Household income per person is a little above the minimum-living standard (usually up to 1.5–2 times it), and the civil-affairs office has recognised the household."
        }
        Hardship::LowIncome => "Recognised locally as a low-income person (the standard differs by place).",
        Hardship::ExpenditureHardship => {
            "Income is not low, but essential costs such as medical care or schooling push the household into hardship, and it has been recognised as such."
        }
    }
    },
    group_name: |g| match g {
        Group::LivingAlone => "living alone",
        Group::EmptyNest => "empty-nest",
        Group::LeftBehind => "left-behind",
        Group::Solitary => "widowed or single without children",
        Group::FamilyPlanningSpecial => "special family-planning household",
    },
    group_explain: |g| match g {
        Group::LivingAlone => "Lives alone, with no family member in the home.",
        Group::EmptyNest => "The children live elsewhere; only the older person or couple lives at home.",
        Group::LeftBehind => "The children work far away for long periods; the older person stays at home.",
        Group::Solitary => "Has no spouse and no children.",
        Group::FamilyPlanningSpecial => "Lost their only child, or their only child has a grade 1–3 disability.",
    },
    hukou_name: |h| match h {
        Hukou::Local => "registered here (local hukou)",
        Hukou::Nonlocal => "registered elsewhere (living here)",
    },
    meal_name: |m| match m {
        MealKind::Breakfast => "breakfast",
        MealKind::Lunch => "lunch",
        MealKind::Dinner => "dinner",
    },
    place_name: |p| match p {
        Place::SameTown => "your own town or sub-district",
        Place::SameDistrict => "another town in your district",
        Place::SameCity => "another district of your city",
        Place::Elsewhere => "another city",
    },
    level_name: |l| match l {
        FundingLevel::City => "the city",
        FundingLevel::District => "the district",
        FundingLevel::Town => "the town",
    },
    area_name: |a| match a {
        Area::Urban => "urban",
        Area::Rural => "rural",
    },
    place_advice: |p| match p {
        Place::SameTown => "eat in your own town or sub-district",
        Place::SameDistrict => "eat in your own district",
        Place::SameCity => "eat in your own city",
        Place::Elsewhere => "eat anywhere",
    },
    paid_to: |p| match p {
        PaidTo::Provider => "paid to the delivery provider",
        PaidTo::Person => "paid to you",
    },
    paid_to_unknown: "the source does not say who receives it",
    operator_per: |p| match p {
        OperatorPer::Meal => "per meal",
        OperatorPer::PersonDay => "per person per day",
    },

    list_sep: ", ",
    or_sep: " or ",

    negated: |r| format!("not: {r}"),
    with_found: |r, f| format!("{r} ({f})"),
    age_at_least: |n| format!("aged {n} or over"),
    age_below: |n| format!("under {n}"),
    care_at_least: |c| format!("assessed as {c} or more"),
    disability_grade_in: |g| format!("holds a grade {g} disability certificate"),
    group_any: |g| format!("belongs to: {g}"),
    in_care_home: |yes| if yes { "living in a care institution" } else { "not living in a care institution" },
    income_at_most: |p| format!("household income per person at most {p}% of the minimum-living standard"),

    found_age_reaches: |age, target, on| format!("you are {age}; you turn {target} on {on}"),
    found_age: |age| format!("you are {age}"),
    found_born_after: "born after the meal's date",
    found_you: |a| format!("you: {a}"),
    no_certificate: "no disability certificate",
    grade: |g| format!("grade {g}"),
    found_no_groups: "none",
    found_flag: |yes| if yes { "yes" } else { "no" },
    found_in_care_home: |yes| if yes { "living in a care institution" } else { "living at home" },
    found_tekun_counted: |in_care_home| {
        if in_care_home {
            "extremely poor person under state support, living in a care institution, so counted as centralised support"
        } else {
            "extremely poor person under state support, not living in a care institution, so counted as dispersed support"
        }
    },
    found_no_area: "urban or rural not given",
    found_limit: |area, limit| format!("the {area} limit is {limit}"),
    found_no_standard: "the policy gives no standard for it",
    found_income: |i| format!("you entered {i}"),
    found_no_income: "income not given",
    found_sep: "; ",

    version: |label, from, until| match until {
        Some(u) => format!("Policy version: {label} (in force from {from} to {u})"),
        None => format!("Policy version: {label} (in force from {from})"),
    },
    version_roughly: |label, from, until, note| match until {
        Some(u) => format!("Policy version: {label} (roughly from {from} to {u}; {note})"),
        None => format!("Policy version: {label} (roughly from {from}; {note})"),
    },
    version_unknown_start: |label, until, gives_way, note| {
        let used = match (until, gives_way) {
            (Some(u), _) => format!("used for every date up to {u}"),
            (None, Some(next)) => format!("used for every date before {next}, when the next version starts"),
            (None, None) => "used for every date".to_string(),
        };
        let note = note.map_or_else(String::new, |n| format!("; {n}"));
        format!("Policy version: {label} (start date not stated in the source; {used}{note})")
    },
    no_version: |d| format!("No version of this policy is in force on {d}"),
    no_version_ended: |d, e| format!("No version of this policy is in force on {d}: it ended on {e}"),
    no_version_starts: |d, s| format!("No version of this policy is in force on {d}: it starts on {s}"),
    price_reference: |p| format!("Meal price: the policy's standard meal price, {p}"),
    price: |p| format!("Meal price: {p}"),
    meal_not_covered: |covered, meal| format!("This policy covers {covered} only; {meal} is not covered"),
    working_day: |ds, kind| match kind {
        DayKind::Workday => format!("This policy pays on working days only: {ds} is a working day"),
        DayKind::MakeUpWorkday => format!("This policy pays on working days only: {ds} is a make-up working day"),
        DayKind::Weekend => format!("This policy pays on working days only: {ds} is a weekend day, so no subsidy"),
        DayKind::Holiday { en: name, .. } => {
            format!("This policy pays on working days only: {ds} is a public holiday ({name}), so no subsidy")
        }
    },
    eligibility: |passed, detail| {
        if passed {
            format!("You are among those the policy covers: {detail}")
        } else {
            format!("You are not among those the policy covers: {detail}")
        }
    },
    tier: |c, t, computed| match computed {
        Computed::Fixed { amount } => format!("{c}: you are in “{t}”: {} per meal", money_en(*amount)),
        Computed::PayFixed { pay, price, amount } => {
            format!(
                "{c}: you are in “{t}”: you pay {} of the {} meal, so the subsidy is {}",
                money_en(*pay),
                money_en(*price),
                money_en(*amount)
            )
        }
        Computed::Percent { percent, price, at_most: None, amount } => {
            format!("{c}: you are in “{t}”: {percent}% of the {} price, that is {}", money_en(*price), money_en(*amount))
        }
        Computed::Percent { percent, price, at_most: Some(max), amount } => {
            let raw = price.percent(*percent);
            let then = if raw > *max {
                format!("so the subsidy is the most, {}", money_en(*max))
            } else {
                format!("so the subsidy is {}", money_en(*amount))
            };
            format!(
                "{c}: you are in “{t}”: {percent}% of the meal price, at most {}: {percent}% of {} is {}, {then}",
                money_en(*max),
                money_en(*price),
                money_en(raw)
            )
        }
        Computed::NeedsPrice => format!("{c}: you are in “{t}”, but the meal price is needed to work out the subsidy"),
        Computed::NoFigure => format!("{c}: you are in “{t}”, but it has no figure for this meal"),
    },
    tier_counted: |step, counted| format!("{step} (you are an {counted})"),
    no_tier: |c| format!("{c}: you are in none of its tiers"),
    level_lost: |c, level, place, lost| format!("{c} is paid by {level}, and is lost when eating in {place} ({lost})"),
    below_spend: |c, t, price, above| {
        if above {
            format!("{c}: paid only when the meal costs more than {t}; this meal costs {price}, so nothing")
        } else {
            format!("{c}: paid only when the meal costs at least {t}; this meal costs {price}, so nothing")
        }
    },
    spend_assumed: |c, t, above| {
        if above {
            format!("{c}: paid only when the meal costs more than {t} (no price given; assumed so)")
        } else {
            format!("{c}: paid only when the meal costs at least {t} (no price given; assumed so)")
        }
    },
    capped_at_price: |before, price| format!("A subsidy never exceeds what the meal costs: {before} reduced to the price, {price}"),
    capped_by_money: |before, cap, week| {
        let period = if week { "a week" } else { "a month" };
        format!("The policy pays at most {cap} {period}, so one meal cannot get more either: {before} reduced to {cap}")
    },
    total: |subsidy, pay| match pay {
        Some(p) => format!("For this meal the subsidy is {subsidy} and you pay {p}"),
        None => format!("For this meal the subsidy is {subsidy} (no price given, so what you pay is not known)"),
    },
    delivery: |name, amount, to| format!("{name}: {amount} per delivery, {to}"),
    no_delivery: "You do not qualify for a home-delivery subsidy",
    fee_person: |fee| format!("Delivery fee: {fee} each time, paid by you"),
    fee_free: |fee, tests| {
        if tests.is_empty() {
            format!("Delivery fee: {fee} each time, but delivery is free for you, so you pay nothing")
        } else {
            format!("Delivery fee: {fee} each time, but delivery is free for you ({tests}), so you pay nothing")
        }
    },
    fee_subsidised: |fee, covered, rest| match rest {
        None => format!("Delivery fee: {fee} each time, covered by the delivery subsidy paid to the provider; you pay nothing"),
        Some(rest) => {
            format!("Delivery fee: {fee} each time; {covered} of it is covered by the delivery subsidy paid to the provider, and you pay the remaining {rest}")
        }
    },
    pay_with_delivery: |meal, fee, pay| {
        format!("With the delivery fee you pay {pay} for this meal: {meal} for the meal and {fee} for the delivery")
    },
    operator: |name, amount, per| {
        format!("Also, {name}: the government pays the canteen {amount} {per} (this does not change what you pay)")
    },

    all_sep: "; and ",
    any_of: |items| format!("one of: {items}"),
    any_sep: "; or ",
    nested: |items| format!("({items})"),

    hint_eligibility: |failed| format!("To receive the subsidy you need: {failed}"),
    hint_tier: |c, t, amount, failed| format!("{c} “{t}” ({amount} per meal) needs: {failed}"),
    hint_delivery: |name, amount, failed| format!("{name} ({amount} each) needs: {failed}"),
    hint_free_delivery: |fee, failed| format!("Free delivery (not paying the {fee} fee each time) needs: {failed}"),

    advice_meal: |names| format!("have {names} (the only meals this policy covers)"),
    advice_working_day: |next| format!("eat on a working day (not at weekends or on public holidays; the next is {next})"),
    advice: |phrases, amount| {
        // The phrases begin with a word of this table ("eat …", "have …"): an ASCII letter.
        let mut joined = phrases.join(", ");
        if let Some(first) = joined.get_mut(..1) {
            first.make_ascii_uppercase();
        }
        format!("{joined}: {amount} per meal")
    },

    calendar_fallback: |year| {
        format!("The official holiday schedule for {year} is not loaded; Monday to Friday are taken as working days.")
    },
    price_unknown: "No meal price was given and the policy has no standard price, so what you pay cannot be worked out.",
};

/// Fails unless `s` is written in `l` alone: not empty; in Chinese no Latin letter and none of the
/// ASCII marks `, : ; ( )` and no `¥`; in English no Chinese character and no full-width mark.
#[cfg(test)]
pub(super) fn assert_in_language(l: Locale, s: &str, what: &str) {
    assert!(!s.trim().is_empty(), "{l:?} {what}: empty");
    let wrong = |c: char| match l {
        Locale::ZhCn => c.is_ascii_alphabetic() || ",:;()¥".contains(c),
        Locale::En => matches!(c, '\u{3000}'..='\u{303f}' | '\u{3400}'..='\u{9fff}' | '\u{ff00}'..='\u{ffef}'),
    };
    assert!(!s.chars().any(wrong), "{l:?} {what}: {s:?} has {:?}", s.chars().filter(|c| wrong(*c)).collect::<String>());
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_and_dates_are_written_the_language_s_way() {
        // 1050 fen = 10.50 yuan; -5 fen = -0.05 yuan.
        assert_eq!((ZH_CN.money)(Fen(1050)), "10.5元");
        assert_eq!((EN.money)(Fen(1050)), "¥10.50");
        assert_eq!((EN.money)(Fen(300)), "¥3");
        assert_eq!((EN.money)(Fen(-5)), "-¥0.05");
        let d = Date::new(2027, 3, 4).expect("date");
        assert_eq!((ZH_CN.date)(d), "2027年3月4日");
        assert_eq!((EN.date)(d), "4 March 2027");
    }

    /// Every name and every sentence of both tables, with values in the same language, is in
    /// that language alone: an English word left in the Chinese table (or a "，" in the English
    /// one) fails here.
    #[test]
    fn every_word_is_in_its_own_language() {
        for l in Locale::ALL {
            let w = explain_words(l);
            let mut all: Vec<(String, String)> = Vec::new();
            let mut add = |what: &str, s: String| all.push((what.to_string(), s));
            for &c in CareLevel::ALL {
                add("care_name", (w.care_name)(c).into());
            }
            for &h in Hardship::ALL {
                add("hardship_name", (w.hardship_name)(h).into());
                add("hardship_explain", (w.hardship_explain)(h).into());
            }
            for &g in Group::ALL {
                add("group_name", (w.group_name)(g).into());
                add("group_explain", (w.group_explain)(g).into());
            }
            for &h in Hukou::ALL {
                add("hukou_name", (w.hukou_name)(h).into());
            }
            for &m in MealKind::ALL {
                add("meal_name", (w.meal_name)(m).into());
            }
            for &p in Place::ALL {
                add("place_name", (w.place_name)(p).into());
                add("place_advice", (w.place_advice)(p).into());
            }
            for f in [FundingLevel::City, FundingLevel::District, FundingLevel::Town] {
                add("level_name", (w.level_name)(f).into());
            }
            for &a in Area::ALL {
                add("area_name", (w.area_name)(a).into());
            }
            for p in [PaidTo::Provider, PaidTo::Person] {
                add("paid_to", (w.paid_to)(p).into());
            }
            for p in [OperatorPer::Meal, OperatorPer::PersonDay] {
                add("operator_per", (w.operator_per)(p).into());
            }
            // Values as the sentences get them: in words of the same language.
            let amount = (w.money)(Fen(1200));
            let day = (w.date)(Date::new(2025, 1, 29).expect("date"));
            let name = (w.meal_name)(MealKind::Lunch);
            let place = (w.place_name)(Place::SameCity);
            for yes in [true, false] {
                add("in_care_home", (w.in_care_home)(yes).into());
                add("found_flag", (w.found_flag)(yes).into());
                add("found_in_care_home", (w.found_in_care_home)(yes).into());
                add("found_tekun_counted", (w.found_tekun_counted)(yes).into());
                add("tier_counted", (w.tier_counted)(name, (w.found_tekun_counted)(yes)));
                add("capped_by_money", (w.capped_by_money)(&amount, &amount, yes));
                add("eligibility", (w.eligibility)(yes, name));
                add("below_spend", (w.below_spend)(name, &amount, &amount, yes));
                add("spend_assumed", (w.spend_assumed)(name, &amount, yes));
            }
            for s in [
                w.list_sep,
                w.or_sep,
                w.found_born_after,
                w.no_certificate,
                w.found_no_groups,
                w.found_no_area,
                w.found_no_standard,
                w.found_no_income,
                w.found_sep,
                w.no_delivery,
                w.paid_to_unknown,
                w.all_sep,
                w.any_sep,
                w.price_unknown,
            ] {
                add("fixed words", s.into());
            }
            add("range", (w.range)(&amount, &amount));
            add("negated", (w.negated)(name));
            add("with_found", (w.with_found)(name, name));
            add("age_at_least", (w.age_at_least)(80));
            add("age_below", (w.age_below)(60));
            add("care_at_least", (w.care_at_least)(name));
            add("disability_grade_in", (w.disability_grade_in)("1"));
            add("group_any", (w.group_any)(name));
            add("income_at_most", (w.income_at_most)(150));
            add("found_age_reaches", (w.found_age_reaches)(79, 80, &day));
            add("found_age", (w.found_age)(79));
            add("found_you", (w.found_you)(name));
            add("grade", (w.grade)(2));
            add("found_limit", (w.found_limit)(name, &amount));
            add("found_income", (w.found_income)(&amount));
            for until in [None, Some(day.as_str())] {
                add("version", (w.version)(name, &day, until));
                add("version_roughly", (w.version_roughly)(name, &day, until, name));
                for gives_way in [None, Some(day.as_str())] {
                    for note in [None, Some(name)] {
                        add("version_unknown_start", (w.version_unknown_start)(name, until, gives_way, note));
                    }
                }
                add("fee_subsidised", (w.fee_subsidised)(&amount, &amount, until.map(|_| amount.as_str())));
                add("total", (w.total)(&amount, until));
            }
            add("no_version", (w.no_version)(&day));
            add("no_version_ended", (w.no_version_ended)(&day, &day));
            add("no_version_starts", (w.no_version_starts)(&day, &day));
            add("price_reference", (w.price_reference)(&amount));
            add("price", (w.price)(&amount));
            add("meal_not_covered", (w.meal_not_covered)(name, name));
            let holiday = DayKind::Holiday { zh: "春节".into(), en: "Spring Festival".into() };
            for kind in [DayKind::Workday, DayKind::Weekend, DayKind::MakeUpWorkday, holiday] {
                add("working_day", (w.working_day)(&day, &kind));
            }
            for computed in [
                Computed::Fixed { amount: Fen(500) },
                Computed::PayFixed { pay: Fen(300), price: Fen(1200), amount: Fen(900) },
                Computed::Percent { percent: 50, price: Fen(1500), at_most: None, amount: Fen(750) },
                Computed::Percent { percent: 25, price: Fen(2400), at_most: Some(Fen(500)), amount: Fen(500) },
                Computed::Percent { percent: 25, price: Fen(1600), at_most: Some(Fen(500)), amount: Fen(400) },
                Computed::NeedsPrice,
                Computed::NoFigure,
            ] {
                add("tier", (w.tier)(name, name, &computed));
            }
            add("no_tier", (w.no_tier)(name));
            add("level_lost", (w.level_lost)(name, name, place, &amount));
            add("capped_at_price", (w.capped_at_price)(&amount, &amount));
            add("delivery", (w.delivery)(name, &amount, name));
            add("operator", (w.operator)(name, &amount, name));
            add("any_of", (w.any_of)(name));
            add("nested", (w.nested)(name));
            add("hint_eligibility", (w.hint_eligibility)(name));
            add("hint_tier", (w.hint_tier)(name, name, &amount, name));
            add("hint_delivery", (w.hint_delivery)(name, &amount, name));
            add("hint_free_delivery", (w.hint_free_delivery)(&amount, name));
            add("fee_person", (w.fee_person)(&amount));
            add("fee_free", (w.fee_free)(&amount, ""));
            add("fee_free", (w.fee_free)(&amount, name));
            add("pay_with_delivery", (w.pay_with_delivery)(&amount, &amount, &amount));
            add("advice_meal", (w.advice_meal)(name));
            add("advice_working_day", (w.advice_working_day)(&day));
            add("advice", (w.advice)(&[place.to_string(), name.to_string()], &amount));
            add("calendar_fallback", (w.calendar_fallback)(2031));
            for (what, s) in &all {
                assert_in_language(l, s, what);
            }
        }
    }

    #[test]
    fn english_advice_starts_with_a_capital() {
        // `advice` capitalises the first phrase as ASCII: every phrase begins with an ASCII letter.
        let w = &EN;
        let mut phrases: Vec<String> = Place::ALL.iter().map(|p| (w.place_advice)(*p).to_string()).collect();
        phrases.push((w.advice_meal)("lunch"));
        phrases.push((w.advice_working_day)("Monday, 3 March 2025"));
        for p in &phrases {
            assert!(p.starts_with(|c: char| c.is_ascii_lowercase()), "{p}");
            let text = (w.advice)(std::slice::from_ref(p), "¥5");
            assert!(text.starts_with(|c: char| c.is_ascii_uppercase()), "{text}");
            assert_eq!(text[1..], format!("{}: ¥5 per meal", &p[1..]));
        }
        assert_eq!((w.advice)(&["eat anywhere".into(), "have lunch".into()], "¥3"), "Eat anywhere, have lunch: ¥3 per meal");
    }

    #[test]
    fn the_language_check_catches_a_mixed_sentence() {
        // The check itself must be able to fail, or the test above proves nothing.
        let fails = |l: Locale, s: &'static str| std::panic::catch_unwind(|| assert_in_language(l, s, "sample")).is_err();
        assert!(fails(Locale::ZhCn, "每餐补贴¥3"));
        assert!(fails(Locale::ZhCn, "每餐价格: 12元"));
        assert!(fails(Locale::En, "Meal price：¥12"));
        assert!(fails(Locale::En, "lunch (午餐)"));
        assert!(fails(Locale::En, ""));
        assert!(!fails(Locale::ZhCn, "每餐价格：12元"));
        assert!(!fails(Locale::En, "Meal price: ¥12"));
    }
}
