//! `GridCursor`: the plan grid's keyboard state as plain data — the active cell, the text
//! being typed, the text it replaces, a refusal, and the row a Shift-selection extends from —
//! and the rules that move it, open and close its editor and select rows. Everything the grid
//! decides that a test can check without a browser; `PlanGrid` only wires it to the DOM.
//!
//! Rows are counted in the model's display order, the empty row (`RowKey::New`) after the
//! last; columns are those shown, in order.
//!
//! Does not: commit anything or touch the DOM (the component does, and reports back).

use document::Column;
use document::plan_model::{PlanModel, PlanRow, RowKey};

/// A cell: a row and a column.
pub type Cell = (RowKey, Column);

/// The grid's cursor.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct GridCursor {
    pub active: Option<Cell>,
    /// The text being typed, while the active cell is being edited.
    pub draft: Option<String>,
    /// While typing replaces a cell's text: the text it had (the grid shows a cue).
    pub replacing: Option<String>,
    /// Why the last action on the active cell was refused.
    pub error: Option<String>,
    /// The row a Shift-selection extends from.
    pub anchor: Option<RowKey>,
}

impl GridCursor {
    /// Whether a cell is being edited.
    pub fn editing(&self) -> bool {
        self.draft.is_some()
    }

    /// Closes the editor (the typed text is dropped) and clears a refusal.
    pub fn close_editor(&mut self) {
        self.draft = None;
        self.replacing = None;
        self.error = None;
    }

    /// Makes `cell` the active one, closing the editor.
    pub fn set_active(&mut self, cell: Option<Cell>) {
        self.close_editor();
        self.active = cell;
    }

    /// Makes the cell of row `index` (at most the empty row) in `column` active; its key.
    pub fn go_to(&mut self, model: &PlanModel, index: usize, column: Column) -> RowKey {
        let key = key_at(model, index);
        self.set_active(Some((key.clone(), column)));
        key
    }

    /// The row index and column `rows` down and `cols` right of the active cell, held within
    /// the rows (the empty row last) and the shown columns.
    pub fn target(
        &self,
        model: &PlanModel,
        columns: &[Column],
        rows: i64,
        cols: i64,
    ) -> Option<(usize, Column)> {
        let (key, column) = self.active.as_ref()?;
        let at = columns.iter().position(|c| c == column).unwrap_or(0) as i64;
        let last = columns.len().saturating_sub(1) as i64;
        let next = columns
            .get((at + cols).clamp(0, last) as usize)
            .copied()
            .unwrap_or(*column);
        let index = (row_index(model, key) as i64 + rows).clamp(0, model.len() as i64);
        Some((index as usize, next))
    }

    /// Whether Tab (or, `backwards`, Shift+Tab) would leave the grid: the active cell is in
    /// the last (first) shown column, or there is none. The keyboard is never trapped.
    pub fn tab_leaves(&self, columns: &[Column], backwards: bool) -> bool {
        let Some((_, column)) = &self.active else {
            return true;
        };
        let edge = if backwards {
            columns.first()
        } else {
            columns.last()
        };
        edge.is_none_or(|edge| edge == column)
    }

    /// Opens the editor on the active cell: with `typed`, replacing its text (type to
    /// replace), else on its text. A cell that cannot be typed in gets the reason instead
    /// (not for a plain Enter on a workstream's row, which opens or closes it). On a task's
    /// row not built in `model` (scrolled far out of view) typing opens the editor on what
    /// was typed, but Enter opens nothing: its text is not at hand, and an editor on an
    /// empty text would replace it. Whether it opened.
    pub fn start_edit(&mut self, model: &PlanModel, typed: Option<String>) -> bool {
        let Some((key, column)) = self.active.clone() else {
            return false;
        };
        if let Some(reason) = not_editable(&key, column) {
            if typed.is_some() || key.group().is_none() {
                self.error = Some(reason.to_owned());
            }
            return false;
        }
        let current = match model.position(&key).map(|i| model.row(i)) {
            Some(Some(PlanRow::Task(t))) => Some(column.text(t).into_owned()),
            Some(None) if typed.is_none() => return false,
            _ => None,
        };
        self.error = None;
        match typed {
            Some(text) => {
                self.replacing = current.filter(|c| !c.is_empty());
                self.draft = Some(text);
            }
            None => self.draft = Some(current.unwrap_or_default()),
        }
        true
    }

    /// Where the cursor goes after a commit that moves by (`rows`, `cols`): a name typed in
    /// the empty row made task `created`, and Tab goes on along that task's row (as in Excel
    /// and MS Project) while Enter stays on the empty row, ready for the next name; any other
    /// commit moves as asked. The editor is closed.
    pub fn after_commit(
        &mut self,
        model: &PlanModel,
        columns: &[Column],
        created: Option<String>,
        rows: i64,
        cols: i64,
    ) -> Option<(usize, Column)> {
        self.close_editor();
        let from_new_row = self.active.as_ref().is_some_and(|(k, _)| *k == RowKey::New);
        match created {
            Some(id) if from_new_row && cols != 0 => {
                if let Some((_, column)) = &mut self.active {
                    let column = *column;
                    self.active = Some((RowKey::Task(id), column));
                }
                self.target(model, columns, 0, cols)
            }
            _ if from_new_row => self.target(model, columns, 0, cols),
            _ => self.target(model, columns, rows, cols),
        }
    }

    /// The task ids selected after row `key` is clicked or reached: with `toggle` (Ctrl),
    /// `selected` with that task added or taken out; with `extend` (Shift), every task from
    /// the anchor's row to it; else that task alone. The anchor follows.
    pub fn select(
        &mut self,
        model: &PlanModel,
        key: &RowKey,
        extend: bool,
        toggle: bool,
        selected: &[String],
    ) -> Vec<String> {
        if toggle {
            let mut ids = selected.to_vec();
            if let Some(id) = key.task() {
                match ids.iter().position(|i| i == id) {
                    Some(at) => {
                        ids.remove(at);
                    }
                    None => ids.push(id.to_owned()),
                }
            }
            self.anchor = Some(key.clone());
            return ids;
        }
        match self.anchor.clone().filter(|_| extend) {
            Some(from) => {
                let (a, b) = (row_index(model, &from), row_index(model, key));
                (a.min(b)..=a.max(b))
                    .filter_map(|i| model.key(i)?.task().map(str::to_owned))
                    .collect()
            }
            None => {
                self.anchor = Some(key.clone());
                key.task().map(str::to_owned).into_iter().collect()
            }
        }
    }
}

/// The key of row `index`, the empty row at and after the end.
pub fn key_at(model: &PlanModel, index: usize) -> RowKey {
    model.key(index).cloned().unwrap_or(RowKey::New)
}

/// The index of row `key` (the empty row's, for a key no longer shown).
pub fn row_index(model: &PlanModel, key: &RowKey) -> usize {
    model.position(key).unwrap_or(model.len())
}

/// The first task's row (the cursor's first place), else the empty row.
pub fn first_task_key(model: &PlanModel) -> RowKey {
    model
        .keys()
        .iter()
        .find(|k| k.task().is_some())
        .cloned()
        .unwrap_or(RowKey::New)
}

/// The task of row `key`, or for a workstream's row its last task shown (so that Insert
/// there adds to that workstream).
pub fn task_at_or_under(model: &PlanModel, key: &RowKey) -> Option<String> {
    if key.group().is_some() {
        let at = row_index(model, key);
        return model
            .keys()
            .get(at + 1..)?
            .iter()
            .map_while(|k| k.task().map(str::to_owned))
            .last();
    }
    key.task().map(str::to_owned)
}

/// Why `column` of row `key` cannot be typed in, or `None` if it can.
pub fn not_editable(key: &RowKey, column: Column) -> Option<&'static str> {
    match key {
        RowKey::New => (column != Column::Name)
            .then_some("Type the new task's name first, in the Task column."),
        RowKey::Group(_) => Some(
            "This is the workstream's summary row: its dates come from its tasks. Enter or a \
             click opens or closes it.",
        ),
        RowKey::Task(_) => column.computed_reason(),
    }
}

/// The left edge of `column` in em, if it is shown.
pub fn column_left(columns: &[Column], column: Column) -> Option<f64> {
    let at = columns.iter().position(|&c| c == column)?;
    Some(columns[..at].iter().map(|c| c.width_em()).sum())
}

/// How many of the first `columns` are frozen (a frozen column after one that is not would
/// slide over it, so only a leading run of them is).
pub fn frozen_count(columns: &[Column]) -> usize {
    columns.iter().take_while(|c| c.frozen()).count()
}

/// The left edge (em) of each column that is frozen, `None` for the others.
pub fn frozen_lefts(columns: &[Column]) -> Vec<Option<f64>> {
    let frozen = frozen_count(columns);
    let mut left = 0.0;
    columns
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let at = (i < frozen).then_some(left);
            left += c.width_em();
            at
        })
        .collect()
}

/// Rows a PageUp or PageDown moves in a pane `pane_px` high under a header of `header_px`:
/// a screenful less one row (so one row stays in view), at least one.
pub fn page_rows(pane_px: f64, header_px: f64, row_px: f64) -> i64 {
    (((pane_px - header_px) / row_px.max(1.0)).floor() as i64 - 1).max(1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use document::plan_model::{GroupRow, TaskRow};

    /// A task of `duration` working days ("5d").
    fn task(id: &str, duration: &str) -> PlanRow {
        PlanRow::Task(TaskRow {
            id: id.into(),
            name: format!("Task {id}"),
            duration: duration.trim_end_matches('d').parse().unwrap_or(0),
            ..TaskRow::default()
        })
    }

    fn group(id: &str) -> PlanRow {
        PlanRow::Group(GroupRow {
            workstream: id.into(),
            name: id.into(),
            collapsed: false,
            tasks: 2,
            shown: 2,
            start: String::new(),
            finish: String::new(),
            bar: None,
            color: String::new(),
        })
    }

    /// Rows: w (group), 1, 2, v (group), 3; then the empty row (index 5).
    fn model() -> PlanModel {
        PlanModel::of_rows(vec![
            group("w"),
            task("1", "5d"),
            task("2", "3d"),
            group("v"),
            task("3", "1d"),
        ])
    }

    const COLUMNS: [Column; 4] = [
        Column::Id,
        Column::Name,
        Column::Duration,
        Column::TotalFloat,
    ];

    fn at(key: RowKey, column: Column) -> GridCursor {
        GridCursor {
            active: Some((key, column)),
            ..GridCursor::default()
        }
    }

    #[test]
    fn moves_are_held_within_the_rows_and_columns() {
        let m = model();
        let c = at(RowKey::Task("1".into()), Column::Name);
        assert_eq!(c.target(&m, &COLUMNS, 1, 1), Some((2, Column::Duration)));
        assert_eq!(c.target(&m, &COLUMNS, -9, -9), Some((0, Column::Id)));
        // Down past the last task: the empty row, and no further.
        assert_eq!(
            c.target(&m, &COLUMNS, 99, 99),
            Some((5, Column::TotalFloat))
        );
        assert_eq!(key_at(&m, 5), RowKey::New);
        assert_eq!(key_at(&m, 99), RowKey::New);
        assert_eq!(GridCursor::default().target(&m, &COLUMNS, 1, 0), None);
        assert_eq!(first_task_key(&m), RowKey::Task("1".into()));
        assert_eq!(first_task_key(&PlanModel::default()), RowKey::New);
    }

    #[test]
    fn tab_after_a_new_name_goes_on_in_the_new_tasks_row() {
        let mut m = model();
        let mut c = at(RowKey::New, Column::Name);
        c.start_edit(&m, Some("P".into()));
        assert!(c.editing());
        // The commit made task 9, shown at the end.
        let mut rows = m.rows().to_vec();
        rows.push(task("9", "1d"));
        m = PlanModel::of_rows(rows);
        let next = c.after_commit(&m, &COLUMNS, Some("9".into()), 0, 1);
        assert_eq!(next, Some((5, Column::Duration)), "task 9's duration");
        assert!(!c.editing());
        // Enter instead: the (new) empty row, the same column.
        let mut c = at(RowKey::New, Column::Name);
        assert_eq!(
            c.after_commit(&m, &COLUMNS, Some("9".into()), 1, 0),
            Some((6, Column::Name))
        );
        // Any other commit moves as asked.
        let mut c = at(RowKey::Task("1".into()), Column::Duration);
        assert_eq!(
            c.after_commit(&m, &COLUMNS, None, 1, 0),
            Some((2, Column::Duration))
        );
    }

    #[test]
    fn typing_replaces_enter_edits_and_computed_cells_say_why() {
        let m = model();
        let mut c = at(RowKey::Task("2".into()), Column::Duration);
        c.start_edit(&m, Some("8".into()));
        assert_eq!(c.draft.as_deref(), Some("8"));
        assert_eq!(c.replacing.as_deref(), Some("3d"));
        c.close_editor();
        c.start_edit(&m, None);
        assert_eq!(c.draft.as_deref(), Some("3d"));
        assert_eq!(c.replacing, None);

        let mut float = at(RowKey::Task("2".into()), Column::TotalFloat);
        float.start_edit(&m, Some("3".into()));
        assert!(!float.editing());
        assert!(
            float
                .error
                .as_deref()
                .is_some_and(|e| e.contains("Float is computed"))
        );

        // A workstream row: Enter toggles it quietly, typing says why.
        let mut g = at(RowKey::Group("w".into()), Column::Name);
        g.start_edit(&m, None);
        assert_eq!(g.error, None);
        g.start_edit(&m, Some("x".into()));
        assert!(g.error.is_some());

        // The empty row takes a name only.
        let mut new = at(RowKey::New, Column::Duration);
        new.start_edit(&m, Some("5".into()));
        assert!(
            new.error
                .as_deref()
                .is_some_and(|e| e.contains("name first"))
        );
    }

    #[test]
    fn a_row_not_built_takes_what_is_typed_but_enter_waits_for_its_text() {
        // Only the first two rows built: task 3 (row 4) is scrolled far away.
        let m = model().narrowed(0..2);
        assert_eq!(m.built(), 0..2);
        let mut c = at(RowKey::Task("3".into()), Column::Duration);
        assert!(!c.start_edit(&m, None), "Enter: its text is not at hand");
        assert!(!c.editing());
        assert_eq!(c.error, None);
        assert!(c.start_edit(&m, Some("4".into())));
        assert_eq!(c.draft.as_deref(), Some("4"));
        assert_eq!(c.replacing, None, "what it replaces is not known");
        // Built, Enter opens on its text.
        let mut c = at(RowKey::Task("3".into()), Column::Duration);
        assert!(c.start_edit(&model(), None));
        assert_eq!(c.draft.as_deref(), Some("1d"));
    }

    #[test]
    fn rows_are_selected_alone_extended_and_toggled() {
        let m = model();
        let mut c = GridCursor::default();
        let one = RowKey::Task("1".into());
        let three = RowKey::Task("3".into());
        assert_eq!(c.select(&m, &one, false, false, &[]), ["1"]);
        // Shift: from the anchor (1) to 3, group rows left out.
        assert_eq!(
            c.select(&m, &three, true, false, &["1".into()]),
            ["1", "2", "3"]
        );
        // Ctrl: 2 taken out, then back in.
        let picked: Vec<String> = vec!["1".into(), "2".into(), "3".into()];
        let two = RowKey::Task("2".into());
        assert_eq!(c.select(&m, &two, false, true, &picked), ["1", "3"]);
        assert_eq!(c.select(&m, &two, false, true, &["1".into()]), ["1", "2"]);
        // A group row alone selects no task.
        assert!(
            c.select(&m, &RowKey::Group("v".into()), false, false, &[])
                .is_empty()
        );
    }

    #[test]
    fn insert_under_a_group_goes_after_its_last_task() {
        let m = model();
        assert_eq!(
            task_at_or_under(&m, &RowKey::Group("w".into())).as_deref(),
            Some("2")
        );
        assert_eq!(
            task_at_or_under(&m, &RowKey::Task("3".into())).as_deref(),
            Some("3")
        );
        assert_eq!(task_at_or_under(&m, &RowKey::New), None);
    }

    #[test]
    fn tab_leaves_from_the_edge_columns() {
        let c = at(RowKey::Task("1".into()), Column::TotalFloat);
        assert!(c.tab_leaves(&COLUMNS, false));
        assert!(!c.tab_leaves(&COLUMNS, true));
        let c = at(RowKey::Task("1".into()), Column::Id);
        assert!(c.tab_leaves(&COLUMNS, true));
        assert!(GridCursor::default().tab_leaves(&COLUMNS, false));
    }

    #[test]
    fn frozen_columns_and_pages() {
        assert_eq!(frozen_lefts(&COLUMNS), [Some(0.0), Some(4.5), None, None]);
        // A frozen column after an unfrozen one is not frozen.
        let odd = [Column::Duration, Column::Name];
        assert_eq!(frozen_lefts(&odd), [None, None]);
        assert_eq!(column_left(&COLUMNS, Column::Duration), Some(19.5));
        assert_eq!(column_left(&COLUMNS, Column::Start), None);
        // 500 px pane, 44 px header, 28 px rows: 16 rows fit, a page is 15.
        assert_eq!(page_rows(500.0, 44.0, 28.0), 15);
        assert_eq!(page_rows(0.0, 44.0, 28.0), 1);
    }
}
