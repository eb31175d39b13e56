//! Assessments per second, natively: a seeded roster of synthetic people under every preset.
//! Run with `cargo bench --bench assess` (or `./x bench`, which also prints the browser figures).
//!
//! Two modes: "figures" (what a roster batch needs: eligibility, subsidy, pay, tier) and "full"
//! (what the calculator shows one person: the explanation with its clauses, why-not hints and the
//! day/week/month limits, which simulate a month).

use std::time::Instant;

use zhucan::core::calendar::Calendar;
use zhucan::core::date::Date;
use zhucan::core::money::Fen;
use zhucan::core::policy::presets::{load_preset, PRESETS};
use zhucan::core::policy::sample::synthetic_roster;
use zhucan::core::policy::{assess, assess_figures, Meal, Person, Policy};

fn run(name: &str, people: &[Person], policies: &[Policy], f: fn(&Policy, &Person, &Meal, &Calendar) -> Fen) {
    let meal = Meal { price: Some(Fen::yuan(13)), ..Meal::lunch(Date::new(2025, 3, 4).unwrap_or(Date::MIN)) };
    println!("\n{name}: {} people, one lunch each", people.len());
    println!("{:<16} {:>10} {:>14} {:>16}", "policy", "seconds", "per second", "total subsidy");
    let mut all = 0.0;
    for policy in policies {
        let start = Instant::now();
        let total: Fen = people.iter().map(|p| f(policy, p, &meal, Calendar::builtin())).sum();
        let secs = start.elapsed().as_secs_f64();
        all += secs;
        println!("{:<16} {:>10.3} {:>14.0} {:>16}", policy.id, secs, people.len() as f64 / secs, total);
    }
    println!("{:<16} {:>10.3} {:>14.0}", "all presets", all, (people.len() * policies.len()) as f64 / all);
}

fn main() {
    let n = std::env::var("ZHUCAN_BENCH_PEOPLE").ok().and_then(|s| s.parse().ok()).unwrap_or(100_000usize);
    let policies: Vec<Policy> = PRESETS.iter().filter_map(|p| load_preset(p.id).and_then(Result::ok)).collect();
    if policies.len() != PRESETS.len() {
        eprintln!("a preset does not load");
        std::process::exit(1);
    }
    let roster = synthetic_roster(n, 2025);
    run("figures (roster batch)", &roster, &policies, |p, person, m, c| assess_figures(p, person, m, c).subsidy);
    let few = &roster[..(n / 50).max(1)];
    run("full (explanation, hints, month limits)", few, &policies, |p, person, m, c| assess(p, person, m, c).subsidy);
}
