import Foundation

/// The output folder as one transaction. A run writes everything (data,
/// GeoPackage, maps, viewer, report, run.json) into a staging folder beside
/// the output folder, `.<name>.bereik-staging-<pid>-<random>`, and `commit()`
/// replaces the output folder with it in one step:
///
/// - `renameat2(RENAME_EXCHANGE)` swaps the two folders atomically (Linux ≥ 3.15,
///   looked up at run time); the old output, now under the staging name, is removed.
/// - Where the file system cannot exchange, two renames: output → `.<name>.bereik-old-<pid>-<random>`,
///   staging → output. A run killed between the two leaves the output missing and the
///   old folder whole; the next run into that folder puts it back before anything else.
///
/// So after any failure or signal the folder holds exactly the previous
/// complete output or exactly the new one, and files of an earlier run that
/// this run does not write are gone. One run per folder (`OutputLock`);
/// inputs are never inside the folder (`InputGuard`); a non-empty folder
/// bereik did not write is refused; leftovers of dead runs are removed at
/// the next start (`StaleOutputCleanup`); SIGINT/SIGTERM remove the staging
/// folder before exit (`InterruptCleanup`).
public final class OutputTransaction: @unchecked Sendable {
    /// The output folder, absolute with symbolic links resolved.
    public let out: String
    /// Where this run writes; replaces `out` at `commit()`.
    public let staging: String
    /// What the start found and repaired (stale folders removed, an old output restored).
    public let notes: [String]
    private let lock: OutputLock
    private let state = NSLock()
    private var phase = Phase.staging

    enum Phase { case staging, committed, aborted }

    /// Checks `--out` against the inputs, takes the lock, cleans up after dead
    /// runs and creates the staging folder. Throws `OutputError` before any work.
    public static func begin(out: String, inputs: [String]) throws -> OutputTransaction {
        let target = try resolve(out)
        try InputGuard.check(out: target, inputs: inputs)
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: target, isDirectory: &isFolder), !isFolder.boolValue {
            throw OutputError.notAFolder(out: out)
        }
        try checkWrittenByBereik(target, shown: out)  // before the lock file is made beside a user's folder
        let parent = (target as NSString).deletingLastPathComponent, name = (target as NSString).lastPathComponent
        let lock = try OutputLock(path: parent + "/.\(name).bereik-lock", out: out)
        let notes = StaleOutputCleanup.run(out: target)
        try checkWrittenByBereik(target, shown: out)
        let staging = parent + "/" + StaleOutputCleanup.stagingPrefix(name) + "\(getpid())-" + randomSuffix()
        guard mkdir(staging, 0o755) == 0 else {
            throw OutputError.cannotWrite(path: parent, operation: "create the staging folder for \(out)", errno: errno)
        }
        let tx = OutputTransaction(out: target, staging: staging, notes: notes, lock: lock)
        InterruptCleanup.register(tx)
        return tx
    }

    /// Runs `body` with the staging folder and commits; on any error the
    /// staging folder is removed, the previous output stays, and the error is
    /// put in words where its cause is the file system.
    public static func run<T>(out: String, inputs: [String], _ body: (OutputTransaction) throws -> T) throws -> T {
        let tx = try begin(out: out, inputs: inputs)
        do {
            let value = try body(tx)
            try tx.checkRecordedInputs()
            try tx.commit()
            return value
        } catch {
            let named = OutputError.named(error, out: tx.out, staging: tx.staging)  // before abort frees the space it looks at
            tx.abort()
            throw named
        }
    }

    private init(out: String, staging: String, notes: [String], lock: OutputLock) {
        self.out = out
        self.staging = staging
        self.notes = notes
        self.lock = lock
    }

    /// A second guard before the swap: every input the run recorded in
    /// run.json (readers added after the first check included) lies outside
    /// the output folder.
    func checkRecordedInputs() throws {
        guard let data = FileManager.default.contents(atPath: staging + "/run.json"),
              let run = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let inputs = run["inputs"] as? [[String: Any]] else { return }
        let paths = inputs.flatMap { i in ["path", "geometryPath"].compactMap { i[$0] as? String } }
        try InputGuard.check(out: out, inputs: paths)
    }

    /// Replaces the output folder with the staging folder in one step.
    public func commit() throws {
        TestHook.pause("commit")
        state.lock()
        guard phase == .staging else { state.unlock(); return }
        let discard: String?
        do {
            discard = try swap()
        } catch {
            state.unlock()
            throw error
        }
        phase = .committed
        state.unlock()
        InterruptCleanup.unregister(self)
        if let discard { Self.remove(discard) }  // the previous output; a leftover is stale staging for the next run
        lock.release()
    }

    /// Removes the staging folder; the previous output stays as it was.
    public func abort() {
        state.lock()
        if phase == .staging {
            Self.remove(staging)
            phase = .aborted
        }
        state.unlock()
        InterruptCleanup.unregister(self)
        lock.release()
    }

    /// Called on SIGINT/SIGTERM from the signal queue: waits for a commit in
    /// progress, then removes the staging folder if it was not committed.
    func interrupt() {
        state.lock()
        if phase == .staging {
            Self.remove(staging)
            phase = .aborted
        }
        state.unlock()
    }

    /// Returns the folder to remove afterwards (the previous output), or nil.
    private func swap() throws -> String? {
        var s = stat()
        if lstat(out, &s) != 0 && errno == ENOENT {
            guard rename(staging, out) == 0 else { throw OutputError.cannotWrite(path: out, operation: "create the output folder", errno: errno) }
            return nil
        }
        if !RenameExchange.disabled, let exchange = RenameExchange.function {
            // renameat2 returns 0 when both names were swapped; EINVAL/ENOTSUP where the file system cannot exchange.
            if exchange(AT_FDCWD, staging, AT_FDCWD, out, RenameExchange.flag) == 0 { return staging }
            let code = errno
            if code != EINVAL && code != ENOSYS && code != ENOTSUP {
                throw OutputError.cannotWrite(path: out, operation: "replace the output folder", errno: code)
            }
        }
        let parent = (out as NSString).deletingLastPathComponent, name = (out as NSString).lastPathComponent
        let old = parent + "/" + StaleOutputCleanup.oldPrefix(name) + "\(getpid())-" + Self.randomSuffix()
        guard rename(out, old) == 0 else { throw OutputError.cannotWrite(path: out, operation: "move the previous output aside", errno: errno) }
        guard rename(staging, out) == 0 else {
            let code = errno
            _ = rename(old, out)
            throw OutputError.cannotWrite(path: out, operation: "put the new output in place", errno: code)
        }
        return old
    }

    /// A folder is first renamed to a staging-prefixed name of this pid (so a
    /// writer still running cannot add files under the old name and a kill
    /// during removal leaves stale staging), then removed.
    private static func remove(_ folder: String) {
        let doomed = folder + "-removing"
        let path = rename(folder, doomed) == 0 ? doomed : folder
        try? FileManager.default.removeItem(atPath: path)
    }

    static func randomSuffix() -> String { String(UInt32.random(in: 0...UInt32.max), radix: 16) }

    /// Absolute, `..` folded, symbolic links resolved (a linked output folder
    /// is replaced where it really is). Creates missing parent folders.
    static func resolve(_ out: String) throws -> String {
        let fm = FileManager.default
        let absolute = ((out.hasPrefix("/") ? out : fm.currentDirectoryPath + "/" + out) as NSString).standardizingPath
        let target: String
        if let real = FileIdentity.resolved(absolute) {
            target = real
        } else {
            let parent = (absolute as NSString).deletingLastPathComponent
            try makeFolders(parent)
            target = (FileIdentity.resolved(parent) ?? parent) + "/" + (absolute as NSString).lastPathComponent
        }
        if let cwd = FileIdentity.resolved(fm.currentDirectoryPath), target == "/" || cwd == target || cwd.hasPrefix(target + "/") {
            throw OutputError.currentDirectory(out: out)
        }
        return target
    }

    /// `mkdir -p` with the errno of the component that failed.
    static func makeFolders(_ path: String) throws {
        var built = ""
        for part in path.split(separator: "/") {
            built += "/" + part
            if mkdir(built, 0o755) != 0 && errno != EEXIST {
                throw OutputError.cannotWrite(path: built, operation: "create the folder", errno: errno)
            }
            var s = stat()
            if stat(built, &s) != 0 || (s.st_mode & S_IFMT) != S_IFDIR {
                throw OutputError.cannotWrite(path: built, operation: "create the folder", errno: ENOTDIR)
            }
        }
    }

    /// A non-empty folder must hold a run.json written by bereik.
    static func checkWrittenByBereik(_ folder: String, shown: String) throws {
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: folder), !entries.isEmpty else { return }
        if let data = FileManager.default.contents(atPath: folder + "/run.json"),
           let run = try? JSONSerialization.jsonObject(with: data) as? [String: Any], run["tool"] as? String == "bereik" {
            return
        }
        throw OutputError.notBereikOutput(out: shown, examples: Array(entries.sorted().prefix(3)), total: entries.count)
    }
}

/// `renameat2(2)` with `RENAME_EXCHANGE`, looked up at run time: Glibc
/// declares it only under _GNU_SOURCE, which Swift's Glibc module does not set.
enum RenameExchange {
    typealias Function = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32
    static let flag: UInt32 = 1 << 1  // RENAME_EXCHANGE in <linux/fs.h>
    /// Tests set this to exercise the two-rename fallback.
    nonisolated(unsafe) static var disabled = false

    static let function: Function? = {
        #if os(Linux)
        guard let handle = dlopen(nil, RTLD_NOW), let symbol = dlsym(handle, "renameat2") else { return nil }
        return unsafeBitCast(symbol, to: Function.self)
        #else
        return nil
        #endif
    }()
}

extension OutputTransaction {
    /// Carries the previous output's entries into the staging folder, except
    /// `replaced` (names this run writes anew): files are hard-linked (they
    /// are never written in place, so sharing the inode is safe), folders copied.
    public func carryPreviousOutput(except replaced: Set<String>) throws {
        let fm = FileManager.default
        for name in try fm.contentsOfDirectory(atPath: out) where !replaced.contains(name) {
            let from = out + "/" + name, to = staging + "/" + name
            var isFolder: ObjCBool = false
            _ = fm.fileExists(atPath: from, isDirectory: &isFolder)
            if isFolder.boolValue || link(from, to) != 0 {
                try fm.copyItem(atPath: from, toPath: to)
            }
        }
    }
}
