//! The Porter2 (Snowball English) stemmer.
//! Reference: <https://snowballstem.org/algorithms/english/stemmer.html>.

use super::{
    keyed_suffixes, longest_suffix, region_after, replace_end, suffixes, Endings, GroupedSuffixes,
    Suffix,
};

fn is_vowel(c: u8) -> bool {
    matches!(c, b'a' | b'e' | b'i' | b'o' | b'u' | b'y')
}

/// Words the rules would get wrong, with their stems.
const EXCEPTIONS: &[(&str, &str)] = &[
    ("skis", "ski"),
    ("skies", "sky"),
    ("dying", "die"),
    ("lying", "lie"),
    ("tying", "tie"),
    ("idly", "idl"),
    ("gently", "gentl"),
    ("ugly", "ugli"),
    ("early", "earli"),
    ("only", "onli"),
    ("singly", "singl"),
    ("sky", "sky"),
    ("news", "news"),
    ("howe", "howe"),
    ("atlas", "atlas"),
    ("cosmos", "cosmos"),
    ("bias", "bias"),
    ("andes", "andes"),
];

/// Words left alone once a plural `s` is gone.
const INVARIANT_AFTER_1A: &[&str] = &[
    "inning", "outing", "canning", "herring", "earring", "proceed", "exceed", "succeed",
];

/// Whether `w[..end]` ends in a short syllable.
fn ends_short(w: &[u8], end: usize) -> bool {
    match end {
        2 => is_vowel(w[0]) && !is_vowel(w[1]),
        3.. => {
            let (a, b, c) = (w[end - 3], w[end - 2], w[end - 1]);
            !is_vowel(a) && is_vowel(b) && !is_vowel(c) && !matches!(c, b'w' | b'x' | b'Y')
        }
        _ => false,
    }
}

/// Whether `w` is the ASCII word `s`. The length check, inlined at each
/// caller, settles most pairs: the lists below cost 300 instructions a word
/// when every comparison was a call (10 KB of news: 0.2 M a call).
fn equals(w: &[u8], s: &str) -> bool {
    w.len() == s.len() && w == s.as_bytes()
}

pub(super) fn stem(w: &mut Vec<u8>) {
    // No exception is longer than six letters.
    if w.len() <= 6 {
        if let Some((_, stem)) = EXCEPTIONS.iter().find(|(word, _)| equals(w, word)) {
            replace_end(w, w.len(), stem);
            return;
        }
    }
    if w.len() < 3 {
        return;
    }
    if w[0] == b'\'' {
        w.remove(0);
    }
    // A `y` that acts as a consonant becomes `Y` (not a vowel) until the end.
    let mut marked = w.first() == Some(&b'y');
    if marked {
        w[0] = b'Y';
    }
    for i in 1..w.len() {
        if w[i] == b'y' && is_vowel(w[i - 1]) {
            w[i] = b'Y';
            marked = true;
        }
    }
    // Three prefixes whose region starts after them. Compared whole (a few
    // loads each, almost never equal) rather than first letter first: `a`,
    // `c` and `g` begin a sixth of the words, a branch the predictor missed.
    let p1 = if w.starts_with(b"gener") || w.starts_with(b"arsen") {
        5
    } else if w.starts_with(b"commun") {
        6
    } else {
        region_after(w, 0, is_vowel)
    };
    let p2 = region_after(w, p1, is_vowel);

    step_0_and_1a(w);
    if !INVARIANT_AFTER_1A.iter().any(|word| equals(w, word)) {
        step_1b(w, p1);
        step_1c(w);
        step_2(w, p1);
        step_3(w, p1, p2);
        step_4(w, p2);
        step_5(w, p1, p2);
    }
    // No rule writes a `Y`: most words have none to turn back.
    if marked {
        for c in w.iter_mut() {
            if *c == b'Y' {
                *c = b'y';
            }
        }
    }
}

// Each step first checks the word's last two letters against those its
// suffixes end in ([`Endings`]), and skips the search when none can match; and
// where the suffix must lie in a region, it skips it when the region is shorter
// than every suffix. On 1 MB of news from many stories (17 k word forms stemmed
// a call) the check of the last letter took stemming from 42.5 to 23.4 M
// instructions, the whole call from 243 to 224 M (the wasm in Node: 636 to
// 568 M); of two letters, 10 KB of news another 1% less time.

fn step_0_and_1a(w: &mut Vec<u8>) {
    // Possessives end in an apostrophe or in `'s` (tested without a branch
    // on the `s`, which a third of the words end in).
    let n = w.len();
    if w[n - 1] == b'\'' || (w[n - 1] == b's') & (w[n - 2] == b'\'') {
        const POSSESSIVES: [Suffix; 3] = suffixes(&["'", "'s", "'s'"]);
        if let Some((_, n)) = longest_suffix(w, &POSSESSIVES) {
            w.truncate(w.len() - n);
        }
    }
    // `s` or `ied`: a third of the words end in `s`, but not in `d` and no
    // `ied`.
    let [.., before, last] = w[..] else {
        return;
    };
    if !((last == b's') | (last == b'd') & (before == b'e')) {
        return;
    }
    const STEP_1A: [Suffix; 6] = suffixes(&["sses", "ied", "ies", "s", "us", "ss"]);
    let Some((i, n)) = longest_suffix(w, &STEP_1A) else {
        return;
    };
    let stem = w.len() - n;
    match i {
        0 => w.truncate(w.len() - 2),
        1 | 2 => replace_end(w, n, if stem > 1 { "i" } else { "ie" }),
        // A plural `s` goes if a vowel comes before the letter before it.
        3 if stem >= 1 && w[..stem - 1].iter().any(|&c| is_vowel(c)) => {
            w.pop();
        }
        _ => {}
    }
}

fn step_1b(w: &mut Vec<u8>, p1: usize) {
    const STEP_1B: [Suffix; 6] = suffixes(&["eed", "eedly", "ed", "edly", "ing", "ingly"]);
    const ENDINGS: Endings = Endings::of(&STEP_1B);
    if !ENDINGS.may_end(w) {
        return;
    }
    let Some((i, n)) = longest_suffix(w, &STEP_1B) else {
        return;
    };
    let stem = w.len() - n;
    if i < 2 {
        if stem >= p1 {
            replace_end(w, n, "ee");
        }
        return;
    }
    if !w[..stem].iter().any(|&c| is_vowel(c)) {
        return;
    }
    w.truncate(stem);
    // `at`, `bl`, `iz` gain an `e`; a double `bb`, `dd`, `ff`, `gg`, `mm`,
    // `nn`, `pp`, `rr` or `tt` loses a letter (tested on the last two
    // letters, not as twelve suffixes).
    let ending = match w[..] {
        [.., before, last] => (before, last),
        _ => (0, 0),
    };
    if matches!(ending, (b'a', b't') | (b'b', b'l') | (b'i', b'z')) {
        w.push(b'e');
    } else if ending.0 == ending.1
        && matches!(
            ending.1,
            b'b' | b'd' | b'f' | b'g' | b'm' | b'n' | b'p' | b'r' | b't'
        )
    {
        w.pop();
    } else if w.len() == p1 && ends_short(w, w.len()) {
        w.push(b'e');
    }
}

fn step_1c(w: &mut [u8]) {
    let n = w.len();
    if n >= 3 && matches!(w[n - 1], b'y' | b'Y') && !is_vowel(w[n - 2]) {
        w[n - 1] = b'i';
    }
}

/// Suffix → replacement in R1; `None` for the suffixes with conditions.
/// Grouped by last letter ([`GroupedSuffixes`]).
const STEP_2: &[(&str, Option<&str>)] = &[
    ("enci", Some("ence")),
    ("anci", Some("ance")),
    ("abli", Some("able")),
    ("entli", Some("ent")),
    ("aliti", Some("al")),
    ("alli", Some("al")),
    ("ousli", Some("ous")),
    ("iviti", Some("ive")),
    ("biliti", Some("ble")),
    ("bli", Some("ble")),
    ("fulli", Some("ful")),
    ("lessli", Some("less")),
    ("ogi", None),
    ("li", None),
    ("tional", Some("tion")),
    ("ational", Some("ate")),
    ("alism", Some("al")),
    ("ization", Some("ize")),
    ("ation", Some("ate")),
    ("izer", Some("ize")),
    ("ator", Some("ate")),
    ("fulness", Some("ful")),
    ("ousness", Some("ous")),
    ("iveness", Some("ive")),
];

fn step_2(w: &mut Vec<u8>, p1: usize) {
    const SUFFIXES: GroupedSuffixes<{ STEP_2.len() }> =
        GroupedSuffixes::new(keyed_suffixes(STEP_2));
    const ENDINGS: Endings = SUFFIXES.endings();
    if w.len() < p1 + 2 || !ENDINGS.may_end(w) {
        return;
    }
    let Some((i, n)) = SUFFIXES.longest(w) else {
        return;
    };
    let stem = w.len() - n;
    if stem < p1 {
        return;
    }
    match STEP_2[i] {
        (_, Some(by)) => replace_end(w, n, by),
        ("ogi", None) if stem > 0 && w[stem - 1] == b'l' => replace_end(w, n, "og"),
        ("li", None) if stem > 0 && b"cdeghkmnrt".contains(&w[stem - 1]) => w.truncate(stem),
        _ => {}
    }
}

fn step_3(w: &mut Vec<u8>, p1: usize, p2: usize) {
    // Grouped by last letter ([`GroupedSuffixes`]).
    const SUFFIXES: &[(&str, &str)] = &[
        ("alize", "al"),
        ("icate", "ic"),
        ("ative", ""),
        ("iciti", "ic"),
        ("tional", "tion"),
        ("ational", "ate"),
        ("ical", "ic"),
        ("ful", ""),
        ("ness", ""),
    ];
    const PACKED: GroupedSuffixes<{ SUFFIXES.len() }> =
        GroupedSuffixes::new(keyed_suffixes(SUFFIXES));
    const ENDINGS: Endings = PACKED.endings();
    if w.len() < p1 + 3 || !ENDINGS.may_end(w) {
        return;
    }
    let Some((i, n)) = PACKED.longest(w) else {
        return;
    };
    let stem = w.len() - n;
    if stem >= p1 && (SUFFIXES[i].0 != "ative" || stem >= p2) {
        replace_end(w, n, SUFFIXES[i].1);
    }
}

fn step_4(w: &mut Vec<u8>, p2: usize) {
    // Grouped by last letter ([`GroupedSuffixes`]).
    const SUFFIXES: &[&str] = &[
        "ic", "ance", "ence", "able", "ible", "ate", "ive", "ize", "iti", "al", "ism", "ion", "er",
        "ous", "ant", "ement", "ment", "ent",
    ];
    const PACKED: GroupedSuffixes<{ SUFFIXES.len() }> = GroupedSuffixes::new(suffixes(SUFFIXES));
    const ENDINGS: Endings = PACKED.endings();
    if w.len() < p2 + 2 || !ENDINGS.may_end(w) {
        return;
    }
    let Some((i, n)) = PACKED.longest(w) else {
        return;
    };
    let stem = w.len() - n;
    if stem >= p2 && (SUFFIXES[i] != "ion" || (stem > 0 && matches!(w[stem - 1], b's' | b't'))) {
        w.truncate(stem);
    }
}

fn step_5(w: &mut Vec<u8>, p1: usize, p2: usize) {
    let n = w.len();
    match w.last() {
        Some(b'e') if n > p2 || (n > p1 && !ends_short(w, n - 1)) => {
            w.pop();
        }
        Some(b'l') if n > p2 && n >= 2 && w[n - 2] == b'l' => {
            w.pop();
        }
        _ => {}
    }
}
