//! Step 2b: entity mentions (names, acronyms, numbers, dates, money) and their chains.
//!
//! Mentions are read from the original casing while the tokenizer walks the
//! words. A capitalised run that starts a sentence (or a quotation, or follows
//! a leading credit such as "(CNN)") is only a name if the same name also
//! appears mid-sentence (or is several words long), and it loses a first word
//! that the rest of the text shows is none of the name's; single-word
//! mentions are chained to the multi-word name they abbreviate, so "Kim" after
//! "Kim Jong Un" counts for the same entity.

use serde::Serialize;

use crate::lang::{stop_list_bit, stop_lists, word_lists, Language, WordLists};
use crate::lowercase::lowercase;
use crate::tokenize::{is_unspaced_char, FormMap, PerSentence, StrIds, TermId, Word, NO_TERM};

/// What sort of thing an entity is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum EntityKind {
    /// A capitalised name: a person, place, organisation, ...
    Name,
    /// An all-capitals abbreviation such as NATO or U.S.
    Acronym,
    /// A plain number.
    Number,
    /// An amount of money.
    Money,
    /// A percentage.
    Percent,
    /// A date, year, month or weekday.
    Date,
}

/// One entity of the text with all its mentions chained together.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Entity {
    /// Its longest form in the text.
    pub text: String,
    pub kind: EntityKind,
    /// Mentions in the whole text.
    pub mentions: u32,
    /// How much a sentence gains by carrying it: grows with the mentions.
    pub weight: f64,
}

/// An [`Entity`] whose text is still a slice of the input: a summary
/// copies out only the few it reports (10 KB of news has about 160
/// entities, and a copy of each was 40% of a call's allocations).
#[derive(Clone, Copy)]
pub(crate) struct RankedEntity<'t> {
    pub text: &'t str,
    pub kind: EntityKind,
    pub mentions: u32,
    pub weight: f64,
}

impl RankedEntity<'_> {
    pub fn to_entity(self) -> Entity {
        Entity {
            text: self.text.to_string(),
            kind: self.kind,
            mentions: self.mentions,
            weight: self.weight,
        }
    }
}

/// All entities, and which ones each sentence carries.
pub(crate) struct EntityTable<'t> {
    /// Sorted by weight, most important first.
    pub entities: Vec<RankedEntity<'t>>,
    /// Distinct entity indices per sentence.
    pub per_sentence: PerSentence<u32>,
}

struct Mention {
    sentence: u32,
    form: u32,
    /// A capitalised single word at a sentence start: a name only if confirmed elsewhere.
    tentative: bool,
    /// A name of several words that opens a sentence: its first word may be
    /// no part of it ("Later Mélenchon"), which `finish` decides.
    opener: bool,
}

/// A distinct mention. Its lower-cased key is in `Recognizer::form_ids` only,
/// and its text borrowed: no allocation a form.
struct Form<'t> {
    text: &'t str,
    kind: EntityKind,
    tokens: usize,
    /// Mentioned where its capitals say it is a name: not a lone word or a
    /// whole name at a sentence's start.
    confirmed: bool,
    /// German: how often the word, or a run of words, stands after an
    /// article ("die Stadt hat", "das Herzogtum Braunschweig") and how often
    /// without one ("in Freiburg"), in mid-sentence. Often enough after one
    /// ([`is_noun`]) the word, or the run's first word, is a common noun,
    /// which is no part of the name it stands before ("Stadt Freiburg").
    after_article: u16,
    bare: u16,
}

pub(crate) struct Recognizer<'t> {
    language: Language,
    mentions: Vec<Mention>,
    forms: Vec<Form<'t>>,
    /// Lower-cased key → form.
    form_ids: StrIds,
    /// A mention's text as it stands → its form: most mentions recur with the
    /// same casing, and then need no lower-casing. Keyed like the tokenizer's
    /// word forms: 1 MB of German news took 2.1 M fewer instructions than
    /// with `&str` keys (English 0.7 M).
    raw_forms: FormMap<'t, u32>,
    /// Scratch space for lower-casing a mention.
    key: String,
}

/// The form of a mention's text, new if its lower-cased key is: `key` is
/// scratch space, `form_ids` and `forms` the recognizer's.
fn new_form<'t>(
    key: &mut String,
    form_ids: &mut StrIds,
    forms: &mut Vec<Form<'t>>,
    text: &'t str,
    kind: EntityKind,
    tokens: usize,
) -> u32 {
    // Lower-cased into a reused buffer: a mention of a known form allocates
    // nothing (with the stack lower-casing below, the recognizer went from
    // 27 M to 20 M instructions on 1 MB of news).
    key.clear();
    if text.is_ascii() {
        key.push_str(text);
        key.make_ascii_lowercase();
    } else {
        key.push_str(&lowercase(text));
    }
    // An amount is the same written with or without spaces ("15 000" and
    // "15000", Korean "15억 원" and "15억원"): one form.
    let amount = matches!(
        kind,
        EntityKind::Number | EntityKind::Money | EntityKind::Percent
    );
    let mut unspaced = Vec::new();
    if amount {
        unspaced.extend(key.bytes().filter(|&b| b != b' '));
    }
    let (id, new) = form_ids.intern(if amount { &unspaced } else { key.as_bytes() });
    if new {
        forms.push(Form {
            text,
            kind,
            tokens,
            confirmed: false,
            after_article: 0,
            bare: 0,
        });
    }
    id
}

/// What the recognizer asks about a word, worked out once per distinct word
/// form: the tokenizer keeps it with the form's term. Asked per occurrence
/// (Unicode case tables, lower-casing, stop-word lookups, list searches), a
/// summary of 1 MB of news took 226 M instructions, now 212 M (German: 376 M,
/// now 346 M).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Shape(u16);

impl Shape {
    /// Not worked out yet (a word of Han or kana): asked of the word when needed.
    pub const UNKNOWN: Shape = Shape(0);
    const KNOWN: u16 = 1;
    /// Starts with Han or kana.
    const UNSPACED: u16 = 1 << 1;
    /// Starts with a numeric character.
    const NUMERIC: u16 = 1 << 2;
    const ACRONYM: u16 = 1 << 3;
    const CAPITALISED: u16 = 1 << 4;
    /// Starts with a letter.
    const ALPHABETIC: u16 = 1 << 5;
    const FUNCTION_WORD: u16 = 1 << 6;
    const DOCUMENT_PART: u16 = 1 << 7;
    const TITLE: u16 = 1 << 8;
    const CONNECTOR: u16 = 1 << 9;
    /// [`is_month_or_day`] (ASCII case-insensitive).
    const MONTH_OR_DAY: u16 = 1 << 10;
    /// Lower-cased, in [`MONTHS_AND_DAYS`].
    const LOWER_MONTH_OR_DAY: u16 = 1 << 11;
    /// Lower-cased, in [`MAGNITUDES`].
    const MAGNITUDE: u16 = 1 << 12;
    /// Lower-cased, a word for per cent.
    const PERCENT: u16 = 1 << 13;
    const YEAR: u16 = 1 << 14;
    /// All ASCII letters and digits: one run of them as it stands (see
    /// [`crate::phrases::Opening`]).
    const PLAIN: u16 = 1 << 15;

    /// Everything the recognizer asks about `word` in a text of `language`.
    ///
    /// Each list is searched only when its test could pass (a distinct word
    /// form once cost 700 instructions, which small texts felt: most of their
    /// forms occur once).
    pub fn of(word: &str, language: Language) -> Shape {
        Self::with_lowered(word, language, None)
    }

    /// [`Shape::of`], given `word` lower-cased (as [`lowercase`] does it)
    /// and the lists that have it, when the caller has them.
    pub fn with_lowered(
        word: &str,
        language: Language,
        lowered: Option<(&str, WordLists)>,
    ) -> Shape {
        let first = word.chars().next().unwrap_or(' ');
        let mut shape = Self::KNOWN;
        let mut set = |test: bool, bit: u16| {
            if test {
                shape |= bit;
            }
        };
        // French elides its articles and "de" into a name: "l'Allemagne",
        // "d'Emmanuel" count as capitalised, "l'AFP" as an acronym.
        let elided = elided_capital(language, word);
        set(first.is_uppercase() || elided > 0, Self::CAPITALISED);
        set(crate::letters::is_alphabetic(first), Self::ALPHABETIC);
        set(is_acronym(&word[elided..]), Self::ACRONYM);
        if !first.is_ascii() && is_unspaced_char(first) {
            // Han and kana have no case and are no digits, and every list
            // below starts with an ASCII letter: only the stop list can hold
            // such a word.
            set(true, Self::UNSPACED);
            set(is_function_word(language, word), Self::FUNCTION_WORD);
            return Shape(shape);
        }
        set(crate::letters::is_numeric(first), Self::NUMERIC);
        // Without the caller's lower-cased form (rare: a curly apostrophe, or
        // a word the tokenizer did not see) it is made here.
        let owned;
        let (lower, lists) = match lowered {
            Some(pair) => pair,
            None => {
                owned = lowercase(word);
                (owned.as_str(), word_lists(owned.as_bytes()))
            }
        };
        let listed = |bit: u8| lists.entity & bit != 0;
        // Document parts and titles count written "Figure" and "President":
        // a capital, then the lower-cased form's letters.
        if first.is_ascii_uppercase() && word.get(1..) == lower.get(1..) {
            set(listed(LISTED_DOCUMENT_PART), Self::DOCUMENT_PART);
            set(listed(LISTED_TITLE), Self::TITLE);
        }
        // Connectors count in lower case only ("van", not "Van").
        set(listed(LISTED_CONNECTOR) && word == lower, Self::CONNECTOR);
        // An ASCII word lower-cases as `eq_ignore_ascii_case` compares; any
        // other never equals an English month.
        set(
            listed(LISTED_MONTH_OR_DAY) && word.is_ascii()
                || month_abroad(language, lists, word == lower),
            Self::MONTH_OR_DAY,
        );
        set(matches!(word.len(), 4 | 12) && is_year(word), Self::YEAR);
        set(word.bytes().all(|b| b.is_ascii_alphanumeric()), Self::PLAIN);
        Shape(shape | Self::listed_bits(language, lists))
    }

    /// [`Shape::of`] a word of ASCII lower-case letters only (most word
    /// forms), from its lists alone: every other test has its answer known.
    pub fn of_lower_case_ascii(language: Language, lists: WordLists) -> Shape {
        let mut shape =
            Self::KNOWN | Self::ALPHABETIC | Self::PLAIN | Self::listed_bits(language, lists);
        if lists.entity & LISTED_CONNECTOR != 0 {
            shape |= Self::CONNECTOR;
        }
        if month_or_day(language, lists, true) {
            shape |= Self::MONTH_OR_DAY;
        }
        Shape(shape)
    }

    /// [`Shape::of`] a word of an ASCII capital and then ASCII lower-case
    /// letters ("Paris", "President"), from its lower-cased form's lists.
    pub fn of_capitalised_ascii(language: Language, lists: WordLists) -> Shape {
        let listed = |bit: u8, shape: u16| if lists.entity & bit != 0 { shape } else { 0 };
        Shape(
            Self::KNOWN
                | Self::CAPITALISED
                | Self::ALPHABETIC
                | Self::PLAIN
                | listed(LISTED_DOCUMENT_PART, Self::DOCUMENT_PART)
                | listed(LISTED_TITLE, Self::TITLE)
                | if month_or_day(language, lists, false) {
                    Self::MONTH_OR_DAY
                } else {
                    0
                }
                | Self::listed_bits(language, lists),
        )
    }

    /// The bits that the lower-cased form's lists decide whatever the case.
    fn listed_bits(language: Language, lists: WordLists) -> u16 {
        let mut bits = 0;
        let mut set = |test: bool, bit: u16| {
            if test {
                bits |= bit;
            }
        };
        set(
            is_function_word_by_lists(language, lists.stop),
            Self::FUNCTION_WORD,
        );
        set(
            month_or_day(language, lists, true),
            Self::LOWER_MONTH_OR_DAY,
        );
        set(lists.entity & LISTED_MAGNITUDE != 0, Self::MAGNITUDE);
        set(lists.entity & LISTED_PERCENT != 0, Self::PERCENT);
        bits
    }

    /// Whether the word is all ASCII letters and digits.
    pub fn is_plain(self) -> bool {
        self.has(Self::PLAIN)
    }

    fn has(self, bit: u16) -> bool {
        self.0 & bit != 0
    }
}

/// Words that may join the parts of a name ("Bank of America", "Ludwig van Beethoven").
/// Not the articles "der", "la", "le": between two capitals they join nouns
/// ("Rat der Stadt", "Versailles le Parlement"); names hold them after a
/// connector ("von der Leyen"), which `scan_sentence` allows outside German.
const NAME_CONNECTORS: &[&str] = &[
    "al", "bin", "da", "de", "del", "di", "du", "of", "van", "von",
];

const MONTHS_AND_DAYS: &[&str] = &[
    "april",
    "august",
    "december",
    "february",
    "friday",
    "january",
    "july",
    "june",
    "march",
    "may",
    "monday",
    "november",
    "october",
    "saturday",
    "september",
    "sunday",
    "thursday",
    "tuesday",
    "wednesday",
];

/// Titles in front of names: "President Xi Jinping" is the entity "Xi Jinping".
/// Lower-cased here; they count written with a capital and the rest lower case.
/// German's too, which its capitals make part of a name otherwise
/// ("Oberbürgermeisterin Katrin Vogel"), and the abbreviated forms of
/// address of French and Spanish ("Mme Durand", "Sr. García").
const TITLES: &[&str] = &[
    "bundeskanzler",
    "bundeskanzlerin",
    "bürgermeister",
    "bürgermeisterin",
    "chancellor",
    "dr",
    "frau",
    "gen",
    "general",
    "gov",
    "governor",
    "herr",
    "kanzler",
    "kanzlerin",
    "king",
    "könig",
    "königin",
    "judge",
    "justice",
    "leader",
    "minister",
    "ministerin",
    "ministra",
    "ministre",
    "ministro",
    "mlle",
    "mme",
    "ministerpräsident",
    "ministerpräsidentin",
    "mr",
    "mrs",
    "ms",
    "oberbürgermeister",
    "oberbürgermeisterin",
    "papst",
    "pope",
    "president",
    "präsident",
    "präsidentin",
    "presidenta",
    "presidente",
    "président",
    "présidente",
    "prime",
    "prince",
    "princess",
    "prinz",
    "prinzessin",
    "prof",
    "professor",
    "professorin",
    "queen",
    "rep",
    "sen",
    "senator",
    "sir",
    "sprecher",
    "sprecherin",
    "sr",
    "sra",
    "st",
    "trainer",
    "trainerin",
    "глава",
    "губернатор",
    "министр",
    "мэр",
    "председатель",
    "президент",
    "премьер",
];

/// Words that label parts of a document ("Figure 3", "Table 2"), not entities.
/// Lower-cased here; they count written with a capital and the rest lower case.
const DOCUMENT_PARTS: &[&str] = &[
    "abbildung",
    "algorithm",
    "appendix",
    "chapter",
    "eq",
    "equation",
    "example",
    "fig",
    "figure",
    "section",
    "table",
    "tabelle",
];

/// German's months, where they differ from the English names, which count in
/// every language (German writes "April" and "August" so): these count in
/// every language but English, where "Mai" and "Juli" are names.
const GERMAN_MONTHS: &[&str] = &[
    "januar", "februar", "märz", "mai", "juni", "juli", "oktober", "dezember",
];

/// The months of the other languages with a stop list, as a date writes them
/// ("3 mars", "3 de marzo", "3 марта": Russian's genitive), where they differ
/// from the English names. They count in every language but English, and in
/// lower case only, as those languages write their months: "Mars" is a planet
/// in German too, "Julio" a man and "Mayo" a clinic. (A bit for each language
/// in the word table cost the wasm 270 bytes.)
const MONTHS_ABROAD: &[&str] = &[
    "janvier",
    "février",
    "mars",
    "avril",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
    "enero",
    "febrero",
    "marzo",
    "abril",
    "mayo",
    "junio",
    "julio",
    "agosto",
    "septiembre",
    "setiembre",
    "octubre",
    "noviembre",
    "diciembre",
    "gennaio",
    "febbraio",
    "aprile",
    "maggio",
    "giugno",
    "luglio",
    "settembre",
    "ottobre",
    "dicembre",
    "janeiro",
    "fevereiro",
    "março",
    "maio",
    "junho",
    "julho",
    "setembro",
    "outubro",
    "novembro",
    "dezembro",
    "januari",
    "februari",
    "maart",
    "mei",
    "augustus",
    "января",
    "февраля",
    "марта",
    "апреля",
    "мая",
    "июня",
    "июля",
    "августа",
    "сентября",
    "октября",
    "ноября",
    "декабря",
];

/// Millions and billions in English and the other languages with a stop list
/// ("15 millions d'euros", "3 Mrd.", "2 milhões"), and the currencies written
/// as words after an amount ("20 euros", "5 Millionen Euro"), which start
/// with none of a magnitude's letters (b, m, t, м).
const MAGNITUDES: &[&str] = &[
    "d'euros",
    "d’euros",
    "dollar",
    "dollari",
    "dollars",
    "dólares",
    "euro",
    "euros",
    "francs",
    "franken",
    "yen",
    "yuan",
    "долларов",
    "евро",
    "рублей",
    "billion",
    "million",
    "thousand",
    "trillion",
    "bn",
    "m",
    "millions",
    "milliard",
    "milliards",
    "millionen",
    "milliarde",
    "milliarden",
    "billionen",
    "mio",
    "mrd",
    "millón",
    "millones",
    "billones",
    "milione",
    "milioni",
    "miliardo",
    "miliardi",
    "milhão",
    "milhões",
    "miljoen",
    "miljard",
    "млн",
    "млрд",
    "трлн",
];

const PERCENT_WORDS: &[&str] = &[
    "percent",
    "prozent",
    "pourcent",
    "procent",
    "процент",
    "процента",
    "процентов",
];

// Bits of `WordLists::entity`.
const LISTED_MONTH_OR_DAY: u8 = 1;
const LISTED_MAGNITUDE: u8 = 1 << 1;
const LISTED_PERCENT: u8 = 1 << 2;
const LISTED_DOCUMENT_PART: u8 = 1 << 3;
const LISTED_TITLE: u8 = 1 << 4;
const LISTED_CONNECTOR: u8 = 1 << 5;
const LISTED_GERMAN_MONTH: u8 = 1 << 6;
const LISTED_MONTH_ABROAD: u8 = 1 << 7;

/// The lists a word's shape asks about, each with its bit: the language
/// detector's table holds their words, so that one lookup of the lower-cased
/// form (which the tokenizer makes anyway, for the stop lists) answers for
/// all. Searched one by one, they cost about 0.1 M instructions a summary of
/// 10 KB of news.
pub(crate) const ENTITY_LISTS: &[(u8, &[&str])] = &[
    (LISTED_MONTH_OR_DAY, MONTHS_AND_DAYS),
    (LISTED_MAGNITUDE, MAGNITUDES),
    (LISTED_PERCENT, PERCENT_WORDS),
    (LISTED_DOCUMENT_PART, DOCUMENT_PARTS),
    (LISTED_TITLE, TITLES),
    (LISTED_CONNECTOR, NAME_CONNECTORS),
    (LISTED_GERMAN_MONTH, GERMAN_MONTHS),
    (LISTED_MONTH_ABROAD, MONTHS_ABROAD),
];

impl<'t> Recognizer<'t> {
    /// A recognizer for a text with room for about `words` word forms.
    pub fn new(language: Language, words: usize) -> Self {
        // About one mention form per four word forms in news.
        let forms = words / 4;
        Recognizer {
            language,
            mentions: Vec::new(),
            forms: Vec::new(),
            form_ids: StrIds::with_capacity(forms.max(64)),
            raw_forms: FormMap::with_capacity(forms),
            key: String::new(),
        }
    }

    /// Finds the mentions among one sentence's words; `shapes[i]` is
    /// `Shape::of(words[i])`, or [`Shape::UNKNOWN`] for a word that starts
    /// with Han or kana.
    pub fn scan_sentence(
        &mut self,
        index: usize,
        sentence: &'t str,
        words: &[Word<'t>],
        shapes: &[Shape],
        list_item: bool,
    ) {
        let language = self.language;
        let shape = |i: usize| match shapes[i] {
            Shape::UNKNOWN => Shape::of(words[i].1, language),
            known => known,
        };
        // In an English title-case line every word but the small ones is
        // capitalised, so capitals say nothing ("Getting the Material
        // Right"). Other languages capitalise names (German nouns too) and
        // the sentence's first word only: "Pedro Sánchez dijo algo".
        let title_case = matches!(language, Language::English | Language::Other)
            && words.len() >= 4
            && (0..words.len()).all(|i| {
                let s = shape(i);
                s.has(Shape::CAPITALISED)
                    || !s.has(Shape::ALPHABETIC)
                    || s.has(Shape::FUNCTION_WORD) && words[i].1.len() <= SMALL_WORD
            });
        // A list item's marker ("1.", "2)", "b)") is no number of the text, and
        // the word after it opens the item as a sentence's first word does.
        let first = usize::from(
            list_item && words.first().is_some_and(|w| w.0 == 0) && shapes[0].has(Shape::NUMERIC),
        );
        let mut i = first;
        while i < words.len() {
            let (offset, word) = words[i];
            let s = shapes[i];
            // Han and kana are never numbers, acronyms or capitals: skip them
            // before any Unicode table lookup (with the bigram cache in the
            // tokenizer, 1 MB of Chinese went from 462 M to 251 M
            // instructions of tokenizing).
            if s == Shape::UNKNOWN || s.has(Shape::UNSPACED) {
                i += 1;
                continue;
            }
            if s.has(Shape::NUMERIC) {
                i += self.number(index, sentence, words, &shape, i);
                continue;
            }
            if s.has(Shape::ACRONYM) {
                // Keep the final period of "U.S." that word segmentation
                // leaves out, and a number a hyphen joins ("COVID-19").
                let end = offset + word.len();
                let dotted = word.contains('.') && sentence[end..].starts_with('.');
                let numbered = numbered(sentence, words, &shape, i);
                let end = if numbered {
                    words[i + 1].0 + words[i + 1].1.len()
                } else {
                    end
                };
                let start = offset + elided_capital(self.language, word);
                let text = &sentence[start..end + usize::from(dotted)];
                self.add(index, text, EntityKind::Acronym, 1, false, false);
                i += 1 + usize::from(numbered);
                continue;
            }
            // "March 3, 2024", "March 3rd", "March 2024": one date, in a
            // title-case line too ("Posted on March 3, 2024 by Jane Doe").
            // A month that its language writes in lower case opens a date
            // only at the sentence's start: "Mars 2024 a été" (but "la
            // mission Mars 2020").
            let month =
                s.has(Shape::MONTH_OR_DAY) || i == first && s.has(Shape::LOWER_MONTH_OR_DAY);
            if s.has(Shape::CAPITALISED) && month && !is_weekday(word) {
                let used = full_date(sentence, words, &shape, i, false);
                if used > 1 {
                    let end = words[i + used - 1].0 + words[i + used - 1].1.len();
                    self.add(
                        index,
                        &sentence[offset..end],
                        EntityKind::Date,
                        used,
                        false,
                        false,
                    );
                    i += used;
                    continue;
                }
            }
            if !s.has(Shape::CAPITALISED) || title_case || s.has(Shape::DOCUMENT_PART) {
                i += 1;
                continue;
            }
            // A capitalised run, possibly joined by connectors.
            let mut end = i + 1;
            while end < words.len() {
                let (next_offset, _) = words[end];
                let (previous_offset, previous) = words[end - 1];
                let previous_title = shape(end - 1).has(Shape::TITLE);
                // (Not "I", a numeral as often: "World War I. Turkey" where a
                // sentence's end went unseen.)
                let initial = previous.len() == 1
                    && matches!(previous.as_bytes()[0], b'A'..=b'H' | b'J'..=b'Z');
                let mut previous_end = previous_offset + previous.len();
                // Spaces join the words of a name; so do a hyphen ("Jean-Luc")
                // and the period of a title or an initial ("Dr. Li", "George
                // W. Bush"), unless the period begins the next word (a
                // combining mark after it makes one: "Prof.\u{7ac}").
                let joiner = sentence.as_bytes()[previous_end];
                if joiner == b'-' && previous_end + 1 == next_offset
                    || joiner == b'.' && (previous_title || initial) && previous_end < next_offset
                {
                    previous_end += 1;
                }
                let gap = &sentence[previous_end..next_offset];
                if !gap.chars().all(|c| c == ' ' || c == '\u{a0}') {
                    break;
                }
                let next = shape(end);
                // A title after a word of a name, before another capital,
                // opens a name of its own: "Later Mr Blair", "Foreign
                // Minister Jack Straw" (but "Stephen King said").
                let title_opens = next.has(Shape::TITLE)
                    && !previous_title
                    && end + 1 < words.len()
                    && shape(end + 1).has(Shape::CAPITALISED);
                if title_opens {
                    break;
                }
                if next.has(Shape::CAPITALISED)
                    && !next.has(Shape::ACRONYM)
                    && !next.has(Shape::MONTH_OR_DAY)
                {
                    end += 1;
                } else if numbered(sentence, words, &shape, end - 1) {
                    // "Covid-19", "F-16", "World War II", "Henry VIII": the
                    // number ends the name.
                    end += 1;
                    break;
                } else if next.has(Shape::CONNECTOR)
                    && end + 1 < words.len()
                    && shape(end + 1).has(Shape::CAPITALISED)
                {
                    end += 2;
                } else if next.has(Shape::CONNECTOR)
                    && end + 2 < words.len()
                    && shape(end + 2).has(Shape::CAPITALISED)
                    && language != Language::German
                    && matches!(words[end + 1].1, "der" | "den" | "de" | "las" | "los")
                {
                    // An article after a connector: "Ursula von der Leyen",
                    // "Juan de los Santos" (alone it joins nothing: "Rat der
                    // Stadt"). Not in German, where "Geweih von den Ricken" is
                    // two nouns, nor "de la", which French puts between nouns
                    // ("le Nord de la France").
                    end += 3;
                } else {
                    break;
                }
            }
            let (mut start, mut last) = (i, end);
            // A quotation opens with a capital too ('"Hey, stop," he said'),
            // unless the run is all it holds: a quoted title ('"The Muppets"').
            let run_end = words[end - 1].0 + words[end - 1].1.len();
            let opens = i == first || {
                let before = &sentence.as_bytes()[..offset];
                // After a credit that opens the sentence: "(CNN)When"; after
                // a dateline's dash: "WASHINGTON (CNN) -- The White House",
                // "LONDON (Reuters) - The" (no lower-case word before it: not
                // an aside's dash).
                let credit = before.first() == Some(&b'(')
                    && (before.ends_with(b")") || before.ends_with(b") "))
                    || ["-- ", "— ", "– ", " - "]
                        .iter()
                        .any(|dash| before.ends_with(dash.as_bytes()))
                        && !before
                            .split(|&b| b == b' ')
                            .any(|word| word.first().is_some_and(u8::is_ascii_lowercase));
                // A colon may open a sentence of its own ("Forschung: Im
                // Jahre 2015"). An opening quote is glued to its first word,
                // except French guillemets, set off by a (no-break) space; a
                // straight quote before a space closes a quotation ('"Weird
                // Al" Yankovic').
                credit
                    || before.ends_with(b": ")
                    || ["\"", "“", "„", "«", "« ", "«\u{a0}", "«\u{202f}"]
                        .iter()
                        .any(|q| before.ends_with(q.as_bytes()))
                        && {
                            let mut after = &sentence.as_bytes()[run_end..];
                            // Past a possessive, the punctuation American style
                            // puts inside ('"The Jim Henson Hour,"') and spaces.
                            while let [b'.' | b',' | b'!' | b'?' | b'\'' | b's' | b' ', rest @ ..]
                            | [0xC2, 0xA0, rest @ ..]
                            | [0xE2, 0x80, 0xAF, rest @ ..] = after
                            {
                                after = rest;
                            }
                            !["\"", "”", "»", "“"]
                                .iter()
                                .any(|q| after.starts_with(q.as_bytes()))
                        }
            };
            // A name never ends in a function word: "Usually I", a quoted "It"
            // (but "May" is a month).
            while last > start
                && shape(last - 1).has(Shape::FUNCTION_WORD)
                && !shape(last - 1).has(Shape::MONTH_OR_DAY)
            {
                last -= 1;
            }
            // Drop sentence-initial function words ("The", "In", "But") and titles
            // ("President", "Dr"), so that the name itself is what gets chained,
            // and a connector or article they leave in front ("As of Tuesday").
            while start < last
                && (start == i && opens && shape(start).has(Shape::FUNCTION_WORD)
                    || last - start > 1
                        && (shape(start).has(Shape::TITLE)
                            || language == Language::German && is_german_title(words[start].1))
                    || !shape(start).has(Shape::CAPITALISED))
            {
                start += 1;
            }
            // French, Spanish, Italian and Portuguese write a title in lower
            // case: a lone capital before one is part of it ("le Premier
            // ministre", "el Primer ministro"), no name; and the office a
            // title names comes before the name ("la ministre de la Santé
            // Agnès Buzyn", "il presidente del Consiglio Giorgia Meloni").
            let romance = matches!(
                language,
                Language::French | Language::Spanish | Language::Italian | Language::Portuguese
            );
            let before_title = last - start == 1
                && romance
                && words.get(end).is_some_and(|&(_, next)| {
                    word_lists(next.as_bytes()).entity & LISTED_TITLE != 0
                });
            if (romance || language == Language::Russian)
                && start == i
                && last - start >= 3
                && names_an_office(language, words, i)
            {
                start += 1;
            }
            if start < last && !before_title {
                // "l'Allemagne", "L'Allemagne": the name is "Allemagne".
                let from = words[start].0 + elided_capital(self.language, words[start].1);
                let to = words[last - 1].0 + words[last - 1].1.len();
                let name = strip_possessive(&sentence[from..to]);
                let tokens = last - start;
                // The shape knows a month or day; the word as it stands
                // differs from the name only by a possessive.
                let kind = if tokens == 1
                    && (shape(start).has(Shape::MONTH_OR_DAY)
                        || name.len() < words[start].1.len() && is_month_or_day(name))
                {
                    EntityKind::Date
                } else {
                    EntityKind::Name
                };
                // German capitalises every noun, so there a lone capitalised word
                // is only a name when a longer name explains it.
                let tentative = tokens == 1
                    && kind == EntityKind::Name
                    && (start == i && opens || self.language == Language::German);
                // A sentence's first word is capitalised whatever it is: the
                // name may hold one that is none of its own ("Later
                // Mélenchon"), which `finish` tells by the rest of the text.
                let opener = start == i
                    && opens
                    && tokens > 1
                    && sentence.as_bytes()[from + words[start].1.len()] == b' ';
                let form = self.add(index, name, kind, tokens, tentative, opener);
                // "die Stadt hat", "der erste Band ist": a German word alone
                // after an article (and perhaps an adjective) is a noun, "in
                // Freiburg" a name; so is the first word of a run after one
                // ("das Herzogtum Braunschweig"), unless it ends as an
                // adjective there does ("die Deutsche Bahn").
                if language == Language::German && kind == EntityKind::Name {
                    let article = after_article(sentence, words, &shape, start);
                    let form = &mut self.forms[form as usize];
                    if article && (tokens == 1 || !is_inflected(words[start].1.as_bytes())) {
                        form.after_article = form.after_article.saturating_add(1);
                    } else if !article && start > 0 {
                        form.bare = form.bare.saturating_add(1);
                    }
                }
            }
            i = end;
        }
    }

    /// Reads a number and what it measures; returns how many words it used.
    fn number(
        &mut self,
        index: usize,
        sentence: &'t str,
        words: &[Word<'t>],
        shape: &dyn Fn(usize) -> Shape,
        i: usize,
    ) -> usize {
        let (offset, word) = words[i];
        let mut used = 1;
        let mut end = offset + word.len();
        // "France.[1]": a footnote mark is no number of the text.
        if sentence[..offset].ends_with('[') && sentence[end..].starts_with(']') {
            return 1;
        }
        // "15 000", "1 500 000": digits grouped by thousands with a space, one
        // number. A no-break, narrow no-break or thin space groups in any
        // language; a plain one only where that is the custom (French,
        // Russian), not "March 3 100 protesters".
        let mut grouped = false;
        if word.len() <= 3 && word.bytes().all(|b| b.is_ascii_digit()) {
            while let Some(&(at, part)) = words.get(i + used) {
                let gap = &sentence[end..at];
                let grouping = matches!(gap, "\u{a0}" | "\u{202f}" | "\u{2009}")
                    || gap == " " && matches!(self.language, Language::French | Language::Russian);
                if !grouping || part.len() != 3 || !part.bytes().all(|b| b.is_ascii_digit()) {
                    break;
                }
                end = at + 3;
                used += 1;
                grouped = true;
            }
        }
        let next = if i + used < words.len() {
            shape(i + used)
        } else {
            Shape::UNKNOWN
        };
        let before = sentence[..offset].chars().next_back();
        let after = sentence[offset + word.len()..].chars().next();
        // A clock time or a date is one date, not several numbers: "10:30",
        // "10:02:11", "12/03/2024", a year's "2024-03-07" (words split at the
        // colon, the slash and the hyphen). A fraction ("1/2"), a ratio
        // ("1:3") and a range ("10-12") stay numbers.
        // (`after` first: most numbers are followed by none.)
        if matches!(after, Some(':' | '/' | '-')) {
            while let Some(&separator @ (b':' | b'/' | b'-')) = sentence.as_bytes().get(end) {
                let Some(&(at, part)) = words.get(i + used) else {
                    break;
                };
                let digits = match separator {
                    b'/' => 2..=4,
                    b'-' if word.len() != 4 => break,
                    _ => 2..=2,
                };
                if at != end + 1
                    || !digits.contains(&part.len())
                    || !shape(i + used).has(Shape::NUMERIC)
                {
                    break;
                }
                end = at + part.len();
                used += 1;
            }
        }
        // "2024年3月3日", "3月3日", "2024년 3월 3일": Chinese, Japanese and
        // Korean write a date as numbers, each with its unit (year, month,
        // day) after it: one date. Chinese and Japanese units are words of
        // their own; Korean ones end the number's word, a space apart.
        // Past the digits at `at`, ASCII or full width ("２７日").
        let digits = |mut at: usize| loop {
            match sentence.as_bytes()[at..] {
                [b'0'..=b'9', ..] => at += 1,
                [0xEF, 0xBC, 0x90..=0x99, ..] => at += 3,
                _ => return at,
            }
        };
        let mut unit = digits(offset);
        // (年 or 년 after a number that is no year counts years: "3年".
        // Of the units only they start with the byte 0xE5 or 0xEB.)
        let dated = used == 1
            && has_unit(sentence, unit, DATE_UNITS)
            && (!matches!(sentence.as_bytes()[unit], 0xE5 | 0xEB)
                || is_year(&sentence[offset..unit]));
        if dated {
            let mut last = i;
            loop {
                // Past the unit ("2025년에": a Korean word may go on).
                end = unit + 3;
                if words[last].0 + words[last].1.len() < end {
                    last += 1;
                }
                let Some(&(at, _)) = words.get(last + 1) else {
                    break;
                };
                unit = digits(at);
                let gap = &sentence.as_bytes()[end..at];
                // A year opens a date: "28일 2030년까지" is two dates.
                if !(gap.is_empty() || gap == b" ")
                    || unit == at
                    || !has_unit(sentence, unit, DATE_UNITS)
                    || matches!(sentence.as_bytes()[unit], 0xE5 | 0xEB)
                {
                    break;
                }
                last += 1;
            }
            used = last + 1 - i;
        }
        // "3 March 2020", "3rd March", "3 de marzo": one date.
        if used == 1
            && (next.has(Shape::MONTH_OR_DAY) || words.get(i + 1).is_some_and(|w| w.1 == "de"))
        {
            used = full_date(sentence, words, shape, i, true);
            end = words[i + used - 1].0 + words[i + used - 1].1.len();
        }
        // A clock time, or a date of several words.
        let time = used > 1 && !grouped || dated;
        // A magnitude, a currency or both ("15 million", "20 euros", "5
        // Millionen Euro", "3 milliards d'euros", "3 millones de euros"):
        // the magnitudes' list holds the currencies written as words too,
        // which are told apart by their first letter.
        let mut currency_after = false;
        for _ in 0..if time { 0 } else { 2 } {
            let mut k = i + used;
            let Some(&(next_at, next_word)) = words.get(k) else {
                break;
            };
            let gap = &sentence.as_bytes()[end..next_at];
            if gap.len() > 4 || gap.iter().any(u8::is_ascii_alphanumeric) {
                break;
            }
            if next_word == "de" || next_word == "di" {
                k += 1;
            }
            let Some(&(at, word)) = words.get(k) else {
                break;
            };
            if !shape(k).has(Shape::MAGNITUDE) {
                break;
            }
            currency_after |= !matches!(
                word.as_bytes(),
                [b'b' | b'm' | b't' | b'B' | b'M' | b'T', ..] | [0xD0, 0xBC, ..]
            );
            end = at + word.len();
            used = k + 1 - i;
        }
        // "15亿元", "100万円", "30元": Chinese and Japanese ten thousands or
        // hundred millions, and yuan or yen, each a word of its own (which
        // the scan passes as it passes all Han). Korean writes its myriads
        // in the number's word, and maybe the won and a particle too
        // ("15억원의", "15억 원"): the number ends at its unit. A sign after
        // the amount is its currency too ("15 €").
        if !time {
            end = match unit_len(sentence, unit, MYRIADS) {
                0 => end + unit_len(sentence, end, MYRIADS),
                myriad => unit + myriad,
            };
            let currency = unit_len(sentence, end, CURRENCIES);
            currency_after |= currency > 0;
            end += currency;
        }
        let kind = if currency_after || matches!(before, Some('$' | '€' | '£' | '¥')) {
            EntityKind::Money
        } else if after == Some('%') || next.has(Shape::PERCENT) {
            EntityKind::Percent
        } else if time
            || shape(i).has(Shape::YEAR)
            || next.has(Shape::LOWER_MONTH_OR_DAY)
            || i > 0 && shape(i - 1).has(Shape::LOWER_MONTH_OR_DAY)
        {
            EntityKind::Date
        } else {
            EntityKind::Number
        };
        let start = if kind == EntityKind::Money && !currency_after {
            offset - before.map_or(0, char::len_utf8)
        } else {
            offset
        };
        self.add(index, &sentence[start..end], kind, 1, false, false);
        used
    }

    fn add(
        &mut self,
        sentence: usize,
        text: &'t str,
        kind: EntityKind,
        tokens: usize,
        tentative: bool,
        opener: bool,
    ) -> u32 {
        // One probe, inlined, for the mention as it stands (a lookup and then
        // an insert were two out-of-line probes in the wasm).
        let Recognizer {
            raw_forms,
            key,
            form_ids,
            forms,
            ..
        } = self;
        let form = raw_forms
            .get_or_insert_with(text, || new_form(key, form_ids, forms, text, kind, tokens));
        if !tentative && !opener {
            self.forms[form as usize].confirmed = true;
        }
        self.mentions.push(Mention {
            sentence: sentence as u32,
            form,
            tentative,
            opener,
        });
        form
    }

    /// Points each one-word name without a name of its own (in `alias`) at
    /// the name it inflects, by the stems the tokenizer made (`term_of`):
    /// Russian's cases ("Путина", "Путиным" are "Владимир Путин"), and
    /// German's capitalised words, whose lone ones are mostly nouns ("in
    /// manchen Jahren" counts for "das Bürgerliche Jahr", as "das Jahr"
    /// does). A name counts by its last word (not "России" of "президент
    /// России Владимир Путин"); of the names with one stem the others join
    /// a confirmed one (no lone German capital: "Tage" makes no name of
    /// "Tag"), then the most mentioned, then the longest.
    fn chain_inflections(
        &self,
        alias: &mut [u32],
        form_mentions: &[u32],
        term_of: &impl Fn(&[u8]) -> Option<TermId>,
    ) {
        // A name's term, by its last word as it stands.
        let term = |id: usize| -> Option<usize> {
            let form = &self.forms[id];
            if form.kind != EntityKind::Name || form_mentions[id] == 0 {
                return None;
            }
            let text = form.text.as_bytes();
            let last = text
                .iter()
                .rposition(|&b| b == b' ')
                .map_or(0, |space| space + 1);
            term_of(&text[last..])
                .filter(|&term| term != NO_TERM)
                .map(|term| term as usize)
        };
        let rank = |form: u32| {
            let form = form as usize;
            let name = &self.forms[form];
            (name.confirmed, form_mentions[form], name.tokens)
        };
        let mut best: Vec<u32> = Vec::new();
        for id in 0..self.forms.len() {
            if let Some(term) = term(id) {
                if best.len() <= term {
                    best.resize(term + 1, NO_ALIAS);
                }
                if best[term] == NO_ALIAS || rank(id as u32) > rank(best[term]) {
                    best[term] = id as u32;
                }
            }
        }
        for id in 0..self.forms.len() {
            if self.forms[id].tokens > 1 || alias[id] != NO_ALIAS {
                continue;
            }
            // A Russian surname in "-ов" stems to less than its cases do
            // ("лавр", "лавров"): those are the name and a letter or two
            // (of two bytes each in Cyrillic).
            let key = self.form_ids.get(id as u32);
            let inflects = |letters: usize| {
                let base = key.len().checked_sub(2 * letters)?;
                self.form_ids
                    .id(&key[..base])
                    .filter(|&base| base != id as u32)
            };
            let found = term(id)
                .map(|term| best[term])
                .filter(|&name| name != id as u32);
            let russian = self.language == Language::Russian;
            let found = found.or_else(|| {
                russian
                    .then(|| inflects(1).or_else(|| inflects(2)))
                    .flatten()
            });
            if let Some(name) = found {
                // The name's own alias, if it is a word of a longer name;
                // a German noun alone ("Jahre") confirms no other ("Jahr").
                let name = match alias[name as usize] {
                    NO_ALIAS => name,
                    longer => longer,
                };
                if self.forms[name as usize].confirmed {
                    alias[id] = name;
                }
            }
        }
    }

    /// German capitalises nouns, so a run of capitals may hold common nouns
    /// before its name: "Stadt Freiburg", "Viertel von Amsterdam". Words the
    /// text writes as nouns ([`Form::after_article`]) leave the name's text,
    /// and a run of nouns keeps its last ("Liter Milch" is "Milch"). Only
    /// the text changes: "die Stadt" still chains to "Stadt Freiburg", as it
    /// refers to Freiburg. Returns each form's canonical form: the first
    /// whose text became the same ("Stadt Braunschweig" and "Herzogtum
    /// Braunschweig" are one entity).
    fn name_without_nouns(&mut self) -> Vec<u32> {
        // A word's counts alone, or (a run's first word) with the run's.
        let written_as_noun =
            |forms: &[Form], raw_forms: &FormMap<u32>, word: &[u8], run: (u32, u32)| {
                let (after, bare) = raw_forms.get(word).map_or((0, 0), |form| {
                    let form = &forms[form as usize];
                    (u32::from(form.after_article), u32::from(form.bare))
                });
                is_noun(after + run.0, bare + run.1)
            };
        let mut canonical: Vec<u32> = (0..self.forms.len() as u32).collect();
        let mut renamed: Vec<(&'t str, u32)> = Vec::new();
        for (id, form) in self.forms.iter().enumerate() {
            if form.kind != EntityKind::Name || form.tokens < 2 {
                continue;
            }
            // Nouns leave the front (the first word counting the run's
            // articles too), with a connector or article they leave bare;
            // the last word stays, the head of a German noun phrase.
            let text = form.text;
            let bytes = text.as_bytes();
            let mut from = 0;
            let mut run = (u32::from(form.after_article), u32::from(form.bare));
            while let Some(space) = bytes[from..].iter().position(|&b| b == b' ') {
                let word = &bytes[from..from + space];
                if !(written_as_noun(&self.forms, &self.raw_forms, word, run)
                    || is_connector(word)
                    || is_german_determiner(word))
                {
                    break;
                }
                from += space + 1;
                run = (0, 0);
            }
            if from == 0 {
                continue;
            }
            renamed.push((&text[from..], id as u32));
        }
        // Forms whose texts became the same are one entity: the name as the
        // text writes it alone, if it is of several words, or the first.
        let mut order: Vec<usize> = (0..renamed.len()).collect();
        crate::order::sort_by(&mut order, &|i, j| {
            renamed[i].0.cmp(renamed[j].0).then(i.cmp(&j))
        });
        let mut group = (None, 0);
        for i in order {
            let (name, id) = renamed[i];
            if group.0 != Some(name) {
                let written = self
                    .raw_forms
                    .get(name.as_bytes())
                    .filter(|&form| self.forms[form as usize].tokens > 1);
                group = (Some(name), written.unwrap_or(id));
            }
            self.forms[id as usize].text = name;
            canonical[id as usize] = group.1;
        }
        canonical
    }

    /// Chains the mentions into entities and weighs them; `term_of` gives a
    /// word form (as it stands) the term the text made of it (its stem), or
    /// `None` if the text has no such form.
    pub fn finish(
        mut self,
        sentence_count: usize,
        term_of: impl Fn(&[u8]) -> Option<TermId>,
    ) -> EntityTable<'t> {
        // A name that only ever opens a sentence loses its first word when
        // the rest is a name on its own elsewhere and the text writes that
        // word in lower case, not as a connector: "Later Mélenchon" is Mélenchon, "Barack
        // Obama" and "Al Qaeda" stay. In German, where the rest may be a noun
        // after an adjective ("Moderne Traktoren"), it loses that word
        // whenever the text writes it in lower case, and the rest is a name
        // only as a lone capital is.
        let german = self.language == Language::German;
        for mention in &mut self.mentions {
            let full = &self.forms[mention.form as usize];
            if !mention.opener || full.confirmed {
                continue;
            }
            // The first word ends at a space (`scan_sentence`); the rest is a
            // form only if it was mentioned on its own.
            let Some(space) = full.text.bytes().position(|b| b == b' ') else {
                continue;
            };
            let (first, mut rest) = (&full.text[..space], &full.text[space + 1..]);
            // "Shares of Apple": after a plural, a connector goes with the
            // word it follows ("Bank of America" keeps its bank).
            if let Some(gap) = rest.bytes().position(|b| b == b' ') {
                if is_connector(&rest.as_bytes()[..gap])
                    && first.ends_with('s')
                    && !first.ends_with("ss")
                {
                    rest = &rest[gap + 1..];
                }
            }
            if let Some(rest) = self.raw_forms.get(rest.as_bytes()) {
                if (self.forms[rest as usize].confirmed || german)
                    && with_lowercase(first, &|lower| {
                        term_of(lower).is_some() && !is_connector(lower)
                    })
                {
                    mention.form = rest;
                    mention.tentative |= german;
                }
            }
        }
        let canonical = if german {
            self.name_without_nouns()
        } else {
            Vec::new()
        };
        // Each word of a multi-word name points at the most mentioned name that
        // contains it ("Kim" → "Kim Jong Un"; ties go to the first seen).
        let mut form_mentions = vec![0u32; self.forms.len()];
        for mention in &self.mentions {
            form_mentions[mention.form as usize] += 1;
        }
        let key = |form: usize| self.form_ids.get(form as u32);
        // A one-word form → the name it is part of, by form id (`NO_ALIAS`
        // for none): keyed by the word's text, a map was 0.2 KiB of the
        // gzipped wasm.
        let mut alias = vec![NO_ALIAS; self.forms.len()];
        for (id, form) in self.forms.iter().enumerate() {
            // A name whose every mention lost its first word (above) is none.
            if form.kind != EntityKind::Name || form.tokens < 2 || form_mentions[id] == 0 {
                continue;
            }
            for part in key(id).split(|&b| b == b' ') {
                if is_connector(part) {
                    continue;
                }
                let Some(word) = self.form_ids.id(part) else {
                    continue;
                };
                let target = &mut alias[word as usize];
                if *target == NO_ALIAS || form_mentions[id] > form_mentions[*target as usize] {
                    *target = id as u32;
                }
            }
        }
        if matches!(self.language, Language::German | Language::Russian) {
            self.chain_inflections(&mut alias, &form_mentions, &term_of);
        }
        let chain_of = |form: u32| -> u32 {
            let f = &self.forms[form as usize];
            let target = alias[form as usize];
            let chain = if f.kind == EntityKind::Name && f.tokens == 1 && target != NO_ALIAS {
                target
            } else {
                form
            };
            canonical.get(chain as usize).copied().unwrap_or(chain)
        };

        // Chains are form ids: counted and indexed by vectors, not hash maps
        // (no map of u32 to u32 in the wasm).
        let mut mentions_per_chain = vec![0u32; self.forms.len()];
        let mut kept: Vec<(u32, u32)> = Vec::with_capacity(self.mentions.len());
        for mention in &self.mentions {
            let chain = chain_of(mention.form);
            let confirmed = self.forms[chain as usize].confirmed || chain != mention.form;
            if mention.tentative && !confirmed {
                continue;
            }
            mentions_per_chain[chain as usize] += 1;
            kept.push((mention.sentence, chain));
        }

        let chains: Vec<(u32, u32)> = (0u32..)
            .zip(mentions_per_chain)
            .filter(|&(_, mentions)| mentions > 0)
            .collect();
        let weight = |kind: EntityKind, mentions: u32| {
            // An entity mentioned once is not one of the text's important
            // ones: it weighs ln 1 = 0, and most are (no logarithm for them).
            if mentions == 1 {
                return 0.0;
            }
            let base = ((1.0 + mentions as f64) / 2.0).ln();
            match kind {
                EntityKind::Name | EntityKind::Acronym => base,
                EntityKind::Number => 0.5 * base,
                _ => 0.75 * base,
            }
        };
        // Weighed once per chain, not twice per comparison (two logarithms
        // a comparison were half the sorting of a small text) nor again for
        // the ranked list.
        let weights: Vec<f64> = chains
            .iter()
            .map(|&(chain, mentions)| weight(self.forms[chain as usize].kind, mentions))
            .collect();
        // Mentioned once, an entity weighs nothing: most are, and they
        // follow the others in the order they came (their forms' ids), so
        // only the others are sorted (10 KB of news: 42 k instructions of
        // sorting a call became 19 k, about 1% of the call's time).
        let mut order = Vec::with_capacity(chains.len());
        let mut weighty = 0;
        for once in [false, true] {
            weighty = order.len();
            for (i, &(_, mentions)) in chains.iter().enumerate() {
                if (mentions == 1) == once {
                    order.push(i);
                }
            }
        }
        crate::order::sort_by(&mut order[..weighty], &|i, j| {
            weights[j]
                .total_cmp(&weights[i])
                .then(chains[i].0.cmp(&chains[j].0))
        });
        let mut index_of = vec![0u32; self.forms.len()];
        let entities = order
            .iter()
            .enumerate()
            .map(|(index, &i)| {
                let (chain, mentions) = chains[i];
                index_of[chain as usize] = index as u32;
                let form = &self.forms[chain as usize];
                RankedEntity {
                    text: form.text,
                    kind: form.kind,
                    mentions,
                    weight: weights[i],
                }
            })
            .collect();

        // One list for all sentences (mentions come in sentence order): a
        // vector per sentence was an allocation for each one with an entity.
        let mut items: Vec<u32> = Vec::with_capacity(kept.len());
        let mut bounds = Vec::with_capacity(sentence_count + 1);
        bounds.push(0);
        for (sentence, chain) in kept {
            debug_assert!(
                bounds.len() <= sentence as usize + 1,
                "mentions out of order"
            );
            while bounds.len() <= sentence as usize {
                bounds.push(items.len());
            }
            let index = index_of[chain as usize];
            let start = bounds[bounds.len() - 1];
            if !items[start..].contains(&index) {
                items.push(index);
            }
        }
        bounds.resize(sentence_count + 1, items.len());
        let per_sentence = PerSentence::from_parts(items, bounds);
        EntityTable {
            entities,
            per_sentence,
        }
    }
}

fn is_function_word(language: Language, word: &str) -> bool {
    with_lowercase(word, &|lower| {
        is_function_word_by_lists(language, stop_lists(lower))
    })
}

/// Whether a word on the stop lists `stops` ([`stop_lists`]) is a function
/// word in a text of `language`: on that language's list or on English's.
fn is_function_word_by_lists(language: Language, stops: u8) -> bool {
    stops & (stop_list_bit(language) | stop_list_bit(Language::English)) != 0
}

/// The units of a date in Chinese, Japanese and Korean: year, month, day.
const DATE_UNITS: &[&str] = &["年", "月", "日", "년", "월", "일"];

/// Ten thousands and hundred millions (and, in Korean, trillions) in
/// Chinese, Japanese and Korean.
const MYRIADS: &[&str] = &["万", "亿", "萬", "億", "만", "억", "조"];

/// Yuan, yen, won and (Korean) dollars after a number.
const CURRENCIES: &[&str] = &[
    "元",
    "円",
    "원",
    " 원",
    "달러",
    " 달러",
    " €",
    "\u{a0}€",
    "\u{202f}€",
    " £",
];

/// The length in bytes of the first of `units` that `sentence` has at `at`, or 0.
fn unit_len(sentence: &str, at: usize, units: &[&str]) -> usize {
    // Every unit is Han or Hangul, after one space at most: most numbers are
    // followed by neither, and then no unit is compared (1 MB of news took
    // 2 M instructions more without this test).
    if !matches!(
        sentence.as_bytes()[at..],
        [0x80..=0xFF, ..] | [b' ', 0x80..=0xFF, ..]
    ) {
        return 0;
    }
    units
        .iter()
        .find(|unit| sentence.as_bytes()[at..].starts_with(unit.as_bytes()))
        .map_or(0, |unit| unit.len())
}

/// Whether `sentence` has one of `units` at `at`.
fn has_unit(sentence: &str, at: usize, units: &[&str]) -> bool {
    unit_len(sentence, at, units) > 0
}

/// Whether a German article or another determiner stands before word
/// `at`, directly or before a lower-case word such as an adjective ("der
/// erste Band"; a name takes none: "Anne", "Freiburg").
fn after_article(
    sentence: &str,
    words: &[Word],
    shape: &dyn Fn(usize) -> Shape,
    at: usize,
) -> bool {
    // After a comma "der", "die", "das" may be relative pronouns: ", die
    // Marx beschrieb".
    let article = |i: usize| {
        let (offset, word) = words[i];
        // A number counts as one: "39 Arten", "9 Hektar".
        let shape = shape(i);
        shape.has(Shape::NUMERIC)
            || shape.has(Shape::FUNCTION_WORD)
                && sentence.as_bytes()[..offset]
                    .iter()
                    .rev()
                    .find(|&&b| b != b' ')
                    != Some(&b',')
                && is_german_determiner(word.as_bytes())
    };
    match at {
        0 => false,
        1 => article(0),
        _ => {
            let between = shape(at - 1);
            article(at - 1)
                || between.has(Shape::ALPHABETIC)
                    && !between.has(Shape::CAPITALISED)
                    && !between.has(Shape::FUNCTION_WORD)
                    && article(at - 2)
        }
    }
}

/// Whether a German word is a title or ends in one: "Bahnchef",
/// "Finanzminister", "Chef" (of "SPD-Chef"), "Regierungssprecherin".
fn is_german_title(word: &str) -> bool {
    let word = word.as_bytes();
    [
        "chef",
        "chefin",
        "minister",
        "ministerin",
        "präsident",
        "präsidentin",
        "sprecher",
        "sprecherin",
        "kanzler",
        "kanzlerin",
        "vorsitzende",
        "vorsitzender",
        "direktor",
        "direktorin",
    ]
    .iter()
    .any(|title| {
        word.len() >= title.len()
            && word[word.len() - title.len()..].eq_ignore_ascii_case(title.as_bytes())
    })
}

/// Whether a German word written `after` an article so many times and
/// `bare` so many without one is a noun. A noun takes an article in the
/// singular, not always in the plural ("viele Arten") or as a mass ("mit
/// Milch"); a name seldom does ("das alte Braunschweig": 4 of 136 mentions).
fn is_noun(after: u32, bare: u32) -> bool {
    after > 1 && 3 * after > bare
}

/// Whether a German word ends as an adjective after an article does ("die
/// Deutsche Bahn", "des Kaspischen Meeres"), as a noun may too.
fn is_inflected(word: &[u8]) -> bool {
    matches!(word, [.., b'e'] | [.., b'e', b'n' | b'r' | b's'])
}

/// The articles, determiners and quantifiers that stand before a German
/// noun and seldom before a name ("die Schweiz" is one of few), by length
/// from 2 letters, each followed by a space. All are on the German stop list,
/// which is asked first.
const GERMAN_DETERMINERS: [&str; 6] = [
    "im am ",
    "der die das den dem des ein zum zur vom ins ",
    "eine kein beim jede sein ihre alle ",
    "einen einem einer eines keine diese jeder jedes jeden jedem seine ihren ihrem ihrer \
     ihres viele beide ",
    "keinen keinem keiner dieser dieses diesen diesem seinen seinem seiner seines vielen \
     einige allen beiden manche solche ",
    "einigen mehrere ",
];

/// Whether a word is one of [`GERMAN_DETERMINERS`]: only those of its length
/// are compared (one list of all was 24 M instructions on 1 MB of German; a
/// `match` 2 M, but 0.4 KiB of gzipped wasm).
fn is_german_determiner(word: &[u8]) -> bool {
    let Some(group) = word
        .len()
        .checked_sub(2)
        .and_then(|i| GERMAN_DETERMINERS.get(i))
    else {
        return false;
    };
    let mut lower = [0u8; 7];
    let lower = &mut lower[..word.len()];
    lower.copy_from_slice(word);
    lower.make_ascii_lowercase();
    group
        .as_bytes()
        .chunks_exact(word.len() + 1)
        // Byte by byte: most differ at the first (a slice comparison
        // called `memcmp`).
        .any(|determiner| determiner.iter().zip(lower.iter()).all(|(a, b)| a == b))
}

/// Whether a number ends the name at word `at`: one a hyphen joins
/// ("Covid-19"), or a Roman numeral ("World War II", "Henry VIII").
fn numbered(
    sentence: &str,
    words: &[Word<'_>],
    shape: &impl Fn(usize) -> Shape,
    at: usize,
) -> bool {
    let end = words[at].0 + words[at].1.len();
    words.get(at + 1).is_some_and(|&(next, word)| {
        next == end + 1
            && match sentence.as_bytes()[end] {
                b'-' => shape(at + 1).has(Shape::NUMERIC),
                b' ' => {
                    word.len() <= 4
                        && shape(at + 1).has(Shape::ACRONYM)
                        && word.bytes().all(|b| matches!(b, b'I' | b'V' | b'X'))
                }
                _ => false,
            }
    })
}

/// In French, where the capital after an elided "l'" or "d'" starts in
/// `word` ("l'Allemagne", "d’Emmanuel", "L'Élysée"), or 0.
fn elided_capital(language: Language, word: &str) -> usize {
    if language != Language::French {
        return 0;
    }
    let after = match word.as_bytes() {
        [b'l' | b'd' | b'L' | b'D', b'\'', ..] => 2,
        [b'l' | b'd' | b'L' | b'D', 0xE2, 0x80, 0x99, ..] => 4,
        _ => return 0,
    };
    // A capital of French: ASCII, or Latin-1's "À" to "Þ".
    match word.as_bytes()[after..] {
        [c, ..] if c.is_ascii_uppercase() => after,
        [0xC3, 0x80..=0x9E, ..] => after,
        _ => 0,
    }
}

/// No name for a one-word form to chain to (`Recognizer::finish`).
const NO_ALIAS: u32 = u32::MAX;

/// The longest word an English title leaves in lower case: articles,
/// conjunctions and short prepositions ("of", "for"), not "says" or "there".
const SMALL_WORD: usize = 3;

/// Whether the capital at `at` names the office of a title written in lower
/// case before it: "ministre de la Santé", "presidente del Consiglio",
/// "ministro da Saúde".
fn names_an_office(language: Language, words: &[Word<'_>], at: usize) -> bool {
    let before = |back: usize| at.checked_sub(back).map(|k| words[k].1);
    let title = |back: usize| {
        before(back).is_some_and(|title| word_lists(title.as_bytes()).entity & LISTED_TITLE != 0)
    };
    // Russian puts the office in the genitive, right after the title:
    // "президент России Владимир Путин".
    if language == Language::Russian {
        return title(1);
    }
    let article = matches!(before(1), Some("la" | "las" | "los"));
    let preposition = before(1 + usize::from(article));
    matches!(
        preposition,
        Some(
            "de" | "del"
                | "della"
                | "dello"
                | "delle"
                | "dei"
                | "degli"
                | "da"
                | "do"
                | "dos"
                | "das"
                | "des"
                | "du"
        )
    ) && title(2 + usize::from(article))
}

fn is_connector(lower: &[u8]) -> bool {
    NAME_CONNECTORS.iter().any(|c| c.as_bytes() == lower)
}

/// Whether the lists make a word a month or a weekday in `language`, as it
/// is written (`lower_case`: in lower case only).
fn month_or_day(language: Language, lists: WordLists, lower_case: bool) -> bool {
    lists.entity & LISTED_MONTH_OR_DAY != 0 || month_abroad(language, lists, lower_case)
}

/// Whether the word is a month of [`GERMAN_MONTHS`], or of [`MONTHS_ABROAD`]
/// written in lower case, and `language` not English.
fn month_abroad(language: Language, lists: WordLists, lower_case: bool) -> bool {
    let bits = LISTED_GERMAN_MONTH | if lower_case { LISTED_MONTH_ABROAD } else { 0 };
    lists.entity & bits != 0 && language != Language::English
}

fn is_month_or_day(word: &str) -> bool {
    word.len() <= 9 && MONTHS_AND_DAYS.iter().any(|m| m.eq_ignore_ascii_case(word))
}

/// Calls `f` with `word` lower-cased (as [`lowercase`] does it) as UTF-8
/// bytes, without allocating for short ASCII words, which nearly all are.
fn with_lowercase(word: &str, f: &dyn Fn(&[u8]) -> bool) -> bool {
    let mut buffer = [0u8; 32];
    match buffer.get_mut(..word.len()) {
        Some(lower) if word.is_ascii() => {
            lower.copy_from_slice(word.as_bytes());
            lower.make_ascii_lowercase();
            f(lower)
        }
        _ => f(lowercase(word).as_bytes()),
    }
}

/// NATO, U.S, G7: two or more letters, all capitals.
fn is_acronym(word: &str) -> bool {
    let mut letters = 0;
    for c in word.chars() {
        if crate::letters::is_alphabetic(c) {
            if !c.is_uppercase() {
                return false;
            }
            letters += 1;
        } else if !(c.is_ascii_digit() || c == '.' || c == '&') {
            return false;
        }
    }
    (2..=8).contains(&letters)
}

/// How many words from `words[i]` make a date of a day, a month and a year:
/// "March 3", "March 3rd, 2024", "March 2024" (`day_first` false: `words[i]`
/// is a month), "3 March", "3rd March 2020", "3. März 2024", "3 de marzo de
/// 2024" (true: the month follows the day); 1 if none.
fn full_date(
    sentence: &str,
    words: &[Word<'_>],
    shape: &dyn Fn(usize) -> Shape,
    i: usize,
    day_first: bool,
) -> usize {
    // Where the part after `words[k - 1]` is: `words[k]` after a space (or
    // `also`: a comma before a year, German's point after a day), or the word
    // after "de" ("3 de marzo de 2024", in Spanish and Portuguese).
    let part = |k: usize, also: &[u8]| {
        let gap = |k: usize| {
            let end = words[k - 1].0 + words[k - 1].1.len();
            words
                .get(k)
                .map(|&(start, _)| &sentence.as_bytes()[end..start])
        };
        match gap(k)? {
            b" " if words[k].1 == "de" && gap(k + 1) == Some(b" ") => Some(k + 1),
            gap if gap == b" " || gap == also => Some(k),
            _ => None,
        }
    };
    let parts = if day_first {
        part(i + 1, b". ").map(|month| (i, month))
    } else {
        part(i + 1, b" ").map(|day| (day, i))
    };
    let Some((day, month)) = parts else {
        return 1;
    };
    if is_day(words[day].1) && shape(month).has(Shape::MONTH_OR_DAY) && !is_weekday(words[month].1)
    {
        let last = day.max(month);
        match part(last + 1, if day_first { b" " } else { b", " }) {
            Some(year) if shape(year).has(Shape::YEAR) => year + 1 - i,
            _ => last + 1 - i,
        }
    } else if !day_first && shape(day).has(Shape::YEAR) {
        day + 1 - i
    } else {
        1
    }
}

/// A day of the month: "3", "31", "3rd", "21st" (any two lower-case letters:
/// an ordinal's, or "am" and "pm", which make a date too).
fn is_day(word: &str) -> bool {
    let bytes = word.as_bytes();
    let digits = bytes.iter().take_while(|b| b.is_ascii_digit()).count();
    let value = match bytes[..digits] {
        [units] => units - b'0',
        [tens, units] => (tens - b'0') * 10 + units - b'0',
        _ => 0,
    };
    let suffix = &bytes[digits..];
    (1..=31).contains(&value)
        && (suffix.is_empty() || suffix.len() == 2 && suffix.iter().all(u8::is_ascii_lowercase))
}

/// Of the months and weekdays, a weekday: only their names have a "d" third
/// from the end ("Monday"; "March", "May").
fn is_weekday(word: &str) -> bool {
    word.as_bytes()[word.len() - 3] | 0x20 == b'd'
}

/// Whether a number in ASCII or full-width digits ("２０２４") is a year.
fn is_year(digits: &str) -> bool {
    let (mut year, mut count) = (0u32, 0);
    for byte in digits.bytes() {
        // A full-width digit is EF BC 90..99; any other byte is no digit's.
        let digit = match byte {
            b'0'..=b'9' => byte - b'0',
            0x90..=0x99 => byte - 0x90,
            0xEF | 0xBC => continue,
            _ => return false,
        };
        year = year.wrapping_mul(10).wrapping_add(u32::from(digit));
        count += 1;
    }
    count == 4 && (1000..=2199).contains(&year)
}

fn strip_possessive(name: &str) -> &str {
    name.strip_suffix("'s")
        .or_else(|| name.strip_suffix("\u{2019}s"))
        .unwrap_or(name)
}

#[cfg(test)]
mod tests {
    use crate::lang::Language;

    fn entities(text: &str) -> Vec<(String, super::EntityKind, u32)> {
        entities_in(text, Language::English)
    }

    /// Asserts that each of `wants` (text, kind, mentions) was found.
    fn assert_found(
        found: &[(String, super::EntityKind, u32)],
        wants: &[(&str, super::EntityKind, u32)],
    ) {
        for &(text, kind, mentions) in wants {
            let want = (text.to_string(), kind, mentions);
            assert!(found.contains(&want), "{want:?} in {found:?}");
        }
    }

    /// The names [`entities_in`] finds, with their mentions.
    fn names_in(text: &str, language: Language) -> Vec<(String, u32)> {
        entities_in(text, language)
            .into_iter()
            .filter(|(_, kind, _)| *kind == super::EntityKind::Name)
            .map(|(text, _, mentions)| (text, mentions))
            .collect()
    }

    fn entities_in(text: &str, language: Language) -> Vec<(String, super::EntityKind, u32)> {
        let spans = crate::segment(text, language);
        let tokens = crate::tokenize::tokenize(text, &spans, language);
        tokens
            .entities
            .entities
            .into_iter()
            .map(|e| (e.text.to_string(), e.kind, e.mentions))
            .collect()
    }

    #[test]
    fn chains_short_mentions_to_full_names() {
        use super::EntityKind::*;
        let found = entities(
            "North Korean leader Kim Jong Un arrived. Officials said Kim was tired. \
             Kim left on Tuesday with $5 million and 20% of NATO.",
        );
        assert!(
            found.contains(&("Kim Jong Un".into(), Name, 3)),
            "{found:?}"
        );
        assert!(
            found.contains(&("North Korean".into(), Name, 1)),
            "{found:?}"
        );
        assert!(found.contains(&("Tuesday".into(), Date, 1)), "{found:?}");
        assert!(
            found.contains(&("$5 million".into(), Money, 1)),
            "{found:?}"
        );
        assert!(found.contains(&("20".into(), Percent, 1)), "{found:?}");
        assert!(found.contains(&("NATO".into(), Acronym, 1)), "{found:?}");
        assert!(!found.iter().any(|(t, ..)| t == "Officials"), "{found:?}");
    }

    #[test]
    fn a_currency_after_an_amount_makes_it_money() {
        use super::EntityKind::{Money, Number};
        let found = entities_in(
            "Le billet coûte 15\u{a0}€ et le projet 3 milliards d'euros. Il faut 20 euros.",
            Language::French,
        );
        assert_found(
            &found,
            &[
                ("15\u{a0}€", Money, 1),
                ("3 milliards d'euros", Money, 1),
                ("20 euros", Money, 1),
            ],
        );
        let found = entities_in(
            "Das kostet 1 Milliarde Euro, der Rest 3 Mrd. Euro. Dazu kamen 5 Europäer.",
            Language::German,
        );
        assert_found(
            &found,
            &[
                ("1 Milliarde Euro", Money, 1),
                ("3 Mrd. Euro", Money, 1),
                ("5", Number, 1),
            ],
        );
        let found = entities("The deal is worth 5 million dollars. Cuesta 1 millón de euros.");
        assert_found(
            &found,
            &[
                ("5 million dollars", Money, 1),
                ("1 millón de euros", Money, 1),
            ],
        );
    }

    #[test]
    fn entities_rank_by_weight_then_first_mention() {
        let found = entities(
            "On Monday, Alice met Bob in Paris. Later, Carol saw Alice in Rome. \
             Then Dave called Bob and Alice.",
        );
        let names: Vec<(&str, u32)> = found.iter().map(|(t, _, m)| (t.as_str(), *m)).collect();
        assert_eq!(
            names,
            [
                ("Alice", 3),
                ("Bob", 2),
                ("Monday", 1),
                ("Paris", 1),
                ("Carol", 1),
                ("Rome", 1),
                ("Dave", 1)
            ]
        );
    }

    #[test]
    fn titles_open_names_and_never_are_one() {
        let found = entities(
            "Dr. Li Wen spoke. Later Dr. Li left. Yesterday Mr Brown agreed with Ohio \
             Gov. John Kasich and Stephen King. Officials said Mr. Brown and King met.",
        );
        let names: Vec<(&str, u32)> = found.iter().map(|(t, _, m)| (t.as_str(), *m)).collect();
        assert_eq!(
            names,
            [
                ("Li Wen", 2),
                ("Brown", 2),
                ("Stephen King", 2),
                ("Ohio", 1),
                ("John Kasich", 1)
            ]
        );
    }

    #[test]
    fn a_name_does_not_end_in_a_function_word() {
        let found = entities(
            "Usually I stopped in Paris. Then I said \"It is late\" and I left Paris in May. \
             We met Anna in May.",
        );
        let names: Vec<(&str, u32)> = found.iter().map(|(t, _, m)| (t.as_str(), *m)).collect();
        assert_eq!(names, [("Paris", 2), ("May", 2), ("Anna", 1)]);
    }

    #[test]
    fn a_clock_time_or_a_date_is_one_date() {
        let found = entities(
            "The raid began at 10:30 p.m. and ended at 11:45. \
             At 10:30 the next day 3 were freed, a ratio of 1:3. \
             On 12/03/2024 at 10:02:11 half (1/2) of them were home by 12/03/2024. \
             They left at 9:15. The log of 2024-03-07 and 2024-03-07 says 10-12 of them.",
        );
        use super::EntityKind::{Date, Number};
        assert_found(
            &found,
            &[
                ("12/03/2024", Date, 2),
                ("2024-03-07", Date, 2),
                ("10:02:11", Date, 1),
                ("1", Number, 2),
                ("10:30", Date, 2),
                ("11:45", Date, 1),
            ],
        );
        assert!(
            !found.iter().any(|(t, ..)| t == "30"
                || t == "45"
                || t == "1:3"
                || t == "03"
                || t == "10-12"),
            "{found:?}"
        );
    }

    #[test]
    fn initials_are_part_of_the_name() {
        // "George W" and "Bush" were two names, and "Lee" a short mention of
        // whichever full name ended in it ("Mary Curtis Lee", not "Robert E. Lee").
        let found = names_in(
            "President George W. Bush met Robert E. Lee and Mary Curtis Lee. \
             Bush spoke first. J. K. Rowling arrived. Rowling and Lee left. \
             Many died in World War I. Turkey disputes the count.",
            Language::English,
        );
        for want in [
            ("George W. Bush", 2),
            ("Robert E. Lee", 2),
            ("J. K. Rowling", 2),
        ] {
            assert!(
                found.contains(&(want.0.to_string(), want.1)),
                "{want:?} in {found:?}"
            );
        }
        assert!(
            !found.iter().any(|(t, _)| t.contains("I. Turkey")),
            "{found:?}"
        );
    }

    #[test]
    fn a_list_items_marker_is_no_number_nor_its_first_word_a_name() {
        let found = entities(
            "Key findings:\n\n1. Productivity held steady in 61% of firms.\n\
             2. Office leases fell by 14%.\n3) Remote work rose in Berlin.\n\n\
             - 2024 was a good year.\n- Sales rose.",
        );
        use super::EntityKind::{Date, Name};
        assert_found(&found, &[("2024", Date, 1), ("Berlin", Name, 1)]);
        for word in ["1", "2", "3", "Productivity", "Office", "Remote"] {
            assert!(
                !found.iter().any(|(t, ..)| t == word),
                "{word} in {found:?}"
            );
        }
    }

    #[test]
    fn footnote_marks_are_no_numbers() {
        // Text copied from an encyclopedia: the marks of a source cited twice
        // made "4" the text's heaviest number.
        let found = entities(
            "The tower opened in 1889.[2][3] It had 4 lifts.[4] \
             By 1900 it had 5 lifts.[4] A list [4 items] and a pair [6, 7] stay.",
        );
        use super::EntityKind::{Date, Number};
        assert_found(
            &found,
            &[
                ("1889", Date, 1),
                ("1900", Date, 1),
                ("4", Number, 2),
                ("5", Number, 1),
                ("6", Number, 1),
                ("7", Number, 1),
            ],
        );
        assert!(
            !found.iter().any(|(t, ..)| t == "2" || t == "3"),
            "{found:?}"
        );
    }

    #[test]
    fn a_written_date_is_one_date() {
        let found = entities(
            "The deal closed on March 3, 2024, in Paris. It was signed on March 3rd. \
             The firm, founded 3 March 2020, grew in May 2021. On Monday, May 5, it \
             paid 3 million. By 21st June the plant ran. March was cold on Sunday. \
             Its 2024 plan.",
        );
        use super::EntityKind::{Date, Number};
        assert_found(
            &found,
            &[
                ("March 3, 2024", Date, 1),
                ("March 3rd", Date, 1),
                ("3 March 2020", Date, 1),
                ("May 2021", Date, 1),
                ("May 5", Date, 1),
                ("21st June", Date, 1),
                ("Monday", Date, 1),
                ("March", Date, 1),
                ("3 million", Number, 1),
                ("Sunday", Date, 1),
                ("2024", Date, 1),
            ],
        );
        assert_eq!(found.len(), 12, "{found:?}");
    }

    #[test]
    fn an_inflected_name_is_the_name() {
        // Russian declines names: "Путина", "Путину", "Путиным" are Путин,
        // "Лаврова" and "Лавровым" Лавров.
        let found = entities_in(
            "В понедельник президент России Владимир Путин провёл совещание. По словам \
             Путина, рост составит три процента. Министр согласился с Путиным. Путину \
             поверили. Вечером прилетел Сергей Лавров. Лавров заявил, что всё хорошо. По \
             словам Лаврова, стороны договорились. Встреча с Лавровым длилась час.",
            Language::Russian,
        );
        assert_eq!(
            found,
            [
                ("Владимир Путин".to_string(), super::EntityKind::Name, 4),
                ("Сергей Лавров".to_string(), super::EntityKind::Name, 4)
            ],
            "{found:?}"
        );
        // German capitalises nouns: a lone one joins the name whose last
        // word it inflects ("Jahren", "Bürgerliche Jahr"), but a lone noun
        // is no name for being like another ("Tage", "Tag").
        let names = names_in(
            "Das Bürgerliche Jahr hat 365 Tage. In manchen Jahren ist das anders. Ein Tag \
             hat 24 Stunden.",
            Language::German,
        );
        assert_eq!(names, [("Bürgerliche Jahr".to_string(), 2)]);
    }

    /// German capitalises nouns: one the text writes after an article is
    /// no part of the name it stands beside ("Stadt Freiburg", "Viertel von
    /// Amsterdam"), and a run of such nouns keeps its last ("Liter Milch" is
    /// "Milch").
    #[test]
    fn german_nouns_around_a_name_are_no_part_of_it() {
        let found = entities_in(
            "Die Stadt Freiburg liegt im Süden. Die Stadt hat einen Dom, und die \
             Stadt wächst. In Freiburg wohnen viele Studenten. Der Rat von Freiburg \
             tagt im Viertel von Amsterdam. Das Viertel ist alt. Der Rat ist groß. \
             Jeder trinkt einen Liter Milch am Tag. Die Milch kommt vom Hof. Der \
             Liter kostet 1 Euro. Ein Liter reicht. Das Herzogtum Braunschweig lag \
             nahe. Das Herzogtum war klein. Später kam Braunschweig zu Preußen.",
            Language::German,
        );
        let names: Vec<&str> = found.iter().map(|(t, ..)| t.as_str()).collect();
        // "die Stadt" and "der Rat" still chain to the name their runs held:
        // 3 mentions of Freiburg, 2 of "Stadt" alone, 1 of "Rat".
        let want = ("Freiburg".to_string(), super::EntityKind::Name, 6);
        assert!(found.contains(&want), "{want:?} in {found:?}");
        for name in ["Amsterdam", "Braunschweig", "Milch"] {
            assert!(names.contains(&name), "{name} in {found:?}");
        }
        for noun in ["Stadt", "Viertel", "Liter", "Herzogtum", "Rat"] {
            assert!(
                !names.iter().any(|n| n.contains(noun)),
                "{noun} in {found:?}"
            );
        }
        // After a comma "die" may be a relative pronoun, no article: "Karl"
        // stays. What was "Werk von Karl Marx" is one entity with "Karl
        // Marx" ("das Werk" alone chains to it, as "die Stadt" does).
        let found = entities_in(
            "Das Werk von Karl Marx ist bekannt. Das Werk ist dick. Es gibt Thesen, \
             die Karl Marx beschrieb, und Briefe, die Karl Marx schrieb.",
            Language::German,
        );
        assert_eq!(
            found,
            [("Karl Marx".to_string(), super::EntityKind::Name, 4)],
            "{found:?}"
        );
    }

    /// A German title is no part of the name it stands before, as an English
    /// one is not: the name is what the text mentions again.
    #[test]
    fn titles_in_german_french_and_spanish_are_no_part_of_the_name() {
        let found = entities_in(
            "Am Montag sprach Oberbürgermeisterin Katrin Vogel im Rathaus. Später sagte \
             Vogel, die Bahn komme. Ihr Sprecher Thomas Brenner widersprach. Auch \
             Bundeskanzler Olaf Scholz und Professor Anna Roth kamen.",
            Language::German,
        );
        let names: Vec<&str> = found.iter().map(|(t, ..)| t.as_str()).collect();
        for name in ["Katrin Vogel", "Thomas Brenner", "Olaf Scholz", "Anna Roth"] {
            assert!(names.contains(&name), "{name} in {found:?}");
        }
        assert!(
            found.contains(&("Katrin Vogel".into(), super::EntityKind::Name, 2)),
            "{found:?}"
        );
        for title in [
            "Oberbürgermeisterin",
            "Sprecher",
            "Bundeskanzler",
            "Professor",
        ] {
            assert!(
                !names.iter().any(|n| n.contains(title)),
                "{title} in {found:?}"
            );
        }
        // And compounds that end in a title, which German writes as one word.
        let found = entities_in(
            "Am Montag sprach Bahnchef Richard Lutz in Berlin. Später sagte Lutz, \
             der Zug komme. SPD-Chef Lars Klingbeil und Regierungssprecherin Anna Berg \
             widersprachen.",
            Language::German,
        );
        let mut names: Vec<&str> = found
            .iter()
            .filter(|(_, kind, _)| *kind == super::EntityKind::Name)
            .map(|(t, ..)| t.as_str())
            .collect();
        names.sort_unstable();
        assert_eq!(
            names,
            ["Anna Berg", "Lars Klingbeil", "Richard Lutz"],
            "{found:?}"
        );
        assert!(
            found.contains(&("Richard Lutz".into(), super::EntityKind::Name, 2)),
            "{found:?}"
        );
        // And French and Spanish abbreviated forms of address.
        let spanish = "El Sr. García llegó. La Sra. Ribera habló con García.";
        for (text, language, name, mentions) in [
            (
                "Selon Mme Durand, le projet avance. Durand a confirmé.",
                Language::French,
                "Durand",
                2,
            ),
            (spanish, Language::Spanish, "García", 2),
            (spanish, Language::Spanish, "Ribera", 1),
        ] {
            let found = entities_in(text, language);
            let want = (name.to_string(), super::EntityKind::Name, mentions);
            assert!(found.contains(&want), "{want:?} in {found:?}");
        }
        // A title these languages write in lower case takes the capital
        // before it with it: "le Premier ministre" names no "Premier".
        for (text, language, want) in [
            (
                "Le Premier ministre Jean Castex parle. Le Premier ministre a tranché.",
                Language::French,
                vec!["Jean Castex"],
            ),
            (
                "El Primer ministro habló. Luego el Primer ministro se fue con Ana Ruiz.",
                Language::Spanish,
                vec!["Ana Ruiz"],
            ),
        ] {
            let found = entities_in(text, language);
            let mut names: Vec<&str> = found.iter().map(|(t, ..)| t.as_str()).collect();
            names.sort_unstable();
            assert_eq!(names, want, "{found:?}");
        }
    }

    #[test]
    fn the_office_a_title_names_is_no_part_of_the_name() {
        // French, Spanish, Italian and Portuguese write the title in lower
        // case and its office with a capital, right before the name.
        for (text, language, want) in [
            (
                "La ministre de la Santé Agnès Buzyn a parlé. Puis Agnès Buzyn est partie.",
                Language::French,
                "Agnès Buzyn",
            ),
            (
                "Il presidente del Consiglio Giorgia Meloni ha parlato. Poi Giorgia Meloni è partita.",
                Language::Italian,
                "Giorgia Meloni",
            ),
            (
                "La ministra de Hacienda María Jesús Montero habló. Luego María Jesús Montero se fue.",
                Language::Spanish,
                "María Jesús Montero",
            ),
            (
                "O ministro da Saúde Marcelo Queiroga falou. Depois Marcelo Queiroga saiu.",
                Language::Portuguese,
                "Marcelo Queiroga",
            ),
        ] {
            let found = entities_in(text, language);
            let want = (want.to_string(), super::EntityKind::Name, 2);
            assert!(found.contains(&want), "{want:?} in {found:?}");
            assert_eq!(found.len(), 1, "{found:?}");
        }
        // A capital after a preposition and no title stays with the name: "la
        // chute de Saint Louis Blanc" is no office.
        let found = entities_in(
            "Le livre de Jean Paul Martin est paru. Jean Paul Martin écrit.",
            Language::French,
        );
        assert!(
            found.contains(&("Jean Paul Martin".into(), super::EntityKind::Name, 2)),
            "{found:?}"
        );
    }

    #[test]
    fn a_french_name_after_an_elided_article_is_the_name() {
        // "l'Allemagne", "L'Allemagne" and "d’Emmanuel Macron" name
        // Allemagne and Emmanuel Macron; "d'Ivoire" goes on a name.
        let found = names_in(
            "L'Allemagne va mieux. Selon le FMI, l'Allemagne va mieux. Le discours \
             d’Emmanuel Macron a plu. Emmanuel Macron était en Côte d'Ivoire. \
             D'abord, l'an dernier fut dur.",
            Language::French,
        );
        for want in [
            ("Allemagne", 2),
            ("Emmanuel Macron", 2),
            ("Côte d'Ivoire", 1),
        ] {
            let want = (want.0.to_string(), want.1);
            assert!(found.contains(&want), "{want:?} in {found:?}");
        }
        assert_eq!(found.len(), 3, "{found:?}");
        // "l'AFP" is the acronym AFP.
        let found = entities_in("Selon l'AFP, il pleut. L'AFP le dit.", Language::French);
        assert_found(&found, &[("AFP", super::EntityKind::Acronym, 2)]);
        // Elsewhere an apostrophe's capital is no elision: "D'Angelo".
        let found = names_in(
            "D'Angelo Russell scored. The coach praised D'Angelo Russell.",
            Language::English,
        );
        assert_eq!(found, [("D'Angelo Russell".to_string(), 2)]);
        // Nor does Italian's "dell'" take its capital into a name.
        let found = names_in(
            "Il ministro dell'Economia Giancarlo Giorgetti ha parlato. Giorgetti ha detto altro.",
            Language::Italian,
        );
        assert_eq!(found, [("Giancarlo Giorgetti".to_string(), 2)]);
    }

    /// Thousands grouped with a space are one number: with a no-break, narrow
    /// no-break or thin space in any language, with a plain one in French
    /// (and Russian), where that is how numbers are written; never a day and
    /// a count in English.
    #[test]
    fn thousands_grouped_with_a_space_are_one_number() {
        use super::EntityKind::{Date, Money, Number};
        let found = entities_in(
            "Le groupe emploie 1 500 000 salariés et 12\u{202f}000 cadres. Il recrute 15 000 \
             ouvriers et 15 000 techniciens. En 2019 300 personnes ont signé. Il en voulait \
             15000.",
            Language::French,
        );
        // (Written with a space or without, a number is one entity.)
        assert_found(
            &found,
            &[
                ("1 500 000", Number, 1),
                ("12\u{202f}000", Number, 1),
                ("15 000", Number, 3),
                ("2019", Date, 1),
                ("300", Number, 1),
            ],
        );
        assert!(
            !found.iter().any(|(t, ..)| t == "000" || t == "500"),
            "{found:?}"
        );
        let found = entities("On March 3 100 protesters came. It cost 12\u{a0}000 dollars.");
        assert_found(
            &found,
            &[
                ("March 3", Date, 1),
                ("100", Number, 1),
                ("12\u{a0}000 dollars", Money, 1),
            ],
        );
    }

    #[test]
    fn dates_millions_and_per_cent_are_read_as_each_language_writes_them() {
        use super::EntityKind::{Date, Money, Name, Percent};
        for (text, language, date, amount) in [
            (
                "Le 3 mars 2024, Lyon a voté 15 millions d'euros. Lyon paiera le 3 mars 2024.",
                Language::French,
                "3 mars 2024",
                "15 millions d'euros",
            ),
            (
                "Am 3. März 2024 gab Freiburg 15 Mio. Euro frei. Freiburg zahlt am 3. März 2024.",
                Language::German,
                "3. März 2024",
                "15 Mio. Euro",
            ),
            (
                "El 3 de marzo de 2024 Sevilla aprobó 15 millones de euros. Sevilla pagará el \
                 3 de marzo de 2024.",
                Language::Spanish,
                "3 de marzo de 2024",
                "15 millones de euros",
            ),
            (
                "Em 3 de março de 2024 Lisboa aprovou 15 milhões de euros. Lisboa paga em 3 de \
                 março de 2024.",
                Language::Portuguese,
                "3 de março de 2024",
                "15 milhões de euros",
            ),
            (
                "Il 3 maggio 2024 Torino ha stanziato 15 milioni di euro. Torino pagherà il 3 \
                 maggio 2024.",
                Language::Italian,
                "3 maggio 2024",
                "15 milioni di euro",
            ),
            (
                "Op 3 maart 2024 gaf Utrecht 15 miljoen euro uit. Utrecht betaalt op 3 maart 2024.",
                Language::Dutch,
                "3 maart 2024",
                "15 miljoen euro",
            ),
            (
                "3 марта 2024 года Казань выделила 15 млрд рублей. Казань заплатит 3 марта 2024 \
                 года.",
                Language::Russian,
                "3 марта 2024",
                "15 млрд рублей",
            ),
        ] {
            let found = entities_in(text, language);
            assert_found(&found, &[(date, Date, 2), (amount, Money, 1)]);
            assert!(
                !found.iter().any(|(t, ..)| t == "3" || t == "2024"),
                "{language:?}: {found:?}"
            );
        }
        // Trillions too: "трлн", "Billionen", "billones".
        for (text, language, amount) in [
            (
                "Дорога стоит 1,7 трлн рублей.",
                Language::Russian,
                "1,7 трлн рублей",
            ),
            (
                "Die Schulden betragen 2 Billionen Euro.",
                Language::German,
                "2 Billionen Euro",
            ),
            (
                "La deuda es de 1,5 billones de euros.",
                Language::Spanish,
                "1,5 billones de euros",
            ),
        ] {
            let found = entities_in(text, language);
            assert_found(&found, &[(amount, Money, 1)]);
        }
        let found = entities_in(
            "Инфляция выросла на 5 процентов. Безработица упала на 3 процента. Инфляция 5 процентов.",
            Language::Russian,
        );
        assert_found(&found, &[("5", Percent, 2), ("3", Percent, 1)]);
        let found = entities_in(
            "De inflatie steeg 5 procent, de lonen 5 procent.",
            Language::Dutch,
        );
        assert_found(&found, &[("5", Percent, 2)]);
        // Not in English, where these words are names, nor in capitals where
        // a language writes its months in lower case.
        let found = entities("Bruno Mars sang at the Mayo Clinic. Bruno Mars came back.");
        assert_found(&found, &[("Bruno Mars", Name, 2), ("Mayo Clinic", Name, 1)]);
        let found = entities_in(
            "Der Rover landete 2021 auf dem Mars. Seit dem 18. Februar 2021 fährt er über den \
             Mars. Die NASA steuert ihn.",
            Language::German,
        );
        // (A lone German capital is a name only when a longer one explains it.)
        assert_found(&found, &[("18. Februar 2021", Date, 1)]);
        assert!(!found.iter().any(|(t, ..)| t == "Mars"), "{found:?}");
        let found = entities_in(
            "Julio Cortázar nació en 1914. Julio escribió Rayuela el 3 de mayo de 1963.",
            Language::Spanish,
        );
        assert_found(
            &found,
            &[("Julio Cortázar", Name, 2), ("3 de mayo de 1963", Date, 1)],
        );
        // Capitalised at a sentence's start, such a month opens a date too,
        // but not in the middle of one, where the capital makes it a name.
        let found = entities_in(
            "Mars 2024 a été chaud à Lyon. Julio de 2024 fue caluroso. La sonde Mars 2020 arrive.",
            Language::French,
        );
        assert_found(
            &found,
            &[
                ("Mars 2024", Date, 1),
                ("Julio de 2024", Date, 1),
                ("2020", Date, 1),
            ],
        );
        assert!(!found.iter().any(|(t, ..)| t == "Mars 2020"), "{found:?}");
    }

    #[test]
    fn chinese_japanese_and_korean_dates_are_one_date() {
        use super::EntityKind::{Date, Number};
        let found = entities_in(
            "2024年3月3日，北京宣布投资。3月3日的会上，市长说工程将于2025年完工。2024年15家企业参加了。\
             工程要3年。",
            Language::Chinese,
        );
        assert_found(
            &found,
            &[
                ("2024年3月3日", Date, 1),
                ("3月3日", Date, 1),
                ("2025年", Date, 1),
                ("2024年", Date, 1),
                ("15", Number, 1),
                ("3", Number, 1),
            ],
        );
        let found = entities_in(
            "3月3日の会見で、知事は3月3日に発表した。４月１日に始まる。４月１日です。",
            Language::Japanese,
        );
        assert_found(&found, &[("3月3日", Date, 2), ("４月１日", Date, 2)]);
        // A year in full-width digits is a year too.
        let found = entities_in(
            "２０２４年３月３日に発表した。２０２４ 年。",
            Language::Japanese,
        );
        assert_found(
            &found,
            &[("２０２４年３月３日", Date, 1), ("２０２４", Date, 1)],
        );
        // Four digits among other characters are no year.
        let found = entities("The file 2024_reports was lost. The file 2024_reports was found.");
        assert_found(&found, &[("2024_reports", Number, 2)]);
        let found = entities_in(
            "2024년 3월 3일 서울시가 발표했다. 시장은 2025년에 완공된다고 말했다. 2025년 15명이 \
             환영했다. 공사는 3년 걸린다.",
            Language::Korean,
        );
        assert_found(
            &found,
            &[
                ("2024년 3월 3일", Date, 1),
                ("2025년", Date, 2),
                ("3년", Number, 1),
            ],
        );
        // A day and then a year are two dates: "on the 28th, ... by 2030".
        let found = entities_in(
            "서울시는 28일 2030년까지 완공한다고 밝혔다. 28일 발표는 2030년 완공을 목표로 한다.",
            Language::Korean,
        );
        assert_found(&found, &[("28일", Date, 2), ("2030년", Date, 2)]);
    }

    #[test]
    fn chinese_japanese_and_korean_amounts_keep_their_units() {
        use super::EntityKind::{Money, Number};
        let found = entities_in(
            "北京投资15亿元建设地铁。市长说15亿元是必要的。票价为3元，共有1.5万人参加。",
            Language::Chinese,
        );
        assert_found(
            &found,
            &[
                ("15亿元", Money, 2),
                ("3元", Money, 1),
                ("1.5万", Number, 1),
            ],
        );
        let found = entities_in("東京都は100万円を投資した。", Language::Japanese);
        assert_found(&found, &[("100万円", Money, 1)]);
        // Korean joins the myriad, and maybe the won and a particle, to the
        // number: the amount ends at its unit.
        let found = entities_in(
            "회사는 15억원의 이익을 냈다. 매출은 15억 원이었다. 100만 달러를 받았다. 3만명이 왔다.",
            Language::Korean,
        );
        // (Written with a space or without, an amount is one entity.)
        assert_found(
            &found,
            &[
                ("15억원", Money, 2),
                ("100만 달러", Money, 1),
                ("3만", Number, 1),
            ],
        );
    }

    #[test]
    fn only_an_english_title_case_line_says_nothing_by_its_capitals() {
        // A heading in title case names nothing; a sentence whose lower-case
        // words are longer than a title's small words is no heading.
        assert_eq!(
            names_in("Getting the Material Right", Language::English),
            []
        );
        let found = names_in(
            "The minister spoke on Monday. Or so says Home Secretary Charles Clarke.",
            Language::English,
        );
        assert!(
            found
                .iter()
                .any(|(name, _)| name.ends_with("Charles Clarke")),
            "{found:?}"
        );
        // Spanish, French and German write no title case: "dijo algo" are
        // function words after a name.
        assert_eq!(
            names_in(
                "Ayer habló Pedro Sánchez en Madrid. Pedro Sánchez dijo algo.",
                Language::Spanish
            ),
            [("Pedro Sánchez".to_string(), 2), ("Madrid".to_string(), 1)]
        );
        assert_eq!(
            names_in(
                "Am Montag kam Olaf Scholz. Seit der Zeit in New York war er hier.",
                Language::German
            ),
            [("Olaf Scholz".to_string(), 1), ("New York".to_string(), 1)]
        );
    }

    #[test]
    fn a_date_in_a_title_case_line_is_one_date() {
        let found = entities("Posted on March 3, 2024 by Jane Doe. The plan may 2 times fail.");
        assert!(
            found.contains(&("March 3, 2024".into(), super::EntityKind::Date, 1)),
            "{found:?}"
        );
        assert!(
            !found.iter().any(|(t, ..)| t.starts_with("may")),
            "{found:?}"
        );
    }

    #[test]
    fn a_hyphen_joins_a_name() {
        let found = entities(
            "Jean-Luc Mélenchon spoke in Saint-Denis about Al-Shabaab. Then Mélenchon \
             left Paris - London was next.",
        );
        let names: Vec<(&str, u32)> = found.iter().map(|(t, _, m)| (t.as_str(), *m)).collect();
        assert_eq!(
            names,
            [
                ("Jean-Luc Mélenchon", 2),
                ("Saint-Denis", 1),
                ("Al-Shabaab", 1),
                ("Paris", 1),
                ("London", 1)
            ]
        );
        // And a number: "Covid-19" is one name, not "Covid" and a number 19
        // ("COVID-19" too, an acronym and a number).
        let found = entities(
            "The Covid-19 wave hit Boston in spring. COVID-19 cases fell, and Covid-19 \
             tests were free in Boston. Two F-16 jets flew over it.",
        );
        assert_found(
            &found,
            &[
                ("Covid-19", super::EntityKind::Name, 3),
                ("Boston", super::EntityKind::Name, 2),
            ],
        );
        assert!(
            found.iter().any(|(text, ..)| text.ends_with("F-16")),
            "{found:?}"
        );
        // A Roman numeral ends a name too, but only after a space.
        let found = entities(
            "After World War II, Henry VIII was read again. World War II changed Europe. \
             NATO, II and IV were words.",
        );
        assert_found(
            &found,
            &[
                ("World War II", super::EntityKind::Name, 2),
                ("Henry VIII", super::EntityKind::Name, 1),
                ("NATO", super::EntityKind::Acronym, 1),
            ],
        );
        assert!(
            !found
                .iter()
                .any(|(text, ..)| text == "19" || text == "Covid"),
            "{found:?}"
        );
    }

    #[test]
    fn a_sentence_opener_joins_a_name_only_when_it_may_be_part_of_it() {
        // "Later" is written in lower case elsewhere and "Mélenchon" is a name
        // mid-sentence: the opener is no part of the name. "Barack" is never
        // written in lower case, "al" is a connector, and "New York" is a
        // name mid-sentence too, however often "new" is written.
        let found = entities(
            "Jean-Luc Mélenchon spoke in Lyon. Later Mélenchon met voters, who \
             later left with Mélenchon. Barack Obama came. Obama spoke. Al Qaeda was named; \
             al Qaeda was named again. New York is big. Some new people moved \
             to New York.",
        );
        let names: Vec<(&str, u32)> = found.iter().map(|(t, _, m)| (t.as_str(), *m)).collect();
        assert_eq!(
            names,
            [
                ("Jean-Luc Mélenchon", 3),
                ("Barack Obama", 2),
                ("Al Qaeda", 2),
                ("New York", 2),
                ("Lyon", 1)
            ]
        );
    }

    #[test]
    fn a_plural_that_opens_a_sentence_leaves_of_with_it() {
        // "Shares" is written in lower case elsewhere and "Apple" is a name
        // mid-sentence, so "Shares of Apple" is Apple; "Bank of America"
        // keeps its bank though the text writes "bank" too.
        let found = entities(
            "Shares of Apple rose in New York. Analysts said the shares of Apple \
             were cheap. Bank of America agreed. The bank said Bank of America \
             would buy shares of Apple.",
        );
        let names: Vec<(&str, u32)> = found.iter().map(|(t, _, m)| (t.as_str(), *m)).collect();
        assert_eq!(
            names,
            [("Apple", 3), ("Bank of America", 2), ("New York", 1)]
        );
    }

    #[test]
    fn premier_is_no_title() {
        // "Premier" is no title to drop from a name: "Premier League" is one
        // (and "Premier Li" one with Li).
        let found = entities(
            "Fans watched the Premier League. Premier Li Qiang spoke. Li said the \
             Premier League was popular.",
        );
        let names: Vec<(&str, u32)> = found.iter().map(|(t, _, m)| (t.as_str(), *m)).collect();
        assert_eq!(names, [("Premier League", 2), ("Premier Li Qiang", 2)]);
    }

    #[test]
    fn a_quotation_opens_like_a_sentence_unless_it_is_a_title() {
        // Inside a sentence, a quotation's first word is capitalised whatever
        // it is: "If" is dropped and a lone "Hey" needs a confirmation it never
        // gets. A quoted title keeps its article.
        let found = entities(
            "He said \"If England win, we go home.\" They cheered for England. \
             She shouted \"Hey, stop!\" and ran. They watched \"The Muppets\" and \
             \"The Muppets,\" she said, was fun.",
        );
        let names: Vec<(&str, u32)> = found.iter().map(|(t, _, m)| (t.as_str(), *m)).collect();
        assert_eq!(names, [("England", 2), ("The Muppets", 2)]);
        // A closing quote before a name opens nothing; French guillemets are
        // set off by a no-break space.
        let found = entities_in(
            "Il a crié : «\u{a0}Bonjour à tous\u{a0}» et il a lu «\u{a0}Le Monde\u{a0}». \
             Le \"Weird Al\" Yankovic show and Yankovic himself.",
            Language::French,
        );
        let names: Vec<&str> = found.iter().map(|(t, ..)| t.as_str()).collect();
        assert_eq!(names, ["Yankovic", "Le Monde", "Weird Al"]);
    }

    #[test]
    fn a_word_after_a_leading_credit_opens_the_sentence() {
        // "(CNN)" glued to the first word leaves it second in its sentence.
        let found = entities(
            "(CNN)When Al-Shabaab gunmen attacked, Kenya sent troops. \
             (Reuters)Thousands marched in Nairobi. Al-Shabaab fled from Kenya.",
        );
        let names: Vec<(&str, u32)> = found.iter().map(|(t, _, m)| (t.as_str(), *m)).collect();
        assert_eq!(
            names,
            [("Al-Shabaab", 2), ("Kenya", 2), ("CNN", 1), ("Nairobi", 1)]
        );
    }

    /// A dateline's dash opens the sentence as the credit does, so a name
    /// after it drops its article and chains with its later mentions; an
    /// aside's dash inside a sentence does not ("planes -- Indian planes").
    #[test]
    fn a_word_after_a_dateline_opens_the_sentence() {
        let found = entities(
            "LONDON, England (CNN) -- The White House said on Monday that it would act. \
             Officials at the White House agreed. A few planes -- Indian planes -- landed. \
             TEHRAN (AFP) - The White House was silent.",
        );
        assert_found(
            &found,
            &[
                ("White House", super::EntityKind::Name, 3),
                ("Indian", super::EntityKind::Name, 1),
            ],
        );
        assert!(
            !found.iter().any(|(t, ..)| t == "The White House"),
            "{found:?}"
        );
        let found = entities_in(
            "FREIBURG — Der Gemeinderat der Stadt Freiburg hat entschieden.",
            Language::German,
        );
        assert!(
            !found.iter().any(|(t, ..)| t.starts_with("Der ")),
            "{found:?}"
        );
    }

    #[test]
    fn a_name_does_not_start_with_a_connector() {
        // Dropping "As" and "One" must not leave "of" in front of the name.
        let found = entities(
            "As of Tuesday, Dongguan had grown. One of Dongguan's mayors said so on Tuesday.",
        );
        let names: Vec<(&str, u32)> = found.iter().map(|(t, _, m)| (t.as_str(), *m)).collect();
        assert_eq!(names, [("Dongguan", 2), ("Tuesday", 2)]);
    }

    #[test]
    fn an_article_joins_no_names() {
        // "der", "la", "le" are articles: "Rat der Stadt" is two nouns, not a
        // name; after a connector they are part of one, except in German
        // (where the noun after the article is no part of the name either).
        let found = entities_in(
            "Der Rat der Stadt Bonn tagte. Otto von Bismarck kam. Der Rat der Stadt Bonn ging. \
             Das Geweih von den Ricken fiel.",
            Language::German,
        );
        let names: Vec<&str> = found.iter().map(|(t, ..)| t.as_str()).collect();
        assert_eq!(names, ["Bonn", "Otto von Bismarck"]);
        let found = entities_in(
            "Pedro Sánchez vio a Ursula von der Leyen. Luego von der Leyen habló con Juan de \
             los Santos.",
            Language::Spanish,
        );
        let names: Vec<&str> = found.iter().map(|(t, ..)| t.as_str()).collect();
        assert_eq!(
            names,
            [
                "Ursula von der Leyen",
                "Pedro Sánchez",
                "Juan de los Santos"
            ]
        );
        let found = entities_in(
            "A Versailles le Parlement vote. Emmanuel Macron parle.",
            Language::French,
        );
        let names: Vec<&str> = found.iter().map(|(t, ..)| t.as_str()).collect();
        assert_eq!(names, ["Versailles", "Parlement", "Emmanuel Macron"]);
    }

    #[test]
    fn sentence_start_needs_confirmation() {
        let found = entities("Yesterday it rained. Paris was wet. We love Paris.");
        let names: Vec<&str> = found.iter().map(|(t, ..)| t.as_str()).collect();
        assert_eq!(names, ["Paris"]);
        assert_eq!(found[0].2, 2);
    }

    /// A colon may open a sentence: the word after it is read as a
    /// sentence's first.
    #[test]
    fn a_colon_opens_like_a_sentence() {
        let found = entities(
            "The vote went one way: The Senate passed it. Critics of the Senate objected.",
        );
        assert_eq!(found, [("Senate".to_string(), super::EntityKind::Name, 2)]);
        let found = entities_in(
            "Braunschweig ist ein Standort für Forschung: Im Jahre 2015 wuchs die Stadt.",
            Language::German,
        );
        assert!(!found.iter().any(|(t, ..)| t == "Im Jahre"), "{found:?}");
    }

    /// German capitalises nouns, and any first word: an adjective that opens
    /// a sentence ("Moderne Traktoren") is no name with the noun after it
    /// when the text writes it in lower case too; a name stays one.
    #[test]
    fn a_german_adjective_at_a_sentence_start_makes_no_name() {
        let found = entities_in(
            "Moderne Traktoren ziehen Pflüge. Der Bauer kauft moderne Maschinen. Er mag \
             Traktoren. Karl Drais baute ein Laufrad. Später fuhr Karl Drais damit.",
            Language::German,
        );
        let names: Vec<&str> = found.iter().map(|(t, ..)| t.as_str()).collect();
        assert_eq!(names, ["Karl Drais"]);
    }

    #[test]
    fn ascii_words_have_the_shape_their_lists_give() {
        use crate::lang::word_lists;
        // The recognizer's lists, and the words of news in three languages
        // (stop words of each among them).
        let mut words: Vec<&str> = super::ENTITY_LISTS
            .iter()
            .flat_map(|(_, words)| words.iter().copied())
            .collect();
        for text in [
            include_str!("../tests/fixtures/news-storm.txt"),
            include_str!("../tests/fixtures/news-de.txt"),
            include_str!("../tests/fixtures/news-fr.txt"),
            include_str!("../tests/fixtures/news-earnings.txt"),
        ] {
            words.extend(text.split(|c: char| !c.is_ascii_alphabetic()));
        }
        words.retain(|w| !w.is_empty() && w.bytes().all(|b| b.is_ascii_lowercase()));
        assert!(words.len() > 1000, "{}", words.len());
        for language in Language::ALL {
            for &word in &words {
                let lists = word_lists(word.as_bytes());
                assert_eq!(
                    super::Shape::of_lower_case_ascii(language, lists),
                    super::Shape::of(word, language),
                    "{language:?} {word}"
                );
                // The same word with a capital ("may" and "May").
                let capitalised = word[..1].to_ascii_uppercase() + &word[1..];
                assert_eq!(
                    super::Shape::of_capitalised_ascii(language, lists),
                    super::Shape::of(&capitalised, language),
                    "{language:?} {capitalised}"
                );
            }
        }
    }
}
