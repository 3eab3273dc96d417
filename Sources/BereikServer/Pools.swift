import Access
import Foundation
import Geo

/// PROJ transformers (lon/lat ↔ RD New) lent to one request at a time: a
/// PROJ context belongs to one thread at a time, and creating one per request
/// would cost more than the query.
final class TransformerPool: @unchecked Sendable {
    private let lock = NSLock()
    private var free: [CoordinateTransformer] = []
    let from: String, to: String

    init(from: String, to: String) throws {
        self.from = from
        self.to = to
        free.append(try CoordinateTransformer(from: from, to: to))   // fail at start, not at the first request
    }

    func take() throws -> CoordinateTransformer {
        lock.lock()
        if let t = free.popLast() { lock.unlock(); return t }
        lock.unlock()
        return try CoordinateTransformer(from: from, to: to)
    }

    func give(_ t: CoordinateTransformer) {
        lock.lock(); free.append(t); lock.unlock()
    }

    func with<T>(_ body: (CoordinateTransformer) throws -> T) throws -> T {
        let t = try take()
        defer { give(t) }
        return try body(t)
    }
}

/// Per-thread search states for point queries (each holds a distance per
/// road node), lent to one request at a time.
final class SearchPool: @unchecked Sendable {
    private let lock = NSLock()
    private var free: [NearestPracticesSearch] = []
    private let nodeCount: Int

    init(nodeCount: Int) { self.nodeCount = nodeCount }

    func with<T>(_ body: (inout NearestPracticesSearch) throws -> T) rethrows -> T {
        lock.lock()
        var s = free.popLast() ?? NearestPracticesSearch(nodeCount: nodeCount)
        lock.unlock()
        defer { lock.lock(); free.append(s); lock.unlock() }
        return try body(&s)
    }
}

/// At most `width` heavy computations (site checks, scenarios) at once, on
/// threads of their own so point queries keep flowing; at most `queue` wait.
final class HeavyWork: @unchecked Sendable {
    private let lock = NSLock()
    private var waiting = 0
    private let width: Int, queue: Int
    private let dispatch = DispatchQueue(label: "bereik.serve.heavy", attributes: .concurrent)
    private let slots: DispatchSemaphore

    private func enter() -> Bool {
        lock.lock()
        defer { lock.unlock() }
        guard waiting < queue else { return false }
        waiting += 1
        return true
    }

    private func leave() {
        lock.lock(); waiting -= 1; lock.unlock()
    }

    init(width: Int = 2, queue: Int = 16) {
        self.width = width
        self.queue = queue
        slots = DispatchSemaphore(value: width)
    }

    func run<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        guard enter() else {
            throw APIError("busy", expected: "fewer concurrent site checks and scenarios", found: "\(queue) waiting",
                           detail: "try again in a moment", status: 503)
        }
        return try await withCheckedThrowingContinuation { continuation in
            dispatch.async { [self] in
                slots.wait()
                leave()
                defer { slots.signal() }
                continuation.resume(with: Result { try body() })
            }
        }
    }
}
