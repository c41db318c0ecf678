//! Letters quoted in a novel: written words, not speech.
//!
//! Novels often give a letter or a note in full, each of its lines in
//! quotation marks in a paragraph of its own:
//!
//! ```text
//! "Howards End,"
//! "Tuesday."
//! "Dearest Meg,"
//! "It isn't going to be what we expected. …"
//! "Your affectionate"
//! "HELEN."
//! ```
//!
//! Nobody says these words, and the annotated dialogue of a novel does not
//! count them. A letter is read off its layout, paragraph by paragraph:
//!
//! * it opens with a **salutation**: a paragraph that holds nothing but a
//!   quote of at most [`MAX_SALUTATION_WORDS`] words opening with a
//!   salutation of `letters.txt` (`Dear Sir,`, `My dearest Lizzy,`) and
//!   ending with a comma, a colon, a dash or a word; or a quote that opens
//!   with such a salutation set off by a line break, a dash or a wide space
//!   (`"My dear Fanny,   I take up my pen …"`). The short lines right
//!   above it (a place, a date: `"Howards End,"`, `"Tuesday."`) are its
//!   heading;
//!   or the narration introduces it as a written text: the paragraph
//!   before ends with a clause that names writing and ends with a colon,
//!   with no verb of saying in it (`It was as follows:`, `the following
//!   telegram:`; see [`introduced_as_written`]);
//! * its **body** is the paragraphs that follow, each nothing but a quote;
//! * it closes with a **sign-off** (`Yours truly,`, `Your affectionate`)
//!   and the short **signature** line after it, or at the first paragraph
//!   that is not a quote alone (the narration takes over again).
//!
//! A signature may also close a letter whose opening lies outside the text
//! (a window cut out of a novel): a line of capitals ending with a full
//! stop (`"CAROLINE BINGLEY."`, `"M.D."`), right after another quote
//! alone in its paragraph or at the start of the text.
//!
//! A dialogue turn rarely looks like this: a quote alone in its paragraph
//! that is nothing but `My dear Jane,` with a comma and no words after it
//! is a letter's salutation far more often than speech.

use super::RawQuote;
use crate::cue::{CueHit, CueMatcher};
use crate::lexicon::{LetterWord, Lexicons, MAX_LETTER_WORDS};
use crate::span::Span;

/// A salutation line has at most this many words (`My dear Mrs. Wilcox,`).
const MAX_SALUTATION_WORDS: usize = 6;
/// A sign-off line has at most this many words.
const MAX_SIGN_OFF_WORDS: usize = 6;
/// A signature or a heading line has at most this many words.
const MAX_SHORT_LINE_WORDS: usize = 4;
/// At most this many heading lines stand above a salutation.
const MAX_HEADING_LINES: usize = 2;
/// How much of the paragraph before a quote (in bytes) is read to find
/// the clause that introduces it.
const MAX_INTRO_BYTES: usize = 160;
/// How much of a quote (in bytes) is read to find a salutation that opens
/// a longer quote.
const MAX_OPENING_BYTES: usize = 80;

/// What one quote alone in its paragraph is, read from its own words.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Line {
    /// `Dear Sir,`
    Salutation,
    /// `My dear Fanny,   I take up my pen …`
    SalutationAndBody,
    /// `Yours truly,`
    SignOff,
    /// `HELEN.`: capitals ending with a full stop.
    CapitalSignature,
    /// At most [`MAX_SHORT_LINE_WORDS`] words, no question or exclamation:
    /// a heading line or a signature when it stands in the right place.
    Short,
    /// Anything else.
    Other,
}

/// Marks as firm terms the parts of the letters quoted in `quotes` (in
/// order of start, as the finder gives them). One pass over the quotes;
/// each reads a bounded stretch of its content.
pub(crate) fn mark_letters(
    text: &str,
    paragraphs: &[Span],
    quotes: &mut [RawQuote],
    cues: &[CueHit],
    matcher: &CueMatcher,
    lex: &Lexicons,
) {
    // The previous top-level quote alone in its paragraph: (paragraph,
    // index), and the short lines just before the current one.
    let mut prev_alone: Option<(u32, usize)> = None;
    let mut short_run: Vec<usize> = Vec::with_capacity(MAX_HEADING_LINES);
    let mut in_letter = false;
    let mut signed_off = false;
    // No top-level quote stands before this one.
    let mut first = true;
    // The last paragraph trimmed: (index, trimmed span), so that a
    // paragraph of many quotes is trimmed once.
    let mut trimmed: Option<(u32, Option<Span>)> = None;
    for i in 0..quotes.len() {
        let q = quotes[i];
        if q.depth > 0 {
            continue;
        }
        let is_first = core::mem::replace(&mut first, false);
        let para = match trimmed {
            Some((p, span)) if p == q.para => span,
            _ => {
                let span = crate::segment::trim(text, paragraphs.get(q.para as usize).copied().unwrap_or(q.outer));
                trimmed = Some((q.para, span));
                span
            }
        };
        let alone = para.is_some_and(|p| p.start == q.outer.start && p.end == q.outer.end);
        let follows = prev_alone.is_some_and(|(p, _)| p + 1 == q.para);
        if !alone {
            in_letter = false;
            signed_off = false;
            prev_alone = None;
            short_run.clear();
            continue;
        }
        if !follows {
            in_letter = false;
            signed_off = false;
            short_run.clear();
        }
        let line = classify(text, q.inner, lex);
        let mut part = in_letter;
        if !follows && introduced_as_written(text, paragraphs, q.para, cues, matcher, lex) {
            in_letter = true;
            signed_off = false;
            part = true;
        }
        match line {
            Line::Salutation | Line::SalutationAndBody => {
                for &h in &short_run {
                    quotes[h].make_firm_term();
                }
                in_letter = true;
                signed_off = false;
                part = true;
            }
            Line::SignOff => {
                let closes_line = !text[q.inner].trim_end().ends_with(['.', '!', '?']);
                if in_letter || closes_line {
                    in_letter = true;
                    signed_off = true;
                    part = true;
                }
            }
            Line::CapitalSignature if in_letter || follows || is_first => {
                part = true;
                in_letter = false;
                signed_off = false;
            }
            Line::Short | Line::CapitalSignature if signed_off => {
                // The signature after a sign-off ends the letter.
                part = true;
                in_letter = false;
                signed_off = false;
            }
            _ => {}
        }
        if part {
            quotes[i].make_firm_term();
        }
        // Keep the short lines that may head a letter.
        if line == Line::Short && !part {
            if short_run.len() == MAX_HEADING_LINES {
                short_run.remove(0);
            }
            short_run.push(i);
        } else {
            short_run.clear();
        }
        prev_alone = Some((q.para, i));
    }
}

/// True when the paragraph before paragraph `para` ends with a clause that
/// introduces a written text: it ends with a colon (or a colon and a
/// dash), names writing with an intro word of `letters.txt` (`It was as
/// follows:`, `the following telegram:`, `In her hand I read:`), and holds
/// no verb of saying (`he spoke as follows:` introduces speech). Reads at
/// most [`MAX_INTRO_BYTES`] of that paragraph.
fn introduced_as_written(
    text: &str,
    paragraphs: &[Span],
    para: u32,
    cues: &[CueHit],
    matcher: &CueMatcher,
    lex: &Lexicons,
) -> bool {
    let Some(prev) = (para as usize).checked_sub(1).and_then(|p| paragraphs.get(p)) else { return false };
    let from = super::term::floor_boundary(text, prev.end.saturating_sub(MAX_INTRO_BYTES).max(prev.start));
    let tail = text[from..prev.end].trim_end_matches(|c: char| c.is_whitespace() || matches!(c, '-' | '\u{2014}'));
    if !tail.ends_with(':') {
        return false;
    }
    // The last clause: after the last sentence end or quotation mark.
    let start = tail
        .char_indices()
        .rev()
        .find(|&(i, c)| {
            matches!(c, '"' | '\u{201c}' | '\u{201d}')
                || matches!(c, '.' | '!' | '?') && tail[i + 1..].starts_with(char::is_whitespace)
        })
        .map_or(0, |(i, c)| i + c.len_utf8());
    let clause = &tail[start..];
    let names_writing = clause
        .split(|c: char| !c.is_alphabetic())
        .any(|w| !w.is_empty() && lex.letter_words.get(w) == Some(&LetterWord::Intro));
    if !names_writing {
        return false;
    }
    let (lo, hi) = (from + start, from + tail.len());
    let k = cues.partition_point(|c| c.span.start < lo);
    !cues[k..].iter().take_while(|c| c.span.start < hi).any(|c| matcher.is_speech(*c))
}

/// Reads what a quote alone in its paragraph is from its content.
fn classify(text: &str, inner: Span, lex: &Lexicons) -> Line {
    let content = &text[inner];
    let opening = &content[..super::term::floor_boundary(content, MAX_OPENING_BYTES)];
    let words = super::term::count_words(content, MAX_SALUTATION_WORDS + 1);
    let last = content.trim_end_matches(['_', '*']).chars().next_back();
    match opening_words(opening, lex) {
        Some((LetterWord::Salutation, _))
            if words <= MAX_SALUTATION_WORDS && !matches!(last, Some('.' | '!' | '?' | ';')) =>
        {
            return Line::Salutation;
        }
        Some((LetterWord::Salutation, _)) if sets_off_salutation(opening) => return Line::SalutationAndBody,
        Some((LetterWord::SignOff, _)) if words <= MAX_SIGN_OFF_WORDS && !matches!(last, Some('!' | '?')) => {
            return Line::SignOff;
        }
        _ => {}
    }
    if words > MAX_SHORT_LINE_WORDS || matches!(last, Some('!' | '?')) {
        return Line::Other;
    }
    let letters = content.chars().filter(|c| c.is_alphabetic()).count();
    let capitals = content.chars().all(|c| !c.is_alphabetic() || c.is_uppercase());
    if capitals && letters >= 2 && last == Some('.') { Line::CapitalSignature } else { Line::Short }
}

/// The entry of `letters.txt` that the first words of `opening` make, the
/// longest first, with its length in words.
fn opening_words(opening: &str, lex: &Lexicons) -> Option<(LetterWord, usize)> {
    let mut words = [""; MAX_LETTER_WORDS];
    let mut n = 0;
    for w in opening.split(|c: char| c.is_whitespace() || matches!(c, ',' | ':' | '-' | '\u{2014}')) {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        if w.is_empty() {
            continue;
        }
        words[n] = w;
        n += 1;
        if n == MAX_LETTER_WORDS {
            break;
        }
    }
    let mut key = String::new();
    (1..=n).rev().find_map(|k| {
        key.clear();
        for (j, w) in words[..k].iter().enumerate() {
            if j > 0 {
                key.push(' ');
            }
            key.push_str(w);
        }
        lex.letter_words.get(&key).map(|&kind| (kind, k))
    })
}

/// True when the first comma of `opening`, within the salutation's length,
/// is followed by a line break, a dash or two spaces: the salutation is set
/// off on a line of its own (`My dear Fanny,\nI take up my pen`).
fn sets_off_salutation(opening: &str) -> bool {
    let Some(comma) = opening.find(',') else { return false };
    if super::term::count_words(&opening[..comma], MAX_SALUTATION_WORDS + 1) > MAX_SALUTATION_WORDS {
        return false;
    }
    let rest = &opening[comma + 1..];
    rest.starts_with('\n')
        || rest.starts_with("  ")
        || rest.trim_start_matches(' ').starts_with(['-', '\u{2014}', '\u{2013}'])
}
