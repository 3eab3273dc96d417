import Foundation
import Geo
import Access

/// Synthetic GP practices: about one per 3,800 inhabitants of a place, none
/// in places under `minimumPlaceSize` (so the countryside has real gaps), in
/// towns grouped several to a health centre address.
struct PracticeGenerator {
    static let inhabitantsPerPractice = 3_500.0
    static let minimumPlaceSize = 1_500
    static let statusDate = "2025-11-01"
    static let statusSource = "synthetic"
    /// Patients per full-time GP (NZa normpraktijk).
    static let normPatientsPerFTE = 2_095.0

    private var rng: SplitMix64
    private var usedNames = Set<String>()
    private var labelCursor = 0
    private(set) var practices: [Practice] = []
    /// Per practice: the index of its place (in table order over all municipalities).
    private(set) var placeOfPractice: [Int] = []
    private var currentPlace = 0

    private var labels: [String]
    /// Patients per inhabitant of a place with practices, so that list sizes
    /// add up to about the whole population (villages without a practice
    /// and the countryside register in the nearby places).
    private let catchmentFactor: Double

    init(rng: SplitMix64, municipalities: [DrenthePlaces.Municipality]) {
        self.rng = rng
        let served = municipalities.flatMap(\.places).filter { Self.practiceCount(inhabitants: $0.inhabitants) > 0 }
        catchmentFactor = Double(DrenthePlaces.totalInhabitants(municipalities)) / Double(served.reduce(0) { $0 + $1.inhabitants })
        labels = Self.labels
        self.rng.shuffle(&labels)
    }

    static func practiceCount(inhabitants: Int) -> Int {
        guard inhabitants >= minimumPlaceSize else { return 0 }
        return max(1, Int((Double(inhabitants) / inhabitantsPerPractice).rounded()))
    }

    /// Adds the practices of one place located at `location` (RD metres);
    /// `placeIndex` numbers the places over all municipalities.
    mutating func addPractices(for place: DrenthePlaces.Place, at location: Coordinate, placeIndex: Int) {
        currentPlace = placeIndex
        var left = Self.practiceCount(inhabitants: place.inhabitants)
        let meanList = Double(place.inhabitants) * catchmentFactor / Double(max(left, 1))
        let spread = 0.9 * PopulationGrid.decayScale(inhabitants: place.inhabitants)
        if left == 1 {
            add(name: villagePracticeName(place: place.name), at: address(near: location, within: spread), meanList: meanList)
            return
        }
        var centreNumber = 0
        while left > 0 {
            // Towns: health centres with 2–3 practices, some single practices.
            let size = left == 1 ? 1 : min(left, rng.int(1...3))
            let address = address(near: location, within: spread)
            let centreName = size > 1 ? healthCentreName(place: place.name, number: centreNumber) : nil
            centreNumber += size > 1 ? 1 : 0
            for i in 0..<size {
                let name = i == 0 && centreName != nil ? centreName! : practiceName(place: place.name)
                add(name: name, at: address, meanList: meanList)
            }
            left -= size
        }
    }

    /// A random address within `radius` of a place centre, whole metres.
    private mutating func address(near c: Coordinate, within radius: Double) -> Coordinate {
        let angle = rng.uniform(0, 2 * .pi), distance = radius * rng.unit().squareRoot()
        return Coordinate(x: (c.x + distance * cos(angle)).rounded(), y: (c.y + distance * sin(angle)).rounded())
    }

    /// FTE follows the practice's share of its place (±30 %), within 0.8–4.5.
    private mutating func add(name: String, at location: Coordinate, meanList: Double) {
        let wanted = meanList / Self.normPatientsPerFTE * rng.uniform(0.7, 1.3)
        let fte = (min(4.5, max(0.8, wanted)) * 10).rounded() / 10
        let listSize = Int((fte * Self.normPatientsPerFTE * rng.uniform(0.85, 1.15)).rounded())
        let id = String(format: "P%03d", practices.count + 1)
        placeOfPractice.append(currentPlace)
        practices.append(Practice(id: id, name: name, location: location, status: .unknown,
                                  statusDate: Self.statusDate, statusSource: Self.statusSource,
                                  gpFTE: fte, listSize: listSize))
    }

    /// Sets statuses: about 45 % open, 35 % partial stop, 20 % full stop,
    /// spread over the practices at random.
    mutating func assignStatuses() {
        var order = Array(practices.indices)
        rng.shuffle(&order)
        let open = Int((0.45 * Double(order.count)).rounded())
        let partial = Int((0.35 * Double(order.count)).rounded())
        for (rank, i) in order.enumerated() {
            practices[i].status = rank < open ? .open : rank < open + partial ? .partial : .closed
        }
    }

    /// Partial village practices with an eligibility area and the status
    /// history (`StatusHistoryGenerator`); call after `assignStatuses`.
    mutating func addHistory(places: [StatusHistoryGenerator.Place], seed: UInt64) -> [StatusChange] {
        StatusHistoryGenerator.apply(to: &practices, placeOfPractice: placeOfPractice, places: places, seed: seed)
    }

    private mutating func healthCentreName(place: String, number: Int) -> String {
        let quarters = Self.quarters[place] ?? []
        let label = number < quarters.count ? quarters[number] : place
        return unique("Gezondheidscentrum \(label)", place: place)
    }

    private mutating func practiceName(place: String) -> String {
        let label = labels[labelCursor % labels.count]
        labelCursor += 1
        return unique(label, place: place)
    }

    /// The only practice of a village is usually named after it.
    private mutating func villagePracticeName(place: String) -> String {
        let patterns = ["Huisartsenpraktijk", "Huisartsen", "Gezondheidscentrum", "Huisartsenpraktijk"]
        return unique("\(patterns[rng.int(0...(patterns.count - 1))]) \(place)", place: place)
    }

    private mutating func unique(_ name: String, place: String) -> String {
        var candidate = name
        if usedNames.contains(candidate) { candidate = "\(name) \(place)" }
        var n = 2
        while usedNames.contains(candidate) {
            candidate = "\(name) \(place) \(n)"
            n += 1
        }
        usedNames.insert(candidate)
        return candidate
    }

    /// Neighbourhoods of the larger towns, for health centre names.
    static let quarters: [String: [String]] = [
        "Assen": ["Kloosterveen", "Pittelo", "Marsdijk", "Lariks", "Noorderpark", "Vredeveld", "Peelo", "Baggelhuizen"],
        "Emmen": ["Emmerhout", "Angelslo", "Bargeres", "Emmermeer", "Rietlanden", "Delftlanden", "Noordbarge"],
        "Hoogeveen": ["Krakeel", "Erflanden", "De Weide", "Wolfsbos", "Grote Kras"],
        "Meppel": ["Oosterboer", "Koedijkslanden", "Berggierslanden", "Haveltermade"],
        "Roden": ["Roden-Zuid", "Roden-Noord"],
        "Coevorden": ["Coevorden-Zuid", "Vlieghuis"],
        "Klazienaveen": ["Klazienaveen"],
        "Zuidlaren": ["Zuidlaren"],
        "Beilen": ["Beilen"],
    ]

    /// Names of practices in towns; a name used twice gets the place appended.
    static let labels = [
        "Huisartsenpraktijk De Linde", "Huisartsenpraktijk Van der Veen", "Huisartsenpraktijk De Brink",
        "Huisartsen Mulder en Oosting", "Huisartsenpraktijk De Es", "Huisartsenpraktijk Hofstede",
        "Huisartsenpraktijk De Hondsrug", "Huisartsenpraktijk Dijkstra", "Huisartsenpraktijk De Vaart",
        "Huisartsen De Vries en Bakker", "Huisartsenpraktijk Het Lindehof", "Huisartsenpraktijk Lubbers",
        "Huisartsenpraktijk De Molen", "Huisartsenpraktijk Zwiers", "Huisartsenpraktijk De Eik",
        "Huisartsenpraktijk Meijering", "Huisartsenpraktijk Kerkstraat", "Huisartsenpraktijk Kuipers",
        "Huisartsenpraktijk De Akkers", "Huisartsenpraktijk Hilbrands", "Huisartsen Aan de Vaart",
        "Huisartsenpraktijk De Drentse Aa", "Huisartsenpraktijk Smit", "Huisartsenpraktijk Het Veld",
        "Huisartsenpraktijk Jansen", "Huisartsenpraktijk De Beuk", "Huisartsenpraktijk Boer",
        "Huisartsenpraktijk Wassenaar", "Huisartsenpraktijk De Esch", "Huisartsenpraktijk Bosch",
        "Huisartsenpraktijk De Wiek", "Huisartsenpraktijk Het Kompas", "Huisartsenpraktijk De Hoven",
        "Huisartsenpraktijk Kloosterhof", "Huisartsenpraktijk De Hunze", "Huisartsenpraktijk Brinkzicht",
        "Huisartsenpraktijk Veldkamp", "Huisartsenpraktijk Bruins", "Huisartsenpraktijk Wolters",
        "Huisartsenpraktijk Nijboer", "Huisartsenpraktijk Venema", "Huisartsenpraktijk Scholten",
        "Huisartsen Kamps en Wierenga", "Huisartsenpraktijk De Kern", "Huisartsenpraktijk Markt",
        "Huisartsenpraktijk Het Witte Huis", "Huisartsenpraktijk Stationsweg",
        "Huisartsenpraktijk Hoekstra", "Huisartsenpraktijk De Kiel", "Huisartsenpraktijk Zuiderdiep",
        "Huisartsenpraktijk Houwing", "Huisartsenpraktijk Beukenlaan", "Huisartsenpraktijk Ten Have",
    ]
}
