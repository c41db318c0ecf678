//! The non-cue filter: rules on the words around a cue word that show it
//! is used in another sense (`the said property`, `all told`, `a note`,
//! `needless to say`). The rules live in `src/lexicon/not_cues.txt`; two
//! more are built in (see [`ContextRules::rejects`]).
//!
//! Only the few tokens next to a hit are read, so the filter costs a few
//! comparisons per hit and nothing per byte of text.

use crate::error::BuildError;
use crate::lexicon::{WordMap, rows, with_lower};
use crate::span::Span;

/// The built-in rule file.
pub(crate) const NOT_CUES: &str = include_str!("../lexicon/not_cues.txt");

/// The longest word a context token may be; a longer run of letters is
/// cut (so a pathological word costs a bounded scan).
const MAX_WORD: usize = 64;

/// Pronoun contractions that look like possessives (`he's said`).
const CONTRACTIONS: &[&str] =
    &["he", "she", "it", "that", "who", "there", "what", "where", "here", "let", "how", "when", "why", "this"];

/// One element of a pattern.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Pat {
    /// A word or punctuation, lower case, `’` written as `'`.
    Lit(Box<str>),
    /// A word class, by index.
    Class(usize),
    Num,
    Poss,
    Any,
}

/// One rule: the tokens that must stand before the cue (nearest first)
/// and after it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Rule {
    before: Vec<Pat>,
    after: Vec<Pat>,
}

/// The parsed rule file.
#[derive(Clone, Debug, Default)]
pub(crate) struct ContextRules {
    /// Word classes, lower case.
    classes: Vec<WordMap<()>>,
    /// Rules for every cue.
    all: Vec<Rule>,
    /// Rules for every form whose first word does not end in -ing (the
    /// forms that can be nouns: `comments`, `tweet`, `said`).
    not_ing: Vec<Rule>,
    /// Rules by lemma or surface form (lower case).
    keyed: WordMap<Vec<Rule>>,
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
                let mut words = WordMap::default();
                for w in body.split(',').map(str::trim) {
                    if w.is_empty() || w.contains(char::is_whitespace) {
                        return Err(err(format!("class @{class}: {w:?} is not one word")));
                    }
                    words.insert(fold(w).into(), ());
                }
                class_names.push(class.to_string());
                rules.classes.push(words);
                continue;
            }
            let rule = parse_pattern(body, &class_names).map_err(err)?;
            let key = key.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase();
            if key.is_empty() {
                return Err(err("empty key".into()));
            }
            if key == "*" {
                rules.all.push(rule);
            } else if key == "*!ing" {
                rules.not_ing.push(rule);
            } else {
                rules.keyed.entry(key.into()).or_default().push(rule);
            }
        }
        Ok(rules)
    }

    /// The built-in English rules.
    pub fn english() -> Result<ContextRules, BuildError> {
        ContextRules::parse("not_cues", NOT_CUES)
    }

    /// The rules keyed on one entry's lemma or on one of its surface forms
    /// (the rules for every cue apply besides).
    pub fn rules_for(&self, lemma: &str, form: &str) -> Vec<&Rule> {
        let mut out: Vec<&Rule> = Vec::new();
        if !form.split(' ').next().is_some_and(|w| w.ends_with("ing")) {
            out.extend(self.not_ing.iter());
        }
        for key in [lemma, form] {
            if let Some(rs) = self.keyed.get(key) {
                out.extend(rs.iter());
            }
        }
        out.dedup_by(|a, b| a == b);
        out
    }

    /// True when the cue at `span` is not a cue in its context: a rule of
    /// its own (`own`) or for every cue matches, or a built-in rule:
    ///
    /// * a possessive `'s` right after it: `the report's authors`;
    /// * it is capitalised, right after a capitalised word and before a
    ///   lower-case word or punctuation: part of a name (`the Washington
    ///   Post reported`, `the United States.`, `Edward Said wrote`).
    pub fn rejects<'r>(&'r self, text: &str, span: Span, own: impl IntoIterator<Item = &'r Rule>) -> bool {
        let ctx = Context::new(text, span);
        if ctx.possessive_after() || ctx.inside_name() {
            return true;
        }
        self.all.iter().chain(own).any(|r| self.matches(r, &ctx))
    }

    fn matches(&self, rule: &Rule, ctx: &Context<'_>) -> bool {
        rule.before.iter().enumerate().all(|(k, p)| ctx.before(k).is_some_and(|w| self.pat(p, w)))
            && rule.after.iter().enumerate().all(|(k, p)| ctx.after(k).is_some_and(|w| self.pat(p, w)))
    }

    fn pat(&self, p: &Pat, w: &str) -> bool {
        match p {
            Pat::Any => true,
            Pat::Num => w.as_bytes().first().is_some_and(u8::is_ascii_digit),
            Pat::Poss => is_possessive(w),
            Pat::Lit(lit) => eq_fold(lit, w),
            Pat::Class(c) => with_lower(w, |lw| {
                let folded = lw.replace('\u{2019}', "'");
                self.classes.get(*c).is_some_and(|set| set.contains_key(folded.as_str()))
            }),
        }
    }
}

/// Parses `needless to _` into a rule.
fn parse_pattern(body: &str, classes: &[String]) -> Result<Rule, String> {
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
                Pat::Class(idx)
            }
            t => Pat::Lit(fold(t).into()),
        };
        if seen { after.push(pat) } else { before.push(pat) }
    }
    if !seen {
        return Err(format!("{body:?}: no _ for the cue"));
    }
    if before.is_empty() && after.is_empty() {
        return Err(format!("{body:?}: a pattern needs a word besides _"));
    }
    before.reverse();
    Ok(Rule { before, after })
}

/// Lower case, `’` as `'`.
fn fold(s: &str) -> String {
    s.to_lowercase().replace('\u{2019}', "'")
}

/// Compares a folded pattern literal with a text token.
fn eq_fold(lit: &str, w: &str) -> bool {
    if lit.len() == w.len() {
        return lit.eq_ignore_ascii_case(w);
    }
    // `’` is three bytes, `'` one.
    w.contains('\u{2019}') && eq_fold_slow(lit, w)
}

#[cold]
fn eq_fold_slow(lit: &str, w: &str) -> bool {
    lit.eq_ignore_ascii_case(&w.replace('\u{2019}', "'"))
}

/// True for `Trump's`, `agency’s`, but not `he's`, `it’s`.
fn is_possessive(w: &str) -> bool {
    let stem = ["'s", "\u{2019}s", "'S", "\u{2019}S"].iter().find_map(|s| w.strip_suffix(s));
    match stem {
        Some(stem) if !stem.is_empty() => !CONTRACTIONS.iter().any(|c| c.eq_ignore_ascii_case(stem)),
        _ => false,
    }
}

/// The tokens around one hit, read on demand.
struct Context<'h> {
    text: &'h str,
    span: Span,
    /// Up to four tokens before the hit, nearest first.
    before: [Option<&'h str>; 4],
    after: [Option<&'h str>; 4],
}

impl<'h> Context<'h> {
    fn new(text: &'h str, span: Span) -> Context<'h> {
        let mut before = [None; 4];
        let mut pos = span.start;
        for slot in &mut before {
            match prev_token(text, pos) {
                Some((start, tok)) => {
                    *slot = Some(tok);
                    pos = start;
                }
                None => break,
            }
        }
        let mut after = [None; 4];
        let mut pos = span.end;
        for slot in &mut after {
            match next_token(text, pos) {
                Some((end, tok)) => {
                    *slot = Some(tok);
                    pos = end;
                }
                None => break,
            }
        }
        Context { text, span, before, after }
    }

    fn before(&self, k: usize) -> Option<&'h str> {
        self.before.get(k).copied().flatten()
    }

    fn after(&self, k: usize) -> Option<&'h str> {
        self.after.get(k).copied().flatten()
    }

    /// `report's`, `report’s`: the cue word is a possessive noun.
    fn possessive_after(&self) -> bool {
        let rest = &self.text[self.span.end..];
        let tail = rest.strip_prefix("'s").or_else(|| rest.strip_prefix("\u{2019}s"));
        tail.is_some_and(|t| !t.starts_with(char::is_alphanumeric))
    }

    /// `Washington Post reported`: a capitalised cue inside a name.
    fn inside_name(&self) -> bool {
        let cue = &self.text[self.span];
        if !is_capitalized(cue) {
            return false;
        }
        let prev_cap = self.before(0).is_some_and(is_capitalized);
        let next_cap = self.after(0).is_some_and(is_capitalized);
        prev_cap && !next_cap
    }
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
    c.is_alphanumeric() || c == '_'
}

/// True for characters that join two word pieces (`let's`, `wake-up`).
#[inline]
fn is_joiner(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '-')
}

/// The token ending at or before `pos` (whitespace skipped): its start and
/// text.
fn prev_token(text: &str, pos: usize) -> Option<(usize, &str)> {
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
        assert!(!r.rules_for("say", "said").is_empty());
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
            let got = r.rejects(text, span, r.rules_for(lemma, &form));
            assert_eq!(got, want, "{text:?}: {cue:?} rejected?");
        }
    }
}
