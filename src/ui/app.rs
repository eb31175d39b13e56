//! The page: header with settings, three tabs (calculator, planner, policy studio), footer, drawn into the
//! skeleton of [`crate::ui::shell`].

use yew::prelude::*;

use crate::core::embed::{EmbedOptions, Mode};
use crate::core::Locale;
use crate::ui::browser;
use crate::ui::calculator::Calculator;
use crate::ui::components::{SettingsBar, Tab, TabList};
use crate::ui::embed;
use crate::ui::hooks::use_document_settings;
use crate::ui::i18n::{texts, Texts};
use crate::ui::lazy_app::{LazyApp, LazyAppHost};
use crate::ui::settings::Settings;
use crate::ui::shell::{self, Shell};
use crate::ui::storage;

/// The parts of the app, in tab order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Section {
    /// 补贴计算: the residents' subsidy calculator.
    Calculator,
    /// 选址规划: the planners' site planner.
    Planner,
    /// 政策编辑器: the policy studio, for civil-affairs staff.
    Studio,
}

impl Section {
    /// Tab order.
    pub const ALL: [Section; 3] = [Section::Calculator, Section::Planner, Section::Studio];

    /// Stable id used in element ids (`tab-calculator`, `panel-planner`).
    pub fn id(self) -> &'static str {
        match self {
            Section::Calculator => "calculator",
            Section::Planner => "planner",
            Section::Studio => "studio",
        }
    }

    fn label(self, t: &Texts) -> &'static str {
        match self {
            Section::Calculator => t.tab_calculator,
            Section::Planner => t.tab_planner,
            Section::Studio => t.tab_studio,
        }
    }

    fn intro(self, t: &Texts) -> &'static str {
        match self {
            Section::Calculator => t.calculator_intro,
            Section::Planner => t.planner_intro,
            Section::Studio => t.studio_intro,
        }
    }
}

/// Properties of [`App`]: the skeleton it draws into.
#[derive(Properties, PartialEq)]
pub struct AppProps {
    /// Where each part of the page goes ([`shell::build`]).
    pub shell: Shell,
}

/// The root component, mounted at [`Shell::top`]. Provides the display-settings context to
/// everything below it.
#[function_component]
pub fn App(props: &AppProps) -> Html {
    let options = use_memo((), |_| embed::options());
    let settings = {
        let options = options.clone();
        use_reducer_eq(move || Settings::initial(&options))
    };
    use_document_settings(&settings);
    {
        let options = options.clone();
        use_effect_with((), move |_| {
            remove_boot_message();
            // What the resident typed into the pre-rendered first screen, typed into the app.
            shell::hand_over(shell::HandOver::Restore);
            if let Some(colour) = &options.theme {
                embed::apply_theme(colour);
            }
            if let Some(parent) = &options.parent {
                embed::post_height_to(parent.clone());
            }
        });
    }

    html! {
        <ContextProvider<UseReducerHandle<Settings>> context={settings.clone()}>
            <Page options={(*options).clone()} shell={props.shell.clone()} />
        </ContextProvider<UseReducerHandle<Settings>>>
    }
}

/// Removes the "loading…" notice that index.html shows until the app is running.
fn remove_boot_message() {
    if let Some(boot) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id("boot")) {
        boot.remove();
    }
}

#[derive(Properties, PartialEq)]
struct PageProps {
    options: EmbedOptions,
    shell: Shell,
}

#[function_component]
fn Page(props: &PageProps) -> Html {
    let Some(settings) = use_context::<UseReducerHandle<Settings>>() else {
        return Html::default();
    };
    let t = texts(settings.locale);
    let can_keep = use_memo((), |_| storage::available());
    let mode = props.options.mode;
    let only = match mode {
        Mode::Both => None,
        Mode::Calculator => Some(Section::Calculator),
        Mode::Planner => Some(Section::Planner),
    };
    let section = use_state_eq(|| only.unwrap_or(Section::Calculator));
    let selected = Section::ALL.iter().position(|s| *s == *section).unwrap_or(0);
    let tabs: Vec<Tab> = Section::ALL.iter().map(|s| Tab { id: s.id(), label: s.label(t).into() }).collect();
    let on_select = {
        let section = section.clone();
        Callback::from(move |i: usize| {
            if let Some(s) = Section::ALL.get(i) {
                section.set(*s);
            }
        })
    };
    let policy = props.options.policy.clone();
    let shows = |s: Section| only.is_none_or(|o| o == s);
    // "我的城市不在列表里" leads to the studio when the page has it (not in an embedding of one half).
    let on_open_studio = only.is_none().then(|| {
        let section = section.clone();
        Callback::from(move |()| {
            section.set(Section::Studio);
            browser::focus("tab-studio");
        })
    });
    let calculator = shows(Section::Calculator).then(|| {
        let content = html! {
            <Calculator locale={settings.locale} policy={policy.clone()} policy_url={props.options.policy_url.clone()}
                on_open_studio={on_open_studio.clone()} />
        };
        calculator_panel(t, only.is_some(), *section != Section::Calculator, content)
    });
    // The planner's panel is part of the skeleton (its app draws inside it, outside this app's
    // root): this app sets its attributes and draws its heading, introduction and loading notice.
    let planner_shown = shows(Section::Planner) && (only.is_some() || *section == Section::Planner);
    {
        let panel = props.shell.planner_panel.clone();
        let present = shows(Section::Planner);
        use_effect_with((only.is_some(), planner_shown), move |(alone, shown)| {
            if !present {
                // The calculator alone: no planner on this page at all.
                panel.remove();
                return;
            }
            let labelled_by = if *alone { "heading-planner" } else { "tab-planner" };
            shell::set_panel(&panel, &shell::PanelAttributes { tabpanel: !*alone, labelled_by, hidden: !*shown });
        });
    }
    let planner_head = shows(Section::Planner).then(|| {
        let s = Section::Planner;
        html! {
            <>
                <h2 class="visually-hidden" id={format!("heading-{}", s.id())}>{ s.label(t) }</h2>
                <p class="intro">{ s.intro(t) }</p>
                // Its own download, fetched when its tab is first shown (or at once when it is the
                // only half on the page).
                <LazyAppHost app={LazyApp::Planner} locale={settings.locale} active={planner_shown} />
            </>
        }
    });

    // The policy studio: like the planner, its own app in its own panel, only with the tabs (an
    // embedding of one half never shows it).
    let studio_present = only.is_none();
    let studio_shown = studio_present && *section == Section::Studio;
    {
        let panel = props.shell.studio_panel.clone();
        use_effect_with(studio_shown, move |shown| {
            if !studio_present {
                panel.remove();
                return;
            }
            shell::set_panel(&panel, &shell::PanelAttributes { tabpanel: true, labelled_by: "tab-studio", hidden: !*shown });
        });
    }
    let studio_head = studio_present.then(|| {
        let s = Section::Studio;
        html! {
            <>
                <h2 class="visually-hidden" id={format!("heading-{}", s.id())}>{ s.label(t) }</h2>
                <p class="intro">{ s.intro(t) }</p>
                <LazyAppHost app={LazyApp::Studio} locale={settings.locale} active={studio_shown} />
            </>
        }
    });

    let tab_list = only.is_none().then(|| html! { <TabList label={t.sections_label} {tabs} {selected} {on_select} /> });
    let main_top = main_top(t, *can_keep, tab_list, calculator);
    html! {
        <>
            { page_top(t) }
            { create_portal(main_top, props.shell.main_top.clone()) }
            { create_portal(planner_head.unwrap_or_default(), props.shell.planner_head.clone()) }
            { create_portal(studio_head.unwrap_or_default(), props.shell.studio_head.clone()) }
            { create_portal(footer(t), props.shell.footer.clone()) }
        </>
    }
}

// The parts of the page below are drawn by [`Page`] (through portals into the skeleton) and by
// [`FirstScreen`] (in one tree, rendered to HTML at build time), so the two cannot differ.

/// The skip link and the header.
fn page_top(t: &Texts) -> Html {
    html! {
        <>
            <a class="skip-link" href="#main">{ t.skip_to_content }</a>
            <header class="site-header">
                <div class="brand">
                    <h1 class="app-name">{ t.app_name }</h1>
                    <p class="tagline">{ t.tagline }</p>
                </div>
                <SettingsBar />
            </header>
        </>
    }
}

/// The top of `<main>`: the storage notice (when the page can keep nothing), the tab list and the
/// calculator's panel.
fn main_top(t: &Texts, can_keep: bool, tab_list: Option<Html>, calculator: Option<Html>) -> Html {
    html! {
        <>
            if !can_keep {
                <p class="notice storage-notice" role="note">{ t.storage_blocked }</p>
            }
            <>{ for tab_list }</>
            <>{ for calculator }</>
        </>
    }
}

/// The calculator's panel around `content`: a tab panel, or (`alone`: one half only, no tabs) a
/// section named by its own heading.
fn calculator_panel(t: &Texts, alone: bool, hidden: bool, content: Html) -> Html {
    let s = Section::Calculator;
    if alone {
        html! {
            <section class="panel" id={format!("panel-{}", s.id())} aria-labelledby={format!("heading-{}", s.id())}>
                <h2 class="visually-hidden" id={format!("heading-{}", s.id())}>{ s.label(t) }</h2>
                <p class="intro">{ s.intro(t) }</p>
                { content }
            </section>
        }
    } else {
        html! {
            <section class="panel" role="tabpanel" id={format!("panel-{}", s.id())}
                aria-labelledby={format!("tab-{}", s.id())} tabindex="-1" {hidden}>
                <h2 class="visually-hidden">{ s.label(t) }</h2>
                <p class="intro">{ s.intro(t) }</p>
                { content }
            </section>
        }
    }
}

/// The footer's notes.
fn footer(t: &Texts) -> Html {
    html! {
        <>
            <p>{ t.privacy_note }</p>
            <p>{ t.reference_only }</p>
        </>
    }
}

/// Properties of [`FirstScreen`].
#[derive(Properties, PartialEq)]
pub struct FirstScreenProps {
    /// Its language.
    pub locale: Locale,
}

/// The page as [`App`] first draws it with the default settings in `locale` and no page options:
/// header, storage notice, tabs and the calculator with nothing chosen, in the skeleton of [`shell::build`] but in
/// one tree (no portals), with class `prerender`. Rendered to HTML at build time
/// (`src/bin/prerender.rs`) so that a slow phone shows the real form before the WebAssembly
/// arrives; the app then takes its place ([`shell::take_over_first_screen`]).
#[function_component]
pub fn FirstScreen(props: &FirstScreenProps) -> Html {
    let settings = use_reducer_eq(|| Settings { locale: props.locale, ..Settings::default() });
    let t = texts(props.locale);
    let tabs: Vec<Tab> = Section::ALL.iter().map(|s| Tab { id: s.id(), label: s.label(t).into() }).collect();
    let tab_list = html! { <TabList label={t.sections_label} {tabs} selected={0} on_select={Callback::noop()} /> };
    let calculator = calculator_panel(t, false, false, html! { <Calculator locale={props.locale} /> });
    let planner = Section::Planner;
    let studio = Section::Studio;
    html! {
        <ContextProvider<UseReducerHandle<Settings>> context={settings}>
            <div class="app prerender" lang={props.locale.tag()}>
                <div id="page-top">{ page_top(t) }</div>
                <main id="main" tabindex="-1">
                    // With the storage notice, which boot.js shows only where the page can keep nothing.
                    <div id="main-top">{ main_top(t, false, Some(tab_list), Some(calculator)) }</div>
                    <section class="panel" id={format!("panel-{}", planner.id())} role="tabpanel" tabindex="-1"
                        aria-labelledby={format!("tab-{}", planner.id())} hidden=true></section>
                    <section class="panel" id={format!("panel-{}", studio.id())} role="tabpanel" tabindex="-1"
                        aria-labelledby={format!("tab-{}", studio.id())} hidden=true></section>
                </main>
                <footer id="page-footer" class="site-footer">{ footer(t) }</footer>
            </div>
        </ContextProvider<UseReducerHandle<Settings>>>
    }
}
