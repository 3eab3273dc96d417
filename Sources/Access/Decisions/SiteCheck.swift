/// The verdict for one housing site, with the numbers behind it.
public struct SiteCheck: Sendable {
    /// Served: room known and enough. Strained: room known and not enough.
    /// Room unknown: reachable, but the room of the practices that could
    /// take the residents is unknown (no FTE). Not served: out of reach.
    public enum Verdict: String, Sendable { case served, strained, roomUnknown = "room unknown", notServed = "not served" }

    public struct Candidate: Sendable {
        public var practice: Int
        /// Mean distance (metres) over the sample points that have it as
        /// nearest or second-nearest open practice within the threshold.
        public var meanM: Double
        public var headroom: PracticeHeadroom
    }

    public var site: HousingSite
    public var newResidents: Double
    public var householdSize: Double
    public var samplePoints: Int
    /// Share of sample points with an open practice within the threshold.
    public var shareWithin: Double
    public var nearestPractice: Int?
    /// Mean over the sample points of the distance to their nearest open practice.
    public var distanceM: Double?
    public var minutes: [Double?]
    /// Open practices within the threshold, nearest first.
    public var candidates: [Candidate]
    /// The practice that can take the new residents (served), else the nearest candidate.
    public var serving: Candidate?
    public var verdict: Verdict
    public var reasons: [String]
    /// Some practice takes new patients only from a postcode list, so the
    /// site's postcode decides (sites.csv then has `postcode`, `postcode_source`).
    public var postcodeDecides = false

    /// Judges a site from its sample points' nearest and second-nearest open
    /// practice (one `NearestPair` per sample).
    /// Served: at least half the sample points have an open practice within
    /// `limitM` and one of those practices has headroom ≥ the new residents.
    /// Strained: reachable, but no such practice has that headroom (or it is
    /// unknown). Not served: fewer than half the sample points reach one.
    static func judge(site: HousingSite, householdSize: Double, samples: [NearestPair],
                      minutes: [Double?], limitM: Double, measure: String, practices: [Practice],
                      headroom: (Int) -> PracticeHeadroom) -> SiteCheck {
        let size = site.householdSize ?? householdSize
        let residents = site.homes * size
        let within = samples.filter { $0.first != nil && $0.firstM <= limitM }.count
        let share = samples.isEmpty ? 0 : Double(within) / Double(samples.count)
        var sums: [Int: (Double, Int)] = [:]
        for s in samples {
            for case let (j?, d) in [(s.first, s.firstM), (s.second, s.secondM)] where d <= limitM {
                sums[j.index, default: (0, 0)].0 += d
                sums[j.index, default: (0, 0)].1 += 1
            }
        }
        let candidates = sums.map { Candidate(practice: $0.key, meanM: $0.value.0 / Double($0.value.1), headroom: headroom($0.key)) }
            .sorted { $0.meanM != $1.meanM ? $0.meanM < $1.meanM : $0.practice < $1.practice }
        var counts: [Int: Int] = [:]
        for s in samples { if let j = s.first { counts[j.index, default: 0] += 1 } }
        let nearest = counts.max { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key }?.key
        let reached = samples.filter { $0.first != nil && $0.firstM.isFinite }
        let distance = reached.isEmpty ? nil : reached.reduce(0) { $0 + $1.firstM } / Double(reached.count)
        let limitKm = limitM / 1000
        func km(_ m: Double) -> String { String(format: "%.1f km", m / 1000) }
        func places(_ x: Double) -> String { SafeNumber.whole(x) }
        func label(_ j: Int) -> String { practices[j].name == practices[j].id ? practices[j].id : "\(practices[j].name) (\(practices[j].id))" }
        var reasons = ["\(places(residents)) new residents (\(SafeNumber.whole(site.homes)) homes × \(SafeNumber.text(site.householdSize ?? householdSize)))"]
        if samples.count > 1 { reasons.append("\(within) of \(samples.count) points in the site have an open practice within \(OutputTables.km(limitKm)) km (\(measure))") }
        var verdict: Verdict, serving: Candidate?
        if share < 0.5 || candidates.isEmpty {
            verdict = .notServed
            if let nearest, let distance {
                reasons.append("nearest open practice \(label(nearest)) is on average \(km(distance)) away (\(measure)), beyond the \(OutputTables.km(limitKm)) km threshold")
            } else {
                reasons.append("no open practice is reachable")
            }
        } else if let room = candidates.first(where: { ($0.headroom.places ?? -.infinity) >= residents }) {
            verdict = .served
            serving = room
            reasons.append("\(label(room.practice)) at \(km(room.meanM)) has room for \(places(room.headroom.places!)) more patients (capacity minus \(room.headroom.basis))")
        } else if candidates.contains(where: { $0.headroom.places == nil }) {
            // Some room is unknown: neither "enough" nor "not enough" can be said.
            verdict = .roomUnknown
            serving = candidates.first
            let listed = candidates.prefix(4).map { c in
                "\(label(c.practice)) at \(km(c.meanM)): " + (c.headroom.places.map { "room for \(places(max(0, $0)))" } ?? "room unknown (\(FTEDefault.noFTEReason))")
            }
            reasons.append("open practices within \(OutputTables.km(limitKm)) km are within reach, but whether they have room for \(places(residents)) is unknown: \(listed.joined(separator: "; "))")
        } else {
            verdict = .strained
            serving = candidates.first
            let total = candidates.compactMap(\.headroom.places).map { max(0, $0) }.reduce(0, +)
            let listed = candidates.prefix(4).map { c in "\(label(c.practice)) at \(km(c.meanM)): room for \(places(max(0, c.headroom.places!)))" }
            reasons.append("open practices within \(OutputTables.km(limitKm)) km have room for \(places(total)) together, not enough for \(places(residents)): \(listed.joined(separator: "; "))")
        }
        return SiteCheck(site: site, newResidents: residents, householdSize: size, samplePoints: samples.count, shareWithin: share,
                         nearestPractice: nearest, distanceM: distance, minutes: minutes, candidates: candidates,
                         serving: serving, verdict: verdict, reasons: reasons)
    }
}
