//! Meal-subsidy policies as data: the policy file model, loading and validation, the engine with
//! its explanation, the month simulator, "not sure" ranges and the presets shipped with the app.
//!
//! Chinese national policy (民发〔2023〕58号) leaves subsidy objects, amounts and methods to each
//! locality, so every rule lives in a versioned TOML file (`docs/policy-format.md`), never in code.
//! The engine is pure: `assess(policy, person, meal, calendar)` with money in integer fen.
//!
//! Reading a file is [`load`] (its spanned-TOML reader and the schema of a policy file). The
//! engine for one meal is [`assess`](mod@assess), with the day, week and month limits beside it;
//! the month simulator ([`simulate`]), the "not sure" ranges ([`range`]) and the comparison
//! ([`compare`]) build on it, and neither [`load`] nor [`assess`](mod@assess) imports them.

pub mod assess;
pub mod calc;
pub mod cases;
pub mod compare;
pub mod compare_words;
pub mod condition;
pub mod draft;
pub mod draft_check;
pub mod draft_words;
pub mod draft_write;
pub mod error;
pub mod error_words;
pub mod explain;
pub mod explain_words;
pub mod figure_words;
pub mod form;
pub mod form_words;
pub mod income;
pub mod income_words;
pub mod input;
pub mod input_words;
pub mod load;
pub mod model;
pub mod person;
pub mod presets;
pub mod range;
pub mod sample;
pub mod simulate;
pub mod words;

pub use assess::{assess, assess_figures, Assessment, Hint, Note, Step, StepKind};
pub use cases::{run_cases, CaseResult};
pub use condition::Condition;
pub use error::PolicyError;
pub use load::parse_policy;
pub use model::Policy;
pub use person::{AgeInput, Area, CareLevel, Group, Hardship, Hukou, Meal, MealKind, Person, PersonAnswers, Place, Question};
pub use range::{assess_range, RangeAssessment};
pub use simulate::{simulate_month, MealPlan, MonthResult};
