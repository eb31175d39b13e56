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
            assert!(!clause.text.trim().is_empty(), "{}: clause {} quotes nothing", preset.id, clause.id);
        }
        // Each delivery and operator amount is written in the clause it cites (as yuan, "2元" or
        // "2"), unless the clause carries a note saying how the figure was derived from the words.
        for version in &policy.versions {
            let amounts = version
                .delivery
                .iter()
                .map(|d| (&d.id, &d.amount, d.clause))
                .chain(version.operator.iter().map(|o| (&o.id, &o.amount, o.clause)));
            for (id, amount, clause) in amounts {
                let clause = &policy.clauses[clause];
                for (_, fen) in &amount.0 {
                    let figure = fen.to_string();
                    assert!(
                        clause.text.contains(&figure) || clause.note.is_some(),
                        "{} {id}: {figure} yuan is not in clause {} (\"{}\") and no note says where it comes from",
                        preset.id,
                        clause.id,
                        clause.text
                    );
                }
            }
        }
    }
}

/// Every step, hint and note of every preset's own cases serialises to JSON (the CLI prints them;
/// an internally tagged enum with a variant holding a bare value — `Flag(bool)` — cannot be
/// serialised, and its steps came out as `null`).
#[test]
fn every_step_of_every_case_serialises() {
    use zhucan::core::policy::assess;
    let mut steps = 0;
    for preset in PRESETS {
        let policy = parse_policy(preset.toml).unwrap_or_else(|e| panic!("{}: {:?}", preset.id, e));
        for case in &policy.cases {
            let a = assess(&policy, &case.person, &case.meal, Calendar::builtin());
            for s in &a.steps {
                let v = serde_json::to_value(&s.kind).unwrap_or_else(|e| panic!("{} {}: {e}", preset.id, case.name));
                assert!(v.get("step").is_some_and(|s| s.is_string()), "{} {}: {v}", preset.id, case.name);
                steps += 1;
            }
            for h in &a.hints {
                serde_json::to_value(&h.target).unwrap_or_else(|e| panic!("{} {} hint: {e}", preset.id, case.name));
            }
            serde_json::to_value(&a.notes).unwrap_or_else(|e| panic!("{} {} notes: {e}", preset.id, case.name));
        }
    }
    assert!(steps > 100, "{steps} steps checked");
}
