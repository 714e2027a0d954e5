//! `sportext extract`: walk, read and extract in parallel, write in input order.

use std::collections::BTreeMap;
use std::fs;
use std::io::{self, BufWriter, IsTerminal, Write};
use std::os::unix::fs::MetadataExt;
use std::panic::{self, AssertUnwindSafe};
use std::process::ExitCode;
use std::sync::{Condvar, Mutex, PoisonError, mpsc};
use std::time::Instant;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use sportext::Extractor;

use super::args::{ExtractArgs, OutputFormat};
use super::atomic::{self, AtomicFile};
use super::output::{FormatWriter, Record, Rendered};
use super::read::{Ctx, Producer, Task};
use super::walk;

/// At most this many error messages go to stderr; the rest are only counted.
const MAX_ERROR_MESSAGES: usize = 20;
/// Inputs per extraction batch (see `Extractor::extract_batch`): a pool thread reads this many, then
/// extracts their articles together.
const GROUP: usize = 16;
/// A group holds at most this many bytes of input (unless one task alone is larger): big inputs go one or a
/// few to a group, so that the threads share them out.
const GROUP_BYTES: u64 = 1 << 20;
/// Groups read but not yet written, per pool thread: enough that a thread never waits for the writer or for
/// a slow group before it, few enough that their text and records stay in the processor's caches.
const IN_FLIGHT_GROUPS_PER_THREAD: usize = 8;
/// The groups read but not yet written hold at most this many bytes of input (unless one group alone is
/// larger).
const IN_FLIGHT_BYTES: u64 = 64 << 20;
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
    let mut producer = Producer::new(found.entries, args.input_format, args.max_bytes);
    let format = args.format;
    // One thread reads the inputs into groups and hands each group to the pool as a task of its own; the main
    // thread writes the groups' records in input order as they come back. No thread waits for a whole chunk of
    // work to finish before the next starts (a worker that ends early takes the next group), and the writing
    // (a slow pipe, a disk) overlaps the extraction. `Flight` bounds what is read but not yet written, so
    // memory stays flat whatever the number of inputs.
    let flight = Flight::new(IN_FLIGHT_GROUPS_PER_THREAD * pool.current_num_threads().max(1));
    let (done_tx, done_rx) = mpsc::channel::<Group>();
    let result = std::thread::scope(|scope| {
        let (ctx, flight) = (&ctx, &flight);
        scope.spawn(move || {
            pool.in_place_scope(|tasks| {
                for seq in 0.. {
                    let (group, weight) = next_group(&mut producer);
                    if group.is_empty() || !flight.enter(weight) {
                        // Every input taken, or the writer stopped on an error: read no more.
                        break;
                    }
                    let done_tx = done_tx.clone();
                    tasks.spawn(move |_| {
                        // Whatever happens, the writer hears of this group (else it would wait for it forever).
                        let done = panic::catch_unwind(AssertUnwindSafe(|| {
                            extract_group(ctx, group, format)
                        }));
                        let _ = done_tx.send(Group { seq, weight, done });
                    });
                }
            });
            // (Moved into this thread: the writer's loop below ends when the last sender is dropped.)
            drop(done_tx);
        });
        // A write error returns early: the flight closes, and the reading thread stops at its next group.
        let _close = CloseOnDrop(flight);
        let mut writer = FormatWriter::new(sink, format)?;
        // Groups that came back before an earlier one, by number.
        let mut waiting = BTreeMap::new();
        let mut next = 0;
        for group in done_rx.iter() {
            waiting.insert(group.seq, group);
            while let Some(group) = waiting.remove(&next) {
                let done = group
                    .done
                    .unwrap_or_else(|payload| panic::resume_unwind(payload));
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
                flight.leave(group.weight);
                next += 1;
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

/// Reads and extracts one group of tasks (see `Extractor::extract_batch`), and renders its records: one
/// [`Done`] per task, in order.
fn extract_group(ctx: &Ctx, group: Vec<Task>, format: OutputFormat) -> Vec<Done> {
    let mut read: Vec<(bool, u64, Vec<Record>)> = group
        .into_iter()
        .map(|t| {
            let (records, bytes) = ctx.process(t.job);
            (t.starts_input, bytes, records)
        })
        .collect();
    ctx.finish(read.iter_mut().flat_map(|r| r.2.iter_mut()));
    read.into_iter()
        .map(|(starts, bytes, records)| {
            let rendered = records.iter().map(|r| r.render(format)).collect();
            (starts, bytes, rendered)
        })
        .collect()
}

/// The next group of tasks and the bytes they hold or will read: at most [`GROUP`] tasks, and at most
/// [`GROUP_BYTES`] unless one task alone is larger. Empty when every input has been taken.
fn next_group(producer: &mut Producer) -> (Vec<Task>, u64) {
    let mut group: Vec<Task> = Vec::with_capacity(GROUP);
    let mut weight = 0;
    while group.len() < GROUP && weight < GROUP_BYTES {
        match producer.next() {
            Some(t) => {
                weight += t.weight();
                group.push(t);
            }
            None => break,
        }
    }
    (group, weight)
}

/// One group's records on their way to the writer, with the group's number (groups come back in any order)
/// and its weight (for [`Flight::leave`]). `done` is the panic of the group's task, if it had one outside
/// the per-input guards of [`Ctx`] (a bug): the writer raises it again.
struct Group {
    seq: usize,
    weight: u64,
    done: std::thread::Result<Vec<Done>>,
}

/// Bounds the groups read but not yet written: at most `max_groups`, holding at most [`IN_FLIGHT_BYTES`] of
/// input (one group alone may hold more).
struct Flight {
    max_groups: usize,
    state: Mutex<FlightState>,
    freed: Condvar,
}

#[derive(Default)]
struct FlightState {
    groups: usize,
    bytes: u64,
    /// Set when the writer stops: no group enters again.
    closed: bool,
}

impl Flight {
    fn new(max_groups: usize) -> Self {
        Flight {
            max_groups: max_groups.max(1),
            state: Mutex::new(FlightState::default()),
            freed: Condvar::new(),
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, FlightState> {
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Waits until a group of `bytes` may enter, and counts it in. False when the flight is closed.
    fn enter(&self, bytes: u64) -> bool {
        let mut s = self.lock();
        while !s.closed
            && s.groups > 0
            && (s.groups >= self.max_groups || s.bytes + bytes > IN_FLIGHT_BYTES)
        {
            s = self.freed.wait(s).unwrap_or_else(PoisonError::into_inner);
        }
        if s.closed {
            return false;
        }
        s.groups += 1;
        s.bytes += bytes;
        true
    }

    /// A group of `bytes` has been written.
    fn leave(&self, bytes: u64) {
        let mut s = self.lock();
        s.groups -= 1;
        s.bytes -= bytes;
        // The reading thread is woken when half the room is free (and at the last group), not at every group:
        // it then hands out several groups at once (on one core each wake is a switch of threads).
        if s.groups * 2 <= self.max_groups {
            self.freed.notify_one();
        }
    }

    fn close(&self) {
        self.lock().closed = true;
        self.freed.notify_all();
    }
}

/// Closes a [`Flight`] when dropped (the writer's end, whether it finished or failed).
struct CloseOnDrop<'a>(&'a Flight);

impl Drop for CloseOnDrop<'_> {
    fn drop(&mut self) {
        self.0.close();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicBool, Ordering};
    use std::time::Duration;

    /// Enters `flight` with `bytes` on another thread while `then` runs here; true when it had entered
    /// before `then` was called (it should wait), and checks that it enters after.
    fn entered_early(flight: &Flight, bytes: u64, then: impl FnOnce()) -> bool {
        let entered = AtomicBool::new(false);
        let early = std::thread::scope(|s| {
            s.spawn(|| {
                assert!(flight.enter(bytes));
                entered.store(true, Ordering::SeqCst);
            });
            std::thread::sleep(Duration::from_millis(50));
            let early = entered.load(Ordering::SeqCst);
            then();
            early
        });
        assert!(entered.load(Ordering::SeqCst));
        early
    }

    #[test]
    fn a_flight_holds_at_most_its_groups() {
        let flight = Flight::new(2);
        assert!(flight.enter(10));
        assert!(flight.enter(20));
        // Full: waits until the writer has written a group (half the room is free).
        assert!(!entered_early(&flight, 5, || flight.leave(10)));
        let s = flight.lock();
        assert_eq!((s.groups, s.bytes), (2, 25));
    }

    #[test]
    fn a_flight_holds_at_most_its_bytes() {
        let flight = Flight::new(8);
        assert!(flight.enter(IN_FLIGHT_BYTES - 1));
        assert!(!entered_early(&flight, 2, || flight.leave(IN_FLIGHT_BYTES - 1)));
        assert!(flight.enter(IN_FLIGHT_BYTES - 2));
        let s = flight.lock();
        assert_eq!((s.groups, s.bytes), (2, IN_FLIGHT_BYTES));
    }

    #[test]
    fn one_group_larger_than_the_bytes_enters_an_empty_flight() {
        let flight = Flight::new(4);
        assert!(flight.enter(IN_FLIGHT_BYTES * 3));
        flight.leave(IN_FLIGHT_BYTES * 3);
        assert!(flight.enter(1));
    }

    #[test]
    fn closing_a_flight_wakes_the_reader_and_lets_nothing_in() {
        let flight = Flight::new(1);
        assert!(flight.enter(1));
        std::thread::scope(|s| {
            let waiting = s.spawn(|| flight.enter(1));
            std::thread::sleep(Duration::from_millis(20));
            drop(CloseOnDrop(&flight));
            assert!(!waiting.join().unwrap());
        });
        assert!(!flight.enter(0));
    }
}
