use serde::Serialize;

/// A half-open byte range `[start, end)` into one document's text.
///
/// Both ends always fall on UTF-8 character boundaries, so `&text[span.range()]` never panics.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        debug_assert!(start <= end, "span start {start} after end {end}");
        Span { start, end }
    }

    pub fn range(self) -> std::ops::Range<usize> {
        self.start..self.end
    }

    pub fn len(self) -> usize {
        self.end - self.start
    }

    pub fn is_empty(self) -> bool {
        self.start == self.end
    }

    pub fn text(self, text: &str) -> &str {
        &text[self.range()]
    }

    pub fn contains(self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    pub fn overlaps(self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// The smallest span covering both.
    pub fn cover(self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }

    /// Shrinks the span so it neither starts nor ends with white space.
    pub fn trim(self, text: &str) -> Span {
        let s = self.text(text);
        let lead = s.len() - s.trim_start().len();
        let inner = s.trim();
        Span::new(self.start + lead, self.start + lead + inner.len())
    }
}

/// The character at byte `i` of `s` (a char boundary) and its length: ASCII without decoding.
/// The byte-wise tokenizers of the stages read text through this.
#[inline(always)]
pub(crate) fn char_at(s: &str, i: usize) -> (char, usize) {
    match s.as_bytes()[i] {
        b if b < 0x80 => (char::from(b), 1),
        _ => s[i..].chars().next().map_or(('\0', 1), |c| (c, c.len_utf8())),
    }
}

/// Curly quotes, dashes, the ellipsis: the General Punctuation block (U+2000–U+206F) holds nearly
/// every character of news text outside ASCII. None of it is a letter, a digit or upper case, so
/// the helpers below answer it on its range; `char::is_alphabetic` and its kin search the Unicode
/// tables for any character outside ASCII (~350 instructions, at every curly quote of a text).
#[inline(always)]
pub(crate) fn is_general_punctuation(c: char) -> bool {
    matches!(c, '\u{2000}'..='\u{206F}')
}

/// An ASCII letter or digit, by one table load: the tokenizers' inner loops run it on every byte,
/// where the range tests of `u8::is_ascii_alphanumeric` take several instructions.
#[inline(always)]
pub(crate) fn is_ascii_alphanumeric_byte(b: u8) -> bool {
    static TABLE: [bool; 256] = {
        let mut table = [false; 256];
        let mut b = 0;
        while b < 256 {
            table[b] = (b as u8).is_ascii_alphanumeric();
            b += 1;
        }
        table
    };
    TABLE[usize::from(b)]
}

/// `char::is_alphabetic`, without the table search for general punctuation.
#[inline(always)]
pub(crate) fn is_alphabetic(c: char) -> bool {
    !is_general_punctuation(c) && c.is_alphabetic()
}

/// `char::is_alphanumeric`, without the table search for general punctuation.
#[inline(always)]
pub(crate) fn is_alphanumeric(c: char) -> bool {
    !is_general_punctuation(c) && c.is_alphanumeric()
}

/// `char::is_uppercase`, without the table search for general punctuation.
#[inline(always)]
pub(crate) fn is_uppercase(c: char) -> bool {
    !is_general_punctuation(c) && c.is_uppercase()
}

/// The end of the run of ASCII digits that starts at byte `i` of `s`.
#[inline(always)]
pub(crate) fn digits_end(s: &str, i: usize) -> usize {
    i + s.as_bytes()[i..].iter().take_while(|b| b.is_ascii_digit()).count()
}

/// Eight bytes at a time: the high bit of each byte of `x` (little-endian) set when it is an
/// ASCII letter, and no other bit. Each test adds a constant to the low seven bits of every byte
/// at once (no carry crosses a byte) and reads bit 7.
#[inline(always)]
fn ascii_letter_bytes(x: u64) -> u64 {
    const EACH: u64 = u64::from_le_bytes([1; 8]);
    const HIGH: u64 = EACH * 0x80;
    // At least `n` (n ≤ 0x80): the low seven bits plus 0x80 - n reach bit 7.
    let at_least = |v: u64, n: u8| (v & !HIGH) + EACH * u64::from(0x80 - n);
    // Upper case to lower case; no other byte lands on a lower-case letter.
    let folded = x | (EACH * 0x20);
    // Bytes from 0x80 up are no letters, whatever their low bits.
    at_least(folded, b'a') & !at_least(folded, b'z' + 1) & !x & HIGH
}

/// The end of the run of ASCII letters from byte `i`: eight bytes a step while eight remain, then
/// byte by byte. Words of news text are short: most end inside their first step (a byte loop was
/// ~6 instructions a letter). The attributions tokenizer's run of letters and digits stays a
/// table look-up a byte: the same steps there measured slower.
#[inline(always)]
pub(crate) fn ascii_letters_end(bytes: &[u8], mut i: usize) -> usize {
    while let Some(chunk) = bytes.get(i..i + 8) {
        let others = !ascii_letter_bytes(u64::from_le_bytes(chunk.try_into().expect("eight bytes")))
            & u64::from_le_bytes([0x80; 8]);
        if others != 0 {
            return i + others.trailing_zeros() as usize / 8;
        }
        i += 8;
    }
    i + bytes[i..].iter().take_while(|b| b.is_ascii_alphabetic()).count()
}

/// The end of the word that starts with a letter at byte `i` of `s`: letters, and apostrophes
/// (' or ’) with a letter after them ("o'clock", "year's"). The numbers and dates tokenizers share it.
#[inline(always)]
pub(crate) fn letters_end(s: &str, i: usize) -> usize {
    // Most words are ASCII letters to their end: a byte test each, then the general rules from
    // the first byte that is not one (an apostrophe or a non-ASCII letter may go on).
    let bytes = s.as_bytes();
    let end = ascii_letters_end(bytes, i + char_at(s, i).1);
    match bytes.get(end) {
        Some(&b) if b >= 0x80 || b == b'\'' => word_end(s, end, is_alphabetic),
        _ => end,
    }
}

/// The end of the run, from byte `i` of `s`, of characters `is_word` accepts and of apostrophes
/// (' or ’) with such a character after them. ASCII is decided on the byte, without decoding.
#[inline]
pub(crate) fn word_end(s: &str, i: usize, is_word: impl Fn(char) -> bool) -> usize {
    let bytes = s.as_bytes();
    let mut end = i;
    while end < bytes.len() {
        let b = bytes[end];
        if b < 0x80 && b != b'\'' {
            if !is_word(char::from(b)) {
                break;
            }
            end += 1;
            continue;
        }
        let (d, dlen) = char_at(s, end);
        let inner_apostrophe = matches!(d, '\'' | '’') && s[end + dlen..].chars().next().is_some_and(&is_word);
        if !(is_word(d) || inner_apostrophe) {
            break;
        }
        end += dlen;
    }
    end
}

/// `a` and `b` are the same bytes ignoring ASCII case: lengths first, then byte by byte, inline
/// (`str::eq_ignore_ascii_case` is a call, and the stages ask at nearly every token).
#[inline(always)]
pub(crate) fn same_ignoring_ascii_case(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).all(|(x, y)| x.eq_ignore_ascii_case(y))
}

/// `a` and `b` are the same bytes: lengths, then byte by byte, inline (`==` on slices calls
/// `memcmp`, and the grammars compare a token with a word at nearly every step).
#[inline(always)]
pub(crate) fn same_bytes(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).all(|(x, y)| x == y)
}

/// Shapes of words: length (up to 15), first and last byte, each byte taken by its low five bits,
/// so ASCII case does not change a shape.
const SHAPES: usize = 16 * 32 * 32;

#[inline(always)]
fn shape(first: u8, last: u8, len: usize) -> usize {
    len.min(15) << 10 | usize::from(first & 31) << 5 | usize::from(last & 31)
}

/// A table of words, for the look-ups made at every word of a text (date words, reporting verbs,
/// recogniser starts). Its keys are kept in buckets by shape: a word whose shape no key has (about
/// three words of news text in four for the reporting verbs and titles, half for the date words)
/// is answered after one load, and any other is compared with the few keys of its shape; no
/// hashing. A head index of 16,384 `u16` (32 KB) per table, built at run time.
pub(crate) struct WordTable<V> {
    /// For each shape, 1 + the index in `keys` of the last key of that shape (0: none), so a word
    /// of a shape no key has is answered on one load.
    heads: Box<[u16]>,
    /// Each key, its value, and 1 + the index of the key of the same shape before it (0: none).
    keys: Box<[(&'static str, V, u16)]>,
}

impl<V> WordTable<V> {
    /// The table of `pairs`, whose keys are distinct and not empty. One pass, no sort: the table
    /// is built when a stage first runs.
    pub(crate) fn new(pairs: impl IntoIterator<Item = (&'static str, V)>) -> Self {
        let mut heads = vec![0u16; SHAPES];
        let keys: Vec<(&'static str, V, u16)> = pairs
            .into_iter()
            .enumerate()
            .map(|(i, (k, v))| {
                let b = k.as_bytes();
                assert!(
                    !b.is_empty() && i < usize::from(u16::MAX),
                    "a word table holds up to 65,534 words, none empty"
                );
                let head = &mut heads[shape(b[0], b[b.len() - 1], b.len())];
                let before = *head;
                *head = i as u16 + 1;
                (k, v, before)
            })
            .collect();
        WordTable { heads: heads.into_boxed_slice(), keys: keys.into_boxed_slice() }
    }

    /// The value of the first key of `word`'s shape that `same` accepts.
    #[inline(always)]
    fn find(&self, b: &[u8], same: impl Fn(&[u8]) -> bool) -> Option<&V> {
        let (&first, &last) = (b.first()?, b.last()?);
        let mut next = self.heads[shape(first, last, b.len())];
        while next != 0 {
            let (key, value, before) = &self.keys[usize::from(next) - 1];
            if same(key.as_bytes()) {
                return Some(value);
            }
            next = *before;
        }
        None
    }

    /// The value of `word`, written exactly as the key. A word can be given as bytes: the
    /// stages look up tokens in their text's bytes, with no slicing of a `str` (which checks
    /// that both ends fall on character boundaries).
    #[inline]
    pub(crate) fn get(&self, word: &(impl AsRef<[u8]> + ?Sized)) -> Option<&V> {
        let word = word.as_ref();
        self.find(word, |key| same_bytes(key, word))
    }

    /// The value of `word` in any ASCII case (of a key that is `word` in any ASCII case).
    #[inline]
    pub(crate) fn get_ignore_ascii_case(&self, word: &(impl AsRef<[u8]> + ?Sized)) -> Option<&V> {
        let word = word.as_ref();
        self.find(word, |key| same_ignoring_ascii_case(key, word))
    }

    /// Every key and its value.
    #[cfg(test)]
    pub(crate) fn iter(&self) -> impl Iterator<Item = (&'static str, &V)> {
        self.keys.iter().map(|(k, v, _)| (*k, v))
    }
}

/// The next position of any of four bytes in a text read from left to right: two vectorised
/// searches (`memchr3` for three of them, `memchr` for the fourth), each kept until the reader
/// passes it. For scans that stop only at a few kinds of byte (quotation marks, sentence ends).
pub(crate) struct NextOfFour<'a> {
    hay: &'a [u8],
    three: [u8; 3],
    fourth: u8,
    /// The first of `three` at or after the last place searched from (`usize::MAX`: none).
    next_three: usize,
    next_fourth: usize,
}

impl<'a> NextOfFour<'a> {
    pub(crate) fn new(hay: &'a [u8], three: [u8; 3], fourth: u8) -> Self {
        let [a, b, c] = three;
        let next_three = memchr::memchr3(a, b, c, hay).unwrap_or(usize::MAX);
        let next_fourth = memchr::memchr(fourth, hay).unwrap_or(usize::MAX);
        NextOfFour { hay, three, fourth, next_three, next_fourth }
    }

    /// The first position at or after `i` holding one of the bytes. `i` must not decrease from
    /// one call to the next.
    pub(crate) fn from(&mut self, i: usize) -> Option<usize> {
        let rest = self.hay.get(i..).unwrap_or(&[]);
        if self.next_three < i {
            let [a, b, c] = self.three;
            self.next_three = memchr::memchr3(a, b, c, rest).map_or(usize::MAX, |p| i + p);
        }
        if self.next_fourth < i {
            self.next_fourth = memchr::memchr(self.fourth, rest).map_or(usize::MAX, |p| i + p);
        }
        Some(self.next_three.min(self.next_fourth)).filter(|&p| p != usize::MAX)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_each_next_of_four_bytes_as_a_byte_loop_does() {
        let text = "“Yes,” he said. It's 5 o’clock… «Oui» — ok? Fine!".as_bytes();
        let wanted = |b: u8| matches!(b, b'"' | b'\'' | 0xE2 | 0xC2);
        for step in 1..4 {
            let mut search = NextOfFour::new(text, [b'"', b'\'', 0xE2], 0xC2);
            let mut i = 0;
            while i <= text.len() {
                let expected = text[i..].iter().position(|&b| wanted(b)).map(|p| i + p);
                assert_eq!(search.from(i), expected, "from {i}");
                i = expected.map_or(text.len() + 1, |p| p + step);
            }
        }
    }

    #[test]
    fn word_table_answers_as_a_hash_map_for_keys_and_other_words_in_any_case() {
        let keys = ["said", "told", "ministry", "½", "o’clock", "café", "東京", "-", "a-week", "sad", "sold", "a"];
        let table = WordTable::new(keys.iter().enumerate().map(|(i, &k)| (k, i)));
        let map: std::collections::HashMap<&str, usize> = keys.iter().enumerate().map(|(i, &k)| (k, i)).collect();
        let others = ["the", "officials", "of", "5", "Zürich", "🚀", "", "internationally-minded", "A", "Sad", "só"];
        for w in keys.iter().chain(&others) {
            let first = w.chars().next().map_or(0, char::len_utf8);
            let capitalised = format!("{}{}", w[..first].to_ascii_uppercase(), &w[first..]);
            for form in [w.to_string(), w.to_ascii_uppercase(), capitalised] {
                assert_eq!(table.get(&form), map.get(form.as_str()), "{form}");
                let lower = form.to_ascii_lowercase();
                assert_eq!(table.get_ignore_ascii_case(&form), map.get(lower.as_str()), "{form}");
            }
        }
    }

    #[test]
    fn ends_ascii_letter_runs_as_a_byte_loop_does_for_every_byte_at_every_place() {
        let byte_loop = |bytes: &[u8], i: usize| i + bytes[i..].iter().take_while(|b| b.is_ascii_alphabetic()).count();
        for b in 0..=255u8 {
            for at in 0..20 {
                let mut bytes = b"abcdefghijklmnopqrsTUVWXYZ09".to_vec();
                bytes.insert(at, b);
                for i in 0..bytes.len() {
                    assert_eq!(ascii_letters_end(&bytes, i), byte_loop(&bytes, i), "{b:#x} at {at} from {i}");
                }
            }
        }
    }

    #[test]
    fn answers_as_the_unicode_tables_for_every_character() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            assert_eq!(is_alphabetic(c), c.is_alphabetic(), "{c:?}");
            assert_eq!(is_alphanumeric(c), c.is_alphanumeric(), "{c:?}");
            assert_eq!(is_uppercase(c), c.is_uppercase(), "{c:?}");
        }
        assert!(('\u{2000}'..='\u{206f}').all(|c| is_general_punctuation(c) && !c.is_alphanumeric()));
        assert!(
            !is_general_punctuation('\u{1fff}') && !is_general_punctuation('\u{2070}') && !is_general_punctuation('é')
        );
    }

    #[test]
    fn word_bytes_are_the_ascii_letters_and_digits() {
        assert!((0..=255u8).all(|b| is_ascii_alphanumeric_byte(b) == b.is_ascii_alphanumeric()));
    }

    #[test]
    fn ends_a_word_of_letters_after_inner_apostrophes_and_accents_but_not_a_trailing_mark() {
        fn word(s: &str) -> &str {
            &s[..letters_end(s, 0)]
        }
        assert_eq!(word("o'clock, then"), "o'clock");
        assert_eq!(word("don’t stop"), "don’t");
        assert_eq!(word("Côte d'Ivoire"), "Côte");
        assert_eq!(word("東京タワー 5"), "東京タワー");
        assert_eq!(word("years' worth"), "years");
        assert_eq!(word("Año😀"), "Año");
        assert_eq!(word("pm"), "pm");
        assert_eq!(word("km2"), "km");
    }
}
