//! Segmentation of arbitrary text in every language (the first byte picks it).
#![no_main]

#[path = "../../tests/support/fuzz_cases.rs"]
mod fuzz_cases;

libfuzzer_sys::fuzz_target!(|data: &[u8]| fuzz_cases::segment_case(data));
