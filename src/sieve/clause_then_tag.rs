//! A reported clause closed by a tag: `…, the diplomat noted.`

use super::{Draft, Pass};
use crate::output::Rule;

/// A sentence that ends with a tag after a comma: `The fleet can hold the
/// routes alone, the diplomat noted.` / `Inflation will fall, according to
/// the central bank.` / `The talks are “dead,” officials said on Tuesday.`
/// The clause before the comma becomes an indirect quote, or a mixed one
/// when it holds a quoted fragment (the fragment is nested in it).
///
/// Leaves alone `“We will stay,” she said.`: a quotation that opens the
/// sentence and ends at the tag is a direct quote with a trailing tag.
#[derive(Debug, Clone, Copy)]
pub(crate) struct ClauseThenTag;

/// How often this rule is right, before resolution.
pub(crate) const PRIOR: f32 = 0.9;

/// The fewest words the reported clause may have.
const MIN_WORDS: usize = 4;
/// How far from the sentence's end the tag's comma may be.
const MAX_TAG_TOKENS: usize = 16;

impl Pass for ClauseThenTag {
    fn apply(&self, d: &mut Draft<'_>) {
        for s in 0..d.seg.sentences.len() {
            let sent = d.seg.sentences[s];
            let (first, end) = (sent.first as usize, sent.end as usize);
            if end - first < MIN_WORDS + 3 {
                continue;
            }
            // `, TAG [circumstances] .`: the last comma that starts a tag.
            let lo = first + 1;
            let found =
                (lo..end.saturating_sub(1)).rev().take(MAX_TAG_TOKENS).filter(|&k| d.word(k) == ",").find_map(|k| {
                    let (m, c, tag_end) = d.tag_at(k + 1)?;
                    (tag_end <= end && d.ends_tag(tag_end, sent.para)).then_some((k, m, c))
                });
            let Some((comma, m, c)) = found else { continue };
            if !d.cue_reports(c) || d.crosses_quote(first, comma) {
                continue;
            }
            // A direct quote opening the sentence and ending at the comma
            // already has this tag.
            let clause_start = sent.span.start;
            let comma_pos = d.seg.tokens[comma].span.start;
            let direct = d.quotes.iter().any(|q| {
                q.depth == 0 && q.outer.start == clause_start && q.outer.end >= d.seg.tokens[comma - 1].span.end
            });
            if direct {
                continue;
            }
            // The cue may already serve a fragment inside the clause
            // (`… the “reform,” he said.`); otherwise it must be free.
            if d.cue_used[c]
                && !d.quotes.iter().any(|q| q.attr.and_then(|a| a.cue) == Some(c) && q.outer.end <= comma_pos)
            {
                continue;
            }
            // Already reported by another pass.
            if d.quotes.iter().any(|q| {
                q.depth == 0
                    && q.kind != crate::output::QuoteKind::Term
                    && q.outer.start >= clause_start
                    && q.outer.end <= comma_pos
                    && q.attr.is_some_and(|a| a.cue != Some(c))
            }) {
                continue;
            }
            let words = (first..comma).filter(|&k| d.seg.tokens[k].is_word()).count();
            if words < MIN_WORDS {
                continue;
            }
            let rule = if d.lemma(c) == "according to" { Rule::AccordingTo } else { Rule::ClauseThenTag };
            d.add_report(first, comma, m, Some(c), rule, PRIOR);
        }
    }
}
