//! One sort for the whole crate.

use std::cmp::Ordering;

/// The indices `0..n` in the order `compare` puts them, ties in index order.
///
/// Every `sort_by` call site instantiates the standard library's sort anew,
/// about 4 KB of wasm each; sorting indices through one `dyn` comparator
/// instantiates it once. The sorts here are over sentences, keywords and
/// entities, never over every word, so the indirect call costs nothing visible.
pub(crate) fn sorted_indices(n: usize, compare: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..n).collect();
    sort_by(&mut order, compare);
    order
}

/// The first `k` of [`sorted_indices`]`(n, compare)`, without sorting the
/// rest: the best `k` so far are kept in order and each further index is
/// compared with the last of them, which it rarely beats. Ten keywords out of
/// the 8 k candidate terms of 1 MB of news from many stories: 10.5 -> 0.3 M
/// instructions. Past a few hundred, all are sorted.
pub(crate) fn first_indices(
    n: usize,
    k: usize,
    compare: &dyn Fn(usize, usize) -> Ordering,
) -> Vec<usize> {
    if k > 256 {
        let mut order = sorted_indices(n, compare);
        order.truncate(k);
        return order;
    }
    let mut first: Vec<usize> = Vec::with_capacity(k);
    for i in 0..n {
        if first.len() == k {
            // Full: `i` takes the last one's place only if it beats it.
            match first.last() {
                Some(&last) if compare(i, last) == Ordering::Less => first.pop(),
                _ => continue,
            };
        }
        // Moved down past those it beats, and no further than its equals:
        // ties in index order, as in a stable sort.
        first.push(i);
        let mut j = first.len() - 1;
        while j > 0 && compare(first[j - 1], i) == Ordering::Greater {
            first[j] = first[j - 1];
            j -= 1;
        }
        first[j] = i;
    }
    first
}

/// Sorts `values` stably in the order `compare` puts them.
///
/// A merge sort of insertion-sorted runs, written out rather than the
/// standard library's stable sort: that one is 5 KB of wasm (quicksort,
/// driftsort and their small-sort networks) where this is a few hundred
/// bytes, and with a `dyn` comparator the comparisons, not the sort's
/// cleverness, are the cost.
pub(crate) fn sort_by(values: &mut [usize], compare: &dyn Fn(usize, usize) -> Ordering) {
    const RUN: usize = 16;
    let n = values.len();
    for run in values.chunks_mut(RUN) {
        for i in 1..run.len() {
            let value = run[i];
            let mut j = i;
            while j > 0 && compare(run[j - 1], value) == Ordering::Greater {
                run[j] = run[j - 1];
                j -= 1;
            }
            run[j] = value;
        }
    }
    if n <= RUN {
        return;
    }
    let mut from = values.to_vec();
    let mut to = vec![0; n];
    let mut width = RUN;
    while width < n {
        for start in (0..n).step_by(2 * width) {
            let middle = (start + width).min(n);
            let end = (start + 2 * width).min(n);
            let (mut i, mut j) = (start, middle);
            for slot in &mut to[start..end] {
                // Ties from the left: stable.
                if j == end || (i < middle && compare(from[i], from[j]) != Ordering::Greater) {
                    *slot = from[i];
                    i += 1;
                } else {
                    *slot = from[j];
                    j += 1;
                }
            }
        }
        std::mem::swap(&mut from, &mut to);
        width *= 2;
    }
    values.copy_from_slice(&from);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_indices_are_the_sorted_prefix() {
        let mut state = 7u32;
        for n in [0, 1, 5, 40, 300, 2000] {
            let keys: Vec<u32> = (0..n)
                .map(|_| {
                    state = state.wrapping_mul(1_103_515_245).wrapping_add(12_345);
                    (state >> 16) % 30
                })
                .collect();
            let compare = |a: usize, b: usize| keys[b].cmp(&keys[a]);
            let sorted = sorted_indices(n, &compare);
            for k in [0, 1, 3, 10, 256, 257, 5000] {
                let expected = &sorted[..k.min(n)];
                assert_eq!(first_indices(n, k, &compare), expected, "n = {n}, k = {k}");
            }
        }
    }

    #[test]
    fn sorts_stably() {
        let keys = [3, 1, 2, 1, 3];
        let order = sorted_indices(keys.len(), &|a, b| keys[a].cmp(&keys[b]));
        assert_eq!(order, [1, 3, 2, 0, 4]);
        assert!(sorted_indices(0, &|_, _| Ordering::Equal).is_empty());
        let mut values = [5, 3, 9, 3, 0];
        sort_by(&mut values, &|a, b| a.cmp(&b));
        assert_eq!(values, [0, 3, 3, 5, 9]);
        // Against the standard library's stable sort, across the run and
        // merge sizes, with many ties.
        for n in [0, 1, 2, 15, 16, 17, 31, 32, 33, 100, 1000, 4097] {
            let keys: Vec<u32> = (0..n as u32)
                .map(|i| i.wrapping_mul(2654435761) % 37)
                .collect();
            let order = sorted_indices(n, &|a, b| keys[a].cmp(&keys[b]));
            let mut expected: Vec<usize> = (0..n).collect();
            expected.sort_by_key(|&i| keys[i]);
            assert_eq!(order, expected, "n = {n}");
        }
    }
}
