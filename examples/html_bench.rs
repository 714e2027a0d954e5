//! Body-extraction benchmark on the Zyte article-extraction benchmark pages.
//!
//! `cargo run --release --example html_bench -- /work/shared/corpus/html-benchmark [--dump DIR] [--worst N]`
//!
//! Scores the body text of `sportext::input::html::parse_html` against `ground-truth.json` by the benchmark's
//! rule: `\w+` Unicode tokens, overlapping 4-token shingles as multisets, precision and recall per page averaged
//! over pages (a page with no predicted shingles is left out of the precision mean), F1 of the two means. Also
//! prints the single-thread throughput (MB of HTML decoded, parsed and extracted per second).
//!
//! `--worst N` lists the N pages with the lowest F1; `--dump DIR` writes each prediction to `DIR/<id>.txt`
//! (for local inspection only; never commit page text).

use regex::Regex;
use std::collections::HashMap;
use std::io::Read;
use std::time::Instant;

/// Multiset of 4-token shingles of `text` (a 1-3 token text gives one shorter shingle).
fn shingles(text: &str, re: &Regex) -> HashMap<String, u32> {
    let toks: Vec<&str> = re.find_iter(text).map(|m| m.as_str()).collect();
    let mut out = HashMap::new();
    if toks.is_empty() {
        return out;
    }
    if toks.len() < 4 {
        *out.entry(toks.join("\u{1}")).or_insert(0) += 1;
        return out;
    }
    for w in toks.windows(4) {
        *out.entry(w.join("\u{1}")).or_insert(0) += 1;
    }
    out
}

/// (true positives, predicted total, truth total).
fn overlap(pred: &HashMap<String, u32>, truth: &HashMap<String, u32>) -> (u32, u32, u32) {
    let tp = pred
        .iter()
        .map(|(k, &c)| c.min(truth.get(k).copied().unwrap_or(0)))
        .sum();
    (tp, pred.values().sum(), truth.values().sum())
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let dir = args
        .first()
        .cloned()
        .unwrap_or_else(|| "/work/shared/corpus/html-benchmark".to_string());
    let opt = |name: &str| {
        args.iter()
            .position(|a| a == name)
            .and_then(|i| args.get(i + 1).cloned())
    };
    let dump = opt("--dump");
    let worst: usize = opt("--worst").and_then(|s| s.parse().ok()).unwrap_or(0);

    let truth: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(format!("{dir}/ground-truth.json")).expect("ground-truth.json"),
    )
    .expect("valid JSON");
    let truth = truth.as_object().expect("object of pages");
    let mut ids: Vec<&String> = truth.keys().collect();
    ids.sort();
    let mut pages: Vec<(String, Vec<u8>)> = Vec::new();
    for id in ids {
        let path = format!("{dir}/html/{id}.html.gz");
        let Ok(f) = std::fs::File::open(&path) else {
            continue;
        };
        let mut bytes = Vec::new();
        flate2::read::GzDecoder::new(f)
            .read_to_end(&mut bytes)
            .expect("gzip");
        pages.push((id.clone(), bytes));
    }
    let total_bytes: usize = pages.iter().map(|(_, b)| b.len()).sum();

    // Timed run: decode + parse + extract, single thread.
    let start = Instant::now();
    let mut preds: Vec<String> = Vec::with_capacity(pages.len());
    let mut errors = 0usize;
    for (id, bytes) in &pages {
        let body = sportext::input::html::decode_html(bytes)
            .and_then(|(html, _)| sportext::input::html::parse_html(&html, Some(id.clone())))
            .map(|d| d.body)
            .unwrap_or_else(|e| {
                errors += 1;
                eprintln!("{id}: {e}");
                String::new()
            });
        preds.push(body);
    }
    let secs = start.elapsed().as_secs_f64();

    // `\w+` with Unicode word characters, as the benchmark's Python regex.
    let re = Regex::new(r"\w+").expect("valid regex");
    let (mut p_sum, mut p_n, mut r_sum) = (0.0f64, 0usize, 0.0f64);
    let mut exact = 0usize;
    let mut per_page: Vec<(f64, f64, f64, &str)> = Vec::new();
    for ((id, _), pred) in pages.iter().zip(&preds) {
        let gt = truth[id.as_str()]["articleBody"].as_str().unwrap_or("");
        let (tp, np, nt) = overlap(&shingles(pred, &re), &shingles(gt, &re));
        let p = if np > 0 {
            tp as f64 / np as f64
        } else {
            f64::NAN
        };
        let r = if nt > 0 { tp as f64 / nt as f64 } else { 0.0 };
        if np > 0 {
            p_sum += p;
            p_n += 1;
        }
        r_sum += r;
        let toks = |s: &str| {
            re.find_iter(s)
                .map(|m| m.as_str().to_string())
                .collect::<Vec<_>>()
        };
        if toks(pred) == toks(gt) {
            exact += 1;
        }
        let f = if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        };
        per_page.push((f, p, r, id.as_str()));
        if let Some(d) = &dump {
            std::fs::create_dir_all(d).expect("dump dir");
            std::fs::write(format!("{d}/{id}.txt"), pred).expect("write dump");
        }
    }
    let n = pages.len() as f64;
    let p = p_sum / p_n.max(1) as f64;
    let r = r_sum / n;
    let f1 = if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    };
    println!("pages      {} ({errors} errors)", pages.len());
    println!("precision  {p:.3}");
    println!("recall     {r:.3}");
    println!("F1         {f1:.3}");
    println!("accuracy   {:.3}", exact as f64 / n);
    println!(
        "throughput {:.1} MB/s ({:.1} MB in {:.3} s, single thread)",
        total_bytes as f64 / 1e6 / secs,
        total_bytes as f64 / 1e6,
        secs
    );
    if worst > 0 {
        per_page.sort_by(|a, b| a.0.total_cmp(&b.0));
        for (f, p, r, id) in per_page.iter().take(worst) {
            println!("{f:.3} P {p:.3} R {r:.3} {id}");
        }
    }
}
