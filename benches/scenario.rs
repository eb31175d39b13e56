//! Costing a district of 1,000,000 older people under each preset: the groups' yearly subsidies
//! (the month simulator, 12 months per group) and the plan's cost over 200 sites.
//! `cargo bench --bench scenario`. Target: under a second natively.

use std::time::Instant;

use zhucan::core::calendar::Calendar;
use zhucan::core::policy::presets::{load_preset, PRESETS};
use zhucan::core::scenario::{cost_plan, group_costs, groups, sample_district, Assumptions};

fn main() {
    let (shares, sites) = sample_district(1_000_000.0, 200, 9);
    let a = Assumptions::default();
    println!("scenario costing: 1,000,000 older people, 200 sites, {} representative groups", groups(&shares).len());
    println!("{:<16} {:>10} {:>18}", "policy", "seconds", "subsidy per year");
    for preset in PRESETS {
        let Some(Ok(policy)) = load_preset(preset.id) else {
            eprintln!("{}: preset does not load", preset.id);
            std::process::exit(1);
        };
        let t = Instant::now();
        let g = group_costs(&policy, &shares, &a, Calendar::builtin());
        let cost = cost_plan(&g, &sites, 1_200_000.0, &a);
        println!("{:<16} {:>10.3} {:>15.0} yuan", preset.id, t.elapsed().as_secs_f64(), cost.subsidy_year);
    }
}
