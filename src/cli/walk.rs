//! Expanding the command-line paths into the list of inputs: folders walked recursively in byte-wise path
//! order, symlinks inside folders skipped unless followed, loops and special files turned into errors. Nothing
//! is opened here (a FIFO is never opened).

use std::fs;
use std::io;
use std::os::unix::ffi::OsStrExt;
use std::os::unix::fs::{FileTypeExt, MetadataExt};
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use sportext::{Error, ErrorKind};

use super::args::InputFormat;

/// One input found on the command line or in a folder.
#[derive(Debug, Clone, PartialEq)]
pub enum Entry {
    /// A regular file.
    File {
        /// The path as given (for folder entries: the folder as given joined with the relative path).
        source: String,
        /// The path to open.
        path: PathBuf,
        /// Its size from the metadata.
        size: u64,
        /// The format by extension; `None` = sniff.
        format: Option<InputFormat>,
    },
    /// Standard input.
    Stdin,
    /// An input that cannot be read: it becomes an error record.
    Failed {
        /// The path as given.
        source: String,
        /// Why.
        error: Error,
    },
}

/// What the walk found, plus the number of symlinks it did not follow.
#[derive(Debug, Default)]
pub struct Walk {
    /// The inputs, in order.
    pub entries: Vec<Entry>,
    /// Symbolic links met in folders and not followed (no `--follow-links`).
    pub skipped_links: usize,
}

/// The format a file's extension names (case-insensitive); `None` for an unknown extension.
pub fn format_by_extension(path: &Path) -> Option<InputFormat> {
    let ext = path.extension()?.to_str()?.to_ascii_lowercase();
    match ext.as_str() {
        "txt" | "text" => Some(InputFormat::Text),
        "html" | "htm" | "xhtml" => Some(InputFormat::Html),
        "json" => Some(InputFormat::Json),
        "jsonl" | "ndjson" => Some(InputFormat::Jsonl),
        _ => None,
    }
}

/// Expands `paths` (no paths = stdin). `exclude` is the (device, inode) of a file to leave out (the output
/// file, so that re-running into a walked folder does not read its own output).
pub fn expand(paths: &[PathBuf], follow_links: bool, exclude: Option<(u64, u64)>) -> Walk {
    let mut walk = Walk::default();
    if paths.is_empty() {
        walk.entries.push(Entry::Stdin);
        return walk;
    }
    for path in paths {
        if path.as_os_str() == "-" {
            walk.entries.push(Entry::Stdin);
            continue;
        }
        let source = path.to_string_lossy().into_owned();
        // Paths named on the command line are followed, like every other tool does.
        match fs::metadata(path) {
            Err(e) => walk.entries.push(Entry::Failed {
                source,
                error: io_error(&e),
            }),
            Ok(meta) if meta.is_dir() => {
                let mut found = Vec::new();
                let mut ancestors = vec![(meta.dev(), meta.ino())];
                let mut ctx = WalkCtx {
                    root: path,
                    follow_links,
                    exclude,
                    found: &mut found,
                    skipped_links: 0,
                };
                ctx.visit(path, PathBuf::new(), &mut ancestors);
                walk.skipped_links += ctx.skipped_links;
                found.sort_by(|a, b| a.0.cmp(&b.0));
                walk.entries.extend(found.into_iter().map(|(_, e)| e));
            }
            Ok(meta) => {
                if exclude == Some((meta.dev(), meta.ino())) {
                    continue;
                }
                walk.entries.push(file_entry(source, path.clone(), &meta));
            }
        }
    }
    walk
}

struct WalkCtx<'a> {
    root: &'a Path,
    follow_links: bool,
    exclude: Option<(u64, u64)>,
    /// (relative path bytes, entry): sorted at the end, so the order is byte-wise by path.
    found: &'a mut Vec<(Vec<u8>, Entry)>,
    skipped_links: usize,
}

impl WalkCtx<'_> {
    fn push(&mut self, rel: &Path, entry: Entry) {
        self.found
            .push((rel.as_os_str().as_bytes().to_vec(), entry));
    }

    /// An error record for `rel` from an I/O error while walking.
    fn fail(&mut self, rel: &Path, e: &std::io::Error) {
        let source = self.source(rel);
        self.push(
            rel,
            Entry::Failed {
                source,
                error: io_error(e),
            },
        );
    }

    fn source(&self, rel: &Path) -> String {
        self.root.join(rel).to_string_lossy().into_owned()
    }

    fn visit(&mut self, dir: &Path, rel: PathBuf, ancestors: &mut Vec<(u64, u64)>) {
        let read = match fs::read_dir(dir) {
            Ok(r) => r,
            Err(e) => {
                self.fail(&rel, &e);
                return;
            }
        };
        // The entries' metadata (one `stat` each, the walk's main cost on a folder of many small files) is
        // read in parallel on the pool, then the entries are taken in order as before.
        let items: Vec<io::Result<fs::DirEntry>> = read.collect();
        let metas: Vec<Option<io::Result<fs::Metadata>>> = items
            .par_iter()
            .map(|item| {
                let item = item.as_ref().ok()?;
                let is_link = item.file_type().map(|t| t.is_symlink()).unwrap_or(false);
                if is_link && !self.follow_links {
                    return None;
                }
                Some(if is_link {
                    fs::metadata(item.path())
                } else {
                    fs::symlink_metadata(item.path())
                })
            })
            .collect();
        for (item, meta) in items.into_iter().zip(metas) {
            let item = match item {
                Ok(i) => i,
                Err(e) => {
                    self.fail(&rel, &e);
                    continue;
                }
            };
            let child_rel = rel.join(item.file_name());
            let child = item.path();
            let source = self.source(&child_rel);
            let Some(meta) = meta else {
                // A symbolic link, not followed.
                self.skipped_links += 1;
                continue;
            };
            let meta = match meta {
                Ok(m) => m,
                Err(e) => {
                    self.fail(&child_rel, &e);
                    continue;
                }
            };
            let id = (meta.dev(), meta.ino());
            if meta.is_dir() {
                if ancestors.contains(&id) {
                    self.push(
                        &child_rel,
                        Entry::Failed {
                            source,
                            error: Error::new(
                                ErrorKind::Io,
                                "symbolic link loop: the link points to a folder that contains it",
                            ),
                        },
                    );
                    continue;
                }
                ancestors.push(id);
                self.visit(&child, child_rel, ancestors);
                ancestors.pop();
            } else {
                if self.exclude == Some(id) {
                    continue;
                }
                let entry = file_entry(source, child, &meta);
                self.push(&child_rel, entry);
            }
        }
    }
}

/// A regular file becomes an input; anything else (FIFO, socket, device) an error, without opening it.
fn file_entry(source: String, path: PathBuf, meta: &fs::Metadata) -> Entry {
    let ft = meta.file_type();
    let what = if ft.is_file() {
        return Entry::File {
            format: format_by_extension(&path),
            source,
            path,
            size: meta.len(),
        };
    } else if ft.is_fifo() {
        "a named pipe (FIFO)"
    } else if ft.is_socket() {
        "a socket"
    } else if ft.is_block_device() || ft.is_char_device() {
        "a device"
    } else {
        "not a regular file"
    };
    Entry::Failed {
        source,
        error: Error::new(
            ErrorKind::Io,
            format!("{what}, not a regular file: not read"),
        ),
    }
}

/// An I/O error as a library error, with a plainer message for the common cases.
pub fn io_error(e: &io::Error) -> Error {
    let message = match e.raw_os_error() {
        Some(40) => "symbolic link loop (too many levels of symbolic links)".to_string(),
        _ => match e.kind() {
            io::ErrorKind::NotFound => "no such file or folder".to_string(),
            io::ErrorKind::PermissionDenied => "permission denied".to_string(),
            _ => e.to_string(),
        },
    };
    Error::new(ErrorKind::Io, message)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extensions() {
        assert_eq!(
            format_by_extension(Path::new("a/b.TXT")),
            Some(InputFormat::Text)
        );
        assert_eq!(
            format_by_extension(Path::new("b.htm")),
            Some(InputFormat::Html)
        );
        assert_eq!(
            format_by_extension(Path::new("b.json")),
            Some(InputFormat::Json)
        );
        assert_eq!(
            format_by_extension(Path::new("b.jsonl")),
            Some(InputFormat::Jsonl)
        );
        assert_eq!(format_by_extension(Path::new("b.dat")), None);
        assert_eq!(format_by_extension(Path::new("README")), None);
    }

    #[test]
    fn walk_order_is_bytewise_by_path() {
        let dir = std::env::temp_dir().join(format!("sportext-walk-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(dir.join("b")).unwrap();
        for f in ["b/x.txt", "b-c.txt", "a.txt", "B.txt"] {
            fs::write(dir.join(f), "x").unwrap();
        }
        let w = expand(std::slice::from_ref(&dir), false, None);
        let names: Vec<String> = w
            .entries
            .iter()
            .map(|e| match e {
                Entry::File { source, .. } => source
                    .rsplit_once(&*dir.to_string_lossy())
                    .unwrap()
                    .1
                    .into(),
                other => panic!("{other:?}"),
            })
            .collect();
        assert_eq!(names, ["/B.txt", "/a.txt", "/b-c.txt", "/b/x.txt"]);
        fs::remove_dir_all(&dir).unwrap();
    }
}
