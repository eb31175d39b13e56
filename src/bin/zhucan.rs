//! `zhucan`: the native command line over the same core as the web app, for batch work and checks.

use clap::Parser;

/// zhucan (助餐): elderly meal-assistance subsidy calculator and senior-canteen site planner.
#[derive(Parser, Debug)]
#[command(name = "zhucan", version, about, long_about = None)]
struct Cli {}

fn main() {
    let _cli = Cli::parse();
    println!("zhucan {}: no command given; run `zhucan --help`.", env!("CARGO_PKG_VERSION"));
    std::process::exit(2);
}
