//! Output stage: an [`Article`] as one line of JSON, written by hand.
//!
//! The bytes are exactly those of `serde_json::to_vec(&article)` (same field order, same escapes, `null` for
//! absent values, the same fields left out), which the tests check on every fixture; writing them directly,
//! with the keys as literals and a fast path for strings that need no escape, costs about a third of going
//! through serde (the JSON is about 1.5 times the size of the article text, so this matters at full speed).

use crate::model::{
    Article, Evidence, Match, Outcome, Player, PlayerRef, Ranking, RankingKind, Score, Seed, Side,
};

impl Article {
    /// Appends the article to `out` as one line of JSON (no newline): the same bytes as
    /// `serde_json::to_vec(self)`, written faster. When `body` is given, a last field `"text"` carries it (the
    /// text that evidence offsets point into).
    pub fn write_json(&self, body: Option<&str>, out: &mut Vec<u8>) {
        out.reserve(256 + self.players.len() * 96 + self.matches.len() * 320);
        out.extend_from_slice(b"{\"schema_version\":");
        string(out, &self.schema_version);
        out.extend_from_slice(b",\"source\":");
        opt_string(out, self.source.as_deref());
        out.extend_from_slice(b",\"sport\":");
        opt_string(out, self.sport.as_deref());
        out.extend_from_slice(b",\"headline\":");
        opt_string(out, self.headline.as_deref());
        if let Some(p) = &self.published {
            out.extend_from_slice(b",\"published\":");
            string(out, p);
        }
        out.extend_from_slice(b",\"players\":");
        list(out, &self.players, player);
        out.extend_from_slice(b",\"matches\":");
        list(out, &self.matches, match_);
        out.extend_from_slice(b",\"rankings\":");
        list(out, &self.rankings, ranking);
        out.extend_from_slice(b",\"seeds\":");
        list(out, &self.seeds, seed);
        out.extend_from_slice(b",\"warnings\":");
        list(out, &self.warnings, |out, w| string(out, w));
        if let Some(t) = body {
            out.extend_from_slice(b",\"text\":");
            string(out, t);
        }
        out.push(b'}');
    }
}

fn list<T>(out: &mut Vec<u8>, items: &[T], mut each: impl FnMut(&mut Vec<u8>, &T)) {
    out.push(b'[');
    for (i, it) in items.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        each(out, it);
    }
    out.push(b']');
}

/// `{"id":...,"name":...` (the object left open).
fn id_and_name(out: &mut Vec<u8>, id: &str, name: &str) {
    out.extend_from_slice(b"{\"id\":");
    string(out, id);
    out.extend_from_slice(b",\"name\":");
    string(out, name);
}

fn player(out: &mut Vec<u8>, p: &Player) {
    id_and_name(out, &p.id, &p.name);
    out.extend_from_slice(b",\"nationality\":");
    opt_string(out, p.nationality.as_deref());
    out.extend_from_slice(b",\"age\":");
    match p.age {
        Some(a) => number(out, a as u64),
        None => out.extend_from_slice(b"null"),
    }
    out.extend_from_slice(b",\"mentions\":");
    list(out, &p.mentions, evidence);
    out.push(b'}');
}

fn player_ref(out: &mut Vec<u8>, p: &PlayerRef) {
    id_and_name(out, &p.id, &p.name);
    out.push(b'}');
}

fn side(out: &mut Vec<u8>, s: &Side) {
    match s {
        Side::Single(p) => player_ref(out, p),
        Side::Pair(ps) => list(out, ps, player_ref),
    }
}

fn match_(out: &mut Vec<u8>, m: &Match) {
    out.extend_from_slice(b"{\"winner\":");
    side(out, &m.winner);
    out.extend_from_slice(b",\"loser\":");
    side(out, &m.loser);
    out.extend_from_slice(b",\"score\":");
    match &m.score {
        Some(s) => score(out, s),
        None => out.extend_from_slice(b"null"),
    }
    out.extend_from_slice(match m.outcome {
        Outcome::Completed => b",\"outcome\":\"completed\",\"round\":",
        Outcome::Retired => b",\"outcome\":\"retired\",\"round\":",
        Outcome::Walkover => b",\"outcome\":\"walkover\",\"round\":",
        Outcome::Defaulted => b",\"outcome\":\"defaulted\",\"round\":",
    });
    opt_string(out, m.round.as_deref());
    out.extend_from_slice(b",\"tournament\":");
    match &m.tournament {
        Some(t) => {
            out.extend_from_slice(b"{\"name\":");
            string(out, &t.name);
            out.push(b'}');
        }
        None => out.extend_from_slice(b"null"),
    }
    out.extend_from_slice(if m.doubles {
        b",\"doubles\":true,\"evidence\":"
    } else {
        b",\"doubles\":false,\"evidence\":"
    });
    evidence_and_rule(out, &m.evidence, &m.rule);
}

fn score(out: &mut Vec<u8>, s: &Score) {
    out.extend_from_slice(b"{\"text\":");
    string(out, &s.text);
    out.extend_from_slice(b",\"sets\":");
    list(out, &s.sets, |out, set| {
        out.extend_from_slice(b"{\"winner\":");
        number(out, set.winner as u64);
        out.extend_from_slice(b",\"loser\":");
        number(out, set.loser as u64);
        for (key, v) in [
            (&b",\"tiebreak_winner\":"[..], set.tiebreak_winner),
            (&b",\"tiebreak_loser\":"[..], set.tiebreak_loser),
        ] {
            if let Some(t) = v {
                out.extend_from_slice(key);
                number(out, t as u64);
            }
        }
        if set.match_tiebreak {
            out.extend_from_slice(b",\"match_tiebreak\":true");
        }
        out.push(b'}');
    });
    out.push(b'}');
}

fn ranking(out: &mut Vec<u8>, r: &Ranking) {
    out.extend_from_slice(b"{\"player\":");
    player_ref(out, &r.player);
    out.extend_from_slice(b",\"rank\":");
    number(out, r.rank as u64);
    out.extend_from_slice(match r.kind {
        RankingKind::Current => b",\"kind\":\"current\",\"evidence\":",
        RankingKind::Previous => b",\"kind\":\"previous\",\"evidence\":",
        RankingKind::CareerHigh => b",\"kind\":\"career-high\",\"evidence\":",
        RankingKind::Projected => b",\"kind\":\"projected\",\"evidence\":",
        RankingKind::National => b",\"kind\":\"national\",\"evidence\":",
    });
    evidence_and_rule(out, &r.evidence, &r.rule);
}

fn seed(out: &mut Vec<u8>, s: &Seed) {
    out.extend_from_slice(b"{\"player\":");
    player_ref(out, &s.player);
    out.extend_from_slice(b",\"seed\":");
    number(out, s.seed as u64);
    out.extend_from_slice(b",\"evidence\":");
    evidence_and_rule(out, &s.evidence, &s.rule);
}

/// The last two fields of a record (after `"evidence":`) and its closing brace.
fn evidence_and_rule(out: &mut Vec<u8>, e: &Evidence, rule: &str) {
    evidence(out, e);
    out.extend_from_slice(b",\"rule\":");
    string(out, rule);
    out.push(b'}');
}

fn evidence(out: &mut Vec<u8>, e: &Evidence) {
    out.extend_from_slice(b"{\"start\":");
    number(out, e.start as u64);
    out.extend_from_slice(b",\"end\":");
    number(out, e.end as u64);
    out.extend_from_slice(b",\"text\":");
    string(out, &e.text);
    out.push(b'}');
}

/// `n` in decimal, as `format!("{n}")` writes it, in `buf` (no formatter; shared by the score text and the
/// player ids).
pub(crate) fn decimal(mut n: u64, buf: &mut [u8; 20]) -> &str {
    let mut i = buf.len();
    loop {
        i -= 1;
        buf[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    std::str::from_utf8(&buf[i..]).expect("ASCII digits")
}

fn number(out: &mut Vec<u8>, n: u64) {
    out.extend_from_slice(decimal(n, &mut [0; 20]).as_bytes());
}

fn opt_string(out: &mut Vec<u8>, s: Option<&str>) {
    match s {
        Some(s) => string(out, s),
        None => out.extend_from_slice(b"null"),
    }
}

/// A JSON string with serde_json's escapes: `\"`, `\\`, `\b`, `\f`, `\n`, `\r`, `\t`, other control characters
/// as `\u00XX` (lowercase hex); everything else as is.
fn string(out: &mut Vec<u8>, s: &str) {
    let b = s.as_bytes();
    out.push(b'"');
    // No early exit: the fold compiles to a vector loop.
    let plain = !b.iter().fold(false, |acc, &c| {
        acc | (c < 0x20) | (c == b'"') | (c == b'\\')
    });
    if plain {
        out.extend_from_slice(b);
    } else {
        let mut run = 0;
        for (i, &c) in b.iter().enumerate() {
            let esc: &[u8] = match c {
                b'"' => b"\\\"",
                b'\\' => b"\\\\",
                0x08 => b"\\b",
                0x0c => b"\\f",
                b'\n' => b"\\n",
                b'\r' => b"\\r",
                b'\t' => b"\\t",
                0..=0x1f => {
                    out.extend_from_slice(&b[run..i]);
                    const HEX: &[u8; 16] = b"0123456789abcdef";
                    out.extend_from_slice(&[
                        b'\\',
                        b'u',
                        b'0',
                        b'0',
                        HEX[(c >> 4) as usize],
                        HEX[(c & 0xf) as usize],
                    ]);
                    run = i + 1;
                    continue;
                }
                _ => continue,
            };
            out.extend_from_slice(&b[run..i]);
            out.extend_from_slice(esc);
            run = i + 1;
        }
        out.extend_from_slice(&b[run..]);
    }
    out.push(b'"');
}

#[cfg(test)]
mod tests {
    use crate::Extractor;

    #[test]
    fn same_bytes_as_serde_json() {
        let ex = Extractor::new();
        let mut texts: Vec<String> = Vec::new();
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
        for sub in std::fs::read_dir(&dir).unwrap() {
            let sub = sub.unwrap().path();
            if sub.is_dir() {
                for f in std::fs::read_dir(sub).unwrap() {
                    texts.push(std::fs::read_to_string(f.unwrap().path()).unwrap());
                }
            }
        }
        texts.push(
            "Roger \"Fed\" Federer\\ beat\tAndy\u{1}Murray 6-4 6-4 in the final.\n\u{7f}é".into(),
        );
        texts.push(
            "Rafael Nadal beat Novak Djokovic 7-6 (7-4) 6-7 (3-7) 7-6 [10-8] in Rome.".into(),
        );
        assert!(texts.len() > 30);
        for t in &texts {
            let mut a = ex.extract(t);
            a.published = Some("2025-01-0\"2".into());
            a.warnings.push("w\u{1f}".into());
            let mut ours = Vec::new();
            a.write_json(None, &mut ours);
            assert_eq!(
                String::from_utf8(ours).unwrap(),
                serde_json::to_string(&a).unwrap()
            );
            let mut with_text = Vec::new();
            a.write_json(Some(t), &mut with_text);
            let mut v = serde_json::to_value(&a).unwrap();
            v["text"] = serde_json::Value::String(t.clone());
            assert_eq!(
                serde_json::from_slice::<serde_json::Value>(&with_text).unwrap(),
                v
            );
        }
    }
}
