//! 费用测算: what the chosen sites will cost under a policy, compared with another policy or
//! version, with every assumption shown and exportable. Everything is worked out in
//! `core::scenario` (the figures by the policy engine's month simulator, computed when the planner
//! presses "estimate", and written out in the interface's language); this component lays it out
//! and sends what the planner does to the section's state.

use std::rc::Rc;

use yew::prelude::*;

use super::text::{plan_texts, PlanTexts};
use crate::core::locale::short_label;
use crate::core::planner::session::PlanView;
use crate::core::scenario::words::{words, ScenarioWords};
use crate::core::scenario::{
    policy_choices, report_csv, ChartText, ComparisonText, Estimate, EstimateText, Field, Outcome, PlansText, PolicyText, ScenarioAction,
    ScenarioState,
};
use crate::core::Locale;
use crate::ui::browser;

/// Properties of [`ScenarioView`].
#[derive(Properties, PartialEq)]
pub struct ScenarioProps {
    /// The plan.
    pub view: Rc<PlanView>,
    /// A plan kept for comparison (costed under the first policy).
    pub pinned: Option<Rc<PlanView>>,
    /// Keep this plan, or let the kept one go.
    pub on_pin: Callback<()>,
    /// Interface language.
    pub locale: Locale,
}

impl Reducible for ScenarioState {
    type Action = ScenarioAction;

    fn reduce(self: Rc<Self>, action: ScenarioAction) -> Rc<Self> {
        match self.apply(action) {
            Some(next) => Rc::new(next),
            None => self,
        }
    }
}

fn text_input(id: &str, label: &str, value: &str, on: Callback<String>) -> Html {
    let oninput = on.reform(|e: InputEvent| e.target_unchecked_into::<web_sys::HtmlInputElement>().value());
    html! {
        <div class="field">
            <label for={id.to_string()}>{ label }</label>
            <input type="text" inputmode="decimal" id={id.to_string()} value={value.to_string()} {oninput} />
        </div>
    }
}

fn policy_select(id: &str, label: &str, value: &str, none: Option<&str>, l: Locale, on: Callback<String>) -> Html {
    let onchange = on.reform(|e: Event| e.target_unchecked_into::<web_sys::HtmlSelectElement>().value());
    let options = policy_choices(l).into_iter().map(|(id, label)| {
        html! { <option value={id} selected={id == value}>{ label }</option> }
    });
    html! {
        <div class="field">
            <label for={id.to_string()}>{ label }</label>
            <select id={id.to_string()} {onchange}>
                if let Some(n) = none {
                    <option value="" selected={value.is_empty()}>{ n }</option>
                }
                <>{ for options }</>
            </select>
        </div>
    }
}

/// The cost section.
#[function_component]
pub fn ScenarioView(props: &ScenarioProps) -> Html {
    let l = props.locale;
    let (t, w) = (plan_texts(l), words(l));
    let state = {
        let v = props.view.clone();
        use_reducer(move || ScenarioState::new(&v))
    };
    // A new plan (or a newly kept one): the state estimates again with the same inputs, so the
    // figures shown always belong to the plan on screen.
    {
        let d = state.dispatcher();
        use_effect_with((props.view.clone(), props.pinned.clone()), move |(v, pinned)| {
            d.dispatch(ScenarioAction::PlanChanged(v.clone(), pinned.clone()));
        });
    }
    let edit = |field: Field| {
        let d = state.dispatcher();
        Callback::from(move |value: String| d.dispatch(ScenarioAction::Edit(field, value)))
    };
    let on_run = {
        let (d, v, pinned) = (state.dispatcher(), props.view.clone(), props.pinned.clone());
        Callback::from(move |_: MouseEvent| d.dispatch(ScenarioAction::Run(v.clone(), pinned.clone())))
    };
    let f = &state.form;
    let on_pin = props.on_pin.reform(|_: MouseEvent| ());
    let pin_label = if props.pinned.is_some() { t.sc_unpin } else { t.sc_pin };
    let age_inputs = (1..5).map(|i| text_input(&format!("sc-age-{i}"), w.age_bands[i], &f.age[i], edit(Field::Age(i))));
    let hardship_inputs = (0..4).map(|i| text_input(&format!("sc-hardship-{i}"), w.hardships[i], &f.hardship[i], edit(Field::Hardship(i))));
    let care_inputs = (0..2).map(|i| text_input(&format!("sc-care-{i}"), w.cares[i], &f.care[i], edit(Field::Care(i))));
    let result = match &state.outcome {
        Outcome::NotRun => Html::default(),
        Outcome::Invalid => html! { <p class="field-error" role="alert">{ t.sc_bad_input }</p> },
        Outcome::Done(e) => result_view(e, l, t, w),
    };
    html! {
        <section class="scenario" aria-labelledby="sc-heading">
            <h3 id="sc-heading">{ t.sc_heading }</h3>
            <p class="field-hint">{ t.sc_intro }</p>
            <div class="mapping-grid">
                { policy_select("sc-policy-a", w.policy_a, &f.policy_a, None, l, edit(Field::PolicyA)) }
                { text_input("sc-year-a", t.sc_year, &f.year_a, edit(Field::YearA)) }
                { policy_select("sc-policy-b", w.policy_b, &f.policy_b, Some(t.sc_no_compare), l, edit(Field::PolicyB)) }
                { text_input("sc-year-b", t.sc_year, &f.year_b, edit(Field::YearB)) }
                { text_input("sc-uptake", w.uptake, &f.uptake, edit(Field::Uptake)) }
                { text_input("sc-days", w.days, &f.days, edit(Field::Days)) }
                { text_input("sc-price", w.price, &f.price, edit(Field::Price)) }
            </div>
            <p class="field-hint">{ t.sc_uptake_hint }{ " " }{ t.sc_price_hint }</p>
            <fieldset class="field">
                <legend>{ t.sc_shares }</legend>
                <p class="field-hint">{ t.sc_shares_hint }</p>
                <div class="mapping-grid">
                    <>{ for age_inputs }</>
                    <>{ for hardship_inputs }</>
                    <>{ for care_inputs }</>
                    { text_input("sc-nonlocal", w.nonlocal, &f.nonlocal, edit(Field::Nonlocal)) }
                </div>
            </fieldset>
            <div class="actions">
                <button type="button" id="sc-run" class="button primary" onclick={on_run}>{ t.sc_run }</button>
                <button type="button" id="sc-pin" class="button secondary" aria-pressed={props.pinned.is_some().to_string()} onclick={on_pin}>{ pin_label }</button>
            </div>
            <p class="field-hint">{ t.sc_pin_hint }</p>
            { result }
        </section>
    }
}

fn result_view(e: &Rc<Estimate>, l: Locale, t: &PlanTexts, w: &ScenarioWords) -> Html {
    let x = EstimateText::new(e, l);
    let rows = x.sites.iter().map(|s| {
        html! {
            <tr>
                <th scope="row">{ short_label(&s.name, super::results::NAME_CHARS).into_owned() }</th>
                { for s.cells.iter().map(|c| html! { <td>{ c.clone() }</td> }) }
            </tr>
        }
    });
    let levels = x.levels.iter().map(|(label, amount)| html! { <><dt>{ *label }</dt><dd>{ amount.clone() }</dd></> });
    let on_export = {
        let e = e.clone();
        Callback::from(move |_: MouseEvent| browser::download("zhucan-cost-estimate.csv", "text/csv;charset=utf-8", &report_csv(&e, l)))
    };
    html! {
        <div class="scenario-result">
            <dl class="sc-totals">
                <dt>{ w.year_total }</dt><dd id="sc-year-total">{ x.year_total.clone() }</dd>
                <dt>{ t.sc_month_total }</dt><dd>{ x.month_total.clone() }</dd>
                <dt>{ t.sc_day_total }</dt><dd>{ x.day_total.clone() }</dd>
                <>{ for levels }</>
                <dt>{ w.operator }</dt><dd>{ x.operator.clone() }</dd>
                <dt>{ w.per_person }</dt><dd>{ x.per_person.clone() }</dd>
                <dt>{ w.uncovered }</dt><dd>{ x.uncovered.clone() }</dd>
            </dl>
            <p class="field-hint">{ w.independence }{ " " }{ w.flag_note }</p>
            <div class="table-scroll" tabindex="0" role="region" aria-labelledby="sc-sites-caption">
                <table id="sc-sites-table">
                    <caption id="sc-sites-caption">{ t.sc_sites_caption }</caption>
                    <thead><tr>
                        <th scope="col">{ w.col_name }</th><th scope="col">{ w.col_new }</th><th scope="col">{ w.col_users }</th>
                        <th scope="col">{ w.col_meals }</th><th scope="col">{ w.col_capacity }</th><th scope="col">{ w.col_served }</th>
                        <th scope="col">{ w.col_subsidy }</th>
                    </tr></thead>
                    <tbody>{ for rows }</tbody>
                </table>
            </div>
            { x.comparison.as_ref().map(|c| comparison(c, t)).unwrap_or_default() }
            { x.plans.as_ref().map(|p| plan_comparison(p, t)).unwrap_or_default() }
            { assumptions(&x.policies, &x.assumptions, t) }
            { x.chart.as_ref().map(|c| cost_chart(c, t)).unwrap_or_default() }
            <div class="actions">
                <button type="button" id="sc-export" class="button secondary" onclick={on_export}>{ t.sc_export }</button>
                <button type="button" class="button secondary" onclick={Callback::from(|_: MouseEvent| browser::print())}>{ t.print_report }</button>
            </div>
        </div>
    }
}

/// A table body of rows whose first cell heads the row.
fn body_rows<const N: usize>(rows: &[[String; N]]) -> Html {
    let rows = rows.iter().map(|r| {
        html! {
            <tr>
                <th scope="row">{ r[0].clone() }</th>
                { for r[1..].iter().map(|c| html! { <td>{ c.clone() }</td> }) }
            </tr>
        }
    });
    html! { <tbody>{ for rows }</tbody> }
}

/// Who gains and who loses under the second policy.
fn comparison(c: &ComparisonText, t: &PlanTexts) -> Html {
    html! {
        <section aria-labelledby="sc-compare-heading">
            <h4 id="sc-compare-heading">{ t.sc_compare_heading }</h4>
            <p id="sc-cost-change">{ c.cost_change.clone() }</p>
            <div class="table-scroll" tabindex="0" role="region" aria-labelledby="sc-compare-caption">
                <table id="sc-compare-table">
                    <caption id="sc-compare-caption">{ c.caption.clone() }</caption>
                    <thead><tr><th scope="col">{ t.sc_th_group }</th><th scope="col">{ t.sc_th_before }</th><th scope="col">{ t.sc_th_after }</th><th scope="col">{ t.sc_th_change }</th></tr></thead>
                    { body_rows(&c.rows) }
                </table>
            </div>
        </section>
    }
}

/// Cost against coverage for k = 1 … (from the coverage curve), capacity not applied.
fn cost_chart(c: &ChartText, t: &PlanTexts) -> Html {
    let rows = c.rows.iter().map(|r| html! { <tr>{ for r.iter().map(|cell| html! { <td>{ cell.clone() }</td> }) }</tr> });
    let [ax1, ay1, ax2, ay2] = c.x_axis.clone();
    let [bx1, by1, bx2, by2] = c.y_axis.clone();
    html! {
        <section class="curve" aria-labelledby="sc-chart-heading">
            <h4 id="sc-chart-heading">{ t.sc_chart_heading }</h4>
            <svg viewBox={c.view_box.clone()} role="img" aria-labelledby="sc-chart-heading">
                <line class="axis" x1={ax1} y1={ay1} x2={ax2} y2={ay2} />
                <line class="axis" x1={bx1} y1={by1} x2={bx2} y2={by2} />
                <text x={c.x_label_at[0].clone()} y={c.x_label_at[1].clone()} class="axis-label" text-anchor="end">{ t.sc_th_coverage }</text>
                <text x={c.y_label_at[0].clone()} y={c.y_label_at[1].clone()} class="axis-label">{ c.top.clone() }</text>
                <polyline class="curve-line" points={c.points.clone()} />
            </svg>
            <details>
                <summary>{ t.sc_chart_caption }</summary>
                <table>
                    <caption>{ t.sc_chart_caption }</caption>
                    <thead><tr><th scope="col">{ t.curve_k }</th><th scope="col">{ t.sc_th_coverage }</th><th scope="col">{ t.sc_th_cost }</th></tr></thead>
                    <tbody>{ for rows }</tbody>
                </table>
            </details>
        </section>
    }
}

/// The kept plan against this one, both under the first policy.
fn plan_comparison(p: &PlansText, t: &PlanTexts) -> Html {
    html! {
        <section aria-labelledby="sc-plans-heading">
            <h4 id="sc-plans-heading">{ t.sc_plans_heading }</h4>
            <div class="table-scroll" tabindex="0" role="region" aria-labelledby="sc-plans-caption">
                <table id="sc-plans-table">
                    <caption id="sc-plans-caption">{ p.caption.clone() }</caption>
                    <thead><tr><th scope="col">{ t.sc_th_item }</th><th scope="col">{ t.sc_th_kept }</th><th scope="col">{ t.sc_th_this }</th><th scope="col">{ t.sc_th_change }</th></tr></thead>
                    { body_rows(&p.rows) }
                </table>
            </div>
        </section>
    }
}

/// Every input of the estimate, with the policies' sources: what a budget request has to show.
fn assumptions(policies: &[PolicyText], items: &[(&'static str, String)], t: &PlanTexts) -> Html {
    let policies = policies.iter().map(|p| {
        let sources = p.sources.iter().map(|(title, url)| {
            let link = url.as_deref().and_then(browser::safe_link);
            html! {
                <li>
                    { title.clone() }
                    if let Some(url) = link {
                        { " " }<a href={url.to_string()} rel="noopener noreferrer">{ url.to_string() }</a>
                    }
                </li>
            }
        });
        html! {
            <>
                <dt>{ p.heading.clone() }</dt>
                <dd><ul class="plain">{ for sources }</ul></dd>
            </>
        }
    });
    let items = items.iter().map(|(label, value)| html! { <><dt>{ *label }</dt><dd>{ value.clone() }</dd></> });
    html! {
        <section class="sc-assumptions" aria-labelledby="sc-assumptions-heading">
            <h4 id="sc-assumptions-heading">{ t.sc_assumptions }</h4>
            <dl class="sc-totals">
                <>{ for policies }</>
                <>{ for items }</>
            </dl>
        </section>
    }
}
