#!/usr/bin/env bash
# Issue 12's held-out grid comparison: a freshly generated road grid (the
# peer harness's make_dataset.py, a seed of your choice), scipy's graph build
# + nearest-open-practice Dijkstra (+ catchment matrix) through the peer
# harness, then bereik's WHOLE default analyze run (car, catchments, FCA, all
# outputs, maps) on the same network, points and practices.
#
#   bash scripts/bench-grid-vs-scipy.sh [nodes=200000] [seed=91127] [folder=/tmp/grid-vs-scipy] [roads=gpkg|csv]
#
# The road network goes to bereik as a GeoPackage line layer (written once by
# ogr2ogr from the neutral CSVs; the format the national case of issue 12
# names, and how NWB and most road data reach a planner), or with `csv` as a
# CSV of WKT lines, which GDAL parses on one thread (about 0.2 s more here).
#
# Needs ../shared/bench (numpy, scipy, pandas from requirements.txt) and a
# release build (swift build -c release). Prints scipy's times, bereik's
# wall and processor time, peak RSS and run.json's phase timings.
set -euo pipefail
nodes=${1:-200000}
seed=${2:-91127}
folder=${3:-/tmp/grid-vs-scipy}
roadformat=${4:-gpkg}
case "$roadformat" in gpkg|csv) ;; *) echo "roads format: gpkg or csv, not $roadformat" >&2; exit 1 ;; esac
here=$(cd "$(dirname "$0")/.." && pwd)
bench=$here/../shared/bench
bereik=$here/.build/release/bereik
[ -x "$bereik" ] || { echo "build first: swift build -c release" >&2; exit 1; }
[ -d "$bench" ] || { echo "no peer harness at $bench" >&2; exit 1; }
mkdir -p "$folder"
data=$folder/data-$nodes-$seed
if [ ! -f "$data/meta.json" ]; then
    python3 "$bench/make_dataset.py" --grid "$nodes" --seed "$seed" --out "$data" >/dev/null
fi
python3 "$bench/peers.py" --data "$data" --out "$folder/scipy.json" --peers scipy_csgraph --repeat 3 >/dev/null

# The neutral CSVs as bereik inputs: each edge a straight WKT line (shape
# nodes are nodes of their own), open=1/0 as a status.
inputs=$folder/in-$nodes-$seed
mkdir -p "$inputs"
python3 - "$data" "$inputs" <<'EOF'
import csv, sys
data, out = sys.argv[1], sys.argv[2]
nodes = {}
with open(f'{data}/nodes.csv') as f:
    for r in csv.DictReader(f):
        nodes[r['id']] = (r['x'], r['y'])
with open(f'{data}/edges.csv') as f, open(f'{out}/roads.csv', 'w') as o:
    o.write('id,WKT\n')
    for i, r in enumerate(csv.DictReader(f)):
        a, b = nodes[r['u']], nodes[r['v']]
        o.write(f'{i},"LINESTRING ({a[0]} {a[1]}, {b[0]} {b[1]})"\n')
with open(f'{data}/population.csv') as f, open(f'{out}/population.csv', 'w') as o:
    o.write('id,x,y,inhabitants\n')
    for r in csv.DictReader(f):
        o.write(f"p{r['id']},{r['x']},{r['y']},{r['inhabitants']}\n")
with open(f'{data}/practices.csv') as f, open(f'{out}/practices.csv', 'w') as o:
    o.write('id,x,y,status,gp_fte\n')
    for r in csv.DictReader(f):
        o.write(f"h{r['id']},{r['x']},{r['y']},{'open' if r['open'] == '1' else 'closed'},{r['gp_fte']}\n")
EOF

if [ "$roadformat" = gpkg ] && [ ! -f "$inputs/roads.gpkg" ]; then
    ogr2ogr -f GPKG "$inputs/roads-partial.gpkg" "$inputs/roads.csv" -oo GEOM_POSSIBLE_NAMES=WKT -oo KEEP_GEOM_COLUMNS=NO \
        -a_srs EPSG:28992 -nln roads -nlt LINESTRING
    mv "$inputs/roads-partial.gpkg" "$inputs/roads.gpkg"
fi

rm -rf "$folder/out"
/usr/bin/time -v -o "$folder/time.txt" "$bereik" analyze \
    --population "$inputs/population.csv" --practices "$inputs/practices.csv" \
    --roads "$inputs/roads.$roadformat" --crs EPSG:28992 --roads-crs EPSG:28992 \
    --out "$folder/out" >/dev/null

python3 - "$folder" "$roadformat" <<'EOF'
import json, re, sys
folder, roadformat = sys.argv[1], sys.argv[2]
s = json.load(open(f'{folder}/scipy.json'))
peer = s['peers']['scipy_csgraph']
build, nearest, catchment = peer['build_s'], peer['nearest_query_s'], peer['catchment_query_s']
t = open(f'{folder}/time.txt').read()
user = float(re.search(r'User time \(seconds\): ([\d.]+)', t).group(1))
sys_ = float(re.search(r'System time \(seconds\): ([\d.]+)', t).group(1))
wall = re.search(r'Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): ([\d:.]+)', t).group(1)
parts = [float(x) for x in wall.split(':')]
wall_s = sum(p * 60 ** i for i, p in enumerate(reversed(parts)))
rss = int(re.search(r'Maximum resident set size \(kbytes\): (\d+)', t).group(1)) / 1024
run = json.load(open(f'{folder}/out/run.json'))
print(f'scipy_csgraph: build {build:.3f} s, nearest {nearest:.3f} s, catchment matrix {catchment:.3f} s')
print(f'bereik analyze (defaults, roads as {roadformat}): wall {wall_s:.2f} s, processor {user + sys_:.2f} s, peak RSS {rss:.0f} MiB')
print('  phases (run.json, wall s):', ', '.join(f'{k} {v:.2f}' for k, v in sorted(run['timingsSeconds'].items()) if v))
print(f'ratio wall / scipy build+nearest: {wall_s / (build + nearest):.1f}x; '
      f'/ scipy build+nearest+catchment: {wall_s / (build + nearest + catchment):.1f}x')
EOF
