//! Peak heap while summarizing 1 MB, counted by a wrapping allocator, so the
//! number is exact and does not depend on the machine (unlike a timing).
//!
//! The budget is the issue's: at most 10× the input in all, of which the input
//! itself is one. The inputs are the benchmark's (`tests/support/bench_inputs.rs`),
//! and its English with the vocabulary of real news.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};

use abridge::{summarize, Options};

#[path = "support/bench_inputs.rs"]
#[allow(dead_code)]
mod bench_inputs;
use bench_inputs::{build, CHINESE, GERMAN, MB, NEWS};

/// The system allocator, keeping the bytes in use and their high-water mark.
struct Counting;

static IN_USE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

fn grew(bytes: usize) {
    let now = IN_USE.fetch_add(bytes, Ordering::Relaxed) + bytes;
    PEAK.fetch_max(now, Ordering::Relaxed);
}

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let ptr = unsafe { System.alloc(layout) };
        if !ptr.is_null() {
            grew(layout.size());
        }
        ptr
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) };
        IN_USE.fetch_sub(layout.size(), Ordering::Relaxed);
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let new = unsafe { System.realloc(ptr, layout, new_size) };
        if !new.is_null() {
            // Counted as a fresh block while the old one is still held: a moving
            // realloc briefly needs both.
            grew(new_size);
            IN_USE.fetch_sub(layout.size(), Ordering::Relaxed);
        }
        new
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// The most heap in use at once while summarizing `text`, beyond what was in
/// use before (the text itself is not counted).
fn peak_heap_of_summarize(text: &str) -> usize {
    let before = IN_USE.load(Ordering::Relaxed);
    PEAK.store(before, Ordering::Relaxed);
    let summary = summarize(text, &Options::from(10)).unwrap();
    let peak = PEAK.load(Ordering::Relaxed) - before;
    assert_eq!(summary.selected().count(), 10);
    peak
}

/// `text` with every third plain word replaced by one of 24,000 made-up
/// words: a megabyte of real news has about 16,000 distinct word forms (19,000
/// as they stand), the benchmark's text about 1,000, and the maps of word
/// forms are the largest buffers of a call once they hold that many.
fn with_many_distinct_words(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 4);
    for (i, word) in text.split(' ').enumerate() {
        if i > 0 {
            out.push(' ');
        }
        if i % 3 == 0 && !word.is_empty() && word.bytes().all(|b| b.is_ascii_lowercase()) {
            // A pseudo-random made-up word, spelled in base 26.
            let mut n = (i / 3).wrapping_mul(7919) % 24_000 + 26 * 26;
            while n > 0 {
                out.push(char::from(b'a' + (n % 26) as u8));
                n /= 26;
            }
        } else {
            out.push_str(word);
        }
    }
    out
}

// One test, so no other test's allocations run in parallel with the count.
// The bound is 7×, under the 9× on top of the text: Chinese peaks at
// 5.8× since its term buffer is sized for a bigram per character (at 7.1×
// before, when the buffer grew twice on a megabyte), English with many
// distinct words at 6.0× since a large form map fills to three quarters
// before it grows (at 7.25× before).
#[test]
fn summarizing_1_mb_takes_under_7x_its_size_on_top_of_the_text() {
    let english = build(&NEWS, MB, 0x5eed + MB as u64);
    let inputs = [
        (
            "English, many distinct words",
            with_many_distinct_words(&english),
        ),
        ("English", english),
        ("German", build(&[GERMAN], MB, 0xde)),
        ("Chinese", build(&[CHINESE], MB, 0x2f)),
    ];
    for (name, text) in &inputs {
        let peak = peak_heap_of_summarize(text);
        let ratio = peak as f64 / text.len() as f64;
        eprintln!("{name}: peak heap {peak} bytes, {ratio:.2}× the input");
        assert!(
            ratio <= 7.0,
            "{name}: summarizing {} bytes peaked at {peak} bytes of heap ({ratio:.2}×)",
            text.len()
        );
    }
}
