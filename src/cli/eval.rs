//! `sportext eval`: scores the extractor against gold annotations. Stand-in until `sportext::eval` lands.

use std::process::ExitCode;

use super::args::EvalArgs;

/// Whether this build has the evaluation module.
pub const AVAILABLE: bool = false;

/// Runs `sportext eval`.
pub fn run(_args: EvalArgs) -> ExitCode {
    unavailable()
}

/// Says that eval is not available and gives the usage-error status.
pub fn unavailable() -> ExitCode {
    eprintln!("sportext: eval not available");
    ExitCode::from(2)
}
