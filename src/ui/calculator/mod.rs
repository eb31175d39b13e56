//! The residents' subsidy calculator (补贴计算).

mod compare_view;
mod form_view;
mod policy_picker;
mod result_bar;
mod result_view;
pub mod state;
pub mod text;

use std::rc::Rc;

use yew::prelude::*;

use self::compare_view::CompareView;
use self::form_view::FormView;
use self::policy_picker::PolicyPicker;
use self::result_bar::ResultBar;
use self::result_view::ResultView;
use self::state::{CalcAction, CalcState};
use self::text::calc_texts;
use crate::core::policy::calc::Outcome;
use crate::core::policy::form::{parse_date_loose, FormError, FormField, Typing};
use crate::core::policy::presets::weakest_confidence;
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
    /// Opens the policy studio (政策编辑器) when the page has it: "我的城市不在列表里" offers it.
    #[prop_or_default]
    pub on_open_studio: Option<Callback<()>>,
}

/// What happens to the date being typed (see [`Typing`]).
enum TypingAction {
    /// A keystroke in a field, with the problems on screen before it.
    Typed(FormField, Vec<FormError>),
    /// The field was left or its value committed.
    Left(FormField),
    /// The form was submitted.
    Submitted,
}

#[derive(Default, PartialEq)]
struct TypingState(Typing);

impl Reducible for TypingState {
    type Action = TypingAction;

    fn reduce(self: Rc<Self>, action: TypingAction) -> Rc<Self> {
        let mut typing = self.0.clone();
        match action {
            TypingAction::Typed(field, on_screen) => typing.typed(field, &on_screen),
            TypingAction::Left(field) => typing.left(&field),
            TypingAction::Submitted => typing.submitted(),
        }
        Rc::new(TypingState(typing))
    }
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
    // The chosen preset's file (all of them while comparing), fetched from beside the page: the
    // presets are not built into the calculator.
    {
        let state = state.clone();
        use_effect_with(state.wanted(), move |ids| {
            for id in ids.clone() {
                let state = state.clone();
                browser::fetch_bytes(&format!("{id}.toml"), move |bytes| state.dispatch(CalcAction::PresetFetched(id.to_string(), bytes)));
            }
        });
    }
    let share_status = use_state(|| None::<bool>);

    // Before a city is chosen there is no policy: the questions can be answered, but no figure
    // is shown (never another city's).
    let selected = state.selected().cloned();
    let on_edit = {
        let state = state.clone();
        Callback::from(move |edit| state.dispatch(CalcAction::Edit(edit)))
    };
    // A date's problem waits while the date is typed, and shows once the field is left.
    let typing = use_reducer_eq(TypingState::default);
    let outcome = typing.0.shown_outcome(&state.outcome);
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

    // Problems with the answers are shown next to their fields whether or not a city is chosen.
    let errors = match &outcome {
        Outcome::Invalid(errors) => errors.clone(),
        _ => Vec::new(),
    };
    let on_typed = {
        let (typing, on_screen) = (typing.clone(), errors.clone());
        Callback::from(move |field| typing.dispatch(TypingAction::Typed(field, on_screen.clone())))
    };
    let on_left = {
        let typing = typing.clone();
        Callback::from(move |field| typing.dispatch(TypingAction::Left(field)))
    };
    let on_submit = {
        let typing = typing.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            typing.dispatch(TypingAction::Submitted);
        })
    };
    let meal_date = parse_date_loose(&state.form.date);
    let reference_price = selected.as_ref().zip(meal_date).and_then(|(s, d)| {
        let v = s.policy.version_on(d)?;
        v.reference_price.as_ref().and_then(|(p, _)| p.at(d)).copied()
    });
    let version_line = selected.as_ref().zip(meal_date).and_then(|(s, d)| s.policy.version_on(d)).map(|v| (t.version_line)(v.label.get(l)));
    let summary = selected.as_ref().and_then(|s| s.policy.summary.as_ref()).map(|s| s.get(l).to_string());
    // The weakest of the chosen policy's sources (a preset's, or a loaded file's own).
    let confidence_line =
        selected.as_ref().and_then(|s| weakest_confidence(&s.policy.sources)).map(|c| (t.chosen_confidence)(&(t.confidence)(c)));
    let categories = selected.as_ref().map(|s| s.policy.categories.clone()).unwrap_or_default();
    let asks_income = state.asks_income();

    html! {
        <div class="calculator">
            <PolicyPicker options={state.choices(l, t.policy_from_file)} selected={state.form.policy.clone()}
                file={state.file.clone()} locale={l} {on_select} {on_file} on_open_studio={props.on_open_studio.clone()} />
            if summary.is_some() || version_line.is_some() || confidence_line.is_some() {
                <details class="policy-about">
                    <summary>{ t.policy_about }</summary>
                    if let Some(summary) = summary {
                        <p class="policy-summary">{ summary }</p>
                    }
                    if let Some(line) = version_line {
                        <p class="field-hint">{ line }</p>
                    }
                    if let Some(line) = confidence_line {
                        <p class="field-hint">{ line }</p>
                    }
                </details>
            }
            <div class="calc-columns">
                <form class="calc-form" novalidate=true onsubmit={on_submit}>
                    <FormView form={state.form.clone()} {errors} {categories} {asks_income}
                        {reference_price} locale={l} {on_edit} {on_typed} {on_left} />
                </form>
                <div class="calc-result">
                    if state.comparing {
                        if !state.wanted().is_empty() {
                            <p class="notice" role="status">{ t.compare_loading }</p>
                        }
                        <CompareView policies={state.policies.clone()} outcomes={state.comparison.clone()} locale={l} />
                    } else if let Some(selected) = &selected {
                        <ResultView outcome={outcome.clone()} policy={selected.policy.clone()} month={state.month.clone()} locale={l}
                            form={Some(state.form.clone())} income={state.income.clone()} />
                    } else {
                        <section class="result" aria-labelledby="result-heading">
                            <h3 id="result-heading" tabindex="-1">{ t.result_heading }</h3>
                            <div class="result-headline" role="status" aria-live="polite" aria-atomic="true">
                                <p class="result-empty">{
                                    if state.loading() {
                                        t.policy_loading
                                    } else if state.preset_failed.is_some() {
                                        t.policy_fetch_failed
                                    } else {
                                        t.no_city_result
                                    }
                                }</p>
                            </div>
                        </section>
                    }
                    <div class="actions">
                        <button type="button" id="calc-compare" class="button primary" onclick={on_compare}>
                            { if state.comparing { t.compare_back } else { t.compare } }
                        </button>
                        <button type="button" id="calc-share" class="button secondary" onclick={on_share}>{ t.share }</button>
                        <button type="button" id="calc-print" class="button secondary" onclick={on_print}>{ t.print }</button>
                    </div>
                    <ResultBar outcome={outcome.clone()} locale={l} />
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
