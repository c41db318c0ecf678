//! [`Attributor`]: the engine, built once and shared.

use crate::builder::AttributorBuilder;
use crate::cue::{CueHit, CueMatcher, Cues};
use crate::lexicon::Lexicons;
use crate::mention::find_mentions_into;
use crate::output::Document;
use crate::quote::{QuoteScanner, Quotes};
use crate::resolve::resolve;
use crate::scratch::Scratch;
use crate::segment::Segmentation;
use crate::sieve::{Draft, Pass};
use crate::span::Span;
use std::sync::Arc;

/// Finds the quotations of a text and who said them.
///
/// Build it once (it compiles the cue lexicon) and reuse it: it is
/// immutable, `Send + Sync`, and cheap to clone (an `Arc`).
/// [`attribute`](Attributor::attribute) never fails and never panics, on
/// any `&str`, and runs in time linear in the text's length.
///
/// # Example
///
/// ```
/// use whosaid::Attributor;
///
/// let at = Attributor::new();
/// let doc = at.attribute("“We will not leave,” said Marisol Quintero.");
/// let quote = &doc.quotes()[0];
/// assert_eq!(doc.text_of(quote.content()), "We will not leave,");
/// let who = quote.attribution().ok_or("no speaker")?;
/// assert_eq!(who.speaker_name(), "Marisol Quintero");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug)]
pub struct Attributor {
    inner: Arc<Inner>,
}

/// The engine's immutable parts.
#[derive(Debug)]
pub(crate) struct Inner {
    pub lex: Lexicons,
    pub matcher: CueMatcher,
    pub scanner: QuoteScanner,
    pub passes: Vec<Box<dyn Pass>>,
    /// A genre forced by the builder; `None` guesses per document.
    pub genre: Option<crate::genre::Genre>,
    /// Cue classes switched off by the builder.
    pub disabled_classes: Vec<crate::output::CueClass>,
}

impl Default for Attributor {
    fn default() -> Attributor {
        Attributor::new()
    }
}

impl Attributor {
    /// The English defaults: every quotation-mark style and the built-in
    /// lexicons.
    pub fn new() -> Attributor {
        // The embedded lexicons are checked by the tests, so this cannot
        // fail; should it, an engine with no cues still finds quotes.
        AttributorBuilder::new().build().unwrap_or_else(|_| Attributor::fallback())
    }

    /// A builder to configure quote styles and the cue lexicon.
    pub fn builder() -> AttributorBuilder {
        AttributorBuilder::new()
    }

    pub(crate) fn from_inner(inner: Inner) -> Attributor {
        Attributor { inner: Arc::new(inner) }
    }

    fn fallback() -> Attributor {
        Attributor::from_inner(Inner {
            lex: Lexicons::english(),
            matcher: CueMatcher::empty(),
            scanner: QuoteScanner::new(0xFF),
            passes: crate::sieve::default_passes(),
            genre: None,
            disabled_classes: Vec::new(),
        })
    }

    /// Finds the quotations of `text`, without looking for cues or
    /// speakers: the quotation finder alone, for callers that need only the
    /// marked spans (and for measuring the finder).
    ///
    /// Every mark style enabled in the builder is recognised; apostrophes
    /// (`don't`, `'tis`, `the '90s`) are told from single quotes; a missing
    /// closing mark is recovered at the end of its paragraph. Never panics;
    /// runs in time linear in `text.len()`.
    ///
    /// # Example
    ///
    /// ```
    /// use whosaid::{Attributor, Closure};
    ///
    /// let text = "“We won’t leave,” she said. “Never.\nThen 'rock 'n' roll' began.";
    /// let found: Vec<_> = Attributor::new().quotes(text).collect();
    /// let contents: Vec<&str> = found.iter().map(|q| &text[q.content()]).collect();
    /// assert_eq!(contents, ["We won’t leave,", "Never.", "rock 'n' roll"]);
    /// assert_eq!(found[1].closure(), Closure::Unclosed);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn quotes(&self, text: &str) -> Quotes {
        let inner = &*self.inner;
        let paragraphs = crate::segment::paragraph_spans(text);
        Quotes::new(inner.scanner.scan_with_cues(text, &paragraphs, &inner.lex, &inner.matcher, None))
    }

    /// Every reporting cue in `text`, in order, lazily: verbs (`said`,
    /// `underscored`), phrases (`according to`, `went on to say`) and
    /// noun frames (`in a statement`), a verb and its frames as one cue
    /// (`told reporters`). Cue words used in another sense are left out
    /// (`the said property`, `needless to say`). Cues inside quotations
    /// are included.
    ///
    /// This runs only the cue matcher, so it is far faster than
    /// [`attribute`](Attributor::attribute); each cue's span is in
    /// bounds, on `char` boundaries, and after the previous cue's.
    ///
    /// # Example
    ///
    /// ```
    /// use whosaid::{Attributor, CueClass, Stance};
    ///
    /// let at = Attributor::new();
    /// let text = "Needless to say, she told reporters the claim was false, as Ruiz admitted.";
    /// let cues: Vec<_> = at.cues(text).collect();
    /// assert_eq!(cues.len(), 2);
    /// assert_eq!(&text[cues[0].span()], "told reporters");
    /// assert_eq!((cues[0].lemma(), cues[0].class()), ("tell", CueClass::Speech));
    /// assert_eq!((cues[1].lemma(), cues[1].stance()), ("admit", Stance::Evaluative));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn cues<'a, 'h>(&'a self, text: &'h str) -> Cues<'a, 'h> {
        Cues::new(&self.inner.matcher, text)
    }

    /// The cue lexicon in use, in the text format that
    /// [`AttributorBuilder::cue_lexicon`] reads, with every form written
    /// out: one `lemma | class | stance | forms` line per entry. Useful to
    /// see what the engine knows, or to edit it and load it back.
    ///
    /// # Example
    ///
    /// ```
    /// use whosaid::Attributor;
    ///
    /// let lexicon = Attributor::new().cue_lexicon();
    /// let say = lexicon.lines().find(|l| l.starts_with("say |")).ok_or("no say")?;
    /// assert_eq!(say, "say | speech | neutral | said, say, saying, says");
    /// // Reading it back gives an engine with the same cues.
    /// let copy = Attributor::builder().default_cues(false).cue_lexicon(&lexicon).build()?;
    /// assert_eq!(copy.cues("He said so.").count(), 1);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn cue_lexicon(&self) -> String {
        let mut out = String::new();
        for e in &self.inner.matcher.entries {
            out.push_str(&e.to_line());
            out.push('\n');
        }
        out
    }

    /// Analyses `text`: finds its quotations, their cues and speakers.
    ///
    /// Never panics; any `&str` gives a [`Document`] (perhaps with no
    /// quotes). Runs in time linear in `text.len()`.
    pub fn attribute<'h>(&self, text: &'h str) -> Document<'h> {
        Scratch::with(text.len(), |scratch| self.attribute_in(text, scratch))
    }

    /// [`attribute`](Self::attribute), with its working lists taken from
    /// `scratch` and given back to it.
    fn attribute_in<'h>(&self, text: &'h str, scratch: &mut Scratch) -> Document<'h> {
        use core::mem::take;
        let inner = &*self.inner;
        let mut seg = core::mem::replace(&mut scratch.seg, Segmentation::empty());
        seg.refill(text, &inner.lex, Some(&inner.matcher));
        let seg = seg;
        let mut hits = take(&mut scratch.hits);
        inner.matcher.find_in_tokens_into(text, &seg, &mut hits);
        if !inner.disabled_classes.is_empty() {
            hits.retain(|h| inner.matcher.entry(*h).is_none_or(|e| !inner.disabled_classes.contains(&e.class)));
        }
        // The finder reads the cues too: one before a short run-in quote
        // keeps it speech (a mixed quotation).
        let mut cue_starts = take(&mut scratch.cue_starts);
        cue_starts.clear();
        cue_starts.extend(hits.iter().map(|h| h.span.start));
        let mut raw = take(&mut scratch.raw);
        inner.scanner.scan_into(
            text,
            &seg.paragraphs,
            &inner.lex,
            &inner.matcher,
            Some(&cue_starts),
            &mut scratch.pair,
            &mut raw,
        );
        let mut top = take(&mut scratch.top);
        top.clear();
        top.extend(raw.iter().filter(|q| q.depth == 0).map(|q| q.outer));
        let (mut cues, mut inner_cues) = (take(&mut scratch.cues), take(&mut scratch.inner_cues));
        split_by_quotes(&hits, &top, &mut cues, &mut inner_cues);
        let genre = inner.genre.unwrap_or_else(|| crate::genre::guess(&seg, &raw, &cues));
        // The fiction rules that take quotes away from speech need a sure
        // guess: fiction forced by the builder, or a novel's layout (the
        // dialogue test alone also takes interview-heavy news for fiction).
        let book = match inner.genre {
            Some(g) => g == crate::genre::Genre::Fiction,
            None => seg.mode == crate::segment::ParagraphMode::BlankLines,
        };
        if book {
            crate::quote::mark_fiction_terms(text, &seg.paragraphs, &mut raw, &cues, &inner.matcher, &inner.lex);
        } else if genre == crate::genre::Genre::News {
            crate::quote::mark_news_titles(text, &seg.paragraphs, &mut raw, &cue_starts);
        }
        let mut cue_spans = take(&mut scratch.cue_spans);
        cue_spans.clear();
        cue_spans.extend(cues.iter().map(|c| c.span));
        let mut mentions = take(&mut scratch.mentions);
        find_mentions_into(
            text,
            &seg,
            &top,
            &cue_spans,
            &cues,
            &inner.lex,
            genre,
            &mut scratch.mention_lists,
            &mut mentions,
        );
        if genre == crate::genre::Genre::Fiction {
            crate::character::mark_narrator(text, &mut mentions, &inner.lex);
            crate::character::add_descriptions(text, &seg, &inner.lex, &top, &cue_spans, &mut mentions);
        }
        let lists = take(&mut scratch.draft);
        let mut draft = Draft::new_in(text, &seg, &inner.lex, &inner.matcher, &raw, cues, mentions, lists);
        draft.genre = genre;
        if genre == crate::genre::Genre::Fiction {
            draft.cast = crate::character::Cast::new(text, &seg, &inner.lex, &draft.mentions);
        }
        draft.inner_cues = inner_cues;
        for pass in &inner.passes {
            pass.apply(&mut draft);
        }
        if book {
            crate::sieve::drop_written(&mut draft);
        }
        let (quotes, speakers) = resolve(&draft, &mut scratch.resolver);
        draft.recycle(scratch);
        scratch.seg = seg;
        scratch.hits = hits;
        scratch.cue_starts = cue_starts;
        scratch.raw = raw;
        scratch.top = top;
        scratch.cue_spans = cue_spans;
        Document { text, genre, quotes, speakers }
    }
}

/// Splits the cue hits into those outside the top-level quotations
/// (`outside`) and those inside one (`inside`), both cleared first
/// (`spans` sorted by start).
fn split_by_quotes(hits: &[CueHit], spans: &[Span], outside: &mut Vec<CueHit>, inside: &mut Vec<CueHit>) {
    let mut q = 0usize;
    // (Both sized for all the hits: no regrowth.)
    outside.clear();
    outside.reserve(hits.len());
    inside.clear();
    inside.reserve(hits.len());
    for &h in hits {
        while q < spans.len() && spans[q].end <= h.span.start {
            q += 1;
        }
        if spans.get(q).is_some_and(|s| s.start <= h.span.start && h.span.end <= s.end) {
            inside.push(h);
        } else {
            outside.push(h);
        }
    }
}
