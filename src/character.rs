//! Characters: who is who in a story (fiction only).
//!
//! In a novel one person goes by many names (`Elizabeth`, `Miss Bennet`,
//! `Elizabeth Bennet`), by a title (`General Tilney`, later `the General`),
//! or by a description (`the convict`); and the person telling the story is
//! `I`. The [`Cast`] groups the mentions of a fiction document into
//! characters before the sieve runs, so that the conversation passes can
//! follow who speaks to whom, and the resolver can give every speaker one
//! entity and its fullest name.
//!
//! * **Names**, in and out of quotations, in text order. A name joins the
//!   most recent character it fits: the same name; a lone word equal to a
//!   character's first name or surname (`Elizabeth`, `Bennet`); a title and
//!   a surname (`Miss Bennet`) or, for the titles used with given names
//!   (`Miss`, `Lady`, `Aunt`), a given name (`Miss Elizabeth`); a full name
//!   whose first name and surname agree with what is known. Titles of
//!   conflicting gender never merge (`Mr. Bennet` and `Mrs. Bennet` stay
//!   two people), nor do a title and a given name of the other gender
//!   (`Mr. Bennet` and `Elizabeth Bennet`), nor two full names with one
//!   surname and different first names (`Jane Bennet`, `Elizabeth Bennet`).
//!   News resolution keys on surnames only (see `resolve.rs`); fiction
//!   needs first names too, as characters are mostly called by them.
//! * **Titles** used as nominals (`the General`, `the Inspector`) join the
//!   most recent character named with that title (`General Tilney`).
//! * **Descriptions** (`the convict`, `the old man`): a definite nominal
//!   joins the most recent character described by the same head noun; an
//!   indefinite one (`a man`) starts a new character.
//! * **The narrator**: `I` outside quotations is one character, the
//!   narrator ([`mark_narrator`] relabels those mentions first).
//!
//! The canonical name of a character is its fullest name (most words,
//! earliest on ties), as in news.
//!
//! Pronouns are not resolved here: who `he` is in a dialogue depends on
//! whose turn it is, which the conversation pass (`sieve/conversation.rs`)
//! follows; it records its answers in the cast with [`Cast::assign`].

use crate::lexicon::{CharacterWord, Lexicons, flags};
use crate::mention::Mention;
use crate::output::{Gender, MentionKind};
use crate::segment::{Segmentation, TokKind};
use crate::span::Span;

/// Titles written with a given name as well as a surname (`Miss
/// Elizabeth`, `Lady Catherine`, `Aunt Juley`); after other titles a lone
/// word is a surname (`Mr. Bennet`).
fn takes_given_name(title: &str) -> bool {
    matches!(
        title,
        "miss" | "lady" | "lord" | "sir" | "dame" | "aunt" | "uncle" | "cousin" | "madame" | "father" | "sister"
    )
}

/// One way a character was named: the title before the name, if any, and
/// the lower-case words of the name, read as a given name and a surname
/// where the form shows which is which.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Form {
    title: Option<Box<str>>,
    words: Vec<Box<str>>,
}

impl Form {
    /// The given name, when the form shows one: the first of several words
    /// (`Elizabeth Bennet`).
    fn first(&self) -> Option<&str> {
        match self.words.as_slice() {
            [first, _, ..] if !is_particle(first) => Some(first),
            _ => None,
        }
    }

    /// The surname, when the form shows one: the last of several words, or
    /// the lone word after a title used with surnames (`Mr. Bennet`).
    fn last(&self) -> Option<&str> {
        match self.words.as_slice() {
            [w] if self.title.as_deref().is_some_and(|t| !takes_given_name(t)) => Some(w),
            [_, .., last] => Some(last),
            _ => None,
        }
    }

    /// A lone word that may be either a given name or a surname
    /// (`Elizabeth`, `Darcy`, `Miss Bennet`, `Miss Elizabeth`).
    fn either(&self) -> Option<&str> {
        match self.words.as_slice() {
            [w] if self.title.as_deref().is_none_or(takes_given_name) => Some(w),
            _ => None,
        }
    }

    /// True when the two forms' titles cannot belong to one person: `Miss`
    /// and `Mrs.` (unmarried and married), `Master` and `Mr.` (a boy and a
    /// man).
    fn titles_conflict(&self, other: &Form) -> bool {
        let pair = (self.title.as_deref(), other.title.as_deref());
        matches!(
            pair,
            (Some("miss"), Some("mrs"))
                | (Some("mrs"), Some("miss"))
                | (Some("master"), Some("mr"))
                | (Some("mr"), Some("master"))
        )
    }
}

/// Lower-case particles inside names (`van der Luyden`).
fn is_particle(w: &str) -> bool {
    matches!(w, "de" | "van" | "von" | "der" | "den" | "la" | "le" | "du" | "di" | "da" | "del")
}

/// A name form of a character, how often it was used, and its first
/// mention.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Seen {
    form: Form,
    count: u32,
    mention: usize,
    /// True once the form is used in the narration (not only in quotes).
    narrated: bool,
}

/// The mention that names a character: its fullest form (most words, then
/// a title: `Mr. Darcy` over `Darcy`), earliest on ties, among the forms
/// the text confirms. A form is confirmed when it is used twice, when
/// every word of it also stands in another of the character's forms, or
/// when it has two words and the narration uses it; so a run of capitals
/// read as one name (`… should have left Margaret Howards End` in a quote,
/// `at the corner of Mill Street Archer turned`) does not name the
/// character.
fn canonical(forms: &[Seen]) -> Option<usize> {
    let confirmed = |f: &Seen| {
        f.count >= 2
            || forms.len() == 1
            || f.narrated && f.form.words.len() <= 2
            || f.form.words.iter().all(|w| forms.iter().any(|o| o.form != f.form && o.form.words.contains(w)))
    };
    let key = |f: &Seen| (f.form.words.len(), f.form.title.is_some(), core::cmp::Reverse(f.mention));
    forms
        .iter()
        .filter(|f| confirmed(f))
        .max_by_key(|f| key(f))
        .or_else(|| forms.iter().max_by_key(|f| key(f)))
        .map(|f| f.mention)
}

/// How a description names a character: its head noun.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Label {
    /// Known by name forms.
    Named(Vec<Seen>),
    /// Known only by a description (`the convict`): its lower-case head.
    Described(Box<str>),
    /// The narrator.
    Narrator,
}

/// One character of a story.
#[derive(Clone, Debug)]
pub(crate) struct Character {
    /// The gender the text states: a title, or a pronoun that refers to
    /// the character.
    pub gender: Gender,
    /// The gender its given name suggests (weaker evidence).
    pub name_gender: Gender,
    /// The mention whose head is the character's fullest name, or its
    /// first description.
    pub canonical: usize,
    /// True for the narrator.
    pub narrator: bool,
    /// True when the text shows the character is a person: a title, a
    /// known given name, a tag that makes it speak, a pronoun that refers
    /// to it. A capitalised word with none of these (`Opera`, `Fifth
    /// Avenue`) is kept, but never guessed as a speaker.
    pub person: bool,
    /// Votes from `he` and `she` that refer to it in the narration:
    /// (male, female).
    votes: (u16, u16),
    /// True once a mention of it stands inside a sentence, not at its
    /// start: `Anxious`, `Enough`, `Beautiful` open sentences only.
    mid: bool,
    /// How many of its mentions follow `at`, `in`, `to` (places do).
    located: u32,
    /// How many mentions name or describe it.
    count: u32,
    label: Label,
    /// The latest mention, for recency.
    last: usize,
}

/// The characters of a document and, for each mention, the character it
/// names or was resolved to. Empty outside fiction.
#[derive(Clone, Debug, Default)]
pub(crate) struct Cast {
    pub characters: Vec<Character>,
    /// For each mention, its character.
    of: Vec<Option<u32>>,
    /// For each mention resolved through another one (a pronoun through
    /// the speaker of an earlier turn), that mention.
    via: Vec<Option<u32>>,
    /// Mentions that refer to a character the reader knows without naming
    /// it, and the gender they give: kinship nominals (`her mother`) and
    /// plain epithets (`the young man`, `the girl`). The conversation pass
    /// resolves them as it does `he` and `she`.
    refers: Vec<Option<Gender>>,
    /// While clustering: the characters with a name form holding each word.
    by_word: crate::lexicon::WordMap<Vec<u32>>,
    /// While clustering: the current sentence and the characters named in
    /// it so far. One sentence seldom names one person twice in two ways
    /// (`Elspeth Rowan walked in with Mr. Rowan`), so a new form there
    /// does not join them.
    sentence: (u32, Vec<usize>),
    /// While clustering: the characters with a name form carrying each
    /// title (`general`), so `the General` is found without a scan.
    by_title: crate::lexicon::WordMap<Vec<u32>>,
    /// While clustering: the latest character described by each head
    /// (`the old man`).
    by_described: crate::lexicon::WordMap<u32>,
}

/// Relabels first-person singular pronouns outside quotations as the
/// narrator (`“…,” I said`): in fiction, `I` in the narration is always the
/// one telling the story.
pub(crate) fn mark_narrator(text: &str, mentions: &mut [Mention], lex: &Lexicons) {
    for m in mentions.iter_mut() {
        if m.kind == MentionKind::Pronoun && !m.in_quote {
            if let Some(p) = lex.pronoun(&text[m.span]) {
                if p.person == 1 && !p.plural {
                    m.kind = MentionKind::Narrator;
                }
            }
        }
    }
}

/// A mention over tokens `first..end` with head `head`, outside
/// quotations.
fn fiction_mention(
    seg: &Segmentation,
    first: usize,
    end: usize,
    head: Span,
    kind: MentionKind,
    gender: Gender,
) -> Mention {
    let span = Span::new(seg.tokens[first].span.start, seg.tokens[end - 1].span.end);
    let mut m = Mention::plain(span, head, kind, first, end);
    m.gender = gender;
    m.sentence = seg.sentence_of_token(first) as u32;
    m
}

/// Possessive determiners.
fn is_possessive(w: &str) -> bool {
    crate::lexicon::with_lower(w, |w| matches!(w, "his" | "her" | "their" | "my" | "our" | "your"))
}

/// Words that introduce a description of a person.
fn is_determiner(w: &str) -> bool {
    // (Written out in both cases: this runs on every word of a novel.)
    matches!(
        w,
        "the"
            | "The"
            | "a"
            | "A"
            | "an"
            | "An"
            | "this"
            | "This"
            | "that"
            | "That"
            | "one"
            | "One"
            | "his"
            | "His"
            | "her"
            | "Her"
            | "their"
            | "Their"
            | "my"
            | "My"
            | "our"
            | "Our"
            | "your"
            | "Your"
    )
}

/// Adds the descriptions of people that the news lexicons do not know
/// (`the stranger`, `a rough voice`, `the old mariner`: nouns from
/// `characters.txt`), and capitalised descriptions next to a reporting cue
/// (`said the Unseen`), as nominal mentions outside quotations; and, as
/// names, given names that are also common words, capitalised right after
/// a cue (`said May`). `quotes`
/// are the outer spans of the top-level quotations and `cues` the cue
/// spans, both sorted.
pub(crate) fn add_descriptions(
    text: &str,
    seg: &Segmentation,
    lex: &Lexicons,
    quotes: &[Span],
    cues: &[Span],
    mentions: &mut Vec<Mention>,
) {
    let toks = &seg.tokens;
    let word = |i: usize| toks.get(i).map_or("", |t| &text[t.span]);
    let cue_at = |pos: usize, end: bool| {
        let k = cues.partition_point(|c| if end { c.end < pos } else { c.start < pos });
        cues.get(k).is_some_and(|c| if end { c.end == pos } else { c.start == pos })
    };
    let in_quote = |pos: usize| {
        let k = quotes.partition_point(|q| q.end <= pos);
        quotes.get(k).is_some_and(|q| q.start <= pos)
    };
    let mut covered = vec![false; toks.len()];
    for m in mentions.iter() {
        for c in covered.iter_mut().take(m.end as usize).skip(m.first as usize) {
            *c = true;
        }
    }
    let mut added: Vec<Mention> = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        let t = toks[i];
        // Both rules below start at an uncovered word that is capitalised
        // or may be a determiner (each of which is a function word, a
        // pronoun or a news determiner: the token's flags say so, see the
        // `determiners_carry_a_flag` test): the other tokens, most of a
        // novel, are passed over with no look at their text.
        let may_start = t.shape == crate::segment::Shape::Capitalized
            || t.lex & (flags::FUNCTION | flags::PRONOUN | flags::DETERMINER) != 0;
        if covered[i] || t.kind != TokKind::Word || !may_start {
            i += 1;
            continue;
        }
        // `said May`, `cried Will`: a given name that is also a common
        // word, capitalised right after a cue.
        if t.shape == crate::segment::Shape::Capitalized {
            let w = word(i);
            // (The token's flag is the function-word look-up.)
            let homonym = || t.is_function_word() && lex.is_given_name(w);
            // (Only after the cue: `May spoke of` may be a month's doing.)
            let tag = || i > 0 && cue_at(toks[i - 1].span.end, true);
            let inside = || {
                seg.sentences
                    .get(seg.sentence_of_token(i))
                    .is_some_and(|s| (s.first as usize..i).any(|k| toks[k].kind == TokKind::Word))
            };
            if homonym() && tag() && inside() && !in_quote(t.span.start) {
                let mut m = fiction_mention(seg, i, i + 1, t.span, MentionKind::Name, Gender::Unknown);
                m.name_gender = lex.given_name_gender(w);
                added.push(m);
                i += 1;
                continue;
            }
        }
        if !is_determiner(word(i)) || in_quote(t.span.start) {
            i += 1;
            continue;
        }
        // Up to three modifiers, then the noun.
        let mut found = None;
        for j in i + 1..(i + 5).min(toks.len()) {
            let tj = toks[j];
            if covered[j] || tj.kind != TokKind::Word || tj.para != t.para {
                break;
            }
            let w = word(j);
            let base = w.strip_suffix("'s").or_else(|| w.strip_suffix("\u{2019}s")).unwrap_or(w);
            let entry = lex.character_word(base);
            let next_to_cue = || {
                i > 0 && cue_at(toks[i - 1].span.end, true)
                    || toks.get(j + 1).is_some_and(|n| cue_at(n.span.start, false))
            };
            // `Her voice trembled.`, `was his reply`: the possessor, as a
            // subject pronoun.
            let part = entry.is_some_and(|(k, _)| k == CharacterWord::Part) && j == i + 1;
            let speech = entry.is_some_and(|(k, _)| k == CharacterWord::Speech);
            if part || speech {
                let g = crate::lexicon::with_lower(word(i), |d| match d {
                    "his" => Gender::Male,
                    "her" => Gender::Female,
                    _ => Gender::Unknown,
                });
                let opens = seg
                    .sentences
                    .get(seg.sentence_of_token(i))
                    .is_some_and(|x| (x.first as usize..i).all(|k| toks[k].kind == TokKind::Punct));
                if g != Gender::Unknown && (opens || speech) {
                    found = Some((i, g, usize::MAX));
                    break;
                }
            }
            let person = entry.filter(|(k, _)| {
                matches!(*k, CharacterWord::Person | CharacterWord::Epithet)
                    || base == "voice" && !is_possessive(word(i)) && next_to_cue()
            });
            // `said the Unseen`, `the Voice said`: a capitalised noun in a tag.
            let tagged = tj.is_capitalized()
                && j == i + 1
                && lex.pronoun(w).is_none()
                && !lex.is_function_word(w)
                && next_to_cue();
            if tj.shape == crate::segment::Shape::Lower && person.is_some() || tagged {
                found = Some((j, person.map_or(Gender::Unknown, |p| p.1), base.len()));
                break;
            }
            // Only plain lower-case words may stand before the noun.
            if tj.shape != crate::segment::Shape::Lower || lex.is_function_word(w) || cue_at(tj.span.start, false) {
                break;
            }
        }
        let Some((j, gender, base_len)) = found else {
            i += 1;
            continue;
        };
        if base_len == usize::MAX {
            // The possessor of `Her voice`: a pronoun mention over `Her`.
            added.push(fiction_mention(seg, i, i + 1, t.span, MentionKind::Pronoun, gender));
            i = j + 1;
            continue;
        }
        let head_tok = toks[j];
        let head = Span::new(head_tok.span.start, head_tok.span.start + base_len);
        let mut m = fiction_mention(seg, i, j + 1, head, MentionKind::Nominal, gender);
        m.possessive = base_len < head_tok.span.len();
        added.push(m);
        i = j + 1;
    }
    if !added.is_empty() {
        mentions.extend(added);
        mentions.sort_by_key(|m| m.first);
    }
}

impl Cast {
    /// Groups the mentions of a fiction document into characters.
    pub fn new(text: &str, seg: &Segmentation, lex: &Lexicons, mentions: &[Mention]) -> Cast {
        let mut cast = Cast {
            characters: Vec::new(),
            of: vec![None; mentions.len()],
            via: vec![None; mentions.len()],
            refers: vec![None; mentions.len()],
            by_word: crate::lexicon::WordMap::default(),
            sentence: (u32::MAX, Vec::new()),
            by_title: crate::lexicon::WordMap::default(),
            by_described: crate::lexicon::WordMap::default(),
        };
        let mut narrator: Option<usize> = None;
        let headings = headings(text, seg);
        for (m, mention) in mentions.iter().enumerate() {
            if cast.sentence.0 != mention.sentence {
                cast.sentence = (mention.sentence, Vec::new());
            }
            // `CHAPTER XII. POIROT EXPLAINS`, `Marilla Makes Up Her Mind`:
            // a heading's capitals are no names.
            let para = seg.tokens.get(mention.first as usize).map_or(0, |t| t.para);
            if headings.get(para as usize).copied().unwrap_or(false) {
                continue;
            }
            let c = match mention.kind {
                MentionKind::Name => cast.name(text, lex, mentions, m),
                MentionKind::Narrator => Some(*narrator.get_or_insert_with(|| cast.push(m, Label::Narrator))),
                MentionKind::Nominal if !mention.plural => match kin(text, lex, mention) {
                    Some(g) => {
                        cast.refers[m] = Some(g);
                        None
                    }
                    None => cast.nominal(text, lex, mentions, m),
                },
                _ => None,
            };
            if let Some(c) = c {
                cast.of[m] = Some(c as u32);
                let opens = seg.sentences.get(mention.sentence as usize).is_some_and(|x| {
                    (x.first..mention.first)
                        .all(|k| seg.tokens.get(k as usize).is_some_and(|t| t.kind == TokKind::Punct))
                });
                let before = (mention.first as usize).checked_sub(1).and_then(|k| seg.tokens.get(k));
                let located = before.is_some_and(|t| {
                    matches!(&text[t.span], "at" | "in" | "near" | "from" | "to" | "into" | "towards" | "through")
                });
                let ch = &mut cast.characters[c];
                ch.last = m;
                ch.count += 1;
                ch.mid |= !opens;
                ch.located += u32::from(located);
            }
        }
        cast.gender_votes(text, lex, seg, mentions);
        // `The station was at Hilton`: a name only ever seen after `at`, `in`
        // or `to` is a place, whatever the given-name list says (a tag can
        // still make it speak).
        for ch in &mut cast.characters {
            let titled = matches!(&ch.label, Label::Named(forms) if forms.iter().any(|f| f.form.title.is_some()));
            if ch.count > 0 && ch.located == ch.count && !titled && !ch.narrator {
                ch.person = false;
            }
        }
        cast
    }

    /// Counts `he` and `she` in the narration that can only refer to one
    /// named character: a pronoun that opens its sentence, when the only
    /// character named in the sentence before (same paragraph) is its
    /// subject. A character with no title then takes the gender most such
    /// pronouns give it, its given name counting as three votes. This is
    /// how `Newland Archer` becomes a man for a later `he said`.
    fn gender_votes(&mut self, text: &str, lex: &Lexicons, seg: &Segmentation, mentions: &[Mention]) {
        // (sentence, character of its subject, more than one named).
        let mut prev: Option<(u32, Option<usize>, bool)> = None;
        let mut cur: Option<(u32, Option<usize>, bool)> = None;
        for (m, mention) in mentions.iter().enumerate() {
            if mention.in_quote {
                continue;
            }
            let s = mention.sentence;
            if cur.is_none_or(|(cs, _, _)| cs != s) {
                prev = cur.filter(|&(cs, _, _)| cs + 1 == s && same_paragraph(seg, cs, s));
                cur = Some((s, None, false));
            }
            let opens = seg.sentences.get(s as usize).is_some_and(|x| {
                (x.first..mention.first).all(|k| seg.tokens.get(k as usize).is_some_and(|t| t.kind == TokKind::Punct))
            });
            match mention.kind {
                MentionKind::Name => {
                    if let (Some(c), Some(entry)) = (self.of(m), cur.as_mut()) {
                        match entry.1 {
                            None if opens => entry.1 = Some(c),
                            Some(x) if x != c => entry.2 = true,
                            None => entry.2 = true,
                            _ => {}
                        }
                    }
                }
                MentionKind::Pronoun if opens && !mention.plural => {
                    let Some((_, Some(c), false)) = prev else { continue };
                    let ch = &mut self.characters[c];
                    match lex.pronoun(&text[mention.span]).map(|p| p.gender) {
                        Some(Gender::Male) => ch.votes.0 += 1,
                        Some(Gender::Female) => ch.votes.1 += 1,
                        _ => continue,
                    }
                    // (`Anxious to please, she …`: a word that only ever
                    // opens sentences is no name, whatever follows it.)
                    ch.person |= ch.mid;
                }
                _ => {}
            }
        }
        for ch in &mut self.characters {
            let prior = |g: Gender| if ch.name_gender == g { 3 } else { 0 };
            let (m, f) = (ch.votes.0 + prior(Gender::Male), ch.votes.1 + prior(Gender::Female));
            if ch.gender == Gender::Unknown && m.max(f) > 2 * m.min(f) {
                ch.gender = if m > f { Gender::Male } else { Gender::Female };
            }
        }
    }

    /// True when some mention of character `c` stands inside a sentence
    /// (`Enough` and `Well` open sentences only).
    pub fn is_mid(&self, c: usize) -> bool {
        self.characters.get(c).is_some_and(|ch| ch.mid)
    }

    /// Marks character `c` as a person (a tag makes it speak).
    pub fn mark_person(&mut self, c: usize) {
        if let Some(ch) = self.characters.get_mut(c) {
            ch.person = true;
        }
    }

    /// The narrator, if the story has one.
    pub fn narrator(&self) -> Option<usize> {
        self.characters.iter().position(|ch| ch.narrator)
    }

    /// Makes named character `x` the narrator (`“Hastings,” said Poirot`
    /// to the one who tells the story): its mentions become the narrator's,
    /// and its fullest name names the narrator.
    pub fn name_narrator(&mut self, x: usize) {
        let Some(n) = self.narrator() else { return };
        if n == x || self.characters.get(x).is_none_or(|ch| ch.narrator) {
            return;
        }
        for slot in &mut self.of {
            if *slot == Some(x as u32) {
                *slot = Some(n as u32);
            }
        }
        let named = self.characters[x].clone();
        let ch = &mut self.characters[n];
        ch.canonical = named.canonical;
        ch.gender = named.gender;
        ch.name_gender = named.name_gender;
        ch.count += named.count;
        ch.person = true;
        let gone = &mut self.characters[x];
        gone.count = 0;
        gone.person = false;
    }

    /// True when character `c` is known only by a description (`the
    /// gentleman`).
    pub fn is_described(&self, c: usize) -> bool {
        self.characters.get(c).is_some_and(|ch| matches!(ch.label, Label::Described(_)))
    }

    /// The surnames character `c` goes by (`palmer` for `Mr. Palmer`).
    pub fn surnames(&self, c: usize) -> Vec<&str> {
        match self.characters.get(c).map(|ch| &ch.label) {
            Some(Label::Named(forms)) => forms.iter().filter_map(|f| f.form.last()).collect(),
            _ => Vec::new(),
        }
    }

    /// True when character `c` has a name.
    pub fn is_named(&self, c: usize) -> bool {
        self.characters.get(c).is_some_and(|ch| matches!(ch.label, Label::Named(_)))
    }

    /// Makes the mentions of described character `x` mentions of named
    /// character `n` (`the gentleman` who turns out to be Mr. Greyson).
    pub fn merge_into(&mut self, x: usize, n: usize) {
        if x == n || x >= self.characters.len() || n >= self.characters.len() {
            return;
        }
        for slot in &mut self.of {
            if *slot == Some(x as u32) {
                *slot = Some(n as u32);
            }
        }
        let count = std::mem::take(&mut self.characters[x].count);
        self.characters[x].person = false;
        let ch = &mut self.characters[n];
        ch.count += count;
    }

    /// The character mention `m` names or was resolved to.
    pub fn of(&self, m: usize) -> Option<usize> {
        self.of.get(m).copied().flatten().map(|c| c as usize)
    }

    /// For a kinship nominal or an epithet (`her mother`, `the young
    /// man`), the gender it gives; `None` for other mentions.
    pub fn refers(&self, m: usize) -> Option<Gender> {
        self.refers.get(m).copied().flatten()
    }

    /// How many mentions name or describe character `c`.
    pub fn count(&self, c: usize) -> u32 {
        self.characters.get(c).map_or(0, |ch| ch.count)
    }

    /// The mention that mention `m` was resolved through, if any.
    pub fn via(&self, m: usize) -> Option<usize> {
        self.via.get(m).copied().flatten().map(|v| v as usize)
    }

    /// Records that mention `m` (a pronoun) refers to character `c`, as
    /// shown by mention `via`; a stated gender carries over to the
    /// character.
    pub fn assign(&mut self, m: usize, c: usize, via: Option<usize>, gender: Gender) {
        if let Some(slot) = self.of.get_mut(m) {
            *slot = Some(c as u32);
        }
        if let Some(slot) = self.via.get_mut(m) {
            *slot = via.map(|v| v as u32);
        }
        // (Not against the gender of a given name: one wrong guess must
        // not turn Catherine into a man for the rest of the book.)
        if let Some(ch) = self.characters.get_mut(c) {
            if ch.gender == Gender::Unknown
                && matches!(gender, Gender::Male | Gender::Female)
                && ch.name_gender.compatible(gender)
            {
                ch.gender = gender;
            }
        }
    }

    fn push(&mut self, m: usize, label: Label) -> usize {
        self.characters.push(Character {
            gender: Gender::Unknown,
            name_gender: Gender::Unknown,
            canonical: m,
            narrator: label == Label::Narrator,
            // The narrator of a story told in the third person may say `I`
            // now and then without ever speaking in a scene, and a role
            // noun may be an adjective (`the official figure`): both become
            // people when a tag makes them speak (`said I`, `said the
            // official`).
            person: false,
            votes: (0, 0),
            mid: false,
            located: 0,
            count: 0,
            label,
            last: m,
        });
        self.characters.len() - 1
    }

    /// The character of name mention `m`, new or existing; `None` for a
    /// name that is no single person (`the Beauforts`, `I'm`).
    fn name(&mut self, text: &str, lex: &Lexicons, mentions: &[Mention], m: usize) -> Option<usize> {
        let mention = &mentions[m];
        let mut form = form_of(text, lex, mention);
        if self.not_a_person(&form) {
            return None;
        }
        // Only a title states a gender here: the mention's own gender may
        // come from an appositive role, which misreads fiction (`… her
        // brother had …, Catherine`).
        let gender = form.title.as_deref().map_or(Gender::Unknown, |t| title_gender(lex, t));
        let mut name_gender = form.first().map_or(Gender::Unknown, |f| lex.given_name_gender(f));
        // `Mrs. Julius Beaufort` is Julius Beaufort's wife: the given name
        // is her husband's, so only the surname names her.
        if !gender.compatible(name_gender) {
            form.words.drain(..form.words.len() - 1);
            name_gender = Gender::Unknown;
        }
        // A lone word may be a given name; as one it suggests a gender
        // (`Marilla`), too weakly to keep characters apart.
        let lone_gender = match form.words.as_slice() {
            [w] if form.title.is_none() => lex.given_name_gender(w),
            _ => Gender::Unknown,
        };
        // The same name first, then any compatible one; the most recent.
        // Only characters that share a word with the form can fit it.
        let mut candidates: Vec<u32> =
            form.words.iter().filter_map(|w| self.by_word.get(w)).flatten().copied().collect();
        candidates.sort_unstable();
        candidates.dedup();
        let characters = &self.characters;
        let latest = |candidates: &[u32], ok: &dyn Fn(&Character) -> bool| {
            candidates.iter().map(|&c| c as usize).filter(|&c| ok(&characters[c])).max_by_key(|&c| characters[c].last)
        };
        let exact = latest(&candidates, &|ch: &Character| {
            matches!(&ch.label, Label::Named(forms) if forms.iter().any(|f| f.form == form))
                && ch.gender.compatible(gender)
        });
        // (A lone word may still take up a name just used: `Mr. Darcy left;
        // Darcy was rude.`)
        if form.either().is_none() || form.title.is_some() {
            let named_here = &self.sentence.1;
            candidates.retain(|&c| !named_here.contains(&(c as usize)));
        }
        let found = exact.or_else(|| {
            latest(&candidates, &|ch: &Character| {
                let Label::Named(forms) = &ch.label else { return false };
                // Stated genders must agree; a title must also agree with
                // the gender a given name suggests.
                ch.gender.compatible(gender)
                    && ch.name_gender.compatible(gender)
                    && ch.gender.compatible(name_gender)
                    && fits(forms, &form, ch.gender == Gender::Female || ch.name_gender == Gender::Female)
            })
        });
        let c = match found {
            Some(c) => c,
            None => self.push(m, Label::Named(Vec::new())),
        };
        self.sentence.1.push(c);
        let ch = &mut self.characters[c];
        if ch.gender == Gender::Unknown {
            ch.gender = gender;
        }
        ch.person |= form.title.is_some()
            || form.first().is_some_and(|f| lex.is_given_name(f))
            || form.either().is_some_and(|w| lex.is_given_name(w));
        if ch.name_gender == Gender::Unknown {
            ch.name_gender = if name_gender == Gender::Unknown { lone_gender } else { name_gender };
        }
        if let Label::Named(forms) = &mut ch.label {
            // The head as written should read as the form (`Aziz`, not the
            // `Unfortunately Aziz` the form was cut from).
            let clean = text[mention.head].split_whitespace().count() == form.words.len();
            match forms.iter_mut().find(|f| f.form == form) {
                Some(f) => {
                    f.count += 1;
                    f.narrated |= !mention.in_quote;
                    if clean && text[mentions[f.mention].head].split_whitespace().count() != form.words.len() {
                        f.mention = m;
                    }
                }
                None => {
                    for w in &form.words {
                        let list = self.by_word.entry(w.clone()).or_default();
                        if !list.contains(&(c as u32)) {
                            list.push(c as u32);
                        }
                    }
                    if let Some(t) = form.title.as_deref() {
                        let list = self.by_title.entry(t.into()).or_default();
                        if !list.contains(&(c as u32)) {
                            list.push(c as u32);
                        }
                    }
                    forms.push(Seen { form, count: 1, mention: m, narrated: !mention.in_quote });
                }
            }
            ch.canonical = canonical(forms).unwrap_or(m);
        }
        Some(c)
    }

    /// True for a lone word that names a family (`Beauforts` after
    /// `Beaufort`) or is a contraction (`I'm`).
    fn not_a_person(&self, form: &Form) -> bool {
        let [w] = form.words.as_slice() else { return false };
        if w.starts_with("i'") || w.starts_with("i\u{2019}") {
            return true;
        }
        let Some(stem) = w.strip_suffix('s') else { return false };
        let Some(list) = self.by_word.get(stem) else { return false };
        list.iter().map(|&c| &self.characters[c as usize]).any(|ch| {
            matches!(&ch.label, Label::Named(forms) if forms.iter().any(|f| f.form.last() == Some(stem) || f.form.either() == Some(stem)))
        })
    }

    /// The character of a nominal mention: a title (`the General`) or a
    /// description (`the convict`); `None` for a nominal that names nobody
    /// in particular.
    fn nominal(&mut self, text: &str, lex: &Lexicons, mentions: &[Mention], m: usize) -> Option<usize> {
        let mention = &mentions[m];
        let head = text[mention.head].to_lowercase();
        let first = text[mention.span].split_whitespace().next().unwrap_or("");
        let definite = matches!(first, "the" | "The");
        // `the General`: the most recent character titled so.
        let titled = self
            .by_title
            .get(head.as_str())
            .into_iter()
            .flatten()
            .map(|&c| c as usize)
            .filter(|&c| self.characters[c].gender.compatible(mention.gender))
            .max();
        if let (true, Some(c)) = (definite, titled) {
            return Some(c);
        }
        // Only a description that stands alone names a character: `the old
        // man`, not `the man's hat` or `a man of sense`.
        if mention.possessive {
            return None;
        }
        if definite {
            if let Some(&c) = self.by_described.get(head.as_str()) {
                return Some(c as usize);
            }
            // `the young man` with no `a young man` before it: someone the
            // reader knows.
            if is_epithet(text, lex, mention, &head) {
                self.refers[m] = Some(mention.gender);
                return None;
            }
        }
        let c = self.push(m, Label::Described(head.as_str().into()));
        self.by_described.insert(head.into(), c as u32);
        self.characters[c].gender = mention.gender;
        Some(c)
    }
}

/// True when a new name form can belong to a character known by `forms`:
/// some form agrees with it and none contradicts it.
fn fits(forms: &[Seen], new: &Form, female: bool) -> bool {
    let (first, last, either) = (new.first(), new.last(), new.either());
    let mut agrees = false;
    for f in forms.iter().map(|f| &f.form) {
        let (ff, fl, fe) = (f.first(), f.last(), f.either());
        if new.titles_conflict(f) {
            return false;
        }
        // One name part equal and the other different: two people (`Jane
        // Bennet`, `Elizabeth Bennet`; `Henry Tilney`, `Henry Crawford`).
        if let (Some(a), Some(b), Some(c), Some(d)) = (first, last, ff, fl) {
            if (a == c) != (b == d) {
                return false;
            }
        }
        agrees |= match (either, fe) {
            // `Elizabeth` after `Elizabeth Bennet`, `Miss Bennet` or `Lizzy`;
            // but a bare surname (`Thorpe`) names a man far more often than
            // a woman of that family (`Isabella Thorpe`, `Miss Thorpe`).
            (Some(w), _) => {
                let bare = female && new.title.is_none();
                ff == Some(w) || !bare && fl == Some(w) || fe == Some(w) && (!bare || f.title.is_none())
            }
            // `Elizabeth Bennet` or `Mr. Darcy` after `Elizabeth`, `Darcy`.
            (None, Some(w)) => first == Some(w) || last == Some(w),
            (None, None) => {
                let same_last = last.is_some() && last == fl;
                let same_first = first.is_some() && first == ff;
                same_last && (first.is_none() || ff.is_none() || same_first)
                    || same_first && (last.is_none() || fl.is_none())
            }
        };
    }
    agrees
}

/// The name form of a name mention: the title just before its head or
/// opening it (`Mr. Bennet`, `Countess Olenska`, `Old Cotter`), and the
/// words of the name.
fn form_of(text: &str, lex: &Lexicons, m: &Mention) -> Form {
    let prefix = text.get(m.span.start..m.head.start).unwrap_or("");
    let mut title = prefix
        .split_whitespace()
        .last()
        .map(|w| w.trim_end_matches('.').to_lowercase())
        .filter(|w| !w.is_empty())
        .map(String::into_boxed_str);
    let mut words: Vec<Box<str>> = text[m.head]
        .split_whitespace()
        .map(|w| {
            let w = w.trim_end_matches(['.', ',']);
            let w = w.strip_suffix("'s").or_else(|| w.strip_suffix("\u{2019}s")).unwrap_or(w);
            w.to_lowercase().into_boxed_str()
        })
        .filter(|w| !w.is_empty())
        .collect();
    while words.len() >= 2 && lex.character_word(&words[0]).is_some_and(|(k, _)| k == CharacterWord::Title) {
        title = Some(words.remove(0));
    }
    // `Unfortunately Aziz`: an adverb that opens the sentence is no part of
    // the name (`Emily` and `Molly` are given names).
    while words.len() >= 2 && words[0].ends_with("ly") && !lex.is_given_name(&words[0]) {
        words.remove(0);
    }
    Form { title, words }
}

/// For a kinship nominal relative to someone in the story (`her mother`,
/// `his wife`, `their cousin`), the gender of the noun. Such a nominal is
/// not a character of its own: it refers to a character the reader knows,
/// whom the conversation pass looks for as it does for `she`. (`my
/// father` in a first-person story is a character of its own.)
pub(crate) fn kin(text: &str, lex: &Lexicons, m: &Mention) -> Option<Gender> {
    if m.kind != MentionKind::Nominal || m.plural {
        return None;
    }
    let first = text[m.span].split_whitespace().next()?;
    let relative = crate::lexicon::with_lower(first, |w| matches!(w, "his" | "her" | "their"));
    let family = m.role.is_some_and(|r| lex.class_name(r) == "family");
    (relative && family).then_some(m.gender)
}

/// True when a nominal's head is a plain word for a person (`man`,
/// `girl`, `lady`, a kinship noun), which after `the` usually refers back
/// to a known character.
fn is_epithet(text: &str, lex: &Lexicons, m: &Mention, head: &str) -> bool {
    // `the Grandmother`, `the Invisible Man`: a capitalised description is
    // the character's own name.
    let after_the = text[m.span].split_whitespace().skip(1);
    if after_the.clone().any(|w| w.starts_with(char::is_uppercase)) {
        return false;
    }
    let plain_role = m.role.is_some_and(|r| matches!(lex.class_name(r), "man" | "woman" | "child" | "family"));
    plain_role || lex.character_word(head).is_some_and(|(k, _)| k == CharacterWord::Epithet)
}

/// For each paragraph, whether it is a heading: a short line of a dozen
/// words or fewer, without quotation marks, most of whose words are
/// capitalised, that is no sentence or shouts (`CHAPTER I. Mrs. Rachel Lynde
/// is Surprised`, `POIROT EXPLAINS`).
fn headings(text: &str, seg: &Segmentation) -> Vec<bool> {
    let mut out = vec![false; seg.paragraphs.len()];
    // (A paragraph's first token is its first sentence's: a cursor over
    // the sentences, a few in a paragraph, finds it without walking the
    // tokens of the paragraph before. A paragraph with no sentence has no
    // token.)
    let mut s = 0usize;
    for (p, flag) in out.iter_mut().enumerate() {
        let (mut words, mut caps, mut shouted) = (0usize, 0usize, false);
        while seg.sentences.get(s).is_some_and(|x| (x.para as usize) < p) {
            s += 1;
        }
        let mut j = match seg.sentences.get(s) {
            Some(x) if x.para as usize == p => x.first as usize,
            _ => seg.tokens.len(),
        };
        while j < seg.tokens.len() && seg.tokens[j].para as usize == p && words <= 12 {
            let t = seg.tokens[j];
            if t.kind == TokKind::Word {
                words += 1;
                caps += usize::from(t.is_capitalized());
                shouted |= t.shape == crate::segment::Shape::AllCaps && t.span.len() >= 3;
            }
            j += 1;
        }
        // (The paragraph's text is read only for a short, capitalised one:
        // most are neither.)
        let short_capitalised = words > 0 && words <= 12 && caps * 5 >= words * 3;
        *flag = short_capitalised && {
            let para = seg.paragraphs.get(p).map_or("", |s| &text[*s]);
            let quoted = para.contains(['"', '\u{201c}', '\u{2018}']);
            // A sentence (`Elspeth Rowan came in with Mr. Rowan.`) is no
            // heading unless it shouts (`CHAPTER I.`).
            let sentence = para.trim_end().ends_with(['.', '!', '?']) && !shouted;
            !quoted && !sentence
        };
    }
    out
}

/// True when sentences `a` and `b` are in one paragraph.
fn same_paragraph(seg: &Segmentation, a: u32, b: u32) -> bool {
    let para = |s: u32| seg.sentences.get(s as usize).map(|x| x.para);
    para(a).is_some() && para(a) == para(b)
}

/// The gender a title gives (`Mrs.`, `Countess`), if any.
fn title_gender(lex: &Lexicons, title: &str) -> Gender {
    lex.honorific(title)
        .map(|h| h.gender)
        .or_else(|| lex.character_word(title).map(|(_, g)| g))
        .unwrap_or(Gender::Unknown)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::mention::find_mentions;

    /// The characters of `text`, each as the list of its mentions' texts.
    fn cast(text: &str) -> Vec<Vec<String>> {
        let lex = Lexicons::english();
        let seg = Segmentation::new(text, &lex);
        let mut mentions = find_mentions(text, &seg, &[], &[], &lex, crate::genre::Genre::Fiction);
        mark_narrator(text, &mut mentions, &lex);
        let cast = Cast::new(text, &seg, &lex, &mentions);
        let mut out = vec![Vec::new(); cast.characters.len()];
        for (m, mention) in mentions.iter().enumerate() {
            if let Some(c) = cast.of(m) {
                out[c].push(text[mention.span].to_string());
            }
        }
        out
    }

    #[test]
    fn name_variants_join_one_character() {
        let got = cast(
            "Elizabeth Bennet walked in. Miss Bennet sat down. Then Elizabeth spoke. Mr. Bennet and \
             Mrs. Bennet listened. Mr. Darcy left; Darcy was rude.",
        );
        assert_eq!(got[0], vec!["Elizabeth Bennet", "Miss Bennet", "Elizabeth"], "{got:?}");
        assert_eq!(got[1], vec!["Mr. Bennet"], "{got:?}");
        assert_eq!(got[2], vec!["Mrs. Bennet"], "{got:?}");
        assert_eq!(got[3], vec!["Mr. Darcy", "Darcy"], "{got:?}");
    }

    #[test]
    fn a_bare_surname_is_not_a_womans() {
        let got = cast("Isabella Thorpe smiled. Thorpe came in. John Thorpe sat down.");
        assert_eq!(got, vec![vec!["Isabella Thorpe"], vec!["Thorpe", "John Thorpe"]]);
    }

    #[test]
    fn one_sentence_names_two_people() {
        let got = cast("Elspeth Rowan walked in with Mr. Rowan and Mrs. Rowan. Miss Rowan sat down.");
        assert_eq!(got, vec![vec!["Elspeth Rowan", "Miss Rowan"], vec!["Mr. Rowan"], vec!["Mrs. Rowan"]]);
    }

    #[test]
    fn determiners_carry_a_flag() {
        // `add_descriptions` passes over the words with none of these
        // flags without asking `is_determiner`.
        let lex = Lexicons::english();
        let words = ["the", "a", "an", "this", "that", "one", "his", "her", "their", "my", "our", "your"];
        for w in words.iter().flat_map(|w| [w.to_string(), w[..1].to_uppercase() + &w[1..]]) {
            assert!(is_determiner(&w), "{w}");
            let f = lex.word_flags(&w);
            assert!(f & (flags::FUNCTION | flags::PRONOUN | flags::DETERMINER) != 0, "{w}");
        }
        assert!(!is_determiner("Thee") && !is_determiner("THE"));
    }

    #[test]
    fn headings_name_nobody() {
        let got = cast("CHAPTER IV. Marilla Makes Up Her Mind\n\nMarilla Cuthbert sat at the window.");
        assert_eq!(got, vec![vec!["Marilla Cuthbert"]]);
    }

    #[test]
    fn same_surname_different_first_names_stay_apart() {
        let got = cast("Jane Bennet laughed. Elizabeth Bennet frowned. Jane went out.");
        assert_eq!(got, vec![vec!["Jane Bennet", "Jane"], vec!["Elizabeth Bennet"]]);
    }

    #[test]
    fn a_title_as_nominal_joins_its_character() {
        let got = cast("General Tilney came in. The general was angry.");
        assert_eq!(got, vec![vec!["General Tilney", "The general"]]);
    }

    #[test]
    fn the_narrator_is_one_character() {
        let got = cast("I went home. Later I slept, and I dreamed.");
        assert_eq!(got, vec![vec!["I", "I", "I"]]);
    }
}
