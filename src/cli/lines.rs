//! A sentence as the command line writes it: on one line.
//!
//! Mail wrapped by hand and text copied from a PDF break lines inside
//! sentences, and a PDF's typesetting hyphenates words across those breaks
//! ("the ener-\ngy use"). The library's sentences are verbatim slices of the
//! text (their offsets say where); only how they are written is mended here.
//! The page does the same for its list and its copies (`oneLine` in
//! `www/main.js`).

use std::cell::OnceCell;
use std::collections::HashSet;

use abridge::segment::unquoted;

/// Writes the sentences of one text on one line each.
pub struct OneLine<'t> {
    text: &'t str,
    /// The text's hyphenated words, lower-cased: "self-supervised" written so
    /// anywhere keeps its hyphen where a line break splits it. Made when a
    /// sentence first needs it.
    compounds: OnceCell<HashSet<String>>,
}

impl<'t> OneLine<'t> {
    pub fn new(text: &'t str) -> Self {
        OneLine {
            text,
            compounds: OnceCell::new(),
        }
    }

    /// `sentence` on one line: each run of white space with a line break in
    /// it becomes one space, or nothing between two characters of a script
    /// written without spaces; a word hyphenated at the break is joined
    /// ("ener-gy" → "energy") unless the text writes it with its hyphen
    /// elsewhere, its second part does not start in lower case ("Franco-
    /// German", "COVID-19") or its first part already has a hyphen
    /// ("state-of-the-art"); a soft hyphen at the break always goes, and so
    /// do the quotation marks of e-mail and Markdown that open a line ("> ").
    pub fn of(&self, sentence: &str) -> String {
        let sentence = Some(unquoted(sentence))
            .filter(|words| !words.is_empty())
            .unwrap_or(sentence);
        if !sentence.contains(LINE_BREAKS) {
            return sentence.to_string();
        }
        let mut out = String::with_capacity(sentence.len());
        let mut rest = sentence;
        while let Some(at) = rest.find(LINE_BREAKS) {
            let line = rest[..at].trim_end();
            let next = unquoted(rest[at..].trim_start());
            rest = next;
            // A soft hyphen only marks where a word may break: it goes.
            if let Some(head) = line.strip_suffix('\u{ad}') {
                out.push_str(head);
                continue;
            }
            out.push_str(line);
            let tail: &str = next
                .split(|c: char| !c.is_alphanumeric())
                .next()
                .unwrap_or("");
            let previous = line.chars().next_back();
            let first = tail.chars().next();
            if let (Some(head), Some(first)) = (hyphenated_head(line), first) {
                let keep = !first.is_lowercase()
                    || head.contains('-')
                    || self
                        .compounds()
                        .contains(&format!("{head}-{tail}").to_lowercase());
                if !keep {
                    out.pop();
                }
            } else if !(out.is_empty()
                || next.is_empty()
                || previous.is_some_and(unspaced) && next.chars().next().is_some_and(unspaced))
            {
                out.push(' ');
            }
        }
        out.push_str(rest);
        out
    }

    fn compounds(&self) -> &HashSet<String> {
        self.compounds.get_or_init(|| {
            self.text
                .split(|c: char| !(c.is_alphanumeric() || c == '-'))
                .map(|word| word.trim_matches('-'))
                .filter(|word| word.contains('-'))
                .map(str::to_lowercase)
                .collect()
        })
    }
}

/// The word before a hyphen that ends `line`, when a letter or digit stands
/// right before that hyphen: "ener" of "the ener-", "state-of-the" of
/// "state-of-the-".
fn hyphenated_head(line: &str) -> Option<&str> {
    let before = line.strip_suffix('-')?;
    let start = before
        .trim_end_matches(|c: char| c.is_alphanumeric() || c == '-')
        .len();
    let head = before[start..].trim_start_matches('-');
    head.chars()
        .next_back()
        .is_some_and(char::is_alphanumeric)
        .then_some(head)
}

/// What breaks a line, also for a terminal: a form feed and Unicode's next
/// line, line and paragraph separators too.
const LINE_BREAKS: [char; 7] = [
    '\n', '\r', '\u{b}', '\u{c}', '\u{85}', '\u{2028}', '\u{2029}',
];

/// Characters of scripts written without spaces between words (Han, kana)
/// and their punctuation: a line break between two of them is no space.
fn unspaced(c: char) -> bool {
    matches!(c,
        '\u{3000}'..='\u{30ff}' // CJK punctuation, hiragana, katakana
        | '\u{3400}'..='\u{4dbf}' | '\u{4e00}'..='\u{9fff}' | '\u{f900}'..='\u{faff}'
        | '\u{ff00}'..='\u{ffef}' // full-width forms
        | '\u{20000}'..='\u{3ffff}')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one_line(sentence: &str, text: &str) -> String {
        OneLine::new(text).of(sentence)
    }

    #[test]
    fn a_sentence_without_line_breaks_is_as_it_is() {
        let s = "Two  spaces\tand a tab stay.";
        assert_eq!(one_line(s, s), s);
    }

    #[test]
    fn line_breaks_become_one_space() {
        let s = "Wrapped by hand \n  at the margin,\r\nas mail is.";
        assert_eq!(one_line(s, s), "Wrapped by hand at the margin, as mail is.");
        // A dash is no hyphen: "x -" and "x –" keep their space.
        let s = "one thing -\nand another –\nthen";
        assert_eq!(one_line(s, s), "one thing - and another – then");
    }

    #[test]
    fn a_word_hyphenated_at_a_line_break_is_joined() {
        let s = "The ener-\ngy use of data centres com- \n bines";
        assert_eq!(one_line(s, s), "The energy use of data centres combines");
        assert_eq!(one_line("Schienen-\nverkehr", ""), "Schienenverkehr");
        assert_eq!(one_line("énor-\nmément", ""), "énormément");
    }

    #[test]
    fn every_kind_of_line_break_becomes_one_space() {
        let s = "One\u{2028}two\u{85}three\u{b}four\u{c}five\u{2029}six.";
        assert_eq!(one_line(s, s), "One two three four five six.");
    }

    #[test]
    fn quotation_marks_opening_a_line_go() {
        let s = "> revenue grew by twelve percent\n> compared with\n>> last year, by > 5%";
        assert_eq!(
            one_line(s, s),
            "revenue grew by twelve percent compared with last year, by > 5%"
        );
    }

    #[test]
    fn a_soft_hyphen_at_a_line_break_goes() {
        let s = "the ener\u{ad}\ngy use of Franco\u{ad}\r\nGerman sites";
        assert_eq!(one_line(s, s), "the energy use of FrancoGerman sites");
        // Elsewhere it stays, as the text has it.
        assert_eq!(one_line("ener\u{ad}gy\nuse", ""), "ener\u{ad}gy use");
    }

    #[test]
    fn a_hyphen_the_word_has_stays() {
        let text = "Self-supervised learning. We train a self-\nsupervised model.";
        let sentence = &text[26..];
        assert_eq!(
            one_line(sentence, text),
            "We train a self-supervised model."
        );
        // Without the text's other spelling, the hyphen is taken for the line's.
        assert_eq!(
            one_line(sentence, sentence),
            "We train a selfsupervised model."
        );
        // A second part in capitals or digits, a first part with a hyphen.
        let s = "Franco-\nGerman talks on COVID-\n19 and state-of-the-\nart tests";
        assert_eq!(
            one_line(s, s),
            "Franco-German talks on COVID-19 and state-of-the-art tests"
        );
    }

    #[test]
    fn no_space_between_characters_of_unspaced_scripts() {
        let s = "数据中心的能\n源消耗，\n  增长了。";
        assert_eq!(one_line(s, s), "数据中心的能源消耗，增长了。");
        let s = "東京で\nAI の会議";
        assert_eq!(one_line(s, s), "東京で AI の会議");
        // Korean is written with spaces.
        let s = "서울에서\n회의가";
        assert_eq!(one_line(s, s), "서울에서 회의가");
    }

    #[test]
    fn a_trailing_line_break_leaves_no_space() {
        assert_eq!(one_line("Ends here.\n", ""), "Ends here.");
        assert_eq!(one_line("\nStarts here.", ""), "Starts here.");
    }
}
