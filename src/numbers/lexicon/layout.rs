//! How a phrase table ([`super::Lexicon`]) is read from its text and laid out, shared with
//! `build.rs` (which includes this file and writes each table as static arrays).

/// The fields of each data line of a table file that has `N` of them (separated by " | "; blank
/// lines, `#` comments and lines of another length skipped). Within a field, alternatives are
/// separated by a bare "|".
pub fn lines<const N: usize>(table: &str) -> impl Iterator<Item = [&str; N]> {
    table.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')).filter_map(|l| {
        let mut fields = [""; N];
        let mut count = 0;
        for f in l.split(" | ") {
            *fields.get_mut(count)? = f.trim();
            count += 1;
        }
        (count == N).then_some(fields)
    })
}

/// The tokens of a phrase as the sentence tokenizer (`numbers::tokens`) cuts them: runs of
/// letters (with inner apostrophes), runs of ASCII digits, and any other character alone; white
/// space between them. (A test checks this against the tokenizer on every phrase of every table.)
pub fn phrase_words(phrase: &str) -> Vec<&str> {
    let is_letter = |c: char| c.is_alphabetic();
    let mut words = Vec::new();
    let mut chars = phrase.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        if c.is_whitespace() || c == '\u{0B}' {
            continue;
        }
        let mut end = start + c.len_utf8();
        if c.is_ascii_digit() {
            while let Some(&(i, d)) = chars.peek().filter(|(_, d)| d.is_ascii_digit()) {
                end = i + d.len_utf8();
                chars.next();
            }
        } else if is_letter(c) {
            while let Some(&(i, d)) = chars.peek() {
                let inner_apostrophe =
                    matches!(d, '\'' | '’') && phrase[i + d.len_utf8()..].chars().next().is_some_and(is_letter);
                if !(is_letter(d) || inner_apostrophe) {
                    break;
                }
                end = i + d.len_utf8();
                chars.next();
            }
        }
        words.push(&phrase[start..end]);
    }
    words
}

/// Whether a phrase's word must match in its own case: one letter ("m", "t", "g"), or spelt in
/// capitals ("TRY", not the verb "try").
pub fn is_exact(text: &str) -> bool {
    (text.chars().count() == 1 && text.chars().all(char::is_alphabetic))
        || (text.chars().any(char::is_uppercase) && !text.chars().any(char::is_lowercase))
}

/// The phrases (given by their lower-cased `keys` and their lengths in words) grouped by key, in
/// order of the keys' first appearance, longest first within a group and otherwise in the order
/// given: the phrases' indices in that order, and each key with its range in it.
pub fn grouped(keys: &[String], lens: &[u32]) -> (Vec<usize>, Vec<(String, u32, u32)>) {
    let mut groups: Vec<(String, Vec<usize>)> = Vec::new();
    for (i, key) in keys.iter().enumerate() {
        match groups.iter_mut().find(|(k, _)| k == key) {
            Some((_, members)) => members.push(i),
            None => groups.push((key.clone(), vec![i])),
        }
    }
    let (mut order, mut ranges) = (Vec::with_capacity(keys.len()), Vec::with_capacity(groups.len()));
    for (key, mut members) in groups {
        // Longest first, ties in the order given (an insertion sort: groups are short).
        for k in 1..members.len() {
            let mut m = k;
            while m > 0 && lens[members[m - 1]] < lens[members[m]] {
                members.swap(m - 1, m);
                m -= 1;
            }
        }
        let start = order.len() as u32;
        order.extend(members);
        ranges.push((key, start, order.len() as u32));
    }
    (order, ranges)
}

/// The size of a [`super::Prefixes`] in 64-bit words: a bit for each of 32 first bytes (the low
/// five bits of the lower-cased byte: the letters apart) times 128 second bytes.
pub const PREFIX_WORDS: usize = 32 * 128 / 64;

/// Where [`super::Prefixes`] keeps the first two bytes of `word`, lower-cased; `None` when they
/// are not ASCII. Bytes that share their low five bits ("p" and "0") share a bit: a set of
/// prefixes may hold a few words it was not given, never miss one.
#[inline]
pub fn prefix_index(word: &str) -> Option<usize> {
    let b = word.as_bytes();
    let first = b.first().filter(|c| c.is_ascii())?.to_ascii_lowercase() & 31;
    let second = b.get(1).map_or(Some(0), |c| c.is_ascii().then(|| c.to_ascii_lowercase()))?;
    Some(usize::from(first) * 128 + usize::from(second))
}

/// The bits of a [`super::Prefixes`] of `keys`.
pub fn prefix_bits<'k>(keys: impl Iterator<Item = &'k str>) -> [u64; PREFIX_WORDS] {
    let mut bits = [0u64; PREFIX_WORDS];
    for at in keys.filter_map(prefix_index) {
        bits[at / 64] |= 1 << (at % 64);
    }
    bits
}

/// A phrase table laid out: what [`super::Lexicon::from_parts`] takes, with the phrases' values
/// left in the caller's list (`source` indexes it).
pub struct Layout<'a> {
    /// Each word: as spelt, in lower case, whether it must match exactly.
    pub words: Vec<(&'a str, String, bool)>,
    /// The phrases with at least one word, in the order given: first word, number of words, and
    /// the index of the phrase in the list given.
    pub phrases: Vec<(u32, u32, usize)>,
    /// `phrases` grouped by first word, and each first word's range.
    pub forward: Vec<usize>,
    pub by_first: Vec<(String, u32, u32)>,
    /// `phrases` grouped by last word, and each last word's range.
    pub backward: Vec<usize>,
    pub by_last: Vec<(String, u32, u32)>,
}

/// The layout of `phrases` (their text), in the order given.
pub fn lay_out<'a>(phrases: impl Iterator<Item = &'a str>) -> Layout<'a> {
    let (mut words, mut list) = (Vec::new(), Vec::new());
    for (source, phrase) in phrases.enumerate() {
        let tokens = phrase_words(phrase);
        if tokens.is_empty() {
            continue;
        }
        list.push((words.len() as u32, tokens.len() as u32, source));
        for w in tokens {
            let lower = w.to_lowercase();
            // The matching compares ASCII tokens with ASCII words only.
            assert!(w.is_ascii() || !lower.is_ascii(), "{w} is ASCII in lower case: spell it so");
            words.push((w, lower, is_exact(w)));
        }
    }
    let lens: Vec<u32> = list.iter().map(|p| p.1).collect();
    let firsts: Vec<String> = list.iter().map(|p| words[p.0 as usize].1.clone()).collect();
    let lasts: Vec<String> = list.iter().map(|p| words[(p.0 + p.1 - 1) as usize].1.clone()).collect();
    let (forward, by_first) = grouped(&firsts, &lens);
    let (backward, by_last) = grouped(&lasts, &lens);
    Layout { words, phrases: list, forward, by_first, backward, by_last }
}

/// The words' spellings as one string, and where each word is in it (a word spelt already is
/// found where it is).
pub fn spellings(words: &[(&str, String, bool)]) -> (String, Vec<u16>) {
    let mut text = String::new();
    let at = words
        .iter()
        .map(|&(w, _, _)| {
            assert!(w.len() <= usize::from(u8::MAX), "a phrase's word is up to 255 bytes");
            let start = text.find(w).unwrap_or_else(|| {
                text.push_str(w);
                text.len() - w.len()
            });
            u16::try_from(start).expect("a table's words take up to 64 KB")
        })
        .collect();
    (text, at)
}
