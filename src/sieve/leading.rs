//! Pass 3: a tag before the opening mark.

use super::{AttrDraft, Draft, Pass};
use crate::output::Rule;
use crate::segment::TokKind;

/// A speaker tag before a quote, in its sentence: `Havel said: “…”`, `He
/// added, “…”`, `said Havel, “…”`, `Espinoza tells Breitbart News, “…”`,
/// `Trump returned the compliment, telling Reuters, “…”` (the sentence's
/// subject speaks); or, for a quote that opens a paragraph, at the end of
/// the previous paragraph when that ends with a colon (`In a 1963 speech,
/// he declared:` ¶ `“…”`).
///
/// Leaves alone a cue that is further than a few words from the mark
/// (`She said the talks, which began in “good faith”, failed`): that is a
/// report with a quoted fragment, not a tag.
#[derive(Debug, Clone, Copy)]
pub(crate) struct LeadingTag;

/// How often this rule is right, before resolution.
pub(crate) const PRIOR: f32 = 0.91;
/// The same, for a colon at the end of the previous paragraph.
pub(crate) const COLON_PRIOR: f32 = 0.8;
/// How often a tag sentence before the quote (`X agreed. “…”`) is right.
pub(crate) const SENTENCE_PRIOR: f32 = 0.75;
/// The most tokens after the cue in such a sentence (`continued his
/// remarks.`).
const MAX_SENTENCE_TAIL: usize = 4;

/// The most tokens allowed between the end of the cue and the mark
/// (`told reporters on Friday:`).
const MAX_GAP: usize = 6;

impl Pass for LeadingTag {
    fn apply(&self, d: &mut Draft<'_>) {
        for q in 0..d.quotes.len() {
            if !d.is_candidate(q) {
                continue;
            }
            let quote = d.quotes[q];
            let open = d.token_at(quote.outer.start);
            if open == 0 {
                continue;
            }
            let same_para = d.seg.tokens[open - 1].para == quote.para;
            if same_para {
                if let Some((m, c)) = tag_before(d, open) {
                    d.attribute(q, AttrDraft::new(m, Some(c), Rule::LeadingTag, PRIOR));
                } else if let Some(a) = name_colon(d, open) {
                    d.attribute(q, a);
                } else if let Some((m, c)) = tag_sentence_before(d, open) {
                    d.attribute(q, AttrDraft::new(m, Some(c), Rule::LeadingTag, SENTENCE_PRIOR));
                }
                continue;
            }
            // The quote opens its paragraph: a colon at the end of the
            // previous one introduces it.
            if d.bytes(open - 1) != b":" {
                continue;
            }
            if let Some((m, c)) = tag_before(d, open) {
                d.attribute(q, AttrDraft::new(m, Some(c), Rule::ColonIntro, COLON_PRIOR));
            } else if let Some(a) = name_colon(d, open) {
                d.attribute(q, a);
            } else if let Some(m) = d.subject_of_sentence(open - 1) {
                // (The subject's own verb of saying, further back in the
                // sentence, is the cue: `Eaton said that, given the
                // candidates on both sides:` ¶ `“…”`.)
                let cue = subjects_cue(d, open - 1, m);
                let mut a = AttrDraft::new(m, cue, Rule::ColonIntro, COLON_PRIOR * 0.9);
                if cue.is_none() {
                    a.colon = Some(d.seg.tokens[open - 1].span);
                }
                d.attribute(q, a);
            }
        }
    }
}

/// Looks for a tag ending just before token `open` (an opening mark), in
/// the same sentence. Returns (mention, cue).
fn tag_before(d: &Draft<'_>, open: usize) -> Option<(usize, usize)> {
    let sentence = d.seg.sentence_of_token(open - 1);
    let first = d.seg.sentences.get(sentence).map_or(0, |s| s.first as usize);
    // Walk back over the punctuation before the mark.
    let mut j = open;
    while j > first
        && d.seg.tokens[j - 1].kind == TokKind::Punct
        && matches!(d.bytes(j - 1), b"," | b":" | b"\xe2\x80\x94" | b"-")
    {
        j -= 1;
    }
    // The last cue in the sentence before j, at most MAX_GAP tokens away.
    let start_pos = d.seg.tokens.get(first)?.span.start;
    let end_pos = d.seg.tokens.get(j.checked_sub(1)?)?.span.end;
    let c = last_free_cue(d, start_pos, end_pos)?;
    let hit = d.cues[c];
    let cue_end = d.cue_end_token(c);
    if j.saturating_sub(cue_end) > MAX_GAP {
        return None;
    }
    // Words between the cue and the mark must end in a comma or colon
    // (`told reporters on Friday: “…”`); otherwise the quote is a fragment
    // of a reported clause (`said the plan was “dead”`), left to the
    // reported-speech pass. A time phrase may stand there bare (`said on
    // Monday “…”`).
    if j > cue_end && j == open && d.time_phrase_after(cue_end) != Some(j) {
        return None;
    }
    // No other quote between the cue and the mark.
    if d.top_overlapping(crate::span::Span::new(hit.span.end, d.seg.tokens[open].span.start))
        .any(|q| d.quotes[q].outer.start >= hit.span.end && d.quotes[q].outer.end <= d.seg.tokens[open].span.start)
    {
        return None;
    }
    // CUE SPEAKER: `said Havel, “…”` (not `told Reuters`, an addressee).
    if !d.frames(c).has(crate::cue::Frames::ADDRESSEE) {
        if let Some(m) = d.mention_at(cue_end) {
            if d.can_speak(m) && d.mentions[m].end as usize == j {
                return Some((m, c));
            }
        }
    }
    let m = d.speaker_before(c)?;
    Some((m, c))
}

/// The last free verb of saying of mention `m` in the sentence that ends
/// at token `colon`.
fn subjects_cue(d: &Draft<'_>, colon: usize, m: usize) -> Option<usize> {
    let sentence = d.seg.sentences.get(d.seg.sentence_of_token(colon))?;
    let from = d.seg.tokens.get(sentence.first as usize)?.span.start;
    let to = d.seg.tokens.get(colon)?.span.start;
    d.cues_within(from, to)
        .filter(|&c| !d.cue_used[c] && d.matcher.is_speech(d.cues[c]) && d.speaker_before(c) == Some(m))
        .last()
}

/// `Bush: “…”`, `Kathleen Parker, The Washington Post: “…”`: a speaker
/// directly before a colon that introduces the quote (transcripts, lists of
/// reactions).
fn name_colon(d: &Draft<'_>, open: usize) -> Option<AttrDraft> {
    let colon = open.checked_sub(1)?;
    if d.bytes(colon) != b":" {
        return None;
    }
    let m = d.mention_ending_at(colon).filter(|&m| d.can_speak(m))?;
    // `NAME, OUTLET:` names the person, not the outlet.
    let m = match d.mentions[m].first.checked_sub(1).map(|k| k as usize) {
        Some(k) if d.bytes(k) == b"," => d.mention_ending_at(k).filter(|&p| d.can_speak(p)).unwrap_or(m),
        _ => m,
    };
    // The mention must open its sentence: `… he said of the plan:` is a
    // tag's object, not a speaker.
    let first = d.mentions[m].first as usize;
    let sentence = d.seg.sentences.get(d.seg.sentence_of_token(first))?;
    if (sentence.first as usize..first).any(|k| d.seg.tokens[k].kind != crate::segment::TokKind::Punct) {
        return None;
    }
    let mut a = AttrDraft::new(m, None, Rule::ColonIntro, COLON_PRIOR);
    a.colon = Some(d.seg.tokens[colon].span);
    Some(a)
}

/// In news, a short sentence that is only a tag, right before the quote:
/// `Dianne Bystrom agreed. “…”`, `Her friend, a student, chimed in. “…”`.
/// (Fiction reads such sentences as beats: a later pass decides.)
fn tag_sentence_before(d: &Draft<'_>, open: usize) -> Option<(usize, usize)> {
    if d.genre != crate::genre::Genre::News || !matches!(d.bytes(open.checked_sub(1)?), b"." | b"!") {
        return None;
    }
    let stop = open - 1;
    let sentence = d.seg.sentences.get(d.seg.sentence_of_token(stop))?;
    let first = sentence.first as usize;
    let end_pos = d.seg.tokens[stop].span.start;
    let c = last_free_cue(d, d.seg.tokens.get(first)?.span.start, end_pos)?;
    if stop.saturating_sub(d.cue_end_token(c)) > MAX_SENTENCE_TAIL {
        return None;
    }
    // (No quotation in the sentence: it would hold its own speech.)
    let span = crate::span::Span::new(d.seg.tokens[first].span.start, end_pos);
    if d.top_overlapping(span).next().is_some() {
        return None;
    }
    // (The sentence is the tag: it opens with its speaker. `Or maybe Bush,
    // a consultant says.` reports a clause of its own.)
    // (Or after a circumstance: `On the other side, Cruz tweeted a
    // warning.`)
    let m = d.speaker_before(c)?;
    let mf = d.mentions[m].first as usize;
    let opens = (first..mf).all(|k| d.seg.tokens[k].kind == TokKind::Punct)
        || mf > first + 1
            && d.bytes(mf - 1) == b","
            && crate::lexicon::with_lower(d.word(first), |w| {
                matches!(w, "on" | "in" | "at" | "after" | "during" | "later" | "then" | "earlier" | "meanwhile")
            });
    opens.then_some((m, c))
}

/// The last cue starting before byte `end_pos`, when it starts at or after
/// `start_pos` and no quote has taken it yet.
fn last_free_cue(d: &Draft<'_>, start_pos: usize, end_pos: usize) -> Option<usize> {
    let c = d.cues.partition_point(|c| c.span.start < end_pos).checked_sub(1)?;
    (d.cues[c].span.start >= start_pos && !d.cue_used[c]).then_some(c)
}
