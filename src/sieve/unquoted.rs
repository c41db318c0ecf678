//! Pass 4: a report with no quotation marks, closed by a tag.

use super::{AttrDraft, Draft, Pass, QDraft};
use crate::output::{QuoteKind, Rule};
use crate::quote::Closure;
use crate::span::Span;

/// A sentence without quotation marks that ends with a tag after a comma:
/// `The potential of the army is enough, the diplomat noted.` /
/// `Inflation will fall, according to the central bank.` The clause before
/// the comma becomes an indirect quote.
///
/// Leaves alone a sentence where the tag is followed by more words (`…, he
/// said on Friday in a statement that …`): that is a different frame.
#[derive(Debug, Clone, Copy)]
pub(crate) struct UnquotedReport;

/// How often this rule is right, before resolution.
pub(crate) const PRIOR: f32 = 0.9;

/// The fewest words the reported clause may have.
const MIN_WORDS: usize = 4;

impl Pass for UnquotedReport {
    fn apply(&self, d: &mut Draft<'_>) {
        let mut q = 0usize;
        let mut new = Vec::new();
        for s in d.seg.sentences.iter() {
            // Skip sentences that overlap a top-level quotation.
            while q < d.quotes.len() && d.quotes[q].outer.end <= s.span.start {
                q += 1;
            }
            if d.quotes[q..].iter().any(|x| x.depth == 0 && x.outer.start < s.span.end && x.outer.end > s.span.start) {
                continue;
            }
            let (first, end) = (s.first as usize, s.end as usize);
            if end - first < MIN_WORDS + 3 {
                continue;
            }
            // The sentence ends `, TAG .`
            let last = end - 1;
            if !matches!(d.word(last), "." | "!") {
                continue;
            }
            let Some(comma) = (first + 1..last).rev().take(8).find(|&k| d.word(k) == ",") else { continue };
            let Some((m, c, tag_end)) = d.tag_at(comma + 1) else { continue };
            if tag_end != last || !d.cue_reports(c) {
                continue;
            }
            let words = (first..comma).filter(|&k| d.seg.tokens[k].is_word()).count();
            if words < MIN_WORDS {
                continue;
            }
            let span = Span::new(d.seg.tokens[first].span.start, d.seg.tokens[comma - 1].span.end);
            new.push((span, s.para, m, c));
        }
        for (span, para, m, c) in new {
            let group = d.quotes.len() as u32;
            d.quotes.push(QDraft {
                outer: span,
                inner: span,
                kind: QuoteKind::Indirect,
                closure: Closure::Closed,
                depth: 0,
                parent: None,
                para,
                group,
                continues_from: None,
                attr: Some(AttrDraft { mention: m, cue: Some(c), rule: Rule::UnquotedReport, prior: PRIOR }),
            });
        }
    }
}
