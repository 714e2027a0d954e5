//! Property tests over random text, random near-tennis text, random HTML, random bytes and random JSON lines:
//! the library never panics; every evidence `text` is exactly the slice of the input at its offsets, on
//! character boundaries; every record validates against `schema/article.schema.json`; the output is the same
//! on repeated runs; and the binary's output is the same for `--jobs 1` and `--jobs 2`.
//!
//! Case counts are kept modest so the file runs in a few seconds in a debug build; raise them with
//! `PROPTEST_CASES=N`.

mod common;

use std::sync::OnceLock;
use std::time::Duration;

use common::{check_evidence, checked_records, run_limited, temp_dir, validator};
use proptest::prelude::*;
use proptest::test_runner::Config;
use sportext::input::json::{JsonArticle, JsonFields};
use sportext::input::{html, text};
use sportext::{Article, Document, Extractor};

fn extractor() -> &'static Extractor {
    static EX: OnceLock<Extractor> = OnceLock::new();
    EX.get_or_init(Extractor::new)
}

fn cases(n: u32) -> Config {
    let n = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(n);
    Config {
        cases: n,
        ..Config::default()
    }
}

/// Extracts `doc` twice and checks: evidence slices, schema, same result both times.
fn check_doc(doc: &Document) -> Article {
    let a = extractor().extract_document(doc);
    check_evidence(&doc.body, &a);
    let value = serde_json::to_value(&a).unwrap();
    let errs = validator().errors(&value);
    assert!(errs.is_empty(), "{errs:#?}\n{value:#}");
    let again = extractor().extract_document(doc);
    assert_eq!(a, again, "a second run gave another result");
    a
}

fn check_text(t: &str) -> Article {
    check_doc(&Document::from_text(None, t))
}

/// Cases proptest found, kept so that they run every time.
#[test]
fn found_cases() {
    // Two names run together after a descriptor ("No.1th" and "ØrstedAnn"): overlapping references, whose
    // gap the doubles check once sliced backwards (a panic).
    let a = check_text(
        "Ann Dow6-2 3-1 ret.Ann M\u{fc}ller\nworld No.1th seed was beaten by Ann \u{d8}rstedAnn \u{d8}rsted",
    );
    assert_eq!(a.players[0].name, "Ann Dow");
}

// ---------------------------------------------------------------------------------------------------------
// Strategies
// ---------------------------------------------------------------------------------------------------------

const FIRST: &[&str] = &[
    "Ann",
    "Bea",
    "Cy",
    "Di",
    "Eli",
    "Gus",
    "Zoë",
    "Łukasz",
    "Đorđe",
    "Renée",
    "Ngozi",
    "Jean-Luc",
    "Ō",
    "Ìfẹ́",
    "Søren",
    "María José",
    "van",
    "de",
    "MC",
    "J.",
    "Al-",
    "O'",
];
const LAST: &[&str] = &[
    "Lee",
    "Park",
    "Dow",
    "Müller",
    "Ørsted",
    "O'Neil",
    "Đoković",
    "Şahin",
    "Nakamura",
    "Hart-Smith",
    "van der Berg",
    "Le Roux",
    "Kim",
    "DE MINAUR",
    "Ruud",
    "Ng",
];
const WORDS: &[&str] = &[
    "beat",
    "defeated",
    "lost to",
    "was beaten by",
    "edged",
    "overcame",
    "retired against",
    "retired",
    "walkover",
    "w/o",
    "ret.",
    "d.",
    "bt",
    "v",
    "vs",
    "against",
    "seed",
    "seeded",
    "top seed",
    "second seed",
    "world number",
    "world No.",
    "No.",
    "ranked",
    "career-high",
    "British number one",
    "aged",
    "who is",
    "final",
    "semi-final",
    "quarter-finals",
    "first round",
    "second round",
    "last 16",
    "round of 32",
    "qualifying",
    "Open",
    "Masters",
    "Wimbledon",
    "Roland Garros",
    "tennis",
    "tie-break",
    "set",
    "match",
    "doubles",
    "and",
    "with",
    "partner",
    "said",
    "he",
    "she",
    "they",
    "his",
    "her",
    "the",
    "a",
    "in",
    "at",
    "of",
    "to",
    "after",
    "before",
    "when",
    "who",
    "coach",
    "umpire",
    "captain",
    "(GBR)",
    "(ESP)",
    "[1]",
    "(3)",
    "Sunday",
    "2024",
    "on",
];
const PUNCT: &[&str] = &[
    ". ", ", ", "; ", ": ", " - ", " – ", " — ", "\"", "'", "(", ")", "[", "]", "\n", "\n\n",
    "...", "!", "?", "…", "“", "”", "‘", "’", "\u{a0}", "\u{200b}", "\t", "\r\n", "&", "%", "/",
    "🎾", "é", "ß", "\u{301}",
];

fn score() -> impl Strategy<Value = String> {
    prop_oneof![
        (0u32..8, 0u32..8).prop_map(|(a, b)| format!("{a}-{b}")),
        (0u32..8, 0u32..8).prop_map(|(a, b)| format!("{a}–{b}")),
        (0u32..12, 0u32..12).prop_map(|(a, b)| format!("7-6 ({a}-{b})")),
        (0u32..12).prop_map(|a| format!("6-7({a})")),
        (0u32..20, 0u32..20).prop_map(|(a, b)| format!("[{a}-{b}]")),
        (0u32..100, 0u32..100).prop_map(|(a, b)| format!("{a}-{b}")),
        Just("6-4 6-3".to_string()),
        Just("4-6 7-6 (7-3) 6-2".to_string()),
        Just("6-2 3-1 ret.".to_string()),
        any::<u64>().prop_map(|n| format!("{n}-{}", n / 3)),
    ]
}

fn token() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => (prop::sample::select(FIRST), prop::sample::select(LAST)).prop_map(|(f, l)| format!("{f} {l}")),
        2 => prop::sample::select(LAST).prop_map(str::to_string),
        4 => prop::sample::select(WORDS).prop_map(str::to_string),
        3 => prop::sample::select(PUNCT).prop_map(str::to_string),
        2 => score(),
        1 => any::<u32>().prop_map(|n| n.to_string()),
        1 => (1u32..400).prop_map(|n| format!("{n}th")),
        1 => any::<char>().prop_map(|c| c.to_string()),
    ]
}

/// Near-tennis text: names, verbs, scores, rounds, numbers, punctuation and odd characters, joined by spaces
/// or nothing.
fn tennis_text() -> impl Strategy<Value = String> {
    prop::collection::vec((token(), prop::bool::weighted(0.85)), 0..80).prop_map(|toks| {
        let mut s = String::new();
        for (t, space) in toks {
            s.push_str(&t);
            if space {
                s.push(' ');
            }
        }
        s
    })
}

const TAGS: &[&str] = &[
    "div",
    "p",
    "article",
    "span",
    "b",
    "i",
    "a",
    "section",
    "main",
    "h1",
    "h2",
    "li",
    "ul",
    "td",
    "table",
    "nav",
    "header",
    "footer",
    "aside",
    "figure",
    "blockquote",
    "em",
];
const ATTRS: &[&str] = &[
    "",
    " class=\"article-body\"",
    " class=\"nav menu\"",
    " id=\"comments\"",
    " itemprop=\"articleBody\"",
    " class=\"share\"",
    " href=\"/x\"",
    " style=\"x\"",
];

fn html_node() -> impl Strategy<Value = String> {
    let leaf = prop_oneof![
        4 => tennis_text().prop_map(|t| t.replace('<', "&lt;")),
        1 => Just("<br>".to_string()),
        1 => Just("&amp; &nbsp; &#233; &eacute; &bogus;".to_string()),
        1 => Just("<script>var x = '<p>Ann Lee beat Bea Park 6-4 6-4</p>';</script>".to_string()),
        1 => Just("<!-- a comment <p> -->".to_string()),
        1 => Just("</p>".to_string()),
        1 => Just("<".to_string()),
        1 => Just("<img src=x alt=\"Ann Lee\">".to_string()),
    ];
    leaf.prop_recursive(6, 48, 6, |inner| {
        (
            prop::sample::select(TAGS),
            prop::sample::select(ATTRS),
            prop::collection::vec(inner, 0..6),
            prop::bool::weighted(0.9),
        )
            .prop_map(|(tag, attr, kids, close)| {
                let mut s = format!("<{tag}{attr}>");
                for k in kids {
                    s.push_str(&k);
                }
                if close {
                    s.push_str(&format!("</{tag}>"));
                }
                s
            })
    })
}

fn html_page() -> impl Strategy<Value = String> {
    (
        prop::option::of(tennis_text()),
        prop::collection::vec(html_node(), 0..5),
        prop::bool::ANY,
    )
        .prop_map(|(title, body, ld)| {
            let mut s = String::from("<!DOCTYPE html><html><head>");
            if let Some(t) = title {
                s.push_str(&format!("<title>{}</title>", t.replace('<', " ")));
            }
            if ld {
                s.push_str(
                    "<script type=\"application/ld+json\">{\"@type\": \"NewsArticle\", \"headline\": \"Lee wins\", \
                     \"articleBody\": \"Ann Lee beat Bea Park 6-4 6-4 in the tennis final. <b>Great</b>\"}</script>",
                );
            }
            s.push_str("</head><body>");
            for b in body {
                s.push_str(&b);
            }
            s.push_str("</body></html>");
            s
        })
}

// ---------------------------------------------------------------------------------------------------------
// Library properties
// ---------------------------------------------------------------------------------------------------------

proptest! {
    #![proptest_config(cases(64))]

    #[test]
    fn random_text(t in ".{0,300}") {
        check_text(&t);
    }

    #[test]
    fn near_tennis_text(t in tennis_text()) {
        check_text(&t);
    }

    #[test]
    fn near_tennis_text_with_a_title_line(title in tennis_text(), body in tennis_text()) {
        let t = format!("{}\n{}", title.replace('\n', " "), body);
        check_text(&t);
    }

    #[test]
    fn random_html(page in html_page()) {
        if let Ok(doc) = html::parse_html(&page, Some("page".into())) {
            check_doc(&doc);
            prop_assert_eq!(Ok(doc), html::parse_html(&page, Some("page".into())));
        }
    }

    #[test]
    fn random_html_fragments(frag in html_node()) {
        if let Ok(doc) = html::parse_html(&frag, None) {
            check_doc(&doc);
        }
    }

    #[test]
    fn random_bytes_decode(bytes in prop::collection::vec(any::<u8>(), 0..600)) {
        if let Ok((t, _)) = text::decode(&bytes) {
            check_text(&t);
        }
        if let Ok((h, _)) = html::decode_html(&bytes) {
            let _ = html::parse_html(&h, None);
        }
    }

    #[test]
    fn near_tennis_bytes_in_other_encodings(t in tennis_text(), enc in 0u8..3) {
        let bytes: Vec<u8> = match enc {
            0 => {
                let mut b = vec![0xff, 0xfe];
                t.encode_utf16().for_each(|u| b.extend_from_slice(&u.to_le_bytes()));
                b
            }
            1 => t.chars().map(|c| if (c as u32) < 256 { c as u8 } else { b'?' }).collect(),
            _ => [b"\xef\xbb\xbf".as_slice(), t.as_bytes()].concat(),
        };
        if let Ok((decoded, _)) = text::decode(&bytes) {
            check_text(&decoded);
        }
    }

    #[test]
    fn random_json_lines(t in tennis_text(), id in ".{0,20}", title in prop::option::of(any::<i64>()), junk in ".{0,30}") {
        let fields = JsonFields::default();
        let line = serde_json::json!({"id": id, "text": t, "title": title}).to_string();
        let mut half = line.len() / 2;
        while !line.is_char_boundary(half) {
            half -= 1;
        }
        for l in [line.clone(), line[..half].to_string(), junk] {
            if let Ok(doc) = JsonArticle::from_line(&l, &fields).and_then(|a| a.into_document("x#1".into())) {
                check_doc(&doc);
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------------------
// Binary properties
// ---------------------------------------------------------------------------------------------------------

proptest! {
    #![proptest_config(cases(3))]

    /// A small generated folder: the output of `--jobs 1` and `--jobs 2` is byte for byte the same, on
    /// repeated runs too, and every line validates.
    #[test]
    fn jobs_do_not_change_the_output(
        texts in prop::collection::vec(tennis_text(), 1..12),
        pages in prop::collection::vec(html_page(), 0..4),
    ) {
        static RUN: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
        let n = RUN.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let dir = temp_dir(&format!("properties-jobs-{n}"));
        for (i, t) in texts.iter().enumerate() {
            std::fs::write(dir.join(format!("t{i:02}.txt")), t).unwrap();
        }
        for (i, p) in pages.iter().enumerate() {
            std::fs::write(dir.join(format!("h{i:02}.html")), p).unwrap();
        }
        let lines: Vec<String> = texts
            .iter()
            .map(|t| serde_json::json!({"text": t}).to_string())
            .collect();
        std::fs::write(dir.join("j.jsonl"), lines.join("\n")).unwrap();
        let d = dir.to_str().unwrap();
        let limit = Duration::from_secs(120);
        let one = run_limited(&["extract", "-q", "--include-text", "-j", "1", d], limit);
        let two = run_limited(&["extract", "-q", "--include-text", "-j", "2", d], limit);
        let again = run_limited(&["extract", "-q", "--include-text", "-j", "2", d], limit);
        prop_assert_eq!(&one.stdout, &two.stdout);
        prop_assert_eq!(&two.stdout, &again.stdout);
        let recs = checked_records(&one);
        prop_assert_eq!(recs.len(), texts.len() * 2 + pages.len());
        // With --include-text, each record's evidence points into its own text.
        for r in recs.iter().filter(|r| r.get("error").is_none()) {
            let body = r["text"].as_str().unwrap();
            let mut a = r.clone();
            a.as_object_mut().unwrap().remove("text");
            let a: Article = serde_json::from_value(a).unwrap();
            check_evidence(body, &a);
        }
    }
}
