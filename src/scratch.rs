//! [`Scratch`]: the working lists of one analysis, kept for the next.
//!
//! [`Attributor::attribute`](crate::Attributor::attribute) fills a dozen
//! lists per document (tokens, sentences, cue hits, mentions, the passes'
//! tables, the resolver's), several of them tens of kilobytes. Allocated
//! afresh for each document and freed at its end, they cost more than
//! their size suggests: each large request makes the C allocator first
//! merge all the small blocks freed since the last one (glibc's
//! `malloc_consolidate`), and fresh memory is cold in the cache. So each
//! thread keeps one `Scratch`: a document takes it, clears and fills its
//! lists (which keep their room), and hands it back for the next one. The
//! results ([`Document`](crate::Document)) never borrow from it.
//!
//! The lists hold no borrowed text, only spans and indices, so one
//! `Scratch` serves documents of any lifetime. A document longer than
//! [`MAX_KEPT_TEXT`] runs on fresh lists and leaves the kept ones alone,
//! so no thread holds on to the room a huge document needed.

use crate::cue::CueHit;
use crate::mention::{Mention, MentionLists};
use crate::quote::{PairLists, RawQuote};
use crate::resolve::ResolverLists;
use crate::segment::Segmentation;
use crate::sieve::DraftLists;
use crate::span::Span;
use std::cell::Cell;

/// The longest text whose lists a thread keeps (in bytes): the lists run
/// to about 30 bytes per byte of text, so a thread keeps a few megabytes
/// at most.
pub(crate) const MAX_KEPT_TEXT: usize = 256 * 1024;

/// The reusable lists of one analysis (see the module docs). Each field
/// is empty between documents, but keeps its room.
#[derive(Debug)]
pub(crate) struct Scratch {
    /// The segmentation's lists ([`Segmentation::refill`]).
    pub seg: Segmentation,
    /// All the cue hits.
    pub hits: Vec<CueHit>,
    /// Their starts, for the quote finder.
    pub cue_starts: Vec<usize>,
    /// The quote finder's output, and its pairing's lists.
    pub raw: Vec<RawQuote>,
    pub pair: PairLists,
    /// The top-level quotes' spans.
    pub top: Vec<Span>,
    /// The cue hits outside top-level quotes, those inside, and the spans
    /// of those outside.
    pub cues: Vec<CueHit>,
    pub inner_cues: Vec<CueHit>,
    pub cue_spans: Vec<Span>,
    /// The mentions, and the mention finder's lists.
    pub mentions: Vec<Mention>,
    pub mention_lists: MentionLists,
    /// The draft's own lists.
    pub draft: DraftLists,
    /// The resolver's lists.
    pub resolver: ResolverLists,
}

impl Default for Scratch {
    fn default() -> Scratch {
        Scratch {
            seg: Segmentation::empty(),
            hits: Vec::new(),
            cue_starts: Vec::new(),
            raw: Vec::new(),
            pair: PairLists::default(),
            top: Vec::new(),
            cues: Vec::new(),
            inner_cues: Vec::new(),
            cue_spans: Vec::new(),
            mentions: Vec::new(),
            mention_lists: MentionLists::default(),
            draft: DraftLists::default(),
            resolver: ResolverLists::default(),
        }
    }
}

thread_local! {
    /// This thread's kept scratch; `None` while a document uses it (or
    /// before the first document).
    static KEPT: Cell<Option<Box<Scratch>>> = const { Cell::new(None) };
}

impl Scratch {
    /// Runs `f` with this thread's kept scratch (a new one the first time,
    /// or when it is in use already), and keeps it again afterwards; a
    /// text longer than [`MAX_KEPT_TEXT`] gets a scratch of its own.
    pub fn with<R>(text_len: usize, f: impl FnOnce(&mut Scratch) -> R) -> R {
        if text_len > MAX_KEPT_TEXT {
            return f(&mut Scratch::default());
        }
        // (`try_with` fails only while the thread is being torn down.)
        let mut scratch = KEPT.try_with(Cell::take).ok().flatten().unwrap_or_default();
        let out = f(&mut scratch);
        let _ = KEPT.try_with(|k| k.set(Some(scratch)));
        out
    }
}

#[cfg(test)]
mod tests {
    use crate::Attributor;

    /// What `attribute` gives for `text` on a thread of its own, whose
    /// scratch is new.
    fn fresh(at: &Attributor, text: &str) -> String {
        let (at, text) = (at.clone(), text.to_string());
        std::thread::spawn(move || format!("{:?}", at.attribute(&text))).join().unwrap_or_default()
    }

    #[test]
    fn a_reused_scratch_gives_what_a_new_one_gives() {
        let news = "“We will not leave,” said Marisol Quintero, the port's director. She added that the \
                    strike would go on.\nThe minister, Ana Ruiz, told reporters: “It is over.” “Not yet,” \
                    Quintero said.\n";
        let book = "CHAPTER I\n\n“Come in,” said Mr. Wren, without\nlooking up.\n\n“I would rather \
                    not,” she answered.\n\n“Then stay there,” he said, “and say nothing.”\n";
        let long = news.repeat(super::MAX_KEPT_TEXT / news.len() + 2);
        let at = Attributor::new();
        // Each text after texts of other sizes and genres, twice.
        let texts = [news, book, "", "He said.", long.as_str(), news, book, "“", news];
        let want: Vec<String> = texts.iter().map(|t| fresh(&at, t)).collect();
        for _ in 0..2 {
            for (t, w) in texts.iter().zip(&want) {
                assert_eq!(&format!("{:?}", at.attribute(t)), w, "{t:.40}");
            }
        }
        assert!(want[0].contains("Marisol Quintero"), "{}", want[0]);
    }
}
