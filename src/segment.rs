//! Segmentation: paragraphs, word tokens and sentences, as byte spans.
//!
//! This is the first stage: everything after it works on these spans of
//! the original text. Nothing is copied or normalised.
//!
//! * **Paragraphs** are newline-delimited blocks, or blank-line-delimited
//!   blocks when the text is hard-wrapped (Project Gutenberg style: short
//!   lines that run on into each other). [`ParagraphMode`] records which.
//! * **Tokens** are words (letters and digits, joined across an inner
//!   apostrophe, hyphen or abbreviation dot: `don't`, `al-Assad`, `U.S`),
//!   numbers (`76,981`) and single punctuation characters. Whitespace is
//!   skipped. Words in scripts that do not separate words with spaces are
//!   split with `unicode-segmentation` (UAX #29 word boundaries).
//! * **Sentences** end at `.`, `!`, `?` or `…` (with any closing marks after
//!   them) when the next token starts a sentence, unless the dot ends an
//!   abbreviation or an initial; paragraph ends always end a sentence.
//!
//! Segmentation reads every byte of the text, so it is written for speed
//! (about 100 instructions a word on news text), each shortcut checked
//! against the general rule by a property test: one pass over the lines
//! gives the paragraphs and their mode; a word of up to seven ASCII bytes
//! is read with one eight-byte load that gives its end, shape, flags key
//! and cue-filter hash ([`short_word`]); a word joined by ASCII joiners or
//! `’` is read byte by byte ([`joined_word_end`]); only other words decode
//! chars. The tokenizer lists the terminators, so sentences are split
//! there alone, and the tokens the cue matcher must read
//! ([`Segmentation::cue_tokens`]).

use crate::cue::CueMatcher;
use crate::lexicon::{Lexicons, flags};
use crate::span::Span;
use unicode_segmentation::UnicodeSegmentation;

/// What kind of token this is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum TokKind {
    /// Letters (possibly with digits, inner apostrophes, hyphens, dots).
    Word,
    /// Starts with a digit.
    Number,
    /// One punctuation or symbol character.
    Punct,
}

/// The capitalisation of a word token.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Shape {
    /// Starts with a lowercase letter (`said`, `al-Assad`).
    Lower,
    /// Starts with an uppercase letter, not all caps (`Havel`, `McCain`).
    Capitalized,
    /// Two or more letters, all uppercase (`ISIS`, `U.S`).
    AllCaps,
    /// Anything else (numbers, punctuation, caseless scripts).
    Other,
}

/// One token: a span and its classification.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Token {
    pub span: Span,
    pub kind: TokKind,
    pub shape: Shape,
    /// Index of the paragraph holding the token.
    pub para: u32,
    /// For a word or number, what it may start in the lexicons
    /// ([`flags`](crate::lexicon::flags)), looked up once here.
    pub lex: u8,
    /// What the cue matcher reads of the token (see
    /// [`CueMatcher::find_in_tokens`](crate::cue::CueMatcher::find_in_tokens)).
    pub cue: CueScan,
}

/// What the cue matcher reads of a token.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum CueScan {
    /// Nothing: a punctuation token, or a word that is not plain (below)
    /// of which no piece starts a cue.
    Skip,
    /// Nothing: a plain word (below) that starts no cue (the matcher's
    /// word filter, read while tokenizing; see
    /// [`Segmentation::with_cues`]).
    Pass,
    /// A plain word that may start a cue: ASCII letters, digits and `_`
    /// only, with no letter or digit of any script right before or after
    /// it, so a word exactly as the cue matcher sees one.
    Word,
    /// Its bytes: a word that is not plain (`don't`, `U.S`, `76,981`,
    /// non-ASCII words), which the matcher scans as it scans text.
    Bytes,
}

impl Token {
    /// True for a word or number token.
    #[inline]
    pub fn is_word(&self) -> bool {
        self.kind != TokKind::Punct
    }

    /// True for a plain word ([`CueScan::Word`]): ASCII letters, digits
    /// and `_` only, with no letter or digit of any script next to it. (A
    /// few plain words that the tokenizer reads the long way answer false.)
    #[inline]
    pub fn is_plain(&self) -> bool {
        matches!(self.cue, CueScan::Word | CueScan::Pass)
    }

    /// True when the token starts with an uppercase letter.
    #[inline]
    pub fn is_capitalized(&self) -> bool {
        matches!(self.shape, Shape::Capitalized | Shape::AllCaps)
    }

    /// False when the word starts no role noun or phrase.
    #[inline]
    pub fn may_start_role(&self) -> bool {
        self.lex & flags::ROLE_START != 0
    }

    /// False when the word starts no organisation name or head.
    #[inline]
    pub fn may_start_org(&self) -> bool {
        self.lex & flags::ORG_START != 0
    }

    /// False when the word is no pronoun (true exactly when
    /// [`Lexicons::pronoun`] finds it).
    #[inline]
    pub fn may_be_pronoun(&self) -> bool {
        self.lex & flags::PRONOUN != 0
    }

    /// True exactly when [`Lexicons::honorific`] finds the word.
    #[inline]
    pub fn is_honorific(&self) -> bool {
        self.lex & flags::HONORIFIC != 0
    }

    /// True exactly when [`Lexicons::is_function_word`] holds for the word.
    #[inline]
    pub fn is_function_word(&self) -> bool {
        self.lex & flags::FUNCTION != 0
    }
}

/// One sentence: its span and its tokens.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Sentence {
    pub span: Span,
    /// Index of the first token.
    pub first: u32,
    /// One past the index of the last token.
    pub end: u32,
    /// Index of the paragraph holding the sentence.
    pub para: u32,
}

/// How paragraphs were found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum ParagraphMode {
    /// Each line is a paragraph.
    Lines,
    /// Paragraphs are separated by blank lines; single newlines are wraps.
    BlankLines,
}

/// The segmentation of one text.
#[derive(Clone, Debug)]
pub(crate) struct Segmentation {
    /// How paragraphs were found.
    pub mode: ParagraphMode,
    pub paragraphs: Vec<Span>,
    pub tokens: Vec<Token>,
    /// The indices of the tokens the cue matcher reads (those whose
    /// [`cue`](Token::cue) is [`CueScan::Word`] or [`CueScan::Bytes`]), in order: a few in
    /// ten, so the matcher skips the others without reading them.
    pub cue_tokens: Vec<u32>,
    pub sentences: Vec<Sentence>,
    /// For each token, the index of its sentence.
    pub tok_sentence: Vec<u32>,
    /// The tokenizer's working lists, kept only so that
    /// [`refill`](Segmentation::refill) reuses them.
    work: Tokens,
}

impl Segmentation {
    /// Segments `text` into paragraphs, tokens and sentences.
    #[cfg(test)]
    pub fn new(text: &str, lex: &Lexicons) -> Segmentation {
        Segmentation::with_cues(text, lex, None)
    }

    /// [`new`](Self::new), marking the plain words that start no cue of
    /// `cues` ([`CueScan::Pass`]) and the other words no piece of which
    /// does ([`CueScan::Skip`]); without a matcher, none is.
    #[cfg(test)]
    pub fn with_cues(text: &str, lex: &Lexicons, cues: Option<&CueMatcher>) -> Segmentation {
        let mut seg = Segmentation::empty();
        seg.refill(text, lex, cues);
        seg
    }

    /// A segmentation of no text, whose lists have no room yet.
    pub fn empty() -> Segmentation {
        Segmentation {
            mode: ParagraphMode::Lines,
            paragraphs: Vec::new(),
            tokens: Vec::new(),
            cue_tokens: Vec::new(),
            sentences: Vec::new(),
            tok_sentence: Vec::new(),
            work: Tokens::default(),
        }
    }

    /// [`with_cues`](Self::with_cues) in place: segments `text` into this
    /// segmentation's lists, reusing their room (an engine keeps one per
    /// thread, see [`Scratch`](crate::scratch::Scratch), so that a
    /// document allocates none of them).
    pub fn refill(&mut self, text: &str, lex: &Lexicons, cues: Option<&CueMatcher>) {
        self.mode = paragraphs_into(text, &mut self.paragraphs);
        // (English runs five to six bytes a token: room for nearly every
        // text's tokens, so the vector is never copied to grow.)
        let mut out = core::mem::take(&mut self.work);
        out.all = core::mem::take(&mut self.tokens);
        out.cue = core::mem::take(&mut self.cue_tokens);
        out.all.clear();
        out.all.reserve(text.len() / 4 + 1);
        // (About one terminator in 20 tokens, one cue token in 10.)
        out.terminators.clear();
        out.terminators.reserve(text.len() / 64 + 1);
        out.cue.clear();
        out.cue.reserve(text.len() / 32 + 1);
        out.para_ends.clear();
        out.para_ends.reserve(self.paragraphs.len());
        for (i, p) in self.paragraphs.iter().enumerate() {
            tokenize(text, *p, i as u32, lex, cues, &mut out);
            out.para_ends.push(out.all.len());
        }
        self.tokens = core::mem::take(&mut out.all);
        self.cue_tokens = core::mem::take(&mut out.cue);
        sentences(text, &self.tokens, &out.para_ends, &out.terminators, lex, &mut self.sentences);
        self.work = out;
        // (Filled in place, without zeroing it first.)
        let tok_sentence = &mut self.tok_sentence;
        tok_sentence.clear();
        tok_sentence.reserve(self.tokens.len());
        for (i, s) in self.sentences.iter().enumerate() {
            tok_sentence.resize(s.first as usize, 0);
            tok_sentence.resize(s.end as usize, i as u32);
        }
        tok_sentence.resize(self.tokens.len(), 0);
    }

    /// The tokens at which one of `spans` starts: those whose start is a
    /// span's start.
    #[cfg(test)]
    pub fn tokens_starting(&self, spans: impl IntoIterator<Item = Span>) -> TokenSet {
        let mut set = TokenSet::new(self.tokens.len());
        for s in spans {
            let i = self.token_at_or_after(s.start);
            if self.tokens.get(i).is_some_and(|t| t.span.start == s.start) {
                set.insert(i);
            }
        }
        set
    }

    /// The index of the first token starting at or after byte `pos`.
    pub fn token_at_or_after(&self, pos: usize) -> usize {
        self.tokens.partition_point(|t| t.span.start < pos)
    }

    /// The index of the sentence containing the token `tok`.
    pub fn sentence_of_token(&self, tok: usize) -> usize {
        self.tok_sentence.get(tok).copied().unwrap_or(0) as usize
    }
}

/// A set of token indices, a bit each: a membership test in constant
/// time where a binary search over a list of spans would be needed.
#[derive(Clone, Debug, Default)]
pub(crate) struct TokenSet {
    bits: Vec<u64>,
}

impl TokenSet {
    /// An empty set for `len` tokens.
    #[cfg(test)]
    pub fn new(len: usize) -> TokenSet {
        TokenSet { bits: vec![0; len.div_ceil(64)] }
    }

    /// Empties the set and sizes it for `len` tokens, keeping its room.
    pub fn reset(&mut self, len: usize) {
        self.bits.clear();
        self.bits.resize(len.div_ceil(64), 0);
    }

    /// Adds token `i` (ignored past the set's length).
    pub fn insert(&mut self, i: usize) {
        if let Some(w) = self.bits.get_mut(i / 64) {
            *w |= 1 << (i % 64);
        }
    }

    /// True when token `i` is in the set.
    #[inline]
    pub fn contains(&self, i: usize) -> bool {
        self.bits.get(i / 64).is_some_and(|w| w >> (i % 64) & 1 != 0)
    }
}

/// [`paragraphs_into`] a new list: the mode and the paragraphs.
#[cfg(test)]
fn paragraphs(text: &str) -> (ParagraphMode, Vec<Span>) {
    let mut out = Vec::new();
    (paragraphs_into(text, &mut out), out)
}

/// The paragraphs of `text` alone, without tokens or sentences.
pub(crate) fn paragraph_spans(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    paragraphs_into(text, &mut out);
    out
}

/// How much of a text [`paragraphs`] reads for the mode: a text keeps one
/// layout, so its first lines tell, and long texts cost no more than this.
const MODE_SAMPLE: usize = 64 * 1024;

/// Counts of the lines in the first [`MODE_SAMPLE`] bytes of a text, from
/// which [`paragraphs`] decides whether single newlines are paragraph
/// breaks or line wraps.
#[derive(Default)]
struct LineCounts {
    nonblank: usize,
    short: usize,
    continued: usize,
    blank: usize,
    prev_nonblank: bool,
    pending_blank: bool,
}

impl LineCounts {
    /// Counts one line (`line`, as it is, and whether it is blank).
    #[inline]
    fn add(&mut self, line: &str, blank: bool) {
        if blank {
            // A blank line counts only between paragraphs, not at the end.
            self.pending_blank = self.nonblank > 0;
            self.prev_nonblank = false;
            return;
        }
        if self.pending_blank {
            self.blank += 1;
            self.pending_blank = false;
        }
        self.nonblank += 1;
        if is_short_line(line) {
            self.short += 1;
        }
        if self.prev_nonblank {
            self.continued += 1;
        }
        self.prev_nonblank = true;
    }

    /// A text is hard-wrapped when it has blank lines, most of its lines
    /// are short, and many lines run on into the next one. News copy (one
    /// long line per paragraph) fails the length test; Gutenberg texts
    /// pass all three.
    fn mode(&self) -> ParagraphMode {
        let Self { nonblank, short, continued, blank, .. } = *self;
        if blank > 0 && nonblank >= 4 && short * 10 >= nonblank * 8 && continued * 10 >= nonblank * 3 {
            ParagraphMode::BlankLines
        } else {
            ParagraphMode::Lines
        }
    }
}

/// True for a line of at most 90 chars. Bytes bound chars from above and
/// 4 × chars from below, so only lines in between are counted, and a line
/// whose first 91 bytes are ASCII is long without counting.
#[inline]
fn is_short_line(line: &str) -> bool {
    let n = line.len();
    n <= 90 || (n <= 360 && !line.as_bytes().get(..91).is_some_and(<[u8]>::is_ascii) && line.chars().count() <= 90)
}

/// The trimmed span of the line `start..end`; `None` when it is blank.
#[inline]
fn trim_line(text: &str, start: usize, end: usize) -> Option<Span> {
    let bytes = text.as_bytes();
    // Most lines start and end with printable ASCII, or are empty: those
    // need no call to `trim`.
    match (bytes.get(start), bytes.get(end.wrapping_sub(1))) {
        _ if end <= start => None,
        (Some(&a), Some(&z)) if a > b' ' && a < 0x80 && z > b' ' && z < 0x80 => Some(Span::new(start, end)),
        _ => trim(text, Span::new(start, end)),
    }
}

/// Splits `text` into trimmed paragraph spans, in one pass over its lines:
/// each line, or each run of lines between blank lines, as the lines in
/// the first [`MODE_SAMPLE`] bytes tell ([`LineCounts`]).
/// `lines` is cleared and filled with them (its room reused); the mode is
/// returned.
fn paragraphs_into(text: &str, lines: &mut Vec<Span>) -> ParagraphMode {
    // The trimmed lines, with an empty span where blank lines were.
    // (News paragraphs run 200 to 500 bytes: room for most texts'.)
    lines.clear();
    lines.reserve(text.len() / 128 + 2);
    let mut counts = LineCounts::default();
    let mut sampling = true;
    let mut start = 0usize;
    let ends = memchr::memchr_iter(b'\n', text.as_bytes()).chain(core::iter::once(text.len()));
    for end in ends {
        let line = trim_line(text, start, end);
        if sampling {
            counts.add(text.get(start..end).unwrap_or_default(), line.is_none());
            sampling = end < MODE_SAMPLE;
        }
        match line {
            Some(line) => lines.push(line),
            None if lines.last().is_some_and(|l| !l.is_empty()) => lines.push(Span::new(end, end)),
            None => {}
        }
        start = end + 1;
    }
    let mode = counts.mode();
    // Lines become paragraphs in place: each line, or each run of lines.
    let mut kept = 0usize;
    let mut after_blank = true;
    for i in 0..lines.len() {
        let line = lines[i];
        if line.is_empty() {
            after_blank = true;
            continue;
        }
        match kept.checked_sub(1) {
            Some(last) if mode == ParagraphMode::BlankLines && !after_blank => lines[last].end = line.end,
            _ => {
                lines[kept] = line;
                kept += 1;
            }
        }
        after_blank = false;
    }
    lines.truncate(kept);
    mode
}

/// Trims whitespace from both ends; `None` when nothing is left.
///
/// Works on bytes: ASCII is classified directly, and a non-ASCII character
/// is decoded only when its bytes could belong to a space (U+00A0, U+2000
/// to U+200A, U+3000, ...), so trimming a span that ends in `”` costs a
/// few comparisons.
pub(crate) fn trim(text: &str, span: Span) -> Option<Span> {
    let b = text.as_bytes();
    let (mut start, mut end) = (span.start, span.end);
    while start < end {
        let c = b[start];
        if c < 0x80 {
            if !is_ascii_space(c) {
                break;
            }
            start += 1;
        } else {
            // Only C2, E1, E2 and E3 lead the encodings of Unicode spaces.
            if !matches!(c, 0xC2 | 0xE1 | 0xE2 | 0xE3) {
                break;
            }
            match text[start..end].chars().next() {
                Some(ch) if ch.is_whitespace() => start += ch.len_utf8(),
                _ => break,
            }
        }
    }
    if start == end {
        return None;
    }
    while end > start {
        let c = b[end - 1];
        if c < 0x80 {
            if !is_ascii_space(c) {
                break;
            }
            end -= 1;
        } else {
            // The last bytes of the encodings of Unicode spaces.
            if !matches!(c, 0x80..=0x8A | 0x9F | 0xA0 | 0xA8 | 0xA9 | 0xAF) {
                break;
            }
            match text[start..end].chars().next_back() {
                Some(ch) if ch.is_whitespace() => end -= ch.len_utf8(),
                _ => break,
            }
        }
    }
    Some(Span::new(start, end))
}

/// The ASCII characters that `char::is_whitespace` accepts (tab to carriage
/// return, and space).
#[inline]
fn is_ascii_space(b: u8) -> bool {
    matches!(b, b'\t'..=b'\r' | b' ')
}

/// ASCII byte classes for the tokenizer.
const C_SPACE: u8 = 0;
const C_ALNUM: u8 = 1;
const C_PUNCT: u8 = 2;
const C_JOIN: u8 = 3; // ' - . : may join two word pieces
const C_HIGH: u8 = 4; // start of a multi-byte char

const fn byte_classes() -> [u8; 256] {
    let mut t = [C_HIGH; 256];
    let mut b = 0usize;
    while b < 128 {
        let c = b as u8;
        t[b] = if c.is_ascii_alphanumeric() || c == b'_' {
            C_ALNUM
        } else if c.is_ascii_whitespace() || c < 0x20 || c == 0x7f {
            C_SPACE
        } else if c == b'\'' || c == b'-' || c == b'.' {
            C_JOIN
        } else {
            C_PUNCT
        };
        b += 1;
    }
    t
}

static CLASS: [u8; 256] = byte_classes();

/// What the tokenizer appends to, paragraph by paragraph.
#[derive(Clone, Debug, Default)]
struct Tokens {
    all: Vec<Token>,
    /// The indices of the terminators ([`is_terminator`]).
    terminators: Vec<u32>,
    /// The indices of the tokens the cue matcher reads
    /// ([`Segmentation::cue_tokens`]).
    cue: Vec<u32>,
    /// The end of each paragraph's tokens in `all`, for [`sentences`].
    para_ends: Vec<usize>,
}

impl Tokens {
    /// Appends a word or number token.
    #[inline]
    fn push(&mut self, t: Token) {
        if matches!(t.cue, CueScan::Word | CueScan::Bytes) {
            self.cue.push(self.all.len() as u32);
        }
        self.all.push(t);
    }

    /// Appends a punctuation token, a terminator or not.
    #[inline]
    fn push_punct(&mut self, span: Span, para: u32, terminator: bool) {
        if terminator {
            self.terminators.push(self.all.len() as u32);
        }
        self.all.push(Token { span, kind: TokKind::Punct, shape: Shape::Other, para, lex: 0, cue: CueScan::Skip });
    }
}

/// Appends the tokens of one paragraph, each word or number with its
/// lexicon flags (looked up here, while the word is at hand).
fn tokenize(text: &str, para: Span, para_idx: u32, lex: &Lexicons, cues: Option<&CueMatcher>, out: &mut Tokens) {
    let bytes = text.as_bytes();
    let mut i = para.start;
    let end = para.end;
    // (Whether a plain word may start a cue, by its hash: the matcher's
    // filter is read once here, not at each word.)
    let filter = cues.map(CueMatcher::start_filter);
    let may_start_hash = |hash: u64| filter.is_none_or(|f| f.is_some_and(|f| f.contains(hash)));
    // (The paragraph's bytes from the text's start: one compare a turn both
    // ends the loop and checks the read.)
    let upto_end = bytes.get(..end).unwrap_or_default();
    while let Some(&b) = upto_end.get(i) {
        match CLASS[b as usize] {
            C_SPACE => i += 1,
            C_ALNUM => {
                if let Some(w) = short_word(bytes, i, end) {
                    // The common word: one load gave its end, and its bytes
                    // serve the shape, the flags and the cue filter.
                    let e = i + w.len;
                    let lower = w.lower();
                    let hash = crate::ascii::short_hash(lower);
                    out.push(Token {
                        span: Span::new(i, e),
                        kind: if b.is_ascii_digit() { TokKind::Number } else { TokKind::Word },
                        shape: w.shape(),
                        para: para_idx,
                        lex: lex.short_word_flags(lower, hash),
                        cue: if may_start_hash(hash) { CueScan::Word } else { CueScan::Pass },
                    });
                    // A space after it needs no turn of the loop.
                    i = e + usize::from(w.next == b' ');
                    continue;
                }
                let e = ascii_word_end(bytes, i, end);
                if e != 0 {
                    // A long word: one hash serves the filter of long words
                    // with flags and the cue filter. A word of eight bytes
                    // (`national`, `minister`) is its head: the short-word
                    // table holds its flags, and the hash of its bytes
                    // lower-cased is its cue filter's.
                    let (flags, may_start) = match crate::ascii::load8(bytes, i) {
                        Some(head) if e - i > 8 => {
                            let hash = crate::ascii::head_hash(head, e - i);
                            (lex.long_word_flags(text, i, e, hash), may_start_hash(hash))
                        }
                        Some(head) if e - i == 8 => {
                            let lower = crate::ascii::lower8(head);
                            let hash = crate::ascii::short_hash(lower);
                            (lex.short_word_flags(lower, hash), may_start_hash(hash))
                        }
                        _ => (lex.word_flags_in(text, i, e), cues.is_none_or(|m| m.may_start(text, i, e))),
                    };
                    out.push(Token {
                        span: Span::new(i, e),
                        kind: if b.is_ascii_digit() { TokKind::Number } else { TokKind::Word },
                        shape: shape_of_ascii(bytes.get(i..e).unwrap_or_default()),
                        para: para_idx,
                        lex: flags,
                        cue: if may_start { CueScan::Word } else { CueScan::Pass },
                    });
                    i = e;
                } else if let Some(e) = joined_word_end(bytes, i, end) {
                    // `U.S`, `al-Assad`, `76,981`, `Trump’s`: the matcher
                    // reads them byte by byte, unless no piece may start a
                    // cue.
                    out.push(Token {
                        span: Span::new(i, e),
                        kind: if b.is_ascii_digit() { TokKind::Number } else { TokKind::Word },
                        shape: shape_of_ascii(bytes.get(i..e).unwrap_or_default()),
                        para: para_idx,
                        lex: lex.word_flags_in(text, i, e),
                        cue: if cues.is_none_or(|m| pieces_may_start(m, text, i, e)) {
                            CueScan::Bytes
                        } else {
                            CueScan::Skip
                        },
                    });
                    i = e;
                } else {
                    let e = word_end(text, i, end);
                    push_word(text, Span::new(i, e), para_idx, lex, out);
                    i = e;
                }
            }
            C_PUNCT | C_JOIN => {
                out.push_punct(Span::new(i, i + 1), para_idx, matches!(b, b'.' | b'!' | b'?'));
                i += 1;
            }
            _ => {
                let c = text[i..].chars().next().unwrap_or(' ');
                let n = c.len_utf8();
                if is_alphanumeric(c) {
                    let e = word_end(text, i, end);
                    push_word(text, Span::new(i, e), para_idx, lex, out);
                    i = e;
                } else if c.is_whitespace() {
                    i += n;
                } else {
                    out.push_punct(Span::new(i, i + n), para_idx, c == '\u{2026}');
                    i += n;
                }
            }
        }
    }
}

/// `char::is_alphanumeric`, with the General Punctuation block (curly
/// quotes, dashes, the ellipsis: frequent in news, never alphanumeric)
/// answered without the Unicode tables.
#[inline]
fn is_alphanumeric(c: char) -> bool {
    !('\u{2000}'..='\u{206F}').contains(&c) && c.is_alphanumeric()
}

/// True for the apostrophes that may sit inside a word.
#[inline]
fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '\u{2019}'
}

/// [`word_end`] for the common word, a run of ASCII letters and digits
/// ended by ASCII that joins nothing: a space or a mark (`said.`,
/// `Havel,`), not a joiner with a letter, a digit or non-ASCII after it
/// (`U.S`, `don't`, `76,981`). Returns its end, or 0 when the word needs
/// the full rule.
#[inline]
fn ascii_word_end(bytes: &[u8], start: usize, limit: usize) -> usize {
    let i = crate::ascii::ascii_word_run(bytes, start, limit);
    if i >= limit {
        return i;
    }
    let Some(&b) = bytes.get(i) else { return i };
    let joiner = match b {
        b'-' | b'.' | b'\'' => true,
        b',' | b':' => i > start && bytes[i - 1].is_ascii_digit(),
        _ => b >= 0x80,
    };
    if !joiner {
        return i;
    }
    // A joiner continues the word only before an alphanumeric.
    match bytes.get(i + 1) {
        _ if b >= 0x80 => 0,
        _ if i + 1 >= limit => i,
        Some(&n) if n < 0x80 && !n.is_ascii_alphanumeric() => i,
        _ => 0,
    }
}

/// A word of one to seven ASCII word bytes, as [`short_word`] reads it.
#[derive(Clone, Copy, Debug)]
struct ShortWord {
    /// Its bytes, little-endian, zero past its end.
    bytes: u64,
    /// Its length, 1 to 7.
    len: usize,
    /// The byte after it, or 0 at the paragraph's end.
    next: u8,
    /// Per byte of `bytes`, bit 7 set for a capital, and for a lowercase
    /// letter (see [`crate::ascii::case_masks`]): its shape and its lower
    /// case follow without classifying the bytes again.
    upper: u64,
    lower_letters: u64,
}

impl ShortWord {
    /// The word lower-cased ([`lower8`](crate::ascii::lower8) of its
    /// bytes).
    #[inline]
    fn lower(&self) -> u64 {
        self.bytes | self.upper >> 2
    }

    /// [`shape_of_ascii`] of the word: the case of its first letter, and
    /// for a capital, whether lowercase letters or only capitals follow.
    #[inline]
    fn shape(&self) -> Shape {
        if self.lower_letters & 0x80 != 0 {
            Shape::Lower
        } else if self.upper & 0x80 == 0 {
            Shape::Other
        } else if self.lower_letters >> 8 != 0 || self.upper >> 8 == 0 {
            Shape::Capitalized
        } else {
            Shape::AllCaps
        }
    }
}

/// The word at `start` (an ASCII word byte) when [`ascii_word_end`] ends
/// it within the eight bytes from `start` (before `limit`): read with one
/// load, which also gives its bytes. `None` for a longer word, one that
/// joins on (`U.S`, `don't`), or one near the text's end; those take
/// [`ascii_word_end`].
#[inline]
fn short_word(bytes: &[u8], start: usize, limit: usize) -> Option<ShortWord> {
    let x = crate::ascii::load8(bytes, start)?;
    let (word_mask, letters) = crate::ascii::word_and_letter_masks(x);
    let stop = !word_mask & crate::ascii::HI;
    if stop == 0 {
        return None;
    }
    let len = stop.trailing_zeros() as usize / 8;
    if len == 0 {
        return None;
    }
    let end = start + len;
    // The byte after the word, and the rule of `ascii_word_end` for it.
    let b = (x >> (8 * len)) as u8;
    let keep = crate::ascii::low_bytes(len);
    let (upper, lower_letters) = crate::ascii::case_masks(x, letters & keep);
    let word = ShortWord { bytes: x & keep, len, next: if end >= limit { 0 } else { b }, upper, lower_letters };
    if end >= limit {
        return (end == limit).then_some(word);
    }
    let joiner = match b {
        b'-' | b'.' | b'\'' => true,
        // `76,981` and `5:30` join after a digit.
        b',' | b':' => ((x >> (8 * len - 8)) as u8).is_ascii_digit(),
        _ => b >= 0x80,
    };
    if !joiner {
        return Some(word);
    }
    match bytes.get(end + 1) {
        _ if b >= 0x80 => None,
        _ if end + 1 >= limit => Some(word),
        Some(&n) if n < 0x80 && !n.is_ascii_alphanumeric() => Some(word),
        _ => None,
    }
}

/// [`shape_of_ascii`] of a [`ShortWord`]'s bytes, from masks of its
/// lowercase letters and capitals.
#[cfg(test)]
fn shape_of_short(word: u64) -> Shape {
    let first = word as u8;
    if first.is_ascii_lowercase() {
        return Shape::Lower;
    }
    if !first.is_ascii_uppercase() {
        return Shape::Other;
    }
    let rest = word >> 8;
    if crate::ascii::lower_mask(rest) != 0 {
        Shape::Capitalized
    } else if crate::ascii::upper_mask(rest) != 0 {
        Shape::AllCaps
    } else {
        Shape::Capitalized
    }
}

/// [`word_end`] for a word of ASCII letters and digits joined by ASCII
/// joiners or `’` (`U.S`, `al-Assad`, `76,981`, `Trump’s`), read byte by
/// byte without decoding chars; `None` when another non-ASCII character
/// stands in or after it (which may be a letter: the full rule decides).
fn joined_word_end(bytes: &[u8], start: usize, limit: usize) -> Option<usize> {
    let mut i = start;
    loop {
        i = crate::ascii::ascii_word_run(bytes, i, limit);
        let Some(&b) = bytes.get(i).filter(|_| i < limit) else { return Some(i) };
        let prev_digit = i > start && bytes[i - 1].is_ascii_digit();
        let joiner_len = match b {
            b'-' | b'.' | b'\'' => 1,
            b',' | b':' if prev_digit => 1,
            // U+2019, the curly apostrophe.
            0xE2 if bytes.get(i + 1..i + 3) == Some(&[0x80, 0x99]) => 3,
            0x80.. => return None,
            _ => return Some(i),
        };
        let next = i + joiner_len;
        let Some(&n) = bytes.get(next).filter(|_| next < limit) else { return Some(i) };
        if n >= 0x80 {
            return None;
        }
        if n.is_ascii_digit() && prev_digit {
            i = next;
        } else if joiner_len == 1 && matches!(b, b',' | b':') {
            return Some(i);
        } else if n.is_ascii_alphanumeric() {
            i = next;
        } else {
            return Some(i);
        }
    }
}

/// False when no piece of the joined word `start..end` ([`joined_word_end`]),
/// a run of ASCII word bytes, may start a cue of `cues`: then the matcher
/// would find no word start in it that begins a cue, and may skip it.
fn pieces_may_start(cues: &CueMatcher, text: &str, start: usize, end: usize) -> bool {
    let b = text.as_bytes();
    let mut p = start;
    while p < end {
        let q = crate::ascii::ascii_word_run(b, p, end);
        if q == p {
            // A joiner byte.
            p += 1;
        } else if cues.may_start(text, p, q) {
            return true;
        } else {
            p = q;
        }
    }
    false
}

/// The end of the word starting at `start`: alphanumerics, joined across a
/// single apostrophe, hyphen or dot that has alphanumerics on both sides.
fn word_end(text: &str, start: usize, limit: usize) -> usize {
    let bytes = text.as_bytes();
    let mut i = start;
    loop {
        // Consume a run of alphanumerics (ASCII eight bytes at a time).
        while i < limit {
            let b = bytes[i];
            if b < 0x80 {
                if CLASS[b as usize] == C_ALNUM {
                    i = crate::ascii::ascii_word_run(bytes, i, limit);
                    continue;
                }
                break;
            }
            match text[i..].chars().next() {
                Some(c) if is_alphanumeric(c) || is_mark(c) => i += c.len_utf8(),
                _ => break,
            }
        }
        // A joiner followed by an alphanumeric continues the word.
        if i >= limit {
            return i;
        }
        let prev_digit = i > start && bytes[i - 1].is_ascii_digit();
        let (joiner_len, ok) = match text[i..].chars().next() {
            Some(c) if c == '-' || c == '.' || is_apostrophe(c) => (c.len_utf8(), true),
            // `76,981` and `5:30` are one number.
            Some(',' | ':') if prev_digit => (1, true),
            _ => (0, false),
        };
        if !ok {
            return i;
        }
        let next = i + joiner_len;
        match text.get(next..limit).and_then(|s| s.chars().next()) {
            Some(c) if c.is_ascii_digit() && prev_digit => i = next,
            Some(_) if joiner_len == 1 && matches!(bytes[i], b',' | b':') => return i,
            Some(c) if is_alphanumeric(c) => i = next,
            _ => return i,
        }
    }
}

/// Combining marks continue a word (`é` written as `e` + U+0301).
#[inline]
fn is_mark(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036F}' | '\u{1AB0}'..='\u{1AFF}' | '\u{20D0}'..='\u{20FF}')
}

/// True for scripts that do not separate words with spaces.
#[inline]
fn is_unspaced_script(c: char) -> bool {
    matches!(c,
        '\u{0E00}'..='\u{0EFF}'      // Thai, Lao
        | '\u{1000}'..='\u{109F}'    // Myanmar
        | '\u{1780}'..='\u{17FF}'    // Khmer
        | '\u{3040}'..='\u{30FF}'    // Hiragana, Katakana
        | '\u{3400}'..='\u{4DBF}'    // CJK Extension A
        | '\u{4E00}'..='\u{9FFF}'    // CJK Unified Ideographs
        | '\u{AC00}'..='\u{D7AF}'    // Hangul
        | '\u{F900}'..='\u{FAFF}'    // CJK Compatibility
        | '\u{20000}'..='\u{2FFFF}') // CJK Extensions B+
}

#[cold]
fn push_word(text: &str, span: Span, para: u32, lex: &Lexicons, out: &mut Tokens) {
    let first = out.all.len();
    push_word_tokens(text, span, para, &mut out.all);
    for (i, t) in out.all.iter_mut().enumerate().skip(first) {
        t.lex = lex.word_flags(&text[t.span]);
        if matches!(t.cue, CueScan::Word | CueScan::Bytes) {
            out.cue.push(i as u32);
        }
    }
}

/// The tokens of [`push_word`], without their flags.
fn push_word_tokens(text: &str, span: Span, para: u32, out: &mut Vec<Token>) {
    let word = &text[span];
    if word.is_ascii() {
        out.push(Token {
            span,
            kind: kind_of(word),
            shape: shape_of_ascii(word.as_bytes()),
            para,
            lex: 0,
            cue: CueScan::Bytes,
        });
        return;
    }
    if word.chars().any(is_unspaced_script) {
        // Let UAX #29 decide where the words are.
        for (off, w) in word.split_word_bound_indices() {
            if w.chars().any(|c| c.is_alphanumeric()) {
                let s = Span::new(span.start + off, span.start + off + w.len());
                out.push(Token { span: s, kind: kind_of(w), shape: shape_of(w), para, lex: 0, cue: CueScan::Bytes });
            }
        }
        return;
    }
    out.push(Token { span, kind: kind_of(word), shape: shape_of(word), para, lex: 0, cue: CueScan::Bytes });
}

#[cold]
fn kind_of(word: &str) -> TokKind {
    if word.as_bytes().first().is_some_and(|b| b.is_ascii_digit()) { TokKind::Number } else { TokKind::Word }
}

/// [`shape_of`] for an ASCII word, byte by byte.
#[inline]
fn shape_of_ascii(word: &[u8]) -> Shape {
    let Some((&first, rest)) = word.split_first() else { return Shape::Other };
    if first.is_ascii_lowercase() {
        return Shape::Lower;
    }
    if !first.is_ascii_uppercase() {
        return Shape::Other;
    }
    let mut letters = 1;
    for &c in rest {
        if c.is_ascii_lowercase() {
            return Shape::Capitalized;
        }
        if c.is_ascii_alphabetic() {
            letters += 1;
        }
    }
    if letters >= 2 { Shape::AllCaps } else { Shape::Capitalized }
}

/// The capitalisation shape of a word.
pub(crate) fn shape_of(word: &str) -> Shape {
    let mut chars = word.chars();
    let Some(first) = chars.next() else {
        return Shape::Other;
    };
    if first.is_lowercase() {
        return Shape::Lower;
    }
    if !first.is_uppercase() {
        return Shape::Other;
    }
    let mut letters = 1;
    let mut all_upper = true;
    for c in chars {
        if c.is_lowercase() {
            all_upper = false;
            break;
        }
        if c.is_alphabetic() {
            letters += 1;
        }
    }
    if all_upper && letters >= 2 { Shape::AllCaps } else { Shape::Capitalized }
}

/// True for characters that end a sentence.
#[inline]
fn is_terminator(s: &str) -> bool {
    matches!(s, "." | "!" | "?" | "\u{2026}")
}

/// True for characters that may follow a terminator inside the sentence.
#[inline]
fn is_closer(s: &str) -> bool {
    matches!(s, "\"" | "'" | "\u{201D}" | "\u{2019}" | ")" | "]" | "\u{BB}" | "\u{300D}" | "\u{300F}")
}

/// Splits the tokens into sentences. Only a terminator or a paragraph's
/// end can close one, so the tokens are read at those places alone:
/// `para_ends` holds the end of each paragraph's tokens, `terminators` the
/// indices of the terminators, in order.
/// `out` is cleared and filled.
fn sentences(
    text: &str,
    tokens: &[Token],
    para_ends: &[usize],
    terminators: &[u32],
    lex: &Lexicons,
    out: &mut Vec<Sentence>,
) {
    // (Room for a sentence in 16 tokens: most texts' without regrowth.)
    out.clear();
    out.reserve(tokens.len() / 16 + 1);
    let mut push = |first: usize, end: usize| {
        if let (Some(a), Some(z)) = (tokens.get(first), tokens.get(end.wrapping_sub(1))) {
            let span = Span::new(a.span.start, z.span.end);
            out.push(Sentence { span, first: first as u32, end: end as u32, para: a.para });
        }
    };
    let mut first = 0usize;
    let mut terms = terminators.iter().map(|&k| k as usize).peekable();
    for &para_end in para_ends {
        // The next token not yet in a sentence's closing run.
        let mut next = first;
        while let Some(i) = terms.next_if(|&k| k < para_end) {
            // A terminator inside a closing run already read, or the
            // paragraph's last token (its end closes the sentence anyway).
            if i < next || i + 1 >= para_end {
                continue;
            }
            // Absorb repeated terminators and closing marks: `?!”)`.
            let mut end = i + 1;
            while let (Some(n), Some(p)) = (tokens.get(end), tokens.get(end - 1)) {
                let s = &text[n.span];
                if end < para_end && (is_terminator(s) || is_closer(s)) && n.span.start == p.span.end {
                    end += 1;
                } else {
                    break;
                }
            }
            let boundary = match tokens.get(end) {
                Some(n) if end < para_end => starts_sentence(text, *n) && !is_abbreviation_dot(text, tokens, i, lex),
                _ => true,
            };
            if boundary {
                push(first, end);
                first = end;
            }
            next = end;
        }
        if first < para_end {
            push(first, para_end);
            first = para_end;
        }
    }
}

/// True when the token can begin a sentence: a capital, a digit, or an
/// opening mark.
fn starts_sentence(text: &str, t: Token) -> bool {
    match t.kind {
        TokKind::Number => true,
        TokKind::Word => t.shape == Shape::Capitalized || t.shape == Shape::AllCaps || t.shape == Shape::Other,
        TokKind::Punct => matches!(
            &text[t.span],
            "\"" | "'" | "\u{201C}" | "\u{2018}" | "(" | "[" | "\u{AB}" | "\u{201E}" | "\u{2014}" | "-" | "\u{300C}"
        ),
    }
}

/// True when the terminator at `i` is the dot of an abbreviation or an
/// initial, which does not end the sentence (`Mr. Havel`, `George W. Bush`).
fn is_abbreviation_dot(text: &str, tokens: &[Token], i: usize, lex: &Lexicons) -> bool {
    if &text[tokens[i].span] != "." || i == 0 {
        return false;
    }
    let prev = tokens[i - 1];
    if prev.kind != TokKind::Word || prev.span.end != tokens[i].span.start {
        return false;
    }
    let w = &text[prev.span];
    let next = tokens.get(i + 1);
    // A single capital letter is an initial.
    if w.chars().count() == 1 && prev.shape != Shape::Lower {
        return true;
    }
    // `No. 5`, `p. 12`: a number sign or a short abbreviation before a
    // number.
    if next.is_some_and(|n| n.kind == TokKind::Number)
        && (matches!(w, "No" | "Nos" | "no" | "p" | "pp" | "vol" | "ch" | "art" | "sec") || lex.is_abbreviation(w))
    {
        return true;
    }
    // A title never ends a sentence: `Mr. Havel`, `Gen. Petraeus`.
    if prev.is_honorific() || matches!(w, "St" | "Mt" | "Ft" | "Messrs" | "vs") {
        return true;
    }
    // Other abbreviations (`a.m.`, `Inc.`, `Oct.`, `U.S.`) end a sentence
    // when a word that usually starts one follows (as sentencex does with
    // its starter words): `at 10 a.m. The talks resume`.
    lex.is_abbreviation(w) && !next.is_some_and(|n| starts_new_sentence_after_abbreviation(text, *n))
}

/// True for a token that, after an abbreviation's dot, marks a new
/// sentence: a capitalised function word (`The`, `He`, `But`), a title
/// (`Mrs.`), or an opening quotation mark.
fn starts_new_sentence_after_abbreviation(text: &str, t: Token) -> bool {
    let w = &text[t.span];
    match t.kind {
        TokKind::Punct => matches!(w, "\u{201C}" | "\"" | "\u{2018}"),
        TokKind::Word => t.shape == Shape::Capitalized && (t.is_function_word() || t.is_honorific()),
        TokKind::Number => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn token_sets() {
        let text = "He said, then she told them.";
        let seg = Segmentation::new(text, &Lexicons::english());
        // `said` starts at a token; the span at 4 (inside `said`) does not.
        let set = seg.tokens_starting([Span::new(3, 7), Span::new(4, 7), Span::new(23, 27)]);
        let starting: Vec<usize> = (0..seg.tokens.len() + 70).filter(|&i| set.contains(i)).collect();
        assert_eq!(starting, vec![1, 6]);
        let mut big = TokenSet::new(130);
        big.insert(0);
        big.insert(64);
        big.insert(129);
        big.insert(500);
        assert_eq!((0..600).filter(|&i| big.contains(i)).collect::<Vec<_>>(), vec![0, 64, 129]);
    }

    fn seg(text: &str) -> Segmentation {
        Segmentation::new(text, &Lexicons::english())
    }

    fn words(text: &str) -> Vec<&str> {
        seg(text).tokens.iter().map(|t| &text[t.span]).collect()
    }

    #[test]
    fn tokens_join_inner_marks() {
        assert_eq!(
            words("Don't go, al-Assad's U.S. envoy!"),
            vec!["Don't", "go", ",", "al-Assad's", "U.S", ".", "envoy", "!"]
        );
        assert_eq!(words("“Rock ’n’ roll,” 76,981"), vec!["“", "Rock", "’", "n", "’", "roll", ",", "”", "76,981"]);
    }

    #[test]
    fn tokens_split_unspaced_scripts() {
        let text = "他说「你好」 ok";
        let toks = words(text);
        assert!(toks.contains(&"「"));
        assert!(toks.contains(&"ok"));
        assert!(toks.len() >= 5, "{toks:?}");
    }

    /// The first paragraph splitter: the mode from one pass over the lines,
    /// then the paragraphs from another. The reference for [`paragraphs`].
    fn paragraphs_in_two_passes(text: &str) -> (ParagraphMode, Vec<Span>) {
        /// Decides whether single newlines are paragraph breaks or line wraps,
        /// from the lines in the first [`MODE_SAMPLE`] bytes.
        ///
        /// A text is hard-wrapped when it has blank lines, most of its lines are
        /// short, and many lines run on into the next one. News copy (one long line
        /// per paragraph) fails the length test; Gutenberg texts pass all three.
        fn paragraph_mode(text: &str) -> ParagraphMode {
            let (mut nonblank, mut short, mut continued, mut blank) = (0usize, 0usize, 0usize, 0usize);
            let mut prev_nonblank = false;
            let mut pending_blank = false;
            let mut start = 0usize;
            let ends = memchr::memchr_iter(b'\n', text.as_bytes()).chain(core::iter::once(text.len()));
            for end in ends {
                let line = &text[start..end];
                if line.trim_start().is_empty() {
                    // A blank line counts only between paragraphs, not at the end.
                    pending_blank = nonblank > 0;
                    prev_nonblank = false;
                } else {
                    if pending_blank {
                        blank += 1;
                        pending_blank = false;
                    }
                    nonblank += 1;
                    // Bytes bound chars from above and 4 × chars from below, so
                    // only lines in between are counted.
                    if line.len() <= 90 || (line.len() <= 360 && line.chars().count() <= 90) {
                        short += 1;
                    }
                    if prev_nonblank {
                        continued += 1;
                    }
                    prev_nonblank = true;
                }
                if end >= MODE_SAMPLE {
                    break;
                }
                start = end + 1;
            }
            if blank > 0 && nonblank >= 4 && short * 10 >= nonblank * 8 && continued * 10 >= nonblank * 3 {
                ParagraphMode::BlankLines
            } else {
                ParagraphMode::Lines
            }
        }

        /// Splits `text` into trimmed paragraph spans: each line, or each run of
        /// lines between blank lines.
        fn paragraphs(text: &str, mode: ParagraphMode) -> Vec<Span> {
            let bytes = text.as_bytes();
            // (News paragraphs run 200 to 500 bytes: room for most texts'.)
            let mut out: Vec<Span> = Vec::with_capacity(bytes.len() / 128 + 1);
            let blank_lines = mode == ParagraphMode::BlankLines;
            let mut start = 0usize;
            let mut after_blank = true;
            let mut add = |line: Option<Span>, after_blank: &mut bool| match line {
                None => *after_blank = true,
                Some(line) => {
                    match out.last_mut() {
                        Some(last) if blank_lines && !*after_blank => last.end = line.end,
                        _ => out.push(line),
                    }
                    *after_blank = false;
                }
            };
            for end in memchr::memchr_iter(b'\n', bytes) {
                // Most lines start and end with printable ASCII, or are empty:
                // those need no call to `trim`.
                let line = match (bytes.get(start), bytes.get(end.wrapping_sub(1))) {
                    _ if end == start => None,
                    (Some(&a), Some(&z)) if a > b' ' && a < 0x80 && z > b' ' && z < 0x80 => Some(Span::new(start, end)),
                    _ => trim(text, Span::new(start, end)),
                };
                add(line, &mut after_blank);
                start = end + 1;
            }
            add(trim(text, Span::new(start.min(bytes.len()), bytes.len())), &mut after_blank);
            out
        }

        let mode = paragraph_mode(text);
        (mode, paragraphs(text, mode))
    }

    proptest::proptest! {
        /// One pass over the lines gives the paragraphs of two.
        #[test]
        fn paragraphs_equal_the_two_pass_split(
            lines in proptest::collection::vec("( |\t|\u{a0}|\u{3000})?([a-z\u{e9}]{0,3}( [a-z\u{e9}]{1,40}){0,9})?( |\u{2009}|\r)?", 0..12),
        ) {
            let text = lines.join("\n");
            proptest::prop_assert_eq!(paragraphs(&text), paragraphs_in_two_passes(&text), "{:?}", text);
        }
    }

    /// Only the lines in the first [`MODE_SAMPLE`] bytes decide the mode.
    #[test]
    fn paragraphs_of_long_texts_equal_the_two_pass_split() {
        let wrapped = "A short line that wraps\nonto the next one here.\n\n";
        let news = format!("{}\n", "A long paragraph of news copy on one line. ".repeat(8));
        for (head, tail) in [(&news, wrapped), (&wrapped.to_string(), news.as_str())] {
            let mut text = head.repeat(MODE_SAMPLE / head.len() + 1);
            text.push_str(&tail.repeat(MODE_SAMPLE / tail.len()));
            assert_eq!(paragraphs(&text), paragraphs_in_two_passes(&text));
        }
        assert_eq!(paragraphs(&wrapped.repeat(3000)).0, ParagraphMode::BlankLines);
    }

    #[test]
    fn paragraphs_by_line_and_by_blank_line() {
        let news = "First para is here.\nSecond para.\n\nThird.";
        let s = seg(news);
        assert_eq!(paragraphs(news).0, ParagraphMode::Lines);
        assert_eq!(s.paragraphs.len(), 3);
        let book = "A line that wraps\nonto the next line.\nAnd more text\nhere.\n\nNew para\nwraps too.\n";
        let s = seg(book);
        assert_eq!(paragraphs(book).0, ParagraphMode::BlankLines);
        assert_eq!(s.paragraphs.len(), 2);
        assert_eq!(&book[s.paragraphs[1]], "New para\nwraps too.");
    }

    #[test]
    fn sentences_survive_abbreviations() {
        let text =
            "Mr. Havel met Dr. Ruiz at 5 p.m. on Friday. George W. Bush said no. “Why?” she asked. Then it ended.";
        let s = seg(text);
        let got: Vec<&str> = s.sentences.iter().map(|x| &text[x.span]).collect();
        assert_eq!(
            got,
            vec![
                "Mr. Havel met Dr. Ruiz at 5 p.m. on Friday.",
                "George W. Bush said no.",
                "“Why?” she asked.",
                "Then it ended."
            ]
        );
    }

    /// Tricky sentence boundaries, `|` between sentences. (Known miss: an
    /// abbreviation that ends a sentence before a capitalised word that is
    /// not a usual sentence starter, `… in Oct. Analysts were …`, stays one
    /// sentence; so does sentencex.)
    const BOUNDARIES: &[&str] = &[
        "Mr. Havel met Dr. Ruiz at 5 p.m. on Friday.|George W. Bush said no.|“Why?” she asked.|Then it ended.",
        "The U.S. economy grew 3 percent.|Sen. Chuck Grassley (R-Iowa) disagreed.",
        "She moved to Washington, D.C. in 2009.|It was a big year.",
        "The meeting ended at 10 a.m.|The talks resume Monday.",
        "“We are ready,” said Gov. John Kasich.|“The state is ready.”",
        "Rep. John Mica (R-Fla.) said the committee would meet Jan. 5.|It did not.",
        "The company, Acme Inc., said profits rose.|Shares fell 2 p.c. in Tokyo.",
        "He earned a Ph.D. from Harvard.|She studied at Yale.",
        "“Is it over?”|“Not yet,” he said.",
        "Gen. David Petraeus and Lt. Col. Ann Smith spoke in St. Louis.|They agreed.",
        "The vote was 52-48.|Sen. Ted Cruz voted no.|So did Sen. Rand Paul.",
        "I went to the U.K. last year.|It rained every day.",
        "The No. 2 official resigned.|He was replaced by J. R. Smith.",
        "“Stop!” the officer shouted.|The man ran.",
        "She said, “I will not go.”|Then she left.",
        "The report (see p. 12) was clear.|Critics disagreed.",
        "Ms. Jones arrived at 9 a.m.|Mrs. Smith came later.",
    ];

    #[test]
    fn sentence_boundary_table() {
        for case in BOUNDARIES {
            let gold: Vec<&str> = case.split('|').collect();
            let text = gold.join(" ");
            let s = seg(&text);
            let got: Vec<&str> = s.sentences.iter().map(|x| &text.as_str()[x.span]).collect();
            assert_eq!(got, gold, "{case}");
        }
    }

    #[test]
    fn trim_agrees_with_str_trim() {
        let spaces: Vec<char> = (0u32..0x3001).filter_map(char::from_u32).filter(|c| c.is_whitespace()).collect();
        for &c in &spaces {
            for text in [format!("{c}x{c}"), format!("{c}{c}"), format!("“{c}”"), format!("{c}”é{c}")] {
                let got = trim(&text, Span::new(0, text.len())).map(|s| &text.as_str()[s]);
                let want = Some(text.trim()).filter(|t| !t.is_empty());
                assert_eq!(got, want, "{text:?}");
            }
        }
    }

    #[test]
    fn ascii_shape_matches_the_general_one() {
        for w in ["said", "Said", "SAID", "U.S", "X", "x", "9am", "McCain", "A1", "_a", "I", "IBM's", "al-Assad", ""] {
            assert_eq!(shape_of_ascii(w.as_bytes()), shape_of(w), "{w}");
        }
    }

    /// The token flags equal the look-ups they stand for.
    #[test]
    fn token_flags_equal_lexicon_look_ups() {
        let lex = Lexicons::english();
        let text = "However, Mr. HE said she, THE Sen. and the spokesman, \u{e9}lan \u{201c}They\u{201d} mrs it's -- \
                    We; Dr Ms. whom Its of AND 42 I i. Among ABOUT \u{212a} them";
        let s = Segmentation::new(text, &lex);
        for t in &s.tokens {
            let w = &text[t.span];
            assert_eq!(t.may_be_pronoun(), lex.pronoun(w).is_some(), "{w:?}");
            assert_eq!(t.is_honorific(), lex.honorific(w).is_some(), "{w:?}");
            assert_eq!(t.is_function_word(), lex.is_function_word(w), "{w:?}");
        }
    }

    proptest::proptest! {
        /// The ASCII fast path of the tokenizer ends every word where the
        /// full rule does.
        #[test]
        fn ascii_word_end_equals_word_end(text in "[aZ09 .,:'\\-\u{2019}\u{e9}\u{301}_]{0,24}") {
            let b = text.as_bytes();
            for start in 0..b.len() {
                if CLASS[b[start] as usize] != C_ALNUM {
                    continue;
                }
                for limit in start + 1..=b.len() {
                    if !text.is_char_boundary(limit) {
                        continue;
                    }
                    let fast = ascii_word_end(b, start, limit);
                    if fast != 0 {
                        proptest::prop_assert_eq!(fast, word_end(&text, start, limit), "{:?} {}..{}", text, start, limit);
                    }
                }
            }
        }
    }

    /// The lexicons and cue matcher, built once for the property tests.
    static ENGINE: std::sync::LazyLock<(Lexicons, Result<CueMatcher, crate::error::BuildError>)> =
        std::sync::LazyLock::new(|| (Lexicons::english(), CueMatcher::english()));

    proptest::proptest! {
        /// The one-load path reads every short word as the general path
        /// does: its end, shape, flags and cue filter.
        #[test]
        fn short_word_equals_the_general_path(
            text in "[aZq09 .,:'\\-\u{2019}\u{e9}_]{0,6}(said|Says|THE|he|Mr|U.S|don't|5:30|76,981|I)[ .,:'\\-a9\u{e9}]{0,10}"
        ) {
            let (lex, cues) = &*ENGINE;
            let cues = cues.as_ref().map_err(|e| proptest::test_runner::TestCaseError::fail(e.to_string()))?;
            let b = text.as_bytes();
            for start in 0..b.len() {
                if CLASS[b[start] as usize] != C_ALNUM {
                    continue;
                }
                for limit in start + 1..=b.len() {
                    if !text.is_char_boundary(limit) {
                        continue;
                    }
                    let Some(w) = short_word(b, start, limit) else { continue };
                    let end = start + w.len;
                    proptest::prop_assert_eq!(end, ascii_word_end(b, start, limit), "{:?} {}..{}", text, start, limit);
                    proptest::prop_assert_eq!(w.next, if end < limit { b[end] } else { 0 });
                    let word = &text[start..end];
                    proptest::prop_assert_eq!(shape_of_short(w.bytes), shape_of_ascii(word.as_bytes()));
                    proptest::prop_assert_eq!(w.shape(), shape_of_ascii(word.as_bytes()));
                    proptest::prop_assert_eq!(w.lower(), crate::ascii::lower8(w.bytes));
                    let lower = w.lower();
                    let hash = crate::ascii::short_hash(lower);
                    proptest::prop_assert_eq!(lex.short_word_flags(lower, hash), lex.word_flags(word));
                    proptest::prop_assert_eq!(cues.may_start_hash(hash), cues.may_start(&text, start, end));
                }
            }
        }
    }

    /// The sentence splitter as it was first written, token by token: the
    /// reference for [`sentences`], which reads terminators alone.
    fn sentences_token_by_token(text: &str, tokens: &[Token], lex: &Lexicons) -> Vec<Sentence> {
        let mut out = Vec::new();
        let mut first = 0usize;
        let mut i = 0usize;
        while i < tokens.len() {
            let t = tokens[i];
            let mut end = i + 1;
            let mut boundary = false;
            let next_para = tokens.get(end).is_some_and(|n| n.para != t.para);
            if end == tokens.len() || next_para {
                boundary = true;
            } else if t.kind == TokKind::Punct && is_terminator(&text[t.span]) {
                while let Some(n) = tokens.get(end) {
                    let s = &text[n.span];
                    if n.para == t.para
                        && (is_terminator(s) || is_closer(s))
                        && n.span.start == tokens[end - 1].span.end
                    {
                        end += 1;
                    } else {
                        break;
                    }
                }
                boundary = match tokens.get(end) {
                    None => true,
                    Some(n) if n.para != t.para => true,
                    Some(n) => starts_sentence(text, *n) && !is_abbreviation_dot(text, tokens, i, lex),
                };
            }
            if boundary {
                let span = Span::new(tokens[first].span.start, tokens[end - 1].span.end);
                out.push(Sentence { span, first: first as u32, end: end as u32, para: tokens[first].para });
                first = end;
            }
            i = end;
        }
        out
    }

    proptest::proptest! {
        /// Sentences read at terminators are those read token by token.
        #[test]
        fn sentences_equal_the_token_by_token_split(
            text in "([A-Za-z ]{0,5}|Mr|U.S|p.m|No|5|\\.|!|\\?|\u{2026}|\"|'|\u{201d}|\\)|\n|\n\n|\u{1}| ){0,24}"
        ) {
            let (lex, _) = &*ENGINE;
            let s = Segmentation::new(&text, lex);
            let want = sentences_token_by_token(&text, &s.tokens, lex);
            let key = |v: &[Sentence]| v.iter().map(|x| (x.span, x.first, x.end, x.para)).collect::<Vec<_>>();
            proptest::prop_assert_eq!(key(&s.sentences), key(&want), "{:?}", text);
        }
    }

    #[test]
    fn cue_tokens_are_those_not_skipped() {
        let lex = Lexicons::english();
        let cues = CueMatcher::english().expect("the built-in cues");
        let text = "He said, “Trump\u{2019}s U.S. plan,” according to 76,981 \u{4ed6}\u{8bf4} people. It told them.";
        for seg in [Segmentation::new(text, &lex), Segmentation::with_cues(text, &lex, Some(&cues))] {
            let want: Vec<u32> = (0..seg.tokens.len() as u32)
                .filter(|&i| matches!(seg.tokens[i as usize].cue, CueScan::Word | CueScan::Bytes))
                .collect();
            assert_eq!(seg.cue_tokens, want);
        }
        let seg = Segmentation::with_cues(text, &lex, Some(&cues));
        let read: Vec<&str> = seg.cue_tokens.iter().map(|&i| &text[seg.tokens[i as usize].span]).collect();
        assert!(read.contains(&"said") && read.contains(&"according") && !read.contains(&"plan"), "{read:?}");
    }

    proptest::proptest! {
        /// Every plain word's flags are those of the general look-up, and
        /// its cue mark agrees with the cue filter (a word marked `Skip`
        /// may start no cue, one marked `Word` may), long words (one hash
        /// for both) among them.
        #[test]
        fn word_flags_and_cue_marks_equal_the_look_ups(
            text in "((spokeswoman|Spokesman|GOVERNMENT|according|department|secretaries|abcdefghij|[a-zA-Z_0-9]{0,12})[ ,.]){0,8}"
        ) {
            let (lex, cues) = &*ENGINE;
            let cues = cues.as_ref().map_err(|e| proptest::test_runner::TestCaseError::fail(e.to_string()))?;
            let seg = Segmentation::with_cues(&text, lex, Some(cues));
            for t in seg.tokens.iter().filter(|t| text.as_str()[t.span].bytes().all(crate::ascii::is_ascii_word)) {
                let w = &text.as_str()[t.span];
                proptest::prop_assert_eq!(t.lex, lex.word_flags(w), "{:?}", w);
                // (A word the tokenizer leaves to the byte scan, `Bytes`, is
                // read whatever the filter says: only `Skip` must agree.)
                let may_start = cues.may_start(&text, t.span.start, t.span.end);
                proptest::prop_assert!(t.cue != CueScan::Skip || !may_start, "{:?} skipped", w);
                proptest::prop_assert!(t.cue != CueScan::Word || may_start, "{:?} scanned", w);
            }
        }
    }

    #[test]
    fn alphanumeric_test_agrees_with_char() {
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            assert_eq!(is_alphanumeric(c), c.is_alphanumeric(), "{c:?}");
        }
    }

    #[test]
    fn short_words_are_read_with_one_load() {
        let text = "He said, ISIS and al-Assad at 5:30 p.m. in Washington today.";
        let b = text.as_bytes();
        let short = |start: usize| short_word(b, start, b.len()).map(|w| &text[start..start + w.len]);
        assert_eq!(short(0), Some("He"));
        assert_eq!(short(3), Some("said"));
        assert_eq!(short(9), Some("ISIS"));
        assert_eq!(short(18), None, "al-Assad joins on");
        assert_eq!(short(30), None, "5:30 joins on");
        assert_eq!(short(43), None, "Washington is longer than seven bytes");
        assert_eq!(short(text.len() - 6), None, "too near the end for one load");
        assert_eq!(shape_of_short(u64::from_le_bytes(*b"ISIS\0\0\0\0")), Shape::AllCaps);
    }

    proptest::proptest! {
        /// The byte-wise rule for joined words ends every word it reads
        /// where the full rule does, with the tokens of the full rule.
        #[test]
        fn joined_word_end_equals_word_end(
            text in "([aZ09 .,:'\\-_\u{2019}\u{2018}\u{e9}\u{301}\u{4ed6}]|He\u{2019}s|Dr|don't|U.S){0,16}"
        ) {
            let b = text.as_bytes();
            let lex = &ENGINE.0;
            for start in 0..b.len() {
                if CLASS[b[start] as usize] != C_ALNUM {
                    continue;
                }
                for limit in start + 1..=b.len() {
                    if !text.is_char_boundary(limit) {
                        continue;
                    }
                    let Some(end) = joined_word_end(b, start, limit) else { continue };
                    proptest::prop_assert_eq!(end, word_end(&text, start, limit), "{:?} {}..{}", text, start, limit);
                    let mut general = Tokens::default();
                    push_word(&text, Span::new(start, end), 0, lex, &mut general);
                    proptest::prop_assert_eq!(general.all.len(), 1);
                    let t = general.all[0];
                    let word = &text[start..end];
                    proptest::prop_assert_eq!(t.shape, shape_of_ascii(word.as_bytes()));
                    proptest::prop_assert_eq!(t.lex, lex.word_flags_in(&text, start, end));
                    proptest::prop_assert_eq!((t.kind, t.cue), (if b[start].is_ascii_digit() { TokKind::Number } else { TokKind::Word }, CueScan::Bytes));
                }
            }
        }
    }

    #[test]
    fn empty_and_whitespace_inputs() {
        for text in ["", " ", "\n\n\n", "\t \u{3000}"] {
            let s = seg(text);
            assert!(s.tokens.is_empty());
            assert!(s.sentences.is_empty());
        }
    }
}
