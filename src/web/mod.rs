//! The browser faces, compiled only for wasm32: the full page (`page`) and the embeddable widget
//! (`embed`), both thin layers over `crate::analyze` that show findings as highlights over the
//! text, cards and lists.

pub mod dom;
pub mod embed;
pub mod engine;
pub mod example;
pub mod findings;
pub mod highlight;
pub mod io;
pub mod json;
pub mod model;
pub mod page;
pub mod paste;
pub mod reader;
pub mod textmap;
pub mod view;

use crate::output::{self, OffsetUnit};
use crate::request::{ClusterRequest, DocumentInput};
use crate::{Analysis, Document};
use reader::Reader;

/// Runs one cluster request (the JSON of a CLI `--jsonl` line) and returns the output as JSON,
/// or `{"error": …}`. The page's worker and its synchronous fallback both call this.
pub fn analyze_request_json(request: &str, unit: OffsetUnit) -> String {
    let (docs, analysis) = match analyze_request(request) {
        Ok(analysed) => analysed,
        Err(e) => return error_json(&e),
    };
    // Written straight from the analysis, keys sorted (`output::write_json`): no output model.
    let mut json = Vec::new();
    match output::write_json(&mut json, &docs, &analysis, unit, None) {
        Ok(()) => String::from_utf8(json).unwrap_or_else(|_| error_json("output: not UTF-8")),
        // Writing to memory does not fail; serde_json's error type is not formatted (its
        // messages would be in the wasm for nothing).
        Err(_) => error_json("output: could not be written"),
    }
}

/// The documents of a cluster request and their analysis, or what is wrong with the request.
pub fn analyze_request(request: &str) -> Result<(Vec<Document>, Analysis), String> {
    let request = read_request(request).map_err(|e| format!("request: {e}"))?;
    let (docs, options) = request.into_parts()?;
    let analysis = crate::analyze(&docs, &options);
    Ok((docs, analysis))
}

/// A cluster request as the CLI's serde reads it (`request.rs`), with the page's small reader
/// (`reader.rs`): serde_json's deserialiser stays out of the page's module. `id` is not read (the
/// page does not echo it).
pub fn read_request(json: &str) -> Result<ClusterRequest, String> {
    let mut request = ClusterRequest { id: None, documents: None, text: None, pub_date: None };
    reader::read_object(json, &mut |r, key| {
        match key {
            "documents" => request.documents = reader::option(r, |r| reader::list(r, read_document_input))?,
            "text" => request.text = reader::option(r, Reader::string)?,
            "pub_date" => request.pub_date = reader::option(r, Reader::string)?,
            _ => r.skip()?,
        }
        Ok(())
    })?;
    Ok(request)
}

/// One article of a request: `{"name", "text", "pub_date"}`, `text` required.
pub fn read_document_input(r: &mut Reader) -> reader::Read<DocumentInput> {
    let (mut name, mut text, mut pub_date) = (None, None, None);
    r.object(&mut |r, key| {
        match key {
            "name" => name = reader::option(r, Reader::string)?,
            "text" => text = Some(r.string()?),
            "pub_date" => pub_date = reader::option(r, Reader::string)?,
            _ => r.skip()?,
        }
        Ok(())
    })?;
    let text = text.ok_or("missing field `text`")?;
    Ok(DocumentInput { name, text, pub_date })
}

/// Panics on purpose, for the crash-recovery tests: the page's worker calls it only when a test
/// sends it a message the page itself never sends. No text reaches it.
#[wasm_bindgen::prelude::wasm_bindgen(js_name = panicForTests)]
pub fn panic_for_tests(message: &str) {
    panic!("{message}");
}

pub(crate) fn error_json(message: &str) -> String {
    json::to_string(|w| json::Object::open(w).leaf("error", message).close())
}

#[cfg(test)]
wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test;

    /// What a request holds, to compare two readings of it.
    fn parts(request: &ClusterRequest) -> String {
        let docs: Option<Vec<_>> =
            request.documents.as_ref().map(|docs| docs.iter().map(|d| (&d.name, &d.text, &d.pub_date)).collect());
        format!("{docs:?} {:?} {:?}", request.text, request.pub_date)
    }

    #[wasm_bindgen_test]
    fn reads_requests_as_the_cli_does() {
        let requests = [
            r#"{"documents":[{"name":"wire “A”","text":"🚢 12 ferries, café, 中文","pub_date":"2024-03-04"},{"text":"x"}],"pub_date":" "}"#,
            r#"{"id":{"n":[1,2]},"text":"Officials said 5 \"quoted\" words\n\u00e9.","extra":[true]}"#,
            r#"{"documents":null,"text":null,"pub_date":null}"#,
            r#"{"documents":[{"name":null,"text":"t","pub_date":null,"unknown":1}]}"#,
            "{}",
        ];
        for json in requests {
            let expected = serde_json::from_str::<ClusterRequest>(json).unwrap();
            assert_eq!(parts(&read_request(json).unwrap()), parts(&expected), "{json}");
        }
        for json in [r#"{"documents":[{"name":"no text"}]}"#, r#"{"documents":3}"#, r#"{"text":5}"#, "{not json"] {
            assert!(serde_json::from_str::<ClusterRequest>(json).is_err(), "{json}");
            assert!(read_request(json).is_err(), "{json}");
        }
        assert_eq!(read_request(r#"{"documents":[{}]}"#).unwrap_err(), "missing field `text`");
        // serde also reads a struct from an array of its fields in order; the page never sends one.
        assert!(read_request("[]").is_err());
    }

    #[wasm_bindgen_test]
    fn reads_mount_options_as_serde_did() {
        for json in [
            r#"{"for":"article","pubDate":"2024-03-04","name":"Zoë’s 😀","legend":false,"x":[1]}"#,
            r#"{"pub_date":null}"#,
            "{}",
        ] {
            let expected: embed::MountOptions = serde_json::from_str(json).unwrap();
            assert_eq!(format!("{:?}", embed::read_mount_options(json).unwrap()), format!("{expected:?}"), "{json}");
        }
        assert!(embed::read_mount_options(r#"{"legend":"yes"}"#).is_err());
    }
}
