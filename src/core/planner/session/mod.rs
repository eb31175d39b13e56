//! The planner's working session: the files (CSV, GeoJSON, or a sheet of a spreadsheet workbook,
//! read as the same CSV text), their column mappings, the imported data and the last result. The web app runs it inside a Web Worker (so the page never freezes) and talks to
//! it with the messages in [`protocol`]; being plain Rust, the whole protocol is tested natively.
//!
//! - [`protocol`]: the requests and replies (and why a file or a run is refused);
//! - [`view`]: the view model the page draws after a run;
//! - [`density`]: the demand density grid under the map;
//! - [`demo`]: the simulated demo district.

pub mod demo;
pub mod density;
pub mod protocol;
pub mod view;

#[cfg(test)]
pub(crate) use demo::demo_plan;
pub use demo::{demo_district, DEMO_CANDIDATES, DEMO_CELLS, DEMO_EXISTING};
pub use density::{density_grid, DensityGrid};
pub use protocol::{ImportReport, OpenProblem, Opened, Reply, Request, Role, RunProblem, Step, MAX_FILE_BYTES};
pub use view::{PlanView, SiteRow, SourceFile};

use super::data::{import_demand_reporting, import_sites_reporting, Demand, Imported, Sites, Source};
use super::plan::{prepare, run};
use super::select::SelectOptions;
use super::settings::{Choices, Settings};
use crate::core::io::columns::{auto_map, auto_map_sampled, crs_hint, ColumnMap};
use crate::core::io::crs::Crs;
use crate::core::io::geojson_in::{self, GeoTable};
use crate::core::io::table::{preview, Preview};
use crate::core::io::text::{decode_owned, Encoding};
use crate::core::io::xlsx;
use crate::core::Locale;
use view::view;

enum Content {
    Csv(String),
    Geo(GeoTable),
}

struct OpenFile {
    name: String,
    content: Content,
}

/// The session state.
#[derive(Default)]
pub struct Session {
    files: [Option<OpenFile>; 3],
    demand: Option<Demand>,
    candidates: Option<Sites>,
    /// The coordinate system each file came in (demand, candidates, existing).
    crs: [Crs; 3],
    existing: Option<Sites>,
}

fn slot(role: Role) -> usize {
    match role {
        Role::Demand => 0,
        Role::Candidates => 1,
        Role::Existing => 2,
    }
}

impl Session {
    /// A new, empty session.
    pub fn new() -> Session {
        Session::default()
    }

    /// Handles one request; `send` receives the replies (progress first, the result last).
    pub fn handle(&mut self, request: Request, send: &mut dyn FnMut(Reply)) {
        match request {
            Request::Open { role, name, bytes, sheet, locale } => send(self.open(role, name, bytes, sheet.as_deref(), locale)),
            Request::Import { role, map, crs, skip_bad_rows } => {
                let reply = self.import(role, &map, crs, skip_bad_rows, &mut |percent| send(Reply::ImportProgress { role, percent }));
                send(reply);
            }
            Request::Demo => send(self.demo()),
            Request::Clear { role } => {
                self.files[slot(role)] = None;
                match role {
                    Role::Demand => self.demand = None,
                    Role::Candidates => self.candidates = None,
                    Role::Existing => self.existing = None,
                }
                send(Reply::Cleared(role));
            }
            Request::Run { settings, choices } => self.run(&settings, &choices, send),
        }
    }

    fn open(&mut self, role: Role, name: String, bytes: Vec<u8>, sheet: Option<&str>, locale: Locale) -> Reply {
        let failed = |problem: OpenProblem| Reply::OpenFailed { role, name: name.clone(), problem };
        if bytes.len() > MAX_FILE_BYTES {
            return failed(OpenProblem::TooLarge { mb: (bytes.len() / 1_048_576) as u64, limit_mb: (MAX_FILE_BYTES / 1_048_576) as u64 });
        }
        if xlsx::looks_like_workbook(&bytes) {
            // One sheet becomes CSV text, and from here on it is a CSV file.
            let book = match xlsx::read_sheet(&bytes, sheet, locale) {
                Ok(book) => book,
                Err(e) => return failed(e.into()),
            };
            drop(bytes);
            return self.open_csv(role, name, book.format.label().to_string(), book.text, book.sheets, Some(book.sheet));
        }
        // Taken by value: a UTF-8 file becomes the text without a second copy.
        let (text, encoding) = match decode_owned(bytes) {
            Ok(v) => v,
            Err(e) => return failed(e.into()),
        };
        let encoding = match encoding {
            Encoding::Utf8 => "UTF-8",
            Encoding::Utf16 => "UTF-16",
            Encoding::Gbk => "GBK",
        }
        .to_string();
        let looks_json = text.trim_start().starts_with('{');
        if looks_json {
            let table = match geojson_in::read(&text) {
                Ok(t) => t,
                Err(e) => return failed(e.into()),
            };
            let sample = table.rows.iter().take(5).map(|r| r.values.clone()).collect();
            let mut map = auto_map(&table.headers);
            // Positions come from the geometry unless the planner maps columns.
            map.lon = None;
            map.lat = None;
            map.lonlat = None;
            let polygons = table.rows.iter().filter(|r| r.area_m2.is_some()).count();
            let opened = Opened {
                role,
                name: name.clone(),
                encoding,
                crs_hint: crs_hint(&table.headers),
                headers: table.headers.clone(),
                sample,
                map,
                geojson: true,
                polygons,
                sheets: Vec::new(),
                sheet: None,
            };
            self.files[slot(role)] = Some(OpenFile { name, content: Content::Geo(table) });
            return Reply::Opened(opened);
        }
        self.open_csv(role, name, encoding, text, Vec::new(), None)
    }

    /// A CSV text (from a file, or a workbook's sheet): its headers, first rows and guessed mapping.
    fn open_csv(&mut self, role: Role, name: String, encoding: String, text: String, sheets: Vec<String>, sheet: Option<String>) -> Reply {
        let Preview { headers, sample } = match preview(&text, 5) {
            Ok(p) => p,
            Err(e) => return Reply::OpenFailed { role, name, problem: e.into() },
        };
        let map = auto_map_sampled(&headers, &sample);
        let opened = Opened {
            role,
            name: name.clone(),
            encoding,
            crs_hint: crs_hint(&headers),
            headers,
            sample,
            map,
            geojson: false,
            polygons: 0,
            sheets,
            sheet,
        };
        self.files[slot(role)] = Some(OpenFile { name, content: Content::Csv(text) });
        Reply::Opened(opened)
    }

    fn import(&mut self, role: Role, map: &ColumnMap, crs: Crs, skip_bad_rows: bool, progress: &mut dyn FnMut(u8)) -> Reply {
        let Some(file) = &self.files[slot(role)] else {
            return Reply::CannotRun(RunProblem::NotOpened);
        };
        let source = match &file.content {
            Content::Csv(text) => Source::Csv { data: text, headers: preview(text, 0).map(|p| p.headers).unwrap_or_default() },
            Content::Geo(table) => Source::GeoJson(table),
        };
        let name = file.name.clone();
        fn report<T>(role: Role, name: String, imp: &Imported<T>, accepted: bool, rows: usize, extra_names: Vec<String>) -> ImportReport {
            ImportReport {
                role,
                name,
                total_rows: imp.total_rows,
                bad_rows: imp.bad_rows,
                issues: imp.issues.clone(),
                warnings: imp.warnings.clone(),
                accepted,
                rows_in_use: if accepted { rows } else { 0 },
                extra_names,
            }
        }
        let result = match role {
            Role::Demand => import_demand_reporting(&source, map, crs, progress).map(|imp| {
                let accepted = (imp.bad_rows == 0 || skip_bad_rows) && !imp.data.points.is_empty();
                let r = report(role, name, &imp, accepted, imp.data.points.len(), imp.data.extra_names.clone());
                if accepted {
                    self.demand = Some(imp.data);
                    self.crs[slot(role)] = crs;
                }
                r
            }),
            Role::Candidates | Role::Existing => import_sites_reporting(&source, map, crs, progress).map(|imp| {
                let accepted = (imp.bad_rows == 0 || skip_bad_rows) && (role == Role::Existing || !imp.data.points.is_empty());
                let r = report(role, name, &imp, accepted, imp.data.points.len(), Vec::new());
                if accepted {
                    self.crs[slot(role)] = crs;
                    if role == Role::Candidates {
                        self.candidates = Some(imp.data);
                    } else {
                        self.existing = Some(imp.data);
                    }
                }
                r
            }),
        };
        match result {
            Ok(r) => Reply::Imported(r),
            Err(missing) => Reply::MappingIncomplete { role, missing },
        }
    }

    fn demo(&mut self) -> Reply {
        let (demand, candidates, existing) = demo_district();
        let reply = Reply::DemoLoaded { points: demand.points.len(), candidates: candidates.points.len(), existing: existing.points.len() };
        self.files = [None, None, None];
        self.demand = Some(demand);
        self.candidates = Some(candidates);
        self.crs = [Crs::Wgs84; 3];
        self.existing = Some(existing);
        reply
    }

    fn run(&mut self, settings: &Settings, choices: &Choices, send: &mut dyn FnMut(Reply)) {
        let (Some(demand), Some(candidates)) = (&self.demand, &self.candidates) else {
            return send(Reply::CannotRun(RunProblem::NoData));
        };
        let empty = Sites::default();
        let existing = self.existing.as_ref().unwrap_or(&empty);
        let radius = settings.radius.metres();
        if !(radius.is_finite() && radius > 0.0) {
            return send(Reply::CannotRun(RunProblem::BadRadius));
        }
        send(Reply::Progress(Step::Coverage));
        let prepared = prepare(demand, candidates, existing, radius);
        send(Reply::Progress(Step::Selecting));
        let result = run(demand, candidates, &prepared, settings, choices, SelectOptions::default());
        send(Reply::Progress(Step::Drawing));
        let mut planned = view(demand, candidates, existing, &prepared, &result, settings);
        planned.input_crs = self.crs[slot(Role::Candidates)];
        planned.sources = Role::ALL
            .iter()
            .filter_map(|&role| {
                let file = self.files[slot(role)].as_ref()?;
                let rows = match role {
                    Role::Demand => self.demand.as_ref().map(|d| d.points.len()),
                    Role::Candidates => self.candidates.as_ref().map(|c| c.points.len()),
                    Role::Existing => self.existing.as_ref().map(|e| e.points.len()),
                }?;
                Some(SourceFile { role, name: file.name.clone(), rows, crs: self.crs[slot(role)] })
            })
            .collect();
        send(Reply::Planned(Box::new(planned)));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn collect(session: &mut Session, request: Request) -> Vec<Reply> {
        let mut out = Vec::new();
        session.handle(request, &mut |r| out.push(r));
        out
    }

    #[test]
    fn open_map_import_run() {
        let mut s = Session::new();
        let demand =
            "社区,经度,纬度,60岁以上,80岁以上\nA,113.300,23.100,100,10\nB,113.305,23.100,50,5\nC,113.400,23.200,70,7\nD,abc,23.1,5,0\n";
        let sites = "名称,经度,纬度\n一号,113.301,23.100\n二号,113.401,23.200\n";
        let Reply::Opened(o) = collect(&mut s, Request::open(Role::Demand, "d.csv", demand.as_bytes().to_vec())).remove(0) else {
            panic!("opened")
        };
        assert_eq!((o.map.lon, o.map.lat, o.map.count, o.encoding.as_str()), (Some(1), Some(2), Some(3), "UTF-8"));
        // One bad row: not accepted without consent, then accepted with it.
        let Reply::Imported(r) =
            collect(&mut s, Request::Import { role: Role::Demand, map: o.map.clone(), crs: Crs::Wgs84, skip_bad_rows: false }).remove(0)
        else {
            panic!("imported")
        };
        assert_eq!((r.total_rows, r.bad_rows, r.accepted), (4, 1, false));
        // In GCJ-02 like the candidates below: both move alike, so who is covered does not change.
        let Reply::Imported(r) =
            collect(&mut s, Request::Import { role: Role::Demand, map: o.map, crs: Crs::Gcj02, skip_bad_rows: true }).remove(0)
        else {
            panic!("imported")
        };
        assert_eq!((r.accepted, r.rows_in_use), (true, 3));
        let Reply::Opened(o) = collect(&mut s, Request::open(Role::Candidates, "c.csv", sites.as_bytes().to_vec())).remove(0) else {
            panic!("opened")
        };
        collect(&mut s, Request::Import { role: Role::Candidates, map: o.map, crs: Crs::Gcj02, skip_bad_rows: false });
        let replies = collect(&mut s, Request::Run { settings: Settings { k: 1, ..Settings::default() }, choices: Choices::default() });
        assert_eq!(&replies[..3], &[Reply::Progress(Step::Coverage), Reply::Progress(Step::Selecting), Reply::Progress(Step::Drawing)]);
        let Some(Reply::Planned(view)) = replies.last() else { panic!("planned") };
        // Site 1 (A and B, 150 people) beats site 2 (C, 70).
        assert_eq!(view.chosen, vec![0]);
        assert_eq!(view.covered_weighted, 150.0);
        assert_eq!(view.sites[0].rank, Some(0));
        assert_eq!(view.sites[0].score.covered, 150.0);
        assert_eq!(view.grid.counts.iter().sum::<f64>(), 220.0);
        assert_eq!(view.sites[0].assigned, 150.0);
        assert_eq!(view.sites[1].assigned, 0.0, "not chosen");
        // What the report names: the files, their rows in use and systems; exports default to the
        // candidates' system; the settings used.
        assert_eq!(
            view.sources,
            vec![
                SourceFile { role: Role::Demand, name: "d.csv".into(), rows: 3, crs: Crs::Gcj02 },
                SourceFile { role: Role::Candidates, name: "c.csv".into(), rows: 2, crs: Crs::Gcj02 },
            ]
        );
        assert_eq!(view.input_crs, Crs::Gcj02);
        assert_eq!(view.settings.k, 1);
        // One site covers 150 of the 150 any one site could: nothing better exists.
        assert!(view.proven_best());
        let mut almost = (**view).clone();
        almost.upper_bound = 150.4;
        assert!(almost.proven_best(), "less than half a person above: the same whole number");
        almost.upper_bound = 160.0;
        assert!(!almost.proven_best());
        assert_eq!(almost.guarantee(), 150.0 / 160.0);
    }

    #[test]
    fn unreadable_files_and_runs_without_data_say_so() {
        let mut s = Session::new();
        assert_eq!(
            collect(&mut s, Request::Run { settings: Settings::default(), choices: Choices::default() }).remove(0),
            Reply::CannotRun(RunProblem::NoData)
        );
        // A ZIP archive cut off after its first bytes: a workbook (workbooks are opened now), damaged.
        let reply = collect(&mut s, Request::open(Role::Demand, "x.xlsx", b"PK\x03\x04\x00\x00".to_vec())).remove(0);
        assert!(
            matches!(&reply, Reply::OpenFailed { problem: OpenProblem::Workbook(xlsx::WorkbookError::Damaged { .. }), .. }),
            "{reply:?}"
        );
        // Bytes that are neither text nor a workbook.
        let reply = collect(&mut s, Request::open(Role::Demand, "x.png", b"\x89PNG\r\n\x1a\n\x00\x00".to_vec())).remove(0);
        assert_eq!(reply, Reply::OpenFailed { role: Role::Demand, name: "x.png".into(), problem: OpenProblem::NotText });
        let reply = collect(&mut s, Request::open(Role::Demand, "x.csv", Vec::new())).remove(0);
        assert_eq!(reply, Reply::OpenFailed { role: Role::Demand, name: "x.csv".into(), problem: OpenProblem::Empty });
        let reply = collect(&mut s, Request::open(Role::Demand, "x.geojson", b"{\"type\":\"FeatureCollection\",".to_vec())).remove(0);
        assert!(matches!(reply, Reply::OpenFailed { problem: OpenProblem::NotGeoJson { .. }, .. }), "{reply:?}");
        // Polygons are counted when the file is opened, so the planner can be told.
        let grid = br#"{"type":"FeatureCollection","features":[
            {"type":"Feature","properties":{"n":5},"geometry":{"type":"Polygon","coordinates":[[[113.3,23.1],[113.301,23.1],[113.301,23.101],[113.3,23.1]]]}},
            {"type":"Feature","properties":{"n":7},"geometry":{"type":"Point","coordinates":[113.3,23.1]}}]}"#;
        let Reply::Opened(o) = collect(&mut s, Request::open(Role::Demand, "g.geojson", grid.to_vec())).remove(0) else { panic!("opened") };
        assert_eq!((o.geojson, o.polygons), (true, 1));
    }

    #[test]
    fn the_demo_runs() {
        let mut s = Session::new();
        // The sizes (demo::DEMO_CELLS, DEMO_CANDIDATES, DEMO_EXISTING) written out by hand: the
        // page's demo note states these figures in words.
        assert_eq!(collect(&mut s, Request::Demo).remove(0), Reply::DemoLoaded { points: 6000, candidates: 60, existing: 4 });
        let replies = collect(&mut s, Request::Run { settings: Settings { k: 8, ..Settings::default() }, choices: Choices::default() });
        let Some(Reply::Planned(view)) = replies.last() else { panic!("planned") };
        assert_eq!(view.chosen.len(), 8);
        assert!(view.covered_weighted > view.existing_weighted);
        assert!(view.upper_bound >= view.covered_weighted);
        assert_eq!(view.existing.len(), 4);
        // Each person counted once: the chosen sites' assigned counts add up to what the plan
        // covers beyond the existing canteens (no extra weights, so weight = people).
        let assigned: f64 = view.sites.iter().map(|s| s.assigned).sum();
        assert!((assigned - (view.covered_weighted - view.existing_weighted)).abs() < 1e-6, "{assigned}");
    }
}
