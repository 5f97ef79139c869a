//! The hash and slot layout of a [`WordMap`](super::WordMap), shared with `build.rs` (which
//! includes this file): the build places the keys with these functions and the program finds them
//! with the same ones, on every target (fixed-width arithmetic, so wasm32 and a 64-bit host agree).

/// An Fx-style multiplicative hash of `key`, eight bytes at a time (little-endian), in 64-bit
/// arithmetic, which wasm32 has too.
#[inline]
pub fn hash(key: &[u8]) -> u32 {
    const K: u64 = 0xf135_7aea_2e62_a9c5;
    let mix = |h: u64, chunk: u64| (h.rotate_left(26) ^ chunk).wrapping_mul(K);
    let mut chunks = key.chunks_exact(8);
    let mut h = key.len() as u64;
    for c in &mut chunks {
        h = mix(h, u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]));
    }
    let rest = chunks.remainder();
    if !rest.is_empty() {
        // Byte by byte: a copy into a buffer would call `memcpy` for most words.
        let last = rest.iter().rev().fold(0u64, |v, &b| v << 8 | u64::from(b));
        h = mix(h, last);
    }
    (h >> 32) as u32
}

/// The first slot to probe for a key of hash `h` in a table of `1 << (32 - shift)` slots: the
/// high bits, which the multiplication mixes best.
#[inline]
pub fn first_slot(h: u32, shift: u32) -> usize {
    (h >> shift) as usize
}

/// The slots of a table of `keys` (distinct): a power of two at least twice their number, each
/// 0 (empty) or 1 + the index of the key placed there; a key goes to the first empty slot from
/// [`first_slot`] on (linear probing, wrapping).
#[cfg_attr(not(test), allow(dead_code))]
pub fn slots(keys: &[&str]) -> Vec<u16> {
    assert!(keys.len() < usize::from(u16::MAX), "a word map holds up to 65,534 keys");
    let len = (keys.len() * 2).next_power_of_two().max(2);
    let shift = 32 - len.trailing_zeros();
    let mut slots = vec![0u16; len];
    for (i, key) in keys.iter().enumerate() {
        let mut at = first_slot(hash(key.as_bytes()), shift);
        while slots[at] != 0 {
            at = (at + 1) & (len - 1);
        }
        slots[at] = i as u16 + 1;
    }
    slots
}

/// Where each of `keys` ends in their concatenation (the keys of a table are stored as one string).
#[cfg_attr(not(test), allow(dead_code))]
pub fn ends(keys: &[&str]) -> Vec<u16> {
    keys.iter()
        .scan(0usize, |end, k| {
            *end += k.len();
            Some(u16::try_from(*end).expect("a word map's keys take up to 64 KB"))
        })
        .collect()
}
