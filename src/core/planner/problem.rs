//! The reference checker's problem format (the cases in `tests/data/reference`), read and written
//! by the CLI's
//! `zhucan plan --problem`: `{"demand": [[lon, lat, weight], …], "candidates": [[lon, lat], …],
//! "radius_m": R, "k": K, "fixed": [indices]}`, WGS84 degrees.

use serde::{Deserialize, Serialize};

use super::words::words;
use crate::core::geo::LonLat;
use crate::core::Locale;

/// A problem in the reference format.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Problem {
    /// `[lon, lat, weight]` per demand point.
    pub demand: Vec<Vec<f64>>,
    /// `[lon, lat]` per candidate (extra numbers ignored).
    pub candidates: Vec<Vec<f64>>,
    /// Service radius, metres.
    pub radius_m: f64,
    /// Sites to choose.
    pub k: usize,
    /// Candidates that must be open.
    #[serde(default)]
    pub fixed: Vec<usize>,
}

/// A problem checked and split into the planner's arrays.
#[derive(Clone, Debug, PartialEq)]
pub struct CheckedProblem {
    /// Demand positions.
    pub demand: Vec<LonLat>,
    /// Demand weights.
    pub weights: Vec<f64>,
    /// Candidate positions.
    pub candidates: Vec<LonLat>,
    /// Radius, metres.
    pub radius_m: f64,
    /// Sites to choose.
    pub k: usize,
    /// Locked candidates.
    pub fixed: Vec<usize>,
}

/// What is wrong with a problem (the first problem of each kind, with its index).
#[derive(Clone, Debug, PartialEq)]
pub enum ProblemError {
    /// A demand row that is not `[lon, lat, weight]` with a valid position and weight ≥ 0.
    Demand(usize),
    /// A candidate row that is not a valid `[lon, lat]`.
    Candidate(usize),
    /// The radius is not a positive number.
    Radius,
    /// A fixed index beyond the candidates.
    Fixed(usize),
}

impl ProblemError {
    /// The message in `locale`.
    pub fn message(&self, locale: Locale) -> String {
        let w = words(locale);
        match self {
            ProblemError::Demand(i) => (w.reference_demand)(*i),
            ProblemError::Candidate(i) => (w.reference_candidate)(*i),
            ProblemError::Radius => w.reference_radius.to_string(),
            ProblemError::Fixed(i) => (w.reference_fixed)(*i),
        }
    }
}

/// The English message.
impl std::fmt::Display for ProblemError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(Locale::En))
    }
}

impl std::error::Error for ProblemError {}

impl Problem {
    /// Checks every number and splits the arrays.
    pub fn check(&self) -> Result<CheckedProblem, ProblemError> {
        let mut demand = Vec::with_capacity(self.demand.len());
        let mut weights = Vec::with_capacity(self.demand.len());
        for (i, row) in self.demand.iter().enumerate() {
            let [lon, lat, w] = row.as_slice() else { return Err(ProblemError::Demand(i)) };
            let p = LonLat::new(*lon, *lat);
            if !p.is_valid() || !w.is_finite() || *w < 0.0 {
                return Err(ProblemError::Demand(i));
            }
            demand.push(p);
            weights.push(*w);
        }
        let mut candidates = Vec::with_capacity(self.candidates.len());
        for (i, row) in self.candidates.iter().enumerate() {
            let (Some(lon), Some(lat)) = (row.first(), row.get(1)) else { return Err(ProblemError::Candidate(i)) };
            let p = LonLat::new(*lon, *lat);
            if !p.is_valid() {
                return Err(ProblemError::Candidate(i));
            }
            candidates.push(p);
        }
        if !(self.radius_m.is_finite() && self.radius_m > 0.0) {
            return Err(ProblemError::Radius);
        }
        if let Some(i) = self.fixed.iter().position(|&f| f >= candidates.len()) {
            return Err(ProblemError::Fixed(i));
        }
        Ok(CheckedProblem { demand, weights, candidates, radius_m: self.radius_m, k: self.k, fixed: self.fixed.clone() })
    }
}
