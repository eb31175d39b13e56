//! The calculator's share-link fragment (`#v=1&p=…&a=…`), as pasted, cut or edited by hand. What
//! decodes is a form; the link the app makes from that form reads back to a form that makes the
//! very same link. (A hand-edited link can carry values the app's own links leave out — an age
//! beside a birth date — so the comparison is between links the app made.)
#![no_main]

use libfuzzer_sys::fuzz_target;
use zhucan::core::date::Date;
use zhucan::core::policy::form::{decode_fragment, encode_fragment};

fuzz_target!(|data: &[u8]| {
    let Ok(fragment) = std::str::from_utf8(data) else { return };
    let Some(today) = Date::new(2025, 3, 4) else { return };
    if let Some(form) = decode_fragment(fragment, &today) {
        let link = encode_fragment(&form);
        let back = decode_fragment(&link, &today);
        assert_eq!(back.as_ref().map(encode_fragment).as_deref(), Some(link.as_str()), "{fragment}");
    }
});
