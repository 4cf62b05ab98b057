//! Diagnostics: every problem found in a program, with a stable code and the ids involved.
//!
//! The engine reports problems as data instead of failing on the first one: validation
//! collects every error at once, and a schedule carries warnings. Codes are stable (tests,
//! files and users may refer to them); the message is for people.

use serde::Serialize;
use std::fmt;

/// Whether a problem stops scheduling.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The program cannot be scheduled until it is fixed.
    Error,
    /// The schedule was computed, but something deserves attention.
    Warning,
}

macro_rules! codes {
    ($($variant:ident = $code:literal, $severity:ident, $slug:literal;)*) => {
        /// The stable identity of a kind of problem.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum Code { $($variant,)* }

        impl Code {
            /// How many codes there are.
            const COUNT: usize = [$(Code::$variant,)*].len();

            /// The stable code, e.g. `"E009"`.
            pub fn as_str(self) -> &'static str {
                match self { $(Code::$variant => $code,)* }
            }
            /// A short name, e.g. `"dependency-cycle"`.
            pub fn slug(self) -> &'static str {
                match self { $(Code::$variant => $slug,)* }
            }
            /// Whether it stops scheduling.
            pub fn severity(self) -> Severity {
                match self { $(Code::$variant => Severity::$severity,)* }
            }
        }
    };
}

codes! {
    DuplicateTaskId = "E001", Error, "duplicate-task-id";
    DuplicateWorkstreamId = "E002", Error, "duplicate-workstream-id";
    UnknownWorkstream = "E003", Error, "unknown-workstream";
    UnknownTask = "E004", Error, "unknown-task";
    SelfLink = "E005", Error, "self-link";
    NegativeDuration = "E006", Error, "negative-duration";
    NoWorkingDay = "E007", Error, "calendar-without-working-day";
    ConstraintWithoutDate = "E008", Error, "constraint-without-date";
    DependencyCycle = "E009", Error, "dependency-cycle";
    MilestoneWithDuration = "E010", Error, "milestone-with-duration";
    EmptyId = "E011", Error, "empty-id";
    PercentOutOfRange = "E012", Error, "percent-complete-out-of-range";
    FinishBeforeStart = "E013", Error, "actual-finish-before-actual-start";
    DuplicateLink = "E014", Error, "duplicate-dependency";
    ValueOutOfRange = "E015", Error, "value-out-of-range";
    DateOutOfRange = "E016", Error, "date-out-of-range";
    ScheduleOutOfRange = "E017", Error, "schedule-beyond-supported-dates";
    InvalidEstimate = "E018", Error, "invalid-estimate";
    InvalidRisk = "E019", Error, "invalid-risk";
    DuplicateRiskId = "E020", Error, "duplicate-risk-id";
    InvalidForecastSettings = "E021", Error, "invalid-forecast-settings";
    InvalidEdit = "E022", Error, "invalid-edit";
    InvalidCriticalPath = "E023", Error, "invalid-critical-path-rule";
    InvalidColor = "E024", Error, "invalid-color";
    TextTooLong = "E025", Error, "text-too-long";
    UnknownParent = "E026", Error, "unknown-parent";
    OutlineCycle = "E027", Error, "outline-cycle";
    SummaryOwnValue = "E028", Error, "summary-with-own-values";
    SummaryLink = "E029", Error, "summary-link-not-supported";
    DuplicateResourceId = "E030", Error, "duplicate-resource-id";
    UnknownResource = "E031", Error, "unknown-resource";
    InvalidResource = "E032", Error, "invalid-resource";
    InvalidDemand = "E033", Error, "invalid-demand";
    DuplicateLogId = "E034", Error, "duplicate-log-id";
    UnknownLogReference = "E035", Error, "unknown-log-reference";
    LogDatesOutOfOrder = "E036", Error, "log-dates-out-of-order";
    LogProbabilityOutOfRange = "E037", Error, "log-probability-out-of-range";
    SeverityOutOfRange = "E038", Error, "severity-out-of-range";
    EmptyLogTitle = "E039", Error, "empty-log-title";
    InvalidBenefit = "E040", Error, "invalid-benefit";
    InvalidLogValue = "E041", Error, "invalid-log-value";
    UnknownMilestone = "E042", Error, "unknown-readiness-milestone";
    DuplicateReadinessId = "E043", Error, "duplicate-readiness-id";
    WaiverWithoutApproval = "E044", Error, "waiver-without-approver-or-reason";
    ConditionalGoWithoutRisk = "E045", Error, "conditional-go-without-risk-acceptance";
    UnknownAcceptedRisk = "E046", Error, "unknown-accepted-risk";
    NoGoWithoutReview = "E047", Error, "no-go-without-next-review";
    GoWithUnmetGates = "E048", Error, "go-with-unmet-hard-gates";
    UnknownStep = "E049", Error, "unknown-runbook-step";
    StepCycle = "E050", Error, "runbook-step-cycle";
    InvalidStepDuration = "E051", Error, "runbook-duration-not-positive";
    StepFinishBeforeStart = "E052", Error, "runbook-actual-finish-before-start";
    OverrideWithoutReason = "E053", Error, "status-override-without-reason";
    DuplicatePackId = "E054", Error, "duplicate-status-pack-id";
    InvalidStatusRule = "E055", Error, "invalid-status-rule";
    InvalidInterval = "E056", Error, "invalid-board-interval";
    UnknownObjectiveTeam = "E057", Error, "unknown-objective-team";
    DuplicateObjectiveId = "E058", Error, "duplicate-objective-id";
    InvalidBusinessValue = "E059", Error, "invalid-business-value";
    UnknownObjectiveCard = "E060", Error, "unknown-objective-card";
    ConstraintNotMet = "W101", Warning, "constraint-not-met";
    DeadlineMissed = "W102", Warning, "deadline-missed";
    TeamDayNotProgramDay = "W103", Warning, "team-works-on-a-program-non-working-day";
    ActualAfterStatusDate = "W104", Warning, "actual-date-after-status-date";
}

impl Serialize for Code {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

/// One problem: what, where (`path` into the program file) and who (the ids involved).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    pub code: Code,
    pub severity: Severity,
    /// Where in the program, e.g. `tasks[3].duration` or `dependencies[7]`.
    pub path: String,
    /// The ids of the tasks, workstreams or links involved, in a meaningful order
    /// (for a cycle: the tasks of the cycle in order).
    pub ids: Vec<String>,
    pub message: String,
}

impl Diagnostic {
    pub fn new(
        code: Code,
        path: impl Into<String>,
        ids: Vec<String>,
        message: impl Into<String>,
    ) -> Self {
        Diagnostic {
            code,
            severity: code.severity(),
            path: path.into(),
            ids,
            message: message.into(),
        }
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let level = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        write!(
            f,
            "{level}[{}] {}: {} ({})",
            self.code.as_str(),
            self.path,
            self.message,
            self.code.slug()
        )
    }
}

/// Diagnostics returned when a program cannot be scheduled: at least one is an error.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct Diagnostics(pub Vec<Diagnostic>);

impl Diagnostics {
    /// The diagnostics with a given code.
    pub fn with_code(&self, code: Code) -> impl Iterator<Item = &Diagnostic> {
        self.0.iter().filter(move |d| d.code == code)
    }
}

impl fmt::Display for Diagnostics {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for diagnostic in &self.0 {
            writeln!(f, "{diagnostic}")?;
        }
        Ok(())
    }
}

impl std::error::Error for Diagnostics {}

/// At most this many diagnostics of one code are listed.
pub const LISTED_PER_CODE: usize = 50;

/// Diagnostics as they are found: at most [`LISTED_PER_CODE`] of each code kept, the rest
/// only counted, so a program with a million problems costs a million counts, not a
/// million messages.
#[derive(Clone, Debug)]
pub(crate) struct Collector {
    listed: Vec<Diagnostic>,
    /// Per code: how many were found, and the path of the first left out.
    found: [(usize, Option<String>); Code::COUNT],
}

impl Default for Collector {
    fn default() -> Self {
        Collector {
            listed: Vec::new(),
            found: std::array::from_fn(|_| (0, None)),
        }
    }
}

impl Collector {
    pub fn push(&mut self, diagnostic: Diagnostic) {
        let (count, first_left_out) = &mut self.found[diagnostic.code as usize];
        *count += 1;
        if *count <= LISTED_PER_CODE {
            self.listed.push(diagnostic);
        } else if first_left_out.is_none() {
            *first_left_out = Some(diagnostic.path);
        }
    }

    pub fn is_empty(&self) -> bool {
        self.listed.is_empty()
    }

    /// The diagnostics listed, in the order found, then one per code with some left out,
    /// saying how many.
    pub fn finish(mut self) -> Vec<Diagnostic> {
        let codes: Vec<Code> = self.listed.iter().map(|d| d.code).collect();
        let mut summarised = [false; Code::COUNT];
        for code in codes {
            let (count, first_left_out) = &mut self.found[code as usize];
            if let Some(path) = first_left_out.take()
                && !std::mem::replace(&mut summarised[code as usize], true)
            {
                let more = *count - LISTED_PER_CODE;
                self.listed.push(Diagnostic::new(
                    code,
                    path,
                    vec![],
                    format!(
                        "… and {} more like this ({} in all; the first {LISTED_PER_CODE} are listed)",
                        crate::words::thousands(more),
                        crate::words::thousands(*count)
                    ),
                ));
            }
        }
        self.listed
    }
}

/// `diagnostics` with at most [`LISTED_PER_CODE`] of each code, the rest summarised.
pub(crate) fn capped(diagnostics: impl IntoIterator<Item = Diagnostic>) -> Vec<Diagnostic> {
    let mut collector = Collector::default();
    for diagnostic in diagnostics {
        collector.push(diagnostic);
    }
    collector.finish()
}
