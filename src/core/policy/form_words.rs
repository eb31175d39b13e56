//! The words of the calculator form's problems ([`super::form`]), one table per language: each
//! field's label and every message whole, so a third language is one more table.

use super::form::FormField;
use crate::core::Locale;

/// The form's field labels and problem messages, in one language.
pub struct FormWords {
    /// A field's label, for error summaries: `年龄` / `Age`.
    pub label: fn(&FormField) -> &'static str,
    /// Nothing entered in a field that needs something.
    pub missing: fn(&FormField) -> &'static str,
    /// Not a whole number.
    pub not_a_whole_number: &'static str,
    /// A number outside the plausible range: smallest, largest.
    pub out_of_range: fn(u32, u32) -> String,
    /// Not a date.
    pub not_a_date: &'static str,
    /// A birth date after the meal's date.
    pub born_after_meal: &'static str,
    /// Not an amount of money.
    pub not_an_amount: &'static str,
    /// Not one of the offered choices.
    pub unknown_choice: &'static str,
}

/// 简体中文.
pub const ZH_CN: FormWords = FormWords {
    label: |f| match f {
        FormField::Age => "年龄",
        FormField::BirthDate => "出生日期",
        FormField::Hukou => "户籍",
        FormField::Hardship => "困难类别",
        FormField::CareLevel => "失能程度",
        FormField::DisabilityGrade => "残疾等级",
        FormField::Date => "就餐日期",
        FormField::Meal => "餐次",
        FormField::Price => "餐费",
        FormField::Place => "就餐地点",
        FormField::Income => "家庭人均月收入",
        FormField::IncomeTo => "家庭人均月收入（最多）",
        FormField::Area => "城镇或农村",
    },
    missing: |f| match f {
        FormField::Age => "请填写年龄（周岁），例如 80",
        FormField::BirthDate => "请填写出生日期，例如 1945-03-04",
        FormField::Hukou => "请填写户籍",
        FormField::Hardship => "请填写困难类别",
        FormField::CareLevel => "请填写失能程度",
        FormField::DisabilityGrade => "请填写残疾等级",
        FormField::Date => "请填写就餐日期，例如 2025-03-04",
        FormField::Meal => "请填写餐次",
        FormField::Price => "请填写餐费",
        FormField::Place => "请填写就餐地点",
        FormField::Income => "请填写家庭人均月收入",
        FormField::IncomeTo => "请填写家庭人均月收入（最多）",
        FormField::Area => "请填写城镇或农村",
    },
    not_a_whole_number: "请填写整数，例如 80",
    out_of_range: |min, max| format!("请填写 {min} 到 {max} 之间的数"),
    not_a_date: "日期格式不对，请按“年-月-日”填写，例如 1945-03-04",
    born_after_meal: "出生日期不能晚于就餐日期",
    not_an_amount: "金额格式不对，请填写数字，例如 12 或 10.5（单位：元）",
    unknown_choice: "请从列表中选择",
};

/// English.
pub const EN: FormWords = FormWords {
    label: |f| match f {
        FormField::Age => "Age",
        FormField::BirthDate => "Date of birth",
        FormField::Hukou => "Household registration",
        FormField::Hardship => "Hardship category",
        FormField::CareLevel => "Care need",
        FormField::DisabilityGrade => "Disability grade",
        FormField::Date => "Meal date",
        FormField::Meal => "Meal",
        FormField::Price => "Meal price",
        FormField::Place => "Where you eat",
        FormField::Income => "Household income per person per month",
        FormField::IncomeTo => "Household income per person per month (at most)",
        FormField::Area => "Urban or rural",
    },
    missing: |f| match f {
        FormField::Age => "Please enter the age in full years, for example 80",
        FormField::BirthDate => "Please enter the date of birth, for example 1945-03-04",
        FormField::Hukou => "Please fill in: Household registration",
        FormField::Hardship => "Please fill in: Hardship category",
        FormField::CareLevel => "Please fill in: Care need",
        FormField::DisabilityGrade => "Please fill in: Disability grade",
        FormField::Date => "Please enter the meal's date, for example 2025-03-04",
        FormField::Meal => "Please fill in: Meal",
        FormField::Price => "Please fill in: Meal price",
        FormField::Place => "Please fill in: Where you eat",
        FormField::Income => "Please fill in: Household income per person per month",
        FormField::IncomeTo => "Please fill in: Household income per person per month (at most)",
        FormField::Area => "Please fill in: Urban or rural",
    },
    not_a_whole_number: "Please enter a whole number, for example 80",
    out_of_range: |min, max| format!("Please enter a number from {min} to {max}"),
    not_a_date: "This is not a date; please write year-month-day, for example 1945-03-04",
    born_after_meal: "The date of birth cannot be after the meal's date",
    not_an_amount: "This is not an amount; please enter a number such as 12 or 10.5 (yuan)",
    unknown_choice: "Please choose from the list",
};

/// The table for `locale`.
pub fn form_words(locale: Locale) -> &'static FormWords {
    match locale {
        Locale::ZhCn => &ZH_CN,
        Locale::En => &EN,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::policy::error_words::check::{assert_chinese, assert_english};
    use crate::core::policy::form::{FormError, FormProblem};

    const FIELDS: [FormField; 13] = [
        FormField::Age,
        FormField::BirthDate,
        FormField::Hukou,
        FormField::Hardship,
        FormField::CareLevel,
        FormField::DisabilityGrade,
        FormField::Date,
        FormField::Meal,
        FormField::Price,
        FormField::Place,
        FormField::Income,
        FormField::IncomeTo,
        FormField::Area,
    ];

    /// Every problem; a new one fails to compile in the match until it is in the list.
    fn problems() -> Vec<FormProblem> {
        let all = vec![
            FormProblem::Missing,
            FormProblem::NotAWholeNumber,
            FormProblem::OutOfRange { min: 0, max: 130 },
            FormProblem::NotADate,
            FormProblem::BornAfterMeal,
            FormProblem::NotAnAmount,
            FormProblem::UnknownChoice,
        ];
        for p in &all {
            match p {
                FormProblem::Missing
                | FormProblem::NotAWholeNumber
                | FormProblem::OutOfRange { .. }
                | FormProblem::NotADate
                | FormProblem::BornAfterMeal
                | FormProblem::NotAnAmount
                | FormProblem::UnknownChoice => {}
            }
        }
        all
    }

    #[test]
    fn every_field_and_problem_reads_in_each_language_with_its_own_punctuation() {
        for field in FIELDS {
            assert_chinese(field.label(Locale::ZhCn), &[]);
            assert_english(field.label(Locale::En));
            for problem in problems() {
                let e = FormError { field: field.clone(), problem };
                assert_chinese(&e.message(Locale::ZhCn), &[]);
                assert_english(&e.message(Locale::En));
            }
        }
    }

    #[test]
    fn a_missing_answer_without_an_example_names_its_field() {
        for field in FIELDS {
            let missing = |l| FormError { field: field.clone(), problem: FormProblem::Missing }.message(l);
            if matches!(field, FormField::Age | FormField::BirthDate | FormField::Date) {
                // These three give an example of what to write, after the field's name.
                assert!(missing(Locale::ZhCn).starts_with("请填写") && missing(Locale::ZhCn).contains("例如"), "{field:?}");
                assert!(missing(Locale::En).starts_with("Please enter the ") && missing(Locale::En).contains("for example"), "{field:?}");
            } else {
                assert_eq!(missing(Locale::ZhCn), format!("请填写{}", field.label(Locale::ZhCn)));
                assert_eq!(missing(Locale::En), format!("Please fill in: {}", field.label(Locale::En)));
            }
        }
        let e = FormError { field: FormField::Hukou, problem: FormProblem::Missing };
        assert_eq!(e.message(Locale::ZhCn), "请填写户籍");
        assert_eq!(e.message(Locale::En), "Please fill in: Household registration");
    }
}
