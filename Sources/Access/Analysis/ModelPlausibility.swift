/// Physical ranges of the values an analysis rests on. A value outside them
/// is a wrong unit, a wrong column or a typo, and stops the run with a
/// named error; a value that is possible but suspect is counted and reported.
enum Plausibility {
    /// Points with more 65+ inhabitants than inhabitants (rounding in CBS
    /// tables makes small excesses possible): counted, the first named.
    static func check(population: [PopulationPoint], practices: [Practice], populationPath: String,
                      practicesPath: String) throws -> [String] {
        var warnings: [String] = []
        var olderExcess: [String] = []
        for p in population {
            guard p.inhabitants <= AnalysisError.maxInhabitantsPerPoint else {
                throw AnalysisError.implausible(path: populationPath, feature: "point \(p.id)", field: "inhabitants",
                                                expected: "at most \(SafeNumber.whole(AnalysisError.maxInhabitantsPerPoint)) inhabitants at one point",
                                                found: SafeNumber.text(p.inhabitants))
            }
            if let old = p.inhabitants65plus {
                guard old.isFinite, old >= 0, old <= AnalysisError.maxInhabitantsPerPoint else {
                    throw AnalysisError.implausible(path: populationPath, feature: "point \(p.id)", field: "inhabitants 65+",
                                                    expected: "a number from 0 to the point's inhabitants", found: SafeNumber.text(old))
                }
                if old > p.inhabitants { olderExcess.append(p.id) }
            }
        }
        if !olderExcess.isEmpty {
            warnings.append("\(populationPath): \(olderExcess.count) population points have more inhabitants aged 65+ than inhabitants "
                + "(first: \(olderExcess.prefix(3).joined(separator: ", "))); their 65+ share exceeds 1. Check the columns (--*-field options).")
        }
        for p in practices {
            if let f = p.gpFTE, !(f.isFinite && f >= 0 && f <= AnalysisError.maxPracticeFTE) {
                throw AnalysisError.implausible(path: practicesPath, feature: "practice \(p.id)", field: "GP FTE",
                                                expected: "a number of full-time GPs from 0 to \(SafeNumber.whole(AnalysisError.maxPracticeFTE))",
                                                found: SafeNumber.text(f))
            }
        }
        return warnings
    }
}
