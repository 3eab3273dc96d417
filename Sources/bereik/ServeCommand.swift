import ArgumentParser
import Access
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

    @Option(help: "Population points or polygons.") var population: String?
    @Option(help: "GP practices with a status column.") var practices: String?
    @Option(help: "Region polygons (e.g. municipalities).") var regions: String?
    @Option(help: "Table of krimp/anticipeer designations per region.") var designations: String?
    @Option(help: "Address to listen on (default loopback only).") var host = "127.0.0.1"
    @Option(help: "Port to listen on (0: any free port).") var port = 8080
    @Option(help: "Require this bearer token (Authorization: Bearer TOKEN) on every request.") var token: String?
    @Option(help: ArgumentHelp("Serve a generated road network of about N nodes with generated points and practices instead of inputs (for scripts/bench-serve.sh).", visibility: .hidden))
    var syntheticNodes: Int?
    @OptionGroup var inputOptions: InputOptionGroup
    @OptionGroup var thresholds: ThresholdOptionGroup
    @OptionGroup var roadOptions: RoadOptionGroup
    @OptionGroup var capacityOptions: CapacityOptionGroup

    func validate() throws {
        if (population == nil) != (practices == nil) {
            throw ValidationError("Give both --population and --practices, or neither to use the embedded example data.")
        }
        guard (0...65_535).contains(port) else { throw ValidationError("--port must be in 0...65535, got \(port)") }
        if let token, token.count < 8 || token.contains(where: { $0.isWhitespace }) {
            throw ValidationError("--token must be at least 8 characters without spaces")
        }
    }

    func run() throws {
        var job: AnalyzeJob
        if let population, let practices {
            job = AnalyzeJob(populationPath: population, practicesPath: practices, regionsPath: regions, outputFolder: "")
        } else {
            let data = try DefaultDataLocation.find()
            job = AnalyzeJob(populationPath: data.population, practicesPath: data.practices, regionsPath: regions ?? data.regions, outputFolder: "")
            job.syntheticData = true
            job.dataNote = "Embedded synthetic example province modelled on Drenthe from public facts (GeoData/README.md); not real figures."
        }
        job.designationsPath = designations
        job.input = inputOptions.options
        job.parameters = try thresholds.parameters(input: job.input)
        job.parameters.roadOptions = try roadOptions.options()
        do { try capacityOptions.apply(to: &job.parameters) } catch let e as SignalConfigError { throw BereikFailure(message: e.description) }
        if let unregistered = capacityOptions.unregistered {
            guard job.regionsPath != nil else { throw ValidationError("--unregistered needs --regions") }
            job.unregisteredPath = unregistered
        }
        job.roadsPath = roadOptions.roads ?? (population == nil ? DefaultDataLocation.roads() : nil)
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
