//! Times a forecast with and without drawing: where does an iteration's time go?
use engine::forecast::{Settings, forecast};
use engine::generate::{Shape, add_uncertainty, generate};
use std::time::Instant;

const ITER: usize = 1_000;
fn main() {
    let plain = generate(Shape::Random, 1_000, 1);
    let mut uncertain = plain.clone();
    add_uncertainty(&mut uncertain, 1);
    for (label, program) in [("passes only", &plain), ("with draws", &uncertain)] {
        let checked = engine::check(program).unwrap();
        for _ in 0..1 {
            let started = Instant::now();
            std::hint::black_box(
                forecast(
                    &checked,
                    &Settings {
                        iterations: ITER,
                        seed: 1,
                    },
                )
                .ok(),
            );
            println!("{label}: {:.0} ms", started.elapsed().as_secs_f64() * 1e3);
        }
    }
}
