//! The attribution sieve: ordered passes, each a small type behind the
//! [`Pass`] trait, that link quotes to cues and speaker mentions.
//!
//! Precise rules run first, and an attribution once made is never
//! overridden by a later pass. The default order (passes marked *fiction*
//! or *news* do nothing in the other genre):
//!
//! 1. [`TrailingTag`](trailing::TrailingTag): `“…,” she said.` / `“…,” said
//!    Havel.`
//! 2. [`Interrupted`](interrupted::Interrupted): `“…,” she said, “…”`: the
//!    second part shares the first part's tag and group.
//! 3. [`FictionTag`](fiction_tag::FictionTag) (fiction): tags without a
//!    listed verb: `“…,” was Henry's answer.`, `“…,” Cousin Caroline
//!    puffed.`, `added little Amy`.
//! 4. [`Intro`](intro::Intro) (fiction): narration that introduces the next
//!    paragraph's speech: `… said to Darcy,` ¶ `“…”`.
//! 5. [`LeadingTag`](leading::LeadingTag): `Havel said: “…”` / `She added,
//!    “…”`, and a colon at the end of the previous paragraph.
//! 6. [`Headline`](headline::Headline) (news): `Clinton: Trump's view is
//!    wrong`, a speaker and a colon opening a paragraph.
//! 7. [`Unsourced`](unsourced::Unsourced): a report that names no source
//!    (`is expected to …`, `it is believed that …`) keeps its cue and has
//!    no attribution.
//! 8. [`TagThenClause`](tag_then_clause::TagThenClause) (news): reported
//!    speech after its tag (`Havel said (that) …`, `According to X, …`),
//!    indirect, or mixed when it holds a quoted fragment.
//! 9. [`ClauseThenTag`](clause_then_tag::ClauseThenTag) (news): a clause
//!    closed by a tag (`…, the diplomat noted.`).
//! 10. [`OuterSource`](outer_source::OuterSource) (news): a source that
//!     closes a sentence of reported words (`…,” Sanders said, according
//!     to CNN.`) reports the sentence; the words nest in its report.
//! 11. [`Continuation`](continuation::Continuation): a quote with no tag
//!     continues the speaker of the quote just before it.
//! 12. [`NestedReport`](nested::NestedReport): a report inside a quotation
//!     (`“…, as President Putin said, …”`) is nested in it, with its own
//!     speaker.
//! 13. [`SentenceSubject`](sentence_subject::SentenceSubject) (news): a
//!     quotation no tag claimed goes to the subject of its sentence.
//! 14. [`Coordinated`](coordinated::Coordinated) (news): quotations of one
//!     speaker joined by a conjunction in one sentence (`“…” and “…”`)
//!     are one mixed report; the untagged paragraphs of a multi-paragraph
//!     quotation, one direct report.
//! 15. [`Addressee`](addressee::Addressee) (fiction): the person spoken to,
//!     from a vocative (`“…, Margaret?”`); recorded, never a speaker.
//! 16. [`Beat`](beat::Beat) (fiction): an action beat in the quote's
//!     paragraph names the speaker (`Tom shrugged. “…”`).
//! 17. [`Conversation`](conversation::Conversation) (fiction): follows the
//!     turns of each conversation, resolves pronoun tags and gives untagged
//!     turns their speaker.
//!
//! Passes read the [`Draft`] (segments, quotes, cues, mentions) and write
//! only attributions (and, for unquoted reports, new indirect quotes). In
//! fiction the draft also holds the cast of characters
//! (`crate::character`); the addressee pass writes addressees, and the
//! conversation pass the characters it resolves pronouns to.

mod addressee;
mod beat;
mod clause_then_tag;
mod continuation;
mod conversation;
mod coordinated;
mod fiction_tag;
mod headline;
mod interrupted;
mod intro;
mod leading;
mod nested;
mod outer_source;
mod sentence_subject;
mod tag_then_clause;
mod top;
mod trailing;
mod unsourced;
mod written;

pub(crate) use addressee::Addressee;
pub(crate) use beat::Beat;
pub(crate) use clause_then_tag::ClauseThenTag;
pub(crate) use continuation::Continuation;
pub(crate) use conversation::Conversation;
pub(crate) use coordinated::Coordinated;
pub(crate) use fiction_tag::FictionTag;
pub(crate) use headline::Headline;
pub(crate) use interrupted::Interrupted;
pub(crate) use intro::Intro;
pub(crate) use leading::LeadingTag;
pub(crate) use nested::NestedReport;
pub(crate) use outer_source::OuterSource;
pub(crate) use sentence_subject::SentenceSubject;
pub(crate) use tag_then_clause::TagThenClause;
pub(crate) use top::TopQuotes;
pub(crate) use trailing::TrailingTag;
pub(crate) use unsourced::Unsourced;
pub(crate) use written::drop_written;

use crate::cue::Frames;
use crate::cue::{CueHit, CueMatcher};
use crate::lexicon::Lexicons;
use crate::lexicon::TimeWord;
use crate::mention::Mention;
use crate::output::{MentionKind, QuoteKind, Rule};
use crate::quote::{Closure, RawQuote};
use crate::segment::{Segmentation, TokKind, TokenSet};
use crate::span::Span;
use core::cell::Cell;

/// The most words (determiners and time words, not counting a leading
/// preposition) of a time phrase between a subject and its verb.
const MAX_TIME_PHRASE: usize = 4;

/// True for a preposition that may open a time phrase (`on Friday`, `at
/// a rally`).
fn is_time_preposition(w: &str) -> bool {
    matches!(w, "on" | "in" | "at" | "during" | "since" | "until" | "over" | "after" | "before")
}

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
        Box::new(Interrupted),
        Box::new(FictionTag),
        Box::new(Intro),
        Box::new(LeadingTag),
        Box::new(Headline),
        Box::new(Unsourced),
        Box::new(TagThenClause),
        Box::new(ClauseThenTag),
        Box::new(OuterSource),
        Box::new(Continuation),
        Box::new(NestedReport),
        Box::new(SentenceSubject),
        Box::new(Coordinated),
        Box::new(Addressee),
        Box::new(Beat),
        Box::new(Conversation),
    ]
}

/// An attribution in the making.
#[derive(Clone, Copy, Debug)]
pub(crate) struct AttrDraft {
    /// Index into [`Draft::mentions`].
    pub mention: usize,
    /// Index into [`Draft::cues`].
    pub cue: Option<usize>,
    /// A colon that introduces the quote, when there is no verb cue
    /// (`Bush: “…”`).
    pub colon: Option<Span>,
    /// A verb the lexicon does not list that introduces the quote, when
    /// there is neither a cue nor a colon (`Bolton anticipated that …`).
    pub verb: Option<Span>,
    /// Index into [`Draft::inner_cues`], for a report nested in a quote.
    pub inner_cue: Option<usize>,
    pub rule: Rule,
    /// The rule's prior: how often this rule is right.
    pub prior: f32,
}

impl AttrDraft {
    /// An attribution through mention `mention` and cue `cue`.
    pub fn new(mention: usize, cue: Option<usize>, rule: Rule, prior: f32) -> AttrDraft {
        AttrDraft { mention, cue, colon: None, verb: None, inner_cue: None, rule, prior }
    }
}

/// A quote in the making.
#[derive(Clone, Copy, Debug)]
pub(crate) struct QDraft {
    pub outer: Span,
    pub inner: Span,
    pub kind: QuoteKind,
    pub closure: Closure,
    /// The quote this one is nested in; `None` for a top-level quote.
    pub parent: Option<usize>,
    pub para: u32,
    pub group: u32,
    /// For a paragraph that continues a multi-paragraph quotation, the
    /// index of the previous paragraph's part.
    pub continues_from: Option<usize>,
    pub attr: Option<AttrDraft>,
    /// The cue of a report that names no source (`is expected to …`).
    pub bare_cue: Option<usize>,
    /// The person spoken to: a mention (a vocative inside the quote, `…,
    /// Margaret.`, or the object of `told` in its tag).
    pub addressee: Option<usize>,
    /// A term that no tag makes speech (a letter quoted in a novel, a
    /// phrase run into the narration): never attributed.
    pub firm: bool,
}

/// True for a pronoun that names the person spoken to (`told her`).
pub(crate) fn is_object_pronoun(w: &str) -> bool {
    matches!(w, "him" | "her" | "them" | "me" | "us" | "you")
}

/// True for a form of `be` that makes a participle after it passive (`is
/// expected`, `has been called`).
pub(crate) fn is_be_form(w: &[u8]) -> bool {
    matches!(w, b"is" | b"are" | b"was" | b"were" | b"be" | b"been" | b"being")
}

/// True for a preposition that opens a frame of circumstance (`at his news
/// conference`, `in an interview`, `on Fox`, `during the debate`): a cue
/// that starts with one frames another verb.
pub(crate) fn opens_circumstance(w: &str) -> bool {
    crate::lexicon::with_lower(w, |w| matches!(w, "in" | "at" | "on" | "during"))
}

/// Where a free cue stands (see [`Draft::free_cue`]).
#[derive(Debug, Clone, Copy)]
pub(crate) struct CueSite {
    /// The cue's first token.
    pub tok: usize,
    /// The token just past the cue.
    pub end: usize,
    /// Token range `first..sentence_end` of the cue's sentence.
    pub first: usize,
    pub sentence_end: usize,
    /// The sentence's paragraph.
    pub para: u32,
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
    /// The tokens at which a hit of `cues` starts (the cue hits do not
    /// change after [`Draft::new`]).
    cue_starts: TokenSet,
    /// For each hit of `cues`, its first token and the token just past it
    /// (the passes ask for them again and again: each was a binary search
    /// over the tokens).
    cue_toks: Vec<(u32, u32)>,
    /// Cue hits inside top-level quotations (`“As Putin said, …”`), for
    /// the nested-report pass.
    pub inner_cues: Vec<CueHit>,
    /// For each cue hit, whether an attribution uses it already.
    pub cue_used: Vec<bool>,
    /// Mentions, in text order.
    pub mentions: Vec<Mention>,
    /// The tokens at which a mention starts (the mentions do not change
    /// after [`Draft::new`]).
    mention_starts: TokenSet,
    /// The top-level quotes by start: start → index. Kept up to date by
    /// [`Draft::add_report`]; passes that add quotes otherwise must keep it
    /// too.
    pub top: TopQuotes,
    /// The document's genre: reported speech without marks is attributed
    /// only in news.
    pub genre: crate::genre::Genre,
    /// Fiction only: the characters and which mentions name them (empty
    /// in news). The conversation pass adds the pronouns it resolves.
    pub cast: crate::character::Cast,
    /// [`tag_at`](Draft::tag_at) of each token, once asked (`None` until
    /// then): a tag depends only on the tokens, cues and mentions, which no
    /// pass changes, and on the genre, set before the passes run; the
    /// passes ask again for the same tokens (a third of the asks on
    /// PolNeAR dev), each ask a walk over the tag's words.
    tag_memo: Vec<Cell<TagMemo>>,
    /// The number of this document among those the lists served: an entry
    /// of [`tag_memo`](Draft::tag_memo) holds for this document only when
    /// it bears this number, so the memo is never cleared, only grown (a
    /// clear wrote every token's entry).
    tag_generation: u32,
    /// Where each cue hit stands ([`Draft::all_cue_sites`]).
    cue_sites: Vec<Option<CueSite>>,
    /// The list [`TopQuotes::new_in`] sorted, kept for
    /// [`recycle`](Draft::recycle).
    top_entries: Vec<top::Entry>,
}

/// A remembered [`Draft::tag_at`]: the document it was found in (see
/// [`Draft::tag_generation`]) and the tag, (mention, cue, end token), or
/// none.
type TagMemo = (u32, Option<(u32, u32, u32)>);

/// The lists a [`Draft`] builds for itself, kept from one document to the
/// next (see [`Scratch`](crate::scratch::Scratch)): [`Draft::new_in`]
/// clears and fills them, [`Draft::recycle`] gives them back.
#[derive(Debug, Default)]
pub(crate) struct DraftLists {
    quotes: Vec<QDraft>,
    cue_starts: TokenSet,
    cue_toks: Vec<(u32, u32)>,
    cue_used: Vec<bool>,
    mention_starts: TokenSet,
    /// The top-level quotes before [`TopQuotes::new_in`] sorts them.
    top_entries: Vec<top::Entry>,
    /// [`TopQuotes`]' own vector.
    top: Vec<top::Entry>,
    tag_memo: Vec<Cell<TagMemo>>,
    tag_generation: u32,
    cue_sites: Vec<Option<CueSite>>,
}

impl<'a> Draft<'a> {
    /// Builds the draft from the stage outputs.
    #[cfg(test)]
    pub fn new(
        text: &'a str,
        seg: &'a Segmentation,
        lex: &'a Lexicons,
        matcher: &'a CueMatcher,
        raw: &[RawQuote],
        cues: Vec<CueHit>,
        mentions: Vec<Mention>,
    ) -> Draft<'a> {
        Draft::new_in(text, seg, lex, matcher, raw, cues, mentions, DraftLists::default())
    }

    /// [`new`](Self::new), its own lists taken from `lists` (cleared
    /// first: their room is reused).
    #[allow(clippy::too_many_arguments)]
    pub fn new_in(
        text: &'a str,
        seg: &'a Segmentation,
        lex: &'a Lexicons,
        matcher: &'a CueMatcher,
        raw: &[RawQuote],
        cues: Vec<CueHit>,
        mentions: Vec<Mention>,
        lists: DraftLists,
    ) -> Draft<'a> {
        let DraftLists {
            mut quotes,
            mut cue_starts,
            mut cue_toks,
            mut cue_used,
            mut mention_starts,
            top_entries: mut entries,
            top,
            mut tag_memo,
            tag_generation,
            mut cue_sites,
        } = lists;
        quotes.clear();
        quotes.reserve(raw.len() + cues.len());
        quotes.extend(raw.iter().enumerate().map(|(i, q)| QDraft {
            outer: q.outer,
            inner: q.inner,
            kind: if q.term { QuoteKind::Term } else { QuoteKind::Direct },
            closure: q.closure,
            parent: q.parent,
            para: q.para,
            group: i as u32,
            continues_from: q.continues_from,
            bare_cue: None,
            attr: None,
            addressee: None,
            firm: q.firm,
        }));
        cue_used.clear();
        cue_used.resize(cues.len(), false);
        let genre = crate::genre::Genre::News;
        // (Room for a report per cue, added by the passes: few documents
        // need more.)
        entries.clear();
        entries.extend((0..quotes.len()).filter(|&i| quotes[i].parent.is_none()).map(|i| (quotes[i].outer.start, i)));
        let top = TopQuotes::new_in(&mut entries, cues.len(), top);
        let cast = crate::character::Cast::default();
        mention_starts.reset(seg.tokens.len());
        for m in &mentions {
            mention_starts.insert(m.first as usize);
        }
        // Each cue's first token as the matcher gave it, or else by a
        // search; the token past it by a walk from there (a cue spans a few
        // tokens); a cue starts at its first token when their starts agree.
        let toks = &seg.tokens;
        cue_toks.clear();
        cue_starts.reset(toks.len());
        for c in &cues {
            let first = match c.first {
                crate::cue::NO_TOKEN => seg.token_at_or_after(c.span.start),
                k => k as usize,
            };
            let mut end = first;
            while toks.get(end).is_some_and(|t| t.span.start < c.span.end) {
                end += 1;
            }
            if toks.get(first).is_some_and(|t| t.span.start == c.span.start) {
                cue_starts.insert(first);
            }
            cue_toks.push((first as u32, end as u32));
        }
        // (Entries of earlier documents bear older numbers; after the
        // numbers wrap, all are forgotten.)
        let tag_generation = match tag_generation.wrapping_add(1) {
            0 => {
                tag_memo.clear();
                1
            }
            g => g,
        };
        if tag_memo.len() < seg.tokens.len() {
            tag_memo.resize(seg.tokens.len(), Cell::new((0, None)));
        }
        cue_sites.clear();
        let mut d = Draft {
            text,
            seg,
            lex,
            matcher,
            quotes,
            cue_starts,
            cue_toks,
            cues,
            inner_cues: Vec::new(),
            cue_used,
            mentions,
            mention_starts,
            top,
            genre,
            cast,
            tag_memo,
            tag_generation,
            cue_sites: Vec::new(),
            top_entries: entries,
        };
        d.all_cue_sites(&mut cue_sites);
        d.cue_sites = cue_sites;
        // Parts of one multi-paragraph quotation share a group.
        for i in 0..d.quotes.len() {
            if let Some(prev) = d.quotes[i].continues_from {
                d.quotes[i].group = d.quotes[prev].group;
                if d.quotes[prev].kind == QuoteKind::Direct && !d.quotes[i].firm {
                    d.quotes[i].kind = QuoteKind::Direct;
                }
            }
        }
        d
    }

    /// Gives the draft's lists back to `scratch` for the next document:
    /// its own ([`DraftLists`]), the cue hits and the mentions.
    pub fn recycle(self, scratch: &mut crate::scratch::Scratch) {
        let Draft {
            quotes,
            cue_starts,
            cue_toks,
            cues,
            inner_cues,
            cue_used,
            mentions,
            mention_starts,
            top,
            tag_memo,
            tag_generation,
            cue_sites,
            top_entries,
            ..
        } = self;
        scratch.draft = DraftLists {
            quotes,
            cue_starts,
            cue_toks,
            cue_used,
            mention_starts,
            top_entries,
            top: top.into_list(),
            tag_memo,
            tag_generation,
            cue_sites,
        };
        scratch.cues = cues;
        scratch.inner_cues = inner_cues;
        scratch.mentions = mentions;
    }

    /// The text of token `i` (empty past the end).
    pub fn word(&self, i: usize) -> &'a str {
        self.seg.tokens.get(i).map_or("", |t| &self.text[t.span])
    }

    /// The bytes of token `i` (empty past the end): [`word`](Self::word)
    /// without the char boundary checks of slicing a `str`, for comparing
    /// with a literal.
    #[inline]
    pub fn bytes(&self, i: usize) -> &'a [u8] {
        self.seg.tokens.get(i).and_then(|t| self.text.as_bytes().get(t.span.start..t.span.end)).unwrap_or_default()
    }

    /// How many of tokens `first..end` are words or numbers.
    pub fn words_in(&self, first: usize, end: usize) -> usize {
        self.seg.tokens.get(first..end).map_or(0, |toks| toks.iter().filter(|t| t.is_word()).count())
    }

    /// True when token `i` is the one-byte mark `mark` (`b','`): the same
    /// as `word(i) == ","`, without slicing the text.
    #[inline]
    pub fn is_mark(&self, i: usize, mark: u8) -> bool {
        self.seg
            .tokens
            .get(i)
            .is_some_and(|t| t.span.end == t.span.start + 1 && self.text.as_bytes().get(t.span.start) == Some(&mark))
    }

    /// The cue hits that start at or after byte `from` and end by byte
    /// `to`, in text order.
    pub fn cues_within(&self, from: usize, to: usize) -> impl Iterator<Item = usize> + '_ {
        let k = self.cues.partition_point(|c| c.span.start < from);
        (k..self.cues.len()).take_while(move |&c| self.cues[c].span.end <= to)
    }

    /// The index of the cue hit starting at token `i`.
    pub fn cue_at(&self, i: usize) -> Option<usize> {
        // (Most tokens start no cue: a bit says so before the search.)
        if !self.cue_starts.contains(i) {
            return None;
        }
        let start = self.seg.tokens.get(i)?.span.start;
        let k = self.cues.partition_point(|c| c.span.start < start);
        (self.cues.get(k)?.span.start == start).then_some(k)
    }

    /// Where cue `c` stands, when no attribution uses it yet and it is no
    /// part of a mention (`a creative writing professor`): the passes that
    /// build reports from bare cues start from here.
    pub fn free_cue(&self, c: usize) -> Option<CueSite> {
        if self.cue_used[c] {
            return None;
        }
        self.cue_sites.get(c).copied().flatten()
    }

    /// Where each cue stands, unless it is part of a mention, in order,
    /// into `out`: what [`free_cue`](Self::free_cue) gives for an unused
    /// cue (found once in [`Draft::new`]: several passes ask for every
    /// cue). The cues' first tokens rise, so whether each lies inside a
    /// mention is read with one cursor over the mentions (when their ends
    /// rise, as [`in_mention`](Self::in_mention) reads them) instead of a
    /// search for each.
    fn all_cue_sites(&self, out: &mut Vec<Option<CueSite>>) {
        let by_end = self.mentions.is_sorted_by_key(|m| m.end);
        // (The mentions before `k` end at or before token `at`.)
        let (mut k, mut at) = (0usize, 0usize);
        for c in 0..self.cues.len() {
            let tok = self.cue_token(c);
            let inside = if by_end && tok >= at {
                while self.mentions.get(k).is_some_and(|m| (m.end as usize) <= tok) {
                    k += 1;
                }
                at = tok;
                self.mentions.get(k).is_some_and(|m| (m.first as usize) <= tok)
            } else {
                self.in_mention(tok)
            };
            debug_assert_eq!(inside, self.in_mention(tok));
            out.push(if inside { None } else { self.site_at(c, tok) });
        }
    }

    /// Where cue `c`, whose first token is `tok`, stands (for a cue that
    /// is no part of a mention).
    fn site_at(&self, c: usize, tok: usize) -> Option<CueSite> {
        let s = self.seg.sentences[self.seg.sentence_of_token(tok)];
        Some(CueSite {
            tok,
            end: self.cue_end_token(c),
            first: s.first as usize,
            sentence_end: s.end as usize,
            para: s.para,
        })
    }

    /// The token index just past cue `c`.
    pub fn cue_end_token(&self, c: usize) -> usize {
        self.cue_toks[c].1 as usize
    }

    /// The index of the first token of cue `c` (`token_at` of its start).
    pub fn cue_token(&self, c: usize) -> usize {
        self.cue_toks[c].0 as usize
    }

    /// For each sentence, whether a cue hit starts in it after its first
    /// `skip` tokens: the passes that look for a tag in a sentence ask this
    /// first, since most sentences hold none. One walk over the sentences
    /// and the hits, both in text order (and so are the hits' first
    /// tokens).
    pub fn sentences_with_cue(&self, skip: usize) -> Vec<bool> {
        let mut k = 0usize;
        let mut out = Vec::with_capacity(self.seg.sentences.len());
        for s in &self.seg.sentences {
            let (first, end) = (s.first as usize + skip, s.end as usize);
            while self.cue_toks.get(k).is_some_and(|&(t, _)| (t as usize) < first) {
                k += 1;
            }
            out.push(self.cue_toks.get(k).is_some_and(|&(t, _)| (t as usize) < end));
        }
        out
    }

    /// The index of the mention starting at token `i` (outside quotes).
    pub fn mention_at(&self, i: usize) -> Option<usize> {
        // (Most tokens start no mention: a bit says so before the search.)
        if !self.mention_starts.contains(i) {
            return None;
        }
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

    /// True when mention `m` can be a speaker. (In a novel a letter or a
    /// note is read, not heard: `holding out a letter, … said`.)
    pub fn can_speak(&self, m: usize) -> bool {
        let m = &self.mentions[m];
        let fiction_document = m.document && self.genre == crate::genre::Genre::Fiction;
        !m.possessive && !m.in_quote && !fiction_document
    }

    /// True when token `i` lies inside a mention (`a creative writing
    /// professor`: that `writing` is no cue).
    pub fn in_mention(&self, i: usize) -> bool {
        let k = self.mentions.partition_point(|m| (m.end as usize) <= i);
        self.mentions.get(k).is_some_and(|m| (m.first as usize) <= i)
    }

    /// The relative pronoun that is the subject of cue `c` when mention `m`
    /// is its antecedent: `Barkley, who said`, `the agency, which noted`,
    /// `voters who said`, `a group that says`. The pronoun is the mention
    /// the gold conventions (and the grammar) take as the cue's subject; it
    /// resolves to `m`.
    pub fn relative_pronoun(&self, m: usize, c: usize) -> Option<Span> {
        let cue_tok = self.cue_toks.get(c)?.0 as usize;
        let mut b = cue_tok;
        let mut fillers = 0;
        while fillers < 3 && b > 0 && self.is_tag_filler(b - 1) {
            b -= 1;
            fillers += 1;
        }
        let r = b.checked_sub(1)?;
        let m_end = self.mentions.get(m)?.end as usize;
        let ok = match self.word(r) {
            "who" | "which" => m_end <= r && (m_end == r || self.bytes(r - 1) == b","),
            "that" => m_end == r,
            _ => false,
        };
        ok.then(|| self.seg.tokens[r].span)
    }

    /// The first token of a short time phrase that ends just before token
    /// `end` and starts at or after token `first`: `in 2010`, `on Friday
    /// night`, `during a Sunday`, `last week`, `earlier this month`. It
    /// stands between a subject and its verb (`McConnell in 2010 said`)
    /// and names nobody.
    pub fn time_phrase_before(&self, end: usize, first: usize) -> Option<usize> {
        let mut k = end;
        let mut ends_well = false;
        while k > first && end - k < MAX_TIME_PHRASE {
            match self.time_word_at(k - 1) {
                Some(t) => {
                    if k == end {
                        ends_well = t.may_end();
                    }
                }
                None if k < end && matches!(self.bytes(k - 1), b"a" | b"an" | b"the") => {}
                None => break,
            }
            k -= 1;
        }
        if !ends_well {
            return None;
        }
        // (`in the morning`: a determiner only after a preposition.)
        while k < end && matches!(self.bytes(k), b"a" | b"an" | b"the") {
            if k > first && is_time_preposition(self.word(k - 1)) {
                break;
            }
            k += 1;
        }
        if k > first && is_time_preposition(self.word(k - 1)) {
            return Some(k - 1);
        }
        self.time_word_at(k).filter(|&t| matches!(t, TimeWord::Adverb | TimeWord::Modifier)).map(|_| k)
    }

    /// The token after a short time phrase starting at token `start`
    /// ([`time_phrase_before`](Self::time_phrase_before) read forwards), if
    /// one starts there.
    pub fn time_phrase_after(&self, start: usize) -> Option<usize> {
        let n = self.seg.tokens.len();
        let mut k = start + usize::from(start < n && is_time_preposition(self.word(start)));
        let mut end = None;
        while k < n && k - start <= MAX_TIME_PHRASE {
            if self.time_word_at(k).is_none() && !matches!(self.bytes(k), b"a" | b"an" | b"the") {
                break;
            }
            k += 1;
            end = Some(k);
        }
        (start + 1..=end?).rev().find(|&e| self.time_phrase_before(e, start) == Some(start))
    }

    /// What the word at token `i` is in a time phrase; a capitalised word
    /// counts only as a day or month name (`Early` is a surname).
    fn time_word_at(&self, i: usize) -> Option<TimeWord> {
        let t = self.seg.tokens.get(i)?;
        if !t.is_word() {
            return None;
        }
        let w = self.lex.time_word_in(self.text, t.span.start, t.span.end)?;
        (!t.is_capitalized() || w == TimeWord::Name).then_some(w)
    }

    /// True when the word at token `i` is an adverb or auxiliary that may
    /// sit inside a tag (`also said`, `has said`, `said later`).
    pub fn is_tag_filler(&self, i: usize) -> bool {
        let Some(t) = self.seg.tokens.get(i) else { return false };
        if t.kind != TokKind::Word {
            return false;
        }
        if t.is_capitalized() {
            // `Priebus later Thursday told Fox News`
            return crate::lexicon::is_weekday(self.word(i));
        }
        // (The bytes: the tests compare them with literals.)
        let w = self.bytes(i);
        w.ends_with(b"ly")
            || matches!(
                w,
                b"also"
                    | b"then"
                    | b"later"
                    | b"again"
                    | b"once"
                    | b"is"
                    | b"was"
                    | b"are"
                    | b"were"
                    | b"has"
                    | b"had"
                    | b"have"
                    | b"would"
                    | b"will"
                    | b"did"
                    | b"does"
                    | b"do"
                    | b"previously"
                    | b"earlier"
                    | b"further"
                    | b"still"
                    | b"just"
                    | b"now"
                    | b"often"
                    | b"recently"
                    | b"soon"
                    | b"even"
                    | b"too"
                    | b"yet"
                    | b"last"
                    | b"today"
                    | b"yesterday"
                    | b"tonight"
                    | b"himself"
                    | b"herself"
                    | b"itself"
                    | b"themselves"
            )
    }

    /// Sets quote `q`'s attribution unless it has one.
    pub fn attribute(&mut self, q: usize, attr: AttrDraft) {
        let quote = &mut self.quotes[q];
        if quote.attr.is_none() && !quote.firm {
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

    /// The end of the tag of cue `c` ending at token `end`, past the person
    /// spoken to when the cue takes one: `told Reuters`, `told her`.
    pub fn past_addressee(&self, c: usize, end: usize) -> usize {
        if !self.frames(c).has(Frames::ADDRESSEE) {
            return end;
        }
        match self.mention_at(end) {
            Some(a) if !self.mentions[a].possessive => self.mentions[a].end as usize,
            Some(_) => end,
            None if is_object_pronoun(self.word(end)) => end + 1,
            None => end,
        }
    }

    /// True when the tag ending at token `end` closes its clause: the
    /// paragraph or sentence ends, or only circumstances follow (`said on
    /// Friday`, `said as he left`, `told reporters in Geneva`), not a
    /// reported clause (`said the talks would resume`, `said that …`).
    pub fn ends_tag(&self, end: usize, para: u32) -> bool {
        // Time words first (`said Wednesday`, `said last week`); what
        // follows them decides: `said Wednesday she, too, wants …` goes on
        // to report something.
        let mut k = end;
        while k < end + 3
            && self.seg.tokens.get(k).is_some_and(|t| t.para == para)
            && crate::lexicon::with_lower(self.word(k), |w| {
                matches!(
                    w,
                    "monday"
                        | "tuesday"
                        | "wednesday"
                        | "thursday"
                        | "friday"
                        | "saturday"
                        | "sunday"
                        | "today"
                        | "yesterday"
                        | "tonight"
                        | "last"
                        | "this"
                        | "week"
                        | "month"
                        | "year"
                        | "morning"
                        | "afternoon"
                        | "evening"
                        | "night"
                        | "earlier"
                        | "later"
                        | "recently"
                        | "again"
                        | "also"
                        | "then"
                        | "afterward"
                        | "afterwards"
                )
            })
        {
            k += 1;
        }
        let Some(t) = self.seg.tokens.get(k) else { return true };
        if t.para != para {
            return true;
        }
        let w = self.word(k);
        if matches!(w, "." | "," | ";" | ":" | "!" | "?" | "(" | "\u{2014}" | "\u{2013}" | "-") {
            return true;
        }
        crate::lexicon::with_lower(w, |w| {
            matches!(
                w,
                "as" | "in"
                    | "on"
                    | "at"
                    | "during"
                    | "after"
                    | "before"
                    | "while"
                    | "when"
                    | "from"
                    | "of"
                    | "to"
                    | "with"
                    | "via"
                    | "through"
                    | "outside"
                    | "inside"
                    | "reporters"
                    | "adding"
                    | "noting"
                    | "referring"
                    | "according"
            )
        })
    }

    /// Adds a reported-speech quote over tokens `first..end` (an indirect
    /// or mixed report), attributed to mention `m` through cue `c`. Quotes
    /// inside it become nested in it; it is `Mixed` when there are any.
    /// Returns the new quote's index.
    pub fn add_report(
        &mut self,
        first: usize,
        end: usize,
        m: usize,
        c: Option<usize>,
        rule: Rule,
        prior: f32,
    ) -> usize {
        self.add_quote(first, end, Some(AttrDraft::new(m, c, rule, prior)), c)
    }

    /// Adds a report over tokens `first..end` that names no source (`… is
    /// expected to …`): it keeps its cue and has no attribution.
    pub fn add_unsourced(&mut self, first: usize, end: usize, c: usize) -> usize {
        self.add_quote(first, end, None, Some(c))
    }

    /// Adds a top-level indirect or mixed quote; quotes inside it nest in it.
    fn add_quote(&mut self, first: usize, end: usize, attr: Option<AttrDraft>, c: Option<usize>) -> usize {
        let toks = &self.seg.tokens;
        let mut span = Span::new(toks[first].span.start, toks[end - 1].span.end);
        // Never cut a quotation: extend over one that starts inside.
        if let Some(last) = self.top_overlapping(span).next_back() {
            let q = &self.quotes[last];
            if span.contains(q.outer.start) && q.outer.end > span.end {
                span.end = q.outer.end;
            }
        }
        let idx = self.quotes.len();
        // The top-level quotes inside it nest in it.
        let inside: Vec<(usize, usize)> = self
            .top
            .range(span.start..span.end)
            .map(|(&k, &i)| (k, i))
            .filter(|&(_, i)| self.quotes[i].outer.end <= span.end)
            .collect();
        let mixed = !inside.is_empty();
        for (k, q) in inside {
            self.quotes[q].parent = Some(idx);
            self.top.remove(&k);
        }
        self.top.insert(span.start, idx);
        let group = idx as u32;
        self.quotes.push(QDraft {
            outer: span,
            inner: span,
            kind: if mixed { QuoteKind::Mixed } else { QuoteKind::Indirect },
            closure: Closure::Closed,
            parent: None,
            para: toks[first].para,
            group,
            continues_from: None,
            attr,
            bare_cue: if attr.is_none() { c } else { None },
            addressee: None,
            firm: false,
        });
        if let Some(used) = c.and_then(|c| self.cue_used.get_mut(c)) {
            *used = true;
        }
        idx
    }

    /// True when some top-level quote overlaps tokens `first..end` without
    /// lying inside them.
    pub fn crosses_quote(&self, first: usize, end: usize) -> bool {
        let span = self.token_span(first, end);
        self.top_overlapping(span).any(|q| !span.encloses(self.quotes[q].outer))
    }

    /// The byte span of tokens `first..end`.
    pub fn token_span(&self, first: usize, end: usize) -> Span {
        let toks = &self.seg.tokens;
        Span::new(toks[first].span.start, toks[end.max(first + 1) - 1].span.end)
    }

    /// The top-level quotes overlapping `span`, in text order. Top-level
    /// quotes never overlap each other, so at most one that starts before
    /// the span reaches into it.
    pub fn top_overlapping(&self, span: Span) -> impl DoubleEndedIterator<Item = usize> + '_ {
        let (before, inside) = self.top.around(span.start, span.end.max(span.start));
        let before = before.map(|&(_, i)| i).filter(|&i| self.quotes[i].outer.end > span.start);
        before.into_iter().chain(inside.iter().map(|&(_, i)| i))
    }

    /// The top-level quote that starts at byte `pos`.
    pub fn top_starting_at(&self, pos: usize) -> Option<usize> {
        self.top.get(&pos).copied()
    }

    /// The first top-level quote that starts after byte `pos`.
    pub fn top_after(&self, pos: usize) -> Option<usize> {
        self.top.range(pos + 1..).next().map(|(_, &i)| i)
    }

    /// True when quote `q` is a top-level quote the passes should attribute.
    pub fn is_candidate(&self, q: usize) -> bool {
        let quote = &self.quotes[q];
        quote.parent.is_none() && quote.attr.is_none() && !quote.firm
    }

    /// Finds a speaker tag starting at token `i`: `CUE [filler] SPEAKER` or
    /// `SPEAKER [, apposition ,] [filler] CUE`. Returns (mention, cue, end
    /// token).
    pub fn tag_at(&self, i: usize) -> Option<(usize, usize, usize)> {
        let Some(memo) = self.tag_memo.get(i) else { return self.find_tag_at(i) };
        let (generation, known) = memo.get();
        if generation == self.tag_generation {
            return known.map(|(m, c, end)| (m as usize, c as usize, end as usize));
        }
        let found = self.find_tag_at(i);
        memo.set((self.tag_generation, found.map(|(m, c, end)| (m as u32, c as u32, end as u32))));
        found
    }

    /// [`tag_at`](Self::tag_at), found anew.
    fn find_tag_at(&self, i: usize) -> Option<(usize, usize, usize)> {
        self.any_tag_at(i).filter(|&(m, c, _)| self.fits_cue(c, m))
    }

    /// True when mention `m` may be the source of cue `c`: evidence (`a
    /// poll shows`, `the study found`) comes only from a document or an
    /// organisation.
    pub fn fits_cue(&self, c: usize, m: usize) -> bool {
        let class = self.cues.get(c).and_then(|h| self.matcher.entries.get(h.entry as usize)).map(|e| e.class);
        class != Some(crate::output::CueClass::Evidence)
            || self.mentions.get(m).is_some_and(|m| m.document || m.kind == MentionKind::Organization)
    }

    /// [`tag_at`](Self::tag_at), for any cue class.
    fn any_tag_at(&self, i: usize) -> Option<(usize, usize, usize)> {
        let para = self.seg.tokens.get(i)?.para;
        // CUE SPEAKER: `said Havel`, `said the diplomat`, `said he` (not
        // `told POLITICO`: after `tell` stands the addressee).
        if let Some(c) = self.cue_at(i) {
            let frames = self.frames(c);
            let mut j = self.cue_end_token(c);
            if self.is_tag_filler(j) {
                j += 1;
            }
            let m = self.mention_at(j)?;
            if !self.can_speak(m) || self.seg.tokens.get(j).is_none_or(|t| t.para != para) {
                return None;
            }
            let end = self.mentions[m].end as usize;
            // `asked Jane.` names the asker; `asked Jane whether …` the
            // person asked. After `told` stands the addressee.
            if frames.has(Frames::ADDRESSEE) {
                let closes = self.seg.tokens.get(end).is_none_or(|t| t.para != para)
                    || matches!(self.bytes(end), b"," | b"." | b";" | b"!" | b"?" | b":");
                if !(closes && frames.has(Frames::ASKER)) {
                    return None;
                }
            }
            return Some((m, c, end));
        }
        // SPEAKER CUE: `he said`, `the diplomat noted`, `Havel told TASS`.
        let m = self.mention_at(i)?;
        if !self.can_speak(m) {
            return None;
        }
        let mut j = self.mentions[m].end as usize;
        // An apposition or age between commas: `Clinton, 35, the daughter
        // of …, said`.
        // (Any speaker may take a relative clause: `The lawmaker, who
        // represents a district in Albay, said`.)
        if self.bytes(j) == b","
            && (matches!(self.mentions[m].kind, MentionKind::Name | MentionKind::Organization)
                || self.seg.tokens.get(j + 1).is_some_and(|t| t.is_capitalized())
                || matches!(self.bytes(j + 1), b"who" | b"which"))
            && self.opens_apposition(j + 1)
        {
            let limit = (j + 40).min(self.seg.tokens.len());
            let sentence = self.seg.sentence_of_token(j);
            for k in j + 1..limit {
                // (A participle may open the apposition: `Salceda, citing
                // data from …, said`.)
                let opening_participle = k == j + 1 && self.word(k).ends_with("ing");
                // (A relative clause has verbs of its own: `Cruz, who has
                // proposed repealing it, said`.)
                let relative = matches!(self.bytes(j + 1), b"who" | b"which");
                if self.seg.sentence_of_token(k) != sentence
                    || self.bytes(k) == b";"
                    || self.cue_at(k).is_some() && !self.in_mention(k) && !opening_participle && !relative
                {
                    break;
                }
                if self.bytes(k) == b"," && self.cue_at(k + 1).is_some() {
                    j = k + 1;
                    break;
                }
                // `Lee, who is chairman of the fund said`: after a relative
                // clause whose verb is a copula, a cue is the main verb even
                // with no comma before it.
                // (Not a verb inside it: `who was not authorized to speak`.)
                let copula = relative && matches!(self.bytes(j + 2), b"is" | b"was");
                if copula
                    && k > j + 3
                    && !self.seg.tokens[k - 1].is_function_word()
                    && self.cue_at(k).is_some_and(|c| self.matcher.is_speech(self.cues[c]))
                {
                    j = k;
                    break;
                }
            }
        }
        // A short phrase after the speaker: `a spokesman for the agency
        // said`, `a staffer in the room wondered`, `a source familiar with
        // the talks said`.
        // (Or a participle: `protesters marching through the streets
        // chanted`.)
        let participle = self.word(j).ends_with("ing")
            && self.seg.tokens.get(j).is_some_and(|t| t.shape == crate::segment::Shape::Lower);
        if self.cue_at(j).is_none()
            && (participle
                || matches!(
                    self.word(j),
                    "for" | "of" | "at" | "in" | "from" | "with" | "on" | "by" | "familiar" | "close"
                ))
        {
            let limit = (j + 7).min(self.seg.tokens.len());
            if let Some(k) = (j + 1..limit)
                .take_while(|&k| {
                    // (`and` joins nouns inside the phrase of a plural
                    // speaker: `experts on North Korea and nuclear
                    // nonproliferation said`.)
                    let joins = self.bytes(k) == b"and" && self.mentions[m].plural;
                    (self.seg.tokens[k].kind != TokKind::Punct || self.bytes(k) == b"\xe2\x80\x99")
                        && (joins
                            || !matches!(
                                self.bytes(k),
                                b"and" | b"but" | b"or" | b"who" | b"which" | b"that" | b"while"
                            ))
                })
                .find(|&k| self.cue_at(k).is_some())
            {
                j = k;
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

    /// The speaker of cue `c` standing before it, in its sentence:
    /// `Havel said`, `Havel also said`, `Barkley, who said`, `Clinton, 35,
    /// the daughter of …, said`, and, for a participle or a coordinated
    /// verb (`…, saying`, `… and said`), the sentence's subject.
    pub fn speaker_before(&self, c: usize) -> Option<usize> {
        let m = self.any_speaker_before(c)?;
        let m = self.located_speaker(m);
        // `X issued a statement saying`, `X tweeted out a message on
        // Tuesday declaring`: a document that is the object of the
        // sentence's verb does not speak through a participle; its issuer,
        // the sentence's subject, does.
        let cue_tok = self.cue_token(c);
        // (Nor does the object of a preposition: `blasted out an email to
        // supporters stating …`.)
        let first = self.mentions[m].first as usize;
        let object = first > 0
            && self.mentions[m].end as usize == cue_tok
            && matches!(self.bytes(first - 1), b"to" | b"for" | b"from" | b"at" | b"on" | b"of" | b"about" | b"among");
        let m = if (self.mentions[m].document || object) && self.word(cue_tok).ends_with("ing") {
            self.subject_of_sentence(cue_tok).filter(|&s| s != m && !self.mentions[s].document).unwrap_or(m)
        } else {
            m
        };
        self.fits_cue(c, m).then_some(m)
    }

    /// The speaker that mention `m` only locates, as the object of a
    /// preposition of place right after them: `a lawyer in Chicago said`,
    /// `protesters outside Trump Tower chanted`, `a group at Liberty
    /// University in Lynchburg, Va., derided`.
    fn located_speaker(&self, mut m: usize) -> usize {
        for _ in 0..3 {
            let f = self.mentions[m].first as usize;
            let first = self.seg.sentences.get(self.seg.sentence_of_token(f)).map_or(0, |s| s.first as usize);
            let place =
                |w: &[u8]| matches!(w, b"in" | b"at" | b"outside" | b"inside" | b"near" | b"across" | b"around");
            match self.speaker_before_preposition(m, first, place) {
                Some(p) => m = p,
                None => break,
            }
        }
        m
    }

    /// The speaker that mention `m` only qualifies, as the object of `of`
    /// or `from` right after them: `Senator Ted Cruz of Texas`, `the head
    /// of the agency`. `first` is the first token of the sentence.
    fn qualified_by(&self, m: usize, first: usize) -> Option<usize> {
        self.speaker_before_preposition(m, first, |w| matches!(w, b"of" | b"from"))
    }

    /// The mention that can speak right before a preposition (`is_prep`)
    /// that stands right before mention `m`, both after token `first`.
    fn speaker_before_preposition(&self, m: usize, first: usize, is_prep: impl Fn(&[u8]) -> bool) -> Option<usize> {
        let f = self.mentions[m].first as usize;
        (f > first + 1 && is_prep(self.bytes(f - 1)))
            .then(|| self.mention_ending_at(f - 1))
            .flatten()
            .filter(|&p| self.can_speak(p))
    }

    /// [`speaker_before`](Self::speaker_before), for any cue class.
    fn any_speaker_before(&self, c: usize) -> Option<usize> {
        let cue_tok = self.cue_token(c);
        let sentence = self.seg.sentence_of_token(cue_tok);
        let first = self.seg.sentences.get(sentence).map_or(0, |s| s.first as usize);
        let mut b = cue_tok;
        let mut fillers = 0;
        while fillers < 2 && b > first && self.is_tag_filler(b - 1) {
            b -= 1;
            fillers += 1;
        }
        // `McConnell in 2010 said`, `Obama also on Friday declared`.
        if let Some(k) = self.time_phrase_before(b, first) {
            b = k;
            while fillers < 3 && b > first && self.is_tag_filler(b - 1) {
                b -= 1;
                fillers += 1;
            }
        }
        // A party and state after the name: `Gov. John Kasich (R-OH),
        // said`, `Sen. Jon Tester (D-Mont.) said`.
        let mut p = b;
        if p >= first + 2 && self.bytes(p - 1) == b"," && self.bytes(p - 2) == b")" {
            p -= 1;
        }
        if p > first && self.bytes(p - 1) == b")" && self.mention_ending_at(p).is_some() {
            b = p;
        } else if p > first && self.bytes(p - 1) == b")" {
            let lo = first.max(p.saturating_sub(8));
            if let Some(open) = (lo..p - 1).rev().find(|&k| self.bytes(k) == b"(") {
                if self.mention_ending_at(open).is_some() {
                    b = open;
                }
            }
        }
        // A passive (`people were charged`, `he was told that`) has its
        // subject as the one spoken to or about, not the speaker; `is
        // quoted as saying` is the exception.
        // (`is claiming`, `was telling`: a progressive is active.)
        let passive = (b..cue_tok).any(|k| matches!(self.bytes(k), b"is" | b"was" | b"are" | b"were"))
            && !self.text[self.cues[c].span].contains("saying")
            && !self.word(cue_tok).ends_with("ing");
        if passive {
            return None;
        }
        // (`X issued a statement saying`: the document is handed on to
        // its issuer by `speaker_before`.)
        if let Some(m) = self.mention_ending_at(b).filter(|&m| self.can_speak(m)) {
            return Some(m);
        }
        // `Barkley, who said`, `listeners who said`
        if b >= first + 2 && matches!(self.bytes(b - 1), b"who" | b"which") && self.bytes(b - 2) == b"," {
            if let Some(m) = self.mention_ending_at(b - 2).filter(|&m| self.can_speak(m)) {
                // (`Senator Ted Cruz of Texas, who`, `the head of the
                // agency, who`: the person, not what qualifies them.)
                let person = (self.bytes(b - 1) == b"who").then(|| self.qualified_by(m, first)).flatten();
                return Some(person.unwrap_or(m));
            }
        }
        if b > first && self.bytes(b - 1) == b"who" {
            if let Some(m) = self.mention_ending_at(b - 1).filter(|&m| self.can_speak(m)) {
                return Some(m);
            }
        }
        // `Clinton, 35, the daughter of …, said`, `a staffer in the room
        // wondered`: a mention whose tag, read forwards, ends in this cue;
        // the leftmost such mention, since appositions nest (`Porter, a
        // driver from Ava, Mo., who …, said`), and among them first one
        // whose apposition opens like one (`, a …`, `, who …`) rather than
        // with a bare name (`the website, Shen Xincheng, a student, urged`).
        if b > first {
            let lo = self.mentions.partition_point(|m| (m.first as usize) < first.max(b.saturating_sub(40)));
            let hi = self.mentions.partition_point(|m| (m.first as usize) < b);
            let mut weak = None;
            for m in lo..hi {
                if let Some((tm, tc, _)) = self.tag_at(self.mentions[m].first as usize) {
                    if tc == c {
                        // (`Senator Ines Varga of Ostrava, who …, called`)
                        let tm = self.qualified_by(tm, first).unwrap_or(tm);
                        let after = self.mentions[tm].end as usize;
                        let strong = self.bytes(after) != b","
                            || !self.seg.tokens.get(after + 1).is_some_and(|t| t.is_capitalized());
                        if strong {
                            return Some(tm);
                        }
                        weak = weak.or(Some(tm));
                    }
                }
            }
            // `Her husband, Pablo Ruiz, said`: a name in apposition that
            // runs up to the tag names the speaker better than the nominal.
            if let Some(w) = weak {
                let after = self.mentions[w].end as usize;
                let named = self.mention_at(after + 1).filter(|&n| {
                    let n_end = self.mentions[n].end as usize;
                    self.mentions[n].kind == MentionKind::Name
                        && self.mentions[w].kind != MentionKind::Name
                        && self.bytes(n_end) == b","
                        && n_end + 1 == b
                });
                return named.or(weak);
            }
        }
        // `Another delegate on the slate, Jim Poolman, said`: a name set
        // off by commas right before the cue.
        if b >= first + 3 && self.bytes(b - 1) == b"," {
            if let Some(n) = self.mention_ending_at(b - 1).filter(|&n| {
                let f = self.mentions[n].first as usize;
                self.mentions[n].kind == MentionKind::Name
                    && f > first
                    && self.bytes(f - 1) == b","
                    && self.can_speak(n)
            }) {
                return Some(n);
            }
        }
        // `…, saying`, `tweets saying`, `… and said`: the subject of the
        // sentence.
        let participle = self.word(cue_tok).ends_with("ing") && b > first;
        let coordinated = b > first && matches!(self.bytes(b - 1), b"and" | b"but" | b"then");
        // (`…, Fiorina said, adding that …`: the participle goes on from
        // the tag before it, whose speaker may not be the sentence's
        // subject.)
        if participle && self.bytes(b - 1) == b"," {
            if let Some(m) = self.tag_ending_before(b - 1, first) {
                return Some(m);
            }
        }
        if participle || coordinated {
            return self.subject_of_sentence(cue_tok);
        }
        None
    }

    /// The speaker of a tag (`Fiorina said`, `said Fiorina`) that ends
    /// right before token `k`, inside the sentence from token `first`.
    fn tag_ending_before(&self, k: usize, first: usize) -> Option<usize> {
        if k < first + 2 {
            return None;
        }
        // `said Fiorina`: a mention after its cue.
        if let Some(m) = self.mention_ending_at(k) {
            let f = self.mentions[m].first as usize;
            let c = self.cues.partition_point(|c| c.span.start < self.seg.tokens[f].span.start).checked_sub(1)?;
            return (self.cue_end_token(c) == f && !self.frames(c).has(Frames::ADDRESSEE) && self.can_speak(m))
                .then_some(m);
        }
        // `Fiorina said`: a cue ending there, and its own speaker.
        let end = self.seg.tokens[k - 1].span.end;
        let c = self.cues.partition_point(|c| c.span.start < end).checked_sub(1)?;
        if self.cues[c].span.end != end || self.cue_token(c) <= first {
            return None;
        }
        let m = self.mention_ending_at(self.cue_token(c))?;
        self.can_speak(m).then_some(m)
    }

    /// The first mention of the sentence holding token `tok`, if it stands
    /// before `tok` and can speak.
    pub fn subject_of_sentence(&self, tok: usize) -> Option<usize> {
        let sentence = self.seg.sentence_of_token(tok);
        let s = self.seg.sentences.get(sentence)?;
        // Skip an opening adverbial (`Amid calls for …, The Blaze's Matt
        // Walsh provided …`): the subject follows its comma.
        let mut first = s.first;
        let opener = crate::lexicon::with_lower_bytes(self.word(first as usize), |w| {
            matches!(
                w,
                b"amid"
                    | b"after"
                    | b"before"
                    | b"when"
                    | b"while"
                    | b"in"
                    | b"on"
                    | b"at"
                    | b"as"
                    | b"although"
                    | b"though"
                    | b"despite"
                    | b"following"
                    | b"during"
                    | b"since"
                    | b"if"
                    | b"because"
                    | b"with"
                    | b"without"
                    | b"for"
                    | b"by"
                    | b"from"
                    | b"under"
                    | b"over"
                    | b"outside"
                    | b"inside"
                    | b"near"
                    | b"across"
                    | b"around"
                    | b"throughout"
                    | b"within"
                    | b"among"
                    | b"behind"
                    | b"beyond"
                    | b"unlike"
                    | b"like"
                    | b"once"
                    | b"until"
                    | b"asked"
                    | b"speaking"
                    | b"according"
                    | b"earlier"
                    | b"later"
                    | b"last"
                    | b"this"
            )
        });
        // (`Appearing before cheering supporters, Suu Kyi said …`: a
        // participle opens the sentence.)
        let opener = opener
            || self.genre == crate::genre::Genre::News
                && self.seg.tokens.get(first as usize).is_some_and(|t| t.is_capitalized())
                && self.word(first as usize).ends_with("ing")
                && self.word(first as usize).len() > 5
                && self.mention_at(first as usize).is_none();
        // (`Hours later, Trump …`, `Two days ago, …`.)
        let time_opener = (first as usize + 1..(first as usize + 4).min(tok))
            .any(|k| matches!(self.bytes(k), b"later" | b"earlier" | b"ago") && self.bytes(k + 1) == b",");
        if opener || time_opener {
            // (A bounded look: sentences can be arbitrarily long.)
            let limit = tok.min(first as usize + 40);
            if let Some(comma) = (first as usize..limit).find(|&k| self.bytes(k) == b",") {
                first = comma as u32 + 1;
                // (`in Aspen, Colo., the graduate …`: an abbreviated state
                // after the place is part of the opener.)
                let k = first as usize;
                let state = self.seg.tokens.get(k).is_some_and(|t| t.is_capitalized())
                    && self.bytes(k + 1) == b"."
                    && self.bytes(k + 2) == b",";
                if state && k + 3 < tok {
                    first = k as u32 + 3;
                }
            }
        }
        // A dateline (`WASHINGTON (AFP) –`) is no subject.
        // (The first mention from `first` on: searched once, and after a
        // dateline only among the mentions after it. A long text has
        // thousands of mentions, and this runs for many cues.)
        let mut k = self.mentions.partition_point(|m| m.first < first);
        if let Some(m) = self.mentions.get(k).filter(|m| m.first == first) {
            // (`PHILADELPHIA, July 25 (UPI) —`: a capitalised place, its
            // date and agency.)
            let opens = matches!(self.bytes(m.end as usize), b"(" | b"\xe2\x80\x93" | b"\xe2\x80\x94" | b"-")
                || self.bytes(m.end as usize) == b","
                    && self.word(m.first as usize).bytes().all(|b| !b.is_ascii_lowercase());
            if opens {
                let stop = (m.end as usize..(m.end as usize + 9).min(tok))
                    .find(|&k| matches!(self.bytes(k), b"\xe2\x80\x93" | b"\xe2\x80\x94" | b"-"));
                if let Some(dash) = stop {
                    first = dash as u32 + 1;
                    k += self.mentions.get(k..).map_or(0, |rest| rest.partition_point(|m| m.first < first));
                }
            }
        }
        // The first mention outside quotations.
        let k = (k..self.mentions.len())
            .take_while(|&k| (self.mentions[k].first as usize) < tok)
            .find(|&k| !self.mentions[k].in_quote)?;
        self.can_speak(k).then_some(k)
    }

    /// True when word `w` has the form of a finite verb: a past (`-ed`, or
    /// irregular) or a third-person present (`-s`, not `-ss`).
    pub fn is_verb_form(&self, w: &str) -> bool {
        w.ends_with("ed") || w.ends_with('s') && !w.ends_with("ss") || self.lex.is_irregular_past(w)
    }

    /// How cue `c` takes what it reports (`src/lexicon/cue_frames.txt`).
    pub fn frames(&self, c: usize) -> Frames {
        self.cues.get(c).map_or(Frames::NONE, |&h| self.matcher.frames(h))
    }

    /// The lemma of cue `c`.
    pub fn lemma(&self, c: usize) -> &str {
        self.matcher.entries.get(self.cues[c].entry as usize).map_or("", |e| &e.lemma)
    }

    /// True when token `i` can open an apposition or a non-restrictive
    /// relative clause after a name: `, 35,`, `, the daughter of …,`, `, a
    /// spokesman for …,`, `, who …,`, `, Russia's envoy,` — not `, and the
    /// meeting ended,`.
    pub fn opens_apposition(&self, i: usize) -> bool {
        let Some(t) = self.seg.tokens.get(i) else { return false };
        if t.kind == TokKind::Number || t.is_capitalized() {
            return true;
        }
        let w = self.word(i);
        // (A bare role noun: `Amar, dean of the law school, said`.)
        if t.may_start_role() && t.shape == crate::segment::Shape::Lower {
            return true;
        }
        // (Or one after a few modifiers: `Frelick, refugee rights program
        // director at Human Rights Watch, said`.)
        let lower = |j: usize| self.seg.tokens.get(j).filter(|t| t.shape == crate::segment::Shape::Lower);
        let modified_role = (i + 1..i + 4)
            .take_while(|&k| lower(k - 1).is_some_and(|t| t.kind == TokKind::Word && !t.is_function_word()))
            .any(|k| lower(k).is_some_and(|t| t.may_start_role()));
        if modified_role {
            return true;
        }
        matches!(
            w,
            "who"
                | "which"
                | "whose"
                | "a"
                | "an"
                | "the"
                | "his"
                | "her"
                | "its"
                | "their"
                | "now"
                | "then"
                | "once"
                | "himself"
                | "herself"
                | "also"
                | "both"
                | "former"
                | "chief"
                | "senior"
                | "deputy"
                | "in"
                | "at"
                | "from"
                | "after"
                | "during"
                | "speaking"
                | "writing"
                | "appearing"
                | "talking"
                | "interviewed"
                | "asked"
                | "like"
                | "along"
                | "citing"
                | "noting"
                | "facing"
                | "whom"
        ) || self.mention_at(i).is_some()
            || self.lex.role(w).is_some()
            // `, legal director for the group,`
            || t.shape == crate::segment::Shape::Lower && self.lex.role(self.word(i + 1)).is_some()
    }
}

#[cfg(test)]
mod fiction_tests;
#[cfg(test)]
mod tests;
