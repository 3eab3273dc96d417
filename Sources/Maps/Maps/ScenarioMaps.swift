import Foundation
import Access

/// The before/after maps of a `bereik scenario` folder, drawn from its files
/// so `bereik map --from` redraws them too: regions by flag before and after
/// (`changes.csv` joined to `regions.geojson` by `region_id`) and the points
/// whose distance to an open practice changed (`point_changes.csv` joined to
/// `population.geojson` by `id`), coloured by the change. Not a scenario
/// folder (no changes.csv): no maps.
enum ScenarioMaps {
    static func render(_ folder: OutputFolder) throws -> [RenderedMap] {
        guard let changes = try OutputFolderReader.table(folder.path, ScenarioTables.changesFileName) else { return [] }
        let caption = MapCaption(run: folder.run)
        let extent = folder.envelope
        var maps = [RenderedMap]()
        func add(_ id: String, _ title: String, _ legend: [Legend], _ draw: (inout SVGCanvas) -> Void) {
            let svg = MapDocument(id: id, title: title, legend: legend).render(extent: extent, caption: caption, drawLayers: draw)
            maps.append(RenderedMap(id: id, title: title, svg: svg))
        }
        var byRegion: [String: [String: FieldValue]] = [:]
        for row in changes { if let id = row[ScenarioColumn.regionID.text]?.text { byRegion[id] = row } }
        if let regions = folder.regions, regions.features.contains(where: { f in f.text(RegionColumn.regionID).map { byRegion[$0] != nil } ?? false }) {
            for (when, field) in [("before", ScenarioColumn.flaggedBefore), ("after", ScenarioColumn.flaggedAfter)] {
                add("scenario-regions-\(when)", "Regions flagged \(when) the scenario", [flagLegend(when)]) { c in
                    LayerDrawing.regions(&c, regions) { f in
                        guard let row = f.text(RegionColumn.regionID).flatMap({ byRegion[$0] }) else { return "white" }
                        return MapFeature(geometry: f.geometry, properties: row).flag(field) ? Palette.vermillion : Palette.regionNeutral
                    }
                    LayerDrawing.regionLabels(&c, regions)
                }
            }
        }
        if let population = folder.population, let points = try OutputFolderReader.table(folder.path, ScenarioTables.pointChangesFileName) {
            var delta: [String: Double?] = [:]
            for row in points {
                guard let id = row[PointChangeColumn.id.text]?.text else { continue }
                delta[id] = MapFeature(geometry: .point(Coordinate(x: 0, y: 0)), properties: row).number(PointChangeColumn.deltaOpenM)
            }
            var changed = population
            changed.features = population.features.filter { f in f.text(PopulationColumn.id).map { delta[$0] != nil } ?? false }
            add("scenario-population-change", "Change in distance to the nearest practice open to new patients",
                [changeLegend]) { c in
                LayerDrawing.regions(&c, folder.regions) { _ in Palette.regionNeutral }
                LayerDrawing.population(&c, changed) { f in
                    colour(f.text(PopulationColumn.id).flatMap { delta[$0] } ?? nil)
                }
                LayerDrawing.regionLabels(&c, folder.regions)
            }
        }
        return maps
    }

    /// The colour of a change in metres: farther is warm, nearer is blue, no open practice left is grey.
    static func colour(_ deltaM: Double?) -> String {
        guard let d = deltaM else { return Palette.grey }
        if d > 1000 { return Palette.vermillion }
        if d > 0 { return Palette.orange }
        if d < 0 { return Palette.blue }
        return Palette.yellow
    }

    static let changeLegend = Legend(title: "Change in distance to the nearest open practice, points that changed", entries: [
        .init(symbol: .fill(Palette.vermillion), label: "more than 1 km farther"),
        .init(symbol: .fill(Palette.orange), label: "up to 1 km farther"),
        .init(symbol: .fill(Palette.yellow), label: "other practice, same distance"),
        .init(symbol: .fill(Palette.blue), label: "nearer"),
        .init(symbol: .fill(Palette.grey), label: "no open practice left"),
    ])

    static func flagLegend(_ when: String) -> Legend {
        Legend(title: "Flag \(when) the scenario (rules in the report)", entries: [
            .init(symbol: .fill(Palette.vermillion), label: "flagged"),
            .init(symbol: .fill(Palette.regionNeutral), label: "not flagged"),
            .init(symbol: .fill("white"), label: "not in \(ScenarioTables.changesFileName)"),
        ])
    }
}
