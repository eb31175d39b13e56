//! When something panics: instead of a dead page, a panel saying what happened, that the user's
//! data is still on the device, and a report they can copy for the site's admin. Built with
//! plain DOM calls (text only, no HTML strings) because after a panic the Yew app cannot be
//! trusted to render; its two buttons are handled by `static/js/boot.js`, which does not depend
//! on the WebAssembly module either.

use crate::core::Locale;

struct Words {
    heading: &'static str,
    body: &'static str,
    reload: &'static str,
    report: &'static str,
    copy: &'static str,
}

const ZH_CN: Words = Words {
    heading: "出了点问题",
    body: "页面遇到了一个错误，暂时不能继续使用。您已经填写的内容和导入的数据仍然保存在本设备上，刷新页面后就能接着用。",
    reload: "刷新页面",
    report: "问题报告（可以复制后发给网站管理员）",
    copy: "复制报告",
};

const EN: Words = Words {
    heading: "Something went wrong",
    body: "The page hit an error and cannot carry on. What you entered and the data you loaded are still saved on this device: reload the page to continue.",
    reload: "Reload the page",
    report: "Problem report (copy it for the website's admin)",
    copy: "Copy the report",
};

/// The panel's words in a language.
fn words(locale: Locale) -> &'static Words {
    match locale {
        Locale::ZhCn => &ZH_CN,
        Locale::En => &EN,
    }
}

/// Installs the hook: console message (for developers) and the panel (for users).
pub fn install_panic_hook() {
    // Through Yew: its renderer replaces a hook set with `std::panic::set_hook` by its own.
    yew::set_custom_panic_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        show_panel(&info.to_string());
    }));
}

/// Triggers a panic on purpose, so the end-to-end tests can check the panel. Exported to
/// JavaScript as `zhucanTestPanic`; it does nothing but panic. Only in builds with the
/// `test-hooks` feature.
#[cfg(feature = "test-hooks")]
#[wasm_bindgen::prelude::wasm_bindgen(js_name = zhucanTestPanic)]
pub fn test_panic() {
    panic!("zhucan test panic (triggered on purpose by zhucanTestPanic)");
}

fn report(message: &str) -> String {
    let window = web_sys::window();
    let agent = window.as_ref().and_then(|w| w.navigator().user_agent().ok()).unwrap_or_default();
    let time = js_sys::Date::new_0().to_iso_string().as_string().unwrap_or_default();
    let place = window.as_ref().and_then(|w| w.location().pathname().ok()).unwrap_or_default();
    format!("zhucan {}\n{time}\n{place}\n{agent}\n\n{message}", env!("CARGO_PKG_VERSION"))
}

fn show_panel(message: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    if document.get_element_by_id("crash").is_some() {
        return;
    }
    let Some(body) = document.body() else { return };
    // The page's language (`<html lang>`, kept up to date by the app); Chinese if it says nothing readable.
    let locale = document.document_element().and_then(|e| e.get_attribute("lang")).and_then(|tag| Locale::parse(&tag)).unwrap_or_default();
    let w = words(locale);
    let el = |tag: &str, text: Option<&str>| -> Option<web_sys::Element> {
        let e = document.create_element(tag).ok()?;
        if let Some(t) = text {
            e.set_text_content(Some(t));
        }
        Some(e)
    };
    let build = || -> Option<web_sys::Element> {
        let panel = el("section", None)?;
        panel.set_id("crash");
        panel.set_class_name("crash-panel");
        panel.set_attribute("role", "alert").ok()?;
        panel.set_attribute("aria-labelledby", "crash-heading").ok()?;
        panel.set_attribute("tabindex", "-1").ok()?;
        let heading = el("h2", Some(w.heading))?;
        heading.set_id("crash-heading");
        panel.append_child(&heading).ok()?;
        let para = el("p", Some(w.body))?;
        panel.append_child(&para).ok()?;
        let reload = el("button", Some(w.reload))?;
        reload.set_attribute("type", "button").ok()?;
        reload.set_class_name("button primary");
        reload.set_attribute("data-zhucan-action", "reload").ok()?;
        panel.append_child(&reload).ok()?;
        let details = el("details", None)?;
        let summary = el("summary", Some(w.report))?;
        details.append_child(&summary).ok()?;
        let text = el("textarea", None)?;
        text.set_id("crash-report");
        text.set_attribute("readonly", "").ok()?;
        text.set_attribute("rows", "8").ok()?;
        text.set_attribute("aria-label", w.report).ok()?;
        text.set_text_content(Some(&report(message)));
        details.append_child(&text).ok()?;
        let copy = el("button", Some(w.copy))?;
        copy.set_attribute("type", "button").ok()?;
        copy.set_class_name("button secondary");
        copy.set_attribute("data-zhucan-action", "copy-report").ok()?;
        details.append_child(&copy).ok()?;
        panel.append_child(&details).ok()?;
        Some(panel)
    };
    if let Some(panel) = build() {
        let _ = body.insert_before(&panel, body.first_child().as_ref());
        if let Some(html) = wasm_bindgen::JsCast::dyn_ref::<web_sys::HtmlElement>(&panel) {
            let _ = html.focus();
        }
    }
}
