//! A quotation with no tag inside a sentence whose subject speaks:
//! `Clinton compared the president to a duck: “…”`.

use super::{AttrDraft, Draft, Pass};
use crate::genre::Genre;
use crate::output::Rule;

/// In news, a quotation that no tag claimed, standing inside a sentence
/// after its subject, is that subject's: `Sanders delivered a snappy
/// retort: “…”`, `Clinton compared the president to a duck, “…”`, `He
/// played down Trump's comments as “just part of the campaign”`. The rule
/// runs after every tag and continuation rule, so it only fills gaps; its
/// prior is low, and the calibration table shows how often it is right.
///
/// A term (a quoted phrase, `“shameful”`) becomes speech here only
/// through a verb of saying whose subject is the speaker, in the active
/// voice: `He called it “shameful”`, not `Duterte has been called the
/// “Trump of the East”`.
///
/// Leaves alone a quotation that opens its sentence (no subject stands
/// before it), a quotation inside a quotation, and a subject that cannot
/// speak (`The bill`, `a film called “Heat”` is a term, not speech).
#[derive(Debug, Clone, Copy)]
pub(crate) struct SentenceSubject;

/// How often this rule is right, before resolution.
pub(crate) const PRIOR: f32 = 0.6;

impl Pass for SentenceSubject {
    fn apply(&self, d: &mut Draft<'_>) {
        if d.genre != Genre::News {
            return;
        }
        // (A report with a cue and no source, `is expected to …`, keeps no
        // source.)
        let open: Vec<usize> = d
            .top
            .values()
            .copied()
            .filter(|&q| {
                let quote = &d.quotes[q];
                let kind_ok = quote.kind.is_speech() || quote.kind == crate::output::QuoteKind::Term;
                quote.attr.is_none() && quote.bare_cue.is_none() && kind_ok
            })
            .collect();
        // (The sentence, speaker and cue of the last attribution.)
        let mut last: Option<(usize, usize, usize)> = None;
        // (The last quotation this pass attributed, and how.)
        let mut prev: Option<(usize, AttrDraft)> = None;
        for q in open {
            let start = d.quotes[q].outer.start;
            let tok = d.token_at(start);
            if tok >= d.seg.tokens.len() {
                continue;
            }
            let sentence_index = d.seg.sentence_of_token(tok);
            let sentence = d.seg.sentences[sentence_index];
            // (Words of the sentence must stand before the quotation.)
            if (sentence.first as usize..tok).all(|k| !d.seg.tokens[k].is_word()) {
                // A list of quotations goes on with the speaker of the one
                // before, nothing but punctuation between them (`… hostile:
                // “Is it …?” . . . “Have you …?”`).
                if let Some((p, a)) = prev.filter(|&(p, _)| d.quotes[p].para == d.quotes[q].para) {
                    let between = d.text.get(d.quotes[p].outer.end..start).unwrap_or("x");
                    if !between.chars().any(char::is_alphanumeric) {
                        d.attribute(q, AttrDraft { rule: Rule::Continuation, prior: super::continuation::PRIOR, ..a });
                        prev = Some((q, a));
                    }
                }
                continue;
            }
            let subject = nearest_subject(d, sentence.first as usize, tok).or_else(|| d.subject_of_sentence(tok));
            // A subject inside the clause of an earlier cue of the sentence
            // is that clause's: the cue's own speaker says the quotation
            // (`Weiner admitted that he and the woman had “been friends”`),
            // through that cue even when it names no speaker (`Asked
            // whether she “has the integrity …”`).
            let governing = governing_cue(d, sentence.first as usize, start)
                .filter(|&(_, c)| subject.is_none_or(|m| d.mentions[m].first as usize > d.cue_token(c)));
            let Some(m) = governing.and_then(|(m, _)| m).or(subject) else {
                continue;
            };
            let mention = &d.mentions[m];
            if mention.end as usize > tok || mention.in_quote || !d.can_speak(m) || mention.document {
                continue;
            }
            // The verb between the subject and the quotation, when the
            // lexicon knows it, is the cue (`Gowdy referenced …`); the
            // last one, as an earlier one stands in the subject's own
            // apposition (`Miller, at a firm called Gavekal, argues`).
            let from = d.seg.tokens[mention.end as usize - 1].span.end;
            let cue = governing.map(|(_, c)| c).or_else(|| {
                // (Not a cue of evidence after a person: `Trump listed an
                // NBC show as …` reports no showing.)
                d.cues_within(from, start).filter(|&c| !d.cue_used[c] && d.fits_cue(c, m)).last()
            });
            let cue = cue.or_else(|| {
                // The cue of an earlier quotation of the same sentence
                // and subject governs this one too (`tells them to “go”
                // and then “stay”`).
                let (s, sm, c) = last?;
                (s == sentence_index && sm == m).then_some(c)
            });
            // A term (a quoted phrase no tag claimed) is speech here only
            // through a verb of saying of its subject's, in the active
            // voice (`He called it “shameful”`; not `has been called the
            // “Trump of the East”`).
            if d.quotes[q].kind == crate::output::QuoteKind::Term
                && !cue.is_some_and(|c| {
                    let tok = d.cue_token(c);
                    d.matcher.is_speech(d.cues[c])
                        && d.mentions[m].end as usize <= tok
                        && !super::is_be_form(d.bytes(tok - 1))
                })
            {
                continue;
            }
            if let Some(c) = cue {
                last = Some((sentence_index, m, c));
            }
            let mut a = AttrDraft::new(m, cue, Rule::SentenceSubject, PRIOR);
            // Else the verb after the subject is, though the lexicon does
            // not list it (`Bolton anticipated that …`, `He continued with
            // an appeal: “…”`), or else a colon that opens the quotation
            // (`Here is Varga in May: “…”`).
            if cue.is_none() {
                a.verb = verb_after(d, m, tok).map(|k| d.seg.tokens[k].span);
                if a.verb.is_none() && d.bytes(tok - 1) == b":" {
                    a.colon = Some(d.seg.tokens[tok - 1].span);
                }
            }
            d.attribute(q, a);
            prev = Some((q, a));
        }
    }
}

/// The last unused speech cue of the sentence from token `first` before
/// byte `start`, with its speaker before it when it has one.
fn governing_cue(d: &Draft<'_>, first: usize, start: usize) -> Option<(Option<usize>, usize)> {
    let from = d.seg.tokens.get(first)?.span.start;
    let c = d
        .cues_within(from, start)
        .filter(|&c| !d.cue_used[c] && d.matcher.is_speech(d.cues[c]) && !is_circumstance(d, c))
        .last()?;
    let m = d.speaker_before(c).filter(|&m| {
        let mention = &d.mentions[m];
        !mention.in_quote && !mention.document && d.can_speak(m)
    });
    Some((m, c))
}

/// True when cue `c` is a circumstance (`At his news conference`, `in an
/// interview`): it frames the verb of the sentence and governs nothing.
fn is_circumstance(d: &Draft<'_>, c: usize) -> bool {
    super::opens_circumstance(d.word(d.cue_token(c)))
}

/// The mention nearest before token `tok` in the sentence from `first`
/// that reads as a verb's subject: followed by a cue or by a lower-case
/// verb form (`Gowdy referenced …`, `The deal promotes …`), within the
/// few words before the quotation.
fn nearest_subject(d: &Draft<'_>, first: usize, tok: usize) -> Option<usize> {
    let lo = first.max(tok.saturating_sub(NEAR));
    let hi = d.mentions.partition_point(|m| (m.first as usize) < tok);
    (0..hi).rev().map_while(|m| (d.mentions[m].first as usize >= lo).then_some(m)).find(|&m| {
        let mention = &d.mentions[m];
        let after = mention.end as usize;
        if mention.in_quote || mention.possessive || after >= tok || !d.can_speak(m) {
            return false;
        }
        // (`Sanders during a rally thanked …`)
        let after = d.time_phrase_after(after).filter(|&k| k < tok).unwrap_or(after);
        let next = d.seg.tokens[after];
        d.cue_at(after).is_some() || next.shape == crate::segment::Shape::Lower && verb_form(d, after)
    })
}

/// The lower-case verb form right after mention `m` (past a time
/// phrase, or an apposition between commas), before token `tok`: `Bolton
/// anticipated`, `Trump on Monday issued`, `Trump, the front-runner,
/// listed`.
fn verb_after(d: &Draft<'_>, m: usize, tok: usize) -> Option<usize> {
    let after = d.mentions[m].end as usize;
    let mut k = d.time_phrase_after(after).filter(|&k| k < tok).unwrap_or(after);
    if k + 1 < tok && d.bytes(k) == b"," && d.opens_apposition(k + 1) {
        let comma = (k + 2..tok.min(k + MAX_APPOSITION)).find(|&j| d.bytes(j) == b",")?;
        // (Past the closing mark of a title: `host of “The Show,” listed`.)
        k = (comma + 1..tok).find(|&j| !matches!(d.bytes(j), b"\"" | b"\xe2\x80\x9d"))?;
    }
    let t = d.seg.tokens.get(k)?;
    (k < tok && t.shape == crate::segment::Shape::Lower && verb_form(d, k)).then_some(k)
}

/// The most tokens of an apposition between a subject and its verb.
const MAX_APPOSITION: usize = 20;

/// True when token `k` reads as a verb form: not a function word other
/// than an auxiliary (`an NBC show as his pleasure`; `the group is
/// “confident”`).
fn verb_form(d: &Draft<'_>, k: usize) -> bool {
    let w = d.word(k);
    d.is_verb_form(w) && (!d.seg.tokens[k].is_function_word() || super::tag_then_clause::is_auxiliary(w))
}

/// How many tokens before the quotation its subject may stand.
const NEAR: usize = 12;
