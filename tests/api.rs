//! API guarantees: thread safety, offsets, serialisation, bad input.

use whosaid::{Attributor, BuildErrorKind, CharOffsets, QuoteStyle, Span};

#[test]
fn attributor_is_send_sync_unwind_safe() {
    fn check<T: Send + Sync + std::panic::UnwindSafe + std::panic::RefUnwindSafe + Clone>() {}
    check::<Attributor>();
    check::<whosaid::Quote>();
    check::<whosaid::Speaker>();
    check::<whosaid::BuildError>();
}

#[test]
fn attributor_is_shared_across_threads() {
    let at = Attributor::new();
    let handles: Vec<_> = (0..4)
        .map(|i| {
            let at = at.clone();
            std::thread::spawn(move || {
                let text = format!("“Thread {i} is here,” said Ana Ruiz.");
                at.attribute(&text).quotes().len()
            })
        })
        .collect();
    for h in handles {
        assert_eq!(h.join().expect("thread"), 1);
    }
}

#[test]
fn offsets_after_non_ascii_text() {
    // é, €, an emoji and curly marks before the quote.
    let text = "Café € 😀 « x ».\n“Ça va très bien,” said Zoë Łukasz.";
    let doc = Attributor::new().attribute(text);
    let q = doc.speech().find(|q| doc.text_of(q.content()).starts_with("Ça")).expect("the quote");
    assert_eq!(doc.text_of(q.content()), "Ça va très bien,");
    assert_eq!(&text[q.span()], "“Ça va très bien,”");
    let chars = CharOffsets::new(text);
    let r = chars.char_range(q.span());
    let by_chars: String = text.chars().skip(r.start).take(r.end - r.start).collect();
    assert_eq!(by_chars, "“Ça va très bien,”");
    assert_eq!(q.span().to_char_range(text), r);
    let a = q.attribution().expect("attributed");
    assert_eq!(doc.text_of(a.mention()), "Zoë Łukasz");
}

#[test]
fn json_has_byte_and_char_offsets() {
    let text = "é “Oui,” said Ana Ruiz.";
    let doc = Attributor::new().attribute(text);
    let v: serde_json::Value = serde_json::to_value(&doc).expect("serialise");
    let span = &v["quotes"][0]["span"];
    assert_eq!(span["start"], 3);
    assert_eq!(span["char_start"], 2);
    assert_eq!(span["text"], "“Oui,”");
    assert_eq!(v["quotes"][0]["attribution"]["speaker_name"], "Ana Ruiz");
    assert_eq!(v["quotes"][0]["attribution"]["rule"], "trailing_tag");
    assert_eq!(v["speakers"][0]["name"], "Ana Ruiz");
}

#[test]
fn records_round_trip_through_serde() {
    let doc = Attributor::new().attribute("“Yes,” said Ana Ruiz.");
    let q = &doc.quotes()[0];
    let json = serde_json::to_string(q).expect("serialise");
    let back: whosaid::Quote = serde_json::from_str(&json).expect("deserialise");
    assert_eq!(&back, q);
}

#[test]
fn bad_input_never_panics_and_spans_are_valid() {
    let inputs = [
        String::new(),
        "\"".repeat(1001),
        "“".repeat(300) + &"”".repeat(7),
        "'\n".repeat(500),
        "no punctuation at all just words said he said she".to_string(),
        "\u{0}\u{FEFF}\u{200B}“\u{301}”".to_string(),
        "他说「你好」。«Bonjour», dit-il. „Ja“, sagte er.".to_string(),
        "a".repeat(10_000),
    ];
    let at = Attributor::new();
    for text in &inputs {
        let doc = at.attribute(text);
        for q in doc.quotes() {
            for s in [q.span(), q.content()] {
                assert!(s.start <= s.end && s.end <= text.len());
                assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
            }
        }
    }
}

#[test]
fn builder_errors() {
    let err = Attributor::builder().cue_lexicon("say | speech | neutral\nshout | noise | neutral").build();
    match err.map(|_| ()).map_err(|e| e.kind().clone()) {
        Err(BuildErrorKind::Lexicon { line, .. }) => assert_eq!(line, 2),
        other => panic!("expected a lexicon error, got {other:?}"),
    }
    let mut b = Attributor::builder();
    for s in QuoteStyle::ALL {
        b.quote_style(s, false);
    }
    assert!(matches!(b.build().map(|_| ()).map_err(|e| e.kind().clone()), Err(BuildErrorKind::NoQuoteStyle)));
}

#[test]
fn span_index_matches_range() {
    let text = "hello world";
    let s = Span::new(6, 11);
    assert_eq!(&text[s], "world");
    assert_eq!(&text[s.range()], "world");
}
