//! What the fuzz targets share: the planner's whole path for one demand file, as the worker runs
//! it — the same path the parser robustness properties take (`tests/support/planner_path.rs`).

#[path = "../../tests/support/planner_path.rs"]
mod planner_path;

/// Opens `bytes` as the demand file `name`, imports it with the guessed mapping, adds the fixed
/// candidates and runs k = 2. Every step answers (a reply, possibly an error) and nothing panics.
pub fn through_the_planner(bytes: &[u8], name: &str) {
    let replies = planner_path::replies_for(bytes.to_vec(), name);
    assert!(!replies.is_empty(), "opening a file always answers");
}
