import ArgumentParser
import Access
import BereikBench
import BereikServer
import Foundation

struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "A local web app: click for the nearest practice that will take you, check a housing site, close a practice.",
        discussion: """
        Reads the inputs once (the embedded example data without --population/--practices), builds the road
        graph, routes the baseline and serves the map viewer with a live layer and a JSON API (README, "bereik
        serve"). Listens on 127.0.0.1 unless --host says otherwise; there is no authentication unless --token is
        given. Stop it with Ctrl-C (SIGINT) or SIGTERM.
        """)

    @Option(help: "Address to listen on (default loopback only).") var host = "127.0.0.1"
    @Option(help: "Port to listen on (0: any free port).") var port = 8080
    @Option(help: "Require this bearer token (Authorization: Bearer TOKEN) on every request.") var token: String?
    @Option(help: ArgumentHelp("Serve a generated road network of about N nodes with generated points and practices instead of inputs (for scripts/bench-serve.sh).", visibility: .hidden))
    var syntheticNodes: Int?
    @OptionGroup(title: "Inputs") var sources: SourceOptionGroup
    @OptionGroup(title: "Fields, layers and reading") var fields: InputOptionGroup
    @OptionGroup(title: "Road network") var roads: RoadOptionGroup
    @OptionGroup(title: "Thresholds") var thresholds: ThresholdOptionGroup
    @OptionGroup(title: "Capacity and signalling") var capacity: CapacityOptionGroup

    func validate() throws {
        guard (0...65_535).contains(port) else { throw ValidationError("--port must be in 0...65535, got \(port)") }
        if let token, token.count < 8 || token.contains(where: { $0.isWhitespace }) {
            throw ValidationError("--token must be at least 8 characters without spaces")
        }
    }

    func run() throws {
        // The job of the shared options, without an output folder.
        let job = try SharedOptions.analysisJob(sources: sources, fields: fields, thresholds: thresholds, roads: roads,
                                                capacity: capacity, outputFolder: "")
        let loopback = ["127.0.0.1", "localhost", "::1"].contains(host)
        if !loopback {
            let note = token == nil ? "there is NO authentication: anyone who can reach this address can use it. Give --token to require a bearer token."
                                    : "requests need the bearer token; traffic is plain HTTP (not encrypted)."
            FileHandle.standardError.write(Data("warning: listening on \(host), not only on this computer; \(note)\n".utf8))
        }
        let state: ServerState
        if let syntheticNodes {
            guard (1_000...5_000_000).contains(syntheticNodes) else { throw ValidationError("--synthetic-nodes must be in 1000...5000000") }
            var generated = AnalyzeJob(populationPath: "generated", practicesPath: "generated", regionsPath: nil, outputFolder: "")
            generated.syntheticData = true
            generated.parameters = job.parameters
            generated.roadsPath = "generated"
            let inputs = AnalyzeJob.Inputs.synthetic(nodes: syntheticNodes, points: max(1_000, syntheticNodes / 5), practices: max(10, syntheticNodes / 3_000))
            state = try ServerState(job: generated, inputs: inputs, progress: Progress())
        } else {
            state = try ServerState(job: job, progress: Progress())
        }
        var options = BereikApplication.Options()
        options.host = host
        options.port = port
        options.token = token
        let shown = host.contains(":") ? "[\(host)]" : host
        let outcome = ServeOutcome()
        let done = DispatchSemaphore(value: 0)
        Task {
            do {
                try await BereikApplication.run(state: state, options: options) { bound in
                    FileHandle.standardOutput.write(Data("bereik serve: http://\(shown):\(bound)/ (Ctrl-C to stop)\n".utf8))
                }
            } catch { outcome.error = error }
            done.signal()
        }
        done.wait()
        if let error = outcome.error { throw BereikFailure(message: "bereik serve: \(error)") }
        FileHandle.standardOutput.write(Data("bereik serve: stopped.\n".utf8))
    }
}

private final class ServeOutcome: @unchecked Sendable {
    var error: Error?
}
