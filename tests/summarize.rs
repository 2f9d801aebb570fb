//! Integration tests of [`abridge::summarize`]: edge cases, budgets, option
//! validation, languages, span bookkeeping, huge inputs, and a few robust,
//! scorer-independent facts about the news fixtures.
//!
//! Everything these tests need is in `tests/fixtures/` (embedded with
//! `include_str!`). They assert what any reasonable scorer must satisfy, never
//! the exact sentences a particular scorer picks.

use std::time::{Duration, Instant};

use abridge::{detect_language, summarize, Language, Length, Options, Summary};
use unicode_segmentation::UnicodeSegmentation;

const BRIDGE: &str = include_str!("fixtures/news-bridge.txt");
const STORM: &str = include_str!("fixtures/news-storm.txt");
const EARNINGS: &str = include_str!("fixtures/news-earnings.txt");
const GLACIER: &str = include_str!("fixtures/news-glacier.txt");
const MARATHON: &str = include_str!("fixtures/news-marathon.txt");
const REPORT: &str = include_str!("fixtures/report-pumps.md");
const GERMAN: &str = include_str!("fixtures/news-de.txt");
const FRENCH: &str = include_str!("fixtures/news-fr.txt");
const CHINESE: &str = include_str!("fixtures/news-zh.txt");
const EMAIL: &str = include_str!("fixtures/email-wrapped.txt");

const FIXTURES: [(&str, &str); 10] = [
    ("news-bridge.txt", BRIDGE),
    ("news-storm.txt", STORM),
    ("news-earnings.txt", EARNINGS),
    ("news-glacier.txt", GLACIER),
    ("news-marathon.txt", MARATHON),
    ("report-pumps.md", REPORT),
    ("news-de.txt", GERMAN),
    ("news-fr.txt", FRENCH),
    ("news-zh.txt", CHINESE),
    ("email-wrapped.txt", EMAIL),
];

// ---------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------

fn run(name: &str, text: &str, options: &Options) -> Summary {
    let summary =
        summarize(text, options).unwrap_or_else(|e| panic!("{name}: summarize failed: {e}"));
    check_invariants(name, text, &summary);
    summary
}

fn picked<'t>(summary: &Summary, text: &'t str) -> Vec<&'t str> {
    summary.selected().map(|s| s.text(text)).collect()
}

/// What must hold for every summary of every text.
fn check_invariants(name: &str, text: &str, summary: &Summary) {
    let mut previous_end = 0;
    let mut prefix16 = 0; // UTF-16 length of text[..previous_end]
    for (i, s) in summary.sentences.iter().enumerate() {
        let (start, end) = (s.bytes.start, s.bytes.end);
        assert!(
            previous_end <= start && start < end && end <= text.len(),
            "{name}: sentence {i} has span {start}..{end} after {previous_end} (text is {} bytes)",
            text.len()
        );
        let between = text
            .get(previous_end..start)
            .unwrap_or_else(|| panic!("{name}: sentence {i} starts inside a character"));
        assert!(
            between.chars().all(blank),
            "{name}: non-white text {between:?} lies outside every sentence, before sentence {i}"
        );
        let sentence = text
            .get(start..end)
            .unwrap_or_else(|| panic!("{name}: sentence {i} ends inside a character"));
        // UTF-16: the prefix and the sentence itself have the lengths the spans say.
        prefix16 += between.encode_utf16().count();
        let len16 = sentence.encode_utf16().count();
        assert_eq!(
            (s.utf16.start, s.utf16.end),
            (prefix16, prefix16 + len16),
            "{name}: sentence {i} ({sentence:?}): UTF-16 span disagrees with the byte span"
        );
        assert_eq!(
            s.words,
            sentence.unicode_words().count(),
            "{name}: sentence {i} ({sentence:?}): word count is not the UAX #29 count"
        );
        assert!(
            s.score.is_finite(),
            "{name}: sentence {i} has score {}",
            s.score
        );
        previous_end = end;
        prefix16 += len16;
    }
    let tail = &text[previous_end..];
    assert!(
        tail.chars().all(blank),
        "{name}: non-white text {tail:?} lies after the last sentence"
    );

    let selected: Vec<_> = summary.selected().collect();
    if !summary.sentences.is_empty() {
        assert!(
            !selected.is_empty(),
            "{name}: nothing selected from {} sentences",
            summary.sentences.len()
        );
    }
    let stats = &summary.stats;
    assert_eq!(
        stats.sentences_in,
        summary.sentences.len(),
        "{name}: stats.sentences_in"
    );
    assert_eq!(
        stats.sentences_out,
        selected.len(),
        "{name}: stats.sentences_out"
    );
    assert_eq!(
        stats.words_out,
        selected.iter().map(|s| s.words).sum::<usize>(),
        "{name}: stats.words_out"
    );
    assert_eq!(
        stats.chars_out,
        selected
            .iter()
            .map(|s| s.text(text).chars().count())
            .sum::<usize>(),
        "{name}: stats.chars_out"
    );
}

/// The texts of the units of `kind`.
fn units_of<'t>(summary: &Summary, text: &'t str, kind: abridge::UnitKind) -> Vec<&'t str> {
    summary
        .sentences
        .iter()
        .filter(|s| s.kind == kind)
        .map(|s| s.text(text))
        .collect()
}

fn mentions(summary: &Summary, name: &str) -> bool {
    let name = name.to_lowercase();
    summary
        .entities
        .iter()
        .any(|e| e.text.to_lowercase().contains(&name))
        || summary
            .keywords
            .iter()
            .any(|k| k.text.to_lowercase().contains(&name))
}

/// Release builds get the real sizes; debug builds a tenth, so that a plain
/// `cargo test` still finishes. The time bound catches hangs, not slowness.
const SCALE: usize = if cfg!(debug_assertions) { 10 } else { 1 };
const TIME_LIMIT: Duration = Duration::from_secs(10);

fn timed(name: &str, text: &str, options: &Options) -> Summary {
    let started = Instant::now();
    let summary = summarize(text, options).unwrap_or_else(|e| panic!("{name}: {e}"));
    let elapsed = started.elapsed();
    assert!(
        elapsed < TIME_LIMIT,
        "{name}: took {elapsed:?} for {} bytes (limit {TIME_LIMIT:?})",
        text.len()
    );
    summary
}

// ---------------------------------------------------------------------------
// Edge cases and budgets
// ---------------------------------------------------------------------------

#[test]
fn edge_cases() {
    let three = "The council approved the budget for road repairs on Tuesday. \
                 Engineers will inspect every bridge in the county before winter. \
                 Local farmers expect a record harvest of corn this autumn.";
    let four = "The council approved the budget for road repairs on Tuesday. \
                Engineers will inspect every bridge in the county before winter. \
                Local farmers expect a record harvest of corn this autumn. \
                A new library opens downtown with twelve thousand books.";
    // (name, text, length, sentences found, sentences selected)
    let cases: &[(&str, &str, Length, usize, usize)] = &[
        ("empty text", "", Length::Sentences(3), 0, 0),
        (
            "white space only",
            " \n\t\r\n  \u{a0}\u{3000}\u{2028}\n\n ",
            Length::Sentences(3),
            0,
            0,
        ),
        (
            "one sentence",
            "The council approved the budget on Tuesday.",
            Length::Sentences(3),
            1,
            1,
        ),
        (
            "one sentence without a terminator",
            "the council approved the budget on tuesday",
            Length::Sentences(3),
            1,
            1,
        ),
        (
            "one sentence surrounded by white space",
            "\n\n   The council approved the budget on Tuesday.   \n\n",
            Length::Sentences(1),
            1,
            1,
        ),
        (
            "three sentences, asked for two",
            three,
            Length::Sentences(2),
            3,
            2,
        ),
        (
            "asked for more than there are",
            three,
            Length::Sentences(10),
            3,
            3,
        ),
        (
            "ratio 0.1 of three gives one",
            three,
            Length::Ratio(0.1),
            3,
            1,
        ),
        (
            "ratio 1 of three gives three",
            three,
            Length::Ratio(1.0),
            3,
            3,
        ),
        (
            "ratio 0.5 of four gives two",
            four,
            Length::Ratio(0.5),
            4,
            2,
        ),
        ("words: one sentence fits", three, Length::Words(12), 3, 1),
        ("words: everything fits", three, Length::Words(1000), 3, 3),
        (
            "words: nothing fits, the closest",
            three,
            Length::Words(1),
            3,
            1,
        ),
        (
            "chars: nothing fits, the closest",
            three,
            Length::Chars(1),
            3,
            1,
        ),
        ("chars: everything fits", three, Length::Chars(10_000), 3, 3),
    ];
    for &(name, text, length, found, selected) in cases {
        let summary = run(name, text, &Options::from(length));
        assert_eq!(summary.sentences.len(), found, "{name}: sentences found");
        assert_eq!(
            summary.selected().count(),
            selected,
            "{name}: sentences selected, got {:?}",
            picked(&summary, text)
        );
    }
}

#[test]
fn empty_text_gives_an_empty_summary() {
    for (name, text) in [("empty", ""), ("white space", "  \n\n\t ")] {
        let summary = run(name, text, &Options::default());
        assert!(summary.sentences.is_empty(), "{name}: sentences");
        assert!(summary.keywords.is_empty(), "{name}: keywords");
        assert!(summary.entities.is_empty(), "{name}: entities");
        assert_eq!(summary.text(text), "", "{name}: summary text");
        assert_eq!(summary.stats, abridge::Stats::default(), "{name}: stats");
    }
}

const INFORMATIVE: &str = "The Riverton city council approved a budget of $3 million for \
                           road and bridge repairs on Tuesday after a long public debate.";

fn check_clear_winner(name: &str, text: &str) {
    let summary = run(name, text, &Options::from(1));
    assert_eq!(summary.sentences.len(), 2, "{name}: sentences found");
    assert_eq!(picked(&summary, text), [INFORMATIVE], "{name}");
}

#[test]
fn two_sentences_winner_first() {
    check_clear_winner("winner first", &format!("{INFORMATIVE} Thanks."));
}

#[test]
fn two_sentences_winner_second() {
    check_clear_winner("winner second", &format!("Hmm. {INFORMATIVE}"));
}

#[test]
fn word_and_char_budgets_hold_on_every_fixture() {
    for (fixture, text) in FIXTURES {
        for n in [1, 5, 20, 40, 80, 150, 400] {
            let name = format!("{fixture}, words {n}");
            let summary = run(&name, text, &Options::from(Length::Words(n)));
            let chosen: Vec<_> = summary.selected().collect();
            let words: usize = chosen.iter().map(|s| s.words).sum();
            assert!(
                words <= n || chosen.len() == 1,
                "{name}: {} sentences with {words} words",
                chosen.len()
            );
        }
        for n in [1, 30, 100, 250, 600, 2000] {
            let name = format!("{fixture}, chars {n}");
            let summary = run(&name, text, &Options::from(Length::Chars(n)));
            let chosen: Vec<_> = summary.selected().collect();
            let chars: usize = chosen.iter().map(|s| s.text(text).chars().count()).sum();
            assert!(
                chars <= n || chosen.len() == 1,
                "{name}: {} sentences with {chars} chars",
                chosen.len()
            );
        }
        for k in [1, 2, 3, 5, 8] {
            let name = format!("{fixture}, sentences {k}");
            let summary = run(&name, text, &Options::from(k));
            assert!(
                summary.selected().count() <= k,
                "{name}: too many sentences"
            );
        }
        for r in [0.01, 0.1, 0.25, 0.5, 1.0] {
            let name = format!("{fixture}, ratio {r}");
            let summary = run(&name, text, &Options::from(Length::Ratio(r)));
            let limit = ((r * summary.sentences.len() as f64).round() as usize).max(1);
            assert!(
                summary.selected().count() <= limit,
                "{name}: {} selected of {}",
                summary.selected().count(),
                summary.sentences.len()
            );
        }
    }
}

#[test]
fn a_larger_budget_never_gives_a_shorter_summary_of_sentences() {
    // Not monotone in content (a scorer may swap sentences), but the count is.
    for (fixture, text) in FIXTURES {
        let mut last = 0;
        for k in 1..=8 {
            let count = run(fixture, text, &Options::from(k)).selected().count();
            assert!(
                count >= last,
                "{fixture}: sentences {k} gave {count}, fewer than {last} for k-1"
            );
            last = count;
        }
    }
}

#[test]
fn summary_is_in_document_order() {
    for (fixture, text) in FIXTURES {
        let summary = run(fixture, text, &Options::from(6));
        let starts: Vec<usize> = summary.selected().map(|s| s.bytes.start).collect();
        assert!(
            starts.windows(2).all(|w| w[0] < w[1]),
            "{fixture}: selected sentences out of order: {starts:?}"
        );
        let separator = if summary.language.uses_spaces() {
            " "
        } else {
            ""
        };
        assert_eq!(
            summary.text(text),
            picked(&summary, text).join(separator),
            "{fixture}: Summary::text"
        );
        let report = abridge::Report::new(&summary, text);
        assert_eq!(report.summary, summary.text(text), "{fixture}: Report");
        assert_eq!(report.sentences.len(), summary.sentences.len(), "{fixture}");
    }
}

#[test]
fn summarize_is_deterministic() {
    let options = [
        Options::default(),
        Options::from(Length::Words(60)),
        Options::from(Length::Ratio(0.3)),
        Options::default().redundancy(0.0),
    ];
    for (fixture, text) in FIXTURES {
        for (i, options) in options.iter().enumerate() {
            let first = run(fixture, text, options);
            // A copy at another address, in case anything hashes pointers.
            let copy = text.to_string();
            let second = run(fixture, &copy, options);
            assert_eq!(first, second, "{fixture}, options #{i}: summaries differ");
        }
    }
}

// ---------------------------------------------------------------------------
// Options
// ---------------------------------------------------------------------------

#[test]
fn invalid_options_are_errors_naming_the_option() {
    let cases: Vec<(&str, Options, &str)> = vec![
        ("sentences 0", Options::from(0), "sentences"),
        ("words 0", Options::from(Length::Words(0)), "words"),
        ("chars 0", Options::from(Length::Chars(0)), "chars"),
        ("ratio 0", Options::from(Length::Ratio(0.0)), "ratio"),
        ("ratio -0.5", Options::from(Length::Ratio(-0.5)), "ratio"),
        ("ratio 1.5", Options::from(Length::Ratio(1.5)), "ratio"),
        ("ratio NaN", Options::from(Length::Ratio(f64::NAN)), "ratio"),
        (
            "ratio infinity",
            Options::from(Length::Ratio(f64::INFINITY)),
            "ratio",
        ),
        (
            "redundancy 2",
            Options::default().redundancy(2.0),
            "redundancy",
        ),
        (
            "redundancy -0.1",
            Options::default().redundancy(-0.1),
            "redundancy",
        ),
        (
            "redundancy NaN",
            Options::default().redundancy(f64::NAN),
            "redundancy",
        ),
    ];
    for (name, options, option) in cases {
        for text in ["", "A sentence. Another sentence."] {
            let error = summarize(text, &options)
                .err()
                .unwrap_or_else(|| panic!("{name}: accepted (text {text:?})"));
            assert_eq!(error.option(), option, "{name}: Error::option");
            assert!(
                error.to_string().contains(option),
                "{name}: message {:?} does not name `{option}`",
                error.to_string()
            );
            assert!(error.is_range(), "{name}: should be a range error");
        }
        assert!(options.validate().is_err(), "{name}: validate()");
    }
}

#[test]
fn boundary_options_are_valid() {
    let cases = [
        ("ratio 1", Options::from(Length::Ratio(1.0))),
        ("tiny ratio", Options::from(Length::Ratio(1e-9))),
        ("redundancy 0", Options::default().redundancy(0.0)),
        ("redundancy 1", Options::default().redundancy(1.0)),
        ("sentences max", Options::from(usize::MAX)),
        ("words max", Options::from(Length::Words(usize::MAX))),
        ("chars max", Options::from(Length::Chars(usize::MAX))),
        ("no keywords", Options::default().keywords(0).entities(0)),
    ];
    for (name, options) in cases {
        let summary = run(name, BRIDGE, &options);
        assert!(summary.selected().count() >= 1, "{name}");
    }
    let summary = run(
        "no keywords",
        BRIDGE,
        &Options::default().keywords(0).entities(0),
    );
    assert!(summary.keywords.is_empty() && summary.entities.is_empty());
    let summary = run(
        "two keywords",
        BRIDGE,
        &Options::default().keywords(2).entities(2),
    );
    assert!(summary.keywords.len() <= 2 && summary.entities.len() <= 2);
}

#[test]
fn unknown_language_code_is_an_error_naming_the_option() {
    for code in ["klingon", "", "xx", "en-", "_"] {
        match Options::default().language(code) {
            Ok(options) if code == "en-" => {
                // A code with an empty region is tolerable; it must mean English.
                assert_eq!(options.get_language(), Some(Language::English));
            }
            Ok(options) => panic!("language {code:?} accepted as {options:?}"),
            Err(error) => {
                assert_eq!(error.option(), "language", "language {code:?}");
                assert!(
                    error.to_string().contains("language"),
                    "language {code:?}: {error}"
                );
            }
        }
    }
}

// ---------------------------------------------------------------------------
// Languages
// ---------------------------------------------------------------------------

#[test]
fn language_is_detected() {
    let cases = [
        ("news-bridge.txt", BRIDGE, Language::English),
        ("news-storm.txt", STORM, Language::English),
        ("report-pumps.md", REPORT, Language::English),
        ("email-wrapped.txt", EMAIL, Language::English),
        ("news-de.txt", GERMAN, Language::German),
        ("news-fr.txt", FRENCH, Language::French),
        ("news-zh.txt", CHINESE, Language::Chinese),
    ];
    for (name, text, expected) in cases {
        assert_eq!(detect_language(text), expected, "{name}: detect_language");
        let summary = run(name, text, &Options::default());
        assert_eq!(summary.language, expected, "{name}: Summary::language");
    }
}

#[test]
fn language_override_wins_over_detection() {
    let cases = [
        ("German text read as German", GERMAN, "de", Language::German),
        ("French text read as French", FRENCH, "fr", Language::French),
        (
            "Chinese text read as Chinese",
            CHINESE,
            "zh",
            Language::Chinese,
        ),
        (
            "English text forced to German",
            BRIDGE,
            "de",
            Language::German,
        ),
        (
            "German text forced to English",
            GERMAN,
            "en",
            Language::English,
        ),
        (
            "Chinese text forced to French",
            CHINESE,
            "fr",
            Language::French,
        ),
        (
            "English name of a language",
            FRENCH,
            "French",
            Language::French,
        ),
        ("region subtag", GERMAN, "de-AT", Language::German),
        ("no language data", GERMAN, "und", Language::Other),
    ];
    for (name, text, code, expected) in cases {
        let options = Options::default()
            .language(code)
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        let summary = run(name, text, &options);
        assert_eq!(summary.language, expected, "{name}");
        assert_eq!(summary.selected().count(), 3, "{name}: selected");
    }
    let auto = Options::default()
        .language("de")
        .and_then(|o| o.language("auto"))
        .unwrap();
    assert_eq!(auto.get_language(), None, "auto restores detection");
    let forced = Options::default().with_language(Some(Language::Chinese));
    assert_eq!(
        run("with_language", BRIDGE, &forced).language,
        Language::Chinese
    );
}

#[test]
fn chinese_sentences_split_at_full_width_terminators() {
    let summary = run("news-zh.txt", CHINESE, &Options::default());
    // 16 units: the title and 15 sentences ending in 。！？ (a quotation that
    // ends in ！” belongs to its sentence).
    let ends: Vec<char> = summary
        .sentences
        .iter()
        .skip(1)
        .map(|s| s.text(CHINESE).chars().last().unwrap())
        .collect();
    assert!(
        ends.iter().all(|c| "。！？”".contains(*c)),
        "news-zh.txt: sentence endings {ends:?}"
    );
    assert!(
        summary.sentences.len() >= 12,
        "news-zh.txt: too few sentences"
    );
    assert!(!summary.text(CHINESE).contains(' '), "no spaces inserted");
}

/// Japanese keywords are words in ideographs or katakana, never the particles
/// and endings written in hiragana between them ("によると", "する").
#[test]
fn japanese_keywords_are_no_particles() {
    let text = "東京都は28日、新型の路面電車を2030年までに都心部に導入する計画を発表した。\
        計画によると、総事業費はおよそ1200億円で、最初の路線は東京駅から晴海までの約5キロを結ぶ。\
        知事は記者会見で「環境にやさしい交通手段を広げたい」と述べた。\
        都によると、新しい車両は電池で走り、架線を必要としない。\
        沿線の住民からは渋滞の悪化を心配する声も出ている。\
        一方、専門家は路面電車がバスより多くの乗客を運べると指摘する。\
        都は来年春に住民説明会を開き、詳しい計画をまとめる方針だ。";
    let summary = run("japanese", text, &Options::default());
    assert_eq!(summary.language, Language::Japanese);
    let keywords: Vec<&str> = summary.keywords.iter().map(|k| k.text.as_str()).collect();
    for word in ["計画", "電車", "住民"] {
        assert!(keywords.contains(&word), "{word} in {keywords:?}");
    }
    let hiragana = |c: char| ('\u{3040}'..='\u{309F}').contains(&c);
    assert!(
        keywords.iter().all(|k| !k.chars().any(hiragana)),
        "{keywords:?}"
    );
}

/// A Korean noun is one term with any particle after it: "계획을" and
/// "계획에" are two mentions of 계획, "주민들" and "주민들은" of 주민.
#[test]
fn korean_particles_leave_the_noun_one_term() {
    let text = "서울시는 28일 2030년까지 도심에 새로운 노면전차를 도입하는 계획을 발표했다. \
        계획에 따르면 총사업비는 약 1조 2천억 원이며, 첫 노선은 서울역에서 여의도까지 약 5킬로미터를 연결한다. \
        시에 따르면 새 차량은 배터리로 달리며 가공선이 필요 없다. \
        노선 주변 주민들 사이에서는 교통 체증 악화를 걱정하는 목소리도 나온다. \
        한편 전문가들은 노면전차가 버스보다 많은 승객을 나를 수 있다고 지적한다. \
        시는 내년 봄 주민들에게 설명회를 열고 상세 설계를 마련할 방침이다.";
    let summary = run("korean", text, &Options::default());
    assert_eq!(summary.language, Language::Korean);
    let count = |noun: &str| {
        summary
            .keywords
            .iter()
            .find(|k| k.text.starts_with(noun))
            .map(|k| k.count)
    };
    for noun in ["계획", "노면전차", "주민"] {
        assert_eq!(count(noun), Some(2), "{noun} in {:?}", summary.keywords);
    }
}

// ---------------------------------------------------------------------------
// Spans
// ---------------------------------------------------------------------------

#[test]
fn byte_and_utf16_spans_agree() {
    let tricky = [
        (
            "emoji and flags",
            "Hi 😀 there. The 🇩🇪 flag waved! Family 👩‍👩‍👧 arrived?",
        ),
        (
            "combining marks",
            "Cafe\u{301} au lait. Zoe\u{308} said nai\u{308}ve things.",
        ),
        ("astral ideographs", "𠀀𠀁𠀂是字。𪚥很难写！好吗？"),
        (
            "mixed scripts",
            "Москва — столица. 東京は首都です。Berlin ist groß.",
        ),
        (
            "CRLF",
            "First line.\r\nSecond line.\r\n\r\nThird paragraph.",
        ),
        (
            "BOM",
            "\u{feff}A text with a byte order mark. It has two sentences.",
        ),
    ];
    for (name, text) in FIXTURES.iter().copied().chain(tricky) {
        for language in [None, Some(Language::English), Some(Language::Chinese)] {
            let options = Options::default().with_language(language);
            // check_invariants compares both span kinds for every sentence.
            let summary = run(name, text, &options);
            assert!(!summary.sentences.is_empty(), "{name}: no sentences");
        }
    }
}

// ---------------------------------------------------------------------------
// News fixtures: robust facts only
// ---------------------------------------------------------------------------

struct News {
    name: &'static str,
    text: &'static str,
    /// Someone or something the article is about: one of these must be among
    /// the entities or keywords.
    actors: &'static [&'static str],
    /// Lines that must never be part of a summary (byline, boilerplate).
    banned: &'static [&'static str],
}

const NEWS: [News; 5] = [
    News {
        name: "news-bridge.txt",
        text: BRIDGE,
        actors: &["Whitcombe"],
        banned: &["By Hannah Okafor", "Read more", "Follow us"],
    },
    News {
        name: "news-storm.txt",
        text: STORM,
        actors: &["Helena", "Delacroix"],
        banned: &[],
    },
    News {
        name: "news-earnings.txt",
        text: EARNINGS,
        actors: &["Northwind", "Raman"],
        banned: &[],
    },
    News {
        name: "news-glacier.txt",
        text: GLACIER,
        actors: &["Solberg"],
        banned: &["By Arjun Mehta", "Science Correspondent"],
    },
    News {
        name: "news-marathon.txt",
        text: MARATHON,
        actors: &["Nwosu"],
        banned: &[],
    },
];

fn check_news(k: usize) {
    for news in &NEWS {
        let name = format!("{}, sentences {k}", news.name);
        let summary = run(&name, news.text, &Options::from(k));
        let chosen = picked(&summary, news.text);
        assert_eq!(chosen.len(), k, "{name}: got {chosen:#?}");
        for banned in news.banned {
            assert!(
                !chosen.iter().any(|s| s.contains(banned)),
                "{name}: the summary contains {banned:?}: {chosen:#?}"
            );
        }
        let title = news.text.lines().next().unwrap().trim();
        let copies = chosen.iter().filter(|s| s.contains(title)).count();
        assert!(copies <= 1, "{name}: the title appears {copies} times");
        let mut seen = std::collections::HashSet::new();
        for s in &chosen {
            assert!(seen.insert(*s), "{name}: {s:?} chosen twice");
        }
        for actor in news.actors {
            assert!(
                mentions(&summary, actor),
                "{name}: {actor:?} is neither an entity nor a keyword: entities {:?}, keywords {:?}",
                summary
                    .entities
                    .iter()
                    .map(|e| &e.text)
                    .collect::<Vec<_>>(),
                summary.keywords.iter().map(|k| &k.text).collect::<Vec<_>>()
            );
        }
    }
}

#[test]
fn news_summaries_of_three() {
    check_news(3);
}

#[test]
fn news_summaries_of_five() {
    check_news(5);
}

#[test]
fn german_and_french_actors_are_found() {
    for (name, text, actor) in [
        ("news-de.txt", GERMAN, "Vogel"),
        ("news-fr.txt", FRENCH, "Dumont"),
    ] {
        let summary = run(name, text, &Options::default());
        assert!(
            mentions(&summary, actor),
            "{name}: {actor} missing: {:?}",
            summary.entities
        );
        assert_eq!(summary.selected().count(), 3, "{name}");
    }
}

#[test]
fn sectioned_report_summary_has_no_headings() {
    let summary = run("report-pumps.md", REPORT, &Options::from(8));
    assert_eq!(summary.selected().count(), 8, "report-pumps.md: selected");
    for s in summary.selected() {
        let text = s.text(REPORT);
        assert!(
            !text.starts_with('#'),
            "report-pumps.md: a Markdown heading was chosen: {text:?}"
        );
    }
}

#[test]
fn markdown_code_blocks_are_never_summarized() {
    // The code repeats the prose's own terms, and one of its own many times.
    let text = "# Pumps\n\nThe pump moves water from the river to the tank. \
        The tank feeds the town when the river runs low. \
        A second pump stands by in case the first one fails.\n\n\
        ```python\nfrobnicate(pump, tank, river)  # pump water to the tank\n\
        frobnicate(pump, tank, river)\nfrobnicate(pump, tank, town)\n\n\
        frobnicate(pump, tank, town)\n```\n\n\
        Each pump is checked every spring by the town's engineers.";
    for options in [Options::from(2), Options::from(Length::Ratio(1.0))] {
        let summary = run("markdown with code", text, &options);
        let code = units_of(&summary, text, abridge::UnitKind::Code);
        assert_eq!(code.len(), 1, "one code unit: {code:?}");
        assert!(code[0].starts_with("```python") && code[0].ends_with("```"));
        for s in summary.selected() {
            assert_ne!(s.kind, abridge::UnitKind::Code, "code was chosen");
        }
        assert!(
            summary.keywords.iter().all(|k| k.text != "frobnicate"),
            "a word of the code is a keyword: {:?}",
            summary.keywords
        );
    }
}

#[test]
fn markdown_tables_and_front_matter_are_never_summarized() {
    // The table's last cells are whole sentences, and were picked as such.
    let text = "---\ntitle: Storage engine notes\ntags: [storage, engine]\n---\n\n\
        # Storage\n\nThe new storage engine writes records in batches. \
        Each batch is compressed before the engine stores it.\n\n\
        | Setting | Default | Meaning |\n|---|---|---|\n\
        | batch | 64 | Number of records the engine writes in one batch. |\n\
        | level | 3 | Compression level of each batch the engine stores. |\n\n\
        Upgrading the storage engine takes a few minutes.";
    let summary = run(
        "markdown with a table",
        text,
        &Options::from(Length::Ratio(1.0)),
    );
    let code = units_of(&summary, text, abridge::UnitKind::Code);
    assert_eq!(code.len(), 5, "front matter and four rows: {code:?}");
    assert!(code[0].starts_with("---\ntitle") && code[0].ends_with("---"));
    let chosen: Vec<&str> = summary.selected().map(|s| s.text(text)).collect();
    assert_eq!(chosen.len(), 3, "{chosen:?}");
    assert!(chosen.iter().all(|s| !s.contains('|')), "{chosen:?}");
}

#[test]
fn times_of_day_are_dates_and_numbers_no_keywords() {
    // A chat log: the hour of every message was the text's heaviest number
    // and its first keyword, its minutes numbers of their own.
    let text = "[10:02] anna: the deploy failed again on the staging cluster\n\
        [10:03] ben: which step failed this time?\n\
        [10:03] anna: the database migration, it times out after 30 seconds\n\
        [10:05] ben: we changed the index on the orders table yesterday\n\
        [10:06] anna: that explains it, the migration rebuilds the index\n\
        [10:15] ben: migration finished, staging is green again";
    let summary = run("a chat log", text, &Options::default());
    let date = |t: &str| {
        summary
            .entities
            .iter()
            .any(|e| e.text == t && e.kind == abridge::EntityKind::Date)
    };
    assert!(date("10:03") && date("10:15"), "{:?}", summary.entities);
    assert!(
        summary
            .entities
            .iter()
            .all(|e| e.text != "10" && e.text != "03"),
        "{:?}",
        summary.entities
    );
    assert!(
        summary
            .keywords
            .iter()
            .all(|k| k.text.parse::<u32>().is_err()),
        "{:?}",
        summary.keywords
    );
    assert!(
        summary
            .keywords
            .iter()
            .take(3)
            .any(|k| k.text == "migration"),
        "{:?}",
        summary.keywords
    );
    // Each message is a unit of its own.
    for s in &summary.sentences {
        let text = s.text(text);
        assert!(text.starts_with('[') && !text.contains('\n'), "{text:?}");
    }
}

#[test]
fn a_table_of_contents_is_no_summary() {
    // Its entries repeat every section's title, so they were the most
    // central lines of the report and filled its summary.
    let text = "Annual Report 2025\n\nContents\n\
        1. Introduction .................... 3\n\
        2. Financial results ............... 7\n\
        3. Outlook ......................... 12\n\n\
        1. Introduction\n\nThe company grew its revenue by 12 percent in 2025. \
        Operating costs rose more slowly than revenue.\n\n\
        2. Financial results\n\nRevenue reached 4.2 billion dollars. \
        Net income was 610 million dollars.\n\n\
        3. Outlook\n\nFor 2026 the company expects revenue growth of 8 percent.";
    let summary = run("a report", text, &Options::from(3));
    let chosen: Vec<&str> = summary.selected().map(|s| s.text(text)).collect();
    assert_eq!(chosen.len(), 3);
    assert!(chosen.iter().all(|s| !s.contains("....")), "{chosen:?}");
    // Nor is a numbered section title ("1. Introduction"): all three are sentences.
    assert!(chosen.iter().all(|s| s.ends_with('.')), "{chosen:?}");
}

#[test]
fn subtitle_timestamps_are_never_summarized_nor_counted() {
    // Every cue's times repeat "00", which was the text's heaviest number
    // and keyword when the timing lines were headings.
    let cues = [
        "Welcome back to the show. Today we talk about bees.",
        "Bees pollinate about a third of the crops we eat.",
        "But colonies have been collapsing across Europe and North America.",
        "Scientists in Europe blame pesticides, parasites and the loss of wild flowers.",
        "Farmers in France have started planting flower strips between fields.",
        "Early results from France suggest that bee numbers recover within two seasons.",
    ];
    let text: String = cues
        .iter()
        .enumerate()
        .map(|(i, cue)| {
            format!(
                "{}\n00:00:{:02},000 --> 00:00:{:02},500\n{cue}\n\n",
                i + 1,
                4 * i,
                4 * i + 3
            )
        })
        .collect();
    for options in [Options::from(3), Options::from(Length::Ratio(1.0))] {
        let summary = run("subtitles", &text, &options);
        let timestamps = units_of(&summary, &text, abridge::UnitKind::Timestamp);
        assert_eq!(timestamps.len(), cues.len());
        assert!(summary.selected().count() >= 3);
        for s in summary.selected() {
            assert_eq!(
                s.kind,
                abridge::UnitKind::Sentence,
                "{:?} was chosen",
                s.text(&text)
            );
        }
        assert!(
            summary
                .entities
                .iter()
                .all(|e| e.text.chars().any(char::is_alphabetic)),
            "a number of the times is an entity: {:?}",
            summary.entities
        );
        assert_eq!(summary.entities[0].text, "Europe");
        assert!(
            summary
                .keywords
                .iter()
                .all(|k| !k.text.starts_with(|c: char| c.is_ascii_digit())),
            "a number of the times is a keyword: {:?}",
            summary.keywords
        );
    }
}

// ---------------------------------------------------------------------------
// Huge and hostile inputs: these catch hangs and quadratic blow-ups
// ---------------------------------------------------------------------------

/// Text made of the English fixtures, repeated up to about `bytes`.
fn repeated_fixtures(bytes: usize) -> String {
    let mut text = String::with_capacity(bytes + 10_000);
    let mut i = 0;
    while text.len() < bytes {
        let (_, fixture) = FIXTURES[i % FIXTURES.len()];
        text.push_str(fixture);
        text.push_str("\n\n");
        i += 1;
    }
    text
}

#[test]
fn huge_single_sentence_without_punctuation() {
    let words = [
        "river", "bridge", "council", "budget", "storm", "glacier", "marathon", "robot",
    ];
    let mut text = String::new();
    let mut i = 0usize;
    while text.len() < (1 << 20) / SCALE {
        text.push_str(words[i % words.len()]);
        text.push_str(&(i % 997).to_string());
        text.push(' ');
        i += 1;
    }
    let summary = timed("1 MB without punctuation", &text, &Options::default());
    check_invariants("1 MB without punctuation", &text, &summary);
    assert!(summary.selected().count() >= 1);
}

#[test]
fn ten_megabytes_of_fixture_text() {
    let text = repeated_fixtures((10 << 20) / SCALE);
    let summary = timed("10 MB of fixtures", &text, &Options::from(5));
    // The fixtures average about 110 bytes a sentence; 250 leaves room for
    // segmentation changes without letting a collapse into a few huge units pass.
    assert!(
        summary.sentences.len() > text.len() / 250,
        "10 MB of fixtures: {} sentences",
        summary.sentences.len()
    );
    let chosen = picked(&summary, &text);
    assert_eq!(chosen.len(), 5, "10 MB of fixtures: selected");
    let distinct: std::collections::HashSet<_> = chosen.iter().collect();
    assert_eq!(
        distinct.len(),
        5,
        "10 MB of fixtures: repeated sentences chosen"
    );
    let megabyte = repeated_fixtures((1 << 20) / SCALE);
    let _ = timed(
        "1 MB by words",
        &megabyte,
        &Options::from(Length::Words(200)),
    );
}

#[test]
fn nul_and_control_characters() {
    let mut text = String::new();
    for (i, line) in repeated_fixtures((1 << 20) / SCALE).lines().enumerate() {
        text.push_str(line);
        let control = char::from_u32((i % 32) as u32).unwrap();
        text.push(control);
        text.push(if i % 7 == 0 { '\u{7f}' } else { '\0' });
        text.push_str(["\u{200b}", "\u{feff}", "\u{85}", "\u{2028}", "\u{1b}[31m"][i % 5]);
        text.push('\n');
    }
    let summary = timed("control characters", &text, &Options::default());
    check_invariants("control characters", &text, &summary);

    let nuls = "\0".repeat((100 << 10) / SCALE);
    let summary = timed("only NUL", &nuls, &Options::default());
    check_invariants("only NUL", &nuls, &summary);
    let mixed = "\0\x01\x02 Hello.\x07 \x1b[0m World!\x08\0";
    let summary = timed("short control mix", mixed, &Options::default());
    check_invariants("short control mix", mixed, &summary);
}

#[test]
fn a_hundred_thousand_one_word_sentences() {
    // Capitalised: after ". " a lower-case word continues the sentence (UAX #29 SB8).
    let vocabulary: Vec<String> = BRIDGE
        .unicode_words()
        .map(|w| {
            let mut chars = w.chars();
            let first = chars.next().unwrap().to_uppercase();
            first.chain(chars).collect()
        })
        .collect();
    let mut text = String::new();
    for i in 0..100_000 / SCALE {
        text.push_str(&vocabulary[i % vocabulary.len()]);
        text.push_str(if i % 50 == 49 { ".\n\n" } else { ". " });
    }
    let summary = timed("100k one-word sentences", &text, &Options::default());
    assert!(
        summary.sentences.len() >= 50_000 / SCALE,
        "100k one-word sentences: only {} found",
        summary.sentences.len()
    );
    assert!(summary.selected().count() >= 1);
    let _ = timed(
        "100k one-word sentences, ratio",
        &text,
        &Options::from(Length::Ratio(0.5)),
    );
}

#[test]
fn the_same_sentence_a_hundred_thousand_times() {
    let sentence = "The council approved the new bridge on Tuesday after a long debate. ";
    let text = sentence.repeat(100_000 / SCALE);
    let summary = timed("same sentence 100k times", &text, &Options::default());
    assert_eq!(summary.sentences.len(), 100_000 / SCALE);
    let chosen = picked(&summary, &text);
    assert!(!chosen.is_empty() && chosen.len() <= 3);
    assert_eq!(
        chosen.len(),
        1,
        "same sentence 100k times: near-duplicates should be kept out, got {}",
        chosen.len()
    );
    // With repeats allowed, the budget is filled.
    let summary = timed(
        "same sentence, redundancy 0",
        &text,
        &Options::default().redundancy(0.0),
    );
    assert_eq!(summary.selected().count(), 3);
}

/// A date written out is one entity, and no keyword is a number or an
/// ordinal from one.
#[test]
fn dates_are_entities_not_keywords() {
    let text = "The council approved the bridge on March 3, 2024, after a long debate. \
                Work on the bridge starts on Monday, March 10th. The old bridge opened \
                on 4 March 1938 and closed in March 2023. Traffic on the bridge fell in \
                March, and on Monday the council met again about the bridge.";
    let summary = summarize(text, &Options::default()).unwrap();
    let dates: Vec<&str> = summary
        .entities
        .iter()
        .filter(|e| e.kind == abridge::EntityKind::Date)
        .map(|e| e.text.as_str())
        .collect();
    for date in [
        "March 3, 2024",
        "March 10th",
        "4 March 1938",
        "March 2023",
        "Monday",
    ] {
        assert!(dates.contains(&date), "{date:?} in {dates:?}");
    }
    let keywords: Vec<&str> = summary.keywords.iter().map(|k| k.text.as_str()).collect();
    assert!(keywords.contains(&"bridge"), "{keywords:?}");
    for part in ["10th", "2024", "3"] {
        assert!(!keywords.contains(&part), "{part:?} in {keywords:?}");
    }
}

/// The scheme of a link is no keyword, however many links a text has.
#[test]
fn a_link_scheme_is_no_keyword() {
    let text = "Read the [release notes](https://example.com/notes) for the new parser. \
                The parser handles links, see https://example.com/links and \
                http://example.org/more for details. The parser is faster on links.";
    let summary = summarize(text, &Options::default()).unwrap();
    let keywords: Vec<&str> = summary.keywords.iter().map(|k| k.text.as_str()).collect();
    assert!(keywords.contains(&"parser"), "{keywords:?}");
    for scheme in ["https", "http"] {
        assert!(!keywords.contains(&scheme), "{scheme:?} in {keywords:?}");
    }
}

/// White space, a byte order mark (files joined with `cat` carry theirs
/// into the text), or a quotation's mark in mail and Markdown ("> "): all that
/// may lie outside the units.
fn blank(c: char) -> bool {
    c.is_whitespace() || c == '\u{feff}' || c == '>'
}
