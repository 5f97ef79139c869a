//! The JSONL request reader on arbitrary bytes, line by line as the CLI reads them: parsing a
//! `ClusterRequest`, `into_parts` (documents, publication date), then the analysis of whatever is
//! accepted, whose output must satisfy `tests/invariants` and serialise to JSON; the CLI's direct
//! writer (`output::write_sorted`) must give exactly the bytes of the sorted `serde_json::Value`
//! tree it replaced, in every offset unit.
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
        let id = request.id.clone().unwrap_or_default();
        let Ok((docs, options)) = request.into_parts() else {
            continue;
        };
        let analysis = analyze(&docs, &options);
        if let Err(broken) = invariants::check(&docs, &analysis) {
            panic!("invariant broken: {broken}");
        }
        for unit in [OffsetUnit::Utf16, OffsetUnit::Chars, OffsetUnit::Bytes] {
            let out = output::render(&docs, &analysis, unit);
            let mut tree = serde_json::to_value(&out).expect("the output always serialises");
            tree.as_object_mut().expect("an object").insert("id".into(), id.clone());
            let mut written = Vec::new();
            output::write_sorted(&mut written, &out, &id).expect("the output always writes");
            assert_eq!(written, serde_json::to_vec(&tree).unwrap(), "write_sorted differs from the Value tree");
        }
    }
});

