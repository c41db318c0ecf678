//! Speaker slots: the phrase standing in the speaker's place of a quote's
//! tag is a speaker, even when no lexicon knows its head.
//!
//! Right after a quotation that breaks off with a comma, a question or an
//! exclamation, the words up to a reporting cue can only be its speaker:
//! `“…,” the column noted.`, `“…,” the bespectacled, 71-year-old diplomat
//! said.`, `“…,” the Zionist Union Party’s Nachman Shai told the AP.`; so
//! can the noun phrase after an inverted cue: `“…,” said the designer.`,
//! `“…,” said Clinton’s communications director, Jennifer Palmieri.` The
//! finders before this one know names and role nouns; this one widens or
//! adds the mention in that slot, so the tag passes find it whole.

use super::{Cx, Mention, MentionKind, MentionLists, is_determiner, possessive_len};
use crate::lexicon::{is_weekday, with_lower};
use crate::segment::{Shape, TokKind, TokenSet};
use crate::span::Span;

/// The most words a speaker phrase may hold.
const MAX_WORDS: usize = 10;

/// Widens or adds the speaker mention in the tag slot of each quote in
/// `quotes` (outer spans, sorted). `out` stays in text order.
pub(super) fn fill(cx: &Cx<'_>, quotes: &[Span], out: &mut Vec<Mention>, lists: &mut MentionLists) {
    let added = &mut lists.added;
    added.clear();
    let finders = Found::new(cx, out, &mut lists.ends);
    for &q in quotes {
        let Some(i) = slot_start(cx, q) else { continue };
        let found = if cx.cue_starts_at(i) { after_cue(cx, i, &finders) } else { before_cue(cx, i, &finders) };
        if let Some(m) = found {
            added.push(m);
        }
    }
    if cx.news {
        // (Cues and quotes both in text order: one cursor over the quotes.)
        let mut k = 0usize;
        for (n, c) in cx.cues.iter().enumerate() {
            // (Not inside a quotation: its words are someone else's.)
            while quotes.get(k).is_some_and(|q| q.end <= c.start) {
                k += 1;
            }
            if quotes.get(k).is_some_and(|q| q.start <= c.start) {
                continue;
            }
            if let Some(m) = cx.cue_token(n).and_then(|c| subject(cx, c, &finders)) {
                added.push(m);
            }
        }
    }
    if added.is_empty() {
        return;
    }
    // The slot mention replaces the mentions inside it, unless one
    // straddles its edge (then the finders saw a different phrase).
    added.retain(|a| !out.iter().any(|m| straddles(m, a)));
    out.retain(|m| !added.iter().any(|a| a.first <= m.first && m.end <= a.end));
    // In text order: the finders' mentions are, so a merge with the added
    // ones, sorted, gives what a stable sort of both would (ties to the
    // finders'), without the sort's buffer.
    added.sort_by_key(|m| m.first);
    if !out.is_sorted_by_key(|m| m.first) {
        out.append(added);
        out.sort_by_key(|m| m.first);
        return;
    }
    merge_into(out, added);
}

/// Merges `added` into `out`, both sorted by first token, as a stable sort
/// of `out` followed by `added` would (ties to `out`'s): in place, from the
/// back, so the mentions before the first added one are not moved.
fn merge_into(out: &mut Vec<Mention>, added: &[Mention]) {
    let Some(&last) = added.last() else { return };
    let (mut r, mut a) = (out.len(), added.len());
    out.resize(r + a, last);
    for w in (0..out.len()).rev() {
        if a == 0 {
            break;
        }
        let take_out = r > 0 && out[r - 1].first > added[a - 1].first;
        out[w] = if take_out { out[r - 1] } else { added[a - 1] };
        if take_out {
            r -= 1;
        } else {
            a -= 1;
        }
    }
}

/// The finders' mentions (in text order), and the tokens where one ends:
/// most slots have none ending at their edge, which is then known without
/// a scan of the mentions.
struct Found<'o> {
    all: &'o [Mention],
    ends: &'o TokenSet,
}

impl<'o> Found<'o> {
    /// The finders' mentions `all`; `ends` is emptied and filled.
    fn new(cx: &Cx<'_>, all: &'o [Mention], ends: &'o mut TokenSet) -> Found<'o> {
        // (An end may be the token count: one more bit.)
        ends.reset(cx.seg.tokens.len() + 1);
        for m in all {
            ends.insert(m.end as usize);
        }
        Found { all, ends }
    }

    /// The mentions that end at token `end`, in order.
    fn ending_at(&self, end: usize) -> impl Iterator<Item = &'o Mention> + '_ {
        let all = if self.ends.contains(end) { self.all } else { &[] };
        all.iter().filter(move |m| m.end as usize == end)
    }
}

/// True when `m` crosses an edge of `a`.
fn straddles(m: &Mention, a: &Mention) -> bool {
    (m.first < a.first && m.end > a.first) || (m.first < a.end && m.end > a.end)
}

/// The first token of the tag after quote `q`, when the quote breaks off
/// (`,” `, `?” `, `!” `, `” —`) and the tag follows in the same paragraph.
fn slot_start(cx: &Cx<'_>, q: Span) -> Option<usize> {
    let toks = &cx.seg.tokens;
    let inside = cx.text.get(q.start..q.end)?;
    let mut chars = inside.chars().rev();
    chars.next(); // the closing mark
    // (Past the closing marks of a quotation nested at the end: `… its
    // ‘insensitivity,’” the column noted.`)
    let last = chars.find(|c| !matches!(c, '\'' | '\u{2019}' | '"' | '\u{201d}'));
    let breaks_off = matches!(last, Some(',' | '?' | '!' | '\u{2014}' | '\u{2013}' | '-'));
    let mut i = toks.partition_point(|t| t.span.start < q.end);
    let t = toks.get(i)?;
    if cx.text.get(q.end..t.span.start)?.contains('\n') {
        return None;
    }
    let comma_outside = matches!(cx.bytes(i), b"," | b"\xe2\x80\x94" | b"\xe2\x80\x93");
    if comma_outside {
        i += 1;
    }
    (breaks_off || comma_outside).then_some(i)
}

/// True for words that may stand between a speaker and the cue: `the
/// column later noted`, `the ad has said`, `the senator Monday said`.
fn is_filler(w: &str) -> bool {
    w.ends_with("ly")
        || is_weekday(w)
        || matches!(
            w,
            "also"
                | "then"
                | "later"
                | "again"
                | "once"
                | "has"
                | "had"
                | "have"
                | "would"
                | "will"
                | "previously"
                | "earlier"
                | "further"
                | "still"
                | "just"
                | "now"
                | "recently"
        )
}

/// Words that end a noun phrase after an inverted cue, or that a speaker
/// phrase cannot hold: a relative pronoun, a conjunction, a preposition
/// opening an adverbial (`in a statement`, `on Sunday`).
fn is_phrase_stop(w: &str) -> bool {
    matches!(
        w,
        "who"
            | "whom"
            | "whose"
            | "which"
            | "that"
            | "when"
            | "while"
            | "as"
            | "but"
            | "because"
            | "if"
            | "to"
            | "not"
            | "in"
            | "at"
            | "on"
            | "during"
            | "after"
            | "before"
            | "about"
            | "than"
            | "since"
            | "until"
            | "via"
            | "through"
    )
}

/// Nouns of time and of manner that follow a cue without being a speaker:
/// `said the next day`, `said the statement`.
fn is_not_speaker_head(w: &str) -> bool {
    matches!(
        w,
        "day"
            | "days"
            | "week"
            | "weeks"
            | "month"
            | "months"
            | "year"
            | "years"
            | "morning"
            | "afternoon"
            | "evening"
            | "night"
            | "weekend"
            | "time"
            | "times"
            | "way"
            | "thing"
            | "things"
            | "same"
            | "other"
            | "most"
            | "least"
    )
}

/// `“…,” the column noted.`: the phrase from token `i` up to the next cue.
fn before_cue(cx: &Cx<'_>, i: usize, out: &Found<'_>) -> Option<Mention> {
    let t = cx.tok(i)?;
    let first = cx.word(i);
    let opens = is_determiner(first) || t.is_capitalized() || t.kind == TokKind::Number;
    // (A lower-case modifier opens it when a mention closes it: `federal
    // prosecutors wrote`.)
    let modifier = cx.news && t.shape == Shape::Lower && t.kind == TokKind::Word && !t.is_function_word();
    if !(opens || modifier) || t.may_be_pronoun() {
        return None;
    }
    let limit = (i + MAX_WORDS + 2).min(cx.seg.tokens.len());
    let mut k = i;
    while k < limit && !cx.cue_starts_at(k) {
        let t = cx.tok(k)?;
        let w = cx.word(k);
        let ok = match t.kind {
            TokKind::Punct => match w {
                // (`bespectacled, 71-year-old`: a comma between adjectives;
                // not one after a name, `Ines Varga, port director at …`,
                // which opens an apposition.)
                "," => {
                    k > i
                        && cx.tok(k - 1).is_some_and(|p| p.shape == Shape::Lower)
                        && cx.tok(k + 1).is_some_and(|n| n.shape == Shape::Lower || n.kind == TokKind::Number)
                }
                "-" | "\u{2013}" | "$" | "&" | "'" | "\u{2019}" => true,
                "/" => cx.news,
                // (An abbreviation's dot: `Assistant U.S. Attorney`.)
                "." => {
                    cx.news
                        && k > i
                        && cx.tok(k - 1).is_some_and(|p| p.span.end == t.span.start && p.is_capitalized())
                        && cx.tok(k + 1).is_some_and(|n| n.is_capitalized())
                }
                _ => false,
            },
            _ => {
                // (`a voice-over in the ad`: a complement may follow.)
                let stop = is_phrase_stop(w) && !matches!(w, "in" | "at" | "on");
                t.shape != Shape::Lower || !stop && !t.may_be_pronoun() && !cx.lex.is_irregular_past(w)
            }
        };
        if !ok {
            return None;
        }
        k += 1;
    }
    if k >= limit || k == i {
        return None;
    }
    // The cue's own fillers are no part of the speaker.
    let mut end = k;
    while end > i + 1 && is_filler(cx.word(end - 1)) {
        end -= 1;
    }
    if !opens && !out.ending_at(end).any(|m| m.first as usize > i) {
        return None;
    }
    slot_mention(cx, i, end, out)
}

/// `Abortion rights advocates said …`: in news, the noun phrase that opens
/// a sentence (or a clause after a comma or colon) and runs up to a
/// reporting verb is that verb's subject, whatever its head. Only where
/// the finders found no mention ending before the verb. `c` is the token
/// where the cue starts.
fn subject(cx: &Cx<'_>, c: usize, out: &Found<'_>) -> Option<Mention> {
    let toks = &cx.seg.tokens;
    if c == 0 || !is_subject_verb(cx.word(c)) {
        return None;
    }
    // A noun cue is followed by its sentence's verb: `The October report
    // exceeded …`, `The statement was …`.
    let next = cx.word(c + 1);
    if cx.tok(c + 1).is_some_and(|t| t.shape == Shape::Lower)
        && (next.ends_with("ed")
            || matches!(next, "is" | "was" | "are" | "were" | "has" | "have" | "had" | "will" | "would" | "could"))
    {
        return None;
    }
    let sentence = cx.seg.sentences.get(cx.seg.sentence_of_token(c))?;
    let first = sentence.first as usize;
    // The cue's fillers (`has`, `also`) stand outside the phrase.
    let mut b = c;
    while b > first + 1 && is_filler(cx.word(b - 1)) {
        b -= 1;
    }
    // A mention of the finders already ends here: the tag passes use it.
    if out.ends.contains(b) {
        let at = out.all.partition_point(|m| (m.end as usize) < b);
        if out.all[at..].iter().any(|m| m.end as usize == b) {
            return None;
        }
    }
    // The phrase opens the sentence, or follows its last comma or colon
    // (`On Friday, abortion rights advocates said`).
    let mut s = b;
    while s > first && s + MAX_WORDS > b {
        let w = cx.word(s - 1);
        if matches!(w, "," | ":" | ";") {
            break;
        }
        let t = toks[s - 1];
        // (Another cue inside: `Trump Says He Never Pledged` is no phrase.)
        // (The token's flags say what the lexicons would.)
        if t.may_be_pronoun() || cx.cue_starts_at(s - 1) {
            return None;
        }
        let fits = match t.kind {
            TokKind::Punct => matches!(w, "-" | "\u{2013}" | "$" | "&" | "'" | "\u{2019}"),
            _ => {
                t.shape != Shape::Lower
                    || !(is_phrase_stop(w)
                        || matches!(w, "and" | "or" | "nor")
                        || cx.lex.is_irregular_past(w)
                        || w.ends_with("ed") && !w.contains('-')
                        || is_filler(w))
            }
        };
        if !fits {
            return None;
        }
        s -= 1;
    }
    // (Opening conjunctions are no part of it: `But critics said`.)
    if s < b && matches!(cx.word(s), "But" | "And" | "Yet" | "So" | "Still" | "Now") {
        s += 1;
    }
    if s >= b || s + MAX_WORDS <= b && s > first {
        return None;
    }
    let t = cx.tok(s)?;
    let opener = cx.word(s);
    // (A bare plural may open it in lower case: `But neighbors of the
    // plant say`, `On Friday, abortion rights advocates said`.)
    let head_end = (s + 1..b).find(|&k| matches!(cx.bytes(k), b"of" | b"in" | b"at" | b"from" | b"with")).unwrap_or(b);
    let bare_plural = t.shape == Shape::Lower && !t.is_function_word() && {
        let h = cx.word(head_end - 1);
        h.ends_with('s') && !h.ends_with("ss")
    };
    if !(is_determiner(opener) || t.is_capitalized() || t.kind == TokKind::Number || bare_plural)
        || t.may_be_pronoun()
        || with_lower(opener, |w| {
            is_phrase_stop(w)
                || w.ends_with("ly")
                || w.ends_with("ing")
                || matches!(w, "with" | "for" | "of" | "by" | "from" | "perhaps" | "maybe" | "or" | "you")
        })
    {
        return None;
    }
    // Between the opener and the verb, lower-case words are content words
    // and the joints of a noun phrase: `so far hasn't` is no subject.
    let joint = |w: &str| {
        is_determiner(w)
            || matches!(
                w,
                "of" | "for"
                    | "in"
                    | "at"
                    | "on"
                    | "from"
                    | "with"
                    | "first"
                    | "second"
                    | "third"
                    | "last"
                    | "other"
                    | "many"
                    | "several"
                    | "some"
                    | "few"
                    | "most"
                    | "all"
                    | "both"
            )
    };
    if (s + 1..b).any(|k| {
        let w = cx.word(k);
        cx.tok(k).is_some_and(|t| t.shape == Shape::Lower)
            && (cx.lex.is_function_word(w) && !joint(w) || w.contains('\'') || w.contains('\u{2019}'))
    }) {
        return None;
    }
    let m = slot_mention(cx, s, b, out)?;
    // A number is no head: `The two states hold …`.
    let head = &cx.text[m.head];
    if head.bytes().all(|b| b.is_ascii_digit()) || with_lower(head, |w| super::NUMBER_WORDS.contains(&w)) {
        return None;
    }
    Some(m)
}

/// A reporting verb in a form that follows its subject directly (`said`,
/// `says`, `say`, `suggests`), not a participle (`the plan announced
/// last year`, `comments directed at him`) nor `according to`.
fn is_subject_verb(w: &str) -> bool {
    !w.ends_with("ing") && !matches!(w, "according" | "states" | "made" | "announced" | "directed" | "known")
}

/// `“…,” said the designer.`: the noun phrase after the inverted cue at
/// token `i`, up to the end of its clause.
fn after_cue(cx: &Cx<'_>, i: usize, out: &Found<'_>) -> Option<Mention> {
    // (Only verbs that invert; after `told` or `asked` stands the person
    // spoken to.)
    let inverts = with_lower(cx.word(i), |w| {
        matches!(
            w,
            "said"
                | "says"
                | "added"
                | "adds"
                | "wrote"
                | "writes"
                | "noted"
                | "notes"
                | "explained"
                | "continued"
                | "recalled"
                | "observed"
                | "remarked"
                | "replied"
                | "responded"
                | "argued"
                | "insisted"
                | "stated"
                | "states"
                | "declared"
                | "concluded"
                | "acknowledged"
                | "admitted"
                | "agreed"
                | "complained"
                | "quipped"
                | "joked"
                | "exclaimed"
                | "cried"
                | "shouted"
                | "whispered"
                | "muttered"
                | "murmured"
                | "answered"
                | "read"
                | "reads"
        )
    });
    if !inverts {
        return None;
    }
    let j = i + 1;
    let t = cx.tok(j)?;
    let first = cx.word(j);
    // (Or a number opening a title: `said 9/11 widow Terry Strada`.)
    let number = cx.news
        && t.kind == TokKind::Number
        && cx.tok(j + 1).is_some_and(|n| n.kind == TokKind::Word || cx.word(j + 1) == "/");
    if !(is_determiner(first) || t.is_capitalized() && possessive_len(first).is_some() || number) {
        return None;
    }
    let limit = (j + MAX_WORDS + 1).min(cx.seg.tokens.len());
    let mut k = j;
    while k < limit {
        let t = cx.tok(k)?;
        let w = cx.word(k);
        let stop = match t.kind {
            TokKind::Punct => !(matches!(w, "-" | "\u{2013}" | "$" | "&" | "'" | "\u{2019}") || cx.news && w == "/"),
            _ => {
                t.shape == Shape::Lower && (is_phrase_stop(w) || t.may_be_pronoun())
                    || k > j && (is_weekday(w) || cx.cue_starts_at(k))
            }
        };
        if stop || t.para != cx.tok(j)?.para {
            break;
        }
        k += 1;
    }
    if k >= limit || k == j + 1 && is_determiner(first) {
        return None;
    }
    // `said Clinton’s communications director, Jennifer Palmieri.`: the
    // name in apposition closes the phrase and names the speaker.
    let at = out.all.partition_point(|m| (m.first as usize) < k + 1);
    if let Some(n) = out.all.get(at).filter(|n| {
        cx.bytes(k) == b","
            && n.first as usize == k + 1
            && n.kind == MentionKind::Name
            && !n.possessive
            && cx
                .tok(n.end as usize)
                .is_none_or(|t| t.kind == TokKind::Punct || t.para != cx.tok(j).map_or(0, |t| t.para))
    }) {
        k = n.end as usize;
    }
    slot_mention(cx, j, k, out)
}

/// The mention for the speaker phrase `first..end`: the mention of the
/// finders ending there, widened to the whole phrase, or a new nominal.
fn slot_mention(cx: &Cx<'_>, first: usize, end: usize, out: &Found<'_>) -> Option<Mention> {
    // Already found whole: nothing to do.
    if end <= first || out.ending_at(end).any(|m| m.first as usize == first) {
        return None;
    }
    // A mention of the finders closing the phrase is its head (`Fight for
    // $15 organizing director Kendall Fells`); else the head is the last
    // word before a complement (`a voice-over in the ad`, `the head of the
    // agency`), else the last word.
    let complement =
        (first + 1..end).find(|&k| matches!(cx.bytes(k), b"of" | b"for" | b"in" | b"at" | b"on" | b"from" | b"with"));
    let closing = out.ending_at(end).any(|m| {
        m.first as usize > first
            && !m.possessive
            && (m.kind == MentionKind::Name || complement.is_none_or(|p| p > m.first as usize))
    });
    let head_end = if closing { end } else { complement.unwrap_or(end) };
    let head_tok = cx.tok(head_end - 1)?;
    let head_word = cx.word(head_end - 1);
    if head_tok.kind != TokKind::Word
        || with_lower(head_word, is_not_speaker_head)
        || head_tok.shape == Shape::Lower && cx.lex.is_function_word(head_word)
        || head_word.ends_with("ly")
        || possessive_len(head_word).is_some()
    {
        return None;
    }
    let found = out.ending_at(head_end).find(|m| m.first as usize >= first && !m.possessive);
    let mut m = match found {
        Some(m) => *m,
        None => {
            // (`A CBS poll`: a document noun heads a document.)
            let org = cx.lex.org(head_word);
            let kind = if org.is_some() { MentionKind::Organization } else { MentionKind::Nominal };
            let mut m = cx.mention(first, end, head_tok.span, kind);
            m.document = org == Some(crate::lexicon::OrgKind::Document);
            let singular = with_lower(cx.word(first), |w| matches!(w, "a" | "an" | "one" | "another"));
            m.plural = !singular && head_word.ends_with('s') && !head_word.ends_with("ss");
            m
        }
    };
    m.first = first as u32;
    m.end = end as u32;
    m.span = cx.span(first, end);
    m.sentence = cx.seg.sentence_of_token(first) as u32;
    m.in_quote = false;
    Some(m)
}

#[cfg(test)]
mod tests {
    /// The in-place merge orders mentions as a stable sort of both lists
    /// does, ties to the finders' mentions.
    #[test]
    fn merge_equals_a_stable_sort() {
        use super::{Mention, MentionKind, merge_into};
        use crate::span::Span;
        let m = |first: usize, tag: usize| {
            Mention::plain(Span::new(tag, tag), Span::default(), MentionKind::Name, first, first + 1)
        };
        let cases: [(&[usize], &[usize]); 6] = [
            (&[1, 4, 9], &[0, 4, 5, 12]),
            (&[], &[2, 3]),
            (&[3, 3, 7], &[]),
            (&[5, 6], &[1, 2]),
            (&[1, 2], &[5, 5, 6]),
            (&[2, 4, 4, 8], &[4, 4, 8]),
        ];
        for (found, added) in cases {
            let mut out: Vec<Mention> = found.iter().enumerate().map(|(k, &f)| m(f, k)).collect();
            let extra: Vec<Mention> = added.iter().enumerate().map(|(k, &f)| m(f, 100 + k)).collect();
            let mut want = out.clone();
            want.extend(extra.iter().copied());
            want.sort_by_key(|x| x.first);
            merge_into(&mut out, &extra);
            let key = |v: &[Mention]| v.iter().map(|x| (x.first, x.span.start)).collect::<Vec<_>>();
            assert_eq!(key(&out), key(&want), "{found:?} {added:?}");
        }
    }

    use crate::genre::Genre;
    use crate::lexicon::Lexicons;
    use crate::mention::find_mentions;
    use crate::quote::QuoteScanner;
    use crate::segment::Segmentation;

    /// The speaker mention in the tag after the first quotation of `text`.
    fn slot(text: &str) -> Option<String> {
        let lex = Lexicons::english();
        let seg = Segmentation::new(text, &lex);
        let cue = crate::cue::CueMatcher::english().ok()?;
        let raw = QuoteScanner::new(0xFF).scan(text, &seg.paragraphs, &lex);
        let quotes: Vec<_> = raw.iter().filter(|q| q.depth == 0).map(|q| q.outer).collect();
        let cues: Vec<_> = cue.find_all(text).iter().map(|h| h.span).collect();
        let end = quotes.first()?.end;
        let ms = find_mentions(text, &seg, &quotes, &cues, &lex, Genre::News);
        // The mention that opens the tag (or follows its inverted cue).
        let rest = &text[end..];
        let mut at = end + (rest.len() - rest.trim_start_matches([',', ' ']).len());
        if let Some(c) = cues.iter().find(|c| c.start == at) {
            at = c.end + 1;
        }
        ms.iter().find(|m| m.span.start == at).map(|m| text[m.span].to_string())
    }

    #[test]
    fn the_phrase_in_the_tag_is_the_speaker() {
        for (text, speaker) in [
            ("\u{201c}It was unprecedented,\u{201d} the column noted.", "the column"),
            (
                "\u{201c}It is hard,\u{201d} the bespectacled, 71-year-old diplomat said.",
                "the bespectacled, 71-year-old diplomat",
            ),
            ("\"We know,\" a voice-over in the ad states.", "a voice-over in the ad"),
            (
                "\"We know,\" the Zionist Union Party's Nachman Shai told the AP.",
                "the Zionist Union Party's Nachman Shai",
            ),
            ("\"It is hard,\" said the designer, who works for another brand.", "the designer"),
            ("\"It is hard,\" federal prosecutors wrote in a filing.", "federal prosecutors"),
            ("\"It is hard,\" Assistant U.S. Attorney Ines Varga wrote.", "Assistant U.S. Attorney Ines Varga"),
            ("\"It is hard,\" said 9/11 widow Ines Varga.", "9/11 widow Ines Varga"),
            ("\u{201c}It was, in its \u{2018}tone,\u{2019}\u{201d} the column noted.", "the column"),
            (
                "\"It is hard,\" said Clinton's communications director, Jennifer Palmieri.",
                "Clinton's communications director, Jennifer Palmieri",
            ),
        ] {
            assert_eq!(slot(text).as_deref(), Some(speaker), "{text}");
        }
    }

    #[test]
    fn no_slot_without_a_tag() {
        for text in [
            // A sentence ends: what follows is narration.
            "\u{201c}It was over.\u{201d} The column ran on Sunday.",
            // No cue within reach.
            "He called it \u{201c}dead,\u{201d} the strongest word the agency has used in years.",
            // Time after an inverted cue.
            "\"We know,\" said this week.",
        ] {
            assert_eq!(slot(text), None, "{text}");
        }
    }

    /// The mention ending just before the first cue of `text` (news).
    fn subject(text: &str) -> Option<String> {
        let lex = Lexicons::english();
        let seg = Segmentation::new(text, &lex);
        let cue = crate::cue::CueMatcher::english().ok()?;
        let cues: Vec<_> = cue.find_all(text).iter().map(|h| h.span).collect();
        let ms = find_mentions(text, &seg, &[], &cues, &lex, Genre::News);
        let at = text[..cues.first()?.start].trim_end().len();
        ms.iter().find(|m| m.span.end == at).map(|m| text[m.span].to_string())
    }

    #[test]
    fn the_phrase_before_a_verb_is_its_subject() {
        for (text, speaker) in [
            ("Port safety advocates said the ruling was a setback.", "Port safety advocates"),
            ("A third source said that the talks had stalled.", "A third source"),
            ("The self-described pragmatist said he would win the county.", "The self-described pragmatist"),
            ("On Friday, Seven Pines beekeepers said the water was brown.", "Seven Pines beekeepers"),
            ("On Friday, dairy goat breeders said the fair would go ahead.", "dairy goat breeders"),
            ("But neighbors of the plant say the smell has returned.", "neighbors of the plant"),
        ] {
            assert_eq!(subject(text).as_deref(), Some(speaker), "{text}");
        }
    }

    #[test]
    fn no_subject_slot_where_no_noun_phrase_stands() {
        for text in [
            // Verbs and function words before the cue.
            "Trump so far hasn't attacked the companies he listed.",
            "Holding rates near zero has encouraged borrowing.",
            // A number is no head; a noun cue is no verb.
            "The two states hold primaries on March 1.",
            "The October report exceeded expectations.",
            // A participle: `a plan announced last year`.
            "The port will reopen, a plan announced earlier this year.",
            // An opening adverb.
            "Perhaps the approving comments suggest a shift.",
        ] {
            assert_eq!(subject(text), None, "{text}");
        }
    }
}
