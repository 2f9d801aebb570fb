//! JavaScript bindings (built only for wasm32): `summarize`, `segment` and `version`.
//!
//! This is the only module that names `wasm_bindgen`. Everything that crosses
//! from JavaScript is checked here before the core sees it: the wasm build has
//! `panic = "abort"`, so a panic would be an `unreachable` trap. Wrong types
//! throw a `TypeError`, values of the right type outside the allowed range (or
//! set) throw a `RangeError`; both name the option and what it accepts, and the
//! module is left as it was.
//!
//! Results are plain objects in the shape of [`Report`], the same as the CLI's
//! `--format json`, built by a small JavaScript function from rows of numbers,
//! the names of the kinds (the serde names, see `report.rs`) and slices of the
//! caller's string (see `report_object`).

use js_sys::{Array, JsString};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::{
    counted_spans, segment as split, summarize as run, utf16_len, EntityKind, Language, Length,
    Options, Penalty, UnitKind,
};

// Talc rather than std's dlmalloc: a smaller allocator (see Cargo.toml). Freed
// blocks are reused, so the heap of a call on megabytes is not kept growing.
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &'static str = r#"
/** A language code abridge knows (`"und"`: none of them; no stemming or stop words). */
export type LanguageCode =
  | "en" | "de" | "fr" | "es" | "it" | "pt" | "nl" | "ru" | "zh" | "ja" | "ko" | "und";

/** Options shared by every length. */
export interface BaseOptions {
  /**
   * The language: a code (`"en"`, `"pt-BR"`, `"zh_Hans"`), an English name
   * (`"German"`), or `"auto"` (the default) to detect it.
   */
  language?: LanguageCode | "auto" | (string & {}) | undefined;
  /** How strictly near-duplicate sentences are kept out: 0 (never) to 1. Default 0.5. */
  redundancy?: number | undefined;
  /** How many keywords to return: a whole number ≥ 0. Default 10. */
  keywords?: number | undefined;
  /** How many entities to return: a whole number ≥ 0. Default 10. */
  entities?: number | undefined;
}

/** At most this many sentences: a whole number ≥ 1 (the default is 3 sentences). */
export interface SentencesOption { sentences?: number | undefined; ratio?: undefined; words?: undefined; chars?: undefined }
/** This fraction of the sentences, in (0, 1], rounded, at least one. */
export interface RatioOption { ratio: number; sentences?: undefined; words?: undefined; chars?: undefined }
/** At most this many words: a whole number ≥ 1 (when no sentence fits, the shortest). */
export interface WordsOption { words: number; sentences?: undefined; ratio?: undefined; chars?: undefined }
/**
 * At most this many characters (Unicode scalar values) in `summary`, spaces between
 * sentences included: a whole number ≥ 1 (when no sentence fits, the shortest).
 */
export interface CharsOption { chars: number; sentences?: undefined; ratio?: undefined; words?: undefined }

/**
 * Options of `summarize`: at most one length (`sentences`, `ratio`, `words` or
 * `chars`) plus the shared knobs. Unknown keys are rejected.
 */
export type SummarizeOptions =
  BaseOptions & (SentencesOption | RatioOption | WordsOption | CharsOption);

/** Options of `segment`. */
export interface SegmentOptions {
  /** As in `SummarizeOptions`: a code, a name or `"auto"`. */
  language?: LanguageCode | "auto" | (string & {}) | undefined;
}

export type UnitKind = "sentence" | "heading" | "listItem" | "code" | "timestamp" | "reference";
export type Penalty =
  | "fragment" | "heading" | "runOn" | "question" | "quote" | "dangling" | "boilerplate";
export type TextKind = "short" | "news" | "sectioned" | "conversation";
export type EntityKind = "name" | "acronym" | "number" | "money" | "percent" | "date";

/** Why a sentence scored as it did; each feature is scaled to [0, 1] within the text. */
export interface Features {
  salience: number;
  centrality: number;
  entities: number;
  position: number;
  quality: number;
  penalties: Penalty[];
}

/** One sentence of the text. `text.slice(start, end) === sentence.text`. */
export interface Sentence {
  text: string;
  /** UTF-16 offsets (what `String.prototype.slice` takes). */
  start: number;
  end: number;
  /** UTF-8 byte offsets. */
  byteStart: number;
  byteEnd: number;
  /** Paragraph number, from 0. */
  paragraph: number;
  kind: UnitKind;
  words: number;
  score: number;
  /** Whether the sentence is part of the summary. */
  selected: boolean;
  features: Features;
}

export interface Keyword {
  text: string;
  count: number;
  score: number;
}

export interface Entity {
  text: string;
  kind: EntityKind;
  mentions: number;
  weight: number;
}

export interface Stats {
  sentencesIn: number;
  sentencesOut: number;
  wordsIn: number;
  wordsOut: number;
  charsIn: number;
  charsOut: number;
}

/** The result of `summarize`. */
export interface Summary {
  /** The selected sentences, in document order, joined by a space (by nothing in Chinese and Japanese). */
  summary: string;
  /** Every sentence of the text, selected or not. */
  sentences: Sentence[];
  keywords: Keyword[];
  entities: Entity[];
  language: LanguageCode;
  kind: TextKind;
  stats: Stats;
}

/** One sentence from `segment`. `text.slice(start, end) === segment.text`. */
export interface Segment {
  text: string;
  start: number;
  end: number;
  byteStart: number;
  byteEnd: number;
  paragraph: number;
  kind: UnitKind;
}
"#;

/// The options `summarize` takes, in the order error messages list them,
/// separated by spaces (as `readOptions` takes them).
const SUMMARIZE_KEYS: &str = "sentences ratio words chars language redundancy keywords entities";
const SEGMENT_KEYS: &str = "language";

/// Summarizes `text`: every sentence with its score and features, the chosen
/// ones marked `selected` and joined in `summary`, plus keywords and entities.
#[wasm_bindgen(js_name = summarize, unchecked_return_type = "Summary")]
pub fn js_summarize(
    #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "SummarizeOptions | null")] options: JsValue,
) -> Result<JsValue, JsValue> {
    let source = text_arg(&text)?;
    let options = summarize_options(&options, source.len())?;
    // The core's own check failed: a backstop, every option is checked above first.
    let summary = run(&source, &options).map_err(|e| core_error(e.option(), e.is_range()))?;
    Ok(report_object(text.unchecked_ref(), &summary))
}

// Builds the report in JavaScript: the sentences from a row of numbers each
// and slices of the caller's string, the keywords and entities from rows of
// numbers and one string of their texts. A field at a time across the
// boundary (serde-wasm-bindgen) was a third of a call on 1 MB of English, and
// its serializers were 4.3 KiB of the gzipped wasm and glue. The objects have the shape
// and the key order of the CLI's `--format json` (`Report`); the tests in
// tests/js compare the two. Rows of `SEGMENT_COLUMNS` whole numbers make
// `segment`'s objects; rows of `SENTENCE_COLUMNS` whole numbers and
// `FRACTION_COLUMNS` fractions (the scores and features) the report's, with
// the penalty codes in order. Names come as one string each, separated by
// spaces. The whole numbers come as a Uint32Array, not with the fractions as
// doubles: V8 keeps every double-valued property in a box of its own, and a
// field that once held a double stays one, so offsets read from a
// Float64Array made ten allocations a sentence. Split, the objects of 1 MB of
// Chinese (12,688 sentences) took 1.8 ms instead of 3.7. `reportObject` builds
// the sentences itself and collects the selected texts as it goes (`chosen`):
// filtering the finished objects for the summary was 1.4% of a German call.
// The sentence array is made at its length and a penalty list at its first
// entry: grown by `push`, they left 59 bytes a sentence of spare capacity
// and copies (454 -> 395 bytes a sentence on 10 MB of English), and on
// 10 MB the result overflows V8's young generation, whose scavenges copy
// every byte of it (best call 187-191 -> 169-172 ms in scripts/bench-wasm.mjs).
#[wasm_bindgen(inline_js = r#"
export function sentenceObjects(text, whole, columns, fractions, penalties, kindNames, penaltyNames,
    chosen) {
  const sentences = new Array(whole.length / columns), kinds = kindNames.split(" ");
  const penaltyName = penaltyNames.split(" ");
  for (let at = 0, i = 0, f = 0, p = 0; at < whole.length; at += columns, i++, f += 6) {
    const start = whole[at], end = whole[at + 1];
    const spanText = text.slice(start, end), kind = kinds[whole[at + 5]];
    if (columns === 6) {
      sentences[i] = {
        text: spanText, start, end, byteStart: whole[at + 2], byteEnd: whole[at + 3],
        paragraph: whole[at + 4], kind,
      };
      continue;
    }
    const count = whole[at + 8], selected = whole[at + 7] !== 0;
    const marked = count === 0 ? [] : [penaltyName[penalties[p++]]];
    for (let k = count - 1; k > 0; k--) marked.push(penaltyName[penalties[p++]]);
    if (selected) chosen.push(spanText);
    sentences[i] = {
      text: spanText, start, end, byteStart: whole[at + 2], byteEnd: whole[at + 3],
      paragraph: whole[at + 4], kind, words: whole[at + 6], score: fractions[f],
      selected,
      features: {
        salience: fractions[f + 1], centrality: fractions[f + 2], entities: fractions[f + 3],
        position: fractions[f + 4], quality: fractions[f + 5], penalties: marked,
      },
    };
  }
  return sentences;
}

export function reportObject(text, whole, columns, fractions, penalties, kindNames, penaltyNames,
    separator, texts, keywordRows, entityRows, entityKindNames, language, kind, stats) {
  const chosen = [];
  const sentences = sentenceObjects(text, whole, columns, fractions, penalties, kindNames,
    penaltyNames, chosen);
  const keywords = [], entities = [], entityKinds = entityKindNames.split(" ");
  let at = 0;
  for (let i = 0; i < keywordRows.length; i += 3) {
    const text = texts.slice(at, at += keywordRows[i]);
    keywords.push({ text, count: keywordRows[i + 1], score: keywordRows[i + 2] });
  }
  for (let i = 0; i < entityRows.length; i += 4) {
    const text = texts.slice(at, at += entityRows[i]);
    entities.push({
      text, kind: entityKinds[entityRows[i + 1]], mentions: entityRows[i + 2],
      weight: entityRows[i + 3],
    });
  }
  const summary = chosen.join(separator);
  return {
    summary, sentences, keywords, entities, language, kind,
    stats: {
      sentencesIn: stats[0], sentencesOut: stats[1], wordsIn: stats[2], wordsOut: stats[3],
      charsIn: stats[4], charsOut: stats[5],
    },
  };
}
"#)]
extern "C" {
    #[wasm_bindgen(js_name = sentenceObjects)]
    fn build_sentence_objects(
        text: &JsString,
        whole: &[u32],
        columns: usize,
        fractions: &[f64],
        penalties: &[u8],
        kind_names: &str,
        penalty_names: &str,
    ) -> Array;

    #[wasm_bindgen(js_name = reportObject)]
    #[allow(clippy::too_many_arguments)]
    fn build_report_object(
        text: &JsString,
        whole: &[u32],
        columns: usize,
        fractions: &[f64],
        penalties: &[u8],
        kind_names: &str,
        penalty_names: &str,
        separator: &str,
        texts: &str,
        keyword_rows: &[f64],
        entity_rows: &[f64],
        entity_kind_names: &str,
        language: &str,
        kind: &str,
        stats: &[f64],
    ) -> JsValue;
}

const SEGMENT_COLUMNS: usize = 6;
const SENTENCE_COLUMNS: usize = 9;
const FRACTION_COLUMNS: usize = 6;

/// The unit kinds, penalties and entity kinds in the order of their codes
/// (`kind_code`, `penalty_code`, `entity_kind_code`).
const KINDS: [UnitKind; 6] = [
    UnitKind::Sentence,
    UnitKind::Heading,
    UnitKind::ListItem,
    UnitKind::Code,
    UnitKind::Timestamp,
    UnitKind::Reference,
];
const PENALTIES: [Penalty; 7] = [
    Penalty::Fragment,
    Penalty::Heading,
    Penalty::RunOn,
    Penalty::Question,
    Penalty::Quote,
    Penalty::Dangling,
    Penalty::Boilerplate,
];
const ENTITY_KINDS: [EntityKind; 6] = [
    EntityKind::Name,
    EntityKind::Acronym,
    EntityKind::Number,
    EntityKind::Money,
    EntityKind::Percent,
    EntityKind::Date,
];

fn kind_code(kind: UnitKind) -> u8 {
    match kind {
        UnitKind::Sentence => 0,
        UnitKind::Heading => 1,
        UnitKind::ListItem => 2,
        UnitKind::Code => 3,
        UnitKind::Timestamp => 4,
        UnitKind::Reference => 5,
    }
}

fn penalty_code(penalty: Penalty) -> u8 {
    match penalty {
        Penalty::Fragment => 0,
        Penalty::Heading => 1,
        Penalty::RunOn => 2,
        Penalty::Question => 3,
        Penalty::Quote => 4,
        Penalty::Dangling => 5,
        Penalty::Boilerplate => 6,
    }
}

fn entity_kind_code(kind: EntityKind) -> u8 {
    match kind {
        EntityKind::Name => 0,
        EntityKind::Acronym => 1,
        EntityKind::Number => 2,
        EntityKind::Money => 3,
        EntityKind::Percent => 4,
        EntityKind::Date => 5,
    }
}

/// The names of `names`' items, in order, separated by spaces.
fn names<T: Copy>(names: &[T], name: fn(T) -> &'static str) -> String {
    // A loop, not `join`: the wasm then links no `join` (0.2 KB gzipped).
    let mut out = String::new();
    for &item in names {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(name(item));
    }
    out
}

/// The columns every row starts with (`segment`'s whole row): UTF-16 and byte
/// offsets, paragraph and kind code. A `usize` is a `u32` in wasm32.
fn span_columns(
    utf16: [usize; 2],
    bytes: [usize; 2],
    paragraph: usize,
    kind: UnitKind,
) -> [u32; SEGMENT_COLUMNS] {
    [
        utf16[0] as u32,
        utf16[1] as u32,
        bytes[0] as u32,
        bytes[1] as u32,
        paragraph as u32,
        u32::from(kind_code(kind)),
    ]
}

/// The report object of `summary`: its sentences from rows of numbers and
/// slices of `text` (the caller's string), so that lone surrogates in it stay
/// as they were (the text the core saw had U+FFFD in their place) in the
/// sentences and the summary joined from them.
fn report_object(text: &JsString, summary: &crate::Summary) -> JsValue {
    let count = summary.sentences.len();
    let mut whole = Vec::with_capacity(count * SENTENCE_COLUMNS);
    let mut fractions = Vec::with_capacity(count * FRACTION_COLUMNS);
    let mut penalties = Vec::new();
    for s in &summary.sentences {
        let f = &s.features;
        whole.extend_from_slice(&span_columns(
            [s.utf16.start, s.utf16.end],
            [s.bytes.start, s.bytes.end],
            s.paragraph,
            s.kind,
        ));
        whole.extend_from_slice(&[
            s.words as u32,
            u32::from(s.selected),
            f.penalties.len() as u32,
        ]);
        fractions.extend_from_slice(&[
            s.score,
            f.salience,
            f.centrality,
            f.entities,
            f.position,
            f.quality,
        ]);
        penalties.extend(f.penalties.iter().map(|&p| penalty_code(p)));
    }
    let separator = if summary.language.uses_spaces() {
        " "
    } else {
        ""
    };
    let mut texts = String::new();
    let mut keyword_rows = Vec::with_capacity(3 * summary.keywords.len());
    for keyword in &summary.keywords {
        texts.push_str(&keyword.text);
        keyword_rows.extend_from_slice(&[
            utf16_len(&keyword.text) as f64,
            f64::from(keyword.count),
            keyword.score,
        ]);
    }
    let mut entity_rows = Vec::with_capacity(4 * summary.entities.len());
    for entity in &summary.entities {
        texts.push_str(&entity.text);
        entity_rows.extend_from_slice(&[
            utf16_len(&entity.text) as f64,
            f64::from(entity_kind_code(entity.kind)),
            f64::from(entity.mentions),
            entity.weight,
        ]);
    }
    let stats = &summary.stats;
    build_report_object(
        text,
        &whole,
        SENTENCE_COLUMNS,
        &fractions,
        &penalties,
        &names(&KINDS, UnitKind::name),
        &names(&PENALTIES, Penalty::name),
        separator,
        &texts,
        &keyword_rows,
        &entity_rows,
        &names(&ENTITY_KINDS, EntityKind::name),
        summary.language.code(),
        summary.kind.name(),
        &[
            stats.sentences_in as f64,
            stats.sentences_out as f64,
            stats.words_in as f64,
            stats.words_out as f64,
            stats.chars_in as f64,
            stats.chars_out as f64,
        ],
    )
}

/// Splits `text` into sentences with their spans, without scoring them.
#[wasm_bindgen(js_name = segment, unchecked_return_type = "Segment[]")]
pub fn js_segment(
    #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "SegmentOptions | null")] options: JsValue,
) -> Result<JsValue, JsValue> {
    let source = text_arg(&text)?;
    let language = if read_options(&options, SEGMENT_KEYS, 0)?.is_some() {
        language_option(&options)?
    } else {
        None
    };
    let language = language.unwrap_or_else(|| crate::detect_language(&source));
    let spans = split(&source, language);
    let (_, utf16) = counted_spans(&source, &spans);
    let mut whole = Vec::with_capacity(spans.len() * SEGMENT_COLUMNS);
    for (s, utf16) in spans.iter().zip(utf16) {
        whole.extend_from_slice(&span_columns(
            [utf16.start, utf16.end],
            [s.start, s.end],
            s.paragraph,
            s.kind,
        ));
    }
    Ok(build_sentence_objects(
        text.unchecked_ref(),
        &whole,
        SEGMENT_COLUMNS,
        &[],
        &[],
        &names(&KINDS, UnitKind::name),
        "",
    )
    .into())
}

/// The version of abridge (the crate's, which is also the npm package's).
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").into()
}

fn text_arg(text: &JsValue) -> Result<String, JsValue> {
    text.as_string().ok_or_else(|| text_error(text))
}

// The options are read and checked in JavaScript, where the checks and their
// messages are a fraction of the size they were in the wasm (wasm + glue
// 1.2 KiB of gzip less). `readOptions` checks that `options` is a plain object
// with known keys only, then reads and checks the given keys in order (each
// property is read once: getters run once), returning the numbers; `language`
// is left to Rust (`language_option`), which knows the languages. Each throws
// the `TypeError` or `RangeError` that names the option; `catch` passes it on
// instead of unwinding through the wasm. The errors Rust throws are made here too.
#[wasm_bindgen(inline_js = r#"
const MAX_QUOTED = 40;
// `s` in quotes, cut short when long (a 20 MB option value stays out of a message).
export function quote(s) {
  const chars = Array.from(s);
  return chars.length <= MAX_QUOTED
    ? `"${s}"`
    : `"${chars.slice(0, MAX_QUOTED).join("")}"… (${chars.length} characters)`;
}

export function describe(value) {
  if (value === undefined) return "undefined";
  if (value === null) return "null";
  switch (typeof value) {
    case "number": return `the number ${value}`;
    case "boolean": return `the boolean ${value}`;
    case "string": return `the string ${quote(value)}`;
    case "function": return "a function";
    case "bigint": return "a bigint";
    case "symbol": return "a symbol";
  }
  let array = false;
  try { array = Array.isArray(value); } catch { /* a revoked proxy: an object */ }
  return array ? "an array" : "an object";
}

function distance(a, b) {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  let i = 0;
  for (const ca of a) {
    let previous = row[0];
    row[0] = ++i;
    for (let j = 0; j < b.length; j++) {
      const substitute = previous + (ca === b[j] ? 0 : 1);
      previous = row[j + 1];
      row[j + 1] = Math.min(substitute, row[j] + 1, previous + 1);
    }
  }
  return row[b.length];
}

function suggest(key, known) {
  if (key.length > 32) return undefined;
  let best, bestDistance = 3;
  for (const k of known) {
    const d = distance(key.toLowerCase(), k);
    if (d < bestDistance) [best, bestDistance] = [k, d];
  }
  return best;
}

const fail = (Error, name, allowed, got) =>
  new Error(`abridge: option "${name}" must be ${allowed}, got ${got}`);

function count(name, value, min) {
  const allowed = `a whole number ≥ ${min}`;
  if (typeof value !== "number") throw fail(TypeError, name, allowed, describe(value));
  if (!Number.isInteger(value) || value < min) throw fail(RangeError, name, allowed, value);
  return value;
}

function fraction(name, value, allowed, inRange) {
  if (typeof value !== "number") throw fail(TypeError, name, allowed, describe(value));
  if (!inRange(value)) throw fail(RangeError, name, allowed, value);
  return value;
}

// The languages as `Language::ALL` has them, by code and by English name
// (`Language::from_code`, spelt out: a test checks that they agree).
const CODES = "en de fr es it pt nl ru zh ja ko und";
const NAMES = "english german french spanish italian portuguese dutch russian chinese japanese korean other";
const LANGUAGES = `"auto" or one of ${CODES.replaceAll(" ", ", ")} (or an English name such as "German")`;
// Rust's `char::is_whitespace`, which `trim` does not quite match.
const SPACES = /^[\t-\r \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+|[\t-\r \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+$/g;

// `options.language` as a number: 0 when absent or "auto" (detect), else 1 +
// the language's place in `Language::ALL`, found by its code (case aside, a
// region or script after "-" or "_" ignored: "pt-BR", "zh_Hans") or its English
// name; anything else throws `languageError`.
export function languageOf(options) {
  const value = options.language;
  if (value === undefined) return 0;
  if (typeof value !== "string") throw languageError(value);
  const code = value.replace(SPACES, "").replace(/[A-Z]/g, (c) => c.toLowerCase());
  if (code === "auto") return 0;
  const byCode = CODES.split(" ").indexOf(code.split(/[-_]/)[0]);
  const place = byCode < 0 ? NAMES.split(" ").indexOf(code) : byCode;
  if (place < 0) throw languageError(value);
  return place + 1;
}

// The errors thrown are made here: made in Rust, each message would be a string
// built in the wasm and each class an import of its own.
export function textError(value) {
  return new TypeError(`abridge: the text must be a string, got ${describe(value)}`);
}

export function languageError(value) {
  return typeof value === "string"
    ? new RangeError(`abridge: option "language" must be ${LANGUAGES}; got ${quote(value)}`)
    : new TypeError(`abridge: option "language" must be a string: ${LANGUAGES}; got ${describe(value)}`);
}

export function coreError(option, range) {
  return range
    ? new RangeError(`abridge: option "${option}" is out of range`)
    : new TypeError(`abridge: option "${option}" is not valid`);
}

const RATIO = "a number in (0, 1], such as 0.2 for a fifth of the sentences";
const REDUNDANCY = "a number in [0, 1] (0: allow repeats, 1: strict)";
const LENGTHS = ["sentences", "ratio", "words", "chars"];

// `options` (undefined, null or an object of `known` keys, separated by spaces)
// read as numbers: [length (0: none, 1 + its place in LENGTHS), its value,
// redundancy (NaN: unset), keywords, entities (-1: unset)]; `language` is read
// by the caller, between the length and the rest, as before.
export function readOptions(options, knownKeys, part) {
  if (options === undefined || options === null) return undefined;
  if (typeof options !== "object" || describe(options) === "an array") {
    throw new TypeError(
      `abridge: options must be an object such as { sentences: 3 }, got ${describe(options)}`);
  }
  const known = knownKeys.split(" ");
  if (part === 0) {
    const unknown = Object.keys(options).filter((key) => !known.includes(key));
    if (unknown.length > 0) {
      const near = suggest(unknown[0], known);
      throw new TypeError(
        `abridge: unknown option${unknown.length === 1 ? "" : "s"} ` +
        unknown.slice(0, 5).map(quote).join(", ") + (unknown.length > 5 ? ", ..." : "") +
        (near ? ` (did you mean "${near}"?)` : "") + `; known options: ${known.join(", ")}`);
    }
    if (!known.includes("sentences")) return [0, 0];
    let length = 0, value = 0;
    for (const [i, name] of LENGTHS.entries()) {
      const given = options[name];
      if (given === undefined) continue;
      const checked = name === "ratio"
        ? fraction(name, given, RATIO, (r) => r > 0 && r <= 1)
        : count(name, given, 1);
      if (length) {
        throw new TypeError(`abridge: options "${LENGTHS[length - 1]}" and "${name}" both set ` +
          "the length; give only one of sentences, ratio, words, chars");
      }
      [length, value] = [i + 1, checked];
    }
    return [length, value];
  }
  const redundancy = options.redundancy, keywords = options.keywords, entities = options.entities;
  return [
    redundancy === undefined ? NaN
      : fraction("redundancy", redundancy, REDUNDANCY, (x) => x >= 0 && x <= 1),
    keywords === undefined ? -1 : count("keywords", keywords, 0),
    entities === undefined ? -1 : count("entities", entities, 0),
  ];
}
"#)]
extern "C" {
    /// A value for an error message: its type, and the value when it is short.
    #[cfg(test)]
    fn describe(value: &JsValue) -> String;
    /// The `TypeError` for a text that is not a string.
    #[wasm_bindgen(js_name = textError)]
    fn text_error(value: &JsValue) -> JsValue;
    /// The error for a `language` option that is not a string or not a language.
    #[cfg(test)]
    #[wasm_bindgen(js_name = languageError)]
    fn language_error(value: &JsValue) -> JsValue;
    /// The error for an option the core rejected (`Error::option`, `Error::is_range`).
    #[wasm_bindgen(js_name = coreError)]
    fn core_error(option: &str, range: bool) -> JsValue;
    /// `options.language`: 0 to detect, else 1 + the place in `Language::ALL`
    /// (`options` is an object: `readOptions` checked it).
    #[wasm_bindgen(js_name = languageOf, catch)]
    fn language_of(options: &JsValue) -> Result<u32, JsValue>;
    /// Part 0: the keys checked, and the length; part 1: the other numbers.
    #[wasm_bindgen(js_name = readOptions, catch)]
    fn read_options(
        options: &JsValue,
        known_keys: &str,
        part: u8,
    ) -> Result<Option<Vec<f64>>, JsValue>;
}

fn summarize_options(options: &JsValue, text_len: usize) -> Result<Options, JsValue> {
    let mut result = Options::default();
    let Some(length) = read_options(options, SUMMARIZE_KEYS, 0)? else {
        return Ok(result);
    };
    // Counts beyond what the text can hold mean "everything": clamp them so the
    // core never sees a number it could overflow on. A text of n bytes has at
    // most n characters, words and sentences. (`as` saturates.)
    let everything = text_len.saturating_add(1);
    let clamp = |n: f64| (n as usize).min(everything);
    if let [kind, value] = length[..] {
        result = match kind as u8 {
            1 => result.length(Length::Sentences(clamp(value))),
            2 => result.length(Length::Ratio(value)),
            3 => result.length(Length::Words(clamp(value))),
            4 => result.length(Length::Chars(clamp(value))),
            _ => result,
        };
    }
    result = result.with_language(language_option(options)?);
    if let [redundancy, keywords, entities] =
        read_options(options, SUMMARIZE_KEYS, 1)?.unwrap_or_default()[..]
    {
        if !redundancy.is_nan() {
            result = result.redundancy(redundancy);
        }
        if keywords >= 0.0 {
            result = result.keywords(clamp(keywords));
        }
        if entities >= 0.0 {
            result = result.entities(clamp(entities));
        }
    }
    // Everything was checked above; `summarize` checks again, as a backstop.
    Ok(result)
}

/// The `language` option: `None` when absent or `"auto"` (detect), else a known
/// language. A getter may throw, and a value that is no language does: the
/// error is passed on.
fn language_option(options: &JsValue) -> Result<Option<Language>, JsValue> {
    let place = language_of(options)? as usize;
    Ok(Language::ALL.get(place.wrapping_sub(1)).copied())
}

/// wasm-bindgen-test tests of the bindings, run in Node and in headless Chromium
/// (`scripts/test.sh` runs this test binary twice, the second time with
/// `WASM_BINDGEN_USE_BROWSER=1`). They live here because the module is private
/// to the crate; the JavaScript-side tests are in tests/js/.
#[cfg(test)]
mod tests {
    use super::*;
    use js_sys::{Function, Object, RangeError, Reflect, TypeError};
    use wasm_bindgen_test::wasm_bindgen_test;

    const NEWS: &str = "Kim Jong Un left Beijing on Wednesday after talks with Xi Jinping. \
        The weather was mild. Kim and Xi discussed a second summit with Trump. \
        A band played at the station. Officials said the talks went well. \
        North Korea did not comment on the visit.";

    fn object(pairs: &[(&str, JsValue)]) -> JsValue {
        let object = Object::new();
        for (key, value) in pairs {
            Reflect::set(&object, &JsValue::from_str(key), value).unwrap();
        }
        object.into()
    }

    fn get(value: &JsValue, key: &str) -> JsValue {
        Reflect::get(value, &JsValue::from_str(key)).unwrap()
    }

    fn js(source: &str) -> JsValue {
        Function::new_no_args(&format!("return {source}"))
            .call0(&JsValue::UNDEFINED)
            .unwrap()
    }

    /// The error's class and message.
    fn thrown(result: Result<JsValue, JsValue>) -> (&'static str, String) {
        let error = result.expect_err("expected an error");
        let class = if error.is_instance_of::<RangeError>() {
            "RangeError"
        } else if error.is_instance_of::<TypeError>() {
            "TypeError"
        } else {
            "other"
        };
        let message = get(&error, "message").as_string().unwrap_or_default();
        (class, message)
    }

    fn summary_text(value: &JsValue) -> String {
        get(value, "summary").as_string().unwrap()
    }

    fn json(value: &JsValue) -> String {
        js_sys::JSON::stringify(value).unwrap().into()
    }

    #[wasm_bindgen_test]
    fn summarize_returns_plain_objects_in_the_report_shape() {
        let result = js_summarize(NEWS.into(), JsValue::UNDEFINED).unwrap();
        let keys: Vec<String> = Object::keys(result.unchecked_ref::<Object>())
            .iter()
            .map(|k| k.as_string().unwrap())
            .collect();
        assert_eq!(
            keys,
            [
                "summary",
                "sentences",
                "keywords",
                "entities",
                "language",
                "kind",
                "stats"
            ]
        );
        let prototype = Object::get_prototype_of(&result);
        assert!(JsValue::from(prototype).loose_eq(&js("Object.prototype")));
        let sentences: Array = get(&result, "sentences").unchecked_into();
        assert_eq!(sentences.length(), 6);
        let first = sentences.get(0);
        assert!(get(&first, "selected").as_bool().unwrap());
        assert!(get(&first, "score").as_f64().unwrap().is_finite());
        assert!(get(&get(&first, "features"), "penalties").is_array());
        assert_eq!(get(&result, "language").as_string().unwrap(), "en");
        let selected = sentences
            .iter()
            .filter(|s| get(s, "selected").as_bool().unwrap())
            .count();
        assert_eq!(selected, 3, "three sentences by default");
    }

    #[wasm_bindgen_test]
    fn options_choose_the_length() {
        let count = |options: JsValue| {
            let result = js_summarize(NEWS.into(), options).unwrap();
            get(&get(&result, "stats"), "sentencesOut")
                .as_f64()
                .unwrap()
        };
        assert_eq!(count(object(&[("sentences", 1.into())])), 1.0);
        assert_eq!(count(object(&[("sentences", 2.into())])), 2.0);
        assert_eq!(count(object(&[("ratio", 0.5.into())])), 3.0);
        assert_eq!(count(JsValue::NULL), 3.0);
        assert_eq!(count(object(&[("sentences", JsValue::UNDEFINED)])), 3.0);
        let huge = count(object(&[
            ("sentences", 1e12.into()),
            ("redundancy", 0.into()),
        ]));
        assert_eq!(huge, 6.0, "a huge count means everything");
        let everything = object(&[("words", 1e300.into()), ("redundancy", 0.into())]);
        assert_eq!(count(everything), 6.0);
        assert_eq!(count(object(&[("chars", 70.into())])), 1.0);
        let german = object(&[("language", "German".into()), ("keywords", 0.into())]);
        let result = js_summarize(NEWS.into(), german).unwrap();
        assert_eq!(get(&result, "language").as_string().unwrap(), "de");
        assert_eq!(Array::from(&get(&result, "keywords")).length(), 0);
    }

    #[wasm_bindgen_test]
    fn bad_arguments_throw_type_or_range_errors_naming_the_option() {
        let long = "x".repeat(20_000_000);
        let cases: Vec<(JsValue, JsValue, &str, &str)> = vec![
            // text
            (JsValue::NULL, JsValue::UNDEFINED, "TypeError", "text"),
            (JsValue::UNDEFINED, JsValue::UNDEFINED, "TypeError", "text"),
            (5.into(), JsValue::UNDEFINED, "TypeError", "text"),
            (js("[1, 2]"), JsValue::UNDEFINED, "TypeError", "text"),
            (js("{ text: 'a' }"), JsValue::UNDEFINED, "TypeError", "text"),
            // the options object
            (NEWS.into(), 5.into(), "TypeError", "options"),
            (NEWS.into(), "sentences".into(), "TypeError", "options"),
            (NEWS.into(), js("[3]"), "TypeError", "options"),
            (NEWS.into(), true.into(), "TypeError", "options"),
            (
                NEWS.into(),
                js("{ nested: { junk: [1, {}] } }"),
                "TypeError",
                "nested",
            ),
            (
                NEWS.into(),
                js("{ sentence: 3 }"),
                "TypeError",
                "did you mean \"sentences\"",
            ),
            // counts
            (
                NEWS.into(),
                object(&[("sentences", f64::NAN.into())]),
                "RangeError",
                "sentences",
            ),
            (
                NEWS.into(),
                object(&[("sentences", f64::INFINITY.into())]),
                "RangeError",
                "sentences",
            ),
            (
                NEWS.into(),
                object(&[("sentences", (-1).into())]),
                "RangeError",
                "≥ 1",
            ),
            (
                NEWS.into(),
                object(&[("sentences", 0.into())]),
                "RangeError",
                "sentences",
            ),
            (
                NEWS.into(),
                object(&[("sentences", 2.5.into())]),
                "RangeError",
                "whole number",
            ),
            (
                NEWS.into(),
                object(&[("sentences", "3".into())]),
                "TypeError",
                "sentences",
            ),
            (
                NEWS.into(),
                object(&[("sentences", JsValue::NULL)]),
                "TypeError",
                "sentences",
            ),
            (
                NEWS.into(),
                object(&[("sentences", js("{ a: [1] }"))]),
                "TypeError",
                "sentences",
            ),
            (
                NEWS.into(),
                object(&[("words", (-1e12).into())]),
                "RangeError",
                "words",
            ),
            (
                NEWS.into(),
                object(&[("chars", f64::NEG_INFINITY.into())]),
                "RangeError",
                "chars",
            ),
            (
                NEWS.into(),
                object(&[("keywords", (-1).into())]),
                "RangeError",
                "keywords",
            ),
            (
                NEWS.into(),
                object(&[("entities", f64::NAN.into())]),
                "RangeError",
                "entities",
            ),
            (
                NEWS.into(),
                object(&[("entities", js("10n"))]),
                "TypeError",
                "entities",
            ),
            // ratio and redundancy
            (
                NEWS.into(),
                object(&[("ratio", 0.into())]),
                "RangeError",
                "(0, 1]",
            ),
            (
                NEWS.into(),
                object(&[("ratio", 1.5.into())]),
                "RangeError",
                "ratio",
            ),
            (
                NEWS.into(),
                object(&[("ratio", f64::NAN.into())]),
                "RangeError",
                "ratio",
            ),
            (
                NEWS.into(),
                object(&[("ratio", "half".into())]),
                "TypeError",
                "ratio",
            ),
            (
                NEWS.into(),
                object(&[("redundancy", 2.into())]),
                "RangeError",
                "[0, 1]",
            ),
            (
                NEWS.into(),
                object(&[("redundancy", (-0.1).into())]),
                "RangeError",
                "redundancy",
            ),
            (
                NEWS.into(),
                object(&[("redundancy", js("[0.5]"))]),
                "TypeError",
                "redundancy",
            ),
            // two lengths
            (
                NEWS.into(),
                object(&[("sentences", 2.into()), ("words", 10.into())]),
                "TypeError",
                "\"sentences\" and \"words\"",
            ),
            // language
            (
                NEWS.into(),
                object(&[("language", 5.into())]),
                "TypeError",
                "language",
            ),
            (
                NEWS.into(),
                object(&[("language", "klingon".into())]),
                "RangeError",
                "en, de",
            ),
            (
                NEWS.into(),
                object(&[("language", long.as_str().into())]),
                "RangeError",
                "20000000 characters",
            ),
        ];
        let good = summary_text(&js_summarize(NEWS.into(), JsValue::UNDEFINED).unwrap());
        for (text, options, class, needle) in cases {
            let label = format!("summarize({}, {})", describe(&text), describe(&options));
            let (got_class, message) = thrown(js_summarize(text, options));
            assert_eq!(got_class, class, "{label}: {message}");
            assert!(
                message.contains(needle),
                "{label}: {message:?} lacks {needle:?}"
            );
            assert!(message.len() < 400, "{label}: message too long");
            // The module keeps working, and gives the same answer as before.
            let again = summary_text(&js_summarize(NEWS.into(), JsValue::UNDEFINED).unwrap());
            assert_eq!(again, good, "after {label}");
        }
    }

    #[wasm_bindgen_test]
    fn a_getter_that_throws_passes_its_error_on() {
        let options = js("{ get sentences() { throw new SyntaxError('boom') } }");
        let error = js_summarize(NEWS.into(), options).unwrap_err();
        assert!(error.is_instance_of::<js_sys::SyntaxError>());
        assert!(js_summarize(NEWS.into(), JsValue::UNDEFINED).is_ok());
    }

    #[wasm_bindgen_test]
    fn offsets_are_utf16_and_slice_back_to_the_sentence() {
        let texts = [
            js("'Emoji 😀 here 👩‍👩‍👧. Then a flag 🇯🇵 follows! And 🎉🎉 more.'"),
            js("'北京是中国的首都。上海很大！东京在日本吗？Done.'"),
            js("'Cafe\\u0301 au lait. Nai\\u0308ve re\\u0301sume\\u0301s are fine. Zalgo z\\u0336\\u0337a.'"),
            js("'هذا نص عربي. وهذه جملة ثانية! שלום עולם. מה שלומך?'"),
            js("'Lone \\uD800 high. Lone \\uDC00 low! Pair 😀 ok. End \\uDBFF'"),
            js("'\\uDC00\\uD800 reversed pair. Tail.'"),
            js("''"),
            js("'   \\n\\n  '"),
        ];
        for text in texts {
            let original: &JsString = text.unchecked_ref();
            for value in [
                js_summarize(text.clone(), JsValue::UNDEFINED).unwrap(),
                js_segment(text.clone(), JsValue::UNDEFINED).unwrap(),
            ] {
                let sentences: Array = if value.is_array() {
                    value.unchecked_into()
                } else {
                    get(&value, "sentences").unchecked_into()
                };
                let mut previous_end = 0.0;
                for sentence in sentences.iter() {
                    let start = get(&sentence, "start").as_f64().unwrap();
                    let end = get(&sentence, "end").as_f64().unwrap();
                    assert!(previous_end <= start && start < end, "{}", json(&sentence));
                    assert!(end <= original.length() as f64);
                    let slice = original.slice(start as u32, end as u32);
                    let own = get(&sentence, "text");
                    assert!(JsValue::from(slice).eq(&own), "{}", json(&sentence));
                    previous_end = end;
                }
            }
        }
    }

    #[wasm_bindgen_test]
    fn summary_keeps_lone_surrogates() {
        let text = js("'Lone \\uD800 surrogate here. Plain one there.'");
        let options = object(&[("sentences", 5.into()), ("redundancy", 0.into())]);
        let result = js_summarize(text, options).unwrap();
        let expected = js("'Lone \\uD800 surrogate here. Plain one there.'");
        assert!(get(&result, "summary").eq(&expected));
    }

    #[wasm_bindgen_test]
    fn kind_and_penalty_codes_index_their_name_tables() {
        // With the exhaustive matches of `kind_code`, `penalty_code` and
        // `entity_kind_code`, every variant has a code and every code names its
        // own variant.
        for (i, &kind) in KINDS.iter().enumerate() {
            assert_eq!(usize::from(kind_code(kind)), i);
        }
        for (i, &penalty) in PENALTIES.iter().enumerate() {
            assert_eq!(usize::from(penalty_code(penalty)), i);
        }
        for (i, &kind) in ENTITY_KINDS.iter().enumerate() {
            assert_eq!(usize::from(entity_kind_code(kind)), i);
        }
        assert_eq!(
            names(&KINDS, UnitKind::name),
            "sentence heading listItem code timestamp reference"
        );
        let report = js_summarize(
            "Why? He left. Ours was the largest harbour on the whole coast for a century.".into(),
            JsValue::UNDEFINED,
        )
        .unwrap();
        let first = Reflect::get(&get(&report, "sentences"), &0.into()).unwrap();
        assert_eq!(
            json(&get(&get(&first, "features"), "penalties")),
            r#"["fragment","question"]"#
        );
        assert_eq!(get(&first, "kind").as_string().as_deref(), Some("sentence"));
    }

    #[wasm_bindgen_test]
    fn results_are_deterministic() {
        let options = object(&[("ratio", 0.5.into())]);
        let first = json(&js_summarize(NEWS.into(), options.clone()).unwrap());
        for _ in 0..3 {
            assert_eq!(
                json(&js_summarize(NEWS.into(), options.clone()).unwrap()),
                first
            );
        }
    }

    #[wasm_bindgen_test]
    fn a_20_mb_text_is_summarized() {
        let mut text = String::with_capacity(20_000_000);
        let mut i = 0;
        while text.len() < 20_000_000 {
            text.push_str(&format!(
                "Sentence number {i} talks about topic {}. ",
                i % 97
            ));
            i += 1;
        }
        let result = js_summarize(text.as_str().into(), JsValue::UNDEFINED).unwrap();
        let stats = get(&result, "stats");
        assert_eq!(get(&stats, "sentencesOut").as_f64(), Some(3.0));
        assert!(get(&stats, "sentencesIn").as_f64().unwrap() > 400_000.0);
        // One 20 MB "sentence" without a single space or stop.
        let blob = "x".repeat(20_000_000);
        let result = js_summarize(blob.as_str().into(), JsValue::UNDEFINED).unwrap();
        let sentences = Array::from(&get(&result, "sentences"));
        let last = sentences.get(sentences.length() - 1);
        assert_eq!(get(&last, "end").as_f64(), Some(20_000_000.0));
        assert!(js_summarize(NEWS.into(), JsValue::UNDEFINED).is_ok());
    }

    #[wasm_bindgen_test]
    fn segment_and_version() {
        let text = "Dr. Smith arrived. He sat down.\n\nThen he left.";
        let spans: Array = js_segment(text.into(), JsValue::UNDEFINED)
            .unwrap()
            .unchecked_into();
        let texts: Vec<String> = spans
            .iter()
            .map(|s| get(&s, "text").as_string().unwrap())
            .collect();
        assert_eq!(
            texts,
            ["Dr. Smith arrived.", "He sat down.", "Then he left."]
        );
        assert_eq!(get(&spans.get(2), "paragraph").as_f64(), Some(1.0));
        let options = object(&[("language", "en".into())]);
        assert!(js_segment(text.into(), options).is_ok());
        let (class, message) = thrown(js_segment(text.into(), js("{ sentences: 2 }")));
        assert_eq!((class, message.contains("sentences")), ("TypeError", true));
        let (class, _) = thrown(js_segment(JsValue::NULL, JsValue::UNDEFINED));
        assert_eq!(class, "TypeError");
        assert_eq!(version(), env!("CARGO_PKG_VERSION"));
    }

    #[wasm_bindgen_test]
    fn the_language_option_reads_as_from_code_does() {
        let mut inputs: Vec<String> = [
            "auto",
            "AUTO",
            " Auto\n",
            "",
            " ",
            "klingon",
            "e",
            "en-",
            "-en",
            "en_",
            "eng",
            "\u{85}de\u{2003}",
            "\u{feff}de",
            "\u{212a}o",
            "\u{17f}panish",
            "english ",
            "Eng lish",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        for language in Language::ALL {
            let (code, name) = (language.code(), language.name());
            inputs.extend([
                code.to_string(),
                code.to_uppercase(),
                format!("{code}-XY"),
                format!("\t{code}_Hans "),
                name.to_string(),
                name.to_uppercase(),
                format!(" {} ", name.to_lowercase()),
                format!("{name}-x"),
            ]);
        }
        for input in inputs {
            let options = object(&[("language", input.as_str().into())]);
            let expected = if crate::segment::trim_by(&input, char::is_whitespace)
                .eq_ignore_ascii_case("auto")
            {
                Some(None)
            } else {
                Language::from_code(&input).map(Some)
            };
            assert_eq!(language_option(&options).ok(), expected, "{input:?}");
        }
    }

    #[wasm_bindgen_test]
    fn the_language_message_lists_every_code() {
        let codes = format!("one of {} (", Language::known_codes());
        let message =
            String::from(js_sys::Error::from(language_error(&"klingon".into())).message());
        assert!(message.contains(&codes), "{message}");
    }
}
