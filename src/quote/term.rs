//! Speech or term: whether marked words are somebody's speech, or a title,
//! a term or a scare quote (`the so-called “reform”`, `a film called
//! ‘Heat’`).
//!
//! Decided from the quote and the text around it, without cues: the sieve
//! still makes a term speech when a reporting cue attributes it (`called
//! the plan “dead on arrival”`).

use super::RawQuote;
use crate::span::Span;

/// True when quote `q` of paragraph `para` reads as a term, a title or a
/// scare quote rather than speech.
pub(crate) fn is_term(text: &str, _para: Span, q: &RawQuote) -> bool {
    looks_like_term(text, q.inner)
}

/// True when a quote's content reads as a term, a title or a scare quote
/// rather than speech: a few words with no sentence punctuation.
fn looks_like_term(text: &str, inner: Span) -> bool {
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
