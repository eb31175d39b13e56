//! Planner project files (versioned JSON with the data files in base64). What reads must write
//! back to a file that reads to the same project.
#![no_main]

use libfuzzer_sys::fuzz_target;
use zhucan::core::planner::project::{from_json, to_json};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    if let Ok((saved, files)) = from_json(&text) {
        let again = to_json(&saved, &files);
        let back = from_json(&again);
        assert!(back.as_ref().is_ok_and(|(s, f)| *s == saved && *f == files), "{again}");
    }
});
