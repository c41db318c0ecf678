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
//!    a mixed quotation). Cues are known only to the full analysis, which
//!    finds them anyway; the finder alone does not look for them, so there
//!    every short run-in quote is a term.
//! 5. A quote that starts a sentence or follows a colon is speech.
//! 6. Otherwise a few words (at most four) without sentence punctuation at
//!    the end, or a Title Case phrase of up to eight, are a term.
//!
//! The sieve still makes a term speech when a tag attributes it (`“Heat,”
//! she said`).
//!
//! In fiction, once the genre is known, one more rule applies
//! ([`is_run_in_phrase`]): a quote right after a determiner, a naming verb,
//! or (when it opens with a lower-case word) a preposition of
//! `phrase_heads.txt` is a phrase of the narrator's sentence (`what people
//! called “society”`), and stays a term whatever tag follows it. Measured
//! on the dev corpora: PDNC overlap F1 .9760 → .9773, LitBank .9651 →
//! .9734. Tried and dropped: keeping such a quote speech when a reporting
//! cue precedes it in its sentence, as rule 4 does (novels narrate with
//! `said` everywhere; it gave back most of PDNC's gain and a third of
//! LitBank's).
//!
//! Measured on the dev corpora (overlap F1 of the evaluate example): rule 3
//! mostly adds recall (cut-off speech such as `"The General "` in PDNC),
//! rules 2 and 4 mostly precision (LitBank's scare quotes, PolNeAR's show
//! titles). Tried and dropped: making every lowercase fragment run into its
//! sentence a term whatever its length (loses PolNeAR's mixed quotes whose
//! reporting verb is not in the cue lexicon), and a longer limit than three
//! words in rule 4 (no gain on any corpus).

use super::marks::Family;
use super::{RawQuote, Work};
use crate::lexicon::{Lexicons, PhraseHead};
use crate::span::Span;

/// At most this many words make a term under rule 4.
const MAX_RUN_IN_TERM_WORDS: usize = 3;
/// At most this many words make a Title Case phrase a title.
const MAX_TITLE_WORDS: usize = 8;
/// At most this many words without final punctuation make a term (rule 6).
const MAX_BARE_TERM_WORDS: usize = 4;
/// Content longer than this (in bytes) is too long for a term or a title;
/// reading no further keeps each quote's cost O(1), nested quotes included.
const MAX_TERM_BYTES: usize = 160;
/// How far back (in bytes) a line's indentation is looked for.
const MAX_INDENT: usize = 64;

/// Classifies the quotes of one text, paragraph by paragraph, remembering
/// the sentence starts found in the current paragraph.
pub(crate) struct Classifier<'t> {
    text: &'t str,
    /// Starts of the text's reporting cues, in order, when the caller found
    /// them ([`Attributor::attribute`](crate::Attributor::attribute) does;
    /// the finder alone does not, and then no cue keeps a run-in quote
    /// speech).
    cues: Option<&'t [usize]>,
    /// The paragraph whose sentence starts are cached.
    cached: Option<Span>,
    /// Sentence starts found in it (after `.` `!` `?` and a space).
    stops: Vec<usize>,
    /// How far the cached paragraph has been searched.
    searched: usize,
}

impl<'t> Classifier<'t> {
    pub(crate) fn new(text: &'t str, cues: Option<&'t [usize]>) -> Classifier<'t> {
        Classifier { text, cues, cached: None, stops: Vec::new(), searched: 0 }
    }

    /// True when quote `q` of paragraph `para` reads as a term, a title or
    /// a scare quote rather than speech. Adds the bytes it reads to `work`.
    pub(crate) fn is_term(&mut self, para: Span, q: &RawQuote, work: &mut Work) -> bool {
        let text = self.text;
        if q.family == Family::Dash {
            return false;
        }
        if is_indented_block(text, q.outer.start) {
            return true;
        }
        // The last character before the quote in its paragraph; none when
        // the quote opens the paragraph (after brackets or a dash at most).
        let before_end = crate::segment::trim(text, Span::new(para.start, q.outer.start)).map_or(para.start, |s| s.end);
        let before = &text[para.start..before_end];
        let Some(last) = before.chars().next_back() else {
            return false;
        };
        let opening = |c: char| c.is_whitespace() || matches!(c, '(' | '[' | '*' | '_' | '-' | '\u{2014}');
        if opening(last) && before.trim_end_matches(opening).is_empty() {
            return false;
        }
        let content = &text[q.inner];
        if matches!(last, '.' | '!' | '?' | ':') {
            // (A title opening its sentence: `“The Big Short” was nominated`.)
            return last != ':' && is_title_opening_sentence(text, para, q, content, self.cues, work);
        }
        // Too long to be a term: its words are neither counted nor read.
        if content.len() > MAX_TERM_BYTES {
            work.steps += 1;
            return false;
        }
        work.steps += content.len() + 1;
        if last.is_alphanumeric() {
            if is_title_case(content, MAX_TITLE_WORDS) {
                return true;
            }
            if count_words(content, MAX_RUN_IN_TERM_WORDS + 1) <= MAX_RUN_IN_TERM_WORDS
                && !self.cue_before(para, para.start + before.len(), work)
            {
                return true;
            }
        }
        let end = content.trim_end_matches(['_', '*']).chars().next_back();
        let ends_like_speech = matches!(end, Some('.' | '!' | '?' | ',' | '\u{2026}' | ';' | ':' | '-' | '\u{2014}'));
        !ends_like_speech
            && (count_words(content, MAX_BARE_TERM_WORDS + 1) <= MAX_BARE_TERM_WORDS
                || is_title_case(content, MAX_TITLE_WORDS))
    }

    /// True when a reporting cue stands in the sentence of paragraph `para`
    /// that runs up to byte `end`.
    ///
    /// Sentence starts are found by reading the paragraph backwards from
    /// `end`, never reading a byte twice: the starts found so far are kept,
    /// with how far the reading has gone.
    fn cue_before(&mut self, para: Span, end: usize, work: &mut Work) -> bool {
        let Some(cues) = self.cues else { return false };
        // The last cue before `end` in this paragraph, if any.
        let k = cues.partition_point(|&c| c < end);
        let Some(&cue) = k.checked_sub(1).and_then(|k| cues.get(k)) else { return false };
        if cue < para.start {
            return false;
        }
        if self.cached != Some(para) {
            self.cached = Some(para);
            self.searched = para.start;
            self.stops.clear();
        }
        if end > self.searched {
            // The sentence starts after the last terminator before `end`;
            // look back no further than the reading has already gone.
            let fresh = &self.text[self.searched..end];
            work.steps += fresh.len();
            let from = fresh
                .char_indices()
                .rev()
                .find(|&(i, c)| {
                    matches!(c, '.' | '!' | '?') && fresh[i + c.len_utf8()..].starts_with(char::is_whitespace)
                })
                .map(|(i, _)| self.searched + i + 1);
            if let Some(from) = from {
                self.stops.push(from);
            }
            self.searched = end;
        }
        let s = self.stops.partition_point(|&t| t <= end);
        let sentence_start = s.checked_sub(1).and_then(|s| self.stops.get(s)).copied().unwrap_or(para.start);
        cue >= sentence_start
    }
}

/// The longest word (in bytes) read before a quote by
/// [`is_run_in_phrase`]; longer words are not in `phrase_heads.txt`.
const MAX_HEAD_BYTES: usize = 16;

/// Fiction only: true when quote `q` of paragraph `para` is run into the
/// narrator's sentence as a phrase of it, right after a word of
/// `phrase_heads.txt`: a determiner (`the “younger set”`), a naming verb
/// (`what people called “society”`), or a preposition when the quote opens
/// with a lower-case word (`a case of “capricious fortune”`; `a cry of
/// “Help me!”` is speech). An exclamation or a question in the marks stays
/// speech (`called “Halt!”`).
///
/// Novels quote the words of a set, a family or a class of people inside
/// their narration this way; the annotated dialogue of a novel does not
/// count them. Reads at most [`MAX_HEAD_BYTES`] before the quote and
/// [`MAX_TERM_BYTES`] of its content at each end.
pub(crate) fn is_run_in_phrase(text: &str, para: Span, q: &RawQuote, lex: &Lexicons) -> bool {
    if q.family == Family::Dash || q.outer.start <= para.start {
        return false;
    }
    let before = text[para.start..q.outer.start].trim_end();
    // The word right before the mark: letters up to MAX_HEAD_BYTES back,
    // not glued to a longer word.
    let mut word_start = before.len();
    for (i, c) in before.char_indices().rev() {
        if !c.is_alphabetic() {
            break;
        }
        if before.len() - i > MAX_HEAD_BYTES {
            return false;
        }
        word_start = i;
    }
    let word = &before[word_start..];
    let Some(&head) = (!word.is_empty()).then(|| lex.phrase_heads.get(word)).flatten() else {
        return false;
    };
    let content = &text[q.inner];
    let opening = content.get(..floor_boundary(content, MAX_TERM_BYTES)).unwrap_or("");
    let closing = content.get(ceil_boundary(content, content.len().saturating_sub(MAX_TERM_BYTES))..).unwrap_or("");
    let asks_or_exclaims =
        closing.trim_end_matches(['_', '*', '"', '\'', '\u{201d}', '\u{2019}', ')', ' ', '\n']).ends_with(['!', '?']);
    if asks_or_exclaims {
        return false;
    }
    match head {
        PhraseHead::Determiner | PhraseHead::Naming => true,
        PhraseHead::Preposition => opening.chars().find(|c| c.is_alphanumeric()).is_some_and(char::is_lowercase),
    }
}

/// The largest char boundary of `s` at or below `i`.
pub(super) fn floor_boundary(s: &str, i: usize) -> usize {
    let mut i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The smallest char boundary of `s` at or above `i`.
fn ceil_boundary(s: &str, i: usize) -> usize {
    let mut i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i += 1;
    }
    i
}

/// True when the mark at `pos` starts a line indented by two or more
/// spaces: a block quotation set off from the text.
fn is_indented_block(text: &str, pos: usize) -> bool {
    let bytes = text.as_bytes();
    if pos < 2 || !matches!(bytes.get(pos - 1), Some(b' ' | b'\t')) {
        return false;
    }
    let from = pos.saturating_sub(MAX_INDENT);
    let indent = bytes[from..pos].iter().rev().take_while(|&&b| b == b' ' || b == b'\t').count();
    let line_start = pos - indent;
    indent >= 2 && (line_start == 0 || bytes[line_start - 1] == b'\n') && indent < MAX_INDENT
}

/// The number of words of `s` (runs of bytes other than ASCII space), up
/// to `cap`.
pub(super) fn count_words(s: &str, cap: usize) -> usize {
    let mut n = 0;
    let mut in_word = false;
    for &b in s.as_bytes() {
        let space = b.is_ascii_whitespace();
        if !space && !in_word {
            n += 1;
            if n >= cap {
                return n;
            }
        }
        in_word = !space;
    }
    n
}

/// True when quote `q`, opening a sentence, reads as a title: two to eight
/// Title Case words with no punctuation of their own, followed by a
/// lower-case word (`“The Big Short” was nominated`). Speech ends with
/// punctuation or is followed by its tag.
pub(crate) fn is_title_opening_sentence(
    text: &str,
    para: Span,
    q: &RawQuote,
    content: &str,
    cues: Option<&[usize]>,
    work: &mut Work,
) -> bool {
    if content.len() > MAX_TERM_BYTES {
        return false;
    }
    work.steps += content.len() + 1;
    let ends = content.trim_end().chars().next_back();
    if ends.is_none_or(|c| !c.is_alphanumeric())
        || count_words(content, 3) < 2
        || !is_title_case(content, MAX_TITLE_WORDS)
    {
        return false;
    }
    let after = &text[q.outer.end..para.end.max(q.outer.end)];
    let rest = after.trim_start();
    // (Not before its tag: `“Good Morning” she said`, `“Good Morning”
    // said the clerk`.)
    let word = rest.split(|c: char| !c.is_alphabetic()).next().unwrap_or("");
    let at = para.end.max(q.outer.end) - rest.len();
    let tag = matches!(word, "he" | "she" | "they" | "i" | "we" | "you" | "it")
        || cues.is_some_and(|c| c.binary_search(&at).is_ok());
    rest.chars().next().is_some_and(char::is_lowercase) && !tag
}

/// At most this many words make a single-quoted paragraph a subhead.
const MAX_SUBHEAD_WORDS: usize = 8;

/// True when single-quoted `q` is the whole of its paragraph and short: in
/// a news story quoted in double marks, a pull quote set as a section's
/// heading (`'A really tough decision.'`). Reads a bounded stretch.
pub(crate) fn is_subhead(text: &str, para: Span, q: &RawQuote) -> bool {
    q.family == Family::Single
        && text.get(para.start..q.outer.start).is_some_and(|b| b.trim_end().is_empty())
        && text.get(q.outer.end..para.end).is_some_and(|a| a.trim_start().is_empty())
        && q.inner.len() <= MAX_TERM_BYTES
        && text.get(q.inner.range()).is_some_and(|c| count_words(c, MAX_SUBHEAD_WORDS + 1) <= MAX_SUBHEAD_WORDS)
}

/// True when quote `q` stands right after a comma and its words are Title
/// Case: a title in an apposition or a list (`his new book, “Crippled
/// America,” was`, `the show, “Politicking.”`, `roles in “Heat,” “Apollo
/// 13,” and …`). Reads a bounded stretch.
pub(crate) fn is_title_after_comma(text: &str, q: &RawQuote) -> bool {
    let before = text.get(..q.outer.start).unwrap_or_default();
    let trimmed = before.trim_end();
    let gap = before.len() - trimmed.len();
    // (Or after the comma of a title before it, inside its closing mark:
    // `roles in “How the Grinch Stole Christmas,” “Apollo 13,” and …`.)
    let trimmed = trimmed.strip_suffix(['"', '\u{201d}']).unwrap_or(trimmed);
    gap <= 4
        && trimmed.ends_with(',')
        && q.inner.len() <= MAX_TERM_BYTES
        && text.get(q.inner.range()).is_some_and(|c| is_title_case(c, MAX_TITLE_WORDS))
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words() {
        assert_eq!(count_words("", 9), 0);
        assert_eq!(count_words("  one two\tthree\n", 9), 3);
        assert_eq!(count_words("a b c d e f", 4), 4);
    }

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
