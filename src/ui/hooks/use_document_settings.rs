//! Mirrors the display settings onto the document and saves them.

use yew::prelude::*;

use crate::ui::i18n::texts;
use crate::ui::lazy_app::SETTINGS_EVENT;
use crate::ui::settings::{Settings, STORAGE_KEY};
use crate::ui::storage;

/// Class on `<html>` that switches the style sheet to large text.
pub const LARGE_TEXT_CLASS: &str = "large-text";

/// Keeps `<html lang>`, `document.title` and the large-text class in step with `settings`, and
/// saves the settings so they survive a reload. Where storage is blocked the page still works; the
/// settings then last until the tab is closed.
#[hook]
pub fn use_document_settings(settings: &Settings) {
    use_effect_with(settings.clone(), |settings| {
        if let Some(document) = web_sys::window().and_then(|w| w.document()) {
            document.set_title(texts(settings.locale).document_title);
            if let Some(html) = document.document_element() {
                // Attribute and class writes on <html> cannot fail in practice; ignoring the
                // Result keeps a hostile page environment from taking the app down.
                let _ = html.set_attribute("lang", settings.locale.tag());
                let _ = html.class_list().toggle_with_force(LARGE_TEXT_CLASS, settings.large_text);
                let _ = html.class_list().toggle_with_force("extra-large", settings.extra_large);
                let _ = html.class_list().toggle_with_force("high-contrast", settings.high_contrast);
            }
        }
        let _ = storage::save_text(STORAGE_KEY, &settings.to_stored());
        // The planner and the studio are separate apps on the same page: tell them (src/ui/lazy_app.rs).
        if let (Some(window), Ok(event)) = (web_sys::window(), web_sys::Event::new(SETTINGS_EVENT)) {
            let _ = window.dispatch_event(&event);
        }
    });
}
