//! A policy's own test cases: hand-computed examples that must come out right before the app
//! shows any amount from the policy.

use serde::Serialize;

use super::assess::assess;
use super::model::{Case, Policy};
use crate::core::calendar::Calendar;
use crate::core::money::Fen;

/// A field whose result differs from the expectation.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Mismatch {
    /// Which field (`subsidy`, `pay`, `tier` …).
    pub field: &'static str,
    /// Expected value, as text.
    pub expected: String,
    /// Actual value, as text.
    pub actual: String,
}

/// One case's outcome.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct CaseResult {
    /// The case's name.
    pub name: String,
    /// Its line in the file.
    pub line: usize,
    /// The differences (empty when it passes).
    pub mismatches: Vec<Mismatch>,
}

impl CaseResult {
    /// Did every expected field match?
    pub fn passed(&self) -> bool {
        self.mismatches.is_empty()
    }
}

fn money(f: Option<Fen>) -> String {
    f.map_or_else(|| "—".to_string(), |f| f.to_string())
}

/// Runs one case.
pub fn run_case(policy: &Policy, case: &Case, calendar: &Calendar) -> CaseResult {
    let a = assess(policy, &case.person, &case.meal, calendar);
    let e = &case.expect;
    let mut mismatches = Vec::new();
    let mut check = |field: &'static str, expected: Option<String>, actual: String| {
        if let Some(expected) = expected {
            if expected != actual {
                mismatches.push(Mismatch { field, expected, actual });
            }
        }
    };
    check("eligible", e.eligible.map(|b| b.to_string()), a.eligible.to_string());
    check("subsidy", e.subsidy.map(|f| f.to_string()), a.subsidy.to_string());
    check("pay", e.pay.map(|f| f.to_string()), money(a.pay));
    check("delivery", e.delivery.map(|f| f.to_string()), a.delivery_subsidy.to_string());
    check("delivery_fee", e.delivery_fee.map(|f| f.to_string()), a.delivery_fee.to_string());
    check("tier", e.tier.clone(), a.tier.clone().unwrap_or_default());
    check("version", e.version.clone(), a.version.clone().unwrap_or_default());
    CaseResult { name: case.name.clone(), line: case.line, mismatches }
}

/// Runs every case of the policy.
pub fn run_cases(policy: &Policy, calendar: &Calendar) -> Vec<CaseResult> {
    policy.cases.iter().map(|c| run_case(policy, c, calendar)).collect()
}
