//! The planner's Web Worker: the [`Session`] behind gloo-worker's messages, so imports and
//! optimisation run off the page's main thread. The page spawns it from Trunk's loader shim
//! (`zhucan-worker_loader.js`, a same-origin script, allowed by a strict Content-Security-Policy).
//!
//! If the worker panics, the page must find out: a panic in WebAssembly ends the worker without a
//! reply, and gloo-worker gives the page no handle on the `Worker` to watch. So the page first
//! names a `BroadcastChannel` (unique to that page), and the worker's panic hook posts the panic
//! message there; the page then starts a fresh worker and gives it the data again.
//!
//! A table the user chooses is not read by the page: the page posts the `File` itself (a handle,
//! structured-cloned by the browser, no bytes copied) beside the message ([`SideCodec`],
//! [`JsSide`]), and the worker reads it here with `FileReaderSync`, a slice at a time
//! ([`BlobSlices`]), straight into the CSV stream or the GeoJSON reader — twice if need be (the
//! column-mapping step, then the import), never holding it whole.

use std::cell::RefCell;

use gloo::worker::{Bincode, Codec, HandlerId, Worker, WorkerScope};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::core::io::stream::{BySlices, Slices};
use crate::core::planner::session::population::{LayerData, LayerSource, RasterProblem};
use crate::core::planner::session::{OpenProblem, Reply, Request, Role, Session};
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

/// The worker's message encoding: gloo-worker's bincode, and beside it the message's
/// [`JsSide`] values — posted as `[bytes, value…]` when there are any, so the browser clones
/// them with the message (in the same order as every other message), as the bytes alone
/// otherwise.
#[derive(Debug)]
pub struct SideCodec;

impl Codec for SideCodec {
    fn encode<I: Serialize>(input: I) -> JsValue {
        OUTGOING.with(|o| o.borrow_mut().clear());
        let bytes = Bincode::encode(input);
        let side = OUTGOING.with(|o| std::mem::take(&mut *o.borrow_mut()));
        if side.is_empty() {
            return bytes;
        }
        let all = js_sys::Array::new();
        all.push(&bytes);
        for v in side {
            all.push(&v);
        }
        all.into()
    }

    fn decode<O: for<'de> Deserialize<'de>>(input: JsValue) -> O {
        if !js_sys::Array::is_array(&input) {
            return Bincode::decode(input);
        }
        let all: js_sys::Array = input.unchecked_into();
        INCOMING.with(|i| *i.borrow_mut() = all.iter().skip(1).map(Some).collect());
        let out = Bincode::decode(all.get(0));
        INCOMING.with(|i| i.borrow_mut().clear());
        out
    }
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

/// The planner worker.
pub struct PlannerWorker {
    session: Session,
}

impl Worker for PlannerWorker {
    type Message = ();
    type Input = WorkerInput;
    type Output = Reply;

    fn create(_scope: &WorkerScope<Self>) -> Self {
        PlannerWorker { session: Session::searching() }
    }

    fn update(&mut self, _scope: &WorkerScope<Self>, _msg: ()) {}

    fn received(&mut self, scope: &WorkerScope<Self>, input: WorkerInput, id: HandlerId) {
        match input {
            WorkerInput::Setup { crash_channel } => CRASH_CHANNEL.with(|c| *c.borrow_mut() = Some(crash_channel)),
            WorkerInput::Plan(request) => self.session.handle(request, &mut |reply| scope.respond(id, reply)),
            WorkerInput::OpenFile { role, name, file, sheet, locale } => {
                let reply = match BlobSlices::new(file.0) {
                    Ok(source) => self.session.open_source(role, name, Box::new(BySlices(source)), sheet.as_deref(), locale),
                    Err(detail) => Reply::OpenFailed { role, name, problem: OpenProblem::Unreadable { detail } },
                };
                scope.respond(id, reply);
            }
            WorkerInput::RasterFiles { layers, extra_name, reach_m } => {
                let mut sources = Vec::with_capacity(layers.len());
                for (name, file, extra) in layers {
                    match BlobSlices::new(file.0) {
                        Ok(s) => sources.push(LayerSource { name, data: LayerData::File(Box::new(s)), extra }),
                        Err(_) => {
                            let (_, from) = self.session.raster_window();
                            return scope.respond(id, Reply::RasterFailed { name, from, problem: RasterProblem::Damaged });
                        }
                    }
                }
                self.session.import_raster_files(sources, extra_name, reach_m, &mut |reply| scope.respond(id, reply));
            }
            #[cfg(feature = "test-hooks")]
            WorkerInput::TestPanic => panic!("zhucan test panic in the planner worker (triggered on purpose)"),
        }
    }
}
