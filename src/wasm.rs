//! The JavaScript face: `analyze(documents, options)` for embedding, with UTF-16 offsets so that
//! `text.slice(start, end)` is the span.

use crate::output::{self, OffsetUnit};
use crate::request::{ClusterRequest, DocumentInput};
use serde::{Deserialize, Serialize};
use wasm_bindgen::prelude::*;

#[derive(Deserialize, Default)]
#[serde(default)]
struct JsOptions {
    pub_date: Option<String>,
    offsets: Option<OffsetUnit>,
}

/// Installs the panic hook once, so a bug reports itself in the console instead of dying silently.
#[wasm_bindgen(start)]
pub fn start() {
    console_error_panic_hook::set_once();
}

/// Analyses a cluster: `documents` is an array of `{name, text}` (or of strings), `options` is
/// `{pub_date: "YYYY-MM-DD", offsets: "utf16" | "chars" | "bytes"}` (both optional).
#[wasm_bindgen]
pub fn analyze(documents: JsValue, options: JsValue) -> Result<JsValue, JsError> {
    let docs: Vec<DocumentInput> = if let Some(s) = documents.as_string() {
        vec![DocumentInput { name: None, text: s }]
    } else {
        let arr = js_sys::Array::from(&documents);
        arr.iter()
            .map(|v| match v.as_string() {
                Some(text) => Ok(DocumentInput { name: None, text }),
                None => serde_wasm_bindgen::from_value(v).map_err(|e| JsError::new(&format!("documents: {e}"))),
            })
            .collect::<Result<_, _>>()?
    };
    let opts: JsOptions = if options.is_undefined() || options.is_null() {
        JsOptions::default()
    } else {
        serde_wasm_bindgen::from_value(options).map_err(|e| JsError::new(&format!("options: {e}")))?
    };
    let req = ClusterRequest { id: None, documents: Some(docs), text: None, pub_date: opts.pub_date };
    let (docs, options) = req.into_parts().map_err(|e| JsError::new(&e))?;
    let analysis = crate::analyze(&docs, &options);
    let out = output::render(&docs, &analysis, opts.offsets.unwrap_or(OffsetUnit::Utf16));
    out.serialize(&serde_wasm_bindgen::Serializer::json_compatible()).map_err(|e| JsError::new(&e.to_string()))
}
