/// What one request may carry: bounds on work a single request can cause.
public struct RequestLimits: Sendable {
    /// Bytes of a request body.
    public var maxBodyBytes = 2 * 1024 * 1024
    /// Features (sites) in one site check.
    public var maxSites = 200
    /// Vertices over all sites of one request.
    public var maxVertices = 50_000
    /// Changes in one scenario.
    public var maxChanges = 500
    /// Homes on one site.
    public var maxHomes = 1_000_000.0

    public init() {}
}
