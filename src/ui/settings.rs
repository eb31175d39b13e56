//! Display settings shared by the whole page (language, large text), as a Yew reducer.
//!
//! They are the only state kept in a context. Reading them from the URL and local storage lives in
//! [`Settings::initial`]; writing them back is done by `hooks::use_document_settings`.

use std::rc::Rc;

use yew::Reducible;

use crate::core::embed::EmbedOptions;
use crate::core::Locale;

/// Local-storage key. Bump the suffix if the stored shape changes incompatibly.
pub const STORAGE_KEY: &str = "zhucan.settings.v1";

/// Page-wide display settings.
#[derive(Clone, Debug, Default, PartialEq)]
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
    /// Settings at start-up: saved settings if any, then the page URL's display options
    /// (`?lang=`, `?large=`, `?contrast=`, for links and embedding) on top. Anything unreadable
    /// falls back to the defaults.
    pub fn initial(options: &EmbedOptions) -> Settings {
        let mut settings = super::storage::load_text(STORAGE_KEY).map(|t| Settings::from_stored(&t)).unwrap_or_default();
        settings.apply(options);
        settings
    }

    /// The stored form: the JSON object earlier versions wrote through serde, written and read by
    /// hand so that the calculator's download carries no JSON library (its size budget).
    pub fn to_stored(&self) -> String {
        format!(
            r#"{{"locale":"{}","large_text":{},"extra_large":{},"high_contrast":{}}}"#,
            self.locale.tag(),
            self.large_text,
            self.extra_large,
            self.high_contrast
        )
    }

    /// Reads [`Settings::to_stored`]'s form leniently: spacing ignored, anything missing or
    /// unreadable left at its default.
    pub fn from_stored(text: &str) -> Settings {
        let compact: String = text.chars().filter(|c| !c.is_whitespace()).collect();
        let on = |key: &str| compact.contains(&format!(r#""{key}":true"#));
        let locale =
            compact.split_once(r#""locale":""#).and_then(|(_, rest)| rest.split('"').next()).and_then(Locale::parse).unwrap_or_default();
        Settings { locale, large_text: on("large_text"), extra_large: on("extra_large"), high_contrast: on("high_contrast") }
    }

    /// Applies the display options given in the URL.
    pub fn apply(&mut self, o: &EmbedOptions) {
        if let Some(l) = o.lang {
            self.locale = l;
        }
        match o.large {
            Some(0) => (self.large_text, self.extra_large) = (false, false),
            Some(1) => self.large_text = true,
            Some(_) => (self.large_text, self.extra_large) = (true, true),
            None => {}
        }
        if let Some(on) = o.high_contrast {
            self.high_contrast = on;
        }
    }
}
