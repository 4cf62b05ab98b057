//! Schedules one 100k-task random program a few times: a target for profilers
//! (`valgrind --tool=callgrind target/release/examples/phases`).
use engine::generate::{Shape, generate};

fn main() {
    let shape: Shape = std::env::args()
        .nth(1)
        .unwrap_or("random".into())
        .parse()
        .unwrap_or(Shape::Random);
    let tasks: usize = std::env::args()
        .nth(2)
        .and_then(|n| n.parse().ok())
        .unwrap_or(100_000);
    let program = generate(shape, tasks, 1);
    for _ in 0..3 {
        std::hint::black_box(engine::schedule(&program).ok());
    }
}
