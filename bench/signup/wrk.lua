-- wrk script for bench/signup/run. One script, two modes, chosen by the arguments after "--":
--
--   wrk ... -s wrk.lua http://127.0.0.1:PORT/api/v1/terms?lang=en -- terms
--   wrk ... -s wrk.lua http://127.0.0.1:PORT/api/v1/signups       -- signup <termsVersionId> <prefix>
--
-- In signup mode every request carries a new address, <prefix>-t<thread>-<n>@example.org: the thread
-- number is set per thread in setup(), n counts the requests that thread has built, and one wrk thread
-- builds the requests of all its connections in its own Lua state, so no two requests share an address.
-- Use a different prefix per wrk run (warm-up vs measured run) to keep addresses unique across runs.
--
-- done() prints one machine-readable line starting with "RESULT" (parsed by bench/signup/run):
-- requests/s, p50/p99 latency (microseconds), answers that were not 2xx, answers with the expected status,
-- requests built ("sent", including ones still in flight when wrk stopped), socket errors, and a
-- status histogram. wrk's own "Non-2xx or 3xx" line treats 3xx as success; this count does not.

local threads = {}
local next_id = 0

-- main state: runs once per thread before the run starts
function setup(thread)
   next_id = next_id + 1
   thread:set("id", next_id)
   table.insert(threads, thread)
end

-- thread states ------------------------------------------------------------------------------------
local mode, expected, static_request, prefix, terms_version
local counter = 0
sent = 0
ok = 0
non2xx = 0
statuses = {}

function init(args)
   mode = args[1] or "terms"
   if mode == "signup" then
      terms_version = assert(args[2], "signup mode needs the terms versionId")
      prefix = assert(args[3], "signup mode needs an address prefix")
      expected = 202
      wrk.method = "POST"
      wrk.headers["Content-Type"] = "application/json"
      wrk.headers["Accept"] = "application/json"
   else
      expected = 200
      wrk.headers["Accept"] = "application/json"
      static_request = wrk.format("GET")
   end
end

function request()
   sent = sent + 1
   if static_request then
      return static_request
   end
   counter = counter + 1
   local email = string.format("%s-t%d-%d@example.org", prefix, id, counter)
   local body = string.format(
      '{"email":"%s","firstName":"Bench","lastName":"User","zip":"10004","termsVersion":"%s",'
         .. '"consent":true,"language":"en"}', email, terms_version)
   return wrk.format(nil, nil, nil, body)
end

function response(status, headers, body)
   if status == expected then
      ok = ok + 1
   end
   if status < 200 or status > 299 then
      non2xx = non2xx + 1
   end
   local key = tostring(status)
   statuses[key] = (statuses[key] or 0) + 1
end

-- main state: after all threads have stopped ---------------------------------------------------------
function done(summary, latency, requests)
   local total_sent, total_ok, total_non2xx = 0, 0, 0
   local hist = {}
   for _, t in ipairs(threads) do
      total_sent = total_sent + (t:get("sent") or 0)
      total_ok = total_ok + (t:get("ok") or 0)
      total_non2xx = total_non2xx + (t:get("non2xx") or 0)
      for k, v in pairs(t:get("statuses") or {}) do
         hist[k] = (hist[k] or 0) + v
      end
   end
   local keys = {}
   for k in pairs(hist) do
      table.insert(keys, k)
   end
   table.sort(keys)
   local parts = {}
   for _, k in ipairs(keys) do
      table.insert(parts, k .. ":" .. hist[k])
   end
   local e = summary.errors
   io.write(string.format(
      "RESULT requests=%d duration_us=%d rps=%.2f p50_us=%d p99_us=%d max_us=%d non2xx=%d ok=%d sent=%d "
         .. "err_connect=%d err_read=%d err_write=%d err_timeout=%d statuses=%s\n",
      summary.requests, summary.duration, summary.requests / (summary.duration / 1e6),
      latency:percentile(50), latency:percentile(99), latency.max, total_non2xx, total_ok, total_sent,
      e.connect, e.read, e.write, e.timeout, (#parts > 0) and table.concat(parts, ",") or "-"))
end
