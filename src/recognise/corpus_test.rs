//! One test that runs every recogniser over its example corpus (`tests/corpus/<kind>.jsonl`) and reports every
//! failure at once.
//!
//! Each line: `{"text": "...", "expect": [{"span": "...", "value": "..."}]}`. `expect: []` is a negative: the
//! recogniser must find nothing. The text is normalised first and spans mapped back, so typographic variants
//! (en dashes, curly quotes, non-breaking spaces) are exercised too. Each expected mention must be found with
//! exactly that span text and value, and nothing else may be found.

use crate::normalise::Normalised;
use serde::Deserialize;

#[derive(Deserialize)]
struct Case {
    text: String,
    expect: Vec<Expect>,
}

#[derive(Deserialize, Debug, PartialEq, Eq, Clone)]
struct Expect {
    span: String,
    value: String,
}

type Describe = fn(&str) -> Vec<(usize, usize, String)>;

fn recognisers() -> Vec<(&'static str, Describe)> {
    vec![
        ("score", super::score::describe),
        ("ranking", super::ranking::describe),
        ("seed", super::seed::describe),
        ("round", super::round::describe),
        ("tournament", super::tournament::describe),
        ("names", super::names::describe),
        ("descriptor", super::descriptor::describe),
        ("result", super::result::describe),
    ]
}

#[test]
fn every_recogniser_passes_its_corpus() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus");
    let mut failures = Vec::new();
    let mut cases = 0;
    for (kind, describe) in recognisers() {
        let path = dir.join(format!("{kind}.jsonl"));
        let Ok(data) = std::fs::read_to_string(&path) else {
            failures.push(format!("{kind}: no corpus file {}", path.display()));
            continue;
        };
        for (n, line) in data.lines().enumerate() {
            let line = line.trim();
            if line.is_empty() || line.starts_with("//") {
                continue;
            }
            let case: Case = match serde_json::from_str(line) {
                Ok(c) => c,
                Err(e) => {
                    failures.push(format!("{kind}.jsonl:{}: bad line: {e}", n + 1));
                    continue;
                }
            };
            cases += 1;
            let norm = Normalised::new(&case.text);
            let got: Vec<Expect> = describe(&norm.text)
                .into_iter()
                .map(|(s, e, value)| {
                    let (a, b) = norm.source_span(s, e);
                    Expect {
                        span: case.text[a..b].to_string(),
                        value,
                    }
                })
                .collect();
            if got != case.expect {
                failures.push(format!(
                    "{kind}.jsonl:{}: {:?}\n    want {:?}\n    got  {:?}",
                    n + 1,
                    case.text,
                    case.expect,
                    got
                ));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {cases} recogniser cases failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
