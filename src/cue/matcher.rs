//! The automaton layer: one Aho-Corasick automaton over every form, run
//! from word starts, plus word-boundary verification.
//!
//! A cue starts at a word start and ends at a word end (`said`, not
//! `unsaid`; `called`, not `so-called`), so the search walks the text word
//! by word and runs the automaton, anchored, only from the word starts
//! whose first word can begin a form. The result is exactly what the
//! naive scan in `naive.rs` gives (the differential tests check it): at
//! each word start, left to right, the longest form that also ends at a
//! word end.
//!
//! Why not an unanchored `AhoCorasick::find_iter` with the boundary check
//! after each hit? Measured on PolNeAR dev text with the full lexicon, the
//! unanchored DFA ran at 330 to 470 MB/s before any boundary check, and a
//! third of its hits were inside words (`state` in `statement`, `rant` in
//! `immigrant`), each forcing a restart; the contiguous NFA ran at 140
//! MB/s. Skipping words whose first word starts no form (a 64 Kbit table,
//! in L1) and walking the DFA's transitions directly from the few word
//! starts left is several times faster (see `benches/matcher.rs`).

use crate::ascii::{HI, HashBits, ascii_word_mask, gather, is_ascii_word, load8, low_bytes};
use crate::segment::{CueScan, Token};
use crate::span::Span;
use aho_corasick::automaton::Automaton as _;
use aho_corasick::automaton::StateID;
use aho_corasick::dfa::DFA;
use aho_corasick::{Anchored, MatchKind, StartKind};
use std::collections::HashMap;

/// What a phrase is used as.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Role {
    /// A cue by itself.
    Alone,
    /// A frame that extends a verb cue before it.
    Frame,
}

/// One hit: a span and the payload its phrase was registered with.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct RawHit {
    pub span: Span,
    pub payload: u32,
}

/// Where a search stands: a block of 64 bytes, its word bits and the word
/// starts in it not yet tried.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Cursor {
    at: usize,
    loaded: bool,
    /// Whether a word runs into `at` from before it.
    carry: bool,
    words: u64,
    starts: u64,
}

impl Cursor {
    /// A cursor at byte `pos` of `text`.
    pub fn new(text: &str, pos: usize) -> Cursor {
        let carry = text.get(..pos).and_then(|s| s.chars().next_back()).is_some_and(is_word_char);
        Cursor { at: pos, loaded: false, carry, words: 0, starts: 0 }
    }

    /// Moves the cursor to byte `pos` (a word end, at or after the last
    /// word start tried), keeping the current block when `pos` is in it.
    #[inline]
    pub fn skip_to(&mut self, text: &str, pos: usize) {
        if self.loaded && (self.at..self.at + 64).contains(&pos) {
            self.starts &= !bit_mask(0, pos - self.at);
        } else {
            *self = Cursor::new(text, pos);
        }
    }

    #[inline]
    fn load(&mut self, text: &str) {
        self.words = word_bits(text, self.at);
        self.starts = self.words & !((self.words << 1) | u64::from(self.carry));
        self.loaded = true;
    }

    #[inline]
    fn next_block(&mut self) {
        self.carry = self.words >> 63 == 1;
        self.at += 64;
        self.loaded = false;
    }
}

/// What the word filter may say of a word.
/// Where [`Automaton::find_in_tokens`] stands in a tokenized text.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct TokenCursor {
    /// The next of the tokens to read (an index into them).
    next: usize,
    /// Word starts before this are skipped (the end of the last hit).
    resume: usize,
    /// The byte-by-byte scan of a token that is not one plain word: the
    /// next position to read, and where the scan stops.
    p: usize,
    to: usize,
}

impl TokenCursor {
    /// Skips the word starts before `pos`.
    #[inline]
    pub fn skip_to(&mut self, text: &str, pos: usize) {
        self.resume = self.resume.max(pos);
        if self.p < self.to && self.p < pos {
            self.p = past_word(text, pos);
        }
    }
}

/// The `char` at byte `i` of `text` (a char boundary), if any.
#[inline]
fn char_at(text: &str, i: usize) -> Option<char> {
    match text.as_bytes().get(i) {
        Some(&b) if b < 0x80 => Some(char::from(b)),
        Some(_) => text.get(i..).and_then(|s| s.chars().next()),
        None => None,
    }
}

/// `pos`, or the end of the word `pos` is inside (a word character before
/// it and at it): the first position from which word starts may be read.
#[inline]
fn past_word(text: &str, pos: usize) -> usize {
    let inside = text.get(..pos).and_then(|s| s.chars().next_back()).is_some_and(is_word_char)
        && char_at(text, pos).is_some_and(is_word_char);
    if inside { word_end(text, pos) } else { pos }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    /// A one-word phrase.
    Single,
    /// The first word of a longer phrase.
    First,
}

/// A set of words as a blocked Bloom filter: each word hashes to one
/// 64-bit slot, and sets two bits there per kind, so one load answers
/// "a one-word phrase?" and "the start of a longer one?". False
/// positives, never false negatives. With the full lexicon (about 1,700
/// one-word forms in 1,024 slots) about one word in 250 passes by
/// mistake; a single bit per word let one in 20 through, and the wasted
/// walks cost more than the extra bit test.
#[derive(Clone, Debug)]
struct Filter(Box<[u64]>);

/// Slots in a [`Filter`] (a power of two).
const SLOTS: usize = 1024;

impl Filter {
    fn new() -> Filter {
        Filter(vec![0u64; SLOTS].into_boxed_slice())
    }

    /// The slot and the two bits of `kind` for a word hash.
    #[inline]
    fn probe(hash: u64, kind: Kind) -> (usize, u64) {
        let slot = (hash >> 54) as usize % SLOTS;
        let shift = if kind == Kind::Single { 42 } else { 30 };
        let bits = 1u64 << (hash >> (shift + 6) & 63) | 1u64 << (hash >> shift & 63);
        (slot, bits)
    }

    fn insert(&mut self, hash: u64, kind: Kind) {
        let (slot, bits) = Filter::probe(hash, kind);
        if let Some(x) = self.0.get_mut(slot) {
            *x |= bits;
        }
    }

    /// Whether a word may be a one-word phrase, and whether it may start a
    /// longer one.
    #[inline]
    fn get(&self, hash: u64) -> (bool, bool) {
        let (slot, single) = Filter::probe(hash, Kind::Single);
        let (_, first) = Filter::probe(hash, Kind::First);
        let x = self.0.get(slot).copied().unwrap_or(0);
        (x & single == single, x & first == first)
    }

    /// Whether a word may be in the set (for a filter of one kind).
    #[inline]
    fn contains(&self, hash: u64) -> bool {
        self.get(hash).0
    }
}

/// A set of lower-case phrases compiled into one anchored Aho-Corasick
/// DFA (leftmost-longest, ASCII case-insensitive).
#[derive(Clone, Debug)]
pub(crate) struct Automaton {
    dfa: DFA,
    start: StateID,
    /// For each pattern (a distinct phrase), its payload as a cue alone.
    alone: Vec<Option<u32>>,
    /// For each pattern, its payload as a frame.
    frame: Vec<Option<u32>>,
    /// The one-word phrases used alone (a word among them starts a walk)
    /// and the first words of longer ones (`according`, `in`)...
    words: Filter,
    /// ... and their first two words (`according to`, `in a`): a first
    /// word starts a walk only if it and the next word are in `pairs`.
    pairs: Filter,
    /// The first words of the phrases used alone, one bit each: what
    /// [`may_start`](Self::may_start) reads (a third of the instructions
    /// of a look-up in `words`).
    starts: HashBits,
    /// The one-word phrases used alone that start no longer phrase, by
    /// word hash: such a word needs one look-up, not a walk.
    exact: Box<[Exact]>,
}

/// One slot of [`Automaton::exact`].
#[derive(Clone, Debug, Default)]
struct Exact {
    hash: u64,
    /// `None` for an empty slot.
    word: Option<Box<str>>,
    payload: u32,
}

impl Automaton {
    /// Compiles phrases (lower case, each starting and ending with a word
    /// character), each with a role and a payload. The first payload given
    /// for a phrase in a role wins.
    pub fn new(phrases: &[(&str, Role, u32)]) -> Result<Automaton, String> {
        let mut ids: HashMap<&str, usize> = HashMap::new();
        let mut patterns: Vec<&str> = Vec::new();
        let mut alone: Vec<Option<u32>> = Vec::new();
        let mut frame: Vec<Option<u32>> = Vec::new();
        let (mut words, mut pairs) = (Filter::new(), Filter::new());
        let mut starts = HashBits::new();
        let mut starts_longer: std::collections::HashSet<&str> = std::collections::HashSet::new();
        for &(phrase, role, payload) in phrases {
            let id = *ids.entry(phrase).or_insert_with(|| {
                patterns.push(phrase);
                alone.push(None);
                frame.push(None);
                patterns.len() - 1
            });
            let slot = match role {
                Role::Alone => &mut alone[id],
                Role::Frame => &mut frame[id],
            };
            if slot.is_none() {
                *slot = Some(payload);
            }
            if role == Role::Alone {
                let b = phrase.as_bytes();
                let end = word_end(phrase, 0);
                let bit = word_hash(&b[..end]);
                starts.insert(bit);
                let next = phrase[end..].char_indices().find(|&(_, c)| is_word_char(c)).map(|(i, _)| end + i);
                match next {
                    None => words.insert(bit, Kind::Single),
                    Some(start2) => {
                        words.insert(bit, Kind::First);
                        starts_longer.insert(&phrase[..end]);
                        let end2 = word_end(phrase, start2);
                        pairs.insert(pair_hash(bit, word_hash(&b[start2..end2])), Kind::Single);
                    }
                }
            }
        }
        // One-word phrases that start no longer one, in an open-addressing
        // table at most a quarter full.
        let singles: Vec<(&str, u32)> = patterns
            .iter()
            .zip(&alone)
            .filter_map(|(p, a)| Some((*p, (*a)?)))
            .filter(|(p, _)| word_end(p, 0) == p.len() && !starts_longer.contains(p))
            .collect();
        let size = (singles.len() * 4).next_power_of_two().max(16);
        let mut exact = vec![Exact::default(); size];
        for (word, payload) in singles {
            let hash = word_hash(word.as_bytes());
            let mut i = (hash >> 40) as usize & (size - 1);
            while exact[i].word.is_some() {
                i = (i + 1) & (size - 1);
            }
            exact[i] = Exact { hash, word: Some(word.into()), payload };
        }
        let dfa = DFA::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .ascii_case_insensitive(true)
            .start_kind(StartKind::Anchored)
            .build(&patterns)
            .map_err(|e| e.to_string())?;
        let start = dfa.start_state(Anchored::Yes).map_err(|e| e.to_string())?;
        Ok(Automaton { dfa, start, alone, frame, words, pairs, starts, exact: exact.into_boxed_slice() })
    }

    /// The next phrase used alone that starts at a word start at or after
    /// the cursor and ends at a word end: the longest at the leftmost such
    /// start. The caller moves the cursor past the hit with
    /// [`Cursor::skip_to`].
    pub fn find(&self, text: &str, cur: &mut Cursor) -> Option<RawHit> {
        let b = text.as_bytes();
        loop {
            if !cur.loaded {
                if cur.at >= b.len() {
                    return None;
                }
                cur.load(text);
            }
            while cur.starts != 0 {
                let k = cur.starts.trailing_zeros() as usize;
                cur.starts &= cur.starts - 1;
                let start = cur.at + k;
                // The word ends at the next non-word bit; when it runs past
                // the block, scan for its end.
                let after = !cur.words >> k;
                let end = if after != 0 { start + after.trailing_zeros() as usize } else { word_end(text, start) };
                let hit = self.at_word(text, start, end, |bit| self.pair_follows(text, cur, end, bit));
                if hit.is_some() {
                    return hit;
                }
            }
            cur.next_block();
        }
    }

    /// [`find`](Self::find) over tokenized text: the next hit at a word
    /// start at or after the cursor's position, reading word boundaries
    /// from the tokens (see [`TokenCursor`]). `read` holds the indices of
    /// the tokens to read, in order: those that are not
    /// [`CueScan::Skip`] or [`CueScan::Pass`] (the others would be passed over). With the hit
    /// comes the index of the token it starts, when it starts one that is a
    /// plain word (`None` for a hit inside a token read byte by byte).
    pub fn find_in_tokens(
        &self,
        text: &str,
        tokens: &[Token],
        read: &[u32],
        cur: &mut TokenCursor,
    ) -> Option<(RawHit, Option<usize>)> {
        loop {
            // The word starts left in a token that is not one plain word.
            while cur.p < cur.to {
                let p = cur.p;
                let Some(c) = char_at(text, p) else { break };
                if !is_word_char(c) {
                    cur.p += c.len_utf8();
                    continue;
                }
                let end = word_end(text, p);
                cur.p = end;
                let hit = self.at_word(text, p, end, |bit| self.pair_follows_scan(text, end, bit));
                if let Some(hit) = hit {
                    return Some((hit, None));
                }
            }
            let k = *read.get(cur.next)? as usize;
            let t = tokens.get(k)?;
            cur.next += 1;
            match t.cue {
                CueScan::Skip | CueScan::Pass => {}
                // One word, exactly: its start is a word start.
                CueScan::Word if t.span.start >= cur.resume => {
                    let hit = self.at_word(text, t.span.start, t.span.end, |bit| {
                        self.pair_follows_token(text, t.span.end, tokens.get(k + 1), bit)
                    });
                    if let Some(hit) = hit {
                        return Some((hit, Some(k)));
                    }
                }
                CueScan::Word => {}
                // Scan it byte by byte, up to the next token: the pieces
                // of a word that UAX #29 split and left out (no letter or
                // digit in them) lie before it.
                CueScan::Bytes if t.span.end > cur.resume => {
                    cur.p = past_word(text, t.span.start.max(cur.resume));
                    cur.to = tokens.get(k + 1).map_or(text.len(), |n| n.span.start);
                }
                CueScan::Bytes => {}
            }
        }
    }

    /// False when no phrase starts with the word `start..end` (a word
    /// start): the first step of [`at_word`](Self::at_word), alone.
    #[inline]
    pub fn may_start(&self, text: &str, start: usize, end: usize) -> bool {
        self.starts.contains(word_hash_at(text.as_bytes(), start, end))
    }

    /// The set that [`may_start`](Self::may_start) reads for a word given
    /// by its [`head_hash`](crate::ascii::head_hash) (its [`word_hash`]).
    #[inline]
    pub fn start_filter(&self) -> &HashBits {
        &self.starts
    }

    /// The hit at the word `start..end` (a word start), if any: the
    /// one-word phrase it is, or the longest phrase the automaton finds
    /// from it. `pair(hash)` tells, conservatively, whether the next
    /// word may continue a phrase whose first word hashes to `hash`.
    #[inline]
    fn at_word(&self, text: &str, start: usize, end: usize, pair: impl FnOnce(u64) -> bool) -> Option<RawHit> {
        let b = text.as_bytes();
        // Tried and dropped: skipping words by first byte and length
        // before hashing (half the words) made the loop 10% slower; the
        // branch is unpredictable, the hash is not.
        let bit = word_hash_at(b, start, end);
        let (single, first) = self.words.get(bit);
        if single && !first {
            // A one-word phrase at most: look it up.
            let payload = self.exact(bit, &b[start..end])?;
            if boundary_before(text, start) && boundary_after(text, end) {
                return Some(RawHit { span: Span::new(start, end), payload });
            }
        } else if (single || first && pair(bit)) && boundary_before(text, start) {
            return self.walk(text, start, Role::Alone);
        }
        None
    }

    /// The longest phrase with `role` that starts exactly at `at` and ends
    /// at a word end.
    #[inline]
    pub fn find_at(&self, text: &str, at: usize, role: Role) -> Option<RawHit> {
        if !boundary_before(text, at) {
            return None;
        }
        self.walk(text, at, role)
    }

    /// The payload of the one-word phrase `word` (hash `hash`), if it is
    /// one that starts no longer phrase.
    #[inline]
    fn exact(&self, hash: u64, word: &[u8]) -> Option<u32> {
        let size = self.exact.len();
        let mut i = (hash >> 40) as usize & (size - 1);
        for _ in 0..size {
            let slot = self.exact.get(i)?;
            let w = slot.word.as_deref()?;
            if slot.hash == hash && (same_short_word(w.len(), word.len()) || w.as_bytes().eq_ignore_ascii_case(word)) {
                return Some(slot.payload);
            }
            i = (i + 1) & (size - 1);
        }
        None
    }

    /// True when the word ending at `end` (filter hash `bit`, the first
    /// word of some longer phrase) and the word after it may begin a
    /// longer phrase. (False positives, never false negatives.)
    #[inline]
    fn pair_follows(&self, text: &str, cur: &Cursor, end: usize, bit: u64) -> bool {
        if !self.words.get(bit).1 {
            return false;
        }
        // The next word, when it starts in this block; otherwise walk.
        let off = end - cur.at;
        let ahead = if off < 64 { cur.words >> off } else { 0 };
        if ahead == 0 {
            return true;
        }
        let start2 = end + ahead.trailing_zeros() as usize;
        let after = !cur.words >> (start2 - cur.at);
        let end2 = if after != 0 { start2 + after.trailing_zeros() as usize } else { word_end(text, start2) };
        let bit2 = word_hash_at(text.as_bytes(), start2, end2);
        self.pairs.contains(pair_hash(bit, bit2))
    }

    /// [`pair_follows`](Self::pair_follows) without a cursor, for a word
    /// that may start a longer phrase: the next word is found by scanning
    /// the text after `end` (up to 64 bytes; past that, any word may
    /// follow).
    #[inline]
    fn pair_follows_scan(&self, text: &str, end: usize, bit: u64) -> bool {
        let mut start2 = end;
        loop {
            let Some(c) = char_at(text, start2) else { return true };
            if is_word_char(c) {
                break;
            }
            start2 += c.len_utf8();
            if start2 - end > 64 {
                return true;
            }
        }
        let end2 = word_end(text, start2);
        let bit2 = word_hash_at(text.as_bytes(), start2, end2);
        self.pairs.contains(pair_hash(bit, bit2))
    }

    /// [`pair_follows_scan`](Self::pair_follows_scan) for a word ending at
    /// `end` with the token `next` after it: when that is a plain word
    /// ([`Token::is_plain`]), it is the next word (only whitespace, no
    /// word character, lies between two tokens), so the text is not
    /// scanned.
    #[inline]
    fn pair_follows_token(&self, text: &str, end: usize, next: Option<&Token>, bit: u64) -> bool {
        match next {
            Some(t) if t.is_plain() => {
                // (The scan gives up past 64 bytes.)
                t.span.start - end > 64
                    || self.pairs.contains(pair_hash(bit, word_hash_at(text.as_bytes(), t.span.start, t.span.end)))
            }
            _ => self.pair_follows_scan(text, end, bit),
        }
    }

    /// Runs the DFA anchored at `start` and keeps the longest phrase with
    /// `role` that ends at a word boundary.
    #[inline]
    fn walk(&self, text: &str, start: usize, role: Role) -> Option<RawHit> {
        let b = text.as_bytes();
        let mut sid = self.start;
        let mut best = None;
        for (k, &byte) in b[start..].iter().enumerate() {
            sid = self.dfa.next_state(Anchored::Yes, sid, byte);
            if self.dfa.is_special(sid) {
                if self.dfa.is_dead(sid) {
                    break;
                }
                if self.dfa.is_match(sid) {
                    let end = start + k + 1;
                    if let Some(payload) = self.match_at(sid, end - start, role) {
                        if boundary_after(text, end) {
                            best = Some(RawHit { span: Span::new(start, end), payload });
                        }
                    }
                }
            }
        }
        best
    }

    /// The payload of the phrase of length `len` that a match state holds,
    /// if it has `role`. (A DFA match state may also carry matches that
    /// start later, copied along failure transitions; the length tells
    /// them apart.)
    #[inline]
    fn match_at(&self, sid: StateID, len: usize, role: Role) -> Option<u32> {
        for i in 0..self.dfa.match_len(sid) {
            let pid = self.dfa.match_pattern(sid, i);
            if self.dfa.pattern_len(pid) == len {
                let table = match role {
                    Role::Alone => &self.alone,
                    Role::Frame => &self.frame,
                };
                return table.get(pid.as_usize()).copied().flatten();
            }
        }
        None
    }
}

/// The filter hash of a word: a hash of its first eight bytes with ASCII
/// case folded, and of its length past eight (up to eight, the bytes tell
/// it: no word holds a zero byte). For a word of up to eight bytes, this is
/// [`short_hash`](crate::ascii::short_hash), which the tokenizer computes
/// once for its flags and this filter.
#[inline]
pub(crate) fn word_hash(w: &[u8]) -> u64 {
    // Built in a register: copying the bytes into a buffer and loading it
    // as a u64 stalled on store forwarding (a third of the context rules'
    // time, measured with perf).
    let head = match w.get(..8).and_then(|h| <[u8; 8]>::try_from(h).ok()) {
        Some(h) => u64::from_le_bytes(h),
        None => w.iter().rev().fold(0u64, |acc, &c| acc << 8 | u64::from(c)),
    };
    word_hash_of(head, w.len())
}

/// [`word_hash`] of the word `b[start..end]`, read as one `u64` when
/// eight bytes of text follow its start.
#[inline]
pub(crate) fn word_hash_at(b: &[u8], start: usize, end: usize) -> u64 {
    match load8(b, start) {
        Some(x) => word_hash_of(x & low_bytes(end - start), end - start),
        None => word_hash(&b[start..end]),
    }
}

/// [`word_hash`] of a word given as its first bytes (zero past its end,
/// little-endian) and its length.
#[inline]
fn word_hash_of(head: u64, len: usize) -> u64 {
    crate::ascii::head_hash(head, len)
}

/// True when two words of these lengths with the same [`word_hash`] are the
/// same word up to ASCII case: words of one length of at most eight bytes,
/// whose hash is [`short_hash`](crate::ascii::short_hash) of their bytes
/// lower-cased, a multiplication by an odd number, which no two values share.
#[inline]
pub(crate) fn same_short_word(a: usize, b: usize) -> bool {
    a == b && a <= 8
}

/// The filter hash of two words, from theirs.
#[inline]
fn pair_hash(first: u64, second: u64) -> u64 {
    (first.rotate_left(17) ^ second).wrapping_mul(0x9E37_79B9_7F4A_7C15)
}

/// True for characters that make up words.
#[inline]
pub(crate) fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric() || c == '_';
    }
    // Curly quotes, dashes and the ellipsis are frequent in news text and
    // never alphanumeric: answer them without the Unicode tables.
    if ('\u{2000}'..='\u{206F}').contains(&c) {
        return false;
    }
    c.is_alphanumeric()
}

/// Bit k set when byte `at + k` of `text` belongs to a word character
/// (letters, digits, `_`, in any script); bytes past the text's end do not.
#[inline]
fn word_bits(text: &str, at: usize) -> u64 {
    let b = text.as_bytes();
    let block = b.get(at..b.len().min(at + 64)).unwrap_or_default();
    let mut bits = 0u64;
    let mut high = 0u64;
    for (k, chunk) in block.chunks(8).enumerate() {
        let x = match <[u8; 8]>::try_from(chunk) {
            Ok(c) => u64::from_le_bytes(c),
            Err(_) => {
                // The text's tail: pad with spaces.
                let mut c = [b' '; 8];
                c[..chunk.len()].copy_from_slice(chunk);
                u64::from_le_bytes(c)
            }
        };
        bits |= gather(ascii_word_mask(x)) << (8 * k);
        high |= gather(x) << (8 * k);
    }
    if high != 0 { bits | non_ascii_word_bits(text, at, high) } else { bits }
}

/// The word bits of the non-ASCII characters in a block: `high` marks its
/// bytes of 0x80 and above. Decodes each character once.
#[cold]
fn non_ascii_word_bits(text: &str, at: usize, mut high: u64) -> u64 {
    let mut bits = 0u64;
    let b = text.as_bytes();
    while high != 0 {
        let k = high.trailing_zeros() as usize;
        // U+2000 to U+203F (curly quotes, dashes, the ellipsis): never a
        // word character, and most of the non-ASCII in English text.
        if b.get(at + k) == Some(&0xE2) && b.get(at + k + 1) == Some(&0x80) {
            high &= !bit_mask(k, (k + 3).min(64));
            continue;
        }
        // The character holding this byte may have started before the
        // block.
        let mut start = at + k;
        while start > 0 && !text.is_char_boundary(start) {
            start -= 1;
        }
        let Some(c) = text.get(start..).and_then(|s| s.chars().next()) else { break };
        let end = start + c.len_utf8();
        // Its bytes inside the block.
        let lo = start.max(at) - at;
        let hi = (end - at).min(64);
        let span = bit_mask(lo, hi);
        if is_word_char(c) {
            bits |= span;
        }
        high &= !span;
        if span == 0 {
            break;
        }
    }
    bits
}

/// Ones at bits `lo..hi` (hi at most 64).
#[inline]
fn bit_mask(lo: usize, hi: usize) -> u64 {
    let upto = |n: usize| if n >= 64 { u64::MAX } else { (1u64 << n) - 1 };
    upto(hi) & !upto(lo)
}

/// The end of the run of word characters starting at `start`.
#[inline]
fn word_end(text: &str, start: usize) -> usize {
    let b = text.as_bytes();
    let mut e = start;
    loop {
        // Eight ASCII bytes at a time.
        while let Some(x) = load8(b, e) {
            let stop = !ascii_word_mask(x) & HI;
            if stop == 0 {
                e += 8;
            } else {
                e += stop.trailing_zeros() as usize / 8;
                break;
            }
        }
        let Some(&c) = b.get(e) else { return e };
        if c < 0x80 {
            if is_ascii_word(c) {
                e += 1;
                continue;
            }
            return e;
        }
        match text.get(e..).and_then(|s| s.chars().next()) {
            Some(ch) if is_word_char(ch) => e += ch.len_utf8(),
            _ => return e,
        }
    }
}

/// True when a hit may start at `pos`: no word character just before it,
/// and no hyphen joining it to a word (`so-called`).
#[inline]
pub(crate) fn boundary_before(text: &str, pos: usize) -> bool {
    let b = text.as_bytes();
    let Some(&prev) = pos.checked_sub(1).and_then(|i| b.get(i)) else { return true };
    if prev.is_ascii() {
        if is_ascii_word(prev) {
            return false;
        }
        if prev == b'-' {
            return !text.get(..pos - 1).and_then(|s| s.chars().next_back()).is_some_and(is_word_char);
        }
        return true;
    }
    !text.get(..pos).and_then(|s| s.chars().next_back()).is_some_and(is_word_char)
}

/// True when a hit may end at `pos`: no word character just after it, and
/// no hyphen joining it to a word (`call-in`).
#[inline]
pub(crate) fn boundary_after(text: &str, pos: usize) -> bool {
    let b = text.as_bytes();
    let Some(&next) = b.get(pos) else { return true };
    if next.is_ascii() {
        if is_ascii_word(next) {
            return false;
        }
        if next == b'-' {
            return !text.get(pos + 1..).and_then(|s| s.chars().next()).is_some_and(is_word_char);
        }
        return true;
    }
    !text.get(pos..).and_then(|s| s.chars().next()).is_some_and(is_word_char)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn automaton(phrases: &[&str]) -> Automaton {
        let list: Vec<(&str, Role, u32)> =
            phrases.iter().enumerate().map(|(i, p)| (*p, Role::Alone, i as u32)).collect();
        Automaton::new(&list).unwrap()
    }

    fn hits(a: &Automaton, text: &str) -> Vec<String> {
        let mut out = Vec::new();
        let mut cur = Cursor::new(text, 0);
        while let Some(h) = a.find(text, &mut cur) {
            out.push(text[h.span].to_string());
            cur.skip_to(text, h.span.end);
        }
        out
    }

    #[test]
    fn boundaries() {
        let a = automaton(&["said", "called", "said in a statement", "according to"]);
        assert_eq!(hits(&a, "unsaid said_x saidé said"), vec!["said"]);
        assert_eq!(hits(&a, "so-called, called-in, called -- said-"), vec!["called", "said"]);
        assert_eq!(hits(&a, "SAID in a statementary"), vec!["SAID"]);
        assert_eq!(hits(&a, "Said in a Statement."), vec!["Said in a Statement"]);
        assert_eq!(hits(&a, "according tomorrow"), Vec::<String>::new());
        assert_eq!(hits(&a, "éaccording to, ésaid"), Vec::<String>::new());
    }

    #[test]
    fn roles() {
        let a = Automaton::new(&[
            ("in a statement", Role::Alone, 0),
            ("in a statement", Role::Frame, 1),
            ("reporters", Role::Frame, 2),
            ("said", Role::Alone, 3),
        ])
        .unwrap();
        assert_eq!(hits(&a, "reporters said in a statement"), vec!["said", "in a statement"]);
        let text = "said reporters";
        assert_eq!(a.find_at(text, 5, Role::Frame).map(|h| h.payload), Some(2));
        assert_eq!(a.find_at(text, 5, Role::Alone), None);
        assert_eq!(a.find_at(text, 4, Role::Frame), None);
        assert_eq!(a.find_at("said reportersx", 5, Role::Frame), None);
        assert_eq!(a.find_at("x in a statement", 2, Role::Alone).map(|h| h.payload), Some(0));
    }

    /// The word bits computed one `char` at a time.
    fn slow_word_bits(text: &str, at: usize) -> u64 {
        let mut bits = 0u64;
        for (i, c) in text.char_indices() {
            if is_word_char(c) {
                for p in i..i + c.len_utf8() {
                    if (at..at + 64).contains(&p) {
                        bits |= 1 << (p - at);
                    }
                }
            }
        }
        bits
    }

    proptest::proptest! {
        #[test]
        fn word_bits_match_the_char_rule(text in "(\\PC|[a-z ]){0,150}", at in 0usize..150) {
            let at = (0..=at.min(text.len())).rev().find(|&i| text.is_char_boundary(i)).unwrap_or(0);
            proptest::prop_assert_eq!(word_bits(&text, at), slow_word_bits(&text, at), "{:?} at {}", text, at);
        }
    }

    #[test]
    fn word_bits_cases() {
        for text in [
            "",
            "a",
            "said “Yes” — é€ x_9 ab-cd",
            &"ab ".repeat(40),
            "ééééééééééééééééééééééééééééééééééééééééé x",
            "’’’’’’’’’’’’’’’’’’’’’’’ a",
        ] {
            for at in (0..=text.len()).filter(|&i| text.is_char_boundary(i)) {
                assert_eq!(word_bits(text, at), slow_word_bits(text, at), "{text:?} at {at}");
            }
        }
    }

    /// The exact-word table, with and without the short-word shortcut.
    fn exact_by_comparison(a: &Automaton, word: &[u8]) -> Option<u32> {
        a.exact
            .iter()
            .find(|s| s.word.as_deref().is_some_and(|w| w.as_bytes().eq_ignore_ascii_case(word)))
            .map(|s| s.payload)
    }

    #[test]
    fn exact_words_by_hash() {
        let a = automaton(&["said", "abcdefga", "abcdefgh", "ab", "announced", "q"]);
        // `abcdefgh` + one byte hashes like `abcdefga` would if the length
        // were not compared.
        for w in [
            "said",
            "SAID",
            "Said",
            "sai",
            "saidx",
            "abcdefga",
            "ABCDEFGH",
            "abcdefgh\x01",
            "abcdefghi",
            "ab",
            "a",
            "Q",
            "announced",
            "announce",
        ] {
            let b = w.as_bytes();
            assert_eq!(a.exact(word_hash(b), b), exact_by_comparison(&a, b), "{w:?}");
        }
    }

    proptest::proptest! {
        /// The hash shortcut finds exactly the words a comparison finds.
        #[test]
        fn exact_by_hash_equals_the_comparison(w in "[a-zA-Z\\x00-\\x7f\u{e9}]{1,10}") {
            let a = automaton(&["said", "told", "announced", "abcdefga", "q"]);
            let b = w.as_bytes();
            proptest::prop_assert_eq!(a.exact(word_hash(b), b), exact_by_comparison(&a, b));
        }
    }

    /// The lexicons, built once for the property tests.
    static LEX: std::sync::LazyLock<crate::lexicon::Lexicons> =
        std::sync::LazyLock::new(crate::lexicon::Lexicons::english);

    proptest::proptest! {
        /// The pair test reading the next word from the tokens answers as
        /// the one scanning the text, after every plain word.
        #[test]
        fn pair_from_the_next_token_equals_the_scan(
            text in "(according|to|went|on|in|a|statement|[ ,.'’_\\-\u{a0}\u{301}é\n]|日本|U.S| {30}){0,24}"
        ) {
            let a = automaton(&["according to", "went on to say", "in a statement", "said"]);
            let seg = crate::segment::Segmentation::new(&text, &LEX);
            for (k, t) in seg.tokens.iter().enumerate().filter(|(_, t)| t.is_plain()) {
                let bit = word_hash_at(text.as_bytes(), t.span.start, t.span.end);
                let next = seg.tokens.get(k + 1);
                proptest::prop_assert_eq!(
                    a.pair_follows_token(&text, t.span.end, next, bit),
                    a.pair_follows_scan(&text, t.span.end, bit),
                    "after {:?}", &text.as_str()[t.span]
                );
            }
        }
    }

    #[test]
    fn word_ends() {
        let text = "abcdefghijklmnop qr élan_9x “q” ab-cd";
        assert_eq!(word_end(text, 0), 16);
        assert_eq!(word_end(text, 17), 19);
        assert_eq!(&text[20..word_end(text, 20)], "élan_9x");
        assert_eq!(word_end(text, 37), 39);
    }
}
