import Access
import Geo
import Foundation
import XCTest

/// What bereik promises about its output folder (README "What bereik promises
/// about its output folder"), tried with the built CLI: one test per class of
/// failure. "Exactly the previous output" is checked by a listing of every
/// file with its SHA-256, before and after.
final class OutputFolderTests: XCTestCase {
    /// A failure after writing began (rsvg-convert fails while the maps are
    /// rendered) leaves the previous output byte for byte, and no staging.
    func testFailedRunLeavesThePreviousOutputExactly() throws {
        let (parent, out) = try Self.freshOutput()
        defer { try? FileManager.default.removeItem(atPath: parent) }
        XCTAssertEqual(try Runner.run(["analyze", "--out", out, "--no-maps"]).status, 0)
        let before = try Self.snapshot(out)
        let bin = parent + "/bin"
        try FileManager.default.createDirectory(atPath: bin, withIntermediateDirectories: true)
        try "#!/bin/sh\necho 'broken on purpose' >&2\nexit 3\n".write(toFile: bin + "/rsvg-convert", atomically: true, encoding: .utf8)
        chmod(bin + "/rsvg-convert", 0o755)
        let path = bin + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
        let failed = try Runner.run(["analyze", "--out", out, "--format", "gpkg"], environment: ["PATH": path])
        XCTAssertNotEqual(failed.status, 0)
        XCTAssertTrue(failed.stderr.contains("rsvg-convert failed"), failed.stderr)
        XCTAssertFalse(failed.stderr.contains("NSCocoaErrorDomain"), failed.stderr)
        XCTAssertEqual(try Self.snapshot(out), before, "the previous output, exactly")
        XCTAssertEqual(try Self.leftovers(parent), [], "no staging folder left beside the output")
    }

    /// Files of an earlier run that this run does not write are gone, and
    /// files written are exactly those run.json lists.
    func testFilesOfAnEarlierRunThatThisRunDoesNotWriteAreGone() throws {
        let (parent, out) = try Self.freshOutput()
        defer { try? FileManager.default.removeItem(atPath: parent) }
        XCTAssertEqual(try Runner.run(["scenario", "--close", "P002", "--out", out]).status, 0)
        for f in ["changes.csv", "catchments.geojson", "maps/scenario-population-change.svg", "viewer.html"] {
            XCTAssertTrue(FileManager.default.fileExists(atPath: out + "/" + f), f)
        }
        let r = try Runner.run(["analyze", "--out", out, "--no-maps", "--catchments", "none"])
        XCTAssertEqual(r.status, 0, r.stderr)
        let listed = Set(try Self.runOutputs(out))
        XCTAssertEqual(Set(try Self.snapshot(out).keys), listed, "the folder holds exactly what run.json lists")
        XCTAssertEqual(listed, ["population.geojson", "regions.geojson", "regions.csv", "practices.geojson", "run.json"])
    }

    /// SIGKILL inside map rendering (the run pauses there by BEREIK_TEST_PAUSE)
    /// leaves the old output; the next run removes the dead run's staging.
    func testKillDuringRenderingKeepsTheOldOutputAndTheNextRunCleansUp() throws {
        let (parent, out) = try Self.freshOutput()
        defer { try? FileManager.default.removeItem(atPath: parent) }
        XCTAssertEqual(try Runner.run(["analyze", "--out", out, "--no-maps"]).status, 0)
        let before = try Self.snapshot(out)
        let p = try Runner.start(["analyze", "--out", out], environment: ["BEREIK_TEST_PAUSE": "render:60"])
        try Self.waitForStagedMaps(parent)
        kill(p.processIdentifier, SIGKILL)
        p.waitUntilExit()
        XCTAssertEqual(p.terminationReason, .uncaughtSignal)
        XCTAssertEqual(try Self.snapshot(out), before, "the old output, exactly")
        XCTAssertEqual(try Self.leftovers(parent).count, 1, "the killed run's staging folder is there until the next run")
        let next = try Runner.run(["analyze", "--out", out, "--no-maps"])
        XCTAssertEqual(next.status, 0, next.stderr)
        XCTAssertTrue(next.stderr.contains("left by a run that stopped"), next.stderr)
        XCTAssertEqual(try Self.leftovers(parent), [])
    }

    /// SIGINT and SIGTERM remove the staging folder before exit (130, 143) and
    /// leave the previous output as it was.
    func testInterruptRemovesTheStagingFolder() throws {
        let (parent, out) = try Self.freshOutput()
        defer { try? FileManager.default.removeItem(atPath: parent) }
        XCTAssertEqual(try Runner.run(["analyze", "--out", out, "--no-maps"]).status, 0)
        let before = try Self.snapshot(out)
        for (sig, code) in [(SIGINT, Int32(130)), (SIGTERM, Int32(143))] {
            let p = try Runner.start(["analyze", "--out", out], environment: ["BEREIK_TEST_PAUSE": "render:60"])
            try Self.waitForStagedMaps(parent)
            kill(p.processIdentifier, sig)
            p.waitUntilExit()
            XCTAssertEqual(p.terminationStatus, code)
            XCTAssertEqual(try Self.leftovers(parent), [], "signal \(sig): staging removed before exit")
            XCTAssertEqual(try Self.snapshot(out), before)
        }
    }

    /// An interrupt while PNG conversions run (each map's rsvg-convert starts
    /// as soon as the map is drawn) stops them before the staging folder is
    /// removed: none is left running, none writes into a removed folder.
    func testInterruptStopsRunningPNGConversions() throws {
        let (parent, out) = try Self.freshOutput()
        defer { try? FileManager.default.removeItem(atPath: parent) }
        let bin = parent + "/bin", pids = parent + "/pids"
        for dir in [bin, pids] { try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true) }
        // A converter that records its process id and then takes its time.
        try "#!/bin/sh\necho $$ > \(pids)/$$\nexec sleep 60\n".write(toFile: bin + "/rsvg-convert", atomically: true, encoding: .utf8)
        chmod(bin + "/rsvg-convert", 0o755)
        let path = bin + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
        let p = try Runner.start(["analyze", "--out", out], environment: ["PATH": path])
        let deadline = Date().addingTimeInterval(300)
        while (try FileManager.default.contentsOfDirectory(atPath: pids)).isEmpty && Date() < deadline && p.isRunning {
            Thread.sleep(forTimeInterval: 0.05)
        }
        Thread.sleep(forTimeInterval: 0.3)
        let started = try FileManager.default.contentsOfDirectory(atPath: pids).compactMap { Int32($0) }
        XCTAssertFalse(started.isEmpty, "no conversion started")
        let sent = Date()
        kill(p.processIdentifier, SIGINT)
        p.waitUntilExit()
        XCTAssertEqual(p.terminationStatus, 130)
        XCTAssertLessThan(Date().timeIntervalSince(sent), 30, "the run did not wait for the conversions")
        XCTAssertEqual(try Self.leftovers(parent), [], "staging removed")
        for pid in started { XCTAssertNotEqual(kill(pid, 0), 0, "conversion \(pid) still running") }
    }

    /// A second run into the same folder stops at once with the lock error;
    /// the first run's output is whole.
    func testSecondConcurrentRunStopsAtOnceWithTheLockError() throws {
        let (parent, out) = try Self.freshOutput()
        defer { try? FileManager.default.removeItem(atPath: parent) }
        let first = try Runner.start(["analyze", "--out", out], environment: ["BEREIK_TEST_PAUSE": "render:20"])
        try Self.waitForStagedMaps(parent)
        let started = Date()
        let second = try Runner.run(["analyze", "--out", out, "--no-maps"])
        XCTAssertNotEqual(second.status, 0)
        XCTAssertTrue(second.stderr.contains("another bereik run is writing this output folder"), second.stderr)
        XCTAssertTrue(first.isRunning, "the second run gave up while the first still ran (\(Date().timeIntervalSince(started)) s)")
        first.waitUntilExit()
        XCTAssertEqual(first.terminationStatus, 0)
        XCTAssertEqual(Set(try Self.snapshot(out).keys), Set(try Self.runOutputs(out)), "the first run's output, whole")
        XCTAssertTrue(try Self.runOutputs(out).contains("viewer.html"))
        XCTAssertEqual(try Self.leftovers(parent), [])
    }

    /// --out onto the folder holding the inputs, onto an input file, or onto
    /// a folder that holds an input deeper down is refused before any work;
    /// the inputs are unchanged.
    func testOutOntoTheInputsIsRefusedAndTheInputsAreUnchanged() throws {
        let data = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: data) }
        let inputs = data + "/inputs"
        try FileManager.default.createDirectory(atPath: inputs, withIntermediateDirectories: true)
        for f in ["population.geojson", "practices.geojson", "gemeenten.geojson"] {
            try FileManager.default.copyItem(atPath: CLI.packageRoot.path + "/GeoData/" + f, toPath: inputs + "/" + f)
        }
        let before = try Self.snapshot(data)
        let files = ["--population", "inputs/population.geojson", "--practices", "inputs/practices.geojson", "--regions", "inputs/gemeenten.geojson"]
        for out in ["inputs", "./inputs/../inputs", data, "inputs/population.geojson"] {
            let r = try Runner.run(["analyze"] + files + ["--out", out, "--no-maps"], in: data)
            XCTAssertNotEqual(r.status, 0, out)
            XCTAssertTrue(r.stderr.contains("would overwrite the input") || r.stderr.contains("is the current directory"), "\(out): \(r.stderr)")
        }
        // Another name for the same folder (a symbolic link) is caught as well.
        try FileManager.default.createSymbolicLink(atPath: data + "/alias", withDestinationPath: inputs)
        let linked = try Runner.run(["analyze"] + files + ["--out", "alias", "--no-maps"], in: data)
        XCTAssertTrue(linked.stderr.contains("would overwrite the input"), linked.stderr)
        try FileManager.default.removeItem(atPath: data + "/alias")
        XCTAssertEqual(try Self.snapshot(data), before, "inputs unchanged, nothing added")
    }

    /// A full disk gives a named error and leaves the previous output intact;
    /// so does a read-only file system. Needs root to mount a small tmpfs.
    func testFullDiskAndReadOnlyGiveNamedErrorsAndKeepThePreviousOutput() throws {
        let mountPoint = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: mountPoint) }
        guard getuid() == 0, Self.shell("/bin/mount", ["-t", "tmpfs", "-o", "size=6m", "tmpfs", mountPoint]) == 0 else {
            throw XCTSkip("needs root to mount a 6 MB tmpfs")
        }
        defer { _ = Self.shell("/bin/umount", [mountPoint]) }
        let out = mountPoint + "/out"
        XCTAssertEqual(try Runner.run(["analyze", "--out", out, "--no-maps"]).status, 0)
        let before = try Self.snapshot(out)
        let full = try Runner.run(["analyze", "--out", out, "--no-maps"])  // a second copy does not fit beside the first
        XCTAssertNotEqual(full.status, 0)
        XCTAssertTrue(full.stderr.contains("the disk is full"), full.stderr)
        XCTAssertFalse(full.stderr.contains("NSCocoaErrorDomain") || full.stderr.contains("staging"), full.stderr)
        XCTAssertEqual(try Self.snapshot(out), before)
        XCTAssertEqual(try Self.leftovers(mountPoint), [])

        XCTAssertEqual(Self.shell("/bin/mount", ["-o", "remount,ro", mountPoint]), 0)
        let readOnly = try Runner.run(["analyze", "--out", out, "--no-maps"])
        XCTAssertNotEqual(readOnly.status, 0)
        XCTAssertTrue(readOnly.stderr.contains("the file system is read-only"), readOnly.stderr)
        XCTAssertEqual(try Self.snapshot(out), before)
    }

    /// A region named like an attack is text in report.md, report.html, the
    /// viewer and the SVG maps.
    func testHostileNamesAreEscapedInTheReports() throws {
        let (parent, out) = try Self.freshOutput()
        defer { try? FileManager.default.removeItem(atPath: parent) }
        let hostile = "<script>alert(1)</script> *x* | y [l](http://e) # h"
        let regions = parent + "/regions.geojson"
        var doc = try CLI.json(CLI.packageRoot.path + "/GeoData/gemeenten.geojson")
        var features = doc["features"] as! [[String: Any]]
        var properties = features[0]["properties"] as! [String: Any]
        properties["name"] = hostile
        features[0]["properties"] = properties
        doc["features"] = features
        try JSONSerialization.data(withJSONObject: doc).write(to: URL(fileURLWithPath: regions))
        let r = try Runner.run(["analyze", "--population", CLI.packageRoot.path + "/GeoData/population.geojson",
                                "--practices", CLI.packageRoot.path + "/GeoData/practices.geojson", "--regions", regions, "--out", out])
        XCTAssertEqual(r.status, 0, r.stderr)
        let md = try String(contentsOfFile: out + "/report.md", encoding: .utf8)
        XCTAssertFalse(md.contains("<script>"))
        let row = try XCTUnwrap(md.split(separator: "\n").first { $0.contains("alert(1)") })
        XCTAssertTrue(row.contains("&lt;script&gt;alert(1)&lt;/script&gt; \\*x\\* \\| y \\[l\\](http://e) # h"), String(row))
        // The header has 8 columns: 9 unescaped pipes per row.
        XCTAssertEqual(Self.unescapedPipes(String(row)), 9, String(row))
        for file in ["report.html", "viewer.html", "maps/regions-flagged.svg"] {
            let text = try String(contentsOfFile: out + "/" + file, encoding: .utf8)
            XCTAssertFalse(text.contains("<script>alert(1)"), file)
        }
    }

    /// sites and plan write run.json with their inputs' SHA-256, as analyze does.
    func testSitesAndPlanWriteRunJSON() throws {
        let (parent, out) = try Self.freshOutput()
        defer { try? FileManager.default.removeItem(atPath: parent) }
        let sites = parent + "/sites.geojson"
        try #"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"id":"S1","name":"Noord","homes":200},"geometry":{"type":"Point","coordinates":[6.56,52.99]}}]}"#
            .write(toFile: sites, atomically: true, encoding: .utf8)
        XCTAssertEqual(try Runner.run(["sites", "--sites", sites, "--out", out]).status, 0)
        let run = try CLI.json(out + "/run.json")
        let inputs = run["inputs"] as! [[String: Any]]
        XCTAssertEqual(inputs.map { $0["role"] as? String }, ["population", "practices", "regions", "sites"])
        let sitesDigest = try CLI.pipe(CLI.tool("sha256sum")!, [sites], input: "").prefix(64)
        XCTAssertEqual(inputs.last?["sha256"] as? String, String(sitesDigest))
        XCTAssertEqual(Set(run["outputs"] as! [String]), ["sites.geojson", "sites.csv", "sites.md", "run.json"])
        XCTAssertEqual(try Runner.run(["plan", "--new", "1", "--out", out]).status, 0)
        XCTAssertEqual(Set(try Self.snapshot(out).keys), ["plan.csv", "plan.geojson", "run.json"], "the sites files are gone")
        XCTAssertNotNil(try CLI.json(out + "/run.json")["timingsSeconds"] as? [String: Double])
    }

    /// `map --from` replaces the folder by the same swap: the data files are
    /// carried over byte for byte, the renderings made anew (PNGs of an
    /// earlier render that this one skips are gone).
    func testMapRedrawsThroughTheSameTransaction() throws {
        let (parent, out) = try Self.freshOutput()
        defer { try? FileManager.default.removeItem(atPath: parent) }
        XCTAssertEqual(try Runner.run(["analyze", "--out", out]).status, 0)
        let data = try Self.snapshot(out).filter { !$0.key.hasPrefix("maps/") && !["viewer.html", "report.html", "report.md", "run.json"].contains($0.key) }
        let r = try Runner.run(["map", "--from", out, "--no-png"])
        XCTAssertEqual(r.status, 0, r.stderr)
        let after = try Self.snapshot(out)
        for (file, digest) in data { XCTAssertEqual(after[file], digest, file) }
        XCTAssertFalse(after.keys.contains { $0.hasSuffix(".png") }, "no PNG of the earlier render")
        XCTAssertTrue(after.keys.contains("maps/regions-flagged.svg"))
        XCTAssertEqual(Set(after.keys), Set(try Self.runOutputs(out)), "run.json lists exactly the files there")
        XCTAssertEqual(try Self.leftovers(parent), [])
    }

    /// `map --from` names its own option: a missing folder says so, and a
    /// folder bereik did not write is left alone with an error about --from
    /// (not as if it were an --out of this run).
    func testMapFromAMissingOrForeignFolderSaysWhatIsWrong() throws {
        let parent = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: parent) }
        let missing = try Runner.run(["map", "--from", parent + "/nothing"])
        XCTAssertNotEqual(missing.status, 0)
        XCTAssertTrue(missing.stderr.contains("--from \(parent)/nothing: no such folder"), missing.stderr)
        let foreign = parent + "/foreign"
        try FileManager.default.createDirectory(atPath: foreign, withIntermediateDirectories: false)
        try Data("{}".utf8).write(to: URL(fileURLWithPath: foreign + "/regions.geojson"))
        let r = try Runner.run(["map", "--from", foreign])
        XCTAssertNotEqual(r.status, 0)
        XCTAssertTrue(r.stderr.contains("--from \(foreign) holds no run.json"), r.stderr)
        XCTAssertFalse(r.stderr.contains("--out \(foreign)"), r.stderr)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: foreign), ["regions.geojson"])
    }

    // MARK: helpers

    /// A parent folder of its own (so leftovers beside the output can be listed) and the output path in it.
    static func freshOutput() throws -> (parent: String, out: String) {
        let parent = try CLI.temporaryFolder()
        return (parent, parent + "/out")
    }

    /// Every file under `folder`, relative path → SHA-256.
    static func snapshot(_ folder: String) throws -> [String: String] {
        var result: [String: String] = [:]
        let e = FileManager.default.enumerator(atPath: folder)
        while let relative = e?.nextObject() as? String {
            var isFolder: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: folder + "/" + relative, isDirectory: &isFolder)
            if !isFolder.boolValue { result[relative] = FileDigest.sha256(ofFile: folder + "/" + relative) }
        }
        return result
    }

    /// Staging or old folders beside outputs in `parent`.
    static func leftovers(_ parent: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: parent).filter { $0.contains(".bereik-staging-") || $0.contains(".bereik-old-") }.sorted()
    }

    static func runOutputs(_ out: String) throws -> [String] {
        try CLI.json(out + "/run.json")["outputs"] as! [String]
    }

    /// Waits until a staging folder beside the output holds SVG maps (the run is inside rendering).
    static func waitForStagedMaps(_ parent: String, timeout: TimeInterval = 300) throws {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            for s in try leftovers(parent) where s.contains(".bereik-staging-") {
                let maps = (try? FileManager.default.contentsOfDirectory(atPath: parent + "/" + s + "/maps")) ?? []
                if maps.contains(where: { $0.hasSuffix(".svg") }) { return }
            }
            Thread.sleep(forTimeInterval: 0.1)
        }
        XCTFail("the run did not reach map rendering within \(timeout) s")
    }

    static func unescapedPipes(_ s: String) -> Int {
        var count = 0, escaped = false
        for ch in s {
            if ch == "|" && !escaped { count += 1 }
            escaped = ch == "\\" && !escaped
        }
        return count
    }

    @discardableResult
    static func shell(_ tool: String, _ arguments: [String]) -> Int32 {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: tool)
        p.arguments = arguments
        p.standardError = FileHandle.nullDevice
        guard (try? p.run()) != nil else { return -1 }
        p.waitUntilExit()
        return p.terminationStatus
    }
}

/// Runs the built CLI with extra environment variables, or starts it in the background.
enum Runner {
    static func start(_ arguments: [String], environment: [String: String] = [:], in directory: String? = nil,
                      output: FileHandle? = FileHandle.nullDevice) throws -> Process {
        let p = Process()
        p.executableURL = try CLI.executable()
        p.arguments = arguments
        p.currentDirectoryURL = directory.map { URL(fileURLWithPath: $0) } ?? CLI.packageRoot
        p.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        p.standardOutput = output
        p.standardError = output
        try p.run()
        return p
    }

    static func run(_ arguments: [String], environment: [String: String] = [:], in directory: String? = nil) throws -> CLI.Output {
        try CLI.run(arguments, environment: environment, in: directory.map { URL(fileURLWithPath: $0) })
    }
}
