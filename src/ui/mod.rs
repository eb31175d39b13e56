//! The Yew web app. Thin: components render state and dispatch actions; figures come from
//! [`crate::core`].

mod app;
pub mod browser;
pub mod calculator;
mod components;
mod crash;
pub mod embed;
mod hooks;
pub mod i18n;
pub mod lazy_app;
pub mod planner;
pub mod settings;
pub mod shell;
mod storage;
pub mod studio;

pub use app::{App, AppProps, FirstScreen, FirstScreenProps, Section};

/// Id of the element the app mounts into (see `index.html`).
pub const MOUNT_ID: &str = "app";

/// The element the page's skeleton ([`shell::build`]) goes into: `#app`, or `<body>` when the host page has no `#app`.
///
/// # Panics
/// Only when the page has neither `#app` nor a `<body>`, where nothing could be shown anyway.
pub fn mount_point() -> web_sys::Element {
    let document = web_sys::window().and_then(|w| w.document()).expect("zhucan runs in a browser window with a document");
    document.get_element_by_id(MOUNT_ID).or_else(|| document.body().map(Into::into)).expect("the page has a <body>")
}

pub use crash::install_panic_hook;
