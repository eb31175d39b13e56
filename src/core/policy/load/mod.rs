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

#[cfg(test)]
mod tests {
    //! The newer keys' problems: each reported with its line (counted by hand in the text) and
    //! worded in both languages.
    use super::*;
    use crate::core::money::Fen;
    use crate::core::policy::error::Expected;
    use crate::core::Locale;

    /// Lines 1–13: a policy, a source and a clause; the version starts on line 14.
    const HEAD: &str = r#"[policy]
id = "t"
name = "测试"
region = "测试"
[[source]]
id = "s"
title = "测试文件"
number = "测1号"
[[clause]]
id = "c"
source = "s"
text = "……"

"#;

    /// A version (from line 14) whose single tier is `tier` and whose other keys are `extra`.
    fn file(from: &str, extra: &str, tier: &str) -> String {
        format!(
            "{HEAD}[[version]]\nid = \"v\"\nlabel = \"v\"\nfrom = {from}\n{extra}\n  [[version.component]]\n  id = \"m\"\n  name = \"m\"\n    [[version.component.tier]]\n    id = \"t\"\n    name = \"t\"\n    clause = \"c\"\n    {tier}\n"
        )
    }

    fn errors(text: &str) -> Vec<PolicyError> {
        parse_policy(text).expect_err("refused")
    }

    #[test]
    fn the_new_keys_load_when_written_right() {
        let text = file(
            "\"unknown\"",
            "caps = { money_per_week = 50, money_per_month = 150, clause = \"c\" }\ndelivery_fee = { amount = 2, clause = \"c\", free_when = { hardship_in = [\"dibao\"] }, free_clause = \"c\" }",
            "percent = 25\n    percent_at_most = 5",
        );
        let p = parse_policy(&text).unwrap_or_else(|e| panic!("{e:?}"));
        let v = &p.versions[0];
        assert_eq!(v.from, None);
        assert_eq!(v.caps.money_per_week.as_ref().and_then(|(d, _)| d.first()), Some(&Fen::yuan(50)));
        assert_eq!(v.delivery_fee.as_ref().map(|f| f.amount.first()), Some(Some(&Fen::yuan(2))));
        let crate::core::policy::model::Benefit::Percent { at_most: Some(max), .. } = &v.components[0].tiers[0].benefit else {
            panic!("a ceiling")
        };
        assert_eq!(max.lunch.as_ref().and_then(|d| d.first()), Some(&Fen::yuan(5)));
    }

    #[test]
    fn a_from_that_is_neither_a_date_nor_unknown_is_refused() {
        // `from` is on line 17.
        let e = errors(&file("\"someday\"", "", "subsidy = 2"));
        assert_eq!(e.len(), 1);
        assert_eq!(e[0].line, 17);
        assert!(matches!(&e[0].kind, ErrorKind::BadValue { expected: Expected::DateOrUnknown, .. }));
        assert_eq!(
            e[0].display(Locale::ZhCn),
            "第 17 行第 8 列（version[0].from）：应为日期，如 2025-03-04；来源没有写明开始日期时写 \"unknown\"，实际是 \"someday\""
        );
    }

    #[test]
    fn only_the_first_version_may_start_on_an_unknown_day() {
        // The second version (its `[[version]]` on line 27) says "unknown" after a dated one.
        let one = file("2024-01-01", "", "subsidy = 2");
        let two = format!("{one}[[version]]\nid = \"w\"\nlabel = \"w\"\nfrom = \"unknown\"\n  [[version.component]]\n  id = \"m\"\n  name = \"m\"\n    [[version.component.tier]]\n    id = \"t\"\n    name = \"t\"\n    clause = \"c\"\n    subsidy = 3\n");
        let e = errors(&two);
        assert_eq!(e.len(), 1, "{e:?}");
        assert_eq!(e[0].kind, ErrorKind::UnknownStartNotFirst { id: "w".into() });
        assert_eq!(e[0].line, 27);
        assert_eq!(
            e[0].message(Locale::En),
            "version “w” gives its start as “unknown”: only the first version may, as it is in force until the next one starts"
        );
        // First unknown with an end after the next one's start: they overlap.
        let first = file("\"unknown\"", "until = 2024-12-31", "subsidy = 2");
        let overlap = format!("{first}[[version]]\nid = \"w\"\nlabel = \"w\"\nfrom = 2024-07-01\n  [[version.component]]\n  id = \"m\"\n  name = \"m\"\n    [[version.component.tier]]\n    id = \"t\"\n    name = \"t\"\n    clause = \"c\"\n    subsidy = 3\n");
        assert!(errors(&overlap).iter().any(|e| e.kind == ErrorKind::VersionsOverlap { a: "v".into(), b: "w".into() }));
    }

    #[test]
    fn a_ceiling_needs_a_percentage() {
        // The tier's table starts on line 22.
        let e = errors(&file("2024-01-01", "", "subsidy = 2\n    percent_at_most = 5"));
        assert_eq!(e.len(), 1, "{e:?}");
        assert_eq!((e[0].line, e[0].kind.clone()), (22, ErrorKind::OnlyWith { key: "percent_at_most", needs: "percent" }));
        assert_eq!(e[0].message(Locale::ZhCn), "“percent_at_most” 只能和 “percent” 一起用");
        let e = errors(&file("2024-01-01", "", "percent = 25\n    percent_at_most = \"lots\""));
        assert!(matches!(&e[0].kind, ErrorKind::BadValue { expected: Expected::Money, .. }), "{e:?}");
        assert_eq!(e[0].line, 27);
    }

    #[test]
    fn a_delivery_fee_needs_its_amount_and_clauses() {
        // `delivery_fee` is on line 18.
        let no_amount = errors(&file("2024-01-01", "delivery_fee = { clause = \"c\" }", "subsidy = 2"));
        assert_eq!((no_amount[0].line, no_amount[0].kind.clone()), (18, ErrorKind::MissingKey { key: "amount" }));
        let no_clause = errors(&file("2024-01-01", "delivery_fee = { amount = 2 }", "subsidy = 2"));
        assert_eq!(no_clause[0].kind, ErrorKind::NoClause { key: "clause" });
        let free_no_clause =
            errors(&file("2024-01-01", "delivery_fee = { amount = 2, clause = \"c\", free_when = { hukou = \"local\" } }", "subsidy = 2"));
        assert_eq!(free_no_clause[0].kind, ErrorKind::NoClause { key: "free_clause" });
        let clause_alone = errors(&file("2024-01-01", "delivery_fee = { amount = 2, clause = \"c\", free_clause = \"c\" }", "subsidy = 2"));
        assert_eq!(clause_alone[0].kind, ErrorKind::OnlyWith { key: "free_clause", needs: "free_when" });
        assert_eq!(clause_alone[0].message(Locale::En), "“free_clause” can only be given with “free_when”");
        let typo =
            errors(&file("2024-01-01", "delivery_fee = { amount = 2, clause = \"c\", free_for = { hukou = \"local\" } }", "subsidy = 2"));
        assert!(matches!(&typo[0].kind, ErrorKind::UnknownKey { key, .. } if key == "free_for"));
    }

    #[test]
    fn a_money_cap_needs_a_clause() {
        let e = errors(&file("2024-01-01", "caps = { money_per_month = 150 }", "subsidy = 2"));
        assert_eq!((e[0].line, e[0].kind.clone()), (18, ErrorKind::NoClause { key: "money_per_month_clause" }));
        let e = errors(&file("2024-01-01", "caps = { money_per_week = -5, clause = \"c\" }", "subsidy = 2"));
        assert!(matches!(&e[0].kind, ErrorKind::BadValue { expected: Expected::Money, .. }), "{e:?}");
    }

    #[test]
    fn paid_to_may_be_left_out_but_not_misspelt() {
        let base = file("2024-01-01", "", "subsidy = 2");
        let with = |paid_to: &str| {
            format!("{base}  [[version.delivery]]\n  id = \"d\"\n  name = \"d\"\n  amount = 1\n  clause = \"c\"\n  {paid_to}\n")
        };
        let p = parse_policy(&with("")).unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(p.versions[0].delivery[0].paid_to, None);
        let e = errors(&with("paid_to = \"canteen\""));
        assert!(matches!(&e[0].kind, ErrorKind::BadValue { expected: Expected::OneOf(v), .. } if v == &vec!["provider", "person"]));
    }
}
