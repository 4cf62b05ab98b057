//! Native figure for schedule health (the fourteen DCMA checks of a program under way,
//! `engine::health::assess` alone), beside the wasm one: `cargo bench -p bench --bench
//! health`.

use bench::health::health;
use engine::generate::Shape;

fn main() {
    println!("| shape | tasks | links | median ms | min ms | pass / fail / n/a | runs × batch |");
    println!("|---|---:|---:|---:|---:|---|---:|");
    for shape in [Shape::Chain, Shape::Layered, Shape::Random] {
        for (tasks, runs) in [(1_000, 100), (10_000, 30)] {
            let r = health(shape, tasks, runs).expect("generated programs are valid");
            println!(
                "| {} | {} | {} | {:.3} | {:.3} | {} / {} / {} | {} × {} |",
                r.shape.to_lowercase(),
                r.tasks,
                r.links,
                r.timing.median_ms,
                r.timing.min_ms,
                r.passed,
                r.failed,
                r.not_applicable,
                r.timing.runs,
                r.timing.batch
            );
        }
    }
}
