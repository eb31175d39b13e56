//! The policy studio's place in the page. The studio (政策编辑器) is its own WebAssembly app
//! (`zhucan-studio`, `src/bin/studio.rs`), fetched the first time its tab is opened: residents who
//! only use the calculator never download it. This component asks `static/js/boot.js` to load it
//! and says so while it loads or if it cannot. The studio draws into [`STUDIO_ROOT_ID`], an element
//! of the page's skeleton outside this app's elements (see [`crate::ui::shell`] for why).
//!
//! As with the planner, the two apps share the page, not memory: the studio follows the language
//! through `<html lang>` and [`crate::ui::planner_host::SETTINGS_EVENT`].

use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use yew::prelude::*;

use crate::core::Locale;
use crate::ui::i18n::texts;

/// Id of the element the studio app mounts into (made by [`crate::ui::shell::build`]).
pub const STUDIO_ROOT_ID: &str = "studio-root";

#[wasm_bindgen]
extern "C" {
    /// `window.zhucanLoadStudio()` (static/js/boot.js): fetches and starts the studio once; a
    /// promise that settles when it has mounted. Missing (a page without boot.js) → `Err`.
    #[wasm_bindgen(catch, js_namespace = window, js_name = zhucanLoadStudio)]
    fn load_studio() -> Result<js_sys::Promise, JsValue>;
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Load {
    NotYet,
    Loading,
    Ready,
    Failed,
}

/// Properties of [`StudioHost`].
#[derive(Properties, PartialEq)]
pub struct StudioHostProps {
    /// Interface language.
    pub locale: Locale,
    /// The studio's tab is showing: load it now (once).
    pub active: bool,
}

fn start(load: UseStateHandle<Load>) {
    load.set(Load::Loading);
    let promise = match load_studio() {
        Ok(p) => p,
        Err(e) => {
            web_sys::console::warn_2(&"zhucan: the studio loader is missing".into(), &e);
            load.set(Load::Failed);
            return;
        }
    };
    wasm_bindgen_futures::spawn_local(async move {
        match JsFuture::from(promise).await {
            Ok(_) => load.set(Load::Ready),
            Err(e) => {
                web_sys::console::warn_2(&"zhucan: the studio did not load".into(), &e);
                load.set(Load::Failed);
            }
        }
    });
}

/// The studio's loading notice; loads the studio the first time it is shown.
#[function_component]
pub fn StudioHost(props: &StudioHostProps) -> Html {
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
        <div class="studio-host">
            if *load == Load::Loading {
                <p class="notice studio-loading" role="status">{ t.studio_loading }</p>
            }
            if *load == Load::Failed {
                <div class="error-summary" role="alert">
                    <p>{ t.studio_load_failed }</p>
                    <button type="button" class="button secondary" onclick={retry}>{ t.retry }</button>
                </div>
            }
        </div>
    }
}
