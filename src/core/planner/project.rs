//! The planner's project file: everything needed to get the same work back on another day or
//! another computer — the files' contents, their column mapping and coordinate system, the
//! settings, locked and excluded sites — as one versioned JSON file. Nothing is computed from it
//! that the planner would not compute again: a run after loading gives the same result.

use base64::engine::general_purpose::STANDARD;
use base64::Engine as _;
use serde::{Deserialize, Serialize};

use super::form::SettingsForm;
use super::session::Role;
use super::settings::Choices;
use super::words::words;
use crate::core::io::columns::ColumnMap;
use crate::core::io::crs::Crs;
use crate::core::Locale;

/// `format` field of a project file.
pub const FORMAT: &str = "zhucan-project";
/// The version this build writes; it reads this and earlier ones.
pub const VERSION: u32 = 1;

/// What is kept across reloads and in a project file (file contents apart).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Saved {
    /// The demo is in use.
    pub demo: bool,
    /// Files in use: role, name, mapping, coordinate system, bad rows skipped.
    pub files: Vec<(Role, String, ColumnMap, Crs, bool)>,
    /// The settings form.
    pub form: Option<SettingsForm>,
    /// Locked and excluded sites.
    pub choices: Choices,
    /// A result was shown.
    pub had_result: bool,
}

#[derive(Serialize, Deserialize)]
struct FileOnDisk {
    format: String,
    version: u32,
    saved: Saved,
    data: Vec<DataFile>,
}

#[derive(Serialize, Deserialize)]
struct DataFile {
    role: Role,
    name: String,
    base64: String,
}

/// A file's contents: role, name, bytes.
pub type Contents = (Role, String, Vec<u8>);

/// Why a project file was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ProjectError {
    /// Not JSON, or not the expected shape.
    NotAProject(String),
    /// Written by a newer zhucan.
    Newer(u32),
    /// A data file's contents are damaged.
    Damaged(String),
    /// A file the project uses is not in it.
    Missing(String),
}

impl ProjectError {
    /// The message for the user.
    pub fn message(&self, l: Locale) -> String {
        let w = words(l);
        match self {
            ProjectError::NotAProject(why) => (w.project_not_a_project)(why),
            ProjectError::Newer(v) => (w.project_newer)(*v),
            ProjectError::Damaged(name) => (w.project_damaged)(name),
            ProjectError::Missing(name) => (w.project_missing)(name),
        }
    }
}

/// Writes a project file.
pub fn to_json(saved: &Saved, files: &[Contents]) -> String {
    let data = files.iter().map(|(role, name, bytes)| DataFile { role: *role, name: name.clone(), base64: base64_encode(bytes) }).collect();
    let file = FileOnDisk { format: FORMAT.into(), version: VERSION, saved: saved.clone(), data };
    serde_json::to_string_pretty(&file).unwrap_or_default()
}

/// Reads a project file; every file the saved state uses must be in it.
pub fn from_json(text: &str) -> Result<(Saved, Vec<Contents>), ProjectError> {
    let value: serde_json::Value =
        serde_json::from_str(text.trim_start_matches('\u{feff}')).map_err(|e| ProjectError::NotAProject(e.to_string()))?;
    if value.get("format").and_then(|f| f.as_str()) != Some(FORMAT) {
        return Err(ProjectError::NotAProject(format!("format ≠ {FORMAT}")));
    }
    match value.get("version").and_then(|v| v.as_u64()) {
        Some(v) if v > u64::from(VERSION) => return Err(ProjectError::Newer(u32::try_from(v).unwrap_or(u32::MAX))),
        Some(_) => {}
        None => return Err(ProjectError::NotAProject("version".into())),
    }
    let file: FileOnDisk = serde_json::from_value(value).map_err(|e| ProjectError::NotAProject(e.to_string()))?;
    let mut out = Vec::new();
    for (role, name, ..) in &file.saved.files {
        let d = file.data.iter().find(|d| d.role == *role).ok_or_else(|| ProjectError::Missing(name.clone()))?;
        let bytes = base64_decode(&d.base64).ok_or_else(|| ProjectError::Damaged(d.name.clone()))?;
        out.push((*role, d.name.clone(), bytes));
    }
    Ok((file.saved, out))
}

/// Standard base64 with padding (RFC 4648), by the `base64` crate.
pub fn base64_encode(bytes: &[u8]) -> String {
    STANDARD.encode(bytes)
}

/// Decodes standard base64 (padding required, whitespace ignored); None if damaged.
pub fn base64_decode(text: &str) -> Option<Vec<u8>> {
    let clean: String = text.chars().filter(|c| !c.is_ascii_whitespace()).collect();
    STANDARD.decode(clean).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_matches_rfc_4648_test_vectors() {
        for (plain, encoded) in
            [("", ""), ("f", "Zg=="), ("fo", "Zm8="), ("foo", "Zm9v"), ("foob", "Zm9vYg=="), ("fooba", "Zm9vYmE="), ("foobar", "Zm9vYmFy")]
        {
            assert_eq!(base64_encode(plain.as_bytes()), encoded);
            assert_eq!(base64_decode(encoded).as_deref(), Some(plain.as_bytes()));
        }
        let all: Vec<u8> = (0..=255).collect();
        assert_eq!(base64_decode(&base64_encode(&all)), Some(all));
        assert_eq!(base64_decode("Zm9v\nYmFy").as_deref(), Some(&b"foobar"[..]), "line breaks are ignored");
        for bad in ["Zg=", "Z===", "Zg==Zg==", "Zm9*"] {
            assert_eq!(base64_decode(bad), None, "{bad}");
        }
    }

    #[test]
    fn a_project_round_trips_exactly() {
        let saved = Saved {
            demo: false,
            files: vec![(Role::Demand, "人口.csv".into(), ColumnMap::default(), Crs::Gcj02, true)],
            form: Some(SettingsForm::default()),
            choices: Choices { locked: vec![3], excluded: vec![7, 9] },
            had_result: true,
        };
        let gbk = vec![0xC0, 0xCF, 0xC8, 0xCB, b',', b'1', b'\n'];
        let json = to_json(&saved, &[(Role::Demand, "人口.csv".into(), gbk.clone())]);
        let (back, files) = from_json(&json).expect("reads back");
        assert_eq!(back, saved);
        assert_eq!(files, vec![(Role::Demand, "人口.csv".to_string(), gbk)]);
    }

    #[test]
    fn wrong_newer_and_damaged_files_are_refused_with_a_reason() {
        assert!(matches!(from_json("not json"), Err(ProjectError::NotAProject(_))));
        assert!(matches!(from_json(r#"{"format":"other","version":1}"#), Err(ProjectError::NotAProject(_))));
        assert_eq!(from_json(r#"{"format":"zhucan-project","version":9}"#), Err(ProjectError::Newer(9)));
        let saved =
            Saved { files: vec![(Role::Candidates, "点.csv".into(), ColumnMap::default(), Crs::Wgs84, false)], ..Saved::default() };
        let json = to_json(&saved, &[]);
        assert_eq!(from_json(&json), Err(ProjectError::Missing("点.csv".into())));
        let json = to_json(&saved, &[(Role::Candidates, "点.csv".into(), b"abc".to_vec())]).replace("YWJj", "YW*j");
        assert_eq!(from_json(&json), Err(ProjectError::Damaged("点.csv".into())));
        assert!(ProjectError::Newer(9).message(Locale::ZhCn).contains("新版"));
    }
}
