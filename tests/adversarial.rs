//! Adversarial inputs (tests/support/adversarial.rs): each is answered with a
//! valid summary — spans inside and tiling the text, UTF-16 spans matching,
//! non-empty when the text has content, budget held — within a generous time
//! limit that only a hang or a quadratic blow-up would exceed.
//!
//! `examples/adversarial_table.rs` measures the same inputs.

use std::time::{Duration, Instant};

use abridge::{segment, summarize, Language, Length, Options};

#[path = "support/adversarial.rs"]
mod adversarial;

/// Far above the measured times (well under a second each in release, see
/// docs/reliability.md), so that only a hang fails, even on a busy machine.
const LIMIT: Duration = Duration::from_secs(20);

fn run(name: &str, text: &str, options: &Options) -> String {
    let started = Instant::now();
    let summary = summarize(text, options).unwrap_or_else(|e| panic!("{name}: {e}"));
    let elapsed = started.elapsed();
    assert!(elapsed < LIMIT, "{name}: {elapsed:?} with {options:?}");
    adversarial::check(text, options, &summary)
        .unwrap_or_else(|e| panic!("{name} with {:?}: {e}", options.get_length()))
}

fn case(index: usize, expect_content: bool) {
    let (name, generate) = adversarial::inputs()[index];
    let text = generate();
    for length in [
        Length::Sentences(3),
        Length::Ratio(0.1),
        Length::Words(100),
        Length::Chars(500),
    ] {
        let result = run(name, &text, &Options::default().length(length));
        assert_eq!(
            !result.contains(" 0 chosen"),
            expect_content,
            "{name}: {result}"
        );
    }
    // Forced languages take other paths (CJK bigrams, no stemmer).
    for language in [Language::Chinese, Language::Other] {
        run(
            name,
            &text,
            &Options::default().with_language(Some(language)),
        );
    }
    let started = Instant::now();
    let spans = segment(&text, Language::English);
    assert!(started.elapsed() < LIMIT, "{name}: segment took too long");
    assert_eq!(spans.is_empty(), !expect_content, "{name}");
}

#[test]
fn no_punctuation_10_mb() {
    case(0, true);
}

#[test]
fn single_5_mb_word() {
    case(1, true);
}

#[test]
fn one_million_newlines() {
    case(2, false);
}

#[test]
fn one_word_sentences_100_k() {
    case(3, true);
}

#[test]
fn same_sentence_100_k_times() {
    case(4, true);
}

#[test]
fn all_caps() {
    case(5, true);
}

#[test]
fn bidi_controls() {
    case(6, true);
}

#[test]
fn zero_width_characters() {
    case(7, true);
}

#[test]
fn control_characters() {
    case(8, true);
}

#[test]
fn emoji_zwj() {
    case(9, true);
}

#[test]
fn combining_mark_flood() {
    case(10, true);
}

#[test]
fn html_source() {
    case(11, true);
}

#[test]
fn json() {
    case(12, true);
}

#[test]
fn minified_code() {
    case(13, true);
}

#[test]
fn pdf_text_with_hyphenation() {
    case(14, true);
}

#[test]
fn distinct_long_words_alike_at_both_ends() {
    case(15, true);
}

#[test]
fn every_input_is_tested() {
    assert_eq!(adversarial::inputs().len(), 16);
}

/// The same sentence repeated: the redundancy check keeps the summary to one copy.
#[test]
fn repeated_sentence_is_chosen_once() {
    let text = "The council approved the bridge plan on Tuesday. ".repeat(100_000);
    let summary = summarize(&text, &Options::from(3)).unwrap();
    assert_eq!(summary.sentences.len(), 100_000);
    assert_eq!(summary.selected().count(), 1);
}

/// White space of every kind, and nothing else, is an empty summary, not an error.
#[test]
fn only_white_space() {
    let text = " \t\n\r\u{A0}\u{2028}\u{2029}\u{3000}\u{85}".repeat(10_000);
    let summary = summarize(&text, &Options::default()).unwrap();
    assert!(summary.sentences.is_empty());
    assert_eq!(summary.text(&text), "");
}
