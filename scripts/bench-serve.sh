#!/usr/bin/env bash
# Speed of `bereik serve` over loopback, against the targets of issue 14:
# point queries paced at 500/s for the whole duration (wrk + a Lua schedule:
# achieved rate, p50/p99/max, errors, memory before and after), the same
# unpaced (most queries/s, latencies at saturation), a site check and a
# one-practice scenario (with the server's own split of its time), and
# memory (VmRSS, VmHWM). On the default data and on generated networks.
#   scripts/bench-serve.sh [duration-seconds (default 30)] [node counts (default "200000 1000000")] [rate (default 500)]
# Uses .build/release/bereik when built (swift build -c release), else the debug build.
# Only loopback traffic; every load run is bounded in time.
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${1:-30}
NODES=${2:-"200000 1000000"}
RATE=${3:-500}
BIN=.build/release/bereik
[ -x "$BIN" ] || { BIN=.build/debug/bereik; echo "note: no release build; using the debug build (figures are slower than release)"; }
command -v wrk >/dev/null || { echo "wrk is not installed (Debian: apt-get install wrk)"; exit 1; }

ms() { python3 -c 'import sys; v=sorted(float(x)*1000 for x in sys.argv[1:]); print("p50 %.1f ms, max %.1f ms (n=%d)" % (v[len(v)//2], v[-1], len(v)))' "$@"; }
# The server's CPU seconds so far (user + system), whatever else loads the machine.
cpu() { awk -v t="$(getconf CLK_TCK)" '{printf "%.3f", ($14 + $15) / t}' /proc/"$1"/stat; }
per_query() { python3 -c 'import sys,re; a,b=float(sys.argv[1]),float(sys.argv[2]); m=re.search(r"(\d+) requests", sys.argv[3]); n=int(m.group(1)) if m else 0; print("server CPU %.2f ms per query (%.1f s for %d)" % ((b-a)*1000/max(n,1), b-a, n))' "$@"; }
mem() { awk -v k="$2" '$1 == k":" {printf "%.0f MiB", $2/1024}' /proc/"$1"/status; }

run_one() {
  local label=$1; shift
  local log; log=$(mktemp)
  local t0; t0=$(date +%s.%N)
  "$BIN" serve --port 0 "$@" >"$log" 2>/dev/null &
  local pid=$!
  local url=""
  for _ in $(seq 1 18000); do
    url=$(grep -o 'http://127\.0\.0\.1:[0-9]*/' "$log" | head -1 || true)
    [ -n "$url" ] && break
    kill -0 $pid 2>/dev/null || { echo "$label: server exited"; cat "$log"; return 1; }
    sleep 0.1
  done
  [ -n "$url" ] || { echo "$label: server did not start"; kill $pid; return 1; }
  url=${url%/}
  local health; health=$(curl -s "$url/api/health")
  local bbox; bbox=$(python3 -c 'import json,sys; print(",".join(str(v) for v in json.loads(sys.argv[1])["extent_wgs84"]))' "$health")
  echo "== $label: $(python3 -c 'import json,sys; h=json.loads(sys.argv[1]); print("%d road nodes, %d points, %d practices, %d regions" % (h["road_nodes"], h["population_points"], h["practices"], h["regions"]))' "$health")"
  echo "start-up: $(python3 -c "import sys; print('%.1f s' % (float(sys.argv[2]) - float(sys.argv[1])))" "$t0" "$(date +%s.%N)"), memory when serving: RSS $(mem $pid VmRSS), peak $(mem $pid VmHWM)"
  python3 -c 'import json,sys; h=json.loads(sys.argv[1]); print("  RSS after each start-up step (MiB): " + ", ".join("%s %d" % kv for kv in h["startup_rss_mib"].items()) + "; page %.1f MB; kept FCA pairs %d (%.0f MiB)" % (h["page_bytes"] / 1e6, h["kept_fca_pairs"], h["kept_fca_pairs"] * 12 / 2**20))' "$health"
  # Paced: the target rate for the whole duration; memory must stay flat.
  local before; before=$(mem $pid VmRSS)
  local c0 line; c0=$(cpu $pid)
  line=$(RATE=$RATE THREADS=2 BBOX=$bbox wrk -t2 -c16 -d"${DURATION}s" --timeout 5s -s scripts/bench-serve-paced.lua "$url" | grep '^paced point')
  echo "$line; $(per_query "$c0" "$(cpu $pid)" "$line")"
  echo "memory during the paced run: RSS $before at start, $(mem $pid VmRSS) at end"
  # Unpaced: as many as 8 connections get answered.
  c0=$(cpu $pid)
  line=$(BBOX=$bbox wrk -t2 -c8 -d"${DURATION}s" --timeout 5s -s scripts/bench-serve-point.lua "$url" | grep '^point:' | sed 's/^point:/unpaced point (8 connections):/')
  echo "$line; $(per_query "$c0" "$(cpu $pid)" "$line")"
  # A site check: a 1 km square with 300 homes in the middle of the extent.
  local site; site=$(python3 -c '
import json,sys
b=[float(v) for v in sys.argv[1].split(",")]; x=(b[0]+b[2])/2; y=(b[1]+b[3])/2; d=0.007
print(json.dumps({"type":"FeatureCollection","features":[{"type":"Feature","properties":{"homes":300},"geometry":{"type":"Polygon","coordinates":[[[x-d,y-d],[x+d,y-d],[x+d,y+d],[x-d,y+d],[x-d,y-d]]]}}]}))' "$bbox")
  local times=()
  for _ in 1 2 3 4 5 6 7 8 9 10; do
    times+=("$(curl -s -o /dev/null -w '%{time_total}' -X POST -H 'Content-Type: application/json' --data "$site" "$url/api/sites")")
  done
  echo "site check: $(ms "${times[@]}")"
  # A one-practice scenario: close the practice nearest the middle.
  local centre; centre=$(python3 -c 'import sys; b=[float(v) for v in sys.argv[1].split(",")]; print("lon=%.6f&lat=%.6f" % ((b[0]+b[2])/2, (b[1]+b[3])/2))' "$bbox")
  local practice; practice=$(curl -s "$url/api/point?$centre" | python3 -c 'import json,sys; print(json.load(sys.stdin)["nearest_straight_line"][0]["practice_id"])')
  times=()
  local split=""
  for _ in 1 2 3 4 5; do
    local head; head=$(mktemp)
    times+=("$(curl -s -o /dev/null -D "$head" -w '%{time_total}' -X POST -H 'Content-Type: application/json' --data "{\"changes\":[{\"action\":\"close\",\"practice_id\":\"$practice\"}]}" "$url/api/scenario")")
    split=$(grep -i '^server-timing:' "$head" | sed 's/^[^:]*: *//; s/;dur=/ /g' | tr -d '\r')
    rm -f "$head"
  done
  echo "scenario (close $practice): $(ms "${times[@]}"); server's split of the last, ms: $split"
  echo "memory at the end: RSS $(mem $pid VmRSS), peak $(mem $pid VmHWM)"
  kill -TERM $pid
  wait $pid || true
  rm -f "$log"
}

run_one "default data"
for n in $NODES; do
  run_one "generated network (~$n nodes)" --synthetic-nodes "$n"
done
