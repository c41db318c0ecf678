//! [`TopQuotes`]: the top-level quotes of a draft by start, in a sorted
//! vector.

use core::ops::{Bound, RangeBounds};

/// The top-level quotes of a [`Draft`](super::Draft) by start: byte start
/// → index into [`Draft::quotes`](super::Draft::quotes), in order of start.
///
/// The subset of `BTreeMap<usize, usize>` the passes use, over one sorted
/// vector: a document holds a few dozen top-level quotes, so a binary
/// search and a short shift on insertion cost far less than the tree's
/// nodes (its look-ups and range walks were 2% of the pipeline's
/// instructions on PolNeAR dev, its node allocations more of its time).
#[derive(Clone, Debug, Default)]
pub(crate) struct TopQuotes {
    /// (start, quote index), sorted by start; each start at most once.
    entries: Vec<Entry>,
}

/// One top-level quote: (start, quote index).
pub(crate) type Entry = (usize, usize);

impl TopQuotes {
    /// The map of `entries`, (start, index) pairs in any order; for a start
    /// given twice the later index is kept, as a map's `collect` would.
    /// `room` more quotes fit without regrowth.
    #[cfg(test)]
    pub fn new(mut entries: Vec<(usize, usize)>, room: usize) -> TopQuotes {
        TopQuotes::new_in(&mut entries, room, Vec::new())
    }

    /// [`new`](Self::new), sorting `entries` in place and keeping the map
    /// in `room_from` (cleared first: its room is reused; see
    /// [`into_list`](Self::into_list)).
    pub fn new_in(entries: &mut [(usize, usize)], room: usize, mut room_from: Vec<Entry>) -> TopQuotes {
        // (A stable sort keeps the pairs of one start in their order, so
        // the last one given is the last of its run.)
        entries.sort_by_key(|&(start, _)| start);
        let out = &mut room_from;
        out.clear();
        out.reserve(entries.len() + room);
        for &(start, q) in entries.iter() {
            match out.last_mut() {
                Some(last) if last.0 == start => last.1 = q,
                _ => out.push((start, q)),
            }
        }
        TopQuotes { entries: room_from }
    }

    /// The map's vector, for [`new_in`](Self::new_in) to reuse.
    pub fn into_list(self) -> Vec<Entry> {
        self.entries
    }

    /// The position of `start` in the entries, or where it would go.
    fn position(&self, start: usize) -> Result<usize, usize> {
        self.entries.binary_search_by_key(&start, |&(s, _)| s)
    }

    /// The index of the quote that starts at `start`.
    pub fn get(&self, start: &usize) -> Option<&usize> {
        let i = self.position(*start).ok()?;
        self.entries.get(i).map(|(_, q)| q)
    }

    /// Sets the quote that starts at `start` (replacing any other there).
    pub fn insert(&mut self, start: usize, q: usize) {
        match self.position(start) {
            Ok(i) => self.entries[i].1 = q,
            Err(i) => self.entries.insert(i, (start, q)),
        }
    }

    /// Removes the quote that starts at `start`, if any.
    pub fn remove(&mut self, start: &usize) {
        if let Ok(i) = self.position(*start) {
            self.entries.remove(i);
        }
    }

    /// How many top-level quotes there are.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// The quote indices in order of start.
    pub fn values(&self) -> impl DoubleEndedIterator<Item = &usize> + '_ {
        self.entries.iter().map(|(_, q)| q)
    }

    /// The last (start, index) pair that starts before `start`, and the
    /// pairs that start in `start..end`, in order: one search, then a walk
    /// over what it returns (the quotes overlapping a span, for
    /// [`Draft::top_overlapping`](super::Draft::top_overlapping)).
    pub fn around(&self, start: usize, end: usize) -> (Option<&Entry>, &[Entry]) {
        let lo = self.entries.partition_point(|&(k, _)| k < start);
        let rest = self.entries.get(lo..).unwrap_or(&[]);
        let n = rest.iter().take_while(|&&(k, _)| k < end).count();
        (lo.checked_sub(1).and_then(|b| self.entries.get(b)), rest.get(..n).unwrap_or(&[]))
    }

    /// The (start, index) pairs whose start lies in `range`, in order of
    /// start.
    pub fn range(&self, range: impl RangeBounds<usize>) -> impl DoubleEndedIterator<Item = (&usize, &usize)> + '_ {
        let lo = match range.start_bound() {
            Bound::Included(&s) => self.entries.partition_point(|&(k, _)| k < s),
            Bound::Excluded(&s) => self.entries.partition_point(|&(k, _)| k <= s),
            Bound::Unbounded => 0,
        };
        let hi = match range.end_bound() {
            Bound::Included(&e) => self.entries.partition_point(|&(k, _)| k <= e),
            Bound::Excluded(&e) => self.entries.partition_point(|&(k, _)| k < e),
            Bound::Unbounded => self.entries.len(),
        };
        self.entries.get(lo..hi.max(lo)).unwrap_or(&[]).iter().map(|(k, q)| (k, q))
    }
}

#[cfg(test)]
mod tests {
    use super::TopQuotes;
    use std::collections::BTreeMap;

    /// Every operation agrees with a `BTreeMap` on a mixed sequence.
    #[test]
    fn agrees_with_a_btree_map() {
        let start = vec![(30, 0), (10, 1), (20, 2), (10, 3)];
        let mut top = TopQuotes::new(start.clone(), 0);
        let mut map: BTreeMap<usize, usize> = start.into_iter().collect();
        let check = |top: &TopQuotes, map: &BTreeMap<usize, usize>| {
            assert_eq!(top.values().copied().collect::<Vec<_>>(), map.values().copied().collect::<Vec<_>>());
            for a in 0..45 {
                assert_eq!(top.get(&a), map.get(&a), "get {a}");
                assert_eq!(top.range(..a).next_back(), map.range(..a).next_back(), "..{a}");
                assert_eq!(top.range(a + 1..).next(), map.range(a + 1..).next(), "{a}+1..");
                for b in a..45 {
                    let got: Vec<_> = top.range(a..b).collect();
                    let want: Vec<_> = map.range(a..b).collect();
                    assert_eq!(got, want, "{a}..{b}");
                    let (before, inside) = top.around(a, b);
                    assert_eq!(before.map(|(k, q)| (k, q)), map.range(..a).next_back(), "before {a}");
                    assert_eq!(inside.iter().map(|(k, q)| (k, q)).collect::<Vec<_>>(), want, "around {a}..{b}");
                }
            }
        };
        check(&top, &map);
        for (k, v) in [(25, 4), (20, 5), (5, 6), (40, 7)] {
            top.insert(k, v);
            map.insert(k, v);
            check(&top, &map);
        }
        for k in [20, 21, 5, 40] {
            top.remove(&k);
            map.remove(&k);
            check(&top, &map);
        }
    }
}
