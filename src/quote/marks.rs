//! The table of quotation-mark characters: family, default direction and
//! house style.

/// A family of quotation marks: an opening mark pairs only with a closing
/// mark of the same family. Straight and curly marks of one family pair with
/// each other (`“Shorty."`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum Family {
    /// `"` `“` `”` `„` `‟` and the typeset ``` `` ``` / `''` pair.
    Double,
    /// `'` `‘` `’` `‚` `‛` and the Gutenberg `` ` `` opener.
    Single,
    /// `«` `»`.
    Angle,
    /// `‹` `›`.
    SingleAngle,
    /// `「` `」`.
    Corner,
    /// `『` `』`.
    WhiteCorner,
    /// A quotation dash (`—`) opening a paragraph of dialogue; it has no
    /// closing mark.
    Dash,
}

impl Family {
    /// The number of families, for per-family tables.
    pub(crate) const COUNT: usize = 7;

    /// A dense index for per-family tables.
    #[inline]
    pub(crate) const fn index(self) -> usize {
        match self {
            Family::Double => 0,
            Family::Single => 1,
            Family::Angle => 2,
            Family::SingleAngle => 3,
            Family::Corner => 4,
            Family::WhiteCorner => 5,
            Family::Dash => 6,
        }
    }
}

/// The direction a mark has by itself, before its context is read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Dir {
    /// Opens (`“`, `«`, `„`), unless its context clearly says it closes.
    Open,
    /// Closes (`”`, `»`, `’`), unless its context clearly says it opens.
    Close,
    /// Either (`"` and `'`): the context decides.
    Either,
}

/// A house style of quotation marks, each of which can be switched on or
/// off with [`AttributorBuilder::quote_style`](crate::AttributorBuilder::quote_style).
/// All are on by default.
///
/// # Example
///
/// ```
/// use whosaid::{Attributor, QuoteStyle};
///
/// let only_curly = Attributor::builder()
///     .quote_style(QuoteStyle::Straight, false)
///     .build()?;
/// let doc = only_curly.attribute("\"Hi,\" she said. “Bye,” he said.");
/// assert_eq!(doc.quotes().len(), 1);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[non_exhaustive]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum QuoteStyle {
    /// Straight ASCII marks `"` and `'`.
    Straight,
    /// Curly marks `“ ”` and `‘ ’` (and the reversed `‟ ‛`).
    Curly,
    /// Guillemets `« »` and `‹ ›`, in either direction (`»…«` too).
    Guillemets,
    /// Low-high marks `„ “` and `‚ ‘`.
    LowHigh,
    /// Corner brackets `「 」` and `『 』`.
    Corner,
    /// Typeset TeX-style ``` ``…'' ``` and Gutenberg `` `…' ``.
    Backtick,
    /// Dialogue introduced by a dash at the start of a paragraph, with no
    /// closing mark (`—Come up, Kinch! he said.`), as in Joyce or in
    /// French and Spanish novels. Recognised only in documents that use it
    /// for most of their dialogue: at least three paragraphs open with a
    /// dash, and fewer open with a quotation mark.
    Dash,
}

impl QuoteStyle {
    /// Every style, in a fixed order.
    pub const ALL: [QuoteStyle; 7] = [
        QuoteStyle::Straight,
        QuoteStyle::Curly,
        QuoteStyle::Guillemets,
        QuoteStyle::LowHigh,
        QuoteStyle::Corner,
        QuoteStyle::Backtick,
        QuoteStyle::Dash,
    ];

    #[inline]
    pub(crate) const fn bit(self) -> u8 {
        match self {
            QuoteStyle::Straight => 1,
            QuoteStyle::Curly => 2,
            QuoteStyle::Guillemets => 4,
            QuoteStyle::LowHigh => 8,
            QuoteStyle::Corner => 16,
            QuoteStyle::Backtick => 32,
            QuoteStyle::Dash => 64,
        }
    }
}

/// What the table knows of one mark.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct MarkInfo {
    pub family: Family,
    pub dir: Dir,
    pub style: QuoteStyle,
    /// Length of the mark in bytes (``` `` ``` and `''` are two bytes).
    pub len: usize,
}

/// True for a byte that can start a quotation mark; used to skip text fast.
#[inline]
pub(crate) fn is_candidate_byte(b: u8) -> bool {
    CANDIDATE[b as usize]
}

const fn candidates() -> [bool; 256] {
    let mut t = [false; 256];
    t[b'"' as usize] = true;
    t[b'\'' as usize] = true;
    t[b'`' as usize] = true;
    t[0xC2] = true; // « »
    t[0xE2] = true; // U+2018..U+201F, U+2039, U+203A
    t[0xE3] = true; // U+300C..U+300F
    t
}

static CANDIDATE: [bool; 256] = candidates();

/// Reads the quotation mark that starts at byte `pos` of `text`, if any.
pub(crate) fn mark_at(text: &str, pos: usize) -> Option<MarkInfo> {
    let bytes = text.as_bytes();
    let b = *bytes.get(pos)?;
    let next = bytes.get(pos + 1).copied();
    let m = |family, dir, style, len| Some(MarkInfo { family, dir, style, len });
    match b {
        b'"' => m(Family::Double, Dir::Either, QuoteStyle::Straight, 1),
        b'\'' if next == Some(b'\'') => m(Family::Double, Dir::Close, QuoteStyle::Backtick, 2),
        b'\'' => m(Family::Single, Dir::Either, QuoteStyle::Straight, 1),
        b'`' if next == Some(b'`') => m(Family::Double, Dir::Open, QuoteStyle::Backtick, 2),
        b'`' => m(Family::Single, Dir::Open, QuoteStyle::Backtick, 1),
        // Multi-byte marks, read from tables indexed by their last byte
        // (a `match` compiled to a jump table that mispredicted).
        0xE2 if next == Some(0x80) => E2_80[usize::from(*bytes.get(pos + 2)? & 0x3F)],
        0xC2 => C2[usize::from(next? & 0x3F)],
        0xE3 if next == Some(0x80) => E3_80[usize::from(*bytes.get(pos + 2)? & 0x3F)],
        _ => None,
    }
}

/// A table of 64 entries indexed by the low six bits of a continuation
/// byte (`0x80..=0xBF`), with the given marks set.
const fn table(entries: &[(u8, Family, Dir, QuoteStyle)], len: usize) -> [Option<MarkInfo>; 64] {
    let mut t = [None; 64];
    let mut i = 0;
    while i < entries.len() {
        let (byte, family, dir, style) = entries[i];
        t[(byte & 0x3F) as usize] = Some(MarkInfo { family, dir, style, len });
        i += 1;
    }
    t
}

/// Marks encoded `E2 80 xx`: U+2018 to U+201F and U+2039, U+203A.
static E2_80: [Option<MarkInfo>; 64] = table(
    &[
        (0x9C, Family::Double, Dir::Open, QuoteStyle::Curly),   // “ U+201C
        (0x9D, Family::Double, Dir::Close, QuoteStyle::Curly),  // ” U+201D
        (0x9F, Family::Double, Dir::Open, QuoteStyle::Curly),   // ‟ U+201F
        (0x9E, Family::Double, Dir::Open, QuoteStyle::LowHigh), // „ U+201E
        (0x98, Family::Single, Dir::Open, QuoteStyle::Curly),   // ‘ U+2018
        (0x99, Family::Single, Dir::Close, QuoteStyle::Curly),  // ’ U+2019
        (0x9B, Family::Single, Dir::Open, QuoteStyle::Curly),   // ‛ U+201B
        (0x9A, Family::Single, Dir::Open, QuoteStyle::LowHigh), // ‚ U+201A
        (0xB9, Family::SingleAngle, Dir::Open, QuoteStyle::Guillemets), // ‹ U+2039
        (0xBA, Family::SingleAngle, Dir::Close, QuoteStyle::Guillemets), // › U+203A
    ],
    3,
);

/// Marks encoded `C2 xx`: « U+00AB and » U+00BB.
static C2: [Option<MarkInfo>; 64] = table(
    &[
        (0xAB, Family::Angle, Dir::Open, QuoteStyle::Guillemets),
        (0xBB, Family::Angle, Dir::Close, QuoteStyle::Guillemets),
    ],
    2,
);

/// Marks encoded `E3 80 xx`: 「 」 『 』 U+300C to U+300F.
static E3_80: [Option<MarkInfo>; 64] = table(
    &[
        (0x8C, Family::Corner, Dir::Open, QuoteStyle::Corner),
        (0x8D, Family::Corner, Dir::Close, QuoteStyle::Corner),
        (0x8E, Family::WhiteCorner, Dir::Open, QuoteStyle::Corner),
        (0x8F, Family::WhiteCorner, Dir::Close, QuoteStyle::Corner),
    ],
    3,
);

/// True for a character that reads as "space" on the left of an opening
/// mark: whitespace, opening brackets and dashes.
#[inline]
pub(crate) fn is_left_boundary(c: char) -> bool {
    c.is_whitespace()
        || matches!(c, '(' | '[' | '{' | '\u{2014}' | '\u{2013}' | '-' | '/' | '\u{2015}' | ':' | '>' | '*' | '_')
        || is_quote_char(c)
}

/// True for a character that reads as "space" on the right of a closing
/// mark: whitespace, sentence punctuation, closing brackets and dashes.
#[inline]
pub(crate) fn is_right_boundary(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '.' | ','
                | ';'
                | ':'
                | '!'
                | '?'
                | '\u{2026}'
                | ')'
                | ']'
                | '}'
                | '\u{2014}'
                | '\u{2013}'
                | '-'
                | '/'
                | '*'
                | '_'
                | '<'
        )
        || is_quote_char(c)
}

/// True for a dash or a hyphen.
#[inline]
pub(crate) fn is_dash(c: char) -> bool {
    matches!(c, '\u{2014}' | '\u{2015}' | '\u{2013}' | '-')
}

/// True for any character of the mark table.
#[inline]
pub(crate) fn is_quote_char(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | '`'
            | '\u{201C}'..='\u{201F}'
            | '\u{2018}'..='\u{201B}'
            | '\u{AB}'
            | '\u{BB}'
            | '\u{2039}'
            | '\u{203A}'
            | '\u{300C}'..='\u{300F}'
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_mark_char_is_a_candidate_byte() {
        for c in ['"', '\'', '`', '“', '”', '„', '‟', '‘', '’', '‚', '‛', '«', '»', '‹', '›', '「', '」', '『', '』']
        {
            let s = c.to_string();
            assert!(is_candidate_byte(s.as_bytes()[0]), "{c}");
            assert!(mark_at(&s, 0).is_some(), "{c}");
            assert!(is_quote_char(c), "{c}");
        }
        assert_eq!(mark_at("``x", 0).map(|m| m.len), Some(2));
        assert_eq!(mark_at("— x", 0), None);
        assert_eq!(mark_at("…", 0), None);
        assert_eq!(mark_at("\u{a0}", 0), None);
        assert_eq!(mark_at("。", 0), None);
        // The byte-level table agrees with the characters.
        for c in ['“', '”', '‟', '„', '‘', '’', '‛', '‚', '«', '»', '‹', '›', '「', '」', '『', '』']
        {
            let s = c.to_string();
            assert_eq!(mark_at(&s, 0).map(|m| m.len), Some(c.len_utf8()), "{c}");
        }
    }
}
