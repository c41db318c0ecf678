//! Pass 11 (fiction): who is spoken to.

use super::{Draft, Pass};
use crate::genre::Genre;
use crate::output::MentionKind;
use crate::segment::TokKind;

/// Finds the addressee of each quotation: a name in vocative position
/// inside it (`“I tell you, Mary, I won't have it.”`, `“Mr. Crane?”`,
/// `“Oh, my dear Watson!”`), or else the name after an addressee cue in its
/// tag (`Anne assured Marilla`). It records the addressee and makes no
/// attribution: a vocative names the person spoken to, never the speaker,
/// and the conversation pass uses it for turn-taking (whoever is addressed
/// in one turn is likely to speak the next).
///
/// Leaves alone a name that the quote talks about rather than to
/// (`“Mary is coming,”`, `“I saw Mary and Kitty.”`): a vocative stands
/// between commas or sentence marks, or at the edge of the quote.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Addressee;

impl Pass for Addressee {
    fn apply(&self, d: &mut Draft<'_>) {
        if d.genre != Genre::Fiction {
            return;
        }
        for q in 0..d.quotes.len() {
            let quote = d.quotes[q];
            if quote.parent.is_some() || !quote.kind.is_speech() || quote.addressee.is_some() {
                continue;
            }
            let found = vocative(d, q).or_else(|| tag_object(d, q));
            d.quotes[q].addressee = found;
        }
    }
}

/// The first name in vocative position inside quote `q`.
fn vocative(d: &Draft<'_>, q: usize) -> Option<usize> {
    let inner = d.quotes[q].inner;
    let lo = d.mentions.partition_point(|m| m.span.start < inner.start);
    let hi = d.mentions.partition_point(|m| m.span.start < inner.end);
    (lo..hi).find(|&m| {
        let mention = &d.mentions[m];
        // (A word that only ever opens sentences, `“Enough, sir!”`, calls
        // nobody.)
        let someone = d.cast.of(m).is_some_and(|c| d.cast.characters[c].person || d.cast.is_mid(c));
        mention.kind == MentionKind::Name
            && someone
            && mention.span.end <= inner.end
            && !mention.possessive
            && opens_vocative(d, mention.first as usize, inner.start)
            && closes_vocative(d, mention.end as usize, inner.end)
    })
}

/// True when the word at token `first` can start a vocative: it opens the
/// quote or follows a comma, a sentence mark, a dash or an interjection
/// (`Oh, Marilla`, `my dear Watson`, `dear Jane`).
fn opens_vocative(d: &Draft<'_>, first: usize, inner_start: usize) -> bool {
    let Some(prev) = first.checked_sub(1).and_then(|p| d.seg.tokens.get(p).map(|t| (p, t))) else { return true };
    let (p, t) = prev;
    if t.span.end <= inner_start {
        return true;
    }
    let w = d.word(p);
    if t.kind == TokKind::Punct {
        return matches!(w, "," | "!" | "?" | "." | ";" | "\u{2014}" | "-" | "\u{2013}");
    }
    crate::lexicon::with_lower(w, |w| matches!(w, "dear" | "dearest" | "oh" | "o" | "ah" | "poor"))
}

/// True when token `end` (just after a name) can close a vocative: the end
/// of the quote, a comma or a sentence mark.
fn closes_vocative(d: &Draft<'_>, end: usize, inner_end: usize) -> bool {
    let Some(t) = d.seg.tokens.get(end) else { return true };
    if t.span.start >= inner_end {
        return true;
    }
    t.kind == TokKind::Punct
        && matches!(d.bytes(end), b"," | b"!" | b"?" | b"." | b";" | b"\xe2\x80\x94" | b"\xe2\x80\xa6")
}

/// The name right after the cue of the quote's tag when that cue takes an
/// addressee (`Anne assured Marilla`, `asked Jane whether`), or after `to`
/// (`said Elizabeth to Jane`, `said to Darcy`), and the speaker stands
/// elsewhere.
fn tag_object(d: &Draft<'_>, q: usize) -> Option<usize> {
    let a = d.quotes[q].attr?;
    let c = a.cue?;
    let after = d.cue_end_token(c);
    let name = |m: usize| (m != a.mention && d.mentions[m].kind == MentionKind::Name).then_some(m);
    if d.frames(c).has(crate::cue::Frames::ADDRESSEE) {
        return d.mention_at(after).and_then(name);
    }
    // `said Elizabeth to her sister`, `said to Darcy`: `to` and a name
    // after the cue or after the speaker that follows it.
    let speaker_end = d.mentions[a.mention].end as usize;
    let to = if d.bytes(after) == b"to" {
        after
    } else if d.mentions[a.mention].first as usize == after && d.bytes(speaker_end) == b"to" {
        speaker_end
    } else {
        return None;
    };
    d.mention_at(to + 1).and_then(name)
}
