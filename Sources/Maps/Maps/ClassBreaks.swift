/// Fixed classes for a numeric value: upper bounds in ascending order, one
/// colour and label per class (the last class is open-ended).
struct ClassBreaks: Sendable {
    let upperBounds: [Double]
    let labels: [String]
    let colours: [String]

    /// Classes from bounds such as [1, 3, 5] in `unit`: "< 1", "1–3", "3–5", "≥ 5".
    init(bounds: [Double], unit: String) {
        upperBounds = bounds
        func t(_ d: Double) -> String { d.rounded() == d ? String(Int(d)) : String(d) }
        var labels = ["< \(t(bounds[0])) \(unit)"]
        for i in 1..<bounds.count { labels.append("\(t(bounds[i - 1]))–\(t(bounds[i])) \(unit)") }
        labels.append("≥ \(t(bounds[bounds.count - 1])) \(unit)")
        self.labels = labels
        colours = Palette.sequential(bounds.count + 1)
    }

    func classIndex(_ value: Double) -> Int {
        upperBounds.firstIndex { value < $0 } ?? upperBounds.count
    }

    func colour(_ value: Double) -> String { colours[classIndex(value)] }

    static let distanceKm = ClassBreaks(bounds: [1, 3, 5], unit: "km")
    static let meanDistanceKm = ClassBreaks(bounds: [1, 2, 3, 5], unit: "km")
    static let travelMinutes = ClassBreaks(bounds: [5, 10, 15], unit: "min")
}
