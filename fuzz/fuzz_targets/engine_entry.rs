//! What users type into cells, through `engine::entry` and the other typed-value parsers:
//! see `planfile::fuzzing::typed_entry`.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| planfile::fuzzing::typed_entry(data));
