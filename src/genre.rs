//! Genre: news copy or fiction, guessed per document.
//!
//! The two differ in what a reader wants from them. In news, reported
//! speech without quotation marks (`Havel said the budget was honest`) is
//! most of what is attributed; in a novel, the narration is full of `said`
//! and `told` that nobody counts as a quotation, while untagged dialogue
//! turns must be followed through the conversation. Gold corpora follow
//! the same split (PolNeAR annotates indirect speech; PDNC and LitBank only
//! dialogue).
//!
//! The guess: a text is fiction when it is hard-wrapped prose (short lines
//! run on, paragraphs separated by blank lines, as in Project Gutenberg), or
//! when at least a quarter of its paragraphs, and at least three, are
//! dialogue turns with no reporting verb at all (news quotes nearly always
//! carry a tag).

use crate::cue::CueHit;
use crate::quote::RawQuote;
use crate::segment::{ParagraphMode, Segmentation};

/// The kind of text, which decides which attribution rules apply.
///
/// ```
/// use whosaid::{Attributor, Genre};
///
/// let at = Attributor::new();
/// let doc = at.attribute("“We are ready,” the minister said on Friday.");
/// assert_eq!(doc.genre(), Genre::News);
/// let novel = Attributor::builder().genre(Some(Genre::Fiction)).build()?;
/// assert_eq!(novel.attribute("She said it was late.").genre(), Genre::Fiction);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[non_exhaustive]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum Genre {
    /// News and other non-fiction: reported speech without quotation marks
    /// is attributed too.
    News,
    /// Fiction: only quoted dialogue is attributed, and untagged turns
    /// follow the conversation.
    Fiction,
}

/// The least share of untagged dialogue paragraphs that makes fiction.
const UNTAGGED_SHARE: f32 = 0.25;
/// The fewest untagged dialogue paragraphs that make fiction.
const MIN_UNTAGGED: usize = 3;
/// The fewest paragraphs for the dialogue test.
const MIN_PARAGRAPHS: usize = 8;

/// Guesses the genre of a segmented text.
pub(crate) fn guess(seg: &Segmentation, quotes: &[RawQuote], cues: &[CueHit]) -> Genre {
    if seg.mode == ParagraphMode::BlankLines {
        return Genre::Fiction;
    }
    let paras = seg.paragraphs.len();
    if paras < MIN_PARAGRAPHS {
        return Genre::News;
    }
    // Paragraphs that open with a quotation and hold no cue.
    let mut untagged = 0usize;
    let mut q = 0usize;
    let mut c = 0usize;
    for (pi, p) in seg.paragraphs.iter().enumerate() {
        while q < quotes.len() && (quotes[q].para as usize) < pi {
            q += 1;
        }
        while c < cues.len() && cues[c].span.start < p.start {
            c += 1;
        }
        let opens = quotes.get(q).is_some_and(|x| x.para as usize == pi && x.outer.start == p.start);
        let has_cue = cues.get(c).is_some_and(|x| x.span.start < p.end);
        if opens && !has_cue {
            untagged += 1;
        }
    }
    // (Two untagged turns in a short article are a reply and a slogan, not
    // a conversation.)
    if untagged >= MIN_UNTAGGED && untagged as f32 >= UNTAGGED_SHARE * paras as f32 {
        Genre::Fiction
    } else {
        Genre::News
    }
}

#[cfg(test)]
mod tests {
    use super::Genre;
    use crate::Attributor;

    #[test]
    fn two_untagged_quotes_in_a_short_article_keep_it_news() {
        let at = Attributor::new();
        let news = "Varga takes on the port board.\n\
                    OSTRAVA, May 3 (Gazette) \u{2014} The harbour has a board of former captains.\n\
                    So it was no surprise when Ines Varga went off script on Thursday.\n\
                    \u{201c}They started by cutting the night shift,\u{201d} Varga said.\n\
                    \u{201c}Then they closed the canteen, and now the ferry is next.\u{201d}\n\
                    Varga, who said she usually backs the board, praised the mayor.\n\
                    \u{201c}The board has done an awful job,\u{201d} Varga said.\n\
                    \u{201c}And it is sad that the port has sold its soul.\u{201d}";
        assert_eq!(at.attribute(news).genre(), Genre::News);
        // Three untagged turns in eight paragraphs are a conversation.
        let novel = "The kitchen was warm.\n\
                     \u{201c}Is the ferry late again?\u{201d}\n\
                     \u{201c}It is always late.\u{201d}\n\
                     \u{201c}Then we walk.\u{201d}\n\
                     Marta put on her coat.\n\
                     The rain had stopped.\n\
                     They went out together.\n\
                     The road was empty.";
        assert_eq!(at.attribute(novel).genre(), Genre::Fiction);
    }
}
