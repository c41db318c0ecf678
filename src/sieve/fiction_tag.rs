//! Pass 3 (fiction): tags that novels write without a reporting verb.

use super::{AttrDraft, Draft, Pass};
use crate::genre::Genre;
use crate::lexicon::CharacterWord;
use crate::output::{MentionKind, Rule};
use crate::segment::{Shape, TokKind};

/// Shapes of tag that fiction uses and the news tag patterns miss:
///
/// * an adjective between an inverted cue and the name: `“…,” added little
///   Amy.`;
/// * a noun for what was said, owned by the speaker: `“…,” was Henry's
///   answer.`, `“…,” was his prompt reply.` after the quote, `Denham's
///   private exclamation, “…”` before it;
/// * a verb the lexicon does not know, in the tag position right after the
///   quote and closing the clause: `“…,” Cousin Caroline puffed.`, `“…,”
///   whistled Ned Winsett.`
///
/// Leaves alone a verb that goes on to an object or a place (`“…” Anne
/// handed the letter to Diana.`): that is narration, for the beat pass, not
/// a tag.
#[derive(Debug, Clone, Copy)]
pub(crate) struct FictionTag;

/// How often this rule is right, before resolution.
pub(crate) const PRIOR: f32 = 0.9;

impl Pass for FictionTag {
    fn apply(&self, d: &mut Draft<'_>) {
        if d.genre != Genre::Fiction {
            return;
        }
        for q in 0..d.quotes.len() {
            let quote = d.quotes[q];
            if !d.is_candidate(q) || !quote.kind.is_speech() {
                continue;
            }
            let after = d.token_at(quote.outer.end);
            if let Some((m, c)) = cue_adjective_name(d, after, quote.para) {
                d.attribute(q, AttrDraft::new(m, Some(c), Rule::TrailingTag, PRIOR));
                continue;
            }
            let found = noun_after(d, after, quote.para)
                .or_else(|| verb_after(d, after, quote.para))
                .or_else(|| noun_before(d, d.token_at(quote.outer.start), quote.para));
            if let Some(m) = found {
                d.attribute(q, AttrDraft::new(m, None, Rule::TrailingTag, PRIOR));
            }
        }
    }
}

/// `“…,” added little Amy.`, `said poor Jo`: an inverted cue, one
/// adjective, a name. Returns (mention, cue).
fn cue_adjective_name(d: &Draft<'_>, i: usize, para: u32) -> Option<(usize, usize)> {
    let mut i = i;
    if d.bytes(i) == b"," {
        i += 1;
    }
    let c = d.cue_at(i)?;
    let adj = d.cue_end_token(c);
    let t = d.seg.tokens.get(adj)?;
    if t.para != para || t.shape != Shape::Lower || d.lex.is_function_word(d.word(adj)) || d.cue_at(adj).is_some() {
        return None;
    }
    let m = d.mention_at(adj + 1)?;
    (d.mentions[m].kind == MentionKind::Name && d.can_speak(m) && !d.frames(c).has(crate::cue::Frames::ADDRESSEE))
        .then_some((m, c))
}

/// True when token `i` is a speech noun (`reply`, `exclamation`).
fn speech_noun(d: &Draft<'_>, i: usize) -> bool {
    d.lex.character_word(d.word(i)).is_some_and(|(k, _)| k == CharacterWord::Speech)
}

/// The owner of a speech noun phrase starting at token `i` (`Henry's
/// answer`, `his prompt reply`), and the token after the noun.
fn owned_speech(d: &Draft<'_>, i: usize, para: u32) -> Option<(usize, usize)> {
    let m = d.mention_at(i)?;
    let mention = &d.mentions[m];
    let owner = match mention.kind {
        // `Henry's`: a possessive name.
        MentionKind::Name => mention.possessive,
        // `his`, `her` before a speech noun (see `character.rs`).
        MentionKind::Pronoun => true,
        _ => false,
    };
    if !owner {
        return None;
    }
    let first = mention.end as usize;
    for j in first..first + 3 {
        let t = d.seg.tokens.get(j)?;
        if t.para != para || t.kind != TokKind::Word {
            return None;
        }
        if speech_noun(d, j) {
            return Some((m, j + 1));
        }
        // (`was Edmund's only reply`: any plain word may stand between.)
        if t.shape != Shape::Lower || matches!(d.bytes(j), b"and" | b"or" | b"but" | b"to" | b"of") {
            return None;
        }
    }
    None
}

/// `“…,” was Henry's answer.`: the owner of the speech noun after `was`.
fn noun_after(d: &Draft<'_>, i: usize, para: u32) -> Option<usize> {
    let mut i = i;
    if d.bytes(i) == b"," {
        i += 1;
    }
    if !matches!(d.bytes(i), b"was" | b"came") || d.seg.tokens.get(i)?.para != para {
        return None;
    }
    owned_speech(d, i + 1, para).map(|(m, _)| m)
}

/// `Denham's private exclamation, “…”`: the owner of a speech noun that
/// ends just before the quote (over a comma or colon).
fn noun_before(d: &Draft<'_>, open: usize, para: u32) -> Option<usize> {
    let mut j = open.checked_sub(1)?;
    if matches!(d.bytes(j), b"," | b":") {
        j = j.checked_sub(1)?;
    }
    if d.seg.tokens.get(j)?.para != para || !speech_noun(d, j) {
        return None;
    }
    // The owner starts at most four words before the noun.
    (j.saturating_sub(4)..j).find_map(|k| owned_speech(d, k, para).filter(|&(_, end)| end == j + 1).map(|(m, _)| m))
}

/// `“…,” Cousin Caroline puffed.` / `“…,” whistled Ned Winsett.`: a verb
/// in `-ed` next to a name or `he`/`she` right after the quote, closing the
/// clause (a full stop, a comma, a semicolon, an adverb, the paragraph's
/// end).
fn verb_after(d: &Draft<'_>, i: usize, para: u32) -> Option<usize> {
    let mut i = i;
    if d.bytes(i) == b"," {
        i += 1;
    }
    let is_verb = |k: usize| {
        let w = d.word(k);
        d.seg.tokens.get(k).is_some_and(|t| t.shape == Shape::Lower && t.para == para)
            && w.len() > 4
            && w.ends_with("ed")
            && !d.lex.is_function_word(w)
    };
    let speaker = |m: usize| {
        let x = &d.mentions[m];
        d.can_speak(m)
            && match x.kind {
                MentionKind::Name | MentionKind::Narrator => true,
                MentionKind::Pronoun => !x.plural && x.gender != crate::output::Gender::Neuter,
                MentionKind::Nominal => d.cast.of(m).is_some() || d.cast.refers(m).is_some(),
                _ => false,
            }
    };
    let closes = |k: usize| {
        let Some(t) = d.seg.tokens.get(k) else { return true };
        t.para != para || matches!(d.bytes(k), b"." | b"," | b";" | b"!" | b"?" | b":") || d.word(k).ends_with("ly")
    };
    // NAME VERBed
    if let Some(m) = d.mention_at(i).filter(|&m| speaker(m)) {
        let v = d.mentions[m].end as usize;
        if is_verb(v) && closes(v + 1) {
            return Some(m);
        }
    }
    // VERBed NAME
    if is_verb(i) {
        if let Some(m) = d.mention_at(i + 1).filter(|&m| speaker(m)) {
            if closes(d.mentions[m].end as usize) {
                return Some(m);
            }
        }
    }
    None
}
