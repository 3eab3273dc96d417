#!/usr/bin/env bash
# Runs the C-interop tests (GEOS, PROJ, GDAL) and the bad-input tests under
# valgrind memcheck: any invalid access or definite leak fails the run.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build --build-tests
status=0
for suite in GeoTests.GeometryEngineTests GeoTests.ProjTransformTests GeoTests.VectorIOTests AccessTests.BadInputTests AccessTests.StraightLineAnalysisTests; do
    log=$(mktemp)
    # Under valgrind, Foundation cannot spawn the throwaway PostgreSQL server.
    if BEREIK_NO_PG_SERVER=1 valgrind --suppressions=scripts/valgrind.supp --leak-check=full --show-leak-kinds=definite \
        --errors-for-leak-kinds=definite --error-exitcode=9 \
        .build/debug/bereikPackageTests.xctest "$suite" >"$log" 2>&1; then
        echo "$suite: clean ($(grep -o 'Executed [0-9]* tests\?' "$log" | tail -1))"
    else
        echo "$suite: FAILED under valgrind, log in $log"; status=1
    fi
done
exit $status
