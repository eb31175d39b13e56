//! The assessment benchmark in the browser: `./x bench` builds this for wasm32 (release profile,
//! as users get it), loads it in headless Chromium and prints what `bench_assess` returns.

use wasm_bindgen::prelude::*;
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

fn main() {}
