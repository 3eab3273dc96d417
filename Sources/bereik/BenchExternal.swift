import ArgumentParser
import Access
import BereikBench
import Foundation

/// `bereik bench external --data {data} --out {out}`: the peer benchmark's
/// `--external` contract (shared/bench/README.md).
struct BenchExternal: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "external",
        abstract: "Run on a peer-benchmark dataset (nodes/edges/population/practices CSV) and write nearest.csv and fca.csv.")

    @Option(help: "Dataset folder of the peer benchmark.") var data: String
    @Option(help: "Folder to write nearest.csv and fca.csv into.") var out: String

    func run() throws {
        let o = try PeerBenchmark.run(dataFolder: data)
        func number(_ d: Double) -> String { d.isFinite ? String(format: "%.6f", d) : "inf" }
        var nearest = "id,dist_m\n", fca = "id,access_2sfca,access_e2sfca\n"
        for i in o.ids.indices {
            nearest += "\(o.ids[i]),\(number(o.nearestM[i]))\n"
            fca += "\(o.ids[i]),\(String(format: "%.17g", o.access2SFCA[i])),\(String(format: "%.17g", o.accessE2SFCA[i]))\n"
        }
        try nearest.write(toFile: out + "/nearest.csv", atomically: true, encoding: .utf8)
        try fca.write(toFile: out + "/fca.csv", atomically: true, encoding: .utf8)
        let json = try JSONSerialization.data(withJSONObject: o.timings, options: [.sortedKeys])
        print(String(decoding: json, as: UTF8.self))
    }
}
