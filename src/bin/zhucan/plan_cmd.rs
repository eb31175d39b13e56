//! `zhucan plan`: choose canteen sites from a problem file (the reference format) or from CSV /
//! GeoJSON files or spreadsheet workbooks of demand, candidates and existing canteens. Prints one
//! JSON object.

use std::io::Read;
use std::process::ExitCode;
use std::time::Instant;

use serde_json::{json, Value};
use zhucan::core::io::crs::Crs;
use zhucan::core::io::roads::read_any;
use zhucan::core::io::table::{preview, preview_of};
use zhucan::core::io::{geojson_in, osm, text, xlsx};
use zhucan::core::planner::access::{before_after, AccessOptions, DEFAULT_CAPACITY};
use zhucan::core::planner::capacity::{assign, capacitated, CapacitySettings, Role};
use zhucan::core::planner::coverage::Coverage;
use zhucan::core::planner::data::{import_demand, import_sites, Demand, FileWarning, Imported, MappingError, Sites, Source};
use zhucan::core::planner::export::crs_name;
use zhucan::core::planner::layers::{coverage_plan, layers, Delivery, Lists, DELIVERY_RADIUS_M};
use zhucan::core::planner::network::SnappedDemand;
use zhucan::core::planner::plan::{prepare, prepare_snapped, run};
use zhucan::core::planner::problem::Problem;
use zhucan::core::planner::score::weights;
use zhucan::core::planner::settings::{Choices, Radius, Settings};
use zhucan::core::planner::SelectOptions;
use zhucan::core::Locale;

use zhucan::core::io::raster::{self, read_ascii_grid, read_geotiff_from, read_xyz, Window};
use zhucan::core::io::stream::RangeReader;

use crate::common::read_text;
use crate::words::words;

// Help texts: `words` (`help_plan_*`).
#[derive(clap::Args, Debug)]
pub struct Args {
    #[arg(long, conflicts_with_all = ["demand", "candidates", "existing"])]
    problem: Option<String>,
    #[arg(long, requires = "candidates")]
    demand: Option<String>,
    #[arg(long = "demand-raster", conflicts_with_all = ["demand", "problem"], requires = "candidates")]
    demand_raster: Vec<String>,
    #[arg(long)]
    candidates: Option<String>,
    #[arg(long)]
    existing: Option<String>,
    #[arg(long, default_value = "wgs84")]
    crs: String,
    #[arg(long)]
    radius_m: Option<f64>,
    #[arg(long, conflicts_with = "radius_m")]
    walk_minutes: Option<f64>,
    #[arg(long, default_value_t = 60.0)]
    walk_speed: f64,
    #[arg(long, default_value_t = 1.3)]
    detour: f64,
    #[arg(long)]
    k: Option<usize>,
    #[arg(long, default_value_t = 0.8)]
    target_share: f64,
    #[arg(long)]
    skip_bad_rows: bool,
    #[arg(long)]
    roads: Option<String>,
    #[arg(long, default_value_t = 300.0)]
    max_snap_m: f64,
    // Accessibility and fairness before and after the plan (`core::planner::access`).
    #[arg(long)]
    access: bool,
    // Supply of a site without a capacity, meals a day (`access::DEFAULT_CAPACITY`, with its source).
    #[arg(long, default_value_t = DEFAULT_CAPACITY)]
    default_capacity: f64,
    // Capacitated coverage (`core::planner::capacity`), competitors and home delivery
    // (`core::planner::layers`), with the defaults' sources there.
    #[arg(long)]
    capacitated: bool,
    #[arg(long)]
    need_share: Option<f64>,
    #[arg(long, conflicts_with = "problem")]
    competitors: Option<String>,
    #[arg(long, alias = "delivery-weight")]
    delivery_column: Option<String>,
    #[arg(long)]
    delivery_radius_m: Option<f64>,
}

fn parse_source(path: &str, locale: Locale) -> Result<(String, bool), String> {
    let w = words(locale);
    let bytes = std::fs::read(path).map_err(|e| (w.in_file)(path, &e.to_string()))?;
    decode_source(path, &bytes, locale)
}

fn decode_source(path: &str, bytes: &[u8], locale: Locale) -> Result<(String, bool), String> {
    let w = words(locale);
    let (text, _encoding) = text::decode(bytes).map_err(|e| (w.in_file)(path, &e.message(locale)))?;
    let is_geojson = path.to_ascii_lowercase().ends_with(".geojson") || path.to_ascii_lowercase().ends_with(".json");
    Ok((text.into_owned(), is_geojson))
}

/// A data file's path, and the workbook sheet after a `#` (`名单.xlsx#候选点`, as Excel's own
/// links name a sheet) when the whole does not name a file.
fn path_and_sheet(spec: &str) -> (&str, Option<&str>) {
    if std::path::Path::new(spec).exists() {
        return (spec, None);
    }
    match spec.rsplit_once('#') {
        Some((path, sheet)) if !sheet.is_empty() && std::path::Path::new(path).is_file() => (path, Some(sheet)),
        _ => (spec, None),
    }
}

fn mapping_message(e: &MappingError, locale: Locale) -> String {
    let w = words(locale);
    match e {
        MappingError::NoPosition => w.no_position_columns.to_string(),
        MappingError::NoCount => w.no_count_column.to_string(),
        MappingError::Table(_) => e.message(locale),
    }
}

fn with_source<T>(spec: &str, locale: Locale, f: impl FnOnce(&Source<'_>) -> Result<T, MappingError>) -> Result<T, String> {
    let in_file = |message: String| (words(locale).in_file)(spec, &message);
    let (path, sheet) = path_and_sheet(spec);
    let lower = path.to_ascii_lowercase();
    let is_geojson = lower.ends_with(".geojson") || lower.ends_with(".json");
    let mut head = [0u8; 8];
    let head_len = std::fs::File::open(path).and_then(|mut file| file.read(&mut head)).map_err(|e| in_file(e.to_string()))?;
    if xlsx::looks_like_workbook(&head[..head_len]) {
        // A workbook's sheet is read as the CSV text it would be saved as.
        let bytes = std::fs::read(path).map_err(|e| in_file(e.to_string()))?;
        let text = xlsx::read_sheet(&bytes, sheet, locale).map_err(|e| in_file(e.message(locale)))?.text;
        drop(bytes);
        let headers = preview(&text, 0).map_err(|e| in_file(e.message(locale)))?.headers;
        return f(&Source::Csv { data: &text, headers }).map_err(|e| in_file(mapping_message(&e, locale)));
    }
    if is_geojson {
        // Read as a stream: each feature becomes a row as it is read.
        // A file in GBK or UTF-16 is not JSON text as it stands: decoded whole, then read.
        let file = std::fs::File::open(path).map_err(|e| in_file(e.to_string()))?;
        let table = match geojson_in::read_from(file) {
            Ok(table) => table,
            Err(streamed) => {
                let (text, _) = parse_source(path, locale)?;
                geojson_in::read(&text).map_err(|_| in_file(streamed.message(locale)))?
            }
        };
        return f(&Source::GeoJson(&table)).map_err(|e| in_file(mapping_message(&e, locale)));
    }
    // A CSV file is read as a stream, twice (its first rows for the mapping, then every row),
    // and never held whole.
    let file = std::path::PathBuf::from(path);
    let headers = preview_of(&file, 0).map_err(|e| in_file(e.message(locale)))?.headers;
    f(&Source::Csv { data: &file, headers }).map_err(|e| in_file(mapping_message(&e, locale)))
}

fn warning_text(warning: &FileWarning, locale: Locale) -> String {
    let w = words(locale);
    match warning {
        FileWarning::CrsMismatch { chosen, hinted } => (w.warn_crs_mismatch)(crs_name(*chosen), crs_name(*hinted)),
        FileWarning::OutsideChina { points } => (w.warn_outside_china)(*points),
        FileWarning::MostlySwapped => w.warn_mostly_swapped.to_string(),
        // Worded by the core, the same words the page shows.
        FileWarning::MostlyLatitudeFirst | FileWarning::ExactDuplicates { .. } => warning.core_message(locale).unwrap_or_default(),
    }
}

fn check<T>(path: &str, imported: Imported<T>, skip: bool, locale: Locale) -> Result<T, String> {
    let w = words(locale);
    for warning in &imported.warnings {
        eprintln!("{}", (w.warning)(path, &warning_text(warning, locale)));
    }
    if imported.bad_rows > 0 {
        for issue in &imported.issues {
            eprintln!("{}", (w.in_file)(path, &issue.message(locale)));
        }
        if !skip {
            return Err((w.in_file)(path, &(w.bad_rows)(imported.bad_rows, imported.total_rows)));
        }
        eprintln!("{}", (w.in_file)(path, &(w.leaving_out)(imported.bad_rows, imported.total_rows)));
    }
    Ok(imported.data)
}

/// Demand from population rasters (`--demand-raster`, one or more files on the same grid, added
/// up): GeoTIFF (`.tif`, `.tiff`), Esri ASCII grid (`.asc`) or XYZ text (anything else). Each cell
/// with people is a demand point at its centre, with the cell's area.
fn raster_demand(paths: &[String], candidates: &Sites, reach_m: f64, locale: Locale) -> Result<(Demand, Value), String> {
    let w = words(locale);
    let window = Window::around(&candidates.points, reach_m).ok_or_else(|| w.need_inputs.to_string())?;
    let mut layers = Vec::new();
    for path in paths {
        let lower = path.to_ascii_lowercase();
        let read = if lower.ends_with(".tif") || lower.ends_with(".tiff") {
            // Read by ranges: the header, the directory and the window's strips or tiles only.
            let file = std::fs::File::open(path).map_err(|e| (w.in_file)(path, &e.to_string()))?;
            read_geotiff_from(RangeReader::new(&file), Some(&window))
        } else {
            let bytes = std::fs::read(path).map_err(|e| (w.in_file)(path, &e.to_string()))?;
            let text = String::from_utf8(bytes).map_err(|_| (w.in_file)(path, w.not_utf8))?;
            if lower.ends_with(".asc") {
                read_ascii_grid(&text, Some(&window))
            } else {
                read_xyz(&text, Some(&window))
            }
        };
        layers.push(read.map_err(|e| (w.in_file)(path, &e.message(locale)))?);
    }
    let cells = raster::sum(layers).map_err(|e| (w.in_file)(&paths.join(" + "), &e.message(locale)))?;
    let report = json!({
        "files": paths,
        "window": [window.west, window.south, window.east, window.north],
        "cells_read": cells.read,
        "cells_with_people": cells.values.len(),
        "people": cells.total(),
        "cells_no_data": cells.nodata,
        "cells_negative": cells.negative,
        "cells_empty": cells.empty,
    });
    let n = cells.points.len();
    let demand = Demand {
        points: cells.points,
        counts: cells.values,
        area_m2: cells.areas_m2,
        names: std::iter::repeat_n("", n).collect(),
        ..Demand::default()
    };
    Ok((demand, report))
}

pub fn run_cmd(args: Args, locale: Locale) -> Result<ExitCode, String> {
    let w = words(locale);
    let t0 = Instant::now();
    if !(args.default_capacity.is_finite() && args.default_capacity > 0.0) {
        return Err(w.bad_default_capacity.into());
    }
    let crs = Crs::from_code(&args.crs).ok_or_else(|| (w.bad_crs)(&args.crs))?;
    let mut raster_json = Value::Null;
    let (demand, candidates, existing, mut settings, choices) = if let Some(path) = &args.problem {
        let problem: Problem = serde_json::from_str(&read_text(path, locale)?).map_err(|e| (w.in_file)(path, &e.to_string()))?;
        let p = problem.check().map_err(|e| (w.in_file)(path, &e.message(locale)))?;
        let demand = Demand { counts: p.weights.clone(), area_m2: vec![f64::NAN; p.demand.len()], points: p.demand, ..Demand::default() };
        let n = p.candidates.len();
        let candidates = Sites {
            points: p.candidates,
            names: vec![String::new(); n],
            capacity: vec![f64::NAN; n],
            cost: vec![f64::NAN; n],
            rows: Vec::new(),
        };
        let settings = Settings { radius: Radius::Metres { metres: p.radius_m }, k: p.k, ..Settings::default() };
        (demand, candidates, Sites::default(), settings, Choices { locked: p.fixed, excluded: Vec::new() })
    } else {
        let Some(cpath) = &args.candidates else {
            return Err(w.need_inputs.into());
        };
        let candidates = with_source(cpath, locale, |s| import_sites(s, &s.auto_map(), crs))?;
        let candidates = check(cpath, candidates, args.skip_bad_rows, locale)?;
        let demand = match &args.demand {
            Some(dpath) => {
                let demand = with_source(dpath, locale, |s| import_demand(s, &s.auto_map(), crs))?;
                check(dpath, demand, args.skip_bad_rows, locale)?
            }
            None if !args.demand_raster.is_empty() => {
                // Only the cells within reach of a candidate: its extent widened by the distance
                // a person may be from a site (the radius, or the walk's length on foot).
                let reach = args.radius_m.or(args.walk_minutes.map(|m| m * args.walk_speed)).unwrap_or(Settings::default().radius.metres());
                let (demand, report) = raster_demand(&args.demand_raster, &candidates, reach, locale)?;
                raster_json = report;
                demand
            }
            None => return Err(w.need_inputs.into()),
        };
        let existing = match &args.existing {
            Some(epath) => check(epath, with_source(epath, locale, |s| import_sites(s, &s.auto_map(), crs))?, args.skip_bad_rows, locale)?,
            None => Sites::default(),
        };
        (demand, candidates, existing, Settings::default(), Choices::default())
    };
    if let Some(m) = args.radius_m {
        if !(m.is_finite() && m > 0.0) {
            return Err(w.bad_radius.into());
        }
        settings.radius = Radius::Metres { metres: m };
    }
    if let Some(minutes) = args.walk_minutes {
        settings.radius = Radius::Walking { minutes, speed_m_per_min: args.walk_speed, detour: args.detour };
    }
    if let Some(k) = args.k {
        settings.k = k;
    }
    settings.target_share = args.target_share;
    if let Some(share) = args.need_share {
        if !(share > 0.0 && share <= 1.0) {
            return Err(w.bad_need_share.into());
        }
        settings.need_share = share;
    }
    // Home delivery: the column of people who need meals brought home, and its radius (at least
    // the walk-in radius, or the walk's length on foot along the roads).
    let delivery = match (&args.delivery_column, args.delivery_radius_m) {
        (None, None) => None,
        (None, Some(_)) => return Err((w.delivery_needs_column)(&demand.extra_names)),
        (Some(name), radius) => {
            let column = demand.extra_names.iter().position(|c| c.trim() == name.trim());
            let column = column.ok_or_else(|| (w.no_delivery_column)(name, &demand.extra_names))?;
            let walk = if args.roads.is_some() { settings.radius.on_foot_m() } else { settings.radius.metres() };
            let radius_m = radius.unwrap_or(DELIVERY_RADIUS_M);
            if !(radius_m.is_finite() && radius_m >= walk) {
                return Err((w.bad_delivery_radius)(walk));
            }
            Some(Delivery { column, radius_m })
        }
    };
    let competitors = match &args.competitors {
        Some(path) => Some(check(path, with_source(path, locale, |s| import_sites(s, &s.auto_map(), crs))?, args.skip_bad_rows, locale)?),
        None => None,
    };
    settings.curve_max_k = (settings.k * 2).max(10);
    let read_s = t0.elapsed().as_secs_f64();

    // Straight line, or on foot along the roads given.
    let t1 = Instant::now();
    let straight = prepare(&demand, &candidates, &existing, settings.radius.metres());
    let mut network_json = Value::Null;
    let (mut roads_read_s, mut network_build_s, mut network_search_s) = (0.0, 0.0, 0.0);
    let competitor_lists: Option<Coverage>;
    let prepared = match &args.roads {
        None => {
            competitor_lists = competitors.as_ref().map(|c| prepare(&demand, c, &Sites::default(), settings.radius.metres()).candidates);
            straight
        }
        Some(path) => {
            if !(args.max_snap_m.is_finite() && args.max_snap_m >= 0.0) {
                return Err(w.bad_snap.into());
            }
            // An OpenStreetMap extract (`.osm.pbf`, known by its first bytes) or GeoJSON lines.
            let tr = Instant::now();
            let bytes = std::fs::read(path).map_err(|e| (w.in_file)(path, &e.to_string()))?;
            if path.to_ascii_lowercase().ends_with(".pbf") && !osm::looks_like_pbf(&bytes) {
                return Err((w.in_file)(path, &osm::PbfError::NotPbf.message(locale)));
            }
            let roads = read_any(&bytes, crs).map_err(|e| (w.in_file)(path, &e.message(locale)))?;
            drop(bytes);
            roads_read_s = tr.elapsed().as_secs_f64();
            let tb = Instant::now();
            let net = zhucan::core::planner::network::RoadNetwork::build(&roads.ways);
            network_build_s = tb.elapsed().as_secs_f64();
            if net.n_segments() == 0 {
                return Err((w.in_file)(path, &(w.no_walkable_roads)(roads.not_walkable, roads.not_lines)));
            }
            let limit = settings.radius.on_foot_m();
            let ts = Instant::now();
            // The points snapped once, for the candidates, the existing canteens and the other providers.
            let snapped = SnappedDemand::new(&net, &demand.points, limit, args.max_snap_m, settings.radius.detour());
            let (on_foot, snaps) = prepare_snapped(&snapped, &candidates, &existing);
            competitor_lists = competitors.as_ref().map(|c| snapped.cover(&c.points).0);
            drop(snapped);
            network_search_s = ts.elapsed().as_secs_f64();
            // Per site: weight reachable in a straight line (at the same walk, straight line ×
            // detour) and on foot, and the share lost to barriers.
            let w = weights(&demand, &settings.extra_weights);
            let sum = |cov: &zhucan::core::planner::coverage::Coverage, s: usize| cov.of(s).iter().map(|&i| w[i as usize]).sum::<f64>();
            let per_site: Vec<Value> = (0..candidates.points.len())
                .map(|s| {
                    let (line, foot) = (sum(&straight.candidates, s), sum(&on_foot.candidates, s));
                    json!({"straight_line": line, "on_foot": foot, "lost_share": if line > 0.0 { (line - foot).max(0.0) / line } else { 0.0 }})
                })
                .collect();
            network_json = json!({
                "nodes": net.n_nodes(),
                "segments": net.n_segments(),
                "components": net.n_components(),
                "length_km": net.total_length_m() / 1000.0,
                "ways_not_walkable": roads.not_walkable,
                "features_not_lines": roads.not_lines,
                "limit_on_foot_m": limit,
                "max_snap_m": args.max_snap_m,
                "demand_unsnapped": snaps.demand_unsnapped,
                "sites_unsnapped": snaps.sites_unsnapped,
                "per_candidate": per_site,
            });
            on_foot
        }
    };
    let coverage_s = t1.elapsed().as_secs_f64();
    let t2 = Instant::now();
    let mut result = run(&demand, &candidates, &prepared, &settings, &choices, SelectOptions::default());
    let select_s = t2.elapsed().as_secs_f64();

    // Walk-in and delivery layers, existing canteens and competitors: the coverage objective
    // over them replaces the plain one when competitors or delivery are given.
    let t3 = Instant::now();
    // Delivery along a straight line from the site, as a rider rides (the walk may be on foot).
    let far = delivery.map(|d| prepare(&demand, &candidates, &existing, d.radius_m));
    let lists = Lists { walk: &prepared, delivery: far.as_ref(), competitors: competitor_lists.as_ref() };
    let layered = layers(&demand, &settings.extra_weights, &lists, delivery.as_ref());
    let mut models = serde_json::Map::new();
    if delivery.is_some() || competitors.is_some() {
        let plan = coverage_plan(&layered, &settings, &choices, SelectOptions::default());
        models.insert("walk_in".into(), json!(plan.walk_in));
        if let (Some(d), Some(reach)) = (&delivery, &plan.delivery) {
            let mut value = json!(reach);
            if let Some(map) = value.as_object_mut() {
                map.insert("column".into(), json!(demand.extra_names[d.column]));
                map.insert("radius_m".into(), json!(d.radius_m));
            }
            models.insert("delivery".into(), value);
        }
        if let Some(c) = &competitors {
            models.insert(
                "competitors".into(),
                json!({"sites": c.points.len(), "people": plan.walk_in.by_competitors, "weight": plan.walk_in.by_competitors_weight}),
            );
        }
        result.selection = plan.selection;
        result.curve = plan.curve;
        result.fewest = plan.fewest;
    }
    if args.capacitated {
        let options = CapacitySettings { default_capacity: args.default_capacity, ..CapacitySettings::default() };
        let plan = capacitated(&layered, &candidates, &existing, &settings, &choices, &options);
        let a = &plan.assignment;
        let sites: Vec<Value> = a
            .sites
            .iter()
            .map(|site| {
                let from = if site.role == Role::Existing { &existing } else { &candidates };
                let mut value = json!(site);
                if let Some(map) = value.as_object_mut() {
                    map.insert("name".into(), json!(from.names.get(site.index).map_or("", String::as_str)));
                }
                value
            })
            .collect();
        let coverage_served = assign(&layered, &candidates, &existing, &result.selection.chosen, &settings, &options).total.served;
        let t = &a.total;
        let mut value = json!({
            "need_share": settings.need_share,
            "meals_per_day": settings.meals_per_day,
            "default_capacity": args.default_capacity,
            "chosen": plan.chosen,
            "chosen_names": plan.chosen.iter().map(|&i| candidates.names.get(i).cloned().unwrap_or_default()).collect::<Vec<_>>(),
            "need": t.need,
            "by_competitors": t.by_competitors,
            "covered": t.covered,
            "served": t.served,
            "covered_unserved": (t.covered - t.served).max(0.0),
            "uncovered": (t.need - t.by_competitors - t.covered).max(0.0),
            "existing_served": plan.existing_served,
            "greedy_served": plan.greedy_served,
            "upper_bound": plan.upper_bound,
            "guarantee": plan.guarantee(),
            "capacity_open": a.capacity_open,
            "coverage_plan_served": coverage_served,
            "walk_in": a.walk_in,
            "sites": sites,
            "swaps": plan.swaps,
            "swaps_complete": plan.swaps_complete,
        });
        if let (Some(map), Some(d)) = (value.as_object_mut(), &a.delivery) {
            map.insert("delivery".into(), json!(d));
        }
        models.insert("capacitated".into(), value);
    }
    let models_s = t3.elapsed().as_secs_f64();

    let s = &result.selection;
    let names: Vec<&str> = s.chosen.iter().map(|&i| candidates.names.get(i).map_or("", String::as_str)).collect();
    let mut out: Value = json!({
        "radius_m": result.radius_m,
        "k": settings.k,
        "total_weight": s.total_weight,
        "coverable_weight": s.total_weight - s.uncoverable_weight,
        "existing_weight": s.existing_weight,
        "covered_weight": s.covered_weight,
        "greedy_weight": s.greedy_weight,
        "upper_bound": s.upper_bound,
        "guarantee": s.guarantee(),
        "chosen": s.chosen,
        "chosen_names": names,
        "per_candidate_weight": result.scores.iter().map(|x| x.covered_weighted).collect::<Vec<_>>(),
        "per_candidate_points": result.scores.iter().map(|x| x.points).collect::<Vec<_>>(),
        "fewest_sites": result.fewest.as_ref().map(|f| json!({"target_share": settings.target_share, "n_sites": f.len(), "chosen": f})),
        "curve": result.curve,
        "pairs": result.pairs,
        "distance_model": if args.roads.is_some() { "on_foot" } else { "straight_line" },
        "network": network_json,
        "raster": raster_json,
        "timings": {"read_s": read_s, "coverage_s": coverage_s, "roads_read_s": roads_read_s, "network_build_s": network_build_s, "network_search_s": network_search_s, "select_s": select_s, "models_s": models_s, "total_s": t0.elapsed().as_secs_f64()},
    });
    if let Some(map) = out.as_object_mut() {
        map.extend(models);
    }
    if args.access {
        // Accessibility with the catchment = the coverage lists' radius (the service radius, or
        // the walk's length on foot along the roads).
        let options = AccessOptions { catchment_m: None, default_capacity: args.default_capacity, need_share: settings.need_share };
        let access = before_after(&demand, &candidates, &existing, &prepared, &s.chosen, &options);
        if let Some(map) = out.as_object_mut() {
            map.insert(
                "access".into(),
                json!({
                    "before": access.before,
                    "after": access.after,
                    "decay": "gaussian",
                    "catchment_m": access.catchment_m,
                    "default_capacity": args.default_capacity,
                    "need_share": settings.need_share,
                }),
            );
        }
    }
    println!("{}", serde_json::to_string_pretty(&out).map_err(|e| e.to_string())?);
    Ok(ExitCode::SUCCESS)
}
