//! 费用测算: what the chosen sites will cost under a policy, compared with another policy or
//! version, with every assumption shown and exportable. The figures come from `core::scenario`
//! (the policy engine's month simulator), computed when the planner presses "estimate".

use std::collections::BTreeMap;
use std::rc::Rc;

use yew::prelude::*;

use super::text::{plan_texts, PlanTexts};
use crate::core::calendar::Calendar;
use crate::core::locale::{short_label, thousands};
use crate::core::planner::export::spreadsheet_safe;
use crate::core::planner::session::PlanView;
use crate::core::policy::explain::hardship_name;
use crate::core::policy::presets::PRESETS;
use crate::core::policy::{parse_policy, Policy};
use crate::core::scenario::{compare, cost_curve, cost_plan, group_costs, GroupCost, PlanCost, ScenarioForm};
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

#[derive(Clone, PartialEq)]
struct Outcome {
    policy_a: Rc<Policy>,
    policy_b: Option<Rc<Policy>>,
    cost_a: PlanCost,
    cost_b: Option<PlanCost>,
    groups_a: Vec<GroupCost>,
    groups_b: Vec<GroupCost>,
    /// The kept plan and its cost under the first policy.
    kept: Option<(Rc<PlanView>, PlanCost)>,
    /// The plan costed.
    view: Rc<PlanView>,
    form: ScenarioForm,
    uptake: f64,
}

/// The chosen sites in rank order: the older people each newly covers, and its capacity.
fn chosen_sites(v: &PlanView) -> Vec<(f64, Option<f64>)> {
    v.chosen_sites().map(|s| (s.assigned, s.capacity)).collect()
}

fn share_80_plus(v: &PlanView) -> Option<f64> {
    let k = v.extra_names.iter().position(|n| n.contains("80"))?;
    let (mut extra, mut covered) = (0.0, 0.0);
    for s in v.chosen_sites() {
        extra += s.score.extras.get(k).copied().unwrap_or(0.0);
        covered += s.score.covered;
    }
    (covered > 0.0).then(|| extra / covered)
}

fn load(id: &str) -> Option<Rc<Policy>> {
    PRESETS.iter().find(|p| p.id == id).and_then(|p| parse_policy(p.toml).ok()).map(Rc::new)
}

fn compute(v: &Rc<PlanView>, pinned: Option<&Rc<PlanView>>, form: &ScenarioForm) -> Option<Outcome> {
    let (shares, a, b) = form.validate()?;
    let policy_a = load(&form.policy_a)?;
    let sites = chosen_sites(v);
    let groups_a = group_costs(&policy_a, &shares, &a, Calendar::builtin());
    let cost_a = cost_plan(&groups_a, &sites, v.total_count, &a);
    let (policy_b, groups_b, cost_b) = match (&b, load(&form.policy_b)) {
        (Some(b), Some(pb)) => {
            let g = group_costs(&pb, &shares, b, Calendar::builtin());
            let c = cost_plan(&g, &sites, v.total_count, b);
            (Some(pb), g, Some(c))
        }
        _ => (None, Vec::new(), None),
    };
    let kept = pinned.filter(|p| !Rc::ptr_eq(p, v)).map(|p| (p.clone(), cost_plan(&groups_a, &chosen_sites(p), p.total_count, &a)));
    Some(Outcome { policy_a, policy_b, cost_a, cost_b, groups_a, groups_b, kept, view: v.clone(), form: form.clone(), uptake: a.uptake })
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
    let options = PRESETS.iter().filter_map(|p| parse_policy(p.toml).ok()).map(|p| {
        let selected = p.id == value;
        html! { <option value={p.id.clone()} {selected}>{ format!("{} · {}", p.region.get(l), p.name.get(l)) }</option> }
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

/// Group changes aggregated by age band and hardship (weighted by the groups' shares).
fn changes(o: &Outcome, l: Locale, t: &PlanTexts) -> Vec<(String, f64, f64)> {
    let mut agg: BTreeMap<(usize, u8), (String, f64, f64, f64)> = BTreeMap::new();
    for c in compare(&o.groups_a, &o.groups_b) {
        let key = (c.group.age_band, c.group.hardship as u8);
        let label = format!("{}，{}", t.sc_age_bands[c.group.age_band], hardship_name(c.group.hardship, l));
        let e = agg.entry(key).or_insert((label, 0.0, 0.0, 0.0));
        e.1 += c.group.share * c.before.0 as f64 / 100.0;
        e.2 += c.group.share * c.after.0 as f64 / 100.0;
        e.3 += c.group.share;
    }
    let mut rows: Vec<(String, f64, f64)> = agg.into_values().filter(|v| v.3 > 0.0).map(|(label, b, a, w)| (label, b / w, a / w)).collect();
    rows.sort_by(|x, y| (y.2 - y.1).total_cmp(&(x.2 - x.1)));
    rows
}

fn report_csv(v: &PlanView, o: &Outcome, l: Locale, t: &PlanTexts) -> String {
    let mut w = csv::Writer::from_writer(Vec::new());
    let mut row = |cells: Vec<String>| {
        let _ = w.write_record(cells.iter().map(|c| spreadsheet_safe(c)));
    };
    let policy_line = |p: &Policy, year: &str| {
        let sources: Vec<String> = p.sources.iter().map(|s| format!("{} {}", s.title, s.url.clone().unwrap_or_default())).collect();
        vec![format!("{} · {}", p.region.get(l), p.name.get(l)), year.to_string(), sources.join("; ")]
    };
    row(vec![t.sc_policy_a.into(), String::new(), String::new()]);
    row(policy_line(&o.policy_a, &o.form.year_a));
    if let Some(pb) = &o.policy_b {
        row(vec![t.sc_policy_b.into(), String::new(), String::new()]);
        row(policy_line(pb, &o.form.year_b));
    }
    row(vec![t.sc_uptake.into(), o.form.uptake.clone()]);
    row(vec![t.sc_days.into(), o.form.days.clone()]);
    row(vec![t.sc_price.into(), o.form.price.clone()]);
    for (i, band) in t.sc_age_bands.iter().enumerate() {
        row(vec![band.to_string(), o.form.age[i].clone()]);
    }
    for (i, h) in t.sc_hardships.iter().enumerate() {
        row(vec![h.to_string(), o.form.hardship[i].clone()]);
    }
    for (i, c) in t.sc_cares.iter().enumerate() {
        row(vec![c.to_string(), o.form.care[i].clone()]);
    }
    row(vec![t.sc_nonlocal.into(), o.form.nonlocal.clone()]);
    row(vec![t.sc_independence.into()]);
    row(vec![t.sc_flag_note.into()]);
    row(vec![String::new()]);
    row(vec![
        t.th_name.into(),
        t.th_new.into(),
        t.sc_th_users.into(),
        t.sc_th_meals.into(),
        t.col_capacity.into(),
        t.sc_th_served.into(),
        t.sc_th_subsidy.into(),
        t.sc_operator.into(),
    ]);
    for (s, c) in v.chosen_sites().zip(&o.cost_a.sites) {
        row(vec![
            s.name.clone(),
            format!("{:.0}", c.covered),
            format!("{:.1}", c.users),
            format!("{:.1}", c.meals_per_day),
            c.capacity.map(|x| format!("{x:.0}")).unwrap_or_default(),
            format!("{:.0}%", c.served_share * 100.0),
            format!("{:.0}", c.subsidy_year),
            format!("{:.0}", c.operator_year),
        ]);
    }
    row(vec![t.sc_year_total.into(), format!("{:.0}", o.cost_a.subsidy_year)]);
    for (k, level) in t.sc_levels.iter().enumerate() {
        row(vec![level.to_string(), format!("{:.0}", o.cost_a.by_level_year[k])]);
    }
    row(vec![t.sc_operator.into(), format!("{:.0}", o.cost_a.operator_year)]);
    row(vec![t.sc_per_person.into(), format!("{:.2}", o.cost_a.per_covered_person_year)]);
    row(vec![t.sc_uncovered.into(), format!("{:.0}", o.cost_a.uncovered)]);
    if let Some(b) = &o.cost_b {
        row(vec![t.sc_cost_change.into(), format!("{:.0}", b.subsidy_year - o.cost_a.subsidy_year)]);
    }
    let body = String::from_utf8(w.into_inner().unwrap_or_default()).unwrap_or_default();
    format!("\u{feff}{body}")
}

/// The cost section.
#[function_component]
pub fn ScenarioView(props: &ScenarioProps) -> Html {
    let l = props.locale;
    let t = plan_texts(l);
    let v = props.view.clone();
    let form = {
        let v = v.clone();
        use_state(move || ScenarioForm::new(PRESETS[0].id, share_80_plus(&v)))
    };
    let outcome = use_state(|| None::<Result<Outcome, ()>>);
    let f = (*form).clone();
    let edit = |change: fn(&mut ScenarioForm, String)| {
        let form = form.clone();
        Callback::from(move |v: String| {
            let mut next = (*form).clone();
            change(&mut next, v);
            form.set(next);
        })
    };
    let on_run = {
        let (form, outcome, v, pinned) = (form.clone(), outcome.clone(), v.clone(), props.pinned.clone());
        Callback::from(move |_: MouseEvent| outcome.set(Some(compute(&v, pinned.as_ref(), &form).ok_or(()))))
    };
    // A new plan (or a newly kept one): estimate again with the same inputs, so the figures shown
    // always belong to the plan on screen.
    {
        let (form, outcome) = (form.clone(), outcome.clone());
        use_effect_with((v.clone(), props.pinned.clone()), move |(v, pinned)| {
            if let Some(Ok(o)) = &*outcome {
                if !Rc::ptr_eq(&o.view, v) || o.kept.as_ref().map(|k| &k.0) != pinned.as_ref() {
                    outcome.set(Some(compute(v, pinned.as_ref(), &form).ok_or(())));
                }
            }
        });
    }
    let on_pin = props.on_pin.reform(|_: MouseEvent| ());
    let pin_label = if props.pinned.is_some() { t.sc_unpin } else { t.sc_pin };
    let age_inputs = (1..5).map(|i| {
        let form = form.clone();
        let on = Callback::from(move |val: String| {
            let mut next = (*form).clone();
            next.age[i] = val;
            form.set(next);
        });
        text_input(&format!("sc-age-{i}"), t.sc_age_bands[i], &f.age[i], on)
    });
    let hardship_inputs = (0..4).map(|i| {
        let form = form.clone();
        let on = Callback::from(move |val: String| {
            let mut next = (*form).clone();
            next.hardship[i] = val;
            form.set(next);
        });
        text_input(&format!("sc-hardship-{i}"), t.sc_hardships[i], &f.hardship[i], on)
    });
    let care_inputs = (0..2).map(|i| {
        let form = form.clone();
        let on = Callback::from(move |val: String| {
            let mut next = (*form).clone();
            next.care[i] = val;
            form.set(next);
        });
        text_input(&format!("sc-care-{i}"), t.sc_cares[i], &f.care[i], on)
    });
    let result = match &*outcome {
        None => Html::default(),
        Some(Err(())) => html! { <p class="field-error" role="alert">{ t.sc_bad_input }</p> },
        Some(Ok(o)) => result_view(o, l, t),
    };
    html! {
        <section class="scenario" aria-labelledby="sc-heading">
            <h3 id="sc-heading">{ t.sc_heading }</h3>
            <p class="field-hint">{ t.sc_intro }</p>
            <div class="mapping-grid">
                { policy_select("sc-policy-a", t.sc_policy_a, &f.policy_a, None, l, edit(|f, v| f.policy_a = v)) }
                { text_input("sc-year-a", t.sc_year, &f.year_a, edit(|f, v| f.year_a = v)) }
                { policy_select("sc-policy-b", t.sc_policy_b, &f.policy_b, Some(t.sc_no_compare), l, edit(|f, v| f.policy_b = v)) }
                { text_input("sc-year-b", t.sc_year, &f.year_b, edit(|f, v| f.year_b = v)) }
                { text_input("sc-uptake", t.sc_uptake, &f.uptake, edit(|f, v| f.uptake = v)) }
                { text_input("sc-days", t.sc_days, &f.days, edit(|f, v| f.days = v)) }
                { text_input("sc-price", t.sc_price, &f.price, edit(|f, v| f.price = v)) }
            </div>
            <p class="field-hint">{ t.sc_uptake_hint }{ " " }{ t.sc_price_hint }</p>
            <fieldset class="field">
                <legend>{ t.sc_shares }</legend>
                <p class="field-hint">{ t.sc_shares_hint }</p>
                <div class="mapping-grid">
                    <>{ for age_inputs }</>
                    <>{ for hardship_inputs }</>
                    <>{ for care_inputs }</>
                    { text_input("sc-nonlocal", t.sc_nonlocal, &f.nonlocal, edit(|f, v| f.nonlocal = v)) }
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

fn result_view(o: &Outcome, l: Locale, t: &PlanTexts) -> Html {
    let v: &PlanView = &o.view;
    let c = &o.cost_a;
    let zh = l == Locale::ZhCn;
    let unit = if zh { "元" } else { " yuan" };
    let rows = v.chosen_sites().zip(&c.sites).map(|(s, sc)| {
        html! {
            <tr>
                <th scope="row">{ short_label(&s.name, super::results::NAME_CHARS).into_owned() }</th>
                <td>{ thousands(sc.covered) }</td>
                <td>{ format!("{:.1}", sc.users) }</td>
                <td>{ format!("{:.1}", sc.meals_per_day) }</td>
                <td>{ sc.capacity.map_or_else(|| "—".to_string(), thousands) }</td>
                <td>{ format!("{:.0}%", sc.served_share * 100.0) }</td>
                <td>{ thousands(sc.subsidy_year) }</td>
            </tr>
        }
    });
    let levels = c.by_level_year.iter().enumerate().filter(|(_, v)| **v > 0.0).map(|(k, val)| {
        html! { <><dt>{ t.sc_levels[k] }</dt><dd>{ format!("{}{unit}", thousands(*val)) }</dd></> }
    });
    let comparison = o.cost_b.as_ref().map(|b| {
        let rows = changes(o, l, t).into_iter().map(|(label, before, after)| {
            html! {
                <tr>
                    <th scope="row">{ label }</th>
                    <td>{ thousands(before) }</td>
                    <td>{ thousands(after) }</td>
                    <td>{ format!("{}{}", if after >= before { "+" } else { "" }, thousands(after - before)) }</td>
                </tr>
            }
        });
        let name = |p: &Policy, y: &str| format!("{}（{y}）", p.name.get(l));
        html! {
            <section aria-labelledby="sc-compare-heading">
                <h4 id="sc-compare-heading">{ t.sc_compare_heading }</h4>
                <p id="sc-cost-change">{ format!("{}{}{unit}", t.sc_cost_change, thousands(b.subsidy_year - c.subsidy_year)) }</p>
                <div class="table-scroll" tabindex="0" role="region" aria-labelledby="sc-compare-caption">
                    <table id="sc-compare-table">
                        <caption id="sc-compare-caption">{ format!("{}：{} → {}", t.sc_compare_caption, name(&o.policy_a, &o.form.year_a), o.policy_b.as_ref().map(|p| name(p, &o.form.year_b)).unwrap_or_default()) }</caption>
                        <thead><tr><th scope="col">{ t.sc_th_group }</th><th scope="col">{ t.sc_th_before }</th><th scope="col">{ t.sc_th_after }</th><th scope="col">{ t.sc_th_change }</th></tr></thead>
                        <tbody>{ for rows }</tbody>
                    </table>
                </div>
            </section>
        }
    });
    let o2 = o.clone();
    let on_export = Callback::from(move |_: MouseEvent| {
        browser::download("zhucan-cost-estimate.csv", "text/csv;charset=utf-8", &report_csv(&o2.view, &o2, l, plan_texts(l)))
    });
    html! {
        <div class="scenario-result">
            <dl class="sc-totals">
                <dt>{ t.sc_year_total }</dt><dd id="sc-year-total">{ format!("{}{unit}", thousands(c.subsidy_year)) }</dd>
                <dt>{ t.sc_month_total }</dt><dd>{ format!("{}{unit}", thousands(c.subsidy_year / 12.0)) }</dd>
                <dt>{ t.sc_day_total }</dt><dd>{ format!("{}{unit}", thousands(c.subsidy_year / 365.0)) }</dd>
                <>{ for levels }</>
                <dt>{ t.sc_operator }</dt><dd>{ format!("{}{unit}", thousands(c.operator_year)) }</dd>
                <dt>{ t.sc_per_person }</dt><dd>{ format!("{:.2}{unit}", c.per_covered_person_year) }</dd>
                <dt>{ t.sc_uncovered }</dt><dd>{ thousands(c.uncovered) }</dd>
            </dl>
            <p class="field-hint">{ t.sc_independence }{ " " }{ t.sc_flag_note }</p>
            <div class="table-scroll" tabindex="0" role="region" aria-labelledby="sc-sites-caption">
                <table id="sc-sites-table">
                    <caption id="sc-sites-caption">{ t.sc_sites_caption }</caption>
                    <thead><tr>
                        <th scope="col">{ t.th_name }</th><th scope="col">{ t.th_new }</th><th scope="col">{ t.sc_th_users }</th>
                        <th scope="col">{ t.sc_th_meals }</th><th scope="col">{ t.col_capacity }</th><th scope="col">{ t.sc_th_served }</th>
                        <th scope="col">{ t.sc_th_subsidy }</th>
                    </tr></thead>
                    <tbody>{ for rows }</tbody>
                </table>
            </div>
            { comparison.unwrap_or_default() }
            { plan_comparison(o, l, t) }
            { assumptions(o, l, t) }
            { cost_chart(v, o, t) }
            <div class="actions">
                <button type="button" id="sc-export" class="button secondary" onclick={on_export}>{ t.sc_export }</button>
                <button type="button" class="button secondary" onclick={Callback::from(|_: MouseEvent| browser::print())}>{ t.print_report }</button>
            </div>
        </div>
    }
}

/// Cost against coverage for k = 1 … (from the coverage curve), capacity not applied.
fn cost_chart(v: &PlanView, o: &Outcome, t: &PlanTexts) -> Html {
    let points = cost_curve(&o.groups_a, &v.curve, v.existing_weighted, v.total_weighted, o.uptake);
    if points.is_empty() {
        return Html::default();
    }
    let max_cost = points.iter().map(|p| p.2).fold(1.0, f64::max);
    let (w, h, pad) = (600.0, 240.0, 40.0);
    let pts: Vec<String> = points
        .iter()
        .map(|(_, share, cost)| format!("{:.1},{:.1}", pad + share * (w - 2.0 * pad), h - pad - cost / max_cost * (h - 2.0 * pad)))
        .collect();
    let rows = points.iter().map(|(k, share, cost)| {
        html! { <tr><td>{ k }</td><td>{ format!("{:.1}%", share * 100.0) }</td><td>{ format!("{:.1}", cost / 10_000.0) }</td></tr> }
    });
    html! {
        <section class="curve" aria-labelledby="sc-chart-heading">
            <h4 id="sc-chart-heading">{ t.sc_chart_heading }</h4>
            <svg viewBox={format!("0 0 {w} {h}")} role="img" aria-labelledby="sc-chart-heading">
                <line class="axis" x1={pad.to_string()} y1={(h - pad).to_string()} x2={(w - pad).to_string()} y2={(h - pad).to_string()} />
                <line class="axis" x1={pad.to_string()} y1={pad.to_string()} x2={pad.to_string()} y2={(h - pad).to_string()} />
                <text x={(w - pad).to_string()} y={(h - 10.0).to_string()} class="axis-label" text-anchor="end">{ t.sc_th_coverage }</text>
                <text x={(pad + 4.0).to_string()} y={(pad - 10.0).to_string()} class="axis-label">{ format!("{} {:.0}", t.sc_th_cost, max_cost / 10_000.0) }</text>
                <polyline class="curve-line" points={pts.join(" ")} />
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

/// Served meals a day across a plan (after capacity caps).
fn served_meals(c: &PlanCost) -> f64 {
    c.sites.iter().map(|s| s.meals_per_day * s.served_share).sum()
}

/// The kept plan against this one, both under the first policy.
fn plan_comparison(o: &Outcome, l: Locale, t: &PlanTexts) -> Html {
    let Some((kept_view, kept)) = &o.kept else { return Html::default() };
    let now = &o.cost_a;
    let sites = |v: &PlanView| v.chosen.len() as f64;
    let rows: [(&str, f64, f64, bool); 7] = [
        (t.sc_cmp_sites, sites(kept_view), sites(&o.view), false),
        (t.sc_cmp_radius, kept_view.radius_m, o.view.radius_m, false),
        (t.sc_cmp_covered, kept.covered, now.covered, false),
        (t.sc_cmp_meals, served_meals(kept), served_meals(now), false),
        (t.sc_year_total, kept.subsidy_year, now.subsidy_year, true),
        (t.sc_operator, kept.operator_year, now.operator_year, true),
        (t.sc_uncovered, kept.uncovered, now.uncovered, false),
    ];
    let unit = if l == Locale::ZhCn { "元" } else { " yuan" };
    let cell = |x: f64, money: bool| if money { format!("{}{unit}", thousands(x)) } else { thousands(x) };
    let body = rows.iter().map(|&(label, before, after, money)| {
        let d = after - before;
        let sign = if d > 0.0 { "+" } else { "" };
        html! {
            <tr>
                <th scope="row">{ label }</th>
                <td>{ cell(before, money) }</td>
                <td>{ cell(after, money) }</td>
                <td>{ format!("{sign}{}", cell(d, money)) }</td>
            </tr>
        }
    });
    html! {
        <section aria-labelledby="sc-plans-heading">
            <h4 id="sc-plans-heading">{ t.sc_plans_heading }</h4>
            <div class="table-scroll" tabindex="0" role="region" aria-labelledby="sc-plans-caption">
                <table id="sc-plans-table">
                    <caption id="sc-plans-caption">{ format!("{}（{}）", t.sc_plans_caption, o.policy_a.name.get(l)) }</caption>
                    <thead><tr><th scope="col">{ t.sc_th_item }</th><th scope="col">{ t.sc_th_kept }</th><th scope="col">{ t.sc_th_this }</th><th scope="col">{ t.sc_th_change }</th></tr></thead>
                    <tbody>{ for body }</tbody>
                </table>
            </div>
        </section>
    }
}

/// Every input of the estimate, with the policies' sources: what a budget request has to show.
fn assumptions(o: &Outcome, l: Locale, t: &PlanTexts) -> Html {
    let f = &o.form;
    let policy = |p: &Policy, year: &str| {
        let sources = p.sources.iter().map(|s| {
            let link = s.url.as_deref().and_then(browser::safe_link);
            html! {
                <li>
                    { s.title.clone() }
                    if let Some(url) = link {
                        { " " }<a href={url.to_string()} rel="noopener noreferrer">{ url.to_string() }</a>
                    }
                </li>
            }
        });
        html! {
            <>
                <dt>{ format!("{} · {}（{year}）", p.region.get(l), p.name.get(l)) }</dt>
                <dd><ul class="plain">{ for sources }</ul></dd>
            </>
        }
    };
    let pct = |label: &str, v: &str| html! { <><dt>{ label.to_string() }</dt><dd>{ format!("{v}%") }</dd></> };
    let shares = t
        .sc_age_bands
        .iter()
        .zip(&f.age)
        .chain(t.sc_hardships.iter().zip(&f.hardship))
        .chain(t.sc_cares.iter().zip(&f.care))
        .filter(|(_, v)| v.trim().parse::<f64>().is_ok_and(|x| x > 0.0))
        .map(|(label, v)| pct(label, v));
    html! {
        <section class="sc-assumptions" aria-labelledby="sc-assumptions-heading">
            <h4 id="sc-assumptions-heading">{ t.sc_assumptions }</h4>
            <dl class="sc-totals">
                { policy(&o.policy_a, &f.year_a) }
                if let Some(pb) = &o.policy_b {
                    { policy(pb, &f.year_b) }
                }
                { pct(t.sc_uptake, &f.uptake) }
                <dt>{ t.sc_days }</dt><dd>{ f.days.clone() }</dd>
                <dt>{ t.sc_price }</dt><dd>{ if f.price.trim().is_empty() { t.sc_price_default.to_string() } else { f.price.clone() } }</dd>
                <>{ for shares }</>
                if f.nonlocal.trim().parse::<f64>().is_ok_and(|x| x > 0.0) {
                    { pct(t.sc_nonlocal, &f.nonlocal) }
                }
            </dl>
        </section>
    }
}
