//! `zhucan demo-data --out DIR`: writes the SIMULATED sample district as CSV files with Chinese
//! headers, in GCJ-02 (Amap) coordinates as Chinese planning data usually is — for trying the
//! import, and for the end-to-end tests.

use std::process::ExitCode;

use zhucan::core::geo::LonLat;
use zhucan::core::io::crs::Crs;
use zhucan::core::planner::data::{Demand, Sites};
use zhucan::core::planner::sample::{candidates_near, city};
use zhucan::core::Locale;

use crate::words::words;

// Help texts: `words` (`help_demo_out`, `help_demo_points`).
#[derive(clap::Args, Debug)]
pub struct Args {
    #[arg(long)]
    out: String,
    #[arg(long, default_value_t = 1500)]
    points: usize,
}

fn gcj(p: LonLat) -> LonLat {
    Crs::Gcj02.from_wgs84(p)
}

fn write(path: &std::path::Path, rows: Vec<Vec<String>>, locale: Locale) -> Result<(), String> {
    let in_file = |e: &dyn std::fmt::Display| (words(locale).in_file)(&path.display().to_string(), &e.to_string());
    let mut w = csv::Writer::from_writer(Vec::new());
    for r in rows {
        w.write_record(&r).map_err(|e| in_file(&e))?;
    }
    let bytes = w.into_inner().map_err(|e| in_file(&e))?;
    std::fs::write(path, bytes).map_err(|e| in_file(&e))
}

fn demand_rows(d: &Demand) -> Vec<Vec<String>> {
    let mut rows =
        vec![vec!["社区格网".into(), "高德经度".into(), "高德纬度".into(), "60岁以上老人".into(), "80岁以上".into(), "失能".into()]];
    for i in 0..d.points.len() {
        let p = gcj(d.points[i]);
        rows.push(vec![
            d.names.get(i).to_string(),
            format!("{:.6}", p.lon),
            format!("{:.6}", p.lat),
            format!("{}", d.counts[i]),
            format!("{}", d.extras[0][i]),
            format!("{}", d.extras[1][i]),
        ]);
    }
    rows
}

fn site_rows(s: &Sites) -> Vec<Vec<String>> {
    let mut rows = vec![vec!["名称".into(), "高德经度".into(), "高德纬度".into(), "日供餐能力".into(), "建设成本（万元）".into()]];
    for i in 0..s.points.len() {
        let p = gcj(s.points[i]);
        rows.push(vec![
            s.names[i].clone(),
            format!("{:.6}", p.lon),
            format!("{:.6}", p.lat),
            format!("{}", s.capacity[i]),
            format!("{}", s.cost[i]),
        ]);
    }
    rows
}

pub fn run(args: Args, locale: Locale) -> Result<ExitCode, String> {
    let w = words(locale);
    let dir = std::path::Path::new(&args.out);
    std::fs::create_dir_all(dir).map_err(|e| (w.in_file)(&dir.display().to_string(), &e.to_string()))?;
    let demand = city(LonLat::new(113.30, 23.10), 8.0, args.points, 10, 2026);
    let candidates = candidates_near(&demand, 30, 11, "候选点");
    let existing = candidates_near(&demand, 3, 12, "现有食堂");
    write(&dir.join("demand.csv"), demand_rows(&demand), locale)?;
    write(&dir.join("candidates.csv"), site_rows(&candidates), locale)?;
    write(&dir.join("existing.csv"), site_rows(&existing), locale)?;
    println!("{}", (w.demo_written)(&dir.display().to_string()));
    Ok(ExitCode::SUCCESS)
}
