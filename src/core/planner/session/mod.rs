//! The planner's working session: the files (CSV, GeoJSON, or a sheet of a spreadsheet workbook,
//! read as the same CSV text; population rasters), their column mappings, the imported data, the
//! study area and the last result. The web app runs it inside a Web Worker (so the page never
//! freezes) and talks to it with the messages in [`protocol`]; being plain Rust, the whole
//! protocol is tested natively.
//!
//! - [`protocol`]: the requests and replies (and why a file or a run is refused);
//! - [`view`]: the view model the page draws after a run;
//! - [`density`]: the demand density grid under the map;
//! - [`population`]: demand from population rasters, read in the study's window;
//! - [`area`]: the study-area boundary, and what it leaves out;
//! - [`demo`]: the simulated demo district;
//! - [`roads`]: the road file, walking along its roads, and the network service areas;
//! - [`streets`]: the street basemap, simplified per zoom level.

pub mod area;
pub mod demo;
pub mod density;
pub mod models;
pub mod population;
pub mod protocol;
pub mod report;
pub mod report_words;
pub mod roads;
pub mod streets;
pub mod view;

use std::borrow::Cow;
use std::io::Read;

#[cfg(test)]
pub(crate) use demo::demo_plan;
pub use demo::{demo_district, DEMO_CANDIDATES, DEMO_CELLS, DEMO_EXISTING};
pub use density::{density_grid, DensityGrid};
pub use protocol::Certificate;
pub use protocol::{ImportReport, OpenProblem, Opened, Reply, Request, Role, RunProblem, Step, MAX_FILE_BYTES, MAX_TABLE_BYTES};
pub use view::{PlanView, SiteRow, SourceFile};

use super::data::{import_demand_reporting, import_sites_reporting, Demand, Imported, Sites, Source};
use super::network::SnappedDemand;
use super::plan::{prepare, prepare_snapped, run};
use super::select::SelectOptions;
use super::settings::Radius;
use super::settings::{Choices, Settings};
use crate::core::io::boundary;
use crate::core::io::columns::{auto_map, auto_map_sampled, crs_hint, ColumnMap};
use crate::core::io::crs::Crs;
use crate::core::io::geojson_in::{self, GeoTable};
use crate::core::io::raster::Window;
use crate::core::io::stream::{read_all, CsvStream, Reopen, Utf8Text};
use crate::core::io::table::{preview_of, Preview, TableError};
use crate::core::io::text::{decode, Encoding};
use crate::core::io::xlsx;
use crate::core::Locale;
use area::{clip_demand, clip_sites, StudyArea};
use population::{read_demand, study_window, LayerSource, WindowFrom};
use view::view;

enum Content {
    /// Read again from its start by the import (never held as text).
    Csv(Box<dyn Reopen>),
    Geo(GeoTable),
}

struct OpenFile {
    name: String,
    content: Content,
}

/// Population rasters in use as the demand, kept to be read again when the window moves.
struct RasterSource {
    layers: Vec<LayerSource>,
    extra_name: String,
    /// The window they were last read in.
    read_with: (Option<Window>, WindowFrom),
}

/// The search for a better plan after a run, stepped by [`Request::Refine`].
struct Live {
    run: u64,
    search: super::select::Search,
    settings: Settings,
    choices: Choices,
    /// What the plan last sent covers.
    shown: f64,
}

/// The session state.
#[derive(Default)]
pub struct Session {
    /// Runs so far (names the run a [`Certificate`] is about).
    runs: u64,
    /// The search going on after the last run, if any.
    live: Option<Live>,
    /// Runs send their first answer and search on in slices ([`Session::searching`]).
    searching: bool,
    files: [Option<OpenFile>; 4],
    demand: Option<Demand>,
    candidates: Option<Sites>,
    /// The coordinate system each file came in (demand, candidates, existing, competitors).
    crs: [Crs; 4],
    existing: Option<Sites>,
    /// Other meal providers (never chosen; their walk-in reach counts as served).
    competitors: Option<Sites>,
    /// The rasters the demand comes from, if it does.
    raster: Option<RasterSource>,
    /// The study area, if a boundary is loaded.
    area: Option<StudyArea>,
    /// How far a person may be from a site (the radius last asked for), metres.
    reach_m: Option<f64>,
    /// The road file in use, with its network.
    roads: Option<roads::RoadsInUse>,
    /// Where the road file's vertices are on its network (made at the first service area drawn).
    vertex_snaps: Option<Vec<Vec<Option<super::network::Snap>>>>,
    /// The maximum snap distance, metres (`None`: [`roads::DEFAULT_MAX_SNAP_M`]).
    max_snap_m: Option<f64>,
}

/// An encoding's name as the column-mapping step shows it.
fn encoding_label(e: Encoding) -> String {
    match e {
        Encoding::Utf8 => "UTF-8",
        Encoding::Utf16 => "UTF-16",
        Encoding::Gbk => "GBK",
    }
    .to_string()
}

/// Up to `head.len()` first bytes of `source` (fewer only if it is shorter).
fn read_head(source: &dyn Reopen, head: &mut [u8]) -> std::io::Result<usize> {
    let mut r = source.open()?;
    let mut n = 0;
    while n < head.len() {
        match r.read(&mut head[n..]) {
            Ok(0) => break,
            Ok(k) => n += k,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(n)
}

fn slot(role: Role) -> usize {
    match role {
        Role::Demand => 0,
        Role::Candidates => 1,
        Role::Existing => 2,
        Role::Competitors => 3,
    }
}

impl Session {
    /// A new, empty session.
    pub fn new() -> Session {
        Session::default()
    }

    /// A session whose runs of the plain coverage objective send the first answer at once, then
    /// search on in slices, one per [`Request::Refine`], sending the [`Certificate`] as it rises
    /// (the worker's; without it a run searches to the end before it answers).
    pub fn searching() -> Session {
        Session { searching: true, ..Session::default() }
    }

    /// Handles one request; `send` receives the replies (progress first, the result last).
    pub fn handle(&mut self, request: Request, send: &mut dyn FnMut(Reply)) {
        // Any request but the search's own ends the search after a run.
        match &request {
            Request::Refine { run } => return self.refine(*run, send),
            Request::StopSearch => {
                if let Some(l) = self.live.take() {
                    let p = l.search.progress();
                    let c = Certificate { done: true, stopped: true, ..Certificate::of(l.run, &p) };
                    send(Reply::Certificate(c));
                }
                return;
            }
            _ => self.live = None,
        }
        match request {
            Request::Open { role, name, bytes, sheet, locale } => send(self.open(role, name, bytes, sheet.as_deref(), locale)),
            Request::Import { role, map, crs, skip_bad_rows } => {
                let reply = self.import(role, &map, crs, skip_bad_rows, &mut |percent| send(Reply::ImportProgress { role, percent }));
                let accepted = matches!(&reply, Reply::Imported(r) if r.accepted);
                send(reply);
                if accepted {
                    if role == Role::Candidates {
                        self.refresh_raster(send);
                    }
                    self.send_area(send);
                }
            }
            Request::ImportRaster { layers, extra_name, reach_m } => {
                if reach_m.is_finite() && reach_m > 0.0 {
                    self.reach_m = Some(reach_m);
                }
                self.import_raster(layers.into_iter().map(LayerSource::from).collect(), extra_name, send);
            }
            Request::Boundary { name, bytes, crs } => {
                let text = match decode(&bytes) {
                    Ok((text, _)) => text,
                    Err(_) => String::from_utf8_lossy(&bytes),
                };
                match boundary::read(&text, crs) {
                    Ok(b) => {
                        self.area = Some(StudyArea { name, crs, boundary: b });
                        self.refresh_raster(send);
                        self.send_area(send);
                    }
                    Err(problem) => send(Reply::BoundaryFailed { name, problem }),
                }
            }
            Request::ClearBoundary => {
                self.area = None;
                send(Reply::BoundaryCleared);
                self.refresh_raster(send);
            }
            Request::Demo => {
                let reply = self.demo();
                send(reply);
                self.send_area(send);
            }
            Request::Clear { role } => {
                self.files[slot(role)] = None;
                match role {
                    Role::Demand => {
                        self.demand = None;
                        self.raster = None;
                    }
                    Role::Candidates => self.candidates = None,
                    Role::Existing => self.existing = None,
                    Role::Competitors => self.competitors = None,
                }
                send(Reply::Cleared(role));
                if role == Role::Candidates {
                    self.refresh_raster(send);
                }
                self.send_area(send);
            }
            Request::Roads { name, bytes, crs } => {
                send(Reply::RoadsBuilding { name: name.clone() });
                match roads::read(name.clone(), &bytes, crs, MAX_FILE_BYTES) {
                    Ok(r) => {
                        send(Reply::RoadsRead(r.report.clone()));
                        self.roads = Some(r);
                        self.vertex_snaps = None;
                    }
                    Err(problem) => send(Reply::RoadsFailed { name, problem }),
                }
            }
            Request::ClearRoads => {
                self.roads = None;
                self.vertex_snaps = None;
                send(Reply::RoadsCleared);
            }
            Request::MaxSnap { metres } => {
                if metres.is_finite() && metres > 0.0 {
                    self.max_snap_m = Some(metres);
                }
            }
            Request::Run { settings, choices } => {
                self.runs += 1;
                self.run(&settings, &choices, None, send)
            }
            Request::Refine { .. } | Request::StopSearch => {}
        }
    }

    /// One slice of the search after run `run`: a better plan is sent whole (as
    /// [`Reply::Planned`]) before the certificate.
    fn refine(&mut self, run: u64, send: &mut dyn FnMut(Reply)) {
        let Some(live) = self.live.as_mut().filter(|l| l.run == run) else { return };
        let p = live.search.step(super::select::STEP_ITERATIONS);
        if p.covered_weight > live.shown {
            live.shown = p.covered_weight;
            let (selection, settings, choices) = (live.search.selection(), live.settings.clone(), live.choices.clone());
            let kept = self.live.take();
            self.run(&settings, &choices, Some(selection), send);
            self.live = kept;
        }
        send(Reply::Certificate(Certificate::of(run, &p)));
        if p.done {
            self.live = None;
        }
    }

    /// The radius rasters are read around the candidates with: the last asked for, else the
    /// default setting's.
    fn reach(&self) -> f64 {
        self.reach_m.unwrap_or_else(|| Settings::default().radius.metres())
    }

    /// What the boundary leaves out of the data now in use, if one is loaded.
    fn send_area(&self, send: &mut dyn FnMut(Reply)) {
        if let Some(a) = &self.area {
            send(Reply::Boundary(a.report(self.demand.as_ref(), self.candidates.as_ref())));
        }
    }

    /// The window rasters are read in now (the boundary's, the candidates', or the whole file).
    fn window(&self) -> (Option<Window>, WindowFrom) {
        let candidates = self.candidates.as_ref().map(|c| c.points.as_slice()).unwrap_or(&[]);
        study_window(self.area.as_ref().map(|a| &a.boundary), candidates, self.reach())
    }

    /// [`Request::ImportRaster`] with files read by position (the browser's `File`s, which the
    /// worker reads by ranges: a GeoTIFF's window, never the whole file).
    pub fn import_raster_files(&mut self, layers: Vec<LayerSource>, extra_name: String, reach_m: f64, send: &mut dyn FnMut(Reply)) {
        if reach_m.is_finite() && reach_m > 0.0 {
            self.reach_m = Some(reach_m);
        }
        self.import_raster(layers, extra_name, send);
    }

    /// The window rasters would be read in now, and where it comes from.
    pub fn raster_window(&self) -> (Option<Window>, WindowFrom) {
        self.window()
    }

    fn import_raster(&mut self, layers: Vec<LayerSource>, extra_name: String, send: &mut dyn FnMut(Reply)) {
        let (window, from) = self.window();
        match read_demand(&layers, &extra_name, window.as_ref(), from) {
            Ok((demand, report)) => {
                self.raster = Some(RasterSource { layers, extra_name, read_with: (window, from) });
                self.demand = Some(demand);
                self.files[slot(Role::Demand)] = None;
                self.crs[slot(Role::Demand)] = Crs::Wgs84;
                send(Reply::RasterRead(report));
                self.send_area(send);
            }
            Err((name, problem)) => send(Reply::RasterFailed { name, from, problem }),
        }
    }

    /// Reads the rasters in use again if the window has moved (candidates or a boundary came or
    /// went, or the radius changed). If the new window cannot be read, the cells read before stay
    /// in use and the page is told why.
    fn refresh_raster(&mut self, send: &mut dyn FnMut(Reply)) {
        let now = self.window();
        let Some(src) = &mut self.raster else { return };
        if src.read_with == now {
            return;
        }
        src.read_with = now;
        match read_demand(&src.layers, &src.extra_name, now.0.as_ref(), now.1) {
            Ok((demand, report)) => {
                self.demand = Some(demand);
                send(Reply::RasterRead(report));
            }
            Err((name, problem)) => send(Reply::RasterFailed { name, from: now.1, problem }),
        }
    }

    fn open(&mut self, role: Role, name: String, bytes: Vec<u8>, sheet: Option<&str>, locale: Locale) -> Reply {
        self.open_source(role, name, Box::new(bytes), sheet, locale)
    }

    /// Opens a file that can be read from its start as often as needed (bytes in memory, a file
    /// on disk, a `File` in the browser's worker read by slices): a workbook is read whole (a ZIP
    /// archive cannot be streamed) and one sheet becomes CSV text; GeoJSON is read feature by
    /// feature into its rows; a CSV file is only looked at here (its header and first rows) and
    /// kept as the source, read again from the start by the import, so its text is never held.
    pub fn open_source(&mut self, role: Role, name: String, source: Box<dyn Reopen>, sheet: Option<&str>, locale: Locale) -> Reply {
        let failed = |problem: OpenProblem| Reply::OpenFailed { role, name: name.clone(), problem };
        let too_large = |limit: u64| OpenProblem::TooLarge { mb: source.byte_len() / 1_048_576, limit_mb: limit / 1_048_576 };
        let mut head = [0u8; 8];
        let head_len = match read_head(&*source, &mut head) {
            Ok(n) => n,
            Err(e) => return failed(OpenProblem::Unreadable { detail: e.to_string() }),
        };
        if xlsx::looks_like_workbook(&head[..head_len]) {
            // Read whole: workbooks keep to the old limit.
            if source.byte_len() > MAX_FILE_BYTES as u64 {
                return failed(too_large(MAX_FILE_BYTES as u64));
            }
            let bytes = match read_all(&*source) {
                Ok(b) => b,
                Err(e) => return failed(OpenProblem::Unreadable { detail: e.to_string() }),
            };
            drop(source);
            // One sheet becomes CSV text, and from here on it is a CSV file.
            let book = match xlsx::read_sheet(&bytes, sheet, locale) {
                Ok(book) => book,
                Err(e) => return failed(e.into()),
            };
            // The sheets the planner may choose among: those with data (another sheet is read
            // only to see whether it has any).
            let with_data = if book.sheets.len() > 1 {
                book.sheets.iter().filter(|s| **s == book.sheet || xlsx::read_sheet(&bytes, Some(s), locale).is_ok()).cloned().collect()
            } else {
                book.sheets.clone()
            };
            drop(bytes);
            let label = book.format.label().to_string();
            let reply = self.open_csv(role, name, Some(label), Box::new(book.text), book.sheets, Some(book.sheet));
            return match reply {
                Reply::Opened(o) => Reply::Opened(Opened { sheets_with_data: with_data, ..o }),
                other => other,
            };
        }
        if source.byte_len() > MAX_TABLE_BYTES {
            return failed(too_large(MAX_TABLE_BYTES));
        }
        let mut text = match Utf8Text::open(&*source) {
            Ok(t) => t,
            Err(e) => return failed(e.into()),
        };
        let looks_json = text.head().trim_ascii_start().starts_with(b"{");
        if looks_json {
            let read = geojson_in::read_from(&mut text);
            // Known only now: the encoding is decided at the first character that is not ASCII.
            let encoding = encoding_label(text.encoding());
            let table = match read {
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
                sheets_with_data: Vec::new(),
            };
            self.files[slot(role)] = Some(OpenFile { name, content: Content::Geo(table) });
            return Reply::Opened(opened);
        }
        drop(text);
        self.open_csv(role, name, None, source, Vec::new(), None)
    }

    /// A CSV file (from a file, or a workbook's sheet): its headers, first rows and guessed
    /// mapping. `encoding`: the label to show (`None`: the encoding the first rows were read in).
    fn open_csv(
        &mut self,
        role: Role,
        name: String,
        encoding: Option<String>,
        source: Box<dyn Reopen>,
        sheets: Vec<String>,
        sheet: Option<String>,
    ) -> Reply {
        let first = |source: &dyn Reopen| -> Result<(Preview, Encoding), TableError> {
            let mut s = CsvStream::open(source)?;
            let headers = s.headers().to_vec();
            let mut sample = Vec::new();
            while sample.len() < 5 {
                match s.next_row()? {
                    Some(row) => sample.push(row.texts()),
                    None => break,
                }
            }
            Ok((Preview { headers, sample }, s.encoding()))
        };
        let (Preview { headers, sample }, found) = match first(&*source) {
            Ok(p) => p,
            Err(e) => return Reply::OpenFailed { role, name, problem: e.into() },
        };
        let map = auto_map_sampled(&headers, &sample);
        let opened = Opened {
            role,
            name: name.clone(),
            encoding: encoding.unwrap_or_else(|| encoding_label(found)),
            crs_hint: crs_hint(&headers),
            headers,
            sample,
            map,
            geojson: false,
            polygons: 0,
            sheets,
            sheet,
            sheets_with_data: Vec::new(),
        };
        self.files[slot(role)] = Some(OpenFile { name, content: Content::Csv(source) });
        Reply::Opened(opened)
    }

    fn import(&mut self, role: Role, map: &ColumnMap, crs: Crs, skip_bad_rows: bool, progress: &mut dyn FnMut(u8)) -> Reply {
        let Some(file) = &self.files[slot(role)] else {
            return Reply::CannotRun(RunProblem::NotOpened);
        };
        let source = match &file.content {
            Content::Csv(source) => {
                Source::Csv { data: &**source, headers: preview_of(&**source, 0).map(|p| p.headers).unwrap_or_default() }
            }
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
                    self.raster = None;
                    self.crs[slot(role)] = crs;
                }
                r
            }),
            Role::Candidates | Role::Existing | Role::Competitors => import_sites_reporting(&source, map, crs, progress).map(|imp| {
                let accepted = (imp.bad_rows == 0 || skip_bad_rows) && (role != Role::Candidates || !imp.data.points.is_empty());
                let r = report(role, name, &imp, accepted, imp.data.points.len(), Vec::new());
                if accepted {
                    self.crs[slot(role)] = crs;
                    match role {
                        Role::Candidates => self.candidates = Some(imp.data),
                        Role::Competitors => self.competitors = Some(imp.data),
                        _ => self.existing = Some(imp.data),
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
        self.files = [None, None, None, None];
        self.raster = None;
        self.demand = Some(demand);
        self.candidates = Some(candidates);
        self.crs = [Crs::Wgs84; 4];
        self.existing = Some(existing);
        self.competitors = None;
        reply
    }

    /// A run; `given`: the plan the search after it found (no progress is sent, and the
    /// search goes on), else the plan is chosen here.
    fn run(&mut self, settings: &Settings, choices: &Choices, given: Option<super::select::Selection>, send: &mut dyn FnMut(Reply)) {
        let quiet = given.is_some();
        let radius = settings.radius.metres();
        if self.demand.is_some() && self.candidates.is_some() && radius.is_finite() && radius > 0.0 {
            // Rasters are read within reach of the candidates: the radius may have changed.
            self.reach_m = Some(radius);
            self.refresh_raster(send);
        }
        let (Some(all_demand), Some(all_candidates)) = (&self.demand, &self.candidates) else {
            return send(Reply::CannotRun(RunProblem::NoData));
        };
        if !(radius.is_finite() && radius > 0.0) {
            return send(Reply::CannotRun(RunProblem::BadRadius));
        }
        // Only what lies inside the study area, if there is one.
        let (demand, candidates) = match &self.area {
            Some(a) => (
                Cow::Owned(clip_demand(all_demand, &a.boundary.inside(&all_demand.points))),
                Cow::Owned(clip_sites(all_candidates, &a.boundary.inside(&all_candidates.points))),
            ),
            None => (Cow::Borrowed(all_demand), Cow::Borrowed(all_candidates)),
        };
        if demand.points.is_empty() || candidates.points.is_empty() {
            return send(Reply::CannotRun(RunProblem::NothingInside));
        }
        let empty = Sites::default();
        // Existing canteens count unless the planner says they do not (issue 15's roles).
        let existing = self.existing.as_ref().filter(|_| settings.models.existing_required).unwrap_or(&empty);
        if !quiet {
            send(Reply::Progress(Step::Coverage));
        }
        // A walk time with roads loaded: on foot along them; otherwise the straight line.
        let max_snap_m = self.max_snap_m.unwrap_or(roads::DEFAULT_MAX_SNAP_M);
        let walking = matches!(settings.radius, Radius::Walking { .. });
        // The demand is snapped onto the roads once, for the candidates, the existing canteens and
        // other providers alike (then dropped: a million snaps are the plan's largest buffer).
        let on_foot = self.roads.as_ref().filter(|_| walking);
        let snapped =
            on_foot.map(|r| SnappedDemand::new(&r.net, &demand.points, settings.radius.on_foot_m(), max_snap_m, settings.radius.detour()));
        let (prepared, snap_report) = match &snapped {
            Some(sd) => {
                let (p, report) = prepare_snapped(sd, &candidates, existing);
                (p, Some(report))
            }
            None => (prepare(&demand, &candidates, existing, radius), None),
        };
        // Other providers' reach, measured as the sites' (on foot along the roads when they are).
        let competitor_lists = self.competitors.as_ref().filter(|c| !c.points.is_empty()).map(|c| match &snapped {
            Some(sd) => sd.cover(&c.points).0,
            None => prepare(&demand, c, &empty, radius).candidates,
        });
        drop(snapped);
        if !quiet {
            send(Reply::Progress(Step::Selecting));
        }
        // The plain coverage objective is searched on after the first answer, its certificate
        // sent as it rises (the models' objectives choose again below, to the end at once).
        let searched = self.searching && !settings.models.capacitated && settings.models.delivery.is_none() && competitor_lists.is_none();
        let quick = SelectOptions { swap_passes: 0, bound_iterations: 0 };
        let mut search = None;
        let mut result = match given {
            Some(selection) => {
                let mut r = run(&demand, &candidates, &prepared, settings, choices, quick);
                r.selection = selection;
                r
            }
            None if searched => {
                let w = super::score::weights(&demand, &settings.extra_weights);
                let precovered = prepared.existing.covered_mask();
                let input = super::select::SelectionInput {
                    coverage: &prepared.candidates,
                    weights: &w,
                    precovered: Some(&precovered),
                    locked: &choices.locked,
                    excluded: &choices.excluded,
                };
                let mut s = super::select::Search::new(&input, settings.k, SelectOptions::default());
                s.step(super::select::STEP_ITERATIONS);
                let mut r = run(&demand, &candidates, &prepared, settings, choices, quick);
                r.selection = s.selection();
                search = Some(s);
                r
            }
            None => run(&demand, &candidates, &prepared, settings, choices, SelectOptions::default()),
        };
        if !quiet {
            send(Reply::Progress(Step::Models));
        }
        let proj = crate::core::geo::LocalProjection::new(view::center(&demand.points));
        let grid = density_grid(&demand, &proj, 120);
        let inputs = models::Inputs {
            demand: &demand,
            candidates: &candidates,
            existing,
            prepared: &prepared,
            settings,
            choices,
            boundary: self.area.as_ref().map(|a| &a.boundary),
            grid: (&grid, &proj),
            competitors: self.competitors.as_ref().zip(competitor_lists.as_ref()),
            roads: self.roads.as_ref().filter(|_| walking).map(|r| (&r.net, max_snap_m)),
        };
        let modelled = models::models(&inputs, &mut result);
        if !quiet {
            send(Reply::Progress(Step::Drawing));
        }
        let mut planned = view(&demand, &candidates, existing, &prepared, &result, settings);
        planned.models = Some(Box::new(modelled));
        planned.input_crs = self.crs[slot(Role::Candidates)];
        planned.sources = Role::ALL
            .iter()
            .filter_map(|&role| {
                let name = match (role, &self.raster, &self.files[slot(role)]) {
                    (Role::Demand, Some(r), _) => r.layers.iter().map(|l| l.name.as_str()).collect::<Vec<_>>().join(" + "),
                    (_, _, Some(file)) => file.name.clone(),
                    _ => return None,
                };
                let rows = match role {
                    Role::Demand => demand.points.len(),
                    Role::Candidates => candidates.points.len(),
                    Role::Existing => existing.points.len(),
                    Role::Competitors => self.competitors.as_ref().map_or(0, |c| c.points.len()),
                };
                Some(SourceFile { role, name, rows, crs: self.crs[slot(role)] })
            })
            .collect();
        if let (Some(a), Some(origin)) = (&self.area, planned.origin) {
            planned.boundary = a.rings_on_map(origin);
            planned.study_area = Some(a.report(Some(all_demand), Some(all_candidates)));
        }
        let roads_view = roads_view(
            self.roads.as_ref(),
            &mut self.vertex_snaps,
            &demand,
            &candidates,
            existing,
            &prepared,
            snap_report.as_ref(),
            &planned,
            settings,
            max_snap_m,
        );
        send(Reply::Planned(Box::new(planned)));
        if let Some(v) = roads_view {
            send(Reply::Roads(Box::new(v)));
        }
        if let Some(search) = search {
            let p = search.progress();
            let run = self.runs;
            send(Reply::Certificate(Certificate::of(run, &p)));
            if !p.done {
                self.live = Some(Live { run, search, settings: settings.clone(), choices: choices.clone(), shown: p.covered_weight });
            }
        }
    }
}

/// What the page shows of the roads after a run (`None` without roads): the streets, and when
/// the plan walked along them, each site's people in a straight line and on foot, and the
/// chosen sites' and the existing canteens' service areas.
#[allow(clippy::too_many_arguments)]
fn roads_view(
    roads: Option<&roads::RoadsInUse>,
    vertex_snaps: &mut Option<Vec<Vec<Option<super::network::Snap>>>>,
    demand: &Demand,
    candidates: &Sites,
    existing: &Sites,
    prepared: &super::plan::Prepared,
    snap_report: Option<&super::network::SnapReport>,
    planned: &PlanView,
    settings: &Settings,
    max_snap_m: f64,
) -> Option<roads::RoadsView> {
    let r = roads?;
    let origin = planned.origin?;
    let basemap = streets::Basemap::with_features(&r.ways, &r.features, origin);
    let on_foot = snap_report.map(|report| {
        let walk_m = settings.radius.on_foot_m();
        let mut f = roads::on_foot(
            demand,
            walk_m,
            max_snap_m,
            settings.radius.detour(),
            report,
            roads::people_within(demand, candidates, walk_m),
            roads::people(demand, &prepared.candidates),
        );
        let snaps = vertex_snaps.get_or_insert_with(|| roads::vertex_snaps(r));
        let proj = crate::core::geo::LocalProjection::new(origin);
        f.areas = planned
            .chosen
            .iter()
            .filter_map(|&i| candidates.points.get(i))
            .map(|&p| roads::service_area(r, snaps, p, walk_m, max_snap_m, &proj))
            .collect();
        f.existing_areas = existing.points.iter().map(|&p| roads::service_area(r, snaps, p, walk_m, max_snap_m, &proj)).collect();
        f
    });
    Some(roads::RoadsView { name: r.report.name.clone(), basemap, on_foot })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn collect(session: &mut Session, request: Request) -> Vec<Reply> {
        let mut out = Vec::new();
        session.handle(request, &mut |r| out.push(r));
        out
    }

    /// A file read by position, as the browser's worker reads a `File`: counts the bytes read.
    struct Counted {
        bytes: Vec<u8>,
        read: std::rc::Rc<std::cell::Cell<u64>>,
    }

    impl crate::core::io::stream::Slices for Counted {
        fn byte_len(&self) -> u64 {
            self.bytes.len() as u64
        }

        fn read_at(&self, start: u64, out: &mut [u8]) -> std::io::Result<usize> {
            let start = (start as usize).min(self.bytes.len());
            let n = out.len().min(self.bytes.len() - start);
            out[..n].copy_from_slice(&self.bytes[start..start + n]);
            self.read.set(self.read.get() + n as u64);
            Ok(n)
        }
    }

    fn counted(text: &[u8]) -> (Box<dyn Reopen>, std::rc::Rc<std::cell::Cell<u64>>) {
        let read = std::rc::Rc::new(std::cell::Cell::new(0));
        (Box::new(crate::core::io::stream::BySlices(Counted { bytes: text.to_vec(), read: read.clone() })), read)
    }

    #[test]
    fn a_file_read_by_slices_is_looked_at_then_read_again_by_the_import() {
        // GBK, as Chinese Excel saves it, with a row whose count is not a number (line 4).
        let text = "社区,经度,纬度,60岁以上\nA,113.300,23.100,100\nB,113.305,23.100,50\nC,113.4,23.2,很多\n";
        let (gbk, _, _) = encoding_rs::GBK.encode(text);
        let (source, read) = counted(&gbk);
        let mut s = Session::new();
        let Reply::Opened(o) = s.open_source(Role::Demand, "d.csv".into(), source, None, Locale::ZhCn) else { panic!("opened") };
        assert_eq!((o.encoding.as_str(), o.sample.len(), o.map.count), ("GBK", 3, Some(3)));
        assert_eq!(o.sample[2], vec!["C", "113.4", "23.2", "很多"]);
        let looked = read.get();
        // The first 8 bytes (a workbook?), then the whole file twice (as text, then as CSV): a
        // small file is read whole by its first chunk.
        assert_eq!(looked, 8 + 2 * gbk.len() as u64);
        let replies = collect(&mut s, Request::Import { role: Role::Demand, map: o.map, crs: Crs::Wgs84, skip_bad_rows: true });
        let Some(Reply::Imported(r)) = replies.last() else { panic!("imported") };
        assert_eq!((r.total_rows, r.bad_rows, r.rows_in_use, r.accepted), (3, 1, 2, true));
        assert_eq!((&r.issues[0].row, r.issues[0].field.as_str()), (&crate::core::planner::data::RowRef::Line(4), "60岁以上"));
        // Read again from the start by the import: the headers, then every row.
        assert_eq!(read.get() - looked, 2 * gbk.len() as u64);
    }

    #[test]
    fn geojson_and_workbooks_read_by_slices_and_sizes_over_the_limits() {
        let geo = "\u{feff}{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":{\"名称\":\"甲\",\"人数\":3},\"geometry\":{\"type\":\"Point\",\"coordinates\":[113.1,23.1]}}]}";
        let (source, _) = counted(geo.as_bytes());
        let mut s = Session::new();
        let Reply::Opened(o) = s.open_source(Role::Demand, "g.geojson".into(), source, None, Locale::ZhCn) else { panic!("opened") };
        assert!(o.geojson);
        // The properties in the order of their names (人 U+4EBA before 名 U+540D), as before.
        assert_eq!((o.headers, o.sample), (vec!["人数".to_string(), "名称".to_string()], vec![vec!["3".to_string(), "甲".to_string()]]));
        // Not a workbook inside: refused as one, not taken for text.
        let (source, _) = counted(b"PK\x03\x04\x00\x00");
        let reply = s.open_source(Role::Demand, "x.xlsx".into(), source, None, Locale::ZhCn);
        assert!(matches!(reply, Reply::OpenFailed { problem: OpenProblem::Workbook(_), .. }), "{reply:?}");
    }

    /// A file of any length whose bytes are never asked for (the size limits come first).
    struct Huge(u64, &'static [u8]);

    impl crate::core::io::stream::Slices for Huge {
        fn byte_len(&self) -> u64 {
            self.0
        }

        fn read_at(&self, start: u64, out: &mut [u8]) -> std::io::Result<usize> {
            let head = self.1.get(start as usize..).unwrap_or(&[]);
            let n = out.len().min(head.len());
            out[..n].copy_from_slice(&head[..n]);
            if start as usize >= self.1.len() {
                panic!("read past the head of a {}-byte file at {start}", self.0);
            }
            Ok(n)
        }
    }

    #[test]
    fn size_limits_a_streamed_table_at_512_mb_and_a_workbook_at_256_mb() {
        let mut s = Session::new();
        let limit = 512 * 1024 * 1024;
        let open = |s: &mut Session, len: u64, head: &'static [u8]| {
            s.open_source(Role::Demand, "f".into(), Box::new(crate::core::io::stream::BySlices(Huge(len, head))), None, Locale::ZhCn)
        };
        let r = open(&mut s, limit + 1, b"a,b\n1,2\n");
        assert!(matches!(r, Reply::OpenFailed { problem: OpenProblem::TooLarge { mb: 512, limit_mb: 512 }, .. }), "{r:?}");
        let r = open(&mut s, 300 * 1024 * 1024, b"PK\x03\x04\x00\x00\x00\x00");
        assert!(matches!(r, Reply::OpenFailed { problem: OpenProblem::TooLarge { mb: 300, limit_mb: 256 }, .. }), "{r:?}");
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
        assert_eq!(
            &replies[..4],
            &[
                Reply::Progress(Step::Coverage),
                Reply::Progress(Step::Selecting),
                Reply::Progress(Step::Models),
                Reply::Progress(Step::Drawing)
            ]
        );
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

    /// tests/data/raster/README.md: 4 × 3 cells of 0.01° from 113.00° E, 23.05° N; row by row
    /// 1, 2, nodata, 4 / 5, −6, 0, 8 / 9, 10, 11, 12 (cell centres at 113.005 … 113.035 east,
    /// 23.045, 23.035, 23.025 north).
    const HANDMADE: &[u8] = include_bytes!("../../../../tests/data/raster/handmade-4x3.tif");

    fn raster(extra: bool) -> population::RasterLayer {
        population::RasterLayer { name: if extra { "80.tif".into() } else { "60.tif".into() }, bytes: HANDMADE.to_vec(), extra }
    }

    /// Three candidates at cell corners (WGS84): A (113.03, 23.03) between the cells 8, 0, 11, 12;
    /// B (113.01, 23.03) between 5, −6, 9, 10; C (113.01, 23.04) between 1, 2, 5, −6. A corner is
    /// about 756 m from each of its four cell centres (512 m east-west, 556 m north-south) and at
    /// least 1,630 m from any other, so at 800 m A covers 8 + 11 + 12 = 31, B 5 + 9 + 10 = 24 and
    /// C 1 + 2 + 5 = 8 people.
    const SITES: &str = "名称,location\nA,\"113.03,23.03\"\nB,\"113.01,23.03\"\nC,\"113.01,23.04\"\n";

    fn import_sites(s: &mut Session) -> Vec<Reply> {
        let Reply::Opened(o) = collect(s, Request::open(Role::Candidates, "poi.csv", SITES.as_bytes().to_vec())).remove(0) else {
            panic!("opened")
        };
        assert_eq!(o.map.lonlat, Some(1), "高德's location column");
        collect(s, Request::Import { role: Role::Candidates, map: o.map, crs: Crs::Wgs84, skip_bad_rows: false })
    }

    fn planned(replies: &[Reply]) -> &PlanView {
        match replies.last() {
            Some(Reply::Planned(v)) => v,
            other => panic!("not planned: {other:?}"),
        }
    }

    #[test]
    fn a_raster_is_the_demand_read_around_the_candidates() {
        let mut s = Session::new();
        // No candidates yet: the whole file (12 cells, 62 people).
        let replies = collect(&mut s, Request::ImportRaster { layers: vec![raster(false)], extra_name: String::new(), reach_m: 800.0 });
        let Reply::RasterRead(r) = &replies[0] else { panic!("{replies:?}") };
        assert_eq!((r.from, r.read, r.points, r.people), (WindowFrom::WholeFile, 12, 9, 62.0));
        // The candidates arrive: read again around them, 800 m wide. Their extent 113.01–113.03 ×
        // 23.03–23.04 widened by 800 m (0.0072° north, 0.0078° east) reaches every cell.
        let replies = import_sites(&mut s);
        assert!(matches!(&replies[0], Reply::Imported(r) if r.accepted));
        let Some(Reply::RasterRead(r)) = replies.get(1) else { panic!("{replies:?}") };
        assert_eq!((r.from, r.read, r.people), (WindowFrom::Candidates { reach_m: 800.0 }, 12, 62.0));
        // Two sites: A (31) and B (24), 55 of 62, and nothing better exists.
        let settings = Settings { radius: crate::core::planner::settings::Radius::Metres { metres: 800.0 }, k: 2, ..Settings::default() };
        let replies = collect(&mut s, Request::Run { settings: settings.clone(), choices: Choices::default() });
        assert!(!replies.iter().any(|r| matches!(r, Reply::RasterRead(_))), "the same window: not read again");
        let v = planned(&replies);
        assert_eq!((v.chosen.clone(), v.covered_weighted, v.total_count), (vec![0, 1], 55.0, 62.0));
        assert!(v.proven_best());
        assert_eq!(v.sources[0], SourceFile { role: Role::Demand, name: "60.tif".into(), rows: 9, crs: Crs::Wgs84 });
        // A smaller radius moves the window: 300 m around the candidates (113.0071–113.0329 east,
        // 23.0273–23.0427 north) still overlaps every cell, but it is a new window: read again.
        let small = Settings { radius: crate::core::planner::settings::Radius::Metres { metres: 300.0 }, ..settings };
        let replies = collect(&mut s, Request::Run { settings: small, choices: Choices::default() });
        assert!(matches!(&replies[0], Reply::RasterRead(r) if r.from == WindowFrom::Candidates { reach_m: 300.0 }), "{:?}", replies[0]);
        assert_eq!(planned(&replies).covered_weighted, 0.0, "no cell centre within 300 m of a corner");
        // A CSV demand replaces the raster: nothing read again afterwards.
        let csv = "经度,纬度,人数\n113.03,23.03,5\n";
        let Reply::Opened(o) = collect(&mut s, Request::open(Role::Demand, "d.csv", csv.as_bytes().to_vec())).remove(0) else { panic!() };
        collect(&mut s, Request::Import { role: Role::Demand, map: o.map, crs: Crs::Wgs84, skip_bad_rows: false });
        let replies = import_sites(&mut s);
        assert_eq!(replies.len(), 1, "no raster to read again: {replies:?}");
    }

    #[test]
    fn a_raster_that_cannot_be_read_leaves_the_demand_as_it_was() {
        let mut s = Session::new();
        collect(&mut s, Request::ImportRaster { layers: vec![raster(false)], extra_name: String::new(), reach_m: 800.0 });
        // A projected raster: refused by name with its EPSG code, the handmade one stays.
        let projected = population::RasterLayer {
            name: "at.tif".into(),
            bytes: include_bytes!("../../../../tests/data/raster/austrian_capitals_model_tie_point_and_pixel_scale_pixel_is_area.tif")
                .to_vec(),
            extra: false,
        };
        let replies = collect(&mut s, Request::ImportRaster { layers: vec![projected], extra_name: String::new(), reach_m: 800.0 });
        assert_eq!(
            replies,
            vec![Reply::RasterFailed {
                name: "at.tif".into(),
                from: WindowFrom::WholeFile,
                problem: population::RasterProblem::NotLonLat { epsg: Some(3035) }
            }]
        );
        import_sites(&mut s);
        let replies = collect(&mut s, Request::Run { settings: Settings { k: 1, ..Settings::default() }, choices: Choices::default() });
        assert_eq!(planned(&replies).total_count, 62.0);
        // One file kept as the extra weight (80岁以上) beside the older people.
        let replies = collect(
            &mut s,
            Request::ImportRaster { layers: vec![raster(false), raster(true)], extra_name: "80岁以上".into(), reach_m: 1000.0 },
        );
        let Reply::RasterRead(r) = &replies[0] else { panic!("{replies:?}") };
        assert_eq!((r.people, r.extra_people, r.extra_name.as_deref()), (62.0, 62.0, Some("80岁以上")));
        let settings = Settings { k: 1, extra_weights: vec![1.0], ..Settings::default() };
        let v_replies = collect(&mut s, Request::Run { settings, choices: Choices::default() });
        let v = planned(&v_replies);
        assert_eq!((v.extra_names.clone(), v.total_weighted), (vec!["80岁以上".to_string()], 124.0));
    }

    #[test]
    fn a_boundary_leaves_out_demand_and_candidates_outside_and_says_how_many() {
        let mut s = Session::new();
        collect(&mut s, Request::ImportRaster { layers: vec![raster(false)], extra_name: String::new(), reach_m: 800.0 });
        import_sites(&mut s);
        // The raster's rectangle with two holes: one around candidate C (113.007–113.013 ×
        // 23.037–23.043, no cell centre in it) and one around the centre of cell 8 (113.035,
        // 23.035).
        let boundary = r#"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"name":"示例街道"},"geometry":{"type":"Polygon","coordinates":[
            [[113.0,23.02],[113.04,23.02],[113.04,23.05],[113.0,23.05],[113.0,23.02]],
            [[113.007,23.037],[113.013,23.037],[113.013,23.043],[113.007,23.043],[113.007,23.037]],
            [[113.032,23.032],[113.038,23.032],[113.038,23.038],[113.032,23.038],[113.032,23.032]]]}}]}"#;
        let replies =
            collect(&mut s, Request::Boundary { name: "街道.geojson".into(), bytes: boundary.as_bytes().to_vec(), crs: Crs::Wgs84 });
        // The boundary's rectangle is the raster's: the same 12 cells, read again from the new window.
        let Reply::RasterRead(r) = &replies[0] else { panic!("{replies:?}") };
        assert_eq!((r.from, r.read, r.people), (WindowFrom::Boundary, 12, 62.0));
        let Some(Reply::Boundary(b)) = replies.get(1) else { panic!("{replies:?}") };
        assert_eq!(b.areas, vec!["示例街道".to_string()]);
        assert_eq!(b.demand, Some(area::Outside { outside: 1, of: 9, people: 8.0, names: Vec::new() }));
        assert_eq!(b.candidates, Some(area::Outside { outside: 1, of: 3, people: 0.0, names: vec!["C".into()] }));
        // The plan: 54 people inside, A now reaches 11 + 12 = 23, B 24: 47.
        let settings = Settings { radius: crate::core::planner::settings::Radius::Metres { metres: 800.0 }, k: 2, ..Settings::default() };
        let replies = collect(&mut s, Request::Run { settings: settings.clone(), choices: Choices::default() });
        let v = planned(&replies);
        assert_eq!((v.total_count, v.covered_weighted, v.sites.len()), (54.0, 47.0, 2));
        assert_eq!(v.boundary.len(), 3, "the outer ring and two holes on the map");
        assert_eq!(v.study_area.as_ref().and_then(|a| a.demand.clone()).map(|d| d.outside), Some(1));
        // A broken boundary file: refused, the one in use stays.
        let replies = collect(&mut s, Request::Boundary { name: "x.geojson".into(), bytes: b"{".to_vec(), crs: Crs::Wgs84 });
        assert!(matches!(&replies[0], Reply::BoundaryFailed { problem: boundary::BoundaryError::NotJson(_), .. }), "{replies:?}");
        assert_eq!(planned(&collect(&mut s, Request::Run { settings: settings.clone(), choices: Choices::default() })).total_count, 54.0);
        // A boundary far away: nothing inside, said so.
        let far = r#"{"type":"Polygon","coordinates":[[[100,30],[100.1,30],[100.1,30.1],[100,30]]]}"#;
        let replies = collect(&mut s, Request::Boundary { name: "far.geojson".into(), bytes: far.as_bytes().to_vec(), crs: Crs::Wgs84 });
        assert!(matches!(&replies[0], Reply::RasterFailed { problem: population::RasterProblem::OutsideWindow, .. }), "{replies:?}");
        assert_eq!(
            collect(&mut s, Request::Run { settings: settings.clone(), choices: Choices::default() }).last(),
            Some(&Reply::CannotRun(RunProblem::NothingInside))
        );
        // Cleared: everything counts again, read around the candidates.
        let replies = collect(&mut s, Request::ClearBoundary);
        assert_eq!(replies[0], Reply::BoundaryCleared);
        assert!(matches!(&replies[1], Reply::RasterRead(r) if r.from == WindowFrom::Candidates { reach_m: 800.0 }), "{replies:?}");
        assert_eq!(planned(&collect(&mut s, Request::Run { settings, choices: Choices::default() })).total_count, 62.0);
    }

    #[test]
    fn a_workbook_offers_only_its_sheets_with_data() {
        use rust_xlsxwriter::Workbook;
        let mut book = Workbook::new();
        book.add_worksheet().set_name("说明").expect("name");
        for (name, lon) in [("街道A", 113.3), ("街道B", 113.4)] {
            let sheet = book.add_worksheet();
            sheet.set_name(name).expect("name");
            for (col, h) in ["经度", "纬度", "人数"].into_iter().enumerate() {
                sheet.write_string(0, col as u16, h).expect("header");
            }
            sheet.write_number(1, 0, lon).expect("cell");
            sheet.write_number(1, 1, 23.1).expect("cell");
            sheet.write_number(1, 2, 10).expect("cell");
        }
        let bytes = book.save_to_buffer().expect("xlsx");
        let mut s = Session::new();
        let Reply::Opened(o) = collect(&mut s, Request::open(Role::Demand, "两个街道.xlsx", bytes.clone())).remove(0) else { panic!() };
        assert_eq!(o.sheets, vec!["说明", "街道A", "街道B"]);
        assert_eq!(o.sheets_with_data, vec!["街道A", "街道B"], "the empty sheet is not offered");
        assert_eq!(o.sheet.as_deref(), Some("街道A"));
        let request =
            Request::Open {
                role: Role::Demand, name: "两个街道.xlsx".into(), bytes, sheet: Some("街道B".into()), locale: Locale::ZhCn
            };
        let Reply::Opened(o) = collect(&mut s, request).remove(0) else { panic!() };
        assert_eq!((o.sheet.as_deref(), o.sample[0][0].as_str()), (Some("街道B"), "113.4"));
    }
}
