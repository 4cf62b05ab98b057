//! A forecast of 1,000 uncertain tasks, 2,000 iterations: a target for profilers.
use engine::forecast::{Settings, forecast};
use engine::generate::{Shape, add_uncertainty, generate};

fn main() {
    let mut program = generate(Shape::Random, 1_000, 1);
    add_uncertainty(&mut program, 1);
    let checked = engine::check(&program).unwrap();
    std::hint::black_box(
        forecast(
            &checked,
            &Settings {
                iterations: 2_000,
                seed: 1,
            },
        )
        .ok(),
    );
}
