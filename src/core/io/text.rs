//! Bytes to text: UTF-8 (with or without a byte-order mark), UTF-16 with a BOM, and GBK/GB18030,
//! which is what Chinese Excel writes when saving CSV.

use std::borrow::Cow;

use serde::Serialize;

use super::words::words;
use crate::core::Locale;

/// The encoding a file turned out to be in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Encoding {
    /// UTF-8 (a BOM, if any, removed).
    Utf8,
    /// UTF-16 with a byte-order mark.
    Utf16,
    /// GBK / GB18030.
    Gbk,
}

/// Why bytes are not text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TextError {
    /// The file is empty.
    Empty,
    /// Binary content (NUL bytes) or bytes that are neither UTF-8 nor GBK.
    NotText,
}

impl TextError {
    /// The message in `locale`.
    pub fn message(&self, locale: Locale) -> String {
        let w = words(locale);
        match self {
            TextError::Empty => w.text_empty.to_string(),
            TextError::NotText => w.text_not_text.to_string(),
        }
    }
}

/// The English message.
impl std::fmt::Display for TextError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(Locale::En))
    }
}

impl std::error::Error for TextError {}

/// Decodes a file's bytes.
///
/// ```
/// use zhucan::core::io::text::{decode, Encoding};
/// // "经度" in GBK, as Chinese Excel saves it.
/// let (text, enc) = decode(&[0xBE, 0xAD, 0xB6, 0xC8]).unwrap();
/// assert_eq!((text.as_ref(), enc), ("经度", Encoding::Gbk));
/// ```
pub fn decode(bytes: &[u8]) -> Result<(Cow<'_, str>, Encoding), TextError> {
    if bytes.is_empty() {
        return Err(TextError::Empty);
    }
    if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        return std::str::from_utf8(rest).map(|s| (Cow::Borrowed(s), Encoding::Utf8)).map_err(|_| TextError::NotText);
    }
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        let enc = if bytes[0] == 0xFF { encoding_rs::UTF_16LE } else { encoding_rs::UTF_16BE };
        let (text, had_errors) = enc.decode_with_bom_removal(bytes);
        return if had_errors { Err(TextError::NotText) } else { Ok((Cow::Owned(text.into_owned()), Encoding::Utf16)) };
    }
    if bytes.contains(&0) {
        return Err(TextError::NotText);
    }
    if let Ok(s) = std::str::from_utf8(bytes) {
        return Ok((Cow::Borrowed(s), Encoding::Utf8));
    }
    let (text, had_errors) = encoding_rs::GB18030.decode_without_bom_handling(bytes);
    if had_errors {
        return Err(TextError::NotText);
    }
    Ok((Cow::Owned(text.into_owned()), Encoding::Gbk))
}

/// Like [`decode`], taking the bytes: UTF-8 (the usual case, and the biggest files) becomes the
/// text without a copy, so a 200 MB file is in memory once, not twice.
///
/// ```
/// use zhucan::core::io::text::{decode_owned, Encoding};
/// let bom = [&[0xEF, 0xBB, 0xBF][..], "名称".as_bytes()].concat();
/// assert_eq!(decode_owned(bom), Ok(("名称".to_string(), Encoding::Utf8)));
/// assert_eq!(decode_owned(vec![0xBE, 0xAD]), Ok(("经".to_string(), Encoding::Gbk)));
/// ```
pub fn decode_owned(mut bytes: Vec<u8>) -> Result<(String, Encoding), TextError> {
    let bom = bytes.starts_with(&[0xEF, 0xBB, 0xBF]);
    let plain_utf8 = !bom && !bytes.is_empty() && !bytes.contains(&0) && std::str::from_utf8(&bytes).is_ok();
    if bom || plain_utf8 {
        if bom {
            bytes.drain(..3);
        }
        return String::from_utf8(bytes).map(|s| (s, Encoding::Utf8)).map_err(|_| TextError::NotText);
    }
    decode(&bytes).map(|(text, encoding)| (text.into_owned(), encoding))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_with_and_without_bom() {
        assert_eq!(decode("经度,纬度".as_bytes()).map(|(t, e)| (t.into_owned(), e)), Ok(("经度,纬度".into(), Encoding::Utf8)));
        let mut bom = vec![0xEF, 0xBB, 0xBF];
        bom.extend_from_slice("名称".as_bytes());
        assert_eq!(decode(&bom).map(|(t, e)| (t.into_owned(), e)), Ok(("名称".into(), Encoding::Utf8)));
    }

    #[test]
    fn gbk_as_excel_writes_it() {
        let (gbk, _, _) = encoding_rs::GBK.encode("社区,老年人口\n和平里,1200\n");
        let (text, enc) = decode(&gbk).expect("GBK decodes");
        assert_eq!(enc, Encoding::Gbk);
        assert_eq!(text, "社区,老年人口\n和平里,1200\n");
    }

    #[test]
    fn utf16_with_bom() {
        let mut bytes = vec![0xFF, 0xFE];
        for u in "lon,lat".encode_utf16() {
            bytes.extend_from_slice(&u.to_le_bytes());
        }
        assert_eq!(decode(&bytes).map(|(t, e)| (t.into_owned(), e)), Ok(("lon,lat".into(), Encoding::Utf16)));
    }

    #[test]
    fn binary_and_empty_are_refused() {
        assert_eq!(decode(b"").map(|_| ()), Err(TextError::Empty));
        assert_eq!(decode(b"PK\x03\x04\x00\x00xlsx").map(|_| ()), Err(TextError::NotText));
        assert_eq!(decode(&[0x81, 0x20, 0xFF, 0xFF, 0x80]).map(|_| ()), Err(TextError::NotText));
    }
}
