//! A source that closes a sentence of reported speech: `…, according to
//! CNN.`, `…, the Times reported.`

use super::{Draft, Pass};
use crate::output::Rule;

/// In news, a sentence that reports someone's words and ends with the
/// source that reported them is that source's report, with the words it
/// relays nested in it:
///
/// * `“…,” Sanders said, according to CNN.`
/// * `Earlier, Clinton pledged to “promote the changes,” the Orlando
///   Sentinel reported.`
///
/// The nested quotation keeps its own speaker (Sanders, Clinton): a caller
/// who counts who is quoted reads the nested quotes; one who counts who
/// reports reads the top level. PolNeAR annotates the top level this way.
///
/// Runs after the tag and clause passes: it wraps only a sentence that
/// already holds an attributed quotation or report (a bare clause
/// closed by such a tag is the clause-then-tag pass's), only when the
/// source's tag closes the sentence, and not from inside a parenthesis.
#[derive(Debug, Clone, Copy)]
pub(crate) struct OuterSource;

/// How often this rule is right, before resolution.
pub(crate) const PRIOR: f32 = 0.8;

impl Pass for OuterSource {
    fn apply(&self, d: &mut Draft<'_>) {
        if d.genre != crate::genre::Genre::News {
            return;
        }
        for c in 0..d.cues.len() {
            let Some(site) = d.free_cue(c) else { continue };
            let lemma = d.lemma(c);
            let (m, tag_start, tag_end, rule) = if lemma == "according to" {
                let Some(m) = d.mention_at(site.end).filter(|&m| d.can_speak(m)) else { continue };
                (m, site.tok, d.mentions[m].end as usize, Rule::AccordingTo)
            } else if lemma == "report" && !d.word(site.tok).ends_with("ing") {
                // `the Times reported`: the source right before the cue.
                let Some(m) = d.mention_ending_at(site.tok).filter(|&m| d.can_speak(m)) else { continue };
                (m, d.mentions[m].first as usize, site.end, Rule::ClauseThenTag)
            } else {
                continue;
            };
            // (A quotation of several sentences, or one ending in `?`,
            // starts its sentence before the one the tag stands in.)
            let first_span = d.token_span(site.first, site.first + 1);
            let mut first = match d.top_overlapping(first_span).next() {
                Some(q) if d.quotes[q].outer.start < first_span.start => d.token_at(d.quotes[q].outer.start),
                _ => site.first,
            };
            // (`“What does that mean?” Clinton asked, according to …`: the
            // question closed the sentence before its own tag.)
            if first == site.first && first > 0 {
                let before = d.token_span(first - 1, first);
                if let Some(q) = d.top_overlapping(before).next_back() {
                    let tagged_here = d.quotes[q].attr.and_then(|a| a.cue).is_some_and(|cc| {
                        let k = d.cue_token(cc);
                        k >= first && k < tag_start
                    });
                    if tagged_here && d.quotes[q].para == site.para {
                        first = d.token_at(d.quotes[q].outer.start);
                    }
                }
            }
            if tag_start <= first || !d.ends_tag(tag_end, site.para) {
                continue;
            }
            let stop = if d.bytes(tag_start - 1) == b"," { tag_start - 1 } else { tag_start };
            if stop <= first {
                continue;
            }
            // (`… (the number is closer to 15 percent, according to
            // Factcheck.org).`: a source inside a parenthesis reports only
            // the parenthesis.)
            let open = (first..stop).filter(|&k| d.bytes(k) == b"(").count();
            let close = (first..stop).filter(|&k| d.bytes(k) == b")").count();
            if open > close {
                continue;
            }
            // What the source reports: a quotation someone was given, and
            // nothing that runs out of the sentence.
            let span = d.token_span(first, stop);
            let mut inside = d.top_overlapping(span).peekable();
            if inside.peek().is_none() {
                continue;
            }
            let mut attributed = false;
            let mut contained = true;
            for q in inside {
                contained &= span.encloses(d.quotes[q].outer);
                // (Or words in quotation marks that no tag claimed: `Carter
                // spoke with Han “to discuss …,” according to a readout.`)
                attributed |= match d.quotes[q].attr {
                    Some(a) => a.mention != m,
                    None => d.quotes[q].kind.is_speech() && d.quotes[q].bare_cue.is_none(),
                };
            }
            if !contained || !attributed {
                continue;
            }
            d.add_report(first, stop, m, Some(c), rule, PRIOR);
        }
    }
}
