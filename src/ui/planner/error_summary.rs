//! The settings that stop a run, listed above the run button; each links to its field.

use yew::prelude::*;

use super::settings_view::field_id;
use super::text::plan_texts;
use crate::core::planner::form::SettingsError;
use crate::core::Locale;

/// Properties of [`ErrorSummary`].
#[derive(Properties, PartialEq)]
pub struct ErrorSummaryProps {
    /// What stops the run (not empty).
    pub errors: Vec<SettingsError>,
    /// Interface language.
    pub locale: Locale,
}

/// The list of settings to fix. The focus moves to it each time a new list is shown, so a screen
/// reader reads it first.
#[function_component]
pub fn ErrorSummary(props: &ErrorSummaryProps) -> Html {
    let l = props.locale;
    let t = plan_texts(l);
    use_effect_with(props.errors.clone(), |errors| {
        if !errors.is_empty() {
            crate::ui::browser::focus("plan-error-summary");
        }
    });
    let items = props.errors.iter().map(|e| {
        let id = field_id(&e.field);
        let onclick = Callback::from(move |_: MouseEvent| crate::ui::browser::focus(&id));
        html! { <li><button type="button" class="link-button" {onclick}>{ e.message(l) }</button></li> }
    });
    html! {
        <div id="plan-error-summary" class="error-summary" role="alert" tabindex="-1">
            <p class="field-error">{ t.fix_settings }</p>
            <ul>{ for items }</ul>
        </div>
    }
}
