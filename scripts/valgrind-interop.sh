#!/usr/bin/env bash
# Runs the C-interop tests (GEOS, PROJ, GDAL) and the bad-input tests under
# valgrind memcheck: any invalid access or definite leak fails the run.
#
#   scripts/valgrind-interop.sh [SUITE...]   default: the suites below
# A suite is a test target (GeoTests) or Target.Class (AccessTests.BadInputTests).
set -euo pipefail
cd "$(dirname "$0")/.."
command -v valgrind >/dev/null || { echo "valgrind is not installed (Debian: valgrind)" >&2; exit 1; }
if [ $# -gt 0 ]; then
    suites=("$@")
else
    suites=(GeoTests AccessTests.BadInputTests AccessTests.StraightLineAnalysisTests)
fi
swift build --build-tests
bundle=.build/debug/bereikPackageTests.xctest
status=0
for suite in "${suites[@]}"; do
    # The test binary takes Target.Class or Target.Class/test names, not a
    # bare target: expand the suite into its tests.
    tests=$("$bundle" --list-tests 2>/dev/null | grep -E "^${suite//./\\.}[./]" | paste -sd, -)
    if [ -z "$tests" ]; then
        echo "$suite: no such tests"; status=1; continue
    fi
    log=$(mktemp /tmp/bereik-valgrind-XXXXXX)
    # Under valgrind, Foundation cannot spawn the throwaway PostgreSQL server.
    # Swift's crash backtracer would run under valgrind too: off.
    if BEREIK_NO_PG_SERVER=1 SWIFT_BACKTRACE=enable=no valgrind --suppressions=scripts/valgrind.supp \
        --leak-check=full --show-leak-kinds=definite --errors-for-leak-kinds=definite --error-exitcode=9 \
        "$bundle" "$tests" >"$log" 2>&1; then
        echo "$suite: clean ($(grep -E 'Executed [0-9]+ tests?' "$log" | tail -1 | sed -e 's/^[[:space:]]*//' -e 's/ in [0-9.]* .*//'))"
        rm -f "$log"
    else
        echo "$suite: FAILED under valgrind, log in $log"
        grep -E "Invalid|definitely lost|error:|Executed" "$log" | head -20
        status=1
    fi
done
exit $status
