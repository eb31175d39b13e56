//! The policies shipped with zhucan, built into the binary (no fetch needed). Each is a file in
//! `static/policies/` with its sources, quoted clauses and hand-computed test cases.

use super::error::PolicyError;
use super::load::parse_policy;
use super::model::Policy;

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

/// The preset with this id.
pub fn preset(id: &str) -> Option<&'static Preset> {
    PRESETS.iter().find(|p| p.id == id)
}

/// Loads a preset.
pub fn load_preset(id: &str) -> Option<Result<Policy, Vec<PolicyError>>> {
    preset(id).map(|p| parse_policy(p.toml))
}
