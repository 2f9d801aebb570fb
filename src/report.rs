//! A serializable view of a [`Summary`] together with its text: the one shape
//! that the CLI's JSON and the JavaScript bindings both return.

use serde::Serialize;

use crate::{Entity, EntityKind, Features, Keyword, Penalty, Stats, Summary, TextKind, UnitKind};

/// A [`Summary`] with the sentence texts filled in, ready to serialize.
///
/// ```
/// let text = "One sentence here. Another one there.";
/// let summary = abridge::summarize(text, &abridge::Options::from(1)).unwrap();
/// let report = abridge::Report::new(&summary, text);
/// assert_eq!(report.sentences[1].text, "Another one there.");
/// assert_eq!(report.sentences[1].start, 19);
/// ```
#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Report<'a> {
    /// The chosen sentences joined (see [`Summary::text`]).
    pub summary: String,
    pub sentences: Vec<SentenceReport<'a>>,
    pub keywords: &'a [Keyword],
    pub entities: &'a [Entity],
    /// The language code used (`"en"`, `"de"`, ...).
    pub language: &'static str,
    pub kind: TextKind,
    pub stats: &'a Stats,
}

/// One sentence of a [`Report`]. `start`/`end` are UTF-16 offsets, so that in
/// JavaScript `text.slice(start, end) === sentence.text`.
#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SentenceReport<'a> {
    pub text: &'a str,
    pub start: usize,
    pub end: usize,
    pub byte_start: usize,
    pub byte_end: usize,
    pub paragraph: usize,
    pub kind: UnitKind,
    pub words: usize,
    pub score: f64,
    pub selected: bool,
    pub features: &'a Features,
}

impl<'a> Report<'a> {
    /// Pairs a summary with the text it was made from.
    pub fn new(summary: &'a Summary, text: &'a str) -> Self {
        Report {
            summary: summary.text(text),
            sentences: summary
                .sentences
                .iter()
                .map(|s| SentenceReport {
                    text: s.text(text),
                    start: s.utf16.start,
                    end: s.utf16.end,
                    byte_start: s.bytes.start,
                    byte_end: s.bytes.end,
                    paragraph: s.paragraph,
                    kind: s.kind,
                    words: s.words,
                    score: s.score,
                    selected: s.selected,
                    features: &s.features,
                })
                .collect(),
            keywords: &summary.keywords,
            entities: &summary.entities,
            language: summary.language.code(),
            kind: summary.kind,
            stats: &summary.stats,
        }
    }
}

// The names a report gives each kind: serde's (camelCase), written out so that
// the JavaScript bindings can build the report without a serializer (see
// `wasm.rs`). The tests below check each against serde's.

impl UnitKind {
    /// The kind's name in a [`Report`].
    ///
    /// ```
    /// assert_eq!(abridge::UnitKind::ListItem.name(), "listItem");
    /// ```
    pub fn name(self) -> &'static str {
        match self {
            UnitKind::Sentence => "sentence",
            UnitKind::Heading => "heading",
            UnitKind::ListItem => "listItem",
            UnitKind::Code => "code",
            UnitKind::Timestamp => "timestamp",
            UnitKind::Reference => "reference",
        }
    }
}

impl Penalty {
    /// The penalty's name in a [`Report`].
    ///
    /// ```
    /// assert_eq!(abridge::Penalty::RunOn.name(), "runOn");
    /// ```
    pub fn name(self) -> &'static str {
        match self {
            Penalty::Fragment => "fragment",
            Penalty::Heading => "heading",
            Penalty::RunOn => "runOn",
            Penalty::Question => "question",
            Penalty::Quote => "quote",
            Penalty::Dangling => "dangling",
            Penalty::Boilerplate => "boilerplate",
        }
    }
}

impl TextKind {
    /// The kind's name in a [`Report`].
    ///
    /// ```
    /// assert_eq!(abridge::TextKind::Sectioned.name(), "sectioned");
    /// ```
    pub fn name(self) -> &'static str {
        match self {
            TextKind::Short => "short",
            TextKind::News => "news",
            TextKind::Sectioned => "sectioned",
            TextKind::Conversation => "conversation",
        }
    }
}

impl EntityKind {
    /// The kind's name in a [`Report`].
    ///
    /// ```
    /// assert_eq!(abridge::EntityKind::Money.name(), "money");
    /// ```
    pub fn name(self) -> &'static str {
        match self {
            EntityKind::Name => "name",
            EntityKind::Acronym => "acronym",
            EntityKind::Number => "number",
            EntityKind::Money => "money",
            EntityKind::Percent => "percent",
            EntityKind::Date => "date",
        }
    }
}

// serde_json is native only.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    fn serde_name<T: Serialize>(value: T) -> String {
        serde_json::to_value(value)
            .unwrap()
            .as_str()
            .unwrap()
            .to_owned()
    }

    #[test]
    fn names_are_serdes() {
        use EntityKind as E;
        use Penalty as P;
        use TextKind as T;
        use UnitKind as U;
        for kind in [
            U::Sentence,
            U::Heading,
            U::ListItem,
            U::Code,
            U::Timestamp,
            U::Reference,
        ] {
            assert_eq!(kind.name(), serde_name(kind), "{kind:?}");
        }
        for penalty in [
            P::Fragment,
            P::Heading,
            P::RunOn,
            P::Question,
            P::Quote,
            P::Dangling,
            P::Boilerplate,
        ] {
            assert_eq!(penalty.name(), serde_name(penalty), "{penalty:?}");
        }
        for kind in [T::Short, T::News, T::Sectioned, T::Conversation] {
            assert_eq!(kind.name(), serde_name(kind), "{kind:?}");
        }
        for kind in [
            E::Name,
            E::Acronym,
            E::Number,
            E::Money,
            E::Percent,
            E::Date,
        ] {
            assert_eq!(kind.name(), serde_name(kind), "{kind:?}");
        }
    }
}
