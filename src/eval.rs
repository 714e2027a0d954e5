//! Evaluation against gold annotations: a faithful port of the reference scorer (`tools/score.py`).
//!
//! A gold file is JSON Lines, one [`Gold`] object per article (see `docs/GOLD_FORMAT.md`). [`score`] compares
//! extracted [`Article`]s with the gold and counts, for each kind of fact, true positives, false positives and
//! misses; [`run`] reads the articles the gold names, extracts them and scores the result.
//!
//! The comparison rules are the reference scorer's:
//!
//! - names are *folded* (accents stripped, lower case, punctuation and hyphens turned into spaces) and two
//!   names are the same person when their surnames (last tokens) agree, or the tokens of one are a subset of
//!   the other's (compound surnames), and, where both give a first name, the initials agree;
//! - a doubles side is written `"A / B"`; two sides agree when they have as many players and each player of
//!   the system side is the same person as some player of the gold side;
//! - system items are paired one to one with gold items greedily, in system order, each with the first
//!   unpaired gold item that agrees;
//! - a paired match scores its score (canonical text, upper case, whitespace collapsed, compared exactly)
//!   and its round (a hit when the system round is among the gold's acceptable codes);
//! - rankings of kind `national` are left out on both sides.
//!
//! ```
//! use sportext::eval::{score, Gold};
//! use sportext::Extractor;
//!
//! let gold: Gold = serde_json::from_str(r#"{"doc": "news/1.txt",
//!     "players": ["Jannik Sinner", "Carlos Alcaraz"],
//!     "matches": [{"winner": "Jannik Sinner", "loser": "Carlos Alcaraz", "score": "7-6(4) 6-4",
//!                  "round": ["F"]}],
//!     "rankings": [], "seeds": []}"#).unwrap();
//! let text = "Jannik Sinner beat Carlos Alcaraz 7-6 (7-4) 6-4 in the final of the Paris Masters.";
//! let article = Extractor::new().extract(text);
//! let report = score(&[gold], &[("corpus/news/1.txt".to_string(), article)]);
//! assert_eq!(report.f1("results"), Some(1.0));
//! assert_eq!(report.f1("scores"), Some(1.0));
//! assert_eq!(report.articles_with_output, 1);
//! print!("{report}"); // the table, then one line per disagreement
//! ```

use std::collections::HashMap;
use std::fmt;
use std::path::Path;

use rayon::prelude::*;
use serde::{Deserialize, Deserializer, Serialize};

use crate::{Article, Document, Error, ErrorKind, Extractor, RankingKind, Side};

/// One article's gold annotation: one line of a gold JSONL file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Gold {
    /// Path of the article relative to the corpus root (`bbcsport/tennis/001.txt`). A system output is matched
    /// to this gold when its source ends with this path.
    pub doc: String,
    /// Every player named in the article, fullest name form, in order of first mention.
    #[serde(default)]
    pub players: Vec<String>,
    /// Every match result the article states.
    #[serde(default)]
    pub matches: Vec<GoldMatch>,
    /// Rankings of named players.
    #[serde(default)]
    pub rankings: Vec<GoldRanking>,
    /// Seeds of named players.
    #[serde(default)]
    pub seeds: Vec<GoldSeed>,
    /// Free-text remarks of the annotator (not scored).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub notes: String,
}

/// A gold match result.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GoldMatch {
    /// The winning side: a name, or `"A / B"` for a doubles pair.
    pub winner: String,
    /// The losing side, written like `winner`.
    pub loser: String,
    /// Canonical score, winner first (`7-6(4) 6-4`), or null when the text gives none.
    #[serde(default)]
    pub score: Option<String>,
    /// Acceptable round codes (`["4R", "R16"]`); empty when unknown. A single string is read as a list of one.
    #[serde(default, deserialize_with = "string_or_list")]
    pub round: Vec<String>,
    /// The tournament as the text names it (not scored).
    #[serde(default)]
    pub tournament: Option<String>,
    /// True for a doubles match (not scored: the sides tell).
    #[serde(default)]
    pub doubles: bool,
    /// The verbatim span stating the result (not scored).
    #[serde(default)]
    pub evidence: String,
}

/// A gold ranking.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GoldRanking {
    /// The player's name.
    pub player: String,
    /// The rank.
    pub rank: i64,
    /// `current`, `previous`, `career-high`, `projected` or `national` (national rankings are not scored).
    #[serde(default)]
    pub kind: String,
    /// The verbatim span stating it (not scored).
    #[serde(default)]
    pub evidence: String,
}

/// A gold seed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GoldSeed {
    /// The player's name.
    pub player: String,
    /// The seed.
    pub seed: i64,
    /// The verbatim span stating it (not scored).
    #[serde(default)]
    pub evidence: String,
}

fn string_or_list<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<String>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Rounds {
        One(String),
        Many(Vec<String>),
    }
    Ok(match Option::<Rounds>::deserialize(d)? {
        None => Vec::new(),
        Some(Rounds::One(s)) => vec![s],
        Some(Rounds::Many(v)) => v,
    })
}

/// Reads a gold file: JSON Lines, one [`Gold`] per non-blank line, in file order.
///
/// Errors: [`ErrorKind::Io`] when the file cannot be read, [`ErrorKind::Encoding`] when it is not UTF-8,
/// [`ErrorKind::Json`] (naming the line) when a line is not a gold object.
pub fn load_gold(path: &Path) -> Result<Vec<Gold>, Error> {
    let bytes = std::fs::read(path)
        .map_err(|e| Error::new(ErrorKind::Io, format!("{}: {e}", path.display())))?;
    let text = String::from_utf8(bytes).map_err(|e| {
        Error::new(
            ErrorKind::Encoding,
            format!("{}: not UTF-8: {e}", path.display()),
        )
    })?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    let mut gold = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let g: Gold = serde_json::from_str(line).map_err(|e| {
            Error::new(
                ErrorKind::Json,
                format!("{}:{}: not a gold record: {e}", path.display(), i + 1),
            )
        })?;
        gold.push(g);
    }
    Ok(gold)
}

// ---------------------------------------------------------------------------------------------------------
// Name folding and comparison
// ---------------------------------------------------------------------------------------------------------

/// Combining marks (canonical combining class other than 0) of the blocks that accent Latin letters: they are
/// dropped by the fold, as the reference scorer drops them after NFKD decomposition.
const COMBINING: [(u32, u32); 9] = [
    (0x0300, 0x034E),
    (0x0350, 0x036F),
    (0x1AB0, 0x1ABD),
    (0x1ABF, 0x1ACE),
    (0x1DC0, 0x1DFF),
    (0x20D0, 0x20DC),
    (0x20E1, 0x20E1),
    (0x20E5, 0x20F0),
    (0xFE20, 0xFE2F),
];

// Generated from Python's unicodedata (Unicode 14): for each code point, NFKD, combining marks removed, lower
// case, characters outside [a-z0-9 /] turned into spaces.
/// Folded forms of U+0080..=U+024F, comma-separated (`_` stands for a space; empty: no letter).
const LATIN_0080: &str = concat!(
    ",,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,a,,,,,,,,2,3,,,,,,1,o,,1_4,1_2,3_4,,a,a,a,a,a,",
    "a,,c,e,e,e,e,i,i,i,i,,n,o,o,o,o,o,,,u,u,u,u,y,,,a,a,a,a,a,a,,c,e,e,e,e,i,i,i,i,,n,o,o,o,",
    "o,o,,,u,u,u,u,y,,y,a,a,a,a,a,a,c,c,c,c,c,c,c,c,d,d,,,e,e,e,e,e,e,e,e,e,e,g,g,g,g,g,g,g,",
    "g,h,h,,,i,i,i,i,i,i,i,i,i,,ij,ij,j,j,k,k,,l,l,l,l,l,l,l_,l_,,,n,n,n,n,n,n,_n,,,o,o,o,o,",
    "o,o,,,r,r,r,r,r,r,s,s,s,s,s,s,s,s,t,t,t,t,,,u,u,u,u,u,u,u,u,u,u,u,u,w,w,y,y,y,z,z,z,z,z,",
    "z,s,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,o,o,,,,,,,,,,,,,,u,u,,,,,,,,,,,,,,,,,,,,dz,dz,dz,lj,",
    "lj,lj,nj,nj,nj,a,a,i,i,o,o,u,u,u,u,u,u,u,u,u,u,,a,a,a,a,,,,,g,g,k,k,o,o,o,o,,,j,dz,dz,",
    "dz,g,g,,,n,n,a,a,,,,,a,a,a,a,e,e,e,e,i,i,i,i,o,o,o,o,r,r,r,r,u,u,u,u,s,s,t,t,,,h,h,,,,,,",
    ",a,a,e,e,o,o,o,o,o,o,o,o,y,y,,,,,,,,,,,,,,,,,,,,,,,,,,,,",
);
/// Folded forms of U+1E00..=U+1EFF, comma-separated (`_` stands for a space; empty: no letter).
const LATIN_1E00: &str = concat!(
    "a,a,b,b,b,b,b,b,c,c,d,d,d,d,d,d,d,d,d,d,e,e,e,e,e,e,e,e,e,e,f,f,g,g,h,h,h,h,h,h,h,h,h,h,",
    "i,i,i,i,k,k,k,k,k,k,l,l,l,l,l,l,l,l,m,m,m,m,m,m,n,n,n,n,n,n,n,n,o,o,o,o,o,o,o,o,p,p,p,p,",
    "r,r,r,r,r,r,r,r,s,s,s,s,s,s,s,s,s,s,t,t,t,t,t,t,t,t,u,u,u,u,u,u,u,u,u,u,v,v,v,v,w,w,w,w,",
    "w,w,w,w,w,w,x,x,x,x,y,y,z,z,z,z,z,z,h,t,w,y,a_,s,,,,,a,a,a,a,a,a,a,a,a,a,a,a,a,a,a,a,a,",
    "a,a,a,a,a,a,a,e,e,e,e,e,e,e,e,e,e,e,e,e,e,e,e,i,i,i,i,o,o,o,o,o,o,o,o,o,o,o,o,o,o,o,o,o,",
    "o,o,o,o,o,o,o,u,u,u,u,u,u,u,u,u,u,u,u,u,u,y,y,y,y,y,y,y,y,,,,,,",
);
/// Folded forms of U+FB00..=U+FB06, comma-separated (`_` stands for a space; empty: no letter).
const LIGATURES_FB00: &str = "ff,fi,fl,ffi,ffl,st,st";

/// The decomposition tables, split once: (first code point, folded form of each code point from there).
static TABLES: once_cell::sync::Lazy<[(u32, Vec<&'static str>); 3]> =
    once_cell::sync::Lazy::new(|| {
        [
            (0x0080, LATIN_0080.split(',').collect()),
            (0x1E00, LATIN_1E00.split(',').collect()),
            (0xFB00, LIGATURES_FB00.split(',').collect()),
        ]
    });

/// Appends the folded form of `c` to `out` (before separators are collapsed): ASCII lower-cased, Latin letters
/// with accents or ligatures decomposed to their base letters, combining marks dropped, anything else a space.
fn push_folded(c: char, out: &mut String) {
    let cp = c as u32;
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
    } else if COMBINING.iter().any(|&(lo, hi)| (lo..=hi).contains(&cp)) {
        // dropped, as after NFKD
    } else if (0xFF01..=0xFF5E).contains(&cp) {
        // full-width ASCII
        if let Some(a) = char::from_u32(cp - 0xFEE0) {
            push_folded(a, out);
        }
    } else if let Some(piece) = TABLES.iter().find_map(|(first, forms)| {
        cp.checked_sub(*first)
            .and_then(|i| forms.get(i as usize))
            .copied()
    }) {
        if piece.is_empty() {
            out.push(' ');
        } else {
            out.extend(piece.chars().map(|ch| if ch == '_' { ' ' } else { ch }));
        }
    } else {
        out.push(' ');
    }
}

/// Folds a name for comparison, like the reference scorer: accents stripped, lower case, every character other
/// than `a-z`, `0-9` and `/` a separator, separators collapsed to one space, trimmed.
///
/// `fold("Félix Auger-Aliassime")` is `"felix auger aliassime"`. Latin letters (U+0080..U+024F,
/// U+1E00..U+1EFF), Latin ligatures and full-width ASCII are decomposed; other scripts become separators.
pub fn fold(s: &str) -> String {
    let mut raw = String::with_capacity(s.len());
    for c in s.chars() {
        push_folded(c, &mut raw);
    }
    let mut out = String::with_capacity(raw.len());
    let mut gap = false;
    for c in raw.chars() {
        if c.is_ascii_lowercase() || c.is_ascii_digit() || c == '/' {
            if gap && !out.is_empty() {
                out.push(' ');
            }
            gap = false;
            out.push(c);
        } else {
            gap = true;
        }
    }
    out
}

/// True when two names denote the same person: the surnames (last tokens) agree, or the tokens of one name are
/// a subset of the other's (compound surnames); and where both names give a first name, its initial agrees.
pub fn same_person(a: &str, b: &str) -> bool {
    let (fa, fb) = (fold(a), fold(b));
    let ta: Vec<&str> = fa.split_whitespace().collect();
    let tb: Vec<&str> = fb.split_whitespace().collect();
    let (Some(la), Some(lb)) = (ta.last(), tb.last()) else {
        return false;
    };
    let subset = |x: &[&str], y: &[&str]| x.iter().all(|t| y.contains(t));
    if la != lb && !(subset(&ta, &tb) || subset(&tb, &ta)) {
        return false;
    }
    if ta.len() > 1 && tb.len() > 1 && ta[0].chars().next() != tb[0].chars().next() {
        return false;
    }
    true
}

/// True when two sides agree: as many players (`"A / B"` is a pair), and each player of `a` is the same
/// person as some player of `b`.
pub fn same_side(a: &str, b: &str) -> bool {
    let (fa, fb) = (fold(a), fold(b));
    let pa: Vec<&str> = fa.split('/').collect();
    let pb: Vec<&str> = fb.split('/').collect();
    pa.len() == pb.len() && pa.iter().all(|x| pb.iter().any(|y| same_person(x, y)))
}

/// A side's name as the scorer reads it: a player's name, or a pair's names joined by `" / "`.
fn side_name(side: &Side) -> String {
    match side {
        Side::Single(p) => p.name.to_string(),
        Side::Pair(ps) => ps
            .iter()
            .map(|p| p.name.as_str())
            .collect::<Vec<_>>()
            .join(" / "),
    }
}

/// A score text as compared: whitespace runs collapsed to one space, trimmed, upper case.
fn canonical_score(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_uppercase()
}

/// Python's `str()` of an optional string: the string, or `None`.
fn py_opt(s: &Option<String>) -> &str {
    s.as_deref().unwrap_or("None")
}

/// Python's `repr()` of a string (quotes chosen and characters escaped as Python does for common text).
fn py_repr(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if !py_printable(c) => {
                let cp = c as u32;
                if cp < 0x100 {
                    out.push_str(&format!("\\x{cp:02x}"));
                } else if cp < 0x10000 {
                    out.push_str(&format!("\\u{cp:04x}"));
                } else {
                    out.push_str(&format!("\\U{cp:08x}"));
                }
            }
            c => out.push(c),
        }
    }
    out.push(quote);
    out
}

/// Whether Python prints `c` as itself in a repr (control, format and separator characters are escaped).
fn py_printable(c: char) -> bool {
    let cp = c as u32;
    !(c.is_control()
        || matches!(
            cp,
            0xA0 | 0xAD
                | 0x1680
                | 0x2000..=0x200F
                | 0x2028..=0x202F
                | 0x205F..=0x2064
                | 0x3000
                | 0xFEFF
        ))
}

/// Python's `repr()` of a list of strings: `['R16', '3R']`.
fn py_list(items: &[String]) -> String {
    let parts: Vec<String> = items.iter().map(|s| py_repr(s)).collect();
    format!("[{}]", parts.join(", "))
}

/// Python's `repr()` of a float (shortest round-trip form, always with a decimal point).
fn py_float(x: f64) -> String {
    let s = format!("{x}");
    if s.contains(['.', 'e', 'E', 'N', 'n']) {
        s
    } else {
        format!("{s}.0")
    }
}

/// Python's `round(x, 3)`: the nearest multiple of 0.001, ties to even on the exact binary value.
fn round3(x: f64) -> f64 {
    format!("{x:.3}").parse().unwrap_or(x)
}

/// Pairs system items with gold items one to one: each system item, in order, takes the first unpaired gold
/// item that agrees. Returns the pairs, the unpaired system items and the unpaired gold items.
fn greedy<'s, 'g, S, G>(
    sys: &'s [S],
    gold: &'g [G],
    eq: impl Fn(&S, &G) -> bool,
) -> (Vec<(&'s S, &'g G)>, Vec<&'s S>, Vec<&'g G>) {
    let mut left: Vec<&G> = gold.iter().collect();
    let mut pairs = Vec::new();
    let mut extra = Vec::new();
    for s in sys {
        match left.iter().position(|g| eq(s, g)) {
            Some(i) => pairs.push((s, left.remove(i))),
            None => extra.push(s),
        }
    }
    (pairs, extra, left)
}

// ---------------------------------------------------------------------------------------------------------
// The report
// ---------------------------------------------------------------------------------------------------------

/// The kinds of fact scored, in the reference scorer's order. `"results"` is accepted as another name for
/// `"matches"` wherever a kind is named.
pub const KINDS: [&str; 6] = [
    "players", "matches", "scores", "rounds", "rankings", "seeds",
];

fn kind_index(kind: &str) -> Option<usize> {
    match kind {
        "results" => Some(1),
        k => KINDS.iter().position(|&n| n == k),
    }
}

const PLAYERS: usize = 0;
const MATCHES: usize = 1;
const SCORES: usize = 2;
const ROUNDS: usize = 3;
const RANKINGS: usize = 4;
const SEEDS: usize = 5;

/// True positives, false positives and false negatives of one kind of fact.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    /// System facts paired with a gold fact.
    pub tp: usize,
    /// System facts with no gold fact (false positives).
    pub fp: usize,
    /// Gold facts the system missed (false negatives; `fn` in the table).
    pub fn_: usize,
}

impl Counts {
    /// `tp / (tp + fp)`, or 1.0 when the system gave nothing.
    pub fn precision(&self) -> f64 {
        if self.tp + self.fp == 0 {
            1.0
        } else {
            self.tp as f64 / (self.tp + self.fp) as f64
        }
    }

    /// `tp / (tp + fn)`, or 1.0 when the gold has nothing.
    pub fn recall(&self) -> f64 {
        if self.tp + self.fn_ == 0 {
            1.0
        } else {
            self.tp as f64 / (self.tp + self.fn_) as f64
        }
    }

    /// The harmonic mean of precision and recall (0.0 when both are 0).
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }

    /// The table row: `{'tp': 1, 'fp': 0, 'fn': 0, 'precision': 1.0, 'recall': 1.0, 'f1': 1.0}`.
    fn row(&self) -> String {
        format!(
            "{{'tp': {}, 'fp': {}, 'fn': {}, 'precision': {}, 'recall': {}, 'f1': {}}}",
            self.tp,
            self.fp,
            self.fn_,
            py_float(round3(self.precision())),
            py_float(round3(self.recall())),
            py_float(round3(self.f1())),
        )
    }
}

/// The result of scoring: counts per kind of fact, article counts and the list of errors.
///
/// `Display` prints the reference scorer's text table (`players    {'tp': 10, 'fp': 1, ...}`, one line per
/// kind that came up, then `articles`), followed by every error as `  DOC: MESSAGE`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Report {
    counts: [Counts; 6],
    /// Indices of the kinds in the order they first came up (the table's order).
    order: Vec<usize>,
    /// Number of distinct articles in the gold.
    pub articles_gold: usize,
    /// Number of gold articles for which the system gave an output.
    pub articles_with_output: usize,
    /// Every disagreement, as (gold doc, message), in the reference scorer's order and wording.
    pub errors: Vec<(String, String)>,
}

impl Report {
    fn add(&mut self, kind: usize, tp: usize, fp: usize, fn_: usize) {
        if !self.order.contains(&kind) {
            self.order.push(kind);
        }
        let c = &mut self.counts[kind];
        c.tp += tp;
        c.fp += fp;
        c.fn_ += fn_;
    }

    /// The counts of a kind ([`KINDS`], or `"results"` for matches); `None` for an unknown name.
    pub fn counts(&self, kind: &str) -> Option<Counts> {
        kind_index(kind).map(|i| self.counts[i])
    }

    /// Precision of a kind, rounded to three decimals as in the table; `None` for an unknown kind.
    pub fn precision(&self, kind: &str) -> Option<f64> {
        self.counts(kind).map(|c| round3(c.precision()))
    }

    /// Recall of a kind, rounded to three decimals as in the table; `None` for an unknown kind.
    pub fn recall(&self, kind: &str) -> Option<f64> {
        self.counts(kind).map(|c| round3(c.recall()))
    }

    /// F1 of a kind, rounded to three decimals as in the table; `None` for an unknown kind. A kind that never
    /// came up (no gold and no system fact) has F1 1.0.
    pub fn f1(&self, kind: &str) -> Option<f64> {
        self.counts(kind).map(|c| round3(c.f1()))
    }

    /// The kinds listed in the table, in its order (a kind is listed once a fact of it came up).
    pub fn table_kinds(&self) -> Vec<&'static str> {
        self.order.iter().map(|&i| KINDS[i]).collect()
    }

    /// The table as JSON, like the reference scorer's `--json`: one object per listed kind with `tp`, `fp`,
    /// `fn`, `precision`, `recall`, `f1` (rounded to three decimals), and `articles` with `gold` and
    /// `with_output`. (Keys are sorted, where the reference scorer keeps the table's order.)
    pub fn to_json(&self) -> serde_json::Value {
        let mut table = serde_json::Map::new();
        for &i in &self.order {
            let c = self.counts[i];
            table.insert(
                KINDS[i].to_string(),
                serde_json::json!({
                    "tp": c.tp,
                    "fp": c.fp,
                    "fn": c.fn_,
                    "precision": round3(c.precision()),
                    "recall": round3(c.recall()),
                    "f1": round3(c.f1()),
                }),
            );
        }
        table.insert(
            "articles".to_string(),
            serde_json::json!({"gold": self.articles_gold, "with_output": self.articles_with_output}),
        );
        serde_json::Value::Object(table)
    }
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for &i in &self.order {
            writeln!(f, "{:10} {}", KINDS[i], self.counts[i].row())?;
        }
        writeln!(
            f,
            "{:10} {{'gold': {}, 'with_output': {}}}",
            "articles", self.articles_gold, self.articles_with_output
        )?;
        for (doc, e) in &self.errors {
            writeln!(f, "  {doc}: {e}")?;
        }
        Ok(())
    }
}

// ---------------------------------------------------------------------------------------------------------
// Scoring
// ---------------------------------------------------------------------------------------------------------

/// Scores system output against gold.
///
/// `output` pairs a source (a path or id) with the article extracted from it; an output belongs to every gold
/// article whose `doc` its source ends with (the last such output wins). When the gold names an article twice,
/// the last annotation counts, at the place of the first.
pub fn score(gold: &[Gold], output: &[(String, Article)]) -> Report {
    // Gold by doc: first position, last value.
    let mut index: HashMap<&str, usize> = HashMap::new();
    let mut golds: Vec<&Gold> = Vec::new();
    for g in gold {
        match index.get(g.doc.as_str()) {
            Some(&i) => golds[i] = g,
            None => {
                index.insert(&g.doc, golds.len());
                golds.push(g);
            }
        }
    }
    let mut outs: Vec<Option<&Article>> = vec![None; golds.len()];
    for (src, article) in output {
        for (i, g) in golds.iter().enumerate() {
            if src.ends_with(g.doc.as_str()) {
                outs[i] = Some(article);
            }
        }
    }
    let mut report = Report {
        articles_gold: golds.len(),
        articles_with_output: outs.iter().filter(|o| o.is_some()).count(),
        ..Report::default()
    };
    let empty = Article {
        schema_version: Default::default(),
        source: None,
        sport: None,
        headline: None,
        published: None,
        players: Vec::new(),
        matches: Vec::new(),
        rankings: Vec::new(),
        seeds: Vec::new(),
        warnings: Vec::new(),
    };
    for (g, o) in golds.iter().zip(&outs) {
        let o = o.unwrap_or_else(|| {
            report
                .errors
                .push((g.doc.clone(), "no output for this article".to_string()));
            &empty
        });
        score_article(g, o, &mut report);
    }
    report
}

fn score_article(g: &Gold, o: &Article, report: &mut Report) {
    let doc = &g.doc;
    let err = |report: &mut Report, msg: String| report.errors.push((doc.clone(), msg));

    // players
    let sp: Vec<&str> = o.players.iter().map(|p| p.name.as_str()).collect();
    let (pairs, extra, miss) = greedy(&sp, &g.players, |s, gg| same_person(s, gg));
    report.add(PLAYERS, pairs.len(), extra.len(), miss.len());
    for x in extra {
        err(report, format!("player extra: {x}"));
    }
    for x in miss {
        err(report, format!("player missed: {x}"));
    }

    // matches (singles and doubles together), winner and loser in the right order
    let sides: Vec<(String, String)> = o
        .matches
        .iter()
        .map(|m| (side_name(&m.winner), side_name(&m.loser)))
        .collect();
    let idx: Vec<usize> = (0..o.matches.len()).collect();
    let (pairs, extra, miss) = greedy(&idx, &g.matches, |&i, gg| {
        same_side(&sides[i].0, &gg.winner) && same_side(&sides[i].1, &gg.loser)
    });
    report.add(MATCHES, pairs.len(), extra.len(), miss.len());
    let sys_score = |i: usize| {
        o.matches[i]
            .score
            .as_ref()
            .filter(|s| !s.text.is_empty())
            .map(|s| canonical_score(&s.text))
    };
    for &i in extra {
        let (w, l) = &sides[i];
        let flipped = g
            .matches
            .iter()
            .any(|gg| same_side(w, &gg.loser) && same_side(l, &gg.winner));
        let note = if flipped {
            " (winner/loser reversed)"
        } else {
            ""
        };
        err(
            report,
            format!("match extra{note}: {w} d. {l} {}", py_opt(&sys_score(i))),
        );
    }
    for gg in miss {
        err(
            report,
            format!(
                "match missed: {} d. {} {}",
                gg.winner,
                gg.loser,
                py_opt(&gg.score)
            ),
        );
    }
    for (&i, gg) in pairs {
        let ss = sys_score(i);
        let gs = gg.score.as_deref().map(canonical_score);
        if gs.is_some() || ss.is_some() {
            if ss == gs {
                report.add(SCORES, 1, 0, 0);
            } else {
                report.add(
                    SCORES,
                    0,
                    usize::from(ss.is_some()),
                    usize::from(gs.is_some()),
                );
                err(
                    report,
                    format!(
                        "score: {} d. {}: got {} want {}",
                        gg.winner,
                        gg.loser,
                        py_opt(&ss),
                        py_opt(&gs)
                    ),
                );
            }
        }
        let sr: Vec<String> = o.matches[i].round.iter().map(|r| r.to_string()).collect();
        let gr = &gg.round;
        if !sr.is_empty() || !gr.is_empty() {
            if !sr.is_empty() && !gr.is_empty() && sr.iter().any(|r| gr.contains(r)) {
                report.add(ROUNDS, 1, 0, 0);
            } else {
                report.add(
                    ROUNDS,
                    0,
                    usize::from(!sr.is_empty()),
                    usize::from(!gr.is_empty()),
                );
                err(
                    report,
                    format!(
                        "round: {} d. {}: got {} want {}",
                        gg.winner,
                        gg.loser,
                        py_list(&sr),
                        py_list(gr)
                    ),
                );
            }
        }
    }

    // rankings (world rankings only) and seeds
    let srk: Vec<_> = o
        .rankings
        .iter()
        .filter(|r| r.kind != RankingKind::National)
        .collect();
    let grk: Vec<_> = g.rankings.iter().filter(|r| r.kind != "national").collect();
    let (pairs, extra, miss) = greedy(&srk, &grk, |s, gg| {
        i64::from(s.rank) == gg.rank && same_person(&s.player.name, &gg.player)
    });
    report.add(RANKINGS, pairs.len(), extra.len(), miss.len());
    for x in extra {
        err(
            report,
            format!("ranking extra: {} {}", x.player.name, x.rank),
        );
    }
    for x in miss {
        err(
            report,
            format!("ranking missed: {} {} ({})", x.player, x.rank, x.kind),
        );
    }
    let (pairs, extra, miss) = greedy(&o.seeds, &g.seeds, |s, gg| {
        i64::from(s.seed) == gg.seed && same_person(&s.player.name, &gg.player)
    });
    report.add(SEEDS, pairs.len(), extra.len(), miss.len());
    for x in extra {
        err(report, format!("seed extra: {} {}", x.player.name, x.seed));
    }
    for x in miss {
        err(report, format!("seed missed: {} {}", x.player, x.seed));
    }
}

/// Reads every article the gold names (each `doc` under `root`, its bytes decoded as UTF-8 with invalid bytes
/// replaced), extracts it as plain text and scores the whole against the gold. Articles are extracted in
/// parallel; the report is the same on every run.
///
/// Errors: the gold file's errors ([`load_gold`]), and [`ErrorKind::Io`] naming the article when one cannot be
/// read.
pub fn run(extractor: &Extractor, gold_path: &Path, root: &Path) -> Result<Report, Error> {
    let gold = load_gold(gold_path)?;
    let mut docs: Vec<&str> = Vec::new();
    for g in &gold {
        if !docs.contains(&g.doc.as_str()) {
            docs.push(&g.doc);
        }
    }
    let output = docs
        .par_iter()
        .map(|&doc| {
            let path = root.join(doc);
            let bytes = std::fs::read(&path)
                .map_err(|e| Error::new(ErrorKind::Io, format!("{}: {e}", path.display())))?;
            let text = String::from_utf8_lossy(&bytes);
            let document = Document::from_text(Some(doc.to_string()), &text);
            Ok((doc.to_string(), extractor.extract_document(&document)))
        })
        .collect::<Result<Vec<_>, Error>>()?;
    Ok(score(&gold, &output))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Evidence, Match, Outcome, Player, PlayerRef, Ranking, Seed};

    fn pref(name: &str) -> PlayerRef {
        PlayerRef {
            id: "p1".into(),
            name: name.into(),
        }
    }

    fn single(name: &str) -> Side {
        Side::Single(pref(name))
    }

    fn pair(a: &str, b: &str) -> Side {
        Side::Pair(vec![pref(a), pref(b)])
    }

    fn ev() -> Evidence {
        Evidence {
            start: 0,
            end: 0,
            text: Default::default(),
        }
    }

    fn mat(winner: Side, loser: Side, score: Option<&str>, round: Option<&str>) -> Match {
        Match {
            winner,
            loser,
            score: score.map(|t| crate::Score {
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

    fn article(players: &[&str], matches: Vec<Match>) -> Article {
        Article {
            schema_version: crate::SCHEMA_VERSION.into(),
            source: None,
            sport: Some("tennis".into()),
            headline: None,
            published: None,
            players: players
                .iter()
                .enumerate()
                .map(|(i, n)| Player {
                    id: format!("p{}", i + 1).into(),
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

    fn gold(json: &str) -> Gold {
        serde_json::from_str(json).expect("gold parses")
    }

    fn one(g: Gold, a: Article) -> Report {
        let doc = g.doc.clone();
        score(&[g], &[(format!("/corpus/{doc}"), a)])
    }

    fn errors(r: &Report) -> Vec<&str> {
        r.errors.iter().map(|(_, e)| e.as_str()).collect()
    }

    #[test]
    fn fold_strips_accents_case_and_punctuation() {
        assert_eq!(fold("Félix Auger-Aliassime"), "felix auger aliassime");
        assert_eq!(fold("  Ón  DE JABEUR. "), "on de jabeur");
        assert_eq!(fold("Jose\u{301} Mari\u{301}a"), "jose maria");
        assert_eq!(fold("Å / Ǆ ﬁ"), "a / dz fi");
        assert_eq!(fold("Ｎａｄａｌ"), "nadal");
        // As NFKD does, letters that do not decompose are not letters here: "Đ" and "ø" become separators.
        assert_eq!(fold("Đoković"), "okovic");
        assert_eq!(fold("Rune Holger Ø"), "rune holger");
        assert_eq!(fold("Ŀl ŉ"), "l l n");
        assert_eq!(fold(""), "");
    }

    #[test]
    fn same_person_rules() {
        assert!(same_person("Carlos Alcaraz", "Alcaraz"));
        assert!(same_person("Gaël Monfils", "Gael MONFILS"));
        assert!(!same_person("Andy Murray", "Jamie Murray"));
        assert!(same_person("A. Murray", "Andy Murray"));
        assert!(!same_person("Carlos Alcaraz", "Carlos Moya"));
        // compound surnames: the shorter name's tokens all in the longer one
        assert!(same_person("Bautista", "Roberto Bautista Agut"));
        assert!(same_person("Roberto Bautista", "Roberto Bautista Agut"));
        assert!(same_person("Aliassime", "Félix Auger-Aliassime"));
        // ...but where both names have two tokens or more, the first tokens' initials must agree, as in the
        // reference scorer: a surname of two words reads as a first name and a surname.
        assert!(!same_person("Roberto Bautista Agut", "Bautista Agut"));
        assert!(!same_person("Juan Martín del Potro", "Del Potro"));
        assert!(!same_person("Auger-Aliassime", "Félix Auger-Aliassime"));
        assert!(same_person("Juan Martín del Potro", "J. del Potro"));
        assert!(!same_person("", "Alcaraz"));
        assert!(!same_person("Alcaraz", "--"));
    }

    #[test]
    fn same_side_rules() {
        assert!(same_side(
            "Bob Bryan / Mike Bryan",
            "Mike Bryan / Bob Bryan"
        ));
        assert!(same_side(
            "Hantuchová / Hrbatý",
            "Daniela Hantuchova / Dominik Hrbaty"
        ));
        assert!(!same_side("Bob Bryan / Mike Bryan", "Bryan"));
        assert!(!same_side(
            "Bob Bryan / Mike Bryan",
            "Bob Bryan / Leander Paes"
        ));
        assert!(same_side("Rafael Nadal", "Nadal"));
    }

    #[test]
    fn perfect_output_scores_one() {
        let g = gold(
            r#"{"doc": "t/1.txt", "players": ["Ann Lee", "Bea Park"],
            "matches": [{"winner": "Ann Lee", "loser": "Bea Park", "score": "7-6(4) 6-4", "round": ["4R", "R16"]}],
            "rankings": [{"player": "Bea Park", "rank": 12, "kind": "current"}],
            "seeds": [{"player": "Ann Lee", "seed": 3}]}"#,
        );
        let mut a = article(
            &["Ann Lee", "Bea Park"],
            vec![mat(
                single("Ann Lee"),
                single("Park"),
                Some("7-6(4)  6-4"),
                Some("R16"),
            )],
        );
        a.rankings = vec![ranking("Bea Park", 12, RankingKind::Current)];
        a.seeds = vec![seed("Lee", 3)];
        let r = one(g, a);
        assert!(r.errors.is_empty(), "{:?}", r.errors);
        for k in KINDS {
            assert_eq!(r.f1(k), Some(1.0), "{k}");
        }
        assert_eq!(r.counts("scores").unwrap().tp, 1);
        assert_eq!(r.counts("rounds").unwrap().tp, 1);
        assert_eq!((r.articles_gold, r.articles_with_output), (1, 1));
    }

    #[test]
    fn doubles_sides_pair_in_any_order_but_not_with_a_single() {
        let g = gold(
            r#"{"doc": "d.txt", "players": [], "matches": [{"winner": "Bob Bryan / Mike Bryan",
            "loser": "Max Mirnyi / Daniel Nestor", "score": "6-3 6-4", "round": [], "doubles": true}],
            "rankings": [], "seeds": []}"#,
        );
        let good = article(
            &[],
            vec![mat(
                pair("Mike Bryan", "Bob Bryan"),
                pair("Nestor", "Mirnyi"),
                Some("6-3 6-4"),
                None,
            )],
        );
        let r = one(g.clone(), good);
        assert_eq!(r.counts("results").unwrap().tp, 1);
        assert_eq!(r.counts("scores").unwrap().tp, 1);
        // no round on either side: rounds never came up
        assert_eq!(
            r.table_kinds(),
            ["players", "matches", "scores", "rankings", "seeds"]
        );

        let half = article(
            &[],
            vec![mat(
                single("Bob Bryan"),
                pair("Max Mirnyi", "Daniel Nestor"),
                None,
                None,
            )],
        );
        let r = one(g, half);
        let c = r.counts("matches").unwrap();
        assert_eq!((c.tp, c.fp, c.fn_), (0, 1, 1));
        assert_eq!(
            errors(&r),
            [
                "match extra: Bob Bryan d. Max Mirnyi / Daniel Nestor None",
                "match missed: Bob Bryan / Mike Bryan d. Max Mirnyi / Daniel Nestor 6-3 6-4",
            ]
        );
    }

    #[test]
    fn flipped_winner_is_an_extra_and_a_miss() {
        let g = gold(
            r#"{"doc": "f.txt", "players": ["Jannik Sinner", "Carlos Alcaraz"],
            "matches": [{"winner": "Jannik Sinner", "loser": "Carlos Alcaraz", "score": null, "round": ["F"]}],
            "rankings": [], "seeds": []}"#,
        );
        let a = article(
            &["Jannik Sinner", "Carlos Alcaraz"],
            vec![mat(
                single("Carlos Alcaraz"),
                single("Jannik Sinner"),
                Some("6-4 6-4"),
                Some("F"),
            )],
        );
        let r = one(g, a);
        assert_eq!(
            errors(&r),
            [
                "match extra (winner/loser reversed): Carlos Alcaraz d. Jannik Sinner 6-4 6-4",
                "match missed: Jannik Sinner d. Carlos Alcaraz None",
            ]
        );
        assert_eq!(r.f1("results"), Some(0.0));
        // no pair: neither scores nor rounds came up
        assert_eq!(r.table_kinds(), ["players", "matches", "rankings", "seeds"]);
    }

    #[test]
    fn score_and_round_disagreements() {
        let g = gold(
            r#"{"doc": "s.txt", "players": [],
            "matches": [
              {"winner": "Ann Lee", "loser": "Bea Park", "score": "6-4 7-6(4)", "round": ["QF"]},
              {"winner": "Ann Lee", "loser": "Cy Dow", "score": null, "round": ["R16", "4R"]},
              {"winner": "Eve Fox", "loser": "Cy Dow", "score": "6-4 3-1 RET", "round": []},
              {"winner": "Eve Fox", "loser": "Gia Hu", "score": null, "round": "1R"}],
            "rankings": [], "seeds": []}"#,
        );
        assert_eq!(g.matches[3].round, ["1R"]);
        let a = article(
            &[],
            vec![
                mat(
                    single("Lee"),
                    single("Park"),
                    Some("6-4 7-6(5)"),
                    Some("SF"),
                ),
                mat(single("Lee"), single("Dow"), Some("6-1 6-1"), None),
                mat(
                    single("Fox"),
                    single("Dow"),
                    Some("6-4 3-1 ret"),
                    Some("2R"),
                ),
                mat(single("Fox"), single("Hu"), None, Some("1R")),
            ],
        );
        let r = one(g, a);
        assert_eq!(
            errors(&r),
            [
                "score: Ann Lee d. Bea Park: got 6-4 7-6(5) want 6-4 7-6(4)",
                "round: Ann Lee d. Bea Park: got ['SF'] want ['QF']",
                "score: Ann Lee d. Cy Dow: got 6-1 6-1 want None",
                "round: Ann Lee d. Cy Dow: got [] want ['R16', '4R']",
                "round: Eve Fox d. Cy Dow: got ['2R'] want []",
            ]
        );
        let s = r.counts("scores").unwrap();
        assert_eq!((s.tp, s.fp, s.fn_), (1, 2, 1));
        let rd = r.counts("rounds").unwrap();
        assert_eq!((rd.tp, rd.fp, rd.fn_), (1, 2, 2));
        assert_eq!(r.precision("scores"), Some(0.333));
        assert_eq!(r.recall("scores"), Some(0.5));
        assert_eq!(r.f1("scores"), Some(0.4));
    }

    #[test]
    fn rankings_leave_out_national_and_seeds_pair_by_number() {
        let g = gold(
            r#"{"doc": "r.txt", "players": [],  "matches": [],
            "rankings": [{"player": "Cameron Norrie", "rank": 1, "kind": "national"},
                         {"player": "Cameron Norrie", "rank": 31, "kind": "current"},
                         {"player": "Cameron Norrie", "rank": 8, "kind": "career-high"}],
            "seeds": [{"player": "Felix Auger-Aliassime", "seed": 9}]}"#,
        );
        let mut a = article(&[], Vec::new());
        a.rankings = vec![
            ranking("Norrie", 1, RankingKind::National),
            ranking("Cameron Norrie", 8, RankingKind::CareerHigh),
            ranking("Norrie", 30, RankingKind::Current),
        ];
        a.seeds = vec![seed("Félix Auger-Aliassime", 9), seed("Norrie", 9)];
        let r = one(g, a);
        assert_eq!(
            errors(&r),
            [
                "ranking extra: Norrie 30",
                "ranking missed: Cameron Norrie 31 (current)",
                "seed extra: Norrie 9",
            ]
        );
        let k = r.counts("rankings").unwrap();
        assert_eq!((k.tp, k.fp, k.fn_), (1, 1, 1));
        let s = r.counts("seeds").unwrap();
        assert_eq!((s.tp, s.fp, s.fn_), (1, 1, 0));
    }

    #[test]
    fn greedy_pairs_in_system_order() {
        // "Lee" could pair with either gold Lee; the first system item takes the first gold item that agrees.
        let g = gold(
            r#"{"doc": "g.txt", "players": ["Ann Lee", "Bo Lee"], "matches": [], "rankings": [], "seeds": []}"#,
        );
        let r = one(g.clone(), article(&["Lee", "Ann Lee"], Vec::new()));
        assert_eq!(
            errors(&r),
            ["player extra: Ann Lee", "player missed: Bo Lee"]
        );
        let r = one(g, article(&["Ann Lee", "Lee"], Vec::new()));
        assert!(r.errors.is_empty());
    }

    #[test]
    fn table_text_matches_the_reference_format() {
        let g = gold(
            r#"{"doc": "a.txt", "players": ["Ann Lee", "Bea Park"],
            "matches": [{"winner": "Ann Lee", "loser": "Bea Park", "score": "6-4 6-2", "round": ["F"]}],
            "rankings": [], "seeds": []}"#,
        );
        let a = article(
            &["Ann Lee", "Cy Dow"],
            vec![mat(
                single("Ann Lee"),
                single("Bea Park"),
                Some("6-4 6-3"),
                Some("SF"),
            )],
        );
        let missing =
            gold(r#"{"doc": "b.txt", "players": [], "matches": [], "rankings": [], "seeds": []}"#);
        let r = score(&[g, missing], &[("x/a.txt".into(), a)]);
        let want = "\
players    {'tp': 1, 'fp': 1, 'fn': 1, 'precision': 0.5, 'recall': 0.5, 'f1': 0.5}
matches    {'tp': 1, 'fp': 0, 'fn': 0, 'precision': 1.0, 'recall': 1.0, 'f1': 1.0}
scores     {'tp': 0, 'fp': 1, 'fn': 1, 'precision': 0.0, 'recall': 0.0, 'f1': 0.0}
rounds     {'tp': 0, 'fp': 1, 'fn': 1, 'precision': 0.0, 'recall': 0.0, 'f1': 0.0}
rankings   {'tp': 0, 'fp': 0, 'fn': 0, 'precision': 1.0, 'recall': 1.0, 'f1': 1.0}
seeds      {'tp': 0, 'fp': 0, 'fn': 0, 'precision': 1.0, 'recall': 1.0, 'f1': 1.0}
articles   {'gold': 2, 'with_output': 1}
  a.txt: player extra: Cy Dow
  a.txt: player missed: Bea Park
  a.txt: score: Ann Lee d. Bea Park: got 6-4 6-3 want 6-4 6-2
  a.txt: round: Ann Lee d. Bea Park: got ['SF'] want ['F']
  b.txt: no output for this article
";
        assert_eq!(r.to_string(), want);
        let j = r.to_json();
        assert_eq!(j["players"]["precision"], 0.5);
        assert_eq!(j["scores"]["fn"], 1);
        assert_eq!(j["articles"]["with_output"], 1);
        assert!(j.get("matches").is_some() && j.get("results").is_none());
    }

    #[test]
    fn duplicate_gold_keeps_first_place_and_last_annotation() {
        let a1 = gold(r#"{"doc": "a.txt", "players": ["Old Name"]}"#);
        let b = gold(r#"{"doc": "b.txt", "players": []}"#);
        let a2 = gold(r#"{"doc": "a.txt", "players": ["New Name"]}"#);
        let r = score(&[a1, b, a2], &[]);
        assert_eq!(r.articles_gold, 2);
        assert_eq!(
            r.errors,
            [
                (
                    "a.txt".to_string(),
                    "no output for this article".to_string()
                ),
                ("a.txt".to_string(), "player missed: New Name".to_string()),
                (
                    "b.txt".to_string(),
                    "no output for this article".to_string()
                ),
            ]
        );
    }

    #[test]
    fn kinds_by_name() {
        let r = score(&[], &[]);
        assert_eq!(r.f1("results"), r.f1("matches"));
        assert_eq!(r.f1("matches"), Some(1.0));
        assert_eq!(r.f1("tournaments"), None);
        assert!(r.table_kinds().is_empty());
        assert_eq!(r.to_string(), "articles   {'gold': 0, 'with_output': 0}\n");
    }

    #[test]
    fn python_formatting_helpers() {
        assert_eq!(round3(3.0 / 16.0), 0.188);
        assert_eq!(round3(1.0 / 16.0), 0.062);
        assert_eq!(py_float(1.0), "1.0");
        assert_eq!(py_float(0.0), "0.0");
        assert_eq!(py_float(round3(2.0 / 3.0)), "0.667");
        assert_eq!(py_repr("QF"), "'QF'");
        assert_eq!(py_repr("it's"), "\"it's\"");
        assert_eq!(py_repr("a'\"b\\"), "'a\\'\"b\\\\'");
        assert_eq!(py_repr("x\ty\u{a0}é"), "'x\\ty\\xa0é'");
        assert_eq!(py_list(&[]), "[]");
    }

    #[test]
    fn load_gold_reads_lines_and_names_bad_ones() {
        let dir = std::env::temp_dir().join(format!("sportext-eval-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let good = dir.join("good.jsonl");
        std::fs::write(
            &good,
            "{\"doc\": \"a.txt\", \"players\": [\"Ann Lee\"], \"matches\": [{\"winner\": \"Ann Lee\", \"loser\": \"Bo Wu\", \"score\": null, \"round\": null}], \"rankings\": [], \"seeds\": [], \"notes\": \"\"}\n\n  \n{\"doc\": \"b.txt\"}\n",
        )
        .unwrap();
        let gold = load_gold(&good).unwrap();
        assert_eq!(gold.len(), 2);
        assert_eq!(gold[0].matches[0].round, Vec::<String>::new());
        assert_eq!(gold[1].doc, "b.txt");
        let bad = dir.join("bad.jsonl");
        std::fs::write(&bad, "{\"doc\": \"a.txt\"}\n{\"players\": []}\n").unwrap();
        let e = load_gold(&bad).unwrap_err();
        assert_eq!(e.kind, ErrorKind::Json);
        assert!(e.message.contains("bad.jsonl:2:"), "{}", e.message);
        let e = load_gold(&dir.join("none.jsonl")).unwrap_err();
        assert_eq!(e.kind, ErrorKind::Io);
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn run_reads_docs_under_root() {
        let dir = std::env::temp_dir().join(format!("sportext-run-{}", std::process::id()));
        std::fs::create_dir_all(dir.join("t")).unwrap();
        std::fs::write(
            dir.join("t/1.txt"),
            b"Some text about nothing in particular.\xff\n",
        )
        .unwrap();
        std::fs::write(
            dir.join("gold.jsonl"),
            "{\"doc\": \"t/1.txt\", \"players\": [], \"matches\": [], \"rankings\": [], \"seeds\": []}\n",
        )
        .unwrap();
        let ex = Extractor::new();
        let r = run(&ex, &dir.join("gold.jsonl"), &dir).unwrap();
        assert_eq!((r.articles_gold, r.articles_with_output), (1, 1));
        std::fs::write(
            dir.join("gold2.jsonl"),
            "{\"doc\": \"t/missing.txt\", \"players\": []}\n",
        )
        .unwrap();
        let e = run(&ex, &dir.join("gold2.jsonl"), &dir).unwrap_err();
        assert_eq!(e.kind, ErrorKind::Io);
        assert!(e.message.contains("missing.txt"));
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
