import XCTest
import Foundation
import Geo
@testable import Access

/// A line layer read with the builder on a second thread (`LineRoadReader`
/// hands it batches of lines) gives the graph of a plain grid, counted by
/// hand, and the same graph, array for array, as the read on one thread.
final class PipelinedRoadReadTests: XCTestCase {
    override func tearDown() { ParallelWork.threads = ProcessInfo.processInfo.activeProcessorCount }

    /// A k × k grid (50 m apart) as two-vertex lines in a shuffled order, more
    /// lines than one batch; every 7th line one-way with padded or mixed-case text.
    func writeGrid(k: Int, to path: String) throws -> (lines: Int, oneway: Int) {
        var lines: [[Coordinate]] = []
        func at(_ i: Int, _ j: Int) -> Coordinate { Coordinate(x: 150_000 + Double(i) * 50, y: 450_000 + Double(j) * 50) }
        for i in 0..<k { for j in 0..<k {
            if i + 1 < k { lines.append([at(i, j), at(i + 1, j)]) }
            if j + 1 < k { lines.append([at(i, j), at(i, j + 1)]) }
        } }
        var rng = SplitMix64(seed: 12)
        lines.shuffle(using: &rng)
        let w = try VectorWriter(path: path, format: .geoPackage)
        let l = try w.addLayer(name: "roads", fields: [FieldDefinition("highway", .string), FieldDefinition("oneway", .string)],
                               geometry: .lineString, crs: "EPSG:28992")
        let onewayTexts = ["yes", " yes", "YES ", "1"]
        var oneway = 0
        for (n, line) in lines.enumerated() {
            let text: FieldValue
            if n % 7 == 0 { text = .string(onewayTexts[(n / 7) % onewayTexts.count]); oneway += 1 } else { text = n % 2 == 0 ? .string("no") : .null }
            try l.write([.string(n % 3 == 0 ? "residential" : "tertiary"), text], geometry: .lineString(line))
        }
        try w.close()
        return (lines.count, oneway)
    }

    func read(_ path: String, threads: Int) throws -> (RoadGraph, RoadFileCounts) {
        ParallelWork.threads = threads
        let builder = RoadGraphBuilder()
        let counts = try LineRoadReader.read(path: path, into: builder)
        return (builder.build(), counts)
    }

    func testGridReadOnTwoThreadsIsTheGridAndTheSerialGraph() throws {
        let folder = NSTemporaryDirectory() + "bereik-pipelined-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/grid.gpkg"
        let k = 60
        let (lineCount, onewayCount) = try writeGrid(k: k, to: path)
        XCTAssertGreaterThan(lineCount, 4_096, "more lines than one batch")

        let (g, counts) = try read(path, threads: 2)
        XCTAssertEqual(counts.lines, lineCount)
        XCTAssertEqual(g.nodeCount, k * k)
        XCTAssertEqual(g.edgeCount, 2 * k * (k - 1))
        // A one-way line has one arc a car may not take (feet ignore one-way).
        XCTAssertEqual(g.arcTimeS[.car].filter { $0 == .infinity }.count, onewayCount)
        XCTAssertEqual(g.arcTimeS[.foot].filter { $0 == .infinity }.count, 0)

        let (serial, serialCounts) = try read(path, threads: 1)
        XCTAssertEqual(serialCounts, counts)
        XCTAssertEqual(serial.nodeX, g.nodeX)
        XCTAssertEqual(serial.nodeY, g.nodeY)
        XCTAssertEqual(serial.offsets, g.offsets)
        XCTAssertEqual(serial.targets, g.targets)
        XCTAssertEqual(serial.arcLengthM, g.arcLengthM)
        for mode in TravelMode.allCases { XCTAssertEqual(serial.arcTimeS[mode], g.arcTimeS[mode], "\(mode)") }
        XCTAssertEqual(serial.edgeFrom, g.edgeFrom)
        XCTAssertEqual(serial.edgeTo, g.edgeTo)
        XCTAssertEqual(serial.edgeAccessible, g.edgeAccessible)
        XCTAssertEqual(serial.report, g.report)
    }
}
