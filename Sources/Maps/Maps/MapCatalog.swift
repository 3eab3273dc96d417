import Access

/// One rendered map: its file stem (maps/<id>.svg), title and SVG text.
public struct RenderedMap: Sendable {
    public var id: String
    public var title: String
    public var svg: String
}

/// The maps drawn from an output folder. Maps whose layer is missing are left out.
enum MapCatalog {
    /// The maps drawn before the others: the practices map's PNG (its
    /// catchments) takes rsvg-convert longest, so it starts first.
    static let drawnFirst: Set<String> = ["practices-status"]

    /// The maps in catalog order. `drawn` gets each map as soon as it is
    /// drawn (`drawnFirst` first, then catalog order): the renderer writes it
    /// and starts its PNG while the next maps are drawn.
    static func render(_ folder: OutputFolder, drawn: (RenderedMap) -> Void = { _ in }) -> [RenderedMap] {
        let caption = MapCaption(run: folder.run)
        let extent = folder.envelope
        var planned: [(id: String, title: String, legend: [Legend], draw: (inout SVGCanvas) -> Void)] = []
        func add(_ id: String, _ title: String, _ legend: [Legend], _ draw: @escaping (inout SVGCanvas) -> Void) {
            planned.append((id, title, legend, draw))
        }
        func drawAll() -> [RenderedMap] {
            var maps = [RenderedMap?](repeating: nil, count: planned.count)
            let order = planned.indices.filter { drawnFirst.contains(planned[$0].id) } + planned.indices.filter { !drawnFirst.contains(planned[$0].id) }
            for k in order {
                let p = planned[k]
                let map = RenderedMap(id: p.id, title: p.title,
                                      svg: MapDocument(id: p.id, title: p.title, legend: p.legend).render(extent: extent, caption: caption, drawLayers: p.draw))
                maps[k] = map
                drawn(map)
            }
            return maps.compactMap { $0 }
        }
        if let regions = folder.regions {
            add("regions-flagged", "Regions flagged for poor access to a GP practice open to new patients",
                [flagLegend(folder), designationLegend]) { c in
                LayerDrawing.regions(&c, regions) { $0.flag(RegionColumn.flagged) ? Palette.vermillion : Palette.regionNeutral }
                LayerDrawing.designations(&c, regions)
                LayerDrawing.regionLabels(&c, regions)
            }
            let classes = ClassBreaks.meanDistanceKm
            add("regions-mean-distance", "Mean distance to the nearest practice open to new patients, per region",
                [classLegend("Population-weighted mean distance (km)", classes) + noData, designationLegend]) { c in
                LayerDrawing.regions(&c, regions) { f in f.number(RegionColumn.meanOpenM).map { classes.colour($0 / 1000) } ?? "white" }
                LayerDrawing.designations(&c, regions)
                LayerDrawing.regionLabels(&c, regions)
            }
        }
        if let population = folder.population {
            let classes = ClassBreaks.distanceKm
            let unit = folder.populationAggregation.map { "population-weighted mean per \(Markup.number($0.cellSizeM)) m square" } ?? "one dot per population point"
            let aggregated = folder.populationAggregation.map { [Legend(title: "Aggregated: " + $0.description, entries: [])] } ?? []
            add("population-distance", "Distance from where people live to the nearest practice open to new patients",
                [classLegend("Straight-line distance to the nearest open practice (km), \(unit)", classes) + noOpenPractice] + aggregated) { c in
                LayerDrawing.regions(&c, folder.regions) { _ in Palette.regionNeutral }
                LayerDrawing.population(&c, population) { f in f.number(PopulationColumn.nearestOpenPracticeM).map { classes.colour($0 / 1000) } ?? Palette.grey }
                LayerDrawing.regionLabels(&c, folder.regions)
            }
            if let mode = travelTimeMode(population) {
                let minutes = ClassBreaks.travelMinutes, field = PopulationColumn.roadMinutes(mode)
                add("population-time", "Travel time by \(mode) to the nearest practice open to new patients",
                    [classLegend("Travel time by \(mode) over the road network (minutes)" + (folder.populationAggregation.map { ", population-weighted mean per \(Markup.number($0.cellSizeM)) m square" } ?? ""), minutes) + noOpenPractice] + aggregated) { c in
                    LayerDrawing.regions(&c, folder.regions) { _ in Palette.regionNeutral }
                    LayerDrawing.population(&c, population) { f in f.number(field).map { minutes.colour($0) } ?? Palette.grey }
                    LayerDrawing.regionLabels(&c, folder.regions)
                }
            }
        }
        if let practices = folder.practices {
            var legend = [statusLegend, sizeLegend]
            if folder.catchments != nil { legend.append(Legend(title: "Catchment", entries: [.init(symbol: .line(Palette.blue, dash: "4 2"), label: "area a practice serves")])) }
            add("practices-status", "GP practices by patient-stop status, sized by GP FTE", legend) { c in
                LayerDrawing.regions(&c, folder.regions) { _ in Palette.regionNeutral }
                LayerDrawing.catchments(&c, folder.catchments)
                LayerDrawing.regionLabels(&c, folder.regions)
                LayerDrawing.practices(&c, practices)
            }
        }
        if let sites = folder.sites {
            add("sites", "Proposed housing sites and whether an open practice with room serves them",
                [verdictLegend, Legend(title: "Practices (faded)", entries: statusLegend.entries)]) { c in
                LayerDrawing.regions(&c, folder.regions) { _ in Palette.regionNeutral }
                LayerDrawing.regionLabels(&c, folder.regions)
                LayerDrawing.practices(&c, folder.practices, opacity: 0.45)
                LayerDrawing.sites(&c, sites)
            }
        }
        return drawAll()
    }

    /// The mode whose travel time (`road_min_<mode>`) is mapped, car preferred.
    static func travelTimeMode(_ layer: MapLayer) -> String? {
        if layer.has(PopulationColumn.roadMinutes(TravelMode.car.name)) { return TravelMode.car.name }
        return layer.fieldNames.lazy.compactMap(PopulationColumn.mode(ofRoadMinutes:)).first
    }

    static func classLegend(_ title: String, _ classes: ClassBreaks) -> Legend {
        Legend(title: title, entries: zip(classes.colours, classes.labels).map { .init(symbol: .fill($0), label: $1) })
    }

    static func flagLegend(_ folder: OutputFolder) -> Legend {
        var rule = "Flag (rules in the report)"
        if let p = folder.run?.parameters {
            rule = "Flag: < \(Int(p.flagMinShare * 100)) % within \(Markup.number(p.flagMaxKm)) km"
            if let mean = p.flagMaxMeanKm { rule += " or mean > \(Markup.number(mean)) km" }
        }
        return Legend(title: rule, entries: [.init(symbol: .fill(Palette.vermillion), label: "flagged"),
                                             .init(symbol: .fill(Palette.regionNeutral), label: "not flagged")])
    }

    static let designationLegend = Legend(title: "Designation", entries: [.init(symbol: .hatch, label: "krimp- or anticipeerregio")])
    static let noData = Legend(title: "", entries: [.init(symbol: .fill("white"), label: "no data")])
    static let noOpenPractice = Legend(title: "", entries: [.init(symbol: .fill(Palette.grey), label: "no open practice found")])

    static let statusLegend = Legend(title: "Practice status (patient stop)", entries: [
        .init(symbol: .circle(fill: Palette.practiceStatus(.open), radius: 6), label: "open to new patients"),
        .init(symbol: .circle(fill: Palette.practiceStatus(.partial), radius: 6), label: "partial stop"),
        .init(symbol: .circle(fill: Palette.practiceStatus(.closed), radius: 6), label: "closed (full stop)"),
        .init(symbol: .circle(fill: Palette.practiceStatus(.unknown), radius: 6), label: "status unknown"),
    ])

    static let sizeLegend = Legend(title: "Size: GP FTE (full-time GPs)", entries: [1.0, 3, 6].map {
        .init(symbol: .circle(fill: "white", radius: LayerDrawing.practiceRadius(fte: $0)), label: "\(Markup.number($0)) FTE")
    })

    static let verdictLegend = Legend(title: "Housing site verdict", entries: [
        .init(symbol: .diamond(Palette.verdict(.served)), label: "served (open practice with room)"),
        .init(symbol: .diamond(Palette.verdict(.strained)), label: "strained (practice near capacity)"),
        .init(symbol: .diamond(Palette.verdict(.notServed)), label: "not served"),
    ])
}

extension Legend {
    /// The entries of `other` appended to this section.
    static func + (lhs: Legend, rhs: Legend) -> Legend {
        Legend(title: lhs.title, entries: lhs.entries + rhs.entries)
    }
}
