import Dispatch
import Foundation

/// SIGINT and SIGTERM while an output transaction is open: remove its staging
/// folder, say so on stderr, and exit with 128 + the signal (130, 143). The
/// handlers run on a dispatch queue (DispatchSource), not in signal context,
/// so removing a folder is safe there. `_exit` skips atexit handlers that
/// could race with the main thread still inside a C library.
enum InterruptCleanup {
    private static let registry = Registry()

    static func register(_ tx: OutputTransaction) {
        registry.add(tx)
    }

    static func unregister(_ tx: OutputTransaction) {
        registry.remove(tx)
    }

    private final class Registry: @unchecked Sendable {
        private let lock = NSLock()
        private var open: [ObjectIdentifier: OutputTransaction] = [:]
        private var sources: [DispatchSourceSignal] = []

        func add(_ tx: OutputTransaction) {
            lock.lock()
            defer { lock.unlock() }
            open[ObjectIdentifier(tx)] = tx
            guard sources.isEmpty else { return }
            for sig in [SIGINT, SIGTERM] {
                signal(sig, SIG_IGN)  // delivered to the source below instead of terminating
                let source = DispatchSource.makeSignalSource(signal: sig, queue: DispatchQueue.global())
                source.setEventHandler { [unowned self] in self.handle(sig) }
                source.resume()
                sources.append(source)
            }
        }

        func remove(_ tx: OutputTransaction) {
            lock.lock()
            open[ObjectIdentifier(tx)] = nil
            lock.unlock()
        }

        func handle(_ sig: Int32) {
            lock.lock()
            let pending = Array(open.values)
            lock.unlock()
            // Helper processes (rsvg-convert) write into the staging folder:
            // stopped first, so none writes into it while it is removed.
            ChildProcesses.stopAll()
            for tx in pending { tx.interrupt() }
            let name = sig == SIGINT ? "SIGINT" : "SIGTERM"
            let folders = pending.map(\.out).joined(separator: ", ")
            let message = pending.isEmpty
                ? "bereik: stopped by \(name).\n"
                : "bereik: stopped by \(name); \(folders) left as it was before this run (the partial output was removed).\n"
            FileHandle.standardError.write(Data(message.utf8))
            _exit(128 + sig)
        }
    }
}

/// Helper processes bereik started that write into an output transaction's
/// staging folder (the PNG conversions), so that an interrupt stops them
/// before the folder is removed. Each registers while it runs.
public enum ChildProcesses {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var running: Set<pid_t> = []

    public static func started(_ pid: pid_t) {
        lock.lock(); running.insert(pid); lock.unlock()
    }

    public static func ended(_ pid: pid_t) {
        lock.lock(); running.remove(pid); lock.unlock()
    }

    /// Kills every running helper and waits until each has exited.
    static func stopAll() {
        lock.lock()
        let pids = running
        running.removeAll()
        lock.unlock()
        for pid in pids {
            kill(pid, SIGKILL)
            var status: Int32 = 0
            _ = waitpid(pid, &status, 0)
        }
    }
}
