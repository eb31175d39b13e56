//! Every shipped policy loads without a single problem and reproduces its own hand-computed cases.

use zhucan::core::calendar::Calendar;
use zhucan::core::policy::presets::PRESETS;
use zhucan::core::policy::{parse_policy, run_cases};
use zhucan::core::Locale;

#[test]
fn every_preset_is_valid() {
    for preset in PRESETS {
        match parse_policy(preset.toml) {
            Ok(policy) => assert_eq!(policy.id, preset.id, "a preset's policy.id is its registry id"),
            Err(errors) => {
                let list: Vec<String> = errors.iter().map(|e| e.display(Locale::En)).collect();
                panic!("{} has problems:\n{}", preset.id, list.join("\n"));
            }
        }
    }
}

#[test]
fn every_preset_passes_its_hand_computed_cases() {
    let mut total = 0;
    for preset in PRESETS {
        let policy = parse_policy(preset.toml).unwrap_or_else(|e| panic!("{}: {:?}", preset.id, e));
        assert!(policy.cases.len() >= 7, "{} carries at least 7 cases", preset.id);
        let results = run_cases(&policy, Calendar::builtin());
        let failed: Vec<String> = results
            .iter()
            .filter(|r| !r.passed())
            .map(|r| format!("{} line {} “{}”: {:?}", preset.id, r.line, r.name, r.mismatches))
            .collect();
        assert!(failed.is_empty(), "failing cases:\n{}", failed.join("\n"));
        total += results.len();
    }
    assert!(total >= 50, "{total} cases ran");
}

#[test]
fn every_figure_points_at_a_locatable_source_with_a_quote() {
    for preset in PRESETS {
        let policy = parse_policy(preset.toml).unwrap_or_else(|e| panic!("{}: {:?}", preset.id, e));
        for clause in &policy.clauses {
            let source = &policy.sources[clause.source];
            assert!(!clause.text.trim().is_empty(), "{}: clause {} quotes nothing", preset.id, clause.id);
            assert!(source.url.is_some() || source.number.is_some(), "{}: source {} cannot be found", preset.id, source.id);
        }
        for version in &policy.versions {
            for tier in version.components.iter().flat_map(|c| &c.tiers) {
                assert!(policy.clause(tier.clause).is_some(), "{} tier {}", preset.id, tier.id);
            }
        }
    }
}
