//! Follows the page's language in the apps fetched on use (the planner, the studio): each is its
//! own app on the page, told of changes by the main app's [`SETTINGS_EVENT`].

use yew::prelude::*;

use crate::core::Locale;
use crate::ui::lazy_app::SETTINGS_EVENT;

/// The page's language, from `<html lang>`, read again on each [`SETTINGS_EVENT`] on `window`
/// (which re-renders the component when it changed). Returns the current language; Chinese when
/// `<html lang>` says nothing readable.
#[hook]
pub fn use_page_locale() -> Locale {
    let locale = use_state_eq(page_locale);
    {
        let locale = locale.clone();
        use_effect_with((), move |_| {
            let listener =
                web_sys::window().map(|w| gloo::events::EventListener::new(&w, SETTINGS_EVENT, move |_| locale.set(page_locale())));
            move || drop(listener)
        });
    }
    *locale
}

/// The page's language, from `<html lang>`; Chinese if it says nothing readable.
fn page_locale() -> Locale {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
        .and_then(|html| html.get_attribute("lang"))
        .and_then(|tag| Locale::parse(&tag))
        .unwrap_or_default()
}
