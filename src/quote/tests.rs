//! Unit tests of the finder: pairing cases, the linear-time guarantee
//! (counted in steps, never timed), and the fast search paths against the
//! slow one.

use super::*;
use crate::segment::paragraph_spans;
use proptest::prelude::*;

fn matcher() -> CueMatcher {
    CueMatcher::english().expect("cue lexicon")
}

/// The starts of the cues of `text`, as the engine passes them.
fn cue_starts(text: &str) -> Vec<usize> {
    matcher().find_all(text).iter().map(|h| h.span.start).collect()
}

/// Every quote of `text`: (content, depth, closure).
fn find(text: &str) -> Vec<(String, u32, Closure)> {
    let lex = Lexicons::english();
    QuoteScanner::new(0xFF)
        .scan_with_cues(text, &paragraph_spans(text), &lex, &matcher(), Some(&cue_starts(text)))
        .iter()
        .map(|q| (text[q.inner].to_string(), q.depth, q.closure))
        .collect()
}

fn inners(text: &str) -> Vec<String> {
    find(text).into_iter().map(|q| q.0).collect()
}

/// (name, text, the contents of every quote found, in order).
const PAIRS: &[(&str, &str, &[&str])] = &[
    ("straight and curly", "\"Go,\" she said. “Stay,” he said.", &["Go,", "Stay,"]),
    ("curly opener, straight closer", "“Shorty.\" he said", &["Shorty."]),
    ("bad conversion ”…”", "”Hi,” she said.", &["Hi,"]),
    ("spaced straight marks", "He said \" Kurds are here , \" and left.", &["Kurds are here ,"]),
    ("guillemets", "« Oui », dit-il. »Ja«, sagte er.", &["Oui", "Ja"]),
    ("single guillemets", "‹Non›, dit-il.", &["Non"]),
    ("low-high double", "„Ja“, sagte er.", &["Ja"]),
    ("low-high single", "‚Ja‘, sagte er.", &["Ja"]),
    ("corner brackets", "他说「你好」。", &["你好"]),
    ("white corner brackets", "『書名』", &["書名"]),
    ("typeset double", "``Hello,'' he said.", &["Hello,"]),
    ("Gutenberg single", "`Hello,' he said.", &["Hello,"]),
    ("British single dialogue", "‘Don’t go,’ she said.", &["Don’t go,"]),
    ("inch mark", "He is 5'11\" tall. \"Tall,\" she said.", &["Tall,"]),
    ("stray closer", "Oops” and then “Hi,” she said.", &["Hi,"]),
    ("empty quote dropped", "It was \"\" then.", &[]),
];

#[test]
fn pairs() {
    for &(name, text, want) in PAIRS {
        assert_eq!(inners(text), want, "case {name:?}: {text:?}");
    }
}

#[test]
fn apostrophes_are_not_quotes() {
    let t = "I don't know, rock 'n' roll in the '90s at the Joneses' house, 'tis o'clock, ma'am, get 'em goin'.";
    assert!(inners(t).is_empty(), "{:?}", inners(t));
    assert_eq!(inners("‘Don’t go,’ she said."), vec!["Don’t go,"]);
    assert_eq!(inners("'I like rock 'n' roll,' he said."), vec!["I like rock 'n' roll,"]);
}

#[test]
fn nesting() {
    let q = find("\"He told me, 'Don't go,' and left,\" she said.");
    assert_eq!(q.len(), 2);
    assert_eq!(q[0].0, "He told me, 'Don't go,' and left,");
    assert_eq!((q[1].0.as_str(), q[1].1), ("Don't go,", 1));
}

#[test]
fn multi_paragraph() {
    let t = "“First part.\n“Second part.\n“Third part,” she said.";
    let q = find(t);
    assert_eq!(q.len(), 3);
    assert_eq!(q[0].2, Closure::ContinuesNext);
    assert_eq!(q[1].2, Closure::ContinuesNext);
    assert_eq!(q[2].2, Closure::Closed);
    let raw = QuoteScanner::new(0xFF).scan(t, &paragraph_spans(t), &Lexicons::english());
    assert_eq!(raw[1].continues_from, Some(0));
    assert_eq!(raw[2].continues_from, Some(1));
}

#[test]
fn unclosed_recovers_at_paragraph_end() {
    let t = "\"Hello, he said, and left.\nThen \"Bye,\" she said.";
    let q = find(t);
    assert_eq!(q.len(), 2, "{q:?}");
    assert_eq!(q[0].2, Closure::Unclosed);
    assert_eq!(q[1].0, "Bye,");
}

#[test]
fn terms() {
    let lex = Lexicons::english();
    let term = |t: &str| {
        let q = QuoteScanner::new(0xFF).scan_with_cues(t, &paragraph_spans(t), &lex, &matcher(), Some(&cue_starts(t)));
        q[0].term
    };
    assert!(term("the so-called \"reform\""));
    assert!(term("He watched NBC's \"Meet the Press.\""));
    assert!(term("a film called 'Heat'"));
    assert!(!term("\"We will win this fight.\""));
    assert!(!term("\"But, mother \"\n"));
    // A cue before a short run-in quote keeps it speech: a mixed quotation.
    assert!(!term("She said the plan was \"dead on arrival,\" and left."));
    assert!(term("The plan was \"dead on arrival,\" and nobody cared."));
}

#[test]
fn dash_dialogue() {
    let t = "—Come up, Kinch! he said.\n\n—Yes, Stephen said quietly. I will.\n\n—Back to barracks!\n\nHe left.";
    assert_eq!(inners(t), vec!["Come up, Kinch!", "Yes,", "I will.", "Back to barracks!"]);
    // Too few dash paragraphs: not dialogue.
    assert!(inners("—A heading\n\nText here.").is_empty());
}

/// The finder's step count on `text`.
fn steps(text: &str) -> usize {
    let lex = Lexicons::english();
    let mut work = Work::default();
    let cues = cue_starts(text);
    QuoteScanner::new(0xFF).find(text, &paragraph_spans(text), &lex, &matcher(), Some(&cues), &mut work);
    work.steps
}

/// Repeats `unit` to about `bytes` bytes.
fn fill(unit: &str, bytes: usize) -> String {
    unit.repeat(bytes / unit.len().max(1) + 1)
}

/// Inputs built to defeat a naive finder: a quadratic one rescans the
/// stack, the rest of the paragraph, or the content of every nested quote.
const ADVERSARIAL: &[(&str, &str)] = &[
    ("straight marks, one paragraph", "\""),
    ("single marks, one paragraph", "'"),
    ("curly openers only", "“"),
    ("one unclosed mark per line", "\"a\n"),
    ("one unclosed curly per line", "“word\n"),
    ("no spaces, every mark", "\"'`“”‘’„‚«»‹›「」『』a"),
    ("apostrophes between letters", "a'"),
    ("elision candidates", " 'tis"),
    ("run-in terms", "a \"b\" "),
    ("dash dialogue full of cues", "—said he, said she, said I.\n\n"),
    ("nested pairs", "“‘«"),
];

#[test]
fn linear_time_on_adversarial_input() {
    const MB: usize = 1 << 20;
    for &(name, unit) in ADVERSARIAL {
        let small = fill(unit, MB / 2);
        let large = fill(unit, MB);
        let (s, l) = (steps(&small), steps(&large));
        eprintln!("{name}: {s} steps for {} bytes, {l} for {}", small.len(), large.len());
        // A bounded number of steps per byte...
        assert!(l <= 16 * large.len(), "{name}: {l} steps for {} bytes", large.len());
        // ...and twice the input costs about twice the work.
        assert!(l * 10 <= s * 22 + 1000, "{name}: {s} steps for {} bytes, {l} for {}", small.len(), large.len());
    }
    // Deep nesting: a megabyte of balanced curly pairs, one inside the
    // other.
    let deep = |n: usize| format!("{}{}", "“".repeat(n), "”".repeat(n));
    let (s, l) = (steps(&deep(MB / 12)), steps(&deep(MB / 6)));
    assert!(l <= 16 * deep(MB / 6).len(), "deep nesting: {l} steps");
    assert!(l * 10 <= s * 22 + 1000, "deep nesting: {s} then {l} steps");
}

/// Text made mostly of marks, letters, spaces and line breaks.
fn marky() -> impl Strategy<Value = String> {
    proptest::string::string_regex("[\"'`“”‘’„‚«»‹›「」『』—a-zA-Z0-9 ,.!?:\n]{0,160}").expect("regex")
}

proptest! {
    /// The `memchr` searches find exactly what the byte table finds.
    #[test]
    fn fast_search_equals_slow_search(text in marky(), styles in 1u8..128) {
        let lex = Lexicons::english();
        let paragraphs = paragraph_spans(&text);
        let fast = scan::pair(&text, &paragraphs, styles, &lex, &mut Work::default());
        let slow = scan::pair_slow(&text, &paragraphs, styles, &lex);
        prop_assert_eq!(fast.quotes, slow.quotes);
    }
}
