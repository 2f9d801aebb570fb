//! Which characters end a sentence in Unicode's sentence-break rules (UAX #29:
//! the Sentence_Terminal and ATerm characters, plus line and paragraph separators).
//!
//! A table of 92 ranges instead of asking unicode-segmentation's sentence
//! iterator: the iterator's property table is 30 KB of wasm data, and the
//! segmenter needs only this one bit. The test below checks every code point
//! against the iterator, so a Unicode update there shows up here.

/// Inclusive code point ranges, sorted. Only [`PACKED`] is in the binary.
const TERMINALS: &[(u32, u32)] = &[
    (0xa, 0xa),
    (0xd, 0xd),
    (0x21, 0x21),
    (0x2e, 0x2e),
    (0x3f, 0x3f),
    (0x85, 0x85),
    (0x589, 0x589),
    (0x61d, 0x61f),
    (0x6d4, 0x6d4),
    (0x700, 0x702),
    (0x7f9, 0x7f9),
    (0x837, 0x837),
    (0x839, 0x839),
    (0x83d, 0x83e),
    (0x964, 0x965),
    (0x104a, 0x104b),
    (0x1362, 0x1362),
    (0x1367, 0x1368),
    (0x166e, 0x166e),
    (0x1735, 0x1736),
    (0x17d4, 0x17d5),
    (0x1803, 0x1803),
    (0x1809, 0x1809),
    (0x1944, 0x1945),
    (0x1aa8, 0x1aab),
    (0x1b4e, 0x1b4f),
    (0x1b5a, 0x1b5b),
    (0x1b5e, 0x1b5f),
    (0x1b7d, 0x1b7f),
    (0x1c3b, 0x1c3c),
    (0x1c7e, 0x1c7f),
    (0x2024, 0x2024),
    (0x2028, 0x2029),
    (0x203c, 0x203d),
    (0x2047, 0x2049),
    (0x2cf9, 0x2cfb),
    (0x2e2e, 0x2e2e),
    (0x2e3c, 0x2e3c),
    (0x2e53, 0x2e54),
    (0x3002, 0x3002),
    (0xa4ff, 0xa4ff),
    (0xa60e, 0xa60f),
    (0xa6f3, 0xa6f3),
    (0xa6f7, 0xa6f7),
    (0xa876, 0xa877),
    (0xa8ce, 0xa8cf),
    (0xa92f, 0xa92f),
    (0xa9c8, 0xa9c9),
    (0xaa5d, 0xaa5f),
    (0xaaf0, 0xaaf1),
    (0xabeb, 0xabeb),
    (0xfe12, 0xfe12),
    (0xfe15, 0xfe16),
    (0xfe52, 0xfe52),
    (0xfe56, 0xfe57),
    (0xff01, 0xff01),
    (0xff0e, 0xff0e),
    (0xff1f, 0xff1f),
    (0xff61, 0xff61),
    (0x10a56, 0x10a57),
    (0x10f55, 0x10f59),
    (0x10f86, 0x10f89),
    (0x11047, 0x11048),
    (0x110be, 0x110c1),
    (0x11141, 0x11143),
    (0x111c5, 0x111c6),
    (0x111cd, 0x111cd),
    (0x111de, 0x111df),
    (0x11238, 0x11239),
    (0x1123b, 0x1123c),
    (0x112a9, 0x112a9),
    (0x113d4, 0x113d5),
    (0x1144b, 0x1144c),
    (0x115c2, 0x115c3),
    (0x115c9, 0x115d7),
    (0x11641, 0x11642),
    (0x1173c, 0x1173e),
    (0x11944, 0x11944),
    (0x11946, 0x11946),
    (0x11a42, 0x11a43),
    (0x11a9b, 0x11a9c),
    (0x11c41, 0x11c42),
    (0x11ef7, 0x11ef8),
    (0x11f43, 0x11f44),
    (0x16a6e, 0x16a6f),
    (0x16af5, 0x16af5),
    (0x16b37, 0x16b38),
    (0x16b44, 0x16b44),
    (0x16d6e, 0x16d6f),
    (0x16e98, 0x16e98),
    (0x1bc9f, 0x1bc9f),
    (0x1da88, 0x1da88),
];

/// [`TERMINALS`] in 4 bytes a range instead of 8: `first << 8 | (last - first)`.
const PACKED: [u32; TERMINALS.len()] = {
    let mut packed = [0; TERMINALS.len()];
    let mut i = 0;
    while i < TERMINALS.len() {
        let (first, last) = TERMINALS[i];
        assert!(first < 1 << 24 && last - first < 1 << 8);
        packed[i] = first << 8 | (last - first);
        i += 1;
    }
    packed
};

/// Whether UAX #29 breaks a sentence after `c` in "a{c} A".
pub(crate) fn is_sentence_terminal(c: char) -> bool {
    let c = c as u32;
    // The last range starting at or before `c`.
    let at = PACKED.partition_point(|&range| range >> 8 <= c);
    at.checked_sub(1)
        .and_then(|at| PACKED.get(at))
        .is_some_and(|&range| c - (range >> 8) <= range & 0xFF)
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_segmentation::UnicodeSegmentation;

    #[test]
    fn agrees_with_the_sentence_iterator_on_every_code_point() {
        let mut probe = String::new();
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            probe.clear();
            probe.push('a');
            probe.push(c);
            probe.push_str(" A");
            let breaks = probe.split_sentence_bounds().count() > 1;
            assert_eq!(is_sentence_terminal(c), breaks, "U+{:04X}", c as u32);
        }
    }

    #[test]
    fn ranges_are_sorted_and_disjoint() {
        assert!(TERMINALS.iter().all(|&(lo, hi)| lo <= hi));
        assert!(TERMINALS.windows(2).all(|w| w[0].1 < w[1].0));
    }
}
