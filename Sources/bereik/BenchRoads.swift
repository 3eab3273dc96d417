import ArgumentParser
import Access
import BereikBench

/// `bereik bench roads`: graph build, snapping and the routing pass on a
/// generated road-like network (default the scenario: 1,000,000
/// nodes, 1,000,000 points, 2,000 practices of which 70 % open).
struct BenchRoads: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "roads",
        abstract: "Road graph build, snapping and routing on a generated 1M-node network; prints phases and peak memory.")

    @Option(help: "Road nodes.") var nodes: Int = 1_000_000
    @OptionGroup var size: GeneratedCaseSize<BenchRoads>
    @Option(help: "Share of practices that are partial with an eligibility area (issue 13), e.g. 0.4; their routing time is printed apart.") var partialShare: Double = 0
    @Option(help: "Radius of each partial practice's area in metres (the points within it).") var areaRadiusM: Double = 3_000

    func validate() throws {
        guard partialShare >= 0 && partialShare <= 1 else { throw ValidationError("--partial-share must be from 0 to 1, got \(partialShare)") }
        guard areaRadiusM.isFinite && areaRadiusM > 0 else { throw ValidationError("--area-radius-m must be a distance > 0, got \(areaRadiusM)") }
    }

    func run() throws {
        let r = SyntheticRoadNetwork.benchmarkLarge(nodes: nodes, points: size.points, practices: size.practices,
                                                    partialShare: partialShare, areaRadiusM: areaRadiusM)
        print(r)
    }
}

extension BenchRoads: GeneratedCaseDefaults {
    static let defaultPoints = 1_000_000
    static let defaultPractices = 2_000
}
