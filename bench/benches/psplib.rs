//! The leveler on PSPLIB: `cargo bench -p bench --bench psplib -- [PATH] [--quick]
//! [--j30] [--j120] [--budgets 1000,5000] [--seconds 1] [--seed 1] [--time-bound]`.
//!
//! PATH holds `j30/`, `j30opt.sm` and `j120-sample/` (default: `../shared/psplib` from the
//! repository root, or from a folder above it). Prints, per set and budget, the average deviation (j30 from the
//! optimum, j120 from LB0 and from the best known solution), the share at the reference and
//! the time per instance. `--quick` takes every tenth j30 instance and ten j120 ones.
//! `--time-bound` adds a capacity period far past any finish (same capacity), which changes
//! no optimum but ties the problem to its days: the search then takes the path of programs
//! with pins, releases or calendars (forward passes with justification).

use bench::psplib::{
    Limit, Run, instance_files, instance_key, parse_optima, parse_sm, run, summarise,
};
use std::path::{Path, PathBuf};

/// Best known makespans of the j120 sample (parameters 1–10, instances 1–5): the upper
/// bounds of PSPLIB's `j120lb.sm` (as in eborghi10/RCPSP @ a98e5bf3e726, `DataSets/`).
const J120_BEST_KNOWN: [[i64; 5]; 10] = [
    [105, 109, 125, 97, 112],
    [87, 75, 92, 95, 103],
    [80, 88, 100, 71, 84],
    [74, 107, 95, 75, 74],
    [92, 80, 72, 97, 77],
    [144, 135, 135, 154, 125],
    [102, 114, 100, 112, 131],
    [95, 103, 96, 94, 104],
    [88, 94, 87, 87, 114],
    [111, 91, 99, 95, 97],
];

fn best_known((parameter, instance): (u32, u32)) -> Option<i64> {
    J120_BEST_KNOWN
        .get(parameter as usize - 1)?
        .get(instance as usize - 1)
        .copied()
}

struct Args {
    path: PathBuf,
    quick: bool,
    j30: bool,
    j120: bool,
    budgets: Vec<usize>,
    seconds: Option<f64>,
    seed: u64,
    time_bound: bool,
}

/// `shared/psplib` beside the repository root (or beside a folder above it, for a git
/// worktree kept in a subfolder).
fn default_path() -> PathBuf {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    root.ancestors()
        .map(|dir| dir.join("../shared/psplib"))
        .find(|candidate| candidate.is_dir())
        .unwrap_or_else(|| root.join("../shared/psplib"))
}

fn args() -> Args {
    let mut args = Args {
        path: default_path(),
        quick: false,
        j30: false,
        j120: false,
        budgets: vec![1_000, 5_000],
        seconds: None,
        seed: 1,
        time_bound: false,
    };
    let mut words = std::env::args().skip(1);
    while let Some(word) = words.next() {
        match word.as_str() {
            "--quick" => args.quick = true,
            "--time-bound" => args.time_bound = true,
            "--j30" => args.j30 = true,
            "--j120" => args.j120 = true,
            "--budgets" => {
                args.budgets = words
                    .next()
                    .unwrap_or_default()
                    .split(',')
                    .filter_map(|b| b.parse().ok())
                    .collect()
            }
            "--seconds" => args.seconds = words.next().and_then(|s| s.parse().ok()),
            "--seed" => args.seed = words.next().and_then(|s| s.parse().ok()).unwrap_or(1),
            "--bench" => {}
            other if !other.starts_with('-') => args.path = PathBuf::from(other),
            _ => {}
        }
    }
    if !args.j30 && !args.j120 {
        (args.j30, args.j120) = (true, true);
    }
    args
}

fn load(
    dir: &Path,
    every: usize,
    at_most: usize,
    time_bound: bool,
) -> Vec<((u32, u32), engine::leveling::Problem)> {
    let files = instance_files(dir).unwrap_or_else(|e| panic!("{e}"));
    files
        .iter()
        .step_by(every)
        .take(at_most)
        .map(|path| {
            let text = std::fs::read_to_string(path).expect("readable instance");
            let mut problem = parse_sm(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            if time_bound {
                let capacity = &mut problem.resources[0];
                capacity.periods.push((5_000, 5_001, capacity.base));
            }
            (instance_key(path).expect("listed by key"), problem)
        })
        .collect()
}

fn run_all(set: &[((u32, u32), engine::leveling::Problem)], limit: Limit, seed: u64) -> Vec<Run> {
    set.iter()
        .map(|(key, problem)| run(problem, *key, limit, seed))
        .collect()
}

fn main() {
    let args = args();
    let bound = if args.time_bound { ", time-bound" } else { "" };
    println!(
        "PSPLIB at {}, seed {}{bound}\n",
        args.path.display(),
        args.seed
    );
    println!(
        "| set | limit | instances | avg dev % | at reference % | vs best known % | mean ms | max ms | mean schedules |"
    );
    println!("|---|---|---:|---:|---:|---:|---:|---:|---:|");
    if args.j30 {
        let optima =
            parse_optima(&std::fs::read_to_string(args.path.join("j30opt.sm")).expect("j30opt.sm"));
        let every = if args.quick { 10 } else { 1 };
        let set = load(&args.path.join("j30"), every, usize::MAX, args.time_bound);
        for &budget in &args.budgets {
            let runs = run_all(&set, Limit::Schedules(budget), args.seed);
            let s = summarise(&runs, |r| optima[&r.key]);
            print_row("j30 vs optimum", &format!("{budget} schedules"), &s, None);
        }
    }
    if args.j120 {
        let set = load(
            &args.path.join("j120-sample"),
            1,
            if args.quick { 10 } else { usize::MAX },
            args.time_bound,
        );
        let mut limits: Vec<(String, Limit)> = args
            .budgets
            .iter()
            .map(|&b| (format!("{b} schedules"), Limit::Schedules(b)))
            .collect();
        if let Some(seconds) = args.seconds {
            limits.push((format!("{seconds} s"), Limit::Millis(seconds * 1e3)));
        }
        for (label, limit) in limits {
            let runs = run_all(&set, limit, args.seed);
            let s = summarise(&runs, |r| r.critical_path);
            let known = summarise(&runs, |r| best_known(r.key).unwrap_or(r.critical_path));
            print_row(
                "j120 sample vs LB0",
                &label,
                &s,
                Some(known.deviation_percent),
            );
        }
    }
}

fn print_row(set: &str, limit: &str, s: &bench::psplib::Summary, known: Option<f64>) {
    println!(
        "| {set} | {limit} | {} | {:.3} | {:.1} | {} | {:.2} | {:.2} | {:.0} |",
        s.instances,
        s.deviation_percent,
        s.at_reference_percent,
        known.map_or("—".into(), |k| format!("{k:.3}")),
        s.mean_millis,
        s.max_millis,
        s.mean_schedules
    );
}
