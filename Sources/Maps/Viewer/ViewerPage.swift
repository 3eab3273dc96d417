import Access
/// viewer.html: one self-contained page (no network, no third-party code) with
/// the data embedded as JSON and a hand-written pan/zoom map.
enum ViewerPage {
    static func html(_ folder: OutputFolder) throws -> String {
        let caption = MapCaption(run: folder.run)
        let title = caption.isSynthetic ? "bereik map viewer — SYNTHETIC example data" : "bereik map viewer"
        let populationLabel = folder.populationAggregation.map { "Population (\(Markup.number($0.cellSizeM)) m squares)" } ?? "Population points"
        let toggles = [("regions", "Regions"), ("population", populationLabel), ("practices", "Practices"),
                       ("catchments", "Catchments"), ("sites", "Housing sites")]
        let present = Set(folder.layers.map(\.name))
        let data = try ViewerData.parts(folder)
        let toggleHTML = toggles.map { id, label in
            let has = present.contains(id)
            return "<label class=\"toggle\"><input type=\"checkbox\" id=\"toggle-\(id)\" data-layer=\"\(id)\"\(has ? (id == "population" ? "" : " checked") : " disabled")> \(label)\(has ? "" : " <span class=\"absent\">(not in this output)</span>")</label>"
        }.joined(separator: "\n")
        return """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(Markup.escape(title))</title>
        <script>
        window.addEventListener("error", function (e) {
          var box = document.getElementById("errors");
          if (box) { box.hidden = false; box.textContent += "JavaScript error: " + e.message + "\\n"; }
          document.documentElement.setAttribute("data-js-error", "yes");
        });
        </script>
        <style>
        \(ViewerStyle.css)
        </style>
        </head>
        <body>
        <header>
          <h1>\(Markup.escape(title))</h1>
          <p class="dataline">\(Markup.escape(caption.dataLine))</p>
          \(caption.isSynthetic ? "<p class=\"synthetic\">SYNTHETIC data: made-up example figures to show the tool, not real practices or people.</p>" : "")
        </header>
        <pre id="errors" class="js-error" hidden></pre>
        <main>
          <aside id="sidebar">
            <section><h2>Layers</h2><p class="hint">Population is off at first, to keep the map readable and quick to open; it is drawn when switched on. <code>?layers=regions,population</code> in the address chooses the layers shown.</p>
            \(toggleHTML)
            </section>
            <section><h2>Colour</h2>
              <label>Regions by <select id="region-mode"><option value="flag">flag</option><option value="mean">mean distance</option></select></label>
              <label>Population by <select id="population-mode"><option value="distance">distance (km)</option></select></label>
            </section>
            <section><h2>Legend</h2><div id="legend"></div></section>
            <section><h2>Selected feature</h2><div id="properties"><p class="hint">Click a region, point or practice.</p></div></section>
          </aside>
          <div id="map-wrap">
            <svg id="map" xmlns="http://www.w3.org/2000/svg" role="img" aria-label="Map">
              <g id="world"><g id="tiles"></g><g id="g-regions"></g><g id="g-catchments"></g><g id="g-population" style="display:none"></g><g id="g-practices"></g><g id="g-sites"></g></g>
            </svg>
            <div id="zoom"><button id="zoom-in" title="Zoom in">+</button><button id="zoom-out" title="Zoom out">−</button><button id="zoom-reset" title="Show everything">⟲</button></div>
            <div id="north" title="North is up">▲<br>N</div>
            <div id="scalebar"><div id="scalebar-bar"></div><span id="scalebar-label"></span></div>
            <div id="tooltip" hidden></div>
            <p id="decimation" hidden></p>
          </div>
        </main>
        <section id="table-section">
          <h2>Regions <span class="hint">(click a column to sort, a row to zoom to the region)</span></h2>
          <table id="region-table"><thead></thead><tbody></tbody></table>
        </section>
        <footer><p id="attribution">\(Markup.escape(caption.attribution))</p>
        <p class="hint">Drag to pan, wheel or buttons to zoom. Works offline. Optional base map: add <code>?tiles=https://your.tile.server/{z}/{x}/{y}.png</code> to the address. Map in Web Mercator; distances were computed in RD New (EPSG:28992).</p></footer>
        <script type="application/json" id="bereik-data">
        \(data.main)
        </script>
        \(data.deferred.map { "<script type=\"application/json\" id=\"bereik-data-\($0.name)\">\n\($0.json)\n</script>" }.joined(separator: "\n"))
        <script>
        \(ViewerScript.javascript)
        </script>
        </body>
        </html>

        """
    }
}
