//! Reading a policy file: TOML text → [`Policy`], or every problem at once.
//!
//! The reader walks the spanned TOML tree ([`crate::core::toml`]) itself (instead of `serde` with `deny_unknown_fields`,
//! which stops at the first problem), so a civil-affairs official who edits a file sees all of
//! its mistakes together, each with line, column and path. The format is documented in
//! `docs/policy-format.md`.
//!
//! - this module: [`parse_policy`] and the size limit, the public surface;
//! - `reader`: the spanned-TOML reader (`Reader`, `Table` and the typed value readers);
//! - `schema`: what a policy file contains, table by table.

mod reader;
mod schema;

use super::error::{ErrorKind, PolicyError};
use super::model::Policy;
use crate::core::sort::sort_by;
use crate::core::toml;
use reader::Reader;
use schema::read_policy;

/// Policy files larger than this are refused before parsing (a real one is a few kilobytes).
pub const MAX_POLICY_BYTES: usize = 1 << 20;

/// Reads and validates a policy file.
///
/// ```
/// let text = include_str!("../../../../static/policies/dandong-2024.toml");
/// let policy = zhucan::core::policy::parse_policy(text).expect("the Dandong preset is valid");
/// assert_eq!(policy.id, "dandong-2024");
/// ```
pub fn parse_policy(text: &str) -> Result<Policy, Vec<PolicyError>> {
    if text.len() > MAX_POLICY_BYTES {
        return Err(vec![PolicyError { line: 0, column: 0, path: String::new(), kind: ErrorKind::TooLarge { bytes: text.len() } }]);
    }
    let mut r = Reader::new(text);
    let root = match toml::parse(text) {
        Ok(root) => root,
        Err(e) => {
            r.error(&(e.at..e.at), "", ErrorKind::Syntax { problem: e.problem });
            return Err(r.errors);
        }
    };
    let policy = read_policy(&mut r, &root, &(0..0));
    match policy {
        Some(policy) if r.errors.is_empty() => Ok(policy),
        _ => {
            sort_by(&mut r.errors, |a, b| (a.line, a.column).cmp(&(b.line, b.column)));
            if r.errors.is_empty() {
                // Unreachable in practice (every `None` path records an error); never return Err(empty).
                r.error(&(0..0), "", ErrorKind::MissingKey { key: "policy" });
            }
            Err(r.errors)
        }
    }
}
