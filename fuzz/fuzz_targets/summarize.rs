//! `summarize` with arbitrary text and options derived from the leading bytes.
#![no_main]

#[path = "../../tests/support/fuzz_cases.rs"]
mod fuzz_cases;

libfuzzer_sys::fuzz_target!(|data: &[u8]| fuzz_cases::summarize_case(data));
