//! What the caller asks for: the length of the summary and a few knobs.

use crate::error::Error;
use crate::lang::Language;
use crate::score::Weights;

/// How long the summary may be.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Length {
    /// At most this many sentences.
    Sentences(usize),
    /// This fraction of the text's sentences, rounded, and at least one: `0.0 < r <= 1.0`.
    Ratio(f64),
    /// At most this many words (Unicode words, as UAX #29 counts them).
    Words(usize),
    /// At most this many characters (Unicode scalar values).
    Chars(usize),
}

impl Default for Length {
    fn default() -> Self {
        Length::Sentences(3)
    }
}

/// Options for [`crate::summarize`], built with chained setters.
///
/// ```
/// use abridge::{Length, Options};
/// let options = Options::default().length(Length::Ratio(0.2)).language("de").unwrap();
/// assert_eq!(options.get_length(), Length::Ratio(0.2));
/// // The common case in one argument: a sentence count.
/// assert_eq!(Options::from(5).get_length(), Length::Sentences(5));
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct Options {
    pub(crate) length: Length,
    pub(crate) language: Option<Language>,
    pub(crate) redundancy: f64,
    pub(crate) keywords: usize,
    pub(crate) entities: usize,
    pub(crate) weights: Weights,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            length: Length::default(),
            language: None,
            redundancy: 0.5,
            keywords: 10,
            entities: 10,
            weights: Weights::default(),
        }
    }
}

impl From<usize> for Options {
    fn from(sentences: usize) -> Self {
        Options::default().length(Length::Sentences(sentences))
    }
}

impl From<Length> for Options {
    fn from(length: Length) -> Self {
        Options::default().length(length)
    }
}

impl Options {
    /// Sets the summary's length budget.
    pub fn length(mut self, length: Length) -> Self {
        self.length = length;
        self
    }

    /// Forces the language by its code or English name (`"en"`, `"German"`, `"zh"`);
    /// `"auto"` restores detection. Unknown codes are an error naming the known ones.
    pub fn language(mut self, code: &str) -> Result<Self, Error> {
        self.language = if code.eq_ignore_ascii_case("auto") {
            None
        } else {
            Some(Language::from_code(code).ok_or_else(|| {
                Error::invalid(
                    "language",
                    format!(
                        "unknown language {code:?}; known: auto, {}",
                        Language::known_codes()
                    ),
                )
            })?)
        };
        Ok(self)
    }

    /// Forces the language (or `None` to detect it).
    pub fn with_language(mut self, language: Option<Language>) -> Self {
        self.language = language;
        self
    }

    /// How strongly near-duplicate sentences are kept out, from 0 (never) to 1 (any shared
    /// content counts). Default 0.5.
    pub fn redundancy(mut self, redundancy: f64) -> Self {
        self.redundancy = redundancy;
        self
    }

    /// How many keywords to return (default 10).
    pub fn keywords(mut self, count: usize) -> Self {
        self.keywords = count;
        self
    }

    /// How many entities to return (default 10).
    pub fn entities(mut self, count: usize) -> Self {
        self.entities = count;
        self
    }

    /// How much each feature counts (for experiments and ablations), each in
    /// `[0, 10]` (see [`Options::validate`]).
    pub fn weights(mut self, weights: Weights) -> Self {
        self.weights = weights;
        self
    }

    /// The length budget.
    pub fn get_length(&self) -> Length {
        self.length
    }

    /// The forced language, if any.
    pub fn get_language(&self) -> Option<Language> {
        self.language
    }

    /// Checks every value; [`crate::summarize`] calls this first. Built for
    /// wasm32 it leaves out the weights, which the JavaScript bindings never set.
    pub fn validate(&self) -> Result<(), Error> {
        match self.length {
            Length::Sentences(0) => {
                return Err(Error::out_of_range("sentences", "at least 1", 0.0))
            }
            Length::Words(0) => return Err(Error::out_of_range("words", "at least 1", 0.0)),
            Length::Chars(0) => return Err(Error::out_of_range("chars", "at least 1", 0.0)),
            Length::Ratio(r) if !(r > 0.0 && r <= 1.0) => {
                return Err(Error::out_of_range("ratio", "a number in (0, 1]", r))
            }
            _ => {}
        }
        if !(0.0..=1.0).contains(&self.redundancy) {
            return Err(Error::out_of_range(
                "redundancy",
                "a number in [0, 1]",
                self.redundancy,
            ));
        }
        // The bindings set no weights: checking the defaults only put the six
        // names and the check in the wasm (0.2 KB gzipped).
        if cfg!(target_arch = "wasm32") {
            return Ok(());
        }
        self.weights.validate()
    }
}

/// `base` (≥ 0) to the power `exponent`, without linking libm's `pow` (2 KB of
/// wasm) for the exponents the crate uses: 1 (every default feature weight)
/// is exact, and 2.5 (the overview's length discount) is `b² √b` on every
/// target, so the CLI and the wasm agree. Other exponents only come from the
/// CLI's `--weights`, which keeps `powf`; the wasm, where no option sets the
/// weights, falls back on `exp` and `ln`, which it links anyway.
pub(crate) fn power(base: f64, exponent: f64) -> f64 {
    if exponent == 1.0 {
        base
    } else if exponent == 2.5 {
        base * base * base.sqrt()
    } else if cfg!(target_arch = "wasm32") {
        if exponent == 0.0 {
            1.0
        } else {
            (exponent * base.ln()).exp()
        }
    } else {
        base.powf(exponent)
    }
}
