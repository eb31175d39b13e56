//! Spreadsheet workbooks (issue 14, item 4): workbooks written here with rust_xlsxwriter (an
//! independent writer), read by `core::io::xlsx` into the CSV text the planner already reads, then
//! through the planner's session and the `zhucan plan` command. The expected rows are written out
//! by hand from the cells put in.

use std::process::Command;

use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
use zhucan::core::io::stream::CsvStream;
use zhucan::core::io::table::preview;
use zhucan::core::io::xlsx::{self, read_sheet, WorkbookError};
use zhucan::core::planner::session::{OpenProblem, Reply, Request, Role, Session};
use zhucan::core::Locale;

fn date_format() -> Format {
    Format::new().set_num_format("yyyy-mm-dd")
}

/// The planner's kind of workbook: an empty cover sheet, the older population on "老年人口" (a
/// merged title row above the header, a header with padding and a blank cell, an empty row, a
/// float, an integer count, text holding numbers, dates) and candidate sites on "候选点".
fn population_workbook() -> Vec<u8> {
    let mut book = Workbook::new();
    book.add_worksheet().set_name("封面").expect("name");
    let people = book.add_worksheet();
    people.set_name("老年人口").expect("name");
    people.merge_range(0, 0, 0, 5, "和平街道老年人口（2024年）", &Format::new()).expect("title");
    for (col, name) in ["社区", " 经度 ", "纬度", "60岁以上", "", "调查日期"].into_iter().enumerate() {
        if !name.is_empty() {
            people.write_string(1, col as u16, name).expect("header");
        }
    }
    // Row 3: numbers as Excel stores them.
    people.write_string(2, 0, "和平里").expect("cell");
    people.write_number(2, 1, 113.264385).expect("cell");
    people.write_number(2, 2, 23.129163).expect("cell");
    people.write_number(2, 3, 1200).expect("cell");
    people.write_number(2, 4, 0.1 + 0.2).expect("cell");
    people.write_datetime_with_format(2, 5, ExcelDateTime::from_ymd(2024, 3, 5).expect("date"), &date_format()).expect("cell");
    // Row 4 stays empty. Row 5: numbers typed as text, a sum's noise, a date with a time.
    people.write_string(4, 0, "安华里").expect("cell");
    people.write_string(4, 1, "  113.26").expect("cell");
    people.write_string(4, 2, "23.13 ").expect("cell");
    people.write_string(4, 3, "85").expect("cell");
    people.write_number(4, 4, 113.26400000000001).expect("cell");
    let morning = ExcelDateTime::from_ymd(2024, 3, 5).expect("date").and_hms(8, 30, 0).expect("time");
    people.write_datetime_with_format(4, 5, morning, &Format::new().set_num_format("yyyy-mm-dd hh:mm")).expect("cell");
    // Row 6: the last columns left empty.
    people.write_string(5, 0, "东湖").expect("cell");
    people.write_number(5, 1, 113.27).expect("cell");
    people.write_number(5, 2, 23.14).expect("cell");
    people.write_number(5, 3, 1000.0).expect("cell");
    let sites = book.add_worksheet();
    sites.set_name("候选点").expect("name");
    for (col, name) in ["名称", "经度", "纬度"].into_iter().enumerate() {
        sites.write_string(0, col as u16, name).expect("header");
    }
    sites.write_string(1, 0, "一号").expect("cell");
    sites.write_number(1, 1, 113.265).expect("cell");
    sites.write_number(1, 2, 23.13).expect("cell");
    book.save_to_buffer().expect("xlsx")
}

#[test]
fn a_sheet_reads_as_a_person_sees_it() {
    let bytes = population_workbook();
    let sheet = read_sheet(&bytes, None, Locale::ZhCn).expect("read");
    // The cover sheet is empty: the first sheet with data is read.
    assert_eq!((sheet.format, sheet.sheet.as_str(), sheet.header_row), (xlsx::Format::Xlsx, "老年人口", 2));
    assert_eq!(sheet.sheets, ["封面", "老年人口", "候选点"]);
    // The header is row 2, on line 1; each data row is on the line of its row number (3, 5, 6),
    // row 4 an empty line. E2 is blank: named after its column, the fifth.
    assert_eq!(
        sheet.text,
        "社区,经度,纬度,60岁以上,列5,调查日期\n\n\
         和平里,113.264385,23.129163,1200,0.3,2024-03-05\n\n\
         安华里,113.26,23.13,85,113.264,2024-03-05 08:30\n\
         东湖,113.27,23.14,1000\n"
    );
    let p = preview(&sheet.text, 5).expect("preview");
    assert_eq!(p.headers, ["社区", "经度", "纬度", "60岁以上", "列5", "调查日期"]);
    let mut rows = Vec::new();
    let mut stream = CsvStream::open(&sheet.text).expect("opens");
    while let Some(r) = stream.next_row().expect("rows") {
        rows.push((r.line, r.texts()));
    }
    assert_eq!(rows.len(), 3);
    assert_eq!(
        rows,
        [
            (3, vec!["和平里", "113.264385", "23.129163", "1200", "0.3", "2024-03-05"]),
            (5, vec!["安华里", "113.26", "23.13", "85", "113.264", "2024-03-05 08:30"]),
            (6, vec!["东湖", "113.27", "23.14", "1000"]),
        ]
        .map(|(line, cells)| (line, cells.into_iter().map(String::from).collect::<Vec<_>>()))
    );
    // In English the blank header cell is "Column 5".
    let en = read_sheet(&bytes, None, Locale::En).expect("read");
    assert!(en.text.starts_with("社区,经度,纬度,60岁以上,Column 5,调查日期\n"), "{}", en.text);
}

#[test]
fn another_sheet_by_name() {
    let bytes = population_workbook();
    let sites = read_sheet(&bytes, Some("候选点"), Locale::ZhCn).expect("read");
    assert_eq!((sites.sheet.as_str(), sites.header_row, sites.text.as_str()), ("候选点", 1, "名称,经度,纬度\n一号,113.265,23.13\n"));
    assert_eq!(
        read_sheet(&bytes, Some("人口"), Locale::ZhCn),
        Err(WorkbookError::NoSuchSheet {
            sheet: "人口".into(), sheets: vec!["封面".into(), "老年人口".into(), "候选点".into()]
        })
    );
    assert_eq!(read_sheet(&bytes, Some("封面"), Locale::ZhCn), Err(WorkbookError::EmptySheet { sheet: "封面".into() }));
}

/// A ZIP archive with its files stored uncompressed.
fn stored_zip(files: &[(&str, &[u8])]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut central = Vec::new();
    for (name, data) in files {
        let mut crc = flate2::Crc::new();
        crc.update(data);
        let (crc, size, offset) = (crc.sum(), data.len() as u32, out.len() as u32);
        let common = |v: &mut Vec<u8>| {
            v.extend_from_slice(&[20, 0, 0, 0, 0, 0, 0, 0, 0x21, 0]); // version, flags, stored, time, date
            v.extend_from_slice(&crc.to_le_bytes());
            v.extend_from_slice(&size.to_le_bytes());
            v.extend_from_slice(&size.to_le_bytes());
            v.extend_from_slice(&(name.len() as u16).to_le_bytes());
            v.extend_from_slice(&[0, 0]); // extra
        };
        out.extend_from_slice(b"PK\x03\x04");
        common(&mut out);
        out.extend_from_slice(name.as_bytes());
        out.extend_from_slice(data);
        central.extend_from_slice(b"PK\x01\x02\x14\x00");
        common(&mut central);
        central.extend_from_slice(&[0; 8]); // comment, disk, internal and external attributes
        central.extend_from_slice(&[0; 2]);
        central.extend_from_slice(&offset.to_le_bytes());
        central.extend_from_slice(name.as_bytes());
    }
    let (cd_offset, cd_size, n) = (out.len() as u32, central.len() as u32, files.len() as u16);
    out.extend_from_slice(&central);
    out.extend_from_slice(b"PK\x05\x06\x00\x00\x00\x00");
    out.extend_from_slice(&n.to_le_bytes());
    out.extend_from_slice(&n.to_le_bytes());
    out.extend_from_slice(&cd_size.to_le_bytes());
    out.extend_from_slice(&cd_offset.to_le_bytes());
    out.extend_from_slice(&[0, 0]);
    out
}

/// The smallest OLE compound file holding one (empty) stream: a header, one sector of the
/// allocation table, one of the directory. An Excel file encrypted with a password is such a
/// file with a stream named "EncryptedPackage"; an .xls has "Workbook".
fn ole_with_stream(stream: &str) -> Vec<u8> {
    const END: u32 = 0xFFFF_FFFE;
    const FREE: u32 = 0xFFFF_FFFF;
    let mut f = vec![0u8; 512 * 3];
    let put16 = |f: &mut Vec<u8>, at: usize, v: u16| f[at..at + 2].copy_from_slice(&v.to_le_bytes());
    let put32 = |f: &mut Vec<u8>, at: usize, v: u32| f[at..at + 4].copy_from_slice(&v.to_le_bytes());
    f[..8].copy_from_slice(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]);
    put16(&mut f, 24, 0x3E); // minor version
    put16(&mut f, 26, 3); // major version: 512-byte sectors
    put16(&mut f, 28, 0xFFFE); // byte order
    put16(&mut f, 30, 9); // sector shift: 2⁹
    put16(&mut f, 32, 6); // mini sector shift: 2⁶
    put32(&mut f, 44, 1); // one allocation-table sector …
    put32(&mut f, 48, 1); // … the directory starts at sector 1
    put32(&mut f, 56, 4096); // mini stream cut-off
    put32(&mut f, 60, END); // no mini allocation table
    put32(&mut f, 68, END); // no more allocation-table sectors
    put32(&mut f, 76, 0); // the allocation table is sector 0
    for i in 1..109 {
        put32(&mut f, 76 + 4 * i, FREE);
    }
    // Sector 0 (file offset 512): the allocation table. Sector 0 is the table, sector 1 the
    // directory (one sector long).
    put32(&mut f, 512, 0xFFFF_FFFD);
    put32(&mut f, 516, END);
    for i in 2..128 {
        put32(&mut f, 512 + 4 * i, FREE);
    }
    // Sector 1 (file offset 1024): the root entry and the stream.
    let entry = |f: &mut Vec<u8>, at: usize, name: &str, kind: u8, child: u32| {
        let units: Vec<u16> = name.encode_utf16().collect();
        for (i, u) in units.iter().enumerate() {
            put16(f, at + 2 * i, *u);
        }
        put16(f, at + 64, (2 * (units.len() + 1)) as u16);
        f[at + 66] = kind;
        f[at + 67] = 1; // black
        put32(f, at + 68, FREE);
        put32(f, at + 72, FREE);
        put32(f, at + 76, child);
        put32(f, at + 116, END);
    };
    entry(&mut f, 1024, "Root Entry", 5, 1);
    entry(&mut f, 1024 + 128, stream, 2, FREE);
    f
}

#[test]
fn files_that_are_no_workbook_or_cannot_be_read_say_why() {
    let text_archive = stored_zip(&[("readme.txt", b"hello")]);
    assert_eq!(read_sheet(&text_archive, None, Locale::ZhCn), Err(WorkbookError::NotWorkbook));
    // An OpenDocument text (.odt) is the same kind of container as an .ods.
    let odt = stored_zip(&[("mimetype", b"application/vnd.oasis.opendocument.text"), ("content.xml", b"<x/>")]);
    assert_eq!(read_sheet(&odt, None, Locale::ZhCn), Err(WorkbookError::NotWorkbook));
    // A Word 97 document: an OLE file without a workbook stream.
    assert_eq!(read_sheet(&ole_with_stream("WordDocument"), None, Locale::ZhCn), Err(WorkbookError::NotWorkbook));
    assert_eq!(read_sheet(&ole_with_stream("EncryptedPackage"), None, Locale::ZhCn), Err(WorkbookError::Password));
    // Cut off half-way, as a failed download: the ZIP's list of files at the end is gone.
    let whole = population_workbook();
    let cut = &whole[..whole.len() / 2];
    assert!(matches!(read_sheet(cut, None, Locale::ZhCn), Err(WorkbookError::Damaged { .. })), "{:?}", read_sheet(cut, None, Locale::ZhCn));
    // Only empty sheets.
    let mut book = Workbook::new();
    book.add_worksheet();
    book.add_worksheet().write_string(3, 2, "  ").expect("blank text");
    let empty = book.save_to_buffer().expect("xlsx");
    assert_eq!(read_sheet(&empty, None, Locale::ZhCn), Err(WorkbookError::Empty));
    // In words, in each language.
    assert_eq!(WorkbookError::Empty.message(Locale::ZhCn), "这个工作簿里的工作表都是空的");
    assert_eq!(WorkbookError::Empty.message(Locale::En), "every sheet in the workbook is empty");
    assert_eq!(
        WorkbookError::Password.message(Locale::ZhCn),
        "这个工作簿设了打开密码，读不了。请在 Excel 里去掉密码（文件 → 信息 → 保护工作簿 → 用密码进行加密，清空密码）后再选择它"
    );
    assert_eq!(
        WorkbookError::Password.message(Locale::En),
        "the workbook has a password to open; remove it in Excel (File → Info → Protect Workbook → Encrypt with Password, clear the password) and choose it again"
    );
    assert_eq!(
        WorkbookError::NotWorkbook.message(Locale::ZhCn),
        "这个文件是压缩包或 Word 等文档，不是 Excel 工作簿（.xlsx、.xls）或 ODS 表格"
    );
    assert_eq!(
        WorkbookError::Damaged { detail: "invalid Zip archive".into() }.message(Locale::En),
        "the workbook is damaged and cannot be read (invalid Zip archive); open it in Excel and save it as a new .xlsx file"
    );
    assert_eq!(WorkbookError::EmptySheet { sheet: "封面".into() }.message(Locale::ZhCn), "工作表“封面”是空的");
    assert_eq!(WorkbookError::EmptySheet { sheet: "封面".into() }.message(Locale::En), "the sheet “封面” is empty");
}

fn replies(session: &mut Session, request: Request) -> Vec<Reply> {
    let mut out = Vec::new();
    session.handle(request, &mut |r| out.push(r));
    out
}

#[test]
fn the_planner_opens_a_workbook_and_imports_the_sheet_chosen() {
    let mut s = Session::new();
    let bytes = population_workbook();
    let Reply::Opened(o) = replies(&mut s, Request::open(Role::Demand, "人口.xlsx", bytes.clone())).remove(0) else { panic!("opened") };
    assert_eq!((o.encoding.as_str(), o.sheet.as_deref(), o.sheets.len()), ("XLSX", Some("老年人口"), 3));
    assert_eq!(o.headers, ["社区", "经度", "纬度", "60岁以上", "列5", "调查日期"]);
    assert_eq!(o.sample[1], ["安华里", "113.26", "23.13", "85", "113.264", "2024-03-05 08:30"]);
    // The columns are recognised as in a CSV file; the blank one is nothing.
    assert_eq!((o.map.name, o.map.lon, o.map.lat, o.map.count), (Some(0), Some(1), Some(2), Some(3)));
    let Reply::Imported(r) =
        replies(&mut s, Request::Import { role: Role::Demand, map: o.map, crs: Default::default(), skip_bad_rows: false }).remove(0)
    else {
        panic!("imported")
    };
    assert_eq!((r.total_rows, r.bad_rows, r.accepted, r.rows_in_use), (3, 0, true, 3));
    // The candidates' sheet of the same workbook, asked for by name (the English interface).
    let request = Request::Open {
        role: Role::Candidates,
        name: "人口.xlsx".into(),
        bytes: bytes.clone(),
        sheet: Some("候选点".into()),
        locale: Locale::En,
    };
    let Reply::Opened(o) = replies(&mut s, request).remove(0) else { panic!("opened") };
    assert_eq!((o.sheet.as_deref(), o.headers.len(), o.sample.len()), (Some("候选点"), 3, 1));
    // A sheet that is not there: the file is not opened, and the reason lists the sheets.
    let request =
        Request::Open { role: Role::Candidates, name: "人口.xlsx".into(), bytes, sheet: Some("Sheet1".into()), locale: Locale::En };
    let reply = replies(&mut s, request).remove(0);
    let Reply::OpenFailed { problem: OpenProblem::Workbook(e), .. } = reply else { panic!("{reply:?}") };
    assert_eq!(e.to_string(), "the workbook has no sheet named “Sheet1” (it has: 封面, 老年人口, 候选点)");
}

#[test]
fn old_open_requests_still_read() {
    // A request saved or sent before workbooks (no sheet, no language) means the first sheet, in
    // Chinese.
    let request: Request = serde_json::from_str(r#"{"Open":{"role":"Demand","name":"a.csv","bytes":[120]}}"#).expect("old request");
    assert_eq!(request, Request::open(Role::Demand, "a.csv", b"x".to_vec()));
}

fn temp_dir(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("zhucan-workbook-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

/// `zhucan plan` from two workbooks. Demand: 和平里 (1,200 people) at 113.300, 23.100 and 安华里
/// (85, its longitude typed as text, "  113.302") 0.002° east of it; 东湖 (300) at 113.330. At
/// 23.1° north a degree of longitude is about 111,320 × cos 23.1° ≈ 102,400 m, so the site 一号 at
/// 113.301 is about 102 m from each of the first two, and 二号 at 113.330 stands on 东湖 (3 km
/// away from the others). With a 500 m radius and one site, 一号 covers 1,200 + 85 = 1,285 people.
#[test]
fn plan_from_workbooks() {
    let dir = temp_dir("plan");
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.merge_range(0, 0, 0, 3, "老年人口", &Format::new()).expect("title");
    for (col, name) in ["社区", "经度", "纬度", "60岁以上"].into_iter().enumerate() {
        sheet.write_string(1, col as u16, name).expect("header");
    }
    sheet.write_string(2, 0, "和平里").expect("cell");
    sheet.write_number(2, 1, 113.3).expect("cell");
    sheet.write_number(2, 2, 23.1).expect("cell");
    sheet.write_number(2, 3, 1200).expect("cell");
    sheet.write_string(4, 0, "安华里").expect("cell");
    sheet.write_string(4, 1, "  113.302").expect("cell");
    sheet.write_number(4, 2, 23.1).expect("cell");
    sheet.write_string(4, 3, "85").expect("cell");
    sheet.write_string(5, 0, "东湖").expect("cell");
    sheet.write_number(5, 1, 113.33).expect("cell");
    sheet.write_number(5, 2, 23.1).expect("cell");
    sheet.write_number(5, 3, 300).expect("cell");
    let demand = dir.join("人口.xlsx");
    book.save(&demand).expect("save");
    let mut book = Workbook::new();
    book.add_worksheet().set_name("说明").expect("name").write_string(0, 0, "候选点在下一个工作表").expect("note");
    let sites = book.add_worksheet();
    sites.set_name("候选点").expect("name");
    for (row, cells) in [["名称", "经度", "纬度"], ["一号", "113.301", "23.1"], ["二号", "113.33", "23.1"]].into_iter().enumerate()
    {
        for (col, cell) in cells.into_iter().enumerate() {
            match cell.parse::<f64>() {
                Ok(x) => sites.write_number(row as u32, col as u16, x),
                Err(_) => sites.write_string(row as u32, col as u16, cell),
            }
            .expect("cell");
        }
    }
    let candidates = dir.join("候选.xlsx");
    book.save(&candidates).expect("save");
    let (demand, candidates) = (demand.to_string_lossy().to_string(), candidates.to_string_lossy().to_string());
    let run = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_zhucan")).args(args).env_remove("LC_ALL").env_remove("LANG").output().expect("runs")
    };
    let with_sheet = format!("{candidates}#候选点");
    let out = run(&["plan", "--demand", &demand, "--candidates", &with_sheet, "--radius-m", "500", "--k", "1"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(v["chosen_names"], serde_json::json!(["一号"]));
    assert_eq!(v["covered_weight"], 1285.0);
    assert_eq!(v["total_weight"], 1585.0);
    // The first sheet with data is the note: one column, no positions.
    let out = run(&["plan", "--demand", &demand, "--candidates", &candidates, "--lang", "zh"]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains(&candidates), "{stderr}");
    // A sheet that is not there is named with the sheets there are.
    let missing = format!("{candidates}#Sheet1");
    let out = run(&["plan", "--demand", &demand, "--candidates", &missing, "--lang", "zh"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr).trim(),
        format!("zhucan：{missing}：工作簿里没有名为“Sheet1”的工作表（有：说明、候选点）")
    );
}

/// The fuzz target's seeds (`fuzz/corpus/xlsx`), written by hand (Python's zipfile, files stored
/// uncompressed so the fuzzer can change the XML): an .xlsx with shared and inline strings, a
/// formula's text result, an error cell, a date style and a missing row 3; an .ods with two
/// repeated empty rows.
#[test]
fn the_fuzz_seeds_read() {
    let seed = |name: &str| std::fs::read(format!("{}/fuzz/corpus/xlsx/{name}", env!("CARGO_MANIFEST_DIR"))).expect("seed");
    let book = read_sheet(&seed("small.xlsx"), None, Locale::ZhCn).expect("xlsx seed");
    assert_eq!((book.format, book.sheet.as_str()), (xlsx::Format::Xlsx, "人口"));
    assert_eq!(book.text, "名称,经度,纬度,60岁以上,日期\n甲,113.264,23.1,120,2024-03-05\n\n乙,113.26,23.11,80,#N/A\n");
    let book = read_sheet(&seed("small.ods"), None, Locale::ZhCn).expect("ods seed");
    assert_eq!((book.format, book.sheet.as_str()), (xlsx::Format::Ods, "人口"));
    assert_eq!(book.text, "名称,经度,纬度,日期\n\n\n甲,113.26,23.1,2024-03-05 08:30\n");
}
