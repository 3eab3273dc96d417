import Geo

/// The polygon rule of the area inputs (eligibility areas, postcode areas):
/// a feature must be a polygon; an invalid one is repaired with GEOS
/// make-valid and counted, or refused with `--strict`.
struct PolygonRepair {
    let path: String
    let strict: Bool
    let what: String
    let engine: GeometryEngine
    let log: SkipLog
    private(set) var repaired = 0

    init(path: String, strict: Bool, what: String, log: SkipLog) throws {
        self.path = path
        self.strict = strict
        self.what = what
        self.log = log
        engine = try GeometryEngine()
    }

    /// The feature's valid polygon, or nil when skipped (counted).
    mutating func polygon(_ shape: Geometry?, feature n: Int) throws -> Geometry? {
        guard let g = shape, g.isPolygonal else {
            try log.skip("not a polygon", feature: n, detail: "geometry is \(shape?.typeName ?? "Point"), \(what) must be a polygon",
                         error: .invalidGeometry(path: path, feature: n, detail: "\(what) must be a polygon, found \(shape?.typeName ?? "Point")"))
            return nil
        }
        let validity = try engine.validity(g)
        if validity.isValid { return g }
        if strict {
            throw InputError.invalidGeometry(path: path, feature: n, detail: "invalid polygon: \(validity.reason) (repair it, or leave out --strict to let bereik repair it with GEOS make-valid)")
        }
        guard let fixed = engine.polygonalPart(try engine.makeValid(g)) else {
            try log.skip("invalid polygon", feature: n, detail: validity.reason,
                         error: .invalidGeometry(path: path, feature: n, detail: validity.reason))
            return nil
        }
        log.note(feature: n, detail: "invalid polygon repaired with make-valid: \(validity.reason)")
        repaired += 1
        return fixed
    }

    /// Counts and a warning for the repairs, into the input's report.
    func record(into report: inout InputReport) {
        guard repaired > 0 else { return }
        report.skipped["repaired (kept)"] = repaired
        report.warnings.append("\(path): \(repaired) invalid polygons repaired with GEOS make-valid (use --strict to reject them instead).")
    }
}
