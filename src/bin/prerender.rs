//! Writes the calculator's first screen as HTML for `index.html` (issue 17: a slow phone shows the
//! real form, not "正在加载…", long before the WebAssembly has arrived).
//!
//! Run natively at build time by a Trunk pre-build hook (`Trunk.toml`); Trunk then puts the file
//! into the page (`<link data-trunk rel="inline">` in `index.html`). The HTML comes from the app's
//! own components ([`zhucan::ui::FirstScreen`]: header, tabs, the calculator with nothing chosen)
//! through Yew's server-side renderer, so its words are the language tables' and its layout the
//! app's. One copy per language; `static/js/boot.js` shows the one the app will start in and hands
//! what the resident typed over to the app when it runs. Changes made here to Yew's output:
//!
//! - every id (and every reference to one: `for`, `aria-*`, `href="#…"`) is prefixed with
//!   `prerender-<lang>-`, so the two copies and the app never share an id;
//! - the tab row takes the focus itself (`tabindex="0"`: it may scroll sideways on a phone, and its
//!   tabs, being buttons, are disabled);
//! - buttons and the file input are disabled: they need the app (the form's fields, choices and
//!   folds work without it);
//! - the meal date is left empty: it is today's date in the app, which the build cannot know (its
//!   hint says an empty date means today).
//!
//! Usage: `zhucan-prerender OUT.html`. Fails (exit 1) if the result would break the page's
//! Content-Security-Policy (an inline script, style or event handler) or an id reference.

use std::collections::BTreeSet;
use std::future::Future;
use std::process::ExitCode;
use std::sync::Arc;
use std::task::{Context, Poll, Wake, Waker};

use zhucan::core::Locale;
use zhucan::ui::{FirstScreen, FirstScreenProps};

/// Attributes whose value is an id, or a space-separated list of ids.
const ID_REFERENCES: [&str; 4] = ["for", "aria-describedby", "aria-labelledby", "aria-controls"];

/// The prefix of every id in the copy in `locale` (`static/js/boot.js` strips it).
fn prefix(locale: Locale) -> String {
    format!("prerender-{}-", locale.tag())
}

/// A start tag: its name, its attributes (values as written, still escaped), and whether it ended
/// with `/>`.
struct Tag {
    name: String,
    attrs: Vec<(String, Option<String>)>,
    self_closing: bool,
}

impl Tag {
    fn get(&self, name: &str) -> Option<&str> {
        self.attrs.iter().find(|(n, _)| n == name).and_then(|(_, v)| v.as_deref())
    }

    fn write(&self, out: &mut String) {
        out.push('<');
        out.push_str(&self.name);
        for (name, value) in &self.attrs {
            out.push(' ');
            out.push_str(name);
            if let Some(v) = value {
                out.push_str("=\"");
                out.push_str(v);
                out.push('"');
            }
        }
        out.push_str(if self.self_closing { " />" } else { ">" });
    }
}

/// Reads a start tag at the start of `s` (just after its `<`); returns it and the bytes it took,
/// including the closing `>`. `None` if `s` does not start with a well-formed start tag.
fn read_tag(s: &str) -> Option<(Tag, usize)> {
    let b = s.as_bytes();
    let name_end = b.iter().position(|c| !(c.is_ascii_alphanumeric() || *c == b'-'))?;
    if name_end == 0 {
        return None;
    }
    let mut tag = Tag { name: s[..name_end].to_string(), attrs: Vec::new(), self_closing: false };
    let mut i = name_end;
    loop {
        while b.get(i)?.is_ascii_whitespace() {
            i += 1;
        }
        match b.get(i)? {
            b'>' => return Some((tag, i + 1)),
            b'/' if b.get(i + 1) == Some(&b'>') => {
                tag.self_closing = true;
                return Some((tag, i + 2));
            }
            _ => {}
        }
        let start = i;
        while !matches!(b.get(i)?, b'=' | b'>' | b'/') && !b[i].is_ascii_whitespace() {
            i += 1;
        }
        let name = s[start..i].to_string();
        if name.is_empty() {
            return None;
        }
        if b[i] == b'=' {
            if b.get(i + 1) != Some(&b'"') {
                return None;
            }
            let value_start = i + 2;
            let len = s[value_start..].find('"')?;
            tag.attrs.push((name, Some(s[value_start..value_start + len].to_string())));
            i = value_start + len + 1;
        } else {
            tag.attrs.push((name, None));
        }
    }
}

/// Copies `html`, letting `f` change every start tag. Text, end tags and comments are copied as
/// they are.
fn rewrite_tags(html: &str, mut f: impl FnMut(&mut Tag)) -> Result<String, String> {
    let mut out = String::with_capacity(html.len() + html.len() / 8);
    let mut rest = html;
    while let Some(at) = rest.find('<') {
        out.push_str(&rest[..at]);
        let after = &rest[at + 1..];
        if after.starts_with(|c: char| c.is_ascii_alphabetic()) {
            let (mut tag, len) =
                read_tag(after).ok_or_else(|| format!("unreadable tag at: {}", after.chars().take(60).collect::<String>()))?;
            f(&mut tag);
            tag.write(&mut out);
            rest = &after[len..];
        } else {
            out.push('<');
            rest = after;
        }
    }
    out.push_str(rest);
    Ok(out)
}

/// The changes listed in the module's documentation, for the copy in `locale`.
fn finish(html: &str, locale: Locale) -> Result<String, String> {
    let p = prefix(locale);
    let with_prefix = |ids: &str| ids.split_whitespace().map(|id| format!("{p}{id}")).collect::<Vec<_>>().join(" ");
    let mut dated = false;
    let out = rewrite_tags(html, |tag| {
        let is_file = tag.name == "input" && tag.get("type") == Some("file");
        if tag.name == "button" || is_file {
            tag.attrs.retain(|(n, _)| n != "disabled");
            tag.attrs.push(("disabled".into(), None));
        }
        // The tabs are disabled buttons here, so the tab row (which scrolls sideways on a phone
        // when the tabs do not fit) takes the keyboard focus itself, to be scrolled.
        if tag.get("role") == Some("tablist") {
            tag.attrs.retain(|(n, _)| n != "tabindex");
            tag.attrs.push(("tabindex".into(), Some("0".into())));
        }
        if tag.name == "input" && tag.get("id") == Some("calc-date") {
            tag.attrs.retain(|(n, _)| n != "value");
            dated = true;
        }
        for (name, value) in &mut tag.attrs {
            let Some(v) = value else { continue };
            if name == "id" || ID_REFERENCES.contains(&name.as_str()) {
                *v = with_prefix(v);
            } else if name == "href" && v.starts_with('#') && v.len() > 1 {
                *v = format!("#{p}{}", &v[1..]);
            }
        }
    })?;
    if !dated {
        return Err("no meal date field (id calc-date) in the first screen".into());
    }
    check(&out)?;
    Ok(out)
}

/// What would break the page: an inline script, style or event handler (the page's CSP refuses
/// them), an id used twice, or a reference to an id that is not there.
fn check(html: &str) -> Result<(), String> {
    let mut ids = BTreeSet::new();
    let mut refs = Vec::new();
    let mut problems = Vec::new();
    rewrite_tags(html, |tag| {
        if matches!(tag.name.as_str(), "script" | "style") {
            problems.push(format!("a <{}> element", tag.name));
        }
        for (name, value) in &tag.attrs {
            if name == "style" || name.starts_with("on") {
                problems.push(format!("a {name} attribute on <{}>", tag.name));
            }
            let Some(v) = value else { continue };
            if name == "id" && !ids.insert(v.clone()) {
                problems.push(format!("id {v} used twice"));
            }
            if ID_REFERENCES.contains(&name.as_str()) {
                refs.extend(v.split_whitespace().map(|id| (name.clone(), id.to_string())));
            } else if name == "href" && v.len() > 1 && v.starts_with('#') {
                refs.push((name.clone(), v[1..].to_string()));
            }
        }
    })?;
    problems.extend(refs.into_iter().filter(|(_, id)| !ids.contains(id)).map(|(name, id)| format!("{name} names a missing id {id}")));
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems.join("; "))
    }
}

/// Runs a future to completion on this thread (Yew's renderer needs no runtime for this page: no
/// component suspends).
fn block_on<F: Future>(future: F) -> F::Output {
    struct Unpark(std::thread::Thread);
    impl Wake for Unpark {
        fn wake(self: Arc<Self>) {
            self.0.unpark();
        }
    }
    let waker = Waker::from(Arc::new(Unpark(std::thread::current())));
    let mut cx = Context::from_waker(&waker);
    let mut future = std::pin::pin!(future);
    loop {
        if let Poll::Ready(v) = future.as_mut().poll(&mut cx) {
            return v;
        }
        std::thread::park();
    }
}

fn render(locale: Locale) -> Result<String, String> {
    let raw = block_on(yew::LocalServerRenderer::<FirstScreen>::with_props(FirstScreenProps { locale }).hydratable(false).render());
    finish(&raw, locale)
}

fn main() -> ExitCode {
    let Some(out) = std::env::args_os().nth(1) else {
        eprintln!("usage: zhucan-prerender OUT.html");
        return ExitCode::from(2);
    };
    let mut page = String::from(
        "<!-- The calculator's first screen in each language, written at build time by src/bin/prerender.rs \
         from the app's own components; static/js/boot.js shows one until the app takes its place. -->\n",
    );
    for locale in Locale::ALL {
        match render(locale) {
            Ok(html) => {
                page.push_str(&html);
                page.push('\n');
            }
            Err(why) => {
                eprintln!("zhucan-prerender: the first screen in {}: {why}", locale.tag());
                return ExitCode::FAILURE;
            }
        }
    }
    let out = std::path::PathBuf::from(out);
    if let Some(dir) = out.parent().filter(|d| !d.as_os_str().is_empty()) {
        if let Err(e) = std::fs::create_dir_all(dir) {
            eprintln!("zhucan-prerender: {}: {e}", dir.display());
            return ExitCode::FAILURE;
        }
    }
    match std::fs::write(&out, page) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("zhucan-prerender: {}: {e}", out.display());
            ExitCode::FAILURE
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefixes_ids_and_references_and_disables_buttons() {
        let html = r##"<a class="skip-link" href="#main">跳</a><div role="tablist"></div><main id="main"><label for="calc-date">日期</label><p id="h">x</p><input type="text" id="calc-date" value="2025-01-01" aria-describedby="h"><button type="button">甲</button><input type="file" id="f"></main>"##;
        let out = finish(html, Locale::En).expect("well-formed");
        assert_eq!(
            out,
            r##"<a class="skip-link" href="#prerender-en-main">跳</a><div role="tablist" tabindex="0"></div><main id="prerender-en-main"><label for="prerender-en-calc-date">日期</label><p id="prerender-en-h">x</p><input type="text" id="prerender-en-calc-date" aria-describedby="prerender-en-h"><button type="button" disabled>甲</button><input type="file" id="prerender-en-f" disabled></main>"##
        );
    }

    #[test]
    fn refuses_what_would_break_the_page() {
        let bad = r#"<input type="text" id="calc-date"><p style="" id="a">x</p><label for="nowhere">y</label><p id="a"></p>"#;
        let why = finish(bad, Locale::ZhCn).expect_err("three problems");
        assert!(why.contains("a style attribute on <p>"), "{why}");
        assert!(why.contains("id prerender-zh-CN-a used twice"), "{why}");
        assert!(why.contains("for names a missing id prerender-zh-CN-nowhere"), "{why}");
        assert!(finish("<p>no date</p>", Locale::ZhCn).is_err());
    }

    /// The ids `#…` selectors name in a style sheet, outside comments and outside `@media print`
    /// blocks (the first screen is never printed: the app has replaced it by then).
    fn screen_id_selectors(css: &str) -> Vec<String> {
        let mut text = String::new();
        let mut rest = css;
        while let Some(start) = rest.find("/*") {
            text.push_str(&rest[..start]);
            rest = rest[start..].find("*/").map_or("", |end| &rest[start + end + 2..]);
        }
        text.push_str(rest);
        let mut ids = Vec::new();
        let (mut depth, mut print_depth) = (0usize, None);
        let mut selector = String::new();
        for c in text.chars() {
            match c {
                '{' => {
                    if selector.trim_start().starts_with("@media print") {
                        print_depth.get_or_insert(depth);
                    } else if print_depth.is_none() && !selector.trim_start().starts_with('@') {
                        for part in selector.split('#').skip(1) {
                            let id: String = part.chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_').collect();
                            // Colours are inside declarations, never in a selector; an id starts with a letter.
                            if id.starts_with(|c: char| c.is_ascii_alphabetic()) {
                                ids.push(id);
                            }
                        }
                    }
                    depth += 1;
                    selector.clear();
                }
                '}' => {
                    depth = depth.saturating_sub(1);
                    if print_depth == Some(depth) {
                        print_depth = None;
                    }
                    selector.clear();
                }
                ';' => selector.clear(),
                _ => selector.push(c),
            }
        }
        ids
    }

    #[test]
    fn finds_id_selectors_outside_comments_and_print() {
        let css =
            "/* #not-this */ a, #one:focus { color: #ffffff; } @media print { #two { x: y; } } @media (max-width: 1px) { p > #three { } }";
        assert_eq!(screen_id_selectors(css), ["one", "three"]);
    }

    /// The first screen's ids are prefixed, so a style rule that selects an element by id would
    /// style the app but not its pre-rendered copy, and the screen would move at the hand-over (as
    /// `#calc-policy`'s width once did). Elements the first screen shows are styled by class.
    #[test]
    fn no_screen_style_selects_an_element_of_the_first_screen_by_id() {
        let css = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/static/css/app.css")).expect("app.css");
        let selected = screen_id_selectors(&css);
        assert!(selected.contains(&"boot".to_string()), "the scan finds the id rules: {selected:?}");
        for locale in Locale::ALL {
            let html = render(locale).expect("the first screen renders");
            for id in &selected {
                let attr = format!(r#"id="{}{id}""#, prefix(locale));
                assert!(!html.contains(&attr), "app.css styles #{id}, which the first screen ({}) has: use a class", locale.tag());
            }
        }
    }
}
