import XCTest
@testable import Access

/// `ParallelWork.forEachTaking` against the list it is given.
final class ParallelTakingTests: XCTestCase {
    override func tearDown() { ParallelWork.threads = ProcessInfo.processInfo.activeProcessorCount }

    struct Failure: Error, Equatable { var index: Int }

    func testEveryIndexRunsOnceForAnyThreads() throws {
        for threads in [1, 2, 3, 8] {
            ParallelWork.threads = threads
            for n in [0, 1, 2, 5, 97] {
                let order = (0..<n).reversed().map { $0 }
                let lock = NSLock()
                nonisolated(unsafe) var seen = [Int]()
                try ParallelWork.forEachTaking(order) { i in lock.lock(); seen.append(i); lock.unlock() }
                XCTAssertEqual(seen.sorted(), Array(0..<n), "threads \(threads), n \(n)")
            }
        }
    }

    /// With one worker the items run in the order given.
    func testOneWorkerFollowsTheOrder() throws {
        ParallelWork.threads = 1
        nonisolated(unsafe) var seen = [Int]()
        try ParallelWork.forEachTaking([4, 0, 3, 1, 2]) { seen.append($0) }
        XCTAssertEqual(seen, [4, 0, 3, 1, 2])
    }

    /// Every item runs although some fail, and the error is the earliest
    /// failing item's in the order given, whatever the threads' timing.
    func testErrorIsTheEarliestFailingItemsInTheOrder() {
        ParallelWork.threads = 4
        for _ in 0..<20 {
            let lock = NSLock()
            nonisolated(unsafe) var ran = 0
            let order = [9, 3, 7, 1, 8, 0, 6, 2, 5, 4]
            XCTAssertThrowsError(try ParallelWork.forEachTaking(order) { i in
                if i == 3 { Thread.sleep(forTimeInterval: 0.005) }
                lock.lock(); ran += 1; lock.unlock()
                if i % 2 == 1 { throw Failure(index: i) }
            }) { XCTAssertEqual($0 as? Failure, Failure(index: 9)) }
            XCTAssertEqual(ran, 10)
        }
    }
}
