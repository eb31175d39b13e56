//! The words of the income estimate ([`super::income`]), one table per language. Every sentence
//! is a suggestion ("可能属于……，需要向社区申请认定"), never a recognition.

use super::person::{Area, Hardship};
use crate::core::Locale;

/// The income estimate's words, in one language.
pub struct IncomeWords {
    /// Above the estimate: that it is not a recognition.
    pub heading: &'static str,
    /// The income given (an amount, or a range from [`IncomeWords::range`]).
    pub income_is: fn(&str) -> String,
    /// A range of two amounts, low to high.
    pub range: fn(&str, &str) -> String,
    /// The version in force has no minimum-living standards.
    pub no_standards: &'static str,
    /// Urban or rural was not answered: both standards follow.
    pub both_areas: &'static str,
    /// An area's standard (the amount per person per month).
    pub standard: fn(Area, &str) -> String,
    /// The file has no standard for this area.
    pub no_standard_for: fn(Area) -> String,
    /// The file defines no category by income: no multiple is assumed.
    pub no_definitions: &'static str,
    /// A limit: the area, its standard, the multiple (`1.5`; `None` for the standard itself) and
    /// the limit ("当地城镇低保标准612元的1.5倍（918元）").
    pub limit: fn(Area, &str, Option<&str>, &str) -> String,
    /// The whole income is within a limit (strictly below it: `true`), and no tighter one.
    pub suggested: fn(bool, &str, Hardship) -> String,
    /// Part of the range is within the limit.
    pub possible: fn(bool, &str, Hardship) -> String,
    /// The whole income is above the loosest limit; the categories the file defines.
    pub above: fn(bool, &str, &[Hardship]) -> String,
    /// Today's figure's label.
    pub without: &'static str,
    /// The label of the figure with a recognition.
    pub with: fn(Hardship) -> String,
    /// A figure: the subsidy, and what the person pays if the price is known.
    pub figures: fn(&str, Option<&str>) -> String,
    /// The recognition would not change the subsidy (the amount).
    pub unchanged: fn(&str) -> String,
    /// Under the estimate: who decides, and what applies until then.
    pub note: &'static str,
    /// Urban or rural, in the form's words.
    pub area_name: fn(Area) -> &'static str,
    /// Not answered.
    pub unsure: &'static str,
}

fn area_zh(a: Area) -> &'static str {
    match a {
        Area::Urban => "城镇",
        Area::Rural => "农村",
    }
}

fn area_en(a: Area) -> &'static str {
    match a {
        Area::Urban => "urban",
        Area::Rural => "rural",
    }
}

/// A category as a household ("低保边缘家庭"), for "可能属于……".
fn household_zh(h: Hardship) -> &'static str {
    match h {
        Hardship::Dibao => "低保家庭",
        Hardship::DibaoEdge => "低保边缘家庭",
        Hardship::LowIncome => "低收入家庭",
        other => super::explain::hardship_name(other, Locale::ZhCn),
    }
}

fn household_en(h: Hardship) -> &'static str {
    match h {
        Hardship::Dibao => "a minimum-living-allowance household",
        Hardship::DibaoEdge => "a marginal low-income household",
        Hardship::LowIncome => "a low-income household",
        other => super::explain::hardship_name(other, Locale::En),
    }
}

/// 简体中文.
pub const ZH_CN: IncomeWords = IncomeWords {
    heading: "按收入估计（不是认定）",
    income_is: |income| format!("您填写的家庭人均月收入：{income}。"),
    range: |lo, hi| format!("{lo}到{hi}"),
    no_standards: "这份政策文件里没有当地的低保标准，所以无法按收入估计您家可能属于哪一类困难家庭。",
    both_areas: "您没有选城镇还是农村，下面两种标准都列出来。",
    standard: |area, amount| format!("当地{}低保标准：每人每月{amount}。", area_zh(area)),
    no_standard_for: |area| format!("这份政策文件里没有当地{}的低保标准。", area_zh(area)),
    no_definitions: "这份政策文件没有写当地按收入认定低保边缘家庭、低收入家庭的标准（收入不超过低保标准的几倍），所以这里不作估计。请向社区（居委会）或街道（乡镇）询问。",
    limit: |area, standard, multiple, limit| match multiple {
        Some(m) => format!("当地{}低保标准{standard}的{m}倍（{limit}）", area_zh(area)),
        None => format!("当地{}低保标准（{standard}）", area_zh(area)),
    },
    suggested: |below, limit, h| {
        format!("您家人均月收入{}{limit}，可能属于{}，需要向社区申请认定。", if below { "低于" } else { "不超过" }, household_zh(h))
    },
    possible: |below, limit, h| {
        format!("如果您家人均月收入{}{limit}，可能属于{}，需要向社区申请认定。", if below { "低于" } else { "不超过" }, household_zh(h))
    },
    above: |below, limit, defined| {
        let names: Vec<&str> = defined.iter().map(|h| household_zh(*h)).collect();
        format!("您家人均月收入{}{limit}，按这份政策文件写的收入标准，不属于{}。", if below { "不低于" } else { "高于" }, names.join("、"))
    },
    without: "现在（未经认定）",
    with: |h| format!("如经认定为{}", household_zh(h)),
    figures: |subsidy, pay| match pay {
        Some(pay) => format!("每餐补贴{subsidy}，您支付{pay}"),
        None => format!("每餐补贴{subsidy}"),
    },
    unchanged: |subsidy| format!("补贴不变，每餐仍是{subsidy}"),
    note: "这只是按收入的估计，不是认定。是否属于这些类别，要向社区（居委会）或街道（乡镇）申请，按全家的收入和财产审核认定；认定之前，补贴按上面的金额算。",
    area_name: area_zh,
    unsure: "不确定",
};

/// English.
pub const EN: IncomeWords = IncomeWords {
    heading: "What your income suggests (not a recognition)",
    income_is: |income| format!("Household income per person per month, as you gave it: {income}."),
    range: |lo, hi| format!("{lo} to {hi}"),
    no_standards: "This policy file has no local minimum-living standards, so your income cannot be used to estimate which hardship category your household may belong to.",
    both_areas: "You have not said whether your household is urban or rural, so both standards are listed.",
    standard: |area, amount| format!("Local {} minimum-living standard: {amount} per person per month.", area_en(area)),
    no_standard_for: |area| format!("This policy file has no local {} minimum-living standard.", area_en(area)),
    no_definitions: "This policy file does not say how the local rules define marginal low-income and low-income households by income (how many times the minimum-living standard), so no estimate is made. Please ask your community office (residents' committee) or sub-district (township).",
    limit: |area, standard, multiple, limit| match multiple {
        Some(m) => format!("{m} times the local {} minimum-living standard of {standard} ({limit})", area_en(area)),
        None => format!("the local {} minimum-living standard ({standard})", area_en(area)),
    },
    suggested: |below, limit, h| {
        format!(
            "Your household income per person is {} {limit}: your household may count as {}, which needs recognition by your community office.",
            if below { "below" } else { "at most" },
            household_en(h)
        )
    },
    possible: |below, limit, h| {
        format!(
            "If your household income per person is {} {limit}, your household may count as {}, which needs recognition by your community office.",
            if below { "below" } else { "at most" },
            household_en(h)
        )
    },
    above: |below, limit, defined| {
        let names: Vec<&str> = defined.iter().map(|h| household_en(*h)).collect();
        format!(
            "Your household income per person is {} {limit}: by the income limits in this policy file, it is not {}.",
            if below { "not below" } else { "above" },
            names.join(" or ")
        )
    },
    without: "Now (not recognised)",
    with: |h| format!("If recognised as {}", household_en(h)),
    figures: |subsidy, pay| match pay {
        Some(pay) => format!("subsidy {subsidy} a meal, you pay {pay}"),
        None => format!("subsidy {subsidy} a meal"),
    },
    unchanged: |subsidy| format!("the same subsidy, {subsidy} a meal"),
    note: "This is only an estimate from income, not a recognition. Whether your household belongs to these categories is decided by your community office or sub-district (township) after you apply, from the whole household's income and property; until then, the subsidy is the amount above.",
    area_name: area_en,
    unsure: "Not sure",
};

/// The table for `locale`.
pub fn income_words(locale: Locale) -> &'static IncomeWords {
    match locale {
        Locale::ZhCn => &ZH_CN,
        Locale::En => &EN,
    }
}
