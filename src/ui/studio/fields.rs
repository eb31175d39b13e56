//! The studio's form controls. Each is labelled, shows the loader's problems for its field next
//! to it (`aria-describedby`, `aria-invalid`) and dispatches an edit of the draft through a
//! [`Lens`]: a way to reach one part of the draft.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::text::StudioTexts;
use crate::core::policy::draft::{Choice, DraftDated, DraftStep, DraftText, PolicyDraft, Problem};
use crate::core::Locale;

/// An edit of the draft.
pub struct Edit(pub Box<dyn FnOnce(&mut PolicyDraft)>);

/// Reaches one part of type `T` of a draft and runs the function on it (nothing when the part is
/// not there, such as an item removed meanwhile).
pub type Lens<T> = Rc<dyn Fn(&mut PolicyDraft, &mut dyn FnMut(&mut T))>;

/// The part `get` of what `lens` reaches.
pub fn sub<A: 'static, B: 'static>(lens: &Lens<A>, get: fn(&mut A) -> &mut B) -> Lens<B> {
    let lens = lens.clone();
    Rc::new(move |d, f| lens(d, &mut |a| f(get(a))))
}

/// Item `i` of the list `get` of what `lens` reaches.
pub fn item<A: 'static, B: 'static>(lens: &Lens<A>, get: fn(&mut A) -> &mut Vec<B>, i: usize) -> Lens<B> {
    let lens = lens.clone();
    Rc::new(move |d, f| {
        lens(d, &mut |a| {
            if let Some(b) = get(a).get_mut(i) {
                f(b)
            }
        })
    })
}

/// The value inside the option `get` of what `lens` reaches, when there is one.
pub fn some<A: 'static, B: 'static>(lens: &Lens<A>, get: fn(&mut A) -> &mut Option<B>) -> Lens<B> {
    let lens = lens.clone();
    Rc::new(move |d, f| {
        lens(d, &mut |a| {
            if let Some(b) = get(a).as_mut() {
                f(b)
            }
        })
    })
}

/// The whole draft.
pub fn root() -> Lens<PolicyDraft> {
    Rc::new(|d, f| f(d))
}

/// The element id of a field path (`version[0].component[1].id` → `sf-version-0-component-1-id`).
pub fn field_id(path: &str) -> String {
    let mut id = String::from("sf-");
    for c in path.chars() {
        match c {
            '[' | '.' => id.push('-'),
            ']' => {}
            c if c.is_ascii_alphanumeric() || c == '_' => id.push(c),
            _ => id.push('-'),
        }
    }
    id
}

/// What every control needs: the language, the words, the problems, the edit dispatcher.
pub struct Ctx {
    /// Interface language.
    pub l: Locale,
    /// The studio's words.
    pub t: &'static StudioTexts,
    /// The draft as it is.
    pub draft: Rc<PolicyDraft>,
    /// The loader's problems and the cases' differences, by field path.
    pub problems: Rc<Vec<(String, String)>>,
    /// The paths that have a control on screen (filled while drawing; the summary links to them).
    pub shown: RefCell<Vec<String>>,
    /// Sends an edit.
    pub dispatch: Callback<Edit>,
    /// Moves the focus to an element id after the next drawing.
    pub focus: Callback<String>,
}

impl Ctx {
    /// The messages for exactly `path`.
    pub fn messages(&self, path: &str) -> Vec<String> {
        self.problems.iter().filter(|(p, _)| p == path).map(|(_, m)| m.clone()).collect()
    }

    fn mark(&self, path: &str) {
        self.shown.borrow_mut().push(path.to_string());
    }

    /// The problems of `path` under a field, with the ids they have.
    fn errors(&self, path: &str, id: &str) -> (Html, Option<String>) {
        let messages = self.messages(path);
        if messages.is_empty() {
            return (Html::default(), None);
        }
        let error_id = format!("{id}-error");
        let html = html! {
            <p class="field-error" id={error_id.clone()}>{ messages.join(self.t.separator) }</p>
        };
        (html, Some(error_id))
    }

    /// A one-line text field.
    pub fn text(&self, path: &str, label: &str, hint: Option<&str>, value: &str, lens: Lens<String>) -> Html {
        self.input(path, label, hint, value, lens, "text", None)
    }

    /// A one-line field for a number (digits, a decimal point).
    pub fn number(&self, path: &str, label: &str, hint: Option<&str>, value: &str, lens: Lens<String>) -> Html {
        self.input(path, label, hint, value, lens, "text", Some("decimal"))
    }

    /// A one-line field for a date (`2024-01-01`).
    pub fn date(&self, path: &str, label: &str, value: &str, lens: Lens<String>) -> Html {
        self.input(path, label, Some(self.t.date_hint), value, lens, "text", Some("numeric"))
    }

    #[allow(clippy::too_many_arguments)]
    fn input(&self, path: &str, label: &str, hint: Option<&str>, value: &str, lens: Lens<String>, kind: &str, mode: Option<&str>) -> Html {
        self.mark(path);
        let id = field_id(path);
        let (errors, error_id) = self.errors(path, &id);
        let hint_id = hint.map(|_| format!("{id}-hint"));
        let described = [hint_id.clone(), error_id.clone()].into_iter().flatten().collect::<Vec<_>>().join(" ");
        let dispatch = self.dispatch.clone();
        let oninput = Callback::from(move |e: InputEvent| {
            let v = e.target_unchecked_into::<web_sys::HtmlInputElement>().value();
            let lens = lens.clone();
            dispatch.emit(Edit(Box::new(move |d| lens(d, &mut |s| *s = v.clone()))));
        });
        html! {
            <div class="field">
                <label for={id.clone()}>{ label.to_string() }</label>
                if let (Some(hint), Some(hint_id)) = (hint, hint_id) {
                    <p class="field-hint" id={hint_id}>{ hint.to_string() }</p>
                }
                { errors }
                <input type={kind.to_string()} id={id} value={value.to_string()} {oninput} inputmode={mode.map(str::to_string)}
                    aria-invalid={if error_id.is_some() { "true" } else { "false" }}
                    aria-describedby={(!described.is_empty()).then_some(described)} />
            </div>
        }
    }

    /// A text area (a clause's words).
    pub fn textarea(&self, path: &str, label: &str, hint: Option<&str>, value: &str, lens: Lens<String>) -> Html {
        self.mark(path);
        let id = field_id(path);
        let (errors, error_id) = self.errors(path, &id);
        let hint_id = hint.map(|_| format!("{id}-hint"));
        let described = [hint_id.clone(), error_id.clone()].into_iter().flatten().collect::<Vec<_>>().join(" ");
        let dispatch = self.dispatch.clone();
        let oninput = Callback::from(move |e: InputEvent| {
            // A text area's value (web-sys's HtmlTextAreaElement is not among the app's features).
            let v = e.target().and_then(|t| js_sys::Reflect::get(&t, &"value".into()).ok()).and_then(|v| v.as_string()).unwrap_or_default();
            let lens = lens.clone();
            dispatch.emit(Edit(Box::new(move |d| lens(d, &mut |s| *s = v.clone()))));
        });
        html! {
            <div class="field">
                <label for={id.clone()}>{ label.to_string() }</label>
                if let (Some(hint), Some(hint_id)) = (hint, hint_id) {
                    <p class="field-hint" id={hint_id}>{ hint.to_string() }</p>
                }
                { errors }
                <textarea id={id} rows="3" value={value.to_string()} {oninput}
                    aria-invalid={if error_id.is_some() { "true" } else { "false" }}
                    aria-describedby={(!described.is_empty()).then_some(described)} />
            </div>
        }
    }

    /// A menu. `blank`: the name of "nothing chosen" (its code is empty), if that is allowed.
    pub fn select(&self, path: &str, label: &str, choices: &[Choice], blank: Option<&str>, value: &str, lens: Lens<String>) -> Html {
        self.mark(path);
        let id = field_id(path);
        let (errors, error_id) = self.errors(path, &id);
        let dispatch = self.dispatch.clone();
        let onchange = Callback::from(move |e: Event| {
            let v = e.target_unchecked_into::<web_sys::HtmlSelectElement>().value();
            let lens = lens.clone();
            dispatch.emit(Edit(Box::new(move |d| lens(d, &mut |s| *s = v.clone()))));
        });
        let known = choices.iter().any(|c| c.code == value);
        let options = choices.iter().map(|c| {
            let selected = c.code == value;
            html! { <option value={c.code.clone()} {selected}>{ c.label.clone() }</option> }
        });
        html! {
            <div class="field">
                <label for={id.clone()}>{ label.to_string() }</label>
                { errors }
                <select id={id} {onchange} aria-invalid={if error_id.is_some() { "true" } else { "false" }} aria-describedby={error_id}>
                    if let Some(blank) = blank {
                        <option value="" selected={value.is_empty()}>{ blank.to_string() }</option>
                    } else if value.is_empty() && !known {
                        <option value="" selected=true disabled=true>{ self.t.choose }</option>
                    }
                    if !known && !value.is_empty() {
                        <option value={value.to_string()} selected=true>{ value.to_string() }</option>
                    }
                    <>{ for options }</>
                </select>
            </div>
        }
    }

    /// A clause menu: the draft's own clauses.
    pub fn clause(&self, path: &str, label: &str, value: &str, lens: Lens<String>) -> Html {
        let choices = crate::core::policy::draft::choices(crate::core::policy::draft::Menu::Clause, &self.draft, self.l);
        self.select(path, label, &choices, Some(self.t.no_clause), value, lens)
    }

    /// A check box.
    pub fn check(&self, path: &str, label: &str, checked: bool, lens: Lens<bool>) -> Html {
        self.mark(path);
        let id = field_id(path);
        let (errors, error_id) = self.errors(path, &id);
        let dispatch = self.dispatch.clone();
        let onchange = Callback::from(move |e: Event| {
            let v = e.target_unchecked_into::<web_sys::HtmlInputElement>().checked();
            let lens = lens.clone();
            dispatch.emit(Edit(Box::new(move |d| lens(d, &mut |s| *s = v))));
        });
        html! {
            <div class="field">
                { errors }
                <div class="check">
                    <input type="checkbox" id={id.clone()} {checked} {onchange} aria-describedby={error_id} />
                    <label for={id}>{ label.to_string() }</label>
                </div>
            </div>
        }
    }

    /// Several choices from a menu, as check boxes in a group.
    pub fn many(&self, path: &str, label: &str, choices: &[Choice], value: &[String], lens: Lens<Vec<String>>) -> Html {
        self.mark(path);
        let id = field_id(path);
        let (errors, error_id) = self.errors(path, &id);
        let boxes = choices.iter().enumerate().map(|(i, c)| {
            let checked = value.contains(&c.code);
            let code = c.code.clone();
            let order: Vec<String> = choices.iter().map(|c| c.code.clone()).collect();
            let lens = lens.clone();
            let dispatch = self.dispatch.clone();
            let onchange = Callback::from(move |e: Event| {
                let on = e.target_unchecked_into::<web_sys::HtmlInputElement>().checked();
                let (lens, code, order) = (lens.clone(), code.clone(), order.clone());
                dispatch.emit(Edit(Box::new(move |d| {
                    lens(d, &mut |list| {
                        list.retain(|x| *x != code);
                        if on {
                            list.push(code.clone());
                            list.sort_by_key(|x| order.iter().position(|o| o == x).unwrap_or(usize::MAX));
                        }
                    })
                })));
            });
            let box_id = format!("{id}-{i}");
            html! {
                <div class="check">
                    <input type="checkbox" id={box_id.clone()} {checked} {onchange} />
                    <label for={box_id}>{ c.label.clone() }</label>
                </div>
            }
        });
        html! {
            <fieldset class="field" id={id.clone()} aria-describedby={error_id}>
                <legend>{ label.to_string() }</legend>
                { errors }
                <>{ for boxes }</>
            </fieldset>
        }
    }

    /// Text in Chinese and English (the English may be left blank).
    pub fn bilingual(&self, path: &str, label: &str, value: &DraftText, lens: Lens<DraftText>) -> Html {
        self.mark(path);
        let id = field_id(path);
        let (errors, error_id) = self.errors(path, &id);
        let chinese = sub(&lens, |t| &mut t.zh);
        let english = sub(&lens, |t| &mut t.en);
        let t = self.t;
        html! {
            <fieldset class="field bilingual" id={id.clone()} aria-describedby={error_id.clone()}>
                <legend>{ label.to_string() }</legend>
                { errors }
                { self.plain(&format!("{id}-zh"), t.in_chinese, &value.zh, chinese, error_id.clone()) }
                { self.plain(&format!("{id}-en"), t.in_english, &value.en, english, None) }
            </fieldset>
        }
    }

    fn plain(&self, id: &str, label: &str, value: &str, lens: Lens<String>, error_id: Option<String>) -> Html {
        let dispatch = self.dispatch.clone();
        let oninput = Callback::from(move |e: InputEvent| {
            let v = e.target_unchecked_into::<web_sys::HtmlInputElement>().value();
            let lens = lens.clone();
            dispatch.emit(Edit(Box::new(move |d| lens(d, &mut |s| *s = v.clone()))));
        });
        html! {
            <div class="field">
                <label for={id.to_string()}>{ label.to_string() }</label>
                <input type="text" id={id.to_string()} value={value.to_string()} {oninput}
                    aria-invalid={if error_id.is_some() { "true" } else { "false" }} aria-describedby={error_id.clone()} />
            </div>
        }
    }

    /// A value that may change on given dates: one value, or dated steps.
    pub fn dated(&self, path: &str, label: &str, hint: Option<&str>, value: &DraftDated, lens: Lens<DraftDated>) -> Html {
        let t = self.t;
        if value.steps.len() <= 1 && value.steps.first().is_none_or(|s| s.from.trim().is_empty()) {
            let text = value.steps.first().map(|s| s.value.as_str()).unwrap_or("");
            let one: Lens<String> = {
                let lens = lens.clone();
                Rc::new(move |d, f| {
                    lens(d, &mut |dated| {
                        if dated.steps.is_empty() {
                            dated.steps.push(DraftStep::default());
                        }
                        if let Some(s) = dated.steps.first_mut() {
                            f(&mut s.value)
                        }
                    })
                })
            };
            let add = {
                let lens = lens.clone();
                let dispatch = self.dispatch.clone();
                let focus = self.focus.clone();
                let next = format!("{}-1-from", field_id(path));
                Callback::from(move |_: MouseEvent| {
                    let lens = lens.clone();
                    dispatch.emit(Edit(Box::new(move |d| {
                        lens(d, &mut |dated| {
                            if dated.steps.is_empty() {
                                dated.steps.push(DraftStep::default());
                            }
                            dated.steps.push(DraftStep::default());
                        })
                    })));
                    focus.emit(next.clone());
                })
            };
            return html! {
                <div class="dated">
                    { self.number(path, label, hint, text, one) }
                    <button type="button" class="link-button" onclick={add}
                        aria-label={(t.add_step_named)(label)}>{ t.add_step }</button>
                </div>
            };
        }
        self.mark(path);
        let id = field_id(path);
        let (errors, error_id) = self.errors(path, &id);
        let steps = value.steps.iter().enumerate().map(|(i, s)| {
            let step = item(&lens, |d: &mut DraftDated| &mut d.steps, i);
            let from = sub(&step, |s| &mut s.from);
            let val = sub(&step, |s| &mut s.value);
            let remove = {
                let lens = lens.clone();
                let dispatch = self.dispatch.clone();
                Callback::from(move |_: MouseEvent| {
                    let lens = lens.clone();
                    dispatch.emit(Edit(Box::new(move |d| {
                        lens(d, &mut |dated| {
                            if i < dated.steps.len() {
                                dated.steps.remove(i);
                            }
                        })
                    })));
                })
            };
            let n = i + 1;
            html! {
                <div class="dated-step">
                    { self.plain(&format!("{id}-{i}-from"), &(t.step_from)(n), &s.from, from, None) }
                    { self.plain(&format!("{id}-{i}-value"), &(t.step_value)(n), &s.value, val, error_id.clone()) }
                    <button type="button" class="button secondary small" onclick={remove}
                        aria-label={(t.remove_step_named)(n)}>{ t.remove }</button>
                </div>
            }
        });
        let add = {
            let lens = lens.clone();
            let dispatch = self.dispatch.clone();
            Callback::from(move |_: MouseEvent| {
                let lens = lens.clone();
                dispatch.emit(Edit(Box::new(move |d| lens(d, &mut |dated| dated.steps.push(DraftStep::default())))));
            })
        };
        html! {
            <fieldset class="field dated" id={id.clone()} aria-describedby={error_id.clone()}>
                <legend>{ label.to_string() }</legend>
                <p class="field-hint">{ t.steps_hint }</p>
                { errors }
                <>{ for steps }</>
                <button type="button" class="link-button" onclick={add} aria-label={(t.add_step_named)(label)}>{ t.add_step }</button>
            </fieldset>
        }
    }

    /// Move up, move down and remove for item `i` of `len` of a list; `name` names the item for
    /// the buttons' accessible names; `id` is the item's element id prefix.
    pub fn item_buttons<T: 'static>(&self, list: &Lens<Vec<T>>, i: usize, len: usize, name: &str, id: &str, after_remove: &str) -> Html {
        let t = self.t;
        let mover = |to: usize, which: &'static str| {
            let list = list.clone();
            let dispatch = self.dispatch.clone();
            let focus = self.focus.clone();
            let id = id.to_string();
            // The focus follows the moved item: its same button, or the other one at an end of the list.
            let which = match which {
                "up" if to == 0 => "down",
                "down" if to + 1 == len => "up",
                w => w,
            };
            let next = format!("{}-{which}", id_at(&id, to));
            Callback::from(move |_: MouseEvent| {
                let list = list.clone();
                dispatch.emit(Edit(Box::new(move |d| {
                    list(d, &mut |v| {
                        if i < v.len() && to < v.len() {
                            v.swap(i, to);
                        }
                    })
                })));
                focus.emit(next.clone());
            })
        };
        let remove = {
            let list = list.clone();
            let dispatch = self.dispatch.clone();
            let focus = self.focus.clone();
            let after = after_remove.to_string();
            Callback::from(move |_: MouseEvent| {
                let list = list.clone();
                dispatch.emit(Edit(Box::new(move |d| {
                    list(d, &mut |v| {
                        if i < v.len() {
                            v.remove(i);
                        }
                    })
                })));
                focus.emit(after.clone());
            })
        };
        html! {
            <div class="item-buttons">
                if i > 0 {
                    <button type="button" class="button secondary small" id={format!("{id}-up")} onclick={mover(i - 1, "up")}
                        aria-label={(t.move_up_named)(name)}>{ t.move_up }</button>
                }
                if i + 1 < len {
                    <button type="button" class="button secondary small" id={format!("{id}-down")} onclick={mover(i + 1, "down")}
                        aria-label={(t.move_down_named)(name)}>{ t.move_down }</button>
                }
                <button type="button" class="button secondary small" id={format!("{id}-remove")} onclick={remove}
                    aria-label={(t.remove_named)(name)}>{ t.remove }</button>
            </div>
        }
    }

    /// An "add" button for a list: pushes `new()` and moves the focus to `focus_id`.
    pub fn add_button<T: 'static>(&self, list: &Lens<Vec<T>>, label: &str, id: &str, focus_id: String, new: fn() -> T) -> Html {
        let list = list.clone();
        let dispatch = self.dispatch.clone();
        let focus = self.focus.clone();
        let onclick = Callback::from(move |_: MouseEvent| {
            let list = list.clone();
            dispatch.emit(Edit(Box::new(move |d| list(d, &mut |v| v.push(new())))));
            focus.emit(focus_id.clone());
        });
        html! { <button type="button" class="button secondary" id={id.to_string()} {onclick}>{ label.to_string() }</button> }
    }
}

/// The element id prefix of item `to` of a list whose item `i` has id prefix `id` (`…-3` → `…-2`).
fn id_at(id: &str, to: usize) -> String {
    match id.rfind('-') {
        Some(at) => format!("{}-{to}", &id[..at]),
        None => id.to_string(),
    }
}

/// The value of a `<select>` by id (the "add a condition" menus are read when their button is pressed).
pub fn select_value(id: &str) -> String {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlSelectElement>().ok())
        .map(|s| s.value())
        .unwrap_or_default()
}

/// Problems as `(field, message)` pairs.
pub fn pairs(problems: &[Problem]) -> Vec<(String, String)> {
    problems.iter().map(|p| (p.field.clone(), p.message.clone())).collect()
}
