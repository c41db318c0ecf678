//! Entity resolution: groups mentions into speakers and names each
//! attribution's speaker.
//!
//! One left-to-right walk over the mentions outside quotations:
//!
//! * A **name** joins the most recent compatible entity: the same name; a
//!   single word equal to an entity's last (surname) or first word; or a
//!   fuller name with the same surname whose first words agree. Gender
//!   from honorifics must not conflict (`Mr. Bennet` ≠ `Mrs. Bennet`).
//!   Otherwise it starts a new entity.
//! * An **organisation** joins the entity with the same name.
//! * A **pronoun** that names a speaker goes to the most recent compatible
//!   person (or organisation, for `it` and `they`) mentioned in this or the
//!   two previous paragraphs.
//! * A definite **nominal** (`the diplomat`) goes to the most recent entity
//!   tied to a role of the same class (`Russia's Permanent Representative
//!   …, Alexei Borodavkin`); failing that, to the only person quoted in the
//!   last three paragraphs; failing that, it stands for itself.
//!
//! The canonical name of an entity is its fullest name (most words,
//! earliest on ties), without titles.

use crate::output::{
    Attribution, Cue, CueClass, Gender, MentionKind, Quote, QuoteId, Speaker, SpeakerId, SpeakerKind, Stance,
};
use crate::sieve::Draft;
use crate::span::Span;
use chains::Chains;
use std::sync::Arc;

mod chains;

/// Confidence factor for a mention that names the speaker outright.
const NAMED: f32 = 1.0;
/// … for an organisation (often a document or a place standing for one).
const ORGANIZATION: f32 = 0.9;
/// … for an unnamed source.
const ANONYMOUS: f32 = 0.85;
/// … for a pronoun resolved to an antecedent.
const PRONOUN: f32 = 0.9;
/// … for a nominal resolved through a role link.
const NOMINAL_ROLE: f32 = 0.9;
/// … for a nominal resolved to the only recent speaker.
const NOMINAL_SALIENT: f32 = 0.75;
/// … for a pronoun or nominal left as it is written.
const UNRESOLVED: f32 = 0.5;

/// How many paragraphs back a pronoun may look for its antecedent.
const PRONOUN_WINDOW: u32 = 2;
/// How many paragraphs back a nominal may look for its role's holder.
const ROLE_WINDOW: u32 = 40;
/// How many paragraphs back a nominal may look for the only speaker.
const SALIENT_WINDOW: u32 = 3;

#[derive(Clone, Debug)]
struct Entity {
    kind: SpeakerKind,
    /// Gender stated by the text (honorific, role, resolved pronoun).
    gender: Gender,
    /// Gender suggested by a given name.
    name_gender: Gender,
    /// Role classes tied to the entity: the first node of its list in
    /// [`Resolver::role_nodes`] ([`NO_ROLE`] for none).
    roles: u32,
    /// Its first and last mentions (the others are linked through
    /// [`Resolver::next_mention`]), and its last one outside quotations.
    first_mention: Option<usize>,
    last_mention: Option<usize>,
    last_outside: Option<usize>,
    /// How many mentions it has.
    mention_count: usize,
    /// The mention whose head is the canonical name; `None` for an entity
    /// known only by a pronoun or nominal.
    canonical: Option<usize>,
    /// The words of the canonical name, as written (see [`words_of`]), as
    /// a range of [`Resolver::word_arena`]; compared without regard to
    /// case.
    words: (usize, usize),
    /// Start of the latest mention outside quotations.
    last_pos: usize,
    /// True once the entity has been attributed a quote.
    spoke: bool,
    /// True for a group (`officials`, `experts`): never `he` or `she`.
    plural: bool,
    last_para: u32,
}

/// How a mention was resolved.
#[derive(Clone, Debug)]
struct Resolution {
    entity: usize,
    factor: f32,
    /// The mention it was resolved through, if any.
    via: Option<usize>,
}

/// No role node: an entity with no role, or the end of a list.
const NO_ROLE: u32 = u32::MAX;

/// The resolver's lists, kept from one document to the next (see
/// [`Scratch`](crate::scratch::Scratch)): [`resolve`] clears and fills
/// them. The lists of words hold no words between documents (a `'static`
/// lifetime is what an empty list of borrowed words can have).
#[derive(Debug, Default)]
pub(crate) struct ResolverLists {
    entities: Vec<Entity>,
    role_nodes: Vec<(u16, u32)>,
    next_mention: Vec<usize>,
    word_arena: Vec<&'static str>,
    resolved: Vec<Option<Resolution>>,
    speaks: Vec<bool>,
    recent_speakers: Vec<(u32, usize)>,
    recent: Vec<(usize, u32, usize)>,
    by_word: Chains,
    orgs: Chains,
    scratch: Vec<&'static str>,
    char_entities: Vec<(usize, usize)>,
}

/// An empty list with the room of `v`, for words of any lifetime. (The
/// standard library collects a `Vec`'s own iterator into the same
/// allocation; were it not to, this would only cost an allocation.)
fn unborrowed<'y>(mut v: Vec<&str>) -> Vec<&'y str> {
    v.clear();
    v.into_iter().map(|_| "").collect()
}

/// The resolver's state during the walk.
struct Resolver<'d, 'a> {
    d: &'d Draft<'a>,
    entities: Vec<Entity>,
    /// The entities' role lists: (role class, next node), [`NO_ROLE`]
    /// ending a list; no `Vec` per entity.
    role_nodes: Vec<(u16, u32)>,
    /// For each mention, the next mention of its entity ([`NONE`] for the
    /// last): the entities' mention lists, without a `Vec` each.
    next_mention: Vec<usize>,
    /// The words of the entities' names, each entity's a range.
    word_arena: Vec<&'a str>,
    /// For each mention, its resolution (when it has one).
    resolved: Vec<Option<Resolution>>,
    /// For each mention, whether it is the speaker mention of some quote.
    speaks: Vec<bool>,
    /// (paragraph, entity) of each attribution resolved so far.
    recent_speakers: Vec<(u32, usize)>,
    /// (position, paragraph, entity) of every resolved mention outside
    /// quotations, in text order: the window that pronouns and nominals
    /// search backwards, so each look-up costs what its window holds.
    recent: Vec<(usize, u32, usize)>,
    /// Person entities by each word of their name (first and last), under
    /// the word's [`lower_hash`]. A list may hold entities filed under
    /// another word with the same hash: every candidate is checked with
    /// [`name_matches`], and an entity that passes is filed under its own
    /// words too, so the outcome does not depend on collisions.
    by_word: Chains,
    /// Organisation entities by the [`lower_hash`] of their name's words;
    /// the words themselves are compared on a hit.
    orgs: Chains,
    /// The words of the name being resolved (reused: no allocation per
    /// mention).
    scratch: Vec<&'a str>,
    /// Fiction: (cast character, entity) pairs.
    char_entities: Vec<(usize, usize)>,
}

/// The end of a chain in [`Resolver::next_mention`] and
/// [`Resolver::nodes`].
const NONE: usize = usize::MAX;

/// Resolves the draft's attributions and builds the output records, the
/// resolver's lists taken from `lists` and given back.
pub(crate) fn resolve(d: &Draft<'_>, lists: &mut ResolverLists) -> (Vec<Quote>, Vec<Speaker>) {
    let ResolverLists {
        mut entities,
        mut role_nodes,
        mut next_mention,
        word_arena,
        mut resolved,
        mut speaks,
        mut recent_speakers,
        mut recent,
        mut by_word,
        mut orgs,
        scratch,
        mut char_entities,
    } = core::mem::take(lists);
    // Which mentions are attribution mentions.
    speaks.clear();
    speaks.resize(d.mentions.len(), false);
    for a in d.quotes.iter().filter_map(|x| x.attr) {
        if let Some(s) = speaks.get_mut(a.mention) {
            *s = true;
        }
    }
    // (Sized from the mentions, so that most texts need no regrowth.)
    entities.clear();
    entities.reserve(d.mentions.len() / 2 + 1);
    role_nodes.clear();
    next_mention.clear();
    next_mention.resize(d.mentions.len(), NONE);
    let mut word_arena = unborrowed(word_arena);
    word_arena.reserve(d.mentions.len() * 2);
    resolved.clear();
    resolved.resize(d.mentions.len(), None);
    recent_speakers.clear();
    recent_speakers.reserve(d.quotes.len());
    recent.clear();
    recent.reserve(d.mentions.len());
    // (Two words of each name at most, one key for each organisation.)
    by_word.reset(d.mentions.len());
    orgs.reset(d.mentions.len() / 4);
    char_entities.clear();
    let mut r = Resolver {
        d,
        entities,
        role_nodes,
        next_mention,
        word_arena,
        resolved,
        speaks,
        recent_speakers,
        recent,
        by_word,
        orgs,
        scratch: unborrowed(scratch),
        char_entities,
    };
    r.walk();
    let out = r.build();
    let Resolver {
        entities,
        role_nodes,
        next_mention,
        word_arena,
        resolved,
        speaks,
        recent_speakers,
        recent,
        by_word,
        orgs,
        scratch,
        char_entities,
        ..
    } = r;
    *lists = ResolverLists {
        entities,
        role_nodes,
        next_mention,
        word_arena: unborrowed(word_arena),
        resolved,
        speaks,
        recent_speakers,
        recent,
        by_word,
        orgs,
        scratch: unborrowed(scratch),
        char_entities,
    };
    out
}

impl<'a> Resolver<'_, 'a> {
    fn para_of(&self, m: usize) -> u32 {
        let first = self.d.mentions[m].first as usize;
        self.d.seg.tokens.get(first).map_or(0, |t| t.para)
    }

    /// True when mention `m` is the speaker mention of some quote.
    fn is_speaker_mention(&self, m: usize) -> bool {
        self.speaks.get(m).copied().unwrap_or(false)
    }

    fn walk(&mut self) {
        for m in 0..self.d.mentions.len() {
            let mention = self.d.mentions[m];
            let speaks = self.is_speaker_mention(m);
            if mention.in_quote && !speaks {
                continue;
            }
            // Fiction: the cast has grouped the mentions into characters
            // (see `character.rs`); one entity per character.
            let res = match mention.kind {
                _ if self.d.cast.of(m).is_some() => self.d.cast.of(m).map(|c| self.character(m, c)),
                MentionKind::Name => Some(self.name(m)),
                MentionKind::Organization => Some(self.org(m)),
                MentionKind::Pronoun if speaks => Some(self.pronoun(m)),
                MentionKind::Nominal if speaks => Some(self.nominal(m)),
                MentionKind::Anonymous | MentionKind::Narrator if speaks => Some(self.standalone(m, mention.kind)),
                _ => None,
            };
            if let Some(res) = res {
                let para = self.para_of(m);
                let e = &mut self.entities[res.entity];
                match e.last_mention {
                    Some(last) => self.next_mention[last] = m,
                    None => e.first_mention = Some(m),
                }
                e.last_mention = Some(m);
                e.mention_count += 1;
                if !mention.in_quote {
                    e.last_outside = Some(m);
                    e.last_pos = mention.span.start;
                    e.last_para = para;
                    self.recent.push((mention.span.start, para, res.entity));
                }
                if let Some(role) = mention.role {
                    if !has_role(&self.role_nodes, e.roles, role) {
                        self.role_nodes.push((role, e.roles));
                        e.roles = (self.role_nodes.len() - 1) as u32;
                    }
                }
                if e.gender == Gender::Unknown {
                    e.gender = mention.gender;
                }
                if e.name_gender == Gender::Unknown {
                    e.name_gender = mention.name_gender;
                }
                // A speaker named inside a quotation (`as Putin said`) is no
                // antecedent for what follows it outside.
                if speaks && !mention.in_quote {
                    self.recent_speakers.push((para, res.entity));
                    self.entities[res.entity].spoke = true;
                }
                self.resolved[m] = Some(res);
            }
        }
    }

    /// A new entity for mention `m`; `name` holds the words of its head
    /// (see [`words_of`]) when that head is the entity's canonical name.
    fn new_entity(&mut self, m: usize, kind: SpeakerKind, name: Option<&[&'a str]>) -> Resolution {
        let mention = self.d.mentions[m];
        let canonical = name.is_some();
        let start = self.word_arena.len();
        self.word_arena.extend_from_slice(name.unwrap_or(&[]));
        self.entities.push(Entity {
            kind,
            gender: mention.gender,
            name_gender: mention.name_gender,
            roles: NO_ROLE,
            first_mention: None,
            last_mention: None,
            last_outside: None,
            mention_count: 0,
            canonical: canonical.then_some(m),
            words: (start, self.word_arena.len()),
            last_pos: mention.span.start,
            last_para: self.para_of(m),
            spoke: false,
            plural: mention.plural,
        });
        Resolution { entity: self.entities.len() - 1, factor: NAMED, via: None }
    }

    /// The words of entity `e`'s name.
    fn words(&self, e: usize) -> &[&'a str] {
        let (start, end) = self.entities[e].words;
        self.word_arena.get(start..end).unwrap_or(&[])
    }

    fn name(&mut self, m: usize) -> Resolution {
        let mention = self.d.mentions[m];
        let mut words = core::mem::take(&mut self.scratch);
        words_of_in(self.d.text, mention.head, &mut words);
        let r = self.name_with(m, &words);
        self.scratch = words;
        r
    }

    /// [`name`](Self::name) for mention `m`, whose name has `words`.
    fn name_with(&mut self, m: usize, words: &[&'a str]) -> Resolution {
        let mention = self.d.mentions[m];
        // Candidates share the first or the last word. Among the compatible
        // ones: a given name that agrees with a stated gender (`Mrs.
        // Clinton` is not Bill), then a shared surname rather than a shared
        // first name, then the most mentioned (`Sanders` is Bernie even
        // after Jane Sanders speaks), then the most recent.
        let rank = |e: usize| {
            let ent = &self.entities[e];
            let given_ok = mention.gender == Gender::Unknown || ent.name_gender.compatible(mention.gender);
            let surname = same(self.words(e).last(), words.last());
            (given_ok, surname, ent.mention_count, ent.last_pos)
        };
        let keys = word_keys(words);
        let mut best: Option<usize> = None;
        for key in keys.into_iter().flatten() {
            for e in self.by_word.get(key) {
                let ent = &self.entities[e];
                if ent.gender.compatible(mention.gender)
                    && name_matches(words, self.words(e))
                    && best.is_none_or(|b| rank(b) < rank(e))
                {
                    best = Some(e);
                }
            }
        }
        match best {
            Some(e) => {
                let via = self.entities[e].canonical;
                if words.len() > self.words(e).len() {
                    self.entities[e].canonical = Some(m);
                    self.index_words(e, keys);
                    let start = self.word_arena.len();
                    self.word_arena.extend_from_slice(words);
                    self.entities[e].words = (start, self.word_arena.len());
                }
                Resolution { entity: e, factor: NAMED, via }
            }
            None => {
                let r = self.new_entity(m, SpeakerKind::Person, Some(words));
                self.index_words(r.entity, keys);
                r
            }
        }
    }

    /// Files person entity `e` under the keys of its name's words (see
    /// [`word_keys`]).
    fn index_words(&mut self, e: usize, keys: [Option<u64>; 2]) {
        for key in keys.into_iter().flatten() {
            self.by_word.file(key, e);
        }
    }

    /// Fiction: the entity of cast character `c`, made on its first
    /// mention, named by the character's fullest name.
    fn character(&mut self, m: usize, c: usize) -> Resolution {
        let cast = &self.d.cast;
        let Some(ch) = cast.characters.get(c) else { return self.new_entity(m, SpeakerKind::Person, None) };
        let canonical = ch.canonical;
        let e = match self.char_entities.iter().find(|&&(x, _)| x == c) {
            Some(&(_, e)) => e,
            None => {
                let kind = if ch.narrator { SpeakerKind::Narrator } else { SpeakerKind::Person };
                let named = self.d.mentions[canonical].kind == MentionKind::Name;
                let (gender, name_gender) = (ch.gender, ch.name_gender);
                let e = if named {
                    let mut words = core::mem::take(&mut self.scratch);
                    words_of_in(self.d.text, self.d.mentions[canonical].head, &mut words);
                    let e = self.new_entity(canonical, kind, Some(&words)).entity;
                    self.scratch = words;
                    e
                } else {
                    self.new_entity(canonical, kind, None).entity
                };
                let ent = &mut self.entities[e];
                // A description (`the convict`) names the character as
                // written; the narrator has no name unless others call it
                // by one.
                ent.canonical = (kind == SpeakerKind::Person || named).then_some(canonical);
                ent.gender = gender;
                ent.name_gender = name_gender;
                self.char_entities.push((c, e));
                e
            }
        };
        let factor = match self.d.mentions[m].kind {
            MentionKind::Pronoun => PRONOUN,
            MentionKind::Nominal => NOMINAL_ROLE,
            _ => NAMED,
        };
        let via = self.d.cast.via(m).or((canonical != m).then_some(canonical));
        Resolution { entity: e, factor, via }
    }

    fn org(&mut self, m: usize) -> Resolution {
        let mention = self.d.mentions[m];
        let mut words = core::mem::take(&mut self.scratch);
        words_of_in(self.d.text, mention.head, &mut words);
        let key = words.iter().fold(0u64, |h, w| h.rotate_left(23) ^ lower_hash(w));
        let r = self.org_with(m, key, &words);
        self.scratch = words;
        r
    }

    /// [`org`](Self::org) for mention `m`, whose name has `words`, of hash
    /// `key`.
    fn org_with(&mut self, m: usize, key: u64, words: &[&'a str]) -> Resolution {
        let known = self.orgs.get(key).find(|&e| {
            let ent = self.words(e);
            ent.len() == words.len() && ent.iter().zip(words).all(|(a, b)| same_word(a, b))
        });
        match known {
            Some(e) => Resolution { entity: e, factor: ORGANIZATION, via: self.entities[e].canonical },
            None => {
                // (An organisation entity's words are those it was created
                // with: only person entities are renamed.)
                let mut r = self.new_entity(m, SpeakerKind::Organization, Some(words));
                r.factor = ORGANIZATION;
                self.orgs.file(key, r.entity);
                r
            }
        }
    }

    fn standalone(&mut self, m: usize, kind: MentionKind) -> Resolution {
        let kind = if kind == MentionKind::Narrator { SpeakerKind::Narrator } else { SpeakerKind::Anonymous };
        let mut r = self.new_entity(m, kind, None);
        r.factor = ANONYMOUS;
        r
    }

    fn pronoun(&mut self, m: usize) -> Resolution {
        let mention = self.d.mentions[m];
        let para = self.para_of(m);
        let want_org = mention.gender == Gender::Neuter || mention.plural;
        let person_1st = self.d.lex.pronoun(&self.d.text[mention.span]).is_some_and(|p| p.person == 1);
        if !person_1st {
            let sentence = mention.sentence as i64;
            let mut best: Option<(f32, usize)> = None;
            for &(pos, p, e) in self.recent.iter().rev() {
                if p + PRONOUN_WINDOW < para {
                    break;
                }
                let ent = &self.entities[e];
                // Only an entity's latest mention stands for it.
                if pos != ent.last_pos || pos >= mention.span.start {
                    continue;
                }
                let fits = if want_org {
                    ent.kind == SpeakerKind::Organization || (mention.plural && ent.kind == SpeakerKind::Anonymous)
                } else {
                    ent.kind == SpeakerKind::Person && ent.gender.compatible(mention.gender) && !ent.plural
                };
                if !fits {
                    continue;
                }
                let Some(last) = ent.last_outside else {
                    continue;
                };
                let score = self.antecedent_score(ent, last, sentence, mention.gender);
                if best.is_none_or(|(s, _)| score > s) {
                    best = Some((score, e));
                }
            }
            if let Some((_, e)) = best {
                let via = self.entities[e].last_outside;
                return Resolution { entity: e, factor: PRONOUN, via };
            }
        }
        let mut r = self.new_entity(m, SpeakerKind::Person, None);
        r.factor = UNRESOLVED;
        r
    }

    /// How good an antecedent entity `ent`, last mentioned at `last`, is for
    /// a pronoun in sentence `sentence`: nearer is better, and so is a
    /// subject, a recent speaker, an agreeing gender, and any evidence that
    /// the entity is a person at all (a gender, a role, a full name).
    fn antecedent_score(&self, ent: &Entity, last: usize, sentence: i64, gender: Gender) -> f32 {
        let lm = self.d.mentions[last];
        let distance = (sentence - lm.sentence as i64).max(0) as f32;
        let subject = self.is_subject(last);
        let gender_agrees = gender != Gender::Unknown && ent.gender == gender;
        // A given name only suggests: it weighs, but does not exclude.
        let name_agrees = gender != Gender::Unknown && ent.name_gender == gender;
        let name_disagrees = gender != Gender::Unknown && !ent.name_gender.compatible(gender);
        let evidence =
            ent.gender != Gender::Unknown || ent.roles != NO_ROLE || ent.spoke || ent.words.1 - ent.words.0 >= 2;
        let b = |x: bool| f32::from(u8::from(x));
        // (The subject of the pronoun's own sentence binds it best: `Ban
        // condemned what he called …`.)
        let same_subject = subject && distance == 0.0;
        -distance
            + 1.5 * b(subject)
            + 2.0 * b(same_subject)
            + 1.5 * b(ent.spoke)
            + 1.0 * b(gender_agrees)
            + 1.0 * b(name_agrees)
            - 2.5 * b(name_disagrees)
            + 2.5 * b(evidence)
    }

    /// True when mention `m` is the subject of its sentence: the first
    /// mention outside quotations after any opening adverbial, or the
    /// speaker of a tag.
    fn is_subject(&self, m: usize) -> bool {
        let mention = self.d.mentions[m];
        if mention.possessive {
            return false;
        }
        let first = mention.first as usize;
        if self.d.subject_of_sentence(first + 1) == Some(m) {
            return true;
        }
        let end = mention.end as usize;
        self.d.cue_at(end).is_some() || self.d.is_tag_filler(end) && self.d.cue_at(end + 1).is_some()
    }

    fn nominal(&mut self, m: usize) -> Resolution {
        let mention = self.d.mentions[m];
        let para = self.para_of(m);
        let definite = crate::ascii::words(&self.d.text[mention.span]).next().is_some_and(|w| {
            matches!(w, "the" | "The" | "this" | "This" | "that" | "That") || w.ends_with("'s") || w.ends_with("’s")
        });
        // (A nominal no lexicon knows, `the column`, `the designer`, names
        // no one said before.)
        if definite && !mention.plural && mention.role.is_some() {
            if let Some(role) = mention.role {
                // The most recent entity tied to a role of this class.
                let found = self
                    .recent
                    .iter()
                    .rev()
                    .take_while(|&&(_, p, _)| p + ROLE_WINDOW >= para)
                    .map(|&(_, _, e)| e)
                    .find(|&e| {
                        let ent = &self.entities[e];
                        has_role(&self.role_nodes, ent.roles, role) && ent.gender.compatible(mention.gender)
                    });
                if let Some(e) = found {
                    let via = self.entities[e].last_mention;
                    return Resolution { entity: e, factor: NOMINAL_ROLE, via };
                }
            }
            // The only named person quoted in the last few paragraphs.
            let mut only: Option<usize> = None;
            let mut many = false;
            for &(p, e) in self.recent_speakers.iter().rev() {
                if p + SALIENT_WINDOW < para {
                    break;
                }
                if self.entities[e].kind != SpeakerKind::Person || self.entities[e].canonical.is_none() {
                    continue;
                }
                match only {
                    None => only = Some(e),
                    Some(o) if o != e => many = true,
                    _ => {}
                }
            }
            if let (Some(e), false) = (only, many) {
                if self.entities[e].gender.compatible(mention.gender) {
                    let via = self.entities[e].last_mention;
                    return Resolution { entity: e, factor: NOMINAL_SALIENT, via };
                }
            }
        }
        let mut r = self.new_entity(m, SpeakerKind::Person, None);
        r.factor = if definite { UNRESOLVED } else { NAMED * 0.9 };
        r
    }

    /// The chain of spans from mention `m` to its entity's canonical name.
    fn chain(&self, m: usize) -> Vec<Span> {
        // (At most six spans: one allocation.)
        let mut out = Vec::with_capacity(6);
        out.push(self.d.mentions[m].span);
        let mut cur = m;
        for _ in 0..4 {
            let Some(res) = &self.resolved[cur] else { break };
            let Some(via) = res.via else { break };
            if via == cur {
                break;
            }
            out.push(self.d.mentions[via].head);
            cur = via;
        }
        if let Some(res) = &self.resolved[m] {
            if let Some(c) = self.entities[res.entity].canonical {
                let head = self.d.mentions[c].head;
                if out.last() != Some(&head) {
                    out.push(head);
                }
            }
        }
        out.dedup();
        out
    }

    /// The canonical name of an entity, written in `buf` (reused: one
    /// allocation per name, the shared string's).
    fn name_of(&self, e: usize, buf: &mut String) -> Arc<str> {
        let ent = &self.entities[e];
        let span = match ent.canonical {
            // A described character (fiction) is named by its description.
            Some(c) if self.d.mentions[c].kind == MentionKind::Nominal => self.d.mentions[c].span,
            Some(c) => self.d.mentions[c].head,
            None if ent.kind == SpeakerKind::Narrator => return Arc::from("the narrator"),
            None => ent.first_mention.map_or(Span::default(), |m| self.d.mentions[m].span),
        };
        let written = &self.d.text[span];
        if crate::ascii::is_single_spaced(written) {
            return Arc::from(written);
        }
        buf.clear();
        for (i, w) in crate::ascii::words(written).enumerate() {
            if i > 0 {
                buf.push(' ');
            }
            buf.push_str(w);
        }
        Arc::from(buf.as_str())
    }

    fn build(&self) -> (Vec<Quote>, Vec<Speaker>) {
        let d = self.d;
        let mut order: Vec<usize> = (0..d.quotes.len()).collect();
        order.sort_by_key(|&q| (d.quotes[q].outer.start, core::cmp::Reverse(d.quotes[q].outer.end)));
        let mut new_index = vec![0u32; d.quotes.len()];
        for (i, &q) in order.iter().enumerate() {
            new_index[q] = i as u32;
        }
        let mut group_ids: Vec<Option<u32>> = vec![None; d.quotes.len() + 1];
        let mut next_group = 0u32;
        let mut speaker_ids: Vec<Option<u32>> = vec![None; self.entities.len()];
        // (A speaker per attributed entity: no more than the quotes.)
        let mut name_buf = String::new();
        let mut speakers: Vec<Speaker> = Vec::with_capacity(order.len().min(self.entities.len()));
        let mut quotes = Vec::with_capacity(order.len());
        for &q in &order {
            let x = d.quotes[q];
            let slot = (x.group as usize).min(group_ids.len() - 1);
            let group = *group_ids[slot].get_or_insert_with(|| {
                next_group += 1;
                next_group - 1
            });
            // A report with no source keeps its cue.
            let mut cue = x.bare_cue.and_then(|c| {
                let hit = d.cues[c];
                let entry = d.matcher.entry(hit)?;
                Some(Cue { span: hit.span, lemma: entry.lemma.clone(), class: entry.class, stance: entry.stance })
            });
            let mut attribution = None;
            // Quoted words inside a mixed report are its speaker's.
            let own = x.attr.or_else(|| {
                let p = d.quotes.get(x.parent?)?;
                if p.kind == crate::output::QuoteKind::Mixed { p.attr } else { None }
            });
            if let Some(a) = own {
                cue = a
                    .cue
                    .and_then(|c| {
                        let hit = d.cues[c];
                        let entry = d.matcher.entry(hit)?;
                        Some(Cue {
                            span: hit.span,
                            lemma: entry.lemma.clone(),
                            class: entry.class,
                            stance: entry.stance,
                        })
                    })
                    .or_else(|| {
                        let hit = d.inner_cues.get(a.inner_cue?)?;
                        let entry = d.matcher.entry(*hit)?;
                        Some(Cue {
                            span: hit.span,
                            lemma: entry.lemma.clone(),
                            class: entry.class,
                            stance: entry.stance,
                        })
                    })
                    .or_else(|| {
                        a.colon.map(|span| Cue {
                            span,
                            lemma: ":".into(),
                            class: CueClass::Punctuation,
                            stance: Stance::Neutral,
                        })
                    })
                    .or_else(|| {
                        a.verb.map(|span| Cue {
                            span,
                            lemma: crate::cue::Lemma::Shared(d.text[span.range()].to_lowercase().into()),
                            class: CueClass::Unlisted,
                            stance: Stance::Neutral,
                        })
                    });
                if let Some(res) = &self.resolved[a.mention] {
                    let id = *speaker_ids[res.entity].get_or_insert_with(|| {
                        let id = speakers.len() as u32;
                        let ent = &self.entities[res.entity];
                        let mut mentions: Vec<Span> = Vec::with_capacity(ent.mention_count);
                        let mut next = ent.first_mention.unwrap_or(NONE);
                        while let Some(m) = d.mentions.get(next) {
                            mentions.push(m.span);
                            next = self.next_mention.get(next).copied().unwrap_or(NONE);
                        }
                        mentions.sort_unstable();
                        speakers.push(Speaker {
                            id: SpeakerId(id),
                            name: self.name_of(res.entity, &mut name_buf),
                            kind: ent.kind,
                            gender: if ent.gender == Gender::Unknown { ent.name_gender } else { ent.gender },
                            mentions,
                        });
                        id
                    });
                    let mention = d.mentions[a.mention];
                    // `Barkley, who said`: the relative pronoun is the
                    // mention, resolved through its antecedent.
                    let relative = a.cue.and_then(|c| d.relative_pronoun(a.mention, c));
                    let mut chain = self.chain(a.mention);
                    if let Some(r) = relative {
                        chain.insert(0, r);
                    }
                    attribution = Some(Attribution {
                        mention: relative.unwrap_or(mention.span),
                        mention_kind: if relative.is_some() { MentionKind::Pronoun } else { mention.kind },
                        speaker: SpeakerId(id),
                        speaker_name: Arc::clone(&speakers[id as usize].name),
                        rule: a.rule,
                        confidence: (a.prior * res.factor).clamp(0.0, 1.0),
                        chain,
                        addressee: x.addressee.map(|m| d.mentions[m].span),
                    });
                }
            }
            quotes.push(Quote {
                id: QuoteId(new_index[q]),
                span: x.outer,
                content: x.inner,
                kind: x.kind,
                closure: x.closure,
                group,
                parent: x.parent.map(|p| QuoteId(new_index[p])),
                cue,
                attribution,
            });
        }
        (quotes, speakers)
    }
}

/// True when the role list starting at node `first` of `nodes` holds
/// `role`.
fn has_role(nodes: &[(u16, u32)], first: u32, role: u16) -> bool {
    let mut node = first;
    while let Some(&(r, next)) = nodes.get(node as usize) {
        if r == role {
            return true;
        }
        node = next;
    }
    false
}

/// The words of a name, without possessive endings or trailing dots and
/// commas, as written: `words` is cleared and filled. They stand for
/// their lower case: compare them with [`same_word`], hash them with
/// [`lower_hash`].
fn words_of<'t>(name: &'t str, words: &mut Vec<&'t str>) {
    words.clear();
    words.extend(crate::ascii::words(name).map(bare_word).filter(|w| !w.is_empty()));
}

/// [`words_of`] the name at `span` of `text`. A name of one word of up to
/// eight printable ASCII bytes (most names of one word: `Trump`, `CNN`)
/// is that word: one load of the text tells, with no split.
fn words_of_in<'t>(text: &'t str, span: Span, words: &mut Vec<&'t str>) {
    let name = &text[span];
    let n = name.len();
    let one_word = (1..=8).contains(&n)
        && crate::ascii::load8(text.as_bytes(), span.start).is_some_and(|x| {
            let keep = crate::ascii::low_bytes(n) & crate::ascii::HI;
            crate::ascii::printable_mask(x) & keep == keep
        });
    if one_word {
        words.clear();
        let w = bare_word(name);
        if !w.is_empty() {
            words.push(w);
        }
    } else {
        words_of(name, words);
    }
}

/// A word of a name without its trailing dots and commas and its
/// possessive ending.
fn bare_word(w: &str) -> &str {
    // (Most words end in neither: their last byte says so.)
    let w = match w.as_bytes().last() {
        Some(b'.' | b',') => w.trim_end_matches(['.', ',']),
        _ => w,
    };
    match w.as_bytes().last() {
        Some(b's') => w.strip_suffix("'s").or_else(|| w.strip_suffix("\u{2019}s")).unwrap_or(w),
        _ => w,
    }
}

/// The keys a person's name is filed under in [`Resolver::by_word`]: the
/// [`lower_hash`] of its first word and of its last, the second `None`
/// when it is the same as the first (a name of one word), since the same
/// list is not searched or filed into twice.
fn word_keys(words: &[&str]) -> [Option<u64>; 2] {
    let first = words.first().map(|w| lower_hash(w));
    let last = if words.len() > 1 { words.last().map(|w| lower_hash(w)).filter(|&k| Some(k) != first) } else { None };
    [first, last]
}

/// True when two words have the same lower case (`str::to_lowercase`);
/// without allocating when both are ASCII.
fn same_word(a: &str, b: &str) -> bool {
    // Equal but for ASCII case means the same lower case (the other bytes
    // are the same characters in the same context); the common case, and
    // for two ASCII words the only way.
    if crate::ascii::eq_ignore_ascii_case(a.as_bytes(), b.as_bytes()) {
        return true;
    }
    if a.is_ascii() && b.is_ascii() {
        return false;
    }
    // `str::to_lowercase` is the lower case of each char but for a capital
    // sigma, whose lower case depends on its place in the word: only then
    // are the strings built.
    if a.contains('\u{3A3}') || b.contains('\u{3A3}') {
        return a.to_lowercase() == b.to_lowercase();
    }
    a.chars().flat_map(char::to_lowercase).eq(b.chars().flat_map(char::to_lowercase))
}

/// A hash of the lower case of `w` (`str::to_lowercase`): words for which
/// [`same_word`] holds have the same hash. ASCII words are lower-cased
/// eight bytes at a time as they are hashed, without a copy.
fn lower_hash(w: &str) -> u64 {
    match hash_lower_ascii(w.as_bytes()) {
        (h, true) => h,
        _ => hash_lower_ascii(w.to_lowercase().as_bytes()).0,
    }
}

/// The hash of `b` with its ASCII capitals lower-cased: read eight bytes
/// at a time (the last read padded with zeros), each lower-cased with
/// [`lower8`](crate::ascii::lower8), mixed with the length; and whether
/// `b` is ASCII, read in the same pass (lower-casing keeps the top bits).
/// (A lower-case string is its own ASCII lower case, so both paths of
/// [`lower_hash`] agree.)
fn hash_lower_ascii(b: &[u8]) -> (u64, bool) {
    const K: u64 = 0x51_7c_c1_b7_27_22_0a_95;
    let mut h = (b.len() as u64).wrapping_mul(K);
    let mut all = 0u64;
    crate::ascii::for_each_lower8(b, |w| {
        all |= w;
        h = (h.rotate_left(5) ^ w).wrapping_mul(K);
    });
    (h ^ h >> 29, all & crate::ascii::HI == 0)
}

/// True when `a` and `b` are both absent or the same word.
fn same(a: Option<&&str>, b: Option<&&str>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => same_word(a, b),
        (None, None) => true,
        _ => false,
    }
}

/// True when a name of `words` can refer to an entity named `known`: the
/// same name; a single word equal to the known first or last word (`Havel`,
/// `Marisol`); a fuller name with the known single word as its last (`Ana
/// Ruiz` after `Ruiz`); or the same first and last words. Words compare
/// without regard to case.
fn name_matches(words: &[&str], known: &[&str]) -> bool {
    if known.is_empty() {
        return false;
    }
    if words.len() == known.len() && words.iter().zip(known).all(|(a, b)| same_word(a, b)) {
        true
    } else if words.len() == 1 {
        same(known.last(), words.first()) || same(known.first(), words.first())
    } else if known.len() == 1 {
        same(words.last(), known.last())
    } else {
        same(words.last(), known.last()) && same(words.first(), known.first())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_unborrowed_list_keeps_its_room() {
        let text = String::from("Ana Ruiz said so");
        let mut words: Vec<&str> = Vec::with_capacity(100);
        words_of(&text, &mut words);
        let kept: Vec<&'static str> = unborrowed(words);
        assert!(kept.is_empty());
        assert!(kept.capacity() >= 100, "room lost: {}", kept.capacity());
    }

    #[test]
    fn words_read_in_place_equal_the_split() {
        let text = "Havel CNN Ruiz's U.S. Ana Ruiz \u{e9}lan A\u{1}B Trump\u{2019}s x. spokeswoman";
        for start in 0..text.len() {
            for end in start..=text.len().min(start + 12) {
                if !text.is_char_boundary(start) || !text.is_char_boundary(end) {
                    continue;
                }
                let (mut a, mut b) = (Vec::new(), Vec::new());
                words_of_in(text, Span::new(start, end), &mut a);
                words_of(&text[start..end], &mut b);
                assert_eq!(a, b, "{start}..{end}");
            }
        }
    }

    #[test]
    fn words_compare_and_hash_as_their_lower_case() {
        let pairs = [("Havel", "HAVEL"), ("Ruiz's", "ruiz"), ("José", "JOSÉ"), ("ΣΟΦΙΑ", "σοφια"), ("K", "\u{212a}")];
        for (a, b) in pairs {
            let (mut x, mut y) = (Vec::new(), Vec::new());
            words_of(a, &mut x);
            words_of(b, &mut y);
            let same_lower = x[0].to_lowercase() == y[0].to_lowercase();
            assert_eq!(same_word(x[0], y[0]), same_lower, "{a} {b}");
            if same_lower {
                assert_eq!(lower_hash(x[0]), lower_hash(y[0]), "{a} {b}");
            }
        }
        let mut w = Vec::new();
        words_of("Dr. Ana  Ruiz\u{2019}s,", &mut w);
        assert_eq!(w, ["Dr", "Ana", "Ruiz"]);
        assert!(name_matches(&["ruiz"], &["Ana", "RUIZ"]));
        assert!(name_matches(&["Ana", "Maria", "Ruiz"], &["ana", "ruiz"]));
        assert!(!name_matches(&["Ana", "Ruiz"], &["Eva", "Ruiz"]));
    }
}
