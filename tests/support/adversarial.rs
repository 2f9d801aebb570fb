//! Adversarial inputs, generated (deterministically) rather than stored: shared by
//! `tests/adversarial.rs` (valid result in bounded time) and
//! `examples/adversarial_table.rs` (how long each takes).

/// A small deterministic generator (64-bit LCG), so the inputs are the same on every run.
pub struct Lcg(u64);

impl Lcg {
    pub fn new(seed: u64) -> Self {
        Lcg(seed)
    }

    pub fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }

    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    pub fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

const WORDS: &[&str] = &[
    "council",
    "bridge",
    "river",
    "vote",
    "mayor",
    "plan",
    "million",
    "construction",
    "traffic",
    "engineers",
    "residents",
    "budget",
    "steel",
    "crossing",
    "delay",
    "state",
    "funding",
    "report",
    "the",
    "a",
    "of",
    "and",
    "to",
    "in",
    "new",
    "old",
    "city",
    "said",
];

const NEWS: &str = include_str!("../fixtures/news-bridge.txt");

/// Repeats `unit` until the text is at least `bytes` long.
fn repeat_to(unit: &str, bytes: usize) -> String {
    unit.repeat(bytes.div_ceil(unit.len().max(1)))
}

/// Words separated by single spaces, no punctuation and no line breaks.
fn no_punctuation(bytes: usize) -> String {
    let mut rng = Lcg::new(1);
    let mut text = String::with_capacity(bytes + 16);
    while text.len() < bytes {
        text.push_str(rng.pick(WORDS));
        text.push(' ');
    }
    text
}

fn one_word(bytes: usize) -> String {
    let mut rng = Lcg::new(2);
    (0..bytes)
        .map(|_| (b'a' + rng.below(26) as u8) as char)
        .collect()
}

fn one_word_sentences(count: usize) -> String {
    let mut rng = Lcg::new(3);
    let mut text = String::new();
    for i in 0..count {
        let word = rng.pick(WORDS);
        let mut chars = word.chars();
        let first = chars.next().unwrap().to_ascii_uppercase();
        text.push(first);
        text.push_str(chars.as_str());
        text.push_str(if i % 10 == 9 { ".\n\n" } else { ". " });
    }
    text
}

/// Arabic and Hebrew sentences with English names and numbers inside, and every
/// bidi control character (embeddings, overrides, isolates, marks).
fn bidi(bytes: usize) -> String {
    let unit = "\u{202B}قال رئيس البلدية إن الجسر الجديد سيكلف 240 مليون دولار.\u{202C} \
        The mayor, \u{2067}דניאל ויטקומב\u{2069}, said the vote was historic. \
        \u{202E}txet desrever\u{202C} \u{200F}הצבעה נערכה ביום שלישי.\u{200E} \
        \u{2066}Riverton\u{2069} \u{2068}ريفرتون\u{2069} \u{202D}LTR override\u{202C}; \u{061C}٣٤٥ سيارة يوميا.\n\n";
    repeat_to(unit, bytes)
}

/// Zero-width space, joiner, non-joiner, word joiner and BOM between characters.
fn zero_width(bytes: usize) -> String {
    let controls = ['\u{200B}', '\u{200C}', '\u{200D}', '\u{2060}', '\u{FEFF}'];
    let mut text = String::with_capacity(bytes * 2);
    for (i, c) in NEWS.chars().cycle().enumerate() {
        if text.len() >= bytes {
            break;
        }
        text.push(c);
        text.push(controls[i % controls.len()]);
    }
    text
}

/// NUL and every other C0 control character, DEL and a few C1 controls, inside
/// and between words.
fn control_chars(bytes: usize) -> String {
    let mut rng = Lcg::new(4);
    let mut text = String::with_capacity(bytes + 16);
    for c in NEWS.chars().cycle() {
        if text.len() >= bytes {
            break;
        }
        text.push(c);
        if rng.below(4) == 0 {
            let control = match rng.below(3) {
                0 => '\0',
                1 => char::from(rng.below(32) as u8),
                _ => ['\u{7F}', '\u{85}', '\u{9B}', '\u{8D}'][rng.below(4)],
            };
            text.push(control);
        }
    }
    text
}

fn emoji_zwj(bytes: usize) -> String {
    let unit = "The family 👩\u{200D}👩\u{200D}👧\u{200D}👦 arrived 🏳\u{FE0F}\u{200D}🌈 at the bridge 🧑🏽\u{200D}🚒. \
        👨\u{200D}👨\u{200D}👦\u{200D}👦👨\u{200D}💻🇩🇪🇺🇸🏴\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F} \
        🤷🏾\u{200D}♀\u{FE0F}! Then 😀😀😀\u{200D}\u{200D}\u{200D}😀 again.\n";
    repeat_to(unit, bytes)
}

/// Words whose letters carry dozens of combining marks, and one base letter
/// followed by `flood` marks (a single grapheme cluster of megabytes).
fn combining_flood(bytes: usize, flood: usize) -> String {
    let marks = [
        '\u{301}', '\u{308}', '\u{323}', '\u{336}', '\u{FE20}', '\u{20D7}',
    ];
    let mut rng = Lcg::new(5);
    let mut text = String::from("Zalgo text. ");
    while text.len() < bytes {
        for c in rng.pick(WORDS).chars() {
            text.push(c);
            for _ in 0..rng.below(40) {
                text.push(marks[rng.below(marks.len())]);
            }
        }
        text.push_str(if rng.below(8) == 0 { ". " } else { " " });
    }
    text.push_str(" Then one letter: a");
    for i in 0..flood {
        text.push(marks[i % marks.len()]);
    }
    text.push_str(". The end.");
    text
}

fn html(bytes: usize) -> String {
    let mut text = String::from(
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Riverton &amp; the bridge</title>\n\
         <style>body{font:16px/1.4 sans-serif}.x>p:not(.y){margin:0 auto}</style>\n\
         <script>window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments)}</script></head><body>\n",
    );
    for (i, paragraph) in NEWS.split("\n\n").cycle().enumerate() {
        if text.len() >= bytes {
            break;
        }
        text.push_str(&format!(
            "<div class=\"row\" id=\"p{i}\"><p data-i=\"{i}\">{}</p><a href=\"/x?a=1&amp;b={i}\">more</a>\
             <img src=\"x.png\" alt=\"\" onerror=\"alert(1)\"></div>\n",
            paragraph.replace('"', "&quot;")
        ));
    }
    text.push_str("</body></html>\n");
    text
}

fn json(bytes: usize) -> String {
    let mut text = String::from("{\"items\":[\n");
    for (i, paragraph) in NEWS.split("\n\n").cycle().enumerate() {
        if text.len() >= bytes {
            break;
        }
        text.push_str(&format!(
            "  {{\"id\": {i}, \"score\": {}.{:02}, \"tags\": [\"a\", \"b\"], \"ok\": true, \"body\": \"{}\", \"n\": null}},\n",
            i * 7,
            i % 100,
            paragraph.replace('"', "\\\"").replace('\n', "\\n")
        ));
    }
    text.push_str("  {}\n]}\n");
    text
}

fn minified_code(bytes: usize) -> String {
    let unit = "!function(e,t){\"object\"==typeof exports&&\"undefined\"!=typeof module?module.exports=t():\
        \"function\"==typeof define&&define.amd?define(t):(e=e||self).Lib=t()}(this,function(){\"use strict\";\
        var e=Object.prototype.hasOwnProperty;function t(t,n){return e.call(t,n)}var n=/^[a-z]+\\.[0-9]+$/i;\
        function r(e){for(var t=0,r=e.length;t<r;t++)if(n.test(e[t]))return!0;return!1}return{has:t,any:r,v:\"1.2.3\"}});";
    repeat_to(unit, bytes)
}

/// Distinct long words that share their length and their first and last eight
/// letters ("chemical" + a counter + "analysis"): a hash of a word's ends alone
/// would put them all in one chain, quadratic in their number.
fn alike_long_words(bytes: usize) -> String {
    let mut text = String::with_capacity(bytes + 64);
    let mut n = 0usize;
    while text.len() < bytes {
        text.push_str("chemical");
        let mut k = n;
        for _ in 0..5 {
            text.push(char::from(b'a' + (k % 26) as u8));
            k /= 26;
        }
        text.push_str("analysis");
        n += 1;
        text.push_str(if n % 12 == 0 { ".\n" } else { " " });
    }
    text
}

/// A PDF's text layer: hard-wrapped lines with hyphenated breaks, running headers,
/// page numbers and form feeds.
fn pdf_text(bytes: usize) -> String {
    let mut text = String::new();
    let mut page = 1;
    let words: Vec<&str> = NEWS.split_whitespace().collect();
    let mut line = String::new();
    let mut lines_on_page = 0;
    for (i, word) in words.iter().cycle().enumerate() {
        if text.len() >= bytes {
            break;
        }
        if line.len() + word.len() > 60 {
            if word.len() > 5 && i % 3 == 0 {
                let cut = word.char_indices().nth(3).map_or(word.len(), |(b, _)| b);
                line.push_str(&word[..cut]);
                line.push('-');
                text.push_str(&line);
                text.push('\n');
                line = word[cut..].to_string();
                line.push(' ');
            } else {
                text.push_str(&line);
                text.push('\n');
                line = format!("{word} ");
            }
            lines_on_page += 1;
            if lines_on_page == 45 {
                text.push_str(&format!(
                    "\n{page}\n\u{C}Journal of Municipal Engineering · Vol. 12\n\n"
                ));
                page += 1;
                lines_on_page = 0;
            }
        } else {
            line.push_str(word);
            line.push(' ');
        }
    }
    text
}

/// A name and the generator of the text.
pub type Input = (&'static str, fn() -> String);

const MB: usize = 1 << 20;

/// Every adversarial input: a name and a generator. Sizes follow the spec where it
/// gives one; the rest are about 1 MB.
pub fn inputs() -> Vec<Input> {
    vec![
        ("10 MB without punctuation", || no_punctuation(10 * MB)),
        ("a single 5 MB word", || one_word(5 * MB)),
        ("1 M newlines", || "\n".repeat(1_000_000)),
        ("100 k one-word sentences", || one_word_sentences(100_000)),
        ("the same sentence 100 k times", || {
            "The council approved the bridge plan on Tuesday. ".repeat(100_000)
        }),
        ("all caps (1 MB)", || repeat_to(&NEWS.to_uppercase(), MB)),
        ("mixed RTL/LTR with bidi controls (1 MB)", || bidi(MB)),
        ("zero-width characters (1 MB)", || zero_width(MB)),
        ("NUL and control characters (1 MB)", || control_chars(MB)),
        ("emoji ZWJ sequences (1 MB)", || emoji_zwj(MB)),
        (
            "combining-mark flood (1 MB + one 200 k-mark cluster)",
            || combining_flood(MB, 200_000),
        ),
        ("HTML source (1 MB)", || html(MB)),
        ("JSON (1 MB)", || json(MB)),
        ("minified code (1 MB)", || minified_code(MB)),
        ("PDF text layer with hyphenation (1 MB)", || pdf_text(MB)),
        ("distinct long words alike at both ends (1 MB)", || {
            alike_long_words(MB)
        }),
    ]
}

/// Checks a summary's invariants against its text: spans in order, inside the text, on
/// char boundaries, with only white space between them; UTF-16 spans describe the
/// same text; non-empty when the text has content; the budget holds. Returns a
/// one-line description of the result.
pub fn check(
    text: &str,
    options: &abridge::Options,
    summary: &abridge::Summary,
) -> Result<String, String> {
    let mut previous = 0;
    let mut prefix16 = 0;
    for (i, s) in summary.sentences.iter().enumerate() {
        let (start, end) = (s.bytes.start, s.bytes.end);
        if !(previous <= start && start < end && end <= text.len()) {
            return Err(format!(
                "sentence {i}: span {start}..{end} after {previous}"
            ));
        }
        let (Some(between), Some(sentence)) = (text.get(previous..start), text.get(start..end))
        else {
            return Err(format!(
                "sentence {i}: span {start}..{end} splits a character"
            ));
        };
        if !between.chars().all(blank) {
            return Err(format!("sentence {i}: text lost before it"));
        }
        prefix16 += between.encode_utf16().count();
        let len16 = sentence.encode_utf16().count();
        if (s.utf16.start, s.utf16.end) != (prefix16, prefix16 + len16) {
            return Err(format!(
                "sentence {i}: UTF-16 span disagrees with the bytes"
            ));
        }
        if !s.score.is_finite() {
            return Err(format!("sentence {i}: score {}", s.score));
        }
        prefix16 += len16;
        previous = end;
    }
    if !text[previous..].chars().all(blank) {
        return Err("text lost after the last sentence".into());
    }
    let has_content = !text.chars().all(blank);
    let chosen: Vec<&abridge::Sentence> = summary.selected().collect();
    if has_content == chosen.is_empty() {
        return Err(format!(
            "{} sentences chosen from a text {} content",
            chosen.len(),
            if has_content { "with" } else { "without" }
        ));
    }
    let words: usize = chosen.iter().map(|s| s.words).sum();
    let chars: usize = chosen.iter().map(|s| s.text(text).chars().count()).sum();
    let within = match options.get_length() {
        abridge::Length::Sentences(k) => chosen.len() <= k,
        abridge::Length::Ratio(r) => {
            chosen.len() <= ((r * summary.sentences.len() as f64).round() as usize).max(1)
        }
        abridge::Length::Words(n) => words <= n || chosen.len() == 1,
        abridge::Length::Chars(n) => chars <= n || chosen.len() == 1,
    };
    if !within {
        return Err(format!(
            "budget {:?} exceeded: {} sentences, {words} words, {chars} chars",
            options.get_length(),
            chosen.len()
        ));
    }
    Ok(format!(
        "{} sentences, {} chosen ({chars} chars)",
        summary.sentences.len(),
        chosen.len()
    ))
}

/// White space, a byte order mark (files joined with `cat` carry theirs
/// into the text), or a quotation's mark in mail and Markdown ("> "): all that
/// may lie outside the units.
fn blank(c: char) -> bool {
    c.is_whitespace() || c == '\u{feff}' || c == '>'
}
