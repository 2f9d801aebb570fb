//! Per-language data: codes, stop words, stemmers, abbreviations and detection.
//!
//! Everything language-specific lives under this module so that the pipeline
//! stages stay generic.

mod abbreviations;
mod detect;
mod stem;
mod stopwords;

pub(crate) use abbreviations::{is_abbreviation, is_references_title, is_sentence_starter};
pub use detect::detect;
pub(crate) use stem::Stemmer;
pub(crate) use stopwords::{stop_list_bit, stop_lists, word_lists, word_lists_hashed, WordLists};

use serde::Serialize;

/// A language the summarizer knows. `Other` means "no language-specific data":
/// words are still split and compared, just not stemmed or filtered.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(into = "&'static str")]
pub enum Language {
    English,
    German,
    French,
    Spanish,
    Italian,
    Portuguese,
    Dutch,
    Russian,
    Chinese,
    Japanese,
    Korean,
    Other,
}

impl From<Language> for &'static str {
    fn from(language: Language) -> Self {
        language.code()
    }
}

impl Language {
    /// Every language, `Other` last.
    pub const ALL: [Language; 12] = [
        Language::English,
        Language::German,
        Language::French,
        Language::Spanish,
        Language::Italian,
        Language::Portuguese,
        Language::Dutch,
        Language::Russian,
        Language::Chinese,
        Language::Japanese,
        Language::Korean,
        Language::Other,
    ];

    /// The ISO 639-1 code (`"und"` for `Other`).
    ///
    /// ```
    /// assert_eq!(abridge::Language::German.code(), "de");
    /// ```
    pub fn code(self) -> &'static str {
        match self {
            Language::English => "en",
            Language::German => "de",
            Language::French => "fr",
            Language::Spanish => "es",
            Language::Italian => "it",
            Language::Portuguese => "pt",
            Language::Dutch => "nl",
            Language::Russian => "ru",
            Language::Chinese => "zh",
            Language::Japanese => "ja",
            Language::Korean => "ko",
            Language::Other => "und",
        }
    }

    /// The English name.
    pub fn name(self) -> &'static str {
        match self {
            Language::English => "English",
            Language::German => "German",
            Language::French => "French",
            Language::Spanish => "Spanish",
            Language::Italian => "Italian",
            Language::Portuguese => "Portuguese",
            Language::Dutch => "Dutch",
            Language::Russian => "Russian",
            Language::Chinese => "Chinese",
            Language::Japanese => "Japanese",
            Language::Korean => "Korean",
            Language::Other => "Other",
        }
    }

    /// Parses a code (`"en"`, `"en-US"`, `"zh_Hans"`) or an English name, ignoring case.
    ///
    /// ```
    /// use abridge::Language;
    /// assert_eq!(Language::from_code("FR"), Some(Language::French));
    /// assert_eq!(Language::from_code("pt-BR"), Some(Language::Portuguese));
    /// assert_eq!(Language::from_code("klingon"), None);
    /// ```
    pub fn from_code(code: &str) -> Option<Language> {
        let code = crate::segment::trim_by(code, char::is_whitespace);
        let primary = &code[..code
            .bytes()
            .position(|b| b == b'-' || b == b'_')
            .unwrap_or(code.len())];
        Language::ALL.into_iter().find(|language| {
            primary.eq_ignore_ascii_case(language.code())
                || code.eq_ignore_ascii_case(language.name())
        })
    }

    /// The codes [`Language::from_code`] accepts, for error messages.
    pub fn known_codes() -> String {
        let codes: Vec<&str> = Language::ALL.iter().map(|l| l.code()).collect();
        codes.join(", ")
    }

    /// Whether the script separates words with spaces; if not, the tokenizer
    /// uses character bigrams.
    pub fn uses_spaces(self) -> bool {
        !matches!(self, Language::Chinese | Language::Japanese)
    }
}
