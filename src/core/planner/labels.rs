//! What the planner's map writes on itself, worked out in drawing pixels (x east, y down): where
//! each site's name goes (a greedy choice among eight positions around its marker, never over
//! another name or marker), the scale bar's round length (1, 2 or 5 × 10ⁿ metres), and the
//! corners' longitude and latitude as text.

use std::f64::consts::FRAC_1_SQRT_2;

use super::words::words;
use crate::core::Locale;

/// An axis-aligned box in pixels, `x0 ≤ x1`, `y0 ≤ y1` (y down).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Rect {
    /// West edge.
    pub x0: f64,
    /// North edge.
    pub y0: f64,
    /// East edge.
    pub x1: f64,
    /// South edge.
    pub y1: f64,
}

impl Rect {
    /// A box from its edges.
    pub const fn new(x0: f64, y0: f64, x1: f64, y1: f64) -> Rect {
        Rect { x0, y0, x1, y1 }
    }

    /// The square around a point (a marker of radius `r`).
    pub fn around(x: f64, y: f64, r: f64) -> Rect {
        Rect::new(x - r, y - r, x + r, y + r)
    }

    /// Do the two boxes share any area? (Touching edges do not count.)
    pub fn overlaps(&self, other: &Rect) -> bool {
        self.x0 < other.x1 && other.x0 < self.x1 && self.y0 < other.y1 && other.y0 < self.y1
    }

    /// Is the whole box inside `outer`?
    pub fn inside(&self, outer: &Rect) -> bool {
        self.x0 >= outer.x0 && self.y0 >= outer.y0 && self.x1 <= outer.x1 && self.y1 <= outer.y1
    }

    /// Width.
    pub fn width(&self) -> f64 {
        self.x1 - self.x0
    }

    /// Height.
    pub fn height(&self) -> f64 {
        self.y1 - self.y0
    }
}

/// Where a name goes around its marker, in the order they are tried: right of it first (the most
/// readable for horizontal text), then above-right, below-right, left, above-left, below-left,
/// above and below.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Spot {
    /// Right.
    E,
    /// Above right.
    NE,
    /// Below right.
    SE,
    /// Left.
    W,
    /// Above left.
    NW,
    /// Below left.
    SW,
    /// Above.
    N,
    /// Below.
    S,
}

impl Spot {
    /// The order tried.
    pub const ORDER: [Spot; 8] = [Spot::E, Spot::NE, Spot::SE, Spot::W, Spot::NW, Spot::SW, Spot::N, Spot::S];

    /// How the text lines up inside its box: from the marker outwards.
    pub fn anchor(self) -> Anchor {
        match self {
            Spot::E | Spot::NE | Spot::SE => Anchor::Start,
            Spot::W | Spot::NW | Spot::SW => Anchor::End,
            Spot::N | Spot::S => Anchor::Middle,
        }
    }
}

/// Horizontal alignment of a text at its point (SVG `text-anchor`, canvas `textAlign`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Anchor {
    /// The text starts at the point.
    Start,
    /// The text is centred on the point.
    Middle,
    /// The text ends at the point.
    End,
}

impl Anchor {
    /// The SVG attribute value.
    pub fn svg(self) -> &'static str {
        match self {
            Anchor::Start => "start",
            Anchor::Middle => "middle",
            Anchor::End => "end",
        }
    }
}

/// A name to place.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LabelRequest {
    /// The marker's centre.
    pub x: f64,
    /// The marker's centre.
    pub y: f64,
    /// Distance kept from the marker's centre (its radius plus a gap).
    pub clearance: f64,
    /// The name's box (text and padding).
    pub width: f64,
    /// The name's box.
    pub height: f64,
    /// The marker's own entry in the obstacles, which the positions clear by construction.
    pub own: Option<usize>,
}

/// The box for a name at one position. Straight positions keep `clearance` from the centre
/// along the axis; diagonal ones put the box's nearest corner at `clearance` from the centre, at
/// 45°, so the box never touches a round marker of radius below the clearance.
pub fn spot_box(req: &LabelRequest, spot: Spot) -> Rect {
    let (x, y, c, w, h) = (req.x, req.y, req.clearance, req.width, req.height);
    let d = c * FRAC_1_SQRT_2;
    let (x0, y0) = match spot {
        Spot::E => (x + c, y - h / 2.0),
        Spot::W => (x - c - w, y - h / 2.0),
        Spot::N => (x - w / 2.0, y - c - h),
        Spot::S => (x - w / 2.0, y + c),
        Spot::NE => (x + d, y - d - h),
        Spot::SE => (x + d, y + d),
        Spot::NW => (x - d - w, y - d - h),
        Spot::SW => (x - d - w, y + d),
    };
    Rect::new(x0, y0, x0 + w, y0 + h)
}

/// A placed name.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Placed {
    /// Where around the marker.
    pub spot: Spot,
    /// Its box.
    pub rect: Rect,
}

/// Places the names in the order given (the most important first): each takes the first of the
/// eight positions ([`Spot::ORDER`]) that lies inside `bounds` and overlaps no obstacle (markers,
/// the scale bar, …; its own marker excepted), no `soft` obstacle and no name placed before it.
/// If every position is taken, a position that only covers soft obstacles (minor markers: a
/// crowded small map would otherwise name nothing) is taken instead. A name with no such position
/// is left off (`None`): the caller says so and lists it elsewhere.
pub fn place_labels(requests: &[LabelRequest], obstacles: &[Rect], soft: &[Rect], bounds: Rect) -> Vec<Option<Placed>> {
    let mut placed: Vec<Rect> = Vec::with_capacity(requests.len());
    requests
        .iter()
        .map(|req| {
            let blocked = |r: &Rect, strict: bool| {
                !r.inside(&bounds)
                    || obstacles.iter().enumerate().any(|(i, o)| Some(i) != req.own && o.overlaps(r))
                    || (strict && soft.iter().any(|o| o.overlaps(r)))
                    || placed.iter().any(|p| p.overlaps(r))
            };
            let spots = || Spot::ORDER.iter().map(|&spot| Placed { spot, rect: spot_box(req, spot) });
            let found = spots().find(|p| !blocked(&p.rect, true)).or_else(|| spots().find(|p| !blocked(&p.rect, false)));
            if let Some(p) = found {
                placed.push(p.rect);
            }
            found
        })
        .collect()
}

/// A generous estimate of a text's width in ems (font size = 1), so that the drawn text fits
/// inside the box placed for it whatever the font: Chinese and other non-Latin characters 1 em,
/// wide Latin capitals and m/w 0.95, other capitals 0.75, narrow ones (i, l, punctuation, space)
/// 0.4, everything else 0.62.
pub fn text_em(text: &str) -> f64 {
    text.chars()
        .map(|c| match c {
            'm' | 'w' | 'M' | 'W' | '@' | '%' => 0.95,
            'i' | 'j' | 'l' | 'I' | '.' | ',' | ':' | ';' | '\'' | '|' | '!' | ' ' | '(' | ')' | '[' | ']' | '-' | 'f' | 't' | 'r' => 0.4,
            'A'..='Z' => 0.75,
            c if c.is_ascii() => 0.62,
            _ => 1.0,
        })
        .sum()
}

/// A scale bar: a round length and how many pixels it takes.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ScaleBar {
    /// Its length on the ground, metres: 1, 2 or 5 × 10ⁿ.
    pub metres: f64,
    /// Its length on the drawing, pixels.
    pub px: f64,
}

/// The longest round length (1, 2 or 5 × 10ⁿ metres) that takes at most `max_px` pixels at
/// `px_per_m` pixels per metre. `None` if the scale is not a positive finite number.
pub fn scale_bar(px_per_m: f64, max_px: f64) -> Option<ScaleBar> {
    if !(px_per_m.is_finite() && px_per_m > 0.0 && max_px.is_finite() && max_px > 0.0) {
        return None;
    }
    let max_m = max_px / px_per_m;
    let mut n = max_m.log10().floor() as i32;
    // log10 can land a hair below a whole number (e.g. 999.9999 for 1000): try one decade up too.
    n += 1;
    loop {
        let decade = 10f64.powi(n);
        for step in [5.0, 2.0, 1.0] {
            let metres = step * decade;
            if metres <= max_m * (1.0 + 1e-9) {
                return Some(ScaleBar { metres, px: metres * px_per_m });
            }
        }
        n -= 1;
        if n < -12 {
            return None;
        }
    }
}

/// The scale bar's words: "500 米", "2 公里"; "500 m", "2 km".
pub fn scale_text(metres: f64, locale: Locale) -> String {
    let w = words(locale);
    // Round lengths: a whole number, or a short decimal below one.
    let round = |v: f64| (v * 1e6).round() / 1e6;
    if metres >= 1000.0 {
        (w.scale_km)(round(metres / 1000.0))
    } else {
        (w.scale_metres)(round(metres))
    }
}

/// A position as words, to four decimals (about 11 m): "北纬 23.1000°，东经 113.3000°";
/// "23.1000° N, 113.3000° E". South and west are 南纬 / 西经, S / W.
pub fn lat_lon_text(lon: f64, lat: f64, locale: Locale) -> String {
    (words(locale).position)(lon, lat)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn req(x: f64, y: f64) -> LabelRequest {
        // A marker of radius 8 with a 2 px gap; a name 40 × 20 px.
        LabelRequest { x, y, clearance: 10.0, width: 40.0, height: 20.0, own: None }
    }

    const BIG: Rect = Rect::new(0.0, 0.0, 1000.0, 1000.0);

    #[test]
    fn boxes_overlap_only_when_they_share_area() {
        let a = Rect::new(0.0, 0.0, 10.0, 10.0);
        assert!(a.overlaps(&Rect::new(9.0, 9.0, 20.0, 20.0)));
        assert!(!a.overlaps(&Rect::new(10.0, 0.0, 20.0, 10.0)), "touching edges");
        assert!(!a.overlaps(&Rect::new(0.0, 11.0, 10.0, 20.0)));
        assert!(a.overlaps(&Rect::new(2.0, 2.0, 3.0, 3.0)), "inside");
        assert!(Rect::new(2.0, 2.0, 3.0, 3.0).inside(&a));
        assert!(!Rect::new(-1.0, 2.0, 3.0, 3.0).inside(&a));
    }

    #[test]
    fn the_eight_positions_by_hand() {
        // Marker at (100, 100), clearance 10, box 40 × 20. d = 10 / √2 = 7.0711.
        let r = req(100.0, 100.0);
        assert_eq!(spot_box(&r, Spot::E), Rect::new(110.0, 90.0, 150.0, 110.0));
        assert_eq!(spot_box(&r, Spot::W), Rect::new(50.0, 90.0, 90.0, 110.0));
        assert_eq!(spot_box(&r, Spot::N), Rect::new(80.0, 70.0, 120.0, 90.0));
        assert_eq!(spot_box(&r, Spot::S), Rect::new(80.0, 110.0, 120.0, 130.0));
        let ne = spot_box(&r, Spot::NE);
        assert!((ne.x0 - 107.0711).abs() < 1e-4 && (ne.y1 - 92.9289).abs() < 1e-4 && (ne.width() - 40.0).abs() < 1e-9);
        let sw = spot_box(&r, Spot::SW);
        assert!((sw.x1 - 92.9289).abs() < 1e-4 && (sw.y0 - 107.0711).abs() < 1e-4);
        // No position touches a round marker of radius 8: the nearest point of every box is at
        // least 10 from the centre.
        for spot in Spot::ORDER {
            let b = spot_box(&r, spot);
            let nx = 100f64.clamp(b.x0, b.x1);
            let ny = 100f64.clamp(b.y0, b.y1);
            assert!(((nx - 100.0).powi(2) + (ny - 100.0).powi(2)).sqrt() >= 10.0 - 1e-9, "{spot:?}");
        }
    }

    #[test]
    fn a_lone_name_goes_to_the_right() {
        let out = place_labels(&[req(100.0, 100.0)], &[], &[], BIG);
        assert_eq!(out, vec![Some(Placed { spot: Spot::E, rect: Rect::new(110.0, 90.0, 150.0, 110.0) })]);
    }

    #[test]
    fn a_marker_to_the_right_sends_the_name_above_right() {
        // Another marker (radius 8) at (130, 104): its box 122–138 × 96–112 overlaps E (110–150 ×
        // 90–110). NE is 107.07–147.07 × 72.93–92.93: above y = 96, so free.
        let obstacles = [Rect::around(100.0, 100.0, 8.0), Rect::around(130.0, 104.0, 8.0)];
        let r = LabelRequest { own: Some(0), ..req(100.0, 100.0) };
        let out = place_labels(&[r], &obstacles, &[], BIG);
        assert_eq!(out[0].map(|p| p.spot), Some(Spot::NE));
        // At (130, 100) (box 92–108) it reaches NE's bottom (92.93) and SE's top (107.07) too:
        // the name goes left.
        let obstacles = [Rect::around(100.0, 100.0, 8.0), Rect::around(130.0, 100.0, 8.0)];
        assert_eq!(place_labels(&[r], &obstacles, &[], BIG)[0].map(|p| p.spot), Some(Spot::W));
    }

    #[test]
    fn the_own_marker_is_not_in_the_way_but_others_are() {
        // Something covering only E (110–150 × 90–110): blocker 109–160 × 95–105. NE (107.07–147.07
        // × 72.93–92.93) is clear of it, but its corner lies in the own marker's square (92–108),
        // not its circle: with `own` the name goes NE.
        let own = Rect::around(100.0, 100.0, 8.0);
        let blocker = Rect::new(109.0, 95.0, 160.0, 105.0);
        let r = LabelRequest { own: Some(0), ..req(100.0, 100.0) };
        assert_eq!(place_labels(&[r], &[own, blocker], &[], BIG)[0].map(|p| p.spot), Some(Spot::NE));
        // Were the own square an obstacle, NE and SE (corners at 107.07) would be taken and W
        // (50–90) would be next.
        assert_eq!(place_labels(&[req(100.0, 100.0)], &[own, blocker], &[], BIG)[0].map(|p| p.spot), Some(Spot::W));
    }

    #[test]
    fn names_do_not_overlap_each_other() {
        // Two markers 30 px apart on a row: the first takes E (110–150), which covers the second's
        // own E (140–180 overlaps 110–150 on x, same rows). Its NE (137.07–177.07 × 72.93–92.93)
        // overlaps the first's E (y 90–110) in 90–92.93; SE (y 107.07–127.07) in 107.07–110; W
        // (80–120) and NW, SW (82.93–122.93) overlap it on x and y. N (110–150 × 70–90) only
        // touches it at y = 90: free.
        let out = place_labels(&[req(100.0, 100.0), req(130.0, 100.0)], &[], &[], BIG);
        assert_eq!(out[0].map(|p| p.spot), Some(Spot::E));
        assert_eq!(out[1].map(|p| p.spot), Some(Spot::N));
        let (a, b) = (out[0].map(|p| p.rect), out[1].map(|p| p.rect));
        assert!(!a.zip(b).is_some_and(|(a, b)| a.overlaps(&b)));
    }

    #[test]
    fn a_name_with_no_room_is_left_off() {
        // The marker in a 60 × 30 window: no 40 × 20 box fits beside a clearance of 10 inside it.
        let out = place_labels(&[req(30.0, 15.0)], &[], &[], Rect::new(0.0, 0.0, 60.0, 30.0));
        assert_eq!(out, vec![None]);
        // Walls all round (beyond the own marker): nothing fits; the next name is still placed.
        let walls = [Rect::new(0.0, 0.0, 1000.0, 95.0), Rect::new(0.0, 105.0, 1000.0, 1000.0)];
        let out = place_labels(&[req(100.0, 100.0), req(500.0, 50.0)], &walls[..1], &[], BIG);
        assert_eq!(out[1], None, "the second is under the first wall");
        let out = place_labels(&[req(100.0, 100.0)], &walls, &[], BIG);
        assert_eq!(out, vec![None]);
    }

    #[test]
    fn minor_markers_give_way_only_when_nothing_else_is_free() {
        // A candidate's dot (soft, radius 4) at (130, 100) is in E (110–150 × 90–110): the name
        // goes NE (107.07–147.07 × 72.93–92.93), clear of the dot's box 126–134 × 96–104.
        let dot = [Rect::around(130.0, 100.0, 4.0)];
        assert_eq!(place_labels(&[req(100.0, 100.0)], &[], &dot, BIG)[0].map(|p| p.spot), Some(Spot::NE));
        // Dots in all eight positions: E at (130, 100), NE (127, 83), SE (127, 117), W (70, 100),
        // NW (73, 83), SW (73, 117), N (100, 80), S (100, 120). No clear position, so the first
        // that covers only dots: E.
        let dots: Vec<Rect> =
            [(130.0, 100.0), (127.0, 83.0), (127.0, 117.0), (70.0, 100.0), (73.0, 83.0), (73.0, 117.0), (100.0, 80.0), (100.0, 120.0)]
                .iter()
                .map(|&(x, y)| Rect::around(x, y, 4.0))
                .collect();
        for spot in Spot::ORDER {
            assert!(dots.iter().any(|d| d.overlaps(&spot_box(&req(100.0, 100.0), spot))), "{spot:?} is covered");
        }
        assert_eq!(place_labels(&[req(100.0, 100.0)], &[], &dots, BIG)[0].map(|p| p.spot), Some(Spot::E));
        // The same rectangles as hard obstacles: the name is left off.
        assert_eq!(place_labels(&[req(100.0, 100.0)], &dots, &[], BIG)[0], None);
    }

    #[test]
    fn near_the_right_edge_the_name_goes_left() {
        // Marker at (980, 500) in a 1000-wide window: E (990–1030) and NE/SE (987–1027) leave it.
        let out = place_labels(&[req(980.0, 500.0)], &[], &[], BIG);
        assert_eq!(out[0].map(|p| p.spot), Some(Spot::W));
        assert_eq!(out[0].map(|p| p.spot.anchor()), Some(Anchor::End));
    }

    #[test]
    fn text_widths_are_generous() {
        assert_eq!(text_em("候选点"), 3.0);
        assert!((text_em("Site 12") - (0.75 + 0.4 + 0.4 + 0.62 + 0.4 + 0.62 + 0.62)).abs() < 1e-12);
        assert_eq!(text_em(""), 0.0);
    }

    #[test]
    fn scale_bars_are_round_lengths_by_hand() {
        // 0.2 px per metre (a 4,000 m wide map on 800 px), at most 150 px: 750 m fit, so 500 m =
        // 100 px.
        let bar = |ppm: f64, max: f64| scale_bar(ppm, max).map(|b| (b.metres, (b.px * 1e6).round() / 1e6));
        assert_eq!(bar(0.2, 150.0), Some((500.0, 100.0)));
        // 1 px per metre, 120 px: 120 m fit: 100 m.
        assert_eq!(bar(1.0, 120.0), Some((100.0, 100.0)));
        // 0.01 px per metre (100 m per px), 250 px: 25,000 m fit: 20 km = 200 px.
        assert_eq!(bar(0.01, 250.0), Some((20_000.0, 200.0)));
        // Exactly a round length: 0.1 px per metre, 100 px: 1,000 m, not 500.
        assert_eq!(bar(0.1, 100.0), Some((1000.0, 100.0)));
        // 0.15 px per metre, 90 px: 600 m fit: 500 m = 75 px.
        assert_eq!(bar(0.15, 90.0), Some((500.0, 75.0)));
        // 2 px per metre, 30 px: 15 m: 10 m.
        assert_eq!(scale_bar(2.0, 30.0).map(|b| b.metres), Some(10.0));
        assert_eq!(scale_bar(0.0, 100.0), None);
        assert_eq!(scale_bar(f64::NAN, 100.0), None);
        assert_eq!(scale_bar(1.0, -5.0), None);
    }

    #[test]
    fn scale_words_in_each_language() {
        assert_eq!(scale_text(500.0, Locale::ZhCn), "500 米");
        assert_eq!(scale_text(2000.0, Locale::ZhCn), "2 公里");
        assert_eq!(scale_text(1000.0, Locale::En), "1 km");
        assert_eq!(scale_text(200.0, Locale::En), "200 m");
        assert_eq!(scale_text(0.5, Locale::En), "0.5 m");
    }

    #[test]
    fn positions_in_words() {
        assert_eq!(lat_lon_text(113.3, 23.1, Locale::ZhCn), "北纬 23.1000°，东经 113.3000°");
        assert_eq!(lat_lon_text(113.3, 23.1, Locale::En), "23.1000° N, 113.3000° E");
        assert_eq!(lat_lon_text(-0.5, -33.9, Locale::En), "33.9000° S, 0.5000° W");
        assert_eq!(lat_lon_text(-70.0, -33.9, Locale::ZhCn), "南纬 33.9000°，西经 70.0000°");
    }
}
