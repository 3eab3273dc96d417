import Access
import Foundation
import Geo
import XCTest
@testable import BereikServer

final class ConcurrencyTests: XCTestCase {
    /// Point queries from many threads, while scenarios run, give the same
    /// answers as one after the other, and the baseline stays as it was.
    func testConcurrentQueriesAndScenariosDoNotInterfere() throws {
        let state = try ServerFixture.state()
        let toWGS = try CoordinateTransformer(from: CoordinateTransformer.rdNew, to: CoordinateTransformer.wgs84)
        let pop = state.inputs.population
        let spots = try stride(from: 0, to: pop.count, by: max(1, pop.count / 40)).map { try toWGS.transform(pop[$0].location) }
        @Sendable func ask(_ c: Coordinate) throws -> String {
            let (lonLat, rd) = try PointQuery.location(lon: String(c.x), lat: String(c.y), state: state)
            return try PointQuery.answer(lonLat: lonLat, rd: rd, state: state).text
        }
        let sequential = try spots.map(ask)
        let statusesBefore = state.inputs.practices.map(\.status)
        let regionsBefore = state.regionRows.json.text
        let answers = ConcurrentResults(count: spots.count)
        let firstOpen = try XCTUnwrap(state.inputs.practices.first { state.parameters.isOpen($0.status) })
        DispatchQueue.concurrentPerform(iterations: spots.count + 2) { i in
            if i >= spots.count {
                answers.scenario(try? ScenarioRequest.run([.close(id: firstOpen.id)], state: state).answer.text)
            } else {
                answers.set(i, try? ask(spots[i]))
            }
        }
        XCTAssertEqual(answers.values, sequential.map { Optional($0) })
        XCTAssertEqual(answers.scenarios.count, 2)
        XCTAssertEqual(answers.scenarios[0], answers.scenarios[1], "two runs of one scenario differ")
        XCTAssertNotNil(answers.scenarios[0])
        XCTAssertEqual(state.inputs.practices.map(\.status), statusesBefore)
        XCTAssertEqual(state.regionRows.json.text, regionsBefore)
    }
}

private final class ConcurrentResults: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var values: [String?]
    private(set) var scenarios: [String?] = []
    init(count: Int) { values = Array(repeating: nil, count: count) }
    func set(_ i: Int, _ v: String?) { lock.lock(); values[i] = v; lock.unlock() }
    func scenario(_ v: String?) { lock.lock(); scenarios.append(v); lock.unlock() }
}
