//! Unit tests of the sieve's shared helpers.

use super::*;
use crate::cue::CueMatcher;
use crate::mention::find_mentions;

fn with_draft(text: &str, f: impl FnOnce(&mut Draft<'_>)) {
    let lex = Lexicons::english();
    let matcher = CueMatcher::english().unwrap();
    let seg = Segmentation::new(text, &lex);
    let raw = crate::quote::QuoteScanner::new(0xFF).scan(text, &seg.paragraphs, &lex);
    let top: Vec<Span> = raw.iter().filter(|q| q.depth == 0).map(|q| q.outer).collect();
    let cues = matcher.find_all(text);
    let cue_spans: Vec<Span> = cues.iter().map(|c| c.span).collect();
    let mentions = find_mentions(text, &seg, &top, &cue_spans, &lex, crate::genre::Genre::News);
    let mut d = Draft::new(text, &seg, &lex, &matcher, &raw, cues, mentions);
    f(&mut d);
}

#[test]
fn tag_at_both_orders() {
    with_draft("said Havel. the diplomat noted. Clinton, 35, the senator, said.", |d| {
        let (m, c, _) = d.tag_at(0).expect("CUE SPEAKER");
        assert_eq!(&d.text[d.mentions[m].span], "Havel");
        assert_eq!(&d.text[d.cues[c].span], "said");
        let i = d.token_at(d.text.find("the diplomat").unwrap());
        let (m, c, _) = d.tag_at(i).expect("SPEAKER CUE");
        assert_eq!(&d.text[d.mentions[m].span], "the diplomat");
        assert_eq!(&d.text[d.cues[c].span], "noted");
        let i = d.token_at(d.text.find("Clinton").unwrap());
        let (m, _, _) = d.tag_at(i).expect("apposition");
        assert_eq!(&d.text[d.mentions[m].span], "Clinton");
    });
}

#[test]
fn cue_after_an_article_does_not_report() {
    with_draft("The said property was sold, he said.", |d| {
        assert_eq!(d.cues.len(), 1);
        assert_eq!(&d.text[d.cues[0].span], "said");
        assert!(d.cues[0].span.start > 10);
    });
}

#[test]
fn auxiliaries_in_any_case_and_with_either_apostrophe() {
    use super::tag_then_clause::is_auxiliary;
    for w in ["is", "Was", "ARE", "been", "am", "Had", "will", "could", "shall", "May", "must", "does", "did", "do"] {
        assert!(is_auxiliary(w), "{w}");
    }
    for w in ["won't", "Wouldn't", "can\u{2019}t", "SHOULDN'T", "isn\u{2019}t", "hasn't", "Don\u{2019}t", "didn't"] {
        assert!(is_auxiliary(w), "{w}");
    }
    for w in ["", "i", "the", "said", "Isa", "wasp", "\u{130}s", "shouldn\u{2019}tt", "xis", "_s"] {
        assert!(!is_auxiliary(w), "{w}");
    }
}
