//! `char::is_alphabetic`, `char::is_alphanumeric` and `char::is_numeric` with
//! the common scripts answered by a range check. std answers ASCII at once but
//! binary-searches its table for every other character: on 1 MB of Chinese
//! that was 87 M of the 482 M instructions of a summary, three checks per
//! character at ~80 each. The same holds for the punctuation of those scripts
//! (`„“–` in German, `，。“”` in Chinese), which is neither letter nor number.
//!
//! The ranges hold letters only, or neither letters nor numbers (checked
//! against std for every code point in the tests), so the answers are std's
//! exactly.

/// Blocks that are letters from end to end: Latin-1 and Latin Extended-A/B
/// letters, Greek and Cyrillic basic letters, hiragana, katakana, the CJK
/// Unified Ideographs and Hangul syllables.
fn is_common_letter(c: char) -> bool {
    matches!(c,
        '\u{C0}'..='\u{D6}'
        | '\u{D8}'..='\u{F6}'
        | '\u{F8}'..='\u{24F}'
        | '\u{391}'..='\u{3A1}'
        | '\u{3A3}'..='\u{3C9}'
        | '\u{400}'..='\u{481}'
        | '\u{3041}'..='\u{3096}'
        | '\u{30A1}'..='\u{30FA}'
        | '\u{4E00}'..='\u{9FFF}'
        | '\u{AC00}'..='\u{D7A3}')
}

/// Blocks with no letter and no number: General Punctuation (dashes, curly
/// quotes, bullets), the CJK brackets and marks around the ideographic full
/// stop, and the fullwidth forms of ASCII punctuation. Checked before std's
/// search: 1 MB of Chinese 271.8 to 261.0 M instructions a call, of German
/// 166.4 to 160.2 M, for 290 bytes of gzipped wasm.
fn is_common_punctuation(c: char) -> bool {
    matches!(c,
        '\u{2000}'..='\u{206F}'
        | '\u{3000}'..='\u{3004}'
        | '\u{3008}'..='\u{3020}'
        | '\u{FF01}'..='\u{FF0F}'
        | '\u{FF1A}'..='\u{FF20}'
        | '\u{FF3B}'..='\u{FF40}'
        | '\u{FF5B}'..='\u{FF65}')
}

/// Same as [`char::is_alphabetic`].
#[inline]
pub(crate) fn is_alphabetic(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphabetic()
    } else {
        is_common_letter(c) || (!is_common_punctuation(c) && c.is_alphabetic())
    }
}

/// Same as [`char::is_numeric`].
#[inline]
pub(crate) fn is_numeric(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_digit()
    } else {
        !is_common_letter(c) && other_numeric(c)
    }
}

/// The rest of [`is_numeric`]: out of line, as std's table search is.
#[inline(never)]
fn other_numeric(c: char) -> bool {
    !is_common_punctuation(c) && c.is_numeric()
}

/// Same as [`char::is_alphanumeric`]. The ASCII test always inline: the
/// wasm (built for size) called this out of line for every character of a
/// sentence opening with an umlaut.
#[inline(always)]
pub(crate) fn is_alphanumeric(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else {
        // The CJK Unified Ideographs inline too: Chinese openings are scanned
        // a character at a time.
        matches!(c, '\u{4E00}'..='\u{9FFF}') || non_ascii_alphanumeric(c)
    }
}

/// The rest of [`is_alphanumeric`]: each range checked once.
#[inline]
fn non_ascii_alphanumeric(c: char) -> bool {
    is_common_letter(c) || (!is_common_punctuation(c) && c.is_alphanumeric())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answers_as_std_does_for_every_code_point() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            assert_eq!(is_alphabetic(c), c.is_alphabetic(), "{c:?}");
            assert_eq!(is_alphanumeric(c), c.is_alphanumeric(), "{c:?}");
            assert_eq!(is_numeric(c), c.is_numeric(), "{c:?}");
            if is_common_letter(c) {
                assert!(c.is_alphabetic(), "{c:?} is in a range of letters");
            }
            if is_common_punctuation(c) {
                assert!(!c.is_alphanumeric(), "{c:?} is in a range of punctuation");
            }
        }
    }
}
