//! What a resident would see: one of the policy's own example people, assessed by the same engine
//! and explained with the same words as the calculator (`core::policy::assess`, `explain`).

use yew::prelude::*;

use super::text::StudioTexts;
use crate::core::calendar::Calendar;
use crate::core::policy::assess::assess;
use crate::core::policy::explain::{advice_text, date, hint_text, money, note_text, step_text};
use crate::core::policy::Policy;
use crate::core::Locale;

/// Properties of [`Preview`].
#[derive(Properties, PartialEq)]
pub struct PreviewProps {
    /// Interface language.
    pub locale: Locale,
    /// The policy, when the draft loads.
    pub policy: Option<Policy>,
}

/// The preview section: choose one of the cases' people, see the result and its reasons.
#[function_component]
pub fn Preview(props: &PreviewProps) -> Html {
    let l = props.locale;
    let t = super::text::studio_texts(l);
    let chosen = use_state_eq(|| 0usize);
    let Some(policy) = props.policy.as_ref() else {
        return html! {
            <section class="form-section studio-section" aria-labelledby="studio-preview-heading">
                <h3 id="studio-preview-heading">{ t.preview_heading }</h3>
                <p class="field-hint">{ t.preview_waiting }</p>
            </section>
        };
    };
    let onchange = {
        let chosen = chosen.clone();
        Callback::from(move |e: Event| {
            let v = e.target_unchecked_into::<web_sys::HtmlSelectElement>().value();
            chosen.set(v.parse().unwrap_or(0));
        })
    };
    let options = policy.cases.iter().enumerate().map(|(i, c)| {
        let selected = i == *chosen;
        html! { <option value={i.to_string()} {selected}>{ c.name.clone() }</option> }
    });
    let body = policy.cases.get(*chosen).map(|c| result(t, l, policy, c));
    html! {
        <section class="form-section studio-section" aria-labelledby="studio-preview-heading">
            <h3 id="studio-preview-heading">{ t.preview_heading }</h3>
            <p class="field-hint">{ t.preview_hint }</p>
            if policy.cases.is_empty() {
                <p>{ t.preview_no_cases }</p>
            } else {
                <div class="field">
                    <label for="studio-preview-case">{ t.preview_person }</label>
                    <select id="studio-preview-case" {onchange}>{ for options }</select>
                </div>
            }
            <>{ for body }</>
        </section>
    }
}

fn result(t: &StudioTexts, l: Locale, policy: &Policy, case: &crate::core::policy::model::Case) -> Html {
    let a = assess(policy, &case.person, &case.meal, Calendar::builtin());
    let headline = if a.eligible { (t.preview_subsidy)(&money(a.subsidy, l)) } else { t.preview_not_eligible.to_string() };
    let pay = a.pay.map(|p| (t.preview_pay)(&money(p, l)));
    let steps = a.steps.iter().map(|s| html! { <li>{ step_text(s, policy, l) }</li> });
    let hints = a.hints.iter().map(|h| html! { <li>{ hint_text(h, policy, l) }</li> });
    let notes = a.notes.iter().map(|n| html! { <li>{ note_text(n, l) }</li> });
    let advice = a.advice.as_ref().map(|x| advice_text(x, l));
    html! {
        <div class="result studio-preview" role="status" aria-live="polite">
            <p class="field-hint">{ (t.preview_meal)(&date(a.date, l)) }</p>
            <p class="figure"><span class="figure-value">{ headline }</span></p>
            if let Some(pay) = pay {
                <p class="figure-label">{ pay }</p>
            }
            if let Some(advice) = advice {
                <p class="advice">{ advice }</p>
            }
            <ol class="steps">{ for steps }</ol>
            if !a.hints.is_empty() {
                <ul class="hints">{ for hints }</ul>
            }
            if !a.notes.is_empty() {
                <ul class="notes">{ for notes }</ul>
            }
        </div>
    }
}

/// The preview for `policy` (none while the draft does not load).
pub fn preview(l: Locale, _t: &StudioTexts, policy: Option<&Policy>) -> Html {
    html! { <Preview locale={l} policy={policy.cloned()} /> }
}
