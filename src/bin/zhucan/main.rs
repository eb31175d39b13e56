//! `zhucan`: the native command line over the same core as the web app, for batch work and checks.
//!
//! Output goes to standard output as JSON (or CSV for rosters); problems go to standard error and
//! give a non-zero exit code: 1 for a problem in the data, 2 for wrong usage.

mod common;
mod demo_cmd;
mod plan_cmd;
mod policy_cmd;
mod subsidy;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// zhucan (助餐): elderly meal-assistance subsidy calculator and senior-canteen site planner.
#[derive(Parser, Debug)]
#[command(name = "zhucan", version, about, long_about = None)]
struct Cli {
    /// Language of explanations and messages: zh-CN or en.
    #[arg(long, global = true, default_value = "zh-CN")]
    lang: String,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// What one person gets for one meal (or a whole roster) under a policy.
    Subsidy(subsidy::Args),
    /// Choose canteen sites: the best k, with a certified bound, the fewest for a target share.
    Plan(plan_cmd::Args),
    /// Write the SIMULATED sample district as CSV files (Chinese headers, GCJ-02).
    DemoData(demo_cmd::Args),
    /// Work with policy files.
    Policy {
        #[command(subcommand)]
        command: policy_cmd::Command,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let Some(locale) = zhucan::core::Locale::parse(&cli.lang) else {
        eprintln!("zhucan: --lang must be zh-CN or en, not {:?}", cli.lang);
        return ExitCode::from(2);
    };
    let result = match cli.command {
        Command::Subsidy(args) => subsidy::run(args, locale),
        Command::Plan(args) => plan_cmd::run_cmd(args, locale),
        Command::DemoData(args) => demo_cmd::run(args),
        Command::Policy { command } => policy_cmd::run(command, locale),
    };
    match result {
        Ok(code) => code,
        Err(message) => {
            eprintln!("zhucan: {message}");
            ExitCode::from(1)
        }
    }
}
