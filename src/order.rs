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

/// Sorts `values` stably in the order `compare` puts them: the crate's one
/// instantiation of the standard library's sort (see [`sorted_indices`]).
pub(crate) fn sort_by(values: &mut [usize], compare: &dyn Fn(usize, usize) -> Ordering) {
    values.sort_by(|&a, &b| compare(a, b));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_stably() {
        let keys = [3, 1, 2, 1, 3];
        let order = sorted_indices(keys.len(), &|a, b| keys[a].cmp(&keys[b]));
        assert_eq!(order, [1, 3, 2, 0, 4]);
        assert!(sorted_indices(0, &|_, _| Ordering::Equal).is_empty());
        let mut values = [5, 3, 9, 3, 0];
        sort_by(&mut values, &|a, b| a.cmp(&b));
        assert_eq!(values, [0, 3, 3, 5, 9]);
    }
}
