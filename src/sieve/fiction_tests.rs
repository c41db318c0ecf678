//! Unit tests of the fiction passes, as tables: each case runs the passes
//! up to the one under test on a fiction draft and checks what it found.

use super::*;
use crate::cue::CueMatcher;
use crate::genre::Genre;
use crate::mention::find_mentions;

/// Runs the passes before `stop` (by name) and the pass itself on `text`
/// as fiction, then calls `f` with the draft.
fn after_pass(text: &str, stop: &str, f: impl FnOnce(&Draft<'_>)) {
    let lex = Lexicons::english();
    let matcher = CueMatcher::english().unwrap();
    let seg = Segmentation::new(text, &lex);
    let raw = crate::quote::QuoteScanner::new(0xFF).scan(text, &seg.paragraphs, &lex);
    let top: Vec<Span> = raw.iter().filter(|q| q.parent.is_none()).map(|q| q.outer).collect();
    let cues = matcher.find_all(text);
    let cue_spans: Vec<Span> = cues.iter().map(|c| c.span).collect();
    let mut mentions = find_mentions(text, &seg, &top, &cue_spans, &lex, crate::genre::Genre::Fiction);
    crate::character::mark_narrator(text, &mut mentions, &lex);
    crate::character::add_descriptions(text, &seg, &lex, &top, &cue_spans, &mut mentions);
    let mut d = Draft::new(text, &seg, &lex, &matcher, &raw, cues, mentions);
    d.genre = Genre::Fiction;
    d.cast = crate::character::Cast::new(text, &seg, &lex, &d.mentions);
    for pass in default_passes() {
        let name = format!("{pass:?}");
        pass.apply(&mut d);
        if name == stop {
            break;
        }
    }
    f(&d);
}

/// The text of the mention each top-level quote is attributed through
/// (`-` for none) after pass `stop`.
fn mentions_after(text: &str, stop: &str) -> Vec<String> {
    let mut out = Vec::new();
    after_pass(text, stop, |d| {
        for &q in d.top.values() {
            out.push(d.quotes[q].attr.map_or("-".to_string(), |a| d.text[d.mentions[a.mention].span].to_string()));
        }
    });
    out
}

#[test]
fn vocatives() {
    const CASES: &[(&str, &str, Option<&str>)] = &[
        ("comma on both sides", "\"I tell you, Mary, I won't have it.\"", Some("Mary")),
        ("quote end", "\"You are quiet, Margaret.\"", Some("Margaret")),
        ("title and name", "\"Is that you, Mr. Crane?\"", Some("Mr. Crane")),
        ("after dear", "\"Oh, my dear Watson!\"", Some("Watson")),
        ("quote start", "\"Margaret, come here.\"", Some("Margaret")),
        ("a subject is no vocative", "\"Mary is coming tomorrow.\"", None),
        ("an object is no vocative", "\"I saw Mary and Kitty at the gate.\"", None),
        ("said to", "\"Come in,\" said Orla to Tobias.", Some("Tobias")),
        ("addressee cue", "\"Come in,\" Orla told Tobias.", Some("Tobias")),
    ];
    for &(name, text, want) in CASES {
        after_pass(text, "Addressee", |d| {
            let got = d.top.values().next().and_then(|&q| d.quotes[q].addressee).map(|m| &d.text[d.mentions[m].span]);
            assert_eq!(got, want, "{name}: {text}");
        });
    }
}

#[test]
fn beats() {
    const CASES: &[(&str, &str, &str)] = &[
        ("subject before the quote", "Tobias shrugged. \"Believe what you like.\"", "Tobias"),
        ("pronoun after the quote", "\"Is that the carriage?\" She turned round.", "She"),
        ("her voice stands for she", "\"Oh, rash!\" Her voice mocked at him.", "Her"),
        ("a late subject is no beat", "At the gate the dog barked at Tobias. \"Hush.\"", "-"),
        ("another paragraph is no beat", "Tobias shrugged.\n\n\"Believe what you like.\"", "-"),
    ];
    for &(name, text, want) in CASES {
        assert_eq!(mentions_after(text, "Beat"), vec![want.to_string()], "{name}: {text}");
    }
}

#[test]
fn introductions() {
    const CASES: &[(&str, &str, &str)] = &[
        (
            "comma at the end of the paragraph, object of a preposition skipped",
            "Lady Thorn came in and, after a pause, said to Darcy,\n\n\"You are late.\"",
            "Lady Thorn",
        ),
        ("colon and a participle", "Poirot waited, then spoke by remarking:\n\n\"It is simple.\"", "Poirot"),
        (
            "a long tag before a colon",
            "Mrs. Pell added, partly to hide her blushes from the guests: \"Tea?\"",
            "Mrs. Pell",
        ),
        ("a full stop introduces nothing", "Tobias shrugged.\n\n\"Believe what you like.\"", "-"),
    ];
    for &(name, text, want) in CASES {
        let got = mentions_after(text, "LeadingTag");
        assert_eq!(got.last().map(String::as_str), Some(want), "{name}: {text}");
    }
}

#[test]
fn tags_without_a_listed_verb() {
    const CASES: &[(&str, &str, &str)] = &[
        ("speech noun after was", "\"Never,\" was Tobias's answer.", "Tobias's"),
        ("speech noun of a pronoun", "\"Never,\" was his prompt reply.", "his"),
        ("speech noun before the quote", "Tobias's private exclamation, \"Never!\"", "Tobias's"),
        ("unlisted verb", "\"Not a penny more,\" Cousin Hester sniffed.", "Cousin Hester"),
        ("unlisted inverted verb", "\"A countess!\" whistled Ned Winsett.", "Ned Winsett"),
        ("adjective before the name", "\"May I come?\" added little Amabel.", "Amabel"),
        ("a verb with an object is narration", "\"Here,\" Anne handed the letter to Diana.", "-"),
    ];
    for &(name, text, want) in CASES {
        let got = mentions_after(text, "FictionTag");
        assert_eq!(got.first().map(String::as_str), Some(want), "{name}: {text}");
    }
}
