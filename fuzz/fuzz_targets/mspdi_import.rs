//! Any bytes as an MS Project XML file: see `interop::fuzzing::mspdi_import`; what imports
//! must also make a program file that reads back.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    interop::fuzzing::mspdi_import(data);
    if let Ok(imported) = interop::mspdi::import_mspdi(&String::from_utf8_lossy(data)) {
        let text = planfile::write(&planfile::Document::new(imported.program));
        if planfile::check_size(&text).is_ok() {
            planfile::read(&text).expect("an import's program file reads back");
        }
    }
});
