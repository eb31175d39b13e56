//! Choosing a policy: the presets and loaded files, or a new file by picker or drag and drop.
//! A refused file lists its problems; nothing else changes.
//!
//! Nothing is chosen at first ("请选择您所在的城市"), so nobody is shown another city's figures.
//! "已收录的地方和可信度" lists every preset with the confidence of its weakest source
//! (`core::policy::presets::INDEX`), before any file is fetched; the chosen policy's own is under
//! "这份政策说了什么" (`super::Calculator`).
//! "我的城市不在列表里" explains what to do instead: ask the community or civil-affairs office, or
//! write the local document up as a policy file from the template (`static/policies/template.toml`,
//! offered as a download made on the device) and load it here.

use std::cell::RefCell;
use std::rc::Rc;

use yew::prelude::*;

use super::state::{FileProblem, FileStatus};
use super::text::calc_texts;
use crate::core::policy::presets::INDEX;
use crate::core::Locale;
use crate::ui::browser;

/// Properties of [`PolicyPicker`].
#[derive(Properties, PartialEq)]
pub struct PolicyPickerProps {
    /// The choices (id, label): presets whether fetched or not, then files loaded.
    pub options: Vec<(String, String)>,
    /// The selected policy's id (empty: none chosen yet).
    pub selected: String,
    /// The last file loaded or refused.
    pub file: Option<FileStatus>,
    /// Interface language.
    pub locale: Locale,
    /// Called with a policy id.
    pub on_select: Callback<String>,
    /// Called with a file's name and bytes.
    pub on_file: Callback<(String, Vec<u8>)>,
    /// Opens the policy studio, when the page has one.
    #[prop_or_default]
    pub on_open_studio: Option<Callback<()>>,
}

/// The policy selector and file loader.
#[function_component]
pub fn PolicyPicker(props: &PolicyPickerProps) -> Html {
    let l = props.locale;
    let t = calc_texts(l);
    // Keeps a file read in progress alive.
    let reader = use_mut_ref(|| None::<gloo::file::callbacks::FileReader>);
    let dragging = use_state(|| false);

    let start_read = {
        let reader = reader.clone();
        let on_file = props.on_file.clone();
        Rc::new(move |file: web_sys::File| {
            let on_file = on_file.clone();
            let handle =
                browser::read_file(file, crate::core::policy::load::MAX_POLICY_BYTES, move |name, bytes| on_file.emit((name, bytes)));
            *RefCell::borrow_mut(&reader) = Some(handle);
        })
    };
    let on_choose = {
        let start_read = start_read.clone();
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            if let Some(file) = browser::first_file_of_input(&input) {
                start_read(file);
            }
            input.set_value("");
        })
    };
    let on_dragover = {
        let dragging = dragging.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            dragging.set(true);
        })
    };
    let on_dragleave = {
        let dragging = dragging.clone();
        Callback::from(move |_: DragEvent| dragging.set(false))
    };
    let on_drop = {
        let dragging = dragging.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            dragging.set(false);
            if let Some(file) = browser::first_file_of_drop(&e) {
                start_read(file);
            }
        })
    };
    let onchange = props.on_select.reform(|e: Event| e.target_unchecked_into::<web_sys::HtmlSelectElement>().value());
    let options = props.options.iter().map(|(id, label)| {
        let selected = *id == props.selected;
        html! { <option value={id.clone()} {selected}>{ label.clone() }</option> }
    });
    let chosen = props.options.iter().find(|(id, _)| *id == props.selected).map(|(_, label)| label.clone());
    let none_chosen = chosen.is_none();
    let coverage = INDEX.iter().map(|i| {
        // "来源可信度：较低（…）", as under "这份政策说了什么": a bare "较低" reads as a verdict on the place.
        html! { <div><dt>{ i.label(l) }</dt><dd>{ (t.chosen_confidence)(&(t.confidence)(i.confidence)) }</dd></div> }
    });

    html! {
        <section class="form-section" aria-labelledby="policy-heading">
            <h3 id="policy-heading">{ t.policy_heading }</h3>
            <div class="field">
                <label for="calc-policy">{ t.policy_label }</label>
                <p class="field-hint" id="calc-policy-hint">{ t.policy_hint }</p>
                <select id="calc-policy" class="policy-select" {onchange} aria-describedby="calc-policy-hint">
                    <option value="" disabled=true selected={none_chosen}>{ t.policy_choose }</option>
                    <>{ for options }</>
                </select>
                // A closed list shows only what fits its width: on a phone in large text a place's
                // name ("湖北省襄阳市（…）") is cut. The whole name, for the eye (a screen reader
                // hears it from the list).
                if let Some(label) = chosen {
                    <p class="chosen-place" aria-hidden="true">{ label }</p>
                }
            </div>
            <details class="coverage">
                <summary>{ t.coverage }</summary>
                <p>{ t.coverage_intro }</p>
                <dl>{ for coverage }</dl>
            </details>
            <details class="not-listed">
                <summary>{ t.not_listed }</summary>
                <p>{ t.not_listed_intro }</p>
                <p>{ t.not_listed_ask }</p>
                if let Some(open) = props.on_open_studio.clone() {
                    <p>{ t.not_listed_studio }</p>
                    <p><button type="button" class="button secondary" onclick={open.reform(|_: MouseEvent| ())}>{ t.open_studio }</button></p>
                }
                <p>{ t.not_listed_file }</p>
                // A file beside the page (index.html copies it), not built into the calculator: it
                // would cost every resident 3 KB of the first load.
                <p><a id="calc-template" class="button secondary" href="template.toml" download="template.toml">{ t.template_download }</a></p>
                <div class={classes!("drop-zone", dragging.then_some("dragging"))}
                    ondragover={on_dragover} ondragleave={on_dragleave} ondrop={on_drop}>
                    <label for="calc-policy-file" class="button secondary file-button">{ t.load_file }</label>
                    <input type="file" id="calc-policy-file" class="visually-hidden" accept=".toml,text/plain" onchange={on_choose} />
                    <p class="field-hint">{ t.drop_hint }</p>
                </div>
            </details>
            { file_status(&props.file, l) }
        </section>
    }
}

fn file_status(file: &Option<FileStatus>, l: Locale) -> Html {
    let t = calc_texts(l);
    match file {
        None => Html::default(),
        Some(FileStatus::Loaded(name)) => html! {
            <p class="file-status ok" role="status">{ (t.file_loaded)(name) }</p>
        },
        Some(FileStatus::Refused(name, problem)) => {
            let (summary, items): (String, Vec<String>) = match problem {
                FileProblem::NotText => ((t.file_not_text)(name), Vec::new()),
                FileProblem::TooLarge => ((t.file_too_large)(name), Vec::new()),
                FileProblem::Unreachable => ((t.file_unreachable)(name), Vec::new()),
                FileProblem::Invalid(errors) => ((t.file_problems)(name, errors.len()), errors.iter().map(|e| e.display(l)).collect()),
            };
            html! {
                <div class="file-status error" role="alert">
                    <p>{ summary }</p>
                    if !items.is_empty() {
                        <ul>{ for items.into_iter().map(|i| html! { <li>{ i }</li> }) }</ul>
                    }
                    <p>{ t.file_kept_previous }</p>
                </div>
            }
        }
    }
}
