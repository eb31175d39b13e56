//! The web app's entry point: install the panic hook, take the pre-rendered first screen away,
//! build the page's skeleton, mount the app. Nothing else.

fn main() {
    zhucan::ui::install_panic_hook();
    // The first screen rendered at build time (index.html) goes, noting what was typed into it;
    // the app draws in its place before the browser paints again, then takes what was typed
    // (`HandOver::Restore`, in the app's first effect).
    zhucan::ui::shell::hand_over(zhucan::ui::shell::HandOver::Take);
    // The page's skeleton first: each app draws into its own part of it (src/ui/shell.rs).
    if let Some(shell) = zhucan::ui::shell::build(&zhucan::ui::mount_point()) {
        let top = shell.top.clone();
        yew::Renderer::<zhucan::ui::App>::with_root_and_props(top, zhucan::ui::AppProps { shell }).render();
    }
}
