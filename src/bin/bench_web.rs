//! The assessment benchmark in the browser: `./x bench` builds this for wasm32 (release profile,
//! as users get it), loads it in headless Chromium and prints what `bench_assess` returns.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use zhucan::core::calendar::Calendar;
use zhucan::core::date::Date;
use zhucan::core::money::Fen;
use zhucan::core::policy::presets::{load_preset, PRESETS};
use zhucan::core::policy::sample::synthetic_roster;
use zhucan::core::policy::{assess, assess_figures, Meal};

fn now_ms() -> f64 {
    web_sys::window().and_then(|w| w.performance()).map_or_else(js_sys::Date::now, |p| p.now())
}

/// Assesses `n` synthetic people (figures) and `n / 50` (full) under every preset; returns JSON.
#[wasm_bindgen]
pub fn bench_assess(n: u32) -> String {
    let roster = synthetic_roster(n as usize, 2025);
    let meal = Meal { price: Some(Fen::yuan(13)), ..Meal::lunch(Date::new(2025, 3, 4).unwrap_or(Date::MIN)) };
    let mut rows = Vec::new();
    for preset in PRESETS {
        let Some(Ok(policy)) = load_preset(preset.id) else { continue };
        let start = now_ms();
        let total: Fen = roster.iter().map(|p| assess_figures(&policy, p, &meal, Calendar::builtin()).subsidy).sum();
        let figures_ms = now_ms() - start;
        let few = &roster[..roster.len() / 50];
        let start = now_ms();
        let _: Fen = few.iter().map(|p| assess(&policy, p, &meal, Calendar::builtin()).subsidy).sum();
        let full_ms = now_ms() - start;
        rows.push(format!(
            "{{\"policy\":\"{}\",\"people\":{},\"figures_ms\":{figures_ms:.1},\"full_people\":{},\"full_ms\":{full_ms:.1},\"total_fen\":{}}}",
            preset.id,
            roster.len(),
            few.len(),
            total.0
        ));
    }
    format!("[{}]", rows.join(","))
}

/// The site planner at city scale in the browser: a seeded SIMULATED city of `n` demand points and
/// `m` candidates at 1 km, k sites. Returns JSON with timings and the wasm memory in use after.
#[wasm_bindgen]
pub fn bench_plan(n: u32, m: u32, k: u32) -> String {
    use zhucan::core::geo::LonLat;
    use zhucan::core::planner::data::Sites;
    use zhucan::core::planner::plan::{prepare, weights};
    use zhucan::core::planner::sample::{candidates_near, city};
    use zhucan::core::planner::select::{select, SelectOptions, SelectionInput};
    let demand = city(LonLat::new(113.30, 23.12), 60.0, n as usize, 120, 2025);
    let candidates = candidates_near(&demand, m as usize, 7, "site");
    let start = now_ms();
    let prepared = prepare(&demand, &candidates, &Sites::default(), 1000.0);
    let coverage_ms = now_ms() - start;
    let w = weights(&demand, &[]);
    let input = SelectionInput { coverage: &prepared.candidates, weights: &w, precovered: None, locked: &[], excluded: &[] };
    let start = now_ms();
    let s = select(&input, k as usize, SelectOptions::default());
    let select_ms = now_ms() - start;
    let memory_mb = wasm_bindgen::memory()
        .dyn_into::<js_sys::WebAssembly::Memory>()
        .map(|m| m.buffer().dyn_into::<js_sys::ArrayBuffer>().map(|b| b.byte_length() as f64 / 1_048_576.0).unwrap_or(0.0))
        .unwrap_or(0.0);
    format!(
        "{{\"points\":{n},\"candidates\":{m},\"k\":{k},\"pairs\":{},\"coverage_ms\":{coverage_ms:.0},\"select_ms\":{select_ms:.0},\"covered\":{:.0},\"bound\":{:.0},\"guarantee\":{:.4},\"memory_mb\":{memory_mb:.0}}}",
        prepared.candidates.pairs(),
        s.covered_weight,
        s.upper_bound,
        s.guarantee()
    )
}

/// Costing a SIMULATED district of 1,000,000 older people over 200 sites under every preset (the
/// same as `cargo bench --bench scenario`). Returns JSON.
#[wasm_bindgen]
pub fn bench_scenario() -> String {
    use zhucan::core::scenario::{cost_plan, group_costs, sample_district, Assumptions};
    let (shares, sites) = sample_district(1_000_000.0, 200, 9);
    let a = Assumptions::default();
    let mut rows = Vec::new();
    for preset in PRESETS {
        let Some(Ok(policy)) = load_preset(preset.id) else { continue };
        let start = now_ms();
        let g = group_costs(&policy, &shares, &a, Calendar::builtin());
        let cost = cost_plan(&g, &sites, 1_200_000.0, &a);
        let ms = now_ms() - start;
        rows.push(format!("{{\"policy\":\"{}\",\"ms\":{ms:.1},\"subsidy_year\":{:.0}}}", preset.id, cost.subsidy_year));
    }
    format!("[{}]", rows.join(","))
}

fn main() {}
