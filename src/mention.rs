//! Speaker mentions: names, pronouns, role nominals and organisations.
//!
//! Mentions are found over the tokens in one left-to-right pass, with the
//! lexicons in `src/lexicon/`:
//!
//! * **Names**: a run of capitalised words, with any honorifics and titles
//!   before it (`Sen.`, `Foreign Minister`), initials (`George W. Bush`),
//!   lower-case particles inside it (`Staffan de Mistura`, `van der Berg`)
//!   and a possessive at its end (`Russia’s`). A capitalised word that
//!   starts a sentence is a name only if the document never writes it in
//!   lower case and it is not a function word (`However`, `Still`).
//! * **Organisations**: known names (`Reuters`, `the Kremlin`), names ending
//!   in an organisation word (`Acme Inc.`, `Labour Party`), short all-caps
//!   acronyms (`TASS`), and `the` + an organisation noun (`the ministry`).
//! * **Pronouns** in subject form (`he`, `she`, `they`, `it`, `I`, `we`).
//! * **Nominals**: a determiner or a possessive, adjectives, and a role noun
//!   (`the diplomat`, `a senior official`, `Russia’s Permanent
//!   Representative`); bare plurals too (`officials`, `analysts`).
//!
//! A name mention also records a *role* when the text ties one to it: a
//! title before it (`Foreign Minister Sergei Lavrov`, `spokesman John
//! Kirby`) or an appositive on either side (`Ana Ruiz, the port's
//! director,` / `Russia's envoy to the UN, Alexei Borodavkin`). That is what
//! lets the resolver send `the diplomat` to the right person.

use crate::cue::CueHit;
use crate::genre::Genre;
use crate::lexicon::{Lexicons, OrgKind, Phrase, flags, with_lower};
use crate::output::{Gender, MentionKind};
use crate::segment::{Segmentation, Shape, TokKind, Token, TokenSet};
use crate::span::Span;
use std::cell::Cell;
use std::collections::HashSet;

mod slot;

/// A set of words with the lexicon's fast hasher (SipHash, the default,
/// was a tenth of the pipeline's time here).
/// A set of lower-case words.
type LowerSet = HashSet<String, std::hash::BuildHasherDefault<crate::lexicon::WordHasher>>;

/// One mention of a possible speaker.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Mention {
    /// The whole mention (`Foreign Minister Sergei Lavrov`, `the diplomat`).
    pub span: Span,
    /// Its head: the name without titles or possessive (`Sergei Lavrov`),
    /// or the role noun (`diplomat`).
    pub head: Span,
    pub kind: MentionKind,
    /// Token range `first..end` of the whole mention.
    pub first: u32,
    pub end: u32,
    /// Gender the text states: an honorific, a gendered role, a pronoun.
    pub gender: Gender,
    /// Gender suggested by a given name (`Hillary`), weaker evidence.
    pub name_gender: Gender,
    pub plural: bool,
    /// A role class tied to the mention (see `roles.txt`).
    pub role: Option<u16>,
    /// True when the mention ends in a possessive (`Russia’s`).
    pub possessive: bool,
    /// True for a text that says things (`the statement`, `a letter`).
    pub document: bool,
    /// True when the mention is inside a quotation.
    pub in_quote: bool,
    /// A lone capitalised word opening a sentence: a name only if the text
    /// never writes it in lower case (settled after the first pass).
    pub unsure: bool,
    /// Index of the sentence holding the mention.
    pub sentence: u32,
}

/// The most tokens of a source after `according to` (`an email from the
/// president of the federation obtained by the Post`).
const MAX_ACCORDING_SOURCE: usize = 30;

/// Words that introduce a nominal, in lower case; each is also accepted
/// with a capital first letter (`The`), not in capitals.
pub(crate) const DETERMINERS: &[&str] = &[
    "the", "a", "an", "another", "this", "that", "one", "its", "their", "his", "her", "many", "some", "several",
    "most", "other", "these", "those",
];

/// Words that stand for a person next to a cue (`said another`), in any
/// case.
const QUANTIFIERS: &[&str] = &["another", "one", "some", "others", "many", "several", "most", "few", "both"];

/// Words that may open a share (`almost half said`), in any case.
const SHARE_ADVERBS: &[&str] = &["almost", "nearly", "about", "roughly", "some", "over", "just", "only", "around"];

/// Number words that may open a share (`nine out of 10 economists`), in
/// any case.
const NUMBER_WORDS: &[&str] = &["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "one"];

/// Words that head a share (`half said`), in any case.
const SHARE_HEADS: &[&str] = &["half", "majority", "third", "quarter", "two-thirds", "three-quarters", "most", "many"];

/// Every word that can begin a mention found by [`Cx::determined`],
/// [`Cx::share`] or [`Cx::quantifier`] (`a` of `a majority` is a
/// determiner). The lexicon flags them
/// ([`flags::OPENER`](crate::lexicon::flags::OPENER)), so those three are
/// tried only where one stands.
pub(crate) const OPENERS: [&[&str]; 5] = [DETERMINERS, QUANTIFIERS, SHARE_ADVERBS, NUMBER_WORDS, SHARE_HEADS];

/// Every word that can begin a share or a quantifier mention, but for a
/// number token: the words [`Cx::share`] and [`Cx::quantifier`] test
/// first (`a` of `a majority`). The lexicon flags them
/// ([`flags::SHARE_OR_QUANTIFIER`](crate::lexicon::flags::SHARE_OR_QUANTIFIER)),
/// so those two are tried only where one stands.
pub(crate) const SHARE_OR_QUANTIFIER: [&[&str]; 5] = [QUANTIFIERS, SHARE_ADVERBS, NUMBER_WORDS, SHARE_HEADS, &["a"]];

impl Mention {
    /// A mention of tokens `first..end` with nothing known beyond its kind:
    /// no gender, role or flags, sentence 0.
    pub(crate) fn plain(span: Span, head: Span, kind: MentionKind, first: usize, end: usize) -> Mention {
        Mention {
            span,
            head,
            kind,
            first: first as u32,
            end: end as u32,
            gender: Gender::Unknown,
            name_gender: Gender::Unknown,
            plural: false,
            role: None,
            possessive: false,
            document: false,
            in_quote: false,
            unsure: false,
            sentence: 0,
        }
    }
}

/// Words that introduce a nominal.
fn is_determiner(w: &str) -> bool {
    let b = w.as_bytes();
    DETERMINERS.iter().any(|d| {
        let d = d.as_bytes();
        b.len() == d.len() && b[1..] == d[1..] && (b[0] == d[0] || b[0] == d[0].to_ascii_uppercase())
    })
}

/// Lower-case particles inside names.
fn is_particle(w: &str) -> bool {
    is_particle_bytes(w.as_bytes())
}

/// [`is_particle`] for a word's bytes.
fn is_particle_bytes(w: &[u8]) -> bool {
    matches!(
        w,
        b"de"
            | b"van"
            | b"von"
            | b"der"
            | b"den"
            | b"ter"
            | b"bin"
            | b"bint"
            | b"ibn"
            | b"al"
            | b"el"
            | b"da"
            | b"di"
            | b"du"
            | b"la"
            | b"le"
            | b"del"
            | b"della"
            | b"dos"
            | b"das"
            | b"do"
            | b"y"
            | b"zu"
            | b"af"
            | b"ben"
    )
}

/// True when the token is a possessive (`Russia’s`, `Jones’`).
fn possessive_len(w: &str) -> Option<usize> {
    possessive_len_bytes(w.as_bytes())
}

/// [`possessive_len`] for a word's bytes.
fn possessive_len_bytes(w: &[u8]) -> Option<usize> {
    // (Every suffix ends in `s` or `S`: most words are turned away by their
    // last byte.)
    if !matches!(w.last(), Some(b's' | b'S')) {
        return None;
    }
    for suffix in ["'s", "\u{2019}s", "'S", "\u{2019}S"] {
        if w.len() > suffix.len() && w.ends_with(suffix.as_bytes()) {
            return Some(suffix.len());
        }
    }
    None
}

/// Finds the mentions in a segmented text. `quotes` are the outer spans of
/// the top-level quotations, sorted by start.
#[cfg(test)]
pub(crate) fn find_mentions(
    text: &str,
    seg: &Segmentation,
    quotes: &[Span],
    cues: &[Span],
    lex: &Lexicons,
    genre: Genre,
) -> Vec<Mention> {
    let mut out = Vec::new();
    find_mentions_into(text, seg, quotes, cues, &[], lex, genre, &mut MentionLists::default(), &mut out);
    out
}

/// The mention finder's working lists, kept from one text to the next
/// (see [`Scratch`](crate::scratch::Scratch)); each use clears them and
/// reuses their room.
#[derive(Debug, Default)]
pub(crate) struct MentionLists {
    /// The finders' mentions, in which [`absorb_titles`] joins titles to
    /// names; then swapped with the caller's list, whose room it keeps
    /// for the next text.
    found: Vec<Mention>,
    /// The tag slots' mentions ([`slot::fill`]).
    added: Vec<Mention>,
    /// The tokens where a finder's mention ends ([`slot::fill`]).
    ends: TokenSet,
    /// The tokens where a cue starts and those right after a cue's end
    /// ([`CueTokens`]).
    cue_tokens: CueTokens,
}

/// Where the cues stand among the tokens, found once per text so that the
/// finders' questions (`said Smith`, `Smith said`) are a bit test each
/// instead of a binary search over the cues.
#[derive(Debug, Default)]
struct CueTokens {
    /// The tokens at whose start a cue starts.
    starts: TokenSet,
    /// The tokens `i` where a cue ends at the end of token `i - 1`.
    after_ends: TokenSet,
    /// For each cue, the token at whose start it starts, or [`NO_TOKEN`].
    first: Vec<u32>,
}

/// No token (in [`CueTokens::first`]).
const NO_TOKEN: u32 = u32::MAX;

impl CueTokens {
    /// Marks the tokens of `cues` (sorted by start) among `toks`. `hits`
    /// are the same cues as the matcher gave them, with the token each
    /// starts where it knows it (or none at all: then each is looked for).
    fn fill(&mut self, toks: &[Token], cues: &[Span], hits: &[CueHit]) {
        self.starts.reset(toks.len());
        self.after_ends.reset(toks.len() + 1);
        self.first.clear();
        // (Cues come in order of their starts: one galloping cursor.)
        let mut k = 0usize;
        for (n, c) in cues.iter().enumerate() {
            k = match hits.get(n) {
                Some(h) if h.first != crate::cue::NO_TOKEN && h.span == *c => h.first as usize,
                _ => first_at_or_after(toks, k, c.start),
            };
            if toks.get(k).is_some_and(|t| t.span.start == c.start) {
                self.starts.insert(k);
                self.first.push(k as u32);
            } else {
                self.first.push(NO_TOKEN);
            }
            // The token ending where the cue ends, if any, is the last
            // one that starts before that (tokens do not overlap): a cue
            // spans a few tokens, so they are walked.
            let mut e = k;
            while toks.get(e).is_some_and(|t| t.span.start < c.end) {
                e += 1;
            }
            if e.checked_sub(1).and_then(|p| toks.get(p)).is_some_and(|t| t.span.end == c.end) {
                self.after_ends.insert(e);
            }
        }
    }
}

/// [`find_mentions`] into `out` (cleared first), with the working lists
/// of `lists`. `hits` are the cues of `cues` as the matcher gave them
/// (they tell the token each starts), or empty.
#[allow(clippy::too_many_arguments)]
pub(crate) fn find_mentions_into(
    text: &str,
    seg: &Segmentation,
    quotes: &[Span],
    cues: &[Span],
    hits: &[CueHit],
    lex: &Lexicons,
    genre: Genre,
    lists: &mut MentionLists,
    mentions: &mut Vec<Mention>,
) {
    let toks = &seg.tokens;
    let mut in_quote = QuoteCursor { quotes, next: 0 };
    let mut cue_tokens = core::mem::take(&mut lists.cue_tokens);
    cue_tokens.fill(toks, cues, hits);
    let cx = Cx::new(text, seg, lex, cues, &cue_tokens, genre);
    // (Room for one mention in four tokens, to spare nearly all regrowths.)
    let out = &mut lists.found;
    out.clear();
    out.reserve(toks.len() / 4);
    // The tokens right after an `according to` cue, whose source is
    // found by [`Cx::according_source`]: found once from the cues, not
    // tested at every token.
    let according = cx.according_starts();
    // (The next of them not before the token read, or `usize::MAX`: one
    // compare a token.)
    let mut next_according = 0usize;
    let mut according_at = according.first().copied().unwrap_or(usize::MAX);
    // (The next cue not ending before the token read: a word inside a cue
    // after its first, `a statement` in `said in a statement`, starts no
    // mention.)
    // (Its bounds, `usize::MAX` past the last: two compares a token.)
    let mut next_cue = 0usize;
    let bounds = |k: usize| cues.get(k).map_or((usize::MAX, usize::MAX), |c| (c.start, c.end));
    let (mut cue_start, mut cue_end) = bounds(0);
    // Each finder needs one of these of its first word (a pronoun; an
    // opener for the determined, share, quantifier and `the` + name
    // finders; a capital or an honorific for a name; a role's or an
    // organisation's first word for a bare plural, `officials`, `polls`),
    // and a number starts nothing but a share (`21 percent said`): most
    // tokens are none of these, and are passed over by a tight scan that
    // reads nothing else, up to the next `according to` source.
    let opener = flags::PRONOUN | flags::OPENER | flags::HONORIFIC | flags::ROLE_START | flags::ORG_START;
    let may_open = |t: &Token| t.kind == TokKind::Word && (t.lex & opener != 0 || t.is_capitalized());
    let mut i = 0usize;
    while i < toks.len() {
        while according_at < i {
            next_according += 1;
            according_at = according.get(next_according).copied().unwrap_or(usize::MAX);
        }
        let stop = according_at.min(toks.len());
        while i < stop && toks[i].kind != TokKind::Number && !may_open(&toks[i]) {
            // (Debug builds check the skip: a finder added or widened
            // without its first word's flag fails the tests here.)
            debug_assert!(
                toks[i].kind == TokKind::Punct
                    || cx
                        .pronoun(i)
                        .or_else(|| cx.determined(i))
                        .or_else(|| cx.share(i))
                        .or_else(|| cx.quantifier(i))
                        .or_else(|| cx.bare_plural(i))
                        .or_else(|| cx.the_name(i))
                        .or_else(|| cx.name(i))
                        .is_none(),
                "a mention starts at {:?}, which has none of the flags",
                cx.word(i)
            );
            i += 1;
        }
        let Some(&t) = toks.get(i) else { break };
        if t.kind == TokKind::Punct {
            i += 1;
            continue;
        }
        while cue_end <= t.span.start {
            next_cue += 1;
            (cue_start, cue_end) = bounds(next_cue);
        }
        if cue_start < t.span.start {
            i += 1;
            continue;
        }
        if t.kind == TokKind::Number {
            match cx.share(i) {
                Some(mut m) => {
                    m.in_quote = in_quote.holds(&toks[i]);
                    m.sentence = seg.sentence_of_token(i) as u32;
                    i = (m.end as usize).max(i + 1);
                    out.push(m);
                }
                None => i += 1,
            }
            continue;
        }
        // (Here the token may open a mention, or an `according to`
        // source starts there.)
        let may_open = may_open(&t);
        // The same finders in the same order as above, each tried only
        // where the token has the flag its own first test asks for: one
        // read of the flags instead of seven (the
        // `dispatch_agrees_with_every_finder` test checks it).
        let found = if may_open { cx.dispatch(i, t) } else { None };
        let found = if according_at == i { cx.according_source(i, found) } else { found };
        match found {
            Some(mut m) => {
                m.in_quote = in_quote.holds(&toks[i]);
                m.sentence = seg.sentence_of_token(i) as u32;
                i = (m.end as usize).max(i + 1);
                out.push(m);
            }
            None => i += 1,
        }
    }
    // `However`, `Speaking`: an opening word the text also writes in lower
    // case is no name.
    if out.iter().any(|m| m.unsure) {
        let common = lower_evidence(text, seg, out);
        // (Often none is: then no mention is read again.)
        if !common.is_empty() {
            out.retain(|m| !m.unsure || !with_lower(&text[m.head], |w| common.contains(w)));
        }
    }
    absorb_titles(&cx, out);
    // (The mentions change lists with the caller: both keep their room.)
    core::mem::swap(out, mentions);
    slot::fill(&cx, quotes, mentions, lists);
    link_appositives(&cx, mentions);
    lists.cue_tokens = cue_tokens;
}

/// Words that may stand before a title (`former congressman Dan Maffei`).
fn is_premodifier(w: &str) -> bool {
    matches!(
        w,
        "former"
            | "then"
            | "acting"
            | "deputy"
            | "senior"
            | "chief"
            | "top"
            | "longtime"
            | "veteran"
            | "current"
            | "incoming"
            | "outgoing"
            | "retired"
            | "interim"
            | "assistant"
            | "associate"
            | "principal"
            | "special"
            | "national"
            | "presidential"
            | "policy"
            | "communications"
            | "press"
            | "campaign"
            | "party"
            | "state"
            | "foreign"
            | "defense"
            | "security"
            | "political"
            | "legal"
            | "economic"
            | "military"
            | "research"
            | "media"
            | "digital"
            | "field"
            | "finance"
            | "market"
            | "news"
            | "lead"
            | "co"
            | "vice"
            | "executive"
    )
}

/// Folds a title written before a name into the name's mention: `spokesman
/// John Kirby`, `former Obama adviser David Axelrod`, `White House press
/// secretary Josh Earnest`, `the presumptive nominee Donald Trump`. The
/// mention's head stays the name; the title gives its role.
///
/// In place: the kept mentions are written over the list's prefix (`w`
/// of them), which never passes the one read (`r`: each step reads one
/// mention and writes at most one), and a mention kept as it is where it
/// is costs no copy.
fn absorb_titles(cx: &Cx<'_>, v: &mut Vec<Mention>) {
    let mut w = 0usize;
    for r in 0..v.len() {
        if v[r].kind != MentionKind::Name || v[r].in_quote {
            if w != r {
                v[w] = v[r];
            }
            w += 1;
            continue;
        }
        let mut m = v[r];
        // A nominal right before the name, `the candidate Donald Trump`, or
        // a possessive, `Fox's Chris Wallace`.
        if let Some(prev) = w.checked_sub(1).map(|p| v[p]) {
            let adjacent = prev.end == m.first && !prev.in_quote;
            if adjacent && prev.possessive && matches!(prev.kind, MentionKind::Name | MentionKind::Organization) {
                w -= 1;
                m.span.start = prev.span.start;
                m.first = prev.first;
                // `The Washington Post's Ed O'Keefe`
                if let Some(k) = (m.first as usize).checked_sub(1) {
                    if matches!(cx.bytes(k), b"The" | b"the")
                        && cx.tok(k).is_some_and(|t| t.para == cx.tok(m.first as usize).map_or(0, |t| t.para))
                    {
                        m.first = k as u32;
                        m.span.start = cx.tok(k).map_or(m.span.start, |t| t.span.start);
                    }
                }
                v[w] = m;
                w += 1;
                continue;
            }
            if adjacent && prev.kind == MentionKind::Nominal && !prev.plural {
                w -= 1;
                m.span.start = prev.span.start;
                m.first = prev.first;
                m.role = m.role.or(prev.role);
                if m.gender == Gender::Unknown {
                    m.gender = prev.gender;
                }
                v[w] = m;
                w += 1;
                continue;
            }
        }
        // A role phrase ending right before the name.
        let first = m.first as usize;
        let para = cx.tok(first).map_or(0, |t| t.para);
        let role = (first.saturating_sub(3)..first)
            .find_map(|s| cx.role_at(s, false).filter(|r| r.0 == first && !r.3).map(|r| (s, r.1, r.2)));
        // (Or a title inside the mention, `Sen. Jason Holsman`: the
        // modifiers before it still belong to it, `state Sen. …`, `ACLU
        // executive Director …`.)
        let (mut start, class, gender) = match role {
            Some((s, class, gender)) => (s, Some(class), gender),
            None if m.span.start < m.head.start => (first, None, Gender::Unknown),
            None => {
                v[w] = m;
                w += 1;
                continue;
            }
        };
        // Walk back over modifiers, absorbing adjacent names. (Before a
        // title inside the name, only an organisation: `ACLU executive
        // Director Anthony Romero`, but `Orla met Mr. Wren` is two people.)
        let title_only = class.is_none();
        let mut lower = 0;
        while start > 0 {
            let k = start - 1;
            let Some(t) = cx.tok(k) else { break };
            if t.para != para || t.kind != TokKind::Word {
                break;
            }
            if let Some(prev) = w.checked_sub(1).map(|p| v[p]) {
                if prev.end as usize == start
                    && !prev.in_quote
                    && (prev.kind == MentionKind::Organization || prev.kind == MentionKind::Name && !title_only)
                {
                    w -= 1;
                    start = prev.first as usize;
                    continue;
                }
            }
            let w = cx.word(k);
            // `former`, `senior`, or any plain word just before the role
            // (`election lawyer`, `assistant athletic director`).
            let plain = t.shape == Shape::Lower
                && !t.is_function_word()
                && !t.may_be_pronoun()
                && !cx.cue_ends_at(k + 1)
                && !w.ends_with("ly");
            // (Before a title, a plain word that looks like a verb, `met`,
            // `visited`, `asks`, is no modifier.)
            let verb_like = w.ends_with("ed") || w.ends_with('s') || cx.lex.is_irregular_past(w);
            if t.shape == Shape::Lower
                && (is_premodifier(w) || plain && lower < 2 && !(title_only && verb_like))
                && lower < 3
            {
                lower += 1;
                start = k;
                continue;
            }
            break;
        }
        m.span.start = cx.tok(start).map_or(m.span.start, |t| t.span.start);
        m.first = start as u32;
        m.role = class.or(m.role);
        if m.gender == Gender::Unknown {
            m.gender = gender;
        }
        v[w] = m;
        w += 1;
    }
    v.truncate(w);
}

/// Of the unsure mentions' words (lone capitalised sentence openers), those
/// the text also writes in lower case (`However`, `Speaking`), lower-cased.
/// Only words of three bytes or more are looked for.
///
/// A document has a handful of such words: each is searched for in the
/// text with `memmem` and a hit confirmed against the tokens, which costs
/// far less than reading every token. Past [`MAX_SEARCHED`] words (a text
/// that opens many sentences with different capitalised words) the tokens
/// are read once instead, through a (length, first byte) filter, so the
/// time stays linear in the text.
fn lower_evidence(text: &str, seg: &Segmentation, mentions: &[Mention]) -> LowerSet {
    let mut wanted = LowerSet::default();
    for m in mentions.iter().filter(|m| m.unsure) {
        let w = text[m.head].to_lowercase();
        if w.len() >= 3 {
            wanted.insert(w);
        }
    }
    if wanted.len() > MAX_SEARCHED || wanted.iter().any(|w| w.len() > MAX_SEARCHED_LEN) {
        return lower_evidence_scan(text, seg, wanted);
    }
    let (toks, bytes) = (&seg.tokens, text.as_bytes());
    let mut found = LowerSet::default();
    for w in wanted {
        let finder = memchr::memmem::Finder::new(w.as_bytes());
        // (Every hit, overlapping ones too, in text order: one cursor
        // over the tokens.)
        let (mut from, mut k) = (0usize, 0usize);
        while let Some(at) = bytes.get(from..).and_then(|rest| finder.find(rest)).map(|off| from + off) {
            k = first_at_or_after(toks, k, at);
            if toks.get(k).is_some_and(|t| t.span.start == at && t.span.len() == w.len() && t.shape == Shape::Lower) {
                found.insert(w);
                break;
            }
            from = at + 1;
        }
    }
    found
}

/// The first token from `k` on that does not start before byte `pos`:
/// found by galloping from `k`, so that a walk over increasing positions
/// costs the logarithms of its steps, never more than one pass.
fn first_at_or_after(toks: &[Token], k: usize, pos: usize) -> usize {
    // (`lo` is the first token not known to start before `pos`.)
    let (mut lo, mut step) = (k, 1usize);
    while toks.get(lo + step - 1).is_some_and(|t| t.span.start < pos) {
        lo += step;
        step *= 2;
    }
    let hi = (lo + step).min(toks.len()).max(lo);
    lo + toks.get(lo..hi).map_or(0, |r| r.partition_point(|t| t.span.start < pos))
}

/// The most words [`lower_evidence`] searches for one by one.
const MAX_SEARCHED: usize = 16;
/// The longest word [`lower_evidence`] searches for (so that the searches,
/// overlapping hits and all, stay linear in the text).
const MAX_SEARCHED_LEN: usize = 32;

/// [`lower_evidence`] for many words (each of three bytes or more): the
/// lower-case tokens are checked against them through a (length, first
/// byte) filter, which spares hashing nearly all of them.
fn lower_evidence_scan(text: &str, seg: &Segmentation, wanted: LowerSet) -> LowerSet {
    let mut filter = [0u64; 256];
    for w in &wanted {
        if let Some(&b0) = w.as_bytes().first() {
            filter[b0 as usize] |= 1u64 << w.len().min(63);
        }
    }
    let mut found = LowerSet::default();
    let bytes = text.as_bytes();
    for t in &seg.tokens {
        // (The filter reads the first byte, the length and the shape; the
        // word is sliced only for the few tokens that pass it. The three
        // are combined without a branch: one that is rarely taken, where
        // a test of the shape first was taken half the time, unpredictably.)
        let b0 = bytes.get(t.span.start).copied().unwrap_or(0);
        let lower = u64::from(t.shape == Shape::Lower);
        if filter[b0 as usize] >> t.span.len().min(63) & lower == 0 {
            continue;
        }
        let w = &text[t.span];
        if wanted.contains(w) && !found.contains(w) {
            found.insert(w.to_string());
        }
    }
    found
}

/// Tells whether tokens, taken in text order, lie inside a quotation.
struct QuoteCursor<'q> {
    /// The outer spans of the top-level quotations, sorted by start.
    quotes: &'q [Span],
    /// The first quotation that does not end before the last token asked.
    next: usize,
}

impl QuoteCursor<'_> {
    /// True when token `t` lies strictly inside a quotation. Tokens must
    /// come in text order.
    fn holds(&mut self, t: &Token) -> bool {
        while self.quotes.get(self.next).is_some_and(|q| q.end <= t.span.start) {
            self.next += 1;
        }
        self.quotes.get(self.next).is_some_and(|s| s.start < t.span.start && t.span.end < s.end)
    }
}

/// Shared context of the mention finders.
struct Cx<'a> {
    text: &'a str,
    seg: &'a Segmentation,
    lex: &'a Lexicons,
    /// Spans of the reporting cues, sorted.
    cues: &'a [Span],
    /// The tokens where they start and end.
    cue_tokens: &'a CueTokens,
    /// News copy: `the` + a proper name is an institution (in a novel it is
    /// a character: `the White Rabbit`).
    news: bool,
    /// The last name found by [`Cx::the_name`], (token, what [`Cx::name`]
    /// gave there): when `the` + a name is no organisation, the finders
    /// try the name again at the next token.
    name_memo: Cell<Option<(usize, Option<Mention>)>>,
    /// The last organisation phrases found ([`Cx::org_phrase`]), by token
    /// modulo [`ORG_MEMO`]: (token + 1, or 0 for none; the phrase). The
    /// finders ask again at nearby tokens: `the State Department` is
    /// looked up by the determiner finder, the `the` + name finder, the
    /// name finder and the name's kind.
    org_memo: [Cell<(usize, OrgPhrase)>; ORG_MEMO],
    /// The first cue not starting before the last position asked by
    /// [`Cx::cue_starts_within`] (the finders ask in text order).
    cue_cursor: Cell<usize>,
}

/// An organisation phrase found at a token: its end and kind.
type OrgPhrase = Option<(usize, OrgKind)>;

/// How many organisation look-ups [`Cx`] remembers.
const ORG_MEMO: usize = 8;

impl<'a> Cx<'a> {
    /// The finders' context for a segmented text and its cues (sorted).
    fn new(
        text: &'a str,
        seg: &'a Segmentation,
        lex: &'a Lexicons,
        cues: &'a [Span],
        cue_tokens: &'a CueTokens,
        genre: Genre,
    ) -> Cx<'a> {
        Cx {
            text,
            seg,
            lex,
            cues,
            cue_tokens,
            news: genre == Genre::News,
            name_memo: Cell::new(None),
            org_memo: Default::default(),
            cue_cursor: Cell::new(0),
        }
    }

    /// The first mention that the finders give at word token `i` (`t`),
    /// tried in their order: [`pronoun`](Self::pronoun),
    /// [`determined`](Self::determined), [`share`](Self::share),
    /// [`quantifier`](Self::quantifier), [`bare_plural`](Self::bare_plural),
    /// [`the_name`](Self::the_name), [`name`](Self::name). Each is called
    /// only where the token has what its own first test asks for (a flag,
    /// a capital), read once here, so a word that opens one kind of
    /// mention is not handed to the six other finders in turn.
    #[inline]
    fn dispatch(&self, i: usize, t: Token) -> Option<Mention> {
        let f = t.lex;
        if f & flags::PRONOUN != 0 {
            if let Some(m) = self.pronoun(i) {
                return Some(m);
            }
        }
        if f & flags::DETERMINER != 0 {
            if let Some(m) = self.determined(i) {
                return Some(m);
            }
        }
        if f & flags::SHARE_OR_QUANTIFIER != 0 {
            if let Some(m) = self.share(i).or_else(|| self.quantifier(i)) {
                return Some(m);
            }
        }
        if f & (flags::ROLE_START | flags::ORG_START) != 0 {
            if let Some(m) = self.bare_plural(i) {
                return Some(m);
            }
        }
        if f & flags::DETERMINER != 0 {
            if let Some(m) = self.the_name(i) {
                return Some(m);
            }
        }
        if t.is_capitalized() || f & flags::HONORIFIC != 0 { self.name(i) } else { None }
    }

    fn tok(&self, i: usize) -> Option<&Token> {
        self.seg.tokens.get(i)
    }

    fn word(&self, i: usize) -> &str {
        self.tok(i).map_or("", |t| &self.text[t.span])
    }

    /// The bytes of token `i` (empty past the end): [`word`](Self::word)
    /// without the char boundary checks of slicing a `str`, for tests that
    /// compare bytes.
    #[inline]
    fn bytes(&self, i: usize) -> &[u8] {
        self.tok(i).and_then(|t| self.text.as_bytes().get(t.span.start..t.span.end)).unwrap_or_default()
    }

    /// True when token `i` is a determiner ([`is_determiner`]). Its flag
    /// says that the word, lower-cased, is one; then it is one as written
    /// when it is ASCII with no capital past its first letter.
    #[inline]
    fn determiner_at(&self, i: usize) -> bool {
        self.tok(i).is_some_and(|t| t.lex & flags::DETERMINER != 0)
            && self
                .bytes(i)
                .split_first()
                .is_some_and(|(b0, rest)| b0.is_ascii() && rest.iter().all(u8::is_ascii_lowercase))
    }

    fn span(&self, first: usize, end: usize) -> Span {
        let toks = &self.seg.tokens;
        Span::new(toks[first].span.start, toks[end - 1].span.end)
    }

    /// The honorific entry of token `i`, looked up only when the token's
    /// flag says there is one.
    #[inline]
    fn honorific_at(&self, i: usize) -> Option<&crate::lexicon::Honorific> {
        let t = self.tok(i)?;
        if t.is_honorific() { self.lex.honorific(&self.text[t.span]) } else { None }
    }

    /// True when token `i` is directly followed by a dot (`Mr.`).
    fn dot_after(&self, i: usize) -> bool {
        match (self.tok(i), self.tok(i + 1)) {
            (Some(a), Some(b)) => b.span.start == a.span.end && &self.text[b.span] == ".",
            _ => false,
        }
    }

    /// True when token `i` begins its sentence (after any opening marks).
    fn sentence_initial(&self, i: usize) -> bool {
        let s = self.seg.sentence_of_token(i);
        let first = self.seg.sentences.get(s).map_or(0, |s| s.first as usize);
        // (Only opening marks may stand before it; look at a few tokens.)
        i - first <= 4 && (first..i).all(|k| self.seg.tokens[k].kind == TokKind::Punct)
    }

    fn mention(&self, first: usize, end: usize, head: Span, kind: MentionKind) -> Mention {
        Mention::plain(self.span(first, end), head, kind, first, end)
    }

    /// A subject pronoun.
    fn pronoun(&self, i: usize) -> Option<Mention> {
        let t = self.tok(i)?;
        // (`they’ve`: nine bytes at most.)
        if t.span.len() > 9 || !t.may_be_pronoun() {
            return None;
        }
        let p = self.lex.pronoun(self.word(i)).filter(|p| p.subject)?;
        let mut m = self.mention(i, i + 1, t.span, MentionKind::Pronoun);
        m.gender = p.gender;
        m.plural = p.plural;
        Some(m)
    }

    /// The longest role phrase starting at token `i`: (end, role).
    #[inline]
    fn role_at(&self, i: usize, capitalized_only: bool) -> Option<(usize, u16, Gender, bool)> {
        // Most words start no role: decided by the token's flag, inline.
        if !self.tok(i)?.may_start_role() {
            return None;
        }
        self.role_phrase(i, capitalized_only)
    }

    fn role_phrase(&self, i: usize, capitalized_only: bool) -> Option<(usize, u16, Gender, bool)> {
        let mut best = None;
        let mut buf = String::new();
        let mut spaced = true;
        for k in 0..self.lex.max_phrase_words.min(4) {
            let t = self.tok(i + k)?;
            if t.kind != TokKind::Word || t.para != self.tok(i)?.para {
                break;
            }
            if capitalized_only && !t.is_capitalized() && !matches!(self.bytes(i + k), b"of" | b"for") {
                break;
            }
            let entry = self.phrase_step(i, k, &mut spaced, &mut buf);
            if let Some(r) = entry.and_then(|e| e.role) {
                best = Some((i + k + 1, r.class, r.gender, r.plural));
            }
            if !entry.is_some_and(|e| e.prefix) {
                break;
            }
        }
        best
    }

    /// The longest organisation phrase starting at token `i`.
    #[inline]
    fn org_at(&self, i: usize) -> Option<(usize, OrgKind)> {
        if !self.tok(i)?.may_start_org() {
            return None;
        }
        self.org_phrase(i)
    }

    fn org_phrase(&self, i: usize) -> OrgPhrase {
        let memo = &self.org_memo[i % ORG_MEMO];
        match memo.get() {
            (key, found) if key == i + 1 => found,
            _ => {
                let found = self.find_org_phrase(i);
                memo.set((i + 1, found));
                found
            }
        }
    }

    /// [`org_phrase`](Self::org_phrase), found anew.
    fn find_org_phrase(&self, i: usize) -> OrgPhrase {
        let mut best = None;
        let mut buf = String::new();
        let mut spaced = true;
        for k in 0..self.lex.max_phrase_words.min(5) {
            let Some(t) = self.tok(i + k) else { break };
            if t.kind == TokKind::Punct {
                break;
            }
            let entry = self.phrase_step(i, k, &mut spaced, &mut buf);
            if let Some(kind) = entry.and_then(|e| e.org) {
                best = Some((i + k + 1, kind));
            }
            if !entry.is_some_and(|e| e.prefix) {
                break;
            }
        }
        best
    }

    /// [`phrase_entry`](Self::phrase_entry) for tokens `first..=first +
    /// k`, one step of a walk over `k = 0, 1, …`: `spaced` tells whether
    /// the words so far are single-spaced (it starts true), so only the
    /// newest gap is read at each step.
    #[inline(always)]
    fn phrase_step(&self, first: usize, k: usize, spaced: &mut bool, buf: &mut String) -> Option<&Phrase> {
        let toks = &self.seg.tokens;
        let (Some(a), Some(z)) = (toks.get(first), toks.get(first + k)) else {
            return self.phrase_entry(first, first + k + 1, buf);
        };
        if k > 0 {
            let prev_end = toks.get(first + k - 1).map_or(0, |p| p.span.end);
            *spaced &= z.span.start == prev_end + 1 && self.text.as_bytes().get(prev_end) == Some(&b' ');
            // (A word that stands later in no phrase ends the walk without
            // a look-up: `the` + most words.)
            if !self.lex.may_continue_phrase(self.text, z.span.start, z.span.end) {
                return None;
            }
        }
        if *spaced {
            self.lex.phrase_in(self.text, a.span.start, z.span.end)
        } else {
            self.phrase_entry(first, first + k + 1, buf)
        }
    }

    /// The lexicons' phrase entry ([`Lexicons::phrase`]) for tokens
    /// `first..end`, their words joined by single spaces: read in place
    /// from the text when it is written so (nearly always), otherwise
    /// copied into `buf` first.
    fn phrase_entry<'s>(&'s self, first: usize, end: usize, buf: &mut String) -> Option<&'s Phrase> {
        let toks = self.seg.tokens.get(first..end).unwrap_or(&[]);
        let (Some(a), Some(z)) = (toks.first(), toks.last()) else { return self.lex.phrase("") };
        let b = self.text.as_bytes();
        if toks.windows(2).all(|w| w[1].span.start == w[0].span.end + 1 && b.get(w[0].span.end) == Some(&b' ')) {
            return self.lex.phrase_in(self.text, a.span.start, z.span.end);
        }
        buf.clear();
        for (n, t) in toks.iter().enumerate() {
            if n > 0 {
                buf.push(' ');
            }
            buf.push_str(&self.text[t.span]);
        }
        self.lex.phrase(buf)
    }

    /// A mention led by a determiner: `the Kremlin`, `the ministry`, `a
    /// senior diplomat`, `the White House`.
    fn determined(&self, i: usize) -> Option<Mention> {
        if !self.determiner_at(i) {
            return None;
        }
        // `The White House`, `the Kremlin`: a known organisation name,
        // unless it modifies a noun after it (`an FBI investigation`, `the
        // Pentagon spokesman`).
        for name_start in [i, i + 1] {
            if let Some((end, OrgKind::Name)) = self.org_at(name_start) {
                if let Some(m) = self.noun_after_org_name(i, end) {
                    return Some(m);
                }
                let head = self.span(name_start, end);
                return Some(self.mention(i, end, head, MentionKind::Organization));
            }
        }
        // Up to four modifiers, then a role or organisation noun; an
        // organisation noun directly before a role is a modifier (`the
        // campaign manager`, `a company spokesman`).
        let para = self.tok(i)?.para;
        for skip in 0..=4 {
            let j = i + 1 + skip;
            let t = self.tok(j)?;
            if t.para != para || t.kind == TokKind::Punct {
                return None;
            }
            // `the 46-year-old`: an age stands for a person.
            if t.kind == TokKind::Number && self.word(j).ends_with("-year-old") {
                let class = self.lex.role("person").map(|r| r.class);
                let mut m = self.mention(i, j + 1, t.span, MentionKind::Nominal);
                m.role = class;
                return Some(m);
            }
            if let Some(mut m) = self.nominal(i, j) {
                // `the presumptive Republican presidential nominee`: a role
                // word used as a modifier gives way to the noun after it.
                // (Not over a cue: `The governor said Democrats …`.)
                for k in m.end as usize..(m.end as usize + 2) {
                    if self.tok(k).is_none_or(|t| t.kind != TokKind::Word || t.para != para || t.is_function_word())
                        || self.cue_starts_at(k)
                    {
                        break;
                    }
                    if let Some(longer) = self.nominal(i, k) {
                        m = longer;
                        break;
                    }
                }
                return Some(m);
            }
            if let Some((mut end, mut kind @ (OrgKind::Head | OrgKind::Document))) = self.org_at(j) {
                if let Some(m) = self.nominal(i, end) {
                    return Some(m);
                }
                // `the editorial board`, `the campaign committee`.
                if let Some((e2, k2 @ (OrgKind::Head | OrgKind::Document))) = self.org_at(end) {
                    end = e2;
                    kind = k2;
                }
                let head = self.span(j, end);
                let mut m = self.mention(i, end, head, MentionKind::Organization);
                m.document = kind == OrgKind::Document;
                return Some(m);
            }
            // Only plain words may stand between the determiner and the
            // noun, and a weekday (`a Wednesday editorial`).
            let plain = !t.is_function_word() || crate::lexicon::is_weekday(self.word(j));
            if t.kind != TokKind::Word || !plain || t.may_be_pronoun() {
                return None;
            }
        }
        None
    }

    /// The mention from token `first` whose head noun, a role or an
    /// organisation's or a document's noun, follows a known organisation's
    /// name ending at `j`: `the FBI director`, `a CNN poll`.
    fn noun_after_org_name(&self, first: usize, j: usize) -> Option<Mention> {
        if self.tok(j).is_none_or(|t| t.kind != TokKind::Word || t.is_capitalized()) {
            return None;
        }
        if let Some(m) = self.nominal(first, j) {
            return Some(m);
        }
        let (end, kind @ (OrgKind::Head | OrgKind::Document)) = self.org_at(j)? else { return None };
        let mut m = self.mention(first, end, self.span(j, end), MentionKind::Organization);
        m.document = kind == OrgKind::Document;
        Some(m)
    }

    /// A nominal from token `first` whose role noun starts at `j`.
    ///
    /// (Most tokens asked start no role: their flag answers here, inline,
    /// without a call; the finders ask at every word of a determined
    /// phrase.)
    #[inline]
    fn nominal(&self, first: usize, j: usize) -> Option<Mention> {
        if !self.tok(j)?.may_start_role() {
            return None;
        }
        self.role_nominal(first, j)
    }

    /// [`nominal`](Self::nominal) where token `j` may start a role.
    fn role_nominal(&self, first: usize, j: usize) -> Option<Mention> {
        let (end, class, gender, plural) = self.role_phrase(j, false)?;
        let head = self.span(j, end);
        let kind =
            if self.lex.class_name(class) == "anonymous" { MentionKind::Anonymous } else { MentionKind::Nominal };
        let mut m = self.mention(first, end, head, kind);
        m.role = Some(class);
        m.gender = gender;
        m.plural = plural;
        Some(m)
    }

    /// A bare plural role: `officials said`, `analysts say`.
    fn bare_plural(&self, i: usize) -> Option<Mention> {
        // (Capitalised only at the start of a sentence: `Experts said`.)
        let t = self.tok(i)?;
        // (A role noun or a document noun must start here: the token's
        // flags say so at once, before the sentence is looked at.)
        if !(t.may_start_role() || t.may_start_org())
            || t.shape != Shape::Lower && !(t.shape == Shape::Capitalized && self.sentence_initial(i))
        {
            return None;
        }
        if let Some(m) = self.nominal(i, i).filter(|m| m.plural) {
            return Some(m);
        }
        // `polls show`, `public records show`: a plural document.
        // (The plural ending first: the organisation look-up is the costly
        // test, and most words fail the cheap one.)
        let w = self.word(i);
        if !w.ends_with('s') || w.ends_with("ss") {
            return None;
        }
        if let Some((end, OrgKind::Document)) = self.org_at(i).filter(|&(end, _)| end == i + 1) {
            if !t.is_function_word() {
                let mut m = self.mention(i, end, t.span, MentionKind::Organization);
                m.document = true;
                m.plural = true;
                return Some(m);
            }
        }
        None
    }

    /// A quantifier standing for a person next to a cue: `said another`,
    /// `one said`, `Some chanted`.
    fn quantifier(&self, i: usize) -> Option<Mention> {
        if self.tok(i)?.lex & flags::SHARE_OR_QUANTIFIER == 0 {
            return None;
        }
        let w = self.word(i);
        // (`a` carries the flag for `a majority`: no quantifier.)
        let is_quantifier = !matches!(w, "a" | "A") && with_lower(w, |w| QUANTIFIERS.contains(&w));
        if !is_quantifier || !(self.cue_starts_at(i + 1) || i > 0 && self.cue_ends_at(i)) {
            return None;
        }
        let t = self.tok(i)?;
        let mut m = self.mention(i, i + 1, t.span, MentionKind::Anonymous);
        m.plural = !with_lower(w, |w| matches!(w, "another" | "one"));
        Some(m)
    }

    /// A share of a group speaking next to a cue: `59 percent said`,
    /// `almost half of respondents said`, `nearly three in five said`.
    fn share(&self, i: usize) -> Option<Mention> {
        let t = self.tok(i)?;
        // A share opens with a number or one of its words.
        if t.kind != TokKind::Number && t.lex & flags::SHARE_OR_QUANTIFIER == 0 {
            return None;
        }
        // A cue must start within nine tokens (`almost nine out of 10 of
        // those polled said`): most of these words stand nowhere near one.
        if !self.cue_starts_within(i + 1, i + 9) {
            return None;
        }
        // (`a`, by far the commonest of those words, opens only `a
        // majority` and the like: the lists below are not read for it.)
        if matches!(self.bytes(i), b"a" | b"A")
            && !matches!(self.bytes(i + 1), b"majority" | b"third" | b"quarter" | b"minority")
        {
            return None;
        }
        let mut j = i;
        if with_lower(self.word(j), |w| SHARE_ADVERBS.contains(&w)) {
            j += 1;
        }
        let w = self.word(j);
        let number =
            self.tok(j).is_some_and(|t| t.kind == TokKind::Number) || with_lower(w, |w| NUMBER_WORDS.contains(&w));
        if number && matches!(self.word(j + 1), "out") && self.word(j + 2) == "of" && self.tok(j + 3).is_some() {
            // `nine out of 10`
            j += 4;
        } else if number && matches!(self.word(j + 1), "percent" | "%" | "in") {
            j += if self.word(j + 1) == "in" && self.tok(j + 2).is_some() { 3 } else { 2 };
        } else if with_lower(w, |w| SHARE_HEADS.contains(&w)) {
            j += 1;
        } else if matches!(w, "a" | "A") && matches!(self.word(j + 1), "majority" | "third" | "quarter" | "minority") {
            j += 2;
        } else {
            return None;
        }
        // `of respondents`, `of those polled`, `of Democrats`.
        if matches!(self.bytes(j), b"of" | b"among") {
            let stop = (j + 1..j + 5).find(|&k| self.cue_starts_at(k) || self.bytes(k) == b",")?;
            j = stop;
        }
        if !self.cue_starts_at(j) || j == i {
            return None;
        }
        let mut m = self.mention(i, j, Span::new(t.span.start, self.tok(j - 1)?.span.end), MentionKind::Anonymous);
        m.plural = true;
        Some(m)
    }

    /// The tokens `i` that stand right after an `according to` cue, in
    /// order: those where [`according_source`](Self::according_source)
    /// may find a source. Each cue's last token is found by a binary
    /// search, so this costs what the cues number, not the tokens.
    fn according_starts(&self) -> Vec<usize> {
        let toks = &self.seg.tokens;
        let b = self.text.as_bytes();
        let mut out: Vec<usize> = self
            .cues
            .iter()
            // (Only a cue that ends in the word `to` can: most are turned
            // away by their last two bytes, before the search.)
            .filter(|c| c.end >= 2 && b.get(c.end - 2..c.end).is_some_and(|w| w.eq_ignore_ascii_case(b"to")))
            .filter_map(|c| {
                let last = toks.partition_point(|t| t.span.end < c.end);
                (toks.get(last)?.span.end == c.end).then_some(last + 1)
            })
            .filter(|&i| i < toks.len() && self.follows_according_to(i))
            .collect();
        // (Cues are in text order, and so are their last tokens; sorted
        // again all the same, since the main loop walks them in order.)
        out.sort_unstable();
        out.dedup();
        out
    }

    /// True when token `i` follows the words `according to`, the end of a
    /// cue.
    fn follows_according_to(&self, i: usize) -> bool {
        // (The lengths first, read from the tokens.)
        let len = |k: usize| self.tok(k).map_or(0, |t| t.span.len());
        i >= 2
            && len(i - 1) == 2
            && len(i - 2) == 9
            && self.word(i - 1).eq_ignore_ascii_case("to")
            && self.word(i - 2).eq_ignore_ascii_case("according")
            && self.cue_ends_at(i)
    }

    /// After `according to`, the source is the whole noun phrase up to the
    /// comma or the sentence's end (`according to a new Washington Post-ABC
    /// News poll`, `according to exit polling data`), whether or not a
    /// shorter mention starts there.
    fn according_source(&self, i: usize, found: Option<Mention>) -> Option<Mention> {
        if !self.follows_according_to(i) {
            return found;
        }
        let para = self.tok(i)?.para;
        let limit = (i + MAX_ACCORDING_SOURCE).min(self.seg.tokens.len());
        let end = (i..limit)
            .find(|&k| {
                let t = self.seg.tokens[k];
                t.para != para
                    || matches!(self.word(k), "," | "." | ";" | ":" | "!" | "?" | "(" | "\u{2014}" | "\u{2013}" | "-")
            })
            .unwrap_or(limit);
        if end <= i || found.is_some_and(|m| m.end as usize >= end) {
            return found;
        }
        let t = self.tok(i)?;
        if t.kind == TokKind::Punct {
            return found;
        }
        let kind = found.map_or(MentionKind::Organization, |m| m.kind);
        let mut m = self.mention(i, end, self.span(i, end), kind);
        if let Some(f) = found {
            m.role = f.role;
            m.gender = f.gender;
        }
        Some(m)
    }

    /// True when the words around token `j` in its paragraph (up to four
    /// on each side) are all capitalised: a headline's title case.
    fn title_case_around(&self, j: usize) -> bool {
        let Some(para) = self.tok(j).map(|t| t.para) else { return false };
        let capital =
            |k: usize| self.tok(k).is_none_or(|t| t.para != para || t.kind != TokKind::Word || t.shape != Shape::Lower);
        (j.saturating_sub(4)..j).all(capital) && (j + 1..j + 5).all(capital)
    }

    /// True when a cue starts at one of the tokens `first..=last` (those
    /// past the end left out). Asked at increasing tokens it moves a cursor
    /// over the cues; asked further back, it searches again.
    fn cue_starts_within(&self, first: usize, last: usize) -> bool {
        let toks = &self.seg.tokens;
        let (Some(a), Some(z)) = (toks.get(first), toks.get(last.min(toks.len().saturating_sub(1)))) else {
            return false;
        };
        let mut k = self.cue_cursor.get();
        if k.checked_sub(1).and_then(|p| self.cues.get(p)).is_some_and(|c| c.start >= a.span.start) {
            k = self.cues.partition_point(|c| c.start < a.span.start);
        }
        while self.cues.get(k).is_some_and(|c| c.start < a.span.start) {
            k += 1;
        }
        self.cue_cursor.set(k);
        self.cues.get(k).is_some_and(|c| c.start <= z.span.start)
    }

    /// True when a cue starts at token `i`.
    #[inline]
    fn cue_starts_at(&self, i: usize) -> bool {
        self.cue_tokens.starts.contains(i)
    }

    /// The token at whose start cue `c` (an index into `cues`) starts.
    #[inline]
    fn cue_token(&self, c: usize) -> Option<usize> {
        self.cue_tokens.first.get(c).filter(|&&k| k != NO_TOKEN).map(|&k| k as usize)
    }

    /// True when a cue ends just before token `i` (with token `i - 1`).
    #[inline]
    fn cue_ends_at(&self, i: usize) -> bool {
        self.cue_tokens.after_ends.contains(i)
    }

    /// A name, with its titles: `Foreign Minister Sergei Lavrov`, `Mr.
    /// Darcy`, `Staffan de Mistura`, `TASS`, `Acme Inc.`.
    fn name(&self, i: usize) -> Option<Mention> {
        match self.name_memo.get() {
            Some((j, found)) if j == i => found,
            _ => self.find_name(i),
        }
    }

    /// [`name`](Self::name), found anew.
    fn find_name(&self, i: usize) -> Option<Mention> {
        let first_tok = self.tok(i)?;
        if !first_tok.is_capitalized() && !first_tok.is_honorific() {
            return None;
        }
        // `The`, `But`, `In`: a capitalised function word that starts no
        // title, role or organisation, is no short acronym and stands
        // before no cue opens no name (the tests below would each turn it
        // away; it is the commonest capitalised word).
        // (Nor is it a first name that is also a word: `Will Estrada`.)
        if first_tok.is_function_word()
            && first_tok.lex & (flags::HONORIFIC | flags::ROLE_START | flags::ORG_START) == 0
            && !(first_tok.shape == Shape::AllCaps && self.bytes(i).len() <= 2)
            && !self.cue_starts_at(i + 1)
            && !is_given_homonym(self.bytes(i))
        {
            return None;
        }
        let para = first_tok.para;
        // `the State Department`, `Fox News`: a known organisation name.
        // (Unless more of the name follows: `CBS News`.)
        if let Some((end, OrgKind::Name)) = self.org_at(i) {
            let more = self.tok(end).is_some_and(|n| n.is_capitalized() && n.para == para && !n.is_function_word());
            if !more {
                let head = self.span(i, end);
                return Some(self.mention(i, end, head, MentionKind::Organization));
            }
        }
        // `Feb. 28`, `May 5`: a month before a number is a date.
        // (The number first: it is rare, the look-up is not.)
        let next = i + 1 + usize::from(self.dot_after(i));
        if self.tok(next).is_some_and(|n| n.kind == TokKind::Number && n.para == para)
            && self.lex.time_word(self.word(i)) == Some(crate::lexicon::TimeWord::Name)
        {
            return None;
        }
        // `Joining Rubio in …`, `Following Trump, …`: a participle that
        // opens the sentence before a name is no part of it (unless it is
        // a given name: `Irving Berlin`).
        if first_tok.shape == Shape::Capitalized
            && self.bytes(i).len() > 5
            && self.bytes(i).ends_with(b"ing")
            && self.tok(i + 1).is_some_and(|n| n.is_capitalized() && n.para == para)
            && self.sentence_initial(i)
            && self.lex.given_name_gender(self.word(i)) == Gender::Unknown
        {
            return None;
        }
        let mut j = i;
        let mut gender = Gender::Unknown;
        let mut role: Option<u16> = None;
        let mut titled = false;
        // Titles and honorifics.
        while let Some(t) = self.tok(j) {
            if t.para != para || t.kind != TokKind::Word {
                break;
            }
            if let Some(h) = self.honorific_at(j) {
                let dotted = self.dot_after(j);
                let next = j + 1 + usize::from(dotted);
                // (`Mr. van der Luyden`: a particle may open the name.)
                let particle = is_particle(self.word(next))
                    && self.tok(next + 1).is_some_and(|n| n.is_capitalized() || is_particle(&self.text[n.span]));
                if self.tok(next).is_some_and(|n| (n.is_capitalized() || particle) && n.para == para)
                    && t.is_capitalized()
                {
                    gender = h.gender;
                    if let Some(r) = h.role.as_deref().and_then(|r| self.lex.role(r)) {
                        role = Some(r.class);
                    }
                    titled = true;
                    j = next;
                    continue;
                }
            }
            if let Some((end, class, g, false)) = self.role_at(j, t.is_capitalized()) {
                if self.tok(end).is_some_and(|n| n.is_capitalized() && n.para == para && n.kind == TokKind::Word)
                    && self.lex.role(self.word(end)).is_none()
                {
                    role = Some(class);
                    if gender == Gender::Unknown {
                        gender = g;
                    }
                    titled = true;
                    j = end;
                    continue;
                }
            }
            break;
        }
        // The name itself.
        let mut name_start = j;
        let mut possessive = false;
        while let Some(t) = self.tok(j) {
            if t.para != para {
                break;
            }
            // (The word's bytes: the tests below compare bytes, and need
            // no str slice with its char boundary checks.)
            let w = self.bytes(j);
            let ok = match t.kind {
                TokKind::Word if t.is_capitalized() => {
                    // `US`, `UK`: a short acronym is no function word.
                    let acronym = t.shape == Shape::AllCaps && w.len() <= 2;
                    // `Theresa May`, `Will`: function words that are names
                    // after a first name.
                    let given = is_given_homonym(w);
                    let homonym = j > name_start && given;
                    // `“…,” Will said.`, `“…”, Will said`: a capitalised
                    // word between a quotation's comma and a cue is the
                    // speaker's name, whatever else it may be; so is such a
                    // first name before a surname (`“…,” Will Estrada, the
                    // chairman, said`).
                    // (Asked only of a function word: the look-ups are not
                    // for every capitalised word.)
                    let surname_next = || {
                        given
                            && self.tok(j + 1).is_some_and(|n| {
                                n.kind == TokKind::Word && n.is_capitalized() && !n.is_function_word() && n.para == para
                            })
                    };
                    let tag_name = || {
                        j == name_start && j > 0 && (self.cue_starts_at(j + 1) || surname_next()) && {
                            let before = self.text[..t.span.start].trim_end();
                            match before.strip_suffix(',') {
                                Some(b) => b.ends_with(['"', '\u{201d}']),
                                None => before
                                    .strip_suffix(['"', '\u{201d}'])
                                    .map(|b| b.trim_end_matches(['\'', '\u{2019}']))
                                    .is_some_and(|b| b.ends_with([',', '?', '!'])),
                            }
                        }
                    };
                    let function = !acronym && !homonym && t.is_function_word() && !tag_name();
                    // `Clinton Says Russians Hacked DNC`: in a headline's
                    // title case, a reporting verb ends the name.
                    let headline_verb = (j > name_start
                        || j > 0 && self.tok(j - 1).is_some_and(|p| p.is_capitalized()))
                        && w.len() > 3
                        && w.ends_with(b"s")
                        && !w.ends_with(b"ss")
                        && self.cue_starts_at(j)
                        && self.title_case_around(j);
                    !headline_verb
                        && (j == name_start && !function && (acronym || !t.may_be_pronoun())
                            || j > name_start && !function)
                }
                // A particle, when a capitalised word (or another particle)
                // follows; after a title it may open the name.
                TokKind::Word if (j > name_start || titled) && is_particle_bytes(w) => self
                    .tok(j + 1)
                    .is_some_and(|n| (n.is_capitalized() || is_particle_bytes(self.bytes(j + 1))) && n.para == para),
                // `al-Assad`: a lower-case prefix joined to a capital.
                // (A particle has at most five bytes: the hyphen is looked
                // for among the first six.)
                TokKind::Word => {
                    w.iter().take(6).any(|&b| b == b'-') && {
                        self.word(j)
                            .split_once('-')
                            .is_some_and(|(a, b)| is_particle(a) && b.starts_with(char::is_uppercase))
                    }
                }
                _ => false,
            };
            if !ok {
                break;
            }
            // `Nevada Sen. Harry Reid`: an honorific inside the run.
            if j > name_start && t.is_capitalized() {
                if let Some(h) = self.honorific_at(j) {
                    let next = j + 1 + usize::from(self.dot_after(j));
                    if next > j + 1 && self.tok(next).is_some_and(|n| n.is_capitalized() && n.para == para) {
                        gender = h.gender;
                        if let Some(r) = h.role.as_deref().and_then(|r| self.lex.role(r)) {
                            role = Some(r.class);
                        }
                        titled = true;
                        name_start = next;
                        j = next;
                        continue;
                    }
                }
            }
            // `US Senator Jeff Sessions`: a title inside the run; what
            // stands before it is a modifier.
            if j > name_start && t.is_capitalized() {
                if let Some((end, class, _, false)) = self.role_at(j, true) {
                    if self.tok(end).is_some_and(|n| {
                        n.is_capitalized()
                            && n.para == para
                            && n.kind == TokKind::Word
                            && self.lex.role(&self.text[n.span]).is_none()
                    }) {
                        role = Some(class);
                        titled = true;
                        name_start = end;
                        j = end;
                        continue;
                    }
                }
            }
            if possessive_len_bytes(w).is_some() {
                possessive = true;
                j += 1;
                break;
            }
            // An initial: `W.` inside a name.
            // (One char is at most four bytes: longer words are not counted;
            // a char is one byte that is no UTF-8 continuation byte.)
            if w.len() <= 4
                && w.iter().filter(|&&b| b & 0xC0 != 0x80).count() == 1
                && self.dot_after(j)
                && self.tok(j + 2).is_some_and(|n| n.is_capitalized())
            {
                j += 2;
                continue;
            }
            j += 1;
        }
        if j == name_start {
            return None;
        }
        let end = j;
        // `English son-in-law`, `Russian officials`: a lone capitalised
        // word before a role noun modifies it.
        if !titled && !possessive && end == name_start + 1 && self.tok(end).is_some_and(|t| t.shape == Shape::Lower) {
            // (Not `Democratic candidate Hillary Clinton`, a title, nor `IMF
            // chief economist …`: the role noun must end the phrase.)
            let ends_phrase = |k: usize| {
                self.tok(k).is_none_or(|t| {
                    t.kind == TokKind::Punct
                        || t.shape == Shape::Lower && (t.is_function_word() || self.cue_starts_at(k))
                })
            };
            if let Some(m) = self.nominal(i, end).filter(|m| ends_phrase(m.end as usize)) {
                return Some(m);
            }
        }
        // A lone sentence-initial word is a name only on evidence.
        let mut unsure = false;
        if !titled && end == name_start + 1 && self.sentence_initial(name_start) {
            let w = self.word(name_start);
            let base = &w[..w.len() - possessive_len(w).unwrap_or(0)];
            // (Adjectives and abstract nouns: `Anxious`, `Regardless`,
            // `Imprisonment`.)
            let suffixed = base.ends_with("ing")
                || base.ends_with("ly")
                || base.ends_with("ed") && base.len() > 4
                || ["ous", "less", "ful", "ment", "ness"].iter().any(|x| base.len() > x.len() + 2 && base.ends_with(x))
                // (`Shoe-polish`, `Good-bye`: a compound, not `Jean-Paul`.)
                || base.split_once('-').is_some_and(|(_, b)| b.starts_with(|c: char| c.is_lowercase()));
            // `Small said`, `Small, who …`: a cue or a relative clause
            // after it makes even a common word a name.
            let named = self.cue_starts_at(end) || self.bytes(end) == b"," && self.bytes(end + 1) == b"who";
            if !named && self.tok(name_start).is_some_and(|t| t.shape == Shape::Capitalized) {
                if suffixed {
                    return None;
                }
                // Whether the text writes it in lower case is settled after
                // the pass, for all such words at once.
                unsure = true;
            }
        }
        let mut head = self.span(name_start, end);
        if possessive {
            let w = self.word(end - 1);
            head.end -= possessive_len(w).unwrap_or(0);
        }
        // `Russia’s envoy`, `the port’s director`: a possessive before a
        // role is a nominal.
        if possessive {
            if let Some(m) = self.nominal(i, end) {
                return Some(m);
            }
            // `Trump's campaign`, `Russia's foreign ministry`: an
            // organisation of the name's owner (`Trump's campaign
            // spokesman` is a nominal).
            for j in end..end + 3 {
                if j > end {
                    let t = self.tok(j - 1)?;
                    if t.kind != TokKind::Word || t.shape != Shape::Lower || t.is_function_word() {
                        break;
                    }
                }
                if let Some((e2, OrgKind::Head)) = self.org_at(j) {
                    if let Some(m) = self.nominal(i, e2) {
                        return Some(m);
                    }
                    let whole = self.span(i, e2);
                    return Some(self.mention(i, e2, whole, MentionKind::Organization));
                }
            }
        }
        let mut kind = self.name_kind(name_start, end, titled && gender != Gender::Unknown);
        let head_text = &self.text[head];
        // How the head's words are spaced, read from the gaps between its
        // tokens (tokens hold no whitespace): nearly always none or one
        // space each, which answers the tests below without a scan of
        // the head's chars.
        let (mut spaced, mut plain) = (false, true);
        for w in self.seg.tokens.get(name_start..end).unwrap_or_default().windows(2) {
            let (a, b) = (w[0].span.end, w[1].span.start);
            if b == a + 1 && self.text.as_bytes().get(a) == Some(&b' ') {
                spaced = true;
            } else if b != a {
                plain = false;
            }
        }
        let multi_word = if plain { spaced } else { head_text.contains(char::is_whitespace) };
        // `Fort Russ reports:` is an outlet.
        if kind == MentionKind::Name && self.cue_starts_at(end) && self.word(end).starts_with("report") {
            kind = MentionKind::Organization;
        }
        // A place (`Syria`, `New York`) speaks only as its government.
        // (Looked up only for an untitled name, the one case it decides.)
        let place = || {
            if !plain && (head_text.contains(['\n', '\t', '\r']) || head_text.contains("  ")) {
                self.lex.is_place(&head_text.split_whitespace().collect::<Vec<_>>().join(" "))
            } else {
                self.lex.is_place(head_text)
            }
        };
        if kind == MentionKind::Name && !titled && (place() || self.state_after(end)) {
            kind = MentionKind::Organization;
        }
        // `Hillary Clinton`: the first name suggests a gender (a lone
        // word may be a surname: `Jordan`, `Lee`). Only a suggestion:
        // Lindsey Graham is a man.
        let name_gender = if kind == MentionKind::Name && multi_word {
            self.lex.given_name_gender(crate::ascii::words(head_text).next().unwrap_or(""))
        } else {
            Gender::Unknown
        };
        // `Rep. John Mica (R-Fla.)`: a party and state in brackets.
        let end = if !possessive && kind == MentionKind::Name { self.affiliation_end(end).unwrap_or(end) } else { end };
        let mut m = self.mention(i, end, head, kind);
        m.unsure = unsure;
        m.gender = gender;
        m.name_gender = name_gender;
        m.role = role;
        m.possessive = possessive;
        Some(m)
    }

    /// `the IMF`, `the Pentagon`, `the New York Times`: `the` and a proper
    /// name that ends the noun phrase name an organisation. (`the Bernie
    /// Sanders campaign` is a nominal, found before this.)
    fn the_name(&self, i: usize) -> Option<Mention> {
        // (`the` in any case carries the determiner flag: most words are
        // turned away by it.)
        // (The flag says the word is a determiner in some case; `the` in
        // any case is three bytes equal to it but for ASCII case.)
        if !self.news || self.tok(i)?.lex & flags::DETERMINER == 0 || !self.bytes(i).eq_ignore_ascii_case(b"the") {
            return None;
        }
        let found = self.find_name(i + 1);
        self.name_memo.set(Some((i + 1, found)));
        let mut m = found?;
        if m.first as usize != i + 1 || m.unsure {
            return None;
        }
        let end = m.end as usize;
        let next = self.tok(end);
        let np_ends = next.is_none_or(|n| {
            n.kind == TokKind::Punct
                || n.para != self.tok(i).map_or(0, |t| t.para)
                || self.cue_starts_at(end)
                || n.is_function_word()
        });
        if !np_ends {
            return None;
        }
        if m.kind == MentionKind::Name && m.gender == Gender::Unknown && m.role.is_none() {
            m.kind = MentionKind::Organization;
            m.name_gender = Gender::Unknown;
        }
        m.span = self.span(i, end);
        m.first = i as u32;
        Some(m)
    }

    /// True when `, Va.` (a state's abbreviation, as the places list
    /// writes it with its dot) follows token `end`: the name before it is
    /// a city (`Lynchburg, Va.`).
    fn state_after(&self, end: usize) -> bool {
        if self.bytes(end) != b"," || self.tok(end + 1).is_none_or(|t| !t.is_capitalized()) {
            return false;
        }
        // The abbreviation, read from the text up to a space or a comma
        // (`N.Y.` is one token or four, as the tokenizer joins it): at
        // most six bytes, ending in its dot.
        let Some(start) = self.tok(end + 1).map(|t| t.span.start) else { return false };
        let rest = self.text.as_bytes().get(start..).unwrap_or_default();
        let len = rest.iter().take(7).take_while(|&&c| c.is_ascii_alphabetic() || c == b'.').count();
        let abbrev = &rest[..len];
        len <= 6
            && abbrev.ends_with(b".")
            && rest.get(len).is_none_or(|&c| !c.is_ascii_alphanumeric() && c < 0x80)
            && core::str::from_utf8(abbrev).is_ok_and(|a| self.lex.is_place(&a.to_ascii_lowercase()))
    }

    /// The end of a bracketed affiliation right after a name (`(R-Fla.)`,
    /// `(D-N.Y.)`, `(left)`), if there is one.
    fn affiliation_end(&self, end: usize) -> Option<usize> {
        let open = self.tok(end)?;
        if open.span.len() != 1 || self.text.as_bytes().get(open.span.start) != Some(&b'(') {
            return None;
        }
        let close = (end + 1..end + 9).find(|&k| self.bytes(k) == b")")?;
        let inner = Span::new(open.span.end, self.tok(close)?.span.start);
        let ok = inner.len() <= 16
            && self.text[inner].chars().all(|c| c.is_alphanumeric() || matches!(c, '-' | '.' | ',' | ' ' | '\u{2013}'));
        ok.then_some(close + 1)
    }

    /// Person or organisation, for the name tokens `first..end`.
    fn name_kind(&self, first: usize, end: usize, personal_title: bool) -> MentionKind {
        if personal_title {
            return MentionKind::Name;
        }
        // (`Government`, `Parliament`: an organisation noun by itself.)
        if let Some((e, OrgKind::Name | OrgKind::Head)) = self.org_at(first) {
            if e >= end {
                return MentionKind::Organization;
            }
        }
        // (The last word without its possessive, read only where a test
        // below needs it.)
        let last = || {
            let w = self.word(end - 1);
            &w[..w.len() - possessive_len(w).unwrap_or(0)]
        };
        if end - first >= 2 && self.lex.is_org_suffix(last()) {
            return MentionKind::Organization;
        }
        if end - first == 1 && self.seg.tokens[first].shape == Shape::AllCaps {
            let letters = last().chars().filter(|c| c.is_alphabetic()).count();
            if (2..=5).contains(&letters) {
                return MentionKind::Organization;
            }
        }
        MentionKind::Name
    }
}

/// Ties roles to names through appositives and copulas: `NAME, the ROLE
/// …,`, `ROLE …, NAME` and `NAME is the ROLE`.
fn link_appositives(cx: &Cx<'_>, out: &mut [Mention]) {
    for k in 0..out.len() {
        let m = out[k];
        if m.in_quote {
            continue;
        }
        // `NAME, (a|the|ORG's) ROLE`: the next mention starts right after a
        // comma and is a nominal.
        if m.kind == MentionKind::Name && m.role.is_none() && !m.possessive {
            // `NAME is the ROLE`: a copula.
            if matches!(cx.bytes(m.end as usize), b"is" | b"was" | b"becomes" | b"became") {
                if let Some(n) = out.get(k + 1).copied() {
                    if n.first == m.end + 1 && n.kind == MentionKind::Nominal && !n.plural {
                        out[k].role = n.role;
                        if out[k].gender == Gender::Unknown {
                            out[k].gender = n.gender;
                        }
                        continue;
                    }
                }
            }
            if cx.bytes(m.end as usize) == b"," {
                // (`NAME, now the ROLE`)
                let gap = u32::from(matches!(
                    cx.word(m.end as usize + 1),
                    "now" | "then" | "formerly" | "currently" | "once" | "also"
                ));
                if let Some(n) = out.get(k + 1).copied() {
                    if n.first == m.end + 1 + gap && n.kind == MentionKind::Nominal && !n.plural {
                        out[k].role = n.role;
                        if out[k].gender == Gender::Unknown {
                            out[k].gender = n.gender;
                        }
                        continue;
                    }
                }
            }
        }
        // `ROLE …, NAME`: a nominal (or a possessive + role) followed, in the
        // same sentence and within a dozen tokens, by a comma and a name.
        if m.kind == MentionKind::Nominal && !m.plural {
            let sentence = m.sentence;
            let mut j = m.end as usize;
            let limit = j + 14;
            while j < limit {
                let Some(t) = cx.tok(j) else { break };
                if cx.seg.sentence_of_token(j) as u32 != sentence {
                    break;
                }
                if t.kind == TokKind::Punct && cx.bytes(j) == b"," {
                    // (Mentions are in text order: a binary search.)
                    let at = out.partition_point(|n| (n.first as usize) < j + 1);
                    if let Some(n) = out.get_mut(at).filter(|n| n.first as usize == j + 1) {
                        if n.kind == MentionKind::Name && n.role.is_none() {
                            n.role = m.role;
                            if n.gender == Gender::Unknown {
                                n.gender = m.gender;
                            }
                        }
                    }
                    break;
                }
                j += 1;
            }
        }
    }
}

/// True for a first name that is also a function word, capitalised
/// (`May`, `Will`, `June`): such a word may open or continue a name.
fn is_given_homonym(w: &[u8]) -> bool {
    matches!(w, b"May" | b"Will" | b"June" | b"April" | b"August" | b"March")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mentions(text: &str) -> Vec<(String, MentionKind, Option<String>)> {
        let lex = Lexicons::english();
        let seg = Segmentation::new(text, &lex);
        find_mentions(text, &seg, &[], &[], &lex, Genre::News)
            .into_iter()
            .map(|m| (text[m.head].to_string(), m.kind, m.role.map(|r| lex.class_name(r).to_string())))
            .collect()
    }

    fn heads(text: &str) -> Vec<String> {
        mentions(text).into_iter().map(|m| m.0).collect()
    }

    /// [`heads`], with the cues of the English lexicon found first.
    fn heads_with_cues(text: &str) -> Vec<String> {
        let lex = Lexicons::english();
        let seg = Segmentation::new(text, &lex);
        let cues: Vec<Span> = crate::cue::CueMatcher::english()
            .map(|m| m.find_all(text).iter().map(|h| h.span).collect())
            .unwrap_or_default();
        find_mentions(text, &seg, &[], &cues, &lex, Genre::News).iter().map(|m| text[m.head].to_string()).collect()
    }

    #[test]
    fn names_with_titles_and_particles() {
        let m = mentions("Foreign Minister Sergei Lavrov met Staffan de Mistura and Mr. Darcy.");
        assert_eq!(m[0], ("Sergei Lavrov".into(), MentionKind::Name, Some("minister".into())));
        assert_eq!(m[1].0, "Staffan de Mistura");
        assert_eq!(m[2].0, "Darcy");
        assert_eq!(heads("Then Mr. van der Luyden spoke."), vec!["van der Luyden"]);
        assert_eq!(heads("George W. Bush and Bashar al-Assad spoke."), vec!["George W. Bush", "Bashar al-Assad"]);
    }

    #[test]
    fn a_headline_verb_ends_a_name() {
        // Title case: the reporting verb splits the capitalised run.
        let h = heads_with_cues("Harbour Board Says Ferry Fares Will Rise In May.");
        assert_eq!(h.first().map(String::as_str), Some("Harbour Board"));
        assert!(h.iter().all(|m| !m.contains("Says")), "{h:?}");
        // Not in running text: `the United States Naval Academy`.
        assert_eq!(
            heads_with_cues("He studied at the United States Naval Academy in May."),
            vec!["He", "United States Naval Academy"]
        );
    }

    #[test]
    fn a_known_organisation_may_modify_a_noun() {
        assert_eq!(heads("An FBI investigation found it. The FBI agreed."), vec!["investigation", "it", "FBI"]);
        assert_eq!(heads("The Pentagon spokesman left."), vec!["spokesman"]);
    }

    #[test]
    fn a_role_before_a_cue_is_no_modifier() {
        assert_eq!(heads_with_cues("The governor said Democrats were to blame."), vec!["governor", "Democrats"]);
    }

    #[test]
    fn a_weekday_may_modify_a_noun() {
        assert_eq!(heads("A Friday editorial in the paper agreed."), vec!["editorial", "paper"]);
        assert_eq!(heads("On Friday the spokesman left."), vec!["spokesman"]);
    }

    #[test]
    fn a_name_before_a_state_abbreviation_is_a_city() {
        let m = mentions("Students in Lynchburg, Va., and Albany, N.Y. met Smith, Vance and Pat.");
        let kind = |head: &str| m.iter().find(|x| x.0 == head).map(|x| x.1);
        assert_eq!(kind("Lynchburg"), Some(MentionKind::Organization));
        assert_eq!(kind("Albany"), Some(MentionKind::Organization));
        assert_eq!(kind("Smith"), Some(MentionKind::Name));
    }

    #[test]
    fn words_inside_a_cue_start_no_mention() {
        // `said in a statement` is one cue: `statement` is no one `it`
        // could stand for.
        assert_eq!(heads_with_cues("The bank said in a statement that it agreed."), vec!["bank", "it"]);
        assert_eq!(heads_with_cues("The bank lost a statement."), vec!["bank", "statement"]);
    }

    #[test]
    fn sentence_initial_common_words_are_not_names() {
        assert_eq!(heads("However, the plan failed. Havel said so."), vec!["Havel"]);
        assert!(heads("Speaking to reporters, Havel left.").contains(&"Havel".to_string()));
        assert!(!heads("Speaking to reporters, Havel left.").contains(&"Speaking".to_string()));
        assert_eq!(heads("Joining Rubio in the race were two governors."), vec!["Rubio", "governors"]);
        assert_eq!(heads("Irving Berlin wrote it."), vec!["Irving Berlin", "it"]);
        assert_eq!(heads("On Feb. 28 Trump left. Ann Welland came on May 5."), vec!["Trump", "Ann Welland"]);
        // Adjectives, abstract nouns and lower-case compounds.
        for text in ["Anxious to help, Havel left.", "Regardless, Havel left.", "Good-bye, Havel left."] {
            assert_eq!(heads(text), vec!["Havel"], "{text}");
        }
    }

    /// The word-by-word search and the token scan of `lower_evidence`
    /// find the same words: a hit inside a longer word or overlapping
    /// another hit (`Sese` in `sesese`) counts only as a whole lower-case
    /// token.
    #[test]
    fn lower_evidence_search_agrees_with_the_scan() {
        let lex = Lexicons::english();
        let texts = [
            ("Still, they waited. Nobody moved still. Sese spoke. Then sesese and sese came.", &["sese", "still"][..]),
            ("Anna left. Hosanna sang. Anna said so. Banana. Speaking, Havel left; speaking is hard.", &["speaking"]),
        ];
        for (text, want) in texts {
            let seg = Segmentation::new(text, &lex);
            // (Every capitalised word stands for an unsure mention here.)
            let ms: Vec<Mention> = (seg.tokens.iter().enumerate())
                .filter(|(_, t)| t.shape == Shape::Capitalized)
                .map(|(k, t)| Mention { unsure: true, ..Mention::plain(t.span, t.span, MentionKind::Name, k, k + 1) })
                .collect();
            let wanted: LowerSet = ms.iter().map(|m| text[m.head].to_lowercase()).filter(|w| w.len() >= 3).collect();
            let sorted = |set: LowerSet| {
                let mut v: Vec<String> = set.into_iter().collect();
                v.sort();
                v
            };
            let searched = sorted(lower_evidence(text, &seg, &ms));
            assert_eq!(searched, sorted(lower_evidence_scan(text, &seg, wanted)), "{text}");
            assert_eq!(searched, want, "{text}");
        }
    }

    #[test]
    fn galloping_finds_the_first_token_at_or_after_a_position() {
        let lex = Lexicons::english();
        let text = "A b, cc d ee; f gg hhh i j kk l mm n, o p q r s t u v w x y z.";
        let toks = Segmentation::new(text, &lex).tokens;
        for k in 0..=toks.len() {
            for pos in 0..=text.len() + 1 {
                let want = k + toks[k..].iter().take_while(|t| t.span.start < pos).count();
                assert_eq!(first_at_or_after(&toks, k, pos), want, "from {k} to {pos}");
            }
        }
    }

    #[test]
    fn modifiers_and_organisations_around_names() {
        let m = mentions("Her English son-in-law met the IMF and Trump's campaign, then wrote to Government.");
        let got: Vec<(&str, MentionKind)> = m.iter().map(|x| (x.0.as_str(), x.1)).collect();
        assert_eq!(
            got,
            vec![
                ("son-in-law", MentionKind::Nominal),
                ("IMF", MentionKind::Organization),
                ("Trump's campaign", MentionKind::Organization),
                ("Government", MentionKind::Organization),
            ]
        );
        // A title before a name stays a title, with what modifies it.
        assert_eq!(heads("Democratic candidate Hillary Clinton spoke."), vec!["Hillary Clinton"]);
        for (text, whole) in [
            ("Then IMF chief economist Maury Obstfeld spoke.", "IMF chief economist Maury Obstfeld"),
            ("Then state Sen. Jason Holsman spoke.", "state Sen. Jason Holsman"),
            ("Then ACLU executive Director Anthony Romero spoke.", "ACLU executive Director Anthony Romero"),
        ] {
            let lex = Lexicons::english();
            let seg = Segmentation::new(text, &lex);
            let spans: Vec<&str> =
                find_mentions(text, &seg, &[], &[], &lex, Genre::News).iter().map(|m| &text[m.span]).collect();
            assert_eq!(spans, vec![whole], "{text}");
        }
    }

    #[test]
    fn organisations_pronouns_nominals() {
        let m = mentions("The Kremlin said TASS and the ministry agree. He said the diplomat and officials did.");
        let kinds: Vec<(&str, MentionKind)> = m.iter().map(|x| (x.0.as_str(), x.1)).collect();
        assert_eq!(
            kinds,
            vec![
                ("Kremlin", MentionKind::Organization),
                ("TASS", MentionKind::Organization),
                ("ministry", MentionKind::Organization),
                ("He", MentionKind::Pronoun),
                ("diplomat", MentionKind::Nominal),
                ("officials", MentionKind::Anonymous),
            ]
        );
    }

    #[test]
    fn titles_before_names() {
        let m =
            mentions("He met former Obama adviser David Axelrod and spokesman John Kirby and the candidate Ana Ruiz.");
        let spans: Vec<(&str, Option<&str>)> = m.iter().map(|x| (x.0.as_str(), x.2.as_deref())).collect();
        assert_eq!(
            spans,
            vec![
                ("He", None),
                ("David Axelrod", Some("aide")),
                ("John Kirby", Some("spokesperson")),
                ("Ana Ruiz", Some("candidate")),
            ]
        );
        let lex = Lexicons::english();
        let text = "White House press secretary Josh Earnest spoke.";
        let seg = Segmentation::new(text, &lex);
        let m = find_mentions(text, &seg, &[], &[], &lex, Genre::News);
        assert_eq!(&text[m[0].span], "White House press secretary Josh Earnest");
        assert_eq!(&text[m[0].head], "Josh Earnest");
        let text = "US Senator Jeff Sessions and Rep. John Mica (R-Fla.) spoke.";
        let seg = Segmentation::new(text, &lex);
        let m = find_mentions(text, &seg, &[], &[], &lex, Genre::News);
        let got: Vec<(&str, &str)> = m.iter().map(|x| (&text[x.span], &text[x.head])).collect();
        assert_eq!(got, vec![("US Senator Jeff Sessions", "Jeff Sessions"), ("Rep. John Mica (R-Fla.)", "John Mica")]);
    }

    /// The finder skips words without an opener flag: every form the
    /// determined, share and quantifier finders accept must carry it.
    /// [`Cx::dispatch`] gives, at every word token, what the seven finders
    /// tried one after another give: the flags it reads first turn away
    /// only words that every skipped finder turns away.
    #[test]
    fn cue_tokens_agree_with_a_search_of_the_cues() {
        let lex = Lexicons::english();
        let texts = [
            "“We are ready,” said Ana Ruiz. Officials said so, according to the report.",
            "He told reporters: no. She added, “Yes,” and then he noted that it rained, she said.",
            "said",
            "",
        ];
        for text in texts {
            let seg = Segmentation::new(text, &lex);
            let mut cues: Vec<Span> = crate::cue::CueMatcher::english()
                .map(|m| m.find_all(text).iter().map(|h| h.span).collect())
                .unwrap_or_default();
            // (A cue that starts and ends inside tokens, too.)
            if text.len() > 3 {
                cues.push(Span::new(1, 3));
            }
            cues.sort_by_key(|c| c.start);
            let mut ct = CueTokens::default();
            ct.fill(&seg.tokens, &cues, &[]);
            let toks = &seg.tokens;
            for i in 0..=toks.len() + 1 {
                let starts = toks.get(i).is_some_and(|t| cues.iter().any(|c| c.start == t.span.start));
                let ends = i
                    .checked_sub(1)
                    .and_then(|p| toks.get(p))
                    .is_some_and(|t| cues.iter().any(|c| c.end == t.span.end));
                assert_eq!(ct.starts.contains(i), starts, "{text:?}: start at {i}");
                assert_eq!(ct.after_ends.contains(i), ends, "{text:?}: end before {i}");
            }
        }
    }

    #[test]
    fn determiner_tests_agree() {
        let lex = Lexicons::english();
        let text =
            "The the THE tHe An an AN aN this This THIS Its its theirs Their \u{c9}t\u{e9} a A his HIS Hi\u{df}.";
        let seg = Segmentation::new(text, &lex);
        let ct = CueTokens::default();
        let cx = Cx::new(text, &seg, &lex, &[], &ct, Genre::News);
        let mut yes = 0;
        for (i, t) in seg.tokens.iter().enumerate() {
            let want = t.lex & flags::DETERMINER != 0 && is_determiner(&text[t.span]);
            assert_eq!(cx.determiner_at(i), want, "{:?}", &text[t.span]);
            yes += usize::from(want);
        }
        assert_eq!(yes, 12);
    }

    #[test]
    fn dispatch_agrees_with_every_finder() {
        let lex = Lexicons::english();
        let texts = [
            "Foreign Minister Sergei Lavrov met Staffan de Mistura and Mr. Darcy, the envoy said.",
            "The Kremlin said officials and analysts disagreed; polls show almost half said no.",
            "Nine out of 10 economists said so, another said, and 59 percent of respondents agreed.",
            "She told the State Department that the IMF and the New York Times were wrong, he said.",
            "A majority said yes. Some chanted. Many others left. Experts said the 46-year-old lied.",
            "Russia’s Permanent Representative to the UN, Alexei Borodavkin, said the diplomat agreed.",
            "They, we and it: Dr. Ana Ruiz, the port’s director, and Sen. Jason Holsman (D-Mo.) spoke.",
            "In a novel the White Rabbit said, and the Queen of Hearts replied to Alice.",
        ];
        for genre in [Genre::News, Genre::Fiction] {
            for text in texts {
                let seg = Segmentation::new(text, &lex);
                let cues: Vec<Span> = crate::cue::CueMatcher::english()
                    .map(|m| m.find_all(text).iter().map(|h| h.span).collect())
                    .unwrap_or_default();
                let mut ct = CueTokens::default();
                ct.fill(&seg.tokens, &cues, &[]);
                for (i, t) in seg.tokens.iter().enumerate().filter(|(_, t)| t.kind == TokKind::Word) {
                    // (Fresh contexts: the memos stay out of the comparison.)
                    let (a, b) =
                        (Cx::new(text, &seg, &lex, &cues, &ct, genre), Cx::new(text, &seg, &lex, &cues, &ct, genre));
                    let chained = a
                        .pronoun(i)
                        .or_else(|| a.determined(i))
                        .or_else(|| a.share(i))
                        .or_else(|| a.quantifier(i))
                        .or_else(|| a.bare_plural(i))
                        .or_else(|| a.the_name(i))
                        .or_else(|| a.name(i));
                    let dispatched = b.dispatch(i, *t);
                    let key = |m: Option<Mention>| m.map(|m| (m.span, m.head, m.kind, m.first, m.end, m.role));
                    assert_eq!(key(dispatched), key(chained), "{text:?} at {:?}", &text[t.span]);
                }
            }
        }
    }

    #[test]
    fn openers_are_flagged_in_every_case() {
        let lex = Lexicons::english();
        let mut text = String::new();
        for w in OPENERS.iter().copied().flatten() {
            let mut cap = w.to_string();
            cap[..1].make_ascii_uppercase();
            text.push_str(&format!("{w} {cap} {} ", w.to_uppercase()));
        }
        let seg = Segmentation::new(&text, &lex);
        for t in &seg.tokens {
            assert!(t.lex & flags::OPENER != 0, "{:?}", &text.as_str()[t.span]);
        }
        // The narrower flags, the same way.
        for (flag, lists) in
            [(flags::DETERMINER, &[DETERMINERS][..]), (flags::SHARE_OR_QUANTIFIER, &SHARE_OR_QUANTIFIER[..])]
        {
            let mut text = String::new();
            for w in lists.iter().copied().flatten() {
                let mut cap = w.to_string();
                cap[..1].make_ascii_uppercase();
                text.push_str(&format!("{w} {cap} {} ", w.to_uppercase()));
            }
            let seg = Segmentation::new(&text, &lex);
            for t in &seg.tokens {
                assert!(t.lex & flag != 0, "{flag}: {:?}", &text.as_str()[t.span]);
            }
            assert!(!seg.tokens.is_empty());
        }
        assert!(is_determiner("The") && is_determiner("her") && !is_determiner("THE") && !is_determiner("tHe"));
    }

    #[test]
    fn appositive_roles() {
        let m = mentions("Ana Ruiz, the port's director, spoke.");
        assert_eq!(m[0].2.as_deref(), Some("executive"));
        let m = mentions("Russia's envoy to the UN in Geneva, Alexei Petrov, spoke.");
        let petrov = m.iter().find(|x| x.0 == "Alexei Petrov").unwrap();
        assert_eq!(petrov.2.as_deref(), Some("diplomat"));
    }
}
