//! Any bytes as a spreadsheet export: see `interop::fuzzing::sheet_import`; what imports
//! must also make a program file that reads back.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Some(program) = interop::fuzzing::sheet_import(data) {
        let text = planfile::write(&planfile::Document::new(program));
        if planfile::check_size(&text).is_ok() {
            planfile::read(&text).expect("an import's program file reads back");
        }
    }
});
