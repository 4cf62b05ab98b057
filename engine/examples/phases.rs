//! Schedules one 100k-task random program a few times: a target for profilers
//! (`valgrind --tool=callgrind target/release/examples/phases`).
use engine::generate::{Shape, generate};

fn main() {
    let program = generate(Shape::Random, 100_000, 1);
    for _ in 0..3 {
        std::hint::black_box(engine::schedule(&program).ok());
    }
}
