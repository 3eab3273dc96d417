import Foundation

/// Removes what runs that died left beside an output folder: staging folders
/// (`.<name>.bereik-staging-<pid>-<random>`) and old outputs of a swap
/// (`.<name>.bereik-old-<pid>-<random>`), only when that pid no longer runs.
/// Runs under the folder's lock. When the output folder itself is missing
/// because a run died between the two renames of the fallback swap, the old
/// output is put back first.
enum StaleOutputCleanup {
    static func stagingPrefix(_ name: String) -> String { ".\(name).bereik-staging-" }
    static func oldPrefix(_ name: String) -> String { ".\(name).bereik-old-" }

    /// Returns notes on what was restored or removed.
    @discardableResult
    static func run(out: String) -> [String] {
        let fm = FileManager.default
        let parent = (out as NSString).deletingLastPathComponent, name = (out as NSString).lastPathComponent
        guard let entries = try? fm.contentsOfDirectory(atPath: parent) else { return [] }
        var notes: [String] = []
        let dead = entries.sorted().filter { e in
            for prefix in [stagingPrefix(name), oldPrefix(name)] where e.hasPrefix(prefix) {
                return !processIsAlive(pid(after: prefix, in: e))
            }
            return false
        }
        if !fm.fileExists(atPath: out), let old = dead.first(where: { $0.hasPrefix(oldPrefix(name)) }),
           rename(parent + "/" + old, out) == 0 {
            notes.append("restored the previous output \(out) from \(old), left by a run that was stopped while replacing it")
        }
        for e in dead where fm.fileExists(atPath: parent + "/" + e) {
            if (try? fm.removeItem(atPath: parent + "/" + e)) != nil {
                notes.append("removed \(parent)/\(e), left by a run that stopped")
            }
        }
        // Staging folders inside the output of versions before the folder transaction.
        for e in (try? fm.contentsOfDirectory(atPath: out)) ?? []
        where e.hasPrefix(".bereik-staging-") || e.hasPrefix(".bereik-decisions-") {
            let digits = e.split(separator: "-").last.map(String.init) ?? ""
            if !processIsAlive(Int32(digits)) { try? fm.removeItem(atPath: out + "/" + e) }
        }
        return notes
    }

    static func pid(after prefix: String, in entry: String) -> Int32? {
        Int32(entry.dropFirst(prefix.count).prefix { $0.isNumber })
    }

    /// kill(pid, 0): 0 = a process with this pid exists; EPERM = exists but is not ours.
    /// Our own pid counts as dead: this run holds the lock and has not staged yet,
    /// so such a folder is from an earlier process that had the same pid.
    static func processIsAlive(_ pid: Int32?) -> Bool {
        guard let pid, pid > 0, pid != getpid() else { return false }
        return kill(pid, 0) == 0 || errno == EPERM
    }
}
