#!/usr/bin/env bash
# Fuzzes the readers (population, practices, regions; CSV and GeoJSON) and the
# number/status parsing with libFuzzer under AddressSanitizer, for a bounded
# time. Seeds come from Tests/Fuzz/corpus (never changed); new inputs go to
# .fuzz/corpus and any crash, trap, leak or hang to .fuzz/findings/.
#
#   scripts/fuzz.sh [seconds]        default 300
#
# Replay a finding (or the seed corpus) without libFuzzer:
#   swift build --product bereik-fuzz && .build/debug/bereik-fuzz .fuzz/findings/crash-...
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-300}
case "$seconds" in ''|*[!0-9]*) echo "usage: scripts/fuzz.sh [seconds]" >&2; exit 2;; esac

# -use-ld=lld: gold fails on the libFuzzer link. BEREIK_LIBFUZZER switches the
# target's main to libFuzzer's driver.
swift build --product bereik-fuzz --scratch-path .build-fuzz \
    -Xswiftc -sanitize=fuzzer,address -Xswiftc -DBEREIK_LIBFUZZER -Xswiftc -use-ld=lld 2>&1 \
    | grep -v "Cannot export local symbol" || true
binary=.build-fuzz/debug/bereik-fuzz
[ -x "$binary" ] || { echo "fuzz.sh: the fuzz build failed" >&2; exit 1; }

# Swift's crash backtracer trips ASan while it reads the crashed stack; libFuzzer
# reports the trap itself.
export SWIFT_BACKTRACE=enable=no
mkdir -p .fuzz/corpus .fuzz/findings
echo "fuzz.sh: fuzzing for ${seconds}s; findings go to .fuzz/findings/" >&2
status=0
"$binary" -max_total_time="$seconds" -max_len=4096 -timeout=30 -rss_limit_mb=4096 \
    -dict=Tests/Fuzz/readers.dict -artifact_prefix=.fuzz/findings/ -print_final_stats=1 \
    .fuzz/corpus Tests/Fuzz/corpus || status=$?
if [ $status -ne 0 ]; then
    echo "fuzz.sh: FINDING (exit $status): see .fuzz/findings/ and the report above" >&2
    ls -1 .fuzz/findings/ >&2
    exit 1
fi
echo "fuzz.sh: ${seconds}s without a crash, trap, leak or hang" >&2
