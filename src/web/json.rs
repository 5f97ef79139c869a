//! The JSON the page writes (requests, stored panes, the permalink, exports, the widget's result),
//! byte for byte as serde_json wrote it before (`json!` sorts an object's keys, a derived
//! `Serialize` keeps the fields' order), without serde_json's serialiser in the page's wasm
//! (BENCHMARKS.md, "Size (session 6)"). Leaves are written by the output's writer
//! (`output::Leaf`), so strings and numbers read exactly as the engine's own.

pub use crate::output::Leaf;

/// A JSON object being written: `{`, `"key":value` pairs in the order given, `}`.
pub struct Object<'w> {
    w: &'w mut Vec<u8>,
    empty: bool,
}

impl<'w> Object<'w> {
    pub fn open(w: &'w mut Vec<u8>) -> Self {
        w.push(b'{');
        Object { w, empty: true }
    }

    /// Writes `"key":` and hands back the buffer for the value.
    pub fn key(&mut self, key: &str) -> &mut Vec<u8> {
        if !self.empty {
            self.w.push(b',');
        }
        self.empty = false;
        key.write(self.w);
        self.w.push(b':');
        self.w
    }

    pub fn leaf(&mut self, key: &str, value: &(impl Leaf + ?Sized)) -> &mut Self {
        value.write(self.key(key));
        self
    }

    /// A value written by `value` (an object or a list).
    pub fn with(&mut self, key: &str, value: impl FnOnce(&mut Vec<u8>)) -> &mut Self {
        value(self.key(key));
        self
    }

    pub fn close(&mut self) {
        self.w.push(b'}');
    }
}

/// `[item, …]`, each written by `item`.
pub fn list<T>(w: &mut Vec<u8>, items: impl IntoIterator<Item = T>, mut item: impl FnMut(&mut Vec<u8>, T)) {
    w.push(b'[');
    for (i, x) in items.into_iter().enumerate() {
        if i > 0 {
            w.push(b',');
        }
        item(w, x);
    }
    w.push(b']');
}

/// The text written by `write`.
pub fn to_string(write: impl FnOnce(&mut Vec<u8>)) -> String {
    let mut w = Vec::new();
    write(&mut w);
    // Only whole UTF-8 strings and ASCII punctuation go in.
    String::from_utf8(w).unwrap_or_default()
}

/// Compact JSON (as serde_json writes it) laid out as `serde_json::to_string_pretty` lays it
/// out: two spaces per level, `": "` after keys, `[]` and `{}` when empty.
pub fn pretty(json: &str) -> String {
    let bytes = json.as_bytes();
    let mut out = Vec::with_capacity(json.len() + json.len() / 4);
    let mut depth = 0usize;
    let newline = |out: &mut Vec<u8>, depth: usize| {
        out.push(b'\n');
        out.resize(out.len() + 2 * depth, b' ');
    };
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        match b {
            b'"' => {
                // Copy the string whole: its escapes keep any quote inside.
                let start = i;
                i += 1;
                while i < bytes.len() && bytes[i] != b'"' {
                    i += if bytes[i] == b'\\' { 2 } else { 1 };
                }
                out.extend_from_slice(&bytes[start..(i + 1).min(bytes.len())]);
            }
            b'{' | b'[' => {
                out.push(b);
                if matches!(bytes.get(i + 1), Some(b'}' | b']')) {
                    out.push(bytes[i + 1]);
                    i += 1;
                } else {
                    depth += 1;
                    newline(&mut out, depth);
                }
            }
            b'}' | b']' => {
                depth = depth.saturating_sub(1);
                newline(&mut out, depth);
                out.push(b);
            }
            b',' => {
                out.push(b',');
                newline(&mut out, depth);
            }
            b':' => out.extend_from_slice(b": "),
            _ => out.push(b),
        }
        i += 1;
    }
    String::from_utf8(out).unwrap_or_else(|_| json.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test;

    #[wasm_bindgen_test]
    fn lays_out_json_as_serde_json_pretty_does() {
        let values = serde_json::json!([
            {"a": [], "b": {}, "c": [1, 2.5, {"d": null}], "e": "x,y:{z}[\"q\"] \\ “é” 😀\n"},
            [[[]]],
            {},
            "plain",
            0,
            {"nested": {"deeper": {"deepest": [true, false]}}}
        ]);
        for v in values.as_array().unwrap().iter().chain([&values]) {
            let compact = serde_json::to_string(v).unwrap();
            assert_eq!(pretty(&compact), serde_json::to_string_pretty(v).unwrap(), "{compact}");
        }
    }

    #[wasm_bindgen_test]
    fn writes_objects_and_lists_as_serde_json_does() {
        let text = to_string(|w| {
            let mut o = Object::open(w);
            o.leaf("a", "“x”\n").leaf("n", &3usize).leaf("none", &None::<String>);
            o.with("list", |w| list(w, ["p", "q"], |w, s| s.write(w)));
            o.close();
        });
        let expected = serde_json::json!({"a": "“x”\n", "n": 3, "none": null, "list": ["p", "q"]});
        assert_eq!(serde_json::from_str::<serde_json::Value>(&text).unwrap(), expected);
        assert_eq!(text, r#"{"a":"“x”\n","n":3,"none":null,"list":["p","q"]}"#);
    }
}
