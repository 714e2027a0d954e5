//! Library use, as shown in the README: one `Extractor` shared by several threads, documents built by hand and
//! from an HTML page.
//!
//! `cargo run --release --example library`

use sportext::input::html;
use sportext::{Document, Extractor, Side};

fn main() {
    // Build once: every pattern is compiled here. `Extractor` is `Send + Sync`.
    let ex = Extractor::new();

    let docs = [
        Document {
            source: Some("wire/1".into()),
            headline: Some("Sinner wins in Paris".into()),
            published: Some("2025-11-02".into()),
            body: "Jannik Sinner beat Carlos Alcaraz 7-6 (7-4) 6-4 in the final of the Paris Masters.".into(),
            warnings: Vec::new(),
        },
        Document::from_text(
            Some("wire/2".into()),
            "Top seed Iga Swiatek lost 4-6 3-6 to Coco Gauff in the semi-finals in Rome.",
        ),
        html::parse_html(
            "<html><head><title>Results | Example</title></head><body><article>\
             <p>Alex de Minaur beat Taylor Fritz 6-3 6-4 in the second round.</p></article></body></html>",
            Some("page/3".into()),
        )
        .expect("the page has article text"),
    ];

    // Share the extractor across threads; here one scoped thread per document.
    let articles: Vec<_> = std::thread::scope(|s| {
        let handles: Vec<_> = docs
            .iter()
            .map(|doc| s.spawn(|| ex.extract_document(doc)))
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });

    for (doc, a) in docs.iter().zip(&articles) {
        for m in &a.matches {
            let name = |side: &Side| match side {
                Side::Single(p) => p.name.to_string(),
                Side::Pair(ps) => ps
                    .iter()
                    .map(|p| p.name.as_str())
                    .collect::<Vec<_>>()
                    .join(" / "),
            };
            // Evidence offsets are byte offsets into `doc.body`.
            assert_eq!(&doc.body[m.evidence.start..m.evidence.end], m.evidence.text);
            println!(
                "{}: {} d. {} {} round={} ({})",
                a.source.as_deref().unwrap_or("-"),
                name(&m.winner),
                name(&m.loser),
                m.score.as_ref().map_or("-", |s| s.text.as_str()),
                m.round.as_deref().unwrap_or("-"),
                m.rule,
            );
        }
    }
}
