//! Flanking: what a quotation mark does, read from the characters on its
//! left and right.
//!
//! An *opener* has space (or a bracket, a dash, another mark) on its left
//! and text on its right; a *closer* the reverse. Paragraph edges count as
//! space. Single marks are also apostrophes, and the cases are told apart
//! here as far as the neighbouring characters allow; the rest is left to
//! the pairing stack ([`Role::CloseIfOpen`]).

use super::marks::{Dir, Family, MarkInfo, QuoteStyle, is_left_boundary, is_right_boundary};
use crate::lexicon::Lexicons;

/// What a mark does in its context.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Role {
    /// Opens a quotation.
    Open,
    /// Closes the innermost open quotation of its family.
    Close,
    /// Closes if its family is open, otherwise opens (space or text on
    /// both sides: `" Kurds , "`).
    Either,
    /// Closes if its family is open, otherwise it is not a quotation mark
    /// (`Jones’ house`, `goin’ home`, the inch mark in `5'11"`).
    CloseIfOpen,
    /// An apostrophe (`don't`, `’tis`, `’90s`): never a quotation mark.
    Apostrophe,
}

/// How many bytes after a single mark are read to recognise an elision
/// (`'tis`, `'em`, `'90s`). Bounded so that a mark before a huge word costs
/// O(1); every elision in the lexicon is shorter.
const ELISION_WINDOW: usize = 16;

/// Decides the role of the mark `info` at byte `pos` of `text`, whose
/// paragraph ends at `para_end`; `prev` and `next` are the characters
/// around it within the paragraph.
pub(crate) fn role(
    text: &str,
    pos: usize,
    para_end: usize,
    info: MarkInfo,
    prev: Option<char>,
    next: Option<char>,
    lex: &Lexicons,
) -> Role {
    let left_open = prev.is_none_or(is_left_boundary);
    let right_open = next.is_none_or(is_right_boundary);
    let word_left = prev.is_some_and(char::is_alphanumeric);
    let word_right = next.is_some_and(char::is_alphanumeric);
    if info.family == Family::Single {
        // Between letters or digits: an apostrophe (`don't`, `O’Neil`,
        // `shouldn‘t`, `5'11`).
        if word_left && word_right {
            return Role::Apostrophe;
        }
        // Before an elision or a year: an apostrophe (`'tis`, `’90s`).
        if left_open && word_right && lex.is_elision(window(text, pos + info.len, para_end)) {
            return Role::Apostrophe;
        }
        // After a word and before a space: a closer only if a single quote
        // is open (`Jones’ house`, `goin’ home`), except after the `'n` of
        // `rock 'n' roll`, which is elided on both sides.
        if word_left && right_open {
            if is_both_sided_elision(&text[..pos]) {
                return Role::Apostrophe;
            }
            return Role::CloseIfOpen;
        }
    }
    // A straight double mark after a digit is an inch mark (`5'11"`) unless
    // it closes a quote (`"Catch-22"`).
    if info.style == QuoteStyle::Straight && info.family == Family::Double && prev.is_some_and(|c| c.is_ascii_digit()) {
        return Role::CloseIfOpen;
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

/// True when `before` ends with a word elided on both sides whose opening
/// apostrophe follows a space: the `'n` of `rock 'n' roll`.
fn is_both_sided_elision(before: &str) -> bool {
    let mut chars = before.chars().rev();
    matches!(chars.next(), Some('n' | 'N'))
        && matches!(chars.next(), Some('\'' | '\u{2019}' | '\u{2018}'))
        && chars.next().is_none_or(char::is_whitespace)
}

/// At most [`ELISION_WINDOW`] bytes of `text` from `start`, cut at a char
/// boundary and never past `end`.
fn window(text: &str, start: usize, end: usize) -> &str {
    let mut stop = end.min(start.saturating_add(ELISION_WINDOW)).min(text.len());
    while stop > start && !text.is_char_boundary(stop) {
        stop -= 1;
    }
    text.get(start..stop).unwrap_or("")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quote::marks::mark_at;

    /// The role of the last mark in `text`.
    fn role_in(text: &str) -> Role {
        let lex = Lexicons::english();
        let pos = text.rfind(['\'', '"', '‘', '’', '“', '”']).expect("a mark");
        let info = mark_at(text, pos).expect("a mark");
        let prev = text[..pos].chars().next_back();
        let next = text[pos + info.len..].chars().next();
        role(text, pos, text.len(), info, prev, next, &lex)
    }

    const CASES: &[(&str, Role)] = &[
        ("don't", Role::Apostrophe),
        ("O’Neil", Role::Apostrophe),
        ("shouldn‘t", Role::Apostrophe),
        ("a 'tis", Role::Apostrophe),
        ("the ’90s", Role::Apostrophe),
        ("rock 'n", Role::Apostrophe),
        ("rock 'n' roll", Role::Apostrophe),
        ("Joneses' house", Role::CloseIfOpen),
        ("goin’ home", Role::CloseIfOpen),
        ("5'11 tall", Role::Apostrophe),
        ("11\" tall", Role::CloseIfOpen),
        ("said 'Go", Role::Open),
        ("said \"Go", Role::Open),
        ("go,\" he", Role::Close),
        ("go,' he", Role::Close),
        ("” Hi", Role::Close),
        ("a ”Hi", Role::Open),
        ("Kurds , \" and", Role::Either),
        ("a “ b", Role::Open),
        ("a ” b", Role::Close),
    ];

    #[test]
    fn roles() {
        for &(text, want) in CASES {
            assert_eq!(role_in(text), want, "case {text:?}");
        }
    }

    #[test]
    fn elision_window_is_bounded() {
        let text = format!("'{}", "t".repeat(1000));
        assert_eq!(window(&text, 1, text.len()).len(), ELISION_WINDOW);
        let text = "'é".repeat(20);
        let w = window(&text, 1, text.len());
        assert!(w.len() <= ELISION_WINDOW && text.is_char_boundary(1 + w.len()));
    }
}
