//! The text of a web page, read as the page reads a dropped `.html` file: the
//! first `<article>`, else `<main>`, else the body; no scripts, styles,
//! navigation, forms or asides; each block a paragraph of its own.
//!
//! A tolerant scanner, not an HTML parser: text extraction needs tags, text
//! and character references, not the document tree.

/// Elements whose text is no part of a page's prose.
const SKIP: &[&str] = &[
    "script", "style", "noscript", "template", "svg", "nav", "aside", "form", "button", "select",
    "iframe", "object", "title",
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

#[derive(Debug, PartialEq)]
enum Token<'a> {
    Text(&'a str),
    Start(String),
    End(String),
}

/// Whether a text looks like a web page rather than prose that mentions one.
pub fn looks_like_html(text: &str) -> bool {
    let start = text.trim_start_matches('\u{FEFF}').trim_start();
    let head = start.get(..14).unwrap_or(start).to_ascii_lowercase();
    ["<!doctype html", "<html", "<head", "<body"]
        .iter()
        .any(|open| head.starts_with(open))
}

/// The readable text of `html`, paragraphs separated by blank lines.
pub fn to_text(html: &str) -> String {
    let tokens = scan(html);
    let root = root_range(&tokens);
    let mut out = String::with_capacity(html.len() / 2);
    let mut skipping: Option<(&String, usize)> = None; // the skipped element, its nesting
    let mut in_head = false;
    let mut pre = 0usize;
    for token in &tokens[root] {
        if in_head {
            match token {
                Token::End(name) if name == "head" => {
                    in_head = false;
                    continue;
                }
                // Content ends a head left open, as in a browser.
                Token::Start(name) if !IN_HEAD.contains(&name.as_str()) => in_head = false,
                _ => continue,
            }
        }
        if let Some((name, depth)) = &mut skipping {
            match token {
                Token::Start(n) if n == *name => *depth += 1,
                Token::End(n) if n == *name => {
                    *depth -= 1;
                    if *depth == 0 {
                        skipping = None;
                    }
                }
                _ => {}
            }
            continue;
        }
        match token {
            Token::Text(text) => {
                let text = html_escape::decode_html_entities(text);
                if pre > 0 {
                    out.push_str(&text);
                } else {
                    push_collapsed(&mut out, &text);
                }
            }
            Token::Start(name) if name == "head" => in_head = true,
            Token::Start(name) if SKIP.contains(&name.as_str()) => skipping = Some((name, 1)),
            Token::Start(name) if name == "br" => out.push('\n'),
            Token::Start(name) | Token::End(name) if BLOCK.contains(&name.as_str()) => {
                if name == "pre" {
                    if matches!(token, Token::Start(_)) {
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
    tidy(&out)
}

/// The tokens of the first `<article>`, else the first `<main>`, else all.
fn root_range(tokens: &[Token<'_>]) -> std::ops::Range<usize> {
    for root in ["article", "main"] {
        let Some(start) = tokens
            .iter()
            .position(|t| matches!(t, Token::Start(n) if n == root))
        else {
            continue;
        };
        let mut depth = 0usize;
        for (i, token) in tokens.iter().enumerate().skip(start) {
            match token {
                Token::Start(n) if n == root => depth += 1,
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

/// Appends `text` with each run of white space as one space, as a browser
/// renders it, also across elements ("Get <b> news </b> now").
fn push_collapsed(out: &mut String, text: &str) {
    let mut space = out.ends_with([' ', '\n']);
    for c in text.chars() {
        if c.is_whitespace() {
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
                tokens.push(Token::Start(name.clone()));
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

/// Where a tag's `>` is, past its attributes (a quoted value may hold `>`),
/// and whether it ends in `/>`.
fn tag_end(bytes: &[u8], mut i: usize) -> (usize, bool) {
    let mut quote = None;
    let mut last = 0u8;
    while i < bytes.len() {
        let b = bytes[i];
        match quote {
            Some(q) if b == q => quote = None,
            Some(_) => {}
            None if b == b'"' || b == b'\'' => quote = Some(b),
            None if b == b'>' => return (i + 1, last == b'/'),
            None => {}
        }
        if !b.is_ascii_whitespace() {
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

    #[test]
    fn text_is_decoded_and_its_spaces_collapsed() {
        let page =
            "<p>Fish &amp; chips &mdash; caf&eacute; &#8220;open&#x201D;&nbsp;now, 3 &lt; 4</p>";
        assert_eq!(
            to_text(page),
            "Fish & chips \u{2014} café \u{201C}open\u{201D} now, 3 < 4"
        );
    }

    #[test]
    fn attributes_may_hold_angle_brackets() {
        let page = "<p title=\"a > b\" data-x='<p>'>Kept.</p><img alt=\">\"/><p>Also kept.</p>";
        assert_eq!(to_text(page), "Kept.\n\nAlso kept.");
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

    #[test]
    fn pages_are_told_from_prose() {
        assert!(looks_like_html("\u{FEFF}  <!DOCTYPE html>\n<html>"));
        assert!(looks_like_html("<HTML lang=en>"));
        assert!(!looks_like_html("<p> is a paragraph tag."));
        assert!(!looks_like_html("The <html> element is the root."));
    }
}
