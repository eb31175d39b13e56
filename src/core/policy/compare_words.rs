//! The words of the comparison across policies ([`super::compare`]), one table per language:
//! every sentence whole, with its punctuation, so a third language is one more table.

use crate::core::Locale;

/// The comparison's fixed words and sentences, in one language.
pub struct CompareWords {
    /// The "not sure" question about living in a care institution, as the form asks it.
    pub in_care_home: &'static str,
    /// A range of two amounts (already in words): lowest, highest.
    pub span: fn(&str, &str) -> String,
    /// The policy ended on this date (in words) and nothing later is recorded.
    pub ended: fn(&str) -> String,
    /// The policy starts on this date (in words), after the meal's date.
    pub starts: fn(&str) -> String,
    /// The policy file gives no dates.
    pub no_dates: &'static str,
    /// Ask the local office about the current rules.
    pub ask_office: &'static str,
    /// No subsidy for this meal under this policy (when no step says why).
    pub no_subsidy: &'static str,
    /// A tier named with its part's name, when a version has several parts: part, tier.
    pub part_tier: fn(&str, &str) -> String,
    /// Between the tiers of several parts.
    pub tier_separator: &'static str,
    /// The questions answered "not sure" that the range depends on, by name.
    pub depends_on: fn(&[String]) -> String,
    /// A reason the lowest figure of a range is zero.
    pub at_lowest: fn(&str) -> String,
    /// The policy's own test cases fail: how many failed, of how many.
    pub blocked: fn(usize, usize) -> String,
    /// Too many "not sure" answers for a range.
    pub too_many_unknowns: &'static str,
}

/// 简体中文.
pub const ZH_CN: CompareWords = CompareWords {
    in_care_home: "是否住在养老机构",
    span: |lo, hi| format!("{lo} – {hi}"),
    ended: |date| format!("这份政策已于{date}到期，之后的新规定还没有收录。"),
    starts: |date| format!("这份政策自{date}起施行，就餐日期在那之前。"),
    no_dates: "这份政策文件没有写明施行日期。",
    ask_office: "请向当地社区或民政部门问清现在的补贴办法。",
    no_subsidy: "按这份政策，这一餐没有补贴。",
    part_tier: |part, tier| format!("{part}：{tier}"),
    tier_separator: "；",
    depends_on: |names| format!("取决于您选了“不确定”的：{}", names.join("、")),
    at_lowest: |why| format!("最少的情况：{why}"),
    blocked: |failed, total| format!("这份政策文件自带的{total}个测试案例中有{failed}个没有通过，为避免算错误导您，不显示金额。"),
    too_many_unknowns: "“不确定”的项目太多，算不出范围。请尽量确定几项。",
};

/// English.
pub const EN: CompareWords = CompareWords {
    in_care_home: "whether you live in a care institution",
    span: |lo, hi| format!("{lo} – {hi}"),
    ended: |date| format!("This policy ended on {date}; no later rules are recorded yet."),
    starts: |date| format!("This policy starts on {date}, after the meal's date."),
    no_dates: "This policy file gives no dates.",
    ask_office: "Please ask your community office or the civil-affairs office about the current rules.",
    no_subsidy: "Under this policy there is no subsidy for this meal.",
    part_tier: |part, tier| format!("{part}: {tier}"),
    tier_separator: "; ",
    depends_on: |names| format!("It depends on what you are not sure of: {}", names.join(", ")),
    at_lowest: |why| format!("At the lowest: {why}"),
    blocked: |failed, total| {
        format!("{failed} of this policy file's {total} own test cases fail, so no amount is shown, to avoid misleading you.")
    },
    too_many_unknowns: "Too many answers are “not sure” to work out a range. Please settle a few.",
};

/// The table for `locale`.
pub fn compare_words(locale: Locale) -> &'static CompareWords {
    match locale {
        Locale::ZhCn => &ZH_CN,
        Locale::En => &EN,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::policy::error_words::check::{assert_chinese, assert_english};

    /// Every sentence of a table, with values put in.
    fn sentences(w: &CompareWords, names: &[String], date: &str, lo: &str, hi: &str) -> Vec<String> {
        vec![
            w.in_care_home.into(),
            (w.span)(lo, hi),
            (w.ended)(date),
            (w.starts)(date),
            w.no_dates.into(),
            w.ask_office.into(),
            w.no_subsidy.into(),
            (w.part_tier)(&names[0], &names[1]),
            format!("{}{}{}", names[0], w.tier_separator, names[1]),
            (w.depends_on)(names),
            (w.at_lowest)(w.no_subsidy),
            (w.blocked)(2, 9),
            w.too_many_unknowns.into(),
        ]
    }

    #[test]
    fn every_sentence_reads_in_each_language_with_its_own_punctuation() {
        let chinese_names = vec!["户籍".to_string(), "困难类别".to_string()];
        for s in sentences(&ZH_CN, &chinese_names, "2025年3月4日", "3元", "5元") {
            assert_chinese(&s, &[]);
        }
        let english_names = vec!["Household registration".to_string(), "Hardship category".to_string()];
        for s in sentences(&EN, &english_names, "4 March 2025", "¥3", "¥5") {
            assert_english(&s);
        }
        assert_eq!((ZH_CN.depends_on)(&chinese_names), "取决于您选了“不确定”的：户籍、困难类别");
        assert_eq!((EN.part_tier)("City part", "Aged 80 and over"), "City part: Aged 80 and over");
        assert_eq!((ZH_CN.blocked)(2, 9), "这份政策文件自带的9个测试案例中有2个没有通过，为避免算错误导您，不显示金额。");
    }
}
