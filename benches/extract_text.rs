//! Plain text end to end through the library: `Extractor::extract` plus JSON (`Article::write_json`), single thread.
//!
//! Run: `cargo bench --bench extract_text`. Throughput is in bytes of article text, so criterion prints MB/s
//! (target: at least 100 MB/s per core). Groups:
//! - `generated`: 200 synthetic articles of about 3 KB (benches/synth/mod.rs);
//! - `large`: one synthetic article of 1 MB (linearity: see also `bench/cli-scale.sh`);
//! - `corpus`: the BBC tennis articles of `../shared/corpus` (or `$SPORTEXT_CORPUS`) when that folder is present (skipped otherwise).
//! - `generated_batch`, `corpus_batch`: the same articles given to one `Extractor::extract_batch` call.

use std::hint::black_box;
use std::path::Path;

/// The allocator of the `sportext` binary (mimalloc), so that figures match the CLI.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use sportext::{Document, Extractor};

mod synth;

fn run(ex: &Extractor, docs: &[String]) -> usize {
    let mut n = 0;
    let mut out = Vec::new();
    for d in docs {
        let a = ex.extract(d);
        n += {
            out.clear();
            a.write_json(None, &mut out);
            out.len()
        };
    }
    n
}

/// The texts as documents (as the CLI reads files), for `extract_batch`.
fn documents(texts: &[String]) -> Vec<Document> {
    texts.iter().map(|t| Document::from_text(None, t)).collect()
}

fn corpus_texts() -> Vec<String> {
    let root = std::env::var_os("SPORTEXT_CORPUS").map_or_else(
        || Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus"),
        Into::into,
    );
    let dir = root.join("bbcsport/tennis");
    let Ok(rd) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut paths: Vec<_> = rd.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    paths
        .iter()
        .filter_map(|p| std::fs::read(p).ok())
        .map(|b| String::from_utf8_lossy(&b).into_owned())
        .collect()
}

fn bench(c: &mut Criterion) {
    let ex = Extractor::new();
    let docs: Vec<String> = (0..200).map(|i| synth::article(i, 3000)).collect();
    let bytes: usize = docs.iter().map(String::len).sum();
    let mut g = c.benchmark_group("extract_text");
    g.throughput(Throughput::Bytes(bytes as u64));
    g.bench_function("generated", |b| b.iter(|| run(&ex, black_box(&docs))));
    let batch = documents(&docs);
    g.bench_function("generated_batch", |b| {
        b.iter(|| synth::batch_json_bytes(&ex, black_box(&batch)))
    });
    let large = vec![synth::article(7, 1 << 20)];
    g.throughput(Throughput::Bytes(large[0].len() as u64));
    g.sample_size(10);
    g.bench_function("large_1mb", |b| b.iter(|| run(&ex, black_box(&large))));
    let real = corpus_texts();
    if !real.is_empty() {
        g.sample_size(30);
        g.throughput(Throughput::Bytes(
            real.iter().map(String::len).sum::<usize>() as u64,
        ));
        g.bench_function("corpus", |b| b.iter(|| run(&ex, black_box(&real))));
        let batch = documents(&real);
        g.bench_function("corpus_batch", |b| {
            b.iter(|| synth::batch_json_bytes(&ex, black_box(&batch)))
        });
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
