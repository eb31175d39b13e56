//! Meal-subsidy policies as data: the policy file model, validation, evaluation and the
//! explanation trace. (Filled in by the subsidy-calculator work.)
