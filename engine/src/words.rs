//! Plain words for figures: a count with its noun, singular for one.
//!
//! ```
//! assert_eq!(engine::words::count(1, "task", "tasks"), "1 task");
//! assert_eq!(engine::words::count(0, "task", "tasks"), "0 tasks");
//! ```

/// `1 task`, `3 tasks`, `0 tasks`.
pub fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}
