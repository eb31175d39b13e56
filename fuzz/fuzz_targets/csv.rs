//! CSV files as people save them from Excel (UTF-8, UTF-8 with BOM, GBK, anything): text
//! decoding, then the planner's open → import → run path.
#![no_main]

use libfuzzer_sys::fuzz_target;
use zhucan::core::io::text::decode;

fuzz_target!(|data: &[u8]| {
    let _ = decode(data);
    zhucan_fuzz::through_the_planner(data, "demand.csv");
});
