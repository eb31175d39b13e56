//! The spanned-TOML reader under [`super::parse_policy`]: every value is read with its position,
//! and every problem is recorded (with line, column and path) instead of stopping at the first.
//!
//! [`Reader`] collects the problems; [`Table`] is a table being read (it knows its path and reports
//! unknown and missing keys); the typed value readers ([`string`], [`boolean`], [`integer`],
//! [`uint`], [`date`], [`money`], [`text`], [`code`], [`codes`], [`array`], [`dated`], [`ident`] …)
//! each return the value or record why it is not one. What a policy file contains is in
//! [`super::schema`].

use std::collections::BTreeSet;
use std::ops::Range;

use crate::core::date::Date;
use crate::core::money::Fen;
use crate::core::policy::error::{ErrorKind, Expected, PolicyError, Thing};
use crate::core::policy::model::{Dated, Text};
use crate::core::toml::{self, Kind};

/// A TOML value with its byte span in the file.
pub(super) type Value<'i> = toml::Value<'i>;

/// The file being read, and every problem found in it so far.
pub(super) struct Reader<'s> {
    src: &'s str,
    line_starts: Vec<usize>,
    pub(super) errors: Vec<PolicyError>,
}

impl<'s> Reader<'s> {
    /// A reader of `src` with no problems yet.
    pub(super) fn new(src: &'s str) -> Reader<'s> {
        let mut line_starts = vec![0];
        line_starts.extend(src.match_indices('\n').map(|(i, _)| i + 1));
        Reader { src, line_starts, errors: Vec::new() }
    }

    /// 1-based line and column (in characters) of a byte offset.
    pub(super) fn position(&self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.src.len());
        let line = self.line_starts.partition_point(|&s| s <= offset);
        let start = self.line_starts[line.saturating_sub(1)];
        let column = self.src.get(start..offset).map_or(1, |s| s.chars().count() + 1);
        (line, column)
    }

    /// Records a problem at the start of `span`.
    pub(super) fn error(&mut self, span: &Range<usize>, path: &str, kind: ErrorKind) {
        let (line, column) = self.position(span.start);
        self.errors.push(PolicyError { line, column, path: path.to_string(), kind });
    }

    /// Records that `v` is not the `expected` kind of value.
    pub(super) fn bad(&mut self, v: &Value<'_>, path: &str, expected: Expected) {
        let found = describe(&v.kind);
        self.error(&v.span, path, ErrorKind::BadValue { expected, found });
    }
}

/// A short description of a value for error messages.
fn describe(v: &Kind<'_>) -> String {
    let shorten = |s: &str| {
        let mut out: String = s.chars().take(40).collect();
        if s.chars().count() > 40 {
            out.push('…');
        }
        out
    };
    match v {
        Kind::String(s) => format!("\"{}\"", shorten(s)),
        Kind::Integer { digits, .. } => digits.to_string(),
        Kind::Float(f) => f.to_string(),
        Kind::Boolean(b) => b.to_string(),
        Kind::Datetime(d) => d.to_string(),
        Kind::Array(_) => "[…]".into(),
        Kind::Table(_) => "{…}".into(),
    }
}

fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else {
        format!("{path}.{key}")
    }
}

/// A table being read: records which keys exist so unknown ones can be reported.
pub(super) struct Table<'a, 'i> {
    pub(super) map: &'a toml::Table<'i>,
    pub(super) span: Range<usize>,
    pub(super) path: String,
}

impl<'a, 'i> Table<'a, 'i> {
    /// The value of `key`, if given.
    pub(super) fn get(&self, key: &str) -> Option<&'a Value<'i>> {
        self.map.get(key)
    }

    /// The path of `key` in this table (`version[0].caps.per_day`).
    pub(super) fn path(&self, key: &str) -> String {
        join(&self.path, key)
    }

    /// Records every key not in `allowed`.
    pub(super) fn check_keys(&self, r: &mut Reader<'_>, allowed: &[&'static str]) {
        for (key, _) in self.map.iter() {
            if !allowed.contains(&key.name.as_ref()) {
                r.error(&key.span, &self.path, ErrorKind::UnknownKey { key: key.name.to_string(), allowed: allowed.to_vec() });
            }
        }
    }

    /// Records that the required `key` is missing.
    pub(super) fn missing(&self, r: &mut Reader<'_>, key: &'static str) {
        r.error(&self.span, &self.path, ErrorKind::MissingKey { key });
    }
}

/// `v` as a table at `path`, or a problem.
pub(super) fn as_table<'a, 'i>(r: &mut Reader<'_>, v: &'a Value<'i>, path: String) -> Option<Table<'a, 'i>> {
    match &v.kind {
        Kind::Table(map) => Some(Table { map, span: v.span.clone(), path }),
        _ => {
            r.bad(v, &path, Expected::Table);
            None
        }
    }
}

/// The tables of an array of tables (`[[x]]`), or one inline table; each with its path `x[i]`.
pub(super) fn tables<'a, 'i>(r: &mut Reader<'_>, v: &'a Value<'i>, path: &str) -> Vec<Table<'a, 'i>> {
    match &v.kind {
        Kind::Array(items) => items.items.iter().enumerate().filter_map(|(i, item)| as_table(r, item, format!("{path}[{i}]"))).collect(),
        _ => {
            r.bad(v, path, Expected::Array);
            Vec::new()
        }
    }
}

/// A string, or a problem.
pub(super) fn string(r: &mut Reader<'_>, v: &Value<'_>, path: &str) -> Option<String> {
    match &v.kind {
        Kind::String(s) => Some(s.to_string()),
        _ => {
            r.bad(v, path, Expected::String);
            None
        }
    }
}

/// `true` or `false`, or a problem.
pub(super) fn boolean(r: &mut Reader<'_>, v: &Value<'_>, path: &str) -> Option<bool> {
    match &v.kind {
        Kind::Boolean(b) => Some(*b),
        _ => {
            r.bad(v, path, Expected::Bool);
            None
        }
    }
}

/// A whole number in `min..=max` (any radix TOML allows), or a problem.
pub(super) fn integer(r: &mut Reader<'_>, v: &Value<'_>, path: &str, min: i64, max: i64) -> Option<i64> {
    let parsed = match &v.kind {
        Kind::Integer { digits, radix } => i64::from_str_radix(digits, *radix).ok(),
        _ => None,
    };
    match parsed {
        Some(n) if (min..=max).contains(&n) => Some(n),
        _ => {
            r.bad(v, path, Expected::Integer { min, max });
            None
        }
    }
}

/// A non-negative whole number in `min..=max`, or a problem.
pub(super) fn uint(r: &mut Reader<'_>, v: &Value<'_>, path: &str, min: u32, max: u32) -> Option<u32> {
    integer(r, v, path, i64::from(min), i64::from(max)).and_then(|n| u32::try_from(n).ok())
}

/// A date: a TOML local date (`2025-03-04`) or a string `"2025-03-04"`, or a problem.
pub(super) fn date(r: &mut Reader<'_>, v: &Value<'_>, path: &str) -> Option<Date> {
    let parsed = match &v.kind {
        Kind::String(s) => s.parse::<Date>().ok(),
        Kind::Datetime(dt) if dt.time.is_none() && dt.offset.is_none() => dt.date.and_then(|(y, m, d)| Date::new(i32::from(y), m, d)),
        _ => None,
    };
    if parsed.is_none() {
        r.bad(v, path, Expected::Date);
    }
    parsed
}

/// An amount in yuan (`12`, `10.5`, `"10.5"`, at most two decimals, not negative) as fen, or a problem.
pub(super) fn money(r: &mut Reader<'_>, v: &Value<'_>, path: &str) -> Option<Fen> {
    let parsed = match &v.kind {
        Kind::Integer { digits, radix: 10 } => Fen::parse_yuan(digits).ok(),
        Kind::Float(f) => Fen::parse_yuan(f).ok(),
        Kind::String(s) => Fen::parse_yuan(s).ok(),
        _ => None,
    };
    match parsed {
        Some(f) if f.0 >= 0 => Some(f),
        _ => {
            r.bad(v, path, Expected::Money);
            None
        }
    }
}

/// Text: one string for both languages, or `{ zh = "…", en = "…" }` (English defaults to the Chinese).
pub(super) fn text(r: &mut Reader<'_>, v: &Value<'_>, path: &str) -> Option<Text> {
    match &v.kind {
        Kind::String(s) => Some(Text::same(s)),
        Kind::Table(_) => {
            let t = as_table(r, v, path.to_string())?;
            t.check_keys(r, &["zh", "en"]);
            let chinese = match t.get("zh") {
                Some(v) => string(r, v, &t.path("zh")),
                None => {
                    t.missing(r, "zh");
                    None
                }
            }?;
            let english = match t.get("en") {
                Some(v) => string(r, v, &t.path("en"))?,
                None => chinese.clone(),
            };
            Some(Text { zh: chinese, en: english })
        }
        _ => {
            r.bad(v, path, Expected::Text);
            None
        }
    }
}

/// One of the codes of `all` (as `code_of` spells them), or a problem listing them.
pub(super) fn code<T: Copy>(r: &mut Reader<'_>, v: &Value<'_>, path: &str, all: &[T], code_of: fn(T) -> &'static str) -> Option<T> {
    let found = match &v.kind {
        Kind::String(s) => all.iter().copied().find(|x| code_of(*x) == s.as_ref()),
        _ => None,
    };
    if found.is_none() {
        r.bad(v, path, Expected::OneOf(all.iter().map(|x| code_of(*x)).collect()));
    }
    found
}

/// The items of an array, or a problem.
pub(super) fn array<'a, 'i>(r: &mut Reader<'_>, v: &'a Value<'i>, path: &str) -> Option<&'a [Value<'i>]> {
    match &v.kind {
        Kind::Array(items) => Some(&items.items),
        _ => {
            r.bad(v, path, Expected::Array);
            None
        }
    }
}

/// An array of codes of `all`; every bad item is reported.
pub(super) fn codes<T: Copy>(r: &mut Reader<'_>, v: &Value<'_>, path: &str, all: &[T], code_of: fn(T) -> &'static str) -> Option<Vec<T>> {
    let items = array(r, v, path)?;
    let mut out = Vec::new();
    let mut ok = true;
    for (i, item) in items.iter().enumerate() {
        match code(r, item, &format!("{path}[{i}]"), all, code_of) {
            Some(x) => out.push(x),
            None => ok = false,
        }
    }
    ok.then_some(out)
}

/// A plain value, or `[{ from = DATE, value = … }, …]` for values that change on given dates.
pub(super) fn dated<T>(
    r: &mut Reader<'_>,
    v: &Value<'_>,
    path: &str,
    read: &dyn Fn(&mut Reader<'_>, &Value<'_>, &str) -> Option<T>,
) -> Option<Dated<T>> {
    let Kind::Array(toml::Array { items, .. }) = &v.kind else {
        return read(r, v, path).map(Dated::always);
    };
    if items.is_empty() {
        r.error(&v.span, path, ErrorKind::Empty { key: "value" });
        return None;
    }
    let mut out: Vec<(Date, T)> = Vec::new();
    let mut ok = true;
    for (i, item) in items.iter().enumerate() {
        let item_path = format!("{path}[{i}]");
        let Some(t) = as_table(r, item, item_path.clone()) else {
            ok = false;
            continue;
        };
        t.check_keys(r, &["from", "value"]);
        let from = match t.get("from") {
            Some(v) => date(r, v, &t.path("from")),
            None => {
                t.missing(r, "from");
                None
            }
        };
        let value = match t.get("value") {
            Some(v) => read(r, v, &t.path("value")),
            None => {
                t.missing(r, "value");
                None
            }
        };
        match (from, value) {
            (Some(from), Some(value)) => {
                if let Some((prev, _)) = out.last() {
                    if from <= *prev {
                        r.error(&item.span, &item_path, ErrorKind::DatesOutOfOrder { first: *prev, then: from });
                        ok = false;
                    }
                }
                out.push((from, value));
            }
            _ => ok = false,
        }
    }
    ok.then_some(Dated(out))
}

/// An identifier: letters, digits, `-` and `_`, 1–64 characters.
pub(super) fn ident(r: &mut Reader<'_>, t: &Table<'_, '_>, key: &'static str) -> Option<String> {
    let Some(v) = t.get(key) else {
        t.missing(r, key);
        return None;
    };
    let s = string(r, v, &t.path(key))?;
    let ok = !s.is_empty() && s.chars().count() <= 64 && s.chars().all(|c| c.is_alphanumeric() || c == '-' || c == '_' || c == '.');
    if !ok {
        r.bad(v, &t.path(key), Expected::OneOf(vec!["letters, digits, - _ . (1–64)"]));
        return None;
    }
    Some(s)
}

/// The value of `key`, or a problem if it is missing.
pub(super) fn required<'a, 'i>(r: &mut Reader<'_>, t: &Table<'a, 'i>, key: &'static str) -> Option<&'a Value<'i>> {
    let v = t.get(key);
    if v.is_none() {
        t.missing(r, key);
    }
    v
}

/// An array of texts; bad items are reported and left out.
pub(super) fn texts(r: &mut Reader<'_>, v: &Value<'_>, path: &str) -> Vec<Text> {
    let Some(items) = array(r, v, path) else { return Vec::new() };
    items.iter().enumerate().filter_map(|(i, item)| text(r, item, &format!("{path}[{i}]"))).collect()
}

/// Remembers `id` in `seen`; a second table with the same id is reported (and `false`).
pub(super) fn unique(r: &mut Reader<'_>, seen: &mut BTreeSet<String>, id: &str, t: &Table<'_, '_>, what: Thing) -> bool {
    if seen.insert(id.to_string()) {
        true
    } else {
        r.error(&t.span, &t.path, ErrorKind::Duplicate { what, id: id.to_string() });
        false
    }
}

/// How many tables an array of tables holds (1 for anything else).
pub(super) fn tables_len(v: &Value<'_>) -> usize {
    match &v.kind {
        Kind::Array(items) => items.items.len(),
        _ => 1,
    }
}
