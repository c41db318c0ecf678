//! The automaton layer: one Aho-Corasick automaton over every form, plus
//! word-boundary verification.
//!
//! The automaton matches substrings, so each hit is checked for word
//! boundaries on both sides (`said`, not `unsaid`; `called`, not
//! `so-called`). The result is exactly what a naive scan gives (see
//! `naive.rs` and the differential tests): at each word start, left to
//! right, the longest form that also ends at a word end.

use crate::span::Span;
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, Anchored, Input, MatchKind, StartKind};
use std::collections::HashMap;

/// One hit of the automaton: a span and the pattern it matched.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct RawHit {
    pub span: Span,
    pub pattern: u32,
}

/// A set of lower-case phrases compiled into one automaton.
#[derive(Clone, Debug)]
pub(crate) struct Automaton {
    ac: AhoCorasick,
    /// Phrase → pattern index, for the rare hit that ends inside a word
    /// while a shorter phrase at the same start would end at a word end.
    index: HashMap<Box<str>, u32>,
}

impl Automaton {
    /// Compiles `patterns` (lower case, non-empty). `anchored` builds an
    /// automaton that only matches at the start of the searched range.
    pub fn new(patterns: &[&str], anchored: bool) -> Result<Automaton, aho_corasick::BuildError> {
        // A DFA: about twice as fast as the default contiguous NFA on news
        // text with the full lexicon (measured with benches/matcher.rs),
        // for a few megabytes of tables built once per engine.
        let ac = AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .ascii_case_insensitive(true)
            .kind(Some(AhoCorasickKind::DFA))
            .start_kind(if anchored { StartKind::Anchored } else { StartKind::Unanchored })
            .build(patterns)?;
        let index = patterns.iter().enumerate().map(|(i, p)| (Box::from(*p), i as u32)).collect();
        Ok(Automaton { ac, index })
    }

    /// The first hit in `text[from..]` that starts and ends at word
    /// boundaries.
    #[inline]
    pub fn find(&self, text: &str, mut from: usize) -> Option<RawHit> {
        while from < text.len() {
            let m = self.ac.find(Input::new(text).range(from..))?;
            let (s, e) = (m.start(), m.end());
            if boundary_before(text, s) {
                if boundary_after(text, e) {
                    return Some(RawHit { span: Span::new(s, e), pattern: m.pattern().as_u32() });
                }
                if let Some(hit) = self.shorter(text, s, e) {
                    return Some(hit);
                }
            }
            // No hit at `s`: go on from the next character.
            from = s + text[s..].chars().next().map_or(1, char::len_utf8);
        }
        None
    }

    /// The longest phrase that starts exactly at `at` and ends at a word
    /// boundary.
    #[inline]
    pub fn find_at(&self, text: &str, at: usize) -> Option<RawHit> {
        let m = self.ac.find(Input::new(text).range(at..).anchored(Anchored::Yes))?;
        if boundary_after(text, m.end()) {
            return Some(RawHit { span: Span::new(m.start(), m.end()), pattern: m.pattern().as_u32() });
        }
        self.shorter(text, m.start(), m.end())
    }

    /// The longest phrase that starts at `start`, ends before `end` and at
    /// a word boundary. Leftmost-longest reported only the longest phrase
    /// at `start` (`said in a statementary`); a shorter one (`said`) may
    /// still end at a word end. Rare, so it may allocate.
    #[cold]
    fn shorter(&self, text: &str, start: usize, end: usize) -> Option<RawHit> {
        let mut e = end;
        while e > start {
            e = text[start..e].char_indices().next_back().map_or(start, |(i, _)| start + i);
            if e > start && boundary_after(text, e) {
                let key = text[start..e].to_ascii_lowercase();
                if let Some(&pattern) = self.index.get(key.as_str()) {
                    return Some(RawHit { span: Span::new(start, e), pattern });
                }
            }
        }
        None
    }
}

/// True for characters that make up words.
#[inline]
fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// True when a hit may start at `pos`: no word character just before it,
/// and no hyphen joining it to a word (`so-called`).
#[inline]
pub(crate) fn boundary_before(text: &str, pos: usize) -> bool {
    let b = text.as_bytes();
    let Some(&prev) = pos.checked_sub(1).and_then(|i| b.get(i)) else { return true };
    if prev.is_ascii() {
        if prev.is_ascii_alphanumeric() || prev == b'_' {
            return false;
        }
        if prev == b'-' {
            return !text[..pos - 1].chars().next_back().is_some_and(is_word_char);
        }
        return true;
    }
    !text[..pos].chars().next_back().is_some_and(is_word_char)
}

/// True when a hit may end at `pos`: no word character just after it, and
/// no hyphen joining it to a word (`call-in`).
#[inline]
pub(crate) fn boundary_after(text: &str, pos: usize) -> bool {
    let b = text.as_bytes();
    let Some(&next) = b.get(pos) else { return true };
    if next.is_ascii() {
        if next.is_ascii_alphanumeric() || next == b'_' {
            return false;
        }
        if next == b'-' {
            return !text[pos + 1..].chars().next().is_some_and(is_word_char);
        }
        return true;
    }
    !text[pos..].chars().next().is_some_and(is_word_char)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hits(a: &Automaton, text: &str) -> Vec<String> {
        let mut out = Vec::new();
        let mut pos = 0;
        while let Some(h) = a.find(text, pos) {
            out.push(text[h.span].to_string());
            pos = h.span.end;
        }
        out
    }

    #[test]
    fn boundaries() {
        let a = Automaton::new(&["said", "called", "said in a statement", "according to"], false).unwrap();
        assert_eq!(hits(&a, "unsaid said_x saidé said"), vec!["said"]);
        assert_eq!(hits(&a, "so-called, called-in, called -- said-"), vec!["called", "said"]);
        assert_eq!(hits(&a, "SAID in a statementary"), vec!["SAID"]);
        assert_eq!(hits(&a, "Said in a Statement."), vec!["Said in a Statement"]);
        assert_eq!(hits(&a, "according tomorrow"), Vec::<String>::new());
        assert_eq!(hits(&a, "éaccording to, ésaid"), Vec::<String>::new());
    }

    #[test]
    fn anchored_frames() {
        let a = Automaton::new(&["in a statement", "in a statement released", "reporters"], true).unwrap();
        let text = "said in a statement releasedx";
        let h = a.find_at(text, 5).unwrap();
        assert_eq!(&text[h.span], "in a statement");
        assert!(a.find_at(text, 4).is_none());
        assert!(a.find_at("said reportersx", 5).is_none());
    }
}
