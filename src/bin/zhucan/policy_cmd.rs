//! `zhucan policy check FILE`: validate a policy file and run its test cases.
//! `zhucan policy fmt FILE`: the file written out again as the policy studio writes it
//! (`core::policy::draft`): a fixed key order and a comment above each table, the content unchanged.

use std::process::ExitCode;

use clap::Subcommand;
use zhucan::core::calendar::Calendar;
use zhucan::core::policy::draft::{draft_from_policy, write_toml};
use zhucan::core::policy::run_cases;
use zhucan::core::Locale;

use crate::common::load_policy;
use crate::words::words;

// Help texts: `words` (`about_check`, `help_check_file`, `about_fmt`, `help_fmt_file`).
#[derive(Subcommand, Debug)]
pub enum Command {
    Check { file: String },
    Fmt { file: String },
}

pub fn run(command: Command, locale: Locale) -> Result<ExitCode, String> {
    let file = match command {
        Command::Check { file } => file,
        Command::Fmt { file } => {
            let policy = load_policy(&file, locale)?;
            print!("{}", write_toml(&draft_from_policy(&policy), locale));
            return Ok(ExitCode::SUCCESS);
        }
    };
    let w = words(locale);
    let policy = load_policy(&file, locale)?;
    let results = run_cases(&policy, Calendar::builtin());
    let failed: Vec<_> = results.iter().filter(|r| !r.passed()).collect();
    for r in &failed {
        for m in &r.mismatches {
            eprintln!("{}", (w.case_mismatch)(&file, r.line, &r.name, m.field, &m.expected, &m.actual));
        }
    }
    let summary = serde_json::json!({
        "policy": policy.id,
        "versions": policy.versions.iter().map(|v| v.id.clone()).collect::<Vec<_>>(),
        "cases": results.len(),
        "cases_failed": failed.len(),
    });
    println!("{summary}");
    Ok(if failed.is_empty() { ExitCode::SUCCESS } else { ExitCode::from(1) })
}
