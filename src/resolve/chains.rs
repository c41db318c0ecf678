//! [`Chains`]: lists of entities under 64-bit hash keys, for the
//! resolver's look-up of names by their words.

/// Lists of entities, each filed under a 64-bit key (a hash of a word or
/// a name), in the order they were filed, each at most once per list.
///
/// The keys are hashes already, so the table places them by a multiply
/// and probes linearly, with no hasher of its own: this replaced two
/// `HashMap`s of the resolver (hashing a hash again, and growing from
/// empty in each document). The lists share one arena of (entity, next)
/// nodes, so filing allocates nothing per list. The default is an empty
/// index with no room yet (it makes some on the first key filed).
#[derive(Debug, Default)]
pub(super) struct Chains {
    /// Open addressing, at most half full: (key, first node, last node);
    /// [`EMPTY`] as the first node marks an empty slot.
    slots: Vec<(u64, u32, u32)>,
    /// How many slots are taken.
    len: usize,
    /// The lists' nodes: (entity, next node), [`EMPTY`] ending a list.
    nodes: Vec<(u32, u32)>,
}

/// No node: an empty slot, or the end of a list.
const EMPTY: u32 = u32::MAX;

impl Chains {
    /// An empty index with room for about `keys` keys before it grows.
    #[cfg(test)]
    pub fn with_capacity(keys: usize) -> Chains {
        let mut c = Chains::default();
        c.reset(keys);
        c
    }

    /// Empties the index, with room for about `keys` keys, as
    /// [`with_capacity`](Self::with_capacity) makes it, reusing the room
    /// it has.
    pub fn reset(&mut self, keys: usize) {
        let size = (keys * 2).next_power_of_two().max(16);
        self.slots.clear();
        self.slots.resize(size, (0, EMPTY, EMPTY));
        self.len = 0;
        self.nodes.clear();
        self.nodes.reserve(keys);
    }

    /// The home slot of `key` in a table of `size` slots (a power of two).
    fn home(key: u64, size: usize) -> usize {
        (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 32) as usize & (size - 1)
    }

    /// The slot holding `key`, or the empty slot where it would go.
    fn slot(&self, key: u64) -> usize {
        let size = self.slots.len();
        if size == 0 {
            return 0;
        }
        let mut i = Chains::home(key, size);
        while let Some(&(k, first, _)) = self.slots.get(i) {
            if first == EMPTY || k == key {
                return i;
            }
            i = (i + 1) & (size - 1);
        }
        // (Unreachable: the table is never full.)
        i
    }

    /// The entities filed under `key`, in the order they were filed.
    pub fn get(&self, key: u64) -> impl Iterator<Item = usize> + '_ {
        let mut node = self.slots.get(self.slot(key)).map_or(EMPTY, |&(_, first, _)| first);
        core::iter::from_fn(move || {
            let &(e, next) = self.nodes.get(node as usize)?;
            node = next;
            Some(e as usize)
        })
    }

    /// Files entity `e` under `key`, at the end of its list, unless it is
    /// on the list already.
    pub fn file(&mut self, key: u64, e: usize) {
        // (One probe finds the list to search and, for a new entity, the
        // slot to file it in; a new key may first need a larger table.)
        let mut i = self.slot(key);
        let first = self.slots.get(i).map_or(EMPTY, |&(_, first, _)| first);
        let mut at = first;
        while let Some(&(x, next)) = self.nodes.get(at as usize) {
            if x as usize == e {
                return;
            }
            at = next;
        }
        if first == EMPTY && (self.len + 1) * 2 > self.slots.len() {
            self.grow();
            i = self.slot(key);
        }
        let node = self.nodes.len() as u32;
        self.nodes.push((e as u32, EMPTY));
        let Some(slot) = self.slots.get_mut(i) else { return };
        if slot.1 == EMPTY {
            *slot = (key, node, node);
            self.len += 1;
        } else {
            let last = slot.2 as usize;
            slot.2 = node;
            if let Some(n) = self.nodes.get_mut(last) {
                n.1 = node;
            }
        }
    }

    /// Doubles the table, placing every key anew.
    fn grow(&mut self) {
        let size = (self.slots.len() * 2).max(16);
        let old = core::mem::replace(&mut self.slots, vec![(0, EMPTY, EMPTY); size]);
        for entry in old.into_iter().filter(|&(_, first, _)| first != EMPTY) {
            let i = self.slot(entry.0);
            if let Some(slot) = self.slots.get_mut(i) {
                *slot = entry;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Chains;

    #[test]
    fn lists_keep_their_order_and_hold_each_entity_once() {
        // (Few slots at first: the table grows several times.)
        let mut c = Chains::with_capacity(1);
        for k in 0..100u64 {
            for e in 0..3 {
                c.file(k * 7919, (k as usize + e) % 5);
                c.file(k * 7919, (k as usize + e) % 5);
            }
        }
        for k in 0..100u64 {
            let want: Vec<usize> = (0..3).map(|e| (k as usize + e) % 5).collect();
            assert_eq!(c.get(k * 7919).collect::<Vec<_>>(), want, "key {k}");
        }
        assert_eq!(c.get(1).count(), 0);
    }
}
