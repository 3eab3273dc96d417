/// The live layer `bereik serve` adds to the map viewer: point queries, site
/// drawing, practice changes (a scenario with undo and reset) and downloads.
/// Plain JavaScript over the viewer's `window.bereikViewer`; it talks only to
/// this server's /api/*.
enum LivePage {
    static let sidebar = """
    <section id="live"><h2>Ask</h2>
      <p class="hint">Click on the map: what does it do?</p>
      <label><input type="radio" name="live-mode" value="point" checked> nearest practices that take new patients</label>
      <label><input type="radio" name="live-mode" value="site"> draw a housing site (click corners, double-click to close)</label>
      <label><input type="radio" name="live-mode" value="add"> add a practice here</label>
      <label>Homes on the site <input type="number" id="site-homes" value="200" min="0" step="1"></label>
      <p class="hint">Click a practice (in any mode) to close it, set it partial or change its FTE.</p>
      <div id="live-status" class="hint"></div>
      <div id="live-result"></div>
      <div id="practice-panel" hidden></div>
      <h2>Scenario</h2>
      <ol id="scenario-list"><li class="hint">baseline (no changes)</li></ol>
      <button id="scenario-undo" disabled>Undo</button> <button id="scenario-reset" disabled>Reset to baseline</button>
      <button id="scenario-download" disabled>Download changes CSV</button>
      <button id="site-download" disabled>Download site GeoJSON</button>
      <div id="scenario-result"></div>
    </section>
    """

    static let css = """
    #live label { display: block; margin: 2px 0; }
    #live button { margin: 2px 0; }
    #live table { border-collapse: collapse; font-size: 12px; margin: 4px 0; }
    #live td, #live th { border-bottom: 1px solid #ddd; padding: 1px 4px; text-align: left; }
    #live .verdict-served { color: #1a7f37; font-weight: bold; }
    #live .verdict-strained { color: #b35900; font-weight: bold; }
    #live .verdict-not-served { color: #b00020; font-weight: bold; }
    #live .error { color: #b00020; }
    #site-homes { width: 6em; }
    """

    static let javascript = #"""
    (function () {
    "use strict";
    var V = window.bereikViewer;
    if (!V) return;
    var NS = "http://www.w3.org/2000/svg", R = 6378137, E = V.extent, K = V.unit;
    var live = document.createElementNS(NS, "g");
    live.setAttribute("id", "g-live");
    V.world.appendChild(live);
    var statusBox = document.getElementById("live-status"), resultBox = document.getElementById("live-result");
    var scenario = [], sitePoints = [], siteClosed = false, lastSite = null;
    var baseRegions = V.layers.regions.map(function (f) { return JSON.parse(JSON.stringify(f.props)); });
    var basePractices = V.layers.practices.map(function (f) { return JSON.parse(JSON.stringify(f.props)); });
    var practiceById = {};
    V.layers.practices.forEach(function (f) { practiceById[f.props.id] = f; });

    function toLonLat(X, Y) { return [X / R * 180 / Math.PI, (2 * Math.atan(Math.exp(Y / R)) - Math.PI / 2) * 180 / Math.PI]; }
    function toWorld(lon, lat) {
      var X = R * lon * Math.PI / 180, Y = R * Math.log(Math.tan(Math.PI / 4 + lat * Math.PI / 360));
      return [(X - E[0]) / K, (E[3] - Y) / K];
    }
    function eventLonLat(e) {
      var r = V.svg.getBoundingClientRect();
      var wx = (e.clientX - r.left - V.view.tx) / V.view.s, wy = (e.clientY - r.top - V.view.ty) / V.view.s;
      return toLonLat(E[0] + wx * K, E[3] - wy * K);
    }
    function mode() { return document.querySelector("input[name=live-mode]:checked").value; }
    function text(t) { return document.createTextNode(t); }
    function el(tag, attrs, kids) {
      var x = document.createElement(tag);
      Object.keys(attrs || {}).forEach(function (k) { x.setAttribute(k, attrs[k]); });
      (kids || []).forEach(function (k) { x.appendChild(typeof k === "string" ? text(k) : k); });
      return x;
    }
    function km(m) { return m === null || m === undefined ? "—" : (m / 1000).toFixed(1) + " km"; }
    function num(v) { return v === null || v === undefined ? "—" : String(Math.round(v)); }
    function shape(tag, attrs) {
      var x = document.createElementNS(NS, tag);
      Object.keys(attrs).forEach(function (k) { x.setAttribute(k, attrs[k]); });
      x.setAttribute("vector-effect", "non-scaling-stroke");
      live.appendChild(x);
      return x;
    }
    function dotR() { return (5 / V.view.s).toFixed(3); }
    function api(method, path, body) {
      statusBox.textContent = "asking the server…";
      return fetch(path, { method: method, headers: body ? { "Content-Type": "application/json" } : {}, body: body ? JSON.stringify(body) : undefined })
        .then(function (r) { return r.json().then(function (j) { return { ok: r.ok, body: j }; }); })
        .then(function (x) {
          statusBox.textContent = "";
          if (!x.ok) { throw new Error(x.body.error + (x.body.field ? " (" + x.body.field + ")" : "") + (x.body.expected ? ": expected " + x.body.expected : "") + (x.body.found ? ", found " + x.body.found : "")); }
          return x.body;
        });
    }
    function showError(box, err) { box.innerHTML = ""; box.appendChild(el("p", { "class": "error" }, [String(err.message || err)])); }
    function clearLive() { while (live.firstChild) live.removeChild(live.firstChild); }

    // Click: the nearest practices that take new patients.
    function query(lon, lat) {
      clearLive();
      var p = toWorld(lon, lat);
      shape("circle", { cx: p[0], cy: p[1], r: dotR(), fill: "#000", "class": "live-query" });
      return api("GET", "/api/point?lon=" + lon.toFixed(6) + "&lat=" + lat.toFixed(6)).then(function (a) {
        resultBox.innerHTML = "";
        resultBox.setAttribute("data-kind", "point");
        var modes = a.nearest_by_road.length ? Object.keys(a.nearest_by_road[0].minutes) : [];
        var t = el("table", { id: "point-road" });
        t.appendChild(el("tr", {}, [el("th", {}, ["By road"]), el("th", {}, ["status"]), el("th", {}, ["road"])].concat(
          modes.map(function (m) { return el("th", {}, [m + " min"]); })).concat([el("th", {}, ["room"])])));
        a.nearest_by_road.forEach(function (n) {
          t.appendChild(el("tr", { "data-practice": n.practice_id, "data-road-m": n.road_m }, [el("td", {}, [n.name]), el("td", {}, [n.status]), el("td", {}, [km(n.road_m)])].concat(
            modes.map(function (m) { return el("td", {}, [n.minutes[m] === null ? "—" : n.minutes[m].toFixed(1)]); })).concat([el("td", {}, [num(n.headroom_places)])])));
          var q = toWorld(n.lon, n.lat);
          shape("line", { x1: p[0], y1: p[1], x2: q[0], y2: q[1], stroke: "#0b61a4", "stroke-width": 2 });
        });
        var s = el("table", { id: "point-line" });
        s.appendChild(el("tr", {}, [el("th", {}, ["Straight line"]), el("th", {}, ["status"]), el("th", {}, ["distance"]), el("th", {}, ["room"])]));
        a.nearest_straight_line.forEach(function (n) {
          s.appendChild(el("tr", { "data-practice": n.practice_id, "data-distance-m": n.distance_m }, [el("td", {}, [n.name]), el("td", {}, [n.status]), el("td", {}, [km(n.distance_m)]), el("td", {}, [num(n.headroom_places)])]));
          var q = toWorld(n.lon, n.lat);
          shape("line", { x1: p[0], y1: p[1], x2: q[0], y2: q[1], stroke: "#888", "stroke-width": 1, "stroke-dasharray": "3 2" });
        });
        resultBox.appendChild(a.nearest_by_road.length ? t : el("p", { "class": "hint" }, ["No roads in this analysis: straight line only."]));
        resultBox.appendChild(s);
        if (a.eligibility && a.eligibility.restricted_practices > 0) {
          resultBox.appendChild(el("p", { id: "point-eligibility", "class": "hint", "data-postcode": a.eligibility.postcode || "" },
            ["Postcode here: " + (a.eligibility.postcode || "unknown") + " (" + a.eligibility.postcode_source + "). " + a.eligibility.note]));
        }
        return a;
      }).catch(function (err) { showError(resultBox, err); });
    }

    // Drawing a housing site.
    function drawSite() {
      clearLive();
      var pts = sitePoints.map(function (c) { return toWorld(c[0], c[1]); });
      if (pts.length > 1) {
        var d = pts.map(function (q, i) { return (i ? "L" : "M") + q[0].toFixed(2) + " " + q[1].toFixed(2); }).join("") + (siteClosed ? "Z" : "");
        shape("path", { d: d, fill: siteClosed ? "rgba(120,60,200,0.35)" : "none", stroke: "#5a2ca0", "stroke-width": 2, id: "live-site" });
      }
      pts.forEach(function (q) { shape("circle", { cx: q[0], cy: q[1], r: dotR(), fill: "#5a2ca0" }); });
    }
    function addVertex(lon, lat) {
      if (siteClosed) { sitePoints = []; siteClosed = false; }
      sitePoints.push([lon, lat]);
      drawSite();
    }
    function siteFeature() {
      var ring = sitePoints.concat([sitePoints[0]]);
      var homes = +document.getElementById("site-homes").value || 0;
      return { type: "Feature", properties: { site_id: "drawn", name: "Drawn site", homes: homes },
               geometry: sitePoints.length >= 3 ? { type: "Polygon", coordinates: [ring] } : { type: "Point", coordinates: sitePoints[0] } };
    }
    function closeSite() {
      if (!sitePoints.length) return Promise.resolve(null);
      siteClosed = true;
      drawSite();
      lastSite = { type: "FeatureCollection", features: [siteFeature()] };
      document.getElementById("site-download").disabled = false;
      return api("POST", "/api/sites", lastSite).then(function (a) {
        var s = a.sites[0];
        resultBox.innerHTML = "";
        resultBox.setAttribute("data-kind", "site");
        resultBox.appendChild(el("p", {}, ["Verdict: ", el("span", { id: "site-verdict", "class": "verdict-" + s.verdict.replace(" ", "-") }, [s.verdict]),
          " — " + num(s.new_residents) + " new residents, nearest open practice " + (s.nearest_practice_name || "—") + " at " + km(s.distance_m) + " (" + a.measure + ")"]));
        resultBox.appendChild(el("p", { "class": "hint", id: "site-reasons" }, [s.reasons]));
        var t = el("table", { id: "site-load" });
        t.appendChild(el("tr", {}, [el("th", {}, ["Practice"]), el("th", {}, ["distance"]), el("th", {}, ["+ residents"]), el("th", {}, ["room before"]), el("th", {}, ["room after"])]));
        a.load[0].forEach(function (l) {
          t.appendChild(el("tr", { "data-practice": l.practice_id }, [el("td", {}, [l.name]), el("td", {}, [km(l.distance_m)]), el("td", {}, [num(l.new_residents)]),
            el("td", {}, [num(l.headroom_before)]), el("td", {}, [num(l.headroom_after)])]));
        });
        resultBox.appendChild(t);
        return a;
      }).catch(function (err) { showError(resultBox, err); });
    }

    // The scenario: a list of changes, recomputed by the server on each change.
    var panel = document.getElementById("practice-panel");
    function practicePanel(f) {
      panel.hidden = false;
      panel.innerHTML = "";
      panel.appendChild(el("p", {}, [el("b", {}, [f.props.name + " (" + f.props.id + ")"]), " — " + f.props.status + ", " + (f.props.gp_fte === null ? "FTE unknown" : f.props.gp_fte + " FTE")]));
      function button(label, change) {
        var b = el("button", { "data-action": change.action }, [label]);
        b.addEventListener("click", function () { panel.hidden = true; apply(change); });
        panel.appendChild(b); panel.appendChild(text(" "));
      }
      button("Close", { action: "close", practice_id: f.props.id });
      button("Set partial", { action: "status", practice_id: f.props.id, value: "partial" });
      button("Set open", { action: "status", practice_id: f.props.id, value: "open" });
      var input = el("input", { type: "number", step: "0.1", min: "0", value: f.props.gp_fte === null ? "1" : f.props.gp_fte, id: "fte-input" });
      input.style.width = "4em";
      panel.appendChild(input);
      var b = el("button", { "data-action": "fte" }, ["Set FTE"]);
      b.addEventListener("click", function () { panel.hidden = true; apply({ action: "fte", practice_id: f.props.id, value: input.value }); });
      panel.appendChild(b);
    }
    function describeChange(c) {
      if (c.action === "add") return "add " + c.name + " at " + c.lon.toFixed(4) + ", " + c.lat.toFixed(4);
      var name = practiceById[c.practice_id] ? practiceById[c.practice_id].props.name : c.practice_id;
      if (c.action === "close") return "close " + name;
      if (c.action === "status") return "set " + name + " to " + c.value;
      return "set the FTE of " + name + " to " + c.value;
    }
    function listChanges() {
      var ol = document.getElementById("scenario-list");
      ol.innerHTML = "";
      if (!scenario.length) ol.appendChild(el("li", { "class": "hint" }, ["baseline (no changes)"]));
      scenario.forEach(function (c) { ol.appendChild(el("li", {}, [describeChange(c)])); });
      ["scenario-undo", "scenario-reset", "scenario-download"].forEach(function (id) { document.getElementById(id).disabled = !scenario.length; });
    }
    function restoreBaseline() {
      V.layers.regions.forEach(function (f, i) { f.props = JSON.parse(JSON.stringify(baseRegions[i])); });
      V.layers.practices.forEach(function (f, i) { f.props = JSON.parse(JSON.stringify(basePractices[i])); f.el.setAttribute("fill", colour(f.props.status)); });
      Array.prototype.slice.call(document.querySelectorAll(".live-added")).forEach(function (x) { x.parentNode.removeChild(x); });
      V.recolour(); V.table();
      document.getElementById("scenario-result").innerHTML = "";
    }
    function colour(s) { return V.data.styles.status[(s || "unknown").toLowerCase()] || V.data.styles.status.unknown; }
    function recompute() {
      listChanges();
      if (!scenario.length) { restoreBaseline(); return Promise.resolve(null); }
      var box = document.getElementById("scenario-result");
      return api("POST", "/api/scenario", { changes: scenario }).then(function (a) {
        restoreBaseline();
        var byId = {};
        a.regions.forEach(function (r) { byId[r.region_id] = r; });
        V.layers.regions.forEach(function (f) { var r = byId[f.props.region_id]; if (r) Object.keys(r).forEach(function (k) { f.props[k] = r[k]; }); });
        a.practices.forEach(function (p) {
          var f = practiceById[p.id];
          if (f) { Object.keys(p).forEach(function (k) { f.props[k] = p[k]; }); f.el.setAttribute("fill", colour(p.status)); }
        });
        scenario.forEach(function (c) {
          if (c.action !== "add") return;
          var q = toWorld(c.lon, c.lat);
          var x = document.createElementNS(NS, "rect");
          x.setAttribute("x", q[0] - 4 / V.view.s); x.setAttribute("y", q[1] - 4 / V.view.s);
          x.setAttribute("width", 8 / V.view.s); x.setAttribute("height", 8 / V.view.s);
          x.setAttribute("fill", colour("open")); x.setAttribute("stroke", "#000"); x.setAttribute("class", "live-added");
          document.getElementById("g-practices").appendChild(x);
        });
        V.recolour(); V.table();
        box.innerHTML = "";
        box.appendChild(el("p", { id: "scenario-summary" }, [a.summary]));
        var t = el("table", { id: "scenario-changes" });
        t.appendChild(el("tr", {}, [el("th", {}, ["Region"]), el("th", {}, ["Δ mean"]), el("th", {}, ["displaced"]), el("th", {}, ["flag"])]));
        a.changes.forEach(function (r) {
          t.appendChild(el("tr", { "data-region": r.region_id, "data-delta-mean-m": r.delta_mean_m, "data-displaced": r.displaced_inhabitants },
            [el("td", {}, [r.name]), el("td", {}, [r.delta_mean_m === null ? "—" : Math.round(r.delta_mean_m) + " m"]), el("td", {}, [num(r.displaced_inhabitants)]), el("td", {}, [r.flag_change || ""])]));
        });
        box.appendChild(t);
        return a;
      }).catch(function (err) { showError(box, err); });
    }
    // A new status (or FTE) for a practice replaces its earlier one: the
    // scenario command refuses two that contradict each other.
    function kind(c) { return c.action === "fte" ? "fte" : c.action === "add" ? "add" : "status"; }
    function apply(change) {
      if (change.action !== "add") {
        scenario = scenario.filter(function (c) { return !(c.practice_id === change.practice_id && kind(c) === kind(change)); });
      }
      scenario.push(change);
      return recompute();
    }
    document.getElementById("scenario-undo").addEventListener("click", function () { scenario.pop(); recompute(); });
    document.getElementById("scenario-reset").addEventListener("click", function () { scenario = []; recompute(); });

    function download(name, type, content) {
      var a = el("a", { href: URL.createObjectURL(new Blob([content], { type: type })), download: name });
      document.body.appendChild(a); a.click(); a.parentNode.removeChild(a);
    }
    function csvCell(v) {
      if (v === undefined || v === null) return "";
      var s = String(v);
      return /[",\n]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
    }
    function changesCSV() {
      var cols = ["action", "practice_id", "value", "name", "fte", "lon", "lat"];
      return cols.join(",") + "\n" + scenario.map(function (c) { return cols.map(function (k) { return csvCell(c[k]); }).join(","); }).join("\n") + "\n";
    }
    document.getElementById("scenario-download").addEventListener("click", function () { download("changes.csv", "text/csv", changesCSV()); });
    document.getElementById("site-download").addEventListener("click", function () { if (lastSite) download("site.geojson", "application/geo+json", JSON.stringify(lastSite)); });

    var clickTimer = null;
    V.svg.addEventListener("click", function (e) {
      if (V.wasDrag()) return;
      var layer = e.target.getAttribute && e.target.getAttribute("data-layer");
      if (layer === "practices") { practicePanel(V.layers.practices[+e.target.getAttribute("data-index")]); return; }
      var c = eventLonLat(e), m = mode();
      if (m === "point") query(c[0], c[1]);
      else if (m === "site") { if (e.detail < 2) addVertex(c[0], c[1]); }
      else if (m === "add") apply({ action: "add", name: "New practice " + (scenario.filter(function (x) { return x.action === "add"; }).length + 1), lon: c[0], lat: c[1], fte: 1 });
    });
    V.svg.addEventListener("dblclick", function (e) { if (mode() === "site") { e.preventDefault(); closeSite(); } });

    window.bereikLive = {
      query: query, addVertex: addVertex, closeSite: closeSite, apply: apply, changesCSV: changesCSV,
      undo: function () { scenario.pop(); return recompute(); }, reset: function () { scenario = []; return recompute(); },
      toLonLat: toLonLat
    };
    // Test hook (?live-demo): runs a point query, a drawn site and the closure
    // of the most critical practice, for headless browser tests.
    if (new URLSearchParams(location.search).has("live-demo")) {
      var c = toLonLat((E[0] + E[2]) / 2, (E[1] + E[3]) / 2);
      var crit = V.layers.practices.filter(function (f) { return f.props.criticality_rank === 1; })[0] || V.layers.practices[0];
      query(c[0], c[1]).then(function () {
        var d = 0.01;
        [[c[0] - d, c[1] - d], [c[0] + d, c[1] - d], [c[0] + d, c[1] + d], [c[0] - d, c[1] + d]].forEach(function (p) { addVertex(p[0], p[1]); });
        var pointHTML = resultBox.innerHTML;
        return closeSite().then(function () {
          document.getElementById("live-demo-point").innerHTML = pointHTML;
          return apply({ action: "close", practice_id: crit.props.id });
        });
      }).then(function () { document.documentElement.setAttribute("data-live-done", "yes"); })
        .catch(function (err) { document.documentElement.setAttribute("data-live-done", "error: " + err); });
      var keep = el("div", { id: "live-demo-point", hidden: "hidden" });
      document.body.appendChild(keep);
    }
    document.documentElement.setAttribute("data-live-ready", "yes");
    })();
    """#
}
