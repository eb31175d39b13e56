//! The answer: the figures in large type, then how they were worked out, each step with the
//! policy's own words, what is missing for more, and what the source leaves open.

use std::rc::Rc;

use gloo::events::EventListener;
use gloo::timers::callback::Timeout;
use yew::prelude::*;

use super::text::{calc_texts, CalcTexts};
use crate::core::date::Date;
use crate::core::money::Fen;
use crate::core::policy::assess::{Assessment, StepKind};
use crate::core::policy::calc::Outcome;
use crate::core::policy::explain::{
    advice_range_text, advice_text, date, group_name, hint_text, money, note_text, step_text, version_notes,
};
use crate::core::policy::form::{validate, FormError, FormField, FormInput};
use crate::core::policy::income::{income_text, IncomeCheck};
use crate::core::policy::model::{ClauseRef, Policy};
use crate::core::policy::simulate::MonthResult;
use crate::core::policy::words::{answer_lines, limit_lines, money_cap_lines, month_words};
use crate::core::policy::{Question, RangeAssessment};
use crate::core::Locale;
use crate::ui::browser;

/// How long the answers must stay still before the result is announced to screen readers, so
/// typing "75" is not read out as "7 … 0元 … 75 … 5元" but once, as the settled result.
const SETTLE_MS: u32 = 1000;

/// Properties of [`ResultView`].
#[derive(Properties, PartialEq)]
pub struct ResultViewProps {
    /// What to show.
    pub outcome: Outcome,
    /// The policy it is for.
    pub policy: Rc<Policy>,
    /// The month under the person's meal plan, if worked out.
    pub month: Option<MonthResult>,
    /// Interface language.
    pub locale: Locale,
    /// The form as typed, for "您填写的情况" (what the figures were worked out from).
    #[prop_or_default]
    pub form: Option<FormInput>,
    /// What the household income suggests, and the figures with and without recognition.
    #[prop_or_default]
    pub income: Option<IncomeCheck>,
}

/// The result area.
#[function_component]
pub fn ResultView(props: &ResultViewProps) -> Html {
    let l = props.locale;
    let t = calc_texts(l);
    let p = &props.policy;
    let today = browser::today();
    let has_month = props.month.is_some();
    let (headline, body) = match &props.outcome {
        Outcome::Empty => (html! { <p class="result-empty">{ t.result_empty }</p> }, Html::default()),
        Outcome::Invalid(errors) => (error_summary(errors, t, l), Html::default()),
        Outcome::Blocked { failed, total } => (html! { <p class="result-blocked">{ (t.blocked)(*failed, *total) }</p> }, Html::default()),
        Outcome::TooManyUnknowns => (html! { <p>{ t.too_many_unknowns }</p> }, Html::default()),
        Outcome::Single(a) => (single_headline(a, p, t, l), explanation(a, p, has_month, true, today, t, l)),
        Outcome::Range(r) => (range_headline(r, p, t, l), range_body(r, p, today, t, l)),
    };
    let month = match (&props.month, &props.outcome) {
        (Some(m), Outcome::Single(a)) => month_view(m, a, p, today, t, l),
        _ => Html::default(),
    };
    let income = match (&props.outcome, &props.income) {
        (Outcome::Single(_) | Outcome::Range(_), Some(check)) => income_view(check, p, t, l),
        _ => Html::default(),
    };
    let answers = match (&props.outcome, &props.form) {
        (Outcome::Single(_) | Outcome::Range(_), Some(form)) => answers_view(form, p, t, l),
        _ => Html::default(),
    };
    html! {
        <section class="result" aria-labelledby="result-heading">
            <h3 id="result-heading" tabindex="-1">{ t.result_heading }</h3>
            <div class="result-headline">{ headline }</div>
            { income }
            <Announcer text={announcement(&props.outcome, p, l)}
                on_commit_only={matches!(props.outcome, Outcome::Invalid(_))} />
            { month }
            { body }
            { answers }
            { footer(p, t, l) }
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct AnnouncerProps {
    /// What to announce once the answers have settled.
    text: String,
    /// Announce only when a field is committed (left or chosen), never while typing: for form
    /// errors, which a half-typed date or age would otherwise raise at every keystroke.
    on_commit_only: bool,
}

/// The result's live region. Screen readers hear the settled result only: the text is announced
/// after the answers have been still for [`SETTLE_MS`], and form errors only when a field is
/// left or a choice made (the `change` event), so typing is never interrupted.
#[function_component]
fn Announcer(props: &AnnouncerProps) -> Html {
    let announced = use_state(String::new);
    {
        let announced = announced.clone();
        use_effect_with((props.text.clone(), props.on_commit_only), move |(text, commit_only)| {
            let text = text.clone();
            let mut timeout = None;
            let mut listener = None;
            if *commit_only {
                listener = Some(EventListener::new(&gloo::utils::document(), "change", move |_| announced.set(text.clone())));
            } else {
                timeout = Some(Timeout::new(SETTLE_MS, move || announced.set(text)));
            }
            move || {
                drop(timeout);
                drop(listener);
            }
        });
    }
    html! {
        <p class="visually-hidden result-announce" role="status" aria-live="polite" aria-atomic="true">{ (*announced).clone() }</p>
    }
}

/// What the live region says for an outcome, in sentences: the figures, then what would give
/// more, or the problems to correct.
fn announcement(outcome: &Outcome, p: &Policy, l: Locale) -> String {
    let t = calc_texts(l);
    let sentence = t.sentence;
    let mut parts = Vec::new();
    match outcome {
        Outcome::Empty => {}
        Outcome::Invalid(errors) => {
            let items: Vec<String> = errors.iter().map(|e| field_problem(e, l)).collect();
            parts.push(sentence(&(t.fix_first_said)(&items)));
        }
        Outcome::Blocked { failed, total } => parts.push(sentence(&(t.blocked)(*failed, *total))),
        Outcome::TooManyUnknowns => parts.push(t.too_many_unknowns.to_string()),
        Outcome::Single(a) => {
            let pay = a.pay.map(|pay| money(pay, l));
            parts.push(sentence(&(t.figures_said)(&money(a.subsidy, l), pay.as_deref())));
            if a.subsidy.is_zero() {
                parts.push(sentence(t.no_subsidy));
            }
            if !a.delivery_subsidy.is_zero() {
                parts.push(sentence(&delivery_line(a, t, l)));
            }
            if let Some(fee) = delivery_fee_line(a, p, l) {
                parts.push(sentence(&fee));
            }
            if let Some(advice) = &a.advice {
                parts.push(sentence(&(t.advice)(&advice_text(advice, l))));
            }
        }
        Outcome::Range(r) => {
            parts.push(sentence(&(t.figures_said)(&span(r.min.subsidy, r.max.subsidy, l), None)));
            let deciding: Vec<String> = r.deciding.iter().map(|q| question_name(q, p, t, l)).collect();
            if !deciding.is_empty() {
                parts.push(sentence(&(t.depends_on)(&deciding)));
            }
            if let Some((lo, hi)) = &r.advice {
                parts.push(sentence(&(t.advice)(&advice_range_text(lo, hi, l))));
            }
        }
    }
    parts.concat().trim_end().to_string()
}

fn field_problem(e: &FormError, l: Locale) -> String {
    (calc_texts(l).field_problem)(e.field.label(l), &e.message(l))
}

fn error_summary(errors: &[FormError], t: &CalcTexts, l: Locale) -> Html {
    let items = errors.iter().map(|e| {
        let id = e.field.input_id();
        let onclick = Callback::from(move |_: MouseEvent| browser::focus(id));
        html! {
            <li>
                <button type="button" class="link-button" {onclick}>
                    { field_problem(e, l) }
                </button>
            </li>
        }
    });
    html! {
        <div class="error-summary">
            <p class="error-summary-title">{ t.fix_first }</p>
            <ul>{ for items }</ul>
        </div>
    }
}

fn figure(label: &str, amount: String, class: &'static str) -> Html {
    html! {
        <p class={classes!("figure", class)}>
            <span class="figure-label">{ label }</span>
            <span class="figure-value">{ amount }</span>
        </p>
    }
}

fn single_headline(a: &Assessment, p: &Policy, t: &CalcTexts, l: Locale) -> Html {
    let fee = delivery_fee_line(a, p, l);
    let pay = a.pay.map(|p| figure(t.you_pay, money(p, l), "pay"));
    html! {
        <>
            { figure(t.per_meal_subsidy, money(a.subsidy, l), "subsidy") }
            { pay.unwrap_or_default() }
            if a.subsidy.is_zero() {
                <p class="no-subsidy">{ t.no_subsidy }</p>
            }
            if !a.delivery_subsidy.is_zero() {
                <p class="delivery-line">{ delivery_line(a, t, l) }</p>
            }
            if let Some(fee) = fee {
                <p class="delivery-fee-line">{ fee }</p>
            }
            if let Some(advice) = &a.advice {
                <p class="advice">{ (t.advice)(&advice_text(advice, l)) }</p>
            }
        </>
    }
}

fn delivery_line(a: &Assessment, t: &CalcTexts, l: Locale) -> String {
    (t.delivery_line)(&money(a.delivery_subsidy, l), a.delivery_paid_to)
}

/// The delivery fee and who pays it, in the explanation's own words ("送餐费每次2元，由您自付").
fn delivery_fee_line(a: &Assessment, p: &Policy, l: Locale) -> Option<String> {
    a.steps.iter().find(|s| matches!(s.kind, StepKind::DeliveryFee { .. })).map(|s| step_text(s, p, l))
}

fn question_name(q: &Question, p: &Policy, t: &CalcTexts, l: Locale) -> String {
    match q {
        Question::CareLevel => t.care_label.into(),
        Question::DisabilityGrade => t.disability_label.into(),
        Question::Hardship => t.hardship_label.into(),
        Question::Group(g) => group_name(*g, l).into(),
        Question::Flag(id) => p.category(id).map_or_else(|| id.clone(), |c| c.name.get(l).to_string()),
        Question::Hukou => t.hukou_legend.into(),
        Question::InCareHome => t.care_home_legend.into(),
        Question::Income { .. } => FormField::Income.label(l).into(),
        Question::Area => FormField::Area.label(l).into(),
    }
}

fn span(lo: Fen, hi: Fen, l: Locale) -> String {
    if lo == hi {
        money(lo, l)
    } else {
        format!("{} – {}", money(lo, l), money(hi, l))
    }
}

fn range_headline(r: &RangeAssessment, p: &Policy, t: &CalcTexts, l: Locale) -> Html {
    let deciding: Vec<String> = r.deciding.iter().map(|q| question_name(q, p, t, l)).collect();
    let pay = match (r.max.pay, r.min.pay) {
        (Some(lo), Some(hi)) => Some(figure(t.you_pay, span(lo, hi, l), "pay")),
        _ => None,
    };
    html! {
        <>
            { figure(t.per_meal_subsidy, span(r.min.subsidy, r.max.subsidy, l), "subsidy") }
            { pay.unwrap_or_default() }
            if !deciding.is_empty() {
                <p class="depends">{ (t.depends_on)(&deciding) }</p>
                <p class="field-hint">{ t.ask_when_unsure }</p>
            }
            if let Some((lo, hi)) = &r.advice {
                <p class="advice">{ (t.advice)(&advice_range_text(lo, hi, l)) }</p>
            }
        </>
    }
}

fn range_body(r: &RangeAssessment, p: &Policy, today: Date, t: &CalcTexts, l: Locale) -> Html {
    let irrelevant: Vec<String> = r.irrelevant.iter().map(|q| question_name(q, p, t, l)).collect();
    // The version's notes once, not in each of the two explanations.
    let notes = version_notes(&r.max, p);
    html! {
        <>
            if !irrelevant.is_empty() {
                <p class="field-hint">{ (t.makes_no_difference)(&irrelevant) }</p>
            }
            if !notes.is_empty() {
                <h4>{ t.notes_heading }</h4>
                <ul class="notes">{ for notes.iter().map(|n| html! { <li class="version-note">{ n.get(l).to_string() }</li> }) }</ul>
            }
            <details class="range-case">
                <summary>{ (t.range_highest)(&money(r.max.subsidy, l)) }</summary>
                { explanation(&r.max, p, false, false, today, t, l) }
            </details>
            <details class="range-case">
                <summary>{ (t.range_lowest)(&money(r.min.subsidy, l)) }</summary>
                { explanation(&r.min, p, false, false, today, t, l) }
            </details>
        </>
    }
}

/// The steps, the day/week limits (and the month's, when no month under the person's habits is
/// shown), what would give more, and notes. `has_month`: the month view is shown above;
/// `with_version_notes`: the version's own notes (`[[version]] notes`) go with the notes.
fn explanation(a: &Assessment, p: &Policy, has_month: bool, with_version_notes: bool, today: Date, t: &CalcTexts, l: Locale) -> Html {
    let version_notes: &[crate::core::policy::model::Text] = if with_version_notes { version_notes(a, p) } else { &[] };
    let steps = a.steps.iter().map(|s| {
        html! {
            <li>
                <p>{ step_text(s, p, l) }</p>
                { clause_details(s.clause, p, t, l) }
            </li>
        }
    });
    let advice = a.advice.iter().map(|adv| {
        html! {
            <li class="advice-hint">
                <p>{ advice_text(adv, l) }</p>
                <>{ for adv.clauses.iter().map(|c| clause_details(Some(*c), p, t, l)) }</>
            </li>
        }
    });
    let hints = a.hints.iter().map(|h| {
        html! {
            <li>
                <p>{ hint_text(h, p, l) }</p>
                { clause_details(h.clause, p, t, l) }
            </li>
        }
    });
    html! {
        <>
            { limits(a, !has_month, today, t, l) }
            <h4>{ t.steps_heading }</h4>
            <ol class="steps">{ for steps }</ol>
            if !a.hints.is_empty() || a.advice.is_some() {
                <h4>{ t.hints_heading }</h4>
                <ul class="hints">{ for advice }{ for hints }</ul>
            }
            if !a.notes.is_empty() || !version_notes.is_empty() {
                <h4>{ t.notes_heading }</h4>
                <ul class="notes">
                    { for version_notes.iter().map(|n| html! { <li class="version-note">{ n.get(l).to_string() }</li> }) }
                    { for a.notes.iter().map(|n| html! { <li>{ note_text(n, l) }</li> }) }
                </ul>
            }
        </>
    }
}

/// "按收入估计（不是认定）": the income given, the local standards, the categories it suggests
/// (each with the clause defining it), today's figure and the figure with each recognition, and
/// who decides. A suggestion is never shown as the person's category.
fn income_view(check: &IncomeCheck, p: &Policy, t: &CalcTexts, l: Locale) -> Html {
    let text = income_text(check, l);
    let lines = text.lines.into_iter().map(|line| {
        html! {
            <li>
                <p>{ line.text }</p>
                { clause_details(line.clause, p, t, l) }
            </li>
        }
    });
    let figures = text.figures.iter().map(|(label, figure)| html! { <p>{ (t.income_figure)(label, figure) }</p> });
    html! {
        <section class="income-estimate" aria-labelledby="income-heading">
            <h4 id="income-heading">{ text.heading }</h4>
            if !text.figures.is_empty() {
                <div class="advice income-figures">{ for figures }</div>
            }
            <ul class="notes">{ for lines }</ul>
            <p class="field-hint">{ text.note }</p>
        </section>
    }
}

fn month_view(m: &MonthResult, a: &Assessment, p: &Policy, today: Date, t: &CalcTexts, l: Locale) -> Html {
    let w = month_words(m, &a.limits.meals, a.limits.workdays_only, a.price, today, l);
    // Where a money cap cut the month, step by step, each with the clause that sets the cap.
    let caps = money_cap_lines(&m.money_caps, l).into_iter().map(|(text, clause)| {
        html! {
            <li>
                <p>{ text }</p>
                { clause_details(Some(clause), p, t, l) }
            </li>
        }
    });
    html! {
        <div class="month">
            <h4>{ w.heading }</h4>
            <p class="month-assumes">{ w.assumption }</p>
            <dl>
                <dt>{ t.month_total }</dt><dd class="month-total">{ money(m.total_subsidy, l) }</dd>
                <dt>{ t.month_meals }</dt><dd>{ m.subsidised_meals }</dd>
                // Without a price (none given, none in the policy) what she pays is unknown, not 0.
                if a.price.is_some() {
                    <dt>{ t.month_pay }</dt><dd>{ money(m.total_pay, l) }</dd>
                }
            </dl>
            if !m.money_caps.is_empty() {
                <h5>{ t.month_caps_heading }</h5>
                <ol class="month-caps">{ for caps }</ol>
            }
            if m.entitlement > m.total_subsidy {
                <dl class="month-ceiling">
                    <dt>{ w.max_label }</dt><dd class="month-max">{ money(m.entitlement, l) }</dd>
                </dl>
                <p class="field-hint">{ w.max_note }</p>
            }
        </div>
    }
}

/// The policy's day, week (and month) limits, each saying what it assumes.
fn limits(a: &Assessment, with_month: bool, today: Date, t: &CalcTexts, l: Locale) -> Html {
    if a.version.is_none() || a.limits.max_day.is_zero() {
        return Html::default();
    }
    let lines = limit_lines(&a.limits, (a.date.year(), a.date.month()), with_month, today, l);
    html! {
        <div class="limits">
            <h4>{ t.limits_heading }</h4>
            <p class="field-hint">{ t.limits_note }</p>
            <dl>
                { for lines.into_iter().map(|line| html! {
                    <>
                        <dt>{ line.label }</dt>
                        <dd>{ money(line.amount, l) }<span class="limit-assumes">{ line.assumes }</span></dd>
                    </>
                }) }
            </dl>
        </div>
    }
}

/// "您填写的情况": every answer the figures were worked out from, on screen and in print, so a
/// family member or the community office can check them.
fn answers_view(form: &FormInput, p: &Policy, t: &CalcTexts, l: Locale) -> Html {
    let Ok((answers, meal)) = validate(form) else { return Html::default() };
    let lines = answer_lines(&answers, &meal, p, l);
    html! {
        <section class="answers" aria-labelledby="answers-heading">
            <h4 id="answers-heading">{ t.answers_heading }</h4>
            <dl>
                <>{ for lines.into_iter().map(|line| html! { <div><dt>{ line.label }</dt><dd>{ line.value }</dd></div> }) }</>
            </dl>
            <p class="field-hint">{ t.answers_note }</p>
        </section>
    }
}

fn clause_details(clause: Option<ClauseRef>, p: &Policy, t: &CalcTexts, l: Locale) -> Html {
    let Some(c) = clause.and_then(|i| p.clause(i)) else { return Html::default() };
    let Some(source) = p.sources.get(c.source) else { return Html::default() };
    let summary = if c.verbatim { t.policy_text } else { t.policy_summary };
    html! {
        <details class="clause">
            <summary>{ summary }</summary>
            <blockquote>{ c.text.clone() }</blockquote>
            if let Some(note) = &c.note {
                <p class="field-hint">{ note.get(l).to_string() }</p>
            }
            { source_line(source, t, l) }
        </details>
    }
}

fn source_line(s: &crate::core::policy::model::Source, t: &CalcTexts, l: Locale) -> Html {
    let mut parts = vec![s.title.clone()];
    parts.extend(s.issuer.clone());
    parts.extend(s.number.clone());
    parts.extend(s.date.map(|d| date(d, l)));
    let link = s.url.as_deref().map(|u| match browser::safe_link(u) {
        Some(href) => html! { <a href={href.to_string()} rel="noopener noreferrer external" target="_blank">{ href.to_string() }</a> },
        None => html! { <span>{ u.to_string() }</span> },
    });
    html! {
        <p class="source">
            { (t.source_line)(&parts) }
            if let Some(link) = link {
                <br />{ link }
            }
        </p>
    }
}

fn footer(p: &Policy, t: &CalcTexts, l: Locale) -> Html {
    let gaps = p.gaps.iter().map(|g| html! { <li>{ g.get(l).to_string() }</li> });
    // Every source the policy names (a policy is often a document plus its notices): the
    // resident or the 社区 office can find each one.
    let sources = p.sources.iter().map(|s| source_line(s, t, l));
    let clauses = p.clauses.iter().map(|c| {
        let kind = if c.verbatim { t.policy_text } else { t.policy_summary };
        html! { <li><p class="clause-kind">{ (t.clause_kind)(kind) }</p><blockquote>{ c.text.clone() }</blockquote></li> }
    });
    html! {
        <div class="result-footer">
            if !p.gaps.is_empty() {
                <h4>{ t.gaps_heading }</h4>
                <ul class="gaps">{ for gaps }</ul>
            }
            <p class="reference-only"><strong>{ t.reference_only }</strong></p>
            <>{ for sources }</>
            <section class="print-only" aria-hidden="true">
                <h4>{ t.clauses_heading }</h4>
                <ul>{ for clauses }</ul>
            </section>
        </div>
    }
}
