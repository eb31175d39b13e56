//! Trunk must be told the exact wasm-bindgen version that Cargo.lock pins; otherwise `trunk build
//! --offline` fails, or a mismatched wasm-bindgen-cli produces a broken bundle.

use std::fs;
use std::path::Path;

fn read(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(name);
    fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}

/// The version of `package` in Cargo.lock.
fn locked_version(lock: &str, package: &str) -> Option<String> {
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line.trim() == format!("name = \"{package}\"") {
            let version = lines.next()?.trim().strip_prefix("version = \"")?.strip_suffix('"')?;
            return Some(version.to_string());
        }
    }
    None
}

/// A quoted value `key = "value"` in Trunk.toml.
fn trunk_value(toml: &str, key: &str) -> Option<String> {
    toml.lines().find_map(|line| {
        let (k, v) = line.split_once('=')?;
        (k.trim() == key).then(|| v.trim().trim_matches('"').to_string())
    })
}

#[test]
fn trunk_pins_the_locked_wasm_bindgen() {
    let locked = locked_version(&read("Cargo.lock"), "wasm-bindgen").expect("wasm-bindgen in Cargo.lock");
    let pinned = trunk_value(&read("Trunk.toml"), "wasm_bindgen").expect("[tools] wasm_bindgen in Trunk.toml");
    assert_eq!(pinned, locked, "Trunk.toml [tools] wasm_bindgen must equal Cargo.lock");
}

#[test]
fn trunk_builds_offline() {
    assert_eq!(trunk_value(&read("Trunk.toml"), "offline").as_deref(), Some("true"));
}

#[test]
fn lock_parser_reads_the_line_after_the_name() {
    let lock = "[[package]]\nname = \"wasm-bindgen-macro\"\nversion = \"9\"\n\n[[package]]\nname = \"wasm-bindgen\"\nversion = \"0.2.7\"\n";
    assert_eq!(locked_version(lock, "wasm-bindgen").as_deref(), Some("0.2.7"));
    assert_eq!(locked_version(lock, "absent"), None);
}
