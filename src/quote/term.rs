//! Speech or term: whether marked words are somebody's speech, or a title,
//! a term or a scare quote (`the so-called “reform”`, `a film called
//! ‘Heat’`).
//!
//! Decided from the quote and the text around it, in this order:
//!
//! 1. Dash dialogue is speech.
//! 2. A block set off by indentation (an epigraph, a verse, a letter's
//!    heading) is a citation, not speech.
//! 3. A quote that opens its paragraph is speech (`"Yes."`, `"But,
//!    mother"`): dialogue starts paragraphs, terms run inside sentences.
//! 4. A quote run into its sentence, with a word right before its opening
//!    mark (`the “younger set,” in which`, `on NBC's "Meet the Press."`), is
//!    a term when its words are Title Case (a title or a name), or when it
//!    is at most three words long and no reporting cue precedes it in its
//!    sentence. A cue keeps it speech (`called the plan "dead on arrival"`:
//!    a mixed quotation).
//! 5. A quote that starts a sentence or follows a colon is speech.
//! 6. Otherwise a few words (at most four) without sentence punctuation at
//!    the end, or a Title Case phrase of up to eight, are a term.
//!
//! The sieve still makes a term speech when a tag attributes it (`“Heat,”
//! she said`).
//!
//! Measured on the dev corpora (overlap F1 of the evaluate example): rule 3
//! mostly adds recall (cut-off speech such as `"The General "` in PDNC),
//! rules 2 and 4 mostly precision (LitBank's scare quotes, PolNeAR's show
//! titles). Tried and dropped: making every lowercase fragment run into its
//! sentence a term whatever its length (loses PolNeAR's mixed quotes whose
//! reporting verb is not in the cue lexicon), and a longer limit than three
//! words in rule 4 (no gain on any corpus).

use super::RawQuote;
use super::marks::Family;
use crate::cue::CueMatcher;
use crate::span::Span;

/// At most this many words make a term under rule 4.
const MAX_RUN_IN_TERM_WORDS: usize = 3;
/// At most this many words make a Title Case phrase a title.
const MAX_TITLE_WORDS: usize = 8;
/// At most this many words without final punctuation make a term (rule 6).
const MAX_BARE_TERM_WORDS: usize = 4;
/// How far back (in bytes) the sentence before a quote is searched for a
/// cue: bounded so that each quote costs O(1).
const CUE_WINDOW: usize = 320;

/// True when quote `q` of paragraph `para` reads as a term, a title or a
/// scare quote rather than speech.
pub(crate) fn is_term(text: &str, para: Span, q: &RawQuote, matcher: &CueMatcher) -> bool {
    if q.family == Family::Dash {
        return false;
    }
    if is_indented_block(text, q.outer.start) {
        return true;
    }
    let before = text.get(para.start..q.outer.start).unwrap_or("").trim_end();
    let Some(last) = before.chars().next_back() else {
        return false;
    };
    let opening = |c: char| c.is_whitespace() || matches!(c, '(' | '[' | '*' | '_' | '-' | '\u{2014}');
    if before.trim_end_matches(opening).is_empty() {
        return false;
    }
    let content = &text[q.inner];
    let words = content.split_whitespace().count();
    if last.is_alphanumeric() {
        if is_title_case(content, MAX_TITLE_WORDS) {
            return true;
        }
        if words <= MAX_RUN_IN_TERM_WORDS && !cue_before(text, para.start + before.len(), para.start, matcher) {
            return true;
        }
    }
    if matches!(last, '.' | '!' | '?' | ':') {
        return false;
    }
    let end = content.trim_end_matches(['_', '*']).chars().next_back();
    let ends_like_speech = matches!(end, Some('.' | '!' | '?' | ',' | '\u{2026}' | ';' | ':' | '-' | '\u{2014}'));
    !ends_like_speech && (words <= MAX_BARE_TERM_WORDS || is_title_case(content, MAX_TITLE_WORDS))
}

/// True when the mark at `pos` starts a line indented by two or more
/// spaces: a block quotation set off from the text.
fn is_indented_block(text: &str, pos: usize) -> bool {
    let line_start = text[..pos].rfind('\n').map_or(0, |i| i + 1);
    let indent = &text[line_start..pos];
    indent.len() >= 2 && indent.len() <= CUE_WINDOW && indent.chars().all(|c| c == ' ' || c == '\t')
}

/// True when every word of `s` (at most `max` words) is capitalised, a
/// number, or a small function word: `Meet the Press.`, `Gang of Eight`.
fn is_title_case(s: &str, max: usize) -> bool {
    const SMALL: &[&str] =
        &["of", "the", "a", "an", "and", "in", "on", "to", "for", "at", "by", "or", "with", "from", "is", "as", "vs."];
    let s = s.trim_end_matches(['.', ',', ';', ':', '_', '*']);
    let mut n = 0;
    for w in s.split_whitespace() {
        n += 1;
        if n > max {
            return false;
        }
        let first = w.chars().find(|c| c.is_alphanumeric());
        let ok = match first {
            Some(c) => c.is_uppercase() || c.is_numeric() || SMALL.contains(&w),
            None => true,
        };
        if !ok {
            return false;
        }
    }
    n > 0
}

/// True when a reporting cue stands in the sentence that ends at byte
/// `end` (the text before a quote), searching back at most
/// [`CUE_WINDOW`] bytes and not before `floor`.
fn cue_before(text: &str, end: usize, floor: usize, matcher: &CueMatcher) -> bool {
    let mut start = end.saturating_sub(CUE_WINDOW).max(floor);
    while !text.is_char_boundary(start) {
        start += 1;
    }
    let window = &text[start..end];
    // The sentence starts after the last terminator followed by a space.
    let sentence = window
        .char_indices()
        .rev()
        .find(|&(i, c)| {
            matches!(c, '.' | '!' | '?') && window[i + c.len_utf8()..].starts_with(|n: char| n.is_whitespace())
        })
        .map_or(window, |(i, c)| &window[i + c.len_utf8()..]);
    !matcher.find_all(sentence).is_empty()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn title_case() {
        assert!(is_title_case("Meet the Press.", 8));
        assert!(is_title_case("Gang of Eight", 8));
        assert!(is_title_case("13th,", 8));
        assert!(!is_title_case("total opportunist", 8));
        assert!(!is_title_case("One Two Three Four Five Six Seven Eight Nine", 8));
        assert!(!is_title_case("", 8));
    }

    #[test]
    fn indented_blocks() {
        let t = "CHAPTER I\n\n    \"Since I can do no good\"";
        assert!(is_indented_block(t, t.find('"').unwrap()));
        let t = "He said \"no.\"";
        assert!(!is_indented_block(t, t.find('"').unwrap()));
    }
}
