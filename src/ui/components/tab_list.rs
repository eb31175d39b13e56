//! An accessible tab list (WAI-ARIA Authoring Practices "Tabs" pattern, automatic activation).
//!
//! Only the selected tab is in the Tab order; Left/Right arrows, Home and End move between tabs and
//! select them. Panels are rendered by the parent with `id = panel_id(tab)` and
//! `aria-labelledby = tab_id(tab)`.

use yew::prelude::*;

/// One tab: a stable id (used in element ids) and its visible label.
#[derive(Clone, Debug, PartialEq)]
pub struct Tab {
    /// Stable identifier, e.g. `calculator`.
    pub id: &'static str,
    /// Visible label in the current language.
    pub label: AttrValue,
}

/// Element id of a tab button.
pub fn tab_id(id: &str) -> String {
    format!("tab-{id}")
}

/// Element id of a tab's panel.
pub fn panel_id(id: &str) -> String {
    format!("panel-{id}")
}

/// Properties of [`TabList`].
#[derive(Properties, PartialEq)]
pub struct TabListProps {
    /// Accessible name of the whole tab list.
    pub label: AttrValue,
    /// The tabs, in order.
    pub tabs: Vec<Tab>,
    /// Index of the selected tab.
    pub selected: usize,
    /// Called with the index of the tab the user selects.
    pub on_select: Callback<usize>,
}

/// Where an arrow/Home/End key moves the selection, or `None` for other keys.
fn key_target(key: &str, current: usize, count: usize) -> Option<usize> {
    if count == 0 {
        return None;
    }
    match key {
        "ArrowRight" => Some((current + 1) % count),
        "ArrowLeft" => Some((current + count - 1) % count),
        "Home" => Some(0),
        "End" => Some(count - 1),
        _ => None,
    }
}

fn focus_element(id: &str) {
    if let Some(el) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id(id)) {
        use wasm_bindgen::JsCast;
        if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
            let _ = el.focus();
        }
    }
}

/// The tab buttons.
#[function_component]
pub fn TabList(props: &TabListProps) -> Html {
    let onkeydown = {
        let on_select = props.on_select.clone();
        let ids: Vec<&'static str> = props.tabs.iter().map(|t| t.id).collect();
        let selected = props.selected;
        Callback::from(move |e: KeyboardEvent| {
            if let Some(next) = key_target(&e.key(), selected, ids.len()) {
                e.prevent_default();
                on_select.emit(next);
                focus_element(&tab_id(ids[next]));
            }
        })
    };
    let buttons = props.tabs.iter().enumerate().map(|(i, tab)| {
        let selected = i == props.selected;
        let onclick = props.on_select.reform(move |_: MouseEvent| i);
        html! {
            <button type="button" role="tab" class="tab"
                id={tab_id(tab.id)}
                aria-selected={if selected { "true" } else { "false" }}
                aria-controls={panel_id(tab.id)}
                tabindex={if selected { "0" } else { "-1" }}
                {onclick}>
                { tab.label.clone() }
            </button>
        }
    });
    html! {
        <div class="tab-list" role="tablist" aria-label={props.label.clone()} {onkeydown}>
            <>{ for buttons }</>
        </div>
    }
}
