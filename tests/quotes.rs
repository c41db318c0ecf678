//! The quotation finder through the public API: one table per item of
//! issue 3 (mark styles, apostrophes, direction of straight marks, nesting,
//! multi-paragraph and interrupted quotations, unbalanced input, terms),
//! then properties on arbitrary text.

use proptest::prelude::*;
use whosaid::{Attributor, Closure, MarkedQuote, QuoteKind, QuoteStyle, Span};

/// The contents of the quotes the finder reports in `text`.
fn contents(at: &Attributor, text: &str) -> Vec<String> {
    at.quotes(text).map(|q| text[q.content()].to_string()).collect()
}

/// (case name, text, contents of every quote, in order).
type Case = (&'static str, &'static str, &'static [&'static str]);

const MARK_STYLES: &[Case] = &[
    ("straight double", "\"We stay,\" she said.", &["We stay,"]),
    ("straight single", "'We stay,' she said.", &["We stay,"]),
    ("curly double", "“We stay,” she said.", &["We stay,"]),
    ("curly single", "‘We stay,’ she said.", &["We stay,"]),
    ("guillemets «»", "« Nous restons », dit-elle.", &["Nous restons"]),
    ("guillemets »«", "»Wir bleiben«, sagte sie.", &["Wir bleiben"]),
    ("single guillemets ‹›", "‹Nous restons›, dit-elle.", &["Nous restons"]),
    ("single guillemets ›‹", "›Wir bleiben‹, sagte sie.", &["Wir bleiben"]),
    ("low-high double", "„Wir bleiben“, sagte sie.", &["Wir bleiben"]),
    ("low-high single", "‚Wir bleiben‘, sagte sie.", &["Wir bleiben"]),
    ("corner brackets", "她说「我们留下」。", &["我们留下"]),
    ("white corner brackets", "她说『我们留下』。", &["我们留下"]),
    ("typeset ``…''", "``We stay,'' she said.", &["We stay,"]),
    ("Gutenberg `…'", "`We stay,' she said.", &["We stay,"]),
    ("curly opener, straight closer", "“We stay.\" she said.", &["We stay."]),
    (
        "dash dialogue",
        "—We stay, she said. All of us.\n\n—Why? he asked.\n\n—Because.\n\nThey stayed.",
        &["We stay,", "All of us.", "Why?", "Because."],
    ),
];

const APOSTROPHES: &[Case] = &[
    ("don't", "I don't know what you mean.", &[]),
    ("rock 'n' roll", "They played rock 'n' roll all night.", &[]),
    ("the '90s", "It was the '90s, and the ’80s before.", &[]),
    ("plural possessive", "We met at the Joneses' house.", &[]),
    ("o'clock", "It is ten o'clock.", &[]),
    ("'tis", "'Tis a pity, and 'twas ever so.", &[]),
    ("ma'am", "Yes, ma'am, right away.", &[]),
    ("dialect 'em", "Give 'em a chance.", &[]),
    ("dialect goin'", "He was goin' home.", &[]),
    ("mistyped apostrophe", "You shouldn‘t have.", &[]),
    (
        "British dialogue",
        "‘I don’t know,’ said Alice, ‘it’s the Joneses’ cat.’",
        &["I don’t know,", "it’s the Joneses’ cat."],
    ),
    ("British straight dialogue", "'It's ten o'clock,' he said.", &["It's ten o'clock,"]),
    ("rock 'n' roll inside a quote", "'We like rock 'n' roll,' he said.", &["We like rock 'n' roll,"]),
    ("year inside a quote", "‘Back in the ’90s,’ she said.", &["Back in the ’90s,"]),
];

const DIRECTION: &[Case] = &[
    ("alternating pairs", "\"One,\" he said. \"Two,\" she said. \"Three.\"", &["One,", "Two,", "Three."]),
    ("spaced marks", "They said \" we are here \" and left.", &["we are here"]),
    ("bad curly conversion", "”Hi,” she said.", &["Hi,"]),
    ("inch mark", "He is 6'2\" and she said \"tall.\"", &["tall."]),
    ("quote after a bracket", "(\"Never,\" he said.)", &["Never,"]),
    ("quote after a dash", "He said—\"Never.\"", &["Never."]),
];

const NESTING: &[Case] = &[
    (
        "double outside single",
        "\"He told me, 'Don't go,' and left,\" she said.",
        &["He told me, 'Don't go,' and left,", "Don't go,"],
    ),
    ("single outside double", "‘He said “no”,’ she said.", &["He said “no”,", "no"]),
    ("curly inside curly", "“He said “no” twice,” she said.", &["He said “no” twice,", "no"]),
];

const UNBALANCED: &[Case] = &[
    ("missing closer", "\"We will stay, she said.\nThen \"Bye,\" he said.", &["We will stay, she said.", "Bye,"]),
    ("stray closer", "It ended” and then “Hi,” she said.", &["Hi,"]),
    ("lone mark", "\"", &[]),
    ("empty quote", "It was \"\" then.", &[]),
];

#[test]
fn every_mark_style() {
    let at = Attributor::new();
    for &(name, text, want) in MARK_STYLES {
        assert_eq!(contents(&at, text), want, "case {name:?}: {text:?}");
    }
}

#[test]
fn mark_styles_are_selectable() {
    let text = "\"Straight,\" she said. “Curly,” he said. «Angle», dit-il.";
    let all = Attributor::new();
    assert_eq!(contents(&all, text), ["Straight,", "Curly,", "Angle"]);
    let no_straight = Attributor::builder().quote_style(QuoteStyle::Straight, false).build().unwrap();
    assert_eq!(contents(&no_straight, text), ["Curly,", "Angle"]);
    let no_curly = Attributor::builder().quote_style(QuoteStyle::Curly, false).build().unwrap();
    assert_eq!(contents(&no_curly, text), ["Straight,", "Angle"]);
    let mut only = Attributor::builder();
    for s in QuoteStyle::ALL {
        only.quote_style(s, s == QuoteStyle::Guillemets);
    }
    assert_eq!(contents(&only.build().unwrap(), text), ["Angle"]);
    let dialogue = "—One.\n\n—Two.\n\n—Three.";
    let no_dash = Attributor::builder().quote_style(QuoteStyle::Dash, false).build().unwrap();
    assert_eq!(contents(&all, dialogue), ["One.", "Two.", "Three."]);
    assert!(contents(&no_dash, dialogue).is_empty());
}

#[test]
fn apostrophes_are_not_quotation_marks() {
    let at = Attributor::new();
    for &(name, text, want) in APOSTROPHES {
        assert_eq!(contents(&at, text), want, "case {name:?}: {text:?}");
    }
}

#[test]
fn direction_of_straight_marks_comes_from_context() {
    let at = Attributor::new();
    for &(name, text, want) in DIRECTION {
        assert_eq!(contents(&at, text), want, "case {name:?}: {text:?}");
    }
    // A stray mark in one paragraph does not shift the pairs of a long
    // document: every later paragraph still pairs.
    let mut long = String::from("A stray \" mark.\n");
    for i in 0..500 {
        long.push_str(&format!("\"Line {i},\" she said. \"More.\"\n"));
    }
    let found = contents(&at, &long);
    assert_eq!(found.len(), 1001, "the stray mark opens one unclosed quote, then 1000 pairs");
    assert_eq!(found[1000], "More.");
    assert_eq!(found[999], "Line 499,");
}

#[test]
fn nested_quotes_are_reported_inside_their_parent() {
    let at = Attributor::new();
    for &(name, text, want) in NESTING {
        let found: Vec<MarkedQuote> = at.quotes(text).collect();
        let got: Vec<&str> = found.iter().map(|q| &text[q.content()]).collect();
        assert_eq!(got, want, "case {name:?}: {text:?}");
        assert_eq!((found[0].depth(), found[0].parent()), (0, None), "case {name:?}");
        assert_eq!((found[1].depth(), found[1].parent()), (1, Some(0)), "case {name:?}");
    }
    // The attribution keeps the nested quote out of the speech.
    let doc = at.attribute(NESTING[0].1);
    let top: Vec<_> = doc.speech().filter(|q| q.parent().is_none()).collect();
    assert_eq!(top.len(), 1);
    assert_eq!(top[0].attribution().map(|a| doc.text_of(a.mention())), Some("she"));
}

#[test]
fn multi_paragraph_quotation_is_one_quotation() {
    let at = Attributor::new();
    for text in [
        "“The port will open in May.\n“The cranes are here.\n“We are ready,” said Ana Ruiz.",
        "\"The port will open in May.\n\n\"The cranes are here.\n\n\"We are ready,\" said Ana Ruiz.",
    ] {
        let found: Vec<MarkedQuote> = at.quotes(text).collect();
        let closures: Vec<Closure> = found.iter().map(|q| q.closure()).collect();
        assert_eq!(closures, [Closure::ContinuesNext, Closure::ContinuesNext, Closure::Closed], "{text:?}");
        assert_eq!(found[1].continues_from(), Some(0));
        assert_eq!(found[2].continues_from(), Some(1));
        // One quotation: one group, one speaker.
        let doc = at.attribute(text);
        let groups: Vec<u32> = doc.quotes().iter().map(|q| q.group()).collect();
        assert!(groups.iter().all(|&g| g == groups[0]), "{groups:?}");
        for q in doc.quotes() {
            assert_eq!(q.attribution().map(|a| a.speaker_name()), Some("Ana Ruiz"));
        }
    }
}

#[test]
fn interrupted_quotation_shares_group_and_speaker() {
    let at = Attributor::new();
    for text in [
        "“We will stay,” said Ana Ruiz, “and we will help.”",
        "\"We will stay,\" she said, \"and we will help.\"",
        "‘We will stay,’ Ana Ruiz said, ‘and we will help.’",
    ] {
        let doc = at.attribute(text);
        let q = doc.quotes();
        assert_eq!(q.len(), 2, "{text:?}");
        assert_eq!(q[0].group(), q[1].group(), "{text:?}");
        let speakers: Vec<_> = q.iter().map(|q| q.attribution().map(|a| a.speaker())).collect();
        assert!(speakers[0].is_some() && speakers[0] == speakers[1], "{text:?}");
    }
}

#[test]
fn unbalanced_input_recovers_at_the_paragraph() {
    let at = Attributor::new();
    for &(name, text, want) in UNBALANCED {
        assert_eq!(contents(&at, text), want, "case {name:?}: {text:?}");
    }
    let found: Vec<MarkedQuote> = at.quotes(UNBALANCED[0].1).collect();
    assert_eq!(found[0].closure(), Closure::Unclosed);
    assert_eq!(found[1].closure(), Closure::Closed);
    // The unclosed quote ends with its paragraph, not the document.
    assert!(!UNBALANCED[0].1[found[0].span()].contains('\n'));
}

#[test]
fn titles_and_scare_quotes_are_terms() {
    let at = Attributor::new();
    // (text, whether the first quote is a term)
    let cases: &[(&str, bool)] = &[
        ("The so-called \"reform\" failed.", true),
        ("They saw a film called 'Heat' last night.", true),
        ("She appeared on NBC's \"Meet the Press,\" then left.", true),
        ("The \"younger set,\" in which she moved, laughed.", true),
        ("\"We will win this fight.\"", false),
        ("\"Yes.\"", false),
        ("He paused. \"Never mind.\"", false),
    ];
    for &(text, term) in cases {
        let q = at.quotes(text).next().expect("a quote");
        assert_eq!(q.is_term(), term, "{text:?}");
    }
    // A reporting cue before a short run-in quote makes it a mixed
    // quotation: the full analysis, which finds the cues, keeps it speech;
    // the finder alone, which does not look for cues, calls it a term.
    let text = "She called the plan \"dead on arrival,\" and left.";
    assert!(at.quotes(text).next().expect("a quote").is_term());
    assert!(at.attribute(text).quotes()[0].kind().is_speech());
    // A term is not speech, unless a cue attributes it.
    let doc = at.attribute("The so-called \"reform\" failed.");
    assert_eq!(doc.quotes()[0].kind(), QuoteKind::Term);
    assert_eq!(doc.speech().count(), 0);
    let doc = at.attribute("\"Heat,\" said Ana Ruiz.");
    assert_eq!(doc.quotes()[0].kind(), QuoteKind::Direct);
}

/// Text made mostly of quotation marks, apostrophes, dashes, letters,
/// spaces and line breaks, plus any character at all.
fn marky() -> impl Strategy<Value = String> {
    prop_oneof!["[\"'`“”‘’„‚‛‟«»‹›「」『』—a-zA-Zé0-9 ,.!?:;\n]{0,300}", any::<String>(),]
}

/// Checks the guarantees of one result of `quotes`.
fn check(text: &str, found: &[MarkedQuote]) -> Result<(), TestCaseError> {
    let mut prev_start = 0;
    for (i, q) in found.iter().enumerate() {
        for s in [q.span(), q.content()] {
            prop_assert!(s.start <= s.end && s.end <= text.len(), "span {s:?} out of bounds");
            prop_assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end), "span {s:?}");
        }
        prop_assert!(q.span().start <= q.content().start && q.content().end <= q.span().end);
        prop_assert!(q.span().start >= prev_start, "not in order of start");
        prev_start = q.span().start;
        // Nested or disjoint: never crossing.
        for r in &found[..i] {
            let (a, b): (Span, Span) = (r.span(), q.span());
            let nested = a.start <= b.start && b.end <= a.end;
            let disjoint = a.end <= b.start;
            prop_assert!(nested || disjoint, "{a:?} and {b:?} cross");
        }
        match q.parent() {
            Some(p) => {
                prop_assert!(p < i);
                let parent = found[p].span();
                prop_assert!(parent.start <= q.span().start && q.span().end <= parent.end);
                prop_assert_eq!(q.depth(), found[p].depth() + 1);
            }
            None => prop_assert_eq!(q.depth(), 0),
        }
        if let Some(c) = q.continues_from() {
            prop_assert!(c < i);
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn spans_are_valid_nested_and_deterministic(text in marky(), off in proptest::collection::vec(0usize..7, 0..3)) {
        let mut b = Attributor::builder();
        for i in off {
            b.quote_style(QuoteStyle::ALL[i], false);
        }
        let at = b.build().unwrap();
        let found: Vec<MarkedQuote> = at.quotes(&text).collect();
        check(&text, &found)?;
        let again: Vec<MarkedQuote> = at.quotes(&text).collect();
        prop_assert_eq!(&found, &again);
        // The full analysis keeps the same guarantees.
        let doc = at.attribute(&text);
        for q in doc.quotes() {
            let s = q.span();
            prop_assert!(s.start <= s.end && s.end <= text.len());
            prop_assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
        }
    }
}

#[test]
fn a_title_case_quote_after_a_comma_is_a_title_in_news() {
    let at = whosaid::Attributor::new();
    // A book in an apposition, a show in a list, a play opening its
    // paragraph as a verb's subject: titles, not speech.
    let doc = at.attribute(
        "Reporters have been reading her new book, \u{201c}Bridges of Ostrava,\u{201d} for clues.\nShe appeared on three shows, \u{201c}Harbour Talk,\u{201d} \u{201c}Morning Tolls\u{201d} and more.\n\u{201c}Sons of Ostrava\u{201d} is an adaptation of a play.\nShe had roles in \u{201c}Harbour Talk,\u{201d} \u{201c}Ferry Days,\u{201d} and more.",
    );
    assert_eq!(doc.speech().count(), 0, "{:?}", doc.speech().collect::<Vec<_>>());
    // A tag still makes one speech.
    let doc = at.attribute("Varga said, \u{201c}Lower The Tolls Now.\u{201d}");
    let speech: Vec<&str> = doc.speech().map(|q| doc.text_of(q.content())).collect();
    assert_eq!(speech, ["Lower The Tolls Now."]);
}

#[test]
fn a_single_quoted_paragraph_in_a_double_quoted_story_is_a_subhead() {
    let at = whosaid::Attributor::new();
    let text = "\u{201c}The tolls stay,\u{201d} Varga said.\n\u{201c}The ferry goes,\u{201d} she added.\n\u{201c}We will see,\u{201d} Ruiz said.\n'A really tough decision.'\nThe council met on Monday.";
    let doc = at.attribute(text);
    let speech: Vec<&str> = doc.speech().map(|q| doc.text_of(q.content())).collect();
    assert_eq!(speech, ["The tolls stay,", "The ferry goes,", "We will see,"]);
    // Where single marks are the house style, the same paragraph is speech.
    let text = "'The tolls stay,' Varga said.\n'The ferry goes,' she added.\n'A really tough decision.'\nThe council met on Monday.";
    let doc = at.attribute(text);
    assert_eq!(doc.speech().count(), 3, "{:?}", doc.speech().collect::<Vec<_>>());
}
