//! The two languages zhucan speaks. Simplified Chinese is the default; English is second.

use serde::{Deserialize, Serialize};

/// A user-interface language.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Locale {
    /// Simplified Chinese as used in mainland China (`zh-CN`). The default.
    #[default]
    #[serde(rename = "zh-CN")]
    ZhCn,
    /// English (`en`).
    #[serde(rename = "en")]
    En,
}

impl Locale {
    /// Every supported locale, default first.
    pub const ALL: [Locale; 2] = [Locale::ZhCn, Locale::En];

    /// The BCP 47 tag, as used in `<html lang>`.
    ///
    /// ```
    /// use zhucan::core::Locale;
    /// assert_eq!(Locale::ZhCn.tag(), "zh-CN");
    /// assert_eq!(Locale::En.tag(), "en");
    /// ```
    pub fn tag(self) -> &'static str {
        match self {
            Locale::ZhCn => "zh-CN",
            Locale::En => "en",
        }
    }

    /// The language's name written in that language (what the language choice shows, one button
    /// per language in [`Locale::ALL`]).
    ///
    /// ```
    /// use zhucan::core::Locale;
    /// assert_eq!(Locale::ZhCn.native_name(), "中文");
    /// assert_eq!(Locale::En.native_name(), "English");
    /// ```
    pub fn native_name(self) -> &'static str {
        match self {
            Locale::ZhCn => "中文",
            Locale::En => "English",
        }
    }

    /// Reads a language tag loosely: `zh`, `zh-CN`, `zh-Hans`, `zh_cn` → Chinese; `en`, `en-GB` →
    /// English. Anything else is `None`, so the caller decides the fallback.
    ///
    /// ```
    /// use zhucan::core::Locale;
    /// assert_eq!(Locale::parse("zh-Hans-CN"), Some(Locale::ZhCn));
    /// assert_eq!(Locale::parse("EN-gb"), Some(Locale::En));
    /// assert_eq!(Locale::parse("fr"), None);
    /// ```
    pub fn parse(tag: &str) -> Option<Locale> {
        let primary = tag.trim().split(['-', '_']).next().unwrap_or("").to_ascii_lowercase();
        match primary.as_str() {
            "zh" => Some(Locale::ZhCn),
            "en" => Some(Locale::En),
            _ => None,
        }
    }
}

/// A whole number with thousands separators, rounded: `1234567.4` → `"1,234,567"`, `-1500` →
/// `"-1,500"` (both interface languages write figures this way).
pub fn thousands(v: f64) -> String {
    let n = v.round() as i64;
    let digits = n.unsigned_abs().to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 + 1);
    if n < 0 {
        out.push('-');
    }
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// `x` with one decimal, exactly as `format!("{x:.1}")` writes it (the exact value rounded, a tie
/// to even), for finite `x` from 0 to 10^15: `4.46` → `"4.5"`, `2.25` → `"2.2"`. Written with
/// integers because the standard float formatter is about 10 KB of the calculator's download and
/// this is its only use there (issue 17).
pub fn one_decimal(x: f64) -> String {
    // x = m · 2^e exactly; tenths = round-half-even(10 · m · 2^e).
    let bits = x.to_bits();
    let biased = ((bits >> 52) & 0x7ff) as i32;
    let fraction = u128::from(bits & ((1 << 52) - 1));
    let (m, e) = if biased == 0 { (fraction, -1074) } else { (fraction | (1 << 52), biased - 1075) };
    let ten_m = 10 * m;
    let tenths = if e >= 0 {
        ten_m << e
    } else if -e > 120 {
        0 // below 2^-60: rounds to 0.0
    } else {
        let s = -e;
        let (q, r, half) = (ten_m >> s, ten_m & ((1 << s) - 1), 1u128 << (s - 1));
        q + u128::from(r > half || (r == half && q % 2 == 1))
    };
    // Below 10^16 for the inputs documented, so u64 (whose formatting the app has anyway).
    let tenths = tenths as u64;
    format!("{}.{}", tenths / 10, tenths % 10)
}

/// A label at most `max` characters long for tables, buttons and map titles: longer text is cut
/// and ends in "…" (the whole text stays available where the item's details are shown).
pub fn short_label(text: &str, max: usize) -> std::borrow::Cow<'_, str> {
    match text.char_indices().nth(max) {
        None => std::borrow::Cow::Borrowed(text),
        Some(_) => {
            let keep = text.char_indices().nth(max.saturating_sub(1)).map_or(text.len(), |(i, _)| i);
            std::borrow::Cow::Owned(format!("{}…", &text[..keep]))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_decimal_is_the_standard_formatting() {
        // Exact ties (x.x5 held exactly: multiples of 0.25) go to the even tenth, as `{:.1}` does.
        assert_eq!(one_decimal(2.25), "2.2");
        assert_eq!(one_decimal(2.75), "2.8");
        assert_eq!(one_decimal(0.0), "0.0");
        assert_eq!(one_decimal(4.46), "4.5");
        assert_eq!(one_decimal(20.96), "21.0");
        let mut xs: Vec<f64> = (0..=2100).map(|i| f64::from(i) / 100.0).collect(); // 0.00 … 21.00
        xs.extend((0..=84).map(|i| f64::from(i) * 0.25));
        xs.extend([1e-300, 5e-324, 0.05, 0.15, 0.35, 0.45, 1e14 + 0.05, 123_456.789, 9.999_999_999]);
        // The contrast ratios of a grid of colours (the figures the embedding messages show).
        for r in (0..=255).step_by(15) {
            for g in (0..=255).step_by(15) {
                for b in (0..=255).step_by(15) {
                    xs.push(crate::core::embed::contrast_ratio([r, g, b], [255, 255, 255]));
                }
            }
        }
        for x in xs {
            assert_eq!(one_decimal(x), format!("{x:.1}"), "{x:e}");
        }
    }

    #[test]
    fn short_labels_cut_long_text_by_characters() {
        assert_eq!(short_label("和平里", 3), "和平里");
        assert_eq!(short_label("和平里社区", 3), "和平…");
        assert_eq!(short_label(&"长".repeat(10_000), 60).chars().count(), 60);
        assert_eq!(short_label("", 5), "");
    }

    #[test]
    fn thousands_groups_digits_and_keeps_the_sign() {
        assert_eq!(thousands(0.0), "0");
        assert_eq!(thousands(999.4), "999");
        assert_eq!(thousands(999.5), "1,000");
        assert_eq!(thousands(1_234_567.0), "1,234,567");
        assert_eq!(thousands(-1_500.0), "-1,500");
        assert_eq!(thousands(-999.0), "-999");
    }

    #[test]
    fn parse_accepts_region_and_script_subtags() {
        for tag in ["zh", "zh-CN", "zh_cn", "zh-Hans", " ZH-hans-cn "] {
            assert_eq!(Locale::parse(tag), Some(Locale::ZhCn), "{tag}");
        }
        for tag in ["en", "en-US", "en_GB"] {
            assert_eq!(Locale::parse(tag), Some(Locale::En), "{tag}");
        }
        for tag in ["", "fr", "zhx", "e"] {
            assert_eq!(Locale::parse(tag), None, "{tag}");
        }
    }

    #[test]
    fn tag_round_trips_through_parse() {
        for locale in Locale::ALL {
            assert_eq!(Locale::parse(locale.tag()), Some(locale));
        }
    }

    #[test]
    fn every_language_has_its_own_tag_and_name() {
        // The language choice offers one button per language, named in that language: no two
        // may share a tag (the buttons' ids) or a name.
        for (i, a) in Locale::ALL.iter().enumerate() {
            for b in &Locale::ALL[i + 1..] {
                assert_ne!(a.tag(), b.tag());
                assert_ne!(a.native_name(), b.native_name());
            }
        }
        assert_eq!(Locale::ALL[0], Locale::default(), "the default comes first");
    }

    #[test]
    fn serde_uses_language_tags() {
        assert_eq!(serde_json::to_string(&Locale::ZhCn).ok().as_deref(), Some("\"zh-CN\""));
        let en: Locale = serde_json::from_str("\"en\"").expect("valid tag");
        assert_eq!(en, Locale::En);
    }
}
