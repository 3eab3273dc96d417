extension FloatingCatchment {
    /// Floating catchment over road pairs streamed from bounded searches
    /// (`RoadCosts.pairs`), kept between the passes only up to `keptBytes`
    /// (`FCAPairMemo`): the access per point and how many pairs lay within
    /// the catchment.
    public static func compute(streaming pairs: RoadPairs, demand: [Double], supply: [Double], method: FCAMethod,
                               catchment: Double, keptBytes: Int = 512 << 20) -> (result: Result, pairs: Int) {
        compute(pairs: pairs, demand: demand, supply: supply, method: method, catchment: catchment, keptBytes: keptBytes)
    }
}
