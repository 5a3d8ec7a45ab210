-- wrk script: durable morning check-ins on random dates over ~25 years.
wrk.method = "PUT"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"pain": 3, "stiffness": 4}'
local thread_seed = 0
function setup(thread)
  thread_seed = thread_seed + 1
  thread:set("seed", thread_seed)
end
function init(args)
  math.randomseed(seed * 7919)
end
function request()
  local d = os.date("!%Y-%m-%d", 946684800 + math.random(0, 9000) * 86400)
  return wrk.format(nil, "/api/v1/days/" .. d .. "/morning")
end
