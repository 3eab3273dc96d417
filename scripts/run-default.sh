#!/usr/bin/env bash
# Sets up and runs the main job on the embedded default data (GeoData/):
# installs the system packages if needed, builds bereik in release mode,
# writes the analysis, maps, viewer and report to out/default, and refreshes
# the rendered maps of the default data in Maps/.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/system-packages.sh
swift build -c release --product bereik
.build/release/bereik analyze --out out/default "$@"
mkdir -p Maps
cp out/default/maps/*.svg Maps/
cp out/default/maps/*.png Maps/ 2>/dev/null || true
echo "Maps of the default data copied to Maps/; open out/default/viewer.html or out/default/report.html in a browser."
