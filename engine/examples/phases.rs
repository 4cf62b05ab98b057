//! Schedules one 100k-task random program a few times (`phases [SHAPE] [TASKS] [RUNS]`): a target for profilers
//! (`valgrind --tool=callgrind --toggle-collect=phases::schedule
//! target/release/examples/phases`).
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
    let runs: usize = std::env::args()
        .nth(3)
        .and_then(|n| n.parse().ok())
        .unwrap_or(3);
    let program = generate(shape, tasks, 1);
    for _ in 0..runs {
        std::hint::black_box(schedule(&program));
    }
}

/// One schedule, never inlined: a place for a profiler to start and stop
/// (`--toggle-collect=phases::schedule`).
#[inline(never)]
fn schedule(program: &engine::Program) -> bool {
    engine::schedule(std::hint::black_box(program)).is_ok()
}
