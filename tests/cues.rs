//! The cue API: `Attributor::cues`, the lexicon round trip, user lexicon
//! files and their errors. Texts of our own.

use whosaid::{Attributor, BuildErrorKind, CueClass, Stance};

/// A cue as written, with its lemma, class and stance.
type Expected = (&'static str, &'static str, CueClass, Stance);

/// (text, its cues).
const CASES: &[(&str, &[Expected])] = &[
    (
        "“We leave,” she whispered; he claimed otherwise and she tweeted it.",
        &[
            ("whispered", "whisper", CueClass::Speech, Stance::Neutral),
            ("claimed", "claim", CueClass::Speech, Stance::Evaluative),
            ("tweeted", "tweet", CueClass::Writing, Stance::Neutral),
        ],
    ),
    (
        "Ruiz believes the port will reopen; Eberle wondered aloud.",
        &[
            ("believes", "believe", CueClass::Belief, Stance::Neutral),
            ("wondered", "wonder", CueClass::Thought, Stance::Neutral),
        ],
    ),
    (
        "The minister told reporters that, according to the council, he had written it.",
        &[
            ("told reporters", "tell", CueClass::Speech, Stance::Neutral),
            ("according to", "according to", CueClass::Speech, Stance::Neutral),
            ("written", "write", CueClass::Writing, Stance::Neutral),
        ],
    ),
    ("Needless to say, the said property was sold, all told, for a song.", &[]),
    ("A scholar at a think tank; think tanks differ.", &[]),
    // A frame noun that owns the next word is no frame.
    ("Ruiz asked in the video's caption why.", &[("asked", "ask", CueClass::Speech, Stance::Neutral)]),
    (
        "Ruiz vented that the port had closed; Eberle played down the closure and referenced a study.",
        &[
            ("vented", "vent", CueClass::Speech, Stance::Evaluative),
            ("played down", "play down", CueClass::Speech, Stance::Evaluative),
            ("referenced", "reference", CueClass::Speech, Stance::Neutral),
        ],
    ),
    ("é€ 🙂 “Oui,” dit-il; “Yes,” SHE SAID.", &[("SAID", "say", CueClass::Speech, Stance::Neutral)]),
];

#[test]
fn cues_with_lemma_class_and_stance() {
    let at = Attributor::new();
    for (text, want) in CASES {
        let got: Vec<(&str, String, CueClass, Stance)> =
            at.cues(text).map(|c| (&text[c.span().range()], c.lemma().to_string(), c.class(), c.stance())).collect();
        let want: Vec<(&str, String, CueClass, Stance)> =
            want.iter().map(|&(t, l, c, s)| (t, l.to_string(), c, s)).collect();
        assert_eq!(got, want, "{text:?}");
    }
}

#[test]
fn cue_spans_are_in_bounds_and_on_char_boundaries() {
    let at = Attributor::new();
    let text = "Zoë — “¿Qué?” — said 東京 “said” said-so, said…said";
    let mut last = 0;
    for c in at.cues(text) {
        let s = c.span();
        assert!(last <= s.start && s.start < s.end && s.end <= text.len());
        assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
        last = s.end;
    }
    assert_eq!(at.cues(text).count(), 4);
}

#[test]
fn lexicon_round_trips() {
    let at = Attributor::new();
    let lexicon = at.cue_lexicon();
    assert!(lexicon.lines().count() >= 300);
    let copy = Attributor::builder().default_cues(false).cue_lexicon(&lexicon).build().unwrap();
    for (text, _) in CASES {
        let a: Vec<_> = at.cues(text).collect();
        let b: Vec<_> = copy.cues(text).collect();
        assert_eq!(a, b, "{text:?}");
    }
}

#[test]
fn builder_adds_and_removes_cues() {
    let at = Attributor::builder()
        .add_cue("expostulate", CueClass::Speech, Stance::Evaluative)
        .remove_cue("say")
        .build()
        .unwrap();
    let text = "He expostulated, then said nothing.";
    let lemmas: Vec<String> = at.cues(text).map(|c| c.lemma().to_string()).collect();
    assert_eq!(lemmas, ["expostulate"]);
}

/// A file in the temporary directory, removed when dropped.
struct TempFile(std::path::PathBuf);

impl TempFile {
    fn new(name: &str, bytes: &[u8]) -> TempFile {
        let path = std::env::temp_dir().join(format!("whosaid-test-{}-{name}", std::process::id()));
        if let Err(e) = std::fs::write(&path, bytes) {
            panic!("{}: {e}", path.display());
        }
        TempFile(path)
    }
}

impl Drop for TempFile {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

#[test]
fn lexicon_file_loads() {
    let file =
        TempFile::new("ok.txt", b"# ours\nharrumph | speech | evaluative\ninscribe | writing | neutral | inscribed\n");
    let at = Attributor::builder().cue_lexicon_file(&file.0).build().unwrap();
    let cue = at.cues("“Nonsense,” harrumphed the colonel.").next().unwrap();
    assert_eq!((cue.lemma(), cue.stance()), ("harrumph", Stance::Evaluative));
    assert_eq!(at.cues("She inscribed it.").next().map(|c| c.class()), Some(CueClass::Writing));
}

#[test]
fn lexicon_file_errors_name_the_file_and_line() {
    let file = TempFile::new("bad.txt", b"say | speech | neutral\n\nshout | noise | neutral\n");
    let err = Attributor::builder().cue_lexicon_file(&file.0).build().unwrap_err();
    assert!(matches!(err.kind(), BuildErrorKind::Lexicon { line: 3, .. }), "{err:?}");
    assert!(err.to_string().contains("bad.txt") && err.to_string().contains("line 3"), "{err}");

    let file = TempFile::new("utf8.txt", b"say | speech | neutral\nsh\xFFout | speech | neutral\n");
    let err = Attributor::builder().cue_lexicon_file(&file.0).build().unwrap_err();
    assert!(matches!(err.kind(), BuildErrorKind::Lexicon { line: 2, .. }), "{err:?}");
    assert!(err.to_string().contains("UTF-8"), "{err}");

    let missing = std::env::temp_dir().join("whosaid-test-no-such-file.txt");
    let err = Attributor::builder().cue_lexicon_file(&missing).build().unwrap_err();
    assert!(matches!(err.kind(), BuildErrorKind::Io { .. }), "{err:?}");
    assert!(err.to_string().contains("whosaid-test-no-such-file.txt"), "{err}");
}
