//! A planner's big demand file read natively (issue 14's goal: a 200 MB CSV in ≤ 2 s, at least as
//! fast as `pandas.read_csv` in the same run, peak memory ≤ 3× the file). The file is the one
//! `tools/big-file-bench.mjs` reads in the browser: SIMULATED grid cells around Guangzhou made
//! with a fixed seed (mulberry32, the same generator), `名称,经度,纬度,60岁以上,80岁以上`, written
//! to `target/bench-data/` once. Read as the CLI and the worker read it: streamed from disk twice
//! (the first rows for the column mapping, then every row into the planner's columns).
//!
//! The reference is `pandas.read_csv` on the same file, run by the Python in `ZHUCAN_PYTHON`
//! (`./x bench` makes a virtual environment with pandas in `target/bench-venv`), or skipped with a
//! note when there is none. `cargo bench --bench import`; `ZHUCAN_BENCH_CSV_MB` sets the size.

use std::io::{BufWriter, Write};
use std::path::PathBuf;
use std::process::Command;
use std::time::Instant;

use zhucan::core::io::crs::Crs;
use zhucan::core::io::table::preview_of;
use zhucan::core::planner::data::{import_demand, Source};

mod common;
use common::peak_memory_mb;

/// mulberry32, as in tools/big-file-bench.mjs.
struct Mulberry32(u32);

impl Mulberry32 {
    fn next(&mut self) -> f64 {
        self.0 = self.0.wrapping_add(0x6d2b_79f5);
        let mut t = (self.0 ^ (self.0 >> 15)).wrapping_mul(1 | self.0);
        t = t.wrapping_add((t ^ (t >> 7)).wrapping_mul(61 | t)) ^ t;
        f64::from(t ^ (t >> 14)) / 4_294_967_296.0
    }
}

fn make_file(path: &PathBuf, megabytes: u64) -> std::io::Result<()> {
    if std::fs::metadata(path).is_ok_and(|m| m.len() >= megabytes * 1_048_576) {
        return Ok(());
    }
    std::fs::create_dir_all(path.parent().unwrap_or(std::path::Path::new(".")))?;
    let mut out = BufWriter::new(std::fs::File::create(path)?);
    out.write_all("名称,经度,纬度,60岁以上,80岁以上\n".as_bytes())?;
    let (mut random, mut size, mut n) = (Mulberry32(1), 0u64, 0u64);
    while size < megabytes * 1_048_576 {
        let line = format!(
            "格{n},{:.6},{:.6},{},{}\n",
            113.0 + random.next() * 0.8,
            22.8 + random.next() * 0.6,
            (random.next() * 400.0).floor(),
            (random.next() * 60.0).floor()
        );
        size += line.len() as u64;
        out.write_all(line.as_bytes())?;
        n += 1;
    }
    out.flush()
}

/// Starts the peak-memory count afresh (Linux: writing 5 to clear_refs resets `VmHWM`).
fn reset_peak() {
    let _ = std::fs::write("/proc/self/clear_refs", "5");
}

/// `pandas.read_csv` on the same file: seconds, rows, peak memory (MB), or why not.
fn pandas(path: &PathBuf) -> Result<(f64, u64, f64), String> {
    let python = std::env::var("ZHUCAN_PYTHON").unwrap_or_else(|_| "python3".into());
    let script = "import sys, time, resource\n\
        import pandas\n\
        t = time.perf_counter()\n\
        df = pandas.read_csv(sys.argv[1])\n\
        s = time.perf_counter() - t\n\
        print(s, len(df), resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)\n";
    let out = Command::new(&python).args(["-c", script]).arg(path).output().map_err(|e| format!("{python}: {e}"))?;
    if !out.status.success() {
        return Err(String::from_utf8_lossy(&out.stderr).lines().last().unwrap_or("failed").to_string());
    }
    let text = String::from_utf8_lossy(&out.stdout);
    let v: Vec<f64> = text.split_whitespace().filter_map(|x| x.parse().ok()).collect();
    match v.as_slice() {
        [s, rows, mb] => Ok((*s, *rows as u64, *mb)),
        _ => Err(format!("unexpected output: {text}")),
    }
}

fn main() {
    let megabytes: u64 = std::env::var("ZHUCAN_BENCH_CSV_MB").ok().and_then(|s| s.parse().ok()).unwrap_or(200);
    let path = PathBuf::from(format!("target/bench-data/demand-{megabytes}mb.csv"));
    let t = Instant::now();
    make_file(&path, megabytes).expect("the benchmark file can be written");
    let size = std::fs::metadata(&path).map_or(0, |m| m.len());
    let file_mb = size as f64 / 1_048_576.0;
    println!("import benchmark: {} ({file_mb:.0} MB, SIMULATED, seeded; ready in {:.1} s)", path.display(), t.elapsed().as_secs_f64());

    reset_peak();
    let before = peak_memory_mb().unwrap_or(0.0);
    let t = Instant::now();
    let headers = preview_of(&path, 0).expect("headers").headers;
    let source = Source::Csv { data: &path, headers };
    let map = source.auto_map();
    let imported = import_demand(&source, &map, Crs::Wgs84).expect("imports");
    let seconds = t.elapsed().as_secs_f64();
    let peak = peak_memory_mb().unwrap_or(f64::NAN);
    let people: f64 = imported.data.counts.iter().sum();
    println!(
        "zhucan (stream → columns) {seconds:>7.2} s   {:>6.0} MB/s   {} rows, {people:.0} people   peak {peak:.0} MB = {:.1}× the file (before: {before:.0} MB)",
        file_mb / seconds,
        imported.data.points.len(),
        peak / file_mb
    );
    drop(imported);

    match pandas(&path) {
        Ok((s, rows, mb)) => {
            println!(
                "pandas.read_csv           {s:>7.2} s   {:>6.0} MB/s   {rows} rows   peak {mb:.0} MB = {:.1}× the file",
                file_mb / s,
                mb / file_mb
            );
            println!("zhucan / pandas: {:.2}× the time", seconds / s);
        }
        Err(why) => println!("pandas.read_csv           (not run: {why}; `./x bench` installs it in target/bench-venv)"),
    }
}
