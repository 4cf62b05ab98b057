//! Native figures for the open program's derived view and the plan model built from it (the
//! work between an edit and the grid's repaint, less the DOM) — every row built, and as the
//! app builds it: the layout, then the rows in view — for random programs of
//! 2,000, 10,000 and 100,000 tasks: `cargo bench -p document --bench plan_model`.

use std::collections::HashSet;
use std::sync::Arc;
use std::time::Instant;

use document::derived::Derived;
use document::plan_rows::{plan_layout, plan_model, plan_window};
use engine::filter::TaskFilter;
use engine::generate::{Shape, generate};
use planfile::Document;

/// The median of `runs` timings of `f`, in milliseconds.
fn median_ms<T>(runs: usize, mut f: impl FnMut() -> T) -> f64 {
    let mut times: Vec<f64> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            std::hint::black_box(f());
            start.elapsed().as_secs_f64() * 1e3
        })
        .collect();
    times.sort_by(f64::total_cmp);
    times[runs / 2]
}

fn main() {
    println!(
        "| tasks | derive (check + schedule) median ms | every row built median ms | layout median ms | 128 rows built median ms | runs |"
    );
    println!("|---:|---:|---:|---:|---:|---:|");
    for (tasks, runs) in [(2_000, 41), (10_000, 21), (100_000, 5)] {
        let doc = Document {
            program: generate(Shape::Random, tasks, 1),
            ..Document::default()
        };
        let derived = Derived::of(&doc, None);
        assert!(
            derived.shown().ok().is_some(),
            "generated programs schedule"
        );
        let derive = median_ms(runs, || Derived::of(&doc, None));
        let shut = HashSet::new();
        let filter = TaskFilter::default();
        let model = median_ms(runs, || plan_model(&doc, &derived, &shut, None, &filter));
        let layout = median_ms(runs, || plan_layout(&doc, &derived, &shut, None, &filter));
        let kept = Arc::new(plan_layout(&doc, &derived, &shut, None, &filter));
        let middle = kept.len() / 2;
        let window = median_ms(runs, || {
            plan_window(&doc, &derived, &kept, middle..middle + 128)
        });
        println!("| {tasks} | {derive:.2} | {model:.2} | {layout:.2} | {window:.3} | {runs} |");
    }
    println!();
    println!(
        "| tasks | a duration edited and derived, kept program, median ms | the same, full check and schedule, median ms | runs |"
    );
    println!("|---:|---:|---:|---:|");
    for (tasks, runs) in [(2_000, 41), (10_000, 21), (100_000, 5)] {
        let (kept, full) = edit_and_derive(tasks, runs);
        println!("| {tasks} | {kept:.2} | {full:.2} | {runs} |");
    }
}

/// One duration edit made and derived through the kept program, against the same through a
/// full check and schedule (what the app did before the kept program).
fn edit_and_derive(tasks: usize, runs: usize) -> (f64, f64) {
    use document::derived::OpenProgram;
    use document::history::DocHistory;
    use engine::edit::Edit;
    let mut doc = Document {
        program: generate(Shape::Random, tasks, 1),
        ..Document::default()
    };
    let edit = |doc: &Document, n: usize| {
        let index = n * 7919 % doc.program.tasks.len();
        let mut task = doc.program.tasks[index].clone();
        task.duration = 1 + (n as i64 % 9);
        task.milestone = false;
        vec![Edit::ReplaceTask { index, task }]
    };
    let (mut open, mut history) = (OpenProgram::default(), DocHistory::default());
    open.derive(&doc, None);
    let mut n = 0;
    let kept = median_ms(runs, || {
        n += 1;
        let action = edit(&doc, n);
        open.edit(&mut history, &mut doc, action)
            .expect("a duration is accepted");
        open.derive(&doc, None)
    });
    let full = median_ms(runs, || {
        n += 1;
        let action = edit(&doc, n);
        history
            .edit(&mut doc, action)
            .expect("a duration is accepted");
        Derived::of(&doc, None)
    });
    (kept, full)
}
