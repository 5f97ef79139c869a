//! Accuracy ratchet: runs `../shared/eval/score.py` on the CLI built with this test and fails if
//! any figure falls below the one recorded in `tests/ratchet.json`.
//!
//! Run on the release build (`cargo test --release --test accuracy`); raise the file as the
//! engines improve with `RATCHET_UPDATE=1 cargo test --release --test accuracy`, then review the diff.
//! In CI (`CI=true`) a missing `../shared` fails the test; elsewhere it skips with a message.

use serde_json::{Map, Value};
use std::path::{Path, PathBuf};
use std::process::Command;

/// Figures where fewer is better; every other figure is a ratio where more is better.
const LOWER_IS_BETTER: &[&str] = &["contradictions_unmatched", "no_number_inputs_with_a_false_number"];

fn shared_dir() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared");
    if dir.join("eval/score.py").is_file() {
        return Some(dir);
    }
    if std::env::var("CI").is_ok_and(|v| v == "true") {
        panic!("../shared/eval/score.py is missing: CI must have shared/ beside the checkout");
    }
    eprintln!("skipping the accuracy ratchet: no ../shared/eval/score.py beside the checkout");
    None
}

fn score(shared: &Path, dataset: &str) -> Map<String, Value> {
    let out = Command::new("python3")
        .arg(shared.join("eval/score.py"))
        .args([dataset, "--json", "--cmd", env!("CARGO_BIN_EXE_claimlens")])
        .output()
        .expect("python3 runs");
    assert!(out.status.success(), "score.py {dataset} failed:\n{}", String::from_utf8_lossy(&out.stderr));
    let stdout = String::from_utf8(out.stdout).expect("UTF-8 from score.py");
    let last = stdout.lines().last().unwrap_or_default();
    serde_json::from_str(last).unwrap_or_else(|e| panic!("score.py {dataset} printed no JSON ({e}): {stdout}"))
}

fn fraction(v: &Value) -> (f64, f64) {
    let a = v[0].as_f64().expect("numerator");
    let b = v[1].as_f64().expect("denominator");
    (a, b)
}

fn ratio(v: &Value) -> f64 {
    let (a, b) = fraction(v);
    if b == 0.0 {
        0.0
    } else {
        a / b
    }
}

/// Compares one dataset's figures with the ratchet; returns the failures.
fn check(dataset: &str, got: &Map<String, Value>, floor: &Map<String, Value>) -> Vec<String> {
    let mut failures = Vec::new();
    for (key, want) in floor {
        let Some(have) = got.get(key) else {
            failures.push(format!("{dataset}.{key}: the scorer no longer reports it"));
            continue;
        };
        if LOWER_IS_BETTER.contains(&key.as_str()) {
            let max = want["max"].as_f64().expect("max");
            let (n, _) = fraction(have);
            if n > max {
                failures.push(format!("{dataset}.{key}: {n} is above the ratchet's {max}"));
            }
        } else {
            let min = want["min"].as_f64().expect("min");
            let r = ratio(have);
            if r + 1e-9 < min {
                failures.push(format!(
                    "{dataset}.{key}: {:.4} ({}/{}) fell below the ratchet's {min:.4}",
                    r, have[0], have[1]
                ));
            }
        }
    }
    failures
}

/// The ratchet entry for the figures measured now (ratios rounded down to 4 places).
fn floor_of(got: &Map<String, Value>) -> Map<String, Value> {
    got.iter()
        .map(|(k, v)| {
            let entry = if LOWER_IS_BETTER.contains(&k.as_str()) {
                serde_json::json!({ "max": fraction(v).0 })
            } else {
                serde_json::json!({ "min": (ratio(v) * 10_000.0).floor() / 10_000.0, "measured": format!("{}/{}", v[0], v[1]) })
            };
            (k.clone(), entry)
        })
        .collect()
}

#[test]
// The scorer runs thousands of articles: in a debug build that takes minutes, so the test script runs
// this test on the release build (`cargo test --release --test accuracy`).
#[cfg_attr(debug_assertions, ignore = "run on the release build: cargo test --release --test accuracy")]
fn accuracy_does_not_fall_below_the_ratchet() {
    let Some(shared) = shared_dir() else { return };
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/ratchet.json");
    let ratchet: Map<String, Value> =
        serde_json::from_str(&std::fs::read_to_string(&path).expect("tests/ratchet.json")).expect("ratchet JSON");
    let update = std::env::var("RATCHET_UPDATE").is_ok_and(|v| v == "1");
    let mut failures = Vec::new();
    let mut updated = ratchet.clone();
    for (dataset, floor) in &ratchet {
        if dataset.starts_with('_') {
            continue;
        }
        let got = score(&shared, dataset);
        eprintln!("{dataset}: {}", Value::Object(got.clone()));
        let floor = floor.as_object().expect("a dataset's figures");
        failures.extend(check(dataset, &got, floor));
        updated.insert(dataset.clone(), Value::Object(floor_of(&got)));
    }
    if update {
        std::fs::write(&path, serde_json::to_string_pretty(&Value::Object(updated)).unwrap() + "\n").unwrap();
        eprintln!("wrote {}", path.display());
        return;
    }
    assert!(failures.is_empty(), "accuracy fell:\n{}", failures.join("\n"));
}

#[test]
fn ratchet_check_flags_a_drop_and_a_rise_in_false_alarms() {
    let got: Map<String, Value> =
        serde_json::from_str(r#"{"numbers": [9, 16], "contradictions_unmatched": [3, 5]}"#).unwrap();
    let floor: Map<String, Value> =
        serde_json::from_str(r#"{"numbers": {"min": 0.625}, "contradictions_unmatched": {"max": 1}}"#).unwrap();
    assert_eq!(check("seeds", &got, &floor).len(), 2);
    let ok: Map<String, Value> =
        serde_json::from_str(r#"{"numbers": [10, 16], "contradictions_unmatched": [1, 5]}"#).unwrap();
    assert!(check("seeds", &ok, &floor).is_empty());
}
