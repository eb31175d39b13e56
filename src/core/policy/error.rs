//! Problems found in a policy file, each with its line, column and path, in Chinese and English.

use std::fmt;

use serde::Serialize;

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

impl Thing {
    fn name(self, locale: Locale) -> &'static str {
        match (self, locale) {
            (Thing::Source, Locale::ZhCn) => "来源",
            (Thing::Clause, Locale::ZhCn) => "条款",
            (Thing::Category, Locale::ZhCn) => "类别",
            (Thing::Version, Locale::ZhCn) => "版本",
            (Thing::Component, Locale::ZhCn) => "补贴项",
            (Thing::Tier, Locale::ZhCn) => "档次",
            (Thing::Delivery, Locale::ZhCn) => "送餐补贴",
            (Thing::Operator, Locale::ZhCn) => "运营补贴",
            (Thing::Source, Locale::En) => "source",
            (Thing::Clause, Locale::En) => "clause",
            (Thing::Category, Locale::En) => "category",
            (Thing::Version, Locale::En) => "version",
            (Thing::Component, Locale::En) => "component",
            (Thing::Tier, Locale::En) => "tier",
            (Thing::Delivery, Locale::En) => "delivery rule",
            (Thing::Operator, Locale::En) => "operator subsidy",
        }
    }
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
}

impl Expected {
    fn describe(&self, locale: Locale) -> String {
        let zh = locale == Locale::ZhCn;
        match self {
            Expected::Table => (if zh { "表（[节] 或 { … }）" } else { "a table ([section] or { … })" }).into(),
            Expected::Array => (if zh { "数组（[ … ]）" } else { "an array ([ … ])" }).into(),
            Expected::String => (if zh { "带引号的文字" } else { "a quoted string" }).into(),
            Expected::Bool => (if zh { "true 或 false" } else { "true or false" }).into(),
            Expected::Integer { min, max } => {
                if zh {
                    format!("{min} 到 {max} 之间的整数")
                } else {
                    format!("a whole number from {min} to {max}")
                }
            }
            Expected::Date => (if zh { "日期，如 2025-03-04" } else { "a date such as 2025-03-04" }).into(),
            Expected::Money => (if zh { "金额（元），如 12 或 10.5" } else { "an amount in yuan, such as 12 or 10.5" }).into(),
            Expected::Text => (if zh { "文字，或 { zh = \"…\", en = \"…\" }" } else { "text, or { zh = \"…\", en = \"…\" }" }).into(),
            Expected::OneOf(words) => {
                let list = words.join(", ");
                if zh {
                    format!("以下之一：{list}")
                } else {
                    format!("one of: {list}")
                }
            }
            Expected::Condition => (if zh { "条件，如 { age_at_least = 80 }" } else { "a condition such as { age_at_least = 80 }" }).into(),
        }
    }
}

/// What is wrong.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ErrorKind {
    /// The text is not valid TOML.
    Syntax {
        /// The TOML reader's message.
        message: String,
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
        let zh = locale == Locale::ZhCn;
        match &self.kind {
            ErrorKind::Syntax { message } => {
                if zh {
                    format!("TOML 格式错误：{message}")
                } else {
                    format!("not valid TOML: {message}")
                }
            }
            ErrorKind::UnknownKey { key, allowed } => {
                let list = allowed.join(", ");
                if zh {
                    format!("不认识的键 “{key}”（是否拼写错误？此处可用：{list}）")
                } else {
                    format!("unknown key “{key}” (a typo? allowed here: {list})")
                }
            }
            ErrorKind::MissingKey { key } => {
                if zh {
                    format!("缺少必填项 “{key}”")
                } else {
                    format!("missing required key “{key}”")
                }
            }
            ErrorKind::BadValue { expected, found } => {
                let want = expected.describe(locale);
                if zh {
                    format!("应为{want}，实际是 {found}")
                } else {
                    format!("expected {want}, found {found}")
                }
            }
            ErrorKind::Duplicate { what, id } => {
                if zh {
                    format!("{}编号 “{id}” 重复", what.name(locale))
                } else {
                    format!("{} id “{id}” is used twice", what.name(locale))
                }
            }
            ErrorKind::UnknownRef { what, id } => {
                if zh {
                    format!("没有编号为 “{id}” 的{}", what.name(locale))
                } else {
                    format!("there is no {} with id “{id}”", what.name(locale))
                }
            }
            ErrorKind::NoClause { key } => {
                if zh {
                    format!("缺少来源：每个数字都要用 “{key}” 写明出自哪一条政策原文")
                } else {
                    format!("missing source: every figure needs “{key}” naming the policy clause it comes from")
                }
            }
            ErrorKind::SourceUnlocatable => {
                if zh {
                    "来源必须写明网址（url）或文号（number），读者才能找到原文".into()
                } else {
                    "a source needs a url or a document number (number) so readers can find it".into()
                }
            }
            ErrorKind::DatesOutOfOrder { first, then } => {
                if zh {
                    format!("日期顺序不对：{then} 不晚于前面的 {first}")
                } else {
                    format!("dates out of order: {then} is not after {first}")
                }
            }
            ErrorKind::VersionsOverlap { a, b } => {
                if zh {
                    format!("版本 “{a}” 和 “{b}” 的有效期重叠：同一天只能有一个版本有效")
                } else {
                    format!("versions “{a}” and “{b}” overlap: only one version may be in force on a day")
                }
            }
            ErrorKind::TiersOverlap { a, b, from_age, to_age } => {
                let range = match (to_age, zh) {
                    (Some(t), true) => format!("{from_age}–{t} 周岁"),
                    (None, true) => format!("{from_age} 周岁及以上"),
                    (Some(t), false) => format!("ages {from_age}–{t}"),
                    (None, false) => format!("ages {from_age} and over"),
                };
                if zh {
                    format!("档次 “{a}” 和 “{b}” 的年龄段重叠（{range}同时符合两档）")
                } else {
                    format!("tiers “{a}” and “{b}” have overlapping age bands ({range} match both)")
                }
            }
            ErrorKind::ExactlyOne { keys } => {
                let list = keys.join(", ");
                if zh {
                    format!("以下各项必须且只能填一项：{list}")
                } else {
                    format!("give exactly one of: {list}")
                }
            }
            ErrorKind::Empty { key } => {
                if zh {
                    format!("“{key}” 不能为空")
                } else {
                    format!("“{key}” must not be empty")
                }
            }
            ErrorKind::TooLarge { bytes } => {
                if zh {
                    format!("文件太大（{bytes} 字节），不像是政策文件（上限 1 MB）")
                } else {
                    format!("the file is too large ({bytes} bytes) to be a policy file (limit 1 MB)")
                }
            }
        }
    }

    /// `第 3 行第 5 列（version[0].from）：…` / `line 3, column 5 (version[0].from): …`
    pub fn display(&self, locale: Locale) -> String {
        let msg = self.message(locale);
        let place = match (self.line, self.path.is_empty()) {
            (0, true) => String::new(),
            (0, false) => format!("{}: ", self.path),
            (l, true) => match locale {
                Locale::ZhCn => format!("第 {l} 行第 {} 列：", self.column),
                Locale::En => format!("line {l}, column {}: ", self.column),
            },
            (l, false) => match locale {
                Locale::ZhCn => format!("第 {l} 行第 {} 列（{}）：", self.column, self.path),
                Locale::En => format!("line {l}, column {} ({}): ", self.column, self.path),
            },
        };
        format!("{place}{msg}")
    }
}

impl fmt::Display for PolicyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.display(Locale::En))
    }
}
