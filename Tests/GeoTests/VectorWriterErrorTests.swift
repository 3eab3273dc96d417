import Foundation
import XCTest
@testable import Geo

/// The GDAL writer on its error paths: 64-bit integers, a layer that outlives
/// its writer variable, use after close, and a full disk.
final class VectorWriterErrorTests: FolderTestCase {
    override class var folderPrefix: String { "bereik-writer" }

    func readValues(_ path: String, field: String) throws -> [FieldValue] {
        let layer = try VectorSource(path: path).layer()
        let index = try XCTUnwrap(layer.fieldIndex(field), "\(path) has no field \(field)")
        var values: [FieldValue] = []
        try layer.forEach(fields: [index]) { _, _, v, _ in values.append(v[0]) }
        return values
    }

    /// Values beyond Int32, and 2^53 + 1, which a detour through Double would change.
    let bigIntegers: [Int64] = [5_000_000_000, -9_000_000_000_000_000_000, 9_007_199_254_740_993, 7]

    func testInt64RoundTripsThroughEveryFormat() throws {
        for (format, ext) in [(VectorFormat.geoPackage, "gpkg"), (.geoJSON, "geojson"), (.flatGeobuf, "fgb"), (.csv, "csv")] {
            let path = "\(folder!)/big.\(ext)"
            let w = try VectorWriter(path: path, format: format)
            let crs = format == .geoJSON ? "EPSG:4326" : "EPSG:28992"
            let l = try w.addLayer(name: "big", fields: [FieldDefinition("n", .integer)], geometry: .point, crs: crs)
            for (i, n) in bigIntegers.enumerated() {
                try l.write([.integer(n)], geometry: .point(Coordinate(x: 5 + Double(i) / 100, y: 52)))
            }
            try w.close()
            let back = try readValues(path, field: "n").map { v -> Int64? in
                switch v {
                case .integer(let i): return i
                case .string(let s): return Int64(s)  // CSV has no types
                default: return nil
                }
            }
            // FlatGeobuf's spatial index may reorder features.
            XCTAssertEqual(back.compactMap { $0 }.sorted(), bigIntegers.sorted(), "\(format)")
        }
    }

    func makeLayer(_ path: String) throws -> LayerWriter {
        let writer = try VectorWriter(path: path, format: .geoJSON)
        return try writer.addLayer(name: "orphan", fields: [FieldDefinition("id", .string)], geometry: .point, crs: "EPSG:4326")
        // `writer` goes out of scope here; the layer must keep the dataset alive.
    }

    func testLayerOutlivesItsWriterVariable() throws {
        let path = "\(folder!)/orphan.geojson"
        var layer: LayerWriter? = try makeLayer(path)
        for i in 0..<3 {
            try layer?.write([.string("p\(i)")], geometry: .point(Coordinate(x: 5, y: 52 + Double(i) / 10)))
        }
        XCTAssertEqual(layer?.written, 3)
        layer = nil  // the last reference: the dataset is closed and flushed now
        XCTAssertEqual(try readValues(path, field: "id"), [.string("p0"), .string("p1"), .string("p2")])
    }

    func testWriteAfterCloseThrowsInsteadOfUsingAFreedLayer() throws {
        let path = "\(folder!)/closed.geojson"
        let w = try VectorWriter(path: path, format: .geoJSON)
        let l = try w.addLayer(name: "closed", fields: [FieldDefinition("id", .string)], geometry: .point, crs: "EPSG:4326")
        try l.write([.string("a")], geometry: .point(Coordinate(x: 5, y: 52)))
        try w.close()
        XCTAssertThrowsError(try l.write([.string("b")], geometry: .point(Coordinate(x: 5, y: 52)))) { e in
            XCTAssertTrue("\(e)".contains("after the file was closed") && "\(e)".contains(path), "\(e)")
        }
        XCTAssertThrowsError(try w.addLayer(name: "late", fields: [], geometry: .none, crs: nil)) { e in
            XCTAssertTrue("\(e)".contains("already closed"), "\(e)")
        }
        XCTAssertEqual(try readValues(path, field: "id"), [.string("a")])
    }

    func testWrongValueCountIsAnErrorNotATrap() throws {
        let w = try VectorWriter(path: "\(folder!)/count.gpkg", format: .geoPackage)
        let l = try w.addLayer(name: "count", fields: [FieldDefinition("a", .string), FieldDefinition("b", .real)],
                               geometry: .none, crs: nil)
        XCTAssertThrowsError(try l.write([.string("only one")], geometry: nil)) { e in
            XCTAssertTrue("\(e)".contains("1 values for a layer of 2 fields"), "\(e)")
        }
    }

    /// A 192 KiB tmpfs filled by one output: every format must fail with the
    /// real cause, not "unknown error" and not a silent truncated file
    /// (GDAL's GeoJSON writer ignores failed writes; errno does not).
    func testFullDiskIsReportedWithItsCause() throws {
        let mountPoint = try mountSmallDisk("small", kib: 192)
        defer { _ = run("/bin/umount", [mountPoint]) }
        let filler = String(repeating: "x", count: 200)
        for (format, ext) in [(VectorFormat.geoJSON, "geojson"), (.csv, "csv"), (.geoPackage, "gpkg"), (.flatGeobuf, "fgb")] {
            let path = "\(mountPoint)/full.\(ext)"
            let crs = format == .geoJSON ? "EPSG:4326" : "EPSG:28992"
            var failure: Error?
            do {
                let w = try VectorWriter(path: path, format: format)
                let l = try w.addLayer(name: "full", fields: [FieldDefinition("id", .integer), FieldDefinition("text", .string)],
                                       geometry: .point, crs: crs)
                for i in 0..<2_000 {
                    try l.write([.integer(Int64(i)), .string(filler)], geometry: .point(Coordinate(x: 5, y: 52)))
                }
                try w.close()
            } catch {
                failure = error
            }
            let text = failure.map { "\($0)" } ?? "no error"
            XCTAssertNotNil(failure, "\(format): 440 KB into 192 KiB must fail")
            XCTAssertTrue(text.contains(path), "\(format): names the file: \(text)")
            XCTAssertTrue(text.contains("No space left on device") || text.contains("disk is full"), "\(format): \(text)")
            XCTAssertFalse(text.contains("unknown error"), "\(format): \(text)")
            try? FileManager.default.removeItem(atPath: path)
        }
    }

    /// No page left, and the features fit in the C library's write buffer:
    /// the disk is found full only when the file is flushed on close.
    func testFullDiskAtCloseIsReported() throws {
        let mountPoint = try mountSmallDisk("tiny", kib: 64)
        defer { _ = run("/bin/umount", [mountPoint]) }
        try Data(count: 64 * 1024).write(to: URL(fileURLWithPath: "\(mountPoint)/filler"))
        let path = "\(mountPoint)/late.geojson"
        let w = try VectorWriter(path: path, format: .geoJSON)
        let l = try w.addLayer(name: "late", fields: [FieldDefinition("text", .string)], geometry: .point, crs: "EPSG:4326")
        var failure: Error?
        do {
            for _ in 0..<12 { try l.write([.string(String(repeating: "y", count: 150))], geometry: .point(Coordinate(x: 5, y: 52))) }
            try w.close()
        } catch {
            failure = error
        }
        let text = failure.map { "\($0)" } ?? "no error"
        XCTAssertTrue(text.contains(path) && text.contains("No space left on device"), text)
        XCTAssertTrue(text.contains("error while writing"), "found on close, after GDAL's GeoJSON driver returned success for every feature: \(text)")
    }

    /// A tmpfs of `kib` KiB mounted at folder/name (the caller unmounts it), or a skip without root.
    private func mountSmallDisk(_ name: String, kib: Int) throws -> String {
        let mountPoint = "\(folder!)/\(name)"
        try FileManager.default.createDirectory(atPath: mountPoint, withIntermediateDirectories: true)
        guard run("/bin/mount", ["-t", "tmpfs", "-o", "size=\(kib)k", "tmpfs", mountPoint]) == 0 else {
            throw XCTSkip("cannot mount a \(kib) KiB tmpfs (needs root): full-disk errors are not checked")
        }
        return mountPoint
    }

    private func run(_ tool: String, _ arguments: [String]) -> Int32 {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: tool)
        p.arguments = arguments
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        do { try p.run() } catch { return -1 }
        p.waitUntilExit()
        return p.terminationStatus
    }
}
