import Foundation

/// An exclusive `flock` on `.<name>.bereik-lock` beside the output folder:
/// one run per folder. The lock is released by `release()` or, whatever
/// happens, by the kernel when the process ends (also after SIGKILL). The
/// lock file itself stays; deleting it would let two runs lock two files.
final class OutputLock {
    let path: String
    private var fd: Int32

    /// Takes the lock at once or throws `OutputError.busy`.
    init(path: String, out: String) throws {
        self.path = path
        // O_CLOEXEC: a child process (rsvg-convert) must not inherit and keep the lock.
        fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw OutputError.cannotWrite(path: path, operation: "create the lock file for \(out)", errno: errno) }
        // flock returns 0 when locked; -1 with EWOULDBLOCK when another open file description holds it.
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            let code = errno
            close(fd)
            fd = -1
            if code == EWOULDBLOCK { throw OutputError.busy(out: out, lock: path) }
            throw OutputError.cannotWrite(path: path, operation: "lock", errno: code)
        }
    }

    func release() {
        guard fd >= 0 else { return }
        close(fd)  // closing the only descriptor releases the flock
        fd = -1
    }

    deinit { release() }
}
