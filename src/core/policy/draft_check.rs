//! Checking a draft in the policy studio with the loader's own messages: the draft is written
//! ([`super::draft_write`]) and read by the real loader ([`super::load::parse_policy`]); each
//! problem is mapped back to the draft field it concerns ([`Problem::field`], path syntax in
//! [`super::draft`]); when the file loads, the policy's own `[[case]]`s are run.

use super::cases::run_cases;
use super::draft::PolicyDraft;
use super::draft_write::write;
use super::error::{ErrorKind, PolicyError};
use super::load::parse_policy;
use super::model::Policy;
use crate::core::calendar::Calendar;
use crate::core::Locale;

/// One problem of a draft, in the loader's words, for the field it concerns.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// The draft field (`version[0].component[1].tier[0].subsidy`, `policy.name`, `source`).
    pub field: String,
    /// The loader's message in the user's language, without the position.
    pub message: String,
    /// Line in the written file (1-based; 0 when it has none).
    pub line: usize,
    /// Column in the written file.
    pub column: usize,
    /// The loader's problem itself.
    pub error: PolicyError,
}

impl Problem {
    /// Is the problem about `field` or something inside it (`version[0]` holds
    /// `version[0].component[1].id`, not `version[01]`)?
    pub fn is_under(&self, field: &str) -> bool {
        under(&self.field, field)
    }
}

/// Does `path` equal `prefix` or lie inside it?
fn under(path: &str, prefix: &str) -> bool {
    path == prefix || (path.starts_with(prefix) && matches!(path.as_bytes().get(prefix.len()), Some(b'.') | Some(b'[')))
}

/// A field of a test case whose result differs from the expectation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CaseMismatch {
    /// The draft field (`case[2].expect.subsidy`).
    pub field: String,
    /// The key (`subsidy`, `pay`, `tier` …).
    pub key: &'static str,
    /// What the case expects (yuan, `true`, tier ids).
    pub expected: String,
    /// What the policy gives.
    pub got: String,
}

/// One test case run.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CaseCheck {
    /// Its index in [`PolicyDraft::cases`].
    pub index: usize,
    /// Its name.
    pub name: String,
    /// The differences (empty: it passes).
    pub mismatches: Vec<CaseMismatch>,
}

impl CaseCheck {
    /// Did every expected field match?
    pub fn passed(&self) -> bool {
        self.mismatches.is_empty()
    }
}

/// A draft checked: its problems, and once it loads, the policy and its cases.
#[derive(Clone, Debug)]
pub struct DraftCheck {
    /// The written file.
    pub toml: String,
    /// The loader's problems (empty when it loads).
    pub problems: Vec<Problem>,
    /// The loaded policy, when there is no problem.
    pub policy: Option<Policy>,
    /// The policy's own cases, run (empty while it does not load).
    pub cases: Vec<CaseCheck>,
}

impl DraftCheck {
    /// Loads with no problem and every case passes.
    pub fn ok(&self) -> bool {
        self.policy.is_some() && self.cases.iter().all(CaseCheck::passed)
    }
}

/// The draft's problems, in the loader's words in `locale`, each with its draft field.
pub fn validate(draft: &PolicyDraft, locale: Locale) -> Vec<Problem> {
    let written = write(draft, locale);
    match parse_policy(&written.text) {
        Ok(_) => Vec::new(),
        Err(errors) => problems(errors, &written.paths, locale),
    }
}

/// The draft written, loaded and its cases run against `calendar`.
pub fn check(draft: &PolicyDraft, locale: Locale, calendar: &Calendar) -> DraftCheck {
    let written = write(draft, locale);
    match parse_policy(&written.text) {
        Ok(policy) => {
            let cases = run_cases(&policy, calendar)
                .into_iter()
                .enumerate()
                .map(|(index, r)| CaseCheck {
                    index,
                    name: r.name,
                    mismatches: r
                        .mismatches
                        .into_iter()
                        .map(|m| CaseMismatch {
                            field: format!("case[{index}].expect.{}", m.field),
                            key: m.field,
                            expected: m.expected,
                            got: m.actual,
                        })
                        .collect(),
                })
                .collect();
            DraftCheck { toml: written.text, problems: Vec::new(), policy: Some(policy), cases }
        }
        Err(errors) => {
            let problems = problems(errors, &written.paths, locale);
            DraftCheck { toml: written.text, problems, policy: None, cases: Vec::new() }
        }
    }
}

fn problems(errors: Vec<PolicyError>, paths: &[(String, String)], locale: Locale) -> Vec<Problem> {
    errors
        .into_iter()
        .map(|e| Problem { field: field(&e, paths), message: e.message(locale), line: e.line, column: e.column, error: e })
        .collect()
}

/// The draft field a loader problem concerns: its path, with the key for problems reported on
/// the table that lacks it, translated where the writer merged conditions.
fn field(e: &PolicyError, paths: &[(String, String)]) -> String {
    let join = |key: &str| if e.path.is_empty() { key.to_string() } else { format!("{}.{key}", e.path) };
    let loader = match &e.kind {
        ErrorKind::MissingKey { key } | ErrorKind::NoClause { key } => join(key),
        ErrorKind::UnknownKey { key, .. } => join(key),
        ErrorKind::Duplicate { .. } if e.path.ends_with(']') => join("id"),
        _ => e.path.clone(),
    };
    // The deepest recorded prefix wins (merged conditions inside merged conditions).
    let best = paths.iter().filter(|(from, _)| under(&loader, from)).max_by_key(|(from, _)| from.len());
    match best {
        Some((from, to)) => format!("{to}{}", &loader[from.len()..]),
        None => loader,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_path_is_under_itself_and_its_parents_only() {
        assert!(under("version[0].component[1].id", "version[0]"));
        assert!(under("version[0]", "version[0]"));
        assert!(under("version[0].caps", "version[0].caps"));
        assert!(!under("version[01].id", "version[0]"));
        assert!(!under("version[0].capsule", "version[0].caps"));
    }
}
