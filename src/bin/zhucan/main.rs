//! `zhucan`: the native command line over the same core as the web app, for batch work and checks.
//!
//! Output goes to standard output as JSON (or CSV for rosters); problems go to standard error and
//! give a non-zero exit code: 1 for a problem in the data, 2 for wrong usage. Help texts and
//! messages come from [`words`], in Chinese or English (`--lang zh|en`, else the environment's
//! `LC_ALL` / `LC_MESSAGES` / `LANG`).

mod common;
mod demo_cmd;
mod plan_cmd;
mod policy_cmd;
mod subsidy;
mod words;

use std::process::ExitCode;

use clap::{CommandFactory, FromArgMatches, Parser, Subcommand};

// The help texts of the commands and arguments are set from `words` (in the chosen language) when
// the command line is built in `main`, not from doc comments.
#[derive(Parser, Debug)]
#[command(name = "zhucan", version)]
struct Cli {
    #[arg(long, global = true)]
    lang: Option<String>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    Subsidy(subsidy::Args),
    Plan(plan_cmd::Args),
    DemoData(demo_cmd::Args),
    Policy {
        #[command(subcommand)]
        command: policy_cmd::Command,
    },
}

fn main() -> ExitCode {
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let asked = words::lang_arg(&args);
    let locale = asked.as_deref().and_then(words::parse_lang).unwrap_or_else(|| words::env_locale(|k| std::env::var(k).ok()));
    let w = words::words(locale);
    let mut cmd = w.localize(Cli::command());
    let cli = match cmd.try_get_matches_from_mut(&args).and_then(|m| Cli::from_arg_matches(&m)) {
        Ok(cli) => cli,
        Err(e) => e.format(&mut cmd).exit(),
    };
    if let Some(lang) = cli.lang.as_deref().filter(|l| words::parse_lang(l).is_none()) {
        eprintln!("{}", (w.error_line)(&(w.bad_lang)(lang)));
        return ExitCode::from(2);
    }
    let result = match cli.command {
        Command::Subsidy(args) => subsidy::run(args, locale),
        Command::Plan(args) => plan_cmd::run_cmd(args, locale),
        Command::DemoData(args) => demo_cmd::run(args, locale),
        Command::Policy { command } => policy_cmd::run(command, locale),
    };
    match result {
        Ok(code) => code,
        Err(message) => {
            eprintln!("{}", (w.error_line)(&message));
            ExitCode::from(1)
        }
    }
}
