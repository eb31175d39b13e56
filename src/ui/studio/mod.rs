//! The policy studio (政策编辑器): civil-affairs staff write, check and export their city's policy
//! file without writing TOML. Its own app (`zhucan-studio`), fetched when its tab first opens.
//! Thin: the draft, its checks, its cases and its TOML all come from `core::policy::draft`; these
//! components render the draft and dispatch edits ([`fields::Edit`]).
//!
//! Every change is checked at once by the file loader itself (`draft::check`): its messages stand
//! next to their fields and in a summary above the form that links to them; the policy's own
//! cases run on every change. The file leaves as a download, on the clipboard, or straight into
//! the calculator (through the calculator's own file field, as a resident's file would).

mod case_view;
mod condition_view;
mod fields;
mod policy_view;
mod preview;
pub mod text;
mod version_view;

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use yew::prelude::*;

use self::fields::{field_id, pairs, select_value, Ctx, Edit};
use self::text::{studio_texts, StudioTexts};
use crate::core::calendar::Calendar;
use crate::core::policy::draft::{check, draft_from_toml, write_toml, DraftCheck, PolicyDraft};
use crate::core::policy::presets::INDEX;
use crate::core::Locale;
use crate::ui::browser;
use crate::ui::hooks::use_page_locale;
use crate::ui::lazy_app::STUDIO_ROOT_ID;

#[wasm_bindgen]
extern "C" {
    /// `window.zhucanOpenInCalculator(name, text)` (static/js/boot.js): the file into the
    /// calculator's file field, then the calculator's tab. `Err` where boot.js did not run.
    #[wasm_bindgen(catch, js_namespace = window, js_name = zhucanOpenInCalculator)]
    fn open_in_calculator(name: &str, text: &str) -> Result<JsValue, JsValue>;
}

/// The draft being edited.
#[derive(Default, PartialEq)]
struct DraftState {
    draft: PolicyDraft,
}

/// What changes the draft.
enum StudioAction {
    /// An edit of one part.
    Edit(Edit),
    /// A new start: blank, a preset or a file.
    Replace(PolicyDraft),
}

impl Reducible for DraftState {
    type Action = StudioAction;

    fn reduce(self: Rc<Self>, action: StudioAction) -> Rc<Self> {
        let mut draft = self.draft.clone();
        match action {
            StudioAction::Edit(Edit(edit)) => edit(&mut draft),
            StudioAction::Replace(new) => draft = new,
        }
        Rc::new(DraftState { draft })
    }
}

/// What the last start, copy or export did (shown in a status line).
#[derive(Clone, Debug, PartialEq)]
enum Status {
    Started,
    Opened(String),
    Refused(String, Vec<String>),
    Fetching,
    FetchFailed,
    Downloaded(String),
    Copied,
    CopyFailed,
    OpenedInCalculator,
    CalculatorUnavailable,
}

fn status_text(t: &StudioTexts, s: &Status) -> Html {
    match s {
        Status::Started => html! { <p>{ t.started_blank }</p> },
        Status::Opened(name) => html! { <p>{ (t.opened)(name) }</p> },
        Status::Refused(name, problems) => html! {
            <>
                <p>{ (t.refused)(name, problems.len()) }</p>
                <ul>{ for problems.iter().map(|p| html! { <li>{ p.clone() }</li> }) }</ul>
            </>
        },
        Status::Fetching => html! { <p>{ t.fetching }</p> },
        Status::FetchFailed => html! { <p>{ t.fetch_failed }</p> },
        Status::Downloaded(name) => html! { <p>{ (t.downloaded)(name) }</p> },
        Status::Copied => html! { <p>{ t.copied }</p> },
        Status::CopyFailed => html! { <p>{ t.copy_failed }</p> },
        Status::OpenedInCalculator => html! { <p>{ t.opened_in_calculator }</p> },
        Status::CalculatorUnavailable => html! { <p>{ t.calculator_unavailable }</p> },
    }
}

/// A file name for the draft: its id, or a general name.
fn file_name(draft: &PolicyDraft) -> String {
    let id: String = draft.id.trim().chars().filter(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.')).collect();
    if id.is_empty() {
        "policy.toml".to_string()
    } else {
        format!("{id}.toml")
    }
}

/// Properties of [`Studio`].
#[derive(Properties, PartialEq)]
pub struct StudioProps {
    /// Interface language.
    pub locale: Locale,
}

/// The studio.
#[function_component]
pub fn Studio(props: &StudioProps) -> Html {
    let l = props.locale;
    let t = studio_texts(l);
    let state = use_reducer_eq(|| DraftState { draft: PolicyDraft::blank() });
    let checked: Rc<DraftCheck> = use_memo((state.draft.clone(), l), |(draft, l)| check(draft, *l, Calendar::builtin()));
    let status = use_state_eq(|| None::<Status>);
    let reader = use_mut_ref(|| None::<gloo::file::callbacks::FileReader>);
    // The element to focus after the next drawing (a moved item's button, a new item's first field).
    let pending_focus = use_mut_ref(|| None::<String>);
    let focus_tick = use_state(|| 0u32);
    {
        let pending_focus = pending_focus.clone();
        use_effect_with(*focus_tick, move |_| {
            if let Some(id) = pending_focus.borrow_mut().take() {
                browser::focus(&id);
            }
        });
    }
    let focus = {
        let pending_focus = pending_focus.clone();
        let focus_tick = focus_tick.clone();
        Callback::from(move |id: String| {
            *pending_focus.borrow_mut() = Some(id);
            focus_tick.set(*focus_tick + 1);
        })
    };
    let dispatch = {
        let state = state.clone();
        Callback::from(move |e: Edit| state.dispatch(StudioAction::Edit(e)))
    };

    // Starting: blank, a preset (fetched from beside the page), a file.
    let on_blank = {
        let (state, status, focus) = (state.clone(), status.clone(), focus.clone());
        Callback::from(move |_: MouseEvent| {
            state.dispatch(StudioAction::Replace(PolicyDraft::blank()));
            status.set(Some(Status::Started));
            focus.emit(field_id("policy.id"));
        })
    };
    let opened = {
        let (state, status) = (state.clone(), status.clone());
        Rc::new(move |name: String, bytes: Vec<u8>| {
            let text = String::from_utf8_lossy(&bytes).to_string();
            match draft_from_toml(text.strip_prefix('\u{feff}').unwrap_or(&text)) {
                Ok(draft) => {
                    state.dispatch(StudioAction::Replace(draft));
                    status.set(Some(Status::Opened(name)));
                }
                Err(errors) => status.set(Some(Status::Refused(name, errors.iter().map(|e| e.display(l)).collect()))),
            }
        })
    };
    let on_preset = {
        let (status, opened) = (status.clone(), opened.clone());
        Callback::from(move |_: MouseEvent| {
            let id = select_value("studio-preset");
            if id.is_empty() {
                return;
            }
            status.set(Some(Status::Fetching));
            let (status, opened) = (status.clone(), opened.clone());
            let name = format!("{id}.toml");
            browser::fetch_bytes(&name.clone(), move |bytes| match bytes {
                Some(bytes) => opened(name, bytes),
                None => status.set(Some(Status::FetchFailed)),
            });
        })
    };
    let on_file = {
        let (reader, opened) = (reader.clone(), opened.clone());
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            if let Some(file) = browser::first_file_of_input(&input) {
                let opened = opened.clone();
                let handle = browser::read_file(file, crate::core::policy::load::MAX_POLICY_BYTES, move |name, bytes| opened(name, bytes));
                *RefCell::borrow_mut(&reader) = Some(handle);
            }
            input.set_value("");
        })
    };

    // Export.
    let toml = write_toml(&state.draft, l);
    let name = file_name(&state.draft);
    let on_download = {
        let (toml, name, status) = (toml.clone(), name.clone(), status.clone());
        Callback::from(move |_: MouseEvent| {
            browser::download(&name, "text/plain;charset=utf-8", &toml);
            status.set(Some(Status::Downloaded(name.clone())));
        })
    };
    let on_copy = {
        let (toml, status) = (toml.clone(), status.clone());
        Callback::from(move |_: MouseEvent| {
            let status = status.clone();
            browser::copy_text(toml.clone(), move |ok| status.set(Some(if ok { Status::Copied } else { Status::CopyFailed })));
        })
    };
    let loads = checked.policy.is_some();
    let on_calculator = {
        let (toml, name, status) = (toml.clone(), name.clone(), status.clone());
        Callback::from(move |_: MouseEvent| {
            let ok = open_in_calculator(&name, &toml).ok().and_then(|v| v.as_bool()).unwrap_or(false);
            status.set(Some(if ok { Status::OpenedInCalculator } else { Status::CalculatorUnavailable }));
        })
    };

    // The form, drawn first: it records which fields have a control, for the summary's links.
    let mut problems = pairs(&checked.problems);
    for case in &checked.cases {
        for m in &case.mismatches {
            problems.push((m.field.clone(), (t.case_mismatch)(t.expect_key(m.key), &m.expected, &m.got)));
        }
    }
    let ctx = Ctx {
        l,
        t,
        draft: Rc::new(state.draft.clone()),
        problems: Rc::new(problems),
        shown: RefCell::new(Vec::new()),
        dispatch,
        focus: focus.clone(),
    };
    let form = html! {
        <>
            { policy_view::basics(&ctx) }
            { policy_view::sources(&ctx) }
            { policy_view::clauses(&ctx) }
            { version_view::versions(&ctx) }
            { policy_view::categories(&ctx) }
            { case_view::cases(&ctx, &checked.cases, loads) }
        </>
    };
    let shown = ctx.shown.borrow().clone();
    // Each problem links to its field, or to the nearest enclosing part that is on screen.
    let target = |field: &str| -> String {
        let mut path = field.to_string();
        loop {
            if shown.contains(&path) {
                return field_id(&path);
            }
            match path.rfind(['.', '[']) {
                Some(at) => path.truncate(at),
                None => return field_id(field),
            }
        }
    };
    let summary_items = checked.problems.iter().map(|p| {
        let id = target(&p.field);
        let onclick = {
            let id = id.clone();
            Callback::from(move |e: MouseEvent| {
                e.prevent_default();
                focus_field(&id);
            })
        };
        html! { <li><a href={format!("#{id}")} {onclick}>{ p.message.clone() }</a></li> }
    });
    let passed = checked.cases.iter().filter(|c| c.passed()).count();
    let case_lines = checked.cases.iter().map(|c| {
        let index = c.index;
        let id = format!("studio-case-{index}-result");
        let onclick = {
            let id = id.clone();
            Callback::from(move |e: MouseEvent| {
                e.prevent_default();
                browser::reveal(&id);
                browser::focus(&field_id(&format!("case[{index}].name")));
            })
        };
        let name = if c.name.trim().is_empty() { (t.case_n)(index + 1) } else { c.name.clone() };
        html! {
            <li class={if c.passed() { "passed" } else { "failed" }}>
                <a href={format!("#{id}")} {onclick}>{ (t.case_line)(&name, c.passed()) }</a>
            </li>
        }
    });
    let presets = INDEX.iter().map(|i| html! { <option value={i.id}>{ i.label(l) }</option> });
    let preview = preview::preview(l, t, checked.policy.as_ref());

    html! {
        <div class="studio">
            <section class="form-section studio-section" aria-labelledby="studio-start-heading">
                <h3 id="studio-start-heading">{ t.start_heading }</h3>
                <p class="field-hint">{ t.start_hint }</p>
                <div class="actions">
                    <button type="button" id="studio-blank" class="button secondary" onclick={on_blank}>{ t.start_blank }</button>
                </div>
                <div class="field studio-preset">
                    <label for="studio-preset">{ t.start_preset }</label>
                    <select id="studio-preset">
                        <option value="" selected=true disabled=true>{ t.choose }</option>
                        <>{ for presets }</>
                    </select>
                    <button type="button" id="studio-open-preset" class="button secondary" onclick={on_preset}>{ t.open_preset }</button>
                </div>
                <div class="field studio-file">
                    <label for="studio-file" class="button secondary file-button">{ t.open_file }</label>
                    <input type="file" id="studio-file" class="visually-hidden" accept=".toml,text/plain" onchange={on_file} />
                </div>
                <div class="studio-status" role="status">
                    { for status.as_ref().map(|s| status_text(t, s)) }
                </div>
            </section>
            <section class="form-section studio-section studio-check" aria-labelledby="studio-check-heading">
                <h3 id="studio-check-heading">{ t.check_heading }</h3>
                <div role="status" aria-live="polite" class="studio-check-line">
                    if loads {
                        <p class="ok">{ (t.check_ok)(passed, checked.cases.len()) }</p>
                    } else {
                        <p>{ (t.check_problems)(checked.problems.len()) }</p>
                    }
                </div>
                if !checked.problems.is_empty() {
                    <div class="error-summary" id="studio-problems">
                        <p class="error-summary-title">{ t.problems_title }</p>
                        <ul>{ for summary_items }</ul>
                    </div>
                }
                if !checked.cases.is_empty() {
                    <ul class="plain-list studio-case-lines">{ for case_lines }</ul>
                }
            </section>
            { form }
            <section class="form-section studio-section" aria-labelledby="studio-export-heading">
                <h3 id="studio-export-heading">{ t.export_heading }</h3>
                <p class="field-hint">{ if loads { t.export_hint } else { t.export_hint_problems } }</p>
                <div class="actions">
                    <button type="button" id="studio-download" class="button primary" onclick={on_download}>{ t.download }</button>
                    <button type="button" id="studio-copy" class="button secondary" onclick={on_copy}>{ t.copy }</button>
                    if loads {
                        <button type="button" id="studio-to-calculator" class="button secondary" onclick={on_calculator}>{ t.to_calculator }</button>
                    }
                </div>
                <details class="studio-toml">
                    <summary>{ t.show_toml }</summary>
                    <pre class="long-text" tabindex="0">{ toml.clone() }</pre>
                </details>
            </section>
            { preview }
        </div>
    }
}

/// Scrolls to the element `id` and focuses it, or its first control when it is a group (a
/// fieldset of two languages, a condition, a list item).
fn focus_field(id: &str) {
    use wasm_bindgen::JsCast;
    let Some(el) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id(id)) else { return };
    el.scroll_into_view();
    let control = if matches!(el.tag_name().as_str(), "INPUT" | "SELECT" | "TEXTAREA" | "BUTTON") {
        Some(el)
    } else {
        el.query_selector("input, select, textarea, button").ok().flatten()
    };
    if let Some(control) = control.and_then(|c| c.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = control.focus();
    }
}

/// The studio app: follows the page's language (`<html lang>` and the page app's settings event).
#[function_component]
pub fn StudioApp() -> Html {
    let locale = use_page_locale();
    html! { <Studio {locale} /> }
}

/// The element the studio app mounts into ([`STUDIO_ROOT_ID`]), if the page has it.
pub fn mount_point() -> Option<web_sys::Element> {
    web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id(STUDIO_ROOT_ID))
}
