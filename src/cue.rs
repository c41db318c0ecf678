//! Reporting cues: the lexicon of reporting verbs and phrases, compiled into
//! one Aho-Corasick automaton.
//!
//! Every inflected form of every entry is a pattern. The automaton runs
//! leftmost-longest (so `according to` beats `according`) and ignores ASCII
//! case; a hit counts only when it starts and ends at a word boundary
//! (`said`, not `unsaid`).

use crate::error::BuildError;
use crate::lexicon::rows;
use crate::output::{CueClass, Stance};
use crate::span::Span;
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

/// One lexicon entry.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct CueEntry {
    pub lemma: Box<str>,
    pub class: CueClass,
    pub stance: Stance,
    /// Every surface form, lower case.
    pub forms: Vec<Box<str>>,
}

/// One cue found in the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct CueHit {
    pub span: Span,
    /// Index of the entry in [`CueMatcher::entries`].
    pub entry: u32,
}

/// Parses lexicon text in the `cues.txt` format.
pub(crate) fn parse_entries(name: &str, text: &str) -> Result<Vec<CueEntry>, BuildError> {
    let mut out = Vec::new();
    for (line, f) in rows(text) {
        let [lemma, class, stance, rest @ ..] = f.as_slice() else {
            return Err(BuildError::lexicon(name, line, "expected: lemma | class | stance [| forms]"));
        };
        let lemma = lemma.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase();
        if lemma.is_empty() {
            return Err(BuildError::lexicon(name, line, "empty lemma"));
        }
        let class = match *class {
            "speech" => CueClass::Speech,
            "writing" => CueClass::Writing,
            "thought" => CueClass::Thought,
            "belief" => CueClass::Belief,
            other => {
                return Err(BuildError::lexicon(
                    name,
                    line,
                    format!("unknown class {other:?} (use speech, writing, thought or belief)"),
                ));
            }
        };
        let stance = match *stance {
            "neutral" => Stance::Neutral,
            "evaluative" => Stance::Evaluative,
            other => {
                return Err(BuildError::lexicon(
                    name,
                    line,
                    format!("unknown stance {other:?} (use neutral or evaluative)"),
                ));
            }
        };
        if rest.len() > 1 {
            return Err(BuildError::lexicon(name, line, "too many fields"));
        }
        let mut forms: Vec<Box<str>> = vec![lemma.clone().into()];
        match rest.first().filter(|f| !f.is_empty()) {
            Some(list) => {
                for form in list.split(',') {
                    let form = form.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase();
                    if form.is_empty() {
                        return Err(BuildError::lexicon(name, line, "empty form in the list"));
                    }
                    forms.push(form.into());
                }
            }
            None => forms.extend(inflect(&lemma).into_iter().map(Box::from)),
        }
        forms.sort();
        forms.dedup();
        out.push(CueEntry { lemma: lemma.into(), class, stance, forms });
    }
    Ok(out)
}

/// The regular inflections of a verb phrase: its first word takes -s, -ed
/// and -ing; the rest is kept.
pub(crate) fn inflect(lemma: &str) -> Vec<String> {
    let (verb, tail) = match lemma.split_once(' ') {
        Some((v, t)) => (v, format!(" {t}")),
        None => (lemma, String::new()),
    };
    let vowel = |c: char| matches!(c, 'a' | 'e' | 'i' | 'o' | 'u');
    let before_y = verb.strip_suffix('y').and_then(|s| s.chars().last());
    let third = if verb.ends_with(['s', 'x', 'z', 'o']) || verb.ends_with("ch") || verb.ends_with("sh") {
        format!("{verb}es")
    } else if before_y.is_some_and(|c| !vowel(c)) {
        format!("{}ies", &verb[..verb.len() - 1])
    } else {
        format!("{verb}s")
    };
    let past = if verb.ends_with('e') {
        format!("{verb}d")
    } else if before_y.is_some_and(|c| !vowel(c)) {
        format!("{}ied", &verb[..verb.len() - 1])
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
    vec![third + &tail, past + &tail, ing + &tail]
}

/// The compiled cue lexicon.
#[derive(Clone, Debug)]
pub(crate) struct CueMatcher {
    pub entries: Vec<CueEntry>,
    /// For each automaton pattern, the entry it belongs to.
    pattern_entry: Vec<u32>,
    /// `None` when the lexicon is empty.
    ac: Option<AhoCorasick>,
}

impl CueMatcher {
    /// Compiles the entries into one automaton.
    pub fn new(entries: Vec<CueEntry>) -> Result<CueMatcher, BuildError> {
        let mut patterns: Vec<&str> = Vec::new();
        let mut pattern_entry = Vec::new();
        for (i, e) in entries.iter().enumerate() {
            for f in &e.forms {
                patterns.push(f);
                pattern_entry.push(i as u32);
            }
        }
        if patterns.is_empty() {
            return Ok(CueMatcher::empty());
        }
        let ac = AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .ascii_case_insensitive(true)
            .build(&patterns)
            .map_err(|e| BuildError::lexicon("cues", 0, e.to_string()))?;
        Ok(CueMatcher { entries, pattern_entry, ac: Some(ac) })
    }

    /// A matcher with no cues.
    pub fn empty() -> CueMatcher {
        CueMatcher { entries: Vec::new(), pattern_entry: Vec::new(), ac: None }
    }

    /// Every cue in `text`, in order, at word boundaries.
    pub fn find_all(&self, text: &str) -> Vec<CueHit> {
        let mut out = Vec::new();
        let Some(ac) = &self.ac else { return out };
        for m in ac.find_iter(text) {
            if is_word_boundary(text, m.start(), m.end()) {
                let entry = self.pattern_entry.get(m.pattern().as_usize()).copied().unwrap_or(0);
                out.push(CueHit { span: Span::new(m.start(), m.end()), entry });
            }
        }
        out
    }

    /// The entry of a hit.
    pub fn entry(&self, hit: CueHit) -> Option<&CueEntry> {
        self.entries.get(hit.entry as usize)
    }
}

/// True when `start..end` is neither preceded nor followed by a letter or
/// digit.
#[inline]
pub(crate) fn is_word_boundary(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    !before.is_some_and(|c| c.is_alphanumeric() || c == '_') && !after.is_some_and(|c| c.is_alphanumeric() || c == '_')
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::CUES;

    fn matcher() -> CueMatcher {
        CueMatcher::new(parse_entries("cues", CUES).unwrap()).unwrap()
    }

    #[test]
    fn inflections() {
        assert_eq!(inflect("note"), vec!["notes", "noted", "noting"]);
        assert_eq!(inflect("underscore"), vec!["underscores", "underscored", "underscoring"]);
        assert_eq!(inflect("stress"), vec!["stresses", "stressed", "stressing"]);
        assert_eq!(inflect("point out"), vec!["points out", "pointed out", "pointing out"]);
        assert_eq!(inflect("deny"), vec!["denies", "denied", "denying"]);
        assert_eq!(inflect("say"), vec!["says", "sayed", "saying"]);
    }

    #[test]
    fn finds_forms_at_word_boundaries() {
        let m = matcher();
        let text = "It was unsaid. According to her, he said; she underscored it.";
        let hits: Vec<&str> = m.find_all(text).iter().map(|h| &text[h.span]).collect();
        assert_eq!(hits, vec!["According to", "said", "underscored"]);
    }

    #[test]
    fn malformed_lexicon_names_the_line() {
        let err = parse_entries("user", "say | speech | neutral\nshout | noise | neutral").unwrap_err();
        assert!(err.to_string().contains("line 2"), "{err}");
    }
}
