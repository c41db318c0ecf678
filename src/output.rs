//! The result records: [`Document`], [`Quote`], [`Cue`], [`Attribution`] and
//! [`Speaker`].
//!
//! Records hold [`Span`]s and ids, not borrowed text, so they can be kept,
//! sent across threads and (with the `serde` feature) serialised on their
//! own. [`Document`] borrows the analysed text to hand out slices of it.

use crate::quote::Closure;
use crate::span::{CharOffsets, Span};

/// Identifies a [`Quote`] within its [`Document`]: its index in
/// [`Document::quotes`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(transparent))]
pub struct QuoteId(pub u32);

/// Identifies a [`Speaker`] within its [`Document`]: its index in
/// [`Document::speakers`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(transparent))]
pub struct SpeakerId(pub u32);

/// What kind of quotation a [`Quote`] is.
#[non_exhaustive]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum QuoteKind {
    /// Words within quotation marks: `“We will win,” she said.`
    Direct,
    /// Reported speech without quotation marks: `She said they would win.`
    Indirect,
    /// A report with quoted words in it: `She called the plan “dead”.`
    Mixed,
    /// Marked words that nobody is reported to say: a title, a term or a
    /// scare quote (`the so-called “reform”`). Not speech.
    Term,
}

impl QuoteKind {
    /// The kind's stable lower-case name.
    ///
    /// ```
    /// assert_eq!(whosaid::QuoteKind::Direct.as_str(), "direct");
    /// ```
    pub fn as_str(&self) -> &'static str {
        match self {
            QuoteKind::Direct => "direct",
            QuoteKind::Indirect => "indirect",
            QuoteKind::Mixed => "mixed",
            QuoteKind::Term => "term",
        }
    }

    /// True for every kind but [`QuoteKind::Term`].
    ///
    /// ```
    /// assert!(whosaid::QuoteKind::Mixed.is_speech());
    /// assert!(!whosaid::QuoteKind::Term.is_speech());
    /// ```
    pub fn is_speech(&self) -> bool {
        !matches!(self, QuoteKind::Term)
    }
}

/// The class of a reporting cue.
#[non_exhaustive]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum CueClass {
    /// Spoken words: said, told, shouted.
    Speech,
    /// Written words: wrote, tweeted, posted.
    Writing,
    /// Thoughts: thought, wondered.
    Thought,
    /// Beliefs and attitudes: believes, feels.
    Belief,
    /// What a document or an institution shows: a poll shows, a study
    /// found, records revealed. Attributed only to documents and
    /// organisations (`Mr. Romney found it difficult` reports nothing).
    Evidence,
    /// A punctuation cue: a colon that introduces a quotation.
    Punctuation,
    /// A verb the lexicon does not list, taken as the cue from where it
    /// stands: the verb after the subject of a sentence that holds an
    /// untagged quotation (`Bolton anticipated that “…”`). Its lemma is
    /// the word as written, lower-cased.
    Unlisted,
}

impl CueClass {
    /// The class's stable lower-case name.
    ///
    /// ```
    /// assert_eq!(whosaid::CueClass::Writing.as_str(), "writing");
    /// ```
    pub fn as_str(&self) -> &'static str {
        match self {
            CueClass::Speech => "speech",
            CueClass::Writing => "writing",
            CueClass::Thought => "thought",
            CueClass::Belief => "belief",
            CueClass::Evidence => "evidence",
            CueClass::Punctuation => "punctuation",
            CueClass::Unlisted => "unlisted",
        }
    }
}

/// What a cue says of the reporter's attitude.
#[non_exhaustive]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum Stance {
    /// Reports without judging: said, told, noted.
    Neutral,
    /// Colours the report: claimed, admitted, insisted, conceded.
    Evaluative,
}

impl Stance {
    /// The stance's stable lower-case name.
    ///
    /// ```
    /// assert_eq!(whosaid::Stance::Evaluative.as_str(), "evaluative");
    /// ```
    pub fn as_str(&self) -> &'static str {
        match self {
            Stance::Neutral => "neutral",
            Stance::Evaluative => "evaluative",
        }
    }
}

/// A reporting cue: the verb or phrase that introduces a quotation.
///
/// ```
/// let at = whosaid::Attributor::new();
/// let doc = at.attribute("“We are ready,” the minister underscored.");
/// let cue = doc.quotes()[0].cue().ok_or("no cue")?;
/// assert_eq!(doc.text_of(cue.span()), "underscored");
/// assert_eq!(cue.lemma(), "underscore");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Cue {
    pub(crate) span: Span,
    pub(crate) lemma: crate::cue::Lemma,
    pub(crate) class: CueClass,
    pub(crate) stance: Stance,
}

impl Cue {
    /// Where the cue is.
    pub fn span(&self) -> Span {
        self.span
    }

    /// The cue's dictionary form (`underscore` for "underscored").
    pub fn lemma(&self) -> &str {
        &self.lemma
    }

    /// The cue's class.
    pub fn class(&self) -> CueClass {
        self.class
    }

    /// The cue's stance.
    pub fn stance(&self) -> Stance {
        self.stance
    }
}

/// How a speaker is referred to at the point of attribution.
#[non_exhaustive]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum MentionKind {
    /// A name: `Alexei Borodavkin`, `Sen. Vance`, `Borodavkin`.
    Name,
    /// A pronoun: `he`, `she`, `they`.
    Pronoun,
    /// A role noun phrase: `the diplomat`, `a spokeswoman`.
    Nominal,
    /// An organisation: `the Kremlin`, `Reuters`, `the ministry`.
    Organization,
    /// An unnamed source: `officials`, `a source familiar with the talks`.
    Anonymous,
    /// The first-person narrator of a story: `I said`.
    Narrator,
}

impl MentionKind {
    /// The kind's stable lower-case name.
    ///
    /// ```
    /// assert_eq!(whosaid::MentionKind::Nominal.as_str(), "nominal");
    /// ```
    pub fn as_str(&self) -> &'static str {
        match self {
            MentionKind::Name => "name",
            MentionKind::Pronoun => "pronoun",
            MentionKind::Nominal => "nominal",
            MentionKind::Organization => "organization",
            MentionKind::Anonymous => "anonymous",
            MentionKind::Narrator => "narrator",
        }
    }
}

/// Grammatical or social gender, as far as the text tells it.
#[non_exhaustive]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum Gender {
    /// Male (he, Mr., spokesman).
    Male,
    /// Female (she, Mrs., spokeswoman).
    Female,
    /// Not a person (it).
    Neuter,
    /// Not known.
    #[default]
    Unknown,
}

impl Gender {
    /// True unless both are known and differ.
    pub(crate) fn compatible(self, other: Gender) -> bool {
        self == Gender::Unknown || other == Gender::Unknown || self == other
    }
}

/// What kind of entity a [`Speaker`] is.
#[non_exhaustive]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum SpeakerKind {
    /// A person, named or described.
    Person,
    /// An organisation.
    Organization,
    /// An unnamed source or group that cannot be resolved to a name.
    Anonymous,
    /// The first-person narrator.
    Narrator,
}

/// The rule that made an attribution: which pattern of text linked the
/// quote to its speaker.
#[non_exhaustive]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum Rule {
    /// A tag after the quote: `“…,” she said.` / `“…,” said Havel.`
    TrailingTag,
    /// A tag before the quote: `Havel said: “…”` / `She added, “…”`
    LeadingTag,
    /// The second part of an interrupted quotation shares the tag of the
    /// first: `“…,” she said, “…”`
    Interrupted,
    /// A previous paragraph ending with a colon introduces the speaker:
    /// `… gave the following comments:` ¶ `“…”`
    ColonIntro,
    /// A quote with no tag continues the speaker of the quote just before
    /// it, in the same or the previous paragraph.
    Continuation,
    /// Reported speech after its tag: `Havel said (that) the budget was
    /// honest.` (indirect), `She called the plan “dead on arrival.”`
    /// (mixed).
    TagThenClause,
    /// A clause closed by a tag: `…, the diplomat noted.`
    ClauseThenTag,
    /// `According to X, …` or `…, according to X.`
    AccordingTo,
    /// Fiction: an action beat in the quote's paragraph names the speaker:
    /// `Tom shrugged. “Believe what you like.”`
    Beat,
    /// Fiction: the person addressed in the previous turn answers: `“…,
    /// Margaret?”` ¶ `“…”`
    Addressed,
    /// Fiction: turn-taking in a conversation: an untagged turn goes to the
    /// participant who did not speak the turn before.
    TurnTaking,
    /// News: a quotation no tag claimed, inside a sentence, goes to the
    /// sentence's subject: `Sanders delivered a snappy retort: “…”`.
    SentenceSubject,
}

impl Rule {
    /// The rule's stable name.
    ///
    /// ```
    /// assert_eq!(whosaid::Rule::TrailingTag.as_str(), "trailing_tag");
    /// ```
    pub fn as_str(&self) -> &'static str {
        match self {
            Rule::TrailingTag => "trailing_tag",
            Rule::LeadingTag => "leading_tag",
            Rule::Interrupted => "interrupted",
            Rule::ColonIntro => "colon_intro",
            Rule::Continuation => "continuation",
            Rule::TagThenClause => "tag_then_clause",
            Rule::ClauseThenTag => "clause_then_tag",
            Rule::AccordingTo => "according_to",
            Rule::Beat => "beat",
            Rule::Addressed => "addressed",
            Rule::TurnTaking => "turn_taking",
            Rule::SentenceSubject => "sentence_subject",
        }
    }
}

/// Who said a quote, and how that was decided.
///
/// ```
/// let at = whosaid::Attributor::new();
/// let doc = at.attribute("Marisol Quintero runs the port. “We are ready,” she said.");
/// let a = doc.quotes()[0].attribution().ok_or("no attribution")?;
/// assert_eq!(doc.text_of(a.mention()), "she");
/// assert_eq!(a.speaker_name(), "Marisol Quintero");
/// assert_eq!(a.rule().as_str(), "trailing_tag");
/// assert!(a.confidence() > 0.5);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Attribution {
    pub(crate) mention: Span,
    pub(crate) mention_kind: MentionKind,
    pub(crate) speaker: SpeakerId,
    /// Shared with the [`Speaker`]'s name: no copy per attribution.
    pub(crate) speaker_name: std::sync::Arc<str>,
    pub(crate) rule: Rule,
    pub(crate) confidence: f32,
    pub(crate) chain: Vec<Span>,
    pub(crate) addressee: Option<Span>,
}

impl Attribution {
    /// The mention of the speaker that the rule found (`he`, `the
    /// diplomat`, `Borodavkin`). For a quote that continues the previous
    /// speaker, the mention of that speaker's attribution.
    pub fn mention(&self) -> Span {
        self.mention
    }

    /// How the mention refers to the speaker.
    pub fn mention_kind(&self) -> MentionKind {
        self.mention_kind
    }

    /// The entity the mention resolves to.
    pub fn speaker(&self) -> SpeakerId {
        self.speaker
    }

    /// The canonical name of that entity (its fullest name).
    pub fn speaker_name(&self) -> &str {
        &self.speaker_name
    }

    /// The rule that made the attribution.
    pub fn rule(&self) -> Rule {
        self.rule
    }

    /// How sure the attribution is, in `0.0..=1.0`: the rule's measured
    /// precision times a factor for how the mention was resolved.
    pub fn confidence(&self) -> f32 {
        self.confidence
    }

    /// The resolution chain from the mention to the canonical name, e.g.
    /// `he` → `Borodavkin` → `Alexei Borodavkin`: the mention first, then
    /// each mention it was resolved through.
    pub fn chain(&self) -> &[Span] {
        &self.chain
    }

    /// The person addressed, when found: in fiction, a vocative inside the
    /// quote (`“…, Margaret?”`) or the name after an addressee cue in its
    /// tag (`Anne assured Marilla`). A vocative is never the speaker.
    ///
    /// ```
    /// use whosaid::{Attributor, Genre};
    ///
    /// let at = Attributor::builder().genre(Some(Genre::Fiction)).build()?;
    /// let doc = at.attribute("\"Is that you, Mr. Crane?\" said Orla.");
    /// let a = doc.quotes()[0].attribution().ok_or("no speaker")?;
    /// assert_eq!(a.speaker_name(), "Orla");
    /// assert_eq!(doc.text_of(a.addressee().ok_or("no addressee")?), "Mr. Crane");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn addressee(&self) -> Option<Span> {
        self.addressee
    }
}

/// One quotation, or one part of an interrupted or multi-paragraph one.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Quote {
    pub(crate) id: QuoteId,
    pub(crate) span: Span,
    pub(crate) content: Span,
    pub(crate) kind: QuoteKind,
    pub(crate) closure: Closure,
    pub(crate) group: u32,
    pub(crate) parent: Option<QuoteId>,
    pub(crate) cue: Option<Cue>,
    pub(crate) attribution: Option<Attribution>,
}

impl Quote {
    /// The quote's id.
    pub fn id(&self) -> QuoteId {
        self.id
    }

    /// The whole quote: with its quotation marks for a direct quote; the
    /// reported clause for an indirect one.
    pub fn span(&self) -> Span {
        self.span
    }

    /// What was said: the text between the marks, trimmed.
    pub fn content(&self) -> Span {
        self.content
    }

    /// Direct, indirect, mixed, or a term that is not speech.
    pub fn kind(&self) -> QuoteKind {
        self.kind
    }

    /// How the quote ends: closed, continued in the next paragraph, or
    /// left unclosed.
    pub fn closure(&self) -> Closure {
        self.closure
    }

    /// Parts of one quotation (interrupted by a tag, or spread over
    /// paragraphs) share a group number; otherwise each quote has its own.
    pub fn group(&self) -> u32 {
        self.group
    }

    /// The quote this one is nested in, if any.
    pub fn parent(&self) -> Option<QuoteId> {
        self.parent
    }

    /// The reporting cue, when one was found.
    pub fn cue(&self) -> Option<&Cue> {
        self.cue.as_ref()
    }

    /// The speaker, when one was found. `None` is not an error: the
    /// speaker may be unknown.
    pub fn attribution(&self) -> Option<&Attribution> {
        self.attribution.as_ref()
    }
}

/// A speaker: one entity, with all the mentions that refer to it.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Speaker {
    pub(crate) id: SpeakerId,
    pub(crate) name: std::sync::Arc<str>,
    pub(crate) kind: SpeakerKind,
    pub(crate) gender: Gender,
    pub(crate) mentions: Vec<Span>,
}

impl Speaker {
    /// The speaker's id.
    pub fn id(&self) -> SpeakerId {
        self.id
    }

    /// The canonical name: the fullest name form used, honorifics removed.
    /// For an unnamed speaker, the describing phrase (`the convict`); for a
    /// story's first-person narrator, `the narrator`, unless the story
    /// gives it a name.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// Person, organisation, anonymous source or narrator.
    pub fn kind(&self) -> SpeakerKind {
        self.kind
    }

    /// The gender the text gives, if any.
    pub fn gender(&self) -> Gender {
        self.gender
    }

    /// Every mention that refers to this speaker, in text order.
    pub fn mentions(&self) -> &[Span] {
        &self.mentions
    }
}

/// The analysis of one text: its quotes and their speakers.
///
/// ```
/// let at = whosaid::Attributor::new();
/// let doc = at.attribute("“It is over,” said Ana Ruiz.");
/// assert_eq!(doc.quotes().len(), 1);
/// assert_eq!(doc.speakers()[0].name(), "Ana Ruiz");
/// assert_eq!(doc.text_of(doc.quotes()[0].content()), "It is over,");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug)]
pub struct Document<'h> {
    pub(crate) text: &'h str,
    pub(crate) genre: crate::genre::Genre,
    pub(crate) quotes: Vec<Quote>,
    pub(crate) speakers: Vec<Speaker>,
}

impl<'h> Document<'h> {
    /// The analysed text.
    pub fn text(&self) -> &'h str {
        self.text
    }

    /// The genre the document was analysed as (guessed, or forced by the
    /// builder).
    pub fn genre(&self) -> crate::genre::Genre {
        self.genre
    }

    /// The text of a span of this document. Out-of-range or misaligned
    /// spans give an empty string instead of panicking.
    pub fn text_of(&self, span: Span) -> &'h str {
        self.text.get(span.range()).unwrap_or("")
    }

    /// Every quote, in text order (an enclosing quote before the quotes
    /// nested in it). Includes terms and scare quotes; see
    /// [`Document::speech`].
    pub fn quotes(&self) -> &[Quote] {
        &self.quotes
    }

    /// The quotes that are speech (every kind but [`QuoteKind::Term`]).
    pub fn speech(&self) -> impl Iterator<Item = &Quote> {
        self.quotes.iter().filter(|q| q.kind.is_speech())
    }

    /// Every speaker that at least one quote is attributed to.
    pub fn speakers(&self) -> &[Speaker] {
        &self.speakers
    }

    /// The speaker with this id.
    pub fn speaker(&self, id: SpeakerId) -> Option<&Speaker> {
        self.speakers.get(id.0 as usize)
    }

    /// A table to convert this document's byte offsets to code points.
    pub fn char_offsets(&self) -> CharOffsets<'h> {
        CharOffsets::new(self.text)
    }

    /// Consumes the document, keeping its records.
    pub fn into_parts(self) -> (Vec<Quote>, Vec<Speaker>) {
        (self.quotes, self.speakers)
    }
}

#[cfg(feature = "serde")]
mod ser {
    //! JSON shape of a [`Document`]: every span as byte and char offsets
    //! with its text.

    use super::*;
    use serde::Serialize;

    #[derive(Serialize)]
    struct SpanOut<'h> {
        start: usize,
        end: usize,
        char_start: usize,
        char_end: usize,
        text: &'h str,
    }

    #[derive(Serialize)]
    struct CueOut<'h> {
        span: SpanOut<'h>,
        lemma: &'h str,
        class: CueClass,
        stance: Stance,
    }

    #[derive(Serialize)]
    struct AttributionOut<'h> {
        mention: SpanOut<'h>,
        mention_kind: MentionKind,
        speaker: SpeakerId,
        speaker_name: &'h str,
        rule: Rule,
        confidence: f32,
        chain: Vec<SpanOut<'h>>,
        #[serde(skip_serializing_if = "Option::is_none")]
        addressee: Option<SpanOut<'h>>,
    }

    #[derive(Serialize)]
    struct QuoteOut<'h> {
        id: QuoteId,
        span: SpanOut<'h>,
        content: SpanOut<'h>,
        kind: QuoteKind,
        closure: Closure,
        group: u32,
        #[serde(skip_serializing_if = "Option::is_none")]
        parent: Option<QuoteId>,
        cue: Option<CueOut<'h>>,
        attribution: Option<AttributionOut<'h>>,
    }

    #[derive(Serialize)]
    struct SpeakerOut<'h> {
        id: SpeakerId,
        name: &'h str,
        kind: SpeakerKind,
        gender: Gender,
        mentions: Vec<SpanOut<'h>>,
    }

    #[derive(Serialize)]
    struct DocumentOut<'h> {
        genre: crate::genre::Genre,
        quotes: Vec<QuoteOut<'h>>,
        speakers: Vec<SpeakerOut<'h>>,
    }

    impl Serialize for Document<'_> {
        fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            let chars = CharOffsets::new(self.text);
            let span = |s: Span| {
                let r = chars.char_range(s);
                SpanOut { start: s.start, end: s.end, char_start: r.start, char_end: r.end, text: self.text_of(s) }
            };
            let out = DocumentOut {
                genre: self.genre,
                quotes: self
                    .quotes
                    .iter()
                    .map(|q| QuoteOut {
                        id: q.id,
                        span: span(q.span),
                        content: span(q.content),
                        kind: q.kind,
                        closure: q.closure,
                        group: q.group,
                        parent: q.parent,
                        cue: q.cue.as_ref().map(|c| CueOut {
                            span: span(c.span),
                            lemma: &c.lemma,
                            class: c.class,
                            stance: c.stance,
                        }),
                        attribution: q.attribution.as_ref().map(|a| AttributionOut {
                            mention: span(a.mention),
                            mention_kind: a.mention_kind,
                            speaker: a.speaker,
                            speaker_name: &a.speaker_name,
                            rule: a.rule,
                            confidence: a.confidence,
                            chain: a.chain.iter().map(|&s| span(s)).collect(),
                            addressee: a.addressee.map(span),
                        }),
                    })
                    .collect(),
                speakers: self
                    .speakers
                    .iter()
                    .map(|s| SpeakerOut {
                        id: s.id,
                        name: &s.name,
                        kind: s.kind,
                        gender: s.gender,
                        mentions: s.mentions.iter().map(|&m| span(m)).collect(),
                    })
                    .collect(),
            };
            out.serialize(serializer)
        }
    }
}
