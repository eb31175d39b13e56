//! Which ages a column of counts stands for, read from its header: "80岁以上" is everyone 80 and
//! over, "80-89岁" is 80 to 89, "over80" and "Aged 80+" are 80 and over. A typed rule instead of
//! looking for "80" in the name, which would also take "1980年后" or an "80–89" band for the over-80s.

use crate::core::text_input::half_width;

/// The ages a column counts: from `from` up to `to` (inclusive), or with no upper end.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct AgeSpan {
    /// The youngest age counted.
    pub from: u32,
    /// The oldest age counted (`None`: and over).
    pub to: Option<u32>,
}

/// Words after an age that make it a lower bound ("80岁以上", "80+", "80 and over").
const AND_OVER: [&str; 16] = [
    "周岁及以上",
    "周岁含以上",
    "周岁以上",
    "岁及以上",
    "岁含以上",
    "岁以上",
    "及以上",
    "以上",
    "岁+",
    "+",
    "plus",
    "andover",
    "andolder",
    "andabove",
    "orover",
    "orolder",
];

/// Words before an age that make it a lower bound ("over80", "aged80").
const OVER: [&str; 4] = ["over", "above", "aged", "age"];

/// What may join the two ends of a span ("80-89", "80至89岁").
const TO: [&str; 6] = ["-", "–", "—", "~", "至", "到"];

/// Lower case, full-width digits, dashes and plus signs as ASCII (`text_input::half_width`), and spaces, underscores and brackets
/// left out.
fn normalise(header: &str) -> String {
    half_width(header)
        .chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '_' | '(' | ')' | '（' | '）' | '[' | ']'))
        .map(|c| match c {
            '＋' => '+',
            '～' => '~',
            _ => c,
        })
        .flat_map(char::to_lowercase)
        .collect()
}

/// Reads the ages a count column stands for from its header; `None` when the header names no
/// age span (e.g. "失能", "高龄" — whose age differs from place to place — or "1980年后").
///
/// ```
/// use zhucan::core::scenario::{age_span, AgeSpan};
/// assert_eq!(age_span("80岁以上"), Some(AgeSpan { from: 80, to: None }));
/// assert_eq!(age_span("80-89岁"), Some(AgeSpan { from: 80, to: Some(89) }));
/// assert_eq!(age_span("1980年后"), None);
/// ```
pub fn age_span(header: &str) -> Option<AgeSpan> {
    let h = normalise(header);
    let mut rest = h.as_str();
    // Each run of digits in turn, with the text between it and the run before.
    while let Some(start) = rest.find(|c: char| c.is_ascii_digit()) {
        let end = rest[start..].find(|c: char| !c.is_ascii_digit()).map_or(rest.len(), |e| start + e);
        let (before, after) = (&rest[..start], &rest[end..]);
        if let Some(span) = rest[start..end].parse::<u32>().ok().filter(|n| *n <= 150).and_then(|n| span_at(n, before, after)) {
            return Some(span);
        }
        rest = after;
    }
    None
}

/// The span an age `n` starts, given the text before and after it.
fn span_at(n: u32, before: &str, after: &str) -> Option<AgeSpan> {
    // A closed span: "80-89", "80岁-89岁", "80至89周岁".
    let joined = after.strip_prefix("周岁").or_else(|| after.strip_prefix('岁')).unwrap_or(after);
    for to in TO {
        if let Some(tail) = joined.strip_prefix(to) {
            let end = tail.find(|c: char| !c.is_ascii_digit()).unwrap_or(tail.len());
            let upper = tail[..end].parse::<u32>().ok().filter(|m| *m >= n && *m <= 150);
            if let Some(m) = upper {
                return Some(AgeSpan { from: n, to: Some(m) });
            }
        }
    }
    if AND_OVER.iter().any(|w| after.starts_with(w)) || OVER.iter().any(|w| before.ends_with(w)) {
        return Some(AgeSpan { from: n, to: None });
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn over(n: u32) -> Option<AgeSpan> {
        Some(AgeSpan { from: n, to: None })
    }

    #[test]
    fn chinese_headers() {
        for h in ["80岁以上", "80周岁以上", "80岁及以上", "80周岁（含）以上", "８０岁以上人口", "其中：80岁以上"]
        {
            assert_eq!(age_span(h), over(80), "{h}");
        }
        assert_eq!(age_span("60岁以上"), over(60));
        assert_eq!(age_span("80-89岁"), Some(AgeSpan { from: 80, to: Some(89) }));
        assert_eq!(age_span("80至89周岁"), Some(AgeSpan { from: 80, to: Some(89) }));
        assert_eq!(age_span("80岁–89岁"), Some(AgeSpan { from: 80, to: Some(89) }));
        // The first number is a year, the second the age.
        assert_eq!(age_span("2020年80岁以上"), over(80));
    }

    #[test]
    fn english_headers() {
        for h in ["over80", "Over 80", "aged80", "Aged 80+", "age_80", "80+", "80 plus", "80 and over", "AGED ８０"] {
            assert_eq!(age_span(h), over(80), "{h}");
        }
        assert_eq!(age_span("aged 80-89"), Some(AgeSpan { from: 80, to: Some(89) }));
    }

    #[test]
    fn headers_that_name_no_age_span() {
        for h in ["失能", "高龄", "1980年后", "80后", "80岁", "count80x", "89-80岁", "200岁以上", "", "低保"] {
            assert_eq!(age_span(h), None, "{h}");
        }
    }
}
