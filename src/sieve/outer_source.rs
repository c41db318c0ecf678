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
            if tag_start <= site.first || !d.ends_tag(tag_end, site.para) {
                continue;
            }
            let stop = if d.word(tag_start - 1) == "," { tag_start - 1 } else { tag_start };
            if stop <= site.first {
                continue;
            }
            // (`… (the number is closer to 15 percent, according to
            // Factcheck.org).`: a source inside a parenthesis reports only
            // the parenthesis.)
            let open = (site.first..stop).filter(|&k| d.word(k) == "(").count();
            let close = (site.first..stop).filter(|&k| d.word(k) == ")").count();
            if open > close {
                continue;
            }
            // What the source reports: a quotation someone was given, and
            // nothing that runs out of the sentence.
            let span = d.token_span(site.first, stop);
            let mut inside = d.top_overlapping(span).peekable();
            if inside.peek().is_none() {
                continue;
            }
            let mut attributed = false;
            let mut contained = true;
            for q in inside {
                contained &= span.encloses(d.quotes[q].outer);
                attributed |= d.quotes[q].attr.is_some_and(|a| a.mention != m);
            }
            if !contained || !attributed {
                continue;
            }
            d.add_report(site.first, stop, m, Some(c), rule, PRIOR);
        }
    }
}
