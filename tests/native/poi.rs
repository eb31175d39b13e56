//! Point-of-interest exports (issue 14, item 3): positions in one `location` column, as 高德 (Amap)
//! exports them, planned from end to end by the `zhucan` binary and opened by the planner's worker
//! session; rows that share a position are kept, and only exact repeats are counted once, with one
//! summary line in words.

use std::process::Command;

use zhucan::core::io::crs::Crs;
use zhucan::core::planner::data::{FileWarning, RowRef};
use zhucan::core::planner::session::{Reply, Request, Role, Session};

fn zhucan(args: &[&str]) -> std::process::Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_zhucan"));
    cmd.args(args).env_remove("LC_ALL").env_remove("LC_MESSAGES").env_remove("LANG");
    cmd.output().expect("the zhucan binary runs")
}

fn write(dir: &std::path::Path, name: &str, text: &str) -> String {
    let path = dir.join(name);
    std::fs::write(&path, text).expect("write test file");
    path.to_string_lossy().into_owned()
}

fn temp_dir(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("zhucan-poi-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

/// Candidate canteens as 高德 exports them (GCJ-02, `location` = "lng,lat"): 甲 at
/// (113.264385, 23.129112), 乙 at (113.300000, 23.129112).
const CANDIDATES: &str = "id,name,type,typecode,address,location,pname,cityname,adname\n\
    B0FFG00001,社区食堂甲,餐饮服务;快餐厅,050300,天河路1号,\"113.264385,23.129112\",广东省,广州市,天河区\n\
    B0FFG00002,社区食堂乙,餐饮服务;快餐厅,050300,江边路2号,\"113.300000,23.129112\",广东省,广州市,天河区\n";

/// Residential compounds from the same kind of export, with the number of older people added.
/// Line 4 is another compound geocoded to line 3's point (kept); line 5 repeats line 2 in every
/// column (counted once).
const DEMAND: &str = "id,name,type,address,location,老年人口\n\
    B0001,和平里小区,住宅区,天河路1号,\"113.264385,23.129112\",120\n\
    B0002,东风苑,住宅区,天河路3号,\"113.264385,23.130912\",80\n\
    B0003,东风苑北区,住宅区,天河路3号,\"113.264385,23.130912\",40\n\
    B0001,和平里小区,住宅区,天河路1号,\"113.264385,23.129112\",120\n\
    B0004,远景花园,住宅区,中山路8号,\"113.282000,23.129112\",300\n\
    B0005,江畔小区,住宅区,江边路2号,\"113.300000,23.130012\",150\n";

/// By hand, with a 500 m radius (a degree of latitude ≈ 111,195 m; a degree of longitude at
/// 23.13° N ≈ 111,195 × cos 23.13° ≈ 102,270 m; GCJ-02 → WGS84 moves every point here by
/// nearly the same few hundred metres, which changes these distances by a few metres at most):
/// - 和平里小区 (120) is at 甲: 0 m.
/// - 东风苑 (80) and 东风苑北区 (40) share a point 0.0018° north of 甲: ≈ 200 m → 甲.
/// - line 5 repeats 和平里小区 exactly: counted once, so 甲 reaches 120 + 80 + 40 = 240.
/// - 远景花园 (300) is 0.017615° east of 甲 (≈ 1,801 m) and 0.018° west of 乙 (≈ 1,841 m):
///   neither.
/// - 江畔小区 (150) is 0.0009° north of 乙: ≈ 100 m → 乙.
///
/// Total 120 + 80 + 40 + 300 + 150 = 690. One site: 甲, covering 240; two: 240 + 150 = 390.
#[test]
fn plan_from_a_gaode_poi_export() {
    let dir = temp_dir("plan");
    let candidates = write(&dir, "食堂.csv", CANDIDATES);
    let demand = write(&dir, "小区.csv", DEMAND);
    let one = zhucan(&["plan", "--demand", &demand, "--candidates", &candidates, "--crs", "gcj02", "--radius-m", "500", "--k", "1"]);
    assert!(one.status.success(), "{}", String::from_utf8_lossy(&one.stderr));
    let v: serde_json::Value = serde_json::from_slice(&one.stdout).expect("JSON");
    assert_eq!(v["total_weight"], 690.0);
    assert_eq!(v["covered_weight"], 240.0);
    assert_eq!(v["chosen_names"], serde_json::json!(["社区食堂甲"]));
    assert_eq!(v["per_candidate_weight"], serde_json::json!([240.0, 150.0]));
    let two = zhucan(&["plan", "--demand", &demand, "--candidates", &candidates, "--crs", "gcj02", "--radius-m", "500", "--k", "2"]);
    let v: serde_json::Value = serde_json::from_slice(&two.stdout).expect("JSON");
    assert_eq!(v["covered_weight"], 390.0);

    // The repeat is one line of words on stderr, in the language asked for; no JSON.
    let stderr = String::from_utf8_lossy(&one.stderr);
    assert_eq!(
        stderr.lines().collect::<Vec<_>>(),
        [format!("{demand}: warning: 1 row repeats an earlier row exactly (line 5) and counts once")]
    );
    let chinese =
        zhucan(&["plan", "--demand", &demand, "--candidates", &candidates, "--crs", "gcj02", "--radius-m", "500", "--lang", "zh"]);
    assert!(chinese.status.success());
    let stderr = String::from_utf8_lossy(&chinese.stderr);
    assert_eq!(stderr.lines().collect::<Vec<_>>(), [format!("{demand}：注意：1 行与前面的行完全相同（第 5 行），只算一次")]);
}

/// An existing canteen given as a WKT point at 乙 already serves 江畔小区 (150): one new site is
/// still 甲 (240), and together they cover 240 + 150 = 390.
#[test]
fn existing_canteens_as_wkt_points() {
    let dir = temp_dir("existing");
    let candidates = write(&dir, "食堂.csv", CANDIDATES);
    let demand = write(&dir, "小区.csv", DEMAND);
    let existing = write(&dir, "已有.csv", "名称,geom\n老食堂,SRID=4326;POINT (113.300000 23.129112)\n");
    let out = zhucan(&[
        "plan",
        "--demand",
        &demand,
        "--candidates",
        &candidates,
        "--existing",
        &existing,
        "--crs",
        "gcj02",
        "--radius-m",
        "500",
        "--k",
        "1",
    ]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(v["existing_weight"], 150.0);
    assert_eq!(v["covered_weight"], 390.0);
    assert_eq!(v["chosen_names"], serde_json::json!(["社区食堂甲"]));
}

/// A bad cell in the `location` column is named by file, line and column, in words.
#[test]
fn a_bad_location_is_named_in_words() {
    let dir = temp_dir("bad");
    let candidates = write(&dir, "食堂.csv", CANDIDATES);
    let demand = write(&dir, "小区.csv", "name,location,老年人口\n甲,\"113.264385,23.129112\",10\n乙,113.27,20\n");
    let out = zhucan(&["plan", "--demand", &demand, "--candidates", &candidates, "--crs", "gcj02", "--lang", "zh"]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(stderr.lines().next(), Some(format!("{demand}：第 3 行，“location”：不是经度和纬度两个数（“113.27”）").as_str()));
    assert!(!stderr.contains('{'), "no JSON: {stderr}");
    let out = zhucan(&["plan", "--demand", &demand, "--candidates", &candidates, "--crs", "gcj02", "--lang", "en"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(
        stderr.lines().next(),
        Some(format!("{demand}: line 3, “location”: is not two numbers, a longitude and a latitude (“113.27”)").as_str())
    );
}

/// The planner's worker session: the mapping step is offered the `location` column as one column
/// of both coordinates (recognised from its contents under any name), and the import keeps the
/// rows at one point and sums up the exact repeat.
#[test]
fn the_mapping_step_offers_one_column_of_both() {
    let mut session = Session::new();
    let mut replies = Vec::new();
    // "位置" is no name the mapper knows: the values say what the column is.
    let text = DEMAND.replacen("location", "位置", 1);
    session.handle(Request::open(Role::Demand, "小区.csv", text.into_bytes()), &mut |r| replies.push(r));
    let Some(Reply::Opened(opened)) = replies.pop() else { panic!("not opened: {replies:?}") };
    assert_eq!(
        (opened.map.lonlat, opened.map.lon, opened.map.lat, opened.map.name, opened.map.count),
        (Some(4), None, None, Some(1), Some(5))
    );
    session
        .handle(Request::Import { role: Role::Demand, map: opened.map, crs: Crs::Gcj02, skip_bad_rows: false }, &mut |r| replies.push(r));
    let Some(Reply::Imported(report)) = replies.pop() else { panic!("not imported: {replies:?}") };
    // Six rows: five in use (line 4 shares line 3's point and is kept), line 5 counted once.
    assert!(report.accepted);
    assert_eq!((report.total_rows, report.bad_rows, report.rows_in_use), (6, 0, 5));
    assert_eq!(report.warnings, vec![FileWarning::ExactDuplicates { rows: 1, first: vec![RowRef::Line(5)] }]);
}

mod cells {
    use proptest::prelude::*;
    use zhucan::core::io::location::{parse, plausible};

    proptest! {
        /// Any text in a cell is a position, empty, or an error: never a panic (full-width and
        /// other multi-byte characters included).
        #[test]
        fn any_cell_reads_without_panicking(text in "[ -~０-９，；：（）°ＥＮ经纬度\u{3000}]{0,40}") {
            let _ = parse(&text);
            let _ = plausible(&text);
        }

        /// A position written in any of the forms reads back exactly (Rust prints an f64 so that
        /// it parses back to the same number).
        #[test]
        fn written_positions_read_back(lon in -180.0..180.0f64, lat in -90.0..90.0f64, form in 0..6usize) {
            let text = match form {
                0 => format!("{lon},{lat}"),
                1 => format!("{lon} {lat}"),
                2 => format!("{lon}，{lat}"),
                3 => format!("POINT({lon} {lat})"),
                4 => format!("SRID=4326;point ({lon} {lat})"),
                _ => format!(r#"{{"lat":{lat},"lng":{lon}}}"#),
            };
            let p = parse(&text).expect("a position").expect("not empty");
            prop_assert_eq!((p.lon, p.lat), (lon, lat), "{}", text);
        }
    }
}
