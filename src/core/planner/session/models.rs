//! The planning models on the page (issue 15, `docs/planner-models.md`): who can eat within the
//! sites' capacity, who is reached by home delivery, how fair access is (Gaussian 2SFCA, Gini,
//! Lorenz curve, shares within 5 / 10 / 15 minutes' walk) and the supply-demand ratio (供需比) per
//! site and per 街道. The session computes it after every run ([`models`]); the page draws it.
//!
//! The core functions are the command line's: [`crate::core::planner::layers`] (walk-in and
//! delivery layers), [`crate::core::planner::capacity`] (max-flow assignment, capacitated choice)
//! and [`crate::core::planner::access`] (2SFCA, Gini, Lorenz).

use serde::{Deserialize, Serialize};

use super::super::access::{before_after, capacities, AccessOptions, AccessSummary};
use super::super::capacity::{assign, capacitated, CapacitySettings, LayerMeals, Role};
use super::super::coverage::Coverage;
use super::super::data::{Demand, Sites};
use super::super::layers::{coverage_plan, layers, reach_of, Layers, Lists, Reach};
use super::super::network::{RoadNetwork, SnappedDemand};
use super::super::plan::{prepare, prepare_snapped, PlanResult, Prepared};
use super::super::select::SelectOptions;
use super::super::settings::{Choices, Radius, Settings};
use super::density::DensityGrid;
use crate::core::geo::{LocalProjection, LonLat};
use crate::core::io::boundary::Boundary;

/// The walk times the page reports shares within, minutes.
pub const MINUTES: [f64; 3] = [5.0, 10.0, 15.0];

/// Walking speed for the minutes when the radius is in metres: 60 m a minute, as the walking
/// radius's default (a cautious pace for older pedestrians; [`super::super::settings`]).
pub const SPEED_M_PER_MIN: f64 = 60.0;

/// Street distance ÷ straight-line distance for the minutes when the radius is in metres: 1.3, as
/// the walking radius's default ([`super::super::settings`]).
pub const DETOUR: f64 = 1.3;

/// One open site's meals.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SiteMeals {
    /// Existing canteen, locked or chosen candidate.
    pub role: Role,
    /// Index among the existing canteens or the candidates.
    pub index: usize,
    /// Its name.
    pub name: String,
    /// Meals a day it can serve.
    pub capacity: f64,
    /// The capacity came from its file (else the default).
    pub capacity_from_file: bool,
    /// Meals a day assigned to it.
    pub assigned: f64,
    /// Of which walk-in.
    pub assigned_walk_in: f64,
    /// Of which delivered.
    pub assigned_delivery: f64,
    /// Assigned ÷ capacity.
    pub utilisation: f64,
    /// Full.
    pub full: bool,
    /// Meals a day needed within its reach and left unserved because it is full.
    pub covered_unserved: f64,
    /// Meals a day needed within its reach (walk-in and delivery; not those competitors serve).
    pub need_within: f64,
    /// Supply-demand ratio (供需比): capacity ÷ meals needed within reach (`None`: nobody in reach).
    pub ratio: Option<f64>,
}

/// Meals a day, needed and served, for the open sites.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Meals {
    /// Both layers.
    pub total: LayerMeals,
    /// Walk-in.
    pub walk_in: LayerMeals,
    /// Delivered, with delivery on.
    pub delivery: Option<LayerMeals>,
    /// Capacity of the open sites.
    pub capacity_open: f64,
    /// Served by the existing canteens alone (capacitated choice only).
    pub existing_served: Option<f64>,
    /// No choice of the same number of sites serves more (capacitated choice only).
    pub upper_bound: Option<f64>,
    /// The open sites: existing canteens first, then the chosen candidates.
    pub sites: Vec<SiteMeals>,
}

impl Meals {
    /// Meals needed within reach of an open site but not served (sites full).
    pub fn unserved_covered(&self) -> f64 {
        (self.total.covered - self.total.served).max(0.0)
    }

    /// Meals needed beyond the reach of every open site (competitors' people excluded).
    pub fn uncovered(&self) -> f64 {
        (self.total.need - self.total.by_competitors - self.total.covered).max(0.0)
    }

    /// The plan serves at least this share of what the best choice of as many sites could
    /// (capacitated choice only).
    pub fn guarantee(&self) -> Option<f64> {
        self.upper_bound.map(|b| super::super::select::guarantee(self.total.served, b))
    }
}

/// Home delivery's reach.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DeliveryView {
    /// The column of people who get meals brought home.
    pub column: String,
    /// Delivery radius, metres.
    pub radius_m: f64,
    /// The delivery layer's people and who is reached.
    pub reach: Reach,
}

/// The share of older people within a walk of some minutes, before and after the plan.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct MinutesShare {
    /// Minutes on foot.
    pub minutes: f64,
    /// Share (0–1) with an existing canteen that near.
    pub before: f64,
    /// Share with an existing canteen or a chosen site that near.
    pub after: f64,
}

/// The accessibility score on the density grid's cells, for the map layer.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct AccessGrid {
    /// Each cell's score after the plan (the people-weighted mean of its points; `None`: no
    /// people), row-major from the south-west like [`DensityGrid::counts`].
    pub after: Vec<Option<f64>>,
    /// The same before the plan.
    pub before: Vec<Option<f64>>,
    /// The largest score of any cell, before or after (the legend's top).
    pub max: f64,
}

/// Accessibility and fairness.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AccessView {
    /// The catchment of the Gaussian 2SFCA, metres.
    pub catchment_m: f64,
    /// Existing canteens alone.
    pub before: AccessSummary,
    /// With the chosen sites.
    pub after: AccessSummary,
    /// Shares within 5, 10 and 15 minutes on foot.
    pub minutes: Vec<MinutesShare>,
    /// The walking speed the minutes assume, metres a minute.
    pub speed_m_per_min: f64,
    /// The detour the minutes assume (1 along the roads: the streets are the detour; the
    /// straight line × this for points or sites too far from a road).
    pub detour: f64,
    /// The minutes were walked along the road file's streets (else the straight line × detour).
    #[serde(default)]
    pub on_roads: bool,
    /// The score on the map's grid.
    pub grid: AccessGrid,
}

/// Other meal providers (competitors): never chosen; the older people within their walk-in reach
/// count as already served ([`crate::core::planner::layers`]).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct CompetitorsView {
    /// How many providers.
    pub sites: usize,
    /// Older people within walk-in reach of one of them (counted once).
    pub people: f64,
    /// Their weight in the coverage objective.
    pub weight: f64,
    /// Meals a day those people need (served by the providers, not by the plan).
    pub meals: f64,
    /// Where they are on the map (x, y in metres from the plan's origin, name).
    pub points: Vec<(f64, f64, String)>,
}

/// The supply-demand ratio of one 街道 (an area of the boundary).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AreaRatio {
    /// The area's name.
    pub name: String,
    /// Older people living in it.
    pub people: f64,
    /// Meals a day they need.
    pub need: f64,
    /// Capacity of the open sites in it, meals a day.
    pub capacity: f64,
    /// Open sites in it.
    pub sites: usize,
    /// Capacity ÷ need (`None`: nobody lives in it).
    pub ratio: Option<f64>,
}

/// What the models add to a plan.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ModelsView {
    /// The sites were chosen for the meals served within capacity.
    pub capacitated: bool,
    /// Share of older people needing meals.
    pub need_share: f64,
    /// Meals a day each.
    pub meals_per_day: f64,
    /// Capacity of a site without one, meals a day.
    pub default_capacity: f64,
    /// Existing canteens counted (always open).
    pub existing_required: bool,
    /// Walk-in reach.
    pub walk_in: Reach,
    /// Home delivery's reach, with delivery on.
    pub delivery: Option<DeliveryView>,
    /// Delivery was asked for a column the demand does not have: left off.
    pub delivery_column_missing: bool,
    /// Meals needed and served.
    pub meals: Meals,
    /// Accessibility and fairness.
    pub access: AccessView,
    /// Supply-demand ratio per 街道, when a boundary is loaded.
    pub areas: Vec<AreaRatio>,
    /// Other meal providers, when a file of them is in use.
    #[serde(default)]
    pub competitors: Option<CompetitorsView>,
}

/// Meals needed within each open site's reach (walk-in and delivery lists; competitors' people
/// need nothing from the plan).
fn need_within(layers: &Layers<'_>, settings: &Settings, cov: &Coverage, site: usize) -> f64 {
    if site >= cov.n_sites() {
        return 0.0;
    }
    let per = settings.need_share * settings.meals_per_day;
    cov.of(site)
        .iter()
        .map(|&v| v as usize)
        .filter(|&v| !layers.by_competitors.get(v).copied().unwrap_or(false))
        .map(|v| layers.people.get(v).copied().unwrap_or(0.0) * per)
        .sum()
}

/// Older people with an open site within each of [`MINUTES`] on foot, as shares: the nearest
/// open site's distance × `detour` ÷ `speed` (`detour` 1 when the distances were walked along
/// the roads).
fn minutes_shares(demand: &Demand, near: &Prepared, chosen: &[usize], speed: f64, detour: f64) -> Vec<MinutesShare> {
    let n = demand.points.len();
    let nearest = |lists: &[(&Coverage, Option<&[usize]>)]| {
        let mut best = vec![f64::INFINITY; n];
        for (cov, open) in lists {
            let all: Vec<usize>;
            let open = match open {
                Some(o) => *o,
                None => {
                    all = (0..cov.n_sites()).collect();
                    &all
                }
            };
            for &s in open.iter().filter(|&&s| s < cov.n_sites()) {
                for (&i, &d) in cov.of(s).iter().zip(cov.distances(s)) {
                    if let Some(b) = best.get_mut(i as usize) {
                        *b = b.min(f64::from(d));
                    }
                }
            }
        }
        best
    };
    let before = nearest(&[(&near.existing, None)]);
    let after = nearest(&[(&near.existing, None), (&near.candidates, Some(chosen))]);
    let people = |c: f64| if c.is_finite() && c > 0.0 { c } else { 0.0 };
    let total: f64 = demand.counts.iter().map(|c| people(*c)).sum();
    let share = |dist: &[f64], minutes: f64| {
        if !(total > 0.0) {
            return 0.0;
        }
        let within: f64 =
            demand.counts.iter().zip(dist).filter(|(_, d)| **d * detour / speed <= minutes + 1e-9).map(|(c, _)| people(*c)).sum();
        within / total
    };
    MINUTES.iter().map(|&m| MinutesShare { minutes: m, before: share(&before, m), after: share(&after, m) }).collect()
}

/// The people-weighted mean score of each grid cell.
fn on_grid(grid: &DensityGrid, xy: &[(f64, f64)], people: &[f64], scores: &[f64]) -> Vec<Option<f64>> {
    let cells = grid.nx * grid.ny;
    let (mut w, mut s) = (vec![0.0; cells], vec![0.0; cells]);
    let (cw, ch) = (grid.cell_m, grid.cell_height());
    if !(cw > 0.0 && ch > 0.0) || cells == 0 {
        return Vec::new();
    }
    for ((&(x, y), &p), &a) in xy.iter().zip(people).zip(scores) {
        if !(p.is_finite() && p > 0.0 && a.is_finite()) {
            continue;
        }
        let i = (((x - grid.x0) / cw).max(0.0) as usize).min(grid.nx - 1);
        let j = (((y - grid.y0) / ch).max(0.0) as usize).min(grid.ny - 1);
        w[j * grid.nx + i] += p;
        s[j * grid.nx + i] += p * a;
    }
    w.iter().zip(&s).map(|(w, s)| (*w > 0.0).then(|| s / w)).collect()
}

/// Supply-demand ratio per area of the boundary: the open sites' capacity inside it over the meals
/// its older people need.
fn area_ratios(
    boundary: &Boundary,
    demand: &Demand,
    settings: &Settings,
    open: &[(super::super::super::geo::LonLat, f64)],
) -> Vec<AreaRatio> {
    boundary
        .areas
        .iter()
        .enumerate()
        .map(|(k, area)| {
            let inside = |p| area.polygons.iter().any(|poly| poly.contains(p));
            let people: f64 =
                demand.points.iter().zip(&demand.counts).filter(|(p, c)| c.is_finite() && inside(**p)).map(|(_, c)| c.max(0.0)).sum();
            let need = people * settings.need_share * settings.meals_per_day;
            let here: Vec<f64> = open.iter().filter(|(p, _)| inside(*p)).map(|(_, c)| *c).collect();
            let capacity: f64 = here.iter().sum();
            let name = if area.name.trim().is_empty() { format!("{}", k + 1) } else { area.name.clone() };
            AreaRatio { name, people, need, capacity, sites: here.len(), ratio: (need > 0.0).then(|| capacity / need) }
        })
        .collect()
}

/// Everything a run needs to compute the models.
pub struct Inputs<'a> {
    /// Demand in use (inside the study area).
    pub demand: &'a Demand,
    /// Candidates in use.
    pub candidates: &'a Sites,
    /// Existing canteens counted (empty when not required).
    pub existing: &'a Sites,
    /// Their coverage lists at the service radius.
    pub prepared: &'a Prepared,
    /// The settings.
    pub settings: &'a Settings,
    /// Locked and excluded sites.
    pub choices: &'a Choices,
    /// The study area's boundary, if any.
    pub boundary: Option<&'a Boundary>,
    /// The density grid and the projection it is drawn in.
    pub grid: (&'a DensityGrid, &'a LocalProjection),
    /// Other meal providers and their walk-in coverage lists, if any.
    pub competitors: Option<(&'a Sites, &'a Coverage)>,
    /// The walking network and the maximum snap distance, metres, when the plan walked along
    /// the roads: the minutes are walked along them too.
    pub roads: Option<(&'a RoadNetwork, f64)>,
}

/// Computes the models for a run, and with delivery or the capacitated objective changes the
/// choice in `result` (the chosen sites, what they cover and the curve) to the models' choice.
pub fn models(inp: &Inputs<'_>, result: &mut PlanResult) -> ModelsView {
    let (demand, candidates, existing, settings) = (inp.demand, inp.candidates, inp.existing, inp.settings);
    let m = settings.models;
    let delivery = m.delivery.filter(|d| d.column < demand.extras.len());
    let far = delivery.map(|d| prepare(demand, candidates, existing, d.radius_m.max(inp.prepared.candidates.radius_m)));
    let lists = Lists { walk: inp.prepared, delivery: far.as_ref(), competitors: inp.competitors.map(|(_, c)| c) };
    let layered = layers(demand, &settings.extra_weights, &lists, delivery.as_ref());
    // With delivery the coverage objective counts both layers, and with other providers their
    // people are served already (as `zhucan plan`).
    if delivery.is_some() || inp.competitors.is_some() {
        let plan = coverage_plan(&layered, settings, inp.choices, SelectOptions::default());
        result.selection = plan.selection;
        result.curve = plan.curve;
        result.fewest = plan.fewest;
    }
    let options = CapacitySettings { default_capacity: m.default_capacity, ..CapacitySettings::default() };
    let (assignment, existing_served, upper_bound) = if m.capacitated {
        let plan = capacitated(&layered, candidates, existing, settings, inp.choices, &options);
        // The map, the table and the report show the capacitated choice; what it covers is
        // counted again, and the coverage bound stays a true bound for any choice of as many sites.
        let open = super::super::layers::reached(&layered, &plan.chosen);
        result.selection.covered_weight = open.iter().zip(&layered.weights).filter(|(o, _)| **o).map(|(_, w)| w).sum();
        result.selection.chosen = plan.chosen.clone();
        (plan.assignment.clone(), Some(plan.existing_served), Some(plan.upper_bound.max(plan.assignment.total.served)))
    } else {
        (assign(&layered, candidates, existing, &result.selection.chosen, settings, &options), None, None)
    };
    let chosen = result.selection.chosen.clone();
    let (walk_in, delivery_reach) = reach_of(&layered, &chosen);
    let competitors = inp.competitors.map(|(sites, _)| CompetitorsView {
        sites: sites.points.len(),
        people: walk_in.by_competitors,
        weight: walk_in.by_competitors_weight,
        meals: assignment.total.by_competitors,
        points: sites
            .points
            .iter()
            .enumerate()
            .map(|(i, p)| {
                let (x, y) = inp.grid.1.forward(*p);
                (x, y, sites.names.get(i).cloned().unwrap_or_default())
            })
            .collect(),
    });
    let sites = assignment
        .sites
        .iter()
        .map(|s| {
            let (from, cov) = if s.role == Role::Existing { (existing, &*layered.existing) } else { (candidates, &*layered.candidates) };
            let need = need_within(&layered, settings, cov, s.index);
            SiteMeals {
                role: s.role,
                index: s.index,
                name: from.names.get(s.index).cloned().unwrap_or_default(),
                capacity: s.capacity,
                capacity_from_file: s.capacity_from_file,
                assigned: s.assigned,
                assigned_walk_in: s.assigned_walk_in,
                assigned_delivery: s.assigned_delivery,
                utilisation: s.utilisation,
                full: s.full,
                covered_unserved: s.covered_unserved,
                need_within: need,
                ratio: (need > 0.0).then(|| s.capacity / need),
            }
        })
        .collect();
    let meals = Meals {
        total: assignment.total.clone(),
        walk_in: assignment.walk_in.clone(),
        delivery: assignment.delivery.clone(),
        capacity_open: assignment.capacity_open,
        existing_served,
        upper_bound,
        sites,
    };

    // Accessibility: the Gaussian 2SFCA with the service radius as the catchment.
    let access_options = AccessOptions { catchment_m: None, default_capacity: m.default_capacity, need_share: settings.need_share };
    let access = before_after(demand, candidates, existing, inp.prepared, &chosen, &access_options);
    let (speed, detour) = match settings.radius {
        Radius::Walking { speed_m_per_min, detour, .. } if speed_m_per_min > 0.0 => (speed_m_per_min, detour.max(1.0)),
        _ => (SPEED_M_PER_MIN, DETOUR),
    };
    let longest = MINUTES.iter().copied().fold(0.0, f64::max) * speed;
    // Along the roads: the network distance on foot (straight line × detour where a point or a
    // site is too far from a road), as the plan's coverage; else the straight line × detour.
    // Only the chosen sites' reach counts here, so it is measured from them alone (from every
    // candidate it was a second coverage of 5,000 sites at city scale, on foot 6 s and ~100 MB),
    // and on foot only the points near them are snapped (all of a million: 5 s and ~50 MB).
    let chosen_sites = Sites { points: chosen.iter().filter_map(|&s| candidates.points.get(s).copied()).collect(), ..Sites::default() };
    let open: Vec<usize> = (0..chosen_sites.points.len()).collect();
    let (near, walked) = match inp.roads {
        Some((net, max_snap_m)) => {
            let sites: Vec<LonLat> = chosen_sites.points.iter().chain(&existing.points).copied().collect();
            let snapped = SnappedDemand::near(net, &demand.points, &sites, longest, max_snap_m, detour);
            (prepare_snapped(&snapped, &chosen_sites, existing).0, 1.0)
        }
        None => (prepare(demand, &chosen_sites, existing, longest / detour), detour),
    };
    let minutes = minutes_shares(demand, &near, &open, speed, walked);
    let (grid, proj) = inp.grid;
    let xy: Vec<(f64, f64)> = demand.points.iter().map(|p| proj.forward(*p)).collect();
    let after = on_grid(grid, &xy, &demand.counts, &access.scores_after);
    let before = on_grid(grid, &xy, &demand.counts, &access.scores_before);
    let max = after.iter().chain(&before).flatten().copied().filter(|a| a.is_finite()).fold(0.0, f64::max);

    // Supply-demand ratio per 街道: the open sites inside each area.
    let areas = match inp.boundary {
        Some(b) => {
            let cap_e = capacities(existing, m.default_capacity);
            let cap_c = capacities(candidates, m.default_capacity);
            let open: Vec<_> = existing
                .points
                .iter()
                .copied()
                .zip(cap_e)
                .chain(chosen.iter().filter_map(|&s| Some((*candidates.points.get(s)?, *cap_c.get(s)?))))
                .collect();
            area_ratios(b, demand, settings, &open)
        }
        None => Vec::new(),
    };
    ModelsView {
        capacitated: m.capacitated,
        need_share: settings.need_share,
        meals_per_day: settings.meals_per_day,
        default_capacity: m.default_capacity,
        existing_required: m.existing_required,
        walk_in,
        delivery: match (delivery, delivery_reach) {
            (Some(d), Some(reach)) => {
                Some(DeliveryView { column: demand.extra_names.get(d.column).cloned().unwrap_or_default(), radius_m: d.radius_m, reach })
            }
            _ => None,
        },
        delivery_column_missing: m.delivery.is_some() && delivery.is_none(),
        meals,
        access: AccessView {
            catchment_m: access.catchment_m,
            before: access.before,
            after: access.after,
            minutes,
            speed_m_per_min: speed,
            detour,
            on_roads: inp.roads.is_some(),
            grid: AccessGrid { after, before, max },
        },
        areas,
        competitors,
    }
}

#[cfg(test)]
mod tests {
    use super::super::{Reply, Request, Role, Session};
    use super::*;
    use crate::core::io::crs::Crs;
    use crate::core::planner::form::SettingsForm;

    /// tests/data/capacity/handmade-*: three places on 23.1° N, 0.03° of longitude (about
    /// 3,068 m) apart — 东一 (113.300, 600 older people, 100 of them 失能), 东二 (113.330, 400, none)
    /// and 西一 (113.360, 1,000, 200) — an existing canteen 老食堂 (40 meals a day) 0.0005° (51 m)
    /// east of 东一, and candidates 甲 (30 meals) 51 m from 东二, 乙 (20 meals) 51 m from 西一 and
    /// 丙 (no capacity: the default 100) half-way between 东二 and 西一, 1,534 m from each. Every
    /// other pair is more than 2,900 m apart.
    const DEMAND: &str = include_str!("../../../../tests/data/capacity/handmade-demand.csv");
    const CANDIDATES: &str = include_str!("../../../../tests/data/capacity/handmade-candidates.csv");
    const EXISTING: &str = include_str!("../../../../tests/data/capacity/handmade-existing.csv");
    const STREETS: &str = include_str!("../../../../tests/data/capacity/handmade-streets.geojson");

    fn collect(s: &mut Session, request: Request) -> Vec<Reply> {
        let mut out = Vec::new();
        s.handle(request, &mut |r| out.push(r));
        out
    }

    fn load(s: &mut Session, role: Role, text: &str) {
        let Reply::Opened(o) = collect(s, Request::open(role, "f.csv", text.as_bytes().to_vec())).remove(0) else { panic!("opened") };
        let replies = collect(s, Request::Import { role, map: o.map, crs: Crs::Wgs84, skip_bad_rows: false });
        assert!(matches!(&replies[0], Reply::Imported(r) if r.accepted), "{replies:?}");
    }

    fn session() -> Session {
        let mut s = Session::new();
        load(&mut s, Role::Demand, DEMAND);
        load(&mut s, Role::Candidates, CANDIDATES);
        load(&mut s, Role::Existing, EXISTING);
        s
    }

    /// One site, 10 % need meals (so 东一 needs 60 meals a day, 东二 40, 西一 100), 1,000 m.
    fn form() -> SettingsForm {
        SettingsForm { k: "1".into(), need_percent: "10".into(), ..SettingsForm::default() }
    }

    fn run(s: &mut Session, form: &SettingsForm) -> Box<PlanViewModels> {
        let settings = form.validate(3).expect("valid");
        let replies = collect(s, Request::Run { settings, choices: Choices::default() });
        // The plan (with roads, the roads' view follows it).
        let Some(v) = replies.iter().rev().find_map(|r| if let Reply::Planned(v) = r { Some(v) } else { None }) else {
            panic!("{replies:?}")
        };
        Box::new(PlanViewModels { chosen: v.chosen.clone(), covered: v.covered_weighted, models: *v.models.clone().expect("models") })
    }

    struct PlanViewModels {
        chosen: Vec<usize>,
        covered: f64,
        models: ModelsView,
    }

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-6
    }

    #[test]
    fn coverage_chooses_the_most_people_and_capacity_the_most_meals() {
        let mut s = session();
        // Coverage: 乙 reaches 西一's 1,000 people, 甲 东二's 400: 乙. It serves 20 of 西一's 100
        // meals; 老食堂 40 of 东一's 60: 60 meals a day of the 200 needed.
        let v = run(&mut s, &form());
        assert_eq!(v.chosen, vec![1]);
        let m = &v.models.meals;
        assert!(close(m.total.need, 200.0) && close(m.total.covered, 160.0) && close(m.total.served, 60.0), "{:?}", m.total);
        // Capacity: 甲 adds 30 meals (东二's 40, up to its 30), 乙 20, 丙 nothing on foot: 甲,
        // 70 meals a day, both sites full, 20 + 10 meals unserved within their reach.
        let v = run(&mut s, &SettingsForm { capacitated: true, ..form() });
        assert_eq!(v.chosen, vec![0]);
        let m = &v.models.meals;
        assert!(close(m.total.served, 70.0) && close(m.total.covered, 100.0) && close(m.unserved_covered(), 30.0), "{:?}", m.total);
        assert!(close(m.uncovered(), 100.0));
        // The bound: the greedy gap gives 70 served plus the largest gain left (乙 or 丙, 20
        // each), 90; the Lagrangian bound at λ = 0 caps each site at its capacity: 老食堂
        // min(40, 60) + the best one of 甲 min(30, 40), 乙 min(20, 100), 丙 0 = 70. Proven best.
        assert!(close(m.upper_bound.unwrap_or(0.0), 70.0), "{:?}", m.upper_bound);
        assert!(close(m.guarantee().unwrap_or(0.0), 1.0));
        let names: Vec<&str> = m.sites.iter().map(|x| x.name.as_str()).collect();
        assert_eq!(names, vec!["老食堂", "甲"]);
        let (old, jia) = (&m.sites[0], &m.sites[1]);
        assert_eq!((old.role, old.capacity, old.assigned, old.full), (crate::core::planner::capacity::Role::Existing, 40.0, 40.0, true));
        assert!(close(old.covered_unserved, 20.0) && close(old.utilisation, 1.0));
        // 供需比: 40 meals for 60 needed, 30 for 40.
        assert!(close(old.ratio.unwrap_or(0.0), 40.0 / 60.0) && close(jia.ratio.unwrap_or(0.0), 0.75));
        assert!(jia.capacity_from_file && close(jia.covered_unserved, 10.0));
        // What 甲 and 老食堂 cover: 600 + 400 of 2,000 people.
        assert!(close(v.covered, 1000.0));
    }

    #[test]
    fn home_delivery_is_counted_apart_from_walk_in() {
        let mut s = session();
        // Delivery of 失能 within 2,000 m: the walk-in layer is 500 + 400 + 800 = 1,700 people, the
        // delivery layer 100 + 0 + 200 = 300.
        let delivery = SettingsForm { capacitated: true, delivery: true, delivery_radius_m: "2000".into(), ..form() };
        let v = run(&mut s, &delivery);
        // 甲 still serves the most: 老食堂 40 (东一's 50 walk-in + 10 delivered), 甲 30; 乙 would add
        // 20, 丙 20 delivered to 西一 (1,534 m away).
        assert_eq!(v.chosen, vec![0]);
        let d = v.models.delivery.as_ref().expect("delivery");
        assert_eq!(d.column, "失能");
        assert!(close(d.reach.people, 300.0) && close(d.reach.reached, 100.0), "{:?}", d.reach);
        let w = &v.models.walk_in;
        assert!(close(w.people, 1700.0) && close(w.reached, 900.0), "{w:?}");
        let meals = v.models.meals.delivery.as_ref().expect("delivery meals");
        assert!(close(meals.need, 30.0) && close(meals.covered, 10.0));
        // Coverage with delivery: 乙 reaches 800 walking and 200 by delivery.
        let v = run(&mut s, &SettingsForm { capacitated: false, ..delivery });
        assert_eq!(v.chosen, vec![1]);
        assert!(close(v.models.delivery.as_ref().map_or(0.0, |d| d.reach.reached), 300.0));
        // A column the demand does not have: delivery left off, and said so.
        let v = run(&mut s, &SettingsForm { delivery: true, delivery_column: 5, ..form() });
        assert!(v.models.delivery.is_none() && v.models.delivery_column_missing);
    }

    #[test]
    fn accessibility_gini_and_minutes_by_hand() {
        let mut s = session();
        let v = run(&mut s, &SettingsForm { capacitated: true, ..form() });
        let a = &v.models.access;
        // Each site has one place within its 1,000 m catchment, so a place's score is the site's
        // capacity over the place's need, whatever the decay: 东一 40 / 60, 东二 30 / 40, 西一 0.
        // Before (老食堂 alone): 600 people at 2/3, 1,400 at 0. Lorenz corners (0, 0), (0.7, 0),
        // (1, 1): Gini = 1 − 0.3 × 1 = 0.7.
        assert!(close(a.before.gini.unwrap_or(0.0), 0.7), "{:?}", a.before.gini);
        // After: 1,000 at 0, 600 at 2/3 (400 meal-units), 400 at 0.75 (300): corners (0, 0),
        // (0.5, 0), (0.8, 4/7), (1, 1); Gini = 1 − (0.3 × 4/7 + 0.2 × 11/7) = 1 − 3.4/7 = 0.5142857.
        assert!(close(a.after.gini.unwrap_or(0.0), 1.0 - 3.4 / 7.0), "{:?}", a.after.gini);
        assert_eq!(a.after.lorenz.len(), 21);
        // Mean score: (600 × 2/3 + 400 × 0.75) / 2,000 = 700 / 2,000 = 0.35 meals a day each.
        assert!(close(a.after.mean, 0.35));
        // On foot at 60 m a minute with a detour of 1.3, 51 m is 1.1 minutes: 东一 (30 %) before,
        // 东一 and 东二 (50 %) after, within 5, 10 and 15 minutes alike.
        let shares: Vec<(f64, f64, f64)> = a.minutes.iter().map(|m| (m.minutes, m.before, m.after)).collect();
        assert_eq!(shares, vec![(5.0, 0.3, 0.5), (10.0, 0.3, 0.5), (15.0, 0.3, 0.5)]);
        assert!(close(a.grid.max, 0.75));
    }

    #[test]
    fn minutes_are_walked_along_the_roads_when_the_plan_is() {
        let mut s = session();
        // tests/data/capacity/handmade-roads.geojson: one footway from 老食堂 north 0.003° (333.6 m),
        // west 0.0005° (51.1 m at 23.103° N) and south 0.003° to 东一: 718.3 m, 11.97 minutes at
        // 60 m a minute; 51 m in a straight line. Every other place and site is over 300 m from
        // it (the snap limit): straight line × 1.3 there.
        let roads = include_str!("../../../../tests/data/capacity/handmade-roads.geojson");
        let replies = collect(&mut s, Request::Roads { name: "路.geojson".into(), bytes: roads.as_bytes().to_vec(), crs: Crs::Wgs84 });
        assert!(matches!(replies.last(), Some(Reply::RoadsRead(_))), "{replies:?}");
        let walking = SettingsForm { radius_mode: "walking".into(), walk_minutes: "15".into(), capacitated: true, ..form() };
        let v = run(&mut s, &walking);
        // 15 minutes on foot is 900 m: 老食堂 reaches 东一 (718 m); 甲 东二 and 乙 西一 (51 × 1.3 =
        // 66 m); 丙 nobody (1,534 × 1.3 m). 甲 serves 30, 乙 20: 甲.
        assert_eq!(v.chosen, vec![0]);
        let a = &v.models.access;
        assert!(a.on_roads && a.detour == 1.3);
        // Before: 东一 (600 of 2,000) within 15 minutes only. After: 东二 (400) within 5 (1.1
        // minutes), 东一 too within 15.
        let shares: Vec<(f64, f64, f64)> = a.minutes.iter().map(|m| (m.minutes, m.before, m.after)).collect();
        assert_eq!(shares, vec![(5.0, 0.0, 0.2), (10.0, 0.0, 0.2), (15.0, 0.3, 0.5)]);
        // In metres the plan is a straight line, and so are the minutes (all within 1.1 minutes).
        let v = run(&mut s, &SettingsForm { capacitated: true, ..form() });
        assert!(!v.models.access.on_roads);
        assert_eq!(v.models.access.minutes[0].before, 0.3);
    }

    #[test]
    fn supply_demand_ratio_per_street() {
        let mut s = session();
        let replies =
            collect(&mut s, Request::Boundary { name: "街道.geojson".into(), bytes: STREETS.as_bytes().to_vec(), crs: Crs::Wgs84 });
        assert!(matches!(replies.last(), Some(Reply::Boundary(_))), "{replies:?}");
        let v = run(&mut s, &SettingsForm { capacitated: true, ..form() });
        // 东街道: 东一 and 东二, 1,000 people, 100 meals; 老食堂 40 + 甲 30 = 70: 0.7.
        // 西街道: 西一, 1,000 people, 100 meals, no open site: 0.
        let areas: Vec<(&str, f64, f64, usize, Option<f64>)> =
            v.models.areas.iter().map(|a| (a.name.as_str(), a.need, a.capacity, a.sites, a.ratio)).collect();
        assert_eq!(areas.len(), 2);
        assert_eq!((areas[0].0, areas[0].3, areas[1].0, areas[1].3), ("东街道", 2, "西街道", 0));
        assert!(close(areas[0].1, 100.0) && close(areas[0].2, 70.0) && close(areas[0].4.unwrap_or(0.0), 0.7));
        assert!(close(areas[1].2, 0.0) && areas[1].4 == Some(0.0));
    }

    #[test]
    fn other_providers_serve_their_people_and_are_never_chosen() {
        let mut s = session();
        // 社区饭堂 (tests/data/capacity/handmade-competitors.csv) is 0.0005° (51 m) west of 西一:
        // its 1,000 people are served already. Without it 乙 covers the most (西一's 1,000);
        // with it 乙 adds nobody, 甲 adds 东二's 400 and 丙 nobody on foot: 甲.
        assert_eq!(run(&mut s, &form()).chosen, vec![1]);
        load(&mut s, Role::Competitors, include_str!("../../../../tests/data/capacity/handmade-competitors.csv"));
        let v = run(&mut s, &form());
        assert_eq!(v.chosen, vec![0]);
        let c = v.models.competitors.as_ref().expect("competitors");
        // 1,000 people, 10 % of them a meal a day: 100 meals the plan need not find.
        assert_eq!((c.sites, c.points.len(), c.points[0].2.as_str()), (1, 1, "社区饭堂"));
        assert!(close(c.people, 1000.0) && close(c.meals, 100.0), "{c:?}");
        assert!(close(v.models.walk_in.by_competitors, 1000.0));
        // On the map, from the places' mean (113.330° E, 23.1° N): 0.0295° east is 0.0295° in
        // radians × 6,371,008.8 m × cos 23.1° = 0.00051487 × 6,371,008.8 × 0.91982 ≈ 3,017 m.
        assert!((c.points[0].0 - 3017.0).abs() < 2.0 && c.points[0].1.abs() < 1.0, "{:?}", c.points[0]);
        // Capacitated: 200 meals needed, 100 of them served by the provider; 老食堂 40 + 甲 30.
        let v = run(&mut s, &SettingsForm { capacitated: true, ..form() });
        assert_eq!(v.chosen, vec![0]);
        let m = &v.models.meals;
        assert!(close(m.total.by_competitors, 100.0) && close(m.total.served, 70.0) && close(m.uncovered(), 0.0), "{:?}", m.total);
        // Gone when the file is removed.
        collect(&mut s, Request::Clear { role: Role::Competitors });
        let v = run(&mut s, &form());
        assert!(v.models.competitors.is_none() && v.chosen == vec![1]);
    }

    /// The certificate after each reply of a searching session, and the last plan sent.
    fn certificates(replies: &[Reply]) -> (Vec<super::super::Certificate>, Option<(Vec<usize>, f64)>) {
        let c = replies.iter().filter_map(|r| if let Reply::Certificate(c) = r { Some(*c) } else { None }).collect();
        let plan =
            replies.iter().rev().find_map(|r| if let Reply::Planned(v) = r { Some((v.chosen.clone(), v.covered_weighted)) } else { None });
        (c, plan)
    }

    #[test]
    fn the_worker_answers_at_once_then_the_certificate_rises_to_the_full_search() {
        // The simulated district, 10 sites: the plain session searches to the end before it answers.
        let settings = SettingsForm { k: "10".into(), ..SettingsForm::default() }.validate(60).expect("valid");
        let mut plain = Session::new();
        collect(&mut plain, Request::Demo);
        let replies = collect(&mut plain, Request::Run { settings: settings.clone(), choices: Choices::default() });
        let Some(Reply::Planned(end)) = replies.last() else { panic!("{replies:?}") };
        let mut s = Session::searching();
        collect(&mut s, Request::Demo);
        let replies = collect(&mut s, Request::Run { settings: settings.clone(), choices: Choices::default() });
        let (first, plan) = certificates(&replies);
        assert!(matches!(replies.last(), Some(Reply::Certificate(_))), "the plan first, then its certificate");
        let (mut chosen, mut covered) = plan.expect("a plan at once");
        let mut last = first[0];
        assert_eq!((last.run, last.covered_weight, last.stopped), (1, covered, false));
        assert!(last.upper_bound >= last.covered_weight);
        // Step by step: the plan never covers less, the bound never rises, and stays above.
        let mut steps = 0;
        while !last.done {
            let replies = collect(&mut s, Request::Refine { run: last.run });
            let (c, plan) = certificates(&replies);
            assert_eq!(c.len(), 1, "{replies:?}");
            let now = c[0];
            if let Some((ch, cov)) = plan {
                assert!(cov > covered, "a new plan is sent only when it covers more");
                (chosen, covered) = (ch, cov);
            }
            assert!(now.covered_weight >= last.covered_weight && now.covered_weight == covered);
            assert!(now.upper_bound <= last.upper_bound + 1e-9 && now.upper_bound >= now.covered_weight - 1e-9);
            last = now;
            steps += 1;
            assert!(steps < 1000);
        }
        // The same steps as the plain session's search: the same plan and bound at the end.
        assert_eq!((chosen, covered), (end.chosen.clone(), end.covered_weighted));
        assert!((last.upper_bound - end.upper_bound).abs() < 1e-6, "{} vs {}", last.upper_bound, end.upper_bound);
        // Once done, a refine asks nothing more.
        assert!(collect(&mut s, Request::Refine { run: last.run }).is_empty());
    }

    #[test]
    fn a_new_run_or_stop_ends_the_search() {
        let settings = SettingsForm { k: "10".into(), ..SettingsForm::default() }.validate(60).expect("valid");
        let mut s = Session::searching();
        collect(&mut s, Request::Demo);
        let run = Request::Run { settings: settings.clone(), choices: Choices::default() };
        let (c, _) = certificates(&collect(&mut s, run.clone()));
        assert!(!c[0].done, "the demo's 10 sites are not proven at the first step");
        // A second run: the first run's refine is ignored, the second's answered.
        let (c2, _) = certificates(&collect(&mut s, run));
        assert_eq!(c2[0].run, 2);
        assert!(collect(&mut s, Request::Refine { run: 1 }).is_empty());
        assert_eq!(certificates(&collect(&mut s, Request::Refine { run: 2 })).0.len(), 1);
        // Stopped: the certificate so far, marked done and stopped; then nothing more.
        let (stop, _) = certificates(&collect(&mut s, Request::StopSearch));
        assert!(stop.len() == 1 && stop[0].done && stop[0].stopped && stop[0].run == 2);
        assert!(collect(&mut s, Request::Refine { run: 2 }).is_empty());
        // Any other request ends it too.
        collect(&mut s, Request::Run { settings, choices: Choices::default() });
        collect(&mut s, Request::ClearBoundary);
        assert!(collect(&mut s, Request::Refine { run: 3 }).is_empty());
    }

    #[test]
    fn existing_canteens_can_be_left_out() {
        let mut s = session();
        let v = run(&mut s, &SettingsForm { capacitated: true, existing_required: false, ..form() });
        // Without 老食堂: 甲 30, 乙 20, 丙 0 on foot: 甲, alone.
        assert_eq!(v.chosen, vec![0]);
        assert_eq!(v.models.meals.sites.len(), 1);
        assert!(close(v.models.meals.total.served, 30.0));
    }

    #[test]
    fn the_report_csv_has_the_indicators_and_their_sources() {
        let mut s = session();
        let settings =
            SettingsForm { capacitated: true, delivery: true, delivery_radius_m: "2000".into(), ..form() }.validate(3).expect("valid");
        let replies = collect(&mut s, Request::Run { settings, choices: Choices::default() });
        let Some(Reply::Planned(v)) = replies.last() else { panic!("{replies:?}") };
        let csv = super::super::report::report_csv(v, "2026年11月30日", crate::core::Locale::ZhCn);
        assert!(csv.starts_with('\u{feff}'));
        // Walk-in 900 of 1,700 = 52.9 %; delivery 100 of 300 = 33.3 %; together 1,000 of 2,000.
        for line in [
            "主要指标,步行覆盖率,52.9%",
            "主要指标,送餐覆盖率,33.3%",
            "主要指标,含送餐的总覆盖率,50.0%",
            "主要指标,每天需要的餐数,200.0",
            "主要指标,每天能供应的餐数,70.0,",
            "公平程度,基尼系数（规划前）,0.700",
            "公平程度,基尼系数（规划后）,0.514",
            // 老食堂's 40 meals go to 东一's walk-in and delivered people alike (both 51 m away).
            "开放的助餐点,老食堂,现有食堂,40,40.0,",
            ",100.0%,20.0,60.0,0.67,",
            "开放的助餐点,甲,新选,30,30.0,0.0,100.0%,10.0,40.0,0.75,400",
            "规划条件,日期,2026年11月30日",
        ] {
            assert!(csv.contains(line), "{line} not in\n{csv}");
        }
        assert!(csv.contains("假设与来源,需要助餐的老人比例,10.0%"), "{csv}");
        assert!(csv.contains("假设与来源,送餐半径（米）,2000"), "{csv}");
        let en = super::super::report::report_csv(v, "30 November 2026", crate::core::Locale::En);
        assert!(en.contains("Main indicators,Walk-in coverage,52.9%"), "{en}");
    }
}
