#!/usr/bin/env bash
# `bereik trend` on a national case of real files: the CBS 2023 PC4 figures
# joined to the PC4 polygons (4,053 points), the ZorgkaartNederland practice
# list (4,867 practices, status unknown -> --unknown-status open), the 352
# municipalities of 2021 (../shared/data/PROVENANCE.md) and a generated
# status history (600 practices drawn with seed 13: open on 2025-01-01, then
# partial for their own PC4 and the next two, or closed, at a random month,
# 30 % of them open again three months later). Monthly, 2025-01 to 2026-09,
# straight line, flag distance 2 km (so that many municipalities are flagged).
#
#   bash scripts/bench-trend-nl.sh [bereik=.build/debug/bereik] [folder=/tmp/trend-nl]
#
# Prints wall and processor time, peak RSS and run.json's phase timings.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
bereik=${1:-$here/.build/debug/bereik}
folder=${2:-/tmp/trend-nl}
data=$here/../shared/data/nl
mkdir -p "$folder"
python3 - "$data/gp_practices_zorgkaart_nl.csv" "$folder/status_nl.csv" <<'EOF'
import csv, random, sys
random.seed(13)
rows = [r for r in csv.DictReader(open(sys.argv[1])) if r['lon'] and r['pc4']]
months = [f"2025-{m:02d}-01" for m in range(1, 13)] + [f"2026-{m:02d}-01" for m in range(1, 10)]
out = []
for r in sorted(random.sample(rows, 600), key=lambda r: r['zorgkaart_id']):
    pid = r['zorgkaart_id']
    out.append((pid, '2025-01-01', 'open', '', 'generated'))
    k = random.randrange(1, len(months))
    status = random.choice(['partial', 'partial', 'closed'])
    area = f"{int(r['pc4'])}-{int(r['pc4']) + 2}" if status == 'partial' else ''
    out.append((pid, months[k], status, area, 'generated'))
    if k + 3 < len(months) and random.random() < 0.3:
        out.append((pid, months[k + 3], 'open', '', 'generated'))
with open(sys.argv[2], 'w', newline='') as f:
    w = csv.writer(f)
    w.writerow(['practice_id', 'date_from', 'status', 'eligible_postcodes', 'source'])
    w.writerows(out)
EOF
uptime
/usr/bin/time -v "$bereik" trend --population "$data/cbs_pc4_2023_kerncijfers_nl.csv" \
  --population-geometry "$data/pc4_polygons_nl_spatialrisk.geojson" --population-key pc4 \
  --practices "$data/gp_practices_zorgkaart_nl.csv" --regions "$data/gemeenten_nl_2021_spatialrisk.geojson" \
  --status-history "$folder/status_nl.csv" --unknown-status open --flag-max-km 2 \
  --from 2025-01 --to 2026-09 --step month --no-maps --out "$folder/out" > "$folder/summary.txt" 2> "$folder/time.txt"
tail -2 "$folder/summary.txt"
grep -E "Elapsed|User time|System time|Maximum resident" "$folder/time.txt"
python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['timingsSeconds'])" "$folder/out/run.json"
