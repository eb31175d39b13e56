//! The road file in the session: read (GeoJSON lines; `.osm.pbf` once `core::io::roads` reads
//! it), its walking network built ([`RoadNetwork`]), and what was read reported; after a run,
//! what the map and the table show of it ([`RoadsView`]): the street basemap, and when the radius
//! is a walk time, each site's people in a straight line and on foot, the points that fell back to
//! the straight line, and the chosen sites' network service areas (the streets reached).

use serde::{Deserialize, Serialize};

use super::super::coverage::{Coverage, PointIndex};
use super::super::data::{Demand, Sites};
use super::super::network::{RoadNetwork, Snap, SnapReport};
use super::streets;
use crate::core::geo::{distance_m, LocalProjection, LonLat};
use crate::core::io::crs::Crs;
use crate::core::io::geojson_in::GeoJsonError;
use crate::core::io::osm::PbfError;
use crate::core::io::roads::{read_any_with_basemap, Basemap, Roads, RoadsError};
use crate::core::io::text::TextError;

/// The default maximum snap distance, metres: a point farther than this from every road is not
/// put on the network (it falls back to the straight line × detour). 300 m is about five minutes
/// at an older person's pace: beyond it the point is likely not on the roads the file has (a
/// village outside the extract, a position in the wrong coordinate system), and walking it to the
/// nearest road would count a path that may not exist.
pub const DEFAULT_MAX_SNAP_M: f64 = 300.0;

/// Why a maximum snap distance typed by the planner was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum SnapDistanceError {
    /// Not a number.
    NotANumber,
    /// Not between [`MIN_SNAP_M`] and [`MAX_SNAP_M`].
    OutOfRange,
}

/// The smallest maximum snap distance accepted, metres.
pub const MIN_SNAP_M: f64 = 1.0;
/// The largest maximum snap distance accepted, metres (beyond, a point is not near the roads).
pub const MAX_SNAP_M: f64 = 5000.0;

/// Reads a maximum snap distance as typed (metres; full-width digits and spaces allowed).
///
/// ```
/// use zhucan::core::planner::session::roads::{parse_max_snap, SnapDistanceError};
/// assert_eq!(parse_max_snap(" 300 "), Ok(300.0));
/// assert_eq!(parse_max_snap("１５０"), Ok(150.0));
/// assert_eq!(parse_max_snap("abc"), Err(SnapDistanceError::NotANumber));
/// assert_eq!(parse_max_snap("0"), Err(SnapDistanceError::OutOfRange));
/// assert_eq!(parse_max_snap("6000"), Err(SnapDistanceError::OutOfRange));
/// ```
pub fn parse_max_snap(text: &str) -> Result<f64, SnapDistanceError> {
    let ascii: String = text
        .trim()
        .chars()
        .map(|c| match c {
            '０'..='９' => char::from(b'0' + (c as u32 - '０' as u32) as u8),
            '．' => '.',
            c => c,
        })
        .collect();
    let v: f64 = ascii.trim().parse().map_err(|_| SnapDistanceError::NotANumber)?;
    if !v.is_finite() {
        return Err(SnapDistanceError::NotANumber);
    }
    if !(MIN_SNAP_M..=MAX_SNAP_M).contains(&v) {
        return Err(SnapDistanceError::OutOfRange);
    }
    Ok(v)
}

/// What was read from a road file.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RoadsReport {
    /// The file's name.
    pub name: String,
    /// The coordinate system it was read in.
    pub crs: Crs,
    /// Walkable lines kept.
    pub lines: usize,
    /// Lines left out as not walkable (motorways, `foot=no`, private roads).
    pub not_walkable: usize,
    /// Features that are not lines (points, polygons).
    pub not_lines: usize,
    /// Nodes of the walking network.
    pub nodes: usize,
    /// Road segments between nodes.
    pub segments: usize,
    /// Disconnected pieces (1: every road reaches every other).
    pub pieces: usize,
    /// Total length of the walkable roads, metres.
    pub length_m: f64,
}

/// Why a road file was refused (the roads in use, if any, stay).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum RoadsProblem {
    /// Over the size limit.
    TooLarge {
        /// Its size, MB.
        mb: u64,
        /// The limit, MB.
        limit_mb: u64,
    },
    /// The file is empty.
    Empty,
    /// Not text (an image, a PDF, an `.osm.pbf` before this build reads them).
    NotText,
    /// Not GeoJSON (what the reader said, in English).
    NotGeoJson {
        /// The reader's words.
        detail: String,
    },
    /// GeoJSON without features.
    NoFeatures,
    /// An OpenStreetMap `.osm.pbf` file that cannot be read (worded by [`PbfError::message`]).
    Pbf(PbfError),
    /// The browser could not read the file (moved or changed since it was chosen); its words.
    Unreadable {
        /// What the browser said.
        detail: String,
    },
    /// No walkable line at all.
    NoRoads {
        /// Lines left out as not walkable.
        not_walkable: usize,
        /// Features that are not lines.
        not_lines: usize,
    },
}

/// The road file in use.
pub(super) struct RoadsInUse {
    /// Its report.
    pub report: RoadsReport,
    /// The walkable lines (WGS84), for the basemap and the service areas.
    pub ways: Vec<Vec<LonLat>>,
    /// The network.
    pub net: RoadNetwork,
    /// The file's water, railways and parks for the basemap (its `roads` left empty: the streets
    /// drawn are the walkable `ways`).
    pub features: Basemap,
}

/// Reads a road file's bytes in `crs` and builds its network.
pub(super) fn read(name: String, bytes: &[u8], crs: Crs, limit_bytes: usize) -> Result<RoadsInUse, RoadsProblem> {
    if bytes.len() > limit_bytes {
        return Err(RoadsProblem::TooLarge { mb: (bytes.len() / 1_048_576) as u64, limit_mb: (limit_bytes / 1_048_576) as u64 });
    }
    // Either format: an OpenStreetMap extract (.osm.pbf, recognised by its first bytes) or GeoJSON lines.
    let (Roads { ways, not_walkable, not_lines }, mut features) = read_any_with_basemap(bytes, crs).map_err(|e| match e {
        RoadsError::TooLarge { mb, limit_mb } => RoadsProblem::TooLarge { mb, limit_mb },
        RoadsError::Text(TextError::Empty) => RoadsProblem::Empty,
        RoadsError::Text(TextError::NotText) => RoadsProblem::NotText,
        RoadsError::GeoJson(GeoJsonError::Invalid(detail)) => RoadsProblem::NotGeoJson { detail },
        RoadsError::GeoJson(GeoJsonError::NoFeatures) => RoadsProblem::NoFeatures,
        RoadsError::Pbf(e) => RoadsProblem::Pbf(e),
    })?;
    if ways.is_empty() {
        return Err(RoadsProblem::NoRoads { not_walkable, not_lines });
    }
    let net = RoadNetwork::build(&ways);
    let report = RoadsReport {
        name,
        crs,
        lines: ways.len(),
        not_walkable,
        not_lines,
        nodes: net.n_nodes(),
        segments: net.n_segments(),
        pieces: net.n_components(),
        length_m: net.total_length_m(),
    };
    // The streets drawn are the walkable ways; the file's other roads are not kept.
    features.roads = Vec::new();
    Ok(RoadsInUse { report, ways, net, features })
}

/// Walking along the roads in a plan: how it was measured and what it changed.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct OnFoot {
    /// The walk, metres (minutes × speed).
    pub walk_m: f64,
    /// The maximum snap distance used, metres.
    pub max_snap_m: f64,
    /// The detour factor used for points off the roads.
    pub detour: f64,
    /// Demand points farther than the snap distance from every road (straight line × detour).
    pub demand_fallback: usize,
    /// Demand points in all.
    pub demand_points: usize,
    /// Candidate sites and existing canteens off the roads (their reach is straight line × detour).
    pub sites_fallback: usize,
    /// For each candidate, older people within the walk in a straight line.
    pub straight: Vec<f64>,
    /// For each candidate, older people reached on foot along the roads.
    pub on_foot: Vec<f64>,
    /// Each chosen site's service area (in the order chosen): the streets reached, as lines in
    /// map metres (x east, y north of the plan's origin).
    pub areas: Vec<Vec<Vec<(f32, f32)>>>,
    /// Each existing canteen's service area (in the file's order, those the plan counted), as
    /// [`OnFoot::areas`].
    #[serde(default)]
    pub existing_areas: Vec<Vec<Vec<(f32, f32)>>>,
}

impl OnFoot {
    /// The share (0–1) of candidate `i`'s straight-line reach lost on foot (rivers, railways,
    /// walls, and the streets' detours); `None` when nobody is within a straight-line walk.
    ///
    /// ```
    /// use zhucan::core::planner::session::roads::OnFoot;
    /// let f = OnFoot { walk_m: 900.0, max_snap_m: 300.0, detour: 1.3, demand_fallback: 0, demand_points: 0,
    ///     sites_fallback: 0, straight: vec![260.0, 0.0], on_foot: vec![130.0, 0.0], areas: Vec::new(),
    ///     existing_areas: Vec::new() };
    /// assert_eq!(f.lost_share(0), Some(0.5));
    /// assert_eq!(f.lost_share(1), None);
    /// ```
    pub fn lost_share(&self, i: usize) -> Option<f64> {
        let straight = *self.straight.get(i)?;
        let on_foot = *self.on_foot.get(i)?;
        (straight > 0.0).then(|| ((straight - on_foot) / straight).clamp(0.0, 1.0))
    }
}

/// What the page shows of the roads after a run.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RoadsView {
    /// The road file.
    pub name: String,
    /// The streets (and the file's water, railways and parks) under the density layer.
    pub basemap: streets::Basemap,
    /// Walking along the roads, when the radius was a walk time.
    pub on_foot: Option<OnFoot>,
}

/// Older people within reach of each site in `coverage`.
pub(super) fn people(demand: &Demand, coverage: &Coverage) -> Vec<f64> {
    (0..coverage.n_sites()).map(|s| coverage.of(s).iter().map(|&i| demand.counts.get(i as usize).copied().unwrap_or(0.0)).sum()).collect()
}

/// Older people within `radius_m` in a straight line of each of `sites`: the sums [`people`]
/// gives over a straight-line coverage, without building and keeping its lists (at 1,000,000
/// points and 5,000 sites at 900 m they are 17 million pairs, about 140 MB).
pub(super) fn people_within(demand: &Demand, sites: &Sites, radius_m: f64) -> Vec<f64> {
    let index = PointIndex::new(&demand.points, radius_m);
    sites
        .points
        .iter()
        .map(|&site| {
            let mut sum = 0.0;
            index.within(site, radius_m, |i, _| sum += demand.counts.get(i as usize).copied().unwrap_or(0.0));
            sum
        })
        .collect()
}

/// The streets reached from `site` within `walk_m` on foot, as lines in the map's metres: every
/// way's piece between two vertices both reached (drawn whole), and the reached part of a piece with one end
/// reached (cut where the walk ends). Empty when the site is off the roads.
pub(super) fn service_area(
    roads: &RoadsInUse,
    vertex_snaps: &[Vec<Option<Snap>>],
    site: LonLat,
    walk_m: f64,
    max_snap_m: f64,
    proj: &LocalProjection,
) -> Vec<Vec<(f32, f32)>> {
    let net = &roads.net;
    let Some(from) = net.snap(site, max_snap_m) else { return Vec::new() };
    let mut search = net.search();
    net.reach(&from, walk_m, &mut search);
    let xy = |p: LonLat| {
        let (x, y) = proj.forward(p);
        (x as f32, y as f32)
    };
    let mut out: Vec<Vec<(f32, f32)>> = Vec::new();
    for (way, snaps) in roads.ways.iter().zip(vertex_snaps) {
        let dist: Vec<f64> =
            snaps.iter().map(|s| s.as_ref().map(|s| net.distance_to(&from, s, &search)).unwrap_or(f64::INFINITY)).collect();
        let mut line: Vec<(f32, f32)> = Vec::new();
        for k in 0..way.len() {
            if dist[k] <= walk_m {
                if line.is_empty() && k > 0 {
                    // The walk comes this far back towards the vertex before.
                    line.push(xy(cut(way[k], way[k - 1], walk_m - dist[k])));
                }
                line.push(xy(way[k]));
            } else if !line.is_empty() {
                // The walk ends on the way to this vertex.
                line.push(xy(cut(way[k - 1], way[k], walk_m - dist[k - 1])));
                out.push(std::mem::take(&mut line));
            }
        }
        out.push(line);
    }
    out.retain(|l| l.len() >= 2);
    out
}

/// The point `left_m` metres from `a` towards `b` (at most `b`).
fn cut(a: LonLat, b: LonLat, left_m: f64) -> LonLat {
    let len = distance_m(a, b);
    if !(len > 0.0) {
        return a;
    }
    let t = (left_m / len).clamp(0.0, 1.0);
    LonLat::new(a.lon + t * (b.lon - a.lon), a.lat + t * (b.lat - a.lat))
}

/// Where each way's vertices are on the network (each vertex is a node: snapped within 1 m).
pub(super) fn vertex_snaps(roads: &RoadsInUse) -> Vec<Vec<Option<Snap>>> {
    roads.ways.iter().map(|w| w.iter().map(|p| roads.net.snap(*p, 1.0)).collect()).collect()
}

/// The snap report of a plan's demand, as [`OnFoot`] counts it.
pub(super) fn on_foot(
    demand: &Demand,
    walk_m: f64,
    max_snap_m: f64,
    detour: f64,
    report: &SnapReport,
    straight: Vec<f64>,
    on_foot: Vec<f64>,
) -> OnFoot {
    OnFoot {
        walk_m,
        max_snap_m,
        detour,
        demand_fallback: report.demand_unsnapped,
        demand_points: demand.points.len(),
        sites_fallback: report.sites_unsnapped,
        straight,
        on_foot,
        areas: Vec::new(),
        existing_areas: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::super::{Reply, Request, Role, Session};
    use super::*;
    use crate::core::planner::settings::{Choices, Radius, Settings};

    const ROADS: &[u8] = include_bytes!("../../../../tests/data/network/river/roads.geojson");
    const DEMAND: &[u8] = include_bytes!("../../../../tests/data/network/river/demand.csv");
    const CANDIDATES: &[u8] = include_bytes!("../../../../tests/data/network/river/candidates.csv");
    const EXISTING: &[u8] = include_bytes!("../../../../tests/data/network/river/existing.csv");

    fn collect(session: &mut Session, request: Request) -> Vec<Reply> {
        let mut out = Vec::new();
        session.handle(request, &mut |r| out.push(r));
        out
    }

    fn load(s: &mut Session, role: Role, name: &str, bytes: &[u8]) {
        let Reply::Opened(o) = collect(s, Request::open(role, name, bytes.to_vec())).remove(0) else { panic!("opened") };
        let replies = collect(s, Request::Import { role, map: o.map, crs: Crs::Wgs84, skip_bad_rows: false });
        assert!(matches!(replies.last(), Some(Reply::Imported(r)) if r.accepted), "{replies:?}");
    }

    fn walk(minutes: f64) -> Settings {
        Settings { radius: Radius::Walking { minutes, speed_m_per_min: 60.0, detour: 1.3 }, k: 1, ..Settings::default() }
    }

    fn plan(s: &mut Session, settings: Settings) -> (super::super::PlanView, Option<RoadsView>) {
        let replies = collect(s, Request::Run { settings, choices: Choices::default() });
        let view = replies.iter().find_map(|r| if let Reply::Planned(v) = r { Some((**v).clone()) } else { None });
        let roads = replies.iter().find_map(|r| if let Reply::Roads(v) = r { Some((**v).clone()) } else { None });
        (view.expect("planned"), roads)
    }

    /// tests/data/network/river/README.md: the figures computed by hand there.
    #[test]
    fn walking_along_a_river_city() {
        let mut s = Session::new();
        load(&mut s, Role::Demand, "demand.csv", DEMAND);
        load(&mut s, Role::Candidates, "candidates.csv", CANDIDATES);
        // Without roads: the straight line × 1.3 (692 m) reaches P1–P4, 260 people.
        let (v, roads) = plan(&mut s, walk(15.0));
        assert_eq!(v.covered_weighted, 260.0);
        assert!(roads.is_none());
        // The roads: 4 walkable lines (the motorway bridge left out, the river not a line).
        let replies = collect(&mut s, Request::Roads { name: "roads.geojson".into(), bytes: ROADS.to_vec(), crs: Crs::Wgs84 });
        assert_eq!(replies[0], Reply::RoadsBuilding { name: "roads.geojson".into() });
        let Reply::RoadsRead(r) = &replies[1] else { panic!("{replies:?}") };
        assert_eq!((r.lines, r.not_walkable, r.not_lines, r.pieces), (5, 1, 1, 1));
        // Nodes: 21 on each bank street, 7 more on each lane (the ends are the streets' vertices);
        // segments: 20 + 20 + 7 + 7 + 1 (the bridge). Length 2 × 2,000 + 2 × 350 + 100 = 4,800 m.
        assert_eq!((r.nodes, r.segments), (56, 55));
        assert!((r.length_m - 4800.0).abs() < 1.0, "{}", r.length_m);
        // On foot: P1 (360 m) and P4 (760 m): 130 people; P2 and P3 are across the river.
        let (v, roads) = plan(&mut s, walk(15.0));
        assert_eq!(v.covered_weighted, 130.0);
        let roads = roads.expect("roads view");
        let f = roads.on_foot.expect("on foot");
        assert_eq!((f.walk_m, f.max_snap_m), (900.0, DEFAULT_MAX_SNAP_M));
        assert_eq!((f.straight.clone(), f.on_foot.clone()), (vec![260.0], vec![130.0]));
        assert_eq!(f.lost_share(0), Some(0.5));
        assert_eq!((f.demand_fallback, f.demand_points, f.sites_fallback), (1, 5, 0), "P5 is 650 m from every road");
        // The service area: nothing north of the river; along 南岸路 from x = −790 to x = 990; all of 南巷.
        let proj = LocalProjection::new(v.origin.expect("origin"));
        let to_local = LocalProjection::new(LonLat::new(113.3, 23.1));
        let pts: Vec<(f64, f64)> =
            f.areas[0].iter().flatten().map(|&(x, y)| to_local.forward(proj.inverse(f64::from(x), f64::from(y)))).collect();
        assert!(pts.iter().all(|p| p.1 < -45.0), "south of the river only");
        let west = pts.iter().map(|p| p.0).fold(f64::INFINITY, f64::min);
        let east = pts.iter().map(|p| p.0).fold(f64::NEG_INFINITY, f64::max);
        let south = pts.iter().map(|p| p.1).fold(f64::INFINITY, f64::min);
        assert!((west + 790.0).abs() < 1.0 && (east - 990.0).abs() < 1.0 && (south + 400.0).abs() < 1.0, "{west} {east} {south}");
        // The streets under the map: every walkable line at the finest level.
        assert_eq!(roads.basemap.levels[0].lines.len(), 5);
        // A metre radius is a straight line even with roads (260 within 900 m), streets still drawn.
        let (v, roads) = plan(&mut s, Settings { radius: Radius::Metres { metres: 900.0 }, k: 1, ..Settings::default() });
        assert_eq!(v.covered_weighted, 260.0);
        assert!(roads.is_some_and(|r| r.on_foot.is_none()));
        // A snap limit of 700 m puts P5 on 南岸路 (650 m off): 10 + 700 + 650 = 1,360 m, still out of reach.
        collect(&mut s, Request::MaxSnap { metres: 700.0 });
        let (_, roads) = plan(&mut s, walk(15.0));
        assert_eq!(roads.and_then(|r| r.on_foot).map(|f| (f.demand_fallback, f.on_foot)), Some((0, vec![130.0])));
        // A broken road file is refused; the roads in use stay.
        let replies = collect(&mut s, Request::Roads { name: "x.geojson".into(), bytes: b"{\"type\":".to_vec(), crs: Crs::Wgs84 });
        assert!(matches!(&replies[1], Reply::RoadsFailed { problem: RoadsProblem::NotGeoJson { .. }, .. }), "{replies:?}");
        let only_motorway = br#"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"highway":"motorway"},"geometry":{"type":"LineString","coordinates":[[113.3,23.1],[113.31,23.1]]}}]}"#;
        let replies = collect(&mut s, Request::Roads { name: "m.geojson".into(), bytes: only_motorway.to_vec(), crs: Crs::Wgs84 });
        assert_eq!(
            replies[1],
            Reply::RoadsFailed { name: "m.geojson".into(), problem: RoadsProblem::NoRoads { not_walkable: 1, not_lines: 0 } }
        );
        let replies = collect(&mut s, Request::Roads { name: "e.geojson".into(), bytes: Vec::new(), crs: Crs::Wgs84 });
        assert_eq!(replies[1], Reply::RoadsFailed { name: "e.geojson".into(), problem: RoadsProblem::Empty });
        assert_eq!(plan(&mut s, walk(15.0)).0.covered_weighted, 130.0);
        // Forgotten: the straight line again.
        assert_eq!(collect(&mut s, Request::ClearRoads), vec![Reply::RoadsCleared]);
        let (v, roads) = plan(&mut s, walk(15.0));
        assert_eq!((v.covered_weighted, roads), (260.0, None));
    }

    /// tests/data/network/river/README.md: the existing canteen 北岸站 and the river drawn.
    #[test]
    fn an_existing_canteens_service_area_and_the_river_on_the_map() {
        let mut s = Session::new();
        load(&mut s, Role::Demand, "demand.csv", DEMAND);
        load(&mut s, Role::Candidates, "candidates.csv", CANDIDATES);
        load(&mut s, Role::Existing, "existing.csv", EXISTING);
        collect(&mut s, Request::Roads { name: "roads.geojson".into(), bytes: ROADS.to_vec(), crs: Crs::Wgs84 });
        let (v, roads) = plan(&mut s, walk(15.0));
        let roads = roads.expect("roads view");
        // The river (a water polygon) is an area at every level down to 64 m (it is 1,900 m × 80 m).
        assert_eq!(roads.basemap.features(), [true, false, false]);
        assert_eq!(roads.basemap.levels[0].water.lines.len(), 1);
        assert_eq!(roads.basemap.levels[0].water.lines[0].len(), 5);
        assert!(roads.basemap.levels[0].waterways.lines.is_empty());
        let f = roads.on_foot.expect("on foot");
        assert_eq!((f.areas.len(), f.existing_areas.len()), (1, 1));
        let proj = LocalProjection::new(v.origin.expect("origin"));
        let to_local = LocalProjection::new(LonLat::new(113.3, 23.1));
        let pts: Vec<(f64, f64)> =
            f.existing_areas[0].iter().flatten().map(|&(x, y)| to_local.forward(proj.inverse(f64::from(x), f64::from(y)))).collect();
        let (xs, ys): (Vec<f64>, Vec<f64>) = pts.iter().copied().unzip();
        let min = |v: &[f64]| v.iter().copied().fold(f64::INFINITY, f64::min);
        let max = |v: &[f64]| v.iter().copied().fold(f64::NEG_INFINITY, f64::max);
        // 北岸路 from x = −990 (10 + 890 m west) to x = 790 (10 + 890 m east), all of 北巷 (to
        // y = 400, 460 m away), and across 西桥 (810 m) 90 m each way along 南岸路.
        assert!((min(&xs) + 990.0).abs() < 1.0 && (max(&xs) - 790.0).abs() < 1.0, "{xs:?}");
        assert!((max(&ys) - 400.0).abs() < 1.0 && (min(&ys) + 50.0).abs() < 1.0, "{ys:?}");
        let south: Vec<f64> = pts.iter().filter(|p| p.1 < 0.0).map(|p| p.0).collect();
        assert!((min(&south) + 890.0).abs() < 1.0 && (max(&south) + 710.0).abs() < 1.0, "{south:?}");
    }

    #[test]
    fn people_in_a_straight_line_without_the_lists() {
        // Points 0, 500 and 1,000 m east of a site (1, 2 and 4 people) and one 600 m north (8).
        let proj = LocalProjection::new(LonLat::new(113.3, 23.1));
        let demand = Demand {
            points: vec![proj.inverse(0.0, 0.0), proj.inverse(500.0, 0.0), proj.inverse(1000.0, 0.0), proj.inverse(0.0, 600.0)],
            counts: vec![1.0, 2.0, 4.0, 8.0],
            ..Demand::default()
        };
        let sites = Sites { points: vec![proj.inverse(0.0, 0.0), proj.inverse(1000.0, 0.0)], ..Sites::default() };
        // 550 m: the site at 0 reaches 0 and 500 (3); the one at 1,000 m reaches 500 and 1,000 (6).
        assert_eq!(people_within(&demand, &sites, 550.0), vec![3.0, 6.0]);
        // 700 m: the first also reaches the point 600 m north (11).
        assert_eq!(people_within(&demand, &sites, 700.0), vec![11.0, 6.0]);
    }

    #[test]
    fn a_file_over_the_limit_is_refused_before_reading() {
        assert_eq!(
            read("big".into(), &[b' '; 2_100_000], Crs::Wgs84, 1_048_576).err(),
            Some(RoadsProblem::TooLarge { mb: 2, limit_mb: 1 })
        );
    }
}
