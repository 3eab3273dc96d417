import ArgumentParser
import Access
import Foundation

/// Options for road-network distance and travel time.
struct RoadOptionGroup: ParsableArguments {
    @Option(help: "Road network: OSM extract (.osm.pbf/.osm) or a line layer (NWB wegvakken, Shapefile, GeoPackage).") var roads: String?
    @Option(help: "Layer of the road source.") var roadsLayer: String?
    @Option(help: "CRS of a road layer without one, e.g. EPSG:28992.") var roadsCrs: String?
    @Option(help: "Travel modes, comma-separated: car, bicycle, foot. The first also gives road_m.") var mode: String = "car"
    @Option(help: "Maximum distance in metres from a point to a usable road; farther points are reported unreachable.") var maxSnapM: Double = 1000
    @Option(help: "Profile file overriding speeds (lines like `car.residential = 30`).") var profile: String?
    @Option(help: "Minute bands for car.") var minutesCar: String = "5,10,15"
    @Option(help: "Minute bands for bicycle.") var minutesBicycle: String = "15,30"
    @Option(help: "Minute bands for foot.") var minutesFoot: String = "15,30"

    func validate() throws {
        _ = try modes()
        guard maxSnapM > 0 else { throw ValidationError("--max-snap-m must be > 0, got \(maxSnapM)") }
        for (name, text) in [("--minutes-car", minutesCar), ("--minutes-bicycle", minutesBicycle), ("--minutes-foot", minutesFoot)] {
            _ = try ThresholdOptionGroup.positiveList(text, option: name)
        }
    }

    func modes() throws -> [TravelMode] {
        let names = mode.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        let parsed = names.compactMap { TravelMode(name: $0) }
        guard parsed.count == names.count, !parsed.isEmpty else {
            throw ValidationError("--mode expects car, bicycle and/or foot separated by commas; got '\(mode)'")
        }
        return parsed
    }

    func options() throws -> RoadOptions {
        var o = RoadOptions()
        o.modes = try modes()
        o.maxSnapM = maxSnapM
        o.layer = roadsLayer
        o.crs = roadsCrs
        if let profile {
            guard let text = try? String(contentsOfFile: profile, encoding: .utf8) else {
                throw ValidationError("--profile: cannot read \(profile)")
            }
            o.profileOverrides = text
        }
        o.minuteBands = ["car": try ThresholdOptionGroup.positiveList(minutesCar, option: "--minutes-car"),
                         "bicycle": try ThresholdOptionGroup.positiveList(minutesBicycle, option: "--minutes-bicycle"),
                         "foot": try ThresholdOptionGroup.positiveList(minutesFoot, option: "--minutes-foot")]
        return o
    }
}
