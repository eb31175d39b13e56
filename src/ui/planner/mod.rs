//! The planners' site planner (选址规划). The page only renders and dispatches; imports and
//! optimisation run in the planner worker (`zhucan-worker`), so the page never freezes. The side
//! effects (the worker, keeping the work on the device, reading files, the page's language) are
//! hooks in `hooks/`.

mod boundary;
mod data_text;
mod error_summary;
mod files;
mod hooks;
mod map;
mod models_view;
mod persist;
mod results;
mod roads;
mod roads_text;
mod scenario_view;
mod settings_view;
pub mod state;
pub mod text;

use wasm_bindgen::JsCast;
use yew::prelude::*;

use self::boundary::BoundaryCardView;
use self::data_text::data_texts;
use self::error_summary::ErrorSummary;
use self::files::FileCardView;
#[cfg(feature = "test-hooks")]
pub use self::hooks::test_worker_panic;
use self::hooks::{use_file_readers, use_persisted_plan, use_planner_worker};
use self::results::ResultsView;
use self::roads::{MaxSnapField, RoadsCardView};
use self::settings_view::SettingsView;
use self::state::{slot, CardProblem, MapField, PlanAction, PlannerState};
use self::text::plan_texts;
use crate::core::io::crs::Crs;
use crate::core::planner::form::{SettingsError, SettingsForm};
use crate::core::planner::project;
use crate::core::planner::session::population::MAX_RASTER_FILE_BYTES;
use crate::core::planner::session::{
    OpenProblem, Reply, Request, Role, RunProblem, Step, DEMO_CANDIDATES, DEMO_CELLS, DEMO_EXISTING, MAX_FILE_BYTES, MAX_TABLE_BYTES,
};
use crate::core::Locale;
use crate::ui::hooks::use_page_locale;
use crate::ui::lazy_app::PLANNER_ROOT_ID;

/// Properties of [`Planner`].
#[derive(Properties, PartialEq)]
pub struct PlannerProps {
    /// Interface language.
    pub locale: Locale,
}

/// The planner tab.
#[function_component]
pub fn Planner(props: &PlannerProps) -> Html {
    let l = props.locale;
    let t = plan_texts(l);
    let d = data_texts(l);

    // State.
    let state = use_reducer_eq(PlannerState::default);
    // Settings that stop a run, listed above the run button (each links to its field).
    let run_errors = use_state(Vec::<SettingsError>::new);
    let project_problem = use_state(|| None::<String>);

    // Hooks: the worker, the work kept on the device, file reads.
    let worker = use_planner_worker(&state, t.worker_crashed, l);
    let persisted = use_persisted_plan(&state, &worker);
    let readers = use_file_readers();

    // Callbacks.
    let dispatch = state.dispatcher().to_callback();
    let on_file = {
        let (worker, state) = (worker.clone(), state.clone());
        Callback::from(move |(role, files): (Role, Vec<web_sys::File>)| {
            let limit_mb = (MAX_FILE_BYTES / 1_048_576) as u64;
            // Population rasters (the demand only): several at once, added up or kept as a weight.
            if role == Role::Demand && files.iter().all(|f| is_raster(&f.name())) {
                // Refused before they are sent, as one table is: ASCII rasters are read whole
                // (together at most MAX_FILE_BYTES), a GeoTIFF by ranges (each at most
                // MAX_RASTER_FILE_BYTES: only its window is read).
                let (tiffs, text): (Vec<&web_sys::File>, Vec<&web_sys::File>) = files.iter().partition(|f| is_tiff_name(&f.name()));
                let text_total: f64 = text.iter().map(|f| f.size()).sum();
                let biggest_tiff = tiffs.iter().map(|f| f.size()).fold(0.0, f64::max);
                let too_large = if text_total > MAX_FILE_BYTES as f64 {
                    Some((text_total, limit_mb))
                } else if biggest_tiff > MAX_RASTER_FILE_BYTES as f64 {
                    Some((biggest_tiff, MAX_RASTER_FILE_BYTES / 1_048_576))
                } else {
                    None
                };
                if let Some((bytes, limit_mb)) = too_large {
                    let mb = (bytes / 1_048_576.0).round() as u64;
                    state.dispatch(PlanAction::Problem(role, CardProblem::RastersTooLarge { mb, limit_mb }));
                    return;
                }
                // Not read by the page: the worker reads each `File`.
                let names = files.iter().map(|f| f.name()).collect();
                worker.choose_rasters(files);
                state.dispatch(PlanAction::RastersChosen(names));
                return;
            }
            if files.len() > 1 && role == Role::Demand {
                state.dispatch(PlanAction::Problem(role, CardProblem::Mixed));
                return;
            }
            let Some(file) = files.into_iter().next() else { return };
            // Refused before it is sent: the data in use stays. (The worker reads a table by
            // slices, so only what it imports grows with the size; a workbook, read whole, is
            // refused over MAX_FILE_BYTES by the worker.)
            if file.size() > MAX_TABLE_BYTES as f64 {
                let problem =
                    OpenProblem::TooLarge { mb: (file.size() / 1_048_576.0).round() as u64, limit_mb: MAX_TABLE_BYTES / 1_048_576 };
                state.dispatch(PlanAction::Worker(Reply::OpenFailed { role, name: file.name(), problem }));
                return;
            }
            state.dispatch(PlanAction::Opening(role));
            // The page does not read the file: the worker does, by slices.
            worker.open_file(role, file);
        })
    };
    let on_import = {
        let (worker, state) = (worker.clone(), state.clone());
        Callback::from(move |(role, skip): (Role, bool)| {
            let card = &state.cards[slot(role)];
            let Some(crs) = card.crs else {
                state.dispatch(PlanAction::NeedCrs(role));
                return;
            };
            state.dispatch(PlanAction::Importing(role));
            worker.send(Request::Import { role, map: card.map.clone(), crs, skip_bad_rows: skip });
        })
    };
    let on_clear = {
        let (worker, state, persisted) = (worker.clone(), state.clone(), persisted.clone());
        Callback::from(move |role: Role| {
            worker.forget(role);
            state.dispatch(PlanAction::Clear(role));
            worker.send(Request::Clear { role });
            persisted.forget_file(role);
        })
    };
    let on_map = dispatch.reform(|(role, field, col): (Role, MapField, Option<usize>)| PlanAction::SetMap(role, field, col));
    let on_crs = dispatch.reform(|(role, crs): (Role, Option<Crs>)| match crs {
        Some(c) => PlanAction::SetCrs(role, c),
        None => PlanAction::NeedCrs(role),
    });
    let on_extra = dispatch.reform(|(role, col, on): (Role, usize, bool)| PlanAction::ToggleExtra(role, col, on));
    let on_sheet = {
        let worker = worker.clone();
        Callback::from(move |(role, sheet): (Role, String)| worker.open_sheet(role, sheet))
    };
    let on_raster_extra = dispatch.reform(|(i, extra): (usize, bool)| PlanAction::RasterExtra(i, extra));
    let on_raster_name = dispatch.reform(PlanAction::RasterExtraName);
    let on_raster_import = {
        let (worker, state) = (worker.clone(), state.clone());
        Callback::from(move |_: ()| {
            let Some(step) = state.cards[slot(Role::Demand)].rasters.clone() else { return };
            let typed = step.extra_name.as_deref().map(str::trim).filter(|n| !n.is_empty());
            let name = typed.unwrap_or(data_texts(l).raster_extra_default).to_string();
            worker.import_rasters(&step.files, name, &state.form);
        })
    };
    let on_boundary_file = {
        let (worker, state, readers) = (worker.clone(), state.clone(), readers.clone());
        Callback::from(move |file: web_sys::File| {
            let (worker, state) = (worker.clone(), state.clone());
            readers.read(file, MAX_FILE_BYTES, move |name, bytes| {
                worker.choose_boundary(name.clone(), bytes);
                state.dispatch(PlanAction::BoundaryChosen(name));
            });
        })
    };
    let on_boundary_crs = dispatch.reform(|crs: Option<Crs>| match crs {
        Some(c) => PlanAction::BoundaryCrs(c),
        None => PlanAction::BoundaryNeedsCrs,
    });
    let on_boundary_use = {
        let (worker, state) = (worker.clone(), state.clone());
        Callback::from(move |_: ()| match state.boundary.crs {
            Some(crs) => worker.use_boundary(crs),
            None => state.dispatch(PlanAction::BoundaryNeedsCrs),
        })
    };
    let on_boundary_clear = {
        let (worker, state, persisted) = (worker.clone(), state.clone(), persisted.clone());
        Callback::from(move |_: ()| {
            worker.clear_boundary();
            state.dispatch(PlanAction::ClearBoundary);
            persisted.forget_boundary();
        })
    };
    let on_roads_file = {
        let (worker, state) = (worker.clone(), state.clone());
        Callback::from(move |file: web_sys::File| {
            let (worker, state) = (worker.clone(), state.clone());
            // Refused before reading when over the limit (the worker says so, in the card).
            if file.size() > MAX_FILE_BYTES as f64 {
                let problem = crate::core::planner::session::roads::RoadsProblem::TooLarge {
                    mb: (file.size() / 1_048_576.0).round() as u64,
                    limit_mb: (MAX_FILE_BYTES / 1_048_576) as u64,
                };
                state.dispatch(PlanAction::Worker(Reply::RoadsFailed { name: file.name(), problem }));
                return;
            }
            // Not read here: the worker reads the file itself when it is used.
            let name = file.name();
            worker.choose_roads(file);
            state.dispatch(PlanAction::RoadsChosen(name));
        })
    };
    let on_roads_crs = dispatch.reform(|crs: Option<Crs>| match crs {
        Some(c) => PlanAction::RoadsCrs(c),
        None => PlanAction::RoadsNeedsCrs,
    });
    let on_roads_use = {
        let (worker, state) = (worker.clone(), state.clone());
        Callback::from(move |_: ()| match state.roads.crs {
            Some(crs) => worker.use_roads(crs),
            None => state.dispatch(PlanAction::RoadsNeedsCrs),
        })
    };
    let on_roads_clear = {
        let (worker, state, persisted) = (worker.clone(), state.clone(), persisted.clone());
        Callback::from(move |_: ()| {
            worker.clear_roads();
            state.dispatch(PlanAction::ClearRoads);
            persisted.forget_roads();
        })
    };
    let on_roads_cancel = {
        let worker = worker.clone();
        Callback::from(move |_: ()| worker.cancel(plan_texts(l).cancelled))
    };
    let on_max_snap = dispatch.reform(PlanAction::MaxSnap);
    let on_demo = {
        let (worker, state) = (worker.clone(), state.clone());
        Callback::from(move |_: MouseEvent| {
            state.dispatch(PlanAction::DemoRequested);
            worker.send(Request::Demo);
        })
    };
    let n_candidates = state.n_candidates();
    let on_edit = dispatch.reform(|form: SettingsForm| PlanAction::Form(Box::new(form)));
    let on_run = {
        let (worker, state, run_errors) = (worker.clone(), state.clone(), run_errors.clone());
        Callback::from(move |_: MouseEvent| {
            if !state.ready() {
                state.dispatch(PlanAction::Notice(Some(plan_texts(l).need_data.to_string())));
                return;
            }
            let snap_typed = state.roads.max_snap.trim();
            if state.roads.in_use.is_some()
                && !snap_typed.is_empty()
                && crate::core::planner::session::roads::parse_max_snap(snap_typed).is_err()
            {
                // The field says what is wrong; focus it.
                if let Some(el) = web_sys::window()
                    .and_then(|w| w.document())
                    .and_then(|d| d.get_element_by_id("plan-max-snap"))
                    .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
                {
                    let _ = el.focus();
                }
                return;
            }
            match state.form.validate(n_candidates.unwrap_or(usize::MAX)) {
                Ok(settings) => {
                    run_errors.set(Vec::new());
                    state.dispatch(PlanAction::Running);
                    worker.send_max_snap(snap_typed);
                    worker.send(Request::Run { settings, choices: state.choices.clone() });
                }
                Err(errors) => run_errors.set(errors),
            }
        })
    };
    let on_cancel = {
        let worker = worker.clone();
        Callback::from(move |_: MouseEvent| worker.cancel(plan_texts(l).cancelled))
    };
    let on_save_project = {
        let (worker, state) = (worker.clone(), state.clone());
        Callback::from(move |_: MouseEvent| {
            let saved = state.saved();
            // The tables the user chose are read now (the page does not hold their bytes).
            let files_of = saved.clone();
            worker.with_kept_contents(&files_of, move |files| {
                crate::ui::browser::download("zhucan-project.json", "application/json", &project::to_json(&saved, &files));
            });
        })
    };
    let on_open_project = {
        let (worker, persisted, readers, problem) = (worker.clone(), persisted.clone(), readers.clone(), project_problem.clone());
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            let Some(file) = crate::ui::browser::first_file_of_input(&input) else { return };
            input.set_value("");
            let (worker, persisted, problem) = (worker.clone(), persisted.clone(), problem.clone());
            // A project file may hold one data file at its size limit, in base64 (a third larger).
            readers.read(file, MAX_FILE_BYTES / 3 * 4, move |name, bytes| {
                let text = String::from_utf8_lossy(&bytes);
                match project::from_json(&text) {
                    Ok((saved, files)) => {
                        problem.set(None);
                        // Kept on the device too, so a reload brings the project back.
                        persisted.store_files(&files);
                        worker.start_over(saved, files);
                    }
                    Err(err) => problem.set(Some((plan_texts(l).project_problem)(&name, &err.message(l)))),
                }
            });
        })
    };
    let on_select = dispatch.reform(|i: usize| PlanAction::Select(Some(i)));
    let on_lock = dispatch.reform(PlanAction::ToggleLock);
    let on_exclude = dispatch.reform(PlanAction::ToggleExclude);
    let on_compare = dispatch.reform(PlanAction::ToggleCompare);
    let on_show_all = dispatch.reform(|_: ()| PlanAction::ShowAll);
    let on_pin = dispatch.reform(|_: ()| PlanAction::TogglePin);
    let on_stop_search = {
        let worker = worker.clone();
        Callback::from(move |_: ()| worker.send(Request::StopSearch))
    };

    // Html.
    let cards = Role::ALL.iter().map(|&role| {
        html! {
            <FileCardView {role} card={state.cards[slot(role)].clone()} locale={l} demo={state.demo}
                on_file={on_file.clone()} on_import={on_import.clone()} on_clear={on_clear.clone()}
                on_map={on_map.clone()} on_crs={on_crs.clone()} on_extra={on_extra.clone()} on_sheet={on_sheet.clone()}
                on_raster_extra={on_raster_extra.clone()} on_raster_name={on_raster_name.clone()} on_raster_import={on_raster_import.clone()} />
        }
    });
    let progress = state.running.map(|step| {
        let (text, value) = match step {
            Step::Coverage => (t.step_coverage, 1),
            Step::Selecting => (t.step_selecting, 2),
            Step::Models => (text::model_texts(l).step_models, 3),
            Step::Drawing => (t.step_drawing, 4),
        };
        html! {
            <div class="progress" role="status">
                <label for="plan-progress">{ text }</label>
                <progress id="plan-progress" max="4" value={value.to_string()}>{ format!("{value}/4") }</progress>
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
                    if state.demo || state.cards.iter().any(|c| c.in_use.is_some()) || state.boundary.in_use.is_some() || state.roads.in_use.is_some() {
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
                <div class="file-cards">
                    <>{ for cards }</>
                    <BoundaryCardView card={state.boundary.clone()} locale={l} on_file={on_boundary_file} on_crs={on_boundary_crs}
                        on_use={on_boundary_use} on_clear={on_boundary_clear} />
                    <RoadsCardView card={state.roads.clone()} locale={l} on_file={on_roads_file} on_crs={on_roads_crs}
                        on_use={on_roads_use} on_clear={on_roads_clear} on_cancel={on_roads_cancel} />
                </div>
                <p class="field-hint">{ if persisted.ok { t.persist_note } else { t.persist_off } }</p>
                if persisted.too_big {
                    <p id="plan-persist-too-big" class="file-status" role="status">
                        { (t.persist_too_big)(crate::core::planner::data::KEPT_ON_DEVICE_MAX >> 20) }
                    </p>
                }
            </section>
            <SettingsView form={state.form.clone()} extra_names={state.extra_names()} {n_candidates} locale={l} {on_edit} />
            if state.roads.in_use.is_some() {
                <MaxSnapField value={state.roads.max_snap.clone()} locale={l} on_input={on_max_snap} />
            }
            if !run_errors.is_empty() {
                <ErrorSummary errors={(*run_errors).clone()} locale={l} />
            }
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
                    RunProblem::NothingInside => d.nothing_inside,
                } }</p>
            }
            if let Some(view) = &state.result {
                <ResultsView view={view.clone()} choices={state.choices.clone()} selected={state.selected}
                    compare={state.compare.clone()} show_all={state.show_all} pinned={state.pinned.clone()} locale={l}
                    roads={state.roads.view.clone()} certificate={state.certificate} run={state.plans}
                    {on_stop_search} {on_select} {on_lock} {on_exclude} {on_compare} {on_show_all} {on_pin} />
            }
        </div>
    }
}

/// A GeoTIFF by its name (read by ranges in the worker; other rasters are read whole).
fn is_tiff_name(name: &str) -> bool {
    let name = name.to_ascii_lowercase();
    name.ends_with(".tif") || name.ends_with(".tiff")
}

/// A population raster, by its name's ending: GeoTIFF, Esri ASCII grid, XYZ text.
fn is_raster(name: &str) -> bool {
    let name = name.to_ascii_lowercase();
    [".tif", ".tiff", ".asc", ".xyz"].iter().any(|ending| name.ends_with(ending))
}

/// The planner as its own app (`src/bin/planner.rs`), inside the page's planner tab: follows the
/// page's language (`<html lang>`, re-read on each settings event from the main app).
#[function_component]
pub fn PlannerApp() -> Html {
    let locale = use_page_locale();
    html! { <Planner {locale} /> }
}

/// The element the planner app mounts into, if the page has one.
pub fn mount_point() -> Option<web_sys::Element> {
    web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id(PLANNER_ROOT_ID))
}
