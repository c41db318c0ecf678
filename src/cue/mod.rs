//! Reporting cues: the lexicon of reporting verbs, phrases and noun frames,
//! compiled into one Aho-Corasick automaton.
//!
//! A hit goes through three steps, each in its own file:
//!
//! 1. [`matcher`]: the automaton finds the longest form at a word start
//!    that also ends at a word end (`said`, not `unsaid`; `according to`,
//!    not `according`).
//! 2. Frames: a verb cue right before a frame (`said` + `in a statement`,
//!    `told` + `reporters`) grows to cover it, through a second, anchored
//!    automaton.
//! 3. [`context`]: rules on the neighbouring words drop the hits that are
//!    not cues here (`the said property`, `needless to say`, `all told`).
//!
//! The lexicon format is read by [`entry`]; verb forms come from
//! [`inflect`].

mod context;
mod entry;
mod frames;
pub(crate) mod inflect;
mod matcher;
#[cfg(test)]
mod naive;

pub(crate) use context::ContextRules;
pub(crate) use entry::{CueEntry, Lemma, parse_builtin, parse_entries};
pub(crate) use frames::Frames;
pub(crate) use inflect::Inflector;

use crate::error::BuildError;
use crate::output::Cue;
use crate::segment::{Segmentation, Token};
use crate::span::Span;
use context::RuleSet;
use matcher::{Automaton, Cursor, RawHit, Role, TokenCursor};

/// The verb lexicon, embedded.
pub(crate) const CUES: &str = include_str!("../lexicon/cues.txt");
/// The noun cues and frames, embedded.
pub(crate) const NOUN_CUES: &str = include_str!("../lexicon/noun_cues.txt");

/// How many frames may follow one verb cue (`said` + `in a statement` +
/// `to reporters`).
const MAX_FRAMES: usize = 2;

/// One cue found in the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct CueHit {
    pub span: Span,
    /// Index of the entry in [`CueMatcher::entries`].
    pub entry: u32,
    /// The token the hit starts, when the matcher read it from the tokens
    /// as a plain word ([`CueMatcher::find_in_tokens_into`]); otherwise
    /// [`NO_TOKEN`], and the token must be looked for.
    pub first: u32,
}

/// No token known (in [`CueHit::first`]).
pub(crate) const NO_TOKEN: u32 = u32::MAX;

/// What one automaton pattern stands for.
#[derive(Clone, Debug)]
struct Pattern {
    entry: u32,
    /// True for a verb form, which frames may extend.
    takes_frames: bool,
    /// The context rules that apply to it, as an index into
    /// [`CueMatcher::rule_sets`].
    rules: u32,
}

/// The compiled cue lexicon.
#[derive(Clone, Debug)]
pub(crate) struct CueMatcher {
    pub entries: Vec<CueEntry>,
    /// The frames of each entry's lemma (`src/lexicon/cue_frames.txt`).
    frames: Vec<Frames>,
    /// Every form, as a cue alone or as a frame; `None` when there are
    /// none.
    automaton: Option<Automaton>,
    /// The forms used alone, by the payload the automaton reports.
    patterns: Vec<Pattern>,
    /// The distinct rule sets of the patterns.
    rule_sets: Vec<RuleSet>,
    context: ContextRules,
}

impl CueMatcher {
    /// Compiles the entries, with `context` deciding what is not a cue.
    pub fn new(entries: Vec<CueEntry>, context: ContextRules) -> Result<CueMatcher, BuildError> {
        let mut phrases: Vec<(&str, Role, u32)> = Vec::new();
        let mut patterns = Vec::new();
        let mut rule_sets: Vec<RuleSet> = Vec::new();
        for (i, e) in entries.iter().enumerate() {
            for f in &e.forms {
                if f.attach.alone() {
                    let set = context.rules_for(&e.lemma, &f.text);
                    // Most forms share a rule set: keep each once, so the
                    // sets a search reads stay in cache.
                    let rules = match rule_sets.iter().position(|s| *s == set) {
                        Some(i) => i,
                        None => {
                            rule_sets.push(set);
                            rule_sets.len() - 1
                        }
                    } as u32;
                    phrases.push((&f.text, Role::Alone, patterns.len() as u32));
                    patterns.push(Pattern { entry: i as u32, takes_frames: !f.attach.frame(), rules });
                }
                if f.attach.frame() {
                    phrases.push((&f.text, Role::Frame, i as u32));
                }
            }
        }
        let automaton = if phrases.is_empty() {
            None
        } else {
            Some(Automaton::new(&phrases).map_err(|e| BuildError::lexicon("cues", 0, e))?)
        };
        let table = frames::FrameTable::english()?;
        let frames = entries.iter().map(|e| table.get(&e.lemma)).collect();
        Ok(CueMatcher { entries, frames, automaton, patterns, rule_sets, context })
    }

    /// The built-in English lexicon and rules.
    #[cfg(test)]
    pub fn english() -> Result<CueMatcher, BuildError> {
        let inflector = Inflector::english()?;
        let mut entries = parse_builtin("cues", CUES, &inflector)?;
        entries.extend(parse_builtin("noun_cues", NOUN_CUES, &inflector)?);
        CueMatcher::new(entries, ContextRules::english()?)
    }

    /// A matcher with no cues.
    pub fn empty() -> CueMatcher {
        CueMatcher {
            entries: Vec::new(),
            frames: Vec::new(),
            automaton: None,
            patterns: Vec::new(),
            rule_sets: Vec::new(),
            context: ContextRules::default(),
        }
    }

    /// Every cue in `text`, in order.
    pub fn find_iter<'m, 'h>(&'m self, text: &'h str) -> CueIter<'m, 'h> {
        CueIter { m: self, text, cur: Cursor::new(text, 0) }
    }

    /// Every cue in `text`, in order, collected.
    pub fn find_all(&self, text: &str) -> Vec<CueHit> {
        self.find_iter(text).collect()
    }

    /// The entry of a hit.
    pub fn entry(&self, hit: CueHit) -> Option<&CueEntry> {
        self.entries.get(hit.entry as usize)
    }

    /// How the hit's verb takes what it reports.
    #[inline]
    pub fn frames(&self, hit: CueHit) -> Frames {
        self.frames.get(hit.entry as usize).copied().unwrap_or_default()
    }

    /// True when the hit's entry is a verb of speaking (class speech).
    pub fn is_speech(&self, hit: CueHit) -> bool {
        self.entry(hit).is_some_and(|e| e.class == crate::output::CueClass::Speech)
    }

    /// The public record of a hit.
    pub fn to_cue(&self, hit: CueHit) -> Option<Cue> {
        let e = self.entry(hit)?;
        Some(Cue { span: hit.span, lemma: e.lemma.clone(), class: e.class, stance: e.stance })
    }

    /// The next cue after the cursor; moves the cursor past it.
    fn next_hit(&self, text: &str, cur: &mut Cursor) -> Option<CueHit> {
        let automaton = self.automaton.as_ref()?;
        loop {
            let raw = automaton.find(text, cur)?;
            let (span, hit) = self.complete(automaton, text, raw, None);
            cur.skip_to(text, span.end);
            if hit.is_some() {
                return hit;
            }
        }
    }

    /// Every cue of `text`, as [`find_all`](Self::find_all) gives them,
    /// from its segmentation: only the tokens that may start a cue are read
    /// ([`Segmentation::cue_tokens`]); a plain word
    /// ([`CueScan::Word`](crate::segment::CueScan::Word)) is looked up
    /// without scanning its bytes again; the other words are scanned as
    /// `find_all` does.
    #[cfg(test)]
    pub fn find_in_tokens(&self, text: &str, seg: &Segmentation) -> Vec<CueHit> {
        let mut out = Vec::new();
        self.find_in_tokens_into(text, seg, &mut out);
        out
    }

    /// [`find_in_tokens`](Self::find_in_tokens) into `out`, cleared first
    /// (its room reused).
    pub fn find_in_tokens_into(&self, text: &str, seg: &Segmentation, out: &mut Vec<CueHit>) {
        // (About one cue in 130 bytes of news.)
        out.clear();
        out.reserve(text.len() / 64 + 4);
        let Some(automaton) = self.automaton.as_ref() else { return };
        let mut cur = TokenCursor::default();
        while let Some((raw, first)) = automaton.find_in_tokens(text, &seg.tokens, &seg.cue_tokens, &mut cur) {
            let (span, hit) = self.complete(automaton, text, raw, first.map(|k| (seg.tokens.as_slice(), k)));
            cur.skip_to(text, span.end);
            out.extend(hit);
        }
    }

    /// False when no cue starts at the word `start..end` of `text` (a word
    /// of ASCII letters, digits and `_` with no word character on either
    /// side); true when one may.
    #[inline]
    pub fn may_start(&self, text: &str, start: usize, end: usize) -> bool {
        self.automaton.as_ref().is_some_and(|a| a.may_start(text, start, end))
    }

    /// [`may_start`](Self::may_start) for a word given by its
    /// [`head_hash`](crate::ascii::head_hash) (for a word of at most eight
    /// bytes, the [`short_hash`](crate::ascii::short_hash) of its bytes
    /// lower-cased): the tokenizer computes it once for this and the word's
    /// flags, and reads the [`start_filter`](Self::start_filter) itself.
    #[cfg(test)]
    pub fn may_start_hash(&self, hash: u64) -> bool {
        self.start_filter().is_some_and(|f| f.contains(hash))
    }

    /// The hashes of the words that may start a cue, as
    /// [`may_start`](Self::may_start) reads them: taken once by a caller
    /// that asks for many words (the tokenizer); `None` when no word
    /// starts a cue.
    #[inline]
    pub(crate) fn start_filter(&self) -> Option<&crate::ascii::HashBits> {
        self.automaton.as_ref().map(Automaton::start_filter)
    }

    /// A raw hit grown over its frames, and the cue it is unless the
    /// context rules reject it. `tokens` holds the text's tokens and the
    /// index of the one the hit starts, when the caller has them: the rules
    /// then read the words around the hit from them.
    #[inline]
    fn complete(
        &self,
        automaton: &Automaton,
        text: &str,
        raw: RawHit,
        tokens: Option<(&[Token], usize)>,
    ) -> (Span, Option<CueHit>) {
        let Some(pat) = self.patterns.get(raw.payload as usize) else { return (raw.span, None) };
        let mut span = raw.span;
        if pat.takes_frames {
            span.end = extend(automaton, text, span.end);
        }
        let hit = self
            .rule_sets
            .get(pat.rules as usize)
            .filter(|rules| match tokens {
                Some((tokens, first)) => !self.context.rejects_in_tokens(text, tokens, first, span, rules),
                None => !self.context.rejects(text, span, rules),
            })
            .map(|_| CueHit {
                span,
                entry: pat.entry,
                first: tokens.and_then(|(_, k)| u32::try_from(k).ok()).unwrap_or(NO_TOKEN),
            });
        (span, hit)
    }

    /// The automaton's hits before frames and context rules, as (span,
    /// index of the form among the forms used alone), for the differential
    /// tests.
    #[cfg(test)]
    fn raw_hits(&self, text: &str) -> Vec<(Span, u32)> {
        let mut out = Vec::new();
        let Some(automaton) = &self.automaton else { return out };
        let mut cur = Cursor::new(text, 0);
        while let Some(h) = automaton.find(text, &mut cur) {
            out.push((h.span, h.payload));
            cur.skip_to(text, h.span.end);
        }
        out
    }
}

/// The end of the frames after a verb cue ending at `end`: `said` + ` in a
/// statement` + ` to reporters`. Only spaces may separate them.
fn extend(automaton: &Automaton, text: &str, mut end: usize) -> usize {
    for _ in 0..MAX_FRAMES {
        let b = text.as_bytes();
        let mut at = end;
        loop {
            match b.get(at) {
                Some(b' ' | b'\t') => at += 1,
                // A no-break space.
                Some(0xC2) if b.get(at + 1) == Some(&0xA0) => at += 2,
                _ => break,
            }
        }
        if at == end {
            break;
        }
        match automaton.find_at(text, at, Role::Frame) {
            // (`asked in the video's caption`: a frame noun that owns the
            // next word is no frame.)
            Some(f) if !possessive_at(text, f.span.end) => end = f.span.end,
            _ => break,
        }
    }
    end
}

/// True when a possessive `'s` or `’s` starts at byte `at`.
fn possessive_at(text: &str, at: usize) -> bool {
    let rest = text.get(at..).unwrap_or_default();
    let rest = rest.strip_prefix('\'').or_else(|| rest.strip_prefix('\u{2019}'));
    rest.and_then(|r| r.strip_prefix(['s', 'S'])).is_some_and(|r| !r.starts_with(|c: char| c.is_alphanumeric()))
}

/// The cues of one text, lazily; see [`CueMatcher::find_iter`].
#[derive(Debug)]
pub(crate) struct CueIter<'m, 'h> {
    m: &'m CueMatcher,
    text: &'h str,
    cur: Cursor,
}

impl Iterator for CueIter<'_, '_> {
    type Item = CueHit;

    fn next(&mut self) -> Option<CueHit> {
        self.m.next_hit(self.text, &mut self.cur)
    }
}

/// The reporting cues of a text, in order: an iterator of [`Cue`],
/// created by [`Attributor::cues`](crate::Attributor::cues).
///
/// It runs only the cue matcher (no quotes, mentions or attribution), so
/// it is much faster than [`Attributor::attribute`](crate::Attributor::attribute),
/// and finds every cue, inside quotations too.
///
/// # Example
///
/// ```
/// let at = whosaid::Attributor::new();
/// let text = "Havel said in a statement that the said property was sold, according to Ruiz.";
/// let cues: Vec<&str> = at.cues(text).map(|c| &text[c.span()]).collect();
/// assert_eq!(cues, ["said in a statement", "according to"]);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug)]
pub struct Cues<'a, 'h> {
    it: CueIter<'a, 'h>,
}

impl<'a, 'h> Cues<'a, 'h> {
    pub(crate) fn new(m: &'a CueMatcher, text: &'h str) -> Cues<'a, 'h> {
        Cues { it: m.find_iter(text) }
    }
}

impl Iterator for Cues<'_, '_> {
    type Item = Cue;

    fn next(&mut self) -> Option<Cue> {
        loop {
            let hit = self.it.next()?;
            if let Some(cue) = self.it.m.to_cue(hit) {
                return Some(cue);
            }
        }
    }
}

impl core::iter::FusedIterator for Cues<'_, '_> {}

#[cfg(test)]
mod tests;
