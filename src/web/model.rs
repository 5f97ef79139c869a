//! The analysis as the page reads it back: the contract's model (`crate::output`), read from the
//! JSON the worker sends (`parse_reply`, with the small reader of `reader.rs`). Every field has a
//! default so an older or newer engine still renders what it can; unknown fields are skipped.

use super::json::{self, Leaf, Object};
use super::reader::{count, list, option, string, Read, Reader};
#[cfg(test)]
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq)]
#[cfg_attr(test, derive(Serialize, Deserialize), serde(default))]
pub struct Span {
    pub start: usize,
    pub end: usize,
    pub text: String,
}

#[derive(Debug, Clone, Default, PartialEq)]
#[cfg_attr(test, derive(Serialize, Deserialize), serde(default))]
pub struct DocSpan {
    pub doc: usize,
    pub start: usize,
    pub end: usize,
    pub text: String,
}

#[derive(Debug, Clone, Default, PartialEq)]
#[cfg_attr(test, derive(Serialize, Deserialize), serde(default))]
pub struct Number {
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub kind: String,
    pub value: Option<Value>,
    pub value_max: Option<f64>,
    pub unit: Option<String>,
    pub counted: Option<String>,
    pub counted_span: Option<Span>,
    pub bound: String,
    pub si_value: Option<f64>,
    pub restates: Option<usize>,
}

#[derive(Debug, Clone, Default, PartialEq)]
#[cfg_attr(test, derive(Serialize, Deserialize), serde(default))]
pub struct Attribution {
    pub speaker: Option<String>,
    pub source: Option<Span>,
    pub cue: Span,
    pub content: Span,
    pub direct: bool,
    pub anonymous: bool,
    pub source_kind: String,
    pub medium: Option<Span>,
}

#[derive(Debug, Clone, Default, PartialEq)]
#[cfg_attr(test, derive(Serialize, Deserialize), serde(default))]
pub struct Document {
    pub name: String,
    pub numbers: Vec<Number>,
    pub attributions: Vec<Attribution>,
}

#[derive(Debug, Clone, Default, PartialEq)]
#[cfg_attr(test, derive(Serialize, Deserialize), serde(default))]
pub struct Contradiction {
    pub kind: String,
    pub confidence: f64,
    pub explanation: String,
    pub a: DocSpan,
    pub b: DocSpan,
}

#[derive(Debug, Clone, Default, PartialEq)]
#[cfg_attr(test, derive(Serialize, Deserialize), serde(default))]
pub struct Corroboration {
    pub explanation: String,
    pub claims: Vec<DocSpan>,
    pub sources: usize,
}

#[derive(Debug, Clone, Default, PartialEq)]
#[cfg_attr(test, derive(Serialize, Deserialize), serde(default))]
pub struct Output {
    pub offsets: String,
    pub documents: Vec<Document>,
    pub contradictions: Vec<Contradiction>,
    pub corroborations: Vec<Corroboration>,
}

/// A quantity's `value` as the engine writes it: a number, or an ISO-like string for dates and
/// times (its own type, not serde_json's `Value`, whose maps would bring B-tree code into the wasm).
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(test, derive(Serialize, Deserialize), serde(untagged))]
pub enum Value {
    Number(f64),
    Text(String),
}

impl Value {
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::Text(s) => Some(s),
            Value::Number(_) => None,
        }
    }
}

impl Leaf for Value {
    fn write(&self, w: &mut Vec<u8>) {
        match self {
            Value::Number(n) => n.write(w),
            Value::Text(s) => s.write(w),
        }
    }
}

/// A number or a string; any other value (none from the engine) reads as no value.
fn read_value(r: &mut Reader) -> Read<Option<Value>> {
    match r.peek() {
        Some(b'"') => Ok(Some(Value::Text(r.string()?))),
        Some(b'-' | b'0'..=b'9') => Ok(Some(Value::Number(r.f64()?))),
        _ => r.skip().map(|()| None),
    }
}

impl Leaf for Span {
    fn write(&self, w: &mut Vec<u8>) {
        Object::open(w).leaf("start", &self.start).leaf("end", &self.end).leaf("text", &self.text).close();
    }
}

impl Leaf for DocSpan {
    fn write(&self, w: &mut Vec<u8>) {
        let mut o = Object::open(w);
        o.leaf("doc", &self.doc).leaf("start", &self.start).leaf("end", &self.end).leaf("text", &self.text).close();
    }
}

impl Leaf for Number {
    fn write(&self, w: &mut Vec<u8>) {
        let mut o = Object::open(w);
        o.leaf("start", &self.start).leaf("end", &self.end).leaf("text", &self.text).leaf("kind", &self.kind);
        o.leaf("value", &self.value).leaf("value_max", &self.value_max).leaf("unit", &self.unit);
        o.leaf("counted", &self.counted).leaf("counted_span", &self.counted_span).leaf("bound", &self.bound);
        o.leaf("si_value", &self.si_value).leaf("restates", &self.restates).close();
    }
}

impl Leaf for Attribution {
    fn write(&self, w: &mut Vec<u8>) {
        let mut o = Object::open(w);
        o.leaf("speaker", &self.speaker).leaf("source", &self.source).leaf("cue", &self.cue);
        o.leaf("content", &self.content).leaf("direct", &self.direct).leaf("anonymous", &self.anonymous);
        o.leaf("source_kind", &self.source_kind).leaf("medium", &self.medium).close();
    }
}

impl Leaf for Document {
    fn write(&self, w: &mut Vec<u8>) {
        let mut o = Object::open(w);
        o.leaf("name", &self.name);
        o.leaf("numbers", &self.numbers);
        o.leaf("attributions", &self.attributions);
        o.close();
    }
}

impl Leaf for Contradiction {
    fn write(&self, w: &mut Vec<u8>) {
        let mut o = Object::open(w);
        o.leaf("kind", &self.kind).leaf("confidence", &self.confidence).leaf("explanation", &self.explanation);
        o.leaf("a", &self.a).leaf("b", &self.b).close();
    }
}

impl Leaf for Corroboration {
    fn write(&self, w: &mut Vec<u8>) {
        let mut o = Object::open(w);
        o.leaf("explanation", &self.explanation);
        o.leaf("claims", &self.claims);
        o.leaf("sources", &self.sources).close();
    }
}

impl Output {
    /// The model as JSON, its fields in the order above (what serde's derive wrote).
    pub fn to_json(&self) -> String {
        json::to_string(|w| {
            let mut o = Object::open(w);
            o.leaf("offsets", &self.offsets);
            o.leaf("documents", &self.documents).leaf("contradictions", &self.contradictions);
            o.leaf("corroborations", &self.corroborations);
            o.close();
        })
    }
}

/// The engine's reply (`web::analyze_request_json`): its output, or the message of an
/// `{"error": …}` reply. Read once, straight into the model.
pub fn parse_reply(json: &str) -> Result<Output, String> {
    let mut r = Reader::new(json);
    let mut out = Output::default();
    let mut error = None;
    read_fields(
        &mut r,
        &mut [
            ("offsets", Slot::Text(&mut out.offsets)),
            ("documents", Slot::Documents(&mut out.documents)),
            ("contradictions", Slot::Contradictions(&mut out.contradictions)),
            ("corroborations", Slot::Corroborations(&mut out.corroborations)),
            ("error", Slot::MaybeText(&mut error)),
        ],
    )?;
    r.end()?;
    match error {
        Some(message) => Err(message),
        None => Ok(out),
    }
}

// The structs of the model are read by one table-driven reader: each struct lists where its
// fields go (`Slot`), and `read_fields` walks the object once. A `null` reads as the field's
// default, as a missing field; a `null` span reads as an empty one.

/// Where a field's value goes, by the kind of value it holds.
enum Slot<'s> {
    Count(&'s mut usize),
    MaybeCount(&'s mut Option<usize>),
    Real(&'s mut f64),
    MaybeReal(&'s mut Option<f64>),
    Flag(&'s mut bool),
    Text(&'s mut String),
    MaybeText(&'s mut Option<String>),
    Value(&'s mut Option<Value>),
    Span(&'s mut Span),
    MaybeSpan(&'s mut Option<Span>),
    DocSpan(&'s mut DocSpan),
    DocSpans(&'s mut Vec<DocSpan>),
    Numbers(&'s mut Vec<Number>),
    Attributions(&'s mut Vec<Attribution>),
    Documents(&'s mut Vec<Document>),
    Contradictions(&'s mut Vec<Contradiction>),
    Corroborations(&'s mut Vec<Corroboration>),
}

/// An object's fields into `slots` (name, slot); other fields are skipped.
fn read_fields(r: &mut Reader, slots: &mut [(&str, Slot)]) -> Read<()> {
    r.object(&mut |r, key| {
        let Some((_, slot)) = slots.iter_mut().find(|(name, _)| *name == key) else { return r.skip() };
        match slot {
            Slot::Count(n) => **n = count(r)?,
            Slot::MaybeCount(n) => **n = option(r, Reader::usize)?,
            Slot::Real(x) => **x = option(r, Reader::f64)?.unwrap_or_default(),
            Slot::MaybeReal(x) => **x = option(r, Reader::f64)?,
            Slot::Flag(b) => **b = option(r, Reader::bool)?.unwrap_or_default(),
            Slot::Text(s) => **s = string(r)?,
            Slot::MaybeText(s) => **s = option(r, Reader::string)?,
            Slot::Value(v) => **v = read_value(r)?,
            Slot::Span(span) => **span = read_span(r)?,
            Slot::MaybeSpan(span) => **span = option(r, read_span)?,
            Slot::DocSpan(span) => **span = read_doc_span(r)?,
            Slot::DocSpans(list_) => **list_ = list(r, read_doc_span)?,
            Slot::Numbers(list_) => **list_ = list(r, read_number)?,
            Slot::Attributions(list_) => **list_ = list(r, read_attribution)?,
            Slot::Documents(list_) => **list_ = list(r, read_document)?,
            Slot::Contradictions(list_) => **list_ = list(r, read_contradiction)?,
            Slot::Corroborations(list_) => **list_ = list(r, read_corroboration)?,
        }
        Ok(())
    })
}

fn read_span(r: &mut Reader) -> Read<Span> {
    let mut s = Span::default();
    if !r.null() {
        read_fields(
            r,
            &mut [
                ("start", Slot::Count(&mut s.start)),
                ("end", Slot::Count(&mut s.end)),
                ("text", Slot::Text(&mut s.text)),
            ],
        )?;
    }
    Ok(s)
}

fn read_doc_span(r: &mut Reader) -> Read<DocSpan> {
    let mut s = DocSpan::default();
    if !r.null() {
        read_fields(
            r,
            &mut [
                ("doc", Slot::Count(&mut s.doc)),
                ("start", Slot::Count(&mut s.start)),
                ("end", Slot::Count(&mut s.end)),
                ("text", Slot::Text(&mut s.text)),
            ],
        )?;
    }
    Ok(s)
}

fn read_number(r: &mut Reader) -> Read<Number> {
    let mut n = Number::default();
    read_fields(
        r,
        &mut [
            ("start", Slot::Count(&mut n.start)),
            ("end", Slot::Count(&mut n.end)),
            ("text", Slot::Text(&mut n.text)),
            ("kind", Slot::Text(&mut n.kind)),
            ("value", Slot::Value(&mut n.value)),
            ("value_max", Slot::MaybeReal(&mut n.value_max)),
            ("unit", Slot::MaybeText(&mut n.unit)),
            ("counted", Slot::MaybeText(&mut n.counted)),
            ("counted_span", Slot::MaybeSpan(&mut n.counted_span)),
            ("bound", Slot::Text(&mut n.bound)),
            ("si_value", Slot::MaybeReal(&mut n.si_value)),
            ("restates", Slot::MaybeCount(&mut n.restates)),
        ],
    )?;
    Ok(n)
}

fn read_attribution(r: &mut Reader) -> Read<Attribution> {
    let mut a = Attribution::default();
    read_fields(
        r,
        &mut [
            ("speaker", Slot::MaybeText(&mut a.speaker)),
            ("source", Slot::MaybeSpan(&mut a.source)),
            ("cue", Slot::Span(&mut a.cue)),
            ("content", Slot::Span(&mut a.content)),
            ("direct", Slot::Flag(&mut a.direct)),
            ("anonymous", Slot::Flag(&mut a.anonymous)),
            ("source_kind", Slot::Text(&mut a.source_kind)),
            ("medium", Slot::MaybeSpan(&mut a.medium)),
        ],
    )?;
    Ok(a)
}

fn read_document(r: &mut Reader) -> Read<Document> {
    let mut d = Document::default();
    read_fields(
        r,
        &mut [
            ("name", Slot::Text(&mut d.name)),
            ("numbers", Slot::Numbers(&mut d.numbers)),
            ("attributions", Slot::Attributions(&mut d.attributions)),
        ],
    )?;
    Ok(d)
}

fn read_contradiction(r: &mut Reader) -> Read<Contradiction> {
    let mut c = Contradiction::default();
    read_fields(
        r,
        &mut [
            ("kind", Slot::Text(&mut c.kind)),
            ("confidence", Slot::Real(&mut c.confidence)),
            ("explanation", Slot::Text(&mut c.explanation)),
            ("a", Slot::DocSpan(&mut c.a)),
            ("b", Slot::DocSpan(&mut c.b)),
        ],
    )?;
    Ok(c)
}

fn read_corroboration(r: &mut Reader) -> Read<Corroboration> {
    let mut c = Corroboration::default();
    read_fields(
        r,
        &mut [
            ("explanation", Slot::Text(&mut c.explanation)),
            ("claims", Slot::DocSpans(&mut c.claims)),
            ("sources", Slot::Count(&mut c.sources)),
        ],
    )?;
    Ok(c)
}

impl Attribution {
    /// Who said it, as a reader would name them.
    pub fn who(&self) -> String {
        self.speaker
            .clone()
            .or_else(|| self.source.as_ref().map(|s| s.text.clone()))
            .unwrap_or_else(|| "unattributed".to_string())
    }
}

/// ISO-8601-like intervals in words: "../09:30" → "until 09:30", "14:00/.." → "from 14:00",
/// "2026-03-01/2026-03-04" → "2026-03-01 to 2026-03-04"; anything else as it is.
pub fn readable_interval(s: &str) -> String {
    match s.split_once('/') {
        Some(("..", end)) => ["until ", end].concat(),
        Some((start, "..")) => ["from ", start].concat(),
        Some((start, end)) if !start.starts_with('R') => [start, " to ", end].concat(),
        _ => s.to_string(),
    }
}

/// "1,234.5": a value with thousands separators and at most two decimals.
pub fn format_number(v: f64) -> String {
    if !v.is_finite() {
        return crate::decimal::shortest(v);
    }
    let rounded = (v * 100.0).round() / 100.0;
    let abs = rounded.abs();
    let int = abs.trunc() as u64;
    let frac = ((abs - abs.trunc()) * 100.0).round() as u64;
    let digits = int.to_string();
    let mut out = String::new();
    if rounded < 0.0 {
        out.push('-');
    }
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if frac > 0 {
        // Two digits ("05" for 0.05) without their trailing zeros.
        let frac = frac.to_string();
        out.push('.');
        if frac.len() < 2 {
            out.push('0');
        }
        out.push_str(frac.trim_end_matches('0'));
    }
    out
}

/// The same measure in the other system, so the card reads "27 km = 16.8 mi".
pub fn conversion(value: f64, unit: &str) -> Option<String> {
    let (converted, other) = match unit {
        "°C" | "C" => (value * 9.0 / 5.0 + 32.0, "°F"),
        "°F" | "F" => ((value - 32.0) * 5.0 / 9.0, "°C"),
        _ => {
            let (factor, other) = match unit {
                "km" => (0.621_371, "mi"),
                "mi" => (1.609_344, "km"),
                "m" => (3.280_84, "ft"),
                "ft" => (0.3048, "m"),
                "cm" => (0.393_701, "in"),
                "in" => (2.54, "cm"),
                "kg" => (2.204_62, "lb"),
                "lb" => (0.453_592, "kg"),
                "t" => (1.102_31, "short tons"),
                "l" | "L" => (0.264_172, "US gal"),
                "kn" | "knot" | "knots" => (1.852, "km/h"),
                "km/h" => (0.621_371, "mph"),
                "mph" => (1.609_344, "km/h"),
                _ => return None,
            };
            (value * factor, other)
        }
    };
    Some([approx(converted).as_str(), " ", other].concat())
}

/// A converted value is approximate: one decimal is enough ("16.8 mi"), two below 1.
fn approx(v: f64) -> String {
    if v.abs() >= 1.0 {
        format_number((v * 10.0).round() / 10.0)
    } else {
        format_number(v)
    }
}

impl Number {
    /// "27 km = 16.8 mi", "USD 1,900,000", "2026-03-04", "30–40".
    pub fn value_text(&self) -> String {
        let v = match &self.value {
            Some(Value::Number(v)) => *v,
            Some(Value::Text(s)) => return readable_interval(s),
            None => return "not resolved".to_string(),
        };
        let unit = self.unit.as_deref().unwrap_or("");
        let mut s = String::new();
        if matches!(unit, "USD" | "EUR" | "GBP" | "JPY" | "CNY" | "CHF") {
            s.push_str(unit);
            s.push(' ');
        }
        s.push_str(&format_number(v));
        if let Some(max) = self.value_max {
            s.push('–');
            s.push_str(&format_number(max));
        }
        match unit {
            "" | "USD" | "EUR" | "GBP" | "JPY" | "CNY" | "CHF" => {}
            "%" => s.push('%'),
            _ => {
                s.push(' ');
                s.push_str(unit);
                if self.value_max.is_none() {
                    if let Some(c) = conversion(v, unit) {
                        s.push_str(" = ");
                        s.push_str(&c);
                    }
                }
            }
        }
        s
    }

    /// "at least", "about"… or None for an exact figure.
    pub fn bound_text(&self) -> Option<String> {
        match self.bound.as_str() {
            "" | "exact" => None,
            b => Some(b.replace('_', " ")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test;

    fn number(kind: &str, value: Value, unit: Option<&str>) -> Number {
        Number { kind: kind.into(), value: Some(value), unit: unit.map(String::from), ..Default::default() }
    }

    #[wasm_bindgen_test]
    fn reads_a_value_as_a_number_or_a_string_and_anything_else_as_none() {
        let read = |json: &str| {
            let mut r = Reader::new(json);
            let v = read_value(&mut r);
            (v, r.end().is_ok())
        };
        assert_eq!(read("212.0"), (Ok(Some(Value::Number(212.0))), true));
        assert_eq!(read("-2.5e-7"), (Ok(Some(Value::Number(-2.5e-7))), true));
        assert_eq!(read(r#""../09:30""#), (Ok(Some(Value::Text("../09:30".into()))), true));
        assert_eq!(read("null"), (Ok(None), true));
        assert_eq!(read(r#"{"a": [true]}"#), (Ok(None), true));
        assert!(read("-x").0.is_err());
    }

    #[wasm_bindgen_test]
    fn reads_a_reply_as_an_output_or_names_its_error() {
        let request = r#"{"documents":[{"id":"a","text":"Officials said 59 missiles were fired."}]}"#;
        let out = parse_reply(&super::super::analyze_request_json(request, crate::output::OffsetUnit::Utf16)).unwrap();
        assert_eq!(out.documents.len(), 1);
        assert!(out.documents[0].numbers.iter().any(|n| n.text == "59 missiles" || n.text == "59"), "{out:?}");
        let refused = super::super::analyze_request_json(r#"{"documents": 3}"#, crate::output::OffsetUnit::Utf16);
        assert!(parse_reply(&refused).is_err_and(|e| !e.is_empty()), "{refused}");
        assert_eq!(parse_reply(r#"{"error":"no documents"}"#), Err("no documents".to_string()));
        assert!(parse_reply("{\"offsets\":").is_err());
    }

    /// The reply as serde_json's derived deserialiser reads it (the page's reader before
    /// `reader.rs`; kept as the tests' oracle).
    fn serde_reply(json: &str) -> Output {
        serde_json::from_str::<Output>(json).unwrap()
    }

    #[wasm_bindgen_test]
    fn reads_the_engine_replies_as_serde_json_does() {
        let texts = [
            "Officials said 59 missiles were fired on March 3, 2024. “We saw 27 km of damage,” said the mayor 😀.",
            "Officials said 60 missiles were fired. The café’s owner, Zoë, said 3 people (about 12%) left at 9:30.",
            "中文 text with “curly quotes”, a \\ backslash, a \"quote\" and $1.9 million, police said on Tuesday.",
            "At least 40 people died, the ministry said. Between 30 and 40 died, according to a source who asked not to be named.",
        ];
        let documents: Vec<_> = texts
            .iter()
            .enumerate()
            .map(|(i, t)| serde_json::json!({"id": i.to_string(), "text": t}).to_string())
            .collect();
        for unit in [crate::output::OffsetUnit::Utf16, crate::output::OffsetUnit::Chars] {
            for request in [
                format!(r#"{{"documents":[{}]}}"#, documents.join(",")),
                format!(r#"{{"documents":[{}],"pub_date":"2024-03-04"}}"#, documents[..2].join(",")),
            ] {
                let json = super::super::analyze_request_json(&request, unit);
                let out = parse_reply(&json).unwrap();
                assert!(!out.documents[0].numbers.is_empty() && !out.documents[0].attributions.is_empty(), "{json}");
                assert_eq!(out, serde_reply(&json), "{json}");
                // The widget's `result`: the model written back, as serde's derive wrote it.
                assert_eq!(out.to_json(), serde_json::to_string(&out).unwrap());
                // The export: the reply laid out as serde_json laid out the value read from it.
                let value: serde_json::Value = serde_json::from_str(&json).unwrap();
                assert_eq!(super::super::json::pretty(&json), serde_json::to_string_pretty(&value).unwrap());
            }
        }
    }

    #[wasm_bindgen_test]
    fn reads_written_models_back() {
        // Models written by serde_json (every field, nulls, escapes, non-ASCII), read both ways.
        let span = |i: usize, text: &str| Span { start: i, end: i + 3, text: text.into() };
        let doc_span = |doc: usize, text: &str| DocSpan { doc, start: 4, end: 9, text: text.into() };
        let out = Output {
            offsets: "utf16".into(),
            documents: vec![
                Document {
                    name: "wire “A” \\ 😀".into(),
                    numbers: vec![
                        Number {
                            start: 1,
                            end: 2,
                            text: "27 km".into(),
                            kind: "measure".into(),
                            value: Some(Value::Number(27.0)),
                            value_max: Some(40.5),
                            unit: Some("°C".into()),
                            counted: Some("people\n".into()),
                            counted_span: Some(span(3, "中文")),
                            bound: "at_least".into(),
                            si_value: Some(-0.001),
                            restates: Some(4),
                        },
                        Number { value: Some(Value::Text("../09:30".into())), ..Default::default() },
                        Number { value: Some(Value::Number(-2.5e-7)), ..Default::default() },
                        Number::default(),
                    ],
                    attributions: vec![
                        Attribution {
                            speaker: Some("Zoë".into()),
                            source: Some(span(0, "the mayor")),
                            cue: span(5, "said"),
                            content: span(9, "“x\ty”"),
                            direct: true,
                            anonymous: true,
                            source_kind: "named".into(),
                            medium: Some(span(2, "on TV")),
                        },
                        Attribution::default(),
                    ],
                },
                Document::default(),
            ],
            contradictions: vec![Contradiction {
                kind: "numeric".into(),
                confidence: 0.63,
                explanation: "“59” ≠ “60” — \u{1} control".into(),
                a: doc_span(0, "59"),
                b: doc_span(1, "60"),
            }],
            corroborations: vec![Corroboration {
                explanation: "both".into(),
                claims: vec![doc_span(0, "é")],
                sources: 2,
            }],
        };
        for json in [serde_json::to_string(&out).unwrap(), serde_json::to_string_pretty(&out).unwrap()] {
            assert_eq!(parse_reply(&json), Ok(out.clone()), "{json}");
            assert_eq!(parse_reply(&json), Ok(serde_reply(&json)), "{json}");
        }
        let with_unknown = r#"{"id":null,"offsets":"chars","documents":[{"sources":[{"a":[1,{"b":"\""}]}],"name":"x","numbers":[{"text":"5","extra":{"k":[true,false,null]}}]}]}"#;
        assert_eq!(parse_reply(with_unknown), Ok(serde_reply(with_unknown)));
        assert_eq!(parse_reply(with_unknown).unwrap().documents[0].numbers[0].text, "5");
        assert!(parse_reply(r#"{"documents":[{"numbers":[{"start":-1}]}]}"#).is_err());
        assert!(parse_reply(r#"{"documents":[]} trailing"#).is_err());
    }

    #[wasm_bindgen_test]
    fn shows_a_measure_with_its_conversion() {
        assert_eq!(number("measure", Value::Number(27.0), Some("km")).value_text(), "27 km = 16.8 mi");
        assert_eq!(number("measure", Value::Number(300.0), Some("m")).value_text(), "300 m = 984.3 ft");
    }

    #[wasm_bindgen_test]
    fn shows_money_percent_ranges_and_dates() {
        assert_eq!(number("money", Value::Number(1900000.0), Some("USD")).value_text(), "USD 1,900,000");
        assert_eq!(number("percent", Value::Number(8.5), Some("%")).value_text(), "8.5%");
        let mut range = number("range", Value::Number(30.0), None);
        range.value_max = Some(40.0);
        assert_eq!(range.value_text(), "30–40");
        assert_eq!(number("date", Value::Text("2026-03-04".into()), None).value_text(), "2026-03-04");
        assert_eq!(number("range", Value::Text("../09:30".into()), None).value_text(), "until 09:30");
        assert_eq!(number("range", Value::Text("14:00/..".into()), None).value_text(), "from 14:00");
    }

    #[wasm_bindgen_test]
    fn names_bounds_in_words() {
        let mut n = number("cardinal", Value::Number(12.0), None);
        n.bound = "at_least".into();
        assert_eq!(n.bound_text().as_deref(), Some("at least"));
        n.bound = "exact".into();
        assert_eq!(n.bound_text(), None);
    }

    #[wasm_bindgen_test]
    fn formats_numbers_with_separators() {
        assert_eq!(format_number(1234567.891), "1,234,567.89");
        assert_eq!(format_number(-0.5), "-0.5");
        assert_eq!(format_number(100.0), "100");
    }
}
