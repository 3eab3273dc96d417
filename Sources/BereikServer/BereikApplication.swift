import Foundation
import Hummingbird
import Logging
import NIOCore

/// The HTTP side of `bereik serve`: routes, the optional bearer token, body
/// limits and named JSON errors.
public enum BereikApplication {
    public struct Options: Sendable {
        public var host = "127.0.0.1"
        public var port = 8080
        /// Required as `Authorization: Bearer <token>` on every request when set.
        public var token: String?
        public init() {}
    }

    public static func router(state: ServerState, token: String?) -> Router<BasicRequestContext> {
        let router = Router()
        router.add(middleware: GuardMiddleware(token: token))
        router.get("/") { _, _ in
            Response(status: .ok, headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"],
                     body: .init(byteBuffer: ByteBuffer(string: state.page)))
        }
        router.get("/api/health") { _, _ in json(state.health) }
        router.get("/api/regions") { _, _ in
            json(.object([("measure", .string(state.routing == nil ? "straight line" : "by road")), ("regions", state.regionRows.json)]))
        }
        router.get("/api/point") { request, _ in
            let q = request.uri.queryParameters
            for name in ["lon", "lat"] where q.getAll(name).count > 1 {
                throw APIError("invalid_value", field: name, expected: "one value", found: "\(q.getAll(name).count) values: \(q.getAll(name).joined(separator: ", "))")
            }
            let (lonLat, rd) = try PointQuery.location(lon: q.get("lon"), lat: q.get("lat"), state: state)
            return json(try PointQuery.answer(lonLat: lonLat, rd: rd, state: state))
        }
        router.post("/api/sites") { request, _ in
            let body = try await collect(request, state: state)
            let (sites, size) = try SiteRequest.sites(from: body, limits: state.limits, transformers: state.toRD, inputsExtent: state.inputsExtent)
            return json(try await state.heavy.run { try SiteAnswer.answer(sites, householdSize: size, state: state) })
        }
        router.post("/api/scenario") { request, _ in
            let body = try await collect(request, state: state)
            let changes = try ScenarioRequest.changes(from: body, state: state)
            let (answer, timing) = try await state.heavy.run { try ScenarioRequest.run(changes, state: state) }
            var response = json(answer)
            response.headers[.init("Server-Timing")!] = timing
            return response
        }
        return router
    }

    /// Runs until SIGINT or SIGTERM (graceful shutdown); `onRunning` gets the bound port.
    public static func run(state: ServerState, options: Options, onRunning: @escaping @Sendable (Int) -> Void) async throws {
        var logger = Logger(label: "bereik.serve")
        logger.logLevel = .warning
        let app = Application(
            router: router(state: state, token: options.token),
            configuration: .init(address: .hostname(options.host, port: options.port), serverName: "bereik"),
            onServerRunning: { channel in onRunning(channel.localAddress?.port ?? options.port) },
            logger: logger)
        try await app.runService()
    }

    static func json(_ value: JSONOut, status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: [.contentType: "application/json; charset=utf-8", .cacheControl: "no-store"],
                 body: .init(byteBuffer: ByteBuffer(string: value.text)))
    }

    static func collect(_ request: Request, state: ServerState) async throws -> [UInt8] {
        if let length = request.headers[.contentLength].flatMap({ Int($0) }), length > state.limits.maxBodyBytes {
            throw APIError("body_too_large", field: "body", expected: "at most \(state.limits.maxBodyBytes) bytes", found: "\(length) bytes")
        }
        do {
            let buffer = try await request.body.collect(upTo: state.limits.maxBodyBytes)
            return Array(buffer.readableBytesView)
        } catch let e as HTTPError where e.status == .contentTooLarge {
            throw APIError("body_too_large", field: "body", expected: "at most \(state.limits.maxBodyBytes) bytes", found: "more")
        }
    }
}

/// Checks the bearer token and turns every error into the named JSON error.
struct GuardMiddleware<Context: RequestContext>: RouterMiddleware {
    let token: String?

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        if let token {
            let given = request.headers[.authorization] ?? ""
            guard constantTimeEqual(given, "Bearer " + token) else {
                return BereikApplication.json(APIError("unauthorized", field: "Authorization", expected: "Bearer <token>",
                                                       found: given.isEmpty ? "no Authorization header" : "a wrong token", status: 401).json,
                                              status: .unauthorized)
            }
        }
        do {
            return try await next(request, context)
        } catch let e as APIError {
            return BereikApplication.json(e.json, status: .init(code: e.status))
        } catch let e as HTTPError {
            let name = e.status == .notFound ? "not_found" : e.status == .methodNotAllowed ? "method_not_allowed" : "http_error"
            return BereikApplication.json(APIError(name, field: "path", expected: "one of GET /, GET /api/health, GET /api/regions, GET /api/point, POST /api/sites, POST /api/scenario",
                                                   found: "\(request.method) \(request.uri.path)").json, status: e.status)
        } catch {
            return BereikApplication.json(APIError("failed", detail: "\(error)", status: 500).json, status: .internalServerError)
        }
    }

    private func constantTimeEqual(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        var diff = x.count ^ y.count
        for i in 0..<max(x.count, y.count) { diff |= Int((i < x.count ? x[i] : 0) ^ (i < y.count ? y[i] : 0)) }
        return diff == 0
    }
}
