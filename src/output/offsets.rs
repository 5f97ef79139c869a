//! Byte offsets to the consumer's unit, in one walk over the text.
//!
//! Converting each offset by counting from the start of the text would be quadratic; instead the
//! offsets a document needs are marked in a bit set, which gives them in order, and the text is
//! walked once.

use serde::{Deserialize, Serialize};

/// The unit of every `start`/`end` in an output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum OffsetUnit {
    /// Unicode code points (Python string indices): the CLI's default.
    #[default]
    Chars,
    /// UTF-16 code units (JavaScript string indices): what the browser uses.
    Utf16,
    /// UTF-8 bytes: the core's own unit.
    Bytes,
}

impl std::str::FromStr for OffsetUnit {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s {
            "chars" => Ok(OffsetUnit::Chars),
            "utf16" => Ok(OffsetUnit::Utf16),
            "bytes" => Ok(OffsetUnit::Bytes),
            _ => Err(format!("unknown offset unit {s:?}: use chars, utf16 or bytes")),
        }
    }
}

/// Byte offset → offset in a unit, for a fixed set of byte offsets of one text.
#[derive(Debug, Clone)]
pub struct OffsetMap {
    unit: OffsetUnit,
    /// Bit `b % 64` of word `b / 64` set: byte offset `b` was prepared.
    prepared: Vec<u64>,
    /// Per word of `prepared`: the prepared offsets below it, so an offset's place in `converted`
    /// is that count plus the set bits below its own in its word (no search).
    before: Vec<u32>,
    /// The converted offsets, in order of byte offset.
    converted: Vec<usize>,
}

impl OffsetMap {
    /// Prepares the conversion of `offsets` (byte offsets on character boundaries of `text`).
    pub fn new(text: &str, unit: OffsetUnit, offsets: impl IntoIterator<Item = usize>) -> Self {
        let mut marks = OffsetMarks::new(text, unit);
        offsets.into_iter().for_each(|o| marks.mark(o));
        marks.finish()
    }

    /// The converted offset of byte offset `byte`, which must be one passed to [`OffsetMap::new`].
    pub fn get(&self, byte: usize) -> usize {
        if self.unit == OffsetUnit::Bytes {
            return byte;
        }
        let (k, bit) = (byte / 64, byte % 64);
        match self.prepared.get(k) {
            Some(&word) if word >> bit & 1 == 1 => {
                self.converted[self.before[k] as usize + (word & ((1 << bit) - 1)).count_ones() as usize]
            }
            _ => panic!("byte offset {byte} was not prepared for conversion"),
        }
    }
}

/// The byte offsets of one text an [`OffsetMap`] will convert, marked one by one in any order,
/// repeats included: a bit per byte of the text, where a list of them would be sorted and
/// deduplicated (the findings of a big cluster name the same claims' offsets again and again).
#[derive(Debug)]
pub struct OffsetMarks<'t> {
    text: &'t str,
    unit: OffsetUnit,
    /// Bit `b % 64` of word `b / 64` set: byte offset `b` is wanted.
    marked: Vec<u64>,
}

impl<'t> OffsetMarks<'t> {
    pub fn new(text: &'t str, unit: OffsetUnit) -> Self {
        // Bytes need no conversion, so no marks.
        let words = if unit == OffsetUnit::Bytes { 0 } else { text.len() / 64 + 1 };
        OffsetMarks { text, unit, marked: vec![0; words] }
    }

    /// Marks byte offset `byte` (one past the text's end is not converted).
    pub fn mark(&mut self, byte: usize) {
        if byte <= self.text.len() {
            if let Some(word) = self.marked.get_mut(byte / 64) {
                *word |= 1 << (byte % 64);
            }
        }
    }

    /// Converts the marked offsets in one walk over the text: between consecutive offsets, count
    /// the bytes that begin a character (and, for UTF-16, those that begin a four-byte one: two
    /// code units), with no decoding.
    pub fn finish(self) -> OffsetMap {
        let OffsetMarks { text, unit, marked } = self;
        let bytes = text.as_bytes();
        let mut before = Vec::with_capacity(marked.len());
        let mut converted = Vec::new();
        let (mut previous, mut at) = (0, 0);
        for (k, &word) in marked.iter().enumerate() {
            before.push(converted.len() as u32);
            let mut rest = word;
            while rest != 0 {
                let w = k * 64 + rest.trailing_zeros() as usize;
                rest &= rest - 1;
                debug_assert!(text.is_char_boundary(w), "offset {w} is not on a character boundary");
                let between = &bytes[previous..w];
                at += between.len() - count_bytes(between, continuation_bytes);
                if unit == OffsetUnit::Utf16 {
                    at += count_bytes(between, four_byte_leads);
                }
                converted.push(at);
                previous = w;
            }
        }
        OffsetMap { unit, prepared: marked, before, converted }
    }
}

/// The bytes of `bytes` that `mark` marks, eight at a time: `mark` takes eight bytes as a `u64`
/// and sets the high bit of each byte it counts, and no other bit. (A byte loop was ~6
/// instructions a byte, over every byte of every document with findings.)
#[inline(always)]
fn count_bytes(bytes: &[u8], mark: impl Fn(u64) -> u64) -> usize {
    const LOW_BITS: u64 = u64::from_ne_bytes([1; 8]);
    let mut chunks = bytes.chunks_exact(8);
    let mut count = 0;
    for chunk in &mut chunks {
        let marks = mark(u64::from_ne_bytes(chunk.try_into().expect("eight bytes"))) >> 7;
        // One bit per byte at its bottom: the multiplication adds the eight bytes into the top one.
        count += (marks.wrapping_mul(LOW_BITS) >> 56) as usize;
    }
    let rest = chunks.remainder();
    count + rest.iter().filter(|&&b| mark(u64::from(b)) & 0x80 != 0).count()
}

const HIGH_BITS: u64 = u64::from_ne_bytes([0x80; 8]);

/// Bytes inside a UTF-8 sequence, after its first byte (`10xxxxxx`).
#[inline(always)]
fn continuation_bytes(x: u64) -> u64 {
    x & !(x << 1) & HIGH_BITS
}

/// First bytes of four-byte sequences (`11110xxx`; `11111xxx` is no UTF-8).
#[inline(always)]
fn four_byte_leads(x: u64) -> u64 {
    x & (x << 1) & (x << 2) & (x << 3) & HIGH_BITS
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn converts_to_code_points_and_utf16_through_emoji_accents_and_cjk() {
        let t = "é👍🏽 東京 “59”";
        let at = |needle: &str| t.find(needle).unwrap();
        let offs = [0, at("東"), at("“"), at("59"), t.len()];
        let chars = OffsetMap::new(t, OffsetUnit::Chars, offs);
        let utf16 = OffsetMap::new(t, OffsetUnit::Utf16, offs);
        for &o in &offs {
            assert_eq!(chars.get(o), t[..o].chars().count());
            assert_eq!(utf16.get(o), t[..o].encode_utf16().count());
        }
        assert_eq!(OffsetMap::new(t, OffsetUnit::Bytes, offs).get(at("59")), at("59"));
    }

    #[test]
    fn marks_in_any_order_with_repeats_convert_as_counting_characters_does() {
        // 128 bytes: the last offset is the first bit of a third word of marks.
        let t = format!("{}é{}", "a".repeat(63), "東".repeat(21));
        assert_eq!(t.len(), 128);
        let offs: Vec<usize> = (0..=t.len()).rev().filter(|&o| t.is_char_boundary(o) && o % 3 != 1).collect();
        for unit in [OffsetUnit::Chars, OffsetUnit::Utf16] {
            let mut marks = OffsetMarks::new(&t, unit);
            offs.iter().chain(&offs).for_each(|&o| marks.mark(o));
            marks.mark(t.len() + 1);
            let map = marks.finish();
            for &o in &offs {
                assert_eq!(map.get(o), t[..o].chars().count(), "{o}");
            }
            let past_end = std::panic::catch_unwind(|| map.get(t.len() + 1));
            assert!(past_end.is_err(), "an offset past the end is not converted");
            let unmarked = std::panic::catch_unwind(|| map.get(1));
            assert!(unmarked.is_err(), "an offset never marked is not converted");
        }
    }

    #[test]
    fn converts_every_offset_of_mixed_text_as_counting_characters_does() {
        // Runs longer and shorter than eight bytes, each kind of character at each place in a run.
        let t = "ab é 東京 👍🏽 “x” — ünïcödé, 😀😀 and plain ASCII long enough to fill words. 𝄞z\u{10FFFF}";
        let offs: Vec<usize> = (0..=t.len()).filter(|&o| t.is_char_boundary(o)).collect();
        for step in 1..10 {
            let some: Vec<usize> = offs.iter().copied().step_by(step).collect();
            let chars = OffsetMap::new(t, OffsetUnit::Chars, some.iter().copied());
            let utf16 = OffsetMap::new(t, OffsetUnit::Utf16, some.iter().copied());
            for &o in &some {
                assert_eq!(chars.get(o), t[..o].chars().count(), "{o}");
                assert_eq!(utf16.get(o), t[..o].encode_utf16().count(), "{o}");
            }
        }
    }
}
