//! Evaluates the sentence segmenter against gold segmentations.
//!
//! Reads JSON Lines records `{"id", "text", "sentences": [...], "lang"}` from
//! standard input and prints, per language, how many records came out exactly
//! right, then boundary precision, recall and F1 over all records.
//!
//! ```text
//! zcat golden_rules/dev.jsonl.gz | cargo run --release --example segment_eval [-- --failures] [-- --bench]
//! ```
//!
//! Boundaries are compared in a white-space-free copy of the text: a boundary is
//! the number of non-white-space characters before a sentence end. The end of the
//! text is always a boundary, so it is left out of the counts.
//!
//! `--bench` also times the segmenter over the input (repeated up to at least
//! 4 MB) and prints the throughput.

use std::collections::BTreeMap;
use std::io::{self, BufRead, Write};
use std::time::Instant;

use abridge::{segment, Language};

struct Record {
    id: String,
    text: String,
    gold: Vec<String>,
    lang: String,
}

#[derive(Default)]
struct Tally {
    cases: usize,
    exact: usize,
    gold: usize,
    predicted: usize,
    correct: usize,
}

impl Tally {
    fn add(&mut self, other: &Tally) {
        self.cases += other.cases;
        self.exact += other.exact;
        self.gold += other.gold;
        self.predicted += other.predicted;
        self.correct += other.correct;
    }
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let show_failures = args.iter().any(|a| a == "--failures");
    let bench = args.iter().any(|a| a == "--bench");

    let records = read_records();
    let mut by_lang: BTreeMap<String, Tally> = BTreeMap::new();
    let out = io::stdout();
    let mut out = out.lock();
    for record in &records {
        let language = Language::from_code(&record.lang).unwrap_or(Language::Other);
        let spans = segment(&record.text, language);
        let got: Vec<&str> = spans.iter().map(|s| s.text(&record.text).trim()).collect();
        let gold: Vec<&str> = record.gold.iter().map(|s| s.trim()).collect();
        let gold_ends = ends(&gold);
        let got_ends = ends(&got);
        let tally = by_lang.entry(record.lang.clone()).or_default();
        tally.cases += 1;
        tally.gold += gold_ends.len();
        tally.predicted += got_ends.len();
        tally.correct += matches(&gold_ends, &got_ends);
        if got == gold {
            tally.exact += 1;
        } else if show_failures {
            let _ = writeln!(out, "FAIL {} [{}]", record.id, record.lang);
            for s in &gold {
                let _ = writeln!(out, "  want | {s}");
            }
            for s in &got {
                let _ = writeln!(out, "  got  | {s}");
            }
        }
    }

    let _ = writeln!(
        out,
        "{:<6} {:>6} {:>6} {:>7}",
        "lang", "cases", "exact", "%"
    );
    let mut total = Tally::default();
    for (lang, tally) in &by_lang {
        let _ = writeln!(
            out,
            "{:<6} {:>6} {:>6} {:>7.1}",
            lang,
            tally.cases,
            tally.exact,
            percent(tally.exact, tally.cases)
        );
        total.add(tally);
    }
    let _ = writeln!(
        out,
        "{:<6} {:>6} {:>6} {:>7.1}",
        "all",
        total.cases,
        total.exact,
        percent(total.exact, total.cases)
    );
    let precision = ratio(total.correct, total.predicted);
    let recall = ratio(total.correct, total.gold);
    let f1 = if precision + recall > 0.0 {
        2.0 * precision * recall / (precision + recall)
    } else {
        0.0
    };
    let _ = writeln!(
        out,
        "boundaries: gold {} predicted {} correct {}  P {:.4} R {:.4} F1 {:.4}",
        total.gold, total.predicted, total.correct, precision, recall, f1
    );

    if bench {
        let _ = writeln!(out, "{}", run_bench(&records));
    }
}

fn read_records() -> Vec<Record> {
    let stdin = io::stdin();
    let mut records = Vec::new();
    for (number, line) in stdin.lock().lines().enumerate() {
        let line = line.expect("stdin is not UTF-8");
        if line.trim().is_empty() {
            continue;
        }
        let value: serde_json::Value = match serde_json::from_str(&line) {
            Ok(value) => value,
            Err(error) => {
                eprintln!("line {}: {error}", number + 1);
                std::process::exit(2);
            }
        };
        let field = |name: &str| value[name].as_str().unwrap_or_default().to_string();
        let gold = value["sentences"]
            .as_array()
            .map(|a| {
                a.iter()
                    .filter_map(|s| s.as_str().map(str::to_string))
                    .collect()
            })
            .unwrap_or_default();
        records.push(Record {
            id: field("id"),
            text: field("text"),
            gold,
            lang: field("lang"),
        });
    }
    records
}

/// Sentence ends as counts of non-white-space characters, without the last.
fn ends(sentences: &[&str]) -> Vec<usize> {
    let mut position = 0;
    let mut result: Vec<usize> = sentences
        .iter()
        .map(|s| {
            position += s.chars().filter(|c| !c.is_whitespace()).count();
            position
        })
        .collect();
    result.pop();
    result.dedup();
    result
}

/// How many values two sorted lists share.
fn matches(a: &[usize], b: &[usize]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

fn percent(a: usize, b: usize) -> f64 {
    100.0 * ratio(a, b)
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

/// Times `segment` over the input texts, repeated to at least 4 MB, per language.
fn run_bench(records: &[Record]) -> String {
    let mut corpus = String::new();
    let sample: Vec<&Record> = records.iter().filter(|r| !r.text.is_empty()).collect();
    if sample.is_empty() {
        return "bench: no input".to_string();
    }
    while corpus.len() < 4 << 20 {
        for record in &sample {
            corpus.push_str(&record.text);
            corpus.push_str("\n\n");
        }
    }
    let language = Language::from_code(&sample[0].lang).unwrap_or(Language::Other);
    let mut best = f64::INFINITY;
    let mut units = 0;
    let cpu_start = cpu_seconds();
    for _ in 0..20 {
        let start = Instant::now();
        units = segment(&corpus, language).len();
        best = best.min(start.elapsed().as_secs_f64());
    }
    let mb = corpus.len() as f64 / 1e6;
    // On a busy machine wall time overstates the cost; CPU time doesn't.
    let cpu = match (cpu_start, cpu_seconds()) {
        (Some(a), Some(b)) if b > a => format!(", CPU {:.0} MB/s", 20.0 * mb / (b - a)),
        _ => String::new(),
    };
    format!(
        "bench: {:.1} MB, {} units, best of 20 {:.1} ms, {:.0} MB/s{}",
        mb,
        units,
        best * 1e3,
        mb / best,
        cpu
    )
}

/// User CPU time of this process, where /proc says (Linux), in seconds.
fn cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // Fields after the command name, which is in parentheses: utime is the 12th.
    let rest = &stat[stat.rfind(')')? + 2..];
    let ticks: f64 = rest.split_whitespace().nth(11)?.parse().ok()?;
    Some(ticks / 100.0)
}
