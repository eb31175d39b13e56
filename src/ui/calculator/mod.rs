//! The residents' subsidy calculator (补贴计算).

mod compare_view;
mod form_view;
mod policy_picker;
mod result_view;
pub mod state;
pub mod text;

use yew::prelude::*;

use self::compare_view::CompareView;
use self::form_view::FormView;
use self::policy_picker::PolicyPicker;
use self::result_view::{outcome_summary, ResultView};
use self::state::{CalcAction, CalcState};
use self::text::calc_texts;
use crate::core::policy::calc::Outcome;
use crate::core::policy::explain::date as long_date;
use crate::core::policy::form::parse_date_loose;
use crate::core::Locale;
use crate::ui::browser;
use crate::ui::hooks::use_fragment_sync;

/// Properties of [`Calculator`].
#[derive(Properties, PartialEq)]
pub struct CalculatorProps {
    /// Interface language.
    pub locale: Locale,
    /// The policy to select first (an embedding's `?policy=`).
    #[prop_or_default]
    pub policy: Option<String>,
    /// A policy file on the same site to fetch, check and select (an embedding's `?policy-url=`).
    #[prop_or_default]
    pub policy_url: Option<String>,
}

/// The calculator tab.
#[function_component]
pub fn Calculator(props: &CalculatorProps) -> Html {
    let l = props.locale;
    let t = calc_texts(l);
    let state = use_reducer_eq(|| CalcState::new(browser::today(), &browser::fragment(), props.policy.as_deref()));
    use_fragment_sync(&state.form);
    {
        // An embedding's policy file: loaded as if the user had chosen it, once.
        let state = state.clone();
        use_effect_with(props.policy_url.clone(), move |url| {
            if let Some(url) = url.clone() {
                let path = url.clone();
                browser::fetch_bytes(&path, move |bytes| match bytes {
                    Some(bytes) => state.dispatch(CalcAction::LoadFile(url, bytes)),
                    None => state.dispatch(CalcAction::Unreachable(url)),
                });
            }
        });
    }
    let share_status = use_state(|| None::<bool>);

    let Some(selected) = state.selected().cloned() else {
        return Html::default();
    };
    let on_edit = {
        let state = state.clone();
        Callback::from(move |edit| state.dispatch(CalcAction::Edit(edit)))
    };
    let on_select = {
        let state = state.clone();
        Callback::from(move |id| state.dispatch(CalcAction::SelectPolicy(id)))
    };
    let on_file = {
        let state = state.clone();
        Callback::from(move |(name, bytes)| state.dispatch(CalcAction::LoadFile(name, bytes)))
    };
    let on_compare = {
        let state = state.clone();
        let comparing = state.comparing;
        Callback::from(move |_: MouseEvent| state.dispatch(CalcAction::SetComparing(!comparing)))
    };
    let on_share = {
        let share_status = share_status.clone();
        Callback::from(move |_: MouseEvent| {
            let share_status = share_status.clone();
            browser::copy_text(browser::current_url(), move |ok| share_status.set(Some(ok)));
        })
    };
    let on_print = Callback::from(|_: MouseEvent| browser::print());
    let on_details = Callback::from(|_: MouseEvent| browser::focus("result-heading"));

    let errors = match &state.outcome {
        Outcome::Invalid(errors) => errors.clone(),
        _ => Vec::new(),
    };
    let meal_date = parse_date_loose(&state.form.date);
    let reference_price = meal_date.and_then(|d| {
        let v = selected.policy.version_on(d)?;
        v.reference_price.as_ref().and_then(|(p, _)| p.at(d)).copied()
    });
    let version_line = meal_date
        .and_then(|d| selected.policy.version_on(d))
        .map(|v| format!("{}：{}（{}）", t.version_word, v.label.get(l), long_date(v.from, l)));

    html! {
        <div class="calculator">
            <PolicyPicker policies={state.policies.clone()} selected={state.form.policy.clone()}
                file={state.file.clone()} locale={l} {on_select} {on_file} />
            if let Some(summary) = &selected.policy.summary {
                <p class="policy-summary">{ summary.get(l).to_string() }</p>
            }
            if let Some(line) = version_line {
                <p class="field-hint">{ line }</p>
            }
            <div class="calc-columns">
                <form class="calc-form" novalidate=true onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())}>
                    <FormView form={state.form.clone()} {errors} categories={selected.policy.categories.clone()}
                        {reference_price} locale={l} {on_edit} />
                </form>
                <div class="calc-result">
                    if state.comparing {
                        <CompareView policies={state.policies.clone()} outcomes={state.comparison.clone()} locale={l} />
                    } else {
                        <ResultView outcome={state.outcome.clone()} policy={selected.policy.clone()} month={state.month.clone()} locale={l} />
                    }
                    <div class="actions">
                        <button type="button" id="calc-compare" class="button primary" onclick={on_compare}>
                            { if state.comparing { t.compare_back } else { t.compare } }
                        </button>
                        <button type="button" id="calc-share" class="button secondary" onclick={on_share}>{ t.share }</button>
                        <button type="button" id="calc-print" class="button secondary" onclick={on_print}>{ t.print }</button>
                    </div>
                    <div class="result-bar">
                        <p class="result-bar-text">{ outcome_summary(&state.outcome, l) }</p>
                        <button type="button" class="button primary" onclick={on_details}>{ t.see_details }</button>
                    </div>
                    <p class="share-status" role="status">
                        { match *share_status {
                            Some(true) => t.share_done,
                            Some(false) => t.share_failed,
                            None => "",
                        } }
                    </p>
                </div>
            </div>
        </div>
    }
}
