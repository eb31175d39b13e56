//! The planner's working session: the files, their column mappings, the imported data and the
//! last result. The web app runs it inside a Web Worker (so the page never freezes) and talks to
//! it with the messages below; being plain Rust, the whole protocol is tested natively.

use serde::{Deserialize, Serialize};

use super::data::{import_demand_reporting, import_sites_reporting, Demand, FileWarning, Imported, MappingError, RowIssue, Sites, Source};
use super::geometry::{LocalProjection, LonLat};
use super::plan::{prepare, run, Choices, PlanResult, Prepared, Settings, SiteScore};
use super::select::SelectOptions;
use crate::core::io::columns::{auto_map, crs_hint, ColumnMap};
use crate::core::io::crs::Crs;
use crate::core::io::geojson_in::{self, GeoJsonError, GeoTable};
use crate::core::io::table::{preview, Preview, TableError};
use crate::core::io::text::{decode_owned, Encoding, TextError};

/// Which file.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Role {
    /// Where older people live.
    Demand,
    /// Candidate sites.
    Candidates,
    /// Existing canteens.
    Existing,
}

impl Role {
    /// All three, in the order the page lists them.
    pub const ALL: [Role; 3] = [Role::Demand, Role::Candidates, Role::Existing];
}

/// The largest file accepted (a 200 MB CSV fits; memory stays bounded).
pub const MAX_FILE_BYTES: usize = 256 * 1024 * 1024;

/// Messages to the session.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Request {
    /// A file to look at: its name and bytes.
    Open {
        /// Which file.
        role: Role,
        /// Its name.
        name: String,
        /// Its content.
        bytes: Vec<u8>,
    },
    /// Import the opened file with this mapping and coordinate system.
    Import {
        /// Which file.
        role: Role,
        /// Which column is which.
        map: ColumnMap,
        /// The coordinate system of the file.
        crs: Crs,
        /// Go on without the bad rows.
        skip_bad_rows: bool,
    },
    /// Load the SIMULATED demo district instead of files.
    Demo,
    /// Forget a file.
    Clear {
        /// Which file.
        role: Role,
    },
    /// Score and choose.
    Run {
        /// Settings.
        settings: Settings,
        /// Locked and excluded sites.
        choices: Choices,
    },
}

/// A file that was opened: what the column-mapping step needs.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Opened {
    /// Which file.
    pub role: Role,
    /// Its name.
    pub name: String,
    /// Text encoding found.
    pub encoding: String,
    /// Column names.
    pub headers: Vec<String>,
    /// The first rows.
    pub sample: Vec<Vec<String>>,
    /// The automatic mapping.
    pub map: ColumnMap,
    /// Coordinate system suggested by the headers.
    pub crs_hint: Option<Crs>,
    /// GeoJSON (positions from geometry) rather than CSV.
    pub geojson: bool,
    /// GeoJSON features that are polygons (each becomes a point at its centroid).
    #[serde(default)]
    pub polygons: usize,
}

/// An import's outcome.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ImportReport {
    /// Which file.
    pub role: Role,
    /// Its name.
    pub name: String,
    /// Rows read.
    pub total_rows: usize,
    /// Rows with problems.
    pub bad_rows: usize,
    /// The problems (the first 1,000).
    pub issues: Vec<RowIssue>,
    /// About the whole file.
    pub warnings: Vec<FileWarning>,
    /// Imported (false: waiting for the user's consent to skip bad rows, or refused).
    pub accepted: bool,
    /// Points or sites now in use.
    pub rows_in_use: usize,
    /// Names of the extra count columns (demand).
    pub extra_names: Vec<String>,
}

/// Planning steps, for the progress bar.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Step {
    /// Building the spatial index and coverage lists.
    Coverage,
    /// Scoring sites and choosing.
    Selecting,
    /// Preparing the map and table.
    Drawing,
}

/// One candidate's line in the result table.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SiteRow {
    /// Candidate index.
    pub index: usize,
    /// Name.
    pub name: String,
    /// Position.
    pub lon: f64,
    /// Position.
    pub lat: f64,
    /// Map position, metres east of the map centre.
    pub x: f64,
    /// Map position, metres north of the map centre.
    pub y: f64,
    /// Chosen (0 = first chosen), if chosen.
    pub rank: Option<usize>,
    /// Capacity, meals per day.
    pub capacity: Option<f64>,
    /// Cost.
    pub cost: Option<f64>,
    /// Score breakdown.
    pub score: SiteScore,
    /// For chosen sites: older people counted at this site only — each person once, at the first
    /// chosen site (in rank order) that reaches them, and not if an existing canteen does.
    pub assigned: f64,
}

/// The demand density on a grid, for drawing.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct DensityGrid {
    /// Map x of the grid's west edge, metres.
    pub x0: f64,
    /// Map y of the grid's south edge, metres.
    pub y0: f64,
    /// Cell size, metres.
    pub cell_m: f64,
    /// Columns.
    pub nx: usize,
    /// Rows.
    pub ny: usize,
    /// Older people per cell, row-major from the south-west corner.
    pub counts: Vec<f64>,
}

/// What the page shows after a run.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PlanView {
    /// Radius, metres.
    pub radius_m: f64,
    /// Sites asked for.
    pub k: usize,
    /// Older people in all.
    pub total_count: f64,
    /// Weighted demand in all.
    pub total_weighted: f64,
    /// Weighted demand served by existing canteens.
    pub existing_weighted: f64,
    /// Weighted demand covered by the plan (with existing canteens).
    pub covered_weighted: f64,
    /// Upper bound on what any plan of the same size covers.
    pub upper_bound: f64,
    /// Weighted demand no site reaches.
    pub uncoverable_weighted: f64,
    /// Chosen candidates, in order.
    pub chosen: Vec<usize>,
    /// Every candidate.
    pub sites: Vec<SiteRow>,
    /// Existing canteens on the map (x, y, name).
    pub existing: Vec<(f64, f64, String)>,
    /// Coverage-vs-k (weighted).
    pub curve: Vec<f64>,
    /// Fewest sites for the target share.
    pub fewest: Option<Vec<usize>>,
    /// Target share used.
    pub target_share: f64,
    /// Demand density.
    pub grid: DensityGrid,
    /// Names of the extra count columns.
    pub extra_names: Vec<String>,
    /// (site, point) pairs.
    pub pairs: usize,
    /// The coordinate system the candidates' file was in (exports use it by default).
    #[serde(default)]
    pub input_crs: Crs,
    /// The settings the plan was made with.
    #[serde(default)]
    pub settings: Settings,
    /// The data it was made from (empty for the simulated demo district).
    #[serde(default)]
    pub sources: Vec<SourceFile>,
    /// The map projection's origin: map x and y are metres east and north of it (WGS84).
    #[serde(default)]
    pub origin: Option<LonLat>,
}

/// A data file a plan was made from, for the report.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SourceFile {
    /// Which file.
    pub role: Role,
    /// Its name.
    pub name: String,
    /// Points or sites in use.
    pub rows: usize,
    /// Its coordinate system.
    pub crs: Crs,
}

impl PlanView {
    /// The chosen sites, in rank order.
    pub fn chosen_sites(&self) -> impl Iterator<Item = &SiteRow> {
        self.chosen.iter().filter_map(|&i| self.sites.get(i))
    }

    /// The plan covers at least this share (0–1) of what the best plan of the same size could.
    pub fn guarantee(&self) -> f64 {
        super::select::guarantee(self.covered_weighted, self.upper_bound)
    }

    /// No plan of the same size covers even one more (weighted) older person: the bound is less
    /// than half a person above what the plan covers, so both round to the same whole number.
    pub fn proven_best(&self) -> bool {
        self.upper_bound - self.covered_weighted < 0.5
    }
}

/// Messages from the session.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Reply {
    /// A file was opened.
    Opened(Opened),
    /// A file could not be opened (not text, too large, not CSV/GeoJSON).
    OpenFailed {
        /// Which file.
        role: Role,
        /// Its name.
        name: String,
        /// Why (put in words by the interface, in its language).
        problem: OpenProblem,
    },
    /// An import finished (accepted or waiting for consent).
    Imported(ImportReport),
    /// The mapping lacks a required column.
    MappingIncomplete {
        /// Which file.
        role: Role,
        /// What is missing.
        missing: MappingError,
    },
    /// The demo was loaded.
    DemoLoaded {
        /// Demand points.
        points: usize,
        /// Candidates.
        candidates: usize,
        /// Existing canteens.
        existing: usize,
    },
    /// A file was forgotten.
    Cleared(Role),
    /// Progress of a run.
    Progress(Step),
    /// Progress of an import: the share of the file read so far (big files, every 100,000 rows).
    ImportProgress {
        /// Which file.
        role: Role,
        /// 0–99.
        percent: u8,
    },
    /// A run finished.
    Planned(Box<PlanView>),
    /// A run could not start.
    CannotRun(RunProblem),
}

/// Why a file could not be opened.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum OpenProblem {
    /// Over the size limit.
    TooLarge {
        /// Its size, MB.
        mb: u64,
        /// The limit, MB.
        limit_mb: u64,
    },
    /// The file is empty.
    Empty,
    /// Not text in a known encoding (a spreadsheet, an image …).
    NotText,
    /// A CSV file without a header row.
    NoHeader,
    /// A line the CSV reader cannot read.
    BadLine {
        /// The line.
        line: usize,
        /// What the reader said (English, from the CSV library).
        detail: String,
    },
    /// Starts like JSON but is not GeoJSON.
    NotGeoJson {
        /// What the reader said (English, from the JSON library).
        detail: String,
    },
    /// GeoJSON without features.
    NoFeatures,
}

impl From<TextError> for OpenProblem {
    fn from(e: TextError) -> Self {
        match e {
            TextError::Empty => OpenProblem::Empty,
            TextError::NotText => OpenProblem::NotText,
        }
    }
}

impl From<TableError> for OpenProblem {
    fn from(e: TableError) -> Self {
        match e {
            TableError::NoHeader => OpenProblem::NoHeader,
            TableError::Malformed { line, message } => {
                OpenProblem::BadLine { line: usize::try_from(line).unwrap_or(usize::MAX), detail: message }
            }
        }
    }
}

impl From<GeoJsonError> for OpenProblem {
    fn from(e: GeoJsonError) -> Self {
        match e {
            GeoJsonError::Invalid(detail) => OpenProblem::NotGeoJson { detail },
            GeoJsonError::NoFeatures => OpenProblem::NoFeatures,
        }
    }
}

/// Why a run could not start.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum RunProblem {
    /// Demand or candidates are missing.
    NoData,
    /// The radius is not a positive distance.
    BadRadius,
    /// Import asked for a file that was not opened.
    NotOpened,
}

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
            Request::Open { role, name, bytes } => send(self.open(role, name, bytes)),
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

    fn open(&mut self, role: Role, name: String, bytes: Vec<u8>) -> Reply {
        let failed = |problem: OpenProblem| Reply::OpenFailed { role, name: name.clone(), problem };
        if bytes.len() > MAX_FILE_BYTES {
            return failed(OpenProblem::TooLarge { mb: (bytes.len() / 1_048_576) as u64, limit_mb: (MAX_FILE_BYTES / 1_048_576) as u64 });
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
            };
            self.files[slot(role)] = Some(OpenFile { name, content: Content::Geo(table) });
            return Reply::Opened(opened);
        }
        let Preview { headers, sample } = match preview(&text, 5) {
            Ok(p) => p,
            Err(e) => return failed(e.into()),
        };
        let map = auto_map(&headers);
        let opened =
            Opened { role, name: name.clone(), encoding, crs_hint: crs_hint(&headers), headers, sample, map, geojson: false, polygons: 0 };
        self.files[slot(role)] = Some(OpenFile { name, content: Content::Csv(text) });
        Reply::Opened(opened)
    }

    fn import(&mut self, role: Role, map: &ColumnMap, crs: Crs, skip_bad_rows: bool, progress: &mut dyn FnMut(u8)) -> Reply {
        let Some(file) = &self.files[slot(role)] else {
            return Reply::CannotRun(RunProblem::NotOpened);
        };
        let source = match &file.content {
            Content::Csv(text) => Source::Csv { text, headers: preview(text, 0).map(|p| p.headers).unwrap_or_default() },
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

/// The demand's centre, for the map projection.
fn center(points: &[LonLat]) -> LonLat {
    if points.is_empty() {
        return LonLat::new(0.0, 0.0);
    }
    let n = points.len() as f64;
    LonLat::new(points.iter().map(|p| p.lon).sum::<f64>() / n, points.iter().map(|p| p.lat).sum::<f64>() / n)
}

/// The density grid: at most `max_cells` cells along the longer side.
pub fn density_grid(demand: &Demand, proj: &LocalProjection, max_cells: usize) -> DensityGrid {
    let xy: Vec<(f64, f64)> = demand.points.iter().map(|p| proj.forward(*p)).collect();
    if xy.is_empty() {
        return DensityGrid::default();
    }
    let (mut x0, mut y0, mut x1, mut y1) = (f64::INFINITY, f64::INFINITY, f64::NEG_INFINITY, f64::NEG_INFINITY);
    for &(x, y) in &xy {
        x0 = x0.min(x);
        y0 = y0.min(y);
        x1 = x1.max(x);
        y1 = y1.max(y);
    }
    let span = (x1 - x0).max(y1 - y0).max(1.0);
    let cell_m = span / max_cells.max(1) as f64;
    let nx = (((x1 - x0) / cell_m) as usize + 1).min(max_cells + 1);
    let ny = (((y1 - y0) / cell_m) as usize + 1).min(max_cells + 1);
    let mut counts = vec![0.0; nx * ny];
    for (&(x, y), &c) in xy.iter().zip(&demand.counts) {
        let i = (((x - x0) / cell_m) as usize).min(nx - 1);
        let j = (((y - y0) / cell_m) as usize).min(ny - 1);
        counts[j * nx + i] += c;
    }
    DensityGrid { x0, y0, cell_m, nx, ny, counts }
}

/// Older people assigned to each chosen site: once each, to the first chosen site reaching them.
fn assigned_counts(demand: &Demand, prepared: &Prepared, chosen: &[usize]) -> Vec<f64> {
    let mut taken = prepared.existing.covered_mask();
    let mut out = vec![0.0; prepared.candidates.n_sites()];
    for &s in chosen {
        for &i in prepared.candidates.of(s) {
            let i = i as usize;
            if !taken[i] {
                taken[i] = true;
                out[s] += demand.counts[i];
            }
        }
    }
    out
}

fn view(demand: &Demand, candidates: &Sites, existing: &Sites, prepared: &Prepared, r: &PlanResult, settings: &Settings) -> PlanView {
    let origin = center(&demand.points);
    let proj = LocalProjection::new(origin);
    let assigned = assigned_counts(demand, prepared, &r.selection.chosen);
    let finite = |v: f64| v.is_finite().then_some(v);
    let sites = (0..candidates.points.len())
        .map(|i| {
            let p = candidates.points[i];
            let (x, y) = proj.forward(p);
            SiteRow {
                index: i,
                name: candidates.names.get(i).cloned().unwrap_or_default(),
                lon: p.lon,
                lat: p.lat,
                x,
                y,
                rank: r.selection.chosen.iter().position(|&c| c == i),
                capacity: candidates.capacity.get(i).copied().and_then(finite),
                cost: candidates.cost.get(i).copied().and_then(finite),
                score: r.scores.get(i).cloned().unwrap_or_default(),
                assigned: assigned[i],
            }
        })
        .collect();
    let existing_xy = existing
        .points
        .iter()
        .zip(&existing.names)
        .map(|(p, n)| {
            let (x, y) = proj.forward(*p);
            (x, y, n.clone())
        })
        .collect();
    PlanView {
        radius_m: r.radius_m,
        k: settings.k,
        total_count: r.total_count,
        total_weighted: r.total_weighted,
        existing_weighted: r.existing_weighted,
        covered_weighted: r.selection.covered_weight,
        upper_bound: r.selection.upper_bound,
        uncoverable_weighted: r.selection.uncoverable_weight,
        chosen: r.selection.chosen.clone(),
        sites,
        existing: existing_xy,
        curve: r.curve.clone(),
        fewest: r.fewest.clone(),
        target_share: settings.target_share,
        grid: density_grid(demand, &proj, 120),
        extra_names: demand.extra_names.clone(),
        pairs: r.pairs,
        input_crs: Crs::Wgs84,
        settings: settings.clone(),
        sources: Vec::new(),
        origin: Some(origin),
    }
}

/// The demo district planned with `k` sites (for the tests of the modules that turn a plan into
/// files and pictures).
#[cfg(test)]
pub(crate) fn demo_plan(k: usize) -> PlanView {
    let mut s = Session::new();
    s.handle(Request::Demo, &mut |_| {});
    let mut out = None;
    s.handle(Request::Run { settings: Settings { k, ..Settings::default() }, choices: Choices::default() }, &mut |r| {
        if let Reply::Planned(v) = r {
            out = Some(*v);
        }
    });
    out.expect("the demo district plans")
}

/// The SIMULATED demo district: a seeded city of about 6,000 grid cells in a Guangzhou-sized
/// district, 60 candidate sites and 4 existing canteens. Not real data.
pub fn demo_district() -> (Demand, Sites, Sites) {
    use super::sample::{candidates_near, city};
    let demand = city(LonLat::new(113.30, 23.10), 12.0, 6000, 18, 2026);
    let candidates = candidates_near(&demand, 60, 11, "候选点");
    let existing = candidates_near(&demand, 4, 12, "现有食堂");
    (demand, candidates, existing)
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
        let Reply::Opened(o) =
            collect(&mut s, Request::Open { role: Role::Demand, name: "d.csv".into(), bytes: demand.as_bytes().to_vec() }).remove(0)
        else {
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
        let Reply::Opened(o) =
            collect(&mut s, Request::Open { role: Role::Candidates, name: "c.csv".into(), bytes: sites.as_bytes().to_vec() }).remove(0)
        else {
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
        let reply =
            collect(&mut s, Request::Open { role: Role::Demand, name: "x.xlsx".into(), bytes: b"PK\x03\x04\x00\x00".to_vec() }).remove(0);
        assert_eq!(reply, Reply::OpenFailed { role: Role::Demand, name: "x.xlsx".into(), problem: OpenProblem::NotText });
        let reply = collect(&mut s, Request::Open { role: Role::Demand, name: "x.csv".into(), bytes: Vec::new() }).remove(0);
        assert_eq!(reply, Reply::OpenFailed { role: Role::Demand, name: "x.csv".into(), problem: OpenProblem::Empty });
        let reply = collect(
            &mut s,
            Request::Open { role: Role::Demand, name: "x.geojson".into(), bytes: b"{\"type\":\"FeatureCollection\",".to_vec() },
        )
        .remove(0);
        assert!(matches!(reply, Reply::OpenFailed { problem: OpenProblem::NotGeoJson { .. }, .. }), "{reply:?}");
        // Polygons are counted when the file is opened, so the planner can be told.
        let grid = br#"{"type":"FeatureCollection","features":[
            {"type":"Feature","properties":{"n":5},"geometry":{"type":"Polygon","coordinates":[[[113.3,23.1],[113.301,23.1],[113.301,23.101],[113.3,23.1]]]}},
            {"type":"Feature","properties":{"n":7},"geometry":{"type":"Point","coordinates":[113.3,23.1]}}]}"#;
        let Reply::Opened(o) =
            collect(&mut s, Request::Open { role: Role::Demand, name: "g.geojson".into(), bytes: grid.to_vec() }).remove(0)
        else {
            panic!("opened")
        };
        assert_eq!((o.geojson, o.polygons), (true, 1));
    }

    #[test]
    fn the_demo_runs() {
        let mut s = Session::new();
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
