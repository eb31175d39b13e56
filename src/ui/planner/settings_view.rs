//! The planner's settings: service radius (metres or walking minutes), sites to choose, weights.

use yew::prelude::*;

use super::text::{model_texts, plan_texts};
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
    let models = models_fieldset(props, &error);
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
            { models }
        </section>
    }
}

/// A checkbox of the models' settings.
fn check(id: &'static str, label: &'static str, hint: Option<&'static str>, on: bool, onchange: Callback<Event>) -> Html {
    html! {
        <div class="check field">
            <input type="checkbox" id={id} checked={on} {onchange} aria-describedby={hint.map(|_| format!("{id}-hint"))} />
            <label for={id}>{ label }</label>
            if let Some(h) = hint {
                <p class="field-hint" id={format!("{id}-hint")}>{ h }</p>
            }
        </div>
    }
}

/// The planning models (issue 15): the objective, the default capacity, existing canteens as
/// required, home delivery; each default with its source in the hint.
fn models_fieldset(props: &SettingsProps, error: &dyn Fn(SettingsField) -> Option<String>) -> Html {
    let l = props.locale;
    let m = model_texts(l);
    let f = &props.form;
    let flag = |change: fn(&mut SettingsForm, bool)| {
        let form = f.clone();
        props.on_edit.reform(move |e: Event| {
            let mut next = form.clone();
            change(&mut next, e.target_unchecked_into::<web_sys::HtmlInputElement>().checked());
            next
        })
    };
    let text = |change: fn(&mut SettingsForm, String)| {
        let form = f.clone();
        props.on_edit.reform(move |v: String| {
            let mut next = form.clone();
            change(&mut next, v);
            next
        })
    };
    let objective = |capacitated: bool, id: &'static str, label: &'static str| {
        let form = f.clone();
        let onchange = props.on_edit.reform(move |_: Event| SettingsForm { capacitated, ..form.clone() });
        html! {
            <label class="choice" for={id}>
                <input type="radio" id={id} name="plan-objective" checked={f.capacitated == capacitated} {onchange} />
                <span>{ label }</span>
            </label>
        }
    };
    let on_column = {
        let form = f.clone();
        props.on_edit.reform(move |e: Event| {
            let value = e.target_unchecked_into::<web_sys::HtmlSelectElement>().value();
            SettingsForm { delivery_column: value.parse().unwrap_or(0), ..form.clone() }
        })
    };
    let columns = props.extra_names.iter().enumerate().map(|(i, name)| {
        html! { <option value={i.to_string()} selected={f.delivery_column == i}>{ name.clone() }</option> }
    });
    html! {
        <fieldset class="field choices models-settings">
            <legend>{ m.models_legend }</legend>
            <fieldset class="field choices">
                <legend>{ m.objective_legend }</legend>
                <div class="choice-row">
                    { objective(false, "plan-objective-covered", m.objective_covered) }
                    { objective(true, "plan-objective-capacitated", m.objective_capacitated) }
                </div>
                <p class="field-hint">{ m.objective_hint }</p>
            </fieldset>
            { field("plan-default-capacity", m.default_capacity_label, Some(m.default_capacity_hint), &f.default_capacity,
                error(SettingsField::DefaultCapacity), "numeric", text(|f, v| f.default_capacity = v)) }
            { check("plan-existing-required", m.existing_required_label, Some(m.existing_required_hint), f.existing_required,
                flag(|f, on| f.existing_required = on)) }
            { check("plan-delivery", m.delivery_label, Some(m.delivery_hint), f.delivery, flag(|f, on| f.delivery = on)) }
            if f.delivery {
                if props.extra_names.is_empty() {
                    <p class="notice" id="plan-delivery-no-column">{ m.delivery_no_column }</p>
                } else {
                    <div class="field">
                        <label for="plan-delivery-column">{ m.delivery_column_label }</label>
                        <select id="plan-delivery-column" onchange={on_column}>{ for columns }</select>
                    </div>
                }
                { field("plan-delivery-radius", m.delivery_radius_label, Some(m.delivery_radius_hint), &f.delivery_radius_m,
                    error(SettingsField::DeliveryRadius), "numeric", text(|f, v| f.delivery_radius_m = v)) }
            }
        </fieldset>
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
        SettingsField::DefaultCapacity => "plan-default-capacity".into(),
        SettingsField::DeliveryRadius => "plan-delivery-radius".into(),
    }
}
