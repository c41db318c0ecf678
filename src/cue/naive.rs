//! The slow, obviously right matcher the automaton is tested against
//! (memchr's `naive.rs` idea): try every form at every word start with
//! `str` operations, and keep the longest that ends at a word end.

/// True for characters that make up words.
fn word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// True when a word may start at byte `i`.
fn starts_word(text: &str, i: usize) -> bool {
    let mut before = text[..i].chars().rev();
    match before.next() {
        None => true,
        Some('-') => !before.next().is_some_and(word_char),
        Some(c) => !word_char(c),
    }
}

/// True when a word may end at byte `i`.
fn ends_word(text: &str, i: usize) -> bool {
    let mut after = text[i..].chars();
    match after.next() {
        None => true,
        Some('-') => !after.next().is_some_and(word_char),
        Some(c) => !word_char(c),
    }
}

/// Every hit, as (start, end, index of the form in `forms`): left to
/// right, non-overlapping, the longest form at each word start, compared
/// without regard to ASCII case.
pub(crate) fn find_all(forms: &[&str], text: &str) -> Vec<(usize, usize, usize)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < text.len() {
        if text.is_char_boundary(i) && starts_word(text, i) {
            let best = forms
                .iter()
                .enumerate()
                .filter(|(_, f)| {
                    let end = i + f.len();
                    text.get(i..end).is_some_and(|s| s.eq_ignore_ascii_case(f)) && ends_word(text, end)
                })
                .max_by_key(|(k, f)| (f.len(), std::cmp::Reverse(*k)));
            if let Some((k, f)) = best {
                out.push((i, i + f.len(), k));
                i += f.len();
                continue;
            }
        }
        i += 1;
    }
    out
}
