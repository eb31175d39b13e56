//! CSV files as people save them from Excel (UTF-8, UTF-8 with BOM, GBK, anything): text
//! decoding, the streaming reader, then the planner's open → import → run path.
//!
//! Two properties of the streaming reader (`core::io::stream`) are checked, not just "no panic":
//! the rows do not depend on how the bytes arrive (whole, or a few bytes at a time as a slow
//! disk or `File.slice` hands them out), and for a file the whole-file decoder reads, streaming
//! the raw bytes gives the same rows as streaming the decoded text.
#![no_main]

use std::io::Read;

use libfuzzer_sys::fuzz_target;
use zhucan::core::io::stream::CsvStream;
use zhucan::core::io::table::TableError;
use zhucan::core::io::text::decode;

/// Hands out at most `step` bytes per read.
struct Trickle<'a>(&'a [u8], usize);

impl Read for Trickle<'_> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.1.min(self.0.len()).min(buf.len());
        buf[..n].copy_from_slice(&self.0[..n]);
        self.0 = &self.0[n..];
        Ok(n)
    }
}

type Rows = Result<(Vec<String>, Vec<(u64, Vec<String>)>), TableError>;

fn rows(bytes: &[u8], step: usize) -> Rows {
    let mut s = CsvStream::new(Box::new(Trickle(bytes, step)), bytes.len() as u64)?;
    let headers = s.headers().to_vec();
    let mut out = Vec::new();
    while let Some(r) = s.next_row()? {
        out.push((r.line, r.texts()));
    }
    Ok((headers, out))
}

fuzz_target!(|data: &[u8]| {
    let whole = rows(data, usize::MAX);
    let step = 1 + usize::from(data.first().copied().unwrap_or(0) % 7);
    assert_eq!(rows(data, step), whole, "the rows depend on how the bytes arrive");
    if let Ok((text, _)) = decode(data) {
        assert_eq!(rows(text.as_bytes(), usize::MAX), whole, "streaming the raw bytes and the decoded text differ");
    }
    zhucan_fuzz::through_the_planner(data, "demand.csv");
});
