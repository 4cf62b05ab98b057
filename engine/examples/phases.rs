//! Times each scheduling phase on a 100k-task random program (a profiling aid).
use engine::generate::{Shape, generate};
use std::time::Instant;

fn main() {
    let program = generate(Shape::Random, 100_000, 1);
    for _ in 0..5 {
        let t0 = Instant::now();
        let checked = engine::check(&program).unwrap();
        let t1 = Instant::now();
        let schedule = engine::schedule_checked(&checked).unwrap();
        let t2 = Instant::now();
        std::hint::black_box(schedule);
        println!(
            "check {:.1} ms, schedule {:.1} ms",
            (t1 - t0).as_secs_f64() * 1e3,
            (t2 - t1).as_secs_f64() * 1e3
        );
    }
}
