//! Helpers shared by the `planwork` binary's tests (`cli.rs`, `exchange.rs`): running the
//! binary, reading what it printed, temporary input files, and checking a refusal.

use std::process::{Command, Output};

/// Runs the binary with `args` from the crate's folder, which the tests' paths start from.
pub fn planwork(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_planwork"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap()
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// A file in the temporary folder, deleted (with its folder) when dropped.
pub struct TempFile(std::path::PathBuf);

impl std::ops::Deref for TempFile {
    type Target = std::path::Path;
    fn deref(&self) -> &std::path::Path {
        &self.0
    }
}

impl Drop for TempFile {
    fn drop(&mut self) {
        if let Some(dir) = self.0.parent() {
            let _ = std::fs::remove_dir_all(dir);
        }
    }
}

/// Writes `text` to a file `name` in a folder of its own.
pub fn temp_file(name: &str, text: &[u8]) -> TempFile {
    let dir = std::env::temp_dir().join(format!("planwork-cli-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join(name);
    std::fs::write(&file, text).unwrap();
    TempFile(file)
}

/// Asserts the run exited with `code` and its error output says `message`.
pub fn assert_exits_saying(out: &Output, code: i32, message: &str) {
    let err = stderr(out);
    assert_eq!(out.status.code(), Some(code), "{err}");
    assert!(err.contains(message), "{err}");
}
