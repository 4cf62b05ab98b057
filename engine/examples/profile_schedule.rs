//! Times the phases of scheduling a random program (check, passes + dates): a quick
//! breakdown for profiling. `cargo run --release -p engine --example profile_schedule [N]`.
use std::time::Instant;

fn main() {
    let tasks = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(100_000);
    let program = engine::generate::generate(engine::generate::Shape::Random, tasks, 1);
    let runs = 2_000_000 / tasks;
    let (mut check, mut passes) = (Vec::new(), Vec::new());
    for _ in 0..runs {
        let started = Instant::now();
        let checked = engine::check(std::hint::black_box(&program)).ok();
        let middle = Instant::now();
        if let Some(checked) = checked {
            std::hint::black_box(engine::schedule_checked(&checked).ok());
        }
        let end = Instant::now();
        check.push((middle - started).as_secs_f64() * 1e3);
        passes.push((end - middle).as_secs_f64() * 1e3);
    }
    check.sort_by(f64::total_cmp);
    passes.sort_by(f64::total_cmp);
    println!(
        "{tasks} tasks: check min {:.3} ms median {:.3}; passes+dates min {:.3} median {:.3}",
        check[0],
        check[runs / 2],
        passes[0],
        passes[runs / 2]
    );
}
