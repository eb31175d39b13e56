//! The answer: the figures in large type, then how they were worked out, each step with the
//! policy's own words, what is missing for more, and what the source leaves open.

use std::rc::Rc;

use yew::prelude::*;

use super::text::{calc_texts, CalcTexts};
use crate::core::money::Fen;
use crate::core::policy::assess::Assessment;
use crate::core::policy::calc::Outcome;
use crate::core::policy::explain::{date, group_name, hint_text, money, note_text, step_text};
use crate::core::policy::form::FormError;
use crate::core::policy::model::{ClauseRef, PaidTo, Policy};
use crate::core::policy::simulate::MonthResult;
use crate::core::policy::{Question, RangeAssessment};
use crate::core::Locale;
use crate::ui::browser;

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
}

/// The result area.
#[function_component]
pub fn ResultView(props: &ResultViewProps) -> Html {
    let l = props.locale;
    let t = calc_texts(l);
    let p = &props.policy;
    let (headline, body) = match &props.outcome {
        Outcome::Empty => (html! { <p class="result-empty">{ t.result_empty }</p> }, Html::default()),
        Outcome::Invalid(errors) => (error_summary(errors, t, l), Html::default()),
        Outcome::Blocked { failed, total } => {
            (html! { <p class="result-blocked">{ format!("{}{failed} / {total}", t.blocked) }</p> }, Html::default())
        }
        Outcome::TooManyUnknowns => (html! { <p>{ t.too_many_unknowns }</p> }, Html::default()),
        Outcome::Single(a) => (single_headline(a, t, l), explanation(a, p, t, l)),
        Outcome::Range(r) => (range_headline(r, p, t, l), range_body(r, p, t, l)),
    };
    html! {
        <section class="result" aria-labelledby="result-heading">
            <h3 id="result-heading" tabindex="-1">{ t.result_heading }</h3>
            <div class="result-headline" role="status" aria-live="polite" aria-atomic="true">{ headline }</div>
            { props.month.as_ref().map(|m| month_view(m, t, l)).unwrap_or_default() }
            { body }
            { footer(p, t, l) }
        </section>
    }
}

/// One line for the result bar on small screens.
pub fn outcome_summary(outcome: &Outcome, l: Locale) -> String {
    let t = calc_texts(l);
    let sep = if l == Locale::ZhCn { " " } else { ": " };
    match outcome {
        Outcome::Empty => t.bar_empty.to_string(),
        Outcome::Invalid(errors) => match l {
            Locale::ZhCn => format!("有 {} 处需要改正", errors.len()),
            Locale::En => format!("{} answers need correcting", errors.len()),
        },
        Outcome::Blocked { .. } | Outcome::TooManyUnknowns => t.result_heading.to_string(),
        Outcome::Single(a) => {
            let mut s = format!("{}{sep}{}", t.per_meal_subsidy, money(a.subsidy, l));
            if let Some(p) = a.pay {
                s.push_str(&format!(" · {}{sep}{}", t.you_pay, money(p, l)));
            }
            s
        }
        Outcome::Range(r) => format!("{}{sep}{}", t.per_meal_subsidy, span(r.min.subsidy, r.max.subsidy, l)),
    }
}

fn error_summary(errors: &[FormError], t: &CalcTexts, l: Locale) -> Html {
    let items = errors.iter().map(|e| {
        let id = e.field.input_id();
        let onclick = Callback::from(move |_: MouseEvent| browser::focus(id));
        html! {
            <li>
                <button type="button" class="link-button" {onclick}>
                    { format!("{}：{}", e.field.label(l), e.message(l)) }
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

fn single_headline(a: &Assessment, t: &CalcTexts, l: Locale) -> Html {
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
        </>
    }
}

fn delivery_line(a: &Assessment, t: &CalcTexts, l: Locale) -> String {
    let to = match a.delivery_paid_to {
        Some(PaidTo::Provider) => t.to_provider,
        Some(PaidTo::Person) => t.to_person,
        None => "",
    };
    format!("{}{}{}{to}", t.delivery_subsidy, if l == Locale::ZhCn { "：" } else { ": " }, money(a.delivery_subsidy, l))
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
    let sep = if l == Locale::ZhCn { "、" } else { ", " };
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
                <p class="depends">{ format!("{}{}", t.depends_on, deciding.join(sep)) }</p>
                <p class="field-hint">{ t.ask_when_unsure }</p>
            }
        </>
    }
}

fn range_body(r: &RangeAssessment, p: &Policy, t: &CalcTexts, l: Locale) -> Html {
    let sep = if l == Locale::ZhCn { "、" } else { ", " };
    let irrelevant: Vec<String> = r.irrelevant.iter().map(|q| question_name(q, p, t, l)).collect();
    html! {
        <>
            if !irrelevant.is_empty() {
                <p class="field-hint">{ format!("{}{}", t.makes_no_difference, irrelevant.join(sep)) }</p>
            }
            <details class="range-case">
                <summary>{ format!("{}：{}", t.range_highest, money(r.max.subsidy, l)) }</summary>
                { explanation(&r.max, p, t, l) }
            </details>
            <details class="range-case">
                <summary>{ format!("{}：{}", t.range_lowest, money(r.min.subsidy, l)) }</summary>
                { explanation(&r.min, p, t, l) }
            </details>
        </>
    }
}

fn explanation(a: &Assessment, p: &Policy, t: &CalcTexts, l: Locale) -> Html {
    let steps = a.steps.iter().map(|s| {
        html! {
            <li>
                <p>{ step_text(s, p, l) }</p>
                { clause_details(s.clause, p, t, l) }
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
            { limits(a, t, l) }
            <h4>{ t.steps_heading }</h4>
            <ol class="steps">{ for steps }</ol>
            if !a.hints.is_empty() {
                <h4>{ t.hints_heading }</h4>
                <ul class="hints">{ for hints }</ul>
            }
            if !a.notes.is_empty() {
                <h4>{ t.notes_heading }</h4>
                <ul class="notes">{ for a.notes.iter().map(|n| html! { <li>{ note_text(n, l) }</li> }) }</ul>
            }
        </>
    }
}

fn month_view(m: &MonthResult, t: &CalcTexts, l: Locale) -> Html {
    let month = match l {
        Locale::ZhCn => format!("（{}年{}月）", m.year, m.month),
        Locale::En => format!(" ({}-{:02})", m.year, m.month),
    };
    html! {
        <div class="month">
            <h4>{ format!("{}{month}", t.month_heading) }</h4>
            <dl>
                <dt>{ t.month_total }</dt><dd class="month-total">{ money(m.total_subsidy, l) }</dd>
                <dt>{ t.month_meals }</dt><dd>{ m.subsidised_meals }</dd>
                <dt>{ t.month_pay }</dt><dd>{ money(m.total_pay, l) }</dd>
                <dt>{ t.month_entitlement }</dt><dd>{ money(m.entitlement, l) }</dd>
                <dt>{ t.month_unused }</dt><dd class="month-unused">{ money(m.unused, l) }</dd>
            </dl>
        </div>
    }
}

fn limits(a: &Assessment, t: &CalcTexts, l: Locale) -> Html {
    if a.version.is_none() || a.limits.max_day.is_zero() {
        return Html::default();
    }
    let lim = &a.limits;
    let count = |n: Option<u32>| n.map(|n| format!("（{n}{}）", t.meals_word)).unwrap_or_default();
    let count = |n: Option<u32>| {
        let s = count(n);
        if l == Locale::En {
            s.replace('（', " (").replace('）', ")")
        } else {
            s
        }
    };
    html! {
        <div class="limits">
            <h4>{ t.limits_heading }</h4>
            <dl>
                <dt>{ t.per_day_max }</dt><dd>{ format!("{}{}", money(lim.max_day, l), count(lim.per_day)) }</dd>
                <dt>{ t.per_week_max }</dt><dd>{ format!("{}{}", money(lim.max_week, l), count(lim.per_week)) }</dd>
                <dt>{ t.per_month_max }</dt><dd>{ format!("{}{}", money(lim.max_month, l), count(lim.per_month)) }</dd>
            </dl>
        </div>
    }
}

fn clause_details(clause: Option<ClauseRef>, p: &Policy, t: &CalcTexts, l: Locale) -> Html {
    let Some(c) = clause.and_then(|i| p.clause(i)) else { return Html::default() };
    let Some(source) = p.sources.get(c.source) else { return Html::default() };
    let mut summary = t.policy_text.to_string();
    if !c.verbatim {
        summary.push_str(t.summary_not_verbatim);
    }
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
    let sep = if l == Locale::ZhCn { "，" } else { ", " };
    let link = s.url.as_deref().map(|u| match browser::safe_link(u) {
        Some(href) => html! { <a href={href.to_string()} rel="noopener noreferrer external" target="_blank">{ href.to_string() }</a> },
        None => html! { <span>{ u.to_string() }</span> },
    });
    html! {
        <p class="source">
            { format!("{}{}{}", t.source_word, if l == Locale::ZhCn { "：" } else { ": " }, parts.join(sep)) }
            if let Some(link) = link {
                <br />{ link }
            }
        </p>
    }
}

fn footer(p: &Policy, t: &CalcTexts, l: Locale) -> Html {
    let gaps = p.gaps.iter().map(|g| html! { <li>{ g.get(l).to_string() }</li> });
    let first_source = p.sources.first().map(|s| source_line(s, t, l)).unwrap_or_default();
    let clauses = p.clauses.iter().map(|c| {
        let mut text = c.text.clone();
        if !c.verbatim {
            text.push_str(t.summary_not_verbatim);
        }
        html! { <li><blockquote>{ text }</blockquote></li> }
    });
    html! {
        <div class="result-footer">
            if !p.gaps.is_empty() {
                <h4>{ t.gaps_heading }</h4>
                <ul class="gaps">{ for gaps }</ul>
            }
            <p class="reference-only"><strong>{ t.reference_only }</strong></p>
            { first_source }
            <section class="print-only" aria-hidden="true">
                <h4>{ t.policy_text }</h4>
                <ul>{ for clauses }</ul>
            </section>
        </div>
    }
}
