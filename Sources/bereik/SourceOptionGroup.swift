import ArgumentParser

/// The files an analysis reads. Without --population and --practices every
/// command runs on the embedded example data (its municipalities and roads).
struct SourceOptionGroup: ParsableArguments {
    @Option(help: "Population points or polygons (e.g. CBS PC4/grid/buurt layer).") var population: String?
    @Option(help: "GP practices with a status column.") var practices: String?
    @Option(help: "Region polygons (e.g. municipalities); points are assigned by point-in-polygon. With the example data they replace its municipalities.") var regions: String?
    @Option(help: "Table of krimp/anticipeer designations per region (e.g. a CSV with gemeente_code and status), joined by region id.") var designations: String?
    @Option(help: "Table of people without a GP per region id, joined like --designations.") var unregistered: String?
    @Option(help: "Coarser polygon layer to aggregate the regions to (province, krimp/anticipeer region); writes groups.geojson and groups.csv.") var groupBy: String?

    /// No --population/--practices: the embedded example data.
    var usesDefaultData: Bool { population == nil }

    /// Regions are in effect when given, and with the example data (its municipalities).
    var hasRegions: Bool { regions != nil || usesDefaultData }

    func validate() throws {
        if (population == nil) != (practices == nil) {
            throw ValidationError("Give both --population and --practices, or neither to use the embedded example data.")
        }
        for (option, value, purpose) in [("--designations", designations, "joins designations to region ids"),
                                         ("--unregistered", unregistered, "joins counts to region ids"),
                                         ("--group-by", groupBy, "aggregates the regions")] where value != nil && !hasRegions {
            throw ValidationError("\(option) has no effect without --regions (it \(purpose)); give --regions too")
        }
    }
}
