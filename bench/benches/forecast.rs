//! Native figure for the Monte Carlo forecast, beside the wasm one:
//! `cargo bench -p bench --bench forecast`.

use bench::forecast::{all_drivers, uncertain_program};
use bench::timer::measure;
use engine::forecast::{Settings, forecast};

fn main() {
    let program = uncertain_program(1_000);
    let checked = engine::check(&program).expect("generated programs are valid");
    let settings = Settings {
        iterations: 10_000,
        seed: 1,
    };
    let timing = measure(5, || forecast(&checked, &settings).ok());
    let result = forecast(&checked, &settings).expect("a forecast");
    let sensitivity = measure(3, || all_drivers(&result));
    println!(
        "| tasks | links | risks | iterations | median ms | min ms | sensitivity of the finish and every milestone, ms |"
    );
    println!("|---:|---:|---:|---:|---:|---:|---:|");
    println!(
        "| 1000 | {} | {} | 10000 | {:.1} | {:.1} | {:.1} |",
        program.dependencies.len(),
        program.risks.len(),
        timing.median_ms,
        timing.min_ms,
        sensitivity.median_ms
    );
}
