//! Stop words: the function words that carry no content of their own.

use super::Language;

/// Whether `word` (already lower-cased) is a stop word in `language`.
pub(crate) fn is_stop_word(language: Language, word: &str) -> bool {
    let list: &[&str] = match language {
        Language::English => ENGLISH,
        _ => &[],
    };
    list.binary_search(&word).is_ok()
}

// Sorted, so that lookups can binary-search.
const ENGLISH: &[&str] = &[
    "a", "about", "after", "all", "also", "an", "and", "any", "are", "as", "at", "be", "been",
    "but", "by", "can", "could", "did", "do", "for", "from", "had", "has", "have", "he", "her",
    "his", "i", "if", "in", "into", "is", "it", "its", "more", "not", "of", "on", "one", "or",
    "our", "said", "she", "so", "than", "that", "the", "their", "them", "there", "they", "this",
    "to", "was", "we", "were", "what", "when", "which", "who", "will", "with", "would", "you",
];
