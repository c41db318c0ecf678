//! Reported speech without quotation marks (indirect) or with quoted
//! fragments (mixed): every frame, and the uses of reporting verbs that
//! report nothing. Texts of our own.

use whosaid::{Attributor, CueClass, Genre, QuoteKind};

/// (text, the reported clause, its kind, the speaker, the cue)
const FRAMES: &[(&str, &str, QuoteKind, &str, &str)] = &[
    ("Havel said that the budget was honest.", "that the budget was honest", QuoteKind::Indirect, "Havel", "said"),
    ("Havel said the budget was honest.", "the budget was honest", QuoteKind::Indirect, "Havel", "said"),
    // A place after the speaker only locates them.
    (
        "A lawyer in Chicago said the plan was “dead on arrival.”",
        "the plan was “dead on arrival.”",
        QuoteKind::Mixed,
        "A lawyer",
        "said",
    ),
    // No cue the lexicon knows: the verb after the subject is the cue
    // (class `Unlisted`), before the colon that opens the quotation.
    (
        "In town after town, Perez lobbies for a higher wage: “No worker should live in poverty.”",
        "“No worker should live in poverty.”",
        QuoteKind::Direct,
        "Perez",
        "lobbies",
    ),
    // A relative clause with a report of its own ends the outer report.
    (
        "Havel echoed the mayor, who told a radio station that the port was “a ruin.”",
        "that the port was “a ruin.”",
        QuoteKind::Mixed,
        "who",
        "told",
    ),
    (
        "Havel criticized the plan, which an audit said was “badly costed” from the start.",
        "was “badly costed” from the start",
        QuoteKind::Mixed,
        "an audit",
        "said",
    ),
    // A verb that reports its object, and the object someone's naming.
    (
        "Havel condemned what he called a “reckless gamble” with the port.",
        "what he called a “reckless gamble” with the port",
        QuoteKind::Mixed,
        "Havel",
        "condemned",
    ),
    // After the person accused, what they are accused of.
    (
        "Havel accused the mayor of hiding the bills from the council.",
        "hiding the bills from the council",
        QuoteKind::Indirect,
        "Havel",
        "accused",
    ),
    (
        "The budget was honest and the deficit would shrink, Havel said.",
        "The budget was honest and the deficit would shrink",
        QuoteKind::Indirect,
        "Havel",
        "said",
    ),
    (
        "The budget was honest and the deficit would shrink, said the minister.",
        "The budget was honest and the deficit would shrink",
        QuoteKind::Indirect,
        "the minister",
        "said",
    ),
    (
        "The port will stay closed until March, officials said on Tuesday.",
        "The port will stay closed until March",
        QuoteKind::Indirect,
        "officials",
        "said",
    ),
    (
        "According to the central bank, inflation will fall next year.",
        "inflation will fall next year",
        QuoteKind::Indirect,
        "the central bank",
        "According to",
    ),
    (
        "Inflation will fall next year, according to the central bank.",
        "Inflation will fall next year",
        QuoteKind::Indirect,
        "the central bank",
        "according to",
    ),
    (
        "Espinoza told reporters on Friday that the race was close.",
        "that the race was close",
        QuoteKind::Indirect,
        "Espinoza",
        "told reporters",
    ),
    (
        "The agency warned of grave consequences for the coastal towns.",
        "grave consequences for the coastal towns",
        QuoteKind::Indirect,
        "The agency",
        "warned",
    ),
    (
        "Quintero asked whether the talks would resume in May.",
        "whether the talks would resume in May",
        QuoteKind::Indirect,
        "Quintero",
        "asked",
    ),
    (
        "Quintero called the plan “dead on arrival.”",
        "the plan “dead on arrival.”",
        QuoteKind::Mixed,
        "Quintero",
        "called",
    ),
    (
        "The union said talks could resume “as soon as the picket lines come down.”",
        "talks could resume “as soon as the picket lines come down.”",
        QuoteKind::Mixed,
        "The union",
        "said",
    ),
    // A fragment tagged by a verb inside the clause stays in the report.
    (
        "Quintero said that she would continue \u{201c}to fight for the port\u{201d} until June.",
        "that she would continue \u{201c}to fight for the port\u{201d} until June",
        QuoteKind::Mixed,
        "Quintero",
        "said",
    ),
    (
        "Eberle rejected the demand, saying the council had kept every promise.",
        "the council had kept every promise",
        QuoteKind::Indirect,
        "Eberle",
        "saying",
    ),
    (
        "Tomas Eberle, who chairs the council, said the inspections were finished.",
        "the inspections were finished",
        QuoteKind::Indirect,
        "Tomas Eberle",
        "said",
    ),
    (
        "Quintero vowed to “keep the port closed until the dates are published.”",
        "to “keep the port closed until the dates are published.”",
        QuoteKind::Mixed,
        "Quintero",
        "vowed",
    ),
    (
        "Slower growth abroad is being offset by faster gains at home, the IMF said.",
        "Slower growth abroad is being offset by faster gains at home",
        QuoteKind::Indirect,
        "the IMF",
        "said",
    ),
    (
        "The council raised the tolls on trucks, which the mayor said were far too low.",
        "were far too low",
        QuoteKind::Indirect,
        "the mayor",
        "said",
    ),
    (
        "Quintero, who said the port would reopen in May, left the meeting early.",
        "the port would reopen in May",
        QuoteKind::Indirect,
        "who",
        "said",
    ),
    (
        "Quintero’s campaign said the rally would go ahead on Friday.",
        "the rally would go ahead on Friday",
        QuoteKind::Indirect,
        "Quintero’s campaign",
        "said",
    ),
    (
        "Havel said Sunday night’s vote had settled the matter.",
        "Sunday night’s vote had settled the matter",
        QuoteKind::Indirect,
        "Havel",
        "said",
    ),
    (
        "The minister said on Thursday the ferries would run again.",
        "the ferries would run again",
        QuoteKind::Indirect,
        "The minister",
        "said",
    ),
    (
        "Another delegate from the coast, Ines Varga, said she would vote against it.",
        "she would vote against it",
        QuoteKind::Indirect,
        "Ines Varga",
        "said",
    ),
    // The clause's verb is an irregular past, a plain plural present, or
    // stands after an adverb or a bare noun.
    ("Ines Varga says she met the mayor.", "she met the mayor", QuoteKind::Indirect, "Ines Varga", "says"),
    (
        "About half of voters said they want a change.",
        "they want a change",
        QuoteKind::Indirect,
        "About half of voters",
        "said",
    ),
    ("Aides say Varga also helps her father.", "Varga also helps her father", QuoteKind::Indirect, "Aides", "say"),
    (
        "Varga said contractors built a cushion into their bids.",
        "contractors built a cushion into their bids",
        QuoteKind::Indirect,
        "Varga",
        "said",
    ),
    // The person spoken to after the cue.
    (
        "The ferry was safe and on time, an official told Reuters.",
        "The ferry was safe and on time",
        QuoteKind::Indirect,
        "an official",
        "told",
    ),
    (
        "Varga told reporters this was the only chance.",
        "this was the only chance",
        QuoteKind::Indirect,
        "Varga",
        "told reporters",
    ),
    // A description of the speaker after an inverted tag is not a second
    // part of the report.
    (
        "The port will reopen in May, said Ines Varga, a professor at the maritime school.",
        "The port will reopen in May",
        QuoteKind::Indirect,
        "Ines Varga",
        "said",
    ),
    // A concession after the tag is the writer's, not the source's.
    (
        "Forty ports have new cranes, according to the harbour survey, although few of them work.",
        "Forty ports have new cranes",
        QuoteKind::Indirect,
        "the harbour survey",
        "according to",
    ),
    // Directives: the addressee and the infinitive are what was asked.
    (
        "She told him to leave the building before noon.",
        "him to leave the building before noon",
        QuoteKind::Indirect,
        "She",
        "told",
    ),
    (
        "The harbour master urged fishermen to stay in port on Friday.",
        "fishermen to stay in port on Friday",
        QuoteKind::Indirect,
        "The harbour master",
        "urged",
    ),
    // Evidence: what a poll, a study or records show.
    (
        "A new poll shows that Varga leads by four points.",
        "that Varga leads by four points",
        QuoteKind::Indirect,
        "A new poll",
        "shows",
    ),
    (
        "Polls show a close contest in the port towns.",
        "a close contest in the port towns",
        QuoteKind::Indirect,
        "Polls",
        "show",
    ),
    // What a poll shows is its whole object, a person's verb included.
    (
        "The latest harbour poll shows Varga has lost four points.",
        "Varga has lost four points",
        QuoteKind::Indirect,
        "The latest harbour poll",
        "shows",
    ),
    (
        "A Coastline Radio poll showed Varga leading in the port towns.",
        "Varga leading in the port towns",
        QuoteKind::Indirect,
        "A Coastline Radio poll",
        "showed",
    ),
    // `According to X,` frames a clause whatever its verb.
    (
        "According to the data, families make up half of the new arrivals.",
        "families make up half of the new arrivals",
        QuoteKind::Indirect,
        "the data",
        "According to",
    ),
    (
        "The ferry will not run in winter, according to an email from the director of the port authority obtained by the Courier.",
        "The ferry will not run in winter",
        QuoteKind::Indirect,
        "an email from the director of the port authority obtained by the Courier",
        "according to",
    ),
    (
        "Most voters back the ferry plan, the survey found.",
        "Most voters back the ferry plan",
        QuoteKind::Indirect,
        "the survey",
        "found",
    ),
    // The one spoken to, named by no lexicon, and a circumstance before
    // `that`.
    (
        "Varga warned followers on social media that the ferry would stop running.",
        "that the ferry would stop running",
        QuoteKind::Indirect,
        "Varga",
        "warned",
    ),
    // A role before the cue is the subject, not a modifier of a noun after
    // the cue.
    (
        "The governor said Democrats are to blame for the delay.",
        "Democrats are to blame for the delay",
        QuoteKind::Indirect,
        "The governor",
        "said",
    ),
    // A parenthesis that opened before the clause closes it.
    (
        "After the fire at the depot (Varga called it “cruel and senseless”), the council met at once.",
        "it “cruel and senseless”",
        QuoteKind::Mixed,
        "Varga",
        "called",
    ),
    // A frame in mid-sentence is a circumstance of the verb after it.
    (
        "Two days later in an interview with the Courier she blasted the council for being \u{201c}deaf to the port.\u{201d}",
        "the council for being \u{201c}deaf to the port.\u{201d}",
        QuoteKind::Mixed,
        "she",
        "blasted",
    ),
    // A bare verb after `and` goes on with the clause's modal or `to`: it
    // is no second report (`support` is a cue, but not the subject's).
    (
        "Varga said the council would drop the tolls and support the ferry plan next spring.",
        "the council would drop the tolls and support the ferry plan next spring",
        QuoteKind::Indirect,
        "Varga",
        "said",
    ),
    (
        "The mayor vowed to stand up for the dockers and defend their pensions.",
        "to stand up for the dockers and defend their pensions",
        QuoteKind::Indirect,
        "The mayor",
        "vowed",
    ),
];

#[test]
fn every_frame() {
    let at = Attributor::new();
    for &(text, clause, kind, speaker, cue) in FRAMES {
        let doc = at.attribute(text);
        let reports: Vec<_> = doc.speech().filter(|q| q.parent().is_none()).collect();
        assert_eq!(reports.len(), 1, "{text}: {reports:?}");
        let q = reports[0];
        assert_eq!(doc.text_of(q.span()), clause, "{text}");
        assert_eq!(q.kind(), kind, "{text}");
        let a = q.attribution().unwrap_or_else(|| panic!("{text}: no speaker"));
        assert_eq!(doc.text_of(a.mention()), speaker, "{text}");
        assert_eq!(q.cue().map(|c| doc.text_of(c.span())), Some(cue), "{text}");
    }
}

#[test]
fn interrupted_report_has_two_parts_in_one_group() {
    let doc = Attributor::new().attribute("The outreach to the consulates, officials said, raised new worries.");
    let parts: Vec<_> = doc.speech().collect();
    assert_eq!(parts.len(), 2);
    assert_eq!(doc.text_of(parts[0].span()), "The outreach to the consulates");
    assert_eq!(doc.text_of(parts[1].span()), "raised new worries");
    assert_eq!(parts[0].group(), parts[1].group());
    // A `that` after the tag's comma is a relative pronoun, not the start
    // of a clause the tag introduces.
    let doc = Attributor::new().attribute("The goal, she said, is to forge a truce that would end the shelling.");
    let parts: Vec<&str> = doc.speech().map(|q| doc.text_of(q.span())).collect();
    assert_eq!(parts, ["The goal", "is to forge a truce that would end the shelling"]);
}

#[test]
fn interrupted_report_keeps_a_fronted_circumstance_and_tag_circumstances() {
    // (text, the parts, the speaker mention)
    for (text, parts, speaker) in [
        (
            "In the long run, many economists say, the levy could slow the growth of rents.",
            &["In the long run", "the levy could slow the growth of rents"][..],
            "many economists",
        ),
        (
            "Instead, she said, the foreman had cancelled the night shift.",
            &["Instead", "the foreman had cancelled the night shift"][..],
            "she",
        ),
        (
            "The ferry was late again, Ms. Ortiz said on Saturday, and the harbour master had not explained why.",
            &["The ferry was late again", "and the harbour master had not explained why"][..],
            "Ms. Ortiz",
        ),
        (
            "The promised repairs, they concluded, never happened.",
            &["The promised repairs", "never happened"][..],
            "they",
        ),
    ] {
        let doc = Attributor::new().attribute(text);
        let got: Vec<&str> = doc.speech().map(|q| doc.text_of(q.span())).collect();
        assert_eq!(got, parts, "{text}");
        let quotes: Vec<_> = doc.speech().collect();
        assert_eq!(quotes[0].group(), quotes[1].group(), "{text}");
        for q in &quotes {
            let a = q.attribution().unwrap_or_else(|| panic!("{text}: no speaker"));
            assert_eq!(doc.text_of(a.mention()), speaker, "{text}");
        }
    }
}

#[test]
fn a_fronted_part_joins_a_quotation_that_carries_the_sentence_on() {
    // The quotation goes on in lower case: the part before the tag is
    // reported too, in its group.
    let doc = Attributor::new().attribute("Instead, the mayor said, \u{201c}his plan would put buses first.\u{201d}");
    let got: Vec<&str> = doc.speech().map(|q| doc.text_of(q.span())).collect();
    assert_eq!(got.first(), Some(&"Instead"), "{got:?}");
    // A whole quoted sentence after the tag: the fronted words are the
    // circumstance of the quote, not part of what was said.
    let doc = Attributor::new().attribute("In a statement, the mayor said, \u{201c}We will put buses first.\u{201d}");
    let got: Vec<&str> = doc.speech().map(|q| doc.text_of(q.span())).collect();
    assert_eq!(got, ["\u{201c}We will put buses first.\u{201d}"]);
    // An inverted tag needs a verb of saying: `endorsed Cruz` is no tag.
    let doc = Attributor::new()
        .attribute("Ruth Vance, a founder of the hiking club, endorsed Cruz last week, praising his record on parks.");
    assert!(doc.speech().all(|q| !doc.text_of(q.span()).starts_with("Ruth Vance")));
}

#[test]
fn a_relative_pronoun_resolves_to_its_antecedent() {
    let doc = Attributor::new().attribute(
        "Listeners called Ana Ruiz, who said the ferry would run again by June. \
         Residents who said they had waited for months were not convinced.",
    );
    let names: Vec<(&str, &str)> =
        doc.speech().filter_map(|q| q.attribution().map(|a| (doc.text_of(a.mention()), a.speaker_name()))).collect();
    assert_eq!(names, [("who", "Ana Ruiz"), ("who", "Residents")]);
}

#[test]
fn a_title_before_a_running_tag_is_not_quoted_speech() {
    let doc = Attributor::new()
        .attribute("On the radio show \u{201c}Morning Report,\u{201d} Ines Varga said the tolls would fall in May.");
    let got: Vec<&str> = doc.speech().filter(|q| q.parent().is_none()).map(|q| doc.text_of(q.span())).collect();
    assert_eq!(got, ["the tolls would fall in May"]);
}

/// Reporting verbs that report nothing here.
const NOT_REPORTS: &[&str] = &[
    // Evidence verbs with a person as subject report nothing.
    "Mayor Varga found it difficult to overcome the defeat in the port towns.",
    "She showed the visitors the new ferry terminal on Friday.",
    // `said` as an adjective.
    "The said property was sold to the harbour authority last year.",
    // No directive: `showed him to the door`.
    "She showed him to the door of the new ferry terminal.",
    // No clause follows.
    "The delegation insisted on staying in the capital for the talks.",
    // A verb with no object reports only through `that`, `of` or `about`.
    "The official spoke anonymously because the talks were still secret.",
    // Too short to be a clause.
    "He said no.",
    // A cue used as a noun.
    "The notes of the meeting were published in a long report.",
    // `called` naming a thing, with no quoted words.
    "She works for a firm called Harbour Analytics in the old town.",
    // `that` before a time noun opens a time phrase, not a clause.
    "The Port Authority responded with the lawsuit Varga announced that same day, as mentioned above.",
];

#[test]
fn non_reporting_uses() {
    let at = Attributor::new();
    for text in NOT_REPORTS {
        let doc = at.attribute(text);
        let found: Vec<&str> = doc.speech().map(|q| doc.text_of(q.span())).collect();
        assert!(found.is_empty(), "{text}: {found:?}");
    }
}

#[test]
fn a_direct_quote_is_not_also_indirect() {
    let doc = Attributor::new().attribute("Havel said: “The budget is honest and the deficit will shrink.”");
    let quotes: Vec<_> = doc.speech().collect();
    assert_eq!(quotes.len(), 1);
    assert_eq!(quotes[0].kind(), QuoteKind::Direct);
}

#[test]
fn thought_and_belief_can_be_excluded() {
    let text = "Havel believes the budget is honest. Havel said the deficit would shrink.";
    let all = Attributor::new().attribute(text);
    assert_eq!(all.speech().count(), 2);
    let speech_only = Attributor::builder()
        .cue_class(CueClass::Thought, false)
        .cue_class(CueClass::Belief, false)
        .build()
        .expect("builds");
    let doc = speech_only.attribute(text);
    let quotes: Vec<&str> = doc.speech().map(|q| doc.text_of(q.span())).collect();
    assert_eq!(quotes, vec!["the deficit would shrink"]);
}

#[test]
fn fiction_narration_is_not_reported_speech() {
    let novel = Attributor::builder().genre(Some(Genre::Fiction)).build().expect("builds");
    let doc = novel.attribute("She said that the carriage would come at noon.");
    assert_eq!(doc.speech().count(), 0);
}

#[test]
fn reports_without_a_source_keep_their_cue() {
    let at = Attributor::new();
    for (text, clause, cue) in [
        ("The senator is widely expected to win the primary next month.", "to win the primary next month", "expected"),
        ("It is believed that the talks will resume in May.", "that the talks will resume in May", "believed"),
        (
            "Asked whether the talks would resume soon, the minister demurred.",
            "whether the talks would resume soon",
            "Asked",
        ),
        (
            "The minister smiled when asked whether the talks would resume soon.",
            "whether the talks would resume soon",
            "asked",
        ),
        // Over circumstances to the question.
        (
            "Asked on the evening news who would lead the port, the minister demurred.",
            "who would lead the port",
            "Asked",
        ),
    ] {
        let doc = at.attribute(text);
        let reports: Vec<_> = doc.speech().collect();
        assert_eq!(reports.len(), 1, "{text}");
        assert_eq!(doc.text_of(reports[0].span()), clause, "{text}");
        assert!(reports[0].attribution().is_none(), "{text}");
        assert_eq!(reports[0].cue().map(|c| doc.text_of(c.span())), Some(cue), "{text}");
    }
    // No clause after the cue: nothing reported.
    assert_eq!(at.attribute("He is expected at noon in the capital.").speech().count(), 0);
    // `asked by X`: the asker is the source of the question.
    let doc = at.attribute("When asked by a local reporter whether the ferry would run, Varga shrugged.");
    let reports: Vec<_> = doc.speech().collect();
    assert_eq!(reports.len(), 1);
    assert_eq!(doc.text_of(reports[0].span()), "whether the ferry would run");
    let a = reports[0].attribution().expect("the asker");
    assert_eq!(doc.text_of(a.mention()), "a local reporter");
}

#[test]
fn a_tag_after_a_comma_ends_the_clause_before_it() {
    // The second report starts a clause of its own; the first stops at
    // its comma instead of running over the second tag.
    let doc = Attributor::new().attribute(
        "In a week when Ruiz is talking about raising the tolls, Varga said the bridge \u{201c}is safe enough.\u{201d}",
    );
    let reports: Vec<_> = doc.speech().filter(|q| q.parent().is_none()).collect();
    let found: Vec<(&str, &str)> = reports
        .iter()
        .map(|q| (doc.text_of(q.span()), q.attribution().map_or("", |a| doc.text_of(a.mention()))))
        .collect();
    assert_eq!(
        found,
        [("raising the tolls", "Ruiz"), ("the bridge \u{201c}is safe enough.\u{201d}", "Varga")],
        "{reports:?}"
    );
}

#[test]
fn a_tag_after_a_short_opener_ends_the_clause() {
    let at = Attributor::new();
    // `, in which she called for …`: the first report stops at the comma,
    // and the quotation belongs to the second tag.
    let doc = at.attribute(
        "Varga has been cagey about the bridge, offering few specifics beyond a letter in May, in which she called for getting the tolls \u{201c}back on track.\u{201d}",
    );
    let q = doc.speech().find(|q| doc.text_of(q.span()).contains("back on track")).expect("the quotation");
    assert_eq!(q.cue().map(|c| doc.text_of(c.span())), Some("called for"), "{q:?}");
    // A participle after a determiner and an adverb is no verb: `assumed a
    // newly created role` reports nothing.
    let doc = at.attribute("She has assumed a newly created role as harbour counsellor.");
    assert_eq!(doc.speech().count(), 0, "{:?}", doc.speech().collect::<Vec<_>>());
}

#[test]
fn another_speakers_tag_after_a_comma_and_opens_its_own_report() {
    let at = Attributor::new();
    let text = "Varga said she would keep the tolls \u{201c}for now,\u{201d} for instance, and Havel vowed to \u{201c}fight them\u{201d} in court.";
    let doc = at.attribute(text);
    let reports: Vec<_> = doc
        .speech()
        .filter(|q| q.parent().is_none())
        .map(|q| (doc.text_of(q.span()), q.attribution().map(|a| a.speaker_name())))
        .collect();
    assert_eq!(
        reports,
        [
            ("she would keep the tolls \u{201c}for now,\u{201d} for instance", Some("Varga")),
            ("to \u{201c}fight them\u{201d} in court", Some("Havel")),
        ]
    );
}

#[test]
fn a_pronoun_is_bound_by_the_subject_of_its_own_sentence() {
    let at = Attributor::new();
    let text = "Jan Havel, the harbour master, said the ferry would run again.\n\n\
                Secretary Eberle condemned what he called a \u{201c}reckless plan\u{201d} for the port.";
    let doc = at.attribute(text);
    let fragment = doc
        .speech()
        .find(|q| doc.text_of(q.span()).contains("reckless plan"))
        .unwrap_or_else(|| panic!("no report: {:?}", doc.speech().map(|q| doc.text_of(q.span())).collect::<Vec<_>>()));
    assert_eq!(fragment.attribution().map(|a| a.speaker_name()), Some("Eberle"));
}

#[test]
fn a_source_closing_the_sentence_reports_it_and_the_words_nest_in_its_report() {
    let at = Attributor::new();
    for (text, inner) in [
        ("\u{201c}The tolls stay,\u{201d} Varga said, according to the Courier.", "Varga"),
        // A quotation of several sentences, or one that ends in a question.
        ("\u{201c}The tolls stay. The ferry goes,\u{201d} Varga said, according to the Courier.", "Varga"),
        ("\u{201c}Who will pay for the ferry?\u{201d} Varga asked, according to the Courier.", "Varga"),
        (
            "Earlier in the day, Varga met the crews and pledged to \u{201c}keep the ferry running,\u{201d} the Courier reported.",
            "Varga",
        ),
    ] {
        let doc = at.attribute(text);
        let top: Vec<_> = doc.speech().filter(|q| q.parent().is_none()).collect();
        assert_eq!(top.len(), 1, "{text}");
        assert_eq!(top[0].attribution().map(|a| a.speaker_name()), Some("Courier"), "{text}");
        let nested: Vec<_> =
            doc.speech().filter(|q| q.parent().is_some()).map(|q| q.attribution().map(|a| a.speaker_name())).collect();
        assert!(!nested.is_empty() && nested.iter().all(|s| *s == Some(inner)), "{text}: {nested:?}");
    }
    // Words in quotation marks that no tag claimed.
    let doc = at.attribute(
        "Ines Varga met the harbour master \u{201c}to discuss the winter timetable,\u{201d} according to the Courier.",
    );
    let top: Vec<_> = doc.speech().filter(|q| q.parent().is_none()).collect();
    assert_eq!(top.len(), 1);
    assert_eq!(top[0].attribution().map(|a| a.speaker_name()), Some("Courier"));
    // A source inside a parenthesis vouches only for the parenthesis.
    let doc = at.attribute(
        "Varga said the tolls would fall by half (the real figure is closer to \u{201c}a third,\u{201d} according to the Courier).",
    );
    let top: Vec<_> = doc.speech().filter(|q| q.parent().is_none()).collect();
    assert!(top.iter().any(|q| q.attribution().map(|a| a.speaker_name()) == Some("Varga")));
}

#[test]
fn participle_after_a_tag_goes_on_from_its_speaker() {
    let text = "The minister will play the “woman card,” Havel said, adding that the way to win “is to wait.”";
    let doc = Attributor::new().attribute(text);
    let report = doc
        .speech()
        .find(|q| q.parent().is_none() && q.kind() == QuoteKind::Mixed)
        .unwrap_or_else(|| panic!("no report: {:?}", doc.quotes()));
    assert_eq!(doc.text_of(report.span()), "that the way to win “is to wait.”");
    assert_eq!(report.cue().map(|c| doc.text_of(c.span())), Some("adding"));
    let a = report.attribution().unwrap_or_else(|| panic!("no speaker"));
    assert_eq!(doc.text_of(a.mention()), "Havel");
}

#[test]
fn a_participle_that_introduces_a_quotation_ends_the_tags_report() {
    let text = "Varga and Eberle will meet next week, Tomas Eberle said, adding, \u{201c}They need to sit down and talk.\u{201d}";
    let doc = Attributor::new().attribute(text);
    let parts: Vec<(&str, Option<&str>)> =
        doc.speech().map(|q| (doc.text_of(q.span()), q.cue().map(|c| doc.text_of(c.span())))).collect();
    assert_eq!(
        parts,
        [
            ("Varga and Eberle will meet next week", Some("said")),
            ("\u{201c}They need to sit down and talk.\u{201d}", Some("adding"))
        ],
        "{text}"
    );
}

#[test]
fn participle_after_a_closing_mark_ends_the_report() {
    // The comma inside the closing mark still ends the clause before
    // `adding`, which reports for itself.
    let text = "Dunmore said that there is “only one real reformer in the race,” adding that it is why Varga keeps attacking us.";
    let doc = Attributor::new().attribute(text);
    let top: Vec<_> = doc.speech().filter(|q| q.parent().is_none()).collect();
    let got: Vec<_> =
        top.iter().map(|q| (doc.text_of(q.span()), q.kind(), q.cue().map(|c| doc.text_of(c.span())))).collect();
    assert_eq!(
        got,
        vec![
            ("that there is “only one real reformer in the race,”", QuoteKind::Mixed, Some("said")),
            ("that it is why Varga keeps attacking us", QuoteKind::Indirect, Some("adding")),
        ]
    );
}

#[test]
fn another_speakers_tag_after_and_opens_its_own_report() {
    let text = "Varga said the mayor was “leading from behind” and Havel says he is “losing the port.”";
    let doc = Attributor::new().attribute(text);
    let top: Vec<_> = doc.speech().filter(|q| q.parent().is_none()).collect();
    let got: Vec<_> = top
        .iter()
        .map(|q| {
            (
                doc.text_of(q.span()),
                q.attribution().map(|a| doc.text_of(a.mention())),
                q.cue().map(|c| doc.text_of(c.span())),
            )
        })
        .collect();
    assert_eq!(
        got,
        vec![
            ("the mayor was “leading from behind”", Some("Varga"), Some("said")),
            ("he is “losing the port.”", Some("Havel"), Some("says")),
        ]
    );
}

#[test]
fn quotations_joined_by_a_conjunction_are_one_report() {
    let at = Attributor::new();
    for (text, joined, parts) in [
        (
            "The dockers chanted \u{201c}We are here\u{201d} and \u{201c}Open the port.\u{201d}",
            "\u{201c}We are here\u{201d} and \u{201c}Open the port.\u{201d}",
            2,
        ),
        (
            "Varga shouted \u{201c}Shame,\u{201d} \u{201c}thieves\u{201d} and \u{201c}give back the tolls.\u{201d}",
            "\u{201c}Shame,\u{201d} \u{201c}thieves\u{201d} and \u{201c}give back the tolls.\u{201d}",
            3,
        ),
    ] {
        let doc = at.attribute(text);
        let top: Vec<_> = doc.speech().filter(|q| q.parent().is_none()).collect();
        assert_eq!(top.len(), 1, "{text}: {top:?}");
        assert_eq!(doc.text_of(top[0].span()), joined, "{text}");
        assert_eq!(top[0].kind(), QuoteKind::Mixed, "{text}");
        let nested = doc.quotes().iter().filter(|q| q.parent() == Some(top[0].id())).count();
        assert_eq!(nested, parts, "{text}");
    }
    // Two sentences, or a list that goes on in capitals, stay apart.
    for text in [
        "\u{201c}We are ready.\u{201d} \u{201c}The cranes are here,\u{201d} Havel said.",
        "\u{201c}Yes,\u{201d} \u{201c}No,\u{201d} the dockers shouted.",
    ] {
        let doc = at.attribute(text);
        assert!(doc.speech().all(|q| q.kind() == QuoteKind::Direct), "{text}");
    }
}

#[test]
fn a_multi_paragraph_quotation_without_tags_of_its_own_is_one_report() {
    let at = Attributor::new();
    let text = "Havel wrote to the council on Monday:\n\n\
                \"In the letter I sent last week, I listed the questions that matter. Here they are:\n\n\
                \"Has the port a plan for the winter?\n\n\
                \"Will the cranes be paid for by the town?\"\n\n\
                The council did not reply.";
    let doc = at.attribute(text);
    let top: Vec<_> = doc.speech().filter(|q| q.parent().is_none()).collect();
    assert_eq!(top.len(), 1, "{top:?}");
    assert!(doc.text_of(top[0].span()).starts_with("\"In the letter"));
    assert!(doc.text_of(top[0].span()).ends_with("by the town?\""));
    assert_eq!(top[0].attribution().map(|a| a.speaker_name()), Some("Havel"));
    // A transcript's labelled turns stay apart.
    let text = "Varga told the harbour radio:\n\n\
                \"HOST: Will the port open in May?\n\n\
                \"VARGA: It will, if the cranes come.\"";
    let doc = at.attribute(text);
    assert_eq!(doc.speech().filter(|q| q.parent().is_none()).count(), 2);
}

#[test]
fn a_tag_before_a_long_participle_phrase_closes_the_clause_before_it() {
    let text = "\u{201c}This is not right,\u{201d} Varga said. \u{201c}You squeezed the crews to the breaking point\u{201d} to drive up the fees and your pay, she said, referencing the board\u{2019}s fierce drive to \u{201c}cross-sell\u{201d} or make shippers open more accounts.";
    let doc = Attributor::new().attribute(text);
    let report = doc
        .speech()
        .find(|q| q.parent().is_none() && doc.text_of(q.span()).contains("You squeezed"))
        .unwrap_or_else(|| panic!("no report: {:?}", doc.quotes()));
    assert_eq!(report.cue().map(|c| doc.text_of(c.span())), Some("said"), "{text}");
    assert_eq!(report.attribution().map(|a| a.rule().as_str()), Some("clause_then_tag"), "{text}");
}
