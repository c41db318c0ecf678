//! The large benchmark corpus: about a megabyte of English-like fiction and
//! news, generated deterministically (a fixed-seed linear congruential
//! generator over the word lists below), so every run measures the same
//! bytes. It mixes what the quotation finder meets in real text, at
//! a higher density than the dev corpora (one mark every 70 bytes): straight
//! and curly dialogue with tags, British single-quote dialogue, nested
//! quotes, interrupted and multi-paragraph quotations, unclosed quotes,
//! scare quotes and titles, and apostrophes of every kind (`don't`, `the
//! Joneses'`, `'tis`, `the '90s`).

/// A tiny deterministic generator (Knuth's MMIX constants).
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        self.0 >> 33
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

const NAMES: &[&str] = &["Ana Ruiz", "Tomas Eberle", "Marisol Quintero", "Paul Brennan", "Ines Varga", "Dana Moss"];
const PRONOUNS: &[&str] = &["she", "he", "they"];
const VERBS: &[&str] = &["said", "replied", "asked", "added", "told reporters", "cried", "whispered"];
const WORDS: &[&str] = &[
    "the",
    "harbour",
    "council",
    "was",
    "closed",
    "and",
    "nobody",
    "knew",
    "when",
    "it",
    "would",
    "open",
    "again",
    "ferry",
    "crews",
    "waited",
    "in",
    "a",
    "long",
    "line",
    "of",
    "trucks",
    "morning",
    "rain",
    "fell",
    "on",
    "quay",
    "minister",
    "promised",
    "that",
    "talks",
    "with",
    "union",
    "could",
    "resume",
    "before",
    "summer",
    "season",
    "islanders",
    "were",
    "running",
    "short",
    "patience",
    "after",
    "three",
    "weeks",
    "without",
    "boats",
    "or",
    "deliveries",
    "her",
    "his",
    "their",
    "old",
    "house",
    "by",
    "the",
    "water",
    "stood",
    "empty",
    "all",
    "winter",
];
/// Words with apostrophes, one word in thirty or so, as in English prose.
const ELIDED: &[&str] = &["don't", "it's", "they'd", "o'clock", "Joneses'", "wasn't", "we'll", "ma'am", "'tis", "'em"];

/// One sentence of `min..min+spread` words, capitalised, with an ending.
fn sentence(r: &mut Lcg, min: usize, spread: usize, end: &str) -> String {
    let n = min + r.below(spread);
    let mut s = String::new();
    for i in 0..n {
        let w = if r.below(30) == 0 { r.pick(ELIDED) } else { r.pick(WORDS) };
        if i == 0 {
            let mut c = w.chars();
            if let Some(f) = c.next() {
                s.extend(f.to_uppercase());
                s.push_str(c.as_str());
            }
        } else {
            s.push(' ');
            s.push_str(w);
        }
        if i + 1 < n && r.below(9) == 0 {
            s.push(',');
        }
    }
    s.push_str(end);
    s
}

fn narration(r: &mut Lcg) -> String {
    let mut p = String::new();
    for _ in 0..2 + r.below(3) {
        if !p.is_empty() {
            p.push(' ');
        }
        p.push_str(&sentence(r, 8, 12, "."));
    }
    match r.below(6) {
        0 => p.push_str(" It was the so-called \"reform\" again."),
        1 => p.push_str(" They watched \u{201c}The Harbour Hour\u{201d} on the '90s set."),
        _ => {}
    }
    p
}

/// Dialogue with the marks `open`/`close`, and `inner_*` for nesting.
fn dialogue(r: &mut Lcg, open: &str, close: &str, inner_open: &str, inner_close: &str) -> String {
    let who = if r.below(2) == 0 { r.pick(NAMES) } else { r.pick(PRONOUNS) };
    let verb = r.pick(VERBS);
    let a = sentence(r, 4, 10, ",");
    let b = sentence(r, 4, 10, ".");
    match r.below(6) {
        0 => format!("{open}{a}{close} {who} {verb}."),
        1 => format!("{open}{a}{close} {who} {verb}, {open}{}{close}", b.to_lowercase()),
        2 => format!("{} {verb}: {open}{b}{close}", r.pick(NAMES)),
        3 => format!("{open}{a} {inner_open}{}{inner_close} {b}{close} {who} {verb}.", sentence(r, 2, 4, "")),
        4 => format!("{open}{b}\n\n{open}{a}{close} {who} {verb}."),
        _ => format!("{open}{b} {who} {verb}, and walked on."),
    }
}

/// About `bytes` bytes of text, the same on every call.
pub fn large(bytes: usize) -> String {
    let mut r = Lcg(0x5EED);
    let mut out = String::with_capacity(bytes + 1024);
    while out.len() < bytes {
        let para = match r.below(10) {
            0..=4 => narration(&mut r),
            5 | 6 => dialogue(&mut r, "\"", "\"", "'", "'"),
            7 | 8 => dialogue(&mut r, "\u{201c}", "\u{201d}", "\u{2018}", "\u{2019}"),
            _ => dialogue(&mut r, "\u{2018}", "\u{2019}", "\u{201c}", "\u{201d}"),
        };
        out.push_str(&para);
        out.push_str("\n\n");
    }
    out
}
