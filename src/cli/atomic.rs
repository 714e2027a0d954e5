//! Atomic output files: written to a temporary file in the target's folder, then renamed over the target. An
//! interrupted run (Ctrl-C, SIGTERM, SIGHUP, an error, a panic) removes the temporary file and leaves any
//! earlier target untouched.

use std::fs::{self, File, OpenOptions};
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// Temporary files to remove if the process is interrupted.
static PENDING: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

/// Installs a SIGINT/SIGTERM/SIGHUP handler that removes pending temporary files and exits with status 130.
pub fn install_signal_cleanup() {
    // An error here means a handler is already installed: nothing to do.
    let _ = ctrlc::set_handler(|| {
        let pending = PENDING.lock().unwrap_or_else(|p| p.into_inner());
        for p in pending.iter() {
            let _ = fs::remove_file(p);
        }
        // Exit while holding the lock, so no rename can happen after the removal.
        std::process::exit(130);
    });
}

/// A file written atomically.
pub struct AtomicFile {
    target: PathBuf,
    tmp: PathBuf,
    out: Option<BufWriter<File>>,
}

impl AtomicFile {
    /// Creates the temporary file next to `target`.
    pub fn create(target: &Path) -> io::Result<Self> {
        let name = target.file_name().ok_or_else(|| {
            io::Error::new(io::ErrorKind::InvalidInput, "the output path names no file")
        })?;
        let dir = match target.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        let mut n = 0u32;
        loop {
            let tmp = dir.join(format!(
                ".{}.{}.{n}.tmp",
                name.to_string_lossy(),
                std::process::id()
            ));
            // Register before creating, so a signal between the two cannot leave the file behind.
            lock().push(tmp.clone());
            match OpenOptions::new().write(true).create_new(true).open(&tmp) {
                Ok(f) => {
                    return Ok(AtomicFile {
                        target: target.to_path_buf(),
                        tmp,
                        out: Some(BufWriter::with_capacity(1 << 16, f)),
                    });
                }
                Err(e) => {
                    unregister(&tmp);
                    if e.kind() != io::ErrorKind::AlreadyExists || n > 100 {
                        return Err(e);
                    }
                    n += 1;
                }
            }
        }
    }

    /// Flushes, syncs and renames the temporary file over the target.
    pub fn commit(mut self) -> io::Result<()> {
        let out = self.out.take().expect("not yet committed");
        let file = out.into_inner().map_err(|e| e.into_error())?;
        file.sync_all()?;
        drop(file);
        let mut pending = lock();
        let res = fs::rename(&self.tmp, &self.target);
        if res.is_err() {
            let _ = fs::remove_file(&self.tmp);
        }
        pending.retain(|p| p != &self.tmp);
        res
    }
}

impl Write for AtomicFile {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.out.as_mut().expect("open").write(buf)
    }
    fn flush(&mut self) -> io::Result<()> {
        self.out.as_mut().expect("open").flush()
    }
}

impl Drop for AtomicFile {
    fn drop(&mut self) {
        if self.out.take().is_some() {
            let _ = fs::remove_file(&self.tmp);
            unregister(&self.tmp);
        }
    }
}

fn lock() -> std::sync::MutexGuard<'static, Vec<PathBuf>> {
    PENDING.lock().unwrap_or_else(|p| p.into_inner())
}

fn unregister(tmp: &Path) {
    lock().retain(|p| p != tmp);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn commit_renames_and_drop_cleans_up() {
        let dir = std::env::temp_dir().join(format!("sportext-atomic-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).unwrap();
        let target = dir.join("out.jsonl");
        fs::write(&target, "old\n").unwrap();
        {
            let mut f = AtomicFile::create(&target).unwrap();
            f.write_all(b"partial").unwrap();
            // dropped without commit
        }
        assert_eq!(fs::read_to_string(&target).unwrap(), "old\n");
        assert_eq!(fs::read_dir(&dir).unwrap().count(), 1);
        let mut f = AtomicFile::create(&target).unwrap();
        f.write_all(b"new\n").unwrap();
        f.commit().unwrap();
        assert_eq!(fs::read_to_string(&target).unwrap(), "new\n");
        assert_eq!(fs::read_dir(&dir).unwrap().count(), 1);
        assert!(lock().is_empty());
        fs::remove_dir_all(&dir).unwrap();
    }
}
