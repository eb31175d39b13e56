//! Spreadsheet workbooks: Excel (.xlsx, .xlsm, .xlsb, .xls) and OpenDocument (.ods), read with
//! calamine. One sheet becomes the same CSV text the planner reads from a CSV file, so the column
//! mapping and the import work unchanged — but with the cells as a person reads them, not as the
//! workbook stores them:
//!
//! - numbers to at most 15 significant digits, as Excel shows them (`113.26400000000001` is
//!   `113.264`), whole numbers without `.0`;
//! - dates as `YYYY-MM-DD` (with `HH:MM` when the cell has a time of day);
//! - text trimmed (`"  113.26"` is `113.26`), line breaks inside a cell made spaces;
//! - empty rows skipped, but still counted: the text's line numbers are the sheet's row numbers, so
//!   a bad row is named by the row the planner sees in Excel;
//! - the header is the first row with two or more filled cells (a one-cell title row or two above
//!   it, as Chinese reports often have, is left out); a blank or merged header cell is named after
//!   its column (`列3`, `Column 3`: the sheet's third column, C);
//! - columns left of the first filled one are left out.
//!
//! The first worksheet with any filled cell is read unless another is asked for by name.

use std::io::Cursor;

use calamine::{CellErrorType, Data, DataRef, ExcelDateTime, Ods, OdsError, Reader, SheetType, SheetVisible, Xlsb, Xlsx, XlsxError};
use serde::{Deserialize, Serialize};

use crate::core::Locale;

/// The largest sheet read, as CSV text (the same limit as a CSV file).
pub const MAX_TEXT_BYTES: usize = 256 * 1024 * 1024;

/// Filled rows looked at for the header: above the first row with two filled cells, at most this
/// many one-cell rows (titles, notes) are left out.
const TITLE_ROWS: usize = 10;

/// The rows of a sheet in Excel (and LibreOffice).
const MAX_ROWS: u32 = 1_048_576;
/// The columns of a sheet, A to XFD.
const MAX_COLUMNS: u32 = 16_384;

/// How an OLE compound file (.xls, and an encrypted .xlsx) starts.
const OLE_MAGIC: [u8; 8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

/// The kind of workbook.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Format {
    /// Excel 2007 and later (.xlsx, .xlsm).
    Xlsx,
    /// Excel binary workbook (.xlsb).
    Xlsb,
    /// Excel 97–2003 (.xls).
    Xls,
    /// OpenDocument spreadsheet (.ods: LibreOffice, WPS can save it).
    Ods,
}

impl Format {
    /// The format's usual name, the same in every language (like "UTF-8").
    pub fn label(self) -> &'static str {
        match self {
            Format::Xlsx => "XLSX",
            Format::Xlsb => "XLSB",
            Format::Xls => "XLS",
            Format::Ods => "ODS",
        }
    }
}

/// Why a workbook, or the sheet asked for, cannot be read.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum WorkbookError {
    /// A ZIP archive or an OLE compound file that holds no workbook (a Word document, an archive).
    NotWorkbook,
    /// A workbook the reader gives up on (cut off in a download, broken).
    Damaged {
        /// What the reader said (in English, from the library).
        detail: String,
    },
    /// Encrypted with a password to open.
    Password,
    /// An Excel 97–2003 file (.xls): not read for now (the reader can crash on damaged ones).
    OldExcel,
    /// No sheet has a filled cell.
    Empty,
    /// The sheet asked for is not in the workbook.
    NoSuchSheet {
        /// The name asked for.
        sheet: String,
        /// The workbook's sheets.
        sheets: Vec<String>,
    },
    /// The sheet asked for has no filled cell.
    EmptySheet {
        /// Its name.
        sheet: String,
    },
    /// The sheet, as text, is over [`MAX_TEXT_BYTES`].
    TooLarge {
        /// The limit, MB.
        limit_mb: u64,
    },
}

impl WorkbookError {
    /// The message in `locale`.
    pub fn message(&self, locale: Locale) -> String {
        let w = words(locale);
        match self {
            WorkbookError::NotWorkbook => w.not_workbook.to_string(),
            WorkbookError::Damaged { detail } => (w.damaged)(detail),
            WorkbookError::Password => w.password.to_string(),
            WorkbookError::OldExcel => w.old_excel.to_string(),
            WorkbookError::Empty => w.empty.to_string(),
            WorkbookError::NoSuchSheet { sheet, sheets } => (w.no_such_sheet)(sheet, sheets),
            WorkbookError::EmptySheet { sheet } => (w.empty_sheet)(sheet),
            WorkbookError::TooLarge { limit_mb } => (w.too_large)(*limit_mb),
        }
    }
}

/// The English message.
impl std::fmt::Display for WorkbookError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(Locale::En))
    }
}

impl std::error::Error for WorkbookError {}

/// What the workbook reader says, in one language.
pub struct WorkbookWords {
    /// The name of a column whose header cell is blank or merged (its number in the sheet, A = 1).
    pub column: fn(u32) -> String,
    /// An archive or a document that is not a workbook.
    pub not_workbook: &'static str,
    /// A damaged workbook (what the reader said).
    pub damaged: fn(&str) -> String,
    /// A workbook with a password to open.
    pub password: &'static str,
    /// An Excel 97–2003 (.xls) file.
    pub old_excel: &'static str,
    /// Every sheet is empty.
    pub empty: &'static str,
    /// The sheet asked for is not there (its name, the sheets there are).
    pub no_such_sheet: fn(&str, &[String]) -> String,
    /// The sheet asked for is empty (its name).
    pub empty_sheet: fn(&str) -> String,
    /// The sheet is too large (the limit, MB).
    pub too_large: fn(u64) -> String,
}

/// Simplified Chinese. The readers explain damage in English only, so their words are left out.
pub const ZH_CN: WorkbookWords = WorkbookWords {
    column: |n| format!("列{n}"),
    not_workbook: "这个文件是压缩包或 Word 等文档，不是 Excel 工作簿（.xlsx、.xls）或 ODS 表格",
    damaged: |_detail| "这个工作簿已损坏，读不出来（可能没有下载完整）。请在 Excel 或 WPS 里打开它，另存为新的 .xlsx 文件再试".to_string(),
    old_excel: "这是旧版 Excel 97–2003 格式（.xls），暂时不能直接读取。请在 Excel 或 WPS 里打开它，另存为 .xlsx 文件再选择",
    password: "这个工作簿设了打开密码，读不了。请在 Excel 里去掉密码（文件 → 信息 → 保护工作簿 → 用密码进行加密，清空密码）后再选择它",
    empty: "这个工作簿里的工作表都是空的",
    no_such_sheet: |sheet, sheets| format!("工作簿里没有名为“{sheet}”的工作表（有：{}）", sheets.join("、")),
    empty_sheet: |sheet| format!("工作表“{sheet}”是空的"),
    too_large: |mb| format!("这个工作表太大：转成文字超过 {mb} MB。请把它分成几个文件"),
};

/// English.
pub const EN: WorkbookWords = WorkbookWords {
    column: |n| format!("Column {n}"),
    not_workbook: "the file is an archive or a document (Word, for example), not an Excel workbook (.xlsx, .xls) or an ODS spreadsheet",
    damaged: |detail| format!("the workbook is damaged and cannot be read ({detail}); open it in Excel and save it as a new .xlsx file"),
    old_excel: "this is the old Excel 97–2003 format (.xls), which cannot be read directly yet; open it in Excel or WPS, save it as .xlsx and choose that file",
    password: "the workbook has a password to open; remove it in Excel (File → Info → Protect Workbook → Encrypt with Password, clear the password) and choose it again",
    empty: "every sheet in the workbook is empty",
    no_such_sheet: |sheet, sheets| format!("the workbook has no sheet named “{sheet}” (it has: {})", sheets.join(", ")),
    empty_sheet: |sheet| format!("the sheet “{sheet}” is empty"),
    too_large: |mb| format!("the sheet is too large: over {mb} MB as text; split it into several files"),
};

/// The workbook reader's words in `locale`.
pub fn words(locale: Locale) -> &'static WorkbookWords {
    match locale {
        Locale::ZhCn => &ZH_CN,
        Locale::En => &EN,
    }
}

/// One sheet of a workbook, as CSV text.
#[derive(Clone, Debug, PartialEq)]
pub struct SheetText {
    /// The kind of workbook.
    pub format: Format,
    /// Its worksheets, in the workbook's order (charts and macro sheets left out).
    pub sheets: Vec<String>,
    /// The sheet read.
    pub sheet: String,
    /// The header's row in the sheet (1-based).
    pub header_row: u32,
    /// The header line, then each row on the line of its row number (empty rows as empty lines).
    pub text: String,
}

/// Whether `bytes` start like a workbook: a ZIP archive (.xlsx, .xlsb, .ods) or an OLE compound
/// file (.xls, or an .xlsx encrypted with a password). Text never starts so.
pub fn looks_like_workbook(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06") || bytes.starts_with(&OLE_MAGIC)
}

/// Reads the sheet named `sheet` (or the first worksheet with a filled cell, visible sheets first)
/// as CSV text; `locale` names blank header cells.
pub fn read_sheet(bytes: &[u8], sheet: Option<&str>, locale: Locale) -> Result<SheetText, WorkbookError> {
    let mut book = open(bytes)?;
    let meta: Vec<(String, bool)> = book
        .sheets_metadata()
        .iter()
        .filter(|s| s.typ == SheetType::WorkSheet)
        .map(|s| (s.name.clone(), s.visible == SheetVisible::Visible))
        .collect();
    let sheets: Vec<String> = meta.iter().map(|(name, _)| name.clone()).collect();
    let format = book.format();
    let found = |sheet: &str, (header_row, text): (u32, String), sheets: Vec<String>| SheetText {
        format,
        sheets,
        sheet: sheet.to_string(),
        header_row,
        text,
    };
    if let Some(wanted) = sheet {
        if !sheets.iter().any(|s| s == wanted) {
            return Err(WorkbookError::NoSuchSheet { sheet: wanted.to_string(), sheets });
        }
        return match book.table(wanted, locale)? {
            Some(table) => Ok(found(wanted, table, sheets)),
            None => Err(WorkbookError::EmptySheet { sheet: wanted.to_string() }),
        };
    }
    if sheets.is_empty() {
        return Err(WorkbookError::NotWorkbook);
    }
    let order = meta.iter().filter(|(_, visible)| *visible).chain(meta.iter().filter(|(_, visible)| !*visible));
    for (name, _) in order {
        if let Some(table) = book.table(name, locale)? {
            return Ok(found(name, table, sheets));
        }
    }
    Err(WorkbookError::Empty)
}

type Bytes<'a> = Cursor<&'a [u8]>;

enum Book<'a> {
    Xlsx(Xlsx<Bytes<'a>>),
    Xlsb(Xlsb<Bytes<'a>>),
    Ods(Ods<Bytes<'a>>),
}

fn too_large() -> WorkbookError {
    WorkbookError::TooLarge { limit_mb: (MAX_TEXT_BYTES / 1_048_576) as u64 }
}

fn damaged(e: impl std::fmt::Display) -> WorkbookError {
    WorkbookError::Damaged { detail: e.to_string() }
}

/// Finds the workbook inside the container: by the file names in a ZIP archive (a cut-off ZIP
/// has no list of names and is damaged), by calamine's readers in an OLE file.
fn open(bytes: &[u8]) -> Result<Book<'_>, WorkbookError> {
    let cursor = || Cursor::new(bytes);
    if bytes.starts_with(&OLE_MAGIC) {
        // An encrypted .xlsx (or .xlsb) is an OLE file holding an "EncryptedPackage" stream: its
        // name is in the directory, in UTF-16.
        let encrypted: Vec<u8> = "EncryptedPackage".encode_utf16().flat_map(u16::to_le_bytes).collect();
        if bytes.windows(encrypted.len()).any(|w| w == encrypted.as_slice()) {
            return Err(WorkbookError::Password);
        }
        // calamine's OLE reader (.xls) panics on some damaged files (an assertion, found by
        // fuzzing), and a panic must never be what a bad file does: an Excel 97–2003 file is
        // refused with the way to convert it, until that reader is safe.
        let word97: Vec<u8> = "WordDocument".encode_utf16().flat_map(u16::to_le_bytes).collect();
        if bytes.windows(word97.len()).any(|w| w == word97.as_slice()) {
            return Err(WorkbookError::NotWorkbook);
        }
        return Err(WorkbookError::OldExcel);
    }
    let Some(names) = zip_names(bytes) else {
        return Err(match Xlsx::new(cursor()) {
            Err(XlsxError::Password) => WorkbookError::Password,
            Err(e) => damaged(e),
            Ok(_) => damaged("ZIP"),
        });
    };
    let has = |name: &str| names.iter().any(|n| n.eq_ignore_ascii_case(name.as_bytes()));
    if has("xl/workbook.bin") {
        return Xlsb::new(cursor()).map(Book::Xlsb).map_err(damaged);
    }
    if has("mimetype") && has("content.xml") {
        // An OpenDocument text or presentation has the same container; its MIME type says.
        let head = &bytes[..bytes.len().min(256)];
        if !head.windows(24).any(|w| w == b"opendocument.spreadsheet") {
            return Err(WorkbookError::NotWorkbook);
        }
        return match Ods::new(cursor()) {
            Ok(book) => Ok(Book::Ods(book)),
            Err(OdsError::Password) => Err(WorkbookError::Password),
            Err(OdsError::InvalidMime(_)) => Err(WorkbookError::NotWorkbook),
            Err(e) => Err(damaged(e)),
        };
    }
    if has("xl/workbook.xml") {
        return Xlsx::new(cursor()).map(Book::Xlsx).map_err(damaged);
    }
    // An Office Open XML package with the workbook somewhere unusual; a Word or PowerPoint file
    // has no worksheets.
    if has("[Content_Types].xml") {
        if let Ok(book) = Xlsx::new(cursor()) {
            if book.sheets_metadata().iter().any(|s| s.typ == SheetType::WorkSheet) {
                return Ok(Book::Xlsx(book));
            }
        }
    }
    Err(WorkbookError::NotWorkbook)
}

/// The file names in a ZIP archive's central directory, or `None` if it cannot be found (a ZIP
/// cut off in a download). Names are only looked at, never trusted: the reader checks the rest.
fn zip_names(bytes: &[u8]) -> Option<Vec<&[u8]>> {
    let u16_at = |at: usize| bytes.get(at..at + 2).map(|b| u16::from_le_bytes([b[0], b[1]]) as usize);
    let u32_at = |at: usize| bytes.get(at..at + 4).map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]) as usize);
    // The end record is in the last 22 bytes plus a comment of up to 65,535 bytes.
    let from = bytes.len().saturating_sub(22 + 65_535);
    let end = (from..bytes.len().saturating_sub(21)).rev().find(|&i| bytes[i..].starts_with(b"PK\x05\x06"))?;
    let count = u16_at(end + 10)?;
    let mut at = u32_at(end + 16)?;
    let mut names = Vec::with_capacity(count.min(1024));
    for _ in 0..count {
        if bytes.get(at..at + 4)? != b"PK\x01\x02" {
            // ZIP64 or a broken directory: what was read so far.
            break;
        }
        let (name_len, extra_len, comment_len) = (u16_at(at + 28)?, u16_at(at + 30)?, u16_at(at + 32)?);
        names.push(bytes.get(at + 46..at + 46 + name_len)?);
        at += 46 + name_len + extra_len + comment_len;
    }
    Some(names)
}

impl Book<'_> {
    fn format(&self) -> Format {
        match self {
            Book::Xlsx(_) => Format::Xlsx,
            Book::Xlsb(_) => Format::Xlsb,
            Book::Ods(_) => Format::Ods,
        }
    }

    fn sheets_metadata(&self) -> &[calamine::Sheet] {
        match self {
            Book::Xlsx(b) => b.sheets_metadata(),
            Book::Xlsb(b) => b.sheets_metadata(),
            Book::Ods(b) => b.sheets_metadata(),
        }
    }

    /// The sheet as (header row, CSV text), or `None` if it has no filled cell. Excel's own
    /// formats are read cell by cell, never holding the whole sheet; .xls and .ods as a range.
    fn table(&mut self, name: &str, locale: Locale) -> Result<Option<(u32, String)>, WorkbookError> {
        let mut table = Table::new(locale);
        match self {
            Book::Xlsx(b) => {
                let mut cells = b.worksheet_cells_reader(name).map_err(damaged)?;
                while let Some(cell) = cells.next_cell().map_err(damaged)? {
                    let (row, col) = cell.get_position();
                    table.cell(row, col, cell_text(Value::from(cell.get_value())))?;
                }
            }
            Book::Xlsb(b) => {
                let mut cells = b.worksheet_cells_reader(name).map_err(damaged)?;
                while let Some(cell) = cells.next_cell().map_err(damaged)? {
                    let (row, col) = cell.get_position();
                    table.cell(row, col, cell_text(Value::from(cell.get_value())))?;
                }
            }
            Book::Ods(b) => table.range(&b.worksheet_range(name).map_err(damaged)?)?,
        }
        table.finish()
    }
}

/// A cell's value, whichever reader gave it.
enum Value<'a> {
    Empty,
    Int(i64),
    Float(f64),
    Text(&'a str),
    Bool(bool),
    Date(&'a ExcelDateTime),
    IsoDate(&'a str),
    IsoDuration(&'a str),
    Error(&'a CellErrorType),
}

impl<'a> From<&'a DataRef<'a>> for Value<'a> {
    fn from(v: &'a DataRef<'a>) -> Self {
        match v {
            DataRef::Int(i) => Value::Int(*i),
            DataRef::Float(f) => Value::Float(*f),
            DataRef::String(s) => Value::Text(s),
            DataRef::SharedString(s) => Value::Text(s),
            DataRef::Bool(b) => Value::Bool(*b),
            DataRef::DateTime(d) => Value::Date(d),
            DataRef::DateTimeIso(s) => Value::IsoDate(s),
            DataRef::DurationIso(s) => Value::IsoDuration(s),
            DataRef::Error(e) => Value::Error(e),
            DataRef::Empty => Value::Empty,
        }
    }
}

impl<'a> From<&'a Data> for Value<'a> {
    fn from(v: &'a Data) -> Self {
        match v {
            Data::Int(i) => Value::Int(*i),
            Data::Float(f) => Value::Float(*f),
            Data::String(s) => Value::Text(s),
            Data::Bool(b) => Value::Bool(*b),
            Data::DateTime(d) => Value::Date(d),
            Data::DateTimeIso(s) => Value::IsoDate(s),
            Data::DurationIso(s) => Value::IsoDuration(s),
            Data::Error(e) => Value::Error(e),
            Data::Empty => Value::Empty,
        }
    }
}

/// A cell as a person reads it (see the module's notes); empty if it shows nothing.
fn cell_text(v: Value<'_>) -> String {
    match v {
        Value::Empty => String::new(),
        Value::Int(i) => i.to_string(),
        Value::Float(f) => number_text(f),
        Value::Text(s) => one_line(s),
        Value::Bool(b) => (if b { "TRUE" } else { "FALSE" }).to_string(),
        Value::Date(d) => date_text(d),
        Value::IsoDate(s) => iso_date_text(s.trim()),
        Value::IsoDuration(s) => iso_duration_text(s.trim()),
        Value::Error(e) => e.to_string(),
    }
}

/// Trimmed, with line breaks (Alt+Enter in a cell) made spaces: one cell stays on one line.
fn one_line(s: &str) -> String {
    let s = s.trim();
    if !s.contains(['\n', '\r']) {
        return s.to_string();
    }
    s.split(['\n', '\r']).map(str::trim).filter(|part| !part.is_empty()).collect::<Vec<_>>().join(" ")
}

/// A number as Excel shows it: at most 15 significant digits (a double carries 15 to 17, the last
/// ones noise from arithmetic), the shortest text for that, no `.0` on a whole number.
fn number_text(x: f64) -> String {
    if !x.is_finite() {
        return String::new();
    }
    if x == x.trunc() && x.abs() < 1e15 {
        // Whole numbers (and -0) without a decimal point.
        return format!("{}", x as i64);
    }
    let rounded: f64 = format!("{x:.14e}").parse().unwrap_or(x);
    format!("{rounded}")
}

/// `HH:MM`, or `HH:MM:SS` when the seconds are not zero.
fn clock(h: u32, m: u32, s: u32) -> String {
    if s == 0 {
        format!("{h:02}:{m:02}")
    } else {
        format!("{h:02}:{m:02}:{s:02}")
    }
}

/// A date as `YYYY-MM-DD`, with the time of day when there is one; a time alone as `HH:MM`; a
/// duration as hours:minutes(:seconds).
fn date_text(d: &ExcelDateTime) -> String {
    let serial = d.as_f64();
    if !serial.is_finite() {
        return String::new();
    }
    if d.is_duration() {
        let seconds = (serial * 86_400.0).round();
        let negative = seconds < 0.0;
        let s = seconds.abs().min(u32::MAX as f64) as u32;
        let text = clock(s / 3600, s / 60 % 60, s % 60);
        return if negative { format!("-{text}") } else { text };
    }
    let (year, month, day, h, m, s, _ms) = d.to_ymd_hms_milli();
    let date = format!("{year:04}-{month:02}-{day:02}");
    let time = clock(u32::from(h), u32::from(m), u32::from(s));
    match ((h, m, s) == (0, 0, 0), serial.abs() < 1.0) {
        (true, false) => date,
        (false, true) => time,
        (true, true) => time,
        (false, false) => format!("{date} {time}"),
    }
}

/// OpenDocument's dates: `2024-03-05` stays, `2024-03-05T08:30:00` is `2024-03-05 08:30`.
fn iso_date_text(s: &str) -> String {
    let (Some(date), Some(time)) = (s.get(..10), s.get(11..)) else { return s.to_string() };
    if s.as_bytes().get(10) != Some(&b'T') {
        return s.to_string();
    }
    let time = time.split(['.', 'Z', '+']).next().unwrap_or(time);
    match time {
        "00:00:00" | "00:00" => date.to_string(),
        _ => format!("{date} {}", time.strip_suffix(":00").filter(|t| t.len() == 5).unwrap_or(time)),
    }
}

/// OpenDocument's times: `PT08H30M00S` is `08:30`; anything else stays as written.
fn iso_duration_text(s: &str) -> String {
    let parse = || -> Option<String> {
        let rest = s.strip_prefix("PT")?;
        let (h, rest) = rest.split_once('H')?;
        let (m, rest) = rest.split_once('M')?;
        let sec = rest.strip_suffix('S')?;
        let sec: f64 = sec.parse().ok()?;
        Some(clock(h.parse().ok()?, m.parse().ok()?, sec.round() as u32))
    };
    parse().unwrap_or_else(|| s.to_string())
}

/// The filled cells of one row: (column, text), in column order.
type Row = Vec<(u32, String)>;

/// Builds the CSV text from the filled cells, given row by row (cells of a row in any order).
struct Table {
    locale: Locale,
    /// The row being gathered and its cells.
    row: Option<u32>,
    cells: Row,
    /// Filled rows before the header is known.
    pending: Vec<(u32, Row)>,
    header: Option<(u32, Row)>,
    delimiter: u8,
    body: String,
    /// The text line the next body line is on (1-based; the header is line 1).
    next_line: u64,
    /// The first and last filled columns of the header and the data.
    first_col: u32,
    last_col: u32,
}

impl Table {
    fn new(locale: Locale) -> Table {
        Table {
            locale,
            row: None,
            cells: Vec::new(),
            pending: Vec::new(),
            header: None,
            delimiter: b',',
            body: String::new(),
            next_line: 2,
            first_col: u32::MAX,
            last_col: 0,
        }
    }

    fn cell(&mut self, row: u32, col: u32, text: String) -> Result<(), WorkbookError> {
        if text.is_empty() {
            return Ok(());
        }
        if row >= MAX_ROWS || col >= MAX_COLUMNS {
            return Err(damaged(format!("a cell beyond XFD1048576 (row {}, column {})", u64::from(row) + 1, u64::from(col) + 1)));
        }
        if self.row != Some(row) {
            self.end_row()?;
            self.row = Some(row);
        }
        self.cells.push((col, text));
        Ok(())
    }

    fn range(&mut self, range: &calamine::Range<Data>) -> Result<(), WorkbookError> {
        let (row0, col0) = range.start().unwrap_or((0, 0));
        for (r, c, v) in range.used_cells() {
            let (row, col) = (row0.saturating_add(r as u32), col0.saturating_add(c as u32));
            self.cell(row, col, cell_text(Value::from(v)))?;
        }
        Ok(())
    }

    fn end_row(&mut self) -> Result<(), WorkbookError> {
        let Some(row) = self.row.take() else { return Ok(()) };
        let mut cells = std::mem::take(&mut self.cells);
        cells.sort_by_key(|(col, _)| *col);
        cells.dedup_by_key(|(col, _)| *col);
        if self.header.is_some() {
            return self.write(row, &cells);
        }
        let wide = cells.len() >= 2;
        self.pending.push((row, cells));
        if wide {
            // The header; the one-cell rows above it are titles.
            let header = self.pending.pop();
            self.pending.clear();
            self.set_header(header);
        } else if self.pending.len() >= TITLE_ROWS {
            self.header_first()?;
        }
        Ok(())
    }

    /// No row with two filled cells near the top: the first filled row is the header.
    fn header_first(&mut self) -> Result<(), WorkbookError> {
        let mut pending = std::mem::take(&mut self.pending).into_iter();
        self.set_header(pending.next());
        for (row, cells) in pending {
            self.write(row, &cells)?;
        }
        Ok(())
    }

    /// Takes the header and chooses the delimiter: a comma, unless the header's names hold more
    /// tabs or semicolons than commas. The CSV reader (`table::preview`) guesses the delimiter
    /// from the header line; between the real delimiters and those inside the (quoted) names,
    /// the one chosen is the one it finds most of.
    fn set_header(&mut self, header: Option<(u32, Row)>) {
        if let Some((_, cells)) = &header {
            let count = |c: char| cells.iter().map(|(_, t)| t.matches(c).count()).sum::<usize>();
            let (commas, tabs, semicolons) = (count(','), count('\t'), count(';'));
            self.delimiter = if commas >= tabs.max(semicolons) {
                b','
            } else if tabs >= semicolons {
                b'\t'
            } else {
                b';'
            };
            for (col, _) in cells {
                self.first_col = self.first_col.min(*col);
                self.last_col = self.last_col.max(*col);
            }
        }
        self.header = header;
    }

    /// Writes a data row on the line of its row number (empty lines for the rows between).
    fn write(&mut self, row: u32, cells: &[(u32, String)]) -> Result<(), WorkbookError> {
        let line = u64::from(row) + 1;
        if line < self.next_line {
            return Err(damaged(format!("row {line} is out of order")));
        }
        for _ in self.next_line..line {
            self.body.push('\n');
        }
        let mut at = 0;
        for (col, text) in cells {
            for _ in at..*col {
                self.body.push(char::from(self.delimiter));
            }
            at = *col;
            push_field(&mut self.body, text);
            self.first_col = self.first_col.min(*col);
            self.last_col = self.last_col.max(*col);
        }
        self.body.push('\n');
        self.next_line = line + 1;
        if self.body.len() > MAX_TEXT_BYTES {
            return Err(too_large());
        }
        Ok(())
    }

    /// The header line and the body, columns left of the first filled one left out; `None` if no
    /// cell was filled.
    fn finish(mut self) -> Result<Option<(u32, String)>, WorkbookError> {
        self.end_row()?;
        if self.header.is_none() {
            self.header_first()?;
        }
        let Some((header_row, names)) = self.header.take() else { return Ok(None) };
        let column = words(self.locale).column;
        let mut text = String::with_capacity(self.body.len() + 64);
        for col in self.first_col..=self.last_col {
            if col > self.first_col {
                text.push(char::from(self.delimiter));
            }
            match names.binary_search_by_key(&col, |(c, _)| *c) {
                Ok(i) => push_field(&mut text, &names[i].1),
                Err(_) => text.push_str(&column(col.saturating_add(1))),
            }
        }
        text.push('\n');
        let skip = self.first_col as usize;
        for line in self.body.split_inclusive('\n') {
            // Each data line starts with a delimiter per column left of its first cell.
            text.push_str(if line == "\n" { line } else { line.get(skip..).unwrap_or(line) });
        }
        if text.len() > MAX_TEXT_BYTES {
            return Err(too_large());
        }
        Ok(Some((header_row.saturating_add(1), text)))
    }
}

/// A CSV field, quoted when it holds a quote or any delimiter the reader might choose.
fn push_field(out: &mut String, text: &str) {
    if text.contains([',', ';', '\t', '"']) {
        out.push('"');
        out.push_str(&text.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(text);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use calamine::ExcelDateTimeType;

    #[test]
    fn numbers_as_excel_shows_them() {
        assert_eq!(number_text(113.264385), "113.264385");
        assert_eq!(number_text(113.26400000000001), "113.264");
        assert_eq!(number_text(0.1 + 0.2), "0.3");
        assert_eq!(number_text(1200.0), "1200");
        assert_eq!(number_text(-0.0), "0");
        assert_eq!(number_text(-3.0), "-3");
        assert_eq!(number_text(0.221), "0.221");
        assert_eq!(number_text(1e-7), "0.0000001");
        assert_eq!(number_text(f64::NAN), "");
    }

    #[test]
    fn dates_and_times() {
        let date = |serial: f64| date_text(&ExcelDateTime::new(serial, ExcelDateTimeType::DateTime, false));
        // Excel's day 36526 is 2000-01-01; 2023-01-01 is 23 years (6 of them leap) later:
        // 36526 + 23 × 365 + 6 = 44927; 2024-01-01 is 44927 + 365 = 45292, and 2024-03-05 is
        // 31 + 29 + 4 = 64 days after that: 45356.
        assert_eq!(date(45356.0), "2024-03-05");
        assert_eq!(date(45356.5), "2024-03-05 12:00");
        assert_eq!(date(0.375), "09:00");
        let duration = ExcelDateTime::new(1.5 / 24.0, ExcelDateTimeType::TimeDelta, false);
        assert_eq!(date_text(&duration), "01:30");
        assert_eq!(iso_date_text("2024-03-05"), "2024-03-05");
        assert_eq!(iso_date_text("2024-03-05T00:00:00"), "2024-03-05");
        assert_eq!(iso_date_text("2024-03-05T08:30:00"), "2024-03-05 08:30");
        assert_eq!(iso_date_text("2024-03-05T08:30:15"), "2024-03-05 08:30:15");
        assert_eq!(iso_duration_text("PT08H30M00S"), "08:30");
        assert_eq!(iso_duration_text("P1D"), "P1D");
    }

    #[test]
    fn text_in_cells() {
        assert_eq!(cell_text(Value::Text("  113.26 ")), "113.26");
        assert_eq!(cell_text(Value::Text("\u{3000}和平里\u{a0}")), "和平里", "full-width and no-break spaces too");
        assert_eq!(cell_text(Value::Text("60岁以上\n人口")), "60岁以上 人口");
        assert_eq!(cell_text(Value::Bool(true)), "TRUE");
        assert_eq!(cell_text(Value::Error(&CellErrorType::Div0)), "#DIV/0!");
        let mut s = String::new();
        push_field(&mut s, "A, \"B\"");
        assert_eq!(s, "\"A, \"\"B\"\"\"");
    }

    fn table(cells: &[(u32, u32, &str)]) -> Option<(u32, String)> {
        let mut t = Table::new(Locale::ZhCn);
        for (row, col, text) in cells {
            t.cell(*row, *col, text.to_string()).expect("cell");
        }
        t.finish().expect("finish")
    }

    #[test]
    fn rows_keep_their_numbers_and_titles_are_left_out() {
        // Row 1 a title, row 2 the header from column B (C blank), row 3 data, row 4 empty,
        // row 5 data with a note in column E beyond the header.
        let t =
            table(&[(0, 1, "2024年老年人口"), (1, 1, "社区"), (1, 3, "人数"), (2, 1, "甲"), (2, 3, "12"), (4, 1, "乙"), (4, 4, "备注")]);
        assert_eq!(t, Some((2, "社区,列3,人数,列5\n\n甲,,12\n\n乙,,,备注\n".to_string())));
        // One column only: the first filled row is the header.
        assert_eq!(table(&[(0, 0, "名称"), (1, 0, "甲"), (2, 0, "乙")]), Some((1, "名称\n甲\n乙\n".to_string())));
        assert_eq!(table(&[]), None);
        // Cells out of column order in a row are put in order.
        assert_eq!(table(&[(0, 1, "b"), (0, 0, "a"), (1, 1, "2"), (1, 0, "1")]), Some((1, "a,b\n1,2\n".to_string())));
    }

    #[test]
    fn the_delimiter_is_the_one_the_csv_reader_will_find() {
        // Commas inside a quoted name still count for the reader: 2 inside + 1 between = 3.
        let (_, text) = table(&[(0, 0, "甲,乙,丙"), (0, 1, "x"), (1, 0, "1"), (1, 1, "2")]).expect("table");
        assert_eq!(text, "\"甲,乙,丙\",x\n1,2\n");
        let p = crate::core::io::table::preview(&text, 5).expect("preview");
        assert_eq!((p.headers, p.sample), (vec!["甲,乙,丙".to_string(), "x".into()], vec![vec!["1".to_string(), "2".into()]]));
        // Two semicolons in a name: with commas between the columns the reader would find more
        // semicolons (2) than commas (1), so semicolons it is (3 against none).
        let (_, text) = table(&[(0, 0, "a;b;c"), (0, 1, "x"), (1, 0, "1"), (1, 1, "2")]).expect("table");
        assert_eq!(text, "\"a;b;c\";x\n1;2\n");
        let p = crate::core::io::table::preview(&text, 5).expect("preview");
        assert_eq!((p.headers, p.sample), (vec!["a;b;c".to_string(), "x".into()], vec![vec!["1".to_string(), "2".into()]]));
    }

    #[test]
    fn zip_names_are_read_from_the_central_directory() {
        assert_eq!(zip_names(b"PK\x03\x04 cut off"), None);
        assert_eq!(zip_names(b""), None);
    }

    #[test]
    fn messages_in_each_language() {
        assert_eq!(WorkbookError::Password.message(Locale::ZhCn), ZH_CN.password);
        let e = WorkbookError::NoSuchSheet { sheet: "人口".into(), sheets: vec!["Sheet1".into(), "候选点".into()] };
        assert_eq!(e.message(Locale::ZhCn), "工作簿里没有名为“人口”的工作表（有：Sheet1、候选点）");
        assert_eq!(e.to_string(), "the workbook has no sheet named “人口” (it has: Sheet1, 候选点)");
        assert_eq!((ZH_CN.column)(3), "列3");
        assert_eq!((EN.column)(3), "Column 3");
    }

    #[test]
    fn an_old_excel_file_is_refused_with_the_way_to_convert_it() {
        // An OLE compound file with a "Workbook" stream name (Excel 97–2003), and one with a
        // "WordDocument" stream (a Word 97 document): refused by their first bytes and directory
        // names, never handed to a reader that can crash.
        let mut xls = OLE_MAGIC.to_vec();
        xls.extend(vec![0u8; 504]);
        xls.extend("Workbook".encode_utf16().flat_map(u16::to_le_bytes));
        assert_eq!(read_sheet(&xls, None, Locale::ZhCn).map(|_| ()), Err(WorkbookError::OldExcel));
        assert!(WorkbookError::OldExcel.message(Locale::ZhCn).contains("另存为 .xlsx"));
        let mut doc = OLE_MAGIC.to_vec();
        doc.extend(vec![0u8; 504]);
        doc.extend("WordDocument".encode_utf16().flat_map(u16::to_le_bytes));
        assert_eq!(read_sheet(&doc, None, Locale::En).map(|_| ()), Err(WorkbookError::NotWorkbook));
    }
}
