//! Stemmers: English and German follow the Snowball algorithms (Porter2 and
//! Snowball German) exactly; the other languages strip inflectional endings
//! only ("light" stemming), which conflates singular and plural, masculine and
//! feminine, and the cases of a noun.
//!
//! Hand-written rather than a Snowball crate: the generated code of eight
//! Snowball stemmers was 16 KiB of the gzipped wasm, these are a fraction of
//! that, and they work on reused buffers.

mod english;
mod german;
mod light;

use super::Language;

/// Stems words of one language. Keeps its buffers between calls.
pub(crate) struct Stemmer {
    language: Language,
    /// The word for the Snowball stemmers, a byte a letter ([`to_latin1`]).
    bytes: Vec<u8>,
    /// The word for the light stemmers, whose endings include Cyrillic.
    chars: Vec<char>,
    /// A stem that is not [`Stemmer::bytes`] as it stands.
    out: String,
}

/// The byte of a letter outside Latin-1 (and of NUL) in [`Stemmer::bytes`]:
/// no rule of English or German reads it as a vowel or matches it in an
/// ending, as with the letter itself, and none removes or adds it, so the
/// stem gets the word's own letters back in order.
const WIDE: u8 = 0;

/// A letter as one byte: Latin-1 holds English and German (`ä`, `ß`).
fn to_latin1(c: char) -> u8 {
    u8::try_from(c).unwrap_or(WIDE)
}

impl Stemmer {
    /// The stemmer of `language`, or `None` where words are not stemmed.
    pub fn new(language: Language) -> Option<Stemmer> {
        let stems = !matches!(
            language,
            Language::Chinese | Language::Japanese | Language::Other
        );
        stems.then(|| Stemmer {
            language,
            bytes: Vec::new(),
            chars: Vec::new(),
            out: String::new(),
        })
    }

    /// The stem of a lower-cased word, as UTF-8 bytes in the stemmer's
    /// buffer (or the word's own if the stem is the whole word).
    pub fn stem<'a>(&'a mut self, word: &'a str) -> &'a [u8] {
        if let Language::English | Language::German = self.language {
            // On bytes, not chars: an ASCII word is copied in whole, and no
            // suffix is decoded to be compared (the 16.7 k distinct words of
            // a megabyte of real news: 1,143 to 904 instructions a word; a
            // summary of 10 KB of news 6% faster, in Node 2%).
            let w = &mut self.bytes;
            w.clear();
            let ascii = word.is_ascii();
            if ascii {
                w.extend_from_slice(word.as_bytes());
            } else {
                w.extend(word.chars().map(to_latin1));
            }
            if self.language == Language::English {
                english::stem(w);
            } else {
                german::stem(w);
            }
            if w.is_empty() {
                // Only apostrophes and a possessive (`''s`): keep the word.
                return word.as_bytes();
            }
            if ascii {
                // The rules write ASCII only: the bytes are the stem's UTF-8.
                return w;
            }
            let mut wide = word.chars().filter(|&c| to_latin1(c) == WIDE);
            self.out.clear();
            self.out.extend(w.iter().map(|&b| match b {
                WIDE => wide.next().unwrap_or(char::REPLACEMENT_CHARACTER),
                b => char::from(b),
            }));
            return self.out.as_bytes();
        }
        let w = &mut self.chars;
        w.clear();
        w.extend(word.chars());
        match self.language {
            Language::French => light::french(w),
            Language::Spanish => light::spanish(w),
            Language::Italian => light::italian(w),
            Language::Portuguese => light::portuguese(w),
            Language::Dutch => light::dutch(w),
            Language::Russian => light::russian(w),
            Language::Korean => light::korean(w),
            _ => {}
        }
        self.out.clear();
        self.out.extend(w.iter());
        self.out.as_bytes()
    }

    /// The stem of a lower-cased word, as a string.
    #[cfg(test)]
    pub fn stem_string(&mut self, word: &str) -> String {
        String::from_utf8(self.stem(word).to_vec()).unwrap()
    }
}

/// Whether `w` ends with the ASCII `suffix`. By hand, from the end: the last
/// letter settles most words, where a slice comparison would call `memcmp`.
fn ends_with(w: &[u8], suffix: &str) -> bool {
    let suffix = suffix.as_bytes();
    let Some(start) = w.len().checked_sub(suffix.len()) else {
        return false;
    };
    let mut i = suffix.len();
    while i > 0 {
        i -= 1;
        if w[start + i] != suffix[i] {
            return false;
        }
    }
    true
}

/// An ASCII suffix of one to eight letters packed as [`tail`] packs a word's
/// end, its last letter in the low byte, so that a table of suffixes is
/// compared with a word in a step each (letter by letter, the tables took
/// about a third of Porter2's instructions).
#[derive(Clone, Copy)]
pub(super) struct Suffix(u64);

impl Suffix {
    const fn new(text: &str) -> Suffix {
        let bytes = text.as_bytes();
        assert!(!bytes.is_empty() && bytes.len() <= 8);
        let mut packed = 0;
        let mut i = 0;
        while i < bytes.len() {
            assert!(bytes[i].is_ascii() && bytes[i] != WIDE);
            packed = packed << 8 | bytes[i] as u64;
            i += 1;
        }
        Suffix(packed)
    }

    /// Its length in letters.
    fn len(self) -> usize {
        (71 - self.0.leading_zeros() as usize) / 8
    }

    /// Whether a word whose [`tail`] is `tail` ends with it: no letter of a
    /// suffix is a zero byte, which stands before a shorter word and for a
    /// letter beyond Latin-1.
    fn ends(self, tail: u64) -> bool {
        let unused = self.0.leading_zeros() & !7;
        tail << unused == self.0 << unused
    }
}

/// The suffixes `texts`, packed.
pub(super) const fn suffixes<const N: usize>(texts: &[&str]) -> [Suffix; N] {
    assert!(texts.len() == N);
    let mut packed = [Suffix(0); N];
    let mut i = 0;
    while i < N {
        packed[i] = Suffix::new(texts[i]);
        i += 1;
    }
    packed
}

/// The suffixes of a table of (suffix, replacement), packed.
pub(super) const fn keyed_suffixes<T: Copy, const N: usize>(table: &[(&str, T)]) -> [Suffix; N] {
    assert!(table.len() == N);
    let mut packed = [Suffix(0); N];
    let mut i = 0;
    while i < N {
        packed[i] = Suffix::new(table[i].0);
        i += 1;
    }
    packed
}

/// The last eight letters of `w`, the last in the low byte; zeros before a
/// shorter word.
fn tail(w: &[u8]) -> u64 {
    match w.last_chunk::<8>() {
        Some(last) => u64::from_be_bytes(*last),
        None => w.iter().fold(0, |tail, &b| tail << 8 | u64::from(b)),
    }
}

/// The longest suffix in `table` that `w` ends with, as (index, length).
fn longest_suffix(w: &[u8], table: &[Suffix]) -> Option<(usize, usize)> {
    let tail = tail(w);
    let mut best: Option<(usize, usize)> = None;
    for (i, suffix) in table.iter().enumerate() {
        if suffix.ends(tail) {
            let n = suffix.len();
            if best.is_none_or(|(_, longest)| n > longest) {
                best = Some((i, n));
            }
        }
    }
    best
}

/// A table of suffixes in groups by their last letter, with where each group
/// starts: a word is compared only with the suffixes that end in its own last
/// letter (Porter2's steps 2–4 compared each word with all 9–24 of theirs:
/// the comparison was the stemmer's hottest line).
pub(super) struct GroupedSuffixes<const N: usize> {
    suffixes: [Suffix; N],
    /// The group of last letter `g` ([`letter_group`]) is
    /// `suffixes[starts[g]..starts[g + 1]]`.
    starts: [u8; LETTER_GROUPS + 1],
}

/// `a` to `z`, then every other byte.
const LETTER_GROUPS: usize = 27;

const fn letter_group(byte: u8) -> usize {
    if byte.is_ascii_lowercase() {
        (byte - b'a') as usize
    } else {
        LETTER_GROUPS - 1
    }
}

impl<const N: usize> GroupedSuffixes<N> {
    /// The table of `suffixes`, which must come grouped by their last letter
    /// in alphabetical order (checked at compile time).
    pub(super) const fn new(suffixes: [Suffix; N]) -> Self {
        let mut starts = [0u8; LETTER_GROUPS + 1];
        let mut i = 0;
        while i < N {
            let group = letter_group(suffixes[i].0 as u8);
            assert!(i == 0 || letter_group(suffixes[i - 1].0 as u8) <= group);
            starts[group + 1] += 1;
            i += 1;
        }
        let mut group = 0;
        while group < LETTER_GROUPS {
            starts[group + 1] += starts[group];
            group += 1;
        }
        GroupedSuffixes { suffixes, starts }
    }

    /// The [`Endings`] of the table's suffixes.
    pub(super) const fn endings(&self) -> Endings {
        Endings::of(&self.suffixes)
    }

    /// [`longest_suffix`] of `w` in the table, as (index, length).
    pub(super) fn longest(&self, w: &[u8]) -> Option<(usize, usize)> {
        let group = letter_group(*w.last()?);
        let from = usize::from(self.starts[group]);
        let to = usize::from(self.starts[group + 1]);
        let (i, n) = longest_suffix(w, self.suffixes.get(from..to)?)?;
        Some((from + i, n))
    }
}

/// The last two letters of a table's suffixes: a test that rules out most
/// words in two loads and one branch, which a branch predictor mostly gets
/// right (the last letter alone passed a third to a half of the words, and
/// guessing which was one of Porter2's costliest branches; the two letters
/// pass 6-19% of a megabyte of news's distinct words). Bit `p` of `pairs[l]`
/// is set when a suffix ends in letters of groups `p` and `l`
/// ([`letter_group`]). A pair hashed to one of 64 bits took 8 bytes a table
/// instead of 108 but passed a fifth more words and saved no time.
pub(super) struct Endings {
    pairs: [u32; LETTER_GROUPS],
}

impl Endings {
    /// The endings of the packed `suffixes` (of two letters or more), whose
    /// last two letters are their two low bytes.
    pub(super) const fn of(suffixes: &[Suffix]) -> Endings {
        let mut pairs = [0; LETTER_GROUPS];
        let mut i = 0;
        while i < suffixes.len() {
            let (last, before) = (suffixes[i].0 as u8, (suffixes[i].0 >> 8) as u8);
            assert!(before != 0);
            pairs[letter_group(last)] |= 1 << letter_group(before);
            i += 1;
        }
        Endings { pairs }
    }

    /// Whether `w` may end with one of the suffixes (false for a word shorter
    /// than two letters). Out of line in the wasm: 35 bytes smaller gzipped.
    #[cfg_attr(target_arch = "wasm32", inline(never))]
    pub(super) fn may_end(&self, w: &[u8]) -> bool {
        match w {
            [.., before, last] => self.pairs[letter_group(*last)] >> letter_group(*before) & 1 != 0,
            _ => false,
        }
    }
}

/// Replaces the last `n` letters of `w` with the ASCII `by`.
fn replace_end(w: &mut Vec<u8>, n: usize, by: &str) {
    w.truncate(w.len() - n);
    w.extend_from_slice(by.as_bytes());
}

/// Where a Snowball region starts: after the first non-vowel that follows a
/// vowel, searching from `from`; the end of the word if there is none.
fn region_after(w: &[u8], from: usize, is_vowel: fn(u8) -> bool) -> usize {
    let mut seen_vowel = false;
    for (i, &c) in w.iter().enumerate().skip(from) {
        if is_vowel(c) {
            seen_vowel = true;
        } else if seen_vowel {
            return i + 1;
        }
    }
    w.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stem(language: Language, word: &str) -> String {
        Stemmer::new(language).unwrap().stem_string(word)
    }

    #[test]
    fn endings_pass_the_words_with_a_suffix_and_few_others() {
        const ENDINGS: Endings = Endings::of(&suffixes::<3>(&["ing", "ed", "ation"]));
        for word in ["running", "wanted", "nation", "ed", "sing"] {
            assert!(ENDINGS.may_end(word.as_bytes()), "{word}");
        }
        // "un", "ad" and "tion"'s "io" end in a suffix's last letter only.
        for word in ["run", "sad", "ratio", "rate", "d", ""] {
            assert!(!ENDINGS.may_end(word.as_bytes()), "{word}");
        }
    }

    #[test]
    fn scripts_without_stems_have_no_stemmer() {
        for language in [Language::Chinese, Language::Japanese, Language::Other] {
            assert!(Stemmer::new(language).is_none());
        }
    }

    #[test]
    fn every_stemmer_conflates_inflected_forms() {
        let groups: &[(Language, &[&str])] = &[
            (
                Language::English,
                &[
                    "connect",
                    "connected",
                    "connecting",
                    "connection",
                    "connections",
                ],
            ),
            (Language::German, &["kategorie", "kategorien"]),
            (Language::German, &["zeitung", "zeitungen"]),
            (Language::French, &["gouvernement", "gouvernements"]),
            (Language::French, &["nouveau", "nouveaux"]),
            (Language::French, &["heureux", "heureuse", "heureuses"]),
            (Language::French, &["grand", "grande", "grands", "grandes"]),
            (
                Language::French,
                &["publié", "publiée", "publiés", "publiées"],
            ),
            (Language::French, &["journal", "journaux"]),
            (Language::Spanish, &["ciudad", "ciudades"]),
            (Language::Spanish, &["nuevo", "nueva", "nuevos", "nuevas"]),
            (Language::Spanish, &["nación", "naciones"]),
            (Language::Spanish, &["publicado", "publicada", "publicados"]),
            (Language::Italian, &["nuovo", "nuova", "nuovi", "nuove"]),
            (Language::Italian, &["nazione", "nazioni"]),
            (Language::Portuguese, &["novo", "nova", "novos", "novas"]),
            (Language::Portuguese, &["nação", "nações"]),
            (Language::Portuguese, &["jornal", "jornais"]),
            (Language::Dutch, &["regering", "regeringen"]),
            (Language::Dutch, &["boek", "boeken"]),
            (Language::Dutch, &["kat", "katten"]),
            (Language::Dutch, &["mogelijkheid", "mogelijkheden"]),
            (
                Language::Russian,
                &["город", "города", "городе", "городом", "городов"],
            ),
            (Language::Russian, &["страна", "страны", "стране", "страну"]),
            (Language::Russian, &["новый", "новым", "новая", "новой"]),
            (Language::Russian, &["путин", "путина", "путину", "путиным"]),
            (
                Language::Korean,
                &["서울시", "서울시는", "서울시가", "서울시의", "서울시에서"],
            ),
            (Language::Korean, &["계획", "계획을", "계획에", "계획으로"]),
            (
                Language::Korean,
                &["주민", "주민들", "주민들은", "주민들에게"],
            ),
            (Language::Korean, &["서울역", "서울역에서는", "서울역까지"]),
        ];
        for (language, words) in groups {
            let stems: Vec<String> = words.iter().map(|w| stem(*language, w)).collect();
            assert!(
                stems.iter().all(|s| *s == stems[0]),
                "{language:?}: {words:?} -> {stems:?}"
            );
        }
    }

    proptest::proptest! {
        /// No stemmer panics or empties a word, whatever its letters.
        #[test]
        fn stems_are_never_empty(word in "[a-zäöüßéèêàçñíóúãõа-яё가-힣']{1,14}") {
            for language in Language::ALL {
                if let Some(mut stemmer) = Stemmer::new(language) {
                    proptest::prop_assert!(!stemmer.stem_string(&word).is_empty(), "{language:?} {word}");
                }
            }
        }
    }

    #[test]
    fn light_stemmers_keep_short_words_and_distinct_roots() {
        assert_eq!(stem(Language::French, "les"), "les");
        assert_eq!(stem(Language::Spanish, "mes"), "mes");
        assert_ne!(
            stem(Language::French, "maison"),
            stem(Language::French, "mais")
        );
        assert_ne!(
            stem(Language::Russian, "дом"),
            stem(Language::Russian, "да")
        );
        // Two syllables stay whole, whatever their last ("사이", "시는"),
        // and one particle goes, not a syllable of the noun before it.
        for (word, stemmed) in [
            ("사이", "사이"),
            ("시는", "시는"),
            ("여의도까지", "여의도"),
            ("도시를", "도시"),
        ] {
            assert_eq!(stem(Language::Korean, word), stemmed, "{word}");
        }
    }
}

/// The hand-written Snowball stemmers give the reference implementation's
/// stems on every word of the fixtures, and on each word with every ending
/// the algorithms know glued on, so that every rule meets every kind of stem.
#[cfg(test)]
mod agreement {
    use super::Stemmer;
    use crate::lang::Language;
    use rust_stemmers::Algorithm;

    fn fixture_words() -> Vec<String> {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");
        let mut words = Vec::new();
        for entry in std::fs::read_dir(dir).unwrap() {
            let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
            // A run of apostrophes alone ("'Why?'") is no word.
            let words_of = text.split(|c: char| !c.is_alphabetic() && c != '\'');
            for word in words_of.filter(|w| w.chars().any(char::is_alphabetic)) {
                words.push(word.to_lowercase());
            }
        }
        words.sort();
        words.dedup();
        words
    }

    fn check(language: Language, algorithm: Algorithm, extra: &[&str], endings: &[&str]) {
        let reference = rust_stemmers::Stemmer::create(algorithm);
        let mut ours = Stemmer::new(language).unwrap();
        let mut words = fixture_words();
        words.extend(extra.iter().map(|w| w.to_string()));
        let bases = words.clone();
        for base in &bases {
            for ending in endings {
                words.push(format!("{base}{ending}"));
            }
        }
        let wrong: Vec<String> = words
            .iter()
            .map(|w| (w, ours.stem_string(w), reference.stem(w)))
            .filter(|(_, ours, reference)| ours != reference)
            .map(|(w, ours, reference)| format!("{w}: {ours} (reference {reference})"))
            .collect();
        assert!(
            wrong.is_empty(),
            "{} of {} words differ: {:?}",
            wrong.len(),
            words.len(),
            &wrong[..wrong.len().min(20)]
        );
    }

    #[test]
    fn english_is_porter2() {
        let extra = [
            "skis",
            "skies",
            "dying",
            "news",
            "generous",
            "generate",
            "communism",
            "arsenal",
            "inning",
            "innings",
            "succeeding",
            "proceed",
            "yelling",
            "sayings",
            "'quoted",
            "cry",
            "cries",
            "ties",
            "by",
            "say",
            "boy",
            "toy",
            "enjoy",
            "yes",
            "gas",
            "this",
            "kiwis",
            "hopping",
            "hoping",
            "filing",
            "filling",
            "agreed",
            "feed",
            "bleed",
            "luxuriating",
            "hopeful",
            "sensational",
            "conditional",
            "rational",
            "analogi",
            "geology",
            "universal",
            "abilities",
            "really",
            "fully",
            "lessly",
            "café",
            "naïve",
            // Letters beyond Latin-1 stand in the stemmer as one byte each.
            "œuvres",
            "ﬁnancially",
            "żołnierzing",
        ];
        let endings = [
            "s", "es", "ies", "ied", "'s", "ed", "ing", "ingly", "edly", "eed", "y", "ly", "li",
            "ational", "tional", "ization", "ation", "ator", "alism", "iveness", "fulness",
            "ousness", "aliti", "iviti", "biliti", "logi", "alize", "icate", "ative", "ical",
            "ness", "ful", "ance", "ence", "able", "ible", "ment", "ement", "ism", "ion", "ive",
            "ize", "e", "le", "ll", "at", "bl", "iz",
        ];
        check(Language::English, Algorithm::English, &extra, &endings);
    }

    #[test]
    fn german_is_snowball() {
        let extra = [
            "straße",
            "häuser",
            "bäume",
            "müller",
            "bauer",
            "aufeinander",
            "kenntnis",
            "kenntnisse",
            "ergebnissen",
            "freundlich",
            "freundlichkeit",
            "möglichkeiten",
            "richtigkeit",
            "bedeutend",
            "häufigkeit",
            "erkenntnis",
            "laufend",
            "zeitung",
            "bayern",
            "feuer",
            "neue",
            "treue",
            "ja",
            "zu",
            "aus",
            "łódźern",
            "żółtes",
        ];
        let endings = [
            "e", "em", "en", "er", "ern", "es", "s", "st", "est", "end", "ung", "ig", "ik", "isch",
            "lich", "heit", "keit", "igkeit", "lichkeit", "erlich", "enheit", "igend", "ungen",
            "nisse", "ys", "uen",
        ];
        check(Language::German, Algorithm::German, &extra, &endings);
    }
}
