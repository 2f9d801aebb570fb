//! Step 1: split a text into paragraphs and sentences, with byte spans.
//!
//! Unicode's UAX #29 sentence boundaries are the starting point; a repair pass
//! then merges boundaries that follow abbreviations and the like.

use serde::Serialize;
use unicode_segmentation::UnicodeSegmentation;

use crate::lang::{is_abbreviation, Language};

/// What kind of unit a span is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum UnitKind {
    /// Ordinary running text.
    Sentence,
    /// A title or section heading (a short line without a terminator).
    Heading,
    /// An item of a numbered or bulleted list.
    ListItem,
}

/// One sentence: its byte span in the text (no leading or trailing white space),
/// the paragraph it belongs to (counted from 0) and its kind.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SentenceSpan {
    pub start: usize,
    pub end: usize,
    pub paragraph: usize,
    pub kind: UnitKind,
}

impl SentenceSpan {
    /// The sentence's text.
    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        &text[self.start..self.end]
    }
}

/// Splits `text` into sentences, in order. Spans never overlap, and what lies
/// between two consecutive spans (or before the first, after the last) is white space.
///
/// ```
/// use abridge::{segment, Language};
/// let text = "Dr. Smith arrived. He sat down.\n\nThen he left.";
/// let spans = segment(text, Language::English);
/// let sentences: Vec<&str> = spans.iter().map(|s| s.text(text)).collect();
/// assert_eq!(sentences, ["Dr. Smith arrived.", "He sat down.", "Then he left."]);
/// assert_eq!(spans[2].paragraph, 1);
/// ```
pub fn segment(text: &str, language: Language) -> Vec<SentenceSpan> {
    let mut spans = Vec::new();
    for (paragraph, (para_start, para_end)) in paragraphs(text).into_iter().enumerate() {
        let para = &text[para_start..para_end];
        let mut pending: Option<(usize, usize)> = None;
        for (offset, piece) in para.split_sentence_bound_indices() {
            let Some((start, end)) = trimmed(piece) else {
                continue;
            };
            let (start, end) = (para_start + offset + start, para_start + offset + end);
            pending = match pending {
                Some((s, e)) if ends_with_abbreviation(&text[s..e], language) => Some((s, end)),
                Some((s, e)) => {
                    spans.push(SentenceSpan {
                        start: s,
                        end: e,
                        paragraph,
                        kind: UnitKind::Sentence,
                    });
                    Some((start, end))
                }
                None => Some((start, end)),
            };
        }
        if let Some((start, end)) = pending {
            spans.push(SentenceSpan {
                start,
                end,
                paragraph,
                kind: UnitKind::Sentence,
            });
        }
    }
    spans
}

/// Paragraphs are separated by blank lines.
fn paragraphs(text: &str) -> Vec<(usize, usize)> {
    let mut result = Vec::new();
    let mut start = 0;
    let mut line_start = 0;
    let mut line_blank = true;
    for (i, c) in text.char_indices() {
        if c == '\n' {
            if line_blank && line_start > start {
                result.push((start, line_start));
                start = i + 1;
            } else if line_blank {
                start = i + 1;
            }
            line_start = i + 1;
            line_blank = true;
        } else if !c.is_whitespace() {
            line_blank = false;
        }
    }
    if start < text.len() {
        result.push((start, text.len()));
    }
    result.retain(|&(s, e)| !text[s..e].trim().is_empty());
    result
}

fn trimmed(piece: &str) -> Option<(usize, usize)> {
    let start = piece.len() - piece.trim_start().len();
    let end = piece.trim_end().len();
    (start < end).then_some((start, end))
}

fn ends_with_abbreviation(sentence: &str, language: Language) -> bool {
    let Some(body) = sentence.strip_suffix('.') else {
        return false;
    };
    let word = body
        .rsplit(|c: char| c.is_whitespace() || c == '(')
        .next()
        .unwrap_or("");
    is_abbreviation(language, word)
}
