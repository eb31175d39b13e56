//! The embedding options in the page's query string (`?mode=…&parent=…&theme=…&policy-url=…`),
//! typed by web admins. Whatever is accepted is safe to use: the height goes only to an exact
//! origin, a theme colour keeps 4.5:1 on white, a policy URL names the same site.
#![no_main]

use libfuzzer_sys::fuzz_target;
use zhucan::core::embed::{contrast_ratio, parse_colour, parse_origin, parse_same_site_path, EmbedOptions};

fuzz_target!(|data: &[u8]| {
    let Ok(query) = std::str::from_utf8(data) else { return };
    let o = EmbedOptions::from_query(query);
    if let Some(parent) = &o.parent {
        assert_eq!(parse_origin(parent).as_ref(), Some(parent), "an accepted origin reads back as itself");
        let rest = parent.split_once("://").map(|(_, r)| r).unwrap_or("");
        assert!(!rest.contains(['/', '?', '#', '@']), "no path, query, fragment or user: {parent}");
    }
    if let Some(theme) = &o.theme {
        let rgb = parse_colour(theme).expect("an accepted theme parses");
        assert!(contrast_ratio(rgb, [255, 255, 255]) >= 4.5, "{theme}");
    }
    if let Some(url) = &o.policy_url {
        assert_eq!(parse_same_site_path(url).as_ref(), Some(url));
        assert!(!url.starts_with("//") && !url.split(['/', '?', '#']).next().unwrap_or("").contains(':'), "{url}");
    }
});
