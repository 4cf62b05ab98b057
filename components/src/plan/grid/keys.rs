//! The plan grid's keys: what a key pressed on the grid ([`grid_key`]) or in its cell editor
//! ([`editor_key`]) asks for, as plain data, so the keyboard rules are tested without a
//! browser. The component carries the command out.

/// A key pressed on the grid (not while editing a cell).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum GridKey {
    /// Move by rows and columns; `extend`: a Shift-selection grows.
    Move {
        rows: i64,
        cols: i64,
        extend: bool,
    },
    /// To the row's first or (`last`) last cell (Home, End).
    RowEdge {
        last: bool,
    },
    /// Ctrl+Home: the first task's first cell.
    FirstTask,
    /// Ctrl+End: the empty row's name, where a name adds a task.
    EmptyRow,
    /// PageDown / PageUp: a screenful.
    Page {
        down: bool,
        extend: bool,
    },
    /// Enter or Space on a workstream's row: open or close it.
    ToggleGroup,
    /// Enter or F2: edit the cell's text.
    Edit,
    /// Escape: dismiss a refusal.
    Dismiss,
    Insert,
    Delete,
    /// Alt+Shift+→ / Alt+Shift+← (as MS Project): the selected tasks go under the task
    /// above (`out: false`) or up a level (`out: true`).
    Indent {
        out: bool,
    },
    /// Alt+Shift+− / Alt+Shift++ (as MS Project): hide or show the tasks under the active
    /// summary.
    Fold {
        open: bool,
    },
    /// A character typed: replace the cell's text with it.
    Type(String),
}

/// What `key` (with `shift`, `ctrl` — Ctrl or ⌘ —, `alt`) asks of the grid. `on_group`: the
/// active row is a workstream's; `tab_leaves`: Tab in this direction would leave the grid
/// (the keyboard is never trapped in it); `active`: a cell is active. `None`: not the
/// grid's key (the browser's default stays).
pub fn grid_key(
    key: &str,
    shift: bool,
    ctrl: bool,
    alt: bool,
    on_group: bool,
    tab_leaves: bool,
    active: bool,
) -> Option<GridKey> {
    Some(match key {
        "ArrowRight" | "ArrowLeft" if alt && shift => GridKey::Indent {
            out: key == "ArrowLeft",
        },
        "-" | "_" if alt && shift => GridKey::Fold { open: false },
        "+" | "=" if alt && shift => GridKey::Fold { open: true },
        "Home" if ctrl => GridKey::FirstTask,
        "End" if ctrl => GridKey::EmptyRow,
        "Home" | "End" => GridKey::RowEdge { last: key == "End" },
        "PageDown" | "PageUp" => GridKey::Page {
            down: key == "PageDown",
            extend: shift,
        },
        "ArrowDown" => GridKey::Move {
            rows: 1,
            cols: 0,
            extend: shift,
        },
        "ArrowUp" => GridKey::Move {
            rows: -1,
            cols: 0,
            extend: shift,
        },
        "ArrowRight" => GridKey::Move {
            rows: 0,
            cols: 1,
            extend: false,
        },
        "ArrowLeft" => GridKey::Move {
            rows: 0,
            cols: -1,
            extend: false,
        },
        "Tab" if !tab_leaves => GridKey::Move {
            rows: 0,
            cols: if shift { -1 } else { 1 },
            extend: false,
        },
        "Enter" | " " if on_group => GridKey::ToggleGroup,
        "Enter" | "F2" => GridKey::Edit,
        "Escape" => GridKey::Dismiss,
        "Insert" => GridKey::Insert,
        "Delete" => GridKey::Delete,
        _ if !(ctrl || alt) && active && key.chars().count() == 1 => GridKey::Type(key.to_owned()),
        _ => return None,
    })
}

/// A key pressed in the cell editor.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EditorKey {
    /// Commit the text, then move by rows and columns.
    Commit { rows: i64, cols: i64 },
    /// Escape: drop the text, keep the cell's.
    Cancel,
}

/// What `key` asks of the cell editor (`None`: the input's own key, such as a letter).
pub fn editor_key(key: &str, shift: bool) -> Option<EditorKey> {
    Some(match key {
        "Enter" | "ArrowDown" => EditorKey::Commit { rows: 1, cols: 0 },
        "ArrowUp" => EditorKey::Commit { rows: -1, cols: 0 },
        "Tab" => EditorKey::Commit {
            rows: 0,
            cols: if shift { -1 } else { 1 },
        },
        "Escape" => EditorKey::Cancel,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plain(key: &str) -> Option<GridKey> {
        grid_key(key, false, false, false, false, false, true)
    }

    #[test]
    fn outline_keys_are_ms_projects() {
        let alt_shift = |key: &str| grid_key(key, true, false, true, false, false, true);
        assert_eq!(
            alt_shift("ArrowRight"),
            Some(GridKey::Indent { out: false })
        );
        assert_eq!(alt_shift("ArrowLeft"), Some(GridKey::Indent { out: true }));
        assert_eq!(alt_shift("_"), Some(GridKey::Fold { open: false }));
        assert_eq!(alt_shift("+"), Some(GridKey::Fold { open: true }));
        // Without Alt, Shift+→ still moves a column.
        assert!(matches!(
            grid_key("ArrowRight", true, false, false, false, false, true),
            Some(GridKey::Move { cols: 1, .. })
        ));
    }

    #[test]
    fn navigation_keys() {
        assert_eq!(
            grid_key("Home", false, true, false, false, false, true),
            Some(GridKey::FirstTask)
        );
        assert_eq!(
            grid_key("End", false, true, false, false, false, true),
            Some(GridKey::EmptyRow)
        );
        assert_eq!(plain("End"), Some(GridKey::RowEdge { last: true }));
        assert_eq!(
            grid_key("PageUp", true, false, false, false, false, true),
            Some(GridKey::Page {
                down: false,
                extend: true
            })
        );
        assert_eq!(
            grid_key("ArrowDown", true, false, false, false, false, true),
            Some(GridKey::Move {
                rows: 1,
                cols: 0,
                extend: true
            })
        );
        // Shift does not extend a sideways move.
        assert_eq!(
            grid_key("ArrowLeft", true, false, false, false, false, true),
            Some(GridKey::Move {
                rows: 0,
                cols: -1,
                extend: false
            })
        );
    }

    #[test]
    fn tab_moves_along_the_row_until_it_would_leave_the_grid() {
        assert_eq!(
            grid_key("Tab", true, false, false, false, false, true),
            Some(GridKey::Move {
                rows: 0,
                cols: -1,
                extend: false
            })
        );
        assert_eq!(
            grid_key("Tab", false, false, false, false, true, true),
            None
        );
    }

    #[test]
    fn enter_edits_or_toggles_and_characters_type() {
        assert_eq!(plain("Enter"), Some(GridKey::Edit));
        assert_eq!(plain("F2"), Some(GridKey::Edit));
        assert_eq!(
            grid_key("Enter", false, false, false, true, false, true),
            Some(GridKey::ToggleGroup)
        );
        assert_eq!(
            grid_key(" ", false, false, false, true, false, true),
            Some(GridKey::ToggleGroup)
        );
        assert_eq!(plain("é"), Some(GridKey::Type("é".into())));
        // Ctrl+C and friends are the browser's; nothing is typed without an active cell.
        assert_eq!(grid_key("c", false, true, false, false, false, true), None);
        assert_eq!(
            grid_key("x", false, false, false, false, false, false),
            None
        );
        assert_eq!(plain("Shift"), None);
    }

    #[test]
    fn editor_keys() {
        assert_eq!(
            editor_key("Enter", false),
            Some(EditorKey::Commit { rows: 1, cols: 0 })
        );
        assert_eq!(
            editor_key("Tab", true),
            Some(EditorKey::Commit { rows: 0, cols: -1 })
        );
        assert_eq!(
            editor_key("ArrowUp", false),
            Some(EditorKey::Commit { rows: -1, cols: 0 })
        );
        assert_eq!(editor_key("Escape", false), Some(EditorKey::Cancel));
        assert_eq!(editor_key("a", false), None);
    }
}
