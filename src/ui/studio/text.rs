//! The policy studio's words, zh-CN first, English second.

use crate::core::Locale;

/// Every fixed string of the policy studio.
#[derive(Debug, PartialEq)]
pub struct StudioTexts {
    /// Heading of the "start from" section.
    pub start_heading: &'static str,
}

/// 简体中文.
pub const ZH_CN: StudioTexts = StudioTexts { start_heading: "从哪里开始" };

/// English.
pub const EN: StudioTexts = StudioTexts { start_heading: "Start from" };

/// The studio's words in `locale`.
pub fn studio_texts(locale: Locale) -> &'static StudioTexts {
    match locale {
        Locale::ZhCn => &ZH_CN,
        Locale::En => &EN,
    }
}
