//! Fiction: dialogue attribution in novels (issue 7), on passages of our
//! own. Each case lists the expected speech quotes in order, as (a piece
//! of the content, the canonical speaker, the rule), with the genre forced
//! to fiction (short passages would otherwise be guessed as news).

use whosaid::{Attributor, Document, Genre, MentionKind, SpeakerKind};

struct Case {
    name: &'static str,
    text: &'static str,
    /// (content contains, speaker, rule)
    expect: &'static [(&'static str, &'static str, &'static str)],
}

fn fiction() -> Attributor {
    let Ok(at) = Attributor::builder().genre(Some(Genre::Fiction)).build() else { panic!("the builder fails") };
    at
}

/// (content, speaker name, rule) of each speech quote.
fn attributions(doc: &Document<'_>) -> Vec<(String, String, String)> {
    doc.speech()
        .map(|q| {
            let a = q.attribution();
            (
                doc.text_of(q.content()).to_string(),
                a.map_or("?".to_string(), |a| a.speaker_name().to_string()),
                a.map_or("-".to_string(), |a| a.rule().as_str().to_string()),
            )
        })
        .collect()
}

fn check(cases: &[Case]) {
    let at = fiction();
    for case in cases {
        let doc = at.attribute(case.text);
        let got = attributions(&doc);
        assert_eq!(got.len(), case.expect.len(), "{}: quotes {got:?}\n{}", case.name, case.text);
        for (g, e) in got.iter().zip(case.expect) {
            assert!(g.0.contains(e.0), "{}: quote {:?}, expected one with {:?}", case.name, g.0, e.0);
            assert_eq!((g.1.as_str(), g.2.as_str()), (e.1, e.2), "{}: quote {:?}\n{}", case.name, g.0, case.text);
        }
    }
}

const TAGS: &[Case] = &[
    Case {
        name: "inverted name tag",
        text: "Orla Quince came into the kitchen.\n\n\"The kettle is cold,\" said Orla.",
        expect: &[("kettle", "Orla Quince", "trailing_tag")],
    },
    Case {
        name: "archaic inverted pronoun tag",
        text: "Orla Quince came into the kitchen.\n\n\"The kettle is cold!\" cried she.",
        expect: &[("kettle", "Orla Quince", "trailing_tag")],
    },
    Case {
        name: "title and trailing manner",
        text: "\"You will find the gate locked,\" said Mr. Fenwick, with a smile.",
        expect: &[("gate", "Fenwick", "trailing_tag")],
    },
    Case {
        name: "adverb on either side",
        text: "\"I shall stay,\" said Bettina contentedly.\n\n\"And I shall go,\" Josephine said sadly.",
        expect: &[("stay", "Bettina", "trailing_tag"), ("go", "Josephine", "trailing_tag")],
    },
    Case {
        name: "adjective before the name",
        text: "\"May I come too?\" added little Amabel.",
        expect: &[("come too", "Amabel", "trailing_tag")],
    },
    Case {
        name: "tag inside an interrupted quote",
        text: "Orla Quince looked up.\n\n\"If the ferry runs,\" said she, \"we shall be home by dark.\"",
        expect: &[("ferry", "Orla Quince", "trailing_tag"), ("home by dark", "Orla Quince", "interrupted")],
    },
    Case {
        name: "a speech noun the speaker owns",
        text: "Orla Quince and Tobias Wren sat by the fire.\n\n\"Never,\" was Tobias's answer.",
        expect: &[("Never", "Tobias Wren", "trailing_tag")],
    },
    Case {
        name: "a letter held out does not speak",
        text: "Tobias Wren came to the gate and, holding out a letter, which she took, said, \"Read it tonight.\"",
        expect: &[("Read it", "Tobias Wren", "beat")],
    },
    Case {
        name: "a verb the lexicon does not list",
        text: "\"Not a penny more,\" Cousin Hester sniffed.",
        expect: &[("penny", "Hester", "trailing_tag")],
    },
];

#[test]
fn fiction_tags() {
    check(TAGS);
}

const BEATS: &[Case] = &[
    Case {
        name: "beat before the quote",
        text: "Tobias shrugged. \"Believe what you like.\"",
        expect: &[("Believe", "Tobias", "beat")],
    },
    Case {
        name: "pronoun beat after the quote",
        text: "Orla Quince stood at the window.\n\n\"Is that the carriage?\" She turned round.",
        expect: &[("carriage", "Orla Quince", "beat")],
    },
];

#[test]
fn action_beats() {
    check(BEATS);
}

#[test]
fn a_beat_in_another_paragraph_is_no_beat() {
    // Tobias acts, then a new paragraph opens with an answer: a new turn.
    let text = "\"Will you come, Tobias?\" asked Orla.\n\nTobias shrugged.\n\n\"Believe what you like.\"";
    let doc = fiction().attribute(text);
    let last = doc.speech().last().and_then(|q| q.attribution()).unwrap();
    assert_ne!(last.rule().as_str(), "beat");
}

#[test]
fn first_person_narration_is_one_narrator() {
    let text =
        "\"Where are you going?\" I asked.\n\n\"To the mill,\" said Tobias.\n\n\"Then I shall come with you,\" I said.";
    let doc = fiction().attribute(text);
    let quotes: Vec<_> = doc.speech().collect();
    let first = quotes[0].attribution().unwrap();
    let third = quotes[2].attribution().unwrap();
    assert_eq!(first.mention_kind(), MentionKind::Narrator);
    assert_eq!(first.speaker(), third.speaker(), "one narrator entity");
    let narrator = doc.speaker(first.speaker()).unwrap();
    assert_eq!(narrator.kind(), SpeakerKind::Narrator);
    assert_eq!(narrator.name(), "the narrator");
    assert_eq!(quotes[1].attribution().unwrap().speaker_name(), "Tobias");
}

#[test]
fn the_narrator_takes_the_name_others_call_it() {
    let text = "\"Come here, Hollis,\" said Marta.\n\n\"What is it?\" I asked.\n\n\"Look at this, Hollis.\"\n\n\
                \"A letter,\" I said.";
    let doc = fiction().attribute(text);
    let narrator = doc.speakers().iter().find(|s| s.kind() == SpeakerKind::Narrator).unwrap();
    assert_eq!(narrator.name(), "Hollis");
    // Or the name it gives itself.
    let text = "My father called me Tobias, but I called myself Toby, and so did everyone.\n\n\
                \"Who is there?\" I said.";
    let doc = fiction().attribute(text);
    let a = doc.speech().next().unwrap().attribution().unwrap();
    assert_eq!(a.speaker_name(), "Toby");
}

#[test]
fn vocatives_are_addressees_not_speakers() {
    let text = "Margaret Lisle and Tobias Wren walked by the river.\n\n\
                \"You are very quiet, Margaret.\"\n\n\
                \"I was thinking of the mill.\"";
    let doc = fiction().attribute(text);
    let quotes: Vec<_> = doc.speech().collect();
    let first = quotes[0].attribution().unwrap();
    assert_eq!(first.speaker_name(), "Tobias Wren", "the person addressed does not speak");
    assert_eq!(doc.text_of(first.addressee().unwrap()), "Margaret");
    // Whoever was addressed answers.
    let second = quotes[1].attribution().unwrap();
    assert_eq!(second.speaker_name(), "Margaret Lisle");
    assert_eq!(second.rule().as_str(), "addressed");
    // A title and surname as a vocative.
    let doc = fiction().attribute("\"Is that you, Mr. Crane?\" said Orla.");
    let a = doc.speech().next().unwrap().attribution().unwrap();
    assert_eq!(a.speaker_name(), "Orla");
    assert_eq!(doc.text_of(a.addressee().unwrap()), "Mr. Crane");
}

const CONVERSATION: &[Case] = &[
    Case {
        name: "untagged turns alternate",
        text: "\"Shall we go out?\" said Orla.\n\n\
               \"It is raining,\" said Tobias.\n\n\
               \"Only a little.\"\n\n\
               \"Enough to spoil my coat.\"\n\n\
               \"Then wear the old one.\"",
        expect: &[
            ("go out", "Orla", "trailing_tag"),
            ("raining", "Tobias", "trailing_tag"),
            ("a little", "Orla", "turn_taking"),
            ("spoil", "Tobias", "turn_taking"),
            ("old one", "Orla", "turn_taking"),
        ],
    },
    Case {
        name: "tags later in the exchange settle the turns before them",
        text: "Orla and Tobias sat by the fire.\n\n\
               \"Is it late?\"\n\n\
               \"Nearly ten.\"\n\n\
               \"Then I must go,\" said Orla.",
        expect: &[
            ("late", "Orla", "turn_taking"),
            ("ten", "Tobias", "turn_taking"),
            ("must go", "Orla", "trailing_tag"),
        ],
    },
    Case {
        name: "a speaker stays across a quote that goes on in the same paragraph",
        text: "\"Shall we go out?\" said Orla. She picked up her gloves. \"The rain has stopped.\"\n\n\
               \"So it has,\" said Tobias.",
        expect: &[
            ("go out", "Orla", "trailing_tag"),
            ("rain has stopped", "Orla", "continuation"),
            ("So it has", "Tobias", "trailing_tag"),
        ],
    },
    Case {
        name: "a quotation that runs on over paragraphs is one turn",
        text: "\"Listen,\" said Tobias. \"I will tell you how it was.\n\n\
               \"First the miller came to the door.\n\n\
               \"Then the rain began.\"\n\n\
               \"And then?\" asked Orla.\n\n\
               \"Then nothing.\"",
        expect: &[
            ("Listen", "Tobias", "trailing_tag"),
            ("tell you", "Tobias", "continuation"),
            ("miller", "Tobias", "continuation"),
            ("rain", "Tobias", "continuation"),
            ("And then", "Orla", "trailing_tag"),
            ("nothing", "Tobias", "turn_taking"),
        ],
    },
    Case {
        name: "narration that brings in a third person breaks the chain",
        text: "\"Shall we go out?\" said Orla.\n\n\
               \"It is raining,\" said Tobias.\n\n\
               Then the door opened and Mrs. Pell came in with the tea.\n\n\
               \"Who wants a cup?\"",
        expect: &[
            ("go out", "Orla", "trailing_tag"),
            ("raining", "Tobias", "trailing_tag"),
            ("cup", "Pell", "turn_taking"),
        ],
    },
];

#[test]
fn conversation() {
    check(CONVERSATION);
}

#[test]
fn pronoun_tags_follow_gender_through_the_chain() {
    // Tobias is a man by his title; `she` can only be Orla.
    let text = "Orla Quince met Mr. Tobias Wren at the gate.\n\n\
                \"You are late,\" he said.\n\n\
                \"The road was flooded,\" she said.\n\n\
                \"Then we shall take the boat,\" he said.";
    let doc = fiction().attribute(text);
    let got: Vec<String> =
        doc.speech().map(|q| q.attribution().map_or("?", |a| a.speaker_name()).to_string()).collect();
    assert_eq!(got, vec!["Tobias Wren", "Orla Quince", "Tobias Wren"]);
}

#[test]
fn name_variants_make_one_character() {
    let text = "Elspeth Rowan walked in with Mr. Rowan and Mrs. Rowan.\n\n\
                \"Good morning,\" said Miss Rowan.\n\n\
                \"Is the post come?\" said Mr. Rowan.\n\n\
                \"Not yet,\" said Mrs. Rowan.\n\n\
                \"Then I shall wait,\" said Elspeth.";
    let doc = fiction().attribute(text);
    let quotes: Vec<_> = doc.speech().map(|q| q.attribution().unwrap()).collect();
    // Elspeth Rowan, Miss Rowan and Elspeth are one character, named by
    // the fullest form.
    assert_eq!(quotes[0].speaker(), quotes[3].speaker());
    assert_eq!(quotes[0].speaker_name(), "Elspeth Rowan");
    // Mr. and Mrs. Rowan stay two people, apart from her too.
    assert_ne!(quotes[1].speaker(), quotes[2].speaker());
    assert_ne!(quotes[1].speaker(), quotes[0].speaker());
    assert_ne!(quotes[2].speaker(), quotes[0].speaker());
}

#[test]
fn a_described_speaker_takes_the_name_he_gives() {
    let text = "\"How much?\" asked a gentleman on his way to the bank.\n\n\
                \"Ten cents,\" said Tobias.\n\n\
                \"Here is a dime,\" said the gentleman. \"Ask for Mr. Quill at the bank.\"\n\n\
                \"Thank you, sir.\"\n\n\
                \"Good day,\" said Mr. Quill.";
    let doc = fiction().attribute(text);
    let got: Vec<String> =
        doc.speech().map(|q| q.attribution().map_or("?", |a| a.speaker_name()).to_string()).collect();
    assert_eq!(got[0], "Quill", "{got:?}");
    assert_eq!(got[2], "Quill", "{got:?}");
    assert_eq!(got[1], "Tobias", "{got:?}");
}

#[test]
fn news_is_left_to_the_news_passes() {
    // The same untagged exchange in news copy: no turn-taking.
    let Ok(news) = Attributor::builder().genre(Some(Genre::News)).build() else { panic!("the builder fails") };
    let text = "\"Shall we go out?\" said Orla.\n\"It is raining,\" said Tobias.\n\"Only a little.\"";
    let doc = news.attribute(text);
    assert!(doc.speech().all(|q| q.attribution().is_none_or(|a| a.rule().as_str() != "turn_taking")));
}

/// A letter quoted in a novel and phrases run into its narration are not
/// speech, even with a tag (`the note ran`); the dialogue around them is.
#[test]
fn letters_and_run_in_phrases_are_not_speech() {
    let text = "Rosa Vane opened the envelope at breakfast.\n\n\"My dear Rosa,\"\n\n\"The roof leaks again. Come soon.\"\n\n\"Your loving\"\n\n\"AUNT BEE.\"\n\nShe thought of what the village called \"the Vane folly,\" and laughed.\n\n\"Well?\" asked Tom Vane.\n\n\"We must go,\" said Rosa.";
    let doc = fiction().attribute(text);
    let got: Vec<String> = attributions(&doc).into_iter().map(|a| a.0).collect();
    assert_eq!(got, ["Well?", "We must go,"], "{text}");
    // The letter's lines and the phrase are still found, as terms.
    assert_eq!(doc.quotes().iter().filter(|q| !q.kind().is_speech()).count(), 5);
    // The same text guessed as news keeps its quotes as the news rules read
    // them: the fiction rules need a sure guess.
    let Ok(news) = Attributor::builder().genre(Some(Genre::News)).build() else { panic!("the builder fails") };
    assert!(news.attribute(text).speech().any(|q| text[q.content()].starts_with("The roof")));
}

/// (name, text, the contents of the speech quotes) for words written, not
/// said: a quote tagged with a verb of writing is no dialogue, and neither
/// is the part after the tag; a verb of saying in the same tag keeps it
/// speech, and so does reading aloud.
const WRITTEN: &[(&str, &str, &[&str])] = &[
    (
        "an interrupted quote tagged wrote",
        "Ada Pell sat at her desk.\n\n\"Come home,\" she wrote to her brother, \"before the frost.\"\n\n\"Done?\" asked Tom Pell.",
        &["Done?"],
    ),
    (
        "an introduction with wrote",
        "Ada Pell took a pen. She wrote: \"The frost came early.\"\n\n\"Done?\" asked Tom Pell.",
        &["Done?"],
    ),
    (
        "said while writing",
        "\"Six points,\" Ada Pell said, writing busily, \"and no more.\"",
        &["Six points,", "and no more."],
    ),
    ("reading aloud", "Ada Pell read the label: \"One powder at bedtime.\"", &["One powder at bedtime."]),
];

#[test]
fn written_words_are_not_speech() {
    let at = fiction();
    for &(name, text, want) in WRITTEN {
        let doc = at.attribute(text);
        let got: Vec<&str> = doc.speech().map(|q| &text[q.content()]).collect();
        assert_eq!(got, want, "case {name:?}: {text:?}");
    }
    // News keeps a written statement: the rule is for novels.
    let Ok(news) = Attributor::builder().genre(Some(Genre::News)).build() else { panic!("the builder fails") };
    let text = "The minister wrote: \"The frost came early.\"";
    assert_eq!(news.attribute(text).speech().count(), 1);
}
