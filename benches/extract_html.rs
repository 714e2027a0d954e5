//! HTML pages end to end through the library: decode, parse the page, extract, JSON (`Article::write_json`); one thread.
//!
//! Run: `cargo bench --bench extract_html`. Throughput is in bytes of HTML, so criterion prints MB/s (target: at
//! least 50 MB/s per core). Groups:
//! - `generated`: 100 synthetic news pages (benches/synth/mod.rs) with head, scripts, navigation, article, asides;
//! - `corpus`: the pages of `../shared/corpus/html-benchmark/html/*.html.gz` when present (skipped otherwise);
//! - `generated_batch`: the generated pages decoded and parsed one by one, then extracted by one
//!   `Extractor::extract_batch` call.

use std::hint::black_box;
use std::io::Read;
use std::path::Path;

/// The allocator of the `sportext` binary (mimalloc), so that figures match the CLI.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use sportext::Extractor;
use sportext::input::html::{decode_html, parse_html};

mod synth;

fn run(ex: &Extractor, pages: &[Vec<u8>]) -> usize {
    let mut n = 0;
    let mut out = Vec::new();
    for p in pages {
        let Ok((html, _)) = decode_html(p) else {
            continue;
        };
        let Ok(doc) = parse_html(&html, None) else {
            continue;
        };
        let a = ex.extract_document(&doc);
        n += {
            out.clear();
            a.write_json(None, &mut out);
            out.len()
        };
    }
    n
}

/// As [`run`], with the parsed pages given to one `extract_batch` call.
fn run_batch(ex: &Extractor, pages: &[Vec<u8>]) -> usize {
    let docs: Vec<_> = pages
        .iter()
        .filter_map(|p| {
            let (html, _) = decode_html(p).ok()?;
            parse_html(&html, None).ok()
        })
        .collect();
    synth::batch_json_bytes(ex, &docs)
}

fn corpus_pages() -> Vec<Vec<u8>> {
    let root = std::env::var_os("SPORTEXT_CORPUS").map_or_else(
        || Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus"),
        Into::into,
    );
    let dir = root.join("html-benchmark/html");
    let Ok(rd) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut paths: Vec<_> = rd.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    paths
        .iter()
        .filter_map(|p| {
            let f = std::fs::File::open(p).ok()?;
            let mut out = Vec::new();
            flate2::read::GzDecoder::new(f).read_to_end(&mut out).ok()?;
            Some(out)
        })
        .collect()
}

fn bench(c: &mut Criterion) {
    let ex = Extractor::new();
    let pages: Vec<Vec<u8>> = (0..100)
        .map(|i| synth::html_page(i, 3000).into_bytes())
        .collect();
    let mut g = c.benchmark_group("extract_html");
    g.throughput(Throughput::Bytes(
        pages.iter().map(Vec::len).sum::<usize>() as u64
    ));
    g.bench_function("generated", |b| b.iter(|| run(&ex, black_box(&pages))));
    g.bench_function("generated_batch", |b| {
        b.iter(|| run_batch(&ex, black_box(&pages)))
    });
    let real = corpus_pages();
    if !real.is_empty() {
        g.sample_size(20);
        g.throughput(Throughput::Bytes(
            real.iter().map(Vec::len).sum::<usize>() as u64
        ));
        g.bench_function("corpus", |b| b.iter(|| run(&ex, black_box(&real))));
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
