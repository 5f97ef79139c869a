//! Each stage on its own, and the whole cluster analysis, on a generated cluster, the seed cluster
//! and the event-cluster corpora (BASIL full articles, AllSides excerpts) read from `../shared`.
//!
//!     cargo bench --bench stages                      # all
//!     cargo bench --bench stages -- seeds/            # one input
//!
//! Throughput is in bytes of article text; each stage gets the earlier stages' results ready-made.

mod support;

use claimlens::{analyze, attributions, claims, numbers, output, segment, Document, DocumentAnalysis, Options};
use criterion::{criterion_group, criterion_main, BenchmarkGroup, Criterion, Throughput};
use std::hint::black_box;
use std::time::Duration;

fn per_document(docs: &[Document], options: &Options) -> Vec<DocumentAnalysis> {
    docs.iter()
        .map(|d| {
            let segments = segment::segment(&d.text);
            let numbers = numbers::extract(&d.text, &segments, options);
            let attributions = attributions::extract(&d.text, &segments);
            DocumentAnalysis { segments, numbers, attributions }
        })
        .collect()
}

fn bench_input(group: &mut BenchmarkGroup<'_, criterion::measurement::WallTime>, clusters: &[Vec<Document>]) {
    let options = Options::default();
    group.throughput(Throughput::Bytes(support::bytes(clusters)));
    let analysed: Vec<Vec<DocumentAnalysis>> = clusters.iter().map(|c| per_document(c, &options)).collect();

    group.bench_function("segment", |b| {
        b.iter(|| {
            for d in clusters.iter().flatten() {
                black_box(segment::segment(&d.text));
            }
        })
    });
    group.bench_function("numbers", |b| {
        b.iter(|| {
            for (docs, an) in clusters.iter().zip(&analysed) {
                for (d, a) in docs.iter().zip(an) {
                    black_box(numbers::extract(&d.text, &a.segments, &options));
                }
            }
        })
    });
    group.bench_function("attributions", |b| {
        b.iter(|| {
            for (docs, an) in clusters.iter().zip(&analysed) {
                for (d, a) in docs.iter().zip(an) {
                    black_box(attributions::extract(&d.text, &a.segments));
                }
            }
        })
    });
    group.bench_function("claims_build_compare", |b| {
        b.iter(|| {
            for (docs, an) in clusters.iter().zip(&analysed) {
                let c = claims::build(docs, an);
                black_box(claims::compare(docs, an, &c));
            }
        })
    });
    group.bench_function("analyze", |b| {
        b.iter(|| {
            for docs in clusters {
                black_box(analyze(docs, &options));
            }
        })
    });
    group.bench_function("analyze_render_json", |b| {
        b.iter(|| {
            for docs in clusters {
                let a = analyze(docs, &options);
                let out = output::render(docs, &a, output::OffsetUnit::Chars);
                black_box(serde_json::to_vec(&out).unwrap());
            }
        })
    });
}

fn stages(c: &mut Criterion) {
    let mut inputs: Vec<(&str, Vec<Vec<Document>>)> = vec![("generated-5", vec![support::generated(1, 5)])];
    if let Some(shared) = support::shared_dir() {
        inputs.push(("seeds", vec![support::seeds(&shared)]));
        inputs.push(("basil", support::corpus_clusters(&shared, "basil_event_clusters")));
        inputs.push(("allsides", support::corpus_clusters(&shared, "allsides_event_clusters")));
    }
    for (name, clusters) in &inputs {
        let mut group = c.benchmark_group(*name);
        group.sample_size(10).warm_up_time(Duration::from_secs(1)).measurement_time(Duration::from_secs(3));
        bench_input(&mut group, clusters);
        group.finish();
    }
}

criterion_group!(benches, stages);
criterion_main!(benches);
