//! Tests of the `abridge` command: help and version, formats, standard input,
//! the JSONL batch protocol, usage errors (exit 2), I/O errors (exit 1), bad
//! UTF-8, legacy encodings, binary files, web pages and a closed pipe. Every failure must be a one-line message, never a
//! panic.

use std::io::{BufRead, BufReader, Read, Write};
use std::process::{Command, Output, Stdio};

const BRIDGE: &str = include_str!("fixtures/news-bridge.txt");
const GERMAN: &str = include_str!("fixtures/news-de.txt");
const STORM: &str = include_str!("fixtures/news-storm.txt");

fn fixture_path(name: &str) -> String {
    format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"))
}

fn abridge() -> Command {
    Command::new(env!("CARGO_BIN_EXE_abridge"))
}

/// Runs `abridge args` with `stdin` as its input.
fn run(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = abridge()
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn abridge");
    let mut input = child.stdin.take().unwrap();
    let data = stdin.to_vec();
    // Feed from a thread so that a large input cannot deadlock against the output.
    let writer = std::thread::spawn(move || {
        // The program may exit without reading (usage errors): ignore EPIPE.
        let _ = input.write_all(&data);
    });
    let output = child.wait_with_output().expect("wait for abridge");
    writer.join().unwrap();
    output
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).expect("stdout is UTF-8")
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn assert_no_panic(name: &str, output: &Output) {
    let err = stderr(output);
    assert!(
        !err.contains("panicked") && !err.contains("RUST_BACKTRACE"),
        "{name}: panic on stderr: {err}"
    );
    #[cfg(unix)]
    {
        use std::os::unix::process::ExitStatusExt;
        assert_eq!(
            output.status.signal(),
            None,
            "{name}: killed by a signal (an abort?); stderr: {err}"
        );
    }
}

fn assert_exit(name: &str, output: &Output, code: i32) {
    assert_no_panic(name, output);
    assert_eq!(
        output.status.code(),
        Some(code),
        "{name}: exit status; stderr: {}",
        stderr(output)
    );
}

// ---------------------------------------------------------------------------
// Help, version, sample
// ---------------------------------------------------------------------------

#[test]
fn help_and_version() {
    for flag in ["--help", "-h"] {
        let output = run(&[flag], b"");
        assert_exit(flag, &output, 0);
        let out = stdout(&output);
        assert!(out.contains("Usage"), "{flag}: {out}");
        for documented in ["--sentences", "--ratio", "--words", "--chars", "--jsonl"] {
            assert!(
                out.contains(documented),
                "{flag} does not mention {documented}"
            );
        }
    }
    for flag in ["--version", "-V"] {
        let output = run(&[flag], b"");
        assert_exit(flag, &output, 0);
        assert_eq!(
            stdout(&output).trim(),
            format!("abridge {}", env!("CARGO_PKG_VERSION")),
            "{flag}"
        );
    }
}

#[test]
fn sample_prints_three_lines() {
    let output = run(&["--sample"], b"");
    assert_exit("--sample", &output, 0);
    let out = stdout(&output);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 3, "--sample: {out}");
    assert!(
        lines.iter().all(|l| !l.trim().is_empty()),
        "--sample: {out}"
    );
}

// ---------------------------------------------------------------------------
// Formats and inputs
// ---------------------------------------------------------------------------

#[test]
fn text_format_is_one_sentence_per_line() {
    let path = fixture_path("news-bridge.txt");
    for (name, args) in [
        ("default", vec![path.as_str()]),
        ("--format text", vec!["--format", "text", path.as_str()]),
        ("--format=text", vec!["--format=text", path.as_str()]),
        ("--sentences 4", vec!["--sentences", "4", path.as_str()]),
    ] {
        let output = run(&args, b"");
        assert_exit(name, &output, 0);
        let out = stdout(&output);
        let expected = if name == "--sentences 4" { 4 } else { 3 };
        assert_eq!(out.lines().count(), expected, "{name}: {out}");
        for line in out.lines() {
            assert!(
                BRIDGE.contains(line),
                "{name}: {line:?} is not verbatim from the text"
            );
        }
    }
}

#[test]
fn a_text_copied_from_a_pdf_is_written_a_sentence_a_line_its_words_whole() {
    let path = fixture_path("paper-pdf.txt");
    let text = std::fs::read_to_string(&path).unwrap();
    let json = run(&["--ratio", "1", "--format", "json", &path], b"");
    assert_exit("json", &json, 0);
    let json: serde_json::Value = serde_json::from_str(&stdout(&json)).unwrap();
    let sentences: Vec<&str> = json["sentences"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|s| s["selected"] == true)
        .map(|s| s["text"].as_str().unwrap())
        .collect();
    assert!(sentences.iter().any(|s| s.contains("ener-\ngy")));
    let letters = |s: &str| -> String {
        s.chars()
            .filter(|c| !c.is_whitespace() && *c != '-')
            .collect()
    };
    for args in [
        ["--ratio", "1", "--format", "text"],
        ["--ratio", "1", "--format", "markdown"],
    ] {
        let output = run(&[&args[..], &[path.as_str()]].concat(), b"");
        assert_exit(args[3], &output, 0);
        let out = stdout(&output);
        let lines: Vec<&str> = out
            .lines()
            .map(|line| {
                line.strip_prefix(if args[3] == "markdown" { "- " } else { "" })
                    .unwrap()
            })
            .collect();
        assert_eq!(lines.len(), sentences.len(), "{out}");
        for (line, sentence) in lines.iter().zip(&sentences) {
            // Only line breaks, and hyphens at them, went.
            assert_eq!(letters(line), letters(sentence), "{line}");
        }
        for whole in [
            "We present a method for estimating the energy use of data centres from public records alone.",
            // "Self-supervised" elsewhere keeps the hyphen of "self-\nsupervised".
            "Our self-supervised model learns from 214 sites whose consumption is known and predicts the rest within 11% on average.",
            "The model reads each record as a set of state-of-the-art features: floor area, connection capacity, permitted water draw and the year of construction.",
        ] {
            assert!(lines.contains(&whole), "{whole} not in {out}");
        }
    }
    // The JSON keeps each sentence verbatim, as its offsets say.
    assert!(sentences.iter().all(|s| text.contains(s)));
}

#[test]
fn markdown_format_is_bullets() {
    let output = run(
        &["--format", "markdown", &fixture_path("news-storm.txt")],
        b"",
    );
    assert_exit("markdown", &output, 0);
    let out = stdout(&output);
    assert_eq!(out.lines().count(), 3, "markdown: {out}");
    for line in out.lines() {
        let body = line
            .strip_prefix("- ")
            .unwrap_or_else(|| panic!("markdown: line {line:?} is not a bullet"));
        assert!(STORM.contains(body), "markdown: {body:?} not from the text");
    }
}

#[test]
fn a_list_item_in_markdown_is_one_bullet() {
    let list = "The plan has three steps.\n\n- Close the old bridge to lorries from May.\n- Build the new bridge beside it by next spring.\n";
    let output = run(&["--format", "markdown", "--ratio", "1"], list.as_bytes());
    assert_exit("markdown of a list", &output, 0);
    let out = stdout(&output);
    assert!(out.contains("\n- Close the old bridge"), "{out}");
    assert!(!out.contains("- - "), "{out}");
}

#[test]
fn json_format_parses() {
    let output = run(&["--format", "json", &fixture_path("news-bridge.txt")], b"");
    assert_exit("json", &output, 0);
    let json: serde_json::Value =
        serde_json::from_str(&stdout(&output)).expect("json: stdout is JSON");
    let sentences = json["sentences"].as_array().expect("json: sentences array");
    assert!(sentences.len() > 10, "json: {} sentences", sentences.len());
    assert!(json["summary"].is_string(), "json: summary");
    assert_eq!(json["language"], "en", "json: language");
    let selected: Vec<&serde_json::Value> =
        sentences.iter().filter(|s| s["selected"] == true).collect();
    assert_eq!(selected.len(), 3, "json: selected");
    // Every sentence's text is the slice its offsets name.
    for s in sentences {
        let text = s["text"].as_str().expect("json: sentence text");
        let (start, end) = (
            s["byteStart"].as_u64().unwrap() as usize,
            s["byteEnd"].as_u64().unwrap() as usize,
        );
        assert_eq!(&BRIDGE[start..end], text, "json: byte offsets");
        let utf16: Vec<u16> = BRIDGE.encode_utf16().collect();
        let (start, end) = (
            s["start"].as_u64().unwrap() as usize,
            s["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(
            String::from_utf16(&utf16[start..end]).unwrap(),
            text,
            "json: UTF-16 offsets"
        );
    }
    let summary = json["summary"].as_str().unwrap();
    for s in selected {
        assert!(
            summary.contains(s["text"].as_str().unwrap()),
            "json: summary"
        );
    }
    assert!(json["keywords"].is_array() && json["entities"].is_array());
    assert!(json["stats"]["sentencesIn"].as_u64().unwrap() > 10);
}

#[test]
fn explain_lists_every_sentence() {
    let output = run(&["--explain", &fixture_path("news-bridge.txt")], b"");
    assert_exit("--explain", &output, 0);
    let out = stdout(&output);
    assert!(out.contains("score"), "--explain: no header: {out}");
    let sentences = abridge::summarize(BRIDGE, &abridge::Options::default())
        .unwrap()
        .sentences
        .len();
    assert!(
        out.lines().count() > sentences,
        "--explain: {} lines for {sentences} sentences",
        out.lines().count()
    );
    assert_eq!(out.matches('✓').count(), 3, "--explain: picks: {out}");
}

#[test]
fn standard_input() {
    let from_file = run(&[&fixture_path("news-de.txt")], b"");
    assert_exit("file", &from_file, 0);
    for (name, args) in [("no FILE", vec![]), ("FILE -", vec!["-"])] {
        let output = run(&args, GERMAN.as_bytes());
        assert_exit(name, &output, 0);
        assert_eq!(
            stdout(&output),
            stdout(&from_file),
            "{name}: stdin and file differ"
        );
        assert_eq!(stdout(&output).lines().count(), 3, "{name}");
    }
    let empty = run(&[], b"");
    assert_exit("empty stdin", &empty, 0);
    assert_eq!(stdout(&empty), "", "empty stdin gives an empty summary");
}

#[test]
fn language_flag() {
    for (name, args) in [
        (
            "--language de",
            vec!["--language", "de", "--format", "json"],
        ),
        ("--lang=de", vec!["--lang=de", "--format", "json"]),
        (
            "--language German",
            vec!["--language", "German", "--format", "json"],
        ),
    ] {
        let output = run(&args, BRIDGE.as_bytes());
        assert_exit(name, &output, 0);
        let json: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
        assert_eq!(json["language"], "de", "{name}");
    }
}

// ---------------------------------------------------------------------------
// JSONL batches
// ---------------------------------------------------------------------------

/// `--weights cues=0` switches the cue-phrase bonus off and leaves the rest: the
/// sentence that says "In conclusion" is picked only with the bonus.
#[test]
fn the_cue_weight_is_a_switch() {
    let text = "The council met on Monday in the town hall. \
        Members discussed the budget for the coming year and the roads. \
        The mayor spoke about the roads in the north. \
        Several residents asked about the new library. \
        The treasurer presented the accounts of last year. \
        A vote on the parking fees was postponed. \
        In conclusion, the council approved the budget for the roads in the north. \
        The next meeting is planned for the spring.";
    let conclusion = "In conclusion, the council approved";
    let summary = |weights: &str| {
        let output = run(&["--sentences", "2", "--weights", weights], text.as_bytes());
        assert_exit(weights, &output, 0);
        stdout(&output)
    };
    assert!(summary("cues=1").contains(conclusion));
    assert_eq!(
        summary("cues=1"),
        summary("salience=0.4"),
        "1 is the default"
    );
    let off = summary("cues=0");
    assert!(!off.contains(conclusion), "{off}");
    assert_eq!(off.lines().count(), 2, "{off}");
    let output = run(&["--weights", "cues=11"], text.as_bytes());
    assert_exit("cues=11", &output, 2);
    assert!(
        stderr(&output).contains("weights.cues"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn jsonl_batch_reports_errors_and_continues() {
    let good = serde_json::json!({ "id": "first", "text": BRIDGE, "sentences": 2 });
    let zero = serde_json::json!({ "id": 42, "text": STORM, "sentences": 0 });
    let last = serde_json::json!({ "id": ["x", 3], "text": GERMAN, "lang": "de" });
    let input = format!("{good}\n{{not json at all\n{zero}\n{last}\n");
    let output = run(&["--jsonl"], input.as_bytes());
    assert_exit("--jsonl", &output, 0);
    let out = stdout(&output);
    let lines: Vec<serde_json::Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("--jsonl: {l:?}: {e}")))
        .collect();
    assert_eq!(
        lines.len(),
        4,
        "--jsonl: one output line per input line: {out}"
    );

    assert_eq!(lines[0]["id"], "first");
    assert!(lines[0].get("error").is_none(), "first: {}", lines[0]);
    let summary = lines[0]["summary"].as_str().unwrap();
    assert_eq!(summary.lines().count(), 2, "first: sentences 2: {summary}");
    assert!(summary.lines().all(|l| BRIDGE.contains(l)));

    assert!(lines[1]["id"].is_null(), "bad JSON has no id: {}", lines[1]);
    let error = lines[1]["error"].as_str().expect("bad JSON: error");
    assert!(error.contains("line 2"), "bad JSON: {error}");

    assert_eq!(lines[2]["id"], 42, "sentences 0: id preserved");
    let error = lines[2]["error"].as_str().expect("sentences 0: error");
    assert!(error.contains("sentences"), "sentences 0: {error}");
    assert_eq!(lines[2]["summary"], "");

    assert_eq!(
        lines[3]["id"],
        serde_json::json!(["x", 3]),
        "last: id preserved"
    );
    assert!(lines[3].get("error").is_none(), "last: {}", lines[3]);
    assert_eq!(lines[3]["summary"].as_str().unwrap().lines().count(), 3);
}

#[test]
fn jsonl_three_lines() {
    // The protocol's basic contract: N lines in, N lines out, ids in order.
    let input = [
        serde_json::json!({ "id": 1, "text": BRIDGE }).to_string(),
        "[1, 2".to_string(),
        serde_json::json!({ "id": 3, "text": STORM, "sentences": 0 }).to_string(),
    ]
    .join("\n");
    let output = run(&["--jsonl"], input.as_bytes());
    assert_exit("--jsonl", &output, 0);
    let out = stdout(&output);
    let ids: Vec<serde_json::Value> = out
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()["id"].clone())
        .collect();
    assert_eq!(
        ids,
        [
            serde_json::json!(1),
            serde_json::Value::Null,
            serde_json::json!(3)
        ]
    );
}

#[test]
fn jsonl_answers_each_line_before_the_next_arrives() {
    // A driver writes one request and waits for its answer: the answer must be
    // flushed without waiting for end of input.
    let mut child = abridge()
        .arg("--jsonl")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut input = child.stdin.take().unwrap();
    let mut reader = BufReader::new(child.stdout.take().unwrap());
    for id in 0..3 {
        let request = serde_json::json!({ "id": id, "text": BRIDGE, "sentences": 1 });
        writeln!(input, "{request}").unwrap();
        input.flush().unwrap();
        let mut line = String::new();
        reader.read_line(&mut line).unwrap();
        let answer: serde_json::Value = serde_json::from_str(&line).unwrap();
        assert_eq!(answer["id"], id);
    }
    drop(input);
    let status = child.wait().unwrap();
    assert!(status.success());
}

// ---------------------------------------------------------------------------
// Errors
// ---------------------------------------------------------------------------

#[test]
fn usage_errors_exit_2_with_one_line() {
    // (name, arguments, a word the message must contain)
    let cases: &[(&str, &[&str], &str)] = &[
        ("unknown flag", &["--bogus"], "--bogus"),
        ("unknown short flag", &["-x"], "-x"),
        ("sentences abc", &["--sentences", "abc"], "abc"),
        ("sentences -1", &["--sentences", "-1"], "--sentences"),
        ("sentences 0", &["--sentences", "0"], "sentences"),
        ("sentences without a value", &["--sentences"], "--sentences"),
        ("ratio 7", &["--ratio", "7"], "ratio"),
        ("ratio 0", &["--ratio=0"], "ratio"),
        ("ratio NaN", &["--ratio", "NaN"], "ratio"),
        ("words 1.5", &["--words", "1.5"], "--words"),
        ("chars x", &["--chars", "x"], "--chars"),
        (
            "two length flags",
            &["--sentences", "2", "--words", "10"],
            "--words",
        ),
        (
            "ratio and chars",
            &["--ratio", "0.5", "--chars", "100"],
            "--chars",
        ),
        ("language klingon", &["--language", "klingon"], "klingon"),
        ("redundancy 2", &["--redundancy", "2"], "redundancy"),
        ("format yaml", &["--format", "yaml"], "yaml"),
        ("sample and a file", &["--sample", "a.txt"], "--sample"),
        (
            "sentences twice",
            &["--sentences", "2", "--sentences", "3"],
            "given twice",
        ),
        (
            "a batch and a format",
            &["--jsonl", "--format", "json"],
            "--format",
        ),
        (
            "a batch and explain",
            &["--jsonl", "--explain"],
            "--explain",
        ),
        (
            "a batch and the sample",
            &["--jsonl", "--sample"],
            "--sample",
        ),
        (
            "a switch given a value",
            &["--explain=yes"],
            "--explain takes no value",
        ),
    ];
    for &(name, args, word) in cases {
        let output = run(args, b"Some text. More text.");
        assert_exit(name, &output, 2);
        let err = stderr(&output);
        assert_eq!(
            err.trim_end().lines().count(),
            1,
            "{name}: the message should be one line: {err:?}"
        );
        assert!(
            err.contains(word),
            "{name}: message does not name {word:?}: {err:?}"
        );
        assert!(stdout(&output).is_empty(), "{name}: printed to stdout");
    }
}

#[test]
fn io_errors_exit_1_without_a_panic() {
    let missing = format!("{}/no/such/file.txt", env!("CARGO_MANIFEST_DIR"));
    let directory = fixture_path("");
    for (name, path) in [
        ("missing file", missing.as_str()),
        ("a directory", &directory),
    ] {
        let output = run(&[path], b"");
        assert_exit(name, &output, 1);
        let err = stderr(&output);
        assert!(err.starts_with("abridge: "), "{name}: {err:?}");
        assert!(
            err.contains(path.trim_end_matches('/')),
            "{name}: path not named: {err:?}"
        );
        assert_eq!(err.trim_end().lines().count(), 1, "{name}: {err:?}");
    }
}

#[test]
fn write_error_exits_1() {
    let Ok(full) = std::fs::File::create("/dev/full") else {
        return; // not Linux
    };
    let output = abridge()
        .arg("--sample")
        .stdout(full)
        .stderr(Stdio::piped())
        .output()
        .unwrap();
    assert_exit("stdout on /dev/full", &output, 1);
    assert!(!stderr(&output).is_empty(), "no message for a failed write");
}

#[test]
fn help_into_a_full_disk_exits_1() {
    let Ok(full) = std::fs::File::create("/dev/full") else {
        return; // not Linux
    };
    let output = abridge()
        .arg("--help")
        .stdout(full)
        .stderr(Stdio::piped())
        .output()
        .unwrap();
    assert_exit("--help on /dev/full", &output, 1);
    assert!(stderr(&output).contains("abridge: "), "{}", stderr(&output));
}

#[test]
fn an_endless_binary_input_is_refused_without_reading_it_all() {
    let Ok(zeros) = std::fs::File::open("/dev/zero") else {
        return; // not Unix
    };
    for output in [
        abridge().stdin(zeros).output().unwrap(),
        abridge().arg("/dev/zero").output().unwrap(),
    ] {
        assert_exit("/dev/zero", &output, 1);
        assert!(
            stderr(&output).contains("binary data"),
            "{}",
            stderr(&output)
        );
    }
}

#[test]
fn a_read_error_on_standard_input_names_it() {
    let directory = std::fs::File::open(fixture_path("")).unwrap();
    let output = abridge()
        .stdin(directory)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .output()
        .unwrap();
    assert_exit("a directory as standard input", &output, 1);
    let err = stderr(&output);
    assert!(err.contains("cannot read standard input"), "{err:?}");
}

#[cfg(unix)]
#[test]
fn a_file_name_that_is_not_utf8_is_read() {
    use std::os::unix::ffi::OsStrExt;
    let directory = std::env::temp_dir().join(format!("abridge-cli-{}", std::process::id()));
    std::fs::create_dir_all(&directory).unwrap();
    let path = directory.join(std::ffi::OsStr::from_bytes(b"caf\xe9.txt"));
    std::fs::write(&path, BRIDGE).unwrap();
    let output = abridge().arg(&path).output().unwrap();
    let other = abridge()
        .args([
            std::ffi::OsStr::new("--language"),
            std::ffi::OsStr::from_bytes(b"\xff"),
        ])
        .output()
        .unwrap();
    std::fs::remove_dir_all(&directory).unwrap();
    assert_exit("a Latin-1 file name", &output, 0);
    let out = stdout(&output);
    assert_eq!(out.lines().count(), 3, "{out}");
    assert!(out.lines().all(|line| BRIDGE.contains(line)), "{out}");
    assert_exit("a language that is not UTF-8", &other, 2);
    assert!(stderr(&other).contains("--language"), "{}", stderr(&other));
}

#[test]
fn jsonl_reads_its_files_and_tells_their_lines_apart() {
    let directory = std::env::temp_dir().join(format!("abridge-batch-{}", std::process::id()));
    std::fs::create_dir_all(&directory).unwrap();
    let first = directory.join("first.jsonl");
    let second = directory.join("second.jsonl");
    let request =
        |id: &str, text: &str| serde_json::json!({ "id": id, "text": text, "sentences": 1 });
    // The first file opens with a byte order mark, as Windows tools write it.
    std::fs::write(&first, format!("\u{FEFF}{}\n", request("a", BRIDGE))).unwrap();
    let lines = [
        request("b", STORM).to_string(),
        r#"{"id":"c","text":"One. Two. Three.","sentences":1.5}"#.to_string(),
        r#"{"id":"d","text":"One. Two. Three.","sentences":1,"words":5}"#.to_string(),
    ];
    std::fs::write(&second, lines.join("\n")).unwrap();
    let output = abridge()
        .arg("--jsonl")
        .args([&first, &second])
        .output()
        .unwrap();
    std::fs::remove_dir_all(&directory).unwrap();
    assert_exit("--jsonl FILE FILE", &output, 0);
    let answers: Vec<serde_json::Value> = stdout(&output)
        .lines()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect();
    let ids: Vec<&str> = answers.iter().map(|a| a["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["a", "b", "c", "d"]);
    assert!(answers[0].get("error").is_none(), "{}", answers[0]);
    assert!(BRIDGE.contains(answers[0]["summary"].as_str().unwrap()));
    assert!(STORM.contains(answers[1]["summary"].as_str().unwrap()));
    let error = answers[2]["error"].as_str().unwrap();
    assert!(error.contains("second.jsonl line 2"), "{error}");
    assert!(error.contains("whole number"), "{error}");
    let error = answers[3]["error"].as_str().unwrap();
    assert!(error.contains("\"sentences\" and \"words\""), "{error}");
}

#[test]
fn subtitles_are_read_as_their_cues() {
    // The interview as WebVTT captions, each turn a cue of a named voice: its
    // summary is the transcript's, each sentence with its speaker's label.
    let vtt = run(&[&fixture_path("interview-harbour.vtt")], b"");
    let txt = run(&[&fixture_path("interview-harbour.txt")], b"");
    assert_exit("a .vtt file", &vtt, 0);
    let unlabelled = |out: &Output| -> Vec<String> {
        stdout(out)
            .lines()
            .map(|line| {
                line.split_once(": ")
                    .map_or(line, |(_, said)| said)
                    .to_string()
            })
            .collect()
    };
    assert_eq!(unlabelled(&vtt), unlabelled(&txt));
    // Its JSON report gives the text it read, which the offsets refer to: the
    // cues and their times, without the header, notes, styles, identifiers or markup.
    let vtt_text = std::fs::read_to_string(fixture_path("interview-harbour.vtt")).unwrap();
    for (name, output) in [
        (
            "file",
            run(
                &["--format", "json", &fixture_path("interview-harbour.vtt")],
                b"",
            ),
        ),
        (
            "standard input",
            run(&["--format", "json"], vtt_text.as_bytes()),
        ),
    ] {
        let report: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
        assert_eq!(report["kind"], "conversation", "{name}");
        let text = report["text"].as_str().unwrap();
        assert!(
            text.starts_with("00:00:01.000 --> 00:00:03.000\nInterviewer: Thanks"),
            "{name}: {text}"
        );
        for gone in ["WEBVTT", "NOTE", "STYLE", "intro", "<v", "<i>"] {
            assert!(!text.contains(gone), "{name}: {gone} in {text}");
        }
        assert!(text.contains("at a cost of €31 million."), "{name}");
    }
    // An SRT file's markup goes; its layout stays.
    let srt = "1\n00:00:01,000 --> 00:00:04,000\n<i>The gate closed 41 times last winter.</i>\n\n\
        2\n00:00:04,500 --> 00:00:08,000\n<font color=\"yellow\">Every closure wears the hinges.</font>\n";
    let path = std::env::temp_dir().join(format!("abridge-cues-{}.srt", std::process::id()));
    std::fs::write(&path, srt).unwrap();
    let output = abridge().arg(&path).output().unwrap();
    std::fs::remove_file(&path).unwrap();
    assert_eq!(
        stdout(&output),
        "The gate closed 41 times last winter.\nEvery closure wears the hinges.\n"
    );
}

#[test]
fn after_a_double_dash_every_argument_is_a_file() {
    let directory = std::env::temp_dir().join(format!("abridge-dash-{}", std::process::id()));
    std::fs::create_dir_all(&directory).unwrap();
    std::fs::write(directory.join("-notes.txt"), BRIDGE).unwrap();
    let output = abridge()
        .current_dir(&directory)
        .args(["--sentences", "1", "--", "-notes.txt"])
        .output()
        .unwrap();
    std::fs::remove_dir_all(&directory).unwrap();
    assert_exit("-- -notes.txt", &output, 0);
    assert!(
        BRIDGE.contains(stdout(&output).trim()),
        "{}",
        stdout(&output)
    );
}

#[test]
fn an_empty_input_is_said_to_hold_no_text() {
    for input in ["", "  \n\n\t "] {
        let output = run(&[], input.as_bytes());
        assert_exit("empty input", &output, 0);
        assert_eq!(stdout(&output), "");
        assert!(
            stderr(&output).contains("standard input holds no text"),
            "{}",
            stderr(&output)
        );
    }
}

#[test]
fn weights_given_twice_add_up() {
    let explain = |args: &[&str]| stdout(&run(&[&["--sample", "--explain"], args].concat(), b""));
    let both = explain(&["--weights", "position=0", "--weights", "cues=0"]);
    assert_eq!(both, explain(&["--weights", "position=0,cues=0"]));
    assert_ne!(both, explain(&["--weights", "cues=0"]));
}

#[test]
fn invalid_utf8_is_replaced_with_a_warning() {
    let mut input = b"The council approved the bridge plan on Tuesday. ".to_vec();
    input.extend_from_slice(b"Bad bytes \xff\xfe\xc3 here. ");
    input.extend_from_slice(b"The mayor welcomed the council's vote.\n");
    let output = run(&[], &input);
    assert_exit("invalid UTF-8", &output, 0);
    let err = stderr(&output);
    assert!(
        err.contains("warning"),
        "invalid UTF-8: no warning: {err:?}"
    );
    assert!(err.contains("UTF-8"), "invalid UTF-8: {err:?}");
    let out = stdout(&output);
    assert!(out.contains("council"), "invalid UTF-8: {out:?}");

    // The same in a batch line: the line is decoded lossily, the batch goes on.
    let mut batch = b"{\"id\": 1, \"text\": \"Caf\xe9 society. A second sentence.\"}\n".to_vec();
    batch.extend_from_slice(b"{\"id\": 2, \"text\": \"Fine.\"}\n");
    let output = run(&["--jsonl"], &batch);
    assert_exit("invalid UTF-8 in a batch", &output, 0);
    assert_eq!(stdout(&output).lines().count(), 2);
}

/// 4 MB of news: enough output that a reader closing the pipe early is seen.
fn big_text() -> String {
    let mut big = String::new();
    while big.len() < 4 << 20 {
        big.push_str(BRIDGE);
        big.push_str("\n\n");
        big.push_str(STORM);
        big.push_str("\n\n");
    }
    big
}

#[test]
fn closed_pipe_is_not_a_panic() {
    // `abridge --ratio 1 big.txt | head -1`: the reader goes away early.
    let big = big_text();
    for args in [
        vec!["--ratio", "1"],
        vec!["--explain"],
        vec!["--format", "json"],
    ] {
        let name = args.join(" ");
        let mut child = abridge()
            .args(&args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut input = child.stdin.take().unwrap();
        let data = big.clone();
        let writer = std::thread::spawn(move || {
            let _ = input.write_all(data.as_bytes());
        });
        let (line, err, status) = first_line_then_close(&mut child);
        assert!(!line.is_empty(), "{name}: no first line");
        writer.join().unwrap();
        assert!(!err.contains("panicked"), "{name}: {err}");
        #[cfg(unix)]
        {
            use std::os::unix::process::ExitStatusExt;
            assert_eq!(status.signal(), None, "{name}: killed by a signal; {err}");
        }
        assert!(status.success(), "{name}: {status}; {err}");
    }

    // The batch mode, too.
    let mut batch = String::new();
    for id in 0..2000 {
        batch.push_str(&serde_json::json!({ "id": id, "text": BRIDGE }).to_string());
        batch.push('\n');
    }
    let mut child = abridge()
        .arg("--jsonl")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut input = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || {
        let _ = input.write_all(batch.as_bytes());
    });
    let (_, err, status) = first_line_then_close(&mut child);
    writer.join().unwrap();
    assert!(!err.contains("panicked"), "--jsonl: {err}");
    assert!(status.success(), "--jsonl: {status}; {err}");
}

/// Runs `abridge args` with the given redirection of its output into a pipe whose
/// reader has already gone (`abridge --help | true`), through `sh`; returns the
/// exit status and what reached the test's standard error.
#[cfg(unix)]
fn into_closed_pipe(args: &str, redirect: &str) -> (i32, String) {
    let script =
        format!("{{ sleep 0.3; \"$0\" {args} {redirect}; echo \"status=$?\" >&2; }} | true");
    let output = Command::new("sh")
        .args(["-c", &script, env!("CARGO_BIN_EXE_abridge")])
        .env("RUST_BACKTRACE", "1")
        .output()
        .expect("run sh");
    let err = stderr(&output);
    let status = err
        .lines()
        .find_map(|l| l.strip_prefix("status="))
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| panic!("{args}: no status: {err}"));
    (status, err)
}

#[cfg(unix)]
#[test]
fn messages_into_a_closed_pipe_are_not_a_panic() {
    for (args, redirect, code) in [
        ("--help", "", 0),
        ("--version", "", 0),
        ("--sample", "", 0),
        ("--format json --sample", "", 0),
        // The error message itself cannot be written: still the right status.
        ("/no/such/file.txt", "2>&1", 1),
        ("--sentences 0 --sample", "2>&1", 2),
    ] {
        let (status, err) = into_closed_pipe(args, redirect);
        assert!(
            !err.contains("panicked") && !err.contains("backtrace"),
            "{args}: {err}"
        );
        assert_eq!(status, code, "{args}: {err}");
    }
}

/// A file the kernel refuses to read even for root (`/proc/self/mem` at offset 0),
/// and a file without read permission (when not root): one line, exit 1.
#[cfg(target_os = "linux")]
#[test]
fn unreadable_file_exits_1_with_one_line() {
    use std::os::unix::fs::PermissionsExt;
    let locked = std::env::temp_dir().join(format!("abridge-locked-{}.txt", std::process::id()));
    std::fs::write(&locked, BRIDGE).unwrap();
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).unwrap();
    // Root reads it anyway; then only the /proc case applies.
    let locked_is_unreadable = std::fs::read(&locked).is_err();
    let locked_path = locked.to_str().unwrap().to_string();
    let mut cases = vec![("/proc/self/mem", "/proc/self/mem".to_string())];
    if locked_is_unreadable {
        cases.push(("a file without read permission", locked_path.clone()));
    }
    for (name, path) in &cases {
        let output = run(&[path], b"");
        assert_exit(name, &output, 1);
        let err = stderr(&output);
        assert!(err.starts_with("abridge: cannot read "), "{name}: {err:?}");
        assert!(
            err.contains(path.as_str()),
            "{name}: path not named: {err:?}"
        );
        assert_eq!(err.trim_end().lines().count(), 1, "{name}: {err:?}");
        assert!(stdout(&output).is_empty(), "{name}: printed a summary");
    }
    std::fs::remove_file(&locked).unwrap();
}

/// Several files: each summary, the same as the file's alone, under a header
/// naming it (`==> FILE <==`, markdown `## FILE`), a blank line between; `-` is
/// standard input.
#[test]
fn several_files_each_under_a_header() {
    let files = ["news-bridge.txt", "news-storm.txt", "news-fr.txt"].map(fixture_path);
    let alone = |path: &str, format: &str| stdout(&run(&["--format", format, path], b""));
    for (format, (before, after)) in [("text", ("==> ", " <==\n")), ("markdown", ("## ", "\n\n"))] {
        let header = |f: &str| format!("{before}{f}{after}");
        let mut args = vec!["--format", format];
        args.extend(files.iter().map(String::as_str));
        let output = run(&args, b"");
        assert_exit(format, &output, 0);
        let expected: Vec<String> = files
            .iter()
            .map(|f| format!("{}{}", header(f), alone(f, format)))
            .collect();
        assert_eq!(stdout(&output), expected.join("\n"), "{format}");
    }
    let output = run(&["--sentences", "1", &files[0], "-"], STORM.as_bytes());
    assert_exit("a file and standard input", &output, 0);
    let text = stdout(&output);
    let stdin_part = text
        .split("==> standard input <==\n")
        .nth(1)
        .expect("a header for -");
    assert_eq!(
        stdin_part,
        stdout(&run(&["--sentences", "1"], STORM.as_bytes()))
    );
}

/// `--format json` with several files: one array, each report the file's own
/// with its name first.
#[test]
fn several_files_as_one_json_array() {
    let files = ["news-bridge.txt", "news-de.txt"].map(fixture_path);
    let output = run(&["--format", "json", &files[0], &files[1]], b"");
    assert_exit("json", &output, 0);
    let text = stdout(&output);
    let reports: Vec<serde_json::Value> = serde_json::from_str(&text).expect("one JSON array");
    assert_eq!(reports.len(), 2);
    assert!(
        text.starts_with("[\n{\n  \"file\""),
        "the name first: {}",
        &text[..40]
    );
    for (report, file) in reports.iter().zip(&files) {
        let mut report = report.clone();
        let name = report.as_object_mut().unwrap().remove("file");
        assert_eq!(name, Some(serde_json::Value::from(file.as_str())));
        let alone: serde_json::Value =
            serde_json::from_str(&stdout(&run(&["--format", "json", file], b""))).unwrap();
        assert_eq!(report, alone, "{file}");
    }
}

/// A file that cannot be read among several: the others are still summarized,
/// the failure is named on standard error, and the exit status is 1.
#[test]
fn an_unreadable_file_does_not_lose_the_others() {
    let bridge = fixture_path("news-bridge.txt");
    let storm = fixture_path("news-storm.txt");
    let missing = fixture_path("no-such-file.txt");
    let output = run(&["--sentences", "1", &bridge, &missing, &storm], b"");
    assert_exit("text", &output, 1);
    let expected = [&bridge, &storm].map(|f| {
        format!(
            "==> {f} <==\n{}",
            stdout(&run(&["--sentences", "1", f], b""))
        )
    });
    assert_eq!(stdout(&output), expected.join("\n"));
    let err = stderr(&output);
    assert!(err.contains(&format!("cannot read {missing}")), "{err}");
    assert!(err.contains("1 of 3 files could not be read"), "{err}");

    let output = run(&["--format", "json", &missing, &bridge], b"");
    assert_exit("json", &output, 1);
    let reports: Vec<serde_json::Value> = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!(reports[0]["file"], missing.as_str());
    assert!(reports[0]["error"]
        .as_str()
        .unwrap()
        .contains("cannot read"));
    assert_eq!(reports[1]["file"], bridge.as_str());
    assert!(reports[1]["summary"]
        .as_str()
        .unwrap()
        .starts_with("RIVERTON"));
}

/// A file in a legacy encoding (here Latin-1): the warning names the file and
/// the encoding it was read in, and the letters survive.
#[test]
fn a_latin1_file_is_read_as_windows_1252() {
    let path = std::env::temp_dir().join(format!("abridge-latin1-{}.txt", std::process::id()));
    let mut bytes = b"Caf\xe9 owners met the council on Tuesday. ".to_vec();
    bytes.extend_from_slice(b"The council approved the bridge plan.\n");
    std::fs::write(&path, &bytes).unwrap();
    let path_str = path.to_str().unwrap();
    let output = run(&[path_str], b"");
    assert_exit("Latin-1 file", &output, 0);
    let err = stderr(&output);
    assert!(
        err.contains(path_str) && err.contains("not UTF-8") && err.contains("windows-1252"),
        "warning does not name the file and the encoding: {err:?}"
    );
    assert_eq!(err.trim_end().lines().count(), 1, "{err:?}");
    assert!(
        stdout(&output).contains("Caf\u{e9} owners"),
        "{:?}",
        stdout(&output)
    );
    std::fs::remove_file(&path).unwrap();
}

/// A UTF-16 file with a byte order mark is text like any other: no warning.
#[test]
fn a_utf16_file_is_read() {
    let path = std::env::temp_dir().join(format!("abridge-utf16-{}.txt", std::process::id()));
    let mut bytes = vec![0xFF, 0xFE];
    for unit in BRIDGE.encode_utf16() {
        bytes.extend_from_slice(&unit.to_le_bytes());
    }
    std::fs::write(&path, &bytes).unwrap();
    let output = run(&[path.to_str().unwrap()], b"");
    assert_exit("UTF-16 file", &output, 0);
    assert_eq!(stderr(&output), "");
    assert_eq!(stdout(&output), stdout(&run(&[], BRIDGE.as_bytes())));
    std::fs::remove_file(&path).unwrap();
}

/// A binary file is refused in one line, and with several files the others
/// are still summarized.
#[test]
fn a_binary_file_is_refused() {
    let path = std::env::temp_dir().join(format!("abridge-binary-{}.bin", std::process::id()));
    std::fs::write(
        &path,
        b"\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00 The council approved the plan.",
    )
    .unwrap();
    let path_str = path.to_str().unwrap();
    let output = run(&[path_str], b"");
    assert_exit("binary file", &output, 1);
    let err = stderr(&output);
    assert!(err.contains(path_str) && err.contains("binary"), "{err:?}");
    assert_eq!(err.trim_end().lines().count(), 1, "{err:?}");
    assert_eq!(stdout(&output), "");

    let bridge = fixture_path("news-bridge.txt");
    let output = run(&[&bridge, path_str], b"");
    assert_exit("binary file among others", &output, 1);
    assert!(
        stdout(&output).contains("Riverton"),
        "{:?}",
        stdout(&output)
    );
    std::fs::remove_file(&path).unwrap();
}

/// A saved web page is summarized by its story's prose: the same report as
/// the story as plain text (so nothing of the menus, scripts, forms or
/// markup gets in), whether it is named `.html` or comes down a pipe, and
/// whether the page marks the story as an article or not.
#[test]
fn a_web_page_is_summarized_by_its_prose() {
    let page = fixture_path("news-bridge.html");
    let text = fixture_path("news-bridge.txt");
    // The text file's report, and the prose its offsets refer to: a web page's
    // report is the same, with that prose as "text".
    let json = |output: &Output| -> serde_json::Value {
        serde_json::from_str(&stdout(output)).expect("stdout is JSON")
    };
    let mut expected = json(&run(&[&text, "--format", "json"], b""));
    expected
        .as_object_mut()
        .unwrap()
        .insert("text".into(), serde_json::Value::from(BRIDGE.trim_end()));
    let from_file = run(&[&page, "--format", "json"], b"");
    assert_exit("web page", &from_file, 0);
    assert_eq!(json(&from_file), expected);
    assert!(
        stdout(&from_file).starts_with("{\n  \"text\": "),
        "the prose first"
    );
    // An older layout: no <article>, a table of links, teasers, the story in
    // two parts around an advertisement, comments and a footer.
    let old_layout = run(
        &[&fixture_path("news-bridge-old.html"), "--format", "json"],
        b"",
    );
    assert_exit("web page without an article element", &old_layout, 0);
    assert_eq!(json(&old_layout), expected);
    // Older still: the story as text broken with <br><br>, beside a block of
    // short paragraphs.
    let line_breaks = run(
        &[&fixture_path("news-bridge-breaks.html"), "--format", "json"],
        b"",
    );
    assert_exit("web page of line breaks", &line_breaks, 0);
    assert_eq!(json(&line_breaks), expected);
    // A blog's: a share bar and a hidden transcript in the story, and beside
    // it a comment thread (its comments written as articles, which were
    // taken for the page's article) and a sidebar, each known by its
    // attributes.
    let blog = run(
        &[
            &fixture_path("news-bridge-comments.html"),
            "--format",
            "json",
        ],
        b"",
    );
    assert_exit("web page with comments", &blog, 0);
    assert_eq!(json(&blog), expected);
    let html = std::fs::read(&page).unwrap();
    let from_pipe = run(&["--format", "json"], &html);
    assert_exit("web page on standard input", &from_pipe, 0);
    assert_eq!(json(&from_pipe), expected);
    assert_eq!(stderr(&from_pipe), "");
    // A file is told by its name: a page saved as .txt is text, unless --html.
    let misnamed = std::env::temp_dir().join(format!("abridge-page-{}.txt", std::process::id()));
    std::fs::write(&misnamed, &html).unwrap();
    let misnamed_str = misnamed.to_str().unwrap();
    assert!(json(&run(&[misnamed_str, "--format", "json"], b""))
        .get("text")
        .is_none());
    assert_eq!(
        json(&run(&[misnamed_str, "--html", "--format", "json"], b"")),
        expected
    );
    std::fs::remove_file(&misnamed).unwrap();
    // The summary in text is the text file's.
    assert_eq!(stdout(&run(&[&page], b"")), stdout(&run(&[&text], b"")));
    // Prose that only mentions markup is left as it is, and its report has no
    // "text" (the offsets are into the input itself).
    let prose = "<p> marks a paragraph in HTML. The <article> element holds a story.";
    let output = run(&["--format", "json"], prose.as_bytes());
    let report = json(&output);
    assert!(report.get("text").is_none(), "{report}");
    assert!(
        report["summary"].as_str().unwrap().contains("<article>"),
        "{report}"
    );
}

/// `--html` reads a fragment of a page (no `<html>` to tell it by) as a web
/// page, on standard input and in each text of a batch.
#[test]
fn html_flag_reads_a_fragment_as_a_web_page() {
    let page = std::fs::read_to_string(fixture_path("news-bridge.html")).unwrap();
    let body = &page[page.find("<article>").unwrap()..];
    let plain = stdout(&run(&[&fixture_path("news-bridge.txt")], b""));
    let as_text = run(&[], body.as_bytes());
    assert_exit("fragment read as text", &as_text, 0);
    assert_ne!(
        stdout(&as_text),
        plain,
        "without --html the fragment is text"
    );
    let as_page = run(&["--html"], body.as_bytes());
    assert_exit("fragment read as a page", &as_page, 0);
    assert_eq!(stdout(&as_page), plain);

    let line = serde_json::json!({"id": 7, "text": body, "sentences": 3}).to_string();
    let batch = run(&["--jsonl", "--html"], format!("{line}\n").as_bytes());
    assert_exit("batch of pages", &batch, 0);
    let answer: serde_json::Value = serde_json::from_str(stdout(&batch).trim()).unwrap();
    assert_eq!(answer["id"], 7);
    assert_eq!(answer["summary"].as_str().unwrap(), plain.trim_end());
}

/// `abridge big.txt | head -1`: the file form of the closed-pipe case.
#[test]
fn closed_pipe_with_a_file_argument() {
    let path = std::env::temp_dir().join(format!("abridge-big-{}.txt", std::process::id()));
    let big = big_text();
    std::fs::write(&path, &big).unwrap();
    let mut child = abridge()
        .args(["--ratio", "1", path.to_str().unwrap()])
        .env("RUST_BACKTRACE", "1")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let (line, err, status) = first_line_then_close(&mut child);
    assert!(!line.is_empty(), "no first line");
    std::fs::remove_file(&path).unwrap();
    assert!(err.is_empty(), "{err}");
    assert!(status.success(), "{status}");
}

/// Reads the child's first line of output, then closes its stdout (the reader of
/// `abridge … | head -1` going away) and collects its stderr and exit status.
fn first_line_then_close(
    child: &mut std::process::Child,
) -> (String, String, std::process::ExitStatus) {
    let mut reader = BufReader::new(child.stdout.take().unwrap());
    let mut line = String::new();
    reader.read_line(&mut line).unwrap();
    drop(reader);
    let mut err = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut err)
        .unwrap();
    let status = child.wait().unwrap();
    (line, err, status)
}
