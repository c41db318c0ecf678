//! Pass 12 (fiction): an action beat names the speaker.

use super::{AttrDraft, Draft, Pass};
use crate::genre::Genre;
use crate::output::{MentionKind, Rule};
use crate::segment::TokKind;

/// A quote with no tag, whose paragraph also tells what somebody does: the
/// subject of the narration sentence next to the quote, in the same
/// paragraph, is the speaker (`Tom shrugged. “Believe what you like.”`,
/// `“Well?” She looked up.`). The sentence just before the quote is asked
/// first, then the one just after it. The mention may be a pronoun; the
/// conversation pass resolves it.
///
/// Leaves alone a beat in another paragraph (`Tom shrugged.` ¶ `“Believe
/// what you like.”`: a new paragraph is a new turn, and may be anyone's),
/// and a sentence whose subject does not open it (`Her eyes rested on
/// Mary.`: Mary is no subject).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Beat;

/// How often this rule is right, before resolution.
pub(crate) const PRIOR: f32 = 0.8;

/// The most words allowed before a beat's subject (`And then she …`).
const MAX_LEAD: usize = 2;

impl Pass for Beat {
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
            let close = d.token_at(quote.outer.end);
            let before = open.checked_sub(1).filter(|&t| d.seg.tokens[t].para == quote.para);
            let after = d.seg.tokens.get(close).is_some_and(|t| t.para == quote.para).then_some(close);
            let found = before.and_then(|t| subject(d, d.seg.sentence_of_token(t), quote.outer.start)).or_else(|| {
                let t = after?;
                subject(d, d.seg.sentence_of_token(t), usize::MAX)
            });
            if let Some(m) = found {
                d.attribute(q, AttrDraft::new(m, None, Rule::Beat, PRIOR));
            }
        }
    }
}

/// The subject of sentence `s`, if it is a character mention outside
/// quotations that opens the sentence (after at most [`MAX_LEAD`] words)
/// and starts before byte `limit`.
fn subject(d: &Draft<'_>, s: usize, limit: usize) -> Option<usize> {
    let sentence = d.seg.sentences.get(s)?;
    let (first, end) = (sentence.first as usize, sentence.end as usize);
    let mut words = 0usize;
    let mut k = first;
    while k < end {
        let t = d.seg.tokens[k];
        if t.span.start >= limit {
            return None;
        }
        // Skip over a quotation inside the sentence.
        if let Some(q) = d.top_overlapping(crate::span::Span::new(t.span.start, t.span.start + 1)).next() {
            k = d.token_at(d.quotes[q].outer.end).max(k + 1);
            continue;
        }
        if let Some(m) = d.mention_at(k) {
            return is_character(d, m).then_some(m);
        }
        if t.kind != TokKind::Punct {
            words += 1;
            if words > MAX_LEAD {
                return None;
            }
        }
        k += 1;
    }
    None
}

/// True when mention `m` can be a speaking character: a name, the
/// narrator, a singular third-person pronoun for a person, or a
/// description the cast knows.
fn is_character(d: &Draft<'_>, m: usize) -> bool {
    let mention = &d.mentions[m];
    if !d.can_speak(m) {
        return false;
    }
    match mention.kind {
        MentionKind::Name | MentionKind::Narrator => true,
        MentionKind::Pronoun => {
            !mention.plural && matches!(mention.gender, crate::output::Gender::Male | crate::output::Gender::Female)
        }
        MentionKind::Nominal => d.cast.of(m).is_some() || d.cast.refers(m).is_some(),
        _ => false,
    }
}
