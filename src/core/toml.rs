//! A small TOML 1.1 reader that keeps the byte span of every key and value, for the policy files
//! (`policy::load`) and the working-day calendar (`calendar`).
//!
//! Why not the `toml` crate: it was the largest single part of the calculator's download (the
//! `toml` and `toml_parser` crates came to about 60 KB of the WebAssembly before compression,
//! issue 17), and the loader only needs a spanned tree: it reads every value itself to report
//! all problems with line, column and path. The spanned TOML readers that would fit either do not
//! read dates (`toml-span`) or need a newer Rust than this project's minimum (`toml-spanner`).
//! This reader accepts exactly the documents that `toml` 1.2 (TOML 1.1) accepts and gives the same
//! tree with the same spans: keys in byte order (as `toml`'s map without `preserve_order`), a table
//! opened by a header spans the header, an array of tables spans its first header, a table made
//! implicitly by a dotted key or header spans that key, the root spans `0..0`. Integers and floats
//! keep their text (without `_`; a radix prefix is dropped and the radix kept), as the loader
//! parses amounts from the text. The native test `toml_reader` compares it with `toml` on every
//! policy file, the calendar and the fuzzing corpus. A syntax error gives the first problem and
//! where it is; its wording is this module's own.

use std::borrow::Cow;
use std::fmt;
use std::ops::Range;

/// How deeply arrays and inline tables may nest, and how many parts a dotted key may have (as `toml`).
const LIMIT: usize = 80;

/// A value with its byte span in the document.
#[derive(Clone, Debug, PartialEq)]
pub struct Value<'i> {
    /// Where the value is written (for a table opened by a header: the header).
    pub span: Range<usize>,
    /// The value.
    pub kind: Kind<'i>,
}

/// A key with its byte span (quotes included).
#[derive(Clone, Debug, PartialEq)]
pub struct Key<'i> {
    /// Where the key is written.
    pub span: Range<usize>,
    /// The key, unquoted and unescaped.
    pub name: Cow<'i, str>,
}

/// The kinds of TOML value.
#[derive(Clone, Debug, PartialEq)]
pub enum Kind<'i> {
    /// A string, unescaped.
    String(Cow<'i, str>),
    /// An integer: its digits (sign kept, `_` and any `0x`/`0o`/`0b` prefix dropped) and radix.
    Integer {
        /// The digits, for `i64::from_str_radix`.
        digits: Cow<'i, str>,
        /// 2, 8, 10 or 16.
        radix: u32,
    },
    /// A float as written, without `_` (`1.5`, `-2e3`, `inf`, `+nan`).
    Float(Cow<'i, str>),
    /// `true` or `false`.
    Boolean(bool),
    /// A date, time or date-time.
    Datetime(Datetime),
    /// An array (also an array of tables).
    Array(Array<'i>),
    /// A table (also an inline table).
    Table(Table<'i>),
}

/// The items of an array.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Array<'i> {
    /// The values, in order.
    pub items: Vec<Value<'i>>,
    /// Made by `[[header]]`s (only those may be extended by another header).
    of_tables: bool,
}

/// A table: its entries sorted by key.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Table<'i> {
    entries: Vec<(Key<'i>, Value<'i>)>,
    /// Made by a dotted key or header path, not (yet) by its own header.
    implicit: bool,
    /// Made or extended by a dotted key.
    dotted: bool,
    /// Written inline (`{ … }`): closed to later additions.
    inline: bool,
}

impl<'i> Table<'i> {
    /// The entries, in byte order of the keys.
    pub fn iter(&self) -> impl Iterator<Item = (&Key<'i>, &Value<'i>)> {
        self.entries.iter().map(|(k, v)| (k, v))
    }

    /// The value of `key`.
    pub fn get(&self, key: &str) -> Option<&Value<'i>> {
        self.find(key).ok().map(|i| &self.entries[i].1)
    }

    /// No entries?
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    fn find(&self, key: &str) -> Result<usize, usize> {
        self.entries.binary_search_by(|(k, _)| k.name.as_ref().cmp(key))
    }

    fn new_implicit(dotted: bool) -> Table<'i> {
        Table { implicit: true, dotted, ..Table::default() }
    }
}

/// A TOML date, time or date-time (the parts given).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Datetime {
    /// Year, month, day.
    pub date: Option<(u16, u8, u8)>,
    /// Hour, minute, second (if given), nanosecond (if a fraction is given).
    pub time: Option<(u8, u8, Option<u8>, Option<u32>)>,
    /// Minutes east of UTC; `Some(None)` for `Z`.
    pub offset: Option<Option<i16>>,
}

impl fmt::Display for Datetime {
    /// As `toml` writes it: `2025-03-04`, `2025-03-04T08:30:00.5+08:00`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some((y, m, d)) = self.date {
            write!(f, "{y:04}-{m:02}-{d:02}")?;
            if self.time.is_some() {
                f.write_str("T")?;
            }
        }
        if let Some((h, min, s, nano)) = self.time {
            write!(f, "{h:02}:{min:02}")?;
            if let Some(s) = s.or(nano.map(|_| 0)) {
                write!(f, ":{s:02}")?;
            }
            if let Some(nano) = nano {
                let digits = format!("{nano:09}");
                let digits = digits.trim_end_matches('0');
                write!(f, ".{}", if digits.is_empty() { "0" } else { digits })?;
            }
        }
        match self.offset {
            Some(None) => f.write_str("Z"),
            Some(Some(m)) => write!(f, "{}{:02}:{:02}", if m < 0 { '-' } else { '+' }, m.abs() / 60, m.abs() % 60),
            None => Ok(()),
        }
    }
}

/// Why a document is not TOML: the first problem found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Error {
    /// Byte offset of the problem.
    pub at: usize,
    /// What is wrong.
    pub problem: Problem,
}

/// What is wrong with a document that is not TOML (worded by [`Problem::message`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Problem {
    /// Cannot extend this value with a dotted key.
    CannotExtendValue,
    /// Cannot extend an inline table.
    CannotExtendInline,
    /// Duplicate key.
    DuplicateKey,
    /// Invalid character in comment.
    BadCharInComment,
    /// Expected a newline after the value.
    ExpectedNewline,
    /// Invalid character.
    BadChar,
    /// Expected `=`.
    ExpectedEquals,
    /// Expected `]`.
    ExpectedBracket,
    /// Too many dotted keys.
    TooManyDots,
    /// Expected a key.
    ExpectedKey,
    /// Nested too deeply.
    TooDeep,
    /// Expected `,` or `]`.
    ExpectedCommaOrBracket,
    /// Expected `,` or `}`.
    ExpectedCommaOrBrace,
    /// Expected a value.
    ExpectedValue,
    /// Invalid value (not a number, date, true or false; is a string missing its quotes?).
    BadValue,
    /// Invalid unicode escape.
    BadUnicodeEscape,
    /// Invalid escape.
    BadEscape,
    /// Unterminated string.
    UnterminatedString,
    /// Invalid character in string.
    BadCharInString,
    /// Too many quotes.
    TooManyQuotes,
}

/// The words for a document's problems, in one language.
pub struct TomlWords {
    /// A problem in words.
    pub problem: fn(Problem) -> &'static str,
}

/// 简体中文.
pub const ZH_CN: TomlWords = TomlWords {
    problem: |p| match p {
        Problem::CannotExtendValue => "这个值不能再用带点的键往下写",
        Problem::CannotExtendInline => "行内表（{ … }）写好后不能再往里加键",
        Problem::DuplicateKey => "同一个键写了两次",
        Problem::BadCharInComment => "注释里有不允许的字符",
        Problem::ExpectedNewline => "值后面应当换行",
        Problem::BadChar => "这里有不允许的字符",
        Problem::ExpectedEquals => "这里应当是“=”",
        Problem::ExpectedBracket => "这里应当是“]”",
        Problem::TooManyDots => "键里的点太多了",
        Problem::ExpectedKey => "这里应当是一个键",
        Problem::TooDeep => "嵌套的层数太多了",
        Problem::ExpectedCommaOrBracket => "这里应当是“,”或“]”",
        Problem::ExpectedCommaOrBrace => "这里应当是“,”或“}”",
        Problem::ExpectedValue => "这里应当有一个值",
        Problem::BadValue => "这个值不是数字、日期、true 或 false；文字是不是少了引号？",
        Problem::BadUnicodeEscape => "\\u 转义写得不对",
        Problem::BadEscape => "反斜杠转义写得不对",
        Problem::UnterminatedString => "文字的引号没有结束",
        Problem::BadCharInString => "文字里有不允许的字符",
        Problem::TooManyQuotes => "引号太多了",
    },
};

/// English.
pub const EN: TomlWords = TomlWords {
    problem: |p| match p {
        Problem::CannotExtendValue => "cannot extend this value with a dotted key",
        Problem::CannotExtendInline => "cannot extend an inline table",
        Problem::DuplicateKey => "duplicate key",
        Problem::BadCharInComment => "invalid character in comment",
        Problem::ExpectedNewline => "expected a newline after the value",
        Problem::BadChar => "invalid character",
        Problem::ExpectedEquals => "expected `=`",
        Problem::ExpectedBracket => "expected `]`",
        Problem::TooManyDots => "too many dotted keys",
        Problem::ExpectedKey => "expected a key",
        Problem::TooDeep => "nested too deeply",
        Problem::ExpectedCommaOrBracket => "expected `,` or `]`",
        Problem::ExpectedCommaOrBrace => "expected `,` or `}`",
        Problem::ExpectedValue => "expected a value",
        Problem::BadValue => "invalid value (not a number, date, true or false; is a string missing its quotes?)",
        Problem::BadUnicodeEscape => "invalid unicode escape",
        Problem::BadEscape => "invalid escape",
        Problem::UnterminatedString => "unterminated string",
        Problem::BadCharInString => "invalid character in string",
        Problem::TooManyQuotes => "too many quotes",
    },
};

/// The table for a language.
pub fn words(l: crate::core::Locale) -> &'static TomlWords {
    match l {
        crate::core::Locale::ZhCn => &ZH_CN,
        crate::core::Locale::En => &EN,
    }
}

impl Problem {
    /// The problem in words.
    pub fn message(self, l: crate::core::Locale) -> &'static str {
        (words(l).problem)(self)
    }
}

type Res<T> = Result<T, Error>;

/// Reads a TOML document into its root table.
///
/// ```
/// use zhucan::core::toml::{parse, Kind};
/// let root = parse("[policy]\nid = \"x\" # a comment\n").expect("valid");
/// let policy = root.get("policy").expect("policy");
/// assert_eq!(policy.span, 0..8);
/// let Kind::Table(t) = &policy.kind else { panic!("a table") };
/// assert_eq!(t.get("id").map(|v| &v.kind), Some(&Kind::String("x".into())));
/// assert_eq!(parse("a = 1\na = 2").map_err(|e| e.at), Err(6));
/// ```
pub fn parse(src: &str) -> Result<Table<'_>, Error> {
    let mut p = Parser { src, b: src.as_bytes(), pos: 0, depth: 0 };
    if src.starts_with('\u{feff}') {
        p.pos = 3;
    }
    p.document()
}

/// A `[header]` or `[[header]]`.
struct Header<'i> {
    path: Vec<Key<'i>>,
    key: Key<'i>,
    span: Range<usize>,
    array: bool,
}

struct Parser<'i> {
    src: &'i str,
    b: &'i [u8],
    pos: usize,
    depth: usize,
}

fn fail<T>(at: usize, problem: Problem) -> Res<T> {
    Err(Error { at, problem })
}

/// Bytes allowed in comments and strings besides the delimiters: tab, printable ASCII, any non-ASCII.
fn plain(c: u8) -> bool {
    c == b'\t' || (0x20..0x7f).contains(&c) || c >= 0x80
}

fn bare_key_char(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'-' || c == b'_'
}

/// Ends an unquoted value (as `toml`'s lexer: the dot joins, whitespace joins two atoms).
fn ends_scalar(c: u8) -> bool {
    matches!(c, b'=' | b',' | b'[' | b']' | b'{' | b'}' | b' ' | b'\t' | b'#' | b'\r' | b'\n')
}

/// Removes `_` from number text (borrowed when there is none).
fn no_underscores(s: &str) -> Cow<'_, str> {
    if s.contains('_') {
        Cow::Owned(s.replace('_', ""))
    } else {
        Cow::Borrowed(s)
    }
}

/// `s` is `digit *( [_] digit )` for `digit` — the TOML digit runs.
fn digit_run(s: &str, digit: fn(u8) -> bool) -> bool {
    let b = s.as_bytes();
    !b.is_empty()
        && digit(b[0])
        && digit(b[b.len() - 1])
        && b.windows(2).all(|w| (digit(w[0]) || w[0] == b'_') && (digit(w[1]) || (w[1] == b'_' && w[0] != b'_')))
}

fn dec(c: u8) -> bool {
    c.is_ascii_digit()
}

/// A number (`1_000`, `-3`, `0xff`, `1.5e3`, `inf`), or `None`.
fn number(s: &str) -> Option<Kind<'_>> {
    let body = s.strip_prefix(['+', '-']).unwrap_or(s);
    if body == "inf" || body == "nan" {
        return Some(Kind::Float(Cow::Borrowed(s)));
    }
    for (prefix, radix, digit) in [
        ("0x", 16, (|c: u8| c.is_ascii_hexdigit()) as fn(u8) -> bool),
        ("0o", 8, |c| (b'0'..=b'7').contains(&c)),
        ("0b", 2, |c| c == b'0' || c == b'1'),
    ] {
        if let Some(digits) = s.strip_prefix(prefix) {
            return digit_run(digits, digit).then(|| Kind::Integer { digits: no_underscores(digits), radix });
        }
    }
    // Split into integer part, fraction and exponent.
    let exp_at = body.find(['e', 'E']);
    let (mantissa, exponent) = match exp_at {
        Some(i) => (&body[..i], Some(&body[i + 1..])),
        None => (body, None),
    };
    let (int, frac) = match mantissa.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (mantissa, None),
    };
    let int_ok = digit_run(int, dec) && (int == "0" || !int.starts_with('0'));
    let frac_ok = frac.is_none_or(|f| digit_run(f, dec));
    let exp_ok = exponent.is_none_or(|e| digit_run(e.strip_prefix(['+', '-']).unwrap_or(e), dec));
    if !(int_ok && frac_ok && exp_ok) {
        return None;
    }
    let text = no_underscores(s);
    Some(if frac.is_none() && exponent.is_none() { Kind::Integer { digits: text, radix: 10 } } else { Kind::Float(text) })
}

/// Reads exactly `n` digits at `*i`.
fn fixed_digits(b: &[u8], i: &mut usize, n: usize) -> Option<u32> {
    let run = b.get(*i..)?.iter().take_while(|c| c.is_ascii_digit()).count();
    if run != n {
        return None;
    }
    let v = b[*i..*i + n].iter().fold(0u32, |v, c| v * 10 + u32::from(c - b'0'));
    *i += n;
    Some(v)
}

/// A date, time or date-time as `toml_datetime` reads them (TOML 1.1: seconds optional).
fn datetime(s: &str) -> Option<Datetime> {
    let b = s.as_bytes();
    let mut i = 0;
    let eat = |i: &mut usize, c: u8| {
        let ok = b.get(*i) == Some(&c);
        *i += usize::from(ok);
        ok
    };
    let mut out = Datetime { date: None, time: None, offset: None };
    let leading = b.iter().take_while(|c| c.is_ascii_digit()).count();
    let has_date = b.get(leading) == Some(&b'-');
    if has_date {
        let y = fixed_digits(b, &mut i, 4)?;
        eat(&mut i, b'-').then_some(())?;
        let m = fixed_digits(b, &mut i, 2)?;
        eat(&mut i, b'-').then_some(())?;
        let d = fixed_digits(b, &mut i, 2)?;
        let leap = y % 4 == 0 && (y % 100 != 0 || y % 400 == 0);
        let days = match m {
            2 if leap => 29,
            2 => 28,
            4 | 6 | 9 | 11 => 30,
            1..=12 => 31,
            _ => return None,
        };
        if !(1..=days).contains(&d) {
            return None;
        }
        out.date = Some((y as u16, m as u8, d as u8));
        match b.get(i) {
            None => return Some(out),
            Some(b'T' | b't' | b' ') => i += 1,
            Some(_) => return None,
        }
    }
    let h = fixed_digits(b, &mut i, 2)?;
    eat(&mut i, b':').then_some(())?;
    let min = fixed_digits(b, &mut i, 2)?;
    let mut sec = None;
    let mut nano = None;
    if eat(&mut i, b':') {
        sec = Some(fixed_digits(b, &mut i, 2)?);
        if eat(&mut i, b'.') {
            let run = b[i..].iter().take_while(|c| c.is_ascii_digit()).count();
            if run == 0 {
                return None;
            }
            nano = Some(b[i..i + run].iter().take(9).enumerate().fold(0u32, |v, (k, c)| v + u32::from(c - b'0') * 10u32.pow(8 - k as u32)));
            i += run;
        }
    }
    if h > 23 || min > 59 || sec.unwrap_or(0) > 60 {
        return None;
    }
    out.time = Some((h as u8, min as u8, sec.map(|s| s as u8), nano));
    if has_date {
        match b.get(i) {
            Some(b'Z' | b'z') => {
                i += 1;
                out.offset = Some(None);
            }
            Some(&c @ (b'+' | b'-')) => {
                i += 1;
                let oh = fixed_digits(b, &mut i, 2)?;
                eat(&mut i, b':').then_some(())?;
                let om = fixed_digits(b, &mut i, 2)?;
                if oh > 23 || om > 59 {
                    return None;
                }
                let minutes = (oh * 60 + om) as i16;
                out.offset = Some(Some(if c == b'-' { -minutes } else { minutes }));
            }
            _ => {}
        }
    }
    (i == b.len()).then_some(out)
}

/// Finds the table that `path` leads to from `table`, making implicit tables on the way; `dotted`
/// for a dotted key (`a.b = 1`), not for a header path. The rules are `toml`'s.
fn descend<'t, 'i>(mut table: &'t mut Table<'i>, path: &[Key<'i>], dotted: bool) -> Res<&'t mut Table<'i>> {
    for key in path {
        let i = match table.find(&key.name) {
            Ok(i) => i,
            Err(i) => {
                let value = Value { span: key.span.clone(), kind: Kind::Table(Table::new_implicit(dotted)) };
                table.entries.insert(i, (key.clone(), value));
                i
            }
        };
        let at = key.span.start;
        table = match &mut table.entries[i].1.kind {
            Kind::Array(array) if array.of_tables => match array.items.last_mut().map(|v| &mut v.kind) {
                Some(Kind::Table(t)) => t,
                _ => return fail(at, Problem::CannotExtendValue),
            },
            Kind::Table(t) => {
                if t.inline {
                    return fail(at, Problem::CannotExtendInline);
                }
                if dotted && !t.implicit {
                    return fail(at, Problem::DuplicateKey);
                }
                if dotted {
                    t.dotted = true;
                }
                t
            }
            _ => return fail(at, Problem::CannotExtendValue),
        };
    }
    Ok(table)
}

/// Puts `key = value` (after `path`) into `table`.
fn insert<'i>(table: &mut Table<'i>, path: &[Key<'i>], key: Key<'i>, value: Value<'i>) -> Res<()> {
    let dotted = !path.is_empty();
    let parent = descend(table, path, dotted)?;
    if dotted && !parent.implicit {
        return fail(key.span.start, Problem::DuplicateKey);
    }
    match parent.find(&key.name) {
        Ok(_) => fail(key.span.start, Problem::DuplicateKey),
        Err(i) => {
            parent.entries.insert(i, (key, value));
            Ok(())
        }
    }
}

impl<'i> Parser<'i> {
    fn peek(&self) -> Option<u8> {
        self.b.get(self.pos).copied()
    }

    fn at(&self, s: &str) -> bool {
        self.b[self.pos..].starts_with(s.as_bytes())
    }

    fn spaces(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t')) {
            self.pos += 1;
        }
    }

    /// A newline (LF or CRLF) at the current position, if any, is passed.
    fn newline(&mut self) -> bool {
        let n = if self.at("\n") {
            1
        } else if self.at("\r\n") {
            2
        } else {
            0
        };
        self.pos += n;
        n > 0
    }

    fn comment(&mut self) -> Res<()> {
        if self.peek() == Some(b'#') {
            self.pos += 1;
            while let Some(c) = self.peek() {
                if c == b'\n' || self.at("\r\n") {
                    break;
                }
                if !plain(c) {
                    return fail(self.pos, Problem::BadCharInComment);
                }
                self.pos += 1;
            }
        }
        Ok(())
    }

    /// Whitespace, comments and newlines (inside arrays and inline tables).
    fn blank(&mut self) -> Res<()> {
        loop {
            self.spaces();
            self.comment()?;
            if !self.newline() {
                return Ok(());
            }
        }
    }

    /// The end of a line after a key/value pair or header.
    fn line_end(&mut self) -> Res<()> {
        self.spaces();
        self.comment()?;
        if self.pos < self.b.len() && !self.newline() {
            return fail(self.pos, Problem::ExpectedNewline);
        }
        Ok(())
    }

    fn document(&mut self) -> Res<Table<'i>> {
        let mut root = Table::default();
        let mut current = Table::default();
        let mut header: Option<Header<'i>> = None;
        loop {
            self.spaces();
            match self.peek() {
                None => break,
                Some(b'#') => self.line_end()?,
                Some(b'\n' | b'\r') => {
                    if !self.newline() {
                        return fail(self.pos, Problem::BadChar);
                    }
                }
                Some(b'[') => {
                    finish(&mut root, &mut current, header.take())?;
                    let h = self.header()?;
                    if !h.array {
                        let parent = descend(&mut root, &h.path, false)?;
                        if let Ok(i) = parent.find(&h.key.name) {
                            let (_, old) = parent.entries.remove(i);
                            match old.kind {
                                Kind::Table(t) if t.implicit && !t.dotted => current = t,
                                _ => return fail(h.key.span.start, Problem::DuplicateKey),
                            }
                        }
                    }
                    current.implicit = false;
                    current.dotted = false;
                    header = Some(h);
                    self.line_end()?;
                }
                Some(_) => {
                    let (path, key) = self.key_path()?;
                    if self.peek() != Some(b'=') {
                        return fail(self.pos, Problem::ExpectedEquals);
                    }
                    self.pos += 1;
                    self.spaces();
                    let value = self.value()?;
                    insert(&mut current, &path, key, value)?;
                    self.line_end()?;
                }
            }
        }
        finish(&mut root, &mut current, header)?;
        Ok(root)
    }

    fn header(&mut self) -> Res<Header<'i>> {
        let start = self.pos;
        let array = self.at("[[");
        self.pos += 1 + usize::from(array);
        self.spaces();
        let (path, key) = self.key_path()?;
        if !self.at(if array { "]]" } else { "]" }) {
            return fail(self.pos, Problem::ExpectedBracket);
        }
        self.pos += 1 + usize::from(array);
        Ok(Header { path, key, span: start..self.pos, array })
    }

    /// `a.b."c"`: the path and the last key; whitespace after is passed.
    fn key_path(&mut self) -> Res<(Vec<Key<'i>>, Key<'i>)> {
        let mut path = Vec::new();
        loop {
            let key = self.simple_key()?;
            self.spaces();
            if self.peek() != Some(b'.') {
                return Ok((path, key));
            }
            if path.len() + 1 >= LIMIT {
                return fail(self.pos, Problem::TooManyDots);
            }
            self.pos += 1;
            self.spaces();
            path.push(key);
        }
    }

    fn simple_key(&mut self) -> Res<Key<'i>> {
        let start = self.pos;
        let name = match self.peek() {
            Some(b'"') if !self.at("\"\"\"") => self.basic_string()?,
            Some(b'\'') if !self.at("'''") => self.literal_string()?,
            _ => {
                while self.peek().is_some_and(bare_key_char) {
                    self.pos += 1;
                }
                if self.pos == start {
                    return fail(start, Problem::ExpectedKey);
                }
                Cow::Borrowed(&self.src[start..self.pos])
            }
        };
        Ok(Key { span: start..self.pos, name })
    }

    fn value(&mut self) -> Res<Value<'i>> {
        let start = self.pos;
        let kind = match self.peek() {
            Some(b'"') if self.at("\"\"\"") => Kind::String(self.ml_string(b'"')?),
            Some(b'"') => Kind::String(self.basic_string()?),
            Some(b'\'') if self.at("'''") => Kind::String(self.ml_string(b'\'')?),
            Some(b'\'') => Kind::String(self.literal_string()?),
            Some(b'[') => Kind::Array(Array { items: self.nested(b']', |p| p.value().map(Some))?, of_tables: false }),
            Some(b'{') => {
                let mut table = Table { inline: true, ..Table::default() };
                self.nested(b'}', |p| -> Res<Option<()>> {
                    let (path, key) = p.key_path()?;
                    if p.peek() != Some(b'=') {
                        return fail(p.pos, Problem::ExpectedEquals);
                    }
                    p.pos += 1;
                    p.spaces();
                    let value = p.value()?;
                    insert(&mut table, &path, key, value).map(|()| None)
                })?;
                Kind::Table(table)
            }
            _ => self.scalar()?,
        };
        Ok(Value { span: start..self.pos, kind })
    }

    /// The items of `[ … ]` or `{ … }` (newlines, comments and a trailing comma allowed).
    fn nested<T>(&mut self, close: u8, mut item: impl FnMut(&mut Self) -> Res<Option<T>>) -> Res<Vec<T>> {
        self.depth += 1;
        if self.depth > LIMIT {
            return fail(self.pos, Problem::TooDeep);
        }
        self.pos += 1;
        let mut out = Vec::new();
        loop {
            self.blank()?;
            if self.peek() == Some(close) {
                break;
            }
            out.extend(item(self)?);
            self.blank()?;
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(c) if c == close => break,
                _ => return fail(self.pos, if close == b']' { Problem::ExpectedCommaOrBracket } else { Problem::ExpectedCommaOrBrace }),
            }
        }
        self.pos += 1;
        self.depth -= 1;
        Ok(out)
    }

    /// An unquoted value: boolean, number or date-time.
    fn scalar(&mut self) -> Res<Kind<'i>> {
        let start = self.pos;
        loop {
            while self.peek().is_some_and(|c| !ends_scalar(c)) {
                self.pos += 1;
            }
            let end = self.pos;
            self.spaces();
            // Whitespace joins two atoms (a date and a time); not a dot or a string.
            if self.pos > end && self.peek().is_some_and(|c| !ends_scalar(c) && !matches!(c, b'.' | b'"' | b'\'')) {
                continue;
            }
            self.pos = end;
            break;
        }
        let s = &self.src[start..self.pos];
        let kind = match s {
            "" => return fail(start, Problem::ExpectedValue),
            "true" => Some(Kind::Boolean(true)),
            "false" => Some(Kind::Boolean(false)),
            _ => {
                let b = s.as_bytes();
                let digits = b.iter().take_while(|c| c.is_ascii_digit()).count();
                if digits > 0 && matches!(b.get(digits), Some(b'-' | b':')) {
                    datetime(s).map(Kind::Datetime)
                } else {
                    number(s)
                }
            }
        };
        kind.map_or_else(|| fail(start, Problem::BadValue), Ok)
    }

    /// An escape after `\` in a basic string, pushed to `out`.
    fn escape(&mut self, out: &mut String) -> Res<()> {
        let at = self.pos;
        let c = self.peek().unwrap_or(0);
        self.pos += 1;
        let simple = match c {
            b'b' => '\u{8}',
            b'e' => '\u{1b}',
            b'f' => '\u{c}',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'\\' => '\\',
            b'"' => '"',
            b'x' | b'u' | b'U' => {
                let n = match c {
                    b'x' => 2,
                    b'u' => 4,
                    _ => 8,
                };
                let hex = self.b.get(self.pos..self.pos + n).filter(|h| h.iter().all(u8::is_ascii_hexdigit));
                let ch = hex.and_then(|h| u32::from_str_radix(std::str::from_utf8(h).ok()?, 16).ok()).and_then(char::from_u32);
                let Some(ch) = ch else { return fail(at, Problem::BadUnicodeEscape) };
                self.pos += n;
                ch
            }
            _ => return fail(at, Problem::BadEscape),
        };
        out.push(simple);
        Ok(())
    }

    /// `"…"`, unescaped.
    fn basic_string(&mut self) -> Res<Cow<'i, str>> {
        let start = self.pos;
        self.pos += 1;
        let mut owned: Option<String> = None;
        let mut run = self.pos;
        loop {
            match self.peek() {
                Some(b'"') => break,
                Some(b'\\') => {
                    let s = owned.get_or_insert_with(String::new);
                    s.push_str(&self.src[run..self.pos]);
                    self.pos += 1;
                    self.escape(s)?;
                    run = self.pos;
                }
                Some(c) if plain(c) => self.pos += 1,
                Some(b'\n' | b'\r') | None => return fail(start, Problem::UnterminatedString),
                Some(_) => return fail(self.pos, Problem::BadCharInString),
            }
        }
        let tail = &self.src[run..self.pos];
        self.pos += 1;
        Ok(match owned {
            Some(mut s) => {
                s.push_str(tail);
                Cow::Owned(s)
            }
            None => Cow::Borrowed(tail),
        })
    }

    /// `'…'`.
    fn literal_string(&mut self) -> Res<Cow<'i, str>> {
        let start = self.pos;
        self.pos += 1;
        loop {
            match self.peek() {
                Some(b'\'') => break,
                Some(c) if plain(c) => self.pos += 1,
                Some(b'\n' | b'\r') | None => return fail(start, Problem::UnterminatedString),
                Some(_) => return fail(self.pos, Problem::BadCharInString),
            }
        }
        self.pos += 1;
        Ok(Cow::Borrowed(&self.src[start + 1..self.pos - 1]))
    }

    /// `"""…"""` (escapes, line-ending backslash) or `'''…'''` (neither); a newline right after
    /// the opening quotes is dropped.
    fn ml_string(&mut self, quote: u8) -> Res<Cow<'i, str>> {
        let start = self.pos;
        let delim = if quote == b'"' { "\"\"\"" } else { "'''" };
        self.pos += 3;
        self.newline();
        let mut owned: Option<String> = None;
        let mut run = self.pos;
        loop {
            if self.at(delim) {
                // Up to two more quotes belong to the content.
                let quotes = self.b[self.pos..].iter().take_while(|&&c| c == quote).count();
                if quotes > 5 {
                    return fail(self.pos + 5, Problem::TooManyQuotes);
                }
                let end = self.pos + quotes - 3;
                let tail = &self.src[run..end];
                self.pos += quotes;
                return Ok(match owned {
                    Some(mut s) => {
                        s.push_str(tail);
                        Cow::Owned(s)
                    }
                    None => Cow::Borrowed(tail),
                });
            }
            match self.peek() {
                None => return fail(start, Problem::UnterminatedString),
                Some(b'\\') if quote == b'"' => {
                    let s = owned.get_or_insert_with(String::new);
                    s.push_str(&self.src[run..self.pos]);
                    self.pos += 1;
                    let after = self.pos;
                    self.spaces();
                    if self.newline() {
                        // Line-ending backslash: drop whitespace and newlines up to the next text.
                        loop {
                            self.spaces();
                            if !self.newline() {
                                break;
                            }
                        }
                    } else {
                        self.pos = after;
                        self.escape(s)?;
                    }
                    run = self.pos;
                }
                Some(c) if plain(c) || c == b'\n' => self.pos += 1,
                Some(b'\r') if self.at("\r\n") => self.pos += 2,
                Some(_) => return fail(self.pos, Problem::BadCharInString),
            }
        }
    }
}

/// Puts the table being read under its header (or makes it the root when there was none yet).
fn finish<'i>(root: &mut Table<'i>, current: &mut Table<'i>, header: Option<Header<'i>>) -> Res<()> {
    let table = std::mem::take(current);
    let Some(h) = header else {
        *root = table;
        return Ok(());
    };
    let value = Value { span: h.span.clone(), kind: Kind::Table(table) };
    let parent = descend(root, &h.path, false)?;
    match (parent.find(&h.key.name), h.array) {
        (Ok(i), false) => parent.entries[i].1 = value,
        (Err(i), false) => parent.entries.insert(i, (h.key, value)),
        (Err(i), true) => {
            let array = Array { items: vec![value], of_tables: true };
            parent.entries.insert(i, (h.key, Value { span: h.span, kind: Kind::Array(array) }));
        }
        (Ok(i), true) => match &mut parent.entries[i].1.kind {
            Kind::Array(array) if array.of_tables => array.items.push(value),
            _ => return fail(h.key.span.start, Problem::DuplicateKey),
        },
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kind(src: &str) -> Kind<'_> {
        parse(src).unwrap_or_else(|e| panic!("{src}: {e:?}")).entries.remove(0).1.kind
    }

    fn int(digits: &str, radix: u32) -> Kind<'_> {
        Kind::Integer { digits: digits.into(), radix }
    }

    #[test]
    fn numbers_keep_their_text() {
        assert_eq!(kind("a = 1_000"), int("1000", 10));
        assert_eq!(kind("a = -17"), int("-17", 10));
        assert_eq!(kind("a = +0"), int("+0", 10));
        assert_eq!(kind("a = 0xdead_BEEF"), int("deadBEEF", 16));
        assert_eq!(kind("a = 0o17"), int("17", 8));
        assert_eq!(kind("a = 0b1_0"), int("10", 2));
        assert_eq!(kind("a = 10.5"), Kind::Float("10.5".into()));
        assert_eq!(kind("a = -1_0.0_5e+0_3"), Kind::Float("-10.05e+03".into()));
        assert_eq!(kind("a = 1E5"), Kind::Float("1E5".into()));
        assert_eq!(kind("a = -inf"), Kind::Float("-inf".into()));
        assert_eq!(kind("a = nan"), Kind::Float("nan".into()));
        for bad in ["01", "1__0", "_1", "1_", "0x", "0x_1", "+0x1", "1.", ".5", "1e", "1.e5", "0_1", "00.5", "Inf", "1 2", "True", "abc"] {
            assert!(parse(&format!("a = {bad}")).is_err(), "{bad}");
        }
    }

    #[test]
    fn dates_and_times() {
        let d = |s| match kind(s) {
            Kind::Datetime(dt) => dt,
            other => panic!("{other:?}"),
        };
        assert_eq!(d("a = 2024-02-29").date, Some((2024, 2, 29)));
        let dt = d("a = 1979-05-27 07:32:00.5-08:00");
        assert_eq!(dt.to_string(), "1979-05-27T07:32:00.5-08:00");
        assert_eq!(d("a = 07:32").to_string(), "07:32");
        assert_eq!(d("a = 1979-05-27t07:32:00z").to_string(), "1979-05-27T07:32:00Z");
        for bad in ["2023-02-29", "2025-13-01", "2025-1-01", "24:00:00", "2025-03-04T", "2025-03-04  07:32", "07:32+08:00", "2025-03-04x"] {
            assert!(parse(&format!("a = {bad}")).is_err(), "{bad}");
        }
    }

    #[test]
    fn strings() {
        assert_eq!(kind(r#"a = "x\ty\u00e9\x41\"""#), Kind::String("x\tyéA\"".into()));
        assert_eq!(kind("a = 'C:\\x'"), Kind::String("C:\\x".into()));
        assert_eq!(kind("a = \"\"\"\nline\\\n   next\"\"\"\"\""), Kind::String("linenext\"\"".into()));
        assert_eq!(kind("a = '''\r\nraw\\n'''"), Kind::String("raw\\n".into()));
        for bad in ["\"open", "\"a\\q\"", "'a\nb'", "\"\"\"x", "\"\\u12\"", "\"\\uD800\"", "\"a\u{1}\""] {
            assert!(parse(&format!("a = {bad}")).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn tables_and_spans() {
        let root = parse("x.y = 1\n[a.b]\nc = [1, {d = 2},]\n[[t]]\n[[t]]\n[a]\n").expect("valid");
        let keys: Vec<&str> = root.iter().map(|(k, _)| k.name.as_ref()).collect();
        assert_eq!(keys, ["a", "t", "x"]);
        let a = root.get("a").expect("a");
        assert_eq!(a.span, 44..47, "the [a] header");
        let Kind::Table(a) = &a.kind else { panic!() };
        assert_eq!(a.get("b").map(|b| b.span.clone()), Some(8..13));
        let Some(Kind::Array(t)) = root.get("t").map(|v| &v.kind) else { panic!() };
        assert_eq!(t.items.len(), 2);
        assert_eq!(root.get("x").map(|x| x.span.clone()), Some(0..1), "implicit: its key");
    }

    #[test]
    fn redefinitions_are_refused() {
        for bad in [
            "a = 1\na = 2",
            "[a]\n[a]",
            "a = {b = 1}\n[a]",
            "a = {b = 1}\na.c = 2",
            "[a]\nb = 1\n[x]\n[a.b]",
            "a = [1]\n[[a]]",
            "[fruit]\napple.color = 1\n[fruit.apple]",
            "[[a]]\n[a]",
            "a = 1 b = 2",
            "[a] x",
            "= 1",
            "a = ",
            "a = [1,,2]",
            "a = {,}",
        ] {
            assert!(parse(bad).is_err(), "{bad:?}");
        }
        assert!(parse("[fruit]\napple.color = 1\n[fruit.apple.texture]\nsmooth = true").is_ok());
        assert!(parse("[a.b]\n[a]\nc = 1").is_ok());
    }

    #[test]
    fn nesting_is_limited() {
        assert!(parse(&format!("a = {}{}", "[".repeat(80), "]".repeat(80))).is_ok());
        assert!(parse(&format!("a = {}{}", "[".repeat(81), "]".repeat(81))).is_err());
    }

    /// The tree as text: keys and values with their spans, for comparing with `toml`'s.
    fn show(v: &Value<'_>) -> String {
        let inner = match &v.kind {
            Kind::String(s) => format!("s{s:?}"),
            Kind::Integer { digits, radix } => format!("i{radix}:{digits}"),
            Kind::Float(f) => format!("f{f}"),
            Kind::Boolean(b) => format!("b{b}"),
            Kind::Datetime(d) => format!("d{d}"),
            Kind::Array(a) => format!("[{}]", a.items.iter().map(show).collect::<Vec<_>>().join(",")),
            Kind::Table(t) => {
                format!("{{{}}}", t.iter().map(|(k, v)| format!("{:?}@{:?}={}", k.name, k.span, show(v))).collect::<Vec<_>>().join(","))
            }
        };
        format!("{inner}@{:?}", v.span)
    }

    fn show_reference(v: &::toml::Spanned<::toml::de::DeValue<'_>>) -> String {
        use ::toml::de::DeValue;
        let inner = match v.get_ref() {
            DeValue::String(s) => format!("s{s:?}"),
            DeValue::Integer(i) => format!("i{}:{}", i.radix(), i.as_str()),
            DeValue::Float(f) => format!("f{}", f.as_str()),
            DeValue::Boolean(b) => format!("b{b}"),
            DeValue::Datetime(d) => format!("d{d}"),
            DeValue::Array(a) => format!("[{}]", a.iter().map(show_reference).collect::<Vec<_>>().join(",")),
            DeValue::Table(t) => format!(
                "{{{}}}",
                t.iter().map(|(k, v)| format!("{:?}@{:?}={}", k.get_ref(), k.span(), show_reference(v))).collect::<Vec<_>>().join(",")
            ),
        };
        format!("{inner}@{:?}", v.span())
    }

    /// `Ok(tree)` or `Err(line of the problem)` from each reader.
    fn both(src: &str) -> (Result<String, usize>, Result<String, usize>) {
        let line = |at: usize| src[..at.min(src.len())].matches('\n').count() + 1;
        let ours = parse(src).map(|t| show(&Value { span: 0..0, kind: Kind::Table(t) })).map_err(|e| line(e.at));
        let reference = ::toml::de::DeTable::parse(src)
            .map(|t| show_reference(&::toml::Spanned::new(0..0, ::toml::de::DeValue::Table(t.into_inner()))))
            .map_err(|e| line(e.span().map_or(0, |s| s.start)));
        (ours, reference)
    }

    #[test]
    fn same_as_the_toml_crate() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut texts: Vec<(String, String)> = Vec::new();
        for dir in ["static/policies", "static/calendars", "fuzz/corpus/policy"] {
            let Ok(entries) = std::fs::read_dir(root.join(dir)) else { continue };
            for entry in entries.flatten() {
                let bytes = std::fs::read(entry.path()).unwrap_or_default();
                texts.push((entry.path().display().to_string(), String::from_utf8_lossy(&bytes).into_owned()));
            }
        }
        assert!(texts.len() > 100, "the presets and the fuzzing corpus are read");
        // Edge cases of the grammar, each valid or not.
        for case in [
            "a = 1979-05-27 07:32:00Z\nb = 07:32\nc = 1979-05-27T00:32:00.999999999-07:00\nd = 1979-05-27T07:32:00.1234567891",
            "a = { b.c = 1, d = [1, 2,],\n  e = 'x', # comment\n}\n",
            "\"quoted key\" = 1\n'lit' . \"k\" . bare-Key_1 = 2\n[ x . \"y\" ]\n[[ z ]]\n[[z]]\nq=1",
            "a = \"\"\"\\\n  x\\\n\n  y\"\"\"\"\"\nb = '''\n'''''\nc = \"\\e\\x41\\U0001F600\"",
            "a = +inf\nb = -nan\nc = 0x_1\n",
            "a = 1e05\nb = 0.0_1\nc = 1_0e1_0\nd = -0.0\ne = 0o777\nf = 0b1",
            "[a.b.c]\n[a]\nd = 1\n[a.b]\ne = 2",
            "[a]\nb.c = 1\n[a.b]",
            "[[a]]\nb = 1\n[a.c]\nd = 2\n[[a]]\n[[a.e]]\n",
            "a = []\n[a.b]",
            "\u{feff}a = 1",
            "a = 1\r\nb = 2\r\n# c\r\n",
            "a = 1\rb = 2",
            "a = \"x\u{7f}\"",
            "# \u{1}\n",
            "a = 2024-02-30",
            "a = 0000-01-01",
            "a = 1979-05-27T07:32:00+24:00",
            "a = [[[[]]]]",
            "x = { a = 1 }\nx.b = 2",
            "a.b = 1\n[a]",
            "a = {}\n[a.b]",
            "a = 1 # x\n[b] # y\n[[c]] # z",
            "a = true\nb = false\nc = truex",
        ] {
            texts.push((case.to_string(), case.to_string()));
        }
        for depth in [79, 80, 81] {
            let doc = format!("a = {}{}", "[".repeat(depth), "]".repeat(depth));
            texts.push((format!("depth {depth}"), doc));
            let keys = (0..depth).map(|i| format!("k{i}")).collect::<Vec<_>>().join(".");
            texts.push((format!("{depth} keys"), format!("{keys} = 1")));
        }
        let (mut valid, mut same_line) = (0, 0);
        let mut differ = Vec::new();
        for (name, text) in &texts {
            let (ours, reference) = both(text);
            match (&ours, &reference) {
                (Ok(a), Ok(b)) if a == b => valid += 1,
                (Err(a), Err(b)) => same_line += usize::from(a == b),
                _ => differ.push(format!("{name}:\n ours: {ours:?}\n toml: {reference:?}")),
            }
        }
        assert!(differ.is_empty(), "{} differ:\n{}", differ.len(), differ.iter().take(5).cloned().collect::<Vec<_>>().join("\n"));
        assert!(valid > 20, "{valid} valid documents compared");
        eprintln!("{} documents: {valid} read alike, {} refused by both ({same_line} at the same line)", texts.len(), texts.len() - valid);
    }
}
