//! "Not sure": the range of outcomes over every person the answers allow, and the questions whose
//! answer actually changes the figure.

use serde::Serialize;

use super::assess::{advice_for, assess, assess_figures, Advice, Assessment};
use super::model::Policy;
use super::person::{answer_each, Meal, PersonAnswers, Question};
use crate::core::calendar::Calendar;

/// The most combinations of "not sure" answers explored (8 hardship categories × 4 care levels ×
/// 5 disability grades × 2 × 2 … stays far below this).
pub const MAX_COMBINATIONS: usize = 4096;

/// The outcome when some answers are "not sure".
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct RangeAssessment {
    /// The lowest subsidy the answers allow (full assessment of that person).
    pub min: Assessment,
    /// The highest.
    pub max: Assessment,
    /// Open questions whose answer changes the subsidy, in the form's order.
    pub deciding: Vec<Question>,
    /// Open questions whose answer makes no difference here.
    pub irrelevant: Vec<Question>,
    /// How many people the answers allow.
    pub combinations: usize,
    /// When the same place, meal or day rule cuts the subsidy of every person the answers allow:
    /// the advice giving the lowest and the highest full amount.
    pub advice: Option<(Advice, Advice)>,
}

/// Assesses every person the answers allow. `None` when there are more than
/// [`MAX_COMBINATIONS`] of them.
pub fn assess_range(policy: &Policy, answers: &PersonAnswers, meal: &Meal, calendar: &Calendar) -> Option<RangeAssessment> {
    let people = answers.completions(MAX_COMBINATIONS)?;
    let outcome = |p: &super::person::Person| {
        let a = assess_figures(policy, p, meal, calendar);
        (a.subsidy, a.delivery_subsidy)
    };
    let results: Vec<_> = people.iter().map(|p| (outcome(p), p)).collect();
    let (_, min_person) = results.iter().min_by_key(|(o, _)| *o)?;
    let (_, max_person) = results.iter().max_by_key(|(o, _)| *o)?;
    let mut deciding = Vec::new();
    let mut irrelevant = Vec::new();
    for question in answers.open_questions() {
        // Deciding if, for some person, changing only this answer changes the outcome.
        let matters = people.iter().any(|p| {
            let outcomes: Vec<_> = answer_each(p, &question).iter().map(outcome).collect();
            outcomes.windows(2).any(|w| w[0] != w[1])
        });
        if matters {
            deciding.push(question);
        } else {
            irrelevant.push(question);
        }
    }
    Some(RangeAssessment {
        min: assess(policy, min_person, meal, calendar),
        max: assess(policy, max_person, meal, calendar),
        deciding,
        irrelevant,
        combinations: people.len(),
        advice: advice_range(policy, &people, meal, calendar),
    })
}

/// The advice over every person: only when each of them gets advice, with the same changes.
fn advice_range(policy: &Policy, people: &[super::person::Person], meal: &Meal, calendar: &Calendar) -> Option<(Advice, Advice)> {
    let all: Vec<Advice> = people.iter().map(|p| advice_for(policy, p, meal, calendar)).collect::<Option<_>>()?;
    let first = all.first()?;
    if all.iter().any(|a| a.changes != first.changes) {
        return None;
    }
    let lo = all.iter().min_by_key(|a| a.subsidy)?.clone();
    let hi = all.iter().max_by_key(|a| a.subsidy)?.clone();
    Some((lo, hi))
}
