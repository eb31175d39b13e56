//! Problems found in a policy file, each with its line, column and path, in Chinese and English.

use std::fmt;

use serde::Serialize;

use super::error_words::error_words;
use crate::core::date::Date;
use crate::core::Locale;

/// What kind of thing an id names.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Thing {
    /// `[[source]]`
    Source,
    /// `[[clause]]`
    Clause,
    /// `[[category]]`
    Category,
    /// `[[version]]`
    Version,
    /// `[[version.component]]`
    Component,
    /// `[[version.component.tier]]`
    Tier,
    /// `[[version.delivery]]`
    Delivery,
    /// `[[version.operator]]`
    Operator,
}

/// What a value should have been.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Expected {
    /// A table (`[section]` or `{ … }`).
    Table,
    /// An array (`[ … ]`).
    Array,
    /// A string in quotes.
    String,
    /// `true` or `false`.
    Bool,
    /// A whole number in a range.
    Integer {
        /// Smallest allowed.
        min: i64,
        /// Largest allowed.
        max: i64,
    },
    /// A date `YYYY-MM-DD`.
    Date,
    /// An amount in yuan (12, 10.5, "10.5").
    Money,
    /// Text: a string, or `{ zh = "…", en = "…" }`.
    Text,
    /// One of these words.
    OneOf(Vec<&'static str>),
    /// A condition (`{ age_at_least = 80 }`, `{ all = [ … ] }` …).
    Condition,
    /// A date, or `"unknown"` when the source does not state it (a version's `from`).
    DateOrUnknown,
}

/// What is wrong.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ErrorKind {
    /// The text is not valid TOML.
    Syntax {
        /// What the TOML reader found wrong.
        problem: crate::core::toml::Problem,
    },
    /// A key the format does not have (often a typo).
    UnknownKey {
        /// The key.
        key: String,
        /// The keys allowed here.
        allowed: Vec<&'static str>,
    },
    /// A required key is missing.
    MissingKey {
        /// The key.
        key: &'static str,
    },
    /// A value of the wrong type or form.
    BadValue {
        /// What was expected.
        expected: Expected,
        /// What was found (shortened).
        found: String,
    },
    /// Two things share an id.
    Duplicate {
        /// What kind of thing.
        what: Thing,
        /// The id.
        id: String,
    },
    /// An id that names nothing.
    UnknownRef {
        /// What kind of thing it should name.
        what: Thing,
        /// The id.
        id: String,
    },
    /// A figure with no clause: every figure needs its source.
    NoClause {
        /// The key that should name the clause.
        key: &'static str,
    },
    /// A source that says neither where nor which document.
    SourceUnlocatable,
    /// Dates that go backwards.
    DatesOutOfOrder {
        /// The earlier-listed date.
        first: Date,
        /// The later-listed date, which is earlier or equal.
        then: Date,
    },
    /// Two versions in force on the same day.
    VersionsOverlap {
        /// First version id.
        a: String,
        /// Second version id.
        b: String,
    },
    /// Two tiers of a component whose age bands overlap with otherwise equal conditions.
    TiersOverlap {
        /// First tier id.
        a: String,
        /// Second tier id.
        b: String,
        /// First age in both bands.
        from_age: u32,
        /// Last age in both bands (`None`: no upper end).
        to_age: Option<u32>,
    },
    /// Exactly one of these keys must be given.
    ExactlyOne {
        /// The alternatives.
        keys: Vec<&'static str>,
    },
    /// A list that must not be empty.
    Empty {
        /// The key.
        key: &'static str,
    },
    /// A version whose start date is unknown that is not the first: only the first version can
    /// be "in force until the next one starts".
    UnknownStartNotFirst {
        /// The version's id.
        id: String,
    },
    /// A key that means something only beside another one.
    OnlyWith {
        /// The key given.
        key: &'static str,
        /// The key it needs.
        needs: &'static str,
    },
    /// The file is too large to be a policy.
    TooLarge {
        /// Its size in bytes.
        bytes: usize,
    },
}

/// One problem in a policy file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct PolicyError {
    /// 1-based line (0: not tied to a place in the file).
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
    /// Where in the structure, e.g. `version[1].component[0].tier[2].subsidy`.
    pub path: String,
    /// What is wrong.
    pub kind: ErrorKind,
}

impl PolicyError {
    /// The message in `locale`, without the position.
    pub fn message(&self, locale: Locale) -> String {
        let w = error_words(locale);
        match &self.kind {
            ErrorKind::Syntax { problem } => (w.syntax)(problem.message(locale)),
            ErrorKind::UnknownKey { key, allowed } => (w.unknown_key)(key, allowed),
            ErrorKind::MissingKey { key } => (w.missing_key)(key),
            ErrorKind::BadValue { expected, found } => (w.bad_value)(&(w.expected)(expected), found),
            ErrorKind::Duplicate { what, id } => (w.duplicate)((w.thing)(*what), id),
            ErrorKind::UnknownRef { what, id } => (w.unknown_ref)((w.thing)(*what), id),
            ErrorKind::NoClause { key } => (w.no_clause)(key),
            ErrorKind::SourceUnlocatable => w.source_unlocatable.into(),
            ErrorKind::DatesOutOfOrder { first, then } => (w.dates_out_of_order)(*first, *then),
            ErrorKind::VersionsOverlap { a, b } => (w.versions_overlap)(a, b),
            ErrorKind::TiersOverlap { a, b, from_age, to_age } => (w.tiers_overlap)(a, b, *from_age, *to_age),
            ErrorKind::ExactlyOne { keys } => (w.exactly_one)(keys),
            ErrorKind::Empty { key } => (w.empty)(key),
            ErrorKind::UnknownStartNotFirst { id } => (w.unknown_start_not_first)(id),
            ErrorKind::OnlyWith { key, needs } => (w.only_with)(key, needs),
            ErrorKind::TooLarge { bytes } => (w.too_large)(*bytes),
        }
    }

    /// `第 3 行第 5 列（version[0].from）：…` / `line 3, column 5 (version[0].from): …`
    pub fn display(&self, locale: Locale) -> String {
        let w = error_words(locale);
        let msg = self.message(locale);
        match (self.line, self.path.is_empty()) {
            (0, true) => msg,
            (0, false) => (w.at_path)(&self.path, &msg),
            (l, true) => (w.at_line)(l, self.column, &msg),
            (l, false) => (w.at_line_path)(l, self.column, &self.path, &msg),
        }
    }
}

impl fmt::Display for PolicyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.display(Locale::En))
    }
}
