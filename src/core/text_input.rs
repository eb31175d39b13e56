//! Raw input clean-up shared by the forms, the share link and the embedding options: what a
//! Chinese input method types turned into plain ASCII ([`half_width`]), and the one percent codec
//! for URL fragments and query strings ([`percent_encode`], [`percent_decode`],
//! [`percent_decode_lossy`]).
//!
//! Pure text in, text out; what the cleaned text means is up to the caller.

/// Trims `s` and turns what a Chinese input method types into ASCII: the full-width digits
/// `０`–`９`, the full-width stop `．` (and the ideographic `。`) as `.`, the full-width comma `，` as
/// `,`, the full-width minus `－` (and the dashes `—` `–`) as `-`, the full-width slash `／` as `/`,
/// and the ideographic space (U+3000) as a plain space. Anything else is kept.
///
/// ```
/// use zhucan::core::text_input::half_width;
/// assert_eq!(half_width("　１２．５元 "), "12.5元");
/// ```
pub fn half_width(s: &str) -> String {
    s.trim()
        .chars()
        .map(|c| match c {
            '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
            '．' | '。' => '.',
            '，' => ',',
            '－' | '—' | '–' => '-',
            '／' => '/',
            '\u{3000}' => ' ',
            c => c,
        })
        .collect()
}

/// Percent-encodes every byte of `s` (its UTF-8) except the unreserved ASCII letters, digits and
/// `-` `_` `.` `~`, as `%XX` with capital hex digits.
///
/// ```
/// use zhucan::core::text_input::percent_encode;
/// assert_eq!(percent_encode("助餐 1/2"), "%E5%8A%A9%E9%A4%90%201%2F2");
/// ```
pub fn percent_encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Decodes `%XX` escapes and `+` (as a space). `None` when an escape is not `%` and two hex
/// digits, or the bytes are not UTF-8: for text this program wrote ([`percent_encode`]), where
/// anything else means the text was damaged.
pub fn percent_decode(s: &str) -> Option<String> {
    String::from_utf8(decode_bytes(s, true)?).ok()
}

/// Decodes `%XX` escapes and `+` (as a space), keeping a bad escape as it is written and
/// replacing bytes that are not UTF-8 with `�`: for text from elsewhere (a query string someone
/// typed), where every character should be shown back.
pub fn percent_decode_lossy(s: &str) -> String {
    let bytes = decode_bytes(s, false).unwrap_or_default();
    String::from_utf8_lossy(&bytes).into_owned()
}

/// The one decoder: `strict` gives up at a bad escape, otherwise the `%` is kept.
fn decode_bytes(s: &str, strict: bool) -> Option<Vec<u8>> {
    let hex = |b: Option<&u8>| b.and_then(|b| char::from(*b).to_digit(16));
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'%' => match (hex(bytes.get(i + 1)), hex(bytes.get(i + 2))) {
                (Some(high), Some(low)) => {
                    // Two hex digits: at most 255.
                    out.push(u8::try_from(high * 16 + low).unwrap_or(u8::MAX));
                    i += 3;
                }
                _ if strict => return None,
                _ => {
                    out.push(b'%');
                    i += 1;
                }
            },
            b'+' => {
                out.push(b' ');
                i += 1;
            }
            b => {
                out.push(b);
                i += 1;
            }
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn full_width_digits_and_punctuation_become_ascii() {
        assert_eq!(half_width("１２．５"), "12.5");
        assert_eq!(half_width("０１２３４５６７８９"), "0123456789");
        assert_eq!(half_width("１，２３４"), "1,234");
        assert_eq!(half_width("－５"), "-5");
        assert_eq!(half_width("1945／3／4"), "1945/3/4");
        assert_eq!(half_width("12。5"), "12.5");
        assert_eq!(half_width("2025—3–4"), "2025-3-4");
        // Trimmed (full-width spaces too); a space inside becomes a plain one.
        assert_eq!(half_width("\u{3000}８０岁 "), "80岁");
        assert_eq!(half_width("8\u{3000}0"), "8 0");
        // Anything else is kept: letters, Chinese, the yuan sign.
        assert_eq!(half_width("￥１２元 abc"), "￥12元 abc");
    }

    #[test]
    fn encoding_keeps_only_the_unreserved_characters() {
        assert_eq!(percent_encode("Az09-_.~"), "Az09-_.~");
        // 助 U+52A9 = E5 8A A9, 餐 U+9910 = E9 A4 90 in UTF-8.
        assert_eq!(percent_encode("助餐"), "%E5%8A%A9%E9%A4%90");
        assert_eq!(percent_encode("a b+c&d=e%"), "a%20b%2Bc%26d%3De%25");
        assert_eq!(percent_encode(""), "");
    }

    #[test]
    fn strict_decoding_reverses_the_encoding_and_refuses_damage() {
        for text in ["", "80", "助餐 a+b&c=d%e", "f=tekun:u,youfu:y"] {
            assert_eq!(percent_decode(&percent_encode(text)).as_deref(), Some(text), "{text:?}");
        }
        assert_eq!(percent_decode("a+b").as_deref(), Some("a b"));
        assert_eq!(percent_decode("%e5%8a%a9").as_deref(), Some("助"), "lower-case hex too");
        for bad in ["%zz", "a%2", "%", "%FF", "%E5%8A"] {
            assert_eq!(percent_decode(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn lossy_decoding_keeps_what_it_cannot_read() {
        assert_eq!(percent_decode_lossy("https%3A%2F%2Fa.cn"), "https://a.cn");
        assert_eq!(percent_decode_lossy("a+b%2"), "a b%2");
        assert_eq!(percent_decode_lossy("%zz%"), "%zz%");
        assert_eq!(percent_decode_lossy("%E5%8A%A9%E9%A4%90"), "助餐");
        assert_eq!(percent_decode_lossy("%FFok"), "\u{FFFD}ok");
    }
}
