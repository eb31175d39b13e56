//! What the fuzz targets share: the planner's whole path for one demand file, as the worker runs it.

use zhucan::core::planner::plan::{Choices, Settings};
use zhucan::core::planner::session::{Reply, Request, Role, Session};

/// A small, valid candidate file, so a demand file that imports goes on to a run.
const CANDIDATES: &str = "名称,经度,纬度\n甲,113.30,23.10\n乙,113.31,23.11\n丙,113.29,23.12\n";

/// Opens `bytes` as the demand file `name`, imports it with the guessed mapping, adds the
/// candidates and runs k = 2. Every step must answer (a reply, possibly an error) and not panic.
pub fn through_the_planner(bytes: &[u8], name: &str) {
    let mut session = Session::new();
    let mut replies: Vec<Reply> = Vec::new();
    session.handle(Request::Open { role: Role::Demand, name: name.into(), bytes: bytes.to_vec() }, &mut |r| replies.push(r));
    assert!(!replies.is_empty(), "opening a file always answers");
    let Some(opened) = replies.iter().find_map(|r| if let Reply::Opened(o) = r { Some(o.clone()) } else { None }) else {
        return;
    };
    let import = Request::Import { role: Role::Demand, map: opened.map.clone(), crs: opened.crs_hint.unwrap_or_default(), skip_bad_rows: true };
    session.handle(import, &mut |r| replies.push(r));
    session.handle(Request::Open { role: Role::Candidates, name: "c.csv".into(), bytes: CANDIDATES.as_bytes().to_vec() }, &mut |r| replies.push(r));
    let Some(map) = replies.iter().rev().find_map(|r| match r {
        Reply::Opened(o) if o.role == Role::Candidates => Some(o.map.clone()),
        _ => None,
    }) else {
        panic!("the fixed candidate file must open");
    };
    session.handle(Request::Import { role: Role::Candidates, map, crs: Default::default(), skip_bad_rows: true }, &mut |r| replies.push(r));
    session.handle(Request::Run { settings: Settings { k: 2, ..Settings::default() }, choices: Choices::default() }, &mut |r| replies.push(r));
}
