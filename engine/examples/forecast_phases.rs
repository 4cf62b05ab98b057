//! Times a forecast's phases natively: prepare, iterate, finish, the sensitivity of the
//! finish (the first question ranks every column) and then of every milestone (what the
//! app's worker asks). The least of ten runs each, for comparing changes on a noisy machine.
//!
//!   cargo run --release -p engine --example forecast_phases
use engine::forecast::{Settings, Simulation, Target};
use engine::generate::{Shape, add_uncertainty, generate};
use std::time::Instant;

fn main() -> Result<(), engine::Diagnostics> {
    let mut program = generate(Shape::Random, 1_000, 1);
    add_uncertainty(&mut program, 1);
    let checked = engine::check(&program)?;
    let settings = Settings {
        iterations: 10_000,
        seed: 1,
    };
    let mut least = [f64::MAX; 5];
    for _ in 0..10 {
        let mut times = [Instant::now(); 6];
        let mut simulation = Simulation::new(&checked, &settings)?;
        times[1] = Instant::now();
        simulation.run(settings.iterations);
        times[2] = Instant::now();
        let result = simulation.finish()?;
        times[3] = Instant::now();
        let sensitivity = result.sensitivity();
        std::hint::black_box(sensitivity.drivers(Target::Finish));
        times[4] = Instant::now();
        for milestone in &result.milestones {
            std::hint::black_box(sensitivity.drivers(Target::Milestone(milestone.task)));
        }
        times[5] = Instant::now();
        for (phase, slot) in least.iter_mut().enumerate() {
            *slot = slot.min((times[phase + 1] - times[phase]).as_secs_f64() * 1e3);
        }
    }
    let [prepare, iterate, finish, sensitivity, milestones] = least;
    println!(
        "least of 10: prepare {prepare:.1} ms, iterate {iterate:.1} ms, finish {finish:.1} ms, \
         sensitivity of the finish {sensitivity:.1} ms, then of the milestones {milestones:.1} ms"
    );
    Ok(())
}
