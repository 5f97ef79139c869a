//! Stable sorting with one copy of the sort algorithm in the page's wasm.
//!
//! std's stable sort is generic over the element type and the comparator, so each call site gets
//! its own copy of the whole algorithm (driftsort, its small sorts and merges): 27 copies, 190 KB
//! of the wasm's code before these functions (BENCHMARKS.md, "Size budget"). On wasm32 these sort a
//! list of indices instead, with the comparator behind a `dyn` reference, so the algorithm is
//! instantiated once, and then move the elements into that order: the same result as std's stable
//! sort. Natively they are std's sort (speed matters there, size does not).

use std::cmp::Ordering;

/// Sorts `v` stably by `compare`, as `slice::sort_by` does.
pub fn by<T>(v: &mut [T], compare: impl FnMut(&T, &T) -> Ordering) {
    #[cfg(target_arch = "wasm32")]
    by_indices(v, compare);
    #[cfg(not(target_arch = "wasm32"))]
    v.sort_by(compare);
}

/// Sorts `v` stably by `key`, as `slice::sort_by_key` does.
pub fn by_key<T, K: Ord>(v: &mut [T], mut key: impl FnMut(&T) -> K) {
    by(v, |a, b| key(a).cmp(&key(b)));
}

/// Sorts plain `u32`s: one instantiation of the unstable sort for every caller (equal integers
/// cannot be told apart, so stability does not matter), faster than [`by`]'s index sort on the
/// many short lists of the claims stage.
#[inline(never)]
pub fn integers(v: &mut [u32]) {
    v.sort_unstable();
}

/// What [`by`] does on wasm32: sort the indices once (one instantiation for every caller), then
/// move the elements into place.
pub fn by_indices<T>(v: &mut [T], mut compare: impl FnMut(&T, &T) -> Ordering) {
    let mut order: Vec<usize> = (0..v.len()).collect();
    sort_indices(&mut order, &mut |i, j| compare(&v[i], &v[j]));
    permute(v, order);
}

/// The one instantiation of the stable sort: indices, compared through a `dyn` closure.
#[inline(never)]
fn sort_indices(order: &mut [usize], compare: &mut dyn FnMut(usize, usize) -> Ordering) {
    order.sort_by(|&i, &j| compare(i, j));
}

/// Rearranges `v` so that position `k` holds the element that was at `order[k]`, following each
/// cycle of the permutation with swaps (no copies, no `Clone`).
fn permute<T>(v: &mut [T], mut order: Vec<usize>) {
    for start in 0..v.len() {
        let mut at = start;
        // A position already filled points at itself.
        while order[at] != at {
            let from = order[at];
            order[at] = at;
            if from == start {
                break; // the cycle closes: the element that was at `start` has arrived here
            }
            v.swap(at, from);
            at = from;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A small deterministic generator, so the test needs no dependency.
    fn numbers(seed: u64, n: usize, range: u64) -> Vec<u64> {
        let mut x = seed;
        (0..n)
            .map(|_| {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                x % range
            })
            .collect()
    }

    #[test]
    fn sorts_through_indices_exactly_as_std_stable_sort_does() {
        for (seed, n, range) in
            [(1, 0, 1), (2, 1, 5), (3, 2, 2), (4, 17, 3), (5, 100, 10), (6, 1000, 50), (7, 3000, 4000)]
        {
            // Pairs of (key, original position): equal keys show whether the order among them is kept.
            let keys = numbers(seed, n, range);
            let items: Vec<(u64, usize)> = keys.into_iter().enumerate().map(|(i, k)| (k, i)).collect();
            let mut expected = items.clone();
            expected.sort_by_key(|&(k, _)| k);
            let mut got = items.clone();
            by_indices(&mut got, |a, b| a.0.cmp(&b.0));
            assert_eq!(got, expected, "seed {seed}, {n} items");
        }
    }

    #[test]
    fn keeps_equal_elements_in_their_order_while_moving_them() {
        let mut v: Vec<String> = ["pear", "fig", "apple", "kiwi", "date"].map(String::from).into();
        by_indices(&mut v, |a, b| a.len().cmp(&b.len()));
        assert_eq!(v, ["fig", "pear", "kiwi", "date", "apple"]);
    }

    #[test]
    fn sorts_by_key_in_reverse() {
        let mut v = vec![3, 1, 2];
        by_key(&mut v, |&x| std::cmp::Reverse(x));
        assert_eq!(v, [3, 2, 1]);
    }

    #[cfg(not(target_arch = "wasm32"))] // no file system on wasm32
    #[test]
    fn stable_sorts_go_through_this_module() {
        // The native CLI (src/bin) may sort as it likes: it is not in the wasm.
        let std_sort = [".sort()", ".sort_by(", ".sort_by_key(", ".sort_by_cached_key("];
        let found: Vec<String> = crate::source_code::files_before_tests()
            .into_iter()
            .filter(|(path, code)| {
                path != "src/sort.rs" && !path.starts_with("src/bin/") && std_sort.iter().any(|s| code.contains(s))
            })
            .map(|(path, _)| path)
            .collect();
        assert!(
            found.is_empty(),
            "sort with claimlens::sort (one copy of the algorithm in the wasm), not in {found:?}"
        );
    }
}
