//! The display-settings toolbar: language switch, large and extra-large text, high contrast.

use yew::prelude::*;

use crate::ui::i18n::texts;
use crate::ui::settings::{Settings, SettingsAction};

/// The language switch and the large-text toggle. Reads and changes the settings context.
#[function_component]
pub fn SettingsBar() -> Html {
    let Some(settings) = use_context::<UseReducerHandle<Settings>>() else {
        return Html::default();
    };
    let t = texts(settings.locale);
    let other = settings.locale.other();
    let on_language = {
        let settings = settings.clone();
        Callback::from(move |_: MouseEvent| settings.dispatch(SettingsAction::SetLocale(other)))
    };
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
            <button type="button" id="switch-language" class="button" onclick={on_language}>
                <span class="visually-hidden">{ t.switch_language }{ ": " }</span>
                <span lang={other.tag()}>{ other.native_name() }</span>
            </button>
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
