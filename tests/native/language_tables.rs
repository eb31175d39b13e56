//! One translation system (issue 12, item 1): every user-visible word comes from a per-language
//! table (`ZH_CN` and `EN` values of one struct, read through one accessor that matches the locale
//! exhaustively). Code that asks "is this Chinese?" and builds the words itself would let a third
//! language compile with Chinese or English words in it; this scans `src/` for the ways that was
//! written and names each place.

use std::fs;
use std::path::Path;

use super::architecture::rust_files;

/// How code used to pick words by language outside the tables.
const FORBIDDEN: [&str; 7] = ["pick(", "let zh", "zh: bool", "fn zh(", "== Locale::ZhCn", "!= Locale::ZhCn", "Locale::other"];

/// The forbidden patterns in one line of code (comments after `//` are not code). A pattern that
/// ends in a name must end there: `let zh` is not `let zhou`.
fn offences_in(line: &str) -> Vec<&'static str> {
    let code = line.split("//").next().unwrap_or("");
    let ident = |c: char| c.is_alphanumeric() || c == '_';
    FORBIDDEN
        .iter()
        .copied()
        .filter(|p| {
            code.match_indices(p).any(|(i, _)| {
                let ends_in_name = p.chars().next_back().is_some_and(ident);
                !(ends_in_name && code[i + p.len()..].chars().next().is_some_and(ident))
            })
        })
        .collect()
}

#[test]
fn no_words_are_chosen_by_language_outside_the_tables() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    rust_files(&root.join("src"), &mut files);
    files.sort();
    assert!(files.len() >= 20, "expected the crate's modules under {}/src", root.display());
    let mut scanned = 0;
    let mut offences = Vec::new();
    for file in &files {
        let relative = file.strip_prefix(root).unwrap_or(file).to_string_lossy().replace('\\', "/");
        scanned += 1;
        let text = fs::read_to_string(file).unwrap_or_else(|e| panic!("cannot read {relative}: {e}"));
        for (n, line) in text.lines().enumerate() {
            for pattern in offences_in(line) {
                offences.push(format!("{relative}:{}: `{pattern}` in: {}", n + 1, line.trim()));
            }
        }
    }
    assert!(scanned >= 60, "only {scanned} files scanned");
    assert!(
        offences.is_empty(),
        "words chosen by language outside the language tables (put them in the module's table, \
         as `fn` fields with the punctuation inside):\n{}",
        offences.join("\n")
    );
}

#[test]
fn the_scanner_recognises_each_pattern() {
    assert_eq!(offences_in("    let zh = l == Locale::ZhCn;"), ["let zh", "== Locale::ZhCn"]);
    assert_eq!(offences_in("fn row(zh: bool) -> String {"), ["zh: bool"]);
    assert_eq!(offences_in("    fn zh(self) -> bool {"), ["fn zh("]);
    assert_eq!(offences_in("    let w = pick(l, \"是\", \"yes\");"), ["pick("]);
    assert_eq!(offences_in("    if locale != Locale::ZhCn {"), ["!= Locale::ZhCn"]);
    assert_eq!(offences_in("    let other = Locale::other(l);"), ["Locale::other"]);
    // The one accessor per table, and words in comments, are fine.
    assert!(offences_in("        Locale::ZhCn => &ZH_CN,").is_empty());
    assert!(offences_in("    // no `let zh` here any more").is_empty());
    assert!(offences_in("    let zhou = \"周\";").is_empty(), "a longer name is another name");
    assert!(offences_in("    if a.other_locale == Locale::ZhCnX {").is_empty());
}
