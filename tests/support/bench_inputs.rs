//! The benchmark's inputs, built from the fixtures: shared by
//! `benches/throughput.rs` (speed) and `tests/memory.rs` (peak memory), so both
//! measure the same texts.

pub const KB: usize = 1 << 10;
pub const MB: usize = 1 << 20;

pub const NEWS: [&str; 5] = [
    include_str!("../fixtures/news-bridge.txt"),
    include_str!("../fixtures/news-storm.txt"),
    include_str!("../fixtures/news-earnings.txt"),
    include_str!("../fixtures/news-glacier.txt"),
    include_str!("../fixtures/news-marathon.txt"),
];
pub const GERMAN: &str = include_str!("../fixtures/news-de.txt");
pub const CHINESE: &str = include_str!("../fixtures/news-zh.txt");

/// A small deterministic generator (xorshift64*), so every run benchmarks the same text.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            let j = (self.next() % (i as u64 + 1)) as usize;
            items.swap(i, j);
        }
    }
}

/// One copy of an article: title and lead paragraph in place, the body shuffled.
fn push_article(out: &mut String, article: &str, rng: &mut Rng) {
    let paragraphs: Vec<&str> = article
        .split("\n\n")
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    let keep = paragraphs.len().min(2);
    let mut body = paragraphs[keep..].to_vec();
    rng.shuffle(&mut body);
    for paragraph in paragraphs[..keep].iter().chain(&body) {
        out.push_str(paragraph);
        out.push_str("\n\n");
    }
}

/// About `bytes` of text from `articles`, whole articles only, in varying order.
pub fn build(articles: &[&str], bytes: usize, seed: u64) -> String {
    let mut rng = Rng(seed);
    let mut out = String::with_capacity(bytes + 8 * KB);
    let mut order: Vec<usize> = (0..articles.len()).collect();
    while out.len() < bytes {
        rng.shuffle(&mut order);
        for &i in &order {
            if out.len() >= bytes {
                break;
            }
            push_article(&mut out, articles[i], &mut rng);
        }
    }
    out
}
