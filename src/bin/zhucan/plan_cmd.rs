//! `zhucan plan`: choose canteen sites from a problem file (the reference format) or from CSV /
//! GeoJSON files of demand, candidates and existing canteens. Prints one JSON object.

use std::process::ExitCode;
use std::time::Instant;

use serde_json::{json, Value};
use zhucan::core::io::columns::auto_map;
use zhucan::core::io::crs::Crs;
use zhucan::core::io::table::preview;
use zhucan::core::io::{geojson_in, text};
use zhucan::core::planner::data::{import_demand, import_sites, Demand, Imported, MappingError, Sites, Source};
use zhucan::core::planner::plan::{prepare, prepare_on_foot, run, weights, Choices, Radius, Settings};
use zhucan::core::planner::problem::Problem;
use zhucan::core::planner::SelectOptions;
use zhucan::core::Locale;

use crate::common::read_text;

#[derive(clap::Args, Debug)]
pub struct Args {
    /// A problem in the reference checker's JSON format (demand, candidates, radius_m, k, fixed).
    #[arg(long, conflicts_with_all = ["demand", "candidates", "existing"])]
    problem: Option<String>,
    /// Demand: CSV (UTF-8 or GBK) or GeoJSON, with longitude, latitude and the number of older people.
    #[arg(long, requires = "candidates")]
    demand: Option<String>,
    /// Candidate sites: CSV or GeoJSON with longitude and latitude (optional name, capacity, cost).
    #[arg(long)]
    candidates: Option<String>,
    /// Existing canteens, kept and counted.
    #[arg(long)]
    existing: Option<String>,
    /// Coordinate system of the CSV/GeoJSON files: wgs84, gcj02 (Amap/Tencent) or bd09 (Baidu).
    #[arg(long, default_value = "wgs84")]
    crs: String,
    /// Service radius in metres (default 1000, or the problem's radius_m).
    #[arg(long)]
    radius_m: Option<f64>,
    /// Service radius as walking minutes instead (see --walk-speed and --detour).
    #[arg(long, conflicts_with = "radius_m")]
    walk_minutes: Option<f64>,
    /// Walking speed, metres per minute.
    #[arg(long, default_value_t = 60.0)]
    walk_speed: f64,
    /// Street distance ÷ straight-line distance.
    #[arg(long, default_value_t = 1.3)]
    detour: f64,
    /// Sites to choose (default 10, or the problem's k).
    #[arg(long)]
    k: Option<usize>,
    /// Target share of demand for the fewest-sites answer.
    #[arg(long, default_value_t = 0.8)]
    target_share: f64,
    /// Leave out bad rows (listed on standard error) instead of stopping.
    #[arg(long)]
    skip_bad_rows: bool,
    /// Walk along these roads instead of a straight line: a GeoJSON file of LineString /
    /// MultiLineString features (OpenStreetMap tags as properties where present), in --crs.
    /// The limit is --walk-minutes × --walk-speed metres on foot (or --radius-m on foot).
    #[arg(long)]
    roads: Option<String>,
    /// With --roads: points farther than this from every road walk in a straight line × --detour.
    #[arg(long, default_value_t = 300.0)]
    max_snap_m: f64,
}

fn parse_source(path: &str) -> Result<(String, bool), String> {
    let bytes = std::fs::read(path).map_err(|e| format!("{path}: {e}"))?;
    let (text, _encoding) = text::decode(&bytes).map_err(|e| format!("{path}: {e}"))?;
    let is_geojson = path.to_ascii_lowercase().ends_with(".geojson") || path.to_ascii_lowercase().ends_with(".json");
    Ok((text.into_owned(), is_geojson))
}

fn with_source<T>(path: &str, f: impl FnOnce(&Source<'_>) -> Result<T, MappingError>) -> Result<T, String> {
    let (text, is_geojson) = parse_source(path)?;
    if is_geojson {
        let table = geojson_in::read(&text).map_err(|e| format!("{path}: {e}"))?;
        f(&Source::GeoJson(&table)).map_err(|e| format!("{path}: {e}"))
    } else {
        let headers = preview(&text, 0).map_err(|e| format!("{path}: {e}"))?.headers;
        f(&Source::Csv { text: &text, headers }).map_err(|e| format!("{path}: {e}"))
    }
}

fn check<T>(path: &str, imported: Imported<T>, skip: bool) -> Result<T, String> {
    for w in &imported.warnings {
        eprintln!("{path}: warning: {}", serde_json::to_string(w).unwrap_or_default());
    }
    if imported.bad_rows > 0 {
        for issue in &imported.issues {
            eprintln!("{path}: {}: {}: {}", row_text(issue.row), issue.field, serde_json::to_string(&issue.problem).unwrap_or_default());
        }
        if !skip {
            return Err(format!(
                "{path}: {} of {} rows have problems (listed above); fix them or pass --skip-bad-rows",
                imported.bad_rows, imported.total_rows
            ));
        }
        eprintln!("{path}: leaving out {} of {} rows", imported.bad_rows, imported.total_rows);
    }
    Ok(imported.data)
}

fn row_text(row: zhucan::core::planner::data::RowRef) -> String {
    match row {
        zhucan::core::planner::data::RowRef::Line(l) => format!("line {l}"),
        zhucan::core::planner::data::RowRef::Feature(i) => format!("feature {i}"),
    }
}

pub fn run_cmd(args: Args, _locale: Locale) -> Result<ExitCode, String> {
    let t0 = Instant::now();
    let crs = Crs::from_code(&args.crs).ok_or_else(|| format!("--crs must be wgs84, gcj02 or bd09, not {:?}", args.crs))?;
    let (demand, candidates, existing, mut settings, choices) = if let Some(path) = &args.problem {
        let problem: Problem = serde_json::from_str(&read_text(path)?).map_err(|e| format!("{path}: {e}"))?;
        let p = problem.check().map_err(|e| format!("{path}: {e}"))?;
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
        let (Some(dpath), Some(cpath)) = (&args.demand, &args.candidates) else {
            return Err("give --problem FILE, or --demand FILE and --candidates FILE".into());
        };
        let demand = with_source(dpath, |s| import_demand(s, &auto_map(s.headers()), crs))?;
        let demand = check(dpath, demand, args.skip_bad_rows)?;
        let candidates = with_source(cpath, |s| import_sites(s, &auto_map(s.headers()), crs))?;
        let candidates = check(cpath, candidates, args.skip_bad_rows)?;
        let existing = match &args.existing {
            Some(epath) => check(epath, with_source(epath, |s| import_sites(s, &auto_map(s.headers()), crs))?, args.skip_bad_rows)?,
            None => Sites::default(),
        };
        (demand, candidates, existing, Settings::default(), Choices::default())
    };
    if let Some(m) = args.radius_m {
        if !(m.is_finite() && m > 0.0) {
            return Err("--radius-m must be a positive number of metres".into());
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
    settings.curve_max_k = (settings.k * 2).max(10);
    let read_s = t0.elapsed().as_secs_f64();

    // Straight line, or on foot along the roads given.
    let t1 = Instant::now();
    let straight = prepare(&demand, &candidates, &existing, settings.radius.metres());
    let mut network_json = Value::Null;
    let mut network_build_s = 0.0;
    let prepared = match &args.roads {
        None => straight,
        Some(path) => {
            if !(args.max_snap_m.is_finite() && args.max_snap_m >= 0.0) {
                return Err("--max-snap-m must be a distance in metres, 0 or more".into());
            }
            let (text, _) = parse_source(path)?;
            let roads = zhucan::core::io::roads::read_geojson(&text, crs).map_err(|e| format!("{path}: {e}"))?;
            let tb = Instant::now();
            let net = zhucan::core::planner::network::RoadNetwork::build(&roads.ways);
            network_build_s = tb.elapsed().as_secs_f64();
            if net.n_segments() == 0 {
                return Err(format!("{path}: no walkable roads ({} not walkable, {} not lines)", roads.not_walkable, roads.not_lines));
            }
            let limit = settings.radius.on_foot_m();
            let (on_foot, snaps) = prepare_on_foot(&demand, &candidates, &existing, &net, limit, args.max_snap_m, settings.radius.detour());
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
    let result = run(&demand, &candidates, &prepared, &settings, &choices, SelectOptions::default());
    let select_s = t2.elapsed().as_secs_f64();

    let s = &result.selection;
    let names: Vec<&str> = s.chosen.iter().map(|&i| candidates.names.get(i).map_or("", String::as_str)).collect();
    let out: Value = json!({
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
        "timings": {"read_s": read_s, "coverage_s": coverage_s, "network_build_s": network_build_s, "select_s": select_s, "total_s": t0.elapsed().as_secs_f64()},
    });
    println!("{}", serde_json::to_string_pretty(&out).map_err(|e| e.to_string())?);
    Ok(ExitCode::SUCCESS)
}
