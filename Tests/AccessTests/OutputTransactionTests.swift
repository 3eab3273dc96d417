@testable import Access
import Foundation
import XCTest

/// The output folder transaction without the CLI: swap, lock, stale
/// leftovers, recovery of an interrupted fallback swap, error naming and
/// Markdown escaping.
final class OutputTransactionTests: XCTestCase {
    func testCommitReplacesTheWholeFolderAndLeavesNothingBeside() throws {
        let parent = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: parent) }
        let out = parent + "/out"
        try Self.bereikOutput(out, files: ["old-only.csv": "x", "regions.csv": "old"])
        let tx = try OutputTransaction.begin(out: out, inputs: [])
        XCTAssertTrue(tx.staging.hasPrefix(parent + "/.out.bereik-staging-\(getpid())-"))
        try "new".write(toFile: tx.staging + "/regions.csv", atomically: false, encoding: .utf8)
        try Self.runJSON(tx.staging)
        try tx.commit()
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: out).sorted(), ["regions.csv", "run.json"])
        XCTAssertEqual(try String(contentsOfFile: out + "/regions.csv", encoding: .utf8), "new")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: parent).sorted(), [".out.bereik-lock", "out"])
        // The lock was released: a next run may begin.
        try OutputTransaction.begin(out: out, inputs: []).abort()
    }

    /// Where the file system cannot exchange two names: two renames, same result.
    func testTheTwoRenameFallbackGivesTheSameResult() throws {
        let parent = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: parent) }
        try Self.bereikOutput(parent + "/out", files: ["old-only.csv": "x"])
        RenameExchange.disabled = true
        defer { RenameExchange.disabled = false }
        let tx = try OutputTransaction.begin(out: parent + "/out", inputs: [])
        try Self.runJSON(tx.staging)
        try "new".write(toFile: tx.staging + "/regions.csv", atomically: false, encoding: .utf8)
        try tx.commit()
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: parent + "/out").sorted(), ["regions.csv", "run.json"])
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: parent).sorted(), [".out.bereik-lock", "out"])
    }

    func testASecondRunIntoTheSameFolderIsBusy() throws {
        let parent = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: parent) }
        let first = try OutputTransaction.begin(out: parent + "/out", inputs: [])
        // flock locks an open file description: a second open, even in this process, is refused.
        XCTAssertThrowsError(try OutputTransaction.begin(out: parent + "/out", inputs: [])) { e in
            guard case OutputError.busy? = e as? OutputError else { return XCTFail("\(e)") }
        }
        first.abort()
        XCTAssertFalse(FileManager.default.fileExists(atPath: first.staging))
        XCTAssertFalse(FileManager.default.fileExists(atPath: parent + "/out"), "an aborted first run creates no output folder")
    }

    func testLeftoversOfDeadRunsAreRemovedAndThoseOfLiveRunsKept() throws {
        let parent = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: parent) }
        let dead = try Self.deadPID(), live = Process()
        live.executableURL = URL(fileURLWithPath: "/bin/sleep")
        live.arguments = ["30"]
        try live.run()
        defer { live.terminate() }
        let fm = FileManager.default
        for name in [".out.bereik-staging-\(dead)-a", ".out.bereik-old-\(dead)-b", ".out.bereik-staging-\(live.processIdentifier)-c",
                     ".other.bereik-staging-\(dead)-d"] {
            try fm.createDirectory(atPath: parent + "/" + name, withIntermediateDirectories: true)
        }
        try Self.bereikOutput(parent + "/out", files: [:])
        let tx = try OutputTransaction.begin(out: parent + "/out", inputs: [])
        tx.abort()
        XCTAssertEqual(try fm.contentsOfDirectory(atPath: parent).filter { $0.contains("bereik-staging") || $0.contains("bereik-old") }.sorted(),
                       [".other.bereik-staging-\(dead)-d", ".out.bereik-staging-\(live.processIdentifier)-c"],
                       "only this folder's leftovers of dead pids are removed")
        XCTAssertEqual(tx.notes.count, 2, "\(tx.notes)")
    }

    /// A run killed between the two renames of the fallback swap leaves no
    /// output folder and the old one aside: the next start puts it back.
    func testAnOutputMovedAsideByADeadRunIsPutBack() throws {
        let parent = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: parent) }
        let aside = parent + "/.out.bereik-old-\(try Self.deadPID())-e"
        try Self.bereikOutput(aside, files: ["regions.csv": "previous"])
        let tx = try OutputTransaction.begin(out: parent + "/out", inputs: [])
        tx.abort()
        XCTAssertEqual(try String(contentsOfFile: parent + "/out/regions.csv", encoding: .utf8), "previous")
        XCTAssertFalse(FileManager.default.fileExists(atPath: aside))
        XCTAssertTrue(tx.notes.first?.contains("restored the previous output") ?? false, "\(tx.notes)")
    }

    func testAFolderBereikDidNotWriteAndInputsInsideAreRefused() throws {
        let parent = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: parent) }
        let user = parent + "/thesis"
        try FileManager.default.createDirectory(atPath: user, withIntermediateDirectories: true)
        try "{\"tool\": \"other\"}".write(toFile: user + "/run.json", atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try OutputTransaction.begin(out: user, inputs: [])) { e in
            XCTAssertTrue("\(e)".contains("bereik did not write"), "\(e)")
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: parent + "/.thesis.bereik-lock"), "refused before any file is made")
        let data = parent + "/data/deeper"
        try FileManager.default.createDirectory(atPath: data, withIntermediateDirectories: true)
        try "id".write(toFile: data + "/p.csv", atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try OutputTransaction.begin(out: parent + "/data", inputs: ["PG:dbname=x", data + "/p.csv"])) { e in
            XCTAssertEqual(e as? OutputError, .containsInput(out: parent + "/data", input: data + "/p.csv"))
        }
        // Beside the inputs is fine: only a sibling folder is made.
        try OutputTransaction.begin(out: parent + "/data/deeper-out", inputs: [data + "/p.csv"]).abort()
    }

    /// An input that only run.json names (a reader added after the first
    /// check) still stops the swap when it lies inside the output folder.
    func testAnInputRecordedInRunJSONInsideTheOutputStopsTheSwap() throws {
        let parent = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: parent) }
        let out = parent + "/out"
        try Self.bereikOutput(out, files: ["pc6.csv": "postcode"])
        XCTAssertThrowsError(try OutputTransaction.run(out: out, inputs: []) { tx in
            try "{\"tool\": \"bereik\", \"inputs\": [{\"path\": \"\(out)/pc6.csv\"}]}"
                .write(toFile: tx.staging + "/run.json", atomically: true, encoding: .utf8)
        }) { e in
            XCTAssertEqual(e as? OutputError, .containsInput(out: out, input: out + "/pc6.csv"))
        }
        XCTAssertEqual(try String(contentsOfFile: out + "/pc6.csv", encoding: .utf8), "postcode")
    }

    func testFileSystemErrorsAreNamedAndInputErrorsLeftAlone() {
        let out = "/x/out", staging = "/x/.out.bereik-staging-1-a"
        let full = NSError(domain: NSCocoaErrorDomain, code: CocoaError.fileWriteOutOfSpace.rawValue,
                           userInfo: [NSFilePathErrorKey: staging + "/maps/a.svg"])
        XCTAssertEqual("\(OutputError.named(full, out: out, staging: staging))",
                       "/x/out: the disk is full, the output could not be written (/x/out/maps/a.svg: the disk is full). The previous output is unchanged; free some space and run again.")
        let denied = NSError(domain: NSPOSIXErrorDomain, code: Int(EACCES), userInfo: [NSFilePathErrorKey: staging + "/run.json"])
        XCTAssertEqual(OutputError.named(denied, out: out, staging: staging) as? OutputError,
                       .cannotWrite(path: "/x/out/run.json", operation: "write", errno: EACCES))
        let input = NSError(domain: NSPOSIXErrorDomain, code: Int(ENOENT), userInfo: [NSFilePathErrorKey: "/data/population.csv"])
        XCTAssertEqual((OutputError.named(input, out: out, staging: staging) as NSError).domain, NSPOSIXErrorDomain, "a reader's error stays the reader's")
    }

    func testMarkdownEscapingMakesNamesInert() {
        XCTAssertEqual(MarkdownText.escape("<script>alert(1)</script>"), "&lt;script&gt;alert(1)&lt;/script&gt;")
        XCTAssertEqual(MarkdownText.escape("*a* _b_ `c` [d](e) | f ~g~ \\"), "\\*a\\* \\_b\\_ \\`c\\` \\[d\\](e) \\| f \\~g\\~ \\\\")
        XCTAssertEqual(MarkdownText.escape("# Kop"), "\\# Kop")
        XCTAssertEqual(MarkdownText.escape("- item"), "\\- item")
        XCTAssertEqual(MarkdownText.escape("12. Straat"), "12\\. Straat")
        XCTAssertEqual(MarkdownText.escape("line\nbreak & co"), "line break &amp; co")
        XCTAssertEqual(MarkdownText.escape("Emmen-Zuid 2.0"), "Emmen-Zuid 2.0", "ordinary names stay readable")
    }

    // MARK: helpers

    static func folder() throws -> String {
        let f = NSTemporaryDirectory() + "bereik-tx-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: f, withIntermediateDirectories: true)
        return f
    }

    static func runJSON(_ folder: String) throws {
        try "{\"tool\": \"bereik\"}".write(toFile: folder + "/run.json", atomically: true, encoding: .utf8)
    }

    static func bereikOutput(_ folder: String, files: [String: String]) throws {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try runJSON(folder)
        for (name, text) in files { try text.write(toFile: folder + "/" + name, atomically: true, encoding: .utf8) }
    }

    /// The pid of a process that has ended.
    static func deadPID() throws -> Int32 {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/true")
        try p.run()
        p.waitUntilExit()
        return p.processIdentifier
    }
}
