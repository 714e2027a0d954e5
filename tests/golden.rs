//! Golden (snapshot) tests over the whole-article fixtures in `fixtures/`.
//!
//! Every `fixtures/**/*.txt` (sorted by relative path) is run through the extractor and the pretty JSON of the
//! resulting `Article` is compared with `tests/golden/expected/<same relative path>.json`. Set `SPORTEXT_BLESS=1`
//! to (re)write the expected files instead; stale expected files (no matching fixture) are then removed.
//!
//! The evidence test checks that every evidence span in the outputs points at exactly its own text.

use std::fs;
use std::path::{Path, PathBuf};

use sportext::{Article, Document, Evidence, Extractor};

/// The fixtures folder of this crate.
fn fixtures_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures")
}

/// The folder of the expected snapshots (outside `fixtures/`, so that `sportext extract fixtures/` reads
/// articles only).
fn expected_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden/expected")
}

/// Relative path with `/` separators, whatever the platform.
fn rel_path(root: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(root).expect("path under root");
    rel.components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect::<Vec<_>>()
        .join("/")
}

/// Every file under `dir` (recursively) whose extension is `ext`, as sorted relative paths.
fn files_with_ext(root: &Path, dir: &Path, ext: &str, skip: Option<&Path>, out: &mut Vec<String>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries {
        let path = entry.expect("readable directory entry").path();
        if path.is_dir() {
            if skip.is_some_and(|s| s == path) {
                continue;
            }
            files_with_ext(root, &path, ext, skip, out);
        } else if path.extension().is_some_and(|e| e == ext) {
            out.push(rel_path(root, &path));
        }
    }
}

/// The fixture articles, as sorted paths relative to `fixtures/`.
fn fixture_paths() -> Vec<String> {
    let root = fixtures_dir();
    let expected = expected_dir();
    let mut out = Vec::new();
    files_with_ext(&root, &root, "txt", Some(&expected), &mut out);
    out.sort();
    out
}

/// Reads one fixture and extracts it the way the golden test does.
fn extract_fixture(ex: &Extractor, rel: &str) -> (String, Article) {
    let text = fs::read_to_string(fixtures_dir().join(rel))
        .unwrap_or_else(|e| panic!("cannot read fixture {rel}: {e}"));
    let doc = Document::from_text(Some(rel.to_string()), &text);
    let article = ex.extract_document(&doc);
    (text, article)
}

/// The expected-file path (relative to `tests/golden/expected/`) of a fixture.
fn expected_rel(rel: &str) -> String {
    let stem = rel.strip_suffix(".txt").unwrap_or(rel);
    format!("{stem}.json")
}

/// The first line where `expected` and `actual` differ, described for a failure report.
fn first_difference(expected: &str, actual: &str) -> String {
    let mut exp = expected.lines();
    let mut act = actual.lines();
    let mut line = 1usize;
    loop {
        match (exp.next(), act.next()) {
            (Some(e), Some(a)) if e == a => line += 1,
            (Some(e), Some(a)) => {
                return format!("line {line}: expected `{}` got `{}`", e.trim(), a.trim());
            }
            (Some(e), None) => {
                return format!("line {line}: expected `{}` got end of output", e.trim());
            }
            (None, Some(a)) => {
                return format!("line {line}: expected end of file got `{}`", a.trim());
            }
            (None, None) => return "differs only in trailing whitespace/newlines".to_string(),
        }
    }
}

#[test]
fn fixtures_exist() {
    let paths = fixture_paths();
    assert!(
        paths.iter().filter(|p| p.starts_with("tennis/")).count() >= 28,
        "expected at least 28 tennis fixtures, found {paths:?}"
    );
    assert!(
        paths.iter().any(|p| p.starts_with("other/")),
        "expected non-tennis fixtures"
    );
}

#[test]
fn golden_snapshots() {
    let bless = std::env::var("SPORTEXT_BLESS").is_ok_and(|v| v == "1");
    let ex = Extractor::new();
    let paths = fixture_paths();
    let exp_root = expected_dir();
    let mut failures = Vec::new();

    for rel in &paths {
        let (_, article) = extract_fixture(&ex, rel);
        let mut actual = serde_json::to_string_pretty(&article).expect("article serialises");
        actual.push('\n');
        let exp_rel = expected_rel(rel);
        let exp_path = exp_root.join(&exp_rel);
        if bless {
            if let Some(parent) = exp_path.parent() {
                fs::create_dir_all(parent).expect("create expected folder");
            }
            let unchanged = fs::read_to_string(&exp_path).is_ok_and(|old| old == actual);
            if !unchanged {
                fs::write(&exp_path, &actual).expect("write expected file");
            }
            continue;
        }
        match fs::read_to_string(&exp_path) {
            Ok(expected) if expected == actual => {}
            Ok(expected) => failures.push(format!(
                "{rel}: differs from expected/{exp_rel}: {}",
                first_difference(&expected, &actual)
            )),
            Err(_) => failures.push(format!("{rel}: missing expected/{exp_rel}")),
        }
    }

    // Expected files whose fixture is gone.
    let mut expected_files = Vec::new();
    files_with_ext(&exp_root, &exp_root, "json", None, &mut expected_files);
    expected_files.sort();
    let wanted: Vec<String> = paths.iter().map(|p| expected_rel(p)).collect();
    for stale in expected_files.iter().filter(|e| !wanted.contains(e)) {
        if bless {
            fs::remove_file(exp_root.join(stale)).expect("remove stale expected file");
        } else {
            failures.push(format!(
                "expected/{stale}: no fixture for this expected file"
            ));
        }
    }

    assert!(
        failures.is_empty(),
        "{} of {} golden fixtures differ (run with SPORTEXT_BLESS=1 to accept the new output):\n{}",
        failures.len(),
        paths.len(),
        failures.join("\n")
    );
}

/// Checks that `ev` is exactly the slice of `text` it claims to be.
fn check_evidence(text: &str, ev: &Evidence, what: &str, rel: &str, failures: &mut Vec<String>) {
    match text.get(ev.start..ev.end) {
        Some(slice) if slice == ev.text => {}
        Some(slice) => failures.push(format!(
            "{rel}: {what} evidence {}..{} is `{slice}` in the text but says `{}`",
            ev.start, ev.end, ev.text
        )),
        None => failures.push(format!(
            "{rel}: {what} evidence {}..{} (`{}`) is not a valid slice of a text of {} bytes",
            ev.start,
            ev.end,
            ev.text,
            text.len()
        )),
    }
}

#[test]
fn evidence_spans_match_text() {
    let ex = Extractor::new();
    let mut failures = Vec::new();
    let mut checked = 0usize;
    for rel in fixture_paths() {
        let (text, article) = extract_fixture(&ex, &rel);
        for m in &article.matches {
            check_evidence(&text, &m.evidence, "match", &rel, &mut failures);
            checked += 1;
        }
        for r in &article.rankings {
            check_evidence(&text, &r.evidence, "ranking", &rel, &mut failures);
            checked += 1;
        }
        for s in &article.seeds {
            check_evidence(&text, &s.evidence, "seed", &rel, &mut failures);
            checked += 1;
        }
        for p in &article.players {
            for mention in &p.mentions {
                check_evidence(&text, mention, "player mention", &rel, &mut failures);
                checked += 1;
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {checked} evidence spans are wrong:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn non_tennis_fixtures_yield_no_tennis_facts() {
    let ex = Extractor::new();
    let mut failures = Vec::new();
    for rel in fixture_paths()
        .into_iter()
        .filter(|p| p.starts_with("other/"))
    {
        let (_, a) = extract_fixture(&ex, &rel);
        if a.sport.as_deref() == Some("tennis")
            || !a.matches.is_empty()
            || !a.rankings.is_empty()
            || !a.seeds.is_empty()
        {
            failures.push(format!(
                "{rel}: sport {:?}, {} matches, {} rankings, {} seeds",
                a.sport,
                a.matches.len(),
                a.rankings.len(),
                a.seeds.len()
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "non-tennis fixtures gave tennis facts:\n{}",
        failures.join("\n")
    );
}

/// Each thread keeps per-article buffers between articles (for speed): an article's record must not depend on
/// what the thread extracted before it. The fixtures extracted in order, in reverse order, and each on a fresh
/// thread give the same records.
#[test]
fn records_do_not_depend_on_the_previous_article() {
    let ex = Extractor::new();
    let paths = fixture_paths();
    let forward: Vec<Article> = paths.iter().map(|p| extract_fixture(&ex, p).1).collect();
    let mut backward: Vec<Article> = paths
        .iter()
        .rev()
        .map(|p| extract_fixture(&ex, p).1)
        .collect();
    backward.reverse();
    std::thread::scope(|s| {
        for ((p, f), b) in paths.iter().zip(&forward).zip(&backward) {
            assert_eq!(f, b, "{p}: forward and backward runs differ");
            let fresh = s
                .spawn(|| extract_fixture(&ex, p).1)
                .join()
                .expect("no panic");
            assert_eq!(f, &fresh, "{p}: differs from a fresh thread's run");
        }
    });
}
