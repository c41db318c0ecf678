//! Pass 5: a quote with no tag continues the previous speaker.

use super::{AttrDraft, Draft, Pass};
use crate::output::Rule;

/// A quote with no tag of its own takes the speaker of the attributed quote
/// just before it when
///
/// * it is part of a multi-paragraph quotation another part of which is
///   attributed (a later part first: the tag usually closes the last one),
///   or
/// * that quote is in the same paragraph, with no other cue between them
///   (`“…,” Clinton said on Thursday. “One, defeat ISIS.”`; a verb of
///   saying in the quote's own sentence with no speaker before it is
///   another tag: `…, only for Trump to tweet that “…”`), or
/// * that quote is in the previous paragraph and this paragraph holds
///   nothing but the quote (`“…,” the diplomat said,` ¶ `“However, …”`).
///
/// Leaves alone a quote whose paragraph also holds narration: who speaks
/// there is a question for the later, fiction-aware passes.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Continuation;

/// How often this rule is right, before resolution.
pub(crate) const PRIOR: f32 = 0.87;

impl Pass for Continuation {
    fn apply(&self, d: &mut Draft<'_>) {
        // (Sized for all the top-level quotes: no regrowth.)
        let mut order: Vec<usize> = Vec::with_capacity(d.top.len());
        order.extend(d.top.values().copied().filter(|&q| d.quotes[q].kind.is_speech()));
        order.sort_by_key(|&q| d.quotes[q].outer.start);
        // The parts of a multi-paragraph quotation are one quotation with
        // one speaker, whose tag usually closes the last part: earlier
        // parts take it first.
        for &q in order.iter().rev() {
            if let (Some(a), Some(p)) = (d.quotes[q].attr, d.quotes[q].continues_from) {
                if d.quotes[p].attr.is_none() {
                    d.attribute(p, AttrDraft { rule: Rule::Continuation, prior: PRIOR, ..a });
                }
            }
        }
        let mut prev: Option<usize> = None;
        // (The attribution of the quote before `prev` in the run.)
        let mut before: Option<AttrDraft> = None;
        for &q in &order {
            if d.quotes[q].attr.is_none() {
                let inherited = d.quotes[q].continues_from.and_then(|p| d.quotes[p].attr).or_else(|| {
                    let p = prev?;
                    let a = resumed(d, d.quotes[p].attr?, before);
                    let (pq, cq) = (d.quotes[p], d.quotes[q]);
                    let same_para =
                        pq.para == cq.para && no_cue_between(d, pq.outer.end, cq.outer.start, a.cue, a.mention);
                    // (In fiction a new paragraph is a new turn: the
                    // conversation pass decides.)
                    let next_para =
                        pq.para + 1 == cq.para && d.genre == crate::genre::Genre::News && quote_only_paragraph(d, q);
                    if same_para {
                        // A later cue of the same speaker introduces this
                        // part (`…,” Trump said, adding: “…”`).
                        let own = own_cue_between(d, pq.outer.end, cq.outer.start, a.mention);
                        // A sentence of its own after the tag's that ends
                        // in a colon introduces this part (`…,” Trump said
                        // on Monday. Later he went even further: “…”`).
                        let open = d.token_at(cq.outer.start);
                        if own.is_none()
                            && open > 0
                            && d.bytes(open - 1) == b":"
                            && d.seg.sentence_of_token(open - 1) != d.seg.sentence_of_token(d.token_at(pq.outer.end))
                        {
                            return Some(AttrDraft {
                                cue: None,
                                colon: Some(d.seg.tokens[open - 1].span),
                                verb: None,
                                ..a
                            });
                        }
                        let cue = own.or(a.cue);
                        let (colon, verb) = if cue == a.cue { (a.colon, a.verb) } else { (None, None) };
                        return Some(AttrDraft { cue, colon, verb, ..a });
                    }
                    next_para.then_some(a)
                });
                if let Some(a) = inherited {
                    // The cue that introduced the speaker introduces this part
                    // too (as PolNeAR annotates it).
                    d.attribute(q, AttrDraft { rule: Rule::Continuation, prior: PRIOR, ..a });
                }
            }
            // (A report with no source, `when asked which candidate she
            // would back`, does not break the speaker's run.)
            // Nor does a report inside the tag's own subordinate clause
            // (`“…,” Trump assured Jones, after Jones assured him that …`).
            let in_tag = |a: AttrDraft| {
                prev.and_then(|p| d.quotes[p].attr).is_some_and(|pa| {
                    d.quotes[q].kind == crate::output::QuoteKind::Indirect
                        && a.cue.is_some_and(|c| in_relative_of(d, c, pa.mention))
                })
            };
            let moves = match d.quotes[q].attr {
                Some(a) => !in_tag(a),
                None => d.quotes[q].kind != crate::output::QuoteKind::Indirect,
            };
            if moves {
                before = prev.and_then(|p| d.quotes[p].attr);
                prev = Some(q);
            }
        }
    }
}

/// The attribution that a quote after one attributed by `a` inherits.
/// A participle that goes on from the tag of the same speaker before it,
/// `before` (`“…,” Clark said, noting that he would back the nominee.
/// “…”`), reports its own clause: the quotation after it goes on with the
/// tag's cue (as PolNeAR annotates it), unless the participle says the
/// words go on (`adding that …`, the `continues` frame).
fn resumed(d: &Draft<'_>, a: AttrDraft, before: Option<AttrDraft>) -> AttrDraft {
    match (before, a.cue) {
        (Some(b), Some(c)) if b.mention == a.mention && b.cue.is_some() && side_participle(d, c) => {
            AttrDraft { cue: b.cue, colon: b.colon, verb: b.verb, ..a }
        }
        _ => a,
    }
}

/// True when cue `c` is a participle after a comma (`…, noting that`)
/// whose words do not go on with the tag before it.
fn side_participle(d: &Draft<'_>, c: usize) -> bool {
    let tok = d.cue_token(c);
    let word = d.word(tok);
    tok > 0
        && d.bytes(tok - 1) == b","
        && word.len() > 3
        && word.as_bytes()[word.len() - 3..].eq_ignore_ascii_case(b"ing")
        && !word.eq_ignore_ascii_case("according")
        && !d.frames(c).has(crate::cue::Frames::CONTINUES)
}

/// True when no tag other than `own`'s starts in `start..end`: no cue with a
/// speaker of its own (a cue word used as a noun, `in her first comments`,
/// does not count, nor a frame of the same speaker's tag, `said Romero in
/// a statement`).
fn no_cue_between(d: &Draft<'_>, start: usize, end: usize, own: Option<usize>, speaker: usize) -> bool {
    let k = d.cues.partition_point(|c| c.span.start < start);
    // (The sentence of the quote at `end`.)
    let sentence = d.seg.sentence_of_token(d.token_at(end));
    (k..d.cues.len()).take_while(|&c| d.cues[c].span.start < end).all(|c| {
        // A cue of another speaker in the quote's own sentence governs
        // the quote, even in a clause of the tag (`…,” Axelrod tweeted
        // after Clinton argued that “…”`); so does an unused verb of
        // saying there whose speaker is not found before it (`Others,
        // reacting to the video, shouted, “…”`).
        let governs = || {
            d.seg.sentence_of_token(d.cue_token(c)) == sentence
                && match d.speaker_before(c) {
                    Some(m) => m != speaker,
                    None => !d.cue_used[c] && says(d, c),
                }
        };
        Some(c) == own
            || !governs()
                && (in_relative_of(d, c, speaker) || {
                    let after = d.cue_end_token(c);
                    // (After a participle stands its object, not a speaker: `he
                    // said, referring to Republicans.`)
                    let word = d.word(d.cue_token(c));
                    let participle = word.ends_with("ing") && word != "according";
                    // (A cue whose subject is this speaker is one of theirs: what
                    // follows it is its object, `Aida, who published a book`.)
                    match d.speaker_before(c) {
                        Some(m) => m == speaker,
                        None => participle || d.mention_at(after).is_none(),
                    }
                })
    })
}

/// True when cue `c` stands in a relative or subordinate clause after
/// mention `speaker` in its sentence: `said Mr. Obama at the dinner, where
/// Mrs. Clinton also spoke`, `said Alan Cobb, an adviser who spent the
/// weekend …`, `McCaul said, though officials haven't said …`. The words of
/// such a clause describe the tag; they do not start a new turn.
fn in_relative_of(d: &Draft<'_>, c: usize, speaker: usize) -> bool {
    let mention = &d.mentions[speaker];
    let (first, end) = (mention.first as usize, mention.end as usize);
    let tok = d.cue_token(c);
    end <= tok
        && d.seg.sentence_of_token(first) == d.seg.sentence_of_token(tok)
        && (end..tok).any(|k| {
            matches!(
                d.word(k),
                "who"
                    | "whom"
                    | "whose"
                    | "which"
                    | "where"
                    | "when"
                    | "though"
                    | "although"
                    | "while"
                    | "because"
                    | "after"
                    | "before"
                    | "until"
            )
        })
}

/// The last unused cue in `start..end` of mention `speaker` that
/// introduces the words after it: a participle that goes on with them
/// after a comma (`…,” Trump said, adding …`, `…, calling it`) or
/// `according to`, or a verb of the speaker's in the quotation's own
/// sentence (`Clinton slammed the shift and accused Sanders of a
/// “flip-flop.”`). A participle that names what the words were about or
/// how they were given (`referring to`, `speaking on condition of
/// anonymity`) is not one, nor one whose sentence ends before the
/// quotation, unless it says the words go on, nor a verb whose clause ends
/// before the quotation (`disagrees with the decision, because “…”`).
fn own_cue_between(d: &Draft<'_>, start: usize, end: usize, speaker: usize) -> Option<usize> {
    let sentence = d.seg.sentence_of_token(d.token_at(end));
    d.cues_within(start, end)
        .filter(|&c| !d.cue_used[c] && !d.frames(c).has(crate::cue::Frames::TOPIC))
        .filter(|&c| {
            let tok = d.cue_token(c);
            let word = d.word(tok);
            let in_sentence = d.seg.sentence_of_token(tok) == sentence;
            let participle = tok > 0
                && d.bytes(tok - 1) == b","
                && (word.ends_with("ing") || word == "according")
                && d.matcher.is_speech(d.cues[c])
                && (word == "according" || d.speaker_before(c) == Some(speaker))
                && (word == "according" || in_sentence || d.frames(c).has(crate::cue::Frames::CONTINUES));
            participle
                || in_sentence
                    && says(d, c)
                    && d.speaker_before(c) == Some(speaker)
                    && !(d.cue_end_token(c)..d.token_at(end)).any(|k| {
                        matches!(
                            d.word(k),
                            "because"
                                | "although"
                                | "though"
                                | "while"
                                | "when"
                                | "after"
                                | "before"
                                | "since"
                                | "if"
                                | "unless"
                        )
                    })
        })
        .last()
}

/// True when the paragraph of quote `q` holds nothing but the quote (and
/// punctuation).
fn quote_only_paragraph(d: &Draft<'_>, q: usize) -> bool {
    let quote = d.quotes[q];
    let Some(p) = d.seg.paragraphs.get(quote.para as usize) else { return false };
    let outside = d.text[p.start..quote.outer.start].chars().chain(d.text[quote.outer.end..p.end].chars());
    outside.filter(|c| c.is_alphanumeric()).count() == 0
}

/// True when cue `c` reports words, spoken or written (`said`, `tweeted`).
fn says(d: &Draft<'_>, c: usize) -> bool {
    d.matcher
        .entry(d.cues[c])
        .is_some_and(|e| matches!(e.class, crate::output::CueClass::Speech | crate::output::CueClass::Writing))
}
