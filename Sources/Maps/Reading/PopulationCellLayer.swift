import Access

/// Reads `population_cells.geojson` as the population layer: each square
/// carries the properties the population maps colour by, under the names of
/// the point layer (`mean_open_m` → `nearest_open_practice_m`,
/// `mean_min_<mode>` → `road_min_<mode>`), so maps and viewer draw squares
/// and points alike; legends say which they show.
enum PopulationCellLayer {
    static func asPopulation(_ cells: MapLayer) -> MapLayer {
        func renamed(_ name: String) -> String {
            if name == "mean_open_m" { return "nearest_open_practice_m" }
            if name.hasPrefix("mean_min_") { return "road_min_" + name.dropFirst("mean_min_".count) }
            return name
        }
        var layer = cells
        layer.name = "population"
        layer.fieldNames = cells.fieldNames.map(renamed)
        layer.features = cells.features.map { f in
            var g = f
            g.properties = Dictionary(uniqueKeysWithValues: f.properties.map { (renamed($0.key), $0.value) })
            return g
        }
        return layer
    }

    static func aggregation(_ cells: MapLayer) -> PopulationAggregation {
        let points = cells.features.reduce(0) { $0 + Int($1.number("points") ?? 0) }
        let size = cells.features.first?.number("cell_size_m") ?? PopulationCells.cellSizeM
        return PopulationAggregation(cellSizeM: size, points: points, cells: cells.features.count, threshold: PopulationCells.threshold)
    }

    /// 1234567 → "1,234,567".
    static func grouped(_ n: Int) -> String {
        let digits = String(abs(n))
        var out = ""
        for (i, ch) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(ch)
        }
        return (n < 0 ? "-" : "") + out
    }
}
