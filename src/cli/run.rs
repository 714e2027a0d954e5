//! `sportext extract`: walk, read and extract in parallel, write in input order.

use std::fs;
use std::io::{self, BufWriter, IsTerminal, Write};
use std::os::unix::fs::MetadataExt;
use std::process::ExitCode;
use std::sync::mpsc;
use std::time::Instant;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use rayon::prelude::*;
use sportext::Extractor;

use super::args::ExtractArgs;
use super::atomic::{self, AtomicFile};
use super::output::{FormatWriter, Record, Rendered};
use super::read::{Ctx, Producer, Task};
use super::walk;

/// At most this many error messages go to stderr; the rest are only counted.
const MAX_ERROR_MESSAGES: usize = 20;
/// A chunk of tasks holds at most this many bytes of input (unless one task alone is larger).
const CHUNK_BYTES: u64 = 64 << 20;
/// Inputs per extraction batch (see `Extractor::extract_batch`): a pool thread reads this many, then
/// extracts their articles together.
const GROUP: usize = 16;
/// One input's records, rendered: whether the task starts its input, the bytes read, the records.
type Done = (bool, u64, Vec<Rendered>);
/// Show a progress bar from this many inputs on.
const PROGRESS_MIN_INPUTS: usize = 20;

/// Where the output goes.
enum Sink {
    Stdout(BufWriter<io::StdoutLock<'static>>),
    /// A new or regular file, replaced when the run ends (nothing partial is left on failure).
    File(AtomicFile),
    /// An existing path that is no regular file (a device such as `/dev/null`, a named pipe): written in place,
    /// never replaced.
    Special(BufWriter<fs::File>),
}

impl Write for Sink {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        match self {
            Sink::Stdout(w) => w.write(buf),
            Sink::File(w) => w.write(buf),
            Sink::Special(w) => w.write(buf),
        }
    }
    fn flush(&mut self) -> io::Result<()> {
        match self {
            Sink::Stdout(w) => w.flush(),
            Sink::File(w) => w.flush(),
            Sink::Special(w) => w.flush(),
        }
    }
}

/// Counts for the summary line and the exit status.
#[derive(Debug, Default)]
pub struct Stats {
    /// Inputs (files, stdin, failed paths).
    pub inputs: usize,
    /// Article records written.
    pub articles: usize,
    /// Matches in them.
    pub matches: usize,
    /// Error records written.
    pub errors: usize,
    /// Bytes read.
    pub bytes: u64,
}

impl Stats {
    /// Counts one rendered record, printing its error message (the first few) unless quiet.
    pub fn count(&mut self, r: &Rendered, quiet: bool, pb: Option<&ProgressBar>) {
        match &r.error {
            Some(msg) => {
                self.errors += 1;
                if !quiet && self.errors <= MAX_ERROR_MESSAGES {
                    let line = format!("sportext: {msg}");
                    match pb {
                        Some(pb) => pb.suspend(|| eprintln!("{line}")),
                        None => eprintln!("{line}"),
                    }
                }
            }
            None => {
                self.articles += 1;
                self.matches += r.matches;
            }
        }
    }

    /// Prints the summary line on stderr.
    pub fn summary(&self, started: Instant, extra: &str) {
        if self.errors > MAX_ERROR_MESSAGES {
            eprintln!(
                "sportext: ... and {} more error records",
                self.errors - MAX_ERROR_MESSAGES
            );
        }
        let secs = started.elapsed().as_secs_f64();
        let mb = self.bytes as f64 / 1e6;
        let rate = if secs > 0.0 { mb / secs } else { 0.0 };
        eprintln!(
            "sportext: {} inputs, {} articles, {} matches, {} errors; {mb:.1} MB in {secs:.2} s ({rate:.1} MB/s){extra}",
            self.inputs, self.articles, self.matches, self.errors
        );
    }

    /// 0 when every input was read, 1 when some gave error records.
    pub fn exit_code(&self) -> ExitCode {
        if self.errors > 0 {
            ExitCode::from(1)
        } else {
            ExitCode::SUCCESS
        }
    }
}

/// Runs `sportext extract` (not in stream mode).
pub fn extract(args: ExtractArgs) -> ExitCode {
    let started = Instant::now();
    if args.paths.is_empty() && io::stdin().is_terminal() {
        eprintln!(
            "sportext: no PATH given and stdin is a terminal (give files or folders, or `-` to type)"
        );
        return ExitCode::from(2);
    }
    let pool = match rayon::ThreadPoolBuilder::new()
        .num_threads(args.jobs.map_or(0, usize::from))
        .build()
    {
        Ok(p) => p,
        Err(e) => {
            eprintln!("sportext: cannot start worker threads: {e}");
            return ExitCode::from(1);
        }
    };
    let exclude = args
        .output
        .as_ref()
        .and_then(|o| fs::metadata(o).ok())
        .map(|m| (m.dev(), m.ino()));
    // Walk the folders while the patterns compile (on two pool threads when there are two).
    let (found, extractor) = pool.install(|| {
        rayon::join(
            || walk::expand(&args.paths, args.follow_links, exclude),
            Extractor::new,
        )
    });
    let mut stats = Stats {
        inputs: found.entries.len(),
        ..Stats::default()
    };
    let sink = match &args.output {
        Some(path) => {
            let special = fs::metadata(path).is_ok_and(|m| !m.is_file() && !m.is_dir());
            let opened = if special {
                fs::OpenOptions::new()
                    .write(true)
                    .open(path)
                    .map(|f| Sink::Special(BufWriter::with_capacity(1 << 16, f)))
            } else {
                atomic::install_signal_cleanup();
                AtomicFile::create(path).map(Sink::File)
            };
            match opened {
                Ok(sink) => sink,
                Err(e) => {
                    eprintln!("sportext: cannot write {}: {e}", path.display());
                    return ExitCode::from(1);
                }
            }
        }
        None => Sink::Stdout(BufWriter::with_capacity(1 << 16, io::stdout().lock())),
    };
    let pb = (!args.quiet && io::stderr().is_terminal() && stats.inputs >= PROGRESS_MIN_INPUTS)
        .then(|| {
            let pb = ProgressBar::with_draw_target(
                Some(stats.inputs as u64),
                ProgressDrawTarget::stderr(),
            );
            let style = ProgressStyle::with_template(
                "{bar:40} {pos}/{len} inputs, {elapsed} ({eta} left) {msg}",
            )
            .unwrap_or_else(|_| ProgressStyle::default_bar());
            pb.set_style(style);
            pb
        });

    let ctx = Ctx {
        extractor: &extractor,
        fields: args.json_fields(),
        include_text: args.include_text,
        max_bytes: args.max_bytes,
    };
    let chunk_tasks = 256 * pool.current_num_threads().max(1);
    let mut producer = Producer::new(found.entries, args.input_format, args.max_bytes);
    let format = args.format;
    // One thread reads and extracts chunk after chunk on the pool while this one writes the chunk before: the
    // workers never wait for the output (a slow pipe, a disk). The channel holds one chunk, so at most three
    // are in memory (one being extracted, one waiting, one being written) whatever the number of inputs.
    let (done_tx, done_rx) = mpsc::sync_channel::<Vec<Done>>(1);
    let result = std::thread::scope(|scope| {
        scope.spawn(|| {
            loop {
                let chunk = next_chunk(&mut producer, chunk_tasks);
                if chunk.is_empty() {
                    break;
                }
                // Inputs are read in groups of GROUP, whose articles are extracted in one batch (see
                // `Extractor::extract_batch`); order is kept.
                let done: Vec<Done> = pool.install(|| {
                    chunk
                        .into_par_iter()
                        .chunks(GROUP)
                        .flat_map_iter(|group| {
                            let mut read: Vec<(bool, u64, Vec<Record>)> = group
                                .into_iter()
                                .map(|t| {
                                    let (records, bytes) = ctx.process(t.job);
                                    (t.starts_input, bytes, records)
                                })
                                .collect();
                            ctx.finish(read.iter_mut().flat_map(|r| r.2.iter_mut()));
                            read.into_iter().map(move |(starts, bytes, records)| {
                                let rendered = records.iter().map(|r| r.render(format)).collect();
                                (starts, bytes, rendered)
                            })
                        })
                        .collect()
                });
                if done_tx.send(done).is_err() {
                    // The writer stopped on an error: read no more.
                    break;
                }
            }
            // (Moved into this thread: the writer's loop below ends when it is dropped here.)
            drop(done_tx);
        });
        // Moved into this closure: a write error returns early and drops it, and the reading thread stops at its
        // next send.
        let done_rx = done_rx;
        let mut writer = FormatWriter::new(sink, format)?;
        for done in done_rx.iter() {
            for (starts, bytes, rendered) in done {
                stats.bytes += bytes;
                for r in &rendered {
                    stats.count(r, args.quiet, pb.as_ref());
                    writer.write(r)?;
                }
                if starts && let Some(pb) = &pb {
                    pb.inc(1);
                }
            }
        }
        writer.finish()
    });
    if let Some(pb) = &pb {
        pb.finish_and_clear();
    }
    let committed = match result {
        Ok(Sink::File(f)) => f.commit(),
        Ok(Sink::Stdout(_) | Sink::Special(_)) => Ok(()),
        Err(e) => Err(e),
    };
    if let Err(e) = &committed {
        if e.kind() == io::ErrorKind::BrokenPipe {
            // The reader went away (e.g. `| head`): stop quietly.
            return stats.exit_code();
        }
        let target = args
            .output
            .as_ref()
            .map_or("stdout".to_string(), |p| p.display().to_string());
        eprintln!("sportext: cannot write {target}: {e}");
        return ExitCode::from(1);
    }
    if !args.quiet {
        let extra = if found.skipped_links > 0 {
            format!(
                "; {} symbolic links not followed (--follow-links)",
                found.skipped_links
            )
        } else {
            String::new()
        };
        stats.summary(started, &extra);
    }
    stats.exit_code()
}

/// The next chunk of tasks: at most `max_tasks`, and at most [`CHUNK_BYTES`] of input unless one task alone is
/// larger. Empty when every input has been taken.
fn next_chunk(producer: &mut Producer, max_tasks: usize) -> Vec<Task> {
    let mut chunk: Vec<Task> = Vec::with_capacity(max_tasks);
    let mut weight = 0;
    while chunk.len() < max_tasks && weight < CHUNK_BYTES {
        match producer.next() {
            Some(t) => {
                weight += t.weight();
                chunk.push(t);
            }
            None => break,
        }
    }
    chunk
}
