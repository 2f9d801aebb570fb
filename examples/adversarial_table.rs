//! Times `summarize` on every adversarial input and prints a Markdown table (the
//! one in docs/reliability.md):
//!
//! ```sh
//! cargo run --release --example adversarial_table
//! ```

use std::time::Instant;

use abridge::{summarize, Length, Options};

#[path = "../tests/support/adversarial.rs"]
mod adversarial;

fn main() {
    println!("| input | size | time | result |");
    println!("| --- | --- | --- | --- |");
    for (name, generate) in adversarial::inputs() {
        let text = generate();
        let mut worst = 0.0f64;
        let mut result = String::new();
        for length in [
            Length::Sentences(3),
            Length::Ratio(0.1),
            Length::Words(100),
            Length::Chars(500),
        ] {
            let options = Options::default().length(length);
            let started = Instant::now();
            let outcome = summarize(&text, &options);
            let seconds = started.elapsed().as_secs_f64();
            worst = worst.max(seconds);
            let line = match outcome {
                Ok(summary) => adversarial::check(&text, &options, &summary)
                    .unwrap_or_else(|e| format!("INVALID: {e}")),
                Err(e) => format!("error: {e}"),
            };
            if matches!(length, Length::Sentences(_)) || line.starts_with("INVALID") {
                result = line;
            }
        }
        println!(
            "| {name} | {:.1} MB | {:.2} s | {result} |",
            text.len() as f64 / 1e6,
            worst
        );
    }
}
