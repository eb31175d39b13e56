//! Capacitated coverage (issue 15, item 1): a canteen serves at most its capacity in meals a day,
//! so the plan is judged by the meals it can *serve*, not the people it covers.
//!
//! **Demand.** Each layer point ([`super::layers`]: walk-in, and home delivery when set) needs
//! `older people × need share × meals per day` meals a day. The need share is the planner's
//! [`Settings::need_share`], 22.1 % by default: the share of older people who need meal-assistance
//! services in the Ministry of Civil Affairs survey (China Daily, 2024-11-07; `docs/policy-sources.md`
//! §A.0), the figure the scores and the cost estimate already use. People a competitor serves need
//! nothing from the plan.
//!
//! **Supply.** Each open site (existing canteens, always open, and the chosen candidates) serves
//! at most its capacity, from its file, or [`CapacitySettings::default_capacity`] where the file
//! has none (100 meals a day, [`super::access::DEFAULT_CAPACITY`], with its source there).
//!
//! **Who eats where: an optimal assignment, not closest-first alone.** For a given set of open
//! sites the meals served are the maximum flow from the sites (capacity) through the pairs within
//! reach to the points (need): a transportation problem whose value is exact. Closest-first alone
//! (everyone to the nearest canteen with room) can leave people unfed while a canteen has room:
//! when the nearest canteen of someone who has two is filled first, a neighbour who can reach only
//! that one finds it full. So [`assign`] works in three steps:
//! 1. points reached by exactly the same open sites form a group (the flow only sees the group);
//! 2. closest first between groups and sites — the pairs in order of the group's need-weighted
//!    mean distance to the site, each taking what it can (the least-cost method of the
//!    transportation problem) — then meals move along augmenting paths until no path is left:
//!    the total is the maximum, and most groups keep their nearest canteen;
//! 3. within each group, closest first again, point by point (every site of a group reaches every
//!    point of it, so its meals always find room).
//!
//! It does not minimise the total distance walked (a min-cost flow, far slower on a city's pairs);
//! the served total does not depend on it. Per site: meals assigned (walk-in and delivered),
//! utilisation, and the covered people left unserved because it is full (at the maximum, unserved
//! people within reach of a site means that site is full, and so is every other site within their
//! reach).
//!
//! Measured natively on one core (SIMULATED, seeded; capacities not binding everywhere, the hard
//! case): 60,000 demand points, 30 candidates, k = 8, with delivery: 0.45 s for the whole run
//! (101 s in a first version that assigned point by point: far more augmenting paths); 200,000
//! points, 1,000 candidates, k = 50, delivery at 3 km (6 million pairs): 12 s.
//!
//! **Choosing the sites.** The sites maximise served meals: lazy greedy over the marginal gains
//! (a gain is the extra flow a site adds, found by augmenting paths from it alone and undone),
//! then swaps (close a chosen site, try every other, keep the best if it serves more), as long as
//! the arcs looked at stay within a budget (50 per arc of the problem, at least 50 million), so a
//! city-sized problem ends: whether the swaps finished is reported. Demand
//! points reached by exactly the same allowed sites are merged first, as the coverage objective
//! does (exact: the flow only sees the set). Served meals as a function of the open sites is a
//! monotone submodular function — max flow equals min cut, `min over Y ⊆ S of capacity(S \ Y) +
//! need(reach(Y))`, the convolution of a modular function with a coverage function (Lovász 1983;
//! Schrijver 2003, *Combinatorial Optimization*, ch. 44) — so the greedy-gap bound of Nemhauser,
//! Wolsey & Fisher (1978) holds: no `k` sites serve more than `served + the k largest gains`. The
//! bound is also at most what every allowed site open together would serve, and at most the
//! capacity of the existing canteens, the locked sites and the `k` largest other capacities (when
//! every site is full, that is the answer).
//!
//! **A Lagrangian bound on the capacitated problem** ([`lagrangian_bound`]) is usually far
//! tighter. The LP relaxation — meals `x[j][c]` from site `j` to the class `c` of points it
//! reaches, `Σ_c x ≤ cap_j · y_j`, `Σ_j x ≤ need_c`, `0 ≤ y ≤ 1`, `Σ y ≤ k` over the free sites,
//! `y = 1` for existing canteens and locked sites — bounds every choice of `k` sites. Moving the
//! need constraints into the objective with multipliers `λ_c ∈ [0, 1]` leaves
//! `L(λ) = Σ_c λ_c need_c + Σ_open-for-sure v_j(λ) + the k largest v_j(λ) of the free sites`,
//! where `v_j(λ)` is a fractional knapsack: site `j` fills its capacity with the classes of
//! largest `1 − λ_c` (each up to its need). Every `L(λ)` is a bound; `λ = 0` is the coverage bound
//! with each site's contribution capped at its capacity (`Σ min(cap_j, need within reach)`),
//! `λ = 1` the whole need. Why this one: it is the capacitated problem's own LP, solved only as
//! far as a projected subgradient gets it (Polyak steps towards the plan's value, the step halved
//! when the bound stalls) within a work budget of arcs looked at, so a city-sized case ends; each
//! step costs one pass over the arcs, where an LP solver would need the whole matrix in memory;
//! and where sites overlap little or are full, a few steps make it tight (the served meals of
//! the best choice). The bound reported is the smallest of the four. A native test checks it by
//! hand and against brute force on small random cases (never below the best choice), and
//! `tools/capacity-reference.py` (pure Python, the min-cut formula over every subset) checks the
//! served meals.
//!
//! References: Current & Storbeck (1988), *Capacitated covering models*, Environment and Planning
//! B 15(2):153–163; Pirkul & Schilling (1991), *The maximal covering location problem with
//! capacities on total workload*, Management Science 37(2):233–248.

use std::cmp::Ordering;
use std::collections::{BinaryHeap, HashMap};

use serde::{Deserialize, Serialize};

use super::access::{capacities, DEFAULT_CAPACITY};
use super::data::Sites;
use super::layers::{Layer, Layers};
use super::settings::{Choices, Settings};

/// What the capacitated model assumes beyond [`Settings`] (need share, meals a day, k).
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct CapacitySettings {
    /// Meals a day of a site whose file gives no capacity (or one that is not a positive number).
    pub default_capacity: f64,
    /// Swap passes after the greedy choice (0: greedy only).
    pub swap_passes: usize,
}

impl Default for CapacitySettings {
    fn default() -> Self {
        CapacitySettings { default_capacity: DEFAULT_CAPACITY, swap_passes: 5 }
    }
}

/// What an open site is in the plan.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// An existing canteen: required, always open.
    Existing,
    /// A candidate the planner locked in.
    Locked,
    /// A candidate the model chose.
    Chosen,
}

/// One open site's load.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SiteLoad {
    /// Existing canteen, locked or chosen candidate.
    pub role: Role,
    /// Index among the existing canteens (role `existing`) or the candidates.
    pub index: usize,
    /// Meals a day it can serve.
    pub capacity: f64,
    /// Whether the capacity came from its file (else the default).
    pub capacity_from_file: bool,
    /// Meals a day assigned to it.
    pub assigned: f64,
    /// Of which to walk-in people.
    pub assigned_walk_in: f64,
    /// Of which delivered.
    pub assigned_delivery: f64,
    /// Assigned ÷ capacity.
    pub utilisation: f64,
    /// Whether it is full.
    pub full: bool,
    /// Meals a day needed by people within its reach and left unserved because it is full.
    pub covered_unserved: f64,
}

/// The meals of one layer, a day.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct LayerMeals {
    /// Needed by everyone in the layer.
    pub need: f64,
    /// Of which competitors serve.
    pub by_competitors: f64,
    /// Of the rest, needed within reach of an open site.
    pub covered: f64,
    /// Served by the open sites.
    pub served: f64,
}

impl LayerMeals {
    fn add(&mut self, other: &LayerMeals) {
        self.need += other.need;
        self.by_competitors += other.by_competitors;
        self.covered += other.covered;
        self.served += other.served;
    }
}

/// Who eats where for one set of open sites.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Assignment {
    /// Both layers together.
    pub total: LayerMeals,
    /// The walk-in layer.
    pub walk_in: LayerMeals,
    /// The delivery layer, if there is one.
    pub delivery: Option<LayerMeals>,
    /// Capacity of the open sites, meals a day.
    pub capacity_open: f64,
    /// The open sites: existing canteens first, then the candidates in the order given.
    pub sites: Vec<SiteLoad>,
    /// Meals a day served at each demand point (both layers).
    pub point_served: Vec<f64>,
}

/// The capacitated plan.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CapacityPlan {
    /// Chosen candidates: locked first, then in the order chosen.
    pub chosen: Vec<usize>,
    /// Who eats where with them.
    pub assignment: Assignment,
    /// Meals a day the existing canteens alone serve.
    pub existing_served: f64,
    /// Meals a day served by plain greedy (before swaps).
    pub greedy_served: f64,
    /// No choice of the same number of sites (same locks and exclusions) serves more.
    pub upper_bound: f64,
    /// Swaps made.
    pub swaps: usize,
    /// Whether the swap search ran to its end (else it stopped at its budget).
    pub swaps_complete: bool,
}

impl CapacityPlan {
    /// `served / upper_bound`, at most 1: the plan serves at least this share of the best possible.
    pub fn guarantee(&self) -> f64 {
        super::select::guarantee(self.assignment.total.served, self.upper_bound)
    }
}

/// A change the flow can undo.
#[derive(Clone, Copy)]
enum Change {
    Arc(u32, f64),
    Node(u32, f64),
    Site(u32, f64),
}

const NONE: u32 = u32::MAX;

/// The swap search stops after looking at this many arcs per arc of the problem …
const SWAP_WORK_PER_ARC: u64 = 50;
/// … counting at least this many arcs (small problems always finish).
const SWAP_WORK_MIN_ARCS: u64 = 1_000_000;
/// The Lagrangian bound's budget: arcs looked at in all (one pass a step) …
const BOUND_WORK_ARCS: u64 = 200_000_000;
/// … and its steps, at least and at most.
const BOUND_STEPS: (u64, u64) = (10, 300);

/// A certified upper bound on the meals any `k_free` of the `free` sites serve together with the
/// `fixed` ones (existing canteens, locked sites): the smallest `L(λ)` of a projected subgradient
/// search on the Lagrangian of the LP relaxation (module doc), steered towards `served` (what a
/// plan serves). `flow` gives the classes (their need), the sites' capacities and their arcs.
fn lagrangian_bound(flow: &Flow, fixed: &[usize], free: &[usize], k_free: usize, served: f64) -> f64 {
    let n_c = flow.need.len();
    let arcs = flow.arc_node.len() as u64;
    let steps = (BOUND_WORK_ARCS / arcs.max(1)).clamp(BOUND_STEPS.0, BOUND_STEPS.1);
    let total: f64 = flow.need.iter().sum();
    let mut best = total;
    let mut lambda = vec![0.0f64; n_c];
    let mut used = vec![0.0f64; n_c];
    let mut items: Vec<(f64, u32)> = Vec::new();
    // v_j(λ): the fractional knapsack of site `s`; with `take`, adds its meals to `used`.
    let mut knapsack = |s: usize, lambda: &[f64], take: Option<&mut Vec<f64>>| -> f64 {
        items.clear();
        let mut room = flow.cap.get(s).copied().unwrap_or(0.0).max(0.0);
        let mut sum = 0.0;
        for &c in &flow.arc_node[flow.site_off[s]..flow.site_off[s + 1]] {
            let w = 1.0 - lambda[c as usize];
            if w > 0.0 {
                items.push((w, c));
                sum += flow.need[c as usize];
            }
        }
        if sum > room {
            items.sort_unstable_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        }
        let mut value = 0.0;
        let mut take = take;
        for &(w, c) in &items {
            if room <= 0.0 {
                break;
            }
            let x = flow.need[c as usize].min(room);
            room -= x;
            value += w * x;
            if let Some(t) = take.as_deref_mut() {
                t[c as usize] += x;
            }
        }
        value
    };
    let (mut theta, mut stalled) = (1.0f64, 0);
    let mut values: Vec<(f64, usize)> = Vec::with_capacity(free.len());
    for _ in 0..steps {
        let mut l: f64 = lambda.iter().zip(&flow.need).map(|(a, b)| a * b).sum();
        l += fixed.iter().map(|&s| knapsack(s, &lambda, None)).sum::<f64>();
        values.clear();
        values.extend(free.iter().map(|&s| (knapsack(s, &lambda, None), s)));
        let k = k_free.min(values.len());
        if k > 0 && k < values.len() {
            values.select_nth_unstable_by(k - 1, |a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        }
        l += values[..k].iter().map(|v| v.0.max(0.0)).sum::<f64>();
        if l < best - 1e-12 * best.max(1.0) {
            best = l;
            stalled = 0;
        } else {
            stalled += 1;
            if stalled >= 5 {
                theta /= 2.0;
                stalled = 0;
            }
        }
        if best - served <= 1e-9 * best.max(1.0) || theta < 1e-4 {
            break;
        }
        // The subgradient: need − meals the maximiser sends to each class.
        used.iter_mut().for_each(|u| *u = 0.0);
        for &s in fixed.iter().chain(values[..k].iter().filter(|v| v.0 > 0.0).map(|v| &v.1)) {
            knapsack(s, &lambda, Some(&mut used));
        }
        let g2: f64 = flow.need.iter().zip(&used).map(|(n, u)| (n - u) * (n - u)).sum();
        if !(g2 > 0.0) {
            break;
        }
        let t = theta * (l - served).max(1e-9 * l.max(1.0)) / g2;
        for ((a, n), u) in lambda.iter_mut().zip(&flow.need).zip(&used) {
            *a = (*a - t * (n - u)).clamp(0.0, 1.0);
        }
    }
    best
}

/// Sites → nodes with capacities and needs, and a flow between them.
struct Flow {
    cap: Vec<f64>,
    used: Vec<f64>,
    open: Vec<bool>,
    need: Vec<f64>,
    got: Vec<f64>,
    /// Arcs by site (CSR): `arc_node[site_off[s]..site_off[s + 1]]`.
    site_off: Vec<usize>,
    arc_node: Vec<u32>,
    arc_site: Vec<u32>,
    flow: Vec<f64>,
    /// Arcs into each node (CSR of arc indices).
    node_off: Vec<usize>,
    node_arc: Vec<u32>,
    eps: f64,
    mark: Vec<u32>,
    round: u32,
    parent: Vec<u32>,
    queue: Vec<u32>,
    journal: Option<Vec<Change>>,
    /// Arcs looked at so far (the swap search's budget counts them).
    work: u64,
}

impl Flow {
    /// `arcs[s]`: the nodes site `s` reaches (any order, no repeats).
    fn new(cap: Vec<f64>, need: Vec<f64>, arcs: &[Vec<u32>]) -> Flow {
        let n_sites = cap.len();
        let n_nodes = need.len();
        let mut site_off = Vec::with_capacity(n_sites + 1);
        site_off.push(0);
        let mut arc_node = Vec::new();
        let mut arc_site = Vec::new();
        for (s, list) in arcs.iter().enumerate().take(n_sites) {
            arc_node.extend_from_slice(list);
            arc_site.extend(std::iter::repeat_n(s as u32, list.len()));
            site_off.push(arc_node.len());
        }
        while site_off.len() < n_sites + 1 {
            site_off.push(arc_node.len());
        }
        let mut node_off = vec![0usize; n_nodes + 1];
        for &v in &arc_node {
            node_off[v as usize + 1] += 1;
        }
        for v in 0..n_nodes {
            node_off[v + 1] += node_off[v];
        }
        let mut next = node_off.clone();
        let mut node_arc = vec![0u32; arc_node.len()];
        for (a, &v) in arc_node.iter().enumerate() {
            node_arc[next[v as usize]] = a as u32;
            next[v as usize] += 1;
        }
        let total: f64 = need.iter().sum::<f64>() + cap.iter().sum::<f64>();
        let n_arcs = arc_node.len();
        Flow {
            used: vec![0.0; n_sites],
            open: vec![false; n_sites],
            got: vec![0.0; n_nodes],
            flow: vec![0.0; n_arcs],
            eps: 1e-9 * total.max(1.0),
            mark: vec![0; n_sites + n_nodes],
            round: 0,
            parent: vec![NONE; n_sites + n_nodes],
            queue: Vec::new(),
            journal: None,
            work: 0,
            cap,
            need,
            site_off,
            arc_node,
            arc_site,
            node_off,
            node_arc,
        }
    }

    fn n_sites(&self) -> usize {
        self.cap.len()
    }

    fn room(&self, s: usize) -> f64 {
        self.cap[s] - self.used[s]
    }

    fn short(&self, v: usize) -> f64 {
        self.need[v] - self.got[v]
    }

    fn value(&self) -> f64 {
        self.got.iter().sum()
    }

    fn set_arc(&mut self, a: usize, x: f64) {
        if let Some(j) = self.journal.as_mut() {
            j.push(Change::Arc(a as u32, self.flow[a]));
        }
        self.flow[a] = x;
    }

    fn set_node(&mut self, v: usize, x: f64) {
        if let Some(j) = self.journal.as_mut() {
            j.push(Change::Node(v as u32, self.got[v]));
        }
        self.got[v] = x;
    }

    fn set_site(&mut self, s: usize, x: f64) {
        if let Some(j) = self.journal.as_mut() {
            j.push(Change::Site(s as u32, self.used[s]));
        }
        self.used[s] = x;
    }

    /// Moves `delta` along arc `a` from its site to its node, counting it at both ends.
    fn push(&mut self, a: usize, delta: f64) {
        let (s, v) = (self.arc_site[a] as usize, self.arc_node[a] as usize);
        self.set_arc(a, self.flow[a] + delta);
        self.set_node(v, self.got[v] + delta);
        self.set_site(s, self.used[s] + delta);
    }

    /// Site `s`'s room poured into its nodes' shortfalls, arc by arc.
    fn direct(&mut self, s: usize) -> f64 {
        let mut added = 0.0;
        self.work += (self.site_off[s + 1] - self.site_off[s]) as u64;
        for a in self.site_off[s]..self.site_off[s + 1] {
            let room = self.room(s);
            if room <= self.eps {
                break;
            }
            let short = self.short(self.arc_node[a] as usize);
            if short > self.eps {
                let d = room.min(short);
                self.push(a, d);
                added += d;
            }
        }
        added
    }

    fn next_round(&mut self) {
        if self.round == u32::MAX {
            self.mark.iter_mut().for_each(|m| *m = 0);
            self.round = 0;
        }
        self.round += 1;
    }

    /// One shortest augmenting path from the open `sources` with room to a node short of meals;
    /// applies it and returns what it moved (0: none left).
    fn augment_once(&mut self, sources: &[usize]) -> f64 {
        self.next_round();
        let ns = self.n_sites();
        let round = self.round;
        self.queue.clear();
        for &s in sources {
            if s < ns && self.open[s] && self.room(s) > self.eps && self.mark[s] != round {
                self.mark[s] = round;
                self.parent[s] = NONE;
                self.queue.push(s as u32);
            }
        }
        let mut found = None;
        let mut head = 0;
        'search: while head < self.queue.len() {
            let x = self.queue[head] as usize;
            head += 1;
            if x < ns {
                self.work += (self.site_off[x + 1] - self.site_off[x]) as u64;
                for a in self.site_off[x]..self.site_off[x + 1] {
                    let v = self.arc_node[a] as usize;
                    let id = ns + v;
                    if self.mark[id] == round {
                        continue;
                    }
                    self.mark[id] = round;
                    self.parent[id] = a as u32;
                    if self.short(v) > self.eps {
                        found = Some(v);
                        break 'search;
                    }
                    self.queue.push(id as u32);
                }
            } else {
                let v = x - ns;
                self.work += (self.node_off[v + 1] - self.node_off[v]) as u64;
                for k in self.node_off[v]..self.node_off[v + 1] {
                    let a = self.node_arc[k] as usize;
                    let s = self.arc_site[a] as usize;
                    if !self.open[s] || self.flow[a] <= self.eps || self.mark[s] == round {
                        continue;
                    }
                    self.mark[s] = round;
                    self.parent[s] = a as u32;
                    self.queue.push(s as u32);
                }
            }
        }
        let Some(end) = found else { return 0.0 };
        // The bottleneck: the end's shortfall, every arc walked backwards, the root's room.
        let mut delta = self.short(end);
        let mut id = ns + end;
        let root = loop {
            let s = self.arc_site[self.parent[id] as usize] as usize;
            let b = self.parent[s];
            if b == NONE {
                break s;
            }
            delta = delta.min(self.flow[b as usize]);
            id = ns + self.arc_node[b as usize] as usize;
        };
        delta = delta.min(self.room(root));
        if delta <= 0.0 {
            return 0.0;
        }
        let mut id = ns + end;
        loop {
            let a = self.parent[id] as usize;
            self.set_arc(a, self.flow[a] + delta);
            let s = self.arc_site[a] as usize;
            let b = self.parent[s];
            if b == NONE {
                break;
            }
            let b = b as usize;
            self.set_arc(b, self.flow[b] - delta);
            id = ns + self.arc_node[b] as usize;
        }
        self.set_node(end, self.got[end] + delta);
        self.set_site(root, self.used[root] + delta);
        delta
    }

    /// Augments from `sources` (open sites) until no path is left; returns the meals added.
    fn augment(&mut self, sources: &[usize]) -> f64 {
        let mut added = 0.0;
        for &s in sources {
            if s < self.n_sites() && self.open[s] {
                added += self.direct(s);
            }
        }
        loop {
            let d = self.augment_once(sources);
            if d <= 0.0 {
                return added;
            }
            added += d;
        }
    }

    /// Augments from every open site with room.
    fn augment_all(&mut self) -> f64 {
        let sources: Vec<usize> = (0..self.n_sites()).filter(|&s| self.open[s] && self.room(s) > self.eps).collect();
        self.augment(&sources)
    }

    /// Opens `s` and augments from it.
    fn open_site(&mut self, s: usize) -> f64 {
        self.open[s] = true;
        self.augment(&[s])
    }

    /// What opening `s` would add, with the flow left as it was.
    fn gain(&mut self, s: usize) -> f64 {
        if self.open[s] {
            return 0.0;
        }
        self.journal = Some(Vec::new());
        self.open[s] = true;
        let g = self.augment(&[s]);
        self.open[s] = false;
        if let Some(changes) = self.journal.take() {
            for c in changes.into_iter().rev() {
                match c {
                    Change::Arc(a, x) => self.flow[a as usize] = x,
                    Change::Node(v, x) => self.got[v as usize] = x,
                    Change::Site(s, x) => self.used[s as usize] = x,
                }
            }
        }
        g
    }

    /// Closes `s`: its meals are taken back (re-augment to refill what others can).
    fn close_site(&mut self, s: usize) {
        for a in self.site_off[s]..self.site_off[s + 1] {
            let v = self.arc_node[a] as usize;
            self.got[v] -= self.flow[a];
            self.flow[a] = 0.0;
        }
        self.used[s] = 0.0;
        self.open[s] = false;
    }
}

/// Meals a day each layer point needs (0 where a competitor serves it), and what competitors serve.
fn needs(layers: &Layers<'_>, settings: &Settings) -> (Vec<f64>, Vec<f64>) {
    let per = |p: f64| {
        let x = p * settings.need_share * settings.meals_per_day;
        if x.is_finite() && x > 0.0 {
            x
        } else {
            0.0
        }
    };
    let mut need = Vec::with_capacity(layers.len());
    let mut competitors = Vec::with_capacity(layers.len());
    for v in 0..layers.len() {
        let x = per(layers.people[v]);
        if layers.by_competitors[v] {
            need.push(0.0);
            competitors.push(x);
        } else {
            need.push(x);
            competitors.push(0.0);
        }
    }
    (need, competitors)
}

/// The site universe: candidates `0..nc`, then existing canteens `nc..nc + ne`.
struct Universe<'l, 'a> {
    layers: &'l Layers<'a>,
    nc: usize,
    cap: Vec<f64>,
    from_file: Vec<bool>,
}

impl<'l, 'a> Universe<'l, 'a> {
    fn new(layers: &'l Layers<'a>, candidates: &Sites, existing: &Sites, default_capacity: f64) -> Self {
        let nc = layers.candidates.n_sites();
        let ne = layers.existing.n_sites();
        let file_cap = |sites: &Sites, i: usize| sites.capacity.get(i).copied().filter(|c| c.is_finite() && *c > 0.0);
        let mut cap = capacities(candidates, default_capacity);
        cap.resize(nc, default_capacity);
        let mut cap_e = capacities(existing, default_capacity);
        cap_e.resize(ne, default_capacity);
        cap.extend(cap_e);
        let from_file =
            (0..nc).map(|i| file_cap(candidates, i).is_some()).chain((0..ne).map(|i| file_cap(existing, i).is_some())).collect();
        Universe { layers, nc, cap, from_file }
    }

    fn n(&self) -> usize {
        self.cap.len()
    }

    fn list(&self, s: usize) -> (&[u32], &[f32]) {
        if s < self.nc {
            (self.layers.candidates.of(s), self.layers.candidates.distances(s))
        } else {
            (self.layers.existing.of(s - self.nc), self.layers.existing.distances(s - self.nc))
        }
    }
}

/// Layer points reached by exactly the same allowed sites, merged: (the class flow, sites' arcs).
fn class_flow(u: &Universe<'_, '_>, need: &[f64], allowed: &[bool]) -> Flow {
    let n_v = need.len();
    // Transpose: each layer point's allowed sites, in site order.
    let mut off = vec![0usize; n_v + 1];
    for s in (0..u.n()).filter(|&s| allowed[s]) {
        for &v in u.list(s).0 {
            if need[v as usize] > 0.0 {
                off[v as usize + 1] += 1;
            }
        }
    }
    for v in 0..n_v {
        off[v + 1] += off[v];
    }
    let mut next = off.clone();
    let mut sites = vec![0u32; off[n_v]];
    for s in (0..u.n()).filter(|&s| allowed[s]) {
        for &v in u.list(s).0 {
            let v = v as usize;
            if need[v] > 0.0 {
                sites[next[v]] = s as u32;
                next[v] += 1;
            }
        }
    }
    let mut ids: HashMap<&[u32], u32> = HashMap::new();
    let mut class_need: Vec<f64> = Vec::new();
    let mut class_of = vec![NONE; n_v];
    for v in 0..n_v {
        let key = &sites[off[v]..off[v + 1]];
        if key.is_empty() {
            continue;
        }
        let id = *ids.entry(key).or_insert_with(|| {
            class_need.push(0.0);
            (class_need.len() - 1) as u32
        });
        class_need[id as usize] += need[v];
        class_of[v] = id;
    }
    let arcs: Vec<Vec<u32>> = (0..u.n())
        .map(|s| {
            if !allowed[s] {
                return Vec::new();
            }
            let mut list: Vec<u32> = u.list(s).0.iter().map(|&v| class_of[v as usize]).filter(|&c| c != NONE).collect();
            list.sort_unstable();
            list.dedup();
            list
        })
        .collect();
    Flow::new(u.cap.clone(), class_need, &arcs)
}

/// Who eats where when the candidates `chosen` and every existing canteen are open (see the
/// module doc): groups of points reached by the same open sites, closest first between groups and
/// sites, augmenting paths to the maximum, then closest first within each group.
fn assign_in(u: &Universe<'_, '_>, layers: &Layers<'_>, need: &[f64], competitors: &[f64], chosen: &[usize], roles: &[Role]) -> Assignment {
    let nc = u.nc;
    let ne = u.n() - nc;
    let open: Vec<usize> = (nc..u.n()).chain(chosen.iter().copied().filter(|&s| s < nc)).collect();
    let n_v = need.len();
    // Each layer point's open sites with their distances (CSR by point, sites in open order).
    let mut off = vec![0usize; n_v + 1];
    for &s in &open {
        for &v in u.list(s).0 {
            if need[v as usize] > 0.0 {
                off[v as usize + 1] += 1;
            }
        }
    }
    for v in 0..n_v {
        off[v + 1] += off[v];
    }
    let mut next = off.clone();
    let mut reach = vec![(0u32, 0f32); off[n_v]];
    for (local, &s) in open.iter().enumerate() {
        let (list, dist) = u.list(s);
        for (&v, &d) in list.iter().zip(dist) {
            let v = v as usize;
            if need[v] > 0.0 {
                reach[next[v]] = (local as u32, d);
                next[v] += 1;
            }
        }
    }
    // Groups: points reached by exactly the same open sites.
    let mut keys: Vec<u32> = Vec::new();
    let mut ids: HashMap<Vec<u32>, u32> = HashMap::new();
    let mut group_of = vec![NONE; n_v];
    let mut members: Vec<Vec<u32>> = Vec::new();
    let mut group_need: Vec<f64> = Vec::new();
    for v in 0..n_v {
        if off[v] == off[v + 1] {
            continue;
        }
        keys.clear();
        keys.extend(reach[off[v]..off[v + 1]].iter().map(|r| r.0));
        let id = match ids.get(&keys) {
            Some(&id) => id,
            None => {
                let id = members.len() as u32;
                ids.insert(keys.clone(), id);
                members.push(Vec::new());
                group_need.push(0.0);
                id
            }
        };
        group_of[v] = id;
        members[id as usize].push(v as u32);
        group_need[id as usize] += need[v];
    }
    drop(ids);
    // Arcs site → group, with the group's need-weighted mean distance to the site.
    let n_g = members.len();
    let mut arcs: Vec<Vec<u32>> = vec![Vec::new(); open.len()];
    let mut dist_sum: Vec<Vec<f64>> = vec![Vec::new(); open.len()];
    let mut slot = vec![NONE; n_g];
    for local in 0..open.len() {
        let (list, dist) = u.list(open[local]);
        for (&v, &d) in list.iter().zip(dist) {
            let g = group_of[v as usize];
            if g == NONE {
                continue;
            }
            if slot[g as usize] == NONE {
                slot[g as usize] = arcs[local].len() as u32;
                arcs[local].push(g);
                dist_sum[local].push(0.0);
            }
            dist_sum[local][slot[g as usize] as usize] += need[v as usize] * f64::from(d);
        }
        for &g in &arcs[local] {
            slot[g as usize] = NONE;
        }
    }
    let cap: Vec<f64> = open.iter().map(|&s| u.cap[s]).collect();
    let mut flow = Flow::new(cap, group_need.clone(), &arcs);
    flow.open.iter_mut().for_each(|o| *o = true);
    // Closest first between groups and sites, then the maximum.
    let mut order: Vec<(f64, u32, u32)> = Vec::with_capacity(flow.arc_node.len());
    for (local, sums) in dist_sum.iter().enumerate() {
        for (sum, a) in sums.iter().zip(flow.site_off[local]..flow.site_off[local + 1]) {
            let g = flow.arc_node[a] as usize;
            order.push((sum / group_need[g], local as u32, a as u32));
        }
    }
    order.sort_unstable_by(|x, y| x.0.total_cmp(&y.0).then(x.1.cmp(&y.1)).then(x.2.cmp(&y.2)));
    for &(_, s, a) in &order {
        let (room, short) = (flow.room(s as usize), flow.short(flow.arc_node[a as usize] as usize));
        if room > flow.eps && short > flow.eps {
            flow.push(a as usize, room.min(short));
        }
    }
    flow.augment_all();

    // Within each group, closest first: every site of the group reaches every point of it, so
    // its meals always find room.
    let mut got = vec![0.0; n_v];
    let mut by_layer = vec![[0.0f64; 2]; open.len()];
    let mut left = vec![0.0; open.len()];
    let mut pairs: Vec<(f32, u32, u32)> = Vec::new();
    for (g, points) in members.iter().enumerate() {
        for k in flow.node_off[g]..flow.node_off[g + 1] {
            let a = flow.node_arc[k] as usize;
            left[flow.arc_site[a] as usize] = flow.flow[a];
        }
        pairs.clear();
        for &v in points {
            for &(s, d) in &reach[off[v as usize]..off[v as usize + 1]] {
                if left[s as usize] > 0.0 {
                    pairs.push((d, s, v));
                }
            }
        }
        pairs.sort_unstable_by(|x, y| x.0.total_cmp(&y.0).then(x.1.cmp(&y.1)).then(x.2.cmp(&y.2)));
        for &(_, s, v) in &pairs {
            let (s, v) = (s as usize, v as usize);
            let x = left[s].min(need[v] - got[v]);
            if x > 0.0 {
                left[s] -= x;
                got[v] += x;
                by_layer[s][usize::from(layers.layer(v) == Layer::Delivery)] += x;
            }
        }
        for k in flow.node_off[g]..flow.node_off[g + 1] {
            left[flow.arc_site[flow.node_arc[k] as usize] as usize] = 0.0;
        }
    }

    let n = layers.n_points;
    let mut walk_in = LayerMeals::default();
    let mut delivery = LayerMeals::default();
    let mut point_served = vec![0.0; n];
    for v in 0..n_v {
        let m = match layers.layer(v) {
            Layer::WalkIn => &mut walk_in,
            Layer::Delivery => &mut delivery,
        };
        m.need += need[v] + competitors[v];
        m.by_competitors += competitors[v];
        if group_of[v] != NONE {
            m.covered += need[v];
            m.served += got[v];
            point_served[layers.point(v)] += got[v];
        }
    }
    let sites = open
        .iter()
        .enumerate()
        .map(|(local, &s)| {
            let unserved: f64 =
                (flow.site_off[local]..flow.site_off[local + 1]).map(|a| flow.short(flow.arc_node[a] as usize).max(0.0)).sum();
            let capacity = u.cap[s];
            let assigned = flow.used[local];
            let full = flow.room(local) <= flow.eps;
            SiteLoad {
                role: if s >= nc { Role::Existing } else { roles.get(local - ne).copied().unwrap_or(Role::Chosen) },
                index: if s >= nc { s - nc } else { s },
                capacity,
                capacity_from_file: u.from_file[s],
                assigned,
                assigned_walk_in: by_layer[local][0],
                assigned_delivery: by_layer[local][1],
                utilisation: assigned / capacity,
                full,
                covered_unserved: if full { unserved } else { 0.0 },
            }
        })
        .collect();
    let mut total = walk_in.clone();
    if layers.delivery {
        total.add(&delivery);
    }
    Assignment {
        total,
        walk_in,
        delivery: layers.delivery.then_some(delivery),
        capacity_open: open.iter().map(|&s| u.cap[s]).sum(),
        sites,
        point_served,
    }
}

/// Who eats where when the candidates `chosen` (and every existing canteen) are open.
pub fn assign(
    layers: &Layers<'_>,
    candidates: &Sites,
    existing: &Sites,
    chosen: &[usize],
    settings: &Settings,
    options: &CapacitySettings,
) -> Assignment {
    let u = Universe::new(layers, candidates, existing, options.default_capacity);
    let (need, competitors) = needs(layers, settings);
    assign_in(&u, layers, &need, &competitors, chosen, &[])
}

/// A lazy-greedy entry: gain, site (ties: the lower site first), round it was computed in.
struct Entry(f64, usize, usize);

impl PartialEq for Entry {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}

impl Eq for Entry {}

impl PartialOrd for Entry {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Entry {
    fn cmp(&self, other: &Self) -> Ordering {
        self.0.total_cmp(&other.0).then_with(|| other.1.cmp(&self.1))
    }
}

/// The best `settings.k` candidates (locked ones included) for the meals they serve, existing
/// canteens always open, with who eats where.
pub fn capacitated(
    layers: &Layers<'_>,
    candidates: &Sites,
    existing: &Sites,
    settings: &Settings,
    choices: &Choices,
    options: &CapacitySettings,
) -> CapacityPlan {
    let u = Universe::new(layers, candidates, existing, options.default_capacity);
    let nc = u.nc;
    let (need, competitors) = needs(layers, settings);
    let mut allowed = vec![true; u.n()];
    for &s in choices.excluded.iter().filter(|&&s| s < nc) {
        allowed[s] = false;
    }
    let mut locked: Vec<usize> = Vec::new();
    for &s in &choices.locked {
        if s < nc && !locked.contains(&s) {
            locked.push(s);
            allowed[s] = true;
        }
    }
    let free: Vec<usize> = (0..nc).filter(|&s| allowed[s] && !locked.contains(&s)).collect();
    let mut flow = class_flow(&u, &need, &allowed);
    let tol = flow.eps;

    // Existing canteens, then the locked candidates.
    for s in nc..u.n() {
        flow.open[s] = true;
    }
    flow.augment_all();
    let existing_served = flow.value();
    for &s in &locked {
        flow.open_site(s);
    }

    // Lazy greedy: an entry's gain was computed when `round` sites had been picked; gains only
    // fall as sites open (submodularity), so a stale gain is an upper bound.
    let k_free = settings.k.saturating_sub(locked.len());
    let mut round = 0;
    let initial: Vec<f64> = free.iter().map(|&s| flow.gain(s)).collect();
    let mut heap: BinaryHeap<Entry> = free.iter().zip(&initial).map(|(&s, &g)| Entry(g, s, 0)).collect();
    let mut picked: Vec<usize> = Vec::new();
    while picked.len() < k_free {
        let Some(Entry(g, s, at)) = heap.pop() else { break };
        if at != round {
            heap.push(Entry(flow.gain(s), s, round));
            continue;
        }
        if g <= tol {
            heap.push(Entry(g, s, at));
            break;
        }
        flow.open_site(s);
        picked.push(s);
        round += 1;
    }
    let greedy_served = flow.value();

    // Swaps: close one chosen site, open the best other if that serves more; within a budget of
    // arcs looked at, so that a city-sized problem ends.
    let mut swaps = 0;
    let mut value = greedy_served;
    let budget = flow.work + SWAP_WORK_PER_ARC * (flow.arc_node.len() as u64).max(SWAP_WORK_MIN_ARCS);
    let mut swaps_complete = true;
    'passes: for _ in 0..options.swap_passes {
        let mut improved = false;
        for slot in picked.iter_mut() {
            let out = *slot;
            flow.close_site(out);
            flow.augment_all();
            let without = flow.value();
            let mut best: Option<(f64, usize)> = None;
            for &c in &free {
                if flow.open[c] || c == out || without + u.cap[c] <= value + tol {
                    continue;
                }
                if flow.work > budget {
                    swaps_complete = false;
                    flow.open_site(out);
                    break 'passes;
                }
                let g = flow.gain(c);
                if without + g > value + tol && best.is_none_or(|(bg, bc)| g > bg || (g == bg && c < bc)) {
                    best = Some((g, c));
                }
            }
            match best {
                Some((_, c)) => {
                    flow.open_site(c);
                    *slot = c;
                    swaps += 1;
                    improved = true;
                }
                None => {
                    flow.open_site(out);
                }
            }
            value = flow.value();
        }
        if !improved {
            break;
        }
    }

    // The bound: served + the k largest gains (submodularity), found lazily from upper bounds
    // (the greedy's entries when nothing was swapped, else the gains before any pick); at most
    // what every allowed site open together serves; at most the open capacity.
    let mut bounds: BinaryHeap<Entry> =
        if swaps == 0 { heap.into_iter().collect() } else { free.iter().zip(&initial).map(|(&s, &g)| Entry(g, s, 0)).collect() };
    let mut top = Vec::with_capacity(k_free);
    while top.len() < k_free {
        let Some(Entry(g, s, at)) = bounds.pop() else { break };
        if flow.open[s] {
            continue;
        }
        if at == usize::MAX {
            top.push(g);
        } else {
            bounds.push(Entry(flow.gain(s), s, usize::MAX));
        }
    }
    let gap_bound = value + top.iter().sum::<f64>();
    let mut free_caps: Vec<f64> = free.iter().map(|&c| u.cap[c]).collect();
    free_caps.sort_unstable_by(|a, b| b.total_cmp(a));
    let cap_bound: f64 =
        (nc..u.n()).chain(locked.iter().copied()).map(|s| u.cap[s]).sum::<f64>() + free_caps.iter().take(k_free).sum::<f64>();
    for &c in &free {
        flow.open[c] = true;
    }
    flow.augment_all();
    let all_open = flow.value();
    let fixed: Vec<usize> = (nc..u.n()).chain(locked.iter().copied()).collect();
    let lagrangian = lagrangian_bound(&flow, &fixed, &free, k_free, value);
    let upper_bound = gap_bound.min(all_open).min(cap_bound).min(lagrangian).max(value);

    let mut chosen = locked.clone();
    chosen.extend(&picked);
    let roles: Vec<Role> = chosen.iter().enumerate().map(|(i, _)| if i < locked.len() { Role::Locked } else { Role::Chosen }).collect();
    let assignment = assign_in(&u, layers, &need, &competitors, &chosen, &roles);
    CapacityPlan { chosen, assignment, existing_served, greedy_served, upper_bound, swaps, swaps_complete }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::geo::LonLat;
    use crate::core::planner::data::Demand;
    use crate::core::planner::layers::{layers, Lists};
    use crate::core::planner::plan::prepare;

    /// A point `y` metres north of (113° E, 23° N) on the meridian.
    fn north(y: f64) -> LonLat {
        LonLat::new(113.0, 23.0 + (y / 6_371_008.8).to_degrees())
    }

    fn demand(at: &[(f64, f64)]) -> Demand {
        Demand { points: at.iter().map(|&(y, _)| north(y)).collect(), counts: at.iter().map(|&(_, c)| c).collect(), ..Demand::default() }
    }

    fn sites(at: &[(f64, f64)]) -> Sites {
        let n = at.len();
        Sites {
            points: at.iter().map(|&(y, _)| north(y)).collect(),
            names: vec![String::new(); n],
            capacity: at.iter().map(|&(_, c)| c).collect(),
            cost: vec![f64::NAN; n],
            rows: Vec::new(),
        }
    }

    /// Need share 1 and one meal a day, so a point's meals are its people.
    fn every_one(k: usize) -> Settings {
        Settings { need_share: 1.0, k, ..Settings::default() }
    }

    #[test]
    fn demand_spills_over_to_the_second_site_when_the_nearest_is_full() {
        // X (30 people) at y = 100: site A (y = 0, 10 meals) is 100 m away, B (y = 800, 100 meals)
        // 700 m away, both within 1000 m. Closest first: 10 to A (now full), the other 20 spill to
        // B. Served 30 of 30; A at 100 %, B at 20 %.
        let d = demand(&[(100.0, 30.0)]);
        let c = sites(&[(0.0, 10.0), (800.0, 100.0)]);
        let p = prepare(&d, &c, &Sites::default(), 1000.0);
        let l = layers(&d, &[], &Lists { walk: &p, delivery: None, competitors: None }, None);
        let a = assign(&l, &c, &Sites::default(), &[0, 1], &every_one(2), &CapacitySettings::default());
        assert_eq!((a.total.need, a.total.covered, a.total.served), (30.0, 30.0, 30.0));
        let (sa, sb) = (&a.sites[0], &a.sites[1]);
        assert_eq!((sa.index, sa.assigned, sa.utilisation, sa.full), (0, 10.0, 1.0, true));
        assert_eq!((sb.index, sb.assigned, sb.utilisation, sb.full), (1, 20.0, 0.2, false));
        assert_eq!(sa.covered_unserved, 0.0, "nobody is left without a meal");
        assert_eq!(a.point_served, vec![30.0]);
    }

    #[test]
    fn a_full_site_leaves_covered_people_unserved() {
        // One site of 10 meals, 30 people within reach: 10 served, 20 covered but unserved.
        let d = demand(&[(0.0, 12.0), (300.0, 18.0)]);
        let c = sites(&[(100.0, 10.0)]);
        let p = prepare(&d, &c, &Sites::default(), 1000.0);
        let l = layers(&d, &[], &Lists { walk: &p, delivery: None, competitors: None }, None);
        let plan = capacitated(&l, &c, &Sites::default(), &every_one(1), &Choices::default(), &CapacitySettings::default());
        let a = &plan.assignment;
        assert_eq!(plan.chosen, vec![0]);
        assert_eq!((a.total.covered, a.total.served), (30.0, 10.0));
        assert_eq!((a.sites[0].full, a.sites[0].covered_unserved), (true, 20.0));
        // Closest first: the point 100 m away (y = 0) before the one 200 m away (y = 300).
        assert_eq!(a.point_served, vec![10.0, 0.0]);
        // Nothing else could serve more: one site of 10 meals.
        assert_eq!(plan.upper_bound, 10.0);
    }

    #[test]
    fn the_lagrangian_bound_caps_each_site_at_its_capacity_and_meets_the_lp() {
        // Three places 5 km apart (radius 1,000 m): P1 (30 people) at y = 0, P2 (20) at 5,000,
        // P3 (100) at 10,000; candidates on them: A (100 meals), B (100), C (10). k = 1.
        let d = demand(&[(0.0, 30.0), (5000.0, 20.0), (10000.0, 100.0)]);
        let c = sites(&[(0.0, 100.0), (5000.0, 100.0), (10000.0, 10.0)]);
        let p = prepare(&d, &c, &Sites::default(), 1000.0);
        let l = layers(&d, &[], &Lists { walk: &p, delivery: None, competitors: None }, None);
        let plan = capacitated(&l, &c, &Sites::default(), &every_one(1), &Choices::default(), &CapacitySettings::default());
        // A serves 30. The older bounds: greedy gap 30 + 20 = 50, all open 30 + 20 + 10 = 60,
        // capacities 100. Capped at capacity (λ = 0): the best of min(100, 30), min(100, 20),
        // min(10, 100) = 30: proven.
        assert_eq!((plan.chosen.clone(), plan.assignment.total.served), (vec![0], 30.0));
        assert_eq!(plan.upper_bound, 30.0);
        // An existing canteen E (10 meals) at P1 as well: E serves 10, then A or B adds 20: 30 is
        // the best. The greedy gap: 30 + 20 = 50. The LP: E 10 to P1, y_A = 2/3 sends 20 more to
        // P1 (x ≤ 30 y_A), y_B = 1/3 sends 20/3 to P2: 36.67; the Lagrangian dual meets it at
        // λ_P1 = 1/3: 30λ + 10(1 − λ) + max(30(1 − λ), 20) = 10 + 20/3 + 20 = 110/3.
        let e = sites(&[(0.0, 10.0)]);
        let p = prepare(&d, &c, &e, 1000.0);
        let l = layers(&d, &[], &Lists { walk: &p, delivery: None, competitors: None }, None);
        let plan = capacitated(&l, &c, &e, &every_one(1), &Choices::default(), &CapacitySettings::default());
        assert_eq!(plan.assignment.total.served, 30.0);
        assert!(plan.upper_bound >= 110.0 / 3.0 - 1e-9 && plan.upper_bound < 37.5, "{}", plan.upper_bound);
    }

    #[test]
    fn meals_move_so_that_more_are_served_than_closest_first_would() {
        // X (20) at y = 0 reaches A (y = 0, 20 meals) and B (y = 900, 20 meals); Y (20) at
        // y = −900 reaches only A (B is 1800 m away). Closest first gives X its A (0 m) and
        // leaves Y nothing (A full) while B has room: 20 served. The augmenting path
        // B → X → A → Y moves X to B and gives Y its A: 40 served.
        let d = demand(&[(0.0, 20.0), (-900.0, 20.0)]);
        let c = sites(&[(0.0, 20.0), (900.0, 20.0)]);
        let p = prepare(&d, &c, &Sites::default(), 1000.0);
        let l = layers(&d, &[], &Lists { walk: &p, delivery: None, competitors: None }, None);
        let a = assign(&l, &c, &Sites::default(), &[0, 1], &every_one(2), &CapacitySettings::default());
        assert_eq!(a.total.served, 40.0);
        assert_eq!((a.sites[0].assigned, a.sites[1].assigned), (20.0, 20.0));
        assert_eq!(a.point_served, vec![20.0, 20.0]);
    }

    #[test]
    fn existing_canteens_are_open_and_their_capacity_counts() {
        // An existing canteen E (y = 0, 15 meals) and X (40 people at y = 0): E serves 15. One
        // candidate at y = 500 (no capacity in its file: the default, 100) serves the other 25.
        let d = demand(&[(0.0, 40.0)]);
        let c = sites(&[(500.0, f64::NAN)]);
        let e = sites(&[(0.0, 15.0)]);
        let p = prepare(&d, &c, &e, 1000.0);
        let l = layers(&d, &[], &Lists { walk: &p, delivery: None, competitors: None }, None);
        let plan = capacitated(&l, &c, &e, &every_one(1), &Choices::default(), &CapacitySettings::default());
        assert_eq!(plan.existing_served, 15.0);
        assert_eq!(plan.assignment.total.served, 40.0);
        let roles: Vec<(Role, usize, f64, bool)> =
            plan.assignment.sites.iter().map(|s| (s.role, s.index, s.assigned, s.capacity_from_file)).collect();
        assert_eq!(roles, vec![(Role::Existing, 0, 15.0, true), (Role::Chosen, 0, 25.0, false)]);
        assert_eq!(plan.assignment.sites[1].capacity, 100.0);
    }

    #[test]
    fn the_choice_maximises_served_meals_not_covered_people() {
        // Candidate 0 (y = 0) covers 100 people but cooks 10 meals; candidate 1 (y = 5000) covers
        // 40 people and cooks 50. Coverage would pick 0 (100 > 40); meals served pick 1 (40 > 10).
        let d = demand(&[(0.0, 100.0), (5000.0, 40.0)]);
        let c = sites(&[(0.0, 10.0), (5000.0, 50.0)]);
        let p = prepare(&d, &c, &Sites::default(), 1000.0);
        let l = layers(&d, &[], &Lists { walk: &p, delivery: None, competitors: None }, None);
        let plan = capacitated(&l, &c, &Sites::default(), &every_one(1), &Choices::default(), &CapacitySettings::default());
        assert_eq!(plan.chosen, vec![1]);
        assert_eq!(plan.assignment.total.served, 40.0);
        // Locked in, candidate 0 is open whatever it serves; the second pick is then 1.
        let locked = Choices { locked: vec![0], excluded: Vec::new() };
        let plan = capacitated(&l, &c, &Sites::default(), &every_one(2), &locked, &CapacitySettings::default());
        assert_eq!(plan.chosen, vec![0, 1]);
        assert_eq!(plan.assignment.sites[0].role, Role::Locked);
        assert_eq!(plan.assignment.total.served, 50.0);
    }
}
