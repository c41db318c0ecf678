//! Reports nested inside a quotation: `“…, as President Putin said, the
//! armed forces will strike …”`.

use super::{AttrDraft, Draft, Pass, QDraft};
use crate::output::{MentionKind, QuoteKind, Rule};
use crate::quote::Closure;
use crate::span::Span;

/// Inside a quotation, a named speaker's report is a quote of its own,
/// nested in the quotation and attributed to that speaker:
///
/// * `“…, then, as President Putin said, the armed forces will strike …”`
/// * `“Havel said that the budget was honest, and he was right.”`
///
/// Leaves alone `“I said that we would win.”`: a pronoun inside a quote
/// speaks for the quote's own speaker, which is no separate report.
#[derive(Debug, Clone, Copy)]
pub(crate) struct NestedReport;

/// How often this rule is right, before resolution.
pub(crate) const PRIOR: f32 = 0.8;

impl Pass for NestedReport {
    fn apply(&self, d: &mut Draft<'_>) {
        let mut new: Vec<QDraft> = Vec::new();
        for h in 0..d.inner_cues.len() {
            let hit = d.inner_cues[h];
            // The top-level direct quotation holding the cue.
            let Some(q) = d.top_overlapping(hit.span).next() else { continue };
            let quote = d.quotes[q];
            if quote.kind != QuoteKind::Direct || !quote.inner.encloses(hit.span) {
                continue;
            }
            let cue_tok = d.token_at(hit.span.start);
            let cue_end = d.seg.tokens.partition_point(|t| t.span.start < hit.span.end);
            // The speaker: a name, nominal or organisation right before the cue.
            let Some(m) = mention_ending_at(d, cue_tok) else { continue };
            let mention = d.mentions[m];
            if !matches!(mention.kind, MentionKind::Name | MentionKind::Nominal | MentionKind::Organization)
                || mention.possessive
            {
                continue;
            }
            let before = (mention.first as usize).checked_sub(1).map_or("", |k| d.word(k));
            let start = if matches!(before, "as" | "As") && d.bytes(cue_end) == b"," {
                cue_end + 1
            } else if d.bytes(cue_end) == b"that" {
                cue_end
            } else {
                continue;
            };
            // The clause ends with its sentence, or with the quotation.
            let sentence = d.seg.sentences[d.seg.sentence_of_token(cue_tok)];
            let mut stop = start;
            while stop < sentence.end as usize && d.seg.tokens[stop].span.end <= quote.inner.end {
                stop += 1;
            }
            while stop > start && matches!(d.bytes(stop - 1), b"." | b"," | b";" | b":" | b"!" | b"?" | b"\xe2\x80\xa6")
            {
                stop -= 1;
            }
            if d.words_in(start, stop) < 3 {
                continue;
            }
            let span = Span::new(d.seg.tokens[start].span.start, d.seg.tokens[stop - 1].span.end);
            let mut attr = AttrDraft::new(m, None, Rule::TagThenClause, PRIOR);
            attr.inner_cue = Some(h);
            new.push(QDraft {
                outer: span,
                inner: span,
                kind: QuoteKind::Indirect,
                closure: Closure::Closed,
                parent: Some(q),
                para: quote.para,
                group: 0,
                continues_from: None,
                bare_cue: None,
                attr: Some(attr),
                addressee: None,
                firm: false,
            });
        }
        if new.is_empty() {
            return;
        }
        // Quotes inside a report nest in it: look among the children of the
        // quotation holding the report.
        let mut children: std::collections::HashMap<usize, Vec<usize>> = std::collections::HashMap::new();
        for (i, q) in d.quotes.iter().enumerate() {
            if let Some(p) = q.parent {
                children.entry(p).or_default().push(i);
            }
        }
        for mut x in new {
            let idx = d.quotes.len();
            x.group = idx as u32;
            if let Some(kids) = x.parent.and_then(|p| children.get(&p)) {
                for &k in kids {
                    if d.quotes[k].parent == x.parent && x.outer.encloses(d.quotes[k].outer) {
                        d.quotes[k].parent = Some(idx);
                    }
                }
            }
            d.quotes.push(x);
        }
    }
}

/// The mention (inside or outside quotations) ending just before token `i`.
fn mention_ending_at(d: &Draft<'_>, i: usize) -> Option<usize> {
    let k = d.mentions.partition_point(|m| (m.end as usize) < i);
    (d.mentions.get(k)?.end as usize == i).then_some(k)
}
