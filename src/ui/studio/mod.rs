//! The policy studio (政策编辑器): civil-affairs staff write, check and export their city's policy
//! file without writing TOML. Its own app (`zhucan-studio`), fetched when its tab first opens.
//! Thin: the draft, its validation, the cases and the TOML all come from `core::policy::draft`;
//! these components render the draft and dispatch edits.

mod page_locale;
pub mod text;

use yew::prelude::*;

use self::page_locale::use_page_locale;
use self::text::studio_texts;
use crate::core::Locale;
use crate::ui::studio_host::STUDIO_ROOT_ID;

/// Properties of [`Studio`].
#[derive(Properties, PartialEq)]
pub struct StudioProps {
    /// Interface language.
    pub locale: Locale,
}

/// The studio.
#[function_component]
pub fn Studio(props: &StudioProps) -> Html {
    let t = studio_texts(props.locale);
    html! {
        <div class="studio">
            <p>{ t.start_heading }</p>
        </div>
    }
}

/// The studio app: follows the page's language (`<html lang>` and the page app's settings event).
#[function_component]
pub fn StudioApp() -> Html {
    let locale = use_page_locale();
    html! { <Studio {locale} /> }
}

/// The element the studio app mounts into ([`STUDIO_ROOT_ID`]), if the page has it.
pub fn mount_point() -> Option<web_sys::Element> {
    web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id(STUDIO_ROOT_ID))
}
