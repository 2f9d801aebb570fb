//! Property tests: whatever the text and the options, `summarize` does not
//! panic, its spans tile the text (with only white space, or a byte order mark, between them), the
//! UTF-16 spans describe the same text as the byte spans, the selection is an
//! in-order subset within the budget, and the result is deterministic.
//!
//! Case counts are modest so that the suite stays fast; raise them with
//! `PROPTEST_CASES=10000 cargo test --release --test properties` when hunting.

use abridge::{summarize, Language, Length, Options, Summary};
use proptest::prelude::*;
use proptest::test_runner::Config;
use unicode_segmentation::UnicodeSegmentation;

fn config(cases: u32) -> Config {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(cases);
    Config {
        cases,
        // Keep failures in the test output, not in files next to the sources.
        failure_persistence: None,
        ..Config::default()
    }
}

// ---------------------------------------------------------------------------
// Strategies
// ---------------------------------------------------------------------------

/// Pieces that stress segmentation: words, abbreviations, numbers, every kind
/// of terminator and quote, line and paragraph breaks, CJK, emoji, combining
/// marks, odd white space and control characters.
const PIECES: &[&str] = &[
    // words
    "the",
    "council",
    "Kim",
    "Jong",
    "Un",
    "Beijing",
    "approved",
    "bridge",
    "A",
    "I",
    "it",
    "Über",
    "straße",
    "café",
    "naïve",
    "l'opposition",
    "Москва",
    "Ελλάδα",
    // abbreviations, initials, numbers
    "Dr.",
    "Mr.",
    "U.S.",
    "e.g.",
    "i.e.",
    "etc.",
    "Oct.",
    "No.",
    "J.",
    "3.14",
    "1,200",
    "$4.5",
    "2:17:45",
    "40 %",
    "1.",
    "2)",
    "#",
    "##",
    "- ",
    "* ",
    "|",
    "--",
    "```",
    "\n```\n",
    "~~~",
    "\n00:00:01,000 --> 00:00:02,500\n",
    "\n0:03\n",
    // punctuation
    ".",
    ".",
    ".",
    "!",
    "?",
    "...",
    "…",
    ",",
    ";",
    ":",
    "\"",
    "'",
    "“",
    "”",
    "«",
    "»",
    "„",
    "(",
    ")",
    "[",
    "]",
    "—",
    "–",
    "-",
    "/",
    // CJK and other scripts
    "。",
    "！",
    "？",
    "、",
    "北京",
    "地铁",
    "开通",
    "東京",
    "です",
    "한국어",
    "서울",
    "𠀀",
    // emoji and combining marks
    "😀",
    "👩‍👩‍👧",
    "🇩🇪",
    "\u{301}",
    "e\u{301}",
    "\u{200d}",
    "\u{fe0f}",
    // white space
    " ",
    " ",
    " ",
    "  ",
    "\t",
    "\n",
    "\n",
    "\n\n",
    "\r\n",
    "\r",
    "\u{a0}",
    "\u{3000}",
    "\u{2028}",
    "\u{2029}",
    "\u{85}",
    "\u{200b}",
    "\u{feff}",
    // control characters
    "\0",
    "\u{1}",
    "\u{7}",
    "\u{1b}",
    "\u{7f}",
];

fn piece_text() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..120).prop_map(|pieces| {
        let mut text = String::new();
        for (i, piece) in pieces.iter().enumerate() {
            // Words usually get a space between them, sometimes not.
            if i % 3 != 0 && piece.chars().next().is_some_and(char::is_alphanumeric) {
                text.push(' ');
            }
            text.push_str(piece);
        }
        text
    })
}

/// Any Unicode scalar values at all, including controls and unassigned ones.
fn any_chars() -> impl Strategy<Value = String> {
    prop::collection::vec(any::<char>(), 0..200).prop_map(|chars| chars.into_iter().collect())
}

/// Printable text, sentences made of random "words".
fn sentence_text() -> impl Strategy<Value = String> {
    let sentence = (
        prop::collection::vec("[A-Za-z]{1,8}", 1..15),
        prop::sample::select(vec![".", "!", "?", ".\n", ".\n\n", "", "。"]),
    )
        .prop_map(|(words, end)| {
            let mut s = words.join(" ");
            if let Some(first) = s.get(..1) {
                let upper = first.to_uppercase();
                s.replace_range(..1, &upper);
            }
            s.push_str(end);
            s
        });
    prop::collection::vec(sentence, 0..30).prop_map(|sentences| sentences.join(" "))
}

fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => piece_text(),
        2 => any_chars(),
        1 => any::<String>(),
        2 => sentence_text(),
    ]
}

fn length() -> impl Strategy<Value = Length> {
    prop_oneof![
        (1usize..8).prop_map(Length::Sentences),
        (0.001f64..=1.0).prop_map(Length::Ratio),
        (1usize..80).prop_map(Length::Words),
        (1usize..400).prop_map(Length::Chars),
    ]
}

fn options() -> impl Strategy<Value = Options> {
    let language = prop_oneof![
        2 => Just(None),
        1 => prop::sample::select(Language::ALL.to_vec()).prop_map(Some),
    ];
    (length(), language, 0.0f64..=1.0).prop_map(|(length, language, redundancy)| {
        Options::default()
            .length(length)
            .with_language(language)
            .redundancy(redundancy)
    })
}

// ---------------------------------------------------------------------------
// The properties
// ---------------------------------------------------------------------------

/// White space, a byte order mark (files joined with `cat` carry theirs
/// into the text), or a quotation's mark in mail and Markdown ("> "): all that
/// may lie outside the units.
fn blank(c: char) -> bool {
    c.is_whitespace() || c == '\u{feff}' || c == '>'
}

/// Spans are in order, do not overlap, start and end on character boundaries,
/// have no white space at either end, and only white space (or a byte order
/// mark) lies outside them.
fn check_spans(text: &str, summary: &Summary) -> Result<(), TestCaseError> {
    let mut previous_end = 0;
    let mut prefix16 = 0;
    for (i, s) in summary.sentences.iter().enumerate() {
        let (start, end) = (s.bytes.start, s.bytes.end);
        prop_assert!(
            previous_end <= start && start < end && end <= text.len(),
            "sentence {} has span {}..{} after {}",
            i,
            start,
            end,
            previous_end
        );
        let between = text.get(previous_end..start);
        prop_assert!(
            between.is_some(),
            "sentence {} starts inside a character",
            i
        );
        let between = between.unwrap();
        prop_assert!(
            between.chars().all(blank),
            "non-white {:?} before sentence {}",
            between,
            i
        );
        let sentence = text.get(start..end);
        prop_assert!(sentence.is_some(), "sentence {} ends inside a character", i);
        let sentence = sentence.unwrap();
        prop_assert_eq!(sentence.trim(), sentence, "sentence {} is not trimmed", i);

        prefix16 += between.encode_utf16().count();
        let len16 = sentence.encode_utf16().count();
        prop_assert_eq!(
            (s.utf16.start, s.utf16.end),
            (prefix16, prefix16 + len16),
            "sentence {} {:?}: UTF-16 span disagrees with the byte span",
            i,
            sentence
        );
        prefix16 += len16;
        prop_assert_eq!(
            s.words,
            sentence.unicode_words().count(),
            "sentence {} {:?}: not the UAX #29 word count",
            i,
            sentence
        );
        prop_assert!(s.score.is_finite(), "sentence {} score {}", i, s.score);
        previous_end = end;
    }
    let tail = &text[previous_end..];
    prop_assert!(
        tail.chars().all(blank),
        "non-white {:?} after the last sentence",
        tail
    );
    // A text with anything but white space (or byte order marks) has a sentence.
    prop_assert_eq!(
        summary.sentences.is_empty(),
        text.chars().all(blank),
        "sentences found in a blank text, or none in a non-blank one"
    );
    Ok(())
}

/// The selection is an in-order subset, within the budget (a character budget
/// holds the summary's text, with what joins its sentences), never empty when
/// there is a sentence (when none fits, the one closest to the budget), and
/// the stats agree with it.
fn check_selection(text: &str, options: &Options, summary: &Summary) -> Result<(), TestCaseError> {
    let selected: Vec<_> = summary.selected().collect();
    let indices: Vec<usize> = summary
        .sentences
        .iter()
        .enumerate()
        .filter(|(_, s)| s.selected)
        .map(|(i, _)| i)
        .collect();
    prop_assert_eq!(selected.len(), indices.len());
    prop_assert!(
        selected
            .windows(2)
            .all(|w| w[0].bytes.end <= w[1].bytes.start),
        "selection out of document order"
    );
    if summary.sentences.is_empty() {
        prop_assert!(selected.is_empty());
    } else {
        prop_assert!(!selected.is_empty(), "nothing selected");
    }

    let words: usize = selected.iter().map(|s| s.words).sum();
    let chars: usize = selected.iter().map(|s| s.text(text).chars().count()).sum();
    match options.get_length() {
        Length::Sentences(k) => prop_assert!(selected.len() <= k, "{} > {}", selected.len(), k),
        Length::Ratio(r) => {
            let limit = ((r * summary.sentences.len() as f64).round() as usize).max(1);
            prop_assert!(
                selected.len() <= limit,
                "ratio {}: {} of {}",
                r,
                selected.len(),
                summary.sentences.len()
            );
        }
        Length::Words(n) => prop_assert!(
            words <= n || selected.len() == 1 && summary.sentences.iter().all(|s| s.words >= words),
            "{} sentences with {} words > {}",
            selected.len(),
            words,
            n
        ),
        Length::Chars(n) => {
            let joined = summary.text(text).chars().count();
            let shortest = summary
                .sentences
                .iter()
                .map(|s| s.text(text).chars().count())
                .min();
            prop_assert!(
                joined <= n || selected.len() == 1 && shortest == Some(chars),
                "{} sentences, {} chars joined > {}",
                selected.len(),
                joined,
                n
            )
        }
    }

    let stats = &summary.stats;
    prop_assert_eq!(stats.sentences_in, summary.sentences.len());
    prop_assert_eq!(stats.sentences_out, selected.len());
    prop_assert_eq!(stats.words_out, words);
    prop_assert_eq!(stats.chars_out, chars);
    prop_assert_eq!(
        stats.words_in,
        summary.sentences.iter().map(|s| s.words).sum::<usize>()
    );

    let separator = if summary.language.uses_spaces() {
        " "
    } else {
        ""
    };
    let joined: Vec<&str> = selected.iter().map(|s| s.text(text)).collect();
    prop_assert_eq!(summary.text(text), joined.join(separator));
    if let Some(language) = options.get_language() {
        prop_assert_eq!(summary.language, language, "the override was ignored");
    }
    Ok(())
}

proptest! {
    #![proptest_config(config(256))]

    #[test]
    fn never_panics_and_spans_tile_the_text(text in text(), options in options()) {
        let summary = summarize(&text, &options);
        prop_assert!(summary.is_ok(), "valid options rejected: {:?}", summary.err());
        let summary = summary.unwrap();
        check_spans(&text, &summary)?;
        check_selection(&text, &options, &summary)?;
    }

    #[test]
    fn default_options_on_arbitrary_strings(text in any::<String>()) {
        let summary = summarize(&text, &Options::default()).unwrap();
        check_spans(&text, &summary)?;
        check_selection(&text, &Options::default(), &summary)?;
    }

    #[test]
    fn detection_never_panics(text in text()) {
        let language = abridge::detect_language(&text);
        prop_assert!(Language::ALL.contains(&language));
        // segment() on its own keeps the same contract.
        let spans = abridge::segment(&text, language);
        let mut previous = 0;
        for span in &spans {
            prop_assert!(previous <= span.start && span.start < span.end);
            prop_assert!(text.get(previous..span.start).is_some_and(|t| t.chars().all(blank)));
            previous = span.end;
        }
    }
}

proptest! {
    #![proptest_config(config(64))]

    #[test]
    fn deterministic(text in text(), options in options()) {
        let first = summarize(&text, &options).unwrap();
        let copy = text.clone();
        let second = summarize(&copy, &options).unwrap();
        prop_assert_eq!(first, second);
    }

    /// Asking for more sentences never gives fewer.
    #[test]
    fn more_sentences_never_fewer(text in sentence_text(), k in 1usize..6) {
        let small = summarize(&text, &Options::from(k)).unwrap();
        let large = summarize(&text, &Options::from(k + 1)).unwrap();
        prop_assert!(large.selected().count() >= small.selected().count());
    }

    /// Stripping or adding white space around the text moves every span by the
    /// same amount and changes nothing else about the sentences.
    #[test]
    fn leading_white_space_only_shifts_spans(text in sentence_text(), pad in "[ \n\t]{1,5}") {
        let options = Options::default().with_language(Some(Language::English));
        let plain = summarize(&text, &options).unwrap();
        let padded_text = format!("{pad}{text}");
        let padded = summarize(&padded_text, &options).unwrap();
        prop_assert_eq!(plain.sentences.len(), padded.sentences.len());
        for (a, b) in plain.sentences.iter().zip(&padded.sentences) {
            prop_assert_eq!(a.bytes.start + pad.len(), b.bytes.start);
            prop_assert_eq!(a.bytes.end + pad.len(), b.bytes.end);
            prop_assert_eq!(a.text(&text), b.text(&padded_text));
        }
    }
}

proptest! {
    #![proptest_config(config(64))]

    /// No state is carried from one call to the next: summarizing a text, then
    /// another one, then the first again gives the first answer again.
    #[test]
    fn summarizing_twice_gives_the_same_result(a in text(), b in text(), options in options()) {
        let first = summarize(&a, &options).unwrap();
        let _ = summarize(&b, &Options::default()).unwrap();
        let again = summarize(&a, &options).unwrap();
        prop_assert_eq!(first, again);
    }

    /// `segment` and `summarize` cut the text the same way.
    #[test]
    fn segment_agrees_with_summarize(text in text(), language in prop::sample::select(Language::ALL.to_vec())) {
        let options = Options::default().with_language(Some(language));
        let summary = summarize(&text, &options).unwrap();
        let spans = abridge::segment(&text, language);
        let from_segment: Vec<(usize, usize)> = spans.iter().map(|s| (s.start, s.end)).collect();
        let from_summary: Vec<(usize, usize)> = summary.sentences.iter().map(|s| (s.bytes.start, s.bytes.end)).collect();
        prop_assert_eq!(from_segment, from_summary);
    }
}

/// Any float, the awkward ones most of all.
fn any_float() -> impl Strategy<Value = f64> {
    prop_oneof![
        Just(f64::NAN),
        Just(f64::INFINITY),
        Just(f64::NEG_INFINITY),
        Just(-0.0),
        Just(0.0),
        Just(1.0),
        -1e3f64..1e3,
        any::<f64>(),
    ]
}

proptest! {
    #![proptest_config(config(128))]

    /// Invalid options (NaN, infinities, negatives, zero budgets) are an error that
    /// names the option, exactly when `validate` says so; valid ones give valid summaries.
    #[test]
    fn any_option_values_are_a_summary_or_an_error(
        text in text(),
        kind in 0u8..4,
        count in prop_oneof![Just(0usize), 1usize..10, Just(usize::MAX)],
        ratio in any_float(),
        redundancy in any_float(),
        weights in prop::array::uniform6(any_float()),
    ) {
        let length = match kind {
            0 => Length::Sentences(count),
            1 => Length::Ratio(ratio),
            2 => Length::Words(count),
            _ => Length::Chars(count),
        };
        let [salience, centrality, entities, position, quality, cues] = weights;
        let options = Options::default()
            .length(length)
            .redundancy(redundancy)
            .weights(abridge::Weights { salience, centrality, entities, position, quality, cues });
        match summarize(&text, &options) {
            Ok(summary) => {
                prop_assert!(options.validate().is_ok());
                check_spans(&text, &summary)?;
                check_selection(&text, &options, &summary)?;
            }
            Err(error) => {
                prop_assert_eq!(Some(error.clone()), options.validate().err());
                prop_assert!(!error.option().is_empty());
                prop_assert!(error.to_string().contains(error.option()), "{}", error);
            }
        }
    }
}
