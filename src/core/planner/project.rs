//! The planner's project file: everything needed to get the same work back on another day or
//! another computer — the files' contents (tables, population rasters, the study-area boundary),
//! their column mapping, sheet and coordinate system, the settings, locked and excluded sites — as
//! one versioned JSON file. Nothing is computed from it that the planner would not compute again:
//! a run after loading gives the same result.
//!
//! Version 2 added the rasters, the boundary and the workbook sheet; version 1 files still read.
//! The road file and the maximum snap distance came later within version 2 (fields that older
//! files do not have read as "none").

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
pub const VERSION: u32 = 2;

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
    /// The sheet read from a workbook, by role (files that are not workbooks have none).
    #[serde(default)]
    pub sheets: Vec<(Role, String)>,
    /// Population rasters as the demand (instead of a table): each file's name, and whether it
    /// is kept as the extra weight rather than added to the older people.
    #[serde(default)]
    pub rasters: Vec<(String, bool)>,
    /// The rasters' extra weight's name.
    #[serde(default)]
    pub raster_extra_name: String,
    /// The study-area boundary: its name and coordinate system.
    #[serde(default)]
    pub boundary: Option<(String, Crs)>,
    /// The road file (walking along streets, the street basemap): its name and coordinate system.
    #[serde(default)]
    pub roads: Option<(String, Crs)>,
    /// The maximum snap distance as typed (metres; `None`: the default).
    #[serde(default)]
    pub max_snap: Option<String>,
}

impl Saved {
    /// The sheet read from `role`'s workbook, if any.
    pub fn sheet(&self, role: Role) -> Option<String> {
        self.sheets.iter().find(|(r, _)| *r == role).map(|(_, s)| s.clone())
    }
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
    #[serde(default)]
    kind: Kind,
    name: String,
    base64: String,
}

/// What a data file is.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// A table (CSV, GeoJSON, workbook) in its role's slot.
    #[default]
    Table,
    /// One of the population rasters (the demand).
    Raster,
    /// The study-area boundary.
    Boundary,
    /// The road file.
    Roads,
}

/// A data file's contents.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Contents {
    /// What it is.
    pub kind: Kind,
    /// Its slot (a raster's is the demand's; a boundary's is unused).
    pub role: Role,
    /// Its name.
    pub name: String,
    /// Its bytes.
    pub bytes: Vec<u8>,
}

impl Contents {
    /// A table in `role`'s slot.
    pub fn table(role: Role, name: impl Into<String>, bytes: Vec<u8>) -> Contents {
        Contents { kind: Kind::Table, role, name: name.into(), bytes }
    }
}

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
    let data =
        files.iter().map(|f| DataFile { role: f.role, kind: f.kind, name: f.name.clone(), base64: base64_encode(&f.bytes) }).collect();
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
    let mut take = |d: &DataFile| -> Result<(), ProjectError> {
        let bytes = base64_decode(&d.base64).ok_or_else(|| ProjectError::Damaged(d.name.clone()))?;
        out.push(Contents { kind: d.kind, role: d.role, name: d.name.clone(), bytes });
        Ok(())
    };
    for (role, name, ..) in &file.saved.files {
        let d = file.data.iter().find(|d| d.kind == Kind::Table && d.role == *role).ok_or_else(|| ProjectError::Missing(name.clone()))?;
        take(d)?;
    }
    for (name, _) in &file.saved.rasters {
        let d = file.data.iter().find(|d| d.kind == Kind::Raster && d.name == *name).ok_or_else(|| ProjectError::Missing(name.clone()))?;
        take(d)?;
    }
    if let Some((name, _)) = &file.saved.boundary {
        let d = file.data.iter().find(|d| d.kind == Kind::Boundary).ok_or_else(|| ProjectError::Missing(name.clone()))?;
        take(d)?;
    }
    if let Some((name, _)) = &file.saved.roads {
        let d = file.data.iter().find(|d| d.kind == Kind::Roads).ok_or_else(|| ProjectError::Missing(name.clone()))?;
        take(d)?;
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
            ..Saved::default()
        };
        let gbk = vec![0xC0, 0xCF, 0xC8, 0xCB, b',', b'1', b'\n'];
        let json = to_json(&saved, &[Contents::table(Role::Demand, "人口.csv", gbk.clone())]);
        let (back, files) = from_json(&json).expect("reads back");
        assert_eq!(back, saved);
        assert_eq!(files, vec![Contents::table(Role::Demand, "人口.csv", gbk)]);
    }

    #[test]
    fn rasters_a_boundary_and_a_sheet_round_trip() {
        let saved = Saved {
            files: vec![(Role::Candidates, "点.xlsx".into(), ColumnMap::default(), Crs::Gcj02, false)],
            sheets: vec![(Role::Candidates, "第二页".into())],
            rasters: vec![("f_60.tif".into(), false), ("f_80.tif".into(), true)],
            raster_extra_name: "80岁以上".into(),
            boundary: Some(("街道.geojson".into(), Crs::Gcj02)),
            ..Saved::default()
        };
        let raster = |name: &str, byte: u8| Contents {
            kind: Kind::Raster,
            role: Role::Demand,
            name: name.into(),
            bytes: vec![b'I', b'I', 42, 0, byte],
        };
        let files = vec![
            Contents::table(Role::Candidates, "点.xlsx", b"PK".to_vec()),
            raster("f_60.tif", 1),
            raster("f_80.tif", 2),
            Contents { kind: Kind::Boundary, role: Role::Demand, name: "街道.geojson".into(), bytes: b"{}".to_vec() },
        ];
        let json = to_json(&saved, &files);
        assert!(json.contains("\"version\": 2"), "{json}");
        let (back, read) = from_json(&json).expect("reads back");
        assert_eq!((back.clone(), read), (saved, files.clone()));
        assert_eq!((back.sheet(Role::Candidates).as_deref(), back.sheet(Role::Demand)), (Some("第二页"), None));
        // A raster or the boundary left out of the data is named.
        assert_eq!(from_json(&to_json(&back, &files[..2])), Err(ProjectError::Missing("f_80.tif".into())));
        assert_eq!(from_json(&to_json(&back, &files[..3])), Err(ProjectError::Missing("街道.geojson".into())));
    }

    #[test]
    fn the_road_file_and_the_snap_distance_round_trip() {
        let saved = Saved {
            demo: true,
            roads: Some(("城区道路.geojson".into(), Crs::Gcj02)),
            max_snap: Some("150".into()),
            had_result: true,
            ..Saved::default()
        };
        let roads =
            Contents { kind: Kind::Roads, role: Role::Demand, name: "城区道路.geojson".into(), bytes: b"{\"type\":1}".to_vec() };
        let json = to_json(&saved, std::slice::from_ref(&roads));
        assert!(json.contains("\"kind\": \"roads\""), "{json}");
        assert_eq!(from_json(&json), Ok((saved.clone(), vec![roads])));
        // Left out of the data: named.
        assert_eq!(from_json(&to_json(&saved, &[])), Err(ProjectError::Missing("城区道路.geojson".into())));
    }

    #[test]
    fn a_version_1_project_still_reads() {
        // Written by the build before rasters and boundaries: no kinds, no sheets.
        let v1 = r#"{"format":"zhucan-project","version":1,"saved":{"demo":false,
            "files":[["Demand","a.csv",{"lon":0,"lat":1,"count":2,"name":null,"capacity":null,"cost":null,"extras":[]},"wgs84",false]],
            "form":null,"choices":{"locked":[],"excluded":[]},"had_result":true},
            "data":[{"role":"Demand","name":"a.csv","base64":"Zm9v"}]}"#;
        let (saved, files) = from_json(v1).expect("a version 1 file");
        assert_eq!((saved.rasters.len(), saved.boundary.clone(), saved.sheets.len()), (0, None, 0));
        assert_eq!(files, vec![Contents::table(Role::Demand, "a.csv", b"foo".to_vec())]);
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
        let json = to_json(&saved, &[Contents::table(Role::Candidates, "点.csv", b"abc".to_vec())]).replace("YWJj", "YW*j");
        assert_eq!(from_json(&json), Err(ProjectError::Damaged("点.csv".into())));
        assert!(ProjectError::Newer(9).message(Locale::ZhCn).contains("新版"));
    }
}
