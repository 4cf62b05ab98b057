//! `PlanGrid`: the plan as a spreadsheet: one row per task or milestone under collapsible
//! workstream rows, and a last, empty row in which typing a name adds a task.
//!
//! Keyboard: arrows move the active cell, Home/End to the row's first/last cell, PageUp/
//! PageDown by a screenful, Ctrl+Home to the first task, Ctrl+End to the empty row (to add a
//! task); typing replaces the cell's text (a cue says so, Escape keeps the old text), Enter, F2
//! or a double click edits it, Enter/Tab/Shift+Tab commit and move (Tab after a new task's
//! name goes on in that task's row), Escape cancels, Insert adds a task below, Delete removes
//! the selected rows, Alt+Shift+→/← indent and outdent them (as MS Project), Alt+Shift+−/+
//! fold and unfold a summary (as does its ▾/▸ mark), Shift/Ctrl+click and Shift+arrows
//! select rows. Typing into a computed
//! cell says why it cannot be typed in. Pasting tab-separated text hands it to `paste`. Only
//! the rows in `visible` are in the DOM; one input, laid over the active cell, does the
//! editing. A refused cell keeps its text and shows the reason beside it. The ID and Task
//! columns are frozen: they stay in view when the grid scrolls sideways.
//!
//! The rules live in plain data ([`GridCursor`], [`grid_key`], [`editor_key`]); this module
//! wires them to the DOM and the callbacks. Its views are in `grid_view.rs`.
//!
//! Does not: parse or check anything (the callbacks do, and return the reason they refuse).

use leptos::prelude::*;
use leptos::wasm_bindgen::JsCast;

use crate::plan::grid::cursor::{
    Cell, GridCursor, first_task_key, page_rows, row_index, task_at_or_under,
};
use crate::plan::grid::grid_view;
use crate::plan::grid::keys::{EditorKey, GridKey, editor_key, grid_key};
use document::Column;
use document::plan_model::{PlanModel, PlanRow, RowKey};

/// A cell this close to the edge of the rows drawn may be out of view (a little more than
/// the margin `PlanSplit` draws beyond the view).
const EDGE_ROWS: usize = 10;

/// A cell's text committed: (task id, or `None` for the empty row; column; text typed).
/// `Ok(Some(id))`: the text made a new task `id` (a name typed in the empty row).
pub type CellCommit = Callback<(Option<String>, Column, String), Result<Option<String>, String>>;

/// What the grid asks of its owner. Each returns `Err(reason)` to refuse.
#[derive(Clone, Copy)]
pub struct GridActions {
    pub commit: CellCommit,
    /// The task ids now selected.
    pub select: Callback<Vec<String>>,
    /// Insert a task after this one (or at the end): the new task's id.
    pub insert: Callback<Option<String>, Result<String, String>>,
    /// Remove these tasks.
    pub delete: Callback<Vec<String>, Result<(), String>>,
    /// Indent these tasks (`false`) or outdent them (`true`).
    pub indent: Callback<(Vec<String>, bool), Result<(), String>>,
    /// (the active task's id, the pasted text).
    pub paste: Callback<(Option<String>, String), Result<(), String>>,
    /// A workstream id, or a summary's row key (`t:…`): its row was opened or closed.
    pub toggle_group: Callback<String>,
}

/// The grid's inputs, its cursor and its elements: what every handler needs.
#[derive(Clone, Copy)]
pub(crate) struct Grid {
    pub model: Signal<PlanModel>,
    pub columns: Signal<Vec<Column>>,
    pub visible: Signal<(usize, usize)>,
    pub row_height: Signal<f64>,
    pub header_height: Signal<f64>,
    pub selected: Signal<Vec<String>>,
    pub actions: GridActions,
    pub cursor: RwSignal<GridCursor>,
    pub root: NodeRef<leptos::html::Div>,
    pub input: NodeRef<leptos::html::Input>,
    pub cursor_el: NodeRef<leptos::html::Div>,
}

/// The grid of `model`'s rows `visible.0..visible.1` (plus the empty row), in `columns`.
#[component]
pub fn PlanGrid(
    #[prop(into)] model: Signal<PlanModel>,
    #[prop(into)] columns: Signal<Vec<Column>>,
    #[prop(into)] visible: Signal<(usize, usize)>,
    #[prop(into)] row_height: Signal<f64>,
    #[prop(into)] header_height: Signal<f64>,
    /// The selected task ids.
    #[prop(into)]
    selected: Signal<Vec<String>>,
    actions: GridActions,
    /// Take the keyboard focus when shown if nothing else has it (a program just opened:
    /// the cursor is on its first task, ready for typing).
    #[prop(optional)]
    autofocus: bool,
) -> impl IntoView {
    let grid = Grid {
        model,
        columns,
        visible,
        row_height,
        header_height,
        selected,
        actions,
        cursor: RwSignal::new(GridCursor::default()),
        root: NodeRef::new(),
        input: NodeRef::new(),
        cursor_el: NodeRef::new(),
    };
    if autofocus {
        Effect::new(move |_| grid.focus_if_idle());
    }
    // A new editor takes the focus, with the caret after its text.
    let editing = Memo::new(move |_| grid.cursor.with(GridCursor::editing));
    Effect::new(move |_| {
        if editing.get()
            && let Some(el) = grid.input.get()
        {
            let _ = el.focus();
            let end = el.value().encode_utf16().count() as u32;
            let _ = el.set_selection_range(end, end);
        }
    });
    grid_view::grid(grid)
}

impl Grid {
    fn update<T>(&self, change: impl FnOnce(&mut GridCursor) -> T) -> Option<T> {
        self.cursor.try_update(change)
    }

    fn active(&self) -> Option<Cell> {
        self.cursor.with_untracked(|c| c.active.clone())
    }

    /// Gives the grid the keyboard focus, unless it (or its editor) has it.
    pub fn focus_root(&self) {
        if let Some(el) = self.root.get_untracked() {
            let el: &web_sys::HtmlElement = &el;
            let focused = document().active_element();
            if focused.as_ref().map(|f| f.unchecked_ref::<web_sys::Node>())
                != Some(el.unchecked_ref::<web_sys::Node>())
            {
                let _ = el.focus();
            }
        }
    }

    /// Takes the focus if nothing has it, without scrolling the page (its head stays in view).
    fn focus_if_idle(&self) {
        let idle = document()
            .active_element()
            .is_none_or(|el| el.tag_name().eq_ignore_ascii_case("body"));
        if idle && let Some(el) = self.root.get() {
            let options = web_sys::FocusOptions::new();
            options.set_prevent_scroll(true);
            let _ = el.focus_with_options(&options);
        }
    }

    /// Brings the active cell into view once the DOM shows it (its scroll margins keep it
    /// clear of the sticky header and the frozen columns).
    fn reveal(&self) {
        let cursor_el = self.cursor_el;
        request_animation_frame(move || {
            if let Some(el) = cursor_el.get_untracked() {
                let el: &web_sys::Element = el.unchecked_ref();
                let options = web_sys::ScrollIntoViewOptions::new();
                options.set_block(web_sys::ScrollLogicalPosition::Nearest);
                options.set_inline(web_sys::ScrollLogicalPosition::Nearest);
                el.scroll_into_view_with_scroll_into_view_options(&options);
            }
        });
    }

    /// Selects row `key` (extending from the anchor, or toggling it) and tells the owner.
    fn select(&self, key: &RowKey, extend: bool, toggle: bool) {
        let selected = self.selected.get_untracked();
        let ids = self
            .model
            .with_untracked(|m| self.update(|c| c.select(m, key, extend, toggle, &selected)));
        if let Some(ids) = ids {
            self.actions.select.run(ids);
        }
    }

    /// Makes row `index`'s cell in `column` active (`selects`: the row is selected,
    /// `extend`ing a Shift-selection; `sideways`: the column changed).
    fn go_to(&self, index: usize, column: Column, selects: bool, extend: bool, sideways: bool) {
        let Some(key) = self
            .model
            .with_untracked(|m| self.update(|c| c.go_to(m, index, column)))
        else {
            return;
        };
        if selects {
            self.select(&key, extend, false);
        }
        // Scrolling into view costs a layout: only when the cell may be out of view.
        let (first, last) = self.visible.get_untracked();
        let near_edge = index < first + EDGE_ROWS || index + EDGE_ROWS >= last;
        if sideways || near_edge {
            self.reveal();
        }
    }

    /// Moves the active cell by rows and columns.
    fn step(&self, rows: i64, cols: i64, extend: bool) {
        let columns = self.columns.get_untracked();
        let target = self.model.with_untracked(|m| {
            self.cursor
                .with_untracked(|c| c.target(m, &columns, rows, cols))
        });
        if let Some((index, column)) = target {
            self.go_to(index, column, rows != 0, extend, cols != 0);
        }
    }

    /// Opens the editor on the active cell (`typed`: replacing its text).
    pub fn start_edit(&self, typed: Option<String>) {
        self.try_edit(typed, true);
    }

    /// Opens the editor, bringing its cell into view if it is out of it; Enter on a task's
    /// row not built (scrolled far away) opens it once the row is built (`retry`: once).
    fn try_edit(&self, typed: Option<String>, retry: bool) {
        let enter = typed.is_none();
        let opened = self
            .model
            .with_untracked(|m| self.update(|c| c.start_edit(m, typed)))
            .unwrap_or(false);
        let Some((key, _)) = self.active() else {
            return;
        };
        let index = self.model.with_untracked(|m| row_index(m, &key));
        let (first, last) = self.visible.get_untracked();
        if opened && (index < first || index >= last) {
            self.reveal();
        }
        let refused = self.cursor.with_untracked(|c| c.error.is_some());
        if opened || refused || !enter || !retry || key.task().is_none() {
            return;
        }
        self.reveal();
        let grid = *self;
        request_animation_frame(move || {
            request_animation_frame(move || grid.try_edit(None, false));
        });
    }

    /// Commits the draft; on success moves by (rows, cols) and returns the focus to the grid.
    pub fn commit(&self, rows: i64, cols: i64) {
        let (cell, text) = self
            .cursor
            .with_untracked(|c| (c.active.clone(), c.draft.clone()));
        let (Some((key, column)), Some(text)) = (cell, text) else {
            return;
        };
        let task = key.task().map(str::to_owned);
        match self.actions.commit.run((task, column, text)) {
            Ok(created) => {
                let columns = self.columns.get_untracked();
                let target = self.model.with_untracked(|m| {
                    self.update(|c| c.after_commit(m, &columns, created, rows, cols))
                });
                // Moving down or up after a commit moves the selection too (not from the
                // empty row, which stays put).
                let selects = rows != 0 && key != RowKey::New;
                if let Some(Some((index, column))) = target {
                    self.go_to(index, column, selects, false, cols != 0);
                }
                self.focus_root();
            }
            Err(reason) => {
                self.update(|c| c.error = Some(reason));
            }
        }
    }

    /// A key on the grid.
    pub fn on_key(&self, ev: &web_sys::KeyboardEvent) {
        let cursor = self.cursor.get_untracked();
        if cursor.editing() {
            return;
        }
        let on_group = cursor
            .active
            .as_ref()
            .and_then(|(k, _)| k.group().map(str::to_owned));
        let tab_leaves = self
            .columns
            .with_untracked(|c| cursor.tab_leaves(c, ev.shift_key()));
        let Some(command) = grid_key(
            &ev.key(),
            ev.shift_key(),
            ev.ctrl_key() || ev.meta_key(),
            ev.alt_key(),
            on_group.is_some(),
            tab_leaves,
            cursor.active.is_some(),
        ) else {
            return;
        };
        ev.prevent_default();
        self.run(command, on_group);
    }

    /// Carries out a key's command.
    fn run(&self, command: GridKey, on_group: Option<String>) {
        let edge = |last: bool| {
            self.columns
                .with_untracked(|c| if last { c.last() } else { c.first() }.copied())
        };
        match command {
            GridKey::FirstTask => {
                let first = self
                    .model
                    .with_untracked(|m| row_index(m, &first_task_key(m)));
                if let Some(column) = edge(false) {
                    self.go_to(first, column, true, false, true);
                }
            }
            GridKey::EmptyRow => {
                let end = self.model.with_untracked(|m| m.len());
                self.go_to(end, Column::Name, false, false, true);
            }
            GridKey::RowEdge { last } => {
                if let (Some((key, _)), Some(column)) = (self.active(), edge(last)) {
                    self.update(|c| c.set_active(Some((key, column))));
                    self.reveal();
                }
            }
            GridKey::Page { down, extend } => {
                let page = self.page_rows();
                self.step(if down { page } else { -page }, 0, extend);
                self.reveal();
            }
            GridKey::Move { rows, cols, extend } => self.step(rows, cols, extend),
            GridKey::ToggleGroup => {
                if let Some(ws) = on_group {
                    self.actions.toggle_group.run(ws);
                }
            }
            GridKey::Edit => self.start_edit(None),
            GridKey::Type(text) => self.start_edit(Some(text)),
            GridKey::Dismiss => {
                self.update(|c| c.error = None);
            }
            GridKey::Insert => self.insert(),
            GridKey::Indent { out } => self.indent(out),
            GridKey::Fold { open } => self.fold(open),
            GridKey::Delete => {
                let ids = self.selected.get_untracked();
                if !ids.is_empty()
                    && let Err(reason) = self.actions.delete.run(ids)
                {
                    self.update(|c| c.error = Some(reason));
                }
            }
        }
    }

    /// Indent or outdent the selected tasks (the active row's if none is selected).
    fn indent(&self, out: bool) {
        let mut ids = self.selected.get_untracked();
        if ids.is_empty() {
            ids.extend(self.active().and_then(|(k, _)| k.task().map(str::to_owned)));
        }
        if ids.is_empty() {
            return;
        }
        let result = self.actions.indent.run((ids, out));
        self.update(|c| c.error = result.err());
    }

    /// Folds (`open: false`) or unfolds the active summary's row.
    fn fold(&self, open: bool) {
        let Some((key, _)) = self.active() else {
            return;
        };
        let shut = self.model.with_untracked(|m| {
            let index = row_index(m, &key);
            match m.row(index) {
                Some(PlanRow::Task(t)) if t.summary => Some(t.folded),
                _ => None,
            }
        });
        if shut == Some(open) {
            self.actions.toggle_group.run(key.to_string());
        }
    }

    /// Insert: a new task below the active row (in its workstream), its name active.
    fn insert(&self) {
        let after = self
            .active()
            .and_then(|(k, _)| self.model.with_untracked(|m| task_at_or_under(m, &k)));
        match self.actions.insert.run(after) {
            Ok(id) => {
                let key = RowKey::Task(id);
                self.update(|c| c.set_active(Some((key.clone(), Column::Name))));
                self.select(&key, false, false);
            }
            Err(reason) => {
                self.update(|c| c.error = Some(reason));
            }
        }
    }

    /// Rows in a screenful of the grid's pane.
    fn page_rows(&self) -> i64 {
        let pane = self
            .root
            .get_untracked()
            .and_then(|el| el.parent_element())
            .map_or(0, |p| p.client_height());
        page_rows(
            f64::from(pane),
            self.header_height.get_untracked(),
            self.row_height.get_untracked(),
        )
    }

    /// A key in the cell editor.
    pub fn on_input_key(&self, ev: &web_sys::KeyboardEvent) {
        ev.stop_propagation();
        match editor_key(&ev.key(), ev.shift_key()) {
            Some(EditorKey::Commit { rows, cols }) => {
                ev.prevent_default();
                self.commit(rows, cols);
            }
            Some(EditorKey::Cancel) => {
                ev.prevent_default();
                self.update(GridCursor::close_editor);
                self.focus_root();
            }
            None => {}
        }
    }

    /// Pasted text: rows and columns go to `paste`; a single value typed into a cell stays
    /// the editor's.
    pub fn on_paste(&self, ev: &web_sys::ClipboardEvent) {
        let Some(text) = ev
            .clipboard_data()
            .and_then(|d| d.get_data("text/plain").ok())
        else {
            return;
        };
        let editing = self.cursor.with_untracked(GridCursor::editing);
        if editing && !text.trim_end().contains(['\t', '\n']) {
            return;
        }
        ev.prevent_default();
        let at = self.active().and_then(|(k, _)| k.task().map(str::to_owned));
        match self.actions.paste.run((at, text)) {
            Ok(()) => {
                self.update(GridCursor::close_editor);
                self.focus_root();
            }
            Err(reason) => {
                self.update(|c| c.error = Some(reason));
            }
        }
    }

    /// A click picks the cell (typing then replaces its text; a double click, Enter or F2
    /// edits it); on a workstream row's first cell (the ▸/▾ mark) it opens or closes it.
    pub fn on_click(&self, ev: &web_sys::MouseEvent) {
        let Some(cell) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|el| el.closest("[role=gridcell]").ok().flatten())
        else {
            return;
        };
        let (Some(key), Some(column)) = (
            cell.get_attribute("data-row")
                .and_then(|k| RowKey::parse(&k)),
            cell.get_attribute("data-col")
                .and_then(|c| Column::from_key(&c)),
        ) else {
            return;
        };
        if let Some(ws) = key.group()
            && column == Column::Id
        {
            self.actions.toggle_group.run(ws.to_owned());
        }
        let on_fold_mark = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .is_some_and(|el| el.class_list().contains("outline-toggle"));
        if on_fold_mark {
            self.actions.toggle_group.run(key.to_string());
        }
        self.update(|c| c.set_active(Some((key.clone(), column))));
        self.select(&key, ev.shift_key(), ev.ctrl_key() || ev.meta_key());
        self.focus_root();
    }

    /// The grid took the focus: the cursor starts on the first task (not a workstream's row).
    pub fn on_focus(&self) {
        if self.cursor.with_untracked(|c| c.active.is_none()) {
            let first = self.model.with_untracked(first_task_key);
            self.update(|c| c.set_active(Some((first, Column::Name))));
        }
    }
}
