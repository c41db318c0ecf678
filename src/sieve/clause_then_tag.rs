//! A reported clause closed by a tag: `…, the diplomat noted.`

use super::{Draft, Pass};
use crate::output::Rule;

/// A sentence that ends with a tag after a comma: `The fleet can hold the
/// routes alone, the diplomat noted.` / `Inflation will fall, according to
/// the central bank.` / `The talks are “dead,” officials said on Tuesday.`
/// The clause before the comma becomes an indirect quote, or a mixed one
/// when it holds a quoted fragment (the fragment is nested in it).
///
/// A tag between commas inside the sentence splits the report in two parts
/// of one group: `The outreach, they said, raised new worries.`
///
/// Leaves alone `“We will stay,” she said.`: a quotation that opens the
/// sentence and ends at the tag is a direct quote with a trailing tag.
#[derive(Debug, Clone, Copy)]
pub(crate) struct ClauseThenTag;

/// How often this rule is right, before resolution.
pub(crate) const PRIOR: f32 = 0.87;

/// The fewest words the reported clause may have.
const MIN_WORDS: usize = 4;
/// How far from the sentence's end the tag's comma may be.
const MAX_TAG_TOKENS: usize = 16;

impl Pass for ClauseThenTag {
    fn apply(&self, d: &mut Draft<'_>) {
        if d.genre != crate::genre::Genre::News {
            return;
        }
        for s in 0..d.seg.sentences.len() {
            mid_tag(d, s);
        }
        for s in 0..d.seg.sentences.len() {
            let sent = d.seg.sentences[s];
            let (first, end) = (sent.first as usize, sent.end as usize);
            if end - first < MIN_WORDS + 3 {
                continue;
            }
            // `, TAG [circumstances] .`: the last comma that starts a tag.
            let lo = first + 1;
            let found =
                (lo..end.saturating_sub(1)).rev().take(MAX_TAG_TOKENS).filter(|&k| d.is_mark(k, b',')).find_map(|k| {
                    let (m, c, tag_end) = d.tag_at(k + 1)?;
                    // (`…, an official told Reuters.`)
                    let tag_end = d.past_addressee(c, tag_end);
                    (tag_end <= end && d.ends_tag(tag_end, sent.para)).then_some((k, m, c))
                });
            let Some((comma, m, c)) = found else { continue };
            if d.crosses_quote(first, comma) {
                continue;
            }
            // A direct quote opening the sentence and ending at the comma
            // already has this tag.
            let clause_start = sent.span.start;
            let comma_pos = d.seg.tokens[comma].span.start;
            let direct = d
                .top_starting_at(clause_start)
                .is_some_and(|q| d.quotes[q].outer.end >= d.seg.tokens[comma - 1].span.end);
            if direct {
                continue;
            }
            // The cue may already serve a fragment inside the clause
            // (`… the “reform,” he said.`); otherwise it must be free. A
            // quote in the clause attributed through another cue means the
            // clause is reported already.
            let clause = crate::span::Span::new(clause_start, comma_pos);
            let inside: Vec<usize> = d.top_overlapping(clause).collect();
            let serves_fragment = inside.iter().any(|&q| d.quotes[q].attr.and_then(|a| a.cue) == Some(c));
            if d.cue_used[c] && !serves_fragment {
                continue;
            }
            let reported = inside.iter().any(|&q| {
                let q = &d.quotes[q];
                q.kind != crate::output::QuoteKind::Term
                    && (q.attr.is_some_and(|a| a.cue != Some(c)) || q.bare_cue.is_some())
            });
            if reported {
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

/// `PART1, SPEAKER CUE, PART2.`: a tag between commas in the middle of a
/// sentence with no quotation in it.
fn mid_tag(d: &mut Draft<'_>, s: usize) {
    let sent = d.seg.sentences[s];
    let (first, end) = (sent.first as usize, sent.end as usize);
    if end - first < 6 {
        return;
    }
    // A quotation may sit inside a part (it will be nested), but not open
    // the sentence: `“…,” he said, “…”` is a direct quote.
    if d.top_starting_at(sent.span.start).is_some() {
        return;
    }
    let found = (first + 1..end.saturating_sub(3)).filter(|&k| d.is_mark(k, b',')).find_map(|k| {
        let (m, c, tag_end) = d.tag_at(k + 1)?;
        (d.word(tag_end) == "," && tag_end + 3 < end && !d.cue_used[c]).then_some((k, m, c, tag_end))
    });
    let Some((comma, m, c, tag_end)) = found else { return };
    if d.crosses_quote(first, comma) || d.crosses_quote(tag_end + 1, end) {
        return;
    }
    let words = |a: usize, b: usize| (a..b).filter(|&k| d.seg.tokens[k].is_word()).count();
    // The part after the tag runs to the sentence's end.
    let mut stop = end;
    while stop > tag_end + 1 && matches!(d.word(stop - 1), "." | "!" | "?" | ";" | ",") {
        stop -= 1;
    }
    if words(tag_end + 1, stop) < 3 {
        return;
    }
    // The part before it, unless it is only a circumstance (`In 2008,`).
    let circumstance = crate::lexicon::with_lower(d.word(first), |w| {
        matches!(
            w,
            "in" | "on"
                | "at"
                | "after"
                | "before"
                | "during"
                | "since"
                | "by"
                | "for"
                | "beyond"
                | "under"
                | "over"
                | "last"
                | "this"
                | "and"
                | "but"
                | "among"
                | "with"
                | "from"
        )
    }) && words(first, comma) <= 6;
    let rule = if d.lemma(c) == "according to" { Rule::AccordingTo } else { Rule::ClauseThenTag };
    let second_first = tag_end + 1;
    if circumstance || words(first, comma) == 0 {
        d.add_report(second_first, stop, m, Some(c), rule, PRIOR);
    } else {
        let a = d.add_report(first, comma, m, Some(c), rule, PRIOR);
        let b = d.add_report(second_first, stop, m, Some(c), rule, PRIOR);
        d.quotes[b].group = d.quotes[a].group;
    }
}
