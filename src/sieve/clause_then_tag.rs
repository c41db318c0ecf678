//! A reported clause closed by a tag: `…, the diplomat noted.`

use super::{Draft, Pass};
use crate::cue::Frames;
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
/// How far it may be when the tag is inverted (`…, said Ann Lee, director
/// of the nurses' union, a group that …`): a long description of the
/// speaker may follow.
const MAX_INVERTED_TAG_TOKENS: usize = 40;
/// The most tokens of a tag before a participle's comma (`, Sen. Jon
/// Tester of Montana said, referencing`).
const MAX_PARTICIPLE_TAG: usize = 8;

impl Pass for ClauseThenTag {
    fn apply(&self, d: &mut Draft<'_>) {
        if d.genre != crate::genre::Genre::News {
            return;
        }
        // (The tag's cue starts after the comma, itself after the first
        // word.)
        let with_cue = d.sentences_with_cue(2);
        for s in 0..d.seg.sentences.len() {
            if with_cue.get(s).copied().unwrap_or(false) {
                mid_tag(d, s);
            }
        }
        for s in 0..d.seg.sentences.len() {
            let sent = d.seg.sentences[s];
            let (first, end) = (sent.first as usize, sent.end as usize);
            if end - first < MIN_WORDS + 3 || !with_cue.get(s).copied().unwrap_or(false) {
                continue;
            }
            // `, TAG [circumstances] .`: the last comma that starts a tag.
            let lo = first + 1;
            let found = (lo..end.saturating_sub(1))
                .rev()
                .take(MAX_INVERTED_TAG_TOKENS)
                .filter(|&k| d.is_mark(k, b','))
                .find_map(|k| {
                    let (m, c, tag_end, inverted) = tag_after_comma(d, k)?;
                    // (Far from the end, only a speaker described by an
                    // apposition: `said Ann Lee, director of …`.)
                    let described = inverted && d.is_mark(d.mentions[m].end as usize, b',');
                    if end - 1 - k > MAX_TAG_TOKENS && !described {
                        return None;
                    }
                    // (`…, an official told Reuters.`)
                    let tag_end = d.past_addressee(c, tag_end);
                    (tag_end <= end && d.ends_tag(tag_end, sent.para)).then_some((k, m, c))
                });
            // `…, she said, referencing the bank's drive to …`: a tag
            // followed by a participle's phrase, however long, closes the
            // clause before it.
            // (Found from the participle, a cue after a comma: a tag has a
            // few tokens.)
            let found = found.or_else(|| {
                let from = d.cues.partition_point(|h| h.span.start < sent.span.start);
                (from..d.cues.len())
                    .take_while(|&p| d.cue_token(p) < end)
                    .filter_map(|p| d.cue_token(p).checked_sub(1))
                    .filter(|&p| p > lo + 1 && d.is_mark(p, b',') && d.word(p + 1).ends_with("ing"))
                    .find_map(|p| {
                        (p.saturating_sub(MAX_PARTICIPLE_TAG).max(lo)..p - 1)
                            .rev()
                            .filter(|&k| d.is_mark(k, b','))
                            .find_map(|k| {
                                let (m, c, tag_end, _) = tag_after_comma(d, k)?;
                                (tag_end == p).then_some((k, m, c))
                            })
                    })
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
            let words = d.words_in(first, comma);
            if words < MIN_WORDS {
                continue;
            }
            d.add_report(first, comma, m, Some(c), rule_of(d, c), PRIOR);
        }
    }
}

/// `PART1, SPEAKER CUE, PART2.`: a tag between commas in the middle of a
/// sentence with no quotation in it. (Only for a sentence with a cue after
/// its first word.)
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
        let (m, c, tag_end, _) = tag_after_comma(d, k)?;
        // (Circumstances may close the tag: `…, Ms. White said on
        // Saturday, …`, `…, he said in an interview, …`.)
        let tag_end = circumstances_end(d, tag_end, end);
        (d.bytes(tag_end) == b"," && tag_end + 3 < end).then_some((k, m, c, tag_end))
    });
    let Some((comma, m, c, tag_end)) = found else { return };
    if d.crosses_quote(first, comma) {
        return;
    }
    let words = |a: usize, b: usize| d.words_in(a, b);
    let rule = rule_of(d, c);
    // The part before the tag is reported even when it is a circumstance
    // (`In the long run, many economists say, …`: the whole sentence is the
    // report), but not when it is a bare conjunction (`But, according to
    // the poll, …`).
    let part_one = words(first, comma);
    let bare = part_one == 0 || part_one == 1 && crate::lexicon::with_lower(d.word(first), is_conjunction);
    // `Of course, Clinton said, “…”`: the quotation after the tag already
    // has it; the part before is reported too, in the quotation's group.
    // (Quote marks are no tokens: the quotation opens between the tag's
    // comma and the next word.)
    let gap = crate::span::Span::new(d.seg.tokens[tag_end].span.end, d.seg.tokens[tag_end + 1].span.end);
    let next_word = d.seg.tokens[tag_end + 1].span.start;
    let opening = d.top_overlapping(gap).next().filter(|&q| d.quotes[q].outer.start <= next_word);
    if let Some(q) = opening {
        // (Only where the quotation carries the sentence on in lower case:
        // before `X said, “We are …”` stands a circumstance of the quote.)
        let served = d.quotes[q].attr.is_some_and(|a| a.cue == Some(c) && a.mention == m);
        let goes_on =
            d.text[d.quotes[q].inner.start..].chars().find(|ch| ch.is_alphanumeric()).is_some_and(char::is_lowercase);
        if served && goes_on && !bare {
            let a = d.add_report(first, comma, m, Some(c), rule, PRIOR);
            d.quotes[a].group = d.quotes[q].group;
        }
        return;
    }
    if d.cue_used[c] || d.crosses_quote(tag_end + 1, end) {
        return;
    }
    // The part after the tag runs to the sentence's end.
    let mut stop = end;
    while stop > tag_end + 1 && matches!(d.bytes(stop - 1), b"." | b"!" | b"?" | b";" | b",") {
        stop -= 1;
    }
    // (Two words make a part only with a verb: `…, they concluded, never
    // happened`, not `…, said Holan, Politifact's editor`.)
    let n = words(tag_end + 1, stop);
    if n < 2 || n == 2 && !super::tag_then_clause::has_finite_verb(d, tag_end + 1, stop) {
        return;
    }
    let second_first = tag_end + 1;
    // `…, Spicer said, adding, “…”`: a quotation that a cue opening the
    // part after the tag introduces is reported already; only the part
    // before the tag is this tag's.
    let part_two = crate::span::Span::new(d.seg.tokens[second_first].span.start, d.seg.tokens[stop - 1].span.end);
    let reported = d.top_overlapping(part_two).any(|q| {
        let q = &d.quotes[q];
        q.kind != crate::output::QuoteKind::Term
            && q.attr.and_then(|a| a.cue).is_some_and(|k| k != c && d.cue_token(k) == second_first)
            && d.word(second_first).ends_with("ing")
    });
    if reported {
        if !bare && part_one >= 2 {
            d.add_report(first, comma, m, Some(c), rule, PRIOR);
        }
        return;
    }
    // `…, said Mark Jones, a political scientist at Rice.`: a phrase with
    // no verb after the tag describes the speaker; only the part before
    // the tag is reported.
    let describes = crate::lexicon::with_lower(d.word(second_first), |w| {
        matches!(w, "a" | "an" | "the" | "its" | "his" | "her" | "their" | "one" | "another")
    }) || d.seg.tokens[second_first].may_start_role()
        && d.seg.tokens[second_first].shape == crate::segment::Shape::Lower;
    // (So does a concession of the writer's: `…, according to the Pew
    // Research Center, although very few …`.)
    let concedes = crate::lexicon::with_lower(d.word(second_first), |w| {
        matches!(w, "although" | "though" | "whereas" | "unless" | "despite")
    });
    if concedes || describes && !verb_before_relative(d, second_first, stop) && !d.crosses_quote(second_first, stop) {
        if !bare && part_one >= 2 {
            d.add_report(first, comma, m, Some(c), rule, PRIOR);
        }
        return;
    }
    if bare {
        d.add_report(second_first, stop, m, Some(c), rule, PRIOR);
    } else {
        let a = d.add_report(first, comma, m, Some(c), rule, PRIOR);
        let b = d.add_report(second_first, stop, m, Some(c), rule, PRIOR);
        d.quotes[b].group = d.quotes[a].group;
    }
}

/// The tag after the comma at token `k`: (mention, cue, end token, and
/// whether it is inverted, `said Havel`). An inverted tag counts only
/// with a verb of saying: `…, endorsed Cruz last week, …` is no tag.
fn tag_after_comma(d: &Draft<'_>, k: usize) -> Option<(usize, usize, usize, bool)> {
    let (m, c, tag_end) = d.tag_at(k + 1)?;
    let inverted = d.cue_at(k + 1) == Some(c);
    (!inverted || d.frames(c).has(Frames::INVERTS)).then_some((m, c, tag_end, inverted))
}

/// The end of the circumstances after a tag ending at token `k` (`on
/// Saturday`, `in an interview`, `earlier in the hearing`), if a comma
/// closes them within a few words; else `k`.
fn circumstances_end(d: &Draft<'_>, k: usize, end: usize) -> usize {
    // (A preposition opens one before a time or a common noun phrase:
    // `on Saturday`, `in an interview`; `on Trump` has an object.)
    let w = d.word(k);
    let next = d.seg.tokens.get(k + 1);
    let opens = crate::lexicon::is_weekday(w)
        || matches!(w, "earlier" | "later" | "last" | "this" | "recently")
        || matches!(w, "on" | "in" | "at" | "during" | "after" | "before")
            && next.is_some_and(|t| !t.is_capitalized() || crate::lexicon::is_weekday(d.word(k + 1)));
    if !opens {
        return k;
    }
    (k + 1..end.min(k + 8))
        .find(|&j| d.bytes(j) == b",")
        .filter(|&j| (k..j).all(|i| d.cue_at(i).is_none()))
        .unwrap_or(k)
}

/// The rule of a report closed by cue `c`: `according to` has its own.
fn rule_of(d: &Draft<'_>, c: usize) -> Rule {
    if d.lemma(c) == "according to" { Rule::AccordingTo } else { Rule::ClauseThenTag }
}

/// Conjunctions that alone make no part of a report (`But, she added, …`).
fn is_conjunction(w: &str) -> bool {
    matches!(w, "but" | "and" | "yet" | "so" | "or")
}

/// True when tokens `start..stop`, up to a relative pronoun or a comma,
/// hold a verb: an auxiliary or a past form after a noun (`the bank had
/// failed`), not the plural of a noun phrase (`an international relations
/// expert`).
fn verb_before_relative(d: &Draft<'_>, start: usize, stop: usize) -> bool {
    let end =
        (start..stop).find(|&k| matches!(d.bytes(k), b"who" | b"which" | b"that" | b"," | b"whose")).unwrap_or(stop);
    (start..end).any(|k| {
        let w = d.word(k);
        let lower = d.seg.tokens[k].shape == crate::segment::Shape::Lower;
        super::tag_then_clause::is_auxiliary(w)
            || lower && k > start && (w.ends_with("ed") && w.len() > 4 || d.lex.is_irregular_past(w))
    })
}
