//! The command line: argument parsing, walking, parallel extraction in input order, output formats, stream
//! mode, schema and evaluation. `main.rs` only calls [`main`].

mod args;
mod atomic;
mod eval;
mod output;
mod read;
mod run;
mod stream;
mod walk;

use std::process::ExitCode;

use clap::Parser;

use args::{Cli, Command};

/// The JSON Schema of the output records.
const SCHEMA: &str = include_str!("../../schema/article.schema.json");

/// Parses the command line and runs the subcommand; returns the exit status.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Extract(a) if a.stream => stream::run(a),
        Command::Extract(a) => run::extract(a),
        Command::Schema => {
            let schema = format!("{}\n", SCHEMA.trim_end());
            let _ = std::io::Write::write_all(&mut std::io::stdout().lock(), schema.as_bytes());
            ExitCode::SUCCESS
        }
        Command::Eval(a) => eval::run(a),
    }
}
