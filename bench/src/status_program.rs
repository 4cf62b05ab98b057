//! The program the status pack benchmark drafts from ([`packed`]): a generated program under
//! way, with deadlines on a few dozen milestones, an active baseline, 200 log items raised
//! and closed week by week, readiness checklists, and twenty packs issued one a week with
//! small slips between — each week's progress, logs and narrative made as one action through
//! [`History::apply`], as the app makes a user's, then an override now and then and the pack
//! issued (`engine::status::edit::issue`), one action each.

use chrono::{Days, NaiveDate};
use document::status::drafting::{Drafted, draft_pack};
use engine::baseline::capture;
use engine::edit::{Edit, History};
use engine::forecast::{Forecast, Settings, forecast};
use engine::generate::{Shape, SplitMix64, add_resources, generate};
use engine::logs::model::{
    Action, ChangeDecision, ChangeRequest, ChangeStatus, Commitment, CommitmentStatus, Decision,
    DecisionLinks, DecisionStatus, Issue, IssueSeverity, IssueStatus, Logs, Response, RiskStatus,
};
use engine::model::{Impact, Program, ProgramInfo, Risk, Task};
use engine::readiness::model::{Checklist, Item, ItemStatus, Readiness};
use engine::status::edit::{issue, override_rating, set_narrative};
use engine::status::facts::is_done;
use engine::status::model::{Dimension, Rag};
use planfile::Document;

/// Packs issued before the one drafted.
pub const PACKS: usize = 20;

/// Log items by log, 200 in all: risks, issues, decisions, cross-team dependencies, change
/// requests. Item `i` of a log of `n` is raised in week `i × PACKS / n`.
pub const LOGS: [(&str, usize); 5] = [
    ("risks", 60),
    ("issues", 50),
    ("decisions", 30),
    ("dependencies", 40),
    ("changes", 20),
];

/// Milestones with a readiness checklist (the first ones with a deadline), and its items.
const CHECKLISTS: usize = 8;
const CHECKLIST_ITEMS: usize = 10;

/// Iterations of each week's forecast (P50/P80 and the confidence per milestone; the pack
/// only reads its percentiles, so a short run does).
pub const FORECAST_ITERATIONS: usize = 200;

/// A program with its packs, ready to draft the next one.
pub struct Packed {
    pub doc: Document,
    /// The last forecast (of the program as it is now).
    pub forecast: Forecast,
    /// The day the next pack is drafted (its status date, a week after the last pack's).
    pub today: NaiveDate,
    /// Milestones with a deadline.
    pub deadlines: usize,
}

type Failed = String;

fn failed<E: std::fmt::Debug>(what: &'static str) -> impl Fn(E) -> Failed {
    move |e| format!("{what}: {e:?}")
}

/// `generate(Random, tasks, 1)` with ten teams, every sixth milestone due near its planned
/// finish (−4 to +10 days), baselined as planned, then twenty weeks of progress and packs
/// from a third of the way to its finish; the program as it stands a week after the last.
pub fn packed(tasks: usize) -> Result<Packed, Failed> {
    let mut program = generate(Shape::Random, tasks, 1);
    add_resources(&mut program, 10);
    let mut rng = SplitMix64(22);
    let plan = engine::schedule(&program).map_err(failed("the generated program"))?;
    let mut deadlines = 0;
    let mut milestones = 0;
    for (task, times) in program.tasks.iter_mut().zip(&plan.tasks) {
        if task.is_milestone() {
            milestones += 1;
            if milestones % 6 == 0 {
                task.deadline = Some(shift(times.finish, rng.below(15) as i64 - 4));
            }
        }
        deadlines += usize::from(task.deadline.is_some());
    }
    let checked = engine::check(&program).map_err(failed("deadlines"))?;
    let plan = engine::schedule_checked(&checked).map_err(failed("deadlines"))?;
    let start = program.program.start;
    // Weekly (or closer on a short plan) from a third of the way to the finish.
    let step = (plan.finish_offset / 60).clamp(1, 5);
    let first = plan.finish_offset / 3;
    let dates: Vec<NaiveDate> = (0..=PACKS as i64)
        .map(|week| checked.timeline().date_of(first + week * step))
        .collect::<Option<_>>()
        .ok_or("a status date beyond the calendar")?;
    drop(checked);
    let baseline = capture("b1", "Plan", start, &program, &plan);
    let mut doc = Document::new(program);
    doc.baselines.push(baseline);
    doc.active_baseline = Some("b1".into());

    let mut last = None;
    for (week, &on) in dates.iter().enumerate() {
        let program = &doc.program;
        let mut action = progress(program, on, week, &mut rng)?;
        action.extend(log_edits(program, week, &dates));
        let words = format!(
            "- Week {week}: {} tasks done\n- Slips on three tasks, absorbed where float allows",
            program.tasks.iter().filter(|t| is_done(t)).count()
        );
        action.push(set_narrative(program, "highlights", &words).map_err(failed("narrative"))?);
        apply(&mut doc.program, action)?;
        if week % 4 == 2 {
            // The author reports Green for the week, saying why.
            let computed = draft_of(&doc, on)?.0.pack.computed(Dimension::Overall);
            let edit = override_rating(
                &doc.program,
                Dimension::Overall,
                Some(Rag::Green),
                computed,
                "Recovery plan agreed with the vendor; dates held by the steering group",
                on,
            )
            .map_err(failed("override"))?;
            apply(&mut doc.program, vec![edit])?;
        }
        let (drafted, forecast) = draft_of(&doc, on)?;
        if week < PACKS {
            let edits = issue(&doc.program, drafted.pack).map_err(failed("issue"))?;
            apply(&mut doc.program, edits)?;
        }
        last = Some((forecast, on));
    }
    let (forecast, today) = last.ok_or("no week")?;
    Ok(Packed {
        doc,
        forecast,
        today,
        deadlines,
    })
}

/// Makes one action as the app does (checked, else refused), its undo not kept: each
/// status edit's undo holds the whole status book, twenty packs of facts, and the
/// benchmark's memory figure is the program's, not an undo history's.
fn apply(program: &mut Program, action: Vec<Edit>) -> Result<(), Failed> {
    History::default()
        .apply(program, action)
        .map_err(failed("an edit"))
}

/// The pack `doc`'s draft would issue on `on`, and the forecast it read.
fn draft_of(doc: &Document, on: NaiveDate) -> Result<(Drafted, Forecast), Failed> {
    let checked = engine::check(&doc.program).map_err(failed("check"))?;
    let schedule = engine::schedule_checked(&checked).map_err(failed("schedule"))?;
    let settings = Settings {
        iterations: FORECAST_ITERATIONS,
        seed: 1,
    };
    let forecast = forecast(&checked, &settings).map_err(failed("forecast"))?;
    let drafted = draft_pack(doc, &checked, &schedule, Some(&forecast), on);
    Ok((drafted, forecast))
}

fn shift(date: NaiveDate, days: i64) -> NaiveDate {
    let n = Days::new(days.unsigned_abs());
    let shifted = if days < 0 {
        date.checked_sub_days(n)
    } else {
        date.checked_add_days(n)
    };
    shifted.unwrap_or(date)
}

/// The week's progress on `on`: the status date moved there, every task scheduled to finish
/// before it done (but one in ten, a week late), and three unfinished tasks lengthened by
/// one to three days.
fn progress(
    program: &Program,
    on: NaiveDate,
    week: usize,
    rng: &mut SplitMix64,
) -> Result<Vec<Edit>, Failed> {
    let plan = engine::schedule(program).map_err(failed("progress"))?;
    let info = ProgramInfo {
        status_date: Some(on),
        ..program.program.clone()
    };
    let mut edits = vec![Edit::SetProgramInfo { info }];
    let mut changed: Vec<(usize, Task)> = Vec::new();
    for (i, (task, times)) in program.tasks.iter().zip(&plan.tasks).enumerate() {
        if !is_done(task) && times.finish < on && !(i + week).is_multiple_of(10) {
            let done = Task {
                percent_complete: 100.0,
                ..task.clone()
            };
            changed.push((i, done));
        }
    }
    let count = program.tasks.len() as u64;
    for _ in 0..3 {
        let i = rng.below(count) as usize;
        let Some(task) = program.tasks.get(i) else {
            continue;
        };
        if is_done(task) || task.is_milestone() || changed.iter().any(|(j, _)| *j == i) {
            continue;
        }
        let longer = Task {
            duration: task.duration + 1 + rng.below(3) as i64,
            ..task.clone()
        };
        changed.push((i, longer));
    }
    edits.extend(
        changed
            .into_iter()
            .map(|(index, task)| Edit::ReplaceTask { index, task }),
    );
    Ok(edits)
}

/// The logs and checklists as they stand in `week`, as the edits that make them so.
fn log_edits(program: &Program, week: usize, dates: &[NaiveDate]) -> Vec<Edit> {
    let logs = Week {
        program,
        week,
        dates,
    };
    let mut edits = Vec::new();
    for (index, risk) in logs.risks().into_iter().enumerate() {
        match program.risks.get(index) {
            None => edits.push(Edit::InsertRisk { index, risk }),
            Some(old) if *old != risk => edits.push(Edit::ReplaceRisk { index, risk }),
            Some(_) => {}
        }
    }
    let new = logs.logs();
    if new != program.logs {
        edits.push(Edit::SetLogs { logs: new });
    }
    let readiness = logs.readiness();
    if readiness != program.readiness {
        edits.push(Edit::SetReadiness { readiness });
    }
    edits
}

/// The logs of one week.
struct Week<'a> {
    program: &'a Program,
    week: usize,
    dates: &'a [NaiveDate],
}

impl Week<'_> {
    /// Item `i` of log `n`'s items: the week it is raised, if it is by now.
    fn raised(&self, i: usize, n: usize) -> Option<usize> {
        let week = i * PACKS / n;
        (week <= self.week).then_some(week)
    }

    /// The status date of `week`, `back` days earlier.
    fn date(&self, week: usize, back: usize) -> NaiveDate {
        let on = self.dates[week.min(self.dates.len() - 1)];
        shift(on, -(back as i64))
    }

    /// Whether something `after` weeks from `raised` has happened by this week; its date.
    fn by(&self, raised: usize, after: usize) -> Option<NaiveDate> {
        (self.week >= raised + after).then(|| self.date(raised + after, 1))
    }

    /// A task's id, spread over the program.
    fn task(&self, i: usize) -> String {
        let n = self.program.tasks.len().max(1);
        let task = self.program.tasks.get((i * 7_919 + 13) % n);
        task.map(|t| t.id.clone()).unwrap_or_default()
    }

    fn risks(&self) -> Vec<Risk> {
        let n = LOGS[0].1;
        (0..n)
            .filter_map(|i| {
                let raised = self.raised(i, n)?;
                let on = self.date(raised, i % 3);
                Some(Risk {
                    id: format!("R{}", i + 1),
                    title: format!("Supplier capacity for workstream {}", i % 6),
                    probability: [0.1, 0.3, 0.5, 0.7, 0.9][i % 5],
                    impact: Impact {
                        min: 1,
                        max: 2 + (i % 8) as i64,
                    },
                    tasks: vec![self.task(i)],
                    owner: format!("Owner {}", i % 7),
                    raised: Some(on),
                    severity: Some(1 + (i * 3 % 5) as u8),
                    response: Some(Response::Mitigate),
                    actions: vec![Action {
                        text: "Second supplier qualified".into(),
                        owner: format!("Owner {}", i % 7),
                        due: Some(shift(on, 10)),
                        done: i % 2 == 0 && self.week >= raised + 2,
                    }],
                    status: if i % 3 == 0 && self.by(raised, 4).is_some() {
                        RiskStatus::Closed
                    } else {
                        RiskStatus::Open
                    },
                    ..Risk::default()
                })
            })
            .collect()
    }

    fn logs(&self) -> Logs {
        Logs {
            issues: self.issues(),
            dependencies: self.dependencies(),
            decisions: self.decisions(),
            changes: self.changes(),
            ..self.program.logs.clone()
        }
    }

    fn issues(&self) -> Vec<Issue> {
        let n = LOGS[1].1;
        let severities = [
            IssueSeverity::Low,
            IssueSeverity::Medium,
            IssueSeverity::High,
            IssueSeverity::Critical,
        ];
        (0..n)
            .filter_map(|i| {
                let raised = self.raised(i, n)?;
                let on = self.date(raised, i % 4);
                let resolved = self.by(raised, 2).filter(|_| i % 2 == 0);
                Some(Issue {
                    id: format!("I{}", i + 1),
                    title: format!("Test environment {} unavailable", i % 9),
                    severity: severities[i % 4],
                    owner: format!("Lead {}", i % 5),
                    opened: Some(on),
                    due: Some(shift(on, 14)),
                    resolved,
                    status: if resolved.is_some() {
                        IssueStatus::Resolved
                    } else {
                        IssueStatus::Open
                    },
                    tasks: vec![self.task(i + 500)],
                    ..Issue::default()
                })
            })
            .collect()
    }

    fn decisions(&self) -> Vec<Decision> {
        let n = LOGS[2].1;
        (0..n)
            .filter_map(|i| {
                let raised = self.raised(i, n)?;
                let on = self.date(raised, i % 2);
                let decided = self.by(raised, 3).filter(|_| i % 2 == 0);
                Some(Decision {
                    id: format!("DEC{}", i + 1),
                    title: format!("Release train for region {}", i % 4),
                    driver: "Program manager".into(),
                    approver: "Sponsor".into(),
                    raised: Some(on),
                    needed_by: Some(shift(on, 10)),
                    decided,
                    decision: decided.map_or_else(String::new, |_| "Go with option A".into()),
                    status: if decided.is_some() {
                        DecisionStatus::Decided
                    } else {
                        DecisionStatus::Open
                    },
                    links: DecisionLinks {
                        tasks: vec![self.task(i + 900)],
                        ..DecisionLinks::default()
                    },
                    ..Decision::default()
                })
            })
            .collect()
    }

    fn dependencies(&self) -> Vec<Commitment> {
        let n = LOGS[3].1;
        (0..n)
            .filter_map(|i| {
                let raised = self.raised(i, n)?;
                let on = self.date(raised, 0);
                let delivered = self.by(raised, 5).filter(|_| i % 3 == 0);
                let status = match (delivered, i % 5) {
                    (Some(_), _) => CommitmentStatus::Delivered,
                    (None, 1) => CommitmentStatus::AtRisk,
                    (None, 2) => CommitmentStatus::Requested,
                    _ => CommitmentStatus::Committed,
                };
                Some(Commitment {
                    id: format!("D{}", i + 1),
                    title: format!("API v{} from workstream {}", i % 3 + 1, i % 6),
                    provider: format!("ws{}", i % 6),
                    consumer: format!("ws{}", (i + 1) % 6),
                    owner: format!("Lead {}", i % 5),
                    need_by: Some(shift(on, 30)),
                    committed: Some(shift(on, 25 + (i % 10) as i64)),
                    status,
                    opened: Some(on),
                    delivered,
                    task: Some(self.task(i + 1_300)),
                    for_task: Some(self.task(i + 1_700)),
                })
            })
            .collect()
    }

    fn changes(&self) -> Vec<ChangeRequest> {
        let n = LOGS[4].1;
        (0..n)
            .filter_map(|i| {
                let raised = self.raised(i, n)?;
                let decided = self.by(raised, 2).filter(|_| i % 2 == 0 || i % 5 == 1);
                let (decision, status) = match decided {
                    Some(_) if i % 2 == 0 => (ChangeDecision::Approved, ChangeStatus::Implemented),
                    Some(_) => (ChangeDecision::Rejected, ChangeStatus::Closed),
                    None => (ChangeDecision::Pending, ChangeStatus::Open),
                };
                Some(ChangeRequest {
                    id: format!("CR{}", i + 1),
                    title: format!("Add reporting feature {}", i + 1),
                    requested_by: "Customer board".into(),
                    requested: Some(self.date(raised, 2)),
                    approver: "Sponsor".into(),
                    decision,
                    decided,
                    status,
                    ..ChangeRequest::default()
                })
            })
            .collect()
    }

    /// A checklist of ten items for each of the first milestones with a deadline, met one a
    /// fortnight.
    fn readiness(&self) -> Readiness {
        let checklists = self
            .program
            .tasks
            .iter()
            .filter(|t| t.is_milestone() && t.deadline.is_some())
            .take(CHECKLISTS)
            .map(|t| Checklist {
                milestone: t.id.clone(),
                template: "Release".into(),
                items: (0..CHECKLIST_ITEMS)
                    .map(|j| Item {
                        id: format!("RC{}", j + 1),
                        title: format!("Readiness item {}", j + 1),
                        owner: format!("Lead {}", j % 5),
                        due_before: Some((CHECKLIST_ITEMS - j) as i64),
                        status: if j < self.week / 2 {
                            ItemStatus::Met
                        } else if j == self.week / 2 {
                            ItemStatus::InProgress
                        } else {
                            ItemStatus::NotStarted
                        },
                        ..Item::default()
                    })
                    .collect(),
            })
            .collect();
        Readiness {
            checklists,
            ..self.program.readiness.clone()
        }
    }
}
