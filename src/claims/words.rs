//! Words for the claims stage: a tokenizer over byte spans, a light lemma, and stop words.

use super::lexicon::lexicon;
use crate::span::{char_at, is_alphanumeric, is_ascii_alphanumeric_byte, is_general_punctuation, word_end};
use crate::{Document, DocumentAnalysis, Span};
use rustc_hash::{FxBuildHasher, FxHashMap};
use std::borrow::Cow;
use std::cell::RefCell;
use std::hash::BuildHasher;

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
            if !is_ascii_alphanumeric_byte(b) {
                continue;
            }
        } else {
            let (c, len) = char_at(s, i);
            i += len;
            if !is_alphanumeric(c) {
                continue;
            }
        }
        // Letters and digits, and apostrophes with a letter or digit after them.
        while i < bytes.len() && is_ascii_alphanumeric_byte(bytes[i]) {
            i += 1;
        }
        // A dash or closing quote after the word ends it (not a curly apostrophe: "Assad’s").
        let ends_here =
            |i: usize| bytes[i] >= 0x80 && matches!(char_at(s, i).0, c if is_general_punctuation(c) && c != '’');
        if i < bytes.len() && (bytes[i] >= 0x80 || bytes[i] == b'\'') && !ends_here(i) {
            i = word_end(s, i, char::is_alphanumeric);
        }
        each(Token { span: Span::new(span.start + start, span.start + i) });
    }
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

/// Function words and reporting words that say nothing about which event a claim is about
/// (`stopwords.txt`, laid out by `build.rs`).
static STOP_WORDS: crate::word_map::WordSet = include!(concat!(env!("OUT_DIR"), "/claims_stopwords.rs"));

/// Whether `lower` is one of the [`STOP_WORDS`].
pub fn is_stop(lower: &str) -> bool {
    STOP_WORDS.contains(lower)
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

/// Strings end to end in one buffer, each at its index (no allocation per string).
#[derive(Debug, Default, Clone)]
pub struct Strings {
    text: String,
    /// Index → end of its string in `text` (it starts where the one before ends).
    ends: Vec<u32>,
}

impl Strings {
    fn with_capacity(strings: usize) -> Strings {
        Strings { text: String::with_capacity(strings * 8), ends: Vec::with_capacity(strings) }
    }

    pub fn len(&self) -> usize {
        self.ends.len()
    }

    fn push(&mut self, s: &str) {
        self.text.push_str(s);
        self.ends.push(self.text.len() as u32);
    }

    #[inline]
    pub fn word(&self, id: u32) -> &str {
        let id = id as usize;
        let start = if id == 0 { 0 } else { self.ends[id - 1] as usize };
        &self.text[start..self.ends[id] as usize]
    }
}

/// Strings as dense `u32` ids in order of first sight, held end to end in one buffer: interning a
/// string costs a hash and a copy, not an allocation (a cluster has tens of thousands of forms).
#[derive(Debug, Default, Clone)]
pub struct Interner {
    strings: Strings,
    /// A string's hash → the last id with that hash; `next` chains the earlier ones (a collision
    /// of 64-bit hashes is rare, but must not merge two strings).
    by_hash: FxHashMap<u64, u32>,
    next: Vec<u32>,
}

const NO_ID: u32 = u32::MAX;

impl Interner {
    fn with_capacity(strings: usize) -> Interner {
        let mut interner = Interner {
            strings: Strings::with_capacity(strings),
            next: Vec::with_capacity(strings),
            ..Interner::default()
        };
        interner.by_hash.reserve(strings);
        interner
    }

    pub fn len(&self) -> usize {
        self.strings.len()
    }

    /// `strings` with an index (distinct strings: their indices are their ids).
    fn from_strings(strings: Strings) -> Interner {
        let mut interner = Interner::with_capacity(0);
        interner.by_hash.reserve(strings.len());
        for id in 0..strings.len() as u32 {
            let s = strings.word(id);
            let hash = FxBuildHasher.hash_one(s);
            interner.next.push(interner.by_hash.insert(hash, id).unwrap_or(NO_ID));
        }
        interner.strings = strings;
        interner
    }

    #[cfg(test)]
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
        match self.find(s, hash) {
            Some(id) => id,
            None => self.push_new(s, hash),
        }
    }

    /// Adds `s`, known not to be here yet, with its hash.
    fn push_new(&mut self, s: &str, hash: u64) -> u32 {
        let id = self.len() as u32;
        self.strings.push(s);
        self.next.push(self.by_hash.insert(hash, id).unwrap_or(NO_ID));
        id
    }

    #[inline]
    pub fn word(&self, id: u32) -> &str {
        self.strings.word(id)
    }
}

/// The lemmas of a cluster as dense `u32` ids, in order of first occurrence: each distinct word
/// form is lower-cased, checked against the stop words and lemmatised once, so the words of a
/// whole cluster are compared as integers. Built with the cluster's words, so it needs no index
/// by name.
#[derive(Debug, Default, Clone)]
pub struct Lemmas {
    names: Strings,
}

impl Lemmas {
    /// Room for `forms` distinct word forms (somewhat fewer lemmas).
    pub fn for_forms(forms: usize) -> Lemmas {
        Lemmas { names: Strings::with_capacity(forms * 4 / 5) }
    }

    /// The id of a lemma known not to be here yet.
    fn push_new(&mut self, lemma: &str) -> u32 {
        self.names.push(lemma);
        self.names.len() as u32 - 1
    }

    /// The lemmas with an index by name, to look up and add words by their text.
    pub fn into_interner(self) -> Interner {
        Interner::from_strings(self.names)
    }

    pub fn from_interner(names: Interner) -> Lemmas {
        Lemmas { names: names.strings }
    }

    #[inline]
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
    /// Form id → the form in lower case (ids in order of first occurrence).
    pub forms: Strings,
    /// The content sentences of the cluster, empty ones included.
    pub sentences: u32,
    /// The lemmas of the content forms, interned in form order (so in order of first occurrence),
    /// and each form's lemma id (`None` for a stop word or a number): worked out once for the
    /// claims' words and for the words' rarity.
    pub lemmas: Lemmas,
    pub form_lemma: Vec<Option<u32>>,
    /// Form id → what the claim builder asks of it at every word.
    pub roles: Vec<FormRole>,
}

/// What the claim builder asks the lexicon of a lower-case form, near each figure and at every
/// word of a cluster, worked out once per form.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct FormRole {
    /// "no" or "nobody" (a word so written in any case has this form).
    pub may_deny: bool,
    /// The lexicon has the form as a verb of opposite outcomes.
    pub opposite: bool,
    /// The outcome group the form names ("killed" → "kill").
    pub outcome: Option<&'static str>,
}

impl FormRole {
    fn of(lower: &str) -> FormRole {
        let lexicon = lexicon();
        FormRole {
            may_deny: matches!(lower, "no" | "nobody"),
            opposite: lexicon.opposite(lower).is_some(),
            outcome: lexicon.outcome(lower),
        }
    }
}

thread_local! {
    /// One cache per thread: clusters analysed on several threads do not share it.
    static FORM_CACHE: RefCell<FormCache> = RefCell::new(FormCache::new(MAX_CACHED_FORMS));
}

/// Forms the cache has room for at its start, so that its tables do not grow (and rehash) step by
/// step from empty while a run's first clusters fill them (BASIL dev has 11,282 written forms: past
/// this room the tables grow once or twice more).
const FORMS_AT_START: usize = 1 << 13;

/// Written forms the cache keeps before it starts afresh at the next cluster (a few MB; BASIL dev,
/// 70 clusters, has 11,000).
const MAX_CACHED_FORMS: usize = 1 << 16;

impl ClusterWords {
    /// Whether a form is a content word: it has a lemma (stop words and numbers have none).
    pub fn is_content(&self, form: u32) -> bool {
        self.form_lemma[form as usize].is_some()
    }

    pub fn new(docs: &[Document], analyses: &[DocumentAnalysis]) -> ClusterWords {
        FORM_CACHE.with_borrow_mut(|cache| ClusterWords::with_cache(docs, analyses, cache))
    }

    /// The cluster's words, each written form's lower case, stop-word test and lemma taken from
    /// `cache` (worked out there at its first sight in any cluster). The cluster's own ids are
    /// handed out in order of first occurrence, as they would be without the cache.
    fn with_cache(docs: &[Document], analyses: &[DocumentAnalysis], cache: &mut FormCache) -> ClusterWords {
        let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
        cache.start_cluster();
        // About one word in six bytes, and a distinct lower-case form in 24 bytes.
        let mut words = ClusterWords { forms: Strings::with_capacity(bytes / 24), ..ClusterWords::default() };
        // Cluster form id → the cache's form id.
        let mut cached_form: Vec<u32> = Vec::with_capacity(bytes / 24);
        let mut buf = String::new();
        for (doc, a) in docs.iter().zip(analyses) {
            let text = doc.text.as_str();
            let mut list = Vec::with_capacity(text.len() / 6);
            for (si, s) in a.segments.content_sentences() {
                words.sentences += 1;
                each_token(text, s.span, |t| {
                    let global = cache.form_of_written(text, t.span, &mut buf);
                    let form = match cache.cluster_form(global, &cached_form) {
                        Some(form) => form,
                        None => {
                            let form = cached_form.len() as u32;
                            cached_form.push(global);
                            cache.cluster_form[global as usize] = form;
                            words.forms.push(cache.forms.word(global));
                            form
                        }
                    };
                    list.push((t, form, si));
                });
            }
            words.docs.push(list);
        }
        // The lemmas in order of the cluster's forms.
        let mut lemmas = Lemmas::for_forms(words.forms.len());
        let mut cached_lemma: Vec<u32> = Vec::new();
        words.roles = cached_form.iter().map(|&global| cache.role_of_form[global as usize]).collect();
        words.form_lemma = cached_form
            .iter()
            .map(|&global| {
                let global = cache.lemma_of_form[global as usize]?;
                let known = cache.cluster_lemma[global as usize];
                if cached_lemma.get(known as usize) == Some(&global) {
                    return Some(known);
                }
                let id = lemmas.push_new(cache.lemmas.word(global));
                cached_lemma.push(global);
                cache.cluster_lemma[global as usize] = id;
                Some(id)
            })
            .collect();
        words.lemmas = lemmas;
        words
    }
}

/// Written word forms → ids. Most words are at most 16 bytes: those are kept as their bytes in
/// two integers and their length, in an open-addressing table, so a look-up is a few loads, a
/// multiply and three compares (a string hash, a probe and a `memcmp` call were half the cost of
/// each word of a cluster). Longer words go to a hash map.
#[derive(Debug, Default)]
struct WrittenForms {
    /// Power-of-two sized, at most three quarters full (it is read at every word: BASIL dev's
    /// 11,282 forms fit in 16,384 slots, 384 KB); an empty slot has length 0.
    short: Vec<ShortWord>,
    short_len: usize,
    long: FxHashMap<Box<str>, u32>,
}

#[derive(Debug, Clone, Copy, Default)]
struct ShortWord {
    key: [u64; 2],
    len: u32,
    id: u32,
}

impl WrittenForms {
    fn len(&self) -> usize {
        self.short_len + self.long.len()
    }

    /// A word of 1 to 16 bytes as two integers: with the length they give every byte (the
    /// loads overlap on words shorter than 16 and 8 bytes).
    #[inline]
    fn short_key(w: &[u8]) -> [u64; 2] {
        let n = w.len();
        let word = |at: usize| u64::from_le_bytes(w[at..at + 8].try_into().unwrap());
        let half = |at: usize| u32::from_le_bytes(w[at..at + 4].try_into().unwrap()) as u64;
        match n {
            8..=16 => [word(0), word(n - 8)],
            4..=7 => [half(0) | half(n - 4) << 32, 0],
            _ => [w.iter().rev().fold(0, |k, &b| k << 8 | b as u64), 0],
        }
    }

    #[inline]
    fn slot(&self, key: [u64; 2], len: usize) -> usize {
        let mixed = (key[0] ^ key[1].rotate_left(29) ^ len as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15);
        (mixed >> 32) as usize & (self.short.len() - 1)
    }

    #[cfg(test)]
    fn get(&self, w: &str) -> Option<u32> {
        match w.len() {
            0..=16 => self.get_short(w.as_bytes()),
            _ => self.long.get(w).copied(),
        }
    }

    /// The id of a word of at most 16 bytes.
    #[inline]
    fn get_short(&self, bytes: &[u8]) -> Option<u32> {
        if self.short.is_empty() {
            return None;
        }
        let key = Self::short_key(bytes);
        let mut at = self.slot(key, bytes.len());
        loop {
            let e = &self.short[at];
            if e.len == bytes.len() as u32 && e.key == key {
                return Some(e.id);
            }
            if e.len == 0 {
                return None;
            }
            at = (at + 1) & (self.short.len() - 1);
        }
    }

    /// Adds `w`, known not to be here yet.
    fn insert(&mut self, w: &str, id: u32) {
        if w.len() > 16 {
            self.long.insert(w.into(), id);
            return;
        }
        if 4 * (self.short_len + 1) > 3 * self.short.len() {
            self.grow_short(self.short_len + 1);
        }
        self.put(ShortWord { key: Self::short_key(w.as_bytes()), len: w.len() as u32, id });
        self.short_len += 1;
    }

    fn put(&mut self, word: ShortWord) {
        let mut at = self.slot(word.key, word.len as usize);
        while self.short[at].len != 0 {
            at = (at + 1) & (self.short.len() - 1);
        }
        self.short[at] = word;
    }

    /// Room for `short` short words in all.
    fn grow_short(&mut self, short: usize) {
        let size = (short * 4).div_ceil(3).next_power_of_two().max(64);
        if size <= self.short.len() {
            return;
        }
        let old = std::mem::replace(&mut self.short, vec![ShortWord::default(); size]);
        for word in old.into_iter().filter(|w| w.len != 0) {
            self.put(word);
        }
    }
}

/// What each written word form becomes, worked out once per thread rather than once per cluster:
/// the clusters of one run share most of their words ("the", "said", "killed"), and lower-casing,
/// the stop-word test and the lemma cost several times the look-up. Its ids are its own; each
/// cluster maps them to ids of its own.
#[derive(Debug)]
struct FormCache {
    /// Written forms (as in the text) → the id of their lower-case form.
    written: WrittenForms,
    /// Lower-case forms, each with its lemma's id (`None` for a stop word or a number) and role.
    forms: Interner,
    lemma_of_form: Vec<Option<u32>>,
    role_of_form: Vec<FormRole>,
    lemmas: Interner,
    /// Form id → the current cluster's id of the form, and lemma id → the cluster's id of the
    /// lemma; each is valid only when the cluster's list maps it back (a sparse set: nothing is
    /// cleared between clusters).
    cluster_form: Vec<u32>,
    cluster_lemma: Vec<u32>,
    /// Written forms kept before the cache starts afresh (between clusters only: the cluster's
    /// maps hold the cache's ids).
    max_written: usize,
}

impl FormCache {
    fn new(max_written: usize) -> FormCache {
        let mut written = WrittenForms::default();
        written.grow_short(FORMS_AT_START);
        FormCache {
            written,
            forms: Interner::with_capacity(FORMS_AT_START),
            lemma_of_form: Vec::with_capacity(FORMS_AT_START),
            role_of_form: Vec::with_capacity(FORMS_AT_START),
            lemmas: Interner::with_capacity(FORMS_AT_START),
            cluster_form: Vec::with_capacity(FORMS_AT_START),
            cluster_lemma: Vec::with_capacity(FORMS_AT_START),
            max_written,
        }
    }

    /// Starts afresh if full. (Its tables grow as forms come: a cluster's size says little of
    /// how many of its forms are new.)
    fn start_cluster(&mut self) {
        if self.written.len() > self.max_written {
            *self = FormCache::new(self.max_written);
        }
    }

    /// The id of the lower-case form of the word at `span`, worked out at its first sight.
    #[inline]
    fn form_of_written(&mut self, text: &str, span: Span, buf: &mut String) -> u32 {
        // A short word's bytes, without the char-boundary tests of slicing a `str` (a word's
        // span is on boundaries).
        let bytes = &text.as_bytes()[span.start..span.end];
        let known = match bytes.len() {
            0..=16 => self.written.get_short(bytes),
            _ => self.written.long.get(span.text(text)).copied(),
        };
        match known {
            Some(form) => form,
            None => self.add_written(span.text(text), buf),
        }
    }

    /// Works out a written form met for the first time (kept apart: most words were met before).
    #[inline(never)]
    fn add_written(&mut self, written: &str, buf: &mut String) -> u32 {
        lower_into(written, buf);
        let known = self.forms.len();
        let form = self.forms.intern(buf);
        if form as usize == known {
            let lemma = if is_content(buf) { Some(self.lemmas.intern(&lemma_of_lower(buf))) } else { None };
            self.lemma_of_form.push(lemma);
            self.role_of_form.push(FormRole::of(buf));
            self.cluster_form.push(NO_ID);
            if self.cluster_lemma.len() < self.lemmas.len() {
                self.cluster_lemma.push(NO_ID);
            }
        }
        self.written.insert(written, form);
        form
    }

    /// The current cluster's id of form `global`, if the cluster has met it (`cached_form`: the
    /// cluster's forms as the cache's ids).
    #[inline]
    fn cluster_form(&self, global: u32, cached_form: &[u32]) -> Option<u32> {
        let form = self.cluster_form[global as usize];
        (cached_form.get(form as usize) == Some(&global)).then_some(form)
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
    fn written_forms_find_each_word_of_any_length_and_no_other() {
        let mut forms = WrittenForms::default();
        let mut words: Vec<String> = Vec::new();
        for stem in ["a", "ab", "abc", "abcd", "missile", "missiles", "café", "東京", "Assad’s", "0123456789abcdefXYZ"]
        {
            for n in 1..=stem.len() {
                if stem.is_char_boundary(n) && !words.iter().any(|w| w == &stem[..n]) {
                    words.push(stem[..n].to_string());
                }
            }
        }
        // Words that differ only in their middle byte, or by one byte at either end.
        words.extend(["abcdefgXhijklmn", "abcdefgYhijklmn", "Xbcdefgh", "abcdefgX", "ab\u{1}"].map(String::from));
        for (id, w) in words.iter().enumerate() {
            assert_eq!(forms.get(w), None, "{w} before it is added");
            forms.insert(w, id as u32);
        }
        for (id, w) in words.iter().enumerate() {
            assert_eq!(forms.get(w), Some(id as u32), "{w}");
        }
        assert_eq!(forms.len(), words.len());
        assert!(["abcdefgZhijklmn", "missilez", "cafe", "京", "b", "Assad's"].iter().all(|w| forms.get(w).is_none()));
    }

    #[test]
    fn dashes_and_curly_quotes_end_words_and_curly_apostrophes_do_not() {
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
    fn lemmas_with_an_index_find_their_words_and_add_new_ones() {
        let mut lemmas = Lemmas::default();
        let (missile, cafe) = (lemmas.push_new("missile"), lemmas.push_new("café"));
        let mut names = lemmas.into_interner();
        assert_eq!((names.get("missile"), names.get("café"), names.get("東京")), (Some(missile), Some(cafe), None));
        let tokyo = names.intern("東京");
        assert_eq!((tokyo, names.intern("café")), (2, cafe));
        let lemmas = Lemmas::from_interner(names);
        assert_eq!([lemmas.word(missile), lemmas.word(cafe), lemmas.word(tokyo)], ["missile", "café", "東京"]);
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
        assert!(words.is_content(form_of(0, "Missiles")));
        assert!(!words.is_content(form_of(1, "the")));
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

    /// Everything a cluster's words hold, as strings and ids.
    fn snapshot(words: &ClusterWords) -> impl PartialEq + std::fmt::Debug {
        let forms: Vec<String> = (0..words.forms.len() as u32).map(|f| words.forms.word(f).to_string()).collect();
        let lemmas: Vec<String> = (0..words.lemmas.len() as u32).map(|l| words.lemmas.word(l).to_string()).collect();
        let roles = words.roles.clone();
        (words.docs.clone(), forms, lemmas, words.form_lemma.clone(), words.sentences, roles)
    }

    #[test]
    fn cached_forms_give_each_cluster_the_ids_a_fresh_start_gives() {
        let clusters = [
            vec![
                crate::Document::new("a", "Missiles hit the Café Ünal 🚀 in 2017; stories of MISSILES."),
                crate::Document::new("b", "The café’s owners said 59 missiles fell."),
            ],
            vec![crate::Document::new("c", "Owners of 東京 cafés counted the stories, not missiles.")],
            vec![crate::Document::new("d", "Stories: “Missiles” and cafés, owners and Ünal.")],
        ];
        let analyses: Vec<_> = clusters.iter().map(|docs| crate::analyze(docs, &crate::Options::default())).collect();
        let fresh = |i: usize| {
            let mut cache = FormCache::new(MAX_CACHED_FORMS);
            snapshot(&ClusterWords::with_cache(&clusters[i], &analyses[i].documents, &mut cache))
        };
        // One cache through every cluster, twice over; and one so small it starts afresh each time.
        for max_written in [MAX_CACHED_FORMS, 1] {
            let mut cache = FormCache::new(max_written);
            for i in [0, 1, 2, 1, 0, 2] {
                let words = ClusterWords::with_cache(&clusters[i], &analyses[i].documents, &mut cache);
                assert_eq!(snapshot(&words), fresh(i), "cluster {i}, cache of {max_written}");
                if max_written == 1 {
                    // Started afresh: it holds this cluster's written forms only.
                    let docs = &clusters[i];
                    let written: rustc_hash::FxHashSet<&str> = words
                        .docs
                        .iter()
                        .zip(docs)
                        .flat_map(|(list, d)| list.iter().map(|w| w.0.text(&d.text)))
                        .collect();
                    assert_eq!(cache.written.len(), written.len());
                }
            }
        }
    }
}
