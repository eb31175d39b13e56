//! The planner's whole path for one demand file, as the worker runs it: open, import with the
//! guessed mapping, add a small fixed candidate file, run k = 2. Shared by the parser robustness
//! properties (`tests/native/parser_robustness.rs`) and the fuzz targets (`fuzz/src/lib.rs`).

use zhucan::core::planner::plan::{Choices, Settings};
use zhucan::core::planner::session::{Reply, Request, Role, Session};

/// The candidate sites every run uses.
pub const CANDIDATES: &str = "名称,经度,纬度,60岁以上,80岁以上\n甲,113.30,23.10,120,20\n乙,113.31,23.11,80,9\n丙,113.29,23.12,45,3\n";

/// Every reply the session gives on that path; it goes as far as the file allows.
pub fn replies_for(demand: Vec<u8>, name: &str) -> Vec<Reply> {
    let mut s = Session::new();
    let mut replies = Vec::new();
    s.handle(Request::open(Role::Demand, name, demand), &mut |r| replies.push(r));
    let opened = replies.iter().find_map(|r| if let Reply::Opened(o) = r { Some(o.clone()) } else { None });
    if let Some(o) = opened {
        let mut send = |r: Reply| replies.push(r);
        s.handle(
            Request::Import { role: Role::Demand, map: o.map.clone(), crs: o.crs_hint.unwrap_or_default(), skip_bad_rows: true },
            &mut send,
        );
        s.handle(Request::open(Role::Candidates, "c.csv", CANDIDATES.as_bytes().to_vec()), &mut send);
    }
    let candidates =
        replies
            .iter()
            .rev()
            .find_map(|r| if let Reply::Opened(o) = r { (o.role == Role::Candidates).then(|| o.map.clone()) } else { None });
    if let Some(map) = candidates {
        let mut send = |r: Reply| replies.push(r);
        s.handle(Request::Import { role: Role::Candidates, map, crs: Default::default(), skip_bad_rows: true }, &mut send);
        s.handle(Request::Run { settings: Settings { k: 2, ..Settings::default() }, choices: Choices::default() }, &mut send);
    }
    replies
}
