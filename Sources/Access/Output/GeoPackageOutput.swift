import Geo

/// `bereik.gpkg`: every spatial layer of the run (population, regions,
/// practices, and groups, catchments, sites or plan when the run has them)
/// in one GeoPackage in EPSG:28992, written in one transaction.
public enum GeoPackageOutput {
    public static func write(_ tables: [OutputTable], path: String) throws {
        try GDALWriteSettings.fastGeoPackage {
            let writer = try VectorWriter(path: path, format: .geoPackage)
            for table in tables {
                try table.write(into: writer, crs: CoordinateTransformer.rdNew, transform: nil)
            }
            try writer.close()
        }
    }
}
