//! Step 3: per-sentence features, and the one score they combine into.
//!
//! Features, each scaled to `[0, 1]` within the text:
//! - **salience**: cosine between the sentence's tf-idf vector and the centroid of
//!   the rest of the text;
//! - **centrality**: directed centrality (as in PacSum): similarity to the
//!   sentences that follow, minus part of the similarity to those before. The sum
//!   of cosines against all later sentences equals one dot product with a running
//!   suffix sum of unit vectors, so it costs a pass over the terms, not an n×n matrix;
//! - **entities**: weight of the text's entities the sentence carries, per word;
//! - **position**: a prior that depends on the kind of text (a strong lead for
//!   news-like texts, paragraph and section starts for long structured ones),
//!   plus a bonus for cue phrases ("in this paper we"), scaled by [`Weights::cues`];
//! - **quality**: a factor that is 1 for an ordinary sentence and smaller for
//!   fragments, run-ons, questions, quotes, dangling openings and boilerplate,
//!   and, in sectioned texts, for parenthetical asides and figures.

use serde::Serialize;

use crate::lang::Language;
use crate::phrases::{BOILERPLATE_ANYWHERE, BOILERPLATE_OPENER, CUE, DANGLING};
use crate::segment::{SentenceSpan, UnitKind};
use crate::tokenize::{PerSentence, TermId, Tokens};

/// Why a sentence was marked down.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Penalty {
    /// Too short to stand alone.
    Fragment,
    /// A heading or title rather than a sentence.
    Heading,
    /// Very long.
    RunOn,
    /// A question.
    Question,
    /// Mostly a quotation.
    Quote,
    /// Opens with a pronoun or connective that needs the previous sentence.
    Dangling,
    /// A byline, credit, call to action or other boilerplate.
    Boilerplate,
}

/// The kind of text, which decides the position prior.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum TextKind {
    /// A few sentences: position matters little.
    Short,
    /// Lead-first writing (news, encyclopedia entries): early sentences matter most.
    News,
    /// A long text with sections or many paragraphs: paragraph and section starts matter.
    Sectioned,
    /// An interview, a transcript or a chat, its lines opening with who speaks
    /// ("Q:", "Anna:"): what is said matters, not when.
    Conversation,
}

/// The features of one sentence, kept so a reader can be told why it was picked.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Features {
    pub salience: f64,
    pub centrality: f64,
    pub entities: f64,
    pub position: f64,
    pub quality: f64,
    pub penalties: Vec<Penalty>,
}

/// How much each feature counts. The defaults were tuned on the development
/// sets (see `docs/quality.md`); setting one to 0 removes that feature, which is
/// how the ablation table is made.
///
/// ```
/// use abridge::{Options, Weights};
/// let no_position = Options::default().weights(Weights { position: 0.0, ..Weights::default() });
/// assert!(no_position.validate().is_ok());
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Weights {
    /// Centroid similarity.
    pub salience: f64,
    /// Directed centrality.
    pub centrality: f64,
    /// Entity density.
    pub entities: f64,
    /// Scales the strength of the position prior (0 turns it off).
    pub position: f64,
    /// Scales the quality penalties (0 turns them off).
    pub quality: f64,
    /// Scales the cue-phrase bonus ("in this paper we", "in conclusion") that a
    /// sentence's position prior gets; 0 turns it off. The bonus is part of the
    /// prior, so `position: 0.0` turns it off too.
    pub cues: f64,
}

impl Default for Weights {
    fn default() -> Self {
        Weights {
            salience: 0.4,
            centrality: 0.3,
            entities: 0.3,
            position: 1.0,
            quality: 1.0,
            cues: 1.0,
        }
    }
}

impl Weights {
    pub(crate) fn validate(&self) -> Result<(), crate::Error> {
        for (name, value) in [
            ("weights.salience", self.salience),
            ("weights.centrality", self.centrality),
            ("weights.entities", self.entities),
            ("weights.position", self.position),
            ("weights.quality", self.quality),
            ("weights.cues", self.cues),
        ] {
            if !(0.0..=10.0).contains(&value) {
                return Err(crate::Error::out_of_range(
                    name,
                    "a number in [0, 10]",
                    value,
                ));
            }
        }
        Ok(())
    }
}

/// Added to every content score; small enough not to reorder real content differences.
const CONTENT_FLOOR: f64 = 0.01;

/// How much of the similarity to earlier sentences counts against centrality.
const BACKWARD_WEIGHT: f64 = 0.5;

pub(crate) struct Scored {
    pub features: Vec<Features>,
    pub scores: Vec<f64>,
    pub kind: TextKind,
    /// Unit tf-idf vectors, as `(term, weight)` per sentence, for redundancy checks.
    pub vectors: PerSentence<(TermId, f32)>,
    /// Each term's idf, which the keywords weigh by too.
    pub idf: Vec<f64>,
}

pub(crate) fn score(
    text: &str,
    spans: &[SentenceSpan],
    tokens: &Tokens,
    counts: PerSentence<(TermId, u32)>,
    language: Language,
    weights: &Weights,
    length: crate::Length,
) -> Scored {
    let n = spans.len();
    let kind = text_kind(spans, tokens.conversation);
    let order_free = order_freedom(kind, length, spans, &tokens.word_counts, text);
    let backward_weight =
        BACKWARD_WEIGHT + (OVERVIEW_BACKWARD_WEIGHT - BACKWARD_WEIGHT) * order_free;
    let (vectors, norms, idf) = unit_vectors(counts, tokens);
    let salience = normalized(centroid_similarity(&vectors, &norms, tokens.terms.len()));
    let centrality = normalized(directed_centrality(
        &vectors,
        tokens.terms.len(),
        backward_weight,
    ));
    // An overview favours what a sentence shares with the whole text.
    let centrality = if order_free > 0.0 {
        let shared = normalized(shared_terms(&vectors, tokens));
        centrality
            .iter()
            .zip(&shared)
            .map(|(&directed, &shared)| (1.0 - order_free) * directed + order_free * shared)
            .collect()
    } else {
        centrality
    };
    // The weight an overview takes from the entities goes to the shared terms
    // (unless centrality is switched off): an overview is ranked by what a
    // sentence shares with the whole text, not by the names a lead needs.
    let entity_weight = weights.entities * (1.0 - OVERVIEW_ENTITY_FADE * order_free);
    let centrality_weight = if weights.centrality > 0.0 {
        weights.centrality + (weights.entities - entity_weight)
    } else {
        0.0
    };
    let entities = normalized(entity_density(tokens));
    let mut cues = Vec::with_capacity(n);
    let mut all_penalties = Vec::with_capacity(n);
    let counted = tokens.word_counts.iter().zip(&tokens.phrase_lists);
    for (span, (&words, &found)) in spans.iter().zip(counted) {
        let sentence = span.text(text);
        cues.push(f64::from(u8::from(found & CUE != 0)));
        // A speaker's label is no part of what is said (see `speakers`).
        let label = if tokens.conversation {
            crate::speakers::label(sentence).map_or(0, |(_, words)| words)
        } else {
            0
        };
        all_penalties.push(penalties(
            *span,
            sentence,
            found,
            words.saturating_sub(label),
            language,
        ));
    }
    let position = position_prior(spans, kind, &cues, weights.cues);

    let mut features = Vec::with_capacity(n);
    let mut scores = Vec::with_capacity(n);
    for (i, penalties) in all_penalties.into_iter().enumerate() {
        let asides = if kind == TextKind::Sectioned {
            1.0 - aside_share(spans[i].text(text))
        } else {
            1.0
        };
        let quality = penalties
            .iter()
            .map(|&p| overview_penalty_factor(p, order_free, kind))
            .product::<f64>()
            * asides;
        // The floor keeps quality and position meaningful when a text is too
        // small for content features to tell sentences apart (all zero).
        let content = CONTENT_FLOOR
            + weights.salience * salience[i]
            + centrality_weight * centrality[i]
            + entity_weight * entities[i];
        // An overview (see `order_freedom`) leaves the order to the content.
        let strength = (prior_strength(kind) * weights.position * (1.0 - order_free)).min(1.0);
        let prior = (1.0 - strength) + strength * position[i];
        scores.push(content * prior * crate::options::power(quality, weights.quality));
        features.push(Features {
            salience: salience[i],
            centrality: centrality[i],
            entities: entities[i],
            position: position[i],
            quality,
            penalties,
        });
    }
    Scored {
        features,
        scores,
        kind,
        vectors,
        idf,
    }
}

/// How much of the entity weight an overview moves to centrality (the shared
/// terms): a lead needs the who, what and when; an overview spans the text,
/// where names say less about what matters.
const OVERVIEW_ENTITY_FADE: f64 = 0.67;
/// An overview's shared-term score is divided by the sentence's distinct terms
/// to this power: between a sum (long sentences win) and a mean (short ones do).
const SHARED_TERMS_LENGTH_EXPONENT: f64 = 0.55;

/// A budget of at least this many sentences...
const OVERVIEW_MIN_SENTENCES: f64 = 4.0;
/// ...that covers more than this share of the text's sentences starts to be an
/// overview, and is one entirely from twice that share (`OVERVIEW_SHARE +
/// 1 / OVERVIEW_SLOPE`).
const OVERVIEW_SHARE: f64 = 0.2;
const OVERVIEW_SLOPE: f64 = 5.0;
/// Centrality's weight on the similarity to earlier sentences in an overview:
/// -1 counts it like the similarity to later ones (undirected degree centrality).
const OVERVIEW_BACKWARD_WEIGHT: f64 = -1.0;

/// How far the summary is an overview, from 0 (a lead: a few sentences of the
/// text) to 1 (a large share of a text that is not short). Asked for several
/// sentences and 40% of the text, the lead is long gone: where a sentence stands
/// says little about whether it belongs, and what it shares with the rest of the
/// text says more. Then the position prior fades, and centrality stops counting
/// the similarity to earlier sentences against a sentence (which is itself a
/// lead prior) and counts it like that to later ones. Three sentences of a story
/// or a paper's abstract-sized budget are left alone.
fn order_freedom(
    kind: TextKind,
    length: crate::Length,
    spans: &[SentenceSpan],
    words: &[u32],
    text: &str,
) -> f64 {
    if kind == TextKind::Short {
        return 0.0;
    }
    let n = spans.iter().filter(|s| s.kind.is_prose()).count();
    let budget = expected_sentences(length, n, spans, words, text);
    if budget < OVERVIEW_MIN_SENTENCES {
        return 0.0;
    }
    ((budget / n.max(1) as f64 - OVERVIEW_SHARE) * OVERVIEW_SLOPE).clamp(0.0, 1.0)
}

/// About how many of the `n` (non-heading) sentences the budget asks for: word
/// and character budgets at the text's average sentence length.
fn expected_sentences(
    length: crate::Length,
    n: usize,
    spans: &[SentenceSpan],
    words: &[u32],
    text: &str,
) -> f64 {
    let n = n as f64;
    match length {
        crate::Length::Sentences(k) => (k as f64).min(n),
        crate::Length::Ratio(r) => (r * n).round().max(1.0).min(n),
        crate::Length::Words(w) => {
            let total: u64 = words.iter().map(|&w| u64::from(w)).sum();
            (w as f64 * n / total.max(1) as f64).min(n)
        }
        crate::Length::Chars(c) => {
            let total: usize = spans.iter().map(|s| crate::char_count(s.text(text))).sum();
            (c as f64 * n / total.max(1) as f64).min(n)
        }
    }
}

fn tf(count: u32) -> f64 {
    // Most terms occur once in a sentence: skip the logarithm for them.
    if count == 1 {
        1.0
    } else {
        1.0 + (count as f64).ln()
    }
}

/// Per sentence, its tf-idf vector scaled to length 1, and that length; and
/// each term's idf. The counts become the weights in their own buffer.
fn unit_vectors(
    counts: PerSentence<(TermId, u32)>,
    tokens: &Tokens,
) -> (PerSentence<(TermId, f32)>, Vec<f64>, Vec<f64>) {
    let n = tokens.sentence_count() as f64;
    let idf_of = |frequency: u32| (1.0 + n / frequency.max(1) as f64).ln();
    // Most terms share a few small sentence frequencies (1, 2, 3, ...): each
    // logarithm of those is taken once (1 MB of Chinese has 100 k bigrams).
    let mut small = [0.0; 64];
    for (frequency, value) in small.iter_mut().enumerate() {
        *value = idf_of(frequency as u32);
    }
    let idf: Vec<f64> = tokens
        .terms
        .iter()
        .map(|t| {
            let frequency = t.sentence_frequency;
            small
                .get(frequency as usize)
                .copied()
                .unwrap_or_else(|| idf_of(frequency))
        })
        .collect();
    let mut vectors = counts.map(|(t, c)| (t, (tf(c) * idf[t as usize]) as f32));
    let norms = (0..vectors.len())
        .map(|i| {
            let vector = vectors.get_mut(i);
            let norm = vector.iter().map(|&(_, w)| w * w).sum::<f32>().sqrt();
            if norm > 0.0 {
                vector.iter_mut().for_each(|(_, w)| *w /= norm);
            }
            f64::from(norm)
        })
        .collect();
    (vectors, norms, idf)
}

/// Cosine between each sentence's tf-idf vector and the centroid of all the others.
fn centroid_similarity(
    vectors: &PerSentence<(TermId, f32)>,
    norms: &[f64],
    term_count: usize,
) -> Vec<f64> {
    let mut centroid = vec![0.0f64; term_count];
    for (vector, &norm) in vectors.iter().zip(norms) {
        for &(t, w) in vector {
            centroid[t as usize] += f64::from(w) * norm;
        }
    }
    let centroid_norm2: f64 = centroid.iter().map(|w| w * w).sum();
    vectors
        .iter()
        .zip(norms)
        .map(|(vector, &norm)| {
            let (mut dot, mut own2) = (0.0, 0.0);
            for &(t, w) in vector {
                let w = f64::from(w) * norm;
                dot += w * (centroid[t as usize] - w);
                own2 += w * w;
            }
            let rest2 = centroid_norm2 - 2.0 * (dot + own2) + own2;
            if own2 > 0.0 && rest2 > 1e-12 {
                dot / (own2.sqrt() * rest2.sqrt())
            } else {
                0.0
            }
        })
        .collect()
}

/// Similarity to later sentences minus `backward_weight` times the similarity to
/// earlier ones (a negative weight adds it: -1 is undirected degree centrality).
fn directed_centrality(
    vectors: &PerSentence<(TermId, f32)>,
    term_count: usize,
    backward_weight: f64,
) -> Vec<f64> {
    let mut total = vec![0.0f64; term_count];
    for vector in vectors.iter() {
        for &(t, w) in vector {
            total[t as usize] += w as f64;
        }
    }
    let mut before = vec![0.0f64; term_count];
    vectors
        .iter()
        .map(|vector| {
            let (mut backward, mut forward) = (0.0, 0.0);
            for &(t, w) in vector {
                let (t, w) = (t as usize, w as f64);
                backward += w * before[t];
                forward += w * (total[t] - before[t] - w);
            }
            for &(t, w) in vector {
                before[t as usize] += w as f64;
            }
            forward - backward_weight * backward
        })
        .collect()
}

/// How many other sentences share each of a sentence's distinct terms, summed
/// and scaled by the number of its terms (`SHARED_TERMS_LENGTH_EXPONENT`): the
/// degree of the sentence in the graph of shared words, which TextRank-style
/// overviews reward, in one pass over the terms.
fn shared_terms(vectors: &PerSentence<(TermId, f32)>, tokens: &Tokens) -> Vec<f64> {
    vectors
        .iter()
        .map(|vector| {
            let shared: u32 = vector
                .iter()
                .map(|&(t, _)| tokens.terms[t as usize].sentence_frequency.max(1) - 1)
                .sum();
            let terms = vector.len().max(1) as f64;
            f64::from(shared) / crate::options::power(terms, SHARED_TERMS_LENGTH_EXPONENT)
        })
        .collect()
}

/// Weight of the entities a sentence carries, per (square root of a) word.
fn entity_density(tokens: &Tokens) -> Vec<f64> {
    let table = &tokens.entities;
    table
        .per_sentence
        .iter()
        .zip(&tokens.word_counts)
        .map(|(carried, &words)| {
            let weight: f64 = carried
                .iter()
                .map(|&e| table.entities[e as usize].weight)
                .sum();
            weight / (words.max(6) as f64).sqrt()
        })
        .collect()
}

/// Scales to `[0, 1]` by the range of the values.
fn normalized(values: Vec<f64>) -> Vec<f64> {
    // Comparisons, not `f64::max` / `min`: the wasm has no instruction with
    // their NaN rule and called `fmin` / `fmax` for each value. A NaN is
    // passed over the same way.
    let max = values
        .iter()
        .fold(f64::NEG_INFINITY, |m, &v| if v > m { v } else { m });
    let min = values.iter().fold(0.0, |m, &v| if v < m { v } else { m });
    if max.partial_cmp(&min) != Some(std::cmp::Ordering::Greater) {
        return vec![0.0; values.len()];
    }
    // `+ 0.0` turns -0.0 into 0.0, which JSON and JavaScript would show as "-0".
    values
        .into_iter()
        .map(|v| ((v - min) / (max - min)).clamp(0.0, 1.0) + 0.0)
        .collect()
}

fn text_kind(spans: &[SentenceSpan], conversation: bool) -> TextKind {
    let sentences = spans.iter().filter(|s| s.kind.is_prose()).count();
    let headings = spans.iter().filter(|s| s.kind == UnitKind::Heading).count();
    let paragraphs = spans.last().map_or(0, |s| s.paragraph + 1);
    if sentences <= 3 {
        TextKind::Short
    } else if conversation {
        TextKind::Conversation
    } else if (headings >= 2 && sentences >= 25) || (sentences > 120 && paragraphs >= 5) {
        TextKind::Sectioned
    } else {
        TextKind::News
    }
}

/// How much the position prior can scale a sentence's content score down.
fn prior_strength(kind: TextKind) -> f64 {
    match kind {
        // Two or three sentences, or turns of a talk: let the content decide.
        TextKind::Short | TextKind::Conversation => 0.2,
        // Lead-first writing: the prior is the main signal (Lead-3 is hard to beat).
        TextKind::News => 1.0,
        TextKind::Sectioned => 0.9,
    }
}

/// In news-like text the prior halves about every 2.8 sentences (e^(-i/4)).
const NEWS_DECAY: f64 = 4.0;
/// In sectioned text the lead fades over 3 sentences plus 10% of the text: a
/// paper's introduction and an article's lead section grow with the text.
const SECTIONED_DECAY_FIXED: f64 = 3.0;
const SECTIONED_DECAY_SHARE: f64 = 0.1;
/// Sectioned text: how much the lead, a paragraph start and a section start count.
const SECTIONED_LEAD: f64 = 0.6;
const SECTIONED_PARAGRAPH_START: f64 = 0.3;
const SECTIONED_SECTION_START: f64 = 0.3;
/// Paragraphs this long or shorter (on average) give their starts no bonus.
const PARAGRAPH_MIN_SENTENCES: f64 = 3.0;
/// What a cue phrase ("in this paper we ...") adds to the prior, in any kind of
/// text, at the default cue weight ([`Weights::cues`] scales it).
const CUE_BONUS: f64 = 0.5;

/// `e^-x` for `x ≥ 0`, and 0 without computing it where it underflows to 0
/// (from about 745 on: a news text's prior, e^(−n/4) for its n-th sentence,
/// from its 2,980th sentence), which the wasm computes in software: 1% of a
/// call on a megabyte of news in Node.
fn decay(x: f64) -> f64 {
    if x >= 746.0 {
        0.0
    } else {
        (-x).exp()
    }
}

/// The position prior in `[0, 1]` for each sentence; `cue_weight` scales the
/// bonus of the sentences with a cue phrase (`cues[i]` is 1 for them).
fn position_prior(
    spans: &[SentenceSpan],
    kind: TextKind,
    cues: &[f64],
    cue_weight: f64,
) -> Vec<f64> {
    let cue_bonus = CUE_BONUS * cue_weight;
    let sentences = spans.iter().filter(|s| s.kind.is_prose()).count();
    let sectioned_decay = SECTIONED_DECAY_FIXED + SECTIONED_DECAY_SHARE * sentences as f64;
    let paragraph_bonus = SECTIONED_PARAGRAPH_START * paragraph_lead_share(spans);
    let mut prior = Vec::with_capacity(spans.len());
    let mut ordinal = 0usize;
    let mut after_heading = false;
    for (i, span) in spans.iter().enumerate() {
        let paragraph_start = i == 0 || spans[i - 1].paragraph != span.paragraph;
        let value = match kind {
            TextKind::Short | TextKind::News | TextKind::Conversation => {
                decay(ordinal as f64 / NEWS_DECAY)
            }
            TextKind::Sectioned => {
                let lead = decay(ordinal as f64 / sectioned_decay);
                let section = f64::from(u8::from(after_heading && paragraph_start));
                let paragraph = f64::from(u8::from(paragraph_start));
                SECTIONED_LEAD * lead
                    + paragraph_bonus * paragraph
                    + SECTIONED_SECTION_START * section
            }
        };
        prior.push((value + cue_bonus * cues[i]).min(1.0));
        if span.kind == UnitKind::Heading {
            after_heading = true;
        } else if span.kind.is_prose() {
            ordinal += 1;
            if paragraph_start {
                after_heading = false;
            }
        }
    }
    prior
}

/// How far a paragraph start is a topic sentence, from the paragraphs'
/// average length in sentences: 1 - PARAGRAPH_MIN_SENTENCES / length (at
/// least 0). A paragraph of a few sentences has little to introduce, and when
/// every third sentence starts one, starting one says little.
fn paragraph_lead_share(spans: &[SentenceSpan]) -> f64 {
    let (mut sentences, mut starts) = (0usize, 0usize);
    let mut previous = None;
    for span in spans.iter().filter(|s| s.kind.is_prose()) {
        sentences += 1;
        starts += usize::from(previous != Some(span.paragraph));
        previous = Some(span.paragraph);
    }
    let length = sentences as f64 / starts.max(1) as f64;
    (1.0 - PARAGRAPH_MIN_SENTENCES / length).max(0.0)
}

/// A penalty's factor in a summary that is `order_free` an overview (see
/// `order_freedom`). A run-on is marked down so that a few long sentences do not
/// fill a short summary, a dangling opening because its antecedent is likely
/// left out, and a whole quotation because who said it is; when the summary
/// takes 40% of the text, none of that holds (long sentences are what the text
/// says most about, and the sentences around are often chosen too), so all
/// three fade with the overview. A question asks rather than tells in any
/// summary, and in a conversation its answer tells what it asks.
fn overview_penalty_factor(penalty: Penalty, order_free: f64, kind: TextKind) -> f64 {
    let factor = penalty_factor(penalty);
    match penalty {
        // In a conversation a question asks for what the answer says.
        Penalty::Question if kind == TextKind::Conversation => factor * factor,
        Penalty::RunOn | Penalty::Dangling | Penalty::Quote => factor + (1.0 - factor) * order_free,
        _ => factor,
    }
}

/// The share of a sentence's visible characters that are inside parentheses
/// or brackets, or digits. In a long sectioned text (a paper, an encyclopedia
/// article) these are citations, etymologies, alternative names, figures and
/// measurements: detail that the summary of the text leaves out. A sentence
/// keeps `1 - share` of its quality. News is left alone: there the figures are
/// the story.
fn aside_share(sentence: &str) -> f64 {
    // Without a bracket the share is the digits among the visible characters,
    // which one pass over the bytes counts without branches; see
    // `ByteCounts`. Only a sentence with an opening bracket needs the pass
    // that follows nesting, and one with non-ASCII characters a look at
    // those that may be spaces. On 1 MB of English this costs 5.9 M
    // instructions; an ASCII check, two searches for a bracket and a counting
    // pass cost 10.8 M.
    let counts = ByteCounts::of(sentence.as_bytes());
    if counts.brackets > 0 {
        return if counts.non_ascii > 0 {
            aside_share_of(sentence.chars())
        } else {
            // Bytes are chars in ASCII text, which spares the UTF-8 decoding.
            aside_share_of(sentence.bytes().map(char::from))
        };
    }
    let mut visible = counts.visible;
    if counts.maybe_spaces > 0 {
        visible -= wide_spaces(sentence);
    }
    counts.digits as f64 / visible.max(1) as f64
}

/// Byte counts for [`aside_share`].
#[derive(Debug, Default, PartialEq)]
struct ByteCounts {
    /// Characters other than ASCII white space: bytes that are neither
    /// that nor a continuation byte.
    visible: usize,
    digits: usize,
    /// Opening brackets, `(` or `[`.
    brackets: usize,
    non_ascii: usize,
    /// The first bytes of the non-ASCII white space (U+0085, U+00A0, U+1680,
    /// U+2000 to U+3000): 0xC2, 0xE1, 0xE2 and 0xE3.
    maybe_spaces: usize,
}

impl ByteCounts {
    /// Every sentence's bytes are counted, so this is a pass over the whole
    /// text: by vector lanes where the target has them, eight bytes to a
    /// `u64` in wasm, which has none.
    fn of(bytes: &[u8]) -> Self {
        if cfg!(target_arch = "wasm32") {
            Self::by_words(bytes)
        } else {
            Self::by_lanes(bytes)
        }
    }

    /// Counted in 16 byte-sized sums, so that compilers turn each block's
    /// count into a few wide vector operations.
    fn by_lanes(bytes: &[u8]) -> Self {
        const LANES: usize = 16;
        let mut counts = ByteCounts::default();
        // A lane gains at most one per block: at most 255 blocks per sum.
        for chunk in bytes.chunks(255 * LANES) {
            let mut lanes = [[0u8; LANES]; 5];
            let mut count = |block: &[u8; LANES]| {
                for (k, &b) in block.iter().enumerate() {
                    lanes[0][k] += u8::from(!matches!(b, b' ' | b'\t'..=b'\r' | 0x80..=0xBF));
                    lanes[1][k] += u8::from(b.is_ascii_digit());
                    lanes[2][k] += u8::from(matches!(b, b'(' | b'['));
                    lanes[3][k] += u8::from(b >= 0x80);
                    lanes[4][k] += u8::from(matches!(b, 0xC2 | 0xE1..=0xE3));
                }
            };
            let mut blocks = chunk.chunks_exact(LANES);
            for block in &mut blocks {
                count(block.try_into().unwrap_or(&[b' '; LANES]));
            }
            // The rest, padded with spaces, which count for nothing. (When
            // there are 255 whole blocks, the rest is empty.)
            let rest = blocks.remainder();
            let mut last = [b' '; LANES];
            last[..rest.len()].copy_from_slice(rest);
            count(&last);
            let sum = |lane: &[u8; LANES]| lane.iter().map(|&n| usize::from(n)).sum::<usize>();
            counts.visible += sum(&lanes[0]);
            counts.digits += sum(&lanes[1]);
            counts.brackets += sum(&lanes[2]);
            counts.non_ascii += sum(&lanes[3]);
            counts.maybe_spaces += sum(&lanes[4]);
        }
        counts
    }

    /// Eight bytes at a time in a `u64`: each test leaves its answer in the
    /// high bit of each byte, and a population count adds them up. A byte at
    /// a time, this pass was about 28 M of the 208 M instructions a call on
    /// 1 MB of English at opt-level "s" (natively, standing in for the wasm).
    fn by_words(bytes: &[u8]) -> Self {
        const LOW: u64 = 0x7F7F_7F7F_7F7F_7F7F;
        const HIGH: u64 = 0x8080_8080_8080_8080;
        use crate::letters::lanes;
        // High bits where the byte's low seven bits are at least `floor`
        // (1..=0x80): no carry crosses a byte, as 0x7F + 0x7F < 0x100.
        let at_least = |low: u64, floor: u8| (low + lanes(0x80 - floor)) & HIGH;
        // High bits where the byte is `value`: x's byte is zero exactly when
        // neither its low seven bits plus 0x7F nor x itself reach 0x80.
        let equal = |w: u64, value: u8| {
            let x = w ^ lanes(value);
            !(((x & LOW) + LOW) | x) & HIGH
        };
        let mut counts = ByteCounts::default();
        let mut count = |w: u64| {
            let low = w & LOW;
            let high = w & HIGH;
            let ascii = !w & HIGH;
            let continuation = w & !(w << 1) & HIGH;
            let controls = ascii & at_least(low, b'\t') & !at_least(low, b'\r' + 1);
            let white = controls | equal(w, b' ');
            let digits = ascii & at_least(low, b'0') & !at_least(low, b'9' + 1);
            // 0xE1..=0xE3: the high bit, and 0x61..=0x63 in the low seven.
            let wide = high & at_least(low, 0x61) & !at_least(low, 0x64);
            counts.visible += 8 - (white | continuation).count_ones() as usize;
            counts.digits += digits.count_ones() as usize;
            counts.brackets += (equal(w, b'(') | equal(w, b'[')).count_ones() as usize;
            counts.non_ascii += high.count_ones() as usize;
            counts.maybe_spaces += (equal(w, 0xC2) | wide).count_ones() as usize;
        };
        // One call site, so that `count` is inlined and the counts stay in
        // locals: called twice (the last word apart), it stayed a function
        // in the wasm that added to memory.
        for word in bytes.chunks(8) {
            // A whole word as it is (copied into a padded buffer, each was a
            // `memory.copy` call: 1.5-2% of an English call in Node); the
            // last one padded with spaces, which count for nothing.
            let word = <[u8; 8]>::try_from(word).unwrap_or_else(|_| {
                let mut padded = [b' '; 8];
                for (to, &from) in padded.iter_mut().zip(word) {
                    *to = from;
                }
                padded
            });
            count(u64::from_le_bytes(word));
        }
        counts
    }
}

/// The non-ASCII white-space characters in `text`.
fn wide_spaces(text: &str) -> usize {
    let bytes = text.as_bytes();
    (0..bytes.len())
        .filter(|&at| {
            matches!(bytes[at], 0xC2 | 0xE1..=0xE3)
                && text[at..].chars().next().is_some_and(char::is_whitespace)
        })
        .count()
}

fn aside_share_of(chars: impl Iterator<Item = char>) -> f64 {
    let (mut depth, mut aside, mut visible) = (0usize, 0usize, 0usize);
    for c in chars.filter(|c| !c.is_whitespace()) {
        visible += 1;
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' if depth > 0 => {
                depth -= 1;
                aside += 1;
                continue;
            }
            _ => {}
        }
        if depth > 0 || c.is_ascii_digit() {
            aside += 1;
        }
    }
    aside as f64 / visible.max(1) as f64
}

fn penalty_factor(penalty: Penalty) -> f64 {
    match penalty {
        Penalty::Fragment => 0.4,
        Penalty::Heading => 0.1,
        Penalty::RunOn => 0.8,
        Penalty::Question => 0.6,
        Penalty::Quote => 0.8,
        Penalty::Dangling => 0.85,
        Penalty::Boilerplate => 0.2,
    }
}

fn penalties(
    span: SentenceSpan,
    sentence: &str,
    phrases: u8,
    words: u32,
    language: Language,
) -> Vec<Penalty> {
    let mut found = Vec::new();
    if span.kind.is_verbatim() {
        return found;
    }
    // A short numbered line without a full stop is a section's title
    // ("1. Introduction"), not a sentence.
    let title_item = span.kind == UnitKind::ListItem
        && words < 5
        && sentence.as_bytes()[0].is_ascii_digit()
        && sentence
            .chars()
            .next_back()
            .is_some_and(char::is_alphanumeric);
    if span.kind == UnitKind::Heading || title_item {
        found.push(Penalty::Heading);
    } else if words < 5 {
        found.push(Penalty::Fragment);
    }
    // Long sentences win on content overlap alone; past 35 words they are marked down.
    if words > 35 {
        found.push(Penalty::RunOn);
    }
    // The ends read as chars, not through `trim_end_matches`, `starts_with`
    // and `ends_with` with char patterns: each kind of pattern links a searcher
    // of its own into the wasm.
    let before_closers = sentence
        .chars()
        .rev()
        .find(|c| !matches!(c, '"' | '\'' | '”' | '’' | ')' | '»' | ' '));
    if matches!(before_closers, Some('?' | '？')) {
        found.push(Penalty::Question);
    }
    if matches!(sentence.chars().next(), Some('"' | '“' | '«' | '„'))
        && matches!(sentence.chars().next_back(), Some('"' | '”' | '»' | '“'))
    {
        found.push(Penalty::Quote);
    }
    if language == Language::English && phrases & DANGLING != 0 {
        found.push(Penalty::Dangling);
    }
    if words < 40
        && (phrases & (BOILERPLATE_ANYWHERE | BOILERPLATE_OPENER) != 0 || is_byline(sentence))
    {
        found.push(Penalty::Boilerplate);
    }
    found
}

/// "By Jane Doe, CNN" and similar credit lines.
fn is_byline(sentence: &str) -> bool {
    let Some(rest) = sentence.strip_prefix("By ") else {
        return false;
    };
    let words: Vec<&str> = rest.split_ascii_whitespace().collect();
    words.len() <= 8
        && words
            .iter()
            .all(|w| w.chars().next().is_some_and(|c| c.is_uppercase()) || *w == "and")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Length;
    use proptest::prelude::*;

    /// A news-like text whose seventh sentence announces the finding.
    const TEXT: &str = "The council met on Monday in the town hall. \
        Members discussed the budget for the coming year. \
        The mayor spoke about the roads in the north. \
        Several residents asked about the new library. \
        The treasurer presented the accounts of last year. \
        A vote on the parking fees was postponed. \
        In conclusion, the council approved the budget for the roads. \
        The next meeting is planned for the spring.";

    fn scored(weights: &Weights) -> Scored {
        scored_at(weights, Length::Sentences(3))
    }

    fn scored_at(weights: &Weights, length: Length) -> Scored {
        let spans = crate::segment(TEXT, Language::English);
        let mut tokens = crate::tokenize::tokenize(TEXT, &spans, Language::English);
        let counts = std::mem::take(&mut tokens.counts);
        score(
            TEXT,
            &spans,
            &tokens,
            counts,
            Language::English,
            weights,
            length,
        )
    }

    fn freedom(text: &str, length: Length) -> f64 {
        let spans = crate::segment(text, Language::English);
        let tokens = crate::tokenize::tokenize(text, &spans, Language::English);
        order_freedom(
            text_kind(&spans, tokens.conversation),
            length,
            &spans,
            &tokens.word_counts,
            text,
        )
    }

    #[test]
    fn decay_is_exp_bit_for_bit() {
        for i in 0..20_000 {
            let x = f64::from(i) * 0.05;
            assert_eq!(decay(x).to_bits(), (-x).exp().to_bits(), "{x}");
        }
        assert_eq!((-746.0f64).exp(), 0.0);
    }

    #[test]
    fn a_large_share_of_several_sentences_is_an_overview() {
        // Eight sentences of 7 to 11 words (76 in all).
        assert_eq!(
            text_kind(&crate::segment(TEXT, Language::English), false),
            TextKind::News
        );
        let cases = [
            // A lead: fewer than four sentences, whatever their share.
            (Length::Sentences(3), 0.0),
            (Length::Ratio(0.3), 0.0),
            // Four of eight is half the text: an overview.
            (Length::Sentences(4), 1.0),
            (Length::Sentences(100), 1.0),
            (Length::Ratio(0.5), 1.0),
            (Length::Words(40), 1.0),
            (Length::Words(20), 0.0),
        ];
        for (length, expected) in cases {
            assert_eq!(freedom(TEXT, length), expected, "{length:?}");
        }
        // In between, it grows with the share: 5 of 20 sentences is 0.25, (0.25 - 0.2) * 5.
        let three = [TEXT; 3].join(" ");
        let twenty: String = three.split_inclusive(". ").take(20).collect();
        assert_eq!(crate::segment(&twenty, Language::English).len(), 20);
        assert_eq!(freedom(&twenty, Length::Sentences(4)), 0.0);
        assert!((freedom(&twenty, Length::Sentences(5)) - 0.25).abs() < 1e-12);
        // A short text is never one.
        let short = "The council met on Monday. It approved the budget. The mayor spoke.";
        assert_eq!(freedom(short, Length::Sentences(3)), 0.0);
    }

    #[test]
    fn an_overview_leaves_the_order_to_the_content() {
        let length = Length::Sentences(4);
        let overview = scored_at(&Weights::default(), length);
        let no_position = scored_at(
            &Weights {
                position: 0.0,
                ..Weights::default()
            },
            length,
        );
        // The prior is still reported, but it no longer scales the score.
        assert_eq!(overview.features[0].position, 1.0);
        assert_eq!(overview.scores, no_position.scores);
        // A lead budget keeps it: the first sentence's score is not the last one's
        // content times its quality any more.
        let lead = scored_at(&Weights::default(), Length::Sentences(3));
        let lead_no_position = scored_at(
            &Weights {
                position: 0.0,
                ..Weights::default()
            },
            Length::Sentences(3),
        );
        assert_ne!(lead.scores, lead_no_position.scores);
    }

    #[test]
    fn an_overview_moves_entity_weight_to_shared_terms() {
        let count = |vector: &[(TermId, f32)]| vector.len();
        let spans = crate::segment(TEXT, Language::English);
        let mut tokens = crate::tokenize::tokenize(TEXT, &spans, Language::English);
        let (vectors, ..) = unit_vectors(std::mem::take(&mut tokens.counts), &tokens);
        let shared = shared_terms(&vectors, &tokens);
        // "In conclusion, the council approved the budget for the roads." shares
        // council, budget and roads; "A vote on the parking fees was postponed."
        // shares nothing.
        assert!(shared[6] > 0.0 && count(vectors.get(6)) >= 3, "{shared:?}");
        assert_eq!(shared[5], 0.0);
        let by_hand = |i: usize| {
            let sum: u32 = vectors
                .get(i)
                .iter()
                .map(|&(t, _)| tokens.terms[t as usize].sentence_frequency - 1)
                .sum();
            f64::from(sum) / (count(vectors.get(i)) as f64).powf(SHARED_TERMS_LENGTH_EXPONENT)
        };
        assert!((shared[6] - by_hand(6)).abs() < 1e-12);

        // A lead budget keeps the directed centrality; an overview uses the
        // shared terms instead.
        let lead = scored_at(&Weights::default(), Length::Sentences(3));
        let overview = scored_at(&Weights::default(), Length::Sentences(4));
        let normalized_shared = normalized(shared);
        assert_ne!(
            lead.features
                .iter()
                .map(|f| f.centrality)
                .collect::<Vec<_>>(),
            normalized_shared
        );
        assert_eq!(
            overview
                .features
                .iter()
                .map(|f| f.centrality)
                .collect::<Vec<_>>(),
            normalized_shared
        );
        // The entities count a third as much in a full overview, and the
        // weight they lose goes to the shared terms.
        let without_position = |centrality: f64| Weights {
            salience: 0.0,
            centrality,
            position: 0.0,
            quality: 0.0,
            ..Weights::default()
        };
        let weights = without_position(0.3);
        let lead = scored_at(&weights, Length::Sentences(3));
        let overview = scored_at(&weights, Length::Sentences(4));
        let moved = weights.entities * OVERVIEW_ENTITY_FADE;
        for i in 0..lead.scores.len() {
            let lead_content = CONTENT_FLOOR
                + weights.centrality * lead.features[i].centrality
                + weights.entities * lead.features[i].entities;
            assert!((lead.scores[i] - lead_content).abs() < 1e-12);
            let overview_content = CONTENT_FLOOR
                + (weights.centrality + moved) * overview.features[i].centrality
                + (weights.entities - moved) * overview.features[i].entities;
            assert!((overview.scores[i] - overview_content).abs() < 1e-12);
        }
        // With centrality switched off nothing moves: the entities' share
        // fades and no centrality comes back through it.
        let only_entities = without_position(0.0);
        let overview = scored_at(&only_entities, Length::Sentences(4));
        for (score, features) in overview.scores.iter().zip(&overview.features) {
            let faded = only_entities.entities * (1.0 - OVERVIEW_ENTITY_FADE) * features.entities;
            assert!((score - (CONTENT_FLOOR + faded)).abs() < 1e-12);
        }
    }

    #[test]
    fn paragraph_starts_count_in_long_paragraphs_only() {
        let paragraphs = |count: usize, length: usize| {
            let paragraph = vec!["The river runs to the sea."; length].join(" ");
            vec![paragraph; count].join("\n\n")
        };
        let share = |text: &str| paragraph_lead_share(&crate::segment(text, Language::English));
        // Three sentences or fewer per paragraph: a start is no topic sentence.
        assert_eq!(share(&paragraphs(10, 3)), 0.0);
        assert_eq!(share(&paragraphs(10, 1)), 0.0);
        // Twelve: 1 - 3/12.
        assert!((share(&paragraphs(3, 12)) - 0.75).abs() < 1e-12);
        // In a sectioned text the bonus follows: with short paragraphs a
        // paragraph start gets nothing over the sentence before it.
        let heading = |body: String| format!("# One\n\n{body}\n\n# Two\n\n{body}");
        for (count, length, bonus) in [(8, 2, 0.0), (4, 15, SECTIONED_PARAGRAPH_START * 0.8)] {
            let text = heading(paragraphs(count, length));
            let spans = crate::segment(&text, Language::English);
            assert_eq!(text_kind(&spans, false), TextKind::Sectioned);
            let prior = position_prior(&spans, TextKind::Sectioned, &vec![0.0; spans.len()], 1.0);
            // The second paragraph's start: its lead value plus the bonus.
            let start = 1 + length;
            assert_ne!(spans[start - 1].paragraph, spans[start].paragraph);
            let sentences = 2 * count * length;
            let decay = SECTIONED_DECAY_FIXED + SECTIONED_DECAY_SHARE * sentences as f64;
            let lead = SECTIONED_LEAD * (-(length as f64) / decay).exp();
            assert!((prior[start] - (lead + bonus)).abs() < 1e-12, "{length}");
        }
    }

    #[test]
    fn byte_counts_by_words_match_the_lanes() {
        // Every byte value, at every offset within a word and a block.
        let all: Vec<u8> = (0..=255u8).collect();
        for start in 0..17 {
            let bytes = &all[start..];
            assert_eq!(ByteCounts::by_words(bytes), ByteCounts::by_lanes(bytes));
        }
        let text = "Il a dit\u{a0}: « (voir [2]) » — 3,5\u{2003}%\t\r\n\u{85} 東京 Ünïcödé 😀.";
        for end in 0..=text.len() {
            let bytes = &text.as_bytes()[..end];
            assert_eq!(ByteCounts::by_words(bytes), ByteCounts::by_lanes(bytes));
        }
        let counts = ByteCounts::by_words(" (1) [x]\t".as_bytes());
        assert_eq!((counts.visible, counts.digits, counts.brackets), (6, 1, 2));
    }

    #[test]
    fn aside_share_takes_the_short_cut_exactly() {
        for sentence in [
            "",
            "   ",
            "Plain words only.",
            "In 2019 the 3 pumps ran 40 hours.\t\r\n\x0b\x0c",
            "Unbalanced ) and ] close nothing 12.",
            "An aside (see 2.1) and [3] more.",
            "Caf\u{e9} 12 \u{2014} (4)\u{a0}9.",
            "\u{3000}42",
            "\u{85}1\u{1680}2\u{2000}3\u{200a}4\u{2028}\u{2029}\u{202f}\u{205f}5\u{2009}",
            "\u{c2}\u{e1}\u{2019}\u{3001}\u{1f600} 7",
        ] {
            let reference = aside_share_of(sentence.chars());
            assert_eq!(aside_share(sentence), reference, "{sentence:?}");
        }
        // Around the block and sum sizes (16 and 255 blocks of 16 bytes).
        for length in (0..40)
            .chain(4070..4100)
            .chain([8160, 8161, 8175, 8176, 8177])
        {
            for piece in ["7", "a7", " 7 \u{a0}", "\u{2019}7", "(7", "x)"] {
                let sentence: String = piece.chars().cycle().take(length).collect();
                let reference = aside_share_of(sentence.chars());
                assert_eq!(aside_share(&sentence), reference, "{piece:?} {length}");
            }
        }
    }

    proptest! {
        #[test]
        fn aside_share_is_its_definition(
            pieces in proptest::collection::vec(
                prop_oneof![
                    Just(" "), Just("\t"), Just("\n"), Just("\x0b"), Just("\x1f"), Just("a"),
                    Just("Z"), Just("0"), Just("9"), Just("/"), Just(":"), Just("("), Just(")"),
                    Just("["), Just("]"), Just("{"), Just("\u{a0}"), Just("\u{85}"),
                    Just("\u{2009}"), Just("\u{3000}"), Just("\u{1680}"), Just("\u{2019}"),
                    Just("\u{e9}"), Just("\u{4e2d}"), Just("\u{ff10}"), Just("\u{1f600}"),
                    Just("\u{3001}"), Just("\u{2014}"), Just("\u{a9}"), Just("\u{1e9e}"),
                ],
                0..300,
            )
        ) {
            let sentence = pieces.concat();
            prop_assert_eq!(aside_share(&sentence), aside_share_of(sentence.chars()));
        }
    }

    #[test]
    fn overview_centrality_is_undirected() {
        // Two identical sentences and an unrelated one.
        let same = vec![(0u32, 1.0f32)];
        let vectors = PerSentence::from_sentences(vec![same.clone(), same, vec![(1, 1.0)]]);
        let directed = directed_centrality(&vectors, 2, BACKWARD_WEIGHT);
        assert_eq!(directed, [1.0, -0.5, 0.0]);
        let undirected = directed_centrality(&vectors, 2, OVERVIEW_BACKWARD_WEIGHT);
        assert_eq!(undirected, [1.0, 1.0, 0.0]);
    }

    #[test]
    fn the_cue_weight_scales_only_the_cue_bonus() {
        let default = scored(&Weights::default());
        assert_eq!(default.kind, TextKind::News);
        assert_eq!(default.features.len(), 8);
        let cue = 6;
        let lead = |i: usize| (-(i as f64) / NEWS_DECAY).exp();
        // At the default weight the cue sentence's prior is its lead value plus 0.5.
        assert!((default.features[cue].position - (lead(cue) + CUE_BONUS)).abs() < 1e-12);
        // The explicit default weight is the same scorer, bit for bit.
        let explicit = scored(&Weights {
            cues: 1.0,
            ..Weights::default()
        });
        assert_eq!(explicit.scores, default.scores);

        let off = scored(&Weights {
            cues: 0.0,
            ..Weights::default()
        });
        let half = scored(&Weights {
            cues: 0.5,
            ..Weights::default()
        });
        assert!((off.features[cue].position - lead(cue)).abs() < 1e-12);
        assert!((half.features[cue].position - (lead(cue) + 0.25)).abs() < 1e-12);
        assert!(off.scores[cue] < half.scores[cue] && half.scores[cue] < default.scores[cue]);
        // Every other sentence is scored exactly as before.
        for i in (0..8).filter(|&i| i != cue) {
            assert_eq!(off.scores[i], default.scores[i], "sentence {i}");
            assert_eq!(off.features[i], default.features[i], "sentence {i}");
        }
        // The prior never exceeds 1, however large the weight.
        let strong = scored(&Weights {
            cues: 10.0,
            ..Weights::default()
        });
        assert_eq!(strong.features[cue].position, 1.0);
    }

    #[test]
    fn the_cue_weight_is_validated() {
        for bad in [-0.1, 10.5, f64::NAN, f64::INFINITY] {
            let weights = Weights {
                cues: bad,
                ..Weights::default()
            };
            let error = weights.validate().unwrap_err();
            assert_eq!(error.option(), "weights.cues");
        }
        for good in [0.0, 1.0, 10.0] {
            let weights = Weights {
                cues: good,
                ..Weights::default()
            };
            assert!(weights.validate().is_ok());
        }
    }
}
