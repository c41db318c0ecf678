//! The non-cue filter: rules on the words around a cue word that show it
//! is used in another sense (`the said property`, `all told`, `a note`,
//! `needless to say`). The rules live in `src/lexicon/not_cues.txt`; two
//! more are built in (see [`ContextRules::rejects`]).
//!
//! Only the few tokens next to a hit are read, so the filter costs a few
//! comparisons per hit and nothing per byte of text. The rules split words
//! their own way ([`prev_token`], [`next_token`]); on tokenized text most
//! of their tokens are the segmentation's, which are read from it without
//! scanning the text again ([`Around`]).

use crate::error::BuildError;
use crate::lexicon::{WordMap, rows};
use crate::segment::{TokKind, Token};
use crate::span::Span;

/// The built-in rule file.
pub(crate) const NOT_CUES: &str = include_str!("../lexicon/not_cues.txt");

/// The longest word a context token may be; a longer run of letters is
/// cut (so a pathological word costs a bounded scan).
const MAX_WORD: usize = 64;

/// `’`, a joiner for the rules, as UTF-8.
const CURLY_APOSTROPHE: &[u8] = "\u{2019}".as_bytes();

/// Pronoun contractions that look like possessives (`he's said`).
const CONTRACTIONS: &[&str] =
    &["he", "she", "it", "that", "who", "there", "what", "where", "here", "let", "how", "when", "why", "this"];

/// One element of a pattern.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Pat {
    /// A word or punctuation, by its id in [`ContextRules::words`].
    Lit(u32),
    /// A word class, by index (at most 64).
    Class(u8),
    Num,
    Poss,
    Any,
}

/// One rule: the tokens that must stand before the cue (nearest first)
/// and after it.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Rule {
    before: Vec<Pat>,
    after: Vec<Pat>,
}

/// What the rules know of a word: its literal id and its classes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Known {
    /// [`NO_LIT`] when no pattern names the word itself.
    lit: u32,
    /// Bit `c` set when the word belongs to class `c`.
    classes: u64,
}

/// The literal id of a word no pattern names.
const NO_LIT: u32 = u32::MAX;

impl Known {
    /// What the rules know of a word they never name: nothing.
    const fn default_none() -> Known {
        Known { lit: NO_LIT, classes: 0 }
    }
}

impl Default for Known {
    fn default() -> Known {
        Known::default_none()
    }
}

/// One slot of the known-word table.
#[derive(Clone, Debug, Default)]
struct Slot {
    hash: u64,
    /// Lower case; `None` for an empty slot.
    word: Option<Box<str>>,
    known: Known,
}

/// The rules that apply to one form of one entry, resolved when the
/// matcher is built.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct RuleSet {
    /// Indexes into [`ContextRules::rules`].
    ids: Box<[u32]>,
    /// How many tokens before and after the cue the rules read.
    before: usize,
    after: usize,
    /// What the token right before the cue must be for a rule with words
    /// before the cue to match.
    gate_before: Gate,
    /// What the token right after the cue must be for a rule with words
    /// only after the cue to match.
    gate_after: Gate,
}

/// The union of the first pattern elements of some rules: a token that
/// passes no gate matches none of them, so most cues are settled by one
/// look-up (`he said`: `he` starts no rule).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
struct Gate {
    used: bool,
    /// Sorted literal ids.
    lits: Vec<u32>,
    classes: u64,
    any: bool,
    num: bool,
    poss: bool,
}

impl Gate {
    fn add(&mut self, p: Pat) {
        self.used = true;
        match p {
            Pat::Lit(id) => {
                if let Err(i) = self.lits.binary_search(&id) {
                    self.lits.insert(i, id);
                }
            }
            Pat::Class(c) => self.classes |= 1 << c,
            Pat::Any => self.any = true,
            Pat::Num => self.num = true,
            Pat::Poss => self.poss = true,
        }
    }

    #[inline]
    fn could(&self, t: Option<Tok<'_>>) -> bool {
        let Some(t) = t else { return false };
        self.any
            || t.known.classes & self.classes != 0
            || (t.known.lit != NO_LIT && self.lits.binary_search(&t.known.lit).is_ok())
            || (self.num && t.is(&Pat::Num))
            || (self.poss && t.is(&Pat::Poss))
    }
}

/// The parsed rule file.
#[derive(Clone, Debug, Default)]
pub(crate) struct ContextRules {
    /// Every word a pattern names or a class holds (lower case, `’` as
    /// `'`).
    words: WordMap<Known>,
    /// The same words in an open-addressing table keyed by the matcher's
    /// word hash, built once: a look-up hashes the token in place (no
    /// lower-case copy) and reads one slot, usually empty.
    table: Box<[Slot]>,
    rules: Vec<Rule>,
    /// Rules for every cue.
    all: Vec<u32>,
    /// Rules for every form whose first word does not end in -ing (the
    /// forms that can be nouns: `comments`, `tweet`, `said`).
    not_ing: Vec<u32>,
    /// Rules by lemma or surface form (lower case).
    keyed: WordMap<Vec<u32>>,
}

impl ContextRules {
    /// Reads rules in the `not_cues.txt` format.
    pub fn parse(name: &str, text: &str) -> Result<ContextRules, BuildError> {
        let mut rules = ContextRules::default();
        let mut class_names: Vec<String> = Vec::new();
        for (line, fields) in rows(text) {
            let err = |msg: String| BuildError::lexicon(name, line, msg);
            let [key, body] = fields.as_slice() else {
                return Err(err("expected: key | pattern, or @class | words".into()));
            };
            if let Some(class) = key.strip_prefix('@') {
                if matches!(class, "num" | "poss") || class.is_empty() {
                    return Err(err(format!("@{class} cannot be defined")));
                }
                if class_names.len() >= 64 {
                    return Err(err("more than 64 classes".into()));
                }
                let bit = 1u64 << class_names.len();
                for w in body.split(',').map(str::trim) {
                    if w.is_empty() || w.contains(char::is_whitespace) {
                        return Err(err(format!("class @{class}: {w:?} is not one word")));
                    }
                    rules.known_mut(w).classes |= bit;
                }
                class_names.push(class.to_string());
                continue;
            }
            let rule = parse_pattern(body, &class_names, &mut rules).map_err(err)?;
            let key = key.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase();
            if key.is_empty() {
                return Err(err("empty key".into()));
            }
            let id = rules.rules.len() as u32;
            rules.rules.push(rule);
            match key.as_str() {
                "*" => rules.all.push(id),
                "*!ing" => rules.not_ing.push(id),
                _ => rules.keyed.entry(key.into()).or_default().push(id),
            }
        }
        rules.build_table();
        Ok(rules)
    }

    /// Fills [`Self::table`] from [`Self::words`], each word also with `’`
    /// for `'`.
    fn build_table(&mut self) {
        let size = (self.words.len() * 4).next_power_of_two().max(16);
        let mut table = vec![Slot::default(); size];
        for (word, &known) in &self.words {
            for variant in [word.to_string(), word.replace('\'', "\u{2019}")] {
                let hash = super::matcher::word_hash(variant.as_bytes());
                let mut i = (hash >> 40) as usize & (size - 1);
                while table[i].word.is_some() && table[i].word.as_deref() != Some(variant.as_str()) {
                    i = (i + 1) & (size - 1);
                }
                table[i] = Slot { hash, word: Some(variant.into()), known };
            }
        }
        self.table = table.into_boxed_slice();
    }

    /// The built-in English rules.
    pub fn english() -> Result<ContextRules, BuildError> {
        ContextRules::parse("not_cues", NOT_CUES)
    }

    /// The entry for `word`, created if new.
    fn known_mut(&mut self, word: &str) -> &mut Known {
        let w = fold(word);
        self.words.entry(w.into()).or_insert(Known { lit: NO_LIT, classes: 0 })
    }

    /// The rules for one surface form of an entry: those for every cue,
    /// for non-`-ing` forms, and those keyed on its lemma or on the form.
    pub fn rules_for(&self, lemma: &str, form: &str) -> RuleSet {
        let mut ids: Vec<u32> = self.all.clone();
        if !form.split(' ').next().is_some_and(|w| w.ends_with("ing")) {
            ids.extend(&self.not_ing);
        }
        let exact = format!("={form}");
        for key in [lemma, form, exact.as_str()] {
            if let Some(rs) = self.keyed.get(key) {
                ids.extend(rs);
            }
        }
        ids.sort_unstable();
        ids.dedup();
        let mut set = RuleSet::default();
        for r in ids.iter().filter_map(|&i| self.rules.get(i as usize)) {
            set.before = set.before.max(r.before.len());
            set.after = set.after.max(r.after.len());
            match (r.before.first(), r.after.first()) {
                (Some(&p), _) => set.gate_before.add(p),
                (None, Some(&p)) => set.gate_after.add(p),
                (None, None) => {}
            }
        }
        set.ids = ids.into();
        set
    }

    /// True when the cue at `span` is not a cue in its context: one of its
    /// rules matches, or a built-in rule does:
    ///
    /// * a possessive `'s` right after it: `the report's authors`;
    /// * it is capitalised, right after a capitalised word and before a
    ///   lower-case word or punctuation: part of a name (`the Washington
    ///   Post reported`, `the United States.`, `Edward Said wrote`).
    pub fn rejects(&self, text: &str, span: Span, set: &RuleSet) -> bool {
        let around = Around { text, tokens: &[] };
        self.rejects_around(&around, At { pos: span.start, tok: None }, At { pos: span.end, tok: None }, set)
    }

    /// [`rejects`](Self::rejects) for a cue at `span` that starts where
    /// token `first` of `tokens` (the segmentation of `text`) starts: the
    /// same answer, with the words around the cue read from the tokens
    /// where they are the rules' own (see [`Around`]).
    pub fn rejects_in_tokens(&self, text: &str, tokens: &[Token], first: usize, span: Span, set: &RuleSet) -> bool {
        let starts = tokens.get(first).is_some_and(|t| t.span.start == span.start);
        // The token ending where the cue ends (frames may carry it over a
        // few tokens), if one does.
        let mut last = first;
        while tokens.get(last).is_some_and(|t| t.span.end < span.end) {
            last += 1;
        }
        let ends = tokens.get(last).is_some_and(|t| t.span.end == span.end);
        let around = Around { text, tokens };
        let before = At { pos: span.start, tok: starts.then_some(first) };
        let after = At { pos: span.end, tok: ends.then_some(last) };
        self.rejects_around(&around, before, after, set)
    }

    /// [`rejects`](Self::rejects) with the cue between `before` and `after`.
    fn rejects_around<'h>(&self, around: &Around<'_, 'h>, before: At, after: At, set: &RuleSet) -> bool {
        let text = around.text;
        if possessive_after(text, after.pos) {
            return true;
        }
        let prev = around.prev(before);
        if inside_name(text, before.pos, after.pos, prev.map(|p| p.1), || around.next(after).map(|n| n.1)) {
            return true;
        }
        // The first token on each side, with what the rules know of it,
        // once read for a gate: the context reuses it.
        let mut first = Near::default();
        let mut could = false;
        if set.gate_before.used {
            let t = prev.map(|(at, t)| (at, Tok { text: t, known: self.known(text, at.pos, t.len()) }));
            could = set.gate_before.could(t.map(|t| t.1));
            first.before = Some(t);
        }
        if !could && set.gate_after.used {
            let t = around
                .next(after)
                .map(|(at, t)| (at, Tok { text: t, known: self.known(text, at.pos - t.len(), t.len()) }));
            could = set.gate_after.could(t.map(|t| t.1));
            first.after = Some(t);
        }
        if !could {
            return false;
        }
        let ctx = Context::new(self, around, (before, after), first, set.before, set.after);
        let mut rules = set.ids.iter().filter_map(|&i| self.rules.get(i as usize)).filter(|r| r.matches(&ctx));
        // A match is rare: only then ask whether the word the rule read as
        // a function word is a name.
        let Some(rule) = rules.next() else { return false };
        if !matches!(rule.before.first(), Some(Pat::Lit(_) | Pat::Class(_))) || !name_before(around, before) {
            return true;
        }
        rules.any(|r| !matches!(r.before.first(), Some(Pat::Lit(_) | Pat::Class(_))))
    }

    /// What the rules know of the token `text[start..start + len]`.
    #[inline]
    fn known(&self, text: &str, start: usize, len: usize) -> Known {
        let size = self.table.len();
        let b = text.as_bytes();
        let Some(tok) = b.get(start..start + len).filter(|_| size != 0) else { return Known::default_none() };
        let hash = super::matcher::word_hash_at(b, start, start + len);
        let mut i = (hash >> 40) as usize & (size - 1);
        // The table is at most a quarter full, so probes end quickly.
        for _ in 0..size {
            let Some(slot) = self.table.get(i) else { break };
            let Some(word) = &slot.word else { break };
            // (For a short word, the hash tells: see `same_short_word`.)
            if slot.hash == hash
                && (super::matcher::same_short_word(word.len(), tok.len()) || word.as_bytes().eq_ignore_ascii_case(tok))
            {
                return slot.known;
            }
            i = (i + 1) & (size - 1);
        }
        Known::default_none()
    }
}

impl Rule {
    fn matches(&self, ctx: &Context<'_>) -> bool {
        // Rules are at most MAX_SIDE long on each side (checked when
        // parsed), so `zip` sees every element.
        self.before.iter().zip(&ctx.before).all(|(p, t)| t.is_some_and(|t| t.is(p)))
            && self.after.iter().zip(&ctx.after).all(|(p, t)| t.is_some_and(|t| t.is(p)))
    }
}

/// Parses `needless to _` into a rule, registering its words.
fn parse_pattern(body: &str, classes: &[String], rules: &mut ContextRules) -> Result<Rule, String> {
    let mut before = Vec::new();
    let mut after = Vec::new();
    let mut seen = false;
    for tok in body.split_whitespace() {
        if tok == "_" {
            if seen {
                return Err(format!("{body:?}: more than one _"));
            }
            seen = true;
            continue;
        }
        let pat = match tok {
            "*" => Pat::Any,
            "@num" => Pat::Num,
            "@poss" => Pat::Poss,
            t if t.starts_with('@') => {
                let name = &t[1..];
                let idx = classes
                    .iter()
                    .position(|c| c == name)
                    .ok_or_else(|| format!("unknown class {t} (define it above its first use)"))?;
                Pat::Class(idx as u8)
            }
            t => {
                let next = rules.words.len() as u32;
                let known = rules.known_mut(t);
                if known.lit == NO_LIT {
                    known.lit = next;
                }
                Pat::Lit(known.lit)
            }
        };
        if seen { after.push(pat) } else { before.push(pat) }
    }
    if !seen {
        return Err(format!("{body:?}: no _ for the cue"));
    }
    if before.is_empty() && after.is_empty() {
        return Err(format!("{body:?}: a pattern needs a word besides _"));
    }
    if before.len() > MAX_SIDE || after.len() > MAX_SIDE {
        return Err(format!("{body:?}: at most {MAX_SIDE} words on each side of _"));
    }
    // Nearest first.
    before.reverse();
    Ok(Rule { before, after })
}

/// Lower case, `’` as `'`.
fn fold(s: &str) -> String {
    s.to_lowercase().replace('\u{2019}', "'")
}

/// True for `Trump's`, `agency’s`, but not `he's`, `it’s`.
fn is_possessive(w: &str) -> bool {
    let stem = ["'s", "\u{2019}s", "'S", "\u{2019}S"].iter().find_map(|s| w.strip_suffix(s));
    match stem {
        Some(stem) if !stem.is_empty() => !CONTRACTIONS.iter().any(|c| c.eq_ignore_ascii_case(stem)),
        _ => false,
    }
}

/// One token next to a hit, with what the rules know of it.
#[derive(Clone, Copy, Debug)]
struct Tok<'h> {
    text: &'h str,
    known: Known,
}

impl Tok<'_> {
    #[inline]
    fn is(&self, p: &Pat) -> bool {
        match *p {
            Pat::Any => true,
            Pat::Num => self.text.as_bytes().first().is_some_and(u8::is_ascii_digit),
            Pat::Poss => is_possessive(self.text),
            Pat::Lit(id) => self.known.lit == id,
            Pat::Class(c) => self.known.classes >> c & 1 == 1,
        }
    }
}

/// The most tokens read on either side of a hit.
const MAX_SIDE: usize = 4;

/// The tokens around one hit, as many on each side as its rules read.
struct Context<'h> {
    /// Tokens before the hit, nearest first; `None` past the text's start
    /// or beyond what the rules read.
    before: [Option<Tok<'h>>; MAX_SIDE],
    after: [Option<Tok<'h>>; MAX_SIDE],
}

/// The tokens right before and after a hit, when already read (`None`
/// when not; `Some(None)` when there is none).
#[derive(Clone, Copy, Default)]
struct Near<'h> {
    before: Option<Option<(At, Tok<'h>)>>,
    after: Option<Option<(At, Tok<'h>)>>,
}

impl<'h> Context<'h> {
    /// The context of the hit between `edges`, `before` tokens before it
    /// and `after` after it; `first` holds the first of each side when
    /// already read.
    fn new(
        rules: &ContextRules,
        around: &Around<'_, 'h>,
        edges: (At, At),
        first: Near<'h>,
        before: usize,
        after: usize,
    ) -> Context<'h> {
        let text = around.text;
        let mut b = [None; MAX_SIDE];
        let mut at = edges.0;
        for (i, slot) in b.iter_mut().take(before).enumerate() {
            let read = match first.before {
                Some(t) if i == 0 => t,
                _ => around
                    .prev(at)
                    .map(|(prev, t)| (prev, Tok { text: t, known: rules.known(text, prev.pos, t.len()) })),
            };
            let Some((prev, t)) = read else { break };
            *slot = Some(t);
            at = prev;
        }
        let mut a = [None; MAX_SIDE];
        let mut at = edges.1;
        for (i, slot) in a.iter_mut().take(after).enumerate() {
            let read = match first.after {
                Some(t) if i == 0 => t,
                _ => around
                    .next(at)
                    .map(|(next, t)| (next, Tok { text: t, known: rules.known(text, next.pos - t.len(), t.len()) })),
            };
            let Some((next, t)) = read else { break };
            *slot = Some(t);
            at = next;
        }
        Context { before: b, after: a }
    }
}

/// A position next to a cue or to one of the tokens the rules read: a
/// byte offset, and the index of the segmentation token that starts there
/// (for the tokens before the cue) or ends there (after it), when known.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct At {
    pos: usize,
    tok: Option<usize>,
}

/// Reads the rules' tokens ([`prev_token`], [`next_token`]) from a text and,
/// where it has them, its segmentation's tokens.
///
/// A segmentation token is the rules' token when only ASCII whitespace
/// separates it from the position and it is read the same way: a
/// punctuation character that is no word character, or a plain word
/// ([`Token::is_plain`]) with no joiner next to it (not `U.S`, `76,981`,
/// `Trump’s`, which the segmentation joins and the rules do not, nor
/// `don't`, read the long way). Everywhere else the text is scanned.
struct Around<'a, 'h> {
    text: &'h str,
    /// Empty when there is no segmentation.
    tokens: &'a [Token],
}

impl<'h> Around<'_, 'h> {
    /// The rules' token ending at or before `at` (whitespace skipped), and
    /// the position before it.
    #[inline(always)]
    fn prev(&self, at: At) -> Option<(At, &'h str)> {
        if let Some(k) = at.tok.and_then(|k| k.checked_sub(1)) {
            if let Some(&t) = self.tokens.get(k) {
                if self.agrees(t, t.span.end, at.pos) {
                    return Some((At { pos: t.span.start, tok: Some(k) }, self.text.get(t.span.start..t.span.end)?));
                }
            }
        }
        prev_token(self.text, at.pos).map(|(start, t)| (At { pos: start, tok: None }, t))
    }

    /// The rules' token starting at or after `at` (whitespace skipped), and
    /// the position after it.
    #[inline(always)]
    fn next(&self, at: At) -> Option<(At, &'h str)> {
        if let Some(k) = at.tok.map(|k| k + 1) {
            if let Some(&t) = self.tokens.get(k) {
                if self.agrees(t, at.pos, t.span.start) {
                    return Some((At { pos: t.span.end, tok: Some(k) }, self.text.get(t.span.start..t.span.end)?));
                }
            }
        }
        next_token(self.text, at.pos).map(|(end, t)| (At { pos: end, tok: None }, t))
    }

    /// True when the token `t`, with the text `gap_start..gap_end` between
    /// it and the position read from, is the rules' token there.
    #[inline(always)]
    fn agrees(&self, t: Token, gap_start: usize, gap_end: usize) -> bool {
        let b = self.text.as_bytes();
        if !b.get(gap_start..gap_end).is_some_and(|g| g.iter().all(|&c| is_ascii_space(c))) {
            return false;
        }
        let (start, end) = (t.span.start, t.span.end);
        if t.kind == TokKind::Punct {
            // One character: the tokenizer's ASCII punctuation holds no
            // word character; other characters are asked.
            return match b.get(start) {
                Some(&c) if c < 0x80 => true,
                _ => self.text.get(start..).and_then(|s| s.chars().next()).is_some_and(|c| !is_word_char(c)),
            };
        }
        // A plain word has no word character next to it; the rules read it
        // whole when it is shorter than MAX_WORD and no joiner (`'`, `-`,
        // `’`) stands next to it.
        if !t.is_plain() || end - start >= MAX_WORD - 2 {
            return false;
        }
        let joiner_before = start.checked_sub(1).and_then(|i| b.get(i)).is_some_and(|&c| matches!(c, b'\'' | b'-'))
            || start.checked_sub(3).and_then(|i| b.get(i..start)) == Some(CURLY_APOSTROPHE);
        let joiner_after = b.get(end).is_some_and(|&c| matches!(c, b'\'' | b'-'))
            || b.get(end..).is_some_and(|r| r.starts_with(CURLY_APOSTROPHE));
        !joiner_before && !joiner_after
    }
}

/// True when the word right before `at` is a capitalised word in mid
/// sentence, after another capitalised word or a quotation's closing mark
/// after a comma:
/// a name (`Al From said`, `…,” Will said`), not the function word a rule
/// reads (`from _`).
fn name_before(around: &Around<'_, '_>, at: At) -> bool {
    let Some((at, word)) = around.prev(at) else { return false };
    if !is_capitalized(word) {
        return false;
    }
    match around.prev(at) {
        Some((_, t)) if is_capitalized(t) => true,
        Some((at, "\"" | "'" | "\u{201d}" | "\u{2019}")) => around.prev(at).is_some_and(|(_, t)| t == ","),
        _ => false,
    }
}

/// `report's`, `report’s`: the cue word is a possessive noun.
#[inline]
fn possessive_after(text: &str, end: usize) -> bool {
    let rest = text.as_bytes().get(end..).unwrap_or_default();
    let tail = rest.strip_prefix(b"'s").or_else(|| rest.strip_prefix("\u{2019}s".as_bytes()));
    tail.is_some_and(|t| !t.first().is_some_and(u8::is_ascii_alphanumeric))
}

/// `Washington Post reported`: a capitalised cue `start..end` inside a
/// name, given the tokens before it and (when asked) after it.
#[inline]
fn inside_name<'h>(
    text: &str,
    start: usize,
    end: usize,
    prev: Option<&str>,
    next: impl FnOnce() -> Option<&'h str>,
) -> bool {
    if !text.as_bytes().get(start).is_some_and(u8::is_ascii_uppercase)
        || !text.get(start..end).is_some_and(is_capitalized)
    {
        return false;
    }
    prev.is_some_and(is_capitalized) && !next().is_some_and(is_capitalized)
}

/// True when `w` starts with an uppercase letter and is not all capitals
/// (`Post`, not `POST` or `post`).
fn is_capitalized(w: &str) -> bool {
    let mut chars = w.chars();
    chars.next().is_some_and(char::is_uppercase) && chars.any(char::is_lowercase)
}

/// True for characters inside a context word.
#[inline]
fn is_word_char(c: char) -> bool {
    super::matcher::is_word_char(c)
}

/// True for characters that join two word pieces (`let's`, `wake-up`).
#[inline]
fn is_joiner(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '-')
}

/// The token ending at or before `pos` (whitespace skipped): its start and
/// text.
fn prev_token(text: &str, pos: usize) -> Option<(usize, &str)> {
    match prev_token_ascii(text.as_bytes(), pos) {
        Ascii::Found(start, end) => Some((start, text.get(start..end)?)),
        Ascii::None => None,
        Ascii::Other => prev_token_general(text, pos),
    }
}

/// What the ASCII fast paths found.
enum Ascii {
    Found(usize, usize),
    None,
    /// A byte of 0x80 or above was in the way: use the general path.
    Other,
}

/// Whitespace as `char::is_whitespace` sees it, for ASCII bytes.
#[inline]
fn is_ascii_space(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\n' | b'\x0B' | b'\x0C' | b'\r')
}

#[inline]
fn is_ascii_word(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'_'
}

/// [`prev_token`] on ASCII text: the same token, as a byte range.
#[inline]
fn prev_token_ascii(b: &[u8], pos: usize) -> Ascii {
    let mut end = pos;
    while end > 0 && is_ascii_space(b[end - 1]) {
        end -= 1;
    }
    let Some(&c) = end.checked_sub(1).and_then(|i| b.get(i)) else { return Ascii::None };
    if c >= 0x80 {
        return Ascii::Other;
    }
    if !is_ascii_word(c) {
        return Ascii::Found(end - 1, end);
    }
    let mut start = end;
    let mut i = end;
    while i > 0 && end - (i - 1) <= MAX_WORD {
        let c = b[i - 1];
        if c >= 0x80 {
            return Ascii::Other;
        }
        if is_ascii_word(c) {
            i -= 1;
            start = i;
        } else if matches!(c, b'\'' | b'-') && i >= 2 {
            let d = b[i - 2];
            if d >= 0x80 {
                return Ascii::Other;
            }
            if !is_ascii_word(d) {
                break;
            }
            i -= 2;
            start = i;
        } else {
            break;
        }
    }
    Ascii::Found(start, end)
}

/// [`next_token`] on ASCII text: the same token, as a byte range.
#[inline]
fn next_token_ascii(b: &[u8], pos: usize) -> Ascii {
    let mut start = pos;
    while start < b.len() && is_ascii_space(b[start]) {
        start += 1;
    }
    let Some(&c) = b.get(start) else { return Ascii::None };
    if c >= 0x80 {
        return Ascii::Other;
    }
    if !is_ascii_word(c) {
        return Ascii::Found(start, start + 1);
    }
    let mut end = start;
    while end < b.len() && end - start <= MAX_WORD {
        let c = b[end];
        if c >= 0x80 {
            return Ascii::Other;
        }
        if is_ascii_word(c) {
            end += 1;
        } else if matches!(c, b'\'' | b'-') && end + 1 < b.len() {
            let d = b[end + 1];
            if d >= 0x80 {
                return Ascii::Other;
            }
            if !is_ascii_word(d) {
                break;
            }
            end += 2;
        } else {
            break;
        }
    }
    Ascii::Found(start, end)
}

/// [`prev_token`] for any text.
fn prev_token_general(text: &str, pos: usize) -> Option<(usize, &str)> {
    let head = text[..pos].trim_end();
    let end = head.len();
    let mut chars = head.char_indices().rev().peekable();
    let (i, c) = *chars.peek()?;
    if !is_word_char(c) {
        return Some((i, &text[i..end]));
    }
    let mut start = end;
    while let Some(&(i, c)) = chars.peek() {
        if end - i > MAX_WORD {
            break;
        }
        if is_word_char(c) {
            start = i;
            chars.next();
        } else if is_joiner(c) && start < end {
            // A joiner counts only between two word characters.
            chars.next();
            match chars.peek() {
                Some(&(j, d)) if is_word_char(d) => start = j,
                _ => break,
            }
            chars.next();
        } else {
            break;
        }
    }
    Some((start, &text[start..end]))
}

/// The token starting at or after `pos` (whitespace skipped): its end and
/// text.
fn next_token(text: &str, pos: usize) -> Option<(usize, &str)> {
    match next_token_ascii(text.as_bytes(), pos) {
        Ascii::Found(start, end) => Some((end, text.get(start..end)?)),
        Ascii::None => None,
        Ascii::Other => next_token_general(text, pos),
    }
}

/// [`next_token`] for any text.
fn next_token_general(text: &str, pos: usize) -> Option<(usize, &str)> {
    let tail = text[pos..].trim_start();
    let start = text.len() - tail.len();
    let mut chars = tail.char_indices().peekable();
    let (_, c) = *chars.peek()?;
    if !is_word_char(c) {
        let end = start + c.len_utf8();
        return Some((end, &text[start..end]));
    }
    let mut end = start;
    while let Some(&(i, c)) = chars.peek() {
        if i > MAX_WORD {
            break;
        }
        if is_word_char(c) {
            end = start + i + c.len_utf8();
            chars.next();
        } else if is_joiner(c) {
            chars.next();
            match chars.peek() {
                Some(&(j, d)) if is_word_char(d) => end = start + j + d.len_utf8(),
                _ => break,
            }
            chars.next();
        } else {
            break;
        }
    }
    Some((end, &text[start..end]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_around_a_position() {
        let text = "Needless  to say, let’s (say) wake-up x";
        assert_eq!(prev_token(text, 12), Some((10, "to")));
        assert_eq!(prev_token(text, 9), Some((0, "Needless")));
        assert_eq!(next_token(text, 16), Some((17, ",")));
        assert_eq!(next_token(text, 17), Some((25, "let’s")));
        assert_eq!(prev_token(text, 26), Some((18, "let’s")));
        assert_eq!(next_token(text, 25), Some((27, "(")));
        assert_eq!(next_token(text, 31), Some((39, "wake-up")));
        assert_eq!(prev_token(text, 39), Some((32, "wake-up")));
        assert_eq!(prev_token(text, 0), None);
        assert_eq!(next_token(text, text.len()), None);
        assert_eq!(prev_token("x-", 2), Some((1, "-")));
        assert_eq!(next_token("'s a", 0), Some((1, "'")));
    }

    proptest::proptest! {
        /// The ASCII fast paths find the same tokens as the general ones.
        #[test]
        fn ascii_tokens_match_the_general_path(text in "[a-z A-Z0-9'_,.\\-é’\n]{0,90}", pos in 0usize..90) {
            let pos = (0..=pos.min(text.len())).rev().find(|&i| text.is_char_boundary(i)).unwrap_or(0);
            proptest::prop_assert_eq!(prev_token(&text, pos), prev_token_general(&text, pos));
            proptest::prop_assert_eq!(next_token(&text, pos), next_token_general(&text, pos));
        }
    }

    /// The lexicons, built once for the property tests.
    static LEX: std::sync::LazyLock<crate::lexicon::Lexicons> =
        std::sync::LazyLock::new(crate::lexicon::Lexicons::english);

    proptest::proptest! {
        /// The tokens read from a segmentation are those the rules read
        /// from the text, before and after every token.
        #[test]
        fn tokens_around_equal_the_text_scan(
            text in "([a-zA-Z0-9_]{1,4}|[ '’.,:\\-_\u{1}\u{a0}\u{301}é“”\n]|said|U.S|don't|76,981|a-_b|x'-y){0,30}"
        ) {
            let seg = crate::segment::Segmentation::new(&text, &LEX);
            let around = Around { text: &text, tokens: &seg.tokens };
            for (k, t) in seg.tokens.iter().enumerate() {
                let got = around.prev(At { pos: t.span.start, tok: Some(k) }).map(|(at, w)| (at.pos, w));
                proptest::prop_assert_eq!(got, prev_token(&text, t.span.start), "before {:?}", &text.as_str()[t.span]);
                let got = around.next(At { pos: t.span.end, tok: Some(k) }).map(|(at, w)| (at.pos, w));
                proptest::prop_assert_eq!(got, next_token(&text, t.span.end), "after {:?}", &text.as_str()[t.span]);
            }
        }
    }

    proptest::proptest! {
        /// What the rules know of a word, found by hash, is what a
        /// comparison with each word they know finds.
        #[test]
        fn known_by_hash_equals_the_comparison(w in "([a-zA-Z’',.]{1,10}|the|The|said|ALL|needless|that's|that’s)") {
            let r = ContextRules::english().map_err(|e| proptest::test_runner::TestCaseError::fail(e.to_string()))?;
            let want = r
                .table
                .iter()
                .find(|s| s.word.as_deref().is_some_and(|x| x.as_bytes().eq_ignore_ascii_case(w.as_bytes())))
                .map_or(Known::default_none(), |s| s.known);
            proptest::prop_assert_eq!(r.known(&w, 0, w.len()), want);
        }
    }

    #[test]
    fn possessives() {
        for w in ["Trump's", "agency’s", "CNN's"] {
            assert!(is_possessive(w), "{w}");
        }
        for w in ["he's", "It’s", "that's", "'s", "says"] {
            assert!(!is_possessive(w), "{w}");
        }
    }

    #[test]
    fn pattern_errors() {
        let bad = ["say | needless to", "say | _ _ x", "say | @nope _", "@num | a, b", "say | _", "@c | two words"];
        for b in bad {
            assert!(ContextRules::parse("t", b).is_err(), "{b}");
        }
        let err = ContextRules::parse("t", "say | x _\nsay | y").unwrap_err();
        assert!(err.to_string().contains("line 2"), "{err}");
    }

    #[test]
    fn embedded_rules_parse() {
        let r = ContextRules::english().unwrap();
        assert!(!r.all.is_empty());
        assert!(r.rules_for("say", "said").ids.len() > r.all.len());
    }

    /// (text, the cue inside it, its lemma, rejected?).
    const CASES: &[(&str, &str, &str, bool)] = &[
        ("the said property", "said", "say", true),
        ("Havel said it", "said", "say", false),
        ("a note from him", "note", "note", true),
        ("the claims process", "claims", "claim", true),
        ("his claims were false", "claims", "claim", true),
        ("Trump’s claims were false", "claims", "claim", true),
        ("he's said it", "said", "say", false),
        ("that, say, 10% of", "say", "say", true),
        ("needless to say, it", "say", "say", true),
        ("Needless To Say it", "Say", "say", true),
        ("I would say that", "say", "say", false),
        ("hard to tell who", "tell", "tell", true),
        ("she told him", "told", "tell", false),
        ("all told, 300 died", "told", "tell", true),
        ("they all told me", "told", "tell", false),
        ("add salt to taste", "add", "add", true),
        ("created added value", "added", "add", true),
        ("she added that", "added", "add", false),
        ("the ask price rose", "ask", "ask", true),
        ("ask price", "ask", "ask", true),
        ("the report's authors", "report", "report", true),
        ("the Washington Post reported", "Post", "post", true),
        ("the United States.", "States", "state", true),
        ("Trump Says He Will", "Says", "say", false),
        ("“No,” Said the man.", "Said", "say", false),
        ("That said, we", "said", "say", true),
        ("prices continued to rise", "continued", "continue", true),
        ("“No,” he continued.", "continued", "continue", false),
        ("a telling sign", "telling", "tell", true),
        ("most telling was", "telling", "tell", true),
        ("telling reporters", "telling", "tell", false),
    ];

    #[test]
    fn decides_by_the_surrounding_words() {
        let r = ContextRules::english().unwrap();
        for &(text, cue, lemma, want) in CASES {
            let start = text.find(cue).unwrap();
            let span = Span::new(start, start + cue.len());
            let form = cue.to_lowercase();
            let got = r.rejects(text, span, &r.rules_for(lemma, &form));
            assert_eq!(got, want, "{text:?}: {cue:?} rejected?");
        }
    }
}
