//! The map: SVG, no tile server, no network. Demand density (five colour classes drawn as five
//! paths), candidate sites, chosen sites with their service circles, existing canteens. Zoom and
//! pan by buttons, keyboard (arrows, + and −, 0), mouse wheel and drag. The results table says
//! the same things for screen-reader users.

use std::rc::Rc;

use yew::prelude::*;

use super::text::plan_texts;
use crate::core::planner::session::PlanView;
use crate::core::Locale;

/// Properties of [`MapView`].
#[derive(Properties, PartialEq)]
pub struct MapProps {
    /// The result.
    pub view: Rc<PlanView>,
    /// The site whose details are shown.
    pub selected: Option<usize>,
    /// Interface language.
    pub locale: Locale,
    /// A site was clicked.
    pub on_select: Callback<usize>,
}

/// The visible window: centre (map metres, y north) and width in metres.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Window {
    cx: f64,
    cy: f64,
    width: f64,
}

const ASPECT: f64 = 0.75;
const CLASS_COLOURS: [&str; 5] = ["#fde4cc", "#f9c08f", "#f29a5c", "#e0702f", "#b4500f"];

fn home(view: &PlanView) -> Window {
    let g = &view.grid;
    let (mut x0, mut y0, mut x1, mut y1) = (g.x0, g.y0, g.x0 + g.nx as f64 * g.cell_m, g.y0 + g.ny as f64 * g.cell_m);
    for s in &view.sites {
        x0 = x0.min(s.x);
        x1 = x1.max(s.x);
        y0 = y0.min(s.y);
        y1 = y1.max(s.y);
    }
    let width = ((x1 - x0).max((y1 - y0) / ASPECT) * 1.08).max(500.0);
    Window { cx: (x0 + x1) / 2.0, cy: (y0 + y1) / 2.0, width }
}

fn density_paths(view: &PlanView) -> Vec<String> {
    let g = &view.grid;
    let mut nonzero: Vec<f64> = g.counts.iter().copied().filter(|c| *c > 0.0).collect();
    nonzero.sort_by(f64::total_cmp);
    if nonzero.is_empty() {
        return vec![String::new(); 5];
    }
    let q = |p: f64| nonzero[((nonzero.len() - 1) as f64 * p) as usize];
    let breaks = [q(0.2), q(0.4), q(0.6), q(0.8)];
    let mut paths = vec![String::new(); 5];
    for j in 0..g.ny {
        for i in 0..g.nx {
            let c = g.counts[j * g.nx + i];
            if c <= 0.0 {
                continue;
            }
            let class = breaks.iter().filter(|b| c > **b).count();
            let x = g.x0 + i as f64 * g.cell_m;
            let y = -(g.y0 + (j + 1) as f64 * g.cell_m);
            paths[class].push_str(&format!("M{x:.0} {y:.0}h{w:.1}v{w:.1}h-{w:.1}z", w = g.cell_m));
        }
    }
    paths
}

/// The map with its controls and legend.
#[function_component]
pub fn MapView(props: &MapProps) -> Html {
    let l = props.locale;
    let t = plan_texts(l);
    let view = props.view.clone();
    let window = {
        let view = view.clone();
        use_state_eq(move || home(&view))
    };
    let drag = use_mut_ref(|| None::<(f64, f64, Window)>);
    let svg_ref = use_node_ref();
    let paths = use_memo(view.clone(), |v| density_paths(v));
    let w = *window;
    let h = w.width * ASPECT;

    let zoom = |factor: f64| {
        let window = window.clone();
        Callback::from(move |_: MouseEvent| window.set(Window { width: (window.width * factor).clamp(200.0, 2.0e6), ..*window }))
    };
    let pan = |dx: f64, dy: f64| {
        let window = window.clone();
        Callback::from(move |_: MouseEvent| window.set(Window { cx: window.cx + dx * window.width, cy: window.cy + dy * window.width, ..*window }))
    };
    let reset = {
        let (window, view) = (window.clone(), view.clone());
        Callback::from(move |_: MouseEvent| window.set(home(&view)))
    };
    let onkeydown = {
        let (window, view) = (window.clone(), view.clone());
        Callback::from(move |e: KeyboardEvent| {
            let cur = *window;
            let next = match e.key().as_str() {
                "ArrowLeft" => Window { cx: cur.cx - 0.1 * cur.width, ..cur },
                "ArrowRight" => Window { cx: cur.cx + 0.1 * cur.width, ..cur },
                "ArrowUp" => Window { cy: cur.cy + 0.1 * cur.width, ..cur },
                "ArrowDown" => Window { cy: cur.cy - 0.1 * cur.width, ..cur },
                "+" | "=" => Window { width: (cur.width / 1.5).max(200.0), ..cur },
                "-" | "_" => Window { width: (cur.width * 1.5).min(2.0e6), ..cur },
                "0" => home(&view),
                _ => return,
            };
            e.prevent_default();
            window.set(next);
        })
    };
    let onwheel = {
        let window = window.clone();
        Callback::from(move |e: WheelEvent| {
            e.prevent_default();
            let factor = if e.delta_y() > 0.0 { 1.25 } else { 0.8 };
            window.set(Window { width: (window.width * factor).clamp(200.0, 2.0e6), ..*window });
        })
    };
    let px_per_m = {
        let svg_ref = svg_ref.clone();
        move |width: f64| {
            let px = svg_ref.cast::<web_sys::Element>().map(|e| e.client_width() as f64).filter(|p| *p > 0.0).unwrap_or(800.0);
            px / width
        }
    };
    let onpointerdown = {
        let (drag, window) = (drag.clone(), window.clone());
        Callback::from(move |e: PointerEvent| {
            *drag.borrow_mut() = Some((e.client_x() as f64, e.client_y() as f64, *window));
        })
    };
    let onpointermove = {
        let (drag, window, px_per_m) = (drag.clone(), window.clone(), px_per_m.clone());
        Callback::from(move |e: PointerEvent| {
            let Some((x0, y0, start)) = *drag.borrow() else { return };
            if e.buttons() == 0 {
                return;
            }
            let scale = px_per_m(start.width);
            let dx = (e.client_x() as f64 - x0) / scale;
            let dy = (e.client_y() as f64 - y0) / scale;
            window.set(Window { cx: start.cx - dx, cy: start.cy + dy, ..start });
        })
    };
    let onpointerup = {
        let drag = drag.clone();
        Callback::from(move |_: PointerEvent| *drag.borrow_mut() = None)
    };

    let dot = w.width / 140.0;
    let chosen_set: Vec<bool> = view.sites.iter().map(|s| s.rank.is_some()).collect();
    let circles = view.sites.iter().filter(|s| s.rank.is_some()).map(|s| {
        html! { <circle class="service" cx={format!("{:.0}", s.x)} cy={format!("{:.0}", -s.y)} r={format!("{:.0}", view.radius_m)} /> }
    });
    // Unchosen first, chosen on top.
    let mut drawing: Vec<&crate::core::planner::session::SiteRow> = view.sites.iter().collect();
    drawing.sort_by_key(|s| (s.rank.is_some(), props.selected == Some(s.index)));
    let existing_circles = view.existing.iter().map(|(x, y, _)| {
        html! { <circle class="existing-service" cx={format!("{x:.0}")} cy={format!("{:.0}", -y)} r={format!("{:.0}", view.radius_m)} /> }
    });
    let sites = drawing.into_iter().map(|s| {
        let i = s.index;
        let chosen = chosen_set[i];
        let selected = props.selected == Some(i);
        let onclick = props.on_select.reform(move |_: MouseEvent| i);
        let r = if chosen { dot * 1.6 } else { dot };
        html! {
            <circle class={classes!("site", chosen.then_some("chosen"), selected.then_some("selected"))}
                cx={format!("{:.0}", s.x)} cy={format!("{:.0}", -s.y)} r={format!("{r:.0}")} {onclick}>
                <title>{ crate::core::locale::short_label(&s.name, 80).into_owned() }</title>
            </circle>
        }
    });
    let existing = view.existing.iter().map(|(x, y, name)| {
        html! {
            <rect class="existing" x={format!("{:.0}", x - dot)} y={format!("{:.0}", -y - dot)} width={format!("{:.0}", 2.0 * dot)} height={format!("{:.0}", 2.0 * dot)}>
                <title>{ crate::core::locale::short_label(name, 80).into_owned() }</title>
            </rect>
        }
    });
    let density = paths.iter().enumerate().map(|(k, d)| html! { <path d={d.clone()} fill={CLASS_COLOURS[k]} /> });
    let view_box = format!("{:.0} {:.0} {:.0} {:.0}", w.cx - w.width / 2.0, -w.cy - h / 2.0, w.width, h);

    html! {
        <section class="map-section" aria-labelledby="plan-map-heading">
            <h4 id="plan-map-heading">{ t.map_heading }</h4>
            <div class="map-controls">
                <button type="button" class="button secondary" aria-label={t.zoom_in} onclick={zoom(1.0 / 1.5)}>{ "＋" }</button>
                <button type="button" class="button secondary" aria-label={t.zoom_out} onclick={zoom(1.5)}>{ "－" }</button>
                <button type="button" class="button secondary" aria-label={t.pan_left} onclick={pan(-0.2, 0.0)}>{ "←" }</button>
                <button type="button" class="button secondary" aria-label={t.pan_right} onclick={pan(0.2, 0.0)}>{ "→" }</button>
                <button type="button" class="button secondary" aria-label={t.pan_up} onclick={pan(0.0, 0.2)}>{ "↑" }</button>
                <button type="button" class="button secondary" aria-label={t.pan_down} onclick={pan(0.0, -0.2)}>{ "↓" }</button>
                <button type="button" class="button secondary" onclick={reset}>{ t.reset_view }</button>
            </div>
            <p class="field-hint" id="plan-map-keys">{ t.map_keys }</p>
            <div class="map" id="plan-map" tabindex="0" role="group" aria-label={t.map_label} aria-describedby="plan-map-keys"
                {onkeydown} {onwheel} {onpointerdown} {onpointermove} {onpointerup}>
                <svg ref={svg_ref} viewBox={view_box} preserveAspectRatio="xMidYMid meet" aria-hidden="true" focusable="false">
                    <g class="density">{ for density }</g>
                    <g class="services">{ for existing_circles }{ for circles }</g>
                    <g class="existing-sites">{ for existing }</g>
                    <g class="sites">{ for sites }</g>
                </svg>
            </div>
            <ul class="legend">
                <li><span class="swatch density-swatch"></span>{ t.legend_density }</li>
                <li><span class="swatch candidate-swatch"></span>{ t.legend_candidate }</li>
                <li><span class="swatch chosen-swatch"></span>{ t.legend_chosen }</li>
                <li><span class="swatch existing-swatch"></span>{ t.legend_existing }</li>
            </ul>
        </section>
    }
}
