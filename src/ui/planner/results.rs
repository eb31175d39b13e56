//! The result: what the plan covers and how close it is to the best possible, the map, the
//! coverage-vs-k curve, the ranked table (lock, exclude, compare), site details, exports.

use std::rc::Rc;

use yew::prelude::*;

use super::data_text::data_texts;
use super::map::MapView;
use super::models_view::ModelsSection;
use super::roads_text::roads_texts;
use super::scenario_view::ScenarioView;
use super::text::{plan_texts, PlanTexts};
use crate::core::io::crs::Crs;
use crate::core::locale::{short_label, thousands};
use crate::core::planner::export;
use crate::core::planner::plan::{Choices, Radius};
use crate::core::planner::session::roads::RoadsView;
use crate::core::planner::session::{Certificate, PlanView, Role, SiteRow};
use crate::core::policy::explain::date;

/// Longest site name shown in tables and buttons (the details show it whole).
pub(crate) const NAME_CHARS: usize = 40;
use crate::core::Locale;
use crate::ui::browser;

/// Properties of [`ResultsView`].
#[derive(Properties, PartialEq)]
pub struct ResultsProps {
    /// The result.
    pub view: Rc<PlanView>,
    /// Locked and excluded sites.
    pub choices: Choices,
    /// The site whose details are shown.
    pub selected: Option<usize>,
    /// Sites being compared.
    pub compare: Vec<usize>,
    /// List every candidate.
    pub show_all: bool,
    /// A plan kept for comparison.
    pub pinned: Option<Rc<PlanView>>,
    /// Interface language.
    pub locale: Locale,
    /// Show a site's details.
    pub on_select: Callback<usize>,
    /// Lock a site into the plan, or unlock it.
    pub on_lock: Callback<usize>,
    /// Keep a site out of the plan, or let it back in.
    pub on_exclude: Callback<usize>,
    /// Add a site to the comparison, or take it out.
    pub on_compare: Callback<usize>,
    /// List every candidate.
    pub on_show_all: Callback<()>,
    /// Keep this plan for comparison, or let the kept one go.
    pub on_pin: Callback<()>,
    /// What the plan shows of the road file, when one is in use.
    #[prop_or_default]
    pub roads: Option<Rc<RoadsView>>,
    /// The certificate of the search going on after the run, if any.
    #[prop_or_default]
    pub certificate: Option<Certificate>,
    /// End that search now.
    #[prop_or_default]
    pub on_stop_search: Callback<()>,
    /// Which run the result is of (a better plan of the same run keeps it).
    #[prop_or_default]
    pub run: u64,
}

/// How distances were measured when the plan walked along the roads, and how many points fell
/// back to the straight line.
fn on_foot_note(roads: Option<&RoadsView>, l: Locale) -> Html {
    let Some((name, f)) = roads.and_then(|r| Some((&r.name, r.on_foot.as_ref()?))) else { return Html::default() };
    let r = roads_texts(l);
    html! {
        <div class="file-status ok" id="plan-on-foot-note">
            <p class="long-text">{ (r.model_on_foot)(&thousands(f.walk_m), name) }</p>
            <p>{ (r.fallback)(f.demand_fallback, f.demand_points, &format!("{}", f.detour), &thousands(f.max_snap_m)) }</p>
            if f.sites_fallback > 0 {
                <p>{ (r.sites_fallback)(f.sites_fallback) }</p>
            }
        </div>
    }
}

/// A candidate's people in a straight line → on foot, and the share lost.
fn on_foot_cell(roads: Option<&RoadsView>, i: usize, l: Locale) -> Option<String> {
    let f = roads?.on_foot.as_ref()?;
    let (straight, foot) = (*f.straight.get(i)?, *f.on_foot.get(i)?);
    let lost = f.lost_share(i).map(|s| format!("{:.0}", s * 100.0)).unwrap_or_else(|| "0".into());
    Some((roads_texts(l).cell_on_foot)(&thousands(straight), &thousands(foot), &lost))
}

fn pct(part: f64, whole: f64) -> String {
    if whole > 0.0 {
        format!("{:.1}%", 100.0 * part / whole)
    } else {
        "—".into()
    }
}

fn summary(v: &PlanView, t: &PlanTexts, certificate: Option<&Certificate>, on_stop: &Callback<()>) -> Html {
    let covered =
        (t.summary_covered)(&thousands(v.covered_weighted), &thousands(v.total_weighted), &pct(v.covered_weighted, v.total_weighted));
    let k = v.chosen.len();
    // The search after the run, while it goes on or once it stopped, else the plan's own bound.
    let live = certificate.filter(|c| !c.proven_best() && (!c.done || c.stopped));
    let upper_bound = certificate.map_or(v.upper_bound, |c| c.upper_bound);
    // Chosen for meals within capacity: the bound is on meals, not on people covered.
    let meals_bound = v.models.as_deref().filter(|m| m.capacitated).and_then(|m| Some((m.meals.total.served, m.meals.upper_bound?)));
    let bound = if let Some((served, best)) = meals_bound {
        if best - served < 0.5 {
            (t.bound_meals_best)(k)
        } else {
            let share = format!("{:.1}%", crate::core::planner::session::view::percent_at_least(served, best));
            (t.bound_meals_gap)(k, &thousands(best), &share)
        }
    } else if let Some(c) = live {
        let share = format!("{:.1}%", c.guarantee_percent());
        if c.done {
            (t.bound_stopped)(&share)
        } else {
            (t.bound_searching)(&share)
        }
    } else if certificate.map_or(v.proven_best(), |c| c.proven_best()) {
        (t.bound_best)(k)
    } else {
        // Rounded down and never above 100, so "at least" stays true.
        let share = format!("{:.1}%", certificate.map_or(v.guarantee_percent(), |c| c.guarantee_percent()));
        (t.bound_gap)(k, &thousands(upper_bound), &share)
    };
    let searching = live.is_some_and(|c| !c.done);
    let stop = on_stop.reform(|_: MouseEvent| ());
    let fewest = match &v.fewest {
        Some(f) => {
            let target = format!("{:.0}%", v.target_share * 100.0);
            (t.summary_fewest)(f.len(), &target)
        }
        None => t.summary_unreachable.to_string(),
    };
    html! {
        <>
        <div class="plan-summary" role="status">
            <p class="plan-figure" id="plan-covered">{ covered }</p>
            <p id="plan-bound">{ bound }</p>
            <p id="plan-fewest">{ fewest }</p>
        </div>
        // Not on paper (`.actions`).
        <div class="actions" hidden={!searching}>
            <button type="button" id="plan-stop-search" class="button secondary" onclick={stop}>{ t.stop_search }</button>
        </div>
        </>
    }
}

fn curve(v: &PlanView, t: &PlanTexts) -> Html {
    if v.curve.is_empty() || v.total_weighted <= 0.0 {
        return Html::default();
    }
    let n = v.curve.len() as f64;
    let (w, h, pad) = (600.0, 240.0, 36.0);
    let pts: Vec<String> = v
        .curve
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let x = pad + (i as f64 + 1.0) / n * (w - 2.0 * pad);
            let y = h - pad - c / v.total_weighted * (h - 2.0 * pad);
            format!("{x:.1},{y:.1}")
        })
        .collect();
    let table = |caption: Option<&str>| {
        let rows = v.curve.iter().enumerate().map(|(i, c)| html! { <tr><td>{ i + 1 }</td><td>{ pct(*c, v.total_weighted) }</td></tr> });
        html! {
            <table>
                if let Some(c) = caption {
                    <caption>{ c.to_string() }</caption>
                }
                <thead><tr><th scope="col">{ t.curve_k }</th><th scope="col">{ t.curve_share }</th></tr></thead>
                <tbody>{ for rows }</tbody>
            </table>
        }
    };
    html! {
        <section class="curve" aria-labelledby="plan-curve-heading">
            <h4 id="plan-curve-heading">{ t.curve_heading }</h4>
            <svg viewBox={format!("0 0 {w} {h}")} role="img" aria-labelledby="plan-curve-heading">
                <line class="axis" x1={pad.to_string()} y1={(h - pad).to_string()} x2={(w - pad).to_string()} y2={(h - pad).to_string()} />
                <line class="axis" x1={pad.to_string()} y1={pad.to_string()} x2={pad.to_string()} y2={(h - pad).to_string()} />
                <text x={pad.to_string()} y={(pad - 8.0).to_string()} class="axis-label">{ "100%" }</text>
                <text x={(w - pad).to_string()} y={(h - 8.0).to_string()} class="axis-label" text-anchor="end">{ (t.curve_axis)(v.curve.len()) }</text>
                <polyline class="curve-line" points={pts.join(" ")} />
            </svg>
            <details class="screen-only">
                <summary>{ t.curve_caption }</summary>
                { table(Some(t.curve_caption)) }
            </details>
            // Paper cannot open a disclosure: the printed report has the figures as they are.
            <div class="print-only">{ table(Some(t.curve_caption)) }</div>
        </section>
    }
}

/// "Enough (about 62% used)" or "Short: demand is about 37.5 times capacity"; "—" without a capacity.
fn fit_text(fit: Option<f64>, t: &PlanTexts) -> String {
    match fit {
        None => "—".into(),
        Some(f) if f <= 1.0 => (t.fit_enough)(&format!("{:.0}%", f * 100.0)),
        Some(f) => (t.fit_short)(&format!("{:.1}", f)),
    }
}

fn breakdown_rows(s: &SiteRow, v: &PlanView, t: &PlanTexts) -> Vec<(String, String)> {
    let mut rows = vec![
        (t.th_rank.to_string(), s.rank.map(|r| (r + 1).to_string()).unwrap_or_else(|| "—".into())),
        (t.th_new.to_string(), thousands(s.score.new_covered)),
        (t.th_covered.to_string(), thousands(s.score.covered)),
        (t.th_density.to_string(), thousands(s.score.density_per_km2)),
        (t.th_meals.to_string(), thousands(s.score.expected_meals)),
        (t.th_fit.to_string(), fit_text(s.score.capacity_fit, t)),
        (t.col_capacity.to_string(), s.capacity.map_or_else(|| "—".into(), thousands)),
        (t.col_cost.to_string(), s.cost.map_or_else(|| "—".into(), |c| format!("{c}"))),
    ];
    for (name, value) in v.extra_names.iter().zip(&s.score.extras) {
        rows.push((name.clone(), thousands(*value)));
    }
    rows.push(((t.coords_in)(export::crs_name(v.input_crs)), export::position_text(s.lon, s.lat, v.input_crs)));
    rows
}

/// A site's details, with what the planner can do with it: lock it into the plan, keep it out,
/// compare it (here rather than in every table row, which kept rows short on a phone).
fn breakdown(props: &ResultsProps, i: usize, t: &PlanTexts) -> Html {
    let v = &props.view;
    let Some(s) = v.sites.get(i) else { return Html::default() };
    let mut pairs = breakdown_rows(s, v, t);
    if let Some(f) = props.roads.as_ref().and_then(|r| r.on_foot.as_ref()) {
        let r = roads_texts(props.locale);
        if let (Some(straight), Some(foot)) = (f.straight.get(i), f.on_foot.get(i)) {
            pairs.push(((r.detail_straight)(&thousands(f.walk_m)), thousands(*straight)));
            pairs.push((r.detail_on_foot.to_string(), thousands(*foot)));
            pairs.push((r.detail_lost.to_string(), f.lost_share(i).map(|x| format!("{:.0}%", x * 100.0)).unwrap_or_else(|| "—".into())));
        }
    }
    let rows = pairs.into_iter().map(|(k, val)| html! { <><dt>{ k }</dt><dd>{ val }</dd></> });
    let locked = props.choices.locked.contains(&i);
    let excluded = props.choices.excluded.contains(&i);
    let comparing = props.compare.contains(&i);
    let pressed = |on: bool| if on { "true" } else { "false" };
    html! {
        <section class="breakdown" aria-labelledby="plan-breakdown-heading">
            <h4 id="plan-breakdown-heading" class="long-text" tabindex="-1">{ (t.details_of)(&s.name) }</h4>
            <dl>{ for rows }</dl>
            <div class="actions site-actions">
                <button type="button" class="button secondary" aria-pressed={pressed(locked)} onclick={props.on_lock.reform(move |_: MouseEvent| i)}>{ if locked { t.unlock } else { t.lock } }</button>
                <button type="button" class="button secondary" aria-pressed={pressed(excluded)} onclick={props.on_exclude.reform(move |_: MouseEvent| i)}>{ if excluded { t.include } else { t.exclude } }</button>
                <button type="button" class="button secondary" aria-pressed={pressed(comparing)} onclick={props.on_compare.reform(move |_: MouseEvent| i)}>{ if comparing { t.compare_remove } else { t.compare_add } }</button>
            </div>
            <p class="field-hint">{ t.lock_hint }</p>
        </section>
    }
}

fn comparison(v: &PlanView, ids: &[usize], t: &PlanTexts) -> Html {
    let sites: Vec<&SiteRow> = ids.iter().filter_map(|&i| v.sites.get(i)).collect();
    if sites.is_empty() {
        return Html::default();
    }
    let labels: Vec<String> = breakdown_rows(sites[0], v, t).into_iter().map(|(k, _)| k).collect();
    let columns: Vec<Vec<String>> = sites.iter().map(|s| breakdown_rows(s, v, t).into_iter().map(|(_, v)| v).collect()).collect();
    let rows = labels.iter().enumerate().map(|(r, label)| {
        html! {
            <tr>
                <th scope="row">{ label.clone() }</th>
                <>{ for columns.iter().map(|c| html! { <td>{ c[r].clone() }</td> }) }</>
            </tr>
        }
    });
    html! {
        <section class="compare" aria-labelledby="plan-compare-heading">
            <h4 id="plan-compare-heading">{ t.compare_heading }</h4>
            <div class="table-scroll" tabindex="0" role="region" aria-labelledby="plan-compare-caption">
                <table>
                    <caption id="plan-compare-caption">{ t.compare_heading }</caption>
                    <thead><tr><td></td>{ for sites.iter().map(|s| html! { <th scope="col">{ short_label(&s.name, NAME_CHARS).into_owned() }</th> }) }</tr></thead>
                    <tbody>{ for rows }</tbody>
                </table>
            </div>
        </section>
    }
}

/// What the plan is based on: the date, the settings, the data files and the coordinate system,
/// on screen and in the printed report.
fn conditions(v: &PlanView, t: &PlanTexts, l: Locale) -> Html {
    let s = &v.settings;
    let radius = match s.radius {
        Radius::Metres { metres } => (t.radius_in_metres)(&thousands(metres)),
        Radius::Walking { minutes, speed_m_per_min, detour } => {
            (t.radius_in_walk)(&format!("{minutes}"), &format!("{speed_m_per_min}"), &format!("{detour}"), &thousands(s.radius.metres()))
        }
    };
    let data: Vec<String> = if v.sources.is_empty() {
        vec![t.cond_demo.to_string()]
    } else {
        v.sources
            .iter()
            .map(|f| {
                let role = match f.role {
                    Role::Demand => t.role_demand,
                    Role::Candidates => t.role_candidates,
                    Role::Existing => t.existing_short,
                    Role::Competitors => data_texts(l).competitors_short,
                };
                (t.file_line)(role, &f.name, &thousands(f.rows as f64), export::crs_name(f.crs))
            })
            .collect()
    };
    let d = data_texts(l);
    let area = v.study_area.as_ref().map(|a| {
        let areas = if a.areas.is_empty() { (d.boundary_areas)(a.area_count) } else { (d.boundary_names)(&a.areas) };
        let (points, people) = a.demand.as_ref().map_or((0, 0.0), |o| (o.outside, o.people));
        let sites = a.candidates.as_ref().map_or(0, |o| o.outside);
        (d.cond_area_value)(&a.name, &areas, points, &thousands(people), sites)
    });
    html! {
        <section class="plan-conditions" aria-labelledby="plan-conditions-heading">
            <h4 id="plan-conditions-heading">{ t.cond_heading }</h4>
            <dl>
                <dt>{ t.cond_date }</dt><dd>{ date(browser::today(), l) }</dd>
                <dt>{ t.cond_radius }</dt><dd>{ radius }</dd>
                <dt>{ t.cond_k }</dt><dd>{ v.chosen.len() }</dd>
                <dt>{ t.cond_need }</dt><dd>{ format!("{:.1}%", s.need_share * 100.0) }</dd>
                <dt>{ t.cond_data }</dt>
                <dd><ul class="plain-list">{ for data.into_iter().map(|d| html! { <li class="long-text">{ d }</li> }) }</ul></dd>
                if let Some(area) = area {
                    <dt>{ d.cond_area }</dt><dd class="long-text">{ area }</dd>
                }
                <dt>{ t.cond_crs }</dt><dd>{ t.cond_crs_value }</dd>
            </dl>
        </section>
    }
}

/// The results area.
#[function_component]
pub fn ResultsView(props: &ResultsProps) -> Html {
    let l = props.locale;
    let t = plan_texts(l);
    let v = &props.view;
    let order = v.ranked_sites();
    let shown = if props.show_all { order.len() } else { order.len().min(100) };
    let rows = order.iter().take(shown).map(|s| {
        let i = s.index;
        let mark = if props.choices.locked.contains(&i) {
            Some(t.locked_mark)
        } else if props.choices.excluded.contains(&i) {
            Some(t.excluded_mark)
        } else {
            None
        };
        html! {
            <tr class={classes!(s.rank.is_some().then_some("chosen-row"), (props.selected == Some(i)).then_some("selected-row"))}>
                <td>{ s.rank.map(|r| (r + 1).to_string()).unwrap_or_default() }</td>
                <th scope="row">
                    { short_label(&s.name, NAME_CHARS).into_owned() }
                    if let Some(m) = mark {
                        <span class="site-mark">{ m }</span>
                    }
                </th>
                <td>{ thousands(s.score.new_covered) }</td>
                <td>{ thousands(s.score.covered) }</td>
                <td>{ thousands(s.score.density_per_km2) }</td>
                <td>{ thousands(s.score.expected_meals) }</td>
                <td>{ fit_text(s.score.capacity_fit, t) }</td>
                if let Some(cell) = on_foot_cell(props.roads.as_deref(), i, l) {
                    <td>{ cell }</td>
                }
                <td class="row-actions">
                    <button type="button" class="link-button" aria-label={(t.details_of)(&short_label(&s.name, NAME_CHARS))} onclick={props.on_select.reform(move |_: MouseEvent| i)}>{ t.details }</button>
                </td>
            </tr>
        }
    });
    // Exports are in the system the candidates came in unless the planner picks another.
    let export_crs = use_state_eq(|| None::<Crs>);
    let crs = export_crs.unwrap_or(v.input_crs);
    let view = v.clone();
    let on_csv =
        Callback::from(move |_: MouseEvent| browser::download("zhucan-sites.csv", "text/csv;charset=utf-8", &export::csv(&view, l, crs)));
    let on_crs = {
        let export_crs = export_crs.clone();
        Callback::from(move |e: Event| {
            let code = e.target_unchecked_into::<web_sys::HtmlSelectElement>().value();
            export_crs.set(Crs::from_code(&code));
        })
    };
    let crs_options = Crs::ALL.iter().map(|c| {
        let name = if *c == v.input_crs { (t.export_crs_same)(export::crs_name(*c)) } else { export::crs_name(*c).to_string() };
        html! { <option value={c.code()} selected={*c == crs}>{ name }</option> }
    });
    // A new result: bring it into view and put the focus on its heading, so keyboard and screen-reader
    // users land on it too (the run button they pressed is far above).
    // A better plan the search after the run found replaces this one in place: no jump.
    use_effect_with(props.run, |_| browser::reveal("plan-result-heading"));
    // A site's details: shown below the map, brought into view.
    use_effect_with(props.selected, |selected| {
        if selected.is_some() {
            browser::reveal("plan-breakdown-heading");
        }
    });
    let view = v.clone();
    let on_geojson =
        Callback::from(move |_: MouseEvent| browser::download("zhucan-sites.geojson", "application/geo+json", &export::geojson(&view)));
    let on_print = Callback::from(|_: MouseEvent| browser::print());
    html! {
        <section class="plan-results" aria-labelledby="plan-result-heading">
            <h3 id="plan-result-heading" tabindex="-1">{ t.result_heading }</h3>
            { summary(v, t, props.certificate.as_ref(), &props.on_stop_search) }
            { conditions(v, t, l) }
            { on_foot_note(props.roads.as_deref(), l) }
            <MapView view={v.clone()} selected={props.selected} locale={l} on_select={props.on_select.clone()} roads={props.roads.clone()} />
            if let Some(i) = props.selected {
                { breakdown(props, i, t) }
            }
            { comparison(v, &props.compare, t) }
            <ModelsSection view={v.clone()} locale={l} />
            { curve(v, t) }
            <section aria-labelledby="plan-table-heading">
                <h4 id="plan-table-heading">{ t.table_heading }</h4>
                <div class="table-scroll" tabindex="0" role="region" aria-labelledby="plan-table-caption">
                    <table class="site-table">
                        <caption id="plan-table-caption">{ t.table_caption }</caption>
                        <thead>
                            <tr>
                                <th scope="col">{ t.th_rank }</th>
                                <th scope="col">{ t.th_name }</th>
                                <th scope="col">{ t.th_new }</th>
                                <th scope="col">{ t.th_covered }</th>
                                <th scope="col">{ t.th_density }</th>
                                <th scope="col">{ t.th_meals }</th>
                                <th scope="col">{ t.th_fit }</th>
                                if props.roads.as_ref().is_some_and(|r| r.on_foot.is_some()) {
                                    <th scope="col">{ roads_texts(l).th_on_foot }</th>
                                }
                                <th scope="col" class="row-actions">{ t.th_actions }</th>
                            </tr>
                        </thead>
                        <tbody>{ for rows }</tbody>
                    </table>
                </div>
                <p class="field-hint">{ t.table_note }</p>
                if shown < order.len() {
                    <button type="button" class="button secondary" onclick={props.on_show_all.reform(|_: MouseEvent| ())}>{ t.show_all }</button>
                }
            </section>
            <ScenarioView view={v.clone()} pinned={props.pinned.clone()} on_pin={props.on_pin.clone()} locale={l} />
            <div class="field export-crs">
                <label for="plan-export-crs">{ t.export_crs_label }</label>
                <select id="plan-export-crs" onchange={on_crs}>{ for crs_options }</select>
            </div>
            <div class="actions">
                <button type="button" id="plan-export-csv" class="button secondary" onclick={on_csv}>{ t.export_csv }</button>
                <button type="button" id="plan-export-geojson" class="button secondary" onclick={on_geojson}>{ t.export_geojson }</button>
                <button type="button" id="plan-print" class="button secondary" onclick={on_print}>{ t.print_report }</button>
            </div>
        </section>
    }
}
