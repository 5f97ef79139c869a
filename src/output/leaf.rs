//! The leaves of the output's JSON (numbers, strings, `null`, the enums' names), written byte for
//! byte as serde_json writes them, without serde_json: its serialiser was the last of it in the
//! page's wasm (BENCHMARKS.md, "Size (session 6)"). Numbers go through the crates serde_json itself
//! uses (`itoa`, `zmij`), so they read the same.

use serde::ser::{self, Impossible, Serialize};
use std::fmt;

/// A value of the output, written as JSON.
pub trait Leaf {
    fn write(&self, w: &mut Vec<u8>);
}

impl Leaf for usize {
    fn write(&self, w: &mut Vec<u8>) {
        w.extend_from_slice(itoa::Buffer::new().format(*self).as_bytes());
    }
}

impl Leaf for bool {
    fn write(&self, w: &mut Vec<u8>) {
        w.extend_from_slice(if *self { b"true" } else { b"false" });
    }
}

impl Leaf for f64 {
    /// Shortest digits that read back as the value ("27.0", "1e-7"); `null` for NaN and infinities.
    fn write(&self, w: &mut Vec<u8>) {
        if self.is_finite() {
            w.extend_from_slice(zmij::Buffer::new().format_finite(*self).as_bytes());
        } else {
            w.extend_from_slice(b"null");
        }
    }
}

impl Leaf for str {
    fn write(&self, w: &mut Vec<u8>) {
        write_str(w, self);
    }
}

impl Leaf for String {
    fn write(&self, w: &mut Vec<u8>) {
        write_str(w, self);
    }
}

impl<T: Leaf + ?Sized> Leaf for &T {
    fn write(&self, w: &mut Vec<u8>) {
        (**self).write(w);
    }
}

impl<T: Leaf> Leaf for Option<T> {
    fn write(&self, w: &mut Vec<u8>) {
        match self {
            Some(v) => v.write(w),
            None => w.extend_from_slice(b"null"),
        }
    }
}

/// A list of indices (a source's statements).
impl<T: Leaf> Leaf for Vec<T> {
    fn write(&self, w: &mut Vec<u8>) {
        w.push(b'[');
        for (i, x) in self.iter().enumerate() {
            if i > 0 {
                w.push(b',');
            }
            x.write(w);
        }
        w.push(b']');
    }
}

/// A quantity's value: untagged, a number or a string.
impl Leaf for crate::numbers::Value {
    fn write(&self, w: &mut Vec<u8>) {
        match self {
            crate::numbers::Value::Number(n) => n.write(w),
            crate::numbers::Value::Text(s) => s.write(w),
        }
    }
}

/// The cluster's `id`, any JSON value (objects with their keys sorted, as serde_json keeps them).
impl Leaf for serde_json::Value {
    fn write(&self, w: &mut Vec<u8>) {
        use serde_json::Value;
        match self {
            Value::Null => w.extend_from_slice(b"null"),
            Value::Bool(b) => b.write(w),
            Value::Number(n) => {
                if let Some(u) = n.as_u64() {
                    w.extend_from_slice(itoa::Buffer::new().format(u).as_bytes());
                } else if let Some(i) = n.as_i64() {
                    w.extend_from_slice(itoa::Buffer::new().format(i).as_bytes());
                } else {
                    n.as_f64().write(w);
                }
            }
            Value::String(s) => s.write(w),
            Value::Array(items) => items.write(w),
            Value::Object(map) => {
                w.push(b'{');
                for (i, (k, v)) in map.iter().enumerate() {
                    if i > 0 {
                        w.push(b',');
                    }
                    k.write(w);
                    w.push(b':');
                    v.write(w);
                }
                w.push(b'}');
            }
        }
    }
}

/// The output's enums (`kind`, `bound`, `source_kind`, `offsets`): their serde names, as strings.
macro_rules! leaf_by_serde_name {
    ($($t:ty),*) => {$(
        impl Leaf for $t {
            /// A variant's name is a Rust name: quoted as it is, with nothing to escape.
            fn write(&self, w: &mut Vec<u8>) {
                w.push(b'"');
                w.extend_from_slice(variant_name(self).as_bytes());
                w.push(b'"');
            }
        }
    )*};
}
leaf_by_serde_name!(
    crate::numbers::Kind,
    crate::numbers::Bound,
    crate::attributions::SourceKind,
    crate::claims::ContradictionKind,
    super::OffsetUnit
);

/// `s` as a JSON string, as serde_json writes it: quoted as it is when no byte needs escaping
/// (most text, checked eight bytes at a time), else escaped.
pub fn write_str(w: &mut Vec<u8>, s: &str) {
    w.reserve(s.len() + 2);
    w.push(b'"');
    if needs_escape(s.as_bytes()) {
        write_escaped(w, s);
    } else {
        w.extend_from_slice(s.as_bytes());
    }
    w.push(b'"');
}

/// serde_json's escapes: `\"`, `\\`, `\b \f \n \r \t`, and `\u00XX` (lower-case hex) for the other
/// control characters; everything else (DEL and non-ASCII too) as it is.
fn write_escaped(w: &mut Vec<u8>, s: &str) {
    let bytes = s.as_bytes();
    let mut from = 0;
    for (i, &b) in bytes.iter().enumerate() {
        let short = match b {
            b'"' => b'"',
            b'\\' => b'\\',
            0x08 => b'b',
            0x0c => b'f',
            b'\n' => b'n',
            b'\r' => b'r',
            b'\t' => b't',
            0x00..=0x1f => b'u',
            _ => continue,
        };
        w.extend_from_slice(&bytes[from..i]);
        from = i + 1;
        if short == b'u' {
            push_u_escape(w, u16::from(b));
        } else {
            w.extend_from_slice(&[b'\\', short]);
        }
    }
    w.extend_from_slice(&bytes[from..]);
}

/// `\\uXXXX` (lower-case hex, as serde_json writes it) for one UTF-16 code unit.
pub(crate) fn push_u_escape(w: &mut Vec<u8>, unit: u16) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let hex = |shift: u16| HEX[usize::from(unit >> shift & 15)];
    w.extend_from_slice(&[b'\\', b'u', hex(12), hex(8), hex(4), hex(0)]);
}

/// Whether `bytes` hold one that JSON escapes: a control character (below 0x20), `"` or `\`.
pub fn needs_escape(bytes: &[u8]) -> bool {
    const ONES: u64 = u64::from_ne_bytes([1; 8]);
    const HIGH: u64 = ONES << 7;
    // Some byte of `x` is below `n` (n ≤ 128): the classic "hasless" bit trick, exact as a whole.
    let has_less = |x: u64, n: u8| x.wrapping_sub(ONES * n as u64) & !x & HIGH != 0;
    let has = |x: u64, b: u8| has_less(x ^ (ONES * b as u64), 1);
    let chunks = bytes.chunks_exact(8);
    let rest = chunks.remainder();
    chunks
        .map(|c| u64::from_ne_bytes(c.try_into().expect("eight bytes")))
        .any(|x| has_less(x, 0x20) || has(x, b'"') || has(x, b'\\'))
        || rest.iter().any(|&b| b < 0x20 || b == b'"' || b == b'\\')
}

/// The name serde gives a unit variant (after `rename_all`), read from the derived `Serialize`
/// through a serializer that only accepts unit variants: the enums keep one definition of their
/// JSON names.
fn variant_name(value: &impl Serialize) -> &'static str {
    value.serialize(VariantName).unwrap_or("")
}

struct VariantName;

#[derive(Debug)]
struct NotAUnitVariant;

impl fmt::Display for NotAUnitVariant {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("not a unit variant")
    }
}

impl std::error::Error for NotAUnitVariant {}

impl ser::Error for NotAUnitVariant {
    fn custom<T: fmt::Display>(_: T) -> Self {
        NotAUnitVariant
    }
}

type Refused = Result<&'static str, NotAUnitVariant>;
type Never = Impossible<&'static str, NotAUnitVariant>;

impl ser::Serializer for VariantName {
    type Ok = &'static str;
    type Error = NotAUnitVariant;
    type SerializeSeq = Never;
    type SerializeTuple = Never;
    type SerializeTupleStruct = Never;
    type SerializeTupleVariant = Never;
    type SerializeMap = Never;
    type SerializeStruct = Never;
    type SerializeStructVariant = Never;

    fn serialize_unit_variant(self, _: &'static str, _: u32, variant: &'static str) -> Refused {
        Ok(variant)
    }

    fn serialize_bool(self, _: bool) -> Refused {
        Err(NotAUnitVariant)
    }
    fn serialize_i8(self, _: i8) -> Refused {
        Err(NotAUnitVariant)
    }
    fn serialize_i16(self, _: i16) -> Refused {
        Err(NotAUnitVariant)
    }
    fn serialize_i32(self, _: i32) -> Refused {
        Err(NotAUnitVariant)
    }
    fn serialize_i64(self, _: i64) -> Refused {
        Err(NotAUnitVariant)
    }
    fn serialize_u8(self, _: u8) -> Refused {
        Err(NotAUnitVariant)
    }
    fn serialize_u16(self, _: u16) -> Refused {
        Err(NotAUnitVariant)
    }
    fn serialize_u32(self, _: u32) -> Refused {
        Err(NotAUnitVariant)
    }
    fn serialize_u64(self, _: u64) -> Refused {
        Err(NotAUnitVariant)
    }
    fn serialize_f32(self, _: f32) -> Refused {
        Err(NotAUnitVariant)
    }
    fn serialize_f64(self, _: f64) -> Refused {
        Err(NotAUnitVariant)
    }
    fn serialize_char(self, _: char) -> Refused {
        Err(NotAUnitVariant)
    }
    fn serialize_str(self, _: &str) -> Refused {
        Err(NotAUnitVariant)
    }
    fn serialize_bytes(self, _: &[u8]) -> Refused {
        Err(NotAUnitVariant)
    }
    fn serialize_none(self) -> Refused {
        Err(NotAUnitVariant)
    }
    fn serialize_some<T: ?Sized + Serialize>(self, _: &T) -> Refused {
        Err(NotAUnitVariant)
    }
    fn serialize_unit(self) -> Refused {
        Err(NotAUnitVariant)
    }
    fn serialize_unit_struct(self, _: &'static str) -> Refused {
        Err(NotAUnitVariant)
    }
    fn serialize_newtype_struct<T: ?Sized + Serialize>(self, _: &'static str, _: &T) -> Refused {
        Err(NotAUnitVariant)
    }
    fn serialize_newtype_variant<T: ?Sized + Serialize>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: &T,
    ) -> Refused {
        Err(NotAUnitVariant)
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Never, NotAUnitVariant> {
        Err(NotAUnitVariant)
    }
    fn serialize_tuple(self, _: usize) -> Result<Never, NotAUnitVariant> {
        Err(NotAUnitVariant)
    }
    fn serialize_tuple_struct(self, _: &'static str, _: usize) -> Result<Never, NotAUnitVariant> {
        Err(NotAUnitVariant)
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Never, NotAUnitVariant> {
        Err(NotAUnitVariant)
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Never, NotAUnitVariant> {
        Err(NotAUnitVariant)
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Never, NotAUnitVariant> {
        Err(NotAUnitVariant)
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Never, NotAUnitVariant> {
        Err(NotAUnitVariant)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn written(v: &(impl Leaf + ?Sized)) -> String {
        let mut w = Vec::new();
        v.write(&mut w);
        String::from_utf8(w).unwrap()
    }

    #[test]
    fn writes_numbers_as_serde_json_does() {
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        let mut floats = vec![0.0, -0.0, 1.0, 27.0, 0.1, 1e-7, 2.5e-7, 1e15, 1e16, 1e21, 1e300, f64::MAX, 5e-324];
        floats.extend([f64::NAN, f64::INFINITY, f64::NEG_INFINITY]);
        for _ in 0..20_000 {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            floats.push(f64::from_bits(seed));
            floats.push((seed % 100_000) as f64 / 100.0);
        }
        for x in floats {
            assert_eq!(written(&x), serde_json::to_string(&x).unwrap(), "{x:e}");
            assert_eq!(written(&Some(x)), serde_json::to_string(&Some(x)).unwrap());
        }
        for n in [0usize, 7, 10, 99, 100, 12345, usize::MAX] {
            assert_eq!(written(&n), serde_json::to_string(&n).unwrap());
        }
        assert_eq!(written(&None::<f64>), "null");
        assert_eq!(written(&true), "true");
    }

    #[test]
    fn writes_strings_with_serde_json_escapes() {
        let mut cases: Vec<String> = (0u8..=0x7f).map(|b| format!("a{}b", b as char)).collect();
        cases.extend(["", "plain", "“curly” 😀 Café 東京", "tab\there\nline \"q\" \\ \u{7f}"].map(String::from));
        for s in cases {
            assert_eq!(written(s.as_str()), serde_json::to_string(&s).unwrap(), "{s:?}");
        }
    }

    #[test]
    fn writes_the_enums_and_ids_as_serde_json_does() {
        use crate::numbers::{Bound, Kind};
        use crate::output::OffsetUnit;
        for unit in [OffsetUnit::Chars, OffsetUnit::Utf16, OffsetUnit::Bytes] {
            assert_eq!(written(&unit), serde_json::to_string(&unit).unwrap());
        }
        for kind in [Kind::Cardinal, Kind::Percent, Kind::Money, Kind::Date, Kind::Range, Kind::RelativeOrdinal] {
            assert_eq!(written(&kind), serde_json::to_string(&kind).unwrap());
        }
        assert_eq!(written(&Bound::default()), serde_json::to_string(&Bound::default()).unwrap());
        let ids = serde_json::json!([
            null, true, false, 0, 7, -7, u64::MAX, i64::MIN, 2.5, -0.0, 1e-7, "c-1 “x”\n",
            {"z": 1, "a": [null, {"b": "c"}], "é": {}}, []
        ]);
        for id in ids.as_array().unwrap().iter().chain([&ids]) {
            assert_eq!(written(id), serde_json::to_string(id).unwrap(), "{id}");
        }
    }
}
