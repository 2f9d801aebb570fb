//! Who speaks: the labels that open the turns of an interview, a transcript
//! or a chat ("Q:", "Anna:", "Speaker 2:", "[10:32] Anna:").
//!
//! In such a text the labels are no part of what is said. Repeated on every
//! line, they would be its most central terms and its most frequent names,
//! and they would make a short answer ("A: Not forever.") look long enough.

use crate::segment::{SentenceSpan, UnitKind};

/// A label lies in a sentence's first 40 bytes ("[10:32:05] Dr. Okafor:"
/// has 22).
const MAX_LABEL_BYTES: usize = 40;

/// The speaker's label that opens `sentence`, as the byte where it ends and
/// its words: up to three words, none starting with an ASCII lower-case
/// letter, the last ending in a colon and starting with a capital, a digit
/// or a letter of two UTF-8 bytes from U+00C0 on ("Élodie:", "Анна:"; not
/// a no-break space, "«" or "¿", whose lead byte is 0xC2). Not what is said
/// ("He said: ...") and not an aside ("Bukarest (rumänisch: ..."). Chinese,
/// Japanese and Korean, letters of three bytes, are not read: the first two
/// write no space after a label, and a sentence read to its end cost 2% of
/// a call on Chinese news. Read as bytes: `split_ascii_whitespace` and a
/// test of the first character's case cost the wasm half a kilobyte.
pub(crate) fn label(sentence: &str) -> Option<(usize, u32)> {
    let bytes = &sentence.as_bytes()[..sentence.len().min(MAX_LABEL_BYTES)];
    let mut at = 0;
    for words in 1..=3 {
        let first = *bytes.get(at)?;
        if first.is_ascii_lowercase() || first >= 0xE0 || matches!(first, b' ' | b'\t') {
            return None;
        }
        while at < bytes.len() && !matches!(bytes[at], b' ' | b'\t') {
            at += 1;
        }
        if bytes[at - 1] == b':' {
            let capital = first.is_ascii_uppercase() || first.is_ascii_digit() || first >= 0xC3;
            return capital.then_some((at, words));
        }
        at += 1;
    }
    None
}

/// Tells a conversation: at least three turns, and as many as half the
/// prose units that open a line (unindented), where a turn is such a unit
/// that opens with a speaker's label, or a chat message's header.
#[derive(Default)]
pub(crate) struct Turns {
    lines: usize,
    turns: usize,
}

impl Turns {
    /// Where the speaker's label of `span` ends, if the unit opens a line
    /// with one, counting the unit.
    pub(crate) fn label_end(&mut self, span: &SentenceSpan, text: &str) -> Option<usize> {
        if span.start > 0 && text.as_bytes()[span.start - 1] != b'\n' {
            return None;
        }
        // A chat message's header ("Anna Smith  10:02 AM") or a video
        // transcript's time ("0:03") opens a turn as a label does.
        if span.kind == UnitKind::Timestamp {
            self.turns += 1;
        }
        if !span.kind.is_prose() {
            return None;
        }
        self.lines += 1;
        let (end, _) = label(span.text(text))?;
        self.turns += 1;
        Some(end)
    }

    pub(crate) fn is_conversation(&self) -> bool {
        self.turns >= 3 && self.turns * 2 >= self.lines
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::Language;

    #[test]
    fn labels_are_who_speaks() {
        for (sentence, expected) in [
            ("Q: Why now?", Some("Q:")),
            ("Anna: see you at ten", Some("Anna:")),
            ("Dr. Okafor: Thank you.", Some("Dr. Okafor:")),
            ("Speaker 2: Right.", Some("Speaker 2:")),
            ("[10:32] Anna: hi", Some("[10:32] Anna:")),
            ("He said: we will win.", None),
            ("The plan: build it twice.", None),
            ("Bukarest (rumänisch: Bucuresti) ist die Hauptstadt.", None),
            ("Ratio 2:1 was enough.", None),
            ("\u{a0}this:", None),
            ("«Oui»:", None),
            ("One Two Three Four: too long for a name.", None),
            (
                "International Infrastructure Representative: too long.",
                None,
            ),
            ("会议记录：预算通过了。", None),
            ("기자: 예산이 통과됐다.", None),
            ("No colon here at all.", None),
            ("", None),
        ] {
            let found = label(sentence).map(|(end, words)| {
                assert_eq!(words as usize, sentence[..end].split_whitespace().count());
                &sentence[..end]
            });
            assert_eq!(found, expected, "{sentence:?}");
        }
    }

    fn is_conversation(text: &str) -> bool {
        let mut turns = Turns::default();
        for span in crate::segment(text, Language::English) {
            turns.label_end(&span, text);
        }
        turns.is_conversation()
    }

    #[test]
    fn a_conversation_is_mostly_labelled_lines() {
        let interview = "Interview with the mayor\n\nQ: How was the year?\n\n\
            A: Busy. We opened two schools.\n\nQ: And next year?\n\nA: A new bridge.";
        let chat = "[09:02] Priya: deploy failed\n[09:03] Tom: again?\n\
            [09:04] Priya: yes, the migration\n[09:05] Lena: I will look";
        let headers = "Priya Raman  9:02 AM\nthe deploy failed\nTom Berger  9:06 AM\n\
            was it the index?\nPriya Raman  9:07 AM\nyes, the orders table";
        let video = "0:03\nso today we look at tides\n0:07\nand why they matter\n\
            0:12\nfor the harbour";
        for text in [interview, chat, headers, video] {
            assert!(is_conversation(text), "{text:?}");
        }
        // Two labels are not enough, nor labels on under half of the lines,
        // nor labels inside a line.
        let prose = [
            "Q: How was the year?\nA: Busy.\nIt was a long year for the town.",
            "Note: the hall is closed.\nThe mayor spoke.\nThe council voted.\n\
                Update: the vote passed.\nResidents cheered.\nThe budget grew.\n\
                Warning: roads are shut.\nSchools opened.\nThe bridge is late.",
            "The mayor spoke. Q: was it true? A: Yes. Q: and then? A: No.",
        ];
        for text in prose {
            assert!(!is_conversation(text), "{text:?}");
        }
    }
}
