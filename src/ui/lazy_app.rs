//! The places in the page of the apps fetched on use: the site planner (`zhucan-planner`,
//! `src/bin/planner.rs`) and the policy studio (政策编辑器, `zhucan-studio`, `src/bin/studio.rs`).
//! Each is its own WebAssembly app, fetched the first time its tab is opened: residents who only
//! use the calculator never download them. [`LazyAppHost`] asks `static/js/boot.js` to load one
//! and says so while it loads or if it cannot. Each draws into its own element of the page's
//! skeleton ([`PLANNER_ROOT_ID`], [`STUDIO_ROOT_ID`]), outside this app's elements (see
//! [`crate::ui::shell`] for why).
//!
//! The apps share the page, not memory. They follow the language through `<html lang>` and the
//! [`SETTINGS_EVENT`] this app sends when the display settings change
//! ([`crate::ui::hooks::use_page_locale`]); the text size and contrast are classes on `<html>`,
//! which their styles follow anyway.

use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use yew::prelude::*;

use crate::core::Locale;
use crate::ui::i18n::{texts, Texts};

/// Id of the element the planner app mounts into (made by [`crate::ui::shell::build`]).
pub const PLANNER_ROOT_ID: &str = "planner-root";

/// Id of the element the studio app mounts into (made by [`crate::ui::shell::build`]).
pub const STUDIO_ROOT_ID: &str = "studio-root";

/// Event sent on `window` after the display settings (language, text size, contrast) change.
pub const SETTINGS_EVENT: &str = "zhucan-settings";

#[wasm_bindgen]
extern "C" {
    /// `window.zhucanLoadPlanner()` (static/js/boot.js): fetches and starts the planner once; a
    /// promise that settles when it has mounted. Missing (a page without boot.js) → `Err`.
    #[wasm_bindgen(catch, js_namespace = window, js_name = zhucanLoadPlanner)]
    fn load_planner() -> Result<js_sys::Promise, JsValue>;

    /// `window.zhucanLoadStudio()` (static/js/boot.js): the same for the studio.
    #[wasm_bindgen(catch, js_namespace = window, js_name = zhucanLoadStudio)]
    fn load_studio() -> Result<js_sys::Promise, JsValue>;
}

/// An app fetched on use.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LazyApp {
    /// The site planner.
    Planner,
    /// The policy studio.
    Studio,
}

impl LazyApp {
    fn load(self) -> Result<js_sys::Promise, JsValue> {
        match self {
            LazyApp::Planner => load_planner(),
            LazyApp::Studio => load_studio(),
        }
    }

    /// Its name in class names and console warnings (not shown to people).
    fn name(self) -> &'static str {
        match self {
            LazyApp::Planner => "planner",
            LazyApp::Studio => "studio",
        }
    }

    fn loading(self, t: &Texts) -> &'static str {
        match self {
            LazyApp::Planner => t.planner_loading,
            LazyApp::Studio => t.studio_loading,
        }
    }

    fn failed(self, t: &Texts) -> &'static str {
        match self {
            LazyApp::Planner => t.planner_load_failed,
            LazyApp::Studio => t.studio_load_failed,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Load {
    NotYet,
    Loading,
    Ready,
    Failed,
}

/// Properties of [`LazyAppHost`].
#[derive(Properties, PartialEq)]
pub struct LazyAppHostProps {
    /// Which app.
    pub app: LazyApp,
    /// Interface language.
    pub locale: Locale,
    /// Its tab is showing: load it now (once).
    pub active: bool,
}

fn start(app: LazyApp, load: UseStateHandle<Load>) {
    load.set(Load::Loading);
    let promise = match app.load() {
        Ok(p) => p,
        Err(e) => {
            web_sys::console::warn_2(&format!("zhucan: the {} loader is missing", app.name()).into(), &e);
            load.set(Load::Failed);
            return;
        }
    };
    wasm_bindgen_futures::spawn_local(async move {
        match JsFuture::from(promise).await {
            Ok(_) => load.set(Load::Ready),
            Err(e) => {
                web_sys::console::warn_2(&format!("zhucan: the {} did not load", app.name()).into(), &e);
                load.set(Load::Failed);
            }
        }
    });
}

/// An app's loading notice; loads the app the first time it is shown.
#[function_component]
pub fn LazyAppHost(props: &LazyAppHostProps) -> Html {
    let t = texts(props.locale);
    let app = props.app;
    let load = use_state_eq(|| Load::NotYet);
    {
        let load = load.clone();
        use_effect_with(props.active, move |active| {
            if *active && *load == Load::NotYet {
                start(app, load);
            }
        });
    }
    let retry = {
        let load = load.clone();
        Callback::from(move |_| start(app, load.clone()))
    };
    html! {
        <div class={format!("{}-host", app.name())}>
            if *load == Load::Loading {
                <p class={format!("notice {}-loading", app.name())} role="status">{ app.loading(t) }</p>
            }
            if *load == Load::Failed {
                <div class="error-summary" role="alert">
                    <p>{ app.failed(t) }</p>
                    <button type="button" class="button secondary" onclick={retry}>{ t.retry }</button>
                </div>
            }
        </div>
    }
}
