import ArgumentParser
import Access
import Foundation

/// Options for road-network distance and travel time.
struct RoadOptionGroup: ParsableArguments {
    @Option(help: "Road network: OSM extract (.osm.pbf/.osm) or a line layer (NWB wegvakken, Shapefile, GeoPackage).") var roads: String?
    @Option(help: "Layer of the road source.") var roadsLayer: String?
    @Option(help: "CRS of a road layer without one, e.g. EPSG:28992 (default: --crs).") var roadsCrs: String?
    @Option(help: "Travel modes, comma-separated: car, bicycle, foot (default: car). The first also gives road_m.") var mode: String?
    @Option(parsing: .unconditional, help: "Maximum distance in metres from a point to a usable road; farther points are reported unreachable (default: 1000).") var maxSnapM: Double?
    @Option(help: "Profile file overriding speeds (lines like `car.residential = 30`).") var profile: String?
    @Option(parsing: .unconditionalSingleValue, help: ArgumentHelp("Minute bands per mode, e.g. car=5,10,15 or car=5,10,bicycle=15,30 (repeatable). Defaults: car=5,10,15, bicycle=15,30, foot=15,30.", valueName: "mode=minutes"))
    var minutes: [String] = []

    // Spellings that were removed: each stops with the one to use instead.
    @Option(name: .customLong("minutes-car"), help: .hidden) var removedMinutesCar: String?
    @Option(name: .customLong("minutes-bicycle"), help: .hidden) var removedMinutesBicycle: String?
    @Option(name: .customLong("minutes-foot"), help: .hidden) var removedMinutesFoot: String?
    @Option(name: .customLong("modes"), help: .hidden) var removedModes: String?

    static let snapBounds = OptionCheck.Bounds.above(0, upTo: 100_000, "m")

    func validate() throws {
        for (mode, value) in [("car", removedMinutesCar), ("bicycle", removedMinutesBicycle), ("foot", removedMinutesFoot)] {
            if let value { throw ValidationError("--minutes-\(mode) was removed; use --minutes \(mode)=\(value) instead") }
        }
        if let removedModes { throw ValidationError("there is no --modes; use --mode \(removedModes) instead") }
        let modes = try self.modes()
        if let maxSnapM { try OptionCheck.check(maxSnapM, "--max-snap-m", Self.snapBounds) }
        for (mode, _) in try minuteBands(firstMode: modes[0]) where !modes.contains(mode) {
            throw ValidationError("--minutes \(mode.name)=… has no effect: \(mode.name) is not among --mode (\(modes.map(\.name).joined(separator: ","))); add it to --mode or leave it out")
        }
    }

    func modes() throws -> [TravelMode] {
        guard let mode else { return [.car] }
        let names = mode.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        var parsed: [TravelMode] = []
        for name in names {
            guard let m = TravelMode(name: name) else {
                throw ValidationError("--mode expects car, bicycle and/or foot separated by commas; got '\(mode)'")
            }
            guard !parsed.contains(m) else {
                throw ValidationError("--mode lists \(m.name) twice; give each mode once, e.g. car,bicycle")
            }
            parsed.append(m)
        }
        return parsed
    }

    func minuteBands(firstMode: TravelMode) throws -> [(TravelMode, [Double])] {
        let example = "car=5,10,15"
        return try OptionCheck.perMode(minutes, "--minutes", firstMode: firstMode, example: example).map { mode, values in
            (mode, try OptionCheck.list(values.joined(separator: ","), "--minutes \(mode.name)", OptionCheck.minutes, example: example))
        }
    }

    /// The road options the user gave that only matter with a road network.
    var givenRoadOnly: [String] {
        var given: [String] = []
        if roadsLayer != nil { given.append("--roads-layer") }
        if roadsCrs != nil { given.append("--roads-crs") }
        if mode != nil { given.append("--mode") }
        if maxSnapM != nil { given.append("--max-snap-m") }
        if profile != nil { given.append("--profile") }
        if !minutes.isEmpty { given.append("--minutes") }
        return given
    }

    func options() throws -> RoadOptions {
        var o = RoadOptions()
        o.modes = try modes()
        if let maxSnapM { o.maxSnapM = maxSnapM }
        o.layer = roadsLayer
        o.crs = roadsCrs
        if let profile {
            do { o.profileOverrides = try String(contentsOfFile: profile, encoding: .utf8) } catch {
                throw BereikFailure(message: "--profile: cannot read \(profile) as UTF-8 text (\(FileErrorWords.reason(error)))")
            }
        }
        for (mode, bands) in try minuteBands(firstMode: o.modes[0]) { o.minuteBands[mode] = bands }
        return o
    }
}
