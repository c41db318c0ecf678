//! The large bench tier: news articles generated from our own templates
//! and word pools with a fixed-seed generator, so every run measures the
//! same 1.3 MB. Each template knows how many direct quotations, cues and
//! naive lexicon words it plants, so the benches can assert exact counts.
//!
//! The pools hold no reporting word at all (checked when the corpus is
//! built: every pool item has no cue and no naive lexicon word), so the
//! only cues in the text are the planted ones.

use super::naive::NaiveMatcher;
use whosaid::Attributor;

/// The generated corpus and what was planted in it.
#[derive(Debug)]
pub struct Corpus {
    /// One article per document.
    pub articles: Vec<String>,
    /// The articles joined by blank lines.
    pub text: String,
    /// Direct quotations (each part of an interrupted one counts).
    pub direct: usize,
    /// Cues `Attributor::cues` must find.
    pub cues: usize,
    /// Phrases the naive matcher must find (cues, their frames counted
    /// apart, and the non-cues it cannot tell apart).
    pub naive: usize,
}

/// A paragraph template: its text and what it plants.
#[derive(Clone, Copy)]
struct Template {
    text: &'static str,
    direct: usize,
    cues: usize,
    naive: usize,
}

const fn t(text: &'static str, direct: usize, cues: usize, naive: usize) -> Template {
    Template { text, direct, cues, naive }
}

/// Slots: {N} a full name, {L} its last name, {P} its pronoun, {O} an
/// organisation, {R} a role noun, {Q} and {Q2} quoted sentences, {C} and
/// {C2} clauses, {D} a weekday, {F} and {F2} plain sentences.
const TEMPLATES: &[Template] = &[
    t("“{Q},” {N} said on {D}. {F}", 1, 1, 1),
    t("“{Q},” said {N}, who works for {O}.", 1, 1, 1),
    t("{N} told reporters on {D}: “{Q}.”", 1, 1, 1),
    t("“{Q},” {P} added. “{Q2}.”", 2, 1, 1),
    t("{N} said in a statement that {C}.", 0, 1, 2),
    t("According to {O}, {C}.", 0, 1, 1),
    t("{C}, the {R} noted.", 0, 1, 1),
    t("“{Q},” {N} wrote on Twitter.", 1, 1, 2),
    t("“{Q},” {L} said, “{Q2}.”", 2, 1, 1),
    t("{L} insisted that {C}, but conceded that {C2}.", 0, 2, 2),
    t("{N} whispered: “{Q}.”", 1, 1, 1),
    t("“{Q}?” {P} asked. {F}", 1, 1, 1),
    t("{F} {F2}", 0, 0, 0),
    t("{F} {C}, and {C2}.", 0, 0, 0),
    t("Needless to say, {C}.", 0, 0, 1),
    t("All told, {C}.", 0, 0, 1),
    t("{F} It was hard to tell whether {C}.", 0, 0, 1),
    t("The claims process took months, and {C}.", 0, 0, 1),
    t("The {R} said that {C}. {F}", 0, 1, 1),
    t("{N} pointed out that {C}.", 0, 1, 1),
];

const NAMES: &[(&str, &str, &str)] = &[
    ("Ines", "Albarran", "she"),
    ("Tomas", "Eberle", "he"),
    ("Odile", "Marchetti", "she"),
    ("Bram", "Holloway", "he"),
    ("Yasmin", "Okafor", "she"),
    ("Callum", "Reyes", "he"),
    ("Hilde", "Vastergaard", "she"),
    ("Rosalind", "Achebe", "she"),
    ("Marek", "Szabo", "he"),
    ("Leila", "Haddad", "she"),
    ("Joaquin", "Ferreira", "he"),
    ("Anneke", "de Wit", "she"),
    ("Dmitri", "Volkov", "he"),
    ("Priya", "Raman", "she"),
    ("Kwame", "Mensah", "he"),
    ("Siobhan", "Kelleher", "she"),
];

const ORGS: &[&str] = &[
    "the port authority",
    "the regional council",
    "the ministry of transport",
    "the harbour board",
    "the water company",
    "the teachers' union",
    "the city hospital",
    "the farmers' cooperative",
];

const ROLES: &[&str] =
    &["minister", "spokeswoman", "spokesman", "mayor", "director", "official", "governor", "senator"];

const DAYS: &[&str] = &["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

/// Quoted sentences, without their final punctuation.
const QUOTES: &[&str] = &[
    "We will not reopen the bridge until the repairs are finished",
    "Nobody in this town wants the factory to close",
    "The money is there, and it has been there since the spring",
    "This is the third time the trains have stopped this month",
    "Our crews are tired and our boats are old",
    "If the rain holds off, the harvest will be the best in ten years",
    "The budget is honest and the deficit will shrink",
    "Every family on this street lost something in the flood",
    "We are ready to sign tomorrow",
    "The school will stay open through the summer",
    "I have lived here for forty years and I have never seen prices like this",
    "The new line will cut the journey to the capital by an hour",
    "There is no plan B, so plan A has to work",
    "The hospital needs nurses more than it needs a new wing",
    "Fares will not rise before the end of the year",
    "The river is higher than it was in the spring of the great flood",
];

/// Clauses, without final punctuation.
const CLAUSES: &[&str] = &[
    "the bridge would reopen in the autumn",
    "the factory had orders for another two years",
    "the harbour fees would double by March",
    "the trains were running late on every line",
    "the council had spent its reserves on the new road",
    "the harvest was the largest since the war",
    "two of the nine ferries needed new engines",
    "the school roof had leaked for a decade",
    "prices at the market had risen by a third",
    "the dam was safe for at least another season",
    "the town would lose its last bank branch",
    "fewer tourists had come than in any year since 2009",
    "the new clinic would open in the old library building",
    "the road to the coast would close for three weeks",
];

/// Plain sentences.
const SENTENCES: &[&str] = &[
    "The council meets again next month.",
    "Traffic on the coast road was light on Sunday.",
    "The ferry to the island runs twice a day in winter.",
    "Rain is due across the region by the weekend.",
    "The old market hall has stood empty since 2015.",
    "About four thousand people live in the valley.",
    "The last train leaves the central station at midnight.",
    "Fishing boats stayed in the harbour for a second day.",
    "The museum will close for repairs in January.",
    "Most of the shops on the high street open at nine.",
    "The festival drew a larger crowd than last year.",
    "Snow closed the mountain pass for a week in February.",
];

const TITLES: &[&str] = &[
    "Bridge repairs run into the winter",
    "Ferry crews stay in port for a second week",
    "Harvest is the largest in years in the valley",
    "Town weighs the cost of a new clinic",
    "River rises as the rain keeps falling",
    "Trains stop again on the coast line",
];

/// A small, fixed-seed generator (xorshift64*): the same corpus on every
/// machine and every run.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[(self.next() % items.len() as u64) as usize]
    }
}

/// The large tier: articles until the text is at least `min_bytes` long.
///
/// # Panics
///
/// When a pool item contains a cue or a naive lexicon word: the planted
/// counts would then be wrong, and the bench must not run.
pub fn large(min_bytes: usize) -> Corpus {
    let at = Attributor::new();
    let naive = NaiveMatcher::new(&at.cue_lexicon());
    for item in QUOTES.iter().chain(CLAUSES).chain(SENTENCES).chain(TITLES).chain(ORGS).chain(ROLES) {
        assert_eq!(at.cues(item).count(), 0, "pool item with a cue: {item:?}");
        assert_eq!(naive.count(item), 0, "pool item with a lexicon word: {item:?}");
    }
    let mut rng = Rng(0x5EED_CAFE_F00D_1234);
    let mut corpus = Corpus { articles: Vec::new(), text: String::new(), direct: 0, cues: 0, naive: 0 };
    while corpus.text.len() < min_bytes {
        let mut article = String::from(rng.pick(TITLES));
        let speakers: Vec<(&str, &str, &str)> = (0..3).map(|_| rng.pick(NAMES)).collect();
        for _ in 0..12 {
            let tpl = rng.pick(TEMPLATES);
            let (first, last, pronoun) = rng.pick(&speakers);
            let mut p = tpl.text.to_string();
            let fill = |p: &mut String, slot: &str, with: &str| *p = p.replacen(slot, with, 1);
            fill(&mut p, "{N}", &format!("{first} {last}"));
            fill(&mut p, "{L}", last);
            fill(&mut p, "{O}", rng.pick(ORGS));
            fill(&mut p, "{R}", rng.pick(ROLES));
            fill(&mut p, "{Q2}", rng.pick(QUOTES));
            fill(&mut p, "{Q}", rng.pick(QUOTES));
            fill(&mut p, "{C2}", rng.pick(CLAUSES));
            fill(&mut p, "{C}", rng.pick(CLAUSES));
            fill(&mut p, "{D}", rng.pick(DAYS));
            fill(&mut p, "{F2}", rng.pick(SENTENCES));
            fill(&mut p, "{F}", rng.pick(SENTENCES));
            fill(&mut p, "{P}", pronoun);
            // A clause may open the paragraph.
            if let Some(c) = p.chars().next().filter(|c| c.is_lowercase()) {
                p = format!("{}{}", c.to_uppercase(), &p[c.len_utf8()..]);
            }
            article.push_str("\n\n");
            article.push_str(&p);
            corpus.direct += tpl.direct;
            corpus.cues += tpl.cues;
            corpus.naive += tpl.naive;
        }
        if !corpus.text.is_empty() {
            corpus.text.push_str("\n\n");
        }
        corpus.text.push_str(&article);
        corpus.articles.push(article);
    }
    corpus
}
