//! Debugging aids for the conversation pass (ignored tests):
//!
//! * `WHOSAID_TRACE=file.txt cargo test --lib trace -- --ignored
//!   --nocapture` prints the cast, then each turn with its evidence, its
//!   candidates and the decoded speaker;
//! * `WHOSAID_DUMP=corpus.jsonl WHOSAID_DUMP_OUT=out.jsonl cargo test
//!   --release --lib dump -- --ignored` writes one JSON line per turn of
//!   every document (`id`, `text`), to compare with gold records.

use super::*;
use crate::cue::CueMatcher;
use crate::lexicon::Lexicons;
use crate::mention::find_mentions;
use crate::segment::Segmentation;
use crate::span::Span;

/// Runs the fiction pipeline on `text` up to the conversation pass, and
/// calls `f` with the draft and the turns.
fn with_turns(text: &str, lex: &Lexicons, matcher: &CueMatcher, f: impl FnOnce(&Draft<'_>, &[Turn])) {
    let seg = Segmentation::new(text, lex);
    let raw = crate::quote::QuoteScanner::new(0xFF).scan(text, &seg.paragraphs, lex);
    let top: Vec<Span> = raw.iter().filter(|q| q.parent.is_none()).map(|q| q.outer).collect();
    let cues = matcher.find_all(text);
    let cue_spans: Vec<Span> = cues.iter().map(|c| c.span).collect();
    let mut mentions = find_mentions(text, &seg, &top, &cue_spans, lex, crate::genre::Genre::Fiction);
    crate::character::mark_narrator(text, &mut mentions, lex);
    crate::character::add_descriptions(text, &seg, lex, &top, &cue_spans, &mut mentions);
    let mut d = Draft::new(text, &seg, lex, matcher, &raw, cues, mentions);
    d.genre = Genre::Fiction;
    d.cast = crate::character::Cast::new(text, &seg, lex, &d.mentions);
    for pass in crate::sieve::default_passes() {
        if format!("{pass:?}") == "Conversation" {
            break;
        }
        pass.apply(&mut d);
    }
    name_narrator(&mut d);
    let turns = collect_turns(&mut d);
    f(&d, &turns);
}

/// The canonical name of character `c`, as written.
fn name(d: &Draft<'_>, c: usize) -> String {
    d.text[d.mentions[d.cast.characters[c].canonical].span].split_whitespace().collect::<Vec<_>>().join(" ")
}

fn engine() -> (Lexicons, CueMatcher) {
    (Lexicons::english(), CueMatcher::english().unwrap())
}

#[test]
#[ignore]
fn dump() {
    use std::io::Write;
    let (Ok(input), Ok(output)) = (std::env::var("WHOSAID_DUMP"), std::env::var("WHOSAID_DUMP_OUT")) else {
        return;
    };
    let mut out = std::io::BufWriter::new(std::fs::File::create(output).unwrap());
    let (lex, matcher) = engine();
    for line in std::fs::read_to_string(input).unwrap().lines() {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        let id = v["id"].as_str().unwrap().to_string();
        with_turns(v["text"].as_str().unwrap(), &lex, &matcher, |d, turns| {
            for chain in conversations(turns) {
                let speakers = decode(d, chain);
                for (j, t) in chain.iter().enumerate() {
                    let cands: Vec<(String, f32)> = t
                        .scene
                        .iter()
                        .map(|x| (name(d, x.c), emission(d, chain, &participants(chain), j, x.c)))
                        .collect();
                    let quotes: Vec<(usize, usize)> =
                        t.quotes.iter().map(|&q| (d.quotes[q].inner.start, d.quotes[q].inner.end)).collect();
                    let row = serde_json::json!({"id": id, "quotes": quotes, "evidence": format!("{:?}", t.evidence),
                        "pos": j, "decoded": speakers[j].map(|c| name(d, c)), "cands": cands});
                    writeln!(out, "{row}").unwrap();
                }
            }
        });
    }
}

#[test]
#[ignore]
fn trace() {
    let Ok(path) = std::env::var("WHOSAID_TRACE") else { return };
    let text = std::fs::read_to_string(path).unwrap();
    let (lex, matcher) = engine();
    with_turns(&text, &lex, &matcher, |d, turns| {
        for (c, ch) in d.cast.characters.iter().enumerate() {
            println!("cast {c} {} {ch:?}", name(d, c));
        }
        for chain in conversations(turns) {
            let speakers = decode(d, chain);
            println!("=== conversation");
            for (j, t) in chain.iter().enumerate() {
                let q = t.quotes.first().map_or(String::new(), |&q| {
                    d.text[d.quotes[q].inner].chars().take(50).collect::<String>().replace('\n', " ")
                });
                let cands: Vec<String> = t
                    .scene
                    .iter()
                    .map(|x| format!("{}:{:.1}", name(d, x.c), emission(d, chain, &participants(chain), j, x.c)))
                    .collect();
                println!(
                    "p{} {:?} -> {:?} | {} | {}",
                    t.para,
                    t.evidence,
                    speakers[j].map(|c| name(d, c)),
                    q,
                    cands.join(" ")
                );
            }
        }
    });
}
