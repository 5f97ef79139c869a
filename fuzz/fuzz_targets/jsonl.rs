//! The JSONL request reader on arbitrary bytes, line by line as the CLI reads them: parsing a
//! `ClusterRequest`, `into_parts` (documents, publication date), then the analysis of whatever is
//! accepted, whose output must satisfy `tests/invariants` and serialise to JSON.
#![no_main]

use claimlens::output::{self, OffsetUnit};
use claimlens::request::ClusterRequest;
use claimlens::analyze;
use libfuzzer_sys::fuzz_target;

#[path = "../../tests/invariants/mod.rs"]
mod invariants;

fuzz_target!(|data: &[u8]| {
    for line in data.split(|&b| b == b'\n') {
        let Ok(line) = std::str::from_utf8(line) else {
            continue;
        };
        let Ok(request) = serde_json::from_str::<ClusterRequest>(line) else {
            continue;
        };
        let Ok((docs, options)) = request.into_parts() else {
            continue;
        };
        let analysis = analyze(&docs, &options);
        if let Err(broken) = invariants::check(&docs, &analysis) {
            panic!("invariant broken: {broken}");
        }
        let out = output::render(&docs, &analysis, OffsetUnit::Utf16);
        serde_json::to_string(&out).expect("the output always serialises");
    }
});
