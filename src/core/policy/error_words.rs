//! The words of a policy file's problems ([`super::error`]), one table per language: every
//! message whole, with its punctuation, so a third language is one more table.

use super::error::{Expected, Thing};
use crate::core::date::Date;
use crate::core::Locale;

/// Every message about a policy file, in one language.
pub struct ErrorWords {
    /// The name of a kind of thing an id names: `档次` / `tier`.
    pub thing: fn(Thing) -> &'static str,
    /// What a value should have been: `日期，如 2025-03-04` / `a date such as 2025-03-04`.
    pub expected: fn(&Expected) -> String,
    /// The text is not TOML; the TOML reader's own message.
    pub syntax: fn(&str) -> String,
    /// An unknown key, and the keys allowed there.
    pub unknown_key: fn(&str, &[&str]) -> String,
    /// A required key is missing.
    pub missing_key: fn(&str) -> String,
    /// A value of the wrong form: what was expected (from [`ErrorWords::expected`]), what was found.
    pub bad_value: fn(&str, &str) -> String,
    /// Two things share an id: the thing's name (from [`ErrorWords::thing`]), the id.
    pub duplicate: fn(&str, &str) -> String,
    /// An id that names nothing: the thing's name, the id.
    pub unknown_ref: fn(&str, &str) -> String,
    /// A figure without its clause: the key that should name it.
    pub no_clause: fn(&str) -> String,
    /// A source that says neither where nor which document.
    pub source_unlocatable: &'static str,
    /// Dates that go backwards: the earlier-listed date, then the later-listed one.
    pub dates_out_of_order: fn(Date, Date) -> String,
    /// Two versions in force on the same day.
    pub versions_overlap: fn(&str, &str) -> String,
    /// Two tiers whose age bands overlap: their ids, the first and last shared age (`None`: no end).
    pub tiers_overlap: fn(&str, &str, u32, Option<u32>) -> String,
    /// Exactly one of these keys must be given.
    pub exactly_one: fn(&[&str]) -> String,
    /// A list that must not be empty.
    pub empty: fn(&str) -> String,
    /// A version with an unknown start that is not the first: its id.
    pub unknown_start_not_first: fn(&str) -> String,
    /// A key given without the key it needs: the key, the one it needs.
    pub only_with: fn(&str, &str) -> String,
    /// A file too large to be a policy: its size in bytes.
    pub too_large: fn(usize) -> String,
    /// A message placed by its path only: path, message.
    pub at_path: fn(&str, &str) -> String,
    /// A message placed by line and column: line, column, message.
    pub at_line: fn(usize, usize, &str) -> String,
    /// A message placed by line, column and path: line, column, path, message.
    pub at_line_path: fn(usize, usize, &str, &str) -> String,
}

/// 简体中文.
pub const ZH_CN: ErrorWords = ErrorWords {
    thing: |t| match t {
        Thing::Source => "来源",
        Thing::Clause => "条款",
        Thing::Category => "类别",
        Thing::Version => "版本",
        Thing::Component => "补贴项",
        Thing::Tier => "档次",
        Thing::Delivery => "送餐补贴",
        Thing::Operator => "运营补贴",
    },
    expected: |e| match e {
        Expected::Table => "表（[节] 或 { … }）".into(),
        Expected::Array => "数组（[ … ]）".into(),
        Expected::String => "带引号的文字".into(),
        Expected::Bool => "true 或 false".into(),
        Expected::Integer { min, max } => format!("{min} 到 {max} 之间的整数"),
        Expected::Date => "日期，如 2025-03-04".into(),
        Expected::Money => "金额（元），如 12 或 10.5".into(),
        Expected::Text => "文字，或 { zh = \"…\", en = \"…\" }".into(),
        Expected::OneOf(words) => format!("以下之一：{}", words.join(", ")),
        Expected::Condition => "条件，如 { age_at_least = 80 }".into(),
        Expected::DateOrUnknown => "日期，如 2025-03-04；来源没有写明开始日期时写 \"unknown\"".into(),
    },
    syntax: |message| format!("TOML 格式错误：{message}"),
    unknown_key: |key, allowed| format!("不认识的键 “{key}”（是否拼写错误？此处可用：{}）", allowed.join(", ")),
    missing_key: |key| format!("缺少必填项 “{key}”"),
    bad_value: |want, found| format!("应为{want}，实际是 {found}"),
    duplicate: |what, id| format!("{what}编号 “{id}” 重复"),
    unknown_ref: |what, id| format!("没有编号为 “{id}” 的{what}"),
    no_clause: |key| format!("缺少来源：每个数字都要用 “{key}” 写明出自哪一条政策原文"),
    source_unlocatable: "来源必须写明网址（url）或文号（number），读者才能找到原文",
    dates_out_of_order: |first, then| format!("日期顺序不对：{then} 不晚于前面的 {first}"),
    versions_overlap: |a, b| format!("版本 “{a}” 和 “{b}” 的有效期重叠：同一天只能有一个版本有效"),
    tiers_overlap: |a, b, from, to| match to {
        Some(t) => format!("档次 “{a}” 和 “{b}” 的年龄段重叠（{from}–{t} 周岁同时符合两档）"),
        None => format!("档次 “{a}” 和 “{b}” 的年龄段重叠（{from} 周岁及以上同时符合两档）"),
    },
    exactly_one: |keys| format!("以下各项必须且只能填一项：{}", keys.join(", ")),
    empty: |key| format!("“{key}” 不能为空"),
    unknown_start_not_first: |id| {
        format!("版本 “{id}” 的开始日期写了 “unknown”（不详）：只有第一个版本可以这样写，它在下一个版本开始之前适用")
    },
    only_with: |key, needs| format!("“{key}” 只能和 “{needs}” 一起用"),
    too_large: |bytes| format!("文件太大（{bytes} 字节），不像是政策文件（上限 1 MB）"),
    at_path: |path, msg| format!("{path}：{msg}"),
    at_line: |line, column, msg| format!("第 {line} 行第 {column} 列：{msg}"),
    at_line_path: |line, column, path, msg| format!("第 {line} 行第 {column} 列（{path}）：{msg}"),
};

/// English.
pub const EN: ErrorWords = ErrorWords {
    thing: |t| match t {
        Thing::Source => "source",
        Thing::Clause => "clause",
        Thing::Category => "category",
        Thing::Version => "version",
        Thing::Component => "component",
        Thing::Tier => "tier",
        Thing::Delivery => "delivery rule",
        Thing::Operator => "operator subsidy",
    },
    expected: |e| match e {
        Expected::Table => "a table ([section] or { … })".into(),
        Expected::Array => "an array ([ … ])".into(),
        Expected::String => "a quoted string".into(),
        Expected::Bool => "true or false".into(),
        Expected::Integer { min, max } => format!("a whole number from {min} to {max}"),
        Expected::Date => "a date such as 2025-03-04".into(),
        Expected::Money => "an amount in yuan, such as 12 or 10.5".into(),
        Expected::Text => "text, or { zh = \"…\", en = \"…\" }".into(),
        Expected::OneOf(words) => format!("one of: {}", words.join(", ")),
        Expected::Condition => "a condition such as { age_at_least = 80 }".into(),
        Expected::DateOrUnknown => "a date such as 2025-03-04, or \"unknown\" when the source does not state the start date".into(),
    },
    syntax: |message| format!("not valid TOML: {message}"),
    unknown_key: |key, allowed| format!("unknown key “{key}” (a typo? allowed here: {})", allowed.join(", ")),
    missing_key: |key| format!("missing required key “{key}”"),
    bad_value: |want, found| format!("expected {want}, found {found}"),
    duplicate: |what, id| format!("{what} id “{id}” is used twice"),
    unknown_ref: |what, id| format!("there is no {what} with id “{id}”"),
    no_clause: |key| format!("missing source: every figure needs “{key}” naming the policy clause it comes from"),
    source_unlocatable: "a source needs a url or a document number (number) so readers can find it",
    dates_out_of_order: |first, then| format!("dates out of order: {then} is not after {first}"),
    versions_overlap: |a, b| format!("versions “{a}” and “{b}” overlap: only one version may be in force on a day"),
    tiers_overlap: |a, b, from, to| match to {
        Some(t) => format!("tiers “{a}” and “{b}” have overlapping age bands (ages {from}–{t} match both)"),
        None => format!("tiers “{a}” and “{b}” have overlapping age bands (ages {from} and over match both)"),
    },
    exactly_one: |keys| format!("give exactly one of: {}", keys.join(", ")),
    empty: |key| format!("“{key}” must not be empty"),
    unknown_start_not_first: |id| {
        format!("version “{id}” gives its start as “unknown”: only the first version may, as it is in force until the next one starts")
    },
    only_with: |key, needs| format!("“{key}” can only be given with “{needs}”"),
    too_large: |bytes| format!("the file is too large ({bytes} bytes) to be a policy file (limit 1 MB)"),
    at_path: |path, msg| format!("{path}: {msg}"),
    at_line: |line, column, msg| format!("line {line}, column {column}: {msg}"),
    at_line_path: |line, column, path, msg| format!("line {line}, column {column} ({path}): {msg}"),
};

/// The table for `locale`.
pub fn error_words(locale: Locale) -> &'static ErrorWords {
    match locale {
        Locale::ZhCn => &ZH_CN,
        Locale::En => &EN,
    }
}

/// Checks shared by the tests of every message table in this folder.
#[cfg(test)]
pub(crate) mod check {
    /// Chinese writing: CJK punctuation (、。「」), Han characters, full-width forms (，：（）；).
    fn is_chinese(c: char) -> bool {
        matches!(c, '\u{3000}'..='\u{303F}' | '\u{3400}'..='\u{9FFF}' | '\u{FF00}'..='\u{FFEF}')
    }

    /// An English message: something to read, and not a Chinese character or full-width mark in it.
    pub(crate) fn assert_english(msg: &str) {
        assert!(!msg.trim().is_empty(), "empty English message");
        assert!(!msg.chars().any(is_chinese), "Chinese writing in an English message: {msg:?}");
    }

    /// A Chinese message: it has Chinese words, and once `code` (the values put in and the file's
    /// own key words, which stay as written) is taken out, no Latin letter (no English word) and no
    /// ASCII `, : ; ( ) ? !` is left: the punctuation is full-width.
    pub(crate) fn assert_chinese(msg: &str, code: &[&str]) {
        assert!(msg.chars().any(|c| ('\u{4E00}'..='\u{9FFF}').contains(&c)), "no Chinese in {msg:?}");
        let mut code = code.to_vec();
        code.sort_by_key(|c| std::cmp::Reverse(c.len()));
        let rest = code.iter().fold(msg.to_string(), |rest, c| rest.replace(c, " "));
        assert!(!rest.chars().any(|c| c.is_ascii_alphabetic()), "English in the Chinese message {msg:?}: {rest:?}");
        assert!(!rest.chars().any(|c| ",:;()?!".contains(c)), "ASCII punctuation in the Chinese message {msg:?}: {rest:?}");
    }
}

#[cfg(test)]
mod tests {
    use super::check::{assert_chinese, assert_english};
    use super::*;
    use crate::core::policy::error::{ErrorKind, PolicyError};

    /// Which variant, by number: a new kind fails to compile here until it is added to the test.
    fn variant(k: &ErrorKind) -> usize {
        match k {
            ErrorKind::Syntax { .. } => 0,
            ErrorKind::UnknownKey { .. } => 1,
            ErrorKind::MissingKey { .. } => 2,
            ErrorKind::BadValue { .. } => 3,
            ErrorKind::Duplicate { .. } => 4,
            ErrorKind::UnknownRef { .. } => 5,
            ErrorKind::NoClause { .. } => 6,
            ErrorKind::SourceUnlocatable => 7,
            ErrorKind::DatesOutOfOrder { .. } => 8,
            ErrorKind::VersionsOverlap { .. } => 9,
            ErrorKind::TiersOverlap { .. } => 10,
            ErrorKind::ExactlyOne { .. } => 11,
            ErrorKind::Empty { .. } => 12,
            ErrorKind::TooLarge { .. } => 13,
            ErrorKind::UnknownStartNotFirst { .. } => 14,
            ErrorKind::OnlyWith { .. } => 15,
        }
    }

    const THINGS: [Thing; 8] =
        [Thing::Source, Thing::Clause, Thing::Category, Thing::Version, Thing::Component, Thing::Tier, Thing::Delivery, Thing::Operator];

    fn expectations() -> Vec<Expected> {
        let all = vec![
            Expected::Table,
            Expected::Array,
            Expected::String,
            Expected::Bool,
            Expected::Integer { min: 1, max: 12 },
            Expected::Date,
            Expected::Money,
            Expected::Text,
            Expected::OneOf(vec!["lunch", "dinner"]),
            Expected::Condition,
            Expected::DateOrUnknown,
        ];
        // A new kind of expectation fails to compile here until it is in the list above.
        for e in &all {
            match e {
                Expected::Table
                | Expected::Array
                | Expected::String
                | Expected::Bool
                | Expected::Integer { .. }
                | Expected::Date
                | Expected::Money
                | Expected::Text
                | Expected::OneOf(_)
                | Expected::Condition
                | Expected::DateOrUnknown => {}
            }
        }
        all
    }

    /// Every kind of problem, with values, and the words in it that stay as written in the file.
    fn every_kind() -> Vec<(ErrorKind, Vec<&'static str>)> {
        let d = |s: &str| s.parse().expect("date");
        let mut all = vec![
            (ErrorKind::Syntax { problem: crate::core::toml::Problem::ExpectedEquals }, vec!["TOML", "=", "`="]),
            (ErrorKind::UnknownKey { key: "colour".into(), allowed: vec!["id", "name"] }, vec!["colour", "id, name"]),
            (ErrorKind::MissingKey { key: "policy" }, vec!["policy"]),
            (ErrorKind::NoClause { key: "clause" }, vec!["clause"]),
            (ErrorKind::SourceUnlocatable, vec!["url", "number"]),
            (ErrorKind::DatesOutOfOrder { first: d("2025-03-04"), then: d("2024-01-31") }, vec![]),
            (ErrorKind::VersionsOverlap { a: "v2019".into(), b: "v2022".into() }, vec!["v2019", "v2022"]),
            (ErrorKind::TiersOverlap { a: "old".into(), b: "older".into(), from_age: 80, to_age: Some(89) }, vec!["old", "older"]),
            (ErrorKind::TiersOverlap { a: "old".into(), b: "older".into(), from_age: 80, to_age: None }, vec!["old", "older"]),
            (ErrorKind::ExactlyOne { keys: vec!["subsidy", "rate"] }, vec!["subsidy, rate"]),
            (ErrorKind::Empty { key: "tier" }, vec!["tier"]),
            (ErrorKind::TooLarge { bytes: 2_000_000 }, vec!["MB"]),
            (ErrorKind::UnknownStartNotFirst { id: "v2022".into() }, vec!["v2022", "unknown"]),
            (ErrorKind::OnlyWith { key: "percent_at_most", needs: "percent" }, vec!["percent_at_most", "percent"]),
        ];
        for t in THINGS {
            all.push((ErrorKind::Duplicate { what: t, id: "dup".into() }, vec!["dup"]));
            all.push((ErrorKind::UnknownRef { what: t, id: "ghost".into() }, vec!["ghost"]));
        }
        for e in expectations() {
            let code = vec!["\"maybe\"", "lunch, dinner", "true", "false", "{ zh = \"…\", en = \"…\" }", "age_at_least", "\"unknown\""];
            all.push((ErrorKind::BadValue { expected: e, found: "\"maybe\"".into() }, code));
        }
        all
    }

    #[test]
    fn every_problem_reads_in_each_language_with_its_own_punctuation() {
        let kinds = every_kind();
        let mut seen: Vec<usize> = kinds.iter().map(|(k, _)| variant(k)).collect();
        seen.sort_unstable();
        seen.dedup();
        assert_eq!(seen, (0..=15).collect::<Vec<_>>(), "a kind of problem is missing from the test");
        for (kind, code) in kinds {
            for (line, path) in [(0, ""), (0, "version[0].from"), (3, ""), (3, "version[0].from")] {
                let e = PolicyError { line, column: 5, path: path.into(), kind: kind.clone() };
                let mut code = code.clone();
                code.push("version[0].from");
                assert_chinese(&e.display(Locale::ZhCn), &code);
                assert_english(&e.display(Locale::En));
                assert!(e.display(Locale::ZhCn).ends_with(&e.message(Locale::ZhCn)));
                assert!(e.display(Locale::En).ends_with(&e.message(Locale::En)));
            }
        }
    }

    #[test]
    fn things_have_a_name_in_each_language() {
        for t in THINGS {
            assert_chinese((ZH_CN.thing)(t), &[]);
            assert_english((EN.thing)(t));
            assert!((EN.thing)(t).chars().all(|c| c.is_ascii_lowercase() || c == ' '), "{}", (EN.thing)(t));
        }
    }

    #[test]
    fn the_place_of_a_problem_is_said_the_way_each_language_says_it() {
        let e = PolicyError { line: 3, column: 5, path: "version[0].from".into(), kind: ErrorKind::MissingKey { key: "from" } };
        assert_eq!(e.display(Locale::ZhCn), "第 3 行第 5 列（version[0].from）：缺少必填项 “from”");
        assert_eq!(e.display(Locale::En), "line 3, column 5 (version[0].from): missing required key “from”");
        let e = PolicyError { line: 0, path: "version[0]".into(), column: 0, ..e };
        assert_eq!(e.display(Locale::ZhCn), "version[0]：缺少必填项 “from”");
        assert_eq!(e.display(Locale::En), "version[0]: missing required key “from”");
        let e = PolicyError { path: String::new(), ..e };
        assert_eq!(e.display(Locale::En), "missing required key “from”");
        assert_eq!(e.to_string(), e.display(Locale::En));
    }
}

#[cfg(test)]
mod syntax_words {
    use crate::core::policy::parse_policy;
    use crate::core::Locale;

    /// A policy file that is not TOML is explained in the reader's own language: no English inside
    /// the Chinese message (the reader's problems are typed and worded in both languages).
    #[test]
    fn a_syntax_error_is_worded_in_each_language() {
        let errors = parse_policy("[policy]\nid = \n").expect_err("not TOML");
        assert_eq!(errors[0].message(Locale::ZhCn), "TOML 格式错误：这里应当有一个值");
        assert_eq!(errors[0].message(Locale::En), "not valid TOML: expected a value");
        let quote = parse_policy("[policy]\nname = \"深圳\n").expect_err("not TOML");
        assert_eq!(quote[0].message(Locale::ZhCn), "TOML 格式错误：文字的引号没有结束");
    }
}
