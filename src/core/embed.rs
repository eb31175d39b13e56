//! Embedding options from the page URL (`?mode=calculator&policy=shenzhen-2025&parent=https://…`):
//! what a website admin sets in the `<iframe>` snippet. Parsed here, in plain Rust, so the rules —
//! which origins may receive the frame's height, which theme colours are readable — are tested
//! natively. The display options (`lang`, `large`, `contrast`) are applied on top of the saved
//! display settings by `ui::settings`.

use crate::core::locale::one_decimal;
use crate::core::text_input::percent_decode_lossy;
use crate::core::Locale;

/// Which halves of the app are shown.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Mode {
    /// Both, as tabs (the standalone site).
    #[default]
    Both,
    /// The subsidy calculator only (no tabs).
    Calculator,
    /// The site planner only (no tabs).
    Planner,
}

/// Options read from the query string. Anything unreadable is ignored (and listed in `ignored`),
/// never fatal: a wrong snippet still gives a working calculator.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct EmbedOptions {
    /// Which halves to show.
    pub mode: Mode,
    /// Preset policy id to select first (the calculator checks it exists).
    pub policy: Option<String>,
    /// A policy file on the same site, as a path (`/policies/mycity.toml`, `policies/x.toml`):
    /// fetched, checked like a file the user loads, and selected.
    pub policy_url: Option<String>,
    /// The embedding page's origin (`https://www.example.gov.cn`): the only window the frame's
    /// height is posted to. None when not embedded.
    pub parent: Option<String>,
    /// Brand colour `#rrggbb`, accepted only with at least 4.5:1 contrast on white.
    pub theme: Option<String>,
    /// Interface language.
    pub lang: Option<Locale>,
    /// Text size: 0 normal, 1 large (18 pt), 2 extra large (30 pt).
    pub large: Option<u8>,
    /// High contrast on or off.
    pub high_contrast: Option<bool>,
    /// Parameters given but not used, with the reason, for the admin (shown in the console only).
    pub ignored: Vec<Ignored>,
}

/// A parameter given but not used: its value as given, and why.
#[derive(Clone, Debug, PartialEq)]
pub struct Ignored {
    /// The value given (percent-decoded).
    pub value: String,
    /// Why it was not used; the reason names the parameter.
    pub reason: IgnoredReason,
}

/// Why a parameter was not used.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum IgnoredReason {
    /// `mode` is not calculator, planner or both.
    Mode,
    /// `policy` is not a preset id.
    Policy,
    /// `policy-url` is not a path on this site.
    PolicyUrl,
    /// `parent` is not an origin.
    Parent,
    /// `lang` is not a language zhucan speaks.
    Lang,
    /// `large` is not 0, 1 or 2.
    Large,
    /// `contrast` is not high or normal.
    Contrast,
    /// `theme` is a colour with too little contrast on white (the ratio).
    LowContrast(f64),
    /// `theme` is not a colour.
    Colour,
}

impl Ignored {
    /// The parameter and why it was not used, in `locale`: "mode=all: use calculator, planner or
    /// both".
    pub fn message(&self, locale: Locale) -> String {
        let w = words(locale);
        let v = self.value.as_str();
        match self.reason {
            IgnoredReason::Mode => (w.mode)(v),
            IgnoredReason::Policy => (w.policy)(v),
            IgnoredReason::PolicyUrl => (w.policy_url)(v),
            IgnoredReason::Parent => (w.parent)(v),
            IgnoredReason::Lang => (w.lang)(v),
            IgnoredReason::Large => (w.large)(v),
            IgnoredReason::Contrast => (w.contrast)(v),
            IgnoredReason::LowContrast(ratio) => (w.low_contrast)(v, ratio),
            IgnoredReason::Colour => (w.colour)(v),
        }
    }
}

/// The English message.
impl std::fmt::Display for Ignored {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(Locale::En))
    }
}

/// Why an embedding parameter was not used, in one language (for the site's admin, in the
/// browser's console).
pub struct EmbedWords {
    /// A bad `mode` (the value).
    pub mode: fn(&str) -> String,
    /// A bad `policy`.
    pub policy: fn(&str) -> String,
    /// A bad `policy-url`.
    pub policy_url: fn(&str) -> String,
    /// A bad `parent`.
    pub parent: fn(&str) -> String,
    /// A bad `lang`.
    pub lang: fn(&str) -> String,
    /// A bad `large`.
    pub large: fn(&str) -> String,
    /// A bad `contrast`.
    pub contrast: fn(&str) -> String,
    /// A `theme` with too little contrast (the value, the ratio).
    pub low_contrast: fn(&str, f64) -> String,
    /// A `theme` that is not a colour.
    pub colour: fn(&str) -> String,
}

/// Simplified Chinese.
pub const ZH_CN: EmbedWords = EmbedWords {
    mode: |v| format!("mode={v}：请用 calculator、planner 或 both"),
    policy: |v| format!("policy={v}：不是预设政策的编号"),
    policy_url: |v| format!("policy-url={v}：请给出本网站上的路径，例如 /policies/mycity.toml"),
    parent: |v| format!("parent={v}：请给出嵌入页面的源，例如 https://www.example.gov.cn（不带路径）"),
    lang: |v| format!("lang={v}：请用 zh-CN 或 en"),
    large: |v| format!("large={v}：请用 0、1 或 2"),
    contrast: |v| format!("contrast={v}：请用 high 或 normal"),
    low_contrast: |v, ratio| format!("theme={v}：这个颜色在白底上的对比度是 {}:1，低于 4.5:1，仍用默认颜色", one_decimal(ratio)),
    colour: |v| format!("theme={v}：请用 0b4f8a 或 #0b4f8a 这样的颜色"),
};

/// English.
pub const EN: EmbedWords = EmbedWords {
    mode: |v| format!("mode={v}: use calculator, planner or both"),
    policy: |v| format!("policy={v}: not a preset id"),
    policy_url: |v| format!("policy-url={v}: give a path on this site, such as /policies/mycity.toml"),
    parent: |v| format!("parent={v}: give an origin such as https://www.example.gov.cn (no path)"),
    lang: |v| format!("lang={v}: use zh-CN or en"),
    large: |v| format!("large={v}: use 0, 1 or 2"),
    contrast: |v| format!("contrast={v}: use high or normal"),
    low_contrast: |v, ratio| format!("theme={v}: contrast {}:1 on white is below 4.5:1, the default is kept", one_decimal(ratio)),
    colour: |v| format!("theme={v}: use a colour like 0b4f8a or #0b4f8a"),
};

/// The embedding messages in `locale`.
pub fn words(locale: Locale) -> &'static EmbedWords {
    match locale {
        Locale::ZhCn => &ZH_CN,
        Locale::En => &EN,
    }
}

impl EmbedOptions {
    /// Reads `mode`, `policy`, `policy-url`, `parent` and `theme` from a query string (with or without the `?`).
    pub fn from_query(search: &str) -> EmbedOptions {
        let mut o = EmbedOptions::default();
        for pair in search.trim_start_matches('?').split('&').filter(|p| !p.is_empty()) {
            let (key, raw) = pair.split_once('=').unwrap_or((pair, ""));
            let value = percent_decode_lossy(raw);
            let mut ignore = |reason: IgnoredReason, value: String| o.ignored.push(Ignored { value, reason });
            match key {
                "mode" => match value.as_str() {
                    "calculator" => o.mode = Mode::Calculator,
                    "planner" => o.mode = Mode::Planner,
                    "both" => o.mode = Mode::Both,
                    _ => ignore(IgnoredReason::Mode, value),
                },
                "policy" => {
                    if !value.is_empty() && value.len() <= 64 && value.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_') {
                        o.policy = Some(value);
                    } else {
                        ignore(IgnoredReason::Policy, value);
                    }
                }
                "policy-url" => match parse_same_site_path(&value) {
                    Some(path) => o.policy_url = Some(path),
                    None => ignore(IgnoredReason::PolicyUrl, value),
                },
                "parent" => match parse_origin(&value) {
                    Some(origin) => o.parent = Some(origin),
                    None => ignore(IgnoredReason::Parent, value),
                },
                "lang" => match Locale::parse(&value) {
                    Some(l) => o.lang = Some(l),
                    None => ignore(IgnoredReason::Lang, value),
                },
                "large" => match value.as_str() {
                    "1" | "true" | "on" => o.large = Some(1),
                    "2" => o.large = Some(2),
                    "0" | "false" | "off" => o.large = Some(0),
                    _ => ignore(IgnoredReason::Large, value),
                },
                "contrast" => match value.as_str() {
                    "high" => o.high_contrast = Some(true),
                    "normal" => o.high_contrast = Some(false),
                    _ => ignore(IgnoredReason::Contrast, value),
                },
                "theme" => match parse_colour(&value) {
                    Some(rgb) if contrast_ratio(rgb, [255, 255, 255]) >= 4.5 => {
                        o.theme = Some(format!("#{:02x}{:02x}{:02x}", rgb[0], rgb[1], rgb[2]));
                    }
                    Some(rgb) => ignore(IgnoredReason::LowContrast(contrast_ratio(rgb, [255, 255, 255])), value),
                    None => ignore(IgnoredReason::Colour, value),
                },
                _ => {}
            }
        }
        o
    }
}

/// A path on the page's own site: absolute (`/a/b.toml`) or relative (`b.toml`, `./b`, `../b`),
/// never a URL with a scheme or host (`https:…`, `//host/…`, `data:…`), so it can only name a
/// file of the same origin. At most 512 characters, printable, no backslash.
///
/// ```
/// use zhucan::core::embed::parse_same_site_path;
/// assert_eq!(parse_same_site_path("/policies/mycity.toml").as_deref(), Some("/policies/mycity.toml"));
/// assert_eq!(parse_same_site_path("https://evil.example/p.toml"), None);
/// assert_eq!(parse_same_site_path("//evil.example/p.toml"), None);
/// ```
pub fn parse_same_site_path(s: &str) -> Option<String> {
    let s = s.trim();
    let first_special = s.find(['/', '?', '#']).unwrap_or(s.len());
    let ok = !s.is_empty()
        && s.len() <= 512
        && !s.starts_with("//")
        && !s[..first_special].contains(':')
        && !s.contains('\\')
        && s.chars().all(|c| !c.is_control() && !c.is_whitespace());
    ok.then(|| s.to_string())
}

/// An origin `scheme://host[:port]` (http or https, no user, path, query or fragment; a single
/// trailing `/` is allowed), lower-cased. Anything else is None: the height must never be posted
/// to a window that is not exactly the one the admin named.
pub fn parse_origin(s: &str) -> Option<String> {
    let s = s.trim();
    let lower = s.to_ascii_lowercase();
    let (scheme, rest) = lower.split_once("://")?;
    if scheme != "https" && scheme != "http" {
        return None;
    }
    let rest = rest.strip_suffix('/').unwrap_or(rest);
    let (host, port) = match rest.rsplit_once(':') {
        Some((h, p)) if !h.contains(']') || h.ends_with(']') => (h, Some(p)),
        _ => (rest, None),
    };
    let host_ok = !host.is_empty()
        && host.len() <= 253
        && host.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '[' | ']' | ':'))
        && !host.starts_with('.')
        && !host.ends_with('.');
    if !host_ok {
        return None;
    }
    match port {
        Some(p) => {
            let n: u16 = p.parse().ok().filter(|_| !p.is_empty() && p.len() <= 5 && p.chars().all(|c| c.is_ascii_digit()))?;
            (n > 0).then(|| format!("{scheme}://{host}:{n}"))
        }
        None => Some(format!("{scheme}://{host}")),
    }
}

/// A colour `rrggbb` or `#rrggbb`.
pub fn parse_colour(s: &str) -> Option<[u8; 3]> {
    let hex = s.trim().trim_start_matches('#');
    if hex.len() != 6 || !hex.chars().all(|c| c.is_ascii_hexdigit()) {
        return None;
    }
    let byte = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).ok();
    Some([byte(0)?, byte(2)?, byte(4)?])
}

/// WCAG 2 contrast ratio between two sRGB colours (1 to 21).
pub fn contrast_ratio(a: [u8; 3], b: [u8; 3]) -> f64 {
    fn luminance(c: [u8; 3]) -> f64 {
        let lin = |v: u8| {
            let s = f64::from(v) / 255.0;
            if s <= 0.04045 {
                s / 12.92
            } else {
                ((s + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * lin(c[0]) + 0.7152 * lin(c[1]) + 0.0722 * lin(c[2])
    }
    let (la, lb) = (luminance(a), luminance(b));
    let (hi, lo) = if la > lb { (la, lb) } else { (lb, la) };
    (hi + 0.05) / (lo + 0.05)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_full_snippet_query() {
        let o = EmbedOptions::from_query(
            "?mode=calculator&policy=shenzhen-2025&lang=en&parent=https%3A%2F%2Fwww.example.gov.cn&theme=%23a0001e",
        );
        assert_eq!(o.mode, Mode::Calculator);
        assert_eq!(o.policy.as_deref(), Some("shenzhen-2025"));
        assert_eq!(o.parent.as_deref(), Some("https://www.example.gov.cn"));
        assert_eq!(o.theme.as_deref(), Some("#a0001e"));
        assert_eq!(o.lang, Some(Locale::En));
        assert!(o.ignored.is_empty(), "{:?}", o.ignored);
    }

    #[test]
    fn display_options() {
        let o = EmbedOptions::from_query("large=2&contrast=high&lang=zh-CN");
        assert_eq!((o.large, o.high_contrast, o.lang), (Some(2), Some(true), Some(Locale::ZhCn)));
        let o = EmbedOptions::from_query("large=off&contrast=normal");
        assert_eq!((o.large, o.high_contrast), (Some(0), Some(false)));
        let o = EmbedOptions::from_query("large=9&contrast=max&lang=fr");
        assert_eq!((o.large, o.high_contrast, o.lang), (None, None, None));
        assert_eq!(o.ignored.len(), 3);
    }

    #[test]
    fn nothing_given_is_the_standalone_site() {
        assert_eq!(EmbedOptions::from_query(""), EmbedOptions::default());
        assert_eq!(EmbedOptions::from_query("?"), EmbedOptions::default());
    }

    #[test]
    fn origins_are_exact_or_refused() {
        assert_eq!(parse_origin("https://WWW.Example.gov.cn/").as_deref(), Some("https://www.example.gov.cn"));
        assert_eq!(parse_origin("http://127.0.0.1:8080").as_deref(), Some("http://127.0.0.1:8080"));
        for bad in [
            "*",
            "www.example.gov.cn",
            "https://www.example.gov.cn/page.html",
            "https://www.example.gov.cn?x=1",
            "https://user@www.example.gov.cn",
            "javascript://alert(1)",
            "https://",
            "https://example.gov.cn:0",
            "https://example.gov.cn:99999",
            "https://example.gov.cn:",
            "https://.example.gov.cn",
        ] {
            assert_eq!(parse_origin(bad), None, "{bad}");
        }
    }

    #[test]
    fn policy_urls_are_paths_on_the_same_site_only() {
        for ok in ["/policies/mycity.toml", "policies/x.toml", "./x.toml", "../p/x.toml", "x.toml?v=2", "/a/b:c.toml"] {
            assert_eq!(parse_same_site_path(ok).as_deref(), Some(ok), "{ok}");
        }
        for bad in [
            "",
            "https://evil.example/p.toml",
            "http:/x",
            "//evil.example/p.toml",
            "javascript:alert(1)",
            "data:text/plain,x",
            "/a b.toml",
            "\\\\evil\\p",
            "/x\u{0}",
        ] {
            assert_eq!(parse_same_site_path(bad), None, "{bad:?}");
        }
        let o = EmbedOptions::from_query("?policy-url=%2Fpolicies%2Fmycity.toml");
        assert_eq!(o.policy_url.as_deref(), Some("/policies/mycity.toml"));
        let o = EmbedOptions::from_query("?policy-url=https%3A%2F%2Fevil.example%2Fp.toml");
        assert_eq!(o.policy_url, None);
        assert_eq!(o.ignored.len(), 1, "{:?}", o.ignored);
    }

    #[test]
    fn bad_values_are_ignored_with_a_reason() {
        let o = EmbedOptions::from_query("mode=all&policy=<script>&parent=*&theme=ffff00");
        assert_eq!(o.mode, Mode::Both);
        assert_eq!((o.policy, o.parent, o.theme), (None, None, None));
        assert_eq!(o.ignored.len(), 4);
        // Yellow on white is 1.07:1: refused, and the message says why.
        assert!(o.ignored[3].message(Locale::En).contains("1.1:1"), "{}", o.ignored[3]);
    }

    #[test]
    fn the_reasons_are_said_in_either_language() {
        let o = EmbedOptions::from_query("mode=all&large=9&theme=ffff00&lang=fr");
        let chinese: Vec<String> = o.ignored.iter().map(|i| i.message(Locale::ZhCn)).collect();
        let english: Vec<String> = o.ignored.iter().map(|i| i.to_string()).collect();
        assert_eq!(
            chinese,
            [
                "mode=all：请用 calculator、planner 或 both",
                "large=9：请用 0、1 或 2",
                "theme=ffff00：这个颜色在白底上的对比度是 1.1:1，低于 4.5:1，仍用默认颜色",
                "lang=fr：请用 zh-CN 或 en",
            ]
        );
        assert_eq!(
            english,
            [
                "mode=all: use calculator, planner or both",
                "large=9: use 0, 1 or 2",
                "theme=ffff00: contrast 1.1:1 on white is below 4.5:1, the default is kept",
                "lang=fr: use zh-CN or en",
            ]
        );
    }

    #[test]
    fn contrast_matches_the_wcag_definition() {
        // Black on white is 21:1 by definition; white on white 1:1.
        assert!((contrast_ratio([0, 0, 0], [255, 255, 255]) - 21.0).abs() < 1e-9);
        assert!((contrast_ratio([255, 255, 255], [255, 255, 255]) - 1.0).abs() < 1e-9);
        // #777777 is the well-known just-below-AA grey: 4.48:1.
        let grey = contrast_ratio([0x77, 0x77, 0x77], [255, 255, 255]);
        assert!((grey - 4.48).abs() < 0.01, "{grey}");
    }

    #[test]
    fn percent_decoding() {
        assert_eq!(percent_decode_lossy("https%3A%2F%2Fa.cn"), "https://a.cn");
        assert_eq!(percent_decode_lossy("a+b%2"), "a b%2");
        assert_eq!(percent_decode_lossy("%E5%8A%A9%E9%A4%90"), "助餐");
        assert_eq!(percent_decode_lossy("%zz"), "%zz");
    }
}
