//! The planner's place in the page. The site planner is its own WebAssembly app (`zhucan-planner`,
//! `src/bin/planner.rs`), fetched the first time its tab is opened: residents who only use the
//! calculator never download it. This component holds the element the planner mounts into,
//! asks `static/js/boot.js` to load it, and says so while it loads or if it cannot. The planner
//! draws into [`PLANNER_ROOT_ID`], an element of the page's skeleton outside this app's elements
//! (see [`crate::ui::shell`] for why).
//!
//! The two apps share the page, not memory. The planner follows the language through
//! `<html lang>` and the [`SETTINGS_EVENT`] this app sends when the display settings change; the
//! text size and contrast are classes on `<html>`, which its styles follow anyway.

use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use yew::prelude::*;

use crate::core::Locale;
use crate::ui::i18n::texts;

/// Id of the element the planner app mounts into (made by [`crate::ui::shell::build`]).
pub const PLANNER_ROOT_ID: &str = "planner-root";

/// Event sent on `window` after the display settings (language, text size, contrast) change.
pub const SETTINGS_EVENT: &str = "zhucan-settings";

#[wasm_bindgen]
extern "C" {
    /// `window.zhucanLoadPlanner()` (static/js/boot.js): fetches and starts the planner once; a
    /// promise that settles when it has mounted. Missing (a page without boot.js) → `Err`.
    #[wasm_bindgen(catch, js_namespace = window, js_name = zhucanLoadPlanner)]
    fn load_planner() -> Result<js_sys::Promise, JsValue>;
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Load {
    NotYet,
    Loading,
    Ready,
    Failed,
}

/// Properties of [`PlannerHost`].
#[derive(Properties, PartialEq)]
pub struct PlannerHostProps {
    /// Interface language.
    pub locale: Locale,
    /// The planner's tab is showing: load it now (once).
    pub active: bool,
}

fn start(load: UseStateHandle<Load>) {
    load.set(Load::Loading);
    let promise = match load_planner() {
        Ok(p) => p,
        Err(e) => {
            web_sys::console::warn_2(&"zhucan: the planner loader is missing".into(), &e);
            load.set(Load::Failed);
            return;
        }
    };
    wasm_bindgen_futures::spawn_local(async move {
        match JsFuture::from(promise).await {
            Ok(_) => load.set(Load::Ready),
            Err(e) => {
                web_sys::console::warn_2(&"zhucan: the planner did not load".into(), &e);
                load.set(Load::Failed);
            }
        }
    });
}

/// The planner's loading notice; loads the planner the first time it is shown.
#[function_component]
pub fn PlannerHost(props: &PlannerHostProps) -> Html {
    let t = texts(props.locale);
    let load = use_state_eq(|| Load::NotYet);
    {
        let load = load.clone();
        use_effect_with(props.active, move |active| {
            if *active && *load == Load::NotYet {
                start(load);
            }
        });
    }
    let retry = {
        let load = load.clone();
        Callback::from(move |_| start(load.clone()))
    };
    html! {
        <div class="planner-host">
            if *load == Load::Loading {
                <p class="notice planner-loading" role="status">{ t.planner_loading }</p>
            }
            if *load == Load::Failed {
                <div class="error-summary" role="alert">
                    <p>{ t.planner_load_failed }</p>
                    <button type="button" class="button secondary" onclick={retry}>{ t.retry }</button>
                </div>
            }
        </div>
    }
}
