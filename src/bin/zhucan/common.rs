//! What the subcommands share: reading files, loading policies, today's date.

use std::time::{SystemTime, UNIX_EPOCH};

use zhucan::core::date::Date;
use zhucan::core::policy::presets::preset;
use zhucan::core::policy::{parse_policy, Policy};
use zhucan::core::Locale;

use crate::words::words;

/// Reads a text file, naming it in any error.
pub fn read_text(path: &str, locale: Locale) -> Result<String, String> {
    let w = words(locale);
    let bytes = std::fs::read(path).map_err(|e| (w.in_file)(path, &e.to_string()))?;
    String::from_utf8(bytes).map_err(|_| (w.in_file)(path, w.not_utf8))
}

/// Loads `--policy`: a file path, or the id of a preset shipped with zhucan.
pub fn load_policy(spec: &str, locale: Locale) -> Result<Policy, String> {
    let w = words(locale);
    let (name, text) = if std::path::Path::new(spec).exists() {
        (spec.to_string(), read_text(spec, locale)?)
    } else if let Some(p) = preset(spec) {
        ((w.preset_name)(spec), p.toml.to_string())
    } else {
        let ids: Vec<&str> = zhucan::core::policy::presets::PRESETS.iter().map(|p| p.id).collect();
        return Err((w.no_policy)(spec, &ids));
    };
    parse_policy(&text).map_err(|errors| {
        let lines: Vec<String> = errors.iter().map(|e| (w.in_file)(&name, &e.display(locale))).collect();
        lines.join("\n")
    })
}

/// Today in China (UTC+8), from the system clock. The core never reads a clock; the CLI does.
pub fn today() -> Date {
    let secs = SystemTime::now().duration_since(UNIX_EPOCH).map(|d| d.as_secs()).unwrap_or(0);
    let days = (secs + 8 * 3600) / 86_400;
    Date::from_days_since_epoch(i64::try_from(days).unwrap_or(0)).unwrap_or(Date::MIN)
}
