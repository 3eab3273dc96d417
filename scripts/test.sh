#!/usr/bin/env bash
# Sets up and runs the whole test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/system-packages.sh
swift build --build-tests
swift test --skip-build --disable-swift-testing "$@"
