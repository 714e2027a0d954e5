//! The JSON Schema `schema/article.schema.json` describes the records sportext writes, and the two cannot
//! drift apart: extracted and hand-built articles validate, wrong shapes do not, and every field the schema
//! names is one the serialised records have (and the other way round).
//!
//! The validator (tests/common/mod.rs) is a small one for the subset of draft 2020-12 the schema uses; it refuses
//! any other keyword, so the schema cannot come to rely on something this test would silently ignore.

mod common;

use std::collections::BTreeSet;

use common::{assert_valid, schema, validator};
use regex::Regex;
use serde_json::{Value, json};
use sportext::{
    Article, ErrorKind, Evidence, Extractor, Match, Outcome, Player, PlayerRef, Ranking,
    RankingKind, Score, Seed, SetScore, Side, Tournament,
};

// ---------------------------------------------------------------------------------------------------------
// Records
// ---------------------------------------------------------------------------------------------------------

fn ev(text: &str, start: usize) -> Evidence {
    Evidence {
        start,
        end: start + text.len(),
        text: text.into(),
    }
}

fn pref(id: &str, name: &str) -> PlayerRef {
    PlayerRef {
        id: id.into(),
        name: name.into(),
    }
}

fn set(winner: u32, loser: u32) -> SetScore {
    SetScore {
        winner,
        loser,
        tiebreak_winner: None,
        tiebreak_loser: None,
        match_tiebreak: false,
    }
}

fn tiebreak_set(winner: u32, loser: u32, tw: Option<u32>, tl: Option<u32>) -> SetScore {
    SetScore {
        tiebreak_winner: tw,
        tiebreak_loser: tl,
        ..set(winner, loser)
    }
}

fn mat(
    winner: Side,
    loser: Side,
    score: Option<Score>,
    outcome: Outcome,
    round: Option<&str>,
) -> Match {
    let doubles = matches!(winner, Side::Pair(_));
    Match {
        winner,
        loser,
        score,
        outcome,
        round: round.map(Into::into),
        tournament: Some(Tournament {
            name: "Harbour Open".into(),
        }),
        doubles,
        evidence: ev("won", 10),
        rule: "hand-built".into(),
    }
}

/// An article that uses every field and every enum value of the schema.
fn full_article() -> Article {
    let (a, b, c, d) = (
        pref("p1", "Ann Lee"),
        pref("p2", "Bea Park"),
        pref("p3", "Cy Dow"),
        pref("p4", "Di Eve"),
    );
    let players = ["Ann Lee", "Bea Park", "Cy Dow", "Di Eve"]
        .iter()
        .enumerate()
        .map(|(i, n)| Player {
            id: format!("p{}", i + 1).into(),
            name: (*n).into(),
            nationality: (i == 0).then(|| "GBR".into()),
            age: (i == 1).then_some(23),
            mentions: vec![ev(n, i * 20)],
        })
        .collect();
    let matches = vec![
        mat(
            Side::Single(a.clone()),
            Side::Single(b.clone()),
            Some(Score {
                text: "7-6(4) 6-7(8) 7-6".into(),
                sets: vec![
                    tiebreak_set(7, 6, Some(7), Some(4)),
                    tiebreak_set(6, 7, Some(10), Some(8)),
                    tiebreak_set(7, 6, None, None),
                ],
            }),
            Outcome::Completed,
            Some("F"),
        ),
        mat(
            Side::Pair(vec![a.clone(), c.clone()]),
            Side::Pair(vec![b.clone(), d.clone()]),
            Some(Score {
                text: "6-3 3-6 [10-8]".into(),
                sets: vec![
                    set(6, 3),
                    set(3, 6),
                    SetScore {
                        match_tiebreak: true,
                        ..set(10, 8)
                    },
                ],
            }),
            Outcome::Completed,
            Some("QF"),
        ),
        mat(
            Side::Single(c.clone()),
            Side::Single(d.clone()),
            Some(Score {
                text: "6-4 3-1 RET".into(),
                sets: vec![set(6, 4), set(3, 1)],
            }),
            Outcome::Retired,
            Some("R16"),
        ),
        mat(
            Side::Single(b.clone()),
            Side::Single(c.clone()),
            Some(Score {
                text: "W/O".into(),
                sets: Vec::new(),
            }),
            Outcome::Walkover,
            Some("Q2"),
        ),
        Match {
            tournament: None,
            ..mat(
                Side::Single(d.clone()),
                Side::Single(a.clone()),
                None,
                Outcome::Defaulted,
                None,
            )
        },
    ];
    let kinds = [
        RankingKind::Current,
        RankingKind::Previous,
        RankingKind::CareerHigh,
        RankingKind::Projected,
        RankingKind::National,
    ];
    let rankings = kinds
        .iter()
        .enumerate()
        .map(|(i, &kind)| Ranking {
            player: b.clone(),
            rank: i as u32 + 1,
            kind,
            evidence: ev("number one", 40),
            rule: "hand-built".into(),
        })
        .collect();
    Article {
        schema_version: sportext::SCHEMA_VERSION.into(),
        source: Some("hand/built.txt".into()),
        sport: Some("tennis".into()),
        headline: Some("A headline".into()),
        published: Some("2024-05-01".into()),
        players,
        matches,
        rankings,
        seeds: vec![Seed {
            player: a,
            seed: 9,
            evidence: ev("ninth seed", 60),
            rule: "hand-built".into(),
        }],
        warnings: vec!["a warning".into()],
    }
}

/// Every error kind; the match has no wildcard, so a new kind fails to compile here until it is listed.
fn error_kinds() -> Vec<ErrorKind> {
    let all = [
        ErrorKind::Io,
        ErrorKind::Empty,
        ErrorKind::Binary,
        ErrorKind::Encoding,
        ErrorKind::TooLarge,
        ErrorKind::Json,
        ErrorKind::Html,
        ErrorKind::Usage,
        ErrorKind::Internal,
    ];
    for k in all {
        match k {
            ErrorKind::Io
            | ErrorKind::Empty
            | ErrorKind::Binary
            | ErrorKind::Encoding
            | ErrorKind::TooLarge
            | ErrorKind::Json
            | ErrorKind::Html
            | ErrorKind::Usage
            | ErrorKind::Internal => {}
        }
    }
    all.to_vec()
}

fn error_record(kind: ErrorKind) -> Value {
    json!({"source": "in/x.bin", "error": {"kind": kind.as_str(), "message": "cannot read it"}})
}

const TEXTS: [&str; 5] = [
    "Ann Lee beat Bea Park 7-6 (7-4) 6-4 in the final of the Harbour Open on Sunday.",
    "Top seed Cy Dow was knocked out in the second round, losing 6-3 3-6 7-5 to world number 46 Di Eve.",
    "Eli Fox and Gus Hart won the doubles title, beating Ivo Jet and Kai Lund 6-3 3-6 [10-8].",
    "Mo Ng retired hurt when trailing 6-4 3-1 to the British number one, Oz Pike, in the quarter-finals.",
    "The weather was mild and nobody played any tennis at all today.",
];

// ---------------------------------------------------------------------------------------------------------
// Tests
// ---------------------------------------------------------------------------------------------------------

#[test]
fn extracted_articles_validate() {
    let v = validator();
    let ex = Extractor::new();
    let mut facts = 0;
    for text in TEXTS {
        let article = ex.extract(text);
        facts += article.players.len() + article.matches.len();
        assert_valid(&v, &serde_json::to_value(&article).unwrap());
    }
    let article = ex.extract(&TEXTS.join("\n"));
    assert_valid(&v, &serde_json::to_value(&article).unwrap());
    assert!(
        facts > 0,
        "the extractor found nothing: the test checks too little"
    );
}

#[test]
fn hand_built_article_with_every_field_validates_and_round_trips() {
    let v = validator();
    let article = full_article();
    let value = serde_json::to_value(&article).unwrap();
    assert_valid(&v, &value);
    let back: Article = serde_json::from_value(value.clone()).unwrap();
    assert_eq!(back, article);
    // Optional fields left out still validate.
    let mut bare = article;
    bare.published = None;
    bare.source = None;
    bare.headline = None;
    bare.sport = None;
    let value = serde_json::to_value(&bare).unwrap();
    assert!(value.get("published").is_none());
    assert_valid(&v, &value);
}

#[test]
fn error_records_validate() {
    let v = validator();
    for kind in error_kinds() {
        assert_valid(&v, &error_record(kind));
    }
}

#[test]
fn wrong_shapes_are_rejected() {
    let v = validator();
    let good = serde_json::to_value(full_article()).unwrap();
    let mutate = |f: &dyn Fn(&mut Value)| {
        let mut x = good.clone();
        f(&mut x);
        x
    };
    let bad: Vec<(&str, Value)> = vec![
        (
            "missing matches",
            mutate(&|x| {
                x.as_object_mut().unwrap().remove("matches");
            }),
        ),
        ("extra field", mutate(&|x| x["confidence"] = json!(0.5))),
        ("null published", mutate(&|x| x["published"] = Value::Null)),
        (
            "rank as text",
            mutate(&|x| x["rankings"][0]["rank"] = json!("1")),
        ),
        (
            "rank zero",
            mutate(&|x| x["rankings"][0]["rank"] = json!(0)),
        ),
        (
            "unknown ranking kind",
            mutate(&|x| x["rankings"][0]["kind"] = json!("world")),
        ),
        (
            "ranking kind in snake case",
            mutate(&|x| x["rankings"][2]["kind"] = json!("career_high")),
        ),
        (
            "unknown outcome",
            mutate(&|x| x["matches"][0]["outcome"] = json!("won")),
        ),
        (
            "round not a code",
            mutate(&|x| x["matches"][0]["round"] = json!("last 16")),
        ),
        (
            "side of one in a list",
            mutate(&|x| {
                x["matches"][1]["winner"] = json!([{"id": "p1", "name": "Ann Lee"}]);
            }),
        ),
        (
            "side of three",
            mutate(&|x| {
                let p = json!({"id": "p1", "name": "Ann Lee"});
                x["matches"][1]["winner"] = json!([p, p, p]);
            }),
        ),
        (
            "side as a bare name",
            mutate(&|x| x["matches"][0]["winner"] = json!("Ann Lee")),
        ),
        (
            "player ref without id",
            mutate(&|x| x["matches"][0]["loser"] = json!({"name": "Bea Park"})),
        ),
        (
            "score as text",
            mutate(&|x| x["matches"][0]["score"] = json!("6-4 6-4")),
        ),
        (
            "match_tiebreak false",
            mutate(&|x| x["matches"][1]["score"]["sets"][0]["match_tiebreak"] = json!(false)),
        ),
        (
            "negative evidence start",
            mutate(&|x| x["matches"][0]["evidence"]["start"] = json!(-1)),
        ),
        (
            "tournament as text",
            mutate(&|x| x["matches"][0]["tournament"] = json!("Harbour Open")),
        ),
        (
            "age as float",
            mutate(&|x| x["players"][1]["age"] = json!(23.5)),
        ),
        (
            "doubles as text",
            mutate(&|x| x["matches"][0]["doubles"] = json!("no")),
        ),
        (
            "schema version 2",
            mutate(&|x| x["schema_version"] = json!("2.0")),
        ),
        ("warning not text", mutate(&|x| x["warnings"] = json!([1]))),
        (
            "error and article at once",
            mutate(&|x| x["error"] = json!({"kind": "io", "message": "m"})),
        ),
        (
            "unknown error kind",
            json!({"source": "x", "error": {"kind": "oops", "message": "m"}}),
        ),
        (
            "error without message",
            json!({"source": "x", "error": {"kind": "io"}}),
        ),
        (
            "error without source",
            json!({"error": {"kind": "io", "message": "m"}}),
        ),
        ("not an object", json!([1, 2])),
    ];
    for (what, value) in bad {
        assert!(!v.is_valid(&value), "schema accepts a record with {what}");
    }
}

/// Collects every object key in a JSON value, recursively.
fn keys(v: &Value, out: &mut BTreeSet<String>) {
    match v {
        Value::Object(o) => {
            for (k, x) in o {
                out.insert(k.clone());
                keys(x, out);
            }
        }
        Value::Array(a) => a.iter().for_each(|x| keys(x, out)),
        _ => {}
    }
}

/// Collects every property name the schema declares, and checks each `required` list names declared ones.
fn schema_fields(s: &Value, out: &mut BTreeSet<String>) {
    match s {
        Value::Object(o) => {
            if let Some(props) = o.get("properties").and_then(Value::as_object) {
                out.extend(props.keys().cloned());
                for r in o
                    .get("required")
                    .and_then(Value::as_array)
                    .into_iter()
                    .flatten()
                {
                    assert!(
                        props.contains_key(r.as_str().unwrap()),
                        "required {r} is not a property"
                    );
                }
            }
            o.values().for_each(|x| schema_fields(x, out));
        }
        Value::Array(a) => a.iter().for_each(|x| schema_fields(x, out)),
        _ => {}
    }
}

#[test]
fn schema_fields_and_serialised_fields_are_the_same() {
    let mut serialised = BTreeSet::new();
    keys(
        &serde_json::to_value(full_article()).unwrap(),
        &mut serialised,
    );
    keys(&error_record(ErrorKind::Io), &mut serialised);
    let mut declared = BTreeSet::new();
    schema_fields(&schema(), &mut declared);
    let only_schema: Vec<_> = declared.difference(&serialised).collect();
    let only_records: Vec<_> = serialised.difference(&declared).collect();
    assert!(
        only_schema.is_empty(),
        "schema fields no record has: {only_schema:?}"
    );
    assert!(
        only_records.is_empty(),
        "record fields the schema lacks: {only_records:?}"
    );
}

#[test]
fn schema_enums_are_the_serialised_strings() {
    let s = schema();
    let defs = &s["$defs"];
    let kinds: Vec<Value> = [
        RankingKind::Current,
        RankingKind::Previous,
        RankingKind::CareerHigh,
        RankingKind::Projected,
        RankingKind::National,
    ]
    .iter()
    .map(|k| serde_json::to_value(k).unwrap())
    .collect();
    assert_eq!(
        defs["Ranking"]["properties"]["kind"]["enum"],
        Value::Array(kinds)
    );
    let outcomes: Vec<Value> = [
        Outcome::Completed,
        Outcome::Retired,
        Outcome::Walkover,
        Outcome::Defaulted,
    ]
    .iter()
    .map(|o| serde_json::to_value(o).unwrap())
    .collect();
    assert_eq!(
        defs["Match"]["properties"]["outcome"]["enum"],
        Value::Array(outcomes)
    );
    let errors: Vec<Value> = error_kinds().iter().map(|k| json!(k.as_str())).collect();
    assert_eq!(
        defs["ErrorRecord"]["properties"]["error"]["properties"]["kind"]["enum"],
        Value::Array(errors)
    );
    assert!(
        defs["Article"]["properties"]["schema_version"]["pattern"]
            .as_str()
            .is_some_and(|p| Regex::new(p).unwrap().is_match(sportext::SCHEMA_VERSION))
    );
}
