//! The CLI's JSON Lines result, written straight from the output model with every object's keys
//! in alphabetical order: the bytes of `serde_json::to_value` (whose maps sort their keys) plus
//! the cluster's `id`, then `to_writer`, without building and dropping a `Value` tree (a third
//! of the time the CLI spent outside the analysis).

use super::{OutAttribution, OutContradiction, OutCorroboration, OutDocSpan, OutDocument, OutNumber, OutSpan, Output};
use crate::attributions::SourceSummary;
use serde::Serialize;

type Result = serde_json::Result<()>;

/// `out` with `id` as one JSON object, keys sorted at every level, appended to `w`.
pub fn write_sorted(w: &mut Vec<u8>, out: &Output, id: &serde_json::Value) -> Result {
    let mut o = Object::open(w);
    o.list("contradictions", &out.contradictions, contradiction)?;
    o.list("corroborations", &out.corroborations, corroboration)?;
    o.list("documents", &out.documents, document)?;
    o.leaf("id", id)?;
    o.leaf("offsets", &out.offsets)?;
    o.close();
    Ok(())
}

/// A JSON object being written: `{`, then `"key":value` pairs (the caller gives them in
/// alphabetical order), then `}`.
struct Object<'w> {
    w: &'w mut Vec<u8>,
    empty: bool,
}

impl<'w> Object<'w> {
    fn open(w: &'w mut Vec<u8>) -> Self {
        w.push(b'{');
        Object { w, empty: true }
    }

    fn key(&mut self, key: &str) -> &mut Vec<u8> {
        if !self.empty {
            self.w.push(b',');
        }
        self.empty = false;
        self.w.push(b'"');
        self.w.extend_from_slice(key.as_bytes());
        self.w.extend_from_slice(b"\":");
        self.w
    }

    /// A value serde writes as it is: a number, string, null, unit variant or the id.
    fn leaf(&mut self, key: &str, value: &impl Serialize) -> Result {
        serde_json::to_writer(self.key(key), value)
    }

    fn object(&mut self, key: &str, value: impl FnOnce(&mut Vec<u8>) -> Result) -> Result {
        value(self.key(key))
    }

    fn list<T>(&mut self, key: &str, items: &[T], item: fn(&mut Vec<u8>, &T) -> Result) -> Result {
        let w = self.key(key);
        w.push(b'[');
        for (i, x) in items.iter().enumerate() {
            if i > 0 {
                w.push(b',');
            }
            item(w, x)?;
        }
        w.push(b']');
        Ok(())
    }

    fn close(self) {
        self.w.push(b'}');
    }
}

fn span(w: &mut Vec<u8>, s: &OutSpan) -> Result {
    let mut o = Object::open(w);
    o.leaf("end", &s.end)?;
    o.leaf("start", &s.start)?;
    o.leaf("text", &s.text)?;
    o.close();
    Ok(())
}

fn optional_span(w: &mut Vec<u8>, s: &Option<OutSpan>) -> Result {
    match s {
        Some(s) => span(w, s),
        None => serde_json::to_writer(w, &()),
    }
}

fn doc_span(w: &mut Vec<u8>, s: &OutDocSpan) -> Result {
    let mut o = Object::open(w);
    o.leaf("doc", &s.doc)?;
    o.leaf("end", &s.end)?;
    o.leaf("start", &s.start)?;
    o.leaf("text", &s.text)?;
    o.close();
    Ok(())
}

fn number(w: &mut Vec<u8>, n: &OutNumber) -> Result {
    let mut o = Object::open(w);
    o.leaf("bound", &n.bound)?;
    o.leaf("counted", &n.counted)?;
    o.object("counted_span", |w| optional_span(w, &n.counted_span))?;
    o.leaf("end", &n.end)?;
    o.leaf("kind", &n.kind)?;
    o.leaf("restates", &n.restates)?;
    o.leaf("si_value", &n.si_value)?;
    o.leaf("start", &n.start)?;
    o.leaf("text", &n.text)?;
    o.leaf("unit", &n.unit)?;
    o.leaf("value", &n.value)?;
    o.leaf("value_max", &n.value_max)?;
    o.close();
    Ok(())
}

fn attribution(w: &mut Vec<u8>, a: &OutAttribution) -> Result {
    let mut o = Object::open(w);
    o.object("anonymity", |w| optional_span(w, &a.anonymity))?;
    o.leaf("anonymous", &a.anonymous)?;
    o.object("content", |w| span(w, &a.content))?;
    o.object("cue", |w| span(w, &a.cue))?;
    o.leaf("direct", &a.direct)?;
    o.object("medium", |w| optional_span(w, &a.medium))?;
    o.object("source", |w| optional_span(w, &a.source))?;
    o.leaf("source_kind", &a.source_kind)?;
    o.leaf("speaker", &a.speaker)?;
    o.close();
    Ok(())
}

fn source(w: &mut Vec<u8>, s: &SourceSummary) -> Result {
    let mut o = Object::open(w);
    o.leaf("anonymous", &s.anonymous)?;
    o.leaf("attributions", &s.attributions)?;
    o.leaf("direct", &s.direct)?;
    o.leaf("indirect", &s.indirect)?;
    o.leaf("source_kind", &s.source_kind)?;
    o.leaf("speaker", &s.speaker)?;
    o.leaf("statements", &s.statements)?;
    o.close();
    Ok(())
}

fn document(w: &mut Vec<u8>, d: &OutDocument) -> Result {
    let mut o = Object::open(w);
    o.list("attributions", &d.attributions, attribution)?;
    o.leaf("name", &d.name)?;
    o.list("numbers", &d.numbers, number)?;
    o.list("sources", &d.sources, source)?;
    o.close();
    Ok(())
}

fn contradiction(w: &mut Vec<u8>, c: &OutContradiction) -> Result {
    let mut o = Object::open(w);
    o.object("a", |w| doc_span(w, &c.a))?;
    o.object("b", |w| doc_span(w, &c.b))?;
    o.leaf("confidence", &c.confidence)?;
    o.leaf("explanation", &c.explanation)?;
    o.leaf("kind", &c.kind)?;
    o.close();
    Ok(())
}

fn corroboration(w: &mut Vec<u8>, c: &OutCorroboration) -> Result {
    let mut o = Object::open(w);
    o.list("claims", &c.claims, doc_span)?;
    o.leaf("explanation", &c.explanation)?;
    o.leaf("sources", &c.sources)?;
    o.close();
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::output::{render, OffsetUnit};
    use crate::{analyze, Document, Options};

    /// What the CLI wrote before: the output as a `Value` (sorted keys), with the id added.
    fn through_value(out: &Output, id: &serde_json::Value) -> Vec<u8> {
        let mut value = serde_json::to_value(out).unwrap();
        value.as_object_mut().unwrap().insert("id".into(), id.clone());
        serde_json::to_vec(&value).unwrap()
    }

    #[test]
    fn writes_the_bytes_of_the_sorted_value_tree() {
        let docs = [
            Document::new(
                "a “one”",
                "Officials said 59 cruise missiles struck the base on April 7, 2017, killing 4 people. \
                 \"We fired 59 Tomahawks,\" said Jeff Davis, a Pentagon spokesman 👍🏽. Prices rose 3.5% to $1.2bn \
                 over 2 weeks; about 27km (17 miles) away, 東京 reported nothing, a defence official said.",
            ),
            Document::new(
                "b",
                "The US fired 60 cruise missiles at the base on April 6, 2017, killing 6 people, the Pentagon \
                 said. Prices rose 4% over two weeks. \"We fired 59 Tomahawks,\" said Jeff Davis.",
            ),
        ];
        let analysis = analyze(&docs, &Options::default());
        for unit in [OffsetUnit::Chars, OffsetUnit::Utf16, OffsetUnit::Bytes] {
            let out = render(&docs, &analysis, unit);
            assert!(!out.contradictions.is_empty() && !out.documents[0].sources.is_empty());
            for id in [serde_json::json!("c-1"), serde_json::json!({"z": 1, "a": [null, 2.5]}), serde_json::Value::Null]
            {
                let mut mine = Vec::new();
                write_sorted(&mut mine, &out, &id).unwrap();
                assert_eq!(String::from_utf8(mine).unwrap(), String::from_utf8(through_value(&out, &id)).unwrap());
            }
        }
    }
}
