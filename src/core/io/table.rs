//! CSV tables: headers, a sample for the column-mapping step, then the rows streamed one by one
//! with their line numbers (never all held as strings: a 200 MB file stays a 200 MB file).

use serde::Serialize;

use super::words::words;
use crate::core::Locale;

/// A CSV problem that stops reading.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TableError {
    /// No header row.
    NoHeader,
    /// The CSV reader gave up at a line.
    Malformed {
        /// Line number (1-based).
        line: u64,
        /// What the reader said (in English).
        message: String,
    },
}

impl TableError {
    /// The message in `locale`.
    pub fn message(&self, locale: Locale) -> String {
        let w = words(locale);
        match self {
            TableError::NoHeader => w.table_no_header.to_string(),
            TableError::Malformed { line, message } => (w.table_malformed)(*line, message),
        }
    }
}

/// The English message.
impl std::fmt::Display for TableError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(Locale::En))
    }
}

impl std::error::Error for TableError {}

/// The header row and the first rows, for choosing which column is which.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Preview {
    /// Column names.
    pub headers: Vec<String>,
    /// The first rows.
    pub sample: Vec<Vec<String>>,
}

fn reader(text: &str) -> csv::Reader<&[u8]> {
    csv::ReaderBuilder::new().flexible(true).trim(csv::Trim::All).from_reader(text.as_bytes())
}

/// Guesses the delimiter from the header line: comma (default), tab or semicolon.
fn delimiter(text: &str) -> u8 {
    let first = text.lines().next().unwrap_or("");
    let count = |c: char| first.matches(c).count();
    [(b',', count(',')), (b'\t', count('\t')), (b';', count(';'))].into_iter().max_by_key(|(_, n)| *n).map_or(b',', |(d, _)| d)
}

fn reader_for(text: &str) -> csv::Reader<&[u8]> {
    let d = delimiter(text);
    if d == b',' {
        return reader(text);
    }
    csv::ReaderBuilder::new().flexible(true).trim(csv::Trim::All).delimiter(d).from_reader(text.as_bytes())
}

/// The headers and up to `n` first rows.
pub fn preview(text: &str, n: usize) -> Result<Preview, TableError> {
    let mut rdr = reader_for(text);
    let headers: Vec<String> = rdr.headers().map_err(|e| malformed(&e))?.iter().map(str::to_string).collect();
    if headers.iter().all(|h| h.is_empty()) {
        return Err(TableError::NoHeader);
    }
    let mut sample = Vec::new();
    for record in rdr.records().take(n) {
        let record = record.map_err(|e| malformed(&e))?;
        sample.push(record.iter().map(str::to_string).collect());
    }
    Ok(Preview { headers, sample })
}

fn malformed(e: &csv::Error) -> TableError {
    let line = e.position().map_or(0, |p| p.line());
    TableError::Malformed { line, message: e.to_string() }
}

/// Calls `row(line, fields)` for every data row (blank lines skipped). Stops at a malformed row.
pub fn for_each_row(text: &str, mut row: impl FnMut(u64, &csv::StringRecord)) -> Result<u64, TableError> {
    let mut rdr = reader_for(text);
    rdr.headers().map_err(|e| malformed(&e))?;
    let mut record = csv::StringRecord::new();
    let mut n = 0;
    // The reader's own line numbers skip blank lines; count newlines up to each record's first byte.
    let bytes = text.as_bytes();
    let (mut at, mut line) = (0usize, 1u64);
    loop {
        match rdr.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {
                if record.iter().all(str::is_empty) {
                    continue;
                }
                let mut start = record.position().map_or(at, |p| p.byte() as usize).min(bytes.len());
                while start < bytes.len() && (bytes[start] == b'\n' || bytes[start] == b'\r') {
                    start += 1;
                }
                if start >= at {
                    line += bytes[at..start].iter().filter(|&&b| b == b'\n').count() as u64;
                    at = start;
                }
                row(line, &record);
                n += 1;
            }
            Err(e) => return Err(malformed(&e)),
        }
    }
    Ok(n)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn preview_and_rows_with_line_numbers() {
        let text = "名称,经度,纬度\n\nA,113.1,23.1\n\"B, with comma\",113.2,23.2\n";
        let p = preview(text, 1).expect("preview");
        assert_eq!(p.headers, vec!["名称", "经度", "纬度"]);
        assert_eq!(p.sample, vec![vec!["A", "113.1", "23.1"]]);
        let mut rows = Vec::new();
        let n = for_each_row(text, |line, r| rows.push((line, r.get(0).unwrap_or("").to_string()))).expect("rows");
        assert_eq!(n, 2);
        assert_eq!(rows, vec![(3, "A".to_string()), (4, "B, with comma".to_string())]);
    }

    #[test]
    fn tabs_and_semicolons_are_detected() {
        let p = preview("lon\tlat\n1\t2\n", 5).expect("tab");
        assert_eq!(p.headers, vec!["lon", "lat"]);
        let p = preview("lon;lat\n1;2\n", 5).expect("semicolon");
        assert_eq!(p.sample, vec![vec!["1", "2"]]);
    }

    #[test]
    fn a_file_without_column_names_is_refused() {
        assert_eq!(preview(",,\n1,2,3", 1), Err(TableError::NoHeader));
    }
}
