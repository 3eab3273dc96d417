import XCTest
@testable import Access

/// `ParallelWork.pipeline` against a plain loop: every item, in order, once.
final class ParallelPipelineTests: XCTestCase {
    override func tearDown() { ParallelWork.threads = ProcessInfo.processInfo.activeProcessorCount }

    struct Failure: Error, Equatable { var at: Int }

    func testConsumerSeesEveryItemInOrderForAnyThreadsAndCapacity() throws {
        for threads in [1, 2, 4] {
            ParallelWork.threads = threads
            for capacity in [1, 3, 64] {
                for n in [0, 1, 1_000] {
                    var seen: [Int] = []
                    let produced = try ParallelWork.pipeline(capacity: capacity, produce: { emit in
                        for i in 0..<n { emit([i, i * 3]) }
                        return n * 10
                    }, consume: { (item: [Int]) in seen += item })
                    XCTAssertEqual(produced, n * 10)
                    XCTAssertEqual(seen, (0..<n).flatMap { [$0, $0 * 3] }, "threads \(threads), capacity \(capacity), n \(n)")
                }
            }
        }
    }

    func testProducerErrorIsRethrownAfterTheEmittedItemsAreConsumed() {
        for threads in [1, 2] {
            ParallelWork.threads = threads
            var seen: [Int] = []
            XCTAssertThrowsError(try ParallelWork.pipeline(capacity: 2, produce: { emit -> Int in
                for i in 0..<100 {
                    if i == 57 { throw Failure(at: i) }
                    emit(i)
                }
                return 0
            }, consume: { seen.append($0) })) { XCTAssertEqual($0 as? Failure, Failure(at: 57)) }
            XCTAssertEqual(seen, Array(0..<57), "threads \(threads)")
        }
    }
}
