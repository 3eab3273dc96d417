import Foundation
import Geo

/// The tables of the output contract, built from an analysis result through
/// one column spec per table (`OutputTables+Population`, `+Regions`,
/// `+Practices`). Distances in metres with one decimal, shares in 0–1, times
/// in minutes.
public struct OutputTables {
    public var population: OutputTable
    var regions: OutputTable
    var practices: OutputTable

    public init(result: AnalysisResult, population pop: [PopulationPoint], practices prac: [Practice], regions reg: [Region]) {
        population = OutputTable(name: "population",
                                 columns: Self.populationColumns(result: result, population: pop, practices: prac, regions: reg),
                                 count: pop.count, geometries: pop.map { .point($0.location) }, kind: .point) { $0 }

        let studyArea = reg.isEmpty
        var regionRows = result.regions.map { r in
            RegionRow(access: r, region: studyArea ? nil : reg[r.regionIndex], label: ("all", "Study area"), ranked: true)
        }
        var regionGeometries: [Geometry?] = result.regions.map { studyArea ? nil : Self.multi(reg[$0.regionIndex].geometry) }
        if let total = result.regionsTotal {
            regionRows.append(RegionRow(access: total, region: nil, label: Self.totalLabel(reg), ranked: false))
            regionGeometries.append(nil)
        }
        regions = OutputTable(name: "regions", columns: Self.regionColumns(result: result), rows: regionRows,
                              geometries: regionGeometries, kind: .multiPolygon)

        practices = OutputTable(name: "practices", columns: Self.practiceColumns(result: result, practices: prac, regions: reg),
                                rows: prac.indices, geometries: prac.map { .point($0.location) }, kind: .point)
    }

    static func catchments(_ list: [Catchment], method: CatchmentMethod, practices: [Practice]) -> OutputTable {
        OutputTable(name: "catchments", columns: catchmentColumns(method: method, practices: practices), rows: list,
                    geometries: list.map { multi($0.geometry) }, kind: .multiPolygon)
    }

    /// Regions are written as MultiPolygons so every layer has one type.
    static func multi(_ g: Geometry) -> Geometry {
        if case .polygon(let rings) = g { return .multiPolygon([rings]) }
        return g
    }

    /// A band in a column name: `5`, `2_5`; absurd values stay readable
    /// (`1e+300` → `1e300`) instead of trapping.
    static func km(_ x: Double) -> String {
        if let i = SafeNumber.int(x), Double(i) == x { return String(i) }
        return String(x).replacingOccurrences(of: ".", with: "_").replacingOccurrences(of: "+", with: "")
    }

    /// The study-area total row: `total` (or `total_study_area` when a region
    /// already has the id `total`), without geometry.
    static func totalLabel(_ regions: [Region]) -> (id: String, name: String) {
        let id = regions.contains { $0.id == RegionColumn.totalRowID } ? RegionColumn.totalRowIDWhenTaken : RegionColumn.totalRowID
        return (id, "Study area total (the regions together)")
    }

    /// Where a practice's FTE comes from.
    static func fteBasis(_ p: Practice, _ parameters: AnalysisParameters) -> String {
        if p.gpFTE != nil { return "practice list" }
        guard parameters.defaultFTE != nil else { return FTEDefault.noFTEReason }
        return parameters.defaultFTERule == .option ? "--default-fte" : FTEDefault.Rule.median.rawValue
    }
}
