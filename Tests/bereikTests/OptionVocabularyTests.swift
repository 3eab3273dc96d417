import ArgumentParser
import Foundation
import XCTest
@testable import bereik
@testable import Access

/// analyze, scenario, sites and plan share one option vocabulary: each
/// parses the same shared options into the same analysis job.
final class OptionVocabularyTests: XCTestCase {
    static let sharedArguments = [
        "--population", "pop.gpkg", "--practices", "gp.csv", "--regions", "gemeenten.gpkg",
        "--designations", "krimp.csv", "--unregistered", "zonder.csv", "--group-by", "provincie.gpkg",
        "--inhabitants-field", "inw", "--crs", "EPSG:28992", "--partial", "open",
        "--roads", "roads.osm.pbf", "--mode", "bicycle,car", "--max-snap-m", "500",
        "--minutes", "bicycle=20,40", "--minutes", "car=4,8", "--fca-catchment-min", "bicycle=12",
        "--flag-max-km", "4", "--flag-min-share", "0.8", "--bands-km", "5,2", "--norm", "lhv",
        "--fca", "e2sfca", "--fca-supply", "all", "--min-inhabitants", "10",
        "--out", "o", "--format", "gpkg", "--no-maps", "--csv-dialect", "excel-nl",
    ]

    func checkJob(_ shared: SharedOptions, file: StaticString = #filePath, line: UInt = #line) throws {
        let job = try shared.job()
        XCTAssertEqual(job.populationPath, "pop.gpkg", file: file, line: line)
        XCTAssertEqual(job.regionsPath, "gemeenten.gpkg", file: file, line: line)
        XCTAssertEqual(job.designationsPath, "krimp.csv", file: file, line: line)
        XCTAssertEqual(job.unregisteredPath, "zonder.csv", file: file, line: line)
        XCTAssertEqual(job.groupByPath, "provincie.gpkg", file: file, line: line)
        XCTAssertEqual(job.roadsPath, "roads.osm.pbf", file: file, line: line)
        XCTAssertEqual(job.outputFolder, "o", file: file, line: line)
        XCTAssertTrue(job.geoPackage, file: file, line: line)
        XCTAssertEqual(job.csvDialect.rawValue, "excel-nl", file: file, line: line)
        XCTAssertEqual(job.input.inhabitantsField, "inw", file: file, line: line)
        XCTAssertEqual(job.input.crs, "EPSG:28992", file: file, line: line)
        let p = job.parameters
        XCTAssertTrue(p.isOpen(.partial), file: file, line: line)
        XCTAssertEqual(p.roadOptions.modes, [.bicycle, .car], file: file, line: line)
        XCTAssertEqual(p.roadOptions.maxSnapM, 500, file: file, line: line)
        XCTAssertEqual(p.roadOptions.minuteBands[.car], [4, 8], file: file, line: line)
        XCTAssertEqual(p.roadOptions.minuteBands[.bicycle], [20, 40], file: file, line: line)
        XCTAssertEqual(p.roadOptions.minuteBands[.foot], [15, 30], "modes not named keep their defaults", file: file, line: line)
        XCTAssertEqual(p.fca.catchmentMinutes, [.bicycle: 12], file: file, line: line)
        XCTAssertEqual(p.fca.method, .enhanced, file: file, line: line)
        XCTAssertFalse(p.fca.openOnly, file: file, line: line)
        XCTAssertEqual(p.minInhabitants, 10, file: file, line: line)
        XCTAssertEqual(p.flagMaxKm, 4, file: file, line: line)
        XCTAssertEqual(p.flagMinShare, 0.8, file: file, line: line)
        XCTAssertEqual(p.bandsKm, [2, 5], file: file, line: line)
        XCTAssertEqual(p.normPatientsPerFTE, 1_800, file: file, line: line)
    }

    func testEveryCommandAcceptsTheSharedOptions() throws {
        let shared = Self.sharedArguments
        let analyze = try Analyze.parse(shared)
        try checkJob(analyze.shared)
        XCTAssertTrue(analyze.shared.output.noMaps)
        try checkJob(try ScenarioCommand.parse(["--close", "P1"] + shared).shared)
        try checkJob(try SitesCommand.parse(["--sites", "sites.gpkg"] + shared).shared)
        try checkJob(try PlanCommand.parse(["--new", "2"] + shared).shared)
    }

    func testSignalConfigReachesEveryCommand() throws {
        let path = NSTemporaryDirectory() + "bereik-signal-\(UUID().uuidString).json"
        try #"{"access_share": {"amber": 1, "red": 0}}"#.write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let base = ["--population", "p", "--practices", "q", "--signal-config", path]
        for shared in [try Analyze.parse(base).shared, try ScenarioCommand.parse(["--close", "P1"] + base).shared,
                       try SitesCommand.parse(["--sites", "s"] + base).shared, try PlanCommand.parse(base).shared] {
            XCTAssertEqual(try shared.job().parameters.signal.threshold(.accessShare), .init(amber: 1, red: 0))
        }
    }

    /// The message ArgumentParser prints for the arguments, or nil when they parse.
    func message<C: ParsableCommand>(_ command: C.Type, _ arguments: [String]) -> String? {
        do { _ = try command.parse(arguments); return nil } catch { return command.message(for: error) }
    }

    func testRemovedSpellingsSayWhatToUseInstead() {
        let cases: [([String], String)] = [
            (["--minutes-car", "5,10"], "--minutes-car was removed; use --minutes car=5,10 instead"),
            (["--minutes-bicycle", "15,30"], "--minutes-bicycle was removed; use --minutes bicycle=15,30 instead"),
            (["--minutes-foot", "20"], "--minutes-foot was removed; use --minutes foot=20 instead"),
            (["--modes", "car,bicycle"], "there is no --modes; use --mode car,bicycle instead"),
        ]
        for (arguments, expected) in cases {
            for (name, m) in [("analyze", message(Analyze.self, arguments)),
                              ("scenario", message(ScenarioCommand.self, ["--close", "P1"] + arguments)),
                              ("sites", message(SitesCommand.self, ["--sites", "s"] + arguments)),
                              ("plan", message(PlanCommand.self, arguments))] {
                XCTAssertEqual(m, expected, "\(name) \(arguments)")
            }
        }
    }

    func testOptionsWithoutEffectAreErrors() {
        let files = ["--population", "p", "--practices", "q"]
        let cases: [([String], String)] = [
            (files + ["--profile", "speeds.txt"], "--profile has no effect without --roads"),
            (files + ["--minutes", "car=5"], "--minutes has no effect without --roads"),
            (files + ["--mode", "bicycle"], "--mode has no effect without --roads"),
            (files + ["--fca-catchment-min", "car=10"], "--fca-catchment-min has no effect without --roads"),
            (files + ["--catchments", "road"], "--catchments road needs --roads"),
            (files + ["--designations", "d.csv"], "--designations has no effect without --regions"),
            (files + ["--unregistered", "u.csv"], "--unregistered has no effect without --regions"),
            (files + ["--group-by", "g.gpkg"], "--group-by has no effect without --regions"),
            (files + ["--roads", "r", "--minutes", "bicycle=15"], "--minutes bicycle=… has no effect: bicycle is not among --mode (car)"),
            (files + ["--roads", "r", "--mode", "car,bicycle", "--fca-catchment-min", "bicycle=10"],
             "--fca-catchment-min bicycle=… has no effect: the FCA routes the first --mode (car)"),
        ]
        for (arguments, expected) in cases {
            let m = message(Analyze.self, arguments) ?? "(parsed)"
            XCTAssertTrue(m.contains(expected), "\(arguments): \(m)")
        }
        XCTAssertTrue(message(PlanCommand.self, ["--candidates", "c.gpkg", "--max-candidates", "10"])?.contains("--max-candidates has no effect with --candidates") == true)
        XCTAssertTrue(message(SitesCommand.self, ["--sites", "s", "--catchments", "voronoi"])?.contains("--catchments has no effect on sites") == true)
        XCTAssertTrue(message(ScenarioCommand.self, [])?.contains("a scenario needs at least one change") == true)
        // With the example data, regions (its municipalities) and roads are in effect.
        XCTAssertNil(message(Analyze.self, ["--designations", "d.csv", "--group-by", "g.gpkg", "--profile", "p", "--minutes", "car=5,10"]))
        XCTAssertNil(message(Analyze.self, ["--regions", "mine.gpkg"]), "--regions replaces the example data's municipalities in every command")
    }

    func testPerModeSyntax() throws {
        let road = try RoadOptionGroup.parse(["--mode", "car,bicycle,foot", "--minutes", "car=5,10,bicycle=15,30", "--minutes", "foot=20"])
        let bands = try road.minuteBands(firstMode: .car)
        XCTAssertEqual(bands.map { $0.0 }, [.car, .bicycle, .foot])
        XCTAssertEqual(bands.map { $0.1 }, [[5, 10], [15, 30], [20]])
        let bare = try RoadOptionGroup.parse(["--minutes", "7,3"]).minuteBands(firstMode: .car)
        XCTAssertEqual(bare.first?.1, [3, 7], "a bare list belongs to the first mode, sorted")
        XCTAssertThrowsError(try RoadOptionGroup.parse(["--minutes", "car=5", "--minutes", "car=10"])) { e in
            XCTAssertTrue(RoadOptionGroup.message(for: e).contains("gives car more than once"), RoadOptionGroup.message(for: e))
        }
        XCTAssertThrowsError(try CapacityOptionGroup.parse(["--fca-catchment-min", "car=10,20"]).catchmentMinutes(firstMode: .car))
    }

    func testAbsurdOptionValuesAreNamedErrors() {
        let cases: [([String], String)] = [
            (["--bands-km", "1e300"], "--bands-km expects a number greater than 0 and at most 1000 km; got 1e+300"),
            (["--bands-km", "1,1"], "--bands-km lists 1 twice"),
            (["--bands-km", "1,,3"], "--bands-km expects numbers separated by commas"),
            (["--minutes", "car=1e300"], "--minutes car expects a number greater than 0 and at most 1440 minutes; got 1e+300"),
            (["--max-snap-m", "inf"], "--max-snap-m expects a number greater than 0 and at most 100000 m; got inf"),
            (["--max-snap-m", "nan"], "--max-snap-m expects a number greater than 0"),
            (["--mode", "car,car"], "--mode lists car twice"),
            (["--flag-max-km", "inf"], "--flag-max-km expects a number greater than 0 and at most 1000 km; got inf"),
            (["--flag-max-km", "-3"], "--flag-max-km expects a number greater than 0 and at most 1000 km; got -3"),
            (["--flag-min-share", "1.5"], "--flag-min-share expects a number from 0 to 1; got 1.5 (a share: 0.9 is 90 %; for 1.5 % give 0.015)"),
            (["--flag-min-share", "90"], "--flag-min-share expects a number from 0 to 1; got 90 (a share: 0.9 is 90 %; for 90 % give 0.9)"),
            (["--flag-max-unreachable-share", "101"], "--flag-max-unreachable-share expects a number from 0 to 1; got 101"),
            (["--flag-max-mean-km", "-1"], "--flag-max-mean-km expects a number from 0 to 1000 km; got -1"),
            (["--region-tolerance-m", "1e20"], "--region-tolerance-m expects a number from 0 to 100000 m"),
            (["--fca-catchment-km", "0"], "--fca-catchment-km expects a number greater than 0"),
            (["--fca-catchment-min", "car=-5"], "--fca-catchment-min car expects a number greater than 0 and at most 1440 minutes; got -5"),
            (["--min-inhabitants", "-1"], "--min-inhabitants expects a number from 0"),
            (["--norm", "1e300"], "--norm expects patients per FTE"),
            (["--norm", "-5"], "--norm expects patients per FTE"),
        ]
        for (arguments, expected) in cases {
            let m = message(Analyze.self, arguments) ?? "(parsed)"
            XCTAssertTrue(m.contains(expected), "\(arguments): \(m)")
        }
        XCTAssertTrue(message(SitesCommand.self, ["--sites", "s", "--household-size", "-3"])?.contains("--household-size expects a number greater than 0 and at most 20 persons per home; got -3") == true)
        XCTAssertTrue(message(PlanCommand.self, ["--new", "0"])?.contains("--new expects a whole number from 1 to 10000; got 0") == true)
        XCTAssertTrue(message(PlanCommand.self, ["--candidate-spacing-m", "inf"])?.contains("--candidate-spacing-m expects a number from 10 to 100000 m") == true)
    }

    /// As a user runs it: the absurd value stops before anything is written.
    func testAbsurdOptionsLeaveNoOutputFolder() throws {
        let root = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let cases: [[String]] = [
            ["analyze", "--bands-km", "1e300"], ["analyze", "--minutes", "car=1e300"], ["analyze", "--max-snap-m", "inf"],
            ["analyze", "--mode", "car,car"], ["analyze", "--flag-max-km", "inf"],
            ["scenario", "--close", "P002", "--flag-max-km", "-3"], ["sites", "--sites", "x.geojson", "--household-size", "-3"],
            ["plan", "--minutes-car", "5"],
        ]
        for (k, arguments) in cases.enumerated() {
            let out = root + "/run\(k)"
            let r = try CLI.run(arguments + ["--out", out])
            XCTAssertEqual(r.status, 64, "\(arguments): a usage error, \(r.stderr)")
            XCTAssertTrue(r.stderr.hasPrefix("Error: --"), "\(arguments): \(r.stderr)")
            XCTAssertFalse(r.stderr.contains("Fatal error") || r.stderr.contains("Missing value"), r.stderr)
            XCTAssertFalse(FileManager.default.fileExists(atPath: out), "\(arguments) wrote \(out)")
        }
    }
}

final class ErrorWordsTests: XCTestCase {
    /// An --out that cannot be a folder is named in words, not as an NSCocoaErrorDomain dump.
    func testOutOntoAFileIsAnErrorInWords() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let file = folder + "/not-a-folder"
        try "x".write(toFile: file, atomically: true, encoding: .utf8)
        let r = try CLI.run(["analyze", "--no-maps", "--out", file])
        XCTAssertNotEqual(r.status, 0)
        XCTAssertTrue(r.stderr.contains("--out \(file)"), r.stderr)
        XCTAssertFalse(r.stderr.contains("NSCocoaErrorDomain") || r.stderr.contains("UserInfo"), r.stderr)
        XCTAssertEqual(try String(contentsOfFile: file, encoding: .utf8), "x", "the file is left as it was")
    }
}

final class MergedOptionTests: XCTestCase {
    /// Options added by the other parts of the work reach every command through the shared groups.
    func testDefaultFTEAndUnreachableFlagAreSharedAndChecked() throws {
        let base = ["--population", "p", "--practices", "q", "--roads", "r", "--default-fte", "0.8", "--flag-max-unreachable-share", "0.05"]
        for shared in [try Analyze.parse(base).shared, try ScenarioCommand.parse(["--close", "P1"] + base).shared,
                       try SitesCommand.parse(["--sites", "s"] + base).shared, try PlanCommand.parse(base).shared] {
            let p = try shared.job().parameters
            XCTAssertEqual(p.explicitDefaultFTE, 0.8)
            XCTAssertEqual(p.flagMaxUnreachableShare, 0.05)
        }
        func message(_ arguments: [String]) -> String {
            do { _ = try Analyze.parse(arguments); return "(parsed)" } catch { return Analyze.message(for: error) }
        }
        XCTAssertTrue(message(["--default-fte", "-1"]).contains("--default-fte expects a number from 0 to 50 GP FTE; got -1"), message(["--default-fte", "-1"]))
        XCTAssertTrue(message(["--flag-max-unreachable-share", "1.5"]).contains("--flag-max-unreachable-share expects a number from 0 to 1"))
        XCTAssertTrue(message(["--population", "p", "--practices", "q", "--flag-max-unreachable-share", "0.1"])
            .contains("--flag-max-unreachable-share has no effect without --roads"))
    }
}
