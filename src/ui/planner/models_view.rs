//! The planning models' results (issue 15): meals served within capacity, walk-in and delivery
//! coverage, per-site and per-街道 supply-demand ratios, fairness (Gini before → after, shares
//! within 5 / 10 / 15 minutes, the Lorenz curve with its table), the accessibility map, and the
//! planning report CSV. The figures come from the session (`core::planner::session::models`).

use std::rc::Rc;

use yew::prelude::*;

use super::data_text::data_texts;
use super::text::{model_texts, ModelTexts};
use crate::core::locale::thousands;
use crate::core::planner::capacity::Role as SiteRole;
use crate::core::planner::session::models::{AccessGrid, ModelsView};
use crate::core::planner::session::report::report_csv;
use crate::core::planner::session::report_words::words as report_words;
use crate::core::planner::session::PlanView;
use crate::core::policy::explain::date;
use crate::core::Locale;
use crate::ui::browser;

/// Properties of [`ModelsSection`].
#[derive(Properties, PartialEq)]
pub struct ModelsProps {
    /// The result.
    pub view: Rc<PlanView>,
    /// Interface language.
    pub locale: Locale,
}

fn pct(part: f64, whole: f64) -> String {
    if whole > 0.0 && part.is_finite() {
        format!("{:.1}%", 100.0 * part / whole)
    } else {
        "—".into()
    }
}

fn meals(v: f64) -> String {
    thousands(v)
}

fn ratio(r: Option<f64>) -> String {
    r.filter(|r| r.is_finite()).map_or_else(|| "—".into(), |r| format!("{r:.2}"))
}

fn summary(v: &PlanView, m: &ModelsView, t: &ModelTexts) -> Html {
    let ms = &m.meals;
    let need = ms.total.need - ms.total.by_competitors;
    let guarantee = match (ms.upper_bound, ms.guarantee()) {
        (Some(b), _) if b - ms.total.served < 0.5 => (t.cap_best)(v.chosen.len()),
        (_, Some(g)) => (t.cap_gap)(&format!("{:.1}%", (g * 1000.0).floor() / 10.0)),
        _ => t.chosen_for_covered.to_string(),
    };
    html! {
        <div class="models-summary" role="status">
            <p class="plan-figure" id="plan-meals">{ (t.meals_summary)(&meals(ms.total.served), &meals(need), &pct(ms.total.served, need)) }</p>
            <p id="plan-unserved">{ (t.meals_unserved)(&meals(ms.unserved_covered()), &meals(ms.uncovered())) }</p>
            <p id="plan-capacity-open">{ (t.capacity_open)(&meals(ms.capacity_open), &ratio((need > 0.0).then(|| ms.capacity_open / need))) }</p>
            <p id="plan-cap-guarantee">{ guarantee }</p>
        </div>
    }
}

fn rates(m: &ModelsView, t: &ModelTexts, l: Locale) -> Html {
    let w = &m.walk_in;
    let walk = (t.rate_walk)(&pct(w.reached, w.people), &thousands(w.reached), &thousands(w.people));
    let delivery = m.delivery.as_ref().map(|d| {
        let r = &d.reach;
        html! {
            <>
                <li id="plan-rate-delivery">{ (t.rate_delivery)(&pct(r.reached, r.people), &thousands(r.reached), &thousands(r.people), &d.column, &thousands(d.radius_m)) }</li>
                <li id="plan-rate-total">{ (t.rate_total)(&pct(w.reached + r.reached, w.people + r.people)) }</li>
                if r.beyond_walk > 0.0 {
                    <li id="plan-beyond-walk">{ (t.beyond_walk)(&thousands(r.beyond_walk)) }</li>
                }
            </>
        }
    });
    html! {
        <section aria-labelledby="plan-rates-heading">
            <h5 id="plan-rates-heading">{ t.rates_heading }</h5>
            <ul class="plain-list">
                <li id="plan-rate-walk">{ walk }</li>
                if let Some(c) = &m.competitors {
                    <li id="plan-by-others">{ (data_texts(l).by_others)(&thousands(c.people), c.sites, &meals(c.meals)) }</li>
                }
                { delivery.unwrap_or_default() }
            </ul>
            if m.delivery_column_missing {
                <p class="notice" role="status">{ t.delivery_missing }</p>
            }
        </section>
    }
}

fn sites_table(m: &ModelsView, t: &ModelTexts) -> Html {
    let rows = m.meals.sites.iter().map(|s| {
        let kind = match s.role {
            SiteRole::Existing => t.role_existing,
            SiteRole::Locked => t.role_locked,
            SiteRole::Chosen => t.role_chosen,
        };
        let capacity = if s.capacity_from_file { thousands(s.capacity) } else { (t.default_capacity_value)(&thousands(s.capacity)) };
        let class = if s.role == SiteRole::Existing { "site-existing" } else { "site-new" };
        html! {
            <tr class={class}>
                <th scope="row" class="long-text">{ s.name.clone() }</th>
                <td>{ kind }</td>
                <td>{ capacity }</td>
                <td>{ meals(s.assigned) }</td>
                <td>{ meals(s.assigned_delivery) }</td>
                <td>{ pct(s.utilisation, 1.0) }{ if s.full { format!(" · {}", t.full) } else { String::new() } }</td>
                <td>{ meals(s.covered_unserved) }</td>
                <td>{ ratio(s.ratio) }</td>
            </tr>
        }
    });
    html! {
        <>
            <div class="table-scroll" tabindex="0" role="region" aria-labelledby="plan-meals-caption">
                <table class="models-table" id="plan-meals-table">
                    <caption id="plan-meals-caption">{ t.sites_caption }</caption>
                    <thead>
                        <tr>
                            <th scope="col">{ t.th_site }</th>
                            <th scope="col">{ t.th_kind }</th>
                            <th scope="col">{ t.th_capacity }</th>
                            <th scope="col">{ t.th_assigned }</th>
                            <th scope="col">{ t.th_delivered }</th>
                            <th scope="col">{ t.th_use }</th>
                            <th scope="col">{ t.th_unserved }</th>
                            <th scope="col">{ t.th_ratio }</th>
                        </tr>
                    </thead>
                    <tbody>{ for rows }</tbody>
                </table>
            </div>
            <p class="field-hint">{ t.ratio_hint }</p>
        </>
    }
}

fn areas_table(m: &ModelsView, t: &ModelTexts) -> Html {
    if m.areas.is_empty() {
        return Html::default();
    }
    let rows = m.areas.iter().map(|a| {
        html! {
            <tr>
                <th scope="row" class="long-text">{ a.name.clone() }</th>
                <td>{ thousands(a.people) }</td>
                <td>{ meals(a.need) }</td>
                <td>{ a.sites }</td>
                <td>{ thousands(a.capacity) }</td>
                <td>{ ratio(a.ratio) }</td>
            </tr>
        }
    });
    html! {
        <div class="table-scroll" tabindex="0" role="region" aria-labelledby="plan-areas-caption">
            <table class="models-table" id="plan-areas-table">
                <caption id="plan-areas-caption">{ t.areas_caption }</caption>
                <thead>
                    <tr>
                        <th scope="col">{ t.th_area }</th>
                        <th scope="col">{ t.th_people }</th>
                        <th scope="col">{ t.th_need }</th>
                        <th scope="col">{ t.th_sites }</th>
                        <th scope="col">{ t.th_capacity }</th>
                        <th scope="col">{ t.th_ratio }</th>
                    </tr>
                </thead>
                <tbody>{ for rows }</tbody>
            </table>
        </div>
    }
}

fn fairness(m: &ModelsView, t: &ModelTexts) -> Html {
    let a = &m.access;
    let gini = |g: Option<f64>| g.map_or_else(|| "—".into(), |g| format!("{g:.3}"));
    let rows = a.minutes.iter().map(|s| {
        html! {
            <tr>
                <th scope="row">{ (t.minutes)(s.minutes) }</th>
                <td>{ pct(s.before, 1.0) }</td>
                <td>{ pct(s.after, 1.0) }</td>
            </tr>
        }
    });
    html! {
        <section aria-labelledby="plan-fair-heading">
            <h5 id="plan-fair-heading">{ t.fair_heading }</h5>
            <p class="plan-figure" id="plan-gini">{ (t.gini)(&gini(a.before.gini), &gini(a.after.gini)) }</p>
            <p id="plan-access-mean">{ (t.mean)(&format!("{:.2}", a.before.mean), &format!("{:.2}", a.after.mean)) }</p>
            <p class="field-hint">{ (t.access_hint)(&thousands(a.catchment_m)) }</p>
            <div class="table-scroll" tabindex="0" role="region" aria-labelledby="plan-minutes-caption">
                <table id="plan-minutes-table">
                    <caption id="plan-minutes-caption">{ t.minutes_caption }</caption>
                    <thead>
                        <tr><th scope="col">{ t.th_walk }</th><th scope="col">{ t.th_before }</th><th scope="col">{ t.th_after }</th></tr>
                    </thead>
                    <tbody>{ for rows }</tbody>
                </table>
            </div>
            <p class="field-hint" id="plan-minutes-model">{ (if a.on_roads { t.minutes_hint_roads } else { t.minutes_hint })(&format!("{}", a.speed_m_per_min), &format!("{}", a.detour)) }</p>
            { lorenz(m, t) }
        </section>
    }
}

fn lorenz(m: &ModelsView, t: &ModelTexts) -> Html {
    let a = &m.access;
    if a.after.lorenz.is_empty() && a.before.lorenz.is_empty() {
        return Html::default();
    }
    let (w, h, pad) = (360.0, 360.0, 48.0);
    let side = w - 2.0 * pad;
    let at = |p: &[f64; 2]| (pad + p[0] * side, h - pad - p[1] * side);
    let line = |curve: &[[f64; 2]]| {
        curve
            .iter()
            .map(|p| {
                let (x, y) = at(p);
                format!("{x:.1},{y:.1}")
            })
            .collect::<Vec<_>>()
            .join(" ")
    };
    let n = a.after.lorenz.len().max(a.before.lorenz.len());
    let cell = |curve: &[[f64; 2]], i: usize| curve.get(i).map_or_else(|| "—".into(), |p| format!("{:.1}%", p[1] * 100.0));
    let rows = (0..n).map(|i| {
        let x = a.after.lorenz.get(i).or(a.before.lorenz.get(i)).map_or(0.0, |p| p[0]);
        html! {
            <tr>
                <th scope="row">{ format!("{:.0}%", x * 100.0) }</th>
                <td>{ cell(&a.before.lorenz, i) }</td>
                <td>{ cell(&a.after.lorenz, i) }</td>
            </tr>
        }
    });
    let (x0, y0, x1, y1) = (pad, h - pad, w - pad, pad);
    html! {
        <figure class="lorenz" aria-labelledby="plan-lorenz-heading">
            <h5 id="plan-lorenz-heading">{ t.lorenz_heading }</h5>
            <p class="field-hint" id="plan-lorenz-hint">{ t.lorenz_hint }</p>
            <svg viewBox={format!("0 0 {w} {h}")} role="img" aria-labelledby="plan-lorenz-heading" aria-describedby="plan-lorenz-hint" id="plan-lorenz-chart">
                <line class="axis" x1={x0.to_string()} y1={y0.to_string()} x2={x1.to_string()} y2={y0.to_string()} />
                <line class="axis" x1={x0.to_string()} y1={y0.to_string()} x2={x0.to_string()} y2={y1.to_string()} />
                <line class="equality" x1={x0.to_string()} y1={y0.to_string()} x2={x1.to_string()} y2={y1.to_string()} />
                if !a.before.lorenz.is_empty() {
                    <polyline class="lorenz-before" points={line(&a.before.lorenz)} />
                }
                if !a.after.lorenz.is_empty() {
                    <polyline class="lorenz-after" points={line(&a.after.lorenz)} />
                }
                <text class="axis-label" x={(w / 2.0).to_string()} y={(h - 12.0).to_string()} text-anchor="middle">{ t.lorenz_x }</text>
                <text class="axis-label" x="14" y={(h / 2.0).to_string()} text-anchor="middle" transform={format!("rotate(-90 14 {})", h / 2.0)}>{ t.lorenz_y }</text>
            </svg>
            <ul class="legend plain-list" aria-hidden="true">
                <li><span class="key key-equality"></span>{ t.lorenz_equal }</li>
                <li><span class="key key-before"></span>{ t.lorenz_before }</li>
                <li><span class="key key-after"></span>{ t.lorenz_after }</li>
            </ul>
            <div class="table-scroll" tabindex="0" role="region" aria-labelledby="plan-lorenz-caption">
                <table id="plan-lorenz-table">
                    <caption id="plan-lorenz-caption">{ t.lorenz_caption }</caption>
                    <thead>
                        <tr><th scope="col">{ t.th_people_share }</th><th scope="col">{ t.th_supply_before }</th><th scope="col">{ t.th_supply_after }</th></tr>
                    </thead>
                    <tbody>{ for rows }</tbody>
                </table>
            </div>
        </figure>
    }
}

/// The legend's classes of the score (meals a day per older person who needs them, the
/// supply-demand ratio seen from where people live): none, up to a quarter, up to a half, below
/// one, and one or more (enough). Fixed steps, so a few cells next to a large kitchen do not wash
/// out the rest, and 1 — enough for everyone who needs a meal — is always a step.
const STEPS: [f64; 3] = [0.25, 0.5, 1.0];

fn class_of(score: f64) -> usize {
    if !(score > 0.0) {
        return 0;
    }
    match STEPS.iter().position(|&s| score < s || (s < 1.0 && score <= s)) {
        Some(i) => i + 1,
        None => STEPS.len() + 1,
    }
}

fn access_map(v: &PlanView, grid: &AccessGrid, after: bool, t: &ModelTexts, on_toggle: Callback<bool>) -> Html {
    let g = &v.grid;
    let cells = if after { &grid.after } else { &grid.before };
    if g.nx == 0 || g.ny == 0 || cells.len() != g.nx * g.ny {
        return Html::default();
    }
    let (cw, ch) = (g.cell_m, g.cell_height());
    let (width, grid_height) = (g.nx as f64 * cw, g.ny as f64 * ch);
    // A district drawn along a line would be a sliver: the map is at least a third as tall as
    // wide, the cells in its middle.
    let height = grid_height.max(width / 3.0);
    let top = (height - grid_height) / 2.0;
    let rects = cells.iter().enumerate().filter_map(|(k, s)| {
        let s = (*s)?;
        let (i, j) = (k % g.nx, k / g.nx);
        let x = i as f64 * cw;
        let y = top + grid_height - (j + 1) as f64 * ch;
        let class = format!("acc acc-{}", class_of(s));
        Some(html! { <rect {class} x={format!("{x:.1}")} y={format!("{y:.1}")} width={format!("{:.1}", cw * 1.02)} height={format!("{:.1}", ch * 1.02)} /> })
    });
    let labels = ["0".to_string(), "≤ 0.25".to_string(), "≤ 0.5".to_string(), "< 1".to_string(), "≥ 1".to_string()];
    let legend = labels.into_iter().enumerate().map(|(c, label)| html! { <li><span class={format!("key acc-{c}")}></span>{ label }</li> });
    let pressed = |on: bool| if on { "true" } else { "false" };
    html! {
        <figure class="access-map" aria-labelledby="plan-access-map-heading">
            <h5 id="plan-access-map-heading">{ t.map_heading }</h5>
            <div class="actions map-toggle screen-only" role="group" aria-labelledby="plan-access-map-heading">
                <button type="button" id="plan-access-before" class="button secondary" aria-pressed={pressed(!after)} onclick={on_toggle.reform(|_: MouseEvent| false)}>{ t.map_before }</button>
                <button type="button" id="plan-access-after" class="button secondary" aria-pressed={pressed(after)} onclick={on_toggle.reform(|_: MouseEvent| true)}>{ t.map_after }</button>
            </div>
            <p class="field-hint" id="plan-access-map-desc">{ t.map_desc }</p>
            <svg viewBox={format!("0 0 {width:.1} {height:.1}")} role="img" aria-labelledby="plan-access-map-heading" aria-describedby="plan-access-map-desc" id="plan-access-map">
                <rect class="acc-none" x="0" y="0" width={format!("{width:.1}")} height={format!("{height:.1}")} />
                <>{ for rects }</>
            </svg>
            <p class="legend-title">{ t.map_legend }{ if after { format!(" · {}", t.map_after) } else { format!(" · {}", t.map_before) } }</p>
            <ul class="legend plain-list">
                <li><span class="key acc-none"></span>{ t.map_none }</li>
                <>{ for legend }</>
            </ul>
        </figure>
    }
}

/// What the figures assume, each with its source (the report CSV's words), on screen and on paper.
fn assumptions(v: &PlanView, m: &ModelsView, l: Locale) -> Html {
    let w = report_words(l);
    let t = model_texts(l);
    let mut items: Vec<(&str, String, &str)> = vec![
        (w.a_radius, thousands(v.settings.radius.metres()), w.a_radius_source),
        (w.a_need, format!("{:.1}%", v.settings.need_share * 100.0), w.a_need_source),
        (w.a_meals, format!("{}", v.settings.meals_per_day), w.a_meals_source),
        (w.a_existing, if m.existing_required { w.a_existing_yes } else { w.a_existing_no }.to_string(), ""),
        (w.a_capacity, thousands(m.default_capacity), w.a_capacity_source),
    ];
    if let Some(d) = &m.delivery {
        items.push((w.a_delivery, thousands(d.radius_m), w.a_delivery_source));
    }
    items.push((w.a_access, (w.a_access_value)(m.access.catchment_m), w.a_access_source));
    items.push((w.a_walk, (w.a_walk_value)(m.access.speed_m_per_min, m.access.detour), w.a_walk_source));
    items.push((w.a_minutes, (if m.access.on_roads { w.a_minutes_roads } else { w.a_minutes_line }).to_string(), ""));
    let rows = items.into_iter().map(|(item, value, source)| {
        html! {
            <tr>
                <th scope="row">{ item }</th>
                <td>{ value }</td>
                <td class="long-text">{ source }</td>
            </tr>
        }
    });
    html! {
        <div class="table-scroll" tabindex="0" role="region" aria-labelledby="plan-assumptions-caption">
            <table class="models-table" id="plan-assumptions-table">
                <caption id="plan-assumptions-caption">{ w.sec_assumptions }</caption>
                <thead>
                    <tr><th scope="col">{ t.th_item }</th><th scope="col">{ t.th_value }</th><th scope="col">{ t.th_source }</th></tr>
                </thead>
                <tbody>{ for rows }</tbody>
            </table>
        </div>
    }
}

/// The models' results, with the report CSV.
#[function_component]
pub fn ModelsSection(props: &ModelsProps) -> Html {
    let l = props.locale;
    let t = model_texts(l);
    let after = use_state_eq(|| true);
    let v = &props.view;
    let Some(m) = v.models.as_deref() else { return Html::default() };
    let on_toggle = {
        let after = after.clone();
        Callback::from(move |on: bool| after.set(on))
    };
    let view = v.clone();
    let on_report = Callback::from(move |_: MouseEvent| {
        let today = date(browser::today(), l);
        browser::download("zhucan-planning-report.csv", "text/csv;charset=utf-8", &report_csv(&view, &today, l));
    });
    html! {
        <section class="plan-models" aria-labelledby="plan-models-heading">
            <h4 id="plan-models-heading">{ t.heading }</h4>
            { summary(v, m, t) }
            { rates(m, t, l) }
            { sites_table(m, t) }
            { areas_table(m, t) }
            { fairness(m, t) }
            { access_map(v, &m.access.grid, *after, t, on_toggle) }
            { assumptions(v, m, l) }
            <p class="field-hint">{ t.report_hint }</p>
            <div class="actions">
                <button type="button" id="plan-export-report" class="button secondary" onclick={on_report}>{ t.report_csv }</button>
            </div>
        </section>
    }
}
