enum ViewerStyle {
    static let css = """
    * { box-sizing: border-box; }
    body { margin: 0; font: 14px/1.4 "DejaVu Sans", Helvetica, Arial, sans-serif; color: #222; background: #fafafa; }
    header { padding: 8px 16px; background: #fff; border-bottom: 1px solid #ddd; }
    h1 { font-size: 20px; margin: 0; }
    h2 { font-size: 14px; margin: 0 0 6px; }
    .dataline { margin: 2px 0; color: #444; }
    .synthetic { margin: 4px 0 0; padding: 3px 8px; background: #fff3cd; border: 1px solid #e0c36a; display: inline-block; }
    .js-error { background: #fdd; color: #900; padding: 8px; margin: 0; white-space: pre-wrap; }
    main { display: flex; height: 62vh; min-height: 420px; }
    #sidebar { width: 290px; overflow-y: auto; padding: 10px 12px; background: #fff; border-right: 1px solid #ddd; }
    #sidebar section { margin-bottom: 14px; }
    #sidebar label { display: block; margin: 3px 0; }
    .absent, .hint { color: #777; font-size: 12px; }
    #map-wrap { position: relative; flex: 1; overflow: hidden; background: #f4f4f0; }
    #map { width: 100%; height: 100%; display: block; cursor: grab; touch-action: none; }
    #map.dragging { cursor: grabbing; }
    #zoom { position: absolute; top: 10px; left: 10px; display: flex; flex-direction: column; gap: 4px; }
    #zoom button { width: 32px; height: 32px; font-size: 18px; background: #fff; border: 1px solid #999; border-radius: 4px; cursor: pointer; }
    #north { position: absolute; top: 10px; right: 12px; text-align: center; font-weight: bold; background: rgba(255,255,255,.85); padding: 2px 8px; border-radius: 4px; line-height: 1.1; }
    #scalebar { position: absolute; bottom: 12px; left: 12px; background: rgba(255,255,255,.85); padding: 3px 6px; font-size: 12px; }
    #scalebar-bar { height: 6px; border: 1px solid #111; border-top: none; margin-bottom: 2px; }
    #tooltip { position: absolute; pointer-events: none; background: #fff; border: 1px solid #888; padding: 3px 6px; font-size: 12px; box-shadow: 0 1px 3px rgba(0,0,0,.3); }
    #decimation { position: absolute; bottom: 12px; right: 12px; margin: 0; background: #fff3cd; padding: 3px 6px; font-size: 12px; max-width: 50%; }
    .legend-row { display: flex; align-items: center; gap: 8px; margin: 2px 0; font-size: 13px; }
    .swatch { width: 20px; height: 13px; border: 1px solid #555; flex: none; }
    .dot { border-radius: 50%; border: 1px solid #222; flex: none; }
    .legend-title { font-weight: bold; font-size: 12px; margin-top: 6px; }
    #properties table { border-collapse: collapse; font-size: 12px; width: 100%; }
    #properties td { border-bottom: 1px solid #eee; padding: 1px 4px; vertical-align: top; word-break: break-word; }
    #properties td:first-child { color: #555; white-space: nowrap; }
    #table-section { padding: 10px 16px; background: #fff; }
    #region-table { border-collapse: collapse; width: 100%; font-size: 13px; }
    #region-table th { text-align: left; background: #eee; padding: 4px 6px; cursor: pointer; user-select: none; white-space: nowrap; }
    #region-table th.sorted-asc::after { content: " ▲"; }
    #region-table th.sorted-desc::after { content: " ▼"; }
    #region-table td { padding: 3px 6px; border-bottom: 1px solid #eee; }
    #region-table td.reasons { font-size: 12px; color: #444; min-width: 320px; max-width: 420px; }
    #region-table td.num { text-align: right; font-variant-numeric: tabular-nums; }
    #region-table tr.flagged td:first-child { border-left: 4px solid #D55E00; }
    #region-table tbody tr { cursor: pointer; }
    #region-table tbody tr:hover, #region-table tbody tr.selected { background: #eef5fb; }
    footer { padding: 6px 16px 16px; font-size: 12px; color: #444; }
    path.selected { stroke: #000 !important; stroke-width: 3px !important; }
    """
}
