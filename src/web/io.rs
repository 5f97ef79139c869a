//! Text in and out of the page: splitting a paste into articles, reducing dropped HTML and
//! Markdown to plain text, the permalink encoding, and the exports (CSV, W3C Web Annotation).
//! Everything here is plain Rust over strings, so it is tested without a page.

use super::json::{self, Leaf, Object};
use super::model::{Output, Span};
use super::reader::{list, read_object, string, Read, Reader};
#[cfg(test)]
use serde::{Deserialize, Serialize};

pub use super::paste::{markdown_to_text, split_articles};

/// One article as the page keeps it (storage, permalink).
#[derive(Debug, Clone, Default, PartialEq)]
#[cfg_attr(test, derive(Serialize, Deserialize), serde(default))]
pub struct SavedPane {
    pub name: String,
    pub date: String,
    pub text: String,
}

/// Collapses HTML whitespace inside one text node the way a browser lays it out.
pub fn collapse_html_whitespace(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if !c.is_whitespace() {
            out.push(c);
        } else if !out.ends_with(' ') {
            out.push(' ');
        }
    }
    out
}

/// Tidies text read from HTML: trims each line and keeps at most one blank line in a row.
pub fn tidy_paragraphs(text: &str) -> String {
    let mut out = String::new();
    let mut blank = 0;
    for line in text.lines().map(str::trim) {
        if line.is_empty() {
            blank += 1;
            continue;
        }
        if !out.is_empty() {
            out.push_str(if blank > 0 { "\n\n" } else { "\n" });
        }
        blank = 0;
        out.push_str(line);
    }
    out
}

/// What a dropped file holds, when it is not text: by its type, its first bytes or its content.
/// The message names the file and says what to do; `Ok` is the text (a UTF-8 BOM removed).
pub fn decode_dropped_file(name: &str, mime: &str, bytes: &[u8]) -> Result<String, String> {
    const MAGIC: [(&[u8], &str); 8] = [
        (b"\x89PNG", "a PNG image"),
        (b"\xFF\xD8\xFF", "a JPEG image"),
        (b"GIF8", "a GIF image"),
        (b"%PDF", "a PDF document"),
        (b"PK\x03\x04", "a ZIP archive (a .docx or .odt is one too)"),
        (b"\x1F\x8B", "a gzip archive"),
        (b"RIFF", "a RIFF media file"),
        (b"\xD0\xCF\x11\xE0", "an old Office document"),
    ];
    let what =
        MAGIC.iter().find(|(magic, _)| bytes.starts_with(magic)).map(|(_, what)| what.to_string()).or_else(|| {
            let family = mime.split('/').next().unwrap_or("");
            let article = match family {
                "image" => "an image",
                "audio" => "an audio",
                "video" => "a video",
                "font" => "a font",
                _ => return None,
            };
            Some(format!("{article} file ({mime})"))
        });
    let hint = "drop .txt, .html or .md files, or paste the text";
    if let Some(what) = what {
        return Err(format!("{name} is {what}, not text: {hint}."));
    }
    if let Some(at) = bytes.iter().position(|&b| b == 0) {
        return Err(format!("{name} holds binary data, not text (a NUL byte at byte {at}): {hint}."));
    }
    let text = match std::str::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            let at = e.valid_up_to();
            return Err(format!(
                "{name} is not UTF-8 text (invalid byte 0x{:02x} at byte {at}): save it as UTF-8 and drop it again.",
                bytes[at]
            ));
        }
    };
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(format!("{name} is empty: nothing to analyse in it."));
    }
    Ok(text.to_string())
}

const B64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// base64url without padding (RFC 4648 §5), for the permalink fragment.
pub fn base64url_encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk.iter().enumerate().fold(0u32, |n, (i, b)| n | (*b as u32) << (16 - 8 * i));
        for i in 0..=chunk.len() {
            out.push(B64[(n >> (18 - 6 * i) & 63) as usize] as char);
        }
    }
    out
}

pub fn base64url_decode(s: &str) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(s.len() * 3 / 4);
    let mut acc = 0u32;
    let mut bits = 0;
    for c in s.bytes().filter(|c| !c.is_ascii_whitespace() && *c != b'=') {
        let v = match c {
            b'+' => 62,
            b'/' => 63,
            _ => B64.iter().position(|&x| x == c)? as u32,
        };
        acc = acc << 6 | v;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
            acc &= (1 << bits) - 1;
        }
    }
    Some(out)
}

/// The permalink fragment for a cluster: `cluster=` and the panes as base64url JSON.
pub fn permalink_fragment(panes: &[SavedPane]) -> String {
    // `{"panes":[{"date","name","text"}…],"v":1}`: keys sorted, as `json!` wrote them.
    let json = json::to_string(|w| {
        let mut o = Object::open(w);
        o.with("panes", |w| {
            json::list(w, panes, |w, p| {
                Object::open(w).leaf("date", &p.date).leaf("name", &p.name).leaf("text", &p.text).close()
            })
        });
        o.leaf("v", &1usize).close();
    });
    format!("cluster={}", base64url_encode(json.as_bytes()))
}

/// Reads a fragment made by [`permalink_fragment`] (with or without the leading `#`).
pub fn parse_permalink(fragment: &str) -> Option<Vec<SavedPane>> {
    let data = fragment.trim_start_matches('#').strip_prefix("cluster=")?;
    let bytes = base64url_decode(data)?;
    let json = std::str::from_utf8(&bytes).ok()?;
    let mut panes = None;
    read_object(json, &mut |r, key| {
        match key {
            "panes" => panes = Some(list(r, read_saved_pane)?),
            _ => r.skip()?,
        }
        Ok(())
    })
    .ok()?;
    panes
}

fn read_saved_pane(r: &mut Reader) -> Read<SavedPane> {
    let mut pane = SavedPane::default();
    r.object(&mut |r, key| {
        match key {
            "name" => pane.name = string(r)?,
            "date" => pane.date = string(r)?,
            "text" => pane.text = string(r)?,
            _ => r.skip()?,
        }
        Ok(())
    })?;
    Ok(pane)
}

fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// One row per finding: numbers, attributions, contradictions (one row per pair), corroborations.
/// Offsets are in the output's unit (the export asks for code points).
pub fn to_csv(out: &Output) -> String {
    let header = [
        "finding",
        "article",
        "start",
        "end",
        "text",
        "kind",
        "value",
        "unit",
        "counted",
        "bound",
        "speaker",
        "source_kind",
        "direct",
        "anonymous",
        "confidence",
        "explanation",
        "other_article",
        "other_start",
        "other_end",
        "other_text",
    ];
    let mut rows: Vec<Vec<String>> = Vec::new();
    let name = |d: usize| out.documents.get(d).map(|x| x.name.clone()).unwrap_or_default();
    for d in &out.documents {
        for n in &d.numbers {
            let value = n
                .value
                .as_ref()
                .map(|v| v.as_str().map(str::to_string).unwrap_or_else(|| json::to_string(|w| v.write(w))));
            rows.push(vec![
                "number".into(),
                d.name.clone(),
                n.start.to_string(),
                n.end.to_string(),
                n.text.clone(),
                n.kind.clone(),
                value.unwrap_or_default(),
                n.unit.clone().unwrap_or_default(),
                n.counted.clone().unwrap_or_default(),
                n.bound.clone(),
            ]);
        }
        for a in &d.attributions {
            let mut row = vec![
                "attribution".into(),
                d.name.clone(),
                a.content.start.to_string(),
                a.content.end.to_string(),
                a.content.text.clone(),
                if a.direct { "direct" } else { "indirect" }.into(),
            ];
            row.extend(["", "", "", ""].map(String::from));
            row.extend([a.who(), a.source_kind.clone(), a.direct.to_string(), a.anonymous.to_string()]);
            rows.push(row);
        }
    }
    for c in &out.contradictions {
        let mut row = vec![
            "contradiction".into(),
            name(c.a.doc),
            c.a.start.to_string(),
            c.a.end.to_string(),
            c.a.text.clone(),
            c.kind.clone(),
        ];
        row.extend(["", "", "", "", "", "", "", ""].map(String::from));
        row.extend([
            crate::decimal::fixed(c.confidence, 2),
            c.explanation.clone(),
            name(c.b.doc),
            c.b.start.to_string(),
            c.b.end.to_string(),
            c.b.text.clone(),
        ]);
        rows.push(row);
    }
    for c in &out.corroborations {
        for s in &c.claims {
            let mut row = vec![
                "corroboration".into(),
                name(s.doc),
                s.start.to_string(),
                s.end.to_string(),
                s.text.clone(),
                String::new(),
            ];
            row.extend(["", "", "", "", "", "", "", "", ""].map(String::from));
            row.push(c.explanation.clone());
            rows.push(row);
        }
    }
    let mut csv = header.join(",");
    csv.push_str("\r\n");
    for mut row in rows {
        row.resize(header.len(), String::new());
        csv.push_str(&row.iter().map(|f| csv_field(f)).collect::<Vec<_>>().join(","));
        csv.push_str("\r\n");
    }
    csv
}

/// Up to `n` code points of context before and after `start..end` (code point offsets).
fn context(text: &str, start: usize, end: usize, n: usize) -> (String, String) {
    let chars: Vec<char> = text.chars().collect();
    let (start, end) = (start.min(chars.len()), end.min(chars.len()));
    let prefix: String = chars[start.saturating_sub(n)..start].iter().collect();
    let suffix: String = chars[end..(end + n).min(chars.len())].iter().collect();
    (prefix, suffix)
}

/// The findings as a W3C Web Annotation collection (JSON-LD, compact: see `json::pretty`). `out`
/// must use code point offsets, which is what `TextPositionSelector` counts; `texts` are the
/// documents' texts.
pub fn to_web_annotations(out: &Output, texts: &[String]) -> String {
    let source = |d: usize| {
        let name = out.documents.get(d).map(|x| x.name.as_str()).unwrap_or("");
        format!("urn:claimlens:document:{}:{}", d + 1, base64url_encode(name.as_bytes()))
    };
    // Each object's keys in alphabetical order, as `json!` wrote them.
    let mut items: Vec<u8> = vec![b'['];
    let mut count = 0usize;
    let mut push = |doc: usize, span: &Span, motivation: &str, tag: &str, body: String| {
        let text = texts.get(doc).map(String::as_str).unwrap_or("");
        let (prefix, suffix) = context(text, span.start, span.end, 32);
        count += 1;
        if count > 1 {
            items.push(b',');
        }
        let mut item = Object::open(&mut items);
        item.with("body", |w| {
            w.push(b'[');
            let mut o = Object::open(w);
            o.leaf("format", "text/plain").leaf("purpose", "describing").leaf("type", "TextualBody");
            o.leaf("value", &body).close();
            w.push(b',');
            let mut o = Object::open(w);
            o.leaf("purpose", "tagging").leaf("type", "TextualBody").leaf("value", tag).close();
            w.push(b']');
        });
        item.leaf("id", &format!("urn:claimlens:annotation:{count}")).leaf("motivation", motivation);
        item.with("target", |w| {
            let mut target = Object::open(w);
            target.with("selector", |w| {
                w.push(b'[');
                let mut o = Object::open(w);
                o.leaf("exact", &span.text).leaf("prefix", &prefix).leaf("suffix", &suffix);
                o.leaf("type", "TextQuoteSelector").close();
                w.push(b',');
                let mut o = Object::open(w);
                o.leaf("end", &span.end).leaf("start", &span.start).leaf("type", "TextPositionSelector").close();
                w.push(b']');
            });
            target.leaf("source", &source(doc)).close();
        });
        item.leaf("type", "Annotation").close();
    };
    for (d, doc) in out.documents.iter().enumerate() {
        for n in &doc.numbers {
            let span = Span { start: n.start, end: n.end, text: n.text.clone() };
            let mut body = format!("{}: {}", n.kind, n.value_text());
            if let Some(c) = &n.counted {
                body.push_str(&format!(" ({c})"));
            }
            push(d, &span, "classifying", &format!("number:{}", n.kind), body);
        }
        for a in &doc.attributions {
            let body = format!(
                "{} statement by {} ({}{})",
                if a.direct { "Direct" } else { "Indirect" },
                a.who(),
                a.source_kind,
                if a.anonymous { ", anonymous" } else { "" }
            );
            push(d, &a.content, "commenting", "attribution", body);
        }
    }
    for c in &out.contradictions {
        for (s, other) in [(&c.a, &c.b), (&c.b, &c.a)] {
            let span = Span { start: s.start, end: s.end, text: s.text.clone() };
            let other_name = out.documents.get(other.doc).map(|x| x.name.as_str()).unwrap_or("");
            let body = format!("{} Conflicts with “{}” in {}.", c.explanation, other.text, other_name);
            push(s.doc, &span, "assessing", &format!("contradiction:{}", c.kind), body);
        }
    }
    for c in &out.corroborations {
        for s in &c.claims {
            let span = Span { start: s.start, end: s.end, text: s.text.clone() };
            push(s.doc, &span, "assessing", "corroboration", c.explanation.clone());
        }
    }
    items.push(b']');
    json::to_string(|w| {
        let mut o = Object::open(w);
        o.leaf("@context", "http://www.w3.org/ns/anno.jsonld");
        o.with("first", |w| {
            let mut page = Object::open(w);
            page.key("items").extend_from_slice(&items);
            page.leaf("startIndex", &0usize).leaf("type", "AnnotationPage").close();
        });
        o.leaf("id", "urn:claimlens:export").leaf("label", "ClaimLens findings");
        o.leaf("total", &count).leaf("type", "AnnotationCollection").close();
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test;

    #[wasm_bindgen_test]
    fn splits_pasted_articles_on_dashes_and_double_blank_lines() {
        let parts = split_articles("One.\n\nStill one.\n---\nTwo.\n\n\n\nThree é.");
        assert_eq!(parts, vec!["One.\n\nStill one.", "Two.", "Three é."]);
    }

    #[wasm_bindgen_test]
    fn keeps_a_single_article_whole() {
        assert_eq!(split_articles("  A.\n\nB.  "), vec!["A.\n\nB."]);
    }

    #[wasm_bindgen_test]
    fn reduces_markdown_to_words() {
        let md = "# Title\n\n**Bold** and [a link](http://x.test) with `code`.\n- item 😀";
        assert_eq!(markdown_to_text(md), "Title\n\nBold and a link with code.\nitem 😀");
    }

    #[wasm_bindgen_test]
    fn writes_the_permalink_and_annotations_as_json_did() {
        let panes = vec![
            SavedPane { name: "東京 😀".into(), date: "2026-03-03".into(), text: "Café “3 km”\n\"q\"".into() },
            SavedPane::default(),
        ];
        let json = String::from_utf8(base64url_decode(&permalink_fragment(&panes)["cluster=".len()..]).unwrap());
        let old = serde_json::to_string(&serde_json::json!({ "v": 1, "panes": panes })).unwrap();
        assert_eq!(json.unwrap(), old);
        let texts = ["We counted 212 passengers 😀, “she said”.".to_string()];
        let request = serde_json::json!({"documents": [{"name": "A “b”", "text": texts[0]}]}).to_string();
        let reply = crate::wasm::web::analyze_request_json(&request, crate::output::OffsetUnit::Chars);
        let out = super::super::model::parse_reply(&reply).unwrap();
        let annotations = to_web_annotations(&out, &texts);
        // Keys sorted at every level and serde_json's own text for the value it holds.
        let value: serde_json::Value = serde_json::from_str(&annotations).unwrap();
        assert_eq!(annotations, value.to_string());
        assert_eq!(value["total"], serde_json::json!(value["first"]["items"].as_array().unwrap().len()));
        assert_eq!(value["first"]["items"][0]["id"], "urn:claimlens:annotation:1");
        assert!(value["first"]["items"][0]["target"]["selector"][0]["exact"].as_str().is_some_and(|s| !s.is_empty()));
    }

    #[wasm_bindgen_test]
    fn permalink_round_trips_unicode() {
        let panes =
            vec![SavedPane { name: "東京 😀".into(), date: "2026-03-03".into(), text: "Café “3 km”".into() }];
        let frag = permalink_fragment(&panes);
        assert!(frag.bytes().all(|b| b.is_ascii_alphanumeric() || b"=-_".contains(&b)));
        assert_eq!(parse_permalink(&format!("#{frag}")), Some(panes));
    }

    #[wasm_bindgen_test]
    fn base64url_matches_rfc4648_vectors() {
        for (plain, enc) in
            [("", ""), ("f", "Zg"), ("fo", "Zm8"), ("foo", "Zm9v"), ("foob", "Zm9vYg"), ("fooba", "Zm9vYmE")]
        {
            assert_eq!(base64url_encode(plain.as_bytes()), enc);
            assert_eq!(base64url_decode(enc).unwrap(), plain.as_bytes());
        }
    }

    #[wasm_bindgen_test]
    fn quotes_csv_fields_with_commas_and_quotes() {
        assert_eq!(csv_field("a, \"b\""), "\"a, \"\"b\"\"\"");
        assert_eq!(csv_field("plain"), "plain");
    }

    #[wasm_bindgen_test]
    fn annotation_context_counts_code_points() {
        let (prefix, suffix) = context("😀 ab 3 km cd", 5, 9, 3);
        assert_eq!((prefix.as_str(), suffix.as_str()), ("ab ", " cd"));
    }

    #[wasm_bindgen_test]
    fn dropped_text_files_decode_and_binary_ones_get_a_clear_message() {
        assert_eq!(
            decode_dropped_file("a.txt", "text/plain", "\u{FEFF}Café 😀 3 km".as_bytes()).unwrap(),
            "Café 😀 3 km"
        );
        let png = decode_dropped_file("photo.txt", "text/plain", b"\x89PNG\r\n\x1a\n\0\0").unwrap_err();
        assert_eq!(png, "photo.txt is a PNG image, not text: drop .txt, .html or .md files, or paste the text.");
        let image = decode_dropped_file("x.webp", "image/webp", b"abc").unwrap_err();
        assert!(image.starts_with("x.webp is an image file (image/webp), not text"), "{image}");
        let nul = decode_dropped_file("data.bin", "", b"abc\n\0def").unwrap_err();
        assert!(nul.contains("binary data, not text (a NUL byte at byte 4)"), "{nul}");
        let latin1 = decode_dropped_file("old.txt", "text/plain", b"Caf\xe9 au lait").unwrap_err();
        assert!(latin1.contains("not UTF-8 text (invalid byte 0xe9 at byte 3)"), "{latin1}");
        assert_eq!(decode_dropped_file("e.txt", "", b" \n ").unwrap_err(), "e.txt is empty: nothing to analyse in it.");
    }
}
