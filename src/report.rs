//! A serializable view of a [`Summary`] together with its text: the one shape
//! that the CLI's JSON and the JavaScript bindings both return.

use serde::Serialize;

use crate::{Entity, Features, Keyword, Stats, Summary, TextKind, UnitKind};

/// A [`Summary`] with the sentence texts filled in, ready to serialize.
///
/// ```
/// let text = "One sentence here. Another one there.";
/// let summary = abridge::summarize(text, &abridge::Options::from(1)).unwrap();
/// let report = abridge::Report::new(&summary, text);
/// assert_eq!(report.sentences[1].text, "Another one there.");
/// assert_eq!(report.sentences[1].start, 19);
/// ```
#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Report<'a> {
    /// The chosen sentences joined (see [`Summary::text`]).
    pub summary: String,
    pub sentences: Vec<SentenceReport<'a>>,
    pub keywords: &'a [Keyword],
    pub entities: &'a [Entity],
    /// The language code used (`"en"`, `"de"`, ...).
    pub language: &'static str,
    pub kind: TextKind,
    pub stats: &'a Stats,
}

/// One sentence of a [`Report`]. `start`/`end` are UTF-16 offsets, so that in
/// JavaScript `text.slice(start, end) === sentence.text`.
#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SentenceReport<'a> {
    pub text: &'a str,
    pub start: usize,
    pub end: usize,
    pub byte_start: usize,
    pub byte_end: usize,
    pub paragraph: usize,
    pub kind: UnitKind,
    pub words: usize,
    pub score: f64,
    pub selected: bool,
    pub features: &'a Features,
}

impl<'a> Report<'a> {
    /// Pairs a summary with the text it was made from.
    pub fn new(summary: &'a Summary, text: &'a str) -> Self {
        Report {
            summary: summary.text(text),
            sentences: summary
                .sentences
                .iter()
                .map(|s| SentenceReport {
                    text: s.text(text),
                    start: s.utf16.start,
                    end: s.utf16.end,
                    byte_start: s.bytes.start,
                    byte_end: s.bytes.end,
                    paragraph: s.paragraph,
                    kind: s.kind,
                    words: s.words,
                    score: s.score,
                    selected: s.selected,
                    features: &s.features,
                })
                .collect(),
            keywords: &summary.keywords,
            entities: &summary.entities,
            language: summary.language.code(),
            kind: summary.kind,
            stats: &summary.stats,
        }
    }
}
