//! The calculator's answer for a form: validate, then assess (or the range when some answers are
//! "not sure"). One function, so the web page, tests and any other front end agree.

use serde::Serialize;

use super::assess::{assess, Assessment};
use super::form::{validate, FormError, FormInput};
use super::model::Policy;
use super::range::{assess_range, RangeAssessment};
use super::simulate::{simulate_month, MonthResult};
use crate::core::calendar::Calendar;

/// What the calculator shows.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Outcome {
    /// Nothing entered yet (no age or birth date): show no result, no errors.
    Empty,
    /// The form has problems.
    Invalid(Vec<FormError>),
    /// The policy's own test cases fail, so no amount is shown.
    Blocked {
        /// How many cases failed.
        failed: usize,
        /// How many there are.
        total: usize,
    },
    /// Every answer given.
    Single(Box<Assessment>),
    /// Some answers "not sure".
    Range(Box<RangeAssessment>),
    /// Too many "not sure" answers to work through.
    TooManyUnknowns,
}

/// The calculator's answer. `cases` is (failed, total) for the policy's own test cases.
pub fn calculate(policy: &Policy, cases: (usize, usize), form: &FormInput, calendar: &Calendar) -> Outcome {
    let untouched = match form.age_mode {
        super::form::AgeMode::Age => form.age.trim().is_empty(),
        super::form::AgeMode::BirthDate => form.birth_date.trim().is_empty(),
    };
    let (answers, meal) = match validate(form) {
        Ok((answers, meal)) => (super::income::for_policy(policy, answers), meal),
        Err(errors) => {
            // Before the age is entered, an empty age is not an error worth shouting about.
            let only_missing_age = errors.iter().all(|e| {
                matches!(e.field, super::form::FormField::Age | super::form::FormField::BirthDate)
                    && e.problem == super::form::FormProblem::Missing
            });
            return if untouched && only_missing_age { Outcome::Empty } else { Outcome::Invalid(errors) };
        }
    };
    let (failed, total) = cases;
    if failed > 0 {
        return Outcome::Blocked { failed, total };
    }
    if answers.open_questions().is_empty() {
        Outcome::Single(Box::new(assess(policy, &answers.baseline(), &meal, calendar)))
    } else {
        match assess_range(policy, &answers, &meal, calendar) {
            Some(range) => Outcome::Range(Box::new(range)),
            None => Outcome::TooManyUnknowns,
        }
    }
}

/// The month of the meal's date under the form's meal plan, when every answer is given.
pub fn month_plan(policy: &Policy, form: &FormInput, calendar: &Calendar) -> Option<MonthResult> {
    let (answers, meal) = validate(form).ok()?;
    let answers = super::income::for_policy(policy, answers);
    if !answers.open_questions().is_empty() || policy.version_on(meal.date).is_none() {
        return None;
    }
    let plan = form.meal_plan(&meal);
    Some(simulate_month(policy, &answers.baseline(), &plan, meal.date.year(), meal.date.month(), calendar))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::money::Fen;
    use crate::core::policy::form::UNSURE;
    use crate::core::policy::presets::load_preset;
    use crate::core::policy::Question;

    fn shenzhen() -> Policy {
        load_preset("shenzhen-2025").and_then(Result::ok).expect("preset")
    }

    fn form() -> FormInput {
        FormInput::new("shenzhen-2025", "2025-03-04".parse().expect("date"))
    }

    #[test]
    fn the_month_plan_follows_the_form() {
        // Shenzhen, 85, weekday lunches at 15 yuan in October 2025: 18 working days among them?
        // Mon–Fri only (the make-up Saturday 11 October is not in the plan): 9, 10, 13–17, 20–24,
        // 27–31 → 17 lunches × 5 = 85 yuan; entitlement (every day) 18 × 5 = 90; unused 5.
        let mut f = form();
        f.age = "85".into();
        f.price = "15".into();
        f.date = "2025-10-20".into();
        let m = month_plan(&shenzhen(), &f, Calendar::builtin()).expect("a plan");
        assert_eq!((m.subsidised_meals, m.total_subsidy), (17, Fen::yuan(85)));
        assert_eq!((m.entitlement, m.unused), (Fen::yuan(90), Fen::yuan(5)));
        f.hardship = UNSURE.into();
        assert_eq!(month_plan(&shenzhen(), &f, Calendar::builtin()), None, "no plan for a range");
    }

    #[test]
    fn an_untouched_form_shows_nothing() {
        assert_eq!(calculate(&shenzhen(), (0, 10), &form(), Calendar::builtin()), Outcome::Empty);
    }

    #[test]
    fn failing_cases_block_the_amounts() {
        let mut f = form();
        f.age = "85".into();
        assert_eq!(calculate(&shenzhen(), (2, 10), &f, Calendar::builtin()), Outcome::Blocked { failed: 2, total: 10 });
    }

    #[test]
    fn a_definite_person_gets_one_figure() {
        let mut f = form();
        f.age = "85".into();
        f.price = "15".into();
        let Outcome::Single(a) = calculate(&shenzhen(), (0, 10), &f, Calendar::builtin()) else { panic!("single") };
        assert_eq!((a.subsidy, a.pay), (Fen::yuan(5), Some(Fen::yuan(10))));
    }

    #[test]
    fn not_sure_of_the_hardship_category_gives_the_range_and_the_deciding_question() {
        // Shenzhen, registered, aged 65, price 20: no hardship → 0; 低保 etc. → 15 (the cap).
        let mut f = form();
        f.age = "65".into();
        f.price = "20".into();
        f.hardship = UNSURE.into();
        f.care_level = UNSURE.into();
        let Outcome::Range(r) = calculate(&shenzhen(), (0, 10), &f, Calendar::builtin()) else { panic!("range") };
        assert_eq!(r.min.subsidy, Fen::ZERO);
        assert_eq!(r.max.subsidy, Fen::yuan(15));
        assert_eq!(r.deciding, vec![Question::Hardship]);
        assert_eq!(r.irrelevant, vec![Question::CareLevel], "care level changes nothing for a lunch without delivery");
    }
}
