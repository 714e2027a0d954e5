//! Reading inputs: the sequential producer of tasks (walk entries, JSONL lines read one at a time, stdin) and
//! the per-task work (read, decode, parse, extract) that runs in parallel.

use std::any::Any;
use std::fs::File;
use std::io::{self, BufRead, BufReader, Cursor, Read};
use std::panic::{self, AssertUnwindSafe};

use rayon::prelude::*;
use sportext::input::json::{self, JsonArticle, JsonFields};
use sportext::input::{html, text};
use sportext::{Document, Error, ErrorKind, Extractor};

use super::args::InputFormat;
use super::output::Record;
use super::walk::{Entry, io_error};

/// What every task needs: the extractor and the options.
pub struct Ctx<'a> {
    /// The shared extractor.
    pub extractor: &'a Extractor,
    /// JSON field names.
    pub fields: JsonFields,
    /// Add the body to each record.
    pub include_text: bool,
    /// Size limit per input and per JSONL line.
    pub max_bytes: u64,
}

/// One unit of parallel work.
#[derive(Debug)]
pub enum Job {
    /// A whole file to read and extract (one article, or several for a JSON array).
    File {
        /// Source name.
        source: String,
        /// Path to open.
        path: std::path::PathBuf,
        /// Size from the metadata.
        size: u64,
        /// Format; `None` = sniff HTML vs text.
        format: Option<InputFormat>,
    },
    /// A whole input already in memory (stdin).
    Bytes {
        /// Source name.
        source: String,
        /// The bytes.
        bytes: Vec<u8>,
        /// Format; `None` = sniff HTML vs text.
        format: Option<InputFormat>,
    },
    /// One line of a JSONL input.
    Line {
        /// The input's source; the record's fallback source is `base#n`.
        base: String,
        /// 1-based line number.
        n: usize,
        /// The line without its line break, or why it could not be read.
        line: Result<Vec<u8>, Error>,
    },
    /// An input that failed before any work.
    Failed {
        /// Source name.
        source: String,
        /// Why.
        error: Error,
    },
}

/// A job and whether it is the first of an input (for the progress bar).
#[derive(Debug)]
pub struct Task {
    /// The work.
    pub job: Job,
    /// True for the first task of an input.
    pub starts_input: bool,
}

impl Task {
    /// Bytes this task holds or will read, for sizing chunks.
    pub fn weight(&self) -> u64 {
        match &self.job {
            Job::File { size, .. } => *size,
            Job::Bytes { bytes, .. } => bytes.len() as u64,
            Job::Line { line: Ok(l), .. } => l.len() as u64,
            _ => 0,
        }
    }
}

/// Reads lines with a cap on their length: a longer line is skipped (without being held in memory) and
/// reported as a too-large error.
pub struct LineReader<R> {
    reader: R,
    cap: u64,
    lineno: usize,
    done: bool,
}

impl<R: BufRead> LineReader<R> {
    /// Wraps a reader.
    pub fn new(reader: R, cap: u64) -> Self {
        LineReader {
            reader,
            cap,
            lineno: 0,
            done: false,
        }
    }

    /// The next line (1-based number, bytes without `\n` or `\r\n`), `None` at the end.
    pub fn next_line(&mut self) -> Option<(usize, Result<Vec<u8>, Error>)> {
        if self.done {
            return None;
        }
        let mut line = Vec::new();
        let mut len: u64 = 0;
        let mut started = false;
        loop {
            let buf = match self.reader.fill_buf() {
                Ok(b) => b,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => {
                    self.done = true;
                    self.lineno += 1;
                    return Some((self.lineno, Err(io_error(&e))));
                }
            };
            if buf.is_empty() {
                self.done = true;
                if !started {
                    return None;
                }
                break;
            }
            started = true;
            let (take, end) = match buf.iter().position(|&b| b == b'\n') {
                Some(i) => (i, true),
                None => (buf.len(), false),
            };
            len += take as u64;
            if len <= self.cap {
                line.extend_from_slice(&buf[..take]);
            } else if !line.is_empty() {
                line = Vec::new();
            }
            self.reader.consume(if end { take + 1 } else { take });
            if end {
                break;
            }
        }
        self.lineno += 1;
        if line.last() == Some(&b'\r') {
            line.pop();
            len = len.saturating_sub(1);
        }
        if len > self.cap {
            return Some((
                self.lineno,
                Err(Error::new(
                    ErrorKind::TooLarge,
                    format!(
                        "line {} is {len} bytes, over the limit of {} (--max-bytes)",
                        self.lineno, self.cap
                    ),
                )),
            ));
        }
        Some((self.lineno, Ok(line)))
    }
}

struct LineSource {
    base: String,
    reader: LineReader<Box<dyn BufRead + Send>>,
    yielded: bool,
}

/// Turns walk entries into tasks, in input order. Runs on one thread; JSONL inputs are read line by line here
/// so that a large JSONL file never sits in memory whole.
pub struct Producer {
    entries: std::vec::IntoIter<Entry>,
    forced: Option<InputFormat>,
    max_bytes: u64,
    current: Option<LineSource>,
}

impl Producer {
    /// A producer over `entries`; `forced` overrides every input's format.
    pub fn new(entries: Vec<Entry>, forced: Option<InputFormat>, max_bytes: u64) -> Self {
        Producer {
            entries: entries.into_iter(),
            forced,
            max_bytes,
            current: None,
        }
    }

    fn next_line_task(&mut self) -> Option<Task> {
        let cur = self.current.as_mut()?;
        loop {
            match cur.reader.next_line() {
                Some((_, Ok(l))) if l.iter().all(u8::is_ascii_whitespace) => continue,
                Some((n, line)) => {
                    let starts_input = !cur.yielded;
                    cur.yielded = true;
                    return Some(Task {
                        job: Job::Line {
                            base: cur.base.clone(),
                            n,
                            line,
                        },
                        starts_input,
                    });
                }
                None => {
                    let cur = self.current.take()?;
                    if cur.yielded {
                        return None;
                    }
                    return Some(Task {
                        job: Job::Failed {
                            source: cur.base,
                            error: Error::new(ErrorKind::Empty, "no JSON lines in the input"),
                        },
                        starts_input: true,
                    });
                }
            }
        }
    }

    fn start_lines(&mut self, base: String, reader: Box<dyn BufRead + Send>) {
        self.current = Some(LineSource {
            base,
            reader: LineReader::new(reader, self.max_bytes),
            yielded: false,
        });
    }

    fn stdin_task(&mut self) -> Option<Task> {
        let source = "stdin".to_string();
        let failed = |error| {
            Some(Task {
                job: Job::Failed {
                    source: "stdin".into(),
                    error,
                },
                starts_input: true,
            })
        };
        let (prefix, format) = match self.forced {
            Some(f) => (Vec::new(), Some(f)),
            None => match sniff_stdin() {
                Ok(p) => p,
                Err(e) => return failed(io_error(&e)),
            },
        };
        let reader = Cursor::new(prefix).chain(io::stdin());
        if format == Some(InputFormat::Jsonl) {
            self.start_lines(source, Box::new(BufReader::new(reader)));
            return None;
        }
        match read_capped(reader, self.max_bytes, 0) {
            Ok(bytes) => Some(Task {
                job: Job::Bytes {
                    source,
                    bytes,
                    format,
                },
                starts_input: true,
            }),
            Err(e) => failed(e),
        }
    }
}

impl Iterator for Producer {
    type Item = Task;

    fn next(&mut self) -> Option<Task> {
        loop {
            if self.current.is_some() {
                if let Some(t) = self.next_line_task() {
                    return Some(t);
                }
                continue;
            }
            let task = match self.entries.next()? {
                Entry::Failed { source, error } => Task {
                    job: Job::Failed { source, error },
                    starts_input: true,
                },
                Entry::Stdin => match self.stdin_task() {
                    Some(t) => t,
                    None => continue,
                },
                Entry::File {
                    source,
                    path,
                    size,
                    format,
                } => {
                    let format = self.forced.or(format);
                    if format == Some(InputFormat::Jsonl) {
                        match File::open(&path) {
                            Ok(f) => {
                                self.start_lines(
                                    source,
                                    Box::new(BufReader::with_capacity(1 << 16, f)),
                                );
                                continue;
                            }
                            Err(e) => Task {
                                job: Job::Failed {
                                    source,
                                    error: io_error(&e),
                                },
                                starts_input: true,
                            },
                        }
                    } else {
                        Task {
                            job: Job::File {
                                source,
                                path,
                                size,
                                format,
                            },
                            starts_input: true,
                        }
                    }
                }
            };
            return Some(task);
        }
    }
}

/// Looks at the start of stdin to choose its format: `[` is JSON; `{` is JSONL when the first line is a whole
/// JSON value, else JSON; anything else is sniffed later (HTML vs text). Returns the bytes read so far.
fn sniff_stdin() -> io::Result<(Vec<u8>, Option<InputFormat>)> {
    const LIMIT: usize = 1 << 16;
    let mut stdin = io::stdin();
    let mut prefix: Vec<u8> = Vec::new();
    let mut chunk = [0u8; 8192];
    loop {
        let eof_or_full = prefix.len() >= LIMIT;
        if let Some(p) = prefix.iter().position(|b| !b.is_ascii_whitespace()) {
            let rest = &prefix[p..];
            let rest = rest.strip_prefix(b"\xef\xbb\xbf").unwrap_or(rest);
            match rest.first() {
                Some(b'[') => return Ok((prefix, Some(InputFormat::Json))),
                Some(b'{') => {
                    if let Some(nl) = rest.iter().position(|&b| b == b'\n') {
                        let first =
                            serde_json::from_slice::<serde_json::Value>(&rest[..nl]).is_ok();
                        let f = if first {
                            InputFormat::Jsonl
                        } else {
                            InputFormat::Json
                        };
                        return Ok((prefix, Some(f)));
                    }
                    if eof_or_full {
                        // A first line longer than 64 KiB: pretty-printed JSON would have broken it.
                        return Ok((prefix, Some(InputFormat::Jsonl)));
                    }
                }
                Some(_) => return Ok((prefix, None)),
                None => {}
            }
        }
        if eof_or_full {
            return Ok((prefix, None));
        }
        let n = match stdin.read(&mut chunk) {
            Ok(n) => n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if n == 0 {
            // End of input: one value on one line, or nothing.
            let starts_brace = prefix
                .iter()
                .find(|b| !b.is_ascii_whitespace())
                .is_some_and(|&b| b == b'{');
            return Ok((prefix, starts_brace.then_some(InputFormat::Json)));
        }
        prefix.extend_from_slice(&chunk[..n]);
    }
}

/// Reads at most `max` bytes; more is a too-large error (without reading the rest). `expected` is the size the
/// input is thought to have (a file's metadata; 0 when unknown): the buffer is allocated once at that size
/// instead of growing by doubling (`Take` hides the file's own size hint from `read_to_end`).
pub fn read_capped(reader: impl Read, max: u64, expected: u64) -> Result<Vec<u8>, Error> {
    let capacity = usize::try_from(expected.min(max.saturating_add(1))).unwrap_or(0);
    let mut bytes = Vec::with_capacity(capacity);
    reader
        .take(max.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|e| io_error(&e))?;
    if bytes.len() as u64 > max {
        return Err(too_large(None, max));
    }
    Ok(bytes)
}

fn too_large(size: Option<u64>, max: u64) -> Error {
    let what = match size {
        Some(s) => format!("the input is {s} bytes"),
        None => "the input is larger".to_string(),
    };
    Error::new(
        ErrorKind::TooLarge,
        format!("{what}, over the limit of {max} bytes (--max-bytes)"),
    )
}

impl Ctx<'_> {
    /// Does one task: the records it gives (in order) and the bytes it read. A panic anywhere in the task
    /// becomes an `internal` error record for its input, so one bad input never stops the batch.
    pub fn process(&self, job: Job) -> (Vec<Record>, u64) {
        let source = match &job {
            Job::File { source, .. } | Job::Bytes { source, .. } | Job::Failed { source, .. } => {
                source.clone()
            }
            Job::Line { base, n, .. } => format!("{base}#{n}"),
        };
        match panic::catch_unwind(AssertUnwindSafe(|| self.process_unguarded(job))) {
            Ok(done) => done,
            Err(payload) => (vec![panicked(source, payload.as_ref())], 0),
        }
    }

    fn process_unguarded(&self, job: Job) -> (Vec<Record>, u64) {
        match job {
            Job::Failed { source, error } => (vec![Record::Failed { source, error }], 0),
            Job::File {
                source,
                path,
                size,
                format,
            } => {
                if size > self.max_bytes {
                    return (
                        vec![Record::Failed {
                            source,
                            error: too_large(Some(size), self.max_bytes),
                        }],
                        0,
                    );
                }
                let bytes = File::open(&path)
                    .map_err(|e| io_error(&e))
                    .and_then(|f| read_capped(f, self.max_bytes, size));
                match bytes {
                    Ok(b) => {
                        let n = b.len() as u64;
                        (self.process_bytes(&source, &b, format), n)
                    }
                    Err(error) => (vec![Record::Failed { source, error }], 0),
                }
            }
            Job::Bytes {
                source,
                bytes,
                format,
            } => (
                self.process_bytes(&source, &bytes, format),
                bytes.len() as u64,
            ),
            Job::Line { base, n, line } => match line {
                Ok(l) => {
                    let len = l.len() as u64 + 1;
                    (vec![self.process_line(&base, n, &l)], len)
                }
                Err(error) => (
                    vec![Record::Failed {
                        source: format!("{base}#{n}"),
                        error,
                    }],
                    0,
                ),
            },
        }
    }

    /// The record of a document read: pending until [`Ctx::finish`] extracts it with the others of its group.
    fn article(&self, doc: Document) -> Record {
        Record::Pending(Box::new(doc))
    }

    /// Extracts the documents that `records` are waiting for ([`Record::Pending`]), in one
    /// [`Extractor::extract_batch`] call (faster for many small articles), and puts each article in its place.
    /// Should the batch panic, each document is extracted again on its own, so that only the input that
    /// panics gets an error record.
    pub fn finish<'r>(&self, records: impl IntoIterator<Item = &'r mut Record>) {
        self.finish_with(
            records,
            |docs| self.extractor.extract_batch(docs),
            |doc| self.extractor.extract_document(doc),
        );
    }

    /// [`Ctx::finish`] with the batch and the single extraction given (tests give ones that panic).
    fn finish_with<'r>(
        &self,
        records: impl IntoIterator<Item = &'r mut Record>,
        batch: impl Fn(&[Document]) -> Vec<sportext::Article>,
        one: impl Fn(&Document) -> sportext::Article,
    ) {
        let mut slots: Vec<&mut Record> = records
            .into_iter()
            .filter(|r| matches!(r, Record::Pending(_)))
            .collect();
        let docs: Vec<Document> = slots
            .iter_mut()
            .map(
                |r| match std::mem::replace(&mut **r, Record::Pending(Box::default())) {
                    Record::Pending(doc) => *doc,
                    _ => unreachable!("only pending records are kept"),
                },
            )
            .collect();
        if docs.is_empty() {
            return;
        }
        match panic::catch_unwind(AssertUnwindSafe(|| batch(&docs))) {
            Ok(articles) => {
                for ((slot, doc), article) in slots.into_iter().zip(docs).zip(articles) {
                    *slot = Record::Article {
                        article: Box::new(article),
                        text: self.include_text.then_some(doc.body),
                    };
                }
            }
            Err(_) => {
                for (slot, doc) in slots.into_iter().zip(docs) {
                    *slot = self.extract_one(doc, &one);
                }
            }
        }
    }

    /// One document extracted on its own by `one`, a panic caught as its error record.
    fn extract_one(&self, doc: Document, one: impl Fn(&Document) -> sportext::Article) -> Record {
        let extracted = panic::catch_unwind(AssertUnwindSafe(|| one(&doc)));
        let article = match extracted {
            Ok(a) => a,
            Err(payload) => {
                let source = doc.source.clone().unwrap_or_default();
                return panicked(source, payload.as_ref());
            }
        };
        Record::Article {
            article: Box::new(article),
            text: self.include_text.then_some(doc.body),
        }
    }

    fn result(&self, source: &str, doc: Result<Document, Error>) -> Record {
        match doc {
            Ok(d) => self.article(d),
            Err(error) => Record::Failed {
                source: source.to_string(),
                error,
            },
        }
    }

    /// A whole input in memory: text, HTML, JSON, or sniffed (HTML vs text).
    pub fn process_bytes(
        &self,
        source: &str,
        bytes: &[u8],
        format: Option<InputFormat>,
    ) -> Vec<Record> {
        match format {
            Some(InputFormat::Text) => vec![self.result(source, text_doc(source, bytes))],
            Some(InputFormat::Html) => vec![self.result(source, html_doc(source, bytes))],
            Some(InputFormat::Json) => self.json_records(source, bytes),
            Some(InputFormat::Jsonl) => {
                let mut lines = LineReader::new(bytes, self.max_bytes);
                let mut out = Vec::new();
                while let Some((n, line)) = lines.next_line() {
                    match line {
                        Ok(l) if l.iter().all(u8::is_ascii_whitespace) => {}
                        Ok(l) => out.push(self.process_line(source, n, &l)),
                        Err(error) => out.push(Record::Failed {
                            source: format!("{source}#{n}"),
                            error,
                        }),
                    }
                }
                if out.is_empty() {
                    out.push(Record::Failed {
                        source: source.to_string(),
                        error: Error::new(ErrorKind::Empty, "no JSON lines in the input"),
                    });
                }
                out
            }
            None => {
                let doc = text::decode(bytes).and_then(|(s, warnings)| {
                    if text::looks_like_html(&s) {
                        html_doc(source, bytes)
                    } else {
                        let mut doc = Document::from_text(Some(source.to_string()), &s);
                        doc.warnings = warnings;
                        Ok(doc)
                    }
                });
                vec![self.result(source, doc)]
            }
        }
    }

    fn json_records(&self, source: &str, bytes: &[u8]) -> Vec<Record> {
        let parsed = text::decode(bytes)
            .and_then(|(s, warnings)| Ok((json::parse_json_values(&s)?, warnings)));
        let (values, warnings) = match parsed {
            Ok(p) => p,
            Err(error) => {
                return vec![Record::Failed {
                    source: source.to_string(),
                    error,
                }];
            }
        };
        if values.is_empty() {
            return vec![Record::Failed {
                source: source.to_string(),
                error: Error::new(ErrorKind::Empty, "no articles: the JSON array is empty"),
            }];
        }
        values
            .par_iter()
            .enumerate()
            .map(|(i, v)| {
                let fallback = format!("{source}#{}", i + 1);
                self.json_article(v, fallback, &warnings)
            })
            .collect()
    }

    fn json_article(&self, v: &serde_json::Value, fallback: String, warnings: &[String]) -> Record {
        let doc = JsonArticle::from_value(v, &self.fields)
            .and_then(|a| a.into_document(fallback.clone()));
        match doc {
            Ok(mut d) => {
                d.warnings.extend(warnings.iter().cloned());
                self.article(d)
            }
            Err(error) => Record::Failed {
                source: json::id_of(v, &self.fields).unwrap_or(fallback),
                error,
            },
        }
    }

    /// One JSONL line; its fallback source is `base#n`. A panic becomes an `internal` error record.
    pub fn process_line(&self, base: &str, n: usize, line: &[u8]) -> Record {
        let guarded = panic::catch_unwind(AssertUnwindSafe(|| {
            self.process_line_unguarded(base, n, line)
        }));
        guarded.unwrap_or_else(|payload| panicked(format!("{base}#{n}"), payload.as_ref()))
    }

    fn process_line_unguarded(&self, base: &str, n: usize, line: &[u8]) -> Record {
        let fallback = format!("{base}#{n}");
        // (Validated by SIMD, as `input::text` validates files: see `sportext::input::text::decode`.)
        let decoded = match simdutf8::basic::from_utf8(line).ok() {
            Some(s) => Ok((s.to_string(), Vec::new())),
            None => text::decode(line),
        };
        let value = decoded.and_then(|(s, w)| {
            serde_json::from_str::<serde_json::Value>(s.trim_start_matches('\u{feff}'))
                .map(|v| (v, w))
                .map_err(|e| Error::new(ErrorKind::Json, format!("invalid JSON on line {n}: {e}")))
        });
        match value {
            Ok((v, w)) => self.json_article(&v, fallback, &w),
            Err(error) => Record::Failed {
                source: fallback,
                error,
            },
        }
    }
}

/// The error record standing in for an input whose processing panicked (a bug): kind `internal`, with the
/// panic message.
pub fn panicked(source: String, payload: &(dyn Any + Send)) -> Record {
    let what = payload
        .downcast_ref::<&str>()
        .copied()
        .or_else(|| payload.downcast_ref::<String>().map(String::as_str))
        .unwrap_or("(no message)");
    // Panic messages may quote the input at length: keep the record short.
    let what = match what.char_indices().nth(300) {
        Some((i, _)) => format!("{}...", &what[..i]),
        None => what.to_string(),
    };
    Record::Failed {
        source,
        error: Error::new(
            ErrorKind::Internal,
            format!("extraction panicked (a bug in sportext: please report this input): {what}"),
        ),
    }
}

fn text_doc(source: &str, bytes: &[u8]) -> Result<Document, Error> {
    let (s, warnings) = text::decode(bytes)?;
    let mut doc = Document::from_text(Some(source.to_string()), &s);
    doc.warnings = warnings;
    Ok(doc)
}

fn html_doc(source: &str, bytes: &[u8]) -> Result<Document, Error> {
    let (html, warnings) = html::decode_html(bytes)?;
    let mut doc = html::parse_html(&html, Some(source.to_string()))?;
    doc.warnings.extend(warnings);
    Ok(doc)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(input: &[u8], cap: u64) -> Vec<(usize, Result<Vec<u8>, ErrorKind>)> {
        let mut r = LineReader::new(BufReader::with_capacity(4, input), cap);
        std::iter::from_fn(|| r.next_line())
            .map(|(n, l)| (n, l.map_err(|e| e.kind)))
            .collect()
    }

    #[test]
    fn capped_lines() {
        assert_eq!(
            lines(b"ab\r\n0123456789\nxyz", 5),
            vec![
                (1, Ok(b"ab".to_vec())),
                (2, Err(ErrorKind::TooLarge)),
                (3, Ok(b"xyz".to_vec()))
            ]
        );
        assert_eq!(lines(b"", 5), vec![]);
        assert_eq!(lines(b"\n\n", 5), vec![(1, Ok(vec![])), (2, Ok(vec![]))]);
    }

    #[test]
    fn a_batch_that_panics_gives_the_error_record_to_its_bad_input_only() {
        let extractor = Extractor::new();
        let ctx = Ctx {
            extractor: &extractor,
            fields: JsonFields::default(),
            include_text: false,
            max_bytes: 1 << 20,
        };
        let texts = [
            "Roger Federer beat Rafael Nadal 6-4 6-3.",
            "BOOM",
            "Andy Murray beat Tim Henman 7-5 6-2.",
        ];
        let mut records: Vec<Record> = texts
            .iter()
            .map(|t| ctx.article(Document::from_text(Some(format!("in/{t}")), t)))
            .chain([Record::Failed {
                source: "in/unreadable".into(),
                error: Error::new(ErrorKind::Io, "denied"),
            }])
            .collect();
        let bad = |d: &Document| d.body == "BOOM";
        ctx.finish_with(
            &mut records,
            |docs| {
                assert!(
                    !docs.iter().any(bad),
                    "a batch without the bad input does not panic here"
                );
                docs.iter().map(|d| extractor.extract_document(d)).collect()
            },
            |doc| {
                assert!(!bad(doc), "the bad input");
                extractor.extract_document(doc)
            },
        );
        // The batch held the bad input, so it panicked: every input was extracted again on its own.
        match &records[0] {
            Record::Article { article, .. } => assert_eq!(article.matches.len(), 1),
            other => panic!("{other:?}"),
        }
        match &records[1] {
            Record::Failed { source, error } => {
                assert_eq!(source, "in/BOOM");
                assert_eq!(error.kind, ErrorKind::Internal);
            }
            other => panic!("{other:?}"),
        }
        match &records[2] {
            Record::Article { article, .. } => assert_eq!(article.players[0].name, "Andy Murray"),
            other => panic!("{other:?}"),
        }
        assert!(matches!(&records[3], Record::Failed { source, .. } if source == "in/unreadable"));
        // Nothing is left pending.
        assert!(!records.iter().any(|r| matches!(r, Record::Pending(_))));
    }

    #[test]
    fn a_panic_becomes_an_internal_error_record() {
        let boom = panic::catch_unwind(|| -> () { panic!("index out of range") }).unwrap_err();
        match panicked("in/a.txt".into(), boom.as_ref()) {
            Record::Failed { source, error } => {
                assert_eq!(source, "in/a.txt");
                assert_eq!(error.kind, ErrorKind::Internal);
                assert!(
                    error.message.ends_with(": index out of range"),
                    "{}",
                    error.message
                );
            }
            other => panic!("{other:?}"),
        }
        let n = 7;
        let boom = panic::catch_unwind(|| -> () { panic!("line {n}") }).unwrap_err();
        match panicked("s".into(), boom.as_ref()) {
            Record::Failed { error, .. } => assert!(error.message.ends_with(": line 7")),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn capped_read() {
        for expected in [0, 3, 5, 6, 100] {
            assert_eq!(read_capped(&b"12345"[..], 5, expected).unwrap(), b"12345");
            assert_eq!(
                read_capped(&b"123456"[..], 5, expected).unwrap_err().kind,
                ErrorKind::TooLarge
            );
        }
        // A file that grew or shrank since its metadata was read is read as it is now.
        assert_eq!(read_capped(&b"123"[..], 5, 2).unwrap(), b"123");
        assert_eq!(read_capped(&b"1"[..], 5, 4).unwrap(), b"1");
    }
}
