//! The simulated demo district (and, for tests, a plan of it).

use super::super::data::{Demand, Sites};
#[cfg(test)]
use super::{Choices, PlanView, Reply, Request, Session, Settings};
use crate::core::geo::LonLat;

/// The demo district planned with `k` sites (for the tests of the modules that turn a plan into
/// files and pictures).
#[cfg(test)]
pub(crate) fn demo_plan(k: usize) -> PlanView {
    let mut s = Session::new();
    s.handle(Request::Demo, &mut |_| {});
    let mut out = None;
    s.handle(Request::Run { settings: Settings { k, ..Settings::default() }, choices: Choices::default() }, &mut |r| {
        if let Reply::Planned(v) = r {
            out = Some(*v);
        }
    });
    out.expect("the demo district plans")
}

/// Grid cells of demand in the demo district.
pub const DEMO_CELLS: usize = 6000;
/// Candidate sites in the demo district.
pub const DEMO_CANDIDATES: usize = 60;
/// Existing canteens in the demo district.
pub const DEMO_EXISTING: usize = 4;

/// The SIMULATED demo district: a seeded city of [`DEMO_CELLS`] grid cells in a Guangzhou-sized
/// district, [`DEMO_CANDIDATES`] candidate sites and [`DEMO_EXISTING`] existing canteens. Not real
/// data.
pub fn demo_district() -> (Demand, Sites, Sites) {
    use super::super::sample::{candidates_near, city};
    let demand = city(LonLat::new(113.30, 23.10), 12.0, DEMO_CELLS, 18, 2026);
    let candidates = candidates_near(&demand, DEMO_CANDIDATES, 11, "候选点");
    let existing = candidates_near(&demand, DEMO_EXISTING, 12, "现有食堂");
    (demand, candidates, existing)
}
