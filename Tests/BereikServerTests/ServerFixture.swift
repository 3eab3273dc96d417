import Access
import Foundation
import XCTest
@testable import BereikServer

/// The default data set served in-process, built once for all handler tests.
enum ServerFixture {
    static var packageRoot: URL {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url
    }

    static func defaultJob() -> AnalyzeJob {
        let data = packageRoot.appendingPathComponent("GeoData").path
        var job = AnalyzeJob(populationPath: data + "/population.geojson", practicesPath: data + "/practices.geojson",
                             regionsPath: data + "/gemeenten.geojson", outputFolder: "")
        job.roadsPath = data + "/roads.geojson"
        job.syntheticData = true
        return job
    }

    nonisolated(unsafe) private static var cached: ServerState?
    private static let lock = NSLock()

    static func state() throws -> ServerState {
        lock.lock()
        defer { lock.unlock() }
        if let cached { return cached }
        let s = try ServerState(job: defaultJob())
        cached = s
        return s
    }
}

/// Parses an answer's JSON text.
func parsed(_ j: JSONOut) throws -> [String: Any] {
    try XCTUnwrap(JSONSerialization.jsonObject(with: Data(j.text.utf8)) as? [String: Any])
}
