import XCTest
import Geo
@testable import Access

/// The one parallel helper against plain serial loops.
final class ParallelWorkTests: XCTestCase {
    override func tearDown() { ParallelWork.threads = ProcessInfo.processInfo.activeProcessorCount }

    func testMapEqualsSerialMapForAnyThreadsAndSizes() {
        for threads in [1, 2, 3, 8] {
            ParallelWork.threads = threads
            for n in [0, 1, 2, 7, 1_000, 10_007] {
                for minPerWorker in [1, 100, 5_000] {
                    XCTAssertEqual(parallelMap(count: n, minPerWorker: minPerWorker) { $0 &* 2_654_435_761 },
                                   (0..<n).map { $0 &* 2_654_435_761 }, "threads \(threads), n \(n), min \(minPerWorker)")
                }
            }
        }
    }

    func testStateIsMadeOncePerWorker() {
        ParallelWork.threads = 4
        let counter = NSLock(), made = UnsafeMutablePointer<Int>.allocate(capacity: 1)
        defer { made.deallocate() }
        made.pointee = 0
        nonisolated(unsafe) let m = made
        let out = parallelMap(count: 1_000, minPerWorker: 100, state: { () -> Int in counter.lock(); m.pointee += 1; counter.unlock(); return 0 }) { calls, i in
            calls += 1
            return i
        }
        XCTAssertEqual(out, Array(0..<1_000))
        XCTAssertEqual(made.pointee, 4)
    }

    struct Failure: Error, Equatable { var index: Int }

    /// The error of the lowest failing block, whatever the threads' timing.
    func testErrorIsTheLowestWorkersAndDeterministic() {
        ParallelWork.threads = 4
        for _ in 0..<20 {
            XCTAssertThrowsError(try parallelMap(count: 4_000) { i throws(Failure) -> Int in
                if i % 1_000 == 500 { throw Failure(index: i) }
                return i
            }) { XCTAssertEqual($0 as? Failure, Failure(index: 500)) }
        }
    }

    func testForEachWorkerVisitsEveryIndexOnceAndRethrows() throws {
        ParallelWork.threads = 3
        let lock = NSLock()
        nonisolated(unsafe) var seen = [Int]()
        let workers = ParallelWork.forEachWorker(count: 100) { _, indexes in
            for i in indexes { lock.lock(); seen.append(i); lock.unlock() }
        }
        XCTAssertEqual(workers, 3)
        XCTAssertEqual(seen.sorted(), Array(0..<100))
        XCTAssertThrowsError(try ParallelWork.forEachWorker(count: 10) { w, _ throws(Failure) in throw Failure(index: w) }) {
            XCTAssertEqual($0 as? Failure, Failure(index: 0))
        }
    }

    /// Locating on all workers equals one locator in a plain loop.
    func testLocateAllEqualsSerialLocate() throws {
        ParallelWork.threads = 3
        func square(_ x: Double, _ y: Double) -> Geometry {
            .polygon([[Coordinate(x: x, y: y), Coordinate(x: x + 100, y: y), Coordinate(x: x + 100, y: y + 100),
                       Coordinate(x: x, y: y + 100), Coordinate(x: x, y: y)]])
        }
        let cells = (0..<3).flatMap { gy in (0..<3).map { gx in square(Double(gx) * 100, Double(gy) * 100) } }
        var rng = SplitMix64(seed: 11)
        let points = (0..<25_000).map { _ in Coordinate(x: rng.unit() * 400 - 50, y: rng.unit() * 400 - 50) }
        let locator = try PolygonLocator(polygons: cells)
        XCTAssertEqual(try PolygonLocator.locateAll(points, in: cells), try points.map { Int32(try locator.locate($0) ?? -1) })
    }

    /// `both` returns each piece's own outcome, on one thread or two: a
    /// failure of one does not stop or hide the other.
    func testBothKeepsEachOutcome() {
        for threads in [1, 2, 4] {
            ParallelWork.threads = threads
            var sideEffect = 0
            let (a, b) = ParallelWork.both({ () throws -> Int in throw Failure(index: 1) },
                                           { () throws -> [Int] in sideEffect = 7; return (0..<100_000).map { $0 * 3 } })
            XCTAssertThrowsError(try a.get()) { XCTAssertEqual($0 as? Failure, Failure(index: 1)) }
            XCTAssertEqual(try b.get().reduce(0, +), 3 * (99_999 * 100_000 / 2), "threads \(threads)")
            XCTAssertEqual(sideEffect, 7, "the second ran to the end although the first failed")
            let (c, d) = ParallelWork.both({ "first" }, { () throws -> String in throw Failure(index: 2) })
            XCTAssertEqual(try c.get(), "first")
            XCTAssertThrowsError(try d.get()) { XCTAssertEqual($0 as? Failure, Failure(index: 2)) }
        }
    }

    /// Work inside `both` still has every worker: each piece's
    /// `forEachWorker` with two workers must have both running at once (a
    /// rendezvous that times out when the second worker waits for the first:
    /// libdispatch ran a `concurrentPerform` nested in another on one thread).
    func testWorkInsideBothRunsOnAllWorkers() {
        let threads = ParallelWork.threads
        ParallelWork.threads = 2
        defer { ParallelWork.threads = threads }
        func rendezvous() -> Bool {
            let arrived = [DispatchSemaphore(value: 0), DispatchSemaphore(value: 0)]
            let met = Atomic2()
            ParallelWork.forEachWorker(count: 2) { w, _ in
                arrived[w].signal()
                if arrived[1 - w].wait(timeout: .now() + 20) == .success { met.add() }
            }
            return met.value == 2
        }
        let (a, b) = ParallelWork.both({ rendezvous() }, { rendezvous() })
        XCTAssertEqual(try a.get(), true, "the first piece's workers ran at the same time")
        XCTAssertEqual(try b.get(), true, "the second piece's workers ran at the same time")
    }
    /// Taking hands every index to exactly one worker; inside `both`'s first
    /// piece the last worker takes nothing before the second piece is done.
    func testTakingGivesEachIndexOnceAndHoldsAWorkerBackBesideBoth() {
        final class Log: @unchecked Sendable {
            let lock = NSLock()
            var taken: [Int] = []
            var secondDone = false
            var lastWorkerTookEarly = false
        }
        for threads in [1, 2, 3] {
            ParallelWork.threads = threads
            for n in [0, 1, 5, 1_000] {
                let log = Log()
                ParallelWork.forEachWorkerTaking(count: n) { _, take in
                    while let i = take() { log.lock.lock(); log.taken.append(i); log.lock.unlock() }
                }
                XCTAssertEqual(log.taken.sorted(), Array(0..<n), "threads \(threads), n \(n)")
            }
            let log = Log()
            let n = 400
            _ = ParallelWork.both({
                ParallelWork.forEachWorkerTaking(count: n) { w, take in
                    while let i = take() {
                        log.lock.lock()
                        log.taken.append(i)
                        if threads > 1 && w == threads - 1 && !log.secondDone { log.lastWorkerTookEarly = true }
                        log.lock.unlock()
                        usleep(200)
                    }
                }
            }, {
                usleep(20_000)
                log.lock.lock(); log.secondDone = true; log.lock.unlock()
            })
            XCTAssertEqual(log.taken.sorted(), Array(0..<n), "beside both, threads \(threads)")
            XCTAssertFalse(log.lastWorkerTookEarly, "threads \(threads)")
        }
    }

    /// `withThreads` sets the count for work started from this thread only,
    /// and restores it (nested too).
    func testWithThreadsIsScopedToTheThread() {
        ParallelWork.threads = 4
        ParallelWork.withThreads(1) {
            XCTAssertEqual(ParallelWork.threads, 1)
            XCTAssertEqual(ParallelWork.workers(count: 1_000, minPerWorker: 1), 1)
            ParallelWork.withThreads(3) { XCTAssertEqual(ParallelWork.threads, 3) }
            XCTAssertEqual(ParallelWork.threads, 1)
            // Another thread sees the process-wide count.
            final class Seen: @unchecked Sendable { var threads = 0 }
            let seen = Seen(), done = DispatchSemaphore(value: 0)
            Thread { seen.threads = ParallelWork.threads; done.signal() }.start()
            done.wait()
            XCTAssertEqual(seen.threads, 4)
        }
        XCTAssertEqual(ParallelWork.threads, 4)
        XCTAssertEqual(ParallelWork.withThreads(0) { ParallelWork.threads }, 1, "at least one")
    }
}

private final class Atomic2: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    func add() { lock.lock(); count += 1; lock.unlock() }
    var value: Int { lock.lock(); defer { lock.unlock() }; return count }
}
