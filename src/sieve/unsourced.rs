//! Reports that name no source: `… is expected to win`, `it is believed
//! that …`, `Asked whether …`.

use super::tag_then_clause::clause_end;
use super::{Draft, Pass};
use crate::genre::Genre;
use crate::segment::TokKind;

/// A report whose source the sentence leaves out. News annotation counts
/// these as attributions with no speaker, so they are reported as
/// indirect quotes that keep their cue and have no attribution:
///
/// * `The senator is widely expected to win the primary.`
/// * `It is believed that the talks will resume.`
/// * `Asked whether the talks would resume, the minister demurred.`
///
/// Leaves alone `He is expected at noon.` (no clause follows the cue).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Unsourced;

/// The fewest words such a report may have.
const MIN_WORDS: usize = 3;

/// Cues that report without a source in the passive.
fn passive_reporting(lemma: &str) -> bool {
    matches!(
        lemma,
        "expect"
            | "say"
            | "report"
            | "believe"
            | "think"
            | "consider"
            | "know"
            | "rumor"
            | "rumour"
            | "estimate"
            | "project"
            | "predict"
            | "anticipate"
            | "understand"
            | "allege"
            | "claim"
            | "suspect"
            | "fear"
    )
}

impl Pass for Unsourced {
    fn apply(&self, d: &mut Draft<'_>) {
        if d.genre != Genre::News {
            return;
        }
        for c in 0..d.cues.len() {
            let Some(site) = d.free_cue(c) else { continue };
            let (cue_tok, cue_end, first, end) = (site.tok, site.end, site.first, site.sentence_end);
            let lemma = d.lemma(c);
            // `Asked whether …,` opening the sentence, or `when asked what
            // …` / `after being asked how …` inside it.
            let opens = (first..cue_tok).all(|k| d.seg.tokens[k].kind == TokKind::Punct)
                || cue_tok > first
                    && d.word(cue_tok).eq_ignore_ascii_case("asked")
                    && crate::lexicon::with_lower(d.word(cue_tok - 1), |w| {
                        matches!(w, "when" | "if" | "being" | "and" | "but" | "after" | "once")
                    });
            // The one who asked, when the sentence names them: `When asked
            // by a host whether …`.
            let mut asker = None;
            let start = if lemma == "ask" && opens {
                // `Asked whether …, X said`: the question runs to the comma.
                // (Over the asker and circumstances: `asked by Ingraham on
                // Thursday about …`, `Asked on Fox News who …`.)
                let (k, by) = past_asker(d, cue_end, end);
                asker = by;
                match d.word(k) {
                    "whether" | "if" | "about" | "what" | "how" | "why" | "when" | "who" | "which" => k,
                    "to" if k == cue_end => k,
                    _ => continue,
                }
            } else if passive_reporting(lemma) && d.word(cue_tok).ends_with('d') || d.bytes(cue_tok) == b"known" {
                // `is (widely) expected to …`, `it was reported that …`.
                let mut b = cue_tok;
                if b > first && d.word(b - 1).ends_with("ly") {
                    b -= 1;
                }
                if b == first || !super::is_be_form(d.bytes(b - 1)) {
                    continue;
                }
                let it = b >= first + 2 && matches!(d.bytes(b - 2), b"it" | b"It");
                match d.word(cue_end) {
                    "to" if !it => cue_end,
                    "that" if it => cue_end,
                    _ => continue,
                }
            } else {
                continue;
            };
            let stop = if lemma == "ask" {
                let mut stop = (start..end).find(|&k| d.is_mark(k, b',')).unwrap_or(end);
                while stop > start && matches!(d.bytes(stop - 1), b"." | b"?" | b"!" | b";") {
                    stop -= 1;
                }
                stop
            } else {
                match clause_end(d, start, end) {
                    Some(s) => s,
                    None => continue,
                }
            };
            if stop <= start + 1 || d.words_in(start, stop) < MIN_WORDS {
                continue;
            }
            if d.crosses_quote(start, stop) {
                continue;
            }
            match asker {
                Some(m) => {
                    d.add_report(start, stop, m, Some(c), crate::output::Rule::TagThenClause, ASKER_PRIOR);
                }
                None => {
                    d.add_unsourced(start, stop, c);
                }
            }
        }
    }
}

/// How often the asker named by `asked by X` is the source.
const ASKER_PRIOR: f32 = 0.8;

/// Past the agent and circumstances after `asked` (token `k`): `by a host`,
/// `directly by The Times`, `on Fox News`, `during an appearance Friday`.
/// Returns where the question may start and the asker's mention.
fn past_asker(d: &Draft<'_>, mut k: usize, end: usize) -> (usize, Option<usize>) {
    let limit = end.min(k + 12);
    let mut asker = None;
    let opens_circumstance = |w: &str| {
        w.ends_with("ly")
            || matches!(w, "on" | "in" | "at" | "during" | "by" | "about")
            || crate::lexicon::is_weekday(w)
    };
    if !opens_circumstance(d.word(k)) || d.bytes(k) == b"about" {
        return (k, None);
    }
    while k < limit {
        let w = d.word(k);
        if matches!(w, "whether" | "if" | "about" | "what" | "how" | "why" | "who" | "which") {
            return (k, asker);
        }
        if matches!(w, "," | ";" | "." | ":") || d.seg.tokens[k].kind == TokKind::Punct && w != "'" {
            break;
        }
        if w == "by" && asker.is_none() {
            if let Some(m) = d.mention_at(k + 1).filter(|&m| d.can_speak(m)) {
                asker = Some(m);
                k = d.mentions[m].end as usize;
                continue;
            }
        }
        k += 1;
    }
    (limit.max(k), None)
}
