//! The Snowball German stemmer.
//! Reference: <https://snowballstem.org/algorithms/german/stemmer.html>.

use super::{ends_with, longest_suffix, region_after, suffixes, Suffix};

// The umlauts and sharp s as the stemmer holds them (Latin-1).
const A_UMLAUT: u8 = 0xE4;
const O_UMLAUT: u8 = 0xF6;
const U_UMLAUT: u8 = 0xFC;
const SHARP_S: u8 = 0xDF;

fn is_vowel(c: u8) -> bool {
    matches!(
        c,
        b'a' | b'e' | b'i' | b'o' | b'u' | b'y' | A_UMLAUT | O_UMLAUT | U_UMLAUT
    )
}

/// Letters after which a final `s` is an ending.
const S_ENDING: &[u8] = b"bdfghklmnrt";
/// Letters after which a final `st` is an ending.
const ST_ENDING: &[u8] = b"bdfghklmnt";

pub(super) fn stem(w: &mut Vec<u8>) {
    if w.contains(&SHARP_S) {
        let mut expanded = Vec::with_capacity(w.len() + 2);
        for &c in w.iter() {
            if c == SHARP_S {
                expanded.extend([b's', b's']);
            } else {
                expanded.push(c);
            }
        }
        *w = expanded;
    }
    // `u` and `y` between vowels are consonants: `U`, `Y` until the end.
    // Snowball scans on after the vowel that follows a changed letter.
    let mut i = 1;
    while i + 1 < w.len() {
        if matches!(w[i], b'u' | b'y') && is_vowel(w[i - 1]) && is_vowel(w[i + 1]) {
            w[i] = w[i].to_ascii_uppercase();
            i += 3;
        } else {
            i += 1;
        }
    }
    let (p1, p2) = if w.len() >= 3 {
        let p1 = region_after(w, 0, is_vowel);
        (p1.max(3), region_after(w, p1, is_vowel))
    } else {
        (w.len(), w.len())
    };

    step_1(w, p1);
    step_2(w, p1);
    step_3(w, p1, p2);

    for c in w.iter_mut() {
        *c = match *c {
            b'U' | U_UMLAUT => b'u',
            b'Y' => b'y',
            A_UMLAUT => b'a',
            O_UMLAUT => b'o',
            other => other,
        };
    }
}

fn step_1(w: &mut Vec<u8>, p1: usize) {
    const STEP_1: [Suffix; 7] = suffixes(&["em", "ern", "er", "e", "en", "es", "s"]);
    let Some((i, n)) = longest_suffix(w, &STEP_1) else {
        return;
    };
    let stem = w.len() - n;
    if stem < p1 {
        return;
    }
    match i {
        0..=2 => w.truncate(stem),
        3..=5 => {
            w.truncate(stem);
            if ends_with(w, "niss") {
                w.pop();
            }
        }
        _ if stem > 0 && S_ENDING.contains(&w[stem - 1]) => w.truncate(stem),
        _ => {}
    }
}

fn step_2(w: &mut Vec<u8>, p1: usize) {
    const STEP_2: [Suffix; 4] = suffixes(&["en", "er", "est", "st"]);
    let Some((i, n)) = longest_suffix(w, &STEP_2) else {
        return;
    };
    let stem = w.len() - n;
    if stem < p1 {
        return;
    }
    if i < 3 || (stem >= 4 && ST_ENDING.contains(&w[stem - 1])) {
        w.truncate(stem);
    }
}

fn step_3(w: &mut Vec<u8>, p1: usize, p2: usize) {
    const SUFFIXES: [&str; 8] = ["end", "ung", "ig", "ik", "isch", "lich", "heit", "keit"];
    const PACKED: [Suffix; 8] = suffixes(&SUFFIXES);
    let Some((i, n)) = longest_suffix(w, &PACKED) else {
        return;
    };
    let stem = w.len() - n;
    if stem < p2 {
        return;
    }
    let after_e = stem > 0 && w[stem - 1] == b'e';
    match SUFFIXES[i] {
        "end" | "ung" => {
            w.truncate(stem);
            if ends_with(w, "ig") && stem - 2 >= p2 && !(stem > 2 && w[stem - 3] == b'e') {
                w.truncate(stem - 2);
            }
        }
        "ig" | "ik" | "isch" => {
            if !after_e {
                w.truncate(stem);
            }
        }
        "lich" | "heit" => {
            w.truncate(stem);
            if (ends_with(w, "er") || ends_with(w, "en")) && stem - 2 >= p1 {
                w.truncate(stem - 2);
            }
        }
        _ => {
            w.truncate(stem);
            const LICH_IG: [Suffix; 2] = suffixes(&["lich", "ig"]);
            if let Some((_, n)) = longest_suffix(w, &LICH_IG) {
                if stem - n >= p2 {
                    w.truncate(stem - n);
                }
            }
        }
    }
}
