//! Command-line arguments.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// sportext: typed records with evidence spans from sports news articles.
#[derive(Debug, Parser)]
#[command(name = "sportext", version, about, propagate_version = true)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Extract records from articles: one output record per input article, in input order.
    ///
    /// PATHs are files or folders (walked recursively in byte-wise path order); `-` or no PATH reads stdin.
    /// Formats by extension: .txt text, .html/.htm HTML, .json one object or an array of objects, .jsonl one
    /// object per line; other files are sniffed (HTML or text). An input that cannot be read gives an error
    /// record {"source", "error": {"kind", "message"}} in its place. Source of a JSON article: its id field
    /// when present, else PATH#N (N = 1-based array index or line number).
    ///
    /// Exit status: 0 when every input was read, 1 when some gave error records, 2 on a usage error.
    Extract(ExtractArgs),
    /// Print the JSON Schema of the output records.
    Schema,
    /// Score the extractor against gold annotations.
    Eval(EvalArgs),
}

/// Input formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum InputFormat {
    /// Plain text (a first line that reads as a title becomes the headline).
    Text,
    /// An HTML page.
    Html,
    /// One JSON object or an array of objects.
    Json,
    /// JSON Lines: one object per line.
    Jsonl,
}

/// Output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OutputFormat {
    /// One JSON record per line.
    Jsonl,
    /// One JSON array of records.
    Json,
    /// One row per match: source, winner, loser, score, outcome, round, tournament, evidence.
    Csv,
}

/// Arguments of `sportext extract`.
#[derive(Debug, Args)]
pub struct ExtractArgs {
    /// Files or folders to read; `-` (or nothing) reads stdin.
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,

    /// Format of the inputs [default: by extension; stdin and unknown extensions are sniffed].
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub input_format: Option<InputFormat>,

    /// Output format.
    #[arg(long, value_enum, default_value = "jsonl", value_name = "FORMAT")]
    pub format: OutputFormat,

    /// Write the output to FILE (atomically: a temporary file in the same folder, then a rename).
    #[arg(short = 'o', long, value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// Worker threads [default: all cores]. The output is the same whatever the number.
    #[arg(short = 'j', long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    pub jobs: Option<u16>,

    /// Add to each record the `text` its evidence offsets point into.
    #[arg(long)]
    pub include_text: bool,

    /// Size limit per input (and per JSONL line), in bytes; K, M and G suffixes (powers of 1024) accepted.
    ///
    /// A larger input is not read: it gives a `too-large` error record and the run goes on. The default, 16M,
    /// is far above any real article or page (most are under 1 MB) while bounding the memory and time one
    /// input can take. A `.json` array counts as one input: give big collections as JSONL, or raise the limit.
    #[arg(long, value_name = "N", default_value = "16M", value_parser = parse_size)]
    pub max_bytes: u64,

    /// Follow symbolic links when walking folders.
    #[arg(long)]
    pub follow_links: bool,

    /// Stream mode: read JSONL records on stdin, write one output line per input line as soon as it is done.
    #[arg(long, conflicts_with_all = ["paths", "output", "format", "input_format"])]
    pub stream: bool,

    /// No progress bar, no summary, no error messages on stderr (error records are still written).
    #[arg(short, long)]
    pub quiet: bool,

    /// JSON field(s) holding the article text, tried in order [default: text, body, content, articleBody].
    #[arg(long, value_name = "NAME")]
    pub text_field: Vec<String>,

    /// JSON field(s) holding the headline [default: title, headline].
    #[arg(long, value_name = "NAME")]
    pub title_field: Vec<String>,

    /// JSON field(s) holding the article id, used as its source [default: id, url].
    #[arg(long, value_name = "NAME")]
    pub id_field: Vec<String>,

    /// JSON field(s) holding the publication date [default: date, published, datePublished].
    #[arg(long, value_name = "NAME")]
    pub date_field: Vec<String>,
}

/// Arguments of `sportext eval`.
#[derive(Debug, Args)]
pub struct EvalArgs {
    /// The gold annotations (JSONL).
    #[arg(long, value_name = "GOLD.jsonl")]
    pub gold: PathBuf,

    /// Folder the gold file's article paths are relative to.
    #[arg(long, value_name = "DIR", default_value = ".")]
    pub root: PathBuf,

    /// Print the report as JSON.
    #[arg(long)]
    pub json: bool,

    /// Fail (exit 1) when a kind's F1 is below a floor, e.g. `--min results=0.90`. Repeatable.
    #[arg(long = "min", value_name = "KIND=F1", value_parser = parse_floor)]
    pub min: Vec<(String, f64)>,
}

impl ExtractArgs {
    /// The JSON field names to use, the defaults replaced by the options given.
    pub fn json_fields(&self) -> sportext::input::json::JsonFields {
        let mut f = sportext::input::json::JsonFields::default();
        let replace = |dst: &mut Vec<String>, src: &Vec<String>| {
            if !src.is_empty() {
                dst.clone_from(src);
            }
        };
        replace(&mut f.text, &self.text_field);
        replace(&mut f.title, &self.title_field);
        replace(&mut f.id, &self.id_field);
        replace(&mut f.date, &self.date_field);
        f
    }
}

/// Parses a size such as `1048576`, `512K`, `16M`, `1G` (powers of 1024; a trailing `B`/`iB` is allowed).
pub fn parse_size(s: &str) -> Result<u64, String> {
    let t = s.trim();
    let t = t
        .strip_suffix("iB")
        .or_else(|| t.strip_suffix('B'))
        .unwrap_or(t);
    let (num, mult) = match t.char_indices().last() {
        Some((i, c)) if c.is_ascii_alphabetic() => {
            let m = match c.to_ascii_uppercase() {
                'K' => 1u64 << 10,
                'M' => 1 << 20,
                'G' => 1 << 30,
                _ => return Err(format!("unknown size suffix in `{s}` (use K, M or G)")),
            };
            (&t[..i], m)
        }
        _ => (t, 1),
    };
    let n: u64 = num
        .trim()
        .parse()
        .map_err(|_| format!("`{s}` is not a size (e.g. 1048576, 512K, 16M)"))?;
    let v = n
        .checked_mul(mult)
        .ok_or_else(|| format!("`{s}` is too large"))?;
    if v == 0 {
        return Err("the size must be at least 1 byte".into());
    }
    Ok(v)
}

/// Parses `KIND=F1` with F1 in [0, 1].
pub fn parse_floor(s: &str) -> Result<(String, f64), String> {
    let (kind, val) = s
        .split_once('=')
        .ok_or_else(|| format!("expected KIND=F1, e.g. results=0.90, got `{s}`"))?;
    let kind = kind.trim();
    if kind.is_empty() {
        return Err(format!("missing KIND in `{s}`"));
    }
    let f: f64 = val
        .trim()
        .parse()
        .map_err(|_| format!("`{val}` is not a number"))?;
    if !(0.0..=1.0).contains(&f) {
        return Err(format!("F1 floor {f} is not between 0 and 1"));
    }
    Ok((kind.to_string(), f))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes() {
        assert_eq!(parse_size("100"), Ok(100));
        assert_eq!(parse_size("16M"), Ok(16 << 20));
        assert_eq!(parse_size("2k"), Ok(2048));
        assert_eq!(parse_size("1GiB"), Ok(1 << 30));
        assert_eq!(parse_size("3KB"), Ok(3072));
        assert!(parse_size("0").is_err());
        assert!(parse_size("12X").is_err());
        assert!(parse_size("abc").is_err());
    }

    #[test]
    fn floors() {
        assert_eq!(parse_floor("results=0.9"), Ok(("results".into(), 0.9)));
        assert!(parse_floor("results").is_err());
        assert!(parse_floor("results=1.5").is_err());
        assert!(parse_floor("=0.5").is_err());
    }

    #[test]
    fn clap_definition_is_valid() {
        use clap::CommandFactory;
        Cli::command().debug_assert();
    }
}
