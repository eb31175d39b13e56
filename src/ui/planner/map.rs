//! The map: SVG, no tile server, no network. Demand density (five colour classes drawn as five
//! paths, neighbouring cells of a class merged), candidate sites (when more than
//! `mapdraw::DOTS_ABOVE` are in view, thinned dots drawn as two paths, with a line under the map
//! saying so; the one picked in the table stays a large named marker), other meal providers, chosen
//! sites with their service circles and their rank numbers, existing canteens, the names of chosen
//! sites and existing canteens (placed so they never cover each other or a marker), a scale bar, a
//! north arrow and the corners' coordinates. Zoom and pan by buttons, keyboard (arrows, + and −,
//! 0), mouse wheel and drag. The map downloads as SVG or PNG (drawn on a canvas here, no network)
//! with its title, legend and attribution. The results table says the same things for screen-reader
//! users.
//!
//! The density and service circles are drawn in map metres (the SVG's viewBox); everything
//! written on the map is laid out in screen pixels by the core (`core::planner::mapdraw`) and
//! drawn in a group scaled back to metres, so names keep their size at every zoom.

use std::rc::Rc;

use wasm_bindgen::{JsCast, JsValue};
use yew::prelude::*;

use super::data_text::data_texts;
use super::roads_text::roads_texts;
use super::text::{plan_texts, PlanTexts};
use crate::core::locale::{short_label, thousands};
use crate::core::planner::labels::Anchor;
use crate::core::planner::mapdraw::{self, Drawing, Frame, MapLayout, MapWords, MarkKind, Shape, ASPECT, CLASS_COLOURS};
use crate::core::planner::session::roads::RoadsView;
use crate::core::planner::session::streets::Lines;
use crate::core::planner::session::PlanView;
use crate::core::Locale;
use crate::ui::browser;

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
    /// The road file's streets and service areas, when one is in use.
    #[prop_or_default]
    pub roads: Option<Rc<RoadsView>>,
}

/// An `Rc` as a memo's key, compared by address: the plan and the roads are replaced, never
/// changed in place, and comparing their values (a `PartialEq` on `Rc` compares what it points
/// to) would walk a whole city's streets and sites on every frame of a zoom or pan. Holding the
/// `Rc` keeps its address from being reused while the memo remembers it.
#[derive(Clone)]
struct Same<T>(Rc<T>);

impl<T> PartialEq for Same<T> {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

/// The streets' window is widened by this share of its width on every side and snapped to a grid
/// of half its width, so small pans and the next zoom step reuse the same path.
const STREETS_MARGIN: f64 = 0.5;

/// Which streets to draw for the window `w` on a map `px` pixels wide: the level of detail (its
/// index) and the widened, snapped window (x0, y0, x1, y1), in map metres, y north.
fn streets_window(roads: &RoadsView, w: Window, px: f64) -> Option<(usize, [i64; 4])> {
    let level = roads.basemap.level_for(w.width / px.max(1.0))?;
    let index = roads.basemap.levels.iter().position(|l| std::ptr::eq(l, level))?;
    Some((index, snapped_window(w).0))
}

/// The window `w` widened and snapped ([`STREETS_MARGIN`]): in steps of half its width, and the step.
fn snapped_window(w: Window) -> ([i64; 4], f64) {
    let step = (w.width / 2.0).max(1.0);
    let h = w.width * ASPECT;
    let snap = |v: f64, up: bool| if up { (v / step).ceil() as i64 } else { (v / step).floor() as i64 };
    let m = STREETS_MARGIN * w.width;
    (
        [
            snap(w.cx - w.width / 2.0 - m, false),
            snap(w.cy - h / 2.0 - m, false),
            snap(w.cx + w.width / 2.0 + m, true),
            snap(w.cy + h / 2.0 + m, true),
        ],
        step,
    )
}

/// Which distance model the plan used, for the legend.
fn model_text(view: &PlanView, roads: Option<&RoadsView>, l: Locale) -> String {
    let r = roads_texts(l);
    match roads.and_then(|x| x.on_foot.as_ref()) {
        Some(f) => (r.model_network)(&thousands(f.walk_m)),
        None => (r.model_straight)(&thousands(view.radius_m)),
    }
}

/// Service areas (each a site's streets reached) as lines with their extents at every level of
/// detail of the streets ([`Lines::levels`]), so that only the parts in view are drawn, simplified
/// for the zoom: a browser strokes a path's every segment, on screen or not, for each tile it
/// paints (twenty sites' streets zoomed in to one street, or out to the whole city, cost a quarter
/// of a second a frame drawn whole).
fn area_levels<'a>(areas: impl Iterator<Item = &'a Vec<Vec<(f32, f32)>>>) -> Vec<Lines> {
    let lines: Vec<Vec<(f32, f32)>> = areas.flatten().cloned().collect();
    Lines::levels(&lines)
}

/// The basemap's paths in view: parks, water areas, rivers, railways, streets.
#[derive(Clone, Debug, Default, PartialEq)]
struct BasemapPaths {
    parks: String,
    water: String,
    waterways: String,
    rail: String,
    streets: String,
}

/// The visible window: centre (map metres, y north) and width in metres.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Window {
    cx: f64,
    cy: f64,
    width: f64,
}

/// The visible window as state, with its latest value readable at once: several key presses
/// before the next render each build on the one before (a state handle alone would give all of
/// them the value of the last render).
#[derive(Clone)]
struct WindowState {
    state: UseStateHandle<Window>,
    current: Rc<std::cell::RefCell<Window>>,
}

impl WindowState {
    fn get(&self) -> Window {
        *self.current.borrow()
    }

    fn set(&self, w: Window) {
        *self.current.borrow_mut() = w;
        self.state.set(w);
    }
}

/// The map's size on screen: width in CSS pixels and the names' font size.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Screen {
    width: f64,
    font: f64,
}

/// The map on paper: an A4 or Letter page's width inside its margins (about 19 cm, 700 CSS
/// pixels) with names at 12 px (9 pt), so that the printed names are as large as on screen.
const PRINT: Screen = Screen { width: 700.0, font: 12.0 };

/// Width and font size of the downloaded map.
const EXPORT_WIDTH: f64 = 1200.0;
const EXPORT_FONT: f64 = 16.0;
/// The PNG is drawn at twice that size, for print.
const PNG_SCALE: f64 = 2.0;

fn home(view: &PlanView) -> Window {
    let g = &view.grid;
    let (mut x0, mut y0, mut x1, mut y1) = (g.x0, g.y0, g.x0 + g.nx as f64 * g.cell_m, g.y0 + g.ny as f64 * g.cell_height());
    // The sites, the chosen ones' service circles whole, and the study area's outline.
    let study_area = view.boundary.iter().flatten().map(|&(x, y)| (x, y, 0.0));
    let sites = view.sites.iter().map(|s| (s.x, s.y, if s.rank.is_some() { view.radius_m } else { 0.0 }));
    for (x, y, r) in sites.chain(study_area) {
        x0 = x0.min(x - r);
        x1 = x1.max(x + r);
        y0 = y0.min(y - r);
        y1 = y1.max(y + r);
    }
    let width = ((x1 - x0).max((y1 - y0) / ASPECT) * 1.08).max(500.0);
    Window { cx: (x0 + x1) / 2.0, cy: (y0 + y1) / 2.0, width }
}

/// The map's width in CSS pixels and the names' font size: 0.8 of the page's root font size
/// (so large and extra-large text make them larger), but at most a fourteenth of the map's width
/// (a phone with extra-large text still gets a map, not only words).
fn measure(map: &NodeRef) -> Option<Screen> {
    let el = map.cast::<web_sys::Element>()?;
    let width = el.client_width() as f64;
    if width <= 0.0 {
        return None;
    }
    let window = web_sys::window()?;
    let root = window.document()?.document_element()?;
    let root_px = window
        .get_computed_style(&root)
        .ok()
        .flatten()
        .and_then(|s| s.get_property_value("font-size").ok())
        .and_then(|v| v.trim_end_matches("px").parse::<f64>().ok())
        .filter(|v| v.is_finite() && *v > 0.0)
        .unwrap_or(18.0);
    Some(Screen { width, font: (0.8 * root_px).min(width / 14.0).max(10.0) })
}

fn anchor(a: Anchor) -> &'static str {
    a.svg()
}

fn f1(v: f64) -> String {
    format!("{v:.1}")
}

fn words(view: &PlanView, t: &PlanTexts, l: Locale) -> MapWords {
    MapWords {
        boundary: data_texts(l).legend_boundary.to_string(),
        competitors: data_texts(l).legend_competitors.to_string(),
        title: t.map_title.to_string(),
        subtitle: (t.map_subtitle)(view.chosen.len(), &thousands(view.radius_m)),
        north: t.map_north.to_string(),
        legend: [
            t.legend_density.to_string(),
            t.legend_candidate.to_string(),
            t.legend_chosen_numbered.to_string(),
            t.legend_existing.to_string(),
        ],
        crs: t.map_crs.to_string(),
        attribution: t.map_attribution.to_string(),
    }
}

fn export_drawing(view: &PlanView, w: Window, t: &PlanTexts, l: Locale, roads: Option<&RoadsView>) -> Drawing {
    let frame = Frame { cx: w.cx, cy: w.cy, width_m: w.width, width_px: EXPORT_WIDTH };
    let lay = mapdraw::layout(view, frame, EXPORT_FONT, t.map_north, l, None);
    let d = mapdraw::drawing(view, &lay, &words(view, t, l));
    match roads {
        Some(r) => mapdraw::with_roads(d, r, &lay),
        None => d,
    }
}

/// Clicks a link to `url` that downloads as `name`.
fn download_url(name: &str, url: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    if let Ok(a) = document.create_element("a") {
        let _ = a.set_attribute("href", url);
        let _ = a.set_attribute("download", name);
        if let Ok(a) = a.dyn_into::<web_sys::HtmlElement>() {
            a.click();
        }
    }
}

/// Draws the shapes on a new canvas (twice the size, for print) and returns it as a PNG data URL.
fn png(d: &Drawing) -> Option<String> {
    let document = web_sys::window()?.document()?;
    let canvas: web_sys::HtmlCanvasElement = document.create_element("canvas").ok()?.dyn_into().ok()?;
    canvas.set_width((d.width * PNG_SCALE).ceil() as u32);
    canvas.set_height((d.height * PNG_SCALE).ceil() as u32);
    let ctx: web_sys::CanvasRenderingContext2d = canvas.get_context("2d").ok()??.dyn_into().ok()?;
    ctx.scale(PNG_SCALE, PNG_SCALE).ok()?;
    let paint = |p: &mapdraw::Paint, path: Option<&web_sys::Path2d>| {
        if let Some(fill) = p.fill {
            ctx.set_global_alpha(p.fill_opacity);
            ctx.set_fill_style_str(fill);
            match path {
                Some(path) => ctx.fill_with_path_2d(path),
                None => ctx.fill(),
            }
            ctx.set_global_alpha(1.0);
        }
        if let Some(stroke) = p.stroke {
            ctx.set_stroke_style_str(stroke);
            ctx.set_line_width(p.stroke_width);
            let dash = js_sys::Array::new();
            if let Some([on, off]) = p.dash {
                dash.push(&JsValue::from_f64(on));
                dash.push(&JsValue::from_f64(off));
            }
            let _ = ctx.set_line_dash(&dash);
            match path {
                Some(path) => ctx.stroke_with_path(path),
                None => ctx.stroke(),
            }
        }
    };
    for s in &d.shapes {
        match s {
            Shape::Rect { rect, paint: p } => {
                ctx.begin_path();
                ctx.rect(rect.x0, rect.y0, rect.width(), rect.height());
                paint(p, None);
            }
            Shape::Circle { x, y, r, paint: p } => {
                ctx.begin_path();
                let _ = ctx.arc(*x, *y, *r, 0.0, std::f64::consts::TAU);
                paint(p, None);
            }
            Shape::Path { d, paint: p } => {
                if let Ok(path) = web_sys::Path2d::new_with_path_string(d) {
                    paint(p, Some(&path));
                }
            }
            Shape::Text { x, y, text, size, bold, anchor: a, fill, halo } => {
                ctx.set_font(&format!("{}{size}px {}", if *bold { "bold " } else { "" }, mapdraw::FONT_FAMILY));
                ctx.set_text_align(match a {
                    Anchor::Start => "left",
                    Anchor::Middle => "center",
                    Anchor::End => "right",
                });
                ctx.set_text_baseline("middle");
                if *halo {
                    ctx.set_stroke_style_str("#ffffff");
                    ctx.set_line_width(3.0);
                    ctx.set_line_join("round");
                    let _ = ctx.set_line_dash(&js_sys::Array::new());
                    let _ = ctx.stroke_text(text, *x, *y);
                }
                ctx.set_fill_style_str(fill);
                let _ = ctx.fill_text(text, *x, *y);
            }
            Shape::Clip(Some(r)) => {
                ctx.save();
                ctx.begin_path();
                ctx.rect(r.x0, r.y0, r.width(), r.height());
                ctx.clip();
            }
            Shape::Clip(None) => ctx.restore(),
        }
    }
    canvas.to_data_url_with_type("image/png").ok()
}

/// What is written on the map, drawn in pixels (the caller scales the group to the map).
fn overlay(lay: &MapLayout, selected: Option<usize>, on_select: &Callback<usize>) -> Html {
    let f = lay.sizes.font;
    let marks = lay.marks.iter().map(|k| {
        let title = html! { <title>{ short_label(&k.name, 80).into_owned() }</title> };
        match k.kind {
            MarkKind::Existing => html! {
                <rect class="existing" x={f1(k.x - k.r)} y={f1(k.y - k.r)} width={f1(2.0 * k.r)} height={f1(2.0 * k.r)}>{ title }</rect>
            },
            MarkKind::Candidate => {
                let i = k.index;
                let onclick = on_select.reform(move |_: MouseEvent| i);
                html! {
                    <circle class={classes!("site", (selected == Some(i)).then_some("selected"))} cx={f1(k.x)} cy={f1(k.y)} r={f1(k.r)} {onclick}>{ title }</circle>
                }
            }
            MarkKind::Chosen(rank) => {
                let i = k.index;
                let onclick = on_select.reform(move |_: MouseEvent| i);
                let number = (rank + 1).to_string();
                html! {
                    <g class="chosen-mark" data-rank={number.clone()}>
                        <circle class={classes!("site", "chosen", (selected == Some(i)).then_some("selected"))} cx={f1(k.x)} cy={f1(k.y)} r={f1(k.r)} {onclick}>{ title }</circle>
                        <text class="rank-number" x={f1(k.x)} y={f1(k.y)} font-size={f1(f)} text-anchor="middle" dominant-baseline="central">{ number }</text>
                    </g>
                }
            }
        }
    });
    let labels = lay.labels.iter().map(|lb| {
        let (kind, rank) = match lb.kind {
            MarkKind::Chosen(r) => ("chosen", Some((r + 1).to_string())),
            MarkKind::Existing => ("canteen", None),
            MarkKind::Candidate => ("candidate", None),
        };
        html! {
            <text class="map-label" data-kind={kind} data-rank={rank} x={f1(lb.x)} y={f1(lb.y)} font-size={f1(f)} text-anchor={anchor(lb.anchor)} dominant-baseline="central">{ lb.text.clone() }</text>
        }
    });
    let small = lay.sizes.small;
    let scale = lay.scale.as_ref().map(|s| {
        let half = s.bar.px / 2.0;
        html! {
            <g class="scale-bar">
                <rect class="scale-dark" x={f1(s.x)} y={f1(s.y - s.thickness)} width={f1(half)} height={f1(s.thickness)} />
                <rect class="scale-light" x={f1(s.x + half)} y={f1(s.y - s.thickness)} width={f1(half)} height={f1(s.thickness)} />
                <text class="scale-text" x={f1(s.text.x)} y={f1(s.text.y)} font-size={f1(small)} text-anchor="start" dominant-baseline="central">{ s.text.text.clone() }</text>
            </g>
        }
    });
    let n = &lay.north;
    let corners = lay.corners.iter().map(|c| {
        html! { <text class="map-corner" x={f1(c.x)} y={f1(c.y)} font-size={f1(small)} text-anchor={anchor(c.anchor)} dominant-baseline="central">{ c.text.clone() }</text> }
    });
    // Many candidates: dots, no tooltips and no clicks (always there, empty when each candidate
    // is its own marker, so Yew keeps the elements around it). Drawn as a candidate's marker is
    // (white, a 1.5 px dark outline) but filled, not stroked: white discs, then dark rings round
    // them (where dots overlap, both outlines show); the browser strokes a path of thousands of
    // arcs at about three times the cost of filling it. And in 4 × 3 blocks of the map, a path
    // each: a path is rasterised whole in every tile of the screen it touches. A city's 3,300
    // dots at 980 px cost about 75 ms of raster a frame as one filled path, 40 in blocks (headless
    // Chromium; 8 × 6 blocks were no faster).
    let r = lay.sizes.dot_r;
    let blocks = mapdraw::dot_blocks(&lay.dots, lay.frame.width_px, lay.frame.height_px(), 4, 3);
    let insides = blocks.iter().map(|b| html! { <path class="dot-inside" d={mapdraw::dots_path(b, r - 0.75, 0.0, 0.0)} /> });
    let edges = blocks.iter().map(|b| html! { <path class="dot-edge" d={mapdraw::dot_rings_path(b, r - 0.75, r + 0.75, 0.0, 0.0)} /> });
    html! {
        <>
            <g class="site-dots">{ for insides }{ for edges }</g>
            <g class="sites">{ for marks }</g>
            <g class="map-labels">{ for labels }</g>
            <>{ for scale }</>
            <g class="north-arrow">
                <path d={mapdraw::north_path(n, 0.0, 0.0)} />
                <text x={f1(n.text.x)} y={f1(n.text.y)} font-size={f1(f)} text-anchor="middle" dominant-baseline="central">{ n.text.text.clone() }</text>
            </g>
            <g class="map-corners">{ for corners }</g>
        </>
    }
}

/// The map with its controls, legend and downloads.
#[function_component]
pub fn MapView(props: &MapProps) -> Html {
    let l = props.locale;
    let t = plan_texts(l);
    let view = props.view.clone();
    let window = {
        let start = home(&view);
        let state = use_state_eq(move || start);
        let current = use_mut_ref(move || start);
        WindowState { state, current }
    };
    let screen = use_state_eq(|| Screen { width: 800.0, font: 14.4 });
    let drag = use_mut_ref(|| None::<(f64, f64, Window)>);
    let svg_ref = use_node_ref();
    let map_ref = use_node_ref();
    let breaks = use_memo(Same(view.clone()), |v| mapdraw::density_breaks(&v.0.grid));
    let w = window.get();
    let h = w.width * ASPECT;

    // Follow the map's width and the page's text size: the map box and the page body change size
    // when the window is resized or large text is switched on.
    {
        let (map_ref, screen) = (map_ref.clone(), screen.clone());
        use_effect_with((), move |_| {
            // While printing, the layout is the paper's (set on `beforeprint`), not the screen's.
            let printing = Rc::new(std::cell::Cell::new(false));
            let update = {
                let (map_ref, screen, printing) = (map_ref.clone(), screen.clone(), printing.clone());
                move || {
                    if printing.get() {
                        return;
                    }
                    if let Some(s) = measure(&map_ref) {
                        screen.set(s);
                    }
                }
            };
            update();
            let callback = wasm_bindgen::closure::Closure::<dyn FnMut()>::new(update.clone());
            let observer = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()).ok();
            if let Some(o) = &observer {
                if let Some(el) = map_ref.cast::<web_sys::Element>() {
                    o.observe(&el);
                }
                if let Some(body) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.body()) {
                    o.observe(&body);
                }
            }
            let listeners = web_sys::window().map(|w| {
                let before = {
                    let (screen, printing) = (screen.clone(), printing.clone());
                    gloo::events::EventListener::new(&w, "beforeprint", move |_| {
                        printing.set(true);
                        screen.set(PRINT);
                    })
                };
                let after = gloo::events::EventListener::new(&w, "afterprint", move |_| {
                    printing.set(false);
                    update();
                });
                (before, after)
            });
            move || {
                if let Some(o) = observer {
                    o.disconnect();
                }
                drop(callback);
                drop(listeners);
            }
        });
    }

    let zoom = |factor: f64| {
        let window = window.clone();
        Callback::from(move |_: MouseEvent| {
            let cur = window.get();
            window.set(Window { width: (cur.width * factor).clamp(200.0, 2.0e6), ..cur })
        })
    };
    let pan = |dx: f64, dy: f64| {
        let window = window.clone();
        Callback::from(move |_: MouseEvent| {
            let cur = window.get();
            window.set(Window { cx: cur.cx + dx * cur.width, cy: cur.cy + dy * cur.width, ..cur })
        })
    };
    let reset = {
        let (window, view) = (window.clone(), view.clone());
        Callback::from(move |_: MouseEvent| window.set(home(&view)))
    };
    let onkeydown = {
        let (window, view) = (window.clone(), view.clone());
        Callback::from(move |e: KeyboardEvent| {
            let cur = window.get();
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
            let cur = window.get();
            window.set(Window { width: (cur.width * factor).clamp(200.0, 2.0e6), ..cur });
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
            *drag.borrow_mut() = Some((e.client_x() as f64, e.client_y() as f64, window.get()));
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

    let on_svg = {
        let (view, window, roads) = (view.clone(), window.clone(), props.roads.clone());
        Callback::from(move |_: MouseEvent| {
            let t = plan_texts(l);
            let d = export_drawing(&view, window.get(), t, l, roads.as_deref());
            browser::download("zhucan-map.svg", "image/svg+xml;charset=utf-8", &mapdraw::svg(&d, t.map_title));
        })
    };
    let on_png = {
        let (view, window, roads) = (view.clone(), window.clone(), props.roads.clone());
        Callback::from(move |_: MouseEvent| {
            let t = plan_texts(l);
            if let Some(url) = png(&export_drawing(&view, window.get(), t, l, roads.as_deref())) {
                download_url("zhucan-map.png", &url);
            }
        })
    };

    // What is written on the map, laid out for the map's size on screen.
    let sc = *screen;
    let frame = Frame { cx: w.cx, cy: w.cy, width_m: w.width, width_px: sc.width };
    let lay = mapdraw::layout(&view, frame, sc.font, t.map_north, l, props.selected);
    let picked_on_map = lay.marks.iter().any(|k| k.kind == MarkKind::Candidate && Some(k.index) == props.selected);
    let (vx, vy) = (w.cx - w.width / 2.0, -w.cy - h / 2.0);
    let to_map = format!("translate({vx:.2} {vy:.2}) scale({:.6})", 1.0 / frame.px_per_m());

    // Walking along the roads: the streets reached instead of circles.
    let on_foot = props.roads.as_ref().is_some_and(|r| r.on_foot.is_some());
    let roads_key = props.roads.clone().map(Same);
    // The chosen sites' and the existing canteens' service areas, drawn in the widened window.
    let area_sets = use_memo(roads_key.clone(), |r| {
        r.as_ref()
            .and_then(|r| r.0.on_foot.as_ref())
            .map(|f| (area_levels(f.areas.iter()), area_levels(f.existing_areas.iter())))
            .unwrap_or_default()
    });
    // At the streets' level of detail for this zoom.
    let area_level = props.roads.as_ref().and_then(|r| streets_window(r, w, sc.width)).map_or(0, |(i, _)| i);
    let window_key = snapped_window(w);
    let areas = use_memo((roads_key.clone(), window_key, area_level), {
        let sets = area_sets.clone();
        move |(_, (b, step), level)| {
            let [x0, y0, x1, y1] = b.map(|k| k as f64 * step.max(1.0));
            let path = |levels: &Vec<Lines>| levels.get(*level).or(levels.first()).map(|l| l.path_in(x0, y0, x1, y1).0).unwrap_or_default();
            (path(&sets.0), path(&sets.1))
        }
    });
    let streets_key = props.roads.as_ref().and_then(|r| streets_window(r, w, sc.width)).map(|(i, b)| (i, b, w.width / 2.0));
    let paths = use_memo((Same(view.clone()), snapped_window(w)), {
        let breaks = *breaks;
        move |(v, (b, step))| mapdraw::density_paths(&v.0.grid, breaks, b.map(|k| k as f64 * step.max(1.0)), |x, y| (x, -y), 1)
    });
    let basemap = use_memo((roads_key, streets_key), {
        move |(roads, key)| match (roads, key) {
            (Some(Same(r)), Some((i, b, step))) => {
                let step = step.max(1.0);
                let (x0, y0, x1, y1) = (b[0] as f64 * step, b[1] as f64 * step, b[2] as f64 * step, b[3] as f64 * step);
                let level = &r.basemap.levels[*i];
                BasemapPaths {
                    parks: level.parks.rings_in(x0, y0, x1, y1).0,
                    water: level.water.rings_in(x0, y0, x1, y1).0,
                    waterways: level.waterways.path_in(x0, y0, x1, y1).0,
                    rail: level.rail.path_in(x0, y0, x1, y1).0,
                    streets: level.path_in(x0, y0, x1, y1).0,
                }
            }
            _ => BasemapPaths::default(),
        }
    });
    let [has_water, has_rail, has_parks] = props.roads.as_ref().map_or([false; 3], |r| r.basemap.features());
    let has_existing_areas = props.roads.as_ref().and_then(|r| r.on_foot.as_ref()).is_some_and(|f| !f.existing_areas.is_empty());
    let circles = view.chosen_sites().filter(|_| !on_foot).map(|s| {
        html! { <circle class="service" cx={format!("{:.0}", s.x)} cy={format!("{:.0}", -s.y)} r={format!("{:.0}", view.radius_m)} /> }
    });
    let existing_circles = view.existing.iter().filter(|_| !on_foot).map(|(x, y, _)| {
        html! { <circle class="existing-service" cx={format!("{x:.0}")} cy={format!("{:.0}", -y)} r={format!("{:.0}", view.radius_m)} /> }
    });
    // Other meal providers (issue 15): a diamond each, its size in screen pixels like the sites'.
    let others = view.competitor_points();
    let other_marks = lay.others.iter().map(|&(x, y, i)| {
        let d = mapdraw::diamond_path(x, y, lay.sizes.other_half);
        html! { <path class="competitor" {d}><title>{ others[i].2.clone() }</title></path> }
    });
    let density = paths.iter().enumerate().map(|(k, d)| html! { <path d={d.clone()} fill={CLASS_COLOURS[k]} /> });
    // The study area's outline: every ring (outer rings and holes) in one path, its width in
    // screen pixels whatever the zoom.
    let boundary = use_memo(Same(view.clone()), |v| mapdraw::rings_path(&v.0.boundary, |x, y| (x, -y)));
    let view_box = format!("{vx:.0} {vy:.0} {:.0} {:.0}", w.width, h);
    // Always the same elements (empty and hidden when every name fits): a child coming and going
    // would make Yew rebuild the map and lose the keyboard focus on it.
    let dropped = if lay.dropped.is_empty() {
        String::new()
    } else {
        let names: Vec<String> = lay
            .dropped
            .iter()
            .map(|d| match d.rank {
                Some(r) => format!("{} {}", r + 1, d.name),
                None => d.name.clone(),
            })
            .collect();
        (t.map_dropped)(&names)
    };

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
            <div class="map" id="plan-map" ref={map_ref} tabindex="0" role="group" aria-label={t.map_label} aria-describedby="plan-map-keys"
                {onkeydown} {onwheel} {onpointerdown} {onpointermove} {onpointerup}>
                <svg ref={svg_ref} viewBox={view_box} preserveAspectRatio="xMidYMid meet" aria-hidden="true" focusable="false">
                    <path class="parks" d={basemap.parks.clone()} />
                    <path class="water" d={basemap.water.clone()} />
                    <path class="waterways" d={basemap.waterways.clone()} />
                    <path class="rail" d={basemap.rail.clone()} />
                    <path class="streets" d={basemap.streets.clone()} />
                    <g class={classes!("density", props.roads.is_some().then_some("over-streets"))}>{ for density }</g>
                    <path class="study-area" d={(*boundary).clone()} fill="none" stroke={mapdraw::BOUNDARY_COLOUR} stroke-width="2"
                        stroke-dasharray="8 4" vector-effect="non-scaling-stroke" />
                    <g class="services">{ for existing_circles }{ for circles }</g>
                    <path class="existing-area" d={areas.1.clone()} />
                    <path class="service-area" d={areas.0.clone()} />
                    <g class="competitors" transform={to_map.clone()}>{ for other_marks }</g>
                    <g class="map-overlay" transform={to_map}>{ overlay(&lay, props.selected, &props.on_select) }</g>
                </svg>
            </div>
            <p class="map-dropped" id="plan-map-dropped" hidden={dropped.is_empty()}>{ dropped }</p>
            <p class="field-hint map-dots" id="plan-map-dots" hidden={lay.dots.is_empty()}>{ t.map_dots }</p>
            <p class="field-hint map-crs">{ t.map_crs }</p>
            <ul class="legend">
                <li><span class="swatch density-swatch" aria-hidden="true"></span>{ t.legend_density }</li>
                <li><span class="swatch candidate-swatch" aria-hidden="true"></span>{ t.legend_candidate }</li>
                if picked_on_map {
                    <li id="plan-map-legend-picked"><span class="swatch picked-swatch" aria-hidden="true"></span>{ t.legend_picked }</li>
                }
                <li><span class="swatch chosen-swatch" aria-hidden="true"></span>{ t.legend_chosen }</li>
                <li><span class="swatch number-swatch" aria-hidden="true">{ "1" }</span>{ t.legend_numbers }</li>
                <li><span class="swatch existing-swatch" aria-hidden="true"></span>{ t.legend_existing }</li>
                if !others.is_empty() {
                    <li id="plan-legend-competitors"><span class="swatch competitor-swatch" aria-hidden="true"></span>{ data_texts(l).legend_competitors }</li>
                }
                if props.roads.is_some() {
                    <li><svg class="line-swatch" width="22" height="12" viewBox="0 0 20 10" aria-hidden="true" focusable="false"><path class="streets" d="M1 5H19" /></svg>{ roads_texts(l).legend_streets }</li>
                }
                if has_water {
                    <li id="plan-map-legend-water"><svg class="line-swatch" width="22" height="12" viewBox="0 0 20 10" aria-hidden="true" focusable="false"><path class="water" d="M1 1H19V9H1z" /></svg>{ roads_texts(l).legend_water }</li>
                }
                if has_parks {
                    <li id="plan-map-legend-parks"><svg class="line-swatch" width="22" height="12" viewBox="0 0 20 10" aria-hidden="true" focusable="false"><path class="parks" d="M1 1H19V9H1z" /></svg>{ roads_texts(l).legend_parks }</li>
                }
                if has_rail {
                    <li id="plan-map-legend-rail"><svg class="line-swatch" width="22" height="12" viewBox="0 0 20 10" aria-hidden="true" focusable="false"><path class="rail" d="M1 5H19" /></svg>{ roads_texts(l).legend_rail }</li>
                }
                if on_foot {
                    <li><svg class="line-swatch" width="22" height="12" viewBox="0 0 20 10" aria-hidden="true" focusable="false"><path class="service-area" d="M1 5H19" /></svg>{ roads_texts(l).legend_area }</li>
                }
                if has_existing_areas {
                    <li id="plan-map-legend-existing-area"><svg class="line-swatch" width="22" height="12" viewBox="0 0 20 10" aria-hidden="true" focusable="false"><path class="existing-area" d="M1 5H19" /></svg>{ roads_texts(l).legend_existing_area }</li>
                }
                <li id="plan-map-model">{ roads_texts(l).legend_model }{ model_text(&view, props.roads.as_deref(), l) }</li>
                if !view.boundary.is_empty() {
                    <li><svg class="boundary-swatch" width="22" height="12" viewBox="0 0 20 10" aria-hidden="true" focusable="false"><path d="M1 5H19" stroke={mapdraw::BOUNDARY_COLOUR} stroke-width="2" stroke-dasharray="5 3" /></svg>{ data_texts(l).legend_boundary }</li>
                }
            </ul>
            <div class="actions map-downloads">
                <button type="button" id="plan-map-svg" class="button secondary" onclick={on_svg}>{ t.map_download_svg }</button>
                <button type="button" id="plan-map-png" class="button secondary" onclick={on_png}>{ t.map_download_png }</button>
            </div>
        </section>
    }
}
