import Foundation
import XCTest

/// `bereik serve` on the default data against the CLI on the same inputs,
/// hostile requests, the page in headless Chromium, and a clean stop. One
/// server for the whole class keeps the added test time small.
final class ServeEndToEndTests: XCTestCase {
    nonisolated(unsafe) static var server: ServedProcess?
    nonisolated(unsafe) static var startError: Error?

    override class func setUp() {
        super.setUp()
        do { server = try ServedProcess() } catch { startError = error }
    }

    override class func tearDown() {
        if let s = server, s.process.isRunning { _ = s.stop() }
        server = nil
        super.tearDown()
    }

    func served() throws -> ServedProcess {
        if let e = Self.startError { throw e }      // XCTSkip when the executable is not built, else a failure
        return try XCTUnwrap(Self.server)
    }

    func temporaryFolder() throws -> String {
        let dir = NSTemporaryDirectory() + "bereik-serve-test-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(atPath: dir) }
        return dir
    }

    /// Two sites near the middle of the example province: one small, one far too large for any practice.
    static let sites = #"""
    {"type":"FeatureCollection","features":[
    {"type":"Feature","properties":{"site_id":"s1","name":"Small site","homes":40},"geometry":{"type":"Polygon","coordinates":[[[6.55,52.85],[6.57,52.85],[6.57,52.865],[6.55,52.865],[6.55,52.85]]]}},
    {"type":"Feature","properties":{"site_id":"s2","name":"Large site","homes":5000},"geometry":{"type":"Point","coordinates":[6.62,52.78]}}
    ]}
    """#

    func testSitesAnswerEqualsTheCLI() throws {
        let s = try served()
        let reply = try s.request("POST", "/api/sites", body: Data(Self.sites.utf8))
        XCTAssertEqual(reply.status, 200, String(decoding: reply.body, as: UTF8.self))
        let rows = try XCTUnwrap(reply.json["sites"] as? [[String: Any]])
        let dir = try temporaryFolder()
        try Self.sites.write(toFile: dir + "/sites.geojson", atomically: true, encoding: .utf8)
        let cli = try runCLI(["sites", "--sites", dir + "/sites.geojson", "--out", dir + "/out"])
        XCTAssertEqual(cli.status, 0, cli.output)
        let csv = try readCSV(dir + "/out/sites.csv")
        XCTAssertEqual(rows.count, 2)
        XCTAssertEqual(csv.count, 2)
        for (a, b) in zip(rows, csv) { assertSameRow(a, b, "site \(b["site_id"] ?? "?")") }
        XCTAssertEqual(rows.last?["verdict"] as? String, csv.last?["verdict"])
        let load = try XCTUnwrap(reply.json["load"] as? [[Any]])
        XCTAssertEqual(load.count, 2)
    }

    /// One rule for how far a site may lie from the inputs: a site 30 km
    /// north of them gets the same verdict from the server as from `bereik
    /// sites`; one 70 km north is refused by both, naming the distance.
    func testSiteDistanceRuleIsTheCLIs() throws {
        let s = try served()
        let extent = try XCTUnwrap(try s.request("GET", "/api/health").json["extent_wgs84"] as? [Double])
        let lon = (extent[0] + extent[2]) / 2
        func site(_ kmNorth: Double) -> String {
            let lat = extent[3] + kmNorth / 111.2
            return #"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"site_id":"far","homes":100},"geometry":{"type":"Point","coordinates":[\#(lon),\#(lat)]}}]}"#
        }
        let dir = try temporaryFolder()
        // 30 km: beyond the point queries' 20 km margin, within the sites' 50 km.
        let near = try s.request("POST", "/api/sites", body: Data(site(30).utf8))
        XCTAssertEqual(near.status, 200, String(decoding: near.body, as: UTF8.self))
        try site(30).write(toFile: dir + "/near.geojson", atomically: true, encoding: .utf8)
        let cli = try runCLI(["sites", "--sites", dir + "/near.geojson", "--out", dir + "/near"])
        XCTAssertEqual(cli.status, 0, cli.output)
        let csv = try readCSV(dir + "/near/sites.csv")
        let rows = try XCTUnwrap(near.json["sites"] as? [[String: Any]])
        XCTAssertEqual(rows.count, 1)
        XCTAssertEqual(csv.count, 1)
        for (a, b) in zip(rows, csv) { assertSameRow(a, b, "site 30 km away") }
        // 70 km: both refuse.
        let far = try s.request("POST", "/api/sites", body: Data(site(70).utf8))
        XCTAssertEqual(far.status, 400)
        XCTAssertEqual(far.json["error"] as? String, "outside_study_area")
        let found = try XCTUnwrap(far.json["found"] as? String)
        XCTAssertNotNil(found.range(of: #"^(69|70|71) km away$"#, options: .regularExpression), found)
        try site(70).write(toFile: dir + "/far.geojson", atomically: true, encoding: .utf8)
        let refused = try runCLI(["sites", "--sites", dir + "/far.geojson", "--out", dir + "/far"])
        XCTAssertNotEqual(refused.status, 0)
        XCTAssertTrue(refused.output.contains(found), "the CLI names another distance than the server's \(found): " + refused.output)
    }

    func testScenarioAnswerEqualsTheCLI() throws {
        let s = try served()
        let point = try s.request("GET", "/api/point?lon=6.56&lat=52.86")
        XCTAssertEqual(point.status, 200)
        let nearest = try XCTUnwrap((point.json["nearest_by_road"] as? [[String: Any]])?.first?["practice_id"] as? String)
        let body = #"{"changes":[{"action":"close","practice_id":"\#(nearest)"}]}"#
        let reply = try s.request("POST", "/api/scenario", body: Data(body.utf8))
        XCTAssertEqual(reply.status, 200, String(decoding: reply.body, as: UTF8.self))
        let dir = try temporaryFolder()
        let cli = try runCLI(["scenario", "--close", nearest, "--out", dir + "/out"])
        XCTAssertEqual(cli.status, 0, cli.output)
        let changes = try readCSV(dir + "/out/changes.csv")
        let answered = try XCTUnwrap(reply.json["changes"] as? [[String: Any]])
        XCTAssertEqual(answered.count, changes.count)
        for (a, b) in zip(answered, changes) { assertSameRow(a, b, "changes.csv \(b["region_id"] ?? "?")") }
        let receiving = try readCSV(dir + "/out/receiving_practices.csv")
        let answeredReceiving = try XCTUnwrap(reply.json["receiving_practices"] as? [[String: Any]])
        XCTAssertEqual(answeredReceiving.count, receiving.count)
        for (a, b) in zip(answeredReceiving, receiving) { assertSameRow(a, b, "receiving \(b["practice_id"] ?? "?")") }
        let regions = try readCSV(dir + "/out/regions.csv")
        let answeredRegions = try XCTUnwrap(reply.json["regions"] as? [[String: Any]])
        XCTAssertEqual(answeredRegions.count, regions.count)
        for (a, b) in zip(answeredRegions, regions) { assertSameRow(a, b, "regions \(b["region_id"] ?? "?")") }
        // The closed practice is closed in the scenario's practice list, and the baseline is untouched.
        let closed = (reply.json["practices"] as? [[String: Any]])?.first { $0["id"] as? String == nearest }
        XCTAssertEqual(closed?["status"] as? String, "closed")
        let again = try s.request("GET", "/api/point?lon=6.56&lat=52.86")
        XCTAssertEqual((again.json["nearest_by_road"] as? [[String: Any]])?.first?["practice_id"] as? String, nearest)
    }

    func testRegionsAnswerEqualsTheAnalysis() throws {
        let s = try served()
        let reply = try s.request("GET", "/api/regions")
        XCTAssertEqual(reply.status, 200)
        let dir = try temporaryFolder()
        let cli = try runCLI(["analyze", "--out", dir + "/out", "--no-maps"])
        XCTAssertEqual(cli.status, 0, cli.output)
        let csv = try readCSV(dir + "/out/regions.csv")
        let rows = try XCTUnwrap(reply.json["regions"] as? [[String: Any]])
        XCTAssertEqual(rows.count, csv.count)
        for (a, b) in zip(rows, csv) { assertSameRow(a, b, "region \(b["region_id"] ?? "?")") }
    }

    func testHostileRequestsGetNamedErrorsAndTheServerKeepsServing() throws {
        let s = try served()
        func expect(_ reply: ServedProcess.Reply, _ error: String, file: StaticString = #filePath, line: UInt = #line) {
            XCTAssertEqual(reply.status, 400, String(decoding: reply.body, as: UTF8.self), file: file, line: line)
            XCTAssertEqual(reply.json["error"] as? String, error, file: file, line: line)
            XCTAssertNotNil(reply.json["field"], file: file, line: line)
            XCTAssertNotNil(reply.json["expected"], file: file, line: line)
            XCTAssertNotNil(reply.json["found"], file: file, line: line)
        }
        expect(try s.request("POST", "/api/sites", body: Data("{\"type\": \"FeatureCollection\", \"features\": [".utf8)), "malformed_json")
        expect(try s.request("POST", "/api/scenario", body: Data("not json at all".utf8)), "malformed_json")
        expect(try s.request("POST", "/api/sites", body: Data(repeating: UInt8(ascii: " "), count: 3 * 1024 * 1024)), "body_too_large")
        expect(try s.request("POST", "/api/scenario", body: Data(#"{"changes":[{"action":"close","practice_id":"P-DOES-NOT-EXIST"}]}"#.utf8)), "unknown_practice")
        var ring = "[[6.55,52.85]"
        for k in 0..<1_000_000 { ring += ",[6.\(550000 + k % 20000),52.86]" }
        ring += ",[6.55,52.85]]"
        let huge = #"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"homes":10},"geometry":{"type":"Polygon","coordinates":[\#(ring)]}}]}"#
        expect(try s.request("POST", "/api/sites", body: Data(huge.utf8)), "body_too_large")
        expect(try s.request("GET", "/api/point?lon=NaN&lat=52.8"), "not_finite")
        expect(try s.request("GET", "/api/point?lon=6.5&lat=nan"), "not_finite")
        // Two values for one coordinate: refused, not the first taken.
        expect(try s.request("GET", "/api/point?lon=6.56&lat=52.86&lat=53.0"), "invalid_value")
        let notFound = try s.request("GET", "/etc/passwd")
        XCTAssertEqual(notFound.status, 404)
        XCTAssertEqual(notFound.json["error"] as? String, "not_found")
        let health = try s.request("GET", "/api/health")
        XCTAssertEqual(health.status, 200)
        XCTAssertEqual(health.json["status"] as? String, "ok")
    }

    /// The page in a real browser: the test hook (?live-demo) clicks a point,
    /// draws a site and closes the most critical practice through the same
    /// functions the map's clicks call.
    func testPageInHeadlessChromium() throws {
        let s = try served()
        guard let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first(where: FileManager.default.isExecutableFile) else {
            throw XCTSkip("chromium is not installed")
        }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: chromium)
        p.arguments = ["--headless", "--disable-gpu", "--no-sandbox", "--no-first-run", "--user-data-dir=" + NSTemporaryDirectory() + "bereik-serve-chromium",
                       "--enable-logging=stderr", "--v=0", "--virtual-time-budget=60000", "--dump-dom", s.base + "/?live-demo"]
        let out = Pipe()
        let logPath = NSTemporaryDirectory() + "bereik-serve-chromium-\(UUID().uuidString).log"
        FileManager.default.createFile(atPath: logPath, contents: nil)
        defer { try? FileManager.default.removeItem(atPath: logPath) }
        p.standardOutput = out
        p.standardError = FileHandle(forWritingAtPath: logPath)
        try p.run()
        let killer = DispatchWorkItem { if p.isRunning { p.terminate() } }
        DispatchQueue.global().asyncAfter(deadline: .now() + 120, execute: killer)
        let dom = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        killer.cancel()
        let log = String(decoding: FileManager.default.contents(atPath: logPath) ?? Data(), as: UTF8.self)
        XCTAssertTrue(dom.contains("data-live-done=\"yes\""), "live demo did not finish: " + String(dom.prefix(300)))
        XCTAssertFalse(dom.contains("data-js-error=\"yes\""), "JavaScript error in the page")
        let consoleErrors = log.split(separator: "\n").filter { $0.contains("CONSOLE") && ($0.contains("ERROR") || $0.contains("Uncaught")) }
        XCTAssertEqual(consoleErrors, [], "console errors")
        // The point query's table: three practices by road with a distance each.
        let point = try s.request("GET", "/api/point?lon=6.55&lat=52.85")
        XCTAssertEqual(point.status, 200)
        XCTAssertTrue(dom.contains("id=\"point-road\""), "no point answer in the page")
        XCTAssertGreaterThanOrEqual(dom.components(separatedBy: "data-road-m=").count - 1, 1)
        // The site verdict and the scenario's summary and region rows.
        XCTAssertNotNil(dom.range(of: #"id="site-verdict" class="verdict-[a-z-]+">(served|strained|not served)<"#, options: .regularExpression), "no site verdict")
        XCTAssertTrue(dom.contains("id=\"scenario-summary\""), "no scenario summary")
        XCTAssertTrue(dom.contains("data-displaced="), "no scenario region rows")
        XCTAssertTrue(dom.contains("close "), "the closure is not listed")
    }

    func testStopsCleanlyOnSIGTERM() throws {
        let s = try ServedProcess()
        XCTAssertEqual(try s.request("GET", "/api/health").status, 200)
        XCTAssertEqual(s.stop(), 0)
        XCTAssertTrue(s.stdout.contains("stopped"), s.stdout)
    }

    /// Another address than 127.0.0.1 (here 127.0.0.2, still loopback) gets the
    /// warning; with --token every request needs the bearer token.
    func testTokenIsRequiredWhenGiven() throws {
        let s = try ServedProcess(arguments: ["--host", "127.0.0.2", "--token", "secret-token-123"])
        defer { _ = s.stop() }
        XCTAssertTrue(s.base.hasPrefix("http://127.0.0.2:"), s.base)
        XCTAssertTrue(s.stderr.contains("warning: listening on 127.0.0.2"), s.stderr)
        let without = try s.request("GET", "/api/health")
        XCTAssertEqual(without.status, 401)
        XCTAssertEqual(without.json["error"] as? String, "unauthorized")
        XCTAssertEqual(try s.request("GET", "/api/health", headers: ["Authorization": "Bearer wrong-token-000"]).status, 401)
        XCTAssertEqual(try s.request("GET", "/api/health", headers: ["Authorization": "Bearer secret-token-123"]).status, 200)
    }
}
