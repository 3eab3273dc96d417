#!/usr/bin/env bash
# Runs the C-interop suites (GEOS, PROJ, GDAL: every GeoTests suite) and the
# bad-input suites under a memory checker. Any invalid access, double free,
# leak, trap or test failure fails the run (exit status non-zero). The last
# line is the test runner's closing line.
#
#   scripts/sanitize.sh asan       AddressSanitizer + LeakSanitizer (build in .build-asan),
#                                  then the fuzz seed corpus replayed under ASan
#   scripts/sanitize.sh valgrind   valgrind memcheck (scripts/valgrind-interop.sh)
#   scripts/sanitize.sh all        both
set -euo pipefail
cd "$(dirname "$0")/.."
mode=${1:-asan}

# The suites that cross the C boundary or feed it bad input.
suites=(GeoTests AccessTests.BadInputTests AccessTests.StraightLineAnalysisTests AccessTests.ValueParsingTests AccessTests.DrawingThinnerTests AccessTests.RoadSampleFileTests AccessTests.ByteSinkTests AccessTests.TypedRowsTests)
filter=$(IFS='|'; echo "${suites[*]}")

run_asan() {
    echo "== AddressSanitizer: building into .build-asan" >&2
    swift build --build-tests -Xswiftc -sanitize=address --scratch-path .build-asan
    # Swift's own crash backtracer trips ASan while it reads the crashed stack;
    # ASan's report is the one we want.
    export SWIFT_BACKTRACE=enable=no
    echo "== AddressSanitizer: fuzz seed corpus replayed through the readers" >&2
    ASAN_OPTIONS=detect_leaks=1 .build-asan/debug/bereik-fuzz Tests/Fuzz/corpus
    # LeakSanitizer's check at exit would count XCTest's own test-case tree as
    # leaked: the tests run one check after the last test instead
    # (Tests/GeoTests/LeakCheck.swift), which fails the run on any leak.
    # The PostGIS test's server helper reaps its processes itself, which
    # leaves Foundation's Process objects behind (test code, not bereik):
    # the server is not started here, as under valgrind.
    echo "== AddressSanitizer: $filter" >&2
    BEREIK_NO_PG_SERVER=1 ASAN_OPTIONS=detect_leaks=1:leak_check_at_exit=0 \
        LSAN_OPTIONS=suppressions=$PWD/scripts/lsan.supp:print_suppressions=0 \
        swift test --skip-build --scratch-path .build-asan --disable-swift-testing --filter "$filter"
}

run_valgrind() {
    echo "== valgrind memcheck" >&2
    bash scripts/valgrind-interop.sh "${suites[@]}"
}

case "$mode" in
    asan) run_asan ;;
    valgrind) run_valgrind ;;
    all) run_valgrind; run_asan ;;
    *) echo "usage: scripts/sanitize.sh asan|valgrind|all" >&2; exit 2 ;;
esac
