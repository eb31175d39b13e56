//! The display-settings toolbar: the language choice, large and extra-large text, high contrast.

use yew::prelude::*;

use crate::core::Locale;
use crate::ui::i18n::texts;
use crate::ui::settings::{Settings, SettingsAction};

/// The id of the button that chooses a language (`language-zh-CN`, `language-en`).
fn language_button_id(locale: Locale) -> String {
    format!("language-{}", locale.tag())
}

/// The language choice (one button per language, each named in its own language, the current one
/// pressed) and the text-size and contrast toggles. Reads and changes the settings context.
#[function_component]
pub fn SettingsBar() -> Html {
    let Some(settings) = use_context::<UseReducerHandle<Settings>>() else {
        return Html::default();
    };
    let t = texts(settings.locale);
    let languages = Locale::ALL.iter().map(|&locale| {
        let onclick = {
            let settings = settings.clone();
            Callback::from(move |_: MouseEvent| settings.dispatch(SettingsAction::SetLocale(locale)))
        };
        let current = locale == settings.locale;
        html! {
            <button type="button" id={language_button_id(locale)} class="button toggle language" lang={locale.tag()}
                aria-pressed={if current { "true" } else { "false" }} {onclick}>
                { locale.native_name() }
            </button>
        }
    });
    let large = settings.large_text;
    let on_large = {
        let settings = settings.clone();
        Callback::from(move |_: MouseEvent| settings.dispatch(SettingsAction::SetLargeText(!large)))
    };
    let extra = settings.extra_large;
    let on_extra = {
        let settings = settings.clone();
        Callback::from(move |_: MouseEvent| settings.dispatch(SettingsAction::SetExtraLarge(!extra)))
    };
    let contrast = settings.high_contrast;
    let on_contrast = {
        let settings = settings.clone();
        Callback::from(move |_: MouseEvent| settings.dispatch(SettingsAction::SetHighContrast(!contrast)))
    };
    html! {
        <div class="settings-bar" role="group" aria-label={t.settings_label}>
            <div class="language-choice" role="group" aria-label={t.switch_language}>{ for languages }</div>
            <button type="button" id="toggle-large-text" class="button toggle"
                aria-pressed={if large { "true" } else { "false" }} onclick={on_large}>
                { t.large_text }
            </button>
            <button type="button" id="toggle-extra-large" class="button toggle"
                aria-pressed={if extra { "true" } else { "false" }} onclick={on_extra}>
                { t.extra_large }
            </button>
            <button type="button" id="toggle-contrast" class="button toggle"
                aria-pressed={if contrast { "true" } else { "false" }} onclick={on_contrast}>
                { t.high_contrast }
            </button>
        </div>
    }
}
