//! Pass 2: the second part of an interrupted quotation.

use super::{AttrDraft, Draft, Pass};
use crate::output::Rule;

/// `“We will stay,” she said, “and we will help.”`: when only a tag and
/// punctuation stand between two quotes of one paragraph, and the first
/// part's tag is that one, the second part shares its speaker and group.
///
/// Leaves alone `“…,” she said. Then she left. “…”`: narration between
/// the parts makes them two quotations (the continuation pass may still
/// give the second one the same speaker).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Interrupted;

/// How often this rule is right, before resolution.
pub(crate) const PRIOR: f32 = 0.94;

impl Pass for Interrupted {
    fn apply(&self, d: &mut Draft<'_>) {
        for q in 0..d.quotes.len() {
            let quote = d.quotes[q];
            let Some(a) = quote.attr else { continue };
            if a.rule != Rule::TrailingTag || quote.parent.is_some() {
                continue;
            }
            let Some(c) = a.cue else { continue };
            let tag_end = d.mentions[a.mention].span.end.max(d.cues[c].span.end);
            // The next top-level quote in the same paragraph.
            let Some(r) = d.top_after(quote.outer.start) else { continue };
            let next = d.quotes[r];
            if next.para != quote.para || next.outer.start < tag_end {
                continue;
            }
            let gap = &d.text[tag_end..next.outer.start];
            if !gap
                .chars()
                .all(|ch| ch.is_whitespace() || matches!(ch, ',' | ':' | ';' | '\u{2014}' | '\u{2013}' | '-'))
            {
                continue;
            }
            // `“…,” she said. “…”` is a new sentence, not an interruption.
            if !gap.contains([',', ':', '\u{2014}', '\u{2013}', '-']) {
                continue;
            }
            d.quotes[r].group = quote.group;
            d.attribute(r, AttrDraft { rule: Rule::Interrupted, prior: PRIOR, ..a });
        }
    }
}
