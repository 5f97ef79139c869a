//! Words for the claims stage: a tokenizer over byte spans, a light lemma, and stop words.

use crate::span::{char_at, word_end};
use crate::{Document, DocumentAnalysis, Span};
use rustc_hash::{FxBuildHasher, FxHashMap, FxHashSet as HashSet};
use std::borrow::Cow;
use std::hash::BuildHasher;
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
#[cfg(test)]
pub fn tokens(text: &str, span: Span) -> Vec<Token> {
    // About one word in six bytes of news text: one allocation for most sentences.
    let mut out = Vec::with_capacity(span.len() / 6 + 1);
    each_token(text, span, |t| out.push(t));
    out
}

/// Calls `each` on the words of `span` in `text`, in order. ASCII letters and digits are a byte
/// test each; the general rules (non-ASCII letters, inner apostrophes) start at the first byte
/// that is neither.
pub fn each_token(text: &str, span: Span, mut each: impl FnMut(Token)) {
    let s = span.text(text);
    let bytes = s.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        // Up to the next letter or digit (an apostrophe cannot begin a word).
        let b = bytes[i];
        let start = i;
        if b < 0x80 {
            i += 1;
            if !b.is_ascii_alphanumeric() {
                continue;
            }
        } else {
            let (c, len) = char_at(s, i);
            i += len;
            if is_punctuation(c) || !c.is_alphanumeric() {
                continue;
            }
        }
        // Letters and digits, and apostrophes with a letter or digit after them.
        while i < bytes.len() && bytes[i].is_ascii_alphanumeric() {
            i += 1;
        }
        // A dash or closing quote after the word ends it (not a curly apostrophe: "Assad’s").
        let ends_here = |i: usize| bytes[i] >= 0x80 && matches!(char_at(s, i).0, c if is_punctuation(c) && c != '’');
        if i < bytes.len() && (bytes[i] >= 0x80 || bytes[i] == b'\'') && !ends_here(i) {
            i = word_end(s, i, char::is_alphanumeric);
        }
        each(Token { span: Span::new(span.start + start, span.start + i) });
    }
}

/// Dashes, curly quotes and the like (the General Punctuation block, which holds no letter or
/// digit): news text has them between words, and they are ruled out without the Unicode tables.
fn is_punctuation(c: char) -> bool {
    ('\u{2000}'..='\u{206f}').contains(&c)
}

/// Lower case, without a possessive ending, singular: "Missiles" → "missile", "Assad's" → "assad".
pub fn lemma(word: &str) -> String {
    let lower = if word.is_ascii() { word.to_ascii_lowercase() } else { word.to_lowercase() };
    lemma_of_lower(&lower).into_owned()
}

/// [`lemma`] of a word already in lower case: borrowed from it unless the stem changes ("-ies").
pub fn lemma_of_lower(lower: &str) -> Cow<'_, str> {
    let mut w = lower;
    for poss in ["'s", "’s"] {
        if let Some(stripped) = w.strip_suffix(poss) {
            w = stripped;
        }
    }
    if w.len() <= 3 || w.bytes().any(|b| b.is_ascii_digit()) || is_invariant(w) {
        return Cow::Borrowed(w);
    }
    if let Some(stem) = w.strip_suffix("ies") {
        return Cow::Owned(format!("{stem}y"));
    }
    for ending in ["ches", "shes", "sses", "xes", "zes"] {
        if w.ends_with(ending) {
            return Cow::Borrowed(&w[..w.len() - 2]);
        }
    }
    if w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us") && !w.ends_with("is") {
        return Cow::Borrowed(&w[..w.len() - 1]);
    }
    Cow::Borrowed(w)
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
    // More than one character, not all digits (a byte test each: no digit is a UTF-8 continuation).
    lower.chars().nth(1).is_some() && !lower.bytes().all(|b| b.is_ascii_digit()) && !is_stop(lower)
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

/// Strings as dense `u32` ids in order of first sight, held end to end in one buffer: interning a
/// string costs a hash and a copy, not an allocation (a cluster has tens of thousands of forms).
#[derive(Debug, Default, Clone)]
pub struct Interner {
    text: String,
    /// Id → end of its string in `text` (it starts where the one before ends).
    ends: Vec<u32>,
    /// A string's hash → the last id with that hash; `next` chains the earlier ones (a collision
    /// of 64-bit hashes is rare, but must not merge two strings).
    by_hash: FxHashMap<u64, u32>,
    next: Vec<u32>,
}

const NO_ID: u32 = u32::MAX;

impl Interner {
    fn with_capacity(strings: usize) -> Interner {
        let mut interner = Interner::default();
        interner.text.reserve(strings * 8);
        interner.ends.reserve(strings);
        interner.next.reserve(strings);
        interner.by_hash.reserve(strings);
        interner
    }

    pub fn len(&self) -> usize {
        self.ends.len()
    }

    pub fn get(&self, s: &str) -> Option<u32> {
        self.find(s, FxBuildHasher.hash_one(s))
    }

    fn find(&self, s: &str, hash: u64) -> Option<u32> {
        let mut id = *self.by_hash.get(&hash)?;
        while id != NO_ID {
            if self.word(id) == s {
                return Some(id);
            }
            id = self.next[id as usize];
        }
        None
    }

    /// The id of `s`, new or known.
    pub fn intern(&mut self, s: &str) -> u32 {
        self.intern_hashed(s, FxBuildHasher.hash_one(s))
    }

    fn intern_hashed(&mut self, s: &str, hash: u64) -> u32 {
        if let Some(id) = self.find(s, hash) {
            return id;
        }
        let id = self.ends.len() as u32;
        self.text.push_str(s);
        self.ends.push(self.text.len() as u32);
        self.next.push(self.by_hash.insert(hash, id).unwrap_or(NO_ID));
        id
    }

    pub fn word(&self, id: u32) -> &str {
        let id = id as usize;
        let start = if id == 0 { 0 } else { self.ends[id - 1] as usize };
        &self.text[start..self.ends[id] as usize]
    }
}

/// The lemmas of a cluster as dense `u32` ids: each distinct word form is lower-cased, checked
/// against the stop words and lemmatised once, so the words of a whole cluster cost one FxHash
/// look-up each and are then compared as integers.
#[derive(Debug, Default, Clone)]
pub struct Lemmas {
    names: Interner,
}

impl Lemmas {
    /// Room for `forms` distinct word forms (somewhat fewer lemmas).
    pub fn for_forms(forms: usize) -> Lemmas {
        Lemmas { names: Interner::with_capacity(forms * 4 / 5) }
    }

    /// The lemma id of form `form` of `words` if it is a content word.
    pub fn of_form(&mut self, words: &ClusterWords, form: usize) -> Option<u32> {
        if !words.content[form] {
            return None;
        }
        Some(self.intern(&lemma_of_lower(words.forms.word(form as u32))))
    }

    /// The id of a lemma, new or known.
    pub fn intern(&mut self, lemma: &str) -> u32 {
        self.names.intern(lemma)
    }

    pub fn id(&self, lemma: &str) -> Option<u32> {
        self.names.get(lemma)
    }

    pub fn word(&self, id: u32) -> &str {
        self.names.word(id)
    }

    pub fn len(&self) -> usize {
        self.names.len()
    }
}

/// The words of a cluster's content sentences, each with the id of its lower-case form: the
/// comparison reads them twice (the words' rarity, repeated words), so they are tokenised and
/// looked up once. A form as written is looked up without lower-casing it again.
#[derive(Debug, Default)]
pub struct ClusterWords {
    /// Per document: its words as (token, form id, sentence index), in order.
    pub docs: Vec<Vec<(Token, u32, usize)>>,
    /// Form id → the form in lower case, and whether it is a content word.
    pub forms: Interner,
    pub content: Vec<bool>,
    /// The content sentences of the cluster, empty ones included.
    pub sentences: u32,
    /// The lemmas of the content forms, interned in form order (so in order of first occurrence),
    /// and each form's lemma id (`None` for a stop word or a number): worked out once for the
    /// claims' words and for the words' rarity.
    pub lemmas: Lemmas,
    pub form_lemma: Vec<Option<u32>>,
}

impl ClusterWords {
    pub fn new(docs: &[Document], analyses: &[DocumentAnalysis]) -> ClusterWords {
        let mut words = ClusterWords::default();
        // About one word in six bytes, and a distinct written form in three words.
        let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
        let mut by_written: FxHashMap<&str, u32> = FxHashMap::default();
        by_written.reserve(bytes / 18);
        words.forms = Interner::with_capacity(bytes / 24);
        let mut buf = String::new();
        for (doc, a) in docs.iter().zip(analyses) {
            let text = doc.text.as_str();
            let mut list = Vec::with_capacity(text.len() / 6);
            for (si, s) in a.segments.content_sentences() {
                words.sentences += 1;
                each_token(text, s.span, |t| {
                    let written = t.text(text);
                    // Most words were met before as written: a look-up, and an insert only for a new one.
                    let form = match by_written.get(written) {
                        Some(&form) => form,
                        None => {
                            let form = words.form(written, &mut buf);
                            by_written.insert(written, form);
                            form
                        }
                    };
                    list.push((t, form, si));
                });
            }
            words.docs.push(list);
        }
        let mut lemmas = Lemmas::for_forms(words.forms.len());
        words.form_lemma = (0..words.forms.len()).map(|form| lemmas.of_form(&words, form)).collect();
        words.lemmas = lemmas;
        words
    }

    /// The id of the lower-case form of `written`, new or known.
    fn form(&mut self, written: &str, buf: &mut String) -> u32 {
        lower_into(written, buf);
        let known = self.forms.len();
        let id = self.forms.intern(buf);
        if id as usize == known {
            self.content.push(is_content(buf));
        }
        id
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
    fn general_punctuation_holds_no_letter_or_digit() {
        assert!(('\u{2000}'..='\u{206f}').all(|c| is_punctuation(c) && !c.is_alphanumeric()));
        assert!(!is_punctuation('\u{1fff}') && !is_punctuation('\u{2070}') && !is_punctuation('é'));
        assert_eq!(words("—“Café”’s—x"), ["Café", "s", "x"]);
    }

    #[test]
    fn token_offsets_survive_emoji_and_cjk() {
        let t = "🚀 東京 tanks";
        let w = tokens(t, Span::new(0, t.len()));
        assert_eq!(w.iter().map(|x| x.text(t)).collect::<Vec<_>>(), ["東京", "tanks"]);
        assert_eq!(w[1].span.start, t.find("tanks").unwrap());
    }

    #[test]
    fn interner_keeps_strings_apart_when_their_hashes_collide() {
        let mut names = Interner::default();
        let (cafe, tokyo, ship) = (names.intern_hashed("café", 7), names.intern_hashed("東京", 7), names.intern("🚢"));
        assert_eq!((cafe, tokyo, ship), (0, 1, 2));
        assert_eq!(names.intern_hashed("café", 7), cafe);
        assert_eq!(names.intern_hashed("東京", 7), tokyo);
        assert_eq!(names.find("東京", 7), Some(tokyo));
        assert_eq!(names.find("tokyo", 7), None);
        assert_eq!([names.word(cafe), names.word(tokyo), names.word(ship)], ["café", "東京", "🚢"]);
        assert_eq!(names.get("🚢"), Some(ship));
        assert_eq!(names.len(), 3);
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
        let docs = [crate::Document::new("a", "Missiles, the missile: MISSILES in 1990 at the Café.")];
        let analysis = crate::analyze(&docs, &crate::Options::default());
        let words = ClusterWords::new(&docs, &analysis.documents);
        let mut lemmas = Lemmas::default();
        let mut lemma_of = |w: &str| {
            let &(_, form, _) = words.docs[0].iter().find(|(t, _, _)| t.text(&docs[0].text) == w).unwrap();
            lemmas.of_form(&words, form as usize)
        };
        let a = lemma_of("Missiles").unwrap();
        assert_eq!(lemma_of("missile"), Some(a));
        assert_eq!(lemma_of("MISSILES"), Some(a));
        assert_eq!(lemma_of("the"), None);
        assert_eq!(lemma_of("1990"), None);
        let cafe = lemma_of("Café");
        assert_eq!(lemmas.word(a), "missile");
        assert_eq!(cafe, lemmas.id("café"));
    }

    #[test]
    fn gives_one_form_id_to_a_word_in_any_case_across_documents() {
        let docs = [
            crate::Document::new("a", "Missiles hit Café Ünal. 🚀 The MISSILES fell."),
            crate::Document::new("b", "missiles and the café"),
        ];
        let analysis = crate::analyze(&docs, &crate::Options::default());
        let words = ClusterWords::new(&docs, &analysis.documents);
        let form_of = |d: usize, w: &str| {
            words.docs[d].iter().find(|(t, _, _)| t.text(&docs[d].text) == w).map(|&(_, f, _)| f).unwrap()
        };
        assert_eq!(form_of(0, "Missiles"), form_of(0, "MISSILES"));
        assert_eq!(form_of(0, "Missiles"), form_of(1, "missiles"));
        assert_eq!(form_of(0, "Café"), form_of(1, "café"));
        assert_eq!(words.forms.word(form_of(0, "Café")), "café");
        assert!(words.content[form_of(0, "Missiles") as usize]);
        assert!(!words.content[form_of(1, "the") as usize]);
        let content_sentences =
            analysis.documents.iter().map(|a| a.segments.content_sentences().count()).sum::<usize>();
        assert_eq!(words.sentences as usize, content_sentences);
    }

    #[test]
    fn gives_each_form_its_lemma_id_once_for_the_cluster() {
        let docs = [
            crate::Document::new("a", "Missiles hit the Café 🚀 in 2017."),
            crate::Document::new("b", "One missile, then MISSILES: café stories."),
        ];
        let analysis = crate::analyze(&docs, &crate::Options::default());
        let words = ClusterWords::new(&docs, &analysis.documents);
        let lemma_of = |d: usize, w: &str| {
            let &(_, form, _) = words.docs[d].iter().find(|(t, _, _)| t.text(&docs[d].text) == w).unwrap();
            words.form_lemma[form as usize]
        };
        let missile = lemma_of(0, "Missiles").unwrap();
        assert_eq!(lemma_of(1, "missile"), Some(missile));
        assert_eq!(lemma_of(1, "MISSILES"), Some(missile));
        assert_eq!(words.lemmas.word(missile), "missile");
        assert_eq!(lemma_of(0, "Café"), lemma_of(1, "café"));
        assert_eq!(lemma_of(1, "stories").map(|id| words.lemmas.word(id)), Some("story"));
        assert_eq!(lemma_of(0, "the"), None);
        assert_eq!(lemma_of(0, "2017"), None);
    }
}
