//! A stable sort that is small in WebAssembly.
//!
//! `slice::sort_by` is generated anew for every element type and comparison (about 3 KB of the
//! calculator's download each, eight times over, issue 17). The lists sorted in the core are short
//! (a meal's amounts, a month's meals, a file's problems), so one merge sort on positions, shared
//! by every caller, does the work; only moving the items into their order is per type. The order
//! is the same as `sort_by`'s: a stable sort has one answer.

use std::cmp::Ordering;
use std::collections::BTreeSet;

/// The positions `0..n` in the order `before` gives (`before(i, j)`: item `i` goes before item
/// `j`), keeping equal items in their order. A bottom-up merge sort, O(n log n).
fn sorted_positions(n: usize, before: &dyn Fn(usize, usize) -> bool) -> Vec<usize> {
    let mut order: Vec<usize> = (0..n).collect();
    let mut spare = order.clone();
    let mut width = 1;
    while width < n {
        for start in (0..n).step_by(2 * width) {
            let mid = (start + width).min(n);
            let end = (start + 2 * width).min(n);
            let (mut i, mut j) = (start, mid);
            for slot in &mut spare[start..end] {
                // Take from the right only when it goes strictly before the left: stable.
                let right = j < end && (i >= mid || before(order[j], order[i]));
                *slot = if right { order[j] } else { order[i] };
                if right {
                    j += 1;
                } else {
                    i += 1;
                }
            }
        }
        std::mem::swap(&mut order, &mut spare);
        width *= 2;
    }
    order
}

/// Sorts `v` by `cmp`, stably (as `v.sort_by(cmp)`).
///
/// ```
/// let mut v = vec![(2, 'a'), (1, 'b'), (2, 'c'), (1, 'd')];
/// zhucan::core::sort::sort_by(&mut v, |x, y| x.0.cmp(&y.0));
/// assert_eq!(v, [(1, 'b'), (1, 'd'), (2, 'a'), (2, 'c')]);
/// ```
pub fn sort_by<T>(v: &mut Vec<T>, cmp: impl Fn(&T, &T) -> Ordering) {
    let order = sorted_positions(v.len(), &|i, j| cmp(&v[i], &v[j]) == Ordering::Less);
    let mut items: Vec<Option<T>> = v.drain(..).map(Some).collect();
    v.extend(order.into_iter().filter_map(|i| items[i].take()));
}

/// The set of `items`, built by inserting them one by one: `collect()` and `BTreeSet::from` sort
/// the items first, which brings in the standard sort for the element type.
///
/// ```
/// let s = zhucan::core::sort::set([3, 1, 3, 2]);
/// assert_eq!(s.into_iter().collect::<Vec<_>>(), [1, 2, 3]);
/// ```
pub fn set<T: Ord>(items: impl IntoIterator<Item = T>) -> BTreeSet<T> {
    let mut out = BTreeSet::new();
    out.extend(items);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_order_as_the_standard_stable_sort() {
        // Every list of up to 7 items over 3 keys (3^7 = 2,187 lists), each item tagged with its
        // place so that stability shows.
        for n in 0..=7u32 {
            for code in 0..3u32.pow(n) {
                let v: Vec<(u32, u32)> = (0..n).map(|i| ((code / 3u32.pow(i)) % 3, i)).collect();
                let mut ours = v.clone();
                sort_by(&mut ours, |a, b| a.0.cmp(&b.0));
                let mut std = v.clone();
                std.sort_by_key(|a| a.0);
                assert_eq!(ours, std, "{v:?}");
            }
        }
    }

    #[test]
    fn long_lists_descending() {
        // 1,000 items, keys 0..10 repeating, sorted most first: the 100 nines first, in their order.
        let v: Vec<(u32, usize)> = (0..1000).map(|i| ((i * 7 % 10) as u32, i)).collect();
        let mut ours = v.clone();
        sort_by(&mut ours, |a, b| b.0.cmp(&a.0));
        assert!(ours[..100].iter().all(|x| x.0 == 9));
        assert!(ours.windows(2).all(|w| w[0].0 > w[1].0 || (w[0].0 == w[1].0 && w[0].1 < w[1].1)));
        assert_eq!(ours.len(), 1000);
    }
}
