//! CSV tables: the headers and a sample for the column-mapping step. The rows themselves are
//! read as a stream ([`super::stream::CsvStream`]), never all held as strings.

use serde::Serialize;

use super::stream::{CsvStream, Reopen};
use super::text::TextError;
use super::words::words;
use crate::core::Locale;

/// A CSV problem that stops reading.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TableError {
    /// No header row.
    NoHeader,
    /// Not text (or empty).
    Text(TextError),
    /// The file could not be read to the end.
    Read {
        /// What the system said (in English).
        message: String,
    },
}

impl TableError {
    /// The message in `locale`.
    pub fn message(&self, locale: Locale) -> String {
        let w = words(locale);
        match self {
            TableError::NoHeader => w.table_no_header.to_string(),
            TableError::Text(e) => e.message(locale),
            TableError::Read { message } => (w.table_read)(message),
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

/// The headers and up to `n` first rows of a CSV file in any encoding the stream reads.
pub fn preview_of(source: &dyn Reopen, n: usize) -> Result<Preview, TableError> {
    let mut s = CsvStream::open(source)?;
    let headers = s.headers().to_vec();
    let mut sample = Vec::new();
    while sample.len() < n {
        match s.next_row()? {
            Some(row) => sample.push(row.texts()),
            None => break,
        }
    }
    Ok(Preview { headers, sample })
}

/// The headers and up to `n` first rows of CSV text.
pub fn preview(text: &str, n: usize) -> Result<Preview, TableError> {
    preview_of(&text, n)
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
        let p = preview(text, 5).expect("preview");
        assert_eq!(p.sample.iter().map(|r| r[0].as_str()).collect::<Vec<_>>(), vec!["A", "B, with comma"]);
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
