//! How the fuzz targets turn bytes into a case, and what they check. Shared by
//! `fuzz/fuzz_targets/*.rs` and `tests/fuzz_corpus.rs`, which replays the kept
//! corpus (seeds and minimized crashers) in `cargo test`.

use abridge::{segment, summarize, Language, Length, Options, Weights};

/// Segmentation of arbitrary text in every language: spans are in order, on
/// char boundaries, inside the text, never empty, and never overlap.
pub fn segment_case(data: &[u8]) {
    let Some((&selector, rest)) = data.split_first() else {
        return;
    };
    let text = String::from_utf8_lossy(rest);
    let language = Language::ALL[selector as usize % Language::ALL.len()];
    let spans = segment(&text, language);
    let mut previous_end = 0;
    for span in &spans {
        assert!(span.start < span.end, "empty span {span:?}");
        assert!(span.start >= previous_end, "overlap at {span:?}");
        assert!(span.end <= text.len());
        assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end));
        previous_end = span.end;
    }
}

/// Reads fixed-size values off the front of the input, with zeros once it runs out.
struct Bytes<'a>(&'a [u8]);

impl Bytes<'_> {
    fn u8(&mut self) -> u8 {
        let (&first, rest) = self.0.split_first().unwrap_or((&0, &[]));
        self.0 = rest;
        first
    }

    fn u64(&mut self) -> u64 {
        (0..8).fold(0, |acc, _| acc << 8 | self.u8() as u64)
    }

    /// Mostly small counts, sometimes anything (up to `usize::MAX`).
    fn count(&mut self) -> usize {
        match self.u8() % 4 {
            0 => self.u8() as usize % 8,
            1 => self.u8() as usize,
            2 => usize::MAX - self.u8() as usize,
            _ => self.u64() as usize,
        }
    }

    /// Plain values in range most of the time, and the awkward floats too.
    fn float(&mut self) -> f64 {
        match self.u8() % 8 {
            0 => f64::NAN,
            1 => f64::INFINITY,
            2 => f64::NEG_INFINITY,
            3 => -(self.u8() as f64) / 16.0,
            4 => f64::from_bits(self.u64()),
            5 => [0.0, -0.0, 1.0, 10.0, f64::MIN_POSITIVE, f64::EPSILON][self.u8() as usize % 6],
            _ => self.u8() as f64 / 255.0,
        }
    }
}

/// `summarize` with arbitrary text and options derived from the bytes: every
/// length variant, every language or detection, any redundancy and any weights
/// (NaN, infinities and negatives included). Invalid options must be an error,
/// never a panic; valid ones must give a summary whose invariants hold.
pub fn summarize_case(data: &[u8]) {
    let mut bytes = Bytes(data);
    let length = match bytes.u8() % 4 {
        0 => Length::Sentences(bytes.count()),
        1 => Length::Ratio(bytes.float()),
        2 => Length::Words(bytes.count()),
        _ => Length::Chars(bytes.count()),
    };
    let language_byte = bytes.u8() as usize;
    let language = (language_byte < 2 * Language::ALL.len())
        .then(|| Language::ALL[language_byte % Language::ALL.len()]);
    let weights = Weights {
        salience: bytes.float(),
        centrality: bytes.float(),
        entities: bytes.float(),
        position: bytes.float(),
        quality: bytes.float(),
        // Left at its default: the kept corpus's byte layout predates this weight
        // (tests/properties.rs varies it).
        cues: 1.0,
    };
    let options = Options::default()
        .length(length)
        .with_language(language)
        .redundancy(bytes.float())
        .keywords(bytes.count())
        .entities(bytes.count())
        .weights(weights);
    let text = String::from_utf8_lossy(bytes.0);

    let Ok(summary) = summarize(&text, &options) else {
        assert!(options.validate().is_err());
        return;
    };
    let mut previous_end = 0;
    for sentence in &summary.sentences {
        let (start, end) = (sentence.bytes.start, sentence.bytes.end);
        assert!(previous_end <= start && start < end && end <= text.len());
        assert!(sentence.score.is_finite());
        let utf16: usize = text[start..end].encode_utf16().count();
        assert_eq!(sentence.utf16.end - sentence.utf16.start, utf16);
        previous_end = end;
    }
    let chosen = summary.selected().count();
    assert_eq!(chosen, summary.stats.sentences_out);
    if !summary.sentences.is_empty() {
        assert!(chosen >= 1, "empty summary of a text with sentences");
    }
    match length {
        Length::Sentences(n) => assert!(chosen <= n),
        Length::Words(n) if chosen > 1 => assert!(summary.stats.words_out <= n),
        Length::Chars(n) if chosen > 1 => assert!(summary.stats.chars_out <= n),
        _ => {}
    }
}
