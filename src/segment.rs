//! Step 1: split a text into paragraphs and sentences, with byte spans.
//!
//! One pass finds lines and paragraphs (a blank line ends a paragraph). Lines
//! are joined into blocks unless a line is a heading, a list item or ends
//! before the wrap width. Each block is then scanned for sentence terminators
//! (those of UAX #29, whose tables come from `unicode-segmentation`, plus a few
//! it lacks), and every candidate is judged from the word before it, the
//! punctuation around it and the word after it: abbreviations, initials,
//! numbers, ellipses, quotations, lists, sentences glued without a space
//! ("Monde.Le") and script conventions repair what UAX #29 alone gets wrong.
//! Units that grow past a length cap are cut at a clause boundary or white
//! space. Everything is linear in the text's length.

use serde::Serialize;
use unicode_segmentation::UnicodeSegmentation;

use crate::lang::{is_abbreviation, is_references_title, is_sentence_starter, Language};
use crate::letters;

/// What kind of unit a span is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum UnitKind {
    /// Ordinary running text.
    Sentence,
    /// A title or section heading (a short line without a terminator).
    Heading,
    /// An item of a numbered or bulleted list.
    ListItem,
    /// Markdown that is no prose, as one unit: a fenced block of code
    /// (```` ``` ```` or `~~~`, fences included), YAML front matter (`---`
    /// on the first line, to the next `---`) or a table's row (`| a | b |`).
    /// Never part of a summary.
    Code,
    /// A subtitle's or transcript's timing line ("00:00:01,000 -->
    /// 00:00:04,000", "0:03"), with a subtitle's cue number before it, or a
    /// chat message's header, a short line that ends in a time ("Anna Smith
    /// 10:02 AM"): never part of a summary.
    Timestamp,
    /// A source in a list of references as an encyclopedia's page copies it,
    /// whole ("1. ^ Harriss, Joseph (1975). The Tallest Tower. p. 12."):
    /// never part of a summary.
    Reference,
}

impl UnitKind {
    /// Running text or a list item: what a summary is made of.
    pub(crate) fn is_prose(self) -> bool {
        matches!(self, UnitKind::Sentence | UnitKind::ListItem)
    }

    /// Code, a timestamp or a reference: kept as it stands, its words no
    /// terms, names or sentences of the text.
    pub(crate) fn is_verbatim(self) -> bool {
        matches!(
            self,
            UnitKind::Code | UnitKind::Timestamp | UnitKind::Reference
        )
    }
}

/// One sentence: its byte span in the text (no leading or trailing white space),
/// the paragraph it belongs to (counted from 0) and its kind.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SentenceSpan {
    pub start: usize,
    pub end: usize,
    pub paragraph: usize,
    pub kind: UnitKind,
}

impl SentenceSpan {
    /// The sentence's text.
    #[inline(always)]
    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        &text[self.start..self.end]
    }
}

/// How an abbreviation behaves before the next word (the tables live in
/// `lang::abbreviations`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Abbrev {
    /// Precedes a name and never ends a sentence: "Mr.", "Dr.", "Sra.".
    Title,
    /// Inside a sentence by nature: "e.g.", "vs.", "z. B.".
    Medial,
    /// An abbreviation before a number ("No. 5", "Jan. 3"), a word otherwise.
    Numeric,
    /// May end a sentence ("Inc.", "a.m."): does so before a typical opener.
    Final,
    /// Usually ends its sentence ("etc.", "usw."): does so before a capital.
    EndLikely,
}

/// Past this many characters a unit is cut at its last clause boundary...
const SOFT_CHARS: usize = 500;
/// ...and past this many at white space, or anywhere if there is none.
const HARD_CHARS: usize = 750;
/// No cut leaves a piece shorter than this many characters.
const MIN_CHARS: usize = 80;
/// Lines shorter than this, in characters, are not hard-wrapped.
const WRAP_CHARS: usize = 40;
/// The longest line, in characters, that can be a heading.
const HEADING_CHARS: usize = 120;
/// The longest quotation, in bytes, whose inner sentences stay together.
const QUOTE_BYTES: usize = 160;
/// How far back, in bytes, the word before a terminator is looked for.
const WORD_BYTES: usize = 48;

/// Splits `text` into sentences, in order. Spans never overlap, and what lies
/// between two consecutive spans (or before the first, after the last) is white space
/// (or a byte order mark, which files joined with `cat` carry into the text, or the
/// quotation marks of mail and Markdown, "> ", that open a line or a unit).
///
/// A blank line (or U+2029, or a quoted blank line, ">") starts a new paragraph; a
/// form feed (a PDF's page break) is white space. Inside a
/// paragraph a line break ends a unit only after a heading-like line, before a list
/// item, after a colon, between the short unended lines of a list without markers
/// or where the line is not hard-wrapped. Short lines without terminal punctuation
/// followed by more text are [`UnitKind::Heading`]s unless they start in lower case
/// (a chat's messages without full stops), as are a title wrapped over a text's
/// first two lines ("…Data Centres\nfrom Public Records"), Markdown `#` headings
/// and a table of contents' entries ("2. Results ........ 7"); numbered, lettered
/// and bulleted items, and chat messages opened by their time ("\[10:02\] anna:
/// ..."), are [`UnitKind::ListItem`]s; a closed Markdown code fence with what it
/// holds, front matter and each row of a table are one [`UnitKind::Code`] unit. A
/// line that is only a time or a time range (subtitles, transcripts), or a short
/// one that ends in a time (a chat's header), is a [`UnitKind::Timestamp`], and the
/// lines after it until a blank line are its cue's text, never a heading. A
/// line that cites a source as a copied encyclopedia page does ("1. ^ Harriss,
/// Joseph (1975)") is a [`UnitKind::Reference`], and so is every line after a
/// list of references' title ("References", "7. Bibliography", "Literatur")
/// past the first quarter of the text.
/// `language` selects abbreviation lists and a few conventions (German ordinals
/// such as "am 12. Juni", lower-case sentence starts in English web text);
/// [`Language::Other`] gets rules that are safe across languages. A unit longer
/// than 500 characters is cut at its last clause boundary, and one longer than 750
/// at white space, so even text without any punctuation comes out in pieces of
/// bounded length. The work is linear in the length of the text.
///
/// ```
/// use abridge::{segment, Language, UnitKind};
/// let text = "Dr. Smith arrived at 5 p.m. on Jan. 3. He sat down.\n\nThen he left...";
/// let spans = segment(text, Language::English);
/// let sentences: Vec<&str> = spans.iter().map(|s| s.text(text)).collect();
/// assert_eq!(
///     sentences,
///     ["Dr. Smith arrived at 5 p.m. on Jan. 3.", "He sat down.", "Then he left..."]
/// );
/// assert_eq!(spans[2].paragraph, 1);
///
/// let text = "Results\n\n1. Faster startup\n2. Smaller binary";
/// let kinds: Vec<UnitKind> = segment(text, Language::English).iter().map(|s| s.kind).collect();
/// assert_eq!(kinds, [UnitKind::Heading, UnitKind::ListItem, UnitKind::ListItem]);
/// ```
pub fn segment(text: &str, language: Language) -> Vec<SentenceSpan> {
    let mut segmenter = Segmenter {
        text,
        bytes: text.as_bytes(),
        language,
        out: Vec::with_capacity(text.len() / 96 + 1),
        paragraph: 0,
        lines: Vec::new(),
        content_end: trim_end_by(text, char::is_whitespace).len(),
        resume: None,
        in_cue: false,
        in_references: false,
    };
    segmenter.run();
    segmenter.out
}

/// A non-blank line of the current paragraph.
#[derive(Clone, Copy, Debug)]
struct Line {
    start: usize,
    end: usize,
    chars: usize,
    /// A list marker at the start of the line.
    marker: Option<Marker>,
    /// Characters in the first word.
    first_word: usize,
    first_lower: bool,
    last: char,
    /// Ends with a sentence terminator (closing quotes allowed after it).
    terminated: bool,
}

/// A list marker: "1.", "a)", "2.)", "•", "- 3.".
#[derive(Clone, Copy, Debug)]
struct Marker {
    start: usize,
    end: usize,
    style: u8,
    value: u8,
}

const BULLET: u8 = u8::MAX;

/// The state of the scan of one block.
struct Block {
    start: usize,
    end: usize,
    /// Start of the current unit, its kind and its length so far in characters.
    unit: usize,
    kind: UnitKind,
    chars: usize,
    /// The last clause boundary: offset after it and the unit's length in
    /// characters there.
    clause: Option<(usize, usize)>,
    /// A short quotation whose inner terminators don't end the sentence:
    /// offsets of its opening and closing marks.
    region: (usize, usize),
    /// Per kind of quotation mark: no closing mark before this offset.
    searched: [usize; QUOTES.len()],
    /// Per style of numbered marker: the last value accepted (0 for none).
    chain: [u8; 6],
    /// The block is a list bulleted with "- " and numbers: "- 9. The first item".
    dashes: bool,
    /// Per style of numbered marker: how far a "2" was looked for, and where
    /// one was found.
    seconds: [(usize, Option<usize>); 6],
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Period,
    Strong,
    Ellipsis,
}

/// A run of terminators and closing marks: `?!`, `."`, `...)`, `。」`.
#[derive(Clone, Copy, Debug)]
struct Cluster {
    end: usize,
    kind: Kind,
    /// Contains a closing quotation mark or bracket.
    closer: bool,
    /// A terminator of a script that needs no space after it (CJK, Ethiopic...).
    tight: bool,
    /// An ellipsis in brackets: "[...]".
    bracketed: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum NextClass {
    End,
    Upper,
    Lower,
    Digit,
    /// A letter of a script without case.
    Caseless,
    Dash,
    /// A comma, semicolon or colon.
    Punct,
    Closer,
    /// A URL ("http...", "www.").
    Url,
    Other,
}

/// What follows a cluster and its white space.
#[derive(Clone, Copy, Debug)]
struct Next {
    class: NextClass,
    /// Offset of the first letter or digit (after opening marks).
    at: usize,
    /// An opening quotation mark or bracket came first.
    opener: bool,
    /// Spanish ¿ or ¡ came first.
    inverted: bool,
    /// The next token starts with an ellipsis; `content` says if words follow it.
    ellipsis: bool,
    content: bool,
}

/// What the word before a period is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Word {
    /// Nothing (a period after a space or a bracket).
    Empty,
    Number {
        digits: usize,
        /// Only digits, standing alone after white space: "12", not "№5" or "1.5".
        plain: bool,
    },
    Single {
        upper: bool,
        after_slash: bool,
    },
    Roman,
    /// A listed abbreviation; the flag says if it was capitalized.
    Known(Abbrev, bool),
    /// Letters between periods ("U.S", "Ph.D"), listed or not.
    Dotted(Option<Abbrev>),
    /// A short word without vowels ("Nr", "kg", "pp"): an abbreviation.
    Consonants,
    Regular {
        chars: usize,
    },
}

impl Word {
    fn is_abbreviation(self) -> bool {
        !matches!(
            self,
            Word::Empty
                | Word::Number { .. }
                | Word::Regular { .. }
                | Word::Known(Abbrev::Numeric, _)
        )
    }
}

struct Segmenter<'t> {
    text: &'t str,
    bytes: &'t [u8],
    language: Language,
    out: Vec<SentenceSpan>,
    paragraph: usize,
    lines: Vec<Line>,
    /// End of the text without trailing white space.
    content_end: usize,
    /// Where the scan goes on after a fenced code block that `line` took whole.
    resume: Option<usize>,
    /// The current paragraph's lines follow a timestamp.
    in_cue: bool,
    /// The lines from here on are a list of references.
    in_references: bool,
}

impl Segmenter<'_> {
    /// The first character boundary at or after `i`.
    fn boundary_up(&self, mut i: usize) -> usize {
        while !self.text.is_char_boundary(i) {
            i += 1;
        }
        i
    }

    /// The character at byte `i` ('\0' past the end or inside a character).
    /// ASCII inline, the rest decoded out of line: the wasm, built for size,
    /// called the whole decoding for every character the scan looked at.
    #[inline(always)]
    fn char_at(&self, i: usize) -> char {
        match byte(self.bytes, i) {
            b if b.is_ascii() => char::from(b),
            _ => self.wide_char_at(i),
        }
    }

    #[inline(never)]
    fn wide_char_at(&self, i: usize) -> char {
        slice(self.text, i, self.text.len())
            .chars()
            .next()
            .unwrap_or('\0')
    }

    fn char_before(&self, i: usize, floor: usize) -> Option<char> {
        if i <= floor {
            None
        } else {
            slice(self.text, 0, i).chars().next_back()
        }
    }

    fn emit(&mut self, start: usize, end: usize, kind: UnitKind) {
        let piece = slice(self.text, start, end);
        let body = unquoted(trim_start_by(piece, is_blank));
        let start = end - body.len();
        let body = trim_end_by(body, is_blank);
        if !body.is_empty() {
            self.out.push(SentenceSpan {
                start,
                end: start + body.len(),
                paragraph: self.paragraph,
                kind,
            });
        }
    }

    // ---- Lines and paragraphs -------------------------------------------

    fn run(&mut self) {
        let bytes = self.bytes;
        let (mut start, mut i) = (0, 0);
        while i < bytes.len() {
            // Eight bytes at a time while none is a control character or non-ASCII.
            while let Some(chunk) = bytes[i..].first_chunk::<8>() {
                let word = u64::from_le_bytes(*chunk);
                let high = word & 0x8080_8080_8080_8080;
                let control =
                    word.wrapping_sub(0x0D0D_0D0D_0D0D_0D0D) & !word & 0x8080_8080_8080_8080;
                if high | control != 0 {
                    break;
                }
                i += 8;
            }
            if i >= bytes.len() {
                break;
            }
            if !LINE_STOP[usize::from(byte(bytes, i))] {
                i += 1;
                // Past the rest of a run of other non-ASCII bytes here, not a
                // failed chunk test a byte: 1 MB of Chinese, 13 M fewer in wasm.
                while i < bytes.len()
                    && byte(bytes, i) >= 0x80
                    && !LINE_STOP[usize::from(byte(bytes, i))]
                {
                    i += 1;
                }
                continue;
            }
            // Line breaks: \n, VT, NEL, LS and PS; PS also ends the paragraph.
            // (A form feed is a page break, which a sentence runs across in a
            // PDF's text: white space.)
            let (len, paragraph) = match byte(bytes, i) {
                b'\n' | 0x0B => (1, false),
                0xC2 if bytes.get(i + 1) == Some(&0x85) => (2, false),
                0xE2 if bytes.get(i + 1) == Some(&0x80)
                    && matches!(bytes.get(i + 2), Some(0xA8 | 0xA9)) =>
                {
                    (3, byte(bytes, i + 2) == 0xA9)
                }
                _ => {
                    i += 1;
                    continue;
                }
            };
            self.line(start, i);
            if let Some(after) = self.resume.take() {
                (start, i) = (after, after);
                continue;
            }
            if paragraph {
                self.flush();
            }
            i += len;
            start = i;
        }
        self.line(start, bytes.len());
        self.flush();
    }

    fn line(&mut self, start: usize, end: usize) {
        let raw = slice(self.text, start, end);
        let body = unquoted(trim_start_by(raw, is_blank));
        let lead = raw.len() - body.len();
        let body = trim_end_by(body, is_blank);
        if body.is_empty() {
            self.flush();
            self.in_cue = false;
            return;
        }
        let (mut start, end) = (start + lead, start + lead + body.len());
        // Code, a table's row, a contents entry and a timestamp are units of
        // their own, whole.
        let verbatim = if let Some(close) = self.closing_fence(body, end) {
            self.resume = Some(close);
            Some((close, UnitKind::Code))
        } else if body.len() > 1 && body.starts_with('|') && body.ends_with('|') {
            // A row of a Markdown table.
            Some((end, UnitKind::Code))
        } else if is_contents_entry(body.as_bytes()) {
            // A table of contents' entry is a heading, numbered or not.
            Some((end, UnitKind::Heading))
        } else if self.in_references || is_citation(body.as_bytes()) {
            // A source of a list of references, whole.
            Some((end, UnitKind::Reference))
        } else if is_timestamp(body.as_bytes())
            || body.len() < WRAP_CHARS && ends_in_time(body.as_bytes())
        {
            // A subtitle's cue number stands on the line before its times.
            if let Some(number) = self
                .lines
                .last()
                .filter(|l| self.bytes[l.start..l.end].iter().all(u8::is_ascii_digit))
            {
                start = number.start;
                self.lines.pop();
            }
            Some((end, UnitKind::Timestamp))
        } else {
            None
        };
        if let Some((end, kind)) = verbatim {
            self.flush();
            self.emit(start, end, kind);
            self.paragraph += 1;
            // The lines after a timestamp are its cue's text.
            self.in_cue = kind == UnitKind::Timestamp;
            return;
        }
        // A list of references is titled past the first quarter of a text
        // (a table of contents names it earlier) and runs to its end. Only a
        // short line is looked up: lower-casing every paragraph's opening cost
        // 8% of a call on German news.
        self.in_references =
            body.len() <= 40 && start * 4 > self.text.len() && is_references_heading(body);
        let first_word = body
            .chars()
            .take(40)
            .take_while(|c| !c.is_whitespace())
            .count();
        let first = body.chars().next().unwrap_or(' ');
        let last = body.chars().next_back().unwrap_or(' ');
        let line = Line {
            start,
            end,
            chars: crate::char_count(body),
            marker: self.marker_at(start, end, true),
            first_word,
            first_lower: first.is_lowercase(),
            last,
            terminated: self.ends_sentence(start, end),
        };
        self.lines.push(line);
    }

    /// When `line` opens a Markdown code fence (three or more backticks or
    /// tildes) that a later line closes, or the "---" of YAML front matter
    /// on a text's first line, the end of the closing line. An unclosed
    /// fence is text: only the last fence of each kind can be, so the search
    /// for closers stays linear.
    fn closing_fence(&self, line: &str, end: usize) -> Option<usize> {
        let fence = match line.as_bytes() {
            [b'`', b'`', b'`', ..] => b"```",
            [b'~', b'~', b'~', ..] => b"~~~",
            b"---" if end == 3 => b"---",
            _ => return None,
        };
        let b = self.bytes;
        let mut at = end;
        loop {
            at += b[at..].iter().position(|&c| c == b'\n')? + 1;
            while matches!(b.get(at), Some(b' ' | b'\t')) {
                at += 1;
            }
            if b[at..].starts_with(fence) {
                let close = b[at..].iter().position(|&c| c == b'\n');
                return Some(close.map_or(b.len(), |k| at + k));
            }
        }
    }

    /// Whether the line ends with a terminator, possibly followed by closing marks.
    fn ends_sentence(&self, start: usize, end: usize) -> bool {
        for c in slice(self.text, start, end).chars().rev().take(8) {
            if is_closer(c) || is_format(c) {
                continue;
            }
            return matches!(c, '.' | '!' | '?' | '…') || self.is_tight_terminator(c);
        }
        false
    }

    fn flush(&mut self) {
        if self.lines.is_empty() {
            return;
        }
        let mut lines = std::mem::take(&mut self.lines);
        let widest = lines.iter().map(|l| l.chars).max().unwrap_or(0);
        // Hard-wrapped paragraphs have several lines close to the widest; a
        // block of short lines with one long line (e-mail headers) has not.
        let wide = lines[..lines.len() - 1]
            .iter()
            .filter(|l| l.chars * 20 >= widest * 17)
            .count();
        let layout = Layout {
            widest,
            wrapped: lines.len() <= 2 || wide >= 2,
            list: lines.len() >= 3 && widest < WRAP_CHARS && !lines.iter().any(|l| l.terminated),
            unended_pair: lines.len() == 2 && !lines[0].terminated && !lines[1].terminated,
        };
        self.check_markers(&mut lines, layout);
        let mut first = 0;
        let mut after_heading = false;
        for (i, line) in lines.iter().enumerate() {
            let next = lines.get(i + 1);
            let starts_unit = i == first || lines[i - 1].terminated;
            // A paragraph's last line stands alone when it is its only line or
            // follows a heading ("World\nFloods force thousands from homes").
            let alone = lines.len() == 1 || after_heading;
            after_heading = false;
            if starts_unit && line.marker.is_none() && self.is_heading(line, next, layout, alone) {
                if i > first {
                    self.block(lines[first].start, lines[i - 1].end, lines[first].marker);
                }
                if self.is_markdown_heading(line) {
                    self.emit(line.start, line.end, UnitKind::Heading);
                } else {
                    // A line that holds sentences ("Nov 5th. preferably...") is no
                    // heading, nor is one that starts in lower case: a message of a
                    // chat or of notes written without full stops ("hey are you
                    // coming tomorrow"), a unit of its own all the same.
                    let count = self.out.len();
                    self.block(line.start, line.end, None);
                    if self.out.len() == count + 1 && !line.first_lower {
                        self.out[count].kind = UnitKind::Heading;
                    }
                }
                after_heading = self.out.last().is_some_and(|u| u.kind == UnitKind::Heading);
                first = i + 1;
                continue;
            }
            if next.is_none_or(|next| breaks_between(line, next, layout)) {
                let count = self.out.len();
                self.block(lines[first].start, line.end, lines[first].marker);
                // A text that opens with two short unended lines, the second
                // going on in lower case, opens with its title wrapped ("Estimating
                // the Energy Use of Data Centres" / "from Public Records").
                if count == 0
                    && self.out.len() == 1
                    && layout.unended_pair
                    && !lines[0].first_lower
                    && line.first_lower
                    && lines[0].chars + line.chars <= HEADING_CHARS
                {
                    self.out[0].kind = UnitKind::Heading;
                }
                first = i + 1;
            }
        }
        self.lines = lines;
        self.lines.clear();
        self.paragraph += 1;
    }

    /// A number at the start of a line is a list marker unless the line
    /// continues a hard-wrapped sentence ("...on Saturday, June\n8. The window"):
    /// it must follow a line that ends a sentence, a colon, a short line, or the
    /// item before it.
    fn check_markers(&self, lines: &mut [Line], layout: Layout) {
        let mut last = [0u8; 6];
        for i in 0..lines.len() {
            let Some(m) = lines[i].marker.filter(|m| m.style != BULLET) else {
                continue;
            };
            let style = usize::from(m.style);
            let follows = i == 0 || {
                let previous = &lines[i - 1];
                previous.terminated
                    || previous.last == ':'
                    || previous.marker.is_some()
                    || !layout.wrapped
                    || previous.chars < WRAP_CHARS
                    || m.value == last[style] + 1
            };
            if follows {
                last[style] = m.value;
            } else {
                lines[i].marker = None;
            }
        }
    }

    /// "# Title" to "###### Title".
    fn is_markdown_heading(&self, line: &Line) -> bool {
        let body = &self.bytes[line.start..line.end];
        let hashes = body.iter().take_while(|&&b| b == b'#').count();
        (1..=6).contains(&hashes) && body.get(hashes) == Some(&b' ')
    }

    /// A short line without terminal punctuation, followed by a line break and
    /// more text that doesn't continue it; or a Markdown heading.
    fn is_heading(&self, line: &Line, next: Option<&Line>, layout: Layout, alone: bool) -> bool {
        if self.is_markdown_heading(line) {
            return true;
        }
        let body = slice(self.text, line.start, line.end);
        // A cue's text (`in_cue`: the lines are a timestamp's) is no heading.
        if line.terminated
            || self.in_cue
            || line.chars > HEADING_CHARS
            || matches!(
                line.last,
                ',' | ';' | ':' | '-' | '–' | '—' | '、' | '，' | '&' | '/'
            )
            || !body.chars().any(letters::is_alphanumeric)
        {
            return false;
        }
        match next {
            None => alone && line.end < self.content_end,
            Some(next) => breaks_between(line, next, layout),
        }
    }

    fn block(&mut self, start: usize, end: usize, marker: Option<Marker>) {
        let mut block = Block {
            start,
            end,
            unit: start,
            kind: UnitKind::Sentence,
            chars: 0,
            clause: None,
            region: (0, 0),
            searched: [0; QUOTES.len()],
            chain: [0; 6],
            dashes: false,
            seconds: [(0, None); 6],
        };
        let from = match marker {
            Some(m) => {
                block.kind = UnitKind::ListItem;
                if m.style != BULLET {
                    block.chain[usize::from(m.style)] = m.value;
                }
                block.dashes = byte(self.bytes, m.start) == b'-' && m.end > m.start + 1;
                m.end
            }
            None => start,
        };
        self.scan(&mut block, from);
    }

    // ---- List markers ---------------------------------------------------

    /// A list marker at `p`: a bullet, a number or a letter with `.`, `)` or `.)`,
    /// then white space. Away from the start of a line only bullets and short
    /// numbers and lower-case letters count.
    fn marker_at(&self, p: usize, end: usize, line_start: bool) -> Option<Marker> {
        let c = self.char_at(p);
        if is_bullet(c) || (line_start && matches!(c, '-' | '*' | '+' | '–' | '—')) {
            let q = p + c.len_utf8();
            let r = self.skip_space(q, end);
            if r >= end {
                return None;
            }
            // A number right after the bullet belongs to it: "• 9. The first
            // item", or "⁃9. The first item" with no space between them.
            let number = self.numbered_at(r, end, true);
            if r == q && number.is_none() {
                return None;
            }
            let end = number.map_or(q, |m| m.end);
            return Some(Marker {
                start: p,
                end,
                style: BULLET,
                value: 0,
            });
        }
        // A chat message's time opens it like a bullet: "[10:02] anna: ...",
        // and WhatsApp's "[12/03/2024, 10:02:11] Anna: ..." and "12/03/2024,
        // 10:02 - Anna: ...".
        if line_start && (c == '[' || c.is_ascii_digit()) {
            let head = &self.bytes[p..end.min(p + 32)];
            let stamp = if c == '[' {
                head.iter().position(|&b| b == b']').map(|k| (1, k, k + 1))
            } else {
                head.windows(3)
                    .position(|w| w == b" - ")
                    .map(|k| (0, k, k + 3))
            };
            if let Some((from, to, after)) = stamp {
                if is_timestamp(&head[from..to]) {
                    return Some(Marker {
                        start: p,
                        end: p + after,
                        style: BULLET,
                        value: 0,
                    });
                }
            }
        }
        self.numbered_at(p, end, line_start)
    }

    fn numbered_at(&self, p: usize, end: usize, line_start: bool) -> Option<Marker> {
        let b = self.bytes;
        let mut q = p;
        let mut value = 0u32;
        let letter = !byte(b, p).is_ascii_digit();
        if !letter {
            while q < end && byte(b, q).is_ascii_digit() {
                value = value * 10 + u32::from(byte(b, q) - b'0');
                q += 1;
                if q - p > if line_start { 3 } else { 2 } {
                    return None;
                }
            }
        } else if byte(b, p).is_ascii_lowercase() || (line_start && byte(b, p).is_ascii_uppercase())
        {
            value = u32::from(byte(b, p).to_ascii_lowercase() - b'a' + 1);
            q += 1;
        } else {
            return None;
        }
        let delimiter = match (b.get(q), b.get(q + 1)) {
            (Some(b'.'), Some(b')')) => 2,
            (Some(b')'), _) => 1,
            (Some(b'.'), _) => 0,
            _ => return None,
        };
        if letter && byte(b, p).is_ascii_uppercase() && delimiter != 1 {
            return None;
        }
        q += if delimiter == 2 { 2 } else { 1 };
        let r = self.skip_space(q, end);
        if r == q || r >= end || byte(b, r).is_ascii_digit() || value > 99 {
            return None;
        }
        Some(Marker {
            start: p,
            end: q,
            style: delimiter + if letter { 3 } else { 0 },
            value: value as u8,
        })
    }

    /// A list marker inside a block, at `p` after white space: bullets always;
    /// numbers and letters only when they count up from 1 or "a" ("1. The first
    /// item 2. The second item"), so that "in chapter 2. The" stays prose. A "1"
    /// counts if a "2" of the same style follows within a short distance.
    fn inline_marker(&self, p: usize, block: &mut Block) -> Option<Marker> {
        if !may_start_marker(self.bytes, p) {
            return None;
        }
        // In a list bulleted with "- 1." the dash bullets recur inline.
        let dash = byte(self.bytes, p) == b'-';
        let m = self.marker_at(p, block.end, dash && block.dashes)?;
        if m.style == BULLET {
            return (!dash || m.end > p + 1).then_some(m);
        }
        let last = &block.chain[usize::from(m.style)];
        let accept =
            (*last > 0 && m.value == *last + 1) || (m.value == 1 && self.second_marker(m, block));
        if accept {
            block.chain[usize::from(m.style)] = m.value;
        }
        accept.then_some(m)
    }

    /// A run of three or more of the same symbol at `p`, standing alone.
    fn separator(&self, p: usize, end: usize) -> Option<usize> {
        let b = self.bytes;
        let x = byte(b, p);
        if !matches!(x, b'*' | b'=' | b'-' | b'_' | b'~' | b'#') {
            return None;
        }
        let len = b[p..end].iter().take_while(|&&y| y == x).count();
        let after = b.get(p + len);
        // A few underscores are a blank to fill in, not a rule.
        let min = if x == b'_' { 8 } else { 3 };
        (len >= min && (p + len == end || after.is_some_and(u8::is_ascii_whitespace)))
            .then_some(p + len)
    }

    /// Whether marker 2 (or "b") of the style of `first` follows it soon.
    /// Remembers how far it looked, so that many "1."s cost one pass.
    fn second_marker(&self, first: Marker, block: &mut Block) -> bool {
        let b = self.bytes;
        let two = if first.style >= 3 { b'b' } else { b'2' };
        let (looked, found) = &mut block.seconds[usize::from(first.style)];
        if found.is_some_and(|q| q > first.end) {
            return true;
        }
        let limit = block.end.min(first.end + 2000);
        let from = first.end.max(*looked);
        *found = (from..limit).find(|&p| {
            byte(b, p) == two
                && byte(b, p - 1).is_ascii_whitespace()
                && self
                    .numbered_at(p, block.end, false)
                    .is_some_and(|m| m.style == first.style)
        });
        *looked = limit.max(from);
        found.is_some()
    }

    fn skip_space(&self, mut i: usize, end: usize) -> usize {
        while i < end {
            let c = self.char_at(i);
            if !c.is_whitespace() {
                break;
            }
            i += c.len_utf8();
        }
        i
    }

    // ---- The scan of a block --------------------------------------------

    fn scan(&mut self, block: &mut Block, from: usize) {
        let bytes = self.bytes;
        let mut i = from;
        while i < block.end {
            if block.chars >= SOFT_CHARS {
                self.cap(block, i);
            }
            // Most bytes are letters, digits and spaces: skip them (up to the length cap).
            let run = i;
            let limit = block.end.min(i + HARD_CHARS.saturating_sub(block.chars));
            i = plain_run_end(bytes, i, limit);
            block.chars += i - run;
            if i >= limit {
                continue;
            }
            let b = byte(bytes, i);
            if b < 0x80 {
                // A list marker or a separator ends before or at this byte.
                if matches!(b, b'.' | b')' | b'-' | b'*' | b'=' | b'_' | b'~' | b'#') {
                    if let Some(next) = self.marker_or_separator(block, i) {
                        i = next;
                        continue;
                    }
                }
                block.chars += 1;
                match b {
                    b'.' | b'!' | b'?' => i = self.terminator(block, i),
                    b';' if self.script_before(i, block.start, is_greek) => {
                        i = self.terminator(block, i)
                    }
                    b':' if self.colon_ends(i, block) => i = self.terminator(block, i),
                    b':' | b'>' | b',' | b'@' if self.furniture(block, i).is_some() => {
                        i = self.furniture_end(block, i)
                    }
                    b',' | b';' | b':' => {
                        i += 1;
                        if bytes.get(i).is_some_and(u8::is_ascii_whitespace) {
                            block.clause = Some((i, block.chars));
                        }
                    }
                    b'"' => {
                        self.open_quote(block, i, '"');
                        i += 1;
                    }
                    _ => i += 1,
                }
                continue;
            }
            // Latin letters ("ä", "ß") and Han, the most common other
            // characters, step on as letters below would, without decoding
            // them and testing them against the bullets and punctuation:
            // 1 MB of Chinese, 42 M fewer instructions in wasm.
            let len = letter_len(bytes, i);
            if len > 0 {
                block.chars += 1;
                i += len;
                continue;
            }
            let c = self.char_at(i);
            let len = c.len_utf8();
            // Bullets start items after white space, or glued to the end of
            // the previous item: "...dénigrement\".• Agenda".
            if is_bullet(c)
                && (self.after_space(i, block)
                    || self
                        .char_before(i, block.start)
                        .is_some_and(|c| matches!(c, '.' | '!' | '?' | '…') || is_closer(c)))
            {
                if let Some(m) = self.inline_marker(i, block) {
                    self.cut(block, m.start, UnitKind::ListItem);
                    i = m.end;
                    continue;
                }
            }
            block.chars += 1;
            // Clause marks and the common CJK terminators before letters: for
            // them `is_alphanumeric` searches the Unicode tables (7 M fewer
            // instructions on 1 MB of Chinese news).
            if matches!(c, '，' | '、' | '；' | '：' | '–' | '—' | '،' | '؛') {
                i += len;
                block.clause = Some((i, block.chars));
            } else if matches!(c, '。' | '！' | '？') {
                i = self.terminator(block, i);
            } else if letters::is_alphanumeric(c) || c.is_whitespace() {
                i += len;
            } else if matches!(c, '．' | '﹒') {
                let digits = self
                    .char_before(i, block.start)
                    .is_some_and(letters::is_numeric)
                    && letters::is_numeric(self.char_at(i + len));
                i = if digits {
                    i + len
                } else {
                    self.terminator(block, i)
                };
            } else if matches!(c, '…' | '⋯') || self.is_tight_terminator(c) {
                i = self.terminator(block, i);
            } else {
                if quote_kind(c).is_some() {
                    self.open_quote(block, i, c);
                }
                i += len;
            }
        }
        self.emit(block.unit, block.end, block.kind);
    }

    fn after_space(&self, p: usize, block: &Block) -> bool {
        p > block.start && byte(self.bytes, p - 1).is_ascii_whitespace()
    }

    /// At punctuation `i`: a list marker that starts after white space and ends
    /// here ("2.", "b)", "- 10."), or a separator ("***") that starts here. Cuts
    /// the unit before it and returns where the scan goes on.
    fn marker_or_separator(&mut self, block: &mut Block, i: usize) -> Option<usize> {
        let b = self.bytes;
        let mut p = i;
        if matches!(byte(b, i), b'.' | b')') {
            let digits = b[block.start..i]
                .iter()
                .rev()
                .take(4)
                .take_while(|x| x.is_ascii_digit())
                .count();
            p = if digits > 0 {
                i - digits
            } else if i > block.start && byte(b, i - 1).is_ascii_lowercase() {
                i - 1
            } else {
                return None;
            };
        }
        if !self.after_space(p, block) {
            return None;
        }
        if let Some(m) = self.inline_marker(p, block) {
            self.cut(block, m.start, UnitKind::ListItem);
            return Some(m.end);
        }
        let end = self.separator(p, block.end).filter(|&end| {
            end - p >= LONG_RULE
                || trim_by(slice(self.text, block.unit, p), char::is_whitespace).is_empty()
        })?;
        // "***", "=====": a unit of its own.
        self.cut(block, p, UnitKind::Sentence);
        self.cut(block, end, UnitKind::Sentence);
        Some(end)
    }

    /// Ends the current unit at `at` (the scan position or just before it).
    fn cut(&mut self, block: &mut Block, at: usize, kind: UnitKind) {
        self.emit(block.unit, at, block.kind);
        block.unit = at;
        block.kind = kind;
        block.chars = 0;
        block.clause = None;
    }

    /// Ends an over-long unit at an earlier offset `at`, where it had `chars` characters.
    fn cut_back(&mut self, block: &mut Block, at: usize, chars: usize) {
        self.emit(block.unit, at, block.kind);
        block.unit = at;
        block.kind = UnitKind::Sentence;
        block.chars -= chars;
        block.clause = block
            .clause
            .filter(|&(p, _)| p > at)
            .map(|(p, c)| (p, c - chars));
    }

    /// The length cap: a long unit ends at its last clause boundary; a very
    /// long one at white space, or at the scan position (never inside a
    /// word, and so never inside a grapheme cluster, if a word ends nearby).
    fn cap(&mut self, block: &mut Block, i: usize) {
        if let Some((at, chars)) = block.clause.filter(|&(_, c)| c >= MIN_CHARS) {
            return self.cut_back(block, at, chars);
        }
        if block.chars < HARD_CHARS {
            return;
        }
        if let Some((at, chars)) = self.last_space(block, i) {
            return self.cut_back(block, at, chars);
        }
        let at = word_boundary(self.text, i, block.unit);
        let chars = block.chars - crate::char_count(slice(self.text, at, i));
        self.cut_back(block, at, chars);
    }

    /// The last white space before `i` that leaves at least `MIN_CHARS`
    /// characters before it: the offset after it and the characters there.
    fn last_space(&self, block: &Block, i: usize) -> Option<(usize, usize)> {
        let mut chars = block.chars;
        for (k, c) in slice(self.text, block.unit, i).char_indices().rev() {
            if chars < MIN_CHARS {
                return None;
            }
            if c.is_whitespace() {
                return Some((block.unit + k + c.len_utf8(), chars));
            }
            chars -= 1;
        }
        None
    }

    // ---- Mail and web furniture -----------------------------------------

    /// At a colon, ">", "@" or comma: the end of a unit that no terminator marks,
    /// as found in mail and on the web. A date-and-time stamp ("08/16/2000
    /// 12:05 PM") is a unit of its own after a name or an address; a URL, a
    /// mail address or a free-standing emoticon ends a unit before a
    /// capitalized word (or another URL); an English greeting or closing
    /// ("Regards,", "Hi,") is a unit when a capitalized word follows.
    /// Returns the cuts to make (`before`, `after`) and where the scan goes on.
    fn furniture(&self, block: &Block, i: usize) -> Option<Furniture> {
        let b = self.bytes;
        let end = block.end;
        let space_after = |k: usize| k >= end || byte(b, k).is_ascii_whitespace();
        let capital_after = |k: usize| {
            let k = self.skip_space(k, end);
            k < end
                && k > 0
                && byte(b, k - 1).is_ascii_whitespace()
                && (self.char_at(k).is_uppercase()
                    || b[k..].starts_with(b"http")
                    || b[k..].starts_with(b"www."))
        };
        // Bounded both ways, so that long tokens ("a:a:a:...") stay linear.
        let floor = block.unit.max(i.saturating_sub(FURNITURE_BYTES));
        let token_start = |k: usize| {
            let mut s = k;
            while s > floor && !byte(b, s - 1).is_ascii_whitespace() {
                s -= 1;
            }
            s
        };
        match byte(b, i) {
            b':' => {
                if let Some((date, after)) = self.stamp(i, block) {
                    let before =
                        trim_end_by(slice(self.text, block.unit, date), char::is_whitespace);
                    let name = last_token(before);
                    let cut_before = name
                        .chars()
                        .next()
                        .is_some_and(|c| c.is_uppercase() || c == '<')
                        || matches!(name.as_bytes().last(), Some(b'>' | b')'));
                    let rest = self.skip_space(after, end) < end;
                    return Some(Furniture {
                        before: cut_before.then_some(date),
                        after: rest.then_some(after),
                        resume: after,
                    });
                }
                let s = token_start(i);
                if matches!(&b[s..i], b"http" | b"https") && b[i..end].starts_with(b"://") {
                    let mut e = i;
                    while e < end && !byte(b, e).is_ascii_whitespace() {
                        e += 1;
                    }
                    let e = self.boundary_up(e);
                    let url = trim_end_ascii(slice(self.text, i, e), b".,;:!?)]\"'");
                    let url_end = i + url.len();
                    let after = (url_end == e && capital_after(e)).then_some(e);
                    return Some(Furniture {
                        before: None,
                        after,
                        resume: url_end,
                    });
                }
                // ":)", ":-)", ":(" standing alone.
                let len = match &b[i + 1..end.min(i + 3)] {
                    [b'-', b')' | b'(' | b'D', ..] => 3,
                    [b')' | b'(' | b'D', ..] => 2,
                    _ => return None,
                };
                let after = i + len;
                (s == i && i > block.unit && space_after(after) && capital_after(after)).then_some(
                    Furniture {
                        before: None,
                        after: Some(after),
                        resume: after,
                    },
                )
            }
            b'>' => {
                let after = i + 1;
                if !space_after(after) || !capital_after(after) {
                    return None;
                }
                let s = token_start(i);
                let token = &b[s..after];
                let address = token.contains(&b'<') || token == b">>";
                address.then_some(Furniture {
                    before: None,
                    after: Some(after),
                    resume: after,
                })
            }
            b'@' => {
                // An address: "jane.doe@example.com Groups: ..."
                let mut e = i + 1;
                let limit = end.min(i + FURNITURE_BYTES);
                while e < limit
                    && !byte(b, e).is_ascii_whitespace()
                    && byte(b, e) != b'<'
                    && byte(b, e) != b'>'
                {
                    e += 1;
                }
                let e = self.boundary_up(e);
                let domain = slice(self.text, i + 1, e);
                let tld = match domain.bytes().rposition(|x| x == b'.') {
                    Some(k) => &domain[k + 1..],
                    None => domain,
                };
                let address = token_start(i) < i
                    && domain.as_bytes().contains(&b'.')
                    && tld.len() >= 2
                    && tld.bytes().all(|x| x.is_ascii_lowercase());
                (address && e < end && byte(b, e).is_ascii_whitespace() && capital_after(e))
                    .then_some(Furniture {
                        before: None,
                        after: Some(e),
                        resume: e,
                    })
            }
            _ => {
                // A comma: a greeting or closing that makes up the unit so far.
                let after = i + 1;
                if self.language != Language::English
                    || b.get(after) != Some(&b' ')
                    || !capital_after(after)
                {
                    return None;
                }
                let unit = trim_start_by(slice(self.text, block.unit, i), char::is_whitespace);
                // "Thanks, John, for the help" is one sentence.
                let k = self.skip_space(after, end);
                let vocative = b.get(self.word_end(k, end)) == Some(&b',');
                let closing = unit.len() <= 16
                    && !vocative
                    && SALUTATIONS.iter().any(|w| unit.eq_ignore_ascii_case(w));
                closing.then_some(Furniture {
                    before: None,
                    after: Some(after),
                    resume: after,
                })
            }
        }
    }

    /// Makes the cuts `furniture` found at `i` and returns where the scan goes on.
    fn furniture_end(&mut self, block: &mut Block, i: usize) -> usize {
        let Some(found) = self.furniture(block, i) else {
            return i + 1;
        };
        block.chars += found.resume.saturating_sub(i);
        if let Some(at) = found.before.filter(|&at| at > block.unit) {
            self.cut(block, at, UnitKind::Sentence);
        }
        if let Some(at) = found.after {
            self.cut(block, at, UnitKind::Sentence);
        }
        found.resume
    }

    /// A stamp "MM/DD/YYYY HH:MM\[:SS\] \[AM|PM\]" whose hour ends at the colon
    /// `i`: where its date starts and where it ends.
    fn stamp(&self, i: usize, block: &Block) -> Option<(usize, usize)> {
        let b = self.bytes;
        let digits_back = |k: usize| {
            b[block.unit.max(k.saturating_sub(4))..k]
                .iter()
                .rev()
                .take_while(|x| x.is_ascii_digit())
                .count()
        };
        let digits_fwd = |k: usize| {
            b[k..block.end.min(k + 3)]
                .iter()
                .take_while(|x| x.is_ascii_digit())
                .count()
        };
        let hour = digits_back(i);
        if !(1..=2).contains(&hour) || digits_fwd(i + 1) != 2 {
            return None;
        }
        let mut after = i + 3;
        if b.get(after) == Some(&b':') && digits_fwd(after + 1) == 2 {
            after += 3;
        }
        if b[after..block.end.min(after + 4)].eq_ignore_ascii_case(b" am ")
            || b[after..block.end.min(after + 4)].eq_ignore_ascii_case(b" pm ")
            || (after + 3 == block.end
                && matches!(&b[after..block.end], b" AM" | b" PM" | b" am" | b" pm"))
        {
            after += 3;
        }
        if after < block.end && !byte(b, after).is_ascii_whitespace() {
            return None;
        }
        // The date: digits/digits/digits, then one space.
        let space = i - hour;
        if space == block.unit || byte(b, space - 1) != b' ' {
            return None;
        }
        let mut k = space - 1;
        for part in 0..3 {
            let n = digits_back(k);
            let year = part == 0;
            if !(if year {
                n == 2 || n == 4
            } else {
                (1..=2).contains(&n)
            }) {
                return None;
            }
            k -= n;
            if part < 2 {
                if k == block.unit || byte(b, k - 1) != b'/' {
                    return None;
                }
                k -= 1;
            }
        }
        (k == block.unit || byte(b, k - 1).is_ascii_whitespace()).then_some((k, after))
    }

    // ---- Quotations ------------------------------------------------------

    /// At an opening quotation mark, looks for its closing mark nearby; a short
    /// quotation that is part of a longer sentence ("„Yes. No,“ she said.") keeps
    /// its inner sentences together, and so do CJK title and quote brackets.
    fn open_quote(&mut self, block: &mut Block, i: usize, c: char) {
        if i < block.region.1 {
            return;
        }
        let Some(kind) = quote_kind(c) else { return };
        let len = c.len_utf8();
        let (_, closers, always) = QUOTES[kind];
        // Western marks glued to a word close a quotation rather than open one.
        let after = self.char_at(i + len);
        let before = self.char_before(i, block.start);
        if !always && before.is_some_and(letters::is_alphanumeric)
            || after.is_whitespace() && c == '"'
        {
            return;
        }
        let limit = self.boundary_up((i + QUOTE_BYTES).min(block.end));
        let from = (i + len).max(block.searched[kind]);
        let window = self.text.get(from..limit).unwrap_or("");
        let found = match closers {
            [one] => window.find(*one),
            _ => window.find(closers),
        };
        let Some(p) = found.map(|k| from + k) else {
            block.searched[kind] = limit.max(from);
            return;
        };
        block.searched[kind] = p;
        // A straight quote after a space opens another quotation.
        if c == '"' && self.char_before(p, i).is_some_and(char::is_whitespace) {
            return;
        }
        let close_len = self.char_at(p).len_utf8();
        let embedded = always || {
            let inside = self.char_before(p, i);
            let outside = self.char_at(self.skip_inline_space(p + close_len, block.end));
            matches!(inside, Some(',' | ';'))
                || (p + close_len < block.end
                    && (outside.is_lowercase()
                        || matches!(
                            outside,
                            ',' | ';' | ':' | '.' | '!' | '?' | '…' | ')' | '–' | '—' | '-'
                        )))
        };
        if embedded {
            block.region = (i, p);
        }
    }

    fn skip_inline_space(&self, mut i: usize, end: usize) -> usize {
        while i < end {
            let c = self.char_at(i);
            if !matches!(c, ' ' | '\u{a0}' | '\u{202f}') {
                break;
            }
            i += c.len_utf8();
        }
        i
    }

    // ---- Terminators -----------------------------------------------------

    /// Terminators of scripts that need no space after them: CJK, Devanagari,
    /// Arabic, Ethiopic, Myanmar... Anything else that UAX #29 calls a
    /// terminator counts too.
    fn is_tight_terminator(&self, c: char) -> bool {
        match c {
            '。' | '｡' | '！' | '？' | '‼' | '⁇' | '⁈' | '⁉' | '।' | '॥' | '۔' | '؟' | '։'
            | '።' | '፧' | '፨' | '။' | '\u{37e}' | '﹖' | '﹗' | '។' | '៕' | '܀' | '܁' | '܂'
            | '꓿' | '᙮' | '߹' => true,
            // Armenian marks sit inside words; the one-dot leader is a separator.
            '\u{55b}'..='\u{55f}' | '․' | '·' | '\u{387}' | '…' | '⋯' | '．' | '﹒' => {
                false
            }
            c if c.is_ascii()
                || letters::is_alphanumeric(c)
                || c.is_whitespace()
                || is_format(c) =>
            {
                false
            }
            c if is_closer(c) || quote_kind(c).is_some() => false,
            c => self.uax29_terminator(c),
        }
    }

    /// Asks UAX #29 whether `c` ends a sentence.
    fn uax29_terminator(&self, c: char) -> bool {
        crate::sentence_terminals::is_sentence_terminal(c)
    }

    /// Whether the letter before `i` (past periods, ellipses and Armenian's
    /// in-word marks, as in "է՜:") is of a script.
    fn script_before(&self, i: usize, floor: usize, script: fn(char) -> bool) -> bool {
        // The scripts asked about are not ASCII, and nor are their letters' last bytes.
        if i > floor && byte(self.bytes, i - 1) < 0x80 && !matches!(byte(self.bytes, i - 1), b'.') {
            return false;
        }
        slice(self.text, floor, i)
            .chars()
            .rev()
            .take(6)
            .find(|c| !matches!(c, '.' | '…' | '\u{55b}'..='\u{55f}') && !is_format(*c))
            .is_some_and(script)
    }

    /// Armenian writes its full stop as a colon; Arabic texts often end a
    /// heading-like lead with one.
    fn colon_ends(&self, i: usize, block: &Block) -> bool {
        let after = i + 1;
        if after < block.end && !self.char_at(after).is_whitespace() {
            return false;
        }
        // "«Ես կգամ վաղը»:": a closing mark may stand between.
        let mut letter_end = i;
        while let Some(c) = self.char_before(letter_end, block.start) {
            if !(is_closer(c) || quote_kind(c).is_some()) {
                break;
            }
            letter_end -= c.len_utf8();
        }
        if self.script_before(letter_end, block.start, is_armenian) {
            return true;
        }
        if !self.script_before(i, block.start, is_arabic) {
            return false;
        }
        let k = self.skip_space(after, block.end);
        k < block.end && is_arabic(self.char_at(k))
    }

    /// Judges the terminator at `i` and returns where the scan goes on.
    fn terminator(&mut self, block: &mut Block, i: usize) -> usize {
        let c = self.char_at(i);
        // "Direct Dial:? 203": a mark glued to a colon is a stray, not an end.
        if c == '?' && i > block.start && byte(self.bytes, i - 1) == b':' {
            return i + 1;
        }
        if c == '.' {
            // Armenian uses "." inside sentences (for its one-dot mark).
            if self.script_before(i, block.start, is_armenian) {
                return i + 1;
            }
            if let Some(end) = self.spaced_ellipsis(i, block) {
                return end;
            }
        }
        let cluster = self.cluster(i, block);
        let mut end = cluster.end;
        block.chars += crate::char_count(slice(self.text, i, end)).saturating_sub(1);
        let protected = i > block.region.0 && end <= block.region.1;
        if end >= block.end {
            return end;
        }
        let following = self.char_at(end);
        // "France.[1] It", "1889.[2][3] Locally": footnote marks glued to the
        // end, as text copied from an encyclopedia has them, trail it.
        let boundary = if !following.is_whitespace() && following != '[' {
            let glued = !protected && self.attached_boundary(i, &cluster, block);
            // `policiers."Ces`: a straight quote that closes no quotation of the
            // sentence opens the next one.
            if glued && byte(self.bytes, end - 1) == b'"' {
                let quotes = self.bytes[block.unit..i].iter().filter(|&&b| b == b'"');
                end -= 1 - quotes.count() % 2;
            }
            glued
        } else if protected {
            false
        } else {
            // Footnote marks, omission marks, emoticons and "--" belong to the
            // sentence they follow: "...in 1805. [6] An", "I love her. :) I".
            let mut k = self.skip_space(end, block.end);
            while let Some(e) = self.trailer(k, block.end) {
                end = e;
                k = self.skip_space(e, block.end);
            }
            let next = self.next(end, block.end);
            let boundary = self.decide(i, &cluster, &next, block);
            if boundary {
                // `k` is where the white space after `end` ends.
                end = self.footnote_number(k, block).unwrap_or(end);
            }
            boundary
        };
        if boundary {
            self.cut(block, end, UnitKind::Sentence);
        }
        end
    }

    /// A bare footnote number after a sentence's end, as text extracted from a
    /// PDF has it: "...minority rights. 4 Even though", "...tea. 3 We". A
    /// number of one or two digits before a capitalized sentence opener (a
    /// pronoun, article or conjunction, which no numeral counts) belongs to the
    /// sentence before; "50 Cent", "60 Wikipedia articles" open one. `at` is
    /// where the number would start; returns where it ends.
    fn footnote_number(&self, at: usize, block: &Block) -> Option<usize> {
        let digits = self.bytes[at..block.end]
            .iter()
            .take(3)
            .take_while(|x| x.is_ascii_digit())
            .count();
        let word = at + digits + 1;
        let opener = (1..=2).contains(&digits)
            && byte(self.bytes, word - 1) == b' '
            && byte(self.bytes, word).is_ascii_uppercase()
            && self.word_starter_at(word, block);
        opener.then_some(at + digits)
    }

    /// ". . ." with spaces, after a space: three dots never end a sentence, four
    /// end it before a capital. Returns where the scan goes on, or `None` if
    /// this is not such an ellipsis.
    fn spaced_ellipsis(&mut self, i: usize, block: &mut Block) -> Option<usize> {
        let b = self.bytes;
        if !self
            .char_before(i, block.start)
            .is_some_and(char::is_whitespace)
        {
            return None;
        }
        let (mut k, mut dots) = (i, 0);
        while k < block.end && byte(b, k) == b'.' {
            dots += 1;
            k += 1;
            if k + 1 < block.end && byte(b, k) == b' ' && byte(b, k + 1) == b'.' {
                k += 1;
            } else {
                break;
            }
        }
        if dots < 3 {
            return None;
        }
        block.chars += k - i - 1;
        if dots == 3 {
            return Some(k);
        }
        let cluster = Cluster {
            end: self.closers_end(k, block.end),
            kind: Kind::Ellipsis,
            closer: false,
            tight: false,
            bracketed: false,
        };
        let next = self.next(cluster.end, block.end);
        if self.decide(i, &cluster, &next, block) {
            self.cut(block, cluster.end, UnitKind::Sentence);
        }
        Some(cluster.end)
    }

    fn closers_end(&self, mut k: usize, end: usize) -> usize {
        while k < end {
            let c = self.char_at(k);
            if !is_closer(c) && !is_format(c) {
                break;
            }
            k += c.len_utf8();
        }
        k
    }

    fn cluster(&self, i: usize, block: &Block) -> Cluster {
        let (mut j, mut dots, mut strong, mut ellipsis, mut closer, mut tight) =
            (i, 0, false, false, false, false);
        let greek = self.char_at(i) == ';';
        let colon = self.char_at(i) == ':';
        while j < block.end {
            let c = self.char_at(j);
            match c {
                '.' => dots += 1,
                '!' | '?' => strong = true,
                '…' | '⋯' => ellipsis = true,
                ';' if greek && j == i => tight = true,
                ':' if colon || dots + usize::from(ellipsis) > 0 => {
                    if !self.colon_ends(j, block) {
                        break;
                    }
                    tight = true;
                }
                '．' | '﹒' => tight = true,
                c if is_closer(c) => closer = true,
                c if is_format(c) => {}
                c if !c.is_ascii() && self.is_tight_terminator(c) => tight = true,
                _ => break,
            }
            j += c.len_utf8();
        }
        let kind = if strong || tight {
            Kind::Strong
        } else if ellipsis || dots > 1 {
            Kind::Ellipsis
        } else {
            Kind::Period
        };
        let bracketed = kind == Kind::Ellipsis
            && matches!(self.char_before(i, block.start), Some('[' | '('))
            && slice(self.text, i, j).contains([']', ')']);
        Cluster {
            end: j,
            kind,
            closer,
            tight,
            bracketed,
        }
    }

    /// A token at `k` that trails a sentence: "\[12\]", "\[a\]", "\[...\]", "(...)",
    /// ":)", ";-)", ":P" or "--", followed by white space or the end of the block
    /// (a bracket also by another one, or by CJK text).
    fn trailer(&self, k: usize, end: usize) -> Option<usize> {
        let b = &self.bytes[k.min(end)..end];
        let len = match b {
            // "(...)" marks an omission, like "[...]".
            [b'(', b'.', b'.', b'.', b')', ..] => 5,
            [b'(', 0xE2, 0x80, 0xA6, b')', ..] => 5,
            [b'[', rest @ ..] => {
                // "[12]", "[a]", "[citation needed]"
                let inner = (rest.iter().take(17))
                    .take_while(|&&x| x.is_ascii_digit() || x.is_ascii_lowercase() || x == b' ')
                    .count();
                // "[...]" and "[…]" are three bytes long either way.
                let inner = if (1..=16).contains(&inner) {
                    inner
                } else if rest.starts_with(b"...") || rest.starts_with("…".as_bytes()) {
                    3
                } else {
                    return None;
                };
                if rest.get(inner) != Some(&b']') {
                    return None;
                }
                inner + 2
            }
            // A stray closing mark: "the phrase. ' And on April 3", "day. ) Hop".
            [b'\'' | b'"' | b')' | b']'] => 1,
            [b'\'' | b'"' | b')' | b']', x, ..] if x.is_ascii_whitespace() => 1,
            // "« Je viens demain. » Puis": the guillemet closes the quotation.
            [0xC2, 0xBB, ..] => 2,
            [0xE2, 0x80, 0x9D | 0x99 | 0xBA, ..] => 3,
            // Emoji react to what they follow: "We won!!! 🎉🎉 The team",
            // "Thanks. ❤️ See you": a pictograph from U+1F000 on or a symbol
            // or dingbat at U+2600 to U+27BF, and what joins and modifies
            // them (the bytes of U+2000 to U+2FFF, U+F000 to U+FFFF and
            // U+10000 to U+3FFFF), for 64 bytes at most.
            [0xF0, 0x9F, ..] | [0xE2, 0x98..=0x9E, ..] => (b.iter().take(64))
                .position(|&x| !matches!(x, 0x80..=0xBF | 0xE2 | 0xEF | 0xF0))
                .unwrap_or(b.len().min(64)),
            // "--" only before a capital: "-- voila! -- you have cake" runs on.
            [b'-', b'-', ..] => {
                let k = self.skip_space(k + 2, end);
                if k < end && !self.char_at(k).is_uppercase() {
                    return None;
                }
                2
            }
            [b':' | b';' | b'=', b'-', x, ..] | [b':' | b';' | b'=', x, ..]
                if matches!(
                    x,
                    b')' | b'(' | b'D' | b'P' | b'p' | b'/' | b']' | b'[' | b'|'
                ) =>
            {
                if byte(b, 1) == b'-' {
                    3
                } else {
                    2
                }
            }
            _ => return None,
        };
        let after = b.get(len);
        (after.is_none()
            || after.is_some_and(|&x| {
                x.is_ascii_whitespace() || x == b'[' || x >= 0x80 && b[0] == b'['
            }))
        .then_some(k + len)
    }

    /// Looks past white space and opening marks at what follows a cluster.
    fn next(&self, from: usize, end: usize) -> Next {
        let mut next = Next {
            class: NextClass::End,
            at: end,
            opener: false,
            inverted: false,
            ellipsis: false,
            content: false,
        };
        let mut k = self.skip_space(from, end);
        if k >= end {
            return next;
        }
        let c = self.char_at(k);
        if c == '.' || c == '…' {
            next.ellipsis = true;
            // Bounded, so that runs like ".. .. .. .." stay linear.
            let mut m = k;
            let limit = end.min(k + 16);
            while m < limit && matches!(byte(self.bytes, m), b'.' | b' ') {
                m += 1;
            }
            while slice(self.text, m, end).starts_with('…') {
                m += '…'.len_utf8();
            }
            m = self.closers_end(m, end);
            next.content = m < end;
        }
        for _ in 0..4 {
            let c = self.char_at(k);
            if !is_opener(c) {
                break;
            }
            next.opener = true;
            next.inverted |= matches!(c, '¿' | '¡');
            k += c.len_utf8();
        }
        if k >= end {
            next.class = NextClass::Other;
            return next;
        }
        let c = self.char_at(k);
        next.at = k;
        next.class = if c.is_uppercase() {
            NextClass::Upper
        } else if self.bytes[k..end].starts_with(b"http") || self.bytes[k..end].starts_with(b"www.")
        {
            NextClass::Url
        } else if c.is_lowercase() {
            NextClass::Lower
        } else if letters::is_numeric(c) {
            NextClass::Digit
        } else if letters::is_alphabetic(c) {
            NextClass::Caseless
        } else if matches!(c, '-' | '–' | '—' | '―') {
            NextClass::Dash
        } else if matches!(c, ',' | ';' | ':') {
            NextClass::Punct
        } else if is_closer(c) {
            NextClass::Closer
        } else {
            NextClass::Other
        };
        next
    }

    /// A terminator with no space after it ends a sentence only in a
    /// script that needs none, or when a capitalized word is glued to a
    /// lower-case one ("...жағдайы.XVIII ғасыр"), outside URLs and addresses.
    fn attached_boundary(&self, i: usize, cluster: &Cluster, block: &Block) -> bool {
        let next = self.char_at(cluster.end);
        if cluster.tight {
            // Japanese quotes run on into the sentence: 「...。」と言った.
            return !(cluster.closer && matches!(next, 'と' | 'っ'));
        }
        if cluster.kind == Kind::Ellipsis || !next.is_uppercase() {
            return false;
        }
        // Words may be elided or hyphenated: `l'université.Le`, `L'équipe`,
        // `Jean-Luc`; after a hyphen two letters are a word: `certifie-t-il.Le`.
        let in_word = |c: char| letters::is_alphabetic(c) || matches!(c, '\'' | '’' | '-');
        // A one-letter word counts too: `engagé.À partir`, `home.I went`.
        let second = self.char_at(cluster.end + next.len_utf8());
        if !in_word(second) && second != ' ' {
            return false;
        }
        // The word may end in a closing quote or bracket: `fond".Samedi`.
        let mut i = i;
        while i > block.unit && matches!(byte(self.bytes, i - 1), b'"' | b')') {
            i -= 1;
        }
        let (start, before, bounded) = self.word_before(i, block.unit);
        let word = slice(self.text, start, i);
        let letters = word.chars().filter(|&c| letters::is_alphabetic(c)).count();
        // A big number glued to a word ("bought 1,000.That is"), but not a
        // list number ("1.Helado").
        let number = letters == 0
            && word.bytes().all(|b| b.is_ascii_digit() || b == b',')
            && (word.as_bytes().contains(&b',') || word.len() >= 3)
            && second.is_lowercase();
        if !number
            && (letters < 3 - usize::from(before == Some('-'))
                || !word.chars().all(in_word)
                || !word.chars().next_back().is_some_and(char::is_lowercase)
                || self
                    .classify(start, i, before, bounded, block)
                    .is_abbreviation())
        {
            return false;
        }
        let token_back = last_token(slice(
            self.text,
            self.boundary_up(block.start.max(i.saturating_sub(64))),
            i,
        ));
        let mut forward = cluster.end;
        let limit = (cluster.end + 64).min(block.end);
        while forward < limit && !byte(self.bytes, forward).is_ascii_whitespace() {
            forward += 1;
        }
        while !self.text.is_char_boundary(forward) {
            forward += 1;
        }
        // The glued word must be a plain word ("XVIII ғасыр", "Jean-Luc"), not
        // a domain ("Newsfeed.Com-Unlimited").
        let token_forward = trim_end_ascii(slice(self.text, cluster.end, forward), b".,;:!?\"')");
        // "Com-Unlimited" is the domain "com" and a word.
        let hyphen = token_forward.bytes().position(|b| b == b'-');
        let domain = &token_forward.as_bytes()[..hyphen.unwrap_or(token_forward.len())];
        let url = |s: &str| s.contains(['@', '/', ':', '_', '\\', '=', '#']);
        !url(token_back)
            && token_forward.chars().all(in_word)
            && !token_back.starts_with("www")
            && !TOP_DOMAINS
                .iter()
                .any(|d| domain.eq_ignore_ascii_case(d.as_bytes()))
    }

    fn decide(&self, i: usize, cluster: &Cluster, next: &Next, block: &Block) -> bool {
        use NextClass::*;
        if next.class == End {
            return true;
        }
        match cluster.kind {
            Kind::Strong => {
                if cluster.tight {
                    return true;
                }
                match next.class {
                    Lower => !cluster.closer && !self.exclamation_word(i, block),
                    Dash | Punct | Closer => false,
                    _ => true,
                }
            }
            Kind::Ellipsis => {
                if cluster.bracketed {
                    return next.class == Upper && !next.opener;
                }
                matches!(next.class, Upper | Caseless | Url)
            }
            Kind::Period => self.period(i, cluster, next, block),
        }
    }

    fn period(&self, i: usize, cluster: &Cluster, next: &Next, block: &Block) -> bool {
        use NextClass::*;
        let (start, before, bounded) = self.word_before(i, block.unit);
        let word = self.classify(start, i, before, bounded, block);
        if next.ellipsis {
            // "...compounds. . . . The practice": the ellipsis opens the next sentence.
            return next.content && !word.is_abbreviation();
        }
        let plain = matches!(
            word,
            Word::Empty | Word::Regular { .. } | Word::Known(Abbrev::Numeric, _)
        );
        match next.class {
            End => true,
            Upper => self.before_capital(word, start, i, next, block),
            Lower => {
                if cluster.closer {
                    return false;
                }
                match word {
                    Word::Empty | Word::Number { .. } => self.language == Language::English,
                    Word::Regular { chars } => match self.language {
                        Language::English => true,
                        Language::Other => chars >= 5,
                        _ => false,
                    },
                    _ => false,
                }
            }
            Digit => {
                if matches!(word, Word::Known(Abbrev::Numeric, _)) {
                    return false;
                }
                plain
            }
            Caseless | Dash | Url | Other => {
                plain
                    || matches!(
                        word,
                        Word::Number { .. } | Word::Known(Abbrev::EndLikely, _)
                    )
            }
            Punct | Closer => false,
        }
    }

    fn before_capital(
        &self,
        word: Word,
        start: usize,
        i: usize,
        next: &Next,
        block: &Block,
    ) -> bool {
        let ordinal_language = matches!(self.language, Language::German | Language::Other);
        match word {
            Word::Empty | Word::Regular { .. } => true,
            // A Roman number counts like a number: "sec. XIX", "vol. II".
            Word::Known(Abbrev::Numeric, _) => !self.roman_at(next.at),
            // "am 3. Oktober" continues; no ordinal stands before an article
            // or a pronoun: "...Długiej 5. To blisko", "Er wurde 3. Die"
            // (but "der 4. EU-Richtlinie": an acronym is no pronoun).
            Word::Number { digits, plain } => {
                if !(plain && digits <= 2 && ordinal_language)
                    || self.word_starter_at(next.at, block)
                {
                    return true;
                }
                // German writes its nouns with a capital; other languages
                // that write "5." for "fifth" mostly do not, so there a
                // capital opens a sentence, unless a date goes on ("7. Apríla
                // 2020") or it is an acronym ("1. FC").
                self.language == Language::Other && !self.date_or_acronym_at(next.at, block, true)
            }
            Word::Roman => !ordinal_language,
            // An initial, unless a typical opener follows ("...after X. So I").
            // A sentence's first word is a label or an initial: "Q. What is
            // it? A. A test.", "A. Smith said".
            Word::Single { upper, after_slash } => {
                self.words_before(start, block) > 0
                    && (after_slash
                        || next.inverted
                        || (upper && self.pronoun_i(start, i, block))
                        || self.next_is_starter(next, block, 2))
            }
            Word::Known(Abbrev::Title, true) | Word::Known(Abbrev::Medial, _) => false,
            Word::Dotted(Some(Abbrev::Medial | Abbrev::Title)) => false,
            Word::Known(Abbrev::EndLikely, _) | Word::Dotted(Some(Abbrev::EndLikely)) => true,
            Word::Known(..) | Word::Dotted(_) | Word::Consonants => {
                next.inverted
                    || self.opens_sentence(next, start, block)
                    || self.unit_ends(word, start, next, block)
            }
        }
    }

    /// A unit after a number ("5 кг.", "10 kr.") ends its sentence before a
    /// capital in languages that write their nouns in lower case: "5 кг.
    /// Рост", "200 kr. Billigt". Not in German ("20 Min. Pause" goes on), nor
    /// in English ("at 5 St. Mark's Place"), nor before an acronym or an
    /// initial ("100 долл. США", "30 apr. J.-C."); Russian years, centuries
    /// and issues are no units ("В 2010-2012 гг. Виктор", "вв.", "вып.").
    fn unit_ends(&self, word: Word, start: usize, next: &Next, block: &Block) -> bool {
        let year_or_issue = matches!(self.bytes.get(start..start + 2), Some([0xd0, 0xb2 | 0xb3]));
        matches!(word, Word::Known(Abbrev::Final, _) | Word::Consonants)
            && !matches!(self.language, Language::English | Language::German)
            && !year_or_issue
            && self.number_before(start, block)
            && !self.date_or_acronym_at(next.at, block, false)
    }

    /// English "I" at the end of a sentence ("you and I. Did") rather than an
    /// initial ("Albert I. Jones"): the word before it isn't capitalized.
    fn pronoun_i(&self, start: usize, i: usize, block: &Block) -> bool {
        if !matches!(self.language, Language::English | Language::Other)
            || slice(self.text, start, i) != "I"
        {
            return false;
        }
        let floor = self.boundary_up(block.unit.max(start.saturating_sub(WORD_BYTES)));
        let before = trim_end_by(
            slice(self.text, floor.min(start), start),
            char::is_whitespace,
        );
        let word = last_token(before);
        !word.is_empty() && !word.chars().next().is_some_and(char::is_uppercase)
    }

    /// After an abbreviation that may end a sentence: does the next word open
    /// one? Pronouns, articles and the like do; a title ("Mr.") does when the
    /// sentence so far is more than a short opening phrase ("At 5 a.m. Mr. Smith").
    fn opens_sentence(&self, next: &Next, start: usize, block: &Block) -> bool {
        if self.next_is_starter(next, block, 1) {
            return true;
        }
        let end = self.word_end(next.at, block.end);
        let mut buf = [0u8; 64];
        let Some(word) = lower_into(slice(self.text, next.at, end), &mut buf) else {
            return false;
        };
        let title = self.bytes.get(end) == Some(&b'.')
            && is_abbreviation(self.language, word) == Some(Abbrev::Title);
        title && self.words_before(start, block) >= 4
    }

    /// Whether the next word, of at least `min` letters, typically opens a sentence.
    fn next_is_starter(&self, next: &Next, block: &Block, min: usize) -> bool {
        self.starter_at(next.at, block, min)
    }

    /// Whether the word at `at` is a Roman number of at least two letters ("XIX").
    fn roman_at(&self, at: usize) -> bool {
        let b = self.bytes;
        let end = (at..b.len())
            .find(|&k| !matches!(b[k], b'I' | b'V' | b'X' | b'L' | b'C' | b'D' | b'M'))
            .unwrap_or(b.len());
        end >= at + 2 && !byte(b, end).is_ascii_alphanumeric()
    }

    /// Whether the word at `at` is an acronym ("FC") or an initial ("J.-C.")
    /// or, with `date`, a number follows it ("Apríla 2020"; after a unit it
    /// may open a sentence: "180 см. Возраст 25 лет").
    fn date_or_acronym_at(&self, at: usize, block: &Block, date: bool) -> bool {
        let end = self.word_end(at, block.end);
        let acronym = match slice(self.text, at, end).chars().nth(1) {
            Some(second) => second.is_uppercase(),
            None => self.bytes.get(end) == Some(&b'.'),
        };
        let after = self.skip_space(end, block.end);
        acronym || (date && after > end && self.bytes.get(after).is_some_and(u8::is_ascii_digit))
    }

    /// Whether a sentence opener of two letters or more, spelled as a word
    /// rather than an acronym, starts at `at`: "Die", "We"; not "US", "IT".
    fn word_starter_at(&self, at: usize, block: &Block) -> bool {
        self.starter_at(at, block, 2)
            && slice(self.text, at, block.end)
                .chars()
                .nth(1)
                .is_some_and(char::is_lowercase)
    }

    /// Whether the word at `at`, of at least `min` letters, typically opens a sentence.
    fn starter_at(&self, at: usize, block: &Block, min: usize) -> bool {
        let end = self.word_end(at, block.end);
        let mut buf = [0u8; 64];
        let word = slice(self.text, at, end);
        crate::char_count(word) >= min
            && lower_into(word, &mut buf).is_some_and(is_sentence_starter)
    }

    /// The end of the run of letters at `at`.
    fn word_end(&self, mut at: usize, end: usize) -> usize {
        while at < end {
            let c = self.char_at(at);
            if !letters::is_alphabetic(c) {
                break;
            }
            at += c.len_utf8();
        }
        at
    }

    fn words_before(&self, start: usize, block: &Block) -> usize {
        let floor = self.boundary_up(block.unit.max(start.saturating_sub(96)));
        slice(self.text, floor, start)
            .split_ascii_whitespace()
            .count()
    }

    fn exclamation_word(&self, i: usize, block: &Block) -> bool {
        let (start, _, _) = self.word_before(i, block.start);
        matches!(slice(self.text, start, i), "Yahoo" | "Jeopardy")
    }

    /// The word before offset `i`: letters, digits, inner periods and a few
    /// signs ("N°"), back to white space or other punctuation. Returns its start,
    /// the character before it and whether the look-back limit was hit.
    fn word_before(&self, i: usize, floor: usize) -> (usize, Option<char>, bool) {
        let lo = self.boundary_up(floor.max(i.saturating_sub(WORD_BYTES)));
        let mut start = i;
        for (k, c) in slice(self.text, lo, i).char_indices().rev() {
            if !is_word_char(c) {
                return (start, Some(c), false);
            }
            start = lo + k;
        }
        (start, None, lo > floor)
    }

    fn classify(
        &self,
        start: usize,
        i: usize,
        before: Option<char>,
        bounded: bool,
        block: &Block,
    ) -> Word {
        let raw = slice(self.text, start, i);
        let mut word = trim_start_by(raw, |c| matches!(c, '.' | '\'' | '’'));
        let mut start = i - word.len();
        // An elided article or preposition before the word: "l'Ing", "dell'Avv".
        let apostrophe = if word.is_ascii() {
            word.bytes().rposition(|b| b == b'\'')
        } else {
            word.char_indices()
                .rev()
                .find(|&(_, c)| matches!(c, '\'' | '’'))
                .map(|(k, _)| k)
        };
        if let Some(k) = apostrophe {
            let head = &word[..k];
            let tail = trim_start_by(&word[k..], |c| matches!(c, '\'' | '’'));
            // The head may open the sentence: "L'avv. Verdi".
            if crate::char_count(head) <= 4
                && head.chars().skip(1).all(char::is_lowercase)
                && crate::char_count(tail) >= 2
            {
                word = tail;
                start = i - word.len();
            }
        }
        if word.is_empty() {
            return Word::Empty;
        }
        if bounded {
            return Word::Regular { chars: 99 };
        }
        let (mut letters, mut digits, mut dots, mut others) = (0, 0, 0, 0);
        let (mut part, mut longest_part, mut shortest_part) = (0, 0, usize::MAX);
        let (mut last_letter, mut capitals) = (' ', 0);
        for c in word.chars() {
            if letters::is_alphabetic(c) {
                letters += 1;
                capitals += usize::from(c.is_ascii_uppercase());
                part += 1;
                last_letter = c;
            } else if letters::is_numeric(c) {
                digits += 1;
                part += 1;
            } else if c == '.' {
                dots += 1;
                shortest_part = shortest_part.min(part);
                longest_part = longest_part.max(part);
                part = 0;
            } else if !is_format(c) && !is_mark(c) {
                others += 1;
            }
        }
        longest_part = longest_part.max(part);
        shortest_part = shortest_part.min(part);
        if letters == 0 {
            // "17./18. Jahrhundert": the second of a range of ordinals stands
            // as alone as the first.
            let back = |k: usize| byte(self.bytes, start.wrapping_sub(k));
            let range = before == Some('/') && back(2) == b'.' && back(3).is_ascii_digit();
            return if digits > 0 {
                Word::Number {
                    digits,
                    plain: dots == 0
                        && others == 0
                        && (before.is_none_or(|c| c.is_whitespace() || is_opener(c)) || range)
                        && !self.abbreviation_before(start, block),
                }
            } else {
                Word::Regular { chars: 1 }
            };
        }
        if digits > 0 {
            return Word::Regular {
                chars: letters + digits,
            };
        }
        let mut buf = [0u8; 64];
        let Some(key) = lower_into(word, &mut buf) else {
            return Word::Regular { chars: letters };
        };
        let capitalized = word.chars().next().is_some_and(char::is_uppercase);
        // Street names: "Hauptstr. 5", "Kalverstr. 12".
        if key.len() > 4
            && key.ends_with(b"str")
            && matches!(
                self.language,
                Language::German | Language::Dutch | Language::Other
            )
        {
            return Word::Known(Abbrev::Final, capitalized);
        }
        // No listed abbreviation is longer than this.
        if letters > 8 && dots == 0 {
            return Word::Regular { chars: letters };
        }
        if dots > 0 {
            let kind = is_abbreviation(self.language, key);
            // Unlisted, in lower case and without a part of one letter, it
            // names a host or a file ("mail.org", "list.html"), and ends a
            // sentence as a word does; abbreviations have such parts ("e.g").
            let host_or_file = kind.is_none() && shortest_part >= 2 && !capitalized;
            if longest_part <= 4 && shortest_part > 0 && !host_or_file {
                return Word::Dotted(kind);
            }
            return Word::Regular { chars: part };
        }
        if is_vowelless_word(key) {
            return Word::Regular { chars: letters };
        }
        if let Some(kind) = is_abbreviation(self.language, key) {
            // A capital that abbreviates a word before numbers ("p. 5") is
            // an initial otherwise: "Alfred P. Murrah".
            if !(kind == Abbrev::Numeric && letters == 1 && capitalized) {
                return Word::Known(kind, capitalized);
            }
        }
        if letters <= 3 {
            if let Some(kind) = self.chained(start, key, block) {
                return Word::Known(kind, capitalized);
            }
        }
        if letters == 1 {
            // A unit after a number ("à 15 h. Elle", "198 m.") is a word;
            // "5000 v. Chr." and Cyrillic "1799 г." (year) stay abbreviations.
            if matches!(
                last_letter,
                'm' | 's' | 'g' | 'h' | 'l' | 't' | 'K' | 'A' | 'V' | 'W' | 'J' | 'N' | 'м' | 'л'
            ) && self.number_before(start, block)
            {
                return Word::Regular { chars: 1 };
            }
            return Word::Single {
                upper: last_letter.is_uppercase(),
                after_slash: before == Some('/'),
            };
        }
        if word
            .chars()
            .all(|c| matches!(c, 'I' | 'V' | 'X' | 'L' | 'C' | 'D' | 'M'))
        {
            return Word::Roman;
        }
        // Short words without vowels are abbreviations ("Nr", "kg"), except
        // capitalized acronyms ("RFP"), their plurals ("CRFs", "PCs") and the
        // words `is_vowelless_word` knows.
        let plural_acronym = letters >= 3 && capitals + 1 == letters && last_letter == 's';
        if letters <= 5
            && !plural_acronym
            && word.chars().any(char::is_lowercase)
            && word
                .chars()
                .filter(|&c| letters::is_alphabetic(c))
                .all(|c| vowel_status(c) == Some(false))
        {
            return Word::Consonants;
        }
        Word::Regular { chars: letters }
    }

    /// Whether the token before the word at `start` is a word of up to four
    /// letters with a period, like an abbreviation ("godz. 10"): then a number
    /// is a value, not an ordinal. After a longer word ("Montag.") a number
    /// opens a sentence ("5. Mai war es"). A German weekday's abbreviation
    /// is followed by the day's ordinal ("am Mo. 5. Mai").
    fn abbreviation_before(&self, start: usize, block: &Block) -> bool {
        let b = self.bytes;
        start >= block.start + 3 && byte(b, start - 1) == b' ' && byte(b, start - 2) == b'.' && {
            let (first, _, _) = self.word_before(start - 2, block.start);
            let word = slice(self.text, first, start - 2);
            first < start - 2
                && word.chars().nth(4).is_none()
                && word.chars().all(letters::is_alphabetic)
                && !(self.language == Language::German
                    && matches!(word, "Mo" | "Di" | "Mi" | "Do" | "Fr" | "Sa" | "So"))
        }
    }

    /// Whether the token before the word at `start` is a number.
    fn number_before(&self, start: usize, block: &Block) -> bool {
        let b = self.bytes;
        if start < block.start + 2 || byte(b, start - 1) != b' ' {
            return false;
        }
        // Digits, with a decimal mark between them: "198", "1,80", "3.5".
        let len = b[block.start..start - 1]
            .iter()
            .rev()
            .take(16)
            .take_while(|x| x.is_ascii_digit() || matches!(x, b',' | b'.'))
            .count();
        let number = &b[start - 1 - len..start - 1];
        number.first().is_some_and(u8::is_ascii_digit)
            && number.last().is_some_and(u8::is_ascii_digit)
            && (start - 1 - len == block.start || byte(b, start - 2 - len).is_ascii_whitespace())
    }

    /// Multi-part abbreviations written with a space: "z. B", "p. ex", "т. д".
    fn chained(&self, start: usize, key: &[u8], block: &Block) -> Option<Abbrev> {
        let b = self.bytes;
        if start < block.start + 3 || byte(b, start - 1) != b' ' || byte(b, start - 2) != b'.' {
            return None;
        }
        let (first, before, _) = self.word_before(start - 2, block.start);
        let part = slice(self.text, first, start - 2);
        if part.is_empty()
            || crate::char_count(part) > 3
            || !part.chars().all(letters::is_alphabetic)
            || before.is_some_and(|c| !c.is_whitespace() && !is_opener(c))
        {
            return None;
        }
        let mut buf = [0u8; 64];
        let head = lower_into(part, &mut buf)?;
        let n = head.len();
        if n + 1 + key.len() > buf.len() {
            return None;
        }
        buf[n] = b'.';
        buf[n + 1..n + 1 + key.len()].copy_from_slice(key);
        is_abbreviation(self.language, &buf[..n + 1 + key.len()])
    }
}

/// How the lines of a paragraph are laid out.
#[derive(Clone, Copy, Debug)]
struct Layout {
    /// Characters in the widest line.
    widest: usize,
    /// Whether the paragraph looks hard-wrapped.
    wrapped: bool,
    /// Three or more short lines, none of them ended: a list without
    /// markers ("features\ncontact manager\nevents"), whose items start in
    /// lower case as often as not.
    list: bool,
    /// Two lines, neither ended: a caption's or a label's ("Image caption,
    /// The crater lies in shadow\nImage source, Nasa") unless the second goes on
    /// in lower case.
    unended_pair: bool,
}

/// Whether a line break inside a paragraph ends a unit. It doesn't after a
/// terminator (the scan decides there) nor before a lower-case word outside a
/// list; otherwise it does unless the line looks hard-wrapped: long, and
/// ending near the paragraph's widest line even though the next word would
/// have fitted there.
fn breaks_between(line: &Line, next: &Line, layout: Layout) -> bool {
    if next.marker.is_some() {
        return true;
    }
    if line.terminated || (next.first_lower && !layout.list) {
        return false;
    }
    line.last == ':'
        || layout.unended_pair
        || !layout.wrapped
        || line.chars < WRAP_CHARS
        || (line.chars + 1 + next.first_word) * 20 < layout.widest * 17
}

/// The last word boundary (UAX #29) at or before `i` in the 32 bytes around
/// it. Word boundaries never split a grapheme cluster (rule WB4); the word
/// iterator is linked anyway, the grapheme tables would cost 25 KB of wasm.
/// Found going forward: the iterator's backward half was 2 KB more wasm.
fn word_boundary(text: &str, i: usize, floor: usize) -> usize {
    let Some((lo, hi)) = word_window(text, i, floor) else {
        return i;
    };
    let mut last = i;
    for (k, _) in slice(text, lo, hi).split_word_bound_indices() {
        if lo + k > i {
            break;
        }
        if k > 0 {
            last = lo + k;
        }
    }
    last
}

/// The 32 bytes around `i` (after `floor`) that [`word_boundary`] searches, at
/// character boundaries; `None` when none of it is before `i`.
fn word_window(text: &str, i: usize, floor: usize) -> Option<(usize, usize)> {
    let mut lo = i.saturating_sub(32).max(floor + 1);
    while !text.is_char_boundary(lo) {
        lo += 1;
    }
    let mut hi = (i + 32).min(text.len());
    while !text.is_char_boundary(hi) {
        hi -= 1;
    }
    (lo < i).then_some((lo, hi))
}

/// Whether a line is capitalised words and then a time, an "AM" or "PM" after
/// it allowed: in a short line, a chat message's header ("Anna Smith  10:02
/// AM"), not a sentence ("They met at 10:30").
fn ends_in_time(line: &[u8]) -> bool {
    let line = match line {
        [rest @ .., b'A' | b'P' | b'a' | b'p', b'M' | b'm'] => rest.trim_ascii_end(),
        _ => line,
    };
    let word = line.iter().rposition(|&b| b == b' ').map_or(0, |k| k + 1);
    is_timestamp(&line[word..])
        && !line[..word]
            .split(|&b| b == b' ')
            .any(|w| w.first().is_some_and(u8::is_ascii_lowercase))
}

/// A reference as an encyclopedia's page copies it: "^ Harriss, Joseph (1975)",
/// "12. ^ a b "Eiffel Tower"" (the caret is the link back to where it is cited).
fn is_citation(line: &[u8]) -> bool {
    let number = line
        .iter()
        .take_while(|b| matches!(b, b'0'..=b'9' | b'.' | b' '))
        .count();
    line[number..].starts_with(b"^ ")
}

/// Whether a line titles a list of references: "References", "7 References",
/// "## Bibliography", "Literatur:".
fn is_references_heading(line: &str) -> bool {
    // After a section's number or a Markdown heading's marks.
    let from = line.bytes().position(|b| b > b'9').unwrap_or(0);
    let title = &line[from..];
    // Only a line that opens as a title does is lowered and looked up: the
    // lookup builds the word table, which a Chinese text does not otherwise need.
    // By bytes: b, e, l, q or r in either case, Cyrillic, "参" or "참".
    let opens = match title.as_bytes() {
        [b, ..] if matches!(b | 0x20, b'b' | b'e' | b'l' | b'q' | b'r') => true,
        [0xD0, ..] | [0xE5, 0x8F, ..] | [0xEC, 0xB0, ..] => true,
        _ => false,
    };
    let mut buf = [0; 64];
    opens
        && lower_into(title, &mut buf)
            .is_some_and(|t| is_references_title(t.strip_suffix(b":").unwrap_or(t)))
}

/// A title, dot leaders and a page number: "2. Results ........ 7",
/// "Outlook . . . . 12".
fn is_contents_entry(line: &[u8]) -> bool {
    let page = line.iter().rev().take_while(|b| b.is_ascii_digit()).count();
    let leaders = line[..line.len() - page].trim_ascii_end();
    page > 0 && (leaders.ends_with(b"....") || leaders.ends_with(b". . ."))
}

/// Whether a line is a time ("0:03", "01:02:03.500", "12/03/2024, 10:02") or
/// a range of two ("00:00:01,000 --> 00:00:04,000", cue settings allowed after
/// it; "0:00:01.000,0:00:04.000"): digits, separators and at least one colon,
/// each between a digit and two, ending in a digit.
fn is_timestamp(line: &[u8]) -> bool {
    let digit = |i: usize| line.get(i).is_some_and(u8::is_ascii_digit);
    let (mut colons, mut arrow, mut end) = (0, false, line.len());
    for (i, &b) in line.iter().enumerate() {
        match b {
            b':' if digit(i.wrapping_sub(1)) && digit(i + 1) && digit(i + 2) && !digit(i + 3) => {
                colons += 1
            }
            b'0'..=b'9' | b'.' | b',' | b'/' | b'-' | b' ' | b'\t' => {}
            b'>' => arrow = true,
            // A range's cue settings ("... 00:04.000 align:start").
            b'a'..=b'z' if arrow && digit(i.wrapping_sub(2)) => {
                end = i - 1;
                break;
            }
            _ => return false,
        }
    }
    colons > 0 && digit(0) && digit(end.wrapping_sub(1))
}

/// Words without vowels that are words, not abbreviations: interjections
/// ("hmm") and acronyms often written in lower case ("tv").
fn is_vowelless_word(word: &[u8]) -> bool {
    // Four bytes at most, compared as one number each: a match of byte
    // strings was a tree of comparisons (0.7 KB of wasm before compression),
    // and a search of one string took 1.7% of a summary's instructions.
    const fn key(word: &[u8]) -> u32 {
        let mut key = 0;
        let mut i = 0;
        while i < word.len() {
            key = key << 8 | word[i] as u32;
            i += 1;
        }
        key
    }
    const WORDS: [u32; 28] = {
        let words: [&[u8]; 28] = [
            b"hm", b"hmm", b"hmmm", b"mm", b"mmm", b"mhm", b"shh", b"sh", b"psst", b"pst", b"grr",
            b"brr", b"tsk", b"pfft", b"zzz", b"ssh", b"thx", b"pls", b"plz", b"tv", b"pc", b"cd",
            b"dvd", b"dj", b"gps", b"sms", b"pdf", b"www",
        ];
        let mut keys = [0; 28];
        let mut i = 0;
        while i < 28 {
            keys[i] = key(words[i]);
            i += 1;
        }
        keys
    };
    word.len() <= 4 && WORDS.contains(&key(word))
}

// The helpers below do what `str::rsplit`, `trim_end_matches`,
// `trim_start_matches` and `trim` do here, without a pattern searcher
// instantiated for each kind of pattern (about 2 KB of wasm in all; `trim`'s
// two searchers were 0.6 KB more).

/// What follows the last white space in `s` (all of `s` if there is none):
/// `s.rsplit(char::is_whitespace).next()`.
fn last_token(s: &str) -> &str {
    match s.char_indices().rev().find(|&(_, c)| c.is_whitespace()) {
        Some((k, c)) => &s[k + c.len_utf8()..],
        None => s,
    }
}

/// `s` without trailing bytes of `set`, which holds ASCII only (so that the
/// cut is a character boundary).
fn trim_end_ascii<'s>(s: &'s str, set: &[u8]) -> &'s str {
    let mut n = s.len();
    while n > 0 && set.contains(&s.as_bytes()[n - 1]) {
        n -= 1;
    }
    &s[..n]
}

/// `s` without the leading and trailing characters that `skip` accepts:
/// `str::trim` for `char::is_whitespace`.
pub(crate) fn trim_by(s: &str, skip: fn(char) -> bool) -> &str {
    trim_end_by(trim_start_by(s, skip), skip)
}

/// `s` without the leading characters that `skip` accepts.
fn trim_start_by(s: &str, skip: fn(char) -> bool) -> &str {
    let start = s
        .char_indices()
        .find(|&(_, c)| !skip(c))
        .map_or(s.len(), |(k, _)| k);
    &s[start..]
}

/// `s` without the trailing characters that `skip` accepts.
fn trim_end_by(s: &str, skip: fn(char) -> bool) -> &str {
    let end = s
        .char_indices()
        .rev()
        .find(|&(_, c)| !skip(c))
        .map_or(0, |(k, c)| k + c.len_utf8());
    &s[..end]
}

/// White space, or a byte order mark: files joined with `cat` carry theirs
/// into the text (U+FEFF, invisible, and not white space to Unicode).
fn is_blank(c: char) -> bool {
    c.is_whitespace() || c == '\u{feff}'
}

/// `&text[start..end]`, or "" if that is not a slice of it: like `byte`, no
/// panic branch at each slice (all of their bounds are char boundaries).
#[inline(always)]
fn slice(text: &str, start: usize, end: usize) -> &str {
    text.get(start..end).unwrap_or("")
}

/// `bytes[i]`, or 0 past the end: no panic branch (and its location data) at
/// each of the segmenter's many byte reads, whose indices are all in bounds.
#[inline(always)]
fn byte(bytes: &[u8], i: usize) -> u8 {
    bytes.get(i).copied().unwrap_or(0)
}

/// Lower-cases `word` (without format characters) into `buf`, as UTF-8
/// bytes: the word lists are keyed by bytes, so nothing checks them again.
fn lower_into<'b>(word: &'b str, buf: &'b mut [u8; 64]) -> Option<&'b [u8]> {
    if word.is_ascii() {
        let bytes = buf.get_mut(..word.len())?;
        bytes.copy_from_slice(word.as_bytes());
        // Already lower-case (most words before a period): `word` itself (the
        // copy stays in `buf`: `chained` appends to it). 0.3 M fewer
        // instructions on 1 MB of English news or German.
        if !word.bytes().any(|b| b.is_ascii_uppercase()) {
            return Some(word.as_bytes());
        }
        bytes.make_ascii_lowercase();
        return Some(bytes);
    }
    let mut n = 0;
    for c in word.chars().filter(|c| !is_format(*c)) {
        for l in crate::lowercase::lower_chars(c) {
            let len = l.len_utf8();
            if n + len > buf.len() {
                return None;
            }
            l.encode_utf8(&mut buf[n..]);
            n += len;
        }
    }
    buf.get(..n)
}

/// `text` without the quotation marks of e-mail and Markdown that open it
/// ("> ", ">> "), which open no line and no unit: a quotation's sentences run
/// on across its line breaks, and a quoted blank line is a blank line.
/// (">50%" is text.) The command line writes a sentence's inner lines
/// without them by the same rule.
///
/// ```
/// use abridge::segment::unquoted;
/// assert_eq!(unquoted("> >> Costs fell."), "Costs fell.");
/// assert_eq!(unquoted(">50% said so"), ">50% said so");
/// ```
pub fn unquoted(text: &str) -> &str {
    let b = text.as_bytes();
    let mut i = 0;
    while b.get(i) == Some(&b'>') && matches!(b.get(i + 1), None | Some(b' ' | b'>')) {
        i += 1;
        while b.get(i) == Some(&b' ') {
            i += 1;
        }
    }
    &text[i..]
}

/// The first bytes of line breaks.
const LINE_STOP: [bool; 256] = {
    let mut table = [false; 256];
    table[b'\n' as usize] = true;
    table[0x0B] = true;
    table[0xC2] = true;
    table[0xE2] = true;
    table
};

/// The length of the char at `bytes[i]` (a char boundary) if it is a letter of
/// Latin-1 or Latin Extended-A (all but × and ÷) or a Han ideograph
/// (U+4E00..=U+9FFF), which `letters::is_alphanumeric` takes; else 0.
fn letter_len(bytes: &[u8], i: usize) -> usize {
    match (byte(bytes, i), byte(bytes, i + 1)) {
        (0xC3, b) if b != 0x97 && b != 0xB7 => 2,
        (0xC4 | 0xC5, _) => 2,
        (0xE4, 0xB8..) | (0xE5..=0xE9, _) => 3,
        _ => 0,
    }
}

/// Whether a list marker or a separator may start at `p` (a quick test
/// before the real ones).
fn may_start_marker(bytes: &[u8], p: usize) -> bool {
    match byte(bytes, p) {
        b'0'..=b'9' | 0xE2 => true,
        b'a'..=b'z' => matches!(bytes.get(p + 1), Some(b'.' | b')')),
        b'-' => matches!(bytes.get(p + 1), Some(b'-' | b' ')),
        x @ (b'*' | b'=' | b'_' | b'~' | b'#') => bytes.get(p + 1) == Some(&x),
        _ => false,
    }
}

/// Bytes the scan skips: ASCII letters, digits, spaces and the punctuation
/// that never ends a sentence, starts a list marker or closes a clause.
const PLAIN: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 128 {
        table[b] = !matches!(
            b as u8,
            b'\t'
                | b'\n'
                | b'\r'
                | 0x0B
                | 0x0C
                | b'.'
                | b'!'
                | b'?'
                | b','
                | b';'
                | b':'
                | b'"'
                | b')'
                | b'>'
                | b'@'
                | b'-'
                | b'*'
                | b'='
                | b'_'
                | b'~'
                | b'#'
        );
        b += 1;
    }
    table
};

/// The first byte at or after `i` (and before `limit`) that is not [`PLAIN`],
/// or `limit`. Sixteen bytes at a time, their table entries and-ed without a
/// branch per byte, then byte by byte in the last sixteen: 1.5 M fewer
/// instructions on 1 MB of English news than a `position` over the bytes
/// (0.4 M of German; eight at a time was 0.1 M fewer). The sixteen are
/// written out: at opt-level "s" a loop over them stays a loop in the wasm,
/// and the unrolled test is 4.7 M fewer instructions a call in Node on 1 MB
/// of English (1.7%) for 66 bytes.
fn plain_run_end(bytes: &[u8], mut i: usize, limit: usize) -> usize {
    // Most runs of Chinese or Japanese are empty: no chunk for them.
    if i >= limit || !PLAIN[usize::from(byte(bytes, i))] {
        return i;
    }
    while i + 16 <= limit {
        let Some(chunk) = bytes.get(i..i + 16) else {
            break;
        };
        let plain = |k: usize| PLAIN[usize::from(chunk[k])];
        if !(plain(0)
            & plain(1)
            & plain(2)
            & plain(3)
            & plain(4)
            & plain(5)
            & plain(6)
            & plain(7)
            & plain(8)
            & plain(9)
            & plain(10)
            & plain(11)
            & plain(12)
            & plain(13)
            & plain(14)
            & plain(15))
        {
            break;
        }
        i += 16;
    }
    let rest = bytes.get(i..limit).unwrap_or_default();
    i + rest
        .iter()
        .position(|&x| !PLAIN[usize::from(x)])
        .unwrap_or(rest.len())
}

/// Cuts found around mail and web furniture (see `Segmenter::furniture`).
struct Furniture {
    before: Option<usize>,
    after: Option<usize>,
    resume: usize,
}

/// How far, in bytes, a mail address is looked at around its "@" or ">".
const FURNITURE_BYTES: usize = 256;

/// A run of symbols at least this long is a rule even inside a unit.
const LONG_RULE: usize = 8;

/// English greetings and closings that stand alone before a name.
const SALUTATIONS: &[&str] = &[
    "best regards",
    "best wishes",
    "cheers",
    "dear all",
    "hello",
    "hi",
    "kind regards",
    "kindest regards",
    "regards",
    "respectfully",
    "sincerely",
    "thanks",
    "warm regards",
    "yours sincerely",
];

/// Top-level domains, which follow a period without a space ("Newsfeed.Com").
const TOP_DOMAINS: &[&str] = &["com", "net", "org", "edu", "gov", "info", "biz"];

/// Opening quotation marks and brackets: (mark, closing marks, whether inner
/// sentences always stay together).
const QUOTES: [(char, &[char], bool); 11] = [
    ('"', &['"'], false),
    ('“', &['”'], false),
    ('„', &['“', '”'], false),
    ('«', &['»'], false),
    ('»', &['«'], false),
    ('‹', &['›'], false),
    ('《', &['》'], true),
    ('〈', &['〉'], true),
    ('「', &['」'], true),
    ('『', &['』'], true),
    ('【', &['】'], true),
];

fn quote_kind(c: char) -> Option<usize> {
    QUOTES.iter().position(|q| q.0 == c)
}

fn is_closer(c: char) -> bool {
    matches!(
        c,
        ')' | ']'
            | '}'
            | '"'
            | '\''
            | '”'
            | '’'
            | '“'
            | '»'
            | '«'
            | '›'
            | '‹'
            | '」'
            | '』'
            | '》'
            | '〉'
            | '】'
            | '）'
            | '］'
            | '｝'
            | '〕'
            | '〗'
            | '＂'
            | '＇'
            | '〞'
            | '〟'
    )
}

fn is_opener(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | '“'
            | '‘'
            | '„'
            | '‚'
            | '«'
            | '»'
            | '‹'
            | '('
            | '['
            | '{'
            | '¿'
            | '¡'
            | '「'
            | '『'
            | '《'
            | '〈'
            | '【'
            | '（'
            | '［'
            | '*'
            | '_'
    )
}

fn is_bullet(c: char) -> bool {
    matches!(
        c,
        '•' | '‣'
            | '⁃'
            | '◦'
            | '▪'
            | '▫'
            | '●'
            | '○'
            | '■'
            | '□'
            | '◆'
            | '◇'
            | '►'
            | '▸'
            | '▹'
            | '➢'
            | '➤'
            | '✓'
            | '✔'
            | '✗'
            | '✘'
            | '❖'
    )
}

/// Invisible characters that don't separate words (bidi controls, joiners).
fn is_format(c: char) -> bool {
    matches!(c, '\u{ad}' | '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2060}'..='\u{2064}' | '\u{feff}')
}

/// Combining marks that `char::is_alphanumeric` doesn't cover.
fn is_mark(c: char) -> bool {
    matches!(c, '\u{300}'..='\u{36f}' | '\u{483}'..='\u{489}' | '\u{591}'..='\u{5bd}' | '\u{610}'..='\u{61a}' | '\u{64b}'..='\u{65f}' | '\u{1ab0}'..='\u{1aff}' | '\u{1dc0}'..='\u{1dff}' | '\u{20d0}'..='\u{20ff}' | '\u{fe20}'..='\u{fe2f}' | '\u{3099}' | '\u{309a}')
}

fn is_word_char(c: char) -> bool {
    letters::is_alphanumeric(c)
        || matches!(c, '.' | '°' | 'º' | 'ª' | '\'' | '’')
        || is_format(c)
        || is_mark(c)
}

fn is_greek(c: char) -> bool {
    matches!(c, '\u{370}'..='\u{3ff}' | '\u{1f00}'..='\u{1fff}') && letters::is_alphabetic(c)
}

fn is_armenian(c: char) -> bool {
    matches!(c, '\u{531}'..='\u{556}' | '\u{561}'..='\u{587}')
}

fn is_arabic(c: char) -> bool {
    matches!(c, '\u{620}'..='\u{64a}' | '\u{66e}'..='\u{6d3}' | '\u{6fa}'..='\u{6ff}' | '\u{750}'..='\u{77f}')
}

/// Whether a letter is a vowel, for scripts where that is easy to tell
/// (Latin, Greek, Cyrillic); `None` for other scripts.
fn vowel_status(c: char) -> Option<bool> {
    match crate::lowercase::lower_char(c) {
        'a'
        | 'e'
        | 'i'
        | 'o'
        | 'u'
        | 'y'
        | 'à'..='æ'
        | 'è'..='ï'
        | 'ò'..='ö'
        | 'ø'..='ü'
        | 'ý'
        | 'ÿ'
        | 'œ'
        | 'ą'
        | 'ę'
        | 'ė'
        | 'į'
        | 'ų'
        | 'ō'
        | 'ū'
        | 'ī'
        | 'ā'
        | 'ē'
        | 'ě'
        | 'ů'
        | 'ő'
        | 'ű'
        | 'ı' => Some(true),
        'а' | 'е' | 'ё' | 'и' | 'о' | 'у' | 'ы' | 'э' | 'ю' | 'я' | 'і' | 'ї' | 'є' | 'ў' => {
            Some(true)
        }
        'α' | 'ε' | 'η' | 'ι' | 'ο' | 'υ' | 'ω' | 'ά' | 'έ' | 'ή' | 'ί' | 'ό' | 'ύ' | 'ώ' | 'ϊ'
        | 'ϋ' | 'ΐ' | 'ΰ' => Some(true),
        'a'..='z' | '\u{c0}'..='\u{24f}' | '\u{370}'..='\u{3ff}' | '\u{400}'..='\u{4ff}' => {
            Some(false)
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use unicode_segmentation::UnicodeSegmentation;

    #[test]
    fn word_boundary_finds_what_the_backward_search_found() {
        // The boundary is found going forward; the backward iterator, which it
        // replaced to save wasm, is the reference.
        let backward = |text: &str, i: usize, floor: usize| {
            let Some((lo, hi)) = super::word_window(text, i, floor) else {
                return i;
            };
            text[lo..hi]
                .split_word_bound_indices()
                .rev()
                .map(|(k, _)| lo + k)
                .find(|&k| k <= i && k > lo)
                .unwrap_or(i)
        };
        let texts = [
            "averyveryverylongwordwithoutanyspacesatallthatgoesonandonandonforever",
            "北京大学的研究人员今天发表了一篇关于人工智能的新论文并且引起了广泛的关注",
            "ภาษาไทยไม่มีการเว้นวรรคระหว่างคำทำให้การตัดคำเป็นเรื่องยากมากสำหรับเครื่อง",
            "e\u{301}e\u{301}e\u{301}👩\u{200d}👩\u{200d}👧🇫🇷🇩🇪can't-stop 3.14,15 x_y über-straße",
            "https://example.com/a/very/long/path/with_under_scores/and-dashes?q=1&r=2#frag",
            "日本語のテキストはカタカナとひらがなと漢字がまざっていますカタカナカタカナ",
        ];
        for text in texts {
            for i in (0..=text.len()).filter(|&i| text.is_char_boundary(i)) {
                for floor in [0, i / 2, i.saturating_sub(3)] {
                    assert_eq!(
                        super::word_boundary(text, i, floor),
                        backward(text, i, floor),
                        "{text:?} at {i}, floor {floor}"
                    );
                }
            }
        }
    }

    #[test]
    fn letters_the_scan_steps_over_are_letters_and_not_bullets() {
        let mut stepped = 0;
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let mut buf = [0; 4];
            let bytes = c.encode_utf8(&mut buf).as_bytes();
            let len = super::letter_len(bytes, 0);
            if len > 0 {
                assert_eq!(len, c.len_utf8(), "{c:?}");
                assert!(crate::letters::is_alphanumeric(c), "{c:?}");
                assert!(!super::is_bullet(c), "{c:?}");
                stepped += 1;
            }
        }
        assert_eq!(stepped, 190 + 0x5200);
    }
}
