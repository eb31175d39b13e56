//! One raw → valid convention for the forms of numbers: what a person typed stays a string in the
//! form (`SettingsForm`, `ScenarioForm`), and one `validate` turns it into the value the engine
//! takes or into a list of [`FieldError`]s, each naming its field and its [`Problem`], worded in
//! the person's language. Numbers are read by [`number`] and percentages by [`percent`], both after
//! [`half_width`], so "２２．１" typed with a Chinese input method reads as 22.1 everywhere.
//!
//! [`FieldError`] is the field-error type of every form: the calculator's questions (dates, ages,
//! choices) carry `policy::form::FormProblem`, worded per field, and the command line's people
//! `policy::input::FieldProblem`.

use serde::{Deserialize, Serialize};

use crate::core::text_input::half_width;
use crate::core::Locale;

/// What is wrong with one typed number.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Problem {
    /// Not a number from `min` to `max` (nothing typed, not a number, or outside the range).
    NotInRange {
        /// Smallest allowed.
        min: f64,
        /// Largest allowed.
        max: f64,
    },
    /// Shares of one whole that add up to more than 100 %.
    SharesOver100,
}

/// A problem with one field of a form whose fields are `F`: the one field-error type of every form
/// (the planner's settings and the cost estimate with [`Problem`]; the calculator's questions with
/// `policy::form::FormProblem`; the command line's people with `policy::input::FieldProblem`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldError<F, P = Problem> {
    /// Which field.
    pub field: F,
    /// What is wrong.
    pub problem: P,
}

/// A kind of problem that can say, in a language, what is wrong with a field.
pub trait Describe<F> {
    /// The problem with `field`, in words.
    fn describe(&self, field: &F, locale: Locale) -> String;
}

impl<F> Describe<F> for Problem {
    fn describe(&self, _field: &F, locale: Locale) -> String {
        self.message(locale)
    }
}

impl<F, P: Describe<F>> FieldError<F, P> {
    /// The problem in words, for beside the field.
    pub fn message(&self, locale: Locale) -> String {
        self.problem.describe(&self.field, locale)
    }
}

/// The words for a problem, in one language.
pub struct FormWords {
    /// Not a number in the range (min, max).
    pub not_in_range: fn(f64, f64) -> String,
    /// Shares adding up to more than 100 %.
    pub shares_over_100: &'static str,
}

/// 简体中文.
pub const ZH_CN: FormWords = FormWords {
    not_in_range: |min, max| format!("请填写 {min} 到 {max} 之间的数"),
    shares_over_100: "这几项的比例合计不能超过100%。",
};

/// English.
pub const EN: FormWords = FormWords {
    not_in_range: |min, max| format!("Please enter a number from {min} to {max}"),
    shares_over_100: "These shares must not add up to more than 100%.",
};

/// The table for a language.
pub fn words(l: Locale) -> &'static FormWords {
    match l {
        Locale::ZhCn => &ZH_CN,
        Locale::En => &EN,
    }
}

impl Problem {
    /// The problem in words.
    pub fn message(&self, locale: Locale) -> String {
        let w = words(locale);
        match self {
            Problem::NotInRange { min, max } => (w.not_in_range)(*min, *max),
            Problem::SharesOver100 => w.shares_over_100.to_string(),
        }
    }
}

/// A typed number from `min` to `max` (full-width digits and stop accepted).
///
/// ```
/// use zhucan::core::form::{number, Problem};
/// assert_eq!(number("２２．１", 0.0, 100.0), Ok(22.1));
/// assert_eq!(number(" 1000 ", 50.0, 50_000.0), Ok(1000.0));
/// assert_eq!(number("abc", 1.0, 7.0), Err(Problem::NotInRange { min: 1.0, max: 7.0 }));
/// ```
pub fn number(text: &str, min: f64, max: f64) -> Result<f64, Problem> {
    match half_width(text).parse::<f64>() {
        Ok(v) if v.is_finite() && v >= min && v <= max => Ok(v),
        _ => Err(Problem::NotInRange { min, max }),
    }
}

/// A typed percentage from 0 to 100 as a share from 0 to 1.
///
/// ```
/// use zhucan::core::form::percent;
/// assert_eq!(percent("22.1").map(|s| (s * 1000.0).round()), Ok(221.0));
/// assert!(percent("101").is_err());
/// ```
pub fn percent(text: &str) -> Result<f64, Problem> {
    number(text, 0.0, 100.0).map(|v| v / 100.0)
}

/// Reads one field into `errors`: the value, or `fallback` with the problem recorded against
/// `field` (so one pass names every problem).
pub fn read<F, T>(result: Result<T, Problem>, field: F, fallback: T, errors: &mut Vec<FieldError<F>>) -> T {
    result.unwrap_or_else(|problem| {
        errors.push(FieldError { field, problem });
        fallback
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_typed_with_a_chinese_input_method_read_the_same() {
        assert_eq!(number("１２", 1.0, 50.0), Ok(12.0));
        assert_eq!(number("　３．５　", 0.0, 10.0), Ok(3.5));
        assert_eq!(number("", 0.0, 10.0), Err(Problem::NotInRange { min: 0.0, max: 10.0 }));
        assert_eq!(number("NaN", 0.0, 10.0), Err(Problem::NotInRange { min: 0.0, max: 10.0 }));
        assert_eq!(number("inf", 0.0, f64::MAX), Err(Problem::NotInRange { min: 0.0, max: f64::MAX }));
        assert_eq!(number("10.5", 0.0, 10.0), Err(Problem::NotInRange { min: 0.0, max: 10.0 }));
    }

    #[test]
    fn read_collects_every_problem() {
        let mut errors = Vec::new();
        let a = read(number("x", 1.0, 7.0), "days", 1.0, &mut errors);
        let b = read(percent("50"), "uptake", 0.0, &mut errors);
        let c = read(percent("200"), "share", 0.0, &mut errors);
        assert_eq!((a, b, c), (1.0, 0.5, 0.0));
        assert_eq!(errors.iter().map(|e| e.field).collect::<Vec<_>>(), ["days", "share"]);
    }

    #[test]
    fn problems_in_words() {
        let range = Problem::NotInRange { min: 50.0, max: 50_000.0 };
        assert_eq!(range.message(Locale::ZhCn), "请填写 50 到 50000 之间的数");
        assert_eq!(range.message(Locale::En), "Please enter a number from 50 to 50000");
        assert!(Problem::SharesOver100.message(Locale::ZhCn).ends_with('。'));
        assert!(Problem::SharesOver100.message(Locale::En).ends_with('.'));
    }
}
