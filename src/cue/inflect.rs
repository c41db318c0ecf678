//! Inflection: every surface form of a verb cue.
//!
//! Regular verbs get their forms from four spelling rules; every verb that
//! breaks one of them (say → said, admit → admitted, panic → panicked) is
//! listed with all its forms in `src/lexicon/irregular_verbs.txt`. A phrasal
//! cue (`point out`, `go on to say`, `make it clear`) inflects its first
//! word and keeps the rest.

use crate::error::BuildError;
use crate::lexicon::{WordMap, rows};

/// The irregular-verb table, embedded.
pub(crate) const IRREGULAR_VERBS: &str = include_str!("../lexicon/irregular_verbs.txt");

/// Produces the inflected forms of verbs: the irregular table first, the
/// regular rules otherwise.
#[derive(Clone, Debug, Default)]
pub(crate) struct Inflector {
    /// Base form → every other form (3rd person, past, participle, -ing,
    /// with their variants), in table order.
    irregular: WordMap<Vec<Box<str>>>,
}

impl Inflector {
    /// Reads a table in the `irregular_verbs.txt` format.
    pub fn parse(name: &str, text: &str) -> Result<Inflector, BuildError> {
        let mut irregular = WordMap::default();
        for (line, fields) in rows(text) {
            let [base, slots @ ..] = fields.as_slice() else {
                return Err(BuildError::lexicon(name, line, "empty line"));
            };
            if slots.len() != 4 {
                return Err(BuildError::lexicon(
                    name,
                    line,
                    "expected: base | 3rd person singular | past | past participle | -ing",
                ));
            }
            let base = base.to_lowercase();
            if base.is_empty() || base.contains(char::is_whitespace) {
                return Err(BuildError::lexicon(name, line, "the base form must be one word"));
            }
            let mut forms: Vec<Box<str>> = Vec::new();
            for slot in slots {
                for variant in slot.split('/') {
                    let v = variant.trim().to_lowercase();
                    if v.is_empty() || v.contains(char::is_whitespace) {
                        return Err(BuildError::lexicon(name, line, "each form must be one word"));
                    }
                    if !forms.iter().any(|f| **f == *v) {
                        forms.push(v.into());
                    }
                }
            }
            irregular.insert(base.into(), forms);
        }
        Ok(Inflector { irregular })
    }

    /// The built-in English table.
    pub fn english() -> Result<Inflector, BuildError> {
        Inflector::parse("irregular_verbs", IRREGULAR_VERBS)
    }

    /// Every form of `lemma` (a verb or a phrase headed by one), lemma
    /// first, without duplicates: `point out` → `point out`, `points out`,
    /// `pointed out`, `pointing out`.
    pub fn forms(&self, lemma: &str) -> Vec<String> {
        let (verb, tail) = match lemma.split_once(' ') {
            Some((v, t)) => (v, Some(t)),
            None => (lemma, None),
        };
        let heads: Vec<String> = match self.irregular.get(verb) {
            Some(forms) => forms.iter().map(|f| f.to_string()).collect(),
            None => regular(verb).into(),
        };
        let mut out = vec![lemma.to_string()];
        for head in heads {
            let form = match tail {
                Some(t) => format!("{head} {t}"),
                None => head,
            };
            if !out.contains(&form) {
                out.push(form);
            }
        }
        out
    }
}

/// The regular forms of a one-word verb: 3rd person singular, past (and
/// past participle), -ing.
pub(crate) fn regular(verb: &str) -> [String; 3] {
    let vowel = |c: char| matches!(c, 'a' | 'e' | 'i' | 'o' | 'u');
    let consonant_y = verb.strip_suffix('y').and_then(|s| s.chars().last()).is_some_and(|c| !vowel(c));
    let stem_y = || &verb[..verb.len() - 1];
    // `echoes`, `vetoes`, but `coos`, `boos`.
    let o_es = verb.strip_suffix('o').is_some_and(|s| !s.ends_with(vowel));
    let third = if verb.ends_with(['s', 'x', 'z']) || o_es || verb.ends_with("ch") || verb.ends_with("sh") {
        format!("{verb}es")
    } else if consonant_y {
        format!("{}ies", stem_y())
    } else {
        format!("{verb}s")
    };
    let past = if verb.ends_with('e') {
        format!("{verb}d")
    } else if consonant_y {
        format!("{}ied", stem_y())
    } else {
        format!("{verb}ed")
    };
    let ing = if let Some(stem) = verb.strip_suffix("ie") {
        format!("{stem}ying")
    } else if verb.ends_with('e') && !verb.ends_with("ee") && !verb.ends_with("ye") && !verb.ends_with("oe") {
        format!("{}ing", &verb[..verb.len() - 1])
    } else {
        format!("{verb}ing")
    };
    [third, past, ing]
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (lemma, every expected form, lemma first).
    const CASES: &[(&str, &[&str])] = &[
        ("note", &["note", "notes", "noted", "noting"]),
        ("underscore", &["underscore", "underscores", "underscored", "underscoring"]),
        ("stress", &["stress", "stresses", "stressed", "stressing"]),
        ("deny", &["deny", "denies", "denied", "denying"]),
        ("echo", &["echo", "echoes", "echoed", "echoing"]),
        ("vie", &["vie", "vies", "vied", "vying"]),
        ("coo", &["coo", "coos", "cooed", "cooing"]),
        ("agree", &["agree", "agrees", "agreed", "agreeing"]),
        ("relay", &["relay", "relays", "relayed", "relaying"]),
        ("say", &["say", "says", "said", "saying"]),
        ("write", &["write", "writes", "wrote", "written", "writing"]),
        ("admit", &["admit", "admits", "admitted", "admitting"]),
        ("panic", &["panic", "panics", "panicked", "panicking"]),
        ("point out", &["point out", "points out", "pointed out", "pointing out"]),
        ("make it clear", &["make it clear", "makes it clear", "made it clear", "making it clear"]),
        (
            "be quoted as saying",
            &[
                "be quoted as saying",
                "is quoted as saying",
                "are quoted as saying",
                "am quoted as saying",
                "was quoted as saying",
                "were quoted as saying",
                "been quoted as saying",
                "being quoted as saying",
            ],
        ),
        ("learn", &["learn", "learns", "learned", "learnt", "learning"]),
    ];

    #[test]
    fn forms() {
        let inf = Inflector::english().unwrap();
        for (lemma, want) in CASES {
            assert_eq!(inf.forms(lemma), *want, "forms of {lemma:?}");
        }
    }

    #[test]
    fn table_errors_name_the_line() {
        let err = Inflector::parse("irregular", "say | says | said | said | saying\ngo | goes | went").unwrap_err();
        assert!(err.to_string().contains("line 2"), "{err}");
        let err = Inflector::parse("irregular", "say | says | said | | saying").unwrap_err();
        assert!(err.to_string().contains("line 1"), "{err}");
    }

    #[test]
    fn embedded_table_parses() {
        let inf = Inflector::english().unwrap();
        assert!(inf.irregular.len() > 150, "{}", inf.irregular.len());
    }
}
