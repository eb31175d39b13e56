//! Small browser helpers that never panic: today's date, the URL fragment, reading a dropped or
//! chosen file, copying to the clipboard, printing.

use wasm_bindgen::JsCast;

use crate::core::date::Date;

/// Today's date in the browser's time zone. (Natively — the first screen rendered at build time,
/// `src/bin/prerender.rs` — there is no browser: [`Date::MIN`], never shown.)
#[cfg(not(target_arch = "wasm32"))]
pub fn today() -> Date {
    Date::MIN
}

/// Today's date in the browser's time zone.
#[cfg(target_arch = "wasm32")]
pub fn today() -> Date {
    let now = js_sys::Date::new_0();
    let (y, m, d) = (now.get_full_year(), now.get_month() + 1, now.get_date());
    i32::try_from(y)
        .ok()
        .zip(u8::try_from(m).ok())
        .zip(u8::try_from(d).ok())
        .and_then(|((y, m), d)| Date::new(y, m, d))
        .unwrap_or(Date::MIN)
}

/// The URL fragment, with its `#` (natively, at build time: none).
pub fn fragment() -> String {
    #[cfg(not(target_arch = "wasm32"))]
    return String::new();
    #[cfg(target_arch = "wasm32")]
    web_sys::window().and_then(|w| w.location().hash().ok()).unwrap_or_default()
}

/// The current address (for the share link).
pub fn current_url() -> String {
    web_sys::window().and_then(|w| w.location().href().ok()).unwrap_or_default()
}

/// Copies text to the clipboard; calls `done(true)` on success, `done(false)` otherwise.
pub fn copy_text(text: String, done: impl FnOnce(bool) + 'static) {
    let Some(clipboard) = web_sys::window().map(|w| w.navigator().clipboard()) else {
        done(false);
        return;
    };
    let promise = clipboard.write_text(&text);
    wasm_bindgen_futures::spawn_local(async move {
        let ok = wasm_bindgen_futures::JsFuture::from(promise).await.is_ok();
        done(ok);
    });
}

/// Opens the browser's print dialog.
pub fn print() {
    if let Some(w) = web_sys::window() {
        let _ = w.print();
    }
}

/// Reads a file's bytes, at most `limit + 1` of them (so a file over the limit is recognised as such
/// without loading a huge file into memory); calls `done(name, bytes)` when read. The returned
/// reader must be kept alive until then.
pub fn read_file(file: web_sys::File, limit: usize, done: impl FnOnce(String, Vec<u8>) + 'static) -> gloo::file::callbacks::FileReader {
    let name = file.name();
    let blob: gloo::file::Blob = if file.size() > limit as f64 {
        match file.slice_with_f64_and_f64(0.0, limit as f64 + 1.0) {
            Ok(part) => gloo::file::Blob::from(part),
            Err(_) => gloo::file::Blob::from(web_sys::Blob::from(file)),
        }
    } else {
        gloo::file::Blob::from(web_sys::Blob::from(file))
    };
    gloo::file::callbacks::read_as_bytes(&blob, move |result| {
        // An unreadable file reads as empty bytes, which the loader reports as not a policy.
        done(name, result.unwrap_or_default());
    })
}

/// The first file of a file input.
pub fn first_file_of_input(input: &web_sys::HtmlInputElement) -> Option<web_sys::File> {
    input.files().and_then(|files| files.get(0))
}

/// The first file of a drop.
pub fn first_file_of_drop(event: &web_sys::DragEvent) -> Option<web_sys::File> {
    event.data_transfer().and_then(|dt| dt.files()).and_then(|files| files.get(0))
}

/// Scrolls an element to the top of the window and focuses it (it needs `tabindex="-1"` unless it
/// is a control). Nothing if there is no such element.
pub fn reveal(id: &str) {
    if let Some(el) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id(id)) {
        el.scroll_into_view();
        if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
            let _ = el.focus();
        }
    }
}

/// Focuses an element by id (for "jump to field" links in error summaries).
pub fn focus(id: &str) {
    if let Some(el) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id(id)) {
        if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
            let _ = el.focus();
        }
    }
}

/// Only `http:` and `https:` addresses become links; anything else (`javascript:` in a hostile
/// policy file) is shown as text.
pub fn safe_link(url: &str) -> Option<&str> {
    let lower = url.trim().to_ascii_lowercase();
    (lower.starts_with("https://") || lower.starts_with("http://")).then_some(url.trim())
}

/// Offers `content` as a file download (a blob URL clicked through a temporary link; nothing is
/// sent anywhere).
pub fn download(name: &str, mime: &str, content: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(content));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else { return };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else { return };
    if let Ok(a) = document.create_element("a") {
        let _ = a.set_attribute("href", &url);
        let _ = a.set_attribute("download", name);
        if let Ok(a) = a.dyn_into::<web_sys::HtmlElement>() {
            a.click();
        }
    }
    let _ = web_sys::Url::revoke_object_url(&url);
}

/// Fetches a same-site file (a path; the page's CSP allows no other origin anyway) and calls
/// `done(Some(bytes))`, or `done(None)` if it cannot be fetched or the server says no.
pub fn fetch_bytes(path: &str, done: impl FnOnce(Option<Vec<u8>>) + 'static) {
    let Some(window) = web_sys::window() else {
        done(None);
        return;
    };
    let request = window.fetch_with_str(path);
    wasm_bindgen_futures::spawn_local(async move {
        let bytes = async {
            let response: web_sys::Response = wasm_bindgen_futures::JsFuture::from(request).await.ok()?.dyn_into().ok()?;
            if !response.ok() {
                return None;
            }
            response_bytes(&response).await
        }
        .await;
        done(bytes);
    });
}

/// A response's body as bytes (a fetched file, or one kept in the Cache API).
pub async fn response_bytes(response: &web_sys::Response) -> Option<Vec<u8>> {
    let buffer = wasm_bindgen_futures::JsFuture::from(response.array_buffer().ok()?).await.ok()?;
    Some(js_sys::Uint8Array::new(&buffer).to_vec())
}
