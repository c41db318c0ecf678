//! The quotation finder: pairs opening and closing marks, paragraph by
//! paragraph, in one linear pass.
//!
//! The algorithm (see `DESIGN.md` for the reasons):
//!
//! 1. Candidate bytes are found with `memchr` (or a byte table when a
//!    document needs more than three lead bytes), and each mark is read
//!    from the [mark table](marks) and classified by what stands on its
//!    left and right, its [flanking](flank): an opener has space (or a
//!    bracket, a dash, another mark) on its left and text on its right; a
//!    closer the reverse. A single mark between letters is an apostrophe;
//!    one before a known elision (`'tis`, `'em`, `'90s`) is an apostrophe
//!    too.
//! 2. Each paragraph has a [stack](scan). An opener pushes; a closer pops
//!    the nearest entry of its family (entries above it were never closed
//!    and are dropped); a closer with nothing to close is a stray and
//!    ignored. A straight mark with space on both sides closes when its
//!    family is open and opens otherwise.
//! 3. At a paragraph's end, an entry still open becomes a quote that ends
//!    with the paragraph: it *continues* into the next paragraph when that
//!    one opens with a mark of the same family (the multi-paragraph
//!    convention), and is *unclosed* otherwise. Marks never pair across
//!    paragraphs, so one stray mark damages one paragraph at most.
//! 4. Single marks are ambiguous with apostrophes: a single-mark quote left
//!    open at a paragraph's end is kept only in documents where single
//!    marks are the outer style (British dialogue).
//! 5. In documents whose dialogue opens with a dash and has no closing
//!    mark, each such paragraph is a quote, split at its speaker tags
//!    ([dash]).
//! 6. Each quote is classified as speech or as a [term](term): a title, a
//!    term or a scare quote.
//! 7. In fiction (known only once the genre is guessed), a letter quoted
//!    in full ([letter]), a quote run into the narrator's sentence as one
//!    of its phrases, a lower-case fragment run into the narration with no
//!    verb of saying before it ([fragment]: `the road was "woodsy and
//!    wild."`) and imagined speech ([imagined]: `he felt like answering:
//!    "…"`) are terms too, whatever tag follows them
//!    ([`mark_fiction_terms`]).

mod dash;
mod flank;
mod fragment;
mod imagined;
mod letter;
pub(crate) mod marks;
mod scan;
mod term;

use crate::cue::CueMatcher;
use crate::lexicon::Lexicons;
use crate::span::Span;
use marks::Family;
pub(crate) use scan::{PairLists, Work};

/// How a quote segment ends.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum Closure {
    /// With its closing mark. Dash dialogue, which has no closing mark,
    /// counts as closed at the end of its paragraph or at the speaker tag
    /// that interrupts it.
    Closed,
    /// Without a closing mark at the end of its paragraph; the next
    /// paragraph opens with a mark of the same family and continues it.
    ContinuesNext,
    /// Without a closing mark, and nothing continues it: recovered at the
    /// paragraph's end.
    Unclosed,
}

/// One quote segment found by the scanner.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
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
    /// The index of the previous segment of the same quotation: the
    /// previous paragraph's part of a multi-paragraph quotation, or the part
    /// of dash dialogue before a speaker tag.
    pub continues_from: Option<usize>,
    /// Index of the paragraph holding the segment.
    pub para: u32,
    /// A title, a term or a scare quote rather than speech.
    pub term: bool,
    /// A term that no speaker tag makes speech: set by the fiction rules
    /// ([`mark_fiction_terms`]) for a letter quoted in full and for a
    /// phrase run into the narrator's sentence.
    pub firm: bool,
}

impl RawQuote {
    pub(crate) fn new(
        outer: Span,
        inner: Span,
        family: Family,
        closure: Closure,
        continues_from: Option<usize>,
        para: usize,
    ) -> RawQuote {
        RawQuote {
            outer,
            inner,
            family,
            closure,
            depth: 0,
            parent: None,
            continues_from,
            para: u32::try_from(para).unwrap_or(u32::MAX),
            term: false,
            firm: false,
        }
    }

    /// Makes the quote a firm term: not speech, whatever tag follows it.
    pub(crate) fn make_firm_term(&mut self) {
        self.term = true;
        self.firm = true;
    }
}

/// A quotation as the finder sees it, before any cue or speaker is looked
/// for: where its marks are, what they enclose, how it ends, what it is
/// nested in, and whether it reads as speech. Yielded by
/// [`Attributor::quotes`](crate::Attributor::quotes).
///
/// Spans are byte offsets into the text given to `quotes`: in bounds, with
/// `start <= end`, on `char` boundaries. Two quotes of one text are either
/// nested (one's [`span`](Self::span) contains the other's) or disjoint.
///
/// # Example
///
/// ```
/// use whosaid::{Attributor, Closure};
///
/// let text = "\"He told me, 'Don't go,' and left,\" she said.";
/// let quotes: Vec<_> = Attributor::new().quotes(text).collect();
/// assert_eq!(quotes.len(), 2);
/// let (outer, inner) = (quotes[0], quotes[1]);
/// assert_eq!(&text[outer.content()], "He told me, 'Don't go,' and left,");
/// assert_eq!(&text[inner.content()], "Don't go,");
/// assert_eq!(inner.parent(), Some(0));
/// assert_eq!(inner.depth(), 1);
/// assert_eq!(outer.closure(), Closure::Closed);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct MarkedQuote {
    span: Span,
    content: Span,
    closure: Closure,
    depth: u32,
    parent: Option<u32>,
    continues_from: Option<u32>,
    term: bool,
}

impl MarkedQuote {
    fn from_raw(q: &RawQuote) -> MarkedQuote {
        let index = |i: usize| u32::try_from(i).ok();
        MarkedQuote {
            span: q.outer,
            content: q.inner,
            closure: q.closure,
            depth: q.depth,
            parent: q.parent.and_then(index),
            continues_from: q.continues_from.and_then(index),
            term: q.term,
        }
    }

    /// The whole quote, from its opening mark to its closing mark (to the
    /// end of its paragraph when it has none).
    pub fn span(&self) -> Span {
        self.span
    }

    /// What the marks enclose, whitespace trimmed.
    pub fn content(&self) -> Span {
        self.content
    }

    /// How the quote ends: closed, continued in the next paragraph, or left
    /// unclosed at its paragraph's end.
    pub fn closure(&self) -> Closure {
        self.closure
    }

    /// How many quotes this one is nested in (0 at the top level).
    pub fn depth(&self) -> u32 {
        self.depth
    }

    /// The position, in the sequence [`Quotes`] yields, of the innermost
    /// quote this one is nested in.
    pub fn parent(&self) -> Option<usize> {
        self.parent.map(|p| p as usize)
    }

    /// The position of the previous segment of the same quotation: the
    /// previous paragraph's part of a multi-paragraph quotation, or, in dash
    /// dialogue, the part before a speaker tag.
    ///
    /// ```
    /// use whosaid::{Attributor, Closure};
    ///
    /// let text = "“The harbour will open in May.\n“The cranes are here,” she said.";
    /// let quotes: Vec<_> = Attributor::new().quotes(text).collect();
    /// assert_eq!(quotes[0].closure(), Closure::ContinuesNext);
    /// assert_eq!(quotes[1].continues_from(), Some(0));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn continues_from(&self) -> Option<usize> {
        self.continues_from.map(|p| p as usize)
    }

    /// True when the marks hold a title, a term or a scare quote (`the
    /// so-called “reform”`) rather than speech, judged from the quote and
    /// the text around it. [`Attributor::attribute`], which also finds the
    /// reporting cues, reports a term as speech when a cue attributes it,
    /// and keeps a short quote run into its sentence as speech when a cue
    /// precedes it there (`called the plan “dead on arrival”`).
    ///
    /// ```
    /// let text = "The so-called “reform” failed. “It failed,” she said.";
    /// let terms: Vec<bool> = whosaid::Attributor::new().quotes(text).map(|q| q.is_term()).collect();
    /// assert_eq!(terms, [true, false]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// [`Attributor::attribute`]: crate::Attributor::attribute
    pub fn is_term(&self) -> bool {
        self.term
    }
}

/// The quotations of a text, in order of start (a quote before the quotes
/// nested in it). Created by
/// [`Attributor::quotes`](crate::Attributor::quotes).
///
/// The finder decides some things for a whole document (whether single
/// marks are its outer style, whether it uses dash dialogue), so the
/// quotes are found when the iterator is made, and it only hands them out.
#[derive(Clone, Debug)]
pub struct Quotes {
    it: std::vec::IntoIter<RawQuote>,
}

impl Quotes {
    pub(crate) fn new(raw: Vec<RawQuote>) -> Quotes {
        Quotes { it: raw.into_iter() }
    }
}

impl Iterator for Quotes {
    type Item = MarkedQuote;

    fn next(&mut self) -> Option<MarkedQuote> {
        self.it.next().map(|q| MarkedQuote::from_raw(&q))
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        self.it.size_hint()
    }
}

impl ExactSizeIterator for Quotes {}

impl core::iter::FusedIterator for Quotes {}

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
    /// start, nested ones after the ones that enclose them. Dash dialogue is
    /// not split at speaker tags (that needs the cue lexicon: see
    /// [`scan_with_cues`](Self::scan_with_cues)).
    #[cfg(test)]
    pub fn scan(&self, text: &str, paragraphs: &[Span], lex: &Lexicons) -> Vec<RawQuote> {
        self.find(text, paragraphs, lex, &CueMatcher::empty(), None, &mut Work::default())
    }

    /// Like `scan`, with the cue lexicon to split dash dialogue at its
    /// speaker tags, and, when the caller has found them, the starts of the
    /// text's cues (in order), which keep short run-in quotes speech.
    pub fn scan_with_cues(
        &self,
        text: &str,
        paragraphs: &[Span],
        lex: &Lexicons,
        matcher: &CueMatcher,
        cues: Option<&[usize]>,
    ) -> Vec<RawQuote> {
        self.find(text, paragraphs, lex, matcher, cues, &mut Work::default())
    }

    /// [`scan_with_cues`](Self::scan_with_cues) into `out` (cleared
    /// first), the pairing's working lists taken from `lists` and given
    /// back.
    #[allow(clippy::too_many_arguments)]
    pub fn scan_into(
        &self,
        text: &str,
        paragraphs: &[Span],
        lex: &Lexicons,
        matcher: &CueMatcher,
        cues: Option<&[usize]>,
        lists: &mut PairLists,
        out: &mut Vec<RawQuote>,
    ) {
        self.find_into(text, paragraphs, lex, matcher, cues, &mut Work::default(), lists, out);
    }

    /// The whole finder, counting its steps in `work`.
    pub(crate) fn find(
        &self,
        text: &str,
        paragraphs: &[Span],
        lex: &Lexicons,
        matcher: &CueMatcher,
        cues: Option<&[usize]>,
        work: &mut Work,
    ) -> Vec<RawQuote> {
        let mut out = Vec::new();
        self.find_into(text, paragraphs, lex, matcher, cues, work, &mut PairLists::default(), &mut out);
        out
    }

    /// [`find`](Self::find) into `out` (cleared first), with the pairing's
    /// lists from `lists`.
    #[allow(clippy::too_many_arguments)]
    fn find_into(
        &self,
        text: &str,
        paragraphs: &[Span],
        lex: &Lexicons,
        matcher: &CueMatcher,
        cues: Option<&[usize]>,
        work: &mut Work,
        lists: &mut PairLists,
        out: &mut Vec<RawQuote>,
    ) {
        scan::pair_into(text, paragraphs, self.styles, lex, work, lists, out);
        if dash::uses_dash_dialogue(text, paragraphs, self.styles) {
            let mut dashes = Vec::new();
            dash::find(text, paragraphs, matcher, lex, &mut dashes, work);
            if !dashes.is_empty() {
                *out = merge(core::mem::take(out), dashes, work);
            }
        }
        finish(text, paragraphs, out, cues, work);
    }
}

/// Merges the marked quotes with the dash-dialogue segments (both in order
/// of start), fixing the `continues_from` indices.
fn merge(marked: Vec<RawQuote>, dashes: Vec<RawQuote>, work: &mut Work) -> Vec<RawQuote> {
    if dashes.is_empty() {
        return marked;
    }
    const GONE: usize = usize::MAX;
    let mut new_marked = vec![GONE; marked.len()];
    let mut new_dash = vec![GONE; dashes.len()];
    let mut out: Vec<RawQuote> = Vec::with_capacity(marked.len() + dashes.len());
    let (mut i, mut j) = (0usize, 0usize);
    while i < marked.len() || j < dashes.len() {
        work.steps += 1;
        let take_marked = match (marked.get(i), dashes.get(j)) {
            (Some(m), Some(d)) => {
                (m.outer.start, core::cmp::Reverse(m.outer.end)) <= (d.outer.start, core::cmp::Reverse(d.outer.end))
            }
            (Some(_), None) => true,
            _ => false,
        };
        let (mut q, remap, k) =
            if take_marked { (marked[i], &mut new_marked, i) } else { (dashes[j], &mut new_dash, j) };
        q.continues_from = q.continues_from.map(|c| remap[c]).filter(|&c| c != GONE);
        remap[k] = out.len();
        out.push(q);
        if take_marked {
            i += 1;
        } else {
            j += 1;
        }
    }
    out
}

/// Computes nesting (every quote's innermost enclosing quote and depth)
/// and classifies terms. `quotes` are in order of start, enclosing first.
fn finish(text: &str, paragraphs: &[Span], quotes: &mut [RawQuote], cues: Option<&[usize]>, work: &mut Work) {
    let mut enclosing: Vec<usize> = Vec::new();
    let mut classifier = term::Classifier::new(text, cues);
    for i in 0..quotes.len() {
        let Span { start, end } = quotes[i].outer;
        while let Some(&top) = enclosing.last() {
            if quotes[top].outer.start <= start && end <= quotes[top].outer.end {
                break;
            }
            enclosing.pop();
            work.steps += 1;
        }
        let q = &mut quotes[i];
        q.depth = u32::try_from(enclosing.len()).unwrap_or(u32::MAX);
        q.parent = enclosing.last().copied();
        let para = paragraphs.get(q.para as usize).copied().unwrap_or(q.outer);
        q.term = classifier.is_term(para, q, work);
        enclosing.push(i);
        work.steps += 1;
    }
}

/// News only: marks as terms the Title Case quotes right after a comma,
/// titles in an apposition or a list ([`term::is_title_after_comma`]), and
/// those that open their paragraph as the subject of a lower-case verb
/// (`“Sons of Trump” is an adaptation`; in news a paragraph is not a turn
/// of dialogue), and, in a story that quotes in double marks, a short
/// single-quoted paragraph, a pull quote set as a subhead
/// ([`term::is_subhead`]). A tag still makes one speech (`Trump said, “Make America
/// Great Again.”`). In novels such a quote is as often a turn of dialogue
/// (`“Yes, Mr. Darcy.”`), so the rules are not applied there. `cues` are
/// the starts of the cues, in order.
pub(crate) fn mark_news_titles(text: &str, paragraphs: &[Span], quotes: &mut [RawQuote], cues: &[usize]) {
    let mut work = Work::default();
    // (A story that quotes in double marks sets a single-quoted paragraph
    // apart as a subhead.)
    let count = |f: Family| quotes.iter().filter(|q| q.depth == 0 && q.family == f).count();
    let double_house = count(Family::Double) > 2 * count(Family::Single);
    for q in quotes.iter_mut().filter(|q| !q.term && q.depth == 0) {
        let para = paragraphs.get(q.para as usize).copied().unwrap_or(q.outer);
        let opens_para = text.get(para.start..q.outer.start).is_some_and(|b| b.trim_end().is_empty());
        let content = text.get(q.inner.range()).unwrap_or_default();
        if term::is_title_after_comma(text, q)
            || opens_para && term::is_title_opening_sentence(text, para, q, content, Some(cues), &mut work)
            || double_house && term::is_subhead(text, para, q)
        {
            q.term = true;
        }
    }
}

/// Fiction only: marks as firm terms, which no speaker tag makes speech,
/// the parts of a letter quoted in full ([`letter::mark_letters`]), the
/// quotes run into the narrator's sentence as a phrase of it
/// ([`term::is_run_in_phrase`]), lower-case fragments run into the
/// narration ([`fragment::mark_fragments`]) and imagined speech
/// ([`imagined::mark_imagined`]). `quotes` are the finder's output, in
/// order of start; `cues` the cue hits outside quotes, in order of start.
/// Linear in the number of quotes; each quote reads a bounded stretch of
/// text.
pub(crate) fn mark_fiction_terms(
    text: &str,
    paragraphs: &[Span],
    quotes: &mut [RawQuote],
    cues: &[crate::cue::CueHit],
    matcher: &CueMatcher,
    lex: &Lexicons,
) {
    for q in quotes.iter_mut() {
        let para = paragraphs.get(q.para as usize).copied().unwrap_or(q.outer);
        if term::is_run_in_phrase(text, para, q, lex) {
            q.make_firm_term();
        }
    }
    letter::mark_letters(text, paragraphs, quotes, cues, matcher, lex);
    fragment::mark_fragments(text, paragraphs, quotes, cues, matcher);
    imagined::mark_imagined(text, paragraphs, quotes, cues, matcher, lex);
}

#[cfg(test)]
mod tests;
