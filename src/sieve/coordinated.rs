//! Parts that make one quotation: quotations joined by a conjunction
//! (`chanted “We are here” and “Disarm hate.”`), and the paragraphs of a
//! multi-paragraph quotation.

use super::{Draft, Pass, QDraft};
use crate::output::{QuoteKind, Rule};
use crate::quote::Closure;
use crate::span::Span;

/// Quotations of one speaker that stand in one sentence joined only by a
/// conjunction (`and`, `or`, `but`, `nor`, `because`, `and then`, `rather
/// than`, after a comma or not), or listed with commas (`would be
/// “ugly,” “a shock” and “a fight.”`), are one quotation: one report,
/// mixed, over all of them, with each quotation nested in it and keeping
/// its own attribution. The report takes the first quotation's
/// attribution.
///
/// * `The marchers chanted “We are here” and “Open the port.”`
/// * `She said it was “cheap” because “nobody checked the bills.”`
///
/// So are the paragraphs of a multi-paragraph quotation that have no tag
/// of their own (see [`goes_on`]): one direct report over all of them.
///
/// Leaves alone `“We are ready.” “The cranes are here,” she said.` (two
/// sentences), `“Yes,” “No,” they shouted.` (a list only goes on in lower
/// case), and two quotations whose second has a tag of another speaker.
/// News only: novels give each turn its own quotation.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Coordinated;

/// The longest gap (in bytes) between two joined quotations.
const MAX_GAP: usize = 16;

impl Pass for Coordinated {
    fn apply(&self, d: &mut Draft<'_>) {
        if d.genre != crate::genre::Genre::News {
            return;
        }
        let tops: Vec<usize> = d.top.values().copied().collect();
        let mut i = 0;
        while i < tops.len() {
            let mut j = i;
            while j + 1 < tops.len() && joined(d, tops[j], tops[j + 1]) && same_speaker(d, tops[i], tops[j + 1]) {
                j += 1;
            }
            if j > i && d.quotes[tops[i]].attr.is_some() && d.quotes[tops[i]].kind == QuoteKind::Direct {
                merge(d, &tops[i..=j], QuoteKind::Mixed);
            }
            i = j + 1;
        }
        // The paragraphs of a multi-paragraph quotation (each opens with a
        // mark, only the last closes) that no tag of their own claims are
        // one quotation: a statement, a letter, a list of questions.
        let tops: Vec<usize> = d.top.values().copied().collect();
        let mut i = 0;
        while i < tops.len() {
            let mut j = i;
            while j + 1 < tops.len() && goes_on(d, tops[j], tops[j + 1]) {
                j += 1;
            }
            if j > i && d.quotes[tops[i]].attr.is_some() {
                merge(d, &tops[i..=j], QuoteKind::Direct);
            }
            i = j + 1;
        }
    }
}

/// True when quote `b` is the next paragraph's part of quote `a`, a
/// multi-paragraph quotation, and takes `a`'s speaker by continuation
/// only. A part that opens with a speaker's label (`WALLACE: …`,
/// `(CROSSTALK.)`) is a new turn of a transcript, not more of `a`.
fn goes_on(d: &Draft<'_>, a: usize, b: usize) -> bool {
    let qb = &d.quotes[b];
    if qb.continues_from != Some(a) || d.quotes[a].kind != QuoteKind::Direct || qb.kind != QuoteKind::Direct {
        return false;
    }
    if !qb.attr.is_some_and(|x| x.rule == Rule::Continuation) {
        return false;
    }
    let head = d.text[qb.inner].trim_start();
    let label = head.split_once(':').is_some_and(|(l, _)| {
        !l.is_empty() && l.len() <= 24 && l.chars().all(|c| c.is_uppercase() || c == ' ' || c == '.')
    });
    !label && !head.starts_with('(')
}

/// True when quote `b` follows quote `a` in the same paragraph, both
/// speech, with only a conjunction (or, after a comma inside `a`, a space
/// before lower-case words) between them.
fn joined(d: &Draft<'_>, a: usize, b: usize) -> bool {
    let (qa, qb) = (&d.quotes[a], &d.quotes[b]);
    let starts_lower =
        |q: &QDraft| d.text[q.inner].chars().find(|c| c.is_alphanumeric()).is_some_and(char::is_lowercase);
    // (A short lower-case quotation the finder took for a term is one more
    // item of the list: `shouted “Shame,” “thieves” and “…”`.)
    let speech = |q: &QDraft| {
        (q.kind == QuoteKind::Direct || q.kind == QuoteKind::Term && starts_lower(q))
            && q.continues_from.is_none()
            && !q.firm
    };
    if !speech(qa) || !speech(qb) || qa.para != qb.para || qb.outer.start < qa.outer.end {
        return false;
    }
    let Some(gap) = d.text.get(qa.outer.end..qb.outer.start) else { return false };
    if gap.len() > MAX_GAP || gap.contains('\n') {
        return false;
    }
    let gap = gap.trim();
    let gap = gap.strip_prefix(',').map_or(gap, str::trim_start);
    if matches!(gap, "and" | "or" | "but" | "nor" | "because" | "and then" | "rather than") {
        return true;
    }
    // A list: `“ugly,” “a shock”`.
    let lists = d.text[qa.inner].trim_end().ends_with(',');
    gap.is_empty() && lists && starts_lower(qb)
}

/// True when quote `b` is `a`'s speaker's: it continues `a`, or has the
/// same mention, or none.
fn same_speaker(d: &Draft<'_>, a: usize, b: usize) -> bool {
    match (d.quotes[a].attr, d.quotes[b].attr) {
        (_, None) => true,
        (Some(x), Some(y)) => y.rule == Rule::Continuation || x.mention == y.mention,
        (None, Some(_)) => false,
    }
}

/// Makes one report of `kind` over `parts` (consecutive top-level quotes),
/// with the first part's attribution; the parts nest in it.
fn merge(d: &mut Draft<'_>, parts: &[usize], kind: QuoteKind) {
    let (Some(&first), Some(&last)) = (parts.first(), parts.last()) else { return };
    let idx = d.quotes.len();
    let span = Span::new(d.quotes[first].outer.start, d.quotes[last].outer.end);
    let q = d.quotes[first];
    for &p in parts {
        let start = d.quotes[p].outer.start;
        d.quotes[p].parent = Some(idx);
        d.top.remove(&start);
    }
    d.top.insert(span.start, idx);
    d.quotes.push(QDraft {
        outer: span,
        inner: span,
        kind,
        closure: Closure::Closed,
        parent: None,
        para: q.para,
        group: q.group,
        continues_from: None,
        attr: q.attr,
        bare_cue: None,
        addressee: None,
        firm: false,
    });
}
