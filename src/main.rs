//! Entry point of the browser app: installs the panic hook and mounts [`planwork_app::App`]
//! — or, when this module runs in a Web Worker (no `window`), answers the forecast and
//! leveling requests posted to it instead ([`planwork_app::worker`]).

fn main() {
    console_error_panic_hook::set_once();
    if planwork_app::worker::in_worker() {
        planwork_app::worker::listen();
        return;
    }
    leptos::mount::mount_to_body(planwork_app::App);
}
