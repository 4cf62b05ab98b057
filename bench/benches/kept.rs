//! Native figures for one edit re-scheduled on a kept program, beside the full schedule of
//! the raw program: `cargo bench -p bench --bench kept` (the wasm ones: `scripts/bench`).

use bench::kept::kept_edit_with;
use engine::generate::Shape;

fn main() {
    println!(
        "| shape | tasks | links | edits | edit median ms | min | max | duration / lag / link added / removed, median ms | full schedule median ms | full min ms |"
    );
    println!("|---|---:|---:|---:|---:|---:|---:|---|---:|---:|");
    let cases = [
        (Shape::Chain, false),
        (Shape::Layered, false),
        (Shape::Random, false),
        (Shape::Random, true),
    ];
    for (shape, outlined) in cases {
        for (tasks, runs) in [(10_000, 30), (100_000, 10)] {
            let r = kept_edit_with(shape, tasks, 50, runs, outlined)
                .expect("generated programs are valid");
            println!(
                "| {} | {} | {} | {} | {:.3} | {:.3} | {:.3} | {} | {:.2} | {:.2} |",
                r.shape.to_lowercase(),
                r.tasks,
                r.links,
                r.edits,
                r.edit_median_ms,
                r.edit_min_ms,
                r.edit_max_ms,
                r.kind_median_ms.map(|ms| format!("{ms:.3}")).join(" / "),
                r.full.median_ms,
                r.full.min_ms
            );
        }
    }
}
