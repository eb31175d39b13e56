//! The policy studio's page app (政策编辑器): fetched and started by `static/js/boot.js` the first
//! time the studio's tab opens, it mounts into the element the main app keeps for it. Nothing else.

fn main() {
    zhucan::ui::install_panic_hook();
    if let Some(root) = zhucan::ui::studio::mount_point() {
        yew::Renderer::<zhucan::ui::studio::StudioApp>::with_root(root).render();
    }
}
