//! Leveling a whole program (`engine::leveling::program`): on random programs with random
//! resources and demands, the leveled starts, made as a scenario's changes and scheduled
//! by the engine, give a schedule with no resource over capacity on any day (but the tasks
//! the result reports), the same durations, every link kept (the engine schedules it) and
//! a finish never before the unleveled one nor before the lower bounds.

use engine::generate::{Options as Generate, Shape, generate_with};
use engine::leveling::Options;
use engine::leveling::program::level_program;
use engine::load::load_profile;
use engine::scenario::apply;
use engine::{Demand, Resource};
use proptest::prelude::*;

fn resourced(
    n: usize,
    seed: u64,
    pools: usize,
    demands: &[(usize, usize, u32)],
) -> engine::Program {
    let mut program = generate_with(
        Shape::Random,
        n,
        seed,
        Generate {
            constraints: false,
            team_calendar: false,
        },
    );
    for r in 0..pools {
        program.resources.push(Resource {
            id: format!("r{r}"),
            name: format!("Pool {r}"),
            capacity: 1.0 + r as f64,
            ..Resource::default()
        });
    }
    for &(t, r, units) in demands {
        let task = &mut program.tasks[t % n];
        let resource = format!("r{}", r % pools);
        if task.is_milestone() || task.demands.iter().any(|d| d.resource == resource) {
            continue;
        }
        // Never more than the pool offers: every demand can fit.
        let most = 1 + r % pools;
        task.demands.push(Demand {
            resource,
            units: f64::from(units % (most as u32 * 4) + 1) / 4.0,
        });
    }
    program
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn leveled_starts_keep_every_resource_within_capacity(
        n in 2usize..25, seed: u64, pools in 1usize..3,
        demands in proptest::collection::vec((0usize..25, 0usize..3, 0u32..12), 0..30),
    ) {
        let program = resourced(n, seed, pools, &demands);
        let unleveled = engine::schedule(&program).unwrap();
        let options = Options { schedules: 200, seed: 1, ..Options::default() };
        let leveled = level_program(&program, &options).unwrap();
        let prepared = engine::leveling::program::Prepared::new(&program, options.objective).unwrap();
        let changes = prepared.changes(&leveled);
        let variant = apply(&program, &changes).program;
        let plan = engine::schedule(&variant).unwrap();
        for (t, task) in variant.tasks.iter().enumerate() {
            prop_assert_eq!(task.duration, program.tasks[t].duration);
            prop_assert_eq!(plan.tasks[t].es, leveled.tasks[t].start_offset, "task {}", t);
        }
        prop_assert!(plan.finish >= unleveled.finish);
        prop_assert_eq!(plan.finish, leveled.finish);
        prop_assert!(leveled.finish >= leveled.critical_path_bound);
        prop_assert!(leveled.finish >= leveled.resource_bound);
        let load = load_profile(&variant, &plan);
        for (r, resource) in load.resources.iter().enumerate() {
            for (day, (&demand, &capacity)) in resource.demand.iter().zip(&resource.capacity).enumerate() {
                prop_assert!(
                    demand <= capacity || !leveled.overloaded.is_empty(),
                    "resource {} day {}: {} over {}", r, day, demand, capacity
                );
            }
        }
    }
}

/// A program whose work lies more than a million days out is refused with a message, not a
/// panic (the search allocates a day-by-day profile).
#[test]
fn a_program_too_far_out_is_refused_saying_why() {
    let mut program = resourced(3, 1, 1, &[(0, 0, 3)]);
    program.tasks[0].constraint = Some(engine::Constraint {
        kind: engine::ConstraintKind::SNET,
        date: chrono::NaiveDate::from_ymd_opt(9000, 1, 1),
    });
    let refused = level_program(&program, &Options::default()).unwrap_err();
    assert!(
        refused
            .to_string()
            .starts_with("this program cannot be leveled"),
        "{refused}"
    );
}
