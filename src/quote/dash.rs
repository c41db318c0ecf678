//! Dash dialogue: speech opened by a dash at the start of a paragraph and
//! closed by nothing but the paragraph's end (Joyce, and the French and
//! Spanish convention):
//!
//! ```text
//! —Thanks, old chap, he cried briskly. That will do nicely.
//! ```
//!
//! A speaker tag inside the paragraph (`he cried briskly.`) interrupts the
//! speech, which resumes after the tag's sentence. Without a closing mark
//! the tag can only be told from speech by its words, so the tag is found
//! with the cue lexicon: a speaker (a pronoun or a capitalised name, or a
//! short `the …` phrase) next to a reporting verb, right after a clause
//! ends (`,` `!` `?` `.`).
//!
//! Dashes also open headings, list items and asides, so the style is used
//! only in documents that use it for most of their dialogue
//! ([`uses_dash_dialogue`]).

use super::marks::{self, Family, QuoteStyle};
use super::{Closure, RawQuote, Work};
use crate::cue::CueMatcher;
use crate::lexicon::Lexicons;
use crate::span::Span;

/// The fewest dash paragraphs that make a document use dash dialogue.
const MIN_DASH_PARAGRAPHS: usize = 3;

/// The longest speaker phrase before a cue, in words.
const MAX_SPEAKER_WORDS: usize = 3;

/// How far before a cue (in bytes) the end of the speech is looked for.
const MAX_SPEAKER_BYTES: usize = 80;

/// The length in bytes of the dialogue dash that opens paragraph `para`,
/// if it opens with one: `—`, `―` or `--`, followed by text that is not
/// itself a dash.
pub(crate) fn dash_len(text: &str, para: Span) -> Option<usize> {
    let s = &text[para];
    let len = if s.starts_with(['\u{2014}', '\u{2015}']) {
        3
    } else if s.starts_with("--") && !s.starts_with("---") {
        2
    } else {
        return None;
    };
    let rest = s[len..].trim();
    // `— I —` is a heading, not speech.
    let first = rest.chars().next()?;
    if marks::is_dash(first) || rest.ends_with(['\u{2014}', '\u{2015}', '-']) {
        return None;
    }
    Some(len)
}

/// True when the text uses dash dialogue: at least three paragraphs open
/// with a dash, and more than open with a quotation mark.
pub(crate) fn uses_dash_dialogue(text: &str, paragraphs: &[Span], styles: u8) -> bool {
    if styles & QuoteStyle::Dash.bit() == 0 {
        return false;
    }
    // Dashes first: most texts have none, and then the marks need not be
    // counted. A dash starts with `-` or the 0xE2 lead byte.
    let bytes = text.as_bytes();
    let may_dash = |p: &Span| matches!(bytes.get(p.start), Some(b'-' | 0xE2));
    let dash = paragraphs.iter().filter(|p| may_dash(p) && dash_len(text, **p).is_some()).count();
    if dash < MIN_DASH_PARAGRAPHS {
        return false;
    }
    let marked = paragraphs
        .iter()
        .filter(|p| {
            dash_len(text, **p).is_none() && marks::mark_at(text, p.start).is_some_and(|m| m.family != Family::Single)
        })
        .count();
    dash > marked
}

/// Appends the dash-dialogue segments of `text`: one or more per paragraph
/// that opens with a dash, split at speaker tags. A later part of one
/// paragraph continues the part before it (`continues_from` is an index
/// into `out`).
pub(crate) fn find(
    text: &str,
    paragraphs: &[Span],
    matcher: &CueMatcher,
    lex: &Lexicons,
    out: &mut Vec<RawQuote>,
    work: &mut Work,
) {
    for (pi, &para) in paragraphs.iter().enumerate() {
        work.steps += 1;
        let Some(len) = dash_len(text, para) else { continue };
        let body = &text[para];
        // The cue search, the tags and the parts each read the paragraph
        // once.
        work.steps += 3 * body.len();
        // A part runs from `part_start` (the dash, or the end of a tag);
        // its speech from `speech_start` (after the dash).
        let mut part_start = para.start;
        let mut speech_start = para.start + len;
        let mut prev_part: Option<usize> = None;
        for hit in matcher.find_all(body) {
            let cue = Span::new(para.start + hit.span.start, para.start + hit.span.end);
            // A speaker tag has a verb of speaking: `he thinks you're not a
            // gentleman` is speech.
            let speaking = matcher.is_speech(hit);
            if cue.start < speech_start || !speaking {
                continue;
            }
            let Some((speech_end, tag_end)) = tag_at(text, para, speech_start, cue, lex) else { continue };
            push(text, part_start, speech_end, pi, &mut prev_part, out);
            part_start = tag_end;
            speech_start = tag_end;
        }
        if part_start < para.end {
            push(text, part_start, para.end, pi, &mut prev_part, out);
        }
    }
}

/// Appends one segment `start..end` (trimmed), continuing `prev`, and
/// makes it the new `prev`.
fn push(text: &str, start: usize, end: usize, para: usize, prev: &mut Option<usize>, out: &mut Vec<RawQuote>) {
    let Some(outer) = crate::segment::trim(text, Span::new(start, end)) else { return };
    // The content starts after the dash and any space.
    let body = &text[outer];
    let skip = body.len() - body.trim_start_matches(['\u{2014}', '\u{2015}', '-']).trim_start().len();
    let Some(inner) = crate::segment::trim(text, Span::new(outer.start + skip, outer.end)) else { return };
    if !text[inner].chars().any(char::is_alphanumeric) {
        return;
    }
    out.push(RawQuote::new(outer, inner, Family::Dash, Closure::Closed, *prev, para));
    *prev = Some(out.len() - 1);
}

/// Reads a speaker tag around the cue `cue` of paragraph `para`, whose
/// current speech started at `speech_start`. Returns where the speech
/// before the tag ends and where the tag's sentence ends.
fn tag_at(text: &str, para: Span, speech_start: usize, cue: Span, lex: &Lexicons) -> Option<(usize, usize)> {
    // SPEAKER CUE (`he cried`, `Buck Mulligan said`) or CUE SPEAKER
    // (`said Stephen`, `said he`): the clause before ends within a few
    // words of the cue. The look-back is bounded, so a paragraph full of
    // cues costs linear time.
    let mut from = cue.start.saturating_sub(MAX_SPEAKER_BYTES).max(speech_start);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let before = &text[from..cue.start];
    let clause_end = before.trim_end().rfind([',', '!', '?', '.', '\u{2014}'])?;
    let between = before[clause_end + 1..].trim();
    let speech_end = from + clause_end + 1;
    // Some speech must come before the tag.
    if !text[speech_start..speech_end].chars().any(char::is_alphanumeric) {
        return None;
    }
    let speaker_before = !between.is_empty() && is_speaker(between, lex);
    let speaker_after = between.is_empty() && {
        let after = text[cue.end..para.end].trim_start();
        let word: &str = after.split(|c: char| !c.is_alphanumeric()).next().unwrap_or("");
        !word.is_empty() && is_speaker(word, lex)
    };
    if !speaker_before && !speaker_after {
        return None;
    }
    Some((speech_end, sentence_end(text, cue.end, para.end, lex)))
}

/// True when `words` can name a speaker: a pronoun, a capitalised name of
/// up to three words, or a short `the …` / `a …` phrase.
fn is_speaker(words: &str, lex: &Lexicons) -> bool {
    let parts: Vec<&str> = words.split_whitespace().collect();
    if parts.is_empty() || parts.len() > MAX_SPEAKER_WORDS {
        return false;
    }
    if parts.len() == 1 && lex.pronoun(parts[0]).is_some() {
        return true;
    }
    if parts.iter().all(|w| w.chars().next().is_some_and(char::is_uppercase)) {
        return parts.iter().all(|w| w.chars().all(|c| c.is_alphabetic() || matches!(c, '.' | '\'' | '’' | '-')));
    }
    matches!(parts[0], "the" | "a" | "an" | "his" | "her" | "their")
        && parts[1..].iter().all(|w| w.chars().all(|c| c.is_alphabetic() || c == '-'))
}

/// The end of the sentence that starts before `from`: after the next `.`
/// `!` `?` `:` or `;` that is not an abbreviation's dot, or the paragraph's
/// end.
fn sentence_end(text: &str, from: usize, end: usize, lex: &Lexicons) -> usize {
    let s = &text[from..end];
    for (i, c) in s.char_indices() {
        if !matches!(c, '.' | '!' | '?' | ':' | ';') {
            continue;
        }
        if c == '.' {
            let word = s[..i].rsplit(|ch: char| !ch.is_alphanumeric()).next().unwrap_or("");
            let initial = word.chars().count() == 1 && word.chars().all(char::is_uppercase);
            if initial || lex.is_abbreviation(word) {
                continue;
            }
        }
        return from + i + c.len_utf8();
    }
    end
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parts(text: &str) -> Vec<&str> {
        let lex = Lexicons::english();
        let matcher = CueMatcher::english().unwrap();
        let paras: Vec<Span> = text
            .split('\n')
            .scan(0, |pos, line| {
                let s = Span::new(*pos, *pos + line.len());
                *pos += line.len() + 1;
                Some(s)
            })
            .filter(|s| !s.is_empty())
            .collect();
        let mut out = Vec::new();
        find(text, &paras, &matcher, &lex, &mut out, &mut Work::default());
        out.iter().map(|q| &text[q.inner]).collect()
    }

    #[test]
    fn splits_at_tags() {
        assert_eq!(
            parts("—Thanks, old chap, he cried briskly. That will do nicely."),
            vec!["Thanks, old chap,", "That will do nicely."]
        );
        assert_eq!(parts("—Tell me, Mulligan, Stephen said quietly."), vec!["Tell me, Mulligan,"]);
        assert_eq!(parts("—Back to barracks! said Mr. Deasy. Go."), vec!["Back to barracks!", "Go."]);
        // The tag runs to the end of its sentence: `, with a smile.` is
        // narration.
        assert_eq!(parts("— Yes, he said, with a smile. I will."), vec!["Yes,", "I will."]);
    }

    #[test]
    fn keeps_speech_without_a_tag() {
        assert_eq!(parts("—Yes, and she said nothing."), vec!["Yes, and she said nothing."]);
        assert_eq!(
            parts("—God! A ponderous Saxon. He thinks you're odd."),
            vec!["God! A ponderous Saxon. He thinks you're odd."]
        );
        assert_eq!(parts("—I said it was fine."), vec!["I said it was fine."]);
    }

    #[test]
    fn headings_are_not_dialogue() {
        let text = "— I —";
        assert_eq!(dash_len(text, Span::new(0, text.len())), None);
        assert_eq!(dash_len("--- rule", Span::new(0, 8)), None);
    }
}
