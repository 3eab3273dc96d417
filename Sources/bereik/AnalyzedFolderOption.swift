import ArgumentParser

/// `--from`: the output folder of an earlier `bereik analyze` that `map` and
/// `bench maps` render from.
struct AnalyzedFolderOption: ParsableArguments {
    @Option(name: .customLong("from"), help: "An output folder written by `bereik analyze`.")
    var from: String
}
