import Foundation
import XCTest

/// A throwaway PostgreSQL + PostGIS server for tests: its own cluster in a
/// temporary folder, reachable only through a Unix socket in that folder (no
/// TCP), run as the `postgres` user when the tests run as root.
final class PostGISServer {
    let folder: String
    let port = 5_433
    private let bin = "/usr/lib/postgresql/15/bin"

    var connection: String { "PG:host=\(folder) port=\(port) dbname=postgres user=postgres" }

    init() throws {
        if ProcessInfo.processInfo.environment["BEREIK_NO_PG_SERVER"] != nil {
            throw XCTSkip("BEREIK_NO_PG_SERVER is set (sanitizer and valgrind runs do not start the server)")
        }
        guard FileManager.default.isExecutableFile(atPath: bin + "/initdb"),
              FileManager.default.fileExists(atPath: "/usr/share/postgresql/15/extension/postgis.control") else {
            throw XCTSkip("PostgreSQL 15 with PostGIS is not installed (Debian: postgresql-15-postgis-3)")
        }
        folder = NSTemporaryDirectory() + "bereik-pg-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        if getuid() == 0 { try run("/bin/chown", ["-R", "postgres:postgres", folder], asPostgres: false) }
        try run(bin + "/initdb", ["-D", folder + "/data", "-U", "postgres", "--auth=trust", "-E", "UTF8"])
        // The server outlives pg_ctl and would hold a captured pipe open: no capture here.
        try run(bin + "/pg_ctl", ["-D", folder + "/data", "-w", "-l", folder + "/log",
                                  "-o", "-c listen_addresses='' -k \(folder) -p \(port) -c fsync=off", "start"], capture: false)
    }

    deinit {
        _ = try? run(bin + "/pg_ctl", ["-D", folder + "/data", "-m", "immediate", "stop"])
        try? FileManager.default.removeItem(atPath: folder)
    }

    func sql(_ statements: String) throws {
        try run(bin + "/psql", ["-h", folder, "-p", String(port), "-U", "postgres", "-d", "postgres",
                                "-v", "ON_ERROR_STOP=1", "-q", "-c", statements])
    }

    @discardableResult
    private func run(_ tool: String, _ arguments: [String], asPostgres: Bool = true, capture: Bool = true) throws -> String {
        let p = Process()
        if asPostgres && getuid() == 0 {
            p.executableURL = URL(fileURLWithPath: "/usr/sbin/runuser")
            p.arguments = ["-u", "postgres", "--", tool] + arguments
        } else {
            p.executableURL = URL(fileURLWithPath: tool)
            p.arguments = arguments
        }
        let out = Pipe()
        p.standardOutput = capture ? out : FileHandle.nullDevice
        p.standardError = capture ? out : FileHandle.nullDevice
        try p.run()
        let text = capture ? String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self) : ""
        // waitpid directly: Foundation's waitUntilExit can miss the exit of a
        // process whose child (the server) lives on.
        var status: Int32 = 0
        let pid = p.processIdentifier
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        let exitCode = (status >> 8) & 0xff
        guard exitCode == 0 else {
            throw NSError(domain: "PostGISServer", code: Int(exitCode),
                          userInfo: [NSLocalizedDescriptionKey: "\(tool) failed: \(text)"])
        }
        return text
    }
}
