//! Display settings shared by the whole page (language, large text), as a Yew reducer.
//!
//! They are the only state kept in a context. Reading them from the URL and local storage lives in
//! [`Settings::initial`]; writing them back is done by `hooks::use_document_settings`.

use std::rc::Rc;

use serde::{Deserialize, Serialize};
use yew::Reducible;

use crate::core::Locale;

/// Local-storage key. Bump the suffix if the stored shape changes incompatibly.
pub const STORAGE_KEY: &str = "zhucan.settings.v1";

/// Page-wide display settings.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// Interface language.
    pub locale: Locale,
    /// Large-text (长辈模式) mode.
    pub large_text: bool,
    /// Extra-large text (30 pt base), on top of large-text mode.
    pub extra_large: bool,
    /// High-contrast colours (at least 7:1 everywhere, black borders).
    pub high_contrast: bool,
}

/// What can happen to the settings.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum SettingsAction {
    /// Show the interface in this language.
    SetLocale(Locale),
    /// Turn large-text mode on or off.
    SetLargeText(bool),
    /// Turn extra-large text on or off (turning it on turns large text on too).
    SetExtraLarge(bool),
    /// Turn high contrast on or off.
    SetHighContrast(bool),
}

impl Reducible for Settings {
    type Action = SettingsAction;

    fn reduce(self: Rc<Self>, action: SettingsAction) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            SettingsAction::SetLocale(locale) => next.locale = locale,
            SettingsAction::SetLargeText(on) => {
                next.large_text = on;
                next.extra_large &= on;
            }
            SettingsAction::SetExtraLarge(on) => {
                next.extra_large = on;
                next.large_text |= on;
            }
            SettingsAction::SetHighContrast(on) => next.high_contrast = on,
        }
        if next == *self {
            self
        } else {
            Rc::new(next)
        }
    }
}

impl Settings {
    /// Settings at start-up: saved settings if any, then `?lang=` and `?large=1` from the page URL
    /// (for links and embedding) on top. Anything unreadable falls back to the defaults.
    pub fn initial() -> Settings {
        let mut settings: Settings = super::storage::load(STORAGE_KEY).unwrap_or_default();
        if let Some(search) = web_sys::window().and_then(|w| w.location().search().ok()) {
            settings.apply_query(&search);
        }
        settings
    }

    /// Applies `lang=` and `large=` parameters from a URL query string (`?lang=en&large=1`).
    /// Unknown parameters and values are ignored.
    pub fn apply_query(&mut self, search: &str) {
        for pair in search.trim_start_matches('?').split('&') {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            match key {
                "lang" => {
                    if let Some(locale) = Locale::parse(value) {
                        self.locale = locale;
                    }
                }
                "large" => match value {
                    "1" | "true" | "on" => self.large_text = true,
                    "2" => (self.large_text, self.extra_large) = (true, true),
                    "0" | "false" | "off" => (self.large_text, self.extra_large) = (false, false),
                    _ => {}
                },
                "contrast" => match value {
                    "high" => self.high_contrast = true,
                    "normal" => self.high_contrast = false,
                    _ => {}
                },
                _ => {}
            }
        }
    }
}
