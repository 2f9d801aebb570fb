//! # abridge
//!
//! Extractive summaries: abridge picks the sentences of a text that carry the
//! most and hands them back verbatim, with the reasons.
//!
//! The pipeline, one module per step:
//!
//! 1. [`segment`](mod@segment): paragraphs and sentences, with byte spans (UAX #29
//!    boundaries, repaired for abbreviations, initials, decimals, lists, headings).
//! 2. `tokenize`: content terms per sentence (lower-cased, stop words out, stemmed;
//!    character bigrams for Chinese and Japanese), and entity mentions.
//! 3. `score`: salience, directed centrality, entity density, an adaptive position
//!    prior and quality penalties, combined into one score per sentence.
//! 4. `select`: the best sentences within the budget, without near-duplicates,
//!    in document order.
//!
//! ```
//! use abridge::{summarize, Length, Options};
//!
//! let text = "Kim Jong Un left Beijing on Wednesday after talks with Xi Jinping. \
//!             The weather was mild. Kim and Xi discussed a second summit with Trump. \
//!             A band played.";
//! let summary = summarize(text, &Options::default().length(Length::Sentences(2))).unwrap();
//! let picked: Vec<&str> = summary.selected().map(|s| s.text(text)).collect();
//! assert_eq!(picked.len(), 2);
//! assert!(picked[0].starts_with("Kim Jong Un left Beijing"));
//! assert_eq!(summary.language, abridge::Language::English);
//! ```

#![forbid(unsafe_code)]

mod entities;
mod error;
pub mod lang;
mod letters;
mod lowercase;
mod once;
mod options;
mod order;
mod phrases;
mod report;
mod score;
pub mod segment;
mod select;
mod sentence_terminals;
mod speakers;
mod tokenize;
mod words;

#[cfg(target_arch = "wasm32")]
mod wasm;

use serde::Serialize;

pub use entities::{Entity, EntityKind};
pub use error::Error;
pub use lang::{detect as detect_language, Language};
pub use options::{Length, Options};
pub use report::{Report, SentenceReport};
pub use score::{Features, Penalty, TextKind, Weights};
pub use segment::{segment, SentenceSpan, UnitKind};

/// A half-open range of offsets into the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

/// One sentence of the text, chosen or not, with its score and features.
#[derive(Clone, Debug, PartialEq)]
pub struct Sentence {
    /// Byte offsets into the text.
    pub bytes: Span,
    /// UTF-16 code-unit offsets (what JavaScript's `String.prototype.slice` takes).
    pub utf16: Span,
    /// Paragraph number, from 0.
    pub paragraph: usize,
    pub kind: UnitKind,
    /// Words, as UAX #29 counts them.
    pub words: usize,
    pub score: f64,
    pub selected: bool,
    pub features: Features,
}

impl Sentence {
    /// The sentence's text, given the text it came from.
    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        &text[self.bytes.start..self.bytes.end]
    }
}

/// A keyword: a frequent, specific term of the text.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Keyword {
    /// The word as it first appeared (lower-cased).
    pub text: String,
    /// How often its stem occurs.
    pub count: u32,
    pub score: f64,
}

/// Counts before and after summarizing.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Stats {
    pub sentences_in: usize,
    pub sentences_out: usize,
    pub words_in: usize,
    pub words_out: usize,
    pub chars_in: usize,
    pub chars_out: usize,
}

/// The result of [`summarize`]: every sentence with its score, which ones were
/// chosen, and what the text is about.
#[derive(Clone, Debug, PartialEq)]
pub struct Summary {
    pub sentences: Vec<Sentence>,
    pub keywords: Vec<Keyword>,
    pub entities: Vec<Entity>,
    pub language: Language,
    pub kind: TextKind,
    pub stats: Stats,
}

impl Summary {
    /// The chosen sentences, in document order.
    pub fn selected(&self) -> impl Iterator<Item = &Sentence> {
        self.sentences.iter().filter(|s| s.selected)
    }

    /// The chosen sentences joined into one text: by a space, or by nothing for
    /// languages written without spaces.
    pub fn text(&self, text: &str) -> String {
        let separator = if self.language.uses_spaces() { " " } else { "" };
        let parts: Vec<&str> = self.selected().map(|s| s.text(text)).collect();
        parts.join(separator)
    }
}

/// Summarizes `text` within the budget of `options`.
///
/// An empty text gives an empty summary; the only errors are invalid options.
pub fn summarize(text: &str, options: &Options) -> Result<Summary, Error> {
    options.validate()?;
    let language = options.language.unwrap_or_else(|| lang::detect(text));
    let spans = segment(text, language);
    let mut tokens = tokenize::tokenize(text, &spans, language);
    // The scorer turns the term counts into its vectors in their own buffer.
    let counts = std::mem::take(&mut tokens.counts);
    let scored = score::score(
        text,
        &spans,
        &tokens,
        counts,
        language,
        &options.weights,
        options.length,
    );

    let (char_counts, utf16) = counted_spans(text, &spans);
    let candidates: Vec<select::Candidate> = (0..spans.len())
        .map(|i| select::Candidate {
            score: scored.scores[i],
            words: tokens.word_counts[i] as usize,
            chars: char_counts[i],
            vector: scored.vectors.get(i),
            eligible: spans[i].kind.is_prose(),
        })
        .collect();
    let gap = usize::from(language.uses_spaces());
    let chosen = select::select(&candidates, options.length, options.redundancy, gap);
    // The vectors are the biggest buffer and only selection needs them: freed
    // here, they are not alive while the sentences are built. With the counts
    // becoming the vectors in place, 1 MB of Chinese peaks at 8.1 MB of heap,
    // not 12.2 MB.
    drop(candidates);
    drop(scored.vectors);

    let mut sentences: Vec<Sentence> = spans
        .iter()
        .zip(scored.features)
        .enumerate()
        .map(|(i, (span, features))| Sentence {
            bytes: Span {
                start: span.start,
                end: span.end,
            },
            utf16: utf16[i],
            paragraph: span.paragraph,
            kind: span.kind,
            words: tokens.word_counts[i] as usize,
            score: scored.scores[i],
            selected: false,
            features,
        })
        .collect();
    for &i in &chosen {
        sentences[i].selected = true;
    }

    let stats = Stats {
        sentences_in: sentences.len(),
        sentences_out: chosen.len(),
        words_in: sentences.iter().map(|s| s.words).sum(),
        words_out: chosen.iter().map(|&i| sentences[i].words).sum(),
        chars_in: char_counts.iter().sum(),
        chars_out: chosen.iter().map(|&i| char_counts[i]).sum(),
    };
    Ok(Summary {
        keywords: keywords(&tokens, &scored.idf, options.keywords),
        entities: tokens
            .entities
            .entities
            .iter()
            .take(options.entities)
            .map(|entity| entity.to_entity())
            .collect(),
        sentences,
        language,
        kind: scored.kind,
        stats,
    })
}

/// The most specific frequent terms: count × idf (the scorer's), at least two
/// occurrences when the text is long enough to tell, no bare numbers.
fn keywords(tokens: &tokenize::Tokens, idf: &[f64], limit: usize) -> Vec<Keyword> {
    let min_count = if tokens.sentence_count() > 5 { 2 } else { 1 };
    // Ranked as (term, score): only the few taken are copied out.
    // Two characters at least, not a number ("10" of "10:30", "3rd",
    // "1990s": dates are entities) and not a link's scheme.
    let long_enough = |id: usize| {
        let surface = tokens.surfaces.get(id);
        surface.chars().nth(1).is_some()
            && !surface.as_bytes()[0].is_ascii_digit()
            && !matches!(surface, "http" | "https" | "www")
    };
    let ranked: Vec<(usize, f64)> = tokens
        .terms
        .iter()
        .enumerate()
        .filter(|&(id, t)| t.count >= min_count && long_enough(id))
        .map(|(id, t)| (id, t.count as f64 * idf[id]))
        .collect();
    let order = order::first_indices(ranked.len(), limit, &|a, b| {
        let ((a, a_score), (b, b_score)) = (ranked[a], ranked[b]);
        b_score
            .total_cmp(&a_score)
            .then_with(|| tokens.surfaces.get(a).cmp(tokens.surfaces.get(b)))
    });
    order
        .into_iter()
        .map(|i| {
            let (id, score) = ranked[i];
            Keyword {
                text: tokens.surfaces.get(id).to_string(),
                count: tokens.terms[id].count,
                score,
            }
        })
        .collect()
}

/// The chars of every span and its UTF-16 offsets, in one pass over the
/// text: one count of a sentence gives both (counted apart, the wasm read 1 MB
/// of German twice more for them).
pub(crate) fn counted_spans(text: &str, spans: &[SentenceSpan]) -> (Vec<usize>, Vec<Span>) {
    let mut chars = Vec::with_capacity(spans.len());
    let mut utf16 = Vec::with_capacity(spans.len());
    let (mut byte, mut unit) = (0, 0);
    for span in spans {
        unit += utf16_len(&text[byte..span.start]);
        let body = span.text(text);
        let (count, four_byte) = if body.is_ascii() {
            (body.len(), 0)
        } else {
            utf8_counts(body)
        };
        chars.push(count);
        utf16.push(Span {
            start: unit,
            end: unit + count + four_byte,
        });
        unit += count + four_byte;
        byte = span.end;
    }
    (chars, utf16)
}

/// The chars of `s`, as `s.chars().count()`. Used for every count of chars
/// in the library, so that the wasm links no second counter (std's was 0.3 KB
/// gzipped).
pub(crate) fn char_count(s: &str) -> usize {
    // std counts a machine word at a time: natively eight bytes, and faster.
    if cfg!(target_arch = "wasm32") {
        utf8_counts(s).0
    } else {
        s.chars().count()
    }
}

/// The length of `s` in UTF-16 code units (what JavaScript's `slice` counts).
pub(crate) fn utf16_len(s: &str) -> usize {
    if s.is_ascii() {
        s.len()
    } else {
        let (chars, four_byte) = utf8_counts(s);
        chars + four_byte
    }
}

/// The chars of `s`, and how many of them take four bytes (and two UTF-16
/// code units). Eight bytes at a time: a continuation byte is `0b10xx_xxxx`,
/// a four-byte char starts with `0b1111_0xxx`. In wasm, where std counts chars
/// four bytes at a time and `chars().map(char::len_utf16)` decodes each, 1 MB
/// of German took 21 M instructions for the counts of a summary, now 10 M.
fn utf8_counts(s: &str) -> (usize, usize) {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let bytes = s.as_bytes();
    let mut chunks = bytes.chunks_exact(8);
    let (mut continuation, mut four_byte) = (0, 0);
    for chunk in &mut chunks {
        let w = u64::from_le_bytes(chunk.try_into().unwrap_or_default());
        continuation += (w & !(w << 1) & HIGH).count_ones() as usize;
        four_byte += (w & w << 1 & w << 2 & w << 3 & HIGH).count_ones() as usize;
    }
    for &b in chunks.remainder() {
        continuation += usize::from(b & 0xC0 == 0x80);
        four_byte += usize::from(b >= 0xF0);
    }
    (bytes.len() - continuation, four_byte)
}

/// The README's Rust examples, compiled and run as doctests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;

#[cfg(test)]
mod tests {
    #[test]
    fn counts_chars_and_utf16_units_as_std_does() {
        let pieces = [
            "",
            "a",
            "abcdefgh",
            "Grüße aus Köln",
            "北京大学很好。",
            "😀 x 😀😀 ä",
            "\u{7f}\u{80}\u{7ff}\u{800}\u{ffff}\u{10000}\u{10ffff}",
        ];
        for a in pieces {
            for b in pieces {
                let s = format!("{a}{b}{a}");
                let units: usize = s.chars().map(char::len_utf16).sum();
                assert_eq!(super::char_count(&s), s.chars().count(), "{s:?}");
                assert_eq!(super::utf16_len(&s), units, "{s:?}");
            }
        }
    }
}
