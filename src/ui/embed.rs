//! The browser side of embedding: read the options once, apply the theme colour, and tell the
//! embedding page how tall the app is (so its `<iframe>` never needs a scroll bar of its own).
//! What the options mean and which are accepted is decided in `core::embed`.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::core::embed::EmbedOptions;

/// The options in the page URL; the ignored ones are explained in the console for the admin.
pub fn options() -> EmbedOptions {
    let search = web_sys::window().and_then(|w| w.location().search().ok()).unwrap_or_default();
    let o = EmbedOptions::from_query(&search);
    for why in &o.ignored {
        web_sys::console::warn_1(&format!("zhucan: ignored {why}").into());
    }
    o
}

/// Sets the brand colour (CSSOM, which a `style-src 'self'` policy allows; a style attribute it
/// would not).
pub fn apply_theme(colour: &str) {
    if let Some(root) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element()) {
        if let Some(el) = root.dyn_ref::<web_sys::HtmlElement>() {
            let _ = el.style().set_property("--brand", colour);
        }
    }
}

/// Posts `{ type: "zhucan:height", height }` to the parent window, only to `origin`, whenever the
/// page's height changes. The observer lives as long as the page.
pub fn post_height_to(origin: String) {
    let Some(window) = web_sys::window() else { return };
    let Some(root) = window.document().and_then(|d| d.document_element()) else { return };
    let _ = root.class_list().add_1("embedded");
    let Ok(Some(parent)) = window.parent() else { return };
    // The app's own box, not the viewport: so the frame can shrink as well as grow.
    let measured = crate::ui::mount_point();
    let observed = measured.clone();
    let last = std::cell::Cell::new(-1i32);
    let post = move || {
        let height = measured.get_bounding_client_rect().height().ceil() as i32;
        if height == last.get() {
            return;
        }
        last.set(height);
        let message = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&message, &"type".into(), &"zhucan:height".into());
        let _ = js_sys::Reflect::set(&message, &"height".into(), &height.into());
        let _ = parent.post_message(&message, &origin);
    };
    post();
    let callback = Closure::<dyn FnMut()>::new(post);
    if let Ok(observer) = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()) {
        observer.observe(&observed);
        callback.forget();
    }
}
