import Geo

/// Streams a CSV table in a `CSVDialect`. In the RFC 4180 dialect the bytes
/// are those GDAL's CSV driver wrote with `STRING_QUOTING=IF_NEEDED`: reals
/// as `%.15g`, booleans as 1/0, nulls empty, a value quoted (quotes doubled)
/// when it holds `"` `,` `;` a tab or a line break, LF line ends.
final class CSVWriter {
    private let sink: ByteSink
    private let fields: [FieldDefinition]
    let dialect: CSVDialect
    /// Text cells that got a leading apostrophe (excel-nl only).
    private(set) var neutralised = 0

    init(path: String, fields: [FieldDefinition], dialect: CSVDialect) throws {
        sink = try ByteSink(path: path)
        self.fields = fields
        self.dialect = dialect
        try sink.bytes(dialect.byteOrderMark)
        for (i, f) in fields.enumerated() {
            if i > 0 { try sink.byte(dialect.separator) }
            try text(f.name, neutralise: false)
        }
        try sink.bytes(dialect.lineEnd)
    }

    func write(_ values: [FieldValue]) throws {
        precondition(values.count == fields.count, "value count must match the layer's fields")
        for (i, value) in values.enumerated() {
            if i > 0 { try sink.byte(dialect.separator) }
            switch (value, fields[i].type) {
            case (.null, _): break
            case (.boolean(let b), _): try sink.byte(b ? 49 : 48)
            case (.integer(let n), .real): try GDALNumberText.csvReal(Double(n), point: dialect.decimalPoint, into: sink)
            case (.integer(let n), .boolean): try sink.byte(n != 0 ? 49 : 48)
            case (.integer(let n), _): try sink.bytes(Array(String(n).utf8))
            case (.real(let d), _) where !d.isFinite: break
            case (.real(let d), .integer): try sink.bytes(Array(String(Int64(d.rounded(.towardZero).clamped(-9.2e18, 9.2e18))).utf8))
            case (.real(let d), .boolean): try sink.byte(d != 0 ? 49 : 48)
            case (.real(let d), _): try GDALNumberText.csvReal(d, point: dialect.decimalPoint, into: sink)
            case (.string(let s), _): try text(s, neutralise: dialect.neutralisesFormulas)
            }
        }
        try sink.bytes(dialect.lineEnd)
    }

    func close() throws { try sink.close() }

    private func text(_ s: String, neutralise: Bool) throws {
        var s = s
        try s.withUTF8 { utf8 in
            let apostrophe = neutralise && utf8.first.map { CSVDialect.formulaStarts.contains($0) } == true
            if apostrophe { neutralised += 1 }
            let quote = utf8.contains { $0 == 34 || $0 == 44 || $0 == 59 || $0 == 9 || $0 == 10 || $0 == 13 }
            if quote { try sink.byte(34) }
            if apostrophe { try sink.byte(39) }
            if quote {
                for b in utf8 {
                    if b == 34 { try sink.byte(34) }
                    try sink.byte(b)
                }
                try sink.byte(34)
            } else {
                try sink.bytes(utf8)
            }
        }
    }
}
