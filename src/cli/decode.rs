//! Bytes to text, as the page's file reader does it: UTF-8, or UTF-16 with a
//! byte order mark; a file in a legacy encoding is read in the charset a web
//! page declares, else Windows-1252; binary data is refused.

use encoding_rs::{Encoding, UTF_8, WINDOWS_1252};

/// A file's text and how it was read.
#[derive(Debug, PartialEq)]
pub struct Decoded {
    pub text: String,
    pub reading: Reading,
}

/// How the bytes became text, for the warning the user is owed.
#[derive(Debug, PartialEq)]
pub enum Reading {
    /// UTF-8 (or UTF-16 with a byte order mark): as written.
    Unicode,
    /// Mostly UTF-8, with this many invalid bytes replaced by U+FFFD.
    Repaired(usize),
    /// Not UTF-8 at all: read in this legacy encoding (WHATWG name).
    Legacy(&'static str),
}

/// The first 8 KiB tell a binary file, as the page has it.
pub const SNIFF: usize = 8192;

/// Whether a file that opens with `head` (its first [`SNIFF`] bytes, or all
/// of it) is binary data, as the page tells it: without a byte order mark
/// (UTF-16 holds NULs), a NUL byte, or more control bytes than text ever
/// holds (random bytes have one in eleven). Backspace, tab, line breaks,
/// form feed, DOS's end of file and escape (colours) are text's own.
pub fn is_binary(head: &[u8]) -> bool {
    if Encoding::for_bom(head).is_some() {
        return false;
    }
    let head = &head[..head.len().min(SNIFF)];
    let mut controls = 0;
    for &byte in head {
        if byte == 0 {
            return true;
        }
        if byte < 0x20 && !matches!(byte, 0x08..=0x0d | 0x1a | 0x1b) {
            controls += 1;
        }
    }
    controls * 32 > head.len()
}

/// Reads `bytes` as text; `None` for binary data. `html` lets a web page's
/// `<meta charset>` name a legacy encoding.
pub fn decode(bytes: Vec<u8>, html: bool) -> Option<Decoded> {
    if let Some((encoding, bom)) = Encoding::for_bom(&bytes) {
        let (text, _) = encoding.decode_without_bom_handling(&bytes[bom..]);
        return Some(Decoded {
            text: text.into_owned(),
            reading: Reading::Unicode,
        });
    }
    if is_binary(&bytes) {
        return None;
    }
    let bytes = match String::from_utf8(bytes) {
        Ok(text) => {
            return Some(Decoded {
                text,
                reading: Reading::Unicode,
            })
        }
        Err(e) => e.into_bytes(),
    };
    let (valid, invalid) = utf8_census(&bytes);
    // A UTF-8 file with a few bad bytes keeps its letters; a Latin-1 file
    // has high bytes that almost never form UTF-8 sequences.
    if valid > invalid {
        return Some(Decoded {
            text: String::from_utf8_lossy(&bytes).into_owned(),
            reading: Reading::Repaired(invalid),
        });
    }
    let encoding = html
        .then(|| declared_charset(&bytes))
        .flatten()
        .filter(|e| *e != UTF_8 && e.output_encoding() == *e)
        .unwrap_or(WINDOWS_1252);
    let (text, _) = encoding.decode_without_bom_handling(&bytes);
    Some(Decoded {
        text: text.into_owned(),
        reading: Reading::Legacy(encoding.name()),
    })
}

/// Counts the valid multi-byte UTF-8 characters and the invalid bytes.
fn utf8_census(mut bytes: &[u8]) -> (usize, usize) {
    let (mut multibyte, mut invalid) = (0, 0);
    loop {
        let (good, rest) = match std::str::from_utf8(bytes) {
            Ok(text) => (text, &[][..]),
            Err(e) => {
                let (good, rest) = bytes.split_at(e.valid_up_to());
                let bad = e.error_len().unwrap_or(rest.len());
                invalid += bad;
                // Valid up to the error, so this cannot fail.
                (std::str::from_utf8(good).unwrap_or(""), &rest[bad..])
            }
        };
        multibyte += good.chars().filter(|c| !c.is_ascii()).count();
        if rest.is_empty() {
            return (multibyte, invalid);
        }
        bytes = rest;
    }
}

/// The encoding a web page names in its first 4 KiB: `<meta charset="…">` or
/// `<meta http-equiv="Content-Type" content="text/html; charset=…">`.
fn declared_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(4096)];
    let lower = head.to_ascii_lowercase();
    let mut from = 0;
    while let Some(at) = find(&lower[from..], b"<meta") {
        let tag_start = from + at;
        let tag_end = find(&lower[tag_start..], b">").map_or(lower.len(), |e| tag_start + e);
        let tag = &lower[tag_start..tag_end];
        if let Some(c) = find(tag, b"charset") {
            let value = tag[c + 7..]
                .iter()
                .skip_while(|b| {
                    b.is_ascii_whitespace() || **b == b'=' || **b == b'"' || **b == b'\''
                })
                .take_while(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b':' | b'.'))
                .copied()
                .collect::<Vec<u8>>();
            return Encoding::for_label(&value);
        }
        from = tag_end;
    }
    None
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_is_read_as_it_is() {
        let decoded = decode("Café in Zürich".into(), false).unwrap();
        assert_eq!(decoded.text, "Café in Zürich");
        assert_eq!(decoded.reading, Reading::Unicode);
    }

    #[test]
    fn a_byte_order_mark_picks_the_encoding() {
        let mut utf16 = vec![0xFF, 0xFE];
        for unit in "Zoë".encode_utf16() {
            utf16.extend_from_slice(&unit.to_le_bytes());
        }
        assert_eq!(decode(utf16, false).unwrap().text, "Zoë");
        assert_eq!(
            decode(b"\xEF\xBB\xBFplain".to_vec(), false).unwrap().text,
            "plain"
        );
    }

    #[test]
    fn latin1_is_read_as_windows_1252() {
        let decoded = decode(b"Caf\xe9 \x93quoted\x94 \x80 5".to_vec(), false).unwrap();
        assert_eq!(decoded.text, "Café \u{201C}quoted\u{201D} € 5");
        assert_eq!(decoded.reading, Reading::Legacy("windows-1252"));
    }

    #[test]
    fn a_web_page_declares_its_charset() {
        let page = b"<html><head><meta charset=\"iso-8859-7\"></head><body>\xe1\xe8\xde\xed\xe1</body></html>";
        let decoded = decode(page.to_vec(), true).unwrap();
        assert!(decoded.text.contains("αθήνα"), "{}", decoded.text);
        assert_eq!(decoded.reading, Reading::Legacy("ISO-8859-7"));
        // Only a web page's declaration counts.
        assert_eq!(
            decode(page.to_vec(), false).unwrap().reading,
            Reading::Legacy("windows-1252")
        );
        // A page that claims UTF-8 but is not is read as Windows-1252.
        let wrong =
            b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=utf-8\"><p>Caf\xe9";
        assert_eq!(
            decode(wrong.to_vec(), true).unwrap().reading,
            Reading::Legacy("windows-1252")
        );
    }

    #[test]
    fn a_few_bad_bytes_in_utf8_are_replaced() {
        let decoded = decode(
            "Zürich, Genève \u{2014} "
                .bytes()
                .chain(*b"\xff ok")
                .collect::<Vec<u8>>(),
            false,
        )
        .unwrap();
        assert_eq!(decoded.text, "Zürich, Genève \u{2014} \u{FFFD} ok");
        assert_eq!(decoded.reading, Reading::Repaired(1));
    }

    #[test]
    fn binary_data_is_refused() {
        assert_eq!(
            decode(b"\x7fELF\x02\x01\x01\x00\x00\x00".to_vec(), false),
            None
        );
        // Past the first 8 KiB a NUL is only a bad character.
        let mut late = vec![b'a'; SNIFF];
        late.push(0);
        assert!(decode(late, false).is_some());
        // Bytes of every value but NUL: control bytes no text holds.
        let every: Vec<u8> = (1..=255).cycle().take(2550).collect();
        assert_eq!(decode(every, false), None);
        // A terminal's log, with its colours and a bell, is text.
        let mut log = b"\x1b[32mok\x1b[0m build passed\r\n".repeat(40);
        log.push(0x07);
        assert!(decode(log, false).is_some());
    }
}
