import Foundation

/// Progress for long steps on stderr — only when stderr is a terminal, so
/// pipes, logs and CI stay quiet.
public final class Progress: @unchecked Sendable {
    private let enabled: Bool
    private var lastDraw = Date.distantPast
    private let lock = NSLock()

    public init(enabled: Bool = isatty(2) != 0) {
        self.enabled = enabled
    }

    public func update(_ step: String, done: Int, total: Int?) {
        guard enabled else { return }
        lock.lock(); defer { lock.unlock() }
        let now = Date()
        guard now.timeIntervalSince(lastDraw) > 0.1 else { return }
        lastDraw = now
        var line = "\r\u{1B}[K\(step): \(done)"
        if let total, total > 0 { line += " / \(total) (\(Int(Double(done) / Double(total) * 100)) %)" }
        FileHandle.standardError.write(line.data(using: .utf8)!)
    }

    public func step(_ text: String) {
        guard enabled else { return }
        FileHandle.standardError.write("\r\u{1B}[K\(text)…".data(using: .utf8)!)
    }

    public func finish() {
        guard enabled else { return }
        FileHandle.standardError.write("\r\u{1B}[K".data(using: .utf8)!)
    }
}
