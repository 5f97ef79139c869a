//! What the benches share: the seeded article generator and the readers of `../shared` (the seed
//! cluster and the event-cluster corpora, read at bench time and never copied into the repository).

#![allow(dead_code)] // each bench uses part of it

pub mod generator;

use claimlens::Document;
use std::path::PathBuf;

/// `../shared` beside the repository (or `$CLAIMLENS_SHARED`). Missing, it stops the bench with a
/// clear message under CI=true, and otherwise returns None so the corpus benches are skipped.
pub fn shared_dir() -> Option<PathBuf> {
    let dir = std::env::var_os("CLAIMLENS_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared"));
    if dir.join("corpora").is_dir() && dir.join("seeds").is_dir() {
        return Some(dir);
    }
    let msg = format!(
        "{} has no corpora/ and seeds/: the corpus benches need the shared data beside the repository \
         (or CLAIMLENS_SHARED=/path/to/shared)",
        dir.display()
    );
    if std::env::var("CI").is_ok_and(|v| v == "true") {
        panic!("{msg}");
    }
    eprintln!("skipping the corpus benches: {msg}");
    None
}

/// A generated cluster as documents.
pub fn generated(seed: u64, articles: usize) -> Vec<Document> {
    generator::cluster(seed, articles).articles.into_iter().map(|a| Document::new(a.name, a.text)).collect()
}

/// The five seed articles (`shared/seeds/*.txt`), one cluster.
pub fn seeds(shared: &std::path::Path) -> Vec<Document> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(shared.join("seeds"))
        .expect("reading shared/seeds")
        .map(|e| e.expect("reading shared/seeds").path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|p| {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            Document::new(name, std::fs::read_to_string(p).expect("reading a seed article"))
        })
        .collect()
}

/// The clusters of an event-cluster corpus (`basil_event_clusters`, `allsides_event_clusters`):
/// each line's `articles[].text`, empty texts left out.
pub fn corpus_clusters(shared: &std::path::Path, corpus: &str) -> Vec<Vec<Document>> {
    let path = shared.join("corpora").join(corpus).join("dev.jsonl");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|line| {
            let v: serde_json::Value = serde_json::from_str(line).expect("a JSON line");
            v["articles"]
                .as_array()
                .map(|arts| {
                    arts.iter()
                        .enumerate()
                        .filter_map(|(i, a)| a["text"].as_str().filter(|t| !t.trim().is_empty()).map(|t| (i, t)))
                        .map(|(i, t)| Document::new(format!("article-{i}"), t))
                        .collect()
                })
                .unwrap_or_default()
        })
        .filter(|docs: &Vec<Document>| !docs.is_empty())
        .collect()
}

/// Bytes of text in some clusters.
pub fn bytes(clusters: &[Vec<Document>]) -> u64 {
    clusters.iter().flatten().map(|d| d.text.len() as u64).sum()
}
