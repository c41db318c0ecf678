//! Pass 4 (fiction): narration that introduces the quote after it.

use super::{AttrDraft, Draft, Pass};
use crate::genre::Genre;
use crate::output::{MentionKind, Rule};
use crate::segment::TokKind;

/// In a novel a paragraph of narration often ends by introducing the speech
/// that opens the next one (`Lady Catherine approached, and, after
/// listening for a few minutes, said to Darcy,` ¶ `“…”`; `Poirot damped my
/// ardour by remarking:` ¶ `“…”`), or a long tag ends in a colon before the
/// quote (`Mrs. Archer added, partly to distract her daughter: “…”`). The
/// speaker is the subject of the introducing clause: the nearest character
/// before its cue (or colon) that is not the object of a preposition
/// (`said to Darcy`, `waved her towards Cynthia`), or the one right after
/// an inverted cue (`replied Mr. Collins,`).
///
/// Leaves alone a paragraph that ends with a full stop (`Tom shrugged.` ¶
/// `“…”`: a new paragraph is a new turn), and one that ends with a comma
/// but has no reporting verb near its end (`When she came in,`).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Intro;

/// How often this rule is right, before resolution.
pub(crate) const PRIOR: f32 = 0.8;

/// The most tokens between a cue and the end of the introduction
/// (`said to Darcy in a low voice,`).
const NEAR_END: usize = 8;
/// Same-paragraph introductions closer than this to their quote are the
/// leading-tag pass's.
const LEADING_GAP: usize = 6;

impl Pass for Intro {
    fn apply(&self, d: &mut Draft<'_>) {
        if d.genre != Genre::Fiction {
            return;
        }
        for q in 0..d.quotes.len() {
            let quote = d.quotes[q];
            if !d.is_candidate(q) || !quote.kind.is_speech() {
                continue;
            }
            let open = d.token_at(quote.outer.start);
            let Some(last) = open.checked_sub(1) else { continue };
            let t = d.seg.tokens[last];
            let same_para = t.para == quote.para;
            // Across paragraphs: only from the paragraph just before, and
            // only when the quote opens its own paragraph.
            if !same_para && t.para + 1 != quote.para {
                continue;
            }
            // The introduction ends in a colon, a comma or a dash, or (across
            // paragraphs) with the reporting verb itself (`and said` ¶ `“…”`).
            let w = d.word(last);
            let mark = matches!(w, ":" | "," | "\u{2014}" | "-" | "\u{2013}");
            // (A paragraph that ends on its reporting verb and a full stop,
            // `Sir Thomas … went on.` ¶ `“…”`, was tried as an introduction
            // too: it lost 0.25 points of PDNC dev speaker accuracy.)
            if t.kind == TokKind::Punct && !mark {
                continue;
            }
            let end = if mark { last } else { open };
            // The nearest cue before the end, in the sentence.
            let sentence = d.seg.sentences.get(d.seg.sentence_of_token(end.saturating_sub(1)));
            let Some(first) = sentence.map(|s| s.first as usize) else { continue };
            let start_pos = d.seg.tokens.get(first).map_or(0, |t| t.span.start);
            let end_pos = d.seg.tokens.get(end.saturating_sub(1)).map_or(0, |t| t.span.end);
            let k = d.cues.partition_point(|c| c.span.start < end_pos);
            let cue = k.checked_sub(1).filter(|&c| {
                let hit = d.cues[c];
                hit.span.start >= start_pos
                    && !d.cue_used[c]
                    && end.saturating_sub(d.cue_end_token(c)) <= NEAR_END
                    && !quote_between(d, hit.span.end, end_pos)
            });
            if cue.is_none() && w != ":" {
                continue;
            }
            // Short leading tags are the leading-tag pass's, but for a
            // participle (`did her the justice of exclaiming, “…”`) and a
            // tag that runs on into the quote without a comma (`said in a
            // loud voice “In you go!”`), which it leaves alone.
            let runs_on = !mark && d.text[quote.inner].starts_with(char::is_uppercase);
            if same_para
                && cue.is_some_and(|c| {
                    end.saturating_sub(d.cue_end_token(c)) <= LEADING_GAP
                        && !d.word(d.cue_token(c)).ends_with("ing")
                        && !(runs_on && follows_cue(d, d.cue_end_token(c)))
                })
            {
                continue;
            }
            let anchor = cue.map_or(end, |c| d.cue_token(c));
            // `replied Mr. Collins,`: an inverted cue names the speaker.
            let inverted = cue.and_then(|c| {
                let after = d.cue_end_token(c);
                let m = d.mention_at(after)?;
                (!d.frames(c).has(crate::cue::Frames::ADDRESSEE) && speaks(d, m)).then_some(m)
            });
            // The speaker does not name himself in his quote (`… where
            // Katharine was sitting, and exclaimed:` ¶ `“Well, Katharine, …”`).
            let named = named_inside(d, quote.inner);
            let Some(m) = inverted.or_else(|| clause_subject(d, anchor, first, &named)) else { continue };
            let mut a = AttrDraft::new(m, cue, Rule::ColonIntro, PRIOR);
            if cue.is_none() {
                a.colon = Some(d.seg.tokens[last].span);
            }
            d.attribute(q, a);
        }
    }
}

/// True when the word at token `i`, right after a cue, starts a phrase
/// that a tag may carry before its quote: `in a loud voice`, `to Pooh`,
/// `at last`, `softly`.
fn follows_cue(d: &Draft<'_>, i: usize) -> bool {
    let w = d.word(i);
    w.ends_with("ly") || matches!(w, "in" | "to" | "at" | "with" | "without" | "after" | "under" | "through")
}

/// The characters named inside the span `inner`.
fn named_inside(d: &Draft<'_>, inner: crate::span::Span) -> Vec<usize> {
    let lo = d.mentions.partition_point(|m| m.span.start < inner.start);
    (lo..d.mentions.len())
        .take_while(|&m| d.mentions[m].span.start < inner.end)
        .filter(|&m| d.mentions[m].kind == MentionKind::Name)
        .filter_map(|m| d.cast.of(m))
        .collect()
}

/// True when a top-level quote lies between bytes `start` and `end`.
fn quote_between(d: &Draft<'_>, start: usize, end: usize) -> bool {
    d.top_overlapping(crate::span::Span::new(start, end.max(start)))
        .any(|q| d.quotes[q].outer.start >= start && d.quotes[q].outer.end <= end)
}

/// True when mention `m` can be a speaking character.
fn speaks(d: &Draft<'_>, m: usize) -> bool {
    let mention = &d.mentions[m];
    d.can_speak(m)
        && match mention.kind {
            MentionKind::Name | MentionKind::Narrator => true,
            MentionKind::Pronoun => !mention.plural && mention.gender != crate::output::Gender::Neuter,
            MentionKind::Nominal => d.cast.of(m).is_some() || d.cast.refers(m).is_some(),
            _ => false,
        }
}

/// The subject of the clause that runs up to token `anchor` (a cue or a
/// colon), in the sentence starting at token `first`: the nearest
/// character before it that is not the object of a preposition.
fn clause_subject(d: &Draft<'_>, anchor: usize, first: usize, named: &[usize]) -> Option<usize> {
    let hi = d.mentions.partition_point(|m| (m.end as usize) <= anchor);
    (0..hi).rev().take_while(|&m| d.mentions[m].first as usize >= first).find(|&m| {
        let before = (d.mentions[m].first as usize).checked_sub(1).map_or("", |k| d.word(k));
        !d.mentions[m].in_quote
            && speaks(d, m)
            && d.cast.of(m).is_none_or(|c| !named.contains(&c))
            && !crate::lexicon::with_lower(before, |w| {
                matches!(
                    w,
                    "to" | "towards"
                        | "toward"
                        | "at"
                        | "with"
                        | "from"
                        | "of"
                        | "for"
                        | "on"
                        | "by"
                        | "about"
                        | "upon"
                        | "into"
                        | "in"
                        | "after"
                        | "before"
                        | "than"
                        | "like"
                        | "behind"
                        | "beside"
                        | "near"
                        | "round"
                        | "around"
                        | "over"
                        | "under"
                )
            })
    })
}
