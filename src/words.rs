//! The words of a text by UAX #29, as `unicode_word_indices` finds them, with
//! ASCII, Latin letters, Han, hiragana and common punctuation split by a byte
//! loop and only the stretches around other characters handed to
//! unicode-segmentation's tables.
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
    while let Some(other) = push_words_by_bytes(text, at, words) {
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

/// What an ASCII infix joins, letters and digits: `.` and `'` both
/// (MidNumLetQ), `:` letters (MidLetter), `,` and `;` digits (MidNum).
const fn ascii_infix(b: u8) -> Option<(bool, bool)> {
    match b {
        b'.' | b'\'' => Some((true, true)),
        b':' => Some((true, false)),
        b',' | b';' => Some((false, true)),
        _ => None,
    }
}

/// The ASCII bytes that [`ascii_infix`] knows, as a table for the run loop.
const MAY_JOIN: [bool; 128] = {
    let mut table = [false; 128];
    let mut b = 0;
    while b < 128 {
        table[b] = ascii_infix(b as u8).is_some();
        b += 1;
    }
    table
};

/// What a character is to the joining rules: a letter, a digit, or neither.
#[derive(Clone, Copy, PartialEq)]
enum Kind {
    Letter,
    Digit,
    Neither,
}

/// Whether the two bytes starting at `lead` are a letter of Latin-1 or Latin
/// Extended-A (U+00C0..=U+017F but × and ÷): "ä", "é", "ß", "ł", "ő". UAX #29
/// counts each as ALetter, like an ASCII letter.
fn is_latin_letter(lead: u8, next: Option<&u8>) -> bool {
    match (lead, next) {
        (0xC3, Some(&b)) => (0x80..=0xBF).contains(&b) && b != 0x97 && b != 0xB7,
        (0xC4 | 0xC5, Some(&b)) => (0x80..=0xBF).contains(&b),
        _ => false,
    }
}

/// The kind of the character that starts at `bytes[i]`.
fn kind_at(bytes: &[u8], i: usize) -> Kind {
    match bytes.get(i) {
        Some(b) if b.is_ascii_alphabetic() => Kind::Letter,
        Some(b) if b.is_ascii_digit() => Kind::Digit,
        Some(&lead) if is_latin_letter(lead, bytes.get(i + 1)) => Kind::Letter,
        _ => Kind::Neither,
    }
}

/// The kind of the character that ends at `bytes[i - 1]`, inside a run: a
/// non-ASCII byte there ends a Latin letter, the only other character a run holds.
fn kind_before(bytes: &[u8], i: usize) -> Kind {
    match bytes.get(i.wrapping_sub(1)) {
        Some(b) if b.is_ascii_digit() => Kind::Digit,
        Some(b) if b.is_ascii_alphabetic() || !b.is_ascii() => Kind::Letter,
        _ => Kind::Neither,
    }
}

/// The infix punctuation at `bytes[i]`, as its length in bytes and whether it
/// joins letters and digits: an ASCII one, or `‘` and `’`, which join both
/// (MidNumLet). "3.14", "1,000", "e.g", "don’t" (WB6–WB7, WB11–WB12).
fn infix_at(bytes: &[u8], i: usize) -> Option<(usize, bool, bool)> {
    match *bytes.get(i)? {
        0xE2 if matches!(bytes.get(i + 1..i + 3), Some([0x80, 0x98 | 0x99])) => {
            Some((3, true, true))
        }
        b => ascii_infix(b).map(|(letters, digits)| (1, letters, digits)),
    }
}

/// The length of the punctuation at `bytes[i]` that UAX #29 always breaks
/// around (WB999) and the byte loop may step over, or 0: dashes, double
/// quotes, the ellipsis, and the single quotes where they join nothing.
fn other_len(bytes: &[u8], i: usize) -> usize {
    match bytes.get(i..i + 3) {
        Some([0xE2, 0x80, 0x93 | 0x94 | 0x98 | 0x99 | 0x9C | 0x9D | 0x9E | 0xA6]) => 3,
        _ => 0,
    }
}

/// The code point of the three-byte character at `bytes[i]`, if one starts there.
// Always inlined: at opt-level "s" the wasm called it for each char of Chinese
// (1 MB: 28 M instructions).
#[inline(always)]
fn three_byte_char(bytes: &[u8], i: usize) -> Option<u32> {
    match *bytes.get(i..i.checked_add(3)?)? {
        [lead @ 0xE0..=0xEF, b1 @ 0x80..=0xBF, b2 @ 0x80..=0xBF] => {
            Some(u32::from(lead & 0x0F) << 12 | u32::from(b1 & 0x3F) << 6 | u32::from(b2 & 0x3F))
        }
        _ => None,
    }
}

/// Han ideographs and hiragana: UAX #29 gives each a word of its own, joined
/// to nothing but a following Extend, Format or ZWJ (WB4). (The combining
/// voiced marks after U+3096 are Extend.)
fn is_lone_letter(c: u32) -> bool {
    matches!(c, 0x4E00..=0x9FFF | 0x3041..=0x3096)
}

/// Whether the character at `bytes[i]` (or the end of the text) is one the
/// byte loop knows, none of them Extend, Format or ZWJ: what comes before it
/// is not joined to it by WB4.
fn is_known(bytes: &[u8], i: usize) -> bool {
    match bytes.get(i) {
        None => true,
        Some(b) if b.is_ascii() => true,
        Some(&lead) if is_latin_letter(lead, bytes.get(i + 1)) => true,
        _ => {
            other_len(bytes, i) > 0
                || three_byte_char(bytes, i)
                    .is_some_and(|c| is_lone_letter(c) || is_cjk_break(c) || is_cjk_infix(c))
        }
    }
}

/// CJK punctuation that UAX #29 breaks around (WB999): 、。《》「」『』【】！（）？
fn is_cjk_break(c: u32) -> bool {
    matches!(
        c,
        0x3001 | 0x3002 | 0x300A..=0x3011 | 0xFF01 | 0xFF08 | 0xFF09 | 0xFF1F
    )
}

/// Fullwidth `，` and `；` (MidNum) and `：` (MidLetter): they join digits or
/// letters on both sides (WB6–WB7, WB11–WB12), never after Han or hiragana.
fn is_cjk_infix(c: u32) -> bool {
    matches!(c, 0xFF0C | 0xFF1A | 0xFF1B)
}

/// The length of the Han or kana character or the CJK punctuation at
/// `bytes[i]` and whether it is a word, when the byte loop may take it:
/// `(0, false)` if not. Chinese is nearly all such characters: taken here,
/// not by the Unicode tables, a summary of 1 MB of Chinese news takes 329 M
/// instructions, not 441 M.
fn cjk_len(bytes: &[u8], i: usize) -> (usize, bool) {
    let Some(c) = three_byte_char(bytes, i) else {
        return (0, false);
    };
    if is_lone_letter(c) {
        if is_known(bytes, i + 3) {
            return (3, true);
        }
    } else if is_cjk_break(c)
        || is_cjk_infix(c) && i >= 3 && three_byte_char(bytes, i - 3).is_some_and(is_lone_letter)
    {
        return (3, false);
    }
    (0, false)
}

/// How many bytes at `bytes[i]` (which is `b`) a run of letters and digits
/// takes in: a Latin letter, or an infix with the letter or digit after it
/// that it joins to the one before; 0 ends the run.
// Out of line, it keeps the per-byte loop small: 1 M fewer instructions on
// 1 MB of English or German.
#[inline(never)]
fn run_goes_on(bytes: &[u8], i: usize, b: u8) -> usize {
    if is_latin_letter(b, bytes.get(i + 1)) {
        return 2;
    }
    let Some((len, letters, digits)) = infix_at(bytes, i) else {
        return 0;
    };
    let (before, after) = (kind_before(bytes, i), kind_at(bytes, i + len));
    if before == after && ((letters && before == Kind::Letter) || (digits && before == Kind::Digit))
    {
        len
    } else {
        0
    }
}

/// Appends the words of `text` from `from` on, as long as it holds only ASCII,
/// Latin letters and common punctuation: runs of letters, digits and low
/// lines, joined across single infix punctuation, that hold a letter or digit.
/// Returns where the first other character stops it, if one does. A byte loop
/// over a class table: 1 MB of English news took 40 M instructions to split
/// through unicode-segmentation (its own ASCII path included), 19 M this way.
fn push_words_by_bytes<'a>(
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
            if first.is_ascii() {
                i += 1;
                continue;
            }
            if !is_latin_letter(first, bytes.get(i + 1)) {
                match other_len(bytes, i) {
                    0 => {}
                    len => {
                        i += len;
                        continue;
                    }
                }
                match cjk_len(bytes, i) {
                    (0, _) => return Some(i),
                    (len, word) => {
                        if word {
                            words.push((i, text.get(i..i + len).unwrap_or_default()));
                        }
                        i += len;
                        continue;
                    }
                }
            }
        }
        let start = i;
        loop {
            i += crate::letters::ascii_alphanumeric_run(bytes, i, true);
            // Most runs end at white space or other plain punctuation.
            let Some(&b) = bytes
                .get(i)
                .filter(|&&b| !b.is_ascii() || MAY_JOIN[usize::from(b)])
            else {
                break;
            };
            match run_goes_on(bytes, i, b) {
                0 => break,
                len => i += len,
            }
        }
        // The run stops before an ASCII byte or a character's first byte.
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
    fn cjk_characters_split_like_unicode_segmentation() {
        let neighbours = [
            "", "a", "1", "é", "中", "ひ", "カ", "。", "，", " ", "\u{301}", "\u{fe0f}", "’",
        ];
        let cjk = (0x3000..=0x30FF)
            .chain((0x4DF0..=0xA00F).step_by(7))
            .chain([0x4E00, 0x9FFF, 0xA000])
            .chain(0xFE00..=0xFF70);
        for c in cjk.filter_map(char::from_u32) {
            for before in neighbours {
                for after in neighbours {
                    same_as_whole(&format!("{before}{c}{after}"));
                    same_as_whole(&format!("{before}{c}{c}{after}"));
                }
            }
        }
    }

    #[test]
    fn words_before_a_cut_stay_and_after_it_are_redone() {
        // The combining mark is unknown to the byte loop: "three" is taken
        // back and redone with the mark and the "x" it joins.
        let mut words = vec![(0, "kept")];
        push_word_indices("One two three\u{301}x four—Grüße", &mut words);
        assert_eq!(
            words,
            [
                (0, "kept"),
                (0, "One"),
                (4, "two"),
                (8, "three\u{301}x"),
                (17, "four"),
                (24, "Grüße")
            ]
        );
        let mut latin = Vec::new();
        assert_eq!(push_words_by_bytes("Ab ‘dé’ ƀ", 0, &mut latin), Some(13));
        assert_eq!(latin, [(0, "Ab"), (6, "dé")]);
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
            prop_assert_eq!(push_words_by_bytes(&text, 0, &mut words), None);
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
                    Just("ß"), Just("ก"), Just("\u{e31}"), Just("ä"), Just("Ÿ"), Just("ł"),
                    Just("×"), Just("÷"), Just("ƀ"), Just("‘"), Just("“"), Just("”"),
                    Just("„"), Just("–"), Just("…"), Just("\u{2024}"), Just("µ"),
                    Just("文"), Just("ひ"), Just("。"), Just("，"), Just("："), Just("；"),
                    Just("、"), Just("《"), Just("》"), Just("！"), Just("（"), Just("\u{3099}"),
                    Just("\u{fe0f}"), Just("\u{e0100}"), Just("１"),
                ],
                0..48,
            )
        ) {
            same_as_whole(&parts.concat());
        }
    }
}
