/// A column's typed cell (`ColumnCell`) made ready for one file format: the
/// `oneOf` texts already formatted, once for the file instead of once per row.
enum PreparedCell {
    case text((Int) -> String?)
    case oneOf(RenderedTexts, (Int) -> Int?)
    case number(scale: Double?, (Int) -> Double?)

    /// `render(text, sink)` writes one text as the format writes a cell and
    /// returns whether it neutralised it (CSV's excel-nl dialect).
    init(_ cell: ColumnCell<Int>, render: (String, ByteSink) throws -> Bool) rethrows {
        switch cell {
        case .text(let f): self = .text(f)
        case .oneOf(let texts, let f): self = .oneOf(try RenderedTexts(texts, render: render), f)
        case .number(let scale, let f): self = .number(scale: scale, f)
        }
    }
}

/// A few texts formatted for one file format, in one block (read-only once
/// made, so the formatting threads share it).
final class RenderedTexts: @unchecked Sendable {
    private let bytes: FormattedBytes
    /// Text k is bytes `starts[k]..<starts[k + 1]`.
    private let starts: [Int]
    private let neutralised: [Bool]

    init(_ texts: [String], render: (String, ByteSink) throws -> Bool) rethrows {
        let sink = ByteSink(memoryFor: "texts", expectedBytes: 16 * texts.count)
        var starts = [0], neutralised = [Bool]()
        for text in texts {
            neutralised.append(try render(text, sink))
            starts.append(sink.bufferedBytes)
        }
        bytes = sink.takeBytes()
        self.starts = starts
        self.neutralised = neutralised
    }

    var count: Int { neutralised.count }

    /// Writes text `k` (0 ≤ k < count); returns whether it was neutralised.
    @inline(__always)
    func write(_ k: Int, into sink: ByteSink) throws -> Bool {
        try sink.bytes(UnsafeBufferPointer(start: bytes.pointer + starts[k], count: starts[k + 1] - starts[k]))
        return neutralised[k]
    }
}
