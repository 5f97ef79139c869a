//! Source noun phrases: the words before a reporting verb ("Norwegian Fisheries Minister Ola Brekke said") or
//! after it ("said one of the guards"), appositions included.

use super::lexicon::{ends_noun_phrase, is_time_word, lexicon, VERB};
use super::tokens::{Token, TokenKind};
use crate::span::same_bytes;
use crate::Span;

/// Longest source phrase, in tokens; longer runs are not a subject but a clause.
const MAX_PHRASE: usize = 14;

/// The words of one paragraph with their lower-case forms.
pub struct Words<'a> {
    pub text: &'a str,
    /// `text` with ASCII letters lower-cased: same byte offsets.
    pub lower: &'a str,
    pub toks: &'a [Token],
    /// Each token's lexicon classes (bits of `Lexicon::classes`: verb, title, organisation head).
    pub classes: &'a [u8],
}

impl<'a> Words<'a> {
    pub fn lower(&self, i: usize) -> &'a str {
        self.toks[i].span.text(self.lower)
    }

    pub fn is_word(&self, i: usize) -> bool {
        i < self.toks.len() && self.toks[i].is_word()
    }

    pub fn is(&self, i: usize, w: &str) -> bool {
        // Lengths first, then the bytes inline: no slicing of the text and no call for most words.
        self.is_word(i) && {
            let span = self.toks[i].span;
            span.len() == w.len() && same_bytes(&self.lower.as_bytes()[span.range()], w.as_bytes())
        }
    }

    pub fn is_punct(&self, i: usize, c: char) -> bool {
        i < self.toks.len() && self.toks[i].is_punct(c)
    }

    /// Token `i` is a word of the lexicon class `class`.
    pub fn has(&self, i: usize, class: u8) -> bool {
        self.classes.get(i).is_some_and(|&c| c & class != 0)
    }

    pub fn is_capitalised(&self, i: usize) -> bool {
        self.toks[i].is_capitalised()
    }

    pub fn span(&self, from: usize, to: usize) -> Span {
        Span::new(self.toks[from].span.start, self.toks[to - 1].span.end)
    }

    pub fn is_pronoun(&self, i: usize) -> bool {
        self.is_word(i) && lexicon().pronouns.contains_key(self.lower(i))
    }

    pub fn is_dash(&self, i: usize) -> bool {
        i < self.toks.len() && matches!(self.toks[i].kind, TokenKind::Punct('-' | '—' | '–'))
    }

    /// Token `i` ends a clause: a comma or dash, also one inside a closing quote (`“…,” claiming`).
    pub fn ends_clause(&self, i: usize) -> bool {
        self.is_punct(i, ',')
            || self.is_punct(i, ';')
            || self.is_dash(i)
            || (i > 0 && self.toks[i].quoted && !self.is_word(i) && self.is_punct(i - 1, ','))
    }

    /// A reporting verb form, not a capitalised name after another word ("The Washington Post").
    pub fn is_verb(&self, i: usize) -> bool {
        self.is_word(i)
            && !self.toks[i].quoted
            && self.has(i, VERB)
            && !(self.is_capitalised(i) && i > 0 && self.is_word(i - 1))
    }
}

/// Whether token `i` may belong to a source phrase.
fn fits_phrase(w: &Words, i: usize, first: bool) -> bool {
    let t = &w.toks[i];
    if t.quoted {
        return false;
    }
    match t.kind {
        TokenKind::Punct(c) => matches!(c, '&' | '\'' | '’' | '%'),
        TokenKind::Word => {
            let lw = w.lower(i);
            // Inside a run of capitalised words a function word is part of a name ("CBS This Morning").
            let in_name = w.is_capitalised(i) && i > 0 && w.is_word(i - 1) && w.is_capitalised(i - 1);
            if (ends_noun_phrase(lw) && lw != "may" || is_subordinator(lw)) && !in_name {
                return false;
            }
            if w.is_capitalised(i) {
                return true;
            }
            // A verb form after a determiner is a noun: "according to the report".
            let noun_use = i > 0 && w.is_word(i - 1) && super::lexicon::is_determiner(w.lower(i - 1));
            if lexicon().verbs.contains_key(lw) && !first && !noun_use {
                return false;
            }
            !w.is_pronoun(i) || first
        }
    }
}

/// The source phrase that ends right before token `end` (exclusive), not reaching before `lo`.
/// Returns a token range.
pub fn left(w: &Words, lo: usize, end: usize) -> Option<(usize, usize)> {
    if end <= lo {
        return None;
    }
    let last = end - 1;
    if w.is_pronoun(last) && !w.toks[last].quoted {
        return Some((last, end));
    }
    // A parenthesis after a name: "Sen. Ola Brekke (D-Ore.) said".
    if w.is_punct(last, ')') {
        let open = (lo..last).rev().take(12).find(|&j| w.is_punct(j, '('))?;
        let (head_start, head_end) = left(w, lo, open)?;
        return (head_end == open).then_some((head_start, end));
    }
    // An apposition between commas or dashes: "Smith, a spokesman for the ministry, said".
    if w.is_punct(last, ',') || w.is_dash(last) {
        let dash = w.is_dash(last);
        // A dash may be written as two ("--"): skip the rest of it on both sides.
        let mut close = last;
        while dash && close > lo && w.is_dash(close - 1) {
            close -= 1;
        }
        let mut open = (lo..close).rev().take(30).find(|&j| if dash { w.is_dash(j) } else { w.is_punct(j, ',') })?;
        while dash && open > lo && w.is_dash(open - 1) {
            open -= 1;
        }
        let (mut head_start, head_end) = left(w, lo, open)?;
        // A second apposition: "Priya Nair, 27, who was touring Porto, told me …".
        if !plausible_source(w, head_start, head_end) && head_start > lo + 1 && w.is_punct(head_start - 1, ',') {
            let (first, first_end) = left(w, lo, head_start - 1)?;
            if first_end != head_start - 1 {
                return None;
            }
            head_start = first;
        }
        return (head_end == open).then_some((head_start, last));
    }
    let mut start = end;
    while start > lo && end - start < MAX_PHRASE {
        let i = start - 1;
        let lw = w.lower(i);
        // "Smith and Jones said": a conjunction between two names.
        let joins_names = lw == "and"
            && start < end
            && i > lo
            && (w.is_capitalised(start) || w.is_capitalised(i - 1))
            && w.is_word(i - 1);
        // "people close to Clinton", "sources close to the campaign".
        let close_to = lw == "to" && i > lo && w.is(i - 1, "close");
        if !(fits_phrase(w, i, false) || joins_names || close_to) {
            break;
        }
        start = i;
    }
    trim_left(w, start, end)
}

/// Drops a leading time or place adverbial: "On Thursday the Pentagon" → "the Pentagon".
fn trim_left(w: &Words, mut start: usize, end: usize) -> Option<(usize, usize)> {
    while start < end && w.is_word(start) && (is_time_word(w.lower(start)) || is_preposition(w.lower(start))) {
        start += 1;
    }
    // A determiner inside the run that does not follow a linking word starts the real phrase.
    for k in start + 1..end {
        if matches!(w.lower(k), "the" | "a" | "an") {
            let before = w.lower(k - 1);
            let linking = is_preposition(before) || before == "to" || before == "and";
            if !(linking || before.ends_with("'s") || before.ends_with("’s")) {
                start = k;
            }
        }
    }
    let last = w.lower(end - 1);
    (start < end && !matches!(last, "the" | "a" | "an" | "of" | "for")).then_some((start, end))
}

/// Words that open a subordinate clause: "Although Weiner admitted …".
pub fn is_subordinator(w: &str) -> bool {
    matches!(w, "while" | "although" | "though" | "if" | "because" | "since" | "whereas" | "unless" | "when" | "once")
}

/// Common irregular verbs in the past: they end a subject read rightwards ("Cruz took the stage").
fn is_irregular_past(lw: &str) -> bool {
    matches!(
        lw,
        "took"
            | "made"
            | "gave"
            | "went"
            | "came"
            | "got"
            | "threw"
            | "drew"
            | "won"
            | "lost"
            | "ran"
            | "met"
            | "left"
            | "kept"
            | "held"
            | "brought"
            | "sent"
            | "spent"
            | "put"
            | "set"
            | "began"
            | "became"
            | "struck"
            | "hit"
            | "led"
            | "paid"
            | "sought"
            | "fought"
            | "took,"
            | "stood"
            | "spoke"
            | "broke"
            | "chose"
            | "rose"
            | "fell"
    )
}

fn is_known_head(lw: &str) -> bool {
    let lex = lexicon();
    [&lex.anonymous_heads, &lex.org_heads, &lex.media, &lex.documents, &lex.vague, &lex.titles]
        .iter()
        .any(|set| set.contains(lw))
}

/// Whether the phrase `a..b` can name a source: it has a name (a capitalised word that is not just
/// the first word of the sentence), a pronoun, or a word known to name people, bodies or documents.
pub fn plausible_source(w: &Words, a: usize, b: usize) -> bool {
    let lex = lexicon();
    let core_end = (a..b).find(|&i| w.is_punct(i, ',') || w.is_dash(i)).unwrap_or(b).max(a + 1);
    let names_someone = (a..core_end).any(|i| {
        let lw = w.lower(i);
        let bare = lw.strip_suffix("'s").or_else(|| lw.strip_suffix("’s")).unwrap_or(lw);
        let name = w.is_capitalised(i)
            && !matches!(lw, "the" | "a" | "an" | "this" | "these" | "those" | "some" | "many" | "most");
        name || lex.pronouns.contains_key(lw) || is_known_head(bare) || w.is_punct(i, '%')
    });
    // A possessive or a bare number ends a modifier, not a source ("Curiel’s alleged", "the 20
    // pledged"); "six in 10" is a source.
    let last = w.lower(core_end - 1);
    let possessive = w.is_punct(core_end - 1, '\'') || last.ends_with("'s") || last.ends_with("’s");
    let counted = (a..core_end).any(|i| w.is(i, "in") || w.is(i, "of"));
    let bare_number = last.chars().all(|c| c.is_ascii_digit()) && !counted;
    names_someone && !possessive && !bare_number
}

pub fn is_preposition(w: &str) -> bool {
    matches!(w, "of" | "in" | "on" | "at" | "for" | "from" | "with" | "by" | "near" | "inside" | "outside")
}

/// The source phrase that starts at token `start`, not reaching `hi`: "said [one of the officials]",
/// "according to [the Baltic Council for Coastal Safety]".
pub fn right(w: &Words, start: usize, hi: usize) -> Option<(usize, usize)> {
    if start >= hi {
        return None;
    }
    if w.is_pronoun(start) {
        return Some((start, start + 1));
    }
    let mut end = start;
    while end < hi && end - start < MAX_PHRASE && fits_phrase(w, end, end == start) {
        // "Varga thanked the crew": a lower-case word in -ed after the phrase began is its verb.
        let lw = w.lower(end);
        let past = lw.ends_with("ed") && !lw.contains('-') || is_irregular_past(lw);
        if end > start && !w.is_capitalised(end) && past && !is_known_head(lw) {
            break;
        }
        end += 1;
    }
    // A trailing time adverbial is not part of the source: "said the ministry on Thursday".
    while end > start + 1 && w.is_word(end - 1) && is_time_word(w.lower(end - 1)) {
        end -= 1;
    }
    while end > start + 1 && is_preposition(w.lower(end - 1)) {
        end -= 1;
    }
    (end > start).then_some((start, end))
}
