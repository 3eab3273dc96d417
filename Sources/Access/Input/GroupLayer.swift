import Geo

/// A coarser polygon layer (province, krimp/anticipeer region, GGD region)
/// that the regions are aggregated to with `--group-by`.
public enum GroupLayer {
    /// Reads the groups and checks that every region lies in one: a region
    /// belongs to the group that contains its point on surface.
    public static func read(path: String, regions: [Region], options: InputOptions) throws -> ([Region], InputReport) {
        var groupOptions = InputOptions()
        groupOptions.crs = options.crs
        groupOptions.strict = options.strict
        let (groups, report) = try RegionReader.read(path: path, options: groupOptions)
        let engine = try GeometryEngine()
        let inside = try PolygonLocator.locateAll(try regions.map { try engine.pointOnSurface($0.geometry) }, in: groups.map(\.geometry))
        let uncovered = regions.indices.filter { inside[$0] < 0 }.map { "\(regions[$0].name) (\(regions[$0].id))" }
        guard uncovered.isEmpty else {
            throw GroupLayerError.regionsNotCovered(path: path, regions: uncovered)
        }
        return (groups, report)
    }
}

public enum GroupLayerError: Error, CustomStringConvertible {
    case regionsNotCovered(path: String, regions: [String])

    public var description: String {
        switch self {
        case .regionsNotCovered(let path, let regions):
            let shown = regions.prefix(10).joined(separator: ", ") + (regions.count > 10 ? " and \(regions.count - 10) more" : "")
            return "\(path): the grouping layer does not cover \(regions.count) region(s): \(shown). Every region must lie in a group (judged by its point on surface)."
        }
    }
}
