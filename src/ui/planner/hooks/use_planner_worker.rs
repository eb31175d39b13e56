//! The planner's worker (`zhucan-worker`), seen from the page: started when first needed, sent
//! the planner's requests, and replaced by a fresh one given the same data when the user cancels
//! or when it panics. Imports and optimisation run there, so the page never freezes.

use std::cell::RefCell;
use std::rc::Rc;

use gloo::worker::{Spawnable, WorkerBridge};
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::core::planner::project::{Contents, Saved};
use crate::core::planner::session::{Reply, Request, Role};
use crate::ui::planner::state::{slot, PlanAction, PlannerState};
use crate::worker::{PlannerWorker, WorkerInput, LOADER};

type Bridge = Rc<RefCell<Option<WorkerBridge<PlannerWorker>>>>;
/// A file's name and bytes in each slot (demand, candidates, existing).
type Files = Rc<RefCell<[Option<(String, Rc<Vec<u8>>)>; 3]>>;

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

/// The page's end of the planner's worker, as of one render (see [`use_planner_worker`]). It
/// also holds the bytes of the files, so that a fresh worker can be given them again.
#[derive(Clone)]
pub struct PlannerBridge {
    bridge: Bridge,
    state: UseReducerHandle<PlannerState>,
    /// Bytes of the files in use: replayed into a fresh worker, saved in a project file.
    kept: Files,
    /// Bytes of files read but not yet accepted: they become `kept` only on acceptance.
    pending: Files,
}

impl PlannerBridge {
    fn spawn(&self) {
        let dispatch = self.state.dispatcher();
        // Trunk's loader shim (`importScripts`, wasm-bindgen "no-modules"): a same-origin script, which
        // a strict Content-Security-Policy allows (gloo's default blob: shim would be blocked).
        let b = PlannerWorker::spawner()
            .callback(move |reply: Reply| dispatch.dispatch(PlanAction::Worker(reply)))
            .with_loader(true)
            .as_module(false)
            .spawn(LOADER);
        b.send(WorkerInput::Setup { crash_channel: crash_channel() });
        *self.bridge.borrow_mut() = Some(b);
    }

    /// Sends a request, starting the worker first if it is not running: residents who never open
    /// the planner never download it. Its replies arrive as [`PlanAction::Worker`].
    pub fn send(&self, request: Request) {
        if self.bridge.borrow().is_none() {
            self.spawn();
        }
        if let Some(b) = self.bridge.borrow().as_ref() {
            b.send(WorkerInput::Plan(request));
        }
    }

    /// Opens a file just read: its bytes wait until the worker accepts the file (see
    /// [`PlannerBridge::accept_pending`]).
    pub fn open(&self, role: Role, name: String, bytes: Vec<u8>) {
        let bytes = Rc::new(bytes);
        self.pending.borrow_mut()[slot(role)] = Some((name.clone(), bytes.clone()));
        self.send(Request::open(role, name, bytes.to_vec()));
    }

    /// Keeps the bytes of the files the worker has accepted since: those whose pending name is
    /// now the name in use (`in_use`, by slot). Returns them, to be saved on the device.
    pub fn accept_pending(&self, in_use: &[Option<String>]) -> Vec<(Role, Rc<Vec<u8>>)> {
        let mut accepted = Vec::new();
        for role in Role::ALL {
            let i = slot(role);
            let Some(name) = in_use.get(i).and_then(Option::as_ref) else { continue };
            let Some((pname, bytes)) = self.pending.borrow_mut()[i].take() else { continue };
            if &pname != name {
                continue;
            }
            self.kept.borrow_mut()[i] = Some((pname, bytes.clone()));
            accepted.push((role, bytes));
        }
        accepted
    }

    /// Lets a removed file's bytes go (the worker is told separately, with [`Request::Clear`]).
    pub fn forget(&self, role: Role) {
        self.kept.borrow_mut()[slot(role)] = None;
    }

    /// The files in use, with their names and bytes (for a project file).
    pub fn kept_files(&self) -> Vec<Contents> {
        Role::ALL
            .iter()
            .filter_map(|&role| self.kept.borrow()[slot(role)].as_ref().map(|(name, bytes)| (role, name.clone(), bytes.to_vec())))
            .collect()
    }

    /// Brings saved work back (after a reload, or from a project file): the state, then the files
    /// opened and imported with their saved mapping, then a run if there was a result.
    pub fn restore(&self, saved: Saved, files: Vec<Contents>) {
        self.state.dispatch(PlanAction::Restore(Box::new(saved.clone())));
        if saved.demo {
            self.send(Request::Demo);
        }
        for (role, name, map, crs, skip) in saved.files {
            let Some((_, _, bytes)) = files.iter().find(|f| f.0 == role) else { continue };
            self.kept.borrow_mut()[slot(role)] = Some((name.clone(), Rc::new(bytes.clone())));
            self.send(Request::open(role, name, bytes.clone()));
            self.send(Request::Import { role, map, crs, skip_bad_rows: skip });
        }
        if saved.had_result && (saved.demo || self.kept.borrow()[0].is_some()) {
            if let Ok(settings) = saved.form.clone().unwrap_or_default().validate(usize::MAX) {
                self.state.dispatch(PlanAction::Running);
                self.send(Request::Run { settings, choices: saved.choices });
            }
        }
    }

    /// Drops the worker and the files it had, then [restores](PlannerBridge::restore) `saved`
    /// into a fresh one (opening a project file).
    pub fn start_over(&self, saved: Saved, files: Vec<Contents>) {
        *self.bridge.borrow_mut() = None;
        *self.kept.borrow_mut() = Default::default();
        self.restore(saved, files);
    }

    /// Drops the worker (a busy one stops after its current step; a panicked one is gone) and gives
    /// a fresh one the data again; `message` tells the user why.
    pub fn restart(&self, message: &str) {
        *self.bridge.borrow_mut() = None;
        self.replay();
        self.state.dispatch(PlanAction::Restarted(message.to_string()));
    }

    /// Sends everything needed to rebuild the worker's data: the demo, or the kept files.
    fn replay(&self) {
        let state: &PlannerState = &self.state;
        if state.demo {
            self.send(Request::Demo);
            return;
        }
        for role in Role::ALL {
            let card = &state.cards[slot(role)];
            let Some(u) = card.in_use.as_ref() else { continue };
            let kept = self.kept.borrow()[slot(role)].clone();
            if let Some((name, bytes)) = kept {
                self.send(Request::open(role, name, bytes.to_vec()));
                self.send(Request::Import { role, map: u.map.clone(), crs: u.crs, skip_bad_rows: u.skipped });
            }
        }
    }
}

/// The planner's worker for a component whose state is `state`. Returns the [`PlannerBridge`] to
/// send it requests; the worker itself starts with the first request. Listens on this page's
/// crash channel: if the worker panics (its hook posts there), a fresh worker gets the current
/// data again and the user is told `crashed`; nothing they loaded or set is lost.
#[hook]
pub fn use_planner_worker(state: &UseReducerHandle<PlannerState>, crashed: &'static str) -> PlannerBridge {
    let worker = PlannerBridge {
        bridge: use_mut_ref(|| None),
        state: state.clone(),
        kept: use_mut_ref(Default::default),
        pending: use_mut_ref(Default::default),
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
