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
//!   news-like texts, paragraph and section starts for long structured ones);
//! - **quality**: a factor that is 1 for an ordinary sentence and smaller for
//!   fragments, run-ons, questions, quotes, dangling openings and boilerplate.

use serde::Serialize;

use crate::lang::Language;
use crate::segment::{SentenceSpan, UnitKind};
use crate::tokenize::Tokens;

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
}

impl Default for Weights {
    fn default() -> Self {
        Weights {
            salience: 0.4,
            centrality: 0.3,
            entities: 0.3,
            position: 1.0,
            quality: 1.0,
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
    pub vectors: Vec<Vec<(u32, f32)>>,
}

pub(crate) fn score(
    text: &str,
    spans: &[SentenceSpan],
    tokens: &Tokens,
    language: Language,
    weights: &Weights,
) -> Scored {
    let n = spans.len();
    let vectors = unit_vectors(tokens);
    let salience = normalized(centroid_similarity(tokens));
    let centrality = normalized(directed_centrality(&vectors, tokens.terms.len()));
    let entities = normalized(entity_density(tokens));
    let kind = text_kind(spans);
    let cues: Vec<f64> = spans.iter().map(|s| cue(s.text(text))).collect();
    let position = position_prior(spans, kind, &cues);

    let mut features = Vec::with_capacity(n);
    let mut scores = Vec::with_capacity(n);
    for i in 0..n {
        let penalties = penalties(
            spans[i],
            spans[i].text(text),
            tokens.word_counts[i],
            language,
        );
        let quality = penalties
            .iter()
            .map(|&p| penalty_factor(p))
            .product::<f64>();
        // The floor keeps quality and position meaningful when a text is too
        // small for content features to tell sentences apart (all zero).
        let content = CONTENT_FLOOR
            + weights.salience * salience[i]
            + weights.centrality * centrality[i]
            + weights.entities * entities[i];
        let strength = (prior_strength(kind) * weights.position).min(1.0);
        let prior = (1.0 - strength) + strength * position[i];
        scores.push(content * prior * quality.powf(weights.quality));
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
    }
}

fn idf(tokens: &Tokens, term: u32) -> f64 {
    let n = tokens.sentence_count() as f64;
    (1.0 + n / tokens.terms[term as usize].sentence_frequency.max(1) as f64).ln()
}

fn tf(count: u32) -> f64 {
    1.0 + (count as f64).ln()
}

/// Per sentence, its tf-idf vector scaled to length 1.
fn unit_vectors(tokens: &Tokens) -> Vec<Vec<(u32, f32)>> {
    (0..tokens.sentence_count())
        .map(|i| {
            let mut vector: Vec<(u32, f32)> = tokens
                .sentence_terms(i)
                .iter()
                .map(|&(t, c)| (t, (tf(c) * idf(tokens, t)) as f32))
                .collect();
            let norm = vector.iter().map(|&(_, w)| w * w).sum::<f32>().sqrt();
            if norm > 0.0 {
                vector.iter_mut().for_each(|(_, w)| *w /= norm);
            }
            vector
        })
        .collect()
}

/// Cosine between each sentence and the centroid of all the others.
fn centroid_similarity(tokens: &Tokens) -> Vec<f64> {
    let mut centroid = vec![0.0f64; tokens.terms.len()];
    for i in 0..tokens.sentence_count() {
        for &(t, c) in tokens.sentence_terms(i) {
            centroid[t as usize] += tf(c) * idf(tokens, t);
        }
    }
    let centroid_norm2: f64 = centroid.iter().map(|w| w * w).sum();
    (0..tokens.sentence_count())
        .map(|i| {
            let (mut dot, mut own2) = (0.0, 0.0);
            for &(t, c) in tokens.sentence_terms(i) {
                let w = tf(c) * idf(tokens, t);
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

/// Similarity to later sentences minus part of the similarity to earlier ones.
fn directed_centrality(vectors: &[Vec<(u32, f32)>], term_count: usize) -> Vec<f64> {
    let mut total = vec![0.0f64; term_count];
    for vector in vectors {
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
            forward - BACKWARD_WEIGHT * backward
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
    let max = values.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let min = values
        .iter()
        .copied()
        .fold(f64::INFINITY, f64::min)
        .min(0.0);
    if max.partial_cmp(&min) != Some(std::cmp::Ordering::Greater) {
        return vec![0.0; values.len()];
    }
    values
        .into_iter()
        .map(|v| (v - min) / (max - min))
        .collect()
}

fn text_kind(spans: &[SentenceSpan]) -> TextKind {
    let sentences = spans.iter().filter(|s| s.kind != UnitKind::Heading).count();
    let headings = spans.len() - sentences;
    let paragraphs = spans.last().map_or(0, |s| s.paragraph + 1);
    if sentences <= 3 {
        TextKind::Short
    } else if (headings >= 2 && sentences >= 25) || (sentences > 120 && paragraphs >= 5) {
        TextKind::Sectioned
    } else {
        TextKind::News
    }
}

/// How much the position prior can scale a sentence's content score down.
fn prior_strength(kind: TextKind) -> f64 {
    match kind {
        // Two or three sentences: let the content decide.
        TextKind::Short => 0.2,
        // Lead-first writing: the prior is the main signal (Lead-3 is hard to beat).
        TextKind::News => 1.0,
        TextKind::Sectioned => 0.9,
    }
}

/// In news-like text the prior halves about every 2.8 sentences (e^(-i/4)).
const NEWS_DECAY: f64 = 4.0;
/// In sectioned text the lead fades over 3 sentences plus 3% of the text.
const SECTIONED_DECAY_FIXED: f64 = 3.0;
const SECTIONED_DECAY_SHARE: f64 = 0.03;
/// Sectioned text: how much the lead, a paragraph start and a section start count.
const SECTIONED_LEAD: f64 = 0.6;
const SECTIONED_PARAGRAPH_START: f64 = 0.3;
const SECTIONED_SECTION_START: f64 = 0.3;
/// What a cue phrase ("in this paper we ...") adds to the prior, in any kind of text.
const CUE_BONUS: f64 = 0.5;

/// The position prior in `[0, 1]` for each sentence.
fn position_prior(spans: &[SentenceSpan], kind: TextKind, cues: &[f64]) -> Vec<f64> {
    let sentences = spans.iter().filter(|s| s.kind != UnitKind::Heading).count();
    let sectioned_decay = SECTIONED_DECAY_FIXED + SECTIONED_DECAY_SHARE * sentences as f64;
    let mut prior = Vec::with_capacity(spans.len());
    let mut ordinal = 0usize;
    let mut after_heading = false;
    for (i, span) in spans.iter().enumerate() {
        let paragraph_start = i == 0 || spans[i - 1].paragraph != span.paragraph;
        let value = match kind {
            TextKind::Short | TextKind::News => (-(ordinal as f64) / NEWS_DECAY).exp(),
            TextKind::Sectioned => {
                let lead = (-(ordinal as f64) / sectioned_decay).exp();
                let section = f64::from(u8::from(after_heading && paragraph_start));
                let paragraph = f64::from(u8::from(paragraph_start));
                SECTIONED_LEAD * lead
                    + SECTIONED_PARAGRAPH_START * paragraph
                    + SECTIONED_SECTION_START * section
            }
        };
        prior.push((value + CUE_BONUS * cues[i]).min(1.0));
        if span.kind == UnitKind::Heading {
            after_heading = true;
        } else {
            ordinal += 1;
            if paragraph_start {
                after_heading = false;
            }
        }
    }
    prior
}

/// Phrases with which authors announce what their text is about.
const CUE_PHRASES: &[&str] = &[
    "in conclusion",
    "in summary",
    "in this article",
    "in this paper",
    "in this study",
    "in this work",
    "our results",
    "results show",
    "the results show",
    "this paper",
    "we conclude",
    "we demonstrate",
    "we describe",
    "we find",
    "we found",
    "we introduce",
    "we present",
    "we propose",
    "we show",
    "dans cet article",
    "nous présentons",
    "nous proposons",
    "in diesem artikel",
    "in dieser arbeit",
    "wir zeigen",
    "en este artículo",
    "in questo articolo",
    "neste artigo",
];

/// 1 when a sentence contains a cue phrase, else 0.
fn cue(sentence: &str) -> f64 {
    // Only the opening matters, and it keeps the check cheap on run-on sentences.
    let mut end = sentence.len().min(160);
    while !sentence.is_char_boundary(end) {
        end -= 1;
    }
    let lower = sentence[..end].to_lowercase();
    f64::from(u8::from(CUE_PHRASES.iter().any(|c| lower.contains(c))))
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

const DANGLING_OPENERS: &[&str] = &[
    "also", "and", "but", "he", "her", "his", "however", "it", "moreover", "she", "so", "that",
    "their", "these", "they", "this", "those", "thus", "yet",
];

const BOILERPLATE: &[&str] = &[
    "all rights reserved",
    "click here",
    "copyright ©",
    "follow us",
    "read more",
    "share this",
    "sign up for",
    "subscribe to",
    "e-mail to a friend",
    "contributed to this report",
];

fn penalties(span: SentenceSpan, sentence: &str, words: u32, language: Language) -> Vec<Penalty> {
    let mut found = Vec::new();
    if span.kind == UnitKind::Heading {
        found.push(Penalty::Heading);
    } else if words < 5 {
        found.push(Penalty::Fragment);
    }
    // Long sentences win on content overlap alone; past 35 words they are marked down.
    if words > 35 {
        found.push(Penalty::RunOn);
    }
    let trimmed = sentence.trim_end_matches(['"', '\'', '”', '’', ')', '»', ' ']);
    if trimmed.ends_with(['?', '？']) {
        found.push(Penalty::Question);
    }
    if sentence.starts_with(['"', '“', '«', '„']) && sentence.ends_with(['"', '”', '»', '“'])
    {
        found.push(Penalty::Quote);
    }
    if language == Language::English {
        let first = sentence
            .split(|c: char| !c.is_alphanumeric())
            .next()
            .unwrap_or("")
            .to_lowercase();
        if DANGLING_OPENERS.contains(&first.as_str()) {
            found.push(Penalty::Dangling);
        }
    }
    if words < 40 {
        let lower = sentence.to_lowercase();
        if BOILERPLATE.iter().any(|b| lower.contains(b)) || is_byline(sentence) {
            found.push(Penalty::Boilerplate);
        }
    }
    found
}

/// "By Jane Doe, CNN" and similar credit lines.
fn is_byline(sentence: &str) -> bool {
    let Some(rest) = sentence.strip_prefix("By ") else {
        return false;
    };
    let words: Vec<&str> = rest.split_whitespace().collect();
    words.len() <= 8
        && words
            .iter()
            .all(|w| w.chars().next().is_some_and(|c| c.is_uppercase()) || *w == "and")
}
