//! The `sportext` command line: a thin shell over the library.
use std::io::Write;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().map(String::as_str) != Some("extract") {
        eprintln!("usage: sportext extract PATH...");
        return ExitCode::from(2);
    }
    let ex = sportext::Extractor::new();
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut failed = false;
    for path in &args[1..] {
        let line = match std::fs::read_to_string(path) {
            Ok(text) => {
                let doc = sportext::Document::from_text(Some(path.clone()), &text);
                serde_json::to_string(&ex.extract_document(&doc)).expect("records serialise")
            }
            Err(e) => {
                failed = true;
                serde_json::json!({"source": path, "error": {"kind": "io", "message": e.to_string()}}).to_string()
            }
        };
        let _ = writeln!(out, "{line}");
    }
    let _ = out.flush();
    if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
