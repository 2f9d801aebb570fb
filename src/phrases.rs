//! Cue and boilerplate phrases in a sentence's opening words: "in this paper
//! we", "however", "read more". The tokenizer looks for them in the words it
//! has just split (one pass over the words, not two); the scorer turns what
//! it found into the cue bonus and the dangling and boilerplate penalties.

/// Phrases with which authors announce what their text is about, as words.
const CUE_PHRASES: &[&[&str]] = &[
    &["in", "conclusion"],
    &["in", "summary"],
    &["in", "this", "article"],
    &["in", "this", "paper"],
    &["in", "this", "study"],
    &["in", "this", "work"],
    &["our", "results"],
    &["results", "show"],
    &["this", "paper"],
    &["we", "conclude"],
    &["we", "demonstrate"],
    &["we", "describe"],
    &["we", "find"],
    &["we", "found"],
    &["we", "introduce"],
    &["we", "present"],
    &["we", "propose"],
    &["we", "show"],
    &["dans", "cet", "article"],
    &["nous", "présentons"],
    &["nous", "proposons"],
    &["in", "diesem", "artikel"],
    &["in", "dieser", "arbeit"],
    &["wir", "zeigen"],
    &["en", "este", "artículo"],
    &["in", "questo", "articolo"],
    &["neste", "artigo"],
];

/// How many opening words of a sentence are searched for cue and boilerplate phrases.
const PHRASE_WINDOW: usize = 24;

/// The first words of a sentence (maximal runs of letters and digits), as
/// byte ranges, taken from the words the tokenizer splits the sentence into,
/// as it splits them.
///
/// Those words are UAX #29's, and each run of letters and digits lies in one
/// of them or in several that follow one another without a gap (`x²`, `A中`),
/// so the runs come from splitting each word at its other characters and
/// joining a run to the one before when nothing lies between them. A word of
/// ASCII letters and digits only (the tokenizer knows it from the form's
/// shape), or a lone ideograph, is one run as it stands. The scorer used to
/// find these runs again in each sentence, by bytes and, after any curly
/// quote or accented letter, by characters: natively a megabyte of real news
/// now takes 3-5% less time, of German 8-10%, of the benchmark's English 4%;
/// in Node German 7%, real news 3% and 100 KB 2% less, but the benchmark's
/// English megabyte 4.7% more, whose ASCII sentences the byte loop read fast.
///
/// Each run is checked against a table of the phrases' first words' initial
/// bytes and lengths as it is taken (see [`PhraseIndex`]).
pub(crate) struct Opening<'a> {
    sentence: &'a str,
    /// Where each word starts and ends.
    bounds: [(usize, usize); PHRASE_WINDOW],
    count: usize,
    /// Bit `i` is set when word `i` is not all ASCII.
    non_ascii: u32,
    /// Bit `i` is set when word `i` may be the first word of a phrase: it is
    /// ASCII and its initial and length are in [`PhraseIndex::first_words`].
    candidates: u32,
    first_words: &'a [u32; 256],
}

impl<'a> Opening<'a> {
    /// An opening of `sentence` with no words yet.
    pub fn new(sentence: &'a str, first_words: &'a [u32; 256]) -> Self {
        Opening {
            sentence,
            bounds: [(0, 0); PHRASE_WINDOW],
            count: 0,
            non_ascii: 0,
            candidates: 0,
            first_words,
        }
    }

    /// Takes the sentence's next word (the tokenizer's), at byte `start`.
    /// `one_run` is `Some(ascii)` when the tokenizer knows the word to be one
    /// run of letters and digits as it stands (a plain ASCII word, or a lone
    /// ideograph), `None` when it is to be split here.
    #[inline(always)]
    pub fn add_word(&mut self, start: usize, word: &str, one_run: Option<bool>) {
        // Once full, only a word that continues the last run counts.
        if self.count == PHRASE_WINDOW && self.bounds[PHRASE_WINDOW - 1].1 != start {
            return;
        }
        match one_run {
            Some(ascii) => self.add_run(start, start + word.len(), ascii),
            None => self.add_runs_of(start, word),
        }
    }

    /// Adds the runs of letters and digits of a word at byte `start`.
    fn add_runs_of(&mut self, start: usize, word: &str) {
        let mut run: Option<(usize, bool)> = None;
        for (at, c) in word.char_indices() {
            match (run, crate::letters::is_alphanumeric(c)) {
                (None, true) => run = Some((at, c.is_ascii())),
                (Some((from, ascii)), true) => run = Some((from, ascii && c.is_ascii())),
                (Some((from, ascii)), false) => {
                    self.add_run(start + from, start + at, ascii);
                    run = None;
                }
                (None, false) => {}
            }
        }
        if let Some((from, ascii)) = run {
            self.add_run(start + from, start + word.len(), ascii);
        }
    }

    /// A run: the next word, or the rest of the last one when it follows it
    /// without a gap. Two letters or digits that UAX #29 splits are not both
    /// ASCII, so a run so joined is no ASCII word and no candidate.
    #[cfg_attr(not(target_arch = "wasm32"), inline(always))]
    fn add_run(&mut self, start: usize, end: usize, ascii: bool) {
        if let Some(last) = self.count.checked_sub(1) {
            if self.bounds[last].1 == start {
                self.bounds[last].1 = end;
                self.non_ascii |= 1 << last;
                self.candidates &= !(1 << last);
                return;
            }
        }
        if self.count == PHRASE_WINDOW {
            return;
        }
        let i = self.count;
        self.count += 1;
        let len = end - start;
        let initial = self.sentence.as_bytes()[start];
        let candidate = ascii && len < 32 && self.first_words[usize::from(initial)] >> len & 1 != 0;
        self.bounds[i] = (start, end);
        self.non_ascii |= u32::from(!ascii) << i;
        self.candidates |= u32::from(candidate) << i;
    }

    fn word(&self, i: usize) -> &'a str {
        let (start, end) = self.bounds[i];
        &self.sentence[start..end]
    }

    /// Whether word `i` is `pattern` (lower case) but for case.
    fn word_is(&self, i: usize, pattern: &str) -> bool {
        if self.non_ascii >> i & 1 == 0 {
            let (start, end) = self.bounds[i];
            is_lower_case_of(&self.sentence.as_bytes()[start..end], pattern.as_bytes())
        } else {
            // `word.chars().flat_map(lower_chars).eq(pattern.chars())` spelled
            // out: `lower_chars` adds U+0307 after the 'i' of U+0130 ('İ').
            // The iterator adapters' code was 39 bytes more of gzipped wasm.
            let mut expected = pattern.chars();
            self.word(i).chars().all(|c| {
                expected.next() == Some(crate::lowercase::lower_char(c))
                    && (c != '\u{130}' || expected.next() == Some('\u{307}'))
            }) && expected.next().is_none()
        }
    }
}

/// The phrase lists, one bit each in what [`PhraseIndex::find`] returns.
pub(crate) const CUE: u8 = 1;
pub(crate) const DANGLING: u8 = 2;
pub(crate) const BOILERPLATE_ANYWHERE: u8 = 4;
pub(crate) const BOILERPLATE_OPENER: u8 = 8;
/// The lists whose phrases count only at a sentence's first word.
const AT_START_ONLY: u8 = DANGLING | BOILERPLATE_OPENER;

/// Every phrase list the scorer looks for, indexed once per text by first
/// word, so that one pass over a sentence's opening answers them all (two
/// passes, one per list searched everywhere, cost 18 M of 246 M instructions
/// on 1 MB of news; one pass costs 4 M).
///
/// [`Opening`] checks each word against a table of the first words'
/// initial bytes and lengths as it takes it, which rejects almost every word
/// in two loads; only the rest is compared with the distinct first words of
/// that initial, and a match with the rest of its phrases (12.5 M → 6.4 M
/// on 1 MB of news, from comparing every phrase of the initial).
pub(crate) struct PhraseIndex {
    /// Bit `len` of `first_words[b]` is set when a phrase's first word starts
    /// with the byte `b` in either case and is `len` bytes long (all are short
    /// ASCII words).
    pub first_words: [u32; 256],
    /// The distinct first words in order, each with where its phrases are in
    /// `phrases`; and where each (lower-case) initial's run of them starts
    /// and ends.
    heads: Vec<(u64, &'static str, u8, u8)>,
    runs: [(u8, u8); 128],
    /// The phrases sorted by first word, each with its list's bit.
    phrases: Vec<(&'static [&'static str], u8)>,
}

/// Every phrase list with the bit it sets.
const PHRASE_LISTS: [(&[&[&str]], u8); 4] = [
    (CUE_PHRASES, CUE),
    (DANGLING_OPENERS, DANGLING),
    (BOILERPLATE, BOILERPLATE_ANYWHERE),
    (BOILERPLATE_OPENERS, BOILERPLATE_OPENER),
];

impl PhraseIndex {
    /// The index, built on first use: it depends on the lists only, and was
    /// built anew for every text (nine allocations and a sort a call).
    pub fn get() -> &'static PhraseIndex {
        crate::once::once!(PhraseIndex, PhraseIndex::new)
    }

    fn new() -> Self {
        let all: Vec<(&'static [&'static str], u8)> = PHRASE_LISTS
            .iter()
            .flat_map(|&(phrases, list)| phrases.iter().map(move |&p| (p, list)))
            .collect();
        let order = crate::order::sorted_indices(all.len(), &|a, b| all[a].0[0].cmp(all[b].0[0]));
        let phrases: Vec<_> = order.into_iter().map(|i| all[i]).collect();
        // Fixed data, checked by the test `phrase_lists_fit_the_index`: the
        // wasm keeps no message for an assertion that can never fail at run time.
        debug_assert!(phrases.len() < 256);
        let mut first_words = [0u32; 256];
        let mut heads: Vec<(u64, &'static str, u8, u8)> = Vec::new();
        let mut runs = [(0u8, 0u8); 128];
        for (index, &(phrase, _)) in phrases.iter().enumerate() {
            let first = phrase[0];
            match heads.last_mut() {
                Some(head) if head.1 == first => {
                    head.3 += 1;
                    continue;
                }
                _ => heads.push((
                    head_key(first.as_bytes()),
                    first,
                    index as u8,
                    index as u8 + 1,
                )),
            }
            let bytes = first.as_bytes();
            debug_assert!(bytes.iter().all(u8::is_ascii_lowercase) && bytes.len() < 32);
            let initial = bytes[0];
            first_words[usize::from(initial)] |= 1 << bytes.len();
            first_words[usize::from(initial.to_ascii_uppercase())] |= 1 << bytes.len();
            let run = &mut runs[usize::from(initial)];
            if run.1 == 0 {
                run.0 = heads.len() as u8 - 1;
            }
            run.1 = heads.len() as u8;
        }
        PhraseIndex {
            first_words,
            heads,
            runs,
            phrases,
        }
    }

    /// The bits of the lists that have a phrase in `opening`.
    pub fn find(&self, opening: &Opening) -> u8 {
        let bytes = opening.sentence.as_bytes();
        let mut found = 0;
        // Only the words that passed the table of first words.
        let mut candidates = opening.candidates;
        while candidates != 0 {
            let i = candidates.trailing_zeros() as usize;
            candidates &= candidates - 1;
            let (start, end) = opening.bounds[i];
            let word = &bytes[start..end];
            // Compared by its first 8 bytes as one number (a candidate is
            // ASCII letters and digits, which `| 0x20` lower-cases): compared
            // by length and then byte by byte, the search held about 7% of
            // the branches callgrind's model mispredicted on a megabyte of
            // real news.
            let key = match bytes.get(start..start + 8) {
                Some(&[a, b, c, d, e, f, g, h]) => {
                    let loaded = u64::from_le_bytes([a, b, c, d, e, f, g, h]);
                    let mask = u64::MAX >> (64 - 8 * word.len().min(8));
                    (loaded | 0x2020_2020_2020_2020) & mask
                }
                _ => head_key(word),
            };
            let (from, to) = self.runs[usize::from(word[0].to_ascii_lowercase() & 0x7f)];
            let Some(&(.., first, last)) = self.heads[usize::from(from)..usize::from(to)]
                .iter()
                .find(|&&(head, text, ..)| {
                    head == key && (word.len() <= 8 || is_lower_case_of(word, text.as_bytes()))
                })
            else {
                continue;
            };
            for &(phrase, list) in &self.phrases[usize::from(first)..usize::from(last)] {
                if (i == 0 || list & AT_START_ONLY == 0)
                    && phrase.len() <= opening.count - i
                    && (1..phrase.len()).all(|k| opening.word_is(i + k, phrase[k]))
                {
                    found |= list;
                }
            }
        }
        found
    }
}

/// The first 8 bytes of a word of ASCII letters and digits, lower-cased, as
/// a number (0 beyond its end: no such byte is 0).
fn head_key(word: &[u8]) -> u64 {
    let mut key = 0;
    for (i, &b) in word.iter().take(8).enumerate() {
        key |= u64::from(b | 0x20) << (8 * i);
    }
    key
}

/// Whether the ASCII `word` lower-cases to `pattern`.
fn is_lower_case_of(word: &[u8], pattern: &[u8]) -> bool {
    word.len() == pattern.len()
        && word
            .iter()
            .zip(pattern)
            .all(|(&w, &p)| w.to_ascii_lowercase() == p)
}

/// English openings that lean on the previous sentence.
const DANGLING_OPENERS: &[&[&str]] = &[
    &["also"],
    &["and"],
    &["but"],
    &["he"],
    &["her"],
    &["his"],
    &["however"],
    &["it"],
    &["moreover"],
    &["she"],
    &["so"],
    &["that"],
    &["their"],
    &["these"],
    &["they"],
    &["this"],
    &["those"],
    &["thus"],
    &["yet"],
];

/// Boilerplate wherever it appears in a short sentence.
const BOILERPLATE: &[&[&str]] = &[
    &["all", "rights", "reserved"],
    &["click", "here"],
    &["contributed", "to", "this", "report"],
    &["e", "mail", "to", "a", "friend"],
];

/// Boilerplate when it opens a short sentence ("Read more: ...", "Follow us on ...").
const BOILERPLATE_OPENERS: &[&[&str]] = &[
    &["copyright"],
    &["follow", "us"],
    &["read", "more"],
    &["share", "this"],
    &["sign", "up", "for"],
    &["subscribe", "to"],
];

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn phrase_lists_fit_the_index() {
        // What `PhraseIndex` relies on: indices in a u8, first words of
        // ASCII lower-case letters that fit its length bits.
        let phrases: Vec<&[&str]> = PHRASE_LISTS
            .iter()
            .flat_map(|&(list, _)| list.iter().copied())
            .collect();
        assert!(phrases.len() < 256, "{} phrases", phrases.len());
        for phrase in phrases {
            let first = phrase[0].as_bytes();
            assert!(
                !first.is_empty() && first.iter().all(u8::is_ascii_lowercase) && first.len() < 32,
                "{phrase:?}"
            );
        }
    }

    /// The opening as the tokenizer takes it, with the plain words known by
    /// their bytes.
    fn opening_of<'a>(sentence: &'a str, first_words: &'a [u32; 256]) -> Opening<'a> {
        let mut words = Vec::new();
        crate::words::push_word_indices(sentence, &mut words);
        let mut opening = Opening::new(sentence, first_words);
        for &(start, word) in &words {
            let plain = word.bytes().all(|b| b.is_ascii_alphanumeric());
            opening.add_word(start, word, plain.then_some(true));
        }
        opening
    }

    #[test]
    fn word_is_compares_the_full_lower_case() {
        // As `word.chars().flat_map(lower_chars).eq(pattern.chars())`:
        // 'İ' lower-cases to "i\u{307}".
        let first_words = [0; 256];
        let opening = opening_of("İstanbul ÉTÉ Straße İ İx Ωμέγα word", &first_words);
        for i in 0..opening.count {
            let word = opening.word(i);
            let lower: String = word
                .chars()
                .flat_map(crate::lowercase::lower_chars)
                .collect();
            for pattern in [
                lower.as_str(),
                "istanbul",
                "i\u{307}stanbul",
                "i\u{307}stanbu",
                "été",
                "straße",
                "i\u{307}",
                "i",
                "i\u{307}x",
                "ωμέγα",
                "word",
                "",
            ] {
                assert_eq!(
                    opening.word_is(i, pattern),
                    lower == pattern,
                    "{word} {pattern}"
                );
            }
        }
    }

    /// The opening as the plain definition has it: the first alphanumeric runs.
    fn plain_opening(sentence: &str) -> Vec<&str> {
        sentence
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .take(PHRASE_WINDOW)
            .collect()
    }

    fn opening_words(sentence: &str) -> Vec<&str> {
        let opening = opening_of(sentence, &[0; 256]);
        (0..opening.count).map(|i| opening.word(i)).collect()
    }

    /// The lists with a phrase in the sentence's opening, by the plain
    /// definition: the words from there on, lower-cased, are the phrase, its
    /// first word is ASCII, and openers count only as the first word.
    fn plain_find(sentence: &str) -> u8 {
        let words: Vec<String> = plain_opening(sentence)
            .iter()
            .map(|w| w.chars().flat_map(crate::lowercase::lower_chars).collect())
            .collect();
        let first_ascii: Vec<bool> = plain_opening(sentence)
            .iter()
            .map(|w| w.is_ascii())
            .collect();
        let mut found = 0;
        for (phrases, list) in [
            (CUE_PHRASES, CUE),
            (DANGLING_OPENERS, DANGLING),
            (BOILERPLATE, BOILERPLATE_ANYWHERE),
            (BOILERPLATE_OPENERS, BOILERPLATE_OPENER),
        ] {
            for phrase in phrases {
                for i in 0..words.len() {
                    if first_ascii[i]
                        && (i == 0 || list & AT_START_ONLY == 0)
                        && words[i..].iter().take(phrase.len()).eq(phrase.iter())
                    {
                        found |= list;
                    }
                }
            }
        }
        found
    }

    /// Sentences made of pieces that exercise the word splitting, case, the
    /// phrase words and the characters that lower-case into several bytes.
    fn random_sentence() -> impl Strategy<Value = String> {
        proptest::collection::vec(
            prop_oneof![
                Just(" "),
                Just("  "),
                Just(", "),
                Just("."),
                Just("-"),
                Just("\t"),
                Just("\u{a0}"),
                Just("\u{2014}"),
                Just("\u{201c}"),
                Just("\u{2019}"),
                Just("a"),
                Just("Z"),
                Just("7"),
                Just("\u{e9}"),
                Just("\u{c9}"),
                Just("\u{212a}"),
                Just("\u{130}"),
                Just("\u{4e2d}"),
                Just("\u{2163}"),
                Just("\u{b2}"),
                Just("in"),
                Just("In"),
                Just("IN"),
                Just("this"),
                Just("paper"),
                Just("we"),
                Just("We"),
                Just("show"),
                Just("however"),
                Just("It"),
                Just("read"),
                Just("more"),
                Just("click"),
                Just("here"),
                Just("pr\u{e9}sentons"),
                Just("PR\u{c9}SENTONS"),
                Just("nous"),
                Just("e"),
                Just("mail"),
                Just("to"),
                Just("a"),
                Just("friend"),
                Just("art\u{ed}culo"),
                Just("en"),
                Just("este"),
                Just("thus"),
                // What UAX #29 joins into one word or splits apart.
                Just("_"),
                Just("'"),
                Just(":"),
                Just("3.5"),
                Just("U.S."),
                Just("\u{301}"),
                Just("\u{3042}"),
                Just("\u{30a2}"),
                Just("\u{e01}"),
                Just("\u{1f600}"),
            ],
            0..40,
        )
        .prop_map(|pieces| pieces.concat())
    }

    proptest! {
        #[test]
        fn openings_and_phrases_follow_the_plain_definitions(sentence in random_sentence()) {
            prop_assert_eq!(opening_words(&sentence), plain_opening(&sentence));
            let phrases = PhraseIndex::get();
            let found = phrases.find(&opening_of(&sentence, &phrases.first_words));
            prop_assert_eq!(found, plain_find(&sentence), "{:?}", sentence);
        }

        /// The tokenizer's own path: plain words known by their shapes, lone
        /// ideographs by their script, in English and in Chinese.
        #[test]
        fn the_tokenizer_finds_the_plain_definitions_lists(sentence in random_sentence()) {
            let span = crate::segment::SentenceSpan {
                start: 0,
                end: sentence.len(),
                paragraph: 0,
                kind: crate::segment::UnitKind::Sentence,
            };
            // A speaker's label is no part of the opening (see `speakers`).
            let said = crate::speakers::label(&sentence).map_or(&sentence[..], |(end, _)| &sentence[end..]);
            for language in [crate::Language::English, crate::Language::Chinese] {
                let tokens = crate::tokenize::tokenize(&sentence, &[span], language);
                prop_assert_eq!(tokens.phrase_lists, vec![plain_find(said)], "{:?}", sentence);
            }
        }
    }

    #[test]
    fn openings_are_the_alphanumeric_runs() {
        let long = "word ".repeat(30);
        for sentence in [
            "",
            " -- ",
            "In this paper, we show 3.5 things.",
            "\u{201c}Caf\u{e9}\u{2019}s \u{2163}x\u{b2}\u{2014}\u{4e2d}\u{6587} ok\u{201d}",
            "\u{212a}elvin\u{a0}sign",
            long.as_str(),
        ] {
            assert_eq!(
                opening_words(sentence),
                plain_opening(sentence),
                "{sentence:?}"
            );
        }
    }

    #[test]
    fn phrase_lists_are_found_where_they_count() {
        let phrases = PhraseIndex::get();
        let find = |sentence: &str| phrases.find(&opening_of(sentence, &phrases.first_words));
        // The search compares words with the phrases' words lower-cased.
        for &(phrase, _) in &phrases.phrases {
            for word in phrase {
                let lower: String = word
                    .chars()
                    .flat_map(crate::lowercase::lower_chars)
                    .collect();
                assert_eq!(&lower, word);
            }
        }
        for (sentence, expected) in [
            ("In this paper we show it.", CUE),
            ("However, in conclusion it rained.", DANGLING | CUE),
            ("They said however it was.", DANGLING),
            (
                "Read more: click here.",
                BOILERPLATE_OPENER | BOILERPLATE_ANYWHERE,
            ),
            ("Please read more.", 0),
            ("IN THIS \u{212a}ELVIN WE FOUND", CUE),
            ("\u{212a}", 0),
            ("Nous PR\u{c9}SENTONS", CUE),
            ("En este art\u{ed}culo", CUE),
        ] {
            assert_eq!(find(sentence), expected, "{sentence:?}");
            assert_eq!(plain_find(sentence), expected, "{sentence:?}");
        }
    }
}
