//! The planners' site planner (选址规划). The page only renders and dispatches; imports and
//! optimisation run in the planner worker (`zhucan-worker`), so the page never freezes.

mod files;
mod map;
mod persist;
mod results;
mod scenario_view;
mod settings_view;
pub mod state;
pub mod text;

use std::cell::RefCell;
use std::rc::Rc;

use gloo::worker::{Spawnable, WorkerBridge};
use wasm_bindgen::JsCast;
use yew::prelude::*;

use self::files::FileCardView;
use self::results::ResultsView;
use self::settings_view::SettingsView;
use self::state::{slot, PlanAction, PlannerState};
use self::text::plan_texts;
use crate::core::planner::project::{self, Contents, Saved};
use crate::core::planner::session::{
    OpenProblem, Reply, Request, Role, RunProblem, Step, DEMO_CANDIDATES, DEMO_CELLS, DEMO_EXISTING, MAX_FILE_BYTES,
};
use crate::core::Locale;
use crate::ui::planner_host::{PLANNER_ROOT_ID, SETTINGS_EVENT};
use crate::worker::{PlannerWorker, WorkerInput, LOADER};

type Bridge = Rc<RefCell<Option<WorkerBridge<PlannerWorker>>>>;
/// File bytes kept in memory, to replay into a fresh worker after a cancel.
type Kept = Rc<RefCell<[Option<(String, Rc<Vec<u8>>)>; 3]>>;

/// Properties of [`Planner`].
#[derive(Properties, PartialEq)]
pub struct PlannerProps {
    /// Interface language.
    pub locale: Locale,
}

fn spawn(bridge: &Bridge, state: &UseReducerHandle<PlannerState>) {
    let dispatch = state.dispatcher();
    // Trunk's loader shim (`importScripts`, wasm-bindgen "no-modules"): a same-origin script, which
    // a strict Content-Security-Policy allows (gloo's default blob: shim would be blocked).
    let b = PlannerWorker::spawner()
        .callback(move |reply: Reply| dispatch.dispatch(PlanAction::Worker(reply)))
        .with_loader(true)
        .as_module(false)
        .spawn(LOADER);
    b.send(WorkerInput::Setup { crash_channel: crash_channel() });
    *bridge.borrow_mut() = Some(b);
}

thread_local! {
    /// This page's crash channel: a `BroadcastChannel` name unique to the page (channels reach
    /// every tab of the origin, and another tab's worker is none of this page's business).
    static CRASH_CHANNEL: String = format!("zhucan-planner-crash-{}", js_sys::Math::random().to_bits());
    /// Sends the worker a panic on purpose (tests only), through the current bridge.
    static TEST_PANIC: RefCell<Option<Callback<()>>> = const { RefCell::new(None) };
}

fn crash_channel() -> String {
    CRASH_CHANNEL.with(Clone::clone)
}

/// Makes the planner's worker panic on purpose, so the end-to-end tests can check that the page
/// notices and recovers. The planner app exports it to JavaScript as `zhucanTestWorkerPanic`
/// (`src/bin/planner.rs`; not from the library, which would put it in the calculator's download).
pub fn test_worker_panic() {
    if let Some(cb) = TEST_PANIC.with(|t| t.borrow().clone()) {
        cb.emit(());
    }
}

/// Sends a request, starting the worker first if it is not running: residents who never open the
/// planner never download it.
fn send(bridge: &Bridge, state: &UseReducerHandle<PlannerState>, request: Request) {
    if bridge.borrow().is_none() {
        spawn(bridge, state);
    }
    if let Some(b) = bridge.borrow().as_ref() {
        b.send(WorkerInput::Plan(request));
    }
}

/// Brings saved work back (after a reload, or from a project file): the state, then the files
/// opened and imported with their saved mapping, then a run if there was a result.
fn restore(bridge: &Bridge, state: &UseReducerHandle<PlannerState>, kept: &Kept, saved: Saved, files: Vec<Contents>) {
    state.dispatch(PlanAction::Restore(Box::new(saved.clone())));
    if saved.demo {
        send(bridge, state, Request::Demo);
    }
    for (role, name, map, crs, skip) in saved.files {
        let Some((_, _, bytes)) = files.iter().find(|f| f.0 == role) else { continue };
        kept.borrow_mut()[slot(role)] = Some((name.clone(), Rc::new(bytes.clone())));
        send(bridge, state, Request::Open { role, name, bytes: bytes.clone() });
        send(bridge, state, Request::Import { role, map, crs, skip_bad_rows: skip });
    }
    if saved.had_result && (saved.demo || kept.borrow()[0].is_some()) {
        if let Ok(settings) = saved.form.clone().unwrap_or_default().validate(usize::MAX) {
            state.dispatch(PlanAction::Running);
            send(bridge, state, Request::Run { settings, choices: saved.choices });
        }
    }
}

/// Sends everything needed to rebuild the worker's data: the demo, or the kept files.
fn replay(bridge: &Bridge, handle: &UseReducerHandle<PlannerState>, kept: &Kept) {
    let state: &PlannerState = handle;
    if state.demo {
        send(bridge, handle, Request::Demo);
        return;
    }
    for role in Role::ALL {
        let card = &state.cards[slot(role)];
        let Some(u) = card.in_use.as_ref() else { continue };
        if let Some((name, bytes)) = kept.borrow()[slot(role)].clone() {
            send(bridge, handle, Request::Open { role, name, bytes: bytes.to_vec() });
            send(bridge, handle, Request::Import { role, map: u.map.clone(), crs: u.crs, skip_bad_rows: u.skipped });
        }
    }
}

/// Drops the worker (a busy one stops after its current step; a panicked one is gone) and gives
/// a fresh one the data again; `message` tells the user why.
fn restart(bridge: &Bridge, state: &UseReducerHandle<PlannerState>, kept: &Kept, message: &str) {
    *bridge.borrow_mut() = None;
    replay(bridge, state, kept);
    state.dispatch(PlanAction::Restarted(message.to_string()));
}

/// The planner tab.
#[function_component]
pub fn Planner(props: &PlannerProps) -> Html {
    let l = props.locale;
    let t = plan_texts(l);
    let state = use_reducer_eq(PlannerState::default);
    let bridge: Bridge = use_mut_ref(|| None);
    let kept: Kept = use_mut_ref(Default::default);
    // Bytes of files read but not yet accepted: they become `kept` (and saved) only on acceptance.
    let pending: Kept = use_mut_ref(Default::default);
    let readers = use_mut_ref(Vec::<gloo::file::callbacks::FileReader>::new);
    let persist_ok = use_state(|| true);

    // Start the worker, and restore the saved work.
    {
        let (bridge, state, kept, persist_ok) = (bridge.clone(), state.clone(), kept.clone(), persist_ok.clone());
        use_effect_with((), move |_| {
            if let Some(saved) = persist::load_meta().filter(|s| s.demo || !s.files.is_empty()) {
                let (bridge, state) = (bridge.clone(), state.clone());
                wasm_bindgen_futures::spawn_local(async move {
                    let mut files = Vec::new();
                    for (role, name, ..) in &saved.files {
                        match persist::load_file(*role).await {
                            Some(bytes) => files.push((*role, name.clone(), bytes)),
                            None => persist_ok.set(false),
                        }
                    }
                    restore(&bridge, &state, &kept, saved, files);
                });
            }
        });
    }
    // Save the small state whenever it changes.
    {
        let persist_ok = persist_ok.clone();
        use_effect_with(state.saved(), move |saved| {
            if !persist::save_meta(saved) {
                persist_ok.set(false);
            }
        });
    }

    // A newly accepted file: keep its bytes for replay, and save them.
    {
        let (kept, pending, persist_ok) = (kept.clone(), pending.clone(), persist_ok.clone());
        let in_use: Vec<Option<String>> = state.cards.iter().map(|c| c.in_use.as_ref().map(|u| u.name.clone())).collect();
        use_effect_with(in_use, move |in_use| {
            for role in Role::ALL {
                let i = slot(role);
                let Some(name) = &in_use[i] else { continue };
                let Some((pname, bytes)) = pending.borrow_mut()[i].take() else { continue };
                if &pname != name {
                    continue;
                }
                kept.borrow_mut()[i] = Some((pname, bytes.clone()));
                let persist_ok = persist_ok.clone();
                wasm_bindgen_futures::spawn_local(async move {
                    if !persist::store_file(role, &bytes).await {
                        persist_ok.set(false);
                    }
                });
            }
        });
    }

    let on_file = {
        let (bridge, state, pending, readers) = (bridge.clone(), state.clone(), pending.clone(), readers.clone());
        Callback::from(move |(role, file): (Role, web_sys::File)| {
            // Refused before reading: nothing is loaded into memory, the data in use stays.
            if file.size() > MAX_FILE_BYTES as f64 {
                let problem =
                    OpenProblem::TooLarge { mb: (file.size() / 1_048_576.0).round() as u64, limit_mb: (MAX_FILE_BYTES / 1_048_576) as u64 };
                state.dispatch(PlanAction::Worker(Reply::OpenFailed { role, name: file.name(), problem }));
                return;
            }
            state.dispatch(PlanAction::Opening(role));
            let (bridge, pending, state) = (bridge.clone(), pending.clone(), state.clone());
            let reader = crate::ui::browser::read_file(file, MAX_FILE_BYTES, move |name, bytes| {
                let bytes = Rc::new(bytes);
                pending.borrow_mut()[slot(role)] = Some((name.clone(), bytes.clone()));
                send(&bridge, &state, Request::Open { role, name, bytes: bytes.to_vec() });
            });
            readers.borrow_mut().push(reader);
        })
    };
    let on_import = {
        let (bridge, state) = (bridge.clone(), state.clone());
        Callback::from(move |(role, skip): (Role, bool)| {
            let card = &state.cards[slot(role)];
            let Some(crs) = card.crs else {
                state.dispatch(PlanAction::NeedCrs(role));
                return;
            };
            state.dispatch(PlanAction::Importing(role));
            send(&bridge, &state, Request::Import { role, map: card.map.clone(), crs, skip_bad_rows: skip });
        })
    };
    let on_clear = {
        let (bridge, state, kept) = (bridge.clone(), state.clone(), kept.clone());
        Callback::from(move |role: Role| {
            kept.borrow_mut()[slot(role)] = None;
            state.dispatch(PlanAction::Clear(role));
            send(&bridge, &state, Request::Clear { role });
            wasm_bindgen_futures::spawn_local(persist::forget_file(role));
        })
    };
    let on_demo = {
        let (bridge, state) = (bridge.clone(), state.clone());
        Callback::from(move |_: MouseEvent| {
            state.dispatch(PlanAction::DemoRequested);
            send(&bridge, &state, Request::Demo);
        })
    };
    let n_candidates = state.result.as_ref().map(|r| r.sites.len()).or_else(|| {
        if state.demo {
            Some(60)
        } else {
            state.cards[1].in_use.as_ref().map(|u| u.rows)
        }
    });
    // Settings that stop a run, listed above the run button (each links to its field).
    let run_errors = use_state(Vec::<crate::core::planner::form::SettingsError>::new);
    let on_run = {
        let (bridge, state, run_errors) = (bridge.clone(), state.clone(), run_errors.clone());
        Callback::from(move |_: MouseEvent| {
            if !state.ready() {
                state.dispatch(PlanAction::Notice(Some(plan_texts(l).need_data.to_string())));
                return;
            }
            match state.form.validate(n_candidates.unwrap_or(usize::MAX)) {
                Ok(settings) => {
                    run_errors.set(Vec::new());
                    state.dispatch(PlanAction::Running);
                    send(&bridge, &state, Request::Run { settings, choices: state.choices.clone() });
                }
                Err(errors) => run_errors.set(errors),
            }
        })
    };
    // Focus moves to the summary once it is on screen, so a screen reader reads it first.
    use_effect_with(run_errors.clone(), |errors| {
        if !errors.is_empty() {
            crate::ui::browser::focus("plan-error-summary");
        }
    });
    let error_summary = (!run_errors.is_empty()).then(|| {
        let items = run_errors.iter().map(|e| {
            let id = settings_view::field_id(&e.field);
            let onclick = Callback::from(move |_: MouseEvent| crate::ui::browser::focus(&id));
            html! { <li><button type="button" class="link-button" {onclick}>{ e.message(l) }</button></li> }
        });
        html! {
            <div id="plan-error-summary" class="error-summary" role="alert" tabindex="-1">
                <p class="field-error">{ t.fix_settings }</p>
                <ul>{ for items }</ul>
            </div>
        }
    });
    let on_cancel = {
        let (bridge, state, kept) = (bridge.clone(), state.clone(), kept.clone());
        Callback::from(move |_: MouseEvent| restart(&bridge, &state, &kept, plan_texts(l).cancelled))
    };
    // If the worker panics (its hook posts on this page's crash channel): a fresh worker gets the
    // data again, and the user is told; nothing they loaded or set is lost. Rebuilt every render
    // so that it replays the current files.
    let on_crash = use_mut_ref(|| None::<Callback<String>>);
    *on_crash.borrow_mut() = Some({
        let (bridge, state, kept) = (bridge.clone(), state.clone(), kept.clone());
        Callback::from(move |message: String| {
            web_sys::console::warn_2(&"zhucan: the planner's worker stopped and was restarted:".into(), &message.into());
            restart(&bridge, &state, &kept, plan_texts(l).worker_crashed);
        })
    });
    {
        let (on_crash, bridge) = (on_crash.clone(), bridge.clone());
        use_effect_with((), move |_| {
            // For the tests: a panic in the worker on purpose, through the current bridge.
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
                    let cb = on_crash.borrow().clone();
                    if let Some(cb) = cb {
                        cb.emit(text);
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
    let dispatch = {
        let state = state.clone();
        Callback::from(move |a: PlanAction| state.dispatch(a))
    };
    let on_save_project = {
        let (state, kept) = (state.clone(), kept.clone());
        Callback::from(move |_: MouseEvent| {
            let files: Vec<Contents> = Role::ALL
                .iter()
                .filter_map(|&role| kept.borrow()[slot(role)].as_ref().map(|(name, bytes)| (role, name.clone(), bytes.to_vec())))
                .collect();
            crate::ui::browser::download("zhucan-project.json", "application/json", &project::to_json(&state.saved(), &files));
        })
    };
    let project_problem = use_state(|| None::<String>);
    let on_open_project = {
        let (bridge, state, kept, readers, problem) =
            (bridge.clone(), state.clone(), kept.clone(), readers.clone(), project_problem.clone());
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            let Some(file) = crate::ui::browser::first_file_of_input(&input) else { return };
            input.set_value("");
            let (bridge, state, kept, problem) = (bridge.clone(), state.clone(), kept.clone(), problem.clone());
            // A project file may hold one data file at its size limit, in base64 (a third larger).
            let reader = crate::ui::browser::read_file(file, MAX_FILE_BYTES / 3 * 4, move |name, bytes| {
                let text = String::from_utf8_lossy(&bytes);
                match project::from_json(&text) {
                    Ok((saved, files)) => {
                        problem.set(None);
                        // Kept on the device too, so a reload brings the project back.
                        for (role, _, bytes) in &files {
                            let (role, bytes) = (*role, bytes.clone());
                            wasm_bindgen_futures::spawn_local(async move {
                                let _ = persist::store_file(role, &bytes).await;
                            });
                        }
                        *bridge.borrow_mut() = None;
                        *kept.borrow_mut() = Default::default();
                        restore(&bridge, &state, &kept, saved, files);
                    }
                    Err(err) => problem.set(Some((plan_texts(l).project_problem)(&name, &err.message(l)))),
                }
            });
            readers.borrow_mut().push(reader);
        })
    };

    let cards = Role::ALL.iter().map(|&role| {
        html! {
            <FileCardView {role} card={state.cards[slot(role)].clone()} locale={l} demo={state.demo}
                on_file={on_file.clone()} on_import={on_import.clone()} on_clear={on_clear.clone()} dispatch={dispatch.clone()} />
        }
    });
    let progress = state.running.map(|step| {
        let (text, value) = match step {
            Step::Coverage => (t.step_coverage, 1),
            Step::Selecting => (t.step_selecting, 2),
            Step::Drawing => (t.step_drawing, 3),
        };
        html! {
            <div class="progress" role="status">
                <label for="plan-progress">{ text }</label>
                <progress id="plan-progress" max="3" value={value.to_string()}>{ format!("{value}/3") }</progress>
                <button type="button" id="plan-cancel" class="button secondary" onclick={on_cancel.clone()}>{ t.cancel_button }</button>
            </div>
        }
    });

    html! {
        <div class="planner">
            <section class="form-section" aria-labelledby="plan-data-heading">
                <h3 id="plan-data-heading">{ t.data_heading }</h3>
                <div class="actions">
                    <button type="button" id="plan-demo" class="button secondary" onclick={on_demo}>{ t.demo_button }</button>
                    <label for="plan-project-file" class="button secondary file-button">{ t.open_project }</label>
                    <input type="file" id="plan-project-file" class="visually-hidden" accept=".json,application/json" onchange={on_open_project} />
                    if state.demo || state.cards.iter().any(|c| c.in_use.is_some()) {
                        <button type="button" id="plan-save-project" class="button secondary" onclick={on_save_project}>{ t.save_project }</button>
                    }
                </div>
                if let Some(p) = &*project_problem {
                    <p class="field-error" role="alert">{ p.clone() }</p>
                }
                if state.demo {
                    <p class="file-status ok" role="status">{ t.demo_loaded }</p>
                }
                <p class="field-hint">{ (t.demo_note)(DEMO_CELLS, DEMO_CANDIDATES, DEMO_EXISTING) }</p>
                <div class="file-cards">{ for cards }</div>
                <p class="field-hint">{ if *persist_ok { t.persist_note } else { t.persist_off } }</p>
            </section>
            <SettingsView form={state.form.clone()} extra_names={state.extra_names()} {n_candidates} locale={l} dispatch={dispatch.clone()} />
            { error_summary.unwrap_or_default() }
            <div class="actions">
                <button type="button" id="plan-run" class="button primary" onclick={on_run} disabled={state.running.is_some()}>{ t.run_button }</button>
            </div>
            { progress.unwrap_or_default() }
            if let Some(n) = &state.notice {
                <p class="notice" role="status">{ n.clone() }</p>
            }
            if let Some(p) = state.run_problem {
                <p class="notice" role="status">{ match p {
                    RunProblem::NoData | RunProblem::NotOpened => t.need_data,
                    RunProblem::BadRadius => t.bad_radius,
                } }</p>
            }
            if let Some(view) = &state.result {
                <ResultsView view={view.clone()} choices={state.choices.clone()} selected={state.selected}
                    compare={state.compare.clone()} show_all={state.show_all} pinned={state.pinned.clone()} locale={l} dispatch={dispatch.clone()} />
            }
        </div>
    }
}

/// The planner as its own app (`src/bin/planner.rs`), inside the page's planner tab: follows the
/// page's language (`<html lang>`, re-read on each [`SETTINGS_EVENT`]).
#[function_component]
pub fn PlannerApp() -> Html {
    let locale = use_state_eq(page_locale);
    {
        let locale = locale.clone();
        use_effect_with((), move |_| {
            let listener =
                web_sys::window().map(|w| gloo::events::EventListener::new(&w, SETTINGS_EVENT, move |_| locale.set(page_locale())));
            move || drop(listener)
        });
    }
    html! { <Planner locale={*locale} /> }
}

/// The page's language, from `<html lang>`; Chinese if it says nothing readable.
fn page_locale() -> Locale {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
        .and_then(|html| html.get_attribute("lang"))
        .and_then(|tag| Locale::parse(&tag))
        .unwrap_or_default()
}

/// The element the planner app mounts into, if the page has one.
pub fn mount_point() -> Option<web_sys::Element> {
    web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id(PLANNER_ROOT_ID))
}
