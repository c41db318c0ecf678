//! Pairing: one pass over the paragraphs that matches opening and closing
//! marks on a per-paragraph stack.
//!
//! Every operation is O(1) amortised: each mark is read once, pushed at
//! most once and popped at most once; the nearest open entry of a family is
//! found through a per-family chain instead of a search of the stack. The
//! scan counts its steps in a [`Work`] so a test can check that the work
//! grows linearly with the input, whatever the input (one megabyte of
//! unclosed marks included).

use super::flank::{Role, Side, role};
use super::marks::{self, Dir, Family};
use super::{Closure, RawQuote};
use crate::lexicon::Lexicons;
use crate::span::Span;

/// A count of the scanner's elementary steps: bytes skipped by the
/// prefilter, marks read, stack pushes and pops. Crate-private; the
/// linear-time test reads it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Work {
    pub steps: usize,
}

/// No entry (the end of a per-family chain).
const NONE: usize = usize::MAX;

/// An entry of the paragraph stack.
#[derive(Clone, Copy, Debug)]
struct Entry {
    pos: usize,
    len: usize,
    family: Family,
    /// Index of this quote's slot in the output.
    slot: usize,
    /// Stack index of the previous entry of the same family, or [`NONE`].
    below: usize,
    /// Slot of the previous paragraph's segment this opener continues.
    continues_from: Option<usize>,
}

/// How candidate bytes are found: with `memchr` when the document needs at
/// most three distinct lead bytes (the usual case: `"`, `'` and the `0xE2`
/// lead byte of curly marks), with a byte table otherwise. Chosen once per
/// document.
#[derive(Clone, Copy, Debug)]
enum Prefilter {
    None,
    One(u8),
    Two(u8, u8),
    Three(u8, u8, u8),
    Table,
}

impl Prefilter {
    /// Picks the search for `text`, given the enabled style bits.
    fn new(text: &str, styles: u8) -> Prefilter {
        use marks::QuoteStyle as S;
        let on = |s: S| styles & s.bit() != 0;
        let bytes = text.as_bytes();
        let mut needles = [0u8; 6];
        let mut n = 0;
        let mut need = |b: u8, wanted: bool| {
            // A byte the text does not contain need not be searched for;
            // the check is one memchr, which stops at the first hit.
            if wanted && memchr::memchr(b, bytes).is_some() {
                needles[n] = b;
                n += 1;
            }
        };
        need(b'"', on(S::Straight));
        need(b'\'', on(S::Straight) || on(S::Backtick));
        need(b'`', on(S::Backtick));
        need(0xE2, on(S::Curly) || on(S::LowHigh) || on(S::Guillemets));
        need(0xC2, on(S::Guillemets));
        need(0xE3, on(S::Corner));
        match needles[..n] {
            [] => Prefilter::None,
            [a] => Prefilter::One(a),
            [a, b] => Prefilter::Two(a, b),
            [a, b, c] => Prefilter::Three(a, b, c),
            _ => Prefilter::Table,
        }
    }

    /// The positions of the candidate bytes of `bytes`, in order.
    fn iter(self, bytes: &[u8]) -> Candidates<'_> {
        match self {
            Prefilter::None => Candidates::None,
            Prefilter::One(a) => Candidates::One(memchr::memchr_iter(a, bytes)),
            Prefilter::Two(a, b) => Candidates::Two(memchr::memchr2_iter(a, b, bytes)),
            Prefilter::Three(a, b, c) => Candidates::Three(memchr::memchr3_iter(a, b, c, bytes)),
            Prefilter::Table => Candidates::Table { bytes, pos: 0 },
        }
    }
}

/// An iterator over candidate positions: one `memchr` iterator over the
/// whole text (cheaper than a fresh search per mark), or the byte table.
#[derive(Debug)]
enum Candidates<'h> {
    None,
    One(memchr::Memchr<'h>),
    Two(memchr::Memchr2<'h>),
    Three(memchr::Memchr3<'h>),
    Table { bytes: &'h [u8], pos: usize },
}

impl Iterator for Candidates<'_> {
    type Item = usize;

    #[inline]
    fn next(&mut self) -> Option<usize> {
        match self {
            Candidates::None => None,
            Candidates::One(it) => it.next(),
            Candidates::Two(it) => it.next(),
            Candidates::Three(it) => it.next(),
            Candidates::Table { bytes, pos } => {
                let found = bytes.get(*pos..)?.iter().position(|&b| marks::is_candidate_byte(b))?;
                let at = *pos + found;
                *pos = at + 1;
                Some(at)
            }
        }
    }
}

/// The result of pairing: the quote segments to report, in order of start
/// (an enclosing quote before the ones inside it), not yet nested.
#[cfg(test)]
#[derive(Debug, Default)]
pub(crate) struct Paired {
    pub quotes: Vec<RawQuote>,
}

/// The pairing's working lists, kept from one text to the next (see
/// [`Scratch`](crate::scratch::Scratch)): each pairing clears them and
/// reuses their room.
#[derive(Debug, Default)]
pub(crate) struct PairLists {
    /// The paragraph stack ([`Stack::stack`]).
    stack: Vec<Entry>,
    /// The output slots ([`Stack::slots`]).
    slots: Vec<Option<RawQuote>>,
    /// The slots' new indices, once the empty ones are dropped.
    remap: Vec<usize>,
}

/// Pairs the marks of `text`, paragraph by paragraph.
#[cfg(test)]
pub(crate) fn pair(text: &str, paragraphs: &[Span], styles: u8, lex: &Lexicons, work: &mut Work) -> Paired {
    let mut quotes = Vec::new();
    pair_into(text, paragraphs, styles, lex, work, &mut PairLists::default(), &mut quotes);
    Paired { quotes }
}

/// [`pair`] into `out` (cleared first), with its working lists taken from
/// `lists` and given back.
pub(crate) fn pair_into(
    text: &str,
    paragraphs: &[Span],
    styles: u8,
    lex: &Lexicons,
    work: &mut Work,
    lists: &mut PairLists,
    out: &mut Vec<RawQuote>,
) {
    pair_with(text, paragraphs, styles, lex, work, Prefilter::new(text, styles), lists, out);
}

/// [`pair`] with the byte-table search, whatever the text: the slow path
/// the `memchr` paths are tested against.
#[cfg(test)]
pub(crate) fn pair_slow(text: &str, paragraphs: &[Span], styles: u8, lex: &Lexicons) -> Paired {
    let mut quotes = Vec::new();
    let mut lists = PairLists::default();
    pair_with(text, paragraphs, styles, lex, &mut Work::default(), Prefilter::Table, &mut lists, &mut quotes);
    Paired { quotes }
}

#[allow(clippy::too_many_arguments)]
fn pair_with(
    text: &str,
    paragraphs: &[Span],
    styles: u8,
    lex: &Lexicons,
    work: &mut Work,
    prefilter: Prefilter,
    lists: &mut PairLists,
    quotes: &mut Vec<RawQuote>,
) {
    let bytes = text.as_bytes();
    // (Room for an opener in 128 bytes and eight open at once: most
    // texts' without regrowth.)
    let mut st = Stack {
        stack: core::mem::take(&mut lists.stack),
        slots: core::mem::take(&mut lists.slots),
        ..Stack::default()
    };
    st.stack.clear();
    st.stack.reserve(8);
    st.slots.clear();
    st.slots.reserve(text.len() / 128 + 4);
    let mut carry: Option<(usize, Family)> = None;
    // One pass over the candidates of the whole text; the memchr search
    // itself reads each byte once.
    work.steps += text.len();
    let mut candidates = prefilter.iter(bytes).peekable();
    for (pi, para) in paragraphs.iter().enumerate() {
        let carried = carry.take();
        let mut i = para.start;
        // A closing single mark that may be an apostrophe (`the Joneses’
        // cat`): it closes the single quote on top of the stack unless a
        // plain closer follows before anything else happens.
        let mut pending: Option<(usize, usize)> = None;
        // (`peek` then `next` rather than `next_if`, which the compiler
        // left out of line, a call per candidate.)
        while let Some(&p) = candidates.peek().filter(|&&p| p < para.end) {
            candidates.next();
            work.steps += 1;
            // Between paragraphs, or inside a mark already read (`''`).
            if p < i || is_inner_apostrophe(bytes, p) {
                continue;
            }
            // Candidate bytes are ASCII or UTF-8 lead bytes, so `p` is a
            // char boundary.
            let Some(info) = marks::mark_at(text, p) else {
                continue;
            };
            i = p + info.len;
            if info.style.bit() & styles == 0 || i > para.end {
                continue;
            }
            let prev = Side::before(text, para.start, p);
            let next = Side::after(text, i, para.end);
            let f = info.family.index();
            let open_here = st.tops[f] != NONE;
            // Plain comparisons rather than a `match` on the role: a jump
            // table here mispredicted once per mark (measured with
            // callgrind's branch simulation).
            let r = role(text, p, para.end, info, prev, next, lex);
            if r == Role::Apostrophe || (r == Role::CloseIfOpen && !open_here) {
                continue;
            }
            if r == Role::CloseIfOpen && info.family == Family::Single && st.tops[f] + 1 == st.stack.len() {
                // Decided by what comes next; an earlier pending mark was
                // an apostrophe.
                pending = Some((p, i));
                continue;
            }
            let close = r == Role::Close || (r != Role::Open && open_here);
            if let Some((pp, pi_end)) = pending.take() {
                // A plain single closer supersedes the pending one, which
                // was an apostrophe; anything else confirms it.
                if !(close && info.family == Family::Single) {
                    st.close(text, st.tops[Family::Single.index()], pp, pi_end, pi, work);
                }
            }
            if close {
                // A closer with nothing to close is a stray: ignored.
                if st.tops[f] != NONE {
                    st.close(text, st.tops[f], p, i, pi, work);
                }
            } else {
                let continues_from = match carried {
                    Some((slot, fam)) if fam == info.family && st.stack.is_empty() && p == para.start => Some(slot),
                    _ => None,
                };
                st.open(p, info.len, info.family, continues_from, work);
            }
        }
        if let Some((pp, pi_end)) = pending.take() {
            st.close(text, st.tops[Family::Single.index()], pp, pi_end, pi, work);
        }
        work.steps += 1;
        // Recover at the paragraph's end: the bottom entry becomes a
        // segment; the entries above it were never closed.
        if let Some(open) = st.stack.first().copied() {
            let continues = paragraphs.get(pi + 1).is_some_and(|next| opens_with(text, *next, open.family, styles));
            let start = open.pos + open.len;
            let inner = crate::segment::trim(text, Span::new(start, para.end)).unwrap_or(Span::new(para.end, para.end));
            let closure = if continues { Closure::ContinuesNext } else { Closure::Unclosed };
            if let Some(slot) = st.slots.get_mut(open.slot) {
                *slot = Some(RawQuote::new(
                    Span::new(open.pos, para.end),
                    inner,
                    open.family,
                    closure,
                    open.continues_from,
                    pi,
                ));
            }
            if continues {
                carry = Some((open.slot, open.family));
            }
        }
        work.steps += st.stack.len();
        st.stack.clear();
        st.tops = [NONE; Family::COUNT];
    }
    // Slots are in order of start. Keep the filled ones with content, and
    // unclosed single-mark quotes only where single marks are the outer
    // style; point `continues_from` at the new indices.
    let single_is_outer = st.top_single > st.top_other;
    let keep = |q: &RawQuote| {
        !q.inner.is_empty() && (q.closure == Closure::Closed || q.family != Family::Single || single_is_outer)
    };
    let remap = &mut lists.remap;
    remap.clear();
    remap.resize(st.slots.len(), NONE);
    quotes.clear();
    quotes.reserve(st.slots.len());
    for (old, slot) in st.slots.drain(..).enumerate() {
        if let Some(mut q) = slot.filter(keep) {
            q.continues_from = q.continues_from.map(|c| remap[c]).filter(|&c| c != NONE);
            remap[old] = quotes.len();
            quotes.push(q);
        }
    }
    work.steps += quotes.len();
    lists.stack = st.stack;
    lists.slots = st.slots;
}

/// The pairing state: the paragraph stack with its per-family chains, and
/// the output slots.
#[derive(Debug)]
struct Stack {
    stack: Vec<Entry>,
    /// For each family, the stack index of its topmost entry, or [`NONE`].
    tops: [usize; Family::COUNT],
    /// One slot per opener, in text order; filled when the quote ends, left
    /// empty when the opener is dropped.
    slots: Vec<Option<RawQuote>>,
    /// Closed top-level quotes with single marks, and with any other.
    top_single: usize,
    top_other: usize,
}

impl Default for Stack {
    fn default() -> Stack {
        Stack { stack: Vec::new(), tops: [NONE; Family::COUNT], slots: Vec::new(), top_single: 0, top_other: 0 }
    }
}

impl Stack {
    /// Pushes an opener at `pos`.
    fn open(&mut self, pos: usize, len: usize, family: Family, continues_from: Option<usize>, work: &mut Work) {
        let f = family.index();
        self.stack.push(Entry { pos, len, family, slot: self.slots.len(), below: self.tops[f], continues_from });
        self.tops[f] = self.stack.len() - 1;
        self.slots.push(None);
        work.steps += 1;
    }

    /// Closes stack entry `k` with the mark at `mark..end` of paragraph
    /// `para`; the entries above `k` were never closed and are dropped.
    fn close(&mut self, text: &str, k: usize, mark: usize, end: usize, para: usize, work: &mut Work) {
        if k >= self.stack.len() {
            return;
        }
        while self.stack.len() > k + 1 {
            if let Some(e) = self.stack.pop() {
                self.tops[e.family.index()] = e.below;
                work.steps += 1;
            }
        }
        let Some(open) = self.stack.pop() else { return };
        self.tops[open.family.index()] = open.below;
        work.steps += 1;
        if k == 0 {
            if open.family == Family::Single {
                self.top_single += 1;
            } else {
                self.top_other += 1;
            }
        }
        let start = open.pos + open.len;
        let inner = crate::segment::trim(text, Span::new(start, mark)).unwrap_or(Span::new(start, start));
        if let Some(slot) = self.slots.get_mut(open.slot) {
            *slot = Some(RawQuote::new(
                Span::new(open.pos, end),
                inner,
                open.family,
                Closure::Closed,
                open.continues_from,
                para,
            ));
        }
    }
}

/// True for the commonest candidate of English text, an apostrophe between
/// two ASCII letters or digits (`don't`, `it’s`), read from the bytes alone:
/// the fast path of [`role`]'s first rule.
#[inline]
fn is_inner_apostrophe(bytes: &[u8], p: usize) -> bool {
    let word = |i: usize| bytes.get(i).is_some_and(u8::is_ascii_alphanumeric);
    match bytes[p] {
        b'\'' => p > 0 && word(p - 1) && word(p + 1) && bytes[p + 1] != b'\'',
        // ’ U+2019 and ‘ U+2018 (mistyped in `shouldn‘t`).
        0xE2 => {
            p > 0
                && bytes.get(p + 1) == Some(&0x80)
                && matches!(bytes.get(p + 2), Some(0x98 | 0x99))
                && word(p - 1)
                && word(p + 3)
        }
        _ => false,
    }
}

/// True when paragraph `para` starts with an opening mark of `family`
/// (the next paragraph of a multi-paragraph quotation).
fn opens_with(text: &str, para: Span, family: Family, styles: u8) -> bool {
    marks::mark_at(text, para.start).is_some_and(|m| {
        m.family == family
            && m.style.bit() & styles != 0
            && m.dir != Dir::Close
            && text[para.start + m.len..para.end].chars().next().is_some_and(|c| !c.is_whitespace())
    })
}
