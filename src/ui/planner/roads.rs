//! The road file's card: choose a city's road lines (GeoJSON), say which coordinate system they
//! were drawn in, use them (the worker builds the walking network, with a cancel button), and see
//! what was read. And the maximum snap distance, with the settings, when roads are in use.

use yew::prelude::*;

use super::files::{chosen_crs, crs_options, one_file_handlers};
use super::roads_text::{length_km, roads_texts};
use super::state::RoadsCard;
use super::text::plan_texts;
use crate::core::io::crs::Crs;
use crate::core::locale::thousands;
use crate::core::planner::session::roads::{parse_max_snap, DEFAULT_MAX_SNAP_M};
use crate::core::Locale;

/// Properties of [`RoadsCardView`].
#[derive(Properties, PartialEq)]
pub struct RoadsProps {
    /// Its state.
    pub card: RoadsCard,
    /// Interface language.
    pub locale: Locale,
    /// A file was chosen.
    pub on_file: Callback<web_sys::File>,
    /// A coordinate system chosen (`None`: not one the planner knows).
    pub on_crs: Callback<Option<Crs>>,
    /// "Use this road file" pressed.
    pub on_use: Callback<()>,
    /// "Remove" pressed.
    pub on_clear: Callback<()>,
    /// "Cancel" pressed while the network is built.
    pub on_cancel: Callback<()>,
}

/// The road file's card.
#[function_component]
pub fn RoadsCardView(props: &RoadsProps) -> Html {
    let l = props.locale;
    let (t, r) = (plan_texts(l), roads_texts(l));
    let card = &props.card;
    let (on_change, on_drop) = one_file_handlers(&props.on_file);
    let on_dragover = Callback::from(|e: DragEvent| e.prevent_default());
    let on_crs = props.on_crs.reform(|e: Event| chosen_crs(&e));
    let crs_options = crs_options(l, card.crs);
    let report = card.report.as_ref().filter(|_| card.in_use.is_some()).map(|rep| {
        html! {
            <div class="file-status ok" role="status" id="plan-roads-report">
                <p class="in-use long-text">{ (r.in_use)(&rep.name, rep.lines, &length_km(rep.length_m)) }</p>
                <p>{ (r.network)(rep.nodes, rep.segments, rep.pieces) }</p>
                if rep.pieces > 1 {
                    <p>{ (r.pieces_note)(rep.pieces) }</p>
                }
                if rep.not_walkable > 0 {
                    <p>{ (r.not_walkable)(rep.not_walkable) }</p>
                }
                if rep.not_lines > 0 {
                    <p>{ (r.not_lines)(rep.not_lines) }</p>
                }
                <p>{ r.when_used }</p>
            </div>
        }
    });
    html! {
        <section class="file-card" aria-labelledby="plan-roads-title" ondragover={on_dragover} ondrop={on_drop}>
            <h4 id="plan-roads-title">{ r.title }</h4>
            <p class="field-hint">{ r.hint }</p>
            <div class="actions">
                <label for="plan-file-roads" class="button secondary file-button">{ t.choose_file }</label>
                <input type="file" id="plan-file-roads" class="visually-hidden" accept=".pbf,.osm.pbf,.geojson,.json,application/geo+json" onchange={on_change} />
                if card.in_use.is_some() || card.chosen.is_some() {
                    <button type="button" id="plan-roads-clear" class="button secondary" onclick={props.on_clear.reform(|_: MouseEvent| ())}>{ t.clear_file }</button>
                }
            </div>
            if let Some(name) = &card.busy {
                <div class="progress" role="status">
                    <p>{ (r.building)(name) }</p>
                    <button type="button" id="plan-roads-cancel" class="button secondary" onclick={props.on_cancel.reform(|_: MouseEvent| ())}>{ t.cancel_button }</button>
                </div>
            }
            if let Some((name, problem)) = &card.problem {
                <div class="file-status error" role="alert">
                    <p class="long-text">{ (r.failed)(name, &r.problem(problem)) }</p>
                    if card.in_use.is_some() {
                        <p>{ r.still_in_use }</p>
                    }
                </div>
            }
            { report.unwrap_or_default() }
            if let Some(name) = &card.chosen {
                <div class="mapping">
                    <p class="mapping-title long-text">{ name.clone() }</p>
                    <div class={classes!("field", card.need_crs.then_some("has-error"))}>
                        <label for="plan-roads-crs">{ t.crs_label }</label>
                        <p class="field-hint" id="plan-roads-crs-help">{ t.crs_help }</p>
                        if card.need_crs {
                            <p class="field-error" id="plan-roads-crs-error">{ t.crs_needed }</p>
                        }
                        <select id="plan-roads-crs" onchange={on_crs} aria-describedby="plan-roads-crs-help"
                            aria-invalid={if card.need_crs { "true" } else { "false" }}>
                            if card.crs.is_none() {
                                <option value="" selected=true disabled=true>{ t.crs_choose }</option>
                            }
                            <>{ for crs_options }</>
                        </select>
                    </div>
                    <button type="button" id="plan-roads-use" class="button primary" disabled={card.busy.is_some()}
                        onclick={props.on_use.reform(|_: MouseEvent| ())}>{ r.use_button }</button>
                </div>
            }
        </section>
    }
}

/// Properties of [`MaxSnapField`].
#[derive(Properties, PartialEq)]
pub struct MaxSnapProps {
    /// As typed (empty: the default).
    pub value: String,
    /// Interface language.
    pub locale: Locale,
    /// Typed.
    pub on_input: Callback<String>,
}

/// The maximum snap distance, with its reason (shown with the settings when roads are in use).
#[function_component]
pub fn MaxSnapField(props: &MaxSnapProps) -> Html {
    let r = roads_texts(props.locale);
    let error = Some(props.value.trim()).filter(|v| !v.is_empty()).and_then(|v| parse_max_snap(v).err()).map(|e| r.snap_error(e));
    let on_input = props.on_input.reform(|e: InputEvent| e.target_unchecked_into::<web_sys::HtmlInputElement>().value());
    let described = if error.is_some() { "plan-max-snap-help plan-max-snap-error" } else { "plan-max-snap-help" };
    html! {
        <fieldset class="form-section" id="plan-walking">
            <legend>{ r.snap_heading }</legend>
            <div class={classes!("field", error.is_some().then_some("has-error"))}>
                <label for="plan-max-snap">{ r.snap_label }</label>
                <p class="field-hint" id="plan-max-snap-help">{ r.snap_help }</p>
                if let Some(e) = &error {
                    <p class="field-error" id="plan-max-snap-error">{ e.clone() }</p>
                }
                <input id="plan-max-snap" type="text" inputmode="decimal" value={props.value.clone()}
                    placeholder={thousands(DEFAULT_MAX_SNAP_M)} aria-describedby={described}
                    aria-invalid={if error.is_some() { "true" } else { "false" }} oninput={on_input} />
            </div>
        </fieldset>
    }
}
