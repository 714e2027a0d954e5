//! `sportext extract --stream`: JSONL records in on stdin, one output line per input line, each written and
//! flushed as soon as it is done. Memory stays bounded: lines are read one at a time with a length cap.

use std::io::{self, Write};
use std::process::ExitCode;
use std::time::Instant;

use sportext::{Error, ErrorKind, Extractor};

use super::args::{ExtractArgs, OutputFormat};
use super::output::{FormatWriter, Record};
use super::read::{Ctx, LineReader};
use super::run::Stats;

/// Runs stream mode. A blank line gives an `empty` error record, so that every input line has its output line;
/// records without an id get the source `stdin#N`.
pub fn run(args: ExtractArgs) -> ExitCode {
    let started = Instant::now();
    let extractor = Extractor::new();
    let ctx = Ctx {
        extractor: &extractor,
        fields: args.json_fields(),
        include_text: args.include_text,
        max_bytes: args.max_bytes,
    };
    let mut lines = LineReader::new(io::stdin().lock(), args.max_bytes);
    let mut stats = Stats {
        inputs: 1,
        ..Stats::default()
    };
    let result = (|| -> io::Result<()> {
        let mut writer = FormatWriter::new(io::stdout().lock(), OutputFormat::Jsonl)?;
        writer.flush_each = true;
        while let Some((n, line)) = lines.next_line() {
            let record = match line {
                Ok(l) if l.iter().all(u8::is_ascii_whitespace) => Record::Failed {
                    source: format!("stdin#{n}"),
                    error: Error::new(ErrorKind::Empty, "blank line"),
                },
                Ok(l) => {
                    stats.bytes += l.len() as u64 + 1;
                    ctx.process_line("stdin", n, &l)
                }
                Err(error) => Record::Failed {
                    source: format!("stdin#{n}"),
                    error,
                },
            };
            let mut record = record;
            ctx.finish([&mut record]);
            let r = record.render(OutputFormat::Jsonl);
            stats.count(&r, args.quiet, None);
            writer.write(&r)?;
        }
        writer.finish()?.flush()
    })();
    if let Err(e) = result
        && e.kind() != io::ErrorKind::BrokenPipe
    {
        eprintln!("sportext: cannot write stdout: {e}");
        return ExitCode::from(1);
    }
    if !args.quiet {
        stats.summary(started, "");
    }
    stats.exit_code()
}
