//! Spreadsheet workbooks in a ZIP archive (.xlsx, .xlsb, .ods): any bytes as a workbook, its first
//! sheet with data and a sheet by name, then the planner's open → import → run path. No panic,
//! hang or runaway memory; what is read is CSV text the planner's CSV reader takes, within the
//! size limit.
//!
//! OLE compound files (.xls) are left out: calamine's OLE reader panics on damaged ones (an
//! assertion in its sector reader, `to_u32`, within 54 runs), which this crate cannot prevent. A
//! damaged .xls stops the web app's worker (the page starts a new one) or the CLI.
#![no_main]

use libfuzzer_sys::fuzz_target;
use zhucan::core::io::stream::CsvStream;
use zhucan::core::io::table::preview;
use zhucan::core::io::xlsx::{read_sheet, MAX_TEXT_BYTES};
use zhucan::core::Locale;

fuzz_target!(|data: &[u8]| {
    if data.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        return;
    }
    for sheet in [None, Some("人口")] {
        if let Ok(book) = read_sheet(data, sheet, Locale::En) {
            assert!(book.text.len() <= MAX_TEXT_BYTES, "{} bytes", book.text.len());
            assert!(book.sheets.contains(&book.sheet));
            assert!(book.header_row >= 1);
            // A NUL in a cell makes the CSV reader take the text for binary (and say so).
            if !book.text.contains('\0') {
                let headers = preview(&book.text, 5).expect("the header line reads").headers;
                assert!(!headers.is_empty());
            }
            if let Ok(mut rows) = CsvStream::open(&book.text) {
                while let Ok(Some(_)) = rows.next_row() {}
            }
        }
    }
    zhucan_fuzz::through_the_planner(data, "demand.xlsx");
});
