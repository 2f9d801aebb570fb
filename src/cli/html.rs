//! The text of a web page, read as the page reads a dropped `.html` file:
//! within the first `<article>`, else `<main>`, else the whole page, the
//! element that holds its paragraphs (see [`content`]); no scripts, styles,
//! navigation, forms or asides, nor what a class, id or role marks as
//! standing beside the story (comments, sidebars, share bars: see
//! [`INCIDENTAL`]) or as hidden; each block a paragraph of its own.
//!
//! A tolerant scanner, not an HTML parser: text extraction needs tags, text
//! and character references, not the document tree.

/// Elements whose text is no part of a page's prose.
const SKIP: &[&str] = &[
    "script", "style", "noscript", "template", "svg", "nav", "aside", "form", "button", "select",
    "iframe", "object", "title",
];

/// Words in a class or id that mark what stands beside a story rather than
/// in it: comments, menus, sidebars, related links, sharing buttons, footers,
/// sponsors, pop-ups. Readability drops such "unlikely candidates" too.
const INCIDENTAL: &[&str] = &[
    "comment",
    "disqus",
    "replies",
    "sidebar",
    "related",
    "footer",
    "menu",
    "breadcrumb",
    "pagination",
    "pager",
    "social",
    "share",
    "sponsor",
    "promo",
    "banner",
    "popup",
    "shoutbox",
    "skyscraper",
    "community",
    "gdpr",
    "-ad-",
];

/// Words that keep an element whatever else its class says: it may be the
/// story's own ("main-content", "article-footer-wrap").
const MAYBE_STORY: &[&str] = &["article", "body", "column", "content", "main"];

/// The elements such a mark is read on: those a page closes itself (an item
/// or a paragraph may be left open, and a reader that skipped it would skip
/// on past its end).
const MARKED: &[&str] = &[
    "div", "section", "article", "header", "footer", "ul", "ol", "dl", "table", "span", "figure",
    "h1", "h2", "h3", "h4", "h5", "h6",
];

/// Roles of what stands beside a story.
const INCIDENTAL_ROLES: &[&str] = &[
    "navigation",
    "complementary",
    "menu",
    "menubar",
    "dialog",
    "alertdialog",
];

/// Elements that start a paragraph of their own.
const BLOCK: &[&str] = &[
    "p",
    "div",
    "section",
    "article",
    "main",
    "header",
    "footer",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "blockquote",
    "pre",
    "table",
    "tr",
    "figure",
    "figcaption",
    "hr",
    "address",
];

/// Elements whose content is not markup: it runs to their end tag.
const RAW: &[&str] = &[
    "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes",
];

/// What may stand in a page's `<head>`; anything else ends it, as in a browser.
const IN_HEAD: &[&str] = &[
    "meta", "link", "title", "style", "script", "base", "noscript", "template",
];

/// Elements that never have content (nor an end tag).
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
    "wbr",
];

use std::ops::Range;

#[derive(Debug, PartialEq)]
enum Token<'a> {
    Text(&'a str),
    /// A start tag's name, and what its attributes mark it as.
    Start(String, Mark),
    End(String),
}

/// What a start tag's attributes say of its element's text.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Mark {
    /// Nothing: it may be the story.
    None,
    /// Its class, id or role marks what stands beside a story (see [`INCIDENTAL`]).
    Beside,
    /// A browser does not show it.
    Hidden,
}

/// Whether a text looks like a web page rather than prose that mentions one:
/// it opens with a doctype or one of the page's first tags, after any XML
/// declaration and comments (an XHTML page, a saved page's "saved from" note).
pub fn looks_like_html(text: &str) -> bool {
    let mut start = text.trim_start_matches('\u{FEFF}').trim_start();
    while let Some(after) = start
        .strip_prefix("<?")
        .and_then(|s| s.split_once("?>"))
        .or_else(|| start.strip_prefix("<!--").and_then(|s| s.split_once("-->")))
        .map(|(_, after)| after.trim_start())
    {
        start = after;
    }
    let head = start.get(..14).unwrap_or(start).to_ascii_lowercase();
    ["<!doctype html", "<html", "<head", "<body"]
        .iter()
        .any(|open| head.starts_with(open))
}

/// The readable text of `html`, paragraphs separated by blank lines.
pub fn to_text(html: &str) -> String {
    let mut tokens = scan(html);
    let text = read(&tokens);
    // Little text left: the marks took the story with them (a page that calls
    // its story's box "sidebar-layout"); read again without them, as
    // Readability does, and keep the longer. What is hidden stays out.
    if text.chars().nth(SHORT_TEXT).is_none() {
        for token in &mut tokens {
            if let Token::Start(_, mark @ Mark::Beside) = token {
                *mark = Mark::None;
            }
        }
        let unmarked = read(&tokens);
        if unmarked.chars().count() > text.chars().count() {
            return unmarked;
        }
    }
    text
}

/// Characters of text below which a page is read again without the marks of
/// what stands beside its story.
const SHORT_TEXT: usize = 500;

/// The text of the story among `tokens` (see [`content`]).
fn read(tokens: &[Token<'_>]) -> String {
    let mut out = String::new();
    for part in content(tokens, root_range(tokens)) {
        write_text(&tokens[part], &mut out);
        out.push_str("\n\n");
    }
    tidy(&out)
}

/// Appends the text of `tokens` to `out`: blocks as paragraphs, skipped
/// elements left out.
fn write_text(tokens: &[Token<'_>], out: &mut String) {
    let mut skipping: Option<Passing<'_>> = None;
    let mut in_head = false;
    let mut pre = 0usize;
    for token in tokens {
        if in_head {
            match token {
                Token::End(name) if name == "head" => {
                    in_head = false;
                    continue;
                }
                // Content ends a head left open, as in a browser.
                Token::Start(name, _) if !IN_HEAD.contains(&name.as_str()) => in_head = false,
                _ => continue,
            }
        }
        if let Some(passing) = &mut skipping {
            if passing.ends_at(token) {
                skipping = None;
            }
            continue;
        }
        match token {
            Token::Text(text) => {
                let text = c1_as_windows_1252(html_escape::decode_html_entities(text));
                if pre > 0 {
                    out.push_str(&text);
                } else {
                    push_collapsed(out, &text);
                }
            }
            Token::Start(name, _) if name == "head" => in_head = true,
            Token::Start(name, mark) if *mark != Mark::None || SKIP.contains(&name.as_str()) => {
                skipping = Some(Passing::new(name))
            }
            Token::Start(name, _) if name == "br" => out.push('\n'),
            Token::Start(name, _) | Token::End(name) if BLOCK.contains(&name.as_str()) => {
                if name == "pre" {
                    if matches!(token, Token::Start(..)) {
                        pre += 1;
                    } else {
                        pre = pre.saturating_sub(1);
                    }
                }
                out.push_str("\n\n");
            }
            _ => {}
        }
    }
}

/// The tokens of the first `<article>`, else the first `<main>`, else all;
/// not one in or marked as what stands beside the story (a comment written as
/// an article).
fn root_range(tokens: &[Token<'_>]) -> Range<usize> {
    for root in ["article", "main"] {
        let Some(start) = first_start(tokens, root) else {
            continue;
        };
        let mut depth = 0usize;
        for (i, token) in tokens.iter().enumerate().skip(start) {
            match token {
                Token::Start(n, _) if n == root => depth += 1,
                Token::End(n) if n == root => {
                    depth -= 1;
                    if depth == 0 {
                        return start..i + 1;
                    }
                }
                _ => {}
            }
        }
        return start..tokens.len();
    }
    0..tokens.len()
}

/// Where the first start tag `name` is that is neither marked nor inside a
/// marked element.
fn first_start(tokens: &[Token<'_>], name: &str) -> Option<usize> {
    let mut marked: Option<Passing<'_>> = None;
    for (i, token) in tokens.iter().enumerate() {
        if let Some(passing) = &mut marked {
            if passing.ends_at(token) {
                marked = None;
            }
            continue;
        }
        match token {
            Token::Start(n, Mark::None) if n == name => return Some(i),
            Token::Start(n, Mark::Beside | Mark::Hidden) => marked = Some(Passing::new(n)),
            _ => {}
        }
    }
    None
}

/// An element being passed over to its end tag, counted by its name (as
/// deep as it nests in itself).
struct Passing<'a> {
    name: &'a str,
    depth: usize,
}

impl<'a> Passing<'a> {
    /// Passing over the element whose start tag was just read.
    fn new(name: &'a str) -> Self {
        Passing { name, depth: 1 }
    }

    /// Reads the next token; whether it ends the element.
    fn ends_at(&mut self, token: &Token<'_>) -> bool {
        match token {
            Token::Start(n, _) if n == self.name => self.depth += 1,
            Token::End(n) if n == self.name => self.depth -= 1,
            _ => {}
        }
        self.depth == 0
    }
}

/// How deep elements nest: Chromium's HTML parser's limit.
const MAX_DEPTH: usize = 512;

/// An element of the page, for finding where its prose is.
struct Node<'t> {
    name: &'t str,
    /// Whether its text is never prose: a script, a menu, a comment thread.
    skipped: bool,
    parent: Option<usize>,
    /// Its tokens: from its start tag to past its end tag.
    tokens: Range<usize>,
    /// Letters and digits in it, and how many of them are a link's.
    text: usize,
    link_text: usize,
    commas: usize,
    /// What the paragraphs in it and below it say for it as the prose's home.
    score: f32,
    /// Letters of its paragraphs that are not a link's.
    prose: usize,
}

impl<'t> Node<'t> {
    /// An element opened at the token range's start, nothing counted yet.
    fn new(name: &'t str, skipped: bool, parent: Option<usize>, tokens: Range<usize>) -> Self {
        Node {
            name,
            skipped,
            parent,
            tokens,
            text: 0,
            link_text: 0,
            commas: 0,
            score: 0.0,
            prose: 0,
        }
    }
}

/// Where a page's prose is, within `root`: the element that holds the most
/// paragraph text (its paragraphs count for it in full and half for the
/// element above; links count against it), with the sibling elements and
/// paragraphs that hold prose too (a third as much as it, or a paragraph of
/// its own) and the headings before and between them; all of `root` when it
/// has no paragraphs.
/// The scoring is the one Arc90's Readability made the common ground of
/// reader views.
fn content(tokens: &[Token<'_>], root: Range<usize>) -> Vec<Range<usize>> {
    let mut nodes: Vec<Node<'_>> = Vec::new();
    let mut open: Vec<usize> = Vec::new();
    let mut skipped = 0usize; // open elements whose text is never prose
    let mut links = 0usize;
    // Closes the innermost open element: its counts go to its parent, and a
    // paragraph's score to its parent and half of it to the one above.
    let close = |nodes: &mut Vec<Node<'_>>,
                 open: &mut Vec<usize>,
                 skipped: &mut usize,
                 links: &mut usize,
                 end: usize| {
        let Some(id) = open.pop() else { return };
        nodes[id].tokens.end = end;
        let node = &nodes[id];
        *skipped -= usize::from(node.skipped);
        *links -= usize::from(node.name == "a");
        let (text, link_text, commas) = (node.text, node.link_text, node.commas);
        if matches!(node.name, "p" | "pre") && text >= 25 {
            let score = 1.0 + commas as f32 + (text as f32 / 100.0).min(3.0);
            if let Some(parent) = node.parent {
                nodes[parent].score += score;
                if let Some(grandparent) = nodes[parent].parent {
                    nodes[grandparent].score += score / 2.0;
                }
            }
            if link_text * 2 < text {
                nodes[id].prose = text - link_text;
            }
        }
        if let Some(parent) = nodes[id].parent {
            nodes[parent].prose += nodes[id].prose;
            nodes[parent].text += text;
            nodes[parent].link_text += link_text;
            nodes[parent].commas += commas;
        }
    };
    // The depth of the last `<br>` while only white space has followed it.
    let mut line_break_at: Option<usize> = None;
    let starts_at_a_break =
        |node: &Node<'_>| matches!(&tokens[node.tokens.start], Token::Start(n, _) if n == "br");
    for (i, token) in tokens.iter().enumerate().take(root.end).skip(root.start) {
        let after_break = line_break_at.take();
        match token {
            // Text broken with `<br><br>`, as old pages and forums write it: what
            // follows the pair, up to the next pair or block, is a paragraph, as
            // Readability reads it (an implicit `<p>`, which a block closes).
            Token::Start(name, _) if name == "br" => {
                if after_break == Some(open.len()) {
                    if open.last().is_some_and(|&id| starts_at_a_break(&nodes[id])) {
                        close(&mut nodes, &mut open, &mut skipped, &mut links, i);
                    }
                    if open.last().is_some_and(|&id| nodes[id].name != "p")
                        && open.len() < MAX_DEPTH
                    {
                        nodes.push(Node::new("p", false, open.last().copied(), i..root.end));
                        open.push(nodes.len() - 1);
                    }
                }
                line_break_at = Some(open.len());
            }
            Token::Text(text)
                if after_break.is_some()
                    && html_escape::decode_html_entities(text).trim().is_empty() =>
            {
                line_break_at = after_break;
            }
            Token::Start(name, incidental) => {
                // What a browser's parser closes before it: a paragraph before a
                // block (a rule too, though it holds nothing), an item the one
                // before, a cell the one before.
                let void = VOID.contains(&name.as_str());
                let mut depth = open.len();
                if open.last().is_some_and(|&id| nodes[id].name == "p")
                    && BLOCK.contains(&name.as_str())
                {
                    depth -= 1;
                } else if let Some((closed, within)) = implicitly_closes(name) {
                    for (at, &id) in open.iter().enumerate().rev() {
                        if closed.contains(&nodes[id].name) {
                            depth = at;
                            break;
                        }
                        if within.contains(&nodes[id].name) {
                            break;
                        }
                    }
                }
                // As deep as Chromium's parser nests, and no deeper (a new
                // element there is the last one's sibling): every search of
                // the open elements stays short, whatever the page.
                if !void {
                    depth = depth.min(MAX_DEPTH - 1);
                }
                while open.len() > depth {
                    close(&mut nodes, &mut open, &mut skipped, &mut links, i);
                }
                if void {
                    continue;
                }
                let skip = *incidental != Mark::None || is_skipped(name);
                skipped += usize::from(skip);
                links += usize::from(name == "a");
                nodes.push(Node::new(name, skip, open.last().copied(), i..root.end));
                open.push(nodes.len() - 1);
            }
            Token::End(name) => {
                let Some(depth) = open.iter().rposition(|&id| nodes[id].name == name) else {
                    continue;
                };
                while open.len() > depth {
                    close(&mut nodes, &mut open, &mut skipped, &mut links, i + 1);
                }
            }
            Token::Text(text) if skipped == 0 => {
                if let Some(&id) = open.last() {
                    let letters = text.chars().filter(|c| c.is_alphanumeric()).count();
                    let node = &mut nodes[id];
                    node.text += letters;
                    node.commas += text.matches([',', '，', '、']).count();
                    if links > 0 {
                        node.link_text += letters;
                    }
                }
            }
            Token::Text(_) => {}
        }
    }
    while !open.is_empty() {
        close(&mut nodes, &mut open, &mut skipped, &mut links, root.end);
    }
    let link_density = |node: &Node<'_>| node.link_text as f32 / node.text.max(1) as f32;
    let final_score = |node: &Node<'_>| node.score * (1.0 - link_density(node));
    let Some(best) = (0..nodes.len())
        .filter(|&id| nodes[id].score > 0.0)
        .max_by(|&a, &b| final_score(&nodes[a]).total_cmp(&final_score(&nodes[b])))
    else {
        return vec![root];
    };
    // Its siblings that hold prose too: a story split by an advertisement.
    let threshold = (final_score(&nodes[best]) * 0.2).max(10.0);
    let parent = nodes[best].parent;
    let is_heading = |id: usize| {
        matches!(nodes[id].name, "h1" | "h2" | "h3" | "h4" | "h5" | "h6") && !nodes[id].skipped
    };
    let prose: Vec<usize> = (0..nodes.len())
        .filter(|&id| {
            id == best
                || parent.is_some() && nodes[id].parent == parent && {
                    let node = &nodes[id];
                    final_score(node) >= threshold
                        || (node.name == "p" && node.text > 80
                            || node.prose * 10 > nodes[best].prose * 3)
                            && link_density(node) < 0.25
                }
        })
        .collect();
    // And its headings: a headline, or the titles of its sections (not those of
    // what follows it: "Related", "Comments").
    let (first, last) = (prose[0], prose[prose.len() - 1]);
    let headline = (0..first)
        .rev()
        .find(|&id| parent.is_some() && nodes[id].parent == parent && is_heading(id));
    headline
        .into_iter()
        .chain((first..=last).filter(|&id| {
            prose.binary_search(&id).is_ok()
                || nodes[id].parent == parent && parent.is_some() && is_heading(id)
        }))
        .map(|id| nodes[id].tokens.clone())
        .collect()
}

/// The open elements a start tag closes (the nearest, with what is open inside
/// it), unless one of the second list comes first: an item closes the item
/// before it in its list, a cell the cell before it in its row, a row the row
/// before it in its table.
fn implicitly_closes(name: &str) -> Option<(&'static [&'static str], &'static [&'static str])> {
    match name {
        "li" => Some((&["li"], &["ul", "ol"])),
        "dt" | "dd" => Some((&["dt", "dd"], &["dl"])),
        "td" | "th" => Some((&["td", "th"], &["tr", "table"])),
        "tr" => Some((&["tr"], &["table", "tbody", "thead", "tfoot"])),
        "tbody" | "thead" | "tfoot" => Some((&["tbody", "thead", "tfoot"], &["table"])),
        _ => None,
    }
}

fn is_skipped(name: &str) -> bool {
    name == "head" || SKIP.contains(&name)
}

/// `&#147;` is a curly quote, not a control character: HTML reads the
/// references U+0080 to U+009F as the Windows-1252 characters of those bytes.
fn c1_as_windows_1252(text: std::borrow::Cow<'_, str>) -> std::borrow::Cow<'_, str> {
    let c1 = |c: char| ('\u{80}'..='\u{9f}').contains(&c);
    if !text.contains(c1) {
        return text;
    }
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c1(c) {
            // In 0x80..=0x9F, so it is one byte.
            let byte = [c as u32 as u8];
            out.push_str(
                &encoding_rs::WINDOWS_1252
                    .decode_without_bom_handling(&byte)
                    .0,
            );
        } else {
            out.push(c);
        }
    }
    out.into()
}

/// Appends `text` with each run of white space as one space, as a browser
/// renders it, also across elements ("Get <b> news </b> now").
fn push_collapsed(out: &mut String, text: &str) {
    let mut space = out.ends_with([' ', '\n']);
    for c in text.chars() {
        // (A stray byte order mark too, as in the page's `\s`.)
        if c.is_whitespace() || c == '\u{feff}' {
            if !space {
                out.push(' ');
                space = true;
            }
        } else {
            out.push(c);
            space = false;
        }
    }
}

/// No spaces around line breaks, at most one blank line, nothing around.
fn tidy(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut blank = 0;
    for line in text.split('\n') {
        let line = line.trim_matches([' ', '\t']);
        if line.is_empty() {
            blank += 1;
            continue;
        }
        if !out.is_empty() {
            out.push_str(if blank > 0 { "\n\n" } else { "\n" });
        }
        blank = 0;
        out.push_str(line);
    }
    out
}

/// Splits `html` into text, start tags and end tags (names in lower case);
/// comments, doctypes and processing instructions are dropped, and the
/// content of a raw-text element (`<script>`) is one text token.
fn scan(html: &str) -> Vec<Token<'_>> {
    let bytes = html.as_bytes();
    let mut tokens = Vec::new();
    let mut text_from = 0;
    let mut i = 0;
    while let Some(lt) = memchr(b'<', &bytes[i..]) {
        let at = i + lt;
        let next = bytes.get(at + 1).copied().unwrap_or(0);
        let end_tag = next == b'/' && bytes.get(at + 2).is_some_and(u8::is_ascii_alphabetic);
        if !(next.is_ascii_alphabetic() || end_tag || next == b'!' || next == b'?') {
            i = at + 1; // "a < b": text
            continue;
        }
        if text_from < at {
            tokens.push(Token::Text(&html[text_from..at]));
        }
        if html[at..].starts_with("<!--") {
            i = find(html, at + 4, "-->").map_or(bytes.len(), |e| e + 3);
        } else if next == b'!' || next == b'?' {
            i = memchr(b'>', &bytes[at..]).map_or(bytes.len(), |e| at + e + 1);
        } else {
            let name_from = at + 1 + usize::from(end_tag);
            let name_len = bytes[name_from..]
                .iter()
                .take_while(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b':' | b'_'))
                .count();
            let name = html[name_from..name_from + name_len].to_ascii_lowercase();
            let (close, self_closing) = tag_end(bytes, name_from + name_len);
            i = close;
            if end_tag {
                tokens.push(Token::End(name));
            } else {
                let raw = RAW.contains(&name.as_str()) && !self_closing;
                let mark = if MARKED.contains(&name.as_str()) {
                    mark(&html[name_from + name_len..close])
                } else {
                    Mark::None
                };
                tokens.push(Token::Start(name.clone(), mark));
                if self_closing && !VOID.contains(&name.as_str()) {
                    tokens.push(Token::End(name.clone()));
                }
                if raw {
                    // The content runs to `</name`, whatever it holds.
                    let close_tag = format!("</{name}");
                    let content_end =
                        find_ignoring_case(html, i, &close_tag).unwrap_or(bytes.len());
                    if i < content_end {
                        tokens.push(Token::Text(&html[i..content_end]));
                    }
                    let after = (content_end + close_tag.len()).min(bytes.len());
                    i = memchr(b'>', &bytes[after..]).map_or(bytes.len(), |e| after + e + 1);
                    tokens.push(Token::End(name));
                }
            }
        }
        text_from = i;
    }
    if text_from < bytes.len() {
        tokens.push(Token::Text(&html[text_from..]));
    }
    tokens
}

/// What a start tag's attributes (from past its name) mark: what a browser
/// does not show (`hidden`, `aria-hidden="true"`, an inline `display: none`
/// or `visibility: hidden`), as Readability leaves it out too; or what stands
/// beside a story: a class or id with a word of [`INCIDENTAL`] and none of
/// [`MAYBE_STORY`], or a role of [`INCIDENTAL_ROLES`].
fn mark(attributes: &str) -> Mark {
    const READ: [&str; 5] = ["class", "id", "role", "style", "aria-hidden"];
    let mut values = [""; 5];
    let mut seen = [false; 5]; // as in a browser, the first of each counts
    for (name, value) in Attributes(attributes.as_bytes(), attributes) {
        if name.eq_ignore_ascii_case("hidden") {
            return Mark::Hidden;
        }
        let Some(at) = READ
            .iter()
            .position(|known| name.eq_ignore_ascii_case(known))
        else {
            continue;
        };
        if !std::mem::replace(&mut seen[at], true) {
            values[at] = value;
        }
    }
    let [class, id, role, style, aria_hidden] = values;
    let style = style
        .chars()
        .filter(|c| !c.is_ascii_whitespace())
        .collect::<String>()
        .to_ascii_lowercase();
    if aria_hidden.eq_ignore_ascii_case("true")
        || style.contains("display:none")
        || style.contains("visibility:hidden")
    {
        return Mark::Hidden;
    }
    let marks = format!("{class} {id}").to_ascii_lowercase();
    let beside = INCIDENTAL_ROLES.contains(&role.trim().to_ascii_lowercase().as_str())
        || INCIDENTAL.iter().any(|word| marks.contains(word))
            && !MAYBE_STORY.iter().any(|word| marks.contains(word));
    if beside {
        Mark::Beside
    } else {
        Mark::None
    }
}

/// A start tag's attributes as (name, value) pairs, from past its name to its
/// `>`: values quoted or not, a name alone with an empty value.
struct Attributes<'a>(&'a [u8], &'a str);

impl<'a> Iterator for Attributes<'a> {
    type Item = (&'a str, &'a str);

    fn next(&mut self) -> Option<Self::Item> {
        let Attributes(bytes, text) = self;
        let skip = |bytes: &[u8], from: usize, stop: &dyn Fn(u8) -> bool| {
            from + bytes[from..].iter().take_while(|&&b| !stop(b)).count()
        };
        let mut i = skip(bytes, 0, &|b| !(b.is_ascii_whitespace() || b == b'/'));
        if i >= bytes.len() || bytes[i] == b'>' {
            return None;
        }
        // A name runs to a space, `=`, `/` or `>` (a leading `=` is part of it).
        let name_end = skip(bytes, i + 1, &|b| {
            b.is_ascii_whitespace() || matches!(b, b'=' | b'/' | b'>')
        });
        let name = &text[i..name_end];
        i = skip(bytes, name_end, &|b| !b.is_ascii_whitespace());
        let mut value = "";
        if bytes.get(i) == Some(&b'=') {
            i = skip(bytes, i + 1, &|b| !b.is_ascii_whitespace());
            match bytes.get(i) {
                Some(&quote) if quote == b'"' || quote == b'\'' => {
                    let end = skip(bytes, i + 1, &|b| b == quote);
                    value = &text[i + 1..end];
                    i = (end + 1).min(bytes.len());
                }
                _ => {
                    let end = skip(bytes, i, &|b| b.is_ascii_whitespace() || b == b'>');
                    value = &text[i..end];
                    i = end;
                }
            }
        } else {
            i = name_end.max(i);
        }
        *self = Attributes(&bytes[i..], &text[i..]);
        Some((name, value))
    }
}

/// Where a tag's `>` is, past its attributes (a quoted value may hold `>`),
/// and whether it ends in `/>`. A quote opens a value only right after an
/// `=`, as in a browser: elsewhere (`src="a.js"" type=x`) it is a character.
fn tag_end(bytes: &[u8], mut i: usize) -> (usize, bool) {
    let mut quote = None;
    let mut after_equals = false;
    let mut last = 0u8;
    while i < bytes.len() {
        let b = bytes[i];
        match quote {
            Some(q) if b == q => quote = None,
            Some(_) => {}
            None if after_equals && (b == b'"' || b == b'\'') => quote = Some(b),
            None if b == b'>' => return (i + 1, last == b'/'),
            None => {}
        }
        if !b.is_ascii_whitespace() {
            after_equals = quote.is_none() && b == b'=';
            last = b;
        }
        i += 1;
    }
    (bytes.len(), false)
}

fn memchr(needle: u8, haystack: &[u8]) -> Option<usize> {
    haystack.iter().position(|&b| b == needle)
}

fn find(html: &str, from: usize, needle: &str) -> Option<usize> {
    html[from..].find(needle).map(|at| from + at)
}

fn find_ignoring_case(html: &str, from: usize, needle: &str) -> Option<usize> {
    let needle = needle.as_bytes();
    html.as_bytes()[from..]
        .windows(needle.len())
        .position(|w| w.eq_ignore_ascii_case(needle))
        .map(|at| from + at)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// Any input, however broken, is read without a panic, and text with
        /// no markup in it comes out as it went in, its spaces collapsed.
        #[test]
        fn any_input_is_read(html in "(<|>|/|!|-|&|;|\"|'|=|a|p|script|article|head|\\s|é|中)*") {
            let _ = to_text(&html);
        }

        #[test]
        fn plain_text_is_kept(text in "[a-zé中 .,]*") {
            let collapsed: Vec<&str> = text.split_whitespace().collect();
            prop_assert_eq!(to_text(&text), collapsed.join(" "));
        }
    }

    #[test]
    fn blocks_are_paragraphs_and_scripts_are_gone() {
        let page = "<!DOCTYPE html><html><head><title>Site</title><style>p{color:red}</style>\
            <script>if (a < b) document.write('<p>no</p>')</script></head><body>\
            <nav><a href='/'>Home</a> <a href='/news'>News</a></nav>\
            <h1>Bridge approved</h1><p>The council   voted on\n Monday.<br>A second line.</p>\
            <ul><li>One item</li><li>Another</li></ul><!-- <p>a comment</p> -->\
            <footer>Contact us</footer></body></html>";
        assert_eq!(
            to_text(page),
            "Bridge approved\n\nThe council voted on Monday.\nA second line.\n\nOne item\n\nAnother\n\nContact us"
        );
    }

    #[test]
    fn the_article_is_the_text_when_there_is_one() {
        let page = "<body><header>Menu</header><main><p>Main part.</p>\
            <article><h2>Title</h2><article><p>Inner.</p></article><p>Outer end.</p></article>\
            <aside>Related</aside></main></body>";
        assert_eq!(to_text(page), "Title\n\nInner.\n\nOuter end.");
        let page = "<body><div>Menu</div><main><p>Main part.</p></main><p>After.</p></body>";
        assert_eq!(to_text(page), "Main part.");
    }

    /// An older page: no article element, a menu of links, teasers, a story
    /// in two parts around an advertisement with related links after it, and
    /// comment rules.
    #[test]
    fn the_story_is_found_by_its_paragraphs() {
        let page = "<html><body><div id=top><ul><li><a href=/>Home</a></li><li><a href=/w>World</a></li></ul>\
            <p>Get our news on your phone, every morning.</p></div>\
            <div id=teasers><p><a href=/1>A long teaser about another story, with a link over all of it</a></p>\
            <p><a href=/2>Another teaser that is a link, from the first word to the last</a></p></div>\
            <div id=story><h1>Bridge approved</h1><div class=part><p>The council approved the new bridge on Tuesday, after a debate of four hours, by seven votes to two.</p>\
            <p>Work begins in spring, the mayor said, and the old bridge stays open, except for two closures of six weeks.</p></div>\
            <div class=ad><a href=/ad>Buy now</a></div>\
            <div class=part><p>Residents, who had asked for a crossing for years, welcomed the vote, though some worry about traffic.</p>\
            <p>The bridge, funded by a federal grant, bonds and the state, will cost 240 million dollars in all.</p></div>\
            <h2>Related</h2><ul><li><a href=/3>Parking fees</a></li></ul></div>\
            <div id=rules><p>Please stay on topic.</p><p>Be civil.</p></div></body></html>";
        let text = to_text(page);
        assert!(
            text.starts_with("Bridge approved\n\nThe council approved"),
            "{text}"
        );
        assert!(text.contains("Residents, who had asked"), "{text}");
        assert!(text.ends_with("240 million dollars in all."), "{text}");
        for boilerplate in [
            "Home",
            "Get our news",
            "teaser",
            "Buy now",
            "Related",
            "stay on topic",
        ] {
            assert!(!text.contains(boilerplate), "{boilerplate} in {text}");
        }
    }

    /// A story written as text broken with `<br><br>` (old pages, forums) is
    /// read by its paragraphs, not lost to a block of short ones beside it; a
    /// single `<br>` is a line within a paragraph, `<br>` pairs inside a
    /// paragraph add nothing to it, and `&nbsp;` between the two is a blank.
    #[test]
    fn text_broken_with_line_breaks_is_read_as_paragraphs() {
        let story = "The council approved the new bridge on Tuesday, by seven votes to two.\
            <br>\n<br>Work begins in spring, the mayor said, and the old bridge stays open.\
            <br>&nbsp;<br>Residents, who had asked for a crossing for years,<br>welcomed the vote.";
        let page = format!(
            "<body><div id=main><h1>Bridge approved</h1><div class=story>{story}</div></div>\
            <div id=more><p>Get the Herald on your phone, every morning, with the news.</p>\
            <p>Our newsroom is independent, local and funded by readers.</p></div></body>"
        );
        assert_eq!(
            to_text(&page),
            "Bridge approved\n\nThe council approved the new bridge on Tuesday, by seven votes to two.\n\n\
            Work begins in spring, the mayor said, and the old bridge stays open.\n\n\
            Residents, who had asked for a crossing for years,\nwelcomed the vote."
        );
        // Without the pairs, nothing of the story is a paragraph: the short ones win.
        let single = page
            .replace("<br>\n<br>", "<br>")
            .replace("<br>&nbsp;<br>", "<br>");
        assert!(to_text(&single).starts_with("Get the Herald"));
        // Inside a paragraph, pairs are line breaks of that paragraph, which counts already.
        let in_paragraphs = page
            .replace("<div class=story>", "<div class=story><p>")
            .replace("</div></div>", "</p></div></div>");
        assert!(to_text(&in_paragraphs).starts_with("Bridge approved\n\nThe council"));
        // Such a paragraph beside the story is part of it, up to a block or a
        // rule, as in a browser.
        let beside = "<body><div><div><p>The council approved the new bridge on Tuesday.</p>\
            <p>Work begins in spring, the mayor said, and the old bridge stays open.</p>\
            <p>The bridge, funded by a grant, bonds and the state, costs 240 million dollars.</p></div>\
            <br><br>Residents, who had asked for a crossing for years, welcomed the vote on Tuesday.\
            <hr>Share this story</div></body>";
        assert_eq!(
            to_text(beside),
            "The council approved the new bridge on Tuesday.\n\n\
            Work begins in spring, the mayor said, and the old bridge stays open.\n\n\
            The bridge, funded by a grant, bonds and the state, costs 240 million dollars.\n\n\
            Residents, who had asked for a crossing for years, welcomed the vote on Tuesday."
        );
    }

    /// A comment thread, a sidebar, a share bar inside the story and hidden
    /// text, each marked by its attributes, are no part of the text; a mark
    /// that also says "content" or "main" is no mark, and comments written as
    /// articles are not the page's article.
    #[test]
    fn what_stands_beside_the_story_is_left_out() {
        let story = "<h1>Bridge approved</h1>\
            <p>The council approved the new bridge on Tuesday, after a debate of four hours, by seven votes to two.</p>\
            <div class=\"share-tools\"><span>Share this story with your friends, family and colleagues</span></div>\
            <div style=\"display: none\"><p>Video transcript: the council, the mayor, the bridge, the vote, the river, the town.</p></div>\
            <p>Work begins in spring, the mayor said, and the old bridge stays open, except for two closures.</p>\
            <p>Residents, who had asked for a crossing for years, welcomed the vote, though some worry about the traffic it brings.</p>\
            <p>The bridge, funded by a federal grant, bonds and the state, will cost 240 million dollars and open in three years.</p>\
            <p>The vote ends a dispute of a decade over where to cross the river.</p>";
        let comment = |who: &str| {
            format!(
                "<div class=\"comment\"><p>{who} wrote: I have crossed that river twice a day, by ferry, \
                for thirty years, and a bridge is long overdue, whatever it costs.</p></div>"
            )
        };
        let thread: String = ["Ann", "Bob", "Cid", "Dee"]
            .iter()
            .map(|who| comment(who))
            .collect();
        let page = format!(
            "<body><div class=\"main-content\"><div class=story>{story}</div>\
            <div id=comments><h3>Comments</h3>{thread}</div></div>\
            <div role=complementary><p>Most read: a long list of other stories, with commas, and more.</p></div>\
            <div class=\"sidebar\"><p>Subscribe to the Herald today, every morning, at home or on your phone.</p></div></body>"
        );
        let text = to_text(&page);
        assert_eq!(
            text,
            "Bridge approved\n\nThe council approved the new bridge on Tuesday, after a debate of four hours, \
            by seven votes to two.\n\nWork begins in spring, the mayor said, and the old bridge stays open, except for two closures.\n\n\
            Residents, who had asked for a crossing for years, welcomed the vote, though some worry about the traffic it brings.\n\n\
            The bridge, funded by a federal grant, bonds and the state, will cost 240 million dollars and open in three years.\n\n\
            The vote ends a dispute of a decade over where to cross the river."
        );
        // Unmarked, the thread is the page's prose.
        let unmarked = page
            .replace("id=comments", "")
            .replace("class=\"comment\"", "");
        assert!(to_text(&unmarked).contains("Ann wrote"));
        // Comments written as articles are not the page's article.
        let as_articles = page.replace("<div class=\"comment\">", "<article class=\"comment\">");
        let as_articles = as_articles.replace("costs.</p></div>", "costs.</p></article>");
        assert!(as_articles.contains("<article"));
        assert_eq!(to_text(&as_articles), text);
        // A page whose story sits in a marked box loses nothing: with too
        // little text left, the marks are not read.
        let boxed = format!(
            "<body><div class=\"with-sidebar\">{story}</div><footer><p>The Herald, 1 Main Street, since 1851.</p></footer></body>"
        );
        assert!(to_text(&boxed).starts_with("Bridge approved\n\nThe council approved"));
        // Read again without the marks, what is hidden still stays out.
        let short = "<article><p>The museum reopened on Friday after a two-year renovation.</p>\
            <div hidden><p>Hidden text.</p></div><div style=\"display:none\">Not shown.</div>\
            <div class=comments><p>What a waste of money.</p></div></article>";
        assert_eq!(
            to_text(short),
            "The museum reopened on Friday after a two-year renovation.\n\nWhat a waste of money."
        );
    }

    #[test]
    fn marks_are_read_from_attributes_as_a_browser_reads_them() {
        assert_eq!(mark(" class=\"x Sidebar-left\">"), Mark::Beside);
        assert_eq!(
            mark(" title='a > b' ID=comments data-hidden>"),
            Mark::Beside
        );
        assert_eq!(mark(" data-x=1 role = navigation />"), Mark::Beside);
        assert_eq!(mark("\nclass\n=\nshare-bar>"), Mark::Beside);
        assert_eq!(mark(" class=\"sidebar main-content\">"), Mark::None);
        // The first of an attribute counts; a value is not a name.
        assert_eq!(mark(" class=story class=sidebar>"), Mark::None);
        assert_eq!(mark(" title=\"class=sidebar\" data-comment>"), Mark::None);
        assert_eq!(mark(" role=\"main\">"), Mark::None);
        assert_eq!(mark(""), Mark::None);
        // What a browser does not show.
        assert_eq!(mark(" hidden>"), Mark::Hidden);
        assert_eq!(mark(" aria-hidden=TRUE>"), Mark::Hidden);
        assert_eq!(mark(" style=\"color: red; display : none\">"), Mark::Hidden);
        assert_eq!(mark(" style='Visibility:Hidden'>"), Mark::Hidden);
        assert_eq!(
            mark(" aria-hidden=false style=\"display: block\">"),
            Mark::None
        );
        assert_eq!(mark(" style=\"\" style=\"display:none\">"), Mark::None);
    }

    /// Text that is not in paragraphs (lines broken with `<br>`) is all kept.
    #[test]
    fn a_page_without_paragraphs_is_read_whole() {
        let page = "<body><div>First line of a poem<br>second line</div><div>Footer</div></body>";
        assert_eq!(to_text(page), "First line of a poem\nsecond line\n\nFooter");
    }

    #[test]
    fn text_is_decoded_and_its_spaces_collapsed() {
        let page =
            "<p>Fish &amp; chips &mdash; caf&eacute; &#8220;open&#x201D;&nbsp;now, 3 &lt; 4</p>";
        assert_eq!(
            to_text(page),
            "Fish & chips \u{2014} café \u{201C}open\u{201D} now, 3 < 4"
        );
        assert_eq!(to_text("<p>One.</p>\u{feff}<p>Two.</p>"), "One.\n\nTwo.");
        // Across elements too.
        assert_eq!(
            to_text("<p>Get <span> nation </span> updates <b>now</b>.</p>"),
            "Get nation updates now."
        );
        // Old pages write curly quotes as the numbers of Windows-1252's bytes.
        assert_eq!(
            to_text("<p>&#0147;Sorry,&#148; he said &#150; twice.</p>"),
            "\u{201C}Sorry,\u{201D} he said \u{2013} twice."
        );
    }

    #[test]
    fn attributes_may_hold_angle_brackets() {
        let page = "<p title=\"a > b\" data-x = '<p>'>Kept.</p><img alt=\">\"/><p>Also kept.</p>";
        assert_eq!(to_text(page), "Kept.\n\nAlso kept.");
        // A stray quote outside a value opens nothing (a saved BusinessWeek page).
        let page = "<script src=\"a.js\"\" type=\"text/javascript\"></script><p>The story.</p><p>More \"quoted\" text.</p>";
        assert_eq!(to_text(page), "The story.\n\nMore \"quoted\" text.");
    }

    #[test]
    fn preformatted_text_keeps_its_lines() {
        let page = "<p>Before.</p><pre>line one\n  indented</pre><p>After.</p>";
        assert_eq!(to_text(page), "Before.\n\nline one\nindented\n\nAfter.");
    }

    #[test]
    fn an_unclosed_head_ends_at_the_content() {
        let page = "<html><head><meta charset=utf-8><title>T</title><p>Body text.</p>";
        assert_eq!(to_text(page), "Body text.");
    }

    #[test]
    fn broken_markup_loses_no_text() {
        assert_eq!(to_text("a < b and c > d"), "a < b and c > d");
        assert_eq!(to_text("<p>Unclosed <b>bold"), "Unclosed bold");
        assert_eq!(to_text("<p>Cut off <a href=\"x"), "Cut off");
        assert_eq!(to_text("<script>never closed"), "");
        assert_eq!(to_text(""), "");
    }

    /// 100,000 unclosed elements and as many end tags that close nothing, then
    /// items with no list: every search of the open elements was the whole
    /// stack (27 s for these 1.6 MB); a generous bound catches a return of that.
    #[test]
    fn deep_nesting_and_stray_end_tags_stay_linear() {
        let page = format!(
            "<body>{}Some text here.{}{}{}",
            "<div>".repeat(100_000),
            "</span>".repeat(100_000),
            "<li>".repeat(50_000),
            "</li>".repeat(50_000)
        );
        let started = std::time::Instant::now();
        assert_eq!(to_text(&page), "Some text here.");
        assert!(started.elapsed().as_secs() < 10, "{:?}", started.elapsed());
    }

    #[test]
    fn pages_are_told_from_prose() {
        assert!(looks_like_html("\u{FEFF}  <!DOCTYPE html>\n<html>"));
        assert!(looks_like_html("<HTML lang=en>"));
        assert!(!looks_like_html("<p> is a paragraph tag."));
        assert!(!looks_like_html("The <html> element is the root."));
        assert!(looks_like_html(
            "<?xml version=\"1.0\"?>\n<!-- saved from url=(0014)about:internet -->\n<!DOCTYPE html>"
        ));
        assert!(!looks_like_html("<?xml version=\"1.0\"?><feed>"));
        assert!(!looks_like_html("<!-- an unclosed comment <html>"));
    }
}
