//! The planner's Web Worker: the [`Session`] behind a small message protocol, so imports and
//! optimisation run off the page's main thread. The page spawns it from Trunk's loader shim
//! (`zhucan-worker_loader.js`, a same-origin script, allowed by a strict Content-Security-Policy)
//! and holds the `Worker` itself ([`WorkerHandle`]): cancelling a plan *terminates* the worker,
//! which stops its computation at once and gives its memory back, and a fresh worker gets the
//! data again. (gloo-worker, used before, gives the page no handle on the `Worker`: dropping its
//! bridge only posts a "destroy" message, which a worker busy with a 17-second plan reads when the
//! plan is done, so a cancelled plan ran on, beside the fresh worker, with both workers' memory.)
//!
//! Messages are bincode bytes; a message carrying browser values ([`JsSide`]: a `File`) is posted
//! as `[bytes, value…]`. The worker says it is ready (the string [`READY`]) once it listens, and
//! the page holds what it sends until then: a dedicated worker drops messages that arrive before
//! its handler is set, and WebAssembly takes a moment to load.
//!
//! If the worker panics, the page must find out: a panic in WebAssembly ends the worker without a
//! reply. So the page first names a `BroadcastChannel` (unique to that page), and the worker's
//! panic hook posts the panic message there; the page then starts a fresh worker and gives it the
//! data again.
//!
//! A table the user chooses is not read by the page: the page posts the `File` itself (a handle,
//! structured-cloned by the browser, no bytes copied) beside the message ([`JsSide`]), and the
//! worker reads it here with `FileReaderSync`, a slice at a time ([`BlobSlices`]), straight into
//! the CSV stream or the GeoJSON reader — twice if need be (the column-mapping step, then the
//! import), never holding it whole.

use std::cell::RefCell;

use std::rc::Rc;

use serde::de::DeserializeOwned;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::core::io::crs::Crs;
use crate::core::io::stream::{BySlices, Slices};
use crate::core::planner::session::population::{LayerData, LayerSource, RasterProblem};
use crate::core::planner::session::roads::RoadsProblem;
use crate::core::planner::session::{OpenProblem, Reply, Request, Role, Session, MAX_FILE_BYTES};
use crate::core::Locale;

/// The loader script Trunk writes for the worker (workers are not content-hashed).
pub const LOADER: &str = "./zhucan-worker_loader.js";

/// What the page sends the worker.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub enum WorkerInput {
    /// Sent first: the `BroadcastChannel` to tell if this worker panics.
    Setup {
        /// The channel's name.
        crash_channel: String,
    },
    /// A request for the planner's session.
    Plan(Request),
    /// A file to look at, as [`Request::Open`], given as the browser's `File` (or any `Blob`),
    /// which the worker reads by slices.
    OpenFile {
        /// Which file.
        role: Role,
        /// Its name.
        name: String,
        /// The `File`.
        file: JsSide,
        /// A workbook's sheet to read, by name; `None`: the first sheet with data.
        sheet: Option<String>,
        /// The interface's language (names a workbook's blank header cells).
        locale: Locale,
    },
    /// Population rasters to import, as [`Request::ImportRaster`], given as the browser's `File`s,
    /// which the worker reads by ranges (a GeoTIFF's header, directory and the strips or tiles in
    /// the study's window; an ASCII raster whole).
    RasterFiles {
        /// Each file: its name, the `File`, and whether it is the extra weight.
        layers: Vec<(String, JsSide, bool)>,
        /// The extra weight's name (when a layer is one).
        extra_name: String,
        /// How far around the candidate sites the rasters are read, metres.
        reach_m: f64,
    },
    /// A road file to use, as [`Request::Roads`], given as the browser's `File`: the worker reads
    /// it (the page never holds a city's extract).
    RoadsFile {
        /// Its name.
        name: String,
        /// The `File`.
        file: JsSide,
        /// The coordinate system it was drawn in.
        crs: Crs,
    },
    /// Panics on purpose, so the tests can check that the page recovers. Only in builds with the
    /// `test-hooks` feature (the page's and the worker's builds must agree).
    #[cfg(feature = "test-hooks")]
    TestPanic,
}

thread_local! {
    static CRASH_CHANNEL: RefCell<Option<String>> = const { RefCell::new(None) };
    /// The JavaScript values of the message being encoded, in order.
    static OUTGOING: RefCell<Vec<JsValue>> = const { RefCell::new(Vec::new()) };
    /// The JavaScript values of the message being decoded (each taken once).
    static INCOMING: RefCell<Vec<Option<JsValue>>> = const { RefCell::new(Vec::new()) };
}

/// A JavaScript value carried beside a worker message rather than in its bytes: a `File`, which
/// the browser passes by structured clone (a handle to the same file, not a copy of its bytes).
/// Serialized as its place among the message's values; only [`SideCodec`] carries the value.
#[derive(Clone, Debug)]
pub struct JsSide(pub JsValue);

impl Serialize for JsSide {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let at = OUTGOING.with(|o| {
            let mut o = o.borrow_mut();
            o.push(self.0.clone());
            o.len() - 1
        });
        s.serialize_u32(at as u32)
    }
}

impl<'de> Deserialize<'de> for JsSide {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<JsSide, D::Error> {
        let at = u32::deserialize(d)? as usize;
        INCOMING
            .with(|i| i.borrow_mut().get_mut(at).and_then(Option::take))
            .map(JsSide)
            .ok_or_else(|| serde::de::Error::custom("a worker message's JavaScript value is missing"))
    }
}

/// What the worker posts once it listens (before that, the page holds its messages).
pub const READY: &str = "zhucan-worker-ready";

/// A message as posted: bincode bytes, and beside them the message's [`JsSide`] values — posted
/// as `[bytes, value…]` when there are any, so the browser clones them with the message, as the
/// bytes alone otherwise.
pub fn encode<T: Serialize>(message: &T) -> Result<JsValue, String> {
    OUTGOING.with(|o| o.borrow_mut().clear());
    let bytes = bincode::serialize(message).map_err(|e| e.to_string());
    let side = OUTGOING.with(|o| std::mem::take(&mut *o.borrow_mut()));
    let bytes: JsValue = js_sys::Uint8Array::from(bytes?.as_slice()).into();
    if side.is_empty() {
        return Ok(bytes);
    }
    let all = js_sys::Array::new();
    all.push(&bytes);
    for v in side {
        all.push(&v);
    }
    Ok(all.into())
}

/// A message posted by [`encode`] (`Err`: what was wrong with it).
pub fn decode<T: DeserializeOwned>(posted: JsValue) -> Result<T, String> {
    let (bytes, side) = if js_sys::Array::is_array(&posted) {
        let all: js_sys::Array = posted.unchecked_into();
        (all.get(0), all.iter().skip(1).map(Some).collect())
    } else {
        (posted, Vec::new())
    };
    let bytes = bytes.dyn_into::<js_sys::Uint8Array>().map_err(|_| "a worker message without its bytes".to_string())?.to_vec();
    INCOMING.with(|i| *i.borrow_mut() = side);
    let out = bincode::deserialize(&bytes).map_err(|e| e.to_string());
    INCOMING.with(|i| i.borrow_mut().clear());
    out
}

#[wasm_bindgen]
extern "C" {
    /// The browser's synchronous file reader (workers only).
    type FileReaderSync;

    #[wasm_bindgen(constructor, catch)]
    fn new() -> Result<FileReaderSync, JsValue>;

    #[wasm_bindgen(method, catch, js_name = readAsArrayBuffer)]
    fn read_as_array_buffer(this: &FileReaderSync, blob: &web_sys::Blob) -> Result<js_sys::ArrayBuffer, JsValue>;
}

/// What a JavaScript exception says (English, from the browser).
fn js_message(e: &JsValue) -> String {
    match e.dyn_ref::<js_sys::Error>() {
        Some(err) => String::from(err.message()),
        None => e.as_string().unwrap_or_else(|| format!("{e:?}")),
    }
}

/// A `Blob` (a `File`) read by slices with `FileReaderSync`: `Blob.slice(start, end)`, read into
/// an `ArrayBuffer` of that slice only, copied into the caller's buffer.
pub struct BlobSlices {
    blob: web_sys::Blob,
    len: u64,
    reader: FileReaderSync,
}

impl BlobSlices {
    /// Reads `blob` (it must be a `Blob`; `Err` with what went wrong otherwise, or outside a worker).
    pub fn new(blob: JsValue) -> Result<BlobSlices, String> {
        let blob: web_sys::Blob = blob.dyn_into().map_err(|_| "not a file".to_string())?;
        let reader = FileReaderSync::new().map_err(|e| js_message(&e))?;
        Ok(BlobSlices { len: blob.size() as u64, blob, reader })
    }
}

impl Slices for BlobSlices {
    fn byte_len(&self) -> u64 {
        self.len
    }

    fn read_at(&self, start: u64, out: &mut [u8]) -> std::io::Result<usize> {
        let end = start.saturating_add(out.len() as u64).min(self.len);
        if start >= end {
            return Ok(0);
        }
        let io = |e: JsValue| std::io::Error::other(js_message(&e));
        let part = self.blob.slice_with_f64_and_f64(start as f64, end as f64).map_err(io)?;
        let buffer = self.reader.read_as_array_buffer(&part).map_err(io)?;
        let bytes = js_sys::Uint8Array::new(&buffer);
        let n = (bytes.length() as usize).min(out.len());
        bytes.subarray(0, n as u32).copy_to(&mut out[..n]);
        Ok(n)
    }
}

/// A road file the user chose, read here whole (its readers take bytes), in slices of 8 MB into
/// one buffer of its size: the only copy (in a message it was four, two of them in the page).
fn read_roads(file: JsSide) -> Result<Vec<u8>, RoadsProblem> {
    let unreadable = |detail: String| RoadsProblem::Unreadable { detail };
    let source = BlobSlices::new(file.0).map_err(unreadable)?;
    let len = source.byte_len();
    if len > MAX_FILE_BYTES as u64 {
        return Err(RoadsProblem::TooLarge { mb: len / 1_048_576, limit_mb: (MAX_FILE_BYTES / 1_048_576) as u64 });
    }
    let mut bytes = vec![0u8; len as usize];
    let mut at = 0usize;
    while at < bytes.len() {
        let end = (at + (8 << 20)).min(bytes.len());
        match source.read_at(at as u64, &mut bytes[at..end]) {
            Ok(0) => return Err(unreadable("the file ended early".to_string())),
            Ok(n) => at += n,
            Err(e) => return Err(unreadable(e.to_string())),
        }
    }
    Ok(bytes)
}

/// The worker's panic hook: the message in the console, and on the page's crash channel.
pub fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        let name = CRASH_CHANNEL.with(|c| c.borrow().clone());
        if let Some(channel) = name.and_then(|n| web_sys::BroadcastChannel::new(&n).ok()) {
            let _ = channel.post_message(&wasm_bindgen::JsValue::from_str(&info.to_string()));
            channel.close();
        }
    }));
}

/// The planner's session in the worker, answering the page's messages.
pub struct PlannerWorker {
    session: Session,
}

impl PlannerWorker {
    /// Handles one input, every reply through `respond`.
    fn received(&mut self, input: WorkerInput, respond: &mut dyn FnMut(Reply)) {
        match input {
            WorkerInput::Setup { crash_channel } => CRASH_CHANNEL.with(|c| *c.borrow_mut() = Some(crash_channel)),
            WorkerInput::Plan(request) => self.session.handle(request, respond),
            WorkerInput::OpenFile { role, name, file, sheet, locale } => {
                let reply = match BlobSlices::new(file.0) {
                    Ok(source) => self.session.open_source(role, name, Box::new(BySlices(source)), sheet.as_deref(), locale),
                    Err(detail) => Reply::OpenFailed { role, name, problem: OpenProblem::Unreadable { detail } },
                };
                respond(reply);
            }
            WorkerInput::RasterFiles { layers, extra_name, reach_m } => {
                let mut sources = Vec::with_capacity(layers.len());
                for (name, file, extra) in layers {
                    match BlobSlices::new(file.0) {
                        Ok(s) => sources.push(LayerSource { name, data: LayerData::File(Box::new(s)), extra }),
                        Err(_) => {
                            let (_, from) = self.session.raster_window();
                            return respond(Reply::RasterFailed { name, from, problem: RasterProblem::Damaged });
                        }
                    }
                }
                self.session.import_raster_files(sources, extra_name, reach_m, respond);
            }
            WorkerInput::RoadsFile { name, file, crs } => match read_roads(file) {
                Ok(bytes) => self.session.handle(Request::Roads { name, bytes, crs }, respond),
                Err(problem) => respond(Reply::RoadsFailed { name, problem }),
            },
            #[cfg(feature = "test-hooks")]
            WorkerInput::TestPanic => panic!("zhucan test panic in the planner worker (triggered on purpose)"),
        }
    }
}

/// The worker's entry point: listens to the page and says it is ready.
pub fn serve() {
    let scope: web_sys::DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let worker = RefCell::new(PlannerWorker { session: Session::searching() });
    let mut post = {
        let scope = scope.clone();
        move |reply: Reply| match encode(&reply) {
            Ok(message) => {
                let _ = scope.post_message(&message);
            }
            Err(e) => web_sys::console::error_1(&format!("zhucan: a reply could not be encoded: {e}").into()),
        }
    };
    let on_message =
        Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |event: web_sys::MessageEvent| match decode::<WorkerInput>(event.data()) {
            Ok(input) => worker.borrow_mut().received(input, &mut post),
            Err(e) => web_sys::console::error_1(&format!("zhucan: a message to the worker could not be read: {e}").into()),
        });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // The worker lives as long as its global scope: its handler with it.
    on_message.forget();
    let _ = scope.post_message(&JsValue::from_str(READY));
}

/// The page's handle on a planner worker: sends it inputs (held until it is ready), hands its
/// replies to a callback, and terminates it when dropped — at once, even in the middle of a plan.
pub struct WorkerHandle {
    worker: web_sys::Worker,
    /// Encoded inputs waiting until the worker is ready and any hold has passed; `None` then.
    waiting: Rc<RefCell<Option<Vec<JsValue>>>>,
    _on_message: Closure<dyn FnMut(web_sys::MessageEvent)>,
    _hold: Option<gloo::timers::callback::Timeout>,
}

/// How long a fresh worker that replaces a busy one waits before it is given anything, ms.
/// Chromium lets a terminated worker that is running a script go on for up to 2 seconds before it
/// forces it to stop (its worker thread's "forcible termination delay"); a fresh worker given the
/// data at once held a second copy of it beside the old worker's memory meanwhile — 1.2 GB at
/// the peak for issue 13's city, where either alone stays under 1 GB.
pub const AFTER_TERMINATE_MS: u32 = 2_200;

impl WorkerHandle {
    /// Starts a worker from `loader` (Trunk's loader script); its replies go to `on_reply`. What
    /// is sent to it waits until it is ready and, with `hold_ms`, that long (see
    /// [`AFTER_TERMINATE_MS`]).
    pub fn spawn(loader: &str, on_reply: impl Fn(Reply) + 'static, hold_ms: Option<u32>) -> Result<WorkerHandle, String> {
        let worker = web_sys::Worker::new(loader).map_err(|e| js_message(&e))?;
        let waiting = Rc::new(RefCell::new(Some(Vec::new())));
        // Both must have happened: the worker said it is ready, the hold has passed.
        let pending = Rc::new(std::cell::Cell::new(1 + u8::from(hold_ms.is_some())));
        let release = {
            let (worker, waiting, pending) = (worker.clone(), waiting.clone(), pending.clone());
            move || {
                pending.set(pending.get().saturating_sub(1));
                if pending.get() == 0 {
                    for message in waiting.borrow_mut().take().unwrap_or_default() {
                        let _ = worker.post_message(&message);
                    }
                }
            }
        };
        let hold = hold_ms.map(|ms| gloo::timers::callback::Timeout::new(ms, release.clone()));
        let on_message = Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |event: web_sys::MessageEvent| {
            let data = event.data();
            if data.as_string().as_deref() == Some(READY) {
                return release();
            }
            match decode::<Reply>(data) {
                Ok(reply) => on_reply(reply),
                Err(e) => web_sys::console::error_1(&format!("zhucan: a reply from the worker could not be read: {e}").into()),
            }
        });
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        Ok(WorkerHandle { worker, waiting, _on_message: on_message, _hold: hold })
    }

    /// Sends `input` (held until the worker is ready).
    pub fn send(&self, input: WorkerInput) {
        let message = match encode(&input) {
            Ok(m) => m,
            Err(e) => return web_sys::console::error_1(&format!("zhucan: a message to the worker could not be encoded: {e}").into()),
        };
        match self.waiting.borrow_mut().as_mut() {
            Some(queue) => queue.push(message),
            None => {
                let _ = self.worker.post_message(&message);
            }
        }
    }
}

impl Drop for WorkerHandle {
    fn drop(&mut self) {
        self.worker.set_onmessage(None);
        self.worker.terminate();
    }
}
