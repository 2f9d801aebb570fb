//! Native throughput of `summarize`, against floors on the same text: a bare
//! UAX #29 sentence pass and a bare UAX #29 word pass (the least any
//! segmenting summarizer must do), the latter both over the whole text and
//! line by line. `unicode-segmentation` takes an ASCII fast path only when the
//! whole string it is given is ASCII, so on news with a few curly quotes the
//! whole-text pass runs the general tables (about 210 M instructions per MB)
//! while the line-by-line pass runs the fast path on most lines (about 74 M):
//! the second is the harder floor.
//!
//! Inputs are built from the fixtures in `tests/fixtures/`: English news at
//! 10 KB, 100 KB, 1 MB and 10 MB (the five articles concatenated in a varying
//! order, with their body paragraphs shuffled, so the text is not one article
//! repeated verbatim), and 1 MB of German and of Chinese.
//!
//! ```text
//! cargo bench --bench throughput                        # everything
//! ABRIDGE_BENCH_QUICK=1 cargo bench --bench throughput  # without 10 MB
//! ```
//!
//! Prints a Markdown table (best of several runs), the scaling exponent from
//! the smallest to the largest English input (the slope on a log-log plot: 1.0
//! is linear), and the peak resident memory.

use std::hint::black_box;
use std::time::{Duration, Instant};

use abridge::{summarize, Length, Options};
use unicode_segmentation::UnicodeSegmentation;

#[path = "../tests/support/bench_inputs.rs"]
mod bench_inputs;
use bench_inputs::{build, CHINESE, GERMAN, KB, MB, NEWS};

/// The wall time of one call.
fn once<T>(f: impl FnOnce() -> T) -> Duration {
    let started = Instant::now();
    black_box(f());
    started.elapsed()
}

/// Runs per input: the best of them estimates the cost without the host's
/// noise, which on a shared machine moved the best of 5 runs of 1 MB between
/// 16 and 24 ms; every row but 10 MB takes about a second or less. A small
/// input needs many runs for that: 100 runs of the 10 KB row (30 ms in all)
/// read its ratio to the word pass by line 4.38-4.44, 1,000 runs 4.21-4.22.
fn runs_for(bytes: usize) -> usize {
    match bytes {
        b if b <= 16 * KB => 1000,
        b if b <= 128 * KB => 100,
        b if b <= 2 * MB => 15,
        _ => 3,
    }
}

struct Row {
    name: String,
    bytes: usize,
    summarize: Duration,
    sentences: Duration,
    words: Duration,
    line_words: Duration,
}

fn measure(name: &str, text: &str) -> Row {
    let options = Options::from(Length::Sentences(10));
    // Sanity check, and warm-up.
    let summary = summarize(text, &options).expect("valid options");
    assert_eq!(summary.selected().count(), 10, "{name}: summary length");
    // Interleaved, best of each: a burst of load elsewhere on the machine then
    // slows all three alike instead of skewing the ratios.
    let mut row = Row {
        name: name.to_string(),
        bytes: text.len(),
        summarize: Duration::MAX,
        sentences: Duration::MAX,
        words: Duration::MAX,
        line_words: Duration::MAX,
    };
    for _ in 0..runs_for(text.len()) {
        let t = once(|| summarize(black_box(text), &options).unwrap());
        row.summarize = row.summarize.min(t);
        let t = once(|| black_box(text).split_sentence_bounds().count());
        row.sentences = row.sentences.min(t);
        let t = once(|| black_box(text).unicode_words().count());
        row.words = row.words.min(t);
        let t = once(|| {
            black_box(text)
                .split('\n')
                .map(|line| line.unicode_words().count())
                .sum::<usize>()
        });
        row.line_words = row.line_words.min(t);
    }
    row
}

fn size(bytes: usize) -> String {
    if bytes >= MB {
        format!("{:.1} MB", bytes as f64 / MB as f64)
    } else {
        format!("{:.0} KB", bytes as f64 / KB as f64)
    }
}

fn time(d: Duration) -> String {
    let s = d.as_secs_f64();
    if s >= 1.0 {
        format!("{s:.2} s")
    } else if s >= 1e-3 {
        format!("{:.2} ms", s * 1e3)
    } else {
        format!("{:.0} µs", s * 1e6)
    }
}

fn mb_per_s(bytes: usize, d: Duration) -> f64 {
    bytes as f64 / MB as f64 / d.as_secs_f64()
}

/// A field of /proc/self/status in kB (Linux only).
fn proc_status_kb(field: &str) -> Option<usize> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with(field))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// Resets the peak-RSS mark (Linux: writing 5 to clear_refs resets VmHWM).
fn reset_peak_rss() -> bool {
    std::fs::write("/proc/self/clear_refs", "5").is_ok()
}

/// `ABRIDGE_BENCH_SERVE=1`: reads requests `runs path` from stdin, one a line,
/// and answers each with the best time in seconds of `runs` calls on the file
/// (after one untimed call). `scripts/bench-wasm.mjs` asks between its own
/// calls on the same input, so that native and wasm are timed in the same
/// moments of a noisy host, each in a warm process.
fn serve() {
    let options = Options::from(Length::Sentences(10));
    for request in std::io::stdin().lines() {
        let request = request.expect("read a request");
        let (runs, path) = request.split_once(' ').expect("a request is `runs path`");
        let runs: usize = runs.parse().expect("runs is a whole number");
        let text = std::fs::read_to_string(path).expect("read the input");
        summarize(&text, &options).expect("valid options");
        let best = (0..runs)
            .map(|_| once(|| summarize(black_box(&text), &options).unwrap()))
            .min()
            .unwrap_or_default();
        println!("{:.9}", best.as_secs_f64());
    }
}

fn main() {
    if std::env::var_os("ABRIDGE_BENCH_SERVE").is_some() {
        return serve();
    }
    // `cargo bench` passes `--bench`; ignore arguments, use the environment.
    let quick = std::env::var("ABRIDGE_BENCH_QUICK").is_ok_and(|v| v == "1");
    let mut sizes = vec![10 * KB, 100 * KB, MB];
    if !quick {
        sizes.push(10 * MB);
    }

    let english: Vec<(String, String)> = sizes
        .iter()
        .map(|&bytes| {
            (
                format!("English news {}", size(bytes)),
                build(&NEWS, bytes, 0x5eed + bytes as u64),
            )
        })
        .collect();
    let mut others = vec![
        ("German news 1 MB".to_string(), build(&[GERMAN], MB, 0xde)),
        ("Chinese news 1 MB".to_string(), build(&[CHINESE], MB, 0x2f)),
    ];
    // `ABRIDGE_BENCH_REAL=file`: a row for real text too (scripts/bench.sh
    // passes a megabyte of real news when ../shared is present). The built
    // inputs repeat five articles' paragraphs: about 1,000 distinct word forms
    // at any size, where a real megabyte of news has 16,000, and sentences
    // that recur, which the CPU's branch predictors learn.
    if let Some(path) = std::env::var_os("ABRIDGE_BENCH_REAL") {
        let text = std::fs::read_to_string(&path).expect("read ABRIDGE_BENCH_REAL");
        let name = std::path::Path::new(&path).file_stem().unwrap_or_default();
        others.push((name.to_string_lossy().replace('-', " "), text));
    }

    // `ABRIDGE_BENCH_WRITE=dir`: write the inputs as files (for the CLI's peak
    // memory and the evaluation harness's timing in scripts/bench.sh) and stop.
    if let Some(dir) = std::env::var_os("ABRIDGE_BENCH_WRITE") {
        let dir = std::path::PathBuf::from(dir);
        std::fs::create_dir_all(&dir).expect("create the input directory");
        for (name, text) in english.iter().chain(others.iter()) {
            let file = name.to_lowercase().replace([' ', '.'], "-") + ".txt";
            std::fs::write(dir.join(file), text).expect("write an input");
        }
        return;
    }

    let largest_index = english.len() - 1;
    let largest = english[largest_index].1.len();
    let mut rows = Vec::new();
    let mut peak = None;
    for (index, (name, text)) in english.iter().chain(others.iter()).enumerate() {
        let is_largest = index == largest_index;
        let baseline = if is_largest && reset_peak_rss() {
            proc_status_kb("VmRSS:")
        } else {
            None
        };
        rows.push(measure(name, text));
        if is_largest {
            peak = baseline.zip(proc_status_kb("VmHWM:"));
        }
    }

    println!(
        "abridge {} — summarize with Sentences(10), best of 3–1,000 runs{}",
        env!("CARGO_PKG_VERSION"),
        if quick { " (quick: no 10 MB)" } else { "" }
    );
    // Timings on a busy machine are noisy: say how busy it was.
    if let Ok(load) = std::fs::read_to_string("/proc/loadavg") {
        let cpus = std::thread::available_parallelism().map_or(1, |n| n.get());
        println!(
            "(load average {} on {cpus} CPUs when the runs ended)",
            load.split_whitespace().next().unwrap_or("?")
        );
    }
    println!();
    println!(
        "| input | size | summarize | MB/s | × sentence pass | × word pass | × word pass by line |"
    );
    println!("|---|---:|---:|---:|---:|---:|---:|");
    for row in &rows {
        let ratio = |floor: Duration| row.summarize.as_secs_f64() / floor.as_secs_f64();
        println!(
            "| {} | {} | {} | {:.1} | {:.2}× | {:.2}× | {:.2}× |",
            row.name,
            size(row.bytes),
            time(row.summarize),
            mb_per_s(row.bytes, row.summarize),
            ratio(row.sentences),
            ratio(row.words),
            ratio(row.line_words),
        );
    }
    println!();
    println!("Floors on the same text (best of the same number of runs, interleaved):");
    println!();
    println!("| input | sentence pass | MB/s | word pass | MB/s | word pass by line | MB/s |");
    println!("|---|---:|---:|---:|---:|---:|---:|");
    for row in &rows {
        println!(
            "| {} | {} | {:.1} | {} | {:.1} | {} | {:.1} |",
            row.name,
            time(row.sentences),
            mb_per_s(row.bytes, row.sentences),
            time(row.words),
            mb_per_s(row.bytes, row.words),
            time(row.line_words),
            mb_per_s(row.bytes, row.line_words),
        );
    }

    // Scaling: least-squares slope of log(time) on log(size) over the English
    // inputs (as ../shared/eval/speed.py fits it), and the slope between the
    // smallest and the largest.
    let english_rows = &rows[..english.len()];
    let fit = |time: fn(&Row) -> Duration| {
        let points: Vec<(f64, f64)> = english_rows
            .iter()
            .map(|r| ((r.bytes as f64).ln(), time(r).as_secs_f64().ln()))
            .collect();
        let n = points.len() as f64;
        let (mx, my) = (
            points.iter().map(|p| p.0).sum::<f64>() / n,
            points.iter().map(|p| p.1).sum::<f64>() / n,
        );
        let covariance: f64 = points.iter().map(|p| (p.0 - mx) * (p.1 - my)).sum();
        let variance: f64 = points.iter().map(|p| (p.0 - mx).powi(2)).sum();
        let (first, last) = (points[0], points[points.len() - 1]);
        (
            covariance / variance,
            (last.1 - first.1) / (last.0 - first.0),
        )
    };
    if english_rows.len() >= 2 {
        let (slope, ends) = fit(|r| r.summarize);
        let (words_slope, _) = fit(|r| r.line_words);
        println!();
        println!(
            "Scaling exponent, {} → {}: {slope:.3} (least squares over the {} English sizes; \
             {ends:.3} between the ends; 1.000 is linear; the word pass by line: {words_slope:.3})",
            size(english_rows[0].bytes),
            size(english_rows[english_rows.len() - 1].bytes),
            english_rows.len(),
        );
    }

    match (peak, proc_status_kb("VmHWM:")) {
        (Some((baseline_kb, peak_kb)), _) => {
            let input_kb = largest as f64 / KB as f64;
            println!(
                "Peak RSS while summarizing the largest input ({}): {:.1} MB = {:.1}× the input; \
                 of that, {:.1} MB = {:.1}× the input above the {:.1} MB already resident \
                 (the process and every benchmark input).",
                size(largest),
                peak_kb as f64 / 1024.0,
                peak_kb as f64 / input_kb,
                peak_kb.saturating_sub(baseline_kb) as f64 / 1024.0,
                peak_kb.saturating_sub(baseline_kb) as f64 / input_kb,
                baseline_kb as f64 / 1024.0,
            );
        }
        (None, Some(overall_kb)) => println!(
            "Peak RSS of the process: {:.1} MB = {:.1}× the largest input ({}), which \
             includes the benchmark's own copies of every input.",
            overall_kb as f64 / 1024.0,
            overall_kb as f64 * KB as f64 / largest as f64,
            size(largest)
        ),
        _ => println!("Peak RSS: not available (no /proc/self/status)."),
    }
}
