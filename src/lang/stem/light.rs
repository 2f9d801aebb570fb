//! Light stemmers: the longest inflectional ending goes, provided at least
//! [`MIN_STEM`] letters remain, so that plural, gender, case and participles
//! meet on one stem. Derivational endings stay: on French news, also removing
//! `-ement`, `-ation` and `-er` cost 0.5 ROUGE-1 against stripping
//! inflections only.

/// The length in chars of `suffix` if `w` ends with it.
fn matched_len(w: &[char], suffix: &str) -> Option<usize> {
    let mut n = 0;
    for c in suffix.chars().rev() {
        if n == w.len() || w[w.len() - 1 - n] != c {
            return None;
        }
        n += 1;
    }
    Some(n)
}

/// Letters a stem keeps at least, so that short words are not emptied.
const MIN_STEM: usize = 3;

/// Replaces the longest ending of `rules` (`ending`, `replacement`) after
/// which at least [`MIN_STEM`] letters remain. Returns whether one matched.
fn strip(w: &mut Vec<char>, rules: &[(&str, &str)]) -> bool {
    let mut best: Option<(usize, &str)> = None;
    for &(ending, by) in rules {
        if let Some(n) = matched_len(w, ending) {
            if w.len() >= MIN_STEM + n && best.is_none_or(|(longest, _)| n > longest) {
                best = Some((n, by));
            }
        }
    }
    let Some((n, by)) = best else {
        return false;
    };
    w.truncate(w.len() - n);
    w.extend(by.chars());
    true
}

/// [`strip`] with `rules`, or failing that with `endings`: the rules handle
/// the endings that change rather than go (`-aux` → `-al`), and protect forms
/// a bare ending would cut wrongly. Returns whether either matched.
fn strip_rules_then(w: &mut Vec<char>, rules: &[(&str, &str)], endings: &[(&str, &str)]) -> bool {
    strip(w, rules) || strip(w, endings)
}

/// Rules that only remove an ending.
macro_rules! endings {
    ($($ending:literal),* $(,)?) => { &[$(($ending, "")),*] };
}

/// Participles, gender and number: the same endings in Spanish and Portuguese.
const IBERIAN_ENDINGS: &[(&str, &str)] = endings!(
    "ados", "adas", "ado", "ada", "idos", "idas", "ido", "ida", "os", "as", "es", "o", "a", "e",
    "s",
);

pub(super) fn french(w: &mut Vec<char>) {
    const RULES: &[(&str, &str)] = &[
        ("eaux", "eau"),
        ("aux", "al"),
        ("euses", "eu"),
        ("euse", "eu"),
        ("eux", "eu"),
        ("ives", "if"),
        ("ive", "if"),
        ("ifs", "if"),
        ("elles", "el"),
        ("elle", "el"),
        ("els", "el"),
        ("iennes", "ien"),
        ("ienne", "ien"),
        ("iens", "ien"),
    ];
    const ENDINGS: &[(&str, &str)] = endings!("ées", "ée", "és", "é", "es", "e", "s", "x",);
    strip_rules_then(w, RULES, ENDINGS);
}

pub(super) fn spanish(w: &mut Vec<char>) {
    strip_rules_then(w, &[("iones", "ión")], IBERIAN_ENDINGS);
}

pub(super) fn portuguese(w: &mut Vec<char>) {
    const RULES: &[(&str, &str)] = &[
        ("ções", "ção"),
        ("ões", "ão"),
        // Not an ending: keeps "-ão" whole (the `o` rule would split it).
        ("ão", "ão"),
        ("ais", "al"),
        ("éis", "el"),
        ("óis", "ol"),
    ];
    strip_rules_then(w, RULES, IBERIAN_ENDINGS);
}

pub(super) fn italian(w: &mut Vec<char>) {
    strip(
        w,
        endings!("ati", "ate", "ato", "ata", "iti", "ite", "ito", "ita", "i", "e", "a", "o"),
    );
}

pub(super) fn dutch(w: &mut Vec<char>) {
    let stripped = strip_rules_then(w, &[("heden", "heid")], endings!("en", "es", "s", "e"));
    // "katten" → "katt" → "kat": a doubled consonant before an ending is spelling.
    let n = w.len();
    if stripped
        && n > MIN_STEM
        && w[n - 1] == w[n - 2]
        && !matches!(w[n - 1], 'a' | 'e' | 'i' | 'o' | 'u')
    {
        w.pop();
    }
}

pub(super) fn russian(w: &mut Vec<char>) {
    strip(
        w,
        endings!(
            "иями", "ями", "ами", "иях", "ях", "ах", "ого", "его", "ому", "ему", "ыми", "ими",
            "ой", "ей", "ий", "ый", "ым", "им", "ая", "яя", "ое", "ее", "ую", "юю", "ов", "ев",
            "ом", "ем", "ам", "ям", "ия", "ие", "ии", "ию", "ью", "ья", "ых", "их", "ы", "и", "а",
            "я", "о", "е", "у", "ю", "ь", "й",
        ),
    );
}

/// Korean writes its particles onto the noun ("서울시는", "서울시가",
/// "서울시의" are all 서울시). A particle of two syllables goes ("으로"
/// before "로"), else one of one syllable and then one of two before it
/// ("서울역에서는" → 서울역), and then a plural "들" ("주민들은" → 주민),
/// each leaving two syllables at least. Verb endings stay.
pub(super) fn korean(w: &mut Vec<char>) {
    const ONE: [char; 13] = [
        '은', '는', '이', '가', '을', '를', '에', '의', '로', '와', '과', '도', '만',
    ];
    const TWO: [[char; 2]; 9] = [
        ['에', '서'],
        ['에', '게'],
        ['으', '로'],
        ['까', '지'],
        ['부', '터'],
        ['보', '다'],
        ['처', '럼'],
        ['한', '테'],
        ['께', '서'],
    ];
    let two = |w: &mut Vec<char>| match w[..] {
        [_, _, .., a, b] if TWO.contains(&[a, b]) => {
            w.truncate(w.len() - 2);
            true
        }
        _ => false,
    };
    if !two(w) {
        if let [_, _, .., last] = w[..] {
            if ONE.contains(&last) {
                w.pop();
                two(w);
            }
        }
    }
    if let [_, _, .., '들'] = w[..] {
        w.pop();
    }
}
