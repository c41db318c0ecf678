//! Pass 13 (fiction): the turns of a conversation.

use super::{AttrDraft, Draft, Pass};
use crate::genre::Genre;
use crate::output::{Gender, MentionKind, Rule};

/// Follows the conversations of a story. In a novel a new paragraph of
/// dialogue is a new turn, one paragraph has one speaker, and most turns
/// carry no tag at all: who speaks follows from who spoke before and after.
///
/// The pass walks the paragraphs once, keeping the characters in the scene
/// (who was mentioned lately, and as a subject or not), and makes one turn
/// of each paragraph with quotations, noting its evidence: a tag or beat
/// that names the speaker (`said Elizabeth`), one that only gives a gender
/// (`she said`), a vocative (`…, Margaret?`: the addressee, never the
/// speaker), names inside the quotes. Consecutive turns form a
/// conversation, unless the narration between them brings in someone new.
/// Each conversation is then decoded as a whole (a small Viterbi search
/// over the characters in its scene): turns alternate between two
/// participants (A, B, A, B: in PDNC dev, 92% of untagged turns in a run of
/// dialogue are spoken by the speaker of the turn two before), a speaker
/// seldom speaks two paragraphs in a row, the addressee of one turn tends
/// to speak the turns around it, and the tags anchor the pattern in both
/// directions. The result
///
/// * resolves pronoun tags (`“…,” she said`) to a character of that gender;
/// * gives a paragraph's untagged quotes the paragraph's speaker;
/// * gives untagged paragraphs a speaker ([`Rule::Addressed`] when the
///   previous turn addressed them, else [`Rule::TurnTaking`]).
///
/// Leaves alone a turn whose scene holds nobody yet (`“Who is there?”`
/// opening a chapter) and a turn tagged with a group (`“No!” they
/// cried.`): there is no one to give it to, and such a turn breaks the
/// conversation.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Conversation;

/// How often the addressee of the previous turn speaks next.
pub(crate) const ADDRESSED_PRIOR: f32 = 0.8;
/// How often an untagged turn in a conversation is attributed right.
pub(crate) const TURN_PRIOR: f32 = 0.75;

/// At most this many characters are considered in one conversation.
const MAX_CANDIDATES: usize = 10;
/// Salience keeps this share with every paragraph of narration (PDNC and
/// LitBank dev were best at 0.35 of 0.15, 0.25, 0.35, 0.5, 0.7; counting
/// sentences instead of paragraphs did worse).
const DECAY: f32 = 0.35;
/// Clock ticks after which a character's salience stops fading (DECAY^30,
/// 10^-14 of its weight) and the scene looks no further back. (A window of
/// 11 ticks gave PDNC dev +0.1 point and LitBank dev −1.2 points.)
const STALE: u32 = 30;
/// Turns further apart than this (in paragraphs) belong to two
/// conversations: more than one paragraph of narration between them ends
/// one. (Of 1, 2, 3, 4 and 8, 2 did best on PDNC and LitBank dev.)
const MAX_GAP: u32 = 2;

/// Log-scores of the decoder (natural units; 0 is neutral).
mod weight {
    /// A character that cannot be the speaker (wrong gender, named in the
    /// tag of another).
    pub const IMPOSSIBLE: f32 = -12.0;
    /// A character not in the turn's scene.
    pub const ABSENT: f32 = -6.0;
    /// The same, for one that the conversation names elsewhere.
    pub const ABSENT_PARTICIPANT: f32 = -1.5;
    /// A speaker who named himself inside his own quote.
    pub const NAMED_INSIDE: f32 = -4.0;
    /// The addressee of the previous or next turn.
    pub const ADDRESSEE_NEAR: f32 = 1.5;
    /// A beat that names the speaker (weaker than a tag).
    pub const BEAT: f32 = 4.0;
    /// A given name of the other gender (no stated gender): the US name
    /// counts are a strong hint, not a proof (Alexis is a man in Russia).
    pub const NAME_GENDER_CONFLICT: f32 = -4.0;
    /// Salience: weight of `ln(0.1 + salience)`. (0.3 to 1.0 were tried
    /// on PDNC and LitBank dev; 0.45 to 0.6 did best, within 0.1 point.)
    pub const SALIENCE: f32 = 0.55;
    /// The subject of a narration sentence earlier in the same paragraph.
    pub const SAME_PARAGRAPH_SUBJECT: f32 = 2.0;
    /// For a pronoun tag: the last subject of its gender in the narration
    /// since the previous turn.
    pub const LAST_SUBJECT: f32 = 2.0;
    /// Mentioned earlier in the same paragraph, not as a subject.
    pub const SAME_PARAGRAPH: f32 = 0.5;
    /// The same speaker two paragraphs in a row.
    pub const REPEAT: f32 = -3.0;
    /// For a kinship tag (`his wife`), one who shares a surname with the
    /// person it is relative to (Mrs. Palmer for Mr. Palmer's wife).
    pub const KIN_SURNAME: f32 = 2.0;
    /// The same, for a turn with a tag or a beat of its own.
    pub const REPEAT_TAGGED: f32 = -2.25;
    /// The same, across narration.
    pub const REPEAT_ACROSS_NARRATION: f32 = -0.5;
    /// A third speaker where A, B, A was expected.
    pub const NEW_PARTICIPANT: f32 = -1.5;
}

/// What a turn tells about its speaker.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Evidence {
    /// A tag names the character.
    Named(usize),
    /// A beat names the character.
    Beat(usize),
    /// A tag or beat pronoun of this gender (mention index).
    Pronoun(Gender, usize),
    /// Nothing: an untagged turn.
    Free,
}

/// One paragraph of dialogue.
#[derive(Clone, Debug)]
struct Turn {
    para: u32,
    /// Its top-level speech quotes.
    quotes: Vec<usize>,
    evidence: Evidence,
    /// The character spoken to, and the mention naming it.
    addressee: Option<(usize, usize)>,
    /// Characters named inside the quotes.
    named: Vec<usize>,
    /// The subjects of the narration since the previous turn, up to the
    /// tag, in order.
    narrated: Vec<usize>,
    /// For a kinship tag (`her mother`), the character it is relative to,
    /// who is not the speaker.
    relative: Option<usize>,
    /// The surnames of that character: family shares them.
    kin_surname: Vec<Box<str>>,
    /// The characters in the scene at the turn's tag.
    scene: Vec<InScene>,
    /// True when narration separates this turn from the previous one.
    after_narration: bool,
    /// True when this turn starts a new conversation.
    starts: bool,
}

/// A character in the scene of a turn.
#[derive(Clone, Copy, Debug)]
struct InScene {
    c: usize,
    /// Decayed count of its recent mentions.
    salience: f32,
    /// A bonus for a mention earlier in the turn's own paragraph.
    here: f32,
}

/// What the scene remembers of a character.
#[derive(Clone, Copy, Debug, Default)]
struct Seen {
    /// Decayed count of mentions (subjects count double).
    weight: f32,
    /// The narration clock when `weight` was last updated.
    at: u32,
    /// The latest mention the cast maps to this character, to attribute
    /// through.
    mention: Option<usize>,
}

impl Pass for Conversation {
    fn apply(&self, d: &mut Draft<'_>) {
        if d.genre != Genre::Fiction || d.cast.characters.is_empty() {
            return;
        }
        name_narrator(d);
        // (A second reading that kept each decoded speaker in the scene lost
        // 0.4 points of PDNC dev speaker accuracy and 4 of LitBank's: it
        // reinforces its own mistakes.)
        let turns = collect_turns(d);
        let mut spans = mention_spans(d);
        for chain in conversations(&turns) {
            let speakers = decode(d, chain);
            apply_speakers(d, chain, &speakers);
            name_the_described(d, chain, &mut spans);
        }
    }
}

/// Gives the narrator a name when the people it talks to call it one (a
/// vocative in a paragraph next to one tagged `said I`: `“Hastings,” said
/// Poirot` ¶ `“Yes?” I said`) or it names itself (`my name is Hollis`, `I
/// called myself Pip`, two votes): the name with most votes, at least two,
/// of a person no tag ever makes speak (whoever is tagged `said Potapitch`
/// is someone else).
fn name_narrator(d: &mut Draft<'_>) {
    let Some(n) = d.cast.narrator() else { return };
    // The paragraphs the narrator speaks in, and the vocatives by paragraph.
    let mut narrator_paras: Vec<u32> = Vec::new();
    let mut vocatives: Vec<(u32, usize, bool)> = Vec::new();
    let mut tagged: Vec<usize> = Vec::new();
    for q in &d.quotes {
        if q.parent.is_some() {
            continue;
        }
        if let Some(c) = q.attr.filter(|a| a.rule != Rule::Beat).and_then(|a| d.cast.of(a.mention)) {
            tagged.push(c);
        }
        if q.attr.is_some_and(|a| d.cast.of(a.mention) == Some(n)) {
            narrator_paras.push(q.para);
        }
        if let Some(m) = q.addressee {
            // (A quote that is nothing but the name, `“Rouge!”`, may be a
            // cry rather than a call: it does not make a person.)
            let words = d.text[q.inner].split_whitespace().count();
            let name_words = d.text[d.mentions[m].span].split_whitespace().count();
            if let Some(c) = d.cast.of(m).filter(|&c| c != n) {
                vocatives.push((q.para, c, words > name_words));
            }
        }
    }
    let mut votes: Vec<(usize, u32)> = Vec::new();
    for &(p, c, _) in &vocatives {
        if narrator_paras.iter().any(|&np| np + 1 == p || p + 1 == np) {
            match votes.iter_mut().find(|(x, _)| *x == c) {
                Some(v) => v.1 += 1,
                None => votes.push((c, 1)),
            }
        }
    }
    // `My name is Hollis`, `I called myself Pip`, `Call me Ishmael`: the
    // narrator names itself (two votes each).
    for m in 0..d.mentions.len() {
        let Some(c) = d.cast.of(m).filter(|&c| c != n && d.mentions[m].kind == MentionKind::Name) else { continue };
        let first = d.mentions[m].first as usize;
        let before = |k: usize| first.checked_sub(k).map_or(String::new(), |i| d.word(i).to_lowercase());
        let (w1, w2, w3) = (before(1), before(2), before(3));
        let names_self = matches!((w3.as_str(), w2.as_str(), w1.as_str()), ("my", "name", "is" | "was"))
            || matches!((w2.as_str(), w1.as_str()), ("call", "me") | ("called", "myself") | ("was", "christened"));
        if names_self {
            d.cast.mark_person(c);
            match votes.iter_mut().find(|(x, _)| *x == c) {
                Some(v) => v.1 += 2,
                None => votes.push((c, 2)),
            }
        }
    }
    // A name called out more than once is a person's (if it ever stands
    // inside a sentence: `“Enough, sir!”` calls nobody).
    for &(_, c, _) in &vocatives {
        if d.cast.is_mid(c) && vocatives.iter().filter(|&&(_, x, call)| x == c && call).count() >= 2 {
            d.cast.mark_person(c);
        }
    }
    votes.retain(|&(c, _)| d.cast.characters[c].person && !tagged.contains(&c));
    if let Some(&(c, k)) = votes.iter().max_by_key(|v| v.1) {
        if k >= 2 {
            d.cast.name_narrator(c);
        }
    }
}

/// In one conversation, a described speaker (`asked a gentleman`) who is
/// never mentioned again once a new named speaker comes in (`said Mr.
/// Greyson`, first mentioned after the description) is that named person,
/// and takes the name.
fn name_the_described(d: &mut Draft<'_>, turns: &[Turn], spans: &mut [Option<(usize, usize)>]) {
    let tagged: Vec<usize> = turns
        .iter()
        .filter_map(|t| match t.evidence {
            Evidence::Named(c) => Some(c),
            _ => None,
        })
        .collect();
    let span = |spans: &[Option<(usize, usize)>], c: usize| spans.get(c).copied().flatten();
    for &x in &tagged {
        // (`the General`, `the Invisible Man`: a capitalised description is
        // a name of its own.)
        let canonical = d.mentions[d.cast.characters[x].canonical].span;
        let proper = d.text[canonical].split_whitespace().skip(1).any(|w| w.starts_with(char::is_uppercase));
        if !d.cast.is_described(x) || proper {
            continue;
        }
        let Some((x_first, x_last)) = span(spans, x) else { continue };
        let gender = d.cast.characters[x].gender;
        let named = tagged.iter().copied().filter(|&n| d.cast.is_named(n)).find(|&n| {
            let ch = &d.cast.characters[n];
            let fits = ch.gender.compatible(gender) && ch.name_gender.compatible(gender);
            fits && span(spans, n).is_some_and(|(first, _)| first > x_first && first > x_last)
        });
        if let Some(n) = named {
            d.cast.merge_into(x, n);
            let merged = match (span(spans, x), span(spans, n)) {
                (Some(a), Some(b)) => Some((a.0.min(b.0), a.1.max(b.1))),
                (a, b) => a.or(b),
            };
            if let Some(slot) = spans.get_mut(n) {
                *slot = merged;
            }
            if let Some(slot) = spans.get_mut(x) {
                *slot = None;
            }
        }
    }
}

/// Each character's first and last mention, in one pass over the mentions
/// ([`name_the_described`] keeps them up to date as characters merge).
fn mention_spans(d: &Draft<'_>) -> Vec<Option<(usize, usize)>> {
    let n_chars = d.cast.characters.len();
    let mut spans: Vec<Option<(usize, usize)>> = vec![None; n_chars];
    for m in 0..d.mentions.len() {
        if let Some(c) = d.cast.of(m).filter(|&c| c < n_chars) {
            let s = spans[c].get_or_insert((m, m));
            s.1 = m;
        }
    }
    spans
}

/// The conversations of a list of turns, each a run of turns.
fn conversations(turns: &[Turn]) -> impl Iterator<Item = &[Turn]> {
    let mut start = 0;
    (1..=turns.len()).filter(|&i| i == turns.len() || turns[i].starts).map(move |i| {
        let chain = &turns[start..i];
        start = i;
        chain
    })
}

/// The paragraph of mention `m`.
fn para_of(d: &Draft<'_>, m: usize) -> u32 {
    d.seg.tokens.get(d.mentions[m].first as usize).map_or(0, |t| t.para)
}

/// True when paragraph `p` has words outside its quotes `quotes` (sorted).
fn has_narration(d: &Draft<'_>, p: u32, quotes: &[usize]) -> bool {
    let Some(span) = d.seg.paragraphs.get(p as usize) else { return false };
    let mut pos = span.start;
    for &q in quotes {
        let outer = d.quotes[q].outer;
        if d.text[pos..outer.start.max(pos)].chars().any(char::is_alphabetic) {
            return true;
        }
        pos = pos.max(outer.end);
    }
    d.text[pos.min(span.end)..span.end].chars().any(char::is_alphabetic)
}

/// For `her mother`, `the young man`: the gender the noun gives (`None`
/// for other mentions).
fn kin_of(d: &Draft<'_>, m: usize) -> Option<Gender> {
    d.cast.refers(m)
}

/// The gender of `he` or `she`; `None` for other mentions.
fn personal_pronoun(d: &Draft<'_>, m: usize) -> Option<Gender> {
    let mention = &d.mentions[m];
    (mention.kind == MentionKind::Pronoun && !mention.plural && matches!(mention.gender, Gender::Male | Gender::Female))
        .then_some(mention.gender)
}

/// The scene during the walk.
struct Scene {
    seen: Vec<Seen>,
    /// (character, clock) at each update, in order: the walk looks back
    /// through it instead of over the whole cast, so a scene costs what its
    /// recent past holds, not what the book has named so far.
    touched: Vec<(usize, u32)>,
    /// Counts the paragraphs with narration: salience fades as the story
    /// moves on, not while people talk (a long exchange keeps both
    /// speakers in the scene).
    clock: u32,
}

impl Scene {
    fn salience(&self, c: usize) -> f32 {
        let s = self.seen[c];
        s.weight * DECAY.powi(self.clock.saturating_sub(s.at).min(30) as i32)
    }

    fn add(&mut self, c: usize, w: f32, mention: Option<usize>) {
        let now = self.salience(c);
        let clock = self.clock;
        self.touched.push((c, clock));
        let s = &mut self.seen[c];
        s.weight = now + w;
        s.at = clock;
        if mention.is_some() {
            s.mention = mention;
        }
    }

    /// The most salient person in the scene who can be `he` or `she` of
    /// gender `g`.
    fn most_salient(&self, d: &Draft<'_>, g: Gender) -> Option<usize> {
        let mut best: Option<(f32, usize)> = None;
        for c in self.recent(STALE) {
            if self.seen[c].weight <= 0.0 || !d.cast.characters[c].person || !fits_gender(d, c, g) {
                continue;
            }
            let s = self.salience(c);
            if s > 0.01 && best.is_none_or(|(b, _)| s > b) {
                best = Some((s, c));
            }
        }
        best.map(|(_, c)| c)
    }

    /// The characters updated within the last `ticks` of the clock, most
    /// recent first, each once. Older ones have faded below any salience
    /// the walk compares (DECAY^STALE).
    ///
    /// (Each at its latest update, found without a list of those already
    /// given: an update is a character's latest when it is of the tick of
    /// its [`Seen::at`] and no later update of that tick is its. The clock
    /// never goes back, so a tick's updates stand together in `touched`:
    /// the later ones of this tick are those right after it.)
    fn recent(&self, ticks: u32) -> impl Iterator<Item = usize> + '_ {
        let clock = self.clock;
        let touched = &self.touched;
        touched
            .iter()
            .enumerate()
            .rev()
            .take_while(move |&(_, &(_, at))| clock.saturating_sub(at) <= ticks)
            .filter(move |&(j, &(c, at))| {
                self.seen[c].at == at
                    && !touched
                        .get(j + 1..)
                        .unwrap_or_default()
                        .iter()
                        .take_while(|&&(_, later)| later == at)
                        .any(|&(x, _)| x == c)
            })
            .map(|(_, &(c, _))| c)
    }

    /// The people in the scene, most salient first.
    fn snapshot(&self, d: &Draft<'_>) -> Vec<InScene> {
        let mut v: Vec<InScene> = self
            .recent(STALE)
            .filter_map(|c| {
                let salience = self.salience(c);
                (self.seen[c].weight > 0.0 && d.cast.characters[c].person).then_some(InScene { c, salience, here: 0.0 })
            })
            .collect();
        v.sort_by(|a, b| b.salience.total_cmp(&a.salience));
        v.truncate(MAX_CANDIDATES);
        v
    }
}

/// Walks the paragraphs and makes the turns.
fn collect_turns(d: &mut Draft<'_>) -> Vec<Turn> {
    let order: Vec<usize> = d.top.values().copied().filter(|&q| d.quotes[q].kind.is_speech()).collect();
    // A character that a tag makes speak is a person.
    for &q in &order {
        if let Some(c) = d.quotes[q].attr.filter(|a| a.rule != Rule::Beat).and_then(|a| d.cast.of(a.mention)) {
            d.cast.mark_person(c);
        }
    }
    let mut scene = Scene { seen: vec![Seen::default(); d.cast.characters.len()], touched: Vec::new(), clock: 0 };
    // The people the document mentions most, most first.
    let mut leads: Vec<usize> = (0..d.cast.characters.len()).filter(|&c| d.cast.characters[c].person).collect();
    leads.sort_by_key(|&c| core::cmp::Reverse(d.cast.count(c)));
    leads.truncate(2);
    let mut turns: Vec<Turn> = Vec::new();
    let mut mi = 0usize;
    let mut qi = 0usize;
    // Characters named as subjects in the narration since the last turn.
    let mut newcomers: Vec<usize> = Vec::new();
    // The subjects of the narration since the last turn, in order.
    let mut subjects: Vec<usize> = Vec::new();
    for p in 0..d.seg.paragraphs.len() as u32 {
        let q_start = qi;
        while qi < order.len() && d.quotes[order[qi]].para <= p {
            qi += 1;
        }
        let quotes: Vec<usize> = order[q_start..qi].iter().copied().filter(|&q| d.quotes[q].para == p).collect();
        if has_narration(d, p, &quotes) {
            scene.clock += 1;
        }
        // The mention that tags the paragraph's first attributed quote.
        let tagged = quotes.iter().find_map(|&q| d.quotes[q].attr);
        let mut snapshot: Option<Vec<InScene>> = None;
        let mut subjects_at_tag: Option<Vec<usize>> = None;
        let mut here: Vec<(usize, bool)> = Vec::new();
        while mi < d.mentions.len() && para_of(d, mi) <= p {
            let m = mi;
            mi += 1;
            if para_of(d, m) < p || d.mentions[m].in_quote {
                continue;
            }
            if tagged.is_some_and(|a| a.mention == m) && snapshot.is_none() {
                snapshot = Some(with_paragraph(d, scene.snapshot(d), &here));
                subjects_at_tag = Some(subjects.clone());
            }
            let subject = d.subject_of_sentence(d.mentions[m].first as usize + 1) == Some(m);
            let is_tag = tagged.is_some_and(|a| a.mention == m);
            let c = match d.cast.of(m) {
                Some(c) => Some(c),
                // The decoder resolves a tag pronoun.
                None if is_tag => None,
                // A pronoun in the narration keeps the most salient
                // character of its gender in the scene. (Leaving out the
                // characters named in its sentence, as binding theory would
                // within a clause, lost 0.6 points of PDNC dev speaker
                // accuracy: `Elizabeth said she would come`.)
                None => personal_pronoun(d, m).and_then(|g| scene.most_salient(d, g)),
            };
            let Some(c) = c else { continue };
            // A description joins the scene only when it speaks.
            if d.mentions[m].kind == MentionKind::Nominal && tagged.is_none_or(|a| a.mention != m) {
                continue;
            }
            let mention = d.cast.of(m).map(|_| m);
            scene.add(c, if subject { 2.0 } else { 1.0 }, mention);
            here.push((c, subject));
            if subject && !is_tag {
                subjects.push(c);
            }
            if quotes.is_empty() && subject && d.mentions[m].kind == MentionKind::Name {
                newcomers.push(c);
            }
        }
        if quotes.is_empty() {
            continue;
        }
        // A quotation that goes on from the paragraph before (no closing
        // mark there) is the same turn, not a new one.
        if let Some(last) = turns.last_mut() {
            let continues = d.quotes[quotes[0]].continues_from.is_some_and(|x| last.quotes.contains(&x));
            if continues && last.para + 1 == p {
                last.quotes.extend(quotes.iter().copied());
                last.para = p;
                if last.evidence == Evidence::Free {
                    if let Some(a) = tagged.filter(|a| d.cast.of(a.mention).is_some() && a.rule != Rule::Beat) {
                        last.evidence = d.cast.of(a.mention).map_or(Evidence::Free, Evidence::Named);
                    }
                }
                continue;
            }
        }
        let scene_now = snapshot.unwrap_or_else(|| with_paragraph(d, scene.snapshot(d), &here));
        let narrated = subjects_at_tag.unwrap_or_else(|| subjects.clone());
        subjects.clear();
        let evidence = match tagged {
            None => Evidence::Free,
            Some(a) => match (d.cast.of(a.mention), personal_pronoun(d, a.mention).or_else(|| kin_of(d, a.mention))) {
                (Some(c), _) if a.rule == Rule::Beat => Evidence::Beat(c),
                (Some(c), _) => Evidence::Named(c),
                (None, Some(g)) => Evidence::Pronoun(g, a.mention),
                // A group or an organisation: not a character.
                (None, None) => Evidence::Free,
            },
        };
        let group_tag = tagged.is_some() && evidence == Evidence::Free;
        // `her mother`: not the one `her` refers to, the most salient person
        // of that gender.
        let relative = tagged.filter(|a| kin_of(d, a.mention).is_some()).and_then(|a| {
            let m = &d.mentions[a.mention];
            let g = crate::lexicon::with_lower(d.text[m.span].split_whitespace().next().unwrap_or(""), |w| match w {
                "his" => Gender::Male,
                "her" => Gender::Female,
                _ => Gender::Neuter,
            });
            if g == Gender::Neuter {
                return None;
            }
            // The one just spoken to, else the last subject, else the most
            // salient, of that gender.
            let previous = turns.last().and_then(|t: &Turn| match t.evidence {
                Evidence::Named(c) if t.para + 1 == p && fits_gender(d, c, g) => Some(c),
                _ => None,
            });
            let subject = subjects.iter().rev().copied().find(|&c| fits_gender(d, c, g));
            let mut best: Option<(f32, usize)> = None;
            for x in scene_now.iter().filter(|x| fits_gender(d, x.c, g)) {
                let v = x.salience + x.here;
                if best.is_none_or(|(b, _)| v > b) {
                    best = Some((v, x.c));
                }
            }
            previous.or(subject).or(best.map(|(_, c)| c))
        });
        // `his wife` of Mr. Palmer: Mrs. Palmer, if the story has her.
        let kin_surname: Vec<Box<str>> =
            relative.map(|r| d.cast.surnames(r).into_iter().map(Box::from).collect()).unwrap_or_default();
        // An empty scene (the opening of a text): the people the document
        // mentions most.
        let mut scene_now = scene_now;
        if scene_now.len() < 2 {
            for &c in &leads {
                if scene_now.len() >= 2 {
                    break;
                }
                if !scene_now.iter().any(|x| x.c == c) {
                    scene_now.push(InScene { c, salience: 0.02, here: 0.0 });
                }
            }
        }
        // Nobody of the pronoun's gender in the scene: the latest one
        // mentioned before, else the one mentioned most in the document.
        if let Evidence::Pronoun(g, _) = evidence {
            if !scene_now.iter().any(|x| fits_gender(d, x.c, g)) {
                let fits = |c: usize| d.cast.characters[c].person && fits_gender(d, c, g);
                // (The most salient of the faded ones is the one updated
                // last: the first fitting one looking back.)
                let earlier =
                    scene.touched.iter().rev().map(|&(c, _)| c).find(|&c| scene.seen[c].weight > 0.0 && fits(c));
                let anywhere = || (0..d.cast.characters.len()).filter(|&c| fits(c)).max_by_key(|&c| d.cast.count(c));
                if let Some(c) = earlier.or_else(anywhere) {
                    scene_now.push(InScene { c, salience: 0.02, here: 0.0 });
                }
            }
        }
        let addressee = quotes.iter().find_map(|&q| d.quotes[q].addressee).and_then(|m| Some((d.cast.of(m)?, m)));
        let named = named_in_quotes(d, &quotes);
        let prev = turns.last();
        let gap = prev.map_or(u32::MAX, |t| p - t.para);
        let recent: Vec<usize> = turns
            .iter()
            .rev()
            .take(4)
            .flat_map(|t| {
                let e = match t.evidence {
                    Evidence::Named(c) | Evidence::Beat(c) => Some(c),
                    _ => None,
                };
                e.into_iter().chain(t.addressee.map(|a| a.0))
            })
            .collect();
        let newcomer = newcomers.iter().any(|c| !recent.contains(c));
        let starts = prev.is_none() || gap > MAX_GAP || gap > 1 && newcomer || group_tag;
        newcomers.clear();
        if let Evidence::Named(c) | Evidence::Beat(c) = evidence {
            scene.add(c, 1.5, Some(tagged.map_or(0, |a| a.mention)));
        }
        if let Some((a, m)) = addressee {
            scene.add(a, 1.0, Some(m));
        }
        turns.push(Turn {
            para: p,
            quotes,
            evidence: if group_tag { Evidence::Free } else { evidence },
            addressee,
            named,
            narrated,
            relative,
            kin_surname,
            scene: scene_now,
            after_narration: gap > 1,
            starts,
        });
        if group_tag {
            // The group's turn stands alone: the next one starts afresh.
            if let Some(t) = turns.last_mut() {
                t.quotes.clear();
            }
        }
    }
    turns
}

/// Adds the paragraph's own narration before the tag to a scene
/// snapshot.
fn with_paragraph(d: &Draft<'_>, mut scene: Vec<InScene>, here: &[(usize, bool)]) -> Vec<InScene> {
    for &(c, subject) in here {
        if !d.cast.characters[c].person {
            continue;
        }
        let bonus = if subject { weight::SAME_PARAGRAPH_SUBJECT } else { weight::SAME_PARAGRAPH };
        match scene.iter_mut().find(|x| x.c == c) {
            Some(entry) => entry.here = entry.here.max(bonus),
            None => scene.push(InScene { c, salience: 0.0, here: bonus }),
        }
    }
    scene
}

/// True when character `c` can be `he` or `she` of gender `g`.
fn fits_gender(d: &Draft<'_>, c: usize, g: Gender) -> bool {
    let ch = &d.cast.characters[c];
    !ch.narrator && ch.gender.compatible(g)
}

/// The characters named inside the quotes of a turn.
fn named_in_quotes(d: &Draft<'_>, quotes: &[usize]) -> Vec<usize> {
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

/// The characters a tag, a beat or a vocative of the conversation `turns`
/// names: those who take part in it.
fn participants(turns: &[Turn]) -> Vec<usize> {
    let mut out: Vec<usize> = turns
        .iter()
        .flat_map(|t| {
            let named = match t.evidence {
                Evidence::Named(x) | Evidence::Beat(x) => Some(x),
                _ => None,
            };
            named.into_iter().chain(t.addressee.map(|(a, _)| a))
        })
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// The score of character `c` speaking turn `i` of `turns`, from the
/// turn's own evidence and its neighbours' addressees.
fn emission(d: &Draft<'_>, turns: &[Turn], part: &[usize], i: usize, c: usize) -> f32 {
    let t = &turns[i];
    let ch = &d.cast.characters[c];
    let mut s = match t.scene.iter().find(|x| x.c == c) {
        Some(x) => weight::SALIENCE * (0.1 + x.salience).ln() + x.here,
        // Someone a tag or a vocative brings into this conversation later
        // may well speak before being named.
        None if part.contains(&c) => weight::ABSENT_PARTICIPANT,
        None => weight::ABSENT,
    };
    match t.evidence {
        Evidence::Named(x) => return if x == c { 0.0 } else { weight::IMPOSSIBLE },
        Evidence::Beat(x) => s += if x == c { weight::BEAT } else { 0.0 },
        Evidence::Pronoun(g, _) => {
            if !fits_gender(d, c, g) || t.relative == Some(c) {
                return weight::IMPOSSIBLE;
            }
            if !t.kin_surname.is_empty() && d.cast.surnames(c).iter().any(|s| t.kin_surname.iter().any(|k| **k == **s))
            {
                s += weight::KIN_SURNAME;
            }
            // `Syme understood oratory. … “Comrades!” he cried`: the last
            // subject of the narration before the tag, of the right gender.
            if t.narrated.iter().rev().find(|&&x| fits_gender(d, x, g)) == Some(&c) {
                s += weight::LAST_SUBJECT;
            }
            if ch.gender == Gender::Unknown && !ch.name_gender.compatible(g) {
                s += weight::NAME_GENDER_CONFLICT;
            }
        }
        Evidence::Free => {}
    }
    // A vocative names the person spoken to, never the speaker.
    if t.addressee.is_some_and(|(a, _)| a == c) {
        return weight::IMPOSSIBLE;
    }
    if t.named.contains(&c) {
        s += weight::NAMED_INSIDE;
    }
    let near = |j: Option<usize>| j.and_then(|j| turns.get(j)).and_then(|t| t.addressee).is_some_and(|(a, _)| a == c);
    if near(i.checked_sub(1)) || near(Some(i + 1)) {
        s += weight::ADDRESSEE_NEAR;
    }
    s
}

/// The most likely speaker of each turn of one conversation, by a
/// second-order Viterbi search over the characters in its scene.
fn decode(d: &Draft<'_>, turns: &[Turn]) -> Vec<Option<usize>> {
    // The candidates: every character in any turn's scene or evidence.
    let mut cands: Vec<(usize, f32)> = Vec::new();
    for t in turns {
        let forced = match t.evidence {
            Evidence::Named(c) | Evidence::Beat(c) => Some((c, f32::MAX)),
            _ => None,
        };
        for (c, v) in t.scene.iter().map(|x| (x.c, x.salience + x.here)).chain(forced) {
            match cands.iter_mut().find(|(x, _)| *x == c) {
                Some(e) => e.1 = e.1.max(v),
                None => cands.push((c, v)),
            }
        }
    }
    cands.sort_by(|a, b| b.1.total_cmp(&a.1));
    cands.truncate(MAX_CANDIDATES);
    let k = cands.len();
    let n = turns.len();
    if k == 0 || n == 0 {
        return vec![None; n];
    }
    // State (a, b): the speakers of the previous turn and of this one.
    // Index a == k stands for "no previous turn".
    let w = k + 1;
    let neg = f32::NEG_INFINITY;
    let part = participants(turns);
    let emit: Vec<Vec<f32>> =
        (0..n).map(|i| (0..k).map(|b| emission(d, turns, &part, i, cands[b].0)).collect()).collect();
    let mut score = vec![neg; w * k];
    for b in 0..k {
        score[k * k + b] = emit[0][b];
    }
    let mut back: Vec<Vec<usize>> = Vec::with_capacity(n);
    back.push(vec![usize::MAX; w * k]);
    for i in 1..n {
        let mut next = vec![neg; w * k];
        let mut from = vec![usize::MAX; w * k];
        let across = turns[i].after_narration;
        let repeat = match (across, turns[i].evidence) {
            (true, _) => weight::REPEAT_ACROSS_NARRATION,
            (false, Evidence::Free) => weight::REPEAT,
            // A tag or beat of its own: the same speaker may well go on.
            (false, _) => weight::REPEAT_TAGGED,
        };
        for a in 0..w {
            for b in 0..k {
                let s = score[a * k + b];
                if s == neg {
                    continue;
                }
                // (The states (b, c) for each next speaker c are one row
                // of `next` and `from`: walked together, unindexed.)
                let row = b * k..(b + 1) * k;
                let (next_row, from_row) = (&mut next[row.clone()], &mut from[row]);
                for (c, ((&e, n), f)) in emit[i].iter().zip(next_row).zip(from_row).enumerate() {
                    let mut t = s + e;
                    if c == b {
                        t += repeat;
                    } else if a < k && c != a {
                        t += weight::NEW_PARTICIPANT;
                    }
                    if t > *n {
                        *n = t;
                        *f = a * k + b;
                    }
                }
            }
        }
        score = next;
        back.push(from);
    }
    let mut best = (neg, usize::MAX);
    for (idx, &s) in score.iter().enumerate() {
        if s > best.0 {
            best = (s, idx);
        }
    }
    let mut out = vec![None; n];
    let mut idx = best.1;
    for i in (0..n).rev() {
        if idx == usize::MAX {
            break;
        }
        let b = idx % k;
        // A turn whose best is impossible has no speaker.
        if emit[i][b] > weight::IMPOSSIBLE / 2.0 {
            out[i] = Some(cands[b].0);
        }
        idx = back[i][idx];
    }
    out
}

/// Writes the decoded speakers into the draft.
fn apply_speakers(d: &mut Draft<'_>, turns: &[Turn], speakers: &[Option<usize>]) {
    for (i, (t, &s)) in turns.iter().zip(speakers).enumerate() {
        let Some(c) = s else { continue };
        let tagged = t.quotes.iter().find_map(|&q| d.quotes[q].attr);
        match (t.evidence, tagged) {
            (Evidence::Pronoun(g, m), Some(a)) => {
                let via = d.cast.characters.get(c).map(|ch| ch.canonical);
                d.cast.assign(m, c, via, g);
                for &q in &t.quotes {
                    if d.quotes[q].attr.is_none() {
                        d.attribute(q, AttrDraft { rule: Rule::Continuation, ..a });
                    }
                }
            }
            (_, Some(a)) => {
                for &q in &t.quotes {
                    if d.quotes[q].attr.is_none() {
                        d.attribute(q, AttrDraft { rule: Rule::Continuation, ..a });
                    }
                }
            }
            (_, None) => {
                let Some(m) = mention_of(d, c, t.quotes.first().map_or(0, |&q| d.quotes[q].outer.start)) else {
                    continue;
                };
                let addressed = i > 0 && turns[i - 1].addressee.is_some_and(|(a, _)| a == c);
                let (rule, prior) =
                    if addressed { (Rule::Addressed, ADDRESSED_PRIOR) } else { (Rule::TurnTaking, TURN_PRIOR) };
                for &q in &t.quotes {
                    d.attribute(q, AttrDraft::new(m, None, rule, prior));
                }
            }
        }
        // The other pronoun tags of the turn (`“…,” said Poirot. … he
        // added: “…”`) are its speaker too.
        for &q in &t.quotes {
            let Some(a) = d.quotes[q].attr else { continue };
            if d.cast.of(a.mention).is_some() {
                continue;
            }
            if let Some(g) = personal_pronoun(d, a.mention).or_else(|| kin_of(d, a.mention)) {
                if fits_gender(d, c, g) {
                    let via = d.cast.characters.get(c).map(|ch| ch.canonical);
                    d.cast.assign(a.mention, c, via, g);
                }
            }
        }
    }
}

/// A mention of character `c` to attribute a quote at byte `pos` through:
/// the latest one before `pos`, else the first after it.
fn mention_of(d: &Draft<'_>, c: usize, pos: usize) -> Option<usize> {
    let k = d.mentions.partition_point(|m| m.span.start < pos);
    (0..k).rev().find(|&m| d.cast.of(m) == Some(c)).or_else(|| (k..d.mentions.len()).find(|&m| d.cast.of(m) == Some(c)))
}

#[cfg(test)]
#[path = "conversation_trace.rs"]
mod trace;
