import Access

/// The viewer's JavaScript, written for this project (no libraries): draws
/// the embedded layers as SVG in Web Mercator, pans, zooms, shows properties,
/// and keeps the region table sorted.
enum ViewerScript {
    /// A column's name as a JavaScript string: the region table and the
    /// travel-time field read the same named columns the writer declares.
    private static func q(_ column: ColumnName) -> String { JSONText.string(column.text) }
    /// A column's name as a JavaScript property (`f.props.<name>`): every name
    /// of the contract is a lower-case identifier.
    private static func prop(_ column: ColumnName) -> String { column.text }
    /// Words as a JavaScript array literal, e.g. the statuses a legend lists.
    private static func list(_ words: [String]) -> String { "[" + words.map(JSONText.string).joined(separator: ", ") + "]" }

    static let javascript = #"""
    (function () {
    "use strict";
    var D = JSON.parse(document.getElementById("bereik-data").textContent);
    var NS = "http://www.w3.org/2000/svg";
    var R = 6378137;
    var svg = document.getElementById("map");
    var world = document.getElementById("world");
    var E = D.extent;
    // World units: the data extent spans about 1000 units, so path numbers stay short.
    var K = Math.max(E[2] - E[0], E[3] - E[1]) / 1000;
    function wx(x) { return (x - E[0]) / K; }
    function wy(y) { return (E[3] - y) / K; }
    var view = { s: 1, tx: 0, ty: 0 };
    var S = D.styles;
    var layers = {};
    var selected = null;

    function features(name) {
      var L = D.layers[name];
      if (!L) return [];
      if (L.deferred) {
        var more = JSON.parse(document.getElementById("bereik-data-" + name).textContent);
        L.rows = more.rows; L.geometries = more.geometries; delete L.deferred;
      }
      return L.rows.map(function (row, i) {
        var p = {};
        L.fields.forEach(function (f, j) { p[f] = row[j]; });
        return { layer: name, i: i, props: p, geom: L.geometries[i], el: null };
      });
    }
    // A layer whose data is deferred (`ViewerData.deferredLayers`: the
    // population, off at first; at national scale 100,000 squares or more)
    // is built when it is first switched on, so the page opens with only the
    // shapes it shows. `?layers=regions,population` sets which layers are on.
    var built = {};
    var names = ["regions", "population", "practices", "catchments", "sites"];
    names.forEach(function (n) { layers[n] = []; });
    var shownParam = new URLSearchParams(location.search).get("layers");
    if (shownParam !== null) {
      var shown = shownParam.split(",");
      names.forEach(function (n) {
        var box = document.getElementById("toggle-" + n);
        if (box && !box.disabled) { box.checked = shown.indexOf(n) >= 0; document.getElementById("g-" + n).style.display = box.checked ? "" : "none"; }
      });
    }

    function classColour(c, v) {
      if (v === null || v === undefined) return S.noData;
      for (var i = 0; i < c.bounds.length; i++) if (v < c.bounds[i]) return c.colours[i];
      return c.colours[c.colours.length - 1];
    }
    function isTrue(v) { return v === true || v === 1 || v === "true" || v === "1"; }
    var timeField = null;
    if (D.layers.population) {
      D.layers.population.fields.forEach(function (f) { if (!timeField && f.indexOf(\#(q(PopulationColumn.roadMinutes("")))) === 0) timeField = f; });
      if (D.layers.population.fields.indexOf(\#(q(PopulationColumn.roadMinutes(TravelMode.car.name)))) >= 0) timeField = \#(q(PopulationColumn.roadMinutes(TravelMode.car.name)));
    }
    var modeSelect = document.getElementById("population-mode");
    if (timeField) {
      var o = document.createElement("option");
      o.value = "time"; o.textContent = "travel time, " + timeField.replace(\#(q(PopulationColumn.roadMinutes(""))), "") + " (min)";
      modeSelect.appendChild(o);
    }
    function regionFill(f) {
      if (document.getElementById("region-mode").value === "mean") {
        var m = f.props.\#(prop(RegionColumn.meanOpenM));
        return m === null || m === undefined ? "#ffffff" : classColour(S.meanDistanceKm, m / 1000);
      }
      return isTrue(f.props.\#(prop(RegionColumn.flagged))) ? S.flagged : S.neutral;
    }
    function populationFill(f) {
      if (modeSelect.value === "time") return classColour(S.travelMinutes, f.props[timeField]);
      var d = f.props.\#(prop(PopulationColumn.nearestOpenPracticeM));
      return classColour(S.distanceKm, d === null || d === undefined ? null : d / 1000);
    }
    function statusColour(s) { return S.status[(s || \#(JSONText.string(PracticeStatus.unknown.rawValue))).toLowerCase()] || S.status.\#(PracticeStatus.unknown.rawValue); }
    function verdictColour(v) { return S.verdict[(v || "").toLowerCase().replace("_", " ")] || S.noData; }

    function ringPath(flat, close) {
      var d = "";
      for (var i = 0; i < flat.length; i += 2) d += (i ? "L" : "M") + wx(flat[i]).toFixed(2) + " " + wy(flat[i + 1]).toFixed(2);
      return close ? d + "Z" : d;
    }
    function makeShape(f, group) {
      var g = f.geom, el;
      if (Array.isArray(g)) {
        el = document.createElementNS(NS, "circle");
        el.setAttribute("cx", wx(g[0]).toFixed(2));
        el.setAttribute("cy", wy(g[1]).toFixed(2));
      } else {
        el = document.createElementNS(NS, "path");
        var d = g.rings ? g.rings.map(function (r) { return ringPath(r, true); }).join("") : g.lines.map(function (r) { return ringPath(r, false); }).join("");
        el.setAttribute("d", d);
        el.setAttribute("fill-rule", "evenodd");
        el.setAttribute("vector-effect", "non-scaling-stroke");
      }
      el.setAttribute("data-layer", f.layer);
      el.setAttribute("data-index", f.i);
      f.el = el;
      group.appendChild(el);
    }
    function pixelRadius(f) {
      if (f.layer === "population") return 2.6;
      if (f.layer === "practices") return 3 + 2.6 * Math.sqrt(Math.max(+f.props.\#(prop(PracticeColumn.gpFTE)) || 0, 0));
      return 6;
    }
    function build(name) {
      built[name] = true;
      layers[name] = features(name);
      var group = document.getElementById("g-" + name);
      var list = layers[name];
      if (name === "practices") list = list.slice().sort(function (a, b) { return (+b.props.\#(prop(PracticeColumn.gpFTE)) || 0) - (+a.props.\#(prop(PracticeColumn.gpFTE)) || 0); });
      list.forEach(function (f) { makeShape(f, group); });
      if (name === "catchments") layers.catchments.forEach(function (f) {
        f.el.setAttribute("fill", "none"); f.el.setAttribute("stroke", S.catchment); f.el.setAttribute("stroke-dasharray", "4 2");
      });
      if (name === "practices") layers.practices.forEach(function (f) { f.el.setAttribute("fill", statusColour(f.props.\#(prop(PracticeColumn.status)))); f.el.setAttribute("stroke", "#222"); });
      if (name === "sites") layers.sites.forEach(function (f) { f.el.setAttribute("fill", verdictColour(f.props.\#(prop(SiteColumn.verdict)))); f.el.setAttribute("stroke", "#111"); });
    }
    function draw() {
      names.forEach(function (name) { if (!(D.layers[name] && D.layers[name].deferred) || on(name)) build(name); });
      recolour();
    }
    function recolour() {
      layers.regions.forEach(function (f) { f.el.setAttribute("fill", regionFill(f)); f.el.setAttribute("stroke", "#555"); f.el.setAttribute("fill-opacity", "0.6"); });
      layers.population.forEach(function (f) { f.el.setAttribute("fill", populationFill(f)); });
      legend();
    }

    function applyView() {
      world.setAttribute("transform", "translate(" + view.tx.toFixed(2) + " " + view.ty.toFixed(2) + ") scale(" + view.s.toFixed(5) + ")");
      ["population", "practices", "sites"].forEach(function (name) {
        layers[name].forEach(function (f) {
          if (f.el.tagName === "circle") { f.el.setAttribute("r", (pixelRadius(f) / view.s).toFixed(3)); f.el.setAttribute("stroke-width", (0.7 / view.s).toFixed(3)); }
        });
      });
      scaleBar();
      tiles();
    }
    function fit(e) {
      var w = svg.clientWidth || 800, h = svg.clientHeight || 500;
      var x0 = wx(e[0]), x1 = wx(e[2]), y0 = wy(e[3]), y1 = wy(e[1]);
      var s = 0.94 * Math.min(w / Math.max(x1 - x0, 1e-6), h / Math.max(y1 - y0, 1e-6));
      view.s = s;
      view.tx = w / 2 - s * (x0 + x1) / 2;
      view.ty = h / 2 - s * (y0 + y1) / 2;
      applyView();
    }
    function zoomAt(mx, my, factor) {
      var s = Math.min(Math.max(view.s * factor, 0.05), 5000);
      factor = s / view.s;
      view.tx = mx - (mx - view.tx) * factor;
      view.ty = my - (my - view.ty) * factor;
      view.s = s;
      applyView();
    }

    // Scale bar: Web Mercator metres shrink by cos(latitude) on the ground.
    function scaleBar() {
      var h = svg.clientHeight || 500;
      var mercY = E[3] - ((h / 2 - view.ty) / view.s) * K;
      var lat = Math.atan(Math.sinh(mercY / R));
      var groundPerPixel = (K / view.s) * Math.cos(lat);
      var maxMetres = 130 * groundPerPixel;
      var steps = [50, 100, 200, 500, 1000, 2000, 5000, 10000, 20000, 50000, 100000, 200000, 500000];
      var m = steps[0];
      steps.forEach(function (x) { if (x <= maxMetres) m = x; });
      document.getElementById("scalebar-bar").style.width = (m / groundPerPixel).toFixed(1) + "px";
      document.getElementById("scalebar-label").textContent = m >= 1000 ? (m / 1000) + " km" : m + " m";
    }

    // Optional base map from the user's own tile server (?tiles=.../{z}/{x}/{y}.png).
    var tileURL = new URLSearchParams(location.search).get("tiles");
    function tiles() {
      if (!tileURL) return;
      var g = document.getElementById("tiles");
      while (g.firstChild) g.removeChild(g.firstChild);
      var w = svg.clientWidth, h = svg.clientHeight, C = 2 * Math.PI * R;
      var metresPerPixel = K / view.s;
      var z = Math.max(0, Math.min(19, Math.round(Math.log2(C / (256 * metresPerPixel)))));
      var T = C / Math.pow(2, z);
      var left = E[0] + (-view.tx / view.s) * K, right = E[0] + ((w - view.tx) / view.s) * K;
      var top = E[3] - (-view.ty / view.s) * K, bottom = E[3] - ((h - view.ty) / view.s) * K;
      for (var i = Math.floor((left + C / 2) / T); i <= Math.floor((right + C / 2) / T); i++) {
        for (var j = Math.floor((C / 2 - top) / T); j <= Math.floor((C / 2 - bottom) / T); j++) {
          var img = document.createElementNS(NS, "image");
          img.setAttribute("href", tileURL.replace("{z}", z).replace("{x}", i).replace("{y}", j));
          img.setAttribute("x", wx(i * T - C / 2)); img.setAttribute("y", wy(C / 2 - j * T));
          img.setAttribute("width", T / K); img.setAttribute("height", T / K);
          img.setAttribute("opacity", "0.6");
          g.appendChild(img);
        }
      }
    }

    // Pan by dragging; a drag of more than 3 px is not a click.
    var drag = null, dragged = false;
    svg.addEventListener("pointerdown", function (e) {
      drag = { x: e.clientX, y: e.clientY, tx: view.tx, ty: view.ty }; dragged = false;
    });
    window.addEventListener("pointermove", function (e) {
      if (!drag) return;
      var dx = e.clientX - drag.x, dy = e.clientY - drag.y;
      if (Math.abs(dx) + Math.abs(dy) > 3) { dragged = true; svg.classList.add("dragging"); }
      view.tx = drag.tx + dx; view.ty = drag.ty + dy;
      world.setAttribute("transform", "translate(" + view.tx.toFixed(2) + " " + view.ty.toFixed(2) + ") scale(" + view.s.toFixed(5) + ")");
    });
    window.addEventListener("pointerup", function () { if (drag) { drag = null; svg.classList.remove("dragging"); tiles(); } });
    svg.addEventListener("wheel", function (e) {
      e.preventDefault();
      var r = svg.getBoundingClientRect();
      zoomAt(e.clientX - r.left, e.clientY - r.top, Math.exp(-e.deltaY * 0.0015));
    }, { passive: false });
    function zoomCentre(f) { zoomAt(svg.clientWidth / 2, svg.clientHeight / 2, f); }
    document.getElementById("zoom-in").addEventListener("click", function () { zoomCentre(1.6); });
    document.getElementById("zoom-out").addEventListener("click", function () { zoomCentre(1 / 1.6); });
    document.getElementById("zoom-reset").addEventListener("click", function () { fit(E); });

    function featureOf(target) {
      var layer = target.getAttribute && target.getAttribute("data-layer");
      return layer ? layers[layer][+target.getAttribute("data-index")] : null;
    }
    function label(f) {
      var p = f.props;
      return p.\#(prop(RegionColumn.name)) || p.\#(prop(PracticeColumn.id)) || p.\#(prop(RegionColumn.regionID)) || p.\#(prop(CatchmentColumn.practiceID)) || (f.layer + " " + (f.i + 1));
    }
    var tip = document.getElementById("tooltip");
    svg.addEventListener("mousemove", function (e) {
      var f = featureOf(e.target);
      if (!f || drag) { tip.hidden = true; return; }
      var r = svg.getBoundingClientRect();
      tip.hidden = false;
      tip.textContent = f.layer + ": " + label(f);
      tip.style.left = (e.clientX - r.left + 14) + "px";
      tip.style.top = (e.clientY - r.top + 10) + "px";
    });
    svg.addEventListener("mouseleave", function () { tip.hidden = true; });
    svg.addEventListener("click", function (e) {
      if (dragged) return;
      var f = featureOf(e.target);
      if (f) select(f, false);
    });
    function format(v) {
      if (v === null || v === undefined) return "—";
      if (typeof v === "number") return Number.isInteger(v) ? v.toLocaleString("en") : v.toLocaleString("en", { maximumFractionDigits: 3 });
      return String(v);
    }
    function select(f, zoom) {
      if (selected && selected.el) selected.el.classList.remove("selected");
      selected = f;
      if (f.el) f.el.classList.add("selected");
      var box = document.getElementById("properties");
      box.innerHTML = "";
      var h = document.createElement("p");
      h.innerHTML = "<b></b>";
      h.firstChild.textContent = f.layer + ": " + label(f);
      box.appendChild(h);
      var t = document.createElement("table");
      Object.keys(f.props).forEach(function (k) {
        var tr = t.insertRow();
        tr.insertCell().textContent = k;
        tr.insertCell().textContent = format(f.props[k]);
      });
      box.appendChild(t);
      document.querySelectorAll("#region-table tbody tr").forEach(function (tr) {
        tr.classList.toggle("selected", f.layer === "regions" && +tr.getAttribute("data-index") === f.i);
      });
      if (zoom && f.geom && !Array.isArray(f.geom)) {
        var e = [Infinity, Infinity, -Infinity, -Infinity];
        (f.geom.rings || f.geom.lines).forEach(function (r) {
          for (var i = 0; i < r.length; i += 2) {
            e[0] = Math.min(e[0], r[i]); e[2] = Math.max(e[2], r[i]); e[1] = Math.min(e[1], r[i + 1]); e[3] = Math.max(e[3], r[i + 1]);
          }
        });
        fit(e);
      }
    }

    function legendRow(parent, html, text) {
      var row = document.createElement("div");
      row.className = "legend-row";
      row.innerHTML = html;
      var span = document.createElement("span");
      span.textContent = text;
      row.appendChild(span);
      parent.appendChild(row);
    }
    function legendTitle(parent, text) {
      var d = document.createElement("div"); d.className = "legend-title"; d.textContent = text; parent.appendChild(d);
    }
    function swatch(c) { return '<span class="swatch" style="background:' + c + '"></span>'; }
    function dot(c, r) { return '<span class="dot" style="background:' + c + ';width:' + 2 * r + 'px;height:' + 2 * r + 'px"></span>'; }
    function on(name) { var b = document.getElementById("toggle-" + name); return b && b.checked && !b.disabled; }
    function legend() {
      var L = document.getElementById("legend");
      L.innerHTML = "";
      if (on("regions")) {
        if (document.getElementById("region-mode").value === "mean") {
          legendTitle(L, "Regions: population-weighted mean distance to nearest open practice (km)");
          S.meanDistanceKm.labels.forEach(function (t, i) { legendRow(L, swatch(S.meanDistanceKm.colours[i]), t); });
        } else {
          legendTitle(L, "Regions: flag");
          legendRow(L, swatch(S.flagged), "flagged");
          legendRow(L, swatch(S.neutral), "not flagged");
        }
      }
      if (on("population")) {
        var c = modeSelect.value === "time" ? S.travelMinutes : S.distanceKm;
        legendTitle(L, modeSelect.value === "time" ? "Population: travel time to nearest open practice (min)" : "Population: straight-line distance to nearest open practice (km)");
        c.labels.forEach(function (t, i) { legendRow(L, dot(c.colours[i], 5), t); });
        legendRow(L, dot(S.noData, 5), "no open practice / no data");
      }
      if (on("practices")) {
        legendTitle(L, "Practices: status, size = GP FTE");
        \#(list(PracticeStatus.allCases.map(\.rawValue))).forEach(function (s) { legendRow(L, dot(S.status[s], 6), s); });
      }
      if (on("catchments")) { legendTitle(L, "Catchments"); legendRow(L, '<span class="swatch" style="border:2px dashed ' + S.catchment + '"></span>', "area a practice serves"); }
      if (on("sites")) {
        legendTitle(L, "Housing sites: verdict");
        \#(list(Palette.verdicts.map(\.rawValue))).forEach(function (v) { legendRow(L, swatch(S.verdict[v]), v); });
      }
    }

    document.querySelectorAll("#sidebar input[type=checkbox]").forEach(function (box) {
      box.addEventListener("change", function () {
        var name = box.getAttribute("data-layer");
        if (box.checked && !built[name]) { build(name); recolour(); applyView(); }
        document.getElementById("g-" + name).style.display = box.checked ? "" : "none";
        legend();
      });
    });
    document.getElementById("region-mode").addEventListener("change", recolour);
    modeSelect.addEventListener("change", recolour);

    // Region table, sortable by any column.
    var columns = [
      [\#(q(RegionColumn.urgencyRank)), "Urgency rank"], [\#(q(RegionColumn.name)), "Region"], [\#(q(RegionColumn.designation)), "Designation"], [\#(q(RegionColumn.inhabitants)), "Inhabitants"],
      [\#(q(RegionColumn.meanOpenM)), "Mean dist. open (m)"], [\#(q(RegionColumn.shareWithin(km: 1))), "≤ 1 km"], [\#(q(RegionColumn.shareWithin(km: 3))), "≤ 3 km"], [\#(q(RegionColumn.shareWithin(km: 5))), "≤ 5 km"],
      [\#(q(RegionColumn.meanRoadM)), "Mean road dist. (m)"], [\#(q(RegionColumn.shareWithinByRoad(km: 5))), "≤ 5 km road"], [\#(q(RegionColumn.meanMinutes(TravelMode.car.name))), "Car min"],
      [\#(q(RegionColumn.openPractices)), "Open practices"], [\#(q(RegionColumn.gpFTEPer10k)), "GP FTE / 10k"], [\#(q(RegionColumn.flagged)), "Flagged"], [\#(q(RegionColumn.flagReasons)), "Flag reasons"]
    ].filter(function (c) { return D.layers.regions && D.layers.regions.fields.indexOf(c[0]) >= 0; });
    var sortKey = null, sortAsc = true;
    function compare(a, b, key, asc) {
      var x = a.props[key], y = b.props[key];
      if (key === \#(q(RegionColumn.flagged))) { x = isTrue(x) ? 1 : 0; y = isTrue(y) ? 1 : 0; }
      if (x === null || x === undefined) return 1;
      if (y === null || y === undefined) return -1;
      var r = typeof x === "number" && typeof y === "number" ? x - y : String(x).localeCompare(String(y));
      return asc ? r : -r;
    }
    function defaultOrder(a, b) {
      if (a.props.\#(prop(RegionColumn.urgencyRank)) !== undefined) return compare(a, b, \#(q(RegionColumn.urgencyRank)), true);
      return compare(a, b, \#(q(RegionColumn.flagged)), false) || compare(a, b, \#(q(RegionColumn.meanOpenM)), false);
    }
    function share(v) { return v === null || v === undefined ? "—" : Math.round(v * 100) + " %"; }
    function table() {
      var thead = document.querySelector("#region-table thead"), tbody = document.querySelector("#region-table tbody");
      thead.innerHTML = ""; tbody.innerHTML = "";
      var hr = thead.insertRow();
      columns.forEach(function (c) {
        var th = document.createElement("th");
        th.textContent = c[1];
        th.setAttribute("data-key", c[0]);
        if (sortKey === c[0]) th.className = sortAsc ? "sorted-asc" : "sorted-desc";
        th.addEventListener("click", function () {
          if (sortKey === c[0]) sortAsc = !sortAsc; else { sortKey = c[0]; sortAsc = c[0] === \#(q(RegionColumn.name)) || c[0] === \#(q(RegionColumn.urgencyRank)); }
          table();
        });
        hr.appendChild(th);
      });
      var rows = layers.regions.slice().sort(sortKey ? function (a, b) { return compare(a, b, sortKey, sortAsc); } : defaultOrder);
      rows.forEach(function (f) {
        var tr = tbody.insertRow();
        tr.setAttribute("data-index", f.i);
        if (isTrue(f.props.\#(prop(RegionColumn.flagged)))) tr.className = "flagged";
        columns.forEach(function (c) {
          var v = f.props[c[0]], td = tr.insertCell();
          if (c[0].indexOf(\#(JSONText.string(RegionColumn.sharePrefix))) === 0) td.textContent = share(v);
          else if (c[0] === \#(q(RegionColumn.flagged))) td.textContent = isTrue(v) ? "yes" : "no";
          else td.textContent = format(typeof v === "number" && c[0] === \#(q(RegionColumn.meanOpenM)) ? Math.round(v) : v);
          if (typeof v === "number") td.className = "num";
          if (c[0] === \#(q(RegionColumn.flagReasons))) td.className = "reasons";
        });
        tr.addEventListener("click", function () { select(f, true); });
      });
    }

    if (D.decimationNote) { var n = document.getElementById("decimation"); n.hidden = false; n.textContent = D.decimationNote; }
    draw();
    table();
    fit(E);
    window.addEventListener("resize", function () { fit(E); });
    // For pages that add to the viewer (bereik serve's live layer).
    window.bereikViewer = { data: D, layers: layers, svg: svg, world: world, view: view, extent: E, unit: K,
      recolour: recolour, table: table, select: select, applyView: applyView, legend: legend,
      wasDrag: function () { return dragged; } };
    document.documentElement.setAttribute("data-ready", "yes");
    })();
    """#
}
