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

/// The SIMULATED demo district: a seeded city of about 6,000 grid cells in a Guangzhou-sized
/// district, 60 candidate sites and 4 existing canteens. Not real data.
pub fn demo_district() -> (Demand, Sites, Sites) {
    use super::super::sample::{candidates_near, city};
    let demand = city(LonLat::new(113.30, 23.10), 12.0, 6000, 18, 2026);
    let candidates = candidates_near(&demand, 60, 11, "候选点");
    let existing = candidates_near(&demand, 4, 12, "现有食堂");
    (demand, candidates, existing)
}
