//! Entry point of the browser app: installs the panic hook and mounts [`planwork_app::App`]
//! — or, when this module runs in the forecast Web Worker (no `window`), answers forecast
//! requests instead ([`planwork_app::forecast::forecast_worker`]).

fn main() {
    console_error_panic_hook::set_once();
    if planwork_app::forecast::forecast_worker::in_worker() {
        planwork_app::forecast::forecast_worker::listen();
        return;
    }
    leptos::mount::mount_to_body(planwork_app::App);
}
