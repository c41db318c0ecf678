//! Every attribution pattern of the seed article, on texts of our own.
//!
//! Each case lists the expected speech quotes in order, as (a piece of the
//! content, the canonical speaker, the rule).

use whosaid::{Attributor, CueClass, QuoteKind};

struct Case {
    name: &'static str,
    text: &'static str,
    /// (content contains, speaker, rule)
    expect: &'static [(&'static str, &'static str, &'static str)],
}

const CASES: &[Case] = &[
    Case {
        name: "colon intro then pronoun tag",
        text: "The agency interviewed Valdoria's ambassador to the council, Marisol Quintero, who gave these comments:\n\
               “We have waited long enough, and we will not wait again,” she said.",
        expect: &[("We have waited", "Marisol Quintero", "trailing_tag")],
    },
    Case {
        name: "nominal resolved through a role link",
        text: "Valdoria's Permanent Representative to the council, Marisol Quintero, spoke on Monday.\n\
               “Our ships will stay in the harbour,” the diplomat said.",
        expect: &[("Our ships", "Marisol Quintero", "trailing_tag")],
    },
    Case {
        name: "unquoted report closed by a tag",
        text: "Marisol Quintero, the ambassador, arrived late.\n\
               The fleet is strong enough to keep the routes open on its own, the diplomat noted.",
        expect: &[("The fleet is strong", "Marisol Quintero", "clause_then_tag")],
    },
    Case {
        name: "inverted tag far from the end, with a long apposition",
        text: "“We are very glad” about the vote, said Oriane Castel, head of the Harbour Pilots Union, a guild that has split from most other trade groups and backed the mayor.",
        expect: &[("We are very glad", "Oriane Castel", "clause_then_tag")],
    },
    Case {
        name: "a weekday editorial reads",
        text: "“Seaweed has shown more spine than the council,” reads a Friday editorial in The Harbour Gazette.",
        expect: &[("Seaweed has shown", "editorial", "trailing_tag")],
    },
    Case {
        name: "trailing tag opened by as",
        text: "Oriane Castel hosts the show.\nThe race “is a dead heat right now,” as Castel said on the radio on Monday, which only raises the stakes.",
        expect: &[("dead heat", "Oriane Castel", "trailing_tag")],
    },
    Case {
        name: "tag sentence after a circumstance",
        text: "On the other side, Sen. Oriane Castel (R-Ore.), a candidate who has made the harbour the centre of her campaign, tweeted a warning. “Remember in November who closed the port.”",
        expect: &[("Remember in November", "Oriane Castel", "leading_tag")],
    },
    Case {
        name: "a list of questions after a colon, behind a circumstance",
        text: "At her news conference in Lima on Monday, the mayor's first three questioners ranged from wary to hostile: “Is it time to change course?” . . . “Have you misjudged the port?” . . . “Will you resign?”",
        expect: &[
            ("Is it time", "questioners", "sentence_subject"),
            ("Have you misjudged", "questioners", "continuation"),
            ("Will you resign", "questioners", "continuation"),
        ],
    },
    Case {
        name: "relative clause with a copula and no closing comma",
        text: "“The new toll raises questions about whether the council can be trusted,” Oriane Castel, who is chair of the Harbour Pilots Fund said in a statement.",
        expect: &[("The new toll", "Oriane Castel", "trailing_tag")],
    },
    Case {
        name: "a verb inside the relative clause is not the tag's",
        text: "“The pilots are under a lot of pressure,” a harbour source, who was not authorized to speak on the record, told the Courier.",
        expect: &[("The pilots", "a harbour source", "trailing_tag")],
    },
    Case {
        name: "a term becomes speech through its subject's verb of saying",
        text: "Oriane Castel went to the radio overnight to accuse the council of being “duped” by the builders.\n\
               The mayor has been called “the harbour's friend” by many.",
        expect: &[("duped", "Oriane Castel", "sentence_subject")],
    },
    Case {
        name: "quote-only paragraph continues the previous speaker",
        text: "Marisol Quintero is the envoy.\n\
               “We are ready to sign if the dates are published,” the envoy said,\n\n\
               “If they are not, we will go to the court.”",
        expect: &[
            ("We are ready", "Marisol Quintero", "trailing_tag"),
            ("If they are not", "Marisol Quintero", "continuation"),
        ],
    },
    Case {
        name: "surname resolves to the full name",
        text: "Tomas Eberle chairs the council.\n\
               “The council has kept every promise it made,” Eberle said.",
        expect: &[("The council has kept", "Tomas Eberle", "trailing_tag")],
    },
    Case {
        name: "comma outside the closing mark",
        text: "Tomas Eberle spoke to reporters.\n\
               “Nobody wants the port to stay closed one day longer than it must”, he underscored.",
        expect: &[("Nobody wants", "Tomas Eberle", "trailing_tag")],
    },
    Case {
        name: "inverted tag",
        text: "“The inspections are finished,” said Tomas Eberle.",
        expect: &[("inspections", "Tomas Eberle", "trailing_tag")],
    },
    Case {
        name: "leading tag with a colon",
        text: "Eberle told reporters: “The dates will be published on Friday.”",
        expect: &[("dates", "Eberle", "leading_tag")],
    },
    Case {
        name: "leading tag with a bare time phrase before the mark",
        text: "Eberle said on Monday “the dates will be published soon.”",
        expect: &[("dates", "Eberle", "leading_tag")],
    },
    Case {
        name: "interrupted quotation shares the tag",
        text: "“We are ready,” Quintero said, “and we have been ready for months.”",
        expect: &[("We are ready", "Quintero", "trailing_tag"), ("and we have been", "Quintero", "interrupted")],
    },
    Case {
        name: "a second quote in the same paragraph continues",
        text: "“The cranes are idle,” Quintero said on Friday. “The crews are unpaid.”",
        expect: &[("cranes", "Quintero", "trailing_tag"), ("crews", "Quintero", "continuation")],
    },
];

#[test]
fn seed_patterns() {
    let at = Attributor::new();
    for case in CASES {
        let doc = at.attribute(case.text);
        let got: Vec<_> = doc.speech().filter(|q| q.parent().is_none()).collect();
        assert_eq!(got.len(), case.expect.len(), "{}: {:?}", case.name, got);
        for (q, (content, speaker, rule)) in got.iter().zip(case.expect) {
            assert!(
                doc.text_of(q.content()).contains(content),
                "{}: content {:?}",
                case.name,
                doc.text_of(q.content())
            );
            let a = q.attribution().unwrap_or_else(|| panic!("{}: no attribution for {content:?}", case.name));
            assert_eq!(a.speaker_name(), *speaker, "{}: speaker of {content:?}", case.name);
            assert_eq!(a.rule().as_str(), *rule, "{}: rule of {content:?}", case.name);
        }
    }
}

#[test]
fn indirect_report_has_indirect_kind_and_clause_span() {
    let text = "Marisol Quintero is the ambassador.\nThe fleet can hold the routes alone, the diplomat noted.";
    let doc = Attributor::new().attribute(text);
    let q = doc.speech().next().expect("one report");
    assert_eq!(q.kind(), QuoteKind::Indirect);
    assert_eq!(doc.text_of(q.span()), "The fleet can hold the routes alone");
}

#[test]
fn nested_quote_and_nested_report() {
    let text = "“As the minister said, ‘we will not retreat,’ and we will not,” Quintero said.";
    let doc = Attributor::new().attribute(text);
    let top: Vec<_> = doc.quotes().iter().filter(|q| q.parent().is_none()).collect();
    assert_eq!(top.len(), 1);
    assert_eq!(top[0].attribution().map(|a| a.speaker_name()), Some("Quintero"));
    // The minister's report is nested in the quotation, with its own speaker…
    let report = doc.quotes().iter().find(|q| q.parent() == Some(top[0].id())).expect("nested report");
    assert_eq!(report.kind(), QuoteKind::Indirect);
    assert_eq!(report.attribution().map(|a| a.speaker_name()), Some("the minister"));
    // …and the single-quoted words nest in the report.
    let inner = doc.quotes().iter().find(|q| q.parent() == Some(report.id())).expect("inner quote");
    assert_eq!(doc.text_of(inner.content()), "we will not retreat,");
}

#[test]
fn unattributed_quote_has_no_speaker() {
    let doc = Attributor::new().attribute("The sign read: nothing.\n\n“Go away and never come back here again.”");
    let q = doc.speech().next().expect("a quote");
    assert!(q.attribution().is_none());
}

#[test]
fn pronoun_chain_explains_the_resolution() {
    let text = "Alexandra Petrova runs the mission.\n“We will stay,” Petrova said.\n“We will help,” she added.";
    let doc = Attributor::new().attribute(text);
    let last = doc.speech().last().expect("quotes");
    let a = last.attribution().expect("attributed");
    let chain: Vec<&str> = a.chain().iter().map(|&s| doc.text_of(s)).collect();
    assert_eq!(chain.first(), Some(&"she"));
    assert_eq!(chain.last(), Some(&"Alexandra Petrova"));
}

#[test]
fn a_bare_surname_goes_to_the_prominent_namesake() {
    // Marta Ruiz is the subject of the story; her husband speaks once.
    let text = "Marta Ruiz opened the clinic in May. Ruiz said the beds were full. \
                Ruiz said the nurses would come soon.\n\
                Her husband, Pablo Ruiz, said the roof leaked.\n\
                “We will stay open,” Ruiz said.\n\
                “He means well,” Mrs. Ruiz added.";
    let doc = Attributor::new().attribute(text);
    let speakers: Vec<&str> = doc.speech().filter_map(|q| q.attribution()).map(|a| a.speaker_name()).collect();
    assert_eq!(speakers, ["Marta Ruiz", "Marta Ruiz", "Pablo Ruiz", "Marta Ruiz", "Marta Ruiz"]);
}

#[test]
fn tags_with_long_speakers_and_their_continuations() {
    // (text, the speaker of every quote)
    let cases = [
        ("“The tolls are too high,” Varga, who has proposed cutting them by half, said at the time.", "Varga"),
        ("“The tolls are too high,” state Sen. Ines Varga (D) said. “They must come down.”", "Ines Varga"),
        ("“The tolls are too high,” port chief economist Ines Varga said. “They must come down.”", "Ines Varga"),
        (
            "“The tolls are too high,” said ACLU executive Director Ines Varga in a statement. “They must come down.”",
            "Ines Varga",
        ),
        ("“Welcome, all of you,” said master of ceremonies Pablo Ruiz, a retired engineer.", "Pablo Ruiz"),
        // A bare role after a few modifiers as the apposition.
        ("“The tolls are too high,” Ines Varga, port tolls policy director at the council, said.", "Ines Varga"),
        // A speaker phrase no lexicon knows, and the quote after it.
        ("“The tolls are too high,” the weekly column noted. “They must come down.”", "the weekly column"),
        ("“The tolls are too high,” said the port's chief of staff, Ines Varga. “They must come down.”", "Ines Varga"),
        // A participle or a relative clause of the speaker's own between
        // the quotes.
        ("“The tolls are too high,” Varga said, referring to the bridge fees. “They must come down.”", "Varga"),
        ("“The tolls are too high,” said Varga, who has published a study of them. “They must come down.”", "Varga"),
        // A circumstance between commas before the cue.
        ("\u{201c}The tolls are too high,\u{201d} Varga, after a long pause, said of the bridge.", "Varga"),
        // A sentence that is only a tag, then the quote.
        ("Ines Varga, a port economist, agreed. \u{201c}The tolls are too high.\u{201d}", "Ines Varga"),
        // Reflexive, progressive and contracted subjects before a mixed report.
        ("Varga herself said Tuesday that the tolls were “far too high.”", "Varga"),
        ("Ines Varga is telling drivers at every stop that “the tolls must come down.”", "Ines Varga"),
        ("Ines Varga spoke. She’s claiming that the tolls are “far too high.”", "Ines Varga"),
        // A participle or a relative clause between the speaker and the cue.
        ("Drivers queuing at the bridge chanted “Lower the tolls!” for an hour.", "Drivers"),
        ("The envoy, who represents the port towns, said “the tolls are far too high.”", "The envoy"),
    ];
    let at = Attributor::new();
    for (text, speaker) in cases {
        let doc = at.attribute(text);
        let names: Vec<&str> = doc.speech().map(|q| q.attribution().map_or("?", |a| a.speaker_name())).collect();
        assert!(!names.is_empty() && names.iter().all(|&n| n == speaker), "{text}: {names:?}");
    }
}

#[test]
fn an_untagged_quote_goes_to_its_sentence_subject() {
    let at = Attributor::new();
    for (text, speaker) in [
        ("Ines Varga delivered a short retort: “The tolls stay as they are.”", "Ines Varga"),
        ("The mayor waved away the protest as “a storm in a teacup” on Monday.", "The mayor"),
        (
            "Moreover, in the debate with Pablo Ruiz, Varga held up a study that “the tolls pay for the bridge.”",
            "Varga",
        ),
    ] {
        let doc = at.attribute(text);
        let a = doc.speech().next().and_then(|q| q.attribution()).unwrap_or_else(|| panic!("{text}: no speaker"));
        assert_eq!(a.speaker_name(), speaker, "{text}");
        assert_eq!(a.rule().as_str(), "sentence_subject", "{text}");
        assert!(a.confidence() < 0.9, "{text}: a fallback is not sure");
    }
    // A verb the lexicon knows between the subject and the quotation is
    // its cue.
    let doc = at.attribute(
        "Ines Varga spoke at length about the bridge and its many problems on Monday: \u{201c}The tolls stay.\u{201d}",
    );
    let q = doc.speech().next().expect("a quote");
    assert_eq!(q.attribution().map(|a| a.rule().as_str()), Some("sentence_subject"));
    assert_eq!(q.cue().map(|c| doc.text_of(c.span())), Some("spoke"));
    // So is the cue, even when it names no speaker.
    let doc = at.attribute(
        "For someone who conceded in a debate that she is \"not a natural speaker,\" Ines Varga had a good night.",
    );
    let q = doc.speech().next().expect("a quote");
    assert_eq!(q.cue().map(|c| doc.text_of(c.span())), Some("conceded"));
    // The last such verb: an earlier one stands in the subject's own
    // apposition.
    let doc = at.attribute(
        "But Tomas Eberle, at a consulting firm called Portline, argues that as the port grows, \"the tolls will fall by half,\" too.",
    );
    let q = doc.speech().next().expect("a quote");
    assert_eq!(q.cue().map(|c| doc.text_of(c.span())), Some("argues"));
    // It governs the later quotations of its sentence too.
    let doc = at.attribute(
        "In the jet, she vented to her husband, Tomas Varga, that the merger would be \"ugly,\" \"a shock\" and \"a fight.\"",
    );
    let cues: Vec<_> = doc.speech().map(|q| q.cue().map(|c| doc.text_of(c.span()))).collect();
    assert!(cues.len() > 1 && cues.iter().all(|&c| c == Some("vented")), "{cues:?}");
    // A subject inside the clause of an earlier cue is that clause's: the
    // cue's speaker says the quotation.
    let doc = at.attribute(
        "Although Ines Varga admitted to the council that she and the mayor had \u{201c}been friends for years,\u{201d} the dockers were unmoved.",
    );
    let q = doc.speech().next().expect("a quote");
    assert_eq!(q.attribution().map(|a| a.speaker_name()), Some("Ines Varga"));
    assert_eq!(q.cue().map(|c| doc.text_of(c.span())), Some("admitted"));
    // Else a colon that opens the quotation is, or else the verb after the
    // subject, though the lexicon does not list it.
    let doc = at.attribute("Ines Varga anticipated that the port would face \u{201c}a long and hard winter.\u{201d}");
    let cue = doc.speech().next().and_then(|q| q.cue()).expect("a cue");
    assert_eq!((doc.text_of(cue.span()), cue.lemma(), cue.class()), ("anticipated", "anticipated", CueClass::Unlisted));
    // (The verb before the colon: `closed with a plea:`.)
    let doc = at.attribute("Ines Varga closed with a plea to the crews: \u{201c}Stay home tonight and rest.\u{201d}");
    let cue = doc.speech().next().and_then(|q| q.cue()).expect("a cue");
    assert_eq!(doc.text_of(cue.span()), "closed");
    let doc = at.attribute("Ines Varga, the harbour master, in May: \u{201c}The tolls stay.\u{201d}");
    let q = doc.speech().next().expect("a quote");
    assert_eq!(q.attribution().map(|a| a.rule().as_str()), Some("sentence_subject"));
    assert_eq!(q.cue().map(|c| doc.text_of(c.span())), Some(":"));
    // No subject before the quotation, or a report that names no source:
    // no speaker.
    for text in [
        "“The tolls stay as they are.” The bridge opened in May.",
        "The tolls are widely expected to “stay as they are.”",
    ] {
        let doc = at.attribute(text);
        assert!(doc.speech().all(|q| q.attribution().is_none()), "{text}");
    }
}

#[test]
fn a_continuation_takes_a_participle_cue_of_its_speaker() {
    let at = Attributor::new();
    for (text, cue) in [
        (
            "“The tolls stay,” Ines Varga said, adding a word about the ferry. “And who will pay for the ferry?”",
            "adding",
        ),
        ("“The tolls stay,” Varga said, according to the Gazette. “The ferry goes.”", "according to"),
        // A participle that names what the words were about is not a cue
        // of the part after it.
        ("“The tolls stay,” Varga said, referring to the bridge. “The ferry goes.”", "said"),
        // A participle that reports a clause of its own leaves the part
        // after it to the tag's cue; one that says the words go on takes
        // it.
        ("“The tolls stay,” Varga said, noting that the ferry runs late. “The ferry goes.”", "said"),
        ("“The tolls stay,” Varga said, adding that the ferry runs late. “The ferry goes.”", "adding"),
        // A sentence of its own that ends in a colon introduces the part.
        ("“The tolls stay,” Varga said on Monday. Later that day she went even further: “The ferry goes.”", ":"),
        // Nor is one whose sentence ends before the part.
        ("“The tolls stay,” Varga said, stressing why the ferry matters to the town. “The ferry goes.”", "said"),
    ] {
        let doc = at.attribute(text);
        // (The last part: `…, according to the Gazette.` also wraps the
        // first part in the Gazette's report, so it is not the second
        // quote.)
        let q = doc.speech().last().unwrap_or_else(|| panic!("{text}: no second quote"));
        assert_eq!(q.attribution().map(|a| a.rule().as_str()), Some("continuation"), "{text}");
        assert_eq!(q.cue().map(|c| doc.text_of(c.span())), Some(cue), "{text}");
    }
}

#[test]
fn a_continuation_runs_over_the_tags_own_clauses() {
    let at = Attributor::new();
    for text in [
        // A relative clause of the tag, with a verb of speech in it.
        "“The tolls stay,” Ines Varga said at the dinner, where the mayor also spoke. “The ferry goes.”",
        // A concession inside the tag, with a report of its own.
        "“The tolls stay,” Ines Varga said, though officials have not said the ferry will go. “The ferry goes.”",
        // A report with no source inside the tag.
        "“The tolls stay,” Ines Varga told reporters when asked which plan she would back.\n“The ferry goes.”",
    ] {
        let doc = at.attribute(text);
        let speakers: Vec<_> = doc
            .speech()
            .filter(|q| q.kind() == QuoteKind::Direct)
            .map(|q| q.attribution().map(|a| a.speaker_name()))
            .collect();
        assert_eq!(speakers, [Some("Ines Varga"), Some("Ines Varga")], "{text}");
    }
}

#[test]
fn a_participle_tag_skips_fronted_time_place_and_datelines() {
    let at = Attributor::new();
    for (text, speaker) in [
        ("Hours later, Varga thanked the crew, telling reporters, \u{201c}The tolls stay.\u{201d}", "Varga"),
        (
            "Outside the town hall in downtown Ostrava, about forty protesters gathered, chanting \u{201c}No tolls!\u{201d}",
            "protesters",
        ),
        (
            "Appearing before cheering supporters at the port, Ines Varga said the tolls would fall but added, \u{201c}Not this year.\u{201d}",
            "Ines Varga",
        ),
        (
            "At a meeting in Aspen, Colo., Ines Varga ended her speech by quoting \u{201c}the tolls stay.\u{201d}",
            "Ines Varga",
        ),
        (
            "On Tuesday in Ostrava, Gov. Ines Varga (D-OS), said, \u{201c}The tolls stay.\u{201d}",
            "Gov. Ines Varga (D-OS)",
        ),
        (
            "OSTRAVA, May 3 (Gazette) \u{2014} The Ostrava Port Authority issued a statement on Monday, offering \u{201c}a full apology\u{201d} to the crews.",
            "The Ostrava Port Authority",
        ),
    ] {
        let doc = at.attribute(text);
        let q = doc.speech().next().unwrap_or_else(|| panic!("{text}: no quote"));
        let a = q.attribution().unwrap_or_else(|| panic!("{text}: no speaker"));
        assert_eq!(doc.text_of(a.mention()), speaker, "{text}");
    }
}

#[test]
fn a_document_or_a_prepositional_object_does_not_speak_through_a_participle() {
    let at = Attributor::new();
    for text in [
        "Ines Varga posted a message on Tuesday declaring that the tolls are \u{201c}here to stay.\u{201d}",
        "Ines Varga answered the mayor's messages by saying, \u{201c}The tolls stay.\u{201d}",
        // Nor the object of a preposition.
        "Ines Varga sent a letter to supporters stating, \u{201c}The tolls stay.\u{201d}",
    ] {
        let doc = at.attribute(text);
        let q = doc.speech().next().unwrap_or_else(|| panic!("{text}: no quote"));
        assert_eq!(q.attribution().map(|a| a.speaker_name()), Some("Ines Varga"), "{text}");
    }
}

#[test]
fn a_time_phrase_between_the_speaker_and_the_verb_names_nobody() {
    let at = Attributor::new();
    for (text, speaker) in [
        (
            "The council has clashed with Varga, now the port's director, who in 2019 said the tolls were \u{201c}here to stay.\u{201d}",
            "Varga",
        ),
        ("It was the ferry that Ines Varga on Friday declared \u{201c}the pride of the harbour.\u{201d}", "Ines Varga"),
        ("Crews cheered when Varga during a rally thanked them \u{201c}for every late shift.\u{201d}", "Varga"),
        ("The mayor of Ostrava, Varga, last week called the tolls \u{201c}a tax on work.\u{201d}", "Varga"),
        // A capitalised time word is a surname unless it names a day or month.
        ("Asked about the tolls, Early described them as \u{201c}news to me.\u{201d}", "Early"),
        // `who` is the person, not the place that qualifies the name.
        (
            "Senator Ines Varga of Ostrava, who last year threatened to close the port, called the plan \u{201c}a mistake.\u{201d}",
            "Senator Ines Varga",
        ),
    ] {
        let doc = at.attribute(text);
        let q = doc.speech().find(|q| q.kind() != QuoteKind::Indirect).unwrap_or_else(|| panic!("{text}: no quote"));
        let a = q.attribution().unwrap_or_else(|| panic!("{text}: no speaker"));
        assert!(
            doc.text_of(a.mention()).contains(speaker) || a.speaker_name().contains(speaker),
            "{text}: {:?}",
            a.speaker_name()
        );
    }
}

#[test]
fn a_topic_participle_or_a_new_sentences_report_is_no_trailing_tag() {
    let at = Attributor::new();
    for text in [
        // A participle that names the topic has no speaker after it.
        "Ines Varga also vowed, \u{201c}We will reopen the port this year,\u{201d} referring to the harbour strike.",
        // After an exclamation, a capitalised subject reporting a clause opens a new sentence.
        "Ines Varga wrote to the mayor, telling him, \u{201c}You are the best mayor we have had!\u{201d} He replied to her that the port would stay shut.",
    ] {
        let doc = at.attribute(text);
        let q = doc.speech().find(|q| q.kind() == QuoteKind::Direct).unwrap_or_else(|| panic!("{text}: no quote"));
        assert_eq!(q.attribution().map(|a| a.speaker_name()), Some("Ines Varga"), "{text}");
    }
    // A quotation inside the clause of a cue before it, followed by a
    // subject whose verb goes on, is that cue's.
    let text = "When Ines Varga spoke later and said the crews would \u{201c}stand firm,\u{201d} the dockers applauded loudly.";
    let doc = at.attribute(text);
    let q = doc.speech().find(|q| doc.text_of(q.span()).contains("stand firm")).expect("a quote");
    assert_eq!(q.attribution().map(|a| a.speaker_name()), Some("Ines Varga"));
    assert_eq!(q.cue().map(|c| doc.text_of(c.span())), Some("said"));
    // (After a verb that reports through `of`, `of` opens what it
    // reports: the tag goes on.)
    let text = "Although Ines Varga says she \u{201c}loves the port,\u{201d} she also accuses it of wasting money.";
    let doc = at.attribute(text);
    let q = doc.speech().find(|q| doc.text_of(q.span()).contains("loves the port")).expect("a quote");
    assert_eq!(q.cue().map(|c| doc.text_of(c.span())), Some("says"));
    // A participle that opens the sentence is the cue, and the tag's
    // subject its speaker.
    let doc = at.attribute("Bemoaning the \u{201c}rigged tolls,\u{201d} Ines Varga accused the mayor of lying.");
    let q = doc.speech().next().expect("a quote");
    assert_eq!(q.attribution().map(|a| a.speaker_name()), Some("Ines Varga"));
    assert_eq!(q.cue().map(|c| doc.text_of(c.span())), Some("Bemoaning"));
    // So is one that ends that cue's sentence: the tag of the next
    // sentence is not its tag.
    let text = "In her speech on Friday, Ines Varga proclaimed a goal of \u{201c}Ports for All.\u{201d} She told the crowd at the quay that the tolls would fall.";
    let doc = at.attribute(text);
    let q = doc.speech().find(|q| doc.text_of(q.span()).contains("Ports for All")).expect("a quote");
    assert_eq!(q.cue().map(|c| doc.text_of(c.span())), Some("proclaimed"));
}

#[test]
fn a_report_in_the_tags_own_clause_does_not_take_the_next_quote() {
    let at = Attributor::new();
    let text = "\u{201c}Your port is the best in the country,\u{201d} Varga assured Havel, after Havel assured Varga that the tolls would fall. \u{201c}I will not let you down.\u{201d}";
    let doc = at.attribute(text);
    let speakers: Vec<_> = doc
        .speech()
        .filter(|q| q.kind() == QuoteKind::Direct)
        .map(|q| q.attribution().map(|a| a.speaker_name()))
        .collect();
    assert_eq!(speakers, [Some("Varga"), Some("Varga")]);
    // But a quote inside that clause, after its cue, is the clause's.
    let text = "\u{201c}The tolls stay,\u{201d} Ines Varga wrote after Tomas Eberle argued for the second time that \u{201c}the ferry must go.\u{201d}";
    let doc = at.attribute(text);
    let speakers: Vec<_> = doc
        .speech()
        .filter(|q| q.kind() == QuoteKind::Direct)
        .map(|q| q.attribution().map(|a| a.speaker_name()))
        .collect();
    assert_eq!(speakers, [Some("Ines Varga"), Some("Tomas Eberle")]);
}

#[test]
fn a_capitalised_function_word_between_a_quote_and_its_cue_is_a_name() {
    let at = Attributor::new();
    let doc = at.attribute("\u{201c}The port will stay open,\u{201d} Will said. \u{201c}We are sure.\u{201d}");
    let a = doc.speech().next().and_then(|q| q.attribution()).unwrap_or_else(|| panic!("no speaker"));
    assert_eq!(doc.text_of(a.mention()), "Will");
    // A roles-lexicon entry of two words.
    let doc = at.attribute("\u{201c}Why is the port closed?\u{201d} a voice over says as the screen goes dark.");
    let a = doc.speech().next().and_then(|q| q.attribution()).unwrap_or_else(|| panic!("no speaker"));
    assert_eq!(doc.text_of(a.mention()), "a voice over");
}

#[test]
fn a_cue_in_the_quotes_own_sentence_stops_a_continuation() {
    let at = Attributor::new();
    for (text, cue) in [
        // A cue with no speaker before it opens the quotation's sentence.
        (
            "Ruhle asked Varga about the port twice. She did not answer, and instead argued that the mayor had made a deal \u{201c}to sell the harbour.\u{201d}",
            Some("argued"),
        ),
        (
            "\u{201c}The tolls will stay,\u{201d} Varga said on Monday, only for Eberle to tweet on Tuesday that \u{201c}the port stays shut.\u{201d}",
            Some("tweet"),
        ),
        (
            "\u{201c}The tolls stay,\u{201d} Varga said on Monday. Others, angry at the long delay, shouted, \u{201c}Open the port!\u{201d}",
            None,
        ),
    ] {
        let doc = at.attribute(text);
        let q =
            doc.speech().filter(|q| q.kind() == QuoteKind::Direct).last().unwrap_or_else(|| panic!("{text}: no quote"));
        assert_ne!(q.attribution().map(|a| a.rule().as_str()), Some("continuation"), "{text}");
        if cue.is_some() {
            assert_eq!(q.cue().map(|c| doc.text_of(c.span())), cue, "{text}");
        }
    }
}

#[test]
fn a_continuation_takes_its_speakers_verb_in_the_quotes_sentence() {
    let at = Attributor::new();
    for (text, cue) in [
        (
            "Varga said the tolls would stay. On Monday, Varga criticised the plan as a trick and accused the mayor of a \u{201c}betrayal.\u{201d}",
            "accused",
        ),
        // Not a verb whose clause ends before the quotation.
        (
            "Varga has said she has reviewed the plan and disagrees with a council decision to raise the tolls, because \u{201c}nobody can pay them.\u{201d}",
            "said",
        ),
    ] {
        let doc = at.attribute(text);
        let q = doc.speech().last().unwrap_or_else(|| panic!("{text}: no quote"));
        assert_eq!(q.attribution().map(|a| a.rule().as_str()), Some("continuation"), "{text}");
        assert_eq!(q.cue().map(|c| doc.text_of(c.span())), Some(cue), "{text}");
    }
}

#[test]
fn a_tag_that_ends_in_a_colon_introduces_what_follows() {
    let at = Attributor::new();
    for (text, first_cue) in [
        // A fragment before the tag takes the participle that opens its
        // sentence.
        (
            "Conceding that a deal would come \u{201c}down the line\u{201d} Varga warned: \u{201c}Not this year.\u{201d}",
            "Conceding",
        ),
        // At the end of a paragraph the colon introduces the next one.
        (
            "\u{201c}The tolls stay,\u{201d} Varga said of the plan. \u{201c}The ferry goes.\u{201d} She went on to say:\n\u{201c}The crews will be paid.\u{201d}",
            "said",
        ),
    ] {
        let doc = at.attribute(text);
        let quotes: Vec<_> = doc.speech().collect();
        let n = quotes.len();
        assert!(n >= 2, "{text}");
        let cue = |i: usize| quotes[i].cue().map(|c| doc.text_of(c.span()));
        assert_eq!(cue(n - 2), Some(first_cue), "{text}");
        assert!(cue(n - 1).is_some_and(|c| c == "warned" || c == "went on to say"), "{text}");
        assert!(quotes.iter().all(|q| q.attribution().map(|a| a.speaker_name()) == Some("Varga")), "{text}");
    }
}

#[test]
fn a_colon_paragraph_gives_its_subjects_verb_as_the_cue() {
    let at = Attributor::new();
    for (text, cue) in [
        (
            "For many, the answer is Varga. Tomas Eberle, a retired docker who voted twice, said that given the choices on both sides:\n\n\u{201c}There is only one: Varga.\u{201d}",
            "said",
        ),
        // With no verb of saying, the colon is the cue.
        (
            "Tomas Eberle, a retired docker, had this to add about the vote:\n\n\u{201c}There is only one: Varga.\u{201d}",
            ":",
        ),
    ] {
        let doc = at.attribute(text);
        let q = doc.speech().find(|q| q.kind() == QuoteKind::Direct).unwrap_or_else(|| panic!("{text}: no quote"));
        assert_eq!(q.attribution().map(|a| a.speaker_name()), Some("Tomas Eberle"), "{text}");
        assert_eq!(q.cue().map(|c| doc.text_of(c.span())), Some(cue), "{text}");
    }
}

#[test]
fn a_sentence_subject_reads_past_its_apposition_and_not_through_a_function_word() {
    let at = Attributor::new();
    for (text, cue) in [
        // `as` after `a late show` is no verb; the verb after the
        // subject's apposition is.
        (
            "Tomas Eberle, the port director and former host of the radio show \u{201c}Harbour Hour,\u{201d} listed a late show as his guilty pleasure: \u{201c}Night Shift\u{201d}.",
            "listed",
        ),
        (
            "Tomas Eberle, the port director, named a late show as his guilty pleasure: \u{201c}Night Shift\u{201d}.",
            "named",
        ),
        // A cue word used as a noun after an adjective of manner is no
        // cue: the verb before it is.
        ("Tomas Eberle delivered a snappy retort: \u{201c}Night Shift stays.\u{201d}", "delivered"),
    ] {
        let doc = at.attribute(text);
        let q = doc
            .speech()
            .find(|q| doc.text_of(q.span()).contains("Night Shift"))
            .unwrap_or_else(|| panic!("{text}: no quote"));
        assert_eq!(q.attribution().map(|a| a.speaker_name()), Some("Tomas Eberle"), "{text}");
        assert_eq!(q.cue().map(|c| doc.text_of(c.span())), Some(cue), "{text}");
    }
}

#[test]
fn a_disclosure_is_a_document_that_shows() {
    let at = Attributor::new();
    let text = "Varga lobbied the ministry on \"issues relating to port fees,\" lobbying disclosures show.";
    let doc = at.attribute(text);
    let q = doc.speech().find(|q| q.kind() == QuoteKind::Direct).unwrap_or_else(|| panic!("{text}: no quote"));
    assert_eq!(q.cue().map(|c| doc.text_of(c.span())), Some("show"), "{text}");
    let a = q.attribution().unwrap_or_else(|| panic!("{text}: no speaker"));
    assert!(doc.text_of(a.mention()).contains("disclosures"), "{text}");
}

#[test]
fn after_an_exclamation_a_subject_replying_to_someone_that_opens_a_new_sentence() {
    let text = "Tomas Eberle wrote to the director, telling her, \u{201c}You are the best director we have had!\u{201d} She replied to him that the port would stay shut.";
    let doc = Attributor::new().attribute(text);
    let q = doc.speech().find(|q| q.kind() == QuoteKind::Direct).unwrap_or_else(|| panic!("{text}: no quote"));
    assert_eq!(q.cue().map(|c| doc.text_of(c.span())), Some("telling"), "{text}");
    assert_eq!(q.attribution().map(|a| a.speaker_name()), Some("Tomas Eberle"), "{text}");
}

#[test]
fn a_first_name_that_is_also_a_word_opens_a_tag_after_a_quotation() {
    let at = Attributor::new();
    for text in [
        "\u{201c}We have to win the county,\u{201d} Will Estrada, the chairman for the county, said.",
        "\u{201c}He stopped and said, \u{2018}How do we win the county?\u{2019}\u{201d} Will Estrada, the chairman for the county, said of the meeting.",
    ] {
        let doc = at.attribute(text);
        let q = doc.speech().find(|q| q.parent().is_none()).unwrap_or_else(|| panic!("{text}: no quote"));
        assert_eq!(q.attribution().map(|a| a.speaker_name()), Some("Will Estrada"), "{text}");
        assert_eq!(q.cue().map(|c| doc.text_of(c.span())), Some("said"), "{text}");
    }
}
