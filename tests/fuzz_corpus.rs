//! Replays the kept fuzz corpus (seeds and every minimized crasher, in
//! tests/fuzz-corpus/<target>/) through the fuzz targets' own checks, so a fixed
//! crash stays fixed without running the fuzzer.

use std::fs;
use std::path::Path;

#[path = "support/fuzz_cases.rs"]
mod fuzz_cases;

fn replay(target: &str, case: fn(&[u8])) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fuzz-corpus")
        .join(target);
    let mut count = 0;
    for entry in fs::read_dir(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())) {
        let path = entry.unwrap().path();
        let data = fs::read(&path).unwrap();
        let name = path.display().to_string();
        std::panic::catch_unwind(|| case(&data)).unwrap_or_else(|_| panic!("{name} fails"));
        count += 1;
    }
    assert!(count >= 5, "only {count} cases in {}", dir.display());
}

#[test]
fn segment_corpus() {
    replay("segment", fuzz_cases::segment_case);
}

#[test]
fn summarize_corpus() {
    replay("summarize", fuzz_cases::summarize_case);
}
