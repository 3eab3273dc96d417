import Geo

/// Streams a CSV table in a `CSVDialect`. In the RFC 4180 dialect the bytes
/// are those GDAL's CSV driver wrote with `STRING_QUOTING=IF_NEEDED`: reals
/// as `%.15g`, booleans as 1/0, nulls empty, a value quoted (quotes doubled)
/// when it holds `"` `,` `;` a tab or a line break, LF line ends.
final class CSVWriter {
    private let sink: ByteSink
    let text: CSVRowText
    /// Text cells that got a leading apostrophe (excel-nl only).
    private(set) var neutralised = 0

    init(path: String, fields: [FieldDefinition], dialect: CSVDialect) throws {
        sink = try ByteSink(path: path)
        text = CSVRowText(fields: fields, dialect: dialect)
        try sink.bytes(dialect.byteOrderMark)
        for (i, f) in fields.enumerated() {
            if i > 0 { try sink.byte(dialect.separator) }
            _ = try text.text(f.name, neutralise: false, into: sink)
        }
        try sink.bytes(dialect.lineEnd)
    }

    func write(_ values: [FieldValue]) throws {
        neutralised += try text.write(values, into: sink)
    }

    /// Appends rows formatted elsewhere by `text`, in order, with the count
    /// of cells they neutralised.
    func append(formatted bytes: FormattedBytes, neutralised count: Int) throws {
        try sink.block(bytes)
        neutralised += count
    }

    func close() throws { try sink.close() }
}

/// The text of one CSV row in a dialect; a value type, so chunks of rows can
/// be formatted on several cores at once.
struct CSVRowText: Sendable {
    let fields: [FieldDefinition]
    let dialect: CSVDialect
    private let lineEnd: [UInt8]

    init(fields: [FieldDefinition], dialect: CSVDialect) {
        self.fields = fields
        self.dialect = dialect
        lineEnd = dialect.lineEnd
    }

    /// Writes one row with its line end; returns the text cells neutralised.
    func write(_ values: [FieldValue], into sink: ByteSink) throws -> Int {
        precondition(values.count == fields.count, "value count must match the layer's fields")
        var neutralised = 0
        for (i, value) in values.enumerated() {
            if i > 0 { try sink.byte(dialect.separator) }
            switch (value, fields[i].type) {
            case (.null, _): break
            case (.boolean(let b), _): try sink.byte(b ? 49 : 48)
            case (.integer(let n), .real): try GDALNumberText.csvReal(Double(n), point: dialect.decimalPoint, into: sink)
            case (.integer(let n), .boolean): try sink.byte(n != 0 ? 49 : 48)
            case (.integer(let n), _): try GDALNumberText.integer(n, into: sink)
            case (.real(let d), _) where !d.isFinite: break
            case (.real(let d), .integer): try GDALNumberText.integer(Int64(d.rounded(.towardZero).clamped(-9.2e18, 9.2e18)), into: sink)
            case (.real(let d), .boolean): try sink.byte(d != 0 ? 49 : 48)
            case (.real(let d), _): try GDALNumberText.csvReal(d, point: dialect.decimalPoint, into: sink)
            case (.string(let s), _): if try text(s, neutralise: dialect.neutralisesFormulas, into: sink) { neutralised += 1 }
            }
        }
        try sink.bytes(lineEnd)
        return neutralised
    }

    /// The columns' typed cells ready for this dialect (`OutputTable.typedCells`).
    func prepare(_ cells: [ColumnCell<Int>]) throws -> [PreparedCell] {
        try cells.map { try PreparedCell($0) { s, sink in try text(s, neutralise: dialect.neutralisesFormulas, into: sink) } }
    }

    /// Writes the block's rows from their typed cells, each with its line
    /// end: the bytes `write(_:into:)` writes for the rows' values; returns
    /// the text cells neutralised.
    func write(_ block: CellBlock, into sink: ByteSink) throws -> Int {
        precondition(block.columnCount == fields.count, "cell count must match the layer's fields")
        var neutralised = 0
        try block.read { cells in
            for r in 0..<block.rows.count {
                for k in 0..<fields.count {
                    if k > 0 { try sink.byte(dialect.separator) }
                    switch cells.cell(k, r) {
                    case .null: break
                    case .text(let s): if try text(s, neutralise: dialect.neutralisesFormulas, into: sink) { neutralised += 1 }
                    case .rendered(let texts, let t): if try texts.write(t, into: sink) { neutralised += 1 }
                    case .number(let v): try GDALNumberText.csvReal(v, point: dialect.decimalPoint, into: sink)
                    }
                }
                try sink.bytes(lineEnd)
            }
        }
        return neutralised
    }

    /// Writes one text cell; returns whether it got a leading apostrophe.
    func text(_ s: String, neutralise: Bool, into sink: ByteSink) throws -> Bool {
        var s = s
        return try s.withUTF8 { utf8 in
            let apostrophe = neutralise && utf8.first.map { CSVDialect.formulaStarts.contains($0) } == true
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
            return apostrophe
        }
    }
}
