//! Pass 10 (fiction): the turns of a conversation.

use super::{AttrDraft, Draft, Pass};
use crate::genre::Genre;
use crate::output::{Gender, MentionKind, Rule};

/// Follows the conversation paragraph by paragraph. In a novel a new
/// paragraph of dialogue is a new turn, one paragraph has one speaker, and
/// most turns carry no tag at all: who speaks follows from who spoke
/// before. The walk keeps the characters in the scene (who was mentioned
/// or spoke lately, and as what) and the turns so far, and for each
/// paragraph with quotations
///
/// * resolves a pronoun tag (`“…,” she said`) to a character of that
///   gender, preferring the one the previous turn addressed, the one who
///   spoke two turns ago, and whoever the narration just named, and never
///   the one who spoke the turn before, nor one named inside the quote;
/// * gives the paragraph's untagged quotes the paragraph's speaker;
/// * for a paragraph with no speaker at all, takes the person the previous
///   turn addressed (`“…, Margaret?”` ¶ `“…”`, [`Rule::Addressed`]), else
///   the participant who spoke two turns ago (A, B, A, B), else the other
///   person in the scene ([`Rule::TurnTaking`]).
///
/// Leaves alone a quote in a paragraph whose previous turn is not the
/// paragraph just before and whose scene holds nobody yet (`“Who is
/// there?”` opening a chapter): there is no conversation to follow.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Conversation;

/// How often the addressee of the previous turn speaks next.
pub(crate) const ADDRESSED_PRIOR: f32 = 0.8;
/// How often the speaker of turn n-2 speaks turn n.
pub(crate) const TURN_PRIOR: f32 = 0.8;
/// How often the other person in the scene speaks.
pub(crate) const SCENE_PRIOR: f32 = 0.5;

/// How many paragraphs a character stays in the scene without being
/// mentioned.
const SCENE: u32 = 15;

/// One paragraph of dialogue.
#[derive(Clone, Copy, Debug)]
struct Turn {
    para: u32,
    /// The speaking character.
    speaker: Option<usize>,
    /// The character spoken to, and the mention naming it.
    addressee: Option<(usize, usize)>,
}

/// When a character was last in the scene.
#[derive(Clone, Copy, Debug, Default)]
struct Seen {
    /// The paragraph of its latest mention outside quotations, or of its
    /// latest turn.
    para: Option<u32>,
    /// That mention (or the mention its turn was attributed through).
    mention: Option<usize>,
    /// True when that mention was a sentence subject or a speaker.
    subject: bool,
}

/// The state of the walk.
struct Walk {
    seen: Vec<Seen>,
    turns: Vec<Turn>,
}

impl Pass for Conversation {
    fn apply(&self, d: &mut Draft<'_>) {
        if d.genre != Genre::Fiction {
            return;
        }
        let mut order: Vec<usize> =
            (0..d.quotes.len()).filter(|&q| d.quotes[q].depth == 0 && d.quotes[q].kind.is_speech()).collect();
        order.sort_by_key(|&q| d.quotes[q].outer.start);
        // Which mentions are the tags of quotes.
        let mut is_tag = vec![false; d.mentions.len()];
        for &q in &order {
            if let Some(a) = d.quotes[q].attr {
                if let Some(t) = is_tag.get_mut(a.mention) {
                    *t = true;
                }
            }
        }
        let mut walk = Walk { seen: vec![Seen::default(); d.cast.characters.len()], turns: Vec::new() };
        let mut mi = 0usize;
        let mut qi = 0usize;
        for p in 0..d.seg.paragraphs.len() as u32 {
            let q_start = qi;
            while qi < order.len() && d.quotes[order[qi]].para <= p {
                qi += 1;
            }
            let quotes: Vec<usize> = order[q_start..qi].iter().copied().filter(|&q| d.quotes[q].para == p).collect();
            let named = walk.named_in_quotes(d, &quotes);
            // The paragraph's mentions outside quotations, in order.
            while mi < d.mentions.len() && para_of(d, mi) <= p {
                let m = mi;
                mi += 1;
                if para_of(d, m) < p || d.mentions[m].in_quote {
                    continue;
                }
                walk.mention(d, m, p, is_tag[m], &named);
            }
            if quotes.is_empty() {
                continue;
            }
            walk.turn(d, p, &quotes, &named);
        }
    }
}

/// The paragraph of mention `m`.
fn para_of(d: &Draft<'_>, m: usize) -> u32 {
    d.seg.tokens.get(d.mentions[m].first as usize).map_or(0, |t| t.para)
}

/// True for `he` and `she`.
fn personal_pronoun(d: &Draft<'_>, m: usize) -> Option<Gender> {
    let mention = &d.mentions[m];
    (mention.kind == MentionKind::Pronoun && !mention.plural && matches!(mention.gender, Gender::Male | Gender::Female))
        .then_some(mention.gender)
}

impl Walk {
    /// The characters named inside the paragraph's quotes: they are spoken
    /// to or about, and seldom the speaker.
    fn named_in_quotes(&self, d: &Draft<'_>, quotes: &[usize]) -> Vec<usize> {
        let mut out = Vec::new();
        for &q in quotes {
            let inner = d.quotes[q].inner;
            let lo = d.mentions.partition_point(|m| m.span.start < inner.start);
            for m in lo..d.mentions.len() {
                if d.mentions[m].span.start >= inner.end {
                    break;
                }
                if d.mentions[m].kind == MentionKind::Name {
                    if let Some(c) = d.cast.of(m) {
                        out.push(c);
                    }
                }
            }
        }
        out
    }

    /// Takes in mention `m` of the narration of paragraph `p`: a name puts
    /// its character in the scene; a pronoun tag is resolved first.
    fn mention(&mut self, d: &mut Draft<'_>, m: usize, p: u32, tag: bool, named: &[usize]) -> Option<()> {
        let subject = tag || d.subject_of_sentence(d.mentions[m].first as usize + 1) == Some(m);
        let c = match (d.cast.of(m), personal_pronoun(d, m)) {
            (Some(c), _) => Some(c),
            (None, Some(gender)) => {
                // A tag pronoun follows the turns; a pronoun in the
                // narration only keeps its character in the scene.
                let excluded: &[usize] = if tag { named } else { &[] };
                let best = self.best(d, p, gender, tag, excluded)?;
                if !tag {
                    // Keep the mention the cast knows, to attribute through.
                    let keep = self.seen[best].mention;
                    self.seen[best] = Seen { para: Some(p), mention: keep, subject };
                    return Some(());
                }
                let via = self.seen[best].mention;
                d.cast.assign(m, best, via, gender);
                Some(best)
            }
            _ => None,
        };
        if let Some(c) = c {
            self.touch(c, p, m, subject);
        }
        Some(())
    }

    fn touch(&mut self, c: usize, p: u32, m: usize, subject: bool) {
        if let Some(s) = self.seen.get_mut(c) {
            *s = Seen { para: Some(p), mention: Some(m), subject };
        }
    }

    /// The previous turn, when it is the paragraph just before `p`.
    fn prev(&self, p: u32) -> Option<Turn> {
        self.turns.last().copied().filter(|t| t.para + 1 == p)
    }

    /// The turn before the previous one, when the two are adjacent.
    fn prev2(&self, p: u32) -> Option<Turn> {
        let prev = self.prev(p)?;
        let n = self.turns.len();
        self.turns.get(n.checked_sub(2)?).copied().filter(|t| t.para + 1 == prev.para)
    }

    /// The most likely character for a mention of `gender` (or anyone, for
    /// `Gender::Unknown`) in paragraph `p`. With `turns`, the turn-taking
    /// of the conversation counts too.
    fn best(&self, d: &Draft<'_>, p: u32, gender: Gender, turns: bool, excluded: &[usize]) -> Option<usize> {
        let prev = if turns { self.prev(p) } else { None };
        let prev2 = if turns { self.prev2(p) } else { None };
        let mut best: Option<(f32, usize)> = None;
        for (c, ch) in d.cast.characters.iter().enumerate() {
            let seen = self.seen[c];
            let Some(last) = seen.para else { continue };
            if p.saturating_sub(last) > SCENE || excluded.contains(&c) {
                continue;
            }
            if gender != Gender::Unknown && (ch.narrator || !ch.gender.compatible(gender)) {
                continue;
            }
            let b = |x: bool| f32::from(u8::from(x));
            let mut s = -0.3 * p.saturating_sub(last) as f32 + 1.0 * b(last == p) + 0.5 * b(seen.subject);
            if gender != Gender::Unknown {
                s += 0.5 * b(ch.gender == gender || ch.name_gender == gender);
                s -= 2.0 * b(ch.gender == Gender::Unknown && !ch.name_gender.compatible(gender));
            }
            if let Some(t) = prev {
                s -= 3.0 * b(t.speaker == Some(c));
                s += 2.0 * b(t.addressee.is_some_and(|(a, _)| a == c));
            }
            if let Some(t) = prev2 {
                s += 1.5 * b(t.speaker == Some(c));
            }
            if best.is_none_or(|(bs, _)| s > bs) {
                best = Some((s, c));
            }
        }
        best.map(|(_, c)| c)
    }

    /// Settles the speaker of paragraph `p`, whose quotes are `quotes`.
    fn turn(&mut self, d: &mut Draft<'_>, p: u32, quotes: &[usize], named: &[usize]) {
        let addressee = quotes.iter().find_map(|&q| d.quotes[q].addressee).and_then(|m| Some((d.cast.of(m)?, m)));
        // A quote of the paragraph with an attribution names its speaker.
        let tagged = quotes.iter().find_map(|&q| d.quotes[q].attr);
        let (speaker, mention) = match tagged {
            Some(a) => (d.cast.of(a.mention), Some(a.mention)),
            None => match self.infer(d, p, named) {
                Some((c, m, rule, prior)) => {
                    for &q in quotes {
                        d.attribute(q, AttrDraft::new(m, None, rule, prior));
                    }
                    (Some(c), Some(m))
                }
                None => (None, None),
            },
        };
        // One paragraph, one speaker.
        if let (Some(a), true) = (tagged, speaker.is_some()) {
            for &q in quotes {
                if d.quotes[q].attr.is_none() {
                    d.attribute(q, AttrDraft { rule: Rule::Continuation, ..a });
                }
            }
        }
        if let (Some(c), Some(m)) = (speaker, mention) {
            self.touch(c, p, m, true);
        }
        // Whoever is addressed is in the scene.
        if let Some((a, m)) = addressee.filter(|&(a, _)| Some(a) != speaker) {
            if self.seen[a].para.is_none_or(|s| s < p) {
                self.touch(a, p, m, false);
            }
        }
        self.turns.push(Turn { para: p, speaker, addressee });
    }

    /// The speaker of an untagged paragraph `p`: (character, mention to
    /// attribute through, rule, prior).
    fn infer(&self, d: &Draft<'_>, p: u32, named: &[usize]) -> Option<(usize, usize, Rule, f32)> {
        let prev = self.prev(p);
        let with_mention = |c: usize, rule: Rule, prior: f32| {
            let m = self.seen.get(c).and_then(|s| s.mention)?;
            Some((c, m, rule, prior))
        };
        if let Some(t) = prev {
            if let Some((a, m)) = t.addressee.filter(|&(a, _)| Some(a) != t.speaker && !named.contains(&a)) {
                return Some((a, m, Rule::Addressed, ADDRESSED_PRIOR));
            }
            if let Some(t2) = self.prev2(p) {
                if let Some(c) = t2.speaker.filter(|&c| Some(c) != t.speaker && !named.contains(&c)) {
                    if let Some(found) = with_mention(c, Rule::TurnTaking, TURN_PRIOR) {
                        return Some(found);
                    }
                }
            }
        }
        let c = self.best(d, p, Gender::Unknown, true, named)?;
        with_mention(c, Rule::TurnTaking, SCENE_PRIOR)
    }
}
