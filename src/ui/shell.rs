//! The page's skeleton: which app draws where.
//!
//! The page holds up to three Yew apps from three WebAssembly modules: the page app (header, tabs,
//! the calculator), the site planner (`zhucan-planner`) and the policy studio (`zhucan-studio`),
//! each of the last two fetched when its tab first opens. Yew
//! handles events by delegation: each app listens on its own root element and looks up handlers by
//! ids it stores on the elements below. Two apps from two modules number their roots and listeners
//! independently, so if one app's root held the other's elements, an event in the inner app would
//! also run whatever handler of the outer app carries the same number (a planner radio button that
//! switched on high contrast). So no app's root may contain another app's elements:
//!
//! ```text
//! <div class="app">                       the container (#app in index.html)
//!   <div id="page-top">                   the page app's root: skip link, header
//!   <main id="main">
//!     <div id="main-top">                 page app (portal): notices, tab list, calculator panel
//!     <section id="panel-planner">        its attributes set by the page app
//!       <div id="planner-head">           page app (portal): heading, intro, loading notice
//!       <div id="planner-root">           the planner app's root
//!     <section id="panel-studio">         its attributes set by the page app
//!       <div id="studio-head">            page app (portal): heading, intro, loading notice
//!       <div id="studio-root">            the policy studio app's root
//!   <footer id="page-footer">             page app (portal): footer
//! ```
//!
//! The page app reaches the parts outside its root through portals, which Yew's own event
//! handling treats as part of the same app; the planner's and the studio's roots are inside none of them.

use wasm_bindgen::prelude::*;
use web_sys::{Document, Element};

use crate::ui::lazy_app::{PLANNER_ROOT_ID, STUDIO_ROOT_ID};

/// The elements the page is drawn into, made by [`build`].
#[derive(Clone, Debug, PartialEq)]
pub struct Shell {
    /// The page app's root: skip link and header.
    pub top: Element,
    /// Inside `<main>`: notices, the tab list and the calculator's panel (a portal of the page app).
    pub main_top: Element,
    /// The planner's panel (`<section id="panel-planner">`): attributes set by the page app.
    pub planner_panel: Element,
    /// The planner panel's heading, introduction and loading notice (a portal of the page app).
    pub planner_head: Element,
    /// The policy studio's panel (`<section id="panel-studio">`): attributes set by the page app.
    pub studio_panel: Element,
    /// The studio panel's heading, introduction and loading notice (a portal of the page app).
    pub studio_head: Element,
    /// The footer (a portal of the page app).
    pub footer: Element,
}

fn element(document: &Document, tag: &str, id: &str) -> Option<Element> {
    let e = document.create_element(tag).ok()?;
    if !id.is_empty() {
        e.set_id(id);
    }
    Some(e)
}

/// Builds the skeleton at the end of `container` and returns its parts. `None` only if the
/// browser refuses to create elements.
pub fn build(container: &Element) -> Option<Shell> {
    let document = container.owner_document()?;
    let app = element(&document, "div", "")?;
    app.set_class_name("app");
    let top = element(&document, "div", "page-top")?;
    let main = element(&document, "main", "main")?;
    main.set_attribute("tabindex", "-1").ok()?;
    let main_top = element(&document, "div", "main-top")?;
    let planner_panel = element(&document, "section", "panel-planner")?;
    planner_panel.set_class_name("panel");
    planner_panel.set_attribute("hidden", "").ok()?;
    let planner_head = element(&document, "div", "planner-head")?;
    let planner_root = element(&document, "div", PLANNER_ROOT_ID)?;
    let studio_panel = element(&document, "section", "panel-studio")?;
    studio_panel.set_class_name("panel");
    studio_panel.set_attribute("hidden", "").ok()?;
    let studio_head = element(&document, "div", "studio-head")?;
    let studio_root = element(&document, "div", STUDIO_ROOT_ID)?;
    let footer = element(&document, "footer", "page-footer")?;
    footer.set_class_name("site-footer");
    planner_panel.append_child(&planner_head).ok()?;
    planner_panel.append_child(&planner_root).ok()?;
    main.append_child(&main_top).ok()?;
    main.append_child(&planner_panel).ok()?;
    studio_panel.append_child(&studio_head).ok()?;
    studio_panel.append_child(&studio_root).ok()?;
    main.append_child(&studio_panel).ok()?;
    app.append_child(&top).ok()?;
    app.append_child(&main).ok()?;
    app.append_child(&footer).ok()?;
    container.append_child(&app).ok()?;
    Some(Shell { top, main_top, planner_panel, planner_head, studio_panel, studio_head, footer })
}

/// How the planner's (or the studio's) panel is shown: its attributes, set by the page app on every render.
pub struct PanelAttributes<'a> {
    /// `role="tabpanel"` when there are tabs.
    pub tabpanel: bool,
    /// The id of the element that names it (the tab, or the panel's own heading).
    pub labelled_by: &'a str,
    /// Hidden (another tab is selected, or the page shows the calculator only).
    pub hidden: bool,
}

/// Sets the planner's (or the studio's) panel's attributes.
pub fn set_panel(panel: &Element, a: &PanelAttributes<'_>) {
    let _ = if a.tabpanel { panel.set_attribute("role", "tabpanel") } else { panel.remove_attribute("role") };
    let _ = if a.tabpanel { panel.set_attribute("tabindex", "-1") } else { panel.remove_attribute("tabindex") };
    let _ = panel.set_attribute("aria-labelledby", a.labelled_by);
    let _ = if a.hidden { panel.set_attribute("hidden", "") } else { panel.remove_attribute("hidden") };
}

/// The two steps of handing the first screen pre-rendered into `index.html` ([`crate::ui::FirstScreen`],
/// `src/bin/prerender.rs`) over to the app. `static/js/boot.js` does both
/// (`window.zhucanFirstScreen`), since it showed the screen before any WebAssembly ran.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HandOver {
    /// Before the app draws: note what the resident changed in the screen, then remove it.
    Take,
    /// After the app's first drawing: make the same changes in the app's form, as input and
    /// change events; focus and scrolling as they were.
    Restore,
}

#[wasm_bindgen]
extern "C" {
    /// `window.zhucanFirstScreen.take()` (static/js/boot.js). Missing → `Err`.
    #[wasm_bindgen(catch, js_namespace = ["window", "zhucanFirstScreen"], js_name = take)]
    fn take_first_screen() -> Result<(), JsValue>;
    /// `window.zhucanFirstScreen.restore()` (static/js/boot.js). Missing → `Err`.
    #[wasm_bindgen(catch, js_namespace = ["window", "zhucanFirstScreen"], js_name = restore)]
    fn restore_first_screen() -> Result<(), JsValue>;
}

/// Runs one step of the hand-over. Nothing where the page has no first screen (the in-browser
/// tests) or `boot.js` did not run; a failure in it stops nothing.
pub fn hand_over(step: HandOver) {
    let _ = match step {
        HandOver::Take => take_first_screen(),
        HandOver::Restore => restore_first_screen(),
    };
}
