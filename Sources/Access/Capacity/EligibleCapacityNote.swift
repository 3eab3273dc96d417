/// What the `eligible` partial rule does to capacity, catchments and the
/// decisions, for the warnings of the summary and run.json.
enum EligibleCapacityNote {
    static func lines(catchments: [Catchment]?, cascadeMinInhabitants: Double) -> [String] {
        var lines = ["Under --partial eligible, a partial practice's GP FTE counts in fca_per_10k only for the population points it accepts (its pairs with other points are dropped); criticality, assigned inhabitants and cascade risk (receiving_risk_inhabitants, closures of practices with at least \(SafeNumber.whole(cascadeMinInhabitants)) assigned inhabitants, --cascade-min-inhabitants) move a practice's inhabitants to their second-nearest practice that will take them."]
        if let catchments, catchments.contains(where: \.eligibleOnly) {
            let n = catchments.filter(\.eligibleOnly).count
            lines.append("catchments.geojson: the fully open practices partition the study area (the catchments for residents whom no partial practice accepts); \(n) partial practices with an eligibility area are drawn on top as method 'eligible area': the places whose nearest population point they serve as the nearest practice that will take it (grid of the road catchments, clipped to the study area).")
        }
        return lines
    }
}
