//! A condition built from menus: "who" for eligibility, a tier, a delivery subsidy, free delivery.
//! Each test is one control (a number, a menu, check boxes, yes/no) with a remove button; groups
//! ("all of", "any of", "not") hold tests; "add a condition" is a menu and a button.

use std::rc::Rc;

use yew::prelude::*;

use super::fields::{field_id, select_value, Ctx, Edit, Lens};
use crate::core::policy::draft::{choices, DraftCondition, TestInput, TestKind};

/// The editor of an optional condition at `path` (`version[0].eligibility`, `….tier[1].when`).
/// `none_means`: what no condition means here ("everyone").
pub fn condition(
    ctx: &Ctx,
    path: &str,
    label: &str,
    none_means: &str,
    value: &Option<DraftCondition>,
    lens: Lens<Option<DraftCondition>>,
) -> Html {
    let t = ctx.t;
    let id = field_id(path);
    let messages = ctx.messages(path);
    let error_id = format!("{id}-error");
    let body = match value {
        None => html! { <p class="field-hint">{ none_means.to_string() }</p> },
        Some(c) => {
            let node: Lens<DraftCondition> = {
                let lens = lens.clone();
                Rc::new(move |d, f| {
                    lens(d, &mut |o| {
                        if let Some(c) = o.as_mut() {
                            f(c)
                        }
                    })
                })
            };
            let remove = {
                let lens = lens.clone();
                Rc::new(move |d: &mut crate::core::policy::draft::PolicyDraft| lens(d, &mut |o| *o = None)) as Rc<dyn Fn(&mut _)>
            };
            node_view(ctx, path, c, node, remove, 0)
        }
    };
    // Adding at the top: none → the test; one test → all of the two; a group of all → one more in it.
    let add = {
        let lens = lens.clone();
        let select = format!("{id}-add-kind");
        let dispatch = ctx.dispatch.clone();
        let focus = ctx.focus.clone();
        let path = path.to_string();
        let current = value.clone();
        Callback::from(move |_: MouseEvent| {
            let Some(kind) = kind_of(&select_value(&select)) else { return };
            let lens = lens.clone();
            let next = match &current {
                None => focus_path(&path, kind),
                Some(DraftCondition::All(v)) => focus_path(&format!("{path}.all[{}]", v.len()), kind),
                Some(_) => focus_path(&format!("{path}.all[1]"), kind),
            };
            dispatch.emit(Edit(Box::new(move |d| {
                lens(d, &mut |o| {
                    let new = DraftCondition::new(kind);
                    *o = Some(match o.take() {
                        None => new,
                        Some(DraftCondition::All(mut v)) => {
                            v.push(new);
                            DraftCondition::All(v)
                        }
                        Some(other) => DraftCondition::All(vec![other, new]),
                    });
                })
            })));
            focus.emit(next);
        })
    };
    html! {
        <fieldset class="field condition" id={id.clone()} aria-describedby={(!messages.is_empty()).then(|| error_id.clone())}>
            <legend>{ label.to_string() }</legend>
            if !messages.is_empty() {
                <p class="field-error" id={error_id}>{ messages.join(t.separator) }</p>
            }
            { body }
            { add_row(ctx, &id, add) }
        </fieldset>
    }
}

/// The path of the control a new test of `kind` at node `path` gets (for the focus).
fn focus_path(path: &str, kind: TestKind) -> String {
    match kind.input() {
        TestInput::Group => format!("{}-add-kind", field_id(path)),
        TestInput::Many(_) => format!("{}-0", field_id(&format!("{path}.{}", kind.key()))),
        _ => field_id(&format!("{path}.{}", kind.key())),
    }
}

fn kind_of(key: &str) -> Option<TestKind> {
    TestKind::ALL.iter().copied().find(|k| k.key() == key)
}

fn add_row(ctx: &Ctx, id: &str, add: Callback<MouseEvent>) -> Html {
    let t = ctx.t;
    let select = format!("{id}-add-kind");
    let options = TestKind::ALL.iter().map(|k| html! { <option value={k.key()}>{ k.name(ctx.l) }</option> });
    html! {
        <div class="add-condition">
            <label for={select.clone()}>{ t.add_condition_kind }</label>
            <select id={select.clone()}>{ for options }</select>
            <button type="button" class="button secondary small" id={format!("{id}-add")} onclick={add}>{ t.add_condition }</button>
        </div>
    }
}

type Remove = Rc<dyn Fn(&mut crate::core::policy::draft::PolicyDraft)>;

fn node_view(ctx: &Ctx, path: &str, c: &DraftCondition, lens: Lens<DraftCondition>, remove: Remove, depth: usize) -> Html {
    let t = ctx.t;
    let kind = c.kind();
    let remove_button = {
        let dispatch = ctx.dispatch.clone();
        let onclick = Callback::from(move |_: MouseEvent| {
            let remove = remove.clone();
            dispatch.emit(Edit(Box::new(move |d| remove(d))));
        });
        let name = kind.name(ctx.l);
        html! {
            <button type="button" class="button secondary small" id={format!("{}-remove", field_id(path))} {onclick}
                aria-label={(t.remove_condition_named)(name)}>{ t.remove }</button>
        }
    };
    let leaf_path = format!("{path}.{}", kind.key());
    match c {
        DraftCondition::All(items) | DraftCondition::Any(items) => {
            let key = kind.key();
            let children = items.iter().enumerate().map(|(i, child)| {
                let child_lens: Lens<DraftCondition> = {
                    let lens = lens.clone();
                    Rc::new(move |d, f| {
                        lens(d, &mut |c| {
                            if let DraftCondition::All(v) | DraftCondition::Any(v) = c {
                                if let Some(x) = v.get_mut(i) {
                                    f(x)
                                }
                            }
                        })
                    })
                };
                let child_remove: Remove = {
                    let lens = lens.clone();
                    Rc::new(move |d| {
                        lens(d, &mut |c| {
                            if let DraftCondition::All(v) | DraftCondition::Any(v) = c {
                                if i < v.len() {
                                    v.remove(i);
                                }
                            }
                        })
                    })
                };
                html! { <li>{ node_view(ctx, &format!("{path}.{key}[{i}]"), child, child_lens, child_remove, depth + 1) }</li> }
            });
            let add = {
                let lens = lens.clone();
                let id = field_id(path);
                let select = format!("{id}-add-kind");
                let dispatch = ctx.dispatch.clone();
                let focus = ctx.focus.clone();
                let at = format!("{path}.{key}[{}]", items.len());
                Callback::from(move |_: MouseEvent| {
                    let Some(kind) = kind_of(&select_value(&select)) else { return };
                    let lens = lens.clone();
                    dispatch.emit(Edit(Box::new(move |d| {
                        lens(d, &mut |c| {
                            if let DraftCondition::All(v) | DraftCondition::Any(v) = c {
                                v.push(DraftCondition::new(kind));
                            }
                        })
                    })));
                    focus.emit(focus_path(&at, kind));
                })
            };
            // The top "all of" reads as the list of tests itself; nested groups are named.
            html! {
                <div class={classes!("condition-group", (depth > 0).then_some("nested"))}>
                    if depth > 0 {
                        <p class="condition-kind">{ kind.name(ctx.l) }</p>
                    }
                    <ul class="plain-list condition-items"><>{ for children }</></ul>
                    if depth > 0 {
                        { add_row(ctx, &field_id(path), add) }
                        { remove_button }
                    }
                </div>
            }
        }
        DraftCondition::Not(inner) => {
            let inner_lens: Lens<DraftCondition> = {
                let lens = lens.clone();
                Rc::new(move |d, f| {
                    lens(d, &mut |c| {
                        if let DraftCondition::Not(b) = c {
                            f(b)
                        }
                    })
                })
            };
            let noop: Remove = Rc::new(|_| {});
            html! {
                <div class="condition-group nested">
                    <p class="condition-kind">{ kind.name(ctx.l) }</p>
                    { node_view(ctx, &format!("{path}.not"), inner, inner_lens, noop, depth + 1) }
                    { remove_button }
                </div>
            }
        }
        leaf => {
            let control = match (leaf, kind.input()) {
                (DraftCondition::AgeAtLeast(v) | DraftCondition::AgeBelow(v) | DraftCondition::IncomeAtMostDibaoPercent(v), _) => {
                    let value_lens: Lens<String> = {
                        let lens = lens.clone();
                        Rc::new(move |d, f| {
                            lens(d, &mut |c| match c {
                                DraftCondition::AgeAtLeast(s)
                                | DraftCondition::AgeBelow(s)
                                | DraftCondition::IncomeAtMostDibaoPercent(s) => f(s),
                                _ => {}
                            })
                        })
                    };
                    ctx.number(&leaf_path, kind.name(ctx.l), None, v, value_lens)
                }
                (DraftCondition::CareAtLeast(v) | DraftCondition::Flag(v) | DraftCondition::Hukou(v), TestInput::One(menu)) => {
                    let value_lens: Lens<String> = {
                        let lens = lens.clone();
                        Rc::new(move |d, f| {
                            lens(d, &mut |c| match c {
                                DraftCondition::CareAtLeast(s) | DraftCondition::Flag(s) | DraftCondition::Hukou(s) => f(s),
                                _ => {}
                            })
                        })
                    };
                    ctx.select(&leaf_path, kind.name(ctx.l), &choices(menu, &ctx.draft, ctx.l), None, v, value_lens)
                }
                (
                    DraftCondition::DisabilityGradeIn(v) | DraftCondition::HardshipIn(v) | DraftCondition::GroupAny(v),
                    TestInput::Many(menu),
                ) => {
                    let value_lens: Lens<Vec<String>> = {
                        let lens = lens.clone();
                        Rc::new(move |d, f| {
                            lens(d, &mut |c| match c {
                                DraftCondition::DisabilityGradeIn(s) | DraftCondition::HardshipIn(s) | DraftCondition::GroupAny(s) => f(s),
                                _ => {}
                            })
                        })
                    };
                    ctx.many(&leaf_path, kind.name(ctx.l), &choices(menu, &ctx.draft, ctx.l), v, value_lens)
                }
                (DraftCondition::InCareHome(b), _) => {
                    let value_lens: Lens<bool> = {
                        let lens = lens.clone();
                        Rc::new(move |d, f| {
                            lens(d, &mut |c| {
                                if let DraftCondition::InCareHome(b) = c {
                                    f(b)
                                }
                            })
                        })
                    };
                    ctx.check(&leaf_path, kind.name(ctx.l), *b, value_lens)
                }
                _ => Html::default(),
            };
            html! {
                <div class="condition-leaf">
                    { control }
                    { remove_button }
                </div>
            }
        }
    }
}
