//! Step 4: choose sentences within the budget, without repeating content.
//!
//! Candidates are taken best score first (ties: earlier sentence first). A
//! candidate is skipped when its cosine similarity to an already chosen sentence
//! exceeds the redundancy threshold, or when it would overflow a word or
//! character budget (which counts the `gap` that joins two chosen
//! sentences); the room left is not filled with scraps.
//! The result is never empty when the text has a sentence: when none fits the
//! budget, it is the one that overshoots it least.

use crate::options::Length;

/// Each term's chosen sentences are checked only up to this many: a term that
/// common carries little weight, and the cap keeps selection linear.
const MAX_POSTINGS_PER_TERM: usize = 64;

/// Once a candidate did not fit a word or character budget, one scoring below
/// this share of the first chosen is not taken to fill the room left: a
/// reference list's "2002." read as the summary's last sentence. (A budget
/// that holds the whole text still gives all of it.)
const FILLER_SHARE: f64 = 0.1;

pub(crate) struct Candidate<'a> {
    pub score: f64,
    pub words: usize,
    pub chars: usize,
    pub vector: &'a [(u32, f32)],
    /// Headings are only chosen when nothing else is left.
    pub eligible: bool,
}

/// Returns the chosen indices in document order. `gap`: the characters that
/// join two chosen sentences in the summary's text.
pub(crate) fn select(
    candidates: &[Candidate],
    length: Length,
    redundancy: f64,
    gap: usize,
) -> Vec<usize> {
    let n = candidates.len();
    if n == 0 {
        return Vec::new();
    }
    let eligible_count = candidates.iter().filter(|c| c.eligible).count();
    let max_sentences = match length {
        Length::Sentences(k) => k,
        Length::Ratio(r) => ((r * eligible_count.max(1) as f64).round() as usize).max(1),
        Length::Words(_) | Length::Chars(_) => usize::MAX,
    };
    let (max_words, max_chars) = match length {
        Length::Words(w) => (w, usize::MAX),
        Length::Chars(c) => (usize::MAX, c),
        _ => (usize::MAX, usize::MAX),
    };
    // Cosine above this counts as repeating a chosen sentence; 1 + ε never triggers.
    let threshold = if redundancy <= 0.0 {
        1.0 + 1e-6
    } else {
        1.0 - 0.7 * redundancy
    };

    let scores = budget_scores(candidates, max_sentences, eligible_count);
    let mut order = BestFirst::new(candidates, &scores);
    let mut chosen = Vec::new();
    // The chosen sentences' postings, `(slot, weight, the term's previous
    // posting)`, chained per term from `newest[t]` = (its last posting, its
    // count), or none when that is `NONE` (or `t` is past the end). Indexed
    // by term rather than hashed, so no hash map of this type is in the
    // wasm; chained in one buffer rather than a vector per term (a summary
    // of 10 KB of news: 56 allocations fewer, 3.07 M -> 3.04 M instructions).
    const NONE: u32 = u32::MAX;
    let mut newest: Vec<(u32, u32)> = Vec::new();
    let mut postings: Vec<(u32, f32, u32)> = Vec::new();
    let mut overlap: Vec<f32> = Vec::new();
    let (mut words, mut chars) = (0usize, 0usize);
    // The candidate that overshot the budget least, and by how much.
    let mut closest = (usize::MAX, None);
    // A candidate did not fit the word or character budget.
    let mut full = false;
    while let Some(i) = order.pop() {
        if chosen.len() >= max_sentences {
            break;
        }
        let candidate = &candidates[i];
        if let Some(&first) = chosen.first() {
            // The room a sentence too long for the budget left is filled with
            // what still fits, but not with scraps.
            if !candidate.eligible || full && scores[i] < scores[first] * FILLER_SHARE {
                break;
            }
        }
        let (with_words, with_chars) = (words + candidate.words, chars + candidate.chars);
        if with_words > max_words || with_chars > max_chars {
            full = true;
            // Should nothing fit: not the best sentence, which may be many
            // times the budget, but the one closest to it.
            // (One of the two budgets is unbounded.)
            let size = if max_words < usize::MAX {
                with_words
            } else {
                with_chars
            };
            if size < closest.0 {
                closest = (size, Some(i));
            }
            continue;
        }
        overlap.iter_mut().for_each(|o| *o = 0.0);
        let mut redundant = false;
        for &(term, weight) in candidate.vector {
            let mut at = newest.get(term as usize).map_or(NONE, |&(last, _)| last);
            while let Some(&(slot, other, previous)) = postings.get(at as usize) {
                let o = &mut overlap[slot as usize];
                *o += weight * other;
                redundant |= f64::from(*o) > threshold;
                at = previous;
            }
        }
        if redundant {
            continue;
        }
        let slot = chosen.len() as u32;
        overlap.push(0.0);
        for &(term, weight) in candidate.vector {
            let term = term as usize;
            if term >= newest.len() {
                newest.resize(term + 1, (NONE, 0));
            }
            let (last, count) = &mut newest[term];
            if (*count as usize) < MAX_POSTINGS_PER_TERM {
                postings.push((slot, weight, *last));
                *last = postings.len() as u32 - 1;
                *count += 1;
            }
        }
        chosen.push(i);
        words = with_words;
        // The next sentence is joined to this one.
        chars = with_chars + gap;
    }
    if chosen.is_empty() {
        chosen.extend(closest.1);
    }
    crate::order::sort_by(&mut chosen, &|a, b| a.cmp(&b));
    chosen
}

/// The candidates best first: eligible before ineligible, then by score
/// (`f64::total_cmp`, higher first), ties to the earlier sentence.
///
/// Each candidate's place in that order is one integer key, and the keys form
/// a binary min-heap that hands out only as many candidates as the budget
/// takes. Sorting all of them through a comparator cost 7.3 M instructions on
/// 1 MB of news (8.5 k sentences) for the ten a summary keeps.
struct BestFirst {
    heap: Vec<u128>,
}

impl BestFirst {
    fn new(candidates: &[Candidate], scores: &[f64]) -> Self {
        let mut heap: Vec<u128> = candidates
            .iter()
            .zip(scores)
            .enumerate()
            .map(|(i, (candidate, &score))| {
                // `total_cmp`'s order as unsigned integers, then reversed: a
                // higher score gives a smaller key.
                let bits = score.to_bits() as i64;
                let ordered = (bits ^ (((bits >> 63) as u64) >> 1) as i64) as u64 ^ (1 << 63);
                u128::from(!candidate.eligible) << 96 | u128::from(!ordered) << 32 | i as u128
            })
            .collect();
        for root in (0..heap.len() / 2).rev() {
            sift_down(&mut heap, root);
        }
        BestFirst { heap }
    }

    fn peek(&self) -> Option<usize> {
        self.heap.first().map(|&key| key as u32 as usize)
    }

    fn pop(&mut self) -> Option<usize> {
        let best = self.peek()?;
        let last = self.heap.pop()?;
        if let Some(root) = self.heap.first_mut() {
            *root = last;
            sift_down(&mut self.heap, 0);
        }
        Some(best)
    }
}

/// Restores the min-heap below `root`.
fn sift_down(heap: &mut [u128], mut root: usize) {
    loop {
        let mut child = 2 * root + 1;
        if child >= heap.len() {
            return;
        }
        if child + 1 < heap.len() && heap[child + 1] < heap[child] {
            child += 1;
        }
        if heap[root] <= heap[child] {
            return;
        }
        heap.swap(root, child);
        root = child;
    }
}

/// A long text summarized in a large share of its sentences is an overview:
/// coverage comes from the number of sentences, and every word of a long one
/// costs the summary room. Then a candidate longer than the median eligible
/// sentence counts (median / words)^`COVERAGE_LENGTH_EXPONENT` of its score.
const COVERAGE_SHARE: f64 = 0.1;
/// ...for texts of at least this many sentences (short texts are left alone).
const COVERAGE_MIN_SENTENCES: usize = 100;
const COVERAGE_LENGTH_EXPONENT: f64 = 2.5;

/// The scores that order the candidates: the scorer's, or, for an overview of
/// a long text, those scores with long sentences marked down.
fn budget_scores(candidates: &[Candidate], max_sentences: usize, eligible: usize) -> Vec<f64> {
    let overview = eligible >= COVERAGE_MIN_SENTENCES
        && max_sentences != usize::MAX
        && max_sentences as f64 >= COVERAGE_SHARE * eligible as f64;
    if !overview {
        return candidates.iter().map(|c| c.score).collect();
    }
    let mut words: Vec<usize> = candidates
        .iter()
        .filter(|c| c.eligible)
        .map(|c| c.words)
        .collect();
    let middle = words.len() / 2;
    crate::order::sort_by(&mut words, &|a, b| a.cmp(&b));
    let median = words[middle].max(1);
    candidates
        .iter()
        .map(|c| {
            if c.words <= median {
                c.score
            } else {
                c.score
                    * crate::options::power(
                        median as f64 / c.words as f64,
                        COVERAGE_LENGTH_EXPONENT,
                    )
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn candidate(score: f64, words: usize, vector: &[(u32, f32)]) -> Candidate<'_> {
        Candidate {
            score,
            words,
            chars: words * 5,
            vector,
            eligible: true,
        }
    }

    #[test]
    fn budgets() {
        let v = [[(0, 1.0)], [(1, 1.0)], [(2, 1.0)], [(3, 1.0)]];
        let c = [
            candidate(0.1, 10, &v[0]),
            candidate(0.9, 30, &v[1]),
            candidate(0.5, 10, &v[2]),
            candidate(0.7, 10, &v[3]),
        ];
        let cases: [(&str, Length, &[usize]); 6] = [
            ("top two, in document order", Length::Sentences(2), &[1, 3]),
            ("more than there are", Length::Sentences(9), &[0, 1, 2, 3]),
            ("ratio rounds", Length::Ratio(0.5), &[1, 3]),
            ("tiny ratio still gives one", Length::Ratio(0.01), &[1]),
            ("words skip what does not fit", Length::Words(45), &[1, 3]),
            (
                "nothing fits: the closest, the best of equals",
                Length::Words(5),
                &[3],
            ),
        ];
        for (name, length, expected) in cases {
            assert_eq!(select(&c, length, 0.5, 0), expected, "{name}");
        }
    }

    #[test]
    fn a_character_budget_counts_what_joins_the_sentences() {
        let v = [[(0, 1.0)], [(1, 1.0)], [(2, 1.0)]];
        // 50, 25 and 25 characters: 100 hold all three only without the
        // spaces between them.
        let c = [
            candidate(0.9, 10, &v[0]),
            candidate(0.5, 5, &v[1]),
            candidate(0.4, 5, &v[2]),
        ];
        assert_eq!(select(&c, Length::Chars(100), 0.5, 0), [0, 1, 2]);
        assert_eq!(select(&c, Length::Chars(100), 0.5, 1), [0, 1]);
        assert_eq!(select(&c, Length::Chars(102), 0.5, 1), [0, 1, 2]);
    }

    #[test]
    fn when_nothing_fits_the_closest_is_taken_not_the_best() {
        let v = [[(0, 1.0)], [(1, 1.0)], [(2, 1.0)]];
        let c = [
            candidate(0.9, 40, &v[0]),
            candidate(0.2, 12, &v[1]),
            candidate(0.5, 12, &v[2]),
        ];
        // Two overshoot a budget of 10 words by 2: the better of them.
        assert_eq!(select(&c, Length::Words(10), 0.5, 0), [2]);
        assert_eq!(select(&c, Length::Chars(59), 0.5, 0), [2]);
        // A budget one larger does not give a shorter summary than this one.
        assert_eq!(select(&c, Length::Words(12), 0.5, 0), [2]);
    }

    #[test]
    fn a_word_budget_is_not_filled_with_scraps() {
        let v = [[(0, 1.0)], [(1, 1.0)], [(2, 1.0)]];
        // The best fills most of the budget; a long runner-up does not fit;
        // a one-word scrap scoring under a tenth of the best would.
        let c = [
            candidate(0.9, 40, &v[0]),
            candidate(0.5, 20, &v[1]),
            candidate(0.05, 1, &v[2]),
        ];
        assert_eq!(select(&c, Length::Words(45), 0.5, 0), [0]);
        assert_eq!(select(&c, Length::Chars(225), 0.5, 0), [0]);
        // A budget that holds the whole text, or a count of sentences (the
        // reader's number), takes it.
        assert_eq!(select(&c, Length::Words(61), 0.5, 0), [0, 1, 2]);
        assert_eq!(select(&c, Length::Sentences(3), 0.5, 0), [0, 1, 2]);
        // At a tenth or more it is a sentence, and fills the room.
        let c = [
            candidate(0.9, 40, &v[0]),
            candidate(0.5, 20, &v[1]),
            candidate(0.1, 1, &v[2]),
        ];
        assert_eq!(select(&c, Length::Words(45), 0.5, 0), [0, 2]);
    }

    #[test]
    fn redundancy_skips_near_duplicates() {
        let same = [(7, 1.0)];
        let other = [(8, 1.0)];
        let c = [
            candidate(0.9, 5, &same),
            candidate(0.8, 5, &same),
            candidate(0.1, 5, &other),
        ];
        assert_eq!(select(&c, Length::Sentences(2), 0.5, 0), [0, 2]);
        assert_eq!(select(&c, Length::Sentences(2), 0.0, 0), [0, 1]);
    }

    #[test]
    fn an_overview_of_a_long_text_prefers_shorter_sentences() {
        let v = [(0u32, 1.0f32)];
        // 200 sentences of 10 words; two long candidates score highest.
        let mut c: Vec<Candidate> = (0..200).map(|_| candidate(0.1, 10, &v)).collect();
        c[0] = candidate(0.9, 40, &v);
        c[1] = candidate(0.5, 10, &v);
        // A small budget (3 of 200) keeps the scorer's order...
        assert_eq!(select(&c, Length::Sentences(1), 0.0, 0), [0]);
        // ...a large one (30 of 200) marks the 40-word sentence down by 4^2.5 = 32.
        assert!(select(&c, Length::Sentences(30), 0.0, 0).contains(&1));
        let scores = budget_scores(&c, 30, 200);
        assert!((scores[0] - 0.9 / 32.0).abs() < 1e-12);
        assert_eq!(scores[1], 0.5);
        // Short texts are left alone whatever the budget.
        let short = &c[..50];
        assert_eq!(budget_scores(short, 30, 50)[0], 0.9);
    }

    #[test]
    fn best_first_is_the_comparison_order() {
        let v = [(0u32, 1.0f32)];
        let scores = [
            0.5,
            -0.0,
            0.0,
            0.5,
            -1.0,
            f64::NAN,
            1e-300,
            0.25,
            f64::INFINITY,
            -0.5,
            0.5,
            f64::NEG_INFINITY,
        ];
        let c: Vec<Candidate> = scores
            .iter()
            .enumerate()
            .map(|(i, &s)| Candidate {
                eligible: i % 5 != 3,
                ..candidate(s, 5, &v)
            })
            .collect();
        let expected = crate::order::sorted_indices(c.len(), &|a, b| {
            c[b].eligible
                .cmp(&c[a].eligible)
                .then(scores[b].total_cmp(&scores[a]))
        });
        let mut order = BestFirst::new(&c, &scores);
        let got: Vec<usize> = std::iter::from_fn(|| order.pop()).collect();
        assert_eq!(got, expected);
    }

    #[test]
    fn ties_go_to_the_earlier_sentence() {
        let v = [[(0, 1.0)], [(1, 1.0)]];
        let c = [candidate(0.5, 5, &v[0]), candidate(0.5, 5, &v[1])];
        assert_eq!(select(&c, Length::Sentences(1), 0.5, 0), [0]);
    }
}
