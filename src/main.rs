//! The web app's entry point: install the panic hook and mount the app. Nothing else.

fn main() {
    zhucan::ui::install_panic_hook();
    yew::Renderer::<zhucan::ui::App>::with_root(zhucan::ui::mount_point()).render();
}
