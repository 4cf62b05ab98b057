//! The computed RAG: each dimension rated by its rule ([`Rules`]) from the program on the
//! status date, with the rule in words and the items behind the rating.
//!
//! Every rule is a pure function of [`Inputs`] and its thresholds, and names what made it
//! so. The overall rating is the worst rated dimension; a dimension with nothing to rate
//! (no committed milestone, no baseline, no log) is `None` and says why.
//!
//! Cost: one pass over tasks, log items and checklists each, O(n + m).

use super::facts::{Inputs, is_done};
use super::model::{
    Assessment, DecisionRule, DependencyRule, Dimension, MilestoneStatus, Rag, Rated,
    ReadinessRule, RiskRule, Rules, ScheduleRule, ScopeRule,
};
use crate::logs::figures::{
    Rating, commitment_age, commitment_status, decision_overdue, risk_overdue, risk_score,
    working_days,
};
use crate::logs::model::{ChangeDecision, CommitmentStatus, DecisionStatus, RiskStatus};
use crate::readiness::figures::{milestone_date, overdue_items, readiness};
use chrono::NaiveDate;

/// Every dimension rated, the milestones against their commitments, and the overall rating.
pub fn assess(inputs: &Inputs<'_>, rules: &Rules) -> Assessment {
    let milestones = milestone_statuses(inputs, &rules.schedule);
    let dimensions = vec![
        schedule(&milestones, &rules.schedule),
        risk(inputs, &rules.risk),
        dependencies(inputs, &rules.dependencies),
        decisions(inputs, &rules.decisions),
        readiness_of(inputs, &rules.readiness),
        scope(inputs, &rules.scope),
    ];
    // The worst rating; of equals, the first in the pack's order.
    let worst = dimensions
        .iter()
        .enumerate()
        .filter_map(|(i, d)| d.rag.map(|rag| (rag, std::cmp::Reverse(i), d)))
        .max_by_key(|(rag, i, _)| (*rag, *i))
        .map(|(rag, _, d)| (rag, d));
    Assessment {
        overall: worst.map(|(rag, _)| rag),
        why: worst.map_or_else(
            || "nothing could be rated yet".into(),
            |(_, d)| format!("{}: {}", d.dimension.name(), d.why),
        ),
        dimensions,
        milestones,
        health: Vec::new(),
    }
}

/// Threshold bands: the worst band whose test holds.
fn band(red: bool, amber: bool) -> Rag {
    match (red, amber) {
        (true, _) => Rag::Red,
        (false, true) => Rag::Amber,
        _ => Rag::Green,
    }
}

// ---------------------------------------------------------------------------------------
// Schedule

/// A milestone `late` working days late, with `remaining` working days left until its
/// committed date on the status date:
/// Green up to `green_days`; Amber up to `amber_days` or `amber_percent_of_remaining` % of
/// `remaining` (rounded up), whichever allows more; Red beyond.
///
/// ```
/// use engine::status::model::{Rag, ScheduleRule};
/// use engine::status::rag::schedule_rag;
/// let rule = ScheduleRule::default(); // 0 days; 5 days or 10 % of what remains
/// assert_eq!(schedule_rag(0, 30, &rule), Rag::Green);
/// assert_eq!(schedule_rag(5, 30, &rule), Rag::Amber);
/// assert_eq!(schedule_rag(6, 30, &rule), Rag::Red);
/// assert_eq!(schedule_rag(8, 80, &rule), Rag::Amber); // 10 % of 80 days allows 8
/// ```
pub fn schedule_rag(late: i64, remaining: i64, rule: &ScheduleRule) -> Rag {
    let share = (remaining.max(0) as f64 * rule.amber_percent_of_remaining / 100.0).ceil();
    let amber = rule.amber_days.max(share as i64);
    band(late > amber, late > rule.green_days)
}

/// Each milestone that has a committed date (its deadline, else its baseline finish), and
/// the program finish against `finish_by`, rated by the schedule rule.
pub fn milestone_statuses(inputs: &Inputs<'_>, rule: &ScheduleRule) -> Vec<MilestoneStatus> {
    let program = inputs.program;
    let baseline = inputs.baseline_finishes();
    let mut rows: Vec<MilestoneStatus> = program
        .tasks
        .iter()
        .zip(&inputs.schedule.tasks)
        .filter(|(t, _)| t.milestone && !t.summary)
        .filter_map(|(task, scheduled)| {
            let (committed, by) = inputs.committed(task, &baseline)?;
            let forecast = task.actual_finish.unwrap_or(scheduled.finish);
            let outcome = inputs.outcome(&task.id);
            Some(row(
                inputs,
                rule,
                (&task.id, &task.name),
                (committed, by),
                forecast,
                is_done(task),
                outcome,
            ))
        })
        .collect();
    if let Some(finish_by) = program.program.finish_by
        && !program.tasks.is_empty()
    {
        let outcome = inputs.forecast.map(|f| &f.finish);
        let all_done = program.tasks.iter().all(is_done);
        rows.push(row(
            inputs,
            rule,
            ("finish", "Program finish"),
            (finish_by, "finish_by"),
            inputs.schedule.finish,
            all_done,
            outcome,
        ));
    }
    rows
}

fn row(
    inputs: &Inputs<'_>,
    rule: &ScheduleRule,
    (id, name): (&str, &str),
    (committed, committed_by): (NaiveDate, &str),
    forecast: NaiveDate,
    done: bool,
    outcome: Option<&crate::forecast::Outcome>,
) -> MilestoneStatus {
    let program = inputs.program;
    let late_days = working_days(program, committed, forecast);
    let early_days = working_days(program, forecast, committed);
    let remaining = working_days(program, inputs.status_date, committed);
    MilestoneStatus {
        id: id.into(),
        name: name.into(),
        committed,
        committed_by: committed_by.into(),
        forecast,
        late_days,
        early_days,
        p50: outcome.map(|o| o.p50),
        p80: outcome.map(|o| o.p80),
        confidence: outcome.and_then(|o| {
            // The confidence is the forecast's only when it measured this commitment.
            (o.committed == Some(committed)).then_some(o.probability_on_time)?
        }),
        done,
        rag: schedule_rag(late_days, remaining, rule),
    }
}

fn schedule(milestones: &[MilestoneStatus], rule: &ScheduleRule) -> Rated {
    let rule_text = format!(
        "Green ≤ {} working days late; Amber ≤ {} days or ≤ {} % of the working days left; Red beyond",
        rule.green_days,
        rule.amber_days,
        trim(rule.amber_percent_of_remaining)
    );
    let open: Vec<&MilestoneStatus> = milestones.iter().filter(|m| !m.done).collect();
    let Some(worst) = open.iter().max_by_key(|m| (m.rag, m.late_days)) else {
        return unrated(
            Dimension::Schedule,
            rule_text,
            "no open milestone has a deadline or a baseline date",
        );
    };
    let findings = open
        .iter()
        .filter(|m| m.rag != Rag::Green)
        .map(|m| {
            format!(
                "{} {} — {} working days late ({} against {})",
                m.id, m.name, m.late_days, m.forecast, m.committed
            )
        })
        .collect();
    let why = if worst.late_days == 0 {
        format!("{} open milestones on or ahead of their dates", open.len())
    } else {
        format!(
            "{} {} forecast {} working days late",
            worst.id, worst.name, worst.late_days
        )
    };
    rated(Dimension::Schedule, worst.rag, why, rule_text, findings)
}

// ---------------------------------------------------------------------------------------
// Risk

fn risk(inputs: &Inputs<'_>, rule: &RiskRule) -> Rated {
    let rule_text = format!(
        "Amber from {} open high risk(s) or {} with an overdue mitigation; Red from {} or {}",
        rule.amber_high, rule.amber_overdue, rule.red_high, rule.red_overdue
    );
    let open: Vec<_> = inputs
        .program
        .risks
        .iter()
        .filter(|r| r.status == RiskStatus::Open)
        .collect();
    if inputs.program.risks.is_empty() {
        return unrated(Dimension::Risk, rule_text, "the program has no risks");
    }
    let high: Vec<_> = open
        .iter()
        .filter(|r| risk_score(r).is_some_and(|s| s.rating == Rating::High))
        .collect();
    let overdue: Vec<_> = open
        .iter()
        .filter(|r| risk_overdue(r, inputs.status_date))
        .collect();
    let rag = band(
        high.len() >= rule.red_high || overdue.len() >= rule.red_overdue,
        high.len() >= rule.amber_high || overdue.len() >= rule.amber_overdue,
    );
    let mut findings: Vec<String> = high
        .iter()
        .map(|r| {
            let score = risk_score(r).map_or(0, |s| s.score);
            format!("{} {} — high, score {score}", r.id, r.title)
        })
        .collect();
    findings.extend(
        overdue
            .iter()
            .map(|r| format!("{} {} — a mitigation action is overdue", r.id, r.title)),
    );
    let why = format!(
        "{} open high risk(s), {} with an overdue mitigation",
        high.len(),
        overdue.len()
    );
    rated(Dimension::Risk, rag, why, rule_text, findings)
}

// ---------------------------------------------------------------------------------------
// Dependencies

fn dependencies(inputs: &Inputs<'_>, rule: &DependencyRule) -> Rated {
    let rule_text = format!(
        "Amber from {} at risk or the oldest open older than {} working days; Red from {} at risk or {} missed",
        rule.amber_at_risk, rule.amber_oldest_days, rule.red_at_risk, rule.red_missed
    );
    let program = inputs.program;
    if program.logs.dependencies.is_empty() {
        return unrated(
            Dimension::Dependencies,
            rule_text,
            "the program logs no cross-team dependency",
        );
    }
    let (mut at_risk, mut missed, mut oldest) = (0, 0, None::<(i64, &str)>);
    let mut findings = Vec::new();
    for item in &program.logs.dependencies {
        let computed = commitment_status(program, Some(inputs.schedule), item, inputs.status_date);
        match computed.status {
            CommitmentStatus::AtRisk => at_risk += 1,
            CommitmentStatus::Missed => missed += 1,
            CommitmentStatus::Delivered => continue,
            _ => {}
        }
        if matches!(
            computed.status,
            CommitmentStatus::AtRisk | CommitmentStatus::Missed
        ) {
            findings.push(format!(
                "{} {} — {} ({})",
                item.id,
                item.title,
                computed.status.name(),
                computed.rule.describe()
            ));
        }
        if let Some(age) = commitment_age(program, item, inputs.status_date)
            && oldest.is_none_or(|(days, _)| age > days)
        {
            oldest = Some((age, item.id.as_str()));
        }
    }
    let too_old = oldest.is_some_and(|(days, _)| days > rule.amber_oldest_days);
    let rag = band(
        at_risk >= rule.red_at_risk || missed >= rule.red_missed,
        at_risk >= rule.amber_at_risk || too_old,
    );
    let mut why = format!("{at_risk} at risk, {missed} missed");
    if let Some((days, id)) = oldest {
        why.push_str(&format!(
            "; the oldest open, {id}, is {days} working days old"
        ));
    }
    rated(Dimension::Dependencies, rag, why, rule_text, findings)
}

// ---------------------------------------------------------------------------------------
// Decisions

fn decisions(inputs: &Inputs<'_>, rule: &DecisionRule) -> Rated {
    let rule_text = format!(
        "Amber from {} open past its needed-by date; Red from {} or one overdue by more than {} working days",
        rule.amber_overdue, rule.red_overdue, rule.red_days_overdue
    );
    let program = inputs.program;
    if program.logs.decisions.is_empty() {
        return unrated(
            Dimension::Decisions,
            rule_text,
            "the program logs no decision",
        );
    }
    let overdue: Vec<(i64, &crate::logs::model::Decision)> = program
        .logs
        .decisions
        .iter()
        .filter(|d| d.status == DecisionStatus::Open && decision_overdue(d, inputs.status_date))
        .map(|d| {
            let needed = d.needed_by.unwrap_or(inputs.status_date);
            (working_days(program, needed, inputs.status_date), d)
        })
        .collect();
    let longest = overdue.iter().map(|(days, _)| *days).max().unwrap_or(0);
    let rag = band(
        overdue.len() >= rule.red_overdue || longest > rule.red_days_overdue,
        overdue.len() >= rule.amber_overdue,
    );
    let findings = overdue
        .iter()
        .map(|(days, d)| format!("{} {} — {days} working days past needed-by", d.id, d.title))
        .collect();
    let why = format!(
        "{} open past needed-by, the longest by {longest} working days",
        overdue.len()
    );
    rated(Dimension::Decisions, rag, why, rule_text, findings)
}

// ---------------------------------------------------------------------------------------
// Readiness

fn readiness_of(inputs: &Inputs<'_>, rule: &ReadinessRule) -> Rated {
    let rule_text = format!(
        "Milestones due within {} working days: Amber from {} readiness item(s) overdue; Red when one due within {} days is under {} % ready",
        rule.window_days,
        rule.amber_overdue_items,
        rule.red_within_days,
        trim(rule.threshold_percent)
    );
    let program = inputs.program;
    let mut looked_at = 0;
    let (mut red, mut amber) = (false, false);
    let mut findings = Vec::new();
    for checklist in &program.readiness.checklists {
        let Some(date) = milestone_date(program, inputs.schedule, &checklist.milestone) else {
            continue;
        };
        let done = program
            .tasks
            .iter()
            .find(|t| t.id == checklist.milestone)
            .is_some_and(is_done);
        let days = working_days(program, inputs.status_date, date);
        if done || date < inputs.status_date || days > rule.window_days {
            continue;
        }
        looked_at += 1;
        let percent = readiness(checklist).percent().unwrap_or(100.0);
        let late = overdue_items(program, inputs.schedule, checklist, inputs.status_date).len();
        let under = days <= rule.red_within_days && percent < rule.threshold_percent;
        red |= under;
        amber |= late >= rule.amber_overdue_items;
        if under || late > 0 {
            findings.push(format!(
                "{} — {} % ready, {late} item(s) overdue, due in {days} working days",
                checklist.milestone,
                trim(percent.floor())
            ));
        }
    }
    if looked_at == 0 {
        return unrated(
            Dimension::Readiness,
            rule_text,
            "no milestone with a readiness checklist is due within the window",
        );
    }
    let why = if findings.is_empty() {
        format!("{looked_at} upcoming milestone(s) on track")
    } else {
        format!(
            "{} of {looked_at} upcoming milestone(s) behind",
            findings.len()
        )
    };
    rated(
        Dimension::Readiness,
        band(red, amber),
        why,
        rule_text,
        findings,
    )
}

// ---------------------------------------------------------------------------------------
// Scope

/// Tasks added since the baseline plus those removed, as a percentage of the baseline's.
///
/// ```
/// use engine::status::rag::scope_change_percent;
/// assert_eq!(scope_change_percent(40, 3, 1), Some(10.0));
/// assert_eq!(scope_change_percent(0, 3, 0), None);
/// ```
pub fn scope_change_percent(baseline_tasks: usize, added: usize, removed: usize) -> Option<f64> {
    (baseline_tasks > 0).then(|| (added + removed) as f64 * 100.0 / baseline_tasks as f64)
}

fn scope(inputs: &Inputs<'_>, rule: &ScopeRule) -> Rated {
    let rule_text = format!(
        "Tasks added or removed since the baseline: Green ≤ {} %, Amber ≤ {} %, Red beyond",
        trim(rule.green_percent),
        trim(rule.amber_percent)
    );
    let Some(baseline) = inputs.baseline else {
        return unrated(Dimension::Scope, rule_text, "no active baseline");
    };
    let (added, removed) = super::facts::scope_counts(inputs.program, baseline);
    let Some(percent) = scope_change_percent(baseline.tasks.len(), added, removed) else {
        return unrated(Dimension::Scope, rule_text, "the baseline holds no task");
    };
    let rag = band(percent > rule.amber_percent, percent > rule.green_percent);
    let approved: Vec<String> = inputs
        .program
        .logs
        .changes
        .iter()
        .filter(|c| {
            c.decision == ChangeDecision::Approved
                && c.decided.is_none_or(|d| d >= baseline.saved_on)
        })
        .map(|c| format!("{} {} — approved", c.id, c.title))
        .collect();
    let why = format!(
        "{} % of the baseline's tasks changed ({added} added, {removed} removed), {} change request(s) approved since {}",
        trim((percent * 10.0).round() / 10.0),
        approved.len(),
        baseline.saved_on
    );
    rated(Dimension::Scope, rag, why, rule_text, approved)
}

// ---------------------------------------------------------------------------------------

fn rated(
    dimension: Dimension,
    rag: Rag,
    why: String,
    rule: String,
    findings: Vec<String>,
) -> Rated {
    Rated {
        dimension,
        rag: Some(rag),
        why,
        rule,
        findings,
    }
}

fn unrated(dimension: Dimension, rule: String, why: &str) -> Rated {
    Rated {
        dimension,
        rag: None,
        why: why.into(),
        rule,
        findings: Vec::new(),
    }
}

/// A figure without a needless `.0`: `10`, `12.5`.
pub(crate) fn trim(value: f64) -> String {
    let text = format!("{value:.1}");
    text.strip_suffix(".0").map_or(text.clone(), str::to_string)
}
