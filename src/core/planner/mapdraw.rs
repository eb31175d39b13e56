//! The planner's map laid out in pixels: where the markers go, the chosen sites' numbers, the
//! names ([`super::labels::place_labels`]), the scale bar, the north arrow and the corners'
//! coordinates. The page's map (`src/ui/planner/map.rs`) draws this layout over its density and
//! service circles; the downloads draw it with a title, a legend and the attribution, as an SVG
//! file ([`svg`]) or, on a canvas, a PNG (both from the same list of [`Shape`]s).

use super::labels::{lat_lon_text, place_labels, scale_bar, scale_text, text_em, Anchor, LabelRequest, Rect, ScaleBar};
use super::session::density::DensityGrid;
use super::session::roads::RoadsView;
use super::session::PlanView;
use crate::core::geo::LocalProjection;
use crate::core::locale::short_label;
use crate::core::Locale;

/// Height over width of the map.
pub const ASPECT: f64 = 0.75;

/// Longest name written on the map (the table and the details show it whole).
pub const LABEL_CHARS: usize = 14;

/// The five density colours, lightest first.
pub const CLASS_COLOURS: [&str; 5] = ["#fde4cc", "#f9c08f", "#f29a5c", "#e0702f", "#b4500f"];

/// The study area's outline (a dashed purple line, apart from the density's oranges).
pub const BOUNDARY_COLOUR: &str = "#6a2c91";

/// An SVG path of closed rings, each point placed by `to` (map metres to the drawing's units).
pub fn rings_path(rings: &[Vec<(f64, f64)>], to: impl Fn(f64, f64) -> (f64, f64)) -> String {
    let mut d = String::new();
    for ring in rings.iter().filter(|r| r.len() >= 2) {
        for (i, &(x, y)) in ring.iter().enumerate() {
            // + 0.0 turns −0 into 0, so a point on an axis is written "0.0", not "-0.0".
            let (x, y) = to(x, y);
            let (x, y) = (x + 0.0, y + 0.0);
            d.push_str(&format!("{}{x:.1} {y:.1}", if i == 0 { "M" } else { "L" }));
        }
        d.push('Z');
    }
    d
}

/// What is drawn: a window on the map (centre and width in map metres, y north) on a drawing
/// `width_px` wide and `width_px × ASPECT` high.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Frame {
    /// Centre, metres east of the projection's origin.
    pub cx: f64,
    /// Centre, metres north of the projection's origin.
    pub cy: f64,
    /// Width on the ground, metres.
    pub width_m: f64,
    /// Width of the drawing, pixels.
    pub width_px: f64,
}

impl Frame {
    /// Height of the drawing, pixels.
    pub fn height_px(&self) -> f64 {
        self.width_px * ASPECT
    }

    /// Pixels per metre on the ground.
    pub fn px_per_m(&self) -> f64 {
        self.width_px / self.width_m
    }

    /// Map metres (y north) to drawing pixels (y down).
    pub fn to_px(&self, x: f64, y: f64) -> (f64, f64) {
        let s = self.px_per_m();
        (self.width_px / 2.0 + (x - self.cx) * s, self.height_px() / 2.0 - (y - self.cy) * s)
    }

    /// Drawing pixels back to map metres.
    pub fn to_map(&self, px: f64, py: f64) -> (f64, f64) {
        let s = self.px_per_m();
        (self.cx + (px - self.width_px / 2.0) / s, self.cy - (py - self.height_px() / 2.0) / s)
    }

    /// The whole drawing.
    pub fn bounds(&self) -> Rect {
        Rect::new(0.0, 0.0, self.width_px, self.height_px())
    }
}

/// Sizes, all from the font size of the names.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Sizes {
    /// Names, pixels.
    pub font: f64,
    /// A chosen site's numbered circle.
    pub chosen_r: f64,
    /// A candidate's dot.
    pub dot_r: f64,
    /// Half the side of an existing canteen's square.
    pub existing_half: f64,
    /// Half the diagonal of another meal provider's diamond.
    pub other_half: f64,
    /// Gap between a marker and its name.
    pub gap: f64,
    /// Padding round a name's text inside its box.
    pub pad: f64,
    /// Margin from the drawing's edges.
    pub margin: f64,
    /// Corner coordinates and the scale bar's words.
    pub small: f64,
}

impl Sizes {
    /// For names `font` pixels high.
    pub fn new(font: f64) -> Sizes {
        Sizes {
            font,
            chosen_r: 0.8 * font + 2.0,
            dot_r: (0.3 * font).max(3.0),
            existing_half: 0.45 * font,
            other_half: (0.55 * font).max(5.0),
            gap: 0.25 * font,
            pad: 0.15 * font,
            margin: 0.5 * font,
            small: 0.8 * font,
        }
    }

    /// A text line's box height (generous: fonts with tall Chinese glyphs fit).
    pub fn line(&self, size: f64) -> f64 {
        1.5 * size
    }
}

/// What a marker stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MarkKind {
    /// A candidate not chosen.
    Candidate,
    /// A chosen candidate, with its rank (0 = first).
    Chosen(usize),
    /// An existing canteen.
    Existing,
}

/// A marker on the drawing.
#[derive(Clone, Debug, PartialEq)]
pub struct Mark {
    /// What it is.
    pub kind: MarkKind,
    /// The candidate's index, or the existing canteen's.
    pub index: usize,
    /// Centre, pixels.
    pub x: f64,
    /// Centre, pixels.
    pub y: f64,
    /// Radius (half the side for a square), pixels.
    pub r: f64,
    /// The full name (for tooltips).
    pub name: String,
}

/// A name written on the drawing.
#[derive(Clone, Debug, PartialEq)]
pub struct MapLabel {
    /// Its marker's kind.
    pub kind: MarkKind,
    /// Its marker's index.
    pub index: usize,
    /// The words (shortened to [`LABEL_CHARS`]).
    pub text: String,
    /// Where the text is anchored (vertically: its middle).
    pub x: f64,
    /// Where the text is anchored (vertically: its middle).
    pub y: f64,
    /// How it lines up at (x, y).
    pub anchor: Anchor,
    /// The box kept free for it.
    pub rect: Rect,
}

/// A name there was no room for (it is said under the map).
#[derive(Clone, Debug, PartialEq)]
pub struct Dropped {
    /// The rank (0 = first), for a chosen site.
    pub rank: Option<usize>,
    /// The name, shortened.
    pub name: String,
}

/// A text at a point.
#[derive(Clone, Debug, PartialEq)]
pub struct Note {
    /// The words.
    pub text: String,
    /// Anchor point (vertically: the text's middle).
    pub x: f64,
    /// Anchor point.
    pub y: f64,
    /// Alignment.
    pub anchor: Anchor,
}

/// The scale bar, placed.
#[derive(Clone, Debug, PartialEq)]
pub struct ScalePlaced {
    /// Its length.
    pub bar: ScaleBar,
    /// The bar's left end, pixels.
    pub x: f64,
    /// The bar's bottom, pixels.
    pub y: f64,
    /// The bar's thickness.
    pub thickness: f64,
    /// Its words ("500 米"), above the bar.
    pub text: Note,
}

/// The north arrow: a triangle pointing up with the word for north under it.
#[derive(Clone, Debug, PartialEq)]
pub struct North {
    /// The tip, pixels.
    pub x: f64,
    /// The tip, pixels.
    pub y: f64,
    /// Height of the triangle; its base is as wide.
    pub size: f64,
    /// "北" / "N", under the triangle.
    pub text: Note,
}

/// Everything written on the map, in pixels.
#[derive(Clone, Debug, PartialEq)]
pub struct MapLayout {
    /// The frame drawn.
    pub frame: Frame,
    /// The sizes used.
    pub sizes: Sizes,
    /// Markers in the frame, in drawing order (candidates, existing canteens, chosen sites with
    /// the first on top). No candidate's when they are drawn as [`MapLayout::dots`], but the
    /// selected one's (on top of the dots).
    pub marks: Vec<Mark>,
    /// The candidates not chosen, as dots (centres, pixels; radius [`Sizes::dot_r`]) when more
    /// than [`DOTS_ABOVE`] of them are in the frame, at most one in each square of a dot's
    /// diameter ([`thinned_dots`]); empty when they are drawn one by one as [`MapLayout::marks`].
    pub dots: Vec<(f64, f64)>,
    /// Other meal providers in the frame: centre (pixels) and position in
    /// [`PlanView::competitor_points`]; each a diamond of [`Sizes::other_half`].
    pub others: Vec<(f64, f64, usize)>,
    /// Names placed.
    pub labels: Vec<MapLabel>,
    /// Names with no room, chosen sites first.
    pub dropped: Vec<Dropped>,
    /// The scale bar, if the scale is finite.
    pub scale: Option<ScalePlaced>,
    /// The north arrow.
    pub north: North,
    /// Coordinates of the top-left and bottom-right corners (none if the plan does not say
    /// where its map's origin is).
    pub corners: Vec<Note>,
}

/// Above this many candidates not chosen in the frame, they are drawn as thinned dots, one path,
/// not one clickable marker each. Each marker is an element with its tooltip and click handler
/// that the page rebuilds on every zoom (all its coordinates change): at a city's 5,000 that cost
/// about 100 ms a frame (half the issue's 200 ms), at 500 about a tenth of it. And 500 markers on
/// a map 800 pixels wide are still far enough apart (on average 30 pixels) to click the one meant;
/// with more, they overlap and a planner zooms in to pick one anyway.
pub const DOTS_ABOVE: usize = 500;

/// Points (x, y) as dots of `diameter`, at most one in each square of side `diameter` of a grid
/// aligned on x = 0 and y = 0: the first of the points in it (the lowest position in `points`).
/// The squares are in map metres, so the dots kept stay the same while the map is panned.
/// Returns the positions in `points` of the ones kept, in order.
pub fn thinned_dots(points: &[(f64, f64)], diameter: f64) -> Vec<usize> {
    if !(diameter > 0.0 && diameter.is_finite()) {
        return (0..points.len()).collect();
    }
    let mut keyed: Vec<((i64, i64), usize)> =
        points.iter().enumerate().map(|(i, &(x, y))| (((x / diameter).floor() as i64, (y / diameter).floor() as i64), i)).collect();
    keyed.sort_unstable();
    keyed.dedup_by_key(|(square, _)| *square);
    let mut kept: Vec<usize> = keyed.into_iter().map(|(_, i)| i).collect();
    kept.sort_unstable();
    kept
}

/// An SVG path of circles of radius `r` centred on `dots`, shifted by (dx, dy): each one a move
/// and two half-circle arcs, so thousands of dots are one element.
pub fn dots_path(dots: &[(f64, f64)], r: f64, dx: f64, dy: f64) -> String {
    use std::fmt::Write as _;
    let mut d = String::with_capacity(dots.len() * 48);
    for &(x, y) in dots {
        let _ = write!(d, "M{:.1} {:.1}a{r:.1} {r:.1} 0 1 0 {:.1} 0a{r:.1} {r:.1} 0 1 0 -{:.1} 0z", x + dx - r, y + dy, 2.0 * r, 2.0 * r);
    }
    d
}

/// `dots` sorted into `cols` × `rows` equal blocks of a drawing `width` × `height` pixels, row by
/// row from the top left (a dot outside goes to the nearest block), each keeping the dots' order.
/// A browser rasterises a path whole in every tile of the screen it touches: drawn as one path
/// per block, each tile only works through the dots near it.
pub fn dot_blocks(dots: &[(f64, f64)], width: f64, height: f64, cols: usize, rows: usize) -> Vec<Vec<(f64, f64)>> {
    let (cols, rows) = (cols.max(1), rows.max(1));
    let mut blocks = vec![Vec::new(); cols * rows];
    let at = |v: f64, size: f64, n: usize| if size > 0.0 { ((v / size * n as f64).floor().max(0.0) as usize).min(n - 1) } else { 0 };
    for &(x, y) in dots {
        blocks[at(y, height, rows) * cols + at(x, width, cols)].push((x, y));
    }
    blocks
}

/// An SVG path of rings round `dots`, from radius `inner` to `outer`, shifted by (dx, dy): each
/// the outer circle one way round and the inner one the other, so that (filled, non-zero rule)
/// its middle stays empty and where rings of neighbouring dots cross, both show.
pub fn dot_rings_path(dots: &[(f64, f64)], inner: f64, outer: f64, dx: f64, dy: f64) -> String {
    use std::fmt::Write as _;
    let mut d = String::with_capacity(dots.len() * 96);
    let (a, b) = (outer, inner);
    for &(x, y) in dots {
        let (x, y) = (x + dx, y + dy);
        let _ = write!(
            d,
            "M{:.1} {y:.1}a{a:.2} {a:.2} 0 1 0 {:.2} 0a{a:.2} {a:.2} 0 1 0 -{:.2} 0zM{:.1} {y:.1}a{b:.2} {b:.2} 0 1 1 {:.2} 0a{b:.2} {b:.2} 0 1 1 -{:.2} 0z",
            x - a,
            2.0 * a,
            2.0 * a,
            x - b,
            2.0 * b,
            2.0 * b
        );
    }
    d
}

fn note_box(n: &Note, size: f64, line: f64) -> Rect {
    let w = text_em(&n.text) * size;
    let x0 = match n.anchor {
        Anchor::Start => n.x,
        Anchor::Middle => n.x - w / 2.0,
        Anchor::End => n.x - w,
    };
    Rect::new(x0, n.y - line / 2.0, x0 + w, n.y + line / 2.0)
}

/// Lays out the map: markers, numbers, names, scale bar (at most a quarter of the width), north
/// arrow (top right) and corner coordinates. Names go chosen sites first (in rank order), then
/// existing canteens; each avoids every marker, the scale bar, the arrow, the corner texts and the
/// names placed before it, and if it can, every candidate's dot. The `selected` candidate (the one
/// whose details are shown) is a marker as large as a chosen site's, named after the chosen sites,
/// even when the others are dots.
pub fn layout(view: &PlanView, frame: Frame, font: f64, north_word: &str, locale: Locale, selected: Option<usize>) -> MapLayout {
    let sz = Sizes::new(font);
    let bounds = frame.bounds();
    let (w, h, m) = (frame.width_px, frame.height_px(), sz.margin);
    let in_view = |x: f64, y: f64, r: f64| x >= -r && y >= -r && x <= w + r && y <= h + r;

    // Markers: the candidates not chosen one by one, or, when there are many in view, as dots.
    let mut marks = Vec::new();
    let mut dots = Vec::new();
    let candidates: Vec<_> = view
        .sites
        .iter()
        .filter(|s| s.rank.is_none())
        .filter(|s| {
            let (x, y) = frame.to_px(s.x, s.y);
            in_view(x, y, sz.dot_r)
        })
        .collect();
    if candidates.len() > DOTS_ABOVE {
        let mut by_index = candidates;
        by_index.sort_by_key(|s| s.index);
        let points: Vec<(f64, f64)> = by_index.iter().map(|s| (s.x, s.y)).collect();
        dots =
            thinned_dots(&points, 2.0 * sz.dot_r / frame.px_per_m()).into_iter().map(|i| frame.to_px(points[i].0, points[i].1)).collect();
        // The candidate picked in the table stays a marker on top of the dots, so the planner
        // sees where it is without zooming in.
        if let Some(s) = selected.and_then(|i| by_index.iter().find(|s| s.index == i)) {
            let (x, y) = frame.to_px(s.x, s.y);
            marks.push(Mark { kind: MarkKind::Candidate, index: s.index, x, y, r: sz.chosen_r, name: s.name.clone() });
        }
    } else {
        for s in candidates {
            let (x, y) = frame.to_px(s.x, s.y);
            // The picked one as large as a chosen site's marker, to be found among the others.
            let r = if selected == Some(s.index) { sz.chosen_r } else { sz.dot_r };
            marks.push(Mark { kind: MarkKind::Candidate, index: s.index, x, y, r, name: s.name.clone() });
        }
    }
    let others = view
        .competitor_points()
        .iter()
        .enumerate()
        .map(|(i, (x, y, _))| {
            let (x, y) = frame.to_px(*x, *y);
            (x, y, i)
        })
        .filter(|&(x, y, _)| in_view(x, y, sz.other_half))
        .collect();
    for (i, (ex, ey, name)) in view.existing.iter().enumerate() {
        let (x, y) = frame.to_px(*ex, *ey);
        if in_view(x, y, sz.existing_half) {
            marks.push(Mark { kind: MarkKind::Existing, index: i, x, y, r: sz.existing_half, name: name.clone() });
        }
    }
    let chosen: Vec<_> = view.chosen_sites().collect();
    for s in chosen.iter().rev() {
        let (x, y) = frame.to_px(s.x, s.y);
        if let (Some(rank), true) = (s.rank, in_view(x, y, sz.chosen_r)) {
            marks.push(Mark { kind: MarkKind::Chosen(rank), index: s.index, x, y, r: sz.chosen_r, name: s.name.clone() });
        }
    }

    // Furniture: north arrow top right, corner coordinates top left and bottom right, scale bar
    // bottom left.
    let line_small = sz.line(sz.small);
    let arrow = 1.4 * font;
    let north = North {
        x: w - m - arrow / 2.0,
        y: m,
        size: arrow,
        text: Note { text: north_word.to_string(), x: w - m - arrow / 2.0, y: m + arrow + sz.line(font) / 2.0, anchor: Anchor::Middle },
    };
    let north_box = Rect::new(w - m - arrow, m, w - m, m + arrow + sz.line(font));
    let corners = match view.origin {
        Some(origin) => {
            let proj = LocalProjection::new(origin);
            let corner = |px: f64, py: f64| {
                let (x, y) = frame.to_map(px, py);
                let p = proj.inverse(x, y);
                lat_lon_text(p.lon, p.lat, locale)
            };
            vec![
                Note { text: corner(0.0, 0.0), x: m, y: m + line_small / 2.0, anchor: Anchor::Start },
                Note { text: corner(w, h), x: w - m, y: h - m - line_small / 2.0, anchor: Anchor::End },
            ]
        }
        None => Vec::new(),
    };
    let thickness = (0.35 * font).max(4.0);
    let scale = scale_bar(frame.px_per_m(), w / 4.0).map(|bar| {
        let (x, y) = (m, h - m);
        let text = Note { text: scale_text(bar.metres, locale), x, y: y - thickness - line_small / 2.0, anchor: Anchor::Start };
        ScalePlaced { bar, x, y, thickness, text }
    });
    // Chosen sites and existing canteens are hard obstacles; candidates' dots give way if a name
    // has no other place.
    let mut obstacles: Vec<Rect> = Vec::new();
    let mut soft: Vec<Rect> = Vec::new();
    let mut obstacle_of = vec![None; marks.len()];
    let picked = |k: &Mark| k.kind == MarkKind::Candidate && selected == Some(k.index);
    for (i, k) in marks.iter().enumerate() {
        if k.kind == MarkKind::Candidate && !picked(k) {
            soft.push(Rect::around(k.x, k.y, k.r));
        } else {
            obstacle_of[i] = Some(obstacles.len());
            obstacles.push(Rect::around(k.x, k.y, k.r));
        }
    }
    soft.extend(dots.iter().map(|&(x, y)| Rect::around(x, y, sz.dot_r)));
    obstacles.push(north_box);
    for c in &corners {
        obstacles.push(note_box(c, sz.small, line_small));
    }
    if let Some(s) = &scale {
        let text = note_box(&s.text, sz.small, line_small);
        obstacles.push(Rect::new(s.x - sz.pad, text.y0, (s.x + s.bar.px).max(text.x1) + sz.pad, s.y + sz.pad));
    }

    // Names: chosen first (rank order), then the candidate picked in the table, then existing
    // canteens, each inside the drawing.
    let mut wanted: Vec<(usize, String)> = Vec::new(); // (mark index, text)
    let mut order: Vec<usize> = (0..marks.len()).filter(|&i| matches!(marks[i].kind, MarkKind::Chosen(_))).collect();
    order.sort_by_key(|&i| match marks[i].kind {
        MarkKind::Chosen(r) => r,
        _ => usize::MAX,
    });
    order.extend((0..marks.len()).filter(|&i| picked(&marks[i])));
    order.extend((0..marks.len()).filter(|&i| marks[i].kind == MarkKind::Existing));
    // Every marker drawn gets its name or is listed as left off (one at the edge, drawn in part,
    // usually has no room inside the drawing).
    for i in order {
        wanted.push((i, short_label(&marks[i].name, LABEL_CHARS).into_owned()));
    }
    let line = sz.line(font);
    let requests: Vec<LabelRequest> = wanted
        .iter()
        .map(|(i, text)| {
            let k = &marks[*i];
            LabelRequest {
                x: k.x,
                y: k.y,
                clearance: k.r + sz.gap,
                width: text_em(text) * font + 2.0 * sz.pad,
                height: line + 2.0 * sz.pad,
                own: obstacle_of[*i],
            }
        })
        .collect();
    let placed = place_labels(&requests, &obstacles, &soft, bounds);
    let mut labels = Vec::new();
    let mut dropped = Vec::new();
    for ((i, text), p) in wanted.into_iter().zip(placed) {
        let k = &marks[i];
        match p {
            Some(p) => {
                let anchor = p.spot.anchor();
                let x = match anchor {
                    Anchor::Start => p.rect.x0 + sz.pad,
                    Anchor::Middle => (p.rect.x0 + p.rect.x1) / 2.0,
                    Anchor::End => p.rect.x1 - sz.pad,
                };
                labels.push(MapLabel { kind: k.kind, index: k.index, text, x, y: (p.rect.y0 + p.rect.y1) / 2.0, anchor, rect: p.rect });
            }
            None => dropped.push(Dropped { rank: if let MarkKind::Chosen(r) = k.kind { Some(r) } else { None }, name: text }),
        }
    }
    MapLayout { frame, sizes: sz, marks, dots, others, labels, dropped, scale, north, corners }
}

/// Fill and outline.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Paint {
    /// Fill colour.
    pub fill: Option<&'static str>,
    /// Fill opacity.
    pub fill_opacity: f64,
    /// Outline colour.
    pub stroke: Option<&'static str>,
    /// Outline width, pixels.
    pub stroke_width: f64,
    /// Dashes (on, off), pixels.
    pub dash: Option<[f64; 2]>,
}

impl Paint {
    /// Filled, no outline.
    pub const fn fill(colour: &'static str) -> Paint {
        Paint { fill: Some(colour), fill_opacity: 1.0, stroke: None, stroke_width: 0.0, dash: None }
    }

    /// Filled and outlined.
    pub const fn both(fill: &'static str, stroke: &'static str, width: f64) -> Paint {
        Paint { fill: Some(fill), fill_opacity: 1.0, stroke: Some(stroke), stroke_width: width, dash: None }
    }
}

/// One thing to draw, in pixels.
#[derive(Clone, Debug, PartialEq)]
pub enum Shape {
    /// A rectangle.
    Rect {
        /// Where.
        rect: Rect,
        /// How.
        paint: Paint,
    },
    /// A circle.
    Circle {
        /// Centre.
        x: f64,
        /// Centre.
        y: f64,
        /// Radius.
        r: f64,
        /// How.
        paint: Paint,
    },
    /// An SVG path (M, h, v, l, z commands).
    Path {
        /// The path data.
        d: String,
        /// How.
        paint: Paint,
    },
    /// A line of text, vertically centred on `y`, with a white halo if `halo`.
    Text {
        /// Anchor point.
        x: f64,
        /// Anchor point (the text's middle).
        y: f64,
        /// The words.
        text: String,
        /// Font size, pixels.
        size: f64,
        /// Bold.
        bold: bool,
        /// Alignment.
        anchor: Anchor,
        /// Colour.
        fill: &'static str,
        /// A white outline behind the letters, to read them over the density colours.
        halo: bool,
    },
    /// Clip what follows to a rectangle (`Some`), or stop clipping (`None`).
    Clip(Option<Rect>),
}

/// Words drawn into a downloaded map, in the interface's language.
#[derive(Clone, Debug, PartialEq)]
pub struct MapWords {
    /// Title.
    pub title: String,
    /// A line under the title (sites, radius).
    pub subtitle: String,
    /// "北" / "N".
    pub north: String,
    /// Legend: density, candidate, chosen, existing canteen.
    pub legend: [String; 4],
    /// Legend: the study area's outline (drawn when the plan has one).
    pub boundary: String,
    /// Legend: other meal providers (drawn when the plan has some).
    pub competitors: String,
    /// Coordinate system and corner coordinates.
    pub crs: String,
    /// Who made it, and that there is no base map.
    pub attribution: String,
}

/// A downloadable drawing: its size and shapes.
#[derive(Clone, Debug, PartialEq)]
pub struct Drawing {
    /// Width, pixels.
    pub width: f64,
    /// Height, pixels.
    pub height: f64,
    /// In drawing order.
    pub shapes: Vec<Shape>,
}

/// The font list for drawings (system fonts; Chinese ones named for systems whose default lacks
/// Chinese).
pub const FONT_FAMILY: &str =
    "system-ui, -apple-system, 'PingFang SC', 'Microsoft YaHei', 'Noto Sans CJK SC', 'WenQuanYi Micro Hei', sans-serif";

const INK: &str = "#1a1a1a";
const BLUE: &str = "#0b4f8a";
const GREEN: &str = "#1e6b34";
/// Other meal providers' diamonds (the page's `.competitor`).
const PURPLE: &str = "#7a3e9d";

/// A diamond centred on (x, y), `half` from the centre to each corner: another meal provider's
/// marker, on the page and in the download.
pub fn diamond_path(x: f64, y: f64, half: f64) -> String {
    format!("M{x:.1} {:.1}l{half:.1} {half:.1}l-{half:.1} {half:.1}l-{half:.1} -{half:.1}z", y - half)
}

/// The density classes' breaks: the quintiles of the cells with people (`None`: nobody). A cell
/// is in class k (0 to 4) when its count is above k of them.
pub fn density_breaks(grid: &DensityGrid) -> Option<[f64; 4]> {
    let mut nonzero: Vec<f64> = grid.counts.iter().copied().filter(|c| *c > 0.0).collect();
    if nonzero.is_empty() {
        return None;
    }
    nonzero.sort_by(f64::total_cmp);
    let q = |p: f64| nonzero[((nonzero.len() - 1) as f64 * p) as usize];
    Some([q(0.2), q(0.4), q(0.6), q(0.8)])
}

/// Neighbouring cells of one row in one density class, drawn as one rectangle.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DensityRun {
    /// The class, 0 (fewest people) to 4.
    pub class: usize,
    /// The row, from the south.
    pub row: usize,
    /// The first column, from the west.
    pub from: usize,
    /// The column after the last.
    pub to: usize,
}

/// The cells with people touching `window` (x0, y0, x1, y1; map metres, y north), each row's
/// neighbours of the same class merged into one run: zoomed in on a city, a rectangle for every
/// cell would make the browser rasterise ten thousand of them far off screen in every frame, and
/// zoomed out, a run is one rectangle where there were several. Rows from the south, each from the
/// west.
pub fn density_runs(grid: &DensityGrid, breaks: [f64; 4], [x0, y0, x1, y1]: [f64; 4]) -> Vec<DensityRun> {
    let (cw, ch) = (grid.cell_m, grid.cell_height());
    if !(cw > 0.0 && ch > 0.0) || grid.counts.len() < grid.nx * grid.ny {
        return Vec::new();
    }
    let cells = |from: f64, to: f64, origin: f64, size: f64, n: usize| {
        let a = ((from - origin) / size).floor().clamp(0.0, n as f64) as usize;
        let b = ((to - origin) / size).ceil().clamp(0.0, n as f64) as usize;
        a..b.max(a)
    };
    let mut runs: Vec<DensityRun> = Vec::new();
    for row in cells(y0, y1, grid.y0, ch, grid.ny) {
        let mut open: Option<DensityRun> = None;
        for i in cells(x0, x1, grid.x0, cw, grid.nx) {
            let c = grid.counts[row * grid.nx + i];
            let class = (c > 0.0).then(|| breaks.iter().filter(|b| c > **b).count());
            match (&mut open, class) {
                (Some(run), Some(k)) if run.class == k => run.to = i + 1,
                (_, class) => {
                    runs.extend(open.take());
                    open = class.map(|class| DensityRun { class, row, from: i, to: i + 1 });
                }
            }
        }
        runs.extend(open);
    }
    runs
}

/// The density as five paths, one for each class (lightest first): each run of
/// [`density_runs`] in `window` one rectangle `M…H…V…H…z`, its corners placed by `to` (map
/// metres to the drawing's units) and written with `decimals`. Edges are computed from the
/// grid's origin alike for neighbours, so rectangles that touch share their edge exactly, with no
/// hairline between them.
pub fn density_paths(
    grid: &DensityGrid,
    breaks: Option<[f64; 4]>,
    window: [f64; 4],
    to: impl Fn(f64, f64) -> (f64, f64),
    decimals: usize,
) -> [String; 5] {
    use std::fmt::Write as _;
    let mut paths: [String; 5] = Default::default();
    let Some(breaks) = breaks else { return paths };
    let (cw, ch) = (grid.cell_m, grid.cell_height());
    for r in density_runs(grid, breaks, window) {
        // + 0.0 turns −0 into 0.
        let (xa, ya) = to(grid.x0 + r.from as f64 * cw, grid.y0 + (r.row + 1) as f64 * ch);
        let (xb, yb) = to(grid.x0 + r.to as f64 * cw, grid.y0 + r.row as f64 * ch);
        let (xa, ya, xb, yb) = (xa + 0.0, ya + 0.0, xb + 0.0, yb + 0.0);
        let _ = write!(paths[r.class], "M{xa:.decimals$} {ya:.decimals$}H{xb:.decimals$}V{yb:.decimals$}H{xa:.decimals$}z");
    }
    paths
}

/// The map as a downloadable drawing: title and subtitle above, then the map (density, service
/// circles, markers, numbers, names, scale bar, north arrow, corner coordinates), then the legend,
/// the coordinate system and the attribution.
pub fn drawing(view: &PlanView, lay: &MapLayout, words: &MapWords) -> Drawing {
    let f = lay.sizes.font;
    let frame = lay.frame;
    let (w, h) = (frame.width_px, frame.height_px());
    let pad = f;
    let top = pad + sz_line(1.3 * f) + sz_line(f);
    let (ox, oy) = (0.0, top);
    let mut shapes = vec![Shape::Rect { rect: Rect::new(0.0, 0.0, w, 0.0), paint: Paint::fill("#ffffff") }];
    // Title and subtitle.
    shapes.push(Shape::Text {
        x: pad,
        y: pad / 2.0 + sz_line(1.3 * f) / 2.0,
        text: words.title.clone(),
        size: 1.3 * f,
        bold: true,
        anchor: Anchor::Start,
        fill: INK,
        halo: false,
    });
    shapes.push(Shape::Text {
        x: pad,
        y: pad / 2.0 + sz_line(1.3 * f) + sz_line(f) / 2.0,
        text: words.subtitle.clone(),
        size: f,
        bold: false,
        anchor: Anchor::Start,
        fill: INK,
        halo: false,
    });
    // The map.
    let map = Rect::new(ox, oy, ox + w, oy + h);
    shapes.push(Shape::Rect { rect: map, paint: Paint::fill("#fbfbf8") });
    shapes.push(Shape::Clip(Some(map)));
    let (west, north) = frame.to_map(0.0, 0.0);
    let (east, south) = frame.to_map(w, h);
    let to_px = |x: f64, y: f64| {
        let (x, y) = frame.to_px(x, y);
        (x + ox, y + oy)
    };
    let density = density_paths(&view.grid, density_breaks(&view.grid), [west, south, east, north], to_px, 2);
    for (k, d) in density.into_iter().enumerate() {
        if !d.is_empty() {
            shapes.push(Shape::Path { d, paint: Paint::fill(CLASS_COLOURS[k]) });
        }
    }
    if !view.boundary.is_empty() {
        let d = rings_path(&view.boundary, |x, y| {
            let (x, y) = frame.to_px(x, y);
            (x + ox, y + oy)
        });
        shapes.push(Shape::Path {
            d,
            paint: Paint { fill: None, fill_opacity: 0.0, stroke: Some(BOUNDARY_COLOUR), stroke_width: 2.0, dash: Some([8.0, 4.0]) },
        });
    }
    let r_px = view.radius_m * frame.px_per_m();
    for (x, y, _) in &view.existing {
        let (x, y) = frame.to_px(*x, *y);
        shapes.push(Shape::Circle {
            x: x + ox,
            y: y + oy,
            r: r_px,
            paint: Paint { fill: Some(GREEN), fill_opacity: 0.08, stroke: Some(GREEN), stroke_width: 1.5, dash: Some([6.0, 4.0]) },
        });
    }
    for s in view.chosen_sites() {
        let (x, y) = frame.to_px(s.x, s.y);
        shapes.push(Shape::Circle {
            x: x + ox,
            y: y + oy,
            r: r_px,
            paint: Paint { fill: Some(BLUE), fill_opacity: 0.12, stroke: Some(BLUE), stroke_width: 2.0, dash: None },
        });
    }
    if !lay.dots.is_empty() {
        shapes.push(Shape::Path { d: dots_path(&lay.dots, lay.sizes.dot_r, ox, oy), paint: Paint::both("#ffffff", "#3d3d3d", 1.5) });
    }
    // Other meal providers in view: a purple diamond each, one path.
    let d: String = lay.others.iter().map(|&(x, y, _)| diamond_path(x + ox, y + oy, lay.sizes.other_half)).collect();
    if !d.is_empty() {
        shapes.push(Shape::Path { d, paint: Paint::both(PURPLE, "#ffffff", 1.5) });
    }
    for k in &lay.marks {
        let (x, y) = (k.x + ox, k.y + oy);
        match k.kind {
            MarkKind::Candidate => shapes.push(Shape::Circle { x, y, r: k.r, paint: Paint::both("#ffffff", "#3d3d3d", 1.5) }),
            MarkKind::Existing => shapes.push(Shape::Rect { rect: Rect::around(x, y, k.r), paint: Paint::both(GREEN, "#ffffff", 1.5) }),
            MarkKind::Chosen(rank) => {
                shapes.push(Shape::Circle { x, y, r: k.r, paint: Paint::both(BLUE, "#ffffff", 2.0) });
                shapes.push(Shape::Text {
                    x,
                    y,
                    text: (rank + 1).to_string(),
                    size: f,
                    bold: true,
                    anchor: Anchor::Middle,
                    fill: "#ffffff",
                    halo: false,
                });
            }
        }
    }
    for l in &lay.labels {
        shapes.push(Shape::Text {
            x: l.x + ox,
            y: l.y + oy,
            text: l.text.clone(),
            size: f,
            bold: false,
            anchor: l.anchor,
            fill: INK,
            halo: true,
        });
    }
    let small = lay.sizes.small;
    if let Some(s) = &lay.scale {
        let (x, y, t) = (s.x + ox, s.y + oy, s.thickness);
        let half = s.bar.px / 2.0;
        shapes.push(Shape::Rect { rect: Rect::new(x, y - t, x + half, y), paint: Paint::both(INK, INK, 1.0) });
        shapes.push(Shape::Rect { rect: Rect::new(x + half, y - t, x + s.bar.px, y), paint: Paint::both("#ffffff", INK, 1.0) });
        shapes.push(Shape::Text {
            x: s.text.x + ox,
            y: s.text.y + oy,
            text: s.text.text.clone(),
            size: small,
            bold: true,
            anchor: Anchor::Start,
            fill: INK,
            halo: true,
        });
    }
    let n = &lay.north;
    shapes.push(Shape::Path { d: north_path(n, ox, oy), paint: Paint::both(INK, "#ffffff", 1.0) });
    shapes.push(Shape::Text {
        x: n.text.x + ox,
        y: n.text.y + oy,
        text: n.text.text.clone(),
        size: f,
        bold: true,
        anchor: Anchor::Middle,
        fill: INK,
        halo: true,
    });
    for c in &lay.corners {
        shapes.push(Shape::Text {
            x: c.x + ox,
            y: c.y + oy,
            text: c.text.clone(),
            size: small,
            bold: false,
            anchor: c.anchor,
            fill: INK,
            halo: true,
        });
    }
    shapes.push(Shape::Clip(None));
    shapes.push(Shape::Rect {
        rect: map,
        paint: Paint { fill: None, fill_opacity: 0.0, stroke: Some("#6b7280"), stroke_width: 1.0, dash: None },
    });

    // Legend, wrapping to a new line when the width runs out.
    let mut y = oy + h + pad + sz_line(f) / 2.0;
    let mut x = pad;
    let sw = f; // swatch size

    // Density, candidate, chosen, existing (the four words), then other providers and the outline
    // when the plan has them.
    let others_word = (!view.competitor_points().is_empty()).then_some((4, &words.competitors));
    let outline = (!view.boundary.is_empty()).then_some((5, &words.boundary));
    for (i, word) in words.legend.iter().enumerate().chain(others_word).chain(outline) {
        let item = sw + 0.5 * f + text_em(word) * f + 1.5 * f;
        if x + item > w - pad && x > pad {
            x = pad;
            y += sz_line(f);
        }
        let (cx, cy) = (x + sw / 2.0, y);
        match i {
            0 => {
                for (k, c) in CLASS_COLOURS.iter().enumerate() {
                    let part = sw / 5.0;
                    shapes.push(Shape::Rect {
                        rect: Rect::new(x + k as f64 * part, cy - sw / 2.0, x + (k + 1) as f64 * part, cy + sw / 2.0),
                        paint: Paint::fill(c),
                    });
                }
                shapes.push(Shape::Rect {
                    rect: Rect::around(cx, cy, sw / 2.0),
                    paint: Paint { fill: None, fill_opacity: 0.0, stroke: Some("#3d3d3d"), stroke_width: 1.0, dash: None },
                });
            }
            1 => shapes.push(Shape::Circle { x: cx, y: cy, r: lay.sizes.dot_r, paint: Paint::both("#ffffff", "#3d3d3d", 1.5) }),
            2 => {
                shapes.push(Shape::Circle { x: cx, y: cy, r: sw / 2.0 + 1.0, paint: Paint::both(BLUE, "#ffffff", 1.5) });
                shapes.push(Shape::Text {
                    x: cx,
                    y: cy,
                    text: "1".into(),
                    size: 0.8 * f,
                    bold: true,
                    anchor: Anchor::Middle,
                    fill: "#ffffff",
                    halo: false,
                });
            }
            3 => {
                shapes.push(Shape::Rect { rect: Rect::around(cx, cy, lay.sizes.existing_half), paint: Paint::both(GREEN, "#ffffff", 1.5) })
            }
            4 => shapes.push(Shape::Path { d: diamond_path(cx, cy, lay.sizes.other_half), paint: Paint::both(PURPLE, "#ffffff", 1.5) }),
            _ => shapes.push(Shape::Path {
                d: format!("M{:.1} {cy:.1}H{:.1}", x, x + sw),
                paint: Paint { fill: None, fill_opacity: 0.0, stroke: Some(BOUNDARY_COLOUR), stroke_width: 2.0, dash: Some([4.0, 2.0]) },
            }),
        }
        shapes.push(Shape::Text {
            x: x + sw + 0.5 * f,
            y: cy,
            text: word.clone(),
            size: f,
            bold: false,
            anchor: Anchor::Start,
            fill: INK,
            halo: false,
        });
        x += item;
    }
    y += sz_line(f);
    for line in [&words.crs, &words.attribution] {
        shapes.push(Shape::Text { x: pad, y, text: line.clone(), size: small, bold: false, anchor: Anchor::Start, fill: INK, halo: false });
        y += sz_line(small);
    }
    let height = y - sz_line(small) / 2.0 + pad;
    if let Some(Shape::Rect { rect, .. }) = shapes.first_mut() {
        rect.y1 = height;
    }
    Drawing { width: w, height, shapes }
}

fn sz_line(size: f64) -> f64 {
    1.5 * size
}

/// The north arrow's triangle, shifted by (dx, dy).
pub fn north_path(n: &North, dx: f64, dy: f64) -> String {
    let (x, y, s) = (n.x + dx, n.y + dy, n.size);
    format!("M{:.1} {:.1}L{:.1} {:.1}L{:.1} {:.1}L{:.1} {:.1}Z", x, y, x + s / 2.0, y + s, x, y + 0.75 * s, x - s / 2.0, y + s)
}

fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            // Characters XML 1.0 does not allow.
            c if (c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r') => out.push('\u{fffd}'),
            c => out.push(c),
        }
    }
    out
}

fn paint_attrs(p: &Paint) -> String {
    let mut s = match p.fill {
        Some(c) if p.fill_opacity < 1.0 => format!(r#" fill="{c}" fill-opacity="{}""#, p.fill_opacity),
        Some(c) => format!(r#" fill="{c}""#),
        None => r#" fill="none""#.to_string(),
    };
    if let Some(c) = p.stroke {
        s.push_str(&format!(r#" stroke="{c}" stroke-width="{}""#, p.stroke_width));
        if let Some([on, off]) = p.dash {
            s.push_str(&format!(r#" stroke-dasharray="{on} {off}""#));
        }
    }
    s
}

/// The drawing as a standalone SVG file (presentation attributes only: no style sheet, no
/// script, no external reference), with `title` as its title.
pub fn svg(d: &Drawing, title: &str) -> String {
    let mut out = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" width="{w:.0}" height="{h:.0}" viewBox="0 0 {w:.0} {h:.0}" font-family="{font}">
<title>{title}</title>
"#,
        w = d.width,
        h = d.height,
        font = FONT_FAMILY,
        title = esc(title)
    );
    let mut clips = 0;
    for s in &d.shapes {
        match s {
            Shape::Rect { rect, paint } => out.push_str(&format!(
                r#"<rect x="{:.1}" y="{:.1}" width="{:.1}" height="{:.1}"{}/>"#,
                rect.x0,
                rect.y0,
                rect.width(),
                rect.height(),
                paint_attrs(paint)
            )),
            Shape::Circle { x, y, r, paint } => {
                out.push_str(&format!(r#"<circle cx="{x:.1}" cy="{y:.1}" r="{r:.1}"{}/>"#, paint_attrs(paint)))
            }
            Shape::Path { d, paint } => out.push_str(&format!(r#"<path d="{}"{}/>"#, esc(d), paint_attrs(paint))),
            Shape::Text { x, y, text, size, bold, anchor, fill, halo } => {
                let weight = if *bold { r#" font-weight="700""# } else { "" };
                let halo = if *halo { r##" stroke="#ffffff" stroke-width="3" stroke-linejoin="round" paint-order="stroke""## } else { "" };
                out.push_str(&format!(
                    r#"<text x="{x:.1}" y="{y:.1}" font-size="{size:.1}"{weight} text-anchor="{}" dominant-baseline="central" fill="{fill}"{halo}>{}</text>"#,
                    anchor.svg(),
                    esc(text)
                ));
            }
            Shape::Clip(Some(r)) => {
                clips += 1;
                out.push_str(&format!(
                    r#"<clipPath id="clip{clips}"><rect x="{:.1}" y="{:.1}" width="{:.1}" height="{:.1}"/></clipPath><g clip-path="url(#clip{clips})">"#,
                    r.x0,
                    r.y0,
                    r.width(),
                    r.height()
                ));
            }
            Shape::Clip(None) => out.push_str("</g>"),
        }
        out.push('\n');
    }
    out.push_str("</svg>\n");
    out
}

/// Street grey (the basemap) in downloaded maps.
pub const STREET_COLOUR: &str = "#8a8a8a";
/// Water areas on the map and their outlines (and rivers), as the page's stylesheet has them.
pub const WATER_COLOUR: &str = "#a8cdeb";
/// Water outlines and rivers.
pub const WATER_EDGE: &str = "#3f7fb5";
/// Parks and their outlines.
pub const PARK_COLOUR: &str = "#c6e5b3";
/// Park outlines.
pub const PARK_EDGE: &str = "#4f8a3a";
/// Railways (dashed).
pub const RAIL_COLOUR: &str = "#5f5f5f";

/// A downloaded map when a road file is in use: its streets drawn under the density, and, when
/// the plan walked along them, each chosen site's service area (the streets reached) instead of
/// the circles.
pub fn with_roads(mut d: Drawing, roads: &RoadsView, lay: &MapLayout) -> Drawing {
    use std::fmt::Write as _;
    let frame = lay.frame;
    let f = lay.sizes.font;
    let (ox, oy) = (0.0, f + sz_line(1.3 * f) + sz_line(f));
    let px = |x: f64, y: f64| {
        let (x, y) = frame.to_px(x, y);
        (x + ox, y + oy)
    };
    let line = |paint: Paint, lines: &mut dyn Iterator<Item = &Vec<(f32, f32)>>| {
        let mut path = String::new();
        for l in lines {
            for (i, &(x, y)) in l.iter().enumerate() {
                let (x, y) = px(f64::from(x), f64::from(y));
                let _ = write!(path, "{}{x:.1} {y:.1}", if i == 0 { 'M' } else { 'L' });
            }
        }
        Shape::Path { d: path, paint }
    };
    let (w, h) = (frame.width_m, frame.width_m * ASPECT);
    if let Some(level) = roads.basemap.level_for(1.0 / frame.px_per_m()) {
        let (x0, y0, x1, y1) = (frame.cx - w / 2.0, frame.cy - h / 2.0, frame.cx + w / 2.0, frame.cy + h / 2.0);
        let mut visible = level
            .lines
            .iter()
            .zip(&level.boxes)
            .filter(|(_, b)| !(f64::from(b[2]) < x0 || f64::from(b[0]) > x1 || f64::from(b[3]) < y0 || f64::from(b[1]) > y1));
        let streets = line(
            Paint { fill: None, fill_opacity: 0.0, stroke: Some(STREET_COLOUR), stroke_width: 1.0, dash: None },
            &mut visible.by_ref().map(|(l, _)| l),
        );
        // Right after the map's background and its clip.
        let at = d.shapes.iter().position(|s| matches!(s, Shape::Clip(Some(_)))).map_or(d.shapes.len(), |i| i + 1);
        d.shapes.insert(at, streets);
        // Under the streets, as on screen: parks, water areas, rivers, railways (those in view).
        let in_view = |b: &[f32; 4]| !(f64::from(b[2]) < x0 || f64::from(b[0]) > x1 || f64::from(b[3]) < y0 || f64::from(b[1]) > y1);
        let layers = [
            (&level.parks, Paint { fill: Some(PARK_COLOUR), fill_opacity: 1.0, stroke: Some(PARK_EDGE), stroke_width: 1.0, dash: None }),
            (&level.water, Paint { fill: Some(WATER_COLOUR), fill_opacity: 1.0, stroke: Some(WATER_EDGE), stroke_width: 1.0, dash: None }),
            (&level.waterways, Paint { fill: None, fill_opacity: 0.0, stroke: Some(WATER_EDGE), stroke_width: 2.0, dash: None }),
            (&level.rail, Paint { fill: None, fill_opacity: 0.0, stroke: Some(RAIL_COLOUR), stroke_width: 2.0, dash: Some([6.0, 4.0]) }),
        ];
        let mut under = at;
        for (lines, paint) in layers {
            let mut visible = lines.lines.iter().zip(&lines.boxes).filter(|(_, b)| in_view(b)).map(|(l, _)| l).peekable();
            if visible.peek().is_some() {
                d.shapes.insert(under, line(paint, &mut visible));
                under += 1;
            }
        }
    }
    if let Some(on_foot) = &roads.on_foot {
        // The service circles are the translucent ones (markers are opaque).
        let at = d.shapes.iter().position(|s| matches!(s, Shape::Circle { paint, .. } if paint.fill_opacity < 1.0));
        d.shapes.retain(|s| !matches!(s, Shape::Circle { paint, .. } if paint.fill_opacity < 1.0));
        let area = line(
            Paint { fill: None, fill_opacity: 0.0, stroke: Some(BLUE), stroke_width: 3.0, dash: None },
            &mut on_foot.areas.iter().flatten(),
        );
        let at = at.unwrap_or(d.shapes.len()).min(d.shapes.len());
        d.shapes.insert(at, area);
        if !on_foot.existing_areas.is_empty() {
            // The existing canteens' streets, under the chosen sites'.
            let existing = line(
                Paint { fill: None, fill_opacity: 0.0, stroke: Some(GREEN), stroke_width: 2.5, dash: Some([5.0, 3.0]) },
                &mut on_foot.existing_areas.iter().flatten(),
            );
            d.shapes.insert(at, existing);
        }
    }
    d
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::geo::LonLat;
    use crate::core::planner::session::models::CompetitorsView;
    use crate::core::planner::session::SiteRow;

    fn demo_view() -> PlanView {
        crate::core::planner::session::demo_plan(10)
    }

    #[test]
    fn frame_maps_metres_to_pixels_by_hand() {
        // 4,000 m wide on 800 px: 0.2 px per metre, 600 px high; centre (1000, 2000) at (400, 300).
        let f = Frame { cx: 1000.0, cy: 2000.0, width_m: 4000.0, width_px: 800.0 };
        assert_eq!(f.height_px(), 600.0);
        assert_eq!(f.to_px(1000.0, 2000.0), (400.0, 300.0));
        // 500 m east and 500 m north: 100 px right, 100 px up.
        assert_eq!(f.to_px(1500.0, 2500.0), (500.0, 200.0));
        assert_eq!(f.to_map(500.0, 200.0), (1500.0, 2500.0));
    }

    #[test]
    fn the_demo_map_is_numbered_named_and_has_its_furniture() {
        let v = demo_view();
        // The whole district (24 × 18 km around the origin) in 1,200 px.
        let frame = Frame { cx: 0.0, cy: 0.0, width_m: 24_000.0, width_px: 1200.0 };
        let lay = layout(&v, frame, 16.0, "北", Locale::ZhCn, None);
        // Ten numbered markers, 1..10, on the chosen sites.
        let mut ranks: Vec<usize> =
            lay.marks.iter().filter_map(|k| if let MarkKind::Chosen(r) = k.kind { Some(r) } else { None }).collect();
        ranks.sort_unstable();
        assert_eq!(ranks, (0..10).collect::<Vec<_>>());
        // Every chosen site and existing canteen is named or listed as left off.
        assert_eq!(lay.labels.len() + lay.dropped.len(), 14);
        // No two names overlap, and no name covers a chosen site's or existing canteen's marker
        // other than its own (candidates' dots give way when there is no other room).
        for (i, a) in lay.labels.iter().enumerate() {
            for b in &lay.labels[i + 1..] {
                assert!(!a.rect.overlaps(&b.rect), "{} / {}", a.text, b.text);
            }
            for k in lay.marks.iter().filter(|k| k.kind != MarkKind::Candidate) {
                if (k.kind, k.index) != (a.kind, a.index) {
                    assert!(!a.rect.overlaps(&Rect::around(k.x, k.y, k.r)), "{} over {}", a.text, k.name);
                }
            }
            assert!(a.rect.inside(&frame.bounds()));
        }
        // 0.05 px per metre, a quarter of 1,200 px = 300 px = 6,000 m: a 5 km bar of 250 px.
        let s = lay.scale.as_ref().expect("scale");
        assert_eq!(s.bar.metres, 5000.0);
        assert!((s.bar.px - 250.0).abs() < 1e-9);
        assert_eq!(s.text.text, "5 公里");
        // Corners: the top-left is north-west of the centre (the demand's mean position).
        let o: LonLat = v.origin.expect("origin");
        assert!(lay.corners[0].text.starts_with("北纬 "));
        let lat: f64 = lay.corners[0].text[7..14].parse().expect("latitude");
        // 9,000 m (half of 900 px at 0.05 px/m) north of the origin = 9000 / 6,371,008.8 rad =
        // 0.080939°.
        assert!((lat - (o.lat + 0.080939)).abs() < 0.0001, "{lat} {}", o.lat);
    }

    #[test]
    fn every_numbered_marker_is_named_or_listed_at_every_window() {
        let v = demo_view();
        // Windows 3 km wide on 800 px, centred every 700 m across the district: markers cut by
        // the edges included.
        for i in -8..=8 {
            for j in -6..=6 {
                let frame = Frame { cx: i as f64 * 700.0, cy: j as f64 * 700.0, width_m: 3000.0, width_px: 800.0 };
                let lay = layout(&v, frame, 14.0, "北", Locale::ZhCn, None);
                for k in lay.marks.iter().filter(|k| k.kind != MarkKind::Candidate) {
                    let named = lay.labels.iter().any(|l| (l.kind, l.index) == (k.kind, k.index));
                    let listed = lay.dropped.iter().any(|d| match k.kind {
                        MarkKind::Chosen(r) => d.rank == Some(r),
                        _ => d.rank.is_none() && d.name == short_label(&k.name, LABEL_CHARS),
                    });
                    assert!(named ^ listed, "{} at ({i}, {j}): named {named}, listed {listed}", k.name);
                }
            }
        }
    }

    #[test]
    fn the_download_is_well_formed_svg_with_its_words() {
        let v = demo_view();
        let frame = Frame { cx: 0.0, cy: 0.0, width_m: 16_000.0, width_px: 1200.0 };
        let lay = layout(&v, frame, 16.0, "北", Locale::ZhCn, None);
        let words = MapWords { title: "地图 <&>".into(), subtitle: "十个点".into(), ..demo_words() };
        let d = drawing(&v, &lay, &words);
        let text = svg(&d, &words.title);
        assert!(text.starts_with("<?xml"));
        assert!(text.contains("<title>地图 &lt;&amp;&gt;</title>"));
        assert!(text.contains(">2 公里</text>") && text.contains(">北</text>") && text.contains(">坐标系</text>"));
        for n in 1..=10 {
            assert!(text.contains(&format!(r##"fill="#ffffff">{n}</text>"##)), "number {n}");
        }
        // Balanced groups, nothing external.
        assert_eq!(text.matches("<g ").count(), text.matches("</g>").count());
        assert!(!text.contains("href") && !text.contains("<script") && !text.contains("style"));
        assert!(d.height > 900.0 + 16.0 * 4.0, "title and legend bands");
        // No study area: no outline, no legend line for it.
        assert!(!text.contains(BOUNDARY_COLOUR) && !text.contains(">边界</text>"));
        // With one: its outline on the map and its line in the legend.
        let mut with_area = v.clone();
        with_area.boundary = vec![vec![(0.0, 0.0), (1000.0, 0.0), (1000.0, 1000.0)]];
        let text = svg(&drawing(&with_area, &layout(&with_area, frame, 16.0, "北", Locale::ZhCn, None), &words), &words.title);
        assert_eq!(text.matches(BOUNDARY_COLOUR).count(), 2, "the outline and the legend's line");
        assert!(text.contains(">边界</text>"));
    }

    #[test]
    fn the_download_draws_other_meal_providers_in_view_with_their_legend_line() {
        let v = demo_view();
        let frame = Frame { cx: 0.0, cy: 0.0, width_m: 16_000.0, width_px: 1200.0 };
        let words = demo_words();
        // None in the plan: no purple, no legend line.
        let text = svg(&drawing(&v, &layout(&v, frame, 16.0, "北", Locale::ZhCn, None), &words), &words.title);
        assert!(!text.contains(PURPLE) && !text.contains(&format!(">{}</text>", words.competitors)));
        // Two: one at the origin, the map's centre, one 100 km east (out of the 16 km window).
        let mut with = v.clone();
        with.models.as_mut().expect("the demo plan has its models").competitors = Some(CompetitorsView {
            sites: 2,
            people: 0.0,
            weight: 0.0,
            meals: 0.0,
            points: vec![(0.0, 0.0, "甲".into()), (100_000.0, 0.0, "乙".into())],
        });
        let text = svg(&drawing(&with, &layout(&with, frame, 16.0, "北", Locale::ZhCn, None), &words), &words.title);
        assert_eq!(text.matches(PURPLE).count(), 2, "the map's diamonds (one path) and the legend's");
        assert!(text.contains(&format!(">{}</text>", words.competitors)));
        // The centre: (600, 450) px on the map, which starts below the title's band of
        // 16 + 1.5 × 20.8 + 1.5 × 16 = 71.2 px: (600, 521.2); corners 0.55 × 16 = 8.8 px away.
        assert!(text.contains(r#"d="M600.0 512.4l8.8 8.8l-8.8 8.8l-8.8 -8.8z""#), "one diamond, at the centre");
    }

    #[test]
    fn rings_become_one_closed_path() {
        // Two rings, flipped north-up to SVG's y down.
        let rings = vec![vec![(0.0, 0.0), (10.0, 0.0), (10.0, 10.0)], vec![(2.0, 2.0), (3.0, 2.0), (3.0, 3.0)], vec![(5.0, 5.0)]];
        assert_eq!(rings_path(&rings, |x, y| (x, -y)), "M0.0 0.0L10.0 0.0L10.0 -10.0ZM2.0 -2.0L3.0 -2.0L3.0 -3.0Z");
    }

    #[test]
    fn a_downloaded_map_walking_along_roads_has_streets_and_service_areas_not_circles() {
        use crate::core::planner::session::roads::OnFoot;
        use crate::core::planner::session::streets::{Basemap, StreetLevel};
        let v = demo_view();
        let frame = Frame { cx: 0.0, cy: 0.0, width_m: 24_000.0, width_px: 1200.0 };
        let lay = layout(&v, frame, 16.0, "北", Locale::ZhCn, None);
        let words = MapWords {
            title: "t".into(),
            subtitle: "s".into(),
            north: "北".into(),
            legend: ["a".into(), "b".into(), "c".into(), "d".into()],
            boundary: "e".into(),
            competitors: "f".into(),
            crs: "f".into(),
            attribution: "g".into(),
        };
        let plain = drawing(&v, &lay, &words);
        let circles =
            |d: &Drawing| d.shapes.iter().filter(|s| matches!(s, Shape::Circle { paint, .. } if paint.fill_opacity < 1.0)).count();
        // Ten chosen sites and four existing canteens have circles.
        assert_eq!(circles(&plain), 14);
        // A street from (−1000, 0) to (1000, 0) and one far outside the window (50 km east).
        let level = StreetLevel {
            tolerance_m: 16.0,
            lines: vec![vec![(-1000.0, 0.0), (1000.0, 0.0)], vec![(50_000.0, 0.0), (51_000.0, 0.0)]],
            boxes: vec![[-1000.0, 0.0, 1000.0, 0.0], [50_000.0, 0.0, 51_000.0, 0.0]],
            ..StreetLevel::default()
        };
        let on_foot = OnFoot {
            walk_m: 900.0,
            max_snap_m: 300.0,
            detour: 1.3,
            demand_fallback: 0,
            demand_points: 0,
            sites_fallback: 0,
            straight: Vec::new(),
            on_foot: Vec::new(),
            areas: vec![vec![vec![(0.0, 0.0), (0.0, 500.0)]]],
            existing_areas: Vec::new(),
        };
        let roads = RoadsView { name: "r".into(), basemap: Basemap { levels: vec![level] }, on_foot: Some(on_foot) };
        let d = with_roads(plain.clone(), &roads, &lay);
        assert_eq!(circles(&d), 0, "service areas instead of circles");
        let paths: Vec<&String> = d
            .shapes
            .iter()
            .filter_map(|s| if let Shape::Path { d, paint } = s { paint.fill.is_none().then_some(d) } else { None })
            .collect();
        // 0.05 px per metre; the map's top is below the title (16 + 1.5 × 20.8 + 1.5 × 16 = 71.2 px,
        // lines 1.5 high) and its middle 450 px further down (900 px high): y = 521.2 at the origin.
        let (mid_x, mid_y) = (600.0, 521.2);
        assert_eq!(*paths[0], format!("M{:.1} {mid_y:.1}L{:.1} {mid_y:.1}", mid_x - 50.0, mid_x + 50.0), "only the street in view");
        assert_eq!(*paths[1], format!("M{mid_x:.1} {mid_y:.1}L{mid_x:.1} {:.1}", mid_y - 25.0), "500 m north: 25 px up");
        // The streets lie under the density: right after the clip.
        let clip = d.shapes.iter().position(|s| matches!(s, Shape::Clip(Some(_)))).expect("clip");
        assert!(matches!(&d.shapes[clip + 1], Shape::Path { paint, .. } if paint.stroke == Some(STREET_COLOUR)));
    }

    #[test]
    fn a_downloaded_map_has_the_water_railways_parks_and_existing_canteens_areas() {
        use crate::core::planner::session::roads::OnFoot;
        use crate::core::planner::session::streets::{Basemap, Lines, StreetLevel};
        let v = demo_view();
        let frame = Frame { cx: 0.0, cy: 0.0, width_m: 24_000.0, width_px: 1200.0 };
        let lay = layout(&v, frame, 16.0, "北", Locale::ZhCn, None);
        let words = MapWords {
            title: "t".into(),
            subtitle: "s".into(),
            north: "北".into(),
            legend: ["a".into(), "b".into(), "c".into(), "d".into()],
            boundary: "e".into(),
            competitors: "f".into(),
            crs: "f".into(),
            attribution: "g".into(),
        };
        let plain = drawing(&v, &lay, &words);
        let one = |line: Vec<(f32, f32)>, b: [f32; 4]| Lines { lines: vec![line], boxes: vec![b] };
        // A lake in view, a railway in view, a park 50 km east (out of view), no river.
        let level = StreetLevel {
            tolerance_m: 16.0,
            lines: vec![vec![(-1000.0, 0.0), (1000.0, 0.0)]],
            boxes: vec![[-1000.0, 0.0, 1000.0, 0.0]],
            water: one(vec![(0.0, 0.0), (200.0, 0.0), (200.0, 100.0), (0.0, 0.0)], [0.0, 0.0, 200.0, 100.0]),
            rail: one(vec![(-500.0, 500.0), (500.0, 500.0)], [-500.0, 500.0, 500.0, 500.0]),
            parks: one(vec![(50_000.0, 0.0), (50_100.0, 0.0), (50_100.0, 100.0), (50_000.0, 0.0)], [50_000.0, 0.0, 50_100.0, 100.0]),
            ..StreetLevel::default()
        };
        let on_foot = OnFoot {
            walk_m: 900.0,
            max_snap_m: 300.0,
            detour: 1.3,
            demand_fallback: 0,
            demand_points: 0,
            sites_fallback: 0,
            straight: Vec::new(),
            on_foot: Vec::new(),
            areas: vec![vec![vec![(0.0, 0.0), (0.0, 500.0)]]],
            existing_areas: vec![vec![vec![(100.0, 0.0), (100.0, -500.0)]]],
        };
        let roads = RoadsView { name: "r".into(), basemap: Basemap { levels: vec![level] }, on_foot: Some(on_foot) };
        let d = with_roads(plain, &roads, &lay);
        let clip = d.shapes.iter().position(|s| matches!(s, Shape::Clip(Some(_)))).expect("clip");
        let paint = |i: usize| if let Shape::Path { paint, .. } = &d.shapes[i] { Some(*paint) } else { None };
        // Under the density, in order: the lake (filled), the railway (dashed), the streets.
        assert_eq!(paint(clip + 1).and_then(|p| p.fill), Some(WATER_COLOUR));
        assert_eq!(paint(clip + 2).map(|p| (p.stroke, p.dash)), Some((Some(RAIL_COLOUR), Some([6.0, 4.0]))));
        assert_eq!(paint(clip + 3).and_then(|p| p.stroke), Some(STREET_COLOUR));
        // The park out of view is not drawn.
        assert!(!d.shapes.iter().any(|s| matches!(s, Shape::Path { paint, .. } if paint.fill == Some(PARK_COLOUR))));
        // The existing canteen's streets (green, dashed), right before the chosen site's (blue).
        let existing =
            d.shapes.iter().position(|s| matches!(s, Shape::Path { paint, .. } if paint.stroke == Some(GREEN))).expect("existing");
        assert!(matches!(&d.shapes[existing + 1], Shape::Path { paint, .. } if paint.stroke == Some(BLUE)));
        // 0.05 px per metre, the origin at (600, 521.2): 100 m east is 5 px right, 500 m south 25 px down.
        assert!(matches!(&d.shapes[existing], Shape::Path { d, .. } if d == "M605.0 521.2L605.0 546.2"));
    }

    fn demo_words() -> MapWords {
        MapWords {
            title: "地图".into(),
            subtitle: "点".into(),
            north: "北".into(),
            legend: ["密度".into(), "候选".into(), "选中".into(), "现有".into()],
            boundary: "边界".into(),
            competitors: "其他助餐点".into(),
            crs: "坐标系".into(),
            attribution: "助餐".into(),
        }
    }

    /// The demo plan with `n` candidates in a row along y = 0, at x = 0, `step`, 2 × `step` … m,
    /// those at `chosen` chosen (in that order), and no existing canteens.
    fn row_of(n: usize, step: f64, chosen: &[usize]) -> PlanView {
        let mut v = demo_view();
        let model = v.sites[0].clone();
        v.sites = (0..n)
            .map(|i| SiteRow {
                index: i,
                name: format!("S{i}"),
                x: i as f64 * step,
                y: 0.0,
                rank: chosen.iter().position(|&c| c == i),
                ..model.clone()
            })
            .collect();
        v.chosen = chosen.to_vec();
        v.existing.clear();
        v
    }

    /// 1,024 px for 16,384 m: 1/16 px a metre; 768 px high, the row of sites at y = 384 px. With
    /// names 8 px high a dot's radius is 3 px (0.3 × 8 = 2.4, at least 3): 6 px across, 96 m.
    const ROW_FRAME: Frame = Frame { cx: 8192.0, cy: 0.0, width_m: 16_384.0, width_px: 1024.0 };

    fn candidates(lay: &MapLayout) -> usize {
        lay.marks.iter().filter(|k| k.kind == MarkKind::Candidate).count()
    }

    #[test]
    fn a_row_of_ten_thousand_candidates_is_one_dot_in_each_square_of_a_dot_across() {
        // 10,000 sites 1 m apart, x = 0 … 9,999 m (0 … 625 px): all in view. Squares 96 m wide:
        // 0–95, 96–191, … 9,984–10,079 m: 10,000 / 96 = 104.2, so 105 squares; in each the site
        // with the lowest index, the one at 96 × k m, 6 × k px.
        let v = row_of(10_000, 1.0, &[]);
        let lay = layout(&v, ROW_FRAME, 8.0, "北", Locale::ZhCn, None);
        assert_eq!(lay.sizes.dot_r, 3.0);
        assert_eq!(candidates(&lay), 0, "no clickable marker");
        assert_eq!(lay.dots.len(), 105);
        for (k, &(x, y)) in lay.dots.iter().enumerate() {
            assert_eq!((x, y), (6.0 * k as f64, 384.0), "dot {k}");
        }
        // The download draws them as one path: 105 circles, each a move and two arcs.
        let d = drawing(&v, &lay, &demo_words());
        let dot_paths: Vec<&String> = d
            .shapes
            .iter()
            .filter_map(|s| match s {
                Shape::Path { d, paint } if *paint == Paint::both("#ffffff", "#3d3d3d", 1.5) => Some(d),
                _ => None,
            })
            .collect();
        assert_eq!(dot_paths.len(), 1);
        assert_eq!((dot_paths[0].matches('M').count(), dot_paths[0].matches('a').count()), (105, 210));
        // The first: centre (0, 384) moved down by the title's band (8 + 1.5 × 10.4 + 1.5 × 8 =
        // 35.6 px), radius 3: from (−3, 419.6), 6 px right and back; the next from (3, 419.6).
        assert!(dot_paths[0].starts_with("M-3.0 419.6a3.0 3.0 0 1 0 6.0 0a3.0 3.0 0 1 0 -6.0 0zM3.0 419.6a"), "{}", &dot_paths[0][..80]);
    }

    #[test]
    fn chosen_sites_are_never_dots() {
        // The same row with the first site and the 5,001st chosen: the first square's dot is the
        // next site (x = 1 m, 1/16 px); the 53rd square (4,992–5,087 m) keeps 4,992. Still 105
        // dots, and the two chosen sites are numbered markers.
        let v = row_of(10_000, 1.0, &[0, 5000]);
        let lay = layout(&v, ROW_FRAME, 8.0, "北", Locale::ZhCn, None);
        assert_eq!(lay.dots.len(), 105);
        assert_eq!(lay.dots[0], (0.0625, 384.0));
        assert_eq!(lay.dots[52], (312.0, 384.0));
        let mut chosen: Vec<(MarkKind, usize)> = lay.marks.iter().map(|k| (k.kind, k.index)).collect();
        chosen.sort_by_key(|(_, i)| *i);
        assert_eq!(chosen, vec![(MarkKind::Chosen(0), 0), (MarkKind::Chosen(1), 5000)]);
        // Their names are placed (the dots only give way).
        assert_eq!(lay.labels.len() + lay.dropped.len(), 2);
    }

    #[test]
    fn the_candidate_picked_in_the_table_is_a_marker_among_the_dots() {
        // The row of 10,000 sites with the 4,322nd picked: still the same 105 dots, and one
        // candidate marker, site 4,321 at 4,321 m = 4,321 / 16 = 270.0625 px.
        let v = row_of(10_000, 1.0, &[0]);
        let lay = layout(&v, ROW_FRAME, 8.0, "北", Locale::ZhCn, Some(4321));
        assert_eq!(lay.dots.len(), 105);
        let picked: Vec<&Mark> = lay.marks.iter().filter(|k| k.kind == MarkKind::Candidate).collect();
        assert_eq!(picked.len(), 1);
        // As large as a chosen site's marker (0.8 × 8 + 2 = 8.4 px), and named.
        assert_eq!((picked[0].index, picked[0].x, picked[0].y, picked[0].r), (4321, 270.0625, 384.0, 8.4));
        assert!(lay.labels.iter().any(|lb| lb.kind == MarkKind::Candidate && lb.index == 4321 && lb.text == "S4321"));
        // Without dots (100 sites 10 m apart), the picked one is the large named marker, the
        // others small and unnamed.
        let few = row_of(100, 10.0, &[]);
        let lay = layout(&few, ROW_FRAME, 8.0, "北", Locale::ZhCn, Some(7));
        let large: Vec<usize> = lay.marks.iter().filter(|k| k.r == 8.4).map(|k| k.index).collect();
        assert_eq!((candidates(&lay), large), (100, vec![7]));
        let named: Vec<usize> = lay.labels.iter().map(|lb| lb.index).collect();
        assert_eq!(named, vec![7]);
        // A chosen site picked is its numbered marker only; a site out of view is not drawn.
        let lay = layout(&v, ROW_FRAME, 8.0, "北", Locale::ZhCn, Some(0));
        assert_eq!(candidates(&lay), 0);
        let mut far = v.clone();
        far.sites[4321].x += 32_768.0;
        assert_eq!(candidates(&layout(&far, ROW_FRAME, 8.0, "北", Locale::ZhCn, Some(4321))), 0);
    }

    #[test]
    fn up_to_the_threshold_every_candidate_is_its_own_marker() {
        // 500 sites 2 m apart (0 … 998 m): 500 markers, no dots.
        let lay = layout(&row_of(DOTS_ABOVE, 2.0, &[]), ROW_FRAME, 8.0, "北", Locale::ZhCn, None);
        assert_eq!((candidates(&lay), lay.dots.len()), (500, 0));
        // One more (0 … 1,000 m): dots, 48 sites in each 96 m square, 1,000 / 96 = 10.4: 11.
        let lay = layout(&row_of(DOTS_ABOVE + 1, 2.0, &[]), ROW_FRAME, 8.0, "北", Locale::ZhCn, None);
        assert_eq!((candidates(&lay), lay.dots.len()), (0, 11));
        // Only those in view count: 501 sites of which the last 300 are moved 32,768 m east,
        // beyond the window's right edge (16,384 m).
        let mut v = row_of(DOTS_ABOVE + 1, 2.0, &[]);
        for s in v.sites.iter_mut().skip(201) {
            s.x += 32_768.0;
        }
        let lay = layout(&v, ROW_FRAME, 8.0, "北", Locale::ZhCn, None);
        assert_eq!((candidates(&lay), lay.dots.len()), (201, 0));
    }

    #[test]
    fn dots_go_to_the_block_of_the_drawing_they_are_in() {
        // 400 × 300 px in 4 × 3 blocks of 100 × 100: (50, 50) in the first, (150, 50) the second,
        // (399, 299) the last; (−3, 150) left of the drawing, in the second row's first block
        // (4); (401, 10) right of it, in the first row's last (3); (120, 40) after (150, 50).
        let dots = [(50.0, 50.0), (150.0, 50.0), (399.0, 299.0), (-3.0, 150.0), (401.0, 10.0), (120.0, 40.0)];
        let blocks = dot_blocks(&dots, 400.0, 300.0, 4, 3);
        assert_eq!(blocks.len(), 12);
        assert_eq!(blocks[0], vec![(50.0, 50.0)]);
        assert_eq!(blocks[1], vec![(150.0, 50.0), (120.0, 40.0)]);
        assert_eq!(blocks[3], vec![(401.0, 10.0)]);
        assert_eq!(blocks[4], vec![(-3.0, 150.0)]);
        assert_eq!(blocks[11], vec![(399.0, 299.0)]);
        assert_eq!(blocks.iter().map(Vec::len).sum::<usize>(), 6);
    }

    #[test]
    fn thinning_keeps_the_first_point_of_each_square() {
        // Squares 10 wide: (3, 3) and (7, 1) share [0, 10) × [0, 10); (−1, 5) is in [−10, 0);
        // (12, 3) in [10, 20); (5, 15) above. Kept: positions 1 (before 3), 2, 4, 0.
        let points = [(12.0, 3.0), (7.0, 1.0), (-1.0, 5.0), (3.0, 3.0), (5.0, 15.0)];
        assert_eq!(thinned_dots(&points, 10.0), vec![0, 1, 2, 4]);
        assert_eq!(dots_path(&[(10.0, 20.0)], 3.0, 1.0, 2.0), "M8.0 22.0a3.0 3.0 0 1 0 6.0 0a3.0 3.0 0 1 0 -6.0 0z");
        // A ring from 2.3 to 3.7 round (11, 22): the outer circle from x = 7.3, 7.4 across, one
        // way round (sweep 0); the inner one from 8.7, 4.6 across, the other way (sweep 1).
        assert_eq!(
            dot_rings_path(&[(10.0, 20.0)], 2.3, 3.7, 1.0, 2.0),
            "M7.3 22.0a3.70 3.70 0 1 0 7.40 0a3.70 3.70 0 1 0 -7.40 0zM8.7 22.0a2.30 2.30 0 1 1 4.60 0a2.30 2.30 0 1 1 -4.60 0z"
        );
    }

    #[test]
    fn density_is_drawn_as_runs_of_one_class_by_hand() {
        // 3 × 2 cells of 100 m from (0, 0). South row: 1, 1, 9; north row: 9, 0, 9.
        // Cells with people sorted: 1, 1, 9, 9, 9; breaks at positions ⌊4 × 0.2⌋ = 0, ⌊1.6⌋ = 1,
        // ⌊2.4⌋ = 2, ⌊3.2⌋ = 3: 1, 1, 9, 9. A 1 is above none (class 0), a 9 above two (class 2).
        let grid = DensityGrid { x0: 0.0, y0: 0.0, cell_m: 100.0, cell_h_m: 0.0, nx: 3, ny: 2, counts: vec![1.0, 1.0, 9.0, 9.0, 0.0, 9.0] };
        let breaks = density_breaks(&grid).expect("people");
        assert_eq!(breaks, [1.0, 1.0, 9.0, 9.0]);
        let all = [0.0, 0.0, 300.0, 200.0];
        let run = |class, row, from, to| DensityRun { class, row, from, to };
        // South row: the two 1s are one run; north row: the empty cell splits the 9s.
        assert_eq!(density_runs(&grid, breaks, all), vec![run(0, 0, 0, 2), run(2, 0, 2, 3), run(2, 1, 0, 1), run(2, 1, 2, 3)]);
        // In map metres, y flipped to SVG's down: the south row from y = −100 to 0, the north one
        // from −200 to −100 (the edge they share written alike).
        let paths = density_paths(&grid, Some(breaks), all, |x, y| (x, -y), 1);
        assert_eq!(paths[0], "M0.0 -100.0H200.0V0.0H0.0z");
        assert_eq!(paths[2], "M200.0 -100.0H300.0V0.0H200.0zM0.0 -200.0H100.0V-100.0H0.0zM200.0 -200.0H300.0V-100.0H200.0z");
        assert!(paths[1].is_empty() && paths[3].is_empty() && paths[4].is_empty());
        // A window from x = 150 to 250 m touches columns 1 and 2 only, in the south row only
        // (y 0 to 50 m).
        assert_eq!(density_runs(&grid, breaks, [150.0, 0.0, 250.0, 50.0]), vec![run(0, 0, 1, 2), run(2, 0, 2, 3)]);
        // Nobody: no breaks, no paths.
        let empty = DensityGrid { counts: vec![0.0; 6], ..grid.clone() };
        assert_eq!(density_breaks(&empty), None);
        assert!(density_paths(&empty, None, all, |x, y| (x, y), 1).iter().all(String::is_empty));
        // In pixels, as the download draws it: 0.5 px a metre, the window 300 m wide on 150 px,
        // centred on (150, 100): cell (0, 0)'s north-west corner (0, 100 m) at (0, 56.25) px.
        let frame = Frame { cx: 150.0, cy: 100.0, width_m: 300.0, width_px: 150.0 };
        let px = density_paths(&grid, Some(breaks), all, |x, y| frame.to_px(x, y), 2);
        assert_eq!(px[0], "M0.00 56.25H100.00V106.25H0.00z");
    }
}
