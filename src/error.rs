//! The one error type of the library and the CLI.

use std::fmt;

/// What went wrong, as a stable machine-readable kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorKind {
    /// The input could not be read (missing, permissions, not a regular file...).
    Io,
    /// The input is empty or holds no text.
    Empty,
    /// The input is binary data, not text.
    Binary,
    /// The input's bytes could not be decoded as text.
    Encoding,
    /// The input is larger than the configured limit.
    TooLarge,
    /// A JSON input is malformed or has the wrong shape.
    Json,
    /// An HTML input has no article text.
    Html,
    /// The command line was wrong.
    Usage,
    /// A bug: extraction panicked on this input. The input is reported and the batch goes on.
    Internal,
}

impl ErrorKind {
    /// The kind as written in error records (`io`, `empty`, `binary`, ...).
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorKind::Io => "io",
            ErrorKind::Empty => "empty",
            ErrorKind::Binary => "binary",
            ErrorKind::Encoding => "encoding",
            ErrorKind::TooLarge => "too-large",
            ErrorKind::Json => "json",
            ErrorKind::Html => "html",
            ErrorKind::Usage => "usage",
            ErrorKind::Internal => "internal",
        }
    }
}

/// An error with its kind and a human-readable message naming the cause.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    /// The kind of error.
    pub kind: ErrorKind,
    /// What happened, for people.
    pub message: String,
}

impl Error {
    /// Builds an error.
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> Self {
        Error {
            kind,
            message: message.into(),
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.kind.as_str(), self.message)
    }
}

impl std::error::Error for Error {}
