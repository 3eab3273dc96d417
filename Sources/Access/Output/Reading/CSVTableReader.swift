import Foundation

/// A CSV table of an output folder (`trend.csv`) read back as text cells by
/// column name, in either dialect bereik writes (`CSVDialect`): comma with a
/// decimal point, or semicolon with a decimal comma and a byte order mark.
/// Numbers come back with a decimal point in both.
public enum CSVTableReader {
    /// The rows after the header, each by column name; nil for an empty file.
    public static func rows(_ path: String) throws -> [[String: String]]? {
        var text = try String(contentsOfFile: path, encoding: .utf8)
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        let lines = text.split(whereSeparator: \.isNewline).map(String.init)
        guard let headerLine = lines.first else { return nil }
        let semicolon = headerLine.contains(";") && !headerLine.contains(",")
        let header = split(headerLine, separator: semicolon ? ";" : ",")
        return lines.dropFirst().map { line in
            var row: [String: String] = [:]
            for (k, v) in zip(header, split(line, separator: semicolon ? ";" : ",")) {
                // excel-nl: decimal comma; an apostrophe guards text that looked like a formula.
                row[k] = semicolon && Self.isDecimalComma(v) ? v.replacingOccurrences(of: ",", with: ".") : v
            }
            return row
        }
    }

    /// "-12,5" or "0,8734": a number written with a decimal comma.
    static func isDecimalComma(_ v: String) -> Bool {
        let parts = v.split(separator: ",", omittingEmptySubsequences: false)
        return parts.count == 2 && !parts[1].isEmpty && parts[1].allSatisfy(\.isNumber)
            && parts[0].drop(while: { $0 == "-" }).allSatisfy(\.isNumber) && !parts[0].isEmpty
    }

    /// One line's cells: double quotes honoured, `""` inside them is a quote.
    public static func split(_ line: String, separator: Character) -> [String] {
        var out: [String] = [], current = "", quoted = false
        let chars = Array(line)
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if quoted {
                if c == "\"" {
                    if i + 1 < chars.count && chars[i + 1] == "\"" { current.append("\""); i += 1 } else { quoted = false }
                } else { current.append(c) }
            } else if c == "\"" {
                quoted = true
            } else if c == separator {
                out.append(current); current = ""
            } else {
                current.append(c)
            }
            i += 1
        }
        out.append(current)
        return out
    }
}
