//! The words of the command line's person and meal input problems ([`super::input`]), one table
//! per language: every message whole, with its punctuation, so a third language is one more table.

use super::input::FieldProblem;
use crate::core::date::DateError;
use crate::core::money::{self, MoneyError};
use crate::core::Locale;

/// The input problems' messages, in one language.
pub struct InputWords {
    /// What is wrong, without the field.
    pub problem: fn(&FieldProblem) -> String,
    /// A problem with its field: the field's name as in the file, the problem (from
    /// [`InputWords::problem`]).
    pub field: fn(&str, &str) -> String,
}

/// 简体中文.
pub const ZH_CN: InputWords = InputWords {
    problem: |p| match p {
        FieldProblem::Date(DateError::Format(found)) => format!("应为日期，如 2025-03-04，实际是 “{found}”"),
        FieldProblem::Date(DateError::NoSuchDay(text)) => format!("{text} 不是真实存在的日期"),
        FieldProblem::ImplausibleAge(age) => format!("{age} 不是合理的年龄（0–150）"),
        FieldProblem::AgeAndBirthDate => "birth_date 和 age 只能填一项，不能都填".into(),
        FieldProblem::NoAge => "缺少年龄：请填写 birth_date（YYYY-MM-DD）或 age".into(),
        FieldProblem::NotOneOf { allowed, found } => format!("应为以下之一：{}，实际是 “{found}”", allowed.join("、")),
        FieldProblem::GradeOutOfRange(grade) => format!("应为 0–4，实际是 {grade}"),
        FieldProblem::NotAGrade(found) => format!("应为 0–4，实际是 “{found}”"),
        FieldProblem::NotACategoryId(found) => format!("“{found}” 不是类别编号"),
        FieldProblem::UnknownCategory { found, allowed } if allowed.is_empty() => format!("这份政策没有类别 “{found}”（它没有自定义类别）"),
        FieldProblem::UnknownCategory { found, allowed } => format!("这份政策没有类别 “{found}”，它的类别是：{}", allowed.join("、")),
        FieldProblem::Negative => "不能为负数".into(),
        FieldProblem::PriceOutOfRange(fen) => format!("{fen} 不是以分为单位的价格（0–100000000）"),
        FieldProblem::NotAWholeNumber(found) => format!("应为整数，实际是 “{found}”"),
        FieldProblem::NotABool(found) => format!("应为 true 或 false，实际是 “{found}”"),
        FieldProblem::NotFen(found) => format!("应为以分为单位的整数，实际是 “{found}”"),
        FieldProblem::Money(e) => match e {
            MoneyError::NotANumber(found) => (money::ZH_CN.not_a_number)(found),
            MoneyError::TooPrecise(text) => (money::ZH_CN.too_precise)(text),
            MoneyError::OutOfRange(text) => (money::ZH_CN.out_of_range)(text),
        },
        FieldProblem::IncomeInBothUnits => "income（元）和 income_fen（分）只能填一项，不能都填".into(),
        FieldProblem::BornAfterMeal { birth, meal } => format!("出生日期 {birth} 晚于就餐日期 {meal}"),
    },
    field: |field, problem| format!("字段 “{field}”：{problem}"),
};

/// English.
pub const EN: InputWords = InputWords {
    problem: |p| match p {
        FieldProblem::Date(DateError::Format(found)) => format!("expected a date like 2025-03-04, found {found:?}"),
        FieldProblem::Date(DateError::NoSuchDay(text)) => format!("{text} is not a real date"),
        FieldProblem::ImplausibleAge(age) => format!("{age} is not a plausible age (0–150)"),
        FieldProblem::AgeAndBirthDate => "give birth_date or age, not both".into(),
        FieldProblem::NoAge => "missing: give birth_date (YYYY-MM-DD) or age".into(),
        FieldProblem::NotOneOf { allowed, found } => format!("expected one of {}, found {found:?}", allowed.join(", ")),
        FieldProblem::GradeOutOfRange(grade) => format!("expected 0–4, found {grade}"),
        FieldProblem::NotAGrade(found) => format!("expected 0–4, found {found:?}"),
        FieldProblem::NotACategoryId(found) => format!("{found:?} is not a category id"),
        FieldProblem::UnknownCategory { found, allowed } if allowed.is_empty() => {
            format!("this policy has no category {found:?} (it defines none)")
        }
        FieldProblem::UnknownCategory { found, allowed } => {
            format!("this policy has no category {found:?}; its categories are {}", allowed.join(", "))
        }
        FieldProblem::Negative => "must not be negative".into(),
        FieldProblem::PriceOutOfRange(fen) => format!("{fen} is not a price in fen (0 – 100000000)"),
        FieldProblem::NotAWholeNumber(found) => format!("expected a whole number, found {found:?}"),
        FieldProblem::NotABool(found) => format!("expected true or false, found {found:?}"),
        FieldProblem::NotFen(found) => format!("expected a whole number of fen, found {found:?}"),
        FieldProblem::Money(e) => match e {
            MoneyError::NotANumber(found) => (money::EN.not_a_number)(found),
            MoneyError::TooPrecise(text) => (money::EN.too_precise)(text),
            MoneyError::OutOfRange(text) => (money::EN.out_of_range)(text),
        },
        FieldProblem::IncomeInBothUnits => "give income (yuan) or income_fen (fen), not both".into(),
        FieldProblem::BornAfterMeal { birth, meal } => format!("{birth} is after the meal's date {meal}"),
    },
    field: |field, problem| format!("field `{field}`: {problem}"),
};

/// The table for `locale`.
pub fn input_words(locale: Locale) -> &'static InputWords {
    match locale {
        Locale::ZhCn => &ZH_CN,
        Locale::En => &EN,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::policy::error_words::check::{assert_chinese, assert_english};
    use crate::core::policy::input::FieldError;

    /// Every problem with values, and the words in its message that stay as written (field names,
    /// codes, the values). A new problem fails to compile in the match until it is in the list.
    fn every_problem() -> Vec<(FieldProblem, Vec<&'static str>)> {
        let d = |s: &str| s.parse().expect("date");
        let all = vec![
            (FieldProblem::Date(DateError::Format("soon".into())), vec!["soon"]),
            (FieldProblem::Date(DateError::NoSuchDay("2025-02-30".into())), vec![]),
            (FieldProblem::ImplausibleAge(151), vec![]),
            (FieldProblem::AgeAndBirthDate, vec!["birth_date", "age"]),
            (FieldProblem::NoAge, vec!["birth_date", "age", "YYYY-MM-DD"]),
            (FieldProblem::NotOneOf { allowed: vec!["none", "mild"], found: "medium".into() }, vec!["none", "mild", "medium"]),
            (FieldProblem::GradeOutOfRange(7), vec![]),
            (FieldProblem::NotAGrade("x".into()), vec!["x"]),
            (FieldProblem::NotACategoryId(String::new()), vec![]),
            (FieldProblem::Negative, vec![]),
            (FieldProblem::PriceOutOfRange(-5), vec![]),
            (FieldProblem::NotAWholeNumber("eighty".into()), vec!["eighty"]),
            (FieldProblem::NotABool("maybe".into()), vec!["true", "false", "maybe"]),
            (FieldProblem::NotFen("1.5".into()), vec![]),
            (FieldProblem::Money(MoneyError::NotANumber("lots".into())), vec!["lots"]),
            (FieldProblem::Money(MoneyError::TooPrecise("1.005".into())), vec!["1.005", "0.01"]),
            (FieldProblem::Money(MoneyError::OutOfRange("2000000".into())), vec!["2000000"]),
            (FieldProblem::IncomeInBothUnits, vec!["income", "income_fen"]),
            (
                FieldProblem::UnknownCategory { found: "jujia_butei".into(), allowed: vec!["jujia_butie".into()] },
                vec!["jujia_butei", "jujia_butie"],
            ),
            (FieldProblem::BornAfterMeal { birth: d("2030-01-01"), meal: d("2025-03-04") }, vec![]),
        ];
        for (p, _) in &all {
            match p {
                FieldProblem::Date(_)
                | FieldProblem::ImplausibleAge(_)
                | FieldProblem::AgeAndBirthDate
                | FieldProblem::NoAge
                | FieldProblem::NotOneOf { .. }
                | FieldProblem::GradeOutOfRange(_)
                | FieldProblem::NotAGrade(_)
                | FieldProblem::NotACategoryId(_)
                | FieldProblem::UnknownCategory { .. }
                | FieldProblem::Negative
                | FieldProblem::PriceOutOfRange(_)
                | FieldProblem::NotAWholeNumber(_)
                | FieldProblem::NotABool(_)
                | FieldProblem::NotFen(_)
                | FieldProblem::Money(_)
                | FieldProblem::IncomeInBothUnits
                | FieldProblem::BornAfterMeal { .. } => {}
            }
        }
        all
    }

    #[test]
    fn every_problem_reads_in_each_language_with_its_own_punctuation() {
        for (problem, mut code) in every_problem() {
            let e = FieldError { field: "care_level".into(), problem };
            code.push("care_level");
            assert_chinese(&e.message(Locale::ZhCn), &code);
            assert_english(&e.message(Locale::En));
            assert_eq!(e.to_string(), e.message(Locale::En));
        }
    }

    #[test]
    fn the_english_words_are_the_command_lines() {
        let e = |field: &str, problem| FieldError { field: field.into(), problem }.to_string();
        assert_eq!(e("income_fen", FieldProblem::Negative), "field `income_fen`: must not be negative");
        assert_eq!(e("disability_grade", FieldProblem::GradeOutOfRange(7)), "field `disability_grade`: expected 0–4, found 7");
        assert_eq!(e("disability_grade", FieldProblem::NotAGrade("x".into())), "field `disability_grade`: expected 0–4, found \"x\"");
        assert_eq!(
            e("hukou", FieldProblem::NotOneOf { allowed: vec!["local", "nonlocal"], found: "here".into() }),
            "field `hukou`: expected one of local, nonlocal, found \"here\""
        );
        // A date's problem says what the date reader says.
        for text in ["soon", "2025-02-30"] {
            let Err(err) = text.parse::<crate::core::date::Date>() else { panic!("{text} is not a date") };
            assert_eq!(FieldProblem::Date(err.clone()).message(Locale::En), err.to_string());
        }
        let grade = FieldError { field: "disability_grade".into(), problem: FieldProblem::GradeOutOfRange(7) };
        assert_eq!(grade.message(Locale::ZhCn), "字段 “disability_grade”：应为 0–4，实际是 7");
    }
}
