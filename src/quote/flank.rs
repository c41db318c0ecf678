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
    /// (`Jones’ house`, `goin’ home`, the inch mark in `a 27" screen`).
    CloseIfOpen,
    /// An apostrophe (`don't`, `’tis`, `’90s`), or the inch mark after feet
    /// (`6’2”`): never a quotation mark.
    Apostrophe,
}

/// How many bytes after a single mark are read to recognise an elision
/// (`'tis`, `'em`, `'90s`). Bounded so that a mark before a huge word costs
/// O(1); every elision in the lexicon is shorter.
const ELISION_WINDOW: usize = 16;

/// The character on one side of a mark, as flanking sees it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Side(u8);

impl Side {
    /// Space, or a paragraph edge.
    const EDGE: Side = Side(LEFT_OPEN | RIGHT_OPEN);

    /// Reads as space on the left of an opener.
    #[inline]
    fn left_open(self) -> bool {
        self.0 & LEFT_OPEN != 0
    }

    /// Reads as space on the right of a closer.
    #[inline]
    fn right_open(self) -> bool {
        self.0 & RIGHT_OPEN != 0
    }

    /// A letter or a digit.
    #[inline]
    fn word(self) -> bool {
        self.0 & WORD != 0
    }

    /// A digit.
    #[inline]
    fn digit(self) -> bool {
        self.0 & DIGIT != 0
    }

    /// The side of `c`, or a paragraph edge for `None`.
    #[inline]
    pub(crate) fn of(c: Option<char>) -> Side {
        match c {
            None => Side::EDGE,
            Some(c) if c.is_ascii() => Side(ASCII_SIDES[c as usize]),
            Some(c) => Side::of_char(c),
        }
    }

    /// The side of the character that ends at byte `end` of `text` (the
    /// left neighbour of a mark), not looking before `floor`.
    #[inline]
    pub(crate) fn before(text: &str, floor: usize, end: usize) -> Side {
        match text.as_bytes().get(end.wrapping_sub(1)) {
            _ if end <= floor => Side::EDGE,
            Some(&b) if b < 0x80 => Side(ASCII_SIDES[b as usize]),
            _ => Side::of(text.get(floor..end).and_then(|s| s.chars().next_back())),
        }
    }

    /// The side of the character that starts at byte `start` of `text`
    /// (the right neighbour of a mark), not looking at or past `limit`.
    #[inline]
    pub(crate) fn after(text: &str, start: usize, limit: usize) -> Side {
        match text.as_bytes().get(start) {
            _ if start >= limit => Side::EDGE,
            Some(&b) if b < 0x80 => Side(ASCII_SIDES[b as usize]),
            _ => Side::of(text.get(start..limit).and_then(|s| s.chars().next())),
        }
    }

    #[cold]
    fn of_char(c: char) -> Side {
        let mut bits = 0;
        if is_left_boundary(c) {
            bits |= LEFT_OPEN;
        }
        if is_right_boundary(c) {
            bits |= RIGHT_OPEN;
        }
        if c.is_alphanumeric() {
            bits |= WORD;
        }
        if c.is_numeric() {
            bits |= DIGIT;
        }
        Side(bits)
    }
}

const LEFT_OPEN: u8 = 1;
const RIGHT_OPEN: u8 = 2;
const WORD: u8 = 4;
const DIGIT: u8 = 8;

/// [`Side`] bits of every ASCII character, from the same rules as
/// [`is_left_boundary`] and [`is_right_boundary`] (a unit test checks that
/// they agree).
static ASCII_SIDES: [u8; 128] = ascii_sides();

const fn ascii_sides() -> [u8; 128] {
    let mut t = [0u8; 128];
    let mut i = 0;
    while i < 128 {
        let c = i as u8;
        let space = matches!(c, b'\t'..=b'\r' | b' ');
        let quote = matches!(c, b'"' | b'\'' | b'`');
        let mut bits = 0;
        if space || quote || matches!(c, b'(' | b'[' | b'{' | b'-' | b'/' | b':' | b'>' | b'*' | b'_') {
            bits |= LEFT_OPEN;
        }
        if space
            || quote
            || matches!(
                c,
                b'.' | b',' | b';' | b':' | b'!' | b'?' | b')' | b']' | b'}' | b'-' | b'/' | b'*' | b'_' | b'<'
            )
        {
            bits |= RIGHT_OPEN;
        }
        if c.is_ascii_alphanumeric() {
            bits |= WORD;
        }
        if c.is_ascii_digit() {
            bits |= DIGIT;
        }
        t[i] = bits;
        i += 1;
    }
    t
}

/// Decides the role of the mark `info` at byte `pos` of `text`, whose
/// paragraph ends at `para_end`; `prev` and `next` are the sides of the
/// characters around it within the paragraph.
pub(crate) fn role(
    text: &str,
    pos: usize,
    para_end: usize,
    info: MarkInfo,
    prev: Side,
    next: Side,
    lex: &Lexicons,
) -> Role {
    let left_open = prev.left_open();
    let right_open = next.right_open();
    let word_left = prev.word();
    let word_right = next.word();
    if info.family == Family::Single {
        // Between letters or digits: an apostrophe (`don't`, `O’Neil`,
        // `shouldn‘t`, `5'11`).
        if word_left && word_right {
            return Role::Apostrophe;
        }
        // Before an elision or a year: an apostrophe (`'tis`, `’90s`).
        if left_open && word_right && is_elision(text, pos + info.len, para_end, lex) {
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
    if info.family == Family::Double && prev.digit() {
        // After feet and inches (`5'11"`, `6’2”`), any double mark is the
        // inch mark: it neither opens nor closes a quote that is open
        // around it (`“He’s like 6’2”,” he said`).
        if feet_and_inches_before(text.as_bytes(), pos) {
            return Role::Apostrophe;
        }
        // A straight double mark after a digit is an inch mark unless it
        // closes a quote (`"Catch-22"`).
        if info.style == QuoteStyle::Straight {
            return Role::CloseIfOpen;
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

/// True when `text[..pos]` ends in feet and inches: a digit, a single
/// mark (`'`, `’` or `′`) and one or two digits (`5'11`, `6’2`).
fn feet_and_inches_before(b: &[u8], pos: usize) -> bool {
    let head = b.get(..pos).unwrap_or_default();
    let digits = head.iter().rev().take_while(|c| c.is_ascii_digit()).take(3).count();
    if !(1..=2).contains(&digits) {
        return false;
    }
    let rest = &head[..head.len() - digits];
    let Some(rest) =
        [&b"'"[..], "\u{2019}".as_bytes(), "\u{2032}".as_bytes()].iter().find_map(|m| rest.strip_suffix(*m))
    else {
        return false;
    };
    rest.last().is_some_and(u8::is_ascii_digit)
}

/// True when the word at byte `start` (before `end`) is a known elision
/// (`tis`, `em`, `90s`). Only short words can be: longer ones are not looked
/// up, so a mark before a huge word costs O(1).
#[inline]
fn is_elision(text: &str, start: usize, end: usize, lex: &Lexicons) -> bool {
    let w = window(text, start, end);
    let len = w.bytes().take_while(|b| b.is_ascii_alphanumeric()).count();
    if len < w.len() && w.as_bytes()[len] >= 0x80 {
        // A non-ASCII letter may continue the word: the general path.
        return lex.is_elision(w);
    }
    if len == 0 || len > MAX_ELISION {
        return false;
    }
    let word = &w.as_bytes()[..len];
    // `'90s`, `’80`: two digits and an optional `s`.
    let digits = word.iter().take_while(|b| b.is_ascii_digit()).count();
    if digits == 2 && (len == 2 || (len == 3 && word[2] == b's')) {
        return true;
    }
    let key = pack(word);
    ELISIONS.words[..ELISIONS.len].contains(&key)
}

/// The elisions of `lexicon/elisions.txt`, packed into `u64`s at compile
/// time ([`pack`]), so a look-up is a scan of a few dozen integers: no
/// hashing, no lower-casing into a buffer.
static ELISIONS: Elisions = Elisions::parse(include_str!("../lexicon/elisions.txt"));

/// A fixed table of packed words.
struct Elisions {
    words: [u64; MAX_ELISIONS],
    len: usize,
}

/// Room for this many elisions; the lexicon test checks it suffices.
const MAX_ELISIONS: usize = 128;

impl Elisions {
    /// Reads the lexicon's format: one word a line, `#` comments, blank
    /// lines ignored. Words longer than [`MAX_ELISION`] bytes, or past the
    /// table's room, are left out (a unit test checks none are).
    const fn parse(text: &str) -> Elisions {
        let b = text.as_bytes();
        let mut out = Elisions { words: [0; MAX_ELISIONS], len: 0 };
        let mut i = 0;
        while i < b.len() {
            // One line: [i, end).
            let mut end = i;
            while end < b.len() && b[end] != b'\n' {
                end += 1;
            }
            let mut s = i;
            while s < end && b[s].is_ascii_whitespace() {
                s += 1;
            }
            let mut e = end;
            while e > s && b[e - 1].is_ascii_whitespace() {
                e -= 1;
            }
            if e > s && b[s] != b'#' && e - s <= MAX_ELISION && out.len < MAX_ELISIONS {
                let mut key = 0u64;
                let mut k = s;
                while k < e {
                    key = (key << 8) | b[k].to_ascii_lowercase() as u64;
                    k += 1;
                }
                out.words[out.len] = key;
                out.len += 1;
            }
            i = end + 1;
        }
        out
    }
}

/// A word of at most eight ASCII bytes as one lower-case `u64`.
#[inline]
fn pack(word: &[u8]) -> u64 {
    word.iter().fold(0u64, |key, &b| (key << 8) | u64::from(b.to_ascii_lowercase()))
}

/// The longest elision worth looking up, in bytes (`twould`).
const MAX_ELISION: usize = 8;

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
        let prev = Side::before(text, 0, pos);
        let next = Side::after(text, pos + info.len, text.len());
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
    fn ascii_table_agrees_with_the_rules() {
        for b in 0u8..128 {
            let c = b as char;
            assert_eq!(Side::of(Some(c)), Side::of_char(c), "{c:?}");
        }
    }

    #[test]
    fn elision_table_holds_the_whole_lexicon() {
        let lex = Lexicons::english();
        let text = include_str!("../lexicon/elisions.txt");
        let words: Vec<&str> = text.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')).collect();
        assert_eq!(ELISIONS.len, words.len(), "every elision fits the table");
        for w in words {
            assert!(w.len() <= MAX_ELISION, "{w:?} is longer than {MAX_ELISION} bytes");
            let t = format!(" '{w} x");
            assert!(is_elision(&t, 2, t.len(), &lex), "{w:?}");
            assert_eq!(lex.is_elision(w), is_elision(&t, 2, t.len(), &lex), "{w:?}");
        }
        for w in ["90s", "80", "Tis", "EM"] {
            let t = format!("'{w} x");
            assert!(is_elision(&t, 1, t.len(), &lex), "{w:?}");
        }
        for w in ["Hello", "1990", "t1", "tiss"] {
            let t = format!("'{w} x");
            assert!(!is_elision(&t, 1, t.len(), &lex), "{w:?}");
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
