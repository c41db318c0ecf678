//! Pass 1: a tag right after the closing mark.

use super::{AttrDraft, Draft, Pass};
use crate::output::Rule;
use crate::quote::Closure;

/// A speaker tag right after a quote, in either order:
/// `“We will stay,” the diplomat said.` / `“No,” said Havel.` / `“…”, he
/// underscored.` (comma outside the mark).
///
/// Leaves alone a quote that ends a sentence and is followed by a new
/// sentence that merely starts with a tag and goes on to report something
/// else (`“It is over.” He said the talks would resume.`): that tag belongs
/// to what follows.
#[derive(Debug, Clone, Copy)]
pub(crate) struct TrailingTag;

/// How often this rule is right, before resolution.
pub(crate) const PRIOR: f32 = 0.97;

impl Pass for TrailingTag {
    fn apply(&self, d: &mut Draft<'_>) {
        for q in 0..d.quotes.len() {
            if !d.is_candidate(q) || d.quotes[q].closure != Closure::Closed {
                continue;
            }
            let quote = d.quotes[q];
            let mut i = d.token_at(quote.outer.end);
            if d.seg.tokens.get(i).is_none_or(|t| t.para != quote.para) {
                continue;
            }
            let mut comma_outside = false;
            if matches!(d.bytes(i), b"," | b"\xe2\x80\x94" | b"-" | b"\xe2\x80\x93") {
                comma_outside = true;
                i += 1;
            }
            // `“…,” as Dorn said on Monday`: `as` may open the tag after a
            // comma (`“…” as he promised to …` tells when).
            let comma = comma_outside || d.text[quote.inner].ends_with(',');
            if comma
                && d.bytes(i) == b"as"
                && d.cue_at(i + 1).is_none()
                && d.tag_at(i + 1).is_some_and(|(_, c, _)| d.matcher.is_speech(d.cues[c]))
            {
                i += 1;
            }
            let Some((m, c, end)) = d.tag_at(i) else { continue };
            // `“…,” referring to the Islamic State`: a participle that names
            // what the words were about has no speaker after it.
            if d.frames(c).has(crate::cue::Frames::TOPIC) {
                continue;
            }
            // `Clinton pledged to “promote …,” the Sentinel reported.`: a
            // fragment of someone's report, closed by the source that
            // relays the whole sentence, is left to the clause passes (the
            // report is Clinton's, and the sentence the Sentinel's).
            if d.genre == crate::genre::Genre::News
                && matches!(d.lemma(c), "report" | "according to")
                && relays_earlier_report(d, q)
            {
                continue;
            }
            let end = d.past_addressee(c, end);
            // `Asked whether she “has the integrity to serve,” 75 percent
            // said yes`: a quotation inside a clause that a cue before it
            // opened, followed by a subject whose verb goes on to report
            // something else, belongs to that earlier cue (news); so does
            // one that ends that cue's sentence (`Trump proclaimed a goal
            // of “Peace Through Strength.” He told the crowd …`).
            let content = &d.text[quote.inner];
            let ends_sentence = content.ends_with(['.', '\u{2026}']) && !comma_outside;
            // (After a verb that reports through `of`, `of` opens what it
            // reports, not a circumstance: `accused Holt of lying`.)
            let closes = d.ends_tag(end, quote.para)
                && !(d.frames(c).has(crate::cue::Frames::OF) && matches!(d.bytes(end), b"of" | b"about"));
            if d.genre == crate::genre::Genre::News && (ends_sentence || !closes) && relays_earlier_report(d, q) {
                // (A participle that opens the sentence has the tag's
                // speaker for its subject: `Bemoaning the “phony system,”
                // Trump accused Holt of …`.)
                if let Some(p) = opening_participle(d, q).filter(|_| !ends_sentence) {
                    d.attribute(q, AttrDraft::new(m, Some(p), Rule::TrailingTag, PRIOR));
                }
                continue;
            }
            if ends_sentence && !closes {
                continue;
            }
            // `“… for the long run!” She replied to him that …`: after a
            // question or an exclamation, a capitalised subject whose verb
            // goes on to report a clause opens a new sentence (news; in
            // fiction `“Why?” Jane asked him that night` is a tag).
            if d.genre == crate::genre::Genre::News
                && content.ends_with(['?', '!'])
                && !comma_outside
                && d.seg.tokens.get(i).is_some_and(|t| t.is_capitalized())
                && d.bytes(past_to_person(d, end)) == b"that"
            {
                continue;
            }
            // `On Fox's “Sunday Morning Futures,” Issa said Democrats …`: a
            // title before a tag that goes on to report its own clause is
            // no quotation of the tag's (news; fiction tags run on freely).
            if d.genre == crate::genre::Genre::News
                && quote.kind == crate::output::QuoteKind::Term
                && !d.ends_tag(end, quote.para)
            {
                continue;
            }
            // `…, a deal “down the line” he warned: “Not soon.”`: a tag
            // that ends in a colon introduces what follows it, the next
            // quote or the next paragraph, whatever stands before it (news;
            // fiction writes `“Well,” said he: “I am going.”`).
            // (A participle that opens the sentence still has the tag's
            // speaker for its subject: `Conceding a deal “down the line,”
            // he warned: …`.)
            if d.genre == crate::genre::Genre::News && introduces_next(d, end, quote.para) {
                if let Some(p) = opening_participle(d, q) {
                    d.attribute(q, AttrDraft::new(m, Some(p), Rule::TrailingTag, PRIOR));
                }
                continue;
            }
            // `“Why now?” Mills then writes back, “You look cute.”`: after a
            // finished sentence, a tag that runs into the next quote
            // introduces that one.
            // (News only: fiction writes `“Why?” said he, “I am going.”`.)
            if d.genre == crate::genre::Genre::News
                && content.ends_with(['.', '?', '!', '\u{2026}'])
                && !comma_outside
                && opens_quote_after(d, end, quote.para)
            {
                continue;
            }
            d.attribute(q, AttrDraft::new(m, Some(c), Rule::TrailingTag, PRIOR));
        }
    }
}

/// True when the tag ending at token `end` is followed (over `,` or `:`)
/// by the opening mark of another quote in the same paragraph.
fn opens_quote_after(d: &Draft<'_>, end: usize, para: u32) -> bool {
    let mut k = end;
    while matches!(d.bytes(k), b"," | b":" | b"back") {
        k += 1;
    }
    let Some(t) = d.seg.tokens.get(k) else { return false };
    k > end && t.para == para && d.top_starting_at(t.span.start).is_some()
}

/// Token `k`, or the token past `to` and the person it names (`replied
/// to him that`, `wrote to the mayor that`).
fn past_to_person(d: &Draft<'_>, k: usize) -> usize {
    if d.bytes(k) != b"to" {
        return k;
    }
    if super::is_object_pronoun(d.word(k + 1)) {
        return k + 2;
    }
    d.mention_at(k + 1).map_or(k, |m| d.mentions[m].end as usize)
}

/// True when the tag ending at token `end` ends in a colon that opens
/// another quote in paragraph `para` or closes the paragraph.
fn introduces_next(d: &Draft<'_>, end: usize, para: u32) -> bool {
    if d.bytes(end) != b":" || d.seg.tokens.get(end).is_none_or(|t| t.para != para) {
        return false;
    }
    match d.seg.tokens.get(end + 1) {
        Some(t) if t.para == para => d.top_starting_at(t.span.start).is_some(),
        _ => true,
    }
}

/// The speech participle that opens the sentence of quote `q`, before it
/// (`Bemoaning the “phony system,” …`).
fn opening_participle(d: &Draft<'_>, q: usize) -> Option<usize> {
    let start = d.quotes[q].outer.start;
    let s = *d.seg.sentences.get(d.seg.sentence_of_token(d.token_at(start)))?;
    let c = d.cue_at(s.first as usize)?;
    let word = d.word(s.first as usize).as_bytes();
    (d.cues[c].span.end <= start
        && word.len() > 3
        && word[word.len() - 3..].eq_ignore_ascii_case(b"ing")
        && d.matcher.is_speech(d.cues[c]))
    .then_some(c)
}

/// True when quote `q` stands inside a sentence after a cue of that
/// sentence: a fragment of a report (`pledged to “…”`).
fn relays_earlier_report(d: &Draft<'_>, q: usize) -> bool {
    let start = d.quotes[q].outer.start;
    let tok = d.token_at(start);
    let Some(&s) = d.seg.sentences.get(d.seg.sentence_of_token(tok)) else { return false };
    let first = d.seg.tokens.get(s.first as usize).map_or(start, |t| t.span.start);
    let k = d.cues.partition_point(|c| c.span.start < first);
    d.cues.get(k).is_some_and(|c| c.span.end <= start)
}
