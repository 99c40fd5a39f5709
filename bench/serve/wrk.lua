-- wrk.lua - the wrk script of bench/serve_bench.sh (wrk 4.x, LuaJIT).
--
-- Environment:
--   BENCH_ACCEPT  the Accept header of every request (optional)
--   BENCH_PATHS   paths (with their query strings) separated by '|': the
--                 requests cycle through them; empty = the URL on the
--                 command line
--   BENCH_LIMIT   stop each thread after this many responses (0: run for
--                 wrk's -d); a stopped thread writes BENCH_DONE_DIR/done-K
--                 so that the caller can interrupt wrk (whose main thread
--                 otherwise sleeps for the whole -d)
--
-- At the end wrk prints, besides its own report, one line for the caller:
--   wrk-summary requests=N duration_us=... connect=... read=... write=...
--   status=... timeout=... p50_us=... p90_us=... p99_us=... max_us=...
--   mean_us=... rps=...
-- status counts the non-2xx/3xx answers; the others are socket errors.

local accept = os.getenv("BENCH_ACCEPT")
if accept and accept ~= "" then
  wrk.headers["Accept"] = accept
end

local paths = {}
for p in string.gmatch(os.getenv("BENCH_PATHS") or "", "[^|]+") do
  paths[#paths + 1] = p
end

local limit = tonumber(os.getenv("BENCH_LIMIT") or "0") or 0
local done_dir = os.getenv("BENCH_DONE_DIR") or "."

-- setup() runs in the main Lua state, once per thread: number them
local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("thread_id", threads)
end

if #paths > 0 then
  local i = 0
  function request()
    i = i % #paths + 1
    return wrk.format(nil, paths[i])
  end
end

if limit > 0 then
  local n = 0
  function response(status, headers, body)
    n = n + 1
    if n == limit then
      local f = io.open(done_dir .. "/done-" .. tostring(thread_id), "w")
      if f then
        f:write(n, "\n")
        f:close()
      end
      wrk.thread:stop()
    end
  end
end

function done(summary, latency, requests)
  local e = summary.errors
  local secs = summary.duration / 1e6
  io.write(string.format(
    "wrk-summary requests=%d duration_us=%d connect=%d read=%d write=%d " ..
    "status=%d timeout=%d p50_us=%d p90_us=%d p99_us=%d max_us=%d " ..
    "mean_us=%.0f rps=%.1f\n",
    summary.requests, summary.duration, e.connect, e.read, e.write,
    e.status, e.timeout, latency:percentile(50), latency:percentile(90),
    latency:percentile(99), latency.max, latency.mean,
    secs > 0 and summary.requests / secs or 0))
end
