-- wrk script for bench/kill9_load.sh: POST one diamond and write the X-Request-Id of every answer
-- received into answered-<thread>.txt (ids the server generated), so they can be looked up in the
-- request log after the server was killed and restarted.
local counter = 0
local threads = {}

function setup(thread)
  counter = counter + 1
  thread:set("id", counter)
  table.insert(threads, thread)
end

function init(args)
  out = io.open((os.getenv("KILL9_OUT") or ".") .. "/answered-" .. id .. ".txt", "w")
  out:setvbuf("full")
end

wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"carat": 1.1, "cut": "Ideal", "color": "H", "clarity": "SI2",'
  .. ' "depth": 62.0, "table": 55.0, "x": 6.61, "y": 6.65, "z": 4.11}'

function response(status, headers, body)
  local rid = headers["X-Request-Id"]
  if rid ~= nil and status == 200 then
    out:write(rid, "\n")
  end
end
