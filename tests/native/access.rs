//! Accessibility and fairness (`core::planner::access`): the Gaussian 2SFCA on three cells and two
//! sites by hand, the Gini coefficient of known distributions, the Lorenz curve's ends and shape,
//! properties (proptest), and a comparison with the independent pure-Python reference.
//!
//! The reference case `tests/data/access/case.json` (seeded SIMULATED, 300 points, 12 sites, two
//! of them existing) and its expected figures `tests/data/access/expected.json` were made by
//! `tools/access-reference.py`, not by zhucan (from the repository root):
//!
//! ```sh
//! python3 tools/access-reference.py make-case tests/data/access/case.json
//! python3 tools/access-reference.py compute tests/data/access/case.json > tests/data/access/expected.json
//! ```

use proptest::prelude::*;
use zhucan::core::geo::LonLat;
use zhucan::core::planner::access::{before_after, gaussian, gini, lorenz, summarise, two_step, within_reach, AccessOptions, Supply};
use zhucan::core::planner::coverage::{Coverage, PointIndex};
use zhucan::core::planner::data::{Demand, Sites};
use zhucan::core::planner::plan::prepare;
use zhucan::core::planner::problem::Problem;

/// A point `y` metres north of (113° E, 23° N), along the meridian (where the great-circle
/// distance is exactly R × Δlatitude).
fn north(y: f64) -> LonLat {
    LonLat::new(113.0, 23.0 + (y / 6_371_008.8).to_degrees())
}

fn close(a: f64, b: f64, tol: f64) -> bool {
    (a - b).abs() <= tol * b.abs().max(1.0)
}

/// Three cells and two sites on a meridian, catchment d0 = 1000 m:
/// site 1 at y = 0 (20 meals a day), site 2 at y = 1000 (30 meals);
/// cell X at y = 0 (P = 10), Y at y = 500 (P = 20), Z at y = 1000 (P = 30).
/// G(0) = 1, G(1000) = 0 (the edge), G(500) = (e^{-1/8} − e^{-1/2}) / (1 − e^{-1/2})
///   = (0.8824969 − 0.6065307) / 0.3934693 = 0.7013666 =: g.
/// Step 1: R1 = 20 / (10 × 1 + 20 × g + 30 × 0) = 20 / 24.027331 = 0.8323854;
///         R2 = 30 / (10 × 0 + 20 × g + 30 × 1) = 30 / 44.027331 = 0.6813949.
/// Step 2: A_X = 1 × R1 = 0.8323854; A_Y = g × (R1 + R2) = 0.7013666 × 1.5137803 = 1.0617149;
///         A_Z = 1 × R2 = 0.6813949.
/// Check: Σ P × A = 8.323854 + 21.234298 + 20.441848 = 50 = the supply, all of it reaching people.
#[test]
fn two_step_on_three_cells_and_two_sites_by_hand() {
    let cells = [north(0.0), north(500.0), north(1000.0)];
    let sites = [north(0.0), north(1000.0)];
    let cov = Coverage::build(&PointIndex::new(&cells, 1000.0), 3, &sites, 1000.0);
    let supply = Supply { coverage: &cov, open: &[0, 1], capacity: &[20.0, 30.0] };
    let a = two_step(&[10.0, 20.0, 30.0], &[supply], 1000.0);
    let expected = [0.8323854, 1.0617149, 0.6813949];
    for (got, want) in a.iter().zip(expected) {
        assert!(close(*got, want, 1e-6), "{a:?}");
    }
    let total: f64 = a.iter().zip([10.0, 20.0, 30.0]).map(|(a, p)| a * p).sum();
    assert!(close(total, 50.0, 1e-9));
    // Site 2 alone: R2 = 30 / 44.027331 as before; X is out of its catchment.
    let alone = two_step(&[10.0, 20.0, 30.0], &[Supply { coverage: &cov, open: &[1], capacity: &[20.0, 30.0] }], 1000.0);
    assert_eq!(alone[0], 0.0);
    assert!(close(alone[2], 0.6813949, 1e-6));
    // Everybody has a site within the radius with both open; with site 1 alone, Z is at its edge
    // (1000 m ≤ 1000 m) and counts as within, but gets G = 0.
    assert_eq!(within_reach(3, &[supply]), vec![true, true, true]);
    assert_eq!(gaussian(1000.0, 1000.0), 0.0);
}

/// Gini: everyone equal → 0; one of five has everything → (5 − 1) / 5 = 0.8; values 1 (3 people)
/// and 3 (1 person): mean difference Σ_i Σ_j w_i w_j |x_i − x_j| / (2 W² μ) = 2 × 3 × 1 × 2 /
/// (2 × 16 × 1.5) = 12 / 48 = 0.25; the Lorenz corners (0, 0), (0.75, 0.5), (1, 1) give the same:
/// 1 − (0.75 × 0.5 + 0.25 × 1.5) = 0.25.
#[test]
fn gini_of_known_distributions() {
    assert_eq!(gini(&[3.0; 4], &[2.0, 5.0, 1.0, 7.0]), Some(0.0));
    assert!(close(gini(&[0.0, 0.0, 7.0, 0.0, 0.0], &[1.0; 5]).unwrap_or(-1.0), 0.8, 1e-12));
    assert!(close(gini(&[1.0, 3.0], &[3.0, 1.0]).unwrap_or(-1.0), 0.25, 1e-12));
    // The same as four equally weighted people 1, 1, 1, 3.
    assert!(close(gini(&[1.0, 1.0, 3.0, 1.0], &[1.0; 4]).unwrap_or(-1.0), 0.25, 1e-12));
    // Nobody has anything, or nobody is there: undefined.
    assert_eq!(gini(&[0.0, 0.0], &[1.0, 1.0]), None);
    assert_eq!(gini(&[1.0, 2.0], &[0.0, 0.0]), None);
}

/// The summary of the hand case: 60 people with scores weighted by P (P here doubles as people);
/// mean = 50 / 60; Lorenz at x = 0.5: sorted Z (30 people, 20.44 of 50), X (10), Y (20) — the
/// poorest half is exactly Z, holding 20.441848 / 50 = 0.4088370.
#[test]
fn summary_of_the_hand_case() {
    let cells = [north(0.0), north(500.0), north(1000.0)];
    let sites = [north(0.0), north(1000.0)];
    let cov = Coverage::build(&PointIndex::new(&cells, 1000.0), 3, &sites, 1000.0);
    let supply = Supply { coverage: &cov, open: &[0, 1], capacity: &[20.0, 30.0] };
    let people = [10.0, 20.0, 30.0];
    let a = two_step(&people, &[supply], 1000.0);
    let s = summarise(&a, &people, &within_reach(3, &[supply]));
    assert!(close(s.mean, 50.0 / 60.0, 1e-9));
    assert_eq!(s.share_within_radius, 1.0);
    assert_eq!(s.lorenz.len(), 21);
    assert!(close(s.lorenz[10][1], 0.408837, 1e-6), "{:?}", s.lorenz[10]);
}

/// `before_after` with the need share: demand A (100 older people) at an existing canteen (no
/// capacity in its file → the default, 50 here), B (100) 2 km away at a chosen candidate (capacity
/// 10). Need share 0.5: P = 50 each. Before: A = 50 / 50 = 1, B = 0 → mean 0.5, share 0.5, Gini
/// (one of two equal groups has it all) 0.5. After: B = 10 / 50 = 0.2 → mean 0.6, share 1, Gini:
/// corners (0, 0), (0.5, 0.2 / 1.2), (1, 1): 1 − (0.5 × 1/6 + 0.5 × 7/6) = 1 − 2/3 = 1/3.
#[test]
fn before_and_after_a_plan_by_hand() {
    let demand = Demand { points: vec![north(0.0), north(2000.0)], counts: vec![100.0, 100.0], ..Demand::default() };
    let site = |p: LonLat, cap: f64| Sites {
        points: vec![p],
        names: vec![String::new()],
        capacity: vec![cap],
        cost: vec![f64::NAN],
        rows: Vec::new(),
    };
    let existing = site(north(0.0), f64::NAN);
    let candidates = site(north(2000.0), 10.0);
    let prepared = prepare(&demand, &candidates, &existing, 1000.0);
    let options = AccessOptions { catchment_m: None, default_capacity: 50.0, need_share: 0.5 };
    let access = before_after(&demand, &candidates, &existing, &prepared, &[0], &options);
    assert_eq!(access.catchment_m, 1000.0);
    assert_eq!(access.scores_before, vec![1.0, 0.0]);
    assert!(close(access.scores_after[1], 0.2, 1e-12));
    assert!(close(access.before.mean, 0.5, 1e-12) && close(access.after.mean, 0.6, 1e-12));
    assert_eq!((access.before.share_within_radius, access.after.share_within_radius), (0.5, 1.0));
    assert!(close(access.before.gini.unwrap_or(-1.0), 0.5, 1e-12));
    assert!(close(access.after.gini.unwrap_or(-1.0), 1.0 / 3.0, 1e-12));
    // No sites at all: no access, no Gini, no curve.
    let none =
        before_after(&demand, &candidates, &Sites::default(), &prepare(&demand, &candidates, &Sites::default(), 1000.0), &[], &options);
    assert_eq!((none.before.gini, none.before.lorenz.len(), none.before.mean), (None, 0, 0.0));
}

#[derive(serde::Deserialize)]
struct Expected {
    catchment_m: f64,
    default_capacity: f64,
    need_share: f64,
    before: ExpectedSummary,
    after: ExpectedSummary,
}

#[derive(serde::Deserialize)]
struct ExpectedSummary {
    scores: Vec<f64>,
    gini: Option<f64>,
    lorenz: Vec<[f64; 2]>,
    share_within_radius: f64,
    mean: f64,
}

/// zhucan against `tools/access-reference.py` (see the module doc): the "fixed" sites are the
/// existing canteens, every other candidate is chosen.
#[test]
fn matches_the_independent_reference() {
    let problem: Problem = serde_json::from_str(include_str!("../data/access/case.json")).expect("case");
    let expected: Expected = serde_json::from_str(include_str!("../data/access/expected.json")).expect("expected");
    let p = problem.check().expect("valid case");
    let demand = Demand { points: p.demand.clone(), counts: p.weights.clone(), ..Demand::default() };
    let sites = |which: &dyn Fn(usize) -> bool| {
        let rows: Vec<&Vec<f64>> = problem.candidates.iter().enumerate().filter(|(j, _)| which(*j)).map(|(_, r)| r).collect();
        Sites {
            points: rows.iter().map(|r| LonLat::new(r[0], r[1])).collect(),
            names: vec![String::new(); rows.len()],
            capacity: rows.iter().map(|r| r.get(2).copied().unwrap_or(f64::NAN)).collect(),
            cost: vec![f64::NAN; rows.len()],
            rows: Vec::new(),
        }
    };
    let existing = sites(&|j| p.fixed.contains(&j));
    let candidates = sites(&|j| !p.fixed.contains(&j));
    assert!(existing.capacity.iter().any(|c| c.is_nan()) && candidates.capacity.iter().any(|c| c.is_nan()), "defaults are exercised");
    let prepared = prepare(&demand, &candidates, &existing, p.radius_m);
    let chosen: Vec<usize> = (0..candidates.points.len()).collect();
    let options = AccessOptions { catchment_m: None, default_capacity: expected.default_capacity, need_share: expected.need_share };
    let access = before_after(&demand, &candidates, &existing, &prepared, &chosen, &options);
    assert_eq!(access.catchment_m, expected.catchment_m);
    // Distances are kept as f32 in the coverage lists: agreement to 1e-5, relative.
    for (got, want, what) in [(&access.scores_before, &expected.before, "before"), (&access.scores_after, &expected.after, "after")] {
        assert_eq!(got.len(), want.scores.len());
        assert!(want.scores.iter().filter(|a| **a > 0.0).count() > 50, "{what}: the case reaches people");
        for (i, (a, b)) in got.iter().zip(&want.scores).enumerate() {
            assert!(close(*a, *b, 1e-5), "{what} point {i}: {a} vs {b}");
        }
    }
    for (got, want) in [(&access.before, &expected.before), (&access.after, &expected.after)] {
        assert!(close(got.gini.unwrap_or(-1.0), want.gini.unwrap_or(-2.0), 1e-5), "{:?} vs {:?}", got.gini, want.gini);
        assert!(close(got.mean, want.mean, 1e-5));
        assert!(close(got.share_within_radius, want.share_within_radius, 1e-12));
        assert_eq!(got.lorenz.len(), want.lorenz.len());
        for (a, b) in got.lorenz.iter().zip(&want.lorenz) {
            assert!(a[0] == b[0] && close(a[1], b[1], 1e-5), "{a:?} vs {b:?}");
        }
    }
    assert!(access.after.gini < access.before.gini, "the plan makes access fairer in this case");
}

fn cluster() -> impl Strategy<Value = Vec<(LonLat, f64)>> {
    prop::collection::vec((0.0f64..0.02, 0.0f64..0.02, 0.0f64..500.0), 1..40)
        .prop_map(|v| v.into_iter().map(|(x, y, p)| (LonLat::new(113.0 + x, 23.0 + y), p)).collect())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn gini_is_between_0_and_1_and_the_lorenz_curve_runs_from_0_0_to_1_1_upwards(
        v in prop::collection::vec((0.0f64..100.0, 0.0f64..50.0), 1..60)
    ) {
        let (values, weights): (Vec<f64>, Vec<f64>) = v.into_iter().unzip();
        if let Some(g) = gini(&values, &weights) {
            prop_assert!((0.0..=1.0).contains(&g), "{g}");
            let curve = lorenz(&values, &weights, 21);
            prop_assert_eq!(curve.len(), 21);
            prop_assert_eq!(curve[0], [0.0, 0.0]);
            prop_assert_eq!(curve[20], [1.0, 1.0]);
            for w in curve.windows(2) {
                prop_assert!(w[1][0] > w[0][0] && w[1][1] >= w[0][1] - 1e-12, "{curve:?}");
            }
            // Below the line of equality.
            prop_assert!(curve.iter().all(|p| p[1] <= p[0] + 1e-12));
        }
    }

    #[test]
    fn adding_supply_never_lowers_any_score(
        cells in cluster(),
        sites in prop::collection::vec((0.0f64..0.02, 0.0f64..0.02, 1.0f64..300.0), 1..8),
        which in 0usize..8,
        more in 0.0f64..500.0,
    ) {
        let points: Vec<LonLat> = cells.iter().map(|c| c.0).collect();
        let people: Vec<f64> = cells.iter().map(|c| c.1).collect();
        let site_points: Vec<LonLat> = sites.iter().map(|s| LonLat::new(113.0 + s.0, 23.0 + s.1)).collect();
        let cov = Coverage::build(&PointIndex::new(&points, 800.0), points.len(), &site_points, 800.0);
        let open: Vec<usize> = (0..sites.len()).collect();
        let cap: Vec<f64> = sites.iter().map(|s| s.2).collect();
        let mut bigger = cap.clone();
        bigger[which % sites.len()] += more;
        let a = two_step(&people, &[Supply { coverage: &cov, open: &open, capacity: &cap }], 800.0);
        let b = two_step(&people, &[Supply { coverage: &cov, open: &open, capacity: &bigger }], 800.0);
        for (x, y) in a.iter().zip(&b) {
            prop_assert!(*y >= *x * (1.0 - 1e-12), "{x} → {y}");
        }
        // All supply that reaches anyone reaches people: Σ P A ≤ Σ S.
        let delivered: f64 = a.iter().zip(&people).map(|(a, p)| a * p).sum();
        prop_assert!(delivered <= cap.iter().sum::<f64>() * (1.0 + 1e-9));
    }
}

fn zhucan(args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_zhucan"))
        .args(args)
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANG")
        .output()
        .expect("the zhucan binary runs")
}

/// `zhucan plan --access`: A (100 older people) at the only candidate, which has no capacity
/// column, so `--default-capacity 50` applies; B (100) 2 km north, beyond the 1,000 m radius. The
/// need share is the default 22.1 %: P_A = 22.1, so R = 50 / 22.1 = 2.2624434 and A's score is
/// G(0) × R = 2.2624434, B's 0. After the plan: mean over the 200 older people 100 × 2.2624434 /
/// 200 = 1.1312217; half of them within the radius; one of two equal groups has everything, so
/// Gini = (2 − 1) / 2 = 0.5, and the Lorenz curve is (0.5, 0) then (1, 1): 0.5 at x = 0.75. Before
/// (no existing canteens) nobody has access: no Gini, no curve, mean 0.
#[test]
fn plan_access_prints_the_fairness_figures_by_hand() {
    let dir = std::env::temp_dir().join(format!("zhucan-access-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let row = |p: LonLat| format!("{:.9},{:.9}", p.lon, p.lat);
    let demand = dir.join("demand.csv");
    std::fs::write(&demand, format!("name,lng,lat,count\nA,{},100\nB,{},100\n", row(north(0.0)), row(north(2000.0)))).expect("write");
    let sites = dir.join("sites.csv");
    std::fs::write(&sites, format!("name,lng,lat\nsite,{}\n", row(north(0.0)))).expect("write");
    let (demand, sites) = (demand.to_string_lossy().into_owned(), sites.to_string_lossy().into_owned());
    let base = ["plan", "--demand", &demand, "--candidates", &sites, "--radius-m", "1000", "--k", "1"];
    let out = zhucan(&[&base[..], &["--access", "--default-capacity", "50"]].concat());
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    let a = &v["access"];
    assert_eq!(
        (a["decay"].as_str(), a["catchment_m"].as_f64(), a["default_capacity"].as_f64()),
        (Some("gaussian"), Some(1000.0), Some(50.0))
    );
    let after = &a["after"];
    assert!(close(after["mean"].as_f64().unwrap_or_default(), 1.1312217, 1e-7), "{after}");
    assert_eq!(after["share_within_radius"].as_f64(), Some(0.5));
    assert!(close(after["gini"].as_f64().unwrap_or_default(), 0.5, 1e-12));
    assert_eq!(after["lorenz"].as_array().map(Vec::len), Some(21));
    assert!(close(after["lorenz"][15][1].as_f64().unwrap_or_default(), 0.5, 1e-12));
    assert_eq!(after["lorenz"][10][1].as_f64(), Some(0.0));
    let before = &a["before"];
    assert!(before["gini"].is_null());
    assert_eq!((before["mean"].as_f64(), before["share_within_radius"].as_f64()), (Some(0.0), Some(0.0)));
    assert_eq!(before["lorenz"].as_array().map(Vec::len), Some(0));

    // Without --access there is no "access"; a capacity that is not a positive number is refused.
    let plain = zhucan(&base);
    let v: serde_json::Value = serde_json::from_slice(&plain.stdout).expect("json");
    assert!(v.get("access").is_none());
    let bad = zhucan(&[&base[..], &["--access", "--default-capacity", "0"]].concat());
    assert_eq!(bad.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("--default-capacity must be a positive number"));
}
