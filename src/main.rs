//! The `sportext` command line: a thin shell over the library (see `sportext --help`).
#![forbid(unsafe_code)]

mod cli;

fn main() -> std::process::ExitCode {
    cli::main()
}
