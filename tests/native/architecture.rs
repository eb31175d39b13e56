//! The pure core must not depend on the web stack. Native `cargo test` already builds it without
//! the optional web crates; this also catches a `crate::ui` import, which the `ui` feature would
//! otherwise allow.

use std::fs;
use std::path::{Path, PathBuf};

const FORBIDDEN: [&str; 6] = ["yew", "web_sys", "gloo", "wasm_bindgen", "js_sys", "crate::ui"];

/// Every `.rs` file under `dir` (also used by the language-tables scan).
pub(crate) fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let entries = fs::read_dir(dir).unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()));
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// Names a forbidden crate as a path segment: `yew::`, `use yew`, `gloo::` … (not `yewish`).
fn mentions(line: &str, name: &str) -> bool {
    let code = line.split("//").next().unwrap_or("");
    code.match_indices(name).any(|(i, _)| {
        let before = code[..i].chars().next_back();
        let after = code[i + name.len()..].chars().next();
        let ident = |c: char| c.is_alphanumeric() || c == '_';
        !before.is_some_and(ident) && !after.is_some_and(ident)
    })
}

#[test]
fn core_has_no_web_imports() {
    let core = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/core");
    let mut files = Vec::new();
    rust_files(&core, &mut files);
    assert!(files.len() >= 4, "expected the core's modules under {}", core.display());
    let mut offences = Vec::new();
    for file in &files {
        let text = fs::read_to_string(file).unwrap_or_default();
        for (n, line) in text.lines().enumerate() {
            for name in FORBIDDEN {
                if mentions(line, name) {
                    offences.push(format!("{}:{}: {}", file.display(), n + 1, line.trim()));
                }
            }
        }
    }
    assert!(offences.is_empty(), "the core must stay free of web code:\n{}", offences.join("\n"));
}

#[test]
fn the_scanner_recognises_imports() {
    assert!(mentions("use yew::prelude::*;", "yew"));
    assert!(mentions("    let w = web_sys::window();", "web_sys"));
    assert!(mentions("use crate::ui::App;", "crate::ui"));
    assert!(!mentions("let yewish = 1;", "yew"));
    assert!(!mentions("// gloo is not used here", "gloo"));
}

/// The calculator's download (the `zhucan-web` app) must not pull in the planner's interface:
/// the planner is its own app (`zhucan-planner`), fetched when its tab is first opened, and only
/// that keeps the residents' first load inside its size budget. Only the planner's own files
/// and its app's entry point may name `ui::planner`.
#[test]
fn the_calculator_app_does_not_import_the_planner() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    rust_files(&root.join("src/ui"), &mut files);
    files.push(root.join("src/main.rs"));
    let planner_dir = root.join("src/ui/planner");
    let mut offences = Vec::new();
    for file in files.iter().filter(|f| !f.starts_with(&planner_dir)) {
        let text = fs::read_to_string(file).unwrap_or_default();
        for (n, line) in text.lines().enumerate() {
            if mentions(line, "planner::Planner") || mentions(line, "ui::planner") || line.trim_start().starts_with("use self::planner") {
                offences.push(format!("{}:{}: {}", file.display(), n + 1, line.trim()));
            }
        }
    }
    assert!(offences.is_empty(), "the calculator app imports the planner UI:\n{}", offences.join("\n"));
    let planner_main = fs::read_to_string(root.join("src/bin/planner.rs")).unwrap_or_default();
    assert!(planner_main.contains("ui::planner::PlannerApp"), "the planner app mounts the planner");
}

/// The layers import downwards only: the file formats (`core::io`) and the shared basics (`geo`,
/// `form`, `text_input`, `date`, `money`, `calendar`, `locale`) never reach up into the domains,
/// the calculator's domain (`policy`) knows nothing of the planner's or the cost estimate's, and
/// the one-meal engine (`policy/assess`) does not import the month simulator built on it (these
/// were import circles once).
#[test]
fn layers_import_downwards_only() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/core");
    let rules: [(&str, &[&str]); 10] = [
        ("io", &["core::planner", "core::policy", "core::scenario", "super::super::planner"]),
        ("geo.rs", &["core::planner", "core::policy", "core::scenario", "core::io"]),
        ("form.rs", &["core::planner", "core::policy", "core::scenario"]),
        ("text_input.rs", &["core::planner", "core::policy", "core::scenario"]),
        ("date.rs", &["core::planner", "core::policy", "core::scenario"]),
        ("money.rs", &["core::planner", "core::policy", "core::scenario"]),
        ("calendar.rs", &["core::planner", "core::policy", "core::scenario"]),
        ("locale.rs", &["core::planner", "core::policy", "core::scenario"]),
        ("policy", &["core::planner", "core::scenario"]),
        ("policy/assess", &["simulate"]),
    ];
    let mut offences = Vec::new();
    for (place, forbidden) in rules {
        let path = root.join(place);
        let mut files = Vec::new();
        if path.is_dir() {
            rust_files(&path, &mut files);
        } else {
            files.push(path.clone());
        }
        assert!(!files.is_empty() && files.iter().all(|f| f.exists()), "{place} is not in src/core");
        for file in &files {
            let text = fs::read_to_string(file).unwrap_or_default();
            for (n, line) in text.lines().enumerate() {
                let code = line.split("//").next().unwrap_or("");
                for name in forbidden {
                    if code.contains(name) {
                        offences.push(format!("{}:{}: {place} must not import {name}: {}", file.display(), n + 1, line.trim()));
                    }
                }
            }
        }
    }
    assert!(offences.is_empty(), "an import against the layers:\n{}", offences.join("\n"));
}
