//! Byte tricks shared by the segmenter and the cue matcher: eight ASCII
//! bytes classified at once in a `u64` (SWAR), without `unsafe`.

/// Bit 7 of every byte.
pub(crate) const HI: u64 = 0x8080_8080_8080_8080;
/// The low seven bits of every byte.
const LO7: u64 = 0x7F7F_7F7F_7F7F_7F7F;

/// Eight bytes of `b` from `i`, if there are eight.
#[inline]
pub(crate) fn load8(b: &[u8], i: usize) -> Option<u64> {
    // (`get(i..)` then the first eight: two compares, where `get(i..i + 8)`
    // also guards the sum against overflow.)
    b.get(i..)?.first_chunk::<8>().map(|&chunk| u64::from_le_bytes(chunk))
}

/// Per byte of `x`, bit 7 set when the byte is an ASCII word character
/// (letter, digit, `_`). Bytes of 0x80 and above are not (they need a
/// `char` decode). Each step adds at most 0x7F to a byte below 0x80, so no
/// carry crosses into the next byte.
#[inline]
pub(crate) fn ascii_word_mask(x: u64) -> u64 {
    word_and_letter_masks(x).0
}

/// [`ascii_word_mask`] of `x`, and the same mask for the ASCII letters
/// alone (bit 7 set for `A`-`Z` and `a`-`z`): one computation gives both.
#[inline]
pub(crate) fn word_and_letter_masks(x: u64) -> (u64, u64) {
    let rep = |b: u8| u64::from_le_bytes([b; 8]);
    let x7 = x & LO7;
    let folded = x7 | rep(0x20);
    let letters = (folded + rep(0x80 - b'a')) & !(folded + rep(0x7F - b'z')) & !x & HI;
    let digits = (x7 + rep(0x80 - b'0')) & !(x7 + rep(0x7F - b'9'));
    let under = !((x7 ^ rep(b'_')) + rep(0x7F));
    (letters | (digits | under) & !x & HI, letters)
}

/// Of the letters of `x` given by `letters` (see
/// [`word_and_letter_masks`]), the capitals and the lowercase ones: a
/// letter is lower case exactly when its bit 5 (0x20) is set, which a
/// shift by two moves to bit 7 of the same byte.
#[inline]
pub(crate) fn case_masks(x: u64, letters: u64) -> (u64, u64) {
    let bit5 = (x << 2) & HI;
    (letters & !bit5, letters & bit5)
}

/// `x` with each byte that is an ASCII capital lower-cased; other bytes,
/// those of 0x80 and above too, unchanged.
#[inline]
pub(crate) fn lower8(x: u64) -> u64 {
    x | upper_mask(x) >> 2
}

/// Per byte of `x`, bit 7 set when the byte is an ASCII lowercase letter.
#[cfg(test)]
#[inline]
pub(crate) fn lower_mask(x: u64) -> u64 {
    let rep = |b: u8| u64::from_le_bytes([b; 8]);
    let x7 = x & LO7;
    (x7 + rep(0x80 - b'a')) & !(x7 + rep(0x7F - b'z')) & !x & HI
}

/// Per byte of `x`, bit 7 set when the byte is an ASCII capital.
#[inline]
pub(crate) fn upper_mask(x: u64) -> u64 {
    let rep = |b: u8| u64::from_le_bytes([b; 8]);
    let x7 = x & LO7;
    (x7 + rep(0x80 - b'A')) & !(x7 + rep(0x7F - b'Z')) & !x & HI
}

/// Ones in the first `len` bytes of a little-endian word (all eight from
/// eight on).
#[inline]
pub(crate) fn low_bytes(len: usize) -> u64 {
    if len >= 8 { u64::MAX } else { (1u64 << (8 * len)) - 1 }
}

/// The multiplicative hash of a word of at most eight bytes, given
/// lower-cased ([`lower8`]) as a little-endian word with zeros past its end.
/// The tokenizer's flag map (`lexicon::ShortMap`) and the cue filter
/// (`matcher::word_hash`) both index by it, so one multiplication serves
/// both look-ups of a short word.
#[inline]
pub(crate) fn short_hash(lower: u64) -> u64 {
    lower.wrapping_mul(0x9E37_79B9_7F4A_7C15)
}

/// The hash of a word given its first eight bytes (`head`, little-endian,
/// zero past its end) and its length: the head lower-cased ([`lower8`]),
/// with the length mixed in past eight bytes (up to eight, the bytes tell
/// it: no word holds a zero byte), through [`short_hash`]. The cue
/// filters and the tokenizer's filter of long words with flags index by it,
/// so one hash serves both.
#[inline]
pub(crate) fn head_hash(head: u64, len: usize) -> u64 {
    let long = if len > 8 { (len as u64).rotate_right(8) } else { 0 };
    short_hash(lower8(head) ^ long)
}

/// A set of word hashes ([`head_hash`]), one bit each (a Bloom filter with
/// one probe): 64 Kbit, in L1. (An array, so that the index, ten bits of
/// the hash, needs no bounds check.)
#[derive(Clone, Debug)]
pub(crate) struct HashBits(Box<[u64; 1 << 10]>);

impl HashBits {
    /// The empty set.
    pub fn new() -> HashBits {
        HashBits(Box::new([0u64; 1 << 10]))
    }

    /// Adds `hash`.
    pub fn insert(&mut self, hash: u64) {
        self.0[(hash >> 54) as usize] |= 1 << (hash >> 48 & 63);
    }

    /// False when `hash` was never added; true when it was, and for a few
    /// others.
    #[inline]
    pub fn contains(&self, hash: u64) -> bool {
        self.0[(hash >> 54) as usize] >> (hash >> 48 & 63) & 1 != 0
    }
}

/// Up to eight bytes as a little-endian word, padded with zeros: from two
/// overlapping reads of four bytes, or for fewer than four, of the first,
/// middle and last bytes (no loop over the bytes).
#[inline]
fn padded(b: &[u8]) -> u64 {
    let n = b.len();
    let read4 = |i: usize| {
        b.get(i..i + 4).and_then(|s| <[u8; 4]>::try_from(s).ok()).map_or(0, |a| u64::from(u32::from_le_bytes(a)))
    };
    let byte = |i: usize| b.get(i).map_or(0, |&c| u64::from(c));
    if n >= 8 {
        b.get(..8).map_or(0, word8)
    } else if n >= 4 {
        read4(0) | read4(n - 4) << (8 * (n - 4))
    } else if n > 0 {
        byte(0) | byte(n / 2) << (8 * (n / 2)) | byte(n - 1) << (8 * (n - 1))
    } else {
        0
    }
}

/// A little-endian word of exactly eight bytes.
#[inline]
fn word8(c: &[u8]) -> u64 {
    let mut w = [0u8; 8];
    w.copy_from_slice(c);
    u64::from_le_bytes(w)
}

/// The bytes of `b` as little-endian words of eight (the last padded with
/// zeros), each passed to `f` with its ASCII capitals lower-cased.
#[inline]
pub(crate) fn for_each_lower8(b: &[u8], mut f: impl FnMut(u64)) {
    let mut chunks = b.chunks_exact(8);
    for c in &mut chunks {
        f(lower8(word8(c)));
    }
    if !chunks.remainder().is_empty() {
        f(lower8(padded(chunks.remainder())));
    }
}

/// `a.eq_ignore_ascii_case(b)`, eight bytes at a time.
#[inline]
pub(crate) fn eq_ignore_ascii_case(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let (mut ca, mut cb) = (a.chunks_exact(8), b.chunks_exact(8));
    for (x, y) in (&mut ca).zip(&mut cb) {
        if lower8(word8(x)) != lower8(word8(y)) {
            return false;
        }
    }
    lower8(padded(ca.remainder())) == lower8(padded(cb.remainder()))
}

/// True for an ASCII letter, digit or `_`.
#[inline]
pub(crate) fn is_ascii_word(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'_'
}

/// Gathers bit 7 of each byte of `x` into the low eight bits (byte k to
/// bit k).
#[inline]
pub(crate) fn gather(x: u64) -> u64 {
    ((x & HI) >> 7).wrapping_mul(0x0102_0408_1020_4080) >> 56
}

/// The end of the run of ASCII word bytes in `b[start..limit]` that starts
/// at `start`: eight bytes at a time.
#[inline]
pub(crate) fn ascii_word_run(b: &[u8], start: usize, limit: usize) -> usize {
    let mut i = start;
    while i + 8 <= limit {
        let Some(x) = load8(b, i) else { break };
        let stop = !ascii_word_mask(x) & HI;
        if stop != 0 {
            return i + stop.trailing_zeros() as usize / 8;
        }
        i += 8;
    }
    while i < limit && b.get(i).copied().is_some_and(is_ascii_word) {
        i += 1;
    }
    i
}

/// Per byte of `x`, bit 7 set when the byte is printable ASCII (`!` to
/// DEL, 0x21 to 0x7F): a byte of a word, for [`words`].
#[inline]
pub(crate) fn printable_mask(x: u64) -> u64 {
    let rep = |c: u8| u64::from_le_bytes([c; 8]);
    ((x & LO7) + rep(0x5F)) & !x & HI
}

/// The end of the run of printable ASCII bytes (`!` to DEL) in `b` from
/// `i`: eight bytes at a time (the last read padded with zeros, which
/// stop the run).
#[inline]
fn printable_run(b: &[u8], mut i: usize) -> usize {
    loop {
        let x = match load8(b, i) {
            Some(x) => x,
            None => padded(b.get(i..).unwrap_or_default()),
        };
        let printable = printable_mask(x);
        let stop = !printable & HI;
        if stop != 0 {
            return (i + stop.trailing_zeros() as usize / 8).min(b.len());
        }
        i += 8;
    }
}

/// True when `s` is ASCII with its words single-spaced: no whitespace but
/// single spaces between words (none at either end). Then its [`words`]
/// are its pieces between spaces, and joined by single spaces they are
/// `s` itself: most names are written so, and need no general split.
#[inline]
pub(crate) fn is_single_spaced(s: &str) -> bool {
    let b = s.as_bytes();
    if b.first() == Some(&b' ') || b.last() == Some(&b' ') {
        return false;
    }
    let mut after_space = false;
    for &c in b {
        // (Bytes of 0x80 and above may belong to a space: no fast path.)
        if c >= 0x80 || matches!(c, b'\t'..=b'\r') || c == b' ' && after_space {
            return false;
        }
        after_space = c == b' ';
    }
    true
}

/// The words of `s` between runs of whitespace: what `str::split_whitespace`
/// gives, with ASCII bytes classified directly (a `char` is decoded only
/// for a byte of 0x80 and above). `split_whitespace` decodes every `char`,
/// which made splitting names a tenth of entity resolution.
pub(crate) fn words(s: &str) -> Words<'_> {
    Words { s, at: 0 }
}

/// The iterator of [`words`].
#[derive(Clone, Debug)]
pub(crate) struct Words<'s> {
    s: &'s str,
    at: usize,
}

impl<'s> Words<'s> {
    /// Whether the char at byte `i` is whitespace, and its length; `None`
    /// at the end.
    #[inline]
    fn class(&self, i: usize) -> Option<(bool, usize)> {
        let &c = self.s.as_bytes().get(i)?;
        if c < 0x80 {
            return Some((matches!(c, b'\t'..=b'\r' | b' '), 1));
        }
        let ch = self.s.get(i..)?.chars().next()?;
        Some((ch.is_whitespace(), ch.len_utf8()))
    }
}

impl<'s> Iterator for Words<'s> {
    type Item = &'s str;

    #[inline]
    fn next(&mut self) -> Option<&'s str> {
        let mut i = self.at;
        let start = loop {
            match self.class(i) {
                None => {
                    self.at = i;
                    return None;
                }
                Some((true, n)) => i += n,
                Some((false, _)) => break i,
            }
        };
        // Printable ASCII eight bytes at a time; any other byte is
        // classified on its own.
        loop {
            i = printable_run(self.s.as_bytes(), i);
            match self.class(i) {
                Some((false, n)) => i += n,
                _ => break,
            }
        }
        self.at = i;
        self.s.get(start..i)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_mask_matches_the_scalar_rule() {
        for b in 0..=255u8 {
            let x = u64::from_le_bytes([b, b'a', b' ', b, b'_', b'9', 0x80, b]);
            let m = ascii_word_mask(x);
            for (k, &c) in x.to_le_bytes().iter().enumerate() {
                assert_eq!(m >> (8 * k + 7) & 1 == 1, is_ascii_word(c), "byte {c:#x}");
            }
        }
    }

    #[test]
    fn lower8_matches_to_ascii_lowercase() {
        for b in 0..=255u8 {
            let bytes = [b, b'A', b'z', b, b'@', b'[', 0xC3, b];
            let got = lower8(u64::from_le_bytes(bytes)).to_le_bytes();
            assert_eq!(got, bytes.map(|c| c.to_ascii_lowercase()), "byte {b:#x}");
        }
    }

    #[test]
    fn case_masks_match_the_scalar_rules() {
        for b in 0..=255u8 {
            let x = u64::from_le_bytes([b, b'a', b'Z', b, b'@', b'[', 0xC3, b]);
            let (lo, up) = (lower_mask(x), upper_mask(x));
            let (word, letters) = word_and_letter_masks(x);
            assert_eq!(word, ascii_word_mask(x));
            assert_eq!(case_masks(x, letters), (up, lo), "byte {b:#x}");
            for (k, &c) in x.to_le_bytes().iter().enumerate() {
                assert_eq!(lo >> (8 * k + 7) & 1 == 1, c.is_ascii_lowercase(), "byte {c:#x}");
                assert_eq!(up >> (8 * k + 7) & 1 == 1, c.is_ascii_uppercase(), "byte {c:#x}");
                assert_eq!(letters >> (8 * k + 7) & 1 == 1, c.is_ascii_alphabetic(), "byte {c:#x}");
            }
        }
        assert_eq!((lower_mask(u64::MAX) | upper_mask(u64::MAX)) & !HI, 0);
        assert_eq!(low_bytes(0), 0);
        assert_eq!(low_bytes(3), 0xFF_FFFF);
        assert_eq!(low_bytes(8), u64::MAX);
    }

    #[test]
    fn padded_words_and_case_blind_equality() {
        let text = "Spokes-WOMAN said: \u{e9}l\u{c9}an ABCDEFGHIJKLMNOPQRSTU";
        let b = text.as_bytes();
        for start in 0..b.len() {
            for end in start..=b.len().min(start + 8) {
                let mut want = [0u8; 8];
                want[..end - start].copy_from_slice(&b[start..end]);
                assert_eq!(padded(&b[start..end]), u64::from_le_bytes(want), "{start}..{end}");
            }
        }
        let words = ["", "a", "A", "ab", "aB", "said", "SAID", "sai", "spokeswoman", "SpokesWoman", "spokeswomen"];
        for x in words {
            for y in words {
                let want = x.as_bytes().eq_ignore_ascii_case(y.as_bytes());
                assert_eq!(eq_ignore_ascii_case(x.as_bytes(), y.as_bytes()), want, "{x} {y}");
            }
        }
    }

    #[test]
    fn words_split_as_split_whitespace() {
        let texts = [
            "",
            " ",
            "Ana Ruiz",
            "  Dr. Ana\u{a0}Ruiz\u{2019}s,\n\tthe \u{3000}x\u{1}y\u{85}z\u{b} \u{e9}l\u{e9}\u{2009}",
            "\u{2028}a\u{202f}\u{1c}b ",
        ];
        for t in texts {
            assert_eq!(words(t).collect::<Vec<_>>(), t.split_whitespace().collect::<Vec<_>>(), "{t:?}");
        }
    }

    #[test]
    fn single_spaced_text_is_its_words_joined() {
        let texts = [
            "",
            " ",
            "Ana",
            "Ana Ruiz",
            "Ana  Ruiz",
            " Ana",
            "Ana ",
            "Ana\tRuiz",
            "Ana\u{a0}Ruiz",
            "J. R. R. Tolkien",
            "a\u{1}b",
        ];
        for t in texts {
            let joined = words(t).collect::<Vec<_>>().join(" ");
            if is_single_spaced(t) {
                assert_eq!(joined, t, "{t:?}");
            }
        }
        assert!(is_single_spaced("Ana Ruiz") && is_single_spaced("") && !is_single_spaced("Ana  Ruiz"));
        assert!(!is_single_spaced("Ana\nRuiz") && !is_single_spaced("Ana\u{a0}Ruiz") && !is_single_spaced("Ruiz "));
    }

    proptest::proptest! {
        /// A single-spaced text is its words joined by single spaces.
        #[test]
        fn single_spaced_text_equals_its_words_joined(t in "[a \t\n\u{1}\u{a0}\u{e9}.]{0,16}") {
            if is_single_spaced(&t) {
                proptest::prop_assert_eq!(words(&t).collect::<Vec<_>>().join(" "), t);
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn words_equal_split_whitespace(t in "[a \t\n\u{b}\u{1c}\u{85}\u{a0}\u{e9}\u{2009}\u{3000}.]{0,16}") {
            proptest::prop_assert_eq!(words(&t).collect::<Vec<_>>(), t.split_whitespace().collect::<Vec<_>>());
        }
    }

    #[test]
    fn runs() {
        let b = b"abcdefghij_0123 x";
        assert_eq!(ascii_word_run(b, 0, b.len()), 15);
        assert_eq!(ascii_word_run(b, 0, 9), 9);
        assert_eq!(ascii_word_run(b, 15, b.len()), 15);
        assert_eq!(ascii_word_run(b, 16, b.len()), 17);
        assert_eq!(ascii_word_run("ab\u{e9}".as_bytes(), 0, 4), 2);
    }
}
