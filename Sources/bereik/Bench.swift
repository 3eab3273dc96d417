import ArgumentParser
import Access

struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Benchmarks that print their figures and peak memory.")

    func run() throws {}
}
