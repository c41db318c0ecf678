//! The reference a user would write first: split the text into words,
//! lower-case each one into a `String`, and look it up in a `HashMap` (and
//! the next few words, for phrases). No boundary subtleties, no context
//! rules; a speed baseline, not a second implementation of the matcher.

use std::collections::HashMap;

/// The standalone forms of a cue lexicon, by first word.
pub struct NaiveMatcher {
    /// First word → the word lists of the phrases it starts, longest
    /// first.
    phrases: HashMap<String, Vec<Vec<String>>>,
}

impl NaiveMatcher {
    /// Reads the lexicon text that `Attributor::cue_lexicon` writes: every
    /// form not marked `~` (frame only) is a phrase.
    pub fn new(lexicon: &str) -> NaiveMatcher {
        let mut phrases: HashMap<String, Vec<Vec<String>>> = HashMap::new();
        for line in lexicon.lines() {
            let Some(forms) = line.split('|').nth(3) else { continue };
            for form in forms.split(',').map(str::trim).filter(|f| !f.starts_with('~')) {
                let words = split_words(form.trim_start_matches('+'));
                if let Some(first) = words.first() {
                    phrases.entry(first.clone()).or_default().push(words);
                }
            }
        }
        for list in phrases.values_mut() {
            list.sort_by_key(|w| std::cmp::Reverse(w.len()));
            list.dedup();
        }
        NaiveMatcher { phrases }
    }

    /// The number of phrases in `text`: at each word, the longest phrase
    /// that starts there, then on after it.
    pub fn count(&self, text: &str) -> usize {
        let words = split_words(text);
        let mut n = 0;
        let mut i = 0;
        while i < words.len() {
            let found = self
                .phrases
                .get(&words[i])
                .and_then(|list| list.iter().find(|p| words.get(i..i + p.len()).is_some_and(|w| w == p.as_slice())));
            match found {
                Some(p) => {
                    n += 1;
                    i += p.len();
                }
                None => i += 1,
            }
        }
        n
    }
}

/// The lower-case words of `text`: runs of letters, digits and `_`.
fn split_words(text: &str) -> Vec<String> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '_')).filter(|w| !w.is_empty()).map(str::to_lowercase).collect()
}
