//! The shipped presets, parsed once for the whole programme (the scenario form lists them on every
//! render and each estimate looks its policies up).

use std::sync::OnceLock;

use crate::core::policy::model::Policy;
use crate::core::policy::parse_policy;
use crate::core::policy::presets::PRESETS;

/// Every preset that parses, with its id, in the order of [`PRESETS`]. Parsed the first time it is
/// asked for.
pub fn preset_policies() -> &'static [(&'static str, Policy)] {
    static PARSED: OnceLock<Vec<(&'static str, Policy)>> = OnceLock::new();
    PARSED.get_or_init(|| PRESETS.iter().filter_map(|p| parse_policy(p.toml).ok().map(|policy| (p.id, policy))).collect())
}

/// The preset with this id, parsed.
pub fn preset_policy(id: &str) -> Option<&'static Policy> {
    preset_policies().iter().find(|(pid, _)| *pid == id).map(|(_, p)| p)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_preset_is_parsed_once_and_found_by_id() {
        assert_eq!(preset_policies().len(), PRESETS.len());
        let first = preset_policy("tianjin").expect("tianjin");
        assert_eq!(first.id, "tianjin");
        // The same parsed policy each time, not a new parse.
        assert!(std::ptr::eq(first, preset_policy("tianjin").expect("tianjin")));
        assert!(preset_policy("").is_none());
    }
}
