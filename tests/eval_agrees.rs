//! The Rust scorer agrees with the reference scorer (`shared/tools/score.py`) line for line.
//!
//! Skipped, with a note, when the reference scorer or `python3` is not there.

use std::path::{Path, PathBuf};
use std::process::Command;

use sportext::eval::{self, Gold};
use sportext::{
    Article, Evidence, Extractor, Match, Outcome, Player, PlayerRef, Ranking, RankingKind, Score,
    Seed, Side,
};

fn reference_scorer() -> Option<PathBuf> {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/tools/score.py");
    let python = Command::new("python3").arg("--version").output();
    match (script.is_file(), python) {
        (true, Ok(out)) if out.status.success() => Some(script),
        _ => {
            println!("note: reference scorer or python3 missing: agreement not checked");
            None
        }
    }
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("sportext-agree-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Runs the reference scorer; returns its text output (with every error line) and its JSON table.
fn reference(script: &Path, gold: &Path, out: &Path) -> (String, serde_json::Value) {
    let run = |extra: &[&str]| {
        let o = Command::new("python3")
            .arg(script)
            .arg(gold)
            .arg(out)
            .args(extra)
            .output()
            .expect("python3 runs");
        assert!(
            o.status.success(),
            "score.py failed: {}",
            String::from_utf8_lossy(&o.stderr)
        );
        String::from_utf8(o.stdout).unwrap()
    };
    let text = run(&["--show", "1000000"]);
    let json = serde_json::from_str(&run(&["--json"])).unwrap();
    (text, json)
}

fn write_output(path: &Path, output: &[(String, Article)]) {
    let mut s = String::new();
    for (src, a) in output {
        let mut a = a.clone();
        a.source = Some(src.clone());
        s.push_str(&serde_json::to_string(&a).unwrap());
        s.push('\n');
    }
    std::fs::write(path, s).unwrap();
}

fn pref(name: &str) -> PlayerRef {
    PlayerRef {
        id: "p1".into(),
        name: name.into(),
    }
}

fn ev() -> Evidence {
    Evidence {
        start: 0,
        end: 1,
        text: "x".into(),
    }
}

fn mat(winner: Side, loser: Side, score: Option<&str>, round: Option<&str>) -> Match {
    Match {
        winner,
        loser,
        score: score.map(|t| Score {
            text: t.into(),
            sets: Vec::new(),
        }),
        outcome: Outcome::Completed,
        round: round.map(Into::into),
        tournament: None,
        doubles: false,
        evidence: ev(),
        rule: "test".into(),
    }
}

fn one(name: &str) -> Side {
    Side::Single(pref(name))
}

fn two(a: &str, b: &str) -> Side {
    Side::Pair(vec![pref(a), pref(b)])
}

fn article(players: &[&str], matches: Vec<Match>) -> Article {
    Article {
        schema_version: sportext::SCHEMA_VERSION.into(),
        source: None,
        sport: Some("tennis".into()),
        headline: None,
        published: None,
        players: players
            .iter()
            .map(|n| Player {
                id: "p1".into(),
                name: (*n).into(),
                nationality: None,
                age: None,
                mentions: Vec::new(),
            })
            .collect(),
        matches,
        rankings: Vec::new(),
        seeds: Vec::new(),
        warnings: Vec::new(),
    }
}

fn ranking(name: &str, rank: u32, kind: RankingKind) -> Ranking {
    Ranking {
        player: pref(name),
        rank,
        kind,
        evidence: ev(),
        rule: "test".into(),
    }
}

fn seed(name: &str, seed: u32) -> Seed {
    Seed {
        player: pref(name),
        seed,
        evidence: ev(),
        rule: "test".into(),
    }
}

const GOLD: &str = r#"{"doc": "t/a.txt", "players": ["Gaël Monfils", "Jo-Wilfried Tsonga", "Stan Wawrinka"], "matches": [{"winner": "Gaël Monfils", "loser": "Jo-Wilfried Tsonga", "score": "7-6(5) 6-4", "round": ["R16", "4R"], "tournament": "Paris Masters", "doubles": false, "evidence": "x"}, {"winner": "Stan Wawrinka", "loser": "Gaël Monfils", "score": null, "round": ["QF"], "tournament": null, "doubles": false, "evidence": "x"}], "rankings": [{"player": "Gaël Monfils", "rank": 1, "kind": "national"}, {"player": "Gaël Monfils", "rank": 14, "kind": "current"}, {"player": "Stan Wawrinka", "rank": 3, "kind": "career-high"}], "seeds": [{"player": "Stan Wawrinka", "seed": 4}], "notes": ""}

{"doc": "t/b.txt", "players": ["Bob Bryan", "Mike Bryan", "Max Mirnyi", "Daniel Nestor"], "matches": [{"winner": "Bob Bryan / Mike Bryan", "loser": "Max Mirnyi / Daniel Nestor", "score": "6-3 3-6 [10-8]", "round": [], "tournament": null, "doubles": true, "evidence": "x"}, {"winner": "Max Mirnyi", "loser": "Daniel Nestor", "score": "6-4 3-1 RET", "round": ["F"], "tournament": null, "doubles": false, "evidence": "x"}], "rankings": [], "seeds": [{"player": "Daniel Nestor", "seed": 2}], "notes": ""}
{"doc": "t/c.txt", "players": ["Ann O'Brien"], "matches": [], "rankings": [], "seeds": [], "notes": ""}
{"doc": "t/d.txt", "players": ["Zoë Ávila"], "matches": [{"winner": "Zoë Ávila", "loser": "Ida Ek", "score": "W/O", "round": ["1R"], "tournament": null, "doubles": false, "evidence": "x"}], "rankings": [{"player": "Ida Ek", "rank": 7, "kind": "previous"}], "seeds": [], "notes": ""}
"#;

fn hand_output() -> Vec<(String, Article)> {
    let mut a = article(
        &["Gael Monfils", "Tsonga", "Roger Federer", "Wawrinka"],
        vec![
            mat(
                one("Monfils"),
                one("Jo-Wilfried Tsonga"),
                Some("7-6(5)   6-4"),
                Some("R16"),
            ),
            mat(
                one("Gaël Monfils"),
                one("Stan Wawrinka"),
                Some("6-2 6-2"),
                Some("QF"),
            ),
            mat(one("Roger Federer"), one("Tsonga"), None, Some("SF")),
        ],
    );
    a.rankings = vec![
        ranking("Monfils", 1, RankingKind::National),
        ranking("Monfils", 14, RankingKind::Current),
        ranking("Stan Wawrinka", 4, RankingKind::CareerHigh),
    ];
    a.seeds = vec![seed("Wawrinka", 4), seed("Monfils", 12)];
    let mut b = article(
        &["Bob Bryan", "Mike Bryan", "Mirnyi"],
        vec![
            mat(
                two("Mike Bryan", "Bob Bryan"),
                two("Nestor", "Max Mirnyi"),
                Some("6-3 3-6 [10-6]"),
                Some("F"),
            ),
            mat(
                one("Max Mirnyi"),
                one("Daniel Nestor"),
                Some("6-4 3-1 ret"),
                Some("F"),
            ),
            mat(one("Mirnyi"), one("Nestor"), None, None),
        ],
    );
    b.seeds = vec![seed("Nestor", 2)];
    let mut d = article(
        &["Zoe Avila", "Ida Ek"],
        vec![mat(one("Zoe Avila"), one("Ida Ek"), Some(""), None)],
    );
    d.rankings = vec![ranking("Ek", 7, RankingKind::Previous)];
    vec![
        ("corpus/t/a.txt".to_string(), a),
        ("corpus/t/b.txt".to_string(), b),
        ("elsewhere/t/d.txt".to_string(), d),
    ]
}

#[test]
fn hand_made_gold_agrees_with_reference_scorer() {
    let gold: Vec<Gold> = GOLD
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let output = hand_output();
    let report = eval::score(&gold, &output);
    // The figures themselves, so this test checks something even without Python.
    assert_eq!(report.articles_gold, 4);
    assert_eq!(report.articles_with_output, 3);
    let m = report.counts("results").unwrap();
    assert_eq!((m.tp, m.fp, m.fn_), (4, 3, 1));
    let Some(script) = reference_scorer() else {
        return;
    };
    let dir = temp_dir("hand");
    let (gold_path, out_path) = (dir.join("gold.jsonl"), dir.join("out.jsonl"));
    std::fs::write(&gold_path, GOLD).unwrap();
    write_output(&out_path, &output);
    assert_eq!(eval::load_gold(&gold_path).unwrap(), gold);
    let (text, json) = reference(&script, &gold_path, &out_path);
    assert_eq!(report.to_string(), text);
    assert_eq!(report.to_json(), json);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn dev_gold_agrees_with_reference_scorer() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus");
    let gold_path = root.join("gold/dev.jsonl");
    if !gold_path.is_file() {
        println!(
            "note: no dev gold at {}: agreement not checked",
            gold_path.display()
        );
        return;
    }
    let Some(script) = reference_scorer() else {
        return;
    };
    let ex = Extractor::new();
    let report = eval::run(&ex, &gold_path, &root).unwrap();
    let gold = eval::load_gold(&gold_path).unwrap();
    let output: Vec<(String, Article)> = gold
        .iter()
        .map(|g| {
            let bytes = std::fs::read(root.join(&g.doc)).unwrap();
            let doc = sportext::Document::from_text(
                Some(g.doc.clone()),
                &String::from_utf8_lossy(&bytes),
            );
            (g.doc.clone(), ex.extract_document(&doc))
        })
        .collect();
    assert_eq!(eval::score(&gold, &output), report);
    for line in report
        .to_string()
        .lines()
        .take_while(|l| !l.starts_with(' '))
    {
        println!("{line}");
    }
    let dir = temp_dir("dev");
    let out_path = dir.join("out.jsonl");
    write_output(&out_path, &output);
    let (text, json) = reference(&script, &gold_path, &out_path);
    assert_eq!(report.to_string(), text);
    assert_eq!(report.to_json(), json);
    assert_eq!(report.articles_gold, report.articles_with_output);
    std::fs::remove_dir_all(&dir).unwrap();
}
