//! The `abridge` command: summarize files, pipes and JSONL batches.

use std::ffi::OsString;
use std::io::{self, BufRead, BufWriter, IsTerminal, Read, Write};
use std::process::ExitCode;

use abridge::{summarize, Length, Options, Report, Summary};

mod cli;
use cli::decode::Reading;
use cli::lines::OneLine;

const SAMPLE: &str = include_str!("../samples/kim-beijing.txt");

const HELP: &str = "\
abridge — extractive summaries: the sentences that carry the most, verbatim

Usage: abridge [OPTIONS] [--] [FILE...]
       abridge --jsonl [FILE...]

Reads each FILE, or standard input when there is none or FILE is `-`. With
several files, each summary follows a header line (`==> FILE <==`; in markdown
`## FILE`), and --format json prints one array of {\"file\", ...} objects; a file
that cannot be read is reported and the rest are still summarized (exit status 1).

Length (one of; default --sentences 3):
  --sentences N      at most N sentences
  --ratio R          this fraction of the sentences, 0 < R <= 1 (at least one)
  --words N          at most N words (when no sentence fits, the shortest)
  --chars N          at most N characters, spaces between sentences included

Options:
  --language CODE    en, de, fr, es, it, pt, nl, ru, zh, ja, ko, und, or auto (default)
  --redundancy X     0 (allow repeats) .. 1 (strict); default 0.5
  --weights LIST     feature weights for experiments, e.g. salience=0.4,position=0
                     (salience, centrality, entities, position, quality, cues)
  --format FORMAT    text (one sentence per line), markdown (bullets) or json
  --explain          a table of every sentence's features and score
  --html             read the input as a web page (a fragment, a file not named
                     .html, or each text of a batch; a .html file, or standard
                     input that opens with <!doctype html> or <html>, is one anyway)
  --sample           summarize the built-in sample article
  --jsonl            batch mode: one {\"id\",\"text\",\"sentences\"?,\"lang\"?} per input line
                     (each FILE's, or standard input's), one {\"id\",\"summary\"} per
                     output line (sentences joined by newlines; \"error\" when it failed)
  -h, --help         this help
  -V, --version      the version

Text is read as UTF-8 (or UTF-16 with a byte order mark); a file in an older
encoding is read as its web page declares, else as Windows-1252, with a warning.
A web page (.html, .htm, .xhtml, or standard input that opens with <!doctype html>
or <html>) is summarized by its prose: its story, without menus, scripts or forms
(its JSON report includes that prose as \"text\", which the offsets refer to).
WebVTT captions (.vtt, or standard input that opens with WEBVTT) are read as
their cues, a voice's name as a speaker's label; .srt loses its cues' markup.
Exit status: 0 success, 1 input/output error, 2 usage error.";

#[derive(Clone, Copy, PartialEq)]
enum Format {
    Text,
    Markdown,
    Json,
}

struct Args {
    options: Options,
    format: Format,
    explain: bool,
    sample: bool,
    /// Read every input as a web page.
    html: bool,
    jsonl: bool,
    /// As given: a file's name need not be UTF-8.
    files: Vec<OsString>,
}

/// `eprintln!` and `println!` panic when the stream is a closed pipe
/// (`abridge --help | true`, `abridge missing.txt 2>&1 | true`); these do not:
/// there is nobody left to read the text, so it is dropped.
macro_rules! say {
    ($stream:expr, $($arg:tt)*) => {{
        let _ = writeln!($stream, $($arg)*);
    }};
}

/// A problem with the command line: exit status 2.
struct Usage(String);

/// What the command line asks for.
enum Parsed {
    Run(Args),
    /// `--help` or `--version`: this text.
    Print(String),
}

fn main() -> ExitCode {
    let args = match parse_args(std::env::args_os().skip(1)) {
        Ok(Parsed::Run(args)) => args,
        Ok(Parsed::Print(text)) => return exit_status(writeln!(io::stdout(), "{text}")),
        Err(Usage(message)) => {
            say!(io::stderr(), "abridge: {message} (see --help)");
            return ExitCode::from(2);
        }
    };
    let result = if args.jsonl {
        run_batch(&args)
    } else {
        run_files(&args)
    };
    exit_status(result)
}

/// 0, or 1 with the error said on standard error.
fn exit_status(result: io::Result<()>) -> ExitCode {
    match result {
        Ok(()) => ExitCode::SUCCESS,
        // The reader went away (`abridge big.txt | head -1`): not an error.
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            say!(io::stderr(), "abridge: {e}");
            ExitCode::from(1)
        }
    }
}

fn parse_args(mut raw: impl Iterator<Item = OsString>) -> Result<Parsed, Usage> {
    let mut args = Args {
        options: Options::default(),
        format: Format::Text,
        explain: false,
        sample: false,
        html: false,
        jsonl: false,
        files: Vec::new(),
    };
    let mut length: Option<(&'static str, Length)> = None;
    let mut weights: Option<abridge::Weights> = None;
    // After `--`, every argument is a file, "-x.txt" too.
    let mut only_files = false;
    while let Some(arg) = raw.next() {
        if only_files {
            args.files.push(arg);
            continue;
        }
        // A file's name may be any bytes; an option and its value are text.
        let arg = match arg.into_string() {
            Ok(arg) => arg,
            Err(name) if !name.as_encoded_bytes().starts_with(b"-") => {
                args.files.push(name);
                continue;
            }
            Err(name) => return Err(Usage(format!("unknown option {}", name.to_string_lossy()))),
        };
        // Accept both `--flag value` and `--flag=value`.
        let (flag, inline) = match arg.split_once('=') {
            Some((flag, value)) if flag.starts_with("--") => {
                (flag.to_string(), Some(value.to_string()))
            }
            _ => (arg.clone(), None),
        };
        let mut value = |name: &str| -> Result<String, Usage> {
            inline
                .clone()
                .map(Ok)
                .or_else(|| raw.next().map(OsString::into_string))
                .ok_or_else(|| Usage(format!("{name} needs a value")))?
                .map_err(|value| {
                    Usage(format!(
                        "{name} takes text, got bytes that are not UTF-8: {:?}",
                        value.to_string_lossy()
                    ))
                })
        };
        let mut set_length = |name: &'static str, new: Length| -> Result<(), Usage> {
            match length {
                Some((old, _)) if old == name => {
                    return Err(Usage(format!("{name} is given twice; give it once")))
                }
                Some((old, _)) => {
                    return Err(Usage(format!(
                        "{old} and {name} both set a length; give only one"
                    )))
                }
                None => {}
            }
            length = Some((name, new));
            Ok(())
        };
        match flag.as_str() {
            "-h" | "--help" => return Ok(Parsed::Print(HELP.into())),
            "-V" | "--version" => {
                return Ok(Parsed::Print(format!(
                    "abridge {}",
                    env!("CARGO_PKG_VERSION")
                )))
            }
            "--sentences" => set_length(
                "--sentences",
                Length::Sentences(count(&flag, &value(&flag)?)?),
            )?,
            "--words" => set_length("--words", Length::Words(count(&flag, &value(&flag)?)?))?,
            "--chars" => set_length("--chars", Length::Chars(count(&flag, &value(&flag)?)?))?,
            "--ratio" => set_length("--ratio", Length::Ratio(number(&flag, &value(&flag)?)?))?,
            "--language" | "--lang" => {
                let code = value(&flag)?;
                args.options = args
                    .options
                    .clone()
                    .language(&code)
                    .map_err(|e| Usage(e.to_string()))?;
            }
            "--redundancy" => {
                let x = number(&flag, &value(&flag)?)?;
                args.options = args.options.clone().redundancy(x);
            }
            // Several lists add up: `--weights position=0 --weights cues=0`.
            "--weights" => {
                weights = Some(parse_weights(&value(&flag)?, weights.unwrap_or_default())?);
            }
            "--format" => {
                args.format = match value(&flag)?.as_str() {
                    "text" => Format::Text,
                    "markdown" | "md" => Format::Markdown,
                    "json" => Format::Json,
                    other => {
                        return Err(Usage(format!(
                            "--format must be text, markdown or json, got {other:?}"
                        )))
                    }
                }
            }
            "--explain" | "--sample" | "--html" | "--jsonl" | "--batch" if inline.is_some() => {
                return Err(Usage(format!("{flag} takes no value")))
            }
            "--explain" => args.explain = true,
            "--sample" => args.sample = true,
            "--html" => args.html = true,
            "--jsonl" | "--batch" => args.jsonl = true,
            "--" => only_files = true,
            "-" => args.files.push(arg.into()),
            _ if flag.starts_with('-') => return Err(Usage(format!("unknown option {flag}"))),
            _ => args.files.push(arg.into()),
        }
    }
    if let Some((_, length)) = length {
        args.options = args.options.clone().length(length);
    }
    if let Some(weights) = weights {
        args.options = args.options.clone().weights(weights);
    }
    args.options.validate().map_err(|e| Usage(e.to_string()))?;
    if args.sample && !args.files.is_empty() {
        return Err(Usage("--sample and a FILE cannot be used together".into()));
    }
    if args.jsonl {
        // A batch answers in JSON lines, one summary per request.
        let other = [
            (args.sample, "--sample"),
            (args.explain, "--explain"),
            (args.format != Format::Text, "--format"),
        ];
        if let Some((_, flag)) = other.iter().find(|(set, _)| *set) {
            return Err(Usage(format!("--jsonl and {flag} cannot be used together")));
        }
    }
    Ok(Parsed::Run(args))
}

/// `weights` with the `name=value` pairs of `list` set.
fn parse_weights(list: &str, mut weights: abridge::Weights) -> Result<abridge::Weights, Usage> {
    for item in list.split(',').filter(|i| !i.is_empty()) {
        let (name, value) = item
            .split_once('=')
            .ok_or_else(|| Usage(format!("--weights takes name=value pairs, got {item:?}")))?;
        let value = number("--weights", value)?;
        let slot = match name {
            "salience" => &mut weights.salience,
            "centrality" => &mut weights.centrality,
            "entities" => &mut weights.entities,
            "position" => &mut weights.position,
            "quality" => &mut weights.quality,
            "cues" => &mut weights.cues,
            _ => return Err(Usage(format!("--weights: unknown weight {name:?}"))),
        };
        *slot = value;
    }
    Ok(weights)
}

fn count(flag: &str, value: &str) -> Result<usize, Usage> {
    value
        .parse()
        .map_err(|_| Usage(format!("{flag} takes a whole number, got {value:?}")))
}

fn number(flag: &str, value: &str) -> Result<f64, Usage> {
    match value.parse::<f64>() {
        Ok(x) if x.is_finite() => Ok(x),
        _ => Err(Usage(format!("{flag} takes a number, got {value:?}"))),
    }
}

/// A text to summarize, and whether it was made from what was read (a web
/// page's prose, subtitles' cues): the offsets of a JSON report then refer
/// to it, so the report includes it.
struct Input {
    text: String,
    converted: bool,
}

/// Reads the whole input as text, as the page reads a file: UTF-8 or UTF-16
/// with a byte order mark, else a legacy encoding (with a warning); a web
/// page becomes its prose and subtitles their cues; binary data is an error.
/// `html` reads it as a web page whatever it looks like.
fn read_input(file: Option<&OsString>, html: bool) -> io::Result<Input> {
    let file = file.filter(|f| *f != "-");
    let name = file.map_or("standard input".into(), |f| f.to_string_lossy());
    let mut bytes = Vec::new();
    match file {
        None => read_unless_binary(&mut io::stdin().lock(), &mut bytes),
        Some(path) => {
            std::fs::File::open(path).and_then(|mut f| read_unless_binary(&mut f, &mut bytes))
        }
    }
    .map_err(|e| io::Error::new(e.kind(), format!("cannot read {name}: {e}")))?;
    let lower_name = name.to_ascii_lowercase();
    let named_html = file.is_some()
        && [".html", ".htm", ".xhtml"]
            .iter()
            .any(|ext| lower_name.ends_with(ext));
    // A file is told by its name, as the page tells it; a pipe by how it opens.
    let sniffed_html = || {
        file.is_none()
            && cli::html::looks_like_html(&String::from_utf8_lossy(&bytes[..bytes.len().min(1024)]))
    };
    let html = html || named_html || sniffed_html();
    let Some(decoded) = cli::decode::decode(bytes, html) else {
        return Err(io::Error::new(
            io::ErrorKind::InvalidData,
            format!("cannot read {name}: it holds binary data, not text"),
        ));
    };
    match decoded.reading {
        Reading::Unicode => {}
        Reading::Repaired(bad) => say!(
            io::stderr(),
            "abridge: warning: {name} is not valid UTF-8; {} replaced by U+FFFD",
            if bad == 1 { "1 bad byte was".to_string() } else { format!("{bad} bad bytes were") }
        ),
        Reading::Legacy(encoding) => say!(
            io::stderr(),
            "abridge: warning: {name} is not UTF-8; it was read as {encoding} (if letters look wrong, convert it to UTF-8)"
        ),
    }
    let text = decoded.text;
    if text.trim().is_empty() {
        // Nothing to summarize: an empty summary, said so (a script piping an
        // empty file on still gets exit status 0).
        say!(io::stderr(), "abridge: warning: {name} holds no text");
    }
    let converted = if html {
        Some(cli::html::to_text(&text))
    } else if lower_name.ends_with(".vtt") || file.is_none() && cli::subtitles::is_webvtt(&text) {
        Some(cli::subtitles::webvtt_to_text(&text))
    } else if lower_name.ends_with(".srt") && text.contains('<') {
        Some(cli::subtitles::srt_to_text(&text))
    } else {
        None
    };
    Ok(Input {
        converted: converted.is_some(),
        text: converted.unwrap_or(text),
    })
}

/// Reads `input` to its end into `bytes`, unless its first bytes are binary
/// data, which is refused without reading on: `abridge < /dev/zero` ends.
fn read_unless_binary(input: &mut impl Read, bytes: &mut Vec<u8>) -> io::Result<()> {
    input.take(cli::decode::SNIFF as u64).read_to_end(bytes)?;
    if !cli::decode::is_binary(bytes) {
        input.read_to_end(bytes)?;
    }
    Ok(())
}

fn run_files(args: &Args) -> io::Result<()> {
    if args.files.is_empty() && !args.sample && io::stdin().is_terminal() {
        say!(
            io::stderr(),
            "abridge: reading standard input (give a FILE, or --sample; --help for more)"
        );
    }
    let mut out = BufWriter::new(io::stdout().lock());
    if args.files.len() <= 1 {
        let input = if args.sample {
            Input {
                text: SAMPLE.to_string(),
                converted: false,
            }
        } else {
            read_input(args.files.first(), args.html)?
        };
        write_summary(&mut out, args, &input, None)?;
        return out.flush();
    }
    let json = args.format == Format::Json;
    let (open, separator, close) = if json {
        ("[\n", ",\n", "\n]\n")
    } else {
        ("", "\n", "")
    };
    write!(out, "{open}")?;
    let (mut written, mut unreadable) = (0, 0);
    for path in &args.files {
        let text = read_input(Some(path), args.html);
        let path = &*path.to_string_lossy();
        // An unreadable file has no entry in text or markdown, one in JSON.
        if text.is_ok() || json {
            if written > 0 {
                write!(out, "{separator}")?;
            }
            written += 1;
        }
        match text {
            Ok(input) => write_summary(&mut out, args, &input, Some(path))?,
            // One unreadable file does not lose the others' summaries.
            Err(e) => {
                unreadable += 1;
                say!(io::stderr(), "abridge: {e}");
                if json {
                    let error = e.to_string();
                    serde_json::to_writer_pretty(&mut out, &FileError { file: path, error })?;
                }
            }
        }
        // Each summary is out before the next file is read.
        out.flush()?;
    }
    write!(out, "{close}")?;
    out.flush()?;
    match unreadable {
        0 => Ok(()),
        n => Err(io::Error::other(format!(
            "{n} of {} files could not be read",
            args.files.len()
        ))),
    }
}

/// A report of `--format json`: with several files, the file's name first;
/// for a web page, the prose that was summarized, which its offsets refer to.
#[derive(serde::Serialize)]
struct JsonReport<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    file: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    text: Option<&'a str>,
    #[serde(flatten)]
    report: Report<'a>,
}

/// The entry of `--format json` for a file that could not be read.
#[derive(serde::Serialize)]
struct FileError<'a> {
    file: &'a str,
    error: String,
}

/// The summary of one text in the chosen format; `file` names it when there are several.
fn write_summary(
    out: &mut impl Write,
    args: &Args,
    input: &Input,
    file: Option<&str>,
) -> io::Result<()> {
    let text = input.text.as_str();
    // Options were validated while parsing, so this cannot fail.
    let summary = summarize(text, &args.options)
        .map_err(|e| io::Error::new(io::ErrorKind::InvalidInput, e.to_string()))?;
    let name = file.map(|f| if f == "-" { "standard input" } else { f });
    match (name, args.format) {
        (Some(name), Format::Markdown) if !args.explain => writeln!(out, "## {name}\n")?,
        (Some(name), Format::Text | Format::Markdown) => writeln!(out, "==> {name} <==")?,
        _ => {}
    }
    if args.explain && args.format != Format::Json {
        return explain(out, &summary, text);
    }
    let one_line = OneLine::new(text);
    match args.format {
        Format::Text => {
            for sentence in summary.selected() {
                writeln!(out, "{}", one_line.of(sentence.text(text)))?;
            }
        }
        Format::Markdown => {
            for sentence in summary.selected() {
                let line = one_line.of(sentence.text(text));
                // A list item is one bullet, not a bullet in a bullet.
                let item = ["- ", "* ", "+ ", "• "]
                    .iter()
                    .find_map(|bullet| line.strip_prefix(bullet))
                    .unwrap_or(&line);
                writeln!(out, "- {item}")?;
            }
        }
        Format::Json => {
            let report = JsonReport {
                file,
                text: input.converted.then_some(text),
                report: Report::new(&summary, text),
            };
            serde_json::to_writer_pretty(&mut *out, &report)?;
            // One report ends its line; several are items of an array.
            if file.is_none() {
                writeln!(out)?;
            }
        }
    }
    Ok(())
}

fn explain(out: &mut impl Write, summary: &Summary, text: &str) -> io::Result<()> {
    let one_line = OneLine::new(text);
    writeln!(
        out,
        "language {}, {:?} text, {} of {} sentences, {} of {} words",
        summary.language.code(),
        summary.kind,
        summary.stats.sentences_out,
        summary.stats.sentences_in,
        summary.stats.words_out,
        summary.stats.words_in
    )?;
    writeln!(
        out,
        "  #  pick  score  salnc  centr  entty  posit  qualt  sentence"
    )?;
    for (i, s) in summary.sentences.iter().enumerate() {
        let f = &s.features;
        let mut preview: String = one_line.of(s.text(text)).chars().take(60).collect();
        if s.text(text).chars().count() > 60 {
            preview.push('…');
        }
        // Code, timestamps and references are never picked and have no
        // penalty to say so.
        let verbatim = matches!(
            s.kind,
            abridge::UnitKind::Code | abridge::UnitKind::Timestamp | abridge::UnitKind::Reference
        )
        .then(|| s.kind.name().to_string());
        let penalties: Vec<String> = verbatim
            .into_iter()
            .chain(f.penalties.iter().map(|p| format!("{p:?}").to_lowercase()))
            .collect();
        let penalties = if penalties.is_empty() {
            String::new()
        } else {
            format!(" [{}]", penalties.join(", "))
        };
        writeln!(
            out,
            "{i:>3}  {}  {:.3}  {:.3}  {:.3}  {:.3}  {:.3}  {:.3}  {preview}{penalties}",
            if s.selected { " ✓ " } else { "   " },
            s.score,
            f.salience,
            f.centrality,
            f.entities,
            f.position,
            f.quality
        )?;
    }
    if !summary.entities.is_empty() {
        let names: Vec<String> = summary
            .entities
            .iter()
            .map(|e| format!("{} ({})", e.text, e.mentions))
            .collect();
        writeln!(out, "entities: {}", names.join(", "))?;
    }
    if !summary.keywords.is_empty() {
        let words: Vec<&str> = summary.keywords.iter().map(|k| k.text.as_str()).collect();
        writeln!(out, "keywords: {}", words.join(", "))?;
    }
    Ok(())
}

/// The batch protocol: one JSON object per line in, one per line out, flushed;
/// the lines of each FILE in turn, or of standard input.
fn run_batch(args: &Args) -> io::Result<()> {
    let mut out = io::stdout().lock();
    if args.files.is_empty() {
        return run_batch_lines(io::stdin().lock(), "", args, &mut out);
    }
    for file in &args.files {
        let name = file.to_string_lossy();
        if file == "-" {
            run_batch_lines(io::stdin().lock(), "", args, &mut out)?;
            continue;
        }
        let opened = std::fs::File::open(file)
            .map_err(|e| io::Error::new(e.kind(), format!("cannot read {name}: {e}")))?;
        let lines = io::BufReader::new(opened);
        run_batch_lines(lines, &format!("{name} "), args, &mut out)?;
    }
    Ok(())
}

/// Answers each line of `input`; an error names its line, after `place`.
fn run_batch_lines(
    input: impl BufRead,
    place: &str,
    args: &Args,
    out: &mut impl Write,
) -> io::Result<()> {
    for (number, line) in input.split(b'\n').enumerate() {
        let line = line?;
        let line = String::from_utf8_lossy(&line);
        // A byte order mark, as Windows tools write one, opens no JSON.
        let line = line.trim_start_matches('\u{FEFF}');
        if line.trim().is_empty() {
            continue;
        }
        let response = match batch_item(line, &args.options, args.html) {
            Ok((id, summary)) => serde_json::json!({ "id": id, "summary": summary }),
            Err((id, error)) => serde_json::json!({
                "id": id,
                "summary": "",
                "error": format!("{place}line {}: {error}", number + 1),
            }),
        };
        writeln!(out, "{response}")?;
        out.flush()?;
    }
    Ok(())
}

type BatchError = (serde_json::Value, String);

/// One line of a batch; `html` reads its text as a web page.
fn batch_item(
    line: &str,
    defaults: &Options,
    html: bool,
) -> Result<(serde_json::Value, String), BatchError> {
    let request: serde_json::Value = serde_json::from_str(line)
        .map_err(|e| (serde_json::Value::Null, format!("not JSON: {e}")))?;
    let id = request
        .get("id")
        .cloned()
        .unwrap_or(serde_json::Value::Null);
    let fail = |message: String| (id.clone(), message);
    let text = request
        .get("text")
        .and_then(|t| t.as_str())
        .ok_or_else(|| fail("missing string field \"text\"".into()))?;
    let mut options = defaults.clone();
    let mut length_key = None;
    for (key, make) in [
        (
            "sentences",
            (|n: f64| Length::Sentences(n as usize)) as fn(f64) -> Length,
        ),
        ("words", |n| Length::Words(n as usize)),
        ("chars", |n| Length::Chars(n as usize)),
        ("ratio", Length::Ratio),
    ] {
        if let Some(value) = request.get(key) {
            if let Some(other) = length_key.replace(key) {
                return Err(fail(format!(
                    "\"{other}\" and \"{key}\" both set a length; give only one"
                )));
            }
            let what = if key == "ratio" {
                "a number"
            } else {
                "a whole number"
            };
            let n = value
                .as_f64()
                .filter(|n| n.is_finite() && n >= &0.0 && (key == "ratio" || n.fract() == 0.0))
                .ok_or_else(|| fail(format!("\"{key}\" must be {what} >= 0, got {value}")))?;
            options = options.length(make(n));
        }
    }
    for key in ["language", "lang"] {
        if let Some(code) = request.get(key).and_then(|c| c.as_str()) {
            // An unknown language in a batch falls back to detection rather than failing.
            if let Ok(with) = options.clone().language(code) {
                options = with;
            }
        }
    }
    let prose;
    let text = if html {
        prose = cli::html::to_text(text);
        prose.as_str()
    } else {
        text
    };
    let summary = summarize(text, &options).map_err(|e| fail(e.to_string()))?;
    let one_line = OneLine::new(text);
    let sentences: Vec<String> = summary
        .selected()
        .map(|s| one_line.of(s.text(text)))
        .collect();
    Ok((id, sentences.join("\n")))
}
