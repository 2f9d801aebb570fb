//! Language detection from script and stop-word counts.
//!
//! Detection reads a bounded sample (the start of the text and a slice from
//! its middle), so it costs the same on a tweet and on a book; 1 KB of each
//! first, which settle most texts when both are clear and agree. First the
//! scripts of the letters decide: Han without kana is Chinese, kana makes it
//! Japanese, Hangul is Korean, and scripts we have no data for (Greek, Arabic,
//! Thai, Devanagari, ...) are `Other`. Latin and Cyrillic text is then scored
//! by the function words of each language it contains (a point for a stop
//! word, up to three for the most frequent ones, so that `le` says French more
//! than Spanish), plus a point for a letter that marks a language (`ß`, `ñ`,
//! `è`, `ы`).
//!
//! Function words of languages we do not support ("decoys": Danish, Polish,
//! Romanian, Bulgarian, ...) are scored too, together with letters those
//! languages use and ours do not (`ł`, `ř`, `ø`, `ș`, `ї`, ...): a text that
//! looks more like one of them than like any of ours is `Other`, which is a
//! safer answer than a wrong stemmer.

use super::{abbreviations, stopwords, Language};
use crate::letters;
use crate::tokenize::{Form, FormMap, Hashed};

/// Bytes read from the start of the text.
const HEAD_SAMPLE: usize = 12 * 1024;
/// Bytes read from the middle of a text longer than the head sample, in case
/// the start is boilerplate (a title page, a licence, a table).
const MIDDLE_SAMPLE: usize = 4 * 1024;
/// Bytes of the first look, from the start and from the middle (see [`detect`]);
/// a clear look has letters for at least half of them.
const FIRST_LOOK: usize = 1024;
/// Longer words are no function word of any list; they are not looked up.
const MAX_WORD_BYTES: usize = 40;

/// Guesses the language of `text` from a sample of it.
///
/// Returns [`Language::Other`] when the sample gives no evidence for any
/// language the summarizer knows: an empty text, digits only, an unsupported
/// script, or a Latin or Cyrillic text in an unsupported language.
///
/// ```
/// use abridge::{detect_language, Language};
/// assert_eq!(detect_language("The cat sat on the mat and looked at the dog."), Language::English);
/// assert_eq!(detect_language("Le chat dort sur le canapé depuis ce matin."), Language::French);
/// assert_eq!(detect_language("北京大学是中国最著名的大学之一。"), Language::Chinese);
/// assert_eq!(detect_language("12 345 678"), Language::Other);
/// ```
pub fn detect(text: &str) -> Language {
    // A first look settles most texts: the full sample costs a summary of
    // 10 KB of news about a seventh of its time, and 1 KB of running text
    // in one language leaves no doubt (2 KB looks cost that summary 4% more
    // instructions and answered the same on all 17,856 detections of the
    // evaluation's texts, their prefixes and mixes). The start and the
    // middle must each be clear and agree, so a text whose start is in
    // another language still gets the full sample. The looks grow in two
    // steps, 512 bytes and then 1 KB each, the second reading on from the
    // first: of those detections' 7,402 texts longer than 2 KB, 68% are
    // clear at 512 bytes, 18% more at 1 KB (same answers; the 10 KB summary
    // 2% fewer instructions and about 2% less time).
    if text.len() > 2 * FIRST_LOOK {
        let cut = floor_boundary(text, text.len() / 2);
        let mut head = Scan::default();
        let mut middle = Scan::reading_from(middle_start(text, cut, FIRST_LOOK));
        for (look, last) in [(FIRST_LOOK / 2, false), (FIRST_LOOK, true)] {
            head.read_to(text, look, last);
            middle.read_to(text, cut + look, last);
            if let Some(language) = head.clear_decision(look) {
                if middle.clear_decision(look) == Some(language) {
                    return language;
                }
            }
        }
    }
    let mut scan = Scan::default();
    scan.feed_sample(text, HEAD_SAMPLE, MIDDLE_SAMPLE);
    scan.decide()
}

/// The largest char boundary at or below `index`.
fn floor_boundary(text: &str, index: usize) -> usize {
    if index >= text.len() {
        return text.len();
    }
    let mut index = index;
    while !text.is_char_boundary(index) {
        index -= 1;
    }
    index
}

/// Where a sample from the middle of `text` starts: at the first char after
/// the `cut` that ends a word (the cut may split one), if one comes within
/// `bytes`.
fn middle_start(text: &str, cut: usize, bytes: usize) -> usize {
    let end = floor_boundary(text, cut + bytes);
    text[cut..end]
        .char_indices()
        .find(|&(_, c)| !is_word_char(c))
        .map_or(cut, |(at, _)| cut + at)
}

// Candidates: the languages with stop lists, then the decoys.
const ENGLISH: usize = 0;
const GERMAN: usize = 1;
const FRENCH: usize = 2;
const SPANISH: usize = 3;
const ITALIAN: usize = 4;
const PORTUGUESE: usize = 5;
const DUTCH: usize = 6;
const RUSSIAN: usize = 7;
const NORDIC: usize = 8;
const SLAVIC: usize = 9;
const ROMANIAN: usize = 10;
const TURKISH: usize = 11;
const MALAY: usize = 12;
const FINNISH: usize = 13;
const HUNGARIAN: usize = 14;
const CATALAN: usize = 15;
const BULGARIAN: usize = 16;
const UKRAINIAN: usize = 17;
const CANDIDATES: usize = 18;

/// The Latin-script languages we support, by candidate.
const LATIN: [(usize, Language); 7] = [
    (ENGLISH, Language::English),
    (GERMAN, Language::German),
    (FRENCH, Language::French),
    (SPANISH, Language::Spanish),
    (ITALIAN, Language::Italian),
    (PORTUGUESE, Language::Portuguese),
    (DUTCH, Language::Dutch),
];
const LATIN_DECOYS: [usize; 8] = [
    NORDIC, SLAVIC, ROMANIAN, TURKISH, MALAY, FINNISH, HUNGARIAN, CATALAN,
];
const CYRILLIC_DECOYS: [usize; 2] = [BULGARIAN, UKRAINIAN];

const fn bit(candidate: usize) -> u32 {
    1 << candidate
}

/// Core words that earn a third point: the first of each [`CORE`] list.
const TOP: usize = 10;

/// What a word is evidence for, as sets of candidates: a point for each list
/// that holds it, one more where it is a core word, one more for a top word.
/// The same table answers [`stopwords::stop_lists`]: `stop` is the set of
/// stop lists that hold the word; and the abbreviation lookups: `abbreviation`
/// is the word's entry in the abbreviation index. Words that are evidence for
/// no language (abbreviations only) have an empty `listed`.
#[derive(Clone, Copy, Default)]
pub(crate) struct Hit {
    listed: u32,
    core: u32,
    top: u32,
    /// Bit `i` for the stop list of `stopwords::LISTED[i]`.
    pub(super) stop: u8,
    /// See [`abbreviations::index_entries`].
    pub(super) abbreviation: u32,
    /// Bits of the entity recognizer's lists that hold the word
    /// (`entities::ENTITY_LISTS`).
    pub(super) entity: u8,
}

impl std::ops::BitOr for Hit {
    type Output = Hit;
    fn bitor(self, other: Hit) -> Hit {
        Hit {
            listed: self.listed | other.listed,
            core: self.core | other.core,
            top: self.top | other.top,
            stop: self.stop | other.stop,
            abbreviation: self.abbreviation | other.abbreviation,
            entity: self.entity | other.entity,
        }
    }
}

/// Word (or elision marker) → what it is evidence for, which stop lists hold
/// it, and what abbreviation it is. One table for all three saves building (and
/// linking) more of them (1 KB of wasm a table). Keyed like the tokenizer's
/// word forms, not by `&str`: a summary of 10 KB of news took 0.08 M fewer
/// instructions, of 1 MB 0.8 M.
fn table() -> &'static WordTable {
    crate::once::once!(WordTable, || {
        let mut table = WordTable {
            words: FormMap::with_capacity(4096),
            filter: Box::new([0; FILTER_BITS / 64]),
        };
        // The stop lists: a point for each. Their candidates are their places
        // in `LISTED` (English, German, ..., Russian).
        for (at, packed) in stopwords::packed_lists().into_iter().enumerate() {
            for word in stopwords::unpack(packed).split(|&b| b == b' ') {
                let hit = slot(&mut table, word);
                hit.listed |= bit(at);
                hit.stop |= 1 << at;
            }
        }
        // `core` words earn a second point, the first `top` of them a third.
        let mut add = |words: &'static str, candidate: usize, core: bool, top: usize| {
            for (rank, word) in words.split_ascii_whitespace().enumerate() {
                let hit = slot(&mut table, word.as_bytes());
                hit.listed |= bit(candidate);
                if core {
                    hit.core |= bit(candidate);
                }
                if rank < top {
                    hit.top |= bit(candidate);
                }
            }
        };
        for &(candidate, words) in CORE {
            add(words, candidate, true, TOP);
        }
        // Decoy lists are short: their words all count as top words.
        for &(candidate, words) in DECOYS {
            add(words, candidate, true, usize::MAX);
        }
        // Elision and contraction markers, looked up when a word with an
        // apostrophe is not itself listed: `l'homme` counts `l'`, `john's`
        // counts `'s`.
        add("'d 'll 'm 're 's 't 've", ENGLISH, true, 0);
        let french = "c' d' j' jusqu' l' lorsqu' m' n' puisqu' qu' quoiqu' s' t'";
        add(french, FRENCH, true, 0);
        let italian = "all' anch' c' d' dall' dell' l' nell' nessun' quell' quest' sull' tutt' un'";
        add(italian, ITALIAN, true, 0);
        abbreviations::index_entries(|key, entry| {
            slot(&mut table, key).abbreviation |= entry;
        });
        // The entity recognizer's lists: a word form's shape then costs no
        // list search (10 KB of news: see `Shape::with_lowered`).
        for &(bit, words) in crate::entities::ENTITY_LISTS {
            for &word in words {
                slot(&mut table, word.as_bytes()).entity |= bit;
            }
        }
        table
    })
}

/// The entry of `word` in a table being built, added if absent. Out of line:
/// inlined at each of its four callers, it made the wasm 0.8 KB larger.
#[inline(never)]
fn slot<'t>(table: &'t mut WordTable, word: &'static [u8]) -> &'t mut Hit {
    let bit = filter_bit(word);
    table.filter[bit / 64] |= 1 << (bit % 64);
    table.words.get_mut(word)
}

/// The words of [`table`], and a bit filter in front of them.
struct WordTable {
    words: FormMap<'static, Hit>,
    /// A bit set for each word ([`filter_bit`]): a word whose bit is clear
    /// is not in the table. Most words of a text are not, and the 16 KB
    /// filter stays in the fastest cache where the 400 KB table does not: a
    /// summary of 10 KB of news spent 9% of its time in these lookups.
    filter: Box<[u64; FILTER_BITS / 64]>,
}

impl WordTable {
    /// Whether `word` may be in the table: false for most words that are not.
    fn may_hold(&self, word: &[u8]) -> bool {
        self.has_bit(filter_bit(word))
    }

    fn has_bit(&self, bit: usize) -> bool {
        self.filter[bit / 64] >> (bit % 64) & 1 == 1
    }
}

const FILTER_BITS: usize = 1 << 17;

/// Where `word` sets its bit in [`WordTable::filter`]: the top bits of its
/// hash mixed again (the table's probe reads the hash's low bits). With the
/// table's 3.5 k words, 2.6% of other words pass.
fn filter_bit(word: &[u8]) -> usize {
    filter_bit_of(Form(word).hash())
}

/// [`filter_bit`] of a word hashed `hash`.
fn filter_bit_of(hash: u64) -> usize {
    let hash = hash.wrapping_mul(0x9E37_79B9_7F4A_7C15);
    (hash >> (64 - FILTER_BITS.trailing_zeros())) as usize
}

/// Letter and word counts of the sample.
#[derive(Default)]
struct Scan {
    latin: u32,
    cyrillic: u32,
    han: u32,
    kana: u32,
    hangul: u32,
    /// Letters of scripts we have no data for.
    other: u32,
    /// Latin and Cyrillic words.
    words: u32,
    scores: [u32; CANDIDATES],
    /// Points for words with a letter none of our Latin languages uses (`ł`, `ø`, `ș`, ...).
    latin_foreign: u32,
    /// Points for words with a letter Russian does not use (`і`, `ї`, `ј`, `ә`, ...).
    cyrillic_foreign: u32,
    /// The current word, lower-cased.
    word: String,
    word_foreign: bool,
    word_cyrillic: bool,
    /// Candidates a letter of the current word points to (`ß`, `ñ`, `è`, `ы`).
    word_marks: u32,
    /// The points of the last word if it was `et`, in case `al.` follows.
    after_et: Option<Hit>,
    /// Where in the text the scan has read to.
    read: usize,
}

impl Scan {
    /// A scan that reads from byte `start` of the text (a char boundary).
    fn reading_from(start: usize) -> Scan {
        Scan {
            read: start,
            ..Scan::default()
        }
    }

    /// Reads `head` bytes from the start of `text` and `middle` bytes from
    /// its middle, or all of it if it is no longer than both.
    fn feed_sample(&mut self, text: &str, head: usize, middle: usize) {
        if text.len() <= head + middle {
            self.read_to(text, text.len(), true);
        } else {
            self.read_to(text, head, true);
            let cut = floor_boundary(text, text.len() / 2);
            self.read = middle_start(text, cut, middle);
            self.read_to(text, cut + middle, true);
        }
    }

    /// Reads on to byte `end` of `text` (the char boundary at or below it),
    /// and to the end of the word there if it is the `last` read.
    fn read_to(&mut self, text: &str, end: usize, last: bool) {
        let end = floor_boundary(text, end).max(self.read);
        self.feed(&text[self.read..end]);
        self.read = end;
        if last {
            self.end_word();
        }
    }

    fn feed(&mut self, text: &str) {
        // By bytes, not chars: ASCII needs no decoding, and is most of the
        // sample in every Latin-script language (a summary of 10 KB of English
        // took 0.025 M fewer instructions natively, 4.108 to 4.084 M).
        let bytes = text.as_bytes();
        let mut at = 0;
        while let Some(&b) = bytes.get(at) {
            if b.is_ascii_alphabetic() {
                self.latin += 1;
                self.push(char::from(b.to_ascii_lowercase()));
                at += 1;
            } else if b.is_ascii() {
                match b {
                    b'\'' => self.apostrophe(),
                    b'.' => self.end_word_at_period(),
                    _ => self.end_word(),
                }
                at += 1;
            } else {
                let c = text.get(at..).and_then(|rest| rest.chars().next());
                let c = c.unwrap_or(char::REPLACEMENT_CHARACTER);
                self.non_ascii(c);
                at += c.len_utf8();
            }
        }
    }

    fn non_ascii(&mut self, c: char) {
        match c as u32 {
            0x00D7 | 0x00F7 => self.end_word(), // × ÷
            0x00C0..=0x024F | 0x1E00..=0x1EFF => {
                self.latin += 1;
                let lower = crate::lowercase::lower_char(c);
                let marks = latin_marks(lower);
                if marks == u32::MAX {
                    self.word_foreign = true;
                } else {
                    self.word_marks |= marks;
                }
                self.push(lower);
            }
            0x0400..=0x052F => {
                self.cyrillic += 1;
                self.word_cyrillic = true;
                let lower = crate::lowercase::lower_char(c);
                if is_foreign_cyrillic(lower) {
                    self.word_foreign = true;
                } else if matches!(lower, 'ы' | 'э' | 'ё') {
                    // Russian letters that Bulgarian, Ukrainian and Serbian lack.
                    self.word_marks |= bit(RUSSIAN);
                } else if self.word.ends_with('ъ') && !matches!(lower, 'е' | 'ю' | 'я') {
                    // Russian writes ъ only before е, ё, ю, я (объём, подъезд);
                    // Bulgarian writes it as a vowel (към, първата, бъде).
                    self.word_marks |= bit(BULGARIAN);
                }
                self.push(lower);
            }
            0x0300..=0x036F => {} // a decomposed accent: the base letter stays
            0x2019 | 0x02BC => self.apostrophe(),
            code => {
                self.end_word();
                match code {
                    0x3040..=0x309F | 0x30A0..=0x30FF | 0x31F0..=0x31FF | 0xFF66..=0xFF9F => {
                        self.kana += 1
                    }
                    0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x3134F => {
                        self.han += 1
                    }
                    0x1100..=0x11FF | 0x3130..=0x318F | 0xAC00..=0xD7AF => self.hangul += 1,
                    0x00BF | 0x00A1 => self.scores[SPANISH] += 2, // ¿ ¡
                    _ if letters::is_alphabetic(c) => self.other += 1,
                    _ => {}
                }
            }
        }
    }

    fn apostrophe(&mut self) {
        if !self.word.is_empty() {
            self.push('\'');
        }
    }

    fn push(&mut self, c: char) {
        if self.word.len() < MAX_WORD_BYTES {
            self.word.push(c);
        }
    }

    /// Ends a word followed by a period, unless it is an initial (`e.g.`,
    /// `U.S.`, `J. Smith`) rather than a word.
    fn end_word_at_period(&mut self) {
        if self.word.chars().nth(1).is_none() {
            self.clear_word();
        } else {
            self.end_word();
        }
    }

    /// Adds the points of a word (or takes them back).
    fn count(&mut self, hit: Hit, marks: u32, take_back: bool) {
        for mut set in [hit.listed, hit.core, hit.top, marks] {
            while set != 0 {
                let score = &mut self.scores[set.trailing_zeros() as usize];
                *score = if take_back {
                    score.saturating_sub(1)
                } else {
                    *score + 1
                };
                set &= set - 1;
            }
        }
    }

    fn clear_word(&mut self) {
        self.word.clear();
        self.word_foreign = false;
        self.word_cyrillic = false;
        self.word_marks = 0;
    }

    fn end_word(&mut self) {
        if self.word.is_empty() {
            return;
        }
        // `trim_end_matches('\'')` by bytes: no reverse char searcher linked.
        let quotes = self.word.bytes().rev().take_while(|&b| b == b'\'').count();
        let word = &self.word[..self.word.len() - quotes];
        if !word.is_empty() {
            self.words += 1;
            // Lone c, d, l, s, ... are what is left of elisions and
            // abbreviations (`U.S.`), not words.
            let elided = matches!(
                word.as_bytes(),
                [b'c' | b'd' | b'j' | b'l' | b'm' | b'n' | b's' | b't']
            );
            let hit = if word.len() < MAX_WORD_BYTES && !elided {
                lookup(word)
            } else {
                Hit::default()
            };
            let et = word == "et";
            if word == "al" && self.after_et.is_some() {
                // `et al.` is no French `et`, nor Spanish `al`.
                if let Some(et) = self.after_et {
                    self.count(et, 0, true);
                }
            } else {
                self.count(hit, self.word_marks, false);
            }
            self.after_et = et.then_some(hit);
            if self.word_foreign {
                if self.word_cyrillic {
                    self.cyrillic_foreign += 2;
                } else {
                    self.latin_foreign += 2;
                }
            }
        }
        self.clear_word();
    }

    fn decide(&self) -> Language {
        // Han and kana carry about a word per character or two, so they weigh
        // more than one letter of an alphabet.
        let cjk = 3 * (self.han + self.kana);
        let hangul = 2 * self.hangul;
        let top = cjk
            .max(hangul)
            .max(self.latin)
            .max(self.cyrillic)
            .max(self.other);
        if top == 0 {
            Language::Other
        } else if cjk == top {
            // Chinese text may borrow a stray の; Japanese prose is a third kana.
            if self.kana > 0 && self.kana * 10 >= self.han {
                Language::Japanese
            } else {
                Language::Chinese
            }
        } else if hangul == top {
            Language::Korean
        } else if self.other == top {
            Language::Other
        } else if self.cyrillic == top {
            // Most Cyrillic text is Russian: it takes whatever no other
            // Cyrillic language has more evidence for.
            if self.scores[RUSSIAN] >= self.best_decoy(&CYRILLIC_DECOYS, self.cyrillic_foreign) {
                Language::Russian
            } else {
                Language::Other
            }
        } else {
            self.pick_latin()
        }
    }

    /// The decision, if the evidence for it is so one-sided that more of the
    /// text could hardly change it: one script has nearly all the letters,
    /// and the language leads every other candidate by half as much again
    /// (Chinese and Japanese: the share of kana is four times from the line
    /// between them).
    fn clear_decision(&self, look: usize) -> Option<Language> {
        let scripts = [
            3 * (self.han + self.kana),
            2 * self.hangul,
            self.latin,
            self.cyrillic,
            self.other,
        ];
        let top = scripts.iter().copied().max().unwrap_or(0);
        let rest = scripts.iter().sum::<u32>() - top;
        if (top as usize) < look / 2 || rest * 20 > top {
            return None;
        }
        let language = self.decide();
        // The language's points and the best of the rest, decoys included.
        let (score, next) = match language {
            Language::Chinese => return (self.kana * 40 <= self.han).then_some(language),
            Language::Japanese => return (self.kana * 5 >= self.han * 2).then_some(language),
            Language::Korean => return Some(language),
            Language::Other => return None,
            Language::Russian => (
                self.scores[RUSSIAN],
                self.best_decoy(&CYRILLIC_DECOYS, self.cyrillic_foreign),
            ),
            // The Romance languages share many function words: French news
            // leads Spanish by 1.9 to 1 on a first look.
            _ => {
                let (score, _, runner_up) = self.latin_ranking();
                (
                    score,
                    runner_up.max(self.best_decoy(&LATIN_DECOYS, self.latin_foreign)),
                )
            }
        };
        let clear = 2 * score >= 3 * next && score >= next + 50 && score * 3 >= self.words;
        clear.then_some(language)
    }

    /// The best-scoring Latin-script language of ours, its score, and the
    /// next best score.
    fn latin_ranking(&self) -> (u32, Language, u32) {
        let mut best = (0, Language::Other);
        let mut runner_up = 0;
        for (candidate, language) in LATIN {
            let score = self.scores[candidate];
            if score > best.0 {
                runner_up = best.0;
                best = (score, language);
            } else {
                runner_up = runner_up.max(score);
            }
        }
        (best.0, best.1, runner_up)
    }

    fn best_decoy(&self, decoys: &[usize], foreign: u32) -> u32 {
        decoys.iter().map(|&d| self.scores[d]).max().unwrap_or(0) + foreign
    }

    /// The best-scoring Latin-script language, if it beats every decoy and
    /// has enough evidence.
    fn pick_latin(&self) -> Language {
        let (score, language, runner_up) = self.latin_ranking();
        // Too little evidence: running text in any of our languages scores
        // more than half a point a word; one function word among many is
        // noise.
        if score == 0
            || score < self.best_decoy(&LATIN_DECOYS, self.latin_foreign)
            || score * 6 < self.words
        {
            return Language::Other;
        }
        // A tie between two of ours is no evidence either, unless English,
        // the likeliest, is in it (`he has`: English, or Spanish "haber").
        if score == runner_up {
            return if self.scores[ENGLISH] == score {
                Language::English
            } else {
                Language::Other
            };
        }
        language
    }
}

/// `word`'s entry in [`table`]. Out of line: each inlined hash lookup is
/// 300 bytes of wasm, and these callers are not hot (detection reads a
/// sample; abbreviations are looked up at periods).
#[inline(never)]
pub(super) fn entry(word: &[u8]) -> Option<Hit> {
    let table = table();
    if !table.may_hold(word) {
        return None;
    }
    table.words.get(word)
}

/// [`entry`] of a word whose hash the caller has (the tokenizer's, for most
/// new word forms).
pub(super) fn entry_hashed(word: &[u8], hashed: Hashed) -> Option<Hit> {
    let table = table();
    if !table.has_bit(filter_bit_of(hashed.hash)) {
        return None;
    }
    table.words.get_hashed(word, hashed)
}

fn lookup(word: &str) -> Hit {
    // An abbreviation only (no evidence) counts as absent here.
    if let Some(hit) = entry(word.as_bytes()).filter(|hit| hit.listed != 0) {
        return hit;
    }
    // By bytes: `find` with a char runs a searcher built for long texts.
    let Some(at) = word.bytes().position(|b| b == b'\'') else {
        return Hit::default();
    };
    // An elided article or a contraction: its marker, and the word it is
    // glued to if that is long enough to be one.
    let marker = |key: &str| entry(key.as_bytes()).unwrap_or_default();
    let tail = &word[at + 1..];
    let glued = if tail.chars().nth(2).is_some() {
        marker(tail)
    } else {
        Hit::default()
    };
    marker(&word[..=at]) | marker(&word[at..]) | glued
}

fn is_word_char(c: char) -> bool {
    letters::is_alphabetic(c)
        || matches!(c, '\'' | '\u{2019}' | '\u{02BC}' | '\u{0300}'..='\u{036F}')
}

/// The candidates a Latin letter points to; `u32::MAX` for a letter none of
/// our languages writes (a decoy's letter).
fn latin_marks(c: char) -> u32 {
    const DE: u32 = bit(GERMAN);
    const FR: u32 = bit(FRENCH);
    const ES: u32 = bit(SPANISH);
    const IT: u32 = bit(ITALIAN);
    const PT: u32 = bit(PORTUGUESE);
    const NL: u32 = bit(DUTCH);
    match c {
        'ß' | 'ä' | 'ö' | 'ü' => DE,
        'ñ' => ES,
        'á' | 'í' | 'ó' | 'ú' => ES | PT,
        'é' => FR | ES | PT,
        'ã' | 'õ' => PT,
        'â' | 'ê' | 'ô' | 'ç' => FR | PT,
        'à' => FR | IT | PT,
        'è' | 'ù' => FR | IT,
        'ì' | 'ò' => IT,
        'î' | 'û' | 'œ' => FR,
        'ë' | 'ï' => FR | NL,
        'ą' | 'ę' | 'ł' | 'ń' | 'ś' | 'ź' | 'ż' | 'ć' // Polish
        | 'ř' | 'ě' | 'ů' | 'ť' | 'ď' | 'ň' | 'ľ' | 'ĺ' | 'ŕ' // Czech, Slovak
        | 'š' | 'č' | 'ž' | 'đ' // other Slavic, Baltic
        | 'ā' | 'ē' | 'ī' | 'ū' | 'ķ' | 'ļ' | 'ņ' | 'ģ' | 'ė' | 'į' | 'ų' // Baltic
        | 'ø' | 'æ' | 'å' | 'ð' | 'þ' // Nordic
        | 'ș' | 'ş' | 'ț' | 'ţ' | 'ă' // Romanian
        | 'ğ' | 'ı' // Turkish
        | 'ő' | 'ű' // Hungarian
        | 'ơ' | 'ư' | '\u{1EA0}'..='\u{1EF9}' // Vietnamese
        => u32::MAX,
        _ => 0,
    }
}

/// Cyrillic letters that Russian does not write.
fn is_foreign_cyrillic(c: char) -> bool {
    matches!(
        c,
        'і' | 'ї' | 'є' | 'ґ' | 'ў' // Ukrainian, Belarusian
            | 'ј' | 'љ' | 'њ' | 'ћ' | 'ђ' | 'џ' | 'ѓ' | 'ќ' | 'ѕ' // Serbian, Macedonian
            | 'ә' | 'ғ' | 'қ' | 'ң' | 'ө' | 'ұ' | 'ү' | 'һ' | 'ӣ' | 'ӯ' | 'ҳ' | 'ҷ' // Central Asian
    )
}

/// Function words of languages we have no data for. A word may be shared with
/// one of ours: only a text where the decoy scores higher is turned away.
#[rustfmt::skip]
const DECOYS: &[(usize, &str)] = &[
    // Danish, Norwegian, Swedish.
    (NORDIC, "\
        af att av ble blev blir bliver de den der deres det detta dette dig dit du efter eller en \
        er ett fra från för hadde hade han hans har havde hende hennes hon hun hvad hvis hvor i \
        ikke inte jag jeg kan kunde kunne mange med meg meget mellan mellem mellom mig mit mycket \
        mye noe noget när något når och också også om oss på seg sig sin sina sine sitt skal skall \
        skulle som så til till vad var vara vi vil vill ville vores være är"),
    // Polish, Czech, Slovak, Slovene, Croatian, Serbian, Bosnian.
    (SLAVIC, "\
        aby aj ako ale alebo ali ani bardzo bila bio biti bol bola by byl byla bylo był była było \
        będzie co czy dla gdje gdy iz jak jako je jeho jej jen jer jest jeszcze još jsem jsou już \
        kad kako kao když keď koja koje koji která které který ktorá ktoré ktorý która które który \
        len lub może na není nie nije oraz pre pro proto przez při sa się som su sú tak také także \
        tego tylko tym už v već však w z za će što że že"),
    // Romanian.
    (ROMANIAN, "\
        aceasta această acest acesta ale are care cu când că dacă dar despre din după este fi \
        foarte fost lui mai nu pentru poate prin până sau sunt să în între își și"),
    // Turkish.
    (TURKISH, "\
        ama bir biz bu bunu bunun daha değil diye gibi göre ile ise için kadar kendi ki mi mı olan \
        olarak oldu olduğu onun siz sonra var ve veya yok çok şey şu"),
    // Indonesian, Malay.
    (MALAY, "\
        ada adalah agar akan antara atau bahwa banyak belum bisa dalam dan dapat dari dengan di \
        dia hanya harus ini itu jika juga kami karena ke kita lebih masih mereka namun oleh pada \
        saya sebagai seperti serta sudah telah tersebut tetapi tidak untuk yang"),
    // Finnish.
    (FINNISH, "\
        ei eli että hän hänen ja jo joka jos jossa jotka kanssa koska kuin kun mikä minä mitä \
        mukaan mutta myös niin nyt oli olla ollut on ovat sekä sen siitä sinä sitä tai tämä vain \
        vielä voi"),
    // Hungarian.
    (HUNGARIAN, "\
        a aki akkor amely amelyek ami az azt csak de egy el ez ezt ha hogy is kell között lehet \
        lesz lett meg mert minden mint már még nagyon nem pedig sem szerint után vagy van vannak \
        volt voltak és így ő ők"),
    // Catalan: shared words too, or Spanish takes it.
    (CATALAN, "\
        a al als amb aquest aquesta aquests de del dels el ell ells els en encara ens era eren es \
        fins havia hi ho la les li molt més no només pel pels per perquè però quan que què se seu \
        seva són també tot tots un una és"),
    // Bulgarian: shared words too, as Russian is the only rival.
    (BULGARIAN, "\
        а аз ако без беше би бяха в вече всеки всички във го да днес до докато е за защото и или \
        има как като когато което които който която към много му на не но няма обаче от още по при \
        с са се сега си след сме сте съм със също тази там тези то това този той тук тя че ще ѝ"),
    // Ukrainian: shared words too, as Russian is the only rival.
    (UKRAINIAN, "\
        а або але був бути в вже вона вони воно від він де для до дуже з за й коли лише на навіть \
        не по при про після та так також там тут тільки у це цей ця ці чи що щоб як яка яке який \
        якщо які є і їх її"),
];

/// The most frequent function words of each language, most frequent first: a
/// hit earns a second point, and a third in the first [`TOP`], so that `le`
/// says French more than Spanish, and `die` German more than Dutch.
#[rustfmt::skip]
const CORE: &[(usize, &str)] = &[
    (ENGLISH, "\
        the of and to a in is that for it was on with he as be by at this are from his have an not \
        but they had has were which you i she we said"),
    (GERMAN, "\
        der die und in den von zu das mit sich des auf für ist im dem nicht ein eine als auch es \
        an werden aus er hat dass sie nach wird bei einer um am sind noch wie einem über einen so \
        zum war haben nur oder aber vor zur bis durch man wurde"),
    (FRENCH, "\
        de la le et les des en un du une que est pour qui dans a par plus pas au sur ne se ce il \
        sont avec son aux ou sa mais été ont elle ses leur nous vous cette comme"),
    (SPANISH, "\
        de la que el en y a los se del las un por con no una su para es al lo como más pero sus ha \
        me si sin sobre este ya entre cuando todo esta fue muy hasta desde está también"),
    (ITALIAN, "\
        di e il la che in per un è a del non una della si da con al sono lo gli come ma nel dei \
        alla ha più anche delle se questo nella dal ci era suo sua loro essere"),
    (PORTUGUESE, "\
        de o que e do da em um para é com não uma os no se na por mais as dos como mas foi ao ele \
        das tem à seu sua ou quando muito há nos já está eu também pelo pela até isso ela"),
    (DUTCH, "\
        de van het een en in is dat op te zijn voor met die niet aan er om ook als bij door maar \
        naar dan of wordt uit nog worden werd tot ze over deze hij heeft was kan wel zich"),
    (RUSSIAN, "\
        и в не на что с по он как это к а из но за от у о для то все его так же она было бы был \
        только до они её мы я при уже их или который была были также"),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_filter_passes_every_listed_word_and_few_others() {
        for (_, words) in DECOYS.iter().chain(CORE) {
            for word in words.split_ascii_whitespace() {
                assert!(entry(word.as_bytes()).is_some(), "{word:?} filtered out");
            }
        }
        // Words that are in no list: made-up ones, and long ones.
        let others: Vec<String> = (0..20_000).map(|i| format!("qz{i}x")).collect();
        let passed = others
            .iter()
            .filter(|word| table().may_hold(word.as_bytes()))
            .count();
        assert!(others.iter().all(|word| entry(word.as_bytes()).is_none()));
        assert!(
            passed < others.len() / 20,
            "{passed} of {} passed",
            others.len()
        );
    }

    #[test]
    fn detection_lists_are_lower_case_and_unique() {
        for (candidate, words) in DECOYS {
            let words: Vec<&str> = words.split_ascii_whitespace().collect();
            for pair in words.windows(2) {
                assert!(
                    pair[0] < pair[1],
                    "decoy {candidate}: {pair:?} unsorted or repeated"
                );
            }
        }
        for (candidate, words) in DECOYS.iter().chain(CORE) {
            let words: Vec<&str> = words.split_ascii_whitespace().collect();
            assert!(words.len() > TOP, "candidate {candidate}");
            for (i, word) in words.iter().enumerate() {
                assert_eq!(
                    *word,
                    word.to_lowercase(),
                    "candidate {candidate}: {word:?}"
                );
                assert!(
                    !words[..i].contains(word),
                    "candidate {candidate}: {word:?} repeated"
                );
            }
        }
    }

    #[test]
    fn core_words_are_stop_words() {
        for (candidate, language) in LATIN.into_iter().chain([(RUSSIAN, Language::Russian)]) {
            // `table` gives each stop list the candidate of its place in LISTED.
            assert_eq!(stopwords::LISTED[candidate], language);
            let (_, core) = CORE.iter().find(|(c, _)| *c == candidate).unwrap();
            for word in core.split_ascii_whitespace() {
                assert!(
                    stopwords::is_stop_word(language, word),
                    "{language:?}: {word:?}"
                );
            }
        }
    }

    #[test]
    fn boundaries() {
        let text = "aé漢";
        assert_eq!(floor_boundary(text, 0), 0);
        assert_eq!(floor_boundary(text, 2), 1);
        assert_eq!(floor_boundary(text, 4), 3);
        assert_eq!(floor_boundary(text, 5), 3);
        assert_eq!(floor_boundary(text, 99), text.len());
    }

    #[test]
    fn elisions_and_contractions() {
        let listed = |word| lookup(word).listed;
        assert_eq!(listed("l'homme"), bit(FRENCH) | bit(ITALIAN));
        assert_eq!(listed("qu'il"), bit(FRENCH));
        assert_eq!(listed("john's"), bit(ENGLISH));
        assert_eq!(listed("don't"), bit(ENGLISH));
        assert_eq!(listed("dell'anno"), bit(ITALIAN));
        assert_eq!(listed("rock'n'roll"), 0);
    }

    #[test]
    fn a_clear_first_look_agrees_with_the_full_sample() {
        let fixtures = [
            (
                include_str!("../../tests/fixtures/news-storm.txt"),
                Language::English,
            ),
            (
                include_str!("../../tests/fixtures/news-de.txt"),
                Language::German,
            ),
            (
                include_str!("../../tests/fixtures/news-fr.txt"),
                Language::French,
            ),
            (
                include_str!("../../tests/fixtures/news-zh.txt"),
                Language::Chinese,
            ),
        ];
        let first_looks = |text: &str| {
            let (head, middle) = looks_of(text, &[FIRST_LOOK]);
            (
                head.clear_decision(FIRST_LOOK),
                middle.clear_decision(FIRST_LOOK),
            )
        };
        for (fixture, language) in fixtures {
            let text = fixture.repeat(2 * HEAD_SAMPLE / fixture.len() + 1);
            assert_eq!(first_looks(&text), (Some(language), Some(language)));
            let mut full = Scan::default();
            full.feed_sample(&text, HEAD_SAMPLE, MIDDLE_SAMPLE);
            assert_eq!(full.decide(), language);
        }
        // A text that starts in another language: the two looks disagree,
        // and the full sample decides.
        let english = "The committee said it would publish the report before the end of the year. ";
        let german = "Der Ausschuss wird den Bericht vor Ende des Jahres veröffentlichen. ";
        let text = english.repeat(FIRST_LOOK / english.len() + 1) + &german.repeat(300);
        let (head, middle) = first_looks(&text);
        assert_eq!(head, Some(Language::English));
        assert_eq!(middle, Some(Language::German));
        assert_eq!(detect(&text), Language::German);
        // Too little text in a look is no clear decision.
        let mut scan = Scan::default();
        scan.read_to(english, FIRST_LOOK, true);
        assert_eq!(scan.clear_decision(FIRST_LOOK), None);
    }

    /// The first looks at `text`'s start and middle, read in `steps`.
    fn looks_of(text: &str, steps: &[usize]) -> (Scan, Scan) {
        let cut = floor_boundary(text, text.len() / 2);
        let mut head = Scan::default();
        let mut middle = Scan::reading_from(middle_start(text, cut, FIRST_LOOK));
        for (i, &look) in steps.iter().enumerate() {
            let last = i + 1 == steps.len();
            head.read_to(text, look, last);
            middle.read_to(text, cut + look, last);
        }
        (head, middle)
    }

    #[test]
    fn looks_read_in_steps_count_what_one_look_counts() {
        let counts = |scan: &Scan| (scan.latin, scan.words, scan.scores, scan.read);
        let english = include_str!("../../tests/fixtures/news-storm.txt");
        let german = include_str!("../../tests/fixtures/news-de.txt");
        // Cuts inside words and inside multi-byte letters, at both steps.
        for shift in 0..7 {
            let text = "ä".repeat(shift) + &english.repeat(2) + german;
            let (head, middle) = looks_of(&text, &[FIRST_LOOK / 2, FIRST_LOOK]);
            let (head_at_once, middle_at_once) = looks_of(&text, &[FIRST_LOOK]);
            assert_eq!(counts(&head), counts(&head_at_once));
            assert_eq!(counts(&middle), counts(&middle_at_once));
            assert!(middle.read > text.len() / 2 + FIRST_LOOK - 4);
        }
        // Running English news is clear from the first step.
        let text = english.repeat(3);
        let (head, middle) = looks_of(&text, &[FIRST_LOOK / 2]);
        let half = FIRST_LOOK / 2;
        assert_eq!(head.clear_decision(half), Some(Language::English));
        assert_eq!(middle.clear_decision(half), Some(Language::English));
    }

    #[test]
    fn long_samples_are_cut_on_char_boundaries() {
        for filler in ["é", "漢", "ё", "a", "\u{301}", "🙂", "'"] {
            let text = filler.repeat(HEAD_SAMPLE + MIDDLE_SAMPLE + 7);
            detect(&text);
            detect(&text[filler.len()..]);
        }
    }
}
