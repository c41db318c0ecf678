//! The attribution sieve: ordered passes, each a small type behind the
//! [`Pass`] trait, that link quotes to cues and speaker mentions.
//!
//! Precise rules run first, and an attribution once made is never
//! overridden by a later pass. The default order:
//!
//! 1. [`TrailingTag`](trailing::TrailingTag): `“…,” she said.` / `“…,” said
//!    Havel.`
//! 2. [`LeadingTag`](leading::LeadingTag): `Havel said: “…”` / `She added,
//!    “…”`, and a colon at the end of the previous paragraph.
//! 3. [`Interrupted`](interrupted::Interrupted): `“…,” she said, “…”`: the
//!    second part shares the first part's tag and group.
//! 4. [`UnquotedReport`](unquoted::UnquotedReport): a sentence with no marks
//!    closed by a tag (`…, the diplomat noted.`) becomes an indirect quote.
//! 5. [`Continuation`](continuation::Continuation): a quote with no tag
//!    continues the speaker of the quote just before it.
//!
//! Passes read the [`Draft`] (segments, quotes, cues, mentions) and write
//! only attributions (and, for unquoted reports, new indirect quotes).

mod continuation;
mod interrupted;
mod leading;
mod trailing;
mod unquoted;

pub(crate) use continuation::Continuation;
pub(crate) use interrupted::Interrupted;
pub(crate) use leading::LeadingTag;
pub(crate) use trailing::TrailingTag;
pub(crate) use unquoted::UnquotedReport;

use crate::cue::{CueHit, CueMatcher};
use crate::lexicon::Lexicons;
use crate::mention::Mention;
use crate::output::{MentionKind, QuoteKind, Rule};
use crate::quote::{Closure, RawQuote};
use crate::segment::{Segmentation, TokKind};
use crate::span::Span;

/// One pass of the sieve.
pub(crate) trait Pass:
    core::fmt::Debug + Send + Sync + std::panic::RefUnwindSafe + std::panic::UnwindSafe
{
    /// Adds attributions to the draft. Must not change an attribution that
    /// is already set.
    fn apply(&self, draft: &mut Draft<'_>);
}

/// The default passes, in order.
pub(crate) fn default_passes() -> Vec<Box<dyn Pass>> {
    vec![
        Box::new(TrailingTag),
        Box::new(LeadingTag),
        Box::new(Interrupted),
        Box::new(UnquotedReport),
        Box::new(Continuation),
    ]
}

/// An attribution in the making.
#[derive(Clone, Copy, Debug)]
pub(crate) struct AttrDraft {
    /// Index into [`Draft::mentions`].
    pub mention: usize,
    /// Index into [`Draft::cues`].
    pub cue: Option<usize>,
    pub rule: Rule,
    /// The rule's prior: how often this rule is right.
    pub prior: f32,
}

/// A quote in the making.
#[derive(Clone, Copy, Debug)]
pub(crate) struct QDraft {
    pub outer: Span,
    pub inner: Span,
    pub kind: QuoteKind,
    pub closure: Closure,
    pub depth: u32,
    pub parent: Option<usize>,
    pub para: u32,
    pub group: u32,
    /// For a paragraph that continues a multi-paragraph quotation, the
    /// index of the previous paragraph's part.
    pub continues_from: Option<usize>,
    pub attr: Option<AttrDraft>,
}

/// Everything the passes read and write.
#[derive(Debug)]
pub(crate) struct Draft<'a> {
    pub text: &'a str,
    pub seg: &'a Segmentation,
    pub lex: &'a Lexicons,
    pub matcher: &'a CueMatcher,
    pub quotes: Vec<QDraft>,
    /// Cue hits outside top-level quotations, in text order.
    pub cues: Vec<CueHit>,
    /// For each cue hit, whether an attribution uses it already.
    pub cue_used: Vec<bool>,
    /// Mentions, in text order.
    pub mentions: Vec<Mention>,
}

impl<'a> Draft<'a> {
    /// Builds the draft from the stage outputs.
    pub fn new(
        text: &'a str,
        seg: &'a Segmentation,
        lex: &'a Lexicons,
        matcher: &'a CueMatcher,
        raw: &[RawQuote],
        cues: Vec<CueHit>,
        mentions: Vec<Mention>,
    ) -> Draft<'a> {
        let quotes = raw
            .iter()
            .enumerate()
            .map(|(i, q)| QDraft {
                outer: q.outer,
                inner: q.inner,
                kind: if crate::quote::looks_like_term(text, q.inner) { QuoteKind::Term } else { QuoteKind::Direct },
                closure: q.closure,
                depth: q.depth,
                parent: q.parent,
                para: q.para,
                group: i as u32,
                continues_from: q.continues_from,
                attr: None,
            })
            .collect();
        let cue_used = vec![false; cues.len()];
        let mut d = Draft { text, seg, lex, matcher, quotes, cues, cue_used, mentions };
        // Parts of one multi-paragraph quotation share a group.
        for i in 0..d.quotes.len() {
            if let Some(prev) = d.quotes[i].continues_from {
                d.quotes[i].group = d.quotes[prev].group;
                if d.quotes[prev].kind == QuoteKind::Direct {
                    d.quotes[i].kind = QuoteKind::Direct;
                }
            }
        }
        d
    }

    /// The text of token `i` (empty past the end).
    pub fn word(&self, i: usize) -> &'a str {
        self.seg.tokens.get(i).map_or("", |t| &self.text[t.span])
    }

    /// The index of the cue hit starting at token `i`.
    pub fn cue_at(&self, i: usize) -> Option<usize> {
        let start = self.seg.tokens.get(i)?.span.start;
        let k = self.cues.partition_point(|c| c.span.start < start);
        (self.cues.get(k)?.span.start == start).then_some(k)
    }

    /// The token index just past cue `c`.
    pub fn cue_end_token(&self, c: usize) -> usize {
        let end = self.cues[c].span.end;
        self.seg.tokens.partition_point(|t| t.span.start < end)
    }

    /// The index of the mention starting at token `i` (outside quotes).
    pub fn mention_at(&self, i: usize) -> Option<usize> {
        let k = self.mentions.partition_point(|m| (m.first as usize) < i);
        let m = self.mentions.get(k)?;
        (m.first as usize == i && !m.in_quote).then_some(k)
    }

    /// The index of the mention ending just before token `i` (outside
    /// quotes).
    pub fn mention_ending_at(&self, i: usize) -> Option<usize> {
        let k = self.mentions.partition_point(|m| (m.end as usize) < i);
        let m = self.mentions.get(k)?;
        (m.end as usize == i && !m.in_quote).then_some(k)
    }

    /// True when mention `m` can be a speaker.
    pub fn can_speak(&self, m: usize) -> bool {
        let m = &self.mentions[m];
        !m.possessive && !m.in_quote
    }

    /// True when the word at token `i` is an adverb or auxiliary that may
    /// sit inside a tag (`also said`, `has said`, `said later`).
    pub fn is_tag_filler(&self, i: usize) -> bool {
        let Some(t) = self.seg.tokens.get(i) else { return false };
        if t.kind != TokKind::Word || t.is_capitalized() {
            return false;
        }
        let w = self.word(i);
        w.ends_with("ly")
            || matches!(
                w,
                "also"
                    | "then"
                    | "later"
                    | "again"
                    | "once"
                    | "has"
                    | "had"
                    | "have"
                    | "would"
                    | "will"
                    | "did"
                    | "does"
                    | "do"
                    | "previously"
                    | "earlier"
                    | "further"
                    | "still"
                    | "just"
                    | "now"
                    | "often"
                    | "recently"
                    | "soon"
                    | "even"
                    | "too"
                    | "yet"
                    | "last"
                    | "today"
                    | "yesterday"
                    | "tonight"
            )
    }

    /// Sets quote `q`'s attribution unless it has one.
    pub fn attribute(&mut self, q: usize, attr: AttrDraft) {
        let quote = &mut self.quotes[q];
        if quote.attr.is_none() {
            quote.attr = Some(attr);
            if let Some(used) = attr.cue.and_then(|c| self.cue_used.get_mut(c)) {
                *used = true;
            }
            if quote.kind == QuoteKind::Term {
                quote.kind = QuoteKind::Direct;
            }
        }
    }

    /// The first token inside or after byte `pos`.
    pub fn token_at(&self, pos: usize) -> usize {
        self.seg.token_at_or_after(pos)
    }

    /// True when quote `q` is a top-level quote the passes should attribute.
    pub fn is_candidate(&self, q: usize) -> bool {
        let quote = &self.quotes[q];
        quote.depth == 0 && quote.attr.is_none()
    }

    /// Finds a speaker tag starting at token `i`: `CUE [filler] SPEAKER` or
    /// `SPEAKER [, apposition ,] [filler] CUE`. Returns (mention, cue, end
    /// token).
    pub fn tag_at(&self, i: usize) -> Option<(usize, usize, usize)> {
        let para = self.seg.tokens.get(i)?.para;
        // CUE SPEAKER: `said Havel`, `said the diplomat`, `said he`.
        if let Some(c) = self.cue_at(i) {
            let mut j = self.cue_end_token(c);
            if self.is_tag_filler(j) {
                j += 1;
            }
            if let Some(m) = self.mention_at(j) {
                if self.can_speak(m) && self.seg.tokens.get(j).is_some_and(|t| t.para == para) {
                    return Some((m, c, self.mentions[m].end as usize));
                }
            }
            return None;
        }
        // SPEAKER CUE: `he said`, `the diplomat noted`, `Havel told TASS`.
        let m = self.mention_at(i)?;
        if !self.can_speak(m) {
            return None;
        }
        let mut j = self.mentions[m].end as usize;
        // An apposition or age between commas: `Clinton, 35, the daughter
        // of …, said`.
        if self.word(j) == "," && self.mentions[m].kind == MentionKind::Name {
            let limit = (j + 25).min(self.seg.tokens.len());
            for k in j + 1..limit {
                if matches!(self.word(k), "." | "!" | "?" | ";") || self.cue_at(k).is_some() {
                    break;
                }
                if self.word(k) == "," && self.cue_at(k + 1).is_some() {
                    j = k + 1;
                    break;
                }
            }
        }
        let mut fillers = 0;
        while fillers < 2 && self.is_tag_filler(j) && self.cue_at(j).is_none() {
            j += 1;
            fillers += 1;
        }
        let c = self.cue_at(j)?;
        if self.seg.tokens.get(j).is_some_and(|t| t.para != para) {
            return None;
        }
        Some((m, c, self.cue_end_token(c)))
    }

    /// True when the cue can introduce speech here (not `the said law`).
    pub fn cue_reports(&self, c: usize) -> bool {
        let hit = self.cues[c];
        let before = self.text[..hit.span.start].trim_end();
        let prev_word = before.rsplit(|ch: char| !ch.is_alphanumeric()).next().unwrap_or("");
        !(prev_word.eq_ignore_ascii_case("the") || prev_word.eq_ignore_ascii_case("a"))
    }
}

#[cfg(test)]
mod tests;
