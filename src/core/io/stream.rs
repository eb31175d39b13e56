//! A CSV file read as a stream: bytes in chunks from any [`Read`] (a file natively, `File.slice` in
//! the browser's worker), decoded to UTF-8 on the way (UTF-8 with or without a BOM, UTF-16 with a
//! BOM, GBK/GB18030 as Chinese Excel saves it), split into records with their line numbers, and
//! handed out one row at a time. The whole text is never held: a 200 MB file costs a 1 MB buffer
//! and the planner's compact columns.
//!
//! Records are split by `csv_core` (the `csv` crate's own state machine, without the `csv` crate's
//! per-record UTF-8 check, so a row's fields are validated only when they are used), with the
//! delimiter guessed from the header line as [`super::table`] always did. Written here, not taken
//! from a crate, because the encoding must be decided as the bytes arrive: a GBK file whose first
//! megabyte is ASCII is still GBK, and the decision can only be made at its first Chinese
//! character (no crate on crates.io decodes "UTF-8 or, failing that, GB18030" incrementally).

use std::borrow::Cow;
use std::io::Read;

use csv_core::{ReadRecordResult, ReaderBuilder};
use encoding_rs::{Decoder, GB18030, UTF_16BE, UTF_16LE};

use super::table::TableError;
use super::text::{Encoding, TextError};

/// Bytes read per chunk.
const CHUNK: usize = 1 << 20;

/// Something that can be read from the start more than once: a file's bytes in memory, a file on
/// disk, a `File` in the browser. The column-mapping step reads the first rows; the import reads
/// them all again.
pub trait Reopen {
    /// A reader from the first byte.
    fn open(&self) -> std::io::Result<Box<dyn Read + '_>>;
    /// The length in bytes (for progress).
    fn byte_len(&self) -> u64;
}

impl Reopen for &[u8] {
    fn open(&self) -> std::io::Result<Box<dyn Read + '_>> {
        Ok(Box::new(*self))
    }

    fn byte_len(&self) -> u64 {
        self.len() as u64
    }
}

impl Reopen for &str {
    fn open(&self) -> std::io::Result<Box<dyn Read + '_>> {
        Ok(Box::new(self.as_bytes()))
    }

    fn byte_len(&self) -> u64 {
        self.len() as u64
    }
}

impl Reopen for String {
    fn open(&self) -> std::io::Result<Box<dyn Read + '_>> {
        Ok(Box::new(self.as_bytes()))
    }

    fn byte_len(&self) -> u64 {
        self.len() as u64
    }
}

impl Reopen for Vec<u8> {
    fn open(&self) -> std::io::Result<Box<dyn Read + '_>> {
        Ok(Box::new(self.as_slice()))
    }

    fn byte_len(&self) -> u64 {
        self.len() as u64
    }
}

impl Reopen for std::path::PathBuf {
    fn open(&self) -> std::io::Result<Box<dyn Read + '_>> {
        Ok(Box::new(std::fs::File::open(self)?))
    }

    fn byte_len(&self) -> u64 {
        std::fs::metadata(self).map_or(0, |m| m.len())
    }
}

/// How the bytes are turned into UTF-8.
enum Mode {
    /// Only ASCII so far: the same in UTF-8 and GBK, so nothing is decided yet.
    Ascii,
    /// UTF-8: the bytes are the text.
    Utf8,
    /// Decoded (GBK or UTF-16).
    Decoding(Decoder),
}

/// Raw bytes in, UTF-8 out, chunk by chunk.
struct Utf8Chunks<'a> {
    inner: Box<dyn Read + 'a>,
    mode: Mode,
    encoding: Encoding,
    raw_eof: bool,
    /// Bytes taken from `inner`.
    taken: u64,
}

impl<'a> Utf8Chunks<'a> {
    /// Reads the first chunk and decides what can be decided from it: a byte-order mark, UTF-8 or
    /// GBK if the chunk has a non-ASCII byte. The first chunk goes into `out`.
    fn start_bytes(inner: Box<dyn Read + 'a>, out: &mut Vec<u8>) -> Result<Utf8Chunks<'a>, TableError> {
        let mut s = Utf8Chunks { inner, mode: Mode::Ascii, encoding: Encoding::Utf8, raw_eof: false, taken: 0 };
        let mut first = Vec::with_capacity(CHUNK);
        s.read_raw(&mut first, CHUNK)?;
        if first.is_empty() {
            return Err(TableError::Text(TextError::Empty));
        }
        let bom16 = [(&[0xFF, 0xFE][..], UTF_16LE), (&[0xFE, 0xFF][..], UTF_16BE)].into_iter().find(|(bom, _)| first.starts_with(bom));
        if let Some((bom, enc)) = bom16 {
            s.mode = Mode::Decoding(enc.new_decoder_without_bom_handling());
            s.encoding = Encoding::Utf16;
            s.decode_into(&first[bom.len()..], out)?;
            return Ok(s);
        }
        if let Some(rest) = first.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
            s.mode = Mode::Utf8;
            out.extend_from_slice(rest);
            return Ok(s);
        }
        s.take_plain(first, out)?;
        Ok(s)
    }

    /// [`Utf8Chunks::start_bytes`], then what the first chunk's text says: nothing but a
    /// byte-order mark is an empty file, a NUL a binary one.
    fn start_text(inner: Box<dyn Read + 'a>, out: &mut Vec<u8>) -> Result<Utf8Chunks<'a>, TableError> {
        let s = Utf8Chunks::start_bytes(inner, out)?;
        if out.is_empty() && s.raw_eof {
            return Err(TableError::Text(TextError::Empty));
        }
        // NUL is not in text, in any encoding: a binary file, or UTF-16 without a byte-order mark.
        if out.contains(&0) {
            return Err(TableError::Text(TextError::NotText));
        }
        Ok(s)
    }

    /// Appends up to `want` raw bytes to `buf` (fewer only at the end of the file).
    fn read_raw(&mut self, buf: &mut Vec<u8>, want: usize) -> Result<(), TableError> {
        let start = buf.len();
        buf.resize(start + want, 0);
        let mut filled = start;
        while filled < buf.len() && !self.raw_eof {
            match self.inner.read(&mut buf[filled..]) {
                Ok(0) => self.raw_eof = true,
                Ok(n) => filled += n,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                Err(e) => {
                    buf.truncate(filled);
                    return Err(TableError::Read { message: e.to_string() });
                }
            }
        }
        buf.truncate(filled);
        self.taken += (filled - start) as u64;
        Ok(())
    }

    /// Raw bytes while the encoding is ASCII or UTF-8: decides at the first non-ASCII byte.
    fn take_plain(&mut self, chunk: Vec<u8>, out: &mut Vec<u8>) -> Result<(), TableError> {
        if let Mode::Ascii = self.mode {
            if let Some(at) = chunk.iter().position(|b| !b.is_ascii()) {
                // UTF-8 if what follows is UTF-8 up to the chunk's end (a character cut by the
                // chunk's end is fine, but not by the file's); otherwise GBK, which is what
                // Chinese Excel writes.
                let utf8 = match std::str::from_utf8(&chunk[at..]) {
                    Ok(_) => true,
                    Err(e) => e.error_len().is_none() && !self.raw_eof,
                };
                if utf8 {
                    self.mode = Mode::Utf8;
                } else {
                    self.mode = Mode::Decoding(GB18030.new_decoder_without_bom_handling());
                    self.encoding = Encoding::Gbk;
                    out.extend_from_slice(&chunk[..at]);
                    return self.decode_into(&chunk[at..], out);
                }
            }
        }
        if out.is_empty() {
            *out = chunk;
        } else {
            out.extend_from_slice(&chunk);
        }
        Ok(())
    }

    fn decode_into(&mut self, raw: &[u8], out: &mut Vec<u8>) -> Result<(), TableError> {
        let Mode::Decoding(decoder) = &mut self.mode else {
            out.extend_from_slice(raw);
            return Ok(());
        };
        let last = self.raw_eof;
        let mut rest = raw;
        loop {
            let need = decoder.max_utf8_buffer_length(rest.len()).unwrap_or(rest.len() * 3 + 16);
            let at = out.len();
            out.resize(at + need, 0);
            let (result, read, written, _) = decoder.decode_to_utf8(rest, &mut out[at..], last);
            out.truncate(at + written);
            rest = &rest[read..];
            if result == encoding_rs::CoderResult::InputEmpty {
                return Ok(());
            }
        }
    }

    /// Appends the next chunk of UTF-8 to `out` (possibly nothing, if the chunk ended inside a
    /// character); `false` at the end of the file.
    fn next(&mut self, out: &mut Vec<u8>) -> Result<bool, TableError> {
        if self.raw_eof {
            return Ok(false);
        }
        let mut raw = Vec::with_capacity(CHUNK);
        self.read_raw(&mut raw, CHUNK)?;
        match self.mode {
            // At the end of the file this also flushes a decoder holding half a character.
            Mode::Decoding(_) => self.decode_into(&raw, out)?,
            _ => self.take_plain(raw, out)?,
        }
        Ok(!out.is_empty() || !self.raw_eof)
    }
}

/// One row of a CSV file: its line and its fields.
pub struct Row<'r> {
    /// The line the row starts on (1-based; the header is line 1).
    pub line: u64,
    data: &'r [u8],
    ends: &'r [usize],
}

impl<'r> Row<'r> {
    /// How many fields the row has.
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    /// Does the row have no fields?
    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// Field `i`'s bytes as written (unquoted), empty if the row is shorter.
    pub fn bytes(&self, i: usize) -> &'r [u8] {
        match self.ends.get(i) {
            Some(&end) => {
                let start = if i == 0 { 0 } else { self.ends[i - 1] };
                &self.data[start..end]
            }
            None => &[],
        }
    }

    /// Field `i` as text with the white space around it removed ("" if the row is shorter). Bytes
    /// that are not UTF-8 (a damaged character) become U+FFFD.
    pub fn text(&self, i: usize) -> Cow<'r, str> {
        let b = self.bytes(i).trim_ascii();
        match std::str::from_utf8(b) {
            Ok(s) => Cow::Borrowed(trim(s)),
            Err(_) => Cow::Owned(trim(&String::from_utf8_lossy(b)).to_string()),
        }
    }

    /// The row's fields as written, one after another, and where each ends: what an exact repeat
    /// of the row repeats.
    pub fn raw(&self) -> (&'r [u8], &'r [usize]) {
        (self.data, self.ends)
    }

    /// Every field, trimmed.
    pub fn texts(&self) -> Vec<String> {
        (0..self.len()).map(|i| self.text(i).into_owned()).collect()
    }

    /// Are all fields blank? (Quick for the usual row: any ASCII character that is not white
    /// space says no.)
    fn is_blank(&self) -> bool {
        if self.data.iter().any(|b| b.is_ascii() && !b.is_ascii_whitespace()) {
            return false;
        }
        (0..self.len()).all(|i| self.text(i).is_empty())
    }
}

/// `s` without the white space around it, quickly when both ends are ASCII (the usual cell): Unicode
/// white space (U+3000 ideographic space, no-break space …) is looked for only at an end that is not.
pub fn trim(s: &str) -> &str {
    let t = s.trim_ascii();
    let b = t.as_bytes();
    if b.first().is_some_and(|c| !c.is_ascii()) || b.last().is_some_and(|c| !c.is_ascii()) {
        t.trim()
    } else {
        t
    }
}

/// A CSV file read row by row.
pub struct CsvStream<'a> {
    text: Utf8Chunks<'a>,
    core: csv_core::Reader,
    buf: Vec<u8>,
    pos: usize,
    eof: bool,
    out: Vec<u8>,
    ends: Vec<usize>,
    /// Newlines consumed so far.
    newlines: u64,
    /// Between records (skipping the line breaks of blank lines)?
    between: bool,
    /// The current record's first line.
    record_line: u64,
    headers: Vec<String>,
    total: u64,
}

/// Guesses the delimiter from the header line: comma (default), tab or semicolon.
fn delimiter(first_line: &[u8]) -> u8 {
    let count = |c: u8| first_line.iter().filter(|&&b| b == c).count();
    [(b',', count(b',')), (b'\t', count(b'\t')), (b';', count(b';'))].into_iter().max_by_key(|(_, n)| *n).map_or(b',', |(d, _)| d)
}

impl<'a> CsvStream<'a> {
    /// Opens a CSV file: reads its first chunk, decides its encoding and delimiter, and reads the
    /// header row. `total`: the file's length in bytes, for [`CsvStream::fraction`].
    pub fn new(inner: Box<dyn Read + 'a>, total: u64) -> Result<CsvStream<'a>, TableError> {
        let mut buf = Vec::with_capacity(CHUNK + 16);
        let text = Utf8Chunks::start_text(inner, &mut buf)?;
        let first_line = buf.split(|&b| b == b'\n').next().unwrap_or(&[]);
        let core = ReaderBuilder::new().delimiter(delimiter(first_line)).build();
        let mut s = CsvStream {
            text,
            core,
            buf,
            pos: 0,
            eof: false,
            out: vec![0; 1024],
            ends: vec![0; 64],
            newlines: 0,
            between: true,
            record_line: 1,
            headers: Vec::new(),
            total,
        };
        // The first record is the header, even with every name blank (then it is refused).
        let headers = match s.next_record()? {
            Some((outlen, endlen)) => s.row(outlen, endlen).texts(),
            None => Vec::new(),
        };
        if headers.iter().all(String::is_empty) {
            return Err(TableError::NoHeader);
        }
        s.headers = headers;
        Ok(s)
    }

    /// Opens a file that can be reopened.
    pub fn open(source: &'a dyn Reopen) -> Result<CsvStream<'a>, TableError> {
        let reader = source.open().map_err(|e| TableError::Read { message: e.to_string() })?;
        CsvStream::new(reader, source.byte_len())
    }

    /// The column names (trimmed).
    pub fn headers(&self) -> &[String] {
        &self.headers
    }

    /// The encoding the file turned out to be in (UTF-8 until a first non-ASCII byte says
    /// otherwise).
    pub fn encoding(&self) -> Encoding {
        self.text.encoding
    }

    /// How far through the file the reading is, 0 to 1: to the byte for UTF-8, to the chunk for
    /// text that is decoded.
    pub fn fraction(&self) -> f64 {
        if self.total == 0 {
            return 0.0;
        }
        let waiting = match self.text.mode {
            Mode::Decoding(_) => 0,
            _ => (self.buf.len() - self.pos) as u64,
        };
        (self.text.taken.saturating_sub(waiting) as f64 / self.total as f64).min(1.0)
    }

    /// Counts the line breaks in consumed bytes and notes where a record starts.
    fn consumed(&mut self, from: usize, to: usize) {
        let mut i = from;
        while self.between && i < to {
            match self.buf[i] {
                b'\n' => self.newlines += 1,
                b'\r' => {}
                _ => {
                    self.between = false;
                    self.record_line = self.newlines + 1;
                }
            }
            i += 1;
        }
        if i < to {
            self.newlines += self.buf[i..to].iter().filter(|&&b| b == b'\n').count() as u64;
        }
    }

    /// The next record, blank lines included (`None` at the end).
    fn next_record(&mut self) -> Result<Option<(usize, usize)>, TableError> {
        let (mut outlen, mut endlen) = (0, 0);
        loop {
            // An empty input tells csv_core the file has ended: refill until there are bytes.
            while self.pos == self.buf.len() && !self.eof {
                self.buf.clear();
                self.pos = 0;
                if !self.text.next(&mut self.buf)? {
                    self.eof = true;
                }
            }
            let input = &self.buf[self.pos..];
            let (res, nin, nout, nend) = self.core.read_record(input, &mut self.out[outlen..], &mut self.ends[endlen..]);
            let from = self.pos;
            self.pos += nin;
            self.consumed(from, self.pos);
            outlen += nout;
            endlen += nend;
            match res {
                ReadRecordResult::InputEmpty => {}
                ReadRecordResult::OutputFull => {
                    let n = self.out.len() * 2;
                    self.out.resize(n, 0);
                }
                ReadRecordResult::OutputEndsFull => {
                    let n = self.ends.len() * 2;
                    self.ends.resize(n, 0);
                }
                ReadRecordResult::Record => {
                    self.between = true;
                    return Ok(Some((outlen, endlen)));
                }
                ReadRecordResult::End => return Ok(None),
            }
        }
    }

    fn row(&self, outlen: usize, endlen: usize) -> Row<'_> {
        Row { line: self.record_line, data: &self.out[..outlen], ends: &self.ends[..endlen] }
    }

    /// The next data row with at least one non-blank field (`None` at the end of the file).
    pub fn next_row(&mut self) -> Result<Option<Row<'_>>, TableError> {
        loop {
            let Some((outlen, endlen)) = self.next_record()? else { return Ok(None) };
            if !self.row(outlen, endlen).is_blank() {
                return Ok(Some(self.row(outlen, endlen)));
            }
        }
    }
}

/// The most read from a [`Slices`] source at once: a `Blob.slice` read whole by the browser's
/// `FileReaderSync`, so a read never costs more than this much on top of the caller's buffer.
pub const SLICE: usize = 4 << 20;

/// Bytes read by position, a slice at a time: a `File` in the browser's worker (`Blob.slice` and
/// `FileReaderSync`), which is never read whole. [`BySlices`] makes it a [`Reopen`] source.
pub trait Slices {
    /// The length in bytes.
    fn byte_len(&self) -> u64;
    /// Fills `out` with the bytes from `start` on; fewer only at the end (none past it). Returns
    /// how many.
    fn read_at(&self, start: u64, out: &mut [u8]) -> std::io::Result<usize>;
}

/// A [`Read`] over [`Slices`]: each read asks for the next slice of at most [`SLICE`] bytes.
pub struct SliceReader<'a, S: ?Sized> {
    source: &'a S,
    pos: u64,
    len: u64,
}

impl<'a, S: Slices + ?Sized> SliceReader<'a, S> {
    /// A reader from the first byte.
    pub fn new(source: &'a S) -> SliceReader<'a, S> {
        SliceReader { source, pos: 0, len: source.byte_len() }
    }
}

impl<S: Slices + ?Sized> Read for SliceReader<'_, S> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let left = self.len.saturating_sub(self.pos);
        let want = (buf.len() as u64).min(SLICE as u64).min(left) as usize;
        if want == 0 {
            return Ok(0);
        }
        let got = self.source.read_at(self.pos, &mut buf[..want])?;
        if got == 0 {
            // The file is shorter than it was when chosen: changed or moved while being read.
            return Err(std::io::Error::new(std::io::ErrorKind::UnexpectedEof, "the file became shorter while it was being read"));
        }
        self.pos += got.min(want) as u64;
        Ok(got.min(want))
    }
}

/// A [`Slices`] source as a [`Reopen`] one: each [`Reopen::open`] reads it again from the start,
/// slice by slice, so reading it twice (the column-mapping step, then the import) never holds it.
pub struct BySlices<S>(pub S);

impl<S: Slices> Reopen for BySlices<S> {
    fn open(&self) -> std::io::Result<Box<dyn Read + '_>> {
        Ok(Box::new(SliceReader::new(&self.0)))
    }

    fn byte_len(&self) -> u64 {
        self.0.byte_len()
    }
}

/// Bytes read in one go by a [`RangeReader`] for a small read (a TIFF header, a directory entry):
/// the block around it is kept, so the small reads that follow cost nothing more.
pub const RANGE_BLOCK: usize = 64 << 10;

/// A [`Read`] + [`Seek`](std::io::Seek) over [`Slices`]: a file read by ranges, as a GeoTIFF is
/// (its header, its directories, then only the strips or tiles a window needs). A read smaller
/// than [`RANGE_BLOCK`] reads the block it falls in and keeps it; a bigger one goes straight to
/// the source, in slices of at most [`SLICE`]. So a window of a country-sized raster reads the
/// window's strips and little else, and holds one block.
pub struct RangeReader<'a, S: ?Sized> {
    source: &'a S,
    pos: u64,
    len: u64,
    /// Where the kept block starts, and its bytes.
    block_at: u64,
    block: Vec<u8>,
}

impl<'a, S: Slices + ?Sized> RangeReader<'a, S> {
    /// A reader at the first byte.
    pub fn new(source: &'a S) -> RangeReader<'a, S> {
        RangeReader { source, pos: 0, len: source.byte_len(), block_at: 0, block: Vec::new() }
    }

    /// Fills `out` from `start` on, slice by slice; fewer bytes only at the end.
    fn read_direct(&self, start: u64, out: &mut [u8]) -> std::io::Result<usize> {
        let mut done = 0;
        while done < out.len() {
            let end = (done + SLICE).min(out.len());
            let got = self.source.read_at(start + done as u64, &mut out[done..end])?;
            if got == 0 {
                break;
            }
            done += got.min(end - done);
        }
        Ok(done)
    }
}

impl<S: Slices + ?Sized> Read for RangeReader<'_, S> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let left = self.len.saturating_sub(self.pos);
        let want = (buf.len() as u64).min(left) as usize;
        if want == 0 {
            return Ok(0);
        }
        let in_block = self.pos >= self.block_at && self.pos < self.block_at + self.block.len() as u64;
        if !in_block && want >= RANGE_BLOCK {
            let got = self.read_direct(self.pos, &mut buf[..want])?;
            self.pos += got as u64;
            return Ok(got);
        }
        if !in_block {
            let at = self.pos - self.pos % RANGE_BLOCK as u64;
            let size = (self.len - at).min(RANGE_BLOCK as u64) as usize;
            self.block.resize(size, 0);
            let mut block = std::mem::take(&mut self.block);
            let got = self.read_direct(at, &mut block);
            self.block = block;
            let got = got?;
            self.block.truncate(got);
            self.block_at = at;
            if self.pos >= at + got as u64 {
                // The file is shorter than it was when chosen.
                return Err(std::io::Error::new(std::io::ErrorKind::UnexpectedEof, "the file became shorter while it was being read"));
            }
        }
        let from = (self.pos - self.block_at) as usize;
        let n = want.min(self.block.len() - from);
        buf[..n].copy_from_slice(&self.block[from..from + n]);
        self.pos += n as u64;
        Ok(n)
    }
}

impl<S: Slices + ?Sized> std::io::Seek for RangeReader<'_, S> {
    fn seek(&mut self, to: std::io::SeekFrom) -> std::io::Result<u64> {
        let pos = match to {
            std::io::SeekFrom::Start(p) => Some(p),
            std::io::SeekFrom::End(d) => self.len.checked_add_signed(d),
            std::io::SeekFrom::Current(d) => self.pos.checked_add_signed(d),
        };
        let pos = pos.ok_or_else(|| std::io::Error::new(std::io::ErrorKind::InvalidInput, "a seek before the start of the file"))?;
        self.pos = pos;
        Ok(pos)
    }
}

/// A file on disk read by position (natively; the same [`Slices`] as a `File` in the browser).
impl Slices for std::fs::File {
    fn byte_len(&self) -> u64 {
        self.metadata().map_or(0, |m| m.len())
    }

    fn read_at(&self, start: u64, out: &mut [u8]) -> std::io::Result<usize> {
        use std::io::Seek;
        let mut f = self;
        f.seek(std::io::SeekFrom::Start(start))?;
        let mut done = 0;
        while done < out.len() {
            match f.read(&mut out[done..]) {
                Ok(0) => break,
                Ok(n) => done += n,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                Err(e) => return Err(e),
            }
        }
        Ok(done)
    }
}

/// Bytes in memory read by position.
impl Slices for [u8] {
    fn byte_len(&self) -> u64 {
        self.len() as u64
    }

    fn read_at(&self, start: u64, out: &mut [u8]) -> std::io::Result<usize> {
        let start = usize::try_from(start).unwrap_or(usize::MAX).min(self.len());
        let n = out.len().min(self.len() - start);
        out[..n].copy_from_slice(&self[start..start + n]);
        Ok(n)
    }
}

/// Reads all of `source` (a workbook, which is a ZIP archive and cannot be streamed), into one
/// buffer of its length.
pub fn read_all(source: &dyn Reopen) -> std::io::Result<Vec<u8>> {
    let mut out = Vec::with_capacity(usize::try_from(source.byte_len()).unwrap_or(0));
    source.open()?.read_to_end(&mut out)?;
    Ok(out)
}

/// A text file as UTF-8, chunk by chunk, in any encoding [`CsvStream`] reads (UTF-8 with or
/// without a BOM, UTF-16 with a BOM, GBK): for a reader of another format that wants UTF-8 (the
/// GeoJSON reader). The byte-order mark is left out.
pub struct Utf8Text<'a> {
    chunks: Utf8Chunks<'a>,
    buf: Vec<u8>,
    pos: usize,
}

impl<'a> Utf8Text<'a> {
    /// Opens `source` and reads its first chunk, refusing an empty or binary file as
    /// [`CsvStream`] does.
    pub fn open(source: &'a dyn Reopen) -> Result<Utf8Text<'a>, TableError> {
        let reader = source.open().map_err(|e| TableError::Read { message: e.to_string() })?;
        let mut buf = Vec::with_capacity(CHUNK + 16);
        let chunks = Utf8Chunks::start_text(reader, &mut buf)?;
        Ok(Utf8Text { chunks, buf, pos: 0 })
    }

    /// The text of the first chunk not yet read (all of it before the first read).
    pub fn head(&self) -> &[u8] {
        &self.buf[self.pos..]
    }

    /// The encoding found so far (UTF-8 until a first non-ASCII byte says otherwise).
    pub fn encoding(&self) -> Encoding {
        self.chunks.encoding
    }
}

impl Read for Utf8Text<'_> {
    fn read(&mut self, out: &mut [u8]) -> std::io::Result<usize> {
        while self.pos == self.buf.len() {
            self.buf.clear();
            self.pos = 0;
            let more = self.chunks.next(&mut self.buf).map_err(|e| std::io::Error::other(e.to_string()))?;
            if !more && self.buf.is_empty() {
                return Ok(0);
            }
        }
        let n = out.len().min(self.buf.len() - self.pos);
        out[..n].copy_from_slice(&self.buf[self.pos..self.pos + n]);
        self.pos += n;
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A reader that hands out a few bytes at a time, to cut records, quotes and characters at
    /// every place a chunk can end.
    struct Trickle<'a>(&'a [u8], usize);

    impl Read for Trickle<'_> {
        fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
            let n = self.1.min(self.0.len()).min(buf.len());
            buf[..n].copy_from_slice(&self.0[..n]);
            self.0 = &self.0[n..];
            Ok(n)
        }
    }

    /// Headers, rows with their lines, and the encoding found.
    type Read3 = (Vec<String>, Vec<(u64, Vec<String>)>, Encoding);

    fn rows(bytes: &[u8], step: usize) -> Result<Read3, TableError> {
        let mut s = CsvStream::new(Box::new(Trickle(bytes, step)), bytes.len() as u64)?;
        let headers = s.headers().to_vec();
        let mut out = Vec::new();
        while let Some(r) = s.next_row()? {
            out.push((r.line, r.texts()));
        }
        Ok((headers, out, s.encoding()))
    }

    fn strings(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn rows_with_their_lines_however_the_bytes_arrive() {
        // Line 2 blank, line 4's quoted field spans two lines (so the next row is on line 6), a
        // CRLF line, a line of spaces, and no newline at the end.
        let text = "名称,经度,纬度\n\nA, 113.1 ,23.1\n\"B, with\ncomma\",113.2,23.2\r\nC,1,2\n   \nD,3,4";
        for step in [1, 2, 3, 7, 1 << 20] {
            let (headers, got, enc) = rows(text.as_bytes(), step).expect("reads");
            assert_eq!(headers, strings(&["名称", "经度", "纬度"]));
            assert_eq!(enc, Encoding::Utf8);
            let want: Vec<(u64, Vec<String>)> = vec![
                (3, strings(&["A", "113.1", "23.1"])),
                (4, strings(&["B, with\ncomma", "113.2", "23.2"])),
                (6, strings(&["C", "1", "2"])),
                (8, strings(&["D", "3", "4"])),
            ];
            assert_eq!(got, want, "step {step}");
        }
    }

    #[test]
    fn gbk_is_recognised_at_its_first_chinese_character_even_after_a_megabyte_of_ascii() {
        let mut text = String::from("id,lon,lat,name\n");
        while text.len() < CHUNK + 100 {
            text.push_str("1,113.1,23.1,a\n");
        }
        text.push_str("2,113.2,23.2,和平里\n");
        let (gbk, _, _) = encoding_rs::GBK.encode(&text);
        let (_, got, enc) = rows(&gbk, 4096).expect("reads");
        assert_eq!(enc, Encoding::Gbk);
        assert_eq!(got.last().map(|r| r.1[3].as_str()), Some("和平里"));
        // The header is line 1, so the last of n rows is on line n + 1.
        assert_eq!(got.last().map(|r| r.0), Some(got.len() as u64 + 1));
    }

    #[test]
    fn gbk_from_the_first_line_and_cut_between_a_characters_two_bytes() {
        let (gbk, _, _) = encoding_rs::GBK.encode("社区,老年人口\n和平里,1200\n");
        for step in [1, 3, 5] {
            let (headers, got, enc) = rows(&gbk, step).expect("reads");
            assert_eq!((headers, enc), (strings(&["社区", "老年人口"]), Encoding::Gbk));
            assert_eq!(got, vec![(2, strings(&["和平里", "1200"]))]);
        }
    }

    #[test]
    fn utf8_bom_and_utf16_and_delimiters() {
        let bom = [&[0xEF, 0xBB, 0xBF][..], "名称;人数\n甲;3\n".as_bytes()].concat();
        let (headers, got, enc) = rows(&bom, 2).expect("reads");
        assert_eq!((headers, got, enc), (strings(&["名称", "人数"]), vec![(2, strings(&["甲", "3"]))], Encoding::Utf8));
        let mut utf16 = vec![0xFF, 0xFE];
        for u in "lon\tlat\n1\t2\n".encode_utf16() {
            utf16.extend_from_slice(&u.to_le_bytes());
        }
        let (headers, got, enc) = rows(&utf16, 3).expect("reads");
        assert_eq!((headers, got, enc), (strings(&["lon", "lat"]), vec![(2, strings(&["1", "2"]))], Encoding::Utf16));
    }

    #[test]
    fn empty_binary_and_headerless_files_are_refused() {
        assert!(matches!(rows(b"", 5), Err(TableError::Text(TextError::Empty))));
        // Found by fuzzing: a byte-order mark and nothing else is an empty file too.
        assert!(matches!(rows(&[0xFE, 0xFF], 5), Err(TableError::Text(TextError::Empty))));
        assert!(matches!(rows(&[0xEF, 0xBB, 0xBF], 5), Err(TableError::Text(TextError::Empty))));
        // And a NUL after a UTF-16 byte-order mark is binary, as it is without one.
        assert!(matches!(rows(&[0xFF, 0xFE, 0, 0], 5), Err(TableError::Text(TextError::NotText))));
        assert!(matches!(rows(b"PK\x03\x04\x00\x00xlsx", 5), Err(TableError::Text(TextError::NotText))));
        assert!(matches!(rows(b",,\n1,2,3", 5), Err(TableError::NoHeader)));
    }

    #[test]
    fn long_fields_and_many_columns_grow_the_buffers() {
        let long = "x".repeat(5000);
        let header: Vec<String> = (0..200).map(|i| format!("c{i}")).collect();
        let text = format!("{}\n{long},{}\n", header.join(","), vec!["1"; 199].join(","));
        let (headers, got, _) = rows(text.as_bytes(), 333).expect("reads");
        assert_eq!(headers.len(), 200);
        assert_eq!(got[0].1.len(), 200);
        assert_eq!(got[0].1[0], long);
    }
    /// Bytes in memory read by position, counting the reads and refusing any over [`SLICE`]: what a
    /// `Blob` read with `Blob.slice` does, without a browser.
    struct Sliced<'a> {
        bytes: &'a [u8],
        reads: std::cell::Cell<usize>,
        /// Pretends the file shrank to this length after being chosen.
        now: usize,
    }

    impl Slices for Sliced<'_> {
        fn byte_len(&self) -> u64 {
            self.bytes.len() as u64
        }

        fn read_at(&self, start: u64, out: &mut [u8]) -> std::io::Result<usize> {
            assert!(out.len() <= SLICE, "a slice of {} bytes", out.len());
            self.reads.set(self.reads.get() + 1);
            let start = (start as usize).min(self.now);
            let n = out.len().min(self.now - start);
            out[..n].copy_from_slice(&self.bytes[start..start + n]);
            Ok(n)
        }
    }

    fn sliced(bytes: &[u8]) -> BySlices<Sliced<'_>> {
        BySlices(Sliced { bytes, reads: std::cell::Cell::new(0), now: bytes.len() })
    }

    #[test]
    fn a_file_read_by_slices_is_read_again_from_the_start_each_time() {
        // 12 MB of rows: three 4 MB slices would hold it, but the stream asks for 1 MB at a time.
        let mut text = String::from("名称,经度,纬度\n");
        let mut n = 0;
        while text.len() < 12 << 20 {
            n += 1;
            text.push_str(&format!("格{n},113.{n:06},23.1\n"));
        }
        let source = sliced(text.as_bytes());
        for _ in 0..2 {
            let mut s = CsvStream::open(&source).expect("opens");
            assert_eq!(s.headers(), &strings(&["名称", "经度", "纬度"])[..]);
            let mut rows = 0;
            let mut last = String::new();
            while let Some(r) = s.next_row().expect("reads") {
                rows += 1;
                last = r.text(0).into_owned();
            }
            assert_eq!((rows, last), (n, format!("格{n}")));
            assert_eq!(s.fraction(), 1.0);
        }
        // Two readings of 12 MB and a bit, in 1 MB reads: 13 each (the last one short), and one
        // more each that finds the end.
        let reads = source.0.reads.get();
        assert!((26..=28).contains(&reads), "{reads} reads");
    }

    #[test]
    fn a_slice_reader_hands_out_at_most_a_slice_and_stops_at_the_length() {
        let bytes: Vec<u8> = (0..(SLICE + 10)).map(|i| (i % 251) as u8).collect();
        let source = sliced(&bytes);
        let mut r = SliceReader::new(&source.0);
        let mut buf = vec![0; SLICE * 2];
        assert_eq!(r.read(&mut buf).expect("reads"), SLICE);
        assert_eq!(r.read(&mut buf).expect("reads"), 10);
        assert_eq!(&buf[..10], &bytes[SLICE..]);
        assert_eq!(r.read(&mut buf).expect("reads"), 0);
        // read_all: every byte, in order.
        assert_eq!(read_all(&source).expect("reads"), bytes);
    }

    #[test]
    fn a_file_that_shrinks_while_read_is_an_error_not_a_short_file() {
        let text = "a,b\n1,2\n3,4\n";
        let source = BySlices(Sliced { bytes: text.as_bytes(), reads: std::cell::Cell::new(0), now: 6 });
        let mut r = source.open().expect("opens");
        let mut all = Vec::new();
        let err = r.read_to_end(&mut all).expect_err("shrank");
        assert_eq!(err.kind(), std::io::ErrorKind::UnexpectedEof);
        assert_eq!(all, b"a,b\n1,");
    }

    #[test]
    fn a_range_reader_reads_what_it_is_asked_in_blocks_and_seeks() {
        use std::io::{Seek, SeekFrom};
        // 300 KB: four blocks and a part.
        let bytes: Vec<u8> = (0..300_000u32).map(|i| (i % 253) as u8).collect();
        let source = sliced(&bytes);
        let mut r = RangeReader::new(&source.0);
        // A small read at 70,000 reads its block (65,536–131,071) once; the next small reads
        // inside it cost no more reads.
        let mut two = [0u8; 2];
        r.seek(SeekFrom::Start(70_000)).expect("seeks");
        r.read_exact(&mut two).expect("reads");
        assert_eq!(two, [bytes[70_000], bytes[70_001]]);
        r.seek(SeekFrom::Current(1000)).expect("seeks");
        r.read_exact(&mut two).expect("reads");
        assert_eq!(two, [bytes[71_002], bytes[71_003]]);
        assert_eq!(source.0.reads.get(), 1);
        // A read across the block's end: the rest of the block, then the next block.
        r.seek(SeekFrom::Start(131_070)).expect("seeks");
        let mut four = [0u8; 4];
        r.read_exact(&mut four).expect("reads");
        assert_eq!(four, bytes[131_070..131_074]);
        assert_eq!(source.0.reads.get(), 2);
        // A big read outside the block goes straight to the source, and stops at the end.
        r.seek(SeekFrom::End(-100_000)).expect("seeks");
        let mut big = vec![0u8; 150_000];
        let n = r.read(&mut big).expect("reads");
        assert_eq!(&big[..n], &bytes[200_000..]);
        assert_eq!((n, r.read(&mut big).expect("reads at the end")), (100_000, 0));
        assert!(r.seek(SeekFrom::Current(-400_000)).is_err(), "before the start");
    }

    #[test]
    fn a_range_reader_says_when_the_file_became_shorter() {
        let text = vec![7u8; 100_000];
        let source = Sliced { bytes: &text, reads: std::cell::Cell::new(0), now: 10 };
        let mut r = RangeReader::new(&source);
        let mut buf = [0u8; 10];
        r.read_exact(&mut buf).expect("the first 10 bytes are there");
        use std::io::Seek;
        r.seek(std::io::SeekFrom::Start(50_000)).expect("seeks");
        assert_eq!(r.read(&mut buf).expect_err("gone").kind(), std::io::ErrorKind::UnexpectedEof);
    }

    #[test]
    fn utf8_text_decodes_gbk_and_utf16_and_drops_the_bom() {
        let (gbk, _, _) = encoding_rs::GBK.encode("{\"名称\":\"和平里\"}");
        let source = sliced(&gbk);
        let mut t = Utf8Text::open(&source).expect("opens");
        let mut out = String::new();
        t.read_to_string(&mut out).expect("reads");
        assert_eq!((out.as_str(), t.encoding()), ("{\"名称\":\"和平里\"}", Encoding::Gbk));
        let bom = [&[0xEF, 0xBB, 0xBF][..], b"  {}"].concat();
        let bom = &bom[..];
        let t = Utf8Text::open(&bom).expect("opens");
        assert_eq!(t.head(), b"  {}");
        let mut utf16 = vec![0xFE, 0xFF];
        for u in "{\"a\":1}".encode_utf16() {
            utf16.extend_from_slice(&u.to_be_bytes());
        }
        let utf16 = &utf16[..];
        let mut t = Utf8Text::open(&utf16).expect("opens");
        let mut out = String::new();
        t.read_to_string(&mut out).expect("reads");
        assert_eq!((out.as_str(), t.encoding()), ("{\"a\":1}", Encoding::Utf16));
        assert!(matches!(Utf8Text::open(&&b""[..]), Err(TableError::Text(TextError::Empty))));
        assert!(matches!(Utf8Text::open(&&b"\x89PNG\r\n\x1a\n\x00\x00"[..]), Err(TableError::Text(TextError::NotText))));
    }
}
