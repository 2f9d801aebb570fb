//! The words of a text by UAX #29, as `unicode_word_indices` finds them, cut
//! into pieces so that unicode-segmentation's ASCII fast path serves every
//! ASCII stretch of a text that is not ASCII throughout.
//!
//! `unicode_word_indices` takes its fast path only when the whole string is
//! ASCII; one em dash or curly quote sends a sentence through the Unicode
//! tables, char by char. A word boundary always falls after white space that
//! is followed by a printable ASCII character (no rule joins the two: ASCII has
//! no Extend, Format or ZWJ characters, and only WB3d joins white space, to
//! white space), and the iterator starts afresh at every boundary, so the words
//! of the pieces between such cuts are the words of the whole.

use unicode_segmentation::UnicodeSegmentation;

/// Appends `(byte offset, word)` for each word of `text` to `words`, exactly
/// as `text.unicode_word_indices()` yields them.
// Out of line: inlined into the tokenizer's loop, the word iterator lost its
// own inlining and 1 MB of Chinese took 24 M more instructions (7 M this way).
#[inline(never)]
pub(crate) fn push_word_indices<'a>(text: &'a str, words: &mut Vec<(usize, &'a str)>) {
    for (start, piece) in (Pieces { text, at: 0 }) {
        words.extend(
            piece
                .unicode_word_indices()
                .map(|(offset, word)| (start + offset, word)),
        );
    }
}

/// Consecutive pieces of a text: ASCII stretches as long as they go, and the
/// stretches around non-ASCII characters, cut only where a boundary is certain.
struct Pieces<'a> {
    text: &'a str,
    at: usize,
}

/// A certain word boundary before `bytes[i]`: white space, then printable ASCII.
fn is_cut(bytes: &[u8], i: usize) -> bool {
    bytes[i - 1].is_ascii_whitespace() && bytes[i].is_ascii_graphic()
}

/// The first cut after `from`, or the end: looks for white space first, which
/// text without spaces (Chinese, Japanese) never has.
fn next_cut(bytes: &[u8], from: usize) -> usize {
    let mut i = from;
    while let Some(found) = bytes[i..].iter().position(u8::is_ascii_whitespace) {
        let after = i + found + 1;
        if after < bytes.len() && is_cut(bytes, after) {
            return after;
        }
        i = after;
    }
    bytes.len()
}

impl<'a> Iterator for Pieces<'a> {
    type Item = (usize, &'a str);

    fn next(&mut self) -> Option<Self::Item> {
        let bytes = self.text.as_bytes();
        let start = self.at;
        if start >= bytes.len() {
            return None;
        }
        let end = match bytes[start..].iter().position(|&b| !b.is_ascii()) {
            None => bytes.len(),
            Some(found) => {
                let first_other = start + found;
                // The ASCII stretch ends at the last cut before the character...
                match (start + 1..=first_other).rev().find(|&i| is_cut(bytes, i)) {
                    Some(cut) => cut,
                    // ...or, if it has none, the piece runs to the first cut after.
                    None => next_cut(bytes, first_other + 1),
                }
            }
        };
        self.at = end;
        // Cuts fall before ASCII bytes, so both ends are char boundaries.
        Some((start, &self.text[start..end]))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn same_as_whole(text: &str) {
        let mut pieces = Vec::new();
        push_word_indices(text, &mut pieces);
        let whole: Vec<_> = text.unicode_word_indices().collect();
        assert_eq!(pieces, whole, "{text:?}");
    }

    #[test]
    fn the_words_are_those_of_the_whole_text() {
        for text in [
            "",
            " ",
            "plain ASCII words, numbers like 3.14 and U.S. abbreviations.",
            "An em dash—between words, and “curly quotes” around them.",
            "Crème brûlée at the café, then naïve résumé writing.",
            "Zürich’s 1.000,5 Franken — “so teuer”, sagt Grüße.",
            "Mixed 中文字符 with English and 日本語のかな text.",
            "Flags 🇫🇷🇩🇪 and families 👨‍👩‍👧 and a wave 👋🏽 here.",
            "A combining mark after a space: e \u{301}x and a\u{301} b.",
            "Tabs\tand\r\nline ends\n\nand\u{a0}no-break\u{2009}spaces.",
            "Ελληνικά και русский текст, עברית ו-العربية.",
            "ÉÉÉ",
            "x é",
            "é x",
            "  \u{300}a",
        ] {
            same_as_whole(text);
        }
    }

    #[test]
    fn ascii_stretches_are_one_piece() {
        let text = "One two three — four five six.";
        let pieces: Vec<_> = Pieces { text, at: 0 }.map(|(_, p)| p).collect();
        // A cut needs ASCII after the space, so the dash goes with the word before it.
        assert_eq!(pieces, ["One two ", "three — ", "four five six."]);
        let ascii = "Only ASCII here.";
        assert_eq!(Pieces { text: ascii, at: 0 }.count(), 1);
    }

    proptest! {
        #[test]
        fn random_texts_split_like_the_whole(
            parts in proptest::collection::vec(
                prop_oneof![
                    Just(" "), Just("  "), Just("\n"), Just("\r\n"), Just("\t"), Just("a"),
                    Just("Z"), Just("7"), Just("."), Just(","), Just("'"), Just(":"), Just("_"),
                    Just("-"), Just("é"), Just("\u{301}"), Just("\u{200d}"), Just("\u{ad}"),
                    Just("中"), Just("カ"), Just("ー"), Just("🇫"), Just("🇷"), Just("👋"),
                    Just("\u{1f3fd}"), Just("’"), Just("—"), Just("\u{a0}"), Just("١"),
                    Just("ß"), Just("ก"), Just("\u{e31}"),
                ],
                0..40,
            )
        ) {
            same_as_whole(&parts.concat());
        }
    }
}
