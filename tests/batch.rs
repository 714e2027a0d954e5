//! `Extractor::extract_batch` gives the same articles as one `extract_document` call per document, whatever
//! the documents around each one, the size of the batch and its order.

use sportext::{Document, Extractor};

/// Every fixture article (tennis and other sports) as a document, plus a few edge cases: empty, a single
/// word, no tennis, a title line only.
fn documents() -> Vec<Document> {
    let mut docs = Vec::new();
    for dir in ["fixtures/tennis", "fixtures/other"] {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
        let mut paths: Vec<_> = std::fs::read_dir(&path)
            .expect("the fixtures folder")
            .map(|e| e.expect("a folder entry").path())
            .filter(|p| p.extension().is_some_and(|e| e == "txt"))
            .collect();
        paths.sort();
        for p in paths {
            let text = std::fs::read_to_string(&p).expect("a UTF-8 fixture");
            docs.push(Document::from_text(Some(p.display().to_string()), &text));
        }
    }
    for text in [
        "",
        "Tennis",
        "Arsenal beat Chelsea 2-0 at Highbury on Saturday.",
        "Results\n",
        "Roger Federer beat Rafael Nadal 6-4 6-3 in the final.",
    ] {
        docs.push(Document::from_text(None, text));
    }
    docs
}

#[test]
fn a_batch_gives_what_single_calls_give() {
    let ex = Extractor::new();
    let docs = documents();
    assert!(docs.len() > 20, "enough documents for more than one group");
    let singles: Vec<_> = docs.iter().map(|d| ex.extract_document(d)).collect();
    assert!(singles.iter().any(|a| !a.matches.is_empty()));
    // The whole set at once (more than one internal group), in reverse, and in batches of 1, 3 and 7.
    assert_eq!(ex.extract_batch(&docs), singles);
    let reversed: Vec<_> = docs.iter().rev().cloned().collect();
    let mut back = ex.extract_batch(&reversed);
    back.reverse();
    assert_eq!(back, singles);
    for size in [1, 3, 7] {
        let batched: Vec<_> = docs
            .chunks(size)
            .flat_map(|c| ex.extract_batch(c))
            .collect();
        assert_eq!(batched, singles, "batches of {size}");
    }
    assert!(ex.extract_batch(&[]).is_empty());
}

#[test]
fn batches_on_many_threads_give_the_same() {
    let ex = Extractor::new();
    let docs = documents();
    let singles: Vec<_> = docs.iter().map(|d| ex.extract_document(d)).collect();
    std::thread::scope(|s| {
        for k in 0..4 {
            let (ex, docs, singles) = (&ex, &docs, &singles);
            s.spawn(move || {
                let batched: Vec<_> = docs
                    .chunks(5 + k)
                    .flat_map(|c| ex.extract_batch(c))
                    .collect();
                assert_eq!(&batched, singles);
            });
        }
    });
}
