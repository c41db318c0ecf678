//! Pairing: one pass over the paragraphs that matches opening and closing
//! marks on a per-paragraph stack.
//!
//! Every operation is O(1) amortised: each mark is read once, pushed at
//! most once and popped at most once; the nearest open entry of a family is
//! found through a per-family chain instead of a search of the stack. The
//! scan counts its steps in a [`Work`] so a test can check that the work
//! grows linearly with the input, whatever the input (one megabyte of
//! unclosed marks included).

use super::flank::{Role, role};
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

    /// The first candidate byte in `bytes[from..end]`.
    #[inline]
    fn find(self, bytes: &[u8], from: usize, end: usize) -> Option<usize> {
        let hay = bytes.get(from..end)?;
        let found = match self {
            Prefilter::None => None,
            Prefilter::One(a) => memchr::memchr(a, hay),
            Prefilter::Two(a, b) => memchr::memchr2(a, b, hay),
            Prefilter::Three(a, b, c) => memchr::memchr3(a, b, c, hay),
            Prefilter::Table => hay.iter().position(|&b| marks::is_candidate_byte(b)),
        };
        found.map(|i| from + i)
    }
}

/// The result of pairing: every quote segment, in order of start (an
/// enclosing quote before the ones inside it), not yet nested.
#[derive(Debug, Default)]
pub(crate) struct Paired {
    pub quotes: Vec<RawQuote>,
    /// More closed top-level quotes use single marks than any other kind:
    /// British dialogue.
    pub single_is_outer: bool,
}

/// Pairs the marks of `text`, paragraph by paragraph.
pub(crate) fn pair(text: &str, paragraphs: &[Span], styles: u8, lex: &Lexicons, work: &mut Work) -> Paired {
    let bytes = text.as_bytes();
    let prefilter = Prefilter::new(text, styles);
    // One slot per opener, in text order; filled when the quote ends,
    // left empty when the opener is dropped.
    let mut slots: Vec<Option<RawQuote>> = Vec::new();
    let mut stack: Vec<Entry> = Vec::new();
    let mut tops = [NONE; Family::COUNT];
    let (mut top_single, mut top_other) = (0usize, 0usize);
    let mut carry: Option<(usize, Family)> = None;
    for (pi, para) in paragraphs.iter().enumerate() {
        let carried = carry.take();
        let mut i = para.start;
        while let Some(p) = prefilter.find(bytes, i, para.end) {
            work.steps += p - i + 1;
            // Candidate bytes are ASCII or UTF-8 lead bytes, so `p` is a
            // char boundary.
            let Some(info) = marks::mark_at(text, p) else {
                i = p + 1;
                continue;
            };
            i = p + info.len;
            if info.style.bit() & styles == 0 || i > para.end {
                continue;
            }
            let prev = text[para.start..p].chars().next_back();
            let next = text[i..para.end].chars().next();
            let f = info.family.index();
            let close = match role(text, p, para.end, info, prev, next, lex) {
                Role::Open => false,
                Role::Close => true,
                Role::Either => tops[f] != NONE,
                Role::CloseIfOpen if tops[f] != NONE => true,
                Role::CloseIfOpen | Role::Apostrophe => continue,
            };
            if close {
                let k = tops[f];
                if k == NONE {
                    // A closer with nothing to close is a stray: ignored.
                    continue;
                }
                // Entries above `k` were never closed: dropped.
                while stack.len() > k + 1 {
                    if let Some(e) = stack.pop() {
                        tops[e.family.index()] = e.below;
                        work.steps += 1;
                    }
                }
                let Some(open) = stack.pop() else { continue };
                tops[f] = open.below;
                work.steps += 1;
                if k == 0 {
                    if open.family == Family::Single {
                        top_single += 1;
                    } else {
                        top_other += 1;
                    }
                }
                let start = open.pos + open.len;
                let inner = crate::segment::trim(text, Span::new(start, p)).unwrap_or(Span::new(start, start));
                if let Some(slot) = slots.get_mut(open.slot) {
                    *slot = Some(RawQuote::new(
                        Span::new(open.pos, i),
                        inner,
                        open.family,
                        Closure::Closed,
                        open.continues_from,
                        pi,
                    ));
                }
            } else {
                let continues_from = match carried {
                    Some((slot, fam)) if fam == info.family && stack.is_empty() && p == para.start => Some(slot),
                    _ => None,
                };
                stack.push(Entry {
                    pos: p,
                    len: info.len,
                    family: info.family,
                    slot: slots.len(),
                    below: tops[f],
                    continues_from,
                });
                tops[f] = stack.len() - 1;
                slots.push(None);
                work.steps += 1;
            }
        }
        work.steps += para.end.saturating_sub(i) + 1;
        // Recover at the paragraph's end: the bottom entry becomes a
        // segment; the entries above it were never closed.
        if let Some(open) = stack.first().copied() {
            let continues = paragraphs.get(pi + 1).is_some_and(|next| opens_with(text, *next, open.family, styles));
            let start = open.pos + open.len;
            let inner = crate::segment::trim(text, Span::new(start, para.end)).unwrap_or(Span::new(para.end, para.end));
            let closure = if continues { Closure::ContinuesNext } else { Closure::Unclosed };
            if let Some(slot) = slots.get_mut(open.slot) {
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
        work.steps += stack.len();
        stack.clear();
        tops = [NONE; Family::COUNT];
    }
    // Slots are in order of start; drop the empty ones and point
    // `continues_from` at the new indices.
    let mut remap = vec![NONE; slots.len()];
    let mut quotes = Vec::with_capacity(slots.len());
    for (old, slot) in slots.into_iter().enumerate() {
        if let Some(mut q) = slot {
            q.continues_from = q.continues_from.map(|c| remap[c]).filter(|&c| c != NONE);
            remap[old] = quotes.len();
            quotes.push(q);
        }
    }
    work.steps += quotes.len();
    Paired { quotes, single_is_outer: top_single > top_other }
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
