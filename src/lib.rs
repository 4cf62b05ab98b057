//! The Planwork app shell.
