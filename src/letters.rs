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

/// A byte repeated in each of the eight lanes of a `u64`, for the byte tests
/// done eight at a time (here and in the scorer's byte counts).
pub(crate) const fn lanes(b: u8) -> u64 {
    u64::from_le_bytes([b; 8])
}

/// The length of the run of ASCII letters and digits (and low lines, with
/// `low_line`) that starts at `bytes[from]`, eight bytes at a time. Words end
/// at unpredictable places, and a byte loop's exit branch was mispredicted
/// about once a word: here a word of up to seven bytes takes one step.
#[inline(always)]
pub(crate) fn ascii_alphanumeric_run(bytes: &[u8], from: usize, low_line: bool) -> usize {
    const HIGH: u64 = lanes(0x80);
    const LOW: u64 = lanes(0x7F);
    let mut at = from;
    while let Some(chunk) = bytes.get(at..).and_then(<[u8]>::first_chunk::<8>) {
        let word = u64::from_le_bytes(*chunk);
        // Each lane of `x` is below 0x80, so no sum below carries into the
        // next lane: a lane's high bit says whether it reached a bound.
        let x = word & LOW;
        let digit = (x + lanes(0x80 - b'0')) & !(x + lanes(0x7F - b'9'));
        let folded = x | lanes(0x20);
        let letter = (folded + lanes(0x80 - b'a')) & !(folded + lanes(0x7F - b'z'));
        let mut kept = digit | letter;
        if low_line {
            let other = x ^ lanes(b'_');
            kept |= !(other + LOW);
        }
        // Bytes from 0x80 up are no ASCII.
        let kept = kept & !word & HIGH;
        if kept != HIGH {
            return at - from + (!kept & HIGH).trailing_zeros() as usize / 8;
        }
        at += 8;
    }
    let tail = bytes.get(at..).unwrap_or_default();
    at - from
        + tail
            .iter()
            .take_while(|&&b| b.is_ascii_alphanumeric() || (low_line && b == b'_'))
            .count()
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

    #[test]
    fn ascii_runs_are_counted_byte_by_byte() {
        let text = "ab_9 Zz09_z{`@[/:x é word_with_low_lines ABCDEFGHIJKLMNOPQRSTUVWXYZ0123 end";
        let bytes = text.as_bytes();
        for low_line in [false, true] {
            let kept = |b: u8| b.is_ascii_alphanumeric() || (low_line && b == b'_');
            for from in 0..=bytes.len() {
                let expected = bytes[from..].iter().take_while(|&&b| kept(b)).count();
                assert_eq!(
                    ascii_alphanumeric_run(bytes, from, low_line),
                    expected,
                    "{from}"
                );
            }
        }
        for b in 0..=255u8 {
            for low_line in [false, true] {
                let kept = b.is_ascii_alphanumeric() || (low_line && b == b'_');
                let expected = if kept { 9 } else { 0 };
                let run = ascii_alphanumeric_run(&[b; 9], 0, low_line);
                assert_eq!(run, expected, "{b:#x}");
            }
        }
    }
}
