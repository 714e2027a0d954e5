//! Writes synthetic tennis articles for the CLI benchmark (`bench/cli-scale.sh`).
//!
//! ```text
//! cargo run --release --example gen_corpus -- articles DIR N [BYTES]   # N articles of ~BYTES (default 3000)
//! cargo run --release --example gen_corpus -- one FILE BYTES            # one article of ~BYTES
//! cargo run --release --example gen_corpus -- pages DIR N [BYTES]       # N HTML pages
//! ```
//! Articles are made up (benches/synth/mod.rs); the same arguments always give the same files.

use std::path::Path;

#[path = "../benches/synth/mod.rs"]
mod synth;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let usage = "usage: gen_corpus (articles|pages) DIR N [BYTES] | one FILE BYTES";
    let num = |i: usize, default: usize| args.get(i).map_or(default, |s| s.parse().expect(usage));
    match args.first().map(String::as_str) {
        Some(kind @ ("articles" | "pages")) => {
            let dir = Path::new(args.get(1).expect(usage));
            let (n, bytes) = (num(2, 1000), num(3, 3000));
            std::fs::create_dir_all(dir).expect("create the folder");
            for i in 0..n {
                // Vary the length around BYTES (0.5x to 1.5x) so the corpus is not uniform.
                let len = bytes / 2 + (i * 7919) % bytes.max(1);
                let (name, body) = if kind == "articles" {
                    (format!("{i:06}.txt"), synth::article(i as u64, len))
                } else {
                    (format!("{i:06}.html"), synth::html_page(i as u64, len))
                };
                std::fs::write(dir.join(name), body).expect("write an article");
            }
        }
        Some("one") => {
            let file = args.get(1).expect(usage);
            std::fs::write(file, synth::article(42, num(2, 1 << 20))).expect("write the article");
        }
        _ => {
            eprintln!("{usage}");
            std::process::exit(2);
        }
    }
}
