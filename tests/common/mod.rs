//! Shared helpers of the integration tests: a small JSON-schema validator for the subset of draft 2020-12 that
//! `schema/article.schema.json` uses. It refuses any other keyword, so the schema cannot come to rely on
//! something these tests would silently ignore.
#![allow(dead_code)]

use regex::Regex;
use serde_json::Value;

/// The output schema, parsed.
pub fn schema() -> Value {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/schema/article.schema.json");
    serde_json::from_str(&std::fs::read_to_string(path).expect("schema file"))
        .expect("schema is JSON")
}

/// Keywords that only annotate.
const ANNOTATIONS: [&str; 5] = ["$schema", "$defs", "title", "description", "$comment"];

/// Validates values against the schema held in `root`.
pub struct Validator {
    /// The schema.
    pub root: Value,
}

impl Validator {
    /// Every violation of the schema by `v` (empty when valid).
    pub fn errors(&self, v: &Value) -> Vec<String> {
        let mut errs = Vec::new();
        self.check(&self.root, v, "$", &mut errs);
        errs
    }

    /// True when `v` validates.
    pub fn is_valid(&self, v: &Value) -> bool {
        self.errors(v).is_empty()
    }

    fn resolve(&self, r: &str) -> &Value {
        let name = r
            .strip_prefix("#/$defs/")
            .unwrap_or_else(|| panic!("unsupported $ref {r}"));
        self.root["$defs"]
            .get(name)
            .unwrap_or_else(|| panic!("no definition {name}"))
    }

    fn check(&self, schema: &Value, v: &Value, at: &str, errs: &mut Vec<String>) {
        let Some(obj) = schema.as_object() else {
            panic!("schema at {at} is not an object");
        };
        for (key, s) in obj {
            match key.as_str() {
                k if ANNOTATIONS.contains(&k) => {}
                "$ref" => self.check(self.resolve(s.as_str().unwrap()), v, at, errs),
                "type" => {
                    let types: Vec<&str> = match s {
                        Value::String(t) => vec![t.as_str()],
                        Value::Array(ts) => ts.iter().map(|t| t.as_str().unwrap()).collect(),
                        _ => panic!("bad type at {at}"),
                    };
                    if !types.iter().any(|t| type_matches(t, v)) {
                        errs.push(format!("{at}: {v} is not of type {types:?}"));
                    }
                }
                "enum" => {
                    if !s.as_array().unwrap().contains(v) {
                        errs.push(format!("{at}: {v} not in {s}"));
                    }
                }
                "const" => {
                    if s != v {
                        errs.push(format!("{at}: {v} is not {s}"));
                    }
                }
                "pattern" => {
                    if let Some(text) = v.as_str()
                        && !Regex::new(s.as_str().unwrap()).unwrap().is_match(text)
                    {
                        errs.push(format!("{at}: {text:?} does not match {s}"));
                    }
                }
                "minimum" => {
                    if let Some(n) = v.as_f64()
                        && n < s.as_f64().unwrap()
                    {
                        errs.push(format!("{at}: {n} below {s}"));
                    }
                }
                "minItems" | "maxItems" => {
                    if let Some(items) = v.as_array() {
                        let bound = s.as_u64().unwrap() as usize;
                        let bad = if key == "minItems" {
                            items.len() < bound
                        } else {
                            items.len() > bound
                        };
                        if bad {
                            errs.push(format!("{at}: {} items breaks {key} {bound}", items.len()));
                        }
                    }
                }
                "items" => {
                    if let Some(items) = v.as_array() {
                        for (i, item) in items.iter().enumerate() {
                            self.check(s, item, &format!("{at}[{i}]"), errs);
                        }
                    }
                }
                "properties" => {
                    if let Some(o) = v.as_object() {
                        for (name, sub) in s.as_object().unwrap() {
                            if let Some(field) = o.get(name) {
                                self.check(sub, field, &format!("{at}.{name}"), errs);
                            }
                        }
                    }
                }
                "required" => {
                    if let Some(o) = v.as_object() {
                        for name in s.as_array().unwrap() {
                            if !o.contains_key(name.as_str().unwrap()) {
                                errs.push(format!("{at}: missing {name}"));
                            }
                        }
                    }
                }
                "additionalProperties" => {
                    assert_eq!(
                        s,
                        &Value::Bool(false),
                        "only additionalProperties: false is supported"
                    );
                    if let Some(o) = v.as_object() {
                        let known = obj.get("properties").and_then(Value::as_object);
                        for name in o.keys() {
                            if !known.is_some_and(|k| k.contains_key(name)) {
                                errs.push(format!("{at}: unexpected field {name}"));
                            }
                        }
                    }
                }
                "oneOf" => {
                    let passing = s
                        .as_array()
                        .unwrap()
                        .iter()
                        .filter(|sub| {
                            let mut e = Vec::new();
                            self.check(sub, v, at, &mut e);
                            e.is_empty()
                        })
                        .count();
                    if passing != 1 {
                        errs.push(format!("{at}: {passing} of oneOf match"));
                    }
                }
                other => {
                    panic!("keyword {other} (at {at}) is not supported by this test's validator")
                }
            }
        }
    }
}

/// Whether `v` has the JSON-schema type `t`.
pub fn type_matches(t: &str, v: &Value) -> bool {
    match t {
        "object" => v.is_object(),
        "array" => v.is_array(),
        "string" => v.is_string(),
        "integer" => v.is_i64() || v.is_u64(),
        "number" => v.is_number(),
        "boolean" => v.is_boolean(),
        "null" => v.is_null(),
        other => panic!("unknown type {other}"),
    }
}

/// A validator for the output schema.
pub fn validator() -> Validator {
    Validator { root: schema() }
}

/// Panics with every violation when `record` does not validate.
pub fn assert_valid(v: &Validator, record: &Value) {
    let errs = v.errors(record);
    assert!(errs.is_empty(), "{errs:#?}\nrecord: {record:#}");
}

// ---------------------------------------------------------------------------------------------------------
// Running the binary, and checking records
// ---------------------------------------------------------------------------------------------------------

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

use sportext::input::json::{JsonArticle, JsonFields, parse_json_values};
use sportext::input::{html, text};
use sportext::{Article, Document, Error, ErrorKind, Evidence, Extractor};

/// The binary under test.
pub const BIN: &str = env!("CARGO_BIN_EXE_sportext");

/// A fresh empty folder under the target's temporary folder.
pub fn temp_dir(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Waits for `child` (stdout and stderr piped) at most `limit`, reading its output meanwhile; kills it and
/// panics if it is still running then ("hangs").
pub fn wait_with_limit(mut child: Child, limit: Duration, what: &str) -> Output {
    let mut out_pipe = child.stdout.take();
    let mut err_pipe = child.stderr.take();
    let out_t = std::thread::spawn(move || {
        let mut v = Vec::new();
        if let Some(p) = out_pipe.as_mut() {
            let _ = p.read_to_end(&mut v);
        }
        v
    });
    let err_t = std::thread::spawn(move || {
        let mut v = Vec::new();
        if let Some(p) = err_pipe.as_mut() {
            let _ = p.read_to_end(&mut v);
        }
        v
    });
    let started = Instant::now();
    let status = loop {
        if let Some(s) = child.try_wait().unwrap() {
            break s;
        }
        if started.elapsed() > limit {
            let _ = child.kill();
            let _ = child.wait();
            panic!("{what}: still running after {limit:?}: it hangs");
        }
        std::thread::sleep(Duration::from_millis(5));
    };
    Output {
        status,
        stdout: out_t.join().unwrap(),
        stderr: err_t.join().unwrap(),
    }
}

/// Runs the binary with `args` and no stdin, within `limit`.
pub fn run_limited(args: &[&str], limit: Duration) -> Output {
    let child = Command::new(BIN)
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run sportext");
    wait_with_limit(child, limit, &format!("sportext {}", args.join(" ")))
}

/// Checks the run did not crash (exit 0 or 1, no panic message) and returns its output lines, each parsed and
/// validated against the schema.
pub fn checked_records(out: &Output) -> Vec<Value> {
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        matches!(out.status.code(), Some(0 | 1)),
        "exit status {:?}; stderr: {stderr}",
        out.status
    );
    assert!(!stderr.contains("panicked"), "a panic: {stderr}");
    let v = validator();
    String::from_utf8(out.stdout.clone())
        .expect("UTF-8 output")
        .lines()
        .map(|l| {
            let rec: Value =
                serde_json::from_str(l).unwrap_or_else(|e| panic!("bad JSON line {l:?}: {e}"));
            assert_valid(&v, &rec);
            rec
        })
        .collect()
}

/// The error kind of a record, `None` for an article.
pub fn error_kind(r: &Value) -> Option<&str> {
    r.get("error").map(|e| e["kind"].as_str().unwrap())
}

/// Every evidence span of an article: players' mentions, matches, rankings, seeds.
pub fn all_evidence(a: &Article) -> Vec<&Evidence> {
    let mut out: Vec<&Evidence> = Vec::new();
    out.extend(a.players.iter().flat_map(|p| &p.mentions));
    out.extend(a.matches.iter().map(|m| &m.evidence));
    out.extend(a.rankings.iter().map(|r| &r.evidence));
    out.extend(a.seeds.iter().map(|s| &s.evidence));
    out
}

/// Asserts every evidence span of `a` lies on character boundaries of `body` and its text is that slice.
pub fn check_evidence(body: &str, a: &Article) {
    for ev in all_evidence(a) {
        assert!(
            ev.start <= ev.end && ev.end <= body.len(),
            "evidence {ev:?} out of the body ({} bytes)",
            body.len()
        );
        assert!(
            body.is_char_boundary(ev.start) && body.is_char_boundary(ev.end),
            "evidence {ev:?} not on character boundaries"
        );
        assert_eq!(
            body[ev.start..ev.end],
            ev.text,
            "evidence text is not its slice"
        );
    }
}

/// Extracts a document, checks its evidence and that the record validates against the schema.
pub fn extract_checked(ex: &Extractor, doc: &Document) -> Article {
    let a = ex.extract_document(doc);
    check_evidence(&doc.body, &a);
    assert_valid(&validator(), &serde_json::to_value(&a).unwrap());
    a
}

/// The library's way through a file's bytes, as the CLI takes it by extension: `txt` text, `html` HTML,
/// `json` one object or an array, `jsonl` one object per line, anything else sniffed (HTML or text). One
/// result per article (or per failed input, array item or line).
pub fn library_records(ex: &Extractor, name: &str, bytes: &[u8]) -> Vec<Result<Article, Error>> {
    let ext = name.rsplit_once('.').map_or("", |(_, e)| e);
    let text_doc = |bytes: &[u8]| {
        text::decode(bytes).map(|(s, w)| {
            let mut d = Document::from_text(Some(name.into()), &s);
            d.warnings = w;
            d
        })
    };
    let html_doc = |bytes: &[u8]| {
        html::decode_html(bytes).and_then(|(s, w)| {
            let mut d = html::parse_html(&s, Some(name.into()))?;
            d.warnings.extend(w);
            Ok(d)
        })
    };
    let fields = JsonFields::default();
    let json_item = |v: &Value, n: usize| {
        JsonArticle::from_value(v, &fields)
            .and_then(|a| a.into_document(format!("{name}#{n}")))
            .map(|d| extract_checked(ex, &d))
    };
    match ext {
        "txt" => vec![text_doc(bytes).map(|d| extract_checked(ex, &d))],
        "html" => vec![html_doc(bytes).map(|d| extract_checked(ex, &d))],
        "json" => match text::decode(bytes).and_then(|(s, _)| parse_json_values(&s)) {
            Ok(values) if values.is_empty() => {
                vec![Err(Error::new(ErrorKind::Empty, "the JSON array is empty"))]
            }
            Ok(values) => values
                .iter()
                .enumerate()
                .map(|(i, v)| json_item(v, i + 1))
                .collect(),
            Err(e) => vec![Err(e)],
        },
        "jsonl" => bytes
            .split(|&b| b == b'\n')
            .enumerate()
            .filter(|(_, l)| !l.iter().all(u8::is_ascii_whitespace))
            .map(|(i, l)| {
                let s = String::from_utf8_lossy(l);
                JsonArticle::from_line(&s, &fields)
                    .and_then(|a| a.into_document(format!("{name}#{}", i + 1)))
                    .map(|d| extract_checked(ex, &d))
            })
            .collect(),
        _ => {
            let doc = text::decode(bytes).and_then(|(s, _)| {
                if text::looks_like_html(&s) {
                    html_doc(bytes)
                } else {
                    text_doc(bytes)
                }
            });
            vec![doc.map(|d| extract_checked(ex, &d))]
        }
    }
}
