//! `char::is_alphabetic` and `char::is_alphanumeric` with the common scripts
//! answered by a range check. std answers ASCII at once but binary-searches its
//! table for every other character: on 1 MB of Chinese that was 87 M of the
//! 482 M instructions of a summary, three checks per character at ~80 each.
//!
//! The ranges hold letters only (checked against std for every code point in
//! the tests), so the answers are std's exactly.

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

/// Same as [`char::is_alphabetic`].
#[inline]
pub(crate) fn is_alphabetic(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphabetic()
    } else {
        is_common_letter(c) || c.is_alphabetic()
    }
}

/// Same as [`char::is_alphanumeric`], which is defined the same way.
#[inline]
pub(crate) fn is_alphanumeric(c: char) -> bool {
    is_alphabetic(c) || c.is_numeric()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answers_as_std_does_for_every_code_point() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            assert_eq!(is_alphabetic(c), c.is_alphabetic(), "{c:?}");
            assert_eq!(is_alphanumeric(c), c.is_alphanumeric(), "{c:?}");
            if is_common_letter(c) {
                assert!(c.is_alphabetic(), "{c:?} is in a range of letters");
            }
        }
    }
}
