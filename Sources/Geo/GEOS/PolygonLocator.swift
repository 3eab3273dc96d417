import CGEOS
import Foundation

/// Finds which polygon contains a point: an STRtree over the polygons'
/// envelopes narrows the candidates, prepared geometries decide. A point on a
/// shared boundary goes to the first polygon (in input order) that covers it.
/// One locator owns its own GEOS context; `locateAll` runs several threads,
/// each with a locator of its own.
public final class PolygonLocator {
    private let context: GEOSContext
    private let polygons: [Geometry]
    private let prepared: [GEOSPreparedRef]
    private let tree: GEOSTreeRef

    public init(polygons: [Geometry]) throws {
        let ctx = try GEOSContext()
        context = ctx
        self.polygons = polygons
        prepared = try polygons.map { try GEOSPreparedRef(base: try ctx.make($0)) }
        tree = try GEOSTreeRef(context: ctx)
        for (i, p) in prepared.enumerated() {
            // Items are indexes + 1 stored in the pointer bits (never dereferenced).
            GEOSSTRtree_insert_r(context.handle, tree.pointer, p.base.pointer, UnsafeMutableRawPointer(bitPattern: i + 1))
        }
    }

    public var count: Int { polygons.count }

    /// Index of the first polygon that covers `c`, or nil.
    public func locate(_ c: Coordinate) throws -> Int? {
        context.resetError()
        // Returns NULL on exception.
        let owned = try context.own(GEOSGeom_createPointFromXY_r(context.handle, c.x, c.y), "create point")
        var candidates = [Int]()
        withUnsafeMutablePointer(to: &candidates) { out in
            GEOSSTRtree_query_r(context.handle, tree.pointer, owned.pointer, { item, userData in
                let list = userData!.assumingMemoryBound(to: [Int].self)
                list.pointee.append(Int(bitPattern: item) - 1)
            }, out)
        }
        for i in candidates.sorted() {
            // Returns 2 on exception.
            let r = GEOSPreparedCovers_r(context.handle, prepared[i].pointer, owned.pointer)
            if r == 2 { throw context.error("prepared covers") }
            if r == 1 { return i }
        }
        return nil
    }

    /// Indexes of every polygon that covers `c`, ascending (overlapping
    /// polygons, e.g. the eligibility areas of neighbouring practices).
    public func locateEvery(_ c: Coordinate) throws -> [Int] {
        context.resetError()
        // Returns NULL on exception.
        let owned = try context.own(GEOSGeom_createPointFromXY_r(context.handle, c.x, c.y), "create point")
        var candidates = [Int]()
        withUnsafeMutablePointer(to: &candidates) { out in
            GEOSSTRtree_query_r(context.handle, tree.pointer, owned.pointer, { item, userData in
                userData!.assumingMemoryBound(to: [Int].self).pointee.append(Int(bitPattern: item) - 1)
            }, out)
        }
        var hits: [Int] = []
        for i in candidates.sorted() {
            // Returns 2 on exception.
            let r = GEOSPreparedCovers_r(context.handle, prepared[i].pointer, owned.pointer)
            if r == 2 { throw context.error("prepared covers") }
            if r == 1 { hits.append(i) }
        }
        return hits
    }

    /// The polygon nearest to `c` within `maxDistance` and its distance, for
    /// points that fall just outside generalised boundaries.
    public func nearest(to c: Coordinate, within maxDistance: Double) throws -> (index: Int, distance: Double)? {
        context.resetError()
        // Both return NULL on exception; each result is owned before the next call.
        let owned = try context.own(GEOSGeom_createPointFromXY_r(context.handle, c.x, c.y), "create point")
        let ownedBox = try context.own(
            GEOSGeom_createRectangle_r(context.handle, c.x - maxDistance, c.y - maxDistance,
                                       c.x + maxDistance, c.y + maxDistance), "create query rectangle")
        var candidates = [Int]()
        withUnsafeMutablePointer(to: &candidates) { out in
            GEOSSTRtree_query_r(context.handle, tree.pointer, ownedBox.pointer, { item, userData in
                userData!.assumingMemoryBound(to: [Int].self).pointee.append(Int(bitPattern: item) - 1)
            }, out)
        }
        var best: (Int, Double)?
        for i in candidates.sorted() {
            var d = 0.0
            // Returns 0 on exception.
            guard GEOSPreparedDistance_r(context.handle, prepared[i].pointer, owned.pointer, &d) != 0 else {
                throw context.error("prepared distance")
            }
            if d <= maxDistance && d < (best?.1 ?? .infinity) { best = (i, d) }
        }
        return best
    }

    /// Locates every coordinate, on `threads` threads; -1 where none covers it.
    public static func locateAll(_ coordinates: [Coordinate], in polygons: [Geometry], threads: Int = ProcessInfo.processInfo.activeProcessorCount) throws -> [Int32] {
        let n = coordinates.count
        var result = [Int32](repeating: -1, count: n)
        let workers = max(1, min(threads, n / 10_000 + 1))
        let chunk = (n + workers - 1) / max(workers, 1)
        let errors = ErrorBox()
        result.withUnsafeMutableBufferPointer { out in
            let outBase = out.baseAddress!
            nonisolated(unsafe) let outPtr = outBase
            DispatchQueue.concurrentPerform(iterations: workers) { w in
                let lo = w * chunk, hi = min(n, lo + chunk)
                guard lo < hi else { return }
                do {
                    let locator = try PolygonLocator(polygons: polygons)
                    for i in lo..<hi {
                        outPtr[i] = Int32(try locator.locate(coordinates[i]) ?? -1)
                    }
                } catch {
                    errors.set(error)
                }
            }
        }
        if let e = errors.error { throw e }
        return result
    }
}

extension PolygonLocator {
    /// For every polygon, the ascending indexes of the coordinates it covers
    /// (a coordinate may lie in several polygons), on `threads` threads.
    public static func coveredPoints(_ coordinates: [Coordinate], by polygons: [Geometry], threads: Int = ProcessInfo.processInfo.activeProcessorCount) throws -> [[Int32]] {
        let n = coordinates.count
        guard !polygons.isEmpty else { return [] }
        let workers = max(1, min(threads, n / 10_000 + 1))
        let chunk = (n + workers - 1) / workers
        let errors = ErrorBox()
        // One list per worker and polygon; worker w holds chunk w, so joining in worker order keeps indexes ascending.
        let parts = PerWorker<[[Int32]]>(count: workers, initial: [])
        DispatchQueue.concurrentPerform(iterations: workers) { w in
            let lo = w * chunk, hi = min(n, lo + chunk)
            guard lo < hi else { return }
            do {
                let locator = try PolygonLocator(polygons: polygons)
                var lists = [[Int32]](repeating: [], count: polygons.count)
                for i in lo..<hi {
                    for k in try locator.locateEvery(coordinates[i]) { lists[k].append(Int32(i)) }
                }
                parts.set(w, lists)
            } catch {
                errors.set(error)
            }
        }
        if let e = errors.error { throw e }
        var result = [[Int32]](repeating: [], count: polygons.count)
        for w in 0..<workers {
            let lists = parts.get(w)
            for k in lists.indices { result[k] += lists[k] }
        }
        return result
    }
}

/// One slot per worker thread, each written by its own worker only.
final class PerWorker<T>: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [T]
    init(count: Int, initial: T) { slots = Array(repeating: initial, count: count) }
    func set(_ i: Int, _ value: T) { lock.lock(); slots[i] = value; lock.unlock() }
    func get(_ i: Int) -> T { lock.lock(); defer { lock.unlock() }; return slots[i] }
}

/// Collects the first error thrown on any worker thread.
final class ErrorBox: @unchecked Sendable {
    private let lock = NSLock()
    private var first: Error?
    func set(_ e: Error) { lock.lock(); if first == nil { first = e }; lock.unlock() }
    var error: Error? { lock.lock(); defer { lock.unlock() }; return first }
}
