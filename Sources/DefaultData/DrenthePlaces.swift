import Foundation
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

    /// One line per municipality (CBS code | name | inhabitants, and
    /// " | anticipeerregio" for Oost-Drenthe), followed by one indented line
    /// per place (name | longitude | latitude | inhabitants).
    private static let table = """
        GM0106 | Assen | 69000
            Assen                | 6.5640 | 52.9925 | 66000
            Loon                 | 6.5580 | 53.0260 | 450
            Rhee                 | 6.5670 | 53.0430 | 220
            Ubbena               | 6.5450 | 53.0550 | 240
            Witten               | 6.5320 | 52.9740 | 250
        GM0109 | Coevorden | 35800 | anticipeerregio
            Coevorden            | 6.7400 | 52.6610 | 13300
            Schoonebeek          | 6.8840 | 52.6620 | 5700
            Dalen                | 6.7550 | 52.7000 | 4600
            Sleen                | 6.8030 | 52.7710 | 2700
            Oosterhesselen       | 6.7240 | 52.7540 | 2000
            Aalden               | 6.7160 | 52.7880 | 1500
            Zweeloo              | 6.7290 | 52.7960 | 1100
            Nieuw-Schoonebeek    | 7.0000 | 52.6490 | 1300
            Wachtum              | 6.6870 | 52.7150 | 400
            Gees                 | 6.6300 | 52.7410 | 400
            Schoonoord           | 6.7560 | 52.8450 | 1700
        GM0114 | Emmen | 108000 | anticipeerregio
            Emmen                | 6.9090 | 52.7850 | 60000
            Klazienaveen         | 6.9940 | 52.7250 | 11500
            Emmer-Compascuum     | 7.0500 | 52.8120 | 7800
            Nieuw-Amsterdam      | 6.8580 | 52.7170 | 6800
            Erica                | 6.9330 | 52.7110 | 3900
            Nieuw-Weerdinge      | 6.9870 | 52.8580 | 3200
            Barger-Compascuum    | 7.0370 | 52.7560 | 2700
            Zwartemeer           | 7.0960 | 52.7200 | 2100
            Nieuw-Dordrecht      | 6.9650 | 52.7480 | 1800
            Weerdinge            | 6.9380 | 52.8170 | 1400
            Weiteveen            | 7.0410 | 52.6890 | 1300
            Roswinkel            | 7.0300 | 52.8400 | 500
        GM0118 | Hoogeveen | 56500
            Hoogeveen            | 6.4770 | 52.7240 | 39500
            Hollandscheveld      | 6.5300 | 52.6960 | 5200
            Noordscheschut       | 6.5600 | 52.7180 | 2200
            Pesse                | 6.4500 | 52.7710 | 2100
            Nieuwlande           | 6.6150 | 52.6960 | 1500
            Elim                 | 6.5850 | 52.6830 | 1300
            Nieuweroord          | 6.6220 | 52.7170 | 1000
            Tiendeveen           | 6.5520 | 52.7560 | 700
            Fluitenberg          | 6.5000 | 52.7580 | 500
        GM0119 | Meppel | 35500
            Meppel               | 6.1970 | 52.6960 | 30500
            Nijeveen             | 6.1680 | 52.7320 | 3300
            Rogat                | 6.2150 | 52.6830 | 400
            Broekhuizen          | 6.1530 | 52.7100 | 350
            De Schiphorst        | 6.2300 | 52.7210 | 300
            Kolderveen           | 6.1700 | 52.7550 | 300
        GM1680 | Aa en Hunze | 25800 | anticipeerregio
            Gieten               | 6.7640 | 53.0060 | 4800
            Annen                | 6.7200 | 53.0570 | 3900
            Rolde                | 6.6480 | 52.9840 | 3700
            Gasselternijveen     | 6.8500 | 52.9880 | 1700
            Gasselte             | 6.7940 | 52.9730 | 1500
            Annerveenschekanaal  | 6.8000 | 53.0750 | 1100
            Eext                 | 6.7330 | 53.0210 | 1000
            Grolloo              | 6.6740 | 52.9330 | 650
            Eexterveenschekanaal | 6.8250 | 53.0470 | 600
            Anloo                | 6.6930 | 53.0450 | 450
            Schoonloo            | 6.7120 | 52.9080 | 400
        GM1681 | Borger-Odoorn | 25800 | anticipeerregio
            Nieuw-Buinen         | 6.9540 | 52.9630 | 5400
            Borger               | 6.7930 | 52.9250 | 5300
            Valthermond          | 6.9380 | 52.8760 | 3700
            Exloo                | 6.8630 | 52.8820 | 2900
            2e Exloërmond        | 6.9690 | 52.9100 | 2200
            Odoorn               | 6.8500 | 52.8480 | 2100
            Buinen               | 6.8490 | 52.9280 | 700
            Klijndijk            | 6.8720 | 52.8330 | 650
            Valthe               | 6.8960 | 52.8450 | 600
        GM1690 | De Wolden | 24600
            Zuidwolde            | 6.4260 | 52.6720 | 6000
            Ruinen               | 6.3550 | 52.7630 | 3600
            Ruinerwold           | 6.2480 | 52.7230 | 3400
            De Wijk              | 6.2880 | 52.6730 | 3000
            Koekange             | 6.3060 | 52.7040 | 2000
            Echten               | 6.3950 | 52.7120 | 1000
            IJhorst              | 6.3200 | 52.6510 | 1000
            Ansen                | 6.3400 | 52.7950 | 300
        GM1699 | Noordenveld | 33000
            Roden                | 6.4260 | 53.1380 | 16500
            Peize                | 6.4960 | 53.1460 | 4200
            Norg                 | 6.4600 | 53.0680 | 3700
            Nieuw-Roden          | 6.3950 | 53.1300 | 1900
            Veenhuizen           | 6.3980 | 53.0400 | 1300
            Een                  | 6.3960 | 53.0900 | 1200
            Lieveren             | 6.4740 | 53.1050 | 300
            Westervelde          | 6.4450 | 53.0490 | 300
        GM1701 | Westerveld | 19900
            Havelte              | 6.2390 | 52.7710 | 3400
            Diever               | 6.3190 | 52.8540 | 2900
            Dwingeloo            | 6.3700 | 52.8350 | 2800
            Vledder              | 6.2110 | 52.8580 | 2600
            Uffelte              | 6.2780 | 52.7900 | 1200
            Frederiksoord        | 6.1940 | 52.8430 | 600
            Wilhelminaoord       | 6.2200 | 52.8350 | 500
            Wapserveen           | 6.1700 | 52.8250 | 500
            Wapse                | 6.2720 | 52.8510 | 300
        GM1730 | Tynaarlo | 35000
            Zuidlaren            | 6.6820 | 53.0940 | 10800
            Eelde                | 6.5620 | 53.1360 | 6600
            Paterswolde          | 6.5750 | 53.1470 | 4800
            Vries                | 6.5760 | 53.0740 | 4000
            Tynaarlo             | 6.6160 | 53.0770 | 1500
            Eelderwolde          | 6.5750 | 53.1650 | 900
            Yde                  | 6.5930 | 53.1080 | 700
            Zeijen               | 6.5610 | 53.0490 | 600
            Zeegse               | 6.6170 | 53.0400 | 500
            Midlaren             | 6.6720 | 53.1150 | 500
        GM1731 | Midden-Drenthe | 33800
            Beilen               | 6.5130 | 52.8610 | 10200
            Westerbork           | 6.6080 | 52.8500 | 4700
            Smilde               | 6.4480 | 52.9560 | 4700
            Bovensmilde          | 6.4630 | 52.9830 | 3800
            Hooghalen            | 6.5360 | 52.9210 | 1400
            Hoogersmilde         | 6.3960 | 52.9080 | 1000
            Wijster              | 6.5210 | 52.8140 | 700
            Witteveen            | 6.6500 | 52.8140 | 700
            Hijken               | 6.4970 | 52.8940 | 600
            Elp                  | 6.6420 | 52.8850 | 500
        """

    public static let municipalities: [Municipality] = parse(table)

    /// The municipalities of `table`; a malformed line is a mistake in this file.
    static func parse(_ table: String) -> [Municipality] {
        var municipalities: [Municipality] = []
        for (k, line) in table.split(separator: "\n").enumerated() {
            let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            let isPlace = line.first == " "
            if !isPlace, cells.count == 3 || cells.count == 4, let inhabitants = Int(cells[2]) {
                municipalities.append(Municipality(code: cells[0], name: cells[1], inhabitants: inhabitants,
                                                   designation: cells.count == 4 ? cells[3] : nil, places: []))
            } else if isPlace, !municipalities.isEmpty, cells.count == 4, let lon = Double(cells[1]), let lat = Double(cells[2]),
                      let inhabitants = Int(cells[3]) {
                municipalities[municipalities.count - 1].places.append(
                    Place(name: cells[0], lonLat: Coordinate(x: lon, y: lat), inhabitants: inhabitants))
            } else {
                preconditionFailure("DrenthePlaces.table line \(k + 1) is neither a municipality nor a place: \(line)")
            }
        }
        return municipalities
    }

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
