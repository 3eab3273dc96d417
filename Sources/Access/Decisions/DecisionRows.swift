import Geo

/// A table of the output contract as plain rows (field names, values), for
/// answers given outside an output folder (`bereik serve`): the same builders
/// as the files, so an answer carries the same fields and values as the CLI's.
public struct TableRows: Sendable {
    public var fields: [String]
    public var rows: [[FieldValue]]

    init(_ table: OutputTable) {
        fields = table.fields.map(\.name)
        rows = table.rows
    }
}

public enum DecisionRows {
    /// The rows of sites.csv (the postcode columns come with the checks when a
    /// postcode decides; `postcodes` is kept for callers and not needed).
    public static func sites(_ checks: [SiteCheck], practices: [Practice], modes: [String], measure: String, postcodes: Bool = false) -> TableRows {
        TableRows(SiteTables.sites(checks, practices: practices, modes: modes, measure: measure))
    }

    /// The rows of changes.csv.
    public static func scenarioRegions(_ c: ScenarioComparison, regions: [Region]) -> TableRows {
        TableRows(ScenarioTables.regions(c, regions: regions))
    }

    /// The rows of receiving_practices.csv.
    public static func receiving(_ c: ScenarioComparison, practices: [Practice]) -> TableRows {
        TableRows(ScenarioTables.receiving(c, practices: practices))
    }

    /// The rows of regions.csv and practices.geojson for one analysis (the
    /// population table, which they do not need, is left empty).
    public static func analysis(_ result: AnalysisResult, practices: [Practice],
                                regions: [Region]) -> (regions: TableRows, practices: TableRows) {
        let t = OutputTables(result: result, population: [], practices: practices, regions: regions)
        return (TableRows(t.regions), TableRows(t.practices))
    }

    /// The scenario's summary paragraph, as scenario.md has it.
    public static func scenarioSummary(changes: [PracticeChange], baselinePractices: [Practice], comparison: ScenarioComparison,
                                       regions: [Region], scenarioPractices: [Practice]) -> String {
        ScenarioSummary.paragraph(changes: changes, baselinePractices: baselinePractices, comparison: comparison,
                                  regions: regions, scenarioPractices: scenarioPractices)
    }
}

extension HousingSite {
    /// A site given in a request rather than read from a file.
    public static func given(id: String, name: String, geometry: Geometry, homes: Double, householdSize: Double?) -> HousingSite {
        HousingSite(id: id, name: name, geometry: geometry, homes: homes, householdSize: householdSize)
    }
}
