//! Fuzzes the quotation finder and the whole analysis with arbitrary text
//! and builder knobs (which mark styles are off), checking the guarantees
//! the API documents: no panic; every span in bounds, ordered, on char
//! boundaries; quotes nested or disjoint; parents and continuations
//! pointing backwards; the same answer twice.

#![no_main]

use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;
use whosaid::{Attributor, MarkedQuote, QuoteStyle, Span};

#[derive(Debug, Arbitrary)]
struct Input {
    text: String,
    /// Bit `i` switches off `QuoteStyle::ALL[i]`.
    styles_off: u8,
}

fn valid(text: &str, s: Span) -> bool {
    s.start <= s.end && s.end <= text.len() && text.is_char_boundary(s.start) && text.is_char_boundary(s.end)
}

fuzz_target!(|input: Input| {
    let mut builder = Attributor::builder();
    for (i, style) in QuoteStyle::ALL.iter().enumerate() {
        if input.styles_off & (1 << i) != 0 {
            builder.quote_style(*style, false);
        }
    }
    // Every style off is a build error, not a panic.
    let Ok(at) = builder.build() else { return };
    let text = input.text.as_str();
    let found: Vec<MarkedQuote> = at.quotes(text).collect();
    for (i, q) in found.iter().enumerate() {
        assert!(valid(text, q.span()) && valid(text, q.content()), "{q:?}");
        assert!(q.span().start <= q.content().start && q.content().end <= q.span().end);
        if i > 0 {
            assert!(found[i - 1].span().start <= q.span().start, "order");
        }
        for r in &found[..i] {
            let (a, b) = (r.span(), q.span());
            assert!((a.start <= b.start && b.end <= a.end) || a.end <= b.start, "{a:?} crosses {b:?}");
        }
        if let Some(p) = q.parent() {
            assert!(p < i && q.depth() == found[p].depth() + 1);
        }
        if let Some(c) = q.continues_from() {
            assert!(c < i);
        }
    }
    assert_eq!(found, at.quotes(text).collect::<Vec<_>>());
    let doc = at.attribute(text);
    for q in doc.quotes() {
        assert!(valid(text, q.span()) && valid(text, q.content()));
    }
});
