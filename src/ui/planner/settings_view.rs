//! The planner's settings: service radius (metres or walking minutes), sites to choose, weights.

use yew::prelude::*;

use super::text::plan_texts;
use crate::core::locale::thousands;
use crate::core::planner::form::{SettingsField, SettingsForm};
use crate::core::Locale;

/// Properties of [`SettingsView`].
#[derive(Properties, PartialEq)]
pub struct SettingsProps {
    /// The form as typed.
    pub form: SettingsForm,
    /// Names of the demand's extra count columns.
    pub extra_names: Vec<String>,
    /// Number of candidates (for the k limit), when known.
    pub n_candidates: Option<usize>,
    /// Interface language.
    pub locale: Locale,
    /// The form after an edit.
    pub on_edit: Callback<SettingsForm>,
}

fn field(
    id: &str,
    label: &str,
    hint: Option<&str>,
    value: &str,
    error: Option<String>,
    inputmode: &'static str,
    on: Callback<String>,
) -> Html {
    let oninput = on.reform(|e: InputEvent| e.target_unchecked_into::<web_sys::HtmlInputElement>().value());
    let mut described = Vec::new();
    if hint.is_some() {
        described.push(format!("{id}-hint"));
    }
    if error.is_some() {
        described.push(format!("{id}-error"));
    }
    html! {
        <div class={classes!("field", error.is_some().then_some("has-error"))}>
            <label for={id.to_string()}>{ label }</label>
            if let Some(h) = hint {
                <p class="field-hint" id={format!("{id}-hint")}>{ h }</p>
            }
            if let Some(e) = &error {
                <p class="field-error" id={format!("{id}-error")}>{ e.clone() }</p>
            }
            <input type="text" id={id.to_string()} value={value.to_string()} {inputmode}
                aria-invalid={if error.is_some() { "true" } else { "false" }}
                aria-describedby={(!described.is_empty()).then(|| described.join(" "))} {oninput} />
        </div>
    }
}

/// The settings.
#[function_component]
pub fn SettingsView(props: &SettingsProps) -> Html {
    let l = props.locale;
    let t = plan_texts(l);
    let f = &props.form;
    let errors = f.validate(props.n_candidates.unwrap_or(usize::MAX)).err().unwrap_or_default();
    let error = |field: SettingsField| errors.iter().find(|e| e.field == field).map(|e| e.message(l));
    let edit = |change: fn(&mut SettingsForm, String)| {
        let form = f.clone();
        props.on_edit.reform(move |v: String| {
            let mut next = form.clone();
            change(&mut next, v);
            next
        })
    };
    let walking = f.radius_mode == "walking";
    let mode = |value: &'static str, label: &'static str| {
        let form = f.clone();
        let onchange = props.on_edit.reform(move |_: Event| SettingsForm { radius_mode: value.into(), ..form.clone() });
        let id = format!("plan-radius-{value}");
        html! {
            <label class="choice" for={id.clone()}>
                <input type="radio" {id} name="plan-radius-mode" checked={f.radius_mode == value} {onchange} />
                <span>{ label }</span>
            </label>
        }
    };
    let weights = props.extra_names.iter().enumerate().map(|(i, name)| {
        let form = f.clone();
        let on = props.on_edit.reform(move |v: String| {
            let mut next = form.clone();
            if next.extra_weights.len() <= i {
                next.extra_weights.resize(i + 1, "0".into());
            }
            next.extra_weights[i] = v;
            next
        });
        let value = f.extra_weights.get(i).cloned().unwrap_or_else(|| "0".into());
        field(
            &format!("plan-weight-{i}"),
            &(t.extra_weight_label)(name),
            Some(t.extra_weight_hint),
            &value,
            error(SettingsField::ExtraWeight(i)),
            "decimal",
            on,
        )
    });
    let on_decay = {
        let form = f.clone();
        props.on_edit.reform(move |e: Event| SettingsForm {
            decay: e.target_unchecked_into::<web_sys::HtmlInputElement>().checked(),
            ..form.clone()
        })
    };
    html! {
        <section class="form-section" aria-labelledby="plan-settings-heading">
            <h3 id="plan-settings-heading">{ t.settings_heading }</h3>
            <fieldset class="field choices">
                <legend>{ t.radius_mode_legend }</legend>
                <div class="choice-row">
                    { mode("metres", t.radius_metres) }
                    { mode("walking", t.radius_walking) }
                </div>
            </fieldset>
            if walking {
                { field("plan-walk-minutes", t.walk_minutes_label, None, &f.walk_minutes, error(SettingsField::WalkMinutes), "decimal", edit(|f, v| f.walk_minutes = v)) }
                { field("plan-walk-speed", t.walk_speed_label, Some(t.walk_speed_hint), &f.walk_speed, error(SettingsField::WalkSpeed), "decimal", edit(|f, v| f.walk_speed = v)) }
                { field("plan-detour", t.detour_label, Some(t.detour_hint), &f.detour, error(SettingsField::Detour), "decimal", edit(|f, v| f.detour = v)) }
                if let Some(metres) = f.radius_m() {
                    <p class="notice walk-radius" id="plan-walk-radius">{ (t.walk_radius)(&thousands(metres)) }</p>
                }
            } else {
                { field("plan-radius-m", t.radius_m_label, Some(t.radius_m_hint), &f.radius_m, error(SettingsField::RadiusM), "numeric", edit(|f, v| f.radius_m = v)) }
            }
            { field("plan-k", t.k_label, Some(t.k_hint), &f.k, error(SettingsField::K), "numeric", edit(|f, v| f.k = v)) }
            { field("plan-target", t.target_label, None, &f.target_percent, error(SettingsField::Target), "decimal", edit(|f, v| f.target_percent = v)) }
            { field("plan-need", t.need_label, Some(t.need_hint), &f.need_percent, error(SettingsField::Need), "decimal", edit(|f, v| f.need_percent = v)) }
            <>{ for weights }</>
            <div class="check field">
                <input type="checkbox" id="plan-decay" checked={f.decay} onchange={on_decay} />
                <label for="plan-decay">{ t.decay_label }</label>
            </div>
        </section>
    }
}

/// The element id of a settings field (for the error summary's links).
pub fn field_id(field: &SettingsField) -> String {
    match field {
        SettingsField::RadiusM => "plan-radius-m".into(),
        SettingsField::WalkMinutes => "plan-walk-minutes".into(),
        SettingsField::WalkSpeed => "plan-walk-speed".into(),
        SettingsField::Detour => "plan-detour".into(),
        SettingsField::K => "plan-k".into(),
        SettingsField::Target => "plan-target".into(),
        SettingsField::Need => "plan-need".into(),
        SettingsField::ExtraWeight(i) => format!("plan-weight-{i}"),
    }
}
