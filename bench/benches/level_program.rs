//! Native figures for leveling a whole program as the app does it: a random program of
//! 1,000 (and 10,000) tasks with 10 resources, each task demanding one or two of them —
//! the problem laid out (`Prepared::new`: a check and schedule of the program), the first
//! result (the leveler made: its priority-rule passes), the first slice the app shows
//! (250 schedules), and the whole budget (5,000 schedules).
//! `cargo bench -p bench --bench level_program`.

use bench::timer::now_ms;
use engine::generate::{Options as Generate, Shape, add_resources, generate_with};
use engine::leveling::program::Prepared;
use engine::leveling::{Leveler, Objective, Options};

fn program(tasks: usize) -> engine::Program {
    let mut program = generate_with(
        Shape::Random,
        tasks,
        1,
        Generate {
            constraints: false,
            team_calendar: false,
        },
    );
    add_resources(&mut program, 10);
    program
}

fn main() {
    println!(
        "| tasks | resources | laid out ms | first result ms | first slice (250) ms | 5,000 schedules ms | unleveled finish | first | best |"
    );
    println!("|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    for tasks in [1_000, 10_000] {
        let program = program(tasks);
        let t0 = now_ms();
        let prepared = Prepared::new(&program, Objective::MinimiseFinish).expect("a valid program");
        let t1 = now_ms();
        let options = Options {
            schedules: 5_000,
            seed: 1,
            objective: Objective::MinimiseFinish,
        };
        let mut leveler = Leveler::new(&prepared.problem, options).expect("every demand fits");
        let t2 = now_ms();
        let first = leveler.best().finish;
        leveler.step(250);
        let t3 = now_ms();
        while leveler.step(usize::MAX) {}
        let t4 = now_ms();
        let unleveled = engine::schedule(&program).expect("schedules").finish_offset;
        println!(
            "| {tasks} | 10 | {:.1} | {:.1} | {:.1} | {:.0} | {unleveled} | {first} | {} |",
            t1 - t0,
            t2 - t0,
            t3 - t0,
            t4 - t0,
            leveler.best().finish
        );
    }
}
