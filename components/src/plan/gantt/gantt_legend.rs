//! `GanttLegend`: what the Gantt chart's marks mean, with the program's critical-path rule
//! in words ("Critical: total float ≤ 0d" or "Critical: longest path").

use leptos::prelude::*;

/// One line of small samples and their meaning.
#[component]
pub fn GanttLegend(
    /// The critical-path rule in words.
    #[prop(into)]
    critical_rule: Signal<String>,
) -> impl IntoView {
    view! {
        <ul class="gantt-legend" aria-label="Chart legend">
            <li data-role="legend-critical">
                <svg class="legend-mark" viewBox="0 0 24 12" aria-hidden="true">
                    <rect class="legend-critical" x="1" y="2" width="22" height="8" rx="2" />
                </svg>
                {move || critical_rule.get()}
            </li>
            <li>
                <svg class="legend-mark" viewBox="0 0 24 12" aria-hidden="true">
                    <path class="legend-float" d="M1,6H23" />
                </svg>
                "Float"
            </li>
            <li>
                <svg class="legend-mark" viewBox="0 0 24 12" aria-hidden="true">
                    <path class="legend-milestone" d="M12,1L17,6L12,11L7,6Z" />
                </svg>
                "Milestone"
            </li>
            <li>
                <svg class="legend-mark" viewBox="0 0 24 12" aria-hidden="true">
                    <path class="legend-deadline" d="M12,1V11M8,1H16" />
                </svg>
                "Deadline"
            </li>
            <li>
                <svg class="legend-mark" viewBox="0 0 24 12" aria-hidden="true">
                    <rect class="legend-holiday" x="8" y="0" width="8" height="12" />
                </svg>
                "Holiday"
            </li>
        </ul>
    }
}
