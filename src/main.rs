//! The web app's entry point: install the panic hook, build the page's skeleton, mount
//! the app. Nothing else.

fn main() {
    zhucan::ui::install_panic_hook();
    // The page's skeleton first: each app draws into its own part of it (src/ui/shell.rs).
    if let Some(shell) = zhucan::ui::shell::build(&zhucan::ui::mount_point()) {
        let top = shell.top.clone();
        yew::Renderer::<zhucan::ui::App>::with_root_and_props(top, zhucan::ui::AppProps { shell }).render();
    }
}
