//! Pass 6: a speaker and a colon opening a paragraph: `Clinton: Trump's
//! view of the world is dangerously wrong`.

use super::tag_then_clause::has_finite_verb;
use super::{Draft, Pass};
use crate::genre::Genre;
use crate::output::{MentionKind, Rule};

/// A headline or summary line in the news style `SPEAKER: CLAUSE`
/// (`Clinton: Trump's view is wrong`, `Poll: Clinton and Trump in dead
/// heat`, `Historians: the two are linked`): the words after the colon,
/// unquoted, are what the speaker said. (A quotation after the colon is
/// the leading-tag pass's.)
///
/// The speaker must be one the text knows: a name of two words or more, or
/// one the text mentions again; an organisation or a document; a plural
/// group. `Update:` or `Note:` name no one, nor `Q:` or `LOOK:`; and the
/// words after the colon must make a clause.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Headline;

/// How often this rule is right, before resolution.
pub(crate) const PRIOR: f32 = 0.8;

/// The fewest words after the colon.
const MIN_WORDS: usize = 3;

impl Pass for Headline {
    fn apply(&self, d: &mut Draft<'_>) {
        if d.genre != Genre::News {
            return;
        }
        for p in 0..d.seg.paragraphs.len() {
            let para = d.seg.paragraphs[p];
            let first = d.token_at(para.start);
            let Some(m) = d.mention_at(first) else { continue };
            let colon = d.mentions[m].end as usize;
            if d.bytes(colon) != b":" || !d.can_speak(m) || !known_speaker(d, m) {
                continue;
            }
            let start = colon + 1;
            let Some(t) = d.seg.tokens.get(start) else { continue };
            if t.span.start >= para.end || d.top_starting_at(t.span.start).is_some() {
                continue;
            }
            let mut stop = d.token_at(para.end);
            while stop > start && matches!(d.bytes(stop - 1), b"." | b"?" | b"!" | b";" | b",") {
                stop -= 1;
            }
            let words = d.words_in(start, stop);
            // (A clause, with its verb: `Sanders: Win in a walk` heads a
            // section.)
            if words < MIN_WORDS || d.crosses_quote(start, stop) || !has_finite_verb(d, start, stop) {
                continue;
            }
            let q = d.add_report(start, stop, m, None, Rule::ColonIntro, PRIOR);
            if let Some(a) = d.quotes[q].attr.as_mut() {
                a.colon = Some(d.seg.tokens[colon].span);
            }
        }
    }
}

/// True when mention `m` names a speaker the text knows (see [`Headline`]).
fn known_speaker(d: &Draft<'_>, m: usize) -> bool {
    let mention = &d.mentions[m];
    match mention.kind {
        // (Not an interview's `Q:`, nor a kicker's `LOOK:`.)
        MentionKind::Name => {
            let head = &d.text[mention.head];
            let caps = head.chars().all(|c| !c.is_lowercase());
            !caps && (mention.end - mention.first >= 2 || d.text.match_indices(head).nth(1).is_some())
        }
        // (Not a column's name, `The Latest:`.)
        MentionKind::Organization => {
            mention.document || !d.text[mention.span].starts_with("The ") || d.text[mention.head].contains(' ')
        }
        MentionKind::Nominal | MentionKind::Anonymous => mention.plural || mention.document,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use crate::Attributor;

    #[test]
    fn a_speaker_and_a_colon_open_a_headline() {
        let Ok(at) = Attributor::builder().genre(Some(crate::Genre::News)).build() else { panic!("the builder fails") };
        let doc = at.attribute("Varga: the tolls are far too high\n\nInes Varga spoke in the port on Friday.");
        let found: Vec<(&str, &str)> =
            doc.speech().filter_map(|q| Some((doc.text_of(q.span()), q.attribution()?.speaker_name()))).collect();
        assert_eq!(found, vec![("the tolls are far too high", "Ines Varga")]);
        // No one is named by `Update:`.
        let doc = at.attribute("Update: the tolls are far too high\n\nThe port opened on Friday.");
        assert_eq!(doc.speech().count(), 0);
    }
}
