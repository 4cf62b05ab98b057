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
