//! Byte spans into the analysed text, and their conversion to code points.

use core::fmt;
use core::ops::{Index, Range};

/// A half-open range of byte offsets `start..end` into the analysed text.
///
/// Every span that `whosaid` returns is in bounds of the text it was given,
/// has `start <= end`, and starts and ends on `char` boundaries, so
/// `&text[span]` never panics.
///
/// `Span` is `Copy` (unlike [`Range`]), and converts from and to it.
/// Offsets are bytes; use [`Span::to_char_range`] or [`CharOffsets`] when a
/// tool that counts Unicode code points (Python, most corpora) needs them.
///
/// # Example
///
/// ```
/// use whosaid::Span;
///
/// let text = "“Hi,” she said.";
/// let span = Span::from(3..6);
/// assert_eq!(&text[span], "Hi,");
/// assert_eq!(span.to_char_range(text), 1..4);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Span {
    /// The first byte of the span.
    pub start: usize,
    /// One past the last byte of the span.
    pub end: usize,
}

impl Span {
    /// Creates a span from its byte offsets.
    ///
    /// ```
    /// let s = whosaid::Span::new(2, 5);
    /// assert_eq!(s.len(), 3);
    /// ```
    #[inline]
    pub const fn new(start: usize, end: usize) -> Span {
        Span { start, end }
    }

    /// The span as a [`Range`], for slicing.
    ///
    /// ```
    /// let s = whosaid::Span::new(0, 2);
    /// assert_eq!(&"hello"[s.range()], "he");
    /// ```
    #[inline]
    pub const fn range(&self) -> Range<usize> {
        self.start..self.end
    }

    /// The number of bytes covered.
    ///
    /// ```
    /// assert_eq!(whosaid::Span::new(3, 3).len(), 0);
    /// ```
    #[inline]
    pub const fn len(&self) -> usize {
        self.end.saturating_sub(self.start)
    }

    /// True when the span covers no byte.
    ///
    /// ```
    /// assert!(whosaid::Span::new(3, 3).is_empty());
    /// ```
    #[inline]
    pub const fn is_empty(&self) -> bool {
        self.end <= self.start
    }

    /// True when the byte offset `pos` lies inside the span.
    ///
    /// ```
    /// let s = whosaid::Span::new(2, 4);
    /// assert!(s.contains(2) && s.contains(3) && !s.contains(4));
    /// ```
    #[inline]
    pub const fn contains(&self, pos: usize) -> bool {
        self.start <= pos && pos < self.end
    }

    /// True when `other` lies wholly inside this span.
    ///
    /// ```
    /// use whosaid::Span;
    /// assert!(Span::new(0, 10).encloses(Span::new(2, 10)));
    /// assert!(!Span::new(0, 10).encloses(Span::new(2, 11)));
    /// ```
    #[inline]
    pub const fn encloses(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// True when the two spans share at least one byte.
    ///
    /// ```
    /// use whosaid::Span;
    /// assert!(Span::new(0, 5).overlaps(Span::new(4, 8)));
    /// assert!(!Span::new(0, 5).overlaps(Span::new(5, 8)));
    /// ```
    #[inline]
    pub const fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// The span in Unicode code points (`char`s) instead of bytes.
    ///
    /// This walks `text` up to `self.end`, so it costs O(n); for many spans
    /// of one text build a [`CharOffsets`] once instead.
    ///
    /// # Panics
    ///
    /// Never: offsets past the end of `text` are clamped to its length.
    ///
    /// ```
    /// let text = "é said";
    /// assert_eq!(whosaid::Span::new(3, 7).to_char_range(text), 2..6);
    /// ```
    pub fn to_char_range(&self, text: &str) -> Range<usize> {
        let end = self.end.min(text.len());
        let start = self.start.min(end);
        let bytes = text.as_bytes();
        let count = |b: &[u8]| b.iter().filter(|&&c| (c as i8) >= -0x40).count();
        let s = count(&bytes[..start]);
        s..s + count(&bytes[start..end])
    }
}

impl fmt::Debug for Span {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}..{}", self.start, self.end)
    }
}

impl From<Range<usize>> for Span {
    #[inline]
    fn from(r: Range<usize>) -> Span {
        Span::new(r.start, r.end)
    }
}

impl From<Span> for Range<usize> {
    #[inline]
    fn from(s: Span) -> Range<usize> {
        s.range()
    }
}

impl PartialEq<Range<usize>> for Span {
    #[inline]
    fn eq(&self, r: &Range<usize>) -> bool {
        self.start == r.start && self.end == r.end
    }
}

impl PartialEq<Span> for Range<usize> {
    #[inline]
    fn eq(&self, s: &Span) -> bool {
        s == self
    }
}

impl Index<Span> for str {
    type Output = str;

    #[inline]
    fn index(&self, span: Span) -> &str {
        &self[span.range()]
    }
}

/// Converts byte offsets of one text to Unicode code-point offsets in O(1)
/// per lookup after an O(n) build.
///
/// The table stores one entry per 64-byte block, so it costs about an eighth
/// of the text's size in memory, and a lookup counts at most 63 bytes.
///
/// # Example
///
/// ```
/// use whosaid::{CharOffsets, Span};
///
/// let text = "€5, “yes,” he said";
/// let offsets = CharOffsets::new(text);
/// assert_eq!(offsets.char_offset(9), 5);
/// assert_eq!(offsets.char_range(Span::new(9, 13)), 5..9);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug)]
pub struct CharOffsets<'h> {
    text: &'h str,
    /// `blocks[i]` = number of chars that start in `text[..i * BLOCK]`.
    blocks: Vec<usize>,
}

const BLOCK: usize = 64;

#[inline]
fn is_char_start(b: u8) -> bool {
    // Continuation bytes are 0b10xx_xxxx.
    (b as i8) >= -0x40
}

impl<'h> CharOffsets<'h> {
    /// Builds the table for `text`.
    pub fn new(text: &'h str) -> CharOffsets<'h> {
        let bytes = text.as_bytes();
        let mut blocks = Vec::with_capacity(bytes.len() / BLOCK + 2);
        let mut total = 0usize;
        blocks.push(0);
        for chunk in bytes.chunks(BLOCK) {
            total += chunk.iter().filter(|&&b| is_char_start(b)).count();
            blocks.push(total);
        }
        CharOffsets { text, blocks }
    }

    /// The number of code points before byte offset `byte`.
    ///
    /// An offset inside a multi-byte character counts that character as
    /// before it; an offset past the end gives the total count.
    pub fn char_offset(&self, byte: usize) -> usize {
        let bytes = self.text.as_bytes();
        let byte = byte.min(bytes.len());
        let block = byte / BLOCK;
        let base = self.blocks.get(block).copied().unwrap_or(0);
        base + bytes[block * BLOCK..byte].iter().filter(|&&b| is_char_start(b)).count()
    }

    /// The code-point range of a byte span.
    pub fn char_range(&self, span: Span) -> Range<usize> {
        self.char_offset(span.start)..self.char_offset(span.end)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn char_offsets_match_naive() {
        let text = "a€b “c” 😀 d\né";
        let table = CharOffsets::new(text);
        for (byte, _) in text.char_indices().chain([(text.len(), ' ')]) {
            let naive = text[..byte].chars().count();
            assert_eq!(table.char_offset(byte), naive, "byte {byte}");
            assert_eq!(Span::new(0, byte).to_char_range(text), 0..naive);
        }
    }

    #[test]
    fn char_offsets_long_text_crosses_blocks() {
        let text = "é".repeat(100) + "x" + &"😀".repeat(40);
        let table = CharOffsets::new(&text);
        for (byte, _) in text.char_indices() {
            assert_eq!(table.char_offset(byte), text[..byte].chars().count());
        }
        assert_eq!(table.char_offset(usize::MAX), text.chars().count());
    }

    #[test]
    fn span_basics() {
        let s = Span::from(2..5);
        assert_eq!(s, 2..5);
        assert_eq!(format!("{s:?}"), "2..5");
        assert_eq!(&"abcdefg"[s], "cde");
        assert!(s.encloses(Span::new(3, 5)));
        assert!(!s.overlaps(Span::new(5, 6)));
    }
}
