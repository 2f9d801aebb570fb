//! Step 2: turn each sentence into content terms (and feed the entity
//! recognizer, and look for the phrase lists in the sentence's opening).
//!
//! Words come from UAX #29 word boundaries. Each distinct word form is
//! lower-cased, checked against the stop list and stemmed once; later
//! occurrences cost one hash lookup. Scripts written without spaces (Han, kana)
//! become overlapping character bigrams.

use crate::entities::{EntityTable, Recognizer, Shape};
use crate::lang::{stop_list_bit, stop_lists, word_lists, word_lists_hashed, Language, Stemmer};
use crate::phrases::{Opening, PhraseIndex};
use crate::segment::SentenceSpan;

/// An interned term (a stem, or a character bigram).
pub(crate) type TermId = u32;

/// Marks a cached word form that yields no term (a stop word).
pub(crate) const NO_TERM: TermId = TermId::MAX;

/// What the later stages need to know about one term.
#[derive(Clone, Debug, Default)]
pub(crate) struct TermInfo {
    /// How many sentences contain the term.
    pub sentence_frequency: u32,
    /// How often the term occurs in the whole text.
    pub count: u32,
}

/// Items grouped by sentence in one buffer: one allocation, not one per sentence.
#[derive(Default)]
pub(crate) struct PerSentence<T> {
    items: Vec<T>,
    /// `items[bounds[i]..bounds[i + 1]]` belong to sentence `i`.
    bounds: Vec<usize>,
}

impl<T> PerSentence<T> {
    /// Items grouped by `bounds` (see the field).
    pub fn from_parts(items: Vec<T>, bounds: Vec<usize>) -> Self {
        PerSentence { items, bounds }
    }

    /// The items of sentence `index`. Always inline: in the wasm the scorer's
    /// per-sentence loops called it.
    #[inline(always)]
    pub fn get(&self, index: usize) -> &[T] {
        &self.items[self.bounds[index]..self.bounds[index + 1]]
    }

    pub fn get_mut(&mut self, index: usize) -> &mut [T] {
        &mut self.items[self.bounds[index]..self.bounds[index + 1]]
    }

    /// Every sentence's items, in order.
    pub fn iter(&self) -> impl Iterator<Item = &[T]> {
        self.bounds.windows(2).map(|w| &self.items[w[0]..w[1]])
    }

    pub fn len(&self) -> usize {
        self.bounds.len().saturating_sub(1)
    }

    /// Maps every item. When `U` has the size of `T` the buffer is reused in
    /// place, so the old and the new never both take memory.
    pub fn map<U>(self, f: impl FnMut(T) -> U) -> PerSentence<U> {
        PerSentence {
            items: self.items.into_iter().map(f).collect(),
            bounds: self.bounds,
        }
    }
}

#[cfg(test)]
impl<T> PerSentence<T> {
    /// Sentence by sentence, for tests.
    pub fn from_sentences(sentences: Vec<Vec<T>>) -> Self {
        let mut bounds = vec![0];
        let mut items = Vec::new();
        for sentence in sentences {
            items.extend(sentence);
            bounds.push(items.len());
        }
        PerSentence { items, bounds }
    }
}

/// What tokenizing a text gives the scorer.
pub(crate) struct Tokens<'t> {
    /// Terms per sentence, as `(term, count)` pairs in the order the terms
    /// first occur.
    pub counts: PerSentence<(TermId, u32)>,
    /// Words per sentence, stop words included (the unit of word budgets).
    pub word_counts: Vec<u32>,
    pub terms: Vec<TermInfo>,
    /// A readable form of each term: the first lower-cased word that produced
    /// it, by term id.
    pub surfaces: Strings,
    pub entities: EntityTable<'t>,
    /// Per sentence, the phrase lists with a phrase in its opening words
    /// ([`PhraseIndex::find`]).
    pub phrase_lists: Vec<u8>,
    /// Whether the text is an interview, a transcript or a chat (the
    /// speakers' labels at the start of lines are no terms or names in any
    /// text).
    pub conversation: bool,
}

impl Tokens<'_> {
    pub fn sentence_count(&self) -> usize {
        self.word_counts.len()
    }
}

/// A word of a sentence: its byte offset in the sentence and its text.
pub(crate) type Word<'t> = (usize, &'t str);

struct Interner {
    language: Language,
    stemmer: Option<Stemmer>,
    terms: TermTable,
    lowered: String,
}

/// The terms met so far.
struct TermTable {
    /// Term text → term.
    ids: StrIds,
    terms: Vec<TermInfo>,
    surfaces: Strings,
}

impl TermTable {
    /// The term of `key` (its text), added with its `surface` if new.
    fn intern(&mut self, key: &[u8], surface: &str) -> TermId {
        let (id, new) = self.ids.intern(key);
        if new {
            self.terms.push(TermInfo::default());
            self.surfaces.push(surface);
        }
        id
    }
}

impl Interner {
    fn new(language: Language, forms: usize) -> Self {
        Interner {
            language,
            stemmer: Stemmer::new(language),
            terms: TermTable {
                ids: StrIds::with_capacity(forms),
                terms: Vec::with_capacity(forms),
                surfaces: Strings::with_capacity(forms),
            },
            lowered: String::new(),
        }
    }

    /// The term of one word ([`NO_TERM`] for a stop word) and its shape.
    /// Asked once per distinct form as it stands (the tokenizer's cache): a
    /// second cache by lower-cased form saved stemming "The" after "the" but
    /// cost a copy of every form (10 KB of news: 1,000 allocations a call).
    /// The shape reuses the lower-cased form and its stop lists (10 KB of
    /// news: 4.55 to 4.3 M instructions a call).
    fn new_form(&mut self, word: &str, hashed: Hashed) -> (TermId, Shape) {
        let stop = stop_list_bit(self.language);
        let case = AsciiCase::of(word.as_bytes(), hashed.ends);
        // Most forms are ASCII lower-case letters: their own lower-cased
        // form, with no clitic and no digit, and a shape their lists decide.
        if case == AsciiCase::Lower {
            // The word is its lower-cased form: its hash is at hand.
            let lists = word_lists_hashed(word.as_bytes(), hashed);
            let id = self.unless_stop(word, lists.stop & stop);
            return (id, Shape::of_lower_case_ascii(self.language, lists));
        }
        let mut form = std::mem::take(&mut self.lowered);
        // Most other forms are such a word with a capital (a fifth of the
        // forms of news): lower-cased by a byte, and as sure of its shape.
        if case == AsciiCase::Capitalised {
            form.clear();
            form.push_str(word);
            form.make_ascii_lowercase();
            let lists = word_lists(form.as_bytes());
            let id = self.unless_stop(&form, lists.stop & stop);
            self.lowered = form;
            return (id, Shape::of_capitalised_ascii(self.language, lists));
        }
        let apostrophe_mapped = lower_into(word, &mut form);
        let form_lists = word_lists(form.as_bytes());
        let form_stops = form_lists.stop;
        let core = strip_clitics(&form);
        // `core` is `form` unless a clitic came off (the same length then
        // means the same text): a second lookup only for those.
        let core_stops = if core.len() == form.len() {
            form_stops
        } else {
            stop_lists(core.as_bytes())
        };
        let id = if core.is_empty() || (core_stops | form_stops) & stop != 0 {
            NO_TERM
        } else if core.starts_with(crate::letters::is_numeric) {
            self.terms.intern(core.as_bytes(), core)
        } else {
            self.stem_term(core)
        };
        // The shape lower-cases curly apostrophes as they are.
        let lowered = (!apostrophe_mapped).then_some((form.as_str(), form_lists));
        let shape = Shape::with_lowered(word, self.language, lowered);
        self.lowered = form;
        (id, shape)
    }

    /// The term of a lower-cased word of ASCII letters, or [`NO_TERM`] if
    /// `stop` (its stop-list bit for the language) is set or it is one
    /// letter: a transcript's "Q:" and "A:", a list's "(b)", an initial
    /// are no content, yet repeated enough to look central.
    fn unless_stop(&mut self, word: &str, stop: u8) -> TermId {
        if stop != 0 || word.len() == 1 {
            NO_TERM
        } else {
            self.stem_term(word)
        }
    }

    /// The term of a lower-cased word that is no stop word and no number.
    fn stem_term(&mut self, core: &str) -> TermId {
        match &mut self.stemmer {
            Some(stemmer) => self.terms.intern(stemmer.stem(core), core),
            None => self.terms.intern(core.as_bytes(), core),
        }
    }

    /// The term of a character bigram (or a lone character).
    fn gram_term(&mut self, gram: &str) -> TermId {
        lower_into(gram, &mut self.lowered);
        self.terms.intern(self.lowered.as_bytes(), &self.lowered)
    }
}

/// How a word is written, for the new forms' fast paths.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum AsciiCase {
    /// ASCII lower-case letters only.
    Lower,
    /// An ASCII capital, then ASCII lower-case letters only.
    Capitalised,
    Other,
}

impl AsciiCase {
    /// The case of `word`, whose [`Form::ends`] are `ends`, if it has at
    /// most 16 bytes (else `Other`). Tested in its ends, eight bytes at a
    /// time and without a branch on its letters: a loop over them ended at a
    /// length the branch predictor could not guess, once or twice a new form
    /// (10 KB of news: 0.98x the time).
    fn of(word: &[u8], (first, last): (u64, u64)) -> AsciiCase {
        use crate::letters::lanes;
        const HIGH: u64 = lanes(0x80);
        // Bit 7 of each byte of `x` that is an ASCII byte in `lo..=hi`.
        let within = |x: u64, lo: u8, hi: u8| {
            let low = x & lanes(0x7F);
            (low + lanes(0x80 - lo)) & !(low + lanes(0x7F - hi)) & !x & HIGH
        };
        let len = word.len();
        // A longer word takes the general path, which gives the same answers.
        if len == 0 || len > 16 {
            return AsciiCase::Other;
        }
        // The bytes of `first` that are the word's, and whether the last
        // eight (when there are more than eight) are all lower case.
        let valid = HIGH >> (8 * (8 - len.min(8)));
        let tail_lower = len <= 8 || within(last, b'a', b'z') == HIGH;
        let lower = within(first, b'a', b'z');
        if tail_lower && lower & valid == valid {
            AsciiCase::Lower
        } else if tail_lower && (lower | within(first, b'A', b'Z') & 0x80) & valid == valid {
            AsciiCase::Capitalised
        } else {
            AsciiCase::Other
        }
    }
}

/// Strings one after another in one buffer, by index. A `Vec<String>` cost
/// an allocation and a free per string: 1 MB of news from many stories has
/// 17 k terms.
pub(crate) struct Strings {
    text: String,
    /// Where each string ends in `text`.
    ends: Vec<usize>,
}

impl Strings {
    pub fn with_capacity(strings: usize) -> Self {
        Strings {
            text: String::with_capacity(8 * strings),
            ends: Vec::with_capacity(strings),
        }
    }

    pub fn push(&mut self, string: &str) {
        self.text.push_str(string);
        self.ends.push(self.text.len());
    }

    /// The string at `index`.
    pub fn get(&self, index: usize) -> &str {
        let start = index.checked_sub(1).map_or(0, |before| self.ends[before]);
        self.text.get(start..self.ends[index]).unwrap_or_default()
    }
}

/// Strings → ids (0, 1, 2, ... in the order they came), keyed by their
/// bytes, which are kept one after another in one buffer. Keyed by owned
/// strings, every new term (and entity form) cost an allocation and a free:
/// 10 KB of news, 650 terms a call. By bytes, a stem is interned straight
/// from the stemmer's buffer, without checking it as UTF-8 and copying it.
pub(crate) struct StrIds {
    bytes: Vec<u8>,
    /// Where each key ends in `bytes`.
    ends: Vec<usize>,
    /// Open addressing with linear probing, a power of two long: 0 for an
    /// empty slot, else 1 + an id.
    slots: Vec<u32>,
}

impl StrIds {
    pub fn with_capacity(strings: usize) -> Self {
        StrIds {
            bytes: Vec::with_capacity(8 * strings),
            ends: Vec::with_capacity(strings),
            slots: vec![0; (2 * strings).next_power_of_two().max(16)],
        }
    }

    /// The key of `id`.
    pub fn get(&self, id: u32) -> &[u8] {
        let id = id as usize;
        let start = id.checked_sub(1).map_or(0, |before| self.ends[before]);
        self.bytes.get(start..self.ends[id]).unwrap_or_default()
    }

    /// The id of `key`, if it has one.
    pub fn id(&self, key: &[u8]) -> Option<u32> {
        self.slots[self.slot(key)].checked_sub(1)
    }

    /// The slot that holds `key`, or the empty one where it belongs.
    fn slot(&self, key: &[u8]) -> usize {
        let mask = self.slots.len() - 1;
        let mut at = Form(key).hash() as usize & mask;
        loop {
            match self.slots[at] {
                0 => return at,
                id if self.get(id - 1) == key => return at,
                _ => at = (at + 1) & mask,
            }
        }
    }

    /// The id of `key`, and whether it is new (the next id).
    pub fn intern(&mut self, key: &[u8]) -> (u32, bool) {
        let at = self.slot(key);
        if self.slots[at] != 0 {
            return (self.slots[at] - 1, false);
        }
        let id = self.ends.len() as u32;
        self.bytes.extend_from_slice(key);
        self.ends.push(self.bytes.len());
        self.slots[at] = id + 1;
        // At most half full: grown, every key is placed anew.
        if 2 * self.ends.len() > self.slots.len() {
            self.slots = vec![0; 2 * self.slots.len()];
            for id in 0..self.ends.len() as u32 {
                let at = self.slot(self.get(id));
                self.slots[at] = id + 1;
            }
        }
        (id, true)
    }
}

/// A word form as a hash key. A form of up to 16 bytes (almost every word) is
/// known by its length and two overlapping loads from its ends, so it is
/// hashed in two steps and compared without a `memcmp` call (than with `&str`
/// keys, 1 MB of English news took 3 M fewer instructions, of Chinese 7 M).
#[derive(Clone, Copy)]
pub(crate) struct Form<'t>(pub &'t [u8]);

impl Form<'_> {
    /// The first 8 bytes (fewer, zero-extended, if the form is shorter) and
    /// the last 8 of a form longer than 8 (else 0): with the length, all of
    /// a form of up to 16 bytes. Out of line in the wasm (inlined at each
    /// map's lookup, 140 bytes of gzipped wasm) except in [`Form::hash`].
    #[cfg_attr(target_arch = "wasm32", inline(never))]
    #[cfg_attr(not(target_arch = "wasm32"), inline(always))]
    fn ends(&self) -> (u64, u64) {
        self.ends_inline()
    }

    /// [`Form::ends`], always inline.
    #[inline(always)]
    fn ends_inline(&self) -> (u64, u64) {
        let bytes = self.0;
        match (bytes.first_chunk::<8>(), bytes.last_chunk::<8>()) {
            (Some(first), Some(last)) => (
                u64::from_le_bytes(*first),
                if bytes.len() > 8 {
                    u64::from_le_bytes(*last)
                } else {
                    0
                },
            ),
            // Two loads that overlap, or three bytes, zero-extended.
            _ => match (bytes.first_chunk::<4>(), bytes.last_chunk::<4>()) {
                (Some(first), Some(last)) => (
                    u64::from(u32::from_le_bytes(*first))
                        | u64::from(u32::from_le_bytes(*last)) << (8 * (bytes.len() - 4)),
                    0,
                ),
                _ => {
                    let len = bytes.len();
                    let byte = |i: usize| u64::from(bytes.get(i).copied().unwrap_or(0)) << (8 * i);
                    (byte(0) | byte(len / 2) | byte(len.saturating_sub(1)), 0)
                }
            },
        }
    }

    /// [`Form::ends`] of the form at byte `at` of `context`: when 8 bytes of
    /// `context` follow `at`, its first 8 are read whatever the form's length
    /// and masked to it. Words of 1-3, 4-7 and 8 or more bytes come in no
    /// order a branch predictor learns: the branch on them was about 5% of
    /// the branches callgrind's model mispredicted on a megabyte of real
    /// news; without it that megabyte took 2-3% less time natively.
    #[inline(always)]
    fn ends_in(&self, context: &[u8], at: usize) -> (u64, u64) {
        let len = self.0.len();
        match context
            .get(at..at + 8)
            .and_then(|chunk| chunk.first_chunk::<8>())
        {
            Some(first) => {
                let first = u64::from_le_bytes(*first) & u64::MAX >> (64 - 8 * len.clamp(1, 8));
                let last = match self.0.last_chunk::<8>() {
                    Some(last) if len > 8 => u64::from_le_bytes(*last),
                    _ => 0,
                };
                (first, last)
            }
            None => self.ends(),
        }
    }

    /// The hash of every form and every string key ([`StrIds`]): the length
    /// and the first and last 8 bytes, and for a form longer than 16 bytes its
    /// middle too, 8 bytes at a time, each mixed in by FxHash's multiply-add,
    /// on 64 bits on every target (rustc-hash's hasher works on `usize`, so in
    /// wasm32 on 32 bits, two steps per 8 bytes). (By its ends alone, distinct
    /// long forms alike at both ends all collided: 1 MB of them took 36 s.)
    #[inline]
    pub(crate) fn hash(&self) -> u64 {
        self.hash_with_ends(self.ends_inline())
    }

    /// [`Form::hash`] with the form's [`Form::ends`] at hand.
    #[inline(always)]
    fn hash_with_ends(&self, (first, last): (u64, u64)) -> u64 {
        const K: u64 = 0xf135_7aea_2e62_a9c5;
        let mix = |hash: u64, word: u64| hash.wrapping_add(word).wrapping_mul(K);
        let mut hash = mix(mix(0, first), last ^ self.0.len() as u64);
        if let Some(rest) = self.0.get(8..).filter(|rest| rest.len() > 8) {
            for chunk in rest.chunks_exact(8) {
                hash = mix(
                    hash,
                    u64::from_le_bytes(chunk.try_into().unwrap_or_default()),
                );
            }
        }
        // A product's high bits are its best mixed: rotate them down to where
        // the table's mask reads.
        hash.rotate_left(26)
    }
}

/// Word forms → values, by open addressing with linear probing: one table of
/// entries (`None` for an empty slot), a power of two long and at most half
/// full (three quarters when large), each key beside its value (than a table
/// of keys and one of values, the wasm and its glue 226 bytes smaller, and as
/// fast natively and in Node). It serves the maps keyed by word forms (the
/// tokenizer's, the entity recognizer's, the language detector's word table;
/// bigrams have [`GramMap`]) instead of std's `HashMap`: without hashbrown
/// the wasm and its glue are 1.0 KB smaller gzipped (102,249 to 101,243
/// bytes), and the probe, inlined, costs natively about what hashbrown's did
/// (1 MB of English 138.7 to 139.3 M instructions a call, German 166.3 to
/// 166.6 M).
pub(crate) struct FormMap<'t, V> {
    slots: Vec<Option<(Key<'t>, V)>>,
    len: usize,
}

impl<'t, V: Copy + Default> FormMap<'t, V> {
    /// A map with room for `forms` keys before it grows.
    pub fn with_capacity(forms: usize) -> Self {
        let slots = (2 * forms).next_power_of_two().max(16);
        FormMap {
            slots: vec![None; slots],
            len: 0,
        }
    }

    /// The value of `key`, if it has one.
    pub fn get(&self, key: &[u8]) -> Option<V> {
        let (at, _) = find_slot_outlined(&self.slots, key);
        self.slots[at].map(|(_, value)| value)
    }

    /// The value of `key`, whose [`Hashed`] is `hashed`, if it has one.
    pub fn get_hashed(&self, key: &[u8], hashed: Hashed) -> Option<V> {
        let key = Key {
            form: Form(key),
            ends: hashed.ends,
        };
        self.slots[find_hashed_slot_outlined(&self.slots, &key, hashed.hash)]
            .map(|(_, value)| value)
    }

    /// The value of `key`, made by `make` and inserted if it has none.
    /// Inlined: the tokenizer asks once a word (out of line, 1 MB of English
    /// took 3% more instructions).
    #[inline(always)]
    pub fn get_or_insert_with(&mut self, key: &'t str, make: impl FnOnce() -> V) -> V {
        self.get_or_insert_with_key(Key::new(key.as_bytes()), |_| make())
    }

    /// [`FormMap::get_or_insert_with`] for a key made by the caller.
    #[inline(always)]
    fn get_or_insert_with_key(&mut self, key: Key<'t>, make: impl FnOnce(Hashed) -> V) -> V {
        let hash = key.hash();
        let at = find_hashed_slot(&self.slots, &key, hash);
        if let Some((_, value)) = self.slots[at] {
            return value;
        }
        let value = make(Hashed {
            ends: key.ends,
            hash,
        });
        self.insert_at(at, key, value);
        value
    }

    /// The value of `key`, inserted as the default if it has none.
    pub fn get_mut(&mut self, key: &'t [u8]) -> &mut V {
        let (mut at, key) = find_slot_outlined(&self.slots, key);
        if self.slots[at].is_none() {
            at = self.insert_at(at, key, V::default());
        }
        &mut self.slots[at].get_or_insert((key, V::default())).1
    }

    /// Puts `key` in the empty slot `at`; returns its slot after any growth.
    fn insert_at(&mut self, at: usize, key: Key<'t>, value: V) -> usize {
        self.slots[at] = Some((key, value));
        self.len += 1;
        // Half full at most while small, so that most probes end at once; a
        // table of 32 k slots (1 MB of keys) is out of the fast caches, where
        // a probe's cost is its first miss, so it fills to three quarters. A
        // megabyte of real news (19 k forms as they stand) then keeps 32 k
        // slots instead of growing to 64 k: the peak heap on top of it goes
        // from 7.0× to 5.5× the text, and the call takes 3-5% less time.
        if 2 * self.len <= self.slots.len()
            || (self.slots.len() >= LARGE_TABLE && 4 * self.len <= 3 * self.slots.len())
        {
            return at;
        }
        let slots = 2 * self.slots.len();
        let old = std::mem::replace(&mut self.slots, vec![None; slots]);
        for (old_key, value) in old.into_iter().flatten() {
            let at = find_slot_outlined(&self.slots, old_key.form.0).0;
            self.slots[at] = Some((old_key, value));
        }
        find_slot_outlined(&self.slots, key.form.0).0
    }
}

/// Slots from which a [`FormMap`] fills to three quarters instead of half.
const LARGE_TABLE: usize = 1 << 15;

/// A key of a [`FormMap`] with its [`Form::ends`], so that a probe compares a
/// form of up to 16 bytes without reading the key's text again.
#[derive(Clone, Copy)]
struct Key<'t> {
    form: Form<'t>,
    ends: (u64, u64),
}

/// What a word form's lookups in several [`FormMap`]s share: its
/// [`Form::ends`] and hash, worked out once (the tokenizer hands them on to
/// the word lists' table).
#[derive(Clone, Copy)]
pub(crate) struct Hashed {
    ends: (u64, u64),
    pub hash: u64,
}

impl<'t> Key<'t> {
    #[inline(always)]
    fn hash(&self) -> u64 {
        self.form.hash_with_ends(self.ends)
    }

    #[inline(always)]
    fn new(key: &'t [u8]) -> Self {
        let form = Form(key);
        Key {
            form,
            ends: form.ends(),
        }
    }

    /// The key of `form`, which lies at byte `at` of `context`.
    #[inline(always)]
    fn in_context(form: &'t str, context: &str, at: usize) -> Self {
        let form = Form(form.as_bytes());
        Key {
            form,
            ends: form.ends_in(context.as_bytes(), at),
        }
    }
}

impl PartialEq for Key<'_> {
    /// A form of up to 16 bytes is all in its length and ends; a longer one
    /// is compared in full when those match.
    #[inline(always)]
    fn eq(&self, other: &Self) -> bool {
        let len = self.form.0.len();
        other.form.0.len() == len
            && other.ends == self.ends
            && (len <= 16 || other.form.0 == self.form.0)
    }
}

/// [`find_hashed_slot`] for the lookups other than the tokenizer's once-a-word one:
/// out of line in the wasm, where inlined at every lookup the probe cost
/// 1.0 KB of gzipped wasm more; inlined natively (10 KB of news: 2% fewer
/// instructions).
#[cfg_attr(target_arch = "wasm32", inline(never))]
#[cfg_attr(not(target_arch = "wasm32"), inline(always))]
fn find_slot_outlined<'t, V>(slots: &[Option<(Key, V)>], key: &'t [u8]) -> (usize, Key<'t>) {
    let key = Key::new(key);
    (find_hashed_slot_outlined(slots, &key, key.hash()), key)
}

/// [`find_hashed_slot`], out of line in the wasm as [`find_slot_outlined`].
#[cfg_attr(target_arch = "wasm32", inline(never))]
#[cfg_attr(not(target_arch = "wasm32"), inline(always))]
fn find_hashed_slot_outlined<V>(slots: &[Option<(Key, V)>], key: &Key, hash: u64) -> usize {
    find_hashed_slot(slots, key, hash)
}

/// The slot of `key`, hashed `hash`, in `slots`, or the empty slot where it
/// belongs. Inlined.
#[inline(always)]
fn find_hashed_slot<V>(slots: &[Option<(Key, V)>], key: &Key, hash: u64) -> usize {
    let mask = slots.len() - 1;
    let mut at = hash as usize & mask;
    while slots[at].as_ref().is_some_and(|(other, _)| other != key) {
        at = (at + 1) & mask;
    }
    at
}

/// Tokenizes every sentence and runs the entity recognizer over the same words.
pub(crate) fn tokenize<'t>(
    text: &'t str,
    spans: &[SentenceSpan],
    language: Language,
) -> Tokens<'t> {
    // Room for the word forms of a small text from the start: growing the
    // maps rehashed every entry several times, 0.3 M of the 9 M instructions
    // of a 10 KB summary. A large text outgrows this at little relative cost.
    let forms = (text.len() / 8).min(1024);
    let mut interner = Interner::new(language, forms);
    let mut recognizer = Recognizer::new(language, forms);
    // About one entry per 8 bytes of English or German news, and one per 3
    // bytes of Chinese (a bigram per character): grown by doubling from
    // empty, the buffer was allocated and copied 17 times a call on 1 MB,
    // 5.8 MB in all; sized for English, Chinese outgrew it twice, and the
    // last growth held 2 MB and 4 MB at once (the wasm's peak memory).
    let bytes_per_entry = if language.uses_spaces() { 8 } else { 3 };
    let mut entries: Vec<(TermId, u32)> = Vec::with_capacity(text.len() / bytes_per_entry);
    let mut bounds = Vec::with_capacity(spans.len() + 1);
    let mut word_counts = Vec::with_capacity(spans.len());
    let phrases = PhraseIndex::get();
    let mut phrase_lists = Vec::with_capacity(spans.len());
    let mut words: Vec<Word> = Vec::new();
    let mut shapes: Vec<Shape> = Vec::new();
    let mut sentence_terms: Vec<TermId> = Vec::new();
    // Per term, its entry in `entries` if it is in the current sentence (an
    // entry before the sentence's first is a former sentence's). Counting
    // each sentence's terms by sorting them, then counting runs, was 2-3% of
    // a call; counted here in one pass, real news took 4% less time natively,
    // German 9% (the sums over a sentence's terms now add in another order:
    // scores move by 1e-8, no summary of the 1,984 texts changes).
    let mut entry_of: Vec<u32> = Vec::new();
    // A word form as it stands → its term (or NO_TERM) and its shape.
    let mut raw_forms: FormMap<(TermId, Shape)> = FormMap::with_capacity(forms);
    let mut raw_grams = GramMap::new();
    bounds.push(0);
    let mut turns = crate::speakers::Turns::default();

    for (index, span) in spans.iter().enumerate() {
        let sentence = span.text(text);
        words.clear();
        crate::words::push_word_indices(sentence, &mut words);
        word_counts.push(words.len() as u32);
        // Code, timestamps and references are no prose: their words would skew the
        // text's terms and names.
        if span.kind.is_verbatim() {
            words.clear();
        }
        // Who speaks is no part of what is said (see `speakers`).
        if let Some(end) = turns.label_end(span, text) {
            words.retain(|&(offset, _)| offset >= end);
        }
        sentence_terms.clear();
        shapes.clear();
        let mut opening = Opening::new(sentence, &phrases.first_words);
        let mut i = 0;
        while i < words.len() {
            let (offset, word) = words[i];
            if is_unspaced(word) {
                // A run of adjacent ideographs: emit its bigrams.
                let mut end = i + 1;
                while end < words.len()
                    && is_unspaced(words[end].1)
                    && words[end].0 == words[end - 1].0 + words[end - 1].1.len()
                {
                    end += 1;
                }
                for &(start, word) in &words[i..end] {
                    // A lone ideograph or kana is a letter.
                    let lone = word.len() == unspaced_char_len(word);
                    opening.add_word(start, word, lone.then_some(false));
                }
                let run = &sentence[offset..words[end - 1].0 + words[end - 1].1.len()];
                push_bigrams(run, &mut interner, &mut raw_grams, &mut sentence_terms);
                shapes.resize(end, Shape::UNKNOWN);
                i = end;
                continue;
            }
            // Most words recur with the same casing: one lookup of the word as
            // it stands replaces lower-casing it and looking that up (1 MB of
            // news, 182 k words: 131 M instructions of tokenizing down to 106 M).
            let key = Key::in_context(word, text, span.start + offset);
            let (term, shape) =
                raw_forms.get_or_insert_with_key(key, |hashed| interner.new_form(word, hashed));
            // Kept without a branch: whether a word is a stop word is data,
            // which a branch predictor guesses badly (without the branch the
            // benchmark's English megabyte took 10% less time natively).
            sentence_terms.push(term);
            sentence_terms.truncate(sentence_terms.len() - usize::from(term == NO_TERM));
            shapes.push(shape);
            opening.add_word(offset, word, shape.is_plain().then_some(true));
            i += 1;
        }
        let list_item = span.kind == crate::UnitKind::ListItem;
        recognizer.scan_sentence(index, sentence, &words, &shapes, list_item);
        phrase_lists.push(phrases.find(&opening));

        let first = entries.len();
        for &term in &sentence_terms {
            let t = term as usize;
            if t >= entry_of.len() {
                entry_of.resize(interner.terms.terms.len(), u32::MAX);
            }
            match entry_of[t] as usize {
                at if at >= first && at != u32::MAX as usize => entries[at].1 += 1,
                _ => {
                    entry_of[t] = entries.len() as u32;
                    entries.push((term, 1));
                }
            }
        }
        for &(term, count) in &entries[first..] {
            let info = &mut interner.terms.terms[term as usize];
            info.sentence_frequency += 1;
            info.count += count;
        }
        bounds.push(entries.len());
    }

    // Growth by doubling leaves up to half the buffer unused, and it is the
    // biggest one while the later stages run (1 MB of Chinese: 4 MB).
    entries.shrink_to_fit();
    Tokens {
        counts: PerSentence {
            items: entries,
            bounds,
        },
        word_counts,
        terms: interner.terms.terms,
        surfaces: interner.terms.surfaces,
        entities: recognizer.finish(spans.len(), |form| {
            raw_forms.get(form).map(|(term, _)| term)
        }),
        phrase_lists,
        conversation: turns.is_conversation(),
    }
}

fn push_bigrams(
    run: &str,
    interner: &mut Interner,
    raw_grams: &mut GramMap,
    out: &mut Vec<TermId>,
) {
    // A bigram is looked up as it stands before it is lower-cased and interned
    // (with the entity recognizer skipping Han and kana, 1 MB of Chinese went
    // from 462 M to 251 M instructions of tokenizing).
    let mut gram = |first: char, second: Option<char>, text: &str| {
        let key = u64::from(first) << 32 | second.map_or(0, u64::from);
        raw_grams.get_or_insert_with(key, || interner.gram_term(text))
    };
    // Hiragana writes Japanese particles and endings ("は", "によると",
    // "する"): it separates the runs of ideographs, whose bigrams and lone
    // characters are the terms ("東京都は" gives 東京 and 京都, no 都は).
    let mut chars = run.char_indices().peekable();
    let mut count = 0;
    while let Some((start, c)) = chars.next() {
        if is_hiragana(c) {
            count = 0;
            continue;
        }
        count += 1;
        match chars.peek() {
            Some(&(next, n)) if !is_hiragana(n) => {
                out.push(gram(c, Some(n), &run[start..next + n.len_utf8()]))
            }
            _ if count == 1 => out.push(gram(c, None, &run[start..start + c.len_utf8()])),
            _ => {}
        }
    }
}

fn is_hiragana(c: char) -> bool {
    matches!(c, '\u{3040}'..='\u{309F}')
}

/// Character bigrams (and lone characters) → terms, keyed by their two code
/// points in a `u64` (the second 0 for a lone one: a run of unspaced words
/// holds no NUL), so 0 marks an empty slot. No string to hash or compare:
/// with [`FormMap`] the key comparison stayed a call in the wasm at every
/// probe, 5% of a call on 1 MB of Chinese in Node.
struct GramMap {
    keys: Vec<u64>,
    terms: Vec<TermId>,
    len: usize,
}

impl GramMap {
    fn new() -> Self {
        GramMap {
            keys: vec![0; 16],
            terms: vec![0; 16],
            len: 0,
        }
    }

    /// The empty slot for `key` or the one that holds it.
    #[inline(always)]
    fn slot(keys: &[u64], key: u64) -> usize {
        let mask = keys.len() - 1;
        // A product's high bits are its best mixed.
        let mut at = (key.wrapping_mul(0xf135_7aea_2e62_a9c5) >> 32) as usize & mask;
        while keys[at] != 0 && keys[at] != key {
            at = (at + 1) & mask;
        }
        at
    }

    fn get_or_insert_with(&mut self, key: u64, make: impl FnOnce() -> TermId) -> TermId {
        let at = Self::slot(&self.keys, key);
        if self.keys[at] == key {
            return self.terms[at];
        }
        let term = make();
        self.keys[at] = key;
        self.terms[at] = term;
        self.len += 1;
        // At most half full: grown, every key is placed anew.
        if 2 * self.len > self.keys.len() {
            let slots = 2 * self.keys.len();
            let keys = std::mem::replace(&mut self.keys, vec![0; slots]);
            let terms = std::mem::replace(&mut self.terms, vec![0; slots]);
            for (key, term) in keys.into_iter().zip(terms).filter(|&(key, _)| key != 0) {
                let at = Self::slot(&self.keys, key);
                self.keys[at] = key;
                self.terms[at] = term;
            }
        }
        term
    }
}

/// Whether a word belongs to a script written without spaces (Han, Hiragana),
/// which UAX #29 hands out one character at a time.
// Always inlined: at opt-level "s" the wasm called it for every word (1 MB of
// Chinese: 16 M instructions).
#[inline(always)]
pub(crate) fn is_unspaced(word: &str) -> bool {
    // Every such script lies from U+3040 on, where UTF-8 lead bytes are 0xE3
    // or more: one byte rules out other words without decoding a char (1 MB
    // of English: 1.5 M fewer instructions).
    word.as_bytes().first().is_some_and(|&lead| lead >= 0xE3)
        && word.chars().next().is_some_and(is_unspaced_char)
}

/// The length in bytes of the first character of a word of Han or kana, by
/// its lead byte (see [`is_unspaced`]): 3 in the Basic Multilingual Plane,
/// 4 beyond.
fn unspaced_char_len(word: &str) -> usize {
    if word.as_bytes().first().is_some_and(|&lead| lead >= 0xF0) {
        4
    } else {
        3
    }
}

pub(crate) fn is_unspaced_char(c: char) -> bool {
    matches!(c as u32,
        0x3040..=0x309F     // Hiragana
        | 0x3400..=0x4DBF   // CJK Extension A
        | 0x4E00..=0x9FFF   // CJK Unified Ideographs
        | 0xF900..=0xFAFF   // CJK Compatibility Ideographs
        | 0x20000..=0x3134F // CJK Extensions B..G
    )
}

/// Lower-cases `word` into `out`, with a fast path for ASCII, and writes
/// curly apostrophes straight; returns whether there was one.
fn lower_into(word: &str, out: &mut String) -> bool {
    out.clear();
    let mut apostrophe = false;
    if word.is_ascii() {
        out.push_str(word);
        out.make_ascii_lowercase();
    } else {
        for c in word.chars() {
            match c {
                '\u{2019}' | '\u{02BC}' => {
                    out.push('\'');
                    apostrophe = true;
                }
                _ => crate::lowercase::push_lower(out, c),
            }
        }
    }
    apostrophe
}

/// Removes elided articles and prepositions (of up to four letters) and
/// possessive endings: `l'homme` → `homme`, `dell'economia` → `economia`,
/// `kim's` → `kim`, `don't` stays whole (it is a stop word).
fn strip_clitics(word: &str) -> &str {
    // By bytes: `find` with a char runs a searcher built for long texts.
    let Some(at) = word.bytes().position(|b| b == b'\'') else {
        return word;
    };
    let (head, tail) = (&word[..at], &word[at + 1..]);
    if (1..=4).contains(&crate::char_count(head)) && crate::char_count(tail) > 2 {
        tail
    } else if matches!(tail, "s" | "ll" | "re" | "ve" | "d" | "m") {
        head
    } else {
        word
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forms_are_equal_exactly_when_their_text_is() {
        let mut words: Vec<String> = vec![String::new()];
        for len in 1..=20 {
            let base: String = "abcdefghijklmnopqrstu"[..len].to_string();
            words.push(base.clone());
            // The same length, one byte changed at each position in turn.
            for at in 0..len {
                let mut changed = base.clone().into_bytes();
                changed[at] = b'Z';
                words.push(String::from_utf8(changed).unwrap());
            }
            words.push("a".repeat(len));
        }
        words.push("中文".to_string());
        words.push("中人".to_string());
        for a in &words {
            for b in &words {
                assert_eq!(
                    Key::new(a.as_bytes()) == Key::new(b.as_bytes()),
                    a == b,
                    "{a:?} {b:?}"
                );
                if a == b {
                    assert_eq!(Form(a.as_bytes()).hash(), Form(b.as_bytes()).hash());
                }
            }
        }
    }

    #[test]
    fn a_form_in_its_context_has_the_ends_it_has_alone() {
        let text = "a bc def ghij klmno pqrstuvw xyzabcdef ghijklmnopqrstuvwxyz é élan ü";
        for (at, _) in text.char_indices() {
            for end in (at + 1..=text.len()).filter(|&end| text.is_char_boundary(end)) {
                let form = &text[at..end];
                let alone = Key::new(form.as_bytes());
                let in_context = Key::in_context(form, text, at);
                assert_eq!(in_context.ends, alone.ends, "{form:?}");
                assert!(in_context == alone);
            }
        }
    }

    #[test]
    fn ascii_case_is_that_of_the_letters() {
        let expected = |word: &[u8]| match word {
            [first, rest @ ..] if rest.iter().all(u8::is_ascii_lowercase) => {
                if first.is_ascii_lowercase() {
                    AsciiCase::Lower
                } else if first.is_ascii_uppercase() {
                    AsciiCase::Capitalised
                } else {
                    AsciiCase::Other
                }
            }
            _ => AsciiCase::Other,
        };
        // Every length to 20, with each position in turn replaced by the
        // bytes around the letters' ranges, a capital, a digit and UTF-8.
        let mut words: Vec<Vec<u8>> = Vec::new();
        for len in 1..=20 {
            let base: Vec<u8> = b"abcdefghijklmnopqrstuvwxyz"[..len].to_vec();
            words.push(base.clone());
            for at in 0..len {
                for b in [
                    b'`', b'{', b'@', b'[', b'A', b'Z', b'z', b'0', 0x7F, 0x80, 0xC3, 0xFF,
                ] {
                    let mut word = base.clone();
                    word[at] = b;
                    words.push(word.clone());
                    word[0] = b'Q';
                    words.push(word);
                }
            }
        }
        // Longer words are left to the general path.
        let expected = |word: &[u8]| match word.len() {
            1..=16 => expected(word),
            _ => AsciiCase::Other,
        };
        for word in &words {
            let ends = Form(word).ends();
            assert_eq!(AsciiCase::of(word, ends), expected(word), "{word:?}");
            // As the tokenizer has them, read in the text around the word.
            let mut text = b"xx ".to_vec();
            text.extend_from_slice(word);
            text.extend_from_slice(b" and more text after it");
            let in_text = Form(word).ends_in(&text, 3);
            assert_eq!(AsciiCase::of(word, in_text), expected(word), "{word:?}");
        }
    }

    #[test]
    fn form_maps_keep_every_key_through_growth() {
        let words: Vec<String> = (0..30_000).map(|i| format!("w{i}")).collect();
        let mut map: FormMap<u32> = FormMap::with_capacity(0);
        for (i, word) in words.iter().enumerate() {
            assert_eq!(map.get(word.as_bytes()), None);
            assert_eq!(map.get_or_insert_with(word, || i as u32), i as u32);
            // Present now: `make` is not called again.
            assert_eq!(map.get_or_insert_with(word, || unreachable!()), i as u32);
            // Half full at most while small, three quarters from LARGE_TABLE.
            match i + 1 {
                n if n == LARGE_TABLE / 2 + 1 => assert_eq!(map.slots.len(), LARGE_TABLE),
                n if n == 3 * LARGE_TABLE / 4 => assert_eq!(map.slots.len(), LARGE_TABLE),
                n if n == 3 * LARGE_TABLE / 4 + 1 => assert_eq!(map.slots.len(), 2 * LARGE_TABLE),
                _ => {}
            }
        }
        for (i, word) in words.iter().enumerate() {
            assert_eq!(map.get(word.as_bytes()), Some(i as u32), "{word}");
        }
        *map.get_mut(b"w7") += 100;
        assert_eq!(map.get(b"w7"), Some(107));
        assert_eq!(*map.get_mut(b"new"), 0);
        assert_eq!(map.get(b""), None);
        assert_eq!(map.get(b"w30000"), None);
    }

    #[test]
    fn gram_maps_keep_every_key_through_growth() {
        let mut map = GramMap::new();
        let key = |i: u32| u64::from(0x4E00 + i / 100) << 32 | u64::from(0x4E00 + i % 100);
        for i in 0..5000 {
            assert_eq!(map.get_or_insert_with(key(i), || i), i);
            assert_eq!(map.get_or_insert_with(key(i), || unreachable!()), i);
        }
        for i in 0..5000 {
            assert_eq!(map.get_or_insert_with(key(i), || unreachable!()), i);
        }
        // A lone character is not the bigram that starts with it.
        let lone = u64::from(0x4E00_u32) << 32;
        assert_eq!(map.get_or_insert_with(lone, || 9999), 9999);
    }

    #[test]
    fn lone_and_repeated_han_characters() {
        let text = "好。好好好。";
        let spans = crate::segment(text, Language::Chinese);
        let tokens = tokenize(text, &spans, Language::Chinese);
        let surfaces: Vec<&str> = (0..tokens.terms.len())
            .map(|t| tokens.surfaces.get(t))
            .collect();
        assert_eq!(surfaces, ["好", "好好"]);
        assert_eq!(tokens.counts.get(0), [(0, 1)]);
        assert_eq!(tokens.counts.get(1), [(1, 2)]);
    }

    #[test]
    fn clitics() {
        for (word, expected) in [
            ("l'homme", "homme"),
            // Italian's articled prepositions: "dell'", "nell'", "sull'".
            ("dell'economia", "economia"),
            ("nell'anno", "anno"),
            ("kim's", "kim"),
            ("they're", "they"),
            ("don't", "don't"),
            ("plain", "plain"),
            ("d'", "d'"),
        ] {
            assert_eq!(strip_clitics(word), expected, "{word}");
        }
    }

    #[test]
    fn stems_and_drops_stop_words() {
        let text = "The runners were running. A runner runs.";
        let spans = crate::segment(text, Language::English);
        let tokens = tokenize(text, &spans, Language::English);
        let first: Vec<&str> = tokens
            .counts
            .get(0)
            .iter()
            .map(|&(t, _)| tokens.surfaces.get(t as usize))
            .collect();
        assert_eq!(first, ["runners", "running"]);
        assert_eq!(tokens.word_counts, [4, 3]);
        // "runner" and "runners" share a stem, so "runners"' term occurs twice.
        let runner = (0..tokens.terms.len())
            .find(|&t| tokens.surfaces.get(t) == "runners")
            .map(|t| &tokens.terms[t])
            .unwrap();
        assert_eq!((runner.count, runner.sentence_frequency), (2, 2));
    }

    #[test]
    fn unspaced_words_are_found_by_their_first_char() {
        for (word, unspaced) in [
            ("", false),
            ("word", false),
            ("Ärger", false),
            ("\u{303f}x", false),
            ("\u{3040}", true),
            ("ひらがな", true),
            ("カタカナ", false),
            ("中文", true),
            ("\u{20000}", true),
            ("한국어", false),
        ] {
            assert_eq!(is_unspaced(word), unspaced, "{word:?}");
            let by_char = word.chars().next().is_some_and(is_unspaced_char);
            assert_eq!(is_unspaced(word), by_char, "{word:?}");
        }
    }

    #[test]
    fn han_becomes_bigrams() {
        let text = "北京大学很好。";
        let spans = crate::segment(text, Language::Chinese);
        let tokens = tokenize(text, &spans, Language::Chinese);
        let mut grams: Vec<&str> = (0..tokens.terms.len())
            .map(|t| tokens.surfaces.get(t))
            .collect();
        grams.sort();
        assert_eq!(grams, ["京大", "北京", "大学", "学很", "很好"]);
    }

    #[test]
    fn hiragana_separates_japanese_terms() {
        // Particles and endings in hiragana make no term; the ideographs
        // between them do, a lone one as itself.
        let text = "東京都は新型の電車を導入する。都によると。";
        let spans = crate::segment(text, Language::Japanese);
        let tokens = tokenize(text, &spans, Language::Japanese);
        let terms = |sentence: usize| -> Vec<&str> {
            let mut terms: Vec<&str> = tokens
                .counts
                .get(sentence)
                .iter()
                .map(|&(t, _)| tokens.surfaces.get(t as usize))
                .collect();
            terms.sort();
            terms
        };
        assert_eq!(terms(0), ["京都", "導入", "新型", "東京", "電車"]);
        assert_eq!(terms(1), ["都"]);
    }
}
