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
    (
        "inch mark inside a quote",
        "“He is like 6’2”, or 5'11\",” she said. “Tall.”",
        &["He is like 6’2”, or 5'11\",", "Tall."],
    ),
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
    // A Title Case title opening its sentence, followed by its verb.
    assert!(term("It premiered in May. \u{201c}The Harbour Years\u{201d} was nominated for an award."));
    assert!(!term("It premiered in May. \u{201c}The Harbour Years.\u{201d} She smiled."));
    assert!(!term("It premiered in May. \u{201c}Good Morning\u{201d} she said."));
}

/// The contents of the quotes of `text` that the fiction rules make firm
/// terms (letters, phrases run into the narration).
fn fiction_terms(text: &str) -> Vec<String> {
    let lex = Lexicons::english();
    let paragraphs = paragraph_spans(text);
    let mut q = QuoteScanner::new(0xFF).scan(text, &paragraphs, &lex);
    let m = matcher();
    let cues = m.find_all(text);
    mark_fiction_terms(text, &paragraphs, &mut q, &cues, &m, &lex);
    q.iter().filter(|q| q.firm).map(|q| text[q.inner].to_string()).collect()
}

/// (name, text, the contents the fiction rules make firm terms).
const RUN_IN_PHRASES: &[(&str, &str, &[&str])] = &[
    ("after a determiner", "The lamp gave the room a \"cosy glow\" at dusk.", &["cosy glow"]),
    ("after a possessive", "He praised her \"Sunday manner,\" and left.", &["Sunday manner,"]),
    ("after a naming verb", "They hid in what the boys called \"the den.\"", &["the den."]),
    ("lower case after a preposition", "It was a matter of \"keeping up appearances.\"", &["keeping up appearances."]),
    ("capitalised after a preposition", "Cries of \"Fire in the mill.\" rose.", &[]),
    ("exclamation after a naming verb", "The captain called \"Halt!\" and they stopped.", &[]),
    ("question after a determiner", "With a \"Who goes there?\" the guard stepped out.", &[]),
    ("after a verb of saying", "Then he said \"good night,\" and went up.", &[]),
    ("after a comma", "Then he said, \"good night,\" and went up.", &[]),
    ("opening the paragraph", "\"The room,\" she said.", &[]),
    ("glued to a longer word", "It was overthe \"Edge\" of reason.", &[]),
];

#[test]
fn run_in_phrases() {
    for &(name, text, want) in RUN_IN_PHRASES {
        assert_eq!(fiction_terms(text), want, "case {name:?}: {text:?}");
    }
}

/// (name, text, the contents the fragment rule makes firm terms).
const FRAGMENTS: &[(&str, &str, &[&str])] = &[
    (
        "lower case after a word, in narration",
        "The shore road was \"woodsy and wild and lonesome.\" Firs lined it.",
        &["woodsy and wild and lonesome."],
    ),
    ("lower case after a comma", "By night she was, as usual, \"quite worn out\" and cross.", &["quite worn out"]),
    ("a verb of saying before it", "Mr. Hurst said he was \"very glad,\" and bowed.", &[]),
    (
        "a verb of saying in an earlier sentence",
        "He said nothing. The road was \"woodsy and wild.\"",
        &["woodsy and wild."],
    ),
    ("a verb of thinking does not keep it", "Owl wondered how to spell \"birthday.\"", &["birthday."]),
    ("a capital", "The shore road was \"Woodsy and wild and lonesome.\" Firs lined it.", &[]),
    ("after a sentence's end", "He stopped. \"and then you went home?\"", &[]),
    ("the second part of an interrupted utterance", "\"Mary\" his voice was quiet now \"are you in love?\"", &[]),
    (
        "after another fragment",
        "Her cuttings were either \"quite splendid\" or \"really too bad for words.\"",
        &["quite splendid", "really too bad for words."],
    ),
];

#[test]
fn fragments() {
    for &(name, text, want) in FRAGMENTS {
        assert_eq!(fiction_terms(text), want, "case {name:?}: {text:?}");
    }
}

/// (name, text, the contents the letter rule makes firm terms).
const LETTERS: &[(&str, &str, &[&str])] = &[
    (
        "heading, salutation, body, sign-off, signature",
        "Rosa opened the envelope.\n\n\"Elm Lodge,\"\n\n\"Monday.\"\n\n\"My dear Rosa,\"\n\n\"The roof leaks again. Come soon.\"\n\n\"Your loving\"\n\n\"AUNT BEE.\"\n\nShe laughed and put it away.\n\n\"Well?\" asked Tom.",
        &["Elm Lodge,", "Monday.", "My dear Rosa,", "The roof leaks again. Come soon.", "Your loving", "AUNT BEE."],
    ),
    (
        "salutation set off in the first line of the body",
        "The note ran thus:\n\n\"Dearest Kit,  the carriage is ordered for nine.\"\n\n\"Bring the blue shawl.\"\n\nKit folded it.",
        &["Dearest Kit,  the carriage is ordered for nine.", "Bring the blue shawl."],
    ),
    (
        "narration ends the letter without a sign-off",
        "\"Sir,\"\n\n\"I decline.\"\n\nHe threw it down.\n\n\"Insolent!\" he cried.",
        &["Sir,", "I decline."],
    ),
    (
        "a signature in capitals after a quote alone",
        "\"Come at once.\"\n\n\"J. MARLOWE.\"\n\nHe went at once.",
        &["J. MARLOWE."],
    ),
    (
        "a vocative opening dialogue is no salutation",
        "\"My dear Rosa, the roof leaks again,\" said her aunt.\n\n\"Then mend it.\"",
        &[],
    ),
    ("a salutation run on with a single space is dialogue", "\"My dear Rosa, you must come.\"\n\n\"I will.\"", &[]),
    ("a sign-off word in dialogue", "\"Yours is the blue one.\"\n\n\"Thank you.\"", &[]),
    ("a shout in capitals is no signature", "He ran in.\n\n\"FIRE!\"\n\n\"Where?\"", &[]),
    ("a salutation that is not alone in its paragraph", "\"Dear me,\" she sighed.\n\n\"What now?\"", &[]),
    (
        "introduced as a written text, up to the narration",
        "A card came by the noon post. It ran as follows:\n\n\"Gone to the coast.\"\n\n\"Back on Monday.\"\n\nShe frowned.\n\n\"Well?\"",
        &["Gone to the coast.", "Back on Monday."],
    ),
    ("a telegram", "He was handed the following telegram:\n\n\"Arrive noon. Meet me.\"", &["Arrive noon. Meet me."]),
    ("a verb of saying in the introduction", "He stood and spoke as follows:\n\n\"Friends, the mill is closed.\"", &[]),
    ("an introduction without a written text", "Then he turned to her:\n\n\"Come along.\"", &[]),
    ("a written text named in an earlier sentence", "She read the letter. Then she turned:\n\n\"Come along.\"", &[]),
];

#[test]
fn letters() {
    for &(name, text, want) in LETTERS {
        assert_eq!(fiction_terms(text), want, "case {name:?}: {text:?}");
    }
}

/// (name, text, the contents the imagined-speech rule makes firm terms).
const IMAGINED: &[(&str, &str, &[&str])] = &[
    (
        "felt like, before the quote",
        "Tom shrugged.\n\nHe felt like retorting: \"Then go alone.\" But he kept still.",
        &["Then go alone."],
    ),
    ("a wish with a to-phrase", "She wished to say to Harriet: \"Do not wait for me.\"", &["Do not wait for me."]),
    ("a look as if to say", "Nell glanced at the clock as if to say, \"Late again.\"", &["Late again."]),
    ("as if she had said", "He took it calmly, as if she had said: \"The kettle is on.\"", &["The kettle is on."]),
    ("counterfactual", "His uncle would have said, \"Waste not.\" He was gone now.", &["Waste not."]),
    (
        "a closing tag and the part after it",
        "\"Be brave,\" it seemed to say. \"The worst is over.\"\n\nShe smiled.",
        &["Be brave,", "The worst is over."],
    ),
    ("a closing tag ending the paragraph", "\"Not tonight,\" he longed to answer", &["Not tonight,"]),
    ("a look which meant", "She gave him a look which meant, \"Not here.\"", &["Not here."]),
    ("a tone that implied", "\"Oh,\" she said, in a tone that implied: \"How dull.\"", &["How dull."]),
    ("a verb of meaning in the sentence before", "He meant it. \"Go,\" she said.", &[]),
    ("said aloud", "Tom shrugged.\n\nHe said: \"Then go alone.\"", &[]),
    ("habitual speech is annotated as said", "Every winter his aunt would say, \"Close the door.\"", &[]),
    ("a frame before a verb with an object", "He stopped, as if she had interrupted a long story, \"Well?\"", &[]),
    ("a tag in a new sentence", "\"It is late.\" He felt like answering, but said nothing.", &[]),
    ("a longed-for answer after a said quote", "\"No, sir,\" she said.\n\nShe said again, \"No.\"", &[]),
];

#[test]
fn imagined_speech() {
    for &(name, text, want) in IMAGINED {
        assert_eq!(fiction_terms(text), want, "case {name:?}: {text:?}");
    }
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
