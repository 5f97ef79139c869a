//! Scaling with the size of one cluster: 1, 10, 100 and 1,000 generated articles about one event.
//! The claims stage aligns claims through an inverted index on event words with a bounded number
//! of candidates per claim (no all-pairs comparison, no skipped bucket), so the time per article
//! should stay flat; criterion's "elements" throughput is articles per second. The CLI figures in
//! BENCHMARKS.md ("Scaling") come from the same generator.
//!
//!     cargo bench --bench scaling

mod support;

use claimlens::{analyze, attributions, claims, numbers, segment, DocumentAnalysis, Options};
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use std::hint::black_box;
use std::time::Duration;

fn scaling(c: &mut Criterion) {
    let options = Options::default();
    let mut whole = c.benchmark_group("cluster_analyze");
    whole.sample_size(10).warm_up_time(Duration::from_secs(1)).measurement_time(Duration::from_secs(4));
    let sizes = [1usize, 10, 100, 1000];
    let clusters: Vec<_> = sizes.iter().map(|&n| (n, support::generated(42, n))).collect();
    for (n, docs) in &clusters {
        whole.throughput(Throughput::Elements(*n as u64));
        whole.bench_with_input(BenchmarkId::from_parameter(n), docs, |b, docs| {
            b.iter(|| black_box(analyze(docs, &options)))
        });
    }
    whole.finish();

    // The claims stage alone, the only one that looks across articles.
    let mut cross = c.benchmark_group("cluster_claims");
    cross.sample_size(10).warm_up_time(Duration::from_secs(1)).measurement_time(Duration::from_secs(4));
    for (n, docs) in &clusters {
        let analysed: Vec<DocumentAnalysis> = docs
            .iter()
            .map(|d| {
                let segments = segment::segment(&d.text);
                let numbers = numbers::extract(&d.text, &segments, &options);
                let attributions = attributions::extract(&d.text, &segments);
                DocumentAnalysis { segments, numbers, attributions }
            })
            .collect();
        cross.throughput(Throughput::Elements(*n as u64));
        cross.bench_with_input(BenchmarkId::from_parameter(n), docs, |b, docs| {
            b.iter(|| {
                let c = claims::build(docs, &analysed);
                black_box(claims::compare(docs, &analysed, &c))
            })
        });
    }
    cross.finish();
}

criterion_group!(benches, scaling);
criterion_main!(benches);
