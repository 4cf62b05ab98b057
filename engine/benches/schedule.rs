//! Native benchmark of the full schedule (check + passes + dates) on synthetic programs.
//!
//! Run: `cargo bench -p engine --bench schedule`. Prints the median and minimum time of
//! `engine::schedule`, the least time of its two halves apart (`engine::check`, and
//! `engine::schedule_checked` on the checked program) and the peak memory it allocates, per
//! shape and size. A benchmark, not a test: figures go to BENCHMARKS.md.

use engine::generate::{Shape, generate};
use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};
use std::time::Instant;

/// Counts live and peak heap bytes, to show memory grows linearly with the program.
struct Counting;
static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let live = LIVE.fetch_add(layout.size(), Relaxed) + layout.size();
        PEAK.fetch_max(live, Relaxed);
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        LIVE.fetch_sub(layout.size(), Relaxed);
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

fn main() {
    println!(
        "| shape | tasks | links | median ms | min ms | check min ms | checked → schedule min ms | peak scheduling memory | bytes/task |"
    );
    println!("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
    for shape in [Shape::Chain, Shape::Layered, Shape::Random] {
        for (tasks, runs) in [(1_000, 300), (10_000, 60), (100_000, 15)] {
            let program = generate(shape, tasks, 1);
            let links = program.dependencies.len();
            std::hint::black_box(engine::schedule(&program).expect("generated programs are valid"));
            let base = LIVE.load(Relaxed);
            PEAK.store(base, Relaxed);
            let mut times = timed(runs, || {
                engine::schedule(std::hint::black_box(&program)).ok()
            });
            let peak = PEAK.load(Relaxed) - base;
            times.sort_by(f64::total_cmp);
            let check = timed(runs, || {
                engine::check(std::hint::black_box(&program)).is_ok()
            });
            let checked = engine::check(&program).expect("generated programs are valid");
            let reschedule = timed(runs, || {
                engine::schedule_checked(std::hint::black_box(&checked)).ok()
            });
            let least = |times: &[f64]| times.iter().copied().fold(f64::INFINITY, f64::min);
            println!(
                "| {shape:?} | {tasks} | {links} | {:.3} | {:.3} | {:.3} | {:.3} | {:.1} MB | {} |",
                times[times.len() / 2],
                times[0],
                least(&check),
                least(&reschedule),
                peak as f64 / 1e6,
                peak / tasks
            );
        }
    }
}

/// Milliseconds of each of `runs` runs of `work`.
fn timed<R>(runs: usize, mut work: impl FnMut() -> R) -> Vec<f64> {
    (0..runs)
        .map(|_| {
            let started = Instant::now();
            std::hint::black_box(work());
            started.elapsed().as_secs_f64() * 1e3
        })
        .collect()
}
