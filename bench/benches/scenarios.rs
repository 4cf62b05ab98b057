//! Native figure for scenario comparison (apply + schedule + compare 10 scenarios of a
//! 5,000-task program), beside the wasm one: `cargo bench -p bench --bench scenarios`.

use bench::scenarios::{compare_all, scenarios};
use bench::timer::measure;
use engine::generate::{Shape, generate};

fn main() {
    let program = generate(Shape::Random, 5_000, 1);
    let base = engine::schedule(&program).expect("generated programs are valid");
    let scenarios = scenarios(&program, 10, 2);
    assert_eq!(
        compare_all(&program, &base, &scenarios),
        10,
        "every scenario schedules"
    );
    let timing = measure(30, || {
        compare_all(&program, &base, std::hint::black_box(&scenarios))
    });
    println!("| scenarios compared | tasks | changes each | median ms | min ms | runs × batch |");
    println!("|---:|---:|---:|---:|---:|---:|");
    println!(
        "| 10 | 5000 | 4 | {:.3} | {:.3} | {} × {} |",
        timing.median_ms, timing.min_ms, timing.runs, timing.batch
    );
}
