//! Fragments of other people's words that the narration of a novel runs
//! into its own sentences.
//!
//! ```text
//! The shore road was "woodsy and wild and lonesome." On the right hand…
//! Then, holding the bag which contained "all her worldly goods," she…
//! ```
//!
//! Such a quote opens with a lower-case word right after a word of the
//! narrator's sentence or a comma, so its words are a part of that
//! sentence, not a sentence of their own. When no verb of saying (a
//! reporting cue of class `speech`) stands before it in the sentence and
//! nobody has spoken earlier in the paragraph, nobody says them there: they
//! are the narrator's borrowing of a phrase (a scare quote, a family's or a
//! town's way of putting things), and the annotated dialogue of a novel
//! does not count them.
//!
//! Left as speech:
//!
//! * with a verb of saying before it in the sentence (`said he was "very
//!   glad;"`, `declaring that she "simply must,"`): reported words,
//!   annotated as speech about as often as not;
//! * after a quote of the paragraph that is speech: most often the second
//!   part of an interrupted utterance, in novels whose printed text lost
//!   the comma after the tag (`"Mary" his voice was quiet now "are you…"`);
//! * with a capital (`a cry of "Help me!"`), or after a sentence's end or
//!   a colon (`he said: "well…"`).
//!
//! Thoughts and opinions (`considered`, `wondered`) do not keep such a
//! fragment speech.
//!
//! Measured on the dev halves of two annotated corpora of novels, the
//! quotes this rule takes away from speech: 40 that the annotators left
//! out against 14 they counted in one (PDNC), 9 against 2 in the other
//! (LitBank). Tried and dropped: keeping a fragment speech when a verb of
//! saying follows it in its sentence (`"…," as she expressed it`) kept
//! more unannotated fragments than annotated ones on one corpus.

use super::RawQuote;
use super::marks::Family;
use crate::cue::{CueHit, CueMatcher};
use crate::span::Span;

/// Marks as firm terms the quotes of `quotes` (in order of start) that are
/// lower-case fragments run into the narration. `cues` are the text's cue
/// hits outside quotes, in order of start.
///
/// One pass over the quotes, the cues and the text before each candidate:
/// the sentence ends and the verbs of saying are found moving forward, so
/// no byte is read twice.
pub(crate) fn mark_fragments(
    text: &str,
    paragraphs: &[Span],
    quotes: &mut [RawQuote],
    cues: &[CueHit],
    matcher: &CueMatcher,
) {
    let mut reader = Reader { text, cues, matcher, scanned: 0, stop: 0, next_cue: 0, said: None };
    // The paragraph of the last top-level quote seen, and whether a quote
    // of it was speech.
    let mut para_seen: Option<(u32, bool)> = None;
    for q in quotes.iter_mut() {
        if q.depth > 0 {
            continue;
        }
        let spoken_before = match para_seen {
            Some((p, spoken)) if p == q.para => spoken,
            _ => false,
        };
        let para = paragraphs.get(q.para as usize).copied().unwrap_or(q.outer);
        if !spoken_before
            && q.family != Family::Dash
            && q.continues_from.is_none()
            && runs_in(text, para, q)
            && !reader.said_in_sentence(para, q.outer.start)
        {
            q.make_firm_term();
        }
        para_seen = Some((q.para, spoken_before || !q.term));
    }
}

/// True when quote `q` of paragraph `para` opens with a lower-case word
/// right after a word or a comma (or a semicolon) of the narration.
fn runs_in(text: &str, para: Span, q: &RawQuote) -> bool {
    if q.outer.start <= para.start {
        return false;
    }
    let before = text[para.start..q.outer.start].trim_end();
    let after_word = before.chars().next_back().is_some_and(|c| c.is_alphabetic() || matches!(c, ',' | ';'));
    after_word && text[q.inner].chars().find(|c| c.is_alphanumeric()).is_some_and(char::is_lowercase)
}

/// Reads a text forward, remembering where its last sentence began and
/// where its last verb of saying stands.
struct Reader<'t> {
    text: &'t str,
    cues: &'t [CueHit],
    matcher: &'t CueMatcher,
    /// How far the text has been read for sentence ends.
    scanned: usize,
    /// Where the last sentence found began.
    stop: usize,
    /// The first cue not yet looked at.
    next_cue: usize,
    /// The start of the last verb of saying before `scanned`.
    said: Option<usize>,
}

impl Reader<'_> {
    /// True when a verb of saying stands in the sentence that runs up to
    /// byte `end` of paragraph `para`. `end` never decreases from one call
    /// to the next.
    fn said_in_sentence(&mut self, para: Span, end: usize) -> bool {
        if end > self.scanned {
            let from = self.scanned.max(para.start);
            let fresh = &self.text[from..end];
            if let Some((i, c)) = fresh.char_indices().rev().find(|&(i, c)| {
                matches!(c, '.' | '!' | '?') && fresh[i + c.len_utf8()..].starts_with(char::is_whitespace)
            }) {
                self.stop = from + i + c.len_utf8();
            }
            self.scanned = end;
        }
        while let Some(c) = self.cues.get(self.next_cue).filter(|c| c.span.start < end) {
            if self.matcher.is_speech(*c) {
                self.said = Some(c.span.start);
            }
            self.next_cue += 1;
        }
        let sentence_start = self.stop.max(para.start);
        self.said.is_some_and(|s| s >= sentence_start)
    }
}
