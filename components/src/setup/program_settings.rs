//! `ProgramSettings`: the Setup tab's section for the program itself: its start, status
//! date, committed finish and critical-path rule (the name is edited in the program's head).

use leptos::prelude::*;

use super::{Answer, CriticalPathRule, SetupField};

/// The program's settings as the fields show them (dates `YYYY-MM-DD`, "" for none).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SettingsSummary {
    pub start: String,
    pub status_date: String,
    pub finish_by: String,
    pub longest_path: bool,
    /// N of "critical when total float ≤ N working days" ("0" under the longest path).
    pub float_days: String,
}

/// The callbacks of the program's settings: each gets the text as typed (an empty one
/// clears an optional date) and answers `Err(reason)` to refuse.
#[derive(Clone, Copy)]
pub struct ProgramSettingsActions {
    pub start: Callback<String, Answer>,
    pub status_date: Callback<String, Answer>,
    pub finish_by: Callback<String, Answer>,
    /// `Some(days)`: total float ≤ days; `None`: the longest path.
    pub critical_path: Callback<Option<String>, Answer>,
}

/// The program's settings section.
#[component]
pub fn ProgramSettings(
    #[prop(into)] settings: Signal<SettingsSummary>,
    actions: ProgramSettingsActions,
) -> impl IntoView {
    let field = move |get: fn(&SettingsSummary) -> &String| {
        Signal::derive(move || settings.with(|s| get(s).clone()))
    };
    view! {
        <section class="setup-section" aria-labelledby="setup-program-title" data-section="program">
            <h2 id="setup-program-title" class="section-title">"Program"</h2>
            <div class="setup-fields">
                <SetupField label="Start" field="start" kind="date" value=field(|s| &s.start) on_commit=actions.start />
                <SetupField
                    label="Status date"
                    field="status-date"
                    kind="date"
                    clearable=true
                    value=field(|s| &s.status_date)
                    on_commit=actions.status_date
                />
                <SetupField
                    label="Finish by"
                    field="finish-by"
                    kind="date"
                    clearable=true
                    value=field(|s| &s.finish_by)
                    on_commit=actions.finish_by
                />
            </div>
            <p class="section-hint">
                "Work before the status date is history; unfinished work is scheduled after it. Finish by is the committed finish: float is measured against it."
            </p>
            <CriticalPathRule
                longest_path=Signal::derive(move || settings.with(|s| s.longest_path))
                float_days=field(|s| &s.float_days)
                on_rule=actions.critical_path
            />
        </section>
    }
}
