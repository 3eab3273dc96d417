import Foundation
import XCTest
import Geo
@testable import Access
@testable import DefaultData

/// Generated once per test process; generation takes a few seconds.
private let generated = Result { try DefaultDataGenerator.generate() }

final class DefaultDataTests: XCTestCase {
    private func data() throws -> DefaultDataSet { try generated.get() }

    func testGenerationIsDeterministic() throws {
        let again = try DefaultDataGenerator.generate()
        XCTAssertEqual(try data(), again)
    }

    func testTableIsConsistent() {
        let municipalities = DrenthePlaces.municipalities
        XCTAssertEqual(municipalities.count, 12)
        XCTAssertEqual(Set(municipalities.map(\.code)).count, 12)
        XCTAssert((480_000...520_000).contains(DrenthePlaces.totalInhabitants))
        for m in municipalities {
            XCTAssert((4...12).contains(m.places.count), m.name)
            XCTAssertGreaterThanOrEqual(m.ruralInhabitants, 0, m.name)
        }
        let oostDrenthe = municipalities.filter { $0.designation == DrenthePlaces.anticipeerregio }.map(\.name)
        XCTAssertEqual(Set(oostDrenthe), ["Aa en Hunze", "Borger-Odoorn", "Coevorden", "Emmen"])
    }

    func testEveryCellLiesInExactlyOneMunicipalityAndTotalsMatchTable() throws {
        let data = try data()
        let points = data.population.map(\.location)
        var coverage = [Int](repeating: 0, count: points.count)
        var totals = [String: Double]()
        for region in data.regions {
            let hits = try PolygonLocator.locateAll(points, in: [region.geometry])
            for (k, hit) in hits.enumerated() where hit >= 0 {
                coverage[k] += 1
                totals[region.id, default: 0] += data.population[k].inhabitants
            }
        }
        let misplaced = zip(data.population, coverage).filter { $1 != 1 }.map { "\($0.id): \($1)" }
        XCTAssertEqual(misplaced, [])
        for m in DrenthePlaces.municipalities {
            XCTAssertEqual(totals[m.code], Double(m.inhabitants), m.name)
        }
    }

    func testPopulationCells() throws {
        let cells = try data().population
        let total = cells.reduce(0) { $0 + $1.inhabitants }
        XCTAssert((480_000...520_000).contains(total), "total \(total)")
        XCTAssertEqual(Set(cells.map(\.id)).count, cells.count, "ids are unique")
        for c in cells {
            XCTAssertGreaterThanOrEqual(c.inhabitants, 5, c.id)
            XCTAssertEqual(c.inhabitants, c.inhabitants.rounded(), c.id)
            // Centres of 500 m cells: 250 m past a multiple of 500.
            XCTAssertEqual(c.location.x.truncatingRemainder(dividingBy: 500), 250, c.id)
            XCTAssertEqual(c.location.y.truncatingRemainder(dividingBy: 500), 250, c.id)
        }
        let older = cells.reduce(0) { $0 + ($1.inhabitants65plus ?? 0) }
        XCTAssert((0.22...0.28).contains(older / total), "65+ share \(older / total)")
    }

    func testPractices() throws {
        let practices = try data().practices
        XCTAssert((120...140).contains(practices.count), "\(practices.count) practices")
        XCTAssertEqual(Set(practices.map(\.id)).count, practices.count)
        XCTAssertEqual(Set(practices.map(\.name)).count, practices.count, "names are unique")
        XCTAssertEqual(practices.first?.id, "P001")
        let statuses = Set(practices.map(\.status))
        XCTAssertEqual(statuses, [.open, .partial, .closed])
        for p in practices {
            let fte = try XCTUnwrap(p.gpFTE)
            XCTAssert((0.8...4.5).contains(fte), "\(p.id) FTE \(fte)")
            let list = Double(try XCTUnwrap(p.listSize))
            XCTAssert((fte * 2_095 * 0.849...fte * 2_095 * 1.151).contains(list), "\(p.id) list \(list)")
            XCTAssertEqual(p.statusSource, "synthetic")
        }
        let sharedAddresses = Dictionary(grouping: practices) { $0.location }.values.filter { $0.count > 1 }
        XCTAssertGreaterThan(sharedAddresses.count, 0, "some practices share a health centre")
    }

    func testSomeCellsAreFarFromAnOpenPractice() throws {
        let data = try data()
        let open = data.practices.filter { $0.status == .open }.map(\.location)
        let far = data.population.filter { cell in open.allSatisfy { $0.distance(to: cell.location) > 5_000 } }
        XCTAssertGreaterThan(far.count, 0)
    }

    func testRegions() throws {
        let regions = try data().regions
        XCTAssertEqual(regions.map(\.id), DrenthePlaces.municipalities.map(\.code))
        let engine = try GeometryEngine()
        var area = 0.0
        for r in regions {
            XCTAssert(r.geometry.isPolygonal, r.name)
            XCTAssert(try engine.validity(r.geometry).isValid, r.name)
            area += try engine.area(r.geometry)
        }
        // Drenthe is about 2,680 km²; the rough outline should be near that.
        XCTAssert((2_300e6...3_100e6).contains(area), "area \(area / 1e6) km²")
    }

    /// Issue 13's part of the example data: postcodes, partial practices with an area, a history ending in the list's status.
    func testPostcodesEligibilityAndStatusHistory() throws {
        let d = try data()
        XCTAssertTrue(d.population.allSatisfy { $0.postcode != nil && !$0.postcode!.isPC6 }, "every cell has a PC4")
        let restricted = d.practices.filter { $0.eligibility != nil }
        XCTAssertEqual(restricted.count, 8)
        for p in restricted {
            XCTAssertEqual(p.status, .partial, p.id)
            guard case .postcodes(let set)? = p.eligibility else { return XCTFail(p.id) }
            // The cell nearest to the practice lies in its own village, whose PC4 the list holds.
            let cell = d.population.min { a, b in
                hypot(a.location.x - p.location.x, a.location.y - p.location.y) < hypot(b.location.x - p.location.x, b.location.y - p.location.y)
            }!
            XCTAssertTrue(set.contains(cell.postcode!), "\(p.id): \(set) should hold \(cell.postcode!)")
        }
        let history = StatusHistory(changes: d.statusHistory)
        XCTAssertEqual(history.dates.first?.description, "2025-01-01")
        XCTAssertEqual(history.dates.last?.description, "2026-09-01")
        XCTAssertTrue(history.dates.allSatisfy { $0.day == 1 })
        // Applied as of the last date, the history gives the practice list's statuses.
        let (asOfEnd, fromHistory) = history.applied(to: d.practices.map { var p = $0; p.status = .unknown; return p }, asOf: history.dates.last!)
        XCTAssertEqual(fromHistory, Set(d.statusHistory.map(\.practiceID)).count)
        for (p, q) in zip(d.practices, asOfEnd) where d.statusHistory.contains(where: { $0.practiceID == p.id }) {
            XCTAssertEqual(q.status, p.status, p.id)
        }
        XCTAssertTrue(d.practices.contains { p in history.inForce(asOf: CalendarDay(year: 2025, month: 1, day: 1)!)[p.id]?.status != p.status },
                      "some practices had another status at the start")
        let text = DefaultDataWriter.statusHistoryText(d.statusHistory)
        XCTAssertTrue(text.hasPrefix("practice_id,date_from,status,eligible_postcodes,source\n"))
        XCTAssertEqual(text.split(separator: "\n").count, d.statusHistory.count + 1)
    }

    func testWriterProducesSmallGeoJSON() throws {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("bereik-default-data-\(ProcessInfo.processInfo.processIdentifier)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try DefaultDataWriter.write(try data(), to: folder)
        let files = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        XCTAssertEqual(files, ["gemeenten.geojson", "population.geojson", "practices.geojson", "roads.geojson", "status_history.csv"])
        var bytes = 0
        for f in files {
            let attributes = try FileManager.default.attributesOfItem(atPath: folder + "/" + f)
            bytes += (attributes[.size] as? Int) ?? 0
        }
        XCTAssertLessThan(bytes, 5_000_000)
        let population = try String(contentsOfFile: folder + "/population.geojson", encoding: .utf8)
        XCTAssert(population.contains("\"inhabitants_65plus\""))
    }
}
