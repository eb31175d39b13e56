//! The planner's Web Worker: the [`Session`] behind gloo-worker's messages, so imports and
//! optimisation run off the page's main thread. The page spawns it from Trunk's loader shim
//! (`zhucan-worker_loader.js`, a same-origin script, allowed by a strict Content-Security-Policy).
//!
//! If the worker panics, the page must find out: a panic in WebAssembly ends the worker without a
//! reply, and gloo-worker gives the page no handle on the `Worker` to watch. So the page first
//! names a `BroadcastChannel` (unique to that page), and the worker's panic hook posts the panic
//! message there; the page then starts a fresh worker and gives it the data again.

use std::cell::RefCell;

use gloo::worker::{HandlerId, Worker, WorkerScope};
use serde::{Deserialize, Serialize};

use crate::core::planner::session::{Reply, Request, Session};

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
    /// Panics on purpose, so the tests can check that the page recovers. Only in builds with the
    /// `test-hooks` feature (the page's and the worker's builds must agree).
    #[cfg(feature = "test-hooks")]
    TestPanic,
}

thread_local! {
    static CRASH_CHANNEL: RefCell<Option<String>> = const { RefCell::new(None) };
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
        PlannerWorker { session: Session::new() }
    }

    fn update(&mut self, _scope: &WorkerScope<Self>, _msg: ()) {}

    fn received(&mut self, scope: &WorkerScope<Self>, input: WorkerInput, id: HandlerId) {
        match input {
            WorkerInput::Setup { crash_channel } => CRASH_CHANNEL.with(|c| *c.borrow_mut() = Some(crash_channel)),
            WorkerInput::Plan(request) => self.session.handle(request, &mut |reply| scope.respond(id, reply)),
            #[cfg(feature = "test-hooks")]
            WorkerInput::TestPanic => panic!("zhucan test panic in the planner worker (triggered on purpose)"),
        }
    }
}
