//! `sportext eval`: scores the extractor against gold annotations with `sportext::eval`.

use std::io::Write;
use std::process::ExitCode;

use sportext::Extractor;
use sportext::eval::{self, KINDS};

use super::args::EvalArgs;

/// Runs `sportext eval`: prints the report (text, or JSON with `--json`); exits 1 when a `--min KIND=F1` floor
/// is not met, 2 for an unknown kind, 1 when the gold or an article cannot be read.
pub fn run(args: EvalArgs) -> ExitCode {
    for (kind, _) in &args.min {
        if kind != "results" && !KINDS.contains(&kind.as_str()) {
            eprintln!(
                "sportext: unknown kind `{kind}` in --min (kinds: {}, results)",
                KINDS.join(", ")
            );
            return ExitCode::from(2);
        }
    }
    let extractor = Extractor::new();
    let report = match eval::run(&extractor, &args.gold, &args.root) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("sportext: eval {}: {e}", args.gold.display());
            return ExitCode::from(1);
        }
    };
    let text = if args.json {
        let json =
            serde_json::to_string_pretty(&report.to_json()).expect("a JSON value serialises");
        format!("{json}\n")
    } else {
        report.to_string()
    };
    // A closed stdout (e.g. `| head`) is not an error of the evaluation.
    let _ = std::io::stdout().lock().write_all(text.as_bytes());
    let mut failed = false;
    for (kind, floor) in &args.min {
        match report.f1(kind) {
            Some(f1) if f1 >= *floor => {}
            Some(f1) => {
                eprintln!("sportext: {kind} F1 {f1:.3} is below the floor {floor:.3}");
                failed = true;
            }
            None => {
                eprintln!("sportext: no F1 for {kind}");
                failed = true;
            }
        }
    }
    if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
