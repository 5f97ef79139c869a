//! The JavaScript face: `analyze(documents, options)` with UTF-16 offsets so that
//! `text.slice(start, end)` is the span, `mount(element, options)` for embedding, and
//! `start_page(root, options)` for the full page. The browser code itself lives in `src/web/`.

#[path = "web/mod.rs"]
pub mod web;

use crate::output::{self, OffsetUnit};
use crate::request::{ClusterRequest, DocumentInput};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web::reader::{option, read_object, Reader};

/// Talc instead of the standard library's dlmalloc: 2.5 KB smaller gzipped at the same speed
/// (BENCHMARKS.md, "The allocator (session 8)"); the page and its worker are single-threaded.
#[cfg(not(target_feature = "atomics"))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

#[derive(Default)]
struct JsOptions {
    pub_date: Option<String>,
    offsets: Option<OffsetUnit>,
}

/// `{pub_date (or pubDate), offsets: "utf16" | "chars" | "bytes"}`, both optional.
fn read_js_options(json: &str) -> Result<JsOptions, String> {
    let mut opts = JsOptions::default();
    read_object(json, &mut |r, key| {
        match key {
            "pub_date" | "pubDate" => opts.pub_date = option(r, Reader::string)?,
            "offsets" => opts.offsets = option(r, Reader::string)?.map(|unit| unit.parse()).transpose()?,
            _ => r.skip()?,
        }
        Ok(())
    })?;
    Ok(opts)
}

/// Installs the panic hook once, so a bug reports itself in the console instead of dying silently.
#[wasm_bindgen(start)]
pub fn start() {
    console_error_panic_hook::set_once();
}

/// Analyses a cluster: `documents` is an array of `{name, text}` (or of strings, or one string),
/// `options` is `{pub_date: "YYYY-MM-DD", offsets: "utf16" | "chars" | "bytes"}` (both optional).
#[wasm_bindgen]
pub fn analyze(documents: JsValue, options: JsValue) -> Result<JsValue, JsError> {
    let docs: Vec<DocumentInput> = if let Some(s) = documents.as_string() {
        vec![DocumentInput { name: None, text: s, pub_date: None }]
    } else if js_sys::Array::is_array(&documents) {
        let arr = js_sys::Array::from(&documents);
        arr.iter()
            .map(|v| match v.as_string() {
                Some(text) => Ok(DocumentInput { name: None, text, pub_date: None }),
                None => from_js(&v, "documents", |json| {
                    let mut r = Reader::new(json);
                    let document = web::read_document_input(&mut r)?;
                    r.end()?;
                    Ok(document)
                }),
            })
            .collect::<Result<_, _>>()?
    } else {
        return Err(JsError::new("documents: give a string or an array of {name, text} objects or strings"));
    };
    let opts: JsOptions = if options.is_undefined() || options.is_null() {
        JsOptions::default()
    } else {
        from_js(&options, "options", read_js_options)?
    };
    let req = ClusterRequest { id: None, documents: Some(docs), text: None, pub_date: opts.pub_date };
    let (docs, options) = req.into_parts().map_err(|e| JsError::new(&e))?;
    let analysis = crate::analyze(&docs, &options);
    // JSON across the boundary and the engine's `JSON.parse`: faster than building the object graph
    // field by field from wasm (BENCHMARKS.md).
    let json = output_js_string(&docs, &analysis, opts.offsets.unwrap_or(OffsetUnit::Utf16), Text::Ascii)
        .map_err(|_| JsError::new(OUTPUT_FAILED))?;
    drop(analysis);
    parse_json(&json).map_err(|_| JsError::new("output: JSON.parse failed"))
}

#[wasm_bindgen]
extern "C" {
    /// `JSON.parse` of a JS string (js_sys's takes a `&str`: the whole JSON in wasm memory at once).
    #[wasm_bindgen(js_namespace = JSON, js_name = parse, catch)]
    fn parse_json(text: &js_sys::JsString) -> Result<JsValue, JsValue>;

    /// The platform's UTF-8 decoder, for the output's bytes gathered in a JS buffer.
    type TextDecoder;
    #[wasm_bindgen(constructor)]
    fn new() -> TextDecoder;
    #[wasm_bindgen(method)]
    fn decode(this: &TextDecoder, bytes: &js_sys::Uint8Array) -> js_sys::JsString;
}

/// Writing the output cannot fail here (it goes to memory and to JS buffers); were it to, this is
/// the message, without formatting serde_json's error type (its messages and `Display` would be
/// in the wasm for nothing).
const OUTPUT_FAILED: &str = "output: could not be written";

/// Pieces of the output's JSON that cross into JS at a time: a few of them is all the wasm memory
/// the JSON takes (1,000 articles give 38 MB of it).
const PIECE_LEN: usize = 1 << 20;

/// How the output's JSON text crosses into JS.
#[derive(Clone, Copy)]
enum Text {
    /// The bytes the CLI writes.
    Utf8,
    /// Every non-ASCII character as a `\uXXXX` escape (`output::escape_non_ascii`), for a reply that
    /// only `JSON.parse` reads: the decoder and the parser take their one-byte paths.
    Ascii,
}

/// The output as one JS string, written straight from the analysis (`output::write_json_pieces`,
/// keys sorted) a piece at a time into a JS byte buffer, then decoded at once. Wasm memory never
/// shrinks, so the whole JSON stays out of it; and one flat string is what `JSON.parse` reads
/// fastest (joining a JS string per piece cost a third more time and memory in `JSON.parse`).
fn output_js_string(
    docs: &[crate::Document],
    analysis: &crate::Analysis,
    unit: OffsetUnit,
    text: Text,
) -> serde_json::Result<js_sys::JsString> {
    Ok(TextDecoder::new().decode(&output_js_bytes(docs, analysis, unit, text)?))
}

/// The output as JSON in UTF-8, in a JS typed array (outside wasm memory).
fn output_js_bytes(
    docs: &[crate::Document],
    analysis: &crate::Analysis,
    unit: OffsetUnit,
    text: Text,
) -> serde_json::Result<js_sys::Uint8Array> {
    let estimate = match text {
        Text::Utf8 => output::estimated_json_len(docs, analysis),
        // The escapes' room: news text in English has a non-ASCII character (a curly quote, a dash:
        // three bytes in UTF-8, six as an escape) every hundred bytes or so; a sixteenth more is room
        // to spare.
        Text::Ascii => output::estimated_json_len(docs, analysis) / 16 * 17,
    };
    let mut bytes = js_sys::Uint8Array::new_with_length(byte_len(estimate));
    let mut len = 0;
    // A small output is one piece of about its own size: a 1 MB piece would grow wasm memory for it.
    let piece_len = PIECE_LEN.min(estimate);
    let mut escaped = Vec::new();
    output::write_json_pieces(docs, analysis, unit, None, piece_len, &mut |piece| {
        let piece = match text {
            Text::Utf8 => piece,
            Text::Ascii => {
                escaped.clear();
                output::escape_non_ascii(piece, &mut escaped);
                &escaped
            }
        };
        let end = len + byte_len(piece.len());
        if end > bytes.length() {
            let bigger = js_sys::Uint8Array::new_with_length(end.max(bytes.length().saturating_mul(2)));
            bigger.set(&bytes.subarray(0, len), 0);
            bytes = bigger;
        }
        bytes.subarray(len, end).copy_from(piece);
        len = end;
        Ok(())
    })?;
    Ok(bytes.subarray(0, len))
}

/// A length for a JS typed array (wasm32 lengths fit in `u32`).
fn byte_len(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// A plain JS value (options, a document object) read through `JSON.stringify` and the page's JSON
/// reader (`web/reader.rs`), so the module needs no second deserialiser. `what` names the argument
/// in the error.
fn from_js<T>(value: &JsValue, what: &str, read: fn(&str) -> Result<T, String>) -> Result<T, JsError> {
    let json: String = js_sys::JSON::stringify(value)
        .ok()
        .and_then(|s| s.as_string())
        .ok_or_else(|| JsError::new(&format!("{what}: not a plain object")))?;
    read(&json).map_err(|e| JsError::new(&format!("{what}: {e}")))
}

/// For the page's worker: a cluster request as JSON in, the output (UTF-16 offsets) as JSON out,
/// or `{"error": …}`. Strings cross the worker boundary faster than object graphs. The same JSON
/// as `web::analyze_request_json`, made in pieces as `analyze` makes it.
#[wasm_bindgen(js_name = analyzeJson)]
pub fn analyze_json(request: &str) -> js_sys::JsString {
    let json = web::analyze_request(request).and_then(|(docs, analysis)| {
        output_js_string(&docs, &analysis, OffsetUnit::Utf16, Text::Utf8).map_err(|_| OUTPUT_FAILED.to_string())
    });
    json.unwrap_or_else(|e| web::error_json(&e).into())
}

/// [`analyze_json`] as UTF-8 bytes: the page's worker transfers them to the page, which reads
/// them as they are. A string reply of a 5 MB article (59 MB of JSON) was decoded to UTF-16 here,
/// copied by `postMessage` and encoded back into the page's wasm memory (~300 ms of the page
/// thread; BENCHMARKS.md "Huge pastes on the page").
#[wasm_bindgen(js_name = analyzeJsonBytes)]
pub fn analyze_json_bytes(request: &str) -> js_sys::Uint8Array {
    let json = web::analyze_request(request).and_then(|(docs, analysis)| {
        output_js_bytes(&docs, &analysis, OffsetUnit::Utf16, Text::Utf8).map_err(|_| OUTPUT_FAILED.to_string())
    });
    json.unwrap_or_else(|e| js_sys::Uint8Array::from(web::error_json(&e).as_bytes()))
}

/// `{worker}`: the URL of the analysis worker script; without it the page analyses on the main
/// thread.
fn read_worker_option(json: &str) -> Result<Option<String>, String> {
    let mut worker = None;
    read_object(json, &mut |r, key| {
        match key {
            "worker" => worker = option(r, Reader::string)?,
            _ => r.skip()?,
        }
        Ok(())
    })?;
    Ok(worker)
}

/// Builds the full ClaimLens page inside `root`.
#[wasm_bindgen(js_name = startPage)]
pub fn start_page(root: web_sys::Element, options: JsValue) -> Result<(), JsError> {
    let worker = if options.is_undefined() || options.is_null() {
        None
    } else {
        from_js(&options, "options", read_worker_option)?
    };
    web::page::start(&root, worker);
    Ok(())
}

/// A widget made by [`mount`].
#[wasm_bindgen]
pub struct Mounted {
    id: u32,
}

#[wasm_bindgen]
impl Mounted {
    /// Reads the text again and re-analyses it (after the article changed).
    pub fn refresh(&self) {
        web::embed::refresh(self.id);
    }

    /// Removes the widget and its highlights; the article is left untouched.
    pub fn destroy(&self) {
        web::embed::destroy(self.id);
    }

    /// The last analysis (the contract's model, UTF-16 offsets into `text`).
    #[wasm_bindgen(getter)]
    pub fn result(&self) -> JsValue {
        web::embed::result_json(self.id).and_then(|j| js_sys::JSON::parse(&j).ok()).unwrap_or(JsValue::NULL)
    }

    /// The text that was analysed, as read from the page.
    #[wasm_bindgen(getter)]
    pub fn text(&self) -> Option<String> {
        web::embed::text(self.id)
    }
}

/// Embeds ClaimLens in `element`: analyses the text of `options.for` (an element or its id) or
/// of `element` itself, highlights it in place and shows a summary with a legend.
/// Options: `{for, pub_date, name, legend}`.
#[wasm_bindgen]
pub fn mount(element: web_sys::Element, options: JsValue) -> Result<Mounted, JsError> {
    let mut target = None;
    let opts: web::embed::MountOptions = if options.is_undefined() || options.is_null() {
        Default::default()
    } else {
        let for_value = js_sys::Reflect::get(&options, &JsValue::from_str("for")).unwrap_or(JsValue::UNDEFINED);
        if let Some(el) = for_value.dyn_ref::<web_sys::Element>() {
            target = Some(el.clone());
            js_sys::Reflect::delete_property(options.unchecked_ref::<js_sys::Object>(), &JsValue::from_str("for")).ok();
        }
        from_js(&options, "options", web::embed::read_mount_options)?
    };
    let id = web::embed::mount(&element, target, opts).map_err(|e| JsError::new(&e))?;
    Ok(Mounted { id })
}
