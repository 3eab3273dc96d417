import Foundation
import Geo

/// The rule that decides whether a practice's eligibility area applies: only
/// to a practice that is partial on the analysed date. The area itself is
/// kept on the listed practices whatever their status, so a status-history
/// row that makes a practice partial without a list of its own uses the
/// area of the practice list or `--eligibility`.
public enum EligibilityRules {
    public struct Counts: Sendable, Equatable {
        /// Areas on practices that are not partial: ignored (cleared).
        public var ignoredNotPartial = 0
        /// Partial practices with an area, and without one.
        public var restricted = 0
        public var partialWithoutArea = 0
    }

    /// Clears the area of every practice that is not partial; the counts.
    public static func settle(_ practices: inout [Practice]) -> Counts {
        var c = Counts()
        for i in practices.indices {
            if practices[i].status == .partial {
                if practices[i].eligibility == nil { c.partialWithoutArea += 1 } else { c.restricted += 1 }
            } else if practices[i].eligibility != nil {
                practices[i].eligibility = nil
                c.ignoredNotPartial += 1
            }
        }
        return c
    }
}

/// What `readEligibilityAndHistory` adds to the inputs.
struct EligibilityInputs {
    var practices: [Practice]
    var eligible: EligibleSets?
    var statusHistory: StatusHistory?
    var listedPractices: [Practice]?
    var asOf: CalendarDay?
    var reports: [InputReport] = []
    var notes: [String] = []
    /// Notes that hold on the analysed date only (see `EligibilityRules.notes`).
    var asOfNotes: [String] = []
}

extension AnalyzeJob {
    /// Issue 13's inputs, read after the population and the practices (in
    /// id order): `--eligibility` polygons, `--postcode-areas`, the status
    /// history applied as of `--as-of` (default today), the areas settled
    /// (only partial practices keep one) and the eligible sets built.
    /// Fills in the points' postcodes and the practices' report.
    func readEligibilityAndHistory(population: inout [PopulationPoint], populationReport: inout InputReport,
                                   practices listed: [Practice], practicesReport: inout InputReport,
                                   today: CalendarDay = .today(), progress: Progress? = nil) throws -> EligibilityInputs {
        if input.asOf != nil && input.statusHistory == nil {
            throw InputError.invalidOption(option: "--as-of", expected: "--status-history FILE too (--as-of picks the status in force from a history)", found: input.asOf!.description)
        }
        var practices = listed
        var out = EligibilityInputs(practices: [])
        var eligibility = practicesReport.eligibility ?? EligibilityReport()
        let ids = Set(practices.map(\.id))

        if let path = input.eligibilityPath {
            let (areas, report, unknown) = try EligibilityPolygons.read(path: path, options: input, practiceIDs: ids, progress: progress)
            eligibility.file = path
            eligibility.unknownPracticeIDs = unknown.count
            eligibility.unknownPracticeIDExamples = Array(unknown.prefix(5))
            var overridden: [String] = []
            for i in practices.indices {
                guard let area = areas[practices[i].id] else { continue }
                if case .postcodes? = practices[i].eligibility { overridden.append(practices[i].id) }
                practices[i].eligibility = .polygons(area)
                eligibility.fromFile += 1
            }
            eligibility.fileOverField = overridden.count
            if !overridden.isEmpty {
                out.notes.append("\(overridden.count) practices have both a postcode list (\(eligibility.field ?? "field")) and polygons in \(path); the polygons are used (e.g. \(overridden.prefix(5).joined(separator: ", "))).")
            }
            out.reports.append(report)
        }

        if let path = input.postcodeAreas {
            var postcodes = populationReport.postcodes ?? PostcodeReport(source: "none")
            out.reports.append(try PostcodeAreas.assign(path: path, options: input, to: &population, postcodes: &postcodes, progress: progress))
            populationReport.postcodes = postcodes
        }

        // The list as read, areas kept whatever the status: the base a history is applied to.
        out.listedPractices = practices
        if let path = input.statusHistory {
            var (history, report) = try StatusHistoryReader.read(path: path, practiceIDs: ids, options: input, today: today, progress: progress)
            let asOf = input.asOf ?? today
            guard asOf <= today else {
                throw InputError.invalidOption(option: "--as-of", expected: "a date on or before today (\(today)); a status history records statuses that held, not the future", found: asOf.description)
            }
            if let earliest = history.dates.first, asOf < earliest {
                throw InputError.invalidOption(option: "--as-of", expected: "a date on or after \(earliest), the earliest row of \(path) (before it the history holds no status)", found: asOf.description)
            }
            let applied = history.applied(to: practices, asOf: asOf)
            practices = applied.practices
            report.statusHistory?.asOf = asOf.description
            report.statusHistory?.asOfSource = input.asOf == nil ? "today" : "--as-of"
            report.statusHistory?.practicesFromHistory = applied.fromHistory
            out.asOfNotes.append("Practice status as of \(asOf)\(input.asOf == nil ? " (today)" : ""): \(applied.fromHistory) of \(practices.count) practices take their status from \(path), the others keep the practice list's.")
            out.reports.append(report)
            out.statusHistory = history
            out.asOf = asOf
        }

        let counts = EligibilityRules.settle(&practices)
        eligibility.record(counts)
        if counts.restricted > 0 {
            let sets = try EligibleSets.build(population: population, practices: practices)
            out.eligible = sets
            if EligibilityRules.postcodeListCount(practices) > 0 {
                eligibility.pointsWithoutPostcode = sets.pointsWithoutPostcode
                eligibility.inhabitantsWithoutPostcode = sets.inhabitantsWithoutPostcode
            }
        }
        out.asOfNotes += EligibilityRules.notes(counts, practices: practices, sets: out.eligible, asOf: out.asOf)
        let anyEligibilityData = practicesReport.eligibility != nil || input.eligibilityPath != nil || (out.statusHistory.map { $0.changes.contains { $0.eligibility != nil } } ?? false)
        if anyEligibilityData { practicesReport.eligibility = eligibility }
        out.practices = practices
        return out
    }
}

extension AnalyzeJob.Inputs {
    /// The practices as they stood on `day` by the status history (for a
    /// trend: one analysis per date on the same inputs), with the areas
    /// settled; nil without `--status-history`.
    public func practices(asOf day: CalendarDay) -> (practices: [Practice], fromHistory: Int, counts: EligibilityRules.Counts)? {
        guard let history = statusHistory, let listed = listedPractices else { return nil }
        var (list, n) = history.applied(to: listed, asOf: day)
        let counts = EligibilityRules.settle(&list)
        return (list, n, counts)
    }
}

extension EligibilityRules {
    /// The notes that hold on the analysed date only: areas ignored because
    /// their practice is not partial, points no postcode list can accept, the
    /// areas in force. `asOf` names the date in the text (nil: a trend, whose
    /// warnings name their dates themselves).
    static func notes(_ counts: Counts, practices: [Practice], sets: EligibleSets?, asOf: CalendarDay?) -> [String] {
        var notes: [String] = []
        if counts.ignoredNotPartial > 0 {
            notes.append("\(counts.ignoredNotPartial) practices have an eligibility area but are not partial\(asOf.map { " as of \($0)" } ?? ""); the area is ignored (it applies only to a partial patient stop).")
        }
        guard counts.restricted > 0, let sets else { return notes }
        let lists = postcodeListCount(practices)
        if lists > 0 && sets.pointsWithoutPostcode > 0 {
            notes.append("\(sets.pointsWithoutPostcode) population points (\(SafeNumber.whole(sets.inhabitantsWithoutPostcode)) inhabitants) have no postcode, so none of the \(lists) practices with a postcode list accepts them; give --population-postcode-field or --postcode-areas FILE.")
        }
        notes.append("Eligibility areas in force: \(lists) partial practices by postcode list, \(counts.restricted - lists) by polygons.")
        return notes
    }

    /// Partial practices whose area is a postcode list.
    static func postcodeListCount(_ practices: [Practice]) -> Int {
        practices.filter { if case .postcodes? = $0.eligibility { return $0.status == .partial }; return false }.count
    }
}

extension EligibilityReport {
    /// The areas ignored, in force and missing on the analysed date.
    mutating func record(_ counts: EligibilityRules.Counts) {
        ignoredNotPartial = counts.ignoredNotPartial
        restrictedPractices = counts.restricted
        partialWithoutArea = counts.partialWithoutArea
    }
}

extension AnalyzeJob.Inputs {
    /// The eligible sets for another practice list on the same points (a
    /// trend date, a scenario's changed list): nil when no practice in it is
    /// partial with an area. Areas on practices that are not partial count
    /// for nothing, whether or not they were settled.
    public func eligibleSets(for practices: [Practice]) throws -> EligibleSets? {
        guard practices.contains(where: { $0.status == .partial && $0.eligibility != nil }) else { return nil }
        return try EligibleSets.build(population: population, practices: practices)
    }
}
