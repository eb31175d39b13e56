//! The policy studio's words ([`super::draft`], [`super::draft_write`]), one table per language:
//! the comment written above each table of an exported file, the names of the condition tests
//! and of the studio's own menus.

use crate::core::Locale;

/// The studio's fixed words, in one language.
pub struct DraftWords {
    /// The first lines of an exported file (each line is written as a `#` comment).
    pub file_head: &'static [&'static str],
    /// Above `[policy]`.
    pub policy: &'static str,
    /// Above `[[category]]`.
    pub category: &'static str,
    /// Above `[[source]]`.
    pub source: &'static str,
    /// Above `[[clause]]`.
    pub clause: &'static str,
    /// Above `[[version]]`: the version's label.
    pub version: fn(&str) -> String,
    /// Above `[[version.income]]`.
    pub income: &'static str,
    /// Above `[[version.component]]`: the part's name.
    pub component: fn(&str) -> String,
    /// Above `[[version.component.tier]]`: the tier's name.
    pub tier: fn(&str) -> String,
    /// Above `[[version.delivery]]`.
    pub delivery: &'static str,
    /// Above `[[version.operator]]`.
    pub operator: &'static str,
    /// Above `[[case]]`: the case's name.
    pub case: fn(&str) -> String,
    /// The condition tests, in the order of `TestKind::ALL`.
    pub tests: [&'static str; 13],
    /// A disability grade.
    pub grade: fn(u8) -> String,
    /// Urban, rural.
    pub areas: [&'static str; 2],
    /// A source's confidence: high, medium, low.
    pub confidence: [&'static str; 3],
    /// How a part picks its tier: best, first.
    pub select: [&'static str; 2],
    /// A part's spend rule: none, above, at least.
    pub spend: [&'static str; 3],
    /// Who receives a delivery subsidy: provider, person.
    pub paid_to: [&'static str; 2],
    /// What an operator subsidy is counted per: meal, person-day.
    pub operator_per: [&'static str; 2],
}

/// 简体中文.
pub const ZH_CN: DraftWords = DraftWords {
    file_head: &["助餐补贴政策文件（用政策编辑器生成）", "格式说明：docs/policy-format.md；以 # 开头的行是说明，不影响计算。"],
    policy: "政策：编号、名称、地区",
    category: "本政策自己规定的人员类别",
    source: "来源：政策文件（标题、文号或网址）",
    clause: "条款原文：文件里的原话",
    version: |label| format!("版本：{label}"),
    income: "按家庭收入认定的困难类别",
    component: |name| format!("补贴部分：{name}"),
    tier: |name| format!("补贴档次：{name}"),
    delivery: "送餐上门补贴",
    operator: "给助餐机构的运营补贴",
    case: |name| format!("测试用例：{name}"),
    tests: [
        "年满（周岁）",
        "不满（周岁）",
        "失能等级至少",
        "残疾等级是",
        "困难类别是",
        "属于以下群体之一",
        "属于本政策的类别",
        "户籍",
        "住在养老机构",
        "家庭人均收入不超过低保标准的（%）",
        "以下全部符合",
        "以下符合任一项",
        "不符合以下条件",
    ],
    grade: |g| format!("{g}级"),
    areas: ["城市", "农村"],
    confidence: ["高（政府官方网页，或两处独立转载一致）", "中（一处可靠的新闻转载）", "低（来源不明的转载或单个助餐点）"],
    select: ["符合的档次中取补贴最多的", "按先后顺序取第一个符合的"],
    spend: ["不限餐费", "餐费超过某金额才补贴", "餐费满某金额才补贴"],
    paid_to: ["付给送餐机构", "付给老年人本人"],
    operator_per: ["按就餐人次", "按每人每天"],
};

/// English.
pub const EN: DraftWords = DraftWords {
    file_head: &[
        "Meal-subsidy policy file (made with the policy studio)",
        "Format: docs/policy-format.md; lines starting with # are notes and do not change any figure.",
    ],
    policy: "Policy: id, name, region",
    category: "A category of people this policy defines",
    source: "Source: the policy document (title, number or address)",
    clause: "Clause: the document's own words",
    version: |label| format!("Version: {label}"),
    income: "A hardship category defined by household income",
    component: |name| format!("Part of the subsidy: {name}"),
    tier: |name| format!("Tier: {name}"),
    delivery: "Home-delivery subsidy",
    operator: "Operating subsidy to the canteen",
    case: |name| format!("Test case: {name}"),
    tests: [
        "aged at least (years)",
        "aged under (years)",
        "care need at least",
        "disability grade is",
        "hardship category is",
        "in one of these groups",
        "in this policy's category",
        "hukou",
        "lives in a care institution",
        "household income at most this share of the minimum-living standard (%)",
        "all of these",
        "any of these",
        "none of this",
    ],
    grade: |g| format!("grade {g}"),
    areas: ["urban", "rural"],
    confidence: [
        "high (an official government page, or two independent reposts agreeing)",
        "medium (one reputable news repost)",
        "low (an unattributed repost or a single canteen)",
    ],
    select: ["the matching tier worth most", "the first matching tier in order"],
    spend: ["any meal price", "only when the meal costs more than an amount", "only when the meal costs at least an amount"],
    paid_to: ["paid to the delivery provider", "paid to the older person"],
    operator_per: ["per meal served", "per person per day"],
};

/// The studio's words in `locale`.
pub fn draft_words(locale: Locale) -> &'static DraftWords {
    match locale {
        Locale::ZhCn => &ZH_CN,
        Locale::En => &EN,
    }
}
