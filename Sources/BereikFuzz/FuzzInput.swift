import Access
import Foundation
import Geo

/// One fuzz case: arbitrary bytes read as a planner's file. Bytes that start
/// with `{` (after blanks) are written as a `.geojson` file, anything else as
/// a `.csv`; the file then goes through every reader that takes a point or
/// polygon layer, and each line's cells through the number and status
/// parsers. A reader may throw (bad input is an error, not a crash); a trap,
/// a sanitizer report or a hang is a finding.
enum FuzzInput {
    /// A folder of this process's own for the file under test.
    static let folder: String = {
        let f = NSTemporaryDirectory() + "bereik-fuzz-\(getpid())"
        try? FileManager.default.createDirectory(atPath: f, withIntermediateDirectories: true)
        return f
    }()

    static func run(_ bytes: UnsafeRawBufferPointer) {
        let data = Data(bytes)
        let firstNonBlank = data.first { $0 != 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D }
        let path = folder + (firstNonBlank == UInt8(ascii: "{") ? "/input.geojson" : "/input.csv")
        guard (try? data.write(to: URL(fileURLWithPath: path))) != nil else { return }
        defer { try? FileManager.default.removeItem(atPath: path) }

        let options = InputOptions()
        _ = try? PopulationReader.read(path: path, options: options)
        _ = try? PracticeReader.read(path: path, options: options)
        _ = try? RegionReader.read(path: path, options: options)
        _ = try? StatusHistoryReader.read(path: path, practiceIDs: ["1", "A"], options: options)

        parseCells(String(decoding: data, as: UTF8.self))
    }

    /// Every cell of every line through the value parsers.
    static func parseCells(_ text: String) {
        for line in text.split(whereSeparator: \.isNewline).prefix(200) {
            _ = try? PostcodeSet.parse(String(line))
            for cell in line.split(separator: ",", omittingEmptySubsequences: false).prefix(50) {
                let value = FieldValue.string(String(cell))
                _ = ValueParsing.number(value)
                _ = ValueParsing.status(value, fieldMeansStop: false)
                _ = ValueParsing.status(value, fieldMeansStop: true)
                _ = StatusHistoryReader.day(String(cell))
            }
        }
    }
}
