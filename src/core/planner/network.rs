//! Walking along streets: a road network as a compact graph, points snapped onto its roads, and
//! bounded shortest paths that give the same site → demand lists ([`Coverage`]) as the
//! straight-line radius, so scoring, selection, the bound, costs and exports work unchanged on top.
//!
//! - **Graph.** Every vertex of a walkable way is a node (vertices at the same position are one
//!   node, which is how ways that meet are joined); consecutive vertices are joined by an edge in
//!   both directions (walking ignores one-way rules) whose length is the great-circle distance in
//!   metres between them, so a curved street is as long as its geometry, not its end points. The
//!   adjacency is stored as compressed sparse rows (offsets, targets, lengths): 300,000 nodes take
//!   a few megabytes.
//! - **Snapping** (as r5 does): a point is attached to the nearest point of the nearest road
//!   *segment* (not the nearest node), found through a grid of segments; the walk from the point to
//!   the road is added to the network distance. A point farther from every road than the maximum
//!   snap distance is not snapped; the caller falls back to straight line × detour for it and says
//!   how many did.
//! - **Coverage.** From each site, Dijkstra's algorithm over the graph stops at the walking limit;
//!   a demand point on segment (a, b) is reached at `min(d(a) + |point, a|, d(b) + |point, b|)`
//!   along the road plus its own walk to the road (and directly along the segment when the site is
//!   on the same one). Every path is a chain of great-circle legs, so a network distance is never
//!   shorter than the straight line between the two points.
//!
//! Hand-written rather than a graph crate (petgraph, pathfinding): the search must stop at a bound,
//! start from two half-edges and reuse its buffers across thousands of sites without allocating;
//! that is fifty lines here and a wrapper around any crate.

use std::cmp::Ordering;
use std::collections::{BinaryHeap, HashMap};

use super::coverage::{Coverage, PointIndex};
use crate::core::geo::{distance_m, LocalProjection, LonLat};

/// A walkable road network.
#[derive(Clone, Debug)]
pub struct RoadNetwork {
    /// Node positions.
    nodes: Vec<LonLat>,
    /// Node positions in metres ([`RoadNetwork::projection`]).
    xy: Vec<(f64, f64)>,
    /// `targets[offsets[n]..offsets[n + 1]]` are the neighbours of node `n`.
    offsets: Vec<u32>,
    targets: Vec<u32>,
    lengths: Vec<f32>,
    /// Every segment once (a < b), for snapping.
    segments: Vec<(u32, u32)>,
    projection: LocalProjection,
    grid: SegmentGrid,
    /// The connected part each node belongs to.
    component: Vec<u32>,
    components: usize,
}

/// Where a point meets the network.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Snap {
    /// The segment's end nodes.
    pub a: u32,
    /// The segment's other end.
    pub b: u32,
    /// Metres along the road from the foot of the point to `a`.
    pub to_a: f64,
    /// Metres along the road from the foot of the point to `b`.
    pub to_b: f64,
    /// Metres from the point to the road (the walk onto it).
    pub off_road: f64,
}

/// A way's end this close to another road (metres) meets it there.
const JOIN_M: f64 = 1.0;

/// Joins T-junctions: a way that ends on another road without a shared vertex (common in GIS
/// exports, where lines are not split where they meet) is joined to it there, by splitting that
/// road at the end. Only ends are joined: roads that cross without a shared vertex stay apart, as
/// a flyover and the street under it must.
fn join_t_junctions(xy: &[(f64, f64)], segments: Vec<(u32, u32)>) -> Vec<(u32, u32)> {
    let mut degree = vec![0u32; xy.len()];
    for &(a, b) in &segments {
        degree[a as usize] += 1;
        degree[b as usize] += 1;
    }
    let grid = SegmentGrid::new(xy, &segments);
    // Segment → the ends that split it, with where along it (0–1).
    let mut splits: HashMap<u32, Vec<(f64, u32)>> = HashMap::new();
    for (n, &(px, py)) in xy.iter().enumerate() {
        if degree[n] != 1 {
            continue;
        }
        let n = n as u32;
        let mut best: Option<(f64, u32, f64)> = None;
        grid.near(px, py, JOIN_M, |k| {
            let (a, b) = segments[k as usize];
            if a == n || b == n {
                return;
            }
            let (ax, ay) = xy[a as usize];
            let (bx, by) = xy[b as usize];
            let (dx, dy) = (bx - ax, by - ay);
            let len2 = dx * dx + dy * dy;
            if len2 <= 0.0 {
                return;
            }
            let t = ((px - ax) * dx + (py - ay) * dy) / len2;
            if !(0.0..=1.0).contains(&t) {
                return;
            }
            let d = ((px - ax - t * dx).powi(2) + (py - ay - t * dy).powi(2)).sqrt();
            if d <= JOIN_M && best.is_none_or(|(bd, bk, _)| d < bd || (d == bd && k < bk)) {
                best = Some((d, k, t));
            }
        });
        if let Some((_, k, t)) = best {
            splits.entry(k).or_default().push((t, n));
        }
    }
    if splits.is_empty() {
        return segments;
    }
    let mut out = Vec::with_capacity(segments.len() + splits.len());
    for (k, &(a, b)) in segments.iter().enumerate() {
        match splits.get_mut(&(k as u32)) {
            None => out.push((a, b)),
            Some(at) => {
                at.sort_by(|x, y| x.0.total_cmp(&y.0));
                let mut from = a;
                for &(_, n) in at.iter() {
                    if n != from {
                        out.push((from.min(n), from.max(n)));
                    }
                    from = n;
                }
                if from != b {
                    out.push((from.min(b), from.max(b)));
                }
            }
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// A grid over the segments (in projected metres), for finding the nearest road.
#[derive(Clone, Debug)]
struct SegmentGrid {
    x0: f64,
    y0: f64,
    cell: f64,
    nx: usize,
    ny: usize,
    /// `items[starts[c]..starts[c + 1]]`: the segments touching cell `c`.
    starts: Vec<u32>,
    items: Vec<u32>,
}

/// Grid cells are this many metres wide.
const CELL_M: f64 = 100.0;

impl SegmentGrid {
    fn new(xy: &[(f64, f64)], segments: &[(u32, u32)]) -> SegmentGrid {
        let (mut x0, mut y0, mut x1, mut y1) = (f64::INFINITY, f64::INFINITY, f64::NEG_INFINITY, f64::NEG_INFINITY);
        for &(x, y) in xy {
            x0 = x0.min(x);
            y0 = y0.min(y);
            x1 = x1.max(x);
            y1 = y1.max(y);
        }
        if !x0.is_finite() {
            return SegmentGrid { x0: 0.0, y0: 0.0, cell: CELL_M, nx: 1, ny: 1, starts: vec![0, 0], items: Vec::new() };
        }
        // At most about 4 million cells: a country-sized file gets coarser cells.
        let mut cell = CELL_M;
        while ((x1 - x0) / cell + 1.0) * ((y1 - y0) / cell + 1.0) > 4.0e6 {
            cell *= 2.0;
        }
        let nx = ((x1 - x0) / cell) as usize + 1;
        let ny = ((y1 - y0) / cell) as usize + 1;
        let cells_of = |s: &(u32, u32)| {
            let (ax, ay) = xy[s.0 as usize];
            let (bx, by) = xy[s.1 as usize];
            let cx = |x: f64| (((x - x0) / cell) as usize).min(nx - 1);
            let cy = |y: f64| (((y - y0) / cell) as usize).min(ny - 1);
            (cx(ax.min(bx)), cx(ax.max(bx)), cy(ay.min(by)), cy(ay.max(by)))
        };
        // Counting sort of (cell, segment): each segment in every cell of its bounding box.
        let mut counts = vec![0u32; nx * ny + 1];
        for s in segments {
            let (i0, i1, j0, j1) = cells_of(s);
            for j in j0..=j1 {
                for i in i0..=i1 {
                    counts[j * nx + i + 1] += 1;
                }
            }
        }
        for c in 0..nx * ny {
            counts[c + 1] += counts[c];
        }
        let starts = counts.clone();
        let mut next = counts;
        let mut items = vec![0u32; starts[nx * ny] as usize];
        for (k, s) in segments.iter().enumerate() {
            let (i0, i1, j0, j1) = cells_of(s);
            for j in j0..=j1 {
                for i in i0..=i1 {
                    let c = j * nx + i;
                    items[next[c] as usize] = k as u32;
                    next[c] += 1;
                }
            }
        }
        SegmentGrid { x0, y0, cell, nx, ny, starts, items }
    }

    /// Calls `f` with every segment in the cells within `r` metres of (x, y) (some more than once).
    fn near(&self, x: f64, y: f64, r: f64, mut f: impl FnMut(u32)) {
        let lo = |v: f64, v0: f64, n: usize| (((v - r - v0) / self.cell).floor().max(0.0) as usize).min(n);
        let hi = |v: f64, v0: f64, n: usize| (((v + r - v0) / self.cell).floor().max(-1.0) + 1.0).min(n as f64) as usize;
        let (i0, i1, j0, j1) = (lo(x, self.x0, self.nx), hi(x, self.x0, self.nx), lo(y, self.y0, self.ny), hi(y, self.y0, self.ny));
        for j in j0..j1 {
            for i in i0..i1 {
                let c = j * self.nx + i;
                for &s in &self.items[self.starts[c] as usize..self.starts[c + 1] as usize] {
                    f(s);
                }
            }
        }
    }
}

/// A distance in the search's queue: smallest first.
#[derive(Clone, Copy, PartialEq)]
struct Queued(f64, u32);

impl Eq for Queued {}

impl Ord for Queued {
    fn cmp(&self, other: &Self) -> Ordering {
        other.0.total_cmp(&self.0).then(other.1.cmp(&self.1))
    }
}

impl PartialOrd for Queued {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

/// Reusable buffers for bounded searches: sized once for the network, reset only where touched.
pub struct Search {
    dist: Vec<f64>,
    touched: Vec<u32>,
    heap: BinaryHeap<Queued>,
}

impl RoadNetwork {
    /// Builds the network from the walkable ways' vertex lists (at least two valid positions each;
    /// shorter ones and invalid positions are skipped).
    pub fn build(ways: &[Vec<LonLat>]) -> RoadNetwork {
        let mut index: HashMap<(u64, u64), u32> = HashMap::new();
        let mut nodes: Vec<LonLat> = Vec::new();
        let mut node_of = |p: LonLat, nodes: &mut Vec<LonLat>| -> u32 {
            *index.entry((p.lon.to_bits(), p.lat.to_bits())).or_insert_with(|| {
                nodes.push(p);
                (nodes.len() - 1) as u32
            })
        };
        let mut segments: Vec<(u32, u32)> = Vec::new();
        for way in ways {
            // Nodes only where a segment is made: a lone vertex is no road.
            let mut previous: Option<LonLat> = None;
            for &p in way {
                if !p.is_valid() {
                    previous = None;
                    continue;
                }
                if let Some(q) = previous.filter(|q| *q != p) {
                    let (m, n) = (node_of(q, &mut nodes), node_of(p, &mut nodes));
                    segments.push((m.min(n), m.max(n)));
                }
                previous = Some(p);
            }
        }
        segments.sort_unstable();
        segments.dedup();
        let center = if nodes.is_empty() {
            LonLat::new(0.0, 0.0)
        } else {
            let n = nodes.len() as f64;
            LonLat::new(nodes.iter().map(|p| p.lon).sum::<f64>() / n, nodes.iter().map(|p| p.lat).sum::<f64>() / n)
        };
        let projection = LocalProjection::new(center);
        let xy: Vec<(f64, f64)> = nodes.iter().map(|p| projection.forward(*p)).collect();
        let segments = join_t_junctions(&xy, segments);
        // Adjacency in both directions.
        let mut degree = vec![0u32; nodes.len() + 1];
        for &(a, b) in &segments {
            degree[a as usize + 1] += 1;
            degree[b as usize + 1] += 1;
        }
        for i in 0..nodes.len() {
            degree[i + 1] += degree[i];
        }
        let offsets = degree.clone();
        let mut next = degree;
        let mut targets = vec![0u32; 2 * segments.len()];
        let mut lengths = vec![0f32; 2 * segments.len()];
        for &(a, b) in &segments {
            let len = distance_m(nodes[a as usize], nodes[b as usize]) as f32;
            for (from, to) in [(a, b), (b, a)] {
                let k = next[from as usize] as usize;
                targets[k] = to;
                lengths[k] = len;
                next[from as usize] += 1;
            }
        }
        let grid = SegmentGrid::new(&xy, &segments);
        let mut net =
            RoadNetwork { nodes, xy, offsets, targets, lengths, segments, projection, grid, component: Vec::new(), components: 0 };
        net.label_components();
        net
    }

    fn label_components(&mut self) {
        let n = self.nodes.len();
        let mut component = vec![u32::MAX; n];
        let mut count = 0u32;
        let mut stack = Vec::new();
        for start in 0..n {
            if component[start] != u32::MAX {
                continue;
            }
            component[start] = count;
            stack.push(start as u32);
            while let Some(v) = stack.pop() {
                for &w in self.neighbours(v).0 {
                    if component[w as usize] == u32::MAX {
                        component[w as usize] = count;
                        stack.push(w);
                    }
                }
            }
            count += 1;
        }
        self.component = component;
        self.components = count as usize;
    }

    fn neighbours(&self, v: u32) -> (&[u32], &[f32]) {
        let (s, e) = (self.offsets[v as usize] as usize, self.offsets[v as usize + 1] as usize);
        (&self.targets[s..e], &self.lengths[s..e])
    }

    /// Number of nodes.
    pub fn n_nodes(&self) -> usize {
        self.nodes.len()
    }

    /// Number of road segments.
    pub fn n_segments(&self) -> usize {
        self.segments.len()
    }

    /// Number of separate pieces (a well-connected city has one large piece and a few small ones:
    /// car parks, islands, paths the extract cut off). Kept, and reported.
    pub fn n_components(&self) -> usize {
        self.components
    }

    /// Total length of the roads, metres.
    pub fn total_length_m(&self) -> f64 {
        self.lengths.iter().map(|l| f64::from(*l)).sum::<f64>() / 2.0
    }

    /// Attaches `p` to the nearest road within `max_snap_m`, or `None` if none is that close.
    pub fn snap(&self, p: LonLat, max_snap_m: f64) -> Option<Snap> {
        if !p.is_valid() || self.segments.is_empty() {
            return None;
        }
        let (px, py) = self.projection.forward(p);
        // The grid search is in projected metres; allow a little for the projection's error.
        let reach = max_snap_m * 1.01 + 1.0;
        let mut best: Option<(f64, u32, f64)> = None;
        self.grid.near(px, py, reach, |s| {
            let (a, b) = self.segments[s as usize];
            let (ax, ay) = self.xy[a as usize];
            let (bx, by) = self.xy[b as usize];
            let (dx, dy) = (bx - ax, by - ay);
            let len2 = dx * dx + dy * dy;
            let t = if len2 > 0.0 { (((px - ax) * dx + (py - ay) * dy) / len2).clamp(0.0, 1.0) } else { 0.0 };
            let (fx, fy) = (ax + t * dx, ay + t * dy);
            let d2 = (px - fx).powi(2) + (py - fy).powi(2);
            if best.is_none_or(|(bd, bs, _)| d2 < bd || (d2 == bd && s < bs)) {
                best = Some((d2, s, t));
            }
        });
        let (_, s, t) = best?;
        let (a, b) = self.segments[s as usize];
        let (ax, ay) = self.xy[a as usize];
        let (bx, by) = self.xy[b as usize];
        let foot = self.projection.inverse(ax + t * (bx - ax), ay + t * (by - ay));
        let off_road = distance_m(p, foot);
        if off_road > max_snap_m {
            return None;
        }
        Some(Snap { a, b, to_a: distance_m(foot, self.nodes[a as usize]), to_b: distance_m(foot, self.nodes[b as usize]), off_road })
    }

    /// Buffers for [`RoadNetwork::reach`].
    pub fn search(&self) -> Search {
        Search { dist: vec![f64::INFINITY; self.nodes.len()], touched: Vec::new(), heap: BinaryHeap::new() }
    }

    /// Walks from `from` along the roads up to `limit_m` metres (its own walk onto the road
    /// included); afterwards [`Search::dist`] holds the distance to every node reached.
    pub fn reach(&self, from: &Snap, limit_m: f64, search: &mut Search) {
        for &n in &search.touched {
            search.dist[n as usize] = f64::INFINITY;
        }
        search.touched.clear();
        search.heap.clear();
        for (node, d) in [(from.a, from.off_road + from.to_a), (from.b, from.off_road + from.to_b)] {
            if d <= limit_m && d < search.dist[node as usize] {
                if search.dist[node as usize].is_infinite() {
                    search.touched.push(node);
                }
                search.dist[node as usize] = d;
                search.heap.push(Queued(d, node));
            }
        }
        while let Some(Queued(d, v)) = search.heap.pop() {
            if d > search.dist[v as usize] {
                continue;
            }
            let (targets, lengths) = self.neighbours(v);
            for (&w, &len) in targets.iter().zip(lengths) {
                let nd = d + f64::from(len);
                if nd <= limit_m && nd < search.dist[w as usize] {
                    if search.dist[w as usize].is_infinite() {
                        search.touched.push(w);
                    }
                    search.dist[w as usize] = nd;
                    search.heap.push(Queued(nd, w));
                }
            }
        }
    }

    /// The walking distance from `site` to `point` after [`RoadNetwork::reach`] from `site`
    /// (infinite beyond its limit).
    pub fn distance_to(&self, site: &Snap, point: &Snap, search: &Search) -> f64 {
        let via_a = search.dist[point.a as usize] + point.to_a;
        let via_b = search.dist[point.b as usize] + point.to_b;
        let mut along = via_a.min(via_b) + point.off_road;
        // Both on the same segment: straight along it.
        if (site.a, site.b) == (point.a, point.b) {
            along = along.min(site.off_road + (site.to_a - point.to_a).abs() + point.off_road);
        }
        along
    }

    /// The distance between two snapped points, without a limit (for tests and checks).
    pub fn distance(&self, from: &Snap, to: &Snap) -> f64 {
        let mut s = self.search();
        self.reach(from, f64::INFINITY, &mut s);
        self.distance_to(from, to, &s)
    }
}

/// What snapping found, for the results and the report.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SnapReport {
    /// Demand points farther than the snap limit from every road (straight line × detour for them).
    pub demand_unsnapped: usize,
    /// Sites farther than the limit (straight line × detour from them).
    pub sites_unsnapped: usize,
}

/// For each site, the demand points within `limit_m` metres on foot: the network where both ends
/// are snapped, and straight line × `detour` (the straight-line model's fallback) where either is
/// not.
pub fn network_coverage(
    net: &RoadNetwork,
    demand: &[LonLat],
    sites: &[LonLat],
    limit_m: f64,
    max_snap_m: f64,
    detour: f64,
) -> (Coverage, SnapReport) {
    let snapped = SnappedDemand::new(net, demand, limit_m, max_snap_m, detour);
    let (coverage, sites_unsnapped) = snapped.cover(sites);
    (coverage, SnapReport { demand_unsnapped: snapped.unsnapped(), sites_unsnapped })
}

/// The demand points snapped onto a network once, for every set of sites measured from them (the
/// candidates, the existing canteens, other providers): at a million points the snapping and its
/// look-ups are the largest part of the memory a plan on foot takes, and of the time after the
/// searches.
pub struct SnappedDemand<'a> {
    net: &'a RoadNetwork,
    /// The points snapped: all the caller's, or those near some sites ([`SnappedDemand::near`]).
    demand: std::borrow::Cow<'a, [LonLat]>,
    /// Their ids among the caller's points (`None`: the same).
    ids: Option<Vec<u32>>,
    /// How many points the caller has.
    n_total: usize,
    snaps: Vec<Option<Snap>>,
    /// `node_points[node_start[n]..node_start[n + 1]]` are the snapped points on the segments of
    /// node `n`, by id.
    node_start: Vec<u32>,
    node_points: Vec<u32>,
    /// The valid points not snapped, and a straight-line look-up over them.
    unsnapped: Vec<u32>,
    unsnapped_index: PointIndex,
    /// Every point, for a site that is not snapped (built the first time one is met).
    all_index: std::cell::OnceCell<PointIndex>,
    limit_m: f64,
    max_snap_m: f64,
    detour: f64,
}

impl<'a> SnappedDemand<'a> {
    /// Snaps `demand` onto `net` (within `max_snap_m`) for sites that reach `limit_m` metres on foot,
    /// straight line × `detour` where either end is not snapped.
    pub fn new(net: &'a RoadNetwork, demand: &'a [LonLat], limit_m: f64, max_snap_m: f64, detour: f64) -> SnappedDemand<'a> {
        SnappedDemand::of(net, std::borrow::Cow::Borrowed(demand), None, demand.len(), limit_m, max_snap_m, detour)
    }

    /// As [`SnappedDemand::new`], for the `sites` alone: only the points within `limit_m` in a
    /// straight line of one of them are snapped (a walk is never shorter than the straight line),
    /// and the lists name the points by their ids in `demand`. For a few sites — the plan's
    /// chosen ones and the existing canteens — in a city of a million points: a few per cent of
    /// the snapping's time and memory.
    pub fn near(
        net: &'a RoadNetwork,
        demand: &[LonLat],
        sites: &[LonLat],
        limit_m: f64,
        max_snap_m: f64,
        detour: f64,
    ) -> SnappedDemand<'a> {
        let index = PointIndex::new(sites, limit_m);
        // A metre's margin for rounding: a point on the limit stays in.
        let reach = limit_m + 1.0;
        let ids: Vec<u32> = (0..demand.len() as u32)
            .filter(|&i| {
                let mut near = false;
                index.within(demand[i as usize], reach, |_, _| near = true);
                near
            })
            .collect();
        let points: Vec<LonLat> = ids.iter().map(|&i| demand[i as usize]).collect();
        SnappedDemand::of(net, std::borrow::Cow::Owned(points), Some(ids), demand.len(), limit_m, max_snap_m, detour)
    }

    fn of(
        net: &'a RoadNetwork,
        demand: std::borrow::Cow<'a, [LonLat]>,
        ids: Option<Vec<u32>>,
        n_total: usize,
        limit_m: f64,
        max_snap_m: f64,
        detour: f64,
    ) -> SnappedDemand<'a> {
        let snaps: Vec<Option<Snap>> = demand.iter().map(|p| net.snap(*p, max_snap_m)).collect();
        // Node → the snapped demand points on its segments, as compressed rows.
        let mut node_start = vec![0u32; net.n_nodes() + 1];
        for s in snaps.iter().flatten() {
            node_start[s.a as usize + 1] += 1;
            node_start[s.b as usize + 1] += 1;
        }
        for n in 0..net.n_nodes() {
            node_start[n + 1] += node_start[n];
        }
        let mut fill = node_start.clone();
        let mut node_points = vec![0u32; node_start[net.n_nodes()] as usize];
        for (i, s) in snaps.iter().enumerate() {
            if let Some(s) = s {
                for n in [s.a, s.b] {
                    node_points[fill[n as usize] as usize] = i as u32;
                    fill[n as usize] += 1;
                }
            }
        }
        drop(fill);
        let unsnapped: Vec<u32> =
            (0..demand.len() as u32).filter(|&i| snaps[i as usize].is_none() && demand[i as usize].is_valid()).collect();
        let detour = detour.max(1.0);
        let unsnapped_points: Vec<LonLat> = unsnapped.iter().map(|&i| demand[i as usize]).collect();
        let unsnapped_index = PointIndex::new(&unsnapped_points, limit_m / detour);
        SnappedDemand {
            net,
            demand,
            ids,
            n_total,
            snaps,
            node_start,
            node_points,
            unsnapped,
            unsnapped_index,
            all_index: std::cell::OnceCell::new(),
            limit_m,
            max_snap_m,
            detour,
        }
    }

    /// Valid demand points farther than the snap limit from every road.
    pub fn unsnapped(&self) -> usize {
        self.unsnapped.len()
    }

    /// The points of node `n`'s segments.
    fn at_node(&self, n: u32) -> &[u32] {
        &self.node_points[self.node_start[n as usize] as usize..self.node_start[n as usize + 1] as usize]
    }

    /// For each site, the demand points within reach on foot, and how many sites were not snapped.
    pub fn cover(&self, sites: &[LonLat]) -> (Coverage, usize) {
        let (net, limit_m, detour) = (self.net, self.limit_m, self.detour);
        let straight_limit = limit_m / detour;
        let site_snaps: Vec<Option<Snap>> = sites.iter().map(|p| net.snap(*p, self.max_snap_m)).collect();
        let mut search = net.search();
        let mut seen = vec![u32::MAX; self.demand.len()];
        // The caller's id of a point (the order is kept: the lists stay sorted by either).
        let id = |i: u32| self.ids.as_ref().map_or(i, |ids| ids[i as usize]);
        let coverage = Coverage::from_fn(limit_m, self.n_total, sites.len(), |s, list| {
            let stamp = s as u32;
            match &site_snaps[s] {
                Some(snap) => {
                    net.reach(snap, limit_m, &mut search);
                    // The points on the segments of every node reached, and on the site's own
                    // segment (whose ends the search may not settle when the segment is long).
                    let own = [snap.a, snap.b];
                    for &n in search.touched.iter().chain(&own) {
                        for &i in self.at_node(n) {
                            if seen[i as usize] == stamp {
                                continue;
                            }
                            seen[i as usize] = stamp;
                            if let Some(p) = &self.snaps[i as usize] {
                                let d = net.distance_to(snap, p, &search);
                                if d <= limit_m {
                                    list.push((id(i), d as f32));
                                }
                            }
                        }
                    }
                    self.unsnapped_index
                        .within(sites[s], straight_limit, |k, d| list.push((id(self.unsnapped[k as usize]), (d * detour) as f32)));
                }
                None => {
                    let index = self.all_index.get_or_init(|| PointIndex::new(&self.demand, straight_limit));
                    index.within(sites[s], straight_limit, |i, d| list.push((id(i), (d * detour) as f32)));
                }
            }
        });
        (coverage, site_snaps.iter().filter(|s| s.is_none()).count())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A point `east` and `north` metres from the origin (113.3 E, 23.1 N).
    fn at(east: f64, north: f64) -> LonLat {
        LocalProjection::new(LonLat::new(113.3, 23.1)).inverse(east, north)
    }

    fn close(a: f64, b: f64, tol: f64) -> bool {
        (a - b).abs() <= tol
    }

    /// A river along y = 0 with one bridge at x = 0. Streets on each bank run east-west at
    /// y = ±50 m from x = -1000 to 1000; the bridge joins them at x = 0 (100 m). A person at
    /// (600, 60) and a site at (600, -60) are 120 m apart in a straight line, but on foot they
    /// walk 10 m to the road, 600 m west, 100 m over the bridge, 600 m east and 10 m up: 1,320 m.
    #[test]
    fn a_river_with_one_bridge() {
        let south = vec![at(-1000.0, -50.0), at(0.0, -50.0), at(1000.0, -50.0)];
        let north = vec![at(-1000.0, 50.0), at(0.0, 50.0), at(1000.0, 50.0)];
        let bridge = vec![at(0.0, -50.0), at(0.0, 50.0)];
        let net = RoadNetwork::build(&[south, north, bridge]);
        assert_eq!((net.n_nodes(), net.n_segments(), net.n_components()), (6, 5, 1));
        let person = at(600.0, 60.0);
        let site = at(600.0, -60.0);
        let (p, s) = (net.snap(person, 300.0).expect("snapped"), net.snap(site, 300.0).expect("snapped"));
        assert!(close(p.off_road, 10.0, 0.05) && close(s.off_road, 10.0, 0.05), "{p:?} {s:?}");
        let d = net.distance(&s, &p);
        assert!(close(d, 1320.0, 1.0), "on foot {d} m");
        assert!(close(distance_m(person, site), 120.0, 0.1));
        // Within a 15-minute walk (900 m) in a straight line, not on foot; within 1,400 m on foot.
        let (cov, report) = network_coverage(&net, &[person], &[site], 900.0, 300.0, 1.3);
        assert_eq!((cov.of(0), report.demand_unsnapped), (&[][..], 0));
        let (cov, _) = network_coverage(&net, &[person], &[site], 1400.0, 300.0, 1.3);
        assert_eq!(cov.of(0), &[0]);
        assert!(close(f64::from(cov.distances(0)[0]), 1320.0, 1.0));
        // A person beside the bridge at (10, 20) is snapped onto the bridge itself (10 m off it,
        // 70 m from its south end); from (0, -60) that is 10 m to the south end, 70 m along the
        // bridge and 10 m off it: 90 m.
        let near_bridge = at(10.0, 20.0);
        let q = net.snap(near_bridge, 300.0).expect("snapped");
        assert!(close(q.off_road, 10.0, 0.05), "{q:?}");
        let from_south = net.snap(at(0.0, -60.0), 300.0).expect("snapped");
        assert!(close(net.distance(&from_south, &q), 10.0 + 70.0 + 10.0, 0.5), "{}", net.distance(&from_south, &q));
    }

    /// A dead end: a lane of 300 m off a street. A person at its end is 300 m from the junction,
    /// whatever their straight-line distance to a site on the street.
    #[test]
    fn a_dead_end_and_a_point_beyond_the_snap_limit() {
        let street = vec![at(-500.0, 0.0), at(0.0, 0.0), at(500.0, 0.0)];
        let lane = vec![at(0.0, 0.0), at(0.0, 300.0)];
        let net = RoadNetwork::build(&[street, lane]);
        let site = net.snap(at(200.0, 0.0), 300.0).expect("on the street");
        let end = net.snap(at(0.0, 300.0), 300.0).expect("at the lane's end");
        assert!(close(end.off_road, 0.0, 0.01));
        // 200 m west along the street, 300 m up the lane.
        assert!(close(net.distance(&site, &end), 500.0, 0.5), "{}", net.distance(&site, &end));
        // 600 m away from every road: not snapped with the default 300 m limit.
        let far = at(200.0, 600.0);
        assert_eq!(net.snap(far, 300.0), None);
        // It falls back to straight line × detour: 600 m × 1.3 = 780 m.
        let (cov, report) = network_coverage(&net, &[at(0.0, 300.0), far], &[at(200.0, 0.0)], 800.0, 300.0, 1.3);
        assert_eq!(report, SnapReport { demand_unsnapped: 1, sites_unsnapped: 0 });
        assert_eq!(cov.of(0), &[0, 1]);
        assert!(close(f64::from(cov.distances(0)[1]), 780.0, 0.5));
    }

    /// Walking ignores one-way streets: a footpath is walked both ways, and a way drawn in either
    /// direction gives the same distances.
    #[test]
    fn direction_does_not_matter() {
        let forward = RoadNetwork::build(&[vec![at(0.0, 0.0), at(400.0, 0.0), at(400.0, 300.0)]]);
        let backward = RoadNetwork::build(&[vec![at(400.0, 300.0), at(400.0, 0.0), at(0.0, 0.0)]]);
        for net in [&forward, &backward] {
            let a = net.snap(at(0.0, 0.0), 50.0).expect("a");
            let b = net.snap(at(400.0, 300.0), 50.0).expect("b");
            assert!(close(net.distance(&a, &b), 700.0, 0.5));
            assert!(close(net.distance(&b, &a), 700.0, 0.5));
        }
    }

    /// Two points on one segment walk straight along it, not round by its ends.
    #[test]
    fn same_segment() {
        let net = RoadNetwork::build(&[vec![at(0.0, 0.0), at(1000.0, 0.0)]]);
        let a = net.snap(at(300.0, 5.0), 50.0).expect("a");
        let b = net.snap(at(450.0, -5.0), 50.0).expect("b");
        assert!(close(net.distance(&a, &b), 5.0 + 150.0 + 5.0, 0.3), "{}", net.distance(&a, &b));
        let (cov, _) = network_coverage(&net, &[at(450.0, -5.0)], &[at(300.0, 5.0)], 200.0, 50.0, 1.3);
        assert_eq!(cov.of(0), &[0]);
    }

    /// A lane that ends on a street without a shared vertex (as GIS exports often draw it) meets
    /// the street there; two roads that cross without one (a flyover) do not meet.
    #[test]
    fn t_junctions_join_and_crossings_do_not() {
        let street = vec![at(-500.0, 0.0), at(500.0, 0.0)];
        let lane = vec![at(100.0, 0.0), at(100.0, 200.0)];
        let flyover = vec![at(-200.0, -300.0), at(-200.0, 300.0)];
        let net = RoadNetwork::build(&[street, lane, flyover]);
        // The street split at the lane's end: 3 + 1 segments; the flyover apart.
        assert_eq!((net.n_segments(), net.n_components()), (4, 2));
        let a = net.snap(at(-400.0, 0.0), 10.0).expect("on the street");
        let b = net.snap(at(100.0, 200.0), 10.0).expect("the lane's end");
        assert!(close(net.distance(&a, &b), 500.0 + 200.0, 0.5), "{}", net.distance(&a, &b));
        let c = net.snap(at(-200.0, 250.0), 10.0).expect("on the flyover");
        assert!(net.distance(&a, &c).is_infinite(), "no junction where the flyover crosses");
    }

    /// Separate pieces are kept and counted; nothing crosses between them.
    #[test]
    fn disconnected_pieces() {
        let net = RoadNetwork::build(&[vec![at(0.0, 0.0), at(100.0, 0.0)], vec![at(0.0, 500.0), at(100.0, 500.0)], vec![at(5.0, 5.0)]]);
        assert_eq!(net.n_components(), 2);
        let a = net.snap(at(50.0, 0.0), 50.0).expect("a");
        let b = net.snap(at(50.0, 500.0), 50.0).expect("b");
        assert!(net.distance(&a, &b).is_infinite());
    }
}
