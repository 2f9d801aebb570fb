//! Abbreviations that end in a period without ending the sentence.

use super::Language;

/// Whether `word` (the letters before a period, original case) is an abbreviation
/// in `language` that does not end a sentence.
pub(crate) fn is_abbreviation(language: Language, word: &str) -> bool {
    let _ = language;
    matches!(
        word,
        "Mr" | "Mrs"
            | "Ms"
            | "Dr"
            | "Prof"
            | "St"
            | "Gen"
            | "Jr"
            | "Sr"
            | "vs"
            | "etc"
            | "e.g"
            | "i.e"
            | "U.S"
    )
}
