//! The policies shipped with zhucan. Each is a file in `static/policies/` with its sources, quoted
//! clauses and hand-computed test cases.
//!
//! Natively (CLI, tests, the planner's cost estimate) they are built into the binary ([`PRESETS`]).
//! The calculator's page does not build them in — every resident would download all of them to use
//! one — but lists them from [`INDEX`] (id, region, name and confidence, checked against the files by a test)
//! and fetches a preset's file (`<id>.toml` beside the page) when it is chosen; the service worker
//! keeps them for offline use.

use super::error::PolicyError;
use super::load::parse_policy;
use super::model::{Confidence, Policy, Source};
use crate::core::Locale;

/// A shipped policy file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Preset {
    /// Id (the file's `policy.id` and name stem).
    pub id: &'static str,
    /// The file's text.
    pub toml: &'static str,
}

/// Every preset, in the order the city selector lists them: the five big-city schemes, then the
/// places added for issue 16 by province (Guangdong, Jilin, Shandong, Hubei, Shaanxi, Guizhou, Hunan).
pub const PRESETS: [Preset; 15] = [
    Preset { id: "shenzhen-2025", toml: include_str!("../../../static/policies/shenzhen-2025.toml") },
    Preset { id: "guangzhou-2020", toml: include_str!("../../../static/policies/guangzhou-2020.toml") },
    Preset { id: "beijing-2022", toml: include_str!("../../../static/policies/beijing-2022.toml") },
    Preset { id: "tianjin", toml: include_str!("../../../static/policies/tianjin.toml") },
    Preset { id: "dandong-2024", toml: include_str!("../../../static/policies/dandong-2024.toml") },
    Preset { id: "zhuhai-gaoxin-2024", toml: include_str!("../../../static/policies/zhuhai-gaoxin-2024.toml") },
    Preset { id: "zhongshan-tanzhou-2024", toml: include_str!("../../../static/policies/zhongshan-tanzhou-2024.toml") },
    Preset { id: "changchun-2023", toml: include_str!("../../../static/policies/changchun-2023.toml") },
    Preset { id: "jilin-city-2024", toml: include_str!("../../../static/policies/jilin-city-2024.toml") },
    Preset { id: "zibo-yiyuan-2023", toml: include_str!("../../../static/policies/zibo-yiyuan-2023.toml") },
    Preset { id: "qingdao-jimo-2021", toml: include_str!("../../../static/policies/qingdao-jimo-2021.toml") },
    Preset { id: "xiangyang-2023", toml: include_str!("../../../static/policies/xiangyang-2023.toml") },
    Preset { id: "xian-yanta-2023", toml: include_str!("../../../static/policies/xian-yanta-2023.toml") },
    Preset { id: "sinan-wantang-2024", toml: include_str!("../../../static/policies/sinan-wantang-2024.toml") },
    Preset { id: "changsha-kaifu-2020", toml: include_str!("../../../static/policies/changsha-kaifu-2020.toml") },
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
    /// The weakest confidence among the file's sources: what the city selector says of the preset.
    pub confidence: Confidence,
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

/// Every preset's id, region, name and confidence, in the order of [`PRESETS`].
pub const INDEX: [PresetInfo; 15] = [
    PresetInfo {
        id: "shenzhen-2025",
        region: ("广东省深圳市", "Shenzhen, Guangdong"),
        name: ("深圳市长者助餐服务补贴", "Shenzhen senior meal subsidy"),
        confidence: Confidence::Medium,
    },
    PresetInfo {
        id: "guangzhou-2020",
        region: ("广东省广州市（按增城区正果镇公布的标准）", "Guangzhou, Guangdong (as published by Zhengguo town, Zengcheng district)"),
        name: ("广州市长者饭堂助餐配餐补贴（正果镇指南）", "Guangzhou senior-canteen meal subsidy (Zhengguo town guide)"),
        confidence: Confidence::High,
    },
    PresetInfo {
        id: "beijing-2022",
        region: ("北京市", "Beijing"),
        name: ("北京市养老助餐就餐补贴", "Beijing elderly meal subsidy"),
        confidence: Confidence::Medium,
    },
    PresetInfo {
        id: "tianjin",
        region: ("天津市", "Tianjin"),
        name: ("天津市老年人助餐补贴", "Tianjin meal subsidy for older people"),
        confidence: Confidence::High,
    },
    PresetInfo {
        id: "dandong-2024",
        region: ("辽宁省丹东市", "Dandong, Liaoning"),
        name: ("丹东市老年助餐服务补贴（试行）", "Dandong elderly meal subsidy (trial)"),
        confidence: Confidence::Medium,
    },
    PresetInfo {
        id: "zhuhai-gaoxin-2024",
        region: ("广东省珠海市高新区", "High-tech Zone, Zhuhai, Guangdong"),
        name: ("珠海市高新区长者饭堂示范点助餐补贴", "Zhuhai High-tech Zone model senior canteen meal subsidy"),
        confidence: Confidence::Low,
    },
    PresetInfo {
        id: "zhongshan-tanzhou-2024",
        region: ("广东省中山市坦洲镇", "Tanzhou town, Zhongshan, Guangdong"),
        name: ("中山市坦洲镇长者饭堂就餐优惠", "Tanzhou town senior canteen discount, Zhongshan"),
        confidence: Confidence::High,
    },
    PresetInfo {
        id: "changchun-2023",
        region: ("吉林省长春市", "Changchun, Jilin"),
        name: ("长春市敬老餐厅就餐优惠", "Changchun senior restaurant discount"),
        confidence: Confidence::Low,
    },
    PresetInfo {
        id: "jilin-city-2024",
        region: ("吉林省吉林市（城区）", "Jilin city (urban districts), Jilin"),
        name: ("吉林市城区老年助餐优惠", "Jilin city elderly meal benefit"),
        confidence: Confidence::Low,
    },
    PresetInfo {
        id: "zibo-yiyuan-2023",
        region: ("山东省淄博市沂源县", "Yiyuan county, Zibo, Shandong"),
        name: ("沂源县老年食堂就餐价格", "Yiyuan county canteens for the elderly"),
        confidence: Confidence::Medium,
    },
    PresetInfo {
        id: "qingdao-jimo-2021",
        region: ("山东省青岛市即墨区通济街道", "Tongji sub-district, Jimo, Qingdao, Shandong"),
        name: ("即墨区通济街道敬老食堂午餐", "Tongji sub-district senior canteen lunch, Jimo"),
        confidence: Confidence::Medium,
    },
    PresetInfo {
        id: "xiangyang-2023",
        region: ("湖北省襄阳市（汉江北路幸福食堂）", "Xiangyang, Hubei (Hanjiang North Road canteen)"),
        name: ("襄阳市汉江北路幸福食堂餐费补贴", "Hanjiang North Road happiness canteen, Xiangyang"),
        confidence: Confidence::Low,
    },
    PresetInfo {
        id: "xian-yanta-2023",
        region: ("陕西省西安市雁塔区电子城街道二十所社区", "Ershisuo community, Dianzicheng sub-district, Yanta, Xi'an, Shaanxi"),
        name: ("二十所社区老年餐厅助老卡价格", "Ershisuo community canteen, senior-card prices"),
        confidence: Confidence::Low,
    },
    PresetInfo {
        id: "sinan-wantang-2024",
        region: ("贵州省铜仁市思南县许家坝镇万塘村", "Wantang village, Xujiaba, Sinan county, Tongren, Guizhou"),
        name: ("万塘村长者食堂收费标准", "Wantang village senior canteen prices"),
        confidence: Confidence::Low,
    },
    PresetInfo {
        id: "changsha-kaifu-2020",
        region: ("湖南省长沙市开福区", "Kaifu district, Changsha, Hunan"),
        name: ("开福区老年食堂助餐补贴（2020年试点）", "Kaifu district senior canteen subsidy (2020 pilot)"),
        confidence: Confidence::Medium,
    },
];

/// The weakest confidence among `sources` (low before medium before high); `None` when no source
/// carries one.
pub fn weakest_confidence(sources: &[Source]) -> Option<Confidence> {
    let rank = |c: &Confidence| match c {
        Confidence::Low => 0,
        Confidence::Medium => 1,
        Confidence::High => 2,
    };
    sources.iter().filter_map(|s| s.confidence).min_by_key(rank)
}

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
            assert_eq!(weakest_confidence(&policy.sources), Some(info.confidence), "{}: the weakest source's confidence", info.id);
        }
        assert_eq!(info("tianjin").map(|i| i.label(Locale::ZhCn)), Some("天津市 · 天津市老年人助餐补贴".to_string()));
        assert_eq!(info("tianjin").map(|i| i.label(Locale::En)), Some("Tianjin · Tianjin meal subsidy for older people".to_string()));
    }

    /// The weakest source decides: one low source among high ones makes the whole file low.
    #[test]
    fn the_weakest_source_decides_the_confidence() {
        let source = |c: Option<Confidence>| Source {
            id: "s".into(),
            title: "t".into(),
            issuer: None,
            number: None,
            date: None,
            url: Some("http://example.org".into()),
            confidence: c,
            note: None,
        };
        let high = source(Some(Confidence::High));
        let medium = source(Some(Confidence::Medium));
        let low = source(Some(Confidence::Low));
        assert_eq!(weakest_confidence(&[high.clone(), low.clone(), medium.clone()]), Some(Confidence::Low));
        assert_eq!(weakest_confidence(&[high.clone(), medium.clone()]), Some(Confidence::Medium));
        assert_eq!(weakest_confidence(&[source(None), high]), Some(Confidence::High));
        assert_eq!(weakest_confidence(&[source(None)]), None);
        // Shenzhen: the city's own page (high) and the Futian district post (medium).
        assert_eq!(info("shenzhen-2025").map(|i| i.confidence), Some(Confidence::Medium));
        assert_eq!(info("zhongshan-tanzhou-2024").map(|i| i.confidence), Some(Confidence::High));
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
