import Access

extension PopulationAggregation {
    /// One line for legends and notes.
    var description: String {
        "\(PopulationCellLayer.grouped(points)) population points drawn as \(PopulationCellLayer.grouped(cells)) squares of \(Markup.number(cellSizeM)) m (more than \(PopulationCellLayer.grouped(threshold)) points); colour = population-weighted mean of the square"
    }
}

/// How the squares of `population_cells.geojson` (read as the population
/// layer by `OutputFolderReader`) are described in legends.
enum PopulationCellLayer {
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
