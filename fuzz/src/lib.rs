//! Checks shared by the fuzz targets: run a library entry point and assert the output's invariants, so a
//! broken invariant is a crash too. Every evidence span must lie on character boundaries of the text it points
//! into and equal its slice, and every record must serialise.

use sportext::input::json::{JsonArticle, JsonFields, parse_json_values};
use sportext::input::{html, text};
use sportext::{Article, Document, Extractor};
use std::sync::OnceLock;

/// The shared extractor, built once.
pub fn extractor() -> &'static Extractor {
    static EX: OnceLock<Extractor> = OnceLock::new();
    EX.get_or_init(Extractor::new)
}

/// Asserts the invariants of an article extracted from `body`.
pub fn check(body: &str, a: &Article) {
    let spans = a
        .players
        .iter()
        .flat_map(|p| &p.mentions)
        .chain(a.matches.iter().map(|m| &m.evidence))
        .chain(a.rankings.iter().map(|r| &r.evidence))
        .chain(a.seeds.iter().map(|s| &s.evidence));
    for ev in spans {
        assert!(
            ev.start <= ev.end && ev.end <= body.len(),
            "span {ev:?} outside the text"
        );
        assert!(
            body.is_char_boundary(ev.start) && body.is_char_boundary(ev.end),
            "span {ev:?} off char boundaries"
        );
        assert_eq!(
            &body[ev.start..ev.end],
            ev.text,
            "span text is not its slice"
        );
    }
    serde_json::to_string(a).expect("records serialise");
}

/// Extracts a document and checks the result.
pub fn extract_doc(doc: &Document) {
    let a = extractor().extract_document(doc);
    check(&doc.body, &a);
}

/// `Extractor::extract` on arbitrary text (invalid UTF-8 replaced).
pub fn extract_text(data: &[u8]) {
    let t = String::from_utf8_lossy(data);
    let a = extractor().extract(&t);
    check(&t, &a);
}

/// `text::decode` on arbitrary bytes, then extraction of what it decodes.
pub fn decode_bytes(data: &[u8]) {
    if let Ok((t, _)) = text::decode(data) {
        let a = extractor().extract(&t);
        check(&t, &a);
    }
}

/// `html::decode_html` and `html::parse_html` on arbitrary bytes, then extraction of the article found.
pub fn html(data: &[u8]) {
    if let Ok((page, _)) = html::decode_html(data)
        && let Ok(doc) = html::parse_html(&page, None)
    {
        extract_doc(&doc);
    }
    let lossy = String::from_utf8_lossy(data);
    if let Ok(doc) = html::parse_html(&lossy, None) {
        extract_doc(&doc);
    }
}

/// JSON input: a `.json` file (one object or an array) and each line as JSON Lines, then extraction.
pub fn json(data: &[u8]) {
    let fields = JsonFields::default();
    if let Ok((t, _)) = text::decode(data)
        && let Ok(values) = parse_json_values(&t)
    {
        for (i, v) in values.iter().enumerate() {
            if let Ok(doc) =
                JsonArticle::from_value(v, &fields).and_then(|a| a.into_document(format!("f#{i}")))
            {
                extract_doc(&doc);
            }
        }
    }
    for line in String::from_utf8_lossy(data).lines() {
        if let Ok(doc) =
            JsonArticle::from_line(line, &fields).and_then(|a| a.into_document("l".into()))
        {
            extract_doc(&doc);
        }
    }
}
