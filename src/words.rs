//! The words of a text by UAX #29, as `unicode_word_indices` finds them, with
//! ASCII stretches split by a byte loop and only the stretches around
//! non-ASCII characters handed to unicode-segmentation's tables.
//!
//! A word boundary always falls after white space that is followed by a
//! printable ASCII character (no rule joins the two: ASCII has no Extend,
//! Format or ZWJ characters, and only WB3d joins white space, to white space),
//! and the rules start afresh at every boundary, so the words of the pieces
//! between such cuts are the words of the whole.

use unicode_segmentation::UnicodeSegmentation;

/// Appends `(byte offset, word)` for each word of `text` to `words`, exactly
/// as `text.unicode_word_indices()` yields them.
// Out of line: inlined into the tokenizer's loop, 1 MB of English and of
// Chinese each took 1-2 M more instructions.
#[inline(never)]
pub(crate) fn push_word_indices<'a>(text: &'a str, words: &mut Vec<(usize, &'a str)>) {
    let bytes = text.as_bytes();
    let first_word = words.len();
    // Where the byte loop resumes: the start, or a cut.
    let mut at = 0;
    while let Some(other) = push_ascii_words(text, at, words) {
        // A non-ASCII character: the words from the last cut before it to the
        // first cut after it are redone with the Unicode rules.
        let from = (at + 1..=other)
            .rev()
            .find(|&i| is_cut(bytes, i))
            .unwrap_or(at);
        while words.len() > first_word && words.last().is_some_and(|&(start, _)| start >= from) {
            words.pop();
        }
        let to = next_cut(bytes, other + 1);
        push_unicode_words(text, from, to, words);
        at = to;
    }
}

/// Appends the words of `text[from..to]` by the Unicode tables.
// Out of line, the word iterator keeps its own inlining: 1 MB of Chinese took
// 15 M more instructions with it inlined into the caller.
#[inline(never)]
fn push_unicode_words<'a>(
    text: &'a str,
    from: usize,
    to: usize,
    words: &mut Vec<(usize, &'a str)>,
) {
    // Cuts fall before ASCII bytes, so both ends are char boundaries.
    let piece = text.get(from..to).unwrap_or_default();
    words.extend(
        piece
            .unicode_word_indices()
            .map(|(offset, word)| (from + offset, word)),
    );
}

/// Letters, digits and the low line: the bytes that UAX #29 keeps together
/// (WB5, WB8–WB10, WB13a–b) in ASCII.
const CORE: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 128 {
        table[b] = (b as u8).is_ascii_alphanumeric() || b == b'_' as usize;
        b += 1;
    }
    table
};

/// Whether the punctuation byte `b` between `before` and `after` joins them
/// into one word: "3.14", "1,000", "e.g", "rock'n" (WB6–WB7, WB11–WB12).
fn joins(b: u8, before: u8, after: u8) -> bool {
    match b {
        b'.' | b'\'' => {
            (before.is_ascii_digit() && after.is_ascii_digit())
                || (before.is_ascii_alphabetic() && after.is_ascii_alphabetic())
        }
        b',' | b';' => before.is_ascii_digit() && after.is_ascii_digit(),
        b':' => before.is_ascii_alphabetic() && after.is_ascii_alphabetic(),
        _ => false,
    }
}

/// Appends the words of `text` from `from` on, as long as the text is ASCII:
/// runs of letters, digits and low lines, joined across single infix
/// punctuation, that hold a letter or digit. Returns where the first non-ASCII
/// byte stops it, if one does. A byte loop over a class table: 1 MB of English
/// news took 40 M instructions to split through unicode-segmentation (its own
/// ASCII path included), 19 M this way.
fn push_ascii_words<'a>(
    text: &'a str,
    from: usize,
    words: &mut Vec<(usize, &'a str)>,
) -> Option<usize> {
    let bytes = text.as_bytes();
    let n = bytes.len();
    let mut i = from;
    while i < n {
        let first = bytes[i];
        if !CORE[usize::from(first)] {
            if !first.is_ascii() {
                return Some(i);
            }
            i += 1;
            continue;
        }
        let start = i;
        i += 1;
        loop {
            while i < n && CORE[usize::from(bytes[i])] {
                i += 1;
            }
            if i + 1 < n && joins(bytes[i], bytes[i - 1], bytes[i + 1]) {
                i += 2;
            } else {
                break;
            }
        }
        // The run stops before an ASCII byte or a non-ASCII character's first
        // byte: a char boundary either way.
        let word = text.get(start..i).unwrap_or_default();
        // Infixes join letters and digits only, so a word without either is
        // all low lines (checked only then, off the per-byte loop).
        if first != b'_' || word.bytes().any(|b| b != b'_') {
            words.push((start, word));
        }
    }
    None
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
    fn words_before_a_cut_stay_and_after_it_are_redone() {
        let mut words = vec![(0, "kept")];
        push_word_indices("One two three—four five", &mut words);
        assert_eq!(
            words,
            [
                (0, "kept"),
                (0, "One"),
                (4, "two"),
                (8, "three"),
                (16, "four"),
                (21, "five")
            ]
        );
        let mut ascii = Vec::new();
        assert_eq!(push_ascii_words("ab é", 0, &mut ascii), Some(3));
        assert_eq!(ascii, [(0, "ab")]);
    }

    proptest! {
        #[test]
        fn ascii_texts_split_like_unicode_segmentation(
            bytes in proptest::collection::vec(
                proptest::sample::select(b"aZq79_.,;:'\" !?-\r\n\t".to_vec()),
                0..40,
            )
        ) {
            let text = String::from_utf8(bytes).unwrap();
            let mut words = Vec::new();
            prop_assert_eq!(push_ascii_words(&text, 0, &mut words), None);
            let expected: Vec<_> = text.unicode_word_indices().collect();
            prop_assert_eq!(words, expected);
        }

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
