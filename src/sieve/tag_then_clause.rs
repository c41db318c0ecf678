//! A tag followed by the reported clause: `Havel said (that) …`.

use super::{Draft, Pass};
use crate::cue::Frames;
use crate::output::Rule;
use crate::segment::TokKind;

/// A speaker and a cue followed by what was said, without quotation marks
/// or with quoted fragments in it:
///
/// * `Havel said (that) the budget was honest.`
/// * `Espinoza told reporters on Friday that the race was close.`
/// * `She asked whether the talks would resume.`
/// * `The ministry warned of “grave consequences”.` (a cue that takes
///   `of` or `about`)
/// * `According to the central bank, inflation will fall.`
/// * `…, saying the plan was “dead on arrival.”` (the sentence's subject)
///
/// The clause runs to the end of the sentence, or to a `;`, a `, but …`
/// clause, or a comma that opens another tag (`, adding that …`). A clause
/// with a quoted fragment is `Mixed` and the fragment is nested in it.
///
/// A directive is reported too, with the addressee in its content: `She
/// told him to leave.`, `The pastor asked the congregation to stand.`
/// (news corpora annotate requests and orders as reported speech; a caller
/// who counts only statements can filter on the cue lemma).
///
/// Leaves alone `He insisted on staying.` (no clause), `She showed him to
/// the door.` (no directive), and `He said “…”` (a direct quote with a
/// leading tag).
#[derive(Debug, Clone, Copy)]
pub(crate) struct TagThenClause;

/// How often this rule is right, before resolution.
pub(crate) const PRIOR: f32 = 0.88;

/// The fewest words a reported clause may have.
const MIN_WORDS: usize = 3;
/// The most tokens a reported clause may have.
const MAX_CLAUSE: usize = 160;
/// How far a `that` may stand after the cue, over circumstances.
const MAX_THAT_GAP: usize = 12;

impl Pass for TagThenClause {
    fn apply(&self, d: &mut Draft<'_>) {
        if d.genre != crate::genre::Genre::News {
            return;
        }
        for c in 0..d.cues.len() {
            let Some(site) = d.free_cue(c) else { continue };
            let (cue_tok, cue_end, first, end) = (site.tok, site.end, site.first, site.sentence_end);
            if cue_end >= end {
                continue;
            }
            let lemma = d.lemma(c);
            let frames = d.frames(c);
            let (m, start, rule) = if lemma == "according to" {
                // `According to X, CLAUSE.`: only at the sentence's start.
                if (first..cue_tok).any(|k| d.seg.tokens[k].kind != TokKind::Punct) {
                    continue;
                }
                let Some(m) = d.mention_at(cue_end).filter(|&m| d.can_speak(m)) else { continue };
                let after = d.mentions[m].end as usize;
                if d.bytes(after) != b"," {
                    continue;
                }
                (m, after + 1, Rule::AccordingTo)
            } else {
                // `at a press conference Tuesday`, `in an interview with RT
                // he blasted …`: a frame that opens no sentence and follows
                // no verb is a circumstance of another clause's verb.
                let circumstance =
                    (first..cue_tok).any(|k| d.seg.tokens[k].is_word()) && super::opens_circumstance(d.word(cue_tok));
                if circumstance {
                    continue;
                }
                // `…, said one source in the room.`: an inverted tag that
                // closes the sentence reports what stands before it.
                // (Also `…, said an official who was briefed on …`.)
                let after_comma = cue_tok > first && d.bytes(cue_tok - 1) == b",";
                if let Some(after) = d.mention_at(cue_end).filter(|_| after_comma && !frames.has(Frames::ADDRESSEE)) {
                    let end_m = d.mentions[after].end as usize;
                    if d.ends_tag(end_m, site.para) || matches!(d.bytes(end_m), b"who" | b"which" | b"whose") {
                        continue;
                    }
                }
                let Some(m) = d.speaker_before(c) else { continue };
                // `Instead, she said, her boss …`: a tag between commas
                // inside a sentence splits one report (the clause-then-tag
                // pass takes both parts).
                let mf = d.mentions[m].first as usize;
                if mf > first + 1 && d.bytes(mf - 1) == b"," && d.bytes(cue_end) == b"," {
                    continue;
                }
                // `policies which he said had harmed the economy`: the
                // relative pronoun is the reported verb's subject.
                let mf = d.mentions[m].first as usize;
                let relative = mf > first
                    && matches!(d.bytes(mf - 1), b"which" | b"that" | b"who" | b"whom")
                    && d.mentions[m].end as usize == cue_tok
                    && blocks_clause(d.word(cue_end))
                    && is_auxiliary(d.word(cue_end));
                let start = if relative { Some(cue_end) } else { clause_start(d, cue_end, end, frames, lemma) };
                let Some(start) = start else { continue };
                (m, start, Rule::TagThenClause)
            };
            let Some(stop) = clause_end(d, start, end) else { continue };
            let stop = end_of_relative(d, m, c, start, stop);
            let has_quote = contains_quote(d, start, stop);
            // `called the plan “dead”` reports words; `a firm called Acme`
            // names a thing.
            if frames.has(Frames::NAMES) && !has_quote {
                continue;
            }
            // Without `that` or a question word, the clause must read as
            // one: a finite verb somewhere in it (`said the talks would
            // resume`), or a quoted fragment.
            // (`warned of grave consequences` reports a noun phrase.)
            let after_of = start > 0 && matches!(d.bytes(start - 1), b"of" | b"about");

            // `denied the claims`: some cues report their object.
            let object = d.lex.is_object_cue(lemma) && d.words_in(start, stop) >= 2;
            // (`According to X,` frames a clause whatever its verb.)
            let directive = frames.has(Frames::DIRECTS) && addressee_before_to(d, start).is_some();
            if rule != Rule::AccordingTo
                && !introduced(d.word(start))
                && d.bytes(start) != b"to"
                && !directive
                && !after_of
                && !has_quote
                && !object
                && !has_finite_verb(d, start, stop)
            {
                continue;
            }
            let words = d.words_in(start, stop);
            if words < MIN_WORDS || d.crosses_quote(start, stop) && !opens_quote_inside(d, start, stop) {
                continue;
            }
            // A quote inside the clause that is already someone else's
            // ends the clause before it.
            // (Its words are counted again only when it was cut.)
            let cut = cut_at_attributed(d, start, stop, m);
            if cut != stop && d.words_in(start, cut) < MIN_WORDS {
                continue;
            }
            d.add_report(start, cut, m, Some(c), rule, PRIOR);
        }
    }
}

/// In a relative clause between commas (`Quintero, who said the port
/// would reopen, left early`), the report ends where the main clause's
/// predicate resumes: a comma followed by a verb.
fn end_of_relative(d: &Draft<'_>, m: usize, c: usize, start: usize, stop: usize) -> usize {
    let Some(r) = d.relative_pronoun(m, c) else { return stop };
    let r_tok = d.token_at(r.start);
    if r_tok == 0 || d.bytes(r_tok - 1) != b"," {
        return stop;
    }
    let resumes = |k: usize| {
        let Some(t) = d.seg.tokens.get(k) else { return false };
        let w = d.word(k);
        t.shape == crate::segment::Shape::Lower
            && (is_auxiliary(w) || !t.is_function_word() && (d.is_verb_form(w) || d.cue_at(k).is_some()))
    };
    (start + 1..stop).find(|&k| d.is_mark(k, b',') && resumes(k + 1)).unwrap_or(stop)
}

/// Words that cannot open a reported clause.
fn blocks_clause(w: &str) -> bool {
    crate::lexicon::with_lower(w, |w| {
        matches!(
            w,
            "to" | "no"
                | "is"
                | "was"
                | "are"
                | "were"
                | "has"
                | "have"
                | "had"
                | "will"
                | "would"
                | "should"
                | "could"
                | "can"
                | "yes"
                | "so"
                | "nothing"
                | "something"
                | "anything"
                | "everything"
                | "goodbye"
                | "hello"
                | "thanks"
                | "not"
                | "never"
                | "little"
                | "much"
                | "more"
                | "less"
                | "otherwise"
                | "as"
                | "like"
                | "than"
                | "and"
                | "or"
                | "but"
                | "for"
                | "by"
                | "up"
                | "out"
                | "off"
                | "down"
                | "back"
                | "over"
                | "around"
                | "away"
                | "again"
                | "once"
                | "later"
                | "earlier"
                | "yet"
                | "ok"
                | "okay"
                | "him"
                | "me"
                | "us"
                | "them"
                | "himself"
                | "herself"
                | "themselves"
                | "itself"
                | "myself"
        )
    })
}

/// True for words that start a circumstance (`on Friday`, `in a statement`).
fn starts_circumstance(w: &str) -> bool {
    crate::lexicon::with_lower(w, |w| {
        matches!(
            w,
            "on" | "in"
                | "at"
                | "during"
                | "after"
                | "before"
                | "with"
                | "from"
                | "via"
                | "through"
                | "last"
                | "this"
                | "earlier"
                | "later"
                | "recently"
                | "repeatedly"
                | "previously"
                | "again"
                | "also"
                | "today"
                | "yesterday"
                | "tonight"
                | "monday"
                | "tuesday"
                | "wednesday"
                | "thursday"
                | "friday"
                | "saturday"
                | "sunday"
                | "privately"
                | "publicly"
                | "then"
                | "late"
                | "early"
                | ","
        )
    })
}

/// Where the reported clause starts after token `k` (just past the cue),
/// or `None` when no clause follows.
fn clause_start(d: &Draft<'_>, mut k: usize, end: usize, frames: Frames, lemma: &str) -> Option<usize> {
    // `called him “a liar”`: the object is part of what was said.
    if frames.has(Frames::NAMES) {
        let opens_quote = d.seg.tokens.get(k).is_some_and(|t| d.top_starting_at(t.span.start).is_some());
        return (k < end && d.seg.tokens[k].kind != TokKind::Punct || opens_quote).then_some(k);
    }
    // `pledged to “build the wall”`: a commitment's infinitive is its
    // content.
    if frames.has(Frames::COMMITS) && d.bytes(k) == b"to" {
        return Some(k);
    }
    // `urged supporters to vote`, `told him to leave`: a directive reports
    // what was asked of the addressee, who opens the content.
    if frames.has(Frames::DIRECTS) && addressee_before_to(d, k).is_some() {
        return Some(k);
    }
    if frames.has(Frames::ADDRESSEE) {
        let before = k;
        if let Some(a) = d.mention_at(k) {
            k = d.mentions[a].end as usize;
            // `told MSNBC's “Morning Joe” that`: a programme's title.
            if d.mentions[a].possessive {
                if let Some(q) = d.seg.tokens.get(k).and_then(|t| d.top_starting_at(t.span.start)) {
                    k = d.token_at(d.quotes[q].outer.end);
                }
            }
        } else if super::is_object_pronoun(d.word(k)) || matches!(d.bytes(k), b"reporters" | b"journalists") {
            k += 1;
        }
        // `showed him to the door`: no directive, no report.
        if d.bytes(k) == b"to" {
            return None;
        }
        // `told The Washington Post, Fiorina would …`
        if k > before && d.is_mark(k, b',') && k + 1 < end {
            return clause_start(d, k + 1, end, Frames::NONE, "");
        }
        // `warned Trump would lose`, `the poll shows Cruz has fallen`: a
        // verb right after the person is theirs, so the person is the
        // clause's subject, not the one spoken to.
        if k > before && is_auxiliary(d.word(k)) {
            return Some(before);
        }
        // `the poll showed Clinton leading`: what a poll shows is its
        // whole object, unless a clause follows the person shown.
        if lemma == "show" && k > before && !introduced(d.word(k)) {
            return Some(before);
        }
        // `blasted the council for being “deaf”`, `slammed Trump as a
        // “con man”`: the person judged and the judgement are what was
        // said.
        if k > before && k + 1 < end {
            let opens_quote = d.seg.tokens.get(k + 1).is_some_and(|t| d.top_starting_at(t.span.start).is_some());
            if d.bytes(k) == b"for" || d.bytes(k) == b"as" && (matches!(d.bytes(k + 1), b"a" | b"an") || opens_quote) {
                return Some(before);
            }
        }
        // `warned followers on social media that …`: the one spoken to,
        // named by no lexicon, and a circumstance, before `that`.
        let that = (before..end.min(before + MAX_THAT_GAP))
            .take_while(|&j| d.seg.tokens[j].is_word() && !is_auxiliary(d.word(j)))
            .find(|&j| d.bytes(j) == b"that");
        if let Some(j) = that.filter(|&j| j > before && !that_time(d, j)) {
            return Some(j);
        }
    }
    // A mention and `of` after a verb that reports through `of`: the
    // clause starts after `of`. (`accused Obama of …` is found by the
    // addressee step above; what reaches here is mostly a quantity,
    // `thought some of the … buzz was …`, where the clause would better
    // start at the mention.)
    if let Some(o) = d.mention_at(k).filter(|&o| !d.mentions[o].possessive) {
        let after = d.mentions[o].end as usize;
        if d.bytes(after) == b"of" && frames.has(Frames::OF) && after + 1 < end {
            return Some(after + 1);
        }
    }
    let w = d.word(k);
    if k >= end {
        return None;
    }
    if w == "that" {
        return (!that_time(d, k)).then_some(k);
    }
    // Verbs with no object (`spoke anonymously because …`, `laughed at
    // …`) report only through `that`, `of` or `about`.
    if frames.has(Frames::NO_OBJECT) && !matches!(w, "of" | "about") {
        return None;
    }
    if matches!(w, "whether" | "if") {
        return Some(k);
    }
    // `asked how …`, `explained why …`; but `said when she resigned` tells
    // when, not what.
    if matches!(w, "how" | "why" | "what" | "who" | "when" | "where" | "which") {
        // `condemned what he called a “brazen breach”`: a verb that reports
        // its object, and the object a naming of someone's (`what X
        // called`, `what X described as`), reports that naming.
        if w == "what" && d.lex.is_object_cue(lemma) && names_after_what(d, k + 1) {
            return Some(k);
        }
        return frames.has(Frames::ASKS).then_some(k);
    }
    if matches!(w, "of" | "about") {
        return frames.has(Frames::OF).then_some(k + 1).filter(|&s| s < end);
    }
    // `told reporters this was …`: a demonstrative subject.
    if matches!(w, "this" | "these" | "those") && is_auxiliary(d.word(k + 1)) {
        return Some(k);
    }
    // Circumstances first, then `that`: `said in a statement that …`,
    // `said on Thursday he …`.
    if starts_circumstance(w) {
        let limit = end.min(k + MAX_THAT_GAP);
        // (A comma opens a circumstance only when another closes it:
        // `said, in a statement, that …`; in `The goal, he said, is to
        // forge a truce that …` the `that` is a relative pronoun.)
        let comma = w == ",";
        if let Some(j) = (k..limit)
            .find(|&j| d.bytes(j) == b"that")
            .filter(|&j| (!comma || d.bytes(j - 1) == b",") && !that_time(d, j))
        {
            return Some(j);
        }
        // `said Sunday night's debate was …`: a possessive makes the day
        // part of the subject.
        if (k..end.min(k + 2)).any(|j| d.word(j).ends_with("'s") || d.word(j).ends_with("\u{2019}s")) {
            return Some(k);
        }
        // `said on Thursday he …`, `said at a rally the plan …`: the
        // subject after the circumstance.
        return (k + 1..end.min(k + 6)).take_while(|&j| d.seg.tokens[j].kind != TokKind::Punct).find(|&j| {
            matches!(d.bytes(j), b"he" | b"she" | b"they" | b"we" | b"I" | b"it" | b"there")
                || j >= k + 2
                    && matches!(d.bytes(j), b"the" | b"his" | b"her" | b"their" | b"its")
                    && d.seg.tokens[j - 1].is_capitalized()
        });
    }
    let t = d.seg.tokens.get(k)?;
    match t.kind {
        TokKind::Punct => None,
        _ if blocks_clause(w) => None,
        _ if w.ends_with("ly") && t.shape == crate::segment::Shape::Lower => {
            // An adverb: `said falsely that`, `said recently the …`.
            clause_start(d, k + 1, end, Frames::NONE, "")
        }
        _ => Some(k),
    }
}

/// True when a tag whose cue names or describes (`he called`, `the
/// writers described`) opens at token `k`.
fn names_after_what(d: &Draft<'_>, k: usize) -> bool {
    d.tag_at(k).is_some_and(|(m, c, _)| d.mentions[m].first as usize == k && d.frames(c).has(Frames::NAMES))
}

/// Where the clause starting at `start` ends (exclusive), within the
/// sentence ending at `end`; `None` when nothing is left.
pub(super) fn clause_end(d: &Draft<'_>, start: usize, end: usize) -> Option<usize> {
    // A reported clause runs at most MAX_CLAUSE tokens: unpunctuated input
    // must not make every cue scan the rest of the text.
    let end = end.min(start + MAX_CLAUSE);
    let mut stop = end;
    // (Parentheses opened inside the clause.)
    let mut open_parens = 0usize;
    for k in start + 1..end {
        // (Bytes: every test below compares the words with literals.)
        let w = d.bytes(k);
        if w == b";" {
            stop = k;
            break;
        }
        // `(Clinton called it “horrific”), Trump …`: a parenthesis that
        // opened before the clause closes it.
        match w {
            b"(" => open_parens += 1,
            b")" if open_parens == 0 => {
                stop = k;
                break;
            }
            b")" => open_parens -= 1,
            _ => {}
        }
        // `bemoaned the unrest and said he thought …`: a second verb of
        // the same subject opens its own report.
        if matches!(w, b"and" | b"but") {
            let j = if d.is_tag_filler(k + 1) { k + 2 } else { k + 1 };
            if d.cue_at(j).is_some() && !d.in_mention(j) && !continues_infinitive(d, start, k, j) {
                stop = k;
                break;
            }
            // `accuses Obama of “…” and Trump says he is …`, `said he'd
            // make sand “glow,” and Trump vowed to …`: another speaker's
            // tag after `and`, with or without a comma, opens a report of
            // its own. (A comma before `and` is dropped with the trailing
            // punctuation below.)
            if let Some((m, c, _)) = d.tag_at(k + 1) {
                if d.mentions[m].first as usize == k + 1 && d.matcher.is_speech(d.cues[c]) {
                    stop = k;
                    break;
                }
            }
        }
        if w == b"," {
            let next = d.bytes(k + 1);
            if matches!(next, b"but" | b"while" | b"although" | b"though" | b"whereas") || d.cue_at(k + 1).is_some() {
                stop = k;
                break;
            }
            // (The token after a comma inside a closing mark.)
            let after = k + 1 + usize::from(matches!(next, b"\"" | b"\xe2\x80\x9d"));
            // `…“in this race,” adding that …`: a cue after the closing
            // mark ends the clause too; the mark stays with the quotation
            // it closes.
            if after > k + 1 && d.cue_at(after).is_some() {
                stop = after;
                break;
            }
            // A tag after the comma closes the clause (`…, Yepez said.`)
            // or opens a report of its own (`…, Yepez said Perez was
            // right`). (Also after a comma inside a closing mark: `…
            // “prevent this,” the Sentinel reported.`)
            if let Some((_, c, tag_end)) = d.tag_at(after) {
                if d.ends_tag(tag_end, d.seg.tokens[k].para) || d.matcher.is_speech(d.cues[c]) {
                    // (The closing mark stays with the quotation it closes.)
                    stop = if after > k + 1 { after } else { k };
                    break;
                }
            }
            // Or after a short opener: `…, in which she called for …`, `…,
            // as he later explained, …`, `…, at the town hall this week
            // she said …`.
            if tag_after_opener(d, k + 1, end) {
                stop = k;
                break;
            }
        }
    }
    // Drop trailing sentence punctuation (but not closing quote marks).
    while stop > start && matches!(d.bytes(stop - 1), b"." | b"," | b";" | b":" | b"!" | b"?" | b"\xe2\x80\x94" | b"-")
    {
        stop -= 1;
    }
    (stop > start).then_some(stop)
}

/// True when the cue at token `j`, after the `and` or `but` at token `k`,
/// is a bare verb coordinated with one a modal or `to` governs in the
/// clause `start..k`: `said she would do an about-face and support the
/// deal`, `vowed to stand up for Mexicans and defend …`. The reporting
/// verb is finite, so a bare verb cannot be a second one of its subject.
fn continues_infinitive(d: &Draft<'_>, start: usize, k: usize, j: usize) -> bool {
    let w = d.word(j);
    let bare = d.seg.tokens[j].shape == crate::segment::Shape::Lower
        && !w.ends_with('s')
        && !w.ends_with("ed")
        && !w.ends_with("ing")
        && !d.lex.is_irregular_past(w);
    bare && (start..k).any(|i| {
        crate::lexicon::with_lower(d.word(i), |w| {
            matches!(w, "to" | "would" | "will" | "could" | "can" | "should" | "might" | "may" | "must")
        })
    })
}

/// True when a speech tag (`she called for`, `he later explained`) starts
/// within a few words after token `from`, which opens a circumstance or a
/// relative clause (`in which`, `as`, `at the town hall`), with no comma or
/// cue before it.
fn tag_after_opener(d: &Draft<'_>, from: usize, end: usize) -> bool {
    let opener = matches!(
        d.word(from),
        "in" | "at"
            | "on"
            | "during"
            | "after"
            | "before"
            | "as"
            | "when"
            | "where"
            | "while"
            | "which"
            | "whom"
            | "because"
    );
    // `…, who told a newspaper that …`: the relative pronoun is the
    // subject of a report of its own.
    if matches!(d.word(from), "who" | "which") {
        let j = if d.is_tag_filler(from + 1) { from + 2 } else { from + 1 };
        if let Some(c) = d.cue_at(j) {
            return reports_words(d, c) && !d.frames(c).has(Frames::NAMES);
        }
    }
    if !opener {
        return false;
    }
    let limit = (from + 7).min(end);
    for j in from + 1..limit {
        let w = d.word(j);
        if matches!(w, "," | ";" | ":" | "that") || d.cue_at(j - 1).is_some() {
            return false;
        }
        if let Some((m, c, _)) = d.tag_at(j) {
            return d.mentions[m].first as usize == j && reports_words(d, c);
        }
    }
    false
}

/// True when cue `c` reports words or thoughts (`said`, `wrote`,
/// `thought`), not beliefs or evidence.
fn reports_words(d: &Draft<'_>, c: usize) -> bool {
    use crate::output::CueClass;
    d.matcher
        .entry(d.cues[c])
        .is_some_and(|e| matches!(e.class, CueClass::Speech | CueClass::Writing | CueClass::Thought))
}

/// True when every top-level quote crossing the clause starts inside it
/// (it will be extended over them).
fn opens_quote_inside(d: &Draft<'_>, start: usize, stop: usize) -> bool {
    let span = d.token_span(start, stop);
    d.top_overlapping(span).map(|q| d.quotes[q].outer).filter(|q| !span.encloses(*q)).all(|q| span.contains(q.start))
}

/// The clause's end, cut before the first quote inside it that is
/// attributed to another mention.
fn cut_at_attributed(d: &Draft<'_>, start: usize, stop: usize, m: usize) -> usize {
    let span = d.token_span(start, stop);
    // (A fragment whose own tag stands inside the clause is part of the
    // report: `said that he would offer “a prayer”`, where `offer` tagged
    // the fragment; it is nested in the report.)
    let tagged_inside = |a: &super::AttrDraft| {
        a.cue.and_then(|c| d.cues.get(c)).is_some_and(|c| span.start <= c.span.start && c.span.end <= span.end)
    };
    let cut = d
        .top_overlapping(span)
        .map(|q| &d.quotes[q])
        .find(|q| span.contains(q.outer.start) && q.attr.is_some_and(|a| a.mention != m && !tagged_inside(&a)))
        .map(|q| q.outer.start);
    match cut {
        Some(pos) => {
            let mut s = d.token_at(pos);
            while s > start && matches!(d.bytes(s - 1), b"." | b"," | b";" | b":" | b"\xe2\x80\x94" | b"-") {
                s -= 1;
            }
            s
        }
        None => stop,
    }
}

/// The token after the addressee opening at `k` (a mention, an object
/// pronoun, or up to three plain words such as `supporters`), when `to`
/// follows it.
fn addressee_before_to(d: &Draft<'_>, k: usize) -> Option<usize> {
    let end = if let Some(m) = d.mention_at(k) {
        d.mentions[m].end as usize
    } else if super::is_object_pronoun(d.word(k)) {
        k + 1
    } else {
        // (Or a short phrase of plain words: `urged local fishermen to`.)
        let plain = |j: usize| {
            d.seg.tokens.get(j).is_some_and(|t| {
                t.kind == TokKind::Word && t.shape == crate::segment::Shape::Lower && !t.is_function_word()
            })
        };
        (k..k + 3).take_while(|&j| plain(j)).last()? + 1
    };
    (end > k && d.bytes(end) == b"to").then_some(end)
}

/// True when the clause opens with `that` or a question word.
fn introduced(w: &str) -> bool {
    matches!(w, "that" | "whether" | "if" | "how" | "why" | "what" | "who" | "when" | "where" | "which")
}

/// True when a top-level quote starts within tokens `start..stop`.
fn contains_quote(d: &Draft<'_>, start: usize, stop: usize) -> bool {
    let span = d.token_span(start, stop);
    d.top_overlapping(span).any(|q| span.contains(d.quotes[q].outer.start))
}

/// Auxiliaries, modals and copulas: the finite verbs a rule can see.
pub(super) fn is_auxiliary(w: &str) -> bool {
    // (Every auxiliary below has two to eleven bytes, `shouldn’t`, and
    // starts with one of nine letters, in any case: most words are ruled
    // out by their length or their first byte.)
    let first = w.as_bytes().first().map_or(0, |&b| b | 0x20);
    if !(2..=11).contains(&w.len()) || !matches!(first, b'a' | b'b' | b'c' | b'd' | b'h' | b'i' | b'm' | b's' | b'w') {
        return false;
    }
    // (Curly apostrophes read as straight ones: `shouldn’t`.)
    let straight;
    let w = if w.contains('\u{2019}') {
        straight = w.replace('\u{2019}', "'");
        straight.as_str()
    } else {
        w
    };
    crate::lexicon::with_lower_bytes(w, |w| {
        matches!(
            w,
            b"is"
                | b"was"
                | b"are"
                | b"were"
                | b"be"
                | b"been"
                | b"am"
                | b"has"
                | b"have"
                | b"had"
                | b"will"
                | b"would"
                | b"can"
                | b"could"
                | b"should"
                | b"shall"
                | b"may"
                | b"might"
                | b"must"
                | b"does"
                | b"did"
                | b"do"
                | b"won't"
                | b"wouldn't"
                | b"can't"
                | b"couldn't"
                | b"shouldn't"
                | b"isn't"
                | b"wasn't"
                | b"aren't"
                | b"weren't"
                | b"hasn't"
                | b"haven't"
                | b"hadn't"
                | b"doesn't"
                | b"didn't"
                | b"don't"
                | b"won\xe2\x80\x99t"
                | b"can\xe2\x80\x99t"
                | b"isn\xe2\x80\x99t"
                | b"wasn\xe2\x80\x99t"
                | b"doesn\xe2\x80\x99t"
                | b"didn\xe2\x80\x99t"
                | b"don\xe2\x80\x99t"
        )
    })
}

/// True when tokens `start..stop` hold something that reads as a finite
/// verb: an auxiliary, a contraction (`it's`, `they'll`), or a past or
/// third-person form right after a subject pronoun (`he wants`, `they
/// failed`).
pub(super) fn has_finite_verb(d: &Draft<'_>, start: usize, stop: usize) -> bool {
    let subject = |w: &str| {
        crate::lexicon::with_lower_bytes(w, |w| {
            matches!(w, b"he" | b"she" | b"it" | b"they" | b"we" | b"i" | b"you" | b"there" | b"this" | b"that")
        })
    };
    (start..stop).any(|k| {
        let w = d.word(k);
        if is_auxiliary(w) {
            return true;
        }
        // (The tests below read the word in ASCII lower case, without a
        // copy: `ends` compares a lower-case suffix.)
        let ends = |suffix: &str| {
            w.len() >= suffix.len() && w.as_bytes()[w.len() - suffix.len()..].eq_ignore_ascii_case(suffix.as_bytes())
        };
        // (Only a word with an apostrophe among its last five bytes, the
        // last byte of `’` counting as one, may end in a contraction: the
        // ten suffixes are compared for those alone.)
        let tail = w.as_bytes().get(w.len().saturating_sub(5)..).unwrap_or_default();
        let contraction = tail.iter().any(|&c| c == b'\'' || c == 0x99)
            && ["'s", "'re", "'ll", "'ve", "'d", "\u{2019}s", "\u{2019}re", "\u{2019}ll", "\u{2019}ve", "\u{2019}d"]
                .iter()
                .any(|c| ends(c))
            && subject(w.split(['\'', '\u{2019}']).next().unwrap_or(""));
        // (Each test below is pure: they are taken cheapest first, and
        // each stops the word's tests once it holds.)
        if contraction {
            return true;
        }
        // The other forms need a word before this one in the clause.
        if k == start {
            return false;
        }
        let lower_case = d.seg.tokens[k].shape == crate::segment::Shape::Lower;
        let past = ends("ed")
            && w.len() > 4
            && lower_case
            && !matches!(
                d.word(k - 1),
                "into" | "in" | "of" | "for" | "with" | "an" | "a" | "the" | "to" | "on" | "at" | "by" | "from"
            )
            // (`a newly created role`: a participle after a determiner and
            // an adverb is an adjective.)
            && !(k >= start + 2
                && d.word(k - 1).ends_with("ly")
                && matches!(d.bytes(k - 2), b"an" | b"a" | b"the" | b"The" | b"A" | b"An" | b"its" | b"his" | b"her" | b"their"));
        if past {
            return true;
        }
        // (An adverb may stand between subject and verb: `Trump also
        // helps`, `he never met`.)
        let mut p = k - 1;
        if p > start && is_adverb(d.word(p)) {
            p -= 1;
        }
        let irregular = std::cell::OnceCell::new();
        let irregular = || *irregular.get_or_init(|| lower_case && d.lex.is_irregular_past(w));
        // After a subject pronoun: a verb form, or, after a plural or
        // first-person subject, any plain word (`they want`, `we need`).
        let before = d.word(p);
        let after_subject = subject(before)
            && (ends("s")
                || ends("ed")
                || irregular()
                || crate::lexicon::with_lower(before, |w| matches!(w, "they" | "we" | "i" | "you"))
                    && lower_case
                    && !d.lex.is_function_word(w)
                    && !is_adverb(w));
        if after_subject {
            return true;
        }
        // A name or noun phrase followed by a past or present verb: `Clinton
        // won`, `the talks failed`.
        // A verb right after its subject, near the clause's start: a name
        // (`Clinton won`, `Clinton wants`) or a noun after a determiner
        // (`the talks failed`); not an adjective inside a phrase (`into
        // advanced age`).
        // (Or a bare noun opening the clause: `said contractors built`.)
        let after_noun = p - start < 5 && {
            let prev = d.seg.tokens[p];
            prev.shape == crate::segment::Shape::Capitalized
                || p == start && prev.shape == crate::segment::Shape::Lower && !prev.is_function_word()
                || prev.shape == crate::segment::Shape::Lower
                    && p > start
                    && matches!(d.bytes(p - 1), b"the" | b"The" | b"a" | b"an" | b"his" | b"her" | b"their" | b"its" | b"our")
        };
        after_noun && (irregular() || w.len() > 3 && lower_case && (ends("ed") || ends("s") && !ends("ss")))
    })
}

/// Adverbs that may stand between a subject and its verb.
fn is_adverb(w: &str) -> bool {
    w.len() > 3 && w.ends_with("ly")
        || matches!(
            w,
            "also" | "never" | "still" | "just" | "already" | "now" | "often" | "only" | "then" | "later" | "even"
        )
}

/// True when `that` at token `k` is a determiner that opens a time
/// phrase (`announced that same day`, `said that morning`), not a clause.
fn that_time(d: &Draft<'_>, k: usize) -> bool {
    let t = if d.bytes(k + 1) == b"same" { k + 2 } else { k + 1 };
    d.seg.tokens.get(t).is_some() && d.lex.time_word(d.word(t)) == Some(crate::lexicon::TimeWord::Noun)
}
