//! `whosaid` answers *who said what* in English text.
//!
//! Given a news article or a chapter of a novel, it finds every quotation,
//! the reporting cue that introduces it ("said", "told", "underscored",
//! "according to"), links it to the speaker, resolves "he said" and "the
//! diplomat said" to the named person, and returns typed spans. It is all
//! rules and lexicons: no model to download, and fast enough for archives.
//!
//! # Example
//!
//! ```
//! use whosaid::{Attributor, MentionKind};
//!
//! let text = "Ana Ruiz, the port authority's director, spoke on Friday.\n\
//!             “We are ready,” the director said. “The cranes are here.”";
//! let at = Attributor::new();
//! let doc = at.attribute(text);
//! for quote in doc.speech() {
//!     let who = quote.attribution().ok_or("no speaker")?;
//!     assert_eq!(who.speaker_name(), "Ana Ruiz");
//! }
//! let first = doc.quotes()[0].attribution().ok_or("no speaker")?;
//! assert_eq!(doc.text_of(first.mention()), "the director");
//! assert_eq!(first.mention_kind(), MentionKind::Nominal);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # Offsets
//!
//! Every [`Span`] is a pair of **byte** offsets into the text you passed,
//! in bounds and on `char` boundaries. Tools that count Unicode code points
//! (Python, most annotated corpora) need [`Span::to_char_range`] or, for
//! many spans, a [`CharOffsets`] table; the JSON form of a [`Document`]
//! carries both.
//!
//! # How attribution works
//!
//! Data flows one way: text → segments (paragraphs, sentences, tokens) →
//! quotations and reporting cues → speaker mentions → attributions (an
//! ordered sieve of rules, each named in [`Rule`]) → entities (names,
//! pronouns and role nominals resolved to one canonical name). Every
//! attribution says which rule made it and how sure it is. `DESIGN.md` in
//! the repository explains each stage and why.
//!
//! The quotation finder also runs on its own, at about a gigabyte a second:
//! [`Attributor::quotes`] yields every quotation's marks and content, how it
//! ends, what it is nested in, and whether it reads as speech or as a
//! title or scare quote, in every [`QuoteStyle`].
//!
//! # Crate features
//!
//! * `serde` (default): `Serialize`/`Deserialize` for every result record;
//!   `Serialize` for [`Document`], with byte and char offsets.
//! * `rayon`: analyse many documents in parallel with one shared engine,
//!   results in input order: `Attributor::attribute_batch` for texts in
//!   memory, `Attributor::attribute_stream` for archives larger than memory.
//! * `cli`: the `whosaid` command-line tool (implies `rayon` and `serde`);
//!   see the README or `whosaid --help`.

mod ascii;
#[cfg(feature = "rayon")]
mod batch;
mod builder;
mod character;
mod cue;
mod engine;
mod error;
mod genre;
mod lexicon;
mod mention;
mod output;
mod quote;
mod resolve;
mod scratch;
mod segment;
mod sieve;
mod span;

#[cfg(feature = "rayon")]
pub use batch::AttributeStream;
pub use builder::AttributorBuilder;
pub use cue::Cues;
pub use engine::Attributor;
pub use error::{BuildError, BuildErrorKind};
pub use genre::Genre;
pub use output::{
    Attribution, Cue, CueClass, Document, Gender, MentionKind, Quote, QuoteId, QuoteKind, Rule, Speaker, SpeakerId,
    SpeakerKind, Stance,
};
pub use quote::marks::QuoteStyle;
pub use quote::{Closure, MarkedQuote, Quotes};
pub use span::{CharOffsets, Span};

#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;
