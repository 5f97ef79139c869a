//! A small pull reader of JSON text, for the engine's replies (`model::parse_reply`). serde_json's
//! derived deserialiser for the page's model was ≈ 40 KB of the page's wasm (one copy of the
//! parser per struct, `Vec` and `Option` of the model); this reader is one copy, walked by plain
//! code in `model.rs`. The tests compare it with serde_json on the engine's replies and on
//! written and generated JSON.

use serde_json::Number;
#[cfg(test)]
use serde_json::{Map, Value};
use std::borrow::Cow;

pub type Read<T> = Result<T, String>;

pub struct Reader<'a> {
    text: &'a str,
    pos: usize,
    /// Objects and arrays open around the reader's position.
    depth: usize,
}

/// How deep objects and arrays may nest, as in serde_json: the reader recurses once per level,
/// and a hostile text (a permalink, a stored pane) nested a million deep would overflow the stack
/// and kill the page's wasm. The engine's replies nest four deep.
const MAX_DEPTH: usize = 128;

impl<'a> Reader<'a> {
    pub fn new(text: &'a str) -> Self {
        Reader { text, pos: 0, depth: 0 }
    }

    fn bytes(&self) -> &'a [u8] {
        self.text.as_bytes()
    }

    fn error<T>(&self, expected: &str) -> Read<T> {
        Err(format!("expected {expected} at byte {} of the reply", self.pos))
    }

    /// The next byte after white space, not consumed.
    pub fn peek(&mut self) -> Option<u8> {
        while let Some(&b) = self.bytes().get(self.pos) {
            if !matches!(b, b' ' | b'\n' | b'\r' | b'\t') {
                return Some(b);
            }
            self.pos += 1;
        }
        None
    }

    fn eat(&mut self, byte: u8) -> bool {
        let found = self.peek() == Some(byte);
        self.pos += usize::from(found);
        found
    }

    fn eat_word(&mut self, word: &str) -> bool {
        let found = self.peek() == word.bytes().next() && self.text[self.pos..].starts_with(word);
        if found {
            self.pos += word.len();
        }
        found
    }

    /// Consumes a `null` if one comes next.
    pub fn null(&mut self) -> bool {
        self.eat_word("null")
    }

    /// Nothing but white space is left.
    pub fn end(&mut self) -> Read<()> {
        match self.peek() {
            None => Ok(()),
            Some(_) => self.error("the end of the text"),
        }
    }

    /// An object: `field` reads (or skips) the value of each key.
    pub fn object(&mut self, field: &mut dyn FnMut(&mut Self, &str) -> Read<()>) -> Read<()> {
        if !self.eat(b'{') {
            return self.error("an object");
        }
        self.nested(|r| r.object_fields(field))
    }

    /// Runs `inside` one level deeper, refusing past [`MAX_DEPTH`].
    fn nested(&mut self, inside: impl FnOnce(&mut Self) -> Read<()>) -> Read<()> {
        if self.depth >= MAX_DEPTH {
            return Err(format!("nested deeper than {MAX_DEPTH} levels at byte {} of the reply", self.pos));
        }
        self.depth += 1;
        let read = inside(self);
        self.depth -= 1;
        read
    }

    /// The fields of an object whose '{' was read.
    fn object_fields(&mut self, field: &mut dyn FnMut(&mut Self, &str) -> Read<()>) -> Read<()> {
        if self.eat(b'}') {
            return Ok(());
        }
        loop {
            let key = self.str()?;
            if !self.eat(b':') {
                return self.error("':'");
            }
            field(self, &key)?;
            if self.eat(b'}') {
                return Ok(());
            }
            if !self.eat(b',') {
                return self.error("',' or '}'");
            }
        }
    }

    /// An array: `item` reads each element.
    pub fn array(&mut self, item: &mut dyn FnMut(&mut Self) -> Read<()>) -> Read<()> {
        if !self.eat(b'[') {
            return self.error("an array");
        }
        self.nested(|r| r.array_items(item))
    }

    /// The items of an array whose '[' was read.
    fn array_items(&mut self, item: &mut dyn FnMut(&mut Self) -> Read<()>) -> Read<()> {
        if self.eat(b']') {
            return Ok(());
        }
        loop {
            item(self)?;
            if self.eat(b']') {
                return Ok(());
            }
            if !self.eat(b',') {
                return self.error("',' or ']'");
            }
        }
    }

    pub fn string(&mut self) -> Read<String> {
        self.str().map(Cow::into_owned)
    }

    /// A string, borrowed from the text when it has no escape (every key, most values).
    fn str(&mut self) -> Read<Cow<'a, str>> {
        if !self.eat(b'"') {
            return self.error("a string");
        }
        let mut out = String::new();
        loop {
            // '"' and '\\' are ASCII, so the text up to either is whole characters.
            let rest = &self.bytes()[self.pos..];
            let Some(stop) = string_stop(rest) else {
                return self.error("the end of a string");
            };
            if rest[stop] < 0x20 {
                self.pos += stop;
                return self.error("no control character in a string");
            }
            let chunk = &self.text[self.pos..self.pos + stop];
            self.pos += stop + 1;
            if rest[stop] == b'"' {
                if out.is_empty() {
                    return Ok(Cow::Borrowed(chunk));
                }
                out.push_str(chunk);
                return Ok(Cow::Owned(out));
            }
            out.push_str(chunk);
            let escape = self.bytes().get(self.pos).copied();
            self.pos += 1;
            out.push(match escape {
                Some(b'"') => '"',
                Some(b'\\') => '\\',
                Some(b'/') => '/',
                Some(b'b') => '\u{8}',
                Some(b'f') => '\u{c}',
                Some(b'n') => '\n',
                Some(b'r') => '\r',
                Some(b't') => '\t',
                Some(b'u') => self.unicode_escape()?,
                _ => return self.error("an escape"),
            });
        }
    }

    /// After `\u`: one character, from a surrogate pair when it takes two escapes.
    fn unicode_escape(&mut self) -> Read<char> {
        let first = self.hex4()?;
        let code = match first {
            0xD800..=0xDBFF => {
                if !self.text[self.pos..].starts_with("\\u") {
                    return self.error("the low half of a surrogate pair");
                }
                self.pos += 2;
                let second = self.hex4()?;
                if !(0xDC00..=0xDFFF).contains(&second) {
                    return self.error("the low half of a surrogate pair");
                }
                0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
            }
            0xDC00..=0xDFFF => return self.error("a character, not a lone surrogate"),
            _ => first,
        };
        char::from_u32(code).map_or_else(|| self.error("a character"), Ok)
    }

    fn hex4(&mut self) -> Read<u32> {
        let digits = self.text.get(self.pos..self.pos + 4).filter(|d| d.bytes().all(|b| b.is_ascii_hexdigit()));
        let Some(code) = digits.and_then(|d| u32::from_str_radix(d, 16).ok()) else {
            return self.error("four hexadecimal digits");
        };
        self.pos += 4;
        Ok(code)
    }

    /// A number as serde_json keeps it: an unsigned or negative integer when it is one that fits,
    /// else a float.
    pub fn number(&mut self) -> Read<Number> {
        self.peek();
        let start = self.pos;
        let bytes = self.bytes();
        let mut end = start + usize::from(bytes.get(start) == Some(&b'-'));
        let int_start = end;
        while bytes.get(end).is_some_and(u8::is_ascii_digit) {
            end += 1;
        }
        let int_digits = end - int_start;
        if int_digits == 0 || (int_digits > 1 && bytes[int_start] == b'0') {
            return self.error("a number");
        }
        let mut integer = true;
        if bytes.get(end) == Some(&b'.') {
            integer = false;
            end += 1;
            let from = end;
            while bytes.get(end).is_some_and(u8::is_ascii_digit) {
                end += 1;
            }
            if end == from {
                return self.error("a digit after the decimal point");
            }
        }
        if matches!(bytes.get(end), Some(b'e' | b'E')) {
            integer = false;
            end += 1;
            if matches!(bytes.get(end), Some(b'+' | b'-')) {
                end += 1;
            }
            let from = end;
            while bytes.get(end).is_some_and(u8::is_ascii_digit) {
                end += 1;
            }
            if end == from {
                return self.error("a digit in the exponent");
            }
        }
        let text = &self.text[start..end];
        self.pos = end;
        if integer {
            if let Ok(n) = text.parse::<u64>() {
                return Ok(n.into());
            }
            // serde_json reads "-0" as the float -0.0.
            if let Ok(n @ (..=-1 | 1..)) = text.parse::<i64>() {
                return Ok(n.into());
            }
        }
        match text.parse::<f64>().ok().and_then(Number::from_f64) {
            Some(n) => Ok(n),
            None => self.error("a finite number"),
        }
    }

    pub fn f64(&mut self) -> Read<f64> {
        let n = self.number()?;
        Ok(n.as_f64().unwrap_or(0.0))
    }

    /// A count or an offset: a non-negative integer.
    pub fn usize(&mut self) -> Read<usize> {
        let at = self.pos;
        match self.number()?.as_u64().and_then(|n| usize::try_from(n).ok()) {
            Some(n) => Ok(n),
            None => {
                self.pos = at;
                self.error("a non-negative integer")
            }
        }
    }

    pub fn bool(&mut self) -> Read<bool> {
        if self.eat_word("true") {
            Ok(true)
        } else if self.eat_word("false") {
            Ok(false)
        } else {
            self.error("true or false")
        }
    }

    /// Steps over a value the model does not keep (a document's `sources`, an attribution's
    /// `anonymity`), without building it.
    pub fn skip(&mut self) -> Read<()> {
        match self.peek() {
            Some(b'"') => {
                self.pos += 1;
                loop {
                    let rest = self.bytes().get(self.pos..).unwrap_or_default();
                    let Some(stop) = rest.iter().position(|&b| b == b'"' || b == b'\\') else {
                        return self.error("the end of a string");
                    };
                    // After a backslash, its escaped byte cannot end the string.
                    self.pos += stop + if rest[stop] == b'"' { 1 } else { 2 };
                    if rest[stop] == b'"' {
                        return Ok(());
                    }
                }
            }
            Some(b'{') => self.object(&mut |r, _| r.skip()),
            Some(b'[') => self.array(&mut |r| r.skip()),
            Some(b't' | b'f') => self.bool().map(drop),
            Some(b'n') if self.null() => Ok(()),
            _ => self.number().map(drop),
        }
    }

    /// Any value, as serde_json's `Value` (the tests' view of what the reader reads).
    #[cfg(test)]
    pub fn value(&mut self) -> Read<Value> {
        match self.peek() {
            Some(b'"') => self.string().map(Value::String),
            Some(b'{') => {
                let mut map = Map::new();
                self.object(&mut |r, key| {
                    let value = r.value()?;
                    map.insert(key.to_string(), value);
                    Ok(())
                })?;
                Ok(Value::Object(map))
            }
            Some(b'[') => {
                let mut items = Vec::new();
                self.array(&mut |r| {
                    items.push(r.value()?);
                    Ok(())
                })?;
                Ok(Value::Array(items))
            }
            Some(b't' | b'f') => self.bool().map(Value::Bool),
            Some(b'n') if self.null() => Ok(Value::Null),
            _ => self.number().map(Value::Number),
        }
    }
}

/// Where a string's plain run ends: the first '"', '\\' or control character. Eight bytes at a
/// time, as serde_json does (a byte loop cost the reader a fifth more instructions than serde_json).
fn string_stop(bytes: &[u8]) -> Option<usize> {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let mut at = 0;
    for word in bytes.chunks_exact(8) {
        let x = u64::from_le_bytes([word[0], word[1], word[2], word[3], word[4], word[5], word[6], word[7]]);
        // A byte's high bit ends up set where that byte is '"', '\\' or below 0x20.
        let quote = (x ^ (ONES * u64::from(b'"'))).wrapping_sub(ONES);
        let backslash = (x ^ (ONES * u64::from(b'\\'))).wrapping_sub(ONES);
        let control = x.wrapping_sub(ONES * 0x20);
        if (quote | backslash | control) & !x & HIGH != 0 {
            break;
        }
        at += 8;
    }
    bytes[at..].iter().position(|&b| b == b'"' || b == b'\\' || b < 0x20).map(|i| at + i)
}

/// A whole text that is one object: `field` reads (or skips) the value of each key.
pub fn read_object(json: &str, field: &mut dyn FnMut(&mut Reader, &str) -> Read<()>) -> Read<()> {
    let mut r = Reader::new(json);
    r.object(field)?;
    r.end()
}

// Fields as serde's derive with `#[serde(default)]` reads them, except that a `null` reads as the
// field's default (serde refuses a `null` for a field that is not an `Option`).

/// An array of `item`s; `null` reads as none.
pub fn list<'t, T>(r: &mut Reader<'t>, item: fn(&mut Reader<'t>) -> Read<T>) -> Read<Vec<T>> {
    let mut items = Vec::new();
    if !r.null() {
        r.array(&mut |r| {
            items.push(item(r)?);
            Ok(())
        })?;
    }
    Ok(items)
}

/// `null` or a value.
pub fn option<'t, T>(r: &mut Reader<'t>, value: fn(&mut Reader<'t>) -> Read<T>) -> Read<Option<T>> {
    if r.null() {
        Ok(None)
    } else {
        value(r).map(Some)
    }
}

/// A string; `null` reads as empty.
pub fn string(r: &mut Reader) -> Read<String> {
    Ok(option(r, Reader::string)?.unwrap_or_default())
}

/// A count or an offset; `null` reads as 0.
pub fn count(r: &mut Reader) -> Read<usize> {
    Ok(option(r, Reader::usize)?.unwrap_or_default())
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test;

    fn read_value(json: &str) -> Read<Value> {
        let mut r = Reader::new(json);
        let value = r.value()?;
        r.end()?;
        Ok(value)
    }

    fn skips(json: &str) -> bool {
        let mut r = Reader::new(json);
        r.skip().is_ok() && r.end().is_ok()
    }

    const VALID: &[&str] = &[
        r#"{"a":[1,-2,3.5,-0.25,1e3,2E-2,0,-0,18446744073709551615,18446744073709551616,-9223372036854775808]}"#,
        r#" { "text" : "caf\u00e9 \ud83d\ude00 \u201cquoted\u201d \"x\" \\ \/ \b\f\n\r\t" , "n" : null , "t" : true , "f" : false } "#,
        r#"["plain é 😀 中文 “curly”", {}, [], [[]], {"k": {"k": [null]}}]"#,
        r#""\u0000 \u001f \uffff""#,
        "123.456e-7",
        r#"{"dup": 1, "dup": 2}"#,
    ];

    const INVALID: &[&str] = &[
        "",
        "{",
        r#"{"a":}"#,
        r#"{"a":1,}"#,
        "[1,]",
        "[1 2]",
        "01",
        "1.",
        "1e",
        "-",
        ".5",
        r#""open"#,
        r#""bad \x escape""#,
        r#""\ud83d alone""#,
        r#""\ude00 low first""#,
        r#""\u12g4""#,
        "\"tab\tinside\"",
        "nul",
        "truth",
        "{} []",
        "NaN",
        "1e999",
    ];

    #[wasm_bindgen_test]
    fn refuses_nesting_past_the_depth_limit_instead_of_overflowing_the_stack() {
        let nested = |depth: usize| format!("{}{}", "[".repeat(depth), "]".repeat(depth));
        assert!(read_value(&nested(MAX_DEPTH)).is_ok());
        assert!(skips(&nested(MAX_DEPTH)));
        // A hostile text (a permalink, a stored pane) a million levels deep: refused, not a crash.
        let deep = nested(1_000_000);
        assert!(read_value(&deep).unwrap_err().contains("nested deeper than 128"));
        assert!(!skips(&deep));
        let objects = format!("{}1{}", r#"{"k":"#.repeat(MAX_DEPTH + 1), "}".repeat(MAX_DEPTH + 1));
        assert!(read_value(&objects).is_err());
        // The limit counts open levels, not levels seen: many siblings at depth 2 are fine.
        assert!(read_value(&format!("[{}[]]", "[],".repeat(10_000))).is_ok());
    }

    #[wasm_bindgen_test]
    fn reads_values_as_serde_json_does() {
        for json in VALID {
            let expected: Value = serde_json::from_str(json).unwrap();
            assert_eq!(read_value(json), Ok(expected), "{json}");
            assert!(skips(json), "{json}");
        }
    }

    #[wasm_bindgen_test]
    fn refuses_what_serde_json_refuses() {
        for json in INVALID {
            assert!(serde_json::from_str::<Value>(json).is_err(), "serde_json reads {json}");
            assert!(read_value(json).is_err(), "{json}");
        }
    }

    #[wasm_bindgen_test]
    fn keeps_integers_apart_from_floats() {
        assert_eq!(read_value("27").unwrap().to_string(), "27");
        assert_eq!(read_value("27.0").unwrap().to_string(), "27.0");
        assert_eq!(read_value("-3").unwrap().to_string(), "-3");
        let mut r = Reader::new("-1");
        assert!(r.usize().is_err());
        let mut r = Reader::new("2.5");
        assert!(r.usize().is_err());
    }

    #[wasm_bindgen_test]
    fn reads_generated_strings_back() {
        // Strings of awkward characters (up to 63, so the eight-byte scan meets each in every lane),
        // written by serde_json (escaped where JSON needs it).
        let alphabet = ['a', ' ', '"', '\\', '/', '\n', '\u{1}', '\u{1f}', 'é', '😀', '中', '“', '”', '\u{2028}'];
        let mut seed = 0x2545_f491_u64;
        for _ in 0..2_000 {
            let mut s = String::new();
            seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
            for _ in 0..(seed >> 58) {
                seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
                s.push(alphabet[(seed >> 33) as usize % alphabet.len()]);
            }
            let json = serde_json::to_string(&s).unwrap();
            assert_eq!(Reader::new(&json).string(), Ok(s), "{json}");
            assert!(skips(&json), "{json}");
        }
    }
}
