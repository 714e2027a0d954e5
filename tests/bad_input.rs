//! Hostile input: nothing crashes, nothing hangs, nothing is lost.
//!
//! Each awkward input goes through the library (decode, parse, extract: every evidence span checked against its
//! slice, every record validated against the schema) and through the real binary, where it must give valid
//! records or error records naming the input and the cause, one per input and in order, with no panic and
//! within a time limit. Inputs that only exist on a file system (unreadable files, symlink loops, FIFOs, a
//! folder of 20,000 files) go through the binary only: the library does no I/O.
//!
//! The big-article case extracts `SPORTEXT_BIG_MB` megabytes through the library (default: 1 in debug
//! builds, 4 in release builds; the issue's 50 MB with `SPORTEXT_BIG_MB=50`); the binary always gets a real
//! 50 MB file, which the default `--max-bytes` (16M) refuses with a `too-large` record.

mod common;

use std::fs;
use std::os::unix::fs::symlink;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::OnceLock;
use std::time::Duration;

use common::{BIN, check_evidence, checked_records, error_kind, library_records, temp_dir};
use serde_json::Value;
use sportext::input::{html, text};
use sportext::{Article, Error, ErrorKind, Extractor};

/// No single run of the binary may take longer than this.
const LIMIT: Duration = Duration::from_secs(180);

fn extractor() -> &'static Extractor {
    static EX: OnceLock<Extractor> = OnceLock::new();
    EX.get_or_init(Extractor::new)
}

fn run(args: &[&str]) -> std::process::Output {
    common::run_limited(args, LIMIT)
}

/// Runs a library call on another thread; panics if it takes longer than `secs` (it hangs) or panics.
fn within<T: Send + 'static>(secs: u64, what: &str, f: impl FnOnce() -> T + Send + 'static) -> T {
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(f());
    });
    match rx.recv_timeout(Duration::from_secs(secs)) {
        Ok(v) => v,
        Err(std::sync::mpsc::RecvTimeoutError::Timeout) => panic!("{what}: hangs (over {secs} s)"),
        Err(_) => panic!("{what}: the library panicked"),
    }
}

/// What an input must give.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Want {
    /// An article record.
    Article,
    /// An error record of this kind.
    Error(ErrorKind),
}

struct Case {
    name: &'static str,
    bytes: Vec<u8>,
    /// One entry per output record, in order.
    want: Vec<Want>,
}

fn case(name: &'static str, bytes: impl Into<Vec<u8>>, want: &[Want]) -> Case {
    Case {
        name,
        bytes: bytes.into(),
        want: want.to_vec(),
    }
}

use Want::Article as A;
fn e(k: ErrorKind) -> Want {
    Want::Error(k)
}

const SENTENCE: &str = "Ann Lee beat Bea Park 6-4 7-5 in the tennis final of the Harbour Open.\n";

fn utf16(s: &str, big_endian: bool) -> Vec<u8> {
    let mut out = if big_endian {
        vec![0xfe, 0xff]
    } else {
        vec![0xff, 0xfe]
    };
    for u in s.encode_utf16() {
        out.extend_from_slice(&if big_endian {
            u.to_be_bytes()
        } else {
            u.to_le_bytes()
        });
    }
    out
}

/// A minimal ZIP archive holding one stored file.
fn zip_bytes() -> Vec<u8> {
    let mut z = b"PK\x03\x04\x14\x00\x00\x00\x00\x00\x00\x00\x00\x00".to_vec();
    z.extend_from_slice(&[0u8; 12]);
    z.extend_from_slice(b"\x05\x00\x00\x00a.txt");
    z.extend_from_slice(b"PK\x05\x06");
    z.extend_from_slice(&[0u8; 18]);
    z
}

/// A PNG header and a few chunk bytes.
fn png_bytes() -> Vec<u8> {
    let mut p =
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x06".to_vec();
    p.extend((0..2000u32).map(|i| (i * 37 % 251) as u8));
    p
}

/// `n` tags nested, with a paragraph of article text in the middle.
fn nested_html(n: usize) -> String {
    let mut s = String::with_capacity(n * 11 + 200);
    s.push_str("<html><body>");
    for _ in 0..n {
        s.push_str("<div>");
    }
    s.push_str("<p>");
    s.push_str(SENTENCE);
    s.push_str("</p>");
    for _ in 0..n {
        s.push_str("</div>");
    }
    s.push_str("</body></html>");
    s
}

/// 100,000 score-like tokens (valid, invalid, tie-breaks, brackets) in one paragraph.
fn score_tokens() -> String {
    let mut s = String::from("Ann Lee beat Bea Park in a tennis match scored ");
    for i in 0..100_000u32 {
        let tok = match i % 6 {
            0 => format!("{}-{} ", 6, i % 5),
            1 => format!("7-6 ({}-{}) ", 7 + i % 3, 5 + i % 3),
            2 => format!("{}-{}, ", i % 10, (i / 10) % 10),
            3 => "[10-8] ".to_string(),
            4 => format!("{}–{} ", i % 8, 6),
            _ => format!("{i}-{} ", i * 7),
        };
        s.push_str(&tok);
    }
    s.push_str("and that was that.\n");
    s
}

/// Text full of numbers too big for any integer type.
fn huge_numbers_text() -> String {
    let big = "9".repeat(60);
    format!(
        "Ann Lee, the world number {big}, beat the {big}th seed Bea Park {big}-{big} 6-4 in the tennis final. \
         Lee, aged 18446744073709551616, is seeded 4294967296 and ranked No. 4294967297; the match lasted \
         {big} minutes and she won 7-6 ({big}-99999999999) 6-{big}.\n"
    )
}

/// Names with control characters inside and around them.
fn control_text() -> String {
    "Ann\u{7}Lee beat Bea\u{1b}[31mPark 6-4 6-4 in the tennis final.\n\
     Cy\u{1}Dow lost to Di\u{8}Eve\u{7f} 7-5 6-3, and \u{202e}Eli Fox\u{202c} beat Gus\u{200b}Hart 6-1 6-1.\n\
     Ivo\u{85}Jet and Kai\u{c}Lund\u{b} met in the \u{feff}semi-final; Jet won 6-2 6-2.\n"
        .to_string()
}

fn file_cases() -> Vec<Case> {
    let mut late_nul = "Ann Lee won the point. ".repeat(400).into_bytes();
    late_nul.extend_from_slice(b"\0\0 and Bea Park beat Cy Dow 6-1 6-1 in the tennis final.\n");
    let mut html_nul = b"<html><body><p>".to_vec();
    html_nul.extend_from_slice(&[0u8; 4]);
    let huge = huge_numbers_text();
    let huge_line = format!(
        "{{\"id\": 7, \"text\": {}}}",
        serde_json::to_string(&huge).unwrap()
    );
    vec![
        case("a01_empty.txt", b"".to_vec(), &[e(ErrorKind::Empty)]),
        case("a02_whitespace.txt", " \n\t\r\n   \u{a0}\n", &[e(ErrorKind::Empty)]),
        case("a03_whitespace.html", "  \n\n  ", &[e(ErrorKind::Empty)]),
        case("a04_image.png", png_bytes(), &[e(ErrorKind::Binary)]),
        case("a05_image_named.txt", png_bytes(), &[e(ErrorKind::Binary)]),
        case("a06_archive.zip", zip_bytes(), &[e(ErrorKind::Binary)]),
        case("a07_archive_named.html", zip_bytes(), &[e(ErrorKind::Binary)]),
        case("a08_archive_named.json", zip_bytes(), &[e(ErrorKind::Binary)]),
        case("a09_nul.txt", b"Ann Lee\0beat Bea Park 6-4 6-4.\n".to_vec(), &[e(ErrorKind::Binary)]),
        case("a10_nul.html", html_nul, &[e(ErrorKind::Binary)]),
        case("a11_late_nul.txt", late_nul, &[A]),
        case("a12_invalid_utf8.txt", b"Ren\xe9 Dupont beat Hugo Faure 6-1 6-2 in the tennis final, \x93easily\x94.\n\xff\xfe\xfd\n".to_vec(), &[A]),
        case("a13_invalid_utf8.html", b"<html><body><p>Ren\xe9 Dupont beat Hugo Faure 6-1 6-2 in the tennis final of the Harbour Open, \x93easily\x94, on a cold and windy Sunday afternoon.</p></body></html>".to_vec(), &[A]),
        case("a14_utf16le.txt", utf16(SENTENCE, false), &[A]),
        case("a15_utf16be.txt", utf16(SENTENCE, true), &[A]),
        case("a16_utf16_odd.txt", {
            let mut b = utf16(SENTENCE, false);
            b.push(0x41);
            b
        }, &[A]),
        case("a17_deep.html", nested_html(100_000), &[e(ErrorKind::Html)]),
        case("a18_deep_sniffed.page", nested_html(100_000), &[e(ErrorKind::Html)]),
        case("a19_deep_as_text.txt", nested_html(100_000), &[A]),
        case("a20_unclosed.html", "<b>".repeat(100_000) + SENTENCE, &[e(ErrorKind::Html)]),
        case("a21_long_line.txt", "x".repeat(10 << 20), &[A]),
        case("a22_long_word_line.txt", "Lee".repeat(1 << 20) + " beat Park 6-4 6-4.", &[A]),
        case("a23_scores.txt", score_tokens(), &[A]),
        case("a24_huge_numbers.txt", huge.clone(), &[A]),
        case("a25_control_chars.txt", control_text(), &[A]),
        case(
            "a26_wrong_types.json",
            r#"[{"text": 42}, {"text": ["a"]}, "just a string", null, 3.5, true,
               {"text": "Ann Lee beat Bea Park 6-4 6-4 in the tennis final.", "title": 5, "date": {"y": 1}, "id": {"x": 1}},
               {}, {"text": {"nested": "Ann Lee"}}, {"body": "   "}, {"text": null, "body": false},
               {"html": 12}, {"html": "<p>Cy Dow beat Di Eve 6-3 6-3 in a long and hard-fought tennis final today.</p>"}]"#,
            &[
                e(ErrorKind::Json), e(ErrorKind::Json), e(ErrorKind::Json), e(ErrorKind::Json),
                e(ErrorKind::Json), e(ErrorKind::Json), A, e(ErrorKind::Json), e(ErrorKind::Json),
                e(ErrorKind::Empty), e(ErrorKind::Json), e(ErrorKind::Json), A,
            ],
        ),
        case("a27_scalar.json", "42", &[e(ErrorKind::Json)]),
        case("a28_null.json", "null", &[e(ErrorKind::Json)]),
        case("a29_empty_array.json", "[]", &[e(ErrorKind::Empty)]),
        case("a30_deep_array.json", "[".repeat(100_000) + &"]".repeat(100_000), &[e(ErrorKind::Json)]),
        case(
            "a31_truncated.jsonl",
            "{\"text\": \"Ann Lee beat Bea Park 6-4 6-4 in the tennis final.\"}\n\
             {\"text\": \"Cy Dow beat Di Ev\n\
             {\"te\n\
             [1, 2\n\
             \n\
             {\"id\": \"x9\", \"text\": \"Eli Fox beat Gus Hart 6-0 6-0 in the tennis final.\"}\n\
             {\"text\": \"cut off at the end",
            &[A, e(ErrorKind::Json), e(ErrorKind::Json), e(ErrorKind::Json), A, e(ErrorKind::Json)],
        ),
        case(
            "a32_huge_numbers.jsonl",
            format!(
                "{{\"id\": 1e400, \"text\": \"Ann Lee beat Bea Park 6-4 6-4.\"}}\n\
                 {{\"id\": 123456789012345678901234567890, \"text\": \"Ann Lee beat Bea Park 6-4 6-4.\"}}\n\
                 {{\"id\": -9223372036854775809, \"text\": \"Ann Lee beat Bea Park 6-4 6-4.\"}}\n\
                 {huge_line}\n"
            ),
            &[e(ErrorKind::Json), A, A, A],
        ),
        case(
            "a33_control_chars.jsonl",
            format!(
                "{{\"id\": \"a\\u0000b\\u001b[2J\", \"title\": \"T\\u0007\\u0008\", \"text\": {}}}\n\
                 {{\"id\": \"../../../etc/escape\", \"text\": \"Ann Lee beat Bea Park 6-4 6-4.\"}}\n\
                 {{\"id\": \"/tmp/sportext-escape\", \"text\": \"Ann Lee beat Bea Park 6-4 6-4.\"}}\n\
                 {{\"text\": \"\\ud800 lone surrogate\"}}\n",
                serde_json::to_string(&control_text().replace("Cy\u{1}", "Cy\u{0}")).unwrap()
            ),
            &[A, A, A, e(ErrorKind::Json)],
        ),
        case("a34_bom_only.txt", b"\xef\xbb\xbf".to_vec(), &[e(ErrorKind::Empty)]),
        case("a35_controls.txt", (0u8..32).cycle().take(4000).filter(|&b| b != 0).collect::<Vec<_>>(), &[e(ErrorKind::Binary)]),
    ]
}

fn kind_of(r: &Result<Article, Error>) -> Want {
    match r {
        Ok(_) => Want::Article,
        Err(e) => Want::Error(e.kind),
    }
}

#[test]
fn library_handles_every_bad_file() {
    for c in file_cases() {
        let name = c.name;
        let bytes = c.bytes.clone();
        let got = within(120, name, move || {
            library_records(extractor(), name, &bytes)
        });
        let kinds: Vec<Want> = got.iter().map(kind_of).collect();
        assert_eq!(kinds, c.want, "{name}: {got:?}");
        for r in &got {
            if let Err(e) = r {
                assert!(
                    !e.message.trim().is_empty(),
                    "{name}: error without a message"
                );
            }
        }
    }
}

#[test]
fn binary_handles_every_bad_file_in_one_batch() {
    let dir = temp_dir("bad-input-files");
    let cases = file_cases();
    for c in &cases {
        fs::write(dir.join(c.name), &c.bytes).unwrap();
    }
    let d = dir.to_str().unwrap();
    let out = run(&["extract", "-q", d]);
    assert_eq!(out.status.code(), Some(1), "some inputs fail");
    let recs = checked_records(&out);
    let want: Vec<(String, Want)> = cases
        .iter()
        .flat_map(|c| c.want.iter().map(move |w| (c.name, *w)))
        .map(|(n, w)| (n.to_string(), w))
        .collect();
    assert_eq!(
        recs.len(),
        want.len(),
        "one record per article or failed input"
    );
    for (rec, (name, w)) in recs.iter().zip(&want) {
        let source = rec["source"].as_str().unwrap_or("");
        let got = match error_kind(rec) {
            None => Want::Article,
            Some(k) => Want::Error(kind_from_str(k)),
        };
        assert_eq!(got, *w, "{name}: {rec}");
        if got != Want::Article {
            assert!(
                source.starts_with(&format!("{d}/{name}")),
                "error record names its input: {rec}"
            );
            assert!(!rec["error"]["message"].as_str().unwrap().trim().is_empty());
        }
    }
    // The decoded texts agree: UTF-16 and UTF-8 give the same facts.
    let by_name = |n: &str| {
        recs.iter()
            .find(|r| r["source"] == format!("{d}/{n}"))
            .unwrap()
            .clone()
    };
    let facts = |mut r: Value| {
        let o = r.as_object_mut().unwrap();
        o.remove("source");
        o.remove("warnings");
        r
    };
    assert_eq!(
        facts(by_name("a14_utf16le.txt")),
        facts(by_name("a15_utf16be.txt"))
    );
    let utf8 = extractor().extract(SENTENCE);
    assert_eq!(
        facts(by_name("a14_utf16le.txt")),
        facts(serde_json::to_value(utf8).unwrap())
    );
    let latin = by_name("a12_invalid_utf8.txt");
    assert!(
        latin["warnings"][0]
            .as_str()
            .unwrap()
            .contains("Windows-1252"),
        "{latin}"
    );
    // Ids from JSON are sources only, never file names.
    let srcs: Vec<&str> = recs.iter().map(|r| r["source"].as_str().unwrap()).collect();
    assert!(srcs.contains(&"../../../etc/escape"));
    assert!(srcs.contains(&"a\u{0}b\u{1b}[2J"));
    assert!(!Path::new("/tmp/sportext-escape").exists());
}

fn kind_from_str(k: &str) -> ErrorKind {
    [
        ErrorKind::Io,
        ErrorKind::Empty,
        ErrorKind::Binary,
        ErrorKind::Encoding,
        ErrorKind::TooLarge,
        ErrorKind::Json,
        ErrorKind::Html,
        ErrorKind::Usage,
        ErrorKind::Internal,
    ]
    .into_iter()
    .find(|x| x.as_str() == k)
    .unwrap_or_else(|| panic!("unknown kind {k}"))
}

#[test]
fn binary_handles_each_bad_file_on_stdin() {
    for c in file_cases() {
        let ext = c.name.rsplit_once('.').unwrap().1;
        let format = match ext {
            "txt" => "text",
            "html" | "json" | "jsonl" => ext,
            _ => continue,
        };
        if c.bytes.len() > (256 << 10) {
            continue;
        }
        let mut child = Command::new(BIN)
            .args(["extract", "-q", "--input-format", format, "-"])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut stdin = child.stdin.take().unwrap();
        let bytes = c.bytes.clone();
        let w = std::thread::spawn(move || {
            use std::io::Write;
            let _ = stdin.write_all(&bytes);
        });
        let out = common::wait_with_limit(child, LIMIT, c.name);
        w.join().unwrap();
        let all_ok = c.want.iter().all(|w| *w == Want::Article);
        assert_eq!(
            out.status.code(),
            Some(if all_ok { 0 } else { 1 }),
            "{}",
            c.name
        );
        let recs = checked_records(&out);
        let got: Vec<Want> = recs
            .iter()
            .map(|r| error_kind(r).map_or(Want::Article, |k| Want::Error(kind_from_str(k))))
            .collect();
        assert_eq!(got, c.want, "{}", c.name);
        for r in recs.iter().filter(|r| error_kind(r).is_some()) {
            let src = r["source"].as_str().unwrap();
            assert!(
                src == "stdin" || src.starts_with("stdin#"),
                "{}: {r}",
                c.name
            );
        }
    }
}

#[test]
fn html_nested_100000_deep_is_refused_quickly_by_the_library() {
    let page = nested_html(100_000);
    let err = within(60, "deep html", move || html::parse_html(&page, None)).unwrap_err();
    assert_eq!(err.kind, ErrorKind::Html);
    assert!(err.message.contains("nested"), "{}", err.message);
    // A page nested 3,000 deep (under the limit) still gives its article.
    let page = nested_html(3_000);
    let doc = within(120, "3000-deep html", move || html::parse_html(&page, None)).unwrap();
    assert_eq!(doc.body.trim(), SENTENCE.trim());
}

#[test]
fn decode_refuses_binary_and_empty_with_clear_messages() {
    let err = text::decode(&png_bytes()).unwrap_err();
    assert_eq!(err.kind, ErrorKind::Binary);
    assert!(err.message.contains("PNG"), "{}", err.message);
    let err = text::decode(&zip_bytes()).unwrap_err();
    assert!(err.message.contains("ZIP"), "{}", err.message);
    let err = text::decode(b"abc\0def").unwrap_err();
    assert!(err.message.contains("NUL"), "{}", err.message);
    assert_eq!(text::decode(b"").unwrap_err().kind, ErrorKind::Empty);
    assert_eq!(text::decode(b" \n ").unwrap_err().kind, ErrorKind::Empty);
    let (t, w) = text::decode(&utf16(SENTENCE, false)).unwrap();
    assert_eq!(t, SENTENCE);
    assert!(w.is_empty());
    // An odd trailing byte in UTF-16 is replaced, with a warning.
    let mut odd = utf16("Ann Lee", true);
    odd.push(0x41);
    let (t, w) = text::decode(&odd).unwrap();
    assert_eq!(t, "Ann Lee\u{fffd}");
    assert_eq!(w.len(), 1);
}

// ---------------------------------------------------------------------------------------------------------
// Crashes found by fuzzing and property tests: regression inputs
// ---------------------------------------------------------------------------------------------------------

/// Inputs that once made the library panic. Each must now give a record whose evidence matches its slices.
const REGRESSIONS: &[&str] = &[
    // src/recognise/ranking.rs `is_abbreviation_dot`: the word before a full stop started one byte after a
    // multi-byte character (found by tests/properties.rs).
    "\u{3347a}. final 6-4 6-3. ",
    "6-4 6-3\u{301}. final",
    // src/recognise/result.rs:93: the 60-byte window after a participle ended inside a 4-byte character.
    "defeated she 100th .   0-0 -  100th quarter-finals100000000100th \u{10000}6-4 6-3",
    // src/resolve/matches.rs:674: attempt to subtract with overflow.
    "Ann Lee 0-0 retired against Dow",
    // src/recognise/ranking.rs `number_value`: "seeded 0" gave seed 0, which the schema refuses (minimum 1).
    "Ann Lee seeded 0\u{2013}0Ann Lee seed",
    // src/segment.rs `is_sentence_end`: the same after a multi-byte space.
    "Ann Lee\u{a0}b. Then Bea\u{2003}Park. won 6-4 6-4\u{3000}x. in the final.",
    // src/resolve/players.rs `mark_officials`: the 40-byte window after a name ended inside 'é'.
    "Ann Lee beat Bo Kim 6-4 6-4 in the tennis fina\u{e9} and more.",
    // The same window before a name.
    "\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}x Ann Lee won.",
];

#[test]
fn regression_inputs_do_not_panic() {
    for (i, text) in REGRESSIONS.iter().enumerate() {
        let t = text.to_string();
        let a = within(60, &format!("regression {i}"), move || {
            let a = extractor().extract(&t);
            (a, t)
        });
        check_evidence(&a.1, &a.0);
        common::assert_valid(&common::validator(), &serde_json::to_value(&a.0).unwrap());
    }
}

// ---------------------------------------------------------------------------------------------------------
// Size limits
// ---------------------------------------------------------------------------------------------------------

/// Megabytes of near-tennis text the library extracts in the big-article test.
fn big_bytes() -> usize {
    let mb: f64 = std::env::var("SPORTEXT_BIG_MB")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(if cfg!(debug_assertions) { 0.5 } else { 4.0 });
    (mb * 1048576.0) as usize
}

/// About `bytes` bytes of article text: sentences with players, scores, rounds, ranks and seeds.
fn big_article(bytes: usize) -> String {
    let names = [
        "Ann Lee", "Bea Park", "Cy Dow", "Di Eve", "Eli Fox", "Gus Hart", "Ivo Jet",
    ];
    let mut s = String::with_capacity(bytes + 200);
    s.push_str("Tennis round-up\n\n");
    let mut i = 0usize;
    while s.len() < bytes {
        let (a, b) = (names[i % 7], names[(i * 3 + 1) % 7]);
        match i % 4 {
            0 => s.push_str(&format!(
                "{a} beat {b} 6-{} 7-5 in the second round. ",
                i % 5
            )),
            1 => s.push_str(&format!(
                "The world number {}, {a}, is the {}th seed. ",
                i % 300 + 1,
                i % 30 + 3
            )),
            2 => s.push_str(&format!("\"It was hard,\" said {b} after a tie-break. ")),
            _ => s.push_str("The rain stopped play for an hour.\n\n"),
        }
        i += 1;
    }
    s
}

#[test]
fn big_article_through_the_library_completes() {
    let text = big_article(big_bytes());
    let (a, text) = within(600, "big article", move || {
        (extractor().extract(&text), text)
    });
    check_evidence(&text, &a);
    assert_eq!(a.sport.as_deref(), Some("tennis"));
    assert!(!a.players.is_empty());
}

#[test]
fn a_50_mb_article_gives_a_too_large_record_with_the_default_limit() {
    let dir = temp_dir("bad-input-big");
    let path = dir.join("big.txt");
    let chunk = big_article(1 << 20);
    let mut f = fs::File::create(&path).unwrap();
    for _ in 0..50 {
        std::io::Write::write_all(&mut f, chunk.as_bytes()).unwrap();
    }
    drop(f);
    let p = path.to_str().unwrap();
    let out = run(&["extract", "-q", p]);
    assert_eq!(out.status.code(), Some(1));
    let recs = checked_records(&out);
    assert_eq!(recs.len(), 1);
    assert_eq!(error_kind(&recs[0]), Some("too-large"));
    assert_eq!(recs[0]["source"], p);
    let msg = recs[0]["error"]["message"].as_str().unwrap();
    assert!(
        msg.contains("--max-bytes") && msg.contains("16777216"),
        "{msg}"
    );
    // Within the limit, the same kind of text (sized as the library test) gives its record.
    let small = dir.join("sized.txt");
    fs::write(&small, big_article(big_bytes())).unwrap();
    let out = run(&[
        "extract",
        "-q",
        "--max-bytes",
        "64M",
        small.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(0));
    let recs = checked_records(&out);
    assert_eq!(recs.len(), 1);
    assert_eq!(recs[0]["sport"], "tennis");
    fs::remove_file(&path).unwrap();
}

#[test]
fn oversized_stdin_gives_a_too_large_record() {
    let mut child = Command::new(BIN)
        .args(["extract", "-q", "--max-bytes", "1M", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let w = std::thread::spawn(move || {
        use std::io::Write;
        let chunk = SENTENCE.repeat(1000);
        // The reader may stop early: a broken pipe here is expected.
        for _ in 0..40 {
            if stdin.write_all(chunk.as_bytes()).is_err() {
                break;
            }
        }
    });
    let out = common::wait_with_limit(child, LIMIT, "oversized stdin");
    w.join().unwrap();
    let recs = checked_records(&out);
    assert_eq!(recs.len(), 1);
    assert_eq!(recs[0]["source"], "stdin");
    assert_eq!(error_kind(&recs[0]), Some("too-large"));
}

#[test]
fn help_documents_the_size_limit() {
    let out = run(&["extract", "--help"]);
    let help = String::from_utf8(out.stdout).unwrap();
    assert!(help.contains("--max-bytes"), "{help}");
    assert!(help.contains("[default: 16M]"), "{help}");
    assert!(help.contains("too-large"), "{help}");
}

// ---------------------------------------------------------------------------------------------------------
// File-system cases (binary only: the library does no I/O)
// ---------------------------------------------------------------------------------------------------------

/// True when permissions do not stop this process from reading (running as root).
fn permissions_ignored(dir: &Path) -> bool {
    use std::os::unix::fs::PermissionsExt;
    let probe = dir.join("probe");
    fs::write(&probe, "x").unwrap();
    fs::set_permissions(&probe, fs::Permissions::from_mode(0o000)).unwrap();
    let readable = fs::read(&probe).is_ok();
    fs::remove_file(&probe).unwrap();
    readable
}

#[test]
fn unreadable_inputs_give_io_records() {
    use std::os::unix::fs::PermissionsExt;
    let dir = temp_dir("bad-input-unreadable");
    let d = dir.to_str().unwrap();
    // /proc/self/mem is a regular file that fails on the first read (nothing is mapped at address 0): an
    // unreadable file whatever the user, root included.
    let out = run(&[
        "extract",
        "-q",
        "/proc/self/mem",
        &format!("{d}/missing.txt"),
    ]);
    assert_eq!(out.status.code(), Some(1));
    let recs = checked_records(&out);
    assert_eq!(recs.len(), 2);
    assert_eq!(recs[0]["source"], "/proc/self/mem");
    assert_eq!(error_kind(&recs[0]), Some("io"), "{}", recs[0]);
    assert_eq!(recs[1]["source"], format!("{d}/missing.txt"));
    assert_eq!(recs[1]["error"]["message"], "no such file or folder");

    fs::write(dir.join("a.txt"), SENTENCE).unwrap();
    fs::write(dir.join("b_locked.txt"), SENTENCE).unwrap();
    fs::write(dir.join("c.txt"), SENTENCE).unwrap();
    fs::create_dir(dir.join("d_locked_dir")).unwrap();
    fs::write(dir.join("d_locked_dir/x.txt"), SENTENCE).unwrap();
    if permissions_ignored(&dir) {
        println!(
            "note: running as root, where permissions do not block reads: chmod 000 sub-case skipped"
        );
        return;
    }
    fs::set_permissions(dir.join("b_locked.txt"), fs::Permissions::from_mode(0o000)).unwrap();
    fs::set_permissions(dir.join("d_locked_dir"), fs::Permissions::from_mode(0o000)).unwrap();
    let out = run(&["extract", "-q", d]);
    fs::set_permissions(dir.join("d_locked_dir"), fs::Permissions::from_mode(0o755)).unwrap();
    let recs = checked_records(&out);
    let srcs: Vec<&str> = recs.iter().map(|r| r["source"].as_str().unwrap()).collect();
    assert_eq!(
        srcs,
        [
            format!("{d}/a.txt"),
            format!("{d}/b_locked.txt"),
            format!("{d}/c.txt"),
            format!("{d}/d_locked_dir"),
        ]
    );
    assert_eq!(recs[1]["error"]["message"], "permission denied");
    assert_eq!(recs[3]["error"]["message"], "permission denied");
}

#[test]
fn symlink_loops_give_io_records() {
    let dir = temp_dir("bad-input-links");
    let d = dir.to_str().unwrap();
    fs::write(dir.join("a.txt"), SENTENCE).unwrap();
    symlink(dir.join("l_loop2.txt"), dir.join("l_loop1.txt")).unwrap();
    symlink(dir.join("l_loop1.txt"), dir.join("l_loop2.txt")).unwrap();
    symlink(dir.join("l_self.txt"), dir.join("l_self.txt")).unwrap();
    symlink(&dir, dir.join("m_up")).unwrap();
    // Named on the command line: followed, and the loop is reported.
    let out = run(&[
        "extract",
        "-q",
        &format!("{d}/l_loop1.txt"),
        &format!("{d}/l_self.txt"),
    ]);
    let recs = checked_records(&out);
    assert_eq!(recs.len(), 2);
    for r in &recs {
        assert_eq!(error_kind(r), Some("io"));
        assert!(
            r["error"]["message"].as_str().unwrap().contains("loop"),
            "{r}"
        );
    }
    // In a folder: not followed by default (counted in the summary) ...
    let out = run(&["extract", d]);
    let recs = checked_records(&out);
    assert_eq!(recs.len(), 1);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("4 symbolic links not followed"), "{stderr}");
    // ... and with --follow-links each loop is an error record, in order.
    let out = run(&["extract", "-q", "--follow-links", d]);
    let recs = checked_records(&out);
    let srcs: Vec<&str> = recs.iter().map(|r| r["source"].as_str().unwrap()).collect();
    assert_eq!(
        srcs,
        [
            format!("{d}/a.txt"),
            format!("{d}/l_loop1.txt"),
            format!("{d}/l_loop2.txt"),
            format!("{d}/l_self.txt"),
            format!("{d}/m_up"),
        ]
    );
    for r in &recs[1..] {
        assert!(
            r["error"]["message"].as_str().unwrap().contains("loop"),
            "{r}"
        );
    }
}

#[test]
fn fifos_are_reported_not_read() {
    let dir = temp_dir("bad-input-fifo");
    let d = dir.to_str().unwrap();
    fs::write(dir.join("a.txt"), SENTENCE).unwrap();
    let made = Command::new("mkfifo")
        .arg(dir.join("b.txt"))
        .status()
        .is_ok_and(|s| s.success());
    if !made {
        println!("note: mkfifo unavailable: FIFO case skipped");
        return;
    }
    fs::write(dir.join("c.txt"), SENTENCE).unwrap();
    symlink(dir.join("b.txt"), dir.join("d_link.txt")).unwrap();
    // Nobody ever writes to the FIFO: opening it would block forever. The run must end anyway.
    for args in [
        vec!["extract", "-q", d],
        vec!["extract", "-q", "--follow-links", d],
        vec![
            "extract",
            "-q",
            "--input-format",
            "text",
            &format!("{d}/b.txt"),
        ],
        vec![
            "extract",
            "-q",
            "--input-format",
            "jsonl",
            &format!("{d}/d_link.txt"),
        ],
    ] {
        let out = run(&args);
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        for r in checked_records(&out) {
            let src = r["source"].as_str().unwrap();
            if src.ends_with("b.txt") || src.ends_with("d_link.txt") {
                assert_eq!(error_kind(&r), Some("io"));
                assert!(
                    r["error"]["message"].as_str().unwrap().contains("FIFO"),
                    "{r}"
                );
            } else {
                assert!(error_kind(&r).is_none(), "{r}");
            }
        }
    }
}

const MANY: usize = 20_000;

/// A folder of 20,000 small files (every 1,000th one empty, every 100th a match report, the others one short
/// sentence), made once for the tests that need it.
fn many_files_dir() -> &'static PathBuf {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        let dir = temp_dir("bad-input-many");
        let names = ["Ann Lee", "Bea Park", "Cy Dow", "Di Eve"];
        for i in 0..MANY {
            let sub = dir.join(format!("d{:02}", i / 1000));
            if i % 1000 == 0 {
                fs::create_dir(&sub).unwrap();
            }
            let body = if i % 1000 == 999 {
                String::new()
            } else if i % 100 != 0 {
                format!("Note {i}.\n")
            } else {
                format!(
                    "{} beat {} 6-{} 6-{}.\n",
                    names[i % 4],
                    names[(i + 1) % 4],
                    i % 5,
                    (i / 5) % 5
                )
            };
            fs::write(sub.join(format!("f{i:05}.txt")), body).unwrap();
        }
        dir
    })
}

#[test]
fn a_folder_of_20000_files_gives_one_line_each_in_order() {
    let dir = many_files_dir();
    let d = dir.to_str().unwrap();
    let out = run(&["extract", "-q", "-j", "2", d]);
    assert_eq!(
        out.status.code(),
        Some(1),
        "the empty files give error records"
    );
    let stdout = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), MANY);
    let v = common::validator();
    for (i, l) in lines.iter().enumerate() {
        let r: Value = serde_json::from_str(l).unwrap();
        assert_eq!(r["source"], format!("{d}/d{:02}/f{i:05}.txt", i / 1000));
        assert_eq!(error_kind(&r), (i % 1000 == 999).then_some("empty"), "{r}");
        if i % 97 == 0 {
            common::assert_valid(&v, &r);
        }
    }
}

#[test]
fn sigterm_and_sigint_leave_no_partial_output() {
    let dir = many_files_dir();
    for signal in ["TERM", "INT"] {
        let outdir = temp_dir(&format!("bad-input-signal-{signal}"));
        let target = outdir.join("out.jsonl");
        let mut child = Command::new(BIN)
            .args(["extract", "-q", "-j", "1", "-o"])
            .arg(&target)
            .args(std::iter::repeat_n(dir, 10))
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        // Wait until the temporary output file exists, then a little, so the signal lands mid-run.
        let mut tries = 0;
        while fs::read_dir(&outdir).unwrap().count() == 0 {
            tries += 1;
            assert!(tries < 6000, "no temporary file appeared");
            std::thread::sleep(Duration::from_millis(10));
        }
        std::thread::sleep(Duration::from_millis(300));
        assert!(
            child.try_wait().unwrap().is_none(),
            "the run ended before the signal"
        );
        let st = Command::new("kill")
            .args([format!("-{signal}"), child.id().to_string()])
            .status()
            .unwrap();
        assert!(st.success());
        let status = common::wait_with_limit(child, LIMIT, "interrupted run").status;
        assert!(!status.success(), "{signal}: {status:?}");
        let left: Vec<_> = fs::read_dir(&outdir)
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert!(left.is_empty(), "{signal}: files left behind: {left:?}");
    }
}

// ---------------------------------------------------------------------------------------------------------
// Safety
// ---------------------------------------------------------------------------------------------------------

/// Lists every file under `dir` with its size, sorted.
fn snapshot(dir: &Path) -> Vec<(PathBuf, u64)> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in fs::read_dir(&d).unwrap() {
            let e = e.unwrap();
            let m = fs::symlink_metadata(e.path()).unwrap();
            if m.is_dir() {
                stack.push(e.path());
            } else {
                out.push((e.path(), m.len()));
            }
        }
    }
    out.sort();
    out
}

#[test]
fn nothing_is_written_outside_the_output_file() {
    let root = temp_dir("bad-input-writes");
    let input = root.join("in");
    let outdir = root.join("out");
    fs::create_dir_all(&input).unwrap();
    fs::create_dir_all(&outdir).unwrap();
    let jsonl = [
        r#"{"id": "../out/evil.jsonl", "text": "Ann Lee beat Bea Park 6-4 6-4."}"#,
        r#"{"id": "../../escape.txt", "url": "/tmp/x", "text": "Cy Dow beat Di Eve 6-1 6-1."}"#,
    ]
    .join("\n");
    fs::write(input.join("a.jsonl"), jsonl).unwrap();
    fs::write(
        input.join("b.json"),
        r#"[{"id": "in/../../c", "text": "Eli Fox beat Gus Hart 6-2 6-2."}]"#,
    )
    .unwrap();
    fs::write(input.join("c.txt"), SENTENCE).unwrap();
    symlink("/etc", input.join("d_outside")).unwrap();
    let before = snapshot(&root);
    let target = outdir.join("records.jsonl");
    let out = run(&[
        "extract",
        "-q",
        "-o",
        target.to_str().unwrap(),
        input.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(0));
    assert!(out.stdout.is_empty(), "with -o nothing goes to stdout");
    let mut after = snapshot(&root);
    after.retain(|(p, _)| p != &target);
    assert_eq!(before, after, "only the output file was added");
    let written = fs::read_to_string(&target).unwrap();
    let srcs: Vec<String> = written
        .lines()
        .map(|l| {
            serde_json::from_str::<Value>(l).unwrap()["source"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect();
    // The link to /etc is not followed without --follow-links.
    assert_eq!(
        srcs,
        [
            "../out/evil.jsonl",
            "../../escape.txt",
            "in/../../c",
            &format!("{}/c.txt", input.display())
        ]
    );
    assert!(!root.join("escape.txt").exists());
}

/// The source has no network access and starts no other program (a review aid that fails loudly if either
/// creeps in).
#[test]
fn no_network_and_no_shell_outs_in_the_source() {
    let mut stack = vec![PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/src"))];
    let forbidden = [
        "std::net",
        "TcpStream",
        "UdpSocket",
        "process::Command",
        "Command::new",
    ];
    let mut files = 0;
    while let Some(d) = stack.pop() {
        for e in fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|x| x == "rs") {
                files += 1;
                let src = fs::read_to_string(&p).unwrap();
                for f in forbidden {
                    assert!(!src.contains(f), "{} uses {f}", p.display());
                }
            }
        }
    }
    assert!(files > 10);
    let manifest = fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/Cargo.toml")).unwrap();
    let deps = manifest.split("[dev-dependencies]").next().unwrap();
    for net in ["reqwest", "hyper", "ureq", "tokio", "curl"] {
        assert!(!deps.contains(net), "a network dependency: {net}");
    }
}
