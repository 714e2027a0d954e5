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
    if !eval::AVAILABLE && std::env::args_os().nth(1).is_some_and(|a| a == "eval") {
        return eval::unavailable();
    }
    let cli = Cli::parse();
    match cli.command {
        Command::Extract(a) if a.stream => stream::run(a),
        Command::Extract(a) => run::extract(a),
        Command::Schema => {
            println!("{}", SCHEMA.trim_end());
            ExitCode::SUCCESS
        }
        Command::Eval(a) => eval::run(a),
    }
}
