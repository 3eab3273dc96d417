import Geo

/// Reads region polygons (municipalities, wijken, buurten, any polygons).
/// Invalid polygons are repaired with GEOS make-valid and reported, or
/// rejected with `strict`.
public enum RegionReader {
    public static func read(path: String, options: InputOptions, progress: Progress? = nil) throws -> ([Region], InputReport) {
        var fieldsUsed: [String: String] = [:]
        let reader = LayerReader(role: "regions", path: path, layerName: options.regionsLayer, options: options)
        let log = reader.log
        let engine = try GeometryEngine()
        var regions = [Region]()
        var repairedCount = 0
        var seen: [String: Int] = [:]
        let raw = try reader.stream(pick: { r in
            let id = try r.resolve(.regionID, override: options.regionIDField, required: false)
            let name = try r.resolve(.regionName, override: options.regionNameField, required: false)
            let designation = try r.resolve(.designation, override: options.designationField, required: false)
            for (role, i) in [("region_id", id), ("name", name), ("designation", designation)] {
                if let i { fieldsUsed[role] = r.fieldNames[i] }
            }
            return [.text(id), .text(name), .text(designation)]
        }, place: .shape, progress: progress) { f in
            let n = f.position
            guard var g = f.shape, g.isPolygonal else {
                try log.skip("not a polygon", feature: n, detail: "geometry is \(f.shape?.typeName ?? "Point"), a region must be a polygon",
                             error: .invalidGeometry(path: path, feature: n, detail: "a region must be a polygon"))
                return
            }
            let validity = try engine.validity(g)
            if !validity.isValid {
                if options.strict {
                    throw InputError.invalidGeometry(path: path, feature: n, detail: "invalid polygon: \(validity.reason) (repair it, or leave out --strict to let bereik repair it with GEOS make-valid)")
                }
                guard let repaired = engine.polygonalPart(try engine.makeValid(g)) else {
                    try log.skip("invalid polygon", feature: n, detail: validity.reason,
                                 error: .invalidGeometry(path: path, feature: n, detail: validity.reason))
                    return
                }
                log.note(feature: n, detail: "invalid polygon repaired with make-valid: \(validity.reason)")
                repairedCount += 1
                g = repaired
            }
            let id = f.text(0) ?? String(n)
            if let earlier = seen[id] { throw InputError.duplicateID(path: path, id: id, features: [earlier, n]) }
            seen[id] = n
            regions.append(Region(id: id, name: f.text(1) ?? id, geometry: g, designation: f.text(2)))
        }
        if repairedCount > 0 {
            log.warnings.append("\(path): \(repairedCount) invalid polygons repaired with GEOS make-valid (use --strict to reject them instead).")
        }
        if regions.isEmpty {
            throw InputError.noUsableFeatures(path: path, skipped: log.total, firstReason: log.examples.first ?? "-")
        }
        var report = raw.report(role: "regions", used: regions.count, fields: fieldsUsed)
        if repairedCount > 0 { report.skipped["repaired (kept)"] = repairedCount }
        return (regions, report)
    }
}
