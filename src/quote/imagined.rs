//! Imagined speech in a novel: words a character would have said, longed
//! to say or felt like saying, or that a look seemed to say.
//!
//! Novels put such words in quotation marks as they do dialogue:
//!
//! ```text
//! He felt like answering: "I was, till I saw you again."
//! She glanced at her mother as if to say, "You see?"
//! "What we have made of her," he felt like answering.
//! ```
//!
//! Nobody says them, and the annotated dialogue of a novel does not count
//! them. They are read off the verb of saying that introduces or closes
//! the quote and the words right before that verb, a *frame* of
//! `imagined.txt` (`would have`, `longed to`, `felt like`, `as if to`,
//! `seemed to`):
//!
//! * **before the quote**: a verb of saying stands before the opening mark
//!   in the same sentence, with at most [`MAX_GAP_WORDS`] words between
//!   them (`wished to say to Katharine:`), and a frame right before the
//!   verb;
//! * **after the quote**: the quote ends without a full stop and is closed
//!   by a tag of one to [`MAX_SUBJECT_WORDS`] words, a frame and a verb of
//!   saying (`"…," he felt like answering.`); the quote that opens right
//!   after that tag's full stop goes with it (`"…," he felt like
//!   answering. "…"`).
//!
//! A verb of meaning right before the opening mark marks what a look or a
//! tone said (`a glance which meant, "…"`, `in a tone that implied: "…"`).
//!
//! Measured on annotated novels: habitual speech (`he would say`, `used to
//! say`) is annotated as dialogue and is left out of the frames.

use super::RawQuote;
use crate::cue::{CueHit, CueMatcher};
use crate::lexicon::{Lexicons, MAX_IMAGINED_WORDS};
use crate::span::Span;

/// At most this many words stand between the verb and the opening mark.
const MAX_GAP_WORDS: usize = 5;
/// At most this many words name the speaker of a closing tag.
const MAX_SUBJECT_WORDS: usize = 3;
/// At most this many words follow the verb of a closing tag before its
/// sentence ends.
const MAX_TAIL_WORDS: usize = 4;
/// How far (in bytes) the text around a quote is read.
const MAX_READ: usize = 96;

/// Marks as firm terms the quotes of `quotes` (in order of start) that
/// hold imagined speech. `cues` are the text's cue hits outside quotes, in
/// order of start. Linear in the number of quotes: each reads a bounded
/// stretch of text and finds its cues by binary search.
pub(crate) fn mark_imagined(
    text: &str,
    paragraphs: &[Span],
    quotes: &mut [RawQuote],
    cues: &[CueHit],
    matcher: &CueMatcher,
    lex: &Lexicons,
) {
    if lex.imagined_frames.is_empty() {
        return;
    }
    let speech = |c: &CueHit| matcher.is_speech(*c);
    // The next quote to mark because it continues a closing tag's
    // sentence, by its opening byte.
    let mut carry: Option<usize> = None;
    for q in quotes.iter_mut() {
        if q.depth > 0 {
            continue;
        }
        let para = paragraphs.get(q.para as usize).copied().unwrap_or(q.outer);
        if carry.take() == Some(q.outer.start) {
            q.make_firm_term();
        }
        // Right before the quote: a verb of meaning (`a look which
        // meant, "…"`).
        if meaning_before(text, para.start, q.outer.start, lex) {
            q.make_firm_term();
            continue;
        }
        // Before the quote: the last cue before its opening mark.
        let k = cues.partition_point(|c| c.span.start < q.outer.start);
        if let Some(c) = k.checked_sub(1).and_then(|k| cues.get(k)).filter(|c| speech(c)) {
            if c.span.start >= para.start
                && c.span.end <= q.outer.start
                && is_gap(&text[c.span.end..q.outer.start])
                && frame_before(text, para.start, c.span.start, lex).is_some()
            {
                q.make_firm_term();
                continue;
            }
        }
        // After the quote: the first verb of saying after its closing mark
        // (`felt`, a cue of another class, may stand before it).
        if ends_sentence(&text[q.inner]) {
            continue;
        }
        let k = cues.partition_point(|c| c.span.start < q.outer.end);
        let near = cues[k..].iter().take_while(|c| c.span.start <= q.outer.end + MAX_READ && c.span.end <= para.end);
        let Some(c) = near.take(MAX_IMAGINED_WORDS + MAX_SUBJECT_WORDS).find(|c| speech(c)) else { continue };
        let between = text[q.outer.end..c.span.start].trim_start().trim_start_matches(',');
        let Some(frame) = frame_before(text, q.outer.end, c.span.start, lex) else { continue };
        let all = words_in(between);
        if all.is_none_or(|n| n <= frame || n - frame > MAX_SUBJECT_WORDS) {
            continue;
        }
        if let Some(end) = tail_end(text, c.span.end, para.end) {
            q.make_firm_term();
            if text[..end].ends_with('.') {
                let next = end + (text[end..para.end].len() - text[end..para.end].trim_start().len());
                carry = Some(next);
            }
        }
    }
}

/// True when the word right before the opening mark at `mark`, after a
/// comma, a colon or a dash at most, is a verb of meaning of
/// `imagined.txt` (`meant`, `implied`).
fn meaning_before(text: &str, floor: usize, mark: usize, lex: &Lexicons) -> bool {
    let from = super::term::floor_boundary(text, mark.saturating_sub(MAX_READ).max(floor));
    let before = text[from..mark].trim_end_matches(|c: char| c.is_whitespace() || matches!(c, ',' | ':' | '\u{2014}'));
    let word_start =
        before.char_indices().rev().find(|&(_, c)| !c.is_alphabetic()).map_or(0, |(i, c)| i + c.len_utf8());
    let word = &before[word_start..];
    !word.is_empty() && lex.meaning_verbs.contains(word)
}

/// True when a quote's content ends a sentence with a full stop (so a tag
/// after it opens a new sentence).
fn ends_sentence(content: &str) -> bool {
    content.trim_end().trim_end_matches(['_', '*']).ends_with('.')
}

/// True for a word character: a letter, a digit, an apostrophe or a
/// hyphen inside a word.
fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '\'' | '\u{2019}' | '-')
}

/// The number of words of `s` when it holds nothing but words and spaces;
/// `None` otherwise.
fn words_in(s: &str) -> Option<usize> {
    if s.len() > MAX_READ || !s.chars().all(|c| is_word_char(c) || c.is_whitespace()) {
        return None;
    }
    Some(s.split_whitespace().count())
}

/// True when `gap`, between a verb of saying and an opening mark, is what
/// may stand there in one sentence: a comma, a colon or a dash, after a
/// few words that open with an adverb or a preposition (`to Katharine`,
/// `back`, `aloud`, `with authority`), not with the verb's object (`as if
/// he had interrupted some train of thought, "…"`).
fn is_gap(gap: &str) -> bool {
    if gap.len() > MAX_READ
        || !gap.chars().all(|c| is_word_char(c) || c.is_whitespace() || matches!(c, ',' | ':' | '\u{2014}'))
    {
        return false;
    }
    let mut words = gap.split(|c: char| !is_word_char(c)).filter(|w| !w.is_empty());
    let Some(first) = words.next() else { return true };
    let opens = first.len() > 3 && first.ends_with("ly")
        || ["to", "at", "with", "in", "back", "out", "aloud", "again", "up", "once", "then"]
            .iter()
            .any(|w| first.eq_ignore_ascii_case(w));
    opens && words.count() < MAX_GAP_WORDS
}

/// Where the sentence of a closing tag ends (the byte after its full stop,
/// semicolon, colon or paragraph end) when at most [`MAX_TAIL_WORDS`] words
/// follow the verb that ends at `from`.
fn tail_end(text: &str, from: usize, para_end: usize) -> Option<usize> {
    let limit = super::term::floor_boundary(text, (from + MAX_READ).min(para_end));
    let rest = &text[from..limit];
    let mut words = 0;
    let mut in_word = false;
    for (i, c) in rest.char_indices() {
        if matches!(c, '.' | ';' | ':') {
            return Some(from + i + 1);
        }
        if is_word_char(c) {
            if !in_word {
                words += 1;
                if words > MAX_TAIL_WORDS {
                    return None;
                }
            }
            in_word = true;
        } else if c.is_whitespace() || c == ',' {
            in_word = false;
        } else {
            return None;
        }
    }
    (limit == para_end).then_some(para_end)
}

/// The number of words of the frame of `imagined.txt` that ends right
/// before byte `end` (a verb of saying), reading no further back than
/// `floor` and stopping at punctuation; `None` when no frame ends there.
fn frame_before(text: &str, floor: usize, end: usize, lex: &Lexicons) -> Option<usize> {
    let from = super::term::floor_boundary(text, end.saturating_sub(MAX_READ).max(floor));
    let before = text.get(from..end)?;
    // The last words, the nearest first.
    let mut words: [&str; MAX_IMAGINED_WORDS] = [""; MAX_IMAGINED_WORDS];
    let mut n = 0;
    let mut word_end: Option<usize> = None;
    for (i, c) in before.char_indices().rev() {
        if is_word_char(c) {
            word_end.get_or_insert(i + c.len_utf8());
            continue;
        }
        if let Some(e) = word_end.take() {
            words[n] = &before[i + c.len_utf8()..e];
            n += 1;
            if n == MAX_IMAGINED_WORDS {
                break;
            }
        }
        if !c.is_whitespace() {
            break;
        }
    }
    if let Some(e) = word_end.filter(|_| n < MAX_IMAGINED_WORDS) {
        words[n] = &before[..e];
        n += 1;
    }
    lex.imagined_frames.iter().find_map(|frame| {
        let len = frame.len();
        let fits =
            len <= n && frame.iter().rev().zip(&words[..len]).all(|(f, w)| &**f == "*" || f.eq_ignore_ascii_case(w));
        fits.then_some(len)
    })
}
