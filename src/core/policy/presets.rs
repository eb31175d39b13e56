//! The policies shipped with zhucan. Each is a file in `static/policies/` with its sources, quoted
//! clauses and hand-computed test cases.
//!
//! Natively (CLI, tests, the planner's cost estimate) they are built into the binary ([`PRESETS`]).
//! The calculator's page does not build them in — every resident would download all five to use
//! one — but lists them from [`INDEX`] (id, region and name, checked against the files by a test)
//! and fetches a preset's file (`<id>.toml` beside the page) when it is chosen; the service worker
//! keeps them for offline use.

use super::error::PolicyError;
use super::load::parse_policy;
use super::model::Policy;
use crate::core::Locale;

/// A shipped policy file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Preset {
    /// Id (the file's `policy.id` and name stem).
    pub id: &'static str,
    /// The file's text.
    pub toml: &'static str,
}

/// Every preset, in the order the city selector lists them.
pub const PRESETS: [Preset; 5] = [
    Preset { id: "shenzhen-2025", toml: include_str!("../../../static/policies/shenzhen-2025.toml") },
    Preset { id: "guangzhou-2020", toml: include_str!("../../../static/policies/guangzhou-2020.toml") },
    Preset { id: "beijing-2022", toml: include_str!("../../../static/policies/beijing-2022.toml") },
    Preset { id: "tianjin", toml: include_str!("../../../static/policies/tianjin.toml") },
    Preset { id: "dandong-2024", toml: include_str!("../../../static/policies/dandong-2024.toml") },
];

/// What the city selector shows of a preset before its file is fetched.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PresetInfo {
    /// Id: the file is `<id>.toml` (and its `policy.id`).
    pub id: &'static str,
    /// The file's `region`, Chinese and English.
    pub region: (&'static str, &'static str),
    /// The file's `name`, Chinese and English.
    pub name: (&'static str, &'static str),
}

impl PresetInfo {
    /// "region · name" in `locale`, as the city selector lists a policy.
    pub fn label(&self, locale: Locale) -> String {
        (preset_words(locale).label)(self)
    }
}

/// How the city selector words a preset, in one language.
pub struct PresetWords {
    /// "region · name", from the index entry's words in this language.
    pub label: fn(&PresetInfo) -> String,
}

/// How the city selector words a preset in `l`.
pub fn preset_words(l: Locale) -> &'static PresetWords {
    match l {
        Locale::ZhCn => &ZH_CN,
        Locale::En => &EN,
    }
}

/// Chinese: the first of each pair.
pub const ZH_CN: PresetWords = PresetWords { label: |p| format!("{} · {}", p.region.0, p.name.0) };

/// English: the second of each pair.
pub const EN: PresetWords = PresetWords { label: |p| format!("{} · {}", p.region.1, p.name.1) };

/// Every preset's id, region and name, in the order of [`PRESETS`].
pub const INDEX: [PresetInfo; 5] = [
    PresetInfo {
        id: "shenzhen-2025",
        region: ("广东省深圳市", "Shenzhen, Guangdong"),
        name: ("深圳市长者助餐服务补贴", "Shenzhen senior meal subsidy"),
    },
    PresetInfo {
        id: "guangzhou-2020",
        region: ("广东省广州市（按增城区正果镇公布的标准）", "Guangzhou, Guangdong (as published by Zhengguo town, Zengcheng district)"),
        name: ("广州市长者饭堂助餐配餐补贴（正果镇指南）", "Guangzhou senior-canteen meal subsidy (Zhengguo town guide)"),
    },
    PresetInfo {
        id: "beijing-2022", region: ("北京市", "Beijing"), name: ("北京市养老助餐就餐补贴", "Beijing elderly meal subsidy")
    },
    PresetInfo {
        id: "tianjin", region: ("天津市", "Tianjin"), name: ("天津市老年人助餐补贴", "Tianjin meal subsidy for older people")
    },
    PresetInfo {
        id: "dandong-2024",
        region: ("辽宁省丹东市", "Dandong, Liaoning"),
        name: ("丹东市老年助餐服务补贴（试行）", "Dandong elderly meal subsidy (trial)"),
    },
];

/// The index entry of a preset.
pub fn info(id: &str) -> Option<&'static PresetInfo> {
    INDEX.iter().find(|p| p.id == id)
}

/// The preset with this id.
pub fn preset(id: &str) -> Option<&'static Preset> {
    PRESETS.iter().find(|p| p.id == id)
}

/// Loads a preset.
pub fn load_preset(id: &str) -> Option<Result<Policy, Vec<PolicyError>>> {
    preset(id).map(|p| parse_policy(p.toml))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The index the calculator lists must say what the files say, in the same order.
    #[test]
    fn the_index_matches_the_files() {
        assert_eq!(INDEX.len(), PRESETS.len());
        for (info, preset) in INDEX.iter().zip(PRESETS.iter()) {
            assert_eq!(info.id, preset.id);
            let policy = parse_policy(preset.toml).unwrap_or_else(|e| panic!("{}: {e:?}", preset.id));
            assert_eq!(policy.id, info.id);
            assert_eq!((policy.region.zh.as_str(), policy.region.en.as_str()), info.region, "{}", info.id);
            assert_eq!((policy.name.zh.as_str(), policy.name.en.as_str()), info.name, "{}", info.id);
        }
        assert_eq!(info("tianjin").map(|i| i.label(Locale::ZhCn)), Some("天津市 · 天津市老年人助餐补贴".to_string()));
        assert_eq!(info("tianjin").map(|i| i.label(Locale::En)), Some("Tianjin · Tianjin meal subsidy for older people".to_string()));
    }

    /// The city selector lists every preset in the interface's language alone.
    #[test]
    fn every_label_is_in_its_own_language() {
        for l in Locale::ALL {
            for i in &INDEX {
                super::super::explain_words::assert_in_language(l, &i.label(l), i.id);
            }
        }
    }
}
