//! The planner's state: one reducer. Worker replies arrive as actions; the user's edits change the
//! mapping, settings and choices. Computation happens in the worker (`core::planner::session`).

use std::rc::Rc;

use yew::Reducible;

use crate::core::io::boundary::BoundaryError;
use crate::core::io::columns::ColumnMap;
use crate::core::io::crs::Crs;
use crate::core::planner::data::MappingError;
use crate::core::planner::form::SettingsForm;
use crate::core::planner::plan::Choices;
use crate::core::planner::session::area::BoundaryReport;
use crate::core::planner::session::population::{RasterProblem, RasterReport, WindowFrom};
use crate::core::planner::session::roads::{RoadsProblem, RoadsReport, RoadsView};
use crate::core::planner::session::{ImportReport, OpenProblem, Opened, PlanView, Reply, Role, RunProblem, Step, DEMO_CANDIDATES};

/// Why a file card shows an error (put in words by the card, in the interface's language).
#[derive(Clone, Debug, PartialEq)]
pub enum CardProblem {
    /// The file could not be opened.
    Open {
        /// The file's name.
        name: String,
        /// Why.
        problem: OpenProblem,
    },
    /// A required column is not chosen.
    Mapping(MappingError),
    /// Import was pressed before a coordinate system was chosen.
    NoCrs,
    /// Population rasters could not be read.
    Raster {
        /// The file at fault (or the files, joined).
        name: String,
        /// Where the window came from.
        from: WindowFrom,
        /// Why.
        problem: RasterProblem,
    },
    /// Several files chosen that are not all rasters.
    Mixed,
    /// Rasters chosen together over the size limit.
    RastersTooLarge {
        /// Their size, MB.
        mb: u64,
        /// The limit, MB.
        limit_mb: u64,
    },
}

/// The data a slot's worker currently uses.
#[derive(Clone, Debug, PartialEq)]
pub struct InUse {
    /// File name.
    pub name: String,
    /// Rows in use.
    pub rows: usize,
    /// Mapping it was imported with.
    pub map: ColumnMap,
    /// Coordinate system it was imported with.
    pub crs: Crs,
    /// Bad rows were skipped.
    pub skipped: bool,
    /// The workbook's sheet read, if the file is a workbook.
    pub sheet: Option<String>,
    /// For population rasters (instead of a table): each file's name and whether it is the
    /// extra weight.
    pub rasters: Vec<(String, bool)>,
    /// The rasters' extra weight's name.
    pub extra_name: String,
}

/// Population rasters chosen, before they are imported.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct RasterStep {
    /// Each file's name, and whether it is kept as the extra weight.
    pub files: Vec<(String, bool)>,
    /// The extra weight's name as typed (`None` until typed: the default name).
    pub extra_name: Option<String>,
}

/// One file slot.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct FileCard {
    /// The data in use (kept when a new file is refused).
    pub in_use: Option<InUse>,
    /// The opened file (for the mapping step).
    pub opened: Option<Opened>,
    /// The mapping being edited.
    pub map: ColumnMap,
    /// Chosen coordinate system (`None` until the planner or the column names say).
    pub crs: Option<Crs>,
    /// The last import.
    pub report: Option<ImportReport>,
    /// A problem opening or mapping the file.
    pub problem: Option<CardProblem>,
    /// Waiting for the worker.
    pub busy: bool,
    /// How far a big import has got (percent), while it runs.
    pub progress: Option<u8>,
    /// Population rasters chosen, waiting to be imported.
    pub rasters: Option<RasterStep>,
    /// What the rasters in use are (the last read).
    pub raster_report: Option<RasterReport>,
}

/// The study-area boundary.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct BoundaryCard {
    /// A file read, waiting for its coordinate system and the planner's go.
    pub chosen: Option<String>,
    /// The coordinate system chosen for it.
    pub crs: Option<Crs>,
    /// The boundary in use: its name and coordinate system.
    pub in_use: Option<(String, Crs)>,
    /// What it leaves out.
    pub report: Option<BoundaryReport>,
    /// Why the last file was refused (its name, the problem).
    pub problem: Option<(String, BoundaryError)>,
    /// No coordinate system chosen when "use" was pressed.
    pub need_crs: bool,
    /// Waiting for the worker.
    pub busy: bool,
}

/// The road file.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct RoadsCard {
    /// A file read, waiting for its coordinate system and the planner's go.
    pub chosen: Option<String>,
    /// The coordinate system chosen for it.
    pub crs: Option<Crs>,
    /// The road file in use: its name and coordinate system.
    pub in_use: Option<(String, Crs)>,
    /// What was read.
    pub report: Option<RoadsReport>,
    /// Why the last file was refused (its name, the problem).
    pub problem: Option<(String, RoadsProblem)>,
    /// No coordinate system chosen when "use" was pressed.
    pub need_crs: bool,
    /// Waiting for the worker (the file being read and its network built, by name).
    pub busy: Option<String>,
    /// The maximum snap distance as typed (empty: the default).
    pub max_snap: String,
    /// What the last plan shows of the roads.
    pub view: Option<Rc<RoadsView>>,
}

pub use crate::core::planner::project::Saved;

/// The planner.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PlannerState {
    /// Demand, candidates, existing, other providers.
    pub cards: [FileCard; 4],
    /// The demo is in use.
    pub demo: bool,
    /// The settings as typed.
    pub form: SettingsForm,
    /// Locked and excluded sites.
    pub choices: Choices,
    /// The run in progress, if any.
    pub running: Option<Step>,
    /// The last result.
    pub result: Option<Rc<PlanView>>,
    /// The site whose details are shown.
    pub selected: Option<usize>,
    /// Sites being compared (at most 3).
    pub compare: Vec<usize>,
    /// A message for the user (cannot run, cancelled).
    pub notice: Option<String>,
    /// Every candidate listed, not only the first 100.
    pub show_all: bool,
    /// Extra column names of the demand in use.
    pub extra_in_use: Vec<String>,
    /// A plan kept to compare the next one's cost with (same demand data).
    pub pinned: Option<Rc<PlanView>>,
    /// The coordinate system the planner chose last: the next file starts with it.
    pub last_crs: Option<Crs>,
    /// Why the last run could not start.
    pub run_problem: Option<RunProblem>,
    /// The study-area boundary.
    pub boundary: BoundaryCard,
    /// The road file.
    pub roads: RoadsCard,
    /// The certificate of the search going on after the last run (shown at most about once a
    /// second), if the worker sent one.
    pub certificate: Option<crate::core::planner::session::Certificate>,
    /// Runs whose plan arrived (a better plan of the same run does not count).
    pub plans: u64,
}

/// Slot index of a role.
pub fn slot(role: Role) -> usize {
    match role {
        Role::Demand => 0,
        Role::Candidates => 1,
        Role::Existing => 2,
        Role::Competitors => 3,
    }
}

/// A mapping field being set.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MapField {
    /// Longitude.
    Lon,
    /// Latitude.
    Lat,
    /// One column holding both coordinates.
    LonLat,
    /// Count.
    Count,
    /// Name.
    Name,
    /// Capacity.
    Capacity,
    /// Cost.
    Cost,
}

/// What can happen.
#[derive(Clone, Debug, PartialEq)]
pub enum PlanAction {
    /// A reply from the worker.
    Worker(Reply),
    /// A file is being read and sent.
    Opening(Role),
    /// An import was sent.
    Importing(Role),
    /// A mapping field changed.
    SetMap(Role, MapField, Option<usize>),
    /// An extra column toggled.
    ToggleExtra(Role, usize, bool),
    /// The coordinate system changed.
    SetCrs(Role, Crs),
    /// Import was pressed without a coordinate system.
    NeedCrs(Role),
    /// The demo was asked for.
    DemoRequested,
    /// A file was removed.
    Clear(Role),
    /// A settings field changed.
    Form(Box<SettingsForm>),
    /// A run was started.
    Running,
    /// The worker was replaced (the user cancelled, or it panicked) and a fresh one is being given
    /// the data again: nothing is running or waiting any more. The message says why.
    Restarted(String),
    /// A message for the user.
    Notice(Option<String>),
    /// Details of a site.
    Select(Option<usize>),
    /// Lock or unlock a site.
    ToggleLock(usize),
    /// Exclude or include a site.
    ToggleExclude(usize),
    /// Add to or remove from the comparison.
    ToggleCompare(usize),
    /// List every candidate.
    ShowAll,
    /// Keep the current plan for comparison, or let the kept one go.
    TogglePin,
    /// Restore what was saved.
    Restore(Box<Saved>),
    /// Population rasters were chosen (their names); their bytes wait in the worker bridge.
    RastersChosen(Vec<String>),
    /// A chosen raster (by index) set as the extra weight (`true`) or as older people.
    RasterExtra(usize, bool),
    /// The extra weight's name typed.
    RasterExtraName(String),
    /// A problem with the files chosen for a slot.
    Problem(Role, CardProblem),
    /// A boundary file was read (its name).
    BoundaryChosen(String),
    /// The boundary's coordinate system chosen.
    BoundaryCrs(Crs),
    /// "Use this boundary" was pressed without a coordinate system.
    BoundaryNeedsCrs,
    /// The boundary was sent to the worker.
    BoundarySent,
    /// The boundary was removed.
    ClearBoundary,
    /// A road file was read (its name).
    RoadsChosen(String),
    /// The road file's coordinate system chosen.
    RoadsCrs(Crs),
    /// "Use this road file" was pressed without a coordinate system.
    RoadsNeedsCrs,
    /// The road file was removed.
    ClearRoads,
    /// The maximum snap distance typed.
    MaxSnap(String),
}

impl PlannerState {
    /// What to save.
    pub fn saved(&self) -> Saved {
        let tables =
            || Role::ALL.iter().filter_map(|&role| Some((role, self.cards[slot(role)].in_use.as_ref().filter(|u| u.rasters.is_empty())?)));
        let files = tables().map(|(role, u)| (role, u.name.clone(), u.map.clone(), u.crs, u.skipped)).collect();
        let sheets = tables().filter_map(|(role, u)| Some((role, u.sheet.clone()?))).collect();
        let rasters = self.cards[slot(Role::Demand)].in_use.as_ref().map(|u| (u.rasters.clone(), u.extra_name.clone()));
        let (rasters, raster_extra_name) = rasters.unwrap_or_default();
        Saved {
            demo: self.demo,
            files,
            form: Some(self.form.clone()),
            choices: self.choices.clone(),
            had_result: self.result.is_some(),
            sheets,
            rasters,
            raster_extra_name,
            boundary: self.boundary.in_use.clone(),
            roads: self.roads.in_use.clone(),
            max_snap: Some(self.roads.max_snap.clone()).filter(|m| !m.trim().is_empty()),
        }
    }

    /// Demand and candidates are loaded.
    pub fn ready(&self) -> bool {
        self.demo || (self.imported(Role::Demand) && self.imported(Role::Candidates))
    }

    /// The number of candidate sites a run chooses from (for the limit on how many to choose),
    /// when known: the result's, else the demo's, else the candidates file's rows in use.
    pub fn n_candidates(&self) -> Option<usize> {
        self.result.as_ref().map(|r| r.sites.len()).or_else(|| {
            if self.demo {
                Some(DEMO_CANDIDATES)
            } else {
                self.cards[slot(Role::Candidates)].in_use.as_ref().map(|u| u.rows)
            }
        })
    }

    fn imported(&self, role: Role) -> bool {
        self.cards[slot(role)].in_use.is_some()
    }

    /// Names of the demand's extra columns (for the weight settings).
    pub fn extra_names(&self) -> Vec<String> {
        if self.demo {
            return crate::core::planner::sample::SIMULATED_EXTRAS.map(String::from).to_vec();
        }
        self.cards[0].report.as_ref().filter(|r| r.accepted).map(|r| r.extra_names.clone()).unwrap_or(self.extra_in_use.clone())
    }

    fn apply(&mut self, reply: Reply) {
        match reply {
            Reply::Certificate(c) => {
                if self.result.is_some() {
                    self.certificate = Some(c);
                }
            }
            Reply::Opened(o) => {
                let card = &mut self.cards[slot(o.role)];
                card.map = o.map.clone();
                // The column names' system, else the one chosen for the last file, else none: the
                // planner chooses before importing (most Chinese data is GCJ-02, not WGS84).
                card.crs = o.crs_hint.or(self.last_crs);
                card.opened = Some(o);
                card.report = None;
                card.problem = None;
                card.busy = false;
                card.rasters = None;
            }
            Reply::OpenFailed { role, name, problem } => {
                let card = &mut self.cards[slot(role)];
                card.problem = Some(CardProblem::Open { name, problem });
                card.busy = false;
                // The previous file's mapping and row problems go: they are not this file's. The
                // data in use (if any) stays, and the card says so.
                card.opened = None;
                card.report = None;
                card.map = ColumnMap::default();
            }
            Reply::Imported(r) => {
                let role = r.role;
                let accepted = r.accepted;
                let card = &mut self.cards[slot(role)];
                card.busy = false;
                card.progress = None;
                card.problem = None;
                if accepted {
                    self.last_crs = card.crs.or(self.last_crs);
                    card.in_use = Some(InUse {
                        name: r.name.clone(),
                        rows: r.rows_in_use,
                        map: card.map.clone(),
                        crs: card.crs.unwrap_or_default(),
                        skipped: r.bad_rows > 0,
                        sheet: card.opened.as_ref().and_then(|o| o.sheet.clone()),
                        rasters: Vec::new(),
                        extra_name: String::new(),
                    });
                    card.rasters = None;
                    card.raster_report = None;
                    if role == Role::Demand {
                        self.extra_in_use = r.extra_names.clone();
                    }
                }
                card.report = Some(r);
                if accepted {
                    self.demo = false;
                    self.result = None;
                    if role == Role::Demand {
                        self.pinned = None;
                    }
                    if role == Role::Demand {
                        let n = self.extra_names().len();
                        self.form.extra_weights.resize(n, "0".into());
                    }
                }
            }
            Reply::MappingIncomplete { role, missing } => {
                let card = &mut self.cards[slot(role)];
                card.busy = false;
                card.problem = Some(CardProblem::Mapping(missing));
            }
            Reply::DemoLoaded { .. } => {
                self.demo = true;
                self.pinned = None;
                self.cards = Default::default();
                self.form.extra_weights.resize(2, "0".into());
            }
            Reply::Cleared(role) => {
                self.cards[slot(role)] = FileCard::default();
                if role == Role::Demand {
                    self.pinned = None;
                }
            }
            Reply::Progress(step) => self.running = Some(step),
            Reply::ImportProgress { role, percent } => {
                let card = &mut self.cards[slot(role)];
                if card.busy {
                    card.progress = Some(percent);
                }
            }
            Reply::Planned(view) => {
                // A new run's plan; a better plan found by the search after it keeps its certificate.
                if self.running.is_some() || self.result.is_none() {
                    self.certificate = None;
                    self.plans += 1;
                }
                self.running = None;
                self.notice = None;
                self.selected = None;
                self.compare.retain(|&i| i < view.sites.len());
                self.result = Some(Rc::new(*view));
                // The roads' part of the plan follows (Reply::Roads) when roads are in use.
                self.roads.view = None;
            }
            Reply::CannotRun(problem) => {
                self.running = None;
                self.run_problem = Some(problem);
            }
            Reply::RasterRead(report) => {
                let card = &mut self.cards[slot(Role::Demand)];
                let name = report.name();
                let changed = card.in_use.as_ref().map(|u| &u.name) != Some(&name);
                let rasters = report.layers.clone();
                let extra_name = report.extra_name.clone().unwrap_or_default();
                card.in_use = Some(InUse {
                    name,
                    rows: report.points,
                    map: ColumnMap::default(),
                    crs: Crs::Wgs84,
                    skipped: false,
                    sheet: None,
                    rasters,
                    extra_name: extra_name.clone(),
                });
                card.raster_report = Some(report);
                card.rasters = None;
                card.opened = None;
                card.report = None;
                card.problem = None;
                card.busy = false;
                self.extra_in_use = if extra_name.is_empty() { Vec::new() } else { vec![extra_name] };
                let n = self.extra_in_use.len();
                self.form.extra_weights.resize(n, "0".into());
                if changed {
                    self.demo = false;
                    self.result = None;
                    self.pinned = None;
                }
            }
            Reply::RasterFailed { name, from, problem } => {
                let card = &mut self.cards[slot(Role::Demand)];
                card.problem = Some(CardProblem::Raster { name, from, problem });
                card.busy = false;
            }
            Reply::Boundary(report) => {
                let b = &mut self.boundary;
                let now = Some((report.name.clone(), report.crs));
                if b.in_use != now {
                    self.result = None;
                }
                b.in_use = now;
                b.report = Some(report);
                b.chosen = None;
                b.problem = None;
                b.busy = false;
            }
            Reply::BoundaryFailed { name, problem } => {
                self.boundary.problem = Some((name, problem));
                self.boundary.busy = false;
            }
            Reply::BoundaryCleared => {
                self.boundary = BoundaryCard::default();
            }
            Reply::RoadsBuilding { name } => self.roads.busy = Some(name),
            Reply::RoadsRead(report) => {
                let r = &mut self.roads;
                let now = Some((report.name.clone(), report.crs));
                if r.in_use != now {
                    self.result = None;
                    r.view = None;
                }
                r.in_use = now;
                r.report = Some(report);
                r.chosen = None;
                r.problem = None;
                r.busy = None;
            }
            Reply::RoadsFailed { name, problem } => {
                self.roads.problem = Some((name, problem));
                self.roads.busy = None;
            }
            Reply::RoadsCleared => {
                let max_snap = std::mem::take(&mut self.roads.max_snap);
                self.roads = RoadsCard { max_snap, ..RoadsCard::default() };
            }
            Reply::Roads(view) => self.roads.view = Some(Rc::new(*view)),
        }
    }
}

fn toggle(list: &mut Vec<usize>, i: usize) {
    if let Some(p) = list.iter().position(|&x| x == i) {
        list.remove(p);
    } else {
        list.push(i);
    }
}

impl Reducible for PlannerState {
    type Action = PlanAction;

    fn reduce(self: Rc<Self>, action: PlanAction) -> Rc<Self> {
        let mut s = (*self).clone();
        match action {
            PlanAction::Worker(reply) => s.apply(reply),
            PlanAction::Opening(role) | PlanAction::Importing(role) => {
                s.cards[slot(role)].busy = true;
                s.cards[slot(role)].progress = None;
                s.cards[slot(role)].problem = None;
            }
            PlanAction::SetMap(role, field, col) => {
                let m = &mut s.cards[slot(role)].map;
                match field {
                    // A position comes from two columns or from one column of both, not a mix.
                    MapField::Lon | MapField::Lat if col.is_some() => m.lonlat = None,
                    MapField::LonLat if col.is_some() => (m.lon, m.lat) = (None, None),
                    _ => {}
                }
                match field {
                    MapField::Lon => m.lon = col,
                    MapField::Lat => m.lat = col,
                    MapField::LonLat => m.lonlat = col,
                    MapField::Count => m.count = col,
                    MapField::Name => m.name = col,
                    MapField::Capacity => m.capacity = col,
                    MapField::Cost => m.cost = col,
                }
            }
            PlanAction::ToggleExtra(role, col, on) => {
                let extras = &mut s.cards[slot(role)].map.extras;
                extras.retain(|&c| c != col);
                if on {
                    extras.push(col);
                    extras.sort_unstable();
                }
            }
            PlanAction::SetCrs(role, crs) => {
                let card = &mut s.cards[slot(role)];
                card.crs = Some(crs);
                if card.problem == Some(CardProblem::NoCrs) {
                    card.problem = None;
                }
                s.last_crs = Some(crs);
            }
            PlanAction::NeedCrs(role) => s.cards[slot(role)].problem = Some(CardProblem::NoCrs),
            PlanAction::DemoRequested => {
                s.result = None;
                s.choices = Choices::default();
            }
            PlanAction::Clear(role) => {
                s.cards[slot(role)] = FileCard::default();
                s.result = None;
            }
            PlanAction::Form(form) => s.form = *form,
            PlanAction::Running => {
                s.running = Some(Step::Coverage);
                s.notice = None;
                s.run_problem = None;
            }
            PlanAction::Restarted(message) => {
                s.running = None;
                for card in &mut s.cards {
                    card.busy = false;
                }
                s.boundary.busy = false;
                s.roads.busy = None;
                s.notice = Some(message);
            }
            PlanAction::Notice(n) => s.notice = n,
            PlanAction::Select(i) => s.selected = i,
            PlanAction::ToggleLock(i) => {
                toggle(&mut s.choices.locked, i);
                s.choices.excluded.retain(|&x| x != i);
            }
            PlanAction::ToggleExclude(i) => {
                toggle(&mut s.choices.excluded, i);
                s.choices.locked.retain(|&x| x != i);
            }
            PlanAction::ToggleCompare(i) => {
                if s.compare.contains(&i) || s.compare.len() < 3 {
                    toggle(&mut s.compare, i);
                }
            }
            PlanAction::ShowAll => s.show_all = true,
            PlanAction::TogglePin => {
                s.pinned = match (&s.pinned, &s.result) {
                    (Some(_), _) => None,
                    (None, r) => r.clone(),
                };
            }
            PlanAction::RastersChosen(names) => {
                let card = &mut s.cards[slot(Role::Demand)];
                card.rasters = Some(RasterStep { files: names.into_iter().map(|n| (n, false)).collect(), extra_name: None });
                card.opened = None;
                card.report = None;
                card.problem = None;
                card.busy = false;
            }
            PlanAction::RasterExtra(i, extra) => {
                if let Some(f) = s.cards[slot(Role::Demand)].rasters.as_mut().and_then(|r| r.files.get_mut(i)) {
                    f.1 = extra;
                }
            }
            PlanAction::RasterExtraName(name) => {
                if let Some(r) = s.cards[slot(Role::Demand)].rasters.as_mut() {
                    r.extra_name = Some(name);
                }
            }
            PlanAction::Problem(role, problem) => {
                let card = &mut s.cards[slot(role)];
                card.problem = Some(problem);
                card.busy = false;
            }
            PlanAction::BoundaryChosen(name) => {
                let b = &mut s.boundary;
                b.chosen = Some(name);
                b.crs = b.crs.or(s.last_crs);
                b.problem = None;
                b.need_crs = false;
            }
            PlanAction::BoundaryCrs(crs) => {
                s.boundary.crs = Some(crs);
                s.boundary.need_crs = false;
                s.last_crs = Some(crs);
            }
            PlanAction::BoundaryNeedsCrs => s.boundary.need_crs = true,
            PlanAction::BoundarySent => {
                s.boundary.busy = true;
                s.boundary.problem = None;
            }
            PlanAction::ClearBoundary => {
                s.boundary = BoundaryCard::default();
                s.result = None;
            }
            PlanAction::RoadsChosen(name) => {
                let r = &mut s.roads;
                r.chosen = Some(name);
                r.crs = r.crs.or(s.last_crs);
                r.problem = None;
                r.need_crs = false;
            }
            PlanAction::RoadsCrs(crs) => {
                s.roads.crs = Some(crs);
                s.roads.need_crs = false;
                s.last_crs = Some(crs);
            }
            PlanAction::RoadsNeedsCrs => s.roads.need_crs = true,
            PlanAction::ClearRoads => {
                let max_snap = std::mem::take(&mut s.roads.max_snap);
                s.roads = RoadsCard { max_snap, ..RoadsCard::default() };
                s.result = None;
            }
            PlanAction::MaxSnap(text) => s.roads.max_snap = text,
            PlanAction::Restore(saved) => {
                // Whatever was on screen gives way to the saved work.
                s.cards = Default::default();
                s.boundary = BoundaryCard::default();
                s.roads = RoadsCard { max_snap: saved.max_snap.clone().unwrap_or_default(), ..RoadsCard::default() };
                if let Some((name, crs)) = &saved.roads {
                    s.roads.crs = Some(*crs);
                    s.roads.busy = Some(name.clone());
                }
                s.result = None;
                s.pinned = None;
                s.selected = None;
                s.compare.clear();
                s.notice = None;
                if let Some(form) = saved.form.clone() {
                    s.form = form;
                }
                s.choices = saved.choices.clone();
                for (role, _, map, crs, _) in &saved.files {
                    let card = &mut s.cards[slot(*role)];
                    card.map = map.clone();
                    card.crs = Some(*crs);
                    card.busy = true;
                }
                if !saved.rasters.is_empty() {
                    s.cards[slot(Role::Demand)].busy = true;
                }
                if let Some((_, crs)) = &saved.boundary {
                    s.boundary.crs = Some(*crs);
                    s.boundary.busy = true;
                }
            }
        }
        Rc::new(s)
    }
}
