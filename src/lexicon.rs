//! The word lists every stage consults, read from the plain data files in
//! `src/lexicon/` (embedded with `include_str!`).
//!
//! A linguist can edit those files without reading Rust: each starts with a
//! comment that gives its format. The reporting-cue lexicons (`cues.txt`,
//! `noun_cues.txt`, `irregular_verbs.txt`, `not_cues.txt`) are read by
//! [`crate::cue`], which builds its automata from them.

use crate::error::BuildError;
use crate::output::Gender;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

const HONORIFICS: &str = include_str!("lexicon/honorifics.txt");
const ROLES: &str = include_str!("lexicon/roles.txt");
const PRONOUNS: &str = include_str!("lexicon/pronouns.txt");
const ORGS: &str = include_str!("lexicon/orgs.txt");
const ABBREVIATIONS: &str = include_str!("lexicon/abbreviations.txt");
const FUNCTION_WORDS: &str = include_str!("lexicon/function_words.txt");
const ELISIONS: &str = include_str!("lexicon/elisions.txt");
const GIVEN_NAMES: &str = include_str!("lexicon/given_names.txt");
const PLACES: &str = include_str!("lexicon/places.txt");
const OBJECT_CUES: &str = include_str!("lexicon/object_cues.txt");
const CHARACTERS: &str = include_str!("lexicon/characters.txt");
const LETTERS: &str = include_str!("lexicon/letters.txt");
const PHRASE_HEADS: &str = include_str!("lexicon/phrase_heads.txt");
const IMAGINED: &str = include_str!("lexicon/imagined.txt");
const TIME_WORDS: &str = include_str!("lexicon/time_words.txt");

/// The most words an entry of `imagined.txt` may have.
pub(crate) const MAX_IMAGINED_WORDS: usize = 4;

/// The most words an entry of `letters.txt` may have.
pub(crate) const MAX_LETTER_WORDS: usize = 3;

/// A small, fast, non-cryptographic hasher for short word keys (the FxHash
/// multiply-rotate scheme). Lexicon keys come from our own files, so
/// collision attacks are not a concern.
#[derive(Default, Clone, Copy, Debug)]
pub(crate) struct WordHasher(u64);

impl Hasher for WordHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        const K: u64 = 0x51_7c_c1_b7_27_22_0a_95;
        let mut h = self.0;
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut w = [0u8; 8];
            w.copy_from_slice(c);
            h = (h.rotate_left(5) ^ u64::from_le_bytes(w)).wrapping_mul(K);
        }
        for &b in chunks.remainder() {
            h = (h.rotate_left(5) ^ u64::from(b)).wrapping_mul(K);
        }
        self.0 = h;
    }

    #[inline]
    fn finish(&self) -> u64 {
        self.0
    }
}

/// A map from lower-case words (or phrases, words joined by one space).
pub(crate) type WordMap<V> = HashMap<Box<str>, V, BuildHasherDefault<WordHasher>>;

/// One entry of a [`CiMap`]: the folded form of its key (see [`Folded`]),
/// the key and the value; `None` when empty.
type Slot<V> = Option<(Folded, Box<str>, V)>;

/// A read-only map from lower-case words or phrases, looked up without
/// regard to ASCII case and without copying the key.
///
/// A word is read as two little-endian words of eight bytes, lower-cased
/// eight bytes at a time ([`Folded`]): for a word of up to 16 bytes, the
/// common case, they hold it whole, so they are compared instead of the
/// bytes, and they are what is hashed. Longer words are confirmed with
/// `eq_ignore_ascii_case`; non-ASCII words are lower-cased first.
///
/// It replaced `HashMap` look-ups behind [`with_lower`] (a lower-case copy,
/// a UTF-8 check and a byte-wise hash per look-up), which were a fifth of
/// the pipeline's time on PolNeAR dev; the folded form then halved what a
/// look-up costs, which had been a byte loop for the ASCII check and
/// another for the comparison.
#[derive(Clone, Debug)]
pub(crate) struct CiMap<V> {
    /// Open addressing, at most half full: each slot's hash (0 for an
    /// empty slot), kept apart from the entries so that a look-up that
    /// misses, the common case, reads only this dense array.
    hashes: Box<[u64]>,
    /// The entry of each slot.
    entries: Box<[Slot<V>]>,
}

impl<V> Default for CiMap<V> {
    fn default() -> CiMap<V> {
        CiMap { hashes: Box::new([]), entries: Box::new([]) }
    }
}

/// True for a character of the General Punctuation block (curly quotes
/// and apostrophes, dashes): none has a case (a test checks it).
#[inline]
fn is_general_punctuation(c: char) -> bool {
    ('\u{2000}'..='\u{206F}').contains(&c)
}

impl<V: Clone> CiMap<V> {
    /// Freezes a map whose keys are lower case.
    pub fn new(map: &WordMap<V>) -> CiMap<V> {
        let size = (map.len() * 2).next_power_of_two().max(8);
        let mut hashes = vec![0u64; size];
        let mut entries: Vec<Slot<V>> = vec![None; size];
        for (key, value) in map {
            let folded = Folded::new(key.as_bytes());
            let hash = folded.hash();
            let mut i = hash as usize & (size - 1);
            while hashes[i] != 0 {
                i = (i + 1) & (size - 1);
            }
            hashes[i] = hash;
            entries[i] = Some((folded, key.clone(), value.clone()));
        }
        CiMap { hashes: hashes.into_boxed_slice(), entries: entries.into_boxed_slice() }
    }
}

impl<V> CiMap<V> {
    /// The value for `word`, compared without regard to case.
    #[inline]
    pub fn get(&self, word: &str) -> Option<&V> {
        let b = word.as_bytes();
        if b.len() > 16 {
            return self.get_long(word);
        }
        let raw = Folded::read(b);
        // The two words hold all of a short word: ASCII when no byte has
        // its top bit.
        if (raw.head | raw.tail) & crate::ascii::HI != 0 {
            return self.get_non_ascii(word);
        }
        let folded = raw.lower();
        self.find(folded.hash(), |f, _| *f == folded)
    }

    /// [`get`](Self::get) for the word at `start..end` of `text`, read
    /// straight from the text: a word of up to 16 bytes with eight bytes
    /// of text from its start (and, past eight, eight up to its end) is
    /// loaded whole and masked to its length, which is its
    /// [`Folded::read`] form.
    #[inline]
    pub fn get_in(&self, text: &str, start: usize, end: usize) -> Option<&V> {
        let b = text.as_bytes();
        let n = end.wrapping_sub(start);
        let raw = match crate::ascii::load8(b, start) {
            Some(x) if n <= 8 => Folded { head: x & crate::ascii::low_bytes(n), tail: 0, len: n },
            Some(x) if n <= 16 => match crate::ascii::load8(b, end - 8) {
                Some(y) => Folded { head: x, tail: y, len: n },
                None => return self.get(text.get(start..end)?),
            },
            _ => return self.get(text.get(start..end)?),
        };
        if (raw.head | raw.tail) & crate::ascii::HI != 0 {
            return self.get(text.get(start..end)?);
        }
        let folded = raw.lower();
        self.find(folded.hash(), |f, _| *f == folded)
    }

    /// True when `word` is a key, compared without regard to case.
    #[inline]
    pub fn contains(&self, word: &str) -> bool {
        self.get(word).is_some()
    }

    /// [`get`](Self::get) for a word of more than 16 bytes.
    #[cold]
    fn get_long(&self, word: &str) -> Option<&V> {
        if !word.is_ascii() {
            return self.get_non_ascii(word);
        }
        let folded = Folded::read(word.as_bytes()).lower();
        self.find(folded.hash(), |f, key| *f == folded && key.as_bytes().eq_ignore_ascii_case(word.as_bytes()))
    }

    /// [`get`](Self::get) for a word with a non-ASCII character.
    #[cold]
    fn get_non_ascii(&self, word: &str) -> Option<&V> {
        // The common case in news, a curly apostrophe (`Trump’s`, `don’t`):
        // when the only non-ASCII characters have no case, the word's lower
        // case is its ASCII lower case, so no lower-case copy is needed.
        if word.chars().all(|c| c.is_ascii() || is_general_punctuation(c)) {
            let folded = Folded::new(word.as_bytes());
            return self
                .find(folded.hash(), |f, key| *f == folded && key.as_bytes().eq_ignore_ascii_case(word.as_bytes()));
        }
        let lower = word.to_lowercase();
        let folded = Folded::new(lower.as_bytes());
        self.find(folded.hash(), |f, key| *f == folded && *key == *lower)
    }

    /// Probes for `hash`, confirming a candidate with `same`.
    #[inline]
    fn find(&self, hash: u64, same: impl Fn(&Folded, &str) -> bool) -> Option<&V> {
        let size = self.hashes.len();
        if size == 0 {
            return None;
        }
        let mut i = hash as usize & (size - 1);
        loop {
            let h = *self.hashes.get(i)?;
            if h == 0 {
                return None;
            }
            if h == hash {
                if let Some((folded, key, value)) = self.entries.get(i)?.as_ref() {
                    if same(folded, key) {
                        return Some(value);
                    }
                }
            }
            i = (i + 1) & (size - 1);
        }
    }
}

/// A read-only map from the ASCII words of at most eight bytes to a byte,
/// looked up without regard to case: the word flags that segmentation
/// reads for every word ([`Lexicons::word_flags_in`]).
///
/// A word of up to eight bytes is its own key: its bytes, lower-cased, as
/// a little-endian `u64` (no word holds a zero byte, so the zeros above
/// tell its length). A look-up is a load, a multiply and a compare or two,
/// where a [`CiMap`] look-up, built for keys of any length, took about 70
/// instructions: that was 5% of the pipeline's instructions on PolNeAR
/// dev.
#[derive(Clone, Debug, Default)]
struct ShortMap {
    /// Open addressing, at most a quarter full; 0 marks an empty slot.
    keys: Box<[u64]>,
    values: Box<[u8]>,
}

impl ShortMap {
    /// The entries of `map` whose keys are ASCII words of one to eight
    /// bytes; the others are left out.
    fn new(map: &WordMap<u8>) -> ShortMap {
        let mut short: Vec<(u64, u8)> = map
            .iter()
            .filter(|(k, _)| (1..=8).contains(&k.len()) && k.is_ascii() && !k.as_bytes().contains(&0))
            .map(|(k, &v)| (crate::ascii::lower8(Folded::read(k.as_bytes()).head), v))
            .collect();
        short.sort_unstable();
        let size = (short.len() * 4).next_power_of_two().max(8);
        let mut keys = vec![0u64; size];
        let mut values = vec![0u8; size];
        for (key, value) in short {
            let mut i = ShortMap::slot(crate::ascii::short_hash(key), size);
            while keys[i] != 0 {
                i = (i + 1) & (size - 1);
            }
            keys[i] = key;
            values[i] = value;
        }
        ShortMap { keys: keys.into_boxed_slice(), values: values.into_boxed_slice() }
    }

    /// The home slot of `key` in a table of `size` slots (a power of two).
    #[inline]
    fn slot(hash: u64, size: usize) -> usize {
        (hash >> 32) as usize & (size - 1)
    }

    /// The value of the word whose lower-cased bytes are `key` (see the
    /// type's docs); 0 when it has none.
    #[inline]
    fn get(&self, key: u64) -> u8 {
        self.get_hashed(key, crate::ascii::short_hash(key))
    }

    /// [`get`](Self::get) given the key's [`short_hash`](crate::ascii::short_hash).
    #[inline]
    fn get_hashed(&self, key: u64, hash: u64) -> u8 {
        let size = self.keys.len();
        if size == 0 {
            return 0;
        }
        let mut i = ShortMap::slot(hash, size);
        loop {
            match self.keys.get(i) {
                Some(&k) if k == key => return self.values.get(i).copied().unwrap_or(0),
                Some(&k) if k != 0 => i = (i + 1) & (size - 1),
                _ => return 0,
            }
        }
    }
}

/// A word read as two little-endian `u64`s and its length: the first and
/// the last eight bytes (overlapping for 9 to 15 bytes), or, for up to
/// eight bytes, the bytes themselves (zero above) and 0. Up to 16 bytes
/// this is the word, exactly; for longer words, a digest.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Folded {
    head: u64,
    tail: u64,
    len: usize,
}

impl Folded {
    /// The form of `b` with its ASCII capitals lower-cased.
    fn new(b: &[u8]) -> Folded {
        Folded::read(b).lower()
    }

    /// The form of `b` as it is. Short words are assembled from two
    /// overlapping reads (a byte-wise copy into a buffer stalls on store
    /// forwarding).
    #[inline]
    fn read(b: &[u8]) -> Folded {
        let n = b.len();
        let read8 = |i: usize| b.get(i..i + 8).and_then(|s| <[u8; 8]>::try_from(s).ok()).map_or(0, u64::from_le_bytes);
        let read4 = |i: usize| {
            b.get(i..i + 4).and_then(|s| <[u8; 4]>::try_from(s).ok()).map_or(0, |a| u64::from(u32::from_le_bytes(a)))
        };
        let byte = |i: usize| b.get(i).map_or(0, |&c| u64::from(c));
        let (head, tail) = if n > 8 {
            (read8(0), read8(n - 8))
        } else if n == 8 {
            (read8(0), 0)
        } else if n >= 4 {
            (read4(0) | read4(n - 4) << (8 * (n - 4)), 0)
        } else if n > 0 {
            (byte(0) | byte(n / 2) << (8 * (n / 2)) | byte(n - 1) << (8 * (n - 1)), 0)
        } else {
            (0, 0)
        };
        Folded { head, tail, len: n }
    }

    /// The same form with ASCII capitals lower-cased.
    #[inline]
    fn lower(self) -> Folded {
        Folded { head: crate::ascii::lower8(self.head), tail: crate::ascii::lower8(self.tail), len: self.len }
    }

    /// A hash of the form; never 0, which marks an empty slot.
    #[inline]
    fn hash(&self) -> u64 {
        let k = (self.head ^ self.tail.rotate_left(29) ^ (self.len as u64)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        (k ^ (k >> 29)) | 1
    }
}

/// Calls `f` with `word` in lower case, without allocating for short ASCII
/// words.
#[inline]
pub(crate) fn with_lower<R>(word: &str, f: impl FnOnce(&str) -> R) -> R {
    let b = word.as_bytes();
    // Most words are lower case already: no copy.
    if !b.iter().any(|c| c.is_ascii_uppercase() || *c >= 0x80) {
        return f(word);
    }
    if b.len() <= 32 && word.is_ascii() {
        let mut buf = [0u8; 32];
        for (d, s) in buf.iter_mut().zip(b) {
            *d = s.to_ascii_lowercase();
        }
        // ASCII in, ASCII out: always valid UTF-8.
        match core::str::from_utf8(&buf[..b.len()]) {
            Ok(s) => f(s),
            Err(_) => f(&word.to_lowercase()),
        }
    } else {
        f(&word.to_lowercase())
    }
}

/// [`with_lower`] for a caller that compares the bytes (with literals):
/// an ASCII word lower-cased needs no UTF-8 check.
#[inline]
pub(crate) fn with_lower_bytes<R>(word: &str, f: impl FnOnce(&[u8]) -> R) -> R {
    let b = word.as_bytes();
    if !b.iter().any(|c| c.is_ascii_uppercase() || *c >= 0x80) {
        return f(b);
    }
    if b.len() <= 32 && word.is_ascii() {
        let mut buf = [0u8; 32];
        for (d, s) in buf.iter_mut().zip(b) {
            *d = s.to_ascii_lowercase();
        }
        f(buf.get(..b.len()).unwrap_or_default())
    } else {
        f(word.to_lowercase().as_bytes())
    }
}

/// True for a day of the week as a name is written (`Monday`): a time
/// word, never a speaker.
pub(crate) fn is_weekday(w: &str) -> bool {
    matches!(w, "Monday" | "Tuesday" | "Wednesday" | "Thursday" | "Friday" | "Saturday" | "Sunday")
}

/// One data row: its 1-based line number and its `|`-separated fields.
pub(crate) fn rows(text: &str) -> impl Iterator<Item = (usize, Vec<&str>)> {
    text.lines().enumerate().filter_map(|(i, line)| {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            None
        } else {
            Some((i + 1, line.split('|').map(str::trim).collect()))
        }
    })
}

/// Parses a gender field.
pub(crate) fn parse_gender(lexicon: &str, line: usize, s: &str) -> Result<Gender, BuildError> {
    match s {
        "m" => Ok(Gender::Male),
        "f" => Ok(Gender::Female),
        "n" => Ok(Gender::Neuter),
        "-" | "" => Ok(Gender::Unknown),
        other => Err(BuildError::lexicon(lexicon, line, format!("unknown gender {other:?} (use m, f, n or -)"))),
    }
}

/// An honorific or abbreviated title.
#[derive(Clone, Debug)]
pub(crate) struct Honorific {
    pub gender: Gender,
    /// The role noun it stands for, if any (`Sen` → `senator`).
    pub role: Option<Box<str>>,
}

/// A role noun.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Role {
    /// The role class: equal classes are compatible.
    pub class: u16,
    pub gender: Gender,
    pub plural: bool,
}

/// A pronoun.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Pronoun {
    pub gender: Gender,
    pub plural: bool,
    /// 1, 2 or 3.
    pub person: u8,
    pub subject: bool,
}

/// What a word or phrase is in the role and organisation lists: one entry
/// of [`Lexicons::phrase`].
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Phrase {
    /// Its [`Lexicons::role`] entry.
    pub role: Option<Role>,
    /// Its [`Lexicons::org`] entry.
    pub org: Option<OrgKind>,
    /// True when a longer role or organisation phrase starts with it.
    pub prefix: bool,
}

/// What an organisation entry is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum OrgKind {
    Head,
    /// A text that says things: `the statement`, `a letter`.
    Document,
    Name,
    Suffix,
}

/// The part a word plays in a short time phrase (`in 2010`, `on Friday
/// night`, `last week`, `earlier this month`), from `time_words.txt`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum TimeWord {
    /// A day or month, written with a capital: `Friday`, `May`.
    Name,
    /// A time noun: `week`, `morning`.
    Noun,
    /// A number: `2010`.
    Number,
    /// A word that may stand alone or end a phrase: `earlier`, `ago`.
    Adverb,
    /// A word that opens a phrase but never ends it: `last`, `this`.
    Modifier,
}

impl TimeWord {
    /// True when a phrase may end in this word.
    pub fn may_end(self) -> bool {
        self != TimeWord::Modifier
    }
}

/// The word maps as they are read, before they are frozen into
/// [`CiMap`]s.
#[derive(Default)]
struct Maps {
    honorifics: WordMap<Honorific>,
    roles: WordMap<Role>,
    pronouns: WordMap<Pronoun>,
    orgs: WordMap<OrgKind>,
    org_suffixes: WordMap<()>,
    phrase_prefixes: WordMap<()>,
    function_words: WordMap<()>,
    elisions: WordMap<()>,
    given_names: WordMap<Gender>,
    places: WordMap<()>,
    irregular_finite: WordMap<()>,
}

/// What one word may start, as bits (see [`Lexicons::word_flags`]).
pub(crate) mod flags {
    /// A pronoun.
    pub const PRONOUN: u8 = 1;
    /// An honorific or title.
    pub const HONORIFIC: u8 = 2;
    /// The first word of a role noun or phrase (`spokesman`, `foreign`).
    pub const ROLE_START: u8 = 4;
    /// The first word of an organisation name or head (`ministry`,
    /// `white`).
    pub const ORG_START: u8 = 8;
    /// A function word (`however`, `the`).
    pub const FUNCTION: u8 = 16;
    /// A word that may open a determined, share or quantifier mention
    /// ([`OPENERS`](crate::mention::OPENERS)).
    pub const OPENER: u8 = 32;
    /// A determiner ([`DETERMINERS`](crate::mention::DETERMINERS)): the
    /// openers that [`Cx::determined`](crate::mention) reads.
    pub const DETERMINER: u8 = 64;
    /// A word that may open a share or stand as a quantifier
    /// ([`SHARE_OR_QUANTIFIER`](crate::mention::SHARE_OR_QUANTIFIER)).
    pub const SHARE_OR_QUANTIFIER: u8 = 128;
}

/// All word lists but the cues.
#[derive(Clone, Debug)]
pub(crate) struct Lexicons {
    pub honorifics: CiMap<Honorific>,
    pub roles: CiMap<Role>,
    /// Role class names, indexed by [`Role::class`].
    pub role_classes: Vec<Box<str>>,
    pub pronouns: CiMap<Pronoun>,
    /// Organisation heads and names (lower case).
    pub orgs: CiMap<OrgKind>,
    /// Organisation suffixes (lower case), kept apart so that `network`
    /// can be both a head (`the network said`) and a suffix (`Fox Network`).
    org_suffixes: CiMap<()>,
    /// The longest organisation or role phrase, in words.
    pub max_phrase_words: usize,
    /// `roles`, `orgs` and every proper prefix (whole words) of a
    /// multi-word role or organisation phrase, in one map: a step of a
    /// phrase look-up reads one entry (see [`phrase`](Self::phrase)), and
    /// the look-up stops at a word that starts no longer phrase.
    phrases: CiMap<Phrase>,
    abbreviations: WordMap<()>,
    function_words: CiMap<()>,
    elisions: CiMap<()>,
    /// Words of a short time phrase (`on Friday`, `last week`).
    time_words: CiMap<TimeWord>,
    /// Given names with the sex most often recorded for them.
    given_names: CiMap<Gender>,
    /// Place names (lower case, words joined by one space).
    places: CiMap<()>,
    /// The simple past of irregular verbs (`left`, `went`), from
    /// `irregular_verbs.txt`: finite forms no suffix test finds.
    irregular_past: CiMap<()>,
    /// Cue lemmas whose direct object is what they report (`denied the
    /// claims`).
    object_cues: WordMap<()>,
    /// For each word that starts an entry of some list, what it starts
    /// ([`flags`]): segmentation looks each word up once, so the mention
    /// finder skips most words without a look-up.
    starts: CiMap<u8>,
    /// The entries of `starts` for ASCII words of up to eight bytes, most
    /// words of a text, in a faster table.
    short_starts: ShortMap,
    /// The keys of `starts` of more than eight bytes, by
    /// [`head_hash`](crate::ascii::head_hash): most long words have no
    /// flags, and this says so without a look-up in `starts`.
    long_starts: crate::ascii::HashBits,
    /// The words that stand second or later in a multi-word role or
    /// organisation phrase (`york` of `the new york times`), by their
    /// first and last bytes: bit `last % 64` of entry `first`, both lower
    /// case. A phrase look-up that adds a word not here finds nothing, and
    /// is skipped ([`may_continue_phrase`](Self::may_continue_phrase)).
    later_words: Box<[u64; 256]>,
    /// Fiction only: titles of rank and nouns for people (`characters.txt`).
    characters: CiMap<(CharacterWord, Gender)>,
    /// Fiction only: the opening words of a letter's salutation and
    /// sign-off (`letters.txt`), one to three words joined by one space.
    pub letter_words: CiMap<LetterWord>,
    /// Fiction only: words that make a quote run in after them a phrase
    /// of the sentence (`phrase_heads.txt`).
    pub phrase_heads: CiMap<PhraseHead>,
    /// Fiction only: the words that, right before a verb of saying, make
    /// the speech it reports imagined (`imagined.txt`), each a list of
    /// lower-case words, `*` for any one word.
    pub imagined_frames: Vec<Box<[Box<str>]>>,
    /// Fiction only: verbs of meaning that introduce what a look or a tone
    /// said (`imagined.txt`, kind `meaning`).
    pub meaning_verbs: CiMap<()>,
}

/// What an entry of `letters.txt` opens.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum LetterWord {
    /// A letter's salutation (`Dear Sir,`).
    Salutation,
    /// A letter's sign-off (`Yours truly,`).
    SignOff,
    /// A word of the narration that introduces a written text (`letter`,
    /// `telegram`, `read`, `follows`).
    Intro,
}

/// What a word of `phrase_heads.txt` is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum PhraseHead {
    /// A determiner or possessive (`the`, `her`).
    Determiner,
    /// A preposition (`of`, `as`).
    Preposition,
    /// A naming verb (`called`, `dubbed`).
    Naming,
}

/// What a word of `characters.txt` is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum CharacterWord {
    /// A title written before a name (`Countess`).
    Title,
    /// A noun for a person (`stranger`).
    Person,
    /// A plain noun that, after `the`, refers back to a known character
    /// (`lady`).
    Epithet,
    /// A noun for what someone says (`reply`), used as a tag.
    Speech,
    /// A part of a person that stands for them after `his` or `her`
    /// (`voice`, `face`).
    Part,
}

impl Lexicons {
    /// The built-in English lists.
    ///
    /// The embedded files are checked by a unit test, so this cannot fail
    /// at run time; should it ever, the broken list is left empty rather
    /// than panicking.
    pub fn english() -> Lexicons {
        Lexicons::parse().unwrap_or_else(|_| Lexicons::empty())
    }

    fn empty() -> Lexicons {
        Lexicons {
            honorifics: CiMap::default(),
            roles: CiMap::default(),
            role_classes: Vec::new(),
            pronouns: CiMap::default(),
            orgs: CiMap::default(),
            org_suffixes: CiMap::default(),
            max_phrase_words: 1,
            phrases: CiMap::default(),
            abbreviations: WordMap::default(),
            function_words: CiMap::default(),
            time_words: CiMap::default(),
            elisions: CiMap::default(),
            given_names: CiMap::default(),
            places: CiMap::default(),
            irregular_past: CiMap::default(),
            object_cues: WordMap::default(),
            starts: CiMap::default(),
            short_starts: ShortMap::default(),
            long_starts: crate::ascii::HashBits::new(),
            later_words: Box::new([0; 256]),
            characters: CiMap::default(),
            letter_words: CiMap::default(),
            phrase_heads: CiMap::default(),
            imagined_frames: Vec::new(),
            meaning_verbs: CiMap::default(),
        }
    }

    /// Parses the embedded files.
    pub fn parse() -> Result<Lexicons, BuildError> {
        let mut lex = Lexicons::empty();
        let mut m = Maps::default();
        for (line, f) in rows(HONORIFICS) {
            let [form, gender, rest @ ..] = f.as_slice() else {
                return Err(BuildError::lexicon("honorifics", line, "expected: form | gender [| role]"));
            };
            let gender = parse_gender("honorifics", line, gender)?;
            let role = rest.first().filter(|r| !r.is_empty()).map(|r| Box::from(*r));
            m.honorifics.insert(form.to_lowercase().into(), Honorific { gender, role });
        }
        for (line, f) in rows(ROLES) {
            let [noun, class, gender, rest @ ..] = f.as_slice() else {
                return Err(BuildError::lexicon("roles", line, "expected: noun | class | gender [| plural]"));
            };
            let gender = parse_gender("roles", line, gender)?;
            let class = match lex.role_classes.iter().position(|c| &**c == *class) {
                Some(i) => i as u16,
                None => {
                    lex.role_classes.push((*class).into());
                    (lex.role_classes.len() - 1) as u16
                }
            };
            let noun = normalize_phrase(noun);
            let plural = match rest.first().filter(|p| !p.is_empty()) {
                Some(p) => normalize_phrase(p),
                None => pluralize(&noun),
            };
            lex.max_phrase_words = lex.max_phrase_words.max(noun.split(' ').count());
            if plural != noun {
                m.roles.entry(plural.into()).or_insert(Role { class, gender, plural: true });
            }
            let singular_is_plural = rest.first().is_some_and(|p| normalize_phrase(p) == noun);
            m.roles.insert(noun.into(), Role { class, gender, plural: singular_is_plural });
        }
        for (line, f) in rows(PRONOUNS) {
            let [form, gender, number, person, case] = f.as_slice() else {
                return Err(BuildError::lexicon("pronouns", line, "expected: form | gender | number | person | case"));
            };
            let gender = parse_gender("pronouns", line, gender)?;
            let plural = match *number {
                "sg" => false,
                "pl" => true,
                _ => return Err(BuildError::lexicon("pronouns", line, "number must be sg or pl")),
            };
            let person =
                person.parse::<u8>().map_err(|_| BuildError::lexicon("pronouns", line, "person must be 1, 2 or 3"))?;
            m.pronouns
                .insert(form.to_lowercase().into(), Pronoun { gender, plural, person, subject: *case == "subject" });
        }
        for (line, f) in rows(ORGS) {
            let [words, kind] = f.as_slice() else {
                return Err(BuildError::lexicon("orgs", line, "expected: words | head, document, name or suffix"));
            };
            let kind = match *kind {
                "head" => OrgKind::Head,
                "document" => OrgKind::Document,
                "name" => OrgKind::Name,
                "suffix" => OrgKind::Suffix,
                _ => return Err(BuildError::lexicon("orgs", line, "kind must be head, document, name or suffix")),
            };
            let key = normalize_phrase(words);
            lex.max_phrase_words = lex.max_phrase_words.max(key.split(' ').count());
            // A suffix entry must not hide a head or name entry.
            if kind == OrgKind::Suffix {
                m.org_suffixes.insert(key.into(), ());
            } else {
                // A document noun speaks in the plural too: `polls show`,
                // `records show`, `analyses found`.
                if kind == OrgKind::Document && !key.contains(' ') && !key.ends_with('s') {
                    let plural = match key.strip_suffix("is") {
                        Some(stem) => format!("{stem}es"),
                        None => format!("{key}s"),
                    };
                    m.orgs.entry(plural.into()).or_insert(kind);
                }
                m.orgs.insert(key.into(), kind);
            }
        }
        let phrases: Vec<Box<str>> = m.roles.keys().chain(m.orgs.keys()).cloned().collect();
        for p in phrases {
            let words: Vec<&str> = p.split(' ').collect();
            for n in 1..words.len() {
                m.phrase_prefixes.insert(words[..n].join(" ").into(), ());
            }
        }
        for (set, text) in [(&mut m.function_words, FUNCTION_WORDS), (&mut m.elisions, ELISIONS)] {
            for (_, f) in rows(text) {
                if let Some(w) = f.first() {
                    set.insert(w.to_lowercase().into(), ());
                }
            }
        }
        for (_, f) in rows(crate::cue::inflect::IRREGULAR_VERBS) {
            for form in f.get(2).into_iter().flat_map(|p| p.split('/')) {
                m.irregular_finite.insert(form.trim().to_lowercase().into(), ());
            }
        }
        for (line, f) in rows(GIVEN_NAMES) {
            let [name, gender] = f.as_slice() else {
                return Err(BuildError::lexicon("given_names", line, "expected: name | m or f"));
            };
            m.given_names.insert(name.to_lowercase().into(), parse_gender("given_names", line, gender)?);
        }
        for (_, f) in rows(PLACES) {
            if let Some(p) = f.first() {
                let key = normalize_phrase(p);
                lex.max_phrase_words = lex.max_phrase_words.max(key.split(' ').count());
                let words: Vec<&str> = key.split(' ').collect();
                for n in 1..words.len() {
                    m.phrase_prefixes.insert(words[..n].join(" ").into(), ());
                }
                m.places.insert(key.into(), ());
            }
        }
        for (_, f) in rows(OBJECT_CUES) {
            if let Some(w) = f.first() {
                lex.object_cues.insert(w.to_lowercase().into(), ());
            }
        }
        let mut characters: WordMap<(CharacterWord, Gender)> = WordMap::default();
        for (line, f) in rows(CHARACTERS) {
            let [word, kind, gender] = f.as_slice() else {
                return Err(BuildError::lexicon("characters", line, "expected: word | title or person | gender"));
            };
            let kind = match *kind {
                "title" => CharacterWord::Title,
                "person" => CharacterWord::Person,
                "part" => CharacterWord::Part,
                "epithet" => CharacterWord::Epithet,
                "speech" => CharacterWord::Speech,
                _ => {
                    return Err(BuildError::lexicon(
                        "characters",
                        line,
                        "kind must be title, person, epithet, speech or part",
                    ));
                }
            };
            let gender = parse_gender("characters", line, gender)?;
            // A word listed twice keeps its first entry.
            characters.entry(word.to_lowercase().into()).or_insert((kind, gender));
        }
        lex.characters = CiMap::new(&characters);
        let mut letter_words: WordMap<LetterWord> = WordMap::default();
        for (line, f) in rows(LETTERS) {
            let [words, kind] = f.as_slice() else {
                return Err(BuildError::lexicon("letters", line, "expected: words | salutation, sign-off or intro"));
            };
            let kind = match *kind {
                "salutation" => LetterWord::Salutation,
                "sign-off" => LetterWord::SignOff,
                "intro" => LetterWord::Intro,
                _ => return Err(BuildError::lexicon("letters", line, "kind must be salutation, sign-off or intro")),
            };
            let key = normalize_phrase(words);
            let n = key.split(' ').count();
            if n > MAX_LETTER_WORDS || kind == LetterWord::Intro && n > 1 {
                return Err(BuildError::lexicon("letters", line, "at most three words (an intro: one)"));
            }
            letter_words.insert(key.into(), kind);
        }
        lex.letter_words = CiMap::new(&letter_words);
        let mut phrase_heads: WordMap<PhraseHead> = WordMap::default();
        for (line, f) in rows(PHRASE_HEADS) {
            let [word, kind] = f.as_slice() else {
                return Err(BuildError::lexicon(
                    "phrase_heads",
                    line,
                    "expected: word | determiner, preposition or naming",
                ));
            };
            let kind = match *kind {
                "determiner" => PhraseHead::Determiner,
                "preposition" => PhraseHead::Preposition,
                "naming" => PhraseHead::Naming,
                _ => {
                    return Err(BuildError::lexicon(
                        "phrase_heads",
                        line,
                        "kind must be determiner, preposition or naming",
                    ));
                }
            };
            phrase_heads.insert(word.to_lowercase().into(), kind);
        }
        lex.phrase_heads = CiMap::new(&phrase_heads);
        let mut time_words: WordMap<TimeWord> = WordMap::default();
        for (line, f) in rows(TIME_WORDS) {
            let part = match f.as_slice() {
                [_, "name"] => TimeWord::Name,
                [_, "noun"] => TimeWord::Noun,
                [_, "adverb"] => TimeWord::Adverb,
                [_, "modifier"] => TimeWord::Modifier,
                _ => {
                    return Err(BuildError::lexicon(
                        "time_words",
                        line,
                        "expected: word | name, noun, adverb or modifier",
                    ));
                }
            };
            time_words.insert(f[0].to_lowercase().into(), part);
        }
        lex.time_words = CiMap::new(&time_words);
        let mut meaning_verbs: WordMap<()> = WordMap::default();
        for (line, f) in rows(IMAGINED) {
            let [words, kind] = f.as_slice() else {
                return Err(BuildError::lexicon("imagined", line, "expected: words | frame or meaning"));
            };
            let words: Box<[Box<str>]> = words.split_whitespace().map(|w| w.to_lowercase().into()).collect();
            match *kind {
                "frame" if !words.is_empty() && words.len() <= MAX_IMAGINED_WORDS => lex.imagined_frames.push(words),
                "meaning" if words.len() == 1 => {
                    meaning_verbs.insert(words[0].clone(), ());
                }
                _ => {
                    return Err(BuildError::lexicon(
                        "imagined",
                        line,
                        "expected: one to four words | frame, or one word | meaning",
                    ));
                }
            }
        }
        lex.meaning_verbs = CiMap::new(&meaning_verbs);
        for (_, f) in rows(ABBREVIATIONS) {
            if let Some(w) = f.first() {
                lex.abbreviations.insert((*w).into(), ());
            }
        }
        lex.install(m);
        Ok(lex)
    }

    /// Freezes the maps read by [`parse`](Self::parse).
    fn install(&mut self, m: Maps) {
        self.honorifics = CiMap::new(&m.honorifics);
        self.roles = CiMap::new(&m.roles);
        self.pronouns = CiMap::new(&m.pronouns);
        self.orgs = CiMap::new(&m.orgs);
        self.org_suffixes = CiMap::new(&m.org_suffixes);
        let mut phrases: WordMap<Phrase> = WordMap::default();
        for (k, r) in &m.roles {
            phrases.entry(k.clone()).or_default().role = Some(*r);
        }
        for (k, o) in &m.orgs {
            phrases.entry(k.clone()).or_default().org = Some(*o);
        }
        for k in m.phrase_prefixes.keys() {
            phrases.entry(k.clone()).or_default().prefix = true;
        }
        *self.later_words = [0; 256];
        for word in phrases.keys().flat_map(|k| k.split(' ').skip(1)).map(str::as_bytes) {
            if let (Some(&a), Some(&z)) = (word.first(), word.last()) {
                let (a, z) = (a.to_ascii_lowercase(), z.to_ascii_lowercase());
                self.later_words[a as usize] |= 1 << (z & 63);
            }
        }
        self.phrases = CiMap::new(&phrases);
        self.function_words = CiMap::new(&m.function_words);
        self.elisions = CiMap::new(&m.elisions);
        self.given_names = CiMap::new(&m.given_names);
        self.places = CiMap::new(&m.places);
        self.irregular_past = CiMap::new(&m.irregular_finite);
        let mut starts: WordMap<u8> = WordMap::default();
        let mut mark = |phrase: &str, flag: u8| {
            let first = phrase.split(' ').next().unwrap_or(phrase);
            *starts.entry(first.into()).or_insert(0) |= flag;
        };
        for k in m.pronouns.keys() {
            mark(k, flags::PRONOUN);
        }
        for k in m.honorifics.keys() {
            mark(k, flags::HONORIFIC);
        }
        for k in m.roles.keys() {
            mark(k, flags::ROLE_START);
        }
        for k in m.orgs.keys() {
            mark(k, flags::ORG_START);
        }
        for k in m.function_words.keys() {
            mark(k, flags::FUNCTION);
        }
        for w in crate::mention::OPENERS.iter().copied().flatten() {
            mark(&w.to_lowercase(), flags::OPENER);
        }
        for w in crate::mention::DETERMINERS {
            mark(&w.to_lowercase(), flags::DETERMINER);
        }
        for w in crate::mention::SHARE_OR_QUANTIFIER.iter().copied().flatten() {
            mark(&w.to_lowercase(), flags::SHARE_OR_QUANTIFIER);
        }
        self.starts = CiMap::new(&starts);
        self.short_starts = ShortMap::new(&starts);
        self.long_starts = crate::ascii::HashBits::new();
        for k in starts.keys().map(|k| k.as_bytes()).filter(|k| k.len() > 8) {
            if let Some(head) = crate::ascii::load8(k, 0) {
                self.long_starts.insert(crate::ascii::head_hash(head, k.len()));
            }
        }
    }

    /// What `word` may start ([`flags`]), without regard to case; 0 for
    /// most words. Pronouns, honorifics and function words are single
    /// words, so for them the flag is exact: `PRONOUN` is set exactly when
    /// [`pronoun`](Self::pronoun) finds the word, and so on (a test checks
    /// it).
    #[inline]
    pub fn word_flags(&self, word: &str) -> u8 {
        self.starts.get(word).copied().unwrap_or(0)
    }

    /// [`word_flags`](Self::word_flags) of the word at `start..end` of
    /// `text`, read without slicing it out (see [`CiMap::get_in`]).
    #[inline]
    pub fn word_flags_in(&self, text: &str, start: usize, end: usize) -> u8 {
        // A word of up to eight bytes, with eight bytes of text from its
        // start: loaded whole, masked to its length; ASCII when no byte
        // has its top bit.
        let n = end.wrapping_sub(start);
        if let Some(x) = crate::ascii::load8(text.as_bytes(), start).filter(|_| n <= 8) {
            let word = x & crate::ascii::low_bytes(n);
            if word & crate::ascii::HI == 0 {
                return self.short_starts.get(crate::ascii::lower8(word));
            }
        }
        self.starts.get_in(text, start, end).copied().unwrap_or(0)
    }

    /// [`word_flags_in`](Self::word_flags_in) of a word of ASCII letters,
    /// digits and `_` of more than eight bytes, given its
    /// [`head_hash`](crate::ascii::head_hash) too.
    #[inline]
    pub fn long_word_flags(&self, text: &str, start: usize, end: usize, hash: u64) -> u8 {
        if end.wrapping_sub(start) > 8 && !self.long_starts.contains(hash) {
            return 0;
        }
        self.word_flags_in(text, start, end)
    }

    /// [`word_flags`](Self::word_flags) of an ASCII word of one to eight
    /// bytes given lower-cased, as a little-endian `u64` with zeros past its
    /// end, and its [`short_hash`](crate::ascii::short_hash).
    #[inline]
    pub fn short_word_flags(&self, lower: u64, hash: u64) -> u8 {
        self.short_starts.get_hashed(lower, hash)
    }

    /// True when `word` (without its dot) is an abbreviation, as written.
    pub fn is_abbreviation(&self, word: &str) -> bool {
        self.abbreviations.contains_key(word)
    }

    /// True when `word` is the simple past of an irregular verb (`left`).
    pub fn is_irregular_past(&self, word: &str) -> bool {
        self.irregular_past.contains(word)
    }

    /// True when `word` is a function word, never a name by itself. (For a
    /// token, its [`flags::FUNCTION`] says the same without a look-up.)
    pub fn is_function_word(&self, word: &str) -> bool {
        self.function_words.contains(word)
    }

    /// What `word` is in a short time phrase (`src/lexicon/time_words.txt`):
    /// `Friday` a name, `week` a noun, `2010` a number, `last` a modifier.
    pub fn time_word(&self, word: &str) -> Option<TimeWord> {
        if !word.is_empty() && word.bytes().all(|b| b.is_ascii_digit()) {
            return Some(TimeWord::Number);
        }
        self.time_words.get(word).copied()
    }

    /// [`time_word`](Self::time_word) of the word at `start..end` of
    /// `text`, read in place (see [`CiMap::get_in`]).
    pub fn time_word_in(&self, text: &str, start: usize, end: usize) -> Option<TimeWord> {
        let word = text.as_bytes().get(start..end).unwrap_or_default();
        if !word.is_empty() && word.iter().all(u8::is_ascii_digit) {
            return Some(TimeWord::Number);
        }
        self.time_words.get_in(text, start, end).copied()
    }

    /// True when `after` (the text after an apostrophe) starts with an
    /// elided word (`tis`, `em`) or a two-digit year (`90s`).
    pub fn is_elision(&self, after: &str) -> bool {
        let end = after.find(|c: char| !c.is_alphanumeric()).unwrap_or(after.len());
        let word = &after[..end];
        if word.is_empty() {
            return false;
        }
        let digits = word.bytes().take_while(u8::is_ascii_digit).count();
        if digits == 2 && (word.len() == 2 || &word[2..] == "s") {
            return true;
        }
        self.elisions.contains(word)
    }

    /// The pronoun entry for `word`.
    pub fn pronoun(&self, word: &str) -> Option<Pronoun> {
        self.pronouns.get(word).copied()
    }

    /// The honorific entry for `word` (without its dot).
    pub fn honorific(&self, word: &str) -> Option<&Honorific> {
        self.honorifics.get(word)
    }

    /// The role entry for a word or phrase.
    pub fn role(&self, phrase: &str) -> Option<&Role> {
        self.roles.get(phrase)
    }

    /// The organisation entry for a word or phrase.
    pub fn org(&self, phrase: &str) -> Option<OrgKind> {
        self.orgs.get(phrase).copied()
    }

    /// [`role`](Self::role) and [`org`](Self::org) of a word or phrase,
    /// and whether a longer role or organisation phrase starts with it, in
    /// one look-up; `None` when it is none of these.
    #[inline]
    pub fn phrase(&self, phrase: &str) -> Option<&Phrase> {
        self.phrases.get(phrase)
    }

    /// [`phrase`](Self::phrase) of `text[start..end]`, read in place (see
    /// [`CiMap::get_in`]).
    #[inline]
    pub fn phrase_in(&self, text: &str, start: usize, end: usize) -> Option<&Phrase> {
        self.phrases.get_in(text, start, end)
    }

    /// False when the word at `start..end` of `text` stands second or
    /// later in no multi-word role or organisation phrase: then no
    /// [`phrase`](Self::phrase) that ends in it exists, and the look-up
    /// can be skipped (`the` + most words). True for the words that do,
    /// and for some others: the test reads only the word's first and last
    /// bytes, and passes a word that starts or ends in a non-ASCII byte
    /// (one whose lower case may be ASCII: the Kelvin sign's is `k`).
    #[inline]
    pub fn may_continue_phrase(&self, text: &str, start: usize, end: usize) -> bool {
        let b = text.as_bytes();
        let (Some(&a), Some(&z)) = (b.get(start), end.checked_sub(1).and_then(|e| b.get(e))) else { return true };
        if (a | z) >= 0x80 {
            return true;
        }
        let (a, z) = (a.to_ascii_lowercase(), z.to_ascii_lowercase());
        self.later_words[a as usize] >> (z & 63) & 1 != 0
    }

    /// The gender recorded for a given name, if it is clear.
    pub fn given_name_gender(&self, name: &str) -> Gender {
        self.given_names.get(name).copied().unwrap_or(Gender::Unknown)
    }

    /// True when cue `lemma` reports its direct object (`denied the
    /// claims`).
    pub fn is_object_cue(&self, lemma: &str) -> bool {
        self.object_cues.contains_key(lemma)
    }

    /// Fiction: the entry of `characters.txt` for a word.
    pub fn character_word(&self, word: &str) -> Option<(CharacterWord, Gender)> {
        self.characters.get(word).copied()
    }

    /// True when `name` is in the given-name table (of either sex).
    pub fn is_given_name(&self, name: &str) -> bool {
        self.given_names.contains(name)
    }

    /// True when `phrase` (words joined by single spaces) names a place.
    pub fn is_place(&self, phrase: &str) -> bool {
        self.places.contains(phrase)
    }

    /// True when `word` ends organisation names (`Inc`, `Party`).
    pub fn is_org_suffix(&self, word: &str) -> bool {
        self.org_suffixes.contains(word)
    }

    /// The name of a role class.
    pub fn class_name(&self, class: u16) -> &str {
        self.role_classes.get(class as usize).map_or("", |c| c)
    }
}

/// Lower case, single spaces.
fn normalize_phrase(s: &str) -> String {
    s.split_whitespace().map(str::to_lowercase).collect::<Vec<_>>().join(" ")
}

/// The regular English plural of a noun phrase's last word.
fn pluralize(noun: &str) -> String {
    if let Some(stem) = noun.strip_suffix("man") {
        return format!("{stem}men");
    }
    if noun.ends_with('s') || noun.ends_with('x') || noun.ends_with("ch") || noun.ends_with("sh") {
        return format!("{noun}es");
    }
    if let Some(stem) = noun.strip_suffix('y') {
        if !stem.ends_with(['a', 'e', 'o', 'u']) {
            return format!("{stem}ies");
        }
    }
    format!("{noun}s")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn general_punctuation_has_no_case() {
        for c in ('\u{2000}'..='\u{206F}').filter(|&c| is_general_punctuation(c)) {
            assert_eq!(c.to_lowercase().collect::<String>(), c.to_string(), "{c:?}");
        }
        assert!(is_general_punctuation('\u{2019}') && !is_general_punctuation('\u{e9}'));
    }

    #[test]
    fn non_ascii_words_are_looked_up_by_their_lower_case() {
        let ascii: WordMap<u8> = [("kin", 1), ("trump", 2)].into_iter().map(|(k, v)| (k.into(), v)).collect();
        let mut mixed = ascii.clone();
        mixed.insert("trump\u{2019}s".into(), 3);
        mixed.insert("\u{e9}lan".into(), 4);
        mixed.insert("a\u{2014}\u{e9}".into(), 5);
        mixed.insert("\u{2018}tis-a-long-key-of-twenty".into(), 6);
        for map in [ascii, mixed] {
            let ci = CiMap::new(&map);
            for w in [
                "\u{212A}in",
                "\u{212A}IN",
                "Trump\u{2019}s",
                "TRUMP\u{2019}S",
                "\u{c9}lan",
                "\u{e9}LAN",
                "tr\u{fc}mp",
                "kin",
                "A\u{2014}\u{c9}",
                "\u{2018}TIS-a-long-key-of-twenty",
                "\u{2018}tis-a-long-key-of-twentY",
                "\u{2018}tis-a-long-key-of-twenty!",
            ] {
                assert_eq!(ci.get(w), map.get(w.to_lowercase().as_str()), "{w:?}");
            }
        }
    }

    #[test]
    fn embedded_lexicons_parse() {
        let lex = Lexicons::parse().expect("embedded lexicons must parse");
        assert!(lex.honorific("Mr").is_some());
        assert_eq!(lex.honorific("MRS").map(|h| h.gender), Some(Gender::Female));
        assert!(lex.role("diplomat").is_some());
        assert!(lex.role("ambassadors").is_some_and(|r| r.plural));
        assert_eq!(lex.role("spokesmen").map(|r| r.gender), Some(Gender::Male));
        assert_eq!(lex.class_name(lex.role("envoy").map_or(0, |r| r.class)), "diplomat");
        assert!(lex.pronoun("He").is_some_and(|p| p.subject && p.gender == Gender::Male));
        assert_eq!(lex.org("kremlin"), Some(OrgKind::Name));
        assert_eq!(lex.org("network"), Some(OrgKind::Head));
        assert!(lex.is_org_suffix("Network"));
        assert!(lex.is_abbreviation("Dr") && lex.is_abbreviation("p.m"));
        assert!(lex.is_function_word("However"));
        assert_eq!(lex.given_name_gender("Hillary"), Gender::Female);
        assert_eq!(lex.given_name_gender("Donald"), Gender::Male);
        assert_eq!(lex.given_name_gender("Zxqv"), Gender::Unknown);
        assert!(lex.is_place("Syria") && lex.is_place("new york") && !lex.is_place("Havel"));
        assert_eq!(lex.character_word("Countess"), Some((CharacterWord::Title, Gender::Female)));
        assert_eq!(lex.character_word("stranger"), Some((CharacterWord::Person, Gender::Unknown)));
    }

    #[test]
    fn time_words_read_in_place_equal_the_look_up() {
        let lex = Lexicons::english();
        let text = "Friday friday FRIDAY 2010 20x last week yesterday morning Havel x \u{e9}t\u{e9} Sept";
        let mut start = 0;
        for w in text.split(' ') {
            assert_eq!(lex.time_word_in(text, start, start + w.len()), lex.time_word(w), "{w:?}");
            start += w.len() + 1;
        }
        assert_eq!(lex.time_word_in(text, 0, 0), lex.time_word(""));
    }

    /// Token flags stand for these look-ups (see `Lexicons::word_flags`):
    /// each entry must be one word that starts like a word token.
    #[test]
    fn flagged_lists_hold_single_words() {
        for (name, text) in [("honorifics", HONORIFICS), ("pronouns", PRONOUNS), ("function_words", FUNCTION_WORDS)] {
            for (line, f) in rows(text) {
                let w = f.first().copied().unwrap_or("");
                assert!(
                    !w.contains(char::is_whitespace) && w.starts_with(char::is_alphanumeric),
                    "{name}:{line}: {w:?}"
                );
            }
        }
    }

    #[test]
    fn elisions() {
        let lex = Lexicons::english();
        assert!(lex.is_elision("tis a pity"));
        assert!(lex.is_elision("90s kids"));
        assert!(lex.is_elision("em all"));
        assert!(!lex.is_elision("Hello there"));
        assert!(!lex.is_elision("1990 was"));
    }

    #[test]
    fn ci_map_ignores_ascii_case_at_every_length() {
        let mut m: WordMap<usize> = WordMap::default();
        let words = [
            "i",
            "he",
            "she",
            "they",
            "mister",
            "spokesman",
            "spokeswoman",
            "chief of staff",
            "vice-president-elect",
            "deputy national security adviser",
            "élan",
            "über-spokesperson",
        ];
        for (i, w) in words.iter().enumerate() {
            m.insert((*w).into(), i);
        }
        let map = CiMap::new(&m);
        for (i, w) in words.iter().enumerate() {
            assert_eq!(map.get(w), Some(&i), "{w}");
            assert_eq!(map.get(&w.to_uppercase()), Some(&i), "{w}");
        }
        for w in
            ["", "x", "hex", "shes", "spokesmen", "ÉLAN!", "chief of stafF ", "chief-of-staff", "vice-president-elec"]
        {
            assert_eq!(map.get(w), None, "{w}");
        }
    }

    /// `get_in` reads the word from the text around it: it must agree with
    /// `get` on the word sliced out, wherever the word stands (at the very
    /// end, where fewer than eight bytes follow), at every length.
    #[test]
    fn ci_map_get_in_agrees_with_get() {
        let mut m: WordMap<usize> = WordMap::default();
        let keys = ["i", "he", "she", "they", "mister", "spokesman", "spokeswoman", "chief of staff", "élan"];
        for (i, w) in keys.iter().enumerate() {
            m.insert((*w).into(), i);
        }
        let map = CiMap::new(&m);
        let text = "I he SHE they Mister spokesman SpokesWoman chief of staff élan x spokesmen \
                    vice-president-elect über they";
        for start in 0..text.len() {
            for end in start..=text.len() {
                let (Some(word), true) = (text.get(start..end), end - start <= 24) else { continue };
                assert_eq!(map.get_in(text, start, end), map.get(word), "{word:?} at {start}");
            }
        }
        assert_eq!(map.get_in(text, text.len() - 4, text.len()), Some(&3));
    }

    /// The word flags read from the text (the short-word table for most
    /// words) equal those of the general map, for every word the map
    /// holds, in any case, wherever it stands in the text.
    #[test]
    fn word_flags_in_agree_with_word_flags() {
        let lex = Lexicons::english();
        let mut words: Vec<String> = Vec::new();
        for (i, (_, key, _)) in lex.starts.entries.iter().flatten().enumerate() {
            words.push(key.to_string());
            words.push(key.to_uppercase());
            if i % 3 == 0 {
                words.push(format!("{key}x"));
            }
        }
        words.extend(["", "x", "THE", "The", "tHe", "thé", "spokeswomen", "É", "zzzzzzzzz"].map(String::from));
        for w in &words {
            for text in [w.clone(), format!("{w} and more text"), format!("(\u{201c}{w}\u{201d})")] {
                let start = text.find(w.as_str()).unwrap_or(0);
                let end = start + w.len();
                assert_eq!(lex.word_flags_in(&text, start, end), lex.word_flags(w), "{w:?} in {text:?}");
                let ascii_word = w.len() > 8 && w.bytes().all(crate::ascii::is_ascii_word);
                if let Some(head) = crate::ascii::load8(text.as_bytes(), start).filter(|_| ascii_word) {
                    let hash = crate::ascii::head_hash(head, w.len());
                    assert_eq!(lex.long_word_flags(&text, start, end, hash), lex.word_flags(w), "{w:?} in {text:?}");
                }
                // A word of eight ASCII word bytes: the tokenizer reads its
                // flags from the short-word table.
                let eight = w.len() == 8 && w.bytes().all(crate::ascii::is_ascii_word);
                if let Some(head) = crate::ascii::load8(text.as_bytes(), start).filter(|_| eight) {
                    let lower = crate::ascii::lower8(head);
                    let flags = lex.short_word_flags(lower, crate::ascii::short_hash(lower));
                    assert_eq!(flags, lex.word_flags(w), "{w:?} in {text:?}");
                }
            }
        }
    }

    /// The filter of phrase look-ups passes every word that can continue
    /// a phrase, so skipping the look-up for the others changes nothing.
    #[test]
    fn may_continue_phrase_passes_every_later_word_of_a_phrase() {
        let lex = Lexicons::english();
        let mut later = 0;
        // Every word that stands second or later in a phrase passes, in
        // any case, at the end of a text and away from it.
        for (_, key, _) in lex.phrases.entries.iter().flatten() {
            for w in key.split(' ').skip(1) {
                for w in [w.to_string(), w.to_uppercase(), format!("{}{}", &w[..1].to_uppercase(), &w[1..])] {
                    for text in [format!("x {w}"), format!("x {w} and more text")] {
                        assert!(lex.may_continue_phrase(&text, 2, 2 + w.len()), "{w:?} in {text:?}");
                    }
                }
                later += 1;
            }
        }
        assert!(later > 10);
        // The general rule it stands for: a word it turns away ends no
        // phrase after any prefix (`the` + `senator`, `foreign` + `said`).
        let prefixes: Vec<&str> = lex.phrases.entries.iter().flatten().filter(|e| e.2.prefix).map(|e| &*e.1).collect();
        assert!(prefixes.contains(&"the"));
        let mut rejected = 0;
        for w in ["said", "Senator", "PRESIDENT", "ministry", "x", "Kremlin", "\u{212A}ing", "caf\u{e9}", "News"] {
            if lex.may_continue_phrase(w, 0, w.len()) {
                continue;
            }
            rejected += 1;
            for p in &prefixes {
                assert!(lex.phrase(&format!("{p} {w}")).is_none(), "{p} {w}");
            }
        }
        assert!(rejected >= 3);
        // (A word that starts or ends in a non-ASCII byte passes.)
        assert!(lex.may_continue_phrase("\u{212A}ing", 0, 5));
        assert!(lex.may_continue_phrase("caf\u{e9}", 0, 5));
    }

    /// The one-look-up phrase table agrees with the role and organisation
    /// maps, in any case, and marks the prefixes of longer phrases.
    #[test]
    fn phrase_entries_agree_with_roles_and_orgs() {
        let lex = Lexicons::english();
        let mut n = 0;
        for (_, key, role) in lex.roles.entries.iter().flatten() {
            for k in [key.to_string(), key.to_uppercase()] {
                let e = lex.phrase(&k).and_then(|e| e.role);
                assert_eq!(e.map(|r| (r.class, r.gender, r.plural)), Some((role.class, role.gender, role.plural)));
            }
            n += 1;
        }
        for (_, key, kind) in lex.orgs.entries.iter().flatten() {
            assert_eq!(lex.phrase(key).and_then(|e| e.org), Some(*kind), "{key}");
            for (i, _) in key.match_indices(' ') {
                assert!(lex.phrase(&key[..i]).is_some_and(|e| e.prefix), "{:?} of {key:?}", &key[..i]);
            }
            n += 1;
        }
        assert!(n > 100);
        assert!(lex.phrase("zzzz").is_none());
    }

    #[test]
    fn plurals() {
        assert_eq!(pluralize("analyst"), "analysts");
        assert_eq!(pluralize("spokesman"), "spokesmen");
        assert_eq!(pluralize("secretary"), "secretaries");
        assert_eq!(pluralize("attorney"), "attorneys");
        assert_eq!(pluralize("witness"), "witnesses");
    }
}
