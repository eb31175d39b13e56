//! The same person under every loaded policy: one card per policy (its name as a heading, then
//! labelled figures), so it fits any screen and text size without sideways scrolling. Every zero
//! or missing figure carries its reason (`core::policy::compare`).

use yew::prelude::*;

use super::state::LoadedPolicy;
use super::text::{calc_texts, CalcTexts};
use crate::core::policy::calc::Outcome;
use crate::core::policy::compare::{compare_rows, Row, RowKind};
use crate::core::Locale;

/// Properties of [`CompareView`].
#[derive(Properties, PartialEq)]
pub struct CompareViewProps {
    /// Every policy.
    pub policies: Vec<LoadedPolicy>,
    /// The outcome under each, in the same order.
    pub outcomes: Vec<Outcome>,
    /// Interface language.
    pub locale: Locale,
}

fn label(kind: RowKind, t: &CalcTexts) -> &'static str {
    match kind {
        RowKind::Version => t.col_version,
        RowKind::Subsidy => t.col_subsidy,
        RowKind::Pay => t.col_pay,
        RowKind::Tier => t.col_tier,
        RowKind::Month => t.col_month,
    }
}

fn none_word(kind: RowKind, t: &CalcTexts) -> &'static str {
    match kind {
        RowKind::Version => t.not_in_force,
        _ => "—",
    }
}

fn row_view(row: Row, t: &CalcTexts) -> Html {
    let class = match row.kind {
        RowKind::Version => "cmp-version",
        RowKind::Subsidy => "cmp-subsidy",
        RowKind::Pay => "cmp-pay",
        RowKind::Tier => "cmp-tier",
        RowKind::Month => "cmp-month",
    };
    let value = row.value.unwrap_or_else(|| none_word(row.kind, t).to_string());
    html! {
        <>
            <dt>{ label(row.kind, t) }</dt>
            <dd class={class}>
                <span class="cmp-value">{ value }</span>
                <>{ for row.why.into_iter().map(|w| html! { <span class="why">{ w }</span> }) }</>
            </dd>
        </>
    }
}

/// The comparison.
#[function_component]
pub fn CompareView(props: &CompareViewProps) -> Html {
    let l = props.locale;
    let t = calc_texts(l);
    let entries: Vec<(String, Vec<Row>)> = props
        .policies
        .iter()
        .zip(&props.outcomes)
        .filter_map(|(p, o)| {
            let name = format!("{} · {}", p.policy.region.get(l), p.policy.name.get(l));
            compare_rows(&p.policy, o, l).map(|rows| (name, rows))
        })
        .collect();
    let cards = entries.into_iter().enumerate().map(|(i, (name, rows))| {
        let id = format!("compare-policy-{i}");
        html! {
            <li class="compare-card">
                <article aria-labelledby={id.clone()}>
                    <h4 {id}>{ name }</h4>
                    <dl>{ for rows.into_iter().map(|r| row_view(r, t)) }</dl>
                </article>
            </li>
        }
    });
    let empty = props.outcomes.iter().all(|o| matches!(o, Outcome::Empty | Outcome::Invalid(_)));
    html! {
        <section class="compare" aria-labelledby="compare-heading">
            <h3 id="compare-heading" tabindex="-1">{ t.compare_heading }</h3>
            <p class="field-hint">{ t.compare_caption }</p>
            if empty {
                <p class="result-empty">{ t.result_empty }</p>
            } else {
                <ul class="compare-cards">{ for cards }</ul>
            }
        </section>
    }
}
