//! The `zhucan` binary, run as a user would.

use std::process::Command;

fn zhucan(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_zhucan"))
        .args(args)
        .output()
        .expect("the zhucan binary runs")
}

#[test]
fn version_names_the_crate_version() {
    let out = zhucan(&["--version"]);
    assert!(out.status.success());
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(stdout.trim(), format!("zhucan {}", env!("CARGO_PKG_VERSION")));
}

#[test]
fn unknown_option_fails_and_names_it() {
    let out = zhucan(&["--no-such-option"]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("--no-such-option"), "stderr was: {stderr}");
}
