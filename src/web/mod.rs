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
pub mod model;
pub mod page;
pub mod paste;
pub mod reader;
pub mod textmap;
pub mod view;

use crate::output::{self, OffsetUnit};
use crate::request::ClusterRequest;
use crate::{Analysis, Document};

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
        Err(e) => error_json(&e.to_string()),
    }
}

/// The documents of a cluster request and their analysis, or what is wrong with the request.
pub fn analyze_request(request: &str) -> Result<(Vec<Document>, Analysis), String> {
    let request = serde_json::from_str::<ClusterRequest>(request).map_err(|e| format!("request: {e}"))?;
    let (docs, options) = request.into_parts()?;
    let analysis = crate::analyze(&docs, &options);
    Ok((docs, analysis))
}

/// Panics on purpose, for the crash-recovery tests: the page's worker calls it only when a test
/// sends it a message the page itself never sends. No text reaches it.
#[wasm_bindgen::prelude::wasm_bindgen(js_name = panicForTests)]
pub fn panic_for_tests(message: &str) {
    panic!("{message}");
}

pub(crate) fn error_json(message: &str) -> String {
    serde_json::json!({ "error": message }).to_string()
}

#[cfg(test)]
wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);
