/// How every CSV file of a run is written (`--csv-dialect`).
public enum CSVDialect: String, CaseIterable, Sendable, Codable {
    /// RFC 4180 as bereik has always written it (the bytes of GDAL's CSV
    /// driver): comma, decimal point, UTF-8 without BOM, LF line ends, quotes
    /// only where a value holds a comma, semicolon, quote, tab or line break.
    case rfc4180 = "rfc4180"
    /// What Dutch Excel opens by double-click: semicolon, decimal comma,
    /// UTF-8 with BOM, CRLF line ends. Text cells that start with `=`, `+`,
    /// `-`, `@`, a tab or a carriage return get a leading apostrophe (`'`) so
    /// a spreadsheet never runs them as a formula (CSV injection); numbers are
    /// never changed.
    case excelNL = "excel-nl"

    var separator: UInt8 { self == .excelNL ? 59 : 44 }
    var decimalPoint: UInt8 { self == .excelNL ? 44 : 46 }
    var lineEnd: [UInt8] { self == .excelNL ? [13, 10] : [10] }
    var byteOrderMark: [UInt8] { self == .excelNL ? [0xEF, 0xBB, 0xBF] : [] }
    var neutralisesFormulas: Bool { self == .excelNL }

    /// First characters a spreadsheet may read as the start of a formula.
    static let formulaStarts: Set<UInt8> = [61, 43, 45, 64, 9, 13]
}
