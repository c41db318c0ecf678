//! The quotation finder: pairs opening and closing marks, paragraph by
//! paragraph, in one linear pass.
//!
//! The algorithm (see `DESIGN.md` for the reasons):
//!
//! 1. Candidate bytes are found with a byte table, and each mark is read
//!    from the [mark table](marks) and classified by what stands on its
//!    left and right (its *flanking*): an opener has space (or a bracket,
//!    a dash, another mark) on its left and text on its right; a closer the
//!    reverse. A single mark between letters is an apostrophe; one before a
//!    known elision (`'tis`, `'em`, `'90s`) is an apostrophe too.
//! 2. Each paragraph has a stack. An opener pushes; a closer pops the
//!    nearest entry of its family (entries above it were never closed and
//!    are dropped); a closer with nothing to close is a stray and ignored.
//!    A straight mark with space on both sides closes when its family is
//!    open and opens otherwise.
//! 3. At a paragraph's end, an entry still open becomes a quote that ends
//!    with the paragraph: it *continues* into the next paragraph when that
//!    one opens with a mark of the same family (the multi-paragraph
//!    convention), and is *unclosed* otherwise. Marks never pair across
//!    paragraphs, so one stray mark damages one paragraph at most.
//! 4. Single marks are ambiguous with apostrophes: a single-mark quote left
//!    open at a paragraph's end is kept only in documents where single
//!    marks are the outer style (British dialogue).

pub(crate) mod marks;

use crate::lexicon::Lexicons;
use crate::span::Span;
use marks::{Dir, Family, MarkInfo, is_left_boundary, is_right_boundary};

/// How a quote segment ends.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum Closure {
    /// With its closing mark.
    Closed,
    /// Without a closing mark at the end of its paragraph; the next
    /// paragraph opens with a mark of the same family and continues it.
    ContinuesNext,
    /// Without a closing mark, and nothing continues it: recovered at the
    /// paragraph's end.
    Unclosed,
}

/// One quote segment found by the scanner.
#[derive(Clone, Copy, Debug)]
pub(crate) struct RawQuote {
    /// From the opening mark to the closing mark, both included (to the
    /// paragraph's end when unclosed).
    pub outer: Span,
    /// Between the marks, whitespace trimmed.
    pub inner: Span,
    pub family: Family,
    pub closure: Closure,
    /// The number of quotes this one is nested in.
    pub depth: u32,
    /// The index of the innermost quote enclosing this one.
    pub parent: Option<usize>,
    /// The index of the previous paragraph's segment of the same quotation.
    pub continues_from: Option<usize>,
    /// Index of the paragraph holding the segment.
    pub para: u32,
}

/// What a mark does in its context.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Role {
    Open,
    Close,
    /// Closes if its family is open, otherwise opens.
    Either,
    /// Closes if its family is open, otherwise it is an apostrophe.
    CloseOrApostrophe,
    /// Not a quotation mark here.
    Apostrophe,
}

/// An entry of the paragraph stack.
#[derive(Clone, Copy, Debug)]
struct Open {
    pos: usize,
    len: usize,
    family: Family,
    /// Index of the previous paragraph's segment this opener continues.
    continues_from: Option<usize>,
}

/// Finds the quotations of a text.
#[derive(Clone, Debug)]
pub(crate) struct QuoteScanner {
    /// Enabled [`marks::QuoteStyle`] bits.
    styles: u8,
}

impl QuoteScanner {
    pub fn new(styles: u8) -> QuoteScanner {
        QuoteScanner { styles }
    }

    /// Scans the paragraphs of `text`; returns the quote segments sorted by
    /// start, nested ones after the ones that enclose them.
    pub fn scan(&self, text: &str, paragraphs: &[Span], lex: &Lexicons) -> Vec<RawQuote> {
        let mut out: Vec<RawQuote> = Vec::new();
        let mut stack: Vec<Open> = Vec::new();
        // Count closed top-level quotes per family, to decide afterwards
        // whether single marks are the outer style.
        let mut top_single = 0usize;
        let mut top_other = 0usize;
        let mut carry: Option<(usize, Family)> = None;
        let bytes = text.as_bytes();
        for (pi, para) in paragraphs.iter().enumerate() {
            stack.clear();
            let carried = carry.take();
            let mut i = para.start;
            while i < para.end {
                if !marks::is_candidate_byte(bytes[i]) {
                    i += 1;
                    continue;
                }
                let Some(info) = marks::mark_at(text, i) else {
                    i += 1;
                    continue;
                };
                if info.style.bit() & self.styles == 0 || i + info.len > para.end {
                    i += info.len;
                    continue;
                }
                let prev = text[para.start..i].chars().next_back();
                let next = text[i + info.len..para.end].chars().next();
                let role = classify(text, i, info, prev, next, lex);
                let has_family = stack.iter().any(|o| o.family == info.family);
                let close = match role {
                    Role::Open => false,
                    Role::Close => true,
                    Role::Either => has_family,
                    Role::CloseOrApostrophe => {
                        if !has_family {
                            i += info.len;
                            continue;
                        }
                        true
                    }
                    Role::Apostrophe => {
                        i += info.len;
                        continue;
                    }
                };
                if close {
                    if let Some(k) = stack.iter().rposition(|o| o.family == info.family) {
                        let open = stack[k];
                        stack.truncate(k);
                        let outer = Span::new(open.pos, i + info.len);
                        let inner = crate::segment::trim(text, Span::new(open.pos + open.len, i))
                            .unwrap_or(Span::new(open.pos + open.len, open.pos + open.len));
                        if k == 0 {
                            if open.family == Family::Single {
                                top_single += 1;
                            } else {
                                top_other += 1;
                            }
                        }
                        out.push(RawQuote {
                            outer,
                            inner,
                            family: open.family,
                            closure: Closure::Closed,
                            depth: 0,
                            parent: None,
                            continues_from: open.continues_from,
                            para: pi as u32,
                        });
                    }
                    // A closer with nothing to close is a stray: ignored.
                } else {
                    let continues_from = match carried {
                        Some((idx, fam)) if fam == info.family && stack.is_empty() && i == para.start => Some(idx),
                        _ => None,
                    };
                    stack.push(Open { pos: i, len: info.len, family: info.family, continues_from });
                }
                i += info.len;
            }
            // Recover at the paragraph's end: the bottom entry becomes a
            // segment; the entries above it were never closed.
            if let Some(open) = stack.first().copied() {
                let continues = paragraphs.get(pi + 1).is_some_and(|next| {
                    marks::mark_at(text, next.start).is_some_and(|m| {
                        m.family == open.family
                            && m.style.bit() & self.styles != 0
                            && m.dir != Dir::Close
                            && text[next.start + m.len..next.end].chars().next().is_some_and(|c| !c.is_whitespace())
                    })
                });
                let inner = crate::segment::trim(text, Span::new(open.pos + open.len, para.end))
                    .unwrap_or(Span::new(para.end, para.end));
                out.push(RawQuote {
                    outer: Span::new(open.pos, para.end),
                    inner,
                    family: open.family,
                    closure: if continues { Closure::ContinuesNext } else { Closure::Unclosed },
                    depth: 0,
                    parent: None,
                    continues_from: open.continues_from,
                    para: pi as u32,
                });
                if continues {
                    carry = Some((out.len() - 1, open.family));
                }
            }
        }
        let single_is_outer = top_single > top_other;
        finish(out, single_is_outer)
    }
}

/// Drops what should not be reported, sorts, and computes nesting.
fn finish(mut out: Vec<RawQuote>, single_is_outer: bool) -> Vec<RawQuote> {
    // Keep: closed quotes with content; unclosed ones unless they are single
    // marks in a document whose outer style is double.
    let keep: Vec<bool> = out
        .iter()
        .map(|q| !q.inner.is_empty() && (q.closure == Closure::Closed || q.family != Family::Single || single_is_outer))
        .collect();
    // Sort by start (outer first on ties), remembering old indices.
    let mut order: Vec<usize> = (0..out.len()).filter(|&i| keep[i]).collect();
    order.sort_by_key(|&i| (out[i].outer.start, core::cmp::Reverse(out[i].outer.end)));
    let mut remap = vec![usize::MAX; out.len()];
    for (new, &old) in order.iter().enumerate() {
        remap[old] = new;
    }
    let mut sorted: Vec<RawQuote> = order.iter().map(|&i| out[i]).collect();
    out.clear();
    let mut enclosing: Vec<usize> = Vec::new();
    for i in 0..sorted.len() {
        let q = &mut sorted[i];
        q.continues_from = q.continues_from.and_then(|c| remap.get(c).copied()).filter(|&c| c != usize::MAX);
        let start = q.outer.start;
        let end = q.outer.end;
        while let Some(&top) = enclosing.last() {
            if sorted[top].outer.end >= end && sorted[top].outer.start <= start && top != i {
                break;
            }
            enclosing.pop();
        }
        let depth = enclosing.len() as u32;
        let parent = enclosing.last().copied();
        let q = &mut sorted[i];
        q.depth = depth;
        q.parent = parent;
        enclosing.push(i);
    }
    sorted
}

/// Decides what the mark at `pos` does, from the characters around it.
fn classify(text: &str, pos: usize, info: MarkInfo, prev: Option<char>, next: Option<char>, lex: &Lexicons) -> Role {
    let left_open = prev.is_none_or(is_left_boundary);
    let right_open = next.is_none_or(is_right_boundary);
    let word_left = prev.is_some_and(char::is_alphanumeric);
    let word_right = next.is_some_and(char::is_alphanumeric);
    if info.family == Family::Single {
        // Between letters: an apostrophe (`don't`, `O’Neil`, `shouldn‘t`).
        if word_left && word_right {
            return Role::Apostrophe;
        }
        // Before an elision or a year: an apostrophe (`'tis`, `’90s`).
        if left_open && word_right && lex.is_elision(&text[pos + info.len..]) {
            return Role::Apostrophe;
        }
        // After a word and before a space: a closer only if a single quote
        // is open (`Jones’ house`, `goin’ home`).
        if word_left && right_open {
            return Role::CloseOrApostrophe;
        }
    }
    match (left_open, right_open) {
        // Even a closing mark opens here (`”Hi,” she said`, `»Ja«`).
        (true, false) => Role::Open,
        (false, true) => Role::Close,
        _ => match info.dir {
            Dir::Open => Role::Open,
            Dir::Close => Role::Close,
            Dir::Either => Role::Either,
        },
    }
}

/// True when a quote's content reads as a term, a title or a scare quote
/// rather than speech: a few words with no sentence punctuation.
pub(crate) fn looks_like_term(text: &str, inner: Span) -> bool {
    let s = &text[inner];
    let words = s.split_whitespace().count();
    let last = s.chars().next_back();
    let ends_like_speech = matches!(last, Some('.' | '!' | '?' | ',' | '\u{2026}' | ';' | ':' | '-' | '\u{2014}'));
    if words <= 4 && !ends_like_speech {
        return true;
    }
    // A title: every word capitalised, no sentence punctuation inside.
    if words <= 8 && !ends_like_speech {
        let small = ["of", "the", "a", "an", "and", "in", "on", "to", "for", "at", "by", "or"];
        return s
            .split_whitespace()
            .all(|w| w.chars().next().is_some_and(|c| c.is_uppercase() || !c.is_alphabetic()) || small.contains(&w));
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::Segmentation;

    fn find(text: &str) -> Vec<(String, u32, Closure)> {
        let lex = Lexicons::english();
        let seg = Segmentation::new(text, &lex);
        QuoteScanner::new(0xFF)
            .scan(text, &seg.paragraphs, &lex)
            .iter()
            .map(|q| (text[q.inner].to_string(), q.depth, q.closure))
            .collect()
    }

    fn inners(text: &str) -> Vec<String> {
        find(text).into_iter().map(|q| q.0).collect()
    }

    #[test]
    fn straight_and_curly_pairs() {
        assert_eq!(inners("\"Go,\" she said. “Stay,” he said."), vec!["Go,", "Stay,"]);
        assert_eq!(inners("“Shorty.\" he said"), vec!["Shorty."]);
    }

    #[test]
    fn apostrophes_are_not_quotes() {
        let t = "I don't know, rock 'n' roll in the '90s at the Joneses' house, 'tis o'clock, ma'am.";
        assert!(inners(t).is_empty(), "{:?}", inners(t));
        assert_eq!(inners("‘Don’t go,’ she said."), vec!["Don’t go,"]);
    }

    #[test]
    fn nesting() {
        let q = find("\"He told me, 'Don't go,' and left,\" she said.");
        assert_eq!(q.len(), 2);
        assert_eq!(q[0].0, "He told me, 'Don't go,' and left,");
        assert_eq!((q[1].0.as_str(), q[1].1), ("Don't go,", 1));
    }

    #[test]
    fn multi_paragraph() {
        let t = "“First part.\n“Second part.\n“Third part,” she said.";
        let q = find(t);
        assert_eq!(q.len(), 3);
        assert_eq!(q[0].2, Closure::ContinuesNext);
        assert_eq!(q[1].2, Closure::ContinuesNext);
        assert_eq!(q[2].2, Closure::Closed);
    }

    #[test]
    fn unclosed_recovers_at_paragraph_end() {
        let t = "\"Hello, he said, and left.\nThen \"Bye,\" she said.";
        let q = find(t);
        assert_eq!(q.len(), 2, "{q:?}");
        assert_eq!(q[0].2, Closure::Unclosed);
        assert_eq!(q[1].0, "Bye,");
    }

    #[test]
    fn other_styles() {
        assert_eq!(inners("« Oui », dit-il. »Ja«, sagte er."), vec!["Oui", "Ja"]);
        assert_eq!(inners("„Ja“, sagte er."), vec!["Ja"]);
        assert_eq!(inners("他说「你好」。"), vec!["你好"]);
        assert_eq!(inners("``Hello,'' he said."), vec!["Hello,"]);
        assert_eq!(inners("`Hello,' he said."), vec!["Hello,"]);
    }

    #[test]
    fn terms() {
        let t = "the so-called \"reform\"";
        let lex = Lexicons::english();
        let seg = Segmentation::new(t, &lex);
        let q = QuoteScanner::new(0xFF).scan(t, &seg.paragraphs, &lex);
        assert!(looks_like_term(t, q[0].inner));
        let t = "\"We will win this fight.\"";
        let q = QuoteScanner::new(0xFF).scan(t, &Segmentation::new(t, &lex).paragraphs, &lex);
        assert!(!looks_like_term(t, q[0].inner));
    }
}
