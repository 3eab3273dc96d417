-- wrk: GET /api/point at random places inside the served extent, PACED at
-- RATE requests/s in all (env RATE, default 500; THREADS = wrk's -t): each
-- wrk thread hands out send times RATE/THREADS apart to whichever of its
-- connections is free (delay() before every request), so the load is a
-- schedule, not "as fast as answers come". A late answer does not lower the
-- rate: the next free connection sends at once until the schedule is met.
-- BBOX="minLon,minLat,maxLon,maxLat" as in bench-serve-point.lua.
local ffi = require("ffi")
ffi.cdef [[
typedef struct { long tv_sec; long tv_nsec; } bereik_timespec;
int clock_gettime(int clock, bereik_timespec *t);
]]
local ts = ffi.new("bereik_timespec")
local function nowMs()
  ffi.C.clock_gettime(1, ts) -- CLOCK_MONOTONIC
  return tonumber(ts.tv_sec) * 1000 + tonumber(ts.tv_nsec) / 1e6
end

local box = {}
for v in string.gmatch(os.getenv("BBOX") or "6.2,52.6,7.0,53.1", "[^,]+") do box[#box + 1] = tonumber(v) end
local minLon, minLat, maxLon, maxLat = box[1], box[2], box[3], box[4]
local dLon, dLat = (maxLon - minLon) * 0.1, (maxLat - minLat) * 0.1
local rate = tonumber(os.getenv("RATE") or "500")
local threads = tonumber(os.getenv("THREADS") or "2")
local interval = 1000 * threads / rate -- ms between sends of one thread
local nextSend = nil

function setup(thread) thread:set("id", math.random(1, 1000000)) end
function init(args) math.randomseed(os.time() + (id or 0)) end

delay = function()
  local now = nowMs()
  if nextSend == nil then nextSend = now + math.random() * interval end
  local slot = nextSend
  nextSend = nextSend + interval
  local wait = slot - now
  if wait < 0 then return 0 end
  return math.floor(wait + 0.5)
end

request = function()
  local lon = minLon + dLon + math.random() * (maxLon - minLon - 2 * dLon)
  local lat = minLat + dLat + math.random() * (maxLat - minLat - 2 * dLat)
  return wrk.format("GET", string.format("/api/point?lon=%.6f&lat=%.6f", lon, lat))
end

done = function(summary, latency, requests)
  io.write(string.format("paced point (target %d/s): %d requests in %.1f s = %.0f req/s; p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms; non-2xx %d, socket errors %d\n",
    rate, summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    summary.errors.status, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
