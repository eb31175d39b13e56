//! The planner's worker (`zhucan-worker`), seen from the page: started when first needed, sent
//! the planner's requests, and replaced by a fresh one given the same data when the user cancels
//! (the old one terminated at once, its plan stopped and its memory given back) or when it
//! panics. Imports and optimisation run there, so the page never freezes.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use yew::prelude::*;

use crate::core::io::crs::Crs;
use crate::core::planner::form::SettingsForm;
use crate::core::planner::project::{Contents, Kind, Saved};
use crate::core::planner::session::population::RasterLayer;
use crate::core::planner::session::{Reply, Request, Role};
use crate::core::planner::settings::Settings;
use crate::core::Locale;
use crate::ui::planner::state::{slot, PlanAction, PlannerState};
use crate::worker::{JsSide, WorkerHandle, WorkerInput, AFTER_TERMINATE_MS, LOADER};

type Bridge = Rc<RefCell<Option<WorkerHandle>>>;
/// A file's name and bytes.
type Named = (String, Rc<Vec<u8>>);

/// A table's content as the page holds it: the browser's `File` the user chose (the worker reads
/// it by slices; the page never reads it, so a 200 MB file costs the page nothing), or bytes (a
/// project file's, or kept on the device before this page).
#[derive(Clone)]
pub enum FileData {
    /// Bytes in the page's memory.
    Bytes(Rc<Vec<u8>>),
    /// A `File` or `Blob`, read only by the worker (or, to save a project file, by the page then).
    Blob(web_sys::Blob),
}

impl FileData {
    /// The same content (the same bytes, or the same `Blob`)?
    fn same(&self, other: &FileData) -> bool {
        match (self, other) {
            (FileData::Bytes(a), FileData::Bytes(b)) => Rc::ptr_eq(a, b),
            (FileData::Blob(a), FileData::Blob(b)) => JsValue::from(a) == JsValue::from(b),
            _ => false,
        }
    }

    /// The bytes, read first if they are a `Blob`'s (`None` if the browser cannot read it now).
    pub async fn bytes(&self) -> Option<Vec<u8>> {
        match self {
            FileData::Bytes(b) => Some(b.to_vec()),
            FileData::Blob(blob) => {
                let buffer = JsFuture::from(blob.array_buffer()).await.ok()?;
                Some(js_sys::Uint8Array::new(&buffer).to_vec())
            }
        }
    }
}

/// A file the page keeps (to give a fresh worker, to save on the device or in a project file):
/// what it is, its role, name and content.
#[derive(Clone)]
pub struct Kept {
    /// A table, a raster or the boundary.
    pub kind: Kind,
    /// Its role (the demand for rasters and the boundary).
    pub role: Role,
    /// Its name.
    pub name: String,
    /// Its content.
    pub data: FileData,
}

impl From<Contents> for Kept {
    fn from(c: Contents) -> Kept {
        Kept { kind: c.kind, role: c.role, name: c.name, data: FileData::Bytes(Rc::new(c.bytes)) }
    }
}

impl Kept {
    fn bytes(kind: Kind, role: Role, name: &str, bytes: &Rc<Vec<u8>>) -> Kept {
        Kept { kind, role, name: name.to_string(), data: FileData::Bytes(bytes.clone()) }
    }
}

/// Files held by the page: a table in each slot (demand, candidates, existing), the population
/// rasters, the boundary.
#[derive(Default)]
struct Store {
    tables: [Option<(String, FileData)>; 4],
    rasters: Vec<(String, FileData)>,
    boundary: Option<Named>,
    /// The road file: the `File` the user chose (read only by the worker: a city's OpenStreetMap
    /// extract is 100 MB and more), or bytes from the device or a project file.
    roads: Option<(String, FileData)>,
}

/// What the worker has accepted, as the state says: each slot's table by name, the rasters
/// (names, extra weight or not) and the boundary's name.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Accepted {
    /// Each slot's table in use, by name.
    pub tables: Vec<Option<String>>,
    /// The rasters in use.
    pub rasters: Vec<(String, bool)>,
    /// The boundary in use.
    pub boundary: Option<String>,
    /// The road file in use.
    pub roads: Option<String>,
}

impl Accepted {
    /// What `state` has in use.
    pub fn of(state: &PlannerState) -> Accepted {
        Accepted {
            tables: state.cards.iter().map(|c| c.in_use.as_ref().filter(|u| u.rasters.is_empty()).map(|u| u.name.clone())).collect(),
            rasters: state.cards[slot(Role::Demand)].in_use.as_ref().map(|u| u.rasters.clone()).unwrap_or_default(),
            boundary: state.boundary.in_use.as_ref().map(|(n, _)| n.clone()),
            roads: state.roads.in_use.as_ref().map(|(n, _)| n.clone()),
        }
    }
}

thread_local! {
    /// This page's crash channel: a `BroadcastChannel` name unique to the page (channels reach
    /// every tab of the origin, and another tab's worker is none of this page's business).
    static CRASH_CHANNEL: String = format!("zhucan-planner-crash-{}", js_sys::Math::random().to_bits());
}

#[cfg(feature = "test-hooks")]
thread_local! {
    /// Sends the worker a panic on purpose (tests only), through the current bridge.
    static TEST_PANIC: RefCell<Option<Callback<()>>> = const { RefCell::new(None) };
}

fn crash_channel() -> String {
    CRASH_CHANNEL.with(Clone::clone)
}

/// Makes the planner's worker panic on purpose, so the end-to-end tests can check that the page
/// notices and recovers. The planner app exports it to JavaScript as `zhucanTestWorkerPanic`
/// (`src/bin/planner.rs`; not from the library, which would put it in the calculator's download).
/// Only in builds with the `test-hooks` feature.
#[cfg(feature = "test-hooks")]
pub fn test_worker_panic() {
    if let Some(cb) = TEST_PANIC.with(|t| t.borrow().clone()) {
        cb.emit(());
    }
}

/// How far around the candidates rasters are read: the service radius of `form` if it is
/// valid, else the default's.
fn reach(form: Option<&SettingsForm>) -> f64 {
    form.and_then(|f| f.validate(usize::MAX).ok()).map(|s| s.radius.metres()).unwrap_or_else(|| Settings::default().radius.metres())
}

/// The page's end of the planner's worker, as of one render (see [`use_planner_worker`]). It
/// also holds the bytes of the files, so that a fresh worker can be given them again.
#[derive(Clone)]
pub struct PlannerBridge {
    bridge: Bridge,
    state: UseReducerHandle<PlannerState>,
    /// The interface's language (names a workbook's blank header cells).
    locale: Locale,
    /// Bytes of the files in use: replayed into a fresh worker, saved in a project file.
    kept: Rc<RefCell<Store>>,
    /// Bytes of files read but not yet accepted: they become `kept` on acceptance.
    pending: Rc<RefCell<Store>>,
}

impl PlannerBridge {
    /// Starts a worker; what is sent to it waits `hold_ms` after it is ready, if given.
    fn spawn(&self, hold_ms: Option<u32>) {
        let dispatch = self.state.dispatcher();
        // The search after a run: each certificate asks for the next slice; the page shows one
        // at most about once a second (the first of a run, and the last, at once).
        let bridge = self.bridge.clone();
        let shown = Rc::new(std::cell::Cell::new((0u64, 0.0f64)));
        let on_reply = move |reply: Reply| {
            if let Reply::Certificate(c) = &reply {
                if !c.done {
                    if let Some(b) = bridge.borrow().as_ref() {
                        b.send(WorkerInput::Plan(Request::Refine { run: c.run }));
                    }
                }
                let now = js_sys::Date::now();
                let (run, at) = shown.get();
                if !(c.done || run != c.run || now - at >= 1000.0) {
                    return;
                }
                shown.set((c.run, now));
            }
            dispatch.dispatch(PlanAction::Worker(reply))
        };
        // Trunk's loader shim (`importScripts`, wasm-bindgen "no-modules"): a same-origin script, which
        // a strict Content-Security-Policy allows (a blob: shim would be blocked).
        match WorkerHandle::spawn(LOADER, on_reply, hold_ms) {
            Ok(b) => {
                b.send(WorkerInput::Setup { crash_channel: crash_channel() });
                *self.bridge.borrow_mut() = Some(b);
            }
            Err(e) => web_sys::console::error_1(&format!("zhucan: the planner's worker could not start: {e}").into()),
        }
    }

    /// Sends a request, starting the worker first if it is not running: residents who never open
    /// the planner never download it. Its replies arrive as [`PlanAction::Worker`].
    pub fn send(&self, request: Request) {
        self.send_input(WorkerInput::Plan(request));
    }

    fn send_input(&self, input: WorkerInput) {
        if self.bridge.borrow().is_none() {
            self.spawn(None);
        }
        if let Some(b) = self.bridge.borrow().as_ref() {
            b.send(input);
        }
    }

    /// Asks the worker to open a table (a workbook at `sheet`, or its first sheet with data):
    /// bytes go in the message, a `File` beside it, for the worker to read.
    fn send_table(&self, role: Role, name: String, data: &FileData, sheet: Option<String>) {
        match data {
            FileData::Bytes(bytes) => self.send(Request::Open { role, name, bytes: bytes.to_vec(), sheet, locale: self.locale }),
            FileData::Blob(blob) => {
                self.send_input(WorkerInput::OpenFile { role, name, file: JsSide(blob.clone().into()), sheet, locale: self.locale })
            }
        }
    }

    /// Opens a file the user chose, without reading it: the worker reads the `File` itself, by
    /// slices. The `File` waits until the worker accepts it (see
    /// [`PlannerBridge::accept_pending`]), and is kept to give a fresh worker.
    pub fn open_file(&self, role: Role, file: web_sys::File) {
        let name = file.name();
        let data = FileData::Blob(file.into());
        self.pending.borrow_mut().tables[slot(role)] = Some((name.clone(), data.clone()));
        self.send_table(role, name, &data, None);
    }

    /// Opens the workbook chosen for `role` again, at another sheet.
    pub fn open_sheet(&self, role: Role, sheet: String) {
        let file = self.pending.borrow().tables[slot(role)].clone().or_else(|| self.kept.borrow().tables[slot(role)].clone());
        if let Some((name, data)) = file {
            self.pending.borrow_mut().tables[slot(role)] = Some((name.clone(), data.clone()));
            self.state.dispatch(PlanAction::Opening(role));
            self.send_table(role, name, &data, Some(sheet));
        }
    }

    /// Keeps the population rasters the user chose, not read (the worker reads each `File` by
    /// ranges: a country-sized GeoTIFF costs the page nothing), until the planner imports them.
    pub fn choose_rasters(&self, files: Vec<web_sys::File>) {
        self.pending.borrow_mut().rasters = files.into_iter().map(|f| (f.name(), FileData::Blob(f.into()))).collect();
    }

    /// Imports the rasters chosen, each as older people or the extra weight (`files`, in the
    /// order chosen), read around the candidates within the radius `form` sets.
    pub fn import_rasters(&self, files: &[(String, bool)], extra_name: String, form: &SettingsForm) {
        let pending = self.pending.borrow().rasters.clone();
        let layers = pending.into_iter().zip(files).map(|((name, data), (_, extra))| (name, data, *extra)).collect();
        self.state.dispatch(PlanAction::Opening(Role::Demand));
        self.send_rasters(layers, extra_name, reach(Some(form)));
    }

    /// Sends rasters to import: bytes in the message when all are bytes (a project file's),
    /// otherwise every one as a `Blob` beside it (bytes made into one), for the worker to read
    /// by ranges.
    fn send_rasters(&self, layers: Vec<(String, FileData, bool)>, extra_name: String, reach_m: f64) {
        if layers.iter().all(|(_, d, _)| matches!(d, FileData::Bytes(_))) {
            let layers = layers
                .into_iter()
                .filter_map(|(name, data, extra)| match data {
                    FileData::Bytes(b) => Some(RasterLayer { name, bytes: b.to_vec(), extra }),
                    FileData::Blob(_) => None,
                })
                .collect();
            return self.send(Request::ImportRaster { layers, extra_name, reach_m });
        }
        let layers = layers
            .into_iter()
            .filter_map(|(name, data, extra)| {
                let blob = match data {
                    FileData::Blob(b) => b,
                    FileData::Bytes(b) => {
                        let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(b.as_slice()));
                        web_sys::Blob::new_with_u8_array_sequence(&parts).ok()?
                    }
                };
                Some((name, JsSide(blob.into()), extra))
            })
            .collect();
        self.send_input(WorkerInput::RasterFiles { layers, extra_name, reach_m });
    }

    /// Keeps a boundary file just read until the planner uses it.
    pub fn choose_boundary(&self, name: String, bytes: Vec<u8>) {
        self.pending.borrow_mut().boundary = Some((name, Rc::new(bytes)));
    }

    /// Sends the boundary chosen, drawn in `crs`.
    pub fn use_boundary(&self, crs: Crs) {
        let chosen = self.pending.borrow().boundary.clone();
        if let Some((name, bytes)) = chosen {
            self.state.dispatch(PlanAction::BoundarySent);
            self.send(Request::Boundary { name, bytes: bytes.to_vec(), crs });
        }
    }

    /// Forgets the boundary, here and in the worker.
    pub fn clear_boundary(&self) {
        self.kept.borrow_mut().boundary = None;
        self.pending.borrow_mut().boundary = None;
        self.send(Request::ClearBoundary);
    }

    /// Keeps the road file chosen, not read, until the planner uses it.
    pub fn choose_roads(&self, file: web_sys::File) {
        self.pending.borrow_mut().roads = Some((file.name(), FileData::Blob(file.into())));
    }

    /// Sends the road file chosen, drawn in `crs`: the worker builds its network.
    pub fn use_roads(&self, crs: Crs) {
        let chosen = self.pending.borrow().roads.clone();
        if let Some((name, data)) = chosen {
            self.send_roads(name, &data, crs);
        }
    }

    /// Sends a road file: bytes in the message, a `File` beside it, for the worker to read.
    fn send_roads(&self, name: String, data: &FileData, crs: Crs) {
        match data {
            FileData::Bytes(bytes) => self.send(Request::Roads { name, bytes: bytes.to_vec(), crs }),
            FileData::Blob(blob) => self.send_input(WorkerInput::RoadsFile { name, file: JsSide(blob.clone().into()), crs }),
        }
    }

    /// Forgets the road file, here and in the worker.
    pub fn clear_roads(&self) {
        self.kept.borrow_mut().roads = None;
        self.pending.borrow_mut().roads = None;
        self.send(Request::ClearRoads);
    }

    /// Sends the maximum snap distance as typed (nothing when it is empty or not valid: the
    /// worker keeps its default, and the page says what is wrong).
    pub fn send_max_snap(&self, typed: &str) {
        if let Ok(metres) = crate::core::planner::session::roads::parse_max_snap(typed) {
            self.send(Request::MaxSnap { metres });
        }
    }

    /// Keeps the files the worker has accepted since (`accepted`, as the state says): a pending
    /// file whose name is now in use. Returns them, to be saved on the device.
    pub fn accept_pending(&self, accepted: &Accepted) -> Vec<Kept> {
        let mut out = Vec::new();
        let mut pending = self.pending.borrow_mut();
        let mut kept = self.kept.borrow_mut();
        for role in Role::ALL {
            let i = slot(role);
            let Some(name) = accepted.tables.get(i).and_then(Option::as_ref) else { continue };
            let Some((pname, data)) = pending.tables[i].take() else { continue };
            if &pname != name {
                continue;
            }
            kept.tables[i] = Some((pname.clone(), data.clone()));
            out.push(Kept { kind: Kind::Table, role, name: pname, data });
        }
        let names: Vec<&String> = accepted.rasters.iter().map(|(n, _)| n).collect();
        let same = |a: &[(String, FileData)], b: &[(String, FileData)]| a.len() == b.len() && a.iter().zip(b).all(|(x, y)| x.1.same(&y.1));
        if !names.is_empty() && pending.rasters.iter().map(|(n, _)| n).eq(names.iter().copied()) && !same(&pending.rasters, &kept.rasters) {
            kept.rasters = pending.rasters.clone();
            kept.tables[slot(Role::Demand)] = None;
            out.extend(kept.rasters.iter().map(|(n, d)| Kept { kind: Kind::Raster, role: Role::Demand, name: n.clone(), data: d.clone() }));
        }
        if accepted.boundary.is_some() && pending.boundary.as_ref().map(|(n, _)| n) == accepted.boundary.as_ref() {
            if let Some((name, bytes)) = pending.boundary.take() {
                out.push(Kept::bytes(Kind::Boundary, Role::Demand, &name, &bytes));
                kept.boundary = Some((name, bytes));
            }
        }
        if accepted.roads.is_some() && pending.roads.as_ref().map(|(n, _)| n) == accepted.roads.as_ref() {
            if let Some((name, data)) = pending.roads.take() {
                out.push(Kept { kind: Kind::Roads, role: Role::Demand, name: name.clone(), data: data.clone() });
                kept.roads = Some((name, data));
            }
        }
        out
    }

    /// Lets a removed file's bytes go (the worker is told separately, with [`Request::Clear`]).
    pub fn forget(&self, role: Role) {
        let mut kept = self.kept.borrow_mut();
        kept.tables[slot(role)] = None;
        if role == Role::Demand {
            kept.rasters.clear();
        }
    }

    /// The files `saved` uses, with their names and contents (nothing is read or copied).
    fn kept_files(&self, saved: &Saved) -> Vec<Kept> {
        let kept = self.kept.borrow();
        let mut out: Vec<Kept> = saved
            .files
            .iter()
            .filter_map(|(role, ..)| {
                kept.tables[slot(*role)].as_ref().map(|(n, d)| Kept { kind: Kind::Table, role: *role, name: n.clone(), data: d.clone() })
            })
            .collect();
        for (name, _) in &saved.rasters {
            if let Some((n, d)) = kept.rasters.iter().find(|(n, _)| n == name) {
                out.push(Kept { kind: Kind::Raster, role: Role::Demand, name: n.clone(), data: d.clone() });
            }
        }
        if let (Some(_), Some((n, b))) = (&saved.boundary, &kept.boundary) {
            out.push(Kept::bytes(Kind::Boundary, Role::Demand, n, b));
        }
        if let (Some(_), Some((n, d))) = (&saved.roads, &kept.roads) {
            out.push(Kept { kind: Kind::Roads, role: Role::Demand, name: n.clone(), data: d.clone() });
        }
        out
    }

    /// Calls `done` with the files `saved` uses, with their names and bytes (for a project
    /// file): a table the user chose is read now, once, by the page. A file the browser can no
    /// longer read (moved or changed since) is left out.
    pub fn with_kept_contents(&self, saved: &Saved, done: impl FnOnce(Vec<Contents>) + 'static) {
        let files = self.kept_files(saved);
        wasm_bindgen_futures::spawn_local(async move {
            let mut out = Vec::with_capacity(files.len());
            for f in files {
                if let Some(bytes) = f.data.bytes().await {
                    out.push(Contents { kind: f.kind, role: f.role, name: f.name, bytes });
                }
            }
            done(out);
        });
    }

    /// Brings saved work back from a project file: see [`PlannerBridge::restore_kept`].
    pub fn restore(&self, saved: Saved, files: Vec<Contents>) {
        self.restore_kept(saved, files.into_iter().map(Kept::from).collect());
    }

    /// Brings saved work back (after a reload, or from a project file): the state, then the data
    /// sent again (see [`PlannerBridge::send_data`]), then a run if there was a result.
    pub fn restore_kept(&self, saved: Saved, files: Vec<Kept>) {
        self.state.dispatch(PlanAction::Restore(Box::new(saved.clone())));
        self.send_data(&saved, &files);
        let has_demand = {
            let kept = self.kept.borrow();
            kept.tables[slot(Role::Demand)].is_some() || !kept.rasters.is_empty()
        };
        if saved.had_result && (saved.demo || has_demand) {
            if let Ok(settings) = saved.form.clone().unwrap_or_default().validate(usize::MAX) {
                self.state.dispatch(PlanAction::Running);
                self.send_max_snap(saved.max_snap.as_deref().unwrap_or_default());
                self.send(Request::Run { settings, choices: saved.choices });
            }
        }
    }

    /// Keeps `files` and sends the worker what `saved` uses of them, in the order that reads
    /// each once: the demo, the boundary (it sets where rasters are read), the tables (opened at
    /// their sheet and imported with their mapping), then the rasters.
    fn send_data(&self, saved: &Saved, files: &[Kept]) {
        if saved.demo {
            self.send(Request::Demo);
        }
        let find = |kind: Kind, role: Option<Role>, name: &str| {
            files.iter().find(|f| f.kind == kind && role.is_none_or(|r| f.role == r) && (kind == Kind::Table || f.name == name))
        };
        // A boundary is always bytes (read by the page); a `Blob` would be a bug.
        let bytes = |f: &Kept| match &f.data {
            FileData::Bytes(b) => Some(b.clone()),
            FileData::Blob(_) => None,
        };
        if let Some((name, crs)) = &saved.boundary {
            if let Some(b) = find(Kind::Boundary, None, name).and_then(bytes) {
                self.kept.borrow_mut().boundary = Some((name.clone(), b.clone()));
                self.send(Request::Boundary { name: name.clone(), bytes: b.to_vec(), crs: *crs });
            }
        }
        if let Some((name, crs)) = &saved.roads {
            if let Some(f) = find(Kind::Roads, None, name) {
                self.kept.borrow_mut().roads = Some((name.clone(), f.data.clone()));
                self.send_roads(name.clone(), &f.data, *crs);
            }
        }
        if let Some(typed) = &saved.max_snap {
            self.send_max_snap(typed);
        }
        for (role, name, map, crs, skip) in &saved.files {
            let Some(f) = find(Kind::Table, Some(*role), name) else { continue };
            self.kept.borrow_mut().tables[slot(*role)] = Some((name.clone(), f.data.clone()));
            self.send_table(*role, name.clone(), &f.data, saved.sheet(*role));
            self.send(Request::Import { role: *role, map: map.clone(), crs: *crs, skip_bad_rows: *skip });
        }
        let mut layers = Vec::new();
        let mut named = Vec::new();
        for (name, extra) in &saved.rasters {
            if let Some(f) = find(Kind::Raster, None, name) {
                layers.push((name.clone(), f.data.clone(), *extra));
                named.push((name.clone(), f.data.clone()));
            }
        }
        if !layers.is_empty() {
            self.kept.borrow_mut().rasters = named;
            self.send_rasters(layers, saved.raster_extra_name.clone(), reach(saved.form.as_ref()));
        }
    }

    /// Drops the worker and the files it had, then [restores](PlannerBridge::restore) `saved`
    /// into a fresh one (opening a project file).
    pub fn start_over(&self, saved: Saved, files: Vec<Contents>) {
        *self.bridge.borrow_mut() = None;
        *self.kept.borrow_mut() = Store::default();
        self.restore(saved, files);
    }

    /// After the worker panicked: a fresh one is given the data again; `message` tells the user.
    pub fn restart(&self, message: &str) {
        self.replace(message, None);
    }

    /// Cancels what the worker is doing: it is terminated, and a fresh one is given the data again
    /// once the old one is surely gone ([`AFTER_TERMINATE_MS`]; requests made meanwhile wait
    /// their turn after the data); `message` tells the user.
    pub fn cancel(&self, message: &str) {
        self.replace(message, Some(AFTER_TERMINATE_MS));
    }

    fn replace(&self, message: &str, hold_ms: Option<u32>) {
        *self.bridge.borrow_mut() = None;
        self.spawn(hold_ms);
        let saved = self.state.saved();
        let files = self.kept_files(&saved);
        self.send_data(&saved, &files);
        self.state.dispatch(PlanAction::Restarted(message.to_string()));
    }
}

/// The planner's worker for a component whose state is `state`. Returns the [`PlannerBridge`] to
/// send it requests; the worker itself starts with the first request. Listens on this page's
/// crash channel: if the worker panics (its hook posts there), a fresh worker gets the current
/// data again and the user is told `crashed`; nothing they loaded or set is lost.
#[hook]
pub fn use_planner_worker(state: &UseReducerHandle<PlannerState>, crashed: &'static str, locale: Locale) -> PlannerBridge {
    let worker = PlannerBridge {
        bridge: use_mut_ref(|| None),
        state: state.clone(),
        locale,
        kept: use_mut_ref(Store::default),
        pending: use_mut_ref(Store::default),
    };
    // Updated every render, so that a crash replays the current files (in the current language).
    let latest = use_mut_ref(|| None::<(PlannerBridge, &'static str)>);
    *latest.borrow_mut() = Some((worker.clone(), crashed));
    {
        #[cfg(feature = "test-hooks")]
        let bridge = worker.bridge.clone();
        use_effect_with((), move |_| {
            // For the tests: a panic in the worker on purpose, through the current bridge.
            #[cfg(feature = "test-hooks")]
            TEST_PANIC.with(|t| {
                *t.borrow_mut() = Some(Callback::from(move |_| {
                    if let Some(b) = bridge.borrow().as_ref() {
                        b.send(WorkerInput::TestPanic);
                    }
                }))
            });
            let channel = web_sys::BroadcastChannel::new(&crash_channel()).ok();
            let listener = channel.as_ref().map(|c| {
                gloo::events::EventListener::new(c, "message", move |event| {
                    let text = event.dyn_ref::<web_sys::MessageEvent>().and_then(|m| m.data().as_string()).unwrap_or_default();
                    let current = latest.borrow().clone();
                    if let Some((worker, crashed)) = current {
                        web_sys::console::warn_2(&"zhucan: the planner's worker stopped and was restarted:".into(), &text.into());
                        worker.restart(crashed);
                    }
                })
            });
            move || {
                drop(listener);
                if let Some(c) = channel {
                    c.close();
                }
            }
        });
    }
    worker
}
