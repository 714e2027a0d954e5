//! The `sportext` command line: a thin shell over the library (see `sportext --help`).
#![forbid(unsafe_code)]

mod cli;

/// mimalloc: the extractor allocates many small, short-lived strings and vectors per article; mimalloc serves
/// them about 15% faster end to end than the system allocator on this workload (see README, Speed).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    cli::main()
}
