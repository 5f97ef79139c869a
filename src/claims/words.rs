//! Words for the claims stage: a tokenizer over byte spans, a light lemma, and stop words.

use crate::Span;
use rustc_hash::{FxHashMap, FxHashSet as HashSet};
use std::sync::OnceLock;

/// One word of the text: letters and digits, with inner apostrophes ("Assad's" is one word).
/// Hyphens split words, so "al-Tanf" gives "al" and "Tanf".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub span: Span,
}

impl Token {
    pub fn text(self, text: &str) -> &str {
        self.span.text(text)
    }
}

/// The words of `span` in `text`, in order.
pub fn tokens(text: &str, span: Span) -> Vec<Token> {
    let s = span.text(text);
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut chars = s.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let inner_apostrophe =
            matches!(c, '\'' | '’') && start.is_some() && chars.peek().is_some_and(|&(_, n)| n.is_alphanumeric());
        if c.is_alphanumeric() || inner_apostrophe {
            start.get_or_insert(i);
        } else if let Some(st) = start.take() {
            out.push(Token { span: Span::new(span.start + st, span.start + i) });
        }
    }
    if let Some(st) = start {
        out.push(Token { span: Span::new(span.start + st, span.end) });
    }
    out
}

/// Lower case, without a possessive ending, singular: "Missiles" → "missile", "Assad's" → "assad".
pub fn lemma(word: &str) -> String {
    let mut w = word.to_lowercase();
    for poss in ["'s", "’s"] {
        if let Some(stripped) = w.strip_suffix(poss) {
            w.truncate(stripped.len());
        }
    }
    if w.len() <= 3 || w.chars().any(|c| c.is_ascii_digit()) || is_invariant(&w) {
        return w;
    }
    if let Some(stem) = w.strip_suffix("ies") {
        return format!("{stem}y");
    }
    for ending in ["ches", "shes", "sses", "xes", "zes"] {
        if w.ends_with(ending) {
            w.truncate(w.len() - 2);
            return w;
        }
    }
    if w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us") && !w.ends_with("is") {
        w.pop();
    }
    w
}

/// Words whose final "s" is not a plural.
fn is_invariant(w: &str) -> bool {
    matches!(w, "news" | "series" | "species" | "isis" | "syria" | "troops" | "arms" | "means" | "people" | "police")
}

fn stop_set() -> &'static HashSet<&'static str> {
    static SET: OnceLock<HashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| {
        include_str!("stopwords.txt").lines().filter(|l| !l.starts_with('#')).flat_map(str::split_whitespace).collect()
    })
}

/// Function words and reporting words that say nothing about which event a claim is about.
pub fn is_stop(lower: &str) -> bool {
    stop_set().contains(lower)
}

/// A word that may name an event or a thing: not a stop word, not a number.
pub fn is_content(lower: &str) -> bool {
    !is_stop(lower) && !lower.chars().all(|c| c.is_ascii_digit()) && lower.chars().count() > 1
}

/// `word` in lower case, written into `buf` (no allocation for ASCII words once `buf` has grown).
pub fn lower_into(word: &str, buf: &mut String) {
    buf.clear();
    if word.is_ascii() {
        buf.push_str(word);
        buf.make_ascii_lowercase();
    } else {
        buf.push_str(&word.to_lowercase());
    }
}

/// The lemmas of a cluster as dense `u32` ids: each distinct word form is lower-cased, checked
/// against the stop words and lemmatised once, so the words of a whole cluster cost one FxHash
/// look-up each and are then compared as integers.
#[derive(Debug, Default)]
pub struct Lemmas {
    /// Lower-case word form → its lemma's id, `None` for stop words and numbers.
    by_form: FxHashMap<String, Option<u32>>,
    ids: FxHashMap<String, u32>,
    /// Id → lemma.
    words: Vec<String>,
    buf: String,
}

impl Lemmas {
    /// The lemma id of `word` (as written) if it is a content word.
    pub fn content(&mut self, word: &str) -> Option<u32> {
        lower_into(word, &mut self.buf);
        if let Some(&id) = self.by_form.get(self.buf.as_str()) {
            return id;
        }
        let id = is_content(&self.buf).then(|| lemma(&self.buf)).map(|l| self.intern(&l));
        self.by_form.insert(self.buf.clone(), id);
        id
    }

    /// The id of a lemma, new or known.
    pub fn intern(&mut self, lemma: &str) -> u32 {
        if let Some(&id) = self.ids.get(lemma) {
            return id;
        }
        self.words.push(lemma.to_string());
        let id = self.words.len() as u32 - 1;
        self.ids.insert(lemma.to_string(), id);
        id
    }

    pub fn id(&self, lemma: &str) -> Option<u32> {
        self.ids.get(lemma).copied()
    }

    pub fn word(&self, id: u32) -> &str {
        &self.words[id as usize]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(t: &str) -> Vec<&str> {
        tokens(t, Span::new(0, t.len())).into_iter().map(|w| w.text(t)).collect()
    }

    #[test]
    fn splits_on_hyphens_and_keeps_inner_apostrophes() {
        assert_eq!(words("al-Tanf: Assad’s 59 missiles—“café”"), ["al", "Tanf", "Assad’s", "59", "missiles", "café"]);
    }

    #[test]
    fn token_offsets_survive_emoji_and_cjk() {
        let t = "🚀 東京 tanks";
        let w = tokens(t, Span::new(0, t.len()));
        assert_eq!(w.iter().map(|x| x.text(t)).collect::<Vec<_>>(), ["東京", "tanks"]);
        assert_eq!(w[1].span.start, t.find("tanks").unwrap());
    }

    #[test]
    fn lemma_singularises_and_drops_possessives() {
        assert_eq!(lemma("Missiles"), "missile");
        assert_eq!(lemma("casualties"), "casualty");
        assert_eq!(lemma("Assad's"), "assad");
        assert_eq!(lemma("people"), "people");
        assert_eq!(lemma("gas"), "gas");
    }

    #[test]
    fn interns_word_forms_of_one_lemma_to_one_id_and_skips_stop_words() {
        let mut lemmas = Lemmas::default();
        let a = lemmas.content("Missiles").unwrap();
        assert_eq!(lemmas.content("missile"), Some(a));
        assert_eq!(lemmas.content("MISSILES"), Some(a));
        assert_eq!(lemmas.word(a), "missile");
        assert_eq!(lemmas.content("the"), None);
        assert_eq!(lemmas.content("1990"), None);
        assert_eq!(lemmas.content("Café"), lemmas.id("café"));
    }
}
