import Geo
import Access

/// The municipalities and main places (kernen) of the synthetic default data
/// set, modelled on Drenthe from public facts: CBS municipality codes and
/// names, approximate populations (about 2024), approximate WGS84 positions
/// of the places, and the anticipeerregio Oost-Drenthe. Figures are rounded
/// and the data set built from them is SYNTHETIC, not a copy of CBS data.
public enum DrenthePlaces {
    /// A place (kern) with its approximate number of inhabitants.
    public struct Place: Sendable, Hashable {
        public var name: String
        /// WGS84: x = longitude, y = latitude.
        public var lonLat: Coordinate
        public var inhabitants: Int
    }

    /// A municipality: its inhabitants are those of its places plus a rural
    /// remainder spread over the countryside.
    public struct Municipality: Sendable, Hashable {
        /// CBS code, e.g. "GM0106".
        public var code: String
        public var name: String
        public var inhabitants: Int
        /// "anticipeerregio" for Oost-Drenthe, nil otherwise.
        public var designation: String?
        public var places: [Place]

        public var ruralInhabitants: Int { inhabitants - places.reduce(0) { $0 + $1.inhabitants } }
    }

    public static let anticipeerregio = "anticipeerregio"

    public static var totalInhabitants: Int { totalInhabitants(municipalities) }

    static func totalInhabitants(_ municipalities: [Municipality]) -> Int {
        municipalities.reduce(0) { $0 + $1.inhabitants }
    }

    private static func p(_ name: String, _ lon: Double, _ lat: Double, _ inhabitants: Int) -> Place {
        Place(name: name, lonLat: Coordinate(x: lon, y: lat), inhabitants: inhabitants)
    }

    public static let municipalities: [Municipality] = [
        Municipality(code: "GM0106", name: "Assen", inhabitants: 69_000, designation: nil, places: [
            p("Assen", 6.5640, 52.9925, 66_000), p("Loon", 6.5580, 53.0260, 450),
            p("Rhee", 6.5670, 53.0430, 220), p("Ubbena", 6.5450, 53.0550, 240),
            p("Witten", 6.5320, 52.9740, 250),
        ]),
        Municipality(code: "GM0109", name: "Coevorden", inhabitants: 35_800, designation: anticipeerregio, places: [
            p("Coevorden", 6.7400, 52.6610, 13_300), p("Schoonebeek", 6.8840, 52.6620, 5_700),
            p("Dalen", 6.7550, 52.7000, 4_600), p("Sleen", 6.8030, 52.7710, 2_700),
            p("Oosterhesselen", 6.7240, 52.7540, 2_000), p("Aalden", 6.7160, 52.7880, 1_500),
            p("Zweeloo", 6.7290, 52.7960, 1_100), p("Nieuw-Schoonebeek", 7.0000, 52.6490, 1_300),
            p("Wachtum", 6.6870, 52.7150, 400), p("Gees", 6.6300, 52.7410, 400),
            p("Schoonoord", 6.7560, 52.8450, 1_700),
        ]),
        Municipality(code: "GM0114", name: "Emmen", inhabitants: 108_000, designation: anticipeerregio, places: [
            p("Emmen", 6.9090, 52.7850, 60_000), p("Klazienaveen", 6.9940, 52.7250, 11_500),
            p("Emmer-Compascuum", 7.0500, 52.8120, 7_800), p("Nieuw-Amsterdam", 6.8580, 52.7170, 6_800),
            p("Erica", 6.9330, 52.7110, 3_900), p("Nieuw-Weerdinge", 6.9870, 52.8580, 3_200),
            p("Barger-Compascuum", 7.0370, 52.7560, 2_700), p("Zwartemeer", 7.0960, 52.7200, 2_100),
            p("Nieuw-Dordrecht", 6.9650, 52.7480, 1_800), p("Weerdinge", 6.9380, 52.8170, 1_400),
            p("Weiteveen", 7.0410, 52.6890, 1_300), p("Roswinkel", 7.0300, 52.8400, 500),
        ]),
        Municipality(code: "GM0118", name: "Hoogeveen", inhabitants: 56_500, designation: nil, places: [
            p("Hoogeveen", 6.4770, 52.7240, 39_500), p("Hollandscheveld", 6.5300, 52.6960, 5_200),
            p("Noordscheschut", 6.5600, 52.7180, 2_200), p("Pesse", 6.4500, 52.7710, 2_100),
            p("Nieuwlande", 6.6150, 52.6960, 1_500), p("Elim", 6.5850, 52.6830, 1_300),
            p("Nieuweroord", 6.6220, 52.7170, 1_000), p("Tiendeveen", 6.5520, 52.7560, 700),
            p("Fluitenberg", 6.5000, 52.7580, 500),
        ]),
        Municipality(code: "GM0119", name: "Meppel", inhabitants: 35_500, designation: nil, places: [
            p("Meppel", 6.1970, 52.6960, 30_500), p("Nijeveen", 6.1680, 52.7320, 3_300),
            p("Rogat", 6.2150, 52.6830, 400), p("Broekhuizen", 6.1530, 52.7100, 350),
            p("De Schiphorst", 6.2300, 52.7210, 300), p("Kolderveen", 6.1700, 52.7550, 300),
        ]),
        Municipality(code: "GM1680", name: "Aa en Hunze", inhabitants: 25_800, designation: anticipeerregio, places: [
            p("Gieten", 6.7640, 53.0060, 4_800), p("Annen", 6.7200, 53.0570, 3_900),
            p("Rolde", 6.6480, 52.9840, 3_700), p("Gasselternijveen", 6.8500, 52.9880, 1_700),
            p("Gasselte", 6.7940, 52.9730, 1_500), p("Annerveenschekanaal", 6.8000, 53.0750, 1_100),
            p("Eext", 6.7330, 53.0210, 1_000), p("Grolloo", 6.6740, 52.9330, 650),
            p("Eexterveenschekanaal", 6.8250, 53.0470, 600), p("Anloo", 6.6930, 53.0450, 450),
            p("Schoonloo", 6.7120, 52.9080, 400),
        ]),
        Municipality(code: "GM1681", name: "Borger-Odoorn", inhabitants: 25_800, designation: anticipeerregio, places: [
            p("Nieuw-Buinen", 6.9540, 52.9630, 5_400), p("Borger", 6.7930, 52.9250, 5_300),
            p("Valthermond", 6.9380, 52.8760, 3_700), p("Exloo", 6.8630, 52.8820, 2_900),
            p("2e Exloërmond", 6.9690, 52.9100, 2_200), p("Odoorn", 6.8500, 52.8480, 2_100),
            p("Buinen", 6.8490, 52.9280, 700), p("Klijndijk", 6.8720, 52.8330, 650),
            p("Valthe", 6.8960, 52.8450, 600),
        ]),
        Municipality(code: "GM1690", name: "De Wolden", inhabitants: 24_600, designation: nil, places: [
            p("Zuidwolde", 6.4260, 52.6720, 6_000), p("Ruinen", 6.3550, 52.7630, 3_600),
            p("Ruinerwold", 6.2480, 52.7230, 3_400), p("De Wijk", 6.2880, 52.6730, 3_000),
            p("Koekange", 6.3060, 52.7040, 2_000), p("Echten", 6.3950, 52.7120, 1_000),
            p("IJhorst", 6.3200, 52.6510, 1_000), p("Ansen", 6.3400, 52.7950, 300),
        ]),
        Municipality(code: "GM1699", name: "Noordenveld", inhabitants: 33_000, designation: nil, places: [
            p("Roden", 6.4260, 53.1380, 16_500), p("Peize", 6.4960, 53.1460, 4_200),
            p("Norg", 6.4600, 53.0680, 3_700), p("Nieuw-Roden", 6.3950, 53.1300, 1_900),
            p("Veenhuizen", 6.3980, 53.0400, 1_300), p("Een", 6.3960, 53.0900, 1_200),
            p("Lieveren", 6.4740, 53.1050, 300), p("Westervelde", 6.4450, 53.0490, 300),
        ]),
        Municipality(code: "GM1701", name: "Westerveld", inhabitants: 19_900, designation: nil, places: [
            p("Havelte", 6.2390, 52.7710, 3_400), p("Diever", 6.3190, 52.8540, 2_900),
            p("Dwingeloo", 6.3700, 52.8350, 2_800), p("Vledder", 6.2110, 52.8580, 2_600),
            p("Uffelte", 6.2780, 52.7900, 1_200), p("Frederiksoord", 6.1940, 52.8430, 600),
            p("Wilhelminaoord", 6.2200, 52.8350, 500), p("Wapserveen", 6.1700, 52.8250, 500),
            p("Wapse", 6.2720, 52.8510, 300),
        ]),
        Municipality(code: "GM1730", name: "Tynaarlo", inhabitants: 35_000, designation: nil, places: [
            p("Zuidlaren", 6.6820, 53.0940, 10_800), p("Eelde", 6.5620, 53.1360, 6_600),
            p("Paterswolde", 6.5750, 53.1470, 4_800), p("Vries", 6.5760, 53.0740, 4_000),
            p("Tynaarlo", 6.6160, 53.0770, 1_500), p("Eelderwolde", 6.5750, 53.1650, 900),
            p("Yde", 6.5930, 53.1080, 700), p("Zeijen", 6.5610, 53.0490, 600),
            p("Zeegse", 6.6170, 53.0400, 500), p("Midlaren", 6.6720, 53.1150, 500),
        ]),
        Municipality(code: "GM1731", name: "Midden-Drenthe", inhabitants: 33_800, designation: nil, places: [
            p("Beilen", 6.5130, 52.8610, 10_200), p("Westerbork", 6.6080, 52.8500, 4_700),
            p("Smilde", 6.4480, 52.9560, 4_700), p("Bovensmilde", 6.4630, 52.9830, 3_800),
            p("Hooghalen", 6.5360, 52.9210, 1_400), p("Hoogersmilde", 6.3960, 52.9080, 1_000),
            p("Wijster", 6.5210, 52.8140, 700), p("Witteveen", 6.6500, 52.8140, 700),
            p("Hijken", 6.4970, 52.8940, 600), p("Elp", 6.6420, 52.8850, 500),
        ]),
    ]

    /// A rough outline of the province, WGS84 lon/lat, clockwise from the
    /// north-west; closed (first vertex repeated at the end).
    public static let outline: [Coordinate] = [
        (6.32, 53.10), (6.40, 53.16), (6.49, 53.17), (6.56, 53.19), (6.61, 53.17),
        (6.66, 53.14), (6.72, 53.12), (6.83, 53.08), (6.88, 53.04), (6.97, 52.98),
        (7.00, 52.92), (7.03, 52.87), (7.09, 52.83), (7.08, 52.76), (7.12, 52.72),
        (7.08, 52.66), (7.03, 52.63), (6.90, 52.64), (6.78, 52.64), (6.70, 52.63),
        (6.60, 52.66), (6.50, 52.645), (6.40, 52.635), (6.30, 52.635), (6.23, 52.66),
        (6.13, 52.67), (6.11, 52.72), (6.13, 52.77), (6.12, 52.82), (6.13, 52.88),
        (6.22, 52.91), (6.30, 52.92), (6.37, 52.94), (6.33, 52.99), (6.30, 53.03),
        (6.27, 53.07), (6.32, 53.10),
    ].map { Coordinate(x: $0.0, y: $0.1) }
}
