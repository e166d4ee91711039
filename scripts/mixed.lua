-- wrk script: a mix of reads and writes like lifters at a gym. Four in five
-- requests read today's plan; one in five stores a check-in for a random day.
local token = os.getenv("BACKLOAD_TOKEN")
math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16))
request = function()
  local headers = { ["Authorization"] = "Bearer " .. token }
  if math.random(5) == 1 then
    headers["Content-Type"] = "application/json"
    local body = string.format('{"date": "20%02d-%02d-%02d", "pain": %d}', math.random(10, 25), math.random(12), math.random(28), math.random(0, 10))
    return wrk.format("POST", "/api/v1/checkins", headers, body)
  end
  return wrk.format("GET", "/api/v1/today", headers)
end
