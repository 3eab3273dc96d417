import Geo
import Access

/// The default data's partial practices with an eligibility area and its
/// short status history (2025-01 to 2026-09), own stream "history" so the
/// rest of the data set is unchanged. The history ends in the practice
/// list's status, so `analyze` with or without it gives the same statuses today:
/// - up to 8 village practices (the only practice of their place) with a
///   partial stop accept new patients only from their village's PC4 and those
///   of villages without a practice within 5 km; they were open until their
///   stop began;
/// - 5 practices now closed went open → partial → closed;
/// - 3 practices now open reopened after a partial stop;
/// - 3 practices now partial without an area were open until their stop.
struct StatusHistoryGenerator {
    static let start = CalendarDay(year: 2025, month: 1, day: 1)!
    static let source = "synthetic"

    /// One place: its PC4, RD location and number of practices.
    struct Place {
        var pc4: Int
        var location: Coordinate
        var practices: Int
    }

    /// Sets eligibility and status dates on `practices`; returns the history rows.
    static func apply(to practices: inout [Practice], placeOfPractice: [Int], places: [Place], seed: UInt64) -> [StatusChange] {
        var rng = SplitMix64(seed: seed, stream: "history")
        var rows: [StatusChange] = []
        var used = Set<Int>()
        func month(_ k: Int) -> CalendarDay { TrendDates.adding(months: k, to: start) }
        func pick(_ n: Int, _ candidates: [Int]) -> [Int] {
            var list = candidates.filter { !used.contains($0) }
            rng.shuffle(&list)
            let chosen = Array(list.prefix(n)).sorted()
            used.formUnion(chosen)
            return chosen
        }
        func add(_ i: Int, _ steps: [(Int, PracticeStatus)]) {
            for (k, status) in steps {
                let area = status == .partial ? practices[i].eligibility : nil
                rows.append(StatusChange(practiceID: practices[i].id, from: month(k), status: status, eligibility: area, source: source))
            }
            practices[i].statusDate = month(steps.last!.0).description
        }
        // Village practices with a partial stop, by id: the first 8 get an area.
        let villages = practices.indices.filter { practices[$0].status == .partial && places[placeOfPractice[$0]].practices == 1 }
        for i in villages.prefix(8) {
            let home = places[placeOfPractice[i]]
            let nearby = places.filter { $0.practices == 0 && distance($0.location, home.location) <= 5_000 }.map(\.pc4)
            practices[i].eligibility = .postcodes(PlacePostcodes.set([home.pc4] + nearby))
            used.insert(i)
            add(i, [(0, .open), (rng.int(2...17), .partial)])
        }
        for i in pick(5, practices.indices.filter { practices[$0].status == .closed }) {
            let a = rng.int(2...14)
            add(i, [(0, .open), (a, .partial), (rng.int((a + 1)...20), .closed)])
        }
        for i in pick(3, practices.indices.filter { practices[$0].status == .open }) {
            add(i, [(0, .partial), (rng.int(3...20), .open)])
        }
        for i in pick(3, practices.indices.filter { practices[$0].status == .partial && practices[$0].eligibility == nil }) {
            add(i, [(0, .open), (rng.int(2...20), .partial)])
        }
        return StatusHistory(changes: rows).changes
    }

    static func distance(_ a: Coordinate, _ b: Coordinate) -> Double {
        ((a.x - b.x) * (a.x - b.x) + (a.y - b.y) * (a.y - b.y)).squareRoot()
    }
}
