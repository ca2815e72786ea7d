//! Who may read a session file: the directory is created with mode 0700 and files are written
//! with mode 0600 (narrower if the file they replace was: a mode is never widened); a file that
//! other users could read is refused. Outside unix these are no-ops.

use std::fs;
use std::io;
use std::path::Path;

use crate::error::Error;

/// The mode for a new session file: 0600, narrowed to the mode of the file it replaces.
pub(super) fn target_mode(path: &Path) -> u32 {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        match fs::metadata(path) {
            Ok(metadata) => metadata.permissions().mode() & 0o600,
            Err(_) => 0o600,
        }
    }
    #[cfg(not(unix))]
    {
        let _ = path;
        0o600
    }
}

#[cfg(unix)]
pub(crate) fn create_private_dir(dir: &Path) -> io::Result<()> {
    use std::os::unix::fs::DirBuilderExt as _;
    fs::DirBuilder::new()
        .recursive(true)
        .mode(0o700)
        .create(dir)
}

#[cfg(not(unix))]
pub(crate) fn create_private_dir(dir: &Path) -> io::Result<()> {
    fs::create_dir_all(dir)
}

/// Makes `builder` create its file with `mode` (on unix; elsewhere the default stays).
pub(super) fn create_with_mode(builder: &mut tempfile::Builder<'_, '_>, mode: u32) {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        builder.permissions(fs::Permissions::from_mode(mode));
    }
    #[cfg(not(unix))]
    let _ = (builder, mode);
}

#[cfg(unix)]
pub(super) fn set_mode(file: &fs::File, mode: u32) -> io::Result<()> {
    use std::os::unix::fs::PermissionsExt as _;
    // Exactly `mode`, whatever the umask made of the creation mode (it can only narrow it).
    file.set_permissions(fs::Permissions::from_mode(mode))
}

#[cfg(not(unix))]
pub(super) fn set_mode(_file: &fs::File, _mode: u32) -> io::Result<()> {
    Ok(())
}

/// Flushes the directory entry of the rename to disk, where the platform allows it. A
/// failure is not reported: the file itself is already on disk, and some file systems do
/// not sync directories.
pub(super) fn sync_dir(dir: &Path) {
    #[cfg(unix)]
    if let Ok(dir) = fs::File::open(dir) {
        let _ = dir.sync_all();
    }
    #[cfg(not(unix))]
    let _ = dir;
}

/// Refuses a session file that other users can read or write.
#[cfg(unix)]
pub(super) fn check_private(metadata: &fs::Metadata, path: &Path) -> Result<(), Error> {
    use std::os::unix::fs::PermissionsExt as _;
    let mode = metadata.permissions().mode() & 0o777;
    if mode & 0o077 != 0 {
        return Err(Error::file(
            path,
            format!(
                "the saved session is open to other users (mode {mode:03o}), and its cookies are as good as a password: run `chmod 600 {}` if only you could have read it, otherwise delete it and log in again",
                path.display()
            ),
        ));
    }
    Ok(())
}

#[cfg(not(unix))]
pub(super) fn check_private(_metadata: &fs::Metadata, _path: &Path) -> Result<(), Error> {
    Ok(())
}
