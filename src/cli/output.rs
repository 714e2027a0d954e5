//! Output records and their rendering as JSON Lines, one JSON array, or CSV (one row per match).

use std::io::{self, Write};

use serde::Serialize;
use sportext::{Article, Error, Side};

use super::args::OutputFormat;

/// One output record: an article, or an error in place of an input that could not be read.
#[derive(Debug)]
pub enum Record {
    /// An extracted article, with its body when `--include-text` asks for it.
    Article {
        /// The extracted article.
        article: Box<Article>,
        /// The body the evidence offsets point into.
        text: Option<String>,
    },
    /// A document read and waiting for its extraction, which [`super::read::Ctx::finish`] runs for a group of
    /// records at once. Never rendered: `finish` turns it into `Article` (or `Failed`) first.
    Pending(Box<sportext::Document>),
    /// An input (or JSON article) that could not be read.
    Failed {
        /// The input's source.
        source: String,
        /// What went wrong.
        error: Error,
    },
}

/// A record rendered for the chosen format, with what the summary needs.
#[derive(Debug, Clone, PartialEq)]
pub struct Rendered {
    /// The record as UTF-8 text: one JSON line (no newline) for jsonl/json, zero or more CSV rows (each ending
    /// with a newline) for csv. Bytes, not a `String`: the JSON writer writes only valid UTF-8 (the strings of
    /// the article and ASCII), and nothing reads the record as text again, so it is not validated a second
    /// time (that pass cost about 2-4% of a run).
    pub text: Vec<u8>,
    /// Number of matches in the record.
    pub matches: usize,
    /// `Some("source: kind: message")` for an error record.
    pub error: Option<String>,
}

#[derive(Serialize)]
struct ErrorOut<'a> {
    source: &'a str,
    error: ErrorBody<'a>,
}

#[derive(Serialize)]
struct ErrorBody<'a> {
    kind: &'a str,
    message: &'a str,
}

/// The CSV header row.
pub const CSV_HEADER: &str = "source,winner,loser,score,outcome,round,tournament,evidence\n";

impl Record {
    /// Renders the record for `format`.
    pub fn render(&self, format: OutputFormat) -> Rendered {
        match self {
            Record::Pending(doc) => Record::Failed {
                source: doc.source.clone().unwrap_or_default(),
                error: sportext::Error::new(
                    sportext::ErrorKind::Internal,
                    "not extracted (a bug in sportext: please report this input)",
                ),
            }
            .render(format),
            Record::Article { article, text } => {
                let text = match format {
                    OutputFormat::Csv => csv_rows(article).into_bytes(),
                    OutputFormat::Jsonl | OutputFormat::Json => {
                        let mut buf = Vec::with_capacity(2048);
                        article.write_json(text.as_deref(), &mut buf);
                        debug_assert!(
                            std::str::from_utf8(&buf).is_ok(),
                            "JSON of strings is UTF-8"
                        );
                        buf
                    }
                };
                Rendered {
                    text,
                    matches: article.matches.len(),
                    error: None,
                }
            }
            Record::Failed { source, error } => {
                let text = match format {
                    OutputFormat::Csv => Vec::new(),
                    OutputFormat::Jsonl | OutputFormat::Json => serde_json::to_vec(&ErrorOut {
                        source,
                        error: ErrorBody {
                            kind: error.kind.as_str(),
                            message: &error.message,
                        },
                    })
                    .expect("records serialise"),
                };
                Rendered {
                    text,
                    matches: 0,
                    error: Some(format!(
                        "{source}: {}: {}",
                        error.kind.as_str(),
                        error.message
                    )),
                }
            }
        }
    }
}

/// One CSV row per match of the article.
fn csv_rows(article: &Article) -> String {
    let source = article.source.as_deref().unwrap_or("");
    let mut out = String::new();
    for m in &article.matches {
        let outcome = serde_json::to_value(m.outcome)
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default();
        let fields = [
            source,
            &side_name(&m.winner),
            &side_name(&m.loser),
            m.score.as_ref().map_or("", |s| s.text.as_str()),
            &outcome,
            m.round.as_deref().unwrap_or(""),
            m.tournament.as_ref().map_or("", |t| t.name.as_str()),
            &m.evidence.text,
        ];
        for (i, f) in fields.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            push_csv_field(&mut out, f);
        }
        out.push('\n');
    }
    out
}

/// A side's name: the player, or a doubles pair joined with " / ".
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

/// Appends a CSV field, quoted (RFC 4180) when it holds a comma, quote, line break or edge whitespace.
fn push_csv_field(out: &mut String, f: &str) {
    let needs = f.contains([',', '"', '\n', '\r']) || f.starts_with(' ') || f.ends_with(' ');
    if needs {
        out.push('"');
        out.push_str(&f.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(f);
    }
}

/// Writes rendered records in the chosen format, framing them (array brackets, CSV header).
pub struct FormatWriter<W: Write> {
    out: W,
    format: OutputFormat,
    count: usize,
    /// Flush after each record (stream mode).
    pub flush_each: bool,
}

impl<W: Write> FormatWriter<W> {
    /// Starts the output (the CSV header).
    pub fn new(mut out: W, format: OutputFormat) -> io::Result<Self> {
        if format == OutputFormat::Csv {
            out.write_all(CSV_HEADER.as_bytes())?;
        }
        Ok(FormatWriter {
            out,
            format,
            count: 0,
            flush_each: false,
        })
    }

    /// Writes one record.
    pub fn write(&mut self, r: &Rendered) -> io::Result<()> {
        match self.format {
            OutputFormat::Jsonl => {
                self.out.write_all(&r.text)?;
                self.out.write_all(b"\n")?;
            }
            OutputFormat::Json => {
                self.out
                    .write_all(if self.count == 0 { b"[\n" } else { b",\n" })?;
                self.out.write_all(&r.text)?;
            }
            OutputFormat::Csv => self.out.write_all(&r.text)?,
        }
        self.count += 1;
        if self.flush_each {
            self.out.flush()?;
        }
        Ok(())
    }

    /// Ends the output (closes the JSON array), flushes, and hands back the writer.
    pub fn finish(mut self) -> io::Result<W> {
        if self.format == OutputFormat::Json {
            self.out
                .write_all(if self.count == 0 { b"[]\n" } else { b"\n]\n" })?;
        }
        self.out.flush()?;
        Ok(self.out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use sportext::{ErrorKind, Evidence, Match, Outcome, PlayerRef, Score, Tournament};

    fn pref(id: &str, name: &str) -> PlayerRef {
        PlayerRef {
            id: id.into(),
            name: name.into(),
        }
    }

    fn article() -> Article {
        let mut a: Article = serde_json::from_value(serde_json::json!({
            "schema_version": "1.0", "source": "dir/a, \"b\".txt", "sport": "tennis", "headline": null,
            "players": [], "matches": [], "rankings": [], "seeds": [], "warnings": []
        }))
        .unwrap();
        a.matches.push(Match {
            winner: Side::Pair(vec![pref("p1", "Ann Lee"), pref("p2", "Bo Kim")]),
            loser: Side::Pair(vec![pref("p3", "Cy Ray"), pref("p4", "Di Fox")]),
            score: Some(Score {
                text: "6-4 7-5".into(),
                sets: vec![],
            }),
            outcome: Outcome::Completed,
            round: Some("SF".into()),
            tournament: Some(Tournament {
                name: "Some Open".into(),
            }),
            doubles: true,
            evidence: Evidence {
                start: 0,
                end: 10,
                text: "won, 6-4 7-5\nthen".into(),
            },
            rule: "r".into(),
        });
        a.matches.push(Match {
            winner: Side::Single(pref("p5", "Eve")),
            loser: Side::Single(pref("p6", "Fay")),
            score: None,
            outcome: Outcome::Walkover,
            round: None,
            tournament: None,
            doubles: false,
            evidence: Evidence {
                start: 0,
                end: 3,
                text: "w/o".into(),
            },
            rule: "r".into(),
        });
        a
    }

    #[test]
    fn csv_rows_are_quoted_and_doubles_joined() {
        let r = Record::Article {
            article: Box::new(article()),
            text: None,
        }
        .render(OutputFormat::Csv);
        assert_eq!(r.matches, 2);
        assert_eq!(
            String::from_utf8(r.text).unwrap(),
            "\"dir/a, \"\"b\"\".txt\",Ann Lee / Bo Kim,Cy Ray / Di Fox,6-4 7-5,completed,SF,Some Open,\"won, 6-4 7-5\nthen\"\n\
             \"dir/a, \"\"b\"\".txt\",Eve,Fay,,walkover,,,w/o\n"
        );
    }

    #[test]
    fn json_records_with_and_without_text() {
        let rec = Record::Article {
            article: Box::new(article()),
            text: Some("body".into()),
        };
        let v: serde_json::Value =
            serde_json::from_slice(&rec.render(OutputFormat::Jsonl).text).unwrap();
        assert_eq!(v["text"], "body");
        assert_eq!(v["schema_version"], "1.0");
        let rec = Record::Article {
            article: Box::new(article()),
            text: None,
        };
        let v: serde_json::Value =
            serde_json::from_slice(&rec.render(OutputFormat::Jsonl).text).unwrap();
        assert!(v.get("text").is_none());
    }

    #[test]
    fn error_records() {
        let rec = Record::Failed {
            source: "x.bin".into(),
            error: Error::new(ErrorKind::Binary, "looks like a PNG image"),
        };
        let r = rec.render(OutputFormat::Jsonl);
        assert_eq!(
            String::from_utf8(r.text).unwrap(),
            r#"{"source":"x.bin","error":{"kind":"binary","message":"looks like a PNG image"}}"#
        );
        assert_eq!(
            r.error.as_deref(),
            Some("x.bin: binary: looks like a PNG image")
        );
        assert!(rec.render(OutputFormat::Csv).text.is_empty());
    }

    #[test]
    fn json_array_framing() {
        let r = Rendered {
            text: b"{}".to_vec(),
            matches: 0,
            error: None,
        };
        let mut w = FormatWriter::new(Vec::new(), OutputFormat::Json).unwrap();
        w.write(&r).unwrap();
        w.write(&r).unwrap();
        assert_eq!(w.finish().unwrap(), b"[\n{},\n{}\n]\n");
        let w = FormatWriter::new(Vec::new(), OutputFormat::Json).unwrap();
        assert_eq!(w.finish().unwrap(), b"[]\n");
        let w = FormatWriter::new(Vec::new(), OutputFormat::Csv).unwrap();
        assert_eq!(w.finish().unwrap(), CSV_HEADER.as_bytes());
    }
}
