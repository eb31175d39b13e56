//! On a phone the result comes after the questions, so while the person answers them a compact bar
//! at the bottom of the screen keeps the figure in view: one short line ("补贴 5元 · 自付 10元"
//! and "看详细说明"), a single button that brings the result's heading to the top of the screen.
//! It hides itself whenever any of the result is on screen, so it never covers the result, and
//! it shows only once there is a figure. Wide screens (result beside the form), embedded frames
//! and print hide it in CSS.

use gloo::events::{EventListener, EventListenerOptions, EventListenerPhase};
use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::text::calc_texts;
use crate::core::money::Fen;
use crate::core::policy::calc::Outcome;
use crate::core::policy::explain::money;
use crate::core::Locale;

/// Properties of [`ResultBar`].
#[derive(Properties, PartialEq)]
pub struct ResultBarProps {
    /// The outcome shown in the result.
    pub outcome: Outcome,
    /// Interface language.
    pub locale: Locale,
}

/// The ids of the result's heading (in the result view) and, while comparing, the comparison's.
const HEADINGS: [&str; 2] = ["result-heading", "compare-heading"];

fn span(lo: Fen, hi: Fen, l: Locale) -> String {
    if lo == hi {
        money(lo, l)
    } else {
        format!("{} – {}", money(lo, l), money(hi, l))
    }
}

/// The bar's parts: the subsidy, then (when known and when it fits) what the person pays.
fn parts(outcome: &Outcome, l: Locale) -> Option<(String, Option<String>)> {
    let t = calc_texts(l);
    match outcome {
        Outcome::Single(a) => Some(((t.bar_subsidy)(&money(a.subsidy, l)), a.pay.map(|p| (t.bar_pay)(&money(p, l))))),
        Outcome::Range(r) => Some((
            (t.bar_subsidy)(&span(r.min.subsidy, r.max.subsidy, l)),
            match (r.max.pay, r.min.pay) {
                (Some(lo), Some(hi)) => Some((t.bar_pay)(&span(lo, hi, l))),
                _ => None,
            },
        )),
        _ => None,
    }
}

/// Is any of the result area on screen?
fn result_on_screen() -> bool {
    let Some(window) = web_sys::window() else { return false };
    let height = window.inner_height().ok().and_then(|h| h.as_f64()).unwrap_or(0.0);
    let Some(result) = window.document().and_then(|d| d.query_selector(".calc-result > .result, .calc-result > .compare").ok().flatten())
    else {
        return false;
    };
    let rect = result.get_bounding_client_rect();
    rect.top() < height && rect.bottom() > 0.0
}

/// Brings the result's heading to the top of the screen and moves the focus there.
pub fn show_result() {
    let Some(window) = web_sys::window() else { return };
    let Some(document) = window.document() else { return };
    let Some(heading) = HEADINGS.iter().find_map(|id| document.get_element_by_id(id)) else { return };
    if let Ok(h) = heading.clone().dyn_into::<web_sys::HtmlElement>() {
        let _ = h.focus();
    }
    // After the focus (which scrolls only as far as needed): heading at the top, with a little air.
    let top = heading.get_bounding_client_rect().top();
    window.scroll_by_with_x_and_y(0.0, top - 8.0);
}

/// The bar.
#[function_component]
pub fn ResultBar(props: &ResultBarProps) -> Html {
    let l = props.locale;
    let t = calc_texts(l);
    let hidden = use_state_eq(|| true);
    {
        // Follow the page's scrolling and size, and disclosures opening or closing above the
        // result (`toggle` does not bubble: listen while it is captured).
        let hidden = hidden.clone();
        use_effect_with((), move |_| {
            let listeners = web_sys::window().map(|w| {
                let on_scroll = {
                    let hidden = hidden.clone();
                    EventListener::new(&w, "scroll", move |_| hidden.set(result_on_screen()))
                };
                let on_resize = {
                    let hidden = hidden.clone();
                    EventListener::new(&w, "resize", move |_| hidden.set(result_on_screen()))
                };
                let options = EventListenerOptions { phase: EventListenerPhase::Capture, passive: true };
                let on_toggle = EventListener::new_with_options(&w, "toggle", options, move |_| hidden.set(result_on_screen()));
                (on_scroll, on_resize, on_toggle)
            });
            move || drop(listeners)
        });
    }
    {
        // And the layout after every change of the answers (the result grows and shrinks).
        let hidden = hidden.clone();
        use_effect(move || hidden.set(result_on_screen()));
    }
    let Some((subsidy, pay)) = parts(&props.outcome, l) else { return Html::default() };
    let onclick = Callback::from(|_: MouseEvent| show_result());
    html! {
        <div class="result-bar" hidden={*hidden}>
            <button type="button" class="result-bar-button" {onclick}>
                <span class="result-bar-text">
                    <span class="bar-subsidy">{ subsidy }</span>
                    if let Some(pay) = pay {
                        <span class="bar-pay">{ format!("· {pay}") }</span>
                    }
                </span>
                <span class="bar-go">{ t.bar_go }<span aria-hidden="true">{ " ↓" }</span></span>
            </button>
        </div>
    }
}
