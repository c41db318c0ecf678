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
mod inflect;
mod matcher;
#[cfg(test)]
mod naive;

pub(crate) use context::ContextRules;
pub(crate) use entry::{CueEntry, parse_entries};
pub(crate) use inflect::Inflector;

use crate::error::BuildError;
use crate::output::Cue;
use crate::span::Span;
use context::Rule;
use matcher::Automaton;

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
}

/// What one automaton pattern stands for.
#[derive(Clone, Debug)]
struct Pattern {
    entry: u32,
    /// True for a verb form, which frames may extend.
    takes_frames: bool,
    /// The context rules keyed on its lemma or form, as indexes into
    /// [`CueMatcher::rules`].
    rules: Box<[u32]>,
}

/// The compiled cue lexicon.
#[derive(Clone, Debug)]
pub(crate) struct CueMatcher {
    pub entries: Vec<CueEntry>,
    /// The cue forms; `None` when there are none.
    main: Option<Automaton>,
    patterns: Vec<Pattern>,
    /// The frame forms, anchored.
    frames: Option<Automaton>,
    /// The keyed rules, flattened.
    rules: Vec<Rule>,
    context: ContextRules,
}

impl CueMatcher {
    /// Compiles the entries, with `context` deciding what is not a cue.
    pub fn new(entries: Vec<CueEntry>, context: ContextRules) -> Result<CueMatcher, BuildError> {
        let mut main_forms: Vec<&str> = Vec::new();
        let mut patterns = Vec::new();
        let mut frame_forms: Vec<&str> = Vec::new();
        let mut rules: Vec<Rule> = Vec::new();
        for (i, e) in entries.iter().enumerate() {
            for f in &e.forms {
                if f.attach.alone() {
                    let mut ids = Vec::new();
                    for r in context.rules_for(&e.lemma, &f.text) {
                        let id = match rules.iter().position(|x| x == r) {
                            Some(id) => id,
                            None => {
                                rules.push(r.clone());
                                rules.len() - 1
                            }
                        };
                        ids.push(id as u32);
                    }
                    main_forms.push(&f.text);
                    patterns.push(Pattern { entry: i as u32, takes_frames: !f.attach.frame(), rules: ids.into() });
                }
                if f.attach.frame() {
                    frame_forms.push(&f.text);
                }
            }
        }
        let build = |forms: &[&str], anchored: bool| -> Result<Option<Automaton>, BuildError> {
            if forms.is_empty() {
                return Ok(None);
            }
            Automaton::new(forms, anchored).map(Some).map_err(|e| BuildError::lexicon("cues", 0, e.to_string()))
        };
        let main = build(&main_forms, false)?;
        let frames = build(&frame_forms, true)?;
        Ok(CueMatcher { entries, main, patterns, frames, rules, context })
    }

    /// The built-in English lexicon and rules.
    #[cfg(test)]
    pub fn english() -> Result<CueMatcher, BuildError> {
        let inflector = Inflector::english()?;
        let mut entries = parse_entries("cues", CUES, &inflector)?;
        entries.extend(parse_entries("noun_cues", NOUN_CUES, &inflector)?);
        CueMatcher::new(entries, ContextRules::english()?)
    }

    /// A matcher with no cues.
    pub fn empty() -> CueMatcher {
        CueMatcher {
            entries: Vec::new(),
            main: None,
            patterns: Vec::new(),
            frames: None,
            rules: Vec::new(),
            context: ContextRules::default(),
        }
    }

    /// Every cue in `text`, in order.
    pub fn find_iter<'m, 'h>(&'m self, text: &'h str) -> CueIter<'m, 'h> {
        CueIter { m: self, text, pos: 0 }
    }

    /// Every cue in `text`, in order, collected.
    pub fn find_all(&self, text: &str) -> Vec<CueHit> {
        self.find_iter(text).collect()
    }

    /// The entry of a hit.
    pub fn entry(&self, hit: CueHit) -> Option<&CueEntry> {
        self.entries.get(hit.entry as usize)
    }

    /// The public record of a hit.
    pub fn to_cue(&self, hit: CueHit) -> Option<Cue> {
        let e = self.entry(hit)?;
        Some(Cue { span: hit.span, lemma: e.lemma.to_string(), class: e.class, stance: e.stance })
    }

    /// The next cue at or after byte `pos`, and where to search on.
    fn next_hit(&self, text: &str, mut pos: usize) -> Option<(CueHit, usize)> {
        let main = self.main.as_ref()?;
        loop {
            let raw = main.find(text, pos)?;
            let pat = self.patterns.get(raw.pattern as usize)?;
            let mut span = raw.span;
            if pat.takes_frames {
                span.end = self.extend(text, span.end);
            }
            pos = span.end;
            let own = pat.rules.iter().filter_map(|&r| self.rules.get(r as usize));
            if !self.context.rejects(text, span, own) {
                return Some((CueHit { span, entry: pat.entry }, pos));
            }
        }
    }

    /// The end of the frames after a verb cue ending at `end`: `said` + ` in
    /// a statement` + ` to reporters`. Only spaces may separate them.
    fn extend(&self, text: &str, mut end: usize) -> usize {
        let Some(frames) = &self.frames else { return end };
        for _ in 0..MAX_FRAMES {
            let rest = &text[end..];
            let gap = rest.len() - rest.trim_start_matches([' ', '\t', '\u{a0}']).len();
            if gap == 0 {
                break;
            }
            match frames.find_at(text, end + gap) {
                Some(f) => end = f.span.end,
                None => break,
            }
        }
        end
    }

    /// The automaton's hits before frames and context rules, as (span,
    /// pattern text), for the differential tests.
    #[cfg(test)]
    fn raw_hits(&self, text: &str) -> Vec<(Span, u32)> {
        let mut out = Vec::new();
        let Some(main) = &self.main else { return out };
        let mut pos = 0;
        while let Some(h) = main.find(text, pos) {
            out.push((h.span, h.pattern));
            pos = h.span.end;
        }
        out
    }
}

/// The cues of one text, lazily; see [`CueMatcher::find_iter`].
#[derive(Debug)]
pub(crate) struct CueIter<'m, 'h> {
    m: &'m CueMatcher,
    text: &'h str,
    pos: usize,
}

impl Iterator for CueIter<'_, '_> {
    type Item = CueHit;

    fn next(&mut self) -> Option<CueHit> {
        let (hit, pos) = self.m.next_hit(self.text, self.pos)?;
        self.pos = pos;
        Some(hit)
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
