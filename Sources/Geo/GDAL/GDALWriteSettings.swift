import CGDAL

/// Settings for writing a new GeoPackage fast through GDAL's SQLite layer.
public enum GDALWriteSettings {
    /// Runs `body` with a 512 MB SQLite page cache and `synchronous=OFF` on
    /// this thread (GDAL config options OGR_SQLITE_CACHE and
    /// OGR_SQLITE_SYNCHRONOUS), then restores the previous values. Measured on
    /// 1M points: the system time of the write falls from 8.8 s to 0.3 s, as
    /// SQLite stops re-reading and syncing pages. Without syncing, a machine
    /// crash can leave the file corrupt; bereik writes it in a staging folder
    /// that only becomes the output when the run completes.
    public static func fastGeoPackage<T>(_ body: () throws -> T) rethrows -> T {
        let settings = [("OGR_SQLITE_CACHE", "512"), ("OGR_SQLITE_SYNCHRONOUS", "OFF")]
        // CPLGetThreadLocalConfigOption returns a pointer owned by GDAL (or NULL): copy it before changing the option.
        let previous = settings.map { key, _ in CPLGetThreadLocalConfigOption(key, nil).map { String(cString: $0) } }
        for (key, value) in settings { CPLSetThreadLocalConfigOption(key, value) }
        defer {
            for ((key, _), old) in zip(settings, previous) { CPLSetThreadLocalConfigOption(key, old) }
        }
        return try body()
    }
}
