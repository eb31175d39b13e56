//! Keeps the share link in the address bar: the form, encoded into the URL fragment.

use yew::prelude::*;

use crate::core::policy::form::{encode_fragment, FormInput};

/// Writes the form into `location.hash` with `history.replaceState` (no new history entry per
/// keystroke). The fragment is never sent to a server.
#[hook]
pub fn use_fragment_sync(form: &FormInput) {
    use_effect_with(form.clone(), |form| {
        let fragment = format!("#{}", encode_fragment(form));
        if let Some(window) = web_sys::window() {
            let current = window.location().hash().unwrap_or_default();
            if current != fragment {
                if let Ok(history) = window.history() {
                    let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&fragment));
                }
            }
        }
    });
}
