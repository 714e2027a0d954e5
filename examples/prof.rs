//! Throughput of the library on a folder of plain-text articles (extract + JSON, one thread), for profiling.
//!
//! `cargo run --release --example prof -- DIR [REPS]` prints MB/s after one unmeasured warm-up pass (patterns
//! compiled, lazy DFA caches filled). Under callgrind, count only the measured passes with
//! `valgrind --tool=callgrind --collect-atstart=no --toggle-collect=prof::measured target/release/examples/prof DIR 2`.

use std::hint::black_box;
use sportext::Extractor;

fn pass(ex: &Extractor, docs: &[String]) -> usize {
    let mut n = 0;
    for d in docs {
        n += serde_json::to_vec(&ex.extract(black_box(d))).expect("serialisable").len();
    }
    n
}

#[inline(never)]
fn warm(ex: &Extractor, docs: &[String]) -> usize {
    pass(ex, docs)
}

#[inline(never)]
fn measured(ex: &Extractor, docs: &[String], reps: usize) -> usize {
    (0..reps).map(|_| pass(ex, docs)).sum()
}

fn main() {
    let mut args = std::env::args().skip(1);
    let dir = args.next().unwrap_or_else(|| "../shared/corpus/bbcsport/tennis".into());
    let reps: usize = args.next().map_or(50, |s| s.parse().expect("REPS is a number"));
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .expect("a readable folder")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_file())
        .collect();
    paths.sort();
    let docs: Vec<String> = paths
        .iter()
        .filter_map(|p| std::fs::read(p).ok())
        .map(|b| String::from_utf8_lossy(&b).into_owned())
        .collect();
    let bytes: usize = docs.iter().map(String::len).sum();
    let ex = Extractor::new();
    warm(&ex, &docs);
    let t = std::time::Instant::now();
    let out = measured(&ex, &docs, reps);
    let s = t.elapsed().as_secs_f64();
    println!(
        "{} articles, {bytes} bytes x {reps} in {s:.3} s = {:.2} MB/s (JSON out {out} bytes)",
        docs.len(),
        (bytes * reps) as f64 / s / 1e6
    );
}
