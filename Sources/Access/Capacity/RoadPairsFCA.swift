extension FloatingCatchment {
    /// Floating catchment over road pairs streamed from bounded searches
    /// (`RoadCosts.pairs`), never stored: the access per point and how many
    /// pairs lay within the catchment.
    public static func compute(streaming pairs: RoadPairs, demand: [Double], supply: [Double], method: FCAMethod,
                               catchment: Double) -> (result: Result, pairs: Int) {
        compute(pairs: pairs, demand: demand, supply: supply, method: method, catchment: catchment)
    }
}
