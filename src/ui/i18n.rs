//! User-interface text in Chinese (default) and English.
//!
//! Each language is one value of [`Texts`], so a string missing from either language is a compile
//! error, not a blank on screen. Terms follow the project glossary (`docs/glossary.md`).

use crate::core::Locale;

/// Every fixed string the interface shows.
#[derive(Debug, PartialEq)]
pub struct Texts {
    /// The app's name in the header.
    pub app_name: &'static str,
    /// One line under the name saying what the app is for.
    pub tagline: &'static str,
    /// `document.title`.
    pub document_title: &'static str,
    /// The skip link that jumps past the header.
    pub skip_to_content: &'static str,
    /// Accessible name of the settings toolbar.
    pub settings_label: &'static str,
    /// Accessible name of the language choice (its buttons are the languages' own names).
    pub switch_language: &'static str,
    /// Large-text (长辈模式) toggle.
    pub large_text: &'static str,
    /// Extra-large (30 pt) toggle.
    pub extra_large: &'static str,
    /// High-contrast toggle.
    pub high_contrast: &'static str,
    /// Shown when the browser lets the page keep nothing (private mode, blocked or full storage).
    pub storage_blocked: &'static str,
    /// Accessible name of the tab list.
    pub sections_label: &'static str,
    /// Calculator tab.
    pub tab_calculator: &'static str,
    /// Planner tab.
    pub tab_planner: &'static str,
    /// Calculator tab: one line on what it does.
    pub calculator_intro: &'static str,
    /// Planner tab: one line on what it does.
    pub planner_intro: &'static str,
    /// Shown while the planner (its own download, fetched the first time its tab opens) loads.
    pub planner_loading: &'static str,
    /// The planner could not be fetched or started.
    pub planner_load_failed: &'static str,
    /// Policy studio tab.
    pub tab_studio: &'static str,
    /// Policy studio tab: one line on what it does.
    pub studio_intro: &'static str,
    /// Shown while the policy studio (its own download, fetched the first time its tab opens) loads.
    pub studio_loading: &'static str,
    /// The policy studio could not be fetched or started.
    pub studio_load_failed: &'static str,
    /// Button: try loading the planner (or the studio) again.
    pub retry: &'static str,
    /// The privacy promise in the footer.
    pub privacy_note: &'static str,
    /// The "for reference only" note in the footer.
    pub reference_only: &'static str,
}

/// 简体中文.
pub const ZH_CN: Texts = Texts {
    app_name: "助餐",
    tagline: "老年助餐补贴计算 · 老年食堂选址规划",
    document_title: "助餐：老年助餐补贴计算与选址规划",
    skip_to_content: "跳到主要内容",
    settings_label: "显示设置",
    switch_language: "切换语言",
    large_text: "大字模式",
    extra_large: "特大字",
    high_contrast: "高对比度",
    storage_blocked:
        "这个浏览器现在不允许本页在设备上保存内容（例如无痕模式）。您仍然可以正常使用，但关闭或刷新页面后，填写的内容和导入的数据不会保留。",
    sections_label: "功能",
    tab_calculator: "补贴计算",
    tab_planner: "选址规划",
    calculator_intro: "回答几个简单问题，算出您每餐能得到多少助餐补贴、自己要付多少钱，并看到每一步的政策依据。",
    planner_intro: "导入老年人口和候选地点，按服务半径评估每个地点能服务多少老年人，选出最合适的老年食堂位置。",
    planner_loading: "正在加载选址规划……（第一次打开时需要下载，请稍候）",
    planner_load_failed: "选址规划没有加载成功，可能是网络断了。请检查网络后点“重试”。补贴计算不受影响。",
    tab_studio: "政策编辑器",
    studio_intro: "民政部门和社区工作人员用：不用写代码，把本地的助餐补贴文件填成政策文件，用手算的例子核对，再导出给补贴计算使用。",
    studio_loading: "正在加载政策编辑器……（第一次打开时需要下载，请稍候）",
    studio_load_failed: "政策编辑器没有加载成功，可能是网络断了。请检查网络后点“重试”。补贴计算不受影响。",
    retry: "重试",
    privacy_note: "所有计算都在您的设备上完成，您填写的信息不会发送到任何地方。",
    reference_only: "计算结果仅供参考，以当地民政部门的认定为准。",
};

/// English.
pub const EN: Texts = Texts {
    app_name: "zhucan",
    tagline: "Elderly meal subsidy calculator · Senior canteen site planner",
    document_title: "zhucan: elderly meal subsidy calculator and canteen site planner",
    skip_to_content: "Skip to main content",
    settings_label: "Display settings",
    switch_language: "Switch language",
    large_text: "Large text",
    extra_large: "Extra large",
    high_contrast: "High contrast",
    storage_blocked: "This browser does not let the page keep anything on this device right now (private mode, for example). Everything still works, but what you enter and the data you load will be gone when you close or reload the page.",
    sections_label: "Sections",
    tab_calculator: "Subsidy calculator",
    tab_planner: "Site planner",
    calculator_intro: "Answer a few simple questions to see the meal subsidy you get, what you pay per meal, and the policy clause behind every step.",
    planner_intro: "Load elderly-population data and candidate sites, score each site by the older people it serves within a service radius, and choose the best places for senior canteens.",
    planner_loading: "Loading the site planner… (it is downloaded the first time it is opened; please wait)",
    planner_load_failed: "The site planner could not be loaded; the connection may be down. Check it and press “Try again”. The subsidy calculator is not affected.",
    tab_studio: "Policy studio",
    studio_intro: "For civil-affairs and community staff: turn your local meal-subsidy document into a policy file without writing code, check it against hand-worked examples, and export it for the calculator.",
    studio_loading: "Loading the policy studio… (it is downloaded the first time it is opened; please wait)",
    studio_load_failed: "The policy studio could not be loaded; the connection may be down. Check it and press “Try again”. The subsidy calculator is not affected.",
    retry: "Try again",
    privacy_note: "Everything is calculated on your device. What you enter is never sent anywhere.",
    reference_only: "Results are for reference only; the local civil-affairs office decides.",
};

/// The text table for a locale.
pub fn texts(locale: Locale) -> &'static Texts {
    match locale {
        Locale::ZhCn => &ZH_CN,
        Locale::En => &EN,
    }
}
