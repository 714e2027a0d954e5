//! Throughput of the library on a folder of articles (`.txt`) or pages (`.html`, `.html.gz`): decode, parse,
//! extract and write JSON, one thread. For profiling and quick measurements.
//!
//! `cargo run --release --example prof -- DIR [REPS] [batch]` prints MB/s after an unmeasured warm-up pass
//! (patterns compiled, lazy DFA caches filled). With `batch`, each pass gives all the documents to one
//! `Extractor::extract_batch` call instead of one `extract` call each, and a batch pass is added to the
//! warm-up. Under callgrind, count only the measured passes with
//! `valgrind --tool=callgrind --collect-atstart=no --toggle-collect=prof::measured target/release/examples/prof DIR 2`.

/// The allocator of the `sportext` binary (mimalloc), so that figures match the CLI. Remove these two lines
/// to measure with the system allocator.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::hint::black_box;
use std::io::Read;
use std::path::Path;

use sportext::Extractor;
use sportext::input::html::{decode_html, parse_html};

/// The bytes of one input and whether it is a page; `.gz` files are decompressed.
fn load(p: &Path) -> Option<(bool, Vec<u8>)> {
    let name = p.file_name()?.to_str()?;
    let mut bytes = std::fs::read(p).ok()?;
    if name.ends_with(".gz") {
        let mut out = Vec::new();
        flate2::read::GzDecoder::new(&bytes[..])
            .read_to_end(&mut out)
            .ok()?;
        bytes = out;
    }
    let page = name.contains(".htm");
    Some((page, bytes))
}

/// Plain text (`.txt`) is extracted as is; pages (`.html`, `.html.gz`) are decoded and parsed first.
fn pass(ex: &Extractor, docs: &[(bool, Vec<u8>)]) -> usize {
    let mut n = 0;
    let mut out = Vec::new();
    for (page, d) in docs {
        let article = if *page {
            let Ok((html, _)) = decode_html(black_box(d)) else {
                continue;
            };
            let Ok(doc) = parse_html(&html, None) else {
                continue;
            };
            ex.extract_document(&doc)
        } else {
            // As the CLI reads a file: validate UTF-8 by SIMD (the lossy path only for bad bytes).
            match simdutf8::basic::from_utf8(black_box(d)) {
                Ok(t) => ex.extract(t),
                Err(_) => ex.extract(&String::from_utf8_lossy(d)),
            }
        };
        n += {
            out.clear();
            article.write_json(None, &mut out);
            out.len()
        };
    }
    n
}

/// As [`pass`], with every document extracted by one [`Extractor::extract_batch`] call.
fn pass_batch(ex: &Extractor, docs: &[(bool, Vec<u8>)]) -> usize {
    let documents: Vec<_> = docs
        .iter()
        .filter_map(|(page, d)| {
            if *page {
                let (html, _) = decode_html(black_box(d)).ok()?;
                parse_html(&html, None).ok()
            } else {
                // As `pass` reads text: validate UTF-8 (the lossy path only for bad bytes).
                Some(match simdutf8::basic::from_utf8(black_box(d)) {
                    Ok(t) => sportext::Document::from_text(None, t),
                    Err(_) => sportext::Document::from_text(None, &String::from_utf8_lossy(d)),
                })
            }
        })
        .collect();
    let mut out = Vec::new();
    ex.extract_batch(&documents)
        .iter()
        .map(|article| {
            out.clear();
            article.write_json(None, &mut out);
            out.len()
        })
        .sum()
}

#[inline(never)]
fn warm(ex: &Extractor, docs: &[(bool, Vec<u8>)], batch: bool) -> usize {
    // In batches, a batch pass too: each of a batch's slots keeps its buffers, which grow in the first pass
    // that uses it (single calls use only the first), so the measured passes are all alike.
    pass(ex, docs) + if batch { pass_batch(ex, docs) } else { 0 }
}

#[inline(never)]
fn measured(ex: &Extractor, docs: &[(bool, Vec<u8>)], reps: usize, batch: bool) -> usize {
    if batch {
        (0..reps).map(|_| pass_batch(ex, docs)).sum()
    } else {
        (0..reps).map(|_| pass(ex, docs)).sum()
    }
}

fn main() {
    let mut args = std::env::args().skip(1);
    let dir = args
        .next()
        .unwrap_or_else(|| "../shared/corpus/bbcsport/tennis".into());
    let reps: usize = args
        .next()
        .map_or(50, |s| s.parse().expect("REPS is a number"));
    let batch = args.next().is_some_and(|a| a == "batch");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .expect("a readable folder")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_file())
        .collect();
    paths.sort();
    let docs: Vec<(bool, Vec<u8>)> = paths.iter().filter_map(|p| load(p)).collect();
    let bytes: usize = docs.iter().map(|d| d.1.len()).sum();
    let ex = Extractor::new();
    warm(&ex, &docs, batch);
    #[cfg(feature = "stage-timing")]
    let _ = sportext::stage_times();
    let t = std::time::Instant::now();
    let out = measured(&ex, &docs, reps, batch);
    let s = t.elapsed().as_secs_f64();
    println!(
        "{} articles, {bytes} bytes x {reps} in {s:.3} s = {:.2} MB/s (JSON out {out} bytes)",
        docs.len(),
        (bytes * reps) as f64 / s / 1e6
    );
    // With `--features stage-timing`: nanoseconds per byte of input by stage; the rest is reading (page
    // parsing for pages), JSON and dropping the articles.
    #[cfg(feature = "stage-timing")]
    {
        let total = (bytes * reps) as f64;
        let times = sportext::stage_times();
        let staged: f64 = times.iter().map(|(_, d)| d.as_secs_f64()).sum();
        for (name, d) in times.iter().chain([&(
            "other (input, JSON, drop)",
            std::time::Duration::from_secs_f64((s - staged).max(0.0)),
        )]) {
            let d = d.as_secs_f64();
            println!(
                "{name:>28} {:6.2} ns/byte {:5.1}%",
                d * 1e9 / total,
                100.0 * d / s
            );
        }
    }
}
