-- wrk: GET /api/point at random places inside the served extent
-- (BBOX="minLon,minLat,maxLon,maxLat", from /api/health).
local box = {}
for v in string.gmatch(os.getenv("BBOX") or "6.2,52.6,7.0,53.1", "[^,]+") do box[#box + 1] = tonumber(v) end
local minLon, minLat, maxLon, maxLat = box[1], box[2], box[3], box[4]
-- Stay inside the middle 80 % so points rarely fall outside the study area.
local dLon, dLat = (maxLon - minLon) * 0.1, (maxLat - minLat) * 0.1
local errors = 0

function setup(thread) thread:set("id", math.random(1, 1000000)) end
function init(args) math.randomseed(os.time() + (id or 0)) end

request = function()
  local lon = minLon + dLon + math.random() * (maxLon - minLon - 2 * dLon)
  local lat = minLat + dLat + math.random() * (maxLat - minLat - 2 * dLat)
  return wrk.format("GET", string.format("/api/point?lon=%.6f&lat=%.6f", lon, lat))
end

response = function(status, headers, body)
  if status ~= 200 then errors = errors + 1 end
end

done = function(summary, latency, requests)
  io.write(string.format("point: %d requests in %.1f s = %.0f req/s; p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms; non-2xx %d, socket errors %d\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    summary.errors.status, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
