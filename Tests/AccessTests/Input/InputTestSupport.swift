import Foundation
import XCTest
import Geo
@testable import Access

extension Fixtures {
    /// A spreadsheet (xlsx or ods) written by GDAL's own driver from CSV
    /// text, with number columns typed (numeric cells) as a spreadsheet has.
    func spreadsheet(_ name: String, csv: String) throws -> String {
        let source = try write(name + ".source.csv", csv)
        let out = "\(folder)/\(name)"
        let driver = name.hasSuffix(".ods") ? "ODS" : "XLSX"
        let tool = ["/usr/bin/ogr2ogr", "/usr/local/bin/ogr2ogr"].first { FileManager.default.isExecutableFile(atPath: $0) }
        guard let tool else { throw XCTSkip("ogr2ogr not installed: cannot write a \(driver) fixture") }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: tool)
        p.arguments = ["-f", driver, "-oo", "AUTODETECT_TYPE=YES", "-nln", "Blad1", out, source]
        p.standardError = FileHandle.nullDevice
        try p.run()
        p.waitUntilExit()
        XCTAssertEqual(p.terminationStatus, 0, "ogr2ogr -f \(driver)")
        return out
    }
}

func assertInputError(_ body: @autoclosure () throws -> Any, contains parts: [String], file: StaticString = #filePath, line: UInt = #line) {
    XCTAssertThrowsError(try body(), file: file, line: line) { e in
        for p in parts { XCTAssertTrue("\(e)".contains(p), "'\(p)' missing in: \(e)", file: file, line: line) }
    }
}
