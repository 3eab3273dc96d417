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
    private let starts: UnsafeMutableBufferPointer<Int>
    private let neutralised: UnsafeMutableBufferPointer<Bool>

    init(_ texts: [String], render: (String, ByteSink) throws -> Bool) rethrows {
        let sink = ByteSink(memoryFor: "texts", expectedBytes: 16 * texts.count)
        starts = .allocate(capacity: texts.count + 1)
        neutralised = .allocate(capacity: texts.count)
        starts[0] = 0
        for (k, text) in texts.enumerated() {
            neutralised[k] = try render(text, sink)
            starts[k + 1] = sink.bufferedBytes
        }
        bytes = sink.takeBytes()
    }

    deinit {
        starts.deallocate()
        neutralised.deallocate()
    }

    var count: Int { neutralised.count }

    /// The texts without a reference count, for the formatting loops; valid
    /// while this object lives.
    var view: View { View(bytes: bytes.pointer, starts: starts.baseAddress!, neutralised: neutralised.baseAddress!) }

    struct View {
        let bytes: UnsafePointer<UInt8>
        let starts: UnsafePointer<Int>
        let neutralised: UnsafePointer<Bool>

        /// Writes text `k` (0 ≤ k < count); returns whether it was neutralised.
        @inline(__always)
        func write(_ k: Int, into sink: ByteSink) throws -> Bool {
            try sink.bytes(UnsafeBufferPointer(start: bytes + starts[k], count: starts[k + 1] - starts[k]))
            return neutralised[k]
        }
    }
}

/// The prepared cells of a block of rows (one formatting chunk), fetched
/// column by column: each column's cell is taken out of its enum once per
/// block, not once per row. Taking a closure out retains its context, and
/// the formatting threads share the contexts: those contended atomic
/// retains were a quarter of the processor time of `bench write` (perf,
/// 2026-11-30). Numbers are stored rounded, NaN for null; text indexes -1
/// for null or out of range.
struct CellBlock {
    let rows: Range<Int>
    fileprivate enum Kind { case text, oneOf, number }
    /// Column k's kind and where its first row sits in its kind's array.
    private let kinds: [Kind]
    private let starts: [Int]
    private let views: [RenderedTexts.View?]
    /// Keeps the rendered texts the views point into alive.
    private let owners: [RenderedTexts]
    private var texts: [String?] = []
    private var indexes: [Int32] = []
    private var numbers: [Double] = []

    /// One cell as a format writes it.
    enum Cell {
        case null
        case text(String)
        case rendered(RenderedTexts.View, Int)
        case number(Double)
    }

    init(_ cells: [PreparedCell], rows: Range<Int>) {
        self.rows = rows
        var kinds = [Kind](), starts = [Int](), views = [RenderedTexts.View?](), owners = [RenderedTexts]()
        for cell in cells {
            switch cell {
            case .text(let f):
                kinds.append(.text); starts.append(texts.count); views.append(nil)
                for i in rows { texts.append(f(i)) }
            case .oneOf(let rendered, let f):
                kinds.append(.oneOf); starts.append(indexes.count); views.append(rendered.view); owners.append(rendered)
                let count = rendered.count
                for i in rows {
                    if let t = f(i), t >= 0, t < count { indexes.append(Int32(t)) } else { indexes.append(-1) }
                }
            case .number(let scale, let f):
                kinds.append(.number); starts.append(numbers.count); views.append(nil)
                for i in rows {
                    if let x = f(i), x.isFinite, case let v = ColumnCell<Int>.rounded(x, scale), v.isFinite {
                        numbers.append(v)
                    } else {
                        numbers.append(.nan)
                    }
                }
            }
        }
        self.kinds = kinds
        self.starts = starts
        self.views = views
        self.owners = owners
    }

    var columnCount: Int { kinds.count }

    /// Calls `body` with a reader of the cells, valid inside `body` only.
    func read<R>(_ body: (Reader) throws -> R) rethrows -> R {
        try kinds.withUnsafeBufferPointer { kinds in
            try starts.withUnsafeBufferPointer { starts in
                try views.withUnsafeBufferPointer { views in
                    try texts.withUnsafeBufferPointer { texts in
                        try indexes.withUnsafeBufferPointer { indexes in
                            try numbers.withUnsafeBufferPointer { numbers in
                                try withExtendedLifetime(owners) {
                                    try body(Reader(kinds: kinds, starts: starts, views: views, texts: texts, indexes: indexes, numbers: numbers))
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    struct Reader {
        fileprivate let kinds: UnsafeBufferPointer<Kind>
        fileprivate let starts: UnsafeBufferPointer<Int>
        fileprivate let views: UnsafeBufferPointer<RenderedTexts.View?>
        fileprivate let texts: UnsafeBufferPointer<String?>
        fileprivate let indexes: UnsafeBufferPointer<Int32>
        fileprivate let numbers: UnsafeBufferPointer<Double>

        /// Column `k`'s cell of the block's row `r` (0-based in the block).
        @inline(__always)
        func cell(_ k: Int, _ r: Int) -> Cell {
            let at = starts[k] + r
            switch kinds[k] {
            case .text:
                if let s = texts[at] { return .text(s) }
                return .null
            case .oneOf:
                let t = indexes[at]
                return t < 0 ? .null : .rendered(views[k].unsafelyUnwrapped, Int(t))
            case .number:
                let v = numbers[at]
                return v.isNaN ? .null : .number(v)
            }
        }
    }
}
