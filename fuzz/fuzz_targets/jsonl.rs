//! The JSONL request reader on arbitrary bytes, line by line as the CLI reads them: parsing a
//! `ClusterRequest`, `into_parts` (documents, publication date), then the analysis of whatever is
//! accepted, whose output must satisfy `tests/invariants` and serialise to JSON; the direct writer
//! of the CLI and the wasm (`output::write_json`, straight from the analysis) must give exactly the
//! bytes of the output model (`output::render`) through serde's sorted `serde_json::Value` tree, in
//! every offset unit, with and without the id.
#![no_main]

use claimlens::analyze;
use claimlens::output::{self, OffsetUnit};
use claimlens::request::ClusterRequest;
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
            let mut written = Vec::new();
            output::write_json(&mut written, &docs, &analysis, unit, None).expect("the output always writes");
            assert_eq!(written, serde_json::to_vec(&tree).unwrap(), "write_json differs from the Value tree");
            tree.as_object_mut().expect("an object").insert("id".into(), id.clone());
            written.clear();
            output::write_json(&mut written, &docs, &analysis, unit, Some(&id)).expect("the output always writes");
            assert_eq!(
                written,
                serde_json::to_vec(&tree).unwrap(),
                "write_json with the id differs from the Value tree"
            );
        }
    }
});
