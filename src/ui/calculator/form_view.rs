//! The questions. Every control has a visible label, hints are tied to it with
//! `aria-describedby`, and an error is shown in text next to its field.
//!
//! Only the questions that decide most people's subsidy are on the way to the figure (age,
//! hukou, hardship, the policy's own categories); the rest, which most people leave as they are
//! (care need, disability, special groups, care home, the meal, its price and place, the month
//! plan), are folded under "更多情况（可不填）". The fold opens by itself when a share link has
//! answers there, or when one of them needs correcting.
//!
//! A date's problem is not shown while the date is being typed ("1944-0" on the way to
//! "1944-05-01" is not a mistake yet): the calculator holds it back (see
//! [`Typing`](crate::core::policy::form::Typing)) until the field is left, its value committed
//! (Enter) or the form submitted. This view reports the typing and the leaving.

use yew::prelude::*;

use super::state::Edit;
use super::text::{calc_texts, CalcTexts};
use crate::core::money::Fen;
use crate::core::policy::explain::{
    care_name, group_explain, group_name, hardship_explain, hardship_name, hukou_name, meal_name, money, place_name,
};
use crate::core::policy::form::{AgeMode, FormError, FormField, FormInput, IncomeMode, Tri, UNSURE};
use crate::core::policy::model::Category;
use crate::core::policy::{Area, CareLevel, Group, Hardship, Hukou, MealKind, Place};
use crate::core::Locale;

/// Properties of [`FormView`].
#[derive(Properties, PartialEq)]
pub struct FormViewProps {
    /// The form as typed.
    pub form: FormInput,
    /// Problems to show next to fields.
    pub errors: Vec<FormError>,
    /// The selected policy's own categories.
    pub categories: Vec<Category>,
    /// Does the selected policy use the household income (then the form asks for it)?
    #[prop_or_default]
    pub asks_income: bool,
    /// The selected policy's reference price on the meal date, if any.
    pub reference_price: Option<Fen>,
    /// Interface language.
    pub locale: Locale,
    /// Called with every change.
    pub on_edit: Callback<Edit>,
    /// Called when a date field is typed into (before its edit).
    #[prop_or_default]
    pub on_typed: Callback<FormField>,
    /// Called when a date field is left or its value committed (`change`, `blur`, Enter).
    #[prop_or_default]
    pub on_left: Callback<FormField>,
}

fn input_value(e: &InputEvent) -> String {
    e.target_unchecked_into::<web_sys::HtmlInputElement>().value()
}

fn select_value(e: &Event) -> String {
    e.target_unchecked_into::<web_sys::HtmlSelectElement>().value()
}

fn is_checked(e: &Event) -> bool {
    e.target_unchecked_into::<web_sys::HtmlInputElement>().checked()
}

fn error_for(errors: &[FormError], field: &FormField, locale: Locale) -> Option<String> {
    errors.iter().find(|e| &e.field == field).map(|e| e.message(locale))
}

/// `aria-describedby` for a field with a hint and maybe an error.
fn described_by(id: &str, has_hint: bool, has_error: bool) -> Option<String> {
    let mut ids = Vec::new();
    if has_hint {
        ids.push(format!("{id}-hint"));
    }
    if has_error {
        ids.push(format!("{id}-error"));
    }
    (!ids.is_empty()).then(|| ids.join(" "))
}

fn hint_and_error(id: &str, hint: Option<&str>, error: &Option<String>) -> Html {
    html! {
        <>
            if let Some(hint) = hint {
                <p class="field-hint" id={format!("{id}-hint")}>{ hint }</p>
            }
            if let Some(error) = error {
                <p class="field-error" id={format!("{id}-error")}>{ error.clone() }</p>
            }
        </>
    }
}

/// A date field's typing and leaving, reported to the calculator (see [`FormViewProps::on_typed`]).
struct Watch<'a> {
    field: FormField,
    props: &'a FormViewProps,
}

#[allow(clippy::too_many_arguments)]
fn text_field(
    id: &'static str,
    label: &str,
    hint: Option<&str>,
    value: &str,
    error: Option<String>,
    inputmode: &'static str,
    autocomplete: &'static str,
    on: Callback<String>,
    watch: Option<Watch>,
) -> Html {
    let (oninput, onchange, onblur, onkeydown) = match watch {
        Some(Watch { field, props }) => {
            let typed = props.on_typed.clone();
            let (on_left, f) = (props.on_left.clone(), field.clone());
            let onchange = props.on_left.reform({
                let f = field.clone();
                move |_: Event| f.clone()
            });
            let onblur = props.on_left.reform({
                let f = field.clone();
                move |_: FocusEvent| f.clone()
            });
            let onkeydown = Callback::from(move |e: KeyboardEvent| {
                if e.key() == "Enter" {
                    on_left.emit(f.clone());
                }
            });
            let oninput = Callback::from(move |e: InputEvent| {
                typed.emit(field.clone());
                on.emit(input_value(&e));
            });
            (oninput, Some(onchange), Some(onblur), Some(onkeydown))
        }
        None => (on.reform(|e: InputEvent| input_value(&e)), None, None, None),
    };
    html! {
        <div class={classes!("field", error.is_some().then_some("has-error"))}>
            <label for={id}>{ label }</label>
            { hint_and_error(id, hint, &error) }
            <input type="text" {id} value={value.to_string()} {inputmode} {autocomplete}
                aria-invalid={if error.is_some() { "true" } else { "false" }}
                aria-describedby={described_by(id, hint.is_some(), error.is_some())}
                {oninput} {onchange} {onblur} {onkeydown} />
        </div>
    }
}

fn select_field(
    id: &'static str,
    label: &str,
    hint: Option<String>,
    value: &str,
    options: Vec<(String, String)>,
    error: Option<String>,
    on: Callback<String>,
) -> Html {
    let onchange = on.reform(|e: Event| select_value(&e));
    let opts = options.into_iter().map(|(code, text)| {
        let selected = code == value;
        html! { <option value={code} {selected}>{ text }</option> }
    });
    html! {
        <div class={classes!("field", error.is_some().then_some("has-error"))}>
            <label for={id}>{ label }</label>
            { hint_and_error(id, hint.as_deref(), &error) }
            <select {id} {onchange} aria-invalid={if error.is_some() { "true" } else { "false" }}
                aria-describedby={described_by(id, hint.is_some(), error.is_some())}>
                <>{ for opts }</>
            </select>
        </div>
    }
}

fn radio_group(name: &str, legend: &str, hint: Option<&str>, value: &str, options: Vec<(String, String)>, on: Callback<String>) -> Html {
    let name = AttrValue::from(name.to_string());
    let radios = options.into_iter().map(|(code, text)| {
        let id = format!("{name}-{code}");
        let checked = code == value;
        let onchange = {
            let code = code.clone();
            on.reform(move |_: Event| code.clone())
        };
        html! {
            <label class="choice" for={id.clone()}>
                <input type="radio" {id} name={name.clone()} value={code} {checked} {onchange} />
                <span>{ text }</span>
            </label>
        }
    });
    html! {
        <fieldset class="field choices" aria-describedby={hint.map(|_| format!("{name}-hint"))}>
            <legend>{ legend }</legend>
            if let Some(hint) = hint {
                <p class="field-hint" id={format!("{name}-hint")}>{ hint }</p>
            }
            <div class="choice-row">{ for radios }</div>
        </fieldset>
    }
}

fn tri_options(t: &CalcTexts) -> Vec<(String, String)> {
    vec![("n".into(), t.no.into()), ("y".into(), t.yes.into()), ("u".into(), t.unsure.into())]
}

fn tri_code(v: Tri) -> &'static str {
    match v {
        Tri::Yes => "y",
        Tri::No => "n",
        Tri::Unsure => "u",
    }
}

fn tri_from(code: &str) -> Tri {
    match code {
        "y" => Tri::Yes,
        "u" => Tri::Unsure,
        _ => Tri::No,
    }
}

/// The questions about the person and the meal.
#[function_component]
pub fn FormView(props: &FormViewProps) -> Html {
    let l = props.locale;
    let t = calc_texts(l);
    let f = &props.form;
    let edit = |make: fn(String) -> Edit| props.on_edit.reform(make);
    let more_open = use_state(|| f.has_extras());
    let must_open = props.errors.iter().any(|e| e.field.is_extra());
    let on_toggle = {
        let more_open = more_open.clone();
        Callback::from(move |e: Event| {
            let details: web_sys::Element = e.target_unchecked_into();
            more_open.set(details.has_attribute("open"));
        })
    };

    html! {
        <>
            <section class="form-section" aria-labelledby="about-you">
                <h3 id="about-you">{ t.about_you }</h3>
                { age_fields(props, t) }
                { select_field("calc-hukou", t.hukou_legend, Some(t.hukou_hint.into()), &f.hukou,
                    vec![
                        (Hukou::Local.code().into(), hukou_name(Hukou::Local, l).into()),
                        (Hukou::Nonlocal.code().into(), hukou_name(Hukou::Nonlocal, l).into()),
                        (UNSURE.into(), t.unsure.into()),
                    ],
                    error_for(&props.errors, &FormField::Hukou, l), edit(Edit::Hukou)) }
                { hardship_field(props, t) }
                if props.asks_income {
                    { income_fields(props, t) }
                }
                <>{ for props.categories.iter().map(|c| category_field(props, c, t)) }</>
            </section>
            <details class="more" open={*more_open || must_open} ontoggle={on_toggle}>
                <summary>{ t.more_heading }</summary>
                <p class="field-hint">{ t.more_hint }</p>
            <section class="form-section" aria-labelledby="health">
                <h3 id="health">{ t.health_heading }</h3>
                { select_field("calc-care-level", t.care_label, Some(t.care_hint.into()), &f.care_level,
                    CareLevel::ALL.iter().map(|c| (c.code().to_string(), care_name(*c, l).to_string()))
                        .chain([(UNSURE.to_string(), t.unsure.to_string())]).collect(),
                    error_for(&props.errors, &FormField::CareLevel, l), edit(Edit::CareLevel)) }
                { select_field("calc-disability", t.disability_label, None, &f.disability_grade,
                    std::iter::once(("0".to_string(), t.disability_none.to_string()))
                        .chain((1..=4).map(|g| (g.to_string(), (t.grade_name)(g))))
                        .chain([(UNSURE.to_string(), t.unsure.to_string())]).collect(),
                    error_for(&props.errors, &FormField::DisabilityGrade, l), edit(Edit::Disability)) }
                { groups_field(props, t) }
                { radio_group("calc-care-home", t.care_home_legend, None, tri_code(f.in_care_home), tri_options(t),
                    props.on_edit.reform(|c: String| Edit::InCareHome(tri_from(&c)))) }
            </section>
            <section class="form-section" aria-labelledby="the-meal">
                <h3 id="the-meal">{ t.the_meal }</h3>
                { meal_fields(props, t) }
            </section>
            <section class="form-section" aria-labelledby="the-plan">
                <h3 id="the-plan">{ t.plan_heading }</h3>
                { plan_fields(props, t) }
            </section>
            </details>
        </>
    }
}

fn age_fields(props: &FormViewProps, t: &CalcTexts) -> Html {
    let l = props.locale;
    let f = &props.form;
    let mode = match f.age_mode {
        AgeMode::Age => "age",
        AgeMode::BirthDate => "birth",
    };
    let on_mode = props.on_edit.reform(|c: String| Edit::AgeMode(if c == "birth" { AgeMode::BirthDate } else { AgeMode::Age }));
    html! {
        <>
            { radio_group("calc-age-mode", t.age_mode_legend, None, mode,
                vec![("age".into(), t.age_mode_age.into()), ("birth".into(), t.age_mode_birth.into())], on_mode) }
            if f.age_mode == AgeMode::Age {
                { text_field("calc-age", t.age_label, Some(t.age_hint), &f.age,
                    error_for(&props.errors, &FormField::Age, l), "numeric", "off", props.on_edit.reform(Edit::Age), None) }
            } else {
                { text_field("calc-birth-date", t.birth_label, Some(t.birth_hint), &f.birth_date,
                    error_for(&props.errors, &FormField::BirthDate, l), "numeric", "bday", props.on_edit.reform(Edit::BirthDate),
                    Some(Watch { field: FormField::BirthDate, props })) }
            }
        </>
    }
}

fn hardship_field(props: &FormViewProps, t: &CalcTexts) -> Html {
    let l = props.locale;
    let value = &props.form.hardship;
    // What the chosen category means (nothing for "none of these": the list says it all).
    let explain = match Hardship::from_code(value) {
        Some(Hardship::None) => None,
        Some(h) => Some(hardship_explain(h, l).to_string()),
        None => Some(t.ask_when_unsure.to_string()),
    };
    select_field(
        "calc-hardship",
        t.hardship_label,
        explain,
        value,
        Hardship::ALL
            .iter()
            .map(|h| (h.code().to_string(), hardship_name(*h, l).to_string()))
            .chain([(UNSURE.to_string(), t.unsure.to_string())])
            .collect(),
        error_for(&props.errors, &FormField::Hardship, l),
        props.on_edit.reform(Edit::Hardship),
    )
}

/// The household income per person per month (an amount, a range, or not sure) and urban or
/// rural, asked only when the policy uses income: what they suggest is shown beside the result,
/// never taken as a recognised category.
fn income_fields(props: &FormViewProps, t: &CalcTexts) -> Html {
    let l = props.locale;
    let f = &props.form;
    let on_mode = props.on_edit.reform(|c: String| Edit::IncomeMode(IncomeMode::from_code(&c).unwrap_or_default()));
    let modes = vec![
        (IncomeMode::Amount.code().to_string(), t.income_amount.to_string()),
        (IncomeMode::Range.code().to_string(), t.income_range.to_string()),
        (IncomeMode::Unsure.code().to_string(), t.income_unsure.to_string()),
    ];
    let areas = vec![
        (Area::Urban.code().to_string(), t.area_urban.to_string()),
        (Area::Rural.code().to_string(), t.area_rural.to_string()),
        (UNSURE.to_string(), t.unsure.to_string()),
    ];
    let watch = || Some(Watch { field: FormField::Income, props });
    html! {
        <div class="income-question">
            { radio_group("calc-income-mode", t.income_mode_legend, Some(t.income_hint), f.income_mode.code(), modes, on_mode) }
            if f.income_mode == IncomeMode::Amount {
                { text_field("calc-income", t.income_label, Some(t.income_amount_hint), &f.income,
                    error_for(&props.errors, &FormField::Income, l), "decimal", "off", props.on_edit.reform(Edit::Income), watch()) }
            } else if f.income_mode == IncomeMode::Range {
                { text_field("calc-income", t.income_from_label, None, &f.income,
                    error_for(&props.errors, &FormField::Income, l), "decimal", "off", props.on_edit.reform(Edit::Income), watch()) }
                { text_field("calc-income-to", t.income_to_label, None, &f.income_to,
                    error_for(&props.errors, &FormField::IncomeTo, l), "decimal", "off", props.on_edit.reform(Edit::IncomeTo), None) }
            }
            if f.income_mode != IncomeMode::Unsure {
                { radio_group("calc-area", t.area_legend, Some(t.area_hint), &f.area, areas, props.on_edit.reform(Edit::Area)) }
            }
        </div>
    }
}

fn groups_field(props: &FormViewProps, t: &CalcTexts) -> Html {
    let l = props.locale;
    let boxes = Group::ALL.iter().map(|g| {
        let g = *g;
        let id = format!("calc-group-{}", g.code());
        let hint_id = format!("{id}-hint");
        let checked = props.form.groups.contains(&g);
        let onchange = props.on_edit.reform(move |e: Event| Edit::Group(g, is_checked(&e)));
        html! {
            <div class="check">
                <input type="checkbox" id={id.clone()} {checked} {onchange} aria-describedby={hint_id.clone()} />
                <label for={id}>{ group_name(g, l) }</label>
                <p class="field-hint" id={hint_id}>{ group_explain(g, l) }</p>
            </div>
        }
    });
    html! {
        <fieldset class="field">
            <legend>{ t.groups_legend }</legend>
            <>{ for boxes }</>
        </fieldset>
    }
}

/// A policy's own category: yes / no / not sure, its explanation folded under "这是指什么？" (these
/// explanations are long lists, and most people know at once whether they belong).
fn category_field(props: &FormViewProps, c: &Category, t: &CalcTexts) -> Html {
    let l = props.locale;
    let id = c.id.clone();
    let value = props.form.flags.get(&c.id).copied().unwrap_or_default();
    let name = format!("calc-flag-{}", c.id);
    let on = props.on_edit.reform(move |code: String| Edit::Flag(id.clone(), tri_from(&code)));
    let question = radio_group(&name, c.name.get(l), None, tri_code(value), tri_options(t), on);
    match &c.explain {
        Some(explain) => html! {
            <div class="category">
                { question }
                <details class="explain">
                    <summary>{ t.what_is }</summary>
                    <p class="field-hint">{ explain.get(l).to_string() }</p>
                </details>
            </div>
        },
        None => question,
    }
}

fn meal_fields(props: &FormViewProps, t: &CalcTexts) -> Html {
    let l = props.locale;
    let f = &props.form;
    let price_hint = match props.reference_price {
        Some(p) => (t.price_hint_reference)(&money(p, l)),
        None => t.price_hint_none.to_string(),
    };
    let on_delivery = props.on_edit.reform(|e: Event| Edit::Delivery(is_checked(&e)));
    html! {
        <>
            { text_field("calc-date", t.date_label, Some(t.date_hint), &f.date,
                error_for(&props.errors, &FormField::Date, l), "numeric", "off", props.on_edit.reform(Edit::Date),
                Some(Watch { field: FormField::Date, props })) }
            { select_field("calc-meal", t.meal_label, None, &f.meal,
                MealKind::ALL.iter().map(|m| (m.code().to_string(), meal_name(*m, l).to_string())).collect(),
                error_for(&props.errors, &FormField::Meal, l), props.on_edit.reform(Edit::Meal)) }
            { text_field("calc-price", t.price_label, Some(&price_hint), &f.price,
                error_for(&props.errors, &FormField::Price, l), "decimal", "off", props.on_edit.reform(Edit::Price), None) }
            <div class="check field">
                <input type="checkbox" id="calc-delivery" checked={f.delivery} onchange={on_delivery} />
                <label for="calc-delivery">{ t.delivery_label }</label>
            </div>
            { select_field("calc-place", t.place_label, None, &f.place,
                Place::ALL.iter().map(|p| (p.code().to_string(), place_name(*p, l).to_string())).collect(),
                error_for(&props.errors, &FormField::Place, l), props.on_edit.reform(Edit::Place)) }
        </>
    }
}

fn plan_fields(props: &FormViewProps, t: &CalcTexts) -> Html {
    let l = props.locale;
    let days = t.weekdays.iter().enumerate().map(|(i, name)| {
        let id = format!("calc-plan-day-{i}");
        let checked = props.form.plan_days[i];
        let onchange = props.on_edit.reform(move |e: Event| Edit::PlanDay(i, is_checked(&e)));
        html! {
            <label class="choice" for={id.clone()}>
                <input type="checkbox" {id} {checked} {onchange} />
                <span>{ *name }</span>
            </label>
        }
    });
    let meals = MealKind::ALL.iter().map(|m| {
        let m = *m;
        let id = format!("calc-plan-meal-{}", m.code());
        let checked = props.form.plan_meals.contains(&m);
        let onchange = props.on_edit.reform(move |e: Event| Edit::PlanMeal(m, is_checked(&e)));
        html! {
            <label class="choice" for={id.clone()}>
                <input type="checkbox" {id} {checked} {onchange} />
                <span>{ meal_name(m, l) }</span>
            </label>
        }
    });
    html! {
        <>
            <fieldset class="field choices">
                <legend>{ t.plan_days_legend }</legend>
                <div class="choice-row">{ for days }</div>
            </fieldset>
            <fieldset class="field choices">
                <legend>{ t.plan_meals_legend }</legend>
                <div class="choice-row">{ for meals }</div>
            </fieldset>
        </>
    }
}
