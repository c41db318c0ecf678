//! Fiction: words written, not said.
//!
//! A novel quotes letters, notes and inscriptions as it quotes dialogue,
//! and tags them with a verb of writing (`"Remember," she wrote, "that he
//! bears your grandfather's name."`, `He wrote: "…"`). The annotated
//! dialogue of a novel does not count them; in a document known to be a
//! novel, a quote the passes attributed through a writing cue (class
//! `writing` of `cues.txt`) is a term, and so are the parts that took
//! that attribution over (the second part of an interrupted quote, a
//! continuation), which carry the same cue.
//!
//! `read` is the exception: a character reading a note aloud speaks
//! (`I read the label carefully: "One powder at bedtime."`), and annotated
//! novels count it about as often as not.
//!
//! Measured on PDNC dev: the quotes tagged `wrote` or `written` were
//! never annotated but once.

use super::Draft;
use crate::output::{CueClass, QuoteKind};

/// How far back (in bytes) a verb of saying is looked for before a
/// writing cue.
const MAX_SAID_BEFORE: usize = 64;

/// Makes terms of the quotes attributed through a writing cue other than
/// `read`, unless a verb of saying stands shortly before that cue in the
/// same stretch of narration (`he said, writing busily, "…"`: the writing
/// is what the speaker does while talking). Linear in the number of quotes;
/// each looks at a bounded stretch before its cue.
pub(crate) fn drop_written(d: &mut Draft<'_>) {
    let class = |c: usize| d.cues.get(c).and_then(|&h| d.matcher.entry(h)).map(|e| (e.class, &*e.lemma == "read"));
    for i in 0..d.quotes.len() {
        let Some(cue) = d.quotes[i].attr.and_then(|a| a.cue) else { continue };
        if class(cue) != Some((CueClass::Writing, false)) {
            continue;
        }
        let start = d.cues[cue].span.start;
        let floor = start.saturating_sub(MAX_SAID_BEFORE);
        let said_before = (0..cue).rev().take_while(|&c| d.cues[c].span.start >= floor).any(|c| {
            let between = d.text.get(d.cues[c].span.end..start).unwrap_or("\"");
            d.matcher.is_speech(d.cues[c])
                && !between.contains(['"', '\u{201c}', '\u{201d}'])
                && !between.contains("\n\n")
        });
        if !said_before {
            let q = &mut d.quotes[i];
            q.attr = None;
            q.kind = QuoteKind::Term;
            q.firm = true;
        }
    }
}
