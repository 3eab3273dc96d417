import ArgumentParser
import Access

/// Field names, layers, CRS and policies for reading planners' files.
struct InputOptionGroup: ParsableArguments {
    @Option(help: "Id field (population and practices); default: auto-detect.") var idField: String?
    @Option(help: "Practice name field.") var nameField: String?
    @Option(help: "Inhabitants field (inhabitants, inwoners, aantal_inwoners, population, bevolking, ...).") var inhabitantsField: String?
    @Option(name: .customLong("inhabitants-65-field"), help: "Inhabitants aged 65+ field.") var inhabitants65Field: String?
    @Option(help: "Practice status field (status, open, accepting_new_patients, patientenstop, ...).") var statusField: String?
    @Option(help: "GP FTE field (gp_fte, fte).") var fteField: String?
    @Option(help: "Practice list size field.") var listSizeField: String?
    @Option(help: "Region id field (code, statcode, gemeentecode, ...).") var regionIDField: String?
    @Option(help: "Region name field (name, naam, statnaam, gemeentenaam, ...).") var regionNameField: String?
    @Option(help: "Region designation field (e.g. krimpregio/anticipeerregio).") var designationField: String?
    @Option(help: "Layer to read from the population source (default: the first).") var populationLayer: String?
    @Option(help: "Layer to read from the practices source.") var practicesLayer: String?
    @Option(help: "Layer to read from the regions source (e.g. gemeenten in a CBS wijk- en buurtkaart).") var regionsLayer: String?
    @Option(help: "CRS of sources that have none (CSV), e.g. EPSG:28992 or EPSG:4326.") var crs: String?
    @Option(help: "How practices without a status count: open or closed.") var unknownStatus: StatusChoice = .closed
    @Option(help: "How a partial patient stop counts: open or closed.") var partial: StatusChoice = .closed
    @Flag(help: "Reject bad rows and invalid polygons instead of skipping or repairing them.") var strict = false

    enum StatusChoice: String, ExpressibleByArgument {
        case open, closed
        var status: PracticeStatus { self == .open ? .open : .closed }
    }

    var options: InputOptions {
        var o = InputOptions()
        o.idField = idField; o.nameField = nameField
        o.inhabitantsField = inhabitantsField; o.inhabitants65Field = inhabitants65Field
        o.statusField = statusField; o.fteField = fteField; o.listSizeField = listSizeField
        o.regionIDField = regionIDField; o.regionNameField = regionNameField; o.designationField = designationField
        o.populationLayer = populationLayer; o.practicesLayer = practicesLayer; o.regionsLayer = regionsLayer
        o.crs = crs; o.unknownStatus = unknownStatus.status; o.partialCounts = partial.status; o.strict = strict
        return o
    }
}
