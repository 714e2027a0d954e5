//! Integration tests of the `sportext` binary: inputs of every kind (good and bad), order, error records, exit
//! codes, atomic `-o`, `--jobs`, output formats, stdin and stream mode.

use std::fs;
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use serde_json::Value;

const BIN: &str = env!("CARGO_BIN_EXE_sportext");
const MIXED: &str = "tests/data/cli/mixed";

fn sportext(args: &[&str]) -> Output {
    Command::new(BIN)
        .args(args)
        .stdin(Stdio::null())
        .output()
        .expect("run sportext")
}

fn with_stdin(args: &[&str], input: &[u8]) -> Output {
    let mut child = Command::new(BIN)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run sportext");
    child.stdin.take().unwrap().write_all(input).unwrap();
    child.wait_with_output().unwrap()
}

fn records(out: &Output) -> Vec<Value> {
    String::from_utf8(out.stdout.clone())
        .expect("UTF-8 output")
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("bad JSON line {l:?}: {e}")))
        .collect()
}

fn sources(recs: &[Value]) -> Vec<String> {
    recs.iter()
        .map(|r| r["source"].as_str().unwrap().to_string())
        .collect()
}

fn error_kind(r: &Value) -> Option<&str> {
    r.get("error").map(|e| e["kind"].as_str().unwrap())
}

/// A fresh empty folder for one test.
fn temp_dir(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("cli-{name}"));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).unwrap();
    dir
}

/// A folder of awkward inputs, one of each kind.
fn odd_dir(name: &str) -> PathBuf {
    let dir = temp_dir(name);
    let w = |f: &str, b: &[u8]| fs::write(dir.join(f), b).unwrap();
    w("a_empty.txt", b"");
    w("b_binary.txt", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0");
    w(
        "c_latin1.txt",
        b"Ren\xe9 Dupont beat Hugo Faure 6-1 6-2 in the first round.\n",
    );
    w(
        "d_truncated.jsonl",
        b"{\"text\": \"Mia Holt beat Eva Stone 6-3 6-3.\"}\n{\"text\": \"cut",
    );
    w("e_types.json", br#"[{"text": 42}, {"id": 7, "text": ["x"]}, "just a string", {"text": "Fine words here."}]"#);
    w(
        "f_unknown.xyz",
        b"Some plain words in a file with an odd extension.\n",
    );
    w("g_notjson.json", b"{ not json");
    w("h_blank_lines.jsonl", b"\n   \n");
    dir
}

#[test]
fn mixed_folder_gives_one_record_per_article_in_order() {
    let out = sportext(&["extract", "-q", MIXED]);
    assert_eq!(
        out.status.code(),
        Some(1),
        "one bad JSONL line makes the status 1"
    );
    let recs = records(&out);
    let m = |s: &str| format!("{MIXED}/{s}");
    assert_eq!(
        sources(&recs),
        [
            m("01_result.txt"),
            m("02_page.html"),
            "batch-one".into(),
            m("03_batch.json#2"),
            "https://example.test/a".into(),
            m("04_lines.jsonl#2"),
            m("04_lines.jsonl#3"),
            m("05_notes.md"),
            m("sub/06_more.htm"),
        ]
    );
    let kinds: Vec<Option<&str>> = recs.iter().map(error_kind).collect();
    assert_eq!(kinds[5], Some("json"));
    assert_eq!(kinds.iter().filter(|k| k.is_some()).count(), 1);
    // Text, HTML and JSON metadata are carried through.
    assert_eq!(recs[0]["headline"], "Kovacs edges past Moreau in Lyon");
    assert_eq!(recs[1]["headline"], "Late drama at the club event");
    assert_eq!(recs[2]["headline"], "Opening day report");
    assert_eq!(recs[2]["published"], "2024-03-02");
    assert_eq!(recs[3]["headline"], "Rain stops play");
    assert_eq!(recs[7]["headline"], "Training diary");
    assert!(recs[1]["players"].as_array().is_some_and(|p| !p.is_empty()));
}

#[test]
fn bad_inputs_give_error_records_and_the_batch_goes_on() {
    let dir = odd_dir("bad");
    let d = dir.to_str().unwrap();
    let out = sportext(&["extract", d]);
    assert_eq!(out.status.code(), Some(1));
    let recs = records(&out);
    let p = |s: &str| format!("{d}/{s}");
    assert_eq!(
        sources(&recs),
        [
            p("a_empty.txt"),
            p("b_binary.txt"),
            p("c_latin1.txt"),
            p("d_truncated.jsonl#1"),
            p("d_truncated.jsonl#2"),
            p("e_types.json#1"),
            "7".into(),
            p("e_types.json#3"),
            p("e_types.json#4"),
            p("f_unknown.xyz"),
            p("g_notjson.json"),
            p("h_blank_lines.jsonl"),
        ]
    );
    let kinds: Vec<Option<&str>> = recs.iter().map(error_kind).collect();
    assert_eq!(
        kinds,
        [
            Some("empty"),
            Some("binary"),
            None,
            None,
            Some("json"),
            Some("json"),
            Some("json"),
            Some("json"),
            None,
            None,
            Some("json"),
            Some("empty"),
        ]
    );
    // Invalid UTF-8 falls back to Windows-1252, with a warning.
    assert!(
        recs[2]["warnings"][0]
            .as_str()
            .unwrap()
            .contains("Windows-1252")
    );
    assert_eq!(recs[2]["players"][0]["name"], "René Dupont");
    // Messages on stderr name the file and the cause; the summary counts.
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains(&format!("{}: binary:", p("b_binary.txt"))),
        "{err}"
    );
    assert!(
        err.contains("e_types.json#1: json: field `text` is a number"),
        "{err}"
    );
    assert!(err.contains("8 inputs, 4 articles"), "{err}");
    assert!(err.contains("8 errors"), "{err}");
}

#[test]
fn all_good_inputs_exit_zero_and_missing_files_exit_one() {
    let out = sportext(&[
        "extract",
        "-q",
        &format!("{MIXED}/01_result.txt"),
        &format!("{MIXED}/02_page.html"),
    ]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(records(&out).len(), 2);
    assert!(out.stderr.is_empty(), "-q is quiet");

    let out = sportext(&[
        "extract",
        "no/such/file.txt",
        &format!("{MIXED}/01_result.txt"),
    ]);
    assert_eq!(out.status.code(), Some(1));
    let recs = records(&out);
    assert_eq!(recs[0]["source"], "no/such/file.txt");
    assert_eq!(error_kind(&recs[0]), Some("io"));
    assert!(recs[1]["error"].is_null());
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("no/such/file.txt: io: no such file or folder"),
        "{err}"
    );
}

#[test]
fn usage_errors_exit_two() {
    for args in [
        &["extract", "--no-such-flag"][..],
        &["extract", "--jobs", "0", MIXED],
        &["extract", "--format", "xml", MIXED],
        &["extract", "--max-bytes", "12Q", MIXED],
        &["extract", "--stream", MIXED],
        &["frobnicate"],
        &["eval", "--gold", "g.jsonl", "--min", "nonsense=0.5"],
        &["eval", "--gold", "g.jsonl", "--min", "results=1.5"],
    ] {
        let out = sportext(args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(out.stdout.is_empty(), "{args:?}");
        assert!(!out.stderr.is_empty(), "{args:?}");
    }
}

#[test]
fn jobs_one_and_two_give_the_same_bytes() {
    let dir = odd_dir("jobs");
    // Enough inputs to fill the groups of work in flight several times over (groups come back in any order).
    for i in 0..150 {
        let body = format!(
            "Player{i} Alpha beat Player{i} Beta 6-{} 6-{}.\nA line of filler text number {i}.\n",
            i % 5,
            (i + 2) % 5
        );
        fs::write(dir.join(format!("many_{i:03}.txt")), body).unwrap();
    }
    let mut lines = String::new();
    for i in 0..300 {
        lines.push_str(&format!(
            "{{\"text\": \"Line {i} tells of Kai Moss beating Leo Park 6-4 6-{}.\"}}\n",
            i % 5
        ));
    }
    fs::write(dir.join("many.jsonl"), lines).unwrap();
    let d = dir.to_str().unwrap();
    let one = sportext(&["extract", "-q", "--jobs", "1", MIXED, d]);
    let two = sportext(&["extract", "-q", "--jobs", "2", MIXED, d]);
    let eight = sportext(&["extract", "-q", "-j", "8", "--include-text", MIXED, d]);
    assert_eq!(one.status.code(), Some(1));
    assert!(one.stdout == two.stdout, "--jobs 1 and --jobs 2 differ");
    let recs = records(&one);
    assert_eq!(recs.len(), 9 + 12 + 150 + 300);
    assert_eq!(records(&eight).len(), recs.len());
    let srcs = sources(&recs);
    let first_many = srcs
        .iter()
        .position(|s| s.ends_with("many.jsonl#1"))
        .unwrap();
    assert!(srcs[first_many + 299].ends_with("many.jsonl#300"));
    assert!(srcs[first_many + 300].ends_with("many_000.txt"));
    assert!(srcs.last().unwrap().ends_with("many_149.txt"));
}

#[test]
fn a_write_error_stops_the_run_with_exit_one() {
    // More inputs than the groups of work in flight at --jobs 1 (8 groups of 16 tasks), so that extraction is
    // still going on when the first write fails: the run must stop, not hang or go on reading.
    let dir = temp_dir("full");
    for i in 0..600 {
        let body = format!("Kai Moss{i} beat Leo Park 6-4 6-{}.\n", i % 5);
        fs::write(dir.join(format!("a_{i:03}.txt")), body).unwrap();
    }
    if !Path::new("/dev/full").exists() {
        return;
    }
    for jobs in ["1", "2"] {
        let out = sportext(&[
            "extract",
            "-q",
            "--jobs",
            jobs,
            "-o",
            "/dev/full",
            dir.to_str().unwrap(),
        ]);
        assert_eq!(out.status.code(), Some(1), "--jobs {jobs}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            err.contains("cannot write /dev/full"),
            "--jobs {jobs}: {err}"
        );
    }
}

#[test]
fn include_text_gives_the_body_the_offsets_point_into() {
    let out = sportext(&["extract", "-q", "--include-text", MIXED]);
    let recs = records(&out);
    let mut checked = 0;
    for r in recs.iter().filter(|r| r.get("error").is_none()) {
        let text = r["text"].as_str().expect("text present");
        for m in r["matches"].as_array().unwrap() {
            let ev = &m["evidence"];
            let (s, e) = (
                ev["start"].as_u64().unwrap() as usize,
                ev["end"].as_u64().unwrap() as usize,
            );
            assert_eq!(&text[s..e], ev["text"].as_str().unwrap());
            checked += 1;
        }
    }
    assert!(checked >= 1);
    assert!(
        records(&sportext(&["extract", "-q", MIXED]))[0]
            .get("text")
            .is_none()
    );
}

#[test]
fn json_format_is_one_array_of_the_same_records() {
    let lines = records(&sportext(&["extract", "-q", MIXED]));
    let out = sportext(&["extract", "-q", "--format", "json", MIXED]);
    let arr: Value = serde_json::from_slice(&out.stdout).expect("one JSON document");
    assert_eq!(arr.as_array().unwrap(), &lines);
    let empty = odd_dir("json-empty");
    let out = sportext(&[
        "extract",
        "-q",
        "--format",
        "json",
        empty.join("a_empty.txt").to_str().unwrap(),
    ]);
    let arr: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(arr[0]["error"]["kind"], "empty");
}

/// Splits CSV text into rows of fields (RFC 4180 quoting).
fn parse_csv(s: &str) -> Vec<Vec<String>> {
    let (mut rows, mut row, mut field) = (Vec::new(), Vec::new(), String::new());
    let (mut quoted, mut chars) = (false, s.chars().peekable());
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') => quoted = true,
            (false, ',') => row.push(std::mem::take(&mut field)),
            (false, '\n') => {
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            (false, c) => field.push(c),
        }
    }
    assert!(
        field.is_empty() && row.is_empty() && !quoted,
        "CSV ends with a newline"
    );
    rows
}

#[test]
fn csv_has_one_row_per_match() {
    let json = records(&sportext(&["extract", "-q", MIXED]));
    let n_matches: usize = json
        .iter()
        .filter_map(|r| r["matches"].as_array())
        .map(Vec::len)
        .sum();
    let out = sportext(&["extract", "-q", "--format", "csv", MIXED]);
    let rows = parse_csv(&String::from_utf8(out.stdout).unwrap());
    assert_eq!(
        rows[0],
        [
            "source",
            "winner",
            "loser",
            "score",
            "outcome",
            "round",
            "tournament",
            "evidence"
        ]
    );
    assert_eq!(rows.len(), 1 + n_matches);
    assert!(n_matches >= 1);
    for row in &rows[1..] {
        assert_eq!(row.len(), 8, "{row:?}");
        assert!(
            !row[0].is_empty() && !row[1].is_empty() && !row[2].is_empty(),
            "{row:?}"
        );
    }
    let first = json
        .iter()
        .find(|r| r["matches"].as_array().is_some_and(|m| !m.is_empty()))
        .unwrap();
    let m = &first["matches"][0];
    assert_eq!(rows[1][0], first["source"].as_str().unwrap());
    assert_eq!(rows[1][1], m["winner"]["name"].as_str().unwrap());
    assert_eq!(rows[1][7], m["evidence"]["text"].as_str().unwrap());
}

#[test]
fn output_file_is_written_whole_and_leaves_no_temp_file() {
    let dir = temp_dir("out");
    let target = dir.join("result.jsonl");
    fs::write(&target, "old contents\n").unwrap();
    let out = sportext(&["extract", "-q", "-o", target.to_str().unwrap(), MIXED]);
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    let stdout_run = sportext(&["extract", "-q", MIXED]);
    assert_eq!(fs::read(&target).unwrap(), stdout_run.stdout);
    let names: Vec<_> = fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names, ["result.jsonl"]);

    // Writing into the folder being read does not read the earlier output.
    let inner = dir.join("in");
    fs::create_dir(&inner).unwrap();
    fs::copy(format!("{MIXED}/01_result.txt"), inner.join("a.txt")).unwrap();
    let t2 = inner.join("out.jsonl");
    for _ in 0..2 {
        let out = sportext(&[
            "extract",
            "-q",
            "-o",
            t2.to_str().unwrap(),
            inner.to_str().unwrap(),
        ]);
        assert_eq!(out.status.code(), Some(0));
        assert_eq!(fs::read_to_string(&t2).unwrap().lines().count(), 1);
    }

    // An output file that cannot be created is a failure naming it.
    let out = sportext(&["extract", "-q", "-o", "/no/such/dir/x.jsonl", MIXED]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        String::from_utf8(out.stderr)
            .unwrap()
            .contains("/no/such/dir/x.jsonl")
    );
}

#[test]
fn output_to_a_device_or_pipe_writes_into_it_and_never_replaces_it() {
    use std::os::unix::fs::FileTypeExt;
    // A named pipe stands for every path that is no regular file (a device such as /dev/null too, which a
    // rename would replace for the whole machine when run as root; not tried here for that reason): the
    // records come out of it, and it is still a pipe afterwards.
    let dir = temp_dir("out-special");
    let fifo = dir.join("records.pipe");
    assert!(
        Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    let reader = {
        let fifo = fifo.clone();
        std::thread::spawn(move || fs::read(fifo).unwrap())
    };
    let out = sportext(&["extract", "-q", "-o", fifo.to_str().unwrap(), MIXED]);
    assert_eq!(out.status.code(), Some(1), "MIXED holds bad inputs");
    // Checked before waiting for the reader: had the pipe been renamed over, the reader would wait forever.
    assert!(fs::metadata(&fifo).unwrap().file_type().is_fifo());
    let stdout_run = sportext(&["extract", "-q", MIXED]);
    assert_eq!(reader.join().unwrap(), stdout_run.stdout);
    let names: Vec<_> = fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names, ["records.pipe"], "no temp file left beside it");
}

#[test]
fn interrupted_run_leaves_neither_partial_nor_temp_file() {
    for signal in ["TERM", "INT"] {
        let dir = temp_dir(&format!("interrupt-{signal}"));
        let target = dir.join("result.jsonl");
        fs::write(&target, "old contents\n").unwrap();
        // Reading a stdin that never ends keeps the run going until the signal.
        let mut child = Command::new(BIN)
            .args([
                "extract",
                "-q",
                "--input-format",
                "jsonl",
                "-o",
                target.to_str().unwrap(),
                "-",
            ])
            .stdin(Stdio::piped())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let mut stdin = child.stdin.take().unwrap();
        stdin
            .write_all(b"{\"text\": \"Ada Byrne beat Cal Dunn 6-1 6-1.\"}\n")
            .unwrap();
        stdin.flush().unwrap();
        // Wait until the temporary file exists (the run has started writing).
        let has_temp = || fs::read_dir(&dir).unwrap().count() > 1;
        let mut tries = 0;
        while !has_temp() {
            tries += 1;
            assert!(tries < 2000, "no temporary file appeared");
            std::thread::sleep(std::time::Duration::from_millis(10));
        }
        let st = Command::new("kill")
            .args([format!("-{signal}"), child.id().to_string()])
            .status()
            .unwrap();
        assert!(st.success());
        let status = child.wait().unwrap();
        assert!(!status.success());
        drop(stdin);
        let names: Vec<_> = fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, ["result.jsonl"], "{signal}");
        assert_eq!(fs::read_to_string(&target).unwrap(), "old contents\n");
    }
}

#[test]
fn stdin_is_sniffed() {
    let out = with_stdin(
        &["extract", "-q"],
        b"{\"text\": \"a b c\"}\n{\"id\": \"k2\", \"text\": \"d e f\"}\n",
    );
    assert_eq!(sources(&records(&out)), ["stdin#1", "k2"]);
    let out = with_stdin(
        &["extract", "-q", "-"],
        b"{\n  \"title\": \"Pretty\",\n  \"text\": \"Printed over lines.\"\n}\n",
    );
    let recs = records(&out);
    assert_eq!(sources(&recs), ["stdin#1"]);
    assert_eq!(recs[0]["headline"], "Pretty");
    let out = with_stdin(
        &["extract", "-q"],
        b"Nina Roth beat Ola Sand 6-2 6-2 in the final.\n",
    );
    let recs = records(&out);
    assert_eq!(sources(&recs), ["stdin"]);
    assert_eq!(recs[0]["matches"][0]["winner"]["name"], "Nina Roth");
    let out = with_stdin(
        &["extract", "-q"],
        b"<!DOCTYPE html><html><body><p>Words in a page.</p></body></html>",
    );
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(sources(&records(&out)), ["stdin"]);
    let out = with_stdin(
        &["extract", "-q", "--input-format", "text"],
        b"{\"text\": \"x\"}\n",
    );
    assert!(
        records(&out)[0]["players"].is_array(),
        "forced text is not read as JSON"
    );
    let out = with_stdin(&["extract", "-q"], b"");
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(error_kind(&records(&out)[0]), Some("empty"));
}

#[test]
fn size_limit_gives_too_large_records() {
    let dir = temp_dir("max");
    fs::write(dir.join("big.txt"), "word ".repeat(400)).unwrap();
    fs::write(
        dir.join("lines.jsonl"),
        format!(
            "{{\"text\": \"short one\"}}\n{{\"text\": \"{}\"}}\n",
            "y".repeat(3000)
        ),
    )
    .unwrap();
    fs::write(dir.join("small.txt"), "Short text here.\nAnd more.\n").unwrap();
    let out = sportext(&["extract", "-q", "--max-bytes", "1K", dir.to_str().unwrap()]);
    let recs = records(&out);
    let kinds: Vec<_> = recs.iter().map(error_kind).collect();
    assert_eq!(kinds, [Some("too-large"), None, Some("too-large"), None]);
    assert!(
        recs[2]["source"]
            .as_str()
            .unwrap()
            .ends_with("lines.jsonl#2")
    );
    let out = with_stdin(
        &["extract", "-q", "--max-bytes", "100"],
        "z ".repeat(100).as_bytes(),
    );
    assert_eq!(error_kind(&records(&out)[0]), Some("too-large"));
}

#[test]
fn json_field_options_override_the_defaults() {
    let dir = temp_dir("fields");
    fs::write(
        dir.join("a.jsonl"),
        "{\"key\": \"k-1\", \"story\": \"Uma Lee beat Vic Moe 6-3 6-3.\", \"name\": \"Lee wins\", \"text\": 5}\n",
    )
    .unwrap();
    let f = dir.join("a.jsonl");
    let out = sportext(&[
        "extract",
        "-q",
        "--text-field",
        "story",
        "--id-field",
        "key",
        "--title-field",
        "name",
        f.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(0));
    let recs = records(&out);
    assert_eq!(recs[0]["source"], "k-1");
    assert_eq!(recs[0]["headline"], "Lee wins");
    let out = sportext(&["extract", "-q", f.to_str().unwrap()]);
    assert_eq!(error_kind(&records(&out)[0]), Some("json"));
}

#[test]
fn special_files_and_symlinks() {
    let dir = temp_dir("special");
    fs::write(dir.join("a.txt"), "Plain words for a test.\nMore words.\n").unwrap();
    std::os::unix::fs::symlink(dir.join("a.txt"), dir.join("b_link.txt")).unwrap();
    std::os::unix::fs::symlink(&dir, dir.join("c_loop")).unwrap();
    let fifo_ok = Command::new("mkfifo")
        .arg(dir.join("d_fifo"))
        .status()
        .is_ok_and(|s| s.success());
    let d = dir.to_str().unwrap();

    let out = sportext(&["extract", d]);
    let srcs = sources(&records(&out));
    let mut want = vec![format!("{d}/a.txt")];
    if fifo_ok {
        want.push(format!("{d}/d_fifo"));
    }
    assert_eq!(srcs, want, "links not followed by default");
    assert!(
        String::from_utf8(out.stderr)
            .unwrap()
            .contains("2 symbolic links not followed")
    );

    let out = sportext(&["extract", "-q", "--follow-links", d]);
    let recs = records(&out);
    let mut want = vec![
        format!("{d}/a.txt"),
        format!("{d}/b_link.txt"),
        format!("{d}/c_loop"),
    ];
    if fifo_ok {
        want.push(format!("{d}/d_fifo"));
    }
    assert_eq!(sources(&recs), want);
    assert!(
        recs[2]["error"]["message"]
            .as_str()
            .unwrap()
            .contains("loop")
    );
    if fifo_ok {
        assert_eq!(error_kind(&recs[3]), Some("io"));
        assert!(
            recs[3]["error"]["message"]
                .as_str()
                .unwrap()
                .contains("FIFO")
        );
        // Named on the command line too, a FIFO is not opened.
        let out = sportext(&["extract", "-q", &format!("{d}/d_fifo")]);
        assert_eq!(out.status.code(), Some(1));
    }
}

#[test]
fn stream_mode_answers_each_line_as_it_comes() {
    let mut child = Command::new(BIN)
        .args(["extract", "--stream", "-q"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let mut stdout = BufReader::new(child.stdout.take().unwrap());
    let mut ask = |line: &str| -> Value {
        stdin.write_all(line.as_bytes()).unwrap();
        stdin.write_all(b"\n").unwrap();
        stdin.flush().unwrap();
        let mut answer = String::new();
        stdout.read_line(&mut answer).unwrap();
        serde_json::from_str(&answer).unwrap()
    };
    let r = ask(r#"{"text": "Ivo Karl beat Jan Lund 6-4 6-4 in the semi-final."}"#);
    assert_eq!(r["source"], "stdin#1");
    assert_eq!(r["schema_version"], "1.0");
    assert!(r["matches"].is_array());
    let r = ask("{\"text\": ");
    assert_eq!(r["source"], "stdin#2");
    assert_eq!(r["error"]["kind"], "json");
    let r = ask("");
    assert_eq!(r["error"]["kind"], "empty");
    let r = ask(r#"{"id": "q4", "text": "Another short report."}"#);
    assert_eq!(r["source"], "q4");
    drop(stdin);
    let mut rest = String::new();
    std::io::Read::read_to_string(&mut stdout, &mut rest).unwrap();
    assert_eq!(rest, "");
    assert_eq!(child.wait().unwrap().code(), Some(1));
}

#[test]
fn stream_mode_caps_line_length() {
    let input = format!(
        "{{\"text\": \"{}\"}}\n{{\"text\": \"Fine.\"}}\n",
        "w".repeat(5000)
    );
    let out = with_stdin(
        &["extract", "--stream", "-q", "--max-bytes", "1K"],
        input.as_bytes(),
    );
    let recs = records(&out);
    assert_eq!(recs.len(), 2);
    assert_eq!(error_kind(&recs[0]), Some("too-large"));
    assert_eq!(recs[1]["source"], "stdin#2");
}

#[test]
fn schema_prints_json() {
    let out = sportext(&["schema"]);
    assert_eq!(out.status.code(), Some(0));
    let v: Value = serde_json::from_slice(&out.stdout).expect("the schema is JSON");
    assert!(v.is_object());
}
