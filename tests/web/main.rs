//! In-browser component tests: the real app rendered into a real DOM in headless Chromium.
//! Run with `./x test` (or `cargo test --target wasm32-unknown-unknown --no-default-features
//! --features ui --test web` once the toolchain is installed).
#![cfg(target_arch = "wasm32")]

use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Document, Element, HtmlElement};
use yew::AppHandle;
use zhucan::ui::App;

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> Document {
    web_sys::window().and_then(|w| w.document()).expect("a document")
}

/// A freshly mounted app with default settings (storage cleared, html reset).
struct Mounted {
    root: Element,
    handle: Option<AppHandle<App>>,
}

impl Mounted {
    async fn new() -> Mounted {
        if let Some(storage) = web_sys::window().and_then(|w| w.local_storage().ok().flatten()) {
            storage.clear().expect("storage clears");
        }
        let html = document().document_element().expect("<html>");
        html.set_attribute("lang", "zh-CN").expect("set lang");
        html.class_list().remove_1("large-text").expect("class list");
        let root = document().create_element("div").expect("div");
        document().body().expect("body").append_child(&root).expect("append");
        let handle = yew::Renderer::<App>::with_root(root.clone()).render();
        yew::scheduler::flush().await;
        Mounted { root, handle: Some(handle) }
    }

    fn find(&self, selector: &str) -> HtmlElement {
        self.root
            .query_selector(selector)
            .ok()
            .flatten()
            .unwrap_or_else(|| panic!("no element matches {selector}"))
            .dyn_into::<HtmlElement>()
            .expect("an HTML element")
    }

    fn text(&self, selector: &str) -> String {
        self.find(selector).text_content().unwrap_or_default()
    }

    async fn click(&self, selector: &str) {
        self.find(selector).click();
        yew::scheduler::flush().await;
    }
}

impl Drop for Mounted {
    fn drop(&mut self) {
        if let Some(handle) = self.handle.take() {
            handle.destroy();
        }
        self.root.remove();
    }
}

fn html_lang() -> String {
    document().document_element().and_then(|e| e.get_attribute("lang")).unwrap_or_default()
}

#[wasm_bindgen_test]
async fn starts_in_chinese_on_the_calculator_tab() {
    let app = Mounted::new().await;
    assert_eq!(app.text("#tab-calculator"), "补贴计算");
    assert_eq!(app.text("#tab-planner"), "选址规划");
    assert_eq!(app.find("#tab-calculator").get_attribute("aria-selected").as_deref(), Some("true"));
    assert!(!app.find("#panel-calculator").hidden());
    assert!(app.find("#panel-planner").hidden());
    assert_eq!(html_lang(), "zh-CN");
}

#[wasm_bindgen_test]
async fn clicking_a_tab_shows_its_panel() {
    let app = Mounted::new().await;
    app.click("#tab-planner").await;
    assert_eq!(app.find("#tab-planner").get_attribute("aria-selected").as_deref(), Some("true"));
    assert_eq!(app.find("#tab-calculator").get_attribute("aria-selected").as_deref(), Some("false"));
    assert_eq!(app.find("#tab-planner").tab_index(), 0);
    assert_eq!(app.find("#tab-calculator").tab_index(), -1);
    assert!(!app.find("#panel-planner").hidden(), "the planner panel shows");
    assert!(app.find("#panel-calculator").hidden(), "the calculator panel hides");
}

#[wasm_bindgen_test]
async fn arrow_keys_move_between_tabs_and_focus_follows() {
    let app = Mounted::new().await;
    let init = web_sys::KeyboardEventInit::new();
    init.set_key("ArrowRight");
    init.set_bubbles(true);
    let event = web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init)
        .expect("keyboard event");
    app.find("#tab-calculator").dispatch_event(&event).expect("dispatch");
    yew::scheduler::flush().await;
    assert_eq!(app.find("#tab-planner").get_attribute("aria-selected").as_deref(), Some("true"));
    assert!(!app.find("#panel-planner").hidden());
    let focused = document().active_element().map(|e| e.id()).unwrap_or_default();
    assert_eq!(focused, "tab-planner");
}

#[wasm_bindgen_test]
async fn language_switch_changes_text_lang_and_title() {
    let app = Mounted::new().await;
    assert!(app.text("#switch-language").contains("English"));
    app.click("#switch-language").await;
    assert_eq!(app.text("#tab-calculator"), "Subsidy calculator");
    assert_eq!(app.text("#tab-planner"), "Site planner");
    assert_eq!(html_lang(), "en");
    assert!(document().title().starts_with("zhucan"), "title: {}", document().title());
    assert!(app.text("#switch-language").contains("中文"));
    app.click("#switch-language").await;
    assert_eq!(app.text("#tab-calculator"), "补贴计算");
    assert_eq!(html_lang(), "zh-CN");
}

#[wasm_bindgen_test]
async fn large_text_toggle_sets_the_class_and_pressed_state() {
    let app = Mounted::new().await;
    let html = document().document_element().expect("<html>");
    assert!(!html.class_list().contains("large-text"));
    assert_eq!(app.find("#toggle-large-text").get_attribute("aria-pressed").as_deref(), Some("false"));
    app.click("#toggle-large-text").await;
    assert!(html.class_list().contains("large-text"));
    assert_eq!(app.find("#toggle-large-text").get_attribute("aria-pressed").as_deref(), Some("true"));
    app.click("#toggle-large-text").await;
    assert!(!html.class_list().contains("large-text"));
}

#[wasm_bindgen_test]
async fn settings_survive_a_remount() {
    {
        let app = Mounted::new().await;
        app.click("#switch-language").await;
        app.click("#toggle-large-text").await;
    } // dropping `app` unmounts it, as a reload would
    // Mount again without clearing storage.
    let root = document().create_element("div").expect("div");
    document().body().expect("body").append_child(&root).expect("append");
    let handle = yew::Renderer::<App>::with_root(root.clone()).render();
    yew::scheduler::flush().await;
    let again = Mounted { root, handle: Some(handle) };
    assert_eq!(again.text("#tab-calculator"), "Subsidy calculator");
    assert_eq!(again.find("#toggle-large-text").get_attribute("aria-pressed").as_deref(), Some("true"));
}
