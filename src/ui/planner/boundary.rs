//! The study-area boundary's card: choose a district's or 街道's outline (GeoJSON), say which
//! coordinate system it was drawn in, use it, and see how many older people and candidate sites
//! it leaves out.

use yew::prelude::*;

use super::data_text::data_texts;
use super::files::{chosen_crs, crs_options, one_file_handlers};
use super::state::BoundaryCard;
use super::text::plan_texts;
use crate::core::io::crs::Crs;
use crate::core::locale::thousands;
use crate::core::Locale;

/// Properties of [`BoundaryCardView`].
#[derive(Properties, PartialEq)]
pub struct BoundaryProps {
    /// Its state.
    pub card: BoundaryCard,
    /// Interface language.
    pub locale: Locale,
    /// A file was chosen.
    pub on_file: Callback<web_sys::File>,
    /// A coordinate system chosen (`None`: not one the planner knows).
    pub on_crs: Callback<Option<Crs>>,
    /// "Use this boundary" pressed.
    pub on_use: Callback<()>,
    /// "Remove" pressed.
    pub on_clear: Callback<()>,
}

/// The boundary's card.
#[function_component]
pub fn BoundaryCardView(props: &BoundaryProps) -> Html {
    let l = props.locale;
    let (t, d) = (plan_texts(l), data_texts(l));
    let card = &props.card;
    let (on_change, on_drop) = one_file_handlers(&props.on_file);
    let on_dragover = Callback::from(|e: DragEvent| e.prevent_default());
    let on_crs = props.on_crs.reform(|e: Event| chosen_crs(&e));
    let crs_options = crs_options(l, card.crs);
    let report = card.report.as_ref().filter(|_| card.in_use.is_some()).map(|r| {
        let areas = if r.areas.is_empty() { (d.boundary_areas)(r.area_count) } else { (d.boundary_names)(&r.areas) };
        let demand =
            r.demand.as_ref().filter(|o| o.outside > 0).map(|o| (d.boundary_demand_outside)(o.outside, o.of, &thousands(o.people)));
        let candidates =
            r.candidates.as_ref().filter(|o| o.outside > 0).map(|o| (d.boundary_candidates_outside)(o.outside, o.of, &o.names));
        let all_inside = demand.is_none() && candidates.is_none() && (r.demand.is_some() || r.candidates.is_some());
        html! {
            <div class="file-status ok" role="status">
                <p class="in-use long-text">{ (d.boundary_in_use)(&r.name, &areas) }</p>
                if let Some(text) = demand {
                    <p id="plan-boundary-demand-outside">{ text }</p>
                }
                if let Some(text) = candidates {
                    <p id="plan-boundary-candidates-outside" class="long-text">{ text }</p>
                }
                if all_inside {
                    <p>{ d.boundary_all_inside }</p>
                }
                if r.skipped > 0 {
                    <p>{ (d.boundary_skipped)(r.skipped) }</p>
                }
            </div>
        }
    });
    html! {
        <section class="file-card" aria-labelledby="plan-boundary-title" ondragover={on_dragover} ondrop={on_drop}>
            <h4 id="plan-boundary-title">{ d.boundary_title }</h4>
            <p class="field-hint">{ d.boundary_hint }</p>
            <div class="actions">
                <label for="plan-file-boundary" class="button secondary file-button">{ t.choose_file }</label>
                <input type="file" id="plan-file-boundary" class="visually-hidden" accept=".geojson,.json,application/geo+json" onchange={on_change} />
                if card.in_use.is_some() || card.chosen.is_some() {
                    <button type="button" class="button secondary" onclick={props.on_clear.reform(|_: MouseEvent| ())}>{ t.clear_file }</button>
                }
            </div>
            if card.busy {
                <p role="status">{ t.opening }</p>
            }
            if let Some((name, problem)) = &card.problem {
                <div class="file-status error" role="alert">
                    <p>{ (d.boundary_failed)(name, &problem.message(l)) }</p>
                    if card.in_use.is_some() {
                        <p>{ d.boundary_still_in_use }</p>
                    }
                </div>
            }
            { report.unwrap_or_default() }
            if let Some(name) = &card.chosen {
                <div class="mapping">
                    <p class="mapping-title long-text">{ name.clone() }</p>
                    <div class={classes!("field", card.need_crs.then_some("has-error"))}>
                        <label for="plan-boundary-crs">{ t.crs_label }</label>
                        <p class="field-hint" id="plan-boundary-crs-help">{ t.crs_help }</p>
                        if card.need_crs {
                            <p class="field-error" id="plan-boundary-crs-error">{ t.crs_needed }</p>
                        }
                        <select id="plan-boundary-crs" onchange={on_crs} aria-describedby="plan-boundary-crs-help"
                            aria-invalid={if card.need_crs { "true" } else { "false" }}>
                            if card.crs.is_none() {
                                <option value="" selected=true disabled=true>{ t.crs_choose }</option>
                            }
                            <>{ for crs_options }</>
                        </select>
                    </div>
                    <button type="button" id="plan-boundary-use" class="button primary" onclick={props.on_use.reform(|_: MouseEvent| ())}>{ d.boundary_use }</button>
                </div>
            }
        </section>
    }
}
