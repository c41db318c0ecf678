//! Tests of the whole cue stage: the lexicon, the automaton against the
//! naive matcher, frames and the non-cue filter.

use super::*;
use crate::output::{CueClass, Stance};
use proptest::prelude::*;

/// The English matcher, built once for all tests (building the DFA takes
/// a while in a debug build).
fn english() -> &'static CueMatcher {
    static M: std::sync::LazyLock<CueMatcher> = std::sync::LazyLock::new(|| CueMatcher::english().unwrap());
    &M
}

/// The cues of `text`, as text.
fn cues<'h>(m: &CueMatcher, text: &'h str) -> Vec<&'h str> {
    m.find_iter(text).map(|h| &text[h.span]).collect()
}

/// The lemma of the single cue in `text`.
fn lemma_of(m: &CueMatcher, text: &str) -> String {
    let hits = m.find_all(text);
    assert_eq!(hits.len(), 1, "{text:?}: {:?}", cues(m, text));
    m.entry(hits[0]).map(|e| e.lemma.to_string()).unwrap_or_default()
}

#[test]
fn lexicon_size_and_classes() {
    let m = english();
    let verbs = parse_entries("cues", CUES, &Inflector::english().unwrap()).unwrap();
    assert!(verbs.len() >= 300, "only {} verb lemmas", verbs.len());
    for class in [CueClass::Speech, CueClass::Writing, CueClass::Thought, CueClass::Belief] {
        assert!(verbs.iter().filter(|e| e.class == class).count() >= 10, "{class:?}");
    }
    assert!(verbs.iter().any(|e| e.class == CueClass::Evidence && &*e.lemma == "show"));
    // Lemmas are unique, so a later entry cannot silently shadow one.
    let mut lemmas: Vec<&str> = m.entries.iter().map(|e| &*e.lemma).collect();
    lemmas.sort_unstable();
    let n = lemmas.len();
    lemmas.dedup();
    assert_eq!(lemmas.len(), n, "duplicate lemmas");
}

/// (lemma, class, stance): spot checks that the file is classed sensibly.
const CLASSED: &[(&str, CueClass, Stance)] = &[
    ("say", CueClass::Speech, Stance::Neutral),
    ("underscore", CueClass::Speech, Stance::Neutral),
    ("claim", CueClass::Speech, Stance::Evaluative),
    ("admit", CueClass::Speech, Stance::Evaluative),
    ("concede", CueClass::Speech, Stance::Evaluative),
    ("insist", CueClass::Speech, Stance::Evaluative),
    ("tweet", CueClass::Writing, Stance::Neutral),
    ("write", CueClass::Writing, Stance::Neutral),
    ("think", CueClass::Thought, Stance::Neutral),
    ("wonder", CueClass::Thought, Stance::Neutral),
    ("believe", CueClass::Belief, Stance::Neutral),
    ("fear", CueClass::Belief, Stance::Neutral),
    ("statement", CueClass::Writing, Stance::Neutral),
];

#[test]
fn classes_and_stances() {
    let m = english();
    for &(lemma, class, stance) in CLASSED {
        let e = m.entries.iter().find(|e| &*e.lemma == lemma).unwrap_or_else(|| panic!("no {lemma}"));
        assert_eq!((e.class, e.stance), (class, stance), "{lemma}");
    }
}

/// (text, the cues the matcher must find there).
const FINDS: &[(&str, &[&str])] = &[
    ("It was unsaid. According to her, he said; she underscored it.", &["According to", "said", "underscored"]),
    ("He told us, she wrote, they spoke, we thought.", &["told", "wrote", "spoke", "thought"]),
    ("She had written it; he has spoken.", &["written", "spoken"]),
    ("He pointed out that she made it clear.", &["pointed out", "made it clear"]),
    ("He went on to say it; she was quoted as saying so.", &["went on to say", "quoted as saying"]),
    ("But he wanted to know, and she wants to know why.", &["wanted to know", "wants to know"]),
    ("He admitted it, she quipped, they slammed it.", &["admitted", "quipped", "slammed"]),
    ("So-called experts, SAID the man.", &["SAID"]),
    ("Havel said in a statement that", &["said in a statement"]),
    ("Havel said in a written statement on Friday", &["said in a written statement"]),
    ("Havel said in a statement released on Friday", &["said in a statement released"]),
    ("The minister told reporters on Friday", &["told reporters"]),
    ("Trump wrote on Twitter: “No.”", &["wrote on Twitter"]),
    ("In a statement, the ministry said", &["In a statement", "said"]),
    ("said  in a statement", &["said  in a statement"]),
    ("said\nin a statement", &["said", "in a statement"]),
    ("“Yes,” she sighed. “No,” he grumbled. “Oh,” they murmured.", &["sighed", "grumbled", "murmured"]),
    ("The port will close, the official noted. His latest tweet, a series of tweets.", &["noted"]),
    (
        "Gov. Ana Ruiz (R-OH), said, “No.” He issued a statement, saying, “Yes.”",
        &["said", "issued a statement", "saying"],
    ),
    ("Another tweeted, “No.” “Vote,” a voice-over in the ad states.", &["tweeted", "states"]),
    ("é€ “Hm,” said Ana; 🙂 she cried.", &["said", "cried"]),
    // A capitalised preposition in mid sentence is a name, not `from _`.
    ("“No,” Al From said. “No,” From said. A letter from Ed.", &["said", "said"]),
];

#[test]
fn finds_forms_and_frames() {
    let m = english();
    for (text, want) in FINDS {
        assert_eq!(cues(m, text), *want, "{text:?}");
    }
}

#[test]
fn a_frame_takes_the_verb_lemma() {
    let m = english();
    assert_eq!(lemma_of(m, "She said in an interview"), "say");
    assert_eq!(lemma_of(m, "In an interview, she"), "interview");
    assert_eq!(lemma_of(m, "reporters asked her"), "ask");
}

/// (text, why none of its cue words is a cue).
const NOT_CUES: &[(&str, &str)] = &[
    ("The said property was sold.", "adjective after an article"),
    ("All told, 300 people came.", "in total"),
    ("She left a note on the desk.", "noun after an article"),
    ("It creates added value.", "adjective"),
    ("The claims process is slow.", "noun after an article"),
    ("The ask price rose.", "trading"),
    ("That costs, say, 10% more.", "for example"),
    ("Needless to say, it rained.", "set phrase"),
    ("It is hard to tell.", "discern"),
    ("Add salt and stir.", "cooking"),
    ("Prices continued to rise.", "aspect verb"),
    ("His claims were false.", "possessive"),
    ("The report's authors left.", "possessive noun"),
    ("He works for the Washington Post now.", "newspaper name"),
    ("She lives in the United States.", "country name"),
    ("That said, we left.", "discourse marker"),
    ("When all is said and done, it is easier said than done.", "idioms"),
    ("It was a close call.", "noun"),
    ("He pleaded guilty.", "plea"),
    ("She was admitted to the hospital.", "hospital"),
    ("He won 50 pledged delegates.", "delegates"),
    ("You are supposed to go.", "obligation"),
    ("“No.” From comments alone.", "sentence-initial preposition"),
    ("It is a far cry from that.", "idiom"),
    ("He won 30 states, including the swing states and other states.", "plural noun"),
    ("Varga gave a snappy retort and a blunt reply.", "noun after an article and an adjective of manner"),
    ("The media are to blame, and nobody else was to blame.", "responsible"),
];

#[test]
fn not_cues_by_the_surrounding_words() {
    let m = english();
    for (text, why) in NOT_CUES {
        assert_eq!(cues(m, text), Vec::<&str>::new(), "{text:?} ({why})");
    }
}

#[test]
fn empty_matcher_finds_nothing() {
    assert!(CueMatcher::empty().find_all("He said so.").is_empty());
}

/// Every standalone form, by pattern index, as the automaton sees them.
fn forms(m: &CueMatcher) -> Vec<&str> {
    m.entries.iter().flat_map(|e| e.forms.iter().filter(|f| f.attach.alone()).map(|f| &*f.text)).collect()
}

/// The automaton's hits equal the naive matcher's.
fn same_as_naive(m: &CueMatcher, text: &str) {
    let forms = forms(m);
    let fast: Vec<(usize, usize, usize)> =
        m.raw_hits(text).into_iter().map(|(s, p)| (s.start, s.end, p as usize)).collect();
    let slow = naive::find_all(&forms, text);
    assert_eq!(fast, slow, "{text:?}");
}

#[test]
fn differential_fixed_cases() {
    let m = english();
    for (text, _) in FINDS.iter().map(|(t, w)| (*t, w)) {
        same_as_naive(m, text);
    }
    for (text, _) in NOT_CUES {
        same_as_naive(m, text);
    }
    for text in [
        "said in a statementary; said-in; unsaid; sAiD; according to-day",
        "told reporterss, told reporters",
        "ésaid saidé _said said_ 9said said9 said",
        "",
        "said",
    ] {
        same_as_naive(m, text);
    }
}

/// A small lexicon whose forms overlap in every way (prefixes, shared
/// words, phrases that end inside a longer word), so random text over its
/// alphabet hits the tricky cases often.
fn tricky() -> CueMatcher {
    let text = "say | speech | neutral | say, says, said, said in, said in a statement\n\
                sin | speech | neutral | sin, a sin, in a\n\
                aid | speech | neutral | aid, aide, ai\n\
                state | speech | neutral | state, statement, a state";
    let entries = parse_entries("tricky", text, &Inflector::default()).unwrap();
    CueMatcher::new(entries, ContextRules::default()).unwrap()
}

/// A cue word of eight bytes (`reported`, `declared`) is read through the
/// tokenizer's hash of its bytes: every such form of the lexicon, in any
/// case, is found from the tokens as in the text.
#[test]
fn eight_byte_cue_words_pass_the_token_filter() {
    let m = english();
    let mut tried = 0;
    for e in &m.entries {
        for f in &e.forms {
            let first = f.text.split(' ').next().unwrap_or_default();
            if first.len() != 8 || !first.bytes().all(crate::ascii::is_ascii_word) {
                continue;
            }
            for w in [first.to_string(), first.to_uppercase(), format!("{}{}", &first[..1].to_uppercase(), &first[1..])]
            {
                let text = format!("She {} it, and {w}: {w}", f.text.replacen(first, &w, 1));
                assert_eq!(cues_from_tokens(m, &text), m.find_all(&text), "{text:?}");
            }
            tried += 1;
        }
    }
    assert!(tried > 20, "only {tried} forms of eight bytes");
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn differential_on_an_overlapping_lexicon(text in "[saidntemAS é_-]{0,40}") {
        same_as_naive(&tricky(), &text);
    }

    #[test]
    fn differential_on_the_english_lexicon(
        words in proptest::collection::vec(
            prop_oneof![
                Just("said"), Just("told"), Just("in"), Just("a"), Just("statement"), Just("according"),
                Just("to"), Just("reporters"), Just("went"), Just("on"), Just("say"), Just("the"),
                Just("unsaid"), Just("so-called"), Just("é"), Just(","), Just("-"), Just("SAID"),
            ],
            0..16,
        ),
        seps in proptest::collection::vec(prop_oneof![Just(" "), Just(""), Just("  "), Just("\n")], 16),
    ) {
        let mut text = String::new();
        for (w, s) in words.iter().zip(&seps) {
            text.push_str(w);
            text.push_str(s);
        }
        same_as_naive(english(), &text);
    }

    /// Any text: hits are in bounds, on char boundaries, in order, not
    /// overlapping, and the iterator agrees with `find_all`.
    #[test]
    fn hits_are_well_formed(text in "\\PC{0,200}") {
        let m = english();
        let hits = m.find_all(&text);
        let mut last = 0;
        for h in &hits {
            prop_assert!(h.span.start >= last && h.span.start < h.span.end && h.span.end <= text.len());
            prop_assert!(text.is_char_boundary(h.span.start) && text.is_char_boundary(h.span.end));
            prop_assert!(m.entry(*h).is_some());
            last = h.span.end;
        }
        prop_assert_eq!(hits, m.find_iter(&text).collect::<Vec<_>>());
    }
}

/// The cues found from a text's tokens, with the words that start no
/// cue marked while tokenizing; the same as without the marks.
/// Each hit's token, where the matcher gives one, is checked to be the
/// token that starts where the hit starts, then left out ([`NO_TOKEN`]), as
/// `find_all` knows no tokens.
fn cues_from_tokens(m: &CueMatcher, text: &str) -> Vec<CueHit> {
    use crate::segment::Segmentation;
    let lex = crate::lexicon::Lexicons::english();
    let without_tokens = |seg: &Segmentation| -> Vec<CueHit> {
        let mut hits = m.find_in_tokens(text, seg);
        for h in &mut hits {
            if h.first != NO_TOKEN {
                let t = seg.tokens.get(h.first as usize).map(|t| t.span.start);
                assert_eq!(t, Some(h.span.start), "{text:?}: the token of {h:?}");
            }
            h.first = NO_TOKEN;
        }
        hits
    };
    let hits = without_tokens(&Segmentation::with_cues(text, &lex, Some(m)));
    assert_eq!(hits, without_tokens(&Segmentation::new(text, &lex)), "{text:?}");
    hits
}

#[test]
fn tokens_give_the_same_cues_as_the_text() {
    for text in [
        "",
        "He said so. “We won’t,” she told reporters in a statement, according to AP.",
        "so-called said-x x-said U.S. said don't said 76,981 said_x said\u{301} é said",
        "日本said 日_said said日本 «said» he SAID—she said… “said”",
        "He went on to say it; she was quoted as saying so, pointed  out, according\nto",
        "according                                                                    to",
        "\u{0301}said x\u{0301}said said's said’s l'said a.said said.",
    ] {
        assert_eq!(cues_from_tokens(english(), text), english().find_all(text), "{text:?}");
        assert_eq!(cues_from_tokens(&tricky(), text), tricky().find_all(text), "{text:?}");
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    /// Reading word boundaries from the tokens changes nothing: any text
    /// gives the hits of `find_all`.
    #[test]
    fn tokens_give_the_same_cues_on_any_text(text in "(\\PC|[saidtoe _'’.,-]|said |according to |went on to say ){0,60}") {
        prop_assert_eq!(cues_from_tokens(english(), &text), english().find_all(&text));
        prop_assert_eq!(cues_from_tokens(&tricky(), &text), tricky().find_all(&text));
    }

    /// The context rules, which read the words around a hit from the
    /// tokens where they can, reject the hits they reject on the text.
    #[test]
    fn tokens_give_the_same_context_rulings(
        text in "(the |all |needless to |That |Washington |Post |said|told |say|claims|report|added |'s|’s|\\.|, |“|” |\u{1}|\u{a0}|don't |U.S. |5 |it-|-|he |[ A-Za-z]){0,40}"
    ) {
        prop_assert_eq!(cues_from_tokens(english(), &text), english().find_all(&text));
    }
}
