//! The site planner's page app: fetched and started by `static/js/boot.js` the first time the
//! planner tab opens, it mounts into the element the main app keeps for it. Nothing else.

fn main() {
    zhucan::ui::install_panic_hook();
    if let Some(root) = zhucan::ui::planner::mount_point() {
        yew::Renderer::<zhucan::ui::planner::PlannerApp>::with_root(root).render();
    }
}
