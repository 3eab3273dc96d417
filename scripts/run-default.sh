#!/usr/bin/env bash
# Sets up and runs the main job on the embedded default data (GeoData/):
# installs the system packages if needed, builds bereik in release mode and
# writes the analysis to out/default.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/system-packages.sh
swift build -c release --product bereik
.build/release/bereik analyze --out out/default "$@"
