//! The street basemap: the road file's lines in map metres, simplified once per zoom level
//! (Douglas–Peucker), so the page draws a whole city's streets at every zoom without a tile
//! server. Each level keeps only what shows at its scale: a line is simplified to within the
//! level's tolerance, and a line shorter than the tolerance across is left out. The page picks
//! the finest level whose tolerance is still below a screen pixel ([`Basemap::level_for`]) and
//! draws only the lines that touch the window ([`StreetLevel::path_in`]).
//!
//! The same file's water, railways and parks ([`crate::core::io::roads::Basemap`]) are carried at
//! every level beside the streets ([`Basemap::with_features`]): water areas and parks as closed
//! rings the page fills, rivers and railways as lines.

use serde::{Deserialize, Serialize};

use crate::core::geo::{LocalProjection, LonLat};
use crate::core::io::roads::Basemap as Features;

/// The levels' tolerances, metres: from street detail (1 m) to a whole region on one screen.
pub const TOLERANCES_M: [f64; 5] = [1.0, 4.0, 16.0, 64.0, 256.0];

/// The streets at one level of detail.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct StreetLevel {
    /// Largest distance, metres, of a dropped vertex from the line kept.
    pub tolerance_m: f64,
    /// Lines in map metres (x east, y north of the map's origin), rounded to 0.1 m.
    pub lines: Vec<Vec<(f32, f32)>>,
    /// Each line's extent: min x, min y, max x, max y.
    pub boxes: Vec<[f32; 4]>,
    /// Water areas (lakes, ponds, reservoirs, rivers' outlines): closed rings, drawn filled.
    #[serde(default)]
    pub water: Lines,
    /// Rivers, streams and canals, and water outlines the file cuts: lines.
    #[serde(default)]
    pub waterways: Lines,
    /// Parks: rings, drawn filled.
    #[serde(default)]
    pub parks: Lines,
    /// Railways: lines.
    #[serde(default)]
    pub rail: Lines,
}

/// Lines of one kind at one level of detail, in map metres (x east, y north), with their extents.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Lines {
    /// The lines, rounded to 0.1 m.
    pub lines: Vec<Vec<(f32, f32)>>,
    /// Each line's extent: min x, min y, max x, max y.
    pub boxes: Vec<[f32; 4]>,
}

impl Lines {
    /// Every piece of `pieces` at `tolerance` (a piece smaller than the tolerance across in both
    /// directions is left out above the finest level).
    fn at(pieces: &[Vec<(f64, f64)>], tolerance: f64) -> Lines {
        let mut out = Lines::default();
        for piece in pieces {
            let (x0, y0, x1, y1) = extent(piece);
            // Smaller than the tolerance in both directions: a speck at this scale.
            if tolerance > TOLERANCES_M[0] && x1 - x0 < tolerance && y1 - y0 < tolerance {
                continue;
            }
            let kept = simplify(piece, tolerance);
            out.boxes.push([x0 as f32, y0 as f32, x1 as f32, y1 as f32]);
            out.lines.push(kept.iter().map(|&(x, y)| (round1(x), round1(y))).collect());
        }
        out
    }

    /// `lines` (map metres) at every level of [`TOLERANCES_M`], finest first: drawn at the level
    /// the page picks for the streets ([`Basemap::level_for`]), a network service area zoomed out
    /// to a whole city is a few vertices per street reached instead of every vertex, and a piece
    /// shorter than a pixel is left out (a browser strokes every segment of a path for each tile
    /// it paints).
    pub fn levels(lines: &[Vec<(f32, f32)>]) -> Vec<Lines> {
        let pieces: Vec<Vec<(f64, f64)>> = lines.iter().map(|l| l.iter().map(|&(x, y)| (f64::from(x), f64::from(y))).collect()).collect();
        TOLERANCES_M.iter().map(|&tol| Lines::at(&pieces, tol)).collect()
    }

    /// An SVG path (y flipped) of the parts of the lines that touch the rectangle `x0..x1 ×
    /// y0..y1` (map metres, y north: each run of segments touching it, whole segments), and how
    /// many vertices it has.
    pub fn path_in(&self, x0: f64, y0: f64, x1: f64, y1: f64) -> (String, usize) {
        path_of(&self.lines, &self.boxes, [x0, y0, x1, y1], true)
    }

    /// An SVG path (y flipped) of the whole rings touching the rectangle (areas to fill: a ring
    /// cut to the window would fill the wrong shape), and how many vertices it has.
    pub fn rings_in(&self, x0: f64, y0: f64, x1: f64, y1: f64) -> (String, usize) {
        path_of(&self.lines, &self.boxes, [x0, y0, x1, y1], false)
    }
}

/// The street basemap: the same lines at every level of [`TOLERANCES_M`].
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Basemap {
    /// Coarser and coarser.
    pub levels: Vec<StreetLevel>,
}

/// Perpendicular distance from `p` to the segment a–b (to the nearer end beyond it).
fn segment_distance(p: (f64, f64), a: (f64, f64), b: (f64, f64)) -> f64 {
    let (dx, dy) = (b.0 - a.0, b.1 - a.1);
    let len2 = dx * dx + dy * dy;
    let t = if len2 > 0.0 { (((p.0 - a.0) * dx + (p.1 - a.1) * dy) / len2).clamp(0.0, 1.0) } else { 0.0 };
    ((p.0 - a.0 - t * dx).powi(2) + (p.1 - a.1 - t * dy).powi(2)).sqrt()
}

/// Douglas–Peucker: the fewest of `line`'s vertices (its ends always among them) such that every
/// dropped vertex lies within `tolerance` of the line kept. Iterative (a long line does not
/// deepen the stack).
///
/// ```
/// use zhucan::core::planner::session::streets::simplify;
/// // A bump of 0.5 high disappears at tolerance 1, stays at 0.25.
/// let line = [(0.0, 0.0), (5.0, 0.5), (10.0, 0.0)];
/// assert_eq!(simplify(&line, 1.0), vec![(0.0, 0.0), (10.0, 0.0)]);
/// assert_eq!(simplify(&line, 0.25), line.to_vec());
/// ```
pub fn simplify(line: &[(f64, f64)], tolerance: f64) -> Vec<(f64, f64)> {
    if line.len() <= 2 {
        return line.to_vec();
    }
    let mut keep = vec![false; line.len()];
    keep[0] = true;
    keep[line.len() - 1] = true;
    let mut stack = vec![(0usize, line.len() - 1)];
    while let Some((first, last)) = stack.pop() {
        let mut far = (0.0, 0usize);
        for i in first + 1..last {
            let d = segment_distance(line[i], line[first], line[last]);
            if d > far.0 {
                far = (d, i);
            }
        }
        if far.0 > tolerance {
            keep[far.1] = true;
            stack.push((first, far.1));
            stack.push((far.1, last));
        }
    }
    line.iter().zip(&keep).filter(|(_, k)| **k).map(|(p, _)| *p).collect()
}

/// `lines` (WGS84) in map metres, broken at invalid positions into pieces of two points or more.
fn pieces<'a>(lines: impl IntoIterator<Item = &'a Vec<LonLat>>, proj: &LocalProjection) -> Vec<Vec<(f64, f64)>> {
    let mut pieces: Vec<Vec<(f64, f64)>> = Vec::new();
    for way in lines {
        let mut piece = Vec::new();
        for p in way {
            if p.is_valid() {
                piece.push(proj.forward(*p));
            } else if !piece.is_empty() {
                pieces.push(std::mem::take(&mut piece));
            }
        }
        pieces.push(piece);
    }
    pieces.retain(|p| p.len() >= 2);
    pieces
}

/// Whether a line is a closed ring (an area's outline): at least three corners, back to its start.
fn closed(line: &[LonLat]) -> bool {
    line.len() >= 4 && line.first() == line.last()
}

impl Basemap {
    /// The basemap of `ways` (WGS84) on the map around `origin`; invalid positions break a line.
    pub fn new(ways: &[Vec<LonLat>], origin: LonLat) -> Basemap {
        Basemap::with_features(ways, &Features::default(), origin)
    }

    /// The basemap of `ways` and the water, railways and parks of `features` (its roads are not
    /// used: the streets are `ways`). Water outlines that close are areas, the rest lines.
    pub fn with_features(ways: &[Vec<LonLat>], features: &Features, origin: LonLat) -> Basemap {
        let proj = LocalProjection::new(origin);
        let streets = pieces(ways, &proj);
        let water = pieces(features.water.iter().filter(|l| closed(l)), &proj);
        let waterways = pieces(features.water.iter().filter(|l| !closed(l)), &proj);
        let parks = pieces(&features.parks, &proj);
        let rail = pieces(&features.rail, &proj);
        let levels = TOLERANCES_M
            .iter()
            .map(|&tol| {
                let Lines { lines, boxes } = Lines::at(&streets, tol);
                StreetLevel {
                    tolerance_m: tol,
                    lines,
                    boxes,
                    water: Lines::at(&water, tol),
                    waterways: Lines::at(&waterways, tol),
                    parks: Lines::at(&parks, tol),
                    rail: Lines::at(&rail, tol),
                }
            })
            .collect();
        Basemap { levels }
    }

    /// Whether there is water, a railway or a park to draw (and to name in the legend): at the
    /// finest level, which keeps every line.
    pub fn features(&self) -> [bool; 3] {
        self.levels.first().map_or([false; 3], |l| {
            [!l.water.lines.is_empty() || !l.waterways.lines.is_empty(), !l.rail.lines.is_empty(), !l.parks.lines.is_empty()]
        })
    }

    /// The level to draw when one screen pixel is `m_per_px` metres: the coarsest whose
    /// tolerance is at most a pixel (the finest if even that is more), `None` when there are no
    /// streets.
    ///
    /// ```
    /// use zhucan::core::planner::session::streets::{Basemap, StreetLevel};
    /// let level = |t: f64| StreetLevel { tolerance_m: t, ..StreetLevel::default() };
    /// let map = Basemap { levels: vec![level(1.0), level(4.0), level(16.0)] };
    /// assert_eq!(map.level_for(5.0).map(|l| l.tolerance_m), Some(4.0));
    /// assert_eq!(map.level_for(0.3).map(|l| l.tolerance_m), Some(1.0));
    /// assert_eq!(map.level_for(100.0).map(|l| l.tolerance_m), Some(16.0));
    /// ```
    pub fn level_for(&self, m_per_px: f64) -> Option<&StreetLevel> {
        self.levels.iter().rev().find(|l| l.tolerance_m <= m_per_px).or_else(|| self.levels.first())
    }

    /// Vertices at the finest level (what the page may have to draw at most).
    pub fn vertices(&self) -> usize {
        self.levels.first().map(|l| l.lines.iter().map(Vec::len).sum()).unwrap_or(0)
    }
}

impl StreetLevel {
    /// An SVG path (y flipped: SVG's y runs down) of the lines touching the rectangle
    /// `x0..x1 × y0..y1` (map metres, y north), and how many vertices it has.
    pub fn path_in(&self, x0: f64, y0: f64, x1: f64, y1: f64) -> (String, usize) {
        path_of(&self.lines, &self.boxes, [x0, y0, x1, y1], true)
    }
}

/// An SVG path (y flipped) of the `lines` whose `boxes` touch `window` (x0, y0, x1, y1), and its
/// vertices: with `cut`, only each line's runs of segments whose extent touches the window (a
/// city-long street seen at street level is drawn as the few blocks in view, not its thousand
/// vertices), otherwise whole lines.
fn path_of(lines: &[Vec<(f32, f32)>], boxes: &[[f32; 4]], [x0, y0, x1, y1]: [f64; 4], cut: bool) -> (String, usize) {
    use std::fmt::Write as _;
    let touches = |a: f32, b: f32, c: f32, d: f32| {
        !(f64::from(a.max(c)) < x0 || f64::from(a.min(c)) > x1 || f64::from(b.max(d)) < y0 || f64::from(b.min(d)) > y1)
    };
    let mut d = String::new();
    let mut n = 0;
    for (line, b) in lines.iter().zip(boxes) {
        if !touches(b[0], b[1], b[2], b[3]) {
            continue;
        }
        // Whether vertex i is drawn, and whether it starts a run.
        let mut last_drawn = None;
        for (i, &(x, y)) in line.iter().enumerate() {
            let segment_in = |j: usize| j + 1 < line.len() && touches(line[j].0, line[j].1, line[j + 1].0, line[j + 1].1);
            let drawn = !cut || segment_in(i) || (i > 0 && segment_in(i - 1));
            if !drawn {
                continue;
            }
            let start = last_drawn != Some(i.wrapping_sub(1)) || (cut && i > 0 && !segment_in(i - 1));
            // + 0.0: a street on the origin's parallel is "0", not "-0".
            let _ = write!(d, "{}{} {}", if start { 'M' } else { 'L' }, x + 0.0, -y + 0.0);
            last_drawn = Some(i);
            n += 1;
        }
    }
    (d, n)
}

fn round1(v: f64) -> f32 {
    ((v * 10.0).round() / 10.0) as f32
}

fn extent(line: &[(f64, f64)]) -> (f64, f64, f64, f64) {
    line.iter().fold((f64::INFINITY, f64::INFINITY, f64::NEG_INFINITY, f64::NEG_INFINITY), |(a, b, c, d), &(x, y)| {
        (a.min(x), b.min(y), c.max(x), d.max(y))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn douglas_peucker_keeps_what_is_farther_than_the_tolerance() {
        // A zigzag 0–100 m east with vertices 3 m, −2 m and 10 m off the straight line.
        let line = [(0.0, 0.0), (20.0, 3.0), (40.0, -2.0), (60.0, 10.0), (100.0, 0.0)];
        // Tolerance 20: every vertex is within 20 m of the end-to-end line; only the ends.
        assert_eq!(simplify(&line, 20.0), vec![(0.0, 0.0), (100.0, 0.0)]);
        // Tolerance 5: (60, 10) is 10 m off and stays. Then against (0,0)–(60,10), the line
        // y = x / 6: (20, 3) is |3 − 3.33| × cos(atan(1/6)) = 0.33 × 0.986 ≈ 0.33 m off,
        // (40, −2) is |−2 − 6.67| × 0.986 ≈ 8.55 m off, so it stays; then (20, 3) against
        // (0,0)–(40,−2) (y = −x / 20): |3 + 1| × 0.9988 ≈ 4.0 m, within 5: dropped.
        assert_eq!(simplify(&line, 5.0), vec![(0.0, 0.0), (40.0, -2.0), (60.0, 10.0), (100.0, 0.0)]);
        // Tolerance 1: (20, 3) (4.0 m off) comes back; nothing is dropped.
        assert_eq!(simplify(&line, 1.0), line.to_vec());
        // Two points and one point are kept as they are.
        assert_eq!(simplify(&line[..2], 100.0), line[..2].to_vec());
        assert_eq!(simplify(&line[..1], 100.0), line[..1].to_vec());
    }

    #[test]
    fn service_areas_are_simplified_per_level_and_specks_left_out() {
        // A street reached along x from 0 to 300 m, its vertices every 50 m moved ±2 m north and
        // south; and a 10 m stub.
        let street = vec![(0.0, 0.0), (50.0, 2.0), (100.0, -2.0), (150.0, 2.0), (200.0, -2.0), (250.0, 2.0), (300.0, 0.0)];
        let stub = vec![(0.0, 0.0), (0.0, 10.0)];
        let levels = Lines::levels(&[street.clone(), stub.clone()]);
        assert_eq!(levels.len(), TOLERANCES_M.len());
        // 1 m: every vertex is 2 m off the chord, all kept; the stub too.
        assert_eq!(levels[0].lines, vec![street.clone(), stub]);
        // 4 m: the bumps (2 m) go, the ends stay; the stub (10 m across) stays, not simplified.
        assert_eq!(levels[1].lines, vec![vec![(0.0, 0.0), (300.0, 0.0)], vec![(0.0, 0.0), (0.0, 10.0)]]);
        // 16 m: the stub is a speck (10 m < 16 m both ways) and is left out; the street's extent kept.
        assert_eq!(levels[2].lines, vec![vec![(0.0, 0.0), (300.0, 0.0)]]);
        assert_eq!(levels[2].boxes, vec![[0.0, -2.0, 300.0, 2.0]]);
    }

    #[test]
    fn levels_drop_specks_and_pick_by_pixel_size() {
        let proj = LocalProjection::new(LonLat::new(113.3, 23.1));
        let at = |x: f64, y: f64| proj.inverse(x, y);
        // A 2 km street with a 3 m kink in the middle, and a 10 m alley.
        let street = vec![at(-1000.0, 0.0), at(0.0, 3.0), at(1000.0, 0.0)];
        let alley = vec![at(0.0, 100.0), at(10.0, 100.0)];
        let map = Basemap::new(&[street, alley, vec![at(5.0, 5.0)]], LonLat::new(113.3, 23.1));
        assert_eq!(map.levels.len(), TOLERANCES_M.len());
        // 1 m: both lines, the kink kept (3 vertices + 2); the lone vertex is no line.
        assert_eq!(map.levels[0].lines.len(), 2);
        assert_eq!(map.vertices(), 5);
        assert!((f64::from(map.levels[0].lines[0][1].1) - 3.0).abs() < 0.05);
        // 4 m: the kink goes (within 4 m), the 10 m alley stays.
        assert_eq!(map.levels[1].lines.iter().map(Vec::len).collect::<Vec<_>>(), vec![2, 2]);
        // 16 m: the alley is a speck (10 m × 0 m) and is left out.
        assert_eq!(map.levels[2].lines.len(), 1);
        // A pixel of 20 m draws the 16 m level; the window east of the street's end draws nothing.
        assert_eq!(map.level_for(20.0).map(|l| l.tolerance_m), Some(16.0));
        let (d, n) = map.levels[1].path_in(-50.0, -50.0, 50.0, 150.0);
        assert_eq!(n, 4, "{d}");
        assert_eq!(d, "M-1000 0L1000 0M0 -100L10 -100");
        assert_eq!(map.levels[1].path_in(1500.0, -50.0, 2000.0, 50.0).1, 0);
        // No water, railway or park.
        assert_eq!(map.features(), [false; 3]);
        assert!(map.levels[0].water.lines.is_empty() && map.levels[0].parks.lines.is_empty());
    }

    #[test]
    fn water_rail_and_parks_at_every_level() {
        let proj = LocalProjection::new(LonLat::new(113.3, 23.1));
        let at = |x: f64, y: f64| proj.inverse(x, y);
        // A lake 200 m × 100 m (closed), a river 1 km long (open), a lake outline the file cut
        // (open: drawn as a line), a pond 10 m across, a park 300 m square, a railway 2 km long.
        let lake = vec![at(0.0, 0.0), at(200.0, 0.0), at(200.0, 100.0), at(0.0, 100.0), at(0.0, 0.0)];
        let river = vec![at(-500.0, -200.0), at(500.0, -200.0)];
        let cut = vec![at(0.0, 300.0), at(50.0, 300.0), at(50.0, 350.0)];
        let pond = vec![at(1000.0, 1000.0), at(1010.0, 1000.0), at(1010.0, 1005.0), at(1000.0, 1000.0)];
        let park = vec![at(-600.0, 0.0), at(-300.0, 0.0), at(-300.0, 300.0), at(-600.0, 300.0), at(-600.0, 0.0)];
        let rail = vec![at(-1000.0, 500.0), at(1000.0, 500.0)];
        let features = Features { roads: Vec::new(), water: vec![lake, river, cut, pond], rail: vec![rail], parks: vec![park] };
        let map = Basemap::with_features(&[], &features, LonLat::new(113.3, 23.1));
        assert_eq!(map.features(), [true, true, true]);
        let finest = &map.levels[0];
        // The lake and the pond are areas; the river and the cut outline are lines.
        assert_eq!((finest.water.lines.len(), finest.waterways.lines.len()), (2, 2));
        assert_eq!(finest.water.lines[0].len(), 5, "the lake's ring, closed");
        assert_eq!(finest.water.lines[0][0], finest.water.lines[0][4]);
        assert_eq!(finest.water.boxes[0], [0.0, 0.0, 200.0, 100.0]);
        assert_eq!((finest.parks.lines.len(), finest.rail.lines.len()), (1, 1));
        // At 16 m the 10 m pond is a speck; the lake stays whole (its corners are 100 m off).
        assert_eq!(map.levels[2].water.lines.len(), 1);
        assert_eq!(map.levels[2].water.lines[0].len(), 5);
        // At 256 m the lake (200 × 100 m) and the cut outline (50 × 50 m) are specks too; the
        // river, the park (300 m across) and the railway stay.
        let coarsest = &map.levels[4];
        assert_eq!(
            (coarsest.water.lines.len(), coarsest.waterways.lines.len(), coarsest.parks.lines.len(), coarsest.rail.lines.len()),
            (0, 1, 1, 1)
        );
        // Drawn only in view, y flipped: the river in a window around it.
        assert_eq!(finest.waterways.path_in(-100.0, -250.0, 100.0, -150.0), ("M-500 200L500 200".to_string(), 2));
        assert_eq!(finest.rail.path_in(-100.0, -250.0, 100.0, -150.0).1, 0);
        // The lake's ring is drawn whole even when only its corner is in view.
        assert_eq!(finest.water.rings_in(150.0, 50.0, 300.0, 300.0).1, 5);
    }

    #[test]
    fn a_long_line_is_cut_to_the_runs_in_view() {
        // A street east along y = 0 with a vertex every 100 m from x = 0 to 1,000, then north
        // to (1000, 1000) with a vertex every 100 m.
        let mut street: Vec<(f32, f32)> = (0..=10).map(|i| (100.0 * i as f32, 0.0)).collect();
        street.extend((1..=10).map(|j| (1000.0, 100.0 * j as f32)));
        let lines = Lines { lines: vec![street], boxes: vec![[0.0, 0.0, 1000.0, 1000.0]] };
        // A window x 250–350 on the street: the segment 200–300 and 300–400 (their ends drawn).
        assert_eq!(lines.path_in(250.0, -10.0, 350.0, 10.0), ("M200 0L300 0L400 0".to_string(), 3));
        // A window at the corner's west and north arms' far ends: two runs, each its own move.
        let (d, n) = lines.path_in(-10.0, -10.0, 1010.0, 50.0);
        assert_eq!(n, 12, "{d}");
        assert!(d.starts_with("M0 0L100 0") && d.ends_with("L1000 0L1000 -100"), "{d}");
        let (d, n) = lines.path_in(50.0, -10.0, 150.0, 10.0);
        assert_eq!((d.as_str(), n), ("M0 0L100 0L200 0", 3));
        // A window along the north arm's top: only its last segment.
        assert_eq!(lines.path_in(-10.0, 950.0, 1010.0, 1010.0), ("M1000 -900L1000 -1000".to_string(), 2));
        // A U (back west along y = 1,000): a window over its two west ends draws two runs.
        let mut u = lines.lines[0].clone();
        u.extend((1..=10).rev().map(|i| (100.0 * (i - 1) as f32, 1000.0)));
        let u = Lines { lines: vec![u], boxes: vec![[0.0, 0.0, 1000.0, 1000.0]] };
        assert_eq!(u.path_in(-10.0, -10.0, 150.0, 1010.0), ("M0 0L100 0L200 0M200 -1000L100 -1000L0 -1000".to_string(), 6));
        // Whole rings ignore the cut.
        assert_eq!(lines.rings_in(250.0, -10.0, 350.0, 10.0).1, 21);
    }
}
